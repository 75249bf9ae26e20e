//! Turning rows into contacts. Rows are gathered into chunks of text; each chunk is classified
//! on a worker thread while the reader fills the next (or by the reader itself when every
//! worker is busy), and chunks are merged back in file order, so the result is the same
//! whatever the number of threads.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::hash::Hasher;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread;

use super::columns::looks_like_email;
use super::dates::parse_date;
use super::layout::Layout;
use super::records::RecordText;
use super::seen::Seen;
use super::{LoadProgress, Row};
use rustc_hash::FxHashMap;

use crate::codes::classify::{Evidence, classify};
use crate::codes::extract::{Codes, Found, extract_with, mask_variable_parts, neutral_address_at};
use crate::model::{
    AddressState, Chunk, Contact, Dataset, EXTRA_CODES, Ends, PackedClass, Role, WarningKind,
    pack_date, pack_reply, pack_status,
};
use crate::typo;

/// Rows per chunk: large enough to amortise the hand-over between threads, small enough that
/// both workers stay busy on modest files.
const CHUNK_ROWS: usize = 4096;

/// What a worker needs to know about the columns.
#[derive(Debug, Clone)]
struct Plan {
    source: u16,
    width: usize,
    email: usize,
    kind: Option<usize>,
    implied_kind: Option<&'static str>,
    code: Option<usize>,
    date: Option<usize>,
    reasons: Vec<usize>,
}

impl Plan {
    fn new(layout: &Layout, source: usize) -> Plan {
        Plan {
            source: u16::try_from(source).unwrap_or(u16::MAX),
            width: layout.headers.len(),
            email: layout.email,
            kind: layout.column(Role::Kind),
            implied_kind: layout.implied_kind,
            code: layout.column(Role::Code),
            date: layout.column(Role::Date),
            reasons: layout
                .roles
                .iter()
                .filter(|(role, _)| *role == Role::Reason)
                .map(|(_, column)| *column)
                .collect(),
        }
    }
}

/// A chunk's rows: where each starts in the field table, how many fields it has, its line.
#[derive(Debug, Default)]
struct Batch {
    seq: u64,
    /// The rows' text and field ends (relative to their row's start, packed into the chunk
    /// when classified).
    text: RecordText,
    /// Per row: its start in `text`, its first field, its number of fields, its line.
    rows: Vec<RowSpan>,
}

/// Where a row is in its batch.
#[derive(Debug, Clone, Copy)]
struct RowSpan {
    start: u32,
    first: u32,
    count: u32,
    line: u32,
}

/// A classified chunk, ready to merge.
struct Classified {
    seq: u64,
    chunk: Chunk,
    contacts: Vec<Contact>,
    /// Per contact: its domain, found in the chunk text.
    domains: Vec<DomainSpan>,
    /// Per contact: a hash of the lower-cased address, to spot duplicates.
    addresses: Vec<u64>,
    extra_codes: Vec<(usize, Codes)>,
    warnings: Vec<(WarningKind, u64)>,
}

/// Collects rows into chunks, has them classified (on worker threads when there are several)
/// and merges the results into the dataset in file order.
pub(crate) struct Builder<'d> {
    dataset: &'d mut Dataset,
    plan: Plan,
    batch: Batch,
    next_seq: u64,
    merge_seq: u64,
    waiting: BTreeMap<u64, Classified>,
    jobs: Option<SyncSender<Batch>>,
    /// The workers' end of `jobs`, to take chunks back from at the end.
    queue: Option<Arc<Mutex<Receiver<Batch>>>>,
    results: Option<Receiver<Classified>>,
    /// Room for the next chunk's text, readied by the workers.
    rooms: Option<Receiver<Vec<u8>>>,
    seen: &'d mut Seen,
    domain_ids: &'d mut FxHashMap<u128, u32>,
    verdicts: Verdicts,
    progress: Option<&'d LoadProgress>,
    size: Option<u64>,
}

