//! The key table: the single place that says which key does what, where. Dispatch, the help
//! overlay and the hint bar are all generated from it, so they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{Context, Pane};

/// Everything a key can ask for. Pure data: [`super::app::App::update`] gives it meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Leave the program.
    Quit,
    /// Show or hide the key help.
    Help,
    /// Show or hide the load warnings.
    Warnings,
    /// Close the overlay, clear the search or drop the last filter, whichever is open.
    Back,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus a pane directly.
    Focus(Pane),
    /// One row down.
    Down,
    /// One row up.
    Up,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Open what is selected: drill into a group, a contact's detail, a code's contacts.
    Open,
    /// Start typing a search in the focused pane.
    Search,
    /// Next grouping of the breakdown.
    NextGrouping,
    /// Previous grouping of the breakdown.
    PrevGrouping,
    /// Next sort column of the contact list.
    CycleSort,
    /// Reverse the sort.
    ReverseSort,
    /// Remove every filter and the search.
    ClearFilters,
    /// While typing: delete the last character.
    DeleteChar,
    /// While typing: delete the whole query.
    ClearQuery,
    /// While typing: keep the query and return to the list.
    Accept,
    /// Mark or unmark the selected contact.
    Mark,
    /// Mark every contact the list shows.
    MarkAll,
    /// Unmark everything.
    ClearMarks,
    /// Export the marked contacts, or the list as shown.
    Export,
    /// Copy the selected address (or the detail text) to the clipboard.
    Copy,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere except while typing.
    Global,
    /// Only when this pane has focus (not typing, no overlay).
    In(Pane),
    /// While typing a query.
    Typing,
    /// While an overlay (help, detail, warnings) is open.
    Overlay,
    /// While the prompt reads a line.
    Prompt,
}

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys, first one shown in the hint bar.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in help, e.g. `j/↓`.
    pub label: &'static str,
    /// Where it applies.
    pub scope: Scope,
    /// What it does.
    pub command: Command,
    /// What it does, in words.
    pub help: &'static str,
    /// The hint bar's short word for it, when the hint bar shows it.
    pub hint: Option<&'static str>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

macro_rules! bind {
    ($label:expr, $scope:expr, $command:expr, $help:expr, $hint:expr, [$($key:expr),+ $(,)?]) => {
        Binding {
            keys: &[$($key),+],
            label: $label,
            scope: $scope,
            command: $command,
            help: $help,
            hint: $hint,
        }
    };
}

use Command as C;
use KeyCode as K;
use Scope as S;

