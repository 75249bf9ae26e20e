//! The detail view of one contact: every field of its row, the server's full text, each code
//! found with its meaning, the verdict with *why*, and what to do next.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::advice;
use crate::codes::catalog;
use crate::model::ContactRef;

use super::app::{App, Overlay};
use super::layout::overlay_area;
use super::theme::Theme;
use super::widgets::draw_window;

/// Draws contact `index` as an overlay, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, index: usize, scroll: u16) {
    let theme = app.theme;
    let area = overlay_area(area, Overlay::Detail(index));
    let lines = lines(app, index);
    draw_window(
        frame,
        area,
        "Contact detail (y copies)",
        lines,
        scroll,
        theme,
    );
}

/// The detail text for contact `index`.
pub fn lines(app: &App, index: usize) -> Vec<Line<'static>> {
    let (dataset, theme) = (&app.dataset, app.theme);
    if index >= dataset.len() {
        return vec![Line::from("No such contact.")];
    }
    let contact = dataset.contact(index);
    let source = contact.source_info();
    let name = contact.name();
    let section = |title: &str| Line::from(Span::styled(title.to_string(), theme.header()));
    let class = contact.class();
    let disposition = class.disposition;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(contact.email().to_string(), theme.header()),
            Span::raw(if name.is_empty() {
                String::new()
            } else {
                format!(" — {name}")
            }),
        ]),
        Line::from(Span::styled(
            format!("{}, line {}", source.name, contact.line()),
            theme.dim(),
        )),
        Line::default(),
        section("VERDICT"),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(
                format!("{} {}", disposition.symbol(), disposition),
                theme.disposition(disposition),
            ),
            Span::raw(format!(" · {}", class.reason)),
        ]),
        Line::from(format!(
            "  Why: {} ({}).",
            class.disposition_basis.explain(contact.kind()),
            disposition_word(disposition)
        )),
    ];
    if class.reason_basis != class.disposition_basis {
        lines.push(Line::from(format!(
            "  Reason: {}.",
            class.reason_basis.explain(contact.kind())
        )));
    }
    if let Some(other) = class.content_says {
        lines.push(Line::from(Span::styled(
            format!(
                "  Note: the type column says {disposition}, but the codes and text suggest {other}."
            ),
            theme.warning(),
        )));
    }
    lines.push(Line::default());
    lines.extend(next_step_lines(app, &contact, theme));
    lines.push(Line::default());
    lines.push(section("SERVER SAID"));
    let reason_text = contact.reason_text();
    if reason_text.is_empty() {
        lines.push(Line::from(Span::styled("  (no reason text)", theme.dim())));
    } else {
        lines.extend(reason_text.lines().map(|l| Line::from(format!("  {l}"))));
    }
    lines.push(Line::default());
    lines.push(section("CODES FOUND"));
    lines.extend(code_lines(&contact, theme));
    lines.push(Line::default());
    lines.push(section("ALL FIELDS"));
    for (column, header) in source.headers.iter().enumerate() {
        let value = contact.field(column);
        let known = source.role_of(column).is_some();
        let marker = if known { " " } else { "·" };
        lines.push(Line::from(vec![
            Span::styled(format!(" {marker}{header}: "), theme.header()),
            Span::raw(value.replace(['\r', '\n'], " ")),
        ]));
    }
    for (extra, value) in contact.fields().enumerate().skip(source.headers.len()) {
        lines.push(Line::from(format!(
            " ·(extra field {}): {value}",
            extra + 1
        )));
    }
    lines.push(Line::from(Span::styled(
        "  · columns bouncelens does not use, kept as they are",
        theme.dim(),
    )));
    lines
}

/// What to do, why, the corrected address for a typo, and the domain's note when the whole
/// domain fails.
fn next_step_lines(app: &App, contact: &ContactRef<'_>, theme: Theme) -> Vec<Line<'static>> {
    let recommendation = advice::recommend(contact);
    let mut step = vec![
        Span::raw("  "),
        Span::styled(recommendation.advice.to_string(), theme.focused()),
    ];
    if let Some(suggestion) = &recommendation.suggestion {
        step.push(Span::raw(" → "));
        step.push(Span::styled(suggestion.address.clone(), theme.header()));
    }
    let mut lines = vec![
        Line::from(Span::styled("NEXT STEP", theme.header())),
        Line::from(step),
        Line::from(format!("  Why: {}.", recommendation.why)),
    ];
    if recommendation.suggestion.is_none() {
        lines.push(Line::from(Span::styled(
            format!(
                "  About {}: {}",
                contact.reason(),
                catalog::reason_step(contact.reason())
            ),
            theme.dim(),
        )));
    }
    let domain = contact.domain();
    if let Some(note) = app.domain_notes.iter().find(|n| n.domain == domain) {
        lines.push(Line::from(Span::styled(
            format!("  Whole domain {}: {}.", note.domain, note.why),
            theme.warning(),
        )));
    }
    lines
}

fn disposition_word(disposition: crate::codes::Disposition) -> &'static str {
    use crate::codes::Disposition as D;
    match disposition {
        D::Hard => "permanent, the address itself fails",
        D::Soft => "temporary, the address is fine",
        D::Block => "the receiver refused the sender, the address is probably fine",
        D::OptOut => "the person asked not to be mailed",
        D::Complaint => "the person reported spam",
        D::Unknown => "nothing says why",
    }
}

fn code_lines(contact: &ContactRef<'_>, theme: Theme) -> Vec<Line<'static>> {
    let codes = contact.codes();
    let mut lines = Vec::new();
    let replies = codes.reply.iter().chain(&codes.other_replies);
    for reply in replies {
        let (title, meaning) = catalog::reply(*reply).map_or(("not in the reference", ""), |d| {
            (d.title, d.advice.meaning)
        });
        lines.push(Line::from(vec![
            Span::styled(format!("  {reply:<8}"), theme.header()),
            Span::raw(format!("{title}. {meaning}")),
        ]));
    }
    let statuses = codes.status.iter().chain(&codes.other_statuses);
    for status in statuses {
        let text = match catalog::enhanced(*status) {
            Some(m) if m.exact => format!("{}. {}", m.def.title, m.def.advice.meaning),
            Some(m) => format!(
                "not in the registry; its subject {} means: {}",
                status.subject_fallback(),
                m.def.title
            ),
            None => "not in the reference".to_string(),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {status:<8}"), theme.header()),
            Span::raw(text),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled("  (none)", theme.dim())));
    }
    lines
}
