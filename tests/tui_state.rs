//! Dashboard state tests: key presses in, state out — no terminal involved. Searches that the
//! runtime would run on its worker thread are run inline here, through the same request and
//! result actions.

use std::sync::Arc;

use bouncelens::codes::{Disposition, StatusCode};
use bouncelens::ingest::{Input, LoadOptions, load};
use bouncelens::model::Dataset;
use bouncelens::search::Searcher;
use bouncelens::stats::GroupBy;
use bouncelens::tui::app::{
    Action, App, Context, Effect, ExportFailure, Overlay, Pane, action_for_key,
};
use bouncelens::tui::keys::Command;
use bouncelens::tui::prompt::Prompt;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn sample() -> Arc<Dataset> {
    Arc::new(load(&[Input::sample()], &LoadOptions::default()).expect("the sample loads"))
}

fn app() -> App {
    App::new(sample(), 120, 40)
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let key = KeyEvent::new(code, modifiers);
    if let Some(action) = action_for_key(key, app.context()) {
        app.update(action);
    }
    run_pending_search(app);
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        press(app, KeyCode::Char(c), modifiers);
    }
}

fn key(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::NONE);
}

/// Does what the runtime's worker does, synchronously.
fn run_pending_search(app: &mut App) {
    if let Some(request) = app.take_search_request() {
        let ranked =
            Searcher::default().rank(&request.query, &app.dataset, &request.candidates.to_vec());
        app.update(Action::SearchDone(request.generation, ranked, true));
    }
}

#[test]
fn starts_on_the_breakdown_with_everything_visible() {
    let app = app();
    assert_eq!(app.focus, Pane::Breakdown);
    assert_eq!(app.visible.len(), app.dataset.len());
    assert_eq!(app.group_by, GroupBy::Disposition);
    assert_eq!(app.context(), Context::Pane(Pane::Breakdown));
}

#[test]
fn tab_and_numbers_move_focus() {
    let mut app = app();
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Contacts);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Codes);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Breakdown);
    press(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.focus, Pane::Codes);
    keys(&mut app, "2");
    assert_eq!(app.focus, Pane::Contacts);
}

#[test]
fn movement_keys_stay_inside_the_list() {
    let mut app = app();
    keys(&mut app, "2");
    keys(&mut app, "jjj");
    assert_eq!(app.contacts.selected, 3);
    keys(&mut app, "k");
    assert_eq!(app.contacts.selected, 2);
    keys(&mut app, "G");
    assert_eq!(app.contacts.selected, app.visible.len() - 1);
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.contacts.selected, app.visible.len() - 1);
    keys(&mut app, "g");
    assert_eq!(app.contacts.selected, 0);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.contacts.selected, 0);
    press(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert!(app.contacts.selected > 5);
    let rows = app.areas().rows_visible(Pane::Contacts);
    assert!(app.contacts.selected < app.contacts.offset + rows);
}

#[test]
fn typing_a_search_narrows_the_list_to_matches() {
    let mut app = app();
    keys(&mut app, "/");
    assert_eq!(app.focus, Pane::Contacts);
    assert_eq!(app.context(), Context::Typing(Pane::Contacts));
    keys(&mut app, "gmail");
    assert_eq!(app.search.text, "gmail");
    assert!(!app.visible.is_empty());
    assert!(app.visible.len() < app.dataset.len());
    let searcher = Searcher::default();
    let query = bouncelens::search::Query::parse("gmail");
    for &index in &app.visible {
        assert!(
            searcher
                .score(&query, &app.dataset.contact(index as usize))
                .is_some()
        );
    }
    let first = &app.dataset.contact(app.visible[0] as usize);
    assert!(
        first.email().contains("gmail"),
        "best match first: {}",
        first.email()
    );
}

#[test]
fn letters_go_to_the_query_while_typing() {
    let mut app = app();
    keys(&mut app, "/q?jG");
    assert!(!app.quit);
    assert_eq!(app.overlay, None);
    assert_eq!(app.search.text, "q?jG");
}

#[test]
fn enter_keeps_the_search_and_esc_clears_it() {
    let mut app = app();
    keys(&mut app, "/yahoo");
    let narrowed = app.visible.len();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Pane(Pane::Contacts));
    assert_eq!(app.visible.len(), narrowed);
    keys(&mut app, "j");
    assert_eq!(app.contacts.selected, 1);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.search.text, "");
    assert_eq!(app.visible.len(), app.dataset.len());
}

