//! The survey sheets (民调指标, 民调分析) the weekly notice and the monthly workbook share.
//!
//! - 民调指标: the town's rates — weak points first — with positives, base, points index, 样本不足 and,
//!   when a previous period is given, its value and the change in percentage points; below it the
//!   ranked question (Q9) by count.
//! - 民调分析: one row per unit, one column per rate (the value with its base in brackets), the town
//!   last; below it the town's rates by 年龄 group and by 性别 in the same columns.

use crate::figures::survey::{ordered_rates, Group, RateValue, SurveyFigures};
use crate::plan::calendar::Period;
use crate::plan::{Plan, Rate};
use crate::report::style::{
    fit_row_height, print_setup, sheet_name, write_cell, write_merged, write_table, Cell, Styles,
    Table, Widths, COLUMN_CAP,
};
use crate::resolve::load::Dataset;
use rust_xlsxwriter::{ColNum, RowNum, Workbook, Worksheet, XlsxError};
use std::collections::HashSet;

/// Adds the 民调指标 and 民调分析 sheets. `now` is per unit (register order), `town` the town's (with
/// its breakdown); `prev` the previous period's, for the change column.
#[allow(clippy::too_many_arguments)]
pub fn write_survey_sheet(
    wb: &mut Workbook,
    st: &Styles,
    plan: &Plan,
    ds: &Dataset,
    period: &Period,
    now: &[SurveyFigures],
    town: &SurveyFigures,
    prev: Option<(&[SurveyFigures], &SurveyFigures)>,
    taken: &mut HashSet<String>,
) -> Result<(), XlsxError> {
    let rates = ordered_rates(plan);
    let min = plan.minimums.survey_min_base;
    let as_of = format!(
        "统计截至 {}；全镇有效问卷 {} 份；有效样本少于 {min} 的比率标“样本不足”，仅供参考",
        period.end.format("%Y-%m-%d"),
        town.responses
    );

    // 民调指标: the town's rates.
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name("民调指标", taken))?;
    let mut headers = vec![
        "指标",
        "类别",
        "题目",
        "计为正面的选项",
        "比率",
        "正面人数",
        "有效样本",
        "指数",
        "样本情况",
    ];
    if prev.is_some() {
        headers.extend(["上期比率", "变化（百分点）"]);
    }
    let mut t = Table::new(format!("{}民调指标", plan.town.name), headers)
        .subtitle(as_of.clone())
        .note(
            6,
            "有效样本：该题有效回答数，不含空白、无效答案和方案规定不计入分母的选项（如“不了解”）",
        )
        .note(7, "按方案设定的选项分值（如 非常满意100、基本满意80、不满意0）求平均；方案未设分值的不显示");
    for r in &rates {
        let v = town.rates.get(&r.key).cloned().unwrap_or_default();
        let kind = if r.weak_point {
            Cell::Warning("方案短板".into())
        } else if r.headline {
            Cell::Center("核心指标".into())
        } else {
            Cell::Blank
        };
        let mut row = vec![
            Cell::text(&r.name),
            kind,
            Cell::Center(format!("第{}题", r.question)),
            Cell::text(positive_words(r)),
            Cell::pct(v.value),
            Cell::Int(v.positive as i64),
            Cell::Int(v.base as i64),
            Cell::num(v.index),
            sample_cell(&v),
        ];
        if let Some((_, p)) = prev {
            let pv = p.rates.get(&r.key).and_then(|x| x.value);
            row.push(Cell::pct(pv));
            row.push(match (v.value, pv) {
                (Some(a), Some(b)) => change_cell((a - b) * 100.0),
                _ => Cell::Blank,
            });
        }
        t = t.row(row);
    }
    let lay = write_table(ws, st, 0, &t)?;
    // Q9 ranked, below.
    let q = plan.question(plan.survey.ranked.question);
    let title = format!(
        "{}（第{}题，按人数排序）",
        plan.survey.ranked.name, plan.survey.ranked.question
    );
    let rows: Vec<Vec<Cell>> = town
        .ranked
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                Cell::text(&r.option),
                Cell::Int(i as i64 + 1),
                Cell::Int(r.count as i64),
                Cell::pct(r.share),
            ]
        })
        .collect();
    let block = Block {
        title,
        headers: ["选项", "名次", "人数", "占比"].map(String::from).to_vec(),
        rows,
    };
    let mut widths = measure(&t);
    widths.see_header(0, "选项");
    if let Some(q) = q {
        for o in &q.options {
            widths.see(0, o);
        }
    }
    let widths = widths.fitted();
    write_block(ws, st, &widths, lay.last_row + 2, &block)?;
    widths.apply(ws)?;
    print_setup(ws, widths.total_px(), Some((lay.title_row, lay.header_row)))?;

    // 民调分析: per unit, then by age and gender.
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name("民调分析", taken))?;
    let mut headers: Vec<String> = vec!["村居".into(), "问卷数".into()];
    headers.extend(rates.iter().map(|r| {
        if r.weak_point {
            format!("★{}", r.name)
        } else {
            r.name.clone()
        }
    }));
    let mut t = Table::new(
        format!("{}各村（社区）民调指标", plan.town.name),
        headers.clone(),
    )
    .subtitle(format!(
        "{as_of}。每个单位下一行为各指标的有效样本数，＊为样本不足，★为方案点名的短板"
    ));
    let mut units: Vec<usize> = (0..now.len().min(ds.register.units.len())).collect();
    // Village-level units first (register order), then 镇直单位 that sent answers.
    units.retain(|&i| ds.register.units[i].kind.is_village_level() || now[i].responses > 0);
    units.sort_by_key(|&i| !ds.register.units[i].kind.is_village_level());
    for &i in &units {
        for r in rate_rows(&ds.register.units[i].name, &now[i], &rates) {
            t = t.row(r);
        }
    }
    for r in rate_rows("全镇", town, &rates) {
        t = t.row(r);
    }
    let lay = write_table(ws, st, 0, &t)?;
    let mut widths = measure(&t);
    let mut row = lay.last_row + 2;
    if let Some(b) = &town.breakdown {
        let note = "（仅逐份录入的问卷；汇总表没有年龄、性别）";
        for (title, first, groups) in [
            (format!("按年龄段{note}"), "年龄段", &b.age),
            (format!("按性别{note}"), "性别", &b.gender),
        ] {
            let mut h: Vec<String> = vec![first.into(), "问卷数".into()];
            h.extend(headers[2..].iter().cloned());
            let block = Block {
                title,
                headers: h,
                rows: groups
                    .iter()
                    .filter(|g| g.responses > 0 || plan_label(plan, g))
                    .flat_map(|g: &Group| rate_rows(&g.group, &group_figures(g), &rates))
                    .collect(),
            };
            for r in &block.rows {
                widths.see(0, &r[0].shown());
            }
            row = write_block(ws, st, &widths.fitted(), row, &block)? + 2;
        }
    }
    let widths = widths.fitted();
    widths.apply(ws)?;
    print_setup(ws, widths.total_px(), Some((lay.title_row, lay.header_row)))?;
    Ok(())
}

