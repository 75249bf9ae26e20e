//! Offline typo detection for email addresses: is a bounced address merely mistyped
//! (`gmial.com` for `gmail.com`), and if so, what was meant?
//!
//! A bounce on a mistyped address is a person the sender can still reach, but a wrong
//! correction sends their mail to a stranger. So [`check`] proposes a change only on strong
//! evidence. Cleanup that cannot change the recipient (spaces, quotes, `mailto:`, angle
//! brackets, a doubled `@` or dot, a comma before the ending, a trailing dot) is
//! [`Confidence::High`], and so is a domain one edit away from exactly one well-known mailbox
//! provider. Two edits on a long domain, a missing dot, or an impossible ending on a domain we
//! do not know is [`Confidence::Medium`]. Anything ambiguous, anything close to a short provider
//! name, and any domain that is itself known to be real is left alone. The local part is never
//! guessed at: a mistake there makes the address invalid, not fixable.
//!
//! `check` runs on every contact at load, and most addresses need nothing, so that path does
//! not allocate: the domain is lowercased on the stack, looked up in a hash map, and compared
//! only with listed domains of similar length whose characters could be reached in two edits.
//! The provider list and the ending typos live in `data.rs`.

mod data;

use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use data::{COUNTRY_ENDING_SLIPS, IMPOSSIBLE_ENDINGS, LOOKALIKES, PROVIDERS};

/// RFC 5321: a local part holds at most 64 octets.
const MAX_LOCAL_BYTES: usize = 64;
/// RFC 1035 via RFC 5321: a domain name holds at most 253 characters.
const MAX_DOMAIN_CHARS: usize = 253;
/// RFC 1035: one label (the text between dots) holds at most 63 characters.
const MAX_LABEL_CHARS: usize = 63;
/// The stack buffer a domain's head and ending are joined in; longer ones are never a provider.
const JOIN_BUFFER: usize = 256;
/// The most edits the detector ever considers; further away is "not near any provider".
const MAX_EDITS: u8 = 2;
/// Domains are compared as at most this many characters, which covers every listed domain
/// plus [`MAX_EDITS`].
const MAX_COMPARED: usize = 48;
/// A provider whose name (the text before the first dot) is shorter than this is never the
/// target of a spelling correction: one edit from `live`, `aol` or `bell` is an ordinary word
/// (`love`, `ball`) far too often.
const MIN_TARGET_NAME_CHARS: usize = 5;
/// Two edits are only trusted on a domain at least this long.
const MIN_CHARS_FOR_TWO_EDITS: usize = 9;
/// The link prefix copied along with an address from a web page.
const MAILTO: &str = "mailto:";
/// The tag that marks an IPv6 address literal (`user@[IPv6:2001:db8::1]`).
const IPV6_TAG: &str = "IPv6:";
/// List separators and stray brackets that cling to addresses pasted from documents.
const STRAY: [char; 5] = [',', ';', ':', '<', '>'];
/// Quote characters that may surround a whole pasted address.
const QUOTES: [char; 2] = ['"', '\''];
/// Characters that `char::is_whitespace` misses but that are just as invisible.
const INVISIBLE: [char; 3] = ['\u{200B}', '\u{2060}', '\u{FEFF}'];
/// Label separators: the ASCII dot and the full stops IDNA treats as one.
const DOTS: [char; 4] = ['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'];
/// The printable ASCII symbols RFC 5322 allows unquoted in a local part, with the dot.
const LOCAL_SYMBOLS: &str = "!#$%&'*+-/=?^_`{|}~.";

/// How sure a suggestion is, so a caller can apply the sure ones and queue the rest for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Confidence {
    /// Cleanup that cannot change who receives the mail, or a domain one edit from exactly one
    /// well-known provider: safe to apply without asking.
    High,
    /// Likely but not certain (two edits on a long domain, a missing dot, an impossible ending
    /// on a domain we do not know): worth showing, not worth applying unreviewed.
    Medium,
}

impl Confidence {
    /// The level as a stable lowercase word, for CLI and JSON output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
        }
    }
}

/// The kind of mistake a suggestion repairs, so reports can count and filter them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fix {
    /// Spaces around the address or around its `@`.
    Whitespace,
    /// Quotes around the whole address.
    Quotes,
    /// A `mailto:` link prefix, with any `?subject=` after the address.
    MailtoPrefix,
    /// The address inside `<…>`, possibly after a display name.
    AngleBrackets,
    /// List separators or a lone bracket around the address, or a dot right after the `@`.
    StrayPunctuation,
    /// `@@` where one `@` belongs.
    DoubledAt,
    /// `..` in the domain.
    DoubledDot,
    /// A dot after the end of the domain.
    TrailingDot,
    /// A comma typed for the dot before the ending (`gmail,com`).
    CommaForDot,
    /// The dot before the ending left out (`gmailcom`).
    MissingDot,
    /// The ending mistyped (`gmail.con`, `comcast.ent`).
    TopLevelDomain,
    /// The provider's name misspelled (`gmial.com`).
    ProviderMisspelled,
}

impl Fix {
    /// The kind as a stable kebab-case word, for CLI and JSON output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Fix::Whitespace => "whitespace",
            Fix::Quotes => "quotes",
            Fix::MailtoPrefix => "mailto-prefix",
            Fix::AngleBrackets => "angle-brackets",
            Fix::StrayPunctuation => "stray-punctuation",
            Fix::DoubledAt => "doubled-at",
            Fix::DoubledDot => "doubled-dot",
            Fix::TrailingDot => "trailing-dot",
            Fix::CommaForDot => "comma-for-dot",
            Fix::MissingDot => "missing-dot",
            Fix::TopLevelDomain => "top-level-domain",
            Fix::ProviderMisspelled => "provider-misspelled",
        }
    }
}

/// A proposed correction, with what a person needs to accept or reject it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The corrected address: the local part as typed, the domain lowercased.
    pub address: String,
    /// How sure the correction is; the least sure of the changes made.
    pub confidence: Confidence,
    /// The main mistake: a domain correction outranks cleanup done alongside it, otherwise the
    /// first cleanup made.
    pub fix: Fix,
    /// Every change in one plain-English line, for the person reviewing it.
    pub why: String,
}

