//! Finding contacts by what the user remembers. Address, name and company are matched fuzzily
//! (fuzzy-matcher's Skim algorithm, as in fzf); the server's text is matched literally, because
//! a fuzzy pattern finds its letters somewhere in almost any 150-character transcript. fzf's
//! `'exact` and `!not` operators work across both. The scan runs on several threads with a
//! per-contact character mask to skip hopeless candidates, reports first results early, and
//! gives up as soon as a newer query makes it pointless.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;

use crate::model::{ContactRef, Dataset};

mod skim;

use skim::AsciiSkim;

/// One space-separated part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Fuzzy: the characters in order, gaps allowed.
    Fuzzy(String),
    /// `'word`: the exact text, case-insensitively.
    Exact(String),
    /// `!word`: contacts containing the text are excluded.
    Exclude(String),
}

/// A parsed query; every term must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The terms in the order typed.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses what the user typed. A lone `'` or `!` is ignored rather than matching nothing,
    /// so the list does not flash empty while the user is still typing.
    pub fn parse(text: &str) -> Query {
        let terms = text
            .split_whitespace()
            .filter_map(|word| {
                if let Some(rest) = word.strip_prefix('\'') {
                    (!rest.is_empty()).then(|| Term::Exact(rest.to_lowercase()))
                } else if let Some(rest) = word.strip_prefix('!') {
                    (!rest.is_empty()).then(|| Term::Exclude(rest.to_lowercase()))
                } else {
                    Some(Term::Fuzzy(word.to_string()))
                }
            })
            .collect();
        Query { terms }
    }

    /// True when the query filters nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Extra score for a term matched in the address, name or company rather than only in the
/// server's text: someone typing `gmail` wants Gmail addresses before a Gmail bounce message.
const WHO_BONUS: i64 = 1000;

impl Query {
    /// Whether every contact matching `self` also matches `narrower`, so a search for
    /// `narrower` may scan only `self`'s matches: true when `narrower` extends `self` and its
    /// exclusions are the same (a longer exclusion excludes less).
    pub fn narrows_to(&self, narrower: &Query) -> bool {
        let excluded = |q: &Query| {
            q.terms
                .iter()
                .filter(|t| matches!(t, Term::Exclude(_)))
                .cloned()
                .collect::<Vec<_>>()
        };
        if excluded(self) != excluded(narrower) || self.terms.len() > narrower.terms.len() {
            return false;
        }
        self.terms
            .iter()
            .zip(&narrower.terms)
            .all(|(old, new)| match (old, new) {
                (Term::Fuzzy(a), Term::Fuzzy(b)) => b.starts_with(a.as_str()),
                (Term::Exact(a), Term::Exact(b)) => b.contains(a.as_str()),
                (Term::Exclude(a), Term::Exclude(b)) => a == b,
                _ => false,
            })
    }
}

/// Which characters a text contains, folded into 32 buckets: a contact cannot match a term
/// whose characters its text lacks, and testing that costs one AND.
fn char_mask(text: &str) -> u32 {
    text.bytes().fold(0, |mask, byte| mask | char_bit(byte))
}

fn char_bit(byte: u8) -> u32 {
    let bucket = match byte.to_ascii_lowercase() {
        c @ b'a'..=b'z' => c - b'a',
        b'0'..=b'9' => 26,
        b'.' => 27,
        b'@' => 28,
        b'-' | b'_' => 29,
        b' ' | b'\t' | b'\r' | b'\n' => return 0,
        c if c >= 0x80 => 30,
        _ => 31,
    };
    1 << bucket
}

/// Per contact: the characters of who it is (address, name, company) and of the server's text.
#[derive(Debug, Default)]
pub struct SearchIndex {
    masks: Vec<u64>,
}

impl SearchIndex {
    /// Builds the masks on `threads` threads (8 bytes per contact).
    pub fn build(dataset: &Dataset, threads: usize) -> SearchIndex {
        let mut masks = vec![0u64; dataset.len()];
        let per_thread = masks.len().div_ceil(threads.max(1)).max(1);
        thread::scope(|scope| {
            for (part, slice) in masks.chunks_mut(per_thread).enumerate() {
                scope.spawn(move || {
                    let mut who = String::new();
                    for (offset, mask) in slice.iter_mut().enumerate() {
                        let contact = dataset.contact(part * per_thread + offset);
                        who.clear();
                        write_who(&contact, &mut who);
                        let reason = char_mask(&contact.reason_text());
                        *mask = u64::from(char_mask(&who)) | (u64::from(reason) << 32);
                    }
                });
            }
        });
        SearchIndex { masks }
    }

