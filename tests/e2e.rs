//! End-to-end tests of the dashboard: the real binary in a pseudo-terminal, keys typed as a
//! user types them, and assertions on the screen it draws and the bytes it leaves behind.

#[path = "pty/mod.rs"]
mod pty;

use std::fmt::Write as _;
use std::process::{Command, Stdio};
use std::time::Duration;

use pty::{CTRL_C, ENTER, Screen, TAB, Tui};

/// What crossterm 0.29 writes for `DisableMouseCapture`.
const DISABLE_MOUSE: &str = "\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l";
const ENTER_ALT: &str = "\x1b[?1049h";
const LEAVE_ALT: &str = "\x1b[?1049l";
const SHOW_CURSOR: &str = "\x1b[?25h";

const EXIT_TIMEOUT: Duration = Duration::from_secs(5);

/// The bundled sample, as the dashboard opens it with no arguments.
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sample-data/suppression-export.csv"
);

// ---------------------------------------------------------------------------------------------
// Reading the screen

/// Opens the sample at `cols`×`rows` and waits for the first full frame.
fn open_sample(cols: u16, rows: u16) -> (Tui, Screen) {
    let mut tui = Tui::spawn(cols, rows, &[]);
    let screen = tui.wait_for("the dashboard", |s| {
        s.contains(" contacts │") && s.line(s.height() - 1).contains("Enter drill down")
    });
    (tui, screen)
}

/// The number in the header's `N contacts`.
fn header_count(screen: &Screen) -> usize {
    let line = screen.line(0);
    let before = line
        .split(" contacts")
        .next()
        .unwrap_or_else(|| panic!("no contact count in the header: {line:?}"));
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no contact count in the header: {line:?}"))
}

/// `(shown, total)` from the contacts pane title `Contacts 2 · shown of total · …`.
fn contacts_title(screen: &Screen) -> Option<(usize, usize)> {
    let (row, col) = screen.find("Contacts 2 · ")?;
    let text = screen.row_text(row, col, screen.width);
    let rest = text.split(" · ").nth(1)?;
    let (shown, total) = rest.split_once(" of ")?;
    Some((shown.trim().parse().ok()?, total.trim().parse().ok()?))
}

/// Whether a search is still running (the title says so).
fn searching(screen: &Screen) -> bool {
    screen
        .find("Contacts 2 · ")
        .is_some_and(|(row, _)| screen.line(row).contains("searching…"))
}

/// Whether no search is running and the contacts title's `(shown, total)` satisfies
/// `count_ok`.
fn settled(screen: &Screen, count_ok: impl Fn(usize, usize) -> bool) -> bool {
    !searching(screen)
        && contacts_title(screen).is_some_and(|(shown, total)| count_ok(shown, total))
}

/// The status line (second header line).
fn status_line(screen: &Screen) -> String {
    screen.line(1)
}

/// The data rows of the contacts table.
fn contact_rows(screen: &Screen) -> Vec<String> {
    screen.table_rows("Contacts 2 · ")
}

/// The address column of a contact row (possibly cut short by the column width).
fn email_of(row: &str) -> &str {
    row.split_whitespace()
        .find(|word| word.contains('@'))
        .unwrap_or_else(|| panic!("no address in contact row {row:?}"))
}

/// Splits a breakdown row (`✗ hard   257  59.4% ████`, `550  123  28.4% ██ Mailbox …`) into
/// its value and COUNT: the count is the number just before the percentage.
fn breakdown_value_and_count(row: &str) -> (String, usize) {
    let words: Vec<&str> = row.split_whitespace().collect();
    let percent = words
        .iter()
        .position(|w| w.ends_with('%'))
        .unwrap_or_else(|| panic!("no % in breakdown row {row:?}"));
    assert!(percent >= 2, "no value and COUNT in breakdown row {row:?}");
    let count = words[percent - 1]
        .parse()
        .unwrap_or_else(|_| panic!("no COUNT in breakdown row {row:?}"));
    let value: Vec<&str> = words[..percent - 1]
        .iter()
        .copied()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    (value.join(" "), count)
}

/// The searchable text (address, name, company, server text) of every contact in the sample,
/// lowercased, keyed by address: an oracle for rows whose matching text is not on screen.
fn sample_haystacks() -> Vec<(String, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(SAMPLE)
        .expect("the sample opens");
    let headers = reader.headers().expect("the sample has a header").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .unwrap_or_else(|| panic!("the sample has no {name:?} column"))
    };
    let fields = [
        column("Email Address"),
        column("First Name"),
        column("Last Name"),
        column("Company"),
        column("Reason"),
    ];
    reader
        .records()
        .filter_map(Result::ok)
        .map(|record| {
            let text = fields
                .iter()
                .map(|&i| record.get(i).unwrap_or(""))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            (record.get(fields[0]).unwrap_or("").to_lowercase(), text)
        })
        .collect()
}

/// Whether some contact whose address starts with `shown` (the visible, maybe cut, address)
/// satisfies `test` on its searchable text.
fn some_contact(haystacks: &[(String, String)], shown: &str, test: impl Fn(&str) -> bool) -> bool {
    let shown = shown.to_lowercase();
    haystacks
        .iter()
        .filter(|(email, _)| email.starts_with(&shown))
        .any(|(_, text)| test(text))
}

