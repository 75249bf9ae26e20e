//! Reading CSV records as a stream: UTF-8 and Windows-1252 files are never held in memory
//! whole (only UTF-16 and forced legacy encodings are decoded up front), every field is
//! decoded on the way in, and every record knows the physical line it starts on.

use std::borrow::Cow;
use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use csv_core::ReadRecordResult;
use encoding_rs::WINDOWS_1252;

use crate::model::WarningKind;
use crate::swar::{each_byte, first_of, plain_ascii};

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

/// Line numbers as an editor counts them (a line ends at LF, CRLF or a lone CR), kept by
/// counting the line breaks in the bytes as the reader consumes them: a plain line is one line,
/// and only what goes to the parser (blank lines, quoted line breaks) is scanned for breaks.
#[derive(Debug)]
struct Lines {
    /// The line the next byte is on.
    line: u64,
    /// Whether the last byte consumed was a CR, whose LF, if it comes next, ends no new line.
    after_cr: bool,
}

impl Lines {
    /// Counts the line breaks in `bytes`, consumed next. Returns the line of the first byte
    /// that is not part of a line break, where a record starting with these bytes starts: blank
    /// lines before a record are skipped by the parser.
    fn consume(&mut self, bytes: &[u8]) -> Option<u64> {
        let mut first = None;
        let mut from = 0;
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if first.is_none() && at > from {
                first = Some(self.line);
            }
            let after_cr = at
                .checked_sub(1)
                .map_or(self.after_cr, |b| bytes[b] == b'\r');
            if !(bytes[at] == b'\n' && after_cr) {
                self.line += 1;
            }
            from = at + 1;
        }
        if first.is_none() && bytes.len() > from {
            first = Some(self.line);
        }
        if let Some(&last) = bytes.last() {
            self.after_cr = last == b'\r';
        }
        first
    }

    /// Consumes one whole line with its ending; returns its line.
    fn consume_line(&mut self) -> u64 {
        self.after_cr = false;
        self.line += 1;
        self.line - 1
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
    /// Ends the field being written.
    fn end_field(&mut self) {
        if self.fields == self.ends.len() {
            self.ends.resize(self.fields * 2 + 1, 0);
        }
        self.ends[self.fields] = self.len;
        self.fields += 1;
    }

    /// Appends `source[from..to]` to the field being written, sixteen bytes at a time while
    /// `source` has sixteen from there: a field is about twenty bytes long, and a few bytes
    /// copied too many (written over by the next field, or room past the record) cost less
    /// than a call to `memcpy` for each field.
    fn push_from(&mut self, source: &[u8], mut from: usize, to: usize) {
        const BLOCK: usize = 16;
        let mut at = self.start + self.len;
        self.out.make_room(at, to - from + BLOCK);
        self.len += to - from;
        while from < to {
            let Some(block) = source.get(from..from + BLOCK) else {
                self.out.bytes[at..at + (to - from)].copy_from_slice(&source[from..to]);
                return;
            };
            self.out.bytes[at..at + BLOCK].copy_from_slice(block);
            (from, at) = (from + BLOCK, at + BLOCK);
        }
    }

    /// Splits the line `rest[..stop]`, without quotes or CR; returns `consumed`, the bytes it
    /// took with its end.
    fn unquoted(&mut self, rest: &[u8], stop: usize, delimiter: u8, consumed: usize) -> usize {
        let mut from = 0;
        each_byte(&rest[..stop], delimiter, |end| {
            self.push_from(rest, from, end);
            self.end_field();
            from = end + 1;
        });
        self.push_from(rest, from, stop);
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
                let end = at + first_of(&rest[at..], [delimiter, b'\n', b'\r', b'"'])?;
                if rest[end] == b'"' {
                    return None;
                }
                self.push_from(rest, at, end);
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
            let quote = from + first_of(&rest[from..], [b'"', b'\n', b'\r'])?;
            if rest[quote] != b'"' {
                return None;
            }
            if rest.get(quote + 1) != Some(&b'"') {
                self.push_from(rest, from, quote);
                return Some(quote + 1);
            }
            self.push_from(rest, from, quote + 1);
            from = quote + 2;
        }
    }
}

/// A record just read: its length and field count in the output, and its line.
struct Span {
    len: usize,
    fields: usize,
    line: u64,
}

