//! Files → model. Reads whatever a platform or a spreadsheet produced (CSV in any common
//! encoding and delimiter, or a workbook), finds the columns by name, and classifies every
//! row. Input files are only ever read.

mod build;
mod columns;
mod dates;
mod decode;
mod layout;
mod records;
mod seen;
mod sniff;
mod workbook;

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use encoding_rs::Encoding;

pub use columns::looks_like_email;
pub use dates::parse_date;
pub use decode::encoding_by_name;

use build::{BuildOptions, LoadState, build};
use layout::Layout;
use records::{Mode, RecordText, Records};

use crate::model::{Dataset, Role, Source, WarningKind};

/// The bundled sample, embedded so `bouncelens` works from any directory with no file.
pub const SAMPLE: &[u8] = include_bytes!("../../sample-data/suppression-export.csv");

/// The name the bundled sample is shown under.
pub const SAMPLE_NAME: &str = "bundled sample";

/// Where one input comes from.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
    /// Bytes already in memory, such as the embedded sample.
    Bytes {
        /// Shown wherever a file name would be.
        name: String,
        /// The content.
        bytes: Cow<'static, [u8]>,
    },
}

impl Input {
    /// The embedded sample.
    pub fn sample() -> Input {
        Input::Bytes {
            name: SAMPLE_NAME.to_string(),
            bytes: Cow::Borrowed(SAMPLE),
        }
    }

    /// Reads a command-line argument: `-` is standard input.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    /// The name shown for this input.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin => "stdin".to_string(),
            Input::Bytes { name, .. } => name.clone(),
        }
    }
}

/// Overrides from the command line for when detection guesses wrong.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--delimiter`.
    pub delimiter: Option<u8>,
    /// `--encoding`.
    pub encoding: Option<&'static Encoding>,
    /// `--sheet`.
    pub sheet: Option<String>,
    /// `--column role=Header`.
    pub columns: Vec<(Role, String)>,
    /// Threads that classify, the reading thread included; `None` uses the machine's cores,
    /// `Some(1)` classifies on the reading thread alone (the result is the same either way).
    pub threads: Option<usize>,
    /// Where to report bytes read, for a progress gauge.
    pub progress: Option<Arc<LoadProgress>>,
}

/// Progress of a load, shared with whoever draws a gauge.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Bytes read so far, over all inputs.
    pub bytes: Arc<AtomicU64>,
    /// Bytes to read in total, as far as known (standard input counts once read).
    pub total: AtomicU64,
    /// Contacts loaded so far.
    pub rows: AtomicU64,
}

/// A file that cannot be used at all. Shown as one line: `bouncelens: FILE: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file as named by the user.
    pub file: String,
    /// What is wrong, in words.
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", one_line(&self.file), one_line(&self.reason))
    }
}

/// Folds line breaks and other control characters (from a header cell or a file name) into
/// spaces, so an error stays one line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl std::error::Error for LoadError {}

/// One row of a table before interpretation.
#[derive(Debug, Clone)]
pub struct Row {
    /// The line (CSV) or row number (spreadsheet) where it starts, 1-based.
    pub line: u64,
    /// The fields as text.
    pub fields: Vec<String>,
}

/// Loads every input into one dataset; the first unusable file stops the load with its reason.
pub fn load(inputs: &[Input], options: &LoadOptions) -> Result<Dataset, LoadError> {
    let mut dataset = Dataset::default();
    let mut state = LoadState::default();
    let threads = options.threads.unwrap_or_else(default_threads).max(1);
    for input in inputs {
        let name = input.name();
        load_one(input, &name, options, threads, &mut dataset, &mut state).map_err(|reason| {
            LoadError {
                file: name.clone(),
                reason,
            }
        })?;
    }
    dataset.providers = dataset
        .domains
        .iter()
        .map(|domain| crate::typo::is_mailbox_provider(domain))
        .collect();
    Ok(dataset)
}

/// Both cores of a laptop (and at most four: classification is cheap next to reading).
fn default_threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

