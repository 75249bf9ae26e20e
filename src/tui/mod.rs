//! The interactive dashboard. This module owns the terminal and the threads; everything it
//! shows comes from [`app::App`] (state) and [`ui::draw`] (rendering), which know nothing of
//! terminals and are tested without one.

pub mod app;
mod breakdown;
mod codes;
mod contacts;
pub mod detail;
pub mod help;
pub mod keys;
pub mod layout;
pub mod marks;
pub mod prompt;
mod status;
pub mod theme;
pub mod ui;
mod widgets;
mod worker;

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::style::Print;

use crate::export::{self, SaveError};
use crate::ingest::{self, Input, LoadError, LoadOptions, LoadProgress};
use crate::model::Dataset;

use app::{Action, App, Effect, ExportFailure, action_for_key, action_for_mouse};
use theme::Theme;
use worker::SearchWorker;

/// Why the dashboard could not run.
#[derive(Debug)]
pub enum TuiError {
    /// Standard input or output is not a terminal (piped or redirected).
    NotATerminal,
    /// The terminal could not be set up or written to.
    Terminal(io::Error),
    /// An input could not be loaded.
    Load(LoadError),
}

impl std::fmt::Display for TuiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TuiError::NotATerminal => f.write_str(
                "the dashboard needs a terminal; for scripts and pipes use 'bouncelens summary' or 'bouncelens list'",
            ),
            TuiError::Terminal(error) => write!(f, "terminal error: {error}"),
            TuiError::Load(error) => write!(f, "{error}"),
        }
    }
}

/// Whether the dashboard can run here. Output must be a terminal; keys come from standard
/// input when it is one, or else from the controlling terminal, so `cat export.csv |
/// bouncelens -` still opens the dashboard.
pub fn check_terminal() -> Result<(), TuiError> {
    let keyboard = io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok();
    if io::stdout().is_terminal() && keyboard {
        Ok(())
    } else {
        Err(TuiError::NotATerminal)
    }
}

/// Messages to the UI thread.
enum Message {
    Loaded(Result<Dataset, LoadError>),
    Input(Event),
    Searched(u64, Vec<u32>, bool),
    Exported(Result<(usize, String), ExportFailure>),
}

/// Restores the terminal when dropped, whatever way the dashboard ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Runs the dashboard until the user quits or a signal asks it to stop. The inputs load in
/// the background: the first frame is drawn at once, with a progress gauge, and the code
/// reference works while the contacts arrive.
pub fn run(inputs: Vec<Input>, options: LoadOptions) -> Result<(), TuiError> {
    check_terminal()?;
    install_panic_message();
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(TuiError::Terminal)?;
    }
    let mut terminal = ratatui::try_init().map_err(TuiError::Terminal)?;
    let _restore = Restore;
    execute!(io::stdout(), EnableMouseCapture).map_err(TuiError::Terminal)?;
    let size = terminal.size().map_err(TuiError::Terminal)?;
    let progress = Arc::new(LoadProgress::default());
    let mut app = App::new(Arc::new(Dataset::default()), size.width, size.height);
    app.theme = Theme::from_env();
    app.loading = Some(Arc::clone(&progress));
    let (sender, inbox) = channel();
    let input_paths: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|input| match input {
            Input::Path(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    spawn_input(sender.clone(), Arc::clone(&stop));
    spawn_loader(inputs, options, progress, sender.clone());
    let mut worker: Option<SearchWorker> = None;
    let test_panic = std::env::var_os("BOUNCELENS_TEST_PANIC").is_some();
    loop {
        terminal
            .draw(|frame| ui::draw(frame, &app))
            .map_err(TuiError::Terminal)?;
        if test_panic {
            panic!("test panic requested by BOUNCELENS_TEST_PANIC");
        }
        if app.quit || stop.load(Ordering::SeqCst) {
            break;
        }
        let wait = if app.loading.is_some() { 50 } else { 200 };
        let message = match inbox.recv_timeout(Duration::from_millis(wait)) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        for message in std::iter::once(message).chain(inbox.try_iter()) {
            match message {
                Message::Loaded(Ok(dataset)) => {
                    let dataset = Arc::new(dataset);
                    worker = Some(spawn_worker(&dataset, &sender));
                    app.finish_loading(dataset);
                }
                Message::Loaded(Err(error)) => return Err(TuiError::Load(error)),
                other => handle(&mut app, other),
            }
            if let (Some(worker), Some(request)) = (&worker, app.take_search_request()) {
                worker.submit(request);
            }
            for effect in app.take_effects() {
                carry_out(effect, &mut app, &input_paths, &sender);
            }
        }
    }
    stop.store(true, Ordering::SeqCst);
    Ok(())
}

/// Loads on its own thread and reports the result as a message.
fn spawn_loader(
    inputs: Vec<Input>,
    mut options: LoadOptions,
    progress: Arc<LoadProgress>,
    sender: Sender<Message>,
) {
    options.progress = Some(progress);
    thread::Builder::new()
        .name("load".into())
        .spawn(move || {
            let _ = sender.send(Message::Loaded(ingest::load(&inputs, &options)));
        })
        .expect("the load thread starts");
}

fn spawn_worker(dataset: &Arc<Dataset>, sender: &Sender<Message>) -> SearchWorker {
    let results = sender.clone();
    SearchWorker::spawn(Arc::clone(dataset), move |generation, ranked, complete| {
        results
            .send(Message::Searched(generation, ranked, complete))
            .is_ok()
    })
}

/// Does what the state asked for: an export on its own thread (a million rows take a few
/// seconds, and typing must not wait), a copy to the clipboard at once.
fn carry_out(effect: Effect, app: &mut App, inputs: &[PathBuf], sender: &Sender<Message>) {
    match effect {
        Effect::Export {
            path,
            rows,
            replace,
        } => {
            let dataset = Arc::clone(&app.dataset);
            let inputs = inputs.to_vec();
            let sender = sender.clone();
            let path = expand_home(&path, std::env::var_os("HOME"));
            let spawned = thread::Builder::new().name("export".into()).spawn(move || {
                let result = export::save(&dataset, &rows, Path::new(&path), &inputs, replace)
                    .map(|count| (count, path))
                    .map_err(|error| match error {
                        SaveError::Exists(existing) => {
                            ExportFailure::Exists(existing.display().to_string())
                        }
                        other => ExportFailure::Failed(other.to_string()),
                    });
                let _ = sender.send(Message::Exported(result));
            });
            if let Err(error) = spawned {
                app.update(Action::Exported(Err(ExportFailure::Failed(
                    error.to_string(),
                ))));
            }
        }
        Effect::Copy(text) => {
            let result = execute!(io::stdout(), Print(osc52(&text)));
            app.update(match result {
                Ok(()) => app::copied(&text),
                Err(error) => Action::Notice(format!("Could not copy: {error}")),
            });
        }
    }
}

/// `~/exports/x.csv` as a shell would read it, since the prompt is where people type paths.
fn expand_home(path: &str, home: Option<std::ffi::OsString>) -> String {
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest).display().to_string(),
        _ => path.to_string(),
    }
}

