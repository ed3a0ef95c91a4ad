//! What the weekly 通报 and the monthly 督导通报 share as Chinese official bulletins: the body as
//! headings and paragraphs ([`Block`]), the 报头 rows (title, issue line, office and date over the red
//! rule), the document date and the Chinese ordinals of the sub-paragraphs. Each bulletin keeps its
//! own page (column widths, fonts, row heights), so only the shape is shared here.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet, XlsxError};

/// 报头 red: prints as a dark grey that still reads.
pub const RED: u32 = 0xC00000;

/// One block of a bulletin's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// 一、总体情况
    Heading(String),
    /// A paragraph; `lead` (e.g. `（一）周报报送。`) is set in bold before the text.
    Para { lead: String, text: String },
}

/// A paragraph with a bold `lead` (may be empty).
pub fn para(lead: impl Into<String>, text: impl Into<String>) -> Block {
    Block::Para {
        lead: lead.into(),
        text: text.into(),
    }
}

/// `2021年5月17日` (the official way to date a document).
pub fn ymd(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The 版记 both bulletins end with: 报 and 送 lines and the office with the date of issue (印发).
pub fn colophon(office: &str, report_to: &str, copy_to: &str, date: NaiveDate) -> [String; 3] {
    let stop = |s: &str| {
        if s.ends_with('。') {
            s.to_string()
        } else {
            format!("{s}。")
        }
    };
    [
        format!("报：{}", stop(report_to)),
        format!("送：{}", stop(copy_to)),
        format!("{office}　　{}印发", ymd(date)),
    ]
}

/// Half-width columns a 12 pt paragraph line holds across a page of `cols` columns of Excel width
/// `col_width`: the columns' pixels in Excel (the narrower of the two programs, so a row is never too
/// short) less the cell margins and 3 % (fallback fonts with digits wider than half an em), over half
/// a 12 pt em (16 px).
pub fn per_line(cols: ColNum, col_width: f64, pt: f64) -> usize {
    let px = (cols as f64 * (col_width * 7.0 + 5.0).floor() - 10.0) * 0.97;
    (px / (pt * 96.0 / 72.0 / 2.0)).floor() as usize
}

/// Chinese ordinal for the sub-paragraphs: 1 → 一, 12 → 十二, 21 → 二十一.
pub fn zh_num(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "零".into(),
        1..=9 => D[n].into(),
        10..=19 => format!("十{}", D[n % 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

/// The 报头's formats and the title row's height (each bulletin has its own type sizes).
pub struct Masthead<'f> {
    pub title: &'f Format,
    pub title_height: f64,
    pub issue: &'f Format,
    /// The office on the left and the date on the right; both carry the red rule below.
    pub office: &'f Format,
    pub date: &'f Format,
}

impl Masthead<'_> {
    /// Writes the 报头 in the first four rows of a page `cols` wide: `title`, `issue` (`（第6期）`),
    /// the office over columns 0–4 and `date` over the rest, then a thin gap. Returns the body's first
    /// row.
    pub fn write(
        &self,
        ws: &mut Worksheet,
        cols: ColNum,
        title: &str,
        issue: &str,
        office: &str,
        date: NaiveDate,
    ) -> Result<RowNum, XlsxError> {
        ws.merge_range(0, 0, 0, cols - 1, title, self.title)?;
        ws.set_row_height(0, self.title_height)?;
        ws.merge_range(1, 0, 1, cols - 1, issue, self.issue)?;
        ws.set_row_height(1, 26)?;
        ws.merge_range(2, 0, 2, 4, office, self.office)?;
        ws.merge_range(2, 5, 2, cols - 1, &ymd(date), self.date)?;
        ws.set_row_height(2, 24)?;
        ws.set_row_height(3, 10)?;
        Ok(4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_ordinals() {
        assert_eq!(zh_num(1), "一");
        assert_eq!(zh_num(10), "十");
        assert_eq!(zh_num(12), "十二");
        assert_eq!(zh_num(20), "二十");
        assert_eq!(zh_num(21), "二十一");
    }

    #[test]
    fn documents_are_dated_without_leading_zeros() {
        let d = NaiveDate::from_ymd_opt(2021, 5, 7).unwrap();
        assert_eq!(ymd(d), "2021年5月7日");
    }
}
