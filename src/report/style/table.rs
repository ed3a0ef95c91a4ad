//! Tables, the unit every report sheet is made of: a title (and a line under it), a bordered header
//! and typed rows. In: a [`Table`] and the sheet's [`Widths`]; out: the cells written with their row
//! heights, the freeze and filter below the header, and A4 printing with the header repeated.

use super::{
    column_align, fit, lines_in, print_setup, write_cell_in, Cell, ColumnAlign, Styles, Widths,
    PARAGRAPH_MAX,
};
use rust_xlsxwriter::{ColNum, Format, Note, RowNum, Worksheet, XlsxError};

/// A titled table: the unit every report sheet is made of.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Merged across the table width above the header.
    pub title: String,
    /// An optional line under the title (统计截至 2021-05-16 …), merged the same way.
    pub subtitle: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Header notes (comments) by column, e.g. how a figure is computed.
    pub notes: Vec<(ColNum, String)>,
    /// Sub-headings (（一）村（社区）) written on a line of their own before row `usize`, so groups
    /// ranked apart read as separate tables under one header.
    pub groups: Vec<(usize, String)>,
}

impl Table {
    pub fn new<S: Into<String>>(
        title: impl Into<String>,
        headers: impl IntoIterator<Item = S>,
    ) -> Table {
        Table {
            title: title.into(),
            headers: headers.into_iter().map(Into::into).collect(),
            ..Table::default()
        }
    }

    pub fn subtitle(mut self, s: impl Into<String>) -> Table {
        self.subtitle = Some(s.into());
        self
    }

    pub fn row(mut self, cells: Vec<Cell>) -> Table {
        self.rows.push(cells);
        self
    }

    pub fn note(mut self, col: ColNum, text: impl Into<String>) -> Table {
        self.notes.push((col, text.into()));
        self
    }

    /// A sub-heading before the row that will be number `before` (0-based).
    pub fn group(mut self, before: usize, heading: impl Into<String>) -> Table {
        self.groups.push((before, heading.into()));
        self
    }

    /// The sheet row data row `i` lands on, below `first_row` and the sub-headings before it.
    pub fn sheet_row(&self, first_row: RowNum, i: usize) -> RowNum {
        let headings = self.groups.iter().filter(|(at, _)| *at <= i).count();
        first_row + (i + headings) as RowNum
    }
}

/// Where [`write_table`] put things, so callers can write below or beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableLayout {
    pub title_row: RowNum,
    pub header_row: RowNum,
    /// The first data row (`header_row + 1`), even when there are no rows.
    pub first_row: RowNum,
    /// The last row written (the header row when the table is empty).
    pub last_row: RowNum,
    pub cols: ColNum,
}

/// Writes the title (and subtitle), the header and the rows from `start_row`; freezes the panes below
/// the header, sets an autofilter over the table, fits the column widths and sets up A4 printing with
/// the title and header repeated on every page. One table per sheet (a sheet has one freeze and one
/// filter).
pub fn write_table(
    ws: &mut Worksheet,
    st: &Styles,
    start_row: RowNum,
    t: &Table,
) -> Result<TableLayout, XlsxError> {
    write_table_with_widths(ws, st, start_row, t, &table_widths(t))
}

/// The column widths a table needs (its header and every cell), for [`write_table_with_widths`] —
/// merge them with another block's ([`Widths::merge`]) when two blocks share a sheet's columns.
pub fn table_widths(t: &Table) -> Widths {
    let mut widths = Widths::new(4.0, COLUMN_CAP);
    for (c, h) in t.headers.iter().enumerate() {
        widths.see_header(c as ColNum, h);
    }
    for r in &t.rows {
        for (c, cell) in r.iter().enumerate() {
            widths.see_cell(c as ColNum, cell);
        }
    }
    widths
}

/// The widest a table column gets (Excel width, ≈ 20 Chinese characters): longer text wraps.
pub const COLUMN_CAP: f64 = 46.0;

/// [`write_table`] with the column widths given (at least what [`table_widths`] measured), fitted to
/// A4 at 100 % ([`Widths::fit_paper`]) before the row heights are worked out.
pub fn write_table_with_widths(
    ws: &mut Worksheet,
    st: &Styles,
    start_row: RowNum,
    t: &Table,
    widths: &Widths,
) -> Result<TableLayout, XlsxError> {
    let widths = &widths.fitted();
    let cols = t.headers.len().max(1) as ColNum;
    let mut row = start_row;
    write_title(ws, st, row, cols, &t.title)?;
    row += 1;
    if let Some(sub) = &t.subtitle {
        write_merged(ws, row, 0, cols - 1, sub, &st.subtitle)?;
        let across: f64 = (0..cols).map(|c| widths.width(c)).sum();
        ws.set_row_height(row, row_height(lines_in(sub, across)))?;
        row += 1;
    }
    let header_row = row;
    // Wrapped rows need explicit heights (neither Excel nor LibreOffice reliably grows a row for
    // wrapped text when opening a file), and the heights depend on the final widths.
    let last_row = write_rows(ws, st, header_row, t, widths)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.autofilter(header_row, 0, last_row, cols - 1)?;
    widths.apply(ws)?;
    print_setup(ws, widths.total_px(), Some((start_row, header_row)))?;
    Ok(TableLayout {
        title_row: start_row,
        header_row,
        first_row: header_row + 1,
        last_row,
        cols,
    })
}