/// The verdict on one address, so callers can tell "leave it", "probably meant this" and
/// "cannot be delivered" apart in one match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Well formed, and no known provider it is a likely misspelling of. Offline we cannot tell
    /// whether the domain exists, so unknown domains are valid.
    Valid,
    /// Probably mistyped; here is what was meant.
    Fix(Suggestion),
    /// Not a usable address and not safely fixable; the reason is a short plain phrase such
    /// as "no @" or "space inside the local part".
    Invalid(&'static str),
}

/// Checks one address: valid as it is, probably mistyped (with the correction), or invalid
/// (with the reason). Cheap and allocation-free when the address needs nothing, so it can run
/// on every contact of a large list.
pub fn check(address: &str) -> Check {
    match examine(address) {
        Ok(None) => Check::Valid,
        Ok(Some(suggestion)) => Check::Fix(suggestion),
        Err(reason) => Check::Invalid(reason),
    }
}

/// The correction for a mistyped address, for callers that only care about fixes; `None` for
/// valid and invalid addresses alike.
pub fn suggest(address: &str) -> Option<Suggestion> {
    match check(address) {
        Check::Fix(suggestion) => Some(suggestion),
        Check::Valid | Check::Invalid(_) => None,
    }
}

/// Whether `domain` (any case) belongs to a big mailbox provider such as `gmail.com` or
/// `yahoo.co.uk`, so domain-level advice can leave providers out: one dead Gmail mailbox says
/// nothing about the other Gmail contacts. Real look-alikes such as `google.com` are not
/// providers.
pub fn is_mailbox_provider(domain: &str) -> bool {
    let role = INDEX.role(&ascii_lowercase(domain));
    matches!(role, Some(Role::Target | Role::Provider))
}

/// The domain of an address whose local part is plain (an ASCII letter or digit first, then
/// letters, digits and `. _ + -`, no two dots together, not ending in a dot, at most 64
/// bytes), or `None`. For such addresses whether [`check`] says valid, fixable or invalid
/// depends on the domain alone, so a loader checking a million addresses can remember the
/// answer per domain.
pub fn domain_decides(address: &str) -> Option<&str> {
    let at = memchr::memchr(b'@', address.as_bytes())?;
    let (local, domain) = (&address[..at], &address[at + 1..]);
    let bytes = local.as_bytes();
    let plain = |pair: &[u8]| {
        let byte = pair[1];
        (byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'+' | b'-'))
            && !(byte == b'.' && pair[0] == b'.')
    };
    let simple = bytes.len() <= MAX_LOCAL_BYTES
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last() != Some(&b'.')
        && bytes.windows(2).all(plain);
    simple.then_some(domain)
}

/// `None` when nothing needs changing, the suggestion when something does, the reason when the
/// address cannot be used.
fn examine(address: &str) -> Result<Option<Suggestion>, &'static str> {
    let mut cleanups = Vec::new();
    let text = unwrap(address, &mut cleanups);
    let (local, domain) = split(text, &mut cleanups)?;
    validate_local(local)?;
    let domain = tidy_domain(domain, &mut cleanups);
    let correction = correct_domain(&ascii_lowercase(&domain));
    let meant = correction
        .as_ref()
        .map_or(&*domain, |fix| fix.domain.as_str());
    validate_domain(meant)?;
    if cleanups.is_empty() && correction.is_none() {
        return Ok(None);
    }
    Ok(Some(suggestion(local, &domain, correction, &cleanups)))
}

/// Puts the repaired address and its explanation together.
fn suggestion(
    local: &str,
    domain: &str,
    correction: Option<DomainFix>,
    cleanups: &[Cleanup],
) -> Suggestion {
    let cleaned = cleanups.iter().map(|cleanup| cleanup.1);
    match correction {
        Some(correction) => Suggestion {
            address: format!("{local}@{}", correction.domain),
            confidence: correction.confidence,
            fix: correction.fix,
            why: std::iter::once(correction.why.as_str())
                .chain(cleaned)
                .collect::<Vec<_>>()
                .join("; "),
        },
        None => Suggestion {
            address: format!("{local}@{}", lowercase_domain(domain)),
            confidence: Confidence::High,
            fix: cleanups[0].0,
            why: cleaned.collect::<Vec<_>>().join("; "),
        },
    }
}

/// A mechanical repair made on the way, with what it did in words for the explanation.
type Cleanup = (Fix, &'static str);

/// Records a cleanup once, in the order first made.
fn note(cleanups: &mut Vec<Cleanup>, fix: Fix, phrase: &'static str) {
    if !cleanups.contains(&(fix, phrase)) {
        cleanups.push((fix, phrase));
    }
}

/// Whitespace, including the invisible characters that come along with copy and paste.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || INVISIBLE.contains(&c)
}

/// Peels off everything wrapped around the address, layer by layer, in any order:
/// `" <mailto:john@gmail.com>; "` becomes `john@gmail.com`.
fn unwrap<'a>(address: &'a str, cleanups: &mut Vec<Cleanup>) -> &'a str {
    let mut text = address;
    while let Some((inner, (fix, phrase))) = peel(text) {
        note(cleanups, fix, phrase);
        text = inner;
    }
    text
}

/// One layer of wrapping, if there is one; every layer found is strictly shorter, so peeling
/// ends.
fn peel(text: &str) -> Option<(&str, Cleanup)> {
    let trimmed = text.trim_matches(is_blank);
    if trimmed.len() < text.len() {
        let cleanup = (Fix::Whitespace, "removed the spaces around the address");
        return Some((trimmed, cleanup));
    }
    LAYERS
        .into_iter()
        .find_map(|(strip, cleanup)| strip(text).map(|inner| (inner, cleanup)))
}

/// Takes one kind of wrapping off an address, if it is there.
type Strip = fn(&str) -> Option<&str>;

/// Every kind of wrapping besides whitespace, with the cleanup it counts as.
#[rustfmt::skip]
const LAYERS: [(Strip, Cleanup); 5] = [
    (strip_quotes, (Fix::Quotes, "removed the quotes around the address")),
    (strip_angle_brackets, (Fix::AngleBrackets, "took the address out of its angle brackets")),
    (strip_mailto, (Fix::MailtoPrefix, "removed the mailto: link prefix")),
    (strip_stray, (Fix::StrayPunctuation, "removed stray punctuation around the address")),
    (strip_trailing_dots, (Fix::TrailingDot, "removed the dot after the domain")),
];

