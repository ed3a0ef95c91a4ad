//! Running the calamine reader that matches the format on the file's bytes, sheet by sheet in workbook
//! order, with what each format needs done around calamine: xlsx worksheets inflated once (and their
//! merged areas picked from the same text), ods sheets scanned and cut down before calamine's dense
//! read. A worksheet that fails alone is kept as an empty grid with a note.

use std::io::Cursor;

use calamine::{
    Ods, OdsError, Reader, SheetType, SheetVisible, Xls, XlsError, Xlsb, XlsbError, Xlsx, XlsxError,
};

use super::sized::{grid_from_range, grid_from_sparse, xlsx_cells};
use crate::ingest::ods;
use crate::ingest::sniff::Format;
use crate::ingest::xlsx_merges::{inflate_once, xlsx_merges};
use crate::ingest::{Grid, Sheet};

pub(super) enum ReadError {
    Password,
    Other(String),
}

impl From<XlsxError> for ReadError {
    fn from(e: XlsxError) -> Self {
        match e {
            XlsxError::Password => ReadError::Password,
            e => ReadError::Other(e.to_string()),
        }
    }
}
impl From<XlsError> for ReadError {
    fn from(e: XlsError) -> Self {
        match e {
            XlsError::Password => ReadError::Password,
            e => ReadError::Other(e.to_string()),
        }
    }
}
impl From<OdsError> for ReadError {
    fn from(e: OdsError) -> Self {
        match e {
            OdsError::Password => ReadError::Password,
            e => ReadError::Other(e.to_string()),
        }
    }
}
impl From<XlsbError> for ReadError {
    fn from(e: XlsbError) -> Self {
        match e {
            XlsbError::Password => ReadError::Password,
            e => ReadError::Other(e.to_string()),
        }
    }
}

pub(super) struct Read {
    pub sheets: Vec<Sheet>,
    pub notes: Vec<String>,
}

pub(super) fn read(format: Format, bytes: &[u8], include_hidden: bool) -> Result<Read, ReadError> {
    let rs = Cursor::new(bytes);
    match format {
        Format::Xlsx => {
            // Worksheets are inflated once: calamine reads a copy where they are stored, and their
            // merged areas come from the same text. Should calamine not take the copy, it reads the
            // file itself (so its errors are the file's own) and the merges are found separately.
            let inflated = inflate_once(bytes);
            let (mut wb, mut fast) = match inflated
                .as_ref()
                .map(|i| Xlsx::new(Cursor::new(&i.bytes[..])))
            {
                Some(Ok(wb)) => {
                    let merges = inflated.as_ref().map(|i| i.merges.clone());
                    (wb, merges)
                }
                _ => (Xlsx::new(rs)?, None),
            };
            if fast
                .as_ref()
                .is_none_or(|m| m.len() != wb.sheets_metadata().len())
            {
                fast = xlsx_merges(bytes, wb.sheets_metadata().len());
            }
            read_sheets(&mut wb, include_hidden, |wb, i, name| {
                let cells = xlsx_cells(wb, name)?;
                let merges = match fast.as_mut() {
                    Some(all) => std::mem::take(&mut all[i]),
                    None => wb.merge_cells_by_sheet_name(name).unwrap_or_default(),
                };
                Ok(grid_from_sparse(name, cells, &merges))
            })
        }
        Format::Xls => {
            // Not size-guarded: calamine 0.38 parses every sheet inside `Xls::new` (xls.rs,
            // `parse_workbook`) and exposes nothing before that. While parsing it reserves
            // rows × cols cells from each sheet's DIMENSIONS record and then builds the dense range
            // from the cell records (`Range::from_sparse`). A file Excel, WPS or LibreOffice writes
            // cannot exceed the BIFF8 sheet (65,536 rows × 256 columns ≈ 16.8 M cells, under
            // `MAX_CELLS`), so real ledgers stay bounded (≈ 0.5 GB at worst); only a hand-crafted
            // file with out-of-spec DIMENSIONS or column numbers could ask for more. Guarding that
            // would need our own OLE (CFB) container reader plus a BIFF record walk before calamine.
            let mut wb = Xls::new(rs)?;
            read_sheets(&mut wb, include_hidden, |wb, _, name| {
                let range = wb.worksheet_range(name)?;
                let merges = wb.merge_cells_by_sheet_name(name).unwrap_or_default();
                Ok(grid_from_range(name, range, &merges))
            })
        }
        Format::Ods => {
            // calamine builds every sheet densely inside `Ods::new` and exposes no merged areas: both
            // come from our own scan of content.xml first. Oversized sheets are cut down in a copy of
            // the file, which calamine reads instead. When the scan fails, calamine reads it alone.
            let prep = ods::prepare(bytes).unwrap_or_default();
            let data = prep.rewritten.as_deref().unwrap_or(bytes);
            let mut wb = Ods::new(Cursor::new(data))?;
            read_sheets(&mut wb, include_hidden, |wb, _, name| {
                let (grid, note) =
                    grid_from_range(name, wb.worksheet_range(name)?, prep.merges(name));
                Ok((grid, prep.note(name).map(str::to_string).or(note)))
            })
        }
        Format::Xlsb => {
            let mut wb = Xlsb::new(rs)?;
            read_sheets(&mut wb, include_hidden, |wb, _, name| {
                Ok(grid_from_range(name, wb.worksheet_range(name)?, &[]))
            })
        }
    }
}

/// Walks the sheets in workbook order. A worksheet that fails to read is kept as an empty grid with a
/// note, so the other sheets of the file are not lost; a password error fails the whole file.
fn read_sheets<'a, W>(
    wb: &mut W,
    include_hidden: bool,
    mut read_one: impl FnMut(&mut W, usize, &str) -> Result<(Grid, Option<String>), ReadError>,
) -> Result<Read, ReadError>
where
    W: Reader<Cursor<&'a [u8]>>,
{
    let meta = wb.sheets_metadata().to_vec();
    let mut sheets = Vec::with_capacity(meta.len());
    let mut notes = Vec::new();
    for (i, m) in meta.into_iter().enumerate() {
        let visible = m.visible == SheetVisible::Visible;
        let grid = if !visible && !include_hidden {
            None
        } else if m.typ != SheetType::WorkSheet {
            Some(Grid::default())
        } else {
            match read_one(wb, i, &m.name) {
                Ok((grid, note)) => {
                    notes.extend(note);
                    Some(grid)
                }
                Err(ReadError::Password) => return Err(ReadError::Password),
                Err(ReadError::Other(detail)) => {
                    notes.push(format!(
                        "工作表“{}”无法读取（{detail}），已略过，其他工作表照常读取。请用 Excel 打开检查该表后重新保存。",
                        m.name
                    ));
                    Some(Grid::default())
                }
            }
        };
        sheets.push(Sheet {
            name: m.name,
            visible,
            grid,
        });
    }
    Ok(Read { sheets, notes })
}
