//! Files → model. Reads whatever a platform or a spreadsheet produced (CSV in any common
//! encoding and delimiter, or a workbook), finds the columns by name, and classifies every
//! row. Input files are only ever read.

mod columns;
mod dates;
mod decode;
mod sniff;
mod workbook;

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

pub use columns::looks_like_email;
pub use dates::parse_date;
pub use decode::encoding_by_name;

use crate::codes::classify::{Evidence, classify};
use crate::codes::extract::extract;
use crate::codes::rules::type_hint;
use crate::model::{Contact, Dataset, LoadReport, Role, Source, WarningKind};

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
    let mut seen = HashSet::new();
    for input in inputs {
        let name = input.name();
        let fail = |reason: String| LoadError {
            file: name.clone(),
            reason,
        };
        let bytes = read_input(input).map_err(fail)?;
        let table = read_table(input, bytes, options).map_err(fail)?;
        let source_index = dataset.sources.len();
        let layout = Layout::new(&table.rows, options).map_err(fail)?;
        let source = Source {
            name: name.clone(),
            headers: layout.headers.clone(),
            roles: layout.roles.clone(),
            encoding: table.encoding,
            delimiter: table.delimiter,
            has_header: layout.has_header,
            rows_read: table.rows.len() - usize::from(layout.has_header),
        };
        for &line in &table.replaced_lines {
            dataset
                .report
                .add(source_index, WarningKind::Replaced, line);
        }
        for &line in &table.long_quoted_lines {
            dataset
                .report
                .add(source_index, WarningKind::LongQuotedField, line);
        }
        dataset.sources.push(source);
        let body = &table.rows[usize::from(layout.has_header)..];
        if body.is_empty() {
            dataset.report.add(source_index, WarningKind::NoDataRows, 1);
        }
        for row in body {
            if let Some(contact) = build_contact(row, source_index, &layout, &mut dataset.report) {
                if !seen.insert(contact.email.to_lowercase()) {
                    dataset
                        .report
                        .add(source_index, WarningKind::Duplicate, row.line);
                }
                dataset.contacts.push(contact);
            }
        }
    }
    Ok(dataset)
}

fn read_input(input: &Input) -> Result<Vec<u8>, String> {
    match input {
        Input::Path(path) => read_path(path),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("could not read standard input: {}", io_words(&e)))?;
            Ok(bytes)
        }
        Input::Bytes { bytes, .. } => Ok(bytes.to_vec()),
    }
}

fn read_path(path: &Path) -> Result<Vec<u8>, String> {
    let metadata = std::fs::metadata(path).map_err(|e| io_words(&e))?;
    if metadata.is_dir() {
        return Err("is a directory, not a file".to_string());
    }
    std::fs::read(path).map_err(|e| io_words(&e))
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

/// A file's rows with how they were read.
struct Table {
    rows: Vec<Row>,
    encoding: String,
    delimiter: Option<u8>,
    replaced_lines: Vec<u64>,
    long_quoted_lines: Vec<u64>,
}

/// A quoted field spanning more lines than this is reported: real transcripts run to a dozen
/// lines, an unbalanced quote swallows the rest of the file.
const LONG_QUOTED_LINES: u64 = 50;

fn read_table(input: &Input, bytes: Vec<u8>, options: &LoadOptions) -> Result<Table, String> {
    if bytes.is_empty() {
        return Err("is empty".to_string());
    }
    if is_workbook(input, &bytes) {
        let sheet = workbook::read_sheet(bytes, options.sheet.as_deref())?;
        return Ok(Table {
            rows: sheet.rows.into_iter().filter(|r| !is_blank(r)).collect(),
            encoding: format!("spreadsheet, sheet '{}'", sheet.name),
            delimiter: None,
            replaced_lines: Vec::new(),
            long_quoted_lines: Vec::new(),
        });
    }
    if let Some(kind) = binary_kind(&bytes) {
        return Err(format!("is {kind}, not a CSV or spreadsheet export"));
    }
    let mut decoded = decode::decode(&bytes, options.encoding);
    drop(bytes);
    if let Some(kind) = binary_text(&decoded.text) {
        return Err(format!("{kind}, not a CSV or spreadsheet export"));
    }
    replace_nuls(&mut decoded);
    let delimiter = options
        .delimiter
        .or_else(|| sniff::sniff_delimiter(&decoded.text))
        .unwrap_or(b',');
    let line_starts = line_starts(&decoded.text);
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset) as u64;
    let replaced_lines = decoded
        .replaced_at
        .iter()
        .map(|&offset| line_of(offset))
        .fold(Vec::new(), |mut lines, line| {
            if lines.last() != Some(&line) {
                lines.push(line);
            }
            lines
        });
    let (rows, long_quoted_lines) = parse_csv(&decoded.text, delimiter, line_of)?;
    Ok(Table {
        rows,
        encoding: decoded.encoding.to_string(),
        delimiter: Some(delimiter),
        replaced_lines,
        long_quoted_lines,
    })
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

/// Text full of control characters is binary data whatever its name; a few stray NULs in a
/// real export are tolerated (and replaced).
fn binary_text(text: &str) -> Option<&'static str> {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        .count();
    (control * 20 > sample.len()).then_some("looks like binary data")
}