/// `"john@gmail.com"` or `'john@gmail.com'`, but not `"john smith"@example.com`.
fn strip_quotes(text: &str) -> Option<&str> {
    let quote = text.chars().next().filter(|c| QUOTES.contains(c))?;
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    (inner.contains('@') && !inner.contains(quote)).then_some(inner)
}

/// `<john@gmail.com>` or `John Smith <john@gmail.com>`.
fn strip_angle_brackets(text: &str) -> Option<&str> {
    let body = text.strip_suffix('>')?;
    let inner = &body[body.rfind('<')? + 1..];
    inner.contains('@').then_some(inner)
}

/// `mailto:john@gmail.com?subject=Hello`, any case.
fn strip_mailto(text: &str) -> Option<&str> {
    let prefix = text.get(..MAILTO.len())?;
    if !prefix.eq_ignore_ascii_case(MAILTO) {
        return None;
    }
    let rest = &text[MAILTO.len()..];
    let at = rest.find('@')?;
    Some(match rest[at..].find('?') {
        Some(query) => &rest[..at + query],
        None => rest,
    })
}

/// `john@gmail.com;` and the like.
fn strip_stray(text: &str) -> Option<&str> {
    let inner = text.trim_matches(STRAY);
    (inner.len() < text.len()).then_some(inner)
}

/// `john@gmail.com.`: a dot after the domain, as at the end of a sentence.
fn strip_trailing_dots(text: &str) -> Option<&str> {
    let inner = text.trim_end_matches('.');
    (inner.len() < text.len() && inner.contains('@')).then_some(inner)
}

/// The local part and the domain, after collapsing `@@` and trimming spaces around the `@`.
fn split<'a>(
    text: &'a str,
    cleanups: &mut Vec<Cleanup>,
) -> Result<(&'a str, &'a str), &'static str> {
    if text.is_empty() {
        return Err("the address is empty");
    }
    let at = find_at(text).ok_or("no @")?;
    let after = &text[at + 1..];
    let domain = after.trim_start_matches('@');
    if domain.len() < after.len() {
        note(cleanups, Fix::DoubledAt, "kept one of the two @");
    }
    if domain.contains('@') {
        return Err("more than one @");
    }
    let local = text[..at].trim_end_matches(is_blank);
    let domain_trimmed = domain.trim_start_matches(is_blank);
    if local.len() < at || domain_trimmed.len() < domain.len() {
        note(cleanups, Fix::Whitespace, "removed the spaces around the @");
    }
    Ok((local, domain_trimmed))
}

/// The `@` that ends the local part, skipping any `@` inside a quoted local part.
fn find_at(text: &str) -> Option<usize> {
    let start = if text.starts_with('"') {
        closing_quote(text).map_or(0, |quote| quote + 1)
    } else {
        0
    };
    text[start..].find('@').map(|at| start + at)
}

/// Where the quoted string that opens `text` closes, honouring backslash escapes.
fn closing_quote(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (index, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(index),
            _ => {}
        }
    }
    None
}

/// RFC 5321/5322 rules for the part before the `@`, with non-ASCII letters allowed (RFC 6531).
fn validate_local(local: &str) -> Result<(), &'static str> {
    if local.is_empty() {
        return Err("nothing before the @");
    }
    if local.len() > MAX_LOCAL_BYTES {
        return Err("the local part is longer than 64 characters");
    }
    if local.starts_with('"') {
        return validate_quoted(local);
    }
    if local.starts_with('.') {
        return Err("the local part starts with a dot");
    }
    if local.ends_with('.') {
        return Err("the local part ends with a dot");
    }
    let mut after_dot = false;
    for c in local.chars() {
        if after_dot && c == '.' {
            return Err("two dots in a row in the local part");
        }
        after_dot = c == '.';
        if c.is_ascii_alphanumeric() || LOCAL_SYMBOLS.contains(c) {
            continue;
        }
        if is_blank(c) {
            return Err("space inside the local part");
        }
        if !is_non_ascii_text(c) {
            return Err("a character that is not allowed before the @");
        }
    }
    Ok(())
}

/// A quoted local part (`"john smith"`): anything printable, with `\` escaping the next
/// character.
fn validate_quoted(local: &str) -> Result<(), &'static str> {
    let unclosed = "an unclosed quote before the @";
    let inner = local
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .ok_or(unclosed)?;
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            _ if c.is_control() => return Err("a character that is not allowed before the @"),
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Err("a stray quote before the @"),
            _ => {}
        }
    }
    if escaped {
        return Err(unclosed);
    }
    Ok(())
}

/// Any visible non-ASCII character: internationalised addresses use the letters and marks of
/// every script, and telling those from symbols is beyond an offline check.
fn is_non_ascii_text(c: char) -> bool {
    !c.is_ascii() && !c.is_control() && !is_blank(c)
}

/// Mechanical repairs of the domain: a dot right after the `@`, a comma before the ending,
/// doubled dots. Borrows when there is nothing to repair.
fn tidy_domain<'a>(domain: &'a str, cleanups: &mut Vec<Cleanup>) -> Cow<'a, str> {
    let stripped = domain.trim_start_matches('.');
    if stripped.len() < domain.len() {
        note(
            cleanups,
            Fix::StrayPunctuation,
            "removed the dot right after the @",
        );
    }
    let mut tidy = Cow::Borrowed(stripped);
    if let Some(comma) = ending_comma(&tidy) {
        tidy.to_mut().replace_range(comma..=comma, ".");
        note(
            cleanups,
            Fix::CommaForDot,
            "put a dot where the domain had a comma",
        );
    }
    if tidy.contains("..") {
        tidy = Cow::Owned(collapse_dots(&tidy));
        note(
            cleanups,
            Fix::DoubledDot,
            "kept one of the doubled dots in the domain",
        );
    }
    tidy
}

/// The position of a single comma standing where the dot before the ending belongs
/// (`gmail,com`, `yahoo.co,uk`).
fn ending_comma(domain: &str) -> Option<usize> {
    let comma = domain.rfind(',')?;
    let ending = &domain[comma + 1..];
    let single = !domain[..comma].contains(',');
    let word = ending.len() >= 2 && ending.bytes().all(|b| b.is_ascii_alphabetic());
    (comma > 0 && single && word).then_some(comma)
}

