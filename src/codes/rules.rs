//! The words that classify a bounce: phrases servers write in their replies and the values
//! platforms put in their "type" columns. Kept as data in one place so that a new provider's
//! wording is a one-line change, and compiled once into a single Aho-Corasick automaton so a
//! reason text is scanned once whatever the number of phrases.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Disposition, Reason};

/// How much a phrase is trusted against the codes in the same reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Wins over the codes: servers reuse generic codes (`550 5.1.1 … too many recipients this
    /// hour`) but their words say what really happened.
    Decisive,
    /// Used only when no code is known: generic wording like "address rejected".
    Hint,
}

/// One group of phrases that mean the same thing.
#[derive(Debug)]
pub struct TextRule {
    /// Lower-case phrases; any one of them matches (case-insensitively, anywhere in the text).
    pub phrases: &'static [&'static str],
    /// What a match says about the address.
    pub disposition: Disposition,
    /// The finer category.
    pub reason: Reason,
    /// Whether the phrase beats the codes.
    pub strength: Strength,
    /// Completes "classified so because the text …", for the detail view.
    pub because: &'static str,
}

use Disposition as D;
use Reason as R;
use Strength::{Decisive, Hint};

/// Phrase rules in priority order: when several match, the earliest rule wins. Rate limits come
/// before authentication (Gmail's rate-limit text names the DKIM domain), blocklist names before
/// spam words (`spamhaus` contains `spam`; Yahoo's "user complaints" deferral is a block), a
/// recipient's complaint before spam words ("marked as spam"), spam words before generic refusals ("this message
/// has been blocked" because it looked like spam), relaying before refusals (`relay access
/// denied` contains `access denied`), temporary network trouble before the permanent domain
/// failure, domain failures before user failures (`domain does not exist` contains `does not
/// exist`), and server faults before the generic "try again later".
pub static TEXT_RULES: &[TextRule] = &[
    TextRule {
        phrases: &[
            "recipient address rejected: access denied",
            "recipientnotfound",
            "nosuchuser",
        ],
        disposition: D::Hard,
        reason: R::UserUnknown,
        strength: Decisive,
        because: "says the recipient is not known there",
    },
    TextRule {
        phrases: &[
            "too many",
            "rate limit",
            "rate-limit",
            "ratelimit",
            "throttl",
            "exceeded the rate",
            "sending limit",
            "sending quota",
            "daily quota",
            "sent too much",
            "message rate",
            "connection rate",
            "mail flood",
            "unusual rate",
        ],
        disposition: D::Block,
        reason: R::RateLimited,
        strength: Decisive,
        because: "says too much mail arrived too fast from the sender",
    },
    TextRule {
        phrases: &[
            "dmarc",
            "spf",
            "dkim",
            "domainkeys",
            "sender policy framework",
            "authentication checks",
            "not pass authentication",
            "unauthenticated",
            "sender authentication",
            "arc validation",
            "reverse dns",
            "rdns",
            "ptr record",
            "authentication level",
            "authentication requirements",
        ],
        disposition: D::Block,
        reason: R::AuthFailure,
        strength: Decisive,
        because: "reports a failed sender authentication (SPF, DKIM, DMARC or reverse DNS)",
    },
    TextRule {
        phrases: &[
            "spamhaus",
            "spamcop",
            "barracuda",
            "sorbs",
            "blocklist",
            "blacklist",
            "block list",
            "black list",
            "dnsbl",
            "rbl",
            "banned sending ip",
            "reputation",
            "listed at",
            "listed on",
            "listed in",
            "user complaints",
            "unexpected volume",
            "permanently deferred",
            "[ts01]",
            "[ts02]",
            "[ts03]",
            "[tss04]",
            "[tss09]",
            "[gl01]",
            "client host blocked",
        ],
        disposition: D::Block,
        reason: R::Blocked,
        strength: Decisive,
        because: "names a blocklist or the sender's poor reputation",
    },
    TextRule {
        phrases: &[
            "spam complaint",
            "complaint",
            "complained",
            "abuse report",
            "feedback loop",
            "marked as spam",
            "reported as spam",
        ],
        disposition: D::Complaint,
        reason: R::Complaint,
        strength: Decisive,
        because: "says the person reported the mail as spam",
    },
    TextRule {
        phrases: &[
            "spam",
            "virus",
            "malware",
            "phishing",
            "content rejected",
            "contentrejected",
            "message content",
            "suspicious",
            "bulk mail",
            "junk",
            "unsolicited",
            "infected",
            "attachment",
            "content filter",
        ],
        disposition: D::Block,
        reason: R::SpamContent,
        strength: Decisive,
        because: "says the content looked like spam or carried something dangerous",
    },
    TextRule {
        phrases: &[
            "relay access denied",
            "relaying denied",
            "relay denied",
            "relay not permitted",
            "unable to relay",
            "relaying not allowed",
            "not permitted to relay",
            "we do not relay",
            "relaying disallowed",
            "relay prohibited",
            "rcpthosts",
        ],
        disposition: D::Block,
        reason: R::RelayDenied,
        strength: Decisive,
        because: "says the receiving server will not relay mail for this address",
    },
    TextRule {
        phrases: &[
            "blocked",
            "policy",
            "prohibited",
            "administrative prohibition",
            "sender rejected",
            "sender denied",
            "sender address rejected",
            "not authorized",
            "not authorised",
            "access denied",
            "aup#",
            "client host rejected",
            "refused to accept",
        ],
        disposition: D::Block,
        reason: R::Blocked,
        strength: Decisive,
        because: "says the receiver refused the sender by policy",
    },
    TextRule {
        phrases: &[
            "mailbox full",
            "mailbox is full",
            "mailboxfull",
            "inbox is full",
            "inbox full",
            "box full",
            "full mailbox",
            "over quota",
            "overquota",
            "quota exceeded",
            "exceeded quota",
            "exceeded their quota",
            "exceeds quota",
            "quota",
            "storage allocation",
            "exceeded storage",
            "out of storage",
            "not enough storage",
            "mailbox size",
            "postfach voll",
            "boîte pleine",
        ],
        disposition: D::Soft,
        reason: R::MailboxFull,
        strength: Decisive,
        because: "says the recipient's mailbox is full",
    },
    TextRule {
        phrases: &[
            "too large",
            "too big",
            "message size",
            "size limit",
            "exceeds size",
            "message length exceeds",
            "maximum message size",
            "maximum size",
            "messagetoolarge",
        ],
        disposition: D::Soft,
        reason: R::MessageTooLarge,
        strength: Decisive,
        because: "says the message was bigger than the receiver accepts",
    },
    TextRule {
        phrases: &[
            "host not found, try again",
            "temporary failure in name resolution",
            "temporary dns",
            "dns temporary",
            "dns lookup timed out",
            "could be reached",
            "could not be reached",
            "delivery temporarily suspended",
            "temporarily suspended",
        ],
        disposition: D::Soft,
        reason: R::Network,
        strength: Decisive,
        because: "reports a temporary DNS failure",
    },
    TextRule {
        phrases: &[
            "domain not found",
            "host or domain name not found",
            "no such domain",
            "domain does not exist",
            "domain doesn't exist",
            "domain name does not exist",
            "domain name not found",
            "null mx",
            "nullmx",
            "nxdomain",
            "unrouteable address",
            "no mx",
            "no mail exchanger",
            "no valid mx",
            "unknown domain",
            "domain unknown",
            "non-existent domain",
            "nonexistent domain",
            "invalid domain",
            "bad destination system",
            "domain is not configured",
            "non-existent host",
            "mentioned in email address is unknown",
        ],
        disposition: D::Hard,
        reason: R::DomainNotFound,
        strength: Decisive,
        because: "says the recipient's domain has no mail server",
    },
    TextRule {
        phrases: &[
            "has moved",
            "moved to",
            "no longer with",
            "no longer employed",
            "no longer works",
            "left the company",
            "left the organization",
            "user not local",
            "not local",
            "no forwarding",
            "is no longer at",
        ],
        disposition: D::Hard,
        reason: R::Moved,
        strength: Decisive,
        because: "says the person has moved on",
    },
    TextRule {
        phrases: &[
            "disabled",
            "inactive",
            "suspended",
            "deactivated",
            "account closed",
            "account has been closed",
            "mailbox closed",
            "account is locked",
            "account expired",
            "not active",
            "dormant",
            "terminated",
            "frozen",
        ],
        disposition: D::Hard,
        reason: R::MailboxDisabled,
        strength: Decisive,
        because: "says the mailbox exists but is switched off",
    },
    TextRule {
        phrases: &[
            "fully-qualified address",
            "bad address syntax",
            "address syntax",
            "invalid address format",
            "malformed address",
        ],
        disposition: D::Hard,
        reason: R::Syntax,
        strength: Decisive,
        because: "says the recipient address is malformed",
    },
    TextRule {
        phrases: &[
            "user unknown",
            "unknown user",
            "does not exist",
            "doesn't exist",
            "no such user",
            "no such mailbox",
            "no such recipient",
            "no such person",
            "no such address",
            "unknown recipient",
            "recipient unknown",
            "recipient not found",
            "invalid recipient",
            "invalid mailbox",
            "mailbox not found",
            "not a valid mailbox",
            "user not found",
            "unknown address",
            "address unknown",
            "bad destination mailbox",
            "no mailbox",
            "not a known user",
            "unknown or illegal alias",
            "no longer valid",
            "no longer available",
            "not listed in",
            "noemail",
            "doesn't have a",
            "couldn't be found",
            "could not be found",
            "history of bouncing",
        ],
        disposition: D::Hard,
        reason: R::UserUnknown,
        strength: Decisive,
        because: "says there is no such mailbox",
    },
    TextRule {
        phrases: &[
            "expired",
            "retry timeout",
            "retry time",
            "not delivered within",
            "could not be delivered for",
            "delivery time",
            "giving up",
            "gave up",
            "too long",
        ],
        disposition: D::Soft,
        reason: R::Expired,
        strength: Decisive,
        because: "says delivery was retried until it timed out",
    },
    TextRule {
        phrases: &[
            "timed out",
            "timeout",
            "time out",
            "connection refused",
            "connection reset",
            "no route",
            "unreachable",
            "network",
            "lost connection",
            "connection lost",
            "could not connect",
            "unable to connect",
            "no answer",
            "tls",
            "starttls",
            "handshake",
        ],
        disposition: D::Soft,
        reason: R::Network,
        strength: Decisive,
        because: "reports a connection or network problem between the servers",
    },
    TextRule {
        phrases: &[
            "internal error",
            "server error",
            "local error",
            "system error",
            "error in processing",
            "processing error",
            "temporary system problem",
            "system not accepting",
            "resources temporarily",
            "misconfigur",
            "configuration error",
            "temporarily unavailable",
            "server busy",
            "insufficient system storage",
            "system full",
            "service unavailable",
            "service not available",
            "local problem",
            "temporary problem",
        ],
        disposition: D::Soft,
        reason: R::SystemError,
        strength: Decisive,
        because: "reports a fault on the receiving system",
    },
    TextRule {
        phrases: &[
            "greylist",
            "graylist",
            "grey list",
            "gray list",
            "try again later",
            "please try again",
            "try later",
            "temporarily deferred",
            "deferred",
            "temporarily rejected",
        ],
        disposition: D::Soft,
        reason: R::Other,
        strength: Decisive,
        because: "asks the sender to try again later (greylisting or a temporary refusal)",
    },
    TextRule {
        phrases: &[
            "syntax",
            "malformed",
            "mailbox name not allowed",
            "invalid address",
            "not a valid address",
            "illegal address",
            "invalid character",
            "badly formatted",
        ],
        disposition: D::Hard,
        reason: R::Syntax,
        strength: Hint,
        because: "says the address is malformed",
    },
    TextRule {
        phrases: &[
            "unsubscribe",
            "opted out",
            "opt-out",
            "opt out",
            "optout",
            "no longer want",
            "do not want",
            "don't want",
            "never signed up",
            "not interested",
        ],
        disposition: D::OptOut,
        reason: R::OptedOut,
        strength: Hint,
        because: "says the person asked not to be mailed",
    },
    TextRule {
        phrases: &[
            "mailbox unavailable",
            "mailbox is unavailable",
            "recipient rejected",
            "address rejected",
            "invalid email",
        ],
        disposition: D::Hard,
        reason: R::UserUnknown,
        strength: Hint,
        because: "rejects the recipient address without saying why",
    },
];

