//! bouncelens: load an email suppression export, explain every bounce, and help clean the list.
//!
//! Domain first, presentation last: [`ingest`] turns files into a [`model::Dataset`], [`codes`]
//! knows what SMTP codes mean and classifies each contact, [`typo`] spots addresses that were
//! merely mistyped, [`advice`] turns all that into a next step per contact, [`stats`],
//! [`filter`] and [`search`] answer questions about the contacts, [`export`] writes them back
//! out, and [`cli`] and [`tui`] present them. Domain modules never import the dashboard, and the
//! dashboard never parses files.

#![warn(missing_docs)]

pub mod advice;
pub mod cli;
pub mod codes;
pub mod export;
pub mod filter;
pub mod ingest;
pub mod model;
pub mod render;
pub mod search;
pub mod stats;
mod swar;
pub mod tui;
pub mod typo;

/// Makes a panic print one line ("internal error", where, and that no file was changed) in
/// place of Rust's message and backtrace: the last line of defence of the never-panic rule,
/// for the command line and the dashboard alike. `first` runs before the line is printed (the
/// dashboard turns mouse reporting off there).
pub fn install_panic_message(first: fn()) {
    std::panic::set_hook(Box::new(move |info| {
        first();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "bouncelens: internal error: {message}{place}. Your files were not changed; please report this."
        );
    }));
}
