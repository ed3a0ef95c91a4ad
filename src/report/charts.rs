//! The 图表 sheet every report workbook ends with: one native chart per printed page (live in Excel and
//! WPS, so a leader can click a bar and see its number), each with the small table its series point
//! at written under it on the same sheet. Charts print whole: every chart starts a page (a manual break
//! before each block), the sheet prints at 100 % on portrait A4 — not "fit to one page wide", which
//! makes Excel ignore manual breaks — and the columns plus the chart stay inside that width.
//! The weekly and monthly workbooks only say what each page holds (`report::weekly::charts`,
//! `report::monthly::charts`).

use crate::report::style::{write_cell, write_title, Cell, Styles, FONT_BODY, FONT_HEADING};
use rust_xlsxwriter::{
    Chart, ChartFont, ChartLegendPosition, ColNum, RowNum, Worksheet, XlsxError,
};

/// The sheet's name; the series refer to it.
pub const SHEET: &str = "图表";

/// Columns the pages use: the first holds the category (unit, week, rate), the rest the values.
const COLS: ColNum = 6;
const FIRST_WIDTH: f64 = 18.0;
const VALUE_WIDTH: f64 = 13.0;
/// Pixels: narrower than the columns (131 + 5 × 96 = 611 px) — LibreOffice measures columns a little
/// narrower than Excel, and a chart past the print area prints its rest on a page of its own.
const CHART_WIDTH: u32 = 540;
const CHART_HEIGHT: u32 = 440;
/// Default rows (20 px) the chart covers, and one to spare before the table.
const CHART_ROWS: RowNum = 23;

/// One printed page: a title, a line saying what the numbers are, the chart, and its data.
pub struct Page {
    pub title: String,
    pub note: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Where a page's data went, for the series' ranges: `(SHEET, first, col, last, col)`.
#[derive(Debug, Clone, Copy)]
pub struct Data {
    pub first: RowNum,
    pub last: RowNum,
}

impl Data {
    pub fn col(&self, col: ColNum) -> (&'static str, RowNum, ColNum, RowNum, ColNum) {
        (SHEET, self.first, col, self.last, col)
    }
}

pub struct ChartSheet<'a> {
    ws: &'a mut Worksheet,
    st: &'a Styles,
    next: RowNum,
    breaks: Vec<RowNum>,
}

impl<'a> ChartSheet<'a> {
    /// Names the sheet and sets it up for printing: A4 portrait at 100 %, centred, page numbers.
    pub fn new(ws: &'a mut Worksheet, st: &'a Styles) -> Result<ChartSheet<'a>, XlsxError> {
        ws.set_name(SHEET)?;
        ws.set_column_width(0, FIRST_WIDTH)?;
        ws.set_column_range_width(1, COLS - 1, VALUE_WIDTH)?;
        ws.set_screen_gridlines(false);
        ws.set_paper_size(9);
        ws.set_portrait();
        ws.set_print_center_horizontally(true);
        ws.set_margins(0.5, 0.5, 0.6, 0.7, 0.3, 0.3);
        ws.set_footer("&C第 &P 页 共 &N 页");
        Ok(ChartSheet {
            ws,
            st,
            next: 0,
            breaks: Vec::new(),
        })
    }

    /// Writes one page: title, note, the chart `make` builds from where the data went, then the data.
    /// A page without data rows is left out (there is nothing to draw).
    pub fn page(&mut self, p: &Page, make: impl FnOnce(Data) -> Chart) -> Result<(), XlsxError> {
        if p.rows.is_empty() {
            return Ok(());
        }
        let top = self.next;
        if top > 0 {
            self.breaks.push(top);
        }
        write_title(self.ws, self.st, top, COLS, &p.title)?;
        self.ws
            .merge_range(top + 1, 0, top + 1, COLS - 1, &p.note, &self.st.subtitle)?;
        let header = top + 2 + CHART_ROWS;
        for (c, h) in p.headers.iter().enumerate() {
            self.ws
                .write_string_with_format(header, c as ColNum, h, &self.st.header)?;
        }
        for (i, row) in p.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                write_cell(
                    self.ws,
                    self.st,
                    header + 1 + i as RowNum,
                    c as ColNum,
                    cell,
                )?;
            }
        }
        let data = Data {
            first: header + 1,
            last: header + p.rows.len() as RowNum,
        };
        let mut chart = make(data);
        chart.set_width(CHART_WIDTH).set_height(CHART_HEIGHT);
        self.ws.insert_chart(top + 2, 0, &chart)?;
        self.next = data.last + 2;
        Ok(())
    }

    /// Sets the page breaks and the print area (the pages' columns only).
    pub fn finish(self) -> Result<(), XlsxError> {
        if !self.breaks.is_empty() {
            self.ws.set_page_breaks(&self.breaks)?;
        }
        if self.next > 0 {
            self.ws
                .set_print_area(0, 0, self.next.saturating_sub(2), COLS - 1)?;
        }
        Ok(())
    }
}

/// The house look of a chart: title in 黑体, axes and legend in 仿宋, legend under the plot.
pub fn styled(chart: &mut Chart, title: &str) {
    let mut heading = ChartFont::new();
    heading.set_name(FONT_HEADING).set_size(14);
    let mut body = ChartFont::new();
    body.set_name(FONT_BODY).set_size(10);
    chart.title().set_name(title).set_font(&heading);
    chart.x_axis().set_font(&body);
    chart.y_axis().set_font(&body);
    chart
        .legend()
        .set_position(ChartLegendPosition::Bottom)
        .set_font(&body);
}
