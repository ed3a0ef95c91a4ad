//! 督导通报: the month as a Chinese bulletin on A4 — 报头 (title, （2021年5月）, the office on the left and
//! the date on the right over a rule line), 一、总体情况 in sentences and numbers, 二、考评结果,
//! 三、督查发现的问题, 四、下步要求 (the plan's monthly requirements), and the 报/送 lines.

use crate::figures::ReportStatus;
use crate::monthly::{Monthly, UnitMonth};
use crate::report::style::{lines_in, Styles, FONT_BODY, FONT_HEADING, FONT_TITLE};
use crate::rules::pct;
use crate::score::Grade;
use crate::units::UnitKind;
use chrono::Datelike;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, RowNum, Worksheet, XlsxError};

/// Columns of the page and their width: 8 × 11.5 ≈ 92, inside portrait A4.
const COLS: u16 = 8;
const COL_WIDTH: f64 = 11.5;
const RULE_RED: u32 = 0xC00000;
/// Points per line of 12pt body text.
const LINE: f64 = 18.0;

struct Page<'w> {
    ws: &'w mut Worksheet,
    row: RowNum,
    para: Format,
    heading: Format,
}

impl Page<'_> {
    /// A paragraph across the page, indented two characters, its row as tall as its lines.
    fn para(&mut self, text: &str) -> Result<(), XlsxError> {
        let text = format!("　　{text}");
        self.block(&text, &self.para.clone())
    }

    fn block(&mut self, text: &str, fmt: &Format) -> Result<(), XlsxError> {
        // A 12pt line holds 11/12 of what an 11pt line does.
        let width = COL_WIDTH * COLS as f64 * 11.0 / 12.0;
        let lines = lines_in(text, width);
        self.ws
            .merge_range(self.row, 0, self.row, COLS - 1, text, fmt)?;
        self.ws
            .set_row_height(self.row, lines as f64 * LINE + 4.0)?;
        self.row += 1;
        Ok(())
    }

    fn heading(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .merge_range(self.row, 0, self.row, COLS - 1, text, &self.heading)?;
        self.ws.set_row_height(self.row, 26.0)?;
        self.row += 1;
        Ok(())
    }
}

fn join(v: &[String]) -> String {
    v.join("、")
}

fn weeks_text(ws: &[u32]) -> String {
    ws.iter()
        .map(|w| format!("第{w}期"))
        .collect::<Vec<_>>()
        .join("、")
}

pub fn write(ws: &mut Worksheet, _st: &Styles, m: &Monthly) -> Result<(), XlsxError> {
    super::even_columns(ws, COLS, COL_WIDTH)?;
    ws.set_margins(0.75, 0.7, 0.8, 0.8, 0.3, 0.3);
    let red = Color::RGB(RULE_RED);
    let title = Format::new()
        .set_font_name(FONT_TITLE)
        .set_font_size(22)
        .set_font_color(red)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let issue = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(14)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let office = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(12)
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Bottom)
        .set_border_bottom(FormatBorder::Medium)
        .set_border_bottom_color(red);
    let date = office.clone().set_align(FormatAlign::Right);
    let para = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(12)
        .set_text_wrap()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Top);
    let heading = Format::new()
        .set_font_name(FONT_HEADING)
        .set_font_size(13)
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::VerticalCenter);

    let town = &m.plan.town;
    ws.merge_range(
        0,
        0,
        0,
        COLS - 1,
        &format!("{}“双提升”工作督导通报", town.name),
        &title,
    )?;
    ws.set_row_height(0, 44.0)?;
    ws.merge_range(
        1,
        0,
        1,
        COLS - 1,
        &format!("（{}）", m.month_label()),
        &issue,
    )?;
    ws.set_row_height(1, 26.0)?;
    ws.merge_range(2, 0, 2, 4, &town.office, &office)?;
    let d = m.date;
    ws.merge_range(
        2,
        5,
        2,
        COLS - 1,
        &format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        &date,
    )?;
    ws.set_row_height(2, 24.0)?;
    ws.set_row_height(3, 10.0)?;
    let mut p = Page {
        ws,
        row: 4,
        para,
        heading,
    };

    p.heading("一、总体情况")?;
    for s in overall(m) {
        p.para(&s)?;
    }
    p.heading("二、考评结果")?;
    for s in results(m) {
        p.para(&s)?;
    }
    p.heading("三、督查发现的问题")?;
    for s in problems(m) {
        p.para(&s)?;
    }
    p.heading("四、下步要求")?;
    for (i, s) in m.plan.notice.monthly_requirements.iter().enumerate() {
        p.para(&format!("{}．{s}", i + 1))?;
    }
    if !m.dispatch.is_empty() {
        p.para(&format!(
            "{}．本月调度事项共{}项，已逐项明确责任人（见“调度事项”表），请于下次调度前办结并报镇提升办。",
            m.plan.notice.monthly_requirements.len() + 1,
            m.dispatch.len()
        ))?;
    }

    // 报 / 送 between two rule lines.
    let row = p.row + 1;
    let top = Format::new()
        .set_font_name(FONT_BODY)
        .set_font_size(12)
        .set_text_wrap()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::VerticalCenter)
        .set_border_top(FormatBorder::Thin);
    let bottom = top
        .clone()
        .set_border_top(FormatBorder::None)
        .set_border_bottom(FormatBorder::Thin);
    p.row = row;
    p.block(&format!("报：{}。", town.report_to), &top)?;
    p.block(&format!("送：{}。", town.copy_to), &bottom)?;
    Ok(())
}