/// Runs `read` with a [`Builder`] for one source, classifying on `threads` threads: the
/// reading thread and `threads - 1` workers.
pub(crate) fn build<T>(
    dataset: &mut Dataset,
    layout: &Layout,
    source: usize,
    options: BuildOptions<'_>,
    state: &mut LoadState,
    read: impl FnOnce(&mut Builder<'_>) -> T,
) -> T {
    let BuildOptions {
        threads,
        progress,
        size,
    } = options;
    let plan = Plan::new(layout, source);
    thread::scope(|scope| {
        let (jobs, queue, results, rooms) = if threads > 1 {
            let (job_sender, job_receiver) = sync_channel::<Batch>(threads * 2);
            let (result_sender, result_receiver) = sync_channel::<Classified>(threads * 2);
            let (room_sender, room_receiver) = sync_channel::<Vec<u8>>(1);
            let job_receiver = Arc::new(Mutex::new(job_receiver));
            for _ in 1..threads {
                let channels = WorkerChannels {
                    jobs: Arc::clone(&job_receiver),
                    results: result_sender.clone(),
                    rooms: room_sender.clone(),
                };
                let plan = plan.clone();
                scope.spawn(move || work(&plan, &channels));
            }
            (
                Some(job_sender),
                Some(job_receiver),
                Some(result_receiver),
                Some(room_receiver),
            )
        } else {
            (None, None, None, None)
        };
        let mut builder = Builder {
            dataset,
            plan: plan.clone(),
            batch: Batch::default(),
            next_seq: 0,
            merge_seq: 0,
            waiting: BTreeMap::new(),
            jobs,
            queue,
            results,
            rooms,
            seen: &mut state.seen,
            domain_ids: &mut state.domain_ids,
            verdicts: Verdicts::default(),
            progress,
            size,
        };
        let output = read(&mut builder);
        builder.finish();
        output
    })
}

/// How a source is built.
pub(crate) struct BuildOptions<'p> {
    /// Threads that classify, the reading thread included (1 = only the reading thread).
    pub(crate) threads: usize,
    /// Where to count contacts, for a gauge.
    pub(crate) progress: Option<&'p LoadProgress>,
    /// The input's size in bytes, when known: the first chunk tells the bytes per row, and the
    /// tables are sized once instead of doubling (a doubling briefly holds both copies).
    pub(crate) size: Option<u64>,
}

/// State shared by all files of one load: addresses seen and interned domains (by a 128-bit
/// hash of the lower-cased name, worked out on the classifying threads, so merging a contact
/// neither hashes nor compares text).
#[derive(Default)]
pub(crate) struct LoadState {
    seen: Seen,
    domain_ids: FxHashMap<u128, u32>,
}

/// Verdicts already reached, by (type, codes found, reason text with its addresses, IPs, long
/// numbers and message ids masked): servers send the same message to many recipients, so most
/// rows of a large export repeat an earlier one once the recipient-specific parts are masked.
/// Keyed by a 64-bit hash ([`text_key`]) so remembering one costs 24 bytes, and bounded, so a
/// file of unique texts cannot grow it without limit.
#[derive(Default)]
struct Verdicts {
    /// By the texts exactly as they are: most rows repeat an earlier row's texts, and a hash
    /// of them is found without extracting codes or masking anything.
    exact: FxHashMap<u64, Verdict>,
    /// Which exact keys were met before: only those are looked up and remembered.
    sightings: Sightings,
    /// By (type, codes, masked text), for texts that differ only in an address or a number.
    known: FxHashMap<u64, Verdict>,
    masked: String,
    /// A reason text with its recipient cut out, for [`Verdicts::cut_key`].
    cut: String,
    found: Found,
    /// The typo check's answer and [`looks_like_email`]'s per domain (by 64 bits of its
    /// [`domain_key`]), for addresses whose plain local part leaves both to the domain
    /// ([`typo::domain_decides`]): a list has thousands of domains but millions of addresses.
    domains: FxHashMap<u64, (u8, bool)>,
}

