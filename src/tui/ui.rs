//! Drawing the whole screen from the state: reads [`App`], writes only to the frame.

use ratatui::Frame;

use super::app::{App, Overlay, Pane};
use super::{breakdown, codes, contacts, detail, help, layout, prompt, status};

/// Draws one frame.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let areas = layout::areas(area.width, area.height, app.focus);
    if areas.too_small {
        status::draw_too_small(frame, area, app);
        return;
    }
    status::draw_header(frame, areas.header, app);
    if let Some(tabs) = areas.tabs {
        status::draw_tabs(frame, tabs, app);
    }
    for &(pane, rect) in &areas.panes {
        match pane {
            Pane::Breakdown => breakdown::draw(frame, rect, app),
            Pane::Contacts => contacts::draw(frame, rect, app),
            Pane::Codes => codes::draw(frame, rect, app),
        }
    }
    match (&app.prompt, &app.notice) {
        (Some(prompt), _) => prompt::draw(frame, areas.hints, app, prompt),
        (None, Some(notice)) => status::draw_notice(frame, areas.hints, app, notice),
        (None, None) => status::draw_hints(frame, areas.hints, app),
    }
    match app.overlay {
        Some((Overlay::Detail(index), scroll)) => detail::draw(frame, area, app, index, scroll),
        Some((Overlay::Help, scroll)) => help::draw_overlay(
            frame,
            area,
            "Keys",
            help::help_lines(app.theme),
            scroll,
            app.theme,
        ),
        Some((Overlay::Warnings, scroll)) => help::draw_overlay(
            frame,
            area,
            "Load warnings",
            help::warning_lines(app),
            scroll,
            app.theme,
        ),
        None => {}
    }
}