/// Every binding, in the order help lists them.
pub static BINDINGS: &[Binding] = &[
    bind!(
        "Enter",
        S::In(Pane::Breakdown),
        C::Open,
        "show the contacts in this group",
        Some("drill down"),
        [(K::Enter, NONE)]
    ),
    bind!(
        "l/→",
        S::In(Pane::Breakdown),
        C::NextGrouping,
        "next grouping (disposition, action, reason, code, enhanced, domain, month)",
        Some("grouping"),
        [(K::Char('l'), NONE), (K::Right, NONE)]
    ),
    bind!(
        "h/←",
        S::In(Pane::Breakdown),
        C::PrevGrouping,
        "previous grouping",
        None,
        [(K::Char('h'), NONE), (K::Left, NONE)]
    ),
    bind!(
        "Enter",
        S::In(Pane::Contacts),
        C::Open,
        "open the contact's detail",
        Some("detail"),
        [(K::Enter, NONE)]
    ),
    bind!(
        "s",
        S::In(Pane::Contacts),
        C::CycleSort,
        "sort by the next column",
        Some("sort"),
        [(K::Char('s'), NONE)]
    ),
    bind!(
        "S",
        S::In(Pane::Contacts),
        C::ReverseSort,
        "reverse the sort",
        None,
        [(K::Char('S'), NONE)]
    ),
    bind!(
        "Space",
        S::In(Pane::Contacts),
        C::Mark,
        "mark or unmark the contact (then moves down)",
        Some("mark"),
        [(K::Char(' '), NONE)]
    ),
    bind!(
        "Enter",
        S::In(Pane::Codes),
        C::Open,
        "show the contacts carrying this code",
        Some("contacts"),
        [(K::Enter, NONE)]
    ),
    bind!(
        "/",
        S::Global,
        C::Search,
        "search (contacts: fuzzy, 'exact, !exclude; codes: 5.1 or words)",
        Some("search"),
        [(K::Char('/'), NONE)]
    ),
    bind!(
        "Esc",
        S::Global,
        C::Back,
        "clear the search, then drop the last filter",
        Some("back"),
        [(K::Esc, NONE)]
    ),
    bind!(
        "x",
        S::Global,
        C::ClearFilters,
        "remove every filter and the search",
        None,
        [(K::Char('x'), NONE)]
    ),
    bind!(
        "a",
        S::Global,
        C::MarkAll,
        "mark every contact the list shows",
        None,
        [(K::Char('a'), NONE)]
    ),
    bind!(
        "u",
        S::Global,
        C::ClearMarks,
        "unmark every contact",
        None,
        [(K::Char('u'), NONE)]
    ),
    bind!(
        "e",
        S::Global,
        C::Export,
        "export the marked contacts (or the list as shown) to CSV",
        Some("export"),
        [(K::Char('e'), NONE)]
    ),
    bind!(
        "y",
        S::Global,
        C::Copy,
        "copy the selected address to the clipboard (OSC 52, works over SSH)",
        None,
        [(K::Char('y'), NONE)]
    ),
    bind!(
        "Tab",
        S::Global,
        C::NextPane,
        "next pane",
        Some("pane"),
        [(K::Tab, NONE)]
    ),
    bind!(
        "Shift-Tab",
        S::Global,
        C::PrevPane,
        "previous pane",
        None,
        [(K::BackTab, NONE)]
    ),
    bind!(
        "1",
        S::Global,
        C::Focus(Pane::Breakdown),
        "breakdown pane",
        None,
        [(K::Char('1'), NONE)]
    ),
    bind!(
        "2",
        S::Global,
        C::Focus(Pane::Contacts),
        "contacts pane",
        None,
        [(K::Char('2'), NONE)]
    ),
    bind!(
        "3",
        S::Global,
        C::Focus(Pane::Codes),
        "code reference pane",
        None,
        [(K::Char('3'), NONE)]
    ),
    bind!(
        "j/↓",
        S::Global,
        C::Down,
        "down",
        None,
        [(K::Char('j'), NONE), (K::Down, NONE)]
    ),
    bind!(
        "k/↑",
        S::Global,
        C::Up,
        "up",
        None,
        [(K::Char('k'), NONE), (K::Up, NONE)]
    ),
    bind!(
        "Ctrl-d",
        S::Global,
        C::HalfPageDown,
        "half a page down",
        None,
        [(K::Char('d'), CTRL)]
    ),
    bind!(
        "Ctrl-u",
        S::Global,
        C::HalfPageUp,
        "half a page up",
        None,
        [(K::Char('u'), CTRL)]
    ),
    bind!(
        "PgDn",
        S::Global,
        C::PageDown,
        "a page down",
        None,
        [(K::PageDown, NONE)]
    ),
    bind!(
        "PgUp",
        S::Global,
        C::PageUp,
        "a page up",
        None,
        [(K::PageUp, NONE)]
    ),
    bind!(
        "g/Home",
        S::Global,
        C::Top,
        "first row",
        None,
        [(K::Char('g'), NONE), (K::Home, NONE)]
    ),
    bind!(
        "G/End",
        S::Global,
        C::Bottom,
        "last row",
        None,
        [(K::Char('G'), NONE), (K::End, NONE)]
    ),
    bind!(
        "w",
        S::Global,
        C::Warnings,
        "show the load warnings",
        None,
        [(K::Char('w'), NONE)]
    ),
    bind!(
        "?",
        S::Global,
        C::Help,
        "this help",
        Some("help"),
        [(K::Char('?'), NONE)]
    ),
    bind!(
        "q",
        S::Global,
        C::Quit,
        "quit",
        Some("quit"),
        [(K::Char('q'), NONE)]
    ),
    bind!(
        "Ctrl-c",
        S::Global,
        C::Quit,
        "quit",
        None,
        [(K::Char('c'), CTRL)]
    ),
    bind!(
        "Enter",
        S::Typing,
        C::Accept,
        "keep the query and return to the list",
        Some("keep"),
        [(K::Enter, NONE)]
    ),
    bind!(
        "Esc",
        S::Typing,
        C::Back,
        "clear the query and return",
        Some("clear"),
        [(K::Esc, NONE)]
    ),
    bind!(
        "Backspace",
        S::Typing,
        C::DeleteChar,
        "delete a character",
        None,
        [(K::Backspace, NONE)]
    ),
    bind!(
        "Ctrl-u",
        S::Typing,
        C::ClearQuery,
        "delete the whole query",
        None,
        [(K::Char('u'), CTRL)]
    ),
    bind!(
        "↓/Ctrl-j",
        S::Typing,
        C::Down,
        "move the selection down",
        Some("move"),
        [(K::Down, NONE), (K::Char('j'), CTRL), (K::Char('n'), CTRL)]
    ),
    bind!(
        "↑/Ctrl-k",
        S::Typing,
        C::Up,
        "move the selection up",
        None,
        [(K::Up, NONE), (K::Char('k'), CTRL), (K::Char('p'), CTRL)]
    ),
    bind!(
        "Ctrl-c",
        S::Typing,
        C::Quit,
        "quit",
        None,
        [(K::Char('c'), CTRL)]
    ),
    bind!(
        "Esc/q",
        S::Overlay,
        C::Back,
        "close",
        Some("close"),
        [(K::Esc, NONE), (K::Char('q'), NONE), (K::Enter, NONE)]
    ),
    bind!(
        "?",
        S::Overlay,
        C::Help,
        "help",
        None,
        [(K::Char('?'), NONE)]
    ),
    bind!(
        "j/k",
        S::Overlay,
        C::Down,
        "scroll down",
        Some("scroll"),
        [(K::Char('j'), NONE), (K::Down, NONE)]
    ),
    bind!(
        "k/↑",
        S::Overlay,
        C::Up,
        "scroll up",
        None,
        [(K::Char('k'), NONE), (K::Up, NONE)]
    ),
    bind!(
        "PgDn",
        S::Overlay,
        C::PageDown,
        "scroll a page down",
        None,
        [
            (K::PageDown, NONE),
            (K::Char('d'), CTRL),
            (K::Char(' '), NONE)
        ]
    ),
    bind!(
        "PgUp",
        S::Overlay,
        C::PageUp,
        "scroll a page up",
        None,
        [(K::PageUp, NONE), (K::Char('u'), CTRL)]
    ),
    bind!(
        "g",
        S::Overlay,
        C::Top,
        "top",
        None,
        [(K::Char('g'), NONE), (K::Home, NONE)]
    ),
    bind!(
        "G",
        S::Overlay,
        C::Bottom,
        "bottom",
        None,
        [(K::Char('G'), NONE), (K::End, NONE)]
    ),
    bind!(
        "y",
        S::Overlay,
        C::Copy,
        "copy the text to the clipboard",
        Some("copy"),
        [(K::Char('y'), NONE)]
    ),
    bind!(
        "Ctrl-c",
        S::Overlay,
        C::Quit,
        "quit",
        None,
        [(K::Char('c'), CTRL)]
    ),
    bind!(
        "Enter",
        S::Prompt,
        C::Accept,
        "confirm",
        Some("confirm"),
        [(K::Enter, NONE)]
    ),
    bind!(
        "Esc",
        S::Prompt,
        C::Back,
        "cancel",
        Some("cancel"),
        [(K::Esc, NONE)]
    ),
    bind!(
        "Backspace",
        S::Prompt,
        C::DeleteChar,
        "delete a character",
        None,
        [(K::Backspace, NONE)]
    ),
    bind!(
        "Ctrl-u",
        S::Prompt,
        C::ClearQuery,
        "delete the whole line",
        None,
        [(K::Char('u'), CTRL)]
    ),
    bind!(
        "Ctrl-c",
        S::Prompt,
        C::Quit,
        "quit",
        None,
        [(K::Char('c'), CTRL)]
    ),
];