/// Keys met at least once, as one bit each in a table small enough to stay in the core's
/// first-level cache (16 KB), so a text met for the first time costs no look-up in
/// [`Verdicts`]' exact table, far larger, and is not remembered there: most unique texts (a
/// million rows hold about 190k) are never met again, and each look-up and insert of one
/// waited for memory. A text met again is looked up and remembered; a bit shared by two keys
/// only costs a look-up that finds nothing. The bits are cleared once a quarter of them are
/// set. At 1M rows this took 3–4% off the load's CPU; 2^15 to 2^18 bits did about as well,
/// 2^20 and more less well.
struct Sightings {
    bits: Vec<u64>,
    set: usize,
}

/// Bits in [`Sightings`] (2^17).
const SIGHTING_BITS: u32 = 17;

impl Default for Sightings {
    fn default() -> Sightings {
        Sightings {
            bits: vec![0; (1 << SIGHTING_BITS) / 64],
            set: 0,
        }
    }
}

impl Sightings {
    /// Whether `key` was met before (or shares its bit with one that was); marks it met.
    fn again(&mut self, key: u64) -> bool {
        let bit = (key >> (64 - SIGHTING_BITS)) as usize;
        let mask = 1 << (bit % 64);
        if self.bits[bit / 64] & mask != 0 {
            return true;
        }
        if self.set >= (1 << SIGHTING_BITS) / 4 {
            self.bits.fill(0);
            self.set = 0;
        }
        self.bits[bit / 64] |= mask;
        self.set += 1;
        false
    }
}

/// A remembered verdict in its stored form.
#[derive(Clone, Copy)]
struct Verdict {
    reply: u16,
    status: u16,
    class: PackedClass,
    has_extra_codes: bool,
}

/// How many domains a classifying thread remembers before starting afresh.
const DOMAINS_KEPT: usize = 1 << 14;

/// How many verdicts a classifying thread remembers in each table before starting afresh:
/// seven eighths of 2^16, the most a table of 2^16 slots holds before it doubles (about 2 MB).
/// Twice as many found no more at 1M rows and raised the load's peak memory by 9 MB.
const VERDICTS_KEPT: usize = (1 << 16) / 8 * 7;

impl Verdicts {
    /// The verdict for these texts, and the full codes when there are more than the main ones.
    /// Codes always come from the texts as they are; the phrases are read on the reason text
    /// with addresses, IPs, long numbers and ids masked (so `spf@example.com` is not an SPF
    /// failure). The verdict is a function of (type, codes, masked text) and that is exactly
    /// the key, so a remembered verdict is the one classifying afresh would give. Before that,
    /// the exact texts are looked up, then the texts with the recipient's address cut out, each
    /// only when met before ([`Sightings`]).
    fn get_or_classify(
        &mut self,
        (kind, code_text): (&str, &str),
        reason_text: &str,
        recipient: &str,
    ) -> (Verdict, Option<Codes>) {
        let exact = text_key(&[kind, code_text], reason_text);
        let exact_again = self.sightings.again(exact);
        if exact_again
            && let Some(&known) = self.exact.get(&exact)
            && !known.has_extra_codes
        {
            return (known, None);
        }
        let cut = self
            .cut_key((kind, code_text), reason_text, recipient)
            .filter(|&cut| self.sightings.again(cut));
        if let Some(cut) = cut
            && let Some(&known) = self.exact.get(&cut)
            && !known.has_extra_codes
        {
            if exact_again {
                remember(&mut self.exact, exact, known);
            }
            return (known, None);
        }
        let found = &mut self.found;
        let codes = if code_text.is_empty() {
            extract_with(reason_text, found)
        } else {
            extract_with(code_text, found).merged_with(extract_with(reason_text, found))
        };
        mask_variable_parts(reason_text, &mut self.masked);
        let masked = self.masked.as_str();
        let key = verdict_key(kind, &codes, masked);
        let has_extra_codes = !codes.other_replies.is_empty() || !codes.other_statuses.is_empty();
        let verdict = match self.known.get(&key) {
            Some(&known) => known,
            None => {
                let class = classify(Evidence {
                    kind: (!kind.is_empty()).then_some(kind),
                    codes: &codes,
                    text: masked,
                });
                let verdict = Verdict {
                    reply: pack_reply(codes.reply),
                    status: pack_status(codes.status),
                    class: PackedClass::pack(&class),
                    has_extra_codes,
                };
                remember(&mut self.known, key, verdict);
                verdict
            }
        };
        if exact_again {
            remember(&mut self.exact, exact, verdict);
        }
        if let Some(cut) = cut {
            remember(&mut self.exact, cut, verdict);
        }
        (verdict, has_extra_codes.then_some(codes))
    }

