//! The code reference pane: every reply and enhanced code bouncelens knows, searchable by code
//! prefix or words, with the selected code explained and its count among the loaded contacts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

use crate::codes::catalog::{self, Entry};

use super::app::{App, Pane};
use super::layout::codes_split;
use super::theme::Theme;
use super::widgets::{pane_block, window};

/// RFC 3463's subject names, to show which group a code belongs to.
const SUBJECTS: [&str; 8] = [
    "other",
    "addressing",
    "mailbox",
    "mail system",
    "network",
    "protocol",
    "content",
    "security",
];

/// Draws the pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let focused = app.focus == Pane::Codes;
    let (list_area, detail_area) = codes_split(area);
    let block = pane_block(title(app), focused, theme).title_bottom(search_line(app));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let codes = &app.codes;
    let height = usize::from(inner.height.saturating_sub(1));
    let range = window(codes.cursor, codes.shown.len(), height);
    let roomy = inner.width >= 70;
    let rows = codes.shown[range.clone()].iter().map(|&i| {
        let entry = &codes.entries[i];
        let count = app.code_counts.get(&entry.code()).copied().unwrap_or(0);
        let disposition = entry.disposition();
        let usually = if roomy {
            format!("{} {}", disposition.symbol(), disposition)
        } else {
            disposition.symbol().to_string()
        };
        let mut cells = vec![Cell::from(entry.code())];
        if roomy {
            cells.push(Cell::from(group(entry)).style(theme.dim()));
        }
        cells.extend([
            Cell::from(entry.title()),
            Cell::from(Span::styled(usually, theme.disposition(disposition))),
            Cell::from(
                Line::from(if count > 0 {
                    count.to_string()
                } else {
                    String::new()
                })
                .right_aligned(),
            ),
            Cell::from(if entry.article_text().is_some() {
                "★"
            } else {
                ""
            }),
        ]);
        Row::new(cells)
    });
    let mut widths = vec![Constraint::Length(7)];
    let mut titles = vec!["CODE"];
    if roomy {
        widths.push(Constraint::Length(14));
        titles.push("GROUP");
    }
    widths.extend([
        Constraint::Fill(1),
        Constraint::Length(if roomy { 11 } else { 1 }),
        Constraint::Length(5),
        Constraint::Length(1),
    ]);
    titles.extend(["TITLE", if roomy { "USUALLY" } else { "" }, "COUNT", "★"]);
    let table = Table::new(rows, widths)
        .header(Row::new(titles).style(theme.header()))
        .row_highlight_style(if focused {
            theme.selected()
        } else {
            theme.header()
        });
    let mut state = TableState::default().with_selected(
        codes
            .cursor
            .selected
            .checked_sub(range.start)
            .filter(|_| !codes.shown.is_empty()),
    );
    frame.render_stateful_widget(table, inner, &mut state);
    draw_explanation(frame, detail_area, app, theme);
}

/// The group a code belongs to: reply class or enhanced subject.
fn group(entry: &Entry) -> String {
    match entry {
        Entry::Reply(def) => format!("reply {}xx", &def.code[..1]),
        Entry::Enhanced(meaning) => {
            let subject = SUBJECTS
                .get(usize::from(meaning.code.subject))
                .copied()
                .unwrap_or("");
            format!("{}.{} {subject}", meaning.code.class, meaning.code.subject)
        }
    }
}

fn draw_explanation(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let block = Block::new()
        .borders(Borders::LEFT | Borders::RIGHT | Borders::BOTTOM)
        .border_style(if app.focus == Pane::Codes {
            theme.focused()
        } else {
            theme.unfocused()
        });
    let lines = match app.selected_code() {
        Some(entry) => explanation(entry, app, theme),
        None => vec![Line::from("No code matches. Esc clears the search.")],
    };
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// What the selected code means, for the lower half of the pane.
fn explanation(entry: &Entry, app: &App, theme: Theme) -> Vec<Line<'static>> {
    let advice = entry.advice();
    let label = |text: &str| Span::styled(format!("{text:<10}"), theme.header());
    let count = app.code_counts.get(&entry.code()).copied().unwrap_or(0);
    let mut lines = vec![Line::from(vec![
        Span::styled(entry.code(), theme.header()),
        Span::raw(format!("  {}  ({})", entry.title(), entry.rfc())),
    ])];
    if let Some(class) = catalog::class(entry.class()) {
        lines.push(Line::from(vec![
            label("Class"),
            Span::raw(format!("{}.X.X {}", class.class, class.title)),
        ]));
    }
    if let Some(text) = entry.article_text() {
        lines.push(Line::from(vec![
            label("Article"),
            Span::raw(text.to_string()),
        ]));
    }
    lines.push(Line::from(vec![
        label("Meaning"),
        Span::raw(entry.meaning().into_owned()),
    ]));
    let disposition = entry.disposition();
    lines.push(Line::from(vec![
        label("Usually"),
        Span::styled(
            format!(
                "{} {} ({})",
                disposition.symbol(),
                disposition,
                advice.reason
            ),
            theme.disposition(disposition),
        ),
    ]));
    lines.push(Line::from(vec![
        label("Next"),
        Span::raw(entry.next_step()),
    ]));
    let contacts = match count {
        0 => "No loaded contact carries it.".to_string(),
        1 => "1 loaded contact carries it — Enter shows it.".to_string(),
        n => format!("{n} loaded contacts carry it — Enter shows them."),
    };
    lines.push(Line::from(vec![label("Contacts"), Span::raw(contacts)]));
    lines
}

fn title(app: &App) -> Line<'static> {
    Line::from(vec![
        Span::raw(format!(" {} 3 · ", Pane::Codes.title())),
        Span::styled(
            format!("{} of {}", app.codes.shown.len(), app.codes.entries.len()),
            app.theme.header(),
        ),
        Span::raw(" · ★ in the article "),
    ])
}

fn search_line(app: &App) -> Line<'static> {
    let query = &app.codes.query;
    if !query.typing && query.text.is_empty() {
        return Line::default();
    }
    let cursor = if query.typing { "▏" } else { "" };
    Line::from(vec![
        Span::styled(" / ", app.theme.header()),
        Span::raw(query.text.clone()),
        Span::raw(format!("{cursor} ")),
    ])
}