/// Replaces NUL bytes (which no export means to contain) with U+FFFD and counts them with the
/// decoding replacements. Each replacement is three bytes wide, so every recorded offset is
/// re-taken in the new text.
fn replace_nuls(decoded: &mut decode::Decoded) {
    if !decoded.text.contains('\0') {
        return;
    }
    let mut earlier = decoded.replaced_at.iter().copied().peekable();
    let mut offsets = Vec::new();
    let mut text = String::with_capacity(decoded.text.len() + 16);
    for (offset, c) in decoded.text.char_indices() {
        let was_replaced = earlier.next_if_eq(&offset).is_some();
        if c == '\0' || was_replaced {
            offsets.push(text.len());
        }
        text.push(if c == '\0' {
            char::REPLACEMENT_CHARACTER
        } else {
            c
        });
    }
    decoded.replaced_at = offsets;
    decoded.text = text;
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

/// RFC 4180 parsing by the `csv` crate, tolerant of ragged rows. Blank lines and rows of
/// empty fields (Excel's trailing `,,,`) are dropped here. Line numbers are computed from byte
/// offsets (the crate's own line count lags behind skipped line ends and blank lines), so the
/// load report points at the line a user sees in an editor.
fn parse_csv(
    text: &str,
    delimiter: u8,
    line_of: impl Fn(usize) -> u64,
) -> Result<(Vec<Row>, Vec<u64>), String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let mut rows: Vec<Row> = Vec::new();
    let mut long_quoted = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let before = reader.position().byte() as usize;
        let more = reader
            .read_record(&mut record)
            .map_err(|e| format!("could not be read as CSV: {e}"))?;
        if !more {
            break;
        }
        let start = before
            + bytes[before..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let end = (reader.position().byte() as usize).min(bytes.len());
        let line = line_of(start);
        let spanned = line_of(end.max(start)).saturating_sub(line);
        if spanned > LONG_QUOTED_LINES {
            long_quoted.push(line);
        }
        let row = Row {
            line,
            fields: record.iter().map(str::to_string).collect(),
        };
        if !is_blank(&row) {
            rows.push(row);
        }
    }
    Ok((rows, long_quoted))
}

fn is_blank(row: &Row) -> bool {
    row.fields.iter().all(|f| f.trim().is_empty())
}

/// How a table's columns are read: the headers, the roles and what is implied.
struct Layout {
    headers: Vec<String>,
    roles: Vec<(Role, usize)>,
    has_header: bool,
    email: usize,
    implied_kind: Option<&'static str>,
}

/// How many rows are looked at to recognise columns by their content.
const CONTENT_SAMPLE: usize = 500;

