//! The `bouncelens` binary end to end: every sample export, every command and filter, the
//! overrides, the code reference, and the exit-status and error-line conventions.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use bouncelens::codes::catalog::{ARTICLE_ENHANCED, ARTICLE_REPLY, ENHANCED};
use bouncelens::codes::{Disposition, Reason};
use bouncelens::ingest::{self, Input, LoadOptions, SAMPLE_NAME};
use calamine::{Data, Reader};
use common::{
    LIST_KEYS, Object, emails, failure, line, list_json, run, sample, success, text, variant,
};
use encoding_rs::{Encoding, UTF_8, UTF_16LE, WINDOWS_1252};
use serde_json::Value;

/// How a delimited sample variant is written, as the sample-data README describes it.
struct Delimited {
    file: &'static str,
    encoding: &'static Encoding,
    delimiter: u8,
    header: bool,
    /// Data rows, as the README and the file's author state.
    rows: usize,
    /// Names with non-ASCII letters that are in the file.
    names: &'static [&'static str],
}

const DELIMITED: [Delimited; 7] = [
    Delimited {
        file: "eu-semicolon-1252.csv",
        encoding: WINDOWS_1252,
        delimiter: b';',
        header: true,
        rows: 25,
        names: &["Jürgen Müller", "Françoise Lefèvre", "Søren Jørgensen"],
    },
    Delimited {
        file: "unicode-text-utf16.txt",
        encoding: UTF_16LE,
        delimiter: b'\t',
        header: true,
        rows: 20,
        names: &["王芳", "Νίκος Παπαδόπουλος", "Анна Смирнова"],
    },
    Delimited {
        file: "headerless-addresses.csv",
        encoding: UTF_8,
        delimiter: b',',
        header: false,
        rows: 30,
        names: &[],
    },
    Delimited {
        file: "sendgrid-bounces.csv",
        encoding: UTF_8,
        delimiter: b',',
        header: true,
        rows: 25,
        names: &[],
    },
    Delimited {
        file: "ses-suppression.csv",
        encoding: UTF_8,
        delimiter: b',',
        header: true,
        rows: 15,
        names: &[],
    },
    Delimited {
        file: "postmark-bounces.csv",
        encoding: UTF_8,
        delimiter: b',',
        header: true,
        rows: 15,
        names: &[],
    },
    Delimited {
        file: "mailchimp-unsubscribed.csv",
        encoding: UTF_8,
        delimiter: b',',
        header: true,
        rows: 12,
        names: &["Elif Yıldız", "Félix Wagner"],
    },
];

const XLSX: &str = "export.xlsx";
const XLSX_SHEET: &str = "Suppression List";
const XLSX_ROWS: usize = 60;

/// The variant's text, decoded independently of bouncelens.
fn decoded(spec: &Delimited) -> String {
    let bytes = std::fs::read(variant(spec.file)).expect("sample variant exists");
    let (text, _, errors) = spec.encoding.decode(&bytes);
    assert!(
        !errors,
        "{} decodes cleanly as {:?}",
        spec.file, spec.encoding
    );
    text.into_owned()
}

/// The variant's records as the `csv` crate reads them, blank rows dropped, header removed.
fn records(spec: &Delimited) -> Vec<csv::StringRecord> {
    let text = decoded(spec);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(spec.delimiter)
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("variant parses as CSV"))
        .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
        .collect();
    rows[usize::from(spec.header)..].to_vec()
}

/// The sheet's rows read with calamine: (spreadsheet row number, cells as text), blank rows
/// dropped, header included.
fn sheet_rows(sheet: &str) -> Vec<(u64, Vec<String>)> {
    let mut workbook = calamine::open_workbook_auto(variant(XLSX)).expect("workbook opens");
    let range = workbook.worksheet_range(sheet).expect("sheet exists");
    let first = range.start().map_or(0, |(row, _)| u64::from(row));
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let cells = cells
                .iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect();
            (first + i as u64 + 1, cells)
        })
        .filter(|(_, cells): &(u64, Vec<String>)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect()
}

/// The bundled sample's data rows that carry an address, counted with the `csv` crate.
fn sample_rows_with_address() -> usize {
    let bytes = std::fs::read(sample("suppression-export.csv")).expect("bundled sample exists");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    reader
        .records()
        .map(|r| r.expect("sample parses"))
        .filter(|r| r.get(0).is_some_and(|f| !f.trim().is_empty()))
        .count()
}

/// The bundled sample as a list of contacts.
fn sample_list() -> Vec<Object> {
    list_json(std::iter::empty::<&str>())
}

/// Runs `list --format json` with `args` over the bundled sample.
fn sample_filtered(args: &[&str]) -> Vec<Object> {
    list_json(args)
}

/// Company per line of the bundled sample (not in the listing, but searched).
fn sample_companies() -> HashMap<u64, String> {
    let dataset = ingest::load(&[Input::sample()], &LoadOptions::default()).expect("sample loads");
    dataset
        .contacts()
        .map(|c| (c.line(), c.company().to_string()))
        .collect()
}

