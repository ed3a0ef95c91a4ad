//! The house style every workbook shares (SPEC §7): official-document fonts, formats for each kind of
//! value, column widths that fit Chinese, A4 print setup with repeated headers and page numbers, safe
//! sheet names, and deterministic document properties. The weekly, monthly, feedback and template
//! workbooks all build on this so they look and print alike.
//!
//! A typical sheet is one call:
//!
//! ```
//! use shuangti::report::style::{new_workbook, write_table, Cell, Styles, Table};
//! let date = chrono::NaiveDate::from_ymd_opt(2021, 5, 16).unwrap();
//! let mut wb = new_workbook(date, "水泉镇“双提升”领导小组办公室", "周通报");
//! let st = Styles::new();
//! let ws = wb.add_worksheet().set_name("周报报送").unwrap();
//! let t = Table::new("周报报送情况", ["村居", "状态"]).row(vec![Cell::text("东庄村"), Cell::text("按时")]);
//! write_table(ws, &st, 0, &t).unwrap();
//! let bytes = wb.save_to_buffer().unwrap();
//! ```

use crate::diag::Severity;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{
    ColNum, Color, DocProperties, Format, FormatAlign, FormatBorder, Note, RowNum, Workbook,
    Worksheet, XlsxError,
};
use std::collections::HashSet;
use unicode_width::UnicodeWidthStr;

/// Title font (公文标题).
pub const FONT_TITLE: &str = "方正小标宋简体";
/// Body font (公文正文).
pub const FONT_BODY: &str = "仿宋_GB2312";
/// Headings and table headers.
pub const FONT_HEADING: &str = "黑体";

/// Light grey header fill: prints as a pale grey that black text reads on.
const HEADER_FILL: u32 = 0xD9D9D9;
/// Grade fills, light enough that black text reads in a greyscale printout. The grade is always also
/// written as a word (绿/黄/红), never shown by colour alone.
const GREEN_FILL: u32 = 0xC6EFCE;
const YELLOW_FILL: u32 = 0xFFEB9C;
const RED_FILL: u32 = 0xFFC7CE;
const WARNING_FILL: u32 = 0xFFF2CC;
const ERROR_FILL: u32 = 0xFFC7CE;
const ERROR_FONT: u32 = 0x9C0006;
/// Header text of required columns in the blank templates (also marked by a note and in 填表说明).
const REQUIRED_FONT: u32 = 0xC00000;

/// Body font size in points; column widths below are computed for it.
pub const BODY_SIZE: f64 = 11.0;

/// Grades come from scoring; the style only colours them.
pub use crate::figures::score::Grade;

/// Every format a report uses, built once per workbook.
#[derive(Debug, Clone)]
pub struct Styles {
    /// Sheet title: 方正小标宋简体 18pt, centred (merged across the table).
    pub title: Format,
    /// A line under the title (period, data as of …): 仿宋 11pt, centred.
    pub subtitle: Format,
    /// Free paragraph text in bulletins (仿宋 12pt, wrapping, no border).
    pub paragraph: Format,
    /// A heading line in bulletins (一、总体情况): 黑体 12pt.
    pub heading: Format,
    /// Table header: 黑体 bold, border, light grey fill, wrap, centred.
    pub header: Format,
    /// Header of a required column in the blank templates.
    pub header_required: Format,
    /// Body text: border, wrap, left, vertically centred.
    pub text: Format,
    /// Short centred body text (status words, ranks).
    pub center: Format,
    /// A number with one decimal (scores).
    pub number: Format,
    /// A whole number.
    pub int: Format,
    /// `0.0%`.
    pub percent: Format,
    /// `yyyy-mm-dd`.
    pub date: Format,
    /// `yyyy-mm-dd hh:mm`.
    pub datetime: Format,
    /// `yyyy-mm-dd hh:mm:ss`, for a time whose seconds are not zero (17:30:59 is after a 17:30
    /// deadline and must not read as 17:30).
    pub datetime_seconds: Format,
    /// `@`: phone numbers, ID numbers, codes — kept as text as typed.
    pub phone: Format,
    pub green: Format,
    pub yellow: Format,
    pub red: Format,
    /// A cell that needs attention (late, near-miss).
    pub warning: Format,
    /// A cell that is wrong (missing, overdue, error).
    pub error: Format,
}

impl Default for Styles {
    fn default() -> Self {
        Styles::new()
    }
}