/// Asserts the raw output ends with the terminal given back: alternate screen left, mouse
/// reporting off and the cursor shown, each after the last time it was set up.
fn assert_terminal_restored(tui: &Tui) {
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    let entered = raw
        .rfind(ENTER_ALT)
        .unwrap_or_else(|| panic!("the alternate screen was never entered:\n{raw:?}"));
    let tail = &raw[entered..];
    assert!(
        tail.contains(LEAVE_ALT),
        "the alternate screen is not left after it was last entered; tail:\n{tail:?}"
    );
    let mouse_on = raw.rfind("\x1b[?1000h").expect("mouse capture was enabled");
    assert!(
        raw[mouse_on..].contains(DISABLE_MOUSE),
        "mouse capture is not disabled after it was enabled; tail:\n{:?}",
        &raw[mouse_on..]
    );
    let hidden = raw.rfind("\x1b[?25l").unwrap_or(0);
    assert!(
        raw[hidden..].contains(SHOW_CURSOR),
        "the cursor is not shown again after it was last hidden; tail:\n{:?}",
        &raw[hidden..]
    );
    let screen = tui.screen();
    assert!(
        !screen.alternate,
        "the terminal is still on the alternate screen"
    );
    assert!(
        !screen.mouse_reporting,
        "the terminal still reports the mouse"
    );
    assert!(!screen.cursor_hidden, "the cursor is still hidden");
    assert_eq!(
        tui.raw_mode(),
        Some(false),
        "the terminal is left in raw mode (no echo, no line editing)"
    );
}

/// Quits with Ctrl-c (which works everywhere, even while typing) and asserts a clean exit.
fn quit(mut tui: Tui) {
    tui.key(CTRL_C);
    let status = tui.wait_exit(EXIT_TIMEOUT);
    assert!(
        status.success(),
        "Ctrl-c should exit with status 0, got {status:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Tests

/// Opening the sample shows the contact count in the header and the titles, all three panes
/// side by side at 120×40, and the key hints.
#[test]
fn opens_the_sample_with_three_panes_and_hints() {
    let (tui, screen) = open_sample(120, 40);
    let total = header_count(&screen);
    assert!(
        total > 400,
        "the sample has over 400 contacts, header says {total}"
    );
    assert_eq!(
        contacts_title(&screen),
        Some((total, total)),
        "the contacts title counts every contact:\n{}",
        screen.text()
    );
    for title in ["Breakdown 1 ·", "Contacts 2 ·", "Codes 3 ·"] {
        assert!(
            screen.frame(title).is_some(),
            "no {title} pane:\n{}",
            screen.text()
        );
    }
    assert!(status_line(&screen).contains("no filter"));
    assert!(screen.line(1).contains(&format!("[Row 1/{total}]")));
    let hints = screen.line(screen.height() - 1);
    for hint in [
        "Enter drill down",
        "/ search",
        "Tab pane",
        "? help",
        "q quit",
    ] {
        assert!(hints.contains(hint), "hint bar lacks {hint:?}: {hints:?}");
    }
    let frame = screen.frame("Contacts 2 · ").unwrap();
    assert_eq!(
        contact_rows(&screen).len(),
        usize::from(frame.bottom - frame.top - 2),
        "the contacts pane is filled:\n{}",
        screen.text()
    );
    quit(tui);
}

/// Typing `gmail` narrows the list to contacts matching it; Enter keeps the search, Esc clears
/// it and every contact is back.
fn search_narrows_then_enter_keeps_and_esc_clears(cols: u16, rows: u16) {
    let (mut tui, screen) = open_sample(cols, rows);
    let total = header_count(&screen);
    tui.key(TAB);
    tui.wait_for("the contacts pane focused", |s| {
        s.line(s.height() - 1).contains("Enter detail")
    });
    tui.type_text("/gmail");
    let screen = tui.wait_for("fewer contacts after searching gmail", |s| {
        settled(s, |shown, all| shown > 0 && shown < all) && s.contains("/ gmail▏")
    });
    let rows = contact_rows(&screen);
    assert!(!rows.is_empty(), "no rows:\n{}", screen.text());
    for row in &rows {
        assert!(
            row.to_lowercase().contains("gmail"),
            "row without gmail after searching gmail: {row:?}\n{}",
            screen.text()
        );
    }
    let (shown, _) = contacts_title(&screen).unwrap();
    tui.key(ENTER);
    let screen = tui.wait_for("the search kept after Enter", |s| {
        status_line(s).contains("search \"gmail\"") && !s.contains("gmail▏")
    });
    assert_eq!(contacts_title(&screen), Some((shown, total)));
    assert!(status_line(&screen).contains(&format!("[Row 1/{shown}]")));
    let screen = tui.esc_then("every contact back after Esc", |s| {
        settled(s, |shown, all| shown == all)
    });
    assert!(
        status_line(&screen).contains("no filter"),
        "{}",
        screen.text()
    );
    assert!(!screen.contains("gmail▏") && !screen.contains("/ gmail"));
    quit(tui);
}

/// At 120×40, searching narrows the list, Enter keeps the search and Esc clears it.
#[test]
fn search_filters_keeps_and_clears_wide() {
    search_narrows_then_enter_keeps_and_esc_clears(120, 40);
}

/// At 80×24 (one pane), searching narrows the list, Enter keeps the search and Esc clears it.
#[test]
fn search_filters_keeps_and_clears_narrow() {
    search_narrows_then_enter_keeps_and_esc_clears(80, 24);
}

/// `'yahoo` keeps only contacts containing "yahoo"; `!gmail` drops every contact containing
/// "gmail".
#[test]
fn exact_and_exclude_terms() {
    let haystacks = sample_haystacks();
    let (mut tui, _) = open_sample(120, 40);
    tui.type_text("/'yahoo");
    let screen = tui.wait_for("contacts narrowed to 'yahoo", |s| {
        settled(s, |shown, all| shown > 0 && shown < all) && s.contains("/ 'yahoo▏")
    });
    let rows = contact_rows(&screen);
    assert!(!rows.is_empty());
    for row in &rows {
        let visible = row.to_lowercase().contains("yahoo");
        assert!(
            visible || some_contact(&haystacks, email_of(row), |t| t.contains("yahoo")),
            "row without yahoo after 'yahoo: {row:?}\n{}",
            screen.text()
        );
    }
    tui.esc_then("the search cleared", |s| {
        settled(s, |shown, all| shown == all)
    });
    tui.type_text("/!gmail");
    let screen = tui.wait_for("contacts narrowed to !gmail", |s| {
        settled(s, |shown, all| shown > 0 && shown < all) && s.contains("/ !gmail▏")
    });
    let rows = contact_rows(&screen);
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(
            !row.to_lowercase().contains("gmail")
                && some_contact(&haystacks, email_of(row), |t| !t.contains("gmail")),
            "row with gmail after !gmail: {row:?}\n{}",
            screen.text()
        );
    }
    quit(tui);
}

/// Enter on a breakdown row filters the contacts to that group, with exactly the row's COUNT;
/// Esc removes the filter.
#[test]
fn drill_down_filters_by_the_selected_row() {
    let (mut tui, screen) = open_sample(120, 40);
    let total = header_count(&screen);
    let first = screen
        .selected_row("Breakdown 1 ·")
        .expect("the breakdown has a selected row at start");
    tui.type_text("j");
    let screen = tui.wait_for("the selection one row down", |s| {
        s.selected_row("Breakdown 1 ·")
            .is_some_and(|row| row != first)
    });
    let selected = screen.selected_row("Breakdown 1 ·").unwrap();
    let rows = screen.table_rows("Breakdown 1 ·");
    assert_eq!(rows.get(1), Some(&selected), "j selects the second row");
    let (value, count) = breakdown_value_and_count(&selected);
    assert!(count > 0 && count < total);
    tui.key(ENTER);
    let filter = format!("filter: disposition={value}");
    let screen = tui.wait_for(&filter, |s| {
        status_line(s).contains(&filter) && settled(s, |shown, _| shown < total)
    });
    assert_eq!(
        contacts_title(&screen),
        Some((count, total)),
        "the contacts are the {count} of row {selected:?}:\n{}",
        screen.text()
    );
    let breakdown = screen.table_rows("Breakdown 1 ·");
    assert_eq!(
        breakdown.len(),
        1,
        "only the drilled group is left: {breakdown:?}"
    );
    assert_eq!(breakdown_value_and_count(&breakdown[0]), (value, count));
    let screen = tui.esc_then("the drill-down removed", |s| {
        settled(s, |shown, all| shown == all)
    });
    assert!(
        status_line(&screen).contains("no filter"),
        "{}",
        screen.text()
    );
    quit(tui);
}

/// Drilling down within a kept search combines both (the count is the row's), and Esc peels
/// them off in the documented order: the search first, then the drill-down.
#[test]
fn drill_down_within_a_search_then_esc_twice() {
    let (mut tui, screen) = open_sample(120, 40);
    let total = header_count(&screen);
    let by_disposition: Vec<(String, usize)> = screen
        .table_rows("Breakdown 1 ·")
        .iter()
        .map(|row| breakdown_value_and_count(row))
        .collect();
    tui.type_text("/gmail");
    tui.wait_for("gmail searched", |s| {
        settled(s, |shown, all| shown < all) && s.contains("/ gmail▏")
    });
    tui.key(ENTER);
    tui.wait_for("the search kept", |s| !s.contains("gmail▏"));
    tui.type_text("1j");
    let screen = tui.wait_for("the second breakdown row selected", |s| {
        let rows = s.table_rows("Breakdown 1 ·");
        rows.len() > 1 && s.selected_row("Breakdown 1 ·").as_ref() == rows.get(1)
    });
    let (value, count) = breakdown_value_and_count(&screen.selected_row("Breakdown 1 ·").unwrap());
    tui.key(ENTER);
    let both = format!("filter: disposition={value} › search \"gmail\"");
    let screen = tui.wait_for(&both, |s| status_line(s).contains(&both) && !searching(s));
    assert_eq!(
        contacts_title(&screen),
        Some((count, total)),
        "{}",
        screen.text()
    );
    let unsearched = by_disposition
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, n)| *n)
        .unwrap();
    let only = format!("filter: disposition={value}  ");
    let screen = tui.esc_then("the search removed first", |s| {
        status_line(s).contains(&only) && settled(s, |shown, _| shown == unsearched)
    });
    assert!(!status_line(&screen).contains("gmail"));
    tui.esc_then("the drill-down removed next", |s| {
        settled(s, |shown, all| shown == all) && status_line(s).contains("no filter")
    });
    quit(tui);
}

