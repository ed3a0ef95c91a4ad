//! The 通报 sheet laid out as a Chinese official bulletin on one A4 portrait page width: 报头 (red
//! title, issue number, office and date over a thick rule), the body from `sections`, and 报尾 (报/送
//! lines between rules). Paragraphs are merged across the page with explicit row heights, since
//! LibreOffice does not grow rows for wrapped text when it opens a file.

use super::sections::body;
use crate::figures::weekly::Notice;
use crate::report::bulletin::{colophon, per_line, ymd, Block, Masthead, RED};
use crate::report::prose::{gongwen, hard_wrap, wrapped_lines};
use crate::report::style::{
    column_px, fit, print_setup, FONT_BODY, FONT_HEADING, FONT_TITLE, NAME_MAX, PARAGRAPH_MAX,
};
use rust_xlsxwriter::{
    ColNum, Color, Format, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};

/// The page: 8 equal columns, 80 characters of the default font in all (634 px as LibreOffice lays
/// it out, `column_px`: inside portrait A4 between the bulletin's 0.75 in margins at 100 %).
const COLS: ColNum = 8;
const COL_WIDTH: f64 = 10.0;
/// Body size and the height of one of its lines (CJK fonts need more leading than Latin ones).
const BODY_PT: f64 = 12.0;
const BODY_LINE: f64 = 19.0;

struct Formats {
    title: Format,
    issue: Format,
    office: Format,
    date: Format,
    heading: Format,
    para: Format,
    lead: Format,
    tail_first: Format,
    tail: Format,
    tail_last: Format,
}

fn formats() -> Formats {
    let body = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(BODY_PT)
        .set_align(FormatAlign::VerticalCenter);
    let rule = |f: Format| {
        f.set_border_bottom(FormatBorder::Thick)
            .set_border_bottom_color(Color::RGB(RED))
    };
    Formats {
        title: Format::new()
            .set_font_name(FONT_TITLE)
            .set_font_size(28)
            .set_bold()
            .set_font_color(Color::RGB(RED))
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        issue: body
            .clone()
            .set_font_size(14)
            .set_align(FormatAlign::Center),
        office: rule(body.clone().set_align(FormatAlign::Left)),
        date: rule(body.clone().set_align(FormatAlign::Right)),
        heading: Format::new()
            .set_font_name(FONT_HEADING)
            .set_font_size(14)
            .set_align(FormatAlign::Left)
            .set_align(FormatAlign::VerticalCenter),
        para: body.clone().set_text_wrap().set_align(FormatAlign::Left),
        lead: body.clone().set_bold(),
        tail_first: body
            .clone()
            .set_text_wrap()
            .set_border_top(FormatBorder::Medium),
        tail: body.clone().set_text_wrap(),
        tail_last: body
            .clone()
            .set_text_wrap()
            .set_border_bottom(FormatBorder::Medium),
    }
}

/// Two ideographic spaces: the first-line indent of a Chinese paragraph.
const INDENT: &str = "\u{3000}\u{3000}";

