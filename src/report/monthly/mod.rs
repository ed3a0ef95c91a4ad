//! The monthly supervision workbook (一月一督导 / 一月一调度): 督导通报 · 月度考评 · 督查记录 · 整改跟踪 ·
//! 约谈及重点管理建议 · 民调指标 · 调度事项 · 图表. Everything comes from [`Monthly`]; the house style from
//! `report::style`. One file per sheet; this one holds what several sheets share.

mod assessment;
mod bulletin;
mod charts;
mod checks;
mod dispatch;
mod sections;
mod suggestions;
mod survey;
mod tracking;

use crate::figures::monthly::Monthly;
use crate::report::style::{new_workbook, print_setup, Styles, Widths};
use rust_xlsxwriter::{ColNum, Workbook, Worksheet, XlsxError};

pub const SHEETS: [&str; 7] = [
    "督导通报",
    "月度考评",
    "督查记录",
    "整改跟踪",
    "约谈及重点管理建议",
    "民调指标",
    "调度事项",
];

pub fn build(m: &Monthly) -> Result<Workbook, XlsxError> {
    let mut wb = new_workbook(m.date, &m.plan.town.office, "月度督导");
    let st = Styles::new();
    bulletin::write(wb.add_worksheet().set_name(SHEETS[0])?, &st, m)?;
    assessment::write(wb.add_worksheet().set_name(SHEETS[1])?, &st, m)?;
    checks::write(wb.add_worksheet().set_name(SHEETS[2])?, &st, m)?;
    tracking::write(wb.add_worksheet().set_name(SHEETS[3])?, &st, m)?;
    suggestions::write(wb.add_worksheet().set_name(SHEETS[4])?, &st, m)?;
    survey::write(wb.add_worksheet().set_name(SHEETS[5])?, &st, m)?;
    dispatch::write(wb.add_worksheet().set_name(SHEETS[6])?, &st, m)?;
    charts::sheet(&mut wb, &st, m)?;
    crate::report::sign_notes(&mut wb, &m.plan.town.office);
    Ok(wb)
}

fn as_of(m: &Monthly) -> String {
    format!(
        "{}（{}，{}至{}），统计截至{}",
        m.month_label(),
        m.weeks_label(),
        m.period.start,
        m.period.end,
        m.period.end
    )
}

/// Widths for a sheet of paragraphs (the bulletin): every column the same.
pub(crate) fn even_columns(ws: &mut Worksheet, cols: ColNum, width: f64) -> Result<f64, XlsxError> {
    let mut w = Widths::new(width, width);
    for c in 0..cols {
        w.see_width(c, 0);
    }
    let total = w.apply(ws)?;
    print_setup(ws, w.total_px(), None)?;
    Ok(total)
}