    /// A second exact key, for a reason text that quotes the row's own address where any
    /// other address would change nothing ([`neutral_address_at`]): the hash of the text
    /// around it and of where it was. Servers often quote the recipient, which makes the text
    /// unique (a million rows of the generated export hold 287k distinct texts, 189k with the
    /// address cut out), and each unique text costs a code extraction and a masking.
    fn cut_key(
        &mut self,
        (kind, code_text): (&str, &str),
        reason_text: &str,
        recipient: &str,
    ) -> Option<u64> {
        let at = neutral_address_at(reason_text, recipient)?;
        let before = reason_text.get(..at)?;
        let after = reason_text.get(at + recipient.len()..)?;
        self.cut.clear();
        self.cut.push_str(before);
        self.cut.push_str(after);
        Some(keyed(
            |hasher| {
                write_texts(hasher, &[kind, code_text]);
                hasher.write_usize(at);
            },
            &self.cut,
        ))
    }

    /// The address flags ([`AddressState`]) for `email`, and whether it looks like an address
    /// at all. `hashed` is a domain text whose key is known already (the contact's own domain,
    /// hashed for interning), so the usual case hashes the domain once.
    fn address_verdict(&mut self, email: &str, hashed: Option<(&str, u128)>) -> (u8, bool) {
        let fresh = |email: &str| {
            (
                AddressState::flags(&typo::check(email)),
                looks_like_email(email),
            )
        };
        let Some(domain) = typo::domain_decides(email) else {
            return fresh(email);
        };
        let key = match hashed {
            Some((text, key)) if text == domain => key,
            _ => domain_key(domain),
        } as u64;
        if let Some(&known) = self.domains.get(&key) {
            return known;
        }
        let verdict = fresh(email);
        if self.domains.len() >= DOMAINS_KEPT {
            self.domains.clear();
        }
        self.domains.insert(key, verdict);
        verdict
    }
}

/// Remembers `verdict` under `key`, starting afresh when the table is full.
fn remember(table: &mut FxHashMap<u64, Verdict>, key: u64, verdict: Verdict) {
    if table.len() >= VERDICTS_KEPT {
        table.clear();
    }
    table.insert(key, verdict);
}

/// A long text hashed to 64 bits (XXH3), after short ones (a type, a code column) hashed to
/// the seed, so the long text is read once. A verdict table holds at most [`VERDICTS_KEPT`]
/// keys, so a text meets another text's key with odds below 1 in 10^14 per look-up, a few in
/// 10^8 over a load of 5M rows: far less likely than a bit flip. Against 128-bit keys the
/// tables are three quarters the size, and a 1M-row load took 3% less CPU: the look-ups wait
/// for memory, and smaller tables miss the caches less.
fn text_key(short: &[&str], text: &str) -> u64 {
    keyed(|hasher| write_texts(hasher, short), text)
}

/// Everything a verdict depends on, hashed to 64 bits.
fn verdict_key(kind: &str, codes: &Codes, masked: &str) -> u64 {
    keyed(
        |hasher| {
            std::hash::Hash::hash(codes, hasher);
            write_texts(hasher, &[kind]);
        },
        masked,
    )
}

/// `text` hashed to 64 bits, seeded with a 64-bit hash of what `seed` writes.
fn keyed(seed: impl FnOnce(&mut rustc_hash::FxHasher), text: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    seed(&mut hasher);
    twox_hash::XxHash3_64::oneshot_with_seed(hasher.finish(), text.as_bytes())
}

/// A lower-cased domain hashed to 128 bits (XXH3-128): domains are interned by this key
/// alone, over every row of every file of a load, so it is wide enough that two domains never
/// share one in practice.
fn domain_key(lower: &str) -> u128 {
    twox_hash::XxHash3_128::oneshot(lower.as_bytes())
}

