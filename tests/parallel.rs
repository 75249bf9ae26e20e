//! Loading with several classification threads must give exactly the model a single thread
//! gives: same contacts, same order, same verdicts, same load report.

use std::borrow::Cow;

use bouncelens::ingest::{Input, LoadOptions, SAMPLE, load};
use bouncelens::model::Dataset;

/// The bundled sample repeated with numbered addresses: big enough for many chunks, with the
/// sample's multi-line fields, ragged rows and bad dates in every copy. Each copy's server
/// texts name a different address and queue id, so they are new to the classifier: the workers
/// fall behind the reader, whose queue fills, and the reader classifies chunks itself too.
fn many_copies(copies: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(SAMPLE).into_owned();
    let mut lines = text.split_inclusive('\n');
    let header = lines.next().expect("the sample has a header");
    let body: String = lines.collect();
    let mut out = header.to_string();
    for copy in 0..copies {
        let copy_body = body
            .replace('@', &format!("+{copy}@"))
            .replace("5.1.1 ", &format!("5.1.1 (queue {copy}x{copy}) "));
        out.push_str(&copy_body);
    }
    out.into_bytes()
}

fn load_with(bytes: &[u8], threads: usize) -> Dataset {
    let input = Input::Bytes {
        name: "copies.csv".to_string(),
        bytes: Cow::Owned(bytes.to_vec()),
    };
    let options = LoadOptions {
        threads: Some(threads),
        ..LoadOptions::default()
    };
    load(&[input], &options).expect("loads")
}

fn describe(dataset: &Dataset) -> Vec<String> {
    dataset
        .contacts()
        .map(|c| {
            format!(
                "{}|{}|{}|{}|{}|{:?}|{:?}|{:?}|{}|{}|{:?}",
                c.line(),
                c.email(),
                c.domain(),
                c.name(),
                c.reason_text(),
                c.codes(),
                c.class(),
                c.date(),
                c.fields().collect::<Vec<_>>().join("\u{1f}"),
                c.kind(),
                c.source()
            )
        })
        .collect()
}

#[test]
fn parallel_and_sequential_loads_build_identical_models() {
    let bytes = many_copies(200);
    let sequential = load_with(&bytes, 1);
    assert!(sequential.len() > 60_000, "{} contacts", sequential.len());
    for threads in [2, 3, 8] {
        let parallel = load_with(&bytes, threads);
        assert_eq!(
            describe(&parallel),
            describe(&sequential),
            "{threads} threads"
        );
        assert_eq!(
            parallel.report.lines(&parallel.sources),
            sequential.report.lines(&sequential.sources),
            "{threads} threads"
        );
    }
}
