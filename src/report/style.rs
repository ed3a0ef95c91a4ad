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

mod fit;
mod table;
mod widths;
mod workbook;

pub use fit::{fit, NAME_MAX, PARAGRAPH_MAX, TEXT_MAX};
pub use table::*;
pub use widths::*;
pub use workbook::*;

use crate::diag::Severity;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{
    ColNum, Color, Format, FormatAlign, FormatBorder, RowNum, Worksheet, XlsxError,
};
use std::borrow::Cow;

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
    /// A sub-heading line inside a table (（一）村（社区）): 黑体, bordered, left.
    pub group: Format,
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
    /// [`Styles::warning`] and [`Styles::error`] centred, for a centred column: a highlighted cell
    /// keeps its column's alignment.
    pub warning_center: Format,
    pub error_center: Format,
    /// Right-aligned, for a column of numbers.
    pub warning_right: Format,
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
            group: Format::new()
                .set_font_name(FONT_HEADING)
                .set_font_size(BODY_SIZE)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::VerticalCenter),
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
            warning_center: center
                .clone()
                .set_background_color(Color::RGB(WARNING_FILL)),
            warning_right: body
                .clone()
                .set_align(FormatAlign::Right)
                .set_background_color(Color::RGB(WARNING_FILL)),
            error_center: center
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

    /// What the cell shows, for measuring its width (borrowed where it can be: text is measured in
    /// place, once per table cell).
    pub fn shown(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) | Cell::Warning(s) | Cell::Error(s) => fit(s, TEXT_MAX),
            Cell::Center(s) | Cell::Phone(s) => fit(s, NAME_MAX),
            Cell::Num(v) => Cow::Owned(format!("{v:.1}")),
            Cell::Int(v) => Cow::Owned(v.to_string()),
            Cell::Pct(v) => Cow::Owned(format!("{:.1}%", v * 100.0)),
            Cell::Date(_) => Cow::Borrowed("2021-04-07"),
            Cell::DateTime(_) => Cow::Borrowed("2021-04-07 17:30"),
            Cell::Grade(g) => Cow::Borrowed(g.zh()),
            Cell::Blank => Cow::Borrowed(""),
        }
    }
}

impl Widths {
    /// Notes a cell: numbers and dates cannot wrap ([`Widths::see_hard`]), text can.
    pub fn see_cell(&mut self, col: ColNum, cell: &Cell) {
        match cell {
            Cell::Num(_) | Cell::Int(_) | Cell::Pct(_) | Cell::Date(_) | Cell::DateTime(_) => {
                self.see_hard(col, &cell.shown())
            }
            _ => self.see(col, &cell.shown()),
        }
    }
}

/// Writes one cell with the format its variant calls for; text is cut to fit ([`fit`]): names and
/// centred words at [`NAME_MAX`], prose at [`TEXT_MAX`].
pub fn write_cell(
    ws: &mut Worksheet,
    st: &Styles,
    row: RowNum,
    col: ColNum,
    cell: &Cell,
) -> Result<(), XlsxError> {
    write_cell_in(ws, st, row, col, cell, ColumnAlign::Left)
}

/// Whether a column of `cells` is a centred one (status words, severities, ranks written as text):
/// every cell that is neither highlighted nor blank is centred, and at least one cell is not blank.
pub fn centred_column<'a>(cells: impl IntoIterator<Item = &'a Cell>) -> bool {
    let mut any = false;
    for c in cells {
        match c {
            Cell::Warning(_) | Cell::Error(_) => any = true,
            Cell::Center(_) | Cell::Grade(_) | Cell::Blank => any |= *c != Cell::Blank,
            _ => return false,
        }
    }
    any
}

/// Whether a column of `cells` holds numbers: every cell that is neither highlighted nor blank is
/// a number (a highlighted 样本数 like `5＊` then sits on the right like the numbers beside it).
pub fn numeric_column<'a>(cells: impl IntoIterator<Item = &'a Cell>) -> bool {
    let mut any = false;
    for c in cells {
        match c {
            Cell::Num(_) | Cell::Int(_) | Cell::Pct(_) => any = true,
            Cell::Warning(_) | Cell::Error(_) | Cell::Blank => {}
            Cell::Center(s) if s == "—" => {}
            _ => return false,
        }
    }
    any
}

/// How a column aligns its highlighted cells ([`write_cell_in`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnAlign {
    Left,
    Center,
    Right,
}

/// The alignment of a column of `cells`: centred ([`centred_column`]), numbers
/// ([`numeric_column`]) or text.
pub fn column_align(cells: &[&Cell]) -> ColumnAlign {
    if centred_column(cells.iter().copied()) {
        ColumnAlign::Center
    } else if numeric_column(cells.iter().copied()) {
        ColumnAlign::Right
    } else {
        ColumnAlign::Left
    }
}

/// [`write_cell`] in a column aligned `align` ([`column_align`]): a highlighted cell (warning,
/// error) takes its column's alignment rather than its own.
pub fn write_cell_in(
    ws: &mut Worksheet,
    st: &Styles,
    row: RowNum,
    col: ColNum,
    cell: &Cell,
    align: ColumnAlign,
) -> Result<(), XlsxError> {
    let centred = align == ColumnAlign::Center;
    match cell {
        Cell::Warning(s) if align == ColumnAlign::Right => {
            ws.write_string_with_format(row, col, fit(s, TEXT_MAX), &st.warning_right)?
        }
        Cell::Warning(s) if centred => {
            ws.write_string_with_format(row, col, fit(s, TEXT_MAX), &st.warning_center)?
        }
        Cell::Error(s) if centred => {
            ws.write_string_with_format(row, col, fit(s, TEXT_MAX), &st.error_center)?
        }
        Cell::Text(s) => ws.write_string_with_format(row, col, fit(s, TEXT_MAX), &st.text)?,
        Cell::Center(s) => ws.write_string_with_format(row, col, fit(s, NAME_MAX), &st.center)?,
        Cell::Phone(s) => ws.write_string_with_format(row, col, fit(s, NAME_MAX), &st.phone)?,
        Cell::Warning(s) => ws.write_string_with_format(row, col, fit(s, TEXT_MAX), &st.warning)?,
        Cell::Error(s) => ws.write_string_with_format(row, col, fit(s, TEXT_MAX), &st.error)?,
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

#[cfg(test)]
mod tests {
    use super::*;

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