/// Whether a binding applies in `context`.
pub fn applies(scope: Scope, context: Context) -> bool {
    match (scope, context) {
        (Scope::Typing, Context::Typing(_)) => true,
        (Scope::Overlay, Context::Overlay) => true,
        (Scope::Prompt, Context::Prompt) => true,
        (Scope::Global, Context::Pane(_)) => true,
        (Scope::In(pane), Context::Pane(focused)) => pane == focused,
        _ => false,
    }
}

/// The command for a key press in `context`; pane-specific bindings win over global ones.
/// Shift is ignored because terminals disagree on reporting it with `G`, `?` or Shift-Tab.
pub fn command_for(key: KeyEvent, context: Context) -> Option<Command> {
    let pressed = (key.code, key.modifiers - KeyModifiers::SHIFT);
    let matches = |binding: &&Binding| {
        applies(binding.scope, context)
            && binding
                .keys
                .iter()
                .any(|&(code, mods)| (code, mods - KeyModifiers::SHIFT) == pressed)
    };
    let specific = BINDINGS
        .iter()
        .filter(|b| matches!(b.scope, Scope::In(_)))
        .find(matches);
    specific
        .or_else(|| BINDINGS.iter().find(matches))
        .map(|b| b.command)
}

/// The bindings shown in the hint bar for `context`, specific ones first.
pub fn hints(context: Context) -> impl Iterator<Item = &'static Binding> {
    let specific = BINDINGS.iter().filter(move |b| {
        b.hint.is_some() && matches!(b.scope, Scope::In(_)) && applies(b.scope, context)
    });
    let general = BINDINGS.iter().filter(move |b| {
        b.hint.is_some() && !matches!(b.scope, Scope::In(_)) && applies(b.scope, context)
    });
    specific.chain(general)
}