/// A group from the plan's own list (shown even when empty); 未填 / 无法识别 only when they have rows.
fn plan_label(plan: &Plan, g: &Group) -> bool {
    plan.survey.age_groups.contains(&g.group) || plan.survey.genders.contains(&g.group)
}

fn group_figures(g: &Group) -> SurveyFigures {
    SurveyFigures {
        responses: g.responses,
        rates: g.rates.clone(),
        ..SurveyFigures::default()
    }
}

fn positive_words(r: &Rate) -> String {
    let mut s = r.positive.join("、");
    if !r.excluded.is_empty() {
        s.push_str(&format!("（{}不计入）", r.excluded.join("、")));
    }
    s
}

fn sample_cell(v: &RateValue) -> Cell {
    if v.base == 0 {
        Cell::Center("无数据".into())
    } else if v.small_sample {
        Cell::Warning("样本不足".into())
    } else {
        Cell::Center("—".into())
    }
}

fn change_cell(pp: f64) -> Cell {
    let pp = (pp * 10.0).round() / 10.0;
    if pp > 0.0 {
        Cell::Center(format!("↑{pp:.1}"))
    } else if pp < 0.0 {
        Cell::Warning(format!("↓{:.1}", -pp))
    } else {
        Cell::Center("持平".into())
    }
}

/// A unit's rates as numbers (`0.0%`), `—` without answers, and a second row with each rate's base
/// (样本数), a small base marked ＊ (a fill on every cell of a small village would drown the grid).
fn rate_rows(name: &str, f: &SurveyFigures, rates: &[&Rate]) -> [Vec<Cell>; 2] {
    let empty = RateValue::default();
    let get = |k: &str| f.rates.get(k).cloned().unwrap_or(empty.clone());
    let mut row = vec![Cell::text(name), Cell::Int(f.responses as i64)];
    let mut bases = vec![Cell::Center("样本数".into()), Cell::Blank];
    for r in rates {
        let v = get(&r.key);
        row.push(v.value.map_or(Cell::Center("—".into()), Cell::Pct));
        bases.push(match v.value {
            None => Cell::Blank,
            Some(_) if v.small_sample => Cell::Warning(format!("{}＊", v.base)),
            Some(_) => Cell::Int(v.base as i64),
        });
    }
    [row, bases]
}

/// Widths as `write_table` measures them, so blocks below can add to them.
fn measure(t: &Table) -> Widths {
    let mut w = Widths::new(4.0, COLUMN_CAP);
    for (c, h) in t.headers.iter().enumerate() {
        w.see_header(c as ColNum, h);
    }
    for r in &t.rows {
        for (c, cell) in r.iter().enumerate() {
            w.see_cell(c as ColNum, cell);
        }
    }
    w
}

/// A plain bordered block below a sheet's table: a heading, a header row and rows (no freeze, no
/// filter).
struct Block {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

/// Writes `b` from `row`; returns the last row written.
fn write_block(
    ws: &mut Worksheet,
    st: &Styles,
    widths: &Widths,
    row: RowNum,
    b: &Block,
) -> Result<RowNum, XlsxError> {
    let cols = b.headers.len().max(1) as ColNum;
    write_merged(ws, row, 0, cols - 1, &b.title, &st.heading)?;
    ws.set_row_height(row, 22)?;
    let h = row + 1;
    let headers = &b.headers;
    for (c, text) in headers.iter().enumerate() {
        ws.write_string_with_format(h, c as ColNum, text, &st.header)?;
    }
    fit_row_height(ws, h, widths, headers.iter().map(String::as_str))?;
    for (i, cells) in b.rows.iter().enumerate() {
        let r = h + 1 + i as RowNum;
        for (c, cell) in cells.iter().enumerate() {
            write_cell(ws, st, r, c as ColNum, cell)?;
        }
        fit_row_height(ws, r, widths, cells.iter().map(Cell::shown))?;
    }
    Ok(h + b.rows.len() as RowNum)
}
