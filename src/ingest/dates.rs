//! Reading the many ways exports write a date. Only the calendar day matters to bouncelens
//! (breakdowns are by month), so times and zones are parsed where needed and then dropped.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Day-first formats (European exports) and month-first ones (US Excel) look the same when the
/// day is 12 or less; slashes are read month-first unless the first number cannot be a month,
/// dots and dashes with the year last are read day-first, as those locales write them.
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%m/%d/%y",
    "%d.%m.%y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%b %d %Y",
    "%Y%m%d",
];

/// Parses `text` into a calendar day, or `None` when no known format fits.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(day) = numeric_date(text) {
        return Some(day);
    }
    if let Some(day) = unix_seconds(text) {
        return Some(day);
    }
    if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
        return Some(moment.date_naive());
    }
    if let Ok(moment) = DateTime::parse_from_rfc2822(text) {
        return Some(moment.date_naive());
    }
    if let Ok(moment) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(moment.date());
    }
    let day_part = date_part(text);
    DATE_FORMATS
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(day_part, format).ok())
        .filter(plausible)
}

/// The two shapes most exports use, read by hand because they are most of a million rows:
/// `YYYY-MM-DD…` (ISO, any time after it) and `M/D/YYYY…` (US Excel; day first when the first
/// number cannot be a month). Anything else goes to the general formats.
fn numeric_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = bytes.get(range)?;
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let ends_date = |at: usize| bytes.get(at).is_none_or(|b| matches!(b, b' ' | b'T'));
    if bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' && ends_date(10) {
        let day = NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?);
        return day.filter(plausible);
    }
    let first_slash = bytes.iter().take(3).position(|&b| b == b'/')?;
    let second_slash = first_slash
        + 1
        + bytes[first_slash + 1..]
            .iter()
            .take(3)
            .position(|&b| b == b'/')?;
    let year_end = second_slash + 5;
    if !ends_date(year_end) {
        return None;
    }
    let first = number(0..first_slash)?;
    let second = number(first_slash + 1..second_slash)?;
    let year = number(second_slash + 1..year_end)? as i32;
    let (month, day) = if first > 12 {
        (second, first)
    } else {
        (first, second)
    };
    NaiveDate::from_ymd_opt(year, month, day).filter(plausible)
}

/// Strips a trailing time (`10:11`, `10:11:12`, `10:11 AM`, `T10:11:12Z`) so one list of day
/// formats serves all.
fn date_part(text: &str) -> &str {
    let cut = text
        .char_indices()
        .find(|(i, c)| {
            (*c == ' ' || *c == 'T') && text[i + 1..].contains(':') && !text[..*i].ends_with(',')
        })
        .map(|(i, _)| i);
    match cut {
        Some(i) if text[..i].bytes().any(|b| b.is_ascii_digit()) && i >= 6 => text[..i].trim(),
        _ => text,
    }
}

/// SendGrid and others write Unix seconds; anything from 2000 to 2100 counts.
fn unix_seconds(text: &str) -> Option<NaiveDate> {
    if !(9..=10).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: i64 = text.parse().ok()?;
    const Y2000: i64 = 946_684_800;
    const Y2100: i64 = 4_102_444_800;
    (Y2000..Y2100)
        .contains(&seconds)
        .then(|| DateTime::from_timestamp(seconds, 0))
        .flatten()
        .map(|moment| moment.date_naive())
}

fn plausible(day: &NaiveDate) -> bool {
    use chrono::Datelike;
    (1970..=2100).contains(&day.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn formats_seen_in_exports() {
        assert_eq!(parse_date("03/14/2026 09:12"), ymd(2026, 3, 14));
        assert_eq!(parse_date("14/03/2026"), ymd(2026, 3, 14));
        assert_eq!(parse_date("14.03.2026"), ymd(2026, 3, 14));
        assert_eq!(parse_date("2026-03-14 09:12:00"), ymd(2026, 3, 14));
        assert_eq!(parse_date("2026-04-01T12:00:00.000Z"), ymd(2026, 4, 1));
        assert_eq!(
            parse_date("Tue, 05 May 2026 10:11:12 +0000"),
            ymd(2026, 5, 5)
        );
        assert_eq!(parse_date("1777716672"), ymd(2026, 5, 2));
        assert_eq!(parse_date("May 5, 2026"), ymd(2026, 5, 5));
        assert_eq!(parse_date("3/4/2026 1:05 PM"), ymd(2026, 3, 4));
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert_eq!(parse_date("n/a"), None);
        assert_eq!(parse_date("13/13/2026"), None);
        assert_eq!(parse_date("550"), None);
        assert_eq!(parse_date(""), None);
    }
}