struct Automaton {
    matcher: AhoCorasick,
    rule_of_pattern: Vec<usize>,
}

static AUTOMATON: LazyLock<Automaton> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut rule_of_pattern = Vec::new();
    for (index, rule) in TEXT_RULES.iter().enumerate() {
        for phrase in rule.phrases {
            patterns.push(*phrase);
            rule_of_pattern.push(index);
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("the phrase table is small and plain, so the automaton always builds");
    Automaton {
        matcher,
        rule_of_pattern,
    }
});

/// The highest-priority rule of each strength that matches `text`, in one scan.
pub fn matching_rules(text: &str) -> (Option<&'static TextRule>, Option<&'static TextRule>) {
    let automaton = &*AUTOMATON;
    let mut best: Option<usize> = None;
    let mut best_hint: Option<usize> = None;
    for found in automaton.matcher.find_overlapping_iter(text) {
        if found.len() <= SHORT_PHRASE && !at_word_boundaries(text, found.start(), found.end()) {
            continue;
        }
        let rule = automaton.rule_of_pattern[found.pattern().as_usize()];
        let slot = match TEXT_RULES[rule].strength {
            Decisive => &mut best,
            Hint => &mut best_hint,
        };
        if slot.is_none_or(|current| rule < current) {
            *slot = Some(rule);
        }
    }
    (
        best.map(|i| &TEXT_RULES[i]),
        best_hint.map(|i| &TEXT_RULES[i]),
    )
}

