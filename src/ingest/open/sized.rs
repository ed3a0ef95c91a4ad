//! Turning what calamine read into grids of bounded size: xlsx cells are streamed and capped, and a
//! dense range past `MAX_CELLS` is cut down to the block `bound::sane_area` picks, with its note.

use std::io::Cursor;

use calamine::{Data, DataRef, Dimensions, Range, Xlsx};

use super::error::{too_much_text, ReadError};
use crate::ingest::budget::{MAX_TEXT_BYTES, MAX_WORKBOOK_CELLS};

use crate::ingest::bound::{sane_area, MAX_CELLS};
use crate::ingest::Grid;

/// What a workbook's sheets have cost so far, against `budget`.
#[derive(Debug, Default)]
pub(super) struct Spent {
    cells: u64,
    text: u64,
}

impl Spent {
    /// Counts one filled cell; the reason the workbook is refused when it is over a budget.
    pub fn add(&mut self, value: &DataRef) -> Result<(), ReadError> {
        self.cells += 1;
        if let DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) = value {
            self.text += s.len() as u64;
        }
        if let DataRef::SharedString(s) = value {
            self.text += s.len() as u64;
        }
        if self.cells > MAX_WORKBOOK_CELLS {
            return Err(ReadError::Budget(format!(
                "文件的非空单元格超过 {MAX_WORKBOOK_CELLS} 个，远超台账应有的规模，为防止占用过多内存和时间未读取。\
                 请删去多余内容，或拆分成几个较小的文件后重新提交"
            )));
        }
        if self.text > MAX_TEXT_BYTES {
            return Err(too_much_text());
        }
        Ok(())
    }
}

/// The non-empty cells of an xlsx worksheet, streamed (no dense range is ever built by calamine).
pub(super) fn xlsx_cells(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    spent: &mut Spent,
) -> Result<Vec<(u32, u32, Data)>, ReadError> {
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
        spent.add(value)?;
        let (r, c) = cell.get_position();
        cells.push((r, c, Data::from(value.clone())));
    }
    Ok(cells)
}

pub(super) fn grid_from_sparse(
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

pub(super) fn grid_from_range(
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
