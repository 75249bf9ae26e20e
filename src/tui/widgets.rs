//! Small drawing helpers the panes share: framed blocks, highlighted text and the windowed
//! slice of a list that is actually on screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use super::app::Cursor;
use super::theme::Theme;
use crate::ingest::LoadProgress;

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

/// The loading gauge: share of bytes read, with bytes and contacts so far.
pub fn draw_loading(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    progress: &LoadProgress,
    theme: Theme,
) {
    use std::sync::atomic::Ordering;
    let read = progress.bytes.load(Ordering::Relaxed);
    let total = progress.total.load(Ordering::Relaxed).max(read).max(1);
    let rows = progress.rows.load(Ordering::Relaxed);
    let megabytes = |bytes: u64| bytes as f64 / 1_000_000.0;
    let label = format!(
        "Loading… {:.0}% · {:.1} of {:.1} MB · {rows} contacts",
        read as f64 * 100.0 / total as f64,
        megabytes(read),
        megabytes(total)
    );
    let [_, bar, _] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Fill(1),
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        ratatui::widgets::Gauge::default()
            .gauge_style(theme.bar())
            .ratio((read as f64 / total as f64).clamp(0.0, 1.0))
            .label(label),
        bar,
    );
}

/// An overlay window (detail, help, warnings): double border, a title, a scroll hint, and the
/// text wrapped and scrolled by `scroll` lines.
pub fn draw_window(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
    theme: Theme,
) {
    use ratatui::widgets::{Clear, Paragraph, Wrap};
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.focused())
        .title(format!(" {title} "))
        .title_bottom(" Esc close · j/k scroll ");
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
