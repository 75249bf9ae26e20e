//! A tiny harness that runs the `bouncelens` binary in a pseudo-terminal and reads its screen
//! back through a `vt100` parser, so tests can type keys and look at what a user would see.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{
    Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system,
};

/// How often the screen is polled while waiting.
const POLL: Duration = Duration::from_millis(20);
/// How long the output must stay quiet, after the child exited, to count as complete.
const QUIET: Duration = Duration::from_millis(150);

/// Enter, as a terminal sends it.
pub const ENTER: &[u8] = b"\r";
/// Escape, alone.
pub const ESC: &[u8] = b"\x1b";
/// Tab.
pub const TAB: &[u8] = b"\t";
/// Ctrl-c.
pub const CTRL_C: &[u8] = b"\x03";

/// The binary under test.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_bouncelens")
}

/// A running dashboard in a pseudo-terminal.
pub struct Tui {
    output: Arc<Mutex<Output>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    /// Held open for as long as the test runs: when the child's exit closes the last slave,
    /// Linux hangs the terminal up and may drop output still queued (the very sequences that
    /// restore the terminal), so the end of the output is read as "exited, then quiet".
    _slave: Box<dyn SlavePty + Send>,
    child: Box<dyn Child + Send + Sync>,
    exited: Option<ExitStatus>,
}

/// What the program wrote, and the terminal state it produced.
struct Output {
    /// Every byte, as received.
    raw: Vec<u8>,
    /// Bytes received but not yet fed to the parser: the unfinished part of a frame.
    pending: Vec<u8>,
    /// The terminal emulator.
    parser: vt100::Parser,
    /// When the last bytes arrived.
    received: Instant,
    /// The screen as it was after the last complete frame. ratatui ends every frame by hiding
    /// the cursor, and the program writes a frame in several pieces, so a test looking at the
    /// parser directly could see half of one frame and half of the one before.
    frame: vt100::Screen,
}

/// How ratatui (crossterm's `Hide`) ends every frame.
const END_OF_FRAME: &[u8] = b"\x1b[?25l";

impl Output {
    fn receive(&mut self, bytes: &[u8]) {
        self.received = Instant::now();
        self.raw.extend_from_slice(bytes);
        self.pending.extend_from_slice(bytes);
        let end = self
            .pending
            .windows(END_OF_FRAME.len())
            .rposition(|window| window == END_OF_FRAME);
        if let Some(at) = end {
            let end = at + END_OF_FRAME.len();
            self.parser.process(&self.pending[..end]);
            self.pending.drain(..end);
            self.frame = self.parser.screen().clone();
        }
    }

    /// The output ended: whatever came after the last frame (the terminal being restored,
    /// messages) is final.
    fn finish(&mut self) {
        let rest = std::mem::take(&mut self.pending);
        self.parser.process(&rest);
        self.frame = self.parser.screen().clone();
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("terminal sizes are not zero")
}

impl Tui {
    /// Starts `bouncelens args…` in a `cols`×`rows` terminal.
    pub fn spawn(cols: u16, rows: u16, args: &[&str]) -> Tui {
        Tui::spawn_with_env(cols, rows, args, &[])
    }

