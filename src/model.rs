//! The in-memory model every view reads: contacts with their original fields, the codes found
//! in them and the verdict, plus what the load noticed along the way.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::codes::classify::{Basis, Classification};
use crate::codes::extract::Codes;
use crate::codes::rules::TEXT_RULES;
use crate::codes::{Disposition, Reason, ReplyCode, StatusCode};

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
    /// The column holding the address.
    pub email_column: usize,
    /// The type the headers imply when there is no type column (Mailchimp's exports).
    pub implied_kind: Option<&'static str>,
    /// The first column of each role, in [`Role::ALL`] order (which is declaration order, so
    /// `role as usize` is the slot), for lookups on every row.
    pub(crate) first_columns: [Option<usize>; 9],
}

impl Source {
    /// Fills the per-role lookup from [`Source::roles`].
    pub(crate) fn index_roles(&mut self) {
        self.first_columns = Role::ALL.map(|role| self.columns_for(role).next());
    }

    /// The first column holding `role`.
    pub fn first_column(&self, role: Role) -> Option<usize> {
        self.first_columns[role as usize]
    }

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

/// One contact as stored: a few numbers per row, so a million rows fit in little more memory
/// than the file itself. Its text lives in the dataset's arena; read it through [`ContactRef`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Contact {
    /// Where the row's text starts in its chunk.
    pub(crate) row_start: u32,
    /// Index of the row's first field in its chunk's field table.
    pub(crate) first_field: u32,
    /// The line in the file where the row starts (1-based, header included).
    pub(crate) line: u32,
    /// Interned lower-case domain.
    pub(crate) domain: u32,
    /// Days since 1970-01-01, or [`NO_DATE`].
    pub(crate) date: i32,
    /// Index into [`Dataset::sources`].
    pub(crate) source: u16,
    /// The main reply code, packed by [`pack_reply`].
    pub(crate) reply: u16,
    /// The main status code, packed by [`pack_status`].
    pub(crate) status: u16,
    /// The verdict, packed.
    pub(crate) class: PackedClass,
    /// [`EXTRA_CODES`], [`ADDRESS_FIXABLE`], [`ADDRESS_INVALID`].
    pub(crate) flags: u8,
}

/// More codes than the main ones were found (kept in [`Dataset::extra_codes`]).
pub(crate) const EXTRA_CODES: u8 = 1;
/// The typo check proposes a corrected address (recomputed on demand: it is rare).
pub(crate) const ADDRESS_FIXABLE: u8 = 2;
/// The address is not valid and nothing confident can be proposed.
pub(crate) const ADDRESS_INVALID: u8 = 4;

/// What the typo check made of an address, kept per contact so grouping by next step needs no
/// text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressState {
    /// Well-formed, and not a likely misspelling.
    Valid,
    /// A correction is proposed ([`ContactRef::suggestion`]).
    Fixable,
    /// Malformed beyond a confident correction.
    Invalid,
}

impl AddressState {
    /// Reads the state back from a contact's flags.
    pub(crate) fn from_flags(flags: u8) -> AddressState {
        if flags & ADDRESS_FIXABLE != 0 {
            AddressState::Fixable
        } else if flags & ADDRESS_INVALID != 0 {
            AddressState::Invalid
        } else {
            AddressState::Valid
        }
    }

    /// The flag bits for a check's outcome.
    pub(crate) fn flags(check: &crate::typo::Check) -> u8 {
        match check {
            crate::typo::Check::Valid => 0,
            crate::typo::Check::Fix(_) => ADDRESS_FIXABLE,
            crate::typo::Check::Invalid(_) => ADDRESS_INVALID,
        }
    }
}

/// Marks a contact without a readable date.
pub(crate) const NO_DATE: i32 = i32::MIN;

/// A [`Classification`] in six bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PackedClass {
    disposition: u8,
    reason: u8,
    disposition_basis: u8,
    reason_basis: u8,
    content_says: u8,
}

const BASIS_NOTHING: u8 = 0;
const BASIS_TYPE: u8 = 1;
const BASIS_STATUS: u8 = 2;
const BASIS_REPLY: u8 = 3;
const BASIS_RULE: u8 = 4;
const NO_DISPOSITION: u8 = u8::MAX;

