//! Keeping a sheet's grid to a sane size. A grid is dense (rows × cols cells), so one stray value typed
//! at XFD1048576 would make a ledger of 30 rows ask for 17 billion cells. When the used area is absurd,
//! the block of rows and columns that holds most of the data is kept and the stray cells are named.

use calamine::Data;

use crate::diag::cell_ref;

/// Largest grid built for one sheet (see `budget::MAX_SHEET_CELLS`).
pub const MAX_CELLS: u64 = super::budget::MAX_SHEET_CELLS;
/// Rows (columns) further than this from the rest of the data start a separate block.
const ROW_GAP: u32 = 10_000;
const COL_GAP: u32 = 256;

/// Inclusive absolute bounds of the area to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub rows: (u32, u32),
    pub cols: (u32, u32),
}

impl Area {
    pub fn cells(&self) -> u64 {
        (self.rows.1 - self.rows.0 + 1) as u64 * (self.cols.1 - self.cols.0 + 1) as u64
    }
    fn contains(&self, r: u32, c: u32) -> bool {
        (self.rows.0..=self.rows.1).contains(&r) && (self.cols.0..=self.cols.1).contains(&c)
    }
}

/// The bounding area of the cells, or `None` when there are none.
pub fn bounding(cells: &[(u32, u32, Data)]) -> Option<Area> {
    let mut it = cells.iter();
    let &(r, c, _) = it.next()?;
    let mut a = Area {
        rows: (r, r),
        cols: (c, c),
    };
    for &(r, c, _) in it {
        a.rows = (a.rows.0.min(r), a.rows.1.max(r));
        a.cols = (a.cols.0.min(c), a.cols.1.max(c));
    }
    Some(a)
}

/// Chooses the area to keep; with a note (Chinese) when cells had to be left out.
pub fn sane_area(sheet: &str, cells: &[(u32, u32, Data)]) -> Option<(Area, Option<String>)> {
    let full = bounding(cells)?;
    if full.cells() <= MAX_CELLS {
        return Some((full, None));
    }
    let rows = densest_block(cells.iter().map(|c| c.0), ROW_GAP);
    let cols = densest_block(
        cells
            .iter()
            .filter(|c| (rows.0..=rows.1).contains(&c.0))
            .map(|c| c.1),
        COL_GAP,
    );
    let mut area = Area { rows, cols };
    let width = (cols.1 - cols.0 + 1) as u64;
    if area.cells() > MAX_CELLS {
        area.rows.1 = area.rows.0 + (MAX_CELLS / width).max(1) as u32 - 1;
    }
    let mut left_out: Vec<(u32, u32)> = cells
        .iter()
        .filter(|c| !area.contains(c.0, c.1))
        .map(|c| (c.0, c.1))
        .collect();
    left_out.sort_unstable();
    let shown: Vec<String> = left_out
        .iter()
        .take(5)
        .map(|&(r, c)| cell_ref(r, c))
        .collect();
    let more = if left_out.len() > shown.len() {
        format!(" 等 {} 个单元格", left_out.len())
    } else {
        String::new()
    };
    let note = format!(
        "工作表“{sheet}”的已用区域过大（{}:{}，约 {} 个单元格），多半是远处有误输入的内容：{}{more}。\
         已只读取 {}:{}，其余已忽略。请在 Excel 中删除这些多余单元格（或整行整列）后重新保存。",
        cell_ref(full.rows.0, full.cols.0),
        cell_ref(full.rows.1, full.cols.1),
        full.cells(),
        shown.join("、"),
        cell_ref(area.rows.0, area.cols.0),
        cell_ref(area.rows.1, area.cols.1),
    );
    Some((area, Some(note)))
}

/// The run of positions (split where two used positions are more than `gap` apart) that holds the most
/// cells; the first such run on a tie.
fn densest_block(positions: impl Iterator<Item = u32>, gap: u32) -> (u32, u32) {
    let mut ps: Vec<u32> = positions.collect();
    ps.sort_unstable();
    let Some(&first) = ps.first() else {
        return (0, 0);
    };
    let (mut best, mut best_n) = ((first, first), 0usize);
    let (mut start, mut prev, mut n) = (first, first, 0usize);
    for &p in &ps {
        if p - prev > gap {
            if n > best_n {
                (best, best_n) = ((start, prev), n);
            }
            (start, n) = (p, 0);
        }
        prev = p;
        n += 1;
    }
    if n > best_n {
        best = (start, prev);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Data {
        Data::String(v.into())
    }

    #[test]
    fn a_stray_cell_at_xfd1048576_is_left_out_and_named() {
        let mut cells: Vec<(u32, u32, Data)> = (0..30)
            .flat_map(|r| (0..8).map(move |c| (r, c, s("x"))))
            .collect();
        cells.push((1_048_575, 16_383, s("误输入")));
        let (area, note) = sane_area("Sheet1", &cells).unwrap();
        assert_eq!(
            area,
            Area {
                rows: (0, 29),
                cols: (0, 7)
            }
        );
        let note = note.unwrap();
        assert!(note.contains("XFD1048576"), "{note}");
        assert!(note.contains("A1:H30"), "{note}");
    }

    #[test]
    fn a_sane_sheet_is_kept_whole() {
        let cells = vec![(2, 1, s("a")), (5000, 40, s("b"))];
        let (area, note) = sane_area("S", &cells).unwrap();
        assert_eq!(
            area,
            Area {
                rows: (2, 5000),
                cols: (1, 40)
            }
        );
        assert!(note.is_none());
    }

    #[test]
    fn a_long_dense_column_block_is_capped() {
        // 1M rows spaced 100 apart keep one block; with 300 columns the cap cuts the rows.
        let mut cells: Vec<(u32, u32, Data)> = (0..10_000).map(|r| (r * 100, 0, s("a"))).collect();
        cells.push((0, 255, s("b")));
        let (area, note) = sane_area("S", &cells).unwrap();
        assert!(area.cells() <= MAX_CELLS);
        assert!(note.is_some());
    }
}
