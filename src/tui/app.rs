//! The dashboard's state and the one place it changes. Keys become [`Action`]s (a pure
//! function of the key and the context), [`App::update`] applies them, and drawing only reads.
//! Slow work — the fuzzy search — is requested through [`App::take_search_request`] and comes
//! back as [`Action::SearchDone`], so the state never waits on it.

use std::collections::HashMap;
use std::sync::Arc;

use crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use crate::advice::{self, DomainNote};
use crate::codes::Disposition;
use crate::codes::catalog::{self, Entry};
use crate::ingest::LoadProgress;
use crate::model::Dataset;
use crate::search::{Candidates, Query};
use crate::stats::{self, Breakdown, GroupBy};

use ratatui::text::Line;

use super::keys::{self, Command};
use super::layout::{self, Areas};
use super::marks::Marks;
use super::prompt::Prompt;
use super::theme::Theme;
use super::{detail, help};

mod cleanup;

pub use cleanup::copied;

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The frequency table.
    Breakdown,
    /// The contact list.
    Contacts,
    /// The code reference.
    Codes,
}

impl Pane {
    /// Tab order.
    pub const ALL: [Pane; 3] = [Pane::Breakdown, Pane::Contacts, Pane::Codes];

    /// The title shown on the pane and its tab.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Breakdown => "Breakdown",
            Pane::Contacts => "Contacts",
            Pane::Codes => "Codes",
        }
    }
}

/// What is layered over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key help.
    Help,
    /// The load warnings.
    Warnings,
    /// One contact, by index into the dataset.
    Detail(usize),
}

/// Which keys apply right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A pane has focus.
    Pane(Pane),
    /// The user is typing a query in this pane.
    Typing(Pane),
    /// An overlay is open.
    Overlay,
    /// The prompt at the bottom is reading a line.
    Prompt,
}

/// Everything that can happen to the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A command from the key table.
    Command(Command),
    /// A character typed into a query.
    Type(char),
    /// The terminal was resized.
    Resize(u16, u16),
    /// A mouse click at a cell.
    Click(u16, u16),
    /// The wheel turned over a cell; positive is down.
    Scroll(u16, u16, i32),
    /// Search results: the generation, the ranked contact indices, and whether the ranking is
    /// complete or only the best of the first contacts scanned.
    SearchDone(u64, Vec<u32>, bool),
    /// An export finished: how many contacts went to which file, or why not.
    Exported(Result<(usize, String), ExportFailure>),
    /// Something to tell the user on the status line (the runtime copied to the clipboard).
    Notice(String),
}

/// Why an export did not happen, as the dashboard needs to know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFailure {
    /// The file exists: ask before replacing it.
    Exists(String),
    /// Anything else, said in one line.
    Failed(String),
}

/// Work with side effects that [`App::update`] asks for and the runtime carries out, so the
/// state stays pure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write these contacts as CSV to `path`; `replace` once the user agreed.
    Export {
        /// Destination.
        path: String,
        /// Contact indices, in the order to write them.
        rows: Vec<usize>,
        /// Whether an existing file may be replaced.
        replace: bool,
    },
    /// Put this text on the clipboard (OSC 52, so it works over SSH).
    Copy(String),
}

/// Maps a key press to an action. Releases and repeats are ignored, or Windows terminals would
/// act on every key twice.
pub fn action_for_key(key: KeyEvent, context: Context) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if let Some(command) = keys::command_for(key, context) {
        return Some(Action::Command(command));
    }
    match (context, key.code) {
        (Context::Typing(_) | Context::Prompt, crossterm::event::KeyCode::Char(c))
            if !key.modifiers.intersects(
                crossterm::event::KeyModifiers::CONTROL | crossterm::event::KeyModifiers::ALT,
            ) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// Maps a mouse event to an action: clicks and the wheel; drags and moves are ignored.
pub fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(mouse.column, mouse.row, 3)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(mouse.column, mouse.row, -3)),
        _ => None,
    }
}

/// A column the contact list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// File order, or best match first while searching.
    Natural,
    /// Address.
    Email,
    /// Name.
    Name,
    /// Disposition.
    Disposition,
    /// Main code.
    Code,
    /// Reason.
    Reason,
    /// Date.
    Date,
}

