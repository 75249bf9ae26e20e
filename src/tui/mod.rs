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
mod status;
pub mod theme;
pub mod ui;
mod widgets;
mod worker;

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;

use crate::model::Dataset;

use app::{Action, App, action_for_key, action_for_mouse};
use theme::Theme;
use worker::SearchWorker;

/// Why the dashboard could not run.
#[derive(Debug)]
pub enum TuiError {
    /// Standard input or output is not a terminal (piped or redirected).
    NotATerminal,
    /// The terminal could not be set up or written to.
    Terminal(io::Error),
}

impl std::fmt::Display for TuiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TuiError::NotATerminal => f.write_str(
                "the dashboard needs a terminal; for scripts and pipes use 'bouncelens summary' or 'bouncelens list'",
            ),
            TuiError::Terminal(error) => write!(f, "terminal error: {error}"),
        }
    }
}

/// Whether the dashboard can run here.
pub fn check_terminal() -> Result<(), TuiError> {
    if io::stdout().is_terminal() && io::stdin().is_terminal() {
        Ok(())
    } else {
        Err(TuiError::NotATerminal)
    }
}

/// Messages to the UI thread.
enum Message {
    Input(Event),
    Searched(u64, Vec<usize>, bool),
}

/// Restores the terminal when dropped, whatever way the dashboard ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Runs the dashboard until the user quits or a signal asks it to stop.
pub fn run(dataset: Dataset) -> Result<(), TuiError> {
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
    let dataset = Arc::new(dataset);
    let mut app = App::new(Arc::clone(&dataset), size.width, size.height);
    app.theme = Theme::from_env();
    let (sender, inbox) = channel();
    spawn_input(sender.clone(), Arc::clone(&stop));
    let results = sender;
    let worker = SearchWorker::spawn(dataset, move |generation, ranked, complete| {
        results
            .send(Message::Searched(generation, ranked, complete))
            .is_ok()
    });
    let test_panic = std::env::var_os("BOUNCELENS_TEST_PANIC").is_some();
    loop {
        terminal
            .draw(|frame| ui::draw(frame, &app))
            .map_err(TuiError::Terminal)?;
        if test_panic {
            panic!("test panic requested by BOUNCELENS_TEST_PANIC");
        }
        if let Some(request) = app.take_search_request() {
            worker.submit(request);
        }
        if app.quit || stop.load(Ordering::SeqCst) {
            break;
        }
        let message = match inbox.recv_timeout(Duration::from_millis(200)) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        handle(&mut app, message);
        while let Ok(message) = inbox.try_recv() {
            handle(&mut app, message);
            if let Some(request) = app.take_search_request() {
                worker.submit(request);
            }
        }
    }
    stop.store(true, Ordering::SeqCst);
    Ok(())
}

fn handle(app: &mut App, message: Message) {
    let action = match message {
        Message::Searched(generation, ranked, complete) => {
            Some(Action::SearchDone(generation, ranked, complete))
        }
        Message::Input(Event::Key(key)) => action_for_key(key, app.context()),
        Message::Input(Event::Mouse(mouse)) => action_for_mouse(mouse),
        Message::Input(Event::Resize(width, height)) => Some(Action::Resize(width, height)),
        Message::Input(_) => None,
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
    std::panic::set_hook(Box::new(|info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
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