impl Styles {
    pub fn new() -> Styles {
        let body = Format::new()
            .set_font_name(FONT_BODY)
            .set_font_size(BODY_SIZE)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let text = body.clone().set_text_wrap().set_align(FormatAlign::Left);
        let center = body.clone().set_text_wrap().set_align(FormatAlign::Center);
        let header = Format::new()
            .set_font_name(FONT_HEADING)
            .set_font_size(BODY_SIZE)
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_background_color(Color::RGB(HEADER_FILL))
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        let fill = |rgb: u32| center.clone().set_background_color(Color::RGB(rgb));
        Styles {
            title: Format::new()
                .set_font_name(FONT_TITLE)
                .set_font_size(18)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new()
                .set_font_name(FONT_BODY)
                .set_font_size(BODY_SIZE)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            paragraph: Format::new()
                .set_font_name(FONT_BODY)
                .set_font_size(12)
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top),
            heading: Format::new()
                .set_font_name(FONT_HEADING)
                .set_font_size(12)
                .set_align(FormatAlign::VerticalCenter),
            header_required: header.clone().set_font_color(Color::RGB(REQUIRED_FONT)),
            header,
            number: body.clone().set_num_format("0.0"),
            int: body.clone().set_num_format("0"),
            percent: body.clone().set_num_format("0.0%"),
            date: center.clone().set_num_format("yyyy-mm-dd"),
            datetime: center.clone().set_num_format("yyyy-mm-dd hh:mm"),
            datetime_seconds: center.clone().set_num_format("yyyy-mm-dd hh:mm:ss"),
            phone: center.clone().set_num_format("@"),
            green: fill(GREEN_FILL),
            yellow: fill(YELLOW_FILL),
            red: fill(RED_FILL),
            warning: text.clone().set_background_color(Color::RGB(WARNING_FILL)),
            error: text
                .clone()
                .set_background_color(Color::RGB(ERROR_FILL))
                .set_font_color(Color::RGB(ERROR_FONT))
                .set_bold(),
            text,
            center,
        }
    }

    pub fn grade(&self, g: Grade) -> &Format {
        match g {
            Grade::Green => &self.green,
            Grade::Yellow => &self.yellow,
            Grade::Red => &self.red,
        }
    }
}

/// One typed table cell: the variant decides the format and the width it needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, wrapping when longer than the column's cap.
    Text(String),
    /// Short text centred (status words, 是/否, ranks written as text).
    Center(String),
    /// A number shown with one decimal.
    Num(f64),
    Int(i64),
    /// A fraction 0..1 shown as `0.0%`.
    Pct(f64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// A phone or ID number: written as text with the `@` format.
    Phone(String),
    /// The grade word on its fill colour.
    Grade(Grade),
    /// Text highlighted as needing attention.
    Warning(String),
    /// Text highlighted as wrong.
    Error(String),
    Blank,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// `Num`, or `Blank` for `None` (a figure with no data to judge).
    pub fn num(v: Option<f64>) -> Cell {
        v.map_or(Cell::Blank, Cell::Num)
    }

    /// `Pct`, or `Blank` for `None`.
    pub fn pct(v: Option<f64>) -> Cell {
        v.map_or(Cell::Blank, Cell::Pct)
    }

    /// A diagnostic's severity word (错误, 警告, 提示), highlighted as an error, a warning or not at all.
    pub fn severity(s: Severity) -> Cell {
        let word = s.zh().to_string();
        match s {
            Severity::Error => Cell::Error(word),
            Severity::Warning => Cell::Warning(word),
            Severity::Info => Cell::Center(word),
        }
    }

    /// What the cell shows, for measuring its width.
    pub fn shown(&self) -> String {
        match self {
            Cell::Text(s)
            | Cell::Center(s)
            | Cell::Phone(s)
            | Cell::Warning(s)
            | Cell::Error(s) => s.clone(),
            Cell::Num(v) => format!("{v:.1}"),
            Cell::Int(v) => v.to_string(),
            Cell::Pct(v) => format!("{:.1}%", v * 100.0),
            Cell::Date(_) => "2021-04-07".into(),
            Cell::DateTime(_) => "2021-04-07 17:30".into(),
            Cell::Grade(g) => g.zh().into(),
            Cell::Blank => String::new(),
        }
    }
}

