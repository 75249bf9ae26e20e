//! Arbitrary bytes to `read_sheet`, as when a file named `.xlsx`, `.xls` or `.ods` holds
//! anything at all.
//!
//! `read_sheet` lives in the library's private `ingest::workbook` module, so this target
//! compiles that very file as its own module (with the one type it borrows from its parent,
//! `Row`). Files that start like a zip or OLE container reach the same function through the
//! public `load`, which the `ingest` target covers.
//!
//! Each input is read for its first sheet and for a sheet named `Notes` (a name the bundled
//! workbook uses; otherwise the "no sheet named" error path).
//!
//! Asserted: nothing panics (calamine included); errors say something (the loader folds them
//! into one line); row numbers start at 1 and increase; a named sheet is the one asked for.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The library's `ingest::Row`, which `workbook.rs` imports from its parent module.
#[derive(Debug, Clone)]
pub struct Row {
    /// The row number in the sheet, 1-based.
    pub line: u64,
    /// The cells as text.
    pub fields: Vec<String>,
}

#[allow(dead_code)]
#[path = "../../src/ingest/workbook.rs"]
mod workbook;

fuzz_target!(|data: &[u8]| {
    for wanted in [None, Some("notes")] {
        match workbook::read_sheet(data.to_vec(), wanted) {
            Ok(sheet) => {
                let mut previous = 0;
                for row in &sheet.rows {
                    assert!(row.line > previous, "row {} after {previous}", row.line);
                    previous = row.line;
                    for cell in &row.fields {
                        let _ = cell.len();
                    }
                }
                if let Some(wanted) = wanted {
                    assert!(sheet.name.eq_ignore_ascii_case(wanted), "{}", sheet.name);
                }
            }
            Err(reason) => assert!(!reason.is_empty()),
        }
    }
});