    fn masks(&self, index: usize) -> Option<(u32, u32)> {
        self.masks.get(index).map(|&m| (m as u32, (m >> 32) as u32))
    }
}

/// Address, name and company joined with spaces, written into `out` without allocating.
fn write_who(contact: &ContactRef<'_>, out: &mut String) {
    out.push_str(contact.email());
    let before_name = out.len();
    out.push(' ');
    contact.push_name(out);
    if out.len() == before_name + 1 {
        out.truncate(before_name);
    }
    let company = contact.company();
    if !company.is_empty() {
        out.push(' ');
        out.push_str(company);
    }
}

/// A query made ready for matching: lower-cased literals with their searchers and masks.
struct Prepared {
    terms: Vec<PreparedTerm>,
}

struct PreparedTerm {
    term: Term,
    finder: Finder<'static>,
    mask: u32,
    /// A fuzzy term's bytes as typed, when they are ASCII (for [`AsciiSkim`]).
    ascii: Option<Box<[u8]>>,
}

impl Prepared {
    /// Whether a contact with these character masks (who, text) could match at all: a term
    /// holds no space, so each must find all its characters in one of the two texts.
    fn possible(&self, masks: Option<(u32, u32)>) -> bool {
        let Some((who, text)) = masks else {
            return true;
        };
        self.terms.iter().all(|term| {
            matches!(term.term, Term::Exclude(_))
                || term.mask & who == term.mask
                || term.mask & text == term.mask
        })
    }

    fn new(query: &Query) -> Prepared {
        let terms = query
            .terms
            .iter()
            .map(|term| {
                let text = match term {
                    Term::Fuzzy(t) | Term::Exact(t) | Term::Exclude(t) => t.to_lowercase(),
                };
                PreparedTerm {
                    mask: char_mask(&text),
                    ascii: match term {
                        Term::Fuzzy(pattern) if pattern.is_ascii() => {
                            Some(pattern.as_bytes().into())
                        }
                        _ => None,
                    },
                    finder: Finder::new(text.as_bytes()).into_owned(),
                    term: term.clone(),
                }
            })
            .collect::<Vec<_>>();
        Prepared { terms }
    }
}

/// One thread's scoring buffers: each thread keeps its own, reused from contact to contact.
struct Scorer {
    ascii: AsciiSkim,
    who: String,
    /// `who`, lower-cased, for literal terms.
    who_lower: String,
    /// The server's text, lower-cased, for literal terms.
    text_lower: String,
}

/// Which of a contact's texts have been read into a [`Scorer`]'s buffers, so a contact's row
/// is read only as far as its terms need.
#[derive(Default)]
struct Read {
    who: bool,
    who_lower: bool,
    text_lower: bool,
}

impl Scorer {
    fn new() -> Scorer {
        Scorer {
            ascii: AsciiSkim::default(),
            who: String::new(),
            who_lower: String::new(),
            text_lower: String::new(),
        }
    }

    /// The score of `contact`, or `None` when it does not match; `masks` (who, text) let each
    /// term skip the texts that lack its characters, unread.
    fn score(
        &mut self,
        query: &Prepared,
        contact: &ContactRef<'_>,
        masks: Option<(u32, u32)>,
    ) -> Option<i64> {
        let (who_mask, text_mask) = masks.unwrap_or((u32::MAX, u32::MAX));
        let mut read = Read::default();
        let mut total = 0;
        for term in &query.terms {
            let in_who = term.mask & who_mask == term.mask;
            let in_text = term.mask & text_mask == term.mask;
            let fuzzy = match &term.term {
                Term::Fuzzy(pattern) if in_who => {
                    self.read_who(contact, &mut read);
                    match &term.ascii {
                        Some(ascii) if self.who.is_ascii() => {
                            self.ascii.score(ascii, self.who.as_bytes())
                        }
                        // A fresh matcher: a reused one can score a text differently depending
                        // on the text before (see `skim.rs`), and these texts are few.
                        _ => SkimMatcherV2::default()
                            .ignore_case()
                            .fuzzy_match(&self.who, pattern),
                    }
                }
                _ => None,
            };
            if let Some(score) = fuzzy {
                total += score + WHO_BONUS;
                continue;
            }
            // A term holds no space, so a literal lies wholly in who or wholly in the server's
            // text; and a fuzzy term not found in who cannot be there literally either.
            let literal_in_who = in_who
                && !matches!(term.term, Term::Fuzzy(_))
                && term
                    .finder
                    .find(self.lowered_who(contact, &mut read))
                    .is_some();
            let found = literal_in_who
                || in_text
                    && term
                        .finder
                        .find(self.lowered_text(contact, &mut read))
                        .is_some();
            match (&term.term, found) {
                (Term::Exclude(_), true) => return None,
                (Term::Exclude(_), false) => {}
                (_, true) => total += 1,
                (_, false) => return None,
            }
        }
        Some(total)
    }

