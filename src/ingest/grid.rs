//! A sheet's cells in Excel coordinates (0-based absolute row/column, so `cell_ref(row, col)` is what
//! Excel shows), with every merged area's value copied into all of its cells.

use calamine::{Data, Dimensions, Range};

/// One sheet of a workbook. `grid` is `None` for a hidden sheet that was not read.
#[derive(Debug)]
pub struct Sheet {
    pub name: String,
    pub visible: bool,
    pub grid: Option<Grid>,
}

/// Dense row-major cells from (first_row, first_col) to (end_row, end_col), exclusive ends.
#[derive(Debug, Default, Clone)]
pub struct Grid {
    first_row: u32,
    first_col: u32,
    width: u32,
    height: u32,
    cells: Vec<Data>,
    /// Cells holding a formula with no calculated value saved (a file written by a program, never
    /// opened in Excel): calamine reads them as empty. Sorted (row, col).
    uncalculated: Vec<(u32, u32)>,
}

static EMPTY: Data = Data::Empty;

impl Grid {
    /// Takes calamine's range (which starts at its first used cell) and the sheet's merged areas.
    /// The cells are moved out of the range, not cloned.
    pub fn from_range(mut range: Range<Data>, merges: &[Dimensions]) -> Grid {
        let Some((r0, c0)) = range.start() else {
            return Grid::default();
        };
        let (h, w) = range.get_size();
        let mut g = Grid {
            first_row: r0,
            first_col: c0,
            width: w as u32,
            height: h as u32,
            cells: Vec::with_capacity(h * w),
            uncalculated: Vec::new(),
        };
        for r in 0..h {
            g.cells.extend(range[r].iter_mut().map(std::mem::take));
        }
        debug_assert_eq!(g.cells.len(), h * w);
        for m in merges {
            g.fill_merge(m);
        }
        g
    }

    /// Builds a grid from rows of cells starting at A1 (tests and generated data).
    pub fn from_rows(rows: Vec<Vec<Data>>) -> Grid {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(0) as u32;
        let height = rows.len() as u32;
        let mut cells = Vec::with_capacity((width * height) as usize);
        for mut r in rows {
            r.resize(width as usize, Data::Empty);
            cells.extend(r);
        }
        Grid {
            first_row: 0,
            first_col: 0,
            width,
            height,
            cells,
            uncalculated: Vec::new(),
        }
    }

    /// Builds a grid over the absolute area `rows` × `cols` (inclusive bounds) from sparse cells
    /// `(row, col, value)`; cells outside the area are dropped. The caller bounds the area's size.
    pub fn from_sparse(
        rows: (u32, u32),
        cols: (u32, u32),
        cells: Vec<(u32, u32, Data)>,
        merges: &[Dimensions],
    ) -> Grid {
        if rows.0 > rows.1 || cols.0 > cols.1 {
            return Grid::default();
        }
        let (height, width) = (rows.1 - rows.0 + 1, cols.1 - cols.0 + 1);
        let mut g = Grid {
            first_row: rows.0,
            first_col: cols.0,
            width,
            height,
            cells: vec![Data::Empty; height as usize * width as usize],
            uncalculated: Vec::new(),
        };
        for (r, c, v) in cells {
            if let Some(i) = g.index(r, c) {
                g.cells[i] = v;
            }
        }
        for m in merges {
            g.fill_merge(m);
        }
        g
    }

    fn fill_merge(&mut self, m: &Dimensions) {
        let value = self.get(m.start.0, m.start.1).clone();
        if matches!(value, Data::Empty) {
            return;
        }
        let r_end = m.end.0.min(self.end_row().saturating_sub(1));
        let c_end = m.end.1.min(self.end_col().saturating_sub(1));
        for r in m.start.0.max(self.first_row)..=r_end {
            for c in m.start.1.max(self.first_col)..=c_end {
                let i = self.index(r, c);
                if let Some(i) = i {
                    self.cells[i] = value.clone();
                }
            }
        }
    }

    fn index(&self, row: u32, col: u32) -> Option<usize> {
        if row < self.first_row || col < self.first_col {
            return None;
        }
        let (r, c) = (row - self.first_row, col - self.first_col);
        if r >= self.height || c >= self.width {
            return None;
        }
        Some((r * self.width + c) as usize)
    }

    /// Marks cells that hold a formula without a calculated value.
    pub fn set_uncalculated(&mut self, mut cells: Vec<(u32, u32)>) {
        cells.sort_unstable();
        self.uncalculated = cells;
    }

    /// Whether the cell holds a formula Excel has not calculated (so it reads as empty).
    pub fn uncalculated_formula(&self, row: u32, col: u32) -> bool {
        self.uncalculated.binary_search(&(row, col)).is_ok()
    }

    pub fn first_row(&self) -> u32 {
        self.first_row
    }
    pub fn end_row(&self) -> u32 {
        self.first_row + self.height
    }
    pub fn first_col(&self) -> u32 {
        self.first_col
    }
    pub fn end_col(&self) -> u32 {
        self.first_col + self.width
    }
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|d| matches!(d, Data::Empty))
    }

    /// The cell at absolute (row, col); `Empty` outside the used area.
    pub fn get(&self, row: u32, col: u32) -> &Data {
        match self.index(row, col) {
            Some(i) => &self.cells[i],
            None => &EMPTY,
        }
    }

    /// The cell at absolute (row, col), if it is inside the used area.
    pub fn get_mut(&mut self, row: u32, col: u32) -> Option<&mut Data> {
        let i = self.index(row, col)?;
        Some(&mut self.cells[i])
    }

    /// The cells of absolute row `row`, from `first_col()`.
    pub fn row(&self, row: u32) -> &[Data] {
        if row < self.first_row || row >= self.end_row() {
            return &[];
        }
        let s = ((row - self.first_row) * self.width) as usize;
        &self.cells[s..s + self.width as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_area_is_filled_and_coordinates_are_absolute() {
        let mut range: Range<Data> = Range::new((2, 1), (4, 3));
        range.set_value((2, 1), Data::String("化解情况".into()));
        range.set_value((3, 1), Data::String("化解状态".into()));
        range.set_value((3, 2), Data::String("化解日期".into()));
        let merges = [Dimensions::new((2, 1), (2, 2))];
        let g = Grid::from_range(range, &merges);
        assert_eq!(g.first_row(), 2);
        assert_eq!(g.get(2, 2), &Data::String("化解情况".into()));
        assert_eq!(g.get(3, 2), &Data::String("化解日期".into()));
        assert_eq!(g.get(0, 0), &Data::Empty);
        assert_eq!(g.row(3).len(), 3);
    }
}
