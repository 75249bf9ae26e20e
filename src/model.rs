//! The in-memory model every view reads: contacts with their original fields, the codes found
//! in them and the verdict, plus what the load noticed along the way.

use chrono::NaiveDate;

use crate::codes::classify::Classification;
use crate::codes::extract::Codes;
use crate::codes::{Disposition, Reason};

/// What a column holds, as far as bouncelens cares. Columns with no role are kept and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The recipient address.
    Email,
    /// Given name.
    FirstName,
    /// Family name.
    LastName,
    /// A whole name in one column.
    FullName,
    /// Employer or organisation.
    Company,
    /// The server's diagnostic or the platform's description.
    Reason,
    /// A bounce code (`550`, `5.1.1`).
    Code,
    /// The platform's own type (`Hard Bounce`, `Unsubscribed`, `COMPLAINT`).
    Kind,
    /// When the address was suppressed.
    Date,
}

impl Role {
    /// Every role, in the order they are reported.
    pub const ALL: [Role; 9] = [
        Role::Email,
        Role::FirstName,
        Role::LastName,
        Role::FullName,
        Role::Company,
        Role::Reason,
        Role::Code,
        Role::Kind,
        Role::Date,
    ];

    /// The name used with `--column role=Header`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Email => "email",
            Role::FirstName => "first-name",
            Role::LastName => "last-name",
            Role::FullName => "full-name",
            Role::Company => "company",
            Role::Reason => "reason",
            Role::Code => "code",
            Role::Kind => "type",
            Role::Date => "date",
        }
    }

    /// Parses the name used with `--column role=Header`.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// One loaded file: enough to show where a contact came from and to write it back out with its
/// original columns.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or `sample` / `stdin`).
    pub name: String,
    /// Column headers as in the file; generated (`column 1`) for headerless files.
    pub headers: Vec<String>,
    /// Which column serves which role: `(role, column index)`; a role may have several
    /// columns (Postmark has both `Description` and `Details`).
    pub roles: Vec<(Role, usize)>,
    /// How the bytes were decoded, e.g. `UTF-8`, `UTF-16LE`, `windows-1252`, `xlsx`.
    pub encoding: String,
    /// The field delimiter, or `None` for spreadsheets.
    pub delimiter: Option<u8>,
    /// Whether the first row was a header.
    pub has_header: bool,
    /// Data rows read (blank lines excluded), kept or not.
    pub rows_read: usize,
}

impl Source {
    /// The columns that hold `role`, in file order.
    pub fn columns_for(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.roles
            .iter()
            .filter(move |(r, _)| *r == role)
            .map(|(_, column)| *column)
    }

    /// The role of a column, if it has one.
    pub fn role_of(&self, column: usize) -> Option<Role> {
        self.roles
            .iter()
            .find(|(_, c)| *c == column)
            .map(|(role, _)| *role)
    }
}

/// One suppressed address with everything known about it.
#[derive(Debug, Clone)]
pub struct Contact {
    /// Index into [`Dataset::sources`].
    pub source: usize,
    /// The line in the file where the row starts (1-based, header included).
    pub line: u64,
    /// Every field of the row as read, in column order (including unrecognised ones).
    pub fields: Vec<String>,
    /// The address, trimmed.
    pub email: String,
    /// The part after the last `@`, lower-cased; empty when there is none.
    pub domain: String,
    /// The person's name for display (full name, or first and last joined).
    pub name: String,
    /// Employer, if given.
    pub company: String,
    /// The platform's type value, if any.
    pub kind: String,
    /// The reason text as in the file (several reason columns joined with ` | `).
    pub reason_text: String,
    /// When it was suppressed, if the date could be read.
    pub date: Option<NaiveDate>,
    /// Codes from the code column and the reason text.
    pub codes: Codes,
    /// The verdict.
    pub class: Classification,
}

impl Contact {
    /// Shorthand for the disposition, the field most views group by.
    pub fn disposition(&self) -> Disposition {
        self.class.disposition
    }

    /// Shorthand for the reason category.
    pub fn reason(&self) -> Reason {
        self.class.reason
    }
}