/// What a search term is matched against: address, name, company and reason, lower-cased.
fn haystack(object: &Object, companies: &HashMap<u64, String>) -> String {
    format!(
        "{} {} {} {}",
        text(object, "email"),
        text(object, "name"),
        companies.get(&line(object)).map_or("", String::as_str),
        text(object, "raw_reason")
    )
    .to_lowercase()
}

fn is_subsequence(pattern: &str, haystack: &str) -> bool {
    let mut chars = haystack.chars();
    pattern
        .to_lowercase()
        .chars()
        .all(|p| chars.by_ref().any(|c| c == p))
}

fn summary_json(args: &[&str]) -> Value {
    let output = run([&["summary", "--json"], args].concat());
    serde_json::from_str(&success(&output)).expect("summary --json prints JSON")
}

// ---------------------------------------------------------------------------------------------
// summary

/// `summary` with no file reads the bundled sample and counts every row that has an address.
#[test]
fn summary_without_file_uses_bundled_sample() {
    let out = success(&run(["summary"]));
    let expected = sample_rows_with_address();
    assert!(
        out.starts_with(&format!("{SAMPLE_NAME} — {expected} contacts from 1 file")),
        "{out}"
    );
    assert!(out.contains("Load report"), "{out}");
}

/// `summary --json` prints one object with the documented keys and the sample's total.
#[test]
fn summary_json_has_documented_keys() {
    let value = summary_json(&[]);
    let object = value.as_object().expect("an object");
    for key in [
        "files",
        "total",
        "dispositions",
        "by",
        "breakdown",
        "warnings",
    ] {
        assert!(object.contains_key(key), "missing {key}: {value}");
    }
    assert_eq!(value["total"], sample_rows_with_address());
    assert_eq!(value["by"], "reason", "the default breakdown is by reason");
    assert_eq!(value["files"].as_array().map(Vec::len), Some(1));
    assert!(value["warnings"].is_array());
}

/// The per-disposition totals in `summary --json` add up to `total` and name every disposition.
#[test]
fn summary_json_disposition_totals_add_up() {
    let value = summary_json(&[]);
    let totals = value["dispositions"].as_object().expect("an object");
    let names: Vec<&str> = Disposition::ALL.iter().map(|d| d.as_str()).collect();
    for name in &names {
        assert!(totals.contains_key(*name), "no total for {name}: {value}");
    }
    let sum: u64 = totals.values().map(|v| v.as_u64().expect("a count")).sum();
    assert_eq!(Some(sum), value["total"].as_u64());
}

/// Every `--by` grouping works: its counts add up to the total and its shares to one.
#[test]
fn summary_by_every_grouping_adds_up() {
    for by in [
        "code",
        "enhanced",
        "disposition",
        "reason",
        "domain",
        "month",
    ] {
        let value = summary_json(&["--by", by]);
        assert_eq!(value["by"], by);
        let bins = value["breakdown"].as_array().expect("breakdown is a list");
        assert!(!bins.is_empty(), "--by {by} has no rows");
        let count: u64 = bins.iter().map(|b| b["count"].as_u64().unwrap()).sum();
        let share: f64 = bins.iter().map(|b| b["share"].as_f64().unwrap()).sum();
        assert_eq!(Some(count), value["total"].as_u64(), "--by {by}");
        assert!(
            (share - 1.0).abs() < 1e-6,
            "--by {by}: shares sum to {share}"
        );
        for bin in bins {
            assert!(bin["value"].is_string(), "--by {by}: {bin}");
        }
    }
}

/// The `--by disposition` breakdown agrees with the disposition totals.
#[test]
fn summary_by_disposition_matches_totals() {
    let value = summary_json(&["--by", "disposition"]);
    for bin in value["breakdown"].as_array().unwrap() {
        let name = bin["value"].as_str().unwrap();
        assert_eq!(bin["count"], value["dispositions"][name], "{name}");
    }
}

/// The table form of `summary` heads its breakdown with the chosen grouping.
#[test]
fn summary_table_by_every_grouping() {
    for by in [
        "code",
        "enhanced",
        "disposition",
        "reason",
        "domain",
        "month",
    ] {
        let out = success(&run(["summary", "--by", by]));
        let header = format!("{}  ", by.to_uppercase());
        assert!(
            out.lines().any(|l| l.starts_with(&header)),
            "--by {by}:\n{out}"
        );
    }
}

/// `summary --json` on the EU file reports the encoding and delimiter it detected.
#[test]
fn summary_json_reports_detected_format() {
    let path = variant("eu-semicolon-1252.csv");
    let value = summary_json(&[path.to_str().unwrap()]);
    let file = &value["files"][0];
    assert_eq!(file["encoding"], "windows-1252");
    assert_eq!(file["delimiter"], ";");
    assert_eq!(file["header"], true);
    assert_eq!(file["rows"], 25);
}

