//! Performance against the floor, on generated exports of 100k and 1M rows (5M with
//! `BOUNCELENS_BENCH_5M=1`). Run with `cargo bench`; the data is generated once into
//! `target/bench-data/` by the `generate` example (same seed, same bytes).
//!
//! - `load/csv-floor` parses the file with the `csv` crate alone (a reused `ByteRecord`);
//!   `load/bouncelens` reads, decodes, parses and classifies it into the model.
//! - `classify` extracts codes from and classifies the reason texts of the 100k file.
//! - `search/*/first` is the time to the first published results, `search/*/final` to the
//!   complete ranking; `search/narrow` extends `jsmit` to `jsmith` from the previous matches.
//! - `regroup/*` recomputes a breakdown over every contact; `regroup/*/drill-down` selects the
//!   contacts of the largest domain.
//! - `frame/*` draws a whole dashboard frame on ratatui's `TestBackend`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bouncelens::codes::classify::{Evidence, classify};
use bouncelens::codes::extract::extract;
use bouncelens::ingest::{Input, LoadOptions, load};
use bouncelens::model::Dataset;
use bouncelens::search::{Candidates, Query, Run, SearchIndex, rank};
use bouncelens::stats::{GroupBy, breakdown, select};
use bouncelens::tui::app::App;
use bouncelens::tui::ui;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn sizes() -> Vec<usize> {
    let mut sizes = vec![100_000, 1_000_000];
    if std::env::var_os("BOUNCELENS_BENCH_5M").is_some() {
        sizes.push(5_000_000);
    }
    sizes
}

fn label(rows: usize) -> String {
    match rows {
        n if n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n => format!("{}k", n / 1_000),
    }
}

/// The generated export of `rows` rows, created on first use.
fn data_file(rows: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let path = dir.join(format!("export-{rows}.csv"));
    if !path.exists() {
        std::fs::create_dir_all(&dir).expect("bench data folder");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let status = Command::new(cargo)
            .args(["run", "--release", "--quiet", "--example", "generate", "--"])
            .args(["--rows", &rows.to_string(), "--seed", "42", "--out"])
            .arg(&path)
            .status()
            .expect("the generator runs");
        assert!(status.success(), "generating {rows} rows failed");
    }
    path
}

fn load_file(rows: usize) -> Dataset {
    load(&[Input::Path(data_file(rows))], &LoadOptions::default()).expect("bench data loads")
}

fn csv_floor(path: &PathBuf) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .expect("opens");
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    while reader.read_byte_record(&mut record).expect("parses") {
        rows += 1;
    }
    rows
}

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for rows in sizes() {
        let path = data_file(rows);
        group.bench_with_input(
            BenchmarkId::new("csv-floor", label(rows)),
            &path,
            |b, path| {
                b.iter(|| csv_floor(path));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("bouncelens", label(rows)),
            &path,
            |b, path| {
                b.iter(|| {
                    load(&[Input::Path(path.clone())], &LoadOptions::default())
                        .expect("loads")
                        .len()
                });
            },
        );
    }
    group.finish();
}

fn bench_classify(c: &mut Criterion) {
    let dataset = load_file(100_000);
    let texts: Vec<String> = dataset
        .contacts()
        .map(|contact| contact.reason_text().into_owned())
        .collect();
    c.bench_function("classify/100k", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|text| {
                    let codes = extract(text);
                    let verdict = classify(Evidence {
                        kind: None,
                        codes: &codes,
                        text,
                    });
                    verdict.reason as usize
                })
                .sum::<usize>()
        });
    });
}

/// Runs one search, returning the time to the first published results and to the end.
fn timed_search(
    dataset: &Dataset,
    index: &SearchIndex,
    query: &Query,
    candidates: &Candidates,
) -> (Duration, Duration, usize) {
    let started = Instant::now();
    let first = Mutex::new(None);
    let early = |_: Vec<u32>| {
        first
            .lock()
            .expect("not poisoned")
            .get_or_insert(started.elapsed());
    };
    let run = Run {
        threads: 2,
        index: Some(index),
        cancelled: &|| false,
        early: &early,
    };
    let ranked = rank(query, dataset, candidates, &run).expect("not cancelled");
    let done = started.elapsed();
    let first = first.lock().expect("not poisoned").unwrap_or(done);
    (first, done, ranked.len())
}

fn bench_search(c: &mut Criterion) {
    let queries = ["jsmith", "john.smith@gm", "xyz", "gmail", "a"];
    for rows in sizes() {
        let dataset = load_file(rows);
        let index = SearchIndex::build(&dataset, 2);
        let all = Candidates::All(dataset.len());
        let mut group = c.benchmark_group(format!("search/{}", label(rows)));
        group.sample_size(10);
        for text in queries {
            let query = Query::parse(text);
            for (part, pick) in [("first", 0usize), ("final", 1)] {
                group.bench_function(format!("{text}/{part}"), |b| {
                    b.iter_custom(|iterations| {
                        (0..iterations)
                            .map(|_| {
                                let (first, done, _) = timed_search(&dataset, &index, &query, &all);
                                if pick == 0 { first } else { done }
                            })
                            .sum()
                    });
                });
            }
        }
        let broad = Query::parse("jsmit");
        let run = Run {
            threads: 2,
            index: Some(&index),
            cancelled: &|| false,
            early: &|_| {},
        };
        let mut matches = rank(&broad, &dataset, &all, &run).expect("ranks");
        matches.sort_unstable();
        let previous = Candidates::Listed(std::sync::Arc::new(matches));
        let narrower = Query::parse("jsmith");
        assert!(broad.narrows_to(&narrower));
        group.bench_function("narrow/jsmit→jsmith", |b| {
            b.iter(|| rank(&narrower, &dataset, &previous, &run).map(|r| r.len()));
        });
        group.finish();
    }
}

fn bench_regroup(c: &mut Criterion) {
    for rows in sizes() {
        let dataset = load_file(rows);
        let mut group = c.benchmark_group(format!("regroup/{}", label(rows)));
        group.sample_size(10);
        for by in GroupBy::ALL {
            group.bench_function(by.as_str(), |b| {
                b.iter(|| breakdown(&dataset, 0..dataset.len(), by).bins.len());
            });
        }
        let rows = breakdown(&dataset, 0..dataset.len(), GroupBy::Domain);
        let drill = vec![(GroupBy::Domain, rows.bins[0].value.clone())];
        group.bench_function("drill-down/domain", |b| {
            b.iter(|| select(&dataset, &drill).len());
        });
        group.finish();
    }
}

fn bench_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    let sets = [("1k", first_rows(1_000)), ("1M", load_file(1_000_000))];
    for (name, dataset) in sets {
        let app = App::new(Arc::new(dataset), 120, 40);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
            });
        });
    }
    group.finish();
}

/// A dataset of (about) the first `rows` rows of the 100k export, loaded the same way.
fn first_rows(rows: usize) -> Dataset {
    let text = std::fs::read_to_string(data_file(100_000)).expect("readable");
    let mut lines = text.split_inclusive('\n');
    let mut out = String::new();
    for line in lines.by_ref().take(rows + 1) {
        out.push_str(line);
    }
    let input = Input::Bytes {
        name: "first rows".to_string(),
        bytes: std::borrow::Cow::Owned(out.into_bytes()),
    };
    load(&[input], &LoadOptions::default()).expect("loads")
}

criterion_group!(
    benches,
    bench_load,
    bench_classify,
    bench_search,
    bench_regroup,
    bench_frame
);
criterion_main!(benches);
