//! Bad input files: each gives one clear error line or a load-report warning, never a panic,
//! and the file is left exactly as it was.

mod common;

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::thread;
use std::time::{Duration, SystemTime};

use common::{
    LIST_KEYS, Object, bouncelens, emails, failure, line, list_json, run, stderr, success, text,
};
use tempfile::TempDir;

/// A file written into a fresh temporary directory, with its bytes and mtime recorded.
struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    bytes: Vec<u8>,
    modified: SystemTime,
}

impl Fixture {
    fn new(name: &str, bytes: impl AsRef<[u8]>) -> Fixture {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes.as_ref()).expect("fixture written");
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        Fixture {
            _dir: dir,
            path,
            bytes: bytes.as_ref().to_vec(),
            modified,
        }
    }

    fn arg(&self) -> &str {
        self.path.to_str().expect("temporary paths are UTF-8")
    }

    fn summary(&self) -> Output {
        run(["summary", self.arg()])
    }

    fn list(&self) -> Vec<Object> {
        list_json([self.arg()])
    }

    /// Runs `list --format csv` expecting success; returns the rows under the promised header.
    fn list_csv(&self) -> Vec<csv::StringRecord> {
        csv_rows(&success(&run(["list", "--format", "csv", self.arg()])))
    }

    /// The file still has the same bytes and modification time.
    fn assert_untouched(&self) {
        let now = std::fs::read(&self.path).expect("the file still exists");
        assert!(now == self.bytes, "{} was modified", self.arg());
        let modified = std::fs::metadata(&self.path).unwrap().modified().unwrap();
        assert_eq!(modified, self.modified, "{} mtime changed", self.arg());
    }

    /// Runs `summary` and `list --format json` expecting the same runtime error from both;
    /// returns the line after asserting it names the file and the file is untouched.
    fn fails(&self) -> String {
        let message = failure(&self.summary(), 1);
        assert!(
            message.starts_with(&format!("bouncelens: {}: ", self.arg())),
            "the message names the file: {message}"
        );
        let listed = failure(&run(["list", "--format", "json", self.arg()]), 1);
        assert_eq!(listed, message, "list and summary fail alike");
        self.assert_untouched();
        message
    }

    /// Runs `summary` expecting success; returns the load report's lines, after asserting the
    /// file is untouched.
    fn loads(&self) -> Vec<String> {
        let out = success(&self.summary());
        self.assert_untouched();
        report(&out)
    }
}

/// The records of `list --format csv` output, after checking its header.
fn csv_rows(output: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(output.as_bytes());
    let header = reader.headers().expect("a CSV header").clone();
    assert_eq!(header.iter().collect::<Vec<_>>(), LIST_KEYS);
    reader
        .records()
        .map(|r| r.expect("list --format csv prints valid CSV"))
        .collect()
}

/// The first line of `summary` output, which names the files and counts the contacts.
fn headline(summary: &str) -> &str {
    summary.lines().next().unwrap_or_default()
}

/// The lines under "Load report:" in `summary` output.
fn report(summary: &str) -> Vec<String> {
    summary
        .lines()
        .skip_while(|l| !l.starts_with("Load report"))
        .skip(1)
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The one report line about `topic`, checked to name `file`.
fn warning<'a>(report: &'a [String], topic: &str, file: &str) -> &'a str {
    let found: Vec<&String> = report.iter().filter(|l| l.contains(topic)).collect();
    assert_eq!(found.len(), 1, "one line about {topic:?} in {report:?}");
    assert!(found[0].starts_with(file), "{} names {file}", found[0]);
    found[0]
}

/// The line numbers listed at the end of a report line, as in `(lines 3, 4)`.
fn listed_lines(warning: &str) -> Vec<u64> {
    let open = warning.rfind('(').expect("a parenthesised line list");
    warning[open..]
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim_start_matches("lines")
        .trim_start_matches("line")
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

/// A minimal valid PNG: a 1×1 transparent pixel.
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, b'I', b'H', b'D', b'R',
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, b'I', b'D', b'A', b'T', 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, b'I', b'E', b'N', b'D', 0xAE,
    0x42, 0x60, 0x82,
];

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A valid zip archive (stored, one text file) that is not a spreadsheet.
fn zip_with_text_file() -> Vec<u8> {
    stored_zip(&[(
        "readme.txt",
        b"This archive holds notes, not a workbook.\n".as_slice(),
    )])
}

