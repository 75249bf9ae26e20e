//! Small drawing helpers the panes share: framed blocks, highlighted text and the windowed
//! slice of a list that is actually on screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use super::app::Cursor;
use super::theme::Theme;

/// A pane's frame: highlighted when focused, with the title on the top border.
pub fn pane_block<'a>(title: Line<'a>, focused: bool, theme: Theme) -> Block<'a> {
    let style = if focused {
        theme.focused()
    } else {
        theme.unfocused()
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(title)
}

/// The rows of a list that are on screen: `(index in the list, position on screen)`. Only these
/// are turned into widgets, so a frame costs the same for ten contacts or ten million.
pub fn window(cursor: Cursor, len: usize, height: usize) -> std::ops::Range<usize> {
    let start = cursor.offset.min(len);
    start..(start + height).min(len)
}

/// `text` with the characters at `positions` (char indices) styled as matches.
pub fn highlighted(text: &str, positions: &[usize], base: Style, matched: Style) -> Line<'static> {
    if positions.is_empty() {
        return Line::from(Span::styled(flatten(text), base));
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (index, c) in flatten(text).chars().enumerate() {
        let is_match = positions.binary_search(&index).is_ok();
        if is_match != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = is_match;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    Line::from(spans)
}

/// Replaces line breaks and other control characters so one field stays on one line.
pub fn flatten(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
