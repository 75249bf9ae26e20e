//! Breakdowns: how many contacts fall in each value of a chosen grouping. Computed over any
//! subset of contacts (a filter, a search result) so the dashboard can regroup what is shown.

use std::collections::HashMap;
use std::fmt;

use chrono::Datelike;
use serde::Serialize;

use crate::codes::{Disposition, Reason, ReplyCode, StatusCode, catalog};
use crate::model::ContactRef;

/// What to group contacts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupBy {
    /// The traditional reply code.
    Code,
    /// The enhanced status code.
    Enhanced,
    /// hard, soft, block, opt-out, complaint, unknown.
    Disposition,
    /// The finer reason category.
    Reason,
    /// The recipient's domain.
    Domain,
    /// The month of the suppression date.
    Month,
}

impl GroupBy {
    /// Every grouping, in the order the dashboard cycles through them.
    pub const ALL: [GroupBy; 6] = [
        GroupBy::Disposition,
        GroupBy::Reason,
        GroupBy::Code,
        GroupBy::Enhanced,
        GroupBy::Domain,
        GroupBy::Month,
    ];

    /// The name used with `--by`.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Code => "code",
            GroupBy::Enhanced => "enhanced",
            GroupBy::Disposition => "disposition",
            GroupBy::Reason => "reason",
            GroupBy::Domain => "domain",
            GroupBy::Month => "month",
        }
    }

    /// Parses the name used with `--by`.
    pub fn from_name(name: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.as_str() == name)
    }
}

/// The value a contact has for a grouping. Borrowed from the contact so grouping a million rows
/// allocates nothing per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key<'a> {
    /// A reply code, or none.
    Reply(Option<ReplyCode>),
    /// An enhanced code, or none.
    Status(Option<StatusCode>),
    /// A disposition.
    Disposition(Disposition),
    /// A reason.
    Reason(Reason),
    /// A domain (empty when the address has none).
    Domain(&'a str),
    /// A year and month, or no date.
    Month(Option<(i32, u32)>),
}

impl Key<'_> {
    /// The key of `contact` under `by`.
    pub fn of<'a>(contact: &ContactRef<'a>, by: GroupBy) -> Key<'a> {
        match by {
            GroupBy::Code => Key::Reply(contact.reply()),
            GroupBy::Enhanced => Key::Status(contact.status()),
            GroupBy::Disposition => Key::Disposition(contact.disposition()),
            GroupBy::Reason => Key::Reason(contact.reason()),
            GroupBy::Domain => Key::Domain(contact.domain()),
            GroupBy::Month => Key::Month(contact.date().map(|d| (d.year(), d.month()))),
        }
    }

    /// Whether this key is shown as `label`, compared without building a string, so filtering a
    /// million contacts by a breakdown row allocates nothing.
    pub fn is(&self, label: &str) -> bool {
        let mut compare = Compare {
            rest: label,
            equal: true,
        };
        let _ = fmt::write(&mut compare, format_args!("{self}"));
        compare.equal && compare.rest.is_empty()
    }

    /// The catalog's short meaning for code keys, so a breakdown row explains itself.
    pub fn meaning(&self) -> Option<&'static str> {
        match self {
            Key::Reply(Some(code)) => catalog::reply(*code).map(|d| d.title),
            Key::Status(Some(code)) => catalog::enhanced(*code).map(|m| m.def.title),
            _ => None,
        }
    }
}

impl fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Reply(Some(code)) => write!(f, "{code}"),
            Key::Status(Some(code)) => write!(f, "{code}"),
            Key::Reply(None) | Key::Status(None) => f.write_str("(no code)"),
            Key::Disposition(d) => f.write_str(d.as_str()),
            Key::Reason(r) => f.write_str(r.as_str()),
            Key::Domain("") => f.write_str("(no domain)"),
            Key::Domain(domain) => f.write_str(domain),
            Key::Month(Some((year, month))) => write!(f, "{year}-{month:02}"),
            Key::Month(None) => f.write_str("(no date)"),
        }
    }
}

/// A `fmt::Write` that checks formatted output against an expected string piece by piece.
struct Compare<'a> {
    rest: &'a str,
    equal: bool,
}

impl fmt::Write for Compare<'_> {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        match self.rest.strip_prefix(piece) {
            Some(rest) if self.equal => self.rest = rest,
            _ => self.equal = false,
        }
        Ok(())
    }
}

/// One row of a frequency table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    /// The value as shown.
    pub value: String,
    /// How many contacts have it.
    pub count: usize,
    /// `count / total`, 0–1.
    pub share: f64,
    /// The catalog's short meaning, for code groupings.
    pub meaning: Option<&'static str>,
}

/// A frequency table over a set of contacts.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// What was grouped by.
    pub by: GroupBy,
    /// How many contacts were counted.
    pub total: usize,
    /// The bins, most frequent first (ties by value, so output is stable).
    pub bins: Vec<Bin>,
}

impl Breakdown {
    /// The largest bin's count (at least 1), which bars are scaled to.
    pub fn largest(&self) -> usize {
        self.bins.iter().map(|b| b.count).max().unwrap_or(1).max(1)
    }
}

impl GroupBy {
    /// Code groupings, whose rows carry the catalog's meaning.
    pub fn is_code(self) -> bool {
        matches!(self, GroupBy::Code | GroupBy::Enhanced)
    }
}

/// Groups `contacts` by `by`. Months are listed in calendar order, as a timeline reads; all
/// other groupings by count.
pub fn breakdown<'a>(contacts: impl IntoIterator<Item = ContactRef<'a>>, by: GroupBy) -> Breakdown {
    let mut counts: HashMap<Key<'a>, usize> = HashMap::new();
    let mut total = 0;
    for contact in contacts {
        *counts.entry(Key::of(&contact, by)).or_default() += 1;
        total += 1;
    }
    let mut keyed: Vec<(Key<'a>, usize)> = counts.into_iter().collect();
    if by == GroupBy::Month {
        keyed.sort_by_key(|(key, _)| *key);
    } else {
        keyed.sort_by(|(ka, ca), (kb, cb)| cb.cmp(ca).then(ka.cmp(kb)));
    }
    let bins = keyed
        .into_iter()
        .map(|(key, count)| Bin {
            value: key.to_string(),
            count,
            share: count as f64 / total.max(1) as f64,
            meaning: key.meaning(),
        })
        .collect();
    Breakdown { by, total, bins }
}

/// Contacts per disposition, in [`Disposition::ALL`] order, zeros included.
pub fn disposition_totals<'a>(
    contacts: impl IntoIterator<Item = ContactRef<'a>>,
) -> [(Disposition, usize); 6] {
    let mut totals = Disposition::ALL.map(|d| (d, 0));
    for contact in contacts {
        let slot = Disposition::ALL
            .iter()
            .position(|d| *d == contact.disposition())
            .expect("ALL lists every disposition");
        totals[slot].1 += 1;
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_compare_with_their_labels() {
        let code = StatusCode::parse("5.1.10").map(|c| Key::Status(Some(c)));
        assert!(code.is_some_and(|k| k.is("5.1.10")));
        assert!(code.is_some_and(|k| !k.is("5.1.1")));
        assert!(code.is_some_and(|k| !k.is("5.1.100")));
        assert!(Key::Month(Some((2026, 3))).is("2026-03"));
        assert!(Key::Domain("").is("(no domain)"));
        assert!(Key::Disposition(Disposition::OptOut).is("opt-out"));
    }
}
