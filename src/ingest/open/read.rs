//! Running the calamine reader that matches the format on the file's bytes, sheet by sheet in workbook
//! order, with what each format needs done around calamine: xlsx worksheets inflated once (and their
//! merged areas picked from the same text), ods sheets scanned and cut down before calamine's dense
//! read. A worksheet that fails alone is kept as an empty grid with a note.

use std::io::Cursor;

use calamine::{Ods, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};

use super::error::{too_much_text, ReadError};
use super::sized::{grid_from_range, grid_from_sparse, xlsx_cells, Spent};
use crate::ingest::budget::{MAX_INFLATED, MAX_SHARED_STRINGS, MAX_TEXT_BYTES, MAX_WORKBOOK_CELLS};
use crate::ingest::ods;
use crate::ingest::sniff::{Format, Zip};
use crate::ingest::xls::{fix_xls, XlsFix};
use crate::ingest::xlsx_fix::{fix_shared_strings, replace_entries};
use crate::ingest::xlsx_merges::{inflate_once, xlsx_merges};
use crate::ingest::{Grid, Sheet};

pub(super) struct Read {
    pub sheets: Vec<Sheet>,
    pub notes: Vec<String>,
}

/// `zip` is the file's archive when `sniff` read it (a zip's directory is read once).
pub(super) fn read<'a>(
    format: Format,
    bytes: &'a [u8],
    zip: Option<Zip<'a>>,
    include_hidden: bool,
) -> Result<Read, ReadError> {
    let rs = Cursor::new(bytes);
    match format {
        Format::Xlsx => {
            // Worksheets are inflated once: calamine reads a copy where they are stored, and their
            // merged areas come from the same text. Should calamine not take the copy, it reads the
            // file itself (so its errors are the file's own) and the merges are found separately.
            // The shared strings are checked first and, when they would cost the workbook, rewritten
            // in the same copy (or, should the worksheets not be inflated, in a copy of their own).
            // One reading of the zip's directory serves both.
            let zip = zip.or_else(|| zip::ZipArchive::new(rs.clone()).ok());
            let mut sst = zip
                .clone()
                .map(|mut z| fix_shared_strings(&mut z))
                .unwrap_or_default();
            if let Some(n) = sst.too_many {
                return Err(ReadError::Budget(format!(
                    "共享字符串表有 {n} 项，超过 {MAX_SHARED_STRINGS} 项的上限，远超台账应有的规模，为防止占用过多内存未读取。\
                     请删去多余内容，或拆分成几个较小的文件后重新提交"
                )));
            }
            if sst.too_big {
                return Err(ReadError::Budget(format!(
                    "共享字符串表解压后超过 {} MiB（文件所声明的大小与实际不符），可能已损坏或是恶意构造的文件，已拒绝读取。\
                     请用 Excel/WPS 打开确认后另存为新文件再提交",
                    MAX_INFLATED >> 20
                )));
            }
            let replaced: Vec<(String, Vec<u8>)> = sst.rewritten.take().into_iter().collect();
            // (a table that needed no fixing goes into the copy stored as well)
            let as_is = sst.as_is.take().map(|t| vec![t]);
            let stored = as_is.as_deref().unwrap_or(&replaced);
            let inflated = zip.and_then(|z| inflate_once(bytes, z, stored));
            drop(as_is);
            let patched: Vec<u8>;
            let (mut wb, mut fast) = match inflated
                .as_ref()
                .map(|i| Xlsx::new(Cursor::new(&i.bytes[..])))
            {
                Some(Ok(wb)) => {
                    let merges = inflated.as_ref().map(|i| i.merges.clone());
                    (wb, merges)
                }
                // The original must not reach calamine when its shared strings needed fixing.
                _ if !replaced.is_empty() => {
                    patched = replace_entries(bytes, &replaced)
                        .ok_or_else(|| ReadError::Other("共享字符串表无法修复".into()))?;
                    (Xlsx::new(Cursor::new(&patched[..]))?, None)
                }
                _ => (Xlsx::new(rs)?, None),
            };
            let mut notes = Vec::new();
            if sst.replaced > 0 {
                notes.push(format!(
                    "文件中有 {} 个无效字符（如孤立的代理项 &#xD800;），已替换为“�”，其余内容照常读取。请检查含“�”的单元格。",
                    sst.replaced
                ));
            }
            if fast
                .as_ref()
                .is_none_or(|m| m.len() != wb.sheets_metadata().len())
            {
                fast = xlsx_merges(bytes, wb.sheets_metadata().len());
            }
            let mut uncalculated = inflated
                .as_ref()
                .filter(|i| i.uncalculated.len() == wb.sheets_metadata().len())
                .map(|i| i.uncalculated.clone());
            let mut spent = Spent::default();
            let mut read = read_sheets(&mut wb, include_hidden, |wb, i, name| {
                let cells = xlsx_cells(wb, name, &mut spent)?;
                let merges = match fast.as_mut() {
                    Some(all) => std::mem::take(&mut all[i]),
                    None => wb.merge_cells_by_sheet_name(name).unwrap_or_default(),
                };
                let (mut grid, note) = grid_from_sparse(name, cells, &merges);
                if let Some(u) = uncalculated.as_mut().and_then(|u| u.get_mut(i)) {
                    grid.set_uncalculated(std::mem::take(u));
                }
                Ok((grid, note))
            })?;
            read.notes.splice(0..0, notes);
            Ok(read)
        }
        Format::Xls => {
            // calamine trusts the sizes in the file; they are checked (and patched in a copy) first.
            let (data, notes) = match fix_xls(bytes) {
                XlsFix::AsIs => (std::borrow::Cow::Borrowed(bytes), Vec::new()),
                XlsFix::Patched(b, notes) => (std::borrow::Cow::Owned(b), notes),
                XlsFix::Refused(why) => return Err(ReadError::Other(why.to_string())),
                XlsFix::TooBig(cells) => return Err(too_many_cells(cells)),
            };
            let mut wb = Xls::new(Cursor::new(&data[..]))?;
            let mut read = read_sheets(&mut wb, include_hidden, |wb, _, name| {
                let range = wb.worksheet_range(name)?;
                let merges = wb.merge_cells_by_sheet_name(name).unwrap_or_default();
                Ok(grid_from_range(name, range, &merges))
            })?;
            read.notes.splice(0..0, notes);
            Ok(read)
        }
        Format::Ods => {
            // calamine builds every sheet densely inside `Ods::new` and exposes no merged areas: both
            // come from our own scan of content.xml first. Oversized sheets are cut down in a copy of
            // the file, which calamine reads instead. A content.xml that cannot be scanned is refused.
            let prep = ods::prepare(bytes).unwrap_or_default();
            if let Some(why) = prep.refused {
                // calamine reads a table until its end tag and, at the end of the text, for ever.
                return Err(ReadError::Other(why.into()));
            }
            if prep.cells > MAX_WORKBOOK_CELLS {
                return Err(too_many_cells(prep.cells));
            }
            if prep.text > MAX_TEXT_BYTES {
                return Err(too_much_text());
            }
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

/// A workbook whose sheets' used areas add up past the budget (calamine builds them all densely).
fn too_many_cells(cells: u64) -> ReadError {
    ReadError::Budget(format!(
        "文件各工作表的已用区域合计约 {cells} 个单元格，超过 {MAX_WORKBOOK_CELLS} 个的上限，远超台账应有的规模，为防止占用过多内存和时间未读取。\
         请删去多余内容（或整行整列），或拆分成几个较小的文件后重新提交"
    ))
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
                Err(e @ (ReadError::Password | ReadError::Budget(_))) => return Err(e),
                Err(ReadError::Other(_)) => {
                    // (the library's words are English: the clerk gets what to do instead)
                    notes.push(format!(
                        "工作表“{}”已损坏，无法读取，已略过，其他工作表照常读取。请用 Excel 打开检查该表后重新保存。",
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
