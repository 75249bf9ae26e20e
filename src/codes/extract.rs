//! Finding SMTP codes inside free text. Receiving servers write whatever they like around their
//! codes (IP addresses, versions, dates, provider ids), so a code is only accepted where its
//! shape *and* its surroundings say it is one.

use super::{ReplyCode, StatusCode};
use crate::swar::first_digit;

/// The codes found in one piece of text (or code column): the main ones a user should see, and
/// the rest, kept because a transcript often nests an earlier failure inside a later one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Codes {
    /// The first traditional reply code in the text.
    pub reply: Option<ReplyCode>,
    /// The most specific enhanced code consistent with the reply's class.
    pub status: Option<StatusCode>,
    /// Every other reply code, in order of appearance.
    pub other_replies: Vec<ReplyCode>,
    /// Every other enhanced code, in order of appearance.
    pub other_statuses: Vec<StatusCode>,
}

impl Codes {
    /// True when nothing code-like was found.
    pub fn is_empty(&self) -> bool {
        self.reply.is_none() && self.status.is_none()
    }

    /// Combines an explicit code column with what the reason text says. The column is what the
    /// platform recorded on purpose, so its codes win; the text's codes are kept as others.
    pub fn merged_with(self, text: Codes) -> Codes {
        let reply = self.reply.or(text.reply);
        let status = self.status.or(text.status);
        let replies = self.reply.iter().chain(&self.other_replies);
        let statuses = self.status.iter().chain(&self.other_statuses);
        let text_replies = text.reply.iter().chain(&text.other_replies);
        let text_statuses = text.status.iter().chain(&text.other_statuses);
        Codes {
            reply,
            status,
            other_replies: others(reply, replies.chain(text_replies)),
            other_statuses: others(status, statuses.chain(text_statuses)),
        }
    }
}

/// The codes other than `main`, each once, in order of appearance; allocates only when there
/// are some (most texts hold one reply and one status).
fn others<'c, T: PartialEq + Copy + 'c>(
    main: Option<T>,
    found: impl IntoIterator<Item = &'c T>,
) -> Vec<T> {
    let mut others = Vec::new();
    for &code in found {
        if Some(code) != main && !others.contains(&code) {
            others.push(code);
        }
    }
    others
}

/// Extracts every reply and enhanced code from `text` and picks the main ones.
pub fn extract(text: &str) -> Codes {
    extract_with(text, &mut Found::default())
}

/// Room for the codes of one text, kept between texts so extracting allocates nothing but
/// the result's rare "other" codes.
#[derive(Debug, Default)]
pub struct Found {
    replies: Vec<ReplyCode>,
    statuses: Vec<StatusCode>,
}

/// [`extract`] with room kept by the caller, for the loader's hot path.
pub fn extract_with(text: &str, found: &mut Found) -> Codes {
    let bytes = text.as_bytes();
    let Found { replies, statuses } = found;
    replies.clear();
    statuses.clear();
    let mut i = 0;
    while let Some(digit) = first_digit(&bytes[i..]) {
        let at = i + digit;
        if inside_a_word(&bytes[i..at]) || (at > 0 && !may_precede_code(bytes[at - 1])) {
            i = skip_word(bytes, at);
            continue;
        }
        let end = numeric_run_end(bytes, at);
        let token = trim_trailing_dots(&text[at..end]);
        let follow = &bytes[at + token.len()..];
        if let Some(status) = status_token(token, follow) {
            statuses.push(status);
        } else if let Some(reply) = reply_token(token, follow, opens_text(&bytes[..at])) {
            replies.push(reply);
        }
        i = end;
    }
    let reply = replies.first().copied();
    let status = main_status(statuses, reply);
    Codes {
        reply,
        status,
        other_replies: others(reply, replies.iter()),
        other_statuses: others(status, statuses.iter()),
    }
}

/// Characters after which a code may start: white space and the punctuation servers put
/// before codes (`#5.1.0`, `550-5.1.1`, `smtp;550`, `(5.1.1)`, `<421 …>`). Anything else — a
/// letter, a dot, `[`, `/`, `$` — means the digits belong to an id, an address or a URL.
fn may_precede_code(byte: u8) -> bool {
    byte.is_ascii_whitespace()
        || matches!(
            byte,
            b'#' | b'('
                | b'<'
                | b';'
                | b':'
                | b'"'
                | b'\''
                | b'='
                | b'-'
                | b'>'
                | b'*'
                | b'{'
                | b'|'
                | b'!'
        )
}

