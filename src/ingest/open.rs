//! Opening one workbook safely: the file is read once (read-only), its format told from its bytes, the
//! matching calamine reader run on those bytes inside `catch_unwind`, and each sheet turned into a
//! `Grid` of bounded size. Whatever goes wrong becomes an `OpenFailure` with a Chinese reason that says
//! what is wrong and what the clerk should do, so one bad file never ends the run.

use std::io::Cursor;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use calamine::{
    Data, DataRef, Dimensions, Ods, OdsError, Range, Reader, SheetType, SheetVisible, Xls,
    XlsError, Xlsb, XlsbError, Xlsx, XlsxError,
};

use super::bound::{sane_area, MAX_CELLS};
pub use super::failure::*;
use super::ods_spans;
use super::sniff::{sniff, Format, Sniffed, MAX_ZIP_UNCOMPRESSED};
use super::xlsx_merges::{inflate_once, xlsx_merges};
use super::{Grid, Sheet};

/// A workbook that could be read.
#[derive(Debug)]
pub struct Opened {
    pub format: Format,
    /// In workbook order; a hidden sheet has `visible == false` and, unless asked for, no grid.
    pub sheets: Vec<Sheet>,
    /// Warnings about the file that did not stop reading it (Chinese, for the clerk).
    pub notes: Vec<String>,
}

/// Reads one workbook. The file is only read, never written, moved or locked.
pub fn open_workbook(path: &Path, include_hidden: bool) -> Result<Opened, OpenFailure> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with("~$") {
        return Err(skipped(LOCK_FILE));
    }
    if name.starts_with('.') {
        return Err(skipped(DOT_FILE));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let is_et = ext == "et" || ext == "ett";
    let bytes = std::fs::read(path).map_err(|e| {
        unreadable_because(
            format!(
                "无法打开文件（{}）。请确认文件没有被其他程序占用、本程序有读取权限后重试",
                io_zh(&e)
            ),
            e.to_string(),
        )
    })?;
    let format = match sniff(&bytes) {
        Sniffed::Spreadsheet(f) => f,
        Sniffed::Encrypted => return Err(unreadable(PASSWORD)),
        Sniffed::Empty => return Err(unreadable(EMPTY)),
        Sniffed::Corrupt(_) if is_et => return Err(unreadable(WPS_ET)),
        Sniffed::Corrupt(detail) => return Err(unreadable_because(CORRUPT, detail)),
        Sniffed::ZipBomb { uncompressed } => {
            return Err(unreadable(format!(
                "文件解压后超过 {} MiB（已数到 {} MiB），远超台账应有的大小，可能已损坏或是恶意构造的文件，已拒绝读取。\
                 请用 Excel/WPS 打开确认，删去多余内容后另存为新文件再提交",
                MAX_ZIP_UNCOMPRESSED >> 20,
                uncompressed >> 20
            )))
        }
        Sniffed::WebPageOrXml if is_spreadsheet_ext(&ext) => {
            return Err(unreadable(format!(
                "文件实际是网页（HTML）或 XML 格式，只是扩展名为 .{ext}（常见于从业务系统导出的表格），无法按 Excel 工作簿读取。\
                 请用 Excel/WPS 打开后“另存为”Excel 工作簿（.xlsx）再提交"
            )))
        }
        Sniffed::WebPageOrXml => {
            return Err(skipped("网页（HTML）或 XML 文件，不是电子表格，已跳过"))
        }
        Sniffed::Other(_) if is_et => return Err(unreadable(WPS_ET)),
        Sniffed::Other(what) => {
            let told = if is_spreadsheet_ext(&ext) {
                format!("（虽然扩展名是 .{ext}）")
            } else {
                String::new()
            };
            return Err(skipped(format!(
                "这是{what}{told}，不是电子表格，已跳过。如果它应当是台账，请用 Excel/WPS 另存为 .xlsx 后重新提交"
            )));
        }
    };

    if format == Format::Xlsx {
        if let Some(title) = super::own_report::report_title(&bytes) {
            return Err(skipped(format!(
                "本工具生成的报表（{title}），不作为台账读取"
            )));
        }
    }

    let mut notes = Vec::new();
    if !format.matches_extension(&ext) {
        let f = format.label();
        notes.push(if ext.is_empty() {
            format!("文件没有扩展名，实际是 {f} 格式；已按 {f} 读取。建议加上扩展名 .{f}。")
        } else {
            format!("文件扩展名是 .{ext}，实际是 {f} 格式；已按 {f} 读取。建议改正扩展名。")
        });
    }

    let outcome = quietly(|| read(format, &bytes, include_hidden));
    match outcome {
        Some(Ok(mut read)) => {
            notes.append(&mut read.notes);
            Ok(Opened {
                format,
                sheets: read.sheets,
                notes,
            })
        }
        Some(Err(ReadError::Password)) => Err(unreadable(PASSWORD)),
        Some(Err(ReadError::Other(_))) if is_et => Err(unreadable(WPS_ET)),
        Some(Err(ReadError::Other(detail))) => Err(unreadable_because(CORRUPT, detail)),
        None => Err(unreadable(PANICKED)),
    }
}