/// In every grouping, drilling into each of the first rows shows exactly as many contacts as
/// the row's COUNT, and Esc brings every contact back.
#[test]
fn every_grouping_drills_down_to_its_count() {
    const ROWS_PER_GROUPING: usize = 6;
    let (mut tui, screen) = open_sample(120, 40);
    let total = header_count(&screen);
    let groupings = [
        "disposition",
        "action",
        "reason",
        "code",
        "enhanced",
        "domain",
        "month",
    ];
    for (at, by) in groupings.iter().enumerate() {
        let title = format!("Breakdown 1 · by {by} ({}/{}", at + 1, groupings.len());
        let screen = tui.wait_for_text(&title);
        let rows = screen.table_rows("Breakdown 1 ·");
        assert!(!rows.is_empty(), "no rows by {by}:\n{}", screen.text());
        for (index, row) in rows.iter().take(ROWS_PER_GROUPING).enumerate() {
            let (value, count) = breakdown_value_and_count(row);
            tui.type_text(&format!("1g{}", "j".repeat(index)));
            tui.wait_for(&format!("row {index} by {by} selected"), |s| {
                s.contains(&title) && s.selected_row("Breakdown 1 ·").as_ref() == Some(row)
            });
            tui.key(ENTER);
            let filter = format!("filter: {by}=");
            let screen = tui.wait_for(&format!("drilled into {row:?}"), |s| {
                status_line(s).contains(&filter) && !searching(s)
            });
            // A long domain is cut in the breakdown, but the filter shows it whole.
            assert!(
                status_line(&screen).contains(&format!("{filter}{value}")),
                "the filter names {value:?}: {:?}",
                status_line(&screen)
            );
            assert_eq!(
                contacts_title(&screen),
                Some((count, total)),
                "drilling into {row:?} by {by} shows its COUNT:\n{}",
                screen.text()
            );
            tui.esc_then("the drill-down removed", |s| {
                settled(s, |shown, all| shown == all) && status_line(s).contains("no filter")
            });
        }
        tui.type_text("1l");
    }
    quit(tui);
}

