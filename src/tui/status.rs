//! The lines around the panes: the header (files, totals per disposition, warnings, filters,
//! row position), the tab bar on narrow terminals, the key hints, and the too-small notice.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::render;

use super::app::{App, Pane};
use super::keys::{self, Command};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};

/// Below this many cells the file names move from the header to the tab bar.
const FILES_MIN: usize = 12;

/// Narrow terminals show tabs, which have room for the file names.
fn narrow(area: Rect) -> bool {
    area.width < super::layout::WIDE_WIDTH
}

/// Draws the two header lines.
pub fn draw_header(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let dataset = &app.dataset;
    let totals = app.totals;
    let warnings = warning_text(app);
    let count = match &app.loading {
        Some(_) => "loading…".to_string(),
        None => format!("{} contacts", dataset.len()),
    };
    let with_words: Vec<String> = totals
        .iter()
        .map(|(d, n)| format!(" {} {d} {n}", d.symbol()))
        .collect();
    let compact: Vec<String> = totals
        .iter()
        .map(|(d, n)| format!(" {}{n}", d.symbol()))
        .collect();
    let used = |parts: &[String]| parts.iter().map(|p| p.chars().count()).sum::<usize>();
    let fixed = " bouncelens ".len() + count.len() + 6 + warnings.chars().count();
    let width = usize::from(area.width);
    let files_room = |parts: &[String]| width.saturating_sub(fixed + used(parts));
    let totals_text = if files_room(&with_words) >= 24 {
        with_words
    } else {
        compact
    };
    let room = files_room(&totals_text);
    let mut first = vec![Span::styled(" bouncelens ", theme.focused())];
    if room >= FILES_MIN || !narrow(area) {
        let files = render::truncate(&dataset.source_names(), room.max(FILES_MIN));
        first.push(Span::raw(format!("{files} │ ")));
    }
    first.push(Span::styled(count, theme.header()));
    if app.loading.is_none() {
        first.push(Span::raw(" │"));
        for ((disposition, _), text) in totals.iter().zip(totals_text) {
            first.push(Span::styled(text, theme.disposition(*disposition)));
        }
    }
    if !warnings.is_empty() {
        first.push(Span::styled(warnings, theme.warning()));
    }
    let [top, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(first)), top);
    let position = row_position(app);
    let [filters, row] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(position.chars().count() as u16 + 1),
    ])
    .areas(bottom);
    frame.render_widget(Paragraph::new(filter_line(app)), filters);
    frame.render_widget(
        Paragraph::new(Span::styled(position, theme.header())).right_aligned(),
        row,
    );
}

/// ` │ ⚠ 3 rows skipped (w)`, or nothing when the load was clean.
fn warning_text(app: &App) -> String {
    let report = &app.dataset.report;
    let notes: usize = report.warnings.iter().map(|w| w.count).sum();
    let skipped = report.skipped();
    if skipped > 0 {
        format!(" │ ⚠ {} skipped (w)", render::count(skipped, "row", "rows"))
    } else if notes > 0 {
        format!(
            " │ ⚠ {} (w)",
            render::count(notes, "load note", "load notes")
        )
    } else {
        String::new()
    }
}

fn filter_line(app: &App) -> Line<'static> {
    let theme = app.theme;
    let mut spans = vec![Span::raw(" ")];
    if app.groups.is_empty() && app.search.text.is_empty() {
        spans.push(Span::styled(
            "no filter — Enter on a row drills down, / searches",
            theme.dim(),
        ));
    } else {
        spans.push(Span::styled("filter: ", theme.header()));
        let mut parts: Vec<String> = app
            .groups
            .iter()
            .map(|(by, value)| format!("{}={value}", by.as_str()))
            .collect();
        if !app.search.text.is_empty() {
            parts.push(format!("search \"{}\"", app.search.text));
        }
        spans.push(Span::raw(parts.join(" › ")));
        spans.push(Span::styled("  (Esc removes the last, x all)", theme.dim()));
    }
    Line::from(spans)
}

/// `● 12 marked  [Row 8/180]`: the marks, and where the contact selection is in the list.
fn row_position(app: &App) -> String {
    let marked = match app.marks.count() {
        0 => String::new(),
        n => format!("● {n} marked  "),
    };
    if app.visible.is_empty() {
        format!("{marked}[Row 0/0]")
    } else {
        format!(
            "{marked}[Row {}/{}]",
            app.contacts.selected + 1,
            app.visible.len()
        )
    }
}

/// Draws the tab bar (narrow terminals).
pub fn draw_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = vec![Span::raw(" ")];
    for (number, pane) in Pane::ALL.iter().enumerate() {
        let text = format!(" {} {} ", number + 1, pane.title());
        let style = if *pane == app.focus {
            app.theme.selected()
        } else {
            app.theme.dim()
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("Tab switches", app.theme.dim()));
    let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    let room = usize::from(area.width).saturating_sub(used + 3);
    if room >= 8 {
        let files = render::truncate(&app.dataset.source_names(), room);
        spans.push(Span::raw(" │ "));
        spans.push(Span::raw(files));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Draws the key hints for what has focus now. When they do not fit, middle ones are dropped
/// first: `? help` and `q quit` always stay, since help lists everything else.
pub fn draw_hints(frame: &mut Frame, area: Rect, app: &App) {
    let hints: Vec<(&str, &str, Command)> = keys::hints(app.context())
        .map(|binding| {
            let key = match binding.label.split_once('/') {
                Some((first, _)) if !first.is_empty() => first,
                _ => binding.label,
            };
            (key, binding.hint.unwrap_or_default(), binding.command)
        })
        .collect();
    let width =
        |(key, hint, _): &(&str, &str, Command)| key.chars().count() + hint.chars().count() + 3;
    let essential =
        |(_, _, command): &(&str, &str, Command)| matches!(command, Command::Help | Command::Quit);
    let mut room = usize::from(area.width);
    room = room.saturating_sub(hints.iter().filter(|h| essential(h)).map(width).sum());
    let mut shown = Vec::new();
    for hint in &hints {
        if essential(hint) {
            shown.push(hint);
        } else if width(hint) <= room {
            room -= width(hint);
            shown.push(hint);
        }
    }
    let mut spans = Vec::new();
    for (key, hint, _) in shown {
        spans.push(Span::styled(format!(" {key}"), app.theme.header()));
        spans.push(Span::styled(format!(" {hint} "), app.theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Draws what the last action did in place of the hints, until the next key.
pub fn draw_notice(frame: &mut Frame, area: Rect, app: &App, notice: &str) {
    let line = Line::from(vec![
        Span::styled(" ● ", app.theme.focused()),
        Span::styled(notice.to_string(), app.theme.header()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// Says the terminal is too small, centred as well as the space allows.
pub fn draw_too_small(frame: &mut Frame, area: Rect, app: &App) {
    let text = format!(
        "Terminal too small ({}×{}): bouncelens needs {MIN_WIDTH}×{MIN_HEIGHT}. Enlarge it, or q to quit.",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.warning())
            .wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}
