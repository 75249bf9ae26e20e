//! What to do about each suppressed contact. A bounce is only worth reading for the decision it
//! leads to: fix the address, wait, fix the sending, find the person's new address, drop the
//! address, or leave it suppressed. Derived from the verdict, the reason and the typo check,
//! so it needs nothing beyond what loading already worked out.

use serde::Serialize;

use crate::codes::{Disposition, Reason};
use crate::model::{AddressState, Contact, ContactRef, Dataset};
use crate::typo::Suggestion;

/// The recommended next step for a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Advice {
    /// The address is mistyped and a confident correction exists: mail the corrected one.
    FixTypo,
    /// A temporary failure (full mailbox, greylisting, timeouts): the address works.
    RetryLater,
    /// Refused because of the sender (reputation, SPF/DKIM/DMARC, content): the address is
    /// probably fine, the sending is what needs fixing.
    CheckSending,
    /// The person left (unknown user or moved, at an organisation's domain): ask them or
    /// their colleagues for the new address.
    FindNewAddress,
    /// Nothing to reach: the domain is gone, the account closed at a mailbox provider, or the
    /// address is malformed past correcting.
    Remove,
    /// Unsubscribed, complained, or nothing says why: never mail again without new consent.
    KeepSuppressed,
}

impl Advice {
    /// Every step, in the order a list is worked through: the recoverable first.
    pub const ALL: [Advice; 6] = [
        Advice::FixTypo,
        Advice::RetryLater,
        Advice::CheckSending,
        Advice::FindNewAddress,
        Advice::Remove,
        Advice::KeepSuppressed,
    ];

    /// The name used in output and with `--action`.
    pub fn as_str(self) -> &'static str {
        match self {
            Advice::FixTypo => "fix-typo",
            Advice::RetryLater => "retry-later",
            Advice::CheckSending => "check-sending",
            Advice::FindNewAddress => "find-new-address",
            Advice::Remove => "remove",
            Advice::KeepSuppressed => "keep-suppressed",
        }
    }

    /// Parses the name used with `--action`.
    pub fn from_name(name: &str) -> Option<Advice> {
        Advice::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// Its position in [`Advice::ALL`], for counting in dense tables.
    pub(crate) fn slot(self) -> usize {
        Advice::ALL
            .iter()
            .position(|a| *a == self)
            .unwrap_or_default()
    }
}

impl std::fmt::Display for Advice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The facts the advice depends on, read from a contact without touching its text.
#[derive(Debug, Clone, Copy)]
struct Facts {
    disposition: Disposition,
    reason: Reason,
    address: AddressState,
    at_provider: bool,
}

impl Facts {
    fn of(contact: &ContactRef<'_>) -> Facts {
        Facts {
            disposition: contact.disposition(),
            reason: contact.reason(),
            address: contact.address_state(),
            at_provider: contact.at_mailbox_provider(),
        }
    }
}

/// The step for a contact; cheap enough to run over a million contacts when regrouping.
pub fn advise(contact: &ContactRef<'_>) -> Advice {
    decide(Facts::of(contact))
}

/// The step for a stored contact, for the breakdown's dense counting.
pub(crate) fn advise_stored(dataset: &Dataset, contact: &Contact) -> Advice {
    let domain = contact.domain as usize;
    decide(Facts {
        disposition: contact.class.disposition(),
        reason: contact.class.reason(),
        address: AddressState::from_flags(contact.flags),
        at_provider: dataset.providers.get(domain).copied().unwrap_or(false),
    })
}

fn decide(facts: Facts) -> Advice {
    let Facts {
        disposition,
        reason,
        address,
        at_provider,
    } = facts;
    match disposition {
        Disposition::OptOut | Disposition::Complaint => return Advice::KeepSuppressed,
        Disposition::Hard | Disposition::Unknown if address == AddressState::Fixable => {
            return Advice::FixTypo;
        }
        Disposition::Unknown => return Advice::KeepSuppressed,
        _ => {}
    }
    match reason {
        Reason::Blocked | Reason::SpamContent | Reason::AuthFailure | Reason::MessageTooLarge => {
            return Advice::CheckSending;
        }
        Reason::OptedOut | Reason::Complaint => return Advice::KeepSuppressed,
        _ => {}
    }
    match disposition {
        Disposition::Soft => Advice::RetryLater,
        Disposition::Block => Advice::CheckSending,
        _ if address == AddressState::Invalid => Advice::Remove,
        _ => match reason {
            Reason::UserUnknown | Reason::MailboxDisabled | Reason::Moved if !at_provider => {
                Advice::FindNewAddress
            }
            _ => Advice::Remove,
        },
    }
}