/// The length of a breakdown row's bar, in eighths of a cell.
fn bar_eighths(row: &str) -> usize {
    const PARTS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    row.chars()
        .filter_map(|c| PARTS.iter().position(|p| *p == c).map(|at| at + 1))
        .sum()
}

/// Asserts that in the breakdown `by` (reached with `keys` from the start), a larger COUNT
/// never has a shorter bar, and the largest count has a longer bar than the smallest.
fn bars_follow_counts(keys: &str, by: &str) {
    let (mut tui, _) = open_sample(120, 40);
    tui.type_text(keys);
    let screen = tui.wait_for_text(&format!("Breakdown 1 · by {by} "));
    let rows: Vec<(String, usize, usize)> = screen
        .table_rows("Breakdown 1 ·")
        .into_iter()
        .map(|row| {
            let (value, count) = breakdown_value_and_count(&row);
            let bar = bar_eighths(&row);
            (value, count, bar)
        })
        .collect();
    assert!(rows.len() >= 3, "{}", screen.text());
    for a in &rows {
        for b in &rows {
            assert!(
                !(a.1 < b.1 && a.2 > b.2),
                "by {by}: {:?} (count {}) has a longer bar than {:?} (count {}):\n{}",
                a.0,
                a.1,
                b.0,
                b.1,
                screen.text()
            );
        }
    }
    let smallest = rows.iter().min_by_key(|r| r.1).unwrap();
    let largest = rows.iter().max_by_key(|r| r.1).unwrap();
    assert!(
        smallest.1 == largest.1 || smallest.2 < largest.2,
        "by {by}: the bar of {:?} ({}) is as long as that of {:?} ({}):\n{}",
        smallest.0,
        smallest.1,
        largest.0,
        largest.1,
        screen.text()
    );
    quit(tui);
}

/// Breakdown bars are proportional to the counts (groupings sorted by count).
#[test]
fn breakdown_bars_follow_counts() {
    bars_follow_counts("", "disposition");
    bars_follow_counts("l", "action");
    bars_follow_counts("ll", "reason");
}

/// Breakdown bars are proportional to the counts in the month grouping, which is sorted by
/// month rather than by count.
#[test]
fn breakdown_bars_follow_counts_by_month() {
    bars_follow_counts("h", "month");
}

/// Typing a search selects the best match: with the selection on the last contact, `/gmail`
/// shows and selects the first (best) match, not the last (worst) one.
#[test]
fn search_selects_the_best_match() {
    let (mut tui, screen) = open_sample(120, 40);
    let total = header_count(&screen);
    tui.type_text("2G");
    tui.wait_for("the last contact selected", |s| {
        status_line(s).contains(&format!("[Row {total}/{total}]"))
    });
    tui.type_text("/gmail");
    let screen = tui.wait_for("fewer contacts after searching gmail", |s| {
        settled(s, |shown, all| shown > 0 && shown < all) && s.contains("/ gmail▏")
    });
    let (shown, _) = contacts_title(&screen).unwrap();
    assert!(
        status_line(&screen).contains(&format!("[Row 1/{shown}]")),
        "the best match is selected: {:?}\n{}",
        status_line(&screen),
        screen.text()
    );
    for row in contact_rows(&screen) {
        assert!(
            row.contains("gmail"),
            "a poor match on screen: {row:?}\n{}",
            screen.text()
        );
    }
    quit(tui);
}

/// Backspace edits the query: `'gmailzz` matches nothing (and says so), two Backspaces bring
/// the `'gmail` matches back; Ctrl-u empties the query.
#[test]
fn backspace_and_ctrl_u_edit_the_query() {
    let (mut tui, _) = open_sample(80, 24);
    tui.type_text("/'gmailzz");
    tui.wait_for("no match for 'gmailzz", |s| {
        settled(s, |shown, _| shown == 0) && s.contains("No contacts match")
    });
    tui.key(b"\x7f\x7f");
    tui.wait_for("gmail matches again", |s| {
        settled(s, |shown, all| shown > 0 && shown < all) && s.contains("/ 'gmail▏")
    });
    tui.key(b"\x15");
    tui.wait_for("the query emptied", |s| {
        settled(s, |shown, all| shown == all) && s.contains("/ ▏")
    });
    quit(tui);
}

/// SGR mouse: a click on a contact row focuses the contacts and selects that row; the wheel
/// moves the selection by three.
#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let (mut tui, screen) = open_sample(120, 40);
    let total = header_count(&screen);
    let frame = screen.frame("Contacts 2 · ").unwrap();
    let rows = contact_rows(&screen);
    let (x, y) = (frame.left + 5, frame.top + 2 + 4);
    tui.type_text(&format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        x + 1,
        y + 1,
        x + 1,
        y + 1
    ));
    let screen = tui.wait_for("the fifth contact selected", |s| {
        status_line(s).contains(&format!("[Row 5/{total}]"))
    });
    assert_eq!(
        screen.selected_row("Contacts 2 · ").as_ref(),
        Some(&rows[4])
    );
    assert!(screen.line(screen.height() - 1).contains("Enter detail"));
    tui.type_text(&format!("\x1b[<65;{};{}M", x + 1, y + 1));
    tui.wait_for("the wheel moved down three rows", |s| {
        status_line(s).contains(&format!("[Row 8/{total}]"))
    });
    quit(tui);
}