fn is_spreadsheet_ext(ext: &str) -> bool {
    [Format::Xlsx, Format::Xls, Format::Ods, Format::Xlsb]
        .iter()
        .any(|f| f.matches_extension(ext))
        || ext == "csv"
}

// ---------------------------------------------------------------------------------------------------
// Isolation

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into `None`. While it runs, the panic message is not printed for this
/// thread (a library panic on a village's odd file is reported as that file's reason instead); other
/// threads' panics still reach the previous hook.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let out = panic::catch_unwind(AssertUnwindSafe(f)).ok();
    QUIET.with(|q| q.set(was));
    out
}

// ---------------------------------------------------------------------------------------------------
// Reading, by format

enum ReadError {
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

struct Read {
    sheets: Vec<Sheet>,
    notes: Vec<String>,
}

fn read(format: Format, bytes: &[u8], include_hidden: bool) -> Result<Read, ReadError> {
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
            let prep = ods_spans::prepare(bytes).unwrap_or_default();
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

/// The non-empty cells of an xlsx worksheet, streamed (no dense range is ever built by calamine).
fn xlsx_cells(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<(u32, u32, Data)>, XlsxError> {
    let mut reader = wb.worksheet_cells_reader(name)?;
    let declared = reader.dimensions().len().min(1 << 16) as usize;
    let mut cells = Vec::with_capacity(declared);
    while let Some(cell) = reader.next_cell()? {
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        if cells.len() as u64 >= MAX_CELLS {
            break;
        }
        let (r, c) = cell.get_position();
        cells.push((r, c, Data::from(value.clone())));
    }
    Ok(cells)
}

fn grid_from_sparse(
    sheet: &str,
    cells: Vec<(u32, u32, Data)>,
    merges: &[Dimensions],
) -> (Grid, Option<String>) {
    let mut note = None;
    if cells.len() as u64 >= MAX_CELLS {
        note = Some(format!(
            "工作表“{sheet}”有超过 {MAX_CELLS} 个非空单元格，只读取了前 {MAX_CELLS} 个。请拆分成几个较小的文件后重新提交。"
        ));
    }
    match sane_area(sheet, &cells) {
        None => (Grid::default(), note),
        Some((area, trimmed)) => (
            Grid::from_sparse(area.rows, area.cols, cells, merges),
            trimmed.or(note),
        ),
    }
}

fn grid_from_range(
    sheet: &str,
    mut range: Range<Data>,
    merges: &[Dimensions],
) -> (Grid, Option<String>) {
    let (h, w) = range.get_size();
    if (h as u64) * (w as u64) <= MAX_CELLS {
        return (Grid::from_range(range, merges), None);
    }
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for r in 0..h {
        for (c, v) in range[r].iter_mut().enumerate() {
            if !matches!(v, Data::Empty) {
                cells.push((r0 + r as u32, c0 + c as u32, std::mem::take(v)));
            }
        }
    }
    drop(range);
    grid_from_sparse(sheet, cells, merges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_reading_becomes_none_and_the_next_call_works() {
        assert_eq!(quietly(|| -> u8 { panic!("calamine bug") }), None);
        assert_eq!(quietly(|| 7), Some(7));
    }
}
