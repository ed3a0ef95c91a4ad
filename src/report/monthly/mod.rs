//! The monthly supervision workbook (一月一督导 / 一月一调度): 督导通报 · 月度考评 · 督查记录 · 整改跟踪 ·
//! 约谈及重点管理建议 · 民调指标 · 调度事项. Everything comes from [`Monthly`]; the house style from
//! `report::style`.

mod bulletin;

use crate::ledger::schema::{Kind, Specs, SUPERVISION_METHODS};
use crate::monthly::Monthly;
use crate::report::style::{
    new_workbook, print_setup, write_cell, write_table, write_title, Cell, Styles, Table, Widths,
};
use crate::rules::r11_rectification::{method_zh, status_zh, Rectify};
use rust_xlsxwriter::{
    Chart, ChartFont, ChartType, ColNum, RowNum, Workbook, Worksheet, XlsxError,
};

pub const SHEETS: [&str; 7] = [
    "督导通报",
    "月度考评",
    "督查记录",
    "整改跟踪",
    "约谈及重点管理建议",
    "民调指标",
    "调度事项",
];

pub fn build(m: &Monthly, specs: &Specs) -> Result<Workbook, XlsxError> {
    let mut wb = new_workbook(m.date, &m.plan.town.office, "月度督导");
    let st = Styles::new();
    bulletin::write(wb.add_worksheet().set_name(SHEETS[0])?, &st, m)?;
    assessment(wb.add_worksheet().set_name(SHEETS[1])?, &st, m)?;
    checks(wb.add_worksheet().set_name(SHEETS[2])?, &st, m, specs)?;
    tracking(wb.add_worksheet().set_name(SHEETS[3])?, &st, m, specs)?;
    suggestions(wb.add_worksheet().set_name(SHEETS[4])?, &st, m)?;
    survey(wb.add_worksheet().set_name(SHEETS[5])?, &st, m)?;
    dispatch(wb.add_worksheet().set_name(SHEETS[6])?, &st, m)?;
    Ok(wb)
}

fn as_of(m: &Monthly) -> String {
    format!(
        "{}（{}，{}至{}），统计截至{}",
        m.month_label(),
        m.weeks_label(),
        m.period.start,
        m.period.end,
        m.period.end
    )
}

fn rank_change(c: Option<i32>, has_prev: bool) -> Cell {
    match c {
        _ if !has_prev => Cell::Center("—".into()),
        None => Cell::Center("—".into()),
        Some(0) => Cell::Center("持平".into()),
        Some(x) if x > 0 => Cell::Center(format!("上升{x}位")),
        Some(x) => Cell::Center(format!("下降{}位", -x)),
    }
}

/// A small table written by hand below a sheet's main table (the main one holds the freeze and the
/// filter): title, header, rows. Returns the row after it.
fn write_small_table(
    ws: &mut Worksheet,
    st: &Styles,
    start: RowNum,
    t: &Table,
) -> Result<RowNum, XlsxError> {
    let cols = t.headers.len().max(1) as ColNum;
    write_title(ws, st, start, cols, &t.title)?;
    ws.set_row_height(start, 26)?;
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(start + 1, c as ColNum, h, &st.header)?;
    }
    for (i, row) in t.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            write_cell(ws, st, start + 2 + i as RowNum, c as ColNum, cell)?;
        }
    }
    Ok(start + 2 + t.rows.len() as RowNum)
}

/// 月度考评: each week's score, the month's mean, grade, rank and change; a column chart of the means
/// and a line of the town's weekly trend.
fn assessment(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
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
    let mut order: Vec<&crate::monthly::UnitMonth> = m.units.iter().collect();
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
            use crate::figures::ReportStatus::*;
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
    let lay = write_table(ws, st, 0, &t)?;
    // Red weeks' scores on the red fill (the grade is also in words in 红色周数 and 等级).
    let red_num = st.red.clone().set_num_format("0.0");
    for (k, u) in order.iter().enumerate() {
        for (j, w) in u.weeks.iter().enumerate() {
            if w.grade == crate::score::Grade::Red {
                ws.write_number_with_format(
                    lay.first_row + k as RowNum,
                    3 + j as ColNum,
                    w.score,
                    &red_num,
                )?;
            }
        }
    }
    let avg_col = 3 + m.weeks.len() as ColNum;

    // The town's weekly trend (村/社区 mean score per week, last month and this).
    let trend_start = lay.last_row + 2;
    let mut trend = Table::new("全镇村（社区）每周平均分", ["期次", "平均分", "所属月份"]);
    for (w, v) in &m.town_trend {
        let month = if m.weeks.contains(w) {
            m.month_label()
        } else {
            m.prev_period
                .as_ref()
                .map(crate::monthly::month_label)
                .unwrap_or_default()
        };
        trend = trend.row(vec![
            Cell::Center(format!("第{w}期")),
            Cell::num(*v),
            Cell::Center(month),
        ]);
    }
    let after = write_small_table(ws, st, trend_start, &trend)?;

    let name = crate::monthly::month_label(&m.period);
    let mut font = ChartFont::new();
    font.set_name(crate::report::style::FONT_HEADING);
    let mut body_font = ChartFont::new();
    body_font.set_name(crate::report::style::FONT_BODY);
    if village_rows > 0 {
        let mut c = Chart::new(ChartType::Column);
        c.add_series()
            .set_name(format!("{name}平均分").as_str())
            .set_categories((
                "月度考评",
                lay.first_row,
                1,
                lay.first_row + village_rows as RowNum - 1,
                1,
            ))
            .set_values((
                "月度考评",
                lay.first_row,
                avg_col,
                lay.first_row + village_rows as RowNum - 1,
                avg_col,
            ));
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

/// 督查记录: the month's checks by method; then checks per unit × method.
fn checks(ws: &mut Worksheet, st: &Styles, m: &Monthly, specs: &Specs) -> Result<(), XlsxError> {
    let r = &m.ds.records.supervisions;
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
            Cell::Center(method_zh(s).into()),
            s.date.map_or(Cell::Blank, Cell::Date),
            Cell::text(m.unit_name(s.unit)),
            Cell::text(s.problem.trim()),
            Cell::text(s.requirement.trim()),
            s.deadline.map_or(Cell::Blank, Cell::Date),
            Cell::Center(status_zh(s).into()),
            Cell::Center(s.inspector.trim().into()),
            Cell::text(m.source(s.src, Kind::Supervision, "督查日期", specs)),
        ]);
    }
    if m.supervision.checks.is_empty() {
        t = t.row(vec![Cell::text("本月督查记录中没有记录")]);
    }
    let lay = write_table(ws, st, 0, &t)?;

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
            .filter(|&&k| {
                r[k].unit == i as u32 && crate::rules::r11_rectification::is_finding(&r[k])
            })
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
    write_small_table(ws, st, lay.last_row + 2, &counts)?;
    Ok(())
}