/// Writes one cell with the format its variant calls for.
pub fn write_cell(
    ws: &mut Worksheet,
    st: &Styles,
    row: RowNum,
    col: ColNum,
    cell: &Cell,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(s) => ws.write_string_with_format(row, col, s, &st.text)?,
        Cell::Center(s) => ws.write_string_with_format(row, col, s, &st.center)?,
        Cell::Phone(s) => ws.write_string_with_format(row, col, s, &st.phone)?,
        Cell::Warning(s) => ws.write_string_with_format(row, col, s, &st.warning)?,
        Cell::Error(s) => ws.write_string_with_format(row, col, s, &st.error)?,
        Cell::Num(v) => ws.write_number_with_format(row, col, *v, &st.number)?,
        Cell::Int(v) => ws.write_number_with_format(row, col, *v as f64, &st.int)?,
        Cell::Pct(v) => ws.write_number_with_format(row, col, *v, &st.percent)?,
        Cell::Date(d) => ws.write_datetime_with_format(row, col, d, &st.date)?,
        Cell::DateTime(d) if d.second() != 0 => {
            ws.write_datetime_with_format(row, col, d, &st.datetime_seconds)?
        }
        Cell::DateTime(d) => ws.write_datetime_with_format(row, col, d, &st.datetime)?,
        Cell::Grade(g) => ws.write_string_with_format(row, col, g.zh(), st.grade(*g))?,
        Cell::Blank => ws.write_blank(row, col, &st.text)?,
    };
    Ok(())
}

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
    let mut widths = Widths::new(4.0, 50.0);
    for (c, h) in t.headers.iter().enumerate() {
        widths.see_header(c as ColNum, h);
    }
    for r in &t.rows {
        for (c, cell) in r.iter().enumerate() {
            widths.see(c as ColNum, &cell.shown());
        }
    }
    widths
}

