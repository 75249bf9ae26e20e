//! The search worker: ranks contacts off the UI thread so typing never waits. Requests carry a
//! generation; a newer request makes the worker drop queued ones and abandon the one running.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use crate::model::Dataset;
use crate::search::Searcher;

use super::app::SearchRequest;

/// Handle to the worker thread.
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    latest: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the worker; each finished search is passed to `done` as (generation, ranking).
    pub fn spawn(
        dataset: Arc<Dataset>,
        done: impl Fn(u64, Vec<usize>) -> bool + Send + 'static,
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
    done: impl Fn(u64, Vec<usize>) -> bool,
) {
    let searcher = Searcher::default();
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let stale = || latest.load(Ordering::SeqCst) != generation;
        let ranked = searcher.rank_unless(&request.query, dataset, &request.candidates, stale);
        if let Some(ranked) = ranked
            && !done(generation, ranked)
        {
            return;
        }
    }
}