/// Each text followed by a separator, so `("ab", "c")` and `("a", "bc")` differ.
fn write_texts(hasher: &mut rustc_hash::FxHasher, parts: &[&str]) {
    for part in parts {
        hasher.write(part.as_bytes());
        hasher.write_u8(0x1f);
    }
}

/// A worker: classifies chunks until the reader is done, and after each one readies room for
/// a chunk of text about as long for the reader.
fn work(plan: &Plan, channels: &WorkerChannels) {
    let mut cache = Verdicts::default();
    let mut ready: Option<Vec<u8>> = None;
    loop {
        let batch = match channels.jobs.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok(batch) = batch else { return };
        let room = batch.text.used + batch.text.used / 8;
        if channels
            .results
            .send(classify_batch(plan, batch, &mut cache))
            .is_err()
        {
            return;
        }
        let bytes = ready.take().unwrap_or_else(|| touched(room));
        if let Err(TrySendError::Full(bytes)) = channels.rooms.try_send(bytes) {
            ready = Some(bytes);
        }
    }
}

/// A worker's ends of the channels: chunks in, classified chunks and room for text out.
struct WorkerChannels {
    jobs: Arc<Mutex<Receiver<Batch>>>,
    results: SyncSender<Classified>,
    rooms: SyncSender<Vec<u8>>,
}

/// `len` zero bytes, written rather than freshly mapped: their pages are faulted in (and
/// cleared by the kernel) on the worker that calls this, instead of on the reading thread when
/// the parser first writes to them. At 5M rows that is 190,000 page faults, and the reading
/// thread is the one that holds the load up at that size.
#[expect(
    clippy::slow_vector_initialization,
    reason = "the writing is the point: `vec![0; len]` maps pages without touching them"
)]
fn touched(len: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(len);
    bytes.resize(len, 0);
    bytes
}