#[test]
fn backspace_and_ctrl_u_edit_the_query() {
    let mut app = app();
    keys(&mut app, "/gmailx");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.search.text, "gmail");
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.search.text, "");
    assert_eq!(app.visible.len(), app.dataset.len());
}

#[test]
fn exclusion_removes_matching_contacts() {
    let mut app = app();
    keys(&mut app, "/!gmail");
    assert!(!app.visible.is_empty());
    for &index in &app.visible {
        let contact = &app.dataset.contact(index as usize);
        let text = format!(
            "{} {} {} {}",
            contact.email(),
            contact.name(),
            contact.company(),
            contact.reason_text()
        );
        assert!(
            !text.to_lowercase().contains("gmail"),
            "{}",
            contact.email()
        );
    }
}

#[test]
fn stale_search_results_are_dropped() {
    let mut app = app();
    keys(&mut app, "/");
    app.update(Action::Type('g'));
    let old = app.take_search_request().expect("typing asks for a search");
    app.update(Action::Type('m'));
    let new = app.take_search_request().expect("typing again asks again");
    assert!(new.generation > old.generation);
    app.update(Action::SearchDone(old.generation, vec![0], true));
    assert!(app.searching, "an old answer must not end the newer search");
    assert_ne!(app.visible, vec![0]);
    app.update(Action::SearchDone(new.generation, vec![1, 2], true));
    assert!(!app.searching);
    assert_eq!(app.visible, vec![1, 2]);
}

#[test]
fn enter_on_a_breakdown_row_drills_down_and_esc_goes_back() {
    let mut app = app();
    keys(&mut app, "j");
    let bin = app.breakdown.bins[1].clone();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Contacts);
    assert_eq!(app.groups, vec![(GroupBy::Disposition, bin.value.clone())]);
    assert_eq!(app.visible.len(), bin.count);
    let wanted = Disposition::from_name(&bin.value).expect("a disposition row");
    assert!(
        app.visible
            .iter()
            .all(|&i| app.dataset.contact(i as usize).disposition() == wanted)
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.groups.is_empty());
    assert_eq!(app.visible.len(), app.dataset.len());
}

#[test]
fn drill_downs_and_search_combine() {
    let mut app = app();
    key(&mut app, KeyCode::Enter);
    let hard = app.visible.len();
    keys(&mut app, "/gmail");
    assert!(app.visible.len() < hard);
    assert!(
        app.visible
            .iter()
            .all(|&i| app.dataset.contact(i as usize).disposition() == Disposition::Hard)
    );
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "x");
    assert!(app.groups.is_empty());
    assert_eq!(app.search.text, "");
    assert_eq!(app.visible.len(), app.dataset.len());
}

#[test]
fn groupings_cycle_and_regroup_the_visible_contacts() {
    let mut app = app();
    keys(&mut app, "l");
    assert_eq!(app.group_by, GroupBy::Action);
    assert_eq!(app.breakdown.by, GroupBy::Action);
    let total: usize = app.breakdown.bins.iter().map(|b| b.count).sum();
    assert_eq!(total, app.visible.len());
    keys(&mut app, "h");
    keys(&mut app, "h");
    assert_eq!(app.group_by, GroupBy::Month);
}

#[test]
fn sort_cycles_columns_and_reverses() {
    let mut app = app();
    keys(&mut app, "2s");
    let emails: Vec<String> = app
        .visible
        .iter()
        .map(|&i| app.dataset.contact(i as usize).email().to_lowercase())
        .collect();
    let mut sorted = emails.clone();
    sorted.sort();
    assert_eq!(emails, sorted);
    keys(&mut app, "S");
    let first = app
        .dataset
        .contact(app.visible[0] as usize)
        .email()
        .to_lowercase();
    assert_eq!(Some(&first), sorted.last());
}

