//! Reading spreadsheets (`.xlsx`, `.xls`, `.ods`): the article's platform exports its
//! suppression list to Excel, and users should not have to re-save it as CSV first.

use std::io::{Cursor, Read, Seek};

use calamine::{Data, Reader, Sheets, Xlsx, open_workbook_auto_from_rs};

use super::Row;

/// The rows of one sheet as text, with their spreadsheet row numbers.
pub struct Sheet {
    /// The sheet that was read.
    pub name: String,
    /// Every non-empty row.
    pub rows: Vec<Row>,
}

/// Reads the sheet called `wanted` (case-insensitively), or the first sheet.
pub fn read_sheet(bytes: Vec<u8>, wanted: Option<&str>) -> Result<Sheet, String> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| "is not a spreadsheet bouncelens can read (xlsx, xls, ods)".to_string())?;
    let names = workbook.sheet_names();
    let name = match wanted {
        Some(wanted) => names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(wanted))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "has no sheet named '{wanted}' (sheets: {})",
                    names.join(", ")
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| "is a spreadsheet without sheets".to_string())?,
    };
    let rows = match &mut workbook {
        Sheets::Xlsx(xlsx) => xlsx_rows(xlsx, &name)?,
        other => {
            let range = other
                .worksheet_range(&name)
                .map_err(|e| format!("sheet '{name}' could not be read: {e}"))?;
            range_rows(&range)
        }
    };
    Ok(Sheet { name, rows })
}

/// Excel's own limits: 1,048,576 rows of 16,384 columns. A cell claiming to be further out is
/// damage, not data.
const MAX_ROWS: u32 = 1 << 20;
const MAX_COLUMNS: u32 = 1 << 14;

/// An xlsx sheet read cell by cell, so only rows that hold something cost memory: a stray
/// cell at XFD1048576 would otherwise make a grid of 17 billion cells. Rows shorter than the
/// first (the header) are padded to it, as a spreadsheet shows them. A panic inside the
/// reader (calamine 0.38 overflows on absurd cell references in debug builds) becomes an
/// error naming the sheet.
fn xlsx_rows<R: Read + Seek>(xlsx: &mut Xlsx<R>, name: &str) -> Result<Vec<Row>, String> {
    let damaged = || format!("sheet '{name}' could not be read: a cell reference is damaged");
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut cells = xlsx
            .worksheet_cells_reader(name)
            .map_err(|e| format!("sheet '{name}' could not be read: {e}"))?;
        let mut rows: Vec<Row> = Vec::new();
        while let Some(cell) = cells
            .next_cell()
            .map_err(|e| format!("sheet '{name}' could not be read: {e}"))?
        {
            let (row, column) = cell.get_position();
            if row >= MAX_ROWS || column >= MAX_COLUMNS {
                continue;
            }
            let text = cell_text(&Data::from(cell.get_value().clone()));
            if text.is_empty() {
                continue;
            }
            let line = u64::from(row) + 1;
            if rows.last().is_none_or(|last| last.line != line) {
                rows.push(Row {
                    line,
                    fields: Vec::new(),
                });
            }
            if let Some(last) = rows.last_mut() {
                let column = column as usize;
                if last.fields.len() <= column {
                    last.fields.resize(column + 1, String::new());
                }
                last.fields[column] = text;
            }
        }
        rows.sort_by_key(|row| row.line);
        let mut rows = merge_split_rows(rows);
        let width = rows.first().map_or(0, |header| header.fields.len());
        for row in &mut rows {
            if row.fields.len() < width {
                row.fields.resize(width, String::new());
            }
        }
        Ok(rows)
    }));
    read.unwrap_or_else(|_| Err(damaged()))
}

/// Cells normally come row by row; should a row's cells be split up, put them back together.
fn merge_split_rows(rows: Vec<Row>) -> Vec<Row> {
    let mut merged: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        match merged.last_mut() {
            Some(last) if last.line == row.line => {
                if last.fields.len() < row.fields.len() {
                    last.fields.resize(row.fields.len(), String::new());
                }
                for (slot, field) in last.fields.iter_mut().zip(row.fields) {
                    if !field.is_empty() {
                        *slot = field;
                    }
                }
            }
            _ => merged.push(row),
        }
    }
    merged
}

/// A sheet read whole (xls, ods).
fn range_rows(range: &calamine::Range<Data>) -> Vec<Row> {
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    range
        .rows()
        .enumerate()
        .map(|(index, cells)| Row {
            line: first_row + index as u64 + 1,
            fields: std::iter::repeat_n(String::new(), first_column)
                .chain(cells.iter().map(cell_text))
                .collect(),
        })
        .collect()
}

/// Renders a cell as the text a user sees in Excel: whole numbers without `.0`, dates as ISO
/// dates, errors as their `#` code.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{number:.0}")
        }
        Data::Float(number) => number.to_string(),
        Data::Bool(true) => "TRUE".to_string(),
        Data::Bool(false) => "FALSE".to_string(),
        Data::DateTime(moment) => match moment.as_datetime() {
            Some(moment) if moment.time() == chrono::NaiveTime::MIN => {
                moment.format("%Y-%m-%d").to_string()
            }
            Some(moment) => moment.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => moment.as_f64().to_string(),
        },
        Data::Error(error) => format!("#{error:?}"),
    }
}
