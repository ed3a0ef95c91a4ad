//! 督查记录: the month's supervision checks, then how often each unit was checked, by method.

use crate::figures::monthly::{Monthly, SUPERVISION_METHODS};
use crate::report::style::{
    table_widths, write_block, write_table_with_widths, Cell, Styles, Table,
};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// 督查记录: the month's checks by method; then checks per unit × method.
pub(super) fn write(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let r = &m.supervision.rows;
    let mut t = Table::new(
        format!("{}督查记录", m.month_label()),
        [
            "督查方式",
            "督查日期",
            "村居/单位",
            "发现问题",
            "整改要求",
            "整改期限",
            "整改状态",
            "督查人",
            "出处",
        ],
    )
    .subtitle(format!(
        "本月督查 {} 次：上门查看 {} 次、明察暗访 {} 次、电话抽查 {} 次；发现问题 {} 个",
        m.supervision.checks.len(),
        m.supervision.by_method[0],
        m.supervision.by_method[1],
        m.supervision.by_method[2],
        m.supervision.findings_month
    ));
    for &i in &m.supervision.checks {
        let s = &r[i];
        t = t.row(vec![
            Cell::Center(s.method.into()),
            s.date.map_or(Cell::Blank, Cell::Date),
            Cell::text(m.unit_name(s.unit)),
            Cell::text(&s.problem),
            Cell::text(&s.requirement),
            s.deadline.map_or(Cell::Blank, Cell::Date),
            Cell::Center(s.status.into()),
            Cell::Center(s.inspector.clone()),
            Cell::text(&s.date_source),
        ]);
    }
    if m.supervision.checks.is_empty() {
        t = t.row(vec![Cell::text("本月督查记录中没有记录")]);
    }

    let mut headers: Vec<String> = vec!["村居/单位".into()];
    headers.extend(SUPERVISION_METHODS.iter().map(|s| s.to_string()));
    headers.extend(["合计", "发现问题"].map(String::from));
    let mut counts = Table::new("各村（社区）督查次数", headers);
    let mut total = [0u32; 5];
    for (i, u) in m.ds.register.units.iter().enumerate() {
        let c = m.supervision.per_unit[i];
        let findings = m
            .supervision
            .checks
            .iter()
            .filter(|&&k| r[k].unit == i as u32 && r[k].finding)
            .count() as u32;
        let sum: u32 = c.iter().sum();
        if sum == 0 && !u.kind.is_village_level() {
            continue;
        }
        for (k, v) in [c[0], c[1], c[2], sum, findings].into_iter().enumerate() {
            total[k] += v;
        }
        let unit_cell = if sum < m.plan.minimums.supervision_per_month && u.kind.is_village_level()
        {
            Cell::Warning(format!("{}（本月未督查）", u.name))
        } else {
            Cell::text(&u.name)
        };
        counts = counts.row(vec![
            unit_cell,
            Cell::Int(c[0] as i64),
            Cell::Int(c[1] as i64),
            Cell::Int(c[2] as i64),
            Cell::Int(sum as i64),
            Cell::Int(findings as i64),
        ]);
    }
    let mut last = vec![Cell::Center("合计".into())];
    last.extend(total.iter().map(|&v| Cell::Int(v as i64)));
    counts = counts.row(last);
    // One set of column widths for both tables (a sheet's columns are shared), each row as tall as its
    // wrapped text in them.
    let mut widths = table_widths(&t);
    widths.merge(&table_widths(&counts));
    let lay = write_table_with_widths(ws, st, 0, &t, &widths)?;
    write_block(ws, st, lay.last_row + 2, &counts, &widths)?;
    Ok(())
}