/// The escape sequence that asks the terminal to put `text` on the clipboard. Terminals and
/// multiplexers pass it back to the machine the user sits at, so it works over SSH.
fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), all OSC 52 needs.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let word = group.iter().enumerate().fold(0u32, |word, (at, &byte)| {
            word | u32::from(byte) << (16 - 8 * at)
        });
        for at in 0..4 {
            if at <= group.len() {
                out.push(char::from(ALPHABET[(word >> (18 - 6 * at)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn handle(app: &mut App, message: Message) {
    let action = match message {
        Message::Searched(generation, ranked, complete) => {
            Some(Action::SearchDone(generation, ranked, complete))
        }
        Message::Exported(result) => Some(Action::Exported(result)),
        Message::Input(Event::Key(key)) => action_for_key(key, app.context()),
        Message::Input(Event::Mouse(mouse)) => action_for_mouse(mouse),
        Message::Input(Event::Resize(width, height)) => Some(Action::Resize(width, height)),
        Message::Input(_) | Message::Loaded(_) => None,
    };
    if let Some(action) = action {
        app.update(action);
    }
}

/// Reads terminal events on their own thread so the UI thread can also hear from the search
/// worker; polls so it notices when the dashboard stops.
fn spawn_input(sender: Sender<Message>, stop: Arc<AtomicBool>) {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                match event::poll(Duration::from_millis(100)) {
                    Ok(true) => match event::read() {
                        Ok(event) => {
                            if sender.send(Message::Input(event)).is_err() {
                                return;
                            }
                        }
                        Err(_) => return,
                    },
                    Ok(false) => {}
                    Err(_) => return,
                }
            }
        })
        .expect("the input thread starts");
}

/// A panic prints one short line after the terminal is restored (ratatui's hook restores it
/// first, then calls this one), never a raw backtrace over the dashboard.
fn install_panic_message() {
    crate::install_panic_message(|| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_is_expanded_only_at_the_start() {
        let home = Some(std::ffi::OsString::from("/home/ana"));
        assert_eq!(expand_home("~/out.csv", home.clone()), "/home/ana/out.csv");
        assert_eq!(expand_home("a/~/out.csv", home.clone()), "a/~/out.csv");
        assert_eq!(expand_home("~out.csv", home), "~out.csv");
        assert_eq!(expand_home("~/out.csv", None), "~/out.csv");
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
        assert_eq!(osc52("ü@x.de"), "\x1b]52;c;w7xAeC5kZQ==\x07");
    }
}
