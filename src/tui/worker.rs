//! The search worker: ranks contacts off the UI thread so typing never waits. Requests carry a
//! generation; a newer request makes the worker drop queued ones and abandon the one running.
//! It builds the search index first, then answers each request early (the best of the first
//! block) and finally (the full ranking).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use crate::model::Dataset;
use crate::search::{self, Run, SearchIndex};

use super::app::SearchRequest;

/// Handle to the worker thread.
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    latest: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the worker; results are passed to `done` as (generation, ranking, complete); it
    /// returns false when nobody listens any more.
    pub fn spawn(
        dataset: Arc<Dataset>,
        done: impl Fn(u64, Vec<u32>, bool) -> bool + Send + Sync + 'static,
    ) -> SearchWorker {
        let (requests, inbox) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&dataset, &inbox, &newest, done))
            .expect("the search thread starts");
        SearchWorker { requests, latest }
    }

    /// Queues a search, superseding any earlier one.
    pub fn submit(&self, request: SearchRequest) {
        self.latest.store(request.generation, Ordering::SeqCst);
        let _ = self.requests.send(request);
    }
}

fn serve(
    dataset: &Dataset,
    inbox: &Receiver<SearchRequest>,
    latest: &AtomicU64,
    done: impl Fn(u64, Vec<u32>, bool) -> bool + Sync,
) {
    let threads = thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let index = SearchIndex::build(dataset, threads);
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let stale = || latest.load(Ordering::SeqCst) != generation;
        let early = |first: Vec<u32>| {
            done(generation, first, false);
        };
        let run = Run {
            threads,
            index: Some(&index),
            cancelled: &stale,
            early: &early,
        };
        let ranked = search::rank(&request.query, dataset, &request.candidates, &run);
        if let Some(ranked) = ranked
            && !done(generation, ranked, true)
        {
            return;
        }
    }
}
