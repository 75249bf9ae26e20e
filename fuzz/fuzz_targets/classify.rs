//! Classification of arbitrary evidence.
//!
//! The input is read as UTF-8 (damaged bytes replaced) and split at its first two line breaks:
//! `type column value \n code column value \n reason text` (an empty type value means the file
//! has none). The codes are extracted as the loader does: the code column merged with the
//! text as it is. The phrases are read on the text as given and, as the loader does, on a copy
//! with its variable parts masked.
//!
//! Asserted:
//! - nothing panics, and the "because …" sentences can be written;
//! - a type value naming a disposition (`Hard Bounce`, `COMPLAINT`) decides it;
//! - without a type value, nothing is attributed to the type column and no disagreement is
//!   reported;
//! - a disagreement is only reported when there is one;
//! - README, "How a bounce is classified", rule 3: "A transient class (4.x.x / 4xx) never makes
//!   an address hard". When every code found is of class 4 and the type column does not itself
//!   name a disposition, the verdict is not hard;
//! - a 2xx/3xx-only row with no type value is not a bounce (hard, soft or block).

#![no_main]

use bouncelens::codes::Disposition;
use bouncelens::codes::classify::{Basis, Evidence, classify};
use bouncelens::codes::extract::{Codes, extract, mask_variable_parts};
use bouncelens::codes::rules::type_hint;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut parts = input.splitn(3, '\n');
    let kind = parts.next().unwrap_or_default();
    let code_column = parts.next().unwrap_or_default();
    let text = parts.next().unwrap_or_default();
    let kind = (!kind.is_empty()).then_some(kind);

    let codes = codes_of(code_column, text);
    check(kind, &codes, text);
    let mut masked = String::new();
    mask_variable_parts(text, &mut masked);
    check(kind, &codes, &masked);
});

fn codes_of(code_column: &str, text: &str) -> Codes {
    if code_column.is_empty() {
        extract(text)
    } else {
        extract(code_column).merged_with(extract(text))
    }
}

fn check(kind: Option<&str>, codes: &Codes, text: &str) {
    let verdict = classify(Evidence { kind, codes, text });
    let _ = verdict.disposition_basis.explain(kind.unwrap_or_default());
    let _ = verdict.reason_basis.explain(kind.unwrap_or_default());

    let named = kind.and_then(type_hint).and_then(|hint| hint.disposition);
    if let Some(disposition) = named {
        assert_eq!(verdict.disposition, disposition, "type {kind:?} decides");
        assert_eq!(verdict.disposition_basis, Basis::TypeColumn);
    }
    if kind.is_none() {
        assert_eq!(verdict.content_says, None);
        assert_ne!(verdict.disposition_basis, Basis::TypeColumn);
        assert_ne!(verdict.reason_basis, Basis::TypeColumn);
    }
    if let Some(content) = verdict.content_says {
        assert_ne!(content, verdict.disposition, "a disagreement that agrees");
    }

    let classes: Vec<u8> = codes
        .status
        .iter()
        .chain(&codes.other_statuses)
        .map(|s| s.class)
        .chain(
            codes
                .reply
                .iter()
                .chain(&codes.other_replies)
                .map(|r| r.class()),
        )
        .collect();
    if !classes.is_empty() && classes.iter().all(|&c| c == 4) && named.is_none() {
        assert_ne!(
            verdict.disposition,
            Disposition::Hard,
            "only transient codes, yet hard: type {kind:?}, codes {codes:?}, text {text:?}"
        );
    }
    if !classes.is_empty() && classes.iter().all(|&c| c == 2 || c == 3) && kind.is_none() {
        assert!(
            !matches!(
                verdict.disposition,
                Disposition::Hard | Disposition::Soft | Disposition::Block
            ),
            "only 2xx/3xx codes, yet {}: codes {codes:?}, text {text:?}",
            verdict.disposition
        );
    }
}