fn village_ids(m: &Monthly) -> Vec<usize> {
    (0..m.ds.register.units.len())
        .filter(|&i| m.ds.register.units[i].kind.is_village_level())
        .collect()
}

fn overall(m: &Monthly) -> Vec<String> {
    let mut out = Vec::new();
    let vs = village_ids(m);
    let nw = m.weeks.len();
    let count =
        |st: ReportStatus| -> usize { vs.iter().map(|&i| m.units[i].weeks_with(st).len()).sum() };
    let span = match (m.weeks.first(), m.weeks.last()) {
        (Some(&a), Some(&b)) => format!(
            "（{}至{}）",
            m.cal.week(a).unwrap().start.format("%-m月%-d日"),
            m.cal.week(b).unwrap().end.format("%-m月%-d日")
        ),
        _ => String::new(),
    };
    out.push(format!(
        "本月含{}{span}，共{nw}期。全镇{}个村（社区）应报周报{}份，按时报送{}份，迟报{}份，未报{}份。",
        m.weeks_label(),
        vs.len(),
        vs.len() * nw,
        count(ReportStatus::OnTime),
        count(ReportStatus::Late),
        count(ReportStatus::Missing)
    ));

    // Visits.
    let f = &m.now.figures.units;
    let households: u32 = vs
        .iter()
        .filter_map(|&i| m.ds.register.units[i].households)
        .sum();
    let visited: u32 = vs.iter().map(|&i| f[i].visits.households_visited).sum();
    let in_person: u32 = vs.iter().map(|&i| f[i].visits.in_person).sum();
    let phone: u32 = vs.iter().map(|&i| f[i].visits.phone).sum();
    let new: u32 = vs.iter().map(|&i| f[i].visits.new_in_period).sum();
    let end = m.period.end.format("%-m月%-d日");
    let mut s = format!(
        "截至{end}，全镇村（社区）登记{households}户，已走访{visited}户（入户{in_person}户、电话{phone}户）"
    );
    if households > 0 {
        s += &format!("，覆盖率{}", pct(visited as f64 / households as f64));
    }
    s += &format!("，本月新走访{new}户");
    if let Some(p) = &m.prev {
        let pv: u32 = vs
            .iter()
            .map(|&i| p.figures.units[i].visits.households_visited)
            .sum();
        s += &format!("（上月底{pv}户）");
    }
    let full: Vec<String> = vs
        .iter()
        .filter(|&&i| f[i].visits.coverage.is_some_and(|c| c >= 1.0))
        .map(|&i| m.ds.register.units[i].name.clone())
        .collect();
    if !full.is_empty() {
        s += &format!("；已实现“户户到”的有{}", join(&full));
    }
    s.push('。');
    out.push(s);

    // Disputes.
    let sum = |g: &dyn Fn(&crate::figures::Disputes) -> u32| -> u32 {
        f.iter().map(|u| g(&u.disputes)).sum()
    };
    let short: Vec<String> = vs
        .iter()
        .filter(|&&i| (f[i].disputes.screened_weeks as usize) < nw)
        .map(|&i| {
            format!(
                "{}（{}周）",
                m.ds.register.units[i].name, f[i].disputes.screened_weeks
            )
        })
        .collect();
    let mut s = format!(
        "本月新排查矛盾纠纷{}件，化解{}件；累计排查{}件，化解{}件，逾期（超过{}天）未化解{}件。",
        sum(&|d| d.new),
        sum(&|d| d.resolved),
        sum(&|d| d.total),
        sum(&|d| d.resolved_total),
        m.plan.minimums.dispute_overdue_days,
        sum(&|d| d.overdue)
    );
    if !short.is_empty() && nw > 0 {
        s += &format!(
            "本月{}期中排查（含零报告）不足{}周的有{}。",
            nw,
            nw,
            join(&short)
        );
    }
    out.push(s);

    // Slogans.
    let (mut v_ok, mut t_ok, mut t_n) = (0, 0, 0);
    let mut not_ok = Vec::new();
    for (i, u) in m.ds.register.units.iter().enumerate() {
        let ok = f[i].slogans.ok;
        if u.kind == UnitKind::TownUnit {
            t_n += 1;
            t_ok += usize::from(ok);
        } else {
            v_ok += usize::from(ok);
        }
        if !ok {
            not_ok.push(format!("{}（{}条）", u.name, f[i].slogans.approved));
        }
    }
    let mut s = format!(
        "宣传标语：{}个村（社区）在挂附件2标语达到{}条，{}个镇直单位中{}个电子显示屏滚动播放达到{}条",
        v_ok,
        m.plan.minimums.village_slogans,
        t_n,
        t_ok,
        m.plan.minimums.town_unit_screen_slogans
    );
    if !not_ok.is_empty() {
        s += &format!("；未达标的有{}", join(&not_ok));
    }
    s.push('。');
    out.push(s);

    // Survey.
    let ts = &m.now.town_survey;
    if ts.responses > 0 {
        let mut parts = Vec::new();
        for r in m.plan.survey.rates.iter().filter(|r| r.headline) {
            if let Some(v) = ts.rates.get(&r.key).and_then(|x| x.value) {
                let before = m
                    .prev
                    .as_ref()
                    .and_then(|p| p.town_survey.rates.get(&r.key))
                    .and_then(|x| x.value)
                    .map(|b| format!("（上月{}）", pct(b)))
                    .unwrap_or_default();
                parts.push(format!("{}{}{before}", r.name, pct(v)));
            }
        }
        out.push(format!(
            "截至{end}，全镇民意调查问卷{}份，{}（详见“民调指标”表）。",
            ts.responses,
            parts.join("，")
        ));
    } else {
        out.push(format!("截至{end}，尚无民意调查问卷数据。"));
    }

    // Supervision.
    let s = &m.supervision;
    let mut t = format!(
        "本月镇提升办督查{}次，其中上门查看{}次、明察暗访{}次、电话抽查{}次，发现问题{}个；截至月底，累计督查发现问题已整改{}个、正在整改{}个、逾期未整改{}个。",
        s.checks.len(),
        s.by_method[0],
        s.by_method[1],
        s.by_method[2],
        s.findings_month,
        s.done,
        s.open,
        s.overdue
    );
    if !s.not_checked.is_empty() {
        let names: Vec<String> = s
            .not_checked
            .iter()
            .map(|&u| m.unit_name(u).to_string())
            .collect();
        t += &format!("本月尚未督查到的村（社区）：{}。", join(&names));
    }
    out.push(t);

    // Grids.
    if !m.grids.is_empty() {
        let total: u32 = m.grids.iter().map(|g| g.grids).sum();
        let covered: u32 = m
            .grids
            .iter()
            .map(|g| (g.covered.len() as u32).min(g.grids))
            .sum();
        let short: Vec<String> = m
            .grids
            .iter()
            .filter(|g| g.shortfall() > 0)
            .map(|g| format!("{}缺{}个", m.unit_name(g.unit), g.shortfall()))
            .collect();
        let mut t = format!("政法干警进网格：全镇{total}个网格，已有干警报到{covered}个");
        if !short.is_empty() {
            t += &format!("，尚无干警报到的网格：{}", join(&short));
        }
        t.push('。');
        out.push(t);
    }
    out
}

