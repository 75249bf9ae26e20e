//! Reading spreadsheets (`.xlsx`, `.xls`, `.ods`): the article's platform exports its
//! suppression list to Excel, and users should not have to re-save it as CSV first.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

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
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| format!("sheet '{name}' could not be read: {e}"))?;
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(index, cells)| Row {
            line: first_row + index as u64 + 1,
            fields: std::iter::repeat_n(String::new(), first_column)
                .chain(cells.iter().map(cell_text))
                .collect(),
        })
        .collect();
    Ok(Sheet { name, rows })
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
