//! 月度考评: each unit's weekly scores, the month's mean, grade, rank and change against last month,
//! the town's weekly trend, and a chart of each.

use super::as_of;
use crate::figures::monthly::Monthly;
use crate::report::style::{
    table_widths, write_block, write_table_with_widths, Cell, Styles, Table,
};
use rust_xlsxwriter::{Chart, ChartFont, ChartType, ColNum, RowNum, Worksheet, XlsxError};

/// 月度考评: each week's score, the month's mean, grade, rank and change; a column chart of the means
/// and a line of the town's weekly trend.
pub(super) fn write(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let mut headers: Vec<String> = vec!["名次".into(), "村居/单位".into(), "类别".into()];
    headers.extend(m.weeks.iter().map(|w| format!("第{w}期")));
    headers.extend(
        [
            "月平均分",
            "等级",
            "红色周数",
            "周报 按时/迟报/未报",
            "上月平均分",
            "上月名次",
            "名次变化",
        ]
        .map(String::from),
    );
    let has_prev = m.prev_period.is_some();
    let mut order: Vec<&crate::figures::monthly::UnitMonth> = m.units.iter().collect();
    order.sort_by_key(|u| {
        (
            !m.ds.register.get(u.unit).kind.is_village_level(),
            u.rank.unwrap_or(u32::MAX),
            u.unit,
        )
    });
    let mut t = Table::new(
        format!("{}“双提升”{}月度考评", m.plan.town.name, m.month_label()),
        headers,
    )
    .subtitle(format!(
        "{}。月平均分为本月各期得分的平均；未报周报的村（社区）当月为红色。村（社区）与镇直单位分别排名",
        as_of(m)
    ))
    .note(
        3 + m.weeks.len() as ColNum,
        "本月各期得分的算术平均，保留一位小数",
    );
    let village_rows = m
        .units
        .iter()
        .filter(|u| m.ds.register.get(u.unit).kind.is_village_level())
        .count();
    // 村/社区 and 镇直单位 are ranked apart, so they read as two tables (名次 restarts in each).
    if village_rows > 0 {
        t = t.group(0, "（一）村（社区）");
    }
    if village_rows < order.len() {
        let no = if village_rows > 0 {
            "（二）"
        } else {
            "（一）"
        };
        t = t.group(village_rows, format!("{no}镇直单位"));
    }
    for u in &order {
        let unit = m.ds.register.get(u.unit);
        let mut row = vec![
            u.rank.map_or(Cell::Blank, |r| Cell::Int(r as i64)),
            Cell::text(&unit.name),
            Cell::Center(unit.kind.zh().into()),
        ];
        for w in &u.weeks {
            row.push(Cell::Num(w.score));
        }
        row.push(Cell::num(u.average));
        row.push(u.grade.map_or(Cell::Blank, Cell::Grade));
        let reds = u.red_weeks();
        row.push(if reds.is_empty() {
            Cell::Center("0".into())
        } else {
            Cell::Center(format!(
                "{}（{}）",
                reds.len(),
                reds.iter()
                    .map(|w| format!("第{w}期"))
                    .collect::<Vec<_>>()
                    .join("、")
            ))
        });
        row.push(if unit.kind.is_village_level() {
            use crate::figures::counts::ReportStatus::*;
            Cell::Center(format!(
                "{}/{}/{}",
                u.weeks_with(OnTime).len(),
                u.weeks_with(Late).len(),
                u.weeks_with(Missing).len()
            ))
        } else {
            Cell::Center("不需报送".into())
        });
        row.push(Cell::num(u.prev_average));
        row.push(u.prev_rank.map_or(Cell::Blank, |r| Cell::Int(r as i64)));
        row.push(rank_change(u.rank_change, has_prev));
        t = t.row(row);
    }
    let trend = trend_table(m);
    let mut widths = table_widths(&t);
    widths.merge(&table_widths(&trend));
    let lay = write_table_with_widths(ws, st, 0, &t, &widths)?;
    // Red weeks' scores on the red fill (the grade is also in words in 红色周数 and 等级).
    let red_num = st.red.clone().set_num_format("0.0");
    for (k, u) in order.iter().enumerate() {
        for (j, w) in u.weeks.iter().enumerate() {
            if w.grade == crate::figures::score::Grade::Red {
                ws.write_number_with_format(
                    t.sheet_row(lay.first_row, k),
                    3 + j as ColNum,
                    w.score,
                    &red_num,
                )?;
            }
        }
    }
    let avg_col = 3 + m.weeks.len() as ColNum;

    let trend_start = lay.last_row + 2;
    let after = write_block(ws, st, trend_start, &trend, &widths)?;

    let name = crate::figures::monthly::month_label(&m.period);
    let mut font = ChartFont::new();
    font.set_name(crate::report::style::FONT_HEADING);
    let mut body_font = ChartFont::new();
    body_font.set_name(crate::report::style::FONT_BODY);
    if village_rows > 0 {
        let (first, last) = (
            t.sheet_row(lay.first_row, 0),
            t.sheet_row(lay.first_row, village_rows - 1),
        );
        let mut c = Chart::new(ChartType::Column);
        c.add_series()
            .set_name(format!("{name}平均分").as_str())
            .set_categories(("月度考评", first, 1, last, 1))
            .set_values(("月度考评", first, avg_col, last, avg_col));
        c.title()
            .set_name(format!("{name}各村（社区）月平均分").as_str())
            .set_font(&font);
        c.x_axis().set_font(&body_font);
        c.y_axis().set_min(0).set_max(100).set_font(&body_font);
        c.legend().set_hidden();
        c.set_width(640).set_height(300);
        ws.insert_chart(after + 1, 0, &c)?;
    }
    if !m.town_trend.is_empty() {
        let first = trend_start + 2;
        let last = first + m.town_trend.len() as RowNum - 1;
        let mut c = Chart::new(ChartType::Line);
        c.add_series()
            .set_name("全镇村（社区）平均分")
            .set_categories(("月度考评", first, 0, last, 0))
            .set_values(("月度考评", first, 1, last, 1))
            .set_marker(rust_xlsxwriter::ChartMarker::new().set_automatic());
        c.title().set_name("全镇每周平均分走势").set_font(&font);
        c.x_axis().set_font(&body_font);
        c.y_axis().set_min(0).set_max(100).set_font(&body_font);
        c.legend().set_hidden();
        c.set_width(640).set_height(300);
        ws.insert_chart(after + 17, 0, &c)?;
    }
    Ok(())
}

/// The town's weekly trend (村/社区 mean score per week, last month and this).
fn trend_table(m: &Monthly) -> Table {
    let mut trend = Table::new("全镇村（社区）每周平均分", ["期次", "平均分", "所属月份"]);
    for (w, v) in &m.town_trend {
        let month = if m.weeks.contains(w) {
            m.month_label()
        } else {
            m.prev_period
                .as_ref()
                .map(crate::figures::monthly::month_label)
                .unwrap_or_default()
        };
        trend = trend.row(vec![
            Cell::Center(format!("第{w}期")),
            Cell::num(*v),
            Cell::Center(month),
        ]);
    }
    trend
}

fn rank_change(c: Option<i32>, has_prev: bool) -> Cell {
    match c {
        _ if !has_prev => Cell::Center("—".into()),
        None => Cell::Center("—".into()),
        Some(0) => Cell::Center("持平".into()),
        Some(x) if x > 0 => Cell::Center(format!("↑{x}")),
        Some(x) => Cell::Center(format!("↓{}", -x)),
    }
}
