//! Guessing the field delimiter from the content, the way a person would: the character that
//! splits most lines into the same number of fields.

/// The delimiters exports use, in order of preference when the evidence ties.
pub const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

const SAMPLE_LINES: usize = 50;

/// Picks the delimiter that gives the most consistent, non-trivial field count over the first
/// lines (quotes respected); `None` when no candidate appears at all, as in a one-column list.
pub fn sniff_delimiter(text: &str) -> Option<u8> {
    let lines = sample_lines(text);
    CANDIDATES
        .iter()
        .rev()
        .filter_map(|&delimiter| score(&lines, delimiter).map(|s| (s, delimiter)))
        .max_by_key(|(score, _)| *score)
        .map(|(_, delimiter)| delimiter)
}

/// Logical lines (a quoted field may span physical lines), blank ones skipped.
fn sample_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut in_quotes = false;
    for (i, byte) in text.bytes().enumerate() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => {
                let line = &text[start..i];
                if !line.trim().is_empty() {
                    lines.push(line);
                }
                start = i + 1;
                if lines.len() == SAMPLE_LINES {
                    return lines;
                }
            }
            _ => {}
        }
    }
    if !text[start..].trim().is_empty() {
        lines.push(&text[start..]);
    }
    lines
}

/// Percentage of lines agreeing with the most common field count, then that count (more
/// fields is stronger evidence); `None` when the delimiter never splits anything.
fn score(lines: &[&str], delimiter: u8) -> Option<(usize, usize)> {
    let counts: Vec<usize> = lines.iter().map(|l| fields_in(l, delimiter)).collect();
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for &count in &counts {
        match tally.iter_mut().find(|(c, _)| *c == count) {
            Some((_, n)) => *n += 1,
            None => tally.push((count, 1)),
        }
    }
    let (mode, agreeing) = tally.into_iter().max_by_key(|&(count, n)| (n, count))?;
    if mode < 2 {
        return None;
    }
    Some((agreeing * 100 / counts.len(), mode))
}

fn fields_in(line: &str, delimiter: u8) -> usize {
    let mut in_quotes = false;
    let mut fields = 1;
    for byte in line.bytes() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b if b == delimiter && !in_quotes => fields += 1,
            _ => {}
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_consistent_delimiter() {
        let comma = "Email,Reason\na@b.com,\"550 5.1.1 no; such user\"\nc@d.com,full\n";
        assert_eq!(sniff_delimiter(comma), Some(b','));
        let semicolon = "E-mail;Name;Reason\na@b.com;Müller, Hans;550\nc@d.com;Øster, Ida;552\n";
        assert_eq!(sniff_delimiter(semicolon), Some(b';'));
        let tab = "Email\tName\na@b.com\tAnn\n";
        assert_eq!(sniff_delimiter(tab), Some(b'\t'));
        let pipe = "email|code\na@b.com|550\n";
        assert_eq!(sniff_delimiter(pipe), Some(b'|'));
    }

    #[test]
    fn one_column_lists_have_none() {
        assert_eq!(sniff_delimiter("a@b.com\nc@d.com\n\ne@f.com\n"), None);
    }
}
