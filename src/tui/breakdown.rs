//! The breakdown pane: a VisiData-style frequency table of the contacts on the list, by the
//! chosen grouping, with a bar per row; Enter drills into a row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, TableState};

use crate::codes::Disposition;
use crate::render;
use crate::stats::GroupBy;

use super::app::{App, Pane};
use super::widgets::{draw_loading, pane_block, window};

/// Draws the pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let focused = app.focus == Pane::Breakdown;
    let block = pane_block(title(app), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(progress) = &app.loading {
        draw_loading(frame, inner, progress, theme);
        return;
    }
    let breakdown = &app.breakdown;
    let height = usize::from(inner.height.saturating_sub(1));
    let rows_range = window(app.breakdown_cursor, breakdown.bins.len(), height);
    let top = breakdown.largest();
    let with_meaning = breakdown.by.is_code();
    let value_width = match breakdown.by {
        GroupBy::Domain => 24,
        GroupBy::Reason | GroupBy::Action => 17,
        GroupBy::Disposition => 11,
        _ => 9,
    };
    let fixed = value_width + 7 + 6 + 3;
    let room = usize::from(inner.width).saturating_sub(fixed);
    let bar_width = if with_meaning {
        (room / 4).min(10)
    } else {
        room
    };
    let rows = breakdown.bins[rows_range.clone()].iter().map(|bin| {
        let value_style = match Disposition::from_name(&bin.value) {
            Some(d) if breakdown.by == GroupBy::Disposition => theme.disposition(d),
            _ => ratatui::style::Style::new(),
        };
        let value = match Disposition::from_name(&bin.value) {
            Some(d) if breakdown.by == GroupBy::Disposition => format!("{} {}", d.symbol(), d),
            _ => bin.value.clone(),
        };
        let mut cells = vec![
            Cell::from(Span::styled(value, value_style)),
            Cell::from(Line::from(bin.count.to_string()).right_aligned()),
            Cell::from(Line::from(render::percent(bin.share)).right_aligned()),
            Cell::from(Span::styled(
                render::bar(bin.count as f64 / top as f64, bar_width),
                theme.bar(),
            )),
        ];
        if with_meaning {
            cells.push(Cell::from(bin.meaning.unwrap_or_default()));
        }
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Length(value_width as u16),
        Constraint::Length(7),
        Constraint::Length(6),
        Constraint::Length(bar_width as u16),
    ];
    let mut header = vec!["VALUE", "COUNT", "%", ""];
    if with_meaning {
        widths.push(Constraint::Min(10));
        header.push("MEANING");
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .row_highlight_style(if focused {
            theme.selected()
        } else {
            theme.header()
        });
    let mut state = TableState::default().with_selected(
        app.breakdown_cursor
            .selected
            .checked_sub(rows_range.start)
            .filter(|_| !breakdown.bins.is_empty()),
    );
    frame.render_stateful_widget(table, inner, &mut state);
}

fn title(app: &App) -> Line<'static> {
    let all = GroupBy::ALL;
    let at = all.iter().position(|g| *g == app.group_by).unwrap_or(0);
    Line::from(vec![
        Span::raw(format!(" {} 1 · by ", Pane::Breakdown.title())),
        Span::styled(app.group_by.as_str(), app.theme.header()),
        Span::styled(
            format!(" ({}/{}, h/l) ", at + 1, all.len()),
            app.theme.dim(),
        ),
    ])
}