impl PackedClass {
    /// Packs a verdict; the codes a basis names are the contact's main codes, stored beside it.
    pub(crate) fn pack(class: &Classification) -> PackedClass {
        PackedClass {
            disposition: disposition_index(class.disposition),
            reason: reason_index(class.reason),
            disposition_basis: pack_basis(class.disposition_basis),
            reason_basis: pack_basis(class.reason_basis),
            content_says: class.content_says.map_or(NO_DISPOSITION, disposition_index),
        }
    }

    /// The disposition's position in [`Disposition::ALL`].
    pub(crate) fn disposition_slot(self) -> usize {
        usize::from(self.disposition)
    }

    /// The reason's position in [`Reason::ALL`].
    pub(crate) fn reason_slot(self) -> usize {
        usize::from(self.reason)
    }

    /// The disposition alone, without unpacking the rest.
    pub(crate) fn disposition(self) -> Disposition {
        Disposition::ALL[self.disposition_slot()]
    }

    /// The reason alone, without unpacking the rest.
    pub(crate) fn reason(self) -> Reason {
        Reason::ALL[self.reason_slot()]
    }

    fn unpack(self, reply: Option<ReplyCode>, status: Option<StatusCode>) -> Classification {
        Classification {
            disposition: Disposition::ALL[usize::from(self.disposition)],
            reason: Reason::ALL[usize::from(self.reason)],
            disposition_basis: unpack_basis(self.disposition_basis, reply, status),
            reason_basis: unpack_basis(self.reason_basis, reply, status),
            content_says: Disposition::ALL
                .get(usize::from(self.content_says))
                .copied(),
        }
    }
}

fn disposition_index(disposition: Disposition) -> u8 {
    Disposition::ALL
        .iter()
        .position(|d| *d == disposition)
        .unwrap_or(0) as u8
}

fn reason_index(reason: Reason) -> u8 {
    Reason::ALL.iter().position(|r| *r == reason).unwrap_or(0) as u8
}

fn pack_basis(basis: Basis) -> u8 {
    match basis {
        Basis::Nothing => BASIS_NOTHING,
        Basis::TypeColumn => BASIS_TYPE,
        Basis::Status(_) => BASIS_STATUS,
        Basis::Reply(_) => BASIS_REPLY,
        Basis::Text(rule) => {
            let index = TEXT_RULES
                .iter()
                .position(|r| std::ptr::eq(r, rule))
                .unwrap_or(0);
            BASIS_RULE + index as u8
        }
    }
}

fn unpack_basis(packed: u8, reply: Option<ReplyCode>, status: Option<StatusCode>) -> Basis {
    match packed {
        BASIS_TYPE => Basis::TypeColumn,
        BASIS_STATUS => status.map_or(Basis::Nothing, Basis::Status),
        BASIS_REPLY => reply.map_or(Basis::Nothing, Basis::Reply),
        BASIS_NOTHING => Basis::Nothing,
        rule => TEXT_RULES
            .get(usize::from(rule - BASIS_RULE))
            .map_or(Basis::Nothing, Basis::Text),
    }
}

/// A reply code as a number plus one (0 means none): `000` must stay distinct from "no code".
pub(crate) fn pack_reply(reply: Option<ReplyCode>) -> u16 {
    reply.map_or(0, |code| code.as_str().parse::<u16>().map_or(0, |n| n + 1))
}

pub(crate) fn unpack_reply(packed: u16) -> Option<ReplyCode> {
    ReplyCode::from_number(packed.checked_sub(1)?)
}

/// A status code in 16 bits: class (3), subject (3), detail (10); all ones means none.
pub(crate) fn pack_status(status: Option<StatusCode>) -> u16 {
    status.map_or(u16::MAX, |s| {
        (u16::from(s.class) << 13) | (u16::from(s.subject) << 10) | s.detail
    })
}