fn load_one(
    input: &Input,
    name: &str,
    options: &LoadOptions,
    threads: usize,
    dataset: &mut Dataset,
    state: &mut LoadState,
) -> Result<(), String> {
    match open(input, options)? {
        Opened::Workbook(bytes) => {
            let sheet = workbook::read_sheet(bytes, options.sheet.as_deref())?;
            let rows: Vec<Row> = sheet.rows.into_iter().filter(|r| !is_blank(r)).collect();
            let layout = Layout::new(&rows, options)?;
            let body = &rows[usize::from(layout.has_header)..];
            let encoding = format!("spreadsheet, sheet '{}'", sheet.name);
            let index = add_source(dataset, name, &layout, encoding, None);
            let build_options = BuildOptions {
                threads,
                progress: options.progress.as_deref(),
                size: None,
            };
            build(dataset, &layout, index, build_options, state, |builder| {
                body.iter().for_each(|row| builder.push_owned(row));
            });
            finish_source(dataset, index, body.len());
            Ok(())
        }
        Opened::Text(text) => stream_csv(text, name, options, threads, dataset, state),
    }
}

/// How many bytes are looked at to recognise the format, the encoding and the delimiter.
const HEAD: usize = 64 * 1024;

/// An input ready to be read.
enum Opened {
    /// A spreadsheet, read whole (the formats are zip or OLE containers).
    Workbook(Vec<u8>),
    /// Delimited text, read as a stream.
    Text(TextInput),
}

/// Delimited text and how to read it.
struct TextInput {
    reader: Box<dyn Read + Send>,
    mode: Mode,
    /// Set when the whole input was decoded up front (UTF-16, or a forced legacy encoding).
    decoded_as: Option<&'static str>,
    /// Lines where that up-front decoding replaced characters.
    replaced_lines: Vec<u64>,
    delimiter: u8,
    /// The input's size in bytes, when known.
    size: Option<u64>,
}

fn open(input: &Input, options: &LoadOptions) -> Result<Opened, String> {
    let Started {
        mut head,
        rest,
        size,
    } = start_reading(input, options)?;
    if head.is_empty() {
        return Err("is empty".to_string());
    }
    if is_workbook(input, &head) {
        let mut rest = rest;
        rest.read_to_end(&mut head).map_err(|e| io_words(&e))?;
        return Ok(Opened::Workbook(head));
    }
    let sample = &head[..head.len().min(HEAD)];
    if let Some(kind) = binary_kind(sample) {
        return Err(format!("is {kind}, not a CSV or spreadsheet export"));
    }
    let text = if needs_whole_decoding(sample, options.encoding) {
        decode_whole(head, rest, options)?
    } else {
        let had_bom = head.starts_with(UTF8_BOM);
        if had_bom {
            head.drain(..UTF8_BOM.len());
        }
        let sample = &head[..head.len().min(HEAD)];
        let forced_utf8 = options.encoding == Some(encoding_rs::UTF_8);
        let mode = if had_bom || forced_utf8 {
            Mode::Utf8
        } else {
            decode::head_mode(sample)
        };
        let preview = String::from_utf8_lossy(sample);
        check_text(&preview)?;
        TextInput {
            delimiter: options
                .delimiter
                .or_else(|| sniff::sniff_delimiter(&preview))
                .unwrap_or(b','),
            reader: Box::new(io::Cursor::new(head).chain(rest)),
            mode,
            decoded_as: None,
            replaced_lines: Vec::new(),
            size: Some(size),
        }
    };
    Ok(Opened::Text(text))
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// An input opened: its first bytes, the rest, and its size.
struct Started {
    head: Vec<u8>,
    rest: Box<dyn Read + Send>,
    size: u64,
}

/// Opens the input and reads its first [`HEAD`] bytes (all of it for standard input and
/// in-memory bytes); the rest is returned as a reader. Adds the size to the progress total.
fn start_reading(input: &Input, options: &LoadOptions) -> Result<Started, String> {
    let add_total = |bytes: u64| {
        if let Some(progress) = &options.progress {
            progress.total.fetch_add(bytes, Ordering::Relaxed);
        }
    };
    match input {
        Input::Path(path) => {
            let metadata = std::fs::metadata(path).map_err(|e| io_words(&e))?;
            if metadata.is_dir() {
                return Err("is a directory, not a file".to_string());
            }
            add_total(metadata.len());
            let mut file = File::open(path).map_err(|e| io_words(&e))?;
            let mut head = Vec::new();
            (&mut file)
                .take(HEAD as u64)
                .read_to_end(&mut head)
                .map_err(|e| io_words(&e))?;
            Ok(Started {
                head,
                rest: Box::new(file),
                size: metadata.len(),
            })
        }
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("could not read standard input: {}", io_words(&e)))?;
            add_total(bytes.len() as u64);
            Ok(Started {
                size: bytes.len() as u64,
                head: bytes,
                rest: Box::new(io::empty()),
            })
        }
        Input::Bytes { bytes, .. } => {
            add_total(bytes.len() as u64);
            Ok(Started {
                head: bytes.to_vec(),
                rest: Box::new(io::empty()),
                size: bytes.len() as u64,
            })
        }
    }
}