#[test]
fn code_reference_search_and_drill_to_contacts() {
    let mut app = app();
    keys(&mut app, "3/5.2.2");
    assert_eq!(app.context(), Context::Typing(Pane::Codes));
    let shown: Vec<String> = app
        .codes
        .shown
        .iter()
        .map(|&i| app.codes.entries[i].code())
        .collect();
    assert!(shown.iter().all(|c| c.starts_with("5.2.2")), "{shown:?}");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Contacts);
    assert_eq!(app.groups, vec![(GroupBy::Enhanced, "5.2.2".to_string())]);
    let code = StatusCode::parse("5.2.2");
    assert!(!app.visible.is_empty());
    assert!(
        app.visible
            .iter()
            .all(|&i| app.dataset.contact(i as usize).status() == code)
    );
}

#[test]
fn code_reference_word_search() {
    let mut app = app();
    keys(&mut app, "3/mailbox full");
    let shown: Vec<String> = app
        .codes
        .shown
        .iter()
        .map(|&i| app.codes.entries[i].code())
        .collect();
    assert!(shown.contains(&"5.2.2".to_string()), "{shown:?}");
    assert!(shown.contains(&"4.2.2".to_string()), "{shown:?}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.codes.shown.len(), app.codes.entries.len());
}

#[test]
fn enter_on_a_contact_opens_its_detail_and_esc_closes() {
    let mut app = app();
    keys(&mut app, "2jj");
    let selected = app.visible[2] as usize;
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Some((Overlay::Detail(selected), 0)));
    assert_eq!(app.context(), Context::Overlay);
    keys(&mut app, "jj");
    assert_eq!(app.overlay, Some((Overlay::Detail(selected), 2)));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

#[test]
fn help_and_warnings_overlays() {
    let mut app = app();
    keys(&mut app, "?");
    assert_eq!(app.overlay, Some((Overlay::Help, 0)));
    keys(&mut app, "q");
    assert_eq!(app.overlay, None);
    assert!(!app.quit, "q closes the overlay before it quits");
    keys(&mut app, "w");
    assert_eq!(app.overlay, Some((Overlay::Warnings, 0)));
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = app();
    keys(&mut app, "q");
    assert!(app.quit);
    let mut typing = self::app();
    keys(&mut typing, "/abc");
    press(&mut typing, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(typing.quit);
}

#[test]
fn key_releases_are_ignored() {
    let app = app();
    let release = KeyEvent {
        kind: KeyEventKind::Release,
        ..KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)
    };
    assert_eq!(action_for_key(release, app.context()), None);
    let press = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        action_for_key(press, app.context()),
        Some(Action::Command(Command::Quit))
    );
}

#[test]
fn clicks_focus_panes_and_select_rows() {
    let mut app = app();
    let rows = app
        .areas()
        .rows_area(Pane::Contacts)
        .expect("contacts on screen");
    app.update(Action::Click(rows.x + 3, rows.y + 4));
    assert_eq!(app.focus, Pane::Contacts);
    assert_eq!(app.contacts.selected, 4);
    app.update(Action::Scroll(rows.x + 3, rows.y, 3));
    assert_eq!(app.contacts.selected, 7);
}

#[test]
fn resizing_keeps_the_selection_visible_and_never_panics() {
    let mut app = app();
    keys(&mut app, "2G");
    for (width, height) in [(10, 3), (0, 0), (300, 100), (80, 24), (59, 13), (120, 40)] {
        app.update(Action::Resize(width, height));
        keys(&mut app, "jk");
    }
    let rows = app.areas().rows_visible(Pane::Contacts);
    assert!(app.contacts.selected >= app.contacts.offset);
    assert!(app.contacts.selected < app.contacts.offset + rows);
}

#[test]
fn space_marks_and_moves_down_a_and_u_mark_all_and_none() {
    let mut app = app();
    keys(&mut app, "2");
    let first = app.visible[0] as usize;
    let second = app.visible[1] as usize;
    keys(&mut app, "  ");
    assert_eq!(app.marks.count(), 2);
    assert!(app.marks.contains(first) && app.marks.contains(second));
    assert_eq!(
        app.contacts.selected, 2,
        "each mark moves the selection down"
    );
    keys(&mut app, "k ");
    assert_eq!(app.marks.count(), 1, "space again unmarks");
    assert!(!app.marks.contains(second));
    keys(&mut app, "u");
    assert_eq!(app.marks.count(), 0);
    keys(&mut app, "/gmail");
    key(&mut app, KeyCode::Enter);
    let shown = app.visible.len();
    assert!(shown > 0 && shown < app.dataset.len());
    keys(&mut app, "a");
    assert_eq!(app.marks.count(), shown, "a marks what the search shows");
    assert!(app.visible.iter().all(|&i| app.marks.contains(i as usize)));
}