/// The record reader: single-line records split directly ([`Records::plain_line`]) and
/// `csv_core` for the rest of RFC 4180, both writing straight into a [`RecordText`] and
/// counting [`Lines`]; a [`FieldDecoder`] for records that are not clean UTF-8.
pub struct Records<R: Read> {
    input: R,
    /// Where to add the bytes read, for a progress gauge.
    progress: Option<Arc<AtomicU64>>,
    lines: Lines,
    parser: csv_core::Reader,
    /// The field delimiter, when plain lines may be split without the parser (see
    /// [`Records::plain_line`]).
    plain_delimiter: Option<u8>,
    buffer: Vec<u8>,
    /// The unparsed part of `buffer`.
    start: usize,
    end: usize,
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
    /// Reads records of `input`, fields separated by `delimiter`, decoding as `mode` says, and
    /// adding the bytes read to `progress` when given.
    pub fn new(
        input: R,
        progress: Option<Arc<AtomicU64>>,
        delimiter: u8,
        mode: Mode,
    ) -> Records<R> {
        Records {
            input,
            progress,
            lines: Lines {
                line: 1,
                after_cr: false,
            },
            parser: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            plain_delimiter: (!matches!(delimiter, b'"' | b'\r' | b'\n')).then_some(delimiter),
            buffer: vec![0; READ_SIZE],
            start: 0,
            end: 0,
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
        let start = out.used;
        let read = match self.plain_line(out, start) {
            Some(plain) => Some(plain),
            None => self.parse(out, start)?,
        };
        let Some(Span { len, fields, line }) = read else {
            return Ok(None);
        };
        let record = &out.bytes[start..start + len];
        let many_lines = self.lines.line - line > LONG_QUOTED_LINES as u64;
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
    /// line of an export is one. Anything else is left to [`Records::parse`].
    fn plain_line(&mut self, out: &mut RecordText, start: usize) -> Option<Span> {
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
            (b'\n', _) => line.unquoted(rest, stop, delimiter, stop + 1),
            (b'\r', Some(b'\n')) => line.unquoted(rest, stop, delimiter, stop + 2),
            (b'"', _) => line.quoted(rest, delimiter)?,
            _ => return None,
        };
        let (len, fields) = (line.len, line.fields);
        self.start += consumed;
        Some(Span {
            len,
            fields,
            line: self.lines.consume_line(),
        })
    }

    /// Parses the next record with `csv_core`, or `None` at the end of the input.
    fn parse(&mut self, out: &mut RecordText, start: usize) -> Result<Option<Span>, String> {
        let (mut len, mut fields, mut line) = (0, 0, None);
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
            let consumed = &self.buffer[self.start..self.start + read];
            line = line.or(self.lines.consume(consumed));
            self.start += read;
            len += wrote;
            fields += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => out.make_room(start + len, READ_SIZE),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => {
                    let line = line.unwrap_or(self.lines.line);
                    return Ok(Some(Span { len, fields, line }));
                }
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
                Ok(read) => {
                    (self.start, self.end) = (0, read);
                    if let Some(progress) = &self.progress {
                        progress.fetch_add(read as u64, Ordering::Relaxed);
                    }
                }
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
        let mut records = Records::new(Trickle(text, chunk), None, delimiter, Mode::Undecided);
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

    /// What the `csv` crate (`csv_core` throughout) reads in `text`: each record's line, as
    /// an editor numbers the first line at or after where the crate started reading it that is
    /// not blank (the crate skips blank lines and counts only LF), and its fields.
    fn csv_crate(text: &str, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let starts = super::super::line_starts(text);
        let bytes = text.as_bytes();
        let line_at = |offset: u64| {
            let first = starts.partition_point(|&start| (start as u64) < offset);
            let blank = |&start: &usize| matches!(bytes.get(start), Some(b'\r' | b'\n'));
            let skipped = starts[first..].iter().take_while(|s| blank(s)).count();
            (first + skipped + 1) as u64
        };
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(bytes)
            .byte_records()
            .map(|record| {
                let record = record.expect("csv_core reads any bytes");
                let start = record.position().map_or(0, csv::Position::byte);
                let fields = record
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect();
                (line_at(start), fields)
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
        /// line break, whatever the read size; and each record starts on the line an editor
        /// shows it on.
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
            let ours = read_all(text.as_bytes(), chunk, delimiter);
            proptest::prop_assert_eq!(ours, csv_crate(&text, delimiter), "{:?}", text);
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