/// Whether a digit right after `before` (text without digits, from where the scan is) is in
/// the middle of a word that starts with a letter: a word is read from its start, and one
/// starting with a letter is skipped whole, digits and all.
fn inside_a_word(before: &[u8]) -> bool {
    before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_'))
        .any(u8::is_ascii_alphabetic)
}

/// Advances past a whole word, so `a1si123456wrb.12` or `IB607` are skipped at once instead of
/// having a code found in their middle.
fn skip_word(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'.' | b'_')) {
        i += 1;
    }
    i
}

fn numeric_run_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
        i += 1;
    }
    i
}

fn trim_trailing_dots(token: &str) -> &str {
    token.trim_end_matches('.')
}

/// A dotted token is a status code only with exactly three parts, a valid class and subject,
/// and nothing glued to its end: this rejects IPv4 addresses, dotted dates, `4.16.55.1` and
/// version strings like `2.11.3`.
fn status_token(token: &str, follow: &[u8]) -> Option<StatusCode> {
    if token.bytes().filter(|&b| b == b'.').count() != 2 || glued(follow) {
        return None;
    }
    let mut parts = token.split('.');
    let (class, subject, detail) = (parts.next()?, parts.next()?, parts.next()?);
    if class.len() != 1 || subject.len() > 1 && subject.starts_with('0') {
        return None;
    }
    if detail.len() > 1 && detail.starts_with('0') {
        return None;
    }
    StatusCode::parse(token)
}

/// A reply code is three digits standing alone. It must be followed by the end of text, a
/// space or SMTP's continuation dash, or closing punctuation; if a space is followed by
/// another number, that number must itself be a code (`550 550 5.7.1`), which rules out
/// counters like `quota 552 1` — unless the code opens the text. `000` is the article's
/// non-standard code and only counts when it opens the text.
fn reply_token(token: &str, follow: &[u8], at_start: bool) -> Option<ReplyCode> {
    if token.len() != 3 || (token == "000" && !at_start) {
        return None;
    }
    let code = ReplyCode::parse(token)?;
    match follow.first() {
        None => Some(code),
        Some(b'-' | b')' | b'>' | b';' | b',' | b'"' | b'\'' | b'\r' | b'\n' | b'\t' | b'<') => {
            Some(code)
        }
        Some(b' ') => (at_start || next_word_allows_reply(&follow[1..])).then_some(code),
        Some(b'.') => follow
            .get(1)
            .is_none_or(|b| !b.is_ascii_digit())
            .then_some(code),
        Some(b':') => follow
            .get(1)
            .is_none_or(|b| !b.is_ascii_digit())
            .then_some(code),
        _ => None,
    }
}

fn next_word_allows_reply(rest: &[u8]) -> bool {
    let rest = trim_leading_spaces(rest);
    let Some(first) = rest.first() else {
        return true;
    };
    if !first.is_ascii_digit() {
        return true;
    }
    let word_end = rest
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    if rest[..word_end].contains(&b'@') {
        return true;
    }
    let end = numeric_run_end(rest, 0);
    let word = std::str::from_utf8(&rest[..end]).unwrap_or_default();
    let word = trim_trailing_dots(word);
    let follow = &rest[word.len()..];
    status_token(word, follow).is_some() || (word.len() == 3 && ReplyCode::parse(word).is_some())
}

fn trim_leading_spaces(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| **b == b' ').count();
    &bytes[skip..]
}

fn glued(follow: &[u8]) -> bool {
    follow
        .first()
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b'%'))
}

/// Whether everything before a position is white space or punctuation: a code that opens the
/// text (`552 1 Requested mail action aborted`) is a reply code whatever follows it.
fn opens_text(before: &[u8]) -> bool {
    before.iter().all(|b| !b.is_ascii_alphanumeric())
}