/// The export prompt offers a name saying what is exported, and Enter hands the rows to the
/// runtime as an effect instead of writing from the state.
fn export_effect(app: &mut App) -> (String, Vec<usize>, bool) {
    key(app, KeyCode::Enter);
    let effects = app.take_effects();
    match effects.as_slice() {
        [
            Effect::Export {
                path,
                rows,
                replace,
            },
        ] => (path.clone(), rows.clone(), *replace),
        other => panic!("expected one export, got {other:?}"),
    }
}

#[test]
fn export_without_marks_writes_the_filtered_list_in_its_order() {
    let mut app = app();
    key(&mut app, KeyCode::Enter);
    let hard = app.visible.clone();
    assert!(
        hard.iter()
            .all(|&i| app.dataset.contact(i as usize).disposition() == Disposition::Hard)
    );
    keys(&mut app, "e");
    assert_eq!(app.context(), Context::Prompt);
    match &app.prompt {
        Some(Prompt::ExportPath { path, count }) => {
            assert_eq!(path, "bouncelens-disposition-hard.csv");
            assert_eq!(*count, hard.len());
        }
        other => panic!("expected the path prompt, got {other:?}"),
    }
    let (path, rows, replace) = export_effect(&mut app);
    assert_eq!(path, "bouncelens-disposition-hard.csv");
    assert_eq!(rows, hard.iter().map(|&i| i as usize).collect::<Vec<_>>());
    assert!(!replace);
    assert_eq!(app.context(), Context::Pane(Pane::Contacts));
}

#[test]
fn export_of_marks_asks_before_replacing() {
    let mut app = app();
    keys(&mut app, "2 j e");
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    keys(&mut app, "out.csv");
    let (path, rows, replace) = export_effect(&mut app);
    assert_eq!(path, "out.csv");
    assert_eq!(rows.len(), 2, "the two marked contacts, in file order");
    assert!(rows[0] < rows[1]);
    assert!(!replace);
    app.update(Action::Exported(Err(ExportFailure::Exists(
        "out.csv".into(),
    ))));
    assert!(matches!(app.prompt, Some(Prompt::ConfirmReplace { .. })));
    keys(&mut app, "n");
    assert!(
        matches!(&app.prompt, Some(Prompt::ExportPath { path, .. }) if path == "out.csv"),
        "no goes back to the name"
    );
    key(&mut app, KeyCode::Enter);
    app.take_effects();
    app.update(Action::Exported(Err(ExportFailure::Exists(
        "out.csv".into(),
    ))));
    keys(&mut app, "y");
    match app.take_effects().as_slice() {
        [Effect::Export { replace: true, .. }] => {}
        other => panic!("expected a replacing export, got {other:?}"),
    }
    app.update(Action::Exported(Ok((2, "out.csv".into()))));
    assert_eq!(
        app.notice.as_deref(),
        Some("Exported 2 contacts to out.csv")
    );
    keys(&mut app, "j");
    assert_eq!(app.notice, None, "the next key clears the notice");
}

#[test]
fn esc_cancels_the_export_and_keys_go_back_to_the_panes() {
    let mut app = app();
    keys(&mut app, "e");
    keys(&mut app, "q");
    assert!(!app.quit, "q is typed into the file name");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.prompt, None);
    assert!(app.take_effects().is_empty());
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn y_copies_the_address_or_the_detail_text() {
    let mut app = app();
    keys(&mut app, "2jy");
    let email = app
        .dataset
        .contact(app.visible[1] as usize)
        .email()
        .to_string();
    assert_eq!(app.take_effects(), vec![Effect::Copy(email.clone())]);
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "y");
    match app.take_effects().as_slice() {
        [Effect::Copy(text)] => {
            assert!(text.starts_with(&email), "{text}");
            assert!(
                text.contains("NEXT STEP") && text.contains("SERVER SAID"),
                "{text}"
            );
        }
        other => panic!("expected a copy, got {other:?}"),
    }
}