/// `l` switches the breakdown to the next grouping (disposition → action), `h` back.
#[test]
fn l_and_h_switch_the_grouping() {
    let (mut tui, screen) = open_sample(120, 40);
    assert!(screen.contains("Breakdown 1 · by disposition (1/7"));
    tui.type_text("l");
    let screen = tui.wait_for_text("Breakdown 1 · by action (2/7");
    let rows = screen.table_rows("Breakdown 1 ·");
    assert!(
        rows.iter().any(|row| row.contains("fix-typo")),
        "actions listed: {rows:?}"
    );
    tui.type_text("h");
    tui.wait_for_text("Breakdown 1 · by disposition (1/7");
    quit(tui);
}

/// `?` opens the Keys overlay listing the key table (Ctrl-d, Shift-Tab); Esc closes it.
#[test]
fn help_overlay_opens_and_closes() {
    let (mut tui, _) = open_sample(120, 40);
    tui.type_text("?");
    let screen = tui.wait_for_text("╔ Keys ");
    for key in ["Ctrl-d", "Shift-Tab", "Everywhere", "Breakdown pane"] {
        assert!(
            screen.contains(key),
            "help lacks {key:?}:\n{}",
            screen.text()
        );
    }
    let screen = tui.esc_then("the help closed", |s| !s.contains("Keys"));
    assert!(screen.frame("Contacts 2 ·").is_some());
    quit(tui);
}

/// The first line of text inside the help overlay.
fn help_top_line(screen: &Screen) -> Option<String> {
    let frame = screen.frame("╔ Keys ")?;
    screen.inside(frame).into_iter().next()
}

/// In the help overlay (taller than an 80×24 terminal), `j` scrolls down a line and `k` back.
#[test]
fn help_overlay_scrolls_with_j_and_k() {
    let (mut tui, _) = open_sample(80, 24);
    tui.type_text("?");
    let screen = tui.wait_for_text("╔ Keys ");
    let top = help_top_line(&screen).unwrap();
    tui.type_text("j");
    let screen = tui.wait_for("the help scrolled down", |s| {
        help_top_line(s).is_some_and(|line| line != top)
    });
    let second = help_top_line(&screen).unwrap();
    tui.type_text("jk");
    tui.wait_for("the help scrolled back to the second line", |s| {
        help_top_line(s).as_ref() == Some(&second)
    });
    tui.type_text("g");
    tui.wait_for("the help back at the top", |s| {
        help_top_line(s).as_ref() == Some(&top)
    });
    quit(tui);
}

/// After `G` (the end of the help), `k` scrolls up a line at once.
#[test]
fn help_overlay_scrolls_up_after_g() {
    let (mut tui, _) = open_sample(80, 24);
    tui.type_text("?");
    let screen = tui.wait_for_text("╔ Keys ");
    let top = help_top_line(&screen).unwrap();
    tui.type_text("G");
    let screen = tui.wait_for("the end of the help", |s| {
        help_top_line(s).is_some_and(|line| line != top)
    });
    let bottom = help_top_line(&screen).unwrap();
    tui.type_text("k");
    tui.wait_for_within(
        "the help scrolled up one line after G",
        Duration::from_secs(2),
        |s| help_top_line(s).is_some_and(|line| line != bottom),
    );
    quit(tui);
}

/// Enter on a contact opens its detail with the verdict, the server's text, the codes and all
/// fields; Esc closes it.
#[test]
fn contact_detail_opens_and_closes() {
    let (mut tui, screen) = open_sample(120, 40);
    let first = contact_rows(&screen)[0].clone();
    let email = email_of(&first).to_string();
    tui.key(TAB);
    tui.wait_for("the contacts pane focused", |s| {
        s.line(s.height() - 1).contains("Enter detail")
    });
    tui.key(ENTER);
    let screen = tui.wait_for_text("Contact detail");
    let frame = screen.frame("Contact detail").expect("a framed detail");
    let inside = screen.inside(frame).join("\n");
    for section in ["VERDICT", "SERVER SAID", "CODES FOUND", "ALL FIELDS"] {
        assert!(inside.contains(section), "no {section} in:\n{inside}");
    }
    assert!(
        inside.contains(&email),
        "the detail is about {email}:\n{inside}"
    );
    tui.esc_then("the detail closed", |s| !s.contains("Contact detail"));
    quit(tui);
}