/// Picks the status a user should see: among the codes whose class agrees with the reply (or
/// all of them when none agrees, as when a `554` wraps `4.4.7`), the most specific, earliest.
fn main_status(statuses: &[StatusCode], reply: Option<ReplyCode>) -> Option<StatusCode> {
    let agrees = |s: &StatusCode| reply.is_none_or(|r| r.class() == s.class);
    let some_agree = statuses.iter().any(agrees);
    statuses
        .iter()
        .enumerate()
        .filter(|(_, s)| !some_agree || agrees(s))
        .max_by_key(|(index, s)| (specificity(s), std::cmp::Reverse(*index)))
        .map(|(_, s)| *s)
}

/// `X.0.0` says least, `X.Y.0` more, `X.Y.Z` most.
fn specificity(status: &StatusCode) -> u8 {
    u8::from(status.subject != 0) + u8::from(status.detail != 0)
}

/// Copies `text` into `out` with the parts that differ from one recipient or message to the
/// next — email addresses, IPv4 addresses, tokens starting with four or more digits (ids,
/// counters, timestamps) and long words mixing letters and digits (message and queue ids such
/// as Gmail's `5fb427d7c29a1-5ce9ade80dfsi0f3` or Outlook's `BW6PEPF0000C25C`) — replaced by
/// placeholders, so the thousands of copies of one server message become one. The words
/// survive; the codes are taken from the text itself, since a code glued to an address
/// (`550-bob@example.com`) goes with it. Masking masked text changes nothing.
pub fn mask_variable_parts(text: &str, out: &mut String) {
    mask_addresses(text, out);
    mask_numbers(out);
}

/// Replaces each address with `@`.
fn mask_addresses(text: &str, out: &mut String) {
    out.clear();
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'@', &bytes[i..]).map(|at| i + at) {
        let start = at
            - bytes[copied..at]
                .iter()
                .rev()
                .take_while(|b| is_local_part(**b))
                .count();
        let end = at
            + 1
            + bytes[at + 1..]
                .iter()
                .take_while(|b| is_domain_part(**b))
                .count();
        if start == at || end == at + 1 {
            i = at + 1;
            continue;
        }
        out.push_str(&text[copied..start]);
        out.push('@');
        copied = end;
        i = end;
    }
    out.push_str(&text[copied..]);
}

/// The shortest word of letters and digits mixing both that is taken for an id: `gbrprd13`
/// and `mwinf5c23` are, the `[TS01]` codes some rules read are not.
const ID_WORD: usize = 8;

/// Replaces IPv4 addresses with `0.0.0.0`, tokens starting with four or more digits (ids,
/// counters, timestamps, with any dotted or ISO-timestamp tail) with `0` and id words with
/// `id`, in place: every placeholder is no longer than what it replaces, so the text is
/// compacted as it is read. (Only the byte just before the scan position may already be
/// rewritten, and then with a placeholder's last byte where a byte of the same kind, a digit
/// or a letter, was: whether it is a digit or a letter, all that is read of it, is unchanged.)
fn mask_numbers(text: &mut String) {
    let mut bytes = std::mem::take(text).into_bytes();
    let mut written = 0;
    let mut copied = 0;
    let mut i = 0;
    while let Some(digit) = first_digit(&bytes[i..]) {
        let Some((start, end, placeholder)) = token_around(&bytes, i, i + digit) else {
            i += digit + 1;
            continue;
        };
        if !placeholder.is_empty() {
            bytes.copy_within(copied..start, written);
            written += start - copied;
            bytes[written..written + placeholder.len()].copy_from_slice(placeholder.as_bytes());
            written += placeholder.len();
            copied = end;
        }
        i = end;
    }
    bytes.copy_within(copied.., written);
    written += bytes.len() - copied;
    bytes.truncate(written);
    *text = String::from_utf8(bytes)
        .unwrap_or_else(|damaged| String::from_utf8_lossy(damaged.as_bytes()).into_owned());
}

/// The token a digit at `digit` belongs to, the scan being at `from` (bytes before it may be
/// rewritten already): where it starts and ends, and its placeholder (empty for a token kept
/// as it is). Only digits can make a token, so the scan jumps from digit to digit and words
/// without one are never looked at. A word is judged whole, from its start, the first time
/// one of its digits is reached: an id, or else the number starting at that digit.
fn token_around(bytes: &[u8], from: usize, digit: usize) -> Option<(usize, usize, &'static str)> {
    let back = bytes[from..digit]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let start = digit - back;
    let previous = start.checked_sub(1).map(|p| bytes[p]);
    let word_start = previous.is_none_or(|b| !b.is_ascii_alphanumeric());
    if word_start {
        let (len, has_letter) = word_at(&bytes[start..]);
        if len >= ID_WORD && has_letter {
            return Some((start, start + len, "id"));
        }
    } else if back == 0 && previous.is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    let (end, placeholder) = number_token(bytes, digit);
    Some((digit, end, placeholder))
}

