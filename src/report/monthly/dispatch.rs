//! 调度事项: the open items for the dispatch meeting, each with who is responsible.

use crate::figures::monthly::Monthly;
use crate::report::style::{write_table, Cell, Styles, Table};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// 调度事项: the open items, with unit, since when, who is responsible.
pub(super) fn write(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let mut t = Table::new(
        format!("{}调度事项", m.month_label()),
        [
            "序号",
            "类别",
            "村居/单位",
            "事项",
            "起始日期",
            "至月底天数",
            "责任人",
            "出处",
        ],
    )
    .subtitle(format!(
        "截至{}仍未办结的事项，请责任人在下次调度前办结。起始日期：逾期纠纷为超期之日，周报和台账为应报之日，督查问题为整改期限（未到期的为督查日期）",
        m.period.end
    ));
    for (i, d) in m.dispatch.iter().enumerate() {
        let days = d
            .since
            .filter(|s| *s <= m.period.end)
            .map_or(Cell::Blank, |s| Cell::Int((m.period.end - s).num_days()));
        t = t.row(vec![
            Cell::Int(i as i64 + 1),
            if d.overdue {
                Cell::Error(d.category.into())
            } else {
                Cell::Warning(d.category.into())
            },
            Cell::text(m.unit_name(d.unit)),
            Cell::text(&d.item),
            d.since.map_or(Cell::Blank, Cell::Date),
            days,
            Cell::text(&d.responsible),
            Cell::text(&d.source),
        ]);
    }
    if m.dispatch.is_empty() {
        t = t.row(vec![Cell::Blank, Cell::text("本月没有需要调度的事项")]);
    }
    write_table(ws, st, 0, &t)?;
    Ok(())
}