    fn read_who(&mut self, contact: &ContactRef<'_>, read: &mut Read) {
        if !read.who {
            self.who.clear();
            write_who(contact, &mut self.who);
            read.who = true;
        }
    }

    fn lowered_who(&mut self, contact: &ContactRef<'_>, read: &mut Read) -> &[u8] {
        self.read_who(contact, read);
        if !read.who_lower {
            self.who_lower.clear();
            self.who_lower.push_str(&self.who);
            self.who_lower.make_ascii_lowercase();
            read.who_lower = true;
        }
        self.who_lower.as_bytes()
    }

    fn lowered_text(&mut self, contact: &ContactRef<'_>, read: &mut Read) -> &[u8] {
        if !read.text_lower {
            self.text_lower.clear();
            self.text_lower.push_str(&contact.reason_text());
            self.text_lower.make_ascii_lowercase();
            read.text_lower = true;
        }
        self.text_lower.as_bytes()
    }
}

/// How a search runs.
pub struct Run<'a> {
    /// Threads to scan with.
    pub threads: usize,
    /// The index built for the dataset, if any (without one every candidate is read).
    pub index: Option<&'a SearchIndex>,
    /// Checked between blocks; when it says so the search gives up and returns `None`.
    pub cancelled: &'a (dyn Fn() -> bool + Sync),
    /// Called once, early, with the best matches among the first blocks scanned, so a broad
    /// search shows something at once.
    pub early: &'a (dyn Fn(Vec<u32>) + Sync),
}

/// Candidates per block between cancellation checks.
const BLOCK: usize = 16_384;

/// Candidates whose rows are warmed together before any is scored ([`ContactRef::warm`]).
const WARM: usize = 16;

/// Rows are warmed only when fewer than one candidate in this many is read: denser reads
/// stream through memory well enough on their own.
const SPARSE: usize = 3;

/// How many of the first matches are shown early, best first.
const EARLY: usize = 1_000;

/// The contacts a search looks at: all of them (nothing to store), or a list.
#[derive(Debug, Clone)]
pub enum Candidates {
    /// Contacts `0..n`.
    All(usize),
    /// These contacts, in this order (as `u32`: half the memory of a million-row list).
    Listed(Arc<Vec<u32>>),
}