/// In the codes pane, `/5.2.2` finds the code; Enter keeps the query, Enter again shows the
/// contacts carrying it, filtered by `enhanced=5.2.2` with the code's COUNT.
#[test]
fn codes_pane_search_and_show_contacts() {
    let (mut tui, screen) = open_sample(120, 40);
    let total = header_count(&screen);
    tui.type_text("3");
    tui.wait_for("the codes pane focused", |s| {
        s.line(s.height() - 1).contains("Enter contacts")
    });
    tui.type_text("/5.2.2");
    let screen = tui.wait_for("5.2.2 in the codes list", |s| {
        s.contains("/ 5.2.2▏")
            && s.table_rows("Codes 3 ·")
                .first()
                .is_some_and(|row| row.starts_with("5.2.2 "))
    });
    let codes = screen.table_rows("Codes 3 ·");
    let row = &codes[0];
    let count: usize = row
        .split_whitespace()
        .rev()
        .find_map(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no COUNT in {row:?}"));
    tui.key(ENTER);
    tui.wait_for("the code query kept", |s| {
        s.contains("/ 5.2.2 ") && !s.contains("5.2.2▏")
    });
    tui.key(ENTER);
    let screen = tui.wait_for("contacts filtered by enhanced=5.2.2", |s| {
        status_line(s).contains("filter: enhanced=5.2.2") && settled(s, |shown, _| shown < total)
    });
    assert_eq!(
        contacts_title(&screen),
        Some((count, total)),
        "{}",
        screen.text()
    );
    assert!(
        screen.line(screen.height() - 1).contains("Enter detail"),
        "the contacts pane has focus:\n{}",
        screen.text()
    );
    for row in contact_rows(&screen) {
        assert!(row.contains("5.2.2"), "a contact without 5.2.2: {row:?}");
    }
    quit(tui);
}

/// At 80×24 one pane is shown with tabs `1 Breakdown  2 Contacts  3 Codes`; `2` switches to
/// the contacts.
#[test]
fn narrow_terminal_shows_tabs_and_switches_panes() {
    let mut tui = Tui::spawn(80, 24, &[]);
    let screen = tui.wait_for("the loaded dashboard", |s| {
        s.contains("Breakdown 1 ·") && s.contains(" contacts │")
    });
    let tabs = screen
        .line(2)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        tabs.contains("1 Breakdown 2 Contacts 3 Codes"),
        "tab bar: {:?}\n{}",
        screen.line(2),
        screen.text()
    );
    assert!(screen.frame("Contacts 2 ·").is_none() && screen.frame("Codes 3 ·").is_none());
    tui.type_text("2");
    let screen = tui.wait_for("the contacts pane", |s| {
        s.frame("Contacts 2 ·").is_some() && !s.contains("Breakdown 1 ·")
    });
    let frame = screen.frame("Contacts 2 ·").unwrap();
    assert_eq!(
        (frame.left, frame.right),
        (0, 79),
        "the pane spans the terminal"
    );
    let rows = contact_rows(&screen);
    assert_eq!(
        rows.len(),
        usize::from(frame.bottom - frame.top - 2),
        "the pane is filled: {rows:?}"
    );
    tui.type_text("3");
    tui.wait_for("the codes pane", |s| {
        s.frame("Codes 3 ·").is_some() && !s.contains("Contacts 2 ·")
    });
    quit(tui);
}

/// A 40×10 terminal gets a "too small" notice; growing it to 120×40 brings the dashboard
/// without a crash.
#[test]
fn too_small_then_resized() {
    let mut tui = Tui::spawn(40, 10, &[]);
    tui.wait_for_text("Terminal too small");
    tui.resize(120, 40);
    let screen = tui.wait_for("the dashboard after growing the terminal", |s| {
        s.frame("Breakdown 1 ·").is_some()
            && s.frame("Contacts 2 ·").is_some()
            && s.frame("Codes 3 ·").is_some()
    });
    assert!(!screen.contains("too small"));
    assert!(tui.running(), "the dashboard crashed on resize");
    tui.resize(50, 12);
    tui.wait_for_text("Terminal too small");
    tui.resize(80, 24);
    tui.wait_for("one pane with tabs at 80×24", |s| {
        s.frame("Breakdown 1 ·").is_some() && s.contains("2 Contacts") && !s.contains("too small")
    });
    quit(tui);
}

/// The "too small" notice says q quits, and it does.
#[test]
fn too_small_q_quits() {
    let mut tui = Tui::spawn(40, 10, &[]);
    tui.wait_for_text("Terminal too small");
    tui.type_text("q");
    let status = tui.wait_exit(EXIT_TIMEOUT);
    assert!(status.success(), "{status:?}");
    assert_terminal_restored(&tui);
}

/// At the edges of the layout (the minimum size, either side of the side-by-side width, a
/// very large terminal) every pane, overlay and grouping draws without crashing.
#[test]
fn odd_sizes_survive_a_tour_of_the_keys() {
    for (cols, rows) in [(60, 14), (109, 30), (110, 30), (250, 80)] {
        let (mut tui, _) = open_sample(cols, rows);
        let steps: &[(&[u8], &str)] = &[
            (b"?", "Keys"),
            (b"G", "Keys"),
            (b"\x1b", "Enter drill down"),
            (b"w", "Load warnings"),
            (b"\x1b", "Enter drill down"),
            (b"llllll", "by month"),
            (b"G\r", "filter: month="),
            (b"G\r", "Contact detail"),
            (b"\x1b", "Enter detail"),
            (b"3/5.7", "/ 5.7"),
            (b"\r\rG", "filter: month="),
            (b"x", "no filter"),
        ];
        for (keys, expect) in steps {
            if keys.starts_with(b"\x1b") {
                tui.esc_then(expect, |s| s.contains(expect));
            } else {
                tui.key(keys);
                tui.wait_for(&format!("{expect:?} at {cols}x{rows}"), |s| {
                    s.contains(expect)
                });
            }
        }
        assert!(tui.running(), "crashed at {cols}x{rows}");
        quit(tui);
    }
}

/// `q` exits with status 0 and gives the terminal back: primary screen, no mouse reporting,
/// cursor shown.
#[test]
fn q_quits_and_restores_the_terminal() {
    let (mut tui, _) = open_sample(120, 40);
    tui.type_text("q");
    let status = tui.wait_exit(EXIT_TIMEOUT);
    assert!(status.success(), "{status:?}");
    assert_terminal_restored(&tui);
}

/// Ctrl-c exits with status 0 and gives the terminal back, also while typing a search.
#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let (mut tui, _) = open_sample(120, 40);
    tui.type_text("/gma");
    tui.wait_for_text("/ gma▏");
    tui.key(CTRL_C);
    let status = tui.wait_exit(EXIT_TIMEOUT);
    assert!(status.success(), "{status:?}");
    assert_terminal_restored(&tui);
}