impl Layout {
    fn new(rows: &[Row], options: &LoadOptions) -> Result<Layout, String> {
        let first = rows
            .first()
            .ok_or_else(|| "has no rows (only blank lines)".to_string())?;
        let has_header = !options.columns.is_empty() || is_header(&first.fields);
        let width = rows.iter().map(|r| r.fields.len()).max().unwrap_or(0);
        let headers: Vec<String> = if has_header {
            first.fields.iter().map(|h| h.trim().to_string()).collect()
        } else {
            (1..=width).map(|i| format!("column {i}")).collect()
        };
        let body = &rows[usize::from(has_header)..];
        let mut roles = columns::map_headers(&headers);
        apply_overrides(&mut roles, &headers, &options.columns)?;
        if !roles.iter().any(|(r, _)| *r == Role::Email) {
            let found = email_column_by_content(body, width).ok_or_else(|| {
                if has_header {
                    format!(
                        "has no column that looks like an email address (headers found: {}); \
                         name it with --column email=HEADER",
                        headers.join(", ")
                    )
                } else {
                    "has no column that looks like an email address".to_string()
                }
            })?;
            roles.push((Role::Email, found));
        }
        let mut headers = headers;
        if !has_header {
            name_generated_headers(&mut headers, &roles);
        }
        reassign_type_columns(&mut roles, body);
        roles.sort();
        let email = roles
            .iter()
            .find(|(r, _)| *r == Role::Email)
            .map(|(_, c)| *c)
            .expect("an email column was found or the load failed above");
        let implied_kind = if roles.iter().any(|(r, _)| *r == Role::Kind) {
            None
        } else {
            columns::implied_kind(&headers)
        };
        Ok(Layout {
            headers,
            roles,
            has_header,
            email,
            implied_kind,
        })
    }

    fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().find(|(r, _)| *r == role).map(|(_, c)| *c)
    }
}

/// A first row is a header when it names a known column, or when none of its cells is an
/// address (a one-column address list has no header).
fn is_header(fields: &[String]) -> bool {
    let names_a_role = fields.iter().any(|f| columns::role_for_header(f).is_some());
    names_a_role || !fields.iter().any(|f| looks_like_email(f))
}

fn apply_overrides(
    roles: &mut Vec<(Role, usize)>,
    headers: &[String],
    overrides: &[(Role, String)],
) -> Result<(), String> {
    for (role, wanted) in overrides {
        let folded = columns::fold(wanted);
        let column = headers
            .iter()
            .position(|h| h == wanted)
            .or_else(|| headers.iter().position(|h| columns::fold(h) == folded))
            .ok_or_else(|| {
                format!(
                    "has no column named '{wanted}' for --column {}= (headers found: {})",
                    role.as_str(),
                    headers.join(", ")
                )
            })?;
        roles.retain(|(r, c)| r != role && *c != column);
        roles.push((*role, column));
    }
    Ok(())
}

/// The column where most values are addresses, for files whose header does not say.
fn email_column_by_content(body: &[Row], width: usize) -> Option<usize> {
    (0..width)
        .map(|column| {
            let values = body
                .iter()
                .take(CONTENT_SAMPLE)
                .filter_map(|r| r.fields.get(column))
                .filter(|v| !v.trim().is_empty());
            let (total, emails) = values.fold((0, 0), |(t, e), v| {
                (t + 1, e + usize::from(looks_like_email(v)))
            });
            (column, total, emails)
        })
        .filter(|&(_, total, emails)| total > 0 && emails * 2 >= total)
        .max_by_key(|&(_, _, emails)| emails)
        .map(|(column, _, _)| column)
}

fn name_generated_headers(headers: &mut [String], roles: &[(Role, usize)]) {
    for (role, column) in roles {
        if *role == Role::Email
            && let Some(header) = headers.get_mut(*column)
        {
            *header = "Email".to_string();
        }
    }
}

/// A "Reason" or "Status" column whose values are words like `Hard Bounce`, `COMPLAINT` or
/// `hardBounce` is really the type column (Amazon SES, Brevo).
fn reassign_type_columns(roles: &mut [(Role, usize)], body: &[Row]) {
    if roles.iter().any(|(r, _)| *r == Role::Kind) {
        return;
    }
    let candidate = roles.iter().position(|&(role, column)| {
        matches!(role, Role::Reason | Role::Code) && mostly_type_words(body, column)
    });
    if let Some(index) = candidate {
        roles[index].0 = Role::Kind;
    }
}