pub fn sheet(wb: &mut Workbook, n: &Notice) -> Result<(), XlsxError> {
    let f = formats();
    let ws = wb.add_worksheet().set_name("通报")?;
    ws.set_column_range_width(0, COLS - 1, COL_WIDTH)?;
    ws.set_screen_gridlines(false);
    let plan = n.plan;
    let p = n.period();

    // 报头
    let masthead = Masthead {
        title: &f.title,
        title_height: 54.0,
        issue: &f.issue,
        office: &f.office,
        date: &f.date,
    };
    let mut row = masthead.write(
        ws,
        COLS,
        &format!("{}“双提升”工作周通报", plan.town.name),
        &format!("（第{}期）", p.issue),
        &plan.town.office,
        n.date,
    )?;

    // 正文
    for block in body(n) {
        match block {
            Block::Heading(h) => {
                let h = gongwen(&h);
                ws.merge_range(row, 0, row, COLS - 1, &fit(&h, NAME_MAX), &f.heading)?;
                ws.set_row_height(row, 26)?;
            }
            Block::Para { lead, text } => {
                let (lead, text) = (gongwen(&lead), gongwen(&text));
                let room = PARAGRAPH_MAX - (INDENT.chars().count() + lead.chars().count());
                let text = fit(&text, room);
                let indent_lead = format!("{INDENT}{lead}");
                let all = format!("{indent_lead}{text}");
                let wrapped = hard_wrap(&all, per_line(COLS, COL_WIDTH, BODY_PT));
                ws.merge_range(row, 0, row, COLS - 1, &wrapped, &f.para)?;
                if !lead.is_empty() {
                    let (head, rest) = split_after(&all, &wrapped, indent_lead.chars().count());
                    let parts = [(&f.lead, head), (&f.para, rest)];
                    ws.write_rich_string_with_format(row, 0, &parts, &f.para)?;
                }
                paragraph_height(ws, row, &all)?;
            }
        }
        row += 1;
    }

    // 报尾
    row += 1;
    let [to, copy, issued] = colophon(
        &plan.town.office,
        &plan.town.report_to,
        &plan.town.copy_to,
        n.date,
    );
    let tail = [(to, &f.tail_first), (copy, &f.tail), (issued, &f.tail_last)];
    for (text, fmt) in tail {
        let text = fit(&text, PARAGRAPH_MAX);
        ws.merge_range(row, 0, row, COLS - 1, &text, fmt)?;
        paragraph_height(ws, row, &text)?;
        row += 1;
    }
    // Where the numbers come from, for whoever checks them.
    ws.merge_range(
        row,
        0,
        row,
        COLS - 1,
        &format!(
            "本通报数据统计截至{}，来自各单位报送的台账，明细见本工作簿其余各表。",
            ymd(p.end)
        ),
        &Format::new()
            .set_font_name(FONT_BODY)
            .set_font_size(9)
            .set_font_color(Color::RGB(0x595959))
            .set_align(FormatAlign::Right)
            .set_align(FormatAlign::VerticalCenter),
    )?;
    ws.set_row_height(row, 18)?;

    print_setup(ws, COLS as f64 * column_px(COL_WIDTH), None)?;
    ws.set_margins(0.75, 0.75, 0.7, 0.75, 0.3, 0.35);
    ws.set_print_area(0, 0, row, COLS - 1)?;
    Ok(())
}

/// Gives a paragraph row the height its wrapped text needs across the page.
fn paragraph_height(ws: &mut Worksheet, row: RowNum, text: &str) -> Result<(), XlsxError> {
    ws.set_row_height(row, paragraph_lines(text) as f64 * BODY_LINE + 3.0)?;
    Ok(())
}

/// `wrapped` (`text` with line breaks inserted) split where the first `n` characters of `text` end.
fn split_after<'a>(text: &str, wrapped: &'a str, n: usize) -> (&'a str, &'a str) {
    let mut orig = text.chars().peekable();
    let mut seen = 0;
    for (i, ch) in wrapped.char_indices() {
        if seen == n {
            return wrapped.split_at(i);
        }
        if orig.peek() == Some(&ch) {
            orig.next();
            seen += 1;
        }
    }
    (wrapped, "")
}

/// Lines a paragraph takes across the merged page ([`per_line`] half-width columns a line, wrapped
/// as a CJK renderer does, [`wrapped_lines`]).
fn paragraph_lines(text: &str) -> usize {
    wrapped_lines(text, per_line(COLS, COL_WIDTH, BODY_PT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_five_chinese_characters_fit_a_line() {
        assert_eq!(paragraph_lines(&"字".repeat(35)), 1);
        assert_eq!(paragraph_lines(&"字".repeat(36)), 2);
        assert_eq!(paragraph_lines("一\n二"), 2);
        let text = "　　（一）周报报送。本期应报送10个";
        let wrapped = "　　（一）周报\n报送。本期应报送10个";
        assert_eq!(
            split_after(text, wrapped, 7),
            ("　　（一）周报", "\n报送。本期应报送10个")
        );
    }
}
