//! Overlays generated from data the rest of the program already has: the key help (from the
//! key table that dispatches keys) and the load warnings (from the load report).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::{App, Overlay, Pane};
use super::keys::{BINDINGS, Scope};
use super::layout::overlay_area;
use super::theme::Theme;
use super::widgets::draw_window;

/// The help text: every binding, grouped by where it applies.
pub fn help_lines(theme: Theme) -> Vec<Line<'static>> {
    let sections = [
        ("Everywhere", Scope::Global),
        ("Breakdown pane", Scope::In(Pane::Breakdown)),
        ("Contacts pane", Scope::In(Pane::Contacts)),
        ("Codes pane", Scope::In(Pane::Codes)),
        ("While typing a search", Scope::Typing),
        ("In this window and the detail view", Scope::Overlay),
        (
            "While the export prompt asks for a file name",
            Scope::Prompt,
        ),
    ];
    let mut lines = Vec::new();
    for (title, scope) in sections {
        lines.push(Line::from(Span::styled(title, theme.header())));
        for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<12}", binding.label), theme.header()),
                Span::raw(binding.help),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        "Mouse: click a row or pane to select it; the wheel scrolls.",
        theme.dim(),
    )));
    lines
}

/// The warnings text.
pub fn warning_lines(app: &App) -> Vec<Line<'static>> {
    let report = app.dataset.report.lines(&app.dataset.sources);
    if report.is_empty() {
        return vec![Line::from("No load warnings: every row was read as it is.")];
    }
    report.into_iter().map(Line::from).collect()
}

/// Draws the help or warnings window with `lines`, scrolled by `scroll`.
pub fn draw_overlay(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
    theme: Theme,
) {
    let area = overlay_area(area, Overlay::Help);
    draw_window(frame, area, title, lines, scroll, theme);
}
