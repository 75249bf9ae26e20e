//! The reason-text corpus: real-looking bounce texts from many providers, each with the codes
//! and verdict a deliverability engineer would give it. Every row is checked; the failures are
//! listed together so a rule change shows everything it moved.

use bouncelens::codes::classify::{Evidence, classify};
use bouncelens::codes::extract::{extract, mask_variable_parts};

struct Case {
    line: usize,
    provider: String,
    reply: String,
    status: String,
    disposition: String,
    reason: String,
    text: String,
}

fn corpus() -> Vec<Case> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/reasons.tsv"
    ))
    .expect("the corpus is part of the repository");
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().expect("corpus has a header");
    assert_eq!(header, "provider\treply\tstatus\tdisposition\treason\ttext");
    lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(index, line)| {
            let fields: Vec<&str> = line.splitn(6, '\t').collect();
            assert_eq!(
                fields.len(),
                6,
                "line {} has {} fields",
                index + 1,
                fields.len()
            );
            Case {
                line: index + 1,
                provider: fields[0].to_string(),
                reply: fields[1].to_string(),
                status: fields[2].to_string(),
                disposition: fields[3].to_string(),
                reason: fields[4].to_string(),
                text: fields[5].to_string(),
            }
        })
        .collect()
}

fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "-".to_string())
}

#[test]
fn corpus_is_large_and_varied() {
    let cases = corpus();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut providers: Vec<&str> = cases.iter().map(|c| c.provider.as_str()).collect();
    providers.sort_unstable();
    providers.dedup();
    assert!(providers.len() >= 10, "only {} providers", providers.len());
}

/// Checks every case, failing once with all the mismatches listed.
fn check_every_case(
    got: impl Fn(&Case) -> (String, String),
    want: impl Fn(&Case) -> (String, String),
) {
    let failures: Vec<String> = corpus()
        .iter()
        .filter_map(|case| {
            let (got, want) = (got(case), want(case));
            (got != want).then(|| {
                format!(
                    "line {}: got {got:?}, want {want:?}: {}",
                    case.line, case.text
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn codes_are_extracted_as_an_engineer_would() {
    check_every_case(
        |case| {
            let codes = extract(&case.text);
            (
                or_dash(codes.reply.map(|r| r.to_string())),
                or_dash(codes.status.map(|s| s.to_string())),
            )
        },
        |case| (case.reply.clone(), case.status.clone()),
    );
}

#[test]
fn texts_are_classified_as_an_engineer_would() {
    check_every_case(
        |case| {
            let codes = extract(&case.text);
            let verdict = classify(Evidence {
                kind: None,
                codes: &codes,
                text: &case.text,
            });
            (verdict.disposition.to_string(), verdict.reason.to_string())
        },
        |case| (case.disposition.clone(), case.reason.clone()),
    );
}

/// The loader remembers verdicts by the text with addresses, IPs and long numbers and message ids masked; on
/// every corpus text the masked copy must get the same codes and verdict as the original.
#[test]
fn masking_recipient_details_never_changes_a_verdict() {
    let verdict = |text: &str| {
        let codes = extract(text);
        let class = classify(Evidence {
            kind: None,
            codes: &codes,
            text,
        });
        (codes.reply, codes.status, class.disposition, class.reason)
    };
    check_every_case(
        |case| {
            let mut copy = String::new();
            mask_variable_parts(&case.text, &mut copy);
            (format!("{:?}", verdict(&copy)), String::new())
        },
        |case| (format!("{:?}", verdict(&case.text)), String::new()),
    );
}