impl SortColumn {
    const CYCLE: [SortColumn; 7] = [
        SortColumn::Natural,
        SortColumn::Email,
        SortColumn::Name,
        SortColumn::Disposition,
        SortColumn::Code,
        SortColumn::Reason,
        SortColumn::Date,
    ];

    /// The name shown in the pane title.
    pub fn label(self, searching: bool) -> &'static str {
        match self {
            SortColumn::Natural if searching => "best match",
            SortColumn::Natural => "file order",
            SortColumn::Email => "email",
            SortColumn::Name => "name",
            SortColumn::Disposition => "disposition",
            SortColumn::Code => "code",
            SortColumn::Reason => "reason",
            SortColumn::Date => "date",
        }
    }

    fn next(self) -> SortColumn {
        let at = Self::CYCLE.iter().position(|c| *c == self).unwrap_or(0);
        Self::CYCLE[(at + 1) % Self::CYCLE.len()]
    }
}

/// A scrolling list position: the selected row and the first row on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Selected row.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` rows within `len`, keeping the selection inside a `height`-row window.
    fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        let last = len.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
        self.follow(len, height);
    }

    fn set(&mut self, row: usize, len: usize, height: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.follow(len, height);
    }

    /// Scrolls just enough to show the selection, and never past the end.
    fn follow(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// A query being typed or kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryState {
    /// The text.
    pub text: String,
    /// Whether keys go to the text.
    pub typing: bool,
}

/// The code reference pane's state.
#[derive(Debug, Clone)]
pub struct CodesState {
    /// Every entry of the catalog, in reference order.
    pub entries: Vec<Entry>,
    /// Indices of the entries matching the query.
    pub shown: Vec<usize>,
    /// The query.
    pub query: QueryState,
    /// The list position.
    pub cursor: Cursor,
}

/// A search the runtime should run off the UI thread.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// Results carrying another generation are stale and dropped.
    pub generation: u64,
    /// The query.
    pub query: Query,
    /// The contacts to rank (those passing the other filters).
    pub candidates: Candidates,
}

/// The whole dashboard state.
pub struct App {
    /// The loaded contacts.
    pub dataset: Arc<Dataset>,
    /// The focused pane.
    pub focus: Pane,
    /// The open overlay and its scroll offset.
    pub overlay: Option<(Overlay, u16)>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Breakdown rows drilled into.
    pub groups: Vec<(GroupBy, String)>,
    /// The contact search.
    pub search: QueryState,
    /// Contacts passing the group filters, file order (all of them, unstored, without
    /// filters).
    pub base: Candidates,
    /// The matches in search-rank order, kept only while another sort order is shown.
    ranked: Option<Vec<u32>>,
    /// The matches in the chosen sort order: what the list shows.
    pub visible: Vec<u32>,
    /// True while a search is running.
    pub searching: bool,
    /// The generation of the newest search asked for.
    pub generation: u64,
    /// A search waiting to be started by the runtime.
    pending: Option<SearchRequest>,
    /// The last complete search and its matches in file order: a query extending it only
    /// needs to look at those.
    narrowing: Option<(Query, Arc<Vec<u32>>)>,
    /// Sort column and direction.
    pub sort: (SortColumn, bool),
    /// The contact list position.
    pub contacts: Cursor,
    /// The breakdown grouping.
    pub group_by: GroupBy,
    /// The breakdown of the visible contacts.
    pub breakdown: Breakdown,
    /// The breakdown position.
    pub breakdown_cursor: Cursor,
    /// The code reference.
    pub codes: CodesState,
    /// How many contacts carry each code as their main reply or status code.
    pub code_counts: HashMap<String, usize>,
    /// Contacts per disposition over the whole dataset, for the header (counted once, not
    /// per frame).
    pub totals: [(Disposition, usize); 6],
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Colours or none.
    pub theme: Theme,
    /// Set while the contacts load in the background, for the progress gauge.
    pub loading: Option<Arc<LoadProgress>>,
    /// Contacts marked for export.
    pub marks: Marks,
    /// The line being read at the bottom, if any.
    pub prompt: Option<Prompt>,
    /// What the last action did, shown in the hint bar until the next key.
    pub notice: Option<String>,
    /// Domains to deal with as a whole, biggest first.
    pub domain_notes: Vec<DomainNote>,
    /// Side effects waiting for the runtime.
    effects: Vec<Effect>,
}

