//! Snapshots of every pane, the detail view and the help overlay at 80×24 and 120×40, drawn
//! on ratatui's `TestBackend` from the bundled sample. A change to what users see shows up as a
//! reviewable diff (`cargo insta review`).

use std::sync::Arc;

use bouncelens::ingest::{Input, LoadOptions, load};
use bouncelens::search::Searcher;
use bouncelens::tui::app::{Action, App, action_for_key};
use bouncelens::tui::ui;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn app(width: u16, height: u16) -> App {
    let dataset = load(&[Input::sample()], &LoadOptions::default()).expect("the sample loads");
    App::new(Arc::new(dataset), width, height)
}

/// Types `keys` (`⏎` Enter, `⎋` Esc, `⇥` Tab), running searches inline as the worker would.
fn type_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '⏎' => KeyCode::Enter,
            '⎋' => KeyCode::Esc,
            '⇥' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        if let Some(action) = action_for_key(KeyEvent::new(code, KeyModifiers::NONE), app.context())
        {
            app.update(action);
        }
        if let Some(request) = app.take_search_request() {
            let ranked = Searcher::default().rank(
                &request.query,
                &app.dataset,
                &request.candidates.to_vec(),
            );
            app.update(Action::SearchDone(request.generation, ranked, true));
        }
    }
}

fn screen(app: &App) -> String {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|frame| ui::draw(frame, app)).expect("draw");
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            line.push_str(buffer[(x, y)].symbol());
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

fn snapshot(name: &str, keys: &str) {
    for (width, height) in SIZES {
        let mut app = app(width, height);
        type_keys(&mut app, keys);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app));
    }
}

#[test]
fn breakdown_pane() {
    snapshot("breakdown", "jl");
}

#[test]
fn breakdown_by_enhanced_code() {
    snapshot("breakdown_enhanced", "llll");
}

#[test]
fn contacts_pane_with_search() {
    snapshot("contacts_search", "/gmail");
}

#[test]
fn contacts_pane_drilled_and_sorted() {
    snapshot("contacts_drilled", "j⏎ss");
}

#[test]
fn codes_pane() {
    snapshot("codes", "3/5.1⏎jj");
}

#[test]
fn detail_view() {
    snapshot("detail", "2jjj⏎");
}

#[test]
fn help_overlay() {
    snapshot("help", "?");
}

#[test]
fn terminal_too_small() {
    let app = app(40, 10);
    insta::assert_snapshot!("too_small_40x10", screen(&app));
}

#[test]
fn marked_contacts_and_the_export_prompt() {
    snapshot("export_prompt", "2 j e");
}
