//! Colours and emphasis. Colour only ever repeats what a symbol or word already says, and with
//! `NO_COLOR` set there is none at all (emphasis such as reverse video stays, it is not colour).

use ratatui::style::{Color, Modifier, Style};

use crate::codes::Disposition;

/// The styles the panes draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` is set.
    pub color: bool,
}

impl Theme {
    /// Colours unless the `NO_COLOR` convention (no-color.org) asks for none.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// A disposition's colour (its symbol and word carry the meaning).
    pub fn disposition(self, disposition: Disposition) -> Style {
        self.fg(match disposition {
            Disposition::Hard => Color::Red,
            Disposition::Soft => Color::Yellow,
            Disposition::Block => Color::Magenta,
            Disposition::OptOut => Color::Blue,
            Disposition::Complaint => Color::LightRed,
            Disposition::Unknown => Color::Gray,
        })
    }

    /// The selected row.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A focused pane's border and title.
    pub fn focused(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// An unfocused pane's border.
    pub fn unfocused(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Characters that matched the search.
    pub fn matched(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Column headers and labels.
    pub fn header(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text.
    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Warnings and the "too small" message.
    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Bars in the breakdown.
    pub fn bar(self) -> Style {
        self.fg(Color::Cyan)
    }
}