/// A step with its one-line why, and the corrected address for [`Advice::FixTypo`].
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// The step.
    pub advice: Advice,
    /// Why, in a sentence a marketer can act on.
    pub why: String,
    /// The proposed address, for a typo.
    pub suggestion: Option<Suggestion>,
}

/// The step for a contact with its reasons, for the detail view, `list` and exports.
pub fn recommend(contact: &ContactRef<'_>) -> Recommendation {
    let facts = Facts::of(contact);
    let advice = decide(facts);
    let suggestion = (advice == Advice::FixTypo)
        .then(|| contact.suggestion())
        .flatten();
    let why = match (&suggestion, advice) {
        (Some(s), _) => format!(
            "{} ({} confidence); mail {} instead",
            s.why,
            s.confidence.as_str(),
            s.address
        ),
        (None, Advice::Remove) if facts.address == AddressState::Invalid => format!(
            "not a valid address ({}) and no confident correction",
            contact.invalid_because().unwrap_or("malformed")
        ),
        _ => explain(advice, facts).to_string(),
    };
    Recommendation {
        advice,
        why,
        suggestion,
    }
}

/// The why for steps that need no text from the contact.
fn explain(advice: Advice, facts: Facts) -> &'static str {
    match (advice, facts.reason, facts.disposition) {
        (Advice::KeepSuppressed, _, Disposition::OptOut) | (_, Reason::OptedOut, _) => {
            "they unsubscribed: never mail again without new consent"
        }
        (Advice::KeepSuppressed, _, Disposition::Complaint) | (_, Reason::Complaint, _) => {
            "they reported spam: mailing again risks your reputation"
        }
        (Advice::KeepSuppressed, ..) => {
            "nothing in the export says why it was suppressed: look it up before mailing"
        }
        (Advice::RetryLater, Reason::MailboxFull, _) => {
            "the mailbox is full: retry in a few days, drop it if it stays full for weeks"
        }
        (Advice::RetryLater, Reason::RateLimited, _) => {
            "the receiver asked to slow down (greylisting or rate limits): the address works"
        }
        (Advice::RetryLater, ..) => {
            "a temporary failure: the address is fine, the next send usually gets through"
        }
        (Advice::CheckSending, Reason::AuthFailure, _) => {
            "SPF, DKIM or DMARC failed: fix authentication, then retry; the address is fine"
        }
        (Advice::CheckSending, Reason::SpamContent, _) => {
            "the content looked like spam: fix the message, then retry; the address is fine"
        }
        (Advice::CheckSending, Reason::MessageTooLarge, _) => {
            "the message was too big: send a smaller one; the address is fine"
        }
        (Advice::CheckSending, ..) => {
            "refused because of the sender's reputation or policy: the address is probably fine"
        }
        (Advice::FindNewAddress, Reason::Moved, _) => {
            "the person moved on: ask them or their organisation for the new address"
        }
        (Advice::FindNewAddress, ..) => {
            "the organisation no longer knows this mailbox: the person probably left; find their new address"
        }
        (Advice::Remove, Reason::DomainNotFound, _) => {
            "the domain has no mail server: nobody can receive mail there"
        }
        (Advice::Remove, Reason::UserUnknown | Reason::MailboxDisabled, _) => {
            "the account is closed at a mailbox provider: there is nobody to ask"
        }
        (Advice::Remove, ..) => "a permanent failure: mailing it again only hurts your reputation",
        (Advice::FixTypo, ..) => "the address looks mistyped",
    }
}

/// A domain whose contacts all fail the same way, said once for the domain instead of on
/// every contact: a company that closed, a domain that expired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainNote {
    /// The domain.
    pub domain: String,
    /// Contacts at the domain.
    pub contacts: usize,
    /// Of those, how many failed in the way `why` describes.
    pub failed: usize,
    /// What the contacts say, as one sentence.
    pub why: String,
}

/// At least this many contacts before a domain gets a note of its own.
const DOMAIN_NOTE_MIN: usize = 3;