impl Builder<'_> {
    /// The text of the chunk being filled, for the reader to append a record to before
    /// [`Builder::admit`] takes it as a row.
    pub(crate) fn text(&mut self) -> &mut RecordText {
        &mut self.batch.text
    }

    /// Takes the record appended to the chunk's text at `start` (its fields from `first`) as
    /// a row; returns whether it was blank. Blank rows (every field empty, Excel's trailing
    /// `,,,`) are dropped here, and so are rows without an address (reported): every row a
    /// chunk keeps is a contact, so a contact's fields end where the next one's begin.
    pub(crate) fn admit(&mut self, line: u64, start: usize, first: usize) -> bool {
        let text = &mut self.batch.text;
        let count = text.ends.len() - first;
        let blank = is_blank_text(&text.bytes[start..text.used]);
        let no_address = self.plan.email >= count || {
            let column = first + self.plan.email;
            let from = if column == first {
                0
            } else {
                text.ends[column - 1] as usize
            };
            is_blank_text(&text.bytes[start + from..start + text.ends[column] as usize])
        };
        if blank || no_address {
            text.used = start;
            text.ends.truncate(first);
            if !blank {
                self.warn(WarningKind::NoAddress, line);
            }
            return blank;
        }
        self.batch.rows.push(RowSpan {
            start: start as u32,
            first: first as u32,
            count: count as u32,
            line: u32::try_from(line).unwrap_or(u32::MAX),
        });
        if self.batch.rows.len() >= CHUNK_ROWS || self.batch.text.used > 1 << 24 {
            self.dispatch();
        }
        false
    }

    /// Adds an owned row (from a spreadsheet or the first rows read for the layout).
    pub(crate) fn push_owned(&mut self, row: &Row) {
        let text = &mut self.batch.text;
        let (start, first) = (text.used, text.ends.len());
        for field in &row.fields {
            text.push_field(start, field);
        }
        self.admit(row.line, start, first);
    }

    /// Records a load warning found while reading (before classification).
    pub(crate) fn warn(&mut self, kind: WarningKind, line: u64) {
        let source = usize::from(self.plan.source);
        self.dataset.report.add(source, kind, line);
    }

    /// Hands the chunk just filled to a worker, or classifies it here when every worker is
    /// busy (or there are none): the reading thread never waits for a worker, and the threads
    /// never outnumber the cores.
    fn dispatch(&mut self) {
        let used = self.batch.text.used;
        let readied = self.rooms.as_ref().and_then(|rooms| rooms.try_recv().ok());
        let next = Batch {
            text: readied.map_or_else(
                || RecordText::with_room(used + used / 8),
                RecordText::in_room,
            ),
            ..Batch::default()
        };
        let mut batch = std::mem::replace(&mut self.batch, next);
        batch.seq = self.next_seq;
        self.next_seq += 1;
        let batch = match &self.jobs {
            Some(jobs) => match jobs.try_send(batch) {
                Ok(()) => {
                    self.receive_ready();
                    return;
                }
                Err(TrySendError::Full(batch) | TrySendError::Disconnected(batch)) => batch,
            },
            None => batch,
        };
        let classified = classify_batch(&self.plan, batch, &mut self.verdicts);
        self.accept(classified);
        self.receive_ready();
    }

    fn receive_ready(&mut self) {
        let ready: Vec<Classified> = self
            .results
            .as_ref()
            .map(|results| results.try_iter().collect())
            .unwrap_or_default();
        for classified in ready {
            self.accept(classified);
        }
    }

    fn receive_one(&mut self) {
        let next = self
            .results
            .as_ref()
            .and_then(|results| results.recv().ok());
        if let Some(classified) = next {
            self.accept(classified);
        }
    }

    fn accept(&mut self, classified: Classified) {
        self.waiting.insert(classified.seq, classified);
        while let Some(next) = self.waiting.remove(&self.merge_seq) {
            self.merge(next);
        }
    }

    fn finish(&mut self) {
        if !self.batch.rows.is_empty() {
            self.dispatch();
        }
        self.jobs = None;
        while self.merge_seq < self.next_seq {
            let before = self.merge_seq;
            if let Some(batch) = self.take_back() {
                let classified = classify_batch(&self.plan, batch, &mut self.verdicts);
                self.accept(classified);
                continue;
            }
            self.receive_one();
            if self.merge_seq == before && self.results.is_none() {
                break;
            }
        }
    }

    /// A chunk no worker has started, taken back to classify on the reading thread: once the
    /// input is read, it would otherwise only wait for the workers to empty the queue. (A
    /// worker holds the queue's lock only while it waits for a chunk, when there is none.)
    fn take_back(&self) -> Option<Batch> {
        let queue = self.queue.as_ref()?.try_lock().ok()?;
        queue.try_recv().ok()
    }

    fn merge(&mut self, classified: Classified) {
        if classified.seq == 0 {
            self.reserve_for(&classified);
        }
        self.merge_seq = classified.seq + 1;
        let Classified {
            chunk,
            mut contacts,
            domains,
            addresses,
            extra_codes,
            warnings,
            ..
        } = classified;
        let source = usize::from(self.plan.source);
        for (kind, line) in warnings {
            self.dataset.report.add(source, kind, line);
        }
        for (contact, span) in contacts.iter_mut().zip(&domains) {
            contact.domain = self.intern(&chunk, span);
        }
        let report = &mut self.dataset.report;
        self.seen.insert_all(&addresses, |index| {
            report.add(
                source,
                WarningKind::Duplicate,
                u64::from(contacts[index].line),
            );
        });
        let base = self.dataset.contacts.len();
        for (position, codes) in extra_codes {
            self.dataset
                .extra_codes
                .insert((base + position) as u32, codes);
        }
        if contacts.is_empty() {
            return;
        }
        if let Some(progress) = self.progress {
            progress
                .rows
                .fetch_add(contacts.len() as u64, std::sync::atomic::Ordering::Relaxed);
        }
        self.dataset.chunk_starts.push(base as u32);
        self.dataset.chunks.push(chunk);
        self.dataset.contacts.extend(contacts);
    }

    /// Sizes the contact table for the whole input, estimated from the first chunk's bytes per
    /// row. The duplicate check is left to grow: sized for every row, it would take twice the
    /// slots a list with some repeated addresses needs.
    fn reserve_for(&mut self, first: &Classified) {
        let (Some(size), rows) = (self.size, first.contacts.len()) else {
            return;
        };
        if rows == 0 {
            return;
        }
        let bytes_per_row = (first.chunk.text.len() / rows).max(1) as u64;
        let estimate = (size / bytes_per_row) as usize;
        self.dataset.contacts.reserve(estimate);
    }

    /// The id of a contact's domain; its lower-cased name is stored the first time it is seen.
    fn intern(&mut self, chunk: &Chunk, span: &DomainSpan) -> u32 {
        if let Some(&id) = self.domain_ids.get(&span.key) {
            return id;
        }
        let id = self.dataset.domains.len() as u32;
        self.dataset.domains.push(span.name(chunk));
        self.domain_ids.insert(span.key, id);
        id
    }
}

