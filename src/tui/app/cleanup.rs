//! Cleaning the list from the dashboard: marking contacts, exporting them, copying an address.
//! State changes only; the file and the clipboard are the runtime's business ([`Effect`]).

use super::{Action, App, Context, Effect, ExportFailure, Overlay, Pane};
use crate::tui::keys::Command;
use crate::tui::prompt::Prompt;

impl App {
    /// Space: marks or unmarks the selected contact, then moves down so a run of rows is
    /// marked by holding the key.
    pub(super) fn toggle_mark(&mut self) {
        if let Some(index) = self.selected_contact() {
            self.marks.toggle(index);
            self.move_selection(1);
        }
    }

    /// `a`: marks every contact the current filter and search show.
    pub(super) fn mark_all(&mut self) {
        let before = self.marks.count();
        self.marks
            .mark_all(self.visible.iter().map(|&i| i as usize));
        let added = self.marks.count() - before;
        self.notice = Some(format!(
            "Marked {} more ({} in all)",
            crate::render::count(added, "contact", "contacts"),
            self.marks.count()
        ));
    }

    /// `u`: unmarks everything.
    pub(super) fn clear_marks(&mut self) {
        let count = self.marks.count();
        self.marks.clear();
        self.notice = Some(format!(
            "Unmarked {}",
            crate::render::count(count, "contact", "contacts")
        ));
    }

    /// What `e` exports: the marked contacts in file order, or else what the list shows, in
    /// its order.
    fn export_rows(&self) -> Vec<usize> {
        if self.marks.count() > 0 {
            self.marks.indices()
        } else {
            self.visible.iter().map(|&i| i as usize).collect()
        }
    }

    /// How many contacts `e` would export, without listing them.
    fn export_count(&self) -> usize {
        match self.marks.count() {
            0 => self.visible.len(),
            marked => marked,
        }
    }

    /// A file name saying what is exported: `bouncelens-marked.csv`,
    /// `bouncelens-disposition-hard.csv`, `bouncelens-all.csv`.
    fn default_export_name(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.marks.count() > 0 {
            parts.push("marked".to_string());
        } else {
            parts.extend(
                self.groups
                    .iter()
                    .map(|(by, value)| format!("{}-{value}", by.as_str())),
            );
            if !self.search.text.is_empty() {
                parts.push(format!("search-{}", self.search.text));
            }
        }
        let mut stem: String = parts
            .join("-")
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        while stem.contains("--") {
            stem = stem.replace("--", "-");
        }
        let stem = stem.trim_matches('-');
        let stem: String = stem.chars().take(60).collect();
        if stem.is_empty() {
            "bouncelens-all.csv".to_string()
        } else {
            format!("bouncelens-{stem}.csv")
        }
    }

    /// `e`: asks where to export, offering a name that says what is in it.
    pub(super) fn ask_export_path(&mut self) {
        if self.loading.is_some() {
            self.notice = Some("Still loading: export when the contacts are in".to_string());
            return;
        }
        let count = self.export_count();
        if count == 0 {
            self.notice = Some("Nothing to export: the list is empty".to_string());
            return;
        }
        self.prompt = Some(Prompt::ExportPath {
            path: self.default_export_name(),
            count,
        });
    }

    /// Keys from the key table while the prompt is open.
    pub(super) fn prompt_command(&mut self, command: Command) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt, command) {
            (_, Command::Quit) => self.quit = true,
            (Prompt::ExportPath { .. }, Command::Back) => {
                self.notice = Some("Export cancelled".to_string());
            }
            (Prompt::ExportPath { mut path, count }, Command::DeleteChar) => {
                path.pop();
                self.prompt = Some(Prompt::ExportPath { path, count });
            }
            (Prompt::ExportPath { count, .. }, Command::ClearQuery) => {
                self.prompt = Some(Prompt::ExportPath {
                    path: String::new(),
                    count,
                });
            }
            (Prompt::ExportPath { path, count }, Command::Accept) => {
                let path = path.trim().to_string();
                if path.is_empty() {
                    self.prompt = Some(Prompt::ExportPath { path, count });
                } else {
                    self.request_export(path, false);
                }
            }
            (Prompt::ConfirmReplace { path, count }, Command::Back | Command::Accept) => {
                self.prompt = Some(Prompt::ExportPath { path, count });
            }
            (prompt, _) => self.prompt = Some(prompt),
        }
    }

    /// Characters typed while the prompt is open.
    pub(super) fn prompt_type(&mut self, c: char) {
        match self.prompt.take() {
            Some(Prompt::ExportPath { mut path, count }) => {
                path.push(c);
                self.prompt = Some(Prompt::ExportPath { path, count });
            }
            Some(Prompt::ConfirmReplace { path, .. }) if matches!(c, 'y' | 'Y') => {
                self.request_export(path, true);
            }
            Some(Prompt::ConfirmReplace { path, count }) => {
                self.prompt = Some(Prompt::ExportPath { path, count });
            }
            None => {}
        }
    }

    fn request_export(&mut self, path: String, replace: bool) {
        self.effects.push(Effect::Export {
            path,
            rows: self.export_rows(),
            replace,
        });
        self.notice = Some("Exporting…".to_string());
    }

    /// The runtime's answer to an export.
    pub(super) fn exported(&mut self, result: Result<(usize, String), ExportFailure>) {
        match result {
            Ok((count, path)) => {
                self.notice = Some(format!(
                    "Exported {} to {path}",
                    crate::render::count(count, "contact", "contacts")
                ));
            }
            Err(ExportFailure::Exists(path)) => {
                let count = self.export_count();
                self.notice = None;
                self.prompt = Some(Prompt::ConfirmReplace { path, count });
            }
            Err(ExportFailure::Failed(message)) => {
                self.notice = Some(format!("Export failed: {message}"));
            }
        }
    }

    /// `y`: the selected contact's address to the clipboard.
    pub(super) fn copy_selected(&mut self) {
        let focused = matches!(self.context(), Context::Pane(Pane::Contacts));
        let index = self.selected_contact().filter(|_| focused);
        match index {
            Some(index) => {
                let email = self.dataset.contact(index).email().to_string();
                self.effects.push(Effect::Copy(email));
            }
            None => {
                self.notice = Some("Select a contact in the contact list to copy it".to_string());
            }
        }
    }

    /// `y` in the detail view: the whole text, as shown.
    pub(super) fn copy_overlay(&mut self, overlay: Overlay) {
        let lines = self.overlay_lines(overlay);
        let text: Vec<String> = lines
            .iter()
            .map(|line| {
                line.spans
                    .iter()
                    .map(|span| span.content.as_ref())
                    .collect()
            })
            .collect();
        self.effects.push(Effect::Copy(text.join("\n")));
    }
}

/// The notice for a finished copy.
pub fn copied(text: &str) -> Action {
    let first = text.lines().next().unwrap_or_default();
    let shown = crate::render::truncate(first, 40);
    let more = if text.lines().nth(1).is_some() {
        " and the rest of the detail"
    } else {
        ""
    };
    Action::Notice(format!("Copied {shown}{more} to the clipboard"))
}