/// Phrases this short (`spf`, `rbl`, `tls`, `spam`) only count as whole words, or they would
/// match inside unrelated words and ids.
const SHORT_PHRASE: usize = 4;

fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let outside = |i: Option<&u8>| i.is_none_or(|b| !b.is_ascii_alphanumeric());
    outside(start.checked_sub(1).and_then(|i| bytes.get(i))) && outside(bytes.get(end))
}

/// What a platform's "type" column value says, when it is recognisable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeHint {
    /// `None` for values like `Bounce` that say *that* it bounced but not how.
    pub disposition: Option<Disposition>,
    /// Set when the value names a cause (`MailboxFull`, `DMARCPolicy`).
    pub reason: Option<Reason>,
    /// A plain "bounce": on a suppression list that means a permanent failure (Amazon SES adds
    /// only hard bounces to its list, Mailgun's bounce list holds hard bounces), so it is read
    /// as hard when the row says nothing else.
    pub bounced: bool,
}

/// Normalised type values (lower case, letters and digits only) as platforms write them:
/// Act!, SendGrid, Mailgun, Mailchimp, Amazon SES, Postmark, Brevo.
static TYPE_WORDS: &[(&str, Option<Disposition>, Option<Reason>)] = &[
    ("hardbounce", Some(D::Hard), None),
    ("hardbounced", Some(D::Hard), None),
    ("hard", Some(D::Hard), None),
    ("permanent", Some(D::Hard), None),
    ("adminbounce", Some(D::Hard), None),
    ("invalid", Some(D::Hard), Some(R::Syntax)),
    ("invalidemail", Some(D::Hard), Some(R::Syntax)),
    ("invalidemails", Some(D::Hard), Some(R::Syntax)),
    ("bademailaddress", Some(D::Hard), Some(R::Syntax)),
    ("cleaned", Some(D::Hard), None),
    ("noemail", Some(D::Hard), Some(R::UserUnknown)),
    ("softbounce", Some(D::Soft), None),
    ("softbounced", Some(D::Soft), None),
    ("soft", Some(D::Soft), None),
    ("transient", Some(D::Soft), None),
    ("temporary", Some(D::Soft), None),
    ("deferred", Some(D::Soft), None),
    ("mailboxfull", Some(D::Soft), Some(R::MailboxFull)),
    ("messagetoolarge", Some(D::Soft), Some(R::MessageTooLarge)),
    ("autoresponder", Some(D::Soft), Some(R::Other)),
    ("blocked", Some(D::Block), Some(R::Blocked)),
    ("block", Some(D::Block), Some(R::Blocked)),
    ("blocks", Some(D::Block), Some(R::Blocked)),
    ("contentrejected", Some(D::Block), Some(R::SpamContent)),
    ("dmarcpolicy", Some(D::Block), Some(R::AuthFailure)),
    ("unsubscribed", Some(D::OptOut), Some(R::OptedOut)),
    ("unsubscribe", Some(D::OptOut), Some(R::OptedOut)),
    ("unsubscribes", Some(D::OptOut), Some(R::OptedOut)),
    ("globalunsubscribe", Some(D::OptOut), Some(R::OptedOut)),
    ("groupunsubscribe", Some(D::OptOut), Some(R::OptedOut)),
    ("unsubscribedviaemail", Some(D::OptOut), Some(R::OptedOut)),
    ("unsubscribedvialink", Some(D::OptOut), Some(R::OptedOut)),
    ("unsubscribedviaapi", Some(D::OptOut), Some(R::OptedOut)),
    ("optout", Some(D::OptOut), Some(R::OptedOut)),
    ("optedout", Some(D::OptOut), Some(R::OptedOut)),
    ("complaint", Some(D::Complaint), Some(R::Complaint)),
    ("complaints", Some(D::Complaint), Some(R::Complaint)),
    ("spamcomplaint", Some(D::Complaint), Some(R::Complaint)),
    ("spamreport", Some(D::Complaint), Some(R::Complaint)),
    ("spamreports", Some(D::Complaint), Some(R::Complaint)),
    (
        "contactflaggedasspam",
        Some(D::Complaint),
        Some(R::Complaint),
    ),
    ("abuse", Some(D::Complaint), Some(R::Complaint)),
    ("markedasspam", Some(D::Complaint), Some(R::Complaint)),
    ("bounce", None, None),
    ("bounced", None, None),
    ("bounces", None, None),
    ("undetermined", None, None),
    ("suppressed", None, None),
];

