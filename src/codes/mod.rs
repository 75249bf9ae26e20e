//! SMTP knowledge: the codes a receiving server sends back, what they mean, and how a contact's
//! bounce is classified. Nothing here knows about files or the terminal, so the same knowledge
//! serves the CLI, the dashboard and the tests.

pub mod catalog;
pub mod classify;
mod data;
pub mod extract;
pub mod rules;

use std::fmt;

use serde::Serialize;

/// A traditional three-digit SMTP reply code (RFC 5321), kept as its digits so that `000` (the
/// article's non-standard "domain does not exist") survives and nothing is ever treated as a
/// number to do arithmetic on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReplyCode([u8; 3]);

impl ReplyCode {
    /// Builds a reply code from its text, accepting only three ASCII digits whose first digit is
    /// a real reply class (2–5) or the article's `000`. The second digit is not checked: RFC
    /// 5321 stops at 5, but real servers send `571`.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes: [u8; 3] = text.as_bytes().try_into().ok()?;
        if !bytes.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Self::parse_digits(bytes)
    }

    /// Builds a reply code from its number (`550`), without going through text: the compact
    /// model stores codes as numbers.
    pub fn from_number(number: u16) -> Option<Self> {
        if number > 999 {
            return None;
        }
        let digit = |n: u16| b'0' + (n % 10) as u8;
        Self::parse_digits([digit(number / 100), digit(number / 10), digit(number)])
    }

    fn parse_digits(bytes: [u8; 3]) -> Option<Self> {
        let valid = matches!(bytes[0], b'2'..=b'5') || &bytes == b"000";
        valid.then_some(Self(bytes))
    }

    /// The first digit, which alone says success (2), intermediate (3), transient (4) or
    /// permanent (5); callers compare it with an enhanced code's class.
    pub fn class(self) -> u8 {
        self.0[0] - b'0'
    }

    /// The code as text, for lookups and output.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for ReplyCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// An enhanced mail system status code (RFC 3463) `class.subject.detail`. Stored as its three
/// parts so that `5.1.10` and `5.1.1` never collide the way they would as a decimal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatusCode {
    /// 2 success, 4 persistent transient failure, 5 permanent failure.
    pub class: u8,
    /// 0–7: addressing, mailbox, mail system, network, protocol, content, security.
    pub subject: u8,
    /// 0–999, meaning defined per subject.
    pub detail: u16,
}

impl StatusCode {
    /// Validates the three parts against RFC 3463 so that no caller can hold an impossible code.
    pub fn new(class: u8, subject: u8, detail: u16) -> Option<Self> {
        let ok = matches!(class, 2 | 4 | 5) && subject <= 7 && detail <= 999;
        ok.then_some(Self {
            class,
            subject,
            detail,
        })
    }

    /// Parses exactly `c.s.d` (no surrounding text); extraction from free text lives in
    /// [`extract`], which has to be far more careful.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('.');
        let class = parse_digits(parts.next()?, 1)?;
        let subject = parse_digits(parts.next()?, 3)?;
        let detail = parse_digits(parts.next()?, 3)?;
        if parts.next().is_some() {
            return None;
        }
        Self::new(
            u8::try_from(class).ok()?,
            u8::try_from(subject).ok()?,
            detail,
        )
    }

    /// The same subject and detail with another class: the catalog describes each code once
    /// and a `4.2.2` is read as the transient form of `5.2.2`.
    pub fn with_class(self, class: u8) -> Self {
        Self { class, ..self }
    }

    /// `X.Y.0`, the subject's catch-all, used when a detail is not in the registry.
    pub fn subject_fallback(self) -> Self {
        Self { detail: 0, ..self }
    }
}

fn parse_digits(text: &str, max_len: usize) -> Option<u16> {
    let ok = !text.is_empty() && text.len() <= max_len && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{}.{}.{}", self.class, self.subject, self.detail))
    }
}

impl Serialize for StatusCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// What a bounce means for the *address*: the first question a list cleaner asks is whether to
/// keep, retry, fix the sending, or drop it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Disposition {
    /// Permanent and address-side: no such user, no such domain, moved away.
    Hard,
    /// Temporary: full inbox, too-large message, greylisting, time-outs. The address is fine.
    Soft,
    /// The receiver refused the *sender* (reputation, policy, authentication, content).
    Block,
    /// The person asked not to be mailed.
    OptOut,
    /// The person reported the mail as spam.
    Complaint,
    /// Nothing in the row says why.
    Unknown,
}

impl Disposition {
    /// Every disposition in display order, so totals and filters list them consistently.
    pub const ALL: [Disposition; 6] = [
        Disposition::Hard,
        Disposition::Soft,
        Disposition::Block,
        Disposition::OptOut,
        Disposition::Complaint,
        Disposition::Unknown,
    ];

