//! 约谈及重点管理建议: the month's suggestions for the leading group, with the standards they apply.

use crate::figures::monthly::Monthly;
use crate::report::style::{write_table, Cell, Styles, Table};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// 约谈及重点管理建议: unit, suggested action, reason, evidence.
pub(super) fn write(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let sg = &m.plan.suggestions;
    let mut t = Table::new(
        format!("{}约谈及重点管理建议", m.month_label()),
        ["序号", "村居", "建议事项", "理由", "依据（期次、得分、指标）"],
    )
    .subtitle(format!(
        "以下均为建议，提请领导小组研究决定。建议只针对村（社区）；镇直单位的得分和等级见“月度考评”中的镇直单位部分，\
         其专题部署会、电子显示屏标语等要求的落实情况见“问题清单”。标准：连续{}周红色建议通报约谈；一月内{}周红色或安全感率低于{}建议重点管理；\
         一月内{}周红色或安全感率低于{}列为一票否决候选（安全感率须有效样本不少于{}份）",
        sg.interview_red_weeks_in_row,
        sg.key_management_red_weeks_in_month,
        crate::rules::pct(sg.security_floor),
        sg.veto_red_weeks_in_month,
        crate::rules::pct(sg.veto_security_floor),
        m.plan.minimums.survey_min_base
    ));
    for (i, s) in m.suggestions.iter().enumerate() {
        t = t.row(vec![
            Cell::Int(i as i64 + 1),
            Cell::text(m.unit_name(s.unit)),
            Cell::Center(format!("建议{}", s.action)),
            Cell::text(&s.reason),
            Cell::text(&s.evidence),
        ]);
    }
    if m.suggestions.is_empty() {
        t = t.row(vec![
            Cell::Blank,
            Cell::text("本月没有达到通报约谈、重点管理标准的村（社区）"),
        ]);
    }
    write_table(ws, st, 0, &t)?;
    Ok(())
}