/// Sends `signal` to the dashboard and asserts it exits (handled, not killed) and gives the
/// terminal back.
fn signal_exits_and_restores(signal: &str) {
    let (mut tui, _) = open_sample(120, 40);
    let sent = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(tui.pid().to_string())
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = tui.wait_exit(EXIT_TIMEOUT);
    assert!(
        status.signal().is_none(),
        "SIG{signal} should be handled, not kill the process: {status:?}"
    );
    assert_terminal_restored(&tui);
}

/// SIGTERM makes the dashboard exit and give the terminal back.
#[test]
fn sigterm_exits_and_restores_the_terminal() {
    signal_exits_and_restores("TERM");
}

/// SIGHUP (the terminal went away) makes the dashboard exit and give the terminal back.
#[test]
fn sighup_exits_and_restores_the_terminal() {
    signal_exits_and_restores("HUP");
}

/// Without a terminal the dashboard refuses with status 2 and points at `bouncelens summary`.
#[test]
fn not_a_terminal_exits_2_with_advice() {
    let output = Command::new(pty::binary())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("BOUNCELENS_TEST_PANIC")
        .output()
        .expect("bouncelens runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("bouncelens summary"), "stderr: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "nothing on stdout, got {:?}",
        output.stdout
    );
}

/// A panic restores the terminal first, then prints one `internal error` line without a
/// backtrace (even with RUST_BACKTRACE=1), and the exit status is non-zero.
#[test]
fn panic_restores_the_terminal_and_prints_one_line() {
    let mut tui = Tui::spawn_with_env(
        120,
        40,
        &[],
        &[("BOUNCELENS_TEST_PANIC", "1"), ("RUST_BACKTRACE", "1")],
    );
    let status = tui.wait_exit(EXIT_TIMEOUT);
    assert!(!status.success(), "a panic must not exit 0: {status:?}");
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    let entered = raw.rfind(ENTER_ALT).expect("the dashboard started");
    let left = raw[entered..]
        .find(LEAVE_ALT)
        .map(|at| entered + at)
        .unwrap_or_else(|| panic!("the alternate screen was not left: {raw:?}"));
    let after = &raw[left..];
    assert!(
        after.contains("internal error"),
        "no internal error message after restoring: {after:?}"
    );
    assert!(
        !raw.contains("stack backtrace"),
        "a backtrace was printed: {raw:?}"
    );
    assert!(
        !raw.contains("panicked at"),
        "the default panic message was printed: {raw:?}"
    );
    let screen = tui.screen();
    assert!(screen.contains("internal error"), "{}", screen.text());
    assert!(!screen.alternate && !screen.mouse_reporting && !screen.cursor_hidden);
}

/// A 100,000-row export opens, and searching for one address written at row 77,777 finds it.
#[test]
fn large_file_opens_and_search_finds_one_address() {
    const ROWS: usize = 100_000;
    const TARGET_ROW: usize = 77_777;
    const TARGET: &str = "z.quillborne@tarnwell.io";
    let dir = tempfile::tempdir().expect("a temp dir");
    let csv = large_csv(ROWS, TARGET_ROW, TARGET);
    let path = pty::write_file(dir.path(), "big-export.csv", csv.as_bytes());
    let mut tui = Tui::spawn(120, 40, &[&path]);
    let slow = Duration::from_secs(20);
    let screen = tui.wait_for_within("the large file loaded", slow, |s| {
        s.line(0).contains(&format!("{ROWS} contacts"))
    });
    assert_eq!(header_count(&screen), ROWS, "{}", screen.text());
    tui.type_text(&format!("/{TARGET}"));
    let screen = tui.wait_for_within("the address found", slow, |s| {
        settled(s, |shown, all| shown >= 1 && shown < all) && s.contains(&format!("/ {TARGET}▏"))
    });
    let rows = contact_rows(&screen);
    assert!(
        rows.first().is_some_and(|row| row.contains(TARGET)),
        "{TARGET} is not the best match:\n{}",
        screen.text()
    );
    tui.key(ENTER);
    tui.wait_for("the search kept", |s| {
        status_line(s).contains(&format!("search \"{TARGET}\""))
    });
    tui.key(ENTER);
    let screen = tui.wait_for_text("Contact detail");
    assert!(screen.contains("Quillborne"), "{}", screen.text());
    assert!(
        screen.contains(&format!("line {}", TARGET_ROW + 1)),
        "the detail names the file line of row {TARGET_ROW}:\n{}",
        screen.text()
    );
    quit(tui);
}

