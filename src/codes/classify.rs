//! Deciding what a bounce means for the address. The evidence has a fixed order of trust: what
//! the platform recorded in a type column; the server's specific words; a specific enhanced code
//! (`5.1.1`); its generic words; a subject-only code (`5.5.0`); the reply code; a class-only code
//! (`5.0.0`). Servers reuse generic codes for unrelated refusals, so words that name a cause beat
//! codes, and the more a code says, the more it is trusted.

use super::catalog::{self, disposition_in_class};
use super::extract::Codes;
use super::rules::{self, TextRule};
use super::{Disposition, Reason, ReplyCode, StatusCode};

/// Everything a row offers about why it is on the list.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// The value of the type column (`Hard Bounce`, `COMPLAINT`, …), if the file has one.
    pub kind: Option<&'a str>,
    /// The codes found in the code column and the reason text.
    pub codes: &'a Codes,
    /// The reason / diagnostic text as in the file.
    pub text: &'a str,
}

/// Where a conclusion came from, so the dashboard can say *why* a contact was classified so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The file's type column said so.
    TypeColumn,
    /// A phrase in the reason text (the rule says which).
    Text(&'static TextRule),
    /// The enhanced status code's registry entry.
    Status(StatusCode),
    /// The reply code's entry.
    Reply(ReplyCode),
    /// Nothing in the row said anything.
    Nothing,
}

impl PartialEq for TextRule {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for TextRule {}

impl Basis {
    /// A short sentence completing "because …", for the detail view; `kind` is the row's type
    /// value, quoted when the type column decided.
    pub fn explain(&self, kind: &str) -> String {
        match self {
            Basis::TypeColumn => format!("the file's type column says \"{kind}\""),
            Basis::Text(rule) => format!("the server's text {}", rule.because),
            Basis::Status(code) => format!("the status code {code} usually means this"),
            Basis::Reply(code) => format!("the reply code {code} usually means this"),
            Basis::Nothing => "the row gives no reason or code".to_string(),
        }
    }
}

/// The verdict for one contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    /// What it means for the address.
    pub disposition: Disposition,
    /// The finer category.
    pub reason: Reason,
    /// Why the disposition was chosen.
    pub disposition_basis: Basis,
    /// Why the reason was chosen.
    pub reason_basis: Basis,
    /// What the codes and text alone would have said, when the type column overrode them with
    /// something else: platforms often file blocks under "Hard Bounce", and the user should see
    /// the disagreement.
    pub content_says: Option<Disposition>,
}

/// Classifies one row from its evidence.
pub fn classify(evidence: Evidence<'_>) -> Classification {
    let hint = evidence.kind.and_then(rules::type_hint);
    let from_content = classify_content(evidence.codes, evidence.text);
    match hint {
        Some(hint) => apply_type_hint(hint, from_content, transient(evidence.codes)),
        None => from_content,
    }
}

/// Whether the main code is of the transient class (4), even one the catalog does not list.
fn transient(codes: &Codes) -> bool {
    let class = codes
        .status
        .map(|s| s.class)
        .or(codes.reply.map(ReplyCode::class));
    class == Some(4)
}

/// An explicit type wins for the disposition; the content still gives the finer reason unless
/// the type names one itself, or the content's reason contradicts an opt-out or complaint. A
/// bare "bounce" with nothing else recognised is hard, or soft when the code is transient (a
/// transient class never makes an address hard).
fn apply_type_hint(
    hint: rules::TypeHint,
    content: Classification,
    transient: bool,
) -> Classification {
    let silent = content.disposition_basis == Basis::Nothing;
    let bounced = if transient {
        Disposition::Soft
    } else {
        Disposition::Hard
    };
    let Some(disposition) = hint
        .disposition
        .or((hint.bounced && silent).then_some(bounced))
    else {
        return content;
    };
    let decisive_type = matches!(disposition, Disposition::OptOut | Disposition::Complaint);
    let (reason, reason_basis) = match hint.reason {
        Some(reason) if decisive_type || content.reason == Reason::Other => {
            (reason, Basis::TypeColumn)
        }
        _ => (content.reason, content.reason_basis),
    };
    let content_says = (content.disposition != disposition
        && content.disposition_basis != Basis::Nothing)
        .then_some(content.disposition);
    Classification {
        disposition,
        reason,
        disposition_basis: Basis::TypeColumn,
        reason_basis,
        content_says,
    }
}

fn classify_content(codes: &Codes, text: &str) -> Classification {
    let (decisive, hint) = rules::matching_rules(text);
    let class = codes
        .status
        .map(|s| s.class)
        .or(codes.reply.map(ReplyCode::class));
    let verdict = decisive
        .map(from_rule)
        .or_else(|| from_status(codes, Specificity::Detail))
        .or_else(|| hint.map(from_rule))
        .or_else(|| from_status(codes, Specificity::Subject))
        .or_else(|| from_reply(codes))
        .or_else(|| from_status(codes, Specificity::Class))
        .unwrap_or((Disposition::Unknown, Reason::Other, Basis::Nothing));
    let (disposition, reason, basis) = verdict;
    let disposition = match class {
        Some(class) if is_address_failure(disposition) => disposition_in_class(disposition, class),
        _ => disposition,
    };
    Classification {
        disposition,
        reason,
        disposition_basis: basis,
        reason_basis: basis,
        content_says: None,
    }
}

