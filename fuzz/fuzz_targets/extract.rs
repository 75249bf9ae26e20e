//! Code extraction and masking on arbitrary text.
//!
//! The input is read as UTF-8 (damaged bytes replaced). The part before the first line break is
//! also used as a code column merged with the whole text, as the loader does.
//!
//! Asserted:
//! - every enhanced status found has class 2, 4 or 5, subject 0–7 and detail 0–999 (what
//!   `StatusCode::new` guarantees), and is written in the text exactly as displayed;
//! - every reply code is three ASCII digits, the first 2–5 (or the article's `000`), and is in
//!   the text;
//! - the main codes are not repeated among the others, the others hold no duplicates, and there
//!   are no "other" codes without a main one;
//! - the main status agrees with the reply's class whenever some status does;
//! - a code column merged with a text keeps the column's main codes and loses no code;
//! - masking never grows a text and is idempotent: `mask(mask(text)) == mask(text)` (the
//!   loader takes codes from the text itself and only reads phrases on the masked copy).

#![no_main]

use bouncelens::codes::extract::{Codes, extract, mask_variable_parts};
use bouncelens::codes::{ReplyCode, StatusCode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let codes = extract(&text);
    check(&codes, &text);

    let column = text.split('\n').next().unwrap_or_default();
    let column_codes = extract(column);
    let merged = column_codes.clone().merged_with(codes.clone());
    check_merged(&merged, &column_codes, &codes);

    let mut masked = String::new();
    mask_variable_parts(&text, &mut masked);
    assert!(masked.len() <= text.len(), "masking grew {text:?}");
    let mut twice = String::new();
    mask_variable_parts(&masked, &mut twice);
    assert_eq!(twice, masked, "masking {text:?} is not idempotent");
});

fn statuses(codes: &Codes) -> Vec<StatusCode> {
    codes
        .status
        .iter()
        .chain(&codes.other_statuses)
        .copied()
        .collect()
}

fn replies(codes: &Codes) -> Vec<ReplyCode> {
    codes
        .reply
        .iter()
        .chain(&codes.other_replies)
        .copied()
        .collect()
}

fn check(codes: &Codes, text: &str) {
    for status in statuses(codes) {
        assert!(matches!(status.class, 2 | 4 | 5), "class of {status}");
        assert!(status.subject <= 7, "subject of {status}");
        assert!(status.detail <= 999, "detail of {status}");
        let shown = status.to_string();
        assert!(text.contains(&shown), "{shown} is not in {text:?}");
        assert_eq!(
            StatusCode::parse(&shown),
            Some(status),
            "{shown} round trip"
        );
    }
    for reply in replies(codes) {
        let digits = reply.as_str();
        assert_eq!(digits.len(), 3, "{digits}");
        assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{digits}");
        assert!(
            matches!(digits.as_bytes()[0], b'2'..=b'5') || digits == "000",
            "{digits}"
        );
        assert!(text.contains(digits), "{digits} is not in {text:?}");
        assert_eq!(ReplyCode::parse(digits), Some(reply), "{digits} round trip");
    }
    check_shape(codes);
    if let (Some(reply), Some(status)) = (codes.reply, codes.status) {
        let some_agree = statuses(codes).iter().any(|s| s.class == reply.class());
        assert!(
            !some_agree || status.class == reply.class(),
            "main status {status} disagrees with {reply} although another agrees: {text:?}"
        );
    }
}

/// Main codes not repeated, others unique, no others without a main code.
fn check_shape(codes: &Codes) {
    if let Some(status) = codes.status {
        assert!(!codes.other_statuses.contains(&status), "{status} repeated");
    }
    if let Some(reply) = codes.reply {
        assert!(!codes.other_replies.contains(&reply), "{reply} repeated");
    }
    assert!(codes.status.is_some() || codes.other_statuses.is_empty());
    assert!(codes.reply.is_some() || codes.other_replies.is_empty());
    for (i, status) in codes.other_statuses.iter().enumerate() {
        assert!(
            !codes.other_statuses[i + 1..].contains(status),
            "{status} twice"
        );
    }
    for (i, reply) in codes.other_replies.iter().enumerate() {
        assert!(
            !codes.other_replies[i + 1..].contains(reply),
            "{reply} twice"
        );
    }
}

fn check_merged(merged: &Codes, column: &Codes, text: &Codes) {
    check_shape(merged);
    assert_eq!(merged.reply, column.reply.or(text.reply));
    assert_eq!(merged.status, column.status.or(text.status));
    let all_statuses = statuses(merged);
    for status in statuses(column).into_iter().chain(statuses(text)) {
        assert!(all_statuses.contains(&status), "{status} lost in the merge");
    }
    let all_replies = replies(merged);
    for reply in replies(column).into_iter().chain(replies(text)) {
        assert!(all_replies.contains(&reply), "{reply} lost in the merge");
    }
}
