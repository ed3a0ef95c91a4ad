//! 民调指标: the survey rates, town and unit by unit (a matrix, one column per rate), this month and
//! the change against last month.

use crate::figures::monthly::Monthly;
use crate::report::style::{
    table_widths, write_block, write_table_with_widths, Cell, Styles, Table,
};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// 民调指标: a village × indicator matrix — one row per unit (the town first), one column per rate
/// (方案点名的短板 first, marked ★), this month's rates as numbers with a `0.0%` format — and below it
/// the same matrix of the change against last month in percentage points. Rates on too few answers
/// are listed in the last column. (The weekly notice's `report::survey_sheet` shows the town's
/// rates against last week and a breakdown; the monthly dispatch meeting needs each unit's change.)
pub(super) fn write(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let prev = m.prev.as_ref();
    let prev_label = m
        .prev_period
        .as_ref()
        .map(crate::figures::monthly::month_label)
        .unwrap_or_else(|| "上月".into());
    // Weak points first, then the rest in plan order.
    let mut rates: Vec<&crate::plan::Rate> = m.plan.survey.rates.iter().collect();
    rates.sort_by_key(|r| !r.weak_point);
    let name = |r: &crate::plan::Rate| {
        if r.weak_point {
            format!("★{}", r.name)
        } else {
            r.name.clone()
        }
    };
    // (a column for the questionnaire count would not fit landscape A4 at 100 % beside 13 rates: it
    // goes with the unit's name)
    let mut headers: Vec<String> = vec!["村居/单位（问卷数）".into()];
    headers.extend(rates.iter().map(|r| name(r)));
    let change_headers = headers.clone();
    let mut t = Table::new(
        format!("{}各村（社区）民调指标（{}）", m.plan.town.name, m.month_label()),
        headers,
    )
    .subtitle(format!(
        "截至{}的问卷及汇总数据；★为方案点名的短板指标；份数后标＊的有指标有效样本少于{}份（样本不足）；“—”为无数据",
        m.period.end, m.plan.minimums.survey_min_base
    ));
    let mut change = Table::new(format!("较{prev_label}变化（百分点）"), change_headers);
    let mut scopes: Vec<(
        String,
        &crate::figures::survey::SurveyFigures,
        Option<&crate::figures::survey::SurveyFigures>,
    )> = vec![(
        "全镇".into(),
        &m.now.town_survey,
        prev.map(|p| &p.town_survey),
    )];
    for (i, u) in m.ds.register.units.iter().enumerate() {
        let now = &m.now.survey[i];
        let before = prev.map(|p| &p.survey[i]);
        if now.responses > 0 || before.is_some_and(|b| b.responses > 0) {
            scopes.push((u.name.clone(), now, before));
        }
    }
    let none = || Cell::Center("—".into());
    for (scope, now, before) in &scopes {
        let mut row = Vec::new();
        let mut diff = Vec::new();
        let mut small = Vec::new();
        for r in &rates {
            let a = now.rates.get(&r.key);
            let b = before.and_then(|b| b.rates.get(&r.key));
            let av = a.and_then(|x| x.value);
            row.push(av.map_or_else(none, Cell::Pct));
            diff.push(match (av, b.and_then(|x| x.value)) {
                (Some(x), Some(y)) => Cell::Num(((x - y) * 1000.0).round() / 10.0),
                _ => none(),
            });
            if a.is_some_and(|x| x.small_sample && x.base > 0) {
                small.push(r.name.clone());
            }
        }
        let mark = if small.is_empty() { "" } else { "＊" };
        row.insert(
            0,
            Cell::text(format!("{scope}（{}份{mark}）", now.responses)),
        );
        diff.insert(
            0,
            Cell::text(match before {
                Some(b) if b.responses > 0 => format!("{scope}（{}份）", b.responses),
                _ => format!("{scope}（{prev_label}无问卷）"),
            }),
        );
        t = t.row(row);
        change = change.row(diff);
    }
    let mut widths = table_widths(&t);
    widths.merge(&table_widths(&change));
    let lay = write_table_with_widths(ws, st, 0, &t, &widths)?;
    write_block(ws, st, lay.last_row + 2, &change, &widths)?;
    Ok(())
}
