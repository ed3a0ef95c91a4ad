//! The report files' names, decided before any work so the output folder can be checked first: in a
//! plan and a period, out the weekly notice's and the monthly workbook's file names.

use crate::figures::monthly::month_label;
use crate::plan::calendar::Period;
use crate::plan::Plan;

/// `水泉镇双提升周通报_第6期_2021-05-10至05-16.xlsx`
pub fn weekly_file_name(plan: &Plan, p: &Period) -> String {
    format!(
        "{}双提升周通报_第{}期_{}至{}.xlsx",
        plan.town.name,
        p.issue,
        p.start.format("%Y-%m-%d"),
        p.end.format("%m-%d")
    )
}

/// `水泉镇双提升月度督导_2021年5月.xlsx`
pub fn monthly_file_name(plan: &Plan, p: &Period) -> String {
    format!("{}双提升月度督导_{}.xlsx", plan.town.name, month_label(p))
}