/// UTF-16 (with or without BOM) and any forced encoding other than UTF-8 are decoded in one
/// go; UTF-8 and Windows-1252 are decoded field by field while streaming.
fn needs_whole_decoding(sample: &[u8], forced: Option<&'static Encoding>) -> bool {
    match forced {
        Some(encoding) => encoding != encoding_rs::UTF_8,
        None => {
            let bom = Encoding::for_bom(sample).map(|(encoding, _)| encoding);
            matches!(bom, Some(e) if e != encoding_rs::UTF_8)
                || decode::sniff_utf16(sample).is_some()
        }
    }
}

fn decode_whole(
    mut head: Vec<u8>,
    mut rest: Box<dyn Read + Send>,
    options: &LoadOptions,
) -> Result<TextInput, String> {
    rest.read_to_end(&mut head).map_err(|e| io_words(&e))?;
    let mut decoded = decode::decode(&head, options.encoding);
    drop(head);
    check_text(&decoded.text[..floor_char_boundary(&decoded.text, HEAD)])?;
    let starts = line_starts(&decoded.text);
    let mut replaced_lines: Vec<u64> = decoded
        .replaced_at
        .iter()
        .map(|&offset| starts.partition_point(|&start| start <= offset) as u64)
        .collect();
    replaced_lines.dedup();
    let preview = &decoded.text[..floor_char_boundary(&decoded.text, HEAD)];
    let delimiter = options
        .delimiter
        .or_else(|| sniff::sniff_delimiter(preview))
        .unwrap_or(b',');
    let text = std::mem::take(&mut decoded.text);
    Ok(TextInput {
        size: Some(text.len() as u64),
        reader: Box::new(io::Cursor::new(text.into_bytes())),
        mode: Mode::Utf8,
        decoded_as: Some(decoded.encoding),
        replaced_lines,
        delimiter,
    })
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Text full of control characters is binary data whatever its name; a few stray NULs in a
/// real export are tolerated (and replaced).
fn check_text(preview: &str) -> Result<(), String> {
    let sample: Vec<char> = preview.chars().take(8192).collect();
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        .count();
    if control * 20 > sample.len() {
        return Err("looks like binary data, not a CSV or spreadsheet export".to_string());
    }
    Ok(())
}

fn is_workbook(input: &Input, bytes: &[u8]) -> bool {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    let by_name = match input {
        Input::Path(path) => path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["xlsx", "xlsm", "xlsb", "xls", "ods"]
                .iter()
                .any(|known| e.eq_ignore_ascii_case(known))
        }),
        _ => false,
    };
    by_name || bytes.starts_with(ZIP) || bytes.starts_with(OLE)
}

/// Reads the records of delimited text: the first ones to work out the layout, then the rest
/// straight into the builder.
fn stream_csv(
    input: TextInput,
    name: &str,
    options: &LoadOptions,
    threads: usize,
    dataset: &mut Dataset,
    state: &mut LoadState,
) -> Result<(), String> {
    let bytes_read = options.progress.as_ref().map(|p| Arc::clone(&p.bytes));
    let mut records = Records::new(input.reader, bytes_read, input.delimiter, input.mode);
    let mut head: Vec<Row> = Vec::new();
    let mut scratch = RecordText::default();
    while head.len() <= layout::CONTENT_SAMPLE {
        scratch.clear();
        let Some(line) = records.next(&mut scratch)? else {
            break;
        };
        let row = Row {
            line,
            fields: scratch.fields(0, 0).map(Cow::into_owned).collect(),
        };
        if !is_blank(&row) {
            head.push(row);
        }
    }
    let layout = Layout::new(&head, options)?;
    let encoding = |records: &Records<_>| {
        input
            .decoded_as
            .unwrap_or(records.decoder.encoding())
            .to_string()
    };
    let index = add_source(
        dataset,
        name,
        &layout,
        encoding(&records),
        Some(input.delimiter),
    );
    for &line in &input.replaced_lines {
        dataset.report.add(index, WarningKind::Replaced, line);
    }
    let skip = usize::from(layout.has_header);
    let mut data_rows = head.len() - skip;
    let build_options = BuildOptions {
        threads,
        progress: options.progress.as_deref(),
        size: input.size,
    };
    let result = build(dataset, &layout, index, build_options, state, |builder| {
        for (kind, line) in records.notes.drain(..) {
            builder.warn(kind, line);
        }
        head[skip..].iter().for_each(|row| builder.push_owned(row));
        loop {
            let text = builder.text();
            let (start, first) = (text.used, text.ends.len());
            let Some(line) = records.next(text)? else {
                return Ok(());
            };
            for (kind, line) in records.notes.drain(..) {
                builder.warn(kind, line);
            }
            if !builder.admit(line, start, first) {
                data_rows += 1;
            }
        }
    });
    dataset.sources[index].encoding = encoding(&records);
    finish_source(dataset, index, data_rows);
    result
}

