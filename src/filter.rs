//! Narrowing the contact list: the same filter serves `bouncelens list`, exports and the
//! dashboard's drill-downs, so "what matches" means one thing everywhere.

use std::sync::Arc;

use crate::advice::{Advice, advise};
use crate::codes::{Disposition, Reason};
use crate::model::{ContactRef, Dataset};
use crate::search::{self, Candidates, Query, Run};

/// Conditions that must all hold; an empty filter keeps everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this disposition.
    pub disposition: Option<Disposition>,
    /// Only this reason.
    pub reason: Option<Reason>,
    /// A reply code (`550`), an enhanced code (`5.1.1`) or an enhanced prefix (`5.7`).
    pub code: Option<String>,
    /// Only this recipient domain (case-insensitive).
    pub domain: Option<String>,
    /// Only contacts with this recommended next step.
    pub action: Option<Advice>,
    /// A fuzzy search; matches are ranked best first.
    pub query: Query,
}

impl Filter {
    /// Whether `contact` passes every condition except the search.
    pub fn keeps(&self, contact: &ContactRef<'_>) -> bool {
        self.disposition.is_none_or(|d| contact.disposition() == d)
            && self.reason.is_none_or(|r| contact.reason() == r)
            && self
                .code
                .as_deref()
                .is_none_or(|code| has_code(contact, code))
            && self
                .domain
                .as_deref()
                .is_none_or(|domain| contact.domain().eq_ignore_ascii_case(domain))
            && self.action.is_none_or(|a| advise(contact) == a)
    }

    /// Indices of the matching contacts: file order, or best match first when searching (on
    /// every core, as the dashboard does).
    pub fn apply(&self, dataset: &Dataset) -> Vec<usize> {
        let candidates: Vec<u32> = dataset
            .contacts()
            .filter(|c| self.keeps(c))
            .map(|c| c.index() as u32)
            .collect();
        let run = Run {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            index: None,
            cancelled: &|| false,
            early: &|_| {},
        };
        let candidates = Candidates::Listed(Arc::new(candidates));
        let ranked = search::rank(&self.query, dataset, &candidates, &run).unwrap_or_default();
        ranked.into_iter().map(|i| i as usize).collect()
    }
}

/// Whether the contact carries `code` as its main or any other code; `5.7` matches every
/// `5.7.x`.
pub fn has_code(contact: &ContactRef<'_>, code: &str) -> bool {
    let codes = contact.codes();
    let replies = codes.reply.iter().chain(&codes.other_replies);
    if replies.into_iter().any(|r| r.as_str() == code) {
        return true;
    }
    codes
        .status
        .iter()
        .chain(&codes.other_statuses)
        .any(|status| {
            let text = status.to_string();
            text == code || text.starts_with(&format!("{code}."))
        })
}
