//! Helpers shared by the integration tests: running the binary, reading its JSON and checking
//! that failures are the one clean line the CLI promises.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use serde_json::{Map, Value};

/// One contact as printed by `list --format json`.
pub type Object = Map<String, Value>;

/// The fields `list --format json` and `--format csv` promise for every contact.
pub const LIST_KEYS: [&str; 12] = [
    "email",
    "name",
    "source",
    "line",
    "reply_code",
    "status_code",
    "disposition",
    "reason",
    "meaning",
    "raw_reason",
    "action",
    "suggestion",
];

/// Text that must never reach a user's terminal.
pub const PANIC_TEXT: [&str; 3] = ["panicked", "RUST_BACKTRACE", "stack backtrace"];

/// The binary under test.
pub fn bouncelens() -> Command {
    Command::cargo_bin("bouncelens").expect("the bouncelens binary is built for tests")
}

/// A file in `sample-data/`.
pub fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

/// A file in `sample-data/variants/`.
pub fn variant(name: &str) -> PathBuf {
    sample("variants").join(name)
}

/// Runs the binary with `args` and returns its output, whatever the status.
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    bouncelens().args(args).output().expect("the binary runs")
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts a successful run with nothing on standard error, and returns standard output.
pub fn success(output: &Output) -> String {
    assert_no_panic(output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "expected success; stderr: {}",
        stderr(output)
    );
    stdout(output)
}

/// Asserts that neither stream carries panic text.
pub fn assert_no_panic(output: &Output) {
    let all = format!("{}{}", stdout(output), stderr(output));
    for text in PANIC_TEXT {
        assert!(!all.contains(text), "output contains {text:?}:\n{all}");
    }
}

/// Asserts the promised shape of a failure: exit `status`, nothing on standard output, and
/// exactly one line on standard error starting with `bouncelens: `. Returns that line.
pub fn failure(output: &Output, status: i32) -> String {
    assert_no_panic(output);
    let err = stderr(output);
    assert_eq!(
        output.status.code(),
        Some(status),
        "expected exit status {status}; stderr: {err}"
    );
    assert!(
        output.stdout.is_empty(),
        "a failure prints nothing on stdout, got: {}",
        stdout(output)
    );
    assert!(err.ends_with('\n'), "stderr ends with a newline: {err:?}");
    let line = err.trim_end_matches('\n');
    assert!(!line.contains('\n'), "stderr is one line, got:\n{err}");
    assert!(
        line.starts_with("bouncelens: "),
        "stderr starts with 'bouncelens: ': {line}"
    );
    line.to_string()
}

/// Runs `list --format json` with `args` and returns the contacts, asserting success.
pub fn list_json<I, S>(args: I) -> Vec<Object>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = bouncelens()
        .args(["list", "--format", "json"])
        .args(args)
        .output()
        .expect("the binary runs");
    let text = success(&output);
    let value: Value = serde_json::from_str(&text).expect("list --format json prints JSON");
    value
        .as_array()
        .expect("list --format json prints an array")
        .iter()
        .map(|v| v.as_object().expect("each contact is an object").clone())
        .collect()
}

/// A string field of a listed contact (`""` for null).
pub fn text<'a>(object: &'a Object, key: &str) -> &'a str {
    match object.get(key) {
        Some(Value::String(s)) => s,
        Some(Value::Null) => "",
        other => panic!("{key} is not a string or null: {other:?}"),
    }
}

/// The line number of a listed contact.
pub fn line(object: &Object) -> u64 {
    object["line"].as_u64().expect("line is a number")
}

/// The listed e-mail addresses, in order.
pub fn emails(objects: &[Object]) -> Vec<String> {
    objects
        .iter()
        .map(|o| text(o, "email").to_string())
        .collect()
}

/// Deterministic pseudo-random bytes (xorshift64*), so "random junk" is the same on every run.
pub fn junk_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..len)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}
