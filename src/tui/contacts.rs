//! The contacts pane: the filtered, searched, sorted list, drawn a screenful at a time with
//! the search's matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::search::{Query, Searcher};

use super::app::{App, Pane};
use super::widgets::{draw_loading, flatten, highlighted, pane_block, window};

/// Draws the pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let focused = app.focus == Pane::Contacts;
    let block = pane_block(title(app), focused, theme).title_bottom(search_line(app));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(progress) = &app.loading {
        draw_loading(frame, inner, progress, theme);
        return;
    }
    if app.visible.is_empty() {
        let message = if app.searching {
            "searching…"
        } else {
            "No contacts match. Esc clears the search, then the filters."
        };
        frame.render_widget(Paragraph::new(message).style(theme.dim()), inner);
        return;
    }
    let height = usize::from(inner.height.saturating_sub(1));
    let range = window(app.contacts, app.visible.len(), height);
    let query = Query::parse(&app.search.text);
    let searcher = Searcher::default();
    let columns = Columns::for_width(inner.width, app.marks.count() > 0);
    let rows = app.visible[range.clone()].iter().map(|&index| {
        let index = index as usize;
        let contact = app.dataset.contact(index);
        let disposition = contact.disposition();
        let marks = |text: &str| -> Line<'static> {
            let positions = if query.is_empty() {
                Vec::new()
            } else {
                searcher.positions(&query, text)
            };
            highlighted(text, &positions, Style::new(), theme.matched())
        };
        let mark = if columns.words {
            format!("{} {}", disposition.symbol(), disposition)
        } else {
            disposition.symbol().to_string()
        };
        let mut cells = vec![
            Cell::from(Span::styled(mark, theme.disposition(disposition))),
            Cell::from(marks(contact.email())),
            Cell::from(marks(&contact.name())),
            Cell::from(contact.main_code()),
            Cell::from(contact.reason().as_str()),
        ];
        if columns.server_text {
            cells.push(Cell::from(flatten(&contact.reason_text())).style(theme.dim()));
        }
        if columns.marks {
            let marked = if app.marks.contains(index) { "●" } else { "" };
            cells.insert(0, Cell::from(Span::styled(marked, theme.focused())));
        }
        Row::new(cells)
    });
    let header = Row::new(columns.titles()).style(theme.header());
    let widths = columns.widths();
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(if focused {
            theme.selected()
        } else {
            theme.header()
        });
    let mut state =
        TableState::default().with_selected(app.contacts.selected.checked_sub(range.start));
    frame.render_stateful_widget(table, inner, &mut state);
}

/// Which columns fit: the address gets the room; the disposition shrinks to its symbol and the
/// server's text is dropped on narrow panes.
struct Columns {
    words: bool,
    server_text: bool,
    /// A narrow first column for the export marks, only while something is marked.
    marks: bool,
}

impl Columns {
    fn for_width(width: u16, marks: bool) -> Columns {
        Columns {
            words: width >= 100,
            server_text: width >= 120,
            marks,
        }
    }

    fn titles(&self) -> Vec<&'static str> {
        let mut titles = vec![
            if self.words { "DISPOSITION" } else { "" },
            "EMAIL",
            "NAME",
            "CODE",
            "REASON",
        ];
        if self.server_text {
            titles.push("SERVER SAID");
        }
        if self.marks {
            titles.insert(0, "");
        }
        titles
    }

    fn widths(&self) -> Vec<Constraint> {
        let mut widths = vec![
            Constraint::Length(if self.words { 11 } else { 1 }),
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(7),
            Constraint::Length(17),
        ];
        if self.server_text {
            widths[1] = Constraint::Length(32);
            widths[2] = Constraint::Length(20);
            widths.push(Constraint::Fill(1));
        }
        if self.marks {
            widths.insert(0, Constraint::Length(1));
        }
        widths
    }
}

fn title(app: &App) -> Line<'static> {
    let (column, descending) = app.sort;
    let searching = !app.search.text.trim().is_empty();
    let arrow = if descending { "↓" } else { "↑" };
    let busy = if app.searching {
        " · searching…"
    } else {
        ""
    };
    Line::from(vec![
        Span::raw(format!(" {} 2 · ", Pane::Contacts.title())),
        Span::styled(
            format!("{} of {}", app.visible.len(), app.dataset.len()),
            app.theme.header(),
        ),
        Span::raw(format!(
            " · sorted by {} {arrow}{busy} ",
            column.label(searching)
        )),
    ])
}

/// The search box on the bottom border: shown while typing or when a search is kept.
fn search_line(app: &App) -> Line<'static> {
    if !app.search.typing && app.search.text.is_empty() {
        return Line::default();
    }
    let cursor = if app.search.typing { "▏" } else { "" };
    Line::from(vec![
        Span::styled(" / ", app.theme.header()),
        Span::raw(app.search.text.clone()),
        Span::raw(format!("{cursor} ")),
    ])
}