impl Candidates {
    /// How many contacts.
    pub fn len(&self) -> usize {
        match self {
            Candidates::All(n) => *n,
            Candidates::Listed(list) => list.len(),
        }
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The contact at `position`.
    pub fn get(&self, position: usize) -> usize {
        match self {
            Candidates::All(_) => position,
            Candidates::Listed(list) => list[position] as usize,
        }
    }

    /// All of them, in order.
    pub fn to_vec(&self) -> Vec<u32> {
        match self {
            Candidates::All(n) => (0..*n as u32).collect(),
            Candidates::Listed(list) => list.to_vec(),
        }
    }
}

/// Ranks `candidates` for `query`: matches best first, ties in file order. `None` when
/// cancelled.
pub fn rank(
    query: &Query,
    dataset: &Dataset,
    candidates: &Candidates,
    run: &Run<'_>,
) -> Option<Vec<u32>> {
    if query.is_empty() {
        return Some(candidates.to_vec());
    }
    let prepared = Prepared::new(query);
    let threads = run.threads.clamp(1, 16);
    let stop = AtomicBool::new(false);
    let per_thread = candidates.len().div_ceil(threads).max(1);
    let parts: Vec<Option<Vec<Scored>>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..candidates.len())
            .step_by(per_thread)
            .enumerate()
            .map(|(part, start)| {
                let prepared = &prepared;
                let stop = &stop;
                let share = start..(start + per_thread).min(candidates.len());
                scope.spawn(move || {
                    scan(prepared, dataset, (candidates, share), run, stop, part == 0)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(None))
            .collect()
    });
    let parts: Option<Vec<Vec<Scored>>> = parts.into_iter().collect();
    Some(merge(parts?))
}

/// A match: its score (clamped to `i32`, far wider than any fuzzy score) and the contact, packed
/// into 8 bytes so a million matches cost 8 MB while they are ranked.
type Scored = (i32, u32);

/// Best first, then file order.
fn better(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Merges the threads' runs, each already sorted by [`better`], straight into the final list.
fn merge(parts: Vec<Vec<Scored>>) -> Vec<u32> {
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    let mut runs: Vec<_> = parts
        .into_iter()
        .map(|part| part.into_iter().peekable())
        .collect();
    loop {
        let next = runs
            .iter_mut()
            .filter_map(|run| run.peek().copied().map(|head| (head, run)))
            .min_by(|(a, _), (b, _)| better(a, b));
        let Some((head, run)) = next else { break };
        run.next();
        out.push(head.1);
    }
    out
}

/// One thread's share of a search. The first thread publishes early results after its first
/// block.
fn scan(
    query: &Prepared,
    dataset: &Dataset,
    (candidates, share): (&Candidates, std::ops::Range<usize>),
    run: &Run<'_>,
    stop: &AtomicBool,
    publishes: bool,
) -> Option<Vec<Scored>> {
    let mut scorer = Scorer::new();
    let mut found = Vec::new();
    let mut walk = Walk {
        dataset,
        candidates,
        index: run.index,
        chunk: 0,
    };
    let mut batch = Vec::with_capacity(WARM);
    let total = share.len();
    for (block, start) in share.clone().step_by(BLOCK).enumerate() {
        if stop.load(Ordering::Relaxed) || (run.cancelled)() {
            stop.store(true, Ordering::Relaxed);
            return None;
        }
        let mut positions = start..(start + BLOCK).min(share.end);
        while walk.next_batch(query, &mut positions, &mut batch) {
            for (contact, masks) in &batch {
                if let Some(score) = scorer.score(query, contact, *masks) {
                    let score = score.clamp(i32::MIN.into(), i32::MAX.into()) as i32;
                    found.push((score, contact.index() as u32));
                }
            }
        }
        if publishes && block == 0 && total > BLOCK {
            (run.early)(best(&found, EARLY));
        }
    }
    found.sort_unstable_by(better);
    Some(found)
}

/// A thread's way through its candidates: the chunk of the last contact fetched is kept, so
/// the next one in the same chunk is found without searching.
struct Walk<'d> {
    dataset: &'d Dataset,
    candidates: &'d Candidates,
    index: Option<&'d SearchIndex>,
    chunk: usize,
}

/// A candidate worth scoring, with its character masks (who, text) when there is an index.
type Candidate<'d> = (ContactRef<'d>, Option<(u32, u32)>);

impl<'d> Walk<'d> {
    /// Fills `batch` with the next candidates from `positions` that could match, up to
    /// [`WARM`], and warms their rows when they lie far apart; false when none are left.
    fn next_batch(
        &mut self,
        query: &Prepared,
        positions: &mut std::ops::Range<usize>,
        batch: &mut Vec<Candidate<'d>>,
    ) -> bool {
        batch.clear();
        let from = positions.start;
        for position in positions.by_ref() {
            let index = self.candidates.get(position);
            let masks = self.index.and_then(|i| i.masks(index));
            if query.possible(masks) {
                batch.push((self.dataset.contact_near(index, &mut self.chunk), masks));
                if batch.len() == WARM {
                    break;
                }
            }
        }
        if positions.start - from > SPARSE * batch.len() {
            let warmth = batch
                .iter()
                .fold(0, |warmth, (contact, _)| warmth ^ contact.warm());
            std::hint::black_box(warmth);
        }
        !batch.is_empty()
    }
}

/// The `k` best of `scored`, best first, without sorting the rest.
fn best(scored: &[Scored], k: usize) -> Vec<u32> {
    let mut top = scored.to_vec();
    if top.len() > k {
        top.select_nth_unstable_by(k, better);
        top.truncate(k);
    }
    top.sort_unstable_by(better);
    top.into_iter().map(|(_, i)| i).collect()
}

/// A single-threaded searcher for the command line, tests and highlighting.
pub struct Searcher {
    matcher: SkimMatcherV2,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher {
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }
}

impl Searcher {
    /// The score of `contact` for `query`, or `None` when it does not match. Higher is better.
    pub fn score(&self, query: &Query, contact: &ContactRef<'_>) -> Option<i64> {
        Scorer::new().score(&Prepared::new(query), contact, None)
    }

