//! The code reference: every reply and enhanced status code bouncelens knows, with plain-words
//! meanings and next steps. The rows themselves live in `data.rs`; this module only defines
//! their shape and how to look them up, so the data can grow without touching logic.

pub use super::data::{ARTICLE_ENHANCED, ARTICLE_REPLY, CLASSES, ENHANCED, REASON_STEPS, REPLY};
use std::borrow::Cow;

use super::{Disposition, Reason, ReplyCode, StatusCode};

/// One row of the article's tables, kept verbatim because users compare it with the article and
/// with their platform's help pages.
#[derive(Debug, Clone, Copy)]
pub struct ArticleRow {
    /// The code as the article prints it (`550`, `5.1.1`).
    pub code: &'static str,
    /// The article's "common reason" text, word for word.
    pub common_reason: &'static str,
}

/// The meaning of an enhanced-code class digit (the article's 2.X.X / 4.X.X / 5.X.X lines).
#[derive(Debug, Clone, Copy)]
pub struct ClassDef {
    /// 2, 4 or 5.
    pub class: u8,
    /// The article's wording: "Success", "Persistent Transient Failure", "Permanent Failure".
    pub title: &'static str,
    /// What the class means for the address, in plain words.
    pub meaning: &'static str,
}

/// Advice attached to a code: shared by reply and enhanced entries so both read the same way.
#[derive(Debug, Clone, Copy)]
pub struct Advice {
    /// What the code means, in plain words a marketing-ops person understands.
    pub meaning: &'static str,
    /// How such a bounce usually turns out when the failure is permanent.
    pub disposition: Disposition,
    /// The finer category this code usually points to.
    pub reason: Reason,
    /// What the user can do next.
    pub next_step: &'static str,
}

/// One row of the IANA "SMTP Enhanced Status Codes" registry (subject and detail; the class is
/// applied by the caller).
#[derive(Debug, Clone, Copy)]
pub struct EnhancedDef {
    /// The subject digit (0–7).
    pub subject: u8,
    /// The detail number (0–999).
    pub detail: u16,
    /// The registry's title, verbatim.
    pub title: &'static str,
    /// The defining document, e.g. `RFC 3463`.
    pub rfc: &'static str,
    /// Which classes the registry allows with this code, e.g. `4.X.X / 5.X.X`.
    pub classes: &'static str,
    /// Plain-words meaning, usual outcome and next step.
    pub advice: Advice,
}

/// One traditional reply code (RFC 5321 plus the article's `000`).
#[derive(Debug, Clone, Copy)]
pub struct ReplyDef {
    /// Three digits.
    pub code: &'static str,
    /// The standard's short text (RFC 5321 §4.2.3) or the article's wording for `000`.
    pub title: &'static str,
    /// The defining document.
    pub rfc: &'static str,
    /// Plain-words meaning, usual outcome and next step.
    pub advice: Advice,
}

/// An enhanced code resolved against the registry: the entry that describes it and whether the
/// registry knew its exact detail or only its subject.
#[derive(Debug, Clone, Copy)]
pub struct EnhancedMeaning {
    /// The code as found (its class decides transient versus permanent).
    pub code: StatusCode,
    /// The registry row used.
    pub def: &'static EnhancedDef,
    /// False when the detail was unknown and `X.Y.0` stood in for it.
    pub exact: bool,
}

impl EnhancedMeaning {
    /// The usual disposition for this code *in its class*: a transient (4.x.x) failure never
    /// makes an address hard, success says nothing.
    pub fn disposition(&self) -> Disposition {
        disposition_in_class(self.def.advice.disposition, self.code.class)
    }
}

/// Adjusts a code's usual (permanent-failure) disposition to the class it arrived with.
pub fn disposition_in_class(usual: Disposition, class: u8) -> Disposition {
    match (class, usual) {
        (2 | 3, _) => Disposition::Unknown,
        (4, Disposition::Hard) => Disposition::Soft,
        _ => usual,
    }
}

/// Looks an enhanced code up by subject and detail, falling back to the subject's `X.Y.0`
/// entry when the detail is not registered (servers invent details such as `5.7.606`).
pub fn enhanced(code: StatusCode) -> Option<EnhancedMeaning> {
    let exact = enhanced_def(code.subject, code.detail);
    let def = exact.or_else(|| enhanced_def(code.subject, 0))?;
    Some(EnhancedMeaning {
        code,
        def,
        exact: exact.is_some(),
    })
}