/// Whether text (valid UTF-8) is empty or white space as `str::trim` sees it; nearly every
/// row is told apart by its first byte.
fn is_blank_text(bytes: &[u8]) -> bool {
    let visible = |b: &u8| b.is_ascii() && !b.is_ascii_whitespace() && *b != 0x0B;
    !bytes.iter().any(visible) && std::str::from_utf8(bytes).is_ok_and(|t| t.trim().is_empty())
}

fn classify_batch(plan: &Plan, batch: Batch, verdicts: &mut Verdicts) -> Classified {
    let (text, ends) = batch.text.into_text();
    let chunk = Chunk {
        text,
        ends: Ends::packed(ends),
    };
    let mut out = Classified {
        seq: batch.seq,
        contacts: Vec::with_capacity(batch.rows.len()),
        domains: Vec::with_capacity(batch.rows.len()),
        addresses: Vec::with_capacity(batch.rows.len()),
        extra_codes: Vec::new(),
        warnings: Vec::new(),
        chunk: Chunk::default(),
    };
    for &span in &batch.rows {
        let row = RowRef {
            chunk: &chunk,
            span,
        };
        classify_row(plan, row, verdicts, &mut out);
    }
    out.chunk = chunk;
    out
}

/// One row of a chunk.
#[derive(Clone, Copy)]
struct RowRef<'c> {
    chunk: &'c Chunk,
    span: RowSpan,
}

impl<'c> RowRef<'c> {
    fn field(&self, column: usize) -> &'c str {
        if column >= self.span.count as usize {
            return "";
        }
        let first = self.span.first as usize;
        self.chunk
            .field(self.span.start as usize, first, first + column)
    }
}

fn classify_row(plan: &Plan, row: RowRef<'_>, verdicts: &mut Verdicts, out: &mut Classified) {
    let RowSpan {
        start,
        first,
        count,
        line,
    } = row.span;
    let line64 = u64::from(line);
    let get = |column: Option<usize>| column.map_or("", |c| trim(row.field(c)));
    if count as usize != plan.width {
        out.warnings.push((WarningKind::Ragged, line64));
    }
    let email = get(Some(plan.email));
    let domain = DomainSpan::of(row.chunk, email);
    let hashed = domain
        .plain
        .then(|| (domain.name_as_written(row.chunk), domain.key));
    let (address_flags, looks_like_address) = verdicts.address_verdict(email, hashed);
    if !looks_like_address {
        out.warnings.push((WarningKind::NotAnAddress, line64));
    }
    let joined;
    let reason_text: &str = match plan.reasons.as_slice() {
        [] => "",
        [only] => get(Some(*only)),
        many => {
            let parts: Vec<&str> = many
                .iter()
                .map(|c| get(Some(*c)))
                .filter(|p| !p.is_empty())
                .collect();
            joined = parts.join(" | ");
            &joined
        }
    };
    let kind = match get(plan.kind) {
        "" => plan.implied_kind.unwrap_or_default(),
        kind => kind,
    };
    let date_text = get(plan.date);
    let date = parse_date(date_text);
    if date.is_none() && !date_text.is_empty() {
        out.warnings.push((WarningKind::BadDate, line64));
    }
    let (verdict, extra_codes) =
        verdicts.get_or_classify((kind, get(plan.code)), reason_text, email);
    out.domains.push(domain);
    out.addresses.push(address_hash(email));
    if let Some(codes) = extra_codes {
        out.extra_codes.push((out.contacts.len(), codes));
    }
    out.contacts.push(Contact {
        row_start: start,
        first_field: first,
        line,
        domain: u32::MAX,
        date: pack_date(date),
        source: plan.source,
        reply: verdict.reply,
        status: verdict.status,
        class: verdict.class,
        flags: address_flags
            | if verdict.has_extra_codes {
                EXTRA_CODES
            } else {
                0
            },
    });
}