impl App {
    /// A dashboard over `dataset`, `width`×`height` cells.
    pub fn new(dataset: Arc<Dataset>, width: u16, height: u16) -> App {
        let base = Candidates::All(dataset.len());
        let entries = catalog::entries();
        let shown = (0..entries.len()).collect();
        let code_counts = count_codes(&dataset);
        let totals = stats::disposition_totals(dataset.contacts());
        let dataset_len = dataset.len();
        let domain_notes = advice::domain_notes(&dataset);
        let mut app = App {
            dataset,
            focus: Pane::Breakdown,
            overlay: None,
            size: (width, height),
            groups: Vec::new(),
            search: QueryState::default(),
            ranked: None,
            visible: base.to_vec(),
            base,
            searching: false,
            generation: 0,
            pending: None,
            narrowing: None,
            sort: (SortColumn::Natural, false),
            contacts: Cursor::default(),
            group_by: GroupBy::Disposition,
            breakdown: Breakdown {
                by: GroupBy::Disposition,
                total: 0,
                bins: Vec::new(),
            },
            breakdown_cursor: Cursor::default(),
            codes: CodesState {
                entries,
                shown,
                query: QueryState::default(),
                cursor: Cursor::default(),
            },
            code_counts,
            totals,
            quit: false,
            theme: Theme { color: true },
            loading: None,
            marks: Marks::new(dataset_len),
            prompt: None,
            notice: None,
            domain_notes,
            effects: Vec::new(),
        };
        app.regroup();
        app
    }

    /// Takes the loaded contacts: everything computed from the (empty) dataset so far is
    /// recomputed, and filters or a query typed while loading apply at once.
    pub fn finish_loading(&mut self, dataset: Arc<Dataset>) {
        self.code_counts = count_codes(&dataset);
        self.totals = stats::disposition_totals(dataset.contacts());
        self.marks = Marks::new(dataset.len());
        self.domain_notes = advice::domain_notes(&dataset);
        self.dataset = dataset;
        self.loading = None;
        self.refilter();
    }

    /// Which keys apply now.
    pub fn context(&self) -> Context {
        if self.prompt.is_some() {
            Context::Prompt
        } else if self.overlay.is_some() {
            Context::Overlay
        } else if self.focus == Pane::Contacts && self.search.typing
            || self.focus == Pane::Codes && self.codes.query.typing
        {
            Context::Typing(self.focus)
        } else {
            Context::Pane(self.focus)
        }
    }

    /// Where everything is on screen at the current size.
    pub fn areas(&self) -> Areas {
        layout::areas(self.size.0, self.size.1, self.focus)
    }

    /// The search the runtime should start, if the query changed since the last call.
    pub fn take_search_request(&mut self) -> Option<SearchRequest> {
        self.pending.take()
    }

    /// The contact under the cursor in the contact list, if any.
    pub fn selected_contact(&self) -> Option<usize> {
        let index = *self.visible.get(self.contacts.selected)?;
        Some(index as usize)
    }

    /// The selected code entry.
    pub fn selected_code(&self) -> Option<&Entry> {
        self.codes
            .shown
            .get(self.codes.cursor.selected)
            .map(|&i| &self.codes.entries[i])
    }

