//! 民调指标: the survey rates, town and unit by unit, this month against last.

use crate::figures::monthly::Monthly;
use crate::report::style::{write_table, Cell, Styles, Table};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// 民调指标: the town's and each unit's rates this month against last month, one row per unit and
/// rate. (The weekly notice's `report::survey_sheet` shows the town's rates against last week and a
/// breakdown; the monthly dispatch meeting needs each unit's change, so this sheet is its own.)
pub(super) fn write(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let prev = m.prev.as_ref();
    let prev_label = m
        .prev_period
        .as_ref()
        .map(crate::figures::monthly::month_label)
        .unwrap_or_else(|| "上月".into());
    let mut t = Table::new(
        format!("民调指标（{}与{}对比）", m.month_label(), prev_label),
        [
            "范围",
            "指标",
            "本月",
            "有效样本",
            "上月",
            "上月样本",
            "变化（百分点）",
            "备注",
        ],
    )
    .subtitle(format!(
        "截至{}的问卷及汇总数据；有效样本少于{}份标“样本不足”；方案点名的短板指标排在前面",
        m.period.end, m.plan.minimums.survey_min_base
    ));
    // Weak points first, then the rest in plan order.
    let mut rates: Vec<&crate::plan::Rate> = m.plan.survey.rates.iter().collect();
    rates.sort_by_key(|r| !r.weak_point);
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
    for (scope, now, before) in &scopes {
        for r in &rates {
            let a = now.rates.get(&r.key);
            let b = before.and_then(|b| b.rates.get(&r.key));
            let av = a.and_then(|x| x.value);
            let bv = b.and_then(|x| x.value);
            let change = match (av, bv) {
                (Some(x), Some(y)) => Cell::Num(((x - y) * 1000.0).round() / 10.0),
                _ => Cell::Blank,
            };
            let mut notes = Vec::new();
            if r.weak_point {
                notes.push("方案点名短板");
            }
            if a.is_some_and(|x| x.small_sample && x.base > 0) {
                notes.push("样本不足");
            }
            t = t.row(vec![
                Cell::text(scope),
                Cell::text(&r.name),
                Cell::pct(av),
                Cell::Int(a.map_or(0, |x| x.base) as i64),
                Cell::pct(bv),
                b.map_or(Cell::Blank, |x| Cell::Int(x.base as i64)),
                change,
                Cell::text(notes.join("，")),
            ]);
        }
    }
    write_table(ws, st, 0, &t)?;
    Ok(())
}
