//! Cleaning a list from the command line: `export` writes the original columns plus what
//! bouncelens worked out, never over its input, never half a file; `fixes` lists the proposed
//! corrections; `list --action` and the `action`/`suggestion` keys.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{bouncelens, failure, list_json, run, sample, stderr, stdout, success, text, variant};
use serde_json::Value;

const ADDED: [&str; 7] = [
    "Disposition (bouncelens)",
    "Reason (bouncelens)",
    "Reply code (bouncelens)",
    "Status code (bouncelens)",
    "Meaning (bouncelens)",
    "Action (bouncelens)",
    "Suggestion (bouncelens)",
];

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .expect("the export opens");
    let headers = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_string).collect())
        .collect();
    (headers, rows)
}

/// `summary --json` totals per disposition, and the number of contacts.
fn totals(args: &[&Path]) -> (BTreeMap<String, u64>, u64) {
    let output = bouncelens()
        .arg("summary")
        .arg("--json")
        .args(args)
        .output()
        .expect("runs");
    let value: Value = serde_json::from_str(&success(&output)).expect("JSON");
    let dispositions = value["dispositions"]
        .as_object()
        .expect("dispositions")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().expect("a count")))
        .collect();
    (dispositions, value["total"].as_u64().expect("total"))
}

fn export(args: &[&str], out: &Path) -> std::process::Output {
    bouncelens()
        .arg("export")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("runs")
}

#[test]
fn sample_export_keeps_the_original_columns_and_reloads_with_the_same_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("all.csv");
    let said = success(&export(&[], &out));
    let (before, total) = totals(&[]);
    assert_eq!(
        said.trim(),
        format!("Wrote {total} contacts to {}", out.display())
    );
    let bytes = fs::read(&out).expect("written");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a BOM for spreadsheets"
    );

    let original = sample("suppression-export.csv");
    let (original_headers, original_rows) = read_csv(&original);
    let (headers, rows) = read_csv(&out);
    assert_eq!(headers[..original_headers.len()], original_headers[..]);
    assert!(headers.ends_with(&ADDED.map(String::from)), "{headers:?}");
    let extras = &headers[original_headers.len()..headers.len() - ADDED.len()];
    assert_eq!(
        extras,
        ["(extra field 1)"],
        "the ragged row's field is kept"
    );
    assert_eq!(rows.len() as u64, total);
    let originals: Vec<&Vec<String>> = original_rows
        .iter()
        .filter(|row| row.first().is_some_and(|email| !email.trim().is_empty()))
        .collect();
    assert_eq!(originals.len(), rows.len(), "one row per contact");
    for (written, source) in rows.iter().zip(&originals) {
        for (column, value) in source.iter().enumerate() {
            assert_eq!(&written[column], value, "column {column} of {source:?}");
        }
    }
    assert!(
        rows.iter()
            .any(|row| row.iter().any(|f| f.contains("Núñez"))),
        "non-ASCII names survive"
    );

    let (after, reloaded) = totals(&[&out]);
    assert_eq!(
        (after, reloaded),
        (before, total),
        "the export re-loads the same"
    );
}

#[test]
fn export_applies_the_list_filters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("typos.csv");
    let listed = list_json(["--action", "fix-typo"]);
    assert!(!listed.is_empty(), "the sample has typos to fix");
    success(&export(&["--action", "fix-typo"], &out));
    let (headers, rows) = read_csv(&out);
    let action = headers
        .iter()
        .position(|h| h == ADDED[5])
        .expect("action column");
    let suggestion = headers
        .iter()
        .position(|h| h == ADDED[6])
        .expect("suggestion column");
    assert_eq!(rows.len(), listed.len());
    for (row, contact) in rows.iter().zip(&listed) {
        assert_eq!(row[action], "fix-typo");
        assert_eq!(row[suggestion], text(contact, "suggestion"));
        assert!(!row[suggestion].is_empty());
        assert_eq!(row[0], text(contact, "email"));
    }
}

#[test]
fn export_to_stdout_writes_plain_csv() {
    let output = run(["export", "--disposition", "complaint", "--out", "-"]);
    let csv = success(&output);
    assert!(!csv.starts_with('\u{feff}'), "no BOM in a pipe");
    let complaints = list_json(["--disposition", "complaint"]);
    assert_eq!(csv.lines().count(), complaints.len() + 1);
    assert!(csv.lines().skip(1).all(|l| l.contains(",complaint,")));
}

#[test]
fn export_refuses_to_overwrite_its_input_by_any_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("list.csv");
    fs::copy(sample("suppression-export.csv"), &input).expect("copy");
    let before = fs::read(&input).expect("read");
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&input, &link).expect("symlink");
    let spellings: [PathBuf; 3] = [
        input.clone(),
        dir.path().join("sub").join("..").join("list.csv"),
        link,
    ];
    for out in &spellings {
        let output = bouncelens()
            .arg("export")
            .arg(&input)
            .arg("--out")
            .arg(out)
            .arg("--force")
            .output()
            .expect("runs");
        let line = failure(&output, 1);
        assert!(line.contains("input file"), "{line}");
        assert_eq!(fs::read(&input).expect("read"), before, "input untouched");
    }
}