/// Writes a table's header at `header_row` and its rows below, with row heights for `widths`; returns
/// the last row written. No title, freeze, filter or print setup.
fn write_rows(
    ws: &mut Worksheet,
    st: &Styles,
    header_row: RowNum,
    t: &Table,
    widths: &Widths,
) -> Result<RowNum, XlsxError> {
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as ColNum, h, &st.header)?;
    }
    fit_row_height(ws, header_row, widths, t.headers.iter().map(String::as_str))?;
    for (col, text) in &t.notes {
        ws.insert_note(header_row, *col, &Note::new(text).add_author_prefix(false))?;
    }
    let align: Vec<ColumnAlign> = (0..t.headers.len())
        .map(|c| column_align(&t.rows.iter().filter_map(|r| r.get(c)).collect::<Vec<_>>()))
        .collect();
    let cols = t.headers.len().max(1) as ColNum;
    for (at, heading) in &t.groups {
        let r = t.sheet_row(header_row + 1, *at) - 1;
        write_merged(ws, r, 0, cols - 1, heading, &st.group)?;
        ws.set_row_height(r, row_height(1) + 4.0)?;
    }
    for (i, cells) in t.rows.iter().enumerate() {
        let r = t.sheet_row(header_row + 1, i);
        for (c, cell) in cells.iter().enumerate() {
            let a = align.get(c).copied().unwrap_or(ColumnAlign::Left);
            write_cell_in(ws, st, r, c as ColNum, cell, a)?;
        }
        fit_row_height(ws, r, widths, cells.iter().map(Cell::shown))?;
    }
    Ok(header_row + (t.rows.len() + t.groups.len()) as RowNum)
}

/// A second table on a sheet, below the main one (a sheet has one freeze and one filter, which the
/// main table keeps): its title as a heading line, then a bordered header and rows. Column widths
/// are the sheet's (merge this block's [`table_widths`] into the main table's before writing it).
/// Returns the last row written.
pub fn write_block(
    ws: &mut Worksheet,
    st: &Styles,
    start_row: RowNum,
    t: &Table,
    widths: &Widths,
) -> Result<RowNum, XlsxError> {
    let widths = &widths.fitted();
    let cols = t.headers.len().max(1) as ColNum;
    write_merged(ws, start_row, 0, cols - 1, &t.title, &st.heading)?;
    ws.set_row_height(start_row, row_height(1) + 4.0)?;
    let mut header_row = start_row + 1;
    if let Some(sub) = &t.subtitle {
        write_merged(ws, header_row, 0, cols - 1, sub, &st.subtitle)?;
        header_row += 1;
    }
    write_rows(ws, st, header_row, t, widths)
}

/// Points per line of body text (an 11pt CJK line with leading).
pub const LINE_HEIGHT: f64 = 15.0;

/// Height in points for `lines` lines of body text.
pub fn row_height(lines: usize) -> f64 {
    lines.max(1) as f64 * LINE_HEIGHT + 3.0
}

/// Gives row `row` the height its wrapped cells need (cell `i` sits in column `i`); a one-line row gets
/// a little more than Excel's default so Chinese text is not cramped.
pub fn fit_row_height(
    ws: &mut Worksheet,
    row: RowNum,
    widths: &Widths,
    texts: impl IntoIterator<Item = impl AsRef<str>>,
) -> Result<(), XlsxError> {
    let n = texts
        .into_iter()
        .enumerate()
        .map(|(c, s)| widths.lines(c as ColNum, s.as_ref()))
        .max()
        .unwrap_or(1);
    ws.set_row_height(row, row_height(n))?;
    Ok(())
}

/// A title row across `cols` columns, 方正小标宋 18pt, with a row tall enough for it.
pub fn write_title(
    ws: &mut Worksheet,
    st: &Styles,
    row: RowNum,
    cols: ColNum,
    title: &str,
) -> Result<(), XlsxError> {
    write_merged(ws, row, 0, cols.max(1) - 1, title, &st.title)?;
    ws.set_row_height(row, 32)?;
    Ok(())
}

/// Writes `text` across columns `first..=last` of `row` (a single cell when they are the same column),
/// cut to fit at [`PARAGRAPH_MAX`].
pub fn write_merged(
    ws: &mut Worksheet,
    row: RowNum,
    first: ColNum,
    last: ColNum,
    text: &str,
    fmt: &Format,
) -> Result<(), XlsxError> {
    let text = fit(text, PARAGRAPH_MAX);
    if last > first {
        ws.merge_range(row, first, row, last, &text, fmt)?;
    } else {
        ws.write_string_with_format(row, first, text, fmt)?;
    }
    Ok(())
}