/// [`write_table`] with the column widths given (at least what [`table_widths`] measured).
pub fn write_table_with_widths(
    ws: &mut Worksheet,
    st: &Styles,
    start_row: RowNum,
    t: &Table,
    widths: &Widths,
) -> Result<TableLayout, XlsxError> {
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
    let total = widths.apply(ws)?;
    print_setup(ws, total, Some((start_row, header_row)))?;
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
    for (i, cells) in t.rows.iter().enumerate() {
        let r = header_row + 1 + i as RowNum;
        for (c, cell) in cells.iter().enumerate() {
            write_cell(ws, st, r, c as ColNum, cell)?;
        }
        let shown: Vec<String> = cells.iter().map(Cell::shown).collect();
        fit_row_height(ws, r, widths, shown.iter().map(String::as_str))?;
    }
    Ok(header_row + t.rows.len() as RowNum)
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
pub fn fit_row_height<'a>(
    ws: &mut Worksheet,
    row: RowNum,
    widths: &Widths,
    texts: impl IntoIterator<Item = &'a str>,
) -> Result<(), XlsxError> {
    let n = texts
        .into_iter()
        .enumerate()
        .map(|(c, s)| widths.lines(c as ColNum, s))
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

/// Writes `text` across columns `first..=last` of `row` (a single cell when they are the same column).
pub fn write_merged(
    ws: &mut Worksheet,
    row: RowNum,
    first: ColNum,
    last: ColNum,
    text: &str,
    fmt: &Format,
) -> Result<(), XlsxError> {
    if last > first {
        ws.merge_range(row, first, row, last, text, fmt)?;
    } else {
        ws.write_string_with_format(row, first, text, fmt)?;
    }
    Ok(())
}

/// The width a text needs on screen, in half-width columns: CJK and full-width characters count 2,
/// and a multi-line text is as wide as its widest line.
pub fn text_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Column widths measured from the text each column will show, capped, then applied with
/// `set_column_width`. (`Worksheet::autofit` counts a CJK character as half what it needs.)
#[derive(Debug, Clone)]
pub struct Widths {
    min: f64,
    max: f64,
    need: Vec<usize>,
}

impl Widths {
    /// `min`/`max` are Excel column widths (characters of the default font).
    pub fn new(min: f64, max: f64) -> Widths {
        Widths {
            min,
            max,
            need: Vec::new(),
        }
    }

    /// Notes a value shown in `col`.
    pub fn see(&mut self, col: ColNum, text: &str) {
        self.see_width(col, text_width(text));
    }

    /// Notes a header: a long header may wrap onto two lines rather than widen its column a lot.
    pub fn see_header(&mut self, col: ColNum, text: &str) {
        let w = text_width(text);
        self.see_width(col, w.min(12.max(w.div_ceil(2) + 2)));
    }

    /// Notes a width in half-width columns.
    pub fn see_width(&mut self, col: ColNum, w: usize) {
        let c = col as usize;
        if self.need.len() <= c {
            self.need.resize(c + 1, 0);
        }
        self.need[c] = self.need[c].max(w);
    }

    /// Takes the wider need of each column from `other` (two blocks sharing a sheet's columns).
    pub fn merge(&mut self, other: &Widths) {
        for (c, &w) in other.need.iter().enumerate() {
            self.see_width(c as ColNum, w);
        }
    }

    /// The Excel width for column `col`.
    pub fn width(&self, col: ColNum) -> f64 {
        let w = self.need.get(col as usize).copied().unwrap_or(0);
        excel_width(w).clamp(self.min, self.max)
    }

    /// Lines `text` wraps to in column `col`.
    pub fn lines(&self, col: ColNum, text: &str) -> usize {
        lines_in(text, self.width(col))
    }

    /// Sets every measured column's width; returns the total (to choose portrait or landscape).
    pub fn apply(&self, ws: &mut Worksheet) -> Result<f64, XlsxError> {
        let mut total = 0.0;
        for c in 0..self.need.len() {
            let w = self.width(c as ColNum);
            ws.set_column_width(c as ColNum, w)?;
            total += w;
        }
        Ok(total)
    }
}

/// Converts a display width (half-width columns at [`BODY_SIZE`]) to an Excel column width: an 11pt CJK
/// glyph is a little wider than two digits of the default font, plus padding for the cell margins.
pub fn excel_width(display: usize) -> f64 {
    (display as f64 * 1.1 + 2.0).ceil()
}

/// Lines `text` wraps to in a column of Excel width `width` (the inverse of [`excel_width`]).
pub fn lines_in(text: &str, width: f64) -> usize {
    let per_line = (((width - 2.0) / 1.1 + 1e-9).floor() as usize).max(1);
    text.lines()
        .map(|l| UnicodeWidthStr::width(l).div_ceil(per_line).max(1))
        .sum::<usize>()
        .max(1)
}

/// Measures every column of `rows` (the header row included if the caller passes it) and sets the
/// widths, each between `min` and `max`. Returns the total width.
pub fn fit_widths<S: AsRef<str>>(
    ws: &mut Worksheet,
    rows: &[Vec<S>],
    min: f64,
    max: f64,
) -> Result<f64, XlsxError> {
    let mut w = Widths::new(min, max);
    for r in rows {
        for (c, s) in r.iter().enumerate() {
            w.see(c as ColNum, s.as_ref());
        }
    }
    w.apply(ws)
}

/// Widest total column width that still prints legibly on portrait A4 (≈ 174 mm between margins).
pub const PORTRAIT_MAX_WIDTH: f64 = 95.0;

/// A4, landscape when the table is wider than portrait allows, one page wide (as many pages tall as
/// needed), `repeat` rows on every page, centred, 第 N 页 共 M 页 in the footer.
pub fn print_setup(
    ws: &mut Worksheet,
    total_width: f64,
    repeat: Option<(RowNum, RowNum)>,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if total_width > PORTRAIT_MAX_WIDTH {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    // Inches: left, right, top, bottom, header, footer.
    ws.set_margins(0.5, 0.5, 0.6, 0.7, 0.3, 0.3);
    ws.set_footer("&C第 &P 页 共 &N 页");
    if let Some((first, last)) = repeat {
        ws.set_repeat_rows(first, last)?;
    }
    Ok(())
}

/// A new workbook whose document properties carry the report date (never the clock) and the office, so
/// the same inputs give byte-identical files.
pub fn new_workbook(report_date: NaiveDate, office: &str, title: &str) -> Workbook {
    // (marked as this tool's report: one saved back into the inbox is not read as a ledger)
    let props = properties(report_date, office, title)
        .set_custom_property(crate::ingest::own_report::PROPERTY, title);
    let mut wb = Workbook::new();
    wb.set_properties(&props);
    wb
}

/// A blank ledger template: like [`new_workbook`] but not marked as a report, since the villages
/// fill it in and send it back as their ledger.
pub fn new_template_workbook(date: NaiveDate, office: &str, title: &str) -> Workbook {
    let mut wb = Workbook::new();
    wb.set_properties(&properties(date, office, title));
    wb
}

fn properties(date: NaiveDate, office: &str, title: &str) -> DocProperties {
    DocProperties::new()
        .set_title(title)
        .set_author(office)
        .set_company(office)
        .set_creation_datetime(&date)
}

/// Characters Excel refuses in a sheet name.
const SHEET_FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];
/// Excel's limit on a sheet name's length.
pub const SHEET_NAME_MAX: usize = 31;

/// A valid, unique sheet name made from `s`: forbidden characters become `_`, leading/trailing
/// apostrophes and spaces are dropped, it is cut to 31 characters, and a name already in `taken`
/// (compared without case, as Excel does) gets ` (2)`, ` (3)` … The returned name is added to `taken`
/// (lower-cased).
pub fn sheet_name(s: &str, taken: &mut HashSet<String>) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if SHEET_FORBIDDEN.contains(&c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    let base = if cleaned.is_empty() {
        "工作表"
    } else {
        cleaned
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("({n})")
        };
        let keep = SHEET_NAME_MAX - suffix.chars().count();
        let stem: String = base.chars().take(keep).collect();
        let stem = stem.trim_end_matches(|c: char| c == '\'' || c.is_whitespace());
        let name = format!("{stem}{suffix}");
        if taken.insert(name.to_lowercase()) {
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_double() {
        assert_eq!(text_width("东庄村"), 6);
        assert_eq!(text_width("ab"), 2);
        assert_eq!(text_width("第一行\n长长长长的第二行"), 16);
        assert!(excel_width(6) >= 8.0);
        // A text measured for a column fits that column on one line.
        for w in 1..45 {
            assert_eq!(lines_in(&"8".repeat(w), excel_width(w)), 1, "{w}");
            assert_eq!(lines_in(&"8".repeat(w + 1), excel_width(w)), 2, "{w}");
        }
    }

    #[test]
    fn long_header_wraps_instead_of_widening() {
        let mut w = Widths::new(4.0, 50.0);
        w.see_header(0, "大喇叭宣传次数");
        w.see(0, "3");
        assert!(w.width(0) < excel_width(14));
        w.see_header(1, "村居");
        assert_eq!(w.width(1), excel_width(4));
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(sheet_name("东庄村", &mut taken), "东庄村");
        assert_eq!(sheet_name("东庄村", &mut taken), "东庄村(2)");
        assert_eq!(sheet_name("东庄村", &mut taken), "东庄村(3)");
        assert_eq!(sheet_name("a/b[c]:d*e?f\\g", &mut taken), "a_b_c__d_e_f_g");
        assert_eq!(sheet_name("Sheet1", &mut taken), "Sheet1");
        assert_eq!(sheet_name("SHEET1", &mut taken), "SHEET1(2)");
        assert_eq!(sheet_name("", &mut taken), "工作表");
        let long = "很".repeat(40);
        let a = sheet_name(&long, &mut taken);
        let b = sheet_name(&long, &mut taken);
        assert_eq!(a.chars().count(), 31);
        assert_eq!(b.chars().count(), 31);
        assert!(b.ends_with("(2)"));
        assert_ne!(a, b);
    }

    fn sample(date: NaiveDate) -> Vec<u8> {
        let mut wb = new_workbook(date, "水泉镇“双提升”领导小组办公室", "测试");
        let st = Styles::new();
        let ws = wb.add_worksheet().set_name("综合排名").unwrap();
        let t = Table::new(
            "综合排名",
            ["名次", "村居", "得分", "等级", "覆盖率", "报送时间"],
        )
        .subtitle("统计截至 2021-05-16")
        .note(2, "满分100")
        .row(vec![
            Cell::Int(1),
            Cell::text("东庄村"),
            Cell::Num(92.5),
            Cell::Grade(Grade::Green),
            Cell::Pct(0.875),
            Cell::DateTime(date.and_hms_opt(16, 30, 0).unwrap()),
        ])
        .row(vec![
            Cell::Int(2),
            Cell::text("西岭社区"),
            Cell::num(None),
            Cell::Grade(Grade::Red),
            Cell::Error("未报".into()),
            Cell::Blank,
        ]);
        let lay = write_table(ws, &st, 0, &t).unwrap();
        assert_eq!(lay.header_row, 2);
        assert_eq!(lay.last_row, 4);
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn same_inputs_same_bytes() {
        let d = NaiveDate::from_ymd_opt(2021, 5, 16).unwrap();
        assert_eq!(sample(d), sample(d));
        assert_ne!(sample(d), sample(d.succ_opt().unwrap()));
    }
}