    /// The side effects asked for since the last call, for the runtime to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if matches!(action, Action::Command(_) | Action::Type(_)) {
            self.notice = None;
        }
        if self.prompt.is_some() {
            match action {
                Action::Command(command) => return self.prompt_command(command),
                Action::Type(c) => return self.prompt_type(c),
                _ => {}
            }
        }
        match action {
            Action::Command(command) => self.command(command),
            Action::Type(c) => self.type_char(c),
            Action::Exported(result) => self.exported(result),
            Action::Notice(text) => self.notice = Some(text),
            Action::Resize(width, height) => {
                self.size = (width, height);
                self.refollow();
            }
            Action::Click(column, row) => self.click(column, row),
            Action::Scroll(column, row, delta) => self.scroll(column, row, delta),
            Action::SearchDone(generation, ranked, complete) => {
                self.search_done(generation, ranked, complete)
            }
        }
    }

    fn command(&mut self, command: Command) {
        if let Some((overlay, scroll)) = self.overlay {
            self.overlay_command(overlay, scroll, command);
            return;
        }
        if matches!(self.context(), Context::Typing(_)) && self.typing_command(command) {
            return;
        }
        match command {
            Command::Quit => self.quit = true,
            Command::Help => self.overlay = Some((Overlay::Help, 0)),
            Command::Warnings => self.overlay = Some((Overlay::Warnings, 0)),
            Command::Back => self.back(),
            Command::NextPane => self.focus = cycle(self.focus, 1),
            Command::PrevPane => self.focus = cycle(self.focus, -1),
            Command::Focus(pane) => self.focus = pane,
            Command::Down => self.move_selection(1),
            Command::Up => self.move_selection(-1),
            Command::HalfPageDown => self.move_selection(self.page() as isize / 2),
            Command::HalfPageUp => self.move_selection(-(self.page() as isize / 2)),
            Command::PageDown => self.move_selection(self.page() as isize),
            Command::PageUp => self.move_selection(-(self.page() as isize)),
            Command::Top => self.move_selection(isize::MIN / 2),
            Command::Bottom => self.move_selection(isize::MAX / 2),
            Command::Open => self.open(),
            Command::Search => self.start_typing(),
            Command::NextGrouping => self.set_grouping(1),
            Command::PrevGrouping => self.set_grouping(-1),
            Command::CycleSort => {
                self.sort.0 = self.sort.0.next();
                self.resort();
            }
            Command::ReverseSort => {
                self.sort.1 = !self.sort.1;
                self.resort();
            }
            Command::ClearFilters => {
                self.groups.clear();
                self.search = QueryState::default();
                self.refilter();
            }
            Command::Mark => self.toggle_mark(),
            Command::MarkAll => self.mark_all(),
            Command::ClearMarks => self.clear_marks(),
            Command::Export => self.ask_export_path(),
            Command::Copy => self.copy_selected(),
            Command::DeleteChar | Command::ClearQuery | Command::Accept => {}
        }
    }

    fn overlay_command(&mut self, overlay: Overlay, scroll: u16, command: Command) {
        let page = self.size.1.saturating_sub(6).max(1);
        let last = self.overlay_max_scroll(overlay);
        let scroll = match command {
            Command::Quit => {
                self.quit = true;
                return;
            }
            Command::Copy => {
                self.copy_overlay(overlay);
                return;
            }
            Command::Back => {
                self.overlay = None;
                return;
            }
            Command::Help => {
                self.overlay = (overlay != Overlay::Help).then_some((Overlay::Help, 0));
                return;
            }
            Command::Down => scroll.saturating_add(1),
            Command::Up => scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => scroll.saturating_add(page),
            Command::PageUp | Command::HalfPageUp => scroll.saturating_sub(page),
            Command::Top => 0,
            Command::Bottom => last,
            _ => scroll,
        };
        self.overlay = Some((overlay, scroll.min(last)));
    }

    /// The text of an overlay, to know how far it can scroll.
    fn overlay_lines(&self, overlay: Overlay) -> Vec<Line<'static>> {
        match overlay {
            Overlay::Help => help::help_lines(self.theme),
            Overlay::Warnings => help::warning_lines(self),
            Overlay::Detail(index) => detail::lines(self, index),
        }
    }

    /// How far an overlay scrolls before its last line reaches the bottom of its window, with
    /// long lines counted as the rows they wrap to.
    fn overlay_max_scroll(&self, overlay: Overlay) -> u16 {
        let full = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let area = layout::overlay_area(full, overlay);
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        let height = usize::from(area.height.saturating_sub(2));
        let rows: usize = self
            .overlay_lines(overlay)
            .iter()
            .map(|line| line.width().max(1).div_ceil(width))
            .sum();
        u16::try_from(rows.saturating_sub(height)).unwrap_or(u16::MAX)
    }

    /// Esc: clear the search if there is one, else drop the last drill-down.
    fn back(&mut self) {
        if self.focus == Pane::Codes && !self.codes.query.text.is_empty() {
            self.codes.query = QueryState::default();
            self.refilter_codes();
        } else if !self.search.text.is_empty() {
            self.search = QueryState::default();
            self.refilter();
        } else if self.groups.pop().is_some() {
            self.refilter();
        }
    }

    fn start_typing(&mut self) {
        match self.focus {
            Pane::Codes => self.codes.query.typing = true,
            Pane::Breakdown | Pane::Contacts => {
                self.focus = Pane::Contacts;
                self.search.typing = true;
            }
        }
    }

    fn type_char(&mut self, c: char) {
        self.edit_query(|text| text.push(c));
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        match self.focus {
            Pane::Codes => {
                edit(&mut self.codes.query.text);
                self.refilter_codes();
            }
            _ => {
                edit(&mut self.search.text);
                self.request_search();
            }
        }
    }

    /// Commands that only mean something while typing; returns whether `command` was one. They
    /// are routed before pane handling because Esc means "clear the query" here.
    fn typing_command(&mut self, command: Command) -> bool {
        match command {
            Command::DeleteChar => self.edit_query(|text| {
                text.pop();
            }),
            Command::ClearQuery => self.edit_query(String::clear),
            Command::Accept => self.stop_typing(),
            Command::Back => {
                self.edit_query(String::clear);
                self.stop_typing();
            }
            _ => return false,
        }
        true
    }

    fn stop_typing(&mut self) {
        self.search.typing = false;
        self.codes.query.typing = false;
    }

    fn page(&self) -> usize {
        self.areas().rows_visible(self.focus).max(1)
    }

    fn move_selection(&mut self, delta: isize) {
        let height = self.page();
        match self.focus {
            Pane::Breakdown => {
                let len = self.breakdown.bins.len();
                self.breakdown_cursor.move_by(delta, len, height);
            }
            Pane::Contacts => {
                let len = self.visible.len();
                self.contacts.move_by(delta, len, height);
            }
            Pane::Codes => {
                let len = self.codes.shown.len();
                self.codes.cursor.move_by(delta, len, height);
            }
        }
    }

    /// Keeps every list's selection on screen after a resize.
    fn refollow(&mut self) {
        let areas = self.areas();
        let fit = |cursor: &mut Cursor, len: usize, pane: Pane| {
            cursor.follow(len, areas.rows_visible(pane).max(1));
        };
        fit(
            &mut self.breakdown_cursor,
            self.breakdown.bins.len(),
            Pane::Breakdown,
        );
        fit(&mut self.contacts, self.visible.len(), Pane::Contacts);
        fit(&mut self.codes.cursor, self.codes.shown.len(), Pane::Codes);
    }

    fn open(&mut self) {
        match self.focus {
            Pane::Breakdown => self.drill_down(),
            Pane::Contacts => {
                if let Some(index) = self.selected_contact() {
                    self.overlay = Some((Overlay::Detail(index), 0));
                }
            }
            Pane::Codes => self.show_code_contacts(),
        }
    }

    fn drill_down(&mut self) {
        let Some(bin) = self.breakdown.bins.get(self.breakdown_cursor.selected) else {
            return;
        };
        let filter = (self.group_by, bin.value.clone());
        if !self.groups.contains(&filter) {
            self.groups.push(filter);
        }
        self.focus = Pane::Contacts;
        self.refilter();
    }

    fn show_code_contacts(&mut self) {
        let Some(entry) = self.selected_code() else {
            return;
        };
        let by = match entry {
            Entry::Reply(_) => GroupBy::Code,
            Entry::Enhanced(_) => GroupBy::Enhanced,
        };
        let filter = (by, entry.code());
        self.groups.retain(|(g, _)| *g != by);
        self.groups.push(filter);
        self.focus = Pane::Contacts;
        self.refilter();
    }

    fn set_grouping(&mut self, step: isize) {
        let all = GroupBy::ALL;
        let at = all.iter().position(|g| *g == self.group_by).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(all.len() as isize) as usize;
        self.group_by = all[next];
        self.breakdown_cursor = Cursor::default();
        self.regroup();
    }

    /// Recomputes the base set from the group filters, then searches it again.
    fn refilter(&mut self) {
        self.base = if self.groups.is_empty() {
            Candidates::All(self.dataset.len())
        } else {
            Candidates::Listed(Arc::new(stats::select(&self.dataset, &self.groups)))
        };
        self.narrowing = None;
        self.request_search();
    }

    /// Asks for the search to run again. An empty query needs no worker: the base set is the
    /// answer at once.
    fn request_search(&mut self) {
        self.generation += 1;
        let query = Query::parse(&self.search.text);
        if query.is_empty() {
            self.pending = None;
            self.searching = false;
            let all = self.base.to_vec();
            self.apply_matches(all);
            return;
        }
        self.searching = true;
        let candidates = match &self.narrowing {
            Some((previous, matched)) if previous.narrows_to(&query) => {
                Candidates::Listed(Arc::clone(matched))
            }
            _ => self.base.clone(),
        };
        self.pending = Some(SearchRequest {
            generation: self.generation,
            query,
            candidates,
        });
    }

    /// Shows results of the newest search; a complete ranking also becomes the starting point
    /// for a query that extends this one.
    fn search_done(&mut self, generation: u64, ranked: Vec<u32>, complete: bool) {
        if generation != self.generation {
            return;
        }
        self.searching = !complete;
        if complete {
            let mut matched = ranked.clone();
            matched.sort_unstable();
            self.narrowing = Some((Query::parse(&self.search.text), Arc::new(matched)));
        }
        self.apply_matches(ranked);
    }

    /// A new set of matches starts at its first (best) row.
    fn apply_matches(&mut self, matched: Vec<u32>) {
        self.ranked = None;
        self.visible = matched;
        self.contacts = Cursor::default();
        self.resort();
        self.regroup();
    }

    /// Puts the list in the chosen order. The rank order is kept aside only while another
    /// order is shown, so the common case holds one list, not two.
    fn resort(&mut self) {
        if let Some(ranked) = self.ranked.take() {
            self.visible = ranked;
        }
        let (column, descending) = self.sort;
        if column != SortColumn::Natural || descending {
            self.ranked = Some(self.visible.clone());
            sort_rows(&self.dataset, &mut self.visible, column);
            if descending {
                self.visible.reverse();
            }
        }
        let height = self.areas().rows_visible(Pane::Contacts).max(1);
        let len = self.visible.len();
        self.contacts.set(self.contacts.selected, len, height);
    }

    fn regroup(&mut self) {
        self.breakdown = stats::breakdown(
            &self.dataset,
            self.visible.iter().map(|&i| i as usize),
            self.group_by,
        );
        let height = self.areas().rows_visible(Pane::Breakdown).max(1);
        let len = self.breakdown.bins.len();
        self.breakdown_cursor
            .set(self.breakdown_cursor.selected, len, height);
    }

    fn refilter_codes(&mut self) {
        let query = self.codes.query.text.trim().to_lowercase();
        self.codes.shown = self
            .codes
            .entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| catalog::entry_matches(entry, &query))
            .map(|(i, _)| i)
            .collect();
        let height = self.areas().rows_visible(Pane::Codes).max(1);
        let len = self.codes.shown.len();
        self.codes.cursor.set(0, len, height);
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let Some((pane, line)) = areas.hit(column, row) else {
            return;
        };
        self.focus = pane;
        self.stop_typing();
        if let Some(line) = line {
            let offset = match pane {
                Pane::Breakdown => self.breakdown_cursor.offset,
                Pane::Contacts => self.contacts.offset,
                Pane::Codes => self.codes.cursor.offset,
            };
            let target = offset + line;
            let current = match pane {
                Pane::Breakdown => self.breakdown_cursor.selected,
                Pane::Contacts => self.contacts.selected,
                Pane::Codes => self.codes.cursor.selected,
            };
            self.move_selection(target as isize - current as isize);
        }
    }

    fn scroll(&mut self, column: u16, row: u16, delta: i32) {
        if let Some((overlay, scroll)) = self.overlay {
            let scroll = if delta > 0 {
                scroll.saturating_add(delta as u16)
            } else {
                scroll.saturating_sub(delta.unsigned_abs() as u16)
            };
            self.overlay = Some((overlay, scroll.min(self.overlay_max_scroll(overlay))));
            return;
        }
        if let Some((pane, _)) = self.areas().hit(column, row) {
            self.focus = pane;
            self.move_selection(delta as isize);
        }
    }
}