fn results(m: &Monthly) -> Vec<String> {
    let mut out = Vec::new();
    let mut villages: Vec<&UnitMonth> = m
        .units
        .iter()
        .filter(|u| m.ds.register.get(u.unit).kind.is_village_level() && u.average.is_some())
        .collect();
    villages.sort_by_key(|u| (u.rank, u.unit));
    if villages.is_empty() {
        out.push("本月没有可考评的周次。".into());
        return out;
    }
    let mut s = format!("按本月{}各期得分的平均分评定", m.weeks_label());
    for g in [Grade::Green, Grade::Yellow, Grade::Red] {
        let names: Vec<String> = villages
            .iter()
            .filter(|u| u.grade == Some(g))
            .map(|u| m.unit_name(u.unit).to_string())
            .collect();
        s += &format!("，{}色{}个", g.zh(), names.len());
        if !names.is_empty() {
            s += &format!("（{}）", join(&names));
        }
    }
    s += "。各村（社区）名次及平均分：";
    s += &villages
        .iter()
        .map(|u| {
            format!(
                "{}．{}{:.1}分",
                u.rank.unwrap_or(0),
                m.unit_name(u.unit),
                u.average.unwrap_or(0.0)
            )
        })
        .collect::<Vec<_>>()
        .join("，");
    s.push('。');
    out.push(s);
    let missing: Vec<String> = villages
        .iter()
        .filter(|u| !u.weeks_with(ReportStatus::Missing).is_empty())
        .map(|u| {
            format!(
                "{}（{}未报）",
                m.unit_name(u.unit),
                weeks_text(&u.weeks_with(ReportStatus::Missing))
            )
        })
        .collect();
    if !missing.is_empty() {
        out.push(format!(
            "本月有周报未报的村（社区）当月评为红色：{}。",
            join(&missing)
        ));
    }
    if m.prev_period.is_some() {
        let up: Vec<String> = villages
            .iter()
            .filter(|u| u.rank_change.is_some_and(|c| c > 0))
            .map(|u| {
                format!(
                    "{}（上升{}位）",
                    m.unit_name(u.unit),
                    u.rank_change.unwrap()
                )
            })
            .collect();
        let down: Vec<String> = villages
            .iter()
            .filter(|u| u.rank_change.is_some_and(|c| c < 0))
            .map(|u| {
                format!(
                    "{}（下降{}位）",
                    m.unit_name(u.unit),
                    -u.rank_change.unwrap()
                )
            })
            .collect();
        let mut s = "与上月相比，".to_string();
        s += &if up.is_empty() {
            "没有名次上升的村（社区）".to_string()
        } else {
            format!("名次上升的有{}", join(&up))
        };
        s += "；";
        s += &if down.is_empty() {
            "没有名次下降的村（社区）".to_string()
        } else {
            format!("名次下降的有{}", join(&down))
        };
        s.push('。');
        out.push(s);
    }
    let towns: Vec<String> = m
        .units
        .iter()
        .filter(|u| !m.ds.register.get(u.unit).kind.is_village_level())
        .filter_map(|u| {
            Some(format!(
                "{}{:.1}分（{}）",
                m.unit_name(u.unit),
                u.average?,
                u.grade?.zh()
            ))
        })
        .collect();
    if !towns.is_empty() {
        out.push(format!("镇直单位：{}。", join(&towns)));
    }
    if m.suggestions.is_empty() {
        out.push("本月没有达到通报约谈、重点管理标准的村（社区）。".into());
    } else {
        let items: Vec<String> = m
            .suggestions
            .iter()
            .map(|s| format!("对{}{}（{}）", m.unit_name(s.unit), s.action, s.reason))
            .collect();
        out.push(format!(
            "根据实施方案“对工作推动不力的村和个人，将进行通报约谈”“实施‘重点管理’甚至‘一票否决’”的要求，建议：{}。以上为建议，提请领导小组研究决定（依据见“约谈及重点管理建议”表）。",
            items.join("；")
        ));
    }
    out
}

