//! 督导通报: the month as a Chinese bulletin on A4 — 报头 (title, （2021年5月）, the office on the left and
//! the date on the right over a rule line, shared with the weekly 通报 in `report::bulletin`), the body
//! from `sections` (一 to 四), and the 报/送 lines.

use super::sections::body;
use crate::figures::monthly::Monthly;
use crate::report::bulletin::{colophon, per_line, Block, Masthead, RED};
use crate::report::prose::{gongwen, hard_wrap, wrapped_lines};
use crate::report::style::{
    fit, Styles, FONT_BODY, FONT_HEADING, FONT_TITLE, NAME_MAX, PARAGRAPH_MAX,
};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, RowNum, Worksheet, XlsxError};

/// Columns of the page and their width: 8 × 10 = 80 (634 px as LibreOffice lays it out), inside
/// portrait A4 between the bulletin's margins at 100 %.
const COLS: u16 = 8;
const COL_WIDTH: f64 = 10.0;
/// Points per line of 12pt body text.
const LINE: f64 = 18.0;

struct Page<'w> {
    ws: &'w mut Worksheet,
    row: RowNum,
    para: Format,
    heading: Format,
}

impl Page<'_> {
    /// A paragraph across the page, indented two characters, its row as tall as its lines.
    fn para(&mut self, text: &str) -> Result<(), XlsxError> {
        let text = format!("　　{text}");
        self.block(&text, &self.para.clone())
    }

    fn block(&mut self, text: &str, fmt: &Format) -> Result<(), XlsxError> {
        let text = gongwen(text);
        let text = fit(&text, PARAGRAPH_MAX);
        let per = per_line(COLS, COL_WIDTH, 12.0);
        let lines = wrapped_lines(&text, per);
        let text = hard_wrap(&text, per);
        self.ws
            .merge_range(self.row, 0, self.row, COLS - 1, &text, fmt)?;
        self.ws
            .set_row_height(self.row, lines as f64 * LINE + 4.0)?;
        self.row += 1;
        Ok(())
    }

    fn heading(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws.merge_range(
            self.row,
            0,
            self.row,
            COLS - 1,
            &fit(&gongwen(text), NAME_MAX),
            &self.heading,
        )?;
        self.ws.set_row_height(self.row, 26.0)?;
        self.row += 1;
        Ok(())
    }
}

pub fn write(ws: &mut Worksheet, _st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    super::even_columns(ws, COLS, COL_WIDTH)?;
    ws.set_margins(0.75, 0.7, 0.8, 0.8, 0.3, 0.3);
    let red = Color::RGB(RED);
    let title = Format::new()
        .set_font_name(FONT_TITLE)
        .set_font_size(22)
        .set_font_color(red)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let issue = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(14)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let office = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(12)
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Bottom)
        .set_border_bottom(FormatBorder::Medium)
        .set_border_bottom_color(red);
    let date = office.clone().set_align(FormatAlign::Right);
    let para = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(12)
        .set_text_wrap()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Top);
    let heading = Format::new()
        .set_font_name(FONT_HEADING)
        .set_font_size(13)
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::VerticalCenter);

    let town = &m.plan.town;
    let masthead = Masthead {
        title: &title,
        title_height: 44.0,
        issue: &issue,
        office: &office,
        date: &date,
    };
    let row = masthead.write(
        ws,
        COLS,
        &format!("{}“双提升”工作督导通报", town.name),
        &format!("（{}）", m.month_label()),
        &town.office,
        m.date,
    )?;
    let mut p = Page {
        ws,
        row,
        para,
        heading,
    };

    for block in body(m) {
        match block {
            Block::Heading(h) => p.heading(&h)?,
            Block::Para { lead, text } => p.para(&format!("{lead}{text}"))?,
        }
    }

    // 报 / 送 between two rule lines.
    let row = p.row + 1;
    let top = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(12)
        .set_text_wrap()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::VerticalCenter)
        .set_border_top(FormatBorder::Thin);
    let middle = top.clone().set_border_top(FormatBorder::None);
    let bottom = middle.clone().set_border_bottom(FormatBorder::Thin);
    p.row = row;
    let [to, copy, issued] = colophon(&town.office, &town.report_to, &town.copy_to, m.date);
    p.block(&to, &top)?;
    p.block(&copy, &middle)?;
    p.block(&issued, &bottom.set_align(FormatAlign::Right))?;
    Ok(())
}