/// The length of the word of ASCII letters and digits `text` starts with, and whether it has
/// a letter (the words looked at here always have a digit).
fn word_at(text: &[u8]) -> (usize, bool) {
    let len = text
        .iter()
        .take_while(|byte| byte.is_ascii_alphanumeric())
        .count();
    (len, text[..len].iter().any(u8::is_ascii_alphabetic))
}

/// A token of digits and dots starting at `i`: an IPv4 address, a long number (with its
/// timestamp tail), or digits kept as they are.
fn number_token(bytes: &[u8], i: usize) -> (usize, &'static str) {
    let end = i + bytes[i..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .count();
    let dots = bytes[i..end]
        .iter()
        .rev()
        .take_while(|b| **b == b'.')
        .count();
    let token = &bytes[i..end - dots];
    let end = i + token.len();
    let is_ip = token.split(|b| *b == b'.').count() == 4
        && token
            .split(|b| *b == b'.')
            .all(|part| (1..=3).contains(&part.len()));
    let digits = token.iter().take_while(|b| b.is_ascii_digit()).count();
    if is_ip {
        (masked_end(bytes, end), "0.0.0.0")
    } else if digits >= 4 {
        (masked_end(bytes, end), "0")
    } else {
        (end.max(i + 1), "")
    }
}

/// Where a masked number's tail ends: letters, digits and dots glued to it (`Z`, `.us290`),
/// and `-` or `:` before a digit (`-01-30T23:34:58.593Z`), but not dots it ends with. So its
/// placeholder never joins what follows into a new token to mask.
fn masked_end(bytes: &[u8], mut end: usize) -> usize {
    while let Some(&byte) = bytes.get(end) {
        let next_is_digit = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        match byte {
            b'.' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => end += 1,
            b'-' | b':' if next_is_digit => end += 1,
            _ => break,
        }
    }
    while bytes[end - 1] == b'.' {
        end -= 1;
    }
    end
}

/// Where `address` stands in `text` such that any other address of the same kind in its place
/// would give the same codes and the same masked text, or `None`. Many servers quote the
/// recipient (`Recipient jsmith@x.com not found`), which makes nearly every such text unique;
/// a text with its own recipient cut out repeats like any other.
///
/// The kind: one `@` between a non-empty local part and domain made only of address
/// characters, at least one ASCII letter, and no ASCII digit first or right after a `-`.
/// Standing alone: the bytes on either side (if any) are neither address characters nor `@`.
/// Then masking replaces exactly those bytes with one `@` (no address around them can reach
/// into them: an `@` right before would take the local part as its domain). And code
/// extraction finds nothing in them and reads nothing of them: a code starts only at a digit
/// after white space or punctuation, and of the address characters only `-` is such
/// punctuation; a digit after a letter, `.` or `_` is skipped with its word, which ends at the
/// address's end; what follows a code is read only for a digit or for what may be glued to it;
/// and a code's last byte, a digit, cannot be right before an address standing alone.
pub fn neutral_address_at(text: &str, address: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let local = memchr::memchr(b'@', address.as_bytes())?;
    let apart = |byte: u8| !is_local_part(byte) && byte != b'@';
    let start = memchr::memchr_iter(b'@', bytes).find_map(|at| {
        let start = at.checked_sub(local)?;
        let end = start + address.len();
        let alone = start.checked_sub(1).is_none_or(|b| apart(bytes[b]))
            && bytes.get(end).is_none_or(|&b| apart(b));
        (alone && bytes.get(start..end) == Some(address.as_bytes())).then_some(start)
    })?;
    is_neutral_address(address.as_bytes(), local).then_some(start)
}

/// Whether `address`, with its first `@` at `at`, is of the kind [`neutral_address_at`] cuts.
fn is_neutral_address(address: &[u8], at: usize) -> bool {
    let (local, domain) = (&address[..at], &address[at + 1..]);
    !local.is_empty()
        && !domain.is_empty()
        && local.iter().all(|&b| is_local_part(b))
        && domain.iter().all(|&b| is_domain_part(b))
        && !address[0].is_ascii_digit()
        && !address
            .windows(2)
            .any(|pair| pair[0] == b'-' && pair[1].is_ascii_digit())
        && address.iter().any(u8::is_ascii_alphabetic)
}

/// Address characters; bytes of non-ASCII characters count, so internationalised addresses
/// are masked whole (and a span never ends inside a character).
fn is_local_part(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80 || matches!(byte, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain_part(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80 || matches!(byte, b'.' | b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn main_codes(text: &str) -> (Option<String>, Option<String>) {
        let codes = extract(text);
        (
            codes.reply.map(|r| r.to_string()),
            codes.status.map(|s| s.to_string()),
        )
    }

    fn pair(reply: Option<&str>, status: Option<&str>) -> (Option<String>, Option<String>) {
        (reply.map(String::from), status.map(String::from))
    }

    #[test]
    fn gmail_continuation_line() {
        let text = "smtp; 550-5.1.1 The email account that you tried to reach does not exist";
        assert_eq!(main_codes(text), pair(Some("550"), Some("5.1.1")));
    }

    #[test]
    fn hash_prefixed_status() {
        assert_eq!(
            main_codes("#5.1.0 Address rejected"),
            pair(None, Some("5.1.0"))
        );
    }

    #[test]
    fn ip_address_is_not_a_code() {
        let text = "host mx[192.0.2.8] said: 552 5.2.2 mailbox full (in reply to RCPT TO command)";
        let codes = extract(text);
        assert_eq!(codes.reply.map(|r| r.to_string()).as_deref(), Some("552"));
        assert_eq!(
            codes.status.map(|s| s.to_string()).as_deref(),
            Some("5.2.2")
        );
        assert!(codes.other_statuses.is_empty());
        assert!(codes.other_replies.is_empty());
    }

    #[test]
    fn provider_ids_counters_and_brackets_are_not_codes() {
        assert!(extract("ref 4.16.55.1 queued").is_empty());
        assert!(extract("quota 552 1 exceeded").is_empty());
        assert!(extract("error [416] from IB607").is_empty());
        assert!(extract("Postfix 2.11.3 at 12:04:55 on 2024.03.01").is_empty());
        assert!(extract("client v2.1.0").is_empty());
    }

    #[test]
    fn prefers_specific_status_agreeing_with_reply() {
        let codes = extract("550 550 5.0.0 <x@y> 5.7.1 SPF unauthorized");
        assert_eq!(codes.status, StatusCode::parse("5.7.1"));
        assert_eq!(
            codes.other_statuses,
            vec![StatusCode::parse("5.0.0").unwrap()]
        );
    }

    #[test]
    fn permanent_reply_wrapping_transient_status() {
        let text = "554 4.4.7 Message expired <421 4.4.2 Connection timed out>";
        let codes = extract(text);
        assert_eq!(codes.reply, ReplyCode::parse("554"));
        assert_eq!(codes.status, StatusCode::parse("4.4.7"));
        assert_eq!(codes.other_replies, vec![ReplyCode::parse("421").unwrap()]);
        assert_eq!(
            codes.other_statuses,
            vec![StatusCode::parse("4.4.2").unwrap()]
        );
    }

    #[test]
    fn three_digit_details_are_real() {
        assert_eq!(
            main_codes("550 5.7.606 Access denied"),
            pair(Some("550"), Some("5.7.606"))
        );
        assert_eq!(main_codes("5.1.10 null MX"), pair(None, Some("5.1.10")));
    }

    #[test]
    fn article_zero_code_only_at_start() {
        assert_eq!(
            main_codes("000 Domain name does not exist"),
            pair(Some("000"), None)
        );
        assert!(extract("sent 1 000 messages").is_empty());
    }

    #[test]
    fn variable_parts_are_masked_but_codes_kept() {
        let mut out = String::new();
        let text = "host mx.x.com[192.0.2.8] said: 550 5.1.1 <k.berg@x.com>: unknown (id 123456)";
        mask_variable_parts(text, &mut out);
        assert_eq!(
            out,
            "host mx.x.com[0.0.0.0] said: 550 5.1.1 <@>: unknown (id 0)"
        );
        mask_variable_parts("5.7.606 Access denied [192.0.2.44] AS(1430)", &mut out);
        assert_eq!(out, "5.7.606 Access denied [0.0.0.0] AS(0)");
        mask_variable_parts("Zoë 552 1 über@bücher.de", &mut out);
        assert_eq!(out, "Zoë 552 1 @");
    }

    /// Each refusal guards a case where swapping the address for another would change the
    /// codes or the masked text.
    #[test]
    fn a_neutral_address_is_plain_and_stands_alone() {
        let codes_differ = |a: &str, b: &str| extract(a) != extract(b);
        let masks_differ = |a: &str, b: &str| {
            let (mut x, mut y) = (String::new(), String::new());
            mask_variable_parts(a, &mut x);
            mask_variable_parts(b, &mut y);
            x != y
        };
        let text = "Recipient <jo.smith@x.com> not found";
        assert_eq!(neutral_address_at(text, "jo.smith@x.com"), Some(11));
        assert_eq!(
            neutral_address_at("(m.lee7@x.com)", "m.lee7@x.com"),
            Some(1)
        );
        // A digit after `-` or first: `jo-550-x` and `550.jo` hold a reply code, `mx-5.1.1.com`
        // a status.
        assert!(codes_differ("to jo-550-x@y.z", "to jo@y.z"));
        assert_eq!(neutral_address_at("to jo-550-x@y.z", "jo-550-x@y.z"), None);
        assert!(codes_differ("to x@mx-5.1.1.com", "to x@mx.com"));
        assert_eq!(
            neutral_address_at("to x@mx-5.1.1.com", "x@mx-5.1.1.com"),
            None
        );
        assert!(codes_differ("to 550.jo@y", "to jo@y"));
        assert_eq!(neutral_address_at("to 550.jo@y", "550.jo@y"), None);
        // No letter: a code after it would open the text.
        assert!(codes_differ("-@- 550 12", "jo@mx 550 12"));
        assert_eq!(neutral_address_at("-@- 550 12", "-@-"), None);
        // Glued to a code before or after.
        assert!(codes_differ("550.x@com", "550jo@mx"));
        assert_eq!(neutral_address_at("550.x@com", ".x@com"), None);
        assert!(codes_differ("jo@mx-550 x", "jo@mx550 x"));
        assert_eq!(neutral_address_at("jo@mx-550 x", "jo@mx-"), None);
        // An `@` right before takes the local part as its domain.
        assert!(masks_differ("x@jo@mx", "x@x@com"));
        assert_eq!(neutral_address_at("x@jo@mx", "jo@mx"), None);
    }

    #[test]
    fn message_ids_and_timestamps_are_masked_but_short_codes_kept() {
        let mut out = String::new();
        let gmail = "550 5.1.1 NoSuchUser 5fb427d7c29a1-5ce9ade80dfsi0f3.42 - gsmtp";
        mask_variable_parts(gmail, &mut out);
        assert_eq!(out, "550 5.1.1 NoSuchUser id-id.42 - gsmtp");
        let outlook =
            "[BW6PEPF0000C25C.gbrprd13.prod.outlook.com 2025-01-01T01:40:22.936Z 08DE7BF9]";
        mask_variable_parts(outlook, &mut out);
        assert_eq!(out, "[id.id.prod.outlook.com 0 id]");
        mask_variable_parts(
            "554 [TS01] mta2657 see 2025-03-04 then 192.0.2.1x",
            &mut out,
        );
        assert_eq!(out, "554 [TS01] mta0 see 0 then 0.0.0.0");
        mask_variable_parts("queued 12345Thanks", &mut out);
        assert_eq!(out, "queued id");
    }

    #[test]
    fn column_codes_win_over_text() {
        let column = extract("5.2.2");
        let text = extract("550 5.1.1 user unknown");
        let merged = column.merged_with(text);
        assert_eq!(merged.status, StatusCode::parse("5.2.2"));
        assert_eq!(merged.reply, ReplyCode::parse("550"));
        assert_eq!(
            merged.other_statuses,
            vec![StatusCode::parse("5.1.1").unwrap()]
        );
    }
}