    /// The stable name used on the command line, in JSON and in breakdowns.
    pub fn as_str(self) -> &'static str {
        match self {
            Disposition::Hard => "hard",
            Disposition::Soft => "soft",
            Disposition::Block => "block",
            Disposition::OptOut => "opt-out",
            Disposition::Complaint => "complaint",
            Disposition::Unknown => "unknown",
        }
    }

    /// A one-character mark so that meaning never rests on colour alone.
    pub fn symbol(self) -> char {
        match self {
            Disposition::Hard => '✗',
            Disposition::Soft => '~',
            Disposition::Block => '⊘',
            Disposition::OptOut => '−',
            Disposition::Complaint => '!',
            Disposition::Unknown => '?',
        }
    }

    /// Parses the command-line name (as printed by [`Disposition::as_str`]).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == name)
    }
}

impl fmt::Display for Disposition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why, more finely than the disposition: the category a user filters on to decide what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The mailbox does not exist at that domain.
    UserUnknown,
    /// The domain has no mail server (no such domain, null MX).
    DomainNotFound,
    /// Over quota.
    MailboxFull,
    /// The mailbox exists but is switched off or suspended.
    MailboxDisabled,
    /// The message is bigger than the receiver accepts.
    MessageTooLarge,
    /// Refused because of the sender's reputation, a blocklist or local policy.
    Blocked,
    /// Refused because the content looked like spam or carried malware.
    SpamContent,
    /// SPF, DKIM, DMARC or other authentication of the sender failed.
    AuthFailure,
    /// Too many messages or connections; try more slowly.
    RateLimited,
    /// Gave up after retrying for too long.
    Expired,
    /// Connection, DNS or routing trouble between the servers.
    Network,
    /// The address or a command is malformed.
    Syntax,
    /// The receiving system failed or is misconfigured.
    SystemError,
    /// The receiver will not relay for this recipient.
    RelayDenied,
    /// The person has moved on and left no forwarding address.
    Moved,
    /// The person unsubscribed.
    OptedOut,
    /// The person reported spam.
    Complaint,
    /// Something else, or nothing said.
    Other,
}

impl Reason {
    /// Every reason in display order.
    pub const ALL: [Reason; 18] = [
        Reason::UserUnknown,
        Reason::DomainNotFound,
        Reason::MailboxFull,
        Reason::MailboxDisabled,
        Reason::MessageTooLarge,
        Reason::Blocked,
        Reason::SpamContent,
        Reason::AuthFailure,
        Reason::RateLimited,
        Reason::Expired,
        Reason::Network,
        Reason::Syntax,
        Reason::SystemError,
        Reason::RelayDenied,
        Reason::Moved,
        Reason::OptedOut,
        Reason::Complaint,
        Reason::Other,
    ];

    /// The stable name used on the command line, in JSON and in breakdowns.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::UserUnknown => "user-unknown",
            Reason::DomainNotFound => "domain-not-found",
            Reason::MailboxFull => "mailbox-full",
            Reason::MailboxDisabled => "mailbox-disabled",
            Reason::MessageTooLarge => "message-too-large",
            Reason::Blocked => "blocked",
            Reason::SpamContent => "spam-content",
            Reason::AuthFailure => "auth-failure",
            Reason::RateLimited => "rate-limited",
            Reason::Expired => "expired",
            Reason::Network => "network",
            Reason::Syntax => "syntax",
            Reason::SystemError => "system-error",
            Reason::RelayDenied => "relay-denied",
            Reason::Moved => "moved",
            Reason::OptedOut => "opted-out",
            Reason::Complaint => "complaint",
            Reason::Other => "other",
        }
    }

    /// Parses the command-line name (as printed by [`Reason::as_str`]).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_codes_from_numbers_keep_their_digits() {
        assert_eq!(ReplyCode::from_number(0), ReplyCode::parse("000"));
        assert_eq!(
            ReplyCode::from_number(550)
                .map(|c| c.to_string())
                .as_deref(),
            Some("550")
        );
        assert_eq!(ReplyCode::from_number(199), None);
        assert_eq!(ReplyCode::from_number(1000), None);
    }

    #[test]
    fn status_codes_respect_rfc_3463_ranges() {
        assert!(StatusCode::parse("5.7.606").is_some());
        assert!(StatusCode::parse("3.1.1").is_none());
        assert!(StatusCode::parse("5.8.1").is_none());
        assert!(StatusCode::parse("5.1.1000").is_none());
        assert!(StatusCode::parse("5.1").is_none());
    }
}