/// Only bounce dispositions depend on the code's class; an opt-out stays an opt-out.
fn is_address_failure(disposition: Disposition) -> bool {
    matches!(
        disposition,
        Disposition::Hard | Disposition::Soft | Disposition::Block
    )
}

fn from_rule(rule: &'static TextRule) -> (Disposition, Reason, Basis) {
    (rule.disposition, rule.reason, Basis::Text(rule))
}

/// How much an enhanced code says: `5.1.1` names a detail, `5.5.0` only a subject ("other
/// protocol status" — Outlook sends it for unknown users), `5.0.0` only a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Specificity {
    Detail,
    Subject,
    Class,
}

fn specificity(code: StatusCode) -> Specificity {
    match (code.subject, code.detail) {
        (0, 0) => Specificity::Class,
        (_, 0) => Specificity::Subject,
        _ => Specificity::Detail,
    }
}

/// The enhanced code's verdict, when the code is exactly as specific as `level`: a detail
/// beats generic words, generic words beat a subject-only code, and a class-only code comes
/// after even the reply code.
fn from_status(codes: &Codes, level: Specificity) -> Option<(Disposition, Reason, Basis)> {
    let code = codes.status.filter(|c| specificity(*c) == level)?;
    let meaning = catalog::enhanced(code)?;
    let advice = &meaning.def.advice;
    Some((
        advice.disposition,
        advice.reason,
        Basis::Status(meaning.code),
    ))
}

/// The reply code's verdict: the least specific evidence, used after even the hint phrases
/// ("550 mailbox unavailable" says more than "550").
fn from_reply(codes: &Codes) -> Option<(Disposition, Reason, Basis)> {
    let code = codes.reply?;
    let advice = &catalog::reply(code)?.advice;
    Some((advice.disposition, advice.reason, Basis::Reply(code)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::extract::extract;

    fn verdict(kind: Option<&str>, code_column: &str, text: &str) -> (Disposition, Reason) {
        let codes = extract(code_column).merged_with(extract(text));
        let c = classify(Evidence {
            kind,
            codes: &codes,
            text,
        });
        (c.disposition, c.reason)
    }

    #[test]
    fn article_soft_cases() {
        let full = verdict(None, "", "552 5.2.2 mailbox full");
        assert_eq!(full, (Disposition::Soft, Reason::MailboxFull));
        let big = verdict(
            None,
            "552",
            "Message size exceeds fixed maximum message size",
        );
        assert_eq!(big, (Disposition::Soft, Reason::MessageTooLarge));
    }

    #[test]
    fn article_hard_cases() {
        let domain = verdict(None, "000", "");
        assert_eq!(domain, (Disposition::Hard, Reason::DomainNotFound));
        let user = verdict(None, "5.1.1", "");
        assert_eq!(user, (Disposition::Hard, Reason::UserUnknown));
    }

    #[test]
    fn text_beats_misleading_codes() {
        let rate = verdict(None, "", "550 5.1.1 too many recipients this hour");
        assert_eq!(rate, (Disposition::Block, Reason::RateLimited));
        let aup = verdict(None, "", "550 5.1.0 sender rejected AUP#CDRBL");
        assert_eq!(aup, (Disposition::Block, Reason::Blocked));
    }

    #[test]
    fn transient_class_never_makes_a_hard_bounce() {
        let greylisted = verdict(None, "4.1.1", "");
        assert_eq!(greylisted, (Disposition::Soft, Reason::UserUnknown));
    }

    #[test]
    fn type_column_wins_for_disposition_but_text_keeps_reason() {
        let typed = verdict(Some("Hard Bounce"), "", "552 5.2.2 mailbox full");
        assert_eq!(typed, (Disposition::Hard, Reason::MailboxFull));
        let optout = verdict(Some("Unsubscribed"), "", "550 5.1.1 user unknown");
        assert_eq!(optout, (Disposition::OptOut, Reason::OptedOut));
    }

    #[test]
    fn a_type_that_contradicts_the_content_is_flagged() {
        let codes = extract("554 5.7.1 blocked using zen.spamhaus.org");
        let c = classify(Evidence {
            kind: Some("Hard Bounce"),
            codes: &codes,
            text: "554 5.7.1 blocked using zen.spamhaus.org",
        });
        assert_eq!(c.disposition, Disposition::Hard);
        assert_eq!(c.content_says, Some(Disposition::Block));
        let agreeing = classify(Evidence {
            kind: Some("Hard Bounce"),
            codes: &extract("550 5.1.1"),
            text: "550 5.1.1 user unknown",
        });
        assert_eq!(agreeing.content_says, None);
    }

    #[test]
    fn a_plain_bounce_on_a_suppression_list_is_hard_unless_the_row_says_otherwise() {
        assert_eq!(
            verdict(Some("BOUNCE"), "", ""),
            (Disposition::Hard, Reason::Other)
        );
        let full = verdict(Some("Bounce"), "", "452 4.2.2 mailbox full");
        assert_eq!(full, (Disposition::Soft, Reason::MailboxFull));
    }

    #[test]
    fn nothing_is_unknown() {
        assert_eq!(verdict(None, "", ""), (Disposition::Unknown, Reason::Other));
    }
}