/// A valid zip archive holding `files` uncompressed ("stored").
fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let (name, crc) = (name.as_bytes(), crc32(data));
        let offset = zip.len() as u32;
        zip.extend(b"PK\x03\x04");
        zip.extend(20u16.to_le_bytes()); // version needed
        zip.extend(0u16.to_le_bytes()); // flags
        zip.extend(0u16.to_le_bytes()); // stored
        zip.extend(0u32.to_le_bytes()); // time, date
        zip.extend(crc.to_le_bytes());
        zip.extend((data.len() as u32).to_le_bytes());
        zip.extend((data.len() as u32).to_le_bytes());
        zip.extend((name.len() as u16).to_le_bytes());
        zip.extend(0u16.to_le_bytes());
        zip.extend(name);
        zip.extend(*data);
        central.extend(b"PK\x01\x02");
        central.extend(20u16.to_le_bytes()); // version made by
        central.extend(20u16.to_le_bytes()); // version needed
        central.extend(0u16.to_le_bytes());
        central.extend(0u16.to_le_bytes());
        central.extend(0u32.to_le_bytes());
        central.extend(crc.to_le_bytes());
        central.extend((data.len() as u32).to_le_bytes());
        central.extend((data.len() as u32).to_le_bytes());
        central.extend((name.len() as u16).to_le_bytes());
        central.extend([0u8; 12]); // extra, comment, disk, internal and external attributes
        central.extend(offset.to_le_bytes()); // local header offset
        central.extend(name);
    }
    let central_at = zip.len() as u32;
    zip.extend(&central);
    zip.extend(b"PK\x05\x06");
    zip.extend([0u8; 4]); // disk numbers
    zip.extend((files.len() as u16).to_le_bytes());
    zip.extend((files.len() as u16).to_le_bytes());
    zip.extend((central.len() as u32).to_le_bytes());
    zip.extend(central_at.to_le_bytes());
    zip.extend(0u16.to_le_bytes());
    zip
}

/// A minimal `.xlsx` workbook with one sheet holding `cells` (reference, text) as inline
/// strings, one row element per cell, in the order given.
fn xlsx_with_cells(cells: &[(&str, &str)]) -> Vec<u8> {
    const CONTENT_TYPES: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
        r#"</Types>"#
    );
    const RELS: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
        r#"</Relationships>"#
    );
    const WORKBOOK: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        r#"<sheets><sheet name="Suppressions" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    const WORKBOOK_RELS: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
        r#"</Relationships>"#
    );
    let rows: String = cells
        .iter()
        .map(|(reference, value)| {
            format!(r#"<row><c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c></row>"#)
        })
        .collect();
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    );
    stored_zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