// ---------------------------------------------------------------------------------------------
// list on every sample variant

/// Our independent reading of each delimited variant finds the row count its author stated.
#[test]
fn variant_row_counts_are_as_documented() {
    for spec in &DELIMITED {
        assert_eq!(records(spec).len(), spec.rows, "{}", spec.file);
    }
    assert_eq!(sheet_rows(XLSX_SHEET).len() - 1, XLSX_ROWS);
}

/// `list --format json` on each delimited variant returns one object per data row.
#[test]
fn list_json_returns_every_row_of_each_variant() {
    for spec in &DELIMITED {
        let listed = list_json([variant(spec.file)]);
        assert_eq!(listed.len(), records(spec).len(), "{}", spec.file);
    }
}

/// `list --format json` on the workbook returns one object per row of its first sheet.
#[test]
fn list_json_returns_every_row_of_the_workbook() {
    let listed = list_json([variant(XLSX)]);
    assert_eq!(listed.len(), sheet_rows(XLSX_SHEET).len() - 1);
}

/// The listed addresses are the file's addresses, in file order.
#[test]
fn list_keeps_addresses_in_file_order() {
    for spec in &DELIMITED {
        let listed = emails(&list_json([variant(spec.file)]));
        let mut remaining = records(spec)
            .into_iter()
            .map(|r| r.iter().map(str::to_string).collect::<Vec<_>>());
        for email in &listed {
            assert!(
                remaining.any(|fields| fields.iter().any(|f| f.trim() == email)),
                "{}: {email} is not in the file, or out of order",
                spec.file
            );
        }
    }
}

/// Every listed object carries the documented keys, with `source` naming the file.
#[test]
fn list_objects_have_documented_keys() {
    let mut files: Vec<&str> = DELIMITED.iter().map(|s| s.file).collect();
    files.push(XLSX);
    for file in files {
        let path = variant(file);
        for object in list_json([&path]) {
            for key in LIST_KEYS {
                assert!(object.contains_key(key), "{file}: no {key} in {object:?}");
            }
            assert_eq!(text(&object, "source"), path.to_str().unwrap());
            assert!(line(&object) >= 1);
            assert!(text(&object, "email").contains('@'), "{object:?}");
        }
    }
}

/// Names with accents, Greek, Cyrillic and CJK come out as written, whatever the encoding.
#[test]
fn list_keeps_non_ascii_names() {
    for spec in DELIMITED.iter().filter(|s| !s.names.is_empty()) {
        let listed = list_json([variant(spec.file)]);
        let names: Vec<&str> = listed.iter().map(|o| text(o, "name")).collect();
        for name in spec.names {
            assert!(
                names.contains(name),
                "{}: {name} not in {names:?}",
                spec.file
            );
        }
        assert!(
            names.iter().all(|n| !n.contains('\u{FFFD}')),
            "{}: {names:?}",
            spec.file
        );
    }
    let listed = list_json([variant(XLSX)]);
    assert!(listed.iter().any(|o| text(o, "name") == "José Núñez"));
}

/// Every contact's `line` is the line of the file holding its address, whatever the line ends.
#[test]
fn list_line_points_at_the_address() {
    for spec in &DELIMITED {
        let text_lines: Vec<String> = decoded(spec).split('\n').map(str::to_string).collect();
        for object in list_json([variant(spec.file)]) {
            let at = &text_lines[line(&object) as usize - 1];
            assert!(
                at.contains(text(&object, "email")),
                "{}: line {} is {at:?}, not {}",
                spec.file,
                line(&object),
                text(&object, "email")
            );
        }
    }
}