fn enhanced_def(subject: u8, detail: u16) -> Option<&'static EnhancedDef> {
    ENHANCED
        .binary_search_by_key(&(subject, detail), |d| (d.subject, d.detail))
        .ok()
        .map(|i| &ENHANCED[i])
}

/// The next step for a reason category.
pub fn reason_step(reason: Reason) -> &'static str {
    REASON_STEPS
        .iter()
        .find(|(r, _)| *r == reason)
        .map_or("", |(_, step)| step)
}

/// Looks a traditional reply code up.
pub fn reply(code: ReplyCode) -> Option<&'static ReplyDef> {
    REPLY.iter().find(|d| d.code == code.as_str())
}

/// The meaning of a class digit (2, 4 or 5).
pub fn class(class: u8) -> Option<&'static ClassDef> {
    CLASSES.iter().find(|c| c.class == class)
}

/// The article's own "common reason" for a code, when the article lists it; shown next to the
/// registry text because it is what the user's platform documentation says.
pub fn article_text(code: &str) -> Option<&'static str> {
    ARTICLE_REPLY
        .iter()
        .chain(ARTICLE_ENHANCED)
        .find(|row| row.code == code)
        .map(|row| row.common_reason)
}

/// One entry of the code reference, as listed and searched.
#[derive(Debug, Clone, Copy)]
pub enum Entry {
    /// A traditional reply code.
    Reply(&'static ReplyDef),
    /// An enhanced code shown in a given class.
    Enhanced(EnhancedMeaning),
}

impl Entry {
    /// The code as the user types it.
    pub fn code(&self) -> String {
        match self {
            Entry::Reply(def) => def.code.to_string(),
            Entry::Enhanced(meaning) => meaning.code.to_string(),
        }
    }

    /// The standard's title (or the article's, for `000`).
    pub fn title(&self) -> &'static str {
        match self {
            Entry::Reply(def) => def.title,
            Entry::Enhanced(meaning) => meaning.def.title,
        }
    }

    /// The defining document.
    pub fn rfc(&self) -> &'static str {
        match self {
            Entry::Reply(def) => def.rfc,
            Entry::Enhanced(meaning) => meaning.def.rfc,
        }
    }

    /// The plain-words advice.
    pub fn advice(&self) -> &'static Advice {
        match self {
            Entry::Reply(def) => &def.advice,
            Entry::Enhanced(meaning) => &meaning.def.advice,
        }
    }

    /// What the code means in plain words. A registry row is written for failures, so in the
    /// success class (`2.0.0`, `2.1.5`) it is replaced by a success sentence.
    pub fn meaning(&self) -> Cow<'static, str> {
        match self {
            Entry::Enhanced(meaning) if meaning.code.class == 2 => Cow::Owned(format!(
                "A success report, not a failure: {}.",
                meaning.def.title.to_lowercase()
            )),
            _ => Cow::Borrowed(self.advice().meaning),
        }
    }

    /// What to do next; nothing for a success.
    pub fn next_step(&self) -> &'static str {
        match self {
            Entry::Enhanced(meaning) if meaning.code.class == 2 => {
                "Nothing to do: the receiving server accepted the email."
            }
            _ => self.advice().next_step,
        }
    }

    /// The usual disposition, adjusted to the entry's class.
    pub fn disposition(&self) -> Disposition {
        match self {
            Entry::Reply(def) => {
                let class = def.code.as_bytes()[0] - b'0';
                disposition_in_class(def.advice.disposition, class)
            }
            Entry::Enhanced(meaning) => meaning.disposition(),
        }
    }

    /// The class digit the entry is shown with (0 for the article's `000`).
    pub fn class(&self) -> u8 {
        match self {
            Entry::Reply(def) => def.code.as_bytes()[0] - b'0',
            Entry::Enhanced(meaning) => meaning.code.class,
        }
    }

    /// The article's wording when the article lists this code.
    pub fn article_text(&self) -> Option<&'static str> {
        article_text(&self.code())
    }
}

/// Every entry of the reference: reply codes, then each registry row in each class the
/// registry allows it in, so `4.2.2` and `5.2.2` both appear.
pub fn entries() -> Vec<Entry> {
    let replies = REPLY.iter().map(Entry::Reply);
    let enhanced = [2u8, 4, 5].into_iter().flat_map(|class| {
        ENHANCED
            .iter()
            .filter(move |def| def.classes.contains(&format!("{class}.X.X")))
            .filter_map(move |def| StatusCode::new(class, def.subject, def.detail))
            .filter_map(enhanced)
            .map(Entry::Enhanced)
    });
    replies.chain(enhanced).collect()
}

