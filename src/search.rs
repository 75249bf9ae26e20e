//! Finding contacts by what the user remembers: a fuzzy match over address, name, company and
//! reason text (fuzzy-matcher's Skim algorithm, as in fzf), with fzf's `'exact` and `!not`
//! operators for when fuzziness gets in the way.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{ContactRef, Dataset};

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

/// The text a contact is searched by: who it is, then who plus what the server said.
pub fn haystack(contact: &ContactRef<'_>) -> (String, String) {
    let name = contact.name();
    let who = [contact.email(), name.as_ref(), contact.company()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let reason = contact.reason_text();
    let all = if reason.is_empty() {
        who.clone()
    } else {
        format!("{who} {reason}")
    };
    (who, all)
}

/// A reusable matcher: building one per search keeps its internal buffers warm.
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
        let (who, all) = haystack(contact);
        self.score_text(query, &who, &all)
    }

    /// Scores already built haystacks: `who` (address, name, company) and `all` (who plus the
    /// server's text). Every term must match somewhere in `all`; matches in `who` rank higher.
    pub fn score_text(&self, query: &Query, who: &str, all: &str) -> Option<i64> {
        let lower = all.to_lowercase();
        let mut total = 0;
        for term in &query.terms {
            match term {
                Term::Fuzzy(pattern) => {
                    let anywhere = self.matcher.fuzzy_match(all, pattern)?;
                    let in_who = self
                        .matcher
                        .fuzzy_match(who, pattern)
                        .map(|s| s + WHO_BONUS);
                    total += in_who.unwrap_or(0).max(anywhere);
                }
                Term::Exact(word) => {
                    if !lower.contains(word.as_str()) {
                        return None;
                    }
                    total += 1;
                }
                Term::Exclude(word) => {
                    if lower.contains(word.as_str()) {
                        return None;
                    }
                }
            }
        }
        Some(total)
    }

    /// Character positions in `text` that matched the query's fuzzy and exact terms, for
    /// highlighting.
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

    /// Indices of the matching contacts, best first (ties keep file order).
    pub fn rank(&self, query: &Query, dataset: &Dataset, candidates: &[usize]) -> Vec<usize> {
        self.rank_unless(query, dataset, candidates, || false)
            .unwrap_or_default()
    }

    /// Like [`Searcher::rank`], but checks `cancelled` every few thousand contacts and gives up
    /// (`None`) as soon as it says so: a newer keystroke makes this search worthless.
    pub fn rank_unless(
        &self,
        query: &Query,
        dataset: &Dataset,
        candidates: &[usize],
        cancelled: impl Fn() -> bool,
    ) -> Option<Vec<usize>> {
        const CHUNK: usize = 4096;
        if query.is_empty() {
            return Some(candidates.to_vec());
        }
        let mut scored: Vec<(i64, usize)> = Vec::new();
        for chunk in candidates.chunks(CHUNK) {
            if cancelled() {
                return None;
            }
            scored.extend(
                chunk
                    .iter()
                    .filter_map(|&i| self.score(query, &dataset.contact(i)).map(|s| (s, i))),
            );
        }
        scored.sort_by(|(sa, ia), (sb, ib)| sb.cmp(sa).then(ia.cmp(ib)));
        Some(scored.into_iter().map(|(_, i)| i).collect())
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

    #[test]
    fn exact_and_exclude() {
        let searcher = Searcher::default();
        let who = "jane.doe@gmail.com Jane Doe Acme";
        let all = "jane.doe@gmail.com Jane Doe Acme 552 5.2.2 Mailbox full";
        let score = |q: &str| searcher.score_text(&Query::parse(q), who, all);
        assert!(score("'mailbox").is_some());
        assert!(score("!gmail").is_none());
        assert!(score("jdoe").is_some());
        assert!(score("'jdoe").is_none());
    }

    #[test]
    fn matches_in_the_address_outrank_matches_in_the_server_text() {
        let searcher = Searcher::default();
        let query = Query::parse("gmail");
        let address =
            searcher.score_text(&query, "ann@gmail.com", "ann@gmail.com 550 no such user");
        let text_only =
            searcher.score_text(&query, "bob@acme.com", "bob@acme.com 550 gmail said no");
        assert!(address > text_only, "{address:?} vs {text_only:?}");
    }

    #[test]
    fn positions_cover_exact_terms() {
        let searcher = Searcher::default();
        let positions = searcher.positions(&Query::parse("'doe"), "Jane Doe");
        assert_eq!(positions, vec![5, 6, 7]);
    }
}