    /// Character positions in `text` that matched the query's fuzzy and exact terms, for
    /// highlighting the rows on screen.
    pub fn positions(&self, query: &Query, text: &str) -> Vec<usize> {
        let mut positions = Vec::new();
        let lower = text.to_lowercase();
        for term in &query.terms {
            match term {
                Term::Fuzzy(pattern) => {
                    if let Some((_, found)) = self.matcher.fuzzy_indices(text, pattern) {
                        positions.extend(found);
                    }
                }
                Term::Exact(word) => {
                    if let Some(start) = lower.find(word.as_str()) {
                        let first = lower[..start].chars().count();
                        positions.extend(first..first + word.chars().count());
                    }
                }
                Term::Exclude(_) => {}
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    /// Indices of the matching contacts, best first (ties keep file order), on one thread.
    pub fn rank(&self, query: &Query, dataset: &Dataset, candidates: &[u32]) -> Vec<u32> {
        let run = Run {
            threads: 1,
            index: None,
            cancelled: &|| false,
            early: &|_| {},
        };
        let candidates = Candidates::Listed(Arc::new(candidates.to_vec()));
        rank(query, dataset, &candidates, &run).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_parse() {
        let query = Query::parse("gmail 'full !yahoo ' !");
        assert_eq!(
            query.terms,
            vec![
                Term::Fuzzy("gmail".into()),
                Term::Exact("full".into()),
                Term::Exclude("yahoo".into())
            ]
        );
    }

    fn dataset(csv: &str) -> Dataset {
        let input = crate::ingest::Input::Bytes {
            name: "t.csv".to_string(),
            bytes: std::borrow::Cow::Owned(csv.as_bytes().to_vec()),
        };
        crate::ingest::load(&[input], &crate::ingest::LoadOptions::default()).expect("loads")
    }

    fn found(data: &Dataset, query: &str) -> Vec<String> {
        let all: Vec<u32> = (0..data.len() as u32).collect();
        Searcher::default()
            .rank(&Query::parse(query), data, &all)
            .into_iter()
            .map(|i| data.contact(i as usize).email().to_string())
            .collect()
    }

    const PEOPLE: &str = "Email,Name,Company,Reason\n\
        jane.doe@gmail.com,Jane Doe,Acme,552 5.2.2 Mailbox full\n\
        bob@acme.com,Bob Stone,,550 5.1.1 gmail said no such user\n\
        zoe@yahoo.com,Zoë Hartley,,421 4.4.2 connection timed out\n";

    #[test]
    fn exact_and_exclude() {
        let data = dataset(PEOPLE);
        assert_eq!(found(&data, "'mailbox"), vec!["jane.doe@gmail.com"]);
        assert_eq!(found(&data, "!gmail"), vec!["zoe@yahoo.com"]);
        assert_eq!(found(&data, "jdoe"), vec!["jane.doe@gmail.com"]);
        assert!(found(&data, "'jdoe").is_empty());
        assert_eq!(found(&data, "'stone"), vec!["bob@acme.com"]);
        assert_eq!(found(&data, "'acme !said"), vec!["jane.doe@gmail.com"]);
    }

    #[test]
    fn matches_in_the_address_outrank_matches_in_the_server_text() {
        let data = dataset(PEOPLE);
        assert_eq!(
            found(&data, "gmail"),
            vec!["jane.doe@gmail.com", "bob@acme.com"]
        );
    }

    #[test]
    fn the_server_text_is_matched_literally() {
        let data = dataset(PEOPLE);
        assert_eq!(found(&data, "timed"), vec!["zoe@yahoo.com"]);
        assert!(found(&data, "tmdout").is_empty());
    }

    #[test]
    fn the_index_and_threads_do_not_change_the_answer() {
        let data = dataset(PEOPLE);
        let index = SearchIndex::build(&data, 2);
        let all: Vec<u32> = (0..data.len() as u32).collect();
        for query in ["gmail", "'mailbox", "!gmail", "zoe", "5.2.2", "xyz"] {
            let run = Run {
                threads: 3,
                index: Some(&index),
                cancelled: &|| false,
                early: &|_| {},
            };
            let fast = rank(
                &Query::parse(query),
                &data,
                &Candidates::All(data.len()),
                &run,
            );
            let plain = Searcher::default().rank(&Query::parse(query), &data, &all);
            assert_eq!(fast, Some(plain), "{query}");
        }
    }

    #[test]
    fn extending_a_query_narrows_unless_it_changes_an_exclusion() {
        let narrows = |a: &str, b: &str| Query::parse(a).narrows_to(&Query::parse(b));
        assert!(narrows("jsm", "jsmith"));
        assert!(narrows("jsmith", "jsmith gm"));
        assert!(!narrows("jsmith", "jsm"));
        assert!(!narrows("x !g", "x !gm"));
        assert!(narrows("x !gm", "x !gm y"));
    }

    #[test]
    fn positions_cover_exact_terms() {
        let searcher = Searcher::default();
        let positions = searcher.positions(&Query::parse("'doe"), "Jane Doe");
        assert_eq!(positions, vec![5, 6, 7]);
    }
}
