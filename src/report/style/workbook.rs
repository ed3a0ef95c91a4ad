//! What every workbook and sheet gets besides its cells: A4 print setup (landscape when wide, one page
//! wide, page numbers), deterministic document properties (the report date, never the clock), and
//! sheet names Excel accepts (≤ 31 characters, no forbidden characters, unique).

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, RowNum, Workbook, Worksheet, XlsxError};
use std::collections::HashSet;

use super::{page_px, SIDE_MARGIN_IN};

/// A4 at 100 %: portrait when `total_px` (the columns' pixels, [`Widths::total_px`]) fits between the
/// margins, else landscape; `repeat` rows on every page, centred, 第 N 页 共 M 页 in the footer. The
/// print is never shrunk to fit (a leader reads the 11 pt body at 11 pt): callers narrow their columns
/// first ([`Widths::fit_paper`]). Only a sheet wider than landscape — which the layout prevents — falls
/// back to one page wide.
pub fn print_setup(
    ws: &mut Worksheet,
    total_px: f64,
    repeat: Option<(RowNum, RowNum)>,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if total_px > page_px(false) {
        ws.set_landscape();
    }
    if total_px > page_px(true) {
        ws.set_print_fit_to_pages(1, 0);
    }
    ws.set_print_center_horizontally(true);
    // Inches: left, right, top, bottom, header, footer.
    ws.set_margins(SIDE_MARGIN_IN, SIDE_MARGIN_IN, 0.6, 0.7, 0.3, 0.3);
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
}