/// Domains where (almost) every contact bounced hard because the domain has no mail server,
/// or because no mailbox there exists any more, biggest first. Mailbox providers are left out:
/// many unknown users at Gmail say nothing about Gmail.
pub fn domain_notes(dataset: &Dataset) -> Vec<DomainNote> {
    let mut counts = vec![[0usize; 3]; dataset.domains.len()];
    for contact in &dataset.contacts {
        let Some(count) = counts.get_mut(contact.domain as usize) else {
            continue;
        };
        count[0] += 1;
        let hard = contact.class.disposition() == Disposition::Hard;
        match contact.class.reason() {
            Reason::DomainNotFound if hard => count[1] += 1,
            Reason::UserUnknown | Reason::MailboxDisabled | Reason::Moved if hard => count[2] += 1,
            _ => {}
        }
    }
    let mut notes: Vec<DomainNote> = counts
        .iter()
        .enumerate()
        .filter(|(domain, _)| !dataset.providers.get(*domain).copied().unwrap_or(true))
        .filter_map(|(domain, &[contacts, gone, unknown])| {
            let note = |failed: usize, why: String| DomainNote {
                domain: dataset.domains[domain].to_string(),
                contacts,
                failed,
                why,
            };
            if contacts < DOMAIN_NOTE_MIN || dataset.domains[domain].is_empty() {
                None
            } else if gone * 10 >= contacts * 9 {
                Some(note(
                    gone,
                    format!("{gone} of {contacts} contacts: the domain has no mail server any more; remove them all"),
                ))
            } else if unknown * 10 >= contacts * 9 {
                Some(note(
                    unknown,
                    format!("{unknown} of {contacts} contacts: no mailbox there exists; the organisation may have closed or renamed, check the domain before hunting addresses one by one"),
                ))
            } else {
                None
            }
        })
        .collect();
    notes.sort_by(|a, b| b.failed.cmp(&a.failed).then(a.domain.cmp(&b.domain)));
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(disposition: Disposition, reason: Reason) -> Facts {
        Facts {
            disposition,
            reason,
            address: AddressState::Valid,
            at_provider: false,
        }
    }

    #[test]
    fn consent_wins_over_everything() {
        for disposition in [Disposition::OptOut, Disposition::Complaint] {
            let mut typo = facts(disposition, Reason::UserUnknown);
            typo.address = AddressState::Fixable;
            assert_eq!(decide(typo), Advice::KeepSuppressed);
        }
    }

    #[test]
    fn a_typo_is_fixed_after_a_hard_bounce_or_when_nothing_says_why() {
        let mut hard = facts(Disposition::Hard, Reason::DomainNotFound);
        hard.address = AddressState::Fixable;
        assert_eq!(decide(hard), Advice::FixTypo);
        let mut silent = facts(Disposition::Unknown, Reason::Other);
        assert_eq!(decide(silent), Advice::KeepSuppressed);
        silent.address = AddressState::Fixable;
        assert_eq!(decide(silent), Advice::FixTypo);
        let mut soft = facts(Disposition::Soft, Reason::MailboxFull);
        soft.address = AddressState::Fixable;
        assert_eq!(decide(soft), Advice::RetryLater);
    }

    #[test]
    fn unknown_users_depend_on_the_domain() {
        let mut user = facts(Disposition::Hard, Reason::UserUnknown);
        assert_eq!(decide(user), Advice::FindNewAddress);
        user.at_provider = true;
        assert_eq!(decide(user), Advice::Remove);
    }

    #[test]
    fn sender_problems_spare_the_address() {
        for reason in [Reason::Blocked, Reason::AuthFailure, Reason::SpamContent] {
            assert_eq!(
                decide(facts(Disposition::Hard, reason)),
                Advice::CheckSending
            );
            assert_eq!(
                decide(facts(Disposition::Block, reason)),
                Advice::CheckSending
            );
        }
        assert_eq!(
            decide(facts(Disposition::Soft, Reason::MailboxFull)),
            Advice::RetryLater
        );
        assert_eq!(
            decide(facts(Disposition::Hard, Reason::DomainNotFound)),
            Advice::Remove
        );
    }

    #[test]
    fn names_round_trip() {
        for advice in Advice::ALL {
            assert_eq!(Advice::from_name(advice.as_str()), Some(advice));
            assert_eq!(Advice::ALL[advice.slot()], advice);
        }
    }
}