/// The bundled sample (CRLF, multi-line reasons) reports its defects at their real lines.
#[test]
fn sample_report_lines_match_the_file() {
    let bytes = std::fs::read(sample("suppression-export.csv")).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    let value = summary_json(&[]);
    let warnings: Vec<&str> = value["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    let no_address = warnings
        .iter()
        .find(|w| w.contains("no address"))
        .expect("the sample has a row with an empty email");
    let n: usize = no_address
        .rsplit("line ")
        .next()
        .and_then(|rest| rest.trim_end_matches(')').parse().ok())
        .expect("one line listed");
    assert!(lines[n - 1].starts_with(','), "line {n}: {}", lines[n - 1]);
    let bad_date = warnings
        .iter()
        .find(|w| w.contains("date"))
        .expect("the sample has an n/a date");
    let na = lines.iter().position(|l| l.contains(",n/a,")).unwrap() + 1;
    assert!(
        bad_date.contains(&na.to_string()),
        "{bad_date}, n/a on line {na}"
    );
}

/// In the workbook, every contact's `line` is the spreadsheet row holding its address.
#[test]
fn list_line_is_the_spreadsheet_row() {
    let rows: BTreeMap<u64, Vec<String>> = sheet_rows(XLSX_SHEET).into_iter().collect();
    for object in list_json([variant(XLSX)]) {
        let row = &rows[&line(&object)];
        assert!(
            row.iter().any(|cell| cell.trim() == text(&object, "email")),
            "row {} is {row:?}",
            line(&object)
        );
    }
}

/// SES rows whose reason is COMPLAINT are complaints, and no others are.
#[test]
fn ses_complaints_are_complaints() {
    let spec = &DELIMITED[4];
    let complained: Vec<String> = records(spec)
        .iter()
        .filter(|r| r.get(1) == Some("COMPLAINT"))
        .map(|r| r[0].to_string())
        .collect();
    assert!(!complained.is_empty());
    let listed = list_json([variant(spec.file)]);
    let complaints: Vec<String> = listed
        .iter()
        .filter(|o| text(o, "disposition") == "complaint")
        .map(|o| text(o, "email").to_string())
        .collect();
    assert_eq!(complaints, complained);
}

/// SES puts an address on its suppression list under BOUNCE only for a hard bounce.
#[test]
fn ses_bounces_are_hard() {
    let spec = &DELIMITED[4];
    for object in list_json([variant(spec.file)]) {
        if text(&object, "disposition") != "complaint" {
            assert_eq!(text(&object, "disposition"), "hard", "{object:?}");
        }
    }
}

/// Every row of a Mailchimp "unsubscribed" export is an opt-out.
#[test]
fn mailchimp_unsubscribes_are_opt_outs() {
    let listed = list_json([variant("mailchimp-unsubscribed.csv")]);
    assert_eq!(listed.len(), 12);
    for object in &listed {
        assert_eq!(text(object, "disposition"), "opt-out", "{object:?}");
        assert_eq!(text(object, "reason"), "opted-out", "{object:?}");
    }
}

/// The EU export's `550 5.1.1` user-unknown row for Jürgen Müller is a hard bounce.
#[test]
fn eu_user_unknown_is_hard() {
    let listed = list_json([variant("eu-semicolon-1252.csv")]);
    let juergen = listed
        .iter()
        .find(|o| text(o, "name") == "Jürgen Müller")
        .expect("Jürgen Müller is in the file");
    assert_eq!(text(juergen, "status_code"), "5.1.1");
    assert_eq!(text(juergen, "reply_code"), "550");
    assert_eq!(text(juergen, "disposition"), "hard");
    assert_eq!(text(juergen, "reason"), "user-unknown");
}

/// The workbook's code cells are text, so `000` and `5.1.10` survive as written.
#[test]
fn xlsx_keeps_codes_as_text() {
    let listed = list_json([variant(XLSX)]);
    let by_email = |email: &str| {
        listed
            .iter()
            .find(|o| text(o, "email") == email)
            .unwrap_or_else(|| panic!("{email} is in the workbook"))
    };
    assert_eq!(text(by_email("bob@yahoo.con"), "reply_code"), "000");
    assert_eq!(
        text(
            by_email("jose.nunez@bluepeak-consulting.com"),
            "status_code"
        ),
        "5.1.10"
    );
}

/// A headerless one-column list gives each address with no code and no reason.
#[test]
fn headerless_list_has_addresses_only() {
    for object in list_json([variant("headerless-addresses.csv")]) {
        assert_eq!(text(&object, "reply_code"), "");
        assert_eq!(text(&object, "status_code"), "");
        assert_eq!(text(&object, "raw_reason"), "");
        assert_eq!(text(&object, "disposition"), "unknown");
    }
}

// ---------------------------------------------------------------------------------------------
// list filters on the bundled sample

/// `--disposition X` returns exactly the contacts with disposition X, for every X.
#[test]
fn list_filters_by_each_disposition() {
    let all = sample_list();
    for disposition in Disposition::ALL.map(Disposition::as_str) {
        let listed = sample_filtered(&["--disposition", disposition]);
        assert!(
            !listed.is_empty(),
            "no {disposition} contacts in the sample"
        );
        assert!(listed.iter().all(|o| text(o, "disposition") == disposition));
        let expected = all
            .iter()
            .filter(|o| text(o, "disposition") == disposition)
            .count();
        assert_eq!(listed.len(), expected, "{disposition}");
    }
}

/// `--reason X` returns exactly the contacts with reason X, for every X.
#[test]
fn list_filters_by_each_reason() {
    let all = sample_list();
    for reason in Reason::ALL.map(Reason::as_str) {
        let listed = sample_filtered(&["--reason", reason]);
        assert!(!listed.is_empty(), "no {reason} contacts in the sample");
        assert!(listed.iter().all(|o| text(o, "reason") == reason));
        let expected = all.iter().filter(|o| text(o, "reason") == reason).count();
        assert_eq!(listed.len(), expected, "{reason}");
    }
}

/// Whether `text` mentions `code` as a whole code (not as part of `5.1.10` or `15.1.1`).
fn mentions_code(text: &str, code: &str) -> bool {
    text.match_indices(code).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + code.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
            && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Whether a listed contact carries `code` as its main code or in its reason text.
fn carries(object: &Object, code: &str) -> bool {
    text(object, "reply_code") == code
        || text(object, "status_code") == code
        || mentions_code(text(object, "raw_reason"), code)
}

/// `--code X` returns only contacts carrying X, and every contact whose main code is X.
fn assert_code_filter(code: &str) {
    let listed = sample_filtered(&["--code", code]);
    assert!(!listed.is_empty(), "nothing carries {code}");
    for object in &listed {
        assert!(carries(object, code), "{code}: {object:?}");
    }
    let lines: Vec<u64> = listed.iter().map(line).collect();
    for object in sample_list() {
        if text(&object, "reply_code") == code || text(&object, "status_code") == code {
            assert!(lines.contains(&line(&object)), "{code} missed {object:?}");
        }
    }
}

/// `--code 5.1.1` returns the contacts carrying 5.1.1 (and not those with only 5.1.10).
#[test]
fn list_filters_by_exact_status_code() {
    assert_code_filter("5.1.1");
}

/// `--code 550` returns the contacts carrying the reply code 550.
#[test]
fn list_filters_by_reply_code() {
    assert_code_filter("550");
}

/// `--code 5.7` matches every 5.7.x code and nothing else.
#[test]
fn list_filters_by_status_prefix() {
    let listed = sample_filtered(&["--code", "5.7"]);
    assert!(!listed.is_empty());
    let is_5_7 = |code: &str| {
        code.strip_prefix("5.7.")
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    };
    let in_text = |reason: &str| {
        reason.match_indices("5.7.").any(|(at, _)| {
            let before = reason[..at].chars().next_back();
            let after = reason[at + 4..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
                && after.is_some_and(|c| c.is_ascii_digit())
        })
    };
    for object in &listed {
        assert!(
            is_5_7(text(object, "status_code")) || in_text(text(object, "raw_reason")),
            "{object:?}"
        );
    }
    let lines: Vec<u64> = listed.iter().map(line).collect();
    for object in sample_list() {
        if is_5_7(text(&object, "status_code")) {
            assert!(lines.contains(&line(&object)), "missed {object:?}");
        }
    }
    let distinct: std::collections::HashSet<&str> =
        listed.iter().map(|o| text(o, "status_code")).collect();
    assert!(
        distinct.len() > 1,
        "a prefix matches several codes: {distinct:?}"
    );
}

/// `--domain gmail.com` returns exactly the Gmail addresses, whatever the case typed.
#[test]
fn list_filters_by_domain() {
    let listed = sample_filtered(&["--domain", "gmail.com"]);
    assert!(!listed.is_empty());
    for object in &listed {
        assert!(
            text(object, "email")
                .to_lowercase()
                .trim_end_matches(['>', '.', ',', ';'])
                .ends_with("@gmail.com"),
            "{object:?}"
        );
    }
    let expected = sample_list()
        .into_iter()
        .filter(|o| text(o, "email").to_lowercase().ends_with("@gmail.com"))
        .count();
    assert_eq!(listed.len(), expected);
    assert_eq!(
        emails(&sample_filtered(&["--domain", "GMAIL.COM"])),
        emails(&listed)
    );
}

/// A fuzzy `--search` returns contacts whose text holds the letters in order.
#[test]
fn list_search_is_fuzzy() {
    let companies = sample_companies();
    let listed = sample_filtered(&["--search", "nrthwnd"]);
    assert!(!listed.is_empty());
    assert!(
        listed
            .iter()
            .any(|o| text(o, "email").contains("northwind"))
    );
    for object in &listed {
        assert!(
            is_subsequence("nrthwnd", &haystack(object, &companies)),
            "{object:?}"
        );
    }
}

/// `--search "'quota"` returns exactly the contacts whose text contains "quota".
#[test]
fn list_search_exact_term() {
    let companies = sample_companies();
    let listed = sample_filtered(&["--search", "'quota"]);
    assert!(!listed.is_empty());
    for object in &listed {
        assert!(haystack(object, &companies).contains("quota"), "{object:?}");
    }
    let expected = sample_list()
        .iter()
        .filter(|o| haystack(o, &companies).contains("quota"))
        .count();
    assert_eq!(listed.len(), expected);
}

/// `--search '!gmail'` drops exactly the contacts whose text mentions gmail.
#[test]
fn list_search_excludes_term() {
    let companies = sample_companies();
    let all = sample_list();
    let listed = sample_filtered(&["--search", "!gmail"]);
    assert!(!listed.is_empty() && listed.len() < all.len());
    for object in &listed {
        assert!(
            !haystack(object, &companies).contains("gmail"),
            "{object:?}"
        );
    }
    let expected = all
        .iter()
        .filter(|o| !haystack(o, &companies).contains("gmail"))
        .count();
    assert_eq!(listed.len(), expected);
}

/// Filters combine: every row returned satisfies all of them.
#[test]
fn list_filters_combine() {
    let listed = sample_filtered(&["--disposition", "hard", "--domain", "gmail.com"]);
    assert!(!listed.is_empty());
    for object in &listed {
        assert_eq!(text(object, "disposition"), "hard");
        assert!(text(object, "email").to_lowercase().ends_with("@gmail.com"));
    }
}

/// `--format csv` has the documented header and the same rows as `--format json`.
#[test]
fn list_csv_matches_json() {
    let json = sample_list();
    let out = success(&run(["list", "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, LIST_KEYS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json.len());
    for (row, object) in rows.iter().zip(&json) {
        for (key, value) in LIST_KEYS.iter().zip(row.iter()) {
            let expected = match &object[*key] {
                Value::Number(n) => n.to_string(),
                _ => text(object, key).to_string(),
            };
            assert_eq!(value, expected, "{key}");
        }
    }
}

/// The default table ends with the number of contacts listed.
#[test]
fn list_table_counts_contacts() {
    let out = success(&run(["list", "--disposition", "complaint"]));
    let count = sample_filtered(&["--disposition", "complaint"]).len();
    assert_eq!(
        out.lines().last(),
        Some(format!("{count} contacts").as_str())
    );
}

/// An unknown `--disposition` is a usage error on one line.
#[test]
fn list_rejects_unknown_disposition() {
    let message = failure(&run(["list", "--disposition", "bogus"]), 2);
    assert!(message.contains("bogus"), "{message}");
}

/// An unknown `--disposition` names the values that would have worked.
#[test]
fn list_unknown_disposition_lists_choices() {
    let message = failure(&run(["list", "--disposition", "bogus"]), 2);
    for disposition in Disposition::ALL.map(Disposition::as_str) {
        assert!(message.contains(disposition), "{message}");
    }
}

// ---------------------------------------------------------------------------------------------
// several files

/// Listing two files returns both files' rows, each naming its source, in the order given.
#[test]
fn list_several_files_at_once() {
    let a = variant("ses-suppression.csv");
    let b = variant("postmark-bounces.csv");
    let listed = list_json([&a, &b]);
    let (a_rows, b_rows) = (list_json([&a]), list_json([&b]));
    assert_eq!(listed.len(), a_rows.len() + b_rows.len());
    let sources: Vec<&str> = listed.iter().map(|o| text(o, "source")).collect();
    let split = a_rows.len();
    assert!(sources[..split].iter().all(|s| *s == a.to_str().unwrap()));
    assert!(sources[split..].iter().all(|s| *s == b.to_str().unwrap()));
    assert_eq!(emails(&listed), [emails(&a_rows), emails(&b_rows)].concat());
}

/// `summary --json` over two files lists both with their row counts.
#[test]
fn summary_several_files_at_once() {
    let a = variant("sendgrid-bounces.csv");
    let b = variant(XLSX);
    let value = summary_json(&[a.to_str().unwrap(), b.to_str().unwrap()]);
    let files = value["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["name"], a.to_str().unwrap());
    assert_eq!(files[1]["name"], b.to_str().unwrap());
    assert_eq!(value["total"], 25 + XLSX_ROWS);
}

// ---------------------------------------------------------------------------------------------
// overrides

/// Forcing the EU file's real delimiter and encoding reads it the same as detection does.
#[test]
fn overrides_delimiter_and_encoding() {
    let path = variant("eu-semicolon-1252.csv");
    let forced = list_json([
        "--delimiter",
        ";",
        "--encoding",
        "windows-1252",
        path.to_str().unwrap(),
    ]);
    assert_eq!(forced.len(), 25);
    assert!(forced.iter().any(|o| text(o, "name") == "Jürgen Müller"));
    assert_eq!(forced, list_json([&path]));
}

/// Forcing the wrong encoding is obeyed: the accents are replaced and the report says where.
#[test]
fn override_wrong_encoding_is_obeyed_and_reported() {
    let path = variant("eu-semicolon-1252.csv");
    let listed = list_json(["--encoding", "utf-8", path.to_str().unwrap()]);
    assert_eq!(listed.len(), 25);
    assert!(listed.iter().any(|o| text(o, "name").contains('\u{FFFD}')));
    let value = summary_json(&["--encoding", "utf-8", path.to_str().unwrap()]);
    assert_eq!(value["files"][0]["encoding"], "UTF-8");
    let warnings = value["warnings"].to_string();
    assert!(warnings.contains("unreadable characters"), "{warnings}");
}

/// `--column email=… --column reason=…` pick the columns when the headers are not recognised.
#[test]
fn override_email_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crm.csv");
    // The account manager's column holds more addresses than the recipients' column (one
    // recipient is blank), so only the override can make the recipients the contacts.
    std::fs::write(
        &path,
        "Kontakt Postfach,Betreuer,Grund\n\
         anna@kunde.de,rep@firma.de,550 5.1.1 user unknown\n\
         bernd@kunde.de,rep@firma.de,452 4.2.2 mailbox full\n\
         ,rep@firma.de,no address given\n\
         carla@kunde.de,rep2@firma.de,ok\n",
    )
    .unwrap();
    let listed = list_json([
        "--column",
        "email=Kontakt Postfach",
        "--column",
        "reason=Grund",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        emails(&listed),
        ["anna@kunde.de", "bernd@kunde.de", "carla@kunde.de"]
    );
    assert_eq!(text(&listed[0], "status_code"), "5.1.1");
    assert_eq!(text(&listed[0], "disposition"), "hard");
    assert_eq!(text(&listed[1], "raw_reason"), "452 4.2.2 mailbox full");
}

/// `--column email=HEADER` naming a header the file lacks fails and lists the headers.
#[test]
fn override_missing_column_lists_headers() {
    let path = variant("sendgrid-bounces.csv");
    let message = failure(
        &run(["summary", "--column", "email=Nope", path.to_str().unwrap()]),
        1,
    );
    assert!(message.contains(path.to_str().unwrap()), "{message}");
    assert!(message.contains("Nope"), "{message}");
    for header in ["email", "created", "status", "reason"] {
        assert!(message.contains(header), "{message}");
    }
}

/// `--sheet` picks a sheet by name, ignoring case.
#[test]
fn sheet_by_name() {
    let path = variant(XLSX);
    let listed = list_json(["--sheet", "suppression list", path.to_str().unwrap()]);
    assert_eq!(listed.len(), XLSX_ROWS);
}

/// `--sheet Notes` (free text, no addresses) fails with one line saying there is no email column.
#[test]
fn sheet_without_addresses_fails_clearly() {
    let path = variant(XLSX);
    let message = failure(
        &run(["summary", "--sheet", "Notes", path.to_str().unwrap()]),
        1,
    );
    assert!(message.contains(path.to_str().unwrap()), "{message}");
    assert!(message.contains("email address"), "{message}");
}

/// `--sheet Bogus` fails and names the sheets the workbook has.
#[test]
fn unknown_sheet_names_the_sheets() {
    let path = variant(XLSX);
    let message = failure(
        &run(["summary", "--sheet", "Bogus", path.to_str().unwrap()]),
        1,
    );
    assert!(message.contains("Bogus"), "{message}");
    let workbook = calamine::open_workbook_auto(&path).unwrap();
    let names = workbook.sheet_names();
    assert!(names.len() >= 2);
    for name in names {
        assert!(message.contains(&name), "{name} not in: {message}");
    }
}

// ---------------------------------------------------------------------------------------------
// lookup

fn lookup(query: &[&str]) -> String {
    success(&run([&["lookup"], query].concat()))
}

/// `lookup` answers every code of the article's tables with the article's text, word for word.
#[test]
fn lookup_prints_article_text_for_every_article_code() {
    for row in ARTICLE_REPLY.iter().chain(ARTICLE_ENHANCED) {
        let out = lookup(&[row.code]);
        assert!(
            out.starts_with(&format!("{}  ", row.code)),
            "{}:\n{out}",
            row.code
        );
        let article = format!("Article:   {}\n", row.common_reason);
        assert!(out.contains(&article), "{}:\n{out}", row.code);
    }
}

/// `lookup` answers every registry code, in each failure class the registry allows, with its title.
#[test]
fn lookup_prints_registry_title_for_every_enhanced_code() {
    let mut asked = 0;
    for def in ENHANCED {
        for class in [5, 4] {
            if !def.classes.contains(&format!("{class}.X.X")) {
                continue;
            }
            let code = format!("{class}.{}.{}", def.subject, def.detail);
            let out = lookup(&[&code]);
            let first = out.lines().next().unwrap_or_default();
            assert!(
                first.starts_with(&format!("{code}  {}  ", def.title)),
                "{code}: {first}"
            );
            assert!(
                !out.contains("Not in the registry"),
                "{code} is in the registry"
            );
            asked += 1;
        }
    }
    assert!(asked > ENHANCED.len(), "both classes were asked");
}

/// `lookup 4.2.2` reads a full mailbox as a soft bounce.
#[test]
fn lookup_transient_mailbox_full_is_soft() {
    let out = lookup(&["4.2.2"]);
    let usually = out
        .lines()
        .find(|l| l.trim_start().starts_with("Usually:"))
        .expect("a Usually line");
    assert!(usually.contains("soft"), "{usually}");
    assert!(!usually.contains("hard"), "{usually}");
}

/// `lookup 5.1.1` reads an unknown user as a hard bounce.
#[test]
fn lookup_user_unknown_is_hard() {
    let out = lookup(&["5.1.1"]);
    assert!(out.contains("Usually:   hard"), "{out}");
}

/// `lookup mailbox full` (words, one or several arguments) lists 5.2.2.
#[test]
fn lookup_words_find_mailbox_full() {
    for query in [&["mailbox", "full"][..], &["mailbox full"][..]] {
        let out = lookup(query);
        assert!(out.starts_with("CODE"), "{out}");
        assert!(out.lines().any(|l| l.starts_with("5.2.2 ")), "{out}");
    }
}

/// An unregistered detail such as 5.7.606 is explained by its subject's catch-all, 5.7.0.
#[test]
fn lookup_unregistered_detail_falls_back_to_subject() {
    let out = lookup(&["5.7.606"]);
    let catch_all = ENHANCED
        .iter()
        .find(|d| d.subject == 7 && d.detail == 0)
        .expect("the registry has X.7.0");
    assert!(out.starts_with("5.7.606  "), "{out}");
    assert!(out.contains(catch_all.title), "{out}");
    assert!(out.contains("5.7.0"), "{out}");
}

/// A well-formed code the reference does not know is a runtime error on one line.
#[test]
fn lookup_unknown_code_fails() {
    let message = failure(&run(["lookup", "599"]), 1);
    assert!(message.contains("599"), "{message}");
}

/// Words nothing in the reference mentions are a runtime error on one line.
#[test]
fn lookup_unknown_words_fail() {
    let message = failure(&run(["lookup", "xyzzyplugh"]), 1);
    assert!(message.contains("xyzzyplugh"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// exit statuses and the error line

/// An unknown flag is a usage error (2) on one line.
#[test]
fn unknown_flag_is_usage_error() {
    let message = failure(&run(["summary", "--bogus"]), 2);
    assert!(message.contains("--bogus"), "{message}");
}

/// `lookup` with no query is a usage error (2) on one line.
#[test]
fn lookup_without_query_is_usage_error() {
    failure(&run(["lookup"]), 2);
}

/// `lookup` with no query says what is missing.
#[test]
fn lookup_without_query_names_the_argument() {
    let message = failure(&run(["lookup"]), 2);
    assert!(message.to_lowercase().contains("query"), "{message}");
}

/// Invalid values for enumerated and parsed options are usage errors on one line.
#[test]
fn invalid_option_values_are_usage_errors() {
    let cases: [&[&str]; 6] = [
        &["summary", "--by", "nope"],
        &["list", "--format", "xml"],
        &["list", "--delimiter", "ab"],
        &["list", "--encoding", "klingon"],
        &["list", "--column", "nonsense"],
        &["list", "--column", "colour=Email"],
    ];
    for args in cases {
        failure(&run(args), 2);
    }
}

/// A missing file is a runtime error (1) on one line naming the file.
#[test]
fn missing_file_is_runtime_error() {
    let message = failure(&run(["summary", "no-such-export.csv"]), 1);
    assert!(message.contains("no-such-export.csv"), "{message}");
}

/// `--help` and `--version` print to stdout and succeed.
#[test]
fn help_and_version_succeed() {
    let help = success(&run(["--help"]));
    assert!(help.contains("Usage:"), "{help}");
    for command in ["summary", "lookup", "list"] {
        assert!(help.contains(command), "{help}");
    }
    let version = success(&run(["--version"]));
    assert!(version.starts_with("bouncelens "), "{version}");
}

/// With no subcommand and no terminal, bouncelens refuses (2) and points to `summary`.
#[test]
fn no_subcommand_without_terminal_points_to_summary() {
    let message = failure(&run(std::iter::empty::<&str>()), 2);
    assert!(message.contains("bouncelens summary"), "{message}");
}

/// The same holds when a file is given without a subcommand.
#[test]
fn file_without_subcommand_without_terminal_points_to_summary() {
    let path = variant("ses-suppression.csv");
    let message = failure(&run([path.as_path()]), 2);
    assert!(message.contains("bouncelens summary"), "{message}");
}

/// The bundled sample is embedded: `summary` works from any directory and writes nothing there.
#[test]
fn summary_works_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    let output = common::bouncelens()
        .current_dir(dir.path())
        .args(["summary", "--json"])
        .output()
        .unwrap();
    let value: Value = serde_json::from_str(&success(&output)).unwrap();
    assert_eq!(value["total"], sample_rows_with_address());
    assert!(Path::new(dir.path()).read_dir().unwrap().next().is_none());
}

/// Should a command ever panic, the user sees one line saying so and that no file changed, not
/// Rust's message and backtrace (even with `RUST_BACKTRACE` set), and the status is not 0.
#[test]
fn a_panic_prints_one_line() {
    let output = common::bouncelens()
        .arg("summary")
        .env("BOUNCELENS_TEST_PANIC", "1")
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("bouncelens runs");
    let stderr = common::stderr(&output);
    assert_eq!(output.status.code(), Some(101), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("bouncelens: internal error: test panic requested"),
        "{stderr}"
    );
    assert!(stderr.contains("Your files were not changed"), "{stderr}");
}