/// `text` without white space around it, as `str::trim` has it; a field that starts and ends
/// with a visible ASCII character (nearly all of them) is returned at once.
fn trim(text: &str) -> &str {
    let visible = |byte: Option<&u8>| byte.is_some_and(u8::is_ascii_graphic);
    let bytes = text.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// Where a contact's domain is in its chunk's text, and a 128-bit hash of its lower-cased name.
struct DomainSpan {
    start: u32,
    len: u32,
    key: u128,
    /// Written in lower case already, so `key` is the hash of the text as written.
    plain: bool,
}

impl DomainSpan {
    /// The domain of `email` (a slice of the chunk's text): after the last `@`, without the
    /// stray `>` or `.` pasted addresses carry.
    fn of(chunk: &Chunk, email: &str) -> DomainSpan {
        let base = email.as_ptr() as usize - chunk.text.as_ptr() as usize;
        let domain = memchr::memrchr(b'@', email.as_bytes()).map_or(&email[..0], |at| {
            email[at + 1..]
                .trim()
                .trim_end_matches(['>', '.', ',', ';'])
        });
        let start = base + (domain.as_ptr() as usize - email.as_ptr() as usize);
        let lower = lowercase(domain);
        DomainSpan {
            start: start as u32,
            len: domain.len() as u32,
            key: domain_key(&lower),
            plain: matches!(lower, Cow::Borrowed(_)),
        }
    }

    /// The domain as the address writes it.
    fn name_as_written<'c>(&self, chunk: &'c Chunk) -> &'c str {
        &chunk.text[self.start as usize..(self.start + self.len) as usize]
    }

    /// The domain's name as stored: lower-cased.
    fn name(&self, chunk: &Chunk) -> Box<str> {
        lowercase(self.name_as_written(chunk)).into()
    }
}

/// `text` lower-cased, copied only when that changes it.
fn lowercase(text: &str) -> Cow<'_, str> {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// A hash of the address ignoring ASCII case, so `Jane@X.com` and `jane@x.com` are the same;
/// hashed eight bytes at a time.
fn address_hash(email: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    for block in email.as_bytes().chunks(8) {
        let mut word = [0u8; 8];
        for (slot, byte) in word.iter_mut().zip(block) {
            *slot = byte.to_ascii_lowercase();
        }
        hasher.write_u64(u64::from_le_bytes(word));
    }
    hasher.write_usize(email.len());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The quick trim is `str::trim`, white space of every kind included.
        #[test]
        fn trim_is_str_trim(text in "[ \t\u{a0}\u{3000}\u{b}a-z,é]{0,12}") {
            prop_assert_eq!(trim(&text), text.trim());
        }

        /// The per-domain memory is exact: two addresses with plain local parts at the same
        /// domain look like addresses, or not, together.
        #[test]
        fn plain_local_parts_leave_looking_like_an_address_to_the_domain(
            first in "[a-z0-9][a-z0-9._+-]{0,20}",
            second in "[A-Z0-9][a-zA-Z0-9_+-]{0,8}",
            domain in "(mailto:)?[ \t<>.,;:@a-z0-9ü-]{0,6}(gmail|example)?[.@ ]{0,2}(com|de)?[ >.;]{0,2}",
        ) {
            let first = format!("{first}@{domain}");
            let second = format!("{second}@{domain}");
            if typo::domain_decides(&first).is_some() && typo::domain_decides(&second).is_some() {
                prop_assert_eq!(looks_like_email(&first), looks_like_email(&second), "{} vs {}", first, second);
            }
        }
    }
}
