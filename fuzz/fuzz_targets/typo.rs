//! The offline typo detector on arbitrary text (read as UTF-8, damaged bytes replaced).
//!
//! Asserted:
//! - nothing panics (`check`, `suggest`, `is_mailbox_provider`);
//! - a suggestion is never the input itself, explains itself, and checking the suggested
//!   address again gives `Valid` (a correction needs no further correction);
//! - `suggest` agrees with `check`;
//! - an invalid address says why.

#![no_main]

use bouncelens::typo::{Check, check, is_mailbox_provider, suggest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let address = String::from_utf8_lossy(data);
    let verdict = check(&address);
    match &verdict {
        Check::Valid => {}
        Check::Fix(suggestion) => {
            assert_ne!(
                suggestion.address, address,
                "a suggestion identical to the input"
            );
            assert!(!suggestion.why.is_empty(), "an unexplained suggestion");
            assert_eq!(
                check(&suggestion.address),
                Check::Valid,
                "{address:?} was corrected to {:?}, which is not valid itself",
                suggestion.address
            );
        }
        Check::Invalid(reason) => assert!(!reason.is_empty(), "{address:?}"),
    }
    let suggested = suggest(&address);
    match &verdict {
        Check::Fix(suggestion) => assert_eq!(suggested.as_ref(), Some(suggestion)),
        _ => assert_eq!(suggested, None),
    }
    if let Some((_, domain)) = address.rsplit_once('@') {
        let _ = is_mailbox_provider(domain);
    }
});
