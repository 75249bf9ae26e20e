//! Loading arbitrary bytes, as `bouncelens summary -` would read them from standard input.
//!
//! Each input is loaded twice through the public `ingest::load`:
//! 1. as it is, with `LoadOptions::default()` (detected format, encoding and delimiter; the
//!    machine's classification threads);
//! 2. without its first byte, with a delimiter and an encoding forced as the command line's
//!    `--delimiter` / `--encoding` would, both chosen by that first byte, classified on the
//!    reading thread.
//!
//! Asserted, for every load that succeeds: every contact has a non-empty, trimmed address, a
//! line number of at least 1 and a valid source; every row read is a contact or a skipped row;
//! every accessor the CLI and the dashboard use works. For every load that fails: the error is
//! one line (the CLI prints it as `bouncelens: FILE: reason`).

#![no_main]

use std::borrow::Cow;

use bouncelens::ingest::{Input, LoadOptions, load};
use bouncelens::model::Dataset;
use libfuzzer_sys::fuzz_target;

const DELIMITERS: [Option<u8>; 8] = [
    None,
    Some(b','),
    Some(b';'),
    Some(b'\t'),
    Some(b'|'),
    Some(b'"'),
    Some(b'\n'),
    Some(b' '),
];

fuzz_target!(|data: &[u8]| {
    check(data, &LoadOptions::default());

    if let Some((&first, rest)) = data.split_first() {
        let encodings = [
            None,
            Some(encoding_rs::UTF_8),
            Some(encoding_rs::UTF_16LE),
            Some(encoding_rs::UTF_16BE),
            Some(encoding_rs::WINDOWS_1252),
            Some(encoding_rs::SHIFT_JIS),
            Some(encoding_rs::ISO_8859_2),
            Some(encoding_rs::REPLACEMENT),
        ];
        let options = LoadOptions {
            delimiter: DELIMITERS[usize::from(first & 7)],
            encoding: encodings[usize::from((first >> 3) & 7)],
            threads: Some(1),
            ..LoadOptions::default()
        };
        check(rest, &options);
    }
});

fn check(bytes: &[u8], options: &LoadOptions) {
    let input = Input::Bytes {
        name: "fuzz.csv".to_string(),
        bytes: Cow::Owned(bytes.to_vec()),
    };
    match load(&[input], options) {
        Ok(dataset) => check_dataset(&dataset),
        Err(error) => {
            let line = error.to_string();
            assert!(!line.contains('\n'), "a multi-line error: {line:?}");
            assert!(
                line.starts_with("fuzz.csv: "),
                "the error names the input: {line:?}"
            );
        }
    }
}

fn check_dataset(dataset: &Dataset) {
    assert_eq!(dataset.sources.len(), 1);
    for contact in dataset.contacts() {
        let email = contact.email();
        assert!(!email.is_empty(), "a contact without an address");
        assert_eq!(email.trim(), email, "an untrimmed address");
        assert!(contact.line() >= 1, "line {}", contact.line());
        assert!(contact.source() < dataset.sources.len());
        let _ = contact.domain();
        let _ = contact.name();
        let _ = contact.company();
        let _ = contact.kind();
        let _ = contact.reason_text();
        let _ = contact.date();
        let _ = contact.main_code();
        let _ = contact.codes();
        let _ = contact.class();
        assert_eq!(contact.fields().count(), contact.field_count());
    }
    let read: usize = dataset.sources.iter().map(|s| s.rows_read).sum();
    assert_eq!(
        dataset.len() + dataset.report.skipped(),
        read,
        "every row read is a contact or a skipped row"
    );
    for line in dataset.report.lines(&dataset.sources) {
        assert!(!line.contains('\n'), "a multi-line report line: {line:?}");
    }
}