/// 整改跟踪: every finding to date — overdue, open, done.
fn tracking(ws: &mut Worksheet, st: &Styles, m: &Monthly, specs: &Specs) -> Result<(), XlsxError> {
    let r = &m.ds.records.supervisions;
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
            Cell::Center(method_zh(x).into()),
            Cell::text(x.problem.trim()),
            Cell::text(x.requirement.trim()),
            x.deadline.map_or(Cell::Blank, Cell::Date),
            days,
            Cell::Center(status_zh(x).into()),
            Cell::Center(x.inspector.trim().into()),
            Cell::text(m.source(x.src, Kind::Supervision, "整改状态", specs)),
        ]);
    }
    if s.tracked.is_empty() {
        t = t.row(vec![Cell::text("督查记录中没有发现问题")]);
    }
    write_table(ws, st, 0, &t)?;
    Ok(())
}

/// 约谈及重点管理建议: unit, suggested action, reason, evidence.
fn suggestions(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let sg = &m.plan.suggestions;
    let mut t = Table::new(
        format!("{}约谈及重点管理建议", m.month_label()),
        ["序号", "村居", "建议事项", "理由", "依据（期次、得分、指标）"],
    )
    .subtitle(format!(
        "以下均为建议，提请领导小组研究决定。标准：连续{}周红色建议通报约谈；一月内{}周红色或安全感率低于{}建议重点管理；\
         一月内{}周红色或安全感率低于{}列为一票否决候选（安全感率须有效样本不少于{}份）",
        sg.interview_red_weeks_in_row,
        sg.key_management_red_weeks_in_month,
        crate::rules::pct(sg.security_floor),
        sg.veto_red_weeks_in_month,
        crate::rules::pct(sg.veto_security_floor),
        m.plan.minimums.survey_min_base
    ));
    for (i, s) in m.suggestions.iter().enumerate() {
        t = t.row(vec![
            Cell::Int(i as i64 + 1),
            Cell::text(m.unit_name(s.unit)),
            Cell::Center(format!("建议{}", s.action)),
            Cell::text(&s.reason),
            Cell::text(&s.evidence),
        ]);
    }
    if m.suggestions.is_empty() {
        t = t.row(vec![
            Cell::Blank,
            Cell::text("本月没有达到通报约谈、重点管理标准的村（社区）"),
        ]);
    }
    write_table(ws, st, 0, &t)?;
    Ok(())
}

/// 民调指标: the town's and each unit's rates this month against last month, one row per unit and
/// rate. (The weekly notice's `report::survey_sheet` shows the town's rates against last week and a
/// breakdown; the monthly dispatch meeting needs each unit's change, so this sheet is its own.)
fn survey(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    let prev = m.prev.as_ref();
    let prev_label = m
        .prev_period
        .as_ref()
        .map(crate::monthly::month_label)
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
        &crate::survey::SurveyFigures,
        Option<&crate::survey::SurveyFigures>,
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

/// 调度事项: the open items, with unit, since when, who is responsible.
fn dispatch(ws: &mut Worksheet, st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
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

/// Widths for a sheet of paragraphs (the bulletin): every column the same.
pub(crate) fn even_columns(ws: &mut Worksheet, cols: ColNum, width: f64) -> Result<f64, XlsxError> {
    let mut w = Widths::new(width, width);
    for c in 0..cols {
        w.see_width(c, 0);
    }
    let total = w.apply(ws)?;
    print_setup(ws, total, None)?;
    Ok(total)
}
