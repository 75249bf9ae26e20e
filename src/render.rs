//! Plain-text presentation shared by the CLI (and later the dashboard): aligned tables,
//! percentages, bars and the one-line descriptions of codes and files.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::codes::catalog;
use crate::model::{ContactRef, Source};

/// The catalog's plain-words meaning of a contact's main code: the enhanced code when there is
/// one (it is more specific), else the reply code.
pub fn meaning(contact: &ContactRef<'_>) -> Option<&'static str> {
    let from_status = contact
        .status()
        .and_then(catalog::enhanced)
        .map(|m| m.def.advice.meaning);
    from_status.or_else(|| {
        contact
            .reply()
            .and_then(catalog::reply)
            .map(|d| d.advice.meaning)
    })
}

/// `1 row`, `2 rows`: a number with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `0.437` → `43.7%`.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A bar of eighth-blocks `width` cells wide at `fraction` = 1.
pub fn bar(fraction: f64, width: usize) -> String {
    const PARTS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let eighths = (fraction.clamp(0.0, 1.0) * (width * 8) as f64).round() as usize;
    let mut bar = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        bar.push(PARTS[eighths % 8 - 1]);
    }
    bar
}

/// How a file was read, e.g. `UTF-8, delimiter ',', header row, 412 rows`.
pub fn describe_source(source: &Source) -> String {
    let delimiter = match source.delimiter {
        Some(b'\t') => ", tab-delimited".to_string(),
        Some(d) => format!(", delimiter '{}'", d as char),
        None => String::new(),
    };
    let header = if source.has_header {
        "header row"
    } else {
        "no header row"
    };
    format!(
        "{}{delimiter}, {header}, {}",
        source.encoding,
        count(source.rows_read, "row", "rows")
    )
}

/// Cuts `text` to `width` terminal cells, ending with `…` when cut; line breaks become spaces.
pub fn truncate(text: &str, width: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.width() <= width {
        return flat;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in flat.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A column-aligned text table; numbers are right-aligned.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column titles.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; it must have one cell per column.
    pub fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.header.len());
        self.rows.push(cells);
    }

    /// Writes the table, each column at most `max_width` cells wide (the last is never cut).
    pub fn write(&self, out: &mut dyn Write, max_width: usize) -> io::Result<()> {
        let columns = self.header.len();
        let cells: Vec<Vec<String>> = std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(i, cell)| {
                        let limit = if i + 1 == columns {
                            usize::MAX
                        } else {
                            max_width
                        };
                        truncate(cell, limit)
                    })
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = (0..columns)
            .map(|i| cells.iter().map(|r| r[i].width()).max().unwrap_or(0))
            .collect();
        let numeric: Vec<bool> = (0..columns)
            .map(|i| {
                self.rows.iter().all(|r| {
                    let cell = r[i].trim_end_matches('%');
                    !cell.is_empty() && cell.parse::<f64>().is_ok()
                }) && !self.rows.is_empty()
            })
            .collect();
        for row in &cells {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let pad = widths[i] - cell.width();
                if numeric[i] {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if i + 1 < columns {
                        line.push_str(&" ".repeat(pad));
                    }
                }
                if i + 1 < columns {
                    line.push_str("  ");
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_in_eighths() {
        assert_eq!(bar(1.0, 2), "██");
        assert_eq!(bar(0.5, 2), "█");
        assert_eq!(bar(0.0625, 2), "▏");
        assert_eq!(bar(0.0, 2), "");
    }

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("王芳王芳", 5), "王芳…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("a\nb", 10), "a b");
    }

    #[test]
    fn tables_align_numbers_right() {
        let mut table = Table::new(&["NAME", "COUNT"]);
        table.row(vec!["gmail.com".to_string(), "7".to_string()]);
        table.row(vec!["x.io".to_string(), "120".to_string()]);
        let mut out = Vec::new();
        table.write(&mut out, 40).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "NAME       COUNT\ngmail.com      7\nx.io         120\n"
        );
    }
}