/// The domain with every run of dots replaced by one dot.
fn collapse_dots(domain: &str) -> String {
    let mut collapsed = String::with_capacity(domain.len());
    for c in domain.chars() {
        if c != '.' || !collapsed.ends_with('.') {
            collapsed.push(c);
        }
    }
    collapsed
}

/// The domain with ASCII letters lowercased, borrowed when nothing had to change (most
/// addresses are typed in lowercase). Any length: an impossible ending is worth fixing on a
/// long domain too, and whether it is fixed must not depend on its capitals.
fn ascii_lowercase(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// A domain in lowercase for showing, never longer in characters than it was, so its parts
/// stay within their limits: a letter whose lowercase is two characters (`İ`) is kept.
fn lowercase_domain(domain: &str) -> String {
    domain
        .chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        })
        .collect()
}

/// A corrected domain, lowercase, with how sure the correction is and why it was made.
struct DomainFix {
    domain: String,
    confidence: Confidence,
    fix: Fix,
    why: String,
}

/// The domain that was probably meant, if one is clear. `domain` is lowercase.
fn correct_domain(domain: &str) -> Option<DomainFix> {
    let index = &*INDEX;
    if domain.starts_with('[') || index.role(domain).is_some() {
        return None;
    }
    let Some((head, ending)) = domain.rsplit_once('.') else {
        return missing_dot(domain);
    };
    match index.ending(ending) {
        Some(Ending::Impossible(fixed)) => impossible_ending(index, domain, (head, ending), fixed),
        Some(Ending::CountrySlip(fixed)) => country_slip(index, domain, head, fixed),
        None => closest_provider(index, domain),
    }
}

/// `gmailcom` → `gmail.com`: the domain is exactly one provider with its dots left out.
fn missing_dot(domain: &str) -> Option<DomainFix> {
    let mut matches = PROVIDERS.iter().filter(|provider| {
        let dotless = provider.bytes().filter(|&b| b != b'.');
        dotless.eq(domain.bytes())
    });
    let target = matches.next()?;
    if matches.next().is_some() {
        return None;
    }
    let dots = if target.matches('.').count() > 1 {
        "dots"
    } else {
        "dot"
    };
    Some(DomainFix {
        domain: target.to_string(),
        confidence: Confidence::Medium,
        fix: Fix::MissingDot,
        why: format!("{domain} looks like {target} with its {dots} left out"),
    })
}

/// A domain whose ending cannot exist (`.con`): the ending is certainly wrong, but what the
/// rest should be decides how sure the whole correction is.
fn impossible_ending(
    index: &'static Index,
    domain: &str,
    (head, ending): (&str, &str),
    fixed: &str,
) -> Option<DomainFix> {
    let candidate = format!("{}.{fixed}", lowercase_domain(head));
    let unknown = |candidate| DomainFix {
        why: format!(
            "{domain} ends in .{ending}, which does not exist; .{fixed} is the usual ending"
        ),
        domain: candidate,
        confidence: Confidence::Medium,
        fix: Fix::TopLevelDomain,
    };
    match index.role_of_parts(head, fixed) {
        Some(Role::Target | Role::Provider) => {
            Some(ending_fix(domain, candidate, Confidence::High))
        }
        Some(Role::Lookalike) => Some(unknown(candidate)),
        Some(Role::Truncation) => None,
        None => match index.nearest(candidate.chars()) {
            Reach::One {
                domain: target,
                distance: 1,
            } => Some(DomainFix {
                domain: target.to_string(),
                confidence: Confidence::Medium,
                fix: Fix::ProviderMisspelled,
                why: misspelling_why(domain, target),
            }),
            Reach::Nothing => Some(unknown(candidate)),
            Reach::One { .. } | Reach::Blocked => None,
        },
    }
}

/// A domain ending in a real country domain that is also a classic slip (`gmail.co`): the
/// usual ending is meant if that gives a long-named provider, or a provider one more edit away
/// (`gmial.co`) as long as the domain as typed is not just as close to something else, such as
/// the start of `hotmail.co.uk`.
fn country_slip(index: &'static Index, domain: &str, head: &str, fixed: &str) -> Option<DomainFix> {
    if index.role_of_parts(head, fixed) == Some(Role::Target) {
        return Some(ending_fix(
            domain,
            format!("{head}.{fixed}"),
            Confidence::High,
        ));
    }
    let candidate = head.chars().chain(['.']).chain(fixed.chars());
    let Reach::One {
        domain: target,
        distance: 1,
    } = index.nearest(candidate)
    else {
        return None;
    };
    if index.nearest(domain.chars()) == Reach::Blocked {
        return None;
    }
    Some(DomainFix {
        domain: target.to_string(),
        confidence: Confidence::Medium,
        fix: Fix::ProviderMisspelled,
        why: misspelling_why(domain, target),
    })
}

/// The ending of a known provider mistyped.
fn ending_fix(domain: &str, target: String, confidence: Confidence) -> DomainFix {
    DomainFix {
        why: format!("{domain} looks like {target} with its ending mistyped"),
        domain: target,
        confidence,
        fix: Fix::TopLevelDomain,
    }
}

/// The explanation for a provider's name misspelled.
fn misspelling_why(domain: &str, target: &str) -> String {
    format!("{domain} looks like a misspelling of {target}")
}

/// A domain within reach of exactly one provider: one edit is sure, two edits on a long domain
/// likely. A correction never replaces a country ending: `hotmail.dk` may well be real.
fn closest_provider(index: &'static Index, domain: &str) -> Option<DomainFix> {
    let Reach::One {
        domain: target,
        distance,
    } = index.nearest(domain.chars())
    else {
        return None;
    };
    let confidence = match distance {
        1 => Confidence::High,
        _ if domain.chars().count() >= MIN_CHARS_FOR_TWO_EDITS => Confidence::Medium,
        _ => return None,
    };
    let (head, ending) = domain.rsplit_once('.')?;
    let (target_head, target_ending) = target.rsplit_once('.')?;
    if ending != target_ending && is_country_like(ending) {
        return None;
    }
    if head == target_head {
        return Some(ending_fix(domain, target.to_string(), confidence));
    }
    Some(DomainFix {
        domain: target.to_string(),
        confidence,
        fix: Fix::ProviderMisspelled,
        why: misspelling_why(domain, target),
    })
}