    /// Like [`Tui::spawn`], with extra environment variables.
    pub fn spawn_with_env(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Tui {
        let mut command = CommandBuilder::new(binary());
        command.args(args);
        Tui::spawn_command(cols, rows, command, env)
    }

    /// Runs the dashboard through `sh -c` after `setup` (such as a `ulimit`), which must end
    /// by running `"$0"`, the binary.
    pub fn spawn_after(cols: u16, rows: u16, setup: &str) -> Tui {
        let mut command = CommandBuilder::new("sh");
        command.args(["-c", setup, binary()]);
        Tui::spawn_command(cols, rows, command, &[])
    }

    fn spawn_command(
        cols: u16,
        rows: u16,
        mut command: CommandBuilder,
        env: &[(&str, &str)],
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal opens");
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("BOUNCELENS_TEST_PANIC");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("bouncelens starts in the pseudo-terminal");
        let mut reader = pair.master.try_clone_reader().expect("a pty reader");
        let writer = pair.master.take_writer().expect("a pty writer");
        let parser = vt100::Parser::new(nonzero(rows), nonzero(cols), 0);
        let output = Arc::new(Mutex::new(Output {
            raw: Vec::new(),
            pending: Vec::new(),
            frame: parser.screen().clone(),
            parser,
            received: Instant::now(),
        }));
        {
            let output = Arc::clone(&output);
            thread::spawn(move || {
                let mut buffer = [0u8; 16 * 1024];
                while let Ok(n @ 1..) = reader.read(&mut buffer) {
                    lock(&output).receive(&buffer[..n]);
                }
            });
        }
        Tui {
            output,
            writer,
            master: pair.master,
            _slave: pair.slave,
            child,
            exited: None,
        }
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Sends raw bytes (a key or an escape sequence).
    pub fn key(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("writing to the pty");
        self.writer.flush().expect("flushing the pty");
    }

    /// Types text, one write for the whole string.
    pub fn type_text(&mut self, text: &str) {
        self.key(text.as_bytes());
    }

    /// Sends a lone Esc and waits until the screen differs from what it was, so the next key
    /// cannot be glued to it into an escape sequence.
    pub fn esc_then(&mut self, what: &str, until: impl Fn(&Screen) -> bool) -> Screen {
        self.key(ESC);
        self.wait_for(what, until)
    }

    /// A copy of the screen as the last complete frame left it (or, once the program has
    /// exited, as it left it).
    pub fn screen(&self) -> Screen {
        Screen::capture(&lock(&self.output).frame)
    }

    /// Everything the program wrote so far, bytes as received.
    pub fn raw(&self) -> Vec<u8> {
        lock(&self.output).raw.clone()
    }

    /// Polls the screen until `until` holds; panics with the screen after `timeout`.
    pub fn wait_for_within(
        &mut self,
        what: &str,
        timeout: Duration,
        until: impl Fn(&Screen) -> bool,
    ) -> Screen {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if until(&screen) {
                return screen;
            }
            if start.elapsed() > timeout {
                let status = match self.child.try_wait() {
                    Ok(Some(status)) => format!("exited: {status:?}"),
                    _ => "still running".to_string(),
                };
                panic!(
                    "timed out after {timeout:?} waiting for: {what} (process {status})\n\
                     ---- screen ({}x{}) ----\n{}\n------------------------",
                    screen.width,
                    screen.height(),
                    screen.text()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// [`Tui::wait_for_within`] with the default timeout (5 s).
    pub fn wait_for(&mut self, what: &str, until: impl Fn(&Screen) -> bool) -> Screen {
        self.wait_for_within(what, Duration::from_secs(5), until)
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for_text(&mut self, text: &str) -> Screen {
        let what = format!("{text:?} on screen");
        self.wait_for(&what, |s| s.contains(text))
    }

    /// Waits for the process to exit and for its last output to be read; panics with the
    /// screen after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("polling the child") {
                break status;
            }
            if start.elapsed() > timeout {
                panic!(
                    "the process did not exit within {timeout:?}\n---- screen ----\n{}",
                    self.screen().text()
                );
            }
            thread::sleep(POLL);
        };
        self.exited = Some(status.clone());
        // Everything the child wrote is queued by now: the output is complete once nothing is
        // left to read and the reader has been quiet for a while since the exit.
        let exited = Instant::now();
        while exited.elapsed() < QUIET * 20
            && (exited.elapsed() < QUIET
                || self.unread() != Some(0)
                || lock(&self.output).received.elapsed() < QUIET)
        {
            thread::sleep(POLL);
        }
        lock(&self.output).finish();
        status
    }

    /// Resizes the terminal: the parser first, so output at the new size is read at that size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let mut output = lock(&self.output);
        output.parser.set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resizing the pty");
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), read from the terminal's
    /// settings themselves rather than from the program's output; `None` if they can't be read.
    pub fn raw_mode(&self) -> Option<bool> {
        let fd = self.master.as_raw_fd()?;
        let mut settings = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: `fd` is the open master side of our pty, and tcgetattr fills `settings`
        // completely when it returns 0.
        let settings = unsafe {
            if libc::tcgetattr(fd, settings.as_mut_ptr()) != 0 {
                return None;
            }
            settings.assume_init()
        };
        let cooked = libc::ICANON | libc::ECHO;
        Some(settings.c_lflag & cooked != cooked)
    }

    /// Bytes the program wrote that the reader has not taken yet; `None` if that can't be
    /// asked.
    fn unread(&self) -> Option<libc::c_int> {
        let fd = self.master.as_raw_fd()?;
        let mut queued: libc::c_int = 0;
        // SAFETY: `fd` is the open master side of our pty, and FIONREAD writes one int.
        let asked = unsafe { libc::ioctl(fd, libc::FIONREAD, &mut queued) };
        (asked == 0).then_some(queued)
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if self.exited.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One cell of a captured screen.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The column.
    pub col: u16,
    /// The text (a space when empty).
    pub text: String,
    /// Reverse video: how the dashboard marks a selected row.
    pub inverse: bool,
}

/// A rectangle of the screen framed by a box-drawing border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    /// Row of the top border.
    pub top: u16,
    /// Row of the bottom border.
    pub bottom: u16,
    /// Column of the left border.
    pub left: u16,
    /// Column of the right border.
    pub right: u16,
}

/// A copy of the terminal screen with the state the tests look at.
#[derive(Debug, Clone)]
pub struct Screen {
    /// The cells, by row; wide characters take one entry.
    pub rows: Vec<Vec<Cell>>,
    /// Columns.
    pub width: u16,
    /// Whether the alternate screen is active.
    pub alternate: bool,
    /// Whether the cursor is hidden.
    pub cursor_hidden: bool,
    /// Whether any mouse reporting is on.
    pub mouse_reporting: bool,
}

impl Screen {
    fn capture(screen: &vt100::Screen) -> Screen {
        let (height, width) = screen.size();
        let (height, width) = (height.get(), width.get());
        let rows = (0..height)
            .map(|row| {
                (0..width)
                    .filter_map(|col| {
                        let cell = screen.cell(row, col)?;
                        if cell.is_wide_continuation() {
                            return None;
                        }
                        let text = if cell.has_contents() {
                            cell.contents().to_string()
                        } else {
                            " ".to_string()
                        };
                        Some(Cell {
                            col,
                            text,
                            inverse: cell.inverse(),
                        })
                    })
                    .collect()
            })
            .collect();
        Screen {
            rows,
            width,
            alternate: screen.alternate_screen(),
            cursor_hidden: screen.hide_cursor(),
            mouse_reporting: screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
        }
    }

    /// Rows on screen.
    pub fn height(&self) -> u16 {
        self.rows.len() as u16
    }

    /// Row `row` between columns `from` (inclusive) and `to` (exclusive).
    pub fn row_text(&self, row: u16, from: u16, to: u16) -> String {
        self.rows[usize::from(row)]
            .iter()
            .filter(|cell| cell.col >= from && cell.col < to)
            .map(|cell| cell.text.as_str())
            .collect()
    }

    /// A whole row, trailing spaces removed.
    pub fn line(&self, row: u16) -> String {
        self.row_text(row, 0, self.width).trim_end().to_string()
    }

    /// The whole screen as text, one line per row.
    pub fn text(&self) -> String {
        (0..self.height())
            .map(|row| self.line(row))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Whether `needle` is on screen (within one row).
    pub fn contains(&self, needle: &str) -> bool {
        self.find(needle).is_some()
    }

    /// Where `needle` starts: (row, column).
    pub fn find(&self, needle: &str) -> Option<(u16, u16)> {
        (0..self.height()).find_map(|row| {
            let cells = &self.rows[usize::from(row)];
            let mut text = String::new();
            let mut starts = Vec::new();
            for cell in cells {
                starts.push((text.len(), cell.col));
                text.push_str(&cell.text);
            }
            let at = text.find(needle)?;
            let col = starts
                .iter()
                .rev()
                .find(|(offset, _)| *offset <= at)
                .map_or(0, |(_, col)| *col);
            Some((row, col))
        })
    }

    fn cell(&self, row: u16, col: u16) -> Option<&Cell> {
        self.rows
            .get(usize::from(row))?
            .iter()
            .find(|cell| cell.col == col)
    }

    fn is(&self, row: u16, col: u16, any_of: &str) -> bool {
        self.cell(row, col)
            .is_some_and(|cell| any_of.contains(cell.text.as_str()) && cell.text != " ")
    }

    /// The bordered box whose top border carries `title`.
    pub fn frame(&self, title: &str) -> Option<Frame> {
        let (top, at) = self.find(title)?;
        let left = (0..=at).rev().find(|&col| self.is(top, col, "┌┏╔"))?;
        let right = (at..self.width).find(|&col| self.is(top, col, "┐┓╗"))?;
        let bottom = (top + 1..self.height()).find(|&row| self.is(row, left, "└┗╚"))?;
        Some(Frame {
            top,
            bottom,
            left,
            right,
        })
    }

    /// The lines inside a frame (between its borders), trailing spaces removed.
    pub fn inside(&self, frame: Frame) -> Vec<String> {
        (frame.top + 1..frame.bottom)
            .map(|row| {
                self.row_text(row, frame.left + 1, frame.right)
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    /// A table pane's data rows: the lines inside the frame titled `title`, without the column
    /// header and without blank lines.
    pub fn table_rows(&self, title: &str) -> Vec<String> {
        let Some(frame) = self.frame(title) else {
            return Vec::new();
        };
        self.inside(frame)
            .into_iter()
            .skip(1)
            .filter(|line| !line.trim().is_empty())
            .collect()
    }

    /// The data row of the table framed under `title` drawn in reverse video (the selection).
    pub fn selected_row(&self, title: &str) -> Option<String> {
        let frame = self.frame(title)?;
        (frame.top + 2..frame.bottom)
            .find(|&row| {
                self.cell(row, frame.left + 1)
                    .is_some_and(|cell| cell.inverse)
            })
            .map(|row| {
                self.row_text(row, frame.left + 1, frame.right)
                    .trim_end()
                    .to_string()
            })
    }
}

/// Writes `contents` to `dir/name` and returns the path as a string.
pub fn write_file(dir: &Path, name: &str, contents: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("writing a test file");
    path.to_string_lossy().into_owned()
}