pub(crate) fn unpack_status(packed: u16) -> Option<StatusCode> {
    if packed == u16::MAX {
        return None;
    }
    StatusCode::new(
        (packed >> 13) as u8,
        ((packed >> 10) & 0b111) as u8,
        packed & 0x3FF,
    )
}

/// Days since the Unix epoch, the packed form of a date.
pub(crate) fn pack_date(date: Option<NaiveDate>) -> i32 {
    date.map_or(NO_DATE, |d| d.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE)
}

/// 1970-01-01 counted from the first day of the common era, as chrono counts it.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

pub(crate) fn unpack_date(days: i32) -> Option<NaiveDate> {
    if days == NO_DATE {
        return None;
    }
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(i64::from(days)))
}

/// A run of rows' text: every field of every row, back to back, with where each ends.
/// Rows are read in chunks so the loader can classify one chunk while reading the next.
#[derive(Debug, Default)]
pub(crate) struct Chunk {
    /// The fields' text.
    pub(crate) text: String,
    /// Where each field ends, counted from the start of its row.
    pub(crate) ends: Ends,
}

/// Field ends relative to their row: two bytes each when every row of the chunk is shorter
/// than 64 KiB (always, but for freak fields), four otherwise.
#[derive(Debug)]
pub(crate) enum Ends {
    /// Rows under 64 KiB.
    Narrow(Vec<u16>),
    /// Any row length.
    Wide(Vec<u32>),
}

impl Default for Ends {
    fn default() -> Self {
        Ends::Wide(Vec::new())
    }
}

impl Ends {
    /// Packs relative ends, as narrow as they allow.
    pub(crate) fn packed(ends: Vec<u32>) -> Ends {
        if ends.iter().all(|&end| end <= u32::from(u16::MAX)) {
            Ends::Narrow(ends.into_iter().map(|end| end as u16).collect())
        } else {
            let mut ends = ends;
            ends.shrink_to_fit();
            Ends::Wide(ends)
        }
    }

    /// How many fields.
    pub(crate) fn len(&self) -> usize {
        match self {
            Ends::Narrow(ends) => ends.len(),
            Ends::Wide(ends) => ends.len(),
        }
    }

    fn get(&self, index: usize) -> usize {
        match self {
            Ends::Narrow(ends) => usize::from(ends[index]),
            Ends::Wide(ends) => ends[index] as usize,
        }
    }
}

impl Chunk {
    /// Field `index` of the row that starts at byte `row_start` with field `first`.
    pub(crate) fn field(&self, row_start: usize, first: usize, index: usize) -> &str {
        let start = if index == first {
            0
        } else {
            self.ends.get(index - 1)
        };
        &self.text[row_start + start..row_start + self.ends.get(index)]
    }
}

/// Iterator over every contact, in file order.
#[derive(Clone)]
pub struct Contacts<'a> {
    dataset: &'a Dataset,
    index: usize,
    chunk: usize,
}

impl<'a> Iterator for Contacts<'a> {
    type Item = ContactRef<'a>;

    fn next(&mut self) -> Option<ContactRef<'a>> {
        let dataset = self.dataset;
        let index = self.index;
        if index >= dataset.contacts.len() {
            return None;
        }
        while dataset
            .chunk_starts
            .get(self.chunk + 1)
            .is_some_and(|&start| start as usize <= index)
        {
            self.chunk += 1;
        }
        self.index += 1;
        Some(dataset.view(index, self.chunk))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.dataset.contacts.len() - self.index;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Contacts<'_> {}

/// A view of one contact: its fields and verdict, read from the dataset's compact storage.
#[derive(Clone, Copy)]
pub struct ContactRef<'a> {
    dataset: &'a Dataset,
    index: usize,
    /// Where the row's fields are, found once when the view is made.
    chunk: &'a Chunk,
    /// The file it came from, found once too: every field read by role asks it for a column.
    source: &'a Source,
    row_start: usize,
    first: usize,
    count: usize,
}

impl std::fmt::Debug for ContactRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contact")
            .field("index", &self.index)
            .field("email", &self.email())
            .field("line", &self.line())
            .finish()
    }
}