/// Two letters, as every country domain's ending is.
fn is_country_like(ending: &str) -> bool {
    ending.len() == 2 && ending.bytes().all(|b| b.is_ascii_alphabetic())
}

/// What a listed domain is to the detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A provider whose misspellings are corrected.
    Target,
    /// A provider whose name is too short for spelling corrections: only its impossible
    /// endings are corrected.
    Provider,
    /// A real domain that is not a provider: never corrected, never proposed.
    Lookalike,
    /// A provider's domain cut short (`hotmail.co` from `hotmail.co.uk`): as likely an
    /// unfinished country domain as a `.com` missing its `m`, so never corrected.
    Truncation,
}

/// A listed domain prepared for the distance scan.
struct Shape {
    domain: Box<str>,
    chars: Box<[char]>,
    counts: Counts,
    role: Role,
}

/// What a mistyped ending stands for.
#[derive(Clone, Copy)]
enum Ending {
    /// Not a top-level domain at all; the ending meant.
    Impossible(&'static str),
    /// A real country domain that is also a classic slip; the ending probably meant.
    CountrySlip(&'static str),
}

/// Every listed domain and ending typo, ready for exact lookup and for the distance scan.
struct Index {
    roles: FxHashMap<Box<str>, Role>,
    endings: FxHashMap<&'static str, Ending>,
    /// Sorted by length in characters, so only similar lengths are scanned.
    shapes: Vec<Shape>,
    /// The sketch of each shape, kept apart so the scan reads a compact array.
    sketches: Vec<Sketch>,
    /// For each length, where the shapes of that length or longer start.
    by_length: Vec<usize>,
}

/// Built on first use and shared by every thread.
static INDEX: LazyLock<Index> = LazyLock::new(Index::build);

/// How a domain stands against the listed domains within [`MAX_EDITS`].
#[derive(Debug, PartialEq, Eq)]
enum Reach {
    /// Nothing listed within reach.
    Nothing,
    /// Exactly one listed domain is closest, and it is a correction target.
    One { domain: &'static str, distance: u8 },
    /// The closest are several, or one that must not be proposed.
    Blocked,
}

impl Index {
    /// Gathers the tables in `data.rs` into lookups and the distance scan's arrays.
    fn build() -> Index {
        let mut roles: FxHashMap<Box<str>, Role> = FxHashMap::default();
        for &domain in PROVIDERS {
            roles.insert(Box::from(domain), provider_role(domain));
        }
        for &domain in LOOKALIKES {
            roles.insert(Box::from(domain), Role::Lookalike);
        }
        let truncations = PROVIDERS
            .iter()
            .filter_map(|domain| domain.rsplit_once('.'))
            .map(|(head, _)| head)
            .filter(|head| head.contains('.'));
        for head in truncations {
            roles.entry(Box::from(head)).or_insert(Role::Truncation);
        }
        let impossible = IMPOSSIBLE_ENDINGS
            .iter()
            .map(|&(typo, fixed)| (typo, Ending::Impossible(fixed)));
        let slips = COUNTRY_ENDING_SLIPS
            .iter()
            .map(|&(typo, fixed)| (typo, Ending::CountrySlip(fixed)));
        let mut shapes: Vec<Shape> = roles
            .iter()
            .map(|(domain, &role)| {
                let chars: Box<[char]> = domain.chars().collect();
                Shape {
                    domain: domain.clone(),
                    counts: Counts::of(&chars),
                    chars,
                    role,
                }
            })
            .collect();
        shapes.sort_by(|a, b| (a.chars.len(), &a.domain).cmp(&(b.chars.len(), &b.domain)));
        let by_length = (0..=MAX_COMPARED + 1)
            .map(|length| shapes.partition_point(|shape| shape.chars.len() < length))
            .collect();
        Index {
            roles,
            endings: impossible.chain(slips).collect(),
            sketches: shapes
                .iter()
                .map(|shape| Sketch::of(&shape.chars))
                .collect(),
            shapes,
            by_length,
        }
    }

    /// The role of a listed domain.
    fn role(&self, domain: &str) -> Option<Role> {
        self.roles.get(domain).copied()
    }

    /// The role of `head.ending`, joined on the stack.
    fn role_of_parts(&self, head: &str, ending: &str) -> Option<Role> {
        let mut buffer = [0; JOIN_BUFFER];
        let joined = buffer.get_mut(..head.len() + 1 + ending.len())?;
        let (start, rest) = joined.split_at_mut(head.len());
        start.copy_from_slice(head.as_bytes());
        rest[0] = b'.';
        rest[1..].copy_from_slice(ending.as_bytes());
        self.role(std::str::from_utf8(joined).ok()?)
    }

    /// What a mistyped ending stands for, if it is a known slip.
    fn ending(&self, ending: &str) -> Option<Ending> {
        self.endings.get(ending).copied()
    }

    /// The listed domains closest to `domain`, if any is within [`MAX_EDITS`]. Only domains of
    /// similar length are considered, the same length first so a close match found early
    /// narrows the rest of the scan, and only those whose sketch and character counts allow it
    /// are compared in full.
    fn nearest(&'static self, domain: impl Iterator<Item = char>) -> Reach {
        let mut buffer = [' '; MAX_COMPARED];
        let mut length = 0;
        for c in domain {
            let Some(slot) = buffer.get_mut(length) else {
                return Reach::Nothing;
            };
            *slot = c;
            length += 1;
        }
        let input = &buffer[..length];
        let (sketch, counts) = (Sketch::of(input), Counts::of(input));
        let mut best = Best::new();
        for other_length in nearby_lengths(length) {
            if other_length.abs_diff(length) > usize::from(best.limit()) {
                continue;
            }
            let (first, end) = (
                self.by_length[other_length],
                self.by_length[other_length + 1],
            );
            let candidates = self.shapes[first..end]
                .iter()
                .zip(&self.sketches[first..end]);
            for (shape, other) in candidates {
                let limit = best.limit();
                if sketch.rules_out(*other, limit) || counts.rules_out(&shape.counts, limit) {
                    continue;
                }
                if let Some(distance) = osa_within(input, &shape.chars, limit) {
                    best.offer(distance, shape);
                }
            }
        }
        best.reach()
    }
}

/// The lengths within [`MAX_EDITS`] of `length`, nearest first.
fn nearby_lengths(length: usize) -> impl Iterator<Item = usize> {
    (0..=usize::from(MAX_EDITS))
        .flat_map(move |step| {
            [
                length.checked_sub(step),
                (step > 0).then_some(length + step),
            ]
        })
        .flatten()
        .filter(|&other| other <= MAX_COMPARED)
}

/// Whether a provider is long-named enough for spelling corrections.
fn provider_role(domain: &str) -> Role {
    let name = domain.split('.').next().unwrap_or_default();
    if name.chars().count() >= MIN_TARGET_NAME_CHARS {
        Role::Target
    } else {
        Role::Provider
    }
}

/// The closest listed domains seen so far in a scan.
struct Best {
    distance: u8,
    count: usize,
    shape: Option<&'static Shape>,
}

impl Best {
    fn new() -> Best {
        Best {
            distance: MAX_EDITS + 1,
            count: 0,
            shape: None,
        }
    }

    /// The largest distance still worth computing: ties matter, so the best so far is included.
    fn limit(&self) -> u8 {
        self.distance.min(MAX_EDITS)
    }

    /// Takes a distance no greater than [`Best::limit`].
    fn offer(&mut self, distance: u8, shape: &'static Shape) {
        if distance < self.distance {
            *self = Best {
                distance,
                count: 1,
                shape: Some(shape),
            };
        } else {
            self.count += 1;
        }
    }

    fn reach(&self) -> Reach {
        match self.shape {
            None => Reach::Nothing,
            Some(shape) if self.count == 1 && shape.role == Role::Target => Reach::One {
                domain: &shape.domain,
                distance: self.distance,
            },
            Some(_) => Reach::Blocked,
        }
    }
}

/// Cheap summaries of a domain's characters that bound its edit distance from below, so most
/// listed domains are ruled out without computing a distance.
#[derive(Debug, Clone, Copy)]
struct Sketch {
    /// Which characters occur: each edit brings in at most one the other side lacks.
    chars: u64,
    /// Which pairs of neighbouring characters occur, hashed: each edit brings in at most
    /// [`PAIRS_PER_EDIT`].
    pairs: u64,
}

/// A swap of neighbours replaces three neighbouring pairs; other edits replace fewer.
const PAIRS_PER_EDIT: u32 = 3;
/// Fibonacci hashing spreads character pairs over the 64 bits of a sketch.
const PAIR_MULTIPLIER: u32 = 0x9E37_79B1;

impl Sketch {
    fn of(chars: &[char]) -> Sketch {
        Sketch {
            chars: chars.iter().fold(0, |mask, &c| mask | char_bit(c)),
            pairs: chars
                .windows(2)
                .fold(0, |mask, pair| mask | pair_bit(pair[0], pair[1])),
        }
    }

    /// Whether the two domains sketched are certainly more than `limit` edits apart: bits one
    /// side has and the other lacks must each have been brought in by some edit.
    fn rules_out(self, other: Sketch, limit: u8) -> bool {
        let limit = u32::from(limit);
        let apart =
            |a: u64, b: u64, allowed| more_bits(a & !b, allowed) || more_bits(b & !a, allowed);
        apart(self.chars, other.chars, limit)
            || apart(self.pairs, other.pairs, limit * PAIRS_PER_EDIT)
    }
}

/// Whether more than `count` bits are set, by clearing the lowest bit `count` times: cheaper
/// than counting them all where the CPU has no population-count instruction.
fn more_bits(bits: u64, count: u32) -> bool {
    (0..count).fold(bits, |rest, _| rest & rest.wrapping_sub(1)) != 0
}

/// How many times each character occurs, by [`char_slot`]. Each edit raises at most one count
/// and lowers at most one, so the counts bound the distance more tightly than a sketch does,
/// at a higher price: they are checked only where the sketch allows a match.
struct Counts([u8; SLOTS]);

impl Counts {
    fn of(chars: &[char]) -> Counts {
        let mut counts = [0u8; SLOTS];
        for &c in chars {
            let count = &mut counts[char_slot(c)];
            *count = count.saturating_add(1);
        }
        Counts(counts)
    }

    /// Whether the two domains counted are certainly more than `limit` edits apart.
    fn rules_out(&self, other: &Counts, limit: u8) -> bool {
        let (mut surplus, mut shortfall) = (0, 0);
        for (&mine, &theirs) in self.0.iter().zip(&other.0) {
            surplus += u32::from(mine.saturating_sub(theirs));
            shortfall += u32::from(theirs.saturating_sub(mine));
        }
        surplus.max(shortfall) > u32::from(limit)
    }
}

/// Letters, digits, hyphen and dot each have a slot; every other character shares the last.
const SLOTS: usize = 39;

fn char_slot(c: char) -> usize {
    match c {
        'a'..='z' => c as usize - 'a' as usize,
        '0'..='9' => 26 + (c as usize - '0' as usize),
        '-' => 36,
        '.' => 37,
        _ => SLOTS - 1,
    }
}

/// The sketch bit of a character: one per slot.
fn char_bit(c: char) -> u64 {
    1 << char_slot(c)
}

/// One of 64 bits for a pair of neighbouring characters.
fn pair_bit(first: char, second: char) -> u64 {
    let hash = (u32::from(first).wrapping_mul(PAIR_MULTIPLIER) ^ u32::from(second))
        .wrapping_mul(PAIR_MULTIPLIER);
    1 << (hash >> 26)
}

/// The Damerau–Levenshtein distance in its optimal-string-alignment form (insertions,
/// deletions, substitutions and swaps of neighbours, each costing one), or `None` once it must
/// exceed `limit`. A common start and end cost nothing and are skipped, and only the diagonal
/// band `limit` wide can hold such distances, so only it is computed. Both sides are at most
/// [`MAX_COMPARED`] characters.
fn osa_within(a: &[char], b: &[char], limit: u8) -> Option<u8> {
    let (a, b) = without_common_ends(a, b);
    let band = usize::from(limit);
    if a.len().abs_diff(b.len()) > band {
        return None;
    }
    // Stands for every distance beyond the limit; cells outside the band hold it.
    let far = limit + 1;
    let mut rows = [[far; MAX_COMPARED + 2]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(band.min(b.len()) + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        let (current, previous, before) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let low = i.saturating_sub(band).max(1);
        let high = (i + band).min(b.len());
        rows[current][low - 1] = if low == 1 { i as u8 } else { far };
        let mut row_min = rows[current][low - 1];
        for j in low..=high {
            let substitution = rows[previous][j - 1] + u8::from(a[i - 1] != b[j - 1]);
            let mut distance = substitution
                .min(rows[previous][j] + 1)
                .min(rows[current][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                distance = distance.min(rows[before][j - 2] + 1);
            }
            rows[current][j] = distance;
            row_min = row_min.min(distance);
        }
        rows[current][high + 1] = far;
        if row_min > limit {
            return None;
        }
    }
    let distance = rows[a.len() % 3][b.len()];
    (distance <= limit).then_some(distance)
}

/// Both sides without the start and end they share.
fn without_common_ends<'a>(a: &'a [char], b: &'a [char]) -> (&'a [char], &'a [char]) {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (&a[..a.len() - end], &b[..b.len() - end])
}

/// RFC 5321 rules for the part after the `@`, with non-ASCII letters allowed (IDNA). Lengths
/// are counted in characters: the limits really apply to the ASCII (punycode) form, which is
/// not computed offline, so internationalised names get the benefit of the doubt.
fn validate_domain(domain: &str) -> Result<(), &'static str> {
    if domain.is_empty() {
        return Err("nothing after the @");
    }
    if domain.starts_with('[') {
        return validate_address_literal(domain);
    }
    if domain.len() > MAX_DOMAIN_CHARS && domain.chars().count() > MAX_DOMAIN_CHARS {
        return Err("the domain is longer than 253 characters");
    }
    if !domain.contains(DOTS) {
        return Err("no dot in the domain");
    }
    let mut ending = "";
    for label in domain.split(DOTS) {
        validate_label(label)?;
        ending = label;
    }
    if ending.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the domain's ending is all digits");
    }
    Ok(())
}

/// One dot-separated part of a domain.
fn validate_label(label: &str) -> Result<(), &'static str> {
    if label.is_empty() {
        return Err("the domain has an empty part between dots");
    }
    if label.len() > MAX_LABEL_CHARS && label.chars().count() > MAX_LABEL_CHARS {
        return Err("a part of the domain is longer than 63 characters");
    }
    for c in label.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            continue;
        }
        if is_blank(c) {
            return Err("space inside the domain");
        }
        if !is_non_ascii_text(c) {
            return Err("a character that is not allowed in the domain");
        }
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Err("a part of the domain starts or ends with a hyphen");
    }
    Ok(())
}