/// The weekly-rule groups of 三、督查发现的问题, in order.
const GROUPS: [(&str, &[&str]); 5] = [
    (
        "周报报送",
        &[
            "R3_report_late",
            "R3_report_missing",
            "report_ledger_mismatch",
        ],
    ),
    (
        "组织部署",
        &[
            "R1_liaison_missing",
            "R1_liaison_late",
            "R1_liaison_incomplete",
            "R2_meeting_missing",
            "R2_meeting_late",
        ],
    ),
    (
        "走访与问卷",
        &["R4_coverage_short", "R5_questionnaire_letter"],
    ),
    ("矛盾纠纷排查化解", &["R6_not_screened", "R6_overdue"]),
    (
        "宣传标语",
        &["R7_slogans_short", "R7_slogan_unapproved", "R7_slogan_typo"],
    ),
];

const NUMBERS: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

fn problems(m: &Monthly) -> Vec<String> {
    let mut items: Vec<(String, String)> = Vec::new();
    let all_weeks = |w: &[u32]| -> String {
        if w.len() > 1 && w == m.weeks.as_slice() {
            "本月各期".into()
        } else {
            weeks_text(w)
        }
    };
    for (group, codes) in GROUPS {
        // Weekly reports per unit (迟报2次、未报1次); other rules: units sharing the same finding together.
        let mut per_unit: Vec<(String, Vec<String>)> = Vec::new();
        let mut shared: Vec<(String, Vec<String>)> = Vec::new();
        for t in m.weekly_tallies.iter().filter(|t| codes.contains(&t.code)) {
            if t.code.starts_with("R3_") {
                let word = if t.code == "R3_report_late" {
                    "迟报"
                } else {
                    "未报"
                };
                let piece = format!("{word}{}次（{}）", t.weeks.len(), weeks_text(&t.weeks));
                match per_unit.iter_mut().find(|(u, _)| *u == t.unit) {
                    Some((_, v)) => v.push(piece),
                    None => per_unit.push((t.unit.clone(), vec![piece])),
                }
            } else {
                let piece = format!("{}（{}）", t.label, all_weeks(&t.weeks));
                match shared.iter_mut().find(|(p, _)| *p == piece) {
                    Some((_, v)) => v.push(t.unit.clone()),
                    None => shared.push((piece, vec![t.unit.clone()])),
                }
            }
        }
        let mut parts: Vec<String> = per_unit
            .iter()
            .map(|(u, v)| format!("{u}周报{}", v.join("、")))
            .collect();
        parts.extend(
            shared
                .iter()
                .map(|(piece, units)| format!("{}{piece}", units.join("、"))),
        );
        if !parts.is_empty() {
            items.push((group.to_string(), parts.join("；")));
        }
    }
    let by_code = |codes: &[&str]| -> Vec<String> {
        m.findings
            .iter()
            .filter(|d| codes.contains(&d.code) && d.severity != crate::diag::Severity::Info)
            .map(|d| format!("{}{}", d.unit, d.message))
            .collect()
    };
    for (group, codes) in [
        ("镇直单位专题部署会", &["R8_topic_meeting_missing"][..]),
        ("政法干警进网格", &["R9_grid_without_officer"][..]),
        ("工作总结", &["R10_summary_missing", "R10_summary_late"][..]),
    ] {
        let v = by_code(codes);
        if !v.is_empty() {
            items.push((group.to_string(), v.join("；")));
        }
    }
    // The month's supervision findings, and overdue rectifications.
    let r = &m.ds.records.supervisions;
    let found: Vec<String> = m
        .supervision
        .checks
        .iter()
        .filter(|&&i| crate::rules::r11_rectification::is_finding(&r[i]))
        .map(|&i| {
            let s = &r[i];
            format!(
                "{}（{}{}）：{}",
                m.unit_name(s.unit),
                s.date
                    .map(|d| d.format("%-m月%-d日").to_string())
                    .unwrap_or_default(),
                crate::rules::r11_rectification::method_zh(s),
                s.problem.trim()
            )
        })
        .collect();
    if !found.is_empty() {
        items.push(("本月督查发现".into(), found.join("；")));
    }
    let overdue: Vec<String> = m
        .supervision
        .tracked
        .iter()
        .filter(|(_, st)| *st == crate::rules::r11_rectification::Rectify::Overdue)
        .map(|&(i, _)| {
            let s = &r[i];
            format!(
                "{}“{}”（期限{}）",
                m.unit_name(s.unit),
                s.problem.trim(),
                s.deadline
                    .map(|d| d.format("%-m月%-d日").to_string())
                    .unwrap_or_default()
            )
        })
        .collect();
    if !overdue.is_empty() {
        items.push(("督查问题逾期未整改".into(), overdue.join("；")));
    }
    // Ledger quality.
    let q = crate::assess::quality_counts(m.ds);
    let mut worst: Vec<(usize, usize, usize)> = q
        .iter()
        .enumerate()
        .filter(|(_, (e, _))| *e > 0)
        .map(|(i, (e, w))| (i, *e, *w))
        .collect();
    worst.sort_by_key(|&(i, e, _)| (std::cmp::Reverse(e), i));
    if !worst.is_empty() {
        let v: Vec<String> = worst
            .iter()
            .map(|&(i, e, w)| format!("{}错误{}处、警告{}处", m.ds.register.units[i].name, e, w))
            .collect();
        items.push((
            "台账填报质量".into(),
            format!("{}（明细见周通报“问题清单”或 check 命令）", v.join("；")),
        ));
    }
    if items.is_empty() {
        return vec!["本月督查未发现问题。".into()];
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, (g, t))| format!("（{}）{g}。{t}。", NUMBERS.get(i).copied().unwrap_or("")))
        .collect()
}