fn cycle(pane: Pane, step: isize) -> Pane {
    let at = Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0) as isize;
    Pane::ALL[(at + step).rem_euclid(Pane::ALL.len() as isize) as usize]
}

/// Sorts rows by a column; ties keep file order for text columns and the current order for the
/// others. Text columns sort without building a string per row: a million-row sort by email
/// would otherwise hold a million lower-cased copies (about 65 MB) and take over a second.
fn sort_rows(dataset: &Dataset, rows: &mut [u32], column: SortColumn) {
    let contact = |i: u32| dataset.contact(i as usize);
    match column {
        SortColumn::Natural => {}
        SortColumn::Email => sort_by_text(rows, |i| folded(contact(i).email(), "")),
        SortColumn::Name => sort_by_text(rows, |i| {
            let (first, last) = contact(i).name_parts();
            folded(first, last)
        }),
        SortColumn::Code => rows.sort_by_cached_key(|&i| contact(i).main_code()),
        SortColumn::Disposition => rows.sort_by_key(|&i| contact(i).disposition()),
        SortColumn::Reason => rows.sort_by_key(|&i| contact(i).reason()),
        SortColumn::Date => rows.sort_by_key(|&i| contact(i).date()),
    }
}

/// Orders contacts by their text ignoring case: first by the first eight bytes of the
/// lower-cased text (one integer per contact), and only contacts sharing those compare their
/// whole texts; ties keep file order.
fn sort_by_text<I: Iterator<Item = char>>(rows: &mut [u32], text: impl Fn(u32) -> I) {
    let mut keyed: Vec<(u64, u32)> = rows.iter().map(|&i| (prefix_key(text(i)), i)).collect();
    keyed.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| text(a.1).cmp(text(b.1)))
            .then(a.1.cmp(&b.1))
    });
    for (slot, (_, row)) in rows.iter_mut().zip(keyed) {
        *slot = row;
    }
}

