//! 综合排名: every unit's score, grade (colour and word), rank, change against last week and each
//! part's points, 村/社区 first then 镇直单位 (each ranked in its own group), with a column chart of the
//! scores below the table.

use super::{period_line, unit_order};
use crate::figures::score::Grade;
use crate::figures::weekly::Notice;
use crate::report::style::{table_widths, write_table_with_widths, Cell, Styles, Table, FONT_BODY};
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, ChartFormat, ChartLine, ChartPoint, ChartSolidFill,
    ChartType, Color, Workbook, XlsxError,
};

/// The score parts in column order: (part key, column header).
const PARTS: [(&str, &str); 6] = [
    ("weekly_report", "周报报送"),
    ("visits", "走访覆盖"),
    ("disputes", "矛盾纠纷"),
    ("slogans", "宣传标语"),
    ("survey", "民调指标"),
    ("quality", "台账质量"),
];

/// `↑2` / `↓1` / `持平` (same rank) / `新` (no rank last week) — the monthly 月度考评 writes the
/// same; `—` is kept for no data.
pub fn change_word(d: Option<i32>) -> String {
    match d {
        None => "新".into(),
        Some(0) => "持平".into(),
        Some(d) if d > 0 => format!("↑{d}"),
        Some(d) => format!("↓{}", -d),
    }
}

pub fn sheet(wb: &mut Workbook, st: &Styles, n: &Notice) -> Result<(), XlsxError> {
    let w = &n.plan.score;
    let weight = |key: &str| match key {
        "weekly_report" => w.weekly_report,
        "visits" => w.visits,
        "disputes" => w.disputes,
        "slogans" => w.slogans,
        "survey" => w.survey,
        _ => w.quality,
    };
    let mut headers: Vec<String> = ["名次", "单位", "类别", "得分", "等级", "较上期"]
        .map(String::from)
        .to_vec();
    headers.extend(
        PARTS
            .iter()
            .map(|(k, name)| format!("{name}\n（{}分）", weight(k))),
    );
    let mut t = Table::new(format!("第{}期综合排名", n.period().issue), headers)
        .subtitle(format!(
            "{}　绿≥{}分，黄{}–{}分，红<{}分或未报周报；“—”为无可评数据、不计入，其余折算为百分制",
            period_line(n),
            w.green,
            w.yellow,
            w.green,
            w.yellow
        ))
        .note(
            5,
            "与上期名次相比：↑上升、↓下降、持平为不变、新为上期无名次",
        );
    let order = unit_order(n);
    let mut rows: Vec<(usize, Vec<Cell>)> = Vec::new();
    for &u in &order {
        let i = u as usize;
        let f = &n.now.figures.units[i];
        let s = &n.now.scores[i];
        let mut r = vec![
            s.rank.map_or(Cell::Blank, |r| Cell::Int(r as i64)),
            Cell::text(n.ds.unit_name(u)),
            Cell::Center(f.kind.zh().into()),
            Cell::Num(s.score),
            Cell::Grade(s.grade),
            Cell::Center(change_word(n.rank_change.get(i).copied().flatten())),
        ];
        for (key, _) in PARTS {
            r.push(
                match s.parts.iter().find(|p| p.key == key).and_then(|p| p.points) {
                    Some(x) => Cell::Num(x),
                    None => Cell::Center("—".into()),
                },
            );
        }
        rows.push((i, r));
    }
    // By group (村/社区 first), then rank, then register order.
    rows.sort_by_key(|(i, _)| {
        (
            !n.now.figures.units[*i].kind.is_village_level(),
            n.now.scores[*i].rank.unwrap_or(u32::MAX),
            *i,
        )
    });
    // 村/社区 and 镇直单位 are ranked apart, so they read as two tables (名次 restarts in each).
    let villages = rows
        .iter()
        .filter(|(i, _)| n.now.figures.units[*i].kind.is_village_level())
        .count();
    if villages > 0 {
        t = t.group(0, "（一）村（社区）");
    }
    if villages < rows.len() {
        let no = if villages > 0 {
            "（二）"
        } else {
            "（一）"
        };
        t = t.group(villages, format!("{no}镇直单位"));
    }
    // The chart shows the 村/社区 (or, without any, the 镇直单位): one group, one ranking.
    let charted = if villages > 0 {
        0..villages
    } else {
        0..rows.len()
    };
    let grades: Vec<Grade> = rows[charted.clone()]
        .iter()
        .map(|(i, _)| n.now.scores[*i].grade)
        .collect();
    for (_, r) in rows {
        t = t.row(r);
    }
    let ws = wb.add_worksheet().set_name("综合排名")?;
    let widths = table_widths(&t);
    let lay = write_table_with_widths(ws, st, 0, &t, &widths)?;
    if grades.is_empty() {
        return Ok(());
    }
    let (first, last) = (
        t.sheet_row(lay.first_row, charted.start),
        t.sheet_row(lay.first_row, charted.end - 1),
    );

    // Column chart of the scores, bars coloured by grade (the grade word is in the table).
    let mut chart = Chart::new(ChartType::Column);
    let mut font = ChartFont::new();
    font.set_name(FONT_BODY).set_size(9);
    let points: Vec<ChartPoint> = grades
        .iter()
        .map(|g| {
            let rgb = match g {
                Grade::Green => 0x70AD47,
                Grade::Yellow => 0xFFC000,
                Grade::Red => 0xC00000,
            };
            ChartPoint::new().set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(rgb)))
                    .set_border(ChartLine::new().set_color(Color::RGB(0x404040))),
            )
        })
        .collect();
    chart
        .add_series()
        .set_name("综合得分")
        .set_categories(("综合排名", first, 1, last, 1))
        .set_values(("综合排名", first, 3, last, 3))
        .set_points(&points)
        .set_gap(60)
        .set_data_label(
            ChartDataLabel::new()
                .show_value()
                .set_num_format("0.0")
                .set_font(&font),
        );
    chart
        .title()
        .set_name(&format!(
            "第{}期各{}综合得分",
            n.period().issue,
            if villages > 0 {
                "村（社区）"
            } else {
                "镇直单位"
            }
        ))
        .set_font(ChartFont::new().set_name(FONT_BODY).set_size(12).set_bold());
    chart.x_axis().set_font(&font);
    chart.y_axis().set_min(0).set_max(100).set_font(&font);
    chart.legend().set_hidden();
    let px: f64 = (0..lay.cols).map(|c| widths.width(c) * 7.0 + 5.0).sum();
    chart
        .set_width((px as u32).clamp(480, 1000))
        .set_height(300);
    ws.insert_chart(lay.last_row + 2, 0, &chart)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_change_words() {
        assert_eq!(change_word(Some(2)), "↑2");
        assert_eq!(change_word(Some(0)), "持平");
        assert_eq!(change_word(Some(-1)), "↓1");
        assert_eq!(change_word(None), "新");
    }
}