impl<'a> ContactRef<'a> {
    fn stored(&self) -> &'a Contact {
        &self.dataset.contacts[self.index]
    }

    /// The contact's position in the dataset.
    pub fn index(&self) -> usize {
        self.index
    }

    /// Index into [`Dataset::sources`].
    pub fn source(&self) -> usize {
        usize::from(self.stored().source)
    }

    /// The file the contact came from.
    pub fn source_info(&self) -> &'a Source {
        self.source
    }

    /// The line in the file where the row starts (1-based, header included).
    pub fn line(&self) -> u64 {
        u64::from(self.stored().line)
    }

    /// How many fields the row has (ragged rows may have more or fewer than the header).
    pub fn field_count(&self) -> usize {
        self.count
    }

    /// Field `column` as in the file (untrimmed), or `""` when the row is shorter.
    pub fn field(&self, column: usize) -> &'a str {
        if column >= self.count {
            return "";
        }
        self.chunk
            .field(self.row_start, self.first, self.first + column)
    }

    /// Reads the row's field table and first two cache lines, returning a byte of them: a
    /// search warms a batch of rows before scoring any, so their trips to memory overlap
    /// instead of following one another. At a million contacts that took 8% off `jsmith`, a
    /// quarter off `john.smith@gm` and a third off `xyz`.
    pub(crate) fn warm(&self) -> u8 {
        let text = self.chunk.text.as_bytes();
        let end = match self.count {
            0 => 0,
            _ => self.chunk.ends.get(self.first),
        };
        let line = |offset: usize| text.get(self.row_start + offset).copied().unwrap_or(0);
        line(0) ^ line(64) ^ end as u8
    }

    /// Every field in column order.
    pub fn fields(&self) -> impl Iterator<Item = &'a str> + 'a {
        let this = *self;
        (0..self.field_count()).map(move |column| this.field(column))
    }

    fn role_field(&self, role: Role) -> &'a str {
        self.source_info()
            .first_column(role)
            .map_or("", |column| self.field(column).trim())
    }

    /// The address, trimmed.
    pub fn email(&self) -> &'a str {
        self.field(self.source_info().email_column).trim()
    }

    /// The part after the last `@`, lower-cased; empty when there is none.
    pub fn domain(&self) -> &'a str {
        &self.dataset.domains[self.stored().domain as usize]
    }

    /// The person's name for display: the full-name column, or first and last joined.
    pub fn name(&self) -> Cow<'a, str> {
        let full = self.role_field(Role::FullName);
        if !full.is_empty() {
            return Cow::Borrowed(full);
        }
        let first = self.role_field(Role::FirstName);
        let last = self.role_field(Role::LastName);
        match (first.is_empty(), last.is_empty()) {
            (false, false) => Cow::Owned(format!("{first} {last}")),
            (false, true) => Cow::Borrowed(first),
            (true, false) => Cow::Borrowed(last),
            (true, true) => Cow::Borrowed(""),
        }
    }

    /// The name as its displayed pieces, the full name or first and last (shown with a space
    /// between when both are present): sorting a million names compares these in place
    /// instead of building a string each.
    pub fn name_parts(&self) -> (&'a str, &'a str) {
        let full = self.role_field(Role::FullName);
        if !full.is_empty() {
            return (full, "");
        }
        (
            self.role_field(Role::FirstName),
            self.role_field(Role::LastName),
        )
    }

    /// Appends the name (as [`ContactRef::name`]) to `out` without allocating: searches read
    /// every contact's name.
    pub fn push_name(&self, out: &mut String) {
        let full = self.role_field(Role::FullName);
        if !full.is_empty() {
            out.push_str(full);
            return;
        }
        let first = self.role_field(Role::FirstName);
        let last = self.role_field(Role::LastName);
        out.push_str(first);
        if !first.is_empty() && !last.is_empty() {
            out.push(' ');
        }
        out.push_str(last);
    }

    /// Employer, if given.
    pub fn company(&self) -> &'a str {
        self.role_field(Role::Company)
    }

    /// The platform's type value, or the type the file's headers imply (Mailchimp's
    /// unsubscribe export), or `""`.
    pub fn kind(&self) -> &'a str {
        match self.role_field(Role::Kind) {
            "" => self.source_info().implied_kind.unwrap_or_default(),
            kind => kind,
        }
    }

    /// The reason text as in the file; several reason columns are joined with ` | `.
    pub fn reason_text(&self) -> Cow<'a, str> {
        let mut parts = self
            .source_info()
            .columns_for(Role::Reason)
            .map(|column| self.field(column).trim())
            .filter(|text| !text.is_empty());
        let Some(first) = parts.next() else {
            return Cow::Borrowed("");
        };
        match parts.next() {
            None => Cow::Borrowed(first),
            Some(second) => {
                let mut joined = format!("{first} | {second}");
                for part in parts {
                    joined.push_str(" | ");
                    joined.push_str(part);
                }
                Cow::Owned(joined)
            }
        }
    }

    /// When it was suppressed, if the date could be read.
    pub fn date(&self) -> Option<NaiveDate> {
        unpack_date(self.stored().date)
    }

    /// The main reply code.
    pub fn reply(&self) -> Option<ReplyCode> {
        unpack_reply(self.stored().reply)
    }

    /// The main enhanced status code.
    pub fn status(&self) -> Option<StatusCode> {
        unpack_status(self.stored().status)
    }

    /// The code shown in lists: the enhanced code when there is one, else the reply code.
    pub fn main_code(&self) -> String {
        self.status()
            .map(|s| s.to_string())
            .or(self.reply().map(|r| r.to_string()))
            .unwrap_or_default()
    }

    /// Every code found, main ones first.
    pub fn codes(&self) -> Codes {
        let stored = self.stored();
        if stored.flags & EXTRA_CODES != 0
            && let Some(codes) = self.dataset.extra_codes.get(&(self.index as u32))
        {
            return codes.clone();
        }
        Codes {
            reply: self.reply(),
            status: self.status(),
            other_replies: Vec::new(),
            other_statuses: Vec::new(),
        }
    }

    /// What the typo check made of the address.
    pub fn address_state(&self) -> AddressState {
        AddressState::from_flags(self.stored().flags)
    }

    /// The proposed correction of the address, when the typo check has one.
    pub fn suggestion(&self) -> Option<crate::typo::Suggestion> {
        (self.address_state() == AddressState::Fixable)
            .then(|| crate::typo::suggest(self.email()))
            .flatten()
    }

    /// Why the address is malformed, when it is and nothing can be proposed.
    pub fn invalid_because(&self) -> Option<&'static str> {
        match crate::typo::check(self.email()) {
            crate::typo::Check::Invalid(why) => Some(why),
            _ => None,
        }
    }

    /// Whether the domain is a big mailbox provider (Gmail, Outlook…), where an unknown user
    /// means the account is gone, not that the person changed jobs.
    pub fn at_mailbox_provider(&self) -> bool {
        let domain = self.stored().domain as usize;
        self.dataset.providers.get(domain).copied().unwrap_or(false)
    }

    /// The verdict, with why.
    pub fn class(&self) -> Classification {
        self.stored().class.unpack(self.reply(), self.status())
    }

    /// What the bounce means for the address.
    pub fn disposition(&self) -> Disposition {
        Disposition::ALL[usize::from(self.stored().class.disposition)]
    }

    /// The finer reason category.
    pub fn reason(&self) -> Reason {
        Reason::ALL[usize::from(self.stored().class.reason)]
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
    /// A phrase completing "N rows …" (and "1 row …": no verb to agree).
    pub fn describe(self) -> &'static str {
        match self {
            WarningKind::NoAddress => "skipped: no address",
            WarningKind::Ragged => "with an unexpected number of fields (kept)",
            WarningKind::BadDate => "with a date that could not be read (kept)",
            WarningKind::Replaced => {
                "with unreadable characters: invalid bytes or NULs (replaced with �)"
            }
            WarningKind::Duplicate => "with an address seen earlier (kept)",
            WarningKind::NotAnAddress => "with something that is not an email address (kept)",
            WarningKind::LongQuotedField => {
                "starting a quoted field that spans many lines: check for an unbalanced quote"
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
#[derive(Debug, Default)]
pub struct Dataset {
    /// The files read.
    pub sources: Vec<Source>,
    /// Warnings from the load.
    pub report: LoadReport,
    pub(crate) contacts: Vec<Contact>,
    pub(crate) chunks: Vec<Chunk>,
    /// The index of the first contact of each chunk, ascending.
    pub(crate) chunk_starts: Vec<u32>,
    pub(crate) domains: Vec<Box<str>>,
    /// Per domain: whether it is a big mailbox provider.
    pub(crate) providers: Vec<bool>,
    pub(crate) extra_codes: HashMap<u32, Codes>,
}

impl Dataset {
    /// How many contacts were loaded.
    pub fn len(&self) -> usize {
        self.contacts.len()
    }

    /// True when no contact was loaded.
    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty()
    }

    /// Contact `index` (panics when out of range, like slice indexing).
    pub fn contact(&self, index: usize) -> ContactRef<'_> {
        self.view(index, self.chunk_of(index))
    }

    /// The chunk holding contact `index` (panics when out of range).
    fn chunk_of(&self, index: usize) -> usize {
        assert!(index < self.contacts.len(), "contact {index} out of range");
        self.chunk_starts
            .partition_point(|&start| start as usize <= index)
            - 1
    }

    /// Contact `index`, for walks in ascending order: `chunk` remembers the chunk of the last
    /// contact fetched, so the next one in the same chunk needs no search (a search over a
    /// million contacts spent about 6% of its time finding chunks).
    pub(crate) fn contact_near(&self, index: usize, chunk: &mut usize) -> ContactRef<'_> {
        let starts = &self.chunk_starts;
        let here = |chunk: usize| {
            starts
                .get(chunk)
                .is_some_and(|&start| start as usize <= index)
                && starts
                    .get(chunk + 1)
                    .is_none_or(|&next| next as usize > index)
        };
        if !here(*chunk) {
            *chunk = self.chunk_of(index);
        }
        self.view(index, *chunk)
    }

    /// The view of contact `index`, which lies in chunk `chunk`.
    fn view(&self, index: usize, chunk: usize) -> ContactRef<'_> {
        let first = self.contacts[index].first_field as usize;
        let next_in_chunk = self
            .chunk_starts
            .get(chunk + 1)
            .is_none_or(|&start| start as usize > index + 1)
            && index + 1 < self.contacts.len();
        let end = if next_in_chunk {
            self.contacts[index + 1].first_field as usize
        } else {
            self.chunks[chunk].ends.len()
        };
        ContactRef {
            dataset: self,
            index,
            chunk: &self.chunks[chunk],
            source: &self.sources[usize::from(self.contacts[index].source)],
            row_start: self.contacts[index].row_start as usize,
            first,
            count: end - first,
        }
    }

    /// Every contact in file order (files in the order given). Walks the chunks in step, so
    /// a full pass finds each row without searching.
    pub fn contacts(&self) -> Contacts<'_> {
        Contacts {
            dataset: self,
            index: 0,
            chunk: 0,
        }
    }

    /// A comma-joined list of the files, for status lines.
    pub fn source_names(&self) -> String {
        let names: Vec<&str> = self.sources.iter().map(|s| s.name.as_str()).collect();
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Source::first_column`] finds a role's slot as `role as usize`.
    #[test]
    fn roles_are_listed_in_declaration_order() {
        for (slot, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(role as usize, slot, "{role:?}");
        }
    }

    /// Dates are stored as days since 1970-01-01 and read back as the same day.
    #[test]
    fn dates_pack_as_days_since_1970_and_back() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(pack_date(day(1970, 1, 1)), 0);
        assert_eq!(pack_date(day(1969, 12, 31)), -1);
        assert_eq!(pack_date(day(2025, 3, 1)), 20_148);
        assert_eq!(pack_date(None), NO_DATE);
        let mut date = day(1899, 12, 25);
        while let Some(d) = date.filter(|d| d.year() < 2101) {
            assert_eq!(unpack_date(pack_date(Some(d))), Some(d));
            date = d.succ_opt();
        }
    }
}
