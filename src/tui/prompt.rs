//! The one-line prompt that takes over the hint bar: where to export, and whether to replace
//! a file that is already there. Reading a line here keeps the user in the dashboard instead
//! of sending them to a shell.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;

/// What the prompt is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Where to export `count` contacts; `path` is being typed.
    ExportPath {
        /// The path so far.
        path: String,
        /// How many contacts will be written.
        count: usize,
    },
    /// The destination exists: replace it?
    ConfirmReplace {
        /// The existing file.
        path: String,
        /// How many contacts will be written.
        count: usize,
    },
}

/// Draws the prompt over the hint bar.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, prompt: &Prompt) {
    let theme = app.theme;
    let line = match prompt {
        Prompt::ExportPath { path, count } => Line::from(vec![
            Span::styled(
                format!(
                    " Export {} to: ",
                    crate::render::count(*count, "contact", "contacts")
                ),
                theme.header(),
            ),
            Span::raw(path.clone()),
            Span::styled("▏", theme.focused()),
            Span::styled("  Enter saves · Esc cancels", theme.dim()),
        ]),
        Prompt::ConfirmReplace { path, .. } => Line::from(vec![
            Span::styled(format!(" {path} already exists. "), theme.warning()),
            Span::styled("Replace it? ", theme.header()),
            Span::raw("[y/N]"),
        ]),
    };
    frame.render_widget(Paragraph::new(line), area);
}
