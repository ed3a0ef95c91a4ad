//! 图表 of the weekly notice: (1) every 村/社区's visit coverage against the 户户到 target, (2) the
//! town's coverage and on-time report rate week by week, from week 1 to this week (`Notice::trend`).

use super::unit_order;
use crate::figures::weekly::{Notice, COVERAGE_TARGET};
use crate::report::charts::{styled, ChartSheet, Page};
use crate::report::style::{Cell, Styles};
use rust_xlsxwriter::{Chart, ChartMarker, ChartType, Workbook, XlsxError};

pub fn sheet(wb: &mut Workbook, st: &Styles, n: &Notice) -> Result<(), XlsxError> {
    let mut cs = ChartSheet::new(wb.add_worksheet(), st)?;
    let issue = n.period().issue;
    cs.page(&coverage_page(n), |d| {
        let mut c = Chart::new(ChartType::Column);
        c.add_series()
            .set_name("走访覆盖率")
            .set_categories(d.col(0))
            .set_values(d.col(3));
        let mut target = Chart::new(ChartType::Line);
        target
            .add_series()
            .set_name("目标（户户到）")
            .set_categories(d.col(0))
            .set_values(d.col(4));
        c.combine(&target);
        styled(&mut c, &format!("第{issue}期各村（社区）走访覆盖率"));
        c.y_axis().set_min(0).set_num_format("0%");
        c
    })?;
    cs.page(&trend_page(n), |d| {
        let mut c = Chart::new(ChartType::Line);
        for (col, name) in [(1, "走访覆盖率"), (2, "周报按时报送率")] {
            c.add_series()
                .set_name(name)
                .set_categories(d.col(0))
                .set_values(d.col(col))
                .set_marker(ChartMarker::new().set_automatic());
        }
        styled(&mut c, &format!("全镇第1期至第{issue}期走势"));
        c.y_axis().set_min(0).set_max(1).set_num_format("0%");
        c
    })?;
    cs.finish()
}

fn coverage_page(n: &Notice) -> Page {
    let rows = unit_order(n)
        .into_iter()
        .map(|u| &n.now.figures.units[u as usize])
        .filter(|f| f.kind.is_village_level())
        .map(|f| {
            let v = &f.visits;
            let hh = n.ds.register.get(f.unit).households;
            vec![
                Cell::text(n.ds.unit_name(f.unit)),
                hh.map_or(Cell::Center("—".into()), |h| Cell::Int(h as i64)),
                Cell::Int(v.households_visited as i64),
                Cell::pct(v.coverage),
                Cell::Pct(COVERAGE_TARGET),
            ]
        })
        .collect();
    Page {
        title: format!("第{}期各村（社区）走访覆盖率", n.period().issue),
        note: format!(
            "截至{}；覆盖率 = 已走访户数 ÷ 村居名册户数，目标为民调前户户到",
            n.period().end.format("%Y-%m-%d")
        ),
        headers: ["村（社区）", "户数", "已走访户数", "走访覆盖率", "目标"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

fn trend_page(n: &Notice) -> Page {
    let rows = n
        .trend
        .iter()
        .map(|w| {
            vec![
                Cell::Center(format!("第{}期", w.issue)),
                Cell::pct(w.coverage),
                Cell::pct(w.on_time),
            ]
        })
        .collect();
    Page {
        title: "全镇逐周走势".into(),
        note: "每期截至当周周日：全镇村（社区）走访覆盖率，周报按时报送率 = 按时报送数 ÷ 应报数"
            .into(),
        headers: ["期次", "走访覆盖率", "周报按时报送率"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}