/// `Email,Name,Reason` rows for addresses `p{i}@example.com`, one line each.
fn numbered_rows(range: std::ops::Range<usize>) -> String {
    range
        .map(|i| format!("p{i}@example.com,Person {i},550 5.1.1 user unknown\n"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// files that cannot be used

/// A missing file is reported as "no such file" and is not created.
#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exported.csv");
    let message = failure(&run(["summary", path.to_str().unwrap()]), 1);
    assert!(message.contains(path.to_str().unwrap()), "{message}");
    assert!(message.contains("no such file"), "{message}");
    assert!(!path.exists(), "the missing file was created");
}

/// A directory is reported as a directory, and nothing is written into it.
#[test]
fn directory_instead_of_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    std::fs::create_dir(&folder).unwrap();
    let message = failure(&run(["summary", folder.to_str().unwrap()]), 1);
    assert!(message.contains(folder.to_str().unwrap()), "{message}");
    assert!(message.contains("directory"), "{message}");
    assert!(std::fs::read_dir(&folder).unwrap().next().is_none());
}

/// An empty file is reported as empty.
#[test]
fn empty_file() {
    let fixture = Fixture::new("suppressions.csv", b"");
    let message = fixture.fails();
    assert!(message.contains("is empty"), "{message}");
}

/// A PNG renamed to .csv is named for what it is.
#[test]
fn png_renamed_csv() {
    let fixture = Fixture::new("suppressions.csv", PNG);
    let message = fixture.fails();
    assert!(message.contains("PNG image"), "{message}");
}

/// Random binary junk is refused as binary data.
#[test]
fn random_binary_junk() {
    for seed in [1, 42, 0xDEAD_BEEF] {
        let fixture = Fixture::new("junk.csv", common::junk_bytes(64 * 1024, seed));
        let message = fixture.fails();
        assert!(message.contains("binary"), "seed {seed}: {message}");
    }
}

/// A zip archive renamed to .xlsx is refused as not a spreadsheet.
#[test]
fn zip_renamed_xlsx() {
    let fixture = Fixture::new("export.xlsx", zip_with_text_file());
    let message = fixture.fails();
    assert!(message.contains("not a spreadsheet"), "{message}");
}

/// The same zip named .csv is recognised by its content, not its name.
#[test]
fn zip_renamed_csv() {
    let fixture = Fixture::new("export.csv", zip_with_text_file());
    let message = fixture.fails();
    assert!(message.contains("not a spreadsheet"), "{message}");
}

/// A file with no column of addresses fails and lists the headers it did find.
#[test]
fn no_email_column_lists_headers() {
    let fixture = Fixture::new(
        "contacts.csv",
        "Contact,Company,Notes\nAlice Ng,Acme,called twice\nBob Oduya,Beta,left a message\n",
    );
    let message = fixture.fails();
    assert!(message.contains("email"), "{message}");
    for header in ["Contact", "Company", "Notes"] {
        assert!(message.contains(header), "{header} missing: {message}");
    }
}

/// A header cell with a line break still gives a one-line error.
#[test]
fn multi_line_header_error_is_one_line() {
    let fixture = Fixture::new(
        "contacts.csv",
        "\"Contact\nPerson\",Company\nAlice Ng,Acme\nBob Oduya,Beta\n",
    );
    let message = fixture.fails();
    assert!(message.contains("Company"), "{message}");
}

/// Empty standard input is reported under the name "stdin".
#[test]
fn empty_stdin() {
    let output = bouncelens()
        .args(["summary", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    let message = failure(&output, 1);
    assert!(message.starts_with("bouncelens: stdin: "), "{message}");
    assert!(message.contains("is empty"), "{message}");
}

/// A file without read permission is refused as "permission denied" and left as it was, mode
/// included. With privileges that bypass permissions (tests run as root, say) mode 000 does not
/// stop a read: the file is then expected to load, and the test says so.
#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let fixture = Fixture::new("locked.csv", "Email,Name\na@example.com,Ann\n");
    let set_mode = |mode| {
        std::fs::set_permissions(&fixture.path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    set_mode(0o000);
    let privileged = std::fs::File::open(&fixture.path).is_ok();
    let summary = fixture.summary();
    let listed = run(["list", "--format", "json", fixture.arg()]);
    let mode = std::fs::metadata(&fixture.path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777;
    set_mode(0o644);
    assert_eq!(mode, 0o000, "the file's mode was changed");
    if privileged {
        eprintln!(
            "note: unreadable_file runs with privileges that ignore file permissions (root?); \
             checked that the mode-000 file loads instead of the permission error"
        );
        assert!(headline(&success(&summary)).contains("1 contact"));
        success(&listed);
    } else {
        let message = failure(&summary, 1);
        assert_eq!(
            message,
            format!("bouncelens: {}: permission denied", fixture.arg())
        );
        assert_eq!(failure(&listed, 1), message, "list and summary fail alike");
    }
    fixture.assert_untouched();
}

/// A table 10,000 columns wide with no address column gets one readable line, not every
/// header: the message names the file and the problem in a few hundred characters.
#[test]
fn ten_thousand_columns_without_an_address() {
    let headers: Vec<String> = (1..=10_000).map(|i| format!("Column {i}")).collect();
    let values: Vec<String> = (1..=10_000).map(|i| i.to_string()).collect();
    let content = format!("{}\n{}\n", headers.join(","), values.join(","));
    let fixture = Fixture::new("wide.csv", content);
    let message = fixture.fails();
    assert!(message.contains("email"), "{message}");
    assert!(
        message.contains("Column 1,"),
        "the first headers are named: {message}"
    );
    assert!(
        message.chars().count() <= 500,
        "a {}-character error line: {}…",
        message.chars().count(),
        message.chars().take(300).collect::<String>()
    );
}

/// A workbook whose cell reference is beyond any sheet (`A99999999999`) is refused with one
/// line, or read without that cell: never a panic or an abort.
#[test]
fn xlsx_with_an_impossible_cell_reference() {
    let fixture = Fixture::new(
        "export.xlsx",
        xlsx_with_cells(&[
            ("A1", "Email"),
            ("A2", "a@example.com"),
            ("A99999999999", "x"),
        ]),
    );
    let output = fixture.summary();
    if output.status.code() == Some(0) {
        assert!(headline(&success(&output)).contains("1 contact"));
        assert_eq!(emails(&fixture.list()), ["a@example.com"]);
        fixture.assert_untouched();
    } else {
        let message = fixture.fails();
        assert!(message.contains("could not be read"), "{message}");
    }
}

// ---------------------------------------------------------------------------------------------
// files that load with warnings

/// A header with no rows loads (exit 0) and the report says there are no data rows.
#[test]
fn header_only() {
    let fixture = Fixture::new("complaints.csv", "Email,Name,Reason\r\n");
    let report = fixture.loads();
    warning(&report, "no data rows", fixture.arg());
    assert!(fixture.list().is_empty());
}

/// A damaged byte in a UTF-8 file is replaced and reported at its line; other accents survive.
#[test]
fn invalid_utf8_in_the_middle() {
    let mut bytes = Vec::new();
    bytes.extend("Email,Name,Reason\n".as_bytes());
    bytes.extend("j.mueller@example.de,Jürgen Müller,550 5.1.1 user unknown\n".as_bytes());
    bytes.extend(b"f.lefevre@example.fr,Fran\xE7oise Lef\xE8vre,452 4.2.2 mailbox full\n");
    bytes.extend("z.verhoeven@example.nl,Zoë Verhoeven,550 5.1.1 user unknown\n".as_bytes());
    bytes.extend("s.jorgensen@example.dk,Søren Jørgensen,421 4.4.2 timeout\n".as_bytes());
    let fixture = Fixture::new("mixed.csv", bytes);
    let report = fixture.loads();
    let replaced = warning(&report, "unreadable characters", fixture.arg());
    assert_eq!(listed_lines(replaced), [3]);
    assert!(replaced.contains(": 1 row "), "one row counted: {replaced}");
    let listed = fixture.list();
    let names: Vec<&str> = listed.iter().map(|o| text(o, "name")).collect();
    assert_eq!(names[0], "Jürgen Müller");
    assert!(names[1].contains('\u{FFFD}'), "{}", names[1]);
    assert_eq!(names[2], "Zoë Verhoeven");
    assert_eq!(names[3], "Søren Jørgensen");
}

/// A character cut in two by the delimiter (`\xC3` `,` `\xA9`) is valid UTF-8 only if the
/// comma is dropped, as the parsed record stores its fields: each field is checked on its own,
/// so the row is reported as damaged rather than read as `é` split across two fields.
#[test]
fn a_character_split_by_the_delimiter() {
    let mut bytes = Vec::new();
    bytes.extend("Email,Name,Reason\n".as_bytes());
    bytes.extend("j.mueller@example.de,Jürgen Müller,550 5.1.1 user unknown\n".as_bytes());
    bytes.extend(b"f.lefevre@example.fr,Fran\xC3,\xA7oise,452 4.2.2 mailbox full\n");
    bytes.extend("z.verhoeven@example.nl,Zoë Verhoeven,550 5.1.1 user unknown\n".as_bytes());
    let fixture = Fixture::new("split.csv", bytes);
    let report = fixture.loads();
    let replaced = warning(&report, "unreadable characters", fixture.arg());
    assert_eq!(listed_lines(replaced), [3]);
    let listed = fixture.list();
    let names: Vec<&str> = listed.iter().map(|o| text(o, "name")).collect();
    assert_eq!(names[0], "Jürgen Müller");
    assert_eq!(names[1], "Fran\u{FFFD}");
    assert_eq!(names[2], "Zoë Verhoeven");
}

/// Rows with too few or too many fields are kept and their lines listed.
#[test]
fn ragged_rows() {
    let fixture = Fixture::new(
        "ragged.csv",
        "Email,Name,Reason\n\
         a@example.com,Ann,550 5.1.1 user unknown\n\
         b@example.com,Ben\n\
         c@example.com,Cat,452 4.2.2 full,extra\n\
         d@example.com,Dan,550 5.1.1 user unknown\n",
    );
    let report = fixture.loads();
    let ragged = warning(&report, "number of fields", fixture.arg());
    assert_eq!(listed_lines(ragged), [3, 4]);
    assert_eq!(fixture.list().len(), 4);
}

/// In a CRLF file with a multi-line reason, ragged rows are reported at their editor lines.
#[test]
fn ragged_rows_crlf_lines() {
    let fixture = Fixture::new(
        "ragged-crlf.csv",
        "Email,Name,Reason\r\n\
         a@example.com,Ann,\"550 5.1.1 user unknown\r\nsecond line of the transcript\"\r\n\
         b@example.com,Ben\r\n\
         \r\n\
         c@example.com,Cat,452 4.2.2 full,extra\r\n",
    );
    let report = fixture.loads();
    let ragged = warning(&report, "number of fields", fixture.arg());
    assert_eq!(listed_lines(ragged), [4, 6]);
    let lines: Vec<u64> = fixture.list().iter().map(line).collect();
    assert_eq!(lines, [2, 4, 6]);
}

/// A row with no address is skipped and its line listed.
#[test]
fn row_without_address() {
    let fixture = Fixture::new(
        "noaddr.csv",
        "Email,Name,Reason\n\
         a@example.com,Ann,550 5.1.1 user unknown\n\
         ,Ben,550 5.1.1 user unknown\n\
         c@example.com,Cat,452 4.2.2 full\n",
    );
    let report = fixture.loads();
    let skipped = warning(&report, "no address", fixture.arg());
    assert_eq!(listed_lines(skipped), [3]);
    assert_eq!(emails(&fixture.list()), ["a@example.com", "c@example.com"]);
}

/// A date that cannot be read is listed by line; the row is kept.
#[test]
fn unparseable_date() {
    let fixture = Fixture::new(
        "dates.csv",
        "Email,Name,Date\n\
         a@example.com,Ann,2026-01-02\n\
         b@example.com,Ben,sometime last spring\n\
         c@example.com,Cat,2026-03-04\n",
    );
    let report = fixture.loads();
    let bad = warning(&report, "date", fixture.arg());
    assert_eq!(listed_lines(bad), [3]);
    assert_eq!(fixture.list().len(), 3);
}

/// Repeated addresses are kept and counted, with the repeats' lines listed.
#[test]
fn duplicate_addresses() {
    let fixture = Fixture::new(
        "dups.csv",
        "Email,Name\n\
         a@example.com,Ann\n\
         b@example.com,Ben\n\
         a@example.com,Ann again\n\
         c@example.com,Cat\n\
         a@example.com,Ann thrice\n",
    );
    let report = fixture.loads();
    let repeats = warning(&report, "seen earlier", fixture.arg());
    assert!(repeats.contains(": 2 rows "), "{repeats}");
    assert_eq!(listed_lines(repeats), [4, 6]);
    assert_eq!(fixture.list().len(), 5);
}

/// A 5 MB field loads whole, with no warning and exit 0.
#[test]
fn five_megabyte_field() {
    const SIZE: usize = 5 * 1024 * 1024;
    let mut content = String::from("Email,Name,Reason\n");
    content.push_str("a@example.com,Ann,\"550 5.1.1 ");
    content.push_str(&"x".repeat(SIZE - 10));
    content.push_str("\"\nb@example.com,Ben,452 4.2.2 mailbox full\n");
    let fixture = Fixture::new("big.csv", &content);
    let report = fixture.loads();
    assert!(
        report.is_empty() || report[0].contains("no problems"),
        "{report:?}"
    );
    let listed = fixture.list();
    assert_eq!(listed.len(), 2);
    assert_eq!(text_len(&listed[0], "raw_reason"), SIZE);
    assert_eq!(text(&listed[0], "status_code"), "5.1.1");
}

fn text_len(object: &Object, key: &str) -> usize {
    text(object, key).len()
}

/// NUL bytes inside a field are replaced and reported at their line; the rest reads normally.
#[test]
fn nul_bytes_inside_a_field() {
    let fixture = Fixture::new(
        "nul.csv",
        "Email,Name,Reason\n\
         a@example.com,Ann,550 5.1.1 user unknown\n\
         b@example.com,Be\0n,452 4.2.2 mailbox full\n\
         c@example.com,Zoë,550 5.1.1 user unknown\n",
    );
    let report = fixture.loads();
    let replaced = warning(&report, "replaced", fixture.arg());
    assert_eq!(listed_lines(replaced), [3]);
    let listed = fixture.list();
    assert_eq!(listed.len(), 3);
    assert_eq!(text(&listed[1], "name"), "Be\u{FFFD}n");
    assert_eq!(text(&listed[2], "name"), "Zoë");
    assert_eq!(text(&listed[1], "status_code"), "4.2.2");
}

/// NUL bytes in several rows are each reported at their own line.
#[test]
fn nul_bytes_in_several_rows() {
    let mut content = String::from("Email,Name,Reason\n");
    content.push_str("a@example.com,Ann,ok\0\0\0\0\0\0\0\0\0\0\0\0\n"); // line 2
    content.push_str("b@example.com,Ben,fine\n"); // line 3
    content.push_str("c@example.com,\0Cat,fine\n"); // line 4
    for i in 0..20 {
        content.push_str(&format!(
            "p{i}@example.com,Person {i},550 5.1.1 user unknown\n"
        ));
    }
    let fixture = Fixture::new("nuls.csv", &content);
    let report = fixture.loads();
    let replaced = warning(&report, "replaced", fixture.arg());
    assert_eq!(listed_lines(replaced), [2, 4]);
}

/// Classic Mac CR-only line ends still split rows: every contact and code is read.
#[test]
fn cr_only_line_endings_read_rows() {
    let fixture = Fixture::new(
        "classic-mac.csv",
        "Email,Name,Reason\r\
         a@example.com,Ann,550 5.1.1 user unknown\r\
         b@example.com,Ben,452 4.2.2 mailbox full\r\
         c@example.com,Cat,421 4.4.2 connection timed out\r",
    );
    fixture.loads();
    let listed = fixture.list();
    assert_eq!(
        emails(&listed),
        ["a@example.com", "b@example.com", "c@example.com"]
    );
    let codes: Vec<&str> = listed.iter().map(|o| text(o, "status_code")).collect();
    assert_eq!(codes, ["5.1.1", "4.2.2", "4.4.2"]);
    assert_eq!(text(&listed[0], "disposition"), "hard");
    assert_eq!(text(&listed[1], "disposition"), "soft");
}

/// Classic Mac CR-only line ends give each row its own line number.
#[test]
fn cr_only_line_numbers() {
    let fixture = Fixture::new(
        "classic-mac.csv",
        "Email,Name,Reason\r\
         a@example.com,Ann,550 5.1.1 user unknown\r\
         b@example.com,Ben,452 4.2.2 mailbox full\r\
         c@example.com,Cat,421 4.4.2 connection timed out\r",
    );
    let lines: Vec<u64> = fixture.list().iter().map(line).collect();
    assert_eq!(lines, [2, 3, 4]);
}

/// An unbalanced quote that swallows the rest of the file is reported at the line it opens.
#[test]
fn unbalanced_quote() {
    let mut content = String::from("Email,Name,Reason\na@example.com,Ann,\"550 5.1.1 unbalanced\n");
    for i in 0..80 {
        content.push_str(&format!("p{i}@example.com,Person {i},ok\n"));
    }
    let fixture = Fixture::new("quote.csv", &content);
    let report = fixture.loads();
    let quoted = warning(&report, "quote", fixture.arg());
    assert_eq!(listed_lines(quoted), [2]);
}

/// `-` reads standard input, named "stdin" in the listing.
#[test]
fn dash_reads_stdin() {
    let output = bouncelens()
        .args(["list", "--format", "json", "-"])
        .write_stdin("Email,Name,Reason\na@example.com,Ann,550 5.1.1 user unknown\nb@example.com,Ben,452 4.2.2 mailbox full\n")
        .output()
        .unwrap();
    let listed: Vec<Object> = serde_json::from_str(&success(&output)).unwrap();
    assert_eq!(emails(&listed), ["a@example.com", "b@example.com"]);
    assert!(listed.iter().all(|o| text(o, "source") == "stdin"));
    assert_eq!(text(&listed[0], "disposition"), "hard");
}

/// Files given after a bad one are not read: the first unusable file stops the load.
#[test]
fn first_bad_file_stops_the_load() {
    let good = Fixture::new("good.csv", "Email\na@example.com\n");
    let bad = Fixture::new("bad.csv", b"");
    let message = failure(&run(["summary", good.arg(), bad.arg()]), 1);
    assert!(message.contains(bad.arg()), "{message}");
    assert!(!message.contains(good.arg()), "{message}");
    good.assert_untouched();
    bad.assert_untouched();
}

/// The listing of a file is the same whether read from disk or from standard input.
#[test]
fn stdin_and_file_agree() {
    let content = "Email,Name,Reason\r\nj@example.de,Jürgen,550 5.1.1 user unknown\r\n";
    let fixture = Fixture::new("same.csv", content);
    let from_file = fixture.list();
    let output = bouncelens()
        .args(["list", "--format", "json", "-"])
        .write_stdin(content)
        .output()
        .unwrap();
    let from_stdin: Vec<Object> = serde_json::from_str(&success(&output)).unwrap();
    let strip = |objects: &[Object]| -> Vec<Object> {
        objects
            .iter()
            .map(|o| {
                let mut o = o.clone();
                o.remove("source");
                o
            })
            .collect()
    };
    assert_eq!(strip(&from_file), strip(&from_stdin));
    assert!(Path::new(fixture.arg()).exists());
}

/// UTF-16 without a byte-order mark (little and big endian) is recognised and decoded: every
/// row and accent is read, and the summary names the encoding.
#[test]
fn utf16_without_bom() {
    let text = "Email\tName\tReason\r\n\
                a@example.com\tZoë Verhoeven\t550 5.1.1 user unknown\r\n\
                b@example.com\tSøren Jørgensen\t452 4.2.2 mailbox full\r\n";
    let units: Vec<u16> = text.encode_utf16().collect();
    for (encoding, bytes) in [
        (
            "UTF-16LE",
            units
                .iter()
                .flat_map(|u| u.to_le_bytes())
                .collect::<Vec<u8>>(),
        ),
        (
            "UTF-16BE",
            units.iter().flat_map(|u| u.to_be_bytes()).collect(),
        ),
    ] {
        let fixture = Fixture::new("unicode-text.csv", bytes);
        let out = success(&fixture.summary());
        assert!(
            out.contains(&format!("{}: {encoding}, tab-delimited", fixture.arg())),
            "{out}"
        );
        let rows = fixture.list_csv();
        let names: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
        assert_eq!(names, ["Zoë Verhoeven", "Søren Jørgensen"], "{encoding}");
        let codes: Vec<&str> = rows.iter().map(|r| &r[5]).collect();
        assert_eq!(codes, ["5.1.1", "4.2.2"], "{encoding}");
        fixture.assert_untouched();
    }
}

/// A table 10,000 columns wide loads: every row, its code, and no warning.
#[test]
fn ten_thousand_columns() {
    let mut headers = vec!["Email".to_string(), "Name".into(), "Reason".into()];
    headers.extend((4..=10_000).map(|i| format!("Extra {i}")));
    let mut content = headers.join(",") + "\n";
    for i in 0..3 {
        let mut row = vec![
            format!("p{i}@example.com"),
            format!("Person {i}"),
            "550 5.1.1 user unknown".to_string(),
        ];
        row.extend((4..=10_000).map(|c| c.to_string()));
        content += &(row.join(",") + "\n");
    }
    let fixture = Fixture::new("wide.csv", content);
    let report = fixture.loads();
    assert!(
        report.is_empty() || report[0].contains("no problems"),
        "{report:?}"
    );
    let rows = fixture.list_csv();
    let found: Vec<(&str, &str)> = rows.iter().map(|r| (&r[0], &r[5])).collect();
    assert_eq!(
        found,
        [
            ("p0@example.com", "5.1.1"),
            ("p1@example.com", "5.1.1"),
            ("p2@example.com", "5.1.1")
        ]
    );
}

/// A single 50 MB field loads (exit 0, both contacts, no warning). The field is in a column
/// that is kept but not classified, so the test stays quick in a debug build; a 5 MB reason
/// text is classified in `five_megabyte_field`. Peak memory is measured outside the suite
/// (`/usr/bin/time -v`); here the run only has to finish cleanly.
#[test]
fn fifty_megabyte_field() {
    const SIZE: usize = 50 * 1024 * 1024;
    let mut content = Vec::with_capacity(SIZE + 200);
    content.extend(b"Email,Name,Reason,Notes\na@example.com,Ann,550 5.1.1 user unknown,\"");
    content.resize(content.len() + SIZE, b'x');
    content.extend(b"\"\nb@example.com,Ben,452 4.2.2 mailbox full,short\n");
    let fixture = Fixture::new("huge-field.csv", content);
    let out = success(&fixture.summary());
    assert!(
        headline(&out).starts_with(&format!("{} — 2 contacts", fixture.arg())),
        "{}",
        headline(&out)
    );
    let report = report(&out);
    assert!(
        report.is_empty() || report[0].contains("no problems"),
        "{report:?}"
    );
    fixture.assert_untouched();
}

/// A million blank lines between two rows are skipped quickly, and the second row keeps the
/// line number an editor shows.
#[test]
fn a_million_blank_lines() {
    let mut content = String::from("Email,Name,Reason\na@example.com,Ann,550 5.1.1 user unknown\n");
    content.push_str(&"\n".repeat(1_000_000));
    content.push_str("b@example.com,Ben,452 4.2.2 mailbox full\n");
    let fixture = Fixture::new("blank.csv", content);
    let report = fixture.loads();
    assert!(
        report.is_empty() || report[0].contains("no problems"),
        "{report:?}"
    );
    let listed = fixture.list();
    assert_eq!(emails(&listed), ["a@example.com", "b@example.com"]);
    let lines: Vec<u64> = listed.iter().map(line).collect();
    assert_eq!(lines, [2, 1_000_003]);
}

/// A file of nothing but blank lines is refused as having no rows.
#[test]
fn only_blank_lines() {
    let fixture = Fixture::new("blank.csv", "\n\r\n".repeat(1000));
    let message = fixture.fails();
    assert!(message.contains("no rows"), "{message}");
}

/// Rows written with another delimiter than the rest of the file are kept whole and reported
/// by line; the rows using the file's delimiter read normally.
#[test]
fn mixed_delimiters() {
    let fixture = Fixture::new(
        "mixed.csv",
        "Email;Name;Reason\n\
         a@example.com;Ann;550 5.1.1 user unknown\n\
         b@example.com,Ben,452 4.2.2 mailbox full\n\
         c@example.com\tCat\t421 4.4.2 timeout\n\
         d@example.com;Dan;550 5.1.1 user unknown\n",
    );
    let report = fixture.loads();
    let ragged = warning(&report, "number of fields", fixture.arg());
    assert_eq!(listed_lines(ragged), [3, 4]);
    let odd = warning(&report, "not an email address", fixture.arg());
    assert_eq!(listed_lines(odd), [3, 4]);
    let rows = fixture.list_csv();
    assert_eq!(rows.len(), 4);
    assert_eq!((&rows[0][0], &rows[0][5]), ("a@example.com", "5.1.1"));
    assert_eq!((&rows[3][0], &rows[3][5]), ("d@example.com", "5.1.1"));
}

/// With a header repeated, the first column of that name is used; the other is kept.
#[test]
fn duplicate_headers() {
    let fixture = Fixture::new(
        "dup-headers.csv",
        "Email,Name,Email,Reason\n\
         a@example.com,Ann,ann.other@example.org,550 5.1.1 user unknown\n\
         b@example.com,Ben,ben.other@example.org,452 4.2.2 mailbox full\n",
    );
    let report = fixture.loads();
    assert!(
        report.is_empty() || report[0].contains("no problems"),
        "{report:?}"
    );
    let listed = fixture.list();
    assert_eq!(emails(&listed), ["a@example.com", "b@example.com"]);
    let codes: Vec<&str> = listed.iter().map(|o| text(o, "status_code")).collect();
    assert_eq!(codes, ["5.1.1", "4.2.2"]);
}

/// Addresses repeated with other case or spaces count as repeats too; every row is kept.
#[test]
fn duplicate_addresses_in_other_case() {
    let fixture = Fixture::new(
        "dups-case.csv",
        "Email,Name\n\
         a@example.com,Ann\n\
         A@Example.COM,Ann again\n\
         \" a@example.com \",Ann thrice\n",
    );
    let report = fixture.loads();
    let repeats = warning(&report, "seen earlier", fixture.arg());
    assert!(repeats.contains(": 2 rows "), "{repeats}");
    assert_eq!(listed_lines(repeats), [3, 4]);
    assert_eq!(fixture.list().len(), 3);
}

/// A file that grows while it is read: the rows present when reading reaches the end are
/// loaded, in order, none cut in half; no panic, exit 0. The run only reads: afterwards the
/// file holds exactly what the writer wrote.
#[test]
fn file_growing_while_read() {
    const FIRST: usize = 2000;
    const BATCHES: usize = 200;
    const BATCH: usize = 100;
    let initial = format!("Email,Name,Reason\n{}", numbered_rows(0..FIRST));
    let fixture = Fixture::new("growing.csv", &initial);
    let path = fixture.path.clone();
    let writer = thread::spawn(move || {
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        let mut appended = String::new();
        for batch in 0..BATCHES {
            let start = FIRST + batch * BATCH;
            let rows = numbered_rows(start..start + BATCH);
            file.write_all(rows.as_bytes()).unwrap(); // one write: whole lines only
            appended.push_str(&rows);
            thread::sleep(Duration::from_millis(2));
        }
        appended
    });
    let output = bouncelens()
        .args(["list", "--format", "csv", fixture.arg()])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let appended = writer.join().unwrap();
    let rows = csv_rows(&success(&output));
    let count = rows.len();
    eprintln!(
        "file_growing_while_read: {count} of {} rows read",
        FIRST + BATCHES * BATCH
    );
    assert!(
        (FIRST..=FIRST + BATCHES * BATCH).contains(&count),
        "{count} rows"
    );
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(&row[0], format!("p{i}@example.com"), "row {i}");
        assert_eq!(&row[5], "5.1.1", "row {i}");
    }
    let now = std::fs::read(&fixture.path).unwrap();
    assert!(
        now == format!("{initial}{appended}").into_bytes(),
        "the file was modified"
    );
}

/// A named pipe is read to its end like a file: every row, exit 0, and the pipe is still a
/// pipe afterwards.
#[cfg(unix)]
#[test]
fn named_pipe() {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    #[cfg(target_os = "linux")]
    const O_NONBLOCK: i32 = 0o4000;
    #[cfg(not(target_os = "linux"))]
    const O_NONBLOCK: i32 = 0x0004;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    let content = format!("Email,Name,Reason\n{}", numbered_rows(0..3000));
    let writer = {
        let path = path.clone();
        thread::spawn(move || {
            // Blocks until a reader opens the pipe.
            if let Ok(mut pipe) = OpenOptions::new().write(true).open(&path) {
                let _ = pipe.write_all(content.as_bytes());
            }
        })
    };
    let arg = path.to_str().unwrap();
    let output = bouncelens()
        .args(["summary", arg])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    if !writer.is_finished() {
        // The binary never opened the pipe: let the writer's open return so it can end.
        drop(
            OpenOptions::new()
                .read(true)
                .custom_flags(O_NONBLOCK)
                .open(&path),
        );
    }
    writer.join().unwrap();
    let out = success(&output);
    assert!(
        headline(&out).starts_with(&format!("{arg} — 3000 contacts from 1 file")),
        "{}",
        headline(&out)
    );
    let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced");
}

/// A workbook with a cell at the sheet's last column and row (XFD1048576), as left by a stray
/// keystroke or a formatted column, loads like any other: the sheet is read without allocating
/// every one of its 17 billion cells.
#[test]
fn xlsx_with_a_cell_in_the_last_column_and_row() {
    let control = Fixture::new(
        "control.xlsx",
        xlsx_with_cells(&[
            ("A1", "Email"),
            ("B1", "Reason"),
            ("A2", "a@example.com"),
            ("B2", "550 5.1.1 user unknown"),
        ]),
    );
    assert_eq!(
        emails(&control.list()),
        ["a@example.com"],
        "the same workbook without the stray cell"
    );
    let fixture = Fixture::new(
        "export.xlsx",
        xlsx_with_cells(&[
            ("A1", "Email"),
            ("B1", "Reason"),
            ("A2", "a@example.com"),
            ("B2", "550 5.1.1 user unknown"),
            ("XFD1048576", "stray"),
        ]),
    );
    let output = fixture.summary();
    let out = success(&output);
    assert!(headline(&out).contains("1 contact"), "{}", headline(&out));
    let listed = fixture.list();
    assert_eq!(emails(&listed), ["a@example.com"]);
    assert_eq!(text(&listed[0], "status_code"), "5.1.1");
    fixture.assert_untouched();
    assert!(stderr(&output).is_empty());
}