fn add_source(
    dataset: &mut Dataset,
    name: &str,
    layout: &Layout,
    encoding: String,
    delimiter: Option<u8>,
) -> usize {
    dataset.sources.push(Source {
        name: name.to_string(),
        headers: layout.headers.clone(),
        roles: layout.roles.clone(),
        encoding,
        delimiter,
        has_header: layout.has_header,
        rows_read: 0,
        email_column: layout.email,
        implied_kind: layout.implied_kind,
        first_columns: [None; 9],
    });
    let index = dataset.sources.len() - 1;
    dataset.sources[index].index_roles();
    index
}

fn finish_source(dataset: &mut Dataset, index: usize, rows: usize) {
    dataset.sources[index].rows_read = rows;
    if rows == 0 {
        dataset.report.add(index, WarningKind::NoDataRows, 1);
    }
}

fn is_blank(row: &Row) -> bool {
    row.fields.iter().all(|f| f.trim().is_empty())
}

/// Turns an I/O error into words without Rust's `(os error 2)` noise.
fn io_words(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_lowercase(),
                None => text.to_lowercase(),
            }
        }
    }
}

/// Well-known binary formats, named so the message says what the file really is.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "a program (ELF binary)"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Byte offsets where lines start. A line ends at LF, CRLF, or a lone CR (classic Mac files),
/// as an editor counts them.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, byte) in bytes.iter().enumerate() {
        let ends_line = *byte == b'\n' || (*byte == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            starts.push(i + 1);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Dataset {
        let input = Input::Bytes {
            name: "test.csv".to_string(),
            bytes: Cow::Owned(text.as_bytes().to_vec()),
        };
        load(&[input], &LoadOptions::default()).expect("loads")
    }

    #[test]
    fn line_numbers_match_an_editor() {
        let text = "Email,Reason\r\na@x.com,550\r\n\r\nb@x.com,\"multi\nline\"\r\nc@x.com,n\r\n";
        let dataset = load_text(text);
        let lines: Vec<u64> = dataset.contacts().map(|c| c.line()).collect();
        assert_eq!(lines, vec![2, 4, 6]);
    }

    #[test]
    fn bad_rows_are_reported_by_line() {
        let text = "Email,Date\na@x.com,2026-01-02\n,2026-01-03\nb@x.com,someday\nc@x.com,2026-01-04,extra\n";
        let dataset = load_text(text);
        assert_eq!(dataset.len(), 3);
        let lines = dataset.report.lines(&dataset.sources);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("no address") && l.contains("line 3")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("date") && l.contains("line 4")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("number of fields") && l.contains("line 5")),
            "{lines:?}"
        );
    }

    #[test]
    fn reason_column_of_type_words_becomes_the_type() {
        let dataset = load_text(
            "EmailAddress,Reason,LastUpdateTime\na@x.com,BOUNCE,2026-04-01T12:00:00.000Z\nb@x.com,COMPLAINT,2026-04-01T12:00:00.000Z\n",
        );
        assert_eq!(
            dataset.contact(1).disposition(),
            crate::codes::Disposition::Complaint
        );
        assert!(dataset.contact(1).reason_text().is_empty());
    }

    #[test]
    fn headerless_lists_have_an_email_column() {
        let dataset = load_text("a@x.com\nb@y.org\n\nc@z.net\n");
        assert_eq!(dataset.len(), 3);
        assert!(!dataset.sources[0].has_header);
        assert_eq!(dataset.contact(2).domain(), "z.net");
    }

    #[test]
    fn missing_email_column_lists_the_headers() {
        let input = Input::Bytes {
            name: "x.csv".to_string(),
            bytes: Cow::Borrowed(b"Name,Reason\nAnn,550\n"),
        };
        let error = load(&[input], &LoadOptions::default()).expect_err("no email column");
        assert!(
            error.reason.contains("headers found: Name, Reason"),
            "{error}"
        );
    }
}
