//! Reading CSV records as a stream: UTF-8 and Windows-1252 files are never held in memory
//! whole (only UTF-16 and forced legacy encodings are decoded up front), every field is
//! decoded on the way in, and every record knows the physical line it starts on.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use csv_core::ReadRecordResult;
use encoding_rs::WINDOWS_1252;

use crate::model::WarningKind;

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

    /// The fast path for a whole record: whether its fields can be kept as they were read —
    /// every field valid UTF-8 without NULs, and the file not Windows-1252. Otherwise each
    /// field goes through [`FieldDecoder::push`]. Fields are checked one by one (through the
    /// field boundaries): `jo\xC3,\xA9x` is valid UTF-8 only across the comma.
    pub fn is_clean(&mut self, record: &[u8], ends: &[usize]) -> bool {
        if self.mode == Mode::Windows1252 {
            return false;
        }
        if plain_ascii(record) {
            return true;
        }
        if memchr::memchr(0, record).is_some() || std::str::from_utf8(record).is_err() {
            return false;
        }
        let inside_a_character = |end: &usize| record.get(*end).is_some_and(|b| b & 0xC0 == 0x80);
        if ends.iter().any(inside_a_character) {
            return false;
        }
        if self.mode == Mode::Undecided {
            self.mode = Mode::Utf8;
        }
        true
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

/// Whether `bytes` are all ASCII and none is NUL: most records are, and this looks at eight
/// bytes at a time, in one pass. A word has a NUL byte exactly when `(w - 0x01…) & !w` has a
/// high bit set (the classic zero-byte test), and a non-ASCII byte when `w` has one.
fn plain_ascii(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut flags = 0;
    for word in (&mut words).map(little_endian) {
        flags |= word | (word.wrapping_sub(ONES) & !word);
    }
    flags & HIGH_BITS == 0 && words.remainder().iter().all(|&b| b != 0 && b.is_ascii())
}

/// Eight bytes read as one word, the first in the lowest byte (so a bit's index over 8 is
/// its byte's position).
fn little_endian(eight: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    u64::from_le_bytes(word)
}

/// Calls `found` with the position of each `wanted` byte in `bytes`, in order, testing eight
/// bytes at a time: a line's fields are about twenty bytes long, too short for `memchr` to
/// pay for starting a search at each. A byte of `w ^ wanted…` is zero exactly where `wanted`
/// is; `!(((x & 0x7F…) + 0x7F…) | x | 0x7F…)` has the high bit of exactly those bytes set.
fn each_byte(bytes: &[u8], wanted: u8, mut found: impl FnMut(usize)) {
    const LOW_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let pattern = u64::from(wanted) * 0x0101_0101_0101_0101;
    let mut words = bytes.chunks_exact(8);
    let mut base = 0;
    for word in (&mut words).map(little_endian) {
        let x = word ^ pattern;
        let mut zeros = !(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS);
        while zeros != 0 {
            found(base + zeros.trailing_zeros() as usize / 8);
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (offset, &byte) in words.remainder().iter().enumerate() {
        if byte == wanted {
            found(base + offset);
        }
    }
}

/// A quoted field spanning more lines than this is reported: real transcripts run to a dozen
/// lines, an unbalanced quote swallows the rest of the file.
const LONG_QUOTED_LINES: usize = 50;

/// Bytes asked of the input at a time.
const READ_SIZE: usize = 1 << 16;

/// Text appended record by record, as a chunk of contacts holds it: the parser writes
/// straight into it, so a record is never copied on its way to the chunk. Bytes from `used`
/// on are room for the next record.
#[derive(Debug, Default)]
pub struct RecordText {
    /// Valid UTF-8 up to `used`.
    pub bytes: Vec<u8>,
    /// How much of `bytes` holds records.
    pub used: usize,
    /// Each field's end, relative to the start of its record.
    pub ends: Vec<u32>,
}

impl RecordText {
    /// Empty, with about `room` bytes ready (allocated zeroed, which fresh pages are anyway).
    pub fn with_room(room: usize) -> RecordText {
        RecordText {
            bytes: vec![0; room],
            used: 0,
            ends: Vec::new(),
        }
    }

    /// Empty, writing into `bytes` (whatever they hold).
    pub fn in_room(bytes: Vec<u8>) -> RecordText {
        RecordText {
            bytes,
            used: 0,
            ends: Vec::new(),
        }
    }

    /// Forgets the records held, keeping the room.
    pub fn clear(&mut self) {
        self.used = 0;
        self.ends.clear();
    }

    /// Makes room for at least `more` bytes after `at`, at least doubling.
    fn make_room(&mut self, at: usize, more: usize) {
        let needed = at + more;
        if self.bytes.len() < needed {
            let grown = needed.max(self.bytes.len() * 2).max(READ_SIZE);
            self.bytes.resize(grown, 0);
        }
    }

    /// Appends a field of the record that starts at `record_start`.
    pub fn push_field(&mut self, record_start: usize, field: &str) {
        self.make_room(self.used, field.len());
        self.bytes[self.used..self.used + field.len()].copy_from_slice(field.as_bytes());
        self.used += field.len();
        self.ends.push(end_offset(self.used - record_start));
    }

    /// The fields of the record starting at `start` whose ends begin at `first`.
    pub fn fields(&self, start: usize, first: usize) -> impl Iterator<Item = Cow<'_, str>> + '_ {
        self.ends[first..].iter().scan(start, move |from, &end| {
            let to = start + end as usize;
            let field = String::from_utf8_lossy(&self.bytes[*from..to]);
            *from = to;
            Some(field)
        })
    }

    /// The text in use and the field ends. Every record was checked or decoded on the way in,
    /// so the text is valid UTF-8; were it not, a damaged byte would become `?`, which keeps
    /// every field where its ends say.
    pub fn into_text(mut self) -> (String, Vec<u32>) {
        self.bytes.truncate(self.used);
        self.bytes.shrink_to_fit();
        let text = String::from_utf8(self.bytes).unwrap_or_else(|damaged| {
            let mut bytes = damaged.into_bytes();
            mend(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        });
        (text, self.ends)
    }
}

/// Replaces every byte of every invalid UTF-8 sequence with `?`.
fn mend(bytes: &mut [u8]) {
    let mut at = 0;
    while let Err(error) = std::str::from_utf8(&bytes[at..]) {
        let bad = at + error.valid_up_to();
        let len = error.error_len().unwrap_or(bytes.len() - bad);
        bytes[bad..bad + len].fill(b'?');
        at = bad + len;
    }
}

/// A field end as stored: records are far shorter than 4 GB (chunks are cut at 16 MB).
fn end_offset(end: usize) -> u32 {
    u32::try_from(end).unwrap_or(u32::MAX)
}

/// A line being split into fields by [`Records::plain_line`]: the fields' text goes to `out`
/// from `start`, their ends to `ends`. Bytes written by a split that gives up are simply
/// written over by the parser.
struct LineSplit<'a> {
    out: &'a mut RecordText,
    start: usize,
    len: usize,
    ends: &'a mut Vec<usize>,
    fields: usize,
}

impl LineSplit<'_> {
    /// Appends `bytes` to the field being written.
    fn push(&mut self, bytes: &[u8]) {
        let at = self.start + self.len;
        self.out.make_room(at, bytes.len());
        self.out.bytes[at..at + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    /// Ends the field being written.
    fn end_field(&mut self) {
        if self.fields == self.ends.len() {
            self.ends.resize(self.fields * 2 + 1, 0);
        }
        self.ends[self.fields] = self.len;
        self.fields += 1;
    }

    /// Splits a line without quotes or CR; returns `consumed`, the bytes it took with its end.
    fn unquoted(&mut self, line: &[u8], delimiter: u8, consumed: usize) -> usize {
        let mut from = 0;
        each_byte(line, delimiter, |end| {
            self.push(&line[from..end]);
            self.end_field();
            from = end + 1;
        });
        self.push(&line[from..]);
        self.end_field();
        consumed
    }

    /// Splits the line at the start of `rest`, which has a quote: returns the bytes it took
    /// with its end, or `None` when it is not a line this split reads as `csv_core` would.
    fn quoted(&mut self, rest: &[u8], delimiter: u8) -> Option<usize> {
        let mut at = 0;
        loop {
            let after = if rest.get(at) == Some(&b'"') {
                self.quoted_field(rest, at + 1)?
            } else {
                let mut end = at + memchr::memchr3(delimiter, b'\n', b'"', &rest[at..])?;
                if rest[end] == b'\n' && end > at && rest[end - 1] == b'\r' {
                    end -= 1;
                }
                let field = &rest[at..end];
                if rest[end] == b'"' || memchr::memchr(b'\r', field).is_some() {
                    return None;
                }
                self.push(field);
                end
            };
            self.end_field();
            match (rest.get(after), rest.get(after + 1)) {
                (Some(&byte), _) if byte == delimiter => at = after + 1,
                (Some(b'\n'), _) => return Some(after + 1),
                (Some(b'\r'), Some(b'\n')) => return Some(after + 2),
                _ => return None,
            }
        }
    }

    /// Writes the quoted field whose text starts at `from` (after its opening quote), with
    /// doubled quotes undoubled; returns where its closing quote ends. `None` when it holds a
    /// line break or runs past the buffer.
    fn quoted_field(&mut self, rest: &[u8], mut from: usize) -> Option<usize> {
        loop {
            let quote = from + memchr::memchr3(b'"', b'\n', b'\r', &rest[from..])?;
            if rest[quote] != b'"' {
                return None;
            }
            self.push(&rest[from..quote]);
            if rest.get(quote + 1) != Some(&b'"') {
                return Some(quote + 1);
            }
            self.push(b"\"");
            from = quote + 2;
        }
    }
}

/// The record reader: single-line records split directly ([`Records::plain_line`]) and
/// `csv_core` for the rest of RFC 4180, both writing straight into a [`RecordText`]; a
/// [`LineCounter`] for line numbers; a [`FieldDecoder`] for records that are not clean UTF-8.
pub struct Records<R: Read> {
    input: LineCounter<R>,
    parser: csv_core::Reader,
    /// The field delimiter, when plain lines may be split without the parser (see
    /// [`Records::plain_line`]).
    plain_delimiter: Option<u8>,
    buffer: Vec<u8>,
    /// The unparsed part of `buffer`.
    start: usize,
    end: usize,
    /// Bytes parsed so far.
    position: u64,
    input_done: bool,
    finished: bool,
    /// The parser's field ends for the record being read.
    ends: Vec<usize>,
    /// The decoder, public for the encoding it settled on.
    pub decoder: FieldDecoder,
    decoded: String,
    decoded_ends: Vec<usize>,
    /// Warnings noticed while reading, with their lines, for the builder to file.
    pub notes: Vec<(WarningKind, u64)>,
}

impl<R: Read> Records<R> {
    /// Reads records of `input`, fields separated by `delimiter`, decoding as `mode` says.
    pub fn new(input: LineCounter<R>, delimiter: u8, mode: Mode) -> Records<R> {
        Records {
            input,
            parser: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            plain_delimiter: (!matches!(delimiter, b'"' | b'\r' | b'\n')).then_some(delimiter),
            buffer: vec![0; READ_SIZE],
            start: 0,
            end: 0,
            position: 0,
            input_done: false,
            finished: false,
            ends: vec![0; 32],
            decoder: FieldDecoder::new(mode),
            decoded: String::new(),
            decoded_ends: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Appends the next record to `out`; returns its line, or `None` at the end.
    pub fn next(&mut self, out: &mut RecordText) -> Result<Option<u64>, String> {
        if self.finished {
            return Ok(None);
        }
        let before = self.position;
        let lines_before = self.parser.line();
        let start = out.used;
        let read = match self.plain_line(out, start) {
            Some(plain) => Some(plain),
            None => self.parse(out, start)?,
        };
        let Some((len, fields)) = read else {
            return Ok(None);
        };
        let line = self.input.line_at(before);
        let record = &out.bytes[start..start + len];
        let many_lines = self.parser.line() - lines_before > LONG_QUOTED_LINES as u64;
        if many_lines
            && memchr::memchr_iter(b'\n', record)
                .nth(LONG_QUOTED_LINES)
                .is_some()
        {
            self.notes.push((WarningKind::LongQuotedField, line));
        }
        if self.decoder.is_clean(record, &self.ends[..fields]) {
            out.ends
                .extend(self.ends[..fields].iter().map(|&end| end_offset(end)));
            out.used = start + len;
        } else {
            self.decode(out, start, fields, line);
        }
        Ok(Some(line))
    }

    /// The next record if it is one whole line already in the buffer, not blank, whose quoted
    /// fields (if any) hold no line break and end at a delimiter or the line's end. Such a line
    /// is split here, as `csv_core` would split it but in a fraction of the time: nearly every
    /// line of an export is one. Anything else is left to [`Records::parse`]. Returns the
    /// record's length and field count.
    fn plain_line(&mut self, out: &mut RecordText, start: usize) -> Option<(usize, usize)> {
        let delimiter = self.plain_delimiter?;
        let rest = &self.buffer[self.start..self.end];
        let stop = memchr::memchr3(b'\n', b'\r', b'"', rest)?;
        if stop == 0 && rest[0] != b'"' {
            return None;
        }
        let mut line = LineSplit {
            out,
            start,
            len: 0,
            ends: &mut self.ends,
            fields: 0,
        };
        let consumed = match (rest[stop], rest.get(stop + 1)) {
            (b'\n', _) => line.unquoted(&rest[..stop], delimiter, stop + 1),
            (b'\r', Some(b'\n')) => line.unquoted(&rest[..stop], delimiter, stop + 2),
            (b'"', _) => line.quoted(rest, delimiter)?,
            _ => return None,
        };
        let read = (line.len, line.fields);
        self.start += consumed;
        self.position += consumed as u64;
        Some(read)
    }

    /// Parses the next record with `csv_core`: its length and field count, or `None` at the
    /// end of the input.
    fn parse(
        &mut self,
        out: &mut RecordText,
        start: usize,
    ) -> Result<Option<(usize, usize)>, String> {
        let (mut len, mut fields) = (0, 0);
        loop {
            if self.start == self.end && !self.input_done {
                self.fill()?;
            }
            out.make_room(start + len, 1);
            let (result, read, wrote, ended) = self.parser.read_record(
                &self.buffer[self.start..self.end],
                &mut out.bytes[start + len..],
                &mut self.ends[fields..],
            );
            self.start += read;
            self.position += read as u64;
            len += wrote;
            fields += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => out.make_room(start + len, READ_SIZE),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => return Ok(Some((len, fields))),
                ReadRecordResult::End => {
                    self.finished = true;
                    return Ok(None);
                }
            }
        }
    }

    /// Replaces the record just read at `start` of `out` with its fields decoded.
    fn decode(&mut self, out: &mut RecordText, start: usize, fields: usize, line: u64) {
        self.decoded.clear();
        self.decoded_ends.clear();
        let mut replaced = false;
        let mut from = start;
        for &end in &self.ends[..fields] {
            let to = start + end;
            replaced |= self.decoder.push(&out.bytes[from..to], &mut self.decoded);
            self.decoded_ends.push(self.decoded.len());
            from = to;
        }
        if replaced {
            self.notes.push((WarningKind::Replaced, line));
        }
        let text = self.decoded.as_bytes();
        out.make_room(start, text.len());
        out.bytes[start..start + text.len()].copy_from_slice(text);
        out.used = start + text.len();
        out.ends
            .extend(self.decoded_ends.iter().map(|&end| end_offset(end)));
    }

    /// Reads the next bytes of the input into the buffer.
    fn fill(&mut self) -> Result<(), String> {
        loop {
            match self.input.read(&mut self.buffer) {
                Ok(0) => self.input_done = true,
                Ok(read) => (self.start, self.end) = (0, read),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(format!("could not be read: {}", super::io_words(&e))),
            }
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input handed over `chunk` bytes at a time, so records straddle reads.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// Every record of `text` read `chunk` bytes at a time: its line and its fields.
    fn read_all(text: &[u8], chunk: usize, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let counter = LineCounter::new(Trickle(text, chunk), None);
        let mut records = Records::new(counter, delimiter, Mode::Undecided);
        let mut out = RecordText::default();
        let mut all = Vec::new();
        loop {
            let (start, first) = (out.used, out.ends.len());
            let Some(line) = records.next(&mut out).unwrap() else {
                return all;
            };
            let fields = out.fields(start, first).map(Cow::into_owned).collect();
            all.push((line, fields));
        }
    }

    /// What the `csv` crate (`csv_core` throughout) reads in `text`: each record's fields.
    fn csv_crate(text: &[u8], delimiter: u8) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text)
            .byte_records()
            .map(|record| {
                let record = record.expect("csv_core reads any bytes");
                record
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect()
            })
            .collect()
    }

    fn record_lines(text: &[u8], chunk: usize) -> Vec<u64> {
        read_all(text, chunk, b',')
            .into_iter()
            .map(|(line, _)| line)
            .collect()
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

    proptest::proptest! {
        // A lone CR inside a line after a quoted field takes a few thousand cases to turn up.
        #![proptest_config(proptest::test_runner::Config {
            cases: 8192,
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]

        /// Plain lines split without the parser read exactly as `csv_core` reads them, among
        /// quoted fields, doubled and stray quotes, CR, CRLF, blank lines and a missing last
        /// line break, whatever the read size.
        #[test]
        fn records_read_as_csv_core_reads_them(
            text in proptest::collection::vec(
                proptest::sample::select(&[
                    "a", "bc", "é", " ", ",", ",", ";", "\"", "\"\"", "\n", "\n", "\r\n", "\r",
                ][..]),
                0..60,
            ),
            chunk in 1usize..80,
            delimiter in proptest::sample::select(&[b',', b';'][..]),
        ) {
            let text = text.concat();
            let ours: Vec<Vec<String>> = read_all(text.as_bytes(), chunk, delimiter)
                .into_iter()
                .map(|(_, fields)| fields)
                .collect();
            proptest::prop_assert_eq!(ours, csv_crate(text.as_bytes(), delimiter), "{:?}", text);
        }

        /// The eight-at-a-time search finds every occurrence of the byte, in order.
        #[test]
        fn each_byte_finds_every_occurrence(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![4 => proptest::prelude::Just(b','), 1 => 0x2Bu8..0x2E, 1 => proptest::prelude::any::<u8>()],
                0..40,
            )
        ) {
            let mut found = Vec::new();
            each_byte(&bytes, b',', |at| found.push(at));
            let expected: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b',').collect();
            proptest::prop_assert_eq!(found, expected);
        }

        /// The word-at-a-time test agrees with the obvious one, wherever a NUL or a non-ASCII
        /// byte falls.
        #[test]
        fn plain_ascii_is_ascii_without_nul(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![8 => 1u8..0x80, 1 => proptest::prelude::Just(0u8), 1 => 0x80u8..],
                0..40,
            )
        ) {
            let expected = bytes.is_ascii() && !bytes.contains(&0);
            proptest::prop_assert_eq!(plain_ascii(&bytes), expected);
        }
    }

    /// Were a damaged byte ever to reach a chunk, it would become `?` and every field would
    /// stay where its ends say.
    #[test]
    fn damaged_text_is_mended_in_place() {
        let mut text = RecordText::default();
        text.push_field(0, "ab");
        text.push_field(0, "cd");
        text.bytes[1] = 0xFF;
        text.bytes[3] = 0xE2;
        let (text, ends) = text.into_text();
        assert_eq!(text, "a?c?");
        assert_eq!(ends, vec![2, 4]);
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
