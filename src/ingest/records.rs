//! Reading CSV records as a stream: UTF-8 and Windows-1252 files are never held in memory
//! whole (only UTF-16 and forced legacy encodings are decoded up front), every field is
//! decoded on the way in, and every record knows the physical line it starts on.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use encoding_rs::WINDOWS_1252;

/// How field bytes are turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only ASCII seen so far: the first non-ASCII field decides between UTF-8 and
    /// Windows-1252 (earlier fields read the same either way).
    Undecided,
    /// UTF-8; a damaged sequence is replaced with U+FFFD and counted.
    Utf8,
    /// Windows-1252, which accepts every byte.
    Windows1252,
}

/// Decodes fields according to a [`Mode`] that may settle while reading.
#[derive(Debug)]
pub struct FieldDecoder {
    mode: Mode,
}

impl FieldDecoder {
    /// A decoder starting in `mode`.
    pub fn new(mode: Mode) -> FieldDecoder {
        FieldDecoder { mode }
    }

    /// The encoding name for the load report.
    pub fn encoding(&self) -> &'static str {
        match self.mode {
            Mode::Windows1252 => "windows-1252",
            Mode::Undecided | Mode::Utf8 => "UTF-8",
        }
    }

    /// The fast path for a whole record: when every field is valid UTF-8 without NULs (and
    /// the file is not Windows-1252) the record is returned as text, without copying;
    /// otherwise it is handed back for [`FieldDecoder::push`]. Fields are checked one by one
    /// (csv does so for non-ASCII records): `jo\xC3,\xA9x` is valid UTF-8 only across the
    /// comma.
    pub fn clean(&mut self, record: csv::ByteRecord) -> Result<csv::StringRecord, csv::ByteRecord> {
        if self.mode == Mode::Windows1252 || memchr::memchr(0, record.as_slice()).is_some() {
            return Err(record);
        }
        let text = csv::StringRecord::from_byte_record(record).map_err(|e| e.into_byte_record())?;
        if self.mode == Mode::Undecided && !text.as_slice().is_ascii() {
            self.mode = Mode::Utf8;
        }
        Ok(text)
    }

    /// Appends the decoded `bytes` to `out`; returns whether anything had to be replaced
    /// (a damaged UTF-8 sequence, or a NUL byte, which no export means to contain).
    pub fn push(&mut self, bytes: &[u8], out: &mut String) -> bool {
        let start = out.len();
        let mut replaced = false;
        match std::str::from_utf8(bytes) {
            Ok(text) if self.mode != Mode::Windows1252 => {
                if self.mode == Mode::Undecided && !text.is_ascii() {
                    self.mode = Mode::Utf8;
                }
                out.push_str(text);
            }
            Err(_) if self.mode == Mode::Undecided => {
                self.mode = Mode::Windows1252;
                out.push_str(&WINDOWS_1252.decode_without_bom_handling(bytes).0);
            }
            Err(_) if self.mode == Mode::Utf8 => {
                out.push_str(&String::from_utf8_lossy(bytes));
                replaced = true;
            }
            _ => out.push_str(&WINDOWS_1252.decode_without_bom_handling(bytes).0),
        }
        if memchr::memchr(0, bytes).is_some() {
            let cleaned = out[start..].replace('\0', "\u{FFFD}");
            out.truncate(start);
            out.push_str(&cleaned);
            replaced = true;
        }
        replaced
    }
}

/// Wraps the input to count bytes (for the progress gauge) and remember where lines start,
/// so a record's line is known however many quoted line breaks or blank lines came before it.
/// A line ends at LF, CRLF or a lone CR, as an editor counts them.
pub struct LineCounter<R> {
    inner: R,
    offset: u64,
    line: u64,
    pending_cr: bool,
    pending_start: Option<(u64, u64)>,
    starts: VecDeque<(u64, u64)>,
    progress: Option<Arc<AtomicU64>>,
}

impl<R: Read> LineCounter<R> {
    /// Counts lines of `inner`, adding bytes read to `progress` when given.
    pub fn new(inner: R, progress: Option<Arc<AtomicU64>>) -> LineCounter<R> {
        LineCounter {
            inner,
            offset: 0,
            line: 1,
            pending_cr: false,
            pending_start: Some((0, 1)),
            starts: VecDeque::new(),
            progress,
        }
    }

    /// The line of the first non-blank line starting at or after byte `position`; the lines
    /// before it are forgotten (records come in order).
    pub fn line_at(&mut self, position: u64) -> u64 {
        while let Some(&(offset, line)) = self.starts.front() {
            if offset >= position {
                self.starts.pop_front();
                return line;
            }
            self.starts.pop_front();
        }
        self.line
    }

    fn new_line(&mut self, start: u64, first_byte: Option<u8>) {
        self.line += 1;
        match first_byte {
            Some(b'\r' | b'\n') => {}
            Some(_) => self.starts.push_back((start, self.line)),
            None => self.pending_start = Some((start, self.line)),
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        let base = self.offset;
        if bytes.is_empty() {
            return;
        }
        if std::mem::take(&mut self.pending_cr) && bytes[0] != b'\n' {
            self.new_line(base, Some(bytes[0]));
        }
        if let Some(start) = self.pending_start.take()
            && !matches!(bytes[0], b'\r' | b'\n')
        {
            self.starts.push_back(start);
        }
        for position in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let next = bytes.get(position + 1).copied();
            let start = base + position as u64 + 1;
            match (bytes[position], next) {
                (b'\r', Some(b'\n')) => {}
                (b'\r', None) => self.pending_cr = true,
                _ => self.new_line(start, next),
            }
        }
        self.offset += bytes.len() as u64;
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.scan(&buf[..read]);
        if let Some(progress) = &self.progress {
            progress.fetch_add(read as u64, Ordering::Relaxed);
        }
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record_lines(text: &[u8], chunk: usize) -> Vec<u64> {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let counter = LineCounter::new(Trickle(text, chunk), None);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(counter);
        let mut record = csv::ByteRecord::new();
        let mut lines = Vec::new();
        loop {
            let before = reader.position().byte();
            if !reader.read_byte_record(&mut record).unwrap() {
                break;
            }
            lines.push(reader.get_mut().line_at(before));
        }
        lines
    }

    #[test]
    fn lines_survive_crlf_blank_lines_and_quoted_breaks() {
        let text = b"h1,h2\r\na,1\r\n\r\nb,\"x\r\ny\"\r\nc,3\r\n";
        for chunk in [1, 2, 3, 7, 64] {
            assert_eq!(record_lines(text, chunk), vec![1, 2, 4, 6], "chunk {chunk}");
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = b"h\ra\rb\r";
        for chunk in [1, 2, 64] {
            assert_eq!(record_lines(text, chunk), vec![1, 2, 3], "chunk {chunk}");
        }
    }

    #[test]
    fn the_first_non_ascii_field_settles_the_encoding() {
        let mut latin = FieldDecoder::new(Mode::Undecided);
        let mut out = String::new();
        assert!(!latin.push(b"plain", &mut out));
        assert!(!latin.push(b"M\xFCller", &mut out));
        assert_eq!(out, "plainMüller");
        assert_eq!(latin.encoding(), "windows-1252");
        let mut utf8 = FieldDecoder::new(Mode::Undecided);
        let mut out = String::new();
        assert!(!utf8.push("Zoë".as_bytes(), &mut out));
        assert!(utf8.push(b"bad \xFF", &mut out));
        assert_eq!(out, "Zoëbad \u{FFFD}");
        assert_eq!(utf8.encoding(), "UTF-8");
    }
}
