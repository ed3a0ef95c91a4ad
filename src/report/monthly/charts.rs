//! 图表 of the monthly workbook: (1) the 村/社区 mean score of every week of last month and this month
//! (`Monthly::town_trend`), (2) the town's survey rates this month against last month.

use crate::figures::monthly::{month_label, Monthly};
use crate::report::charts::{styled, ChartSheet, Page};
use crate::report::style::{Cell, Styles};
use rust_xlsxwriter::{Chart, ChartAxisCrossing, ChartMarker, ChartType, Workbook, XlsxError};

pub fn sheet(wb: &mut Workbook, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let mut cs = ChartSheet::new(wb.add_worksheet(), st)?;
    let month = m.month_label();
    cs.page(&trend_page(m), |d| {
        let mut c = Chart::new(ChartType::Line);
        c.add_series()
            .set_name("村（社区）平均分")
            .set_categories(d.col(0))
            .set_values(d.col(2))
            .set_marker(ChartMarker::new().set_automatic());
        styled(&mut c, "全镇村（社区）每周平均分走势");
        c.y_axis().set_min(0).set_max(100);
        c
    })?;
    let has_prev = m.prev.is_some();
    let prev_name = prev_label(m);
    cs.page(&survey_page(m), |d| {
        let mut c = Chart::new(ChartType::Bar);
        c.add_series()
            .set_name(month.as_str())
            .set_categories(d.col(0))
            .set_values(d.col(1));
        if has_prev {
            c.add_series()
                .set_name(prev_name.as_str())
                .set_categories(d.col(0))
                .set_values(d.col(2));
        }
        styled(&mut c, &format!("全镇民调指标：{month}与{prev_name}"));
        // (In a bar chart rust_xlsxwriter's y axis is the category axis.) Bars read top-down in the
        // table's order, weak points first, with the percentages still along the bottom.
        c.y_axis()
            .set_reverse()
            .set_crossing(ChartAxisCrossing::Max);
        c.x_axis().set_min(0).set_max(1).set_num_format("0%");
        c
    })?;
    cs.finish()
}

fn prev_label(m: &Monthly) -> String {
    m.prev_period
        .as_ref()
        .map(month_label)
        .unwrap_or_else(|| "上月".into())
}

fn trend_page(m: &Monthly) -> Page {
    let this = m.month_label();
    let prev = prev_label(m);
    let rows = m
        .town_trend
        .iter()
        .map(|(w, v)| {
            vec![
                Cell::Center(format!("第{w}期")),
                Cell::Center(if m.weeks.contains(w) {
                    this.clone()
                } else {
                    prev.clone()
                }),
                Cell::num(*v),
            ]
        })
        .collect();
    Page {
        title: "全镇村（社区）每周平均分走势".into(),
        note: format!("{prev}与{this}各期综合考评得分的村（社区）平均（满分100）"),
        headers: ["期次", "所属月份", "平均分"].map(String::from).to_vec(),
        rows,
    }
}

fn survey_page(m: &Monthly) -> Page {
    let mut rates: Vec<&crate::plan::Rate> = m.plan.survey.rates.iter().collect();
    rates.sort_by_key(|r| !r.weak_point);
    let prev = m.prev.as_ref().map(|p| &p.town_survey);
    let rows = rates
        .iter()
        .map(|r| {
            let a = m.now.town_survey.rates.get(&r.key);
            let b = prev.and_then(|p| p.rates.get(&r.key));
            vec![
                Cell::text(&r.name),
                Cell::pct(a.and_then(|x| x.value)),
                Cell::pct(b.and_then(|x| x.value)),
                Cell::Int(a.map_or(0, |x| x.base) as i64),
                b.map_or(Cell::Blank, |x| Cell::Int(x.base as i64)),
            ]
        })
        .collect();
    Page {
        title: format!("全镇民调指标（{}与{}对比）", m.month_label(), prev_label(m)),
        note: format!(
            "截至{}的问卷及汇总数据；方案点名的短板指标排在前面",
            m.period.end
        ),
        headers: ["指标", "本月", "上月", "本月样本", "上月样本"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}