/// A realistic suppression export of `rows` rows; row `target_row` (1-based, after the
/// header) is `target`.
fn large_csv(rows: usize, target_row: usize, target: &str) -> String {
    const FIRST: [&str; 16] = [
        "James",
        "Mary",
        "Robert",
        "Patricia",
        "John",
        "Jennifer",
        "Michael",
        "Linda",
        "David",
        "Elizabeth",
        "Wei",
        "Fatima",
        "Sofia",
        "Lucas",
        "Aiko",
        "Mateo",
    ];
    const LAST: [&str; 16] = [
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Chen",
        "Rodriguez",
        "Martinez",
        "Nguyen",
        "Okafor",
        "Kowalski",
        "Silva",
        "Tanaka",
    ];
    const DOMAINS: [&str; 10] = [
        "gmail.com",
        "yahoo.com",
        "outlook.com",
        "hotmail.com",
        "aol.com",
        "icloud.com",
        "northwind-traders.com",
        "brightlake-logistics.com",
        "contoso.org",
        "fabrikam.net",
    ];
    const COMPANIES: [&str; 6] = [
        "",
        "Northwind Traders",
        "Brightlake Logistics",
        "Contoso, Ltd.",
        "Fabrikam Inc",
        "",
    ];
    const REASONS: [(&str, &str); 6] = [
        ("550", "550 5.1.1 user unknown"),
        ("552", "552 5.2.2 mailbox full"),
        ("421", "421 4.4.2 connection timed out"),
        ("554", "554 5.7.1 Message rejected as spam"),
        (
            "550",
            "\"550 5.1.1 The email account that you tried to reach does not exist\"",
        ),
        ("", "unsubscribed"),
    ];
    let mut out = String::with_capacity(rows * 110);
    out.push_str("Email,First Name,Last Name,Company,Reason,Bounce Code,Date\n");
    for i in 1..=rows {
        if i == target_row {
            let _ = writeln!(
                out,
                "{target},Zebedee,Quillborne,Tarnwell,552 5.2.2 mailbox full,552,2025-11-03"
            );
            continue;
        }
        let first = FIRST[i % FIRST.len()];
        let last = LAST[(i / FIRST.len()) % LAST.len()];
        let domain = DOMAINS[(i * 7) % DOMAINS.len()];
        let company = COMPANIES[i % COMPANIES.len()];
        let company = if company.contains(',') {
            format!("\"{company}\"")
        } else {
            company.to_string()
        };
        let (code, reason) = REASONS[(i * 13) % REASONS.len()];
        let _ = writeln!(
            out,
            "{}.{}{}@{domain},{first},{last},{company},{reason},{code},2025-{:02}-{:02}",
            first.to_lowercase(),
            last.to_lowercase(),
            i,
            i % 12 + 1,
            i % 28 + 1,
        );
    }
    out
}

/// The escape sequences the assertions rely on are the ones crossterm writes.
#[test]
fn crossterm_sequences_are_the_expected_ones() {
    use crossterm::Command as _;
    let mut disable = String::new();
    crossterm::event::DisableMouseCapture
        .write_ansi(&mut disable)
        .unwrap();
    assert_eq!(disable, DISABLE_MOUSE);
    let mut leave = String::new();
    crossterm::terminal::LeaveAlternateScreen
        .write_ansi(&mut leave)
        .unwrap();
    assert_eq!(leave, LEAVE_ALT);
}

/// Space marks two contacts, `e` asks for a file name, Enter writes them; a second export to
/// the same name asks before replacing, and `n` keeps the file.
#[test]
fn marked_contacts_export_from_the_dashboard() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("picked.csv");
    let (mut tui, _) = open_sample(120, 40);
    tui.type_text("2  ");
    tui.wait_for_text("● 2 marked");
    tui.type_text("e");
    tui.wait_for_text("Export 2 contacts to: bouncelens-marked.csv");
    tui.key(b"\x15");
    tui.type_text(&out.display().to_string());
    tui.key(b"\r");
    tui.wait_for_text(&format!("Exported 2 contacts to {}", out.display()));
    let written = std::fs::read_to_string(&out).expect("the export is written");
    assert_eq!(
        written.lines().count(),
        3,
        "a header and two contacts:\n{written}"
    );
    tui.type_text("e");
    tui.wait_for_text("Export 2 contacts to:");
    tui.key(b"\x15");
    tui.type_text(&out.display().to_string());
    tui.key(b"\r");
    tui.wait_for_text("already exists. Replace it? [y/N]");
    tui.type_text("n");
    tui.wait_for_text("Export 2 contacts to:");
    tui.esc_then("the prompt closes", |s| s.contains("Export cancelled"));
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), written);
    quit(tui);
}

/// The dashboard puts the terminal in raw mode while it runs (so the restore checks above are
/// not vacuous).
#[test]
fn raw_mode_is_on_while_running() {
    let (tui, _) = open_sample(80, 24);
    assert_eq!(
        tui.raw_mode(),
        Some(true),
        "raw mode while the dashboard runs"
    );
    quit(tui);
}

/// 200 resizes within a second, between 10×3 and 300×100: no crash, the last size is drawn
/// properly, and quitting still gives the terminal back.
#[test]
fn resize_storm_survives_and_restores() {
    let (mut tui, _) = open_sample(120, 40);
    for step in 0..200u16 {
        let cols = 10 + (step * 97) % 291;
        let rows = 3 + (step * 31) % 98;
        tui.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(4));
    }
    assert!(tui.running(), "the dashboard died in the storm");
    tui.resize(100, 30);
    // Until the dashboard catches up, the last whole frame may be one drawn for a size from the
    // storm (read at 100×30 it is cut off or padded): wait for one drawn for 100×30, with the
    // pane's border reaching the last column and the key hints on the last row.
    tui.wait_for("a whole frame at 100×30 after the storm", |s| {
        (s.width, s.height()) == (100, 30)
            && s.line(0).contains("433 contacts")
            && s.line(3).ends_with('┓')
            && s.line(3).chars().count() == 100
            && s.line(28).starts_with('┗')
            && s.line(29).contains("q quit")
    });
    tui.type_text("q");
    let status = tui.wait_exit(EXIT_TIMEOUT);
    assert!(status.success(), "q after the storm: {status:?}");
    assert_terminal_restored(&tui);
}

/// An export that fails halfway (a file-size limit stands in for a full disk, and works even
/// as root) says so on the status line and leaves no file, not even the temporary one.
#[test]
fn a_failed_export_leaves_nothing_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("all.csv");
    let mut tui = Tui::spawn_after(120, 40, "ulimit -f 16; trap '' XFSZ; exec \"$0\"");
    tui.wait_for_text("433 contacts");
    tui.type_text("e");
    tui.wait_for_text("Export 433 contacts to:");
    tui.key(b"\x15");
    tui.type_text(&out.display().to_string());
    tui.key(b"\r");
    let screen = tui.wait_for_text("Export failed: could not write");
    assert!(screen.contains("File too large"), "{}", screen.text());
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
    assert!(tui.running());
    quit(tui);
}
