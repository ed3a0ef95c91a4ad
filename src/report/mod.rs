//! Rendering: the house style and safe output every workbook shares, and the workbooks themselves.
//! In: the figures stage's models — the weekly `Notice`, the `Monthly`, the dataset's diagnostics and
//! file list for `check` — already worded and located, so nothing here reads a record or looks up a
//! column (the blank templates aside: they are drawn from the ledger declarations). Out: the weekly
//! and monthly workbooks, the feedback lists, the templates, the `--json` summary and the terminal
//! text, with their file names (`names`) and written atomically (`output`).

pub mod bulletin;
pub mod charts;
pub mod feedback;
pub mod json;
pub mod labels;
pub mod monthly;
pub mod names;
pub mod output;
pub mod prose;
mod staged;
pub mod style;
pub mod survey_sheet;
pub mod template;
pub mod terminal;
pub mod weekly;

use output::{write_atomic, OutputError};
use std::path::Path;

/// Signs every cell comment (the header notes saying how a figure is computed) with the issuing office
/// instead of rust_xlsxwriter's default "Author", which Excel and WPS show when the mouse is over the
/// cell. Call once all sheets are added. An office name past Excel's 52-character limit signs nothing.
pub fn sign_notes(wb: &mut rust_xlsxwriter::Workbook, office: &str) {
    let author = if office.encode_utf16().count() <= 52 {
        office
    } else {
        ""
    };
    for ws in wb.worksheets_mut() {
        ws.set_default_note_author(author);
    }
}

/// Saves a built workbook atomically at `path` (refusing to replace unless `force`).
pub fn save(
    wb: &mut rust_xlsxwriter::Workbook,
    path: &Path,
    force: bool,
) -> Result<(), OutputError> {
    let bytes = wb.save_to_buffer().map_err(|source| OutputError::Xlsx {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomic(path, &bytes, force)
}