/// What a lookup query resolved to.
#[derive(Debug, Clone)]
pub enum Lookup {
    /// The query was a code and this is its entry (possibly via the subject fallback).
    Code(Entry),
    /// The query looked like a code the catalog cannot place.
    UnknownCode(String),
    /// The query was words; these entries mention all of them, best first.
    Words(Vec<Entry>),
}

/// Resolves what a user typed: a reply code (`550`), an enhanced code (`5.1.1`, `4.2.2`), or
/// words (`mailbox full`) searched in titles, meanings and the article's text.
pub fn lookup(query: &str) -> Lookup {
    let query = query.trim();
    if let Some(code) = ReplyCode::parse(query) {
        return reply(code)
            .map(|def| Lookup::Code(Entry::Reply(def)))
            .unwrap_or_else(|| Lookup::UnknownCode(query.to_string()));
    }
    if let Some(code) = StatusCode::parse(query) {
        return enhanced(code)
            .map(|meaning| Lookup::Code(Entry::Enhanced(meaning)))
            .unwrap_or_else(|| Lookup::UnknownCode(query.to_string()));
    }
    if looks_like_code(query) {
        return Lookup::UnknownCode(query.to_string());
    }
    Lookup::Words(search_words(query))
}

fn looks_like_code(query: &str) -> bool {
    !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Entries whose texts contain every word of `query` at the start of a word (so `full` finds
/// "Mailbox full" but not "carefully"), title matches first. Only permanent-class enhanced
/// entries are searched so one meaning appears once.
pub fn search_words(query: &str) -> Vec<Entry> {
    let wanted = words_of(query);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(bool, Entry)> = entries()
        .into_iter()
        .filter(|entry| entry.class() != 2 && entry.class() != 4)
        .filter(|entry| mentions_all(&entry_words(entry), &wanted))
        .map(|entry| (mentions_all(&words_of(entry.title()), &wanted), entry))
        .collect();
    hits.sort_by_key(|(in_title, _)| !in_title);
    hits.into_iter().map(|(_, entry)| entry).collect()
}

/// Whether an entry matches what was typed in the code reference: a code prefix (`5.1`,
/// `55`) or words found at word starts in its texts. An empty query matches everything.
pub fn entry_matches(entry: &Entry, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    if looks_like_code(query) {
        return entry.code().starts_with(query);
    }
    mentions_all(&entry_words(entry), &words_of(query))
}

/// The words of everything an entry says: title, meaning, next step, reason, article text.
fn entry_words(entry: &Entry) -> Vec<String> {
    let advice = entry.advice();
    [
        entry.title(),
        advice.meaning,
        advice.next_step,
        advice.reason.as_str(),
        entry.article_text().unwrap_or_default(),
    ]
    .into_iter()
    .flat_map(words_of)
    .collect()
}

/// Whether every wanted word starts some word of `words`.
fn mentions_all(words: &[String], wanted: &[String]) -> bool {
    wanted
        .iter()
        .all(|w| words.iter().any(|word| word.starts_with(w.as_str())))
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_a_next_step() {
        for reason in Reason::ALL {
            assert!(!reason_step(reason).is_empty(), "{reason}");
        }
    }

    #[test]
    fn unknown_details_fall_back_to_their_subject() {
        let code = StatusCode::parse("5.7.606").unwrap();
        let meaning = enhanced(code).unwrap();
        assert!(!meaning.exact);
        assert_eq!((meaning.def.subject, meaning.def.detail), (7, 0));
        let transient = enhanced(StatusCode::parse("4.2.2").unwrap()).unwrap();
        assert_eq!(transient.disposition(), Disposition::Soft);
        assert_eq!(transient.def.title, "Mailbox full");
    }

    #[test]
    fn code_queries_and_word_queries() {
        assert!(matches!(lookup("550"), Lookup::Code(Entry::Reply(_))));
        assert!(matches!(lookup("5.1.1"), Lookup::Code(Entry::Enhanced(_))));
        assert!(matches!(lookup("5.9.1"), Lookup::UnknownCode(_)));
        let Lookup::Words(found) = lookup("mailbox full") else {
            panic!("words are searched");
        };
        assert_eq!(found.first().map(Entry::code).as_deref(), Some("5.2.2"));
    }

    #[test]
    fn prefixes_select_a_subject() {
        let entries = entries();
        let matching: Vec<String> = entries
            .iter()
            .filter(|e| entry_matches(e, "5.1.1"))
            .map(Entry::code)
            .collect();
        assert_eq!(matching, vec!["5.1.1", "5.1.10"]);
    }
}
