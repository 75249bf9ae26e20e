//! Breakdowns: how many contacts fall in each value of a chosen grouping. Computed over any
//! subset of contacts (a filter, a search result) so the dashboard can regroup what is shown.

use std::fmt;

use chrono::Datelike;
use serde::Serialize;

use crate::advice::{Advice, advise_stored};
use crate::codes::{Disposition, Reason, ReplyCode, StatusCode, catalog};
use crate::model::{
    Contact, ContactRef, Dataset, pack_reply, pack_status, unpack_date, unpack_reply, unpack_status,
};

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
    /// The recommended next step.
    Action,
}

impl GroupBy {
    /// Every grouping, in the order the dashboard cycles through them.
    pub const ALL: [GroupBy; 7] = [
        GroupBy::Disposition,
        GroupBy::Action,
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
            GroupBy::Action => "action",
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
    /// A next step.
    Action(Advice),
}

impl Key<'_> {
    /// Whether this key is shown as `label`, compared without building a string: a drill-down
    /// looks for its row's bucket among tens of thousands.
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
            Key::Action(advice) => f.write_str(advice.as_str()),
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

/// Groups the contacts at `indices` by `by`. Months are listed in calendar order, as a
/// timeline reads; all other groupings by count. Counting goes straight to the compact records
/// into a dense table of buckets (no hashing, no text), so regrouping a million contacts
/// takes a few tens of milliseconds.
pub fn breakdown(
    dataset: &Dataset,
    indices: impl IntoIterator<Item = usize>,
    by: GroupBy,
) -> Breakdown {
    let mut counts = vec![0usize; bucket_space(dataset, by)];
    let mut total = 0;
    for index in indices {
        counts[bucket(dataset, &dataset.contacts[index], by)] += 1;
        total += 1;
    }
    let mut keyed: Vec<(Key<'_>, usize)> = counts
        .iter()
        .enumerate()
        .filter(|(_, count)| **count > 0)
        .map(|(bucket, count)| (bucket_key(dataset, bucket, by), *count))
        .collect();
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

/// The contacts (in file order) that fall in every given breakdown row — a drill-down. Each
/// row's label is resolved to its bucket once, so filtering a million contacts compares
/// numbers, not text.
pub fn select(dataset: &Dataset, groups: &[(GroupBy, String)]) -> Vec<u32> {
    let wanted: Vec<(GroupBy, Option<usize>)> = groups
        .iter()
        .map(|(by, label)| {
            let found = (0..bucket_space(dataset, *by))
                .filter(|&b| canonical(b, *by))
                .find(|&b| bucket_key(dataset, b, *by).is(label));
            (*by, found)
        })
        .collect();
    if wanted.iter().any(|(_, bucket)| bucket.is_none()) {
        return Vec::new();
    }
    dataset
        .contacts
        .iter()
        .enumerate()
        .filter(|(_, contact)| {
            wanted
                .iter()
                .all(|&(by, b)| Some(bucket(dataset, contact, by)) == b)
        })
        .map(|(index, _)| index as u32)
        .collect()
}

/// Months from 1970 to 2100 (dates outside are not accepted by the loader), plus "no date".
const MONTH_BUCKETS: usize = 131 * 12 + 1;

fn bucket_space(dataset: &Dataset, by: GroupBy) -> usize {
    match by {
        GroupBy::Disposition => Disposition::ALL.len(),
        GroupBy::Reason => Reason::ALL.len(),
        GroupBy::Code => 1001,
        GroupBy::Enhanced => usize::from(u16::MAX) + 1,
        GroupBy::Domain => dataset.domains.len().max(1),
        GroupBy::Month => MONTH_BUCKETS,
        GroupBy::Action => Advice::ALL.len(),
    }
}

fn bucket(dataset: &Dataset, contact: &Contact, by: GroupBy) -> usize {
    match by {
        GroupBy::Action => advise_stored(dataset, contact).slot(),
        GroupBy::Disposition => contact.class.disposition_slot(),
        GroupBy::Reason => contact.class.reason_slot(),
        GroupBy::Code => usize::from(contact.reply),
        GroupBy::Enhanced => usize::from(contact.status),
        GroupBy::Domain => contact.domain as usize,
        GroupBy::Month => unpack_date(contact.date).map_or(0, |date| {
            let months = (date.year() - 1970) * 12 + date.month0() as i32;
            usize::try_from(months + 1)
                .unwrap_or(0)
                .min(MONTH_BUCKETS - 1)
        }),
    }
}

/// Whether `bucket` is the one contacts with its key are counted in: many packed numbers are
/// not codes at all and read back as "no code", but only one bucket holds the contacts
/// without a code.
fn canonical(bucket: usize, by: GroupBy) -> bool {
    match by {
        GroupBy::Code => usize::from(pack_reply(unpack_reply(bucket as u16))) == bucket,
        GroupBy::Enhanced => usize::from(pack_status(unpack_status(bucket as u16))) == bucket,
        _ => true,
    }
}

fn bucket_key(dataset: &Dataset, bucket: usize, by: GroupBy) -> Key<'_> {
    match by {
        GroupBy::Disposition => Key::Disposition(Disposition::ALL[bucket]),
        GroupBy::Reason => Key::Reason(Reason::ALL[bucket]),
        GroupBy::Code => Key::Reply(unpack_reply(bucket as u16)),
        GroupBy::Enhanced => Key::Status(unpack_status(bucket as u16)),
        GroupBy::Domain => Key::Domain(dataset.domains.get(bucket).map_or("", |d| d)),
        GroupBy::Action => Key::Action(Advice::ALL[bucket]),
        GroupBy::Month => Key::Month(
            bucket
                .checked_sub(1)
                .map(|months| (1970 + (months / 12) as i32, (months % 12) as u32 + 1)),
        ),
    }
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
    fn drilling_into_any_row_selects_exactly_its_count() {
        let dataset = crate::ingest::load(
            &[crate::ingest::Input::sample()],
            &crate::ingest::LoadOptions::default(),
        )
        .expect("the sample loads");
        for by in GroupBy::ALL {
            let table = breakdown(&dataset, 0..dataset.len(), by);
            assert_eq!(table.total, dataset.len());
            for bin in &table.bins {
                let chosen = select(&dataset, &[(by, bin.value.clone())]);
                assert_eq!(chosen.len(), bin.count, "{by:?} {}", bin.value);
            }
        }
    }

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