fn mostly_type_words(body: &[Row], column: usize) -> bool {
    let values = body
        .iter()
        .take(CONTENT_SAMPLE)
        .filter_map(|r| r.fields.get(column))
        .filter(|v| !v.trim().is_empty());
    let (total, words) = values.fold((0, 0), |(t, w), v| {
        (t + 1, w + usize::from(type_hint(v).is_some()))
    });
    total > 0 && words * 5 >= total * 4
}

fn build_contact(
    row: &Row,
    source: usize,
    layout: &Layout,
    report: &mut LoadReport,
) -> Option<Contact> {
    let field = |column: usize| row.fields.get(column).map_or("", |f| f.trim());
    let role_field = |role: Role| layout.column(role).map_or("", field);
    if row.fields.len() != layout.headers.len() {
        report.add(source, WarningKind::Ragged, row.line);
    }
    let email = field(layout.email);
    if email.is_empty() {
        report.add(source, WarningKind::NoAddress, row.line);
        return None;
    }
    if !looks_like_email(email) {
        report.add(source, WarningKind::NotAnAddress, row.line);
    }
    let reason_text = reason_text(row, layout);
    let kind = match role_field(Role::Kind) {
        "" => layout.implied_kind.unwrap_or_default(),
        kind => kind,
    };
    let date_text = role_field(Role::Date);
    let date = parse_date(date_text);
    if date.is_none() && !date_text.is_empty() {
        report.add(source, WarningKind::BadDate, row.line);
    }
    let codes = extract(role_field(Role::Code)).merged_with(extract(&reason_text));
    let class = classify(Evidence {
        kind: (!kind.is_empty()).then_some(kind),
        codes: &codes,
        text: &reason_text,
    });
    Some(Contact {
        source,
        line: row.line,
        fields: row.fields.clone(),
        email: email.to_string(),
        domain: domain_of(email),
        name: display_name(
            role_field(Role::FullName),
            role_field(Role::FirstName),
            role_field(Role::LastName),
        ),
        company: role_field(Role::Company).to_string(),
        kind: kind.to_string(),
        reason_text,
        date,
        codes,
        class,
    })
}

fn reason_text(row: &Row, layout: &Layout) -> String {
    let parts: Vec<&str> = layout
        .roles
        .iter()
        .filter(|(r, _)| *r == Role::Reason)
        .filter_map(|(_, c)| row.fields.get(*c))
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .collect();
    parts.join(" | ")
}

/// The domain part, lower-cased, without the stray `>` or `.` that pasted addresses carry.
pub fn domain_of(email: &str) -> String {
    email
        .rsplit_once('@')
        .map(|(_, domain)| {
            domain
                .trim()
                .trim_end_matches(['>', '.', ',', ';'])
                .to_lowercase()
        })
        .unwrap_or_default()
}

fn display_name(full: &str, first: &str, last: &str) -> String {
    if !full.is_empty() {
        return full.to_string();
    }
    match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first} {last}"),
        (false, true) => first.to_string(),
        (true, false) => last.to_string(),
        (true, true) => String::new(),
    }
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
        let lines: Vec<u64> = dataset.contacts.iter().map(|c| c.line).collect();
        assert_eq!(lines, vec![2, 4, 6]);
    }

    #[test]
    fn bad_rows_are_reported_by_line() {
        let text = "Email,Date\na@x.com,2026-01-02\n,2026-01-03\nb@x.com,someday\nc@x.com,2026-01-04,extra\n";
        let dataset = load_text(text);
        assert_eq!(dataset.contacts.len(), 3);
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
            dataset.contacts[1].disposition(),
            crate::codes::Disposition::Complaint
        );
        assert!(dataset.contacts[1].reason_text.is_empty());
    }

    #[test]
    fn headerless_lists_have_an_email_column() {
        let dataset = load_text("a@x.com\nb@y.org\n\nc@z.net\n");
        assert_eq!(dataset.contacts.len(), 3);
        assert!(!dataset.sources[0].has_header);
        assert_eq!(dataset.contacts[2].domain, "z.net");
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
