//! Where everything goes on screen, as a pure function of the terminal size. Drawing and mouse
//! handling both use it, so a click lands on the row that was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::{Overlay, Pane};

/// Below this the dashboard says the terminal is too small instead of drawing garbage.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 14;
/// From this width on, the panes sit side by side; narrower terminals get tabs.
pub const WIDE_WIDTH: u16 = 110;

/// The screen regions for one size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    /// The whole terminal.
    pub full: Rect,
    /// True when the terminal is below the minimum size.
    pub too_small: bool,
    /// The two status lines at the top.
    pub header: Rect,
    /// The tab bar, on narrow terminals.
    pub tabs: Option<Rect>,
    /// The panes on screen with their outer rectangles.
    pub panes: Vec<(Pane, Rect)>,
    /// The key hint line at the bottom.
    pub hints: Rect,
}

impl Areas {
    /// The rectangle of `pane`, if it is on screen.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }

    /// The region of a pane where its list rows are drawn (inside the border, below the column
    /// header); for the code pane, only the list half.
    pub fn rows_area(&self, pane: Pane) -> Option<Rect> {
        let outer = self.pane(pane)?;
        let list = if pane == Pane::Codes {
            codes_split(outer).0
        } else {
            outer
        };
        let inner = list.inner(ratatui::layout::Margin::new(1, 1));
        Some(Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        })
    }

    /// How many list rows fit in `pane` (0 when it is not on screen).
    pub fn rows_visible(&self, pane: Pane) -> usize {
        self.rows_area(pane).map_or(0, |r| usize::from(r.height))
    }

    /// The pane under a cell, and the visible row index when the cell is on a list row.
    pub fn hit(&self, column: u16, row: u16) -> Option<(Pane, Option<usize>)> {
        let position = ratatui::layout::Position::new(column, row);
        let (pane, _) = self
            .panes
            .iter()
            .find(|(_, rect)| rect.contains(position))?;
        let line = self
            .rows_area(*pane)
            .filter(|rows| rows.contains(position))
            .map(|rows| usize::from(row - rows.y));
        Some((*pane, line))
    }
}

/// Where an overlay window goes: the detail view takes nearly the whole screen, help and
/// warnings a little less.
pub fn overlay_area(full: Rect, overlay: Overlay) -> Rect {
    let (percent_x, percent_y) = match overlay {
        Overlay::Detail(_) => (92, 90),
        Overlay::Help | Overlay::Warnings => (80, 85),
    };
    let width = full.width * percent_x / 100;
    let height = full.height * percent_y / 100;
    Rect {
        x: full.x + (full.width - width) / 2,
        y: full.y + (full.height - height) / 2,
        width,
        height,
    }
}

/// The code pane's list (top) and the selected code's explanation (bottom).
pub fn codes_split(outer: Rect) -> (Rect, Rect) {
    let [list, detail] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(outer);
    (list, detail)
}

/// Lays the screen out for a `width`×`height` terminal with `focus` focused (on narrow
/// terminals only the focused pane is shown).
pub fn areas(width: u16, height: u16, focus: Pane) -> Areas {
    let full = Rect::new(0, 0, width, height);
    let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
    if too_small {
        return Areas {
            full,
            too_small,
            header: Rect::default(),
            tabs: None,
            panes: Vec::new(),
            hints: Rect::default(),
        };
    }
    let [header, body, hints] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(full);
    if width >= WIDE_WIDTH {
        let left_width = (width * 2 / 5).max(46);
        let [left, contacts] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Min(1)]).areas(body);
        let [breakdown, codes] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(left);
        Areas {
            full,
            too_small,
            header,
            tabs: None,
            panes: vec![
                (Pane::Breakdown, breakdown),
                (Pane::Contacts, contacts),
                (Pane::Codes, codes),
            ],
            hints,
        }
    } else {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
        Areas {
            full,
            too_small,
            header,
            tabs: Some(tabs),
            panes: vec![(focus, pane)],
            hints,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_all_panes() {
        let areas = areas(120, 40, Pane::Contacts);
        assert_eq!(areas.panes.len(), 3);
        assert!(areas.tabs.is_none());
        assert!(areas.rows_visible(Pane::Contacts) > 30);
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane_with_tabs() {
        let areas = areas(80, 24, Pane::Codes);
        assert_eq!(areas.panes.len(), 1);
        assert_eq!(areas.panes[0].0, Pane::Codes);
        assert!(areas.tabs.is_some());
    }

    #[test]
    fn clicks_find_rows() {
        let areas = areas(80, 24, Pane::Contacts);
        let rows = areas.rows_area(Pane::Contacts).unwrap();
        assert_eq!(
            areas.hit(rows.x + 2, rows.y + 3),
            Some((Pane::Contacts, Some(3)))
        );
        assert_eq!(
            areas.hit(rows.x + 2, rows.y - 1),
            Some((Pane::Contacts, None))
        );
    }

    #[test]
    fn tiny_terminals_are_flagged() {
        assert!(areas(59, 30, Pane::Contacts).too_small);
        assert!(areas(10, 3, Pane::Contacts).panes.is_empty());
    }
}