#[test]
fn export_asks_for_force_before_replacing_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("existing.csv");
    fs::write(&out, "keep me\n").expect("write");
    let line = failure(&export(&[], &out), 1);
    assert!(
        line.contains("already exists") && line.contains("--force"),
        "{line}"
    );
    assert_eq!(fs::read_to_string(&out).expect("read"), "keep me\n");
    success(&export(&["--force"], &out));
    let (headers, rows) = read_csv(&out);
    assert_eq!(headers.last().map(String::as_str), Some(ADDED[6]));
    assert!(!rows.is_empty());
    let folder = failure(&export(&["--force"], dir.path()), 1);
    assert!(folder.contains("not a regular file"), "{folder}");
}

/// Files left in `dir`, temporary ones included.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_that_fails_halfway_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("big.csv");
    let exe = assert_cmd::cargo::cargo_bin("bouncelens");
    // A file-size limit of 8 KB makes the write fail partway, as a full disk would, and
    // works even when the tests run as root. SIGXFSZ is ignored so the write returns an error.
    let script = format!(
        "ulimit -f 16; trap '' XFSZ; exec '{}' export --out '{}'",
        exe.display(),
        out.display()
    );
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("sh runs");
    let line = failure(&output, 1);
    assert!(line.contains("could not write"), "{line}");
    assert!(
        entries(dir.path()).is_empty(),
        "left: {:?}",
        entries(dir.path())
    );
}

#[test]
fn a_read_only_directory_gives_one_line_and_no_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).expect("mkdir");
    let mut permissions = fs::metadata(&locked).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o555);
    fs::set_permissions(&locked, permissions).expect("chmod");
    if fs::write(locked.join("probe"), "x").is_ok() {
        fs::remove_file(locked.join("probe")).expect("cleanup");
        eprintln!(
            "running as root: permissions do not stop writes; the size-limit test covers this"
        );
        return;
    }
    let line = failure(&export(&[], &locked.join("out.csv")), 1);
    assert!(
        line.contains("could not write") && line.contains("out.csv"),
        "{line}"
    );
    assert!(entries(&locked).is_empty());
}

#[test]
fn fixes_lists_each_correction_with_its_confidence() {
    let output = run(["fixes", "--format", "json"]);
    let value: Value = serde_json::from_str(&success(&output)).expect("JSON");
    let fixes = value.as_array().expect("an array");
    let keys = [
        "old",
        "new",
        "confidence",
        "fix",
        "why",
        "disposition",
        "source",
        "line",
    ];
    for fix in fixes {
        let object = fix.as_object().expect("object");
        assert_eq!(object.keys().map(String::as_str).collect::<Vec<_>>(), keys);
        assert_ne!(object["old"], object["new"]);
        assert!(matches!(
            object["confidence"].as_str(),
            Some("high" | "medium")
        ));
    }
    let pairs: Vec<(&str, &str)> = fixes
        .iter()
        .map(|f| {
            (
                f["old"].as_str().unwrap_or(""),
                f["new"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        pairs.contains(&("jane.doe@gmial.com", "jane.doe@gmail.com")),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("bob@yahoo.con", "bob@yahoo.com")),
        "{pairs:?}"
    );

    let table = success(&run(["fixes"]));
    assert!(table.contains("jane.doe@gmial.com") && table.contains("high"));
    assert!(
        table
            .trim_end()
            .ends_with(&format!("{} proposed corrections", fixes.len()))
    );
}

#[test]
fn every_listed_contact_has_an_action_and_typos_a_suggestion() {
    let listed = list_json(Vec::<&str>::new());
    let allowed = [
        "fix-typo",
        "retry-later",
        "check-sending",
        "find-new-address",
        "remove",
        "keep-suppressed",
    ];
    for contact in &listed {
        let action = text(contact, "action");
        assert!(allowed.contains(&action), "{action}");
        let suggestion = text(contact, "suggestion");
        assert_eq!(action == "fix-typo", !suggestion.is_empty(), "{contact:?}");
        match text(contact, "disposition") {
            "opt-out" | "complaint" => assert_eq!(action, "keep-suppressed"),
            "soft" => assert!(matches!(action, "retry-later" | "check-sending")),
            _ => {}
        }
    }
}

#[test]
fn summary_names_whole_domains_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("closed.csv");
    let mut csv = String::from("Email,Reason\n");
    for name in ["ann", "bo", "cy", "di"] {
        csv.push_str(&format!(
            "{name}@old-company.example,\"550 5.1.2 Host unknown: domain not found\"\n"
        ));
    }
    csv.push_str("zed@gmail.com,550 5.1.1 user unknown\n");
    fs::write(&path, csv).expect("write");
    let output = bouncelens()
        .arg("summary")
        .arg(&path)
        .output()
        .expect("runs");
    let summary = success(&output);
    assert_eq!(
        summary.matches("old-company.example").count(),
        1,
        "{summary}"
    );
    assert!(summary.contains("4 of 4 contacts"), "{summary}");
    assert!(!summary.contains("gmail.com:"), "{summary}");
}

#[test]
fn export_of_a_variant_keeps_its_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = variant("eu-semicolon-1252.csv");
    let out = dir.path().join("eu.csv");
    let output = bouncelens()
        .arg("export")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("runs");
    assert!(stdout(&output).starts_with("Wrote 25 contacts"));
    assert!(stderr(&output).is_empty());
    let (headers, rows) = read_csv(&out);
    assert_eq!(headers.len(), 7 + ADDED.len(), "{headers:?}");
    assert!(
        rows.iter()
            .any(|row| row.iter().any(|f| f == "Müller & Söhne GmbH")),
        "Windows-1252 names come out as UTF-8"
    );
    assert_eq!(totals(&[&out]), totals(&[&input]));
}
