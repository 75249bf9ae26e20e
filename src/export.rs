//! Writing contacts back out as CSV: the original columns untouched, then what bouncelens
//! worked out. The file is written beside its destination under a temporary name and renamed
//! into place, so a full disk or a killed process never leaves half a file, and the input is
//! never the destination.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::advice::recommend;
use crate::model::{ContactRef, Dataset};
use crate::render;

/// The columns added after the original ones. Suffixed so that re-loading an export never
/// mistakes them for the platform's own `Reason` or `Status` columns, and so a second export
/// replaces them instead of adding them twice.
pub const ADDED_COLUMNS: [&str; 7] = [
    "Disposition (bouncelens)",
    "Reason (bouncelens)",
    "Reply code (bouncelens)",
    "Status code (bouncelens)",
    "Meaning (bouncelens)",
    "Action (bouncelens)",
    "Suggestion (bouncelens)",
];

/// Writes `rows` (contact indices) as CSV to `out`; returns how many rows were written.
/// Files loaded together may have different columns: the header is every original column
/// in order of first appearance, and a contact leaves the columns its file lacked empty. A row
/// with more fields than its header (an unquoted comma in a reason) keeps them, in
/// `(extra field N)` columns, so nothing the file held is lost.
pub fn write_csv(dataset: &Dataset, rows: &[usize], out: impl Write) -> io::Result<usize> {
    let (mut headers, placement) = union_headers(dataset);
    let named = headers.len();
    let extras = rows
        .iter()
        .map(|&i| {
            let contact = dataset.contact(i);
            let width = dataset.sources[contact.source()].headers.len();
            contact.field_count().saturating_sub(width)
        })
        .max()
        .unwrap_or(0);
    headers.extend((1..=extras).map(|n| format!("(extra field {n})")));
    let mut writer = csv::WriterBuilder::new().flexible(false).from_writer(out);
    writer.write_record(headers.iter().map(String::as_str).chain(ADDED_COLUMNS))?;
    let mut record: Vec<String> = Vec::with_capacity(headers.len() + ADDED_COLUMNS.len());
    for &index in rows {
        let contact = dataset.contact(index);
        record.clear();
        record.resize(headers.len(), String::new());
        let columns = &placement[contact.source()];
        for (column, field) in contact.fields().enumerate() {
            let at = match columns.get(column) {
                Some(&at) => at,
                None => Some(named + column - columns.len()),
            };
            if let Some(at) = at {
                record[at] = field.to_string();
            }
        }
        record.extend(added_values(&contact));
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(rows.len())
}

/// The added columns' values for one contact, in [`ADDED_COLUMNS`] order.
fn added_values(contact: &ContactRef<'_>) -> [String; 7] {
    let recommendation = recommend(contact);
    [
        contact.disposition().to_string(),
        contact.reason().to_string(),
        contact.reply().map(|c| c.to_string()).unwrap_or_default(),
        contact.status().map(|c| c.to_string()).unwrap_or_default(),
        render::meaning(contact).unwrap_or_default().to_string(),
        recommendation.advice.to_string(),
        recommendation
            .suggestion
            .map(|s| s.address)
            .unwrap_or_default(),
    ]
}

/// Every file's original columns, merged by name, without columns a previous export added;
/// and per file, where each of its columns goes (`None`: dropped).
fn union_headers(dataset: &Dataset) -> (Vec<String>, Vec<Vec<Option<usize>>>) {
    let mut headers: Vec<String> = Vec::new();
    let placement = dataset
        .sources
        .iter()
        .map(|source| {
            source
                .headers
                .iter()
                .map(|header| {
                    if ADDED_COLUMNS.contains(&header.as_str()) {
                        return None;
                    }
                    let at = headers.iter().position(|h| h == header).unwrap_or_else(|| {
                        headers.push(header.clone());
                        headers.len() - 1
                    });
                    Some(at)
                })
                .collect()
        })
        .collect();
    (headers, placement)
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The destination exists; the caller asks before passing `replace`.
    Exists(PathBuf),
    /// The destination is one of the files being read.
    IsInput(PathBuf),
    /// The destination is a directory, a device or a pipe, which no export may replace.
    NotAFile(PathBuf),
    /// Writing failed; nothing was left behind.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Exists(path) => write!(f, "{} already exists", path.display()),
            SaveError::IsInput(path) => write!(
                f,
                "{} is an input file; bouncelens never writes over its input",
                path.display()
            ),
            SaveError::NotAFile(path) => {
                write!(f, "{} exists and is not a regular file", path.display())
            }
            SaveError::Io(path, error) => {
                write!(f, "could not write {}: {error}", path.display())
            }
        }
    }
}

/// Saves `rows` as CSV at `path`: refuses an input file, refuses an existing file unless
/// `replace`, writes a temporary file beside it and renames it into place. Starts with a
/// UTF-8 byte-order mark so spreadsheets read non-ASCII names correctly (bouncelens skips it
/// when loading).
pub fn save(
    dataset: &Dataset,
    rows: &[usize],
    path: &Path,
    inputs: &[PathBuf],
    replace: bool,
) -> Result<usize, SaveError> {
    if inputs.iter().any(|input| same_file(input, path)) {
        return Err(SaveError::IsInput(path.to_path_buf()));
    }
    if let Ok(existing) = fs::metadata(path) {
        if !existing.is_file() {
            return Err(SaveError::NotAFile(path.to_path_buf()));
        }
        if !replace {
            return Err(SaveError::Exists(path.to_path_buf()));
        }
    }
    let io_error = |error| SaveError::Io(path.to_path_buf(), error);
    let temporary = temporary_beside(path).map_err(io_error)?;
    let written = write_file(dataset, rows, &temporary.1)
        .and_then(|count| fs::rename(&temporary.0, path).map(|()| count));
    match written {
        Ok(count) => Ok(count),
        Err(error) => {
            let _ = fs::remove_file(&temporary.0);
            Err(io_error(error))
        }
    }
}

fn write_file(dataset: &Dataset, rows: &[usize], file: &File) -> io::Result<usize> {
    let mut out = BufWriter::new(file);
    out.write_all("\u{feff}".as_bytes())?;
    let count = write_csv(dataset, rows, &mut out)?;
    out.flush()?;
    file.sync_all()?;
    Ok(count)
}

/// Creates a new, empty file next to `path` (same directory, so the rename is atomic).
fn temporary_beside(path: &Path) -> io::Result<(PathBuf, File)> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy());
    for attempt in 0..100 {
        let candidate = directory.join(format!(
            ".{name}.bouncelens-{}-{attempt}.tmp",
            std::process::id()
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temporary name",
    ))
}

/// Whether two paths name the same file (through links and `..` too).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
