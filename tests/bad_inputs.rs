//! Bad input files: each gives one clear error line or a load-report warning, never a panic,
//! and the file is left exactly as it was.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::SystemTime;

use common::{Object, bouncelens, emails, failure, line, list_json, run, success, text};
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
    let name = b"readme.txt";
    let data = b"This archive holds notes, not a workbook.\n";
    let crc = crc32(data);
    let mut zip = Vec::new();
    let mut local = Vec::new();
    local.extend(b"PK\x03\x04");
    local.extend(20u16.to_le_bytes()); // version needed
    local.extend(0u16.to_le_bytes()); // flags
    local.extend(0u16.to_le_bytes()); // stored
    local.extend(0u32.to_le_bytes()); // time, date
    local.extend(crc.to_le_bytes());
    local.extend((data.len() as u32).to_le_bytes());
    local.extend((data.len() as u32).to_le_bytes());
    local.extend((name.len() as u16).to_le_bytes());
    local.extend(0u16.to_le_bytes());
    local.extend(name);
    zip.extend(&local);
    zip.extend(data);
    let central_at = zip.len() as u32;
    let mut central = Vec::new();
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
    central.extend(0u32.to_le_bytes()); // local header offset
    central.extend(name);
    zip.extend(&central);
    zip.extend(b"PK\x05\x06");
    zip.extend([0u8; 4]); // disk numbers
    zip.extend(1u16.to_le_bytes());
    zip.extend(1u16.to_le_bytes());
    zip.extend((central.len() as u32).to_le_bytes());
    zip.extend(central_at.to_le_bytes());
    zip.extend(0u16.to_le_bytes());
    zip
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
    let repeats = warning(&report, "repeat", fixture.arg());
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