/// The lower-cased characters of a text shown as `first`, or `first last` when both are
/// present, as the sort compares them.
fn folded<'t>(first: &'t str, last: &'t str) -> impl Iterator<Item = char> + 't {
    let space = (!first.is_empty() && !last.is_empty()).then_some(' ');
    first
        .chars()
        .chain(space)
        .chain(last.chars())
        .flat_map(char::to_lowercase)
}

/// The first eight bytes of the text in UTF-8, as a big-endian integer: the integers compare as
/// the texts' beginnings do.
fn prefix_key(text: impl Iterator<Item = char>) -> u64 {
    let mut bytes = [0u8; 8];
    let mut filled = 0;
    for c in text {
        let mut buffer = [0u8; 4];
        for &byte in c.encode_utf8(&mut buffer).as_bytes() {
            if filled == bytes.len() {
                return u64::from_be_bytes(bytes);
            }
            bytes[filled] = byte;
            filled += 1;
        }
    }
    u64::from_be_bytes(bytes)
}

/// Contacts per main reply and status code, for the code reference. Counted through the
/// breakdown's buckets, so a million contacts cost milliseconds on the UI thread, not a string
/// per code per contact.
fn count_codes(dataset: &Dataset) -> HashMap<String, usize> {
    [GroupBy::Code, GroupBy::Enhanced]
        .into_iter()
        .flat_map(|by| stats::breakdown(dataset, 0..dataset.len(), by).bins)
        .filter(|bin| bin.value.starts_with(|c: char| c.is_ascii_digit()))
        .map(|bin| (bin.value, bin.count))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(texts: &[&str]) -> Vec<String> {
        let mut rows: Vec<u32> = (0..texts.len() as u32).rev().collect();
        sort_by_text(&mut rows, |i| folded(texts[i as usize], ""));
        rows.iter()
            .map(|&i| texts[i as usize].to_string())
            .collect()
    }

    #[test]
    fn text_sort_ignores_case_and_orders_past_the_prefix() {
        let texts = [
            "jsmith99@gmail.com",
            "JSMITH10@gmail.com",
            "jsmith1@gmail.com",
            "Zoë@example.de",
            "zoe@example.de",
            "Ábel@example.hu",
            "abel@example.hu",
        ];
        let mut expected: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        expected.sort_by_key(|t| t.to_lowercase());
        assert_eq!(sorted(&texts), expected);
    }

    #[test]
    fn equal_texts_keep_file_order() {
        let texts = ["b@x.io", "A@x.io", "a@x.io", "a@X.IO"];
        let mut rows = vec![3, 2, 1, 0];
        sort_by_text(&mut rows, |i| folded(texts[i as usize], ""));
        assert_eq!(rows, vec![1, 2, 3, 0]);
    }

    #[test]
    fn names_sort_as_displayed() {
        let names = [
            ("John", "Smith"),
            ("john", ""),
            ("", "Adams"),
            ("John", "Adams"),
        ];
        let mut rows = vec![0, 1, 2, 3];
        sort_by_text(&mut rows, |i| {
            folded(names[i as usize].0, names[i as usize].1)
        });
        assert_eq!(rows, vec![2, 1, 3, 0]);
    }
}
