//! Finding contacts by what the user remembers: a fuzzy match over address, name, company and
//! reason text (fuzzy-matcher's Skim algorithm, as in fzf), with fzf's `'exact` and `!not`
//! operators for when fuzziness gets in the way.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::Contact;

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

/// The text a contact is searched by.
pub fn haystack(contact: &Contact) -> String {
    let mut text = String::with_capacity(
        contact.email.len()
            + contact.name.len()
            + contact.company.len()
            + contact.reason_text.len()
            + 3,
    );
    for part in [
        &contact.email,
        &contact.name,
        &contact.company,
        &contact.reason_text,
    ] {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(part);
    }
    text
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
    pub fn score(&self, query: &Query, contact: &Contact) -> Option<i64> {
        self.score_text(query, &haystack(contact))
    }

    /// Scores an already built haystack.
    pub fn score_text(&self, query: &Query, text: &str) -> Option<i64> {
        let lower = text.to_lowercase();
        let mut total = 0;
        for term in &query.terms {
            match term {
                Term::Fuzzy(pattern) => total += self.matcher.fuzzy_match(text, pattern)?,
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
    pub fn rank(&self, query: &Query, contacts: &[Contact], candidates: &[usize]) -> Vec<usize> {
        if query.is_empty() {
            return candidates.to_vec();
        }
        let mut scored: Vec<(i64, usize)> = candidates
            .iter()
            .filter_map(|&i| self.score(query, &contacts[i]).map(|s| (s, i)))
            .collect();
        scored.sort_by(|(sa, ia), (sb, ib)| sb.cmp(sa).then(ia.cmp(ib)));
        scored.into_iter().map(|(_, i)| i).collect()
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
        let text = "jane.doe@gmail.com Jane Doe Acme 552 5.2.2 Mailbox full";
        assert!(
            searcher
                .score_text(&Query::parse("'mailbox"), text)
                .is_some()
        );
        assert!(searcher.score_text(&Query::parse("!gmail"), text).is_none());
        assert!(searcher.score_text(&Query::parse("jdoe"), text).is_some());
        assert!(searcher.score_text(&Query::parse("'jdoe"), text).is_none());
    }

    #[test]
    fn positions_cover_exact_terms() {
        let searcher = Searcher::default();
        let positions = searcher.positions(&Query::parse("'doe"), "Jane Doe");
        assert_eq!(positions, vec![5, 6, 7]);
    }
}