/// Type words that say only that the address bounced.
const GENERIC_BOUNCES: [&str; 3] = ["bounce", "bounced", "bounces"];

/// Reads a type-column value such as `Hard Bounce`, `hardBounce`, `COMPLAINT` or
/// `Unsubscribed`; `None` when the value is not a type word at all (it is then free text).
pub fn type_hint(value: &str) -> Option<TypeHint> {
    let key: String = value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    TYPE_WORDS
        .iter()
        .find(|(word, _, _)| *word == key)
        .map(|&(word, disposition, reason)| TypeHint {
            disposition,
            reason,
            bounced: GENERIC_BOUNCES.contains(&word),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_is_lower_case_and_used_once() {
        let mut seen = std::collections::HashSet::new();
        for phrase in TEXT_RULES.iter().flat_map(|r| r.phrases.iter()) {
            assert_eq!(*phrase, phrase.to_lowercase(), "{phrase}");
            assert!(seen.insert(*phrase), "{phrase} appears twice");
        }
    }

    #[test]
    fn earlier_rules_win() {
        let (rule, _) = matching_rules("Blocked - see https://www.spamhaus.org/query/ip/192.0.2.1");
        assert_eq!(rule.map(|r| r.reason), Some(Reason::Blocked));
        let (rule, _) = matching_rules("Host or domain name not found. Name service error");
        assert_eq!(rule.map(|r| r.reason), Some(Reason::DomainNotFound));
    }

    #[test]
    fn type_words_ignore_case_and_punctuation() {
        let hard = type_hint("Hard Bounce").and_then(|h| h.disposition);
        assert_eq!(hard, Some(Disposition::Hard));
        let brevo = type_hint("hardBounce").and_then(|h| h.disposition);
        assert_eq!(brevo, Some(Disposition::Hard));
        let ses = type_hint("COMPLAINT").and_then(|h| h.disposition);
        assert_eq!(ses, Some(Disposition::Complaint));
        assert_eq!(type_hint("550 5.1.1 user unknown"), None);
    }
}