/// Something the load noticed that the user should know about; never fatal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WarningKind {
    /// Rows with no address were skipped.
    NoAddress,
    /// Rows whose number of fields differs from the header were kept as they were.
    Ragged,
    /// Dates that could not be read were left empty.
    BadDate,
    /// Bytes that did not decode were replaced with U+FFFD.
    Replaced,
    /// Addresses seen before (the rows were kept).
    Duplicate,
    /// Values in the email column that do not look like an address (kept).
    NotAnAddress,
    /// A quoted field ran on for many lines: probably an unbalanced quote.
    LongQuotedField,
    /// The file has a header but no data rows (an empty complaints export, say).
    NoDataRows,
}

impl WarningKind {
    /// A phrase completing "N rows …".
    pub fn describe(self) -> &'static str {
        match self {
            WarningKind::NoAddress => "skipped: no address",
            WarningKind::Ragged => "with an unexpected number of fields (kept)",
            WarningKind::BadDate => "with a date that could not be read (kept)",
            WarningKind::Replaced => {
                "with unreadable characters: invalid bytes or NULs (replaced with �)"
            }
            WarningKind::Duplicate => "repeat an address seen earlier (kept)",
            WarningKind::NotAnAddress => "hold something that is not an email address (kept)",
            WarningKind::LongQuotedField => {
                "start a quoted field spanning many lines: check for an unbalanced quote"
            }
            WarningKind::NoDataRows => "has a header but no data rows",
        }
    }
}

/// How many lines of each warning are listed before "…".
pub const LINES_LISTED: usize = 10;

/// All rows of one kind of trouble in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Index into [`Dataset::sources`].
    pub source: usize,
    /// What went wrong.
    pub kind: WarningKind,
    /// How many rows.
    pub count: usize,
    /// The first [`LINES_LISTED`] line numbers.
    pub lines: Vec<u64>,
}

/// What the load noticed, grouped so that a million bad rows make one line, not a million.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// One entry per (file, kind), in the order first seen.
    pub warnings: Vec<Warning>,
}

impl LoadReport {
    /// Records one affected line.
    pub fn add(&mut self, source: usize, kind: WarningKind, line: u64) {
        let found = self
            .warnings
            .iter_mut()
            .find(|w| w.source == source && w.kind == kind);
        let warning = match found {
            Some(warning) => warning,
            None => {
                self.warnings.push(Warning {
                    source,
                    kind,
                    count: 0,
                    lines: Vec::new(),
                });
                self.warnings.last_mut().expect("just pushed")
            }
        };
        warning.count += 1;
        if warning.lines.len() < LINES_LISTED {
            warning.lines.push(line);
        }
    }

    /// Rows dropped from the model.
    pub fn skipped(&self) -> usize {
        self.warnings
            .iter()
            .filter(|w| w.kind == WarningKind::NoAddress)
            .map(|w| w.count)
            .sum()
    }

    /// One line per warning, naming the file: `a.csv: 3 rows skipped: no address (lines 4, 9, 12)`.
    pub fn lines(&self, sources: &[Source]) -> Vec<String> {
        self.warnings
            .iter()
            .map(|w| {
                let name = sources.get(w.source).map_or("?", |s| s.name.as_str());
                if w.kind == WarningKind::NoDataRows {
                    return format!("{name}: {}", w.kind.describe());
                }
                let rows = if w.count == 1 { "row" } else { "rows" };
                let listed: Vec<String> = w.lines.iter().map(u64::to_string).collect();
                let more = if w.count > w.lines.len() { ", …" } else { "" };
                let label = if w.lines.len() == 1 { "line" } else { "lines" };
                format!(
                    "{name}: {} {rows} {} ({label} {}{more})",
                    w.count,
                    w.kind.describe(),
                    listed.join(", ")
                )
            })
            .collect()
    }
}

/// Everything loaded: the contacts from every file, the files, and the report.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Every kept contact, in file order (files in the order given).
    pub contacts: Vec<Contact>,
    /// The files read.
    pub sources: Vec<Source>,
    /// Warnings from the load.
    pub report: LoadReport,
}

impl Dataset {
    /// The file a contact came from.
    pub fn source_of(&self, contact: &Contact) -> &Source {
        &self.sources[contact.source]
    }

    /// A comma-joined list of the files, for status lines.
    pub fn source_names(&self) -> String {
        let names: Vec<&str> = self.sources.iter().map(|s| s.name.as_str()).collect();
        names.join(", ")
    }
}
