//! 整改跟踪: every supervision finding to date and where its rectification stands.

use crate::figures::monthly::Monthly;
use crate::figures::monthly::Rectify;
use crate::report::style::{write_table, Cell, Styles, Table};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// 整改跟踪: every finding to date — overdue, open, done.
pub(super) fn write(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let r = &m.supervision.rows;
    let s = &m.supervision;
    let mut t = Table::new(
        format!("督查问题整改跟踪（截至{}）", m.period.end),
        [
            "整改情况",
            "村居/单位",
            "督查日期",
            "督查方式",
            "发现问题",
            "整改要求",
            "整改期限",
            "逾期天数",
            "整改状态",
            "督查人",
            "出处",
        ],
    )
    .subtitle(format!(
        "累计督查发现问题 {} 个：逾期未整改 {} 个，整改中 {} 个，已整改 {} 个（整改期限当天仍算未到期）",
        s.tracked.len(),
        s.overdue,
        s.open,
        s.done
    ));
    for &(i, state) in &s.tracked {
        let x = &r[i];
        let label = match state {
            Rectify::Overdue => Cell::Error(state.zh().into()),
            Rectify::Open => Cell::Warning(state.zh().into()),
            Rectify::Done => Cell::Center(state.zh().into()),
        };
        let days = match (state, x.deadline) {
            (Rectify::Overdue, Some(d)) => Cell::Int((m.period.end - d).num_days()),
            _ => Cell::Blank,
        };
        t = t.row(vec![
            label,
            Cell::text(m.unit_name(x.unit)),
            x.date.map_or(Cell::Blank, Cell::Date),
            Cell::Center(x.method.into()),
            Cell::text(&x.problem),
            Cell::text(&x.requirement),
            x.deadline.map_or(Cell::Blank, Cell::Date),
            days,
            Cell::Center(x.status.into()),
            Cell::Center(x.inspector.clone()),
            Cell::text(&x.status_source),
        ]);
    }
    if s.tracked.is_empty() {
        t = t.row(vec![Cell::text("督查记录中没有发现问题")]);
    }
    write_table(ws, st, 0, &t)?;
    Ok(())
}
