//! Turning a file's bytes into text. Exports arrive as UTF-8 (with or without Excel's BOM),
//! UTF-16 "Unicode text", or Windows-1252 from older Excel; the user must never have to know
//! which, and nothing may vanish silently.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::records::Mode;

/// Decoded text and how it was obtained.
#[derive(Debug)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// The encoding used, by its WHATWG name.
    pub encoding: &'static str,
    /// Byte offsets (in `text`) of U+FFFD characters introduced by decoding.
    pub replaced_at: Vec<usize>,
}

/// Decodes `bytes`, honouring `forced` (from `--encoding`) when given. Detection order: BOM,
/// UTF-16 without BOM (alternating NUL bytes), UTF-8 (damaged bytes replaced and counted), then
/// Windows-1252, which accepts every byte, so a legacy export never fails to load.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    if let Some(encoding) = forced {
        let body = strip_bom(bytes, encoding);
        return decode_with(body, encoding);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(&bytes[bom_len..], encoding);
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return decode_with(bytes, encoding);
    }
    if mostly_utf8(bytes) {
        decode_with(bytes, UTF_8)
    } else {
        decode_with(bytes, WINDOWS_1252)
    }
}

/// Valid UTF-8, or UTF-8 with a few damaged bytes (a bad copy-paste into one cell): decoding
/// the whole file as Windows-1252 then would garble every accented name to fix one cell. Only
/// when invalid sequences outnumber valid non-ASCII characters is the file legacy-encoded.
pub(crate) fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_non_ascii = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid == 0 || valid_non_ascii > invalid
}

fn strip_bom<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> &'a [u8] {
    match Encoding::for_bom(bytes) {
        Some((bom, len)) if bom == encoding => &bytes[len..],
        _ => bytes,
    }
}

/// Decodes with a known encoding. Replacement characters are located only when decoding
/// reported errors, so a U+FFFD that was already in the file is not blamed on the decoder.
fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let replaced_at = if had_errors {
        text.char_indices()
            .filter(|(_, c)| *c == char::REPLACEMENT_CHARACTER)
            .map(|(i, _)| i)
            .collect()
    } else {
        Vec::new()
    };
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        replaced_at,
    }
}

/// UTF-16 text saved without a BOM shows NUL in every other byte for ASCII content; which
/// half holds the NULs gives the byte order.
pub(crate) fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let mostly = |count: usize| count * 10 >= pairs * 7;
    let rarely = |count: usize| count * 10 <= pairs;
    if mostly(odd_nuls) && rarely(even_nuls) {
        Some(UTF_16LE)
    } else if mostly(even_nuls) && rarely(odd_nuls) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// How to read a UTF-8-or-legacy file whose first bytes are `sample`: ASCII so far leaves the
/// choice to the first non-ASCII field; otherwise the same rule as [`decode`]. A sample cut in
/// the middle of a character is trimmed to its last line break first.
pub(crate) fn head_mode(sample: &[u8]) -> Mode {
    if sample.is_ascii() {
        return Mode::Undecided;
    }
    let whole_lines = match memchr::memrchr(b'\n', sample) {
        Some(end) => &sample[..=end],
        None => sample,
    };
    if mostly_utf8(whole_lines) {
        Mode::Utf8
    } else {
        Mode::Windows1252
    }
}

/// Resolves an `--encoding` value (`utf-8`, `utf-16le`, `windows-1252`, `latin1`, …) by its
/// WHATWG label.
pub fn encoding_by_name(name: &str) -> Option<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_removed() {
        let decoded = decode(b"\xEF\xBB\xBFEmail\r\na@b.com\r\n", None);
        assert_eq!(decoded.text, "Email\r\na@b.com\r\n");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let decoded = decode(b"name\nM\xFCller\n", None);
        assert_eq!(decoded.text, "name\nMüller\n");
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.replaced_at.is_empty());
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        le.extend("Email\tName\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le, None).text, "Email\tName\n");
        let be: Vec<u8> = "Email\tName\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let decoded = decode(&be, None);
        assert_eq!(decoded.text, "Email\tName\n");
        assert_eq!(decoded.encoding, "UTF-16BE");
    }

    #[test]
    fn a_damaged_byte_in_utf8_is_replaced_not_reinterpreted() {
        let bytes = ["José,Zoë\nbad ".as_bytes(), b"\xFF", b" here\n"].concat();
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.starts_with("José,Zoë"));
        assert_eq!(decoded.replaced_at.len(), 1);
    }

    #[test]
    fn forced_utf8_counts_replacements() {
        let decoded = decode(b"a\xFFb\xFEc", Some(UTF_8));
        assert_eq!(decoded.text, "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(decoded.replaced_at, vec![1, 5]);
    }
}