/// `[192.0.2.1]` or `[IPv6:2001:db8::1]`.
fn validate_address_literal(domain: &str) -> Result<(), &'static str> {
    let invalid = "the IP address in brackets is not valid";
    let inner = domain
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .ok_or(invalid)?;
    let valid = match inner.get(..IPV6_TAG.len()) {
        Some(tag) if tag.eq_ignore_ascii_case(IPV6_TAG) => {
            inner[IPV6_TAG.len()..].parse::<Ipv6Addr>().is_ok()
        }
        _ => inner.parse::<Ipv4Addr>().is_ok(),
    };
    if valid { Ok(()) } else { Err(invalid) }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    /// The textbook optimal-string-alignment distance, full table, no cut-off.
    fn reference_distance(a: &[char], b: &[char]) -> usize {
        let mut table = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in table.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in table[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (table[i - 1][j] + 1)
                    .min(table[i][j - 1] + 1)
                    .min(table[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(table[i - 2][j - 2] + 1);
                }
                table[i][j] = best;
            }
        }
        table[a.len()][b.len()]
    }

    #[test]
    fn distance_counts_each_kind_of_edit_once() {
        let distance = |a: &str, b: &str| osa_within(&chars(a), &chars(b), MAX_EDITS);
        assert_eq!(distance("gmail.com", "gmail.com"), Some(0));
        assert_eq!(distance("gmial.com", "gmail.com"), Some(1));
        assert_eq!(distance("gmai.com", "gmail.com"), Some(1));
        assert_eq!(distance("gmaill.com", "gmail.com"), Some(1));
        assert_eq!(distance("gnail.com", "gmail.com"), Some(1));
        assert_eq!(distance("gmial.con", "gmail.com"), Some(2));
        assert_eq!(distance("bücher.de", "bucher.de"), Some(1));
        assert_eq!(distance("example.com", "gmail.com"), None);
        assert_eq!(distance("ca", "abc"), None);
    }

    #[test]
    fn only_plain_local_parts_leave_the_verdict_to_the_domain() {
        let long = format!("{}@x.com", "a".repeat(MAX_LOCAL_BYTES + 1));
        for (address, domain) in [
            ("jane.doe@x.com", Some("x.com")),
            ("j@x", Some("x")),
            ("a+b_c-d.9@gmail.com", Some("gmail.com")),
            ("jane@x@y.com", Some("x@y.com")),
            (".jane@x.com", None),
            ("jane.@x.com", None),
            ("ja..ne@x.com", None),
            ("jane doe@x.com", None),
            ("jané@x.com", None),
            ("\"jane\"@x.com", None),
            ("@x.com", None),
            ("no-at-sign", None),
            (long.as_str(), None),
        ] {
            assert_eq!(domain_decides(address), domain, "{address}");
        }
    }

    /// Valid, fixable or invalid, without the details.
    fn kind(check: &Check) -> u8 {
        match check {
            Check::Valid => 0,
            Check::Fix(_) => 1,
            Check::Invalid(_) => 2,
        }
    }

    proptest! {
        #[test]
        fn plain_local_parts_leave_the_verdict_to_the_domain(
            first in "[a-z0-9][a-z0-9._+-]{0,20}",
            second in "[A-Z0-9][a-zA-Z0-9_+-]{0,8}",
            domain in "[ <>.,;:@a-z0-9ü-]{0,6}(gmial|gmail|yaho|hotmial|example|bücher)?[.,]{1,2}(com|con|co|de|cmo|net)?[ >.;]{0,2}",
        ) {
            let first_address = format!("{first}@{domain}");
            let second_address = format!("{second}@{domain}");
            if domain_decides(&first_address).is_some() && domain_decides(&second_address).is_some() {
                prop_assert_eq!(
                    kind(&check(&first_address)),
                    kind(&check(&second_address)),
                    "{} vs {}", first_address, second_address
                );
            }
        }

        #[test]
        fn cut_off_distance_agrees_with_the_reference(
            a in "[abc.]{0,12}",
            b in "[abc.]{0,12}",
            limit in 0..=MAX_EDITS,
        ) {
            let (a, b) = (chars(&a), chars(&b));
            let full = reference_distance(&a, &b);
            let expected = (full <= usize::from(limit)).then_some(full as u8);
            prop_assert_eq!(osa_within(&a, &b, limit), expected);
        }

        #[test]
        fn filters_only_rule_out_what_is_out_of_reach(
            a in "[a-e0-2.é-]{0,10}",
            b in "[a-e0-2.ü-]{0,10}",
            limit in 0..=MAX_EDITS,
        ) {
            let (a, b) = (chars(&a), chars(&b));
            let out_of_reach = reference_distance(&a, &b) > usize::from(limit);
            if Sketch::of(&a).rules_out(Sketch::of(&b), limit) {
                prop_assert!(out_of_reach);
            }
            if Counts::of(&a).rules_out(&Counts::of(&b), limit) {
                prop_assert!(out_of_reach);
            }
        }
    }

    #[test]
    fn listed_domains_are_lowercase_valid_distinct_and_fit_the_scan() {
        let mut seen = std::collections::HashSet::new();
        for domain in PROVIDERS.iter().chain(LOOKALIKES) {
            assert_eq!(*domain, domain.to_ascii_lowercase(), "{domain}");
            assert_eq!(validate_domain(domain), Ok(()), "{domain}");
            assert!(seen.insert(*domain), "{domain} is listed twice");
            assert!(
                domain.len() + usize::from(MAX_EDITS) < MAX_COMPARED,
                "{domain}"
            );
        }
    }

    #[test]
    fn every_listed_domain_is_left_alone() {
        for domain in PROVIDERS.iter().chain(LOOKALIKES) {
            assert_eq!(
                check(&format!("someone@{domain}")),
                Check::Valid,
                "{domain}"
            );
        }
    }

    #[test]
    fn ending_typos_are_not_real_endings_of_listed_domains() {
        let endings: Vec<&str> = PROVIDERS
            .iter()
            .chain(LOOKALIKES)
            .filter_map(|domain| domain.rsplit('.').next())
            .collect();
        for (typo, fixed) in IMPOSSIBLE_ENDINGS.iter().chain(COUNTRY_ENDING_SLIPS) {
            assert!(!endings.contains(typo), ".{typo} is a listed ending");
            assert!(endings.contains(fixed), ".{fixed} is not a listed ending");
        }
    }

    #[test]
    fn truncated_country_domains_block_corrections() {
        assert_eq!(INDEX.role("hotmail.co"), Some(Role::Truncation));
        assert_eq!(INDEX.role("yahoo.com"), Some(Role::Target));
        assert_eq!(INDEX.role("live.com"), Some(Role::Provider));
        assert_eq!(INDEX.role_of_parts("gmail", "com"), Some(Role::Target));
        assert_eq!(INDEX.role_of_parts("gmail", "co"), None);
    }

    #[test]
    fn nearest_reports_ties_and_short_names_as_blocked() {
        assert_eq!(
            INDEX.nearest("gmial.com".chars()),
            Reach::One {
                domain: "gmail.com",
                distance: 1
            }
        );
        assert_eq!(INDEX.nearest("hmail.com".chars()), Reach::Blocked);
        assert_eq!(INDEX.nearest("love.com".chars()), Reach::Blocked);
        assert_eq!(INDEX.nearest("example.com".chars()), Reach::Nothing);
        assert_eq!(
            INDEX.nearest("x".repeat(MAX_COMPARED + 1).chars()),
            Reach::Nothing
        );
    }

    #[test]
    fn domain_rules_reject_what_tidying_cannot_produce() {
        assert_eq!(
            validate_domain("a..b.com"),
            Err("the domain has an empty part between dots")
        );
        assert_eq!(validate_domain("例子。广告"), Ok(()));
        assert_eq!(validate_domain("[IPv6:2001:db8::1]"), Ok(()));
        assert_eq!(
            validate_domain("[2001:db8::1]"),
            Err("the IP address in brackets is not valid")
        );
    }

    #[test]
    fn lowercasing_borrows_unless_needed() {
        let lowercase = "gmail.com";
        assert!(
            matches!(ascii_lowercase(lowercase), Cow::Borrowed(b) if std::ptr::eq(b, lowercase))
        );
        assert_eq!(ascii_lowercase("GMAIL.Com"), "gmail.com");
        let long = "A".repeat(300);
        assert_eq!(ascii_lowercase(&long), "a".repeat(300));
    }

    /// Found by fuzzing: `İ` lowercases to two characters, which pushed a 63-character part
    /// of a suggested domain over the limit.
    #[test]
    fn suggestions_keep_the_domain_within_its_limits() {
        let address = format!("jane@@x{}.example.com", "İ".repeat(62));
        let Check::Fix(fix) = check(&address) else {
            panic!("{address} should be fixed");
        };
        assert!(
            matches!(check(&fix.address), Check::Valid),
            "{}",
            fix.address
        );
        assert_eq!(lowercase_domain("BÜCHER.De"), "bücher.de");
    }

    /// Found by fuzzing: a domain longer than the old lowercasing buffer kept its impossible
    /// ending while it had capitals, so the suggested (lowercase) address needed a fix itself.
    #[test]
    fn long_domains_in_capitals_are_corrected_like_lowercase_ones() {
        let address = format!("jane@G{0}.{0}.{0}Mail,coom", "ü".repeat(55));
        let Check::Fix(fix) = check(&address) else {
            panic!("{address} should be fixed");
        };
        assert!(fix.address.ends_with("mail.com"), "{}", fix.address);
        assert!(
            matches!(check(&fix.address), Check::Valid),
            "{}",
            fix.address
        );
    }
}
