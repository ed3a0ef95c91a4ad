//! What the 通报 says, as headings and paragraphs: the week's numbers written out in sentences
//! (一、总体情况), the red and black lists (二), the rule findings summarised per rule (三) and the
//! plan's requirements (四). Only what the data shows is stated; the layout is `bulletin`'s job.

use super::{md, pct};
use crate::diag::{Diagnostic, Severity};
use crate::figures::{ReportStatus, UnitFigures};
use crate::score::Grade;
use crate::units::UnitId;
use crate::weekly::Notice;

/// One block of the bulletin's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// 一、总体情况
    Heading(String),
    /// A paragraph; `lead` (e.g. `（一）周报报送。`) is set in bold before the text.
    Para { lead: String, text: String },
}

fn para(lead: impl Into<String>, text: impl Into<String>) -> Block {
    Block::Para {
        lead: lead.into(),
        text: text.into(),
    }
}

/// The bulletin's body, in order.
pub fn body(n: &Notice) -> Vec<Block> {
    let mut v = vec![Block::Heading("一、总体情况".into())];
    v.extend(overview(n));
    v.push(Block::Heading("二、红黑榜".into()));
    v.extend(lists(n));
    v.push(Block::Heading("三、存在问题".into()));
    v.extend(problems(n));
    v.push(Block::Heading("四、下步要求".into()));
    v.extend(
        n.plan
            .notice
            .next_steps
            .iter()
            .enumerate()
            .map(|(i, s)| para("", format!("{}．{s}", i + 1))),
    );
    v
}

/// Chinese ordinal for the sub-paragraphs: 1 → 一, 12 → 十二, 21 → 二十一.
pub fn zh_num(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "零".into(),
        1..=9 => D[n].into(),
        10..=19 => format!("十{}", D[n % 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

/// `东庄村、西庄村`, or the first `cap` and `等N个` after them.
fn names(list: &[String], cap: usize) -> String {
    if list.len() <= cap {
        list.join("、")
    } else {
        format!("{}等{}个", list[..cap].join("、"), list.len())
    }
}

fn name(n: &Notice, u: UnitId) -> String {
    n.ds.unit_name(u).to_string()
}

fn villages<'a>(n: &'a Notice) -> impl Iterator<Item = &'a UnitFigures> {
    n.now
        .figures
        .units
        .iter()
        .filter(|f| f.kind.is_village_level())
}

fn town_units<'a>(n: &'a Notice) -> impl Iterator<Item = &'a UnitFigures> {
    n.now
        .figures
        .units
        .iter()
        .filter(|f| !f.kind.is_village_level())
}

fn overview(n: &Notice) -> Vec<Block> {
    let mut out = Vec::new();
    let mut k = 0;
    let mut lead = |title: &str| {
        k += 1;
        format!("（{}）{title}。", zh_num(k))
    };
    out.push(para(lead("周报报送"), reports(n)));
    out.push(para(lead("入户走访"), visits(n)));
    out.push(para(lead("矛盾纠纷排查化解"), disputes(n)));
    out.push(para(lead("宣传标语"), slogans(n)));
    if let Some(t) = survey(n) {
        out.push(para(lead("民意调查"), t));
    }
    out
}

fn reports(n: &Notice) -> String {
    let mut owed = 0;
    let (mut on_time, mut late, mut missing) = (0, Vec::new(), Vec::new());
    for f in villages(n) {
        let Some(w) = &f.weekly_report else { continue };
        owed += 1;
        match w.status {
            ReportStatus::OnTime => on_time += 1,
            ReportStatus::Late => late.push(name(n, f.unit)),
            ReportStatus::Missing => missing.push(name(n, f.unit)),
        }
    }
    let p = n.period();
    let mut s = format!(
        "本期（{}至{}）应报周报{owed}个村（社区），按时报送{on_time}个",
        md(p.start),
        md(p.end)
    );
    if late.is_empty() && missing.is_empty() {
        s.push_str("，全部按时报送。");
        return s;
    }
    if !late.is_empty() {
        s += &format!("，迟报{}个（{}）", late.len(), names(&late, 10));
    }
    if !missing.is_empty() {
        s += &format!("，未报{}个（{}）", missing.len(), names(&missing, 10));
    }
    s.push('。');
    s
}

fn visits(n: &Notice) -> String {
    let (mut hh, mut units) = (0u64, 0);
    let (mut done, mut inp, mut phone, mut new, mut q, mut l) =
        (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
    let mut full = Vec::new();
    let mut lowest: Option<(f64, UnitId)> = None;
    for f in villages(n) {
        units += 1;
        hh += n.ds.register.get(f.unit).households.unwrap_or(0) as u64;
        let v = &f.visits;
        done += v.households_visited as u64;
        inp += v.in_person as u64;
        phone += v.phone as u64;
        new += v.new_in_period as u64;
        q += v.questionnaires as u64;
        l += v.letters as u64;
        if let Some(c) = v.coverage {
            if c >= 1.0 {
                full.push(name(n, f.unit));
            }
            if lowest.is_none_or(|(lc, _)| c < lc) {
                lowest = Some((c, f.unit));
            }
        }
    }
    let mut s = if hh > 0 {
        format!(
            "全镇{units}个村（社区）共有{hh}户，已走访{done}户，占{}",
            pct(done as f64 / hh as f64)
        )
    } else {
        format!("全镇{units}个村（社区）已走访{done}户（村居名册未登记户数，无法计算覆盖率）")
    };
    s += &format!(
        "，其中入户{inp}户、电话{phone}户，本周新增{new}户；已发放问卷{q}户、送达公开信{l}户。"
    );
    if !full.is_empty() {
        s += &format!("已实现“户户到”的有{}。", names(&full, 10));
    }
    if let Some((c, u)) = lowest.filter(|(c, _)| *c < 1.0) {
        s += &format!("覆盖率最低的是{}（{}）。", name(n, u), pct(c));
    }
    let end = n.period().end;
    if let Some(w) = n
        .plan
        .survey_windows
        .iter()
        .find(|w| w.start <= end && end <= w.end)
    {
        s += &format!(
            "{}省民意调查正在进行（{}至{}）。",
            w.name,
            md(w.start),
            md(w.end)
        );
    } else if let Some(w) = n.plan.survey_windows.iter().find(|w| w.start > end) {
        s += &format!(
            "距{}省民意调查（{}开始）还有{}天，须在此前实现“户户到”。",
            w.name,
            md(w.start),
            (w.start - end).num_days()
        );
    }
    s
}

fn disputes(n: &Notice) -> String {
    let (mut screened, mut not) = (0, Vec::new());
    let (mut new, mut res, mut tot, mut rt) = (0, 0, 0, 0);
    let mut overdue: Vec<String> = Vec::new();
    let mut od = 0;
    for f in &n.now.figures.units {
        let d = &f.disputes;
        if f.kind.is_village_level() {
            if d.screened_weeks > 0 {
                screened += 1;
            } else {
                not.push(name(n, f.unit));
            }
        }
        new += d.new;
        res += d.resolved;
        tot += d.total;
        rt += d.resolved_total;
        if d.overdue > 0 {
            od += d.overdue;
            overdue.push(format!("{}{}件", name(n, f.unit), d.overdue));
        }
    }
    let mut s = format!("本周开展排查（含零报告）的村（社区）{screened}个");
    if !not.is_empty() {
        s += &format!("，没有排查记录的{}个（{}）", not.len(), names(&not, 10));
    }
    s += &format!("；本周新增矛盾纠纷{new}件、化解{res}件；累计排查{tot}件、化解{rt}件");
    if tot > 0 {
        s += &format!("，化解率{}", pct(rt as f64 / tot as f64));
    }
    let limit = n.plan.minimums.dispute_overdue_days;
    if od > 0 {
        s += &format!(
            "；排查后超过{limit}天仍未化解的{od}件（{}）。",
            names(&overdue, 10)
        );
    } else {
        s += &format!("；没有超过{limit}天未化解的纠纷。");
    }
    s
}

fn slogans(n: &Notice) -> String {
    let (mut hang, mut ok, mut short, mut count) = (0, 0, Vec::new(), 0);
    for f in villages(n) {
        count += 1;
        hang += f.slogans.hanging;
        if f.slogans.ok {
            ok += 1;
        } else {
            short.push(name(n, f.unit));
        }
    }
    let mut s = format!(
        "{count}个村（社区）在挂标语{hang}条，{ok}个达到“不少于{}条附件2标语”的要求",
        n.plan.minimums.village_slogans
    );
    if !short.is_empty() {
        s += &format!("，未达标的有{}", names(&short, 10));
    }
    let (mut tn, mut th, mut tok, mut tshort) = (0, 0, 0, Vec::new());
    for f in town_units(n) {
        tn += 1;
        th += f.slogans.hanging;
        if f.slogans.ok {
            tok += 1;
        } else {
            tshort.push(name(n, f.unit));
        }
    }
    if tn > 0 {
        s += &format!("；{tn}个镇直单位电子显示屏播放标语{th}条，{tok}个达标");
        if !tshort.is_empty() {
            s += &format!("，未达标的有{}", names(&tshort, 10));
        }
    }
    let (mut un, mut uu, mut ty, mut tu) = (0, Vec::new(), 0, Vec::new());
    for f in &n.now.figures.units {
        if f.slogans.unapproved > 0 {
            un += f.slogans.unapproved;
            uu.push(name(n, f.unit));
        }
        if !f.slogans.near_list.is_empty() {
            ty += f.slogans.near_list.len();
            tu.push(name(n, f.unit));
        }
    }
    if un > 0 {
        s += &format!("；另有{un}条标语不是附件2所列内容（{}）", names(&uu, 10));
    }
    if ty > 0 {
        s += &format!("，{ty}条疑有错别字（{}）", names(&tu, 10));
    }
    s.push('。');
    s
}

/// Survey rates, only when answers exist: the headline rates, then the plan's weak points.
fn survey(n: &Notice) -> Option<String> {
    let town = &n.now.town_survey;
    if town.responses == 0 {
        return None;
    }
    let units = n.now.survey.iter().filter(|s| s.responses > 0).count();
    let rate = |key: &str, name: &str| -> Option<String> {
        let r = town.rates.get(key)?;
        let v = r.value?;
        let small = if r.small_sample {
            "，样本不足"
        } else {
            ""
        };
        Some(format!("{name}{}（有效回答{}{small}）", pct(v), r.base))
    };
    let rates = &n.plan.survey.rates;
    let head: Vec<String> = rates
        .iter()
        .filter(|r| r.headline)
        .filter_map(|r| rate(&r.key, &r.name))
        .collect();
    let weak: Vec<String> = rates
        .iter()
        .filter(|r| r.weak_point && !r.headline)
        .filter_map(|r| rate(&r.key, &r.name))
        .collect();
    let mut s = format!("已收集{units}个单位的民调问卷{}份", town.responses);
    if !head.is_empty() {
        s += &format!("，全镇{}", head.join("、"));
    }
    if !weak.is_empty() {
        s += &format!("；方案点名的短板指标：{}", weak.join("、"));
    }
    s.push('。');
    // Units whose 安全感率 is under the plan's floor (with enough answers to say so).
    let floor = n.plan.suggestions.security_floor;
    let low: Vec<String> = n
        .now
        .survey
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let r = f.rates.get("security")?;
            let v = r.value?;
            (v < floor && !r.small_sample)
                .then(|| format!("{}（{}）", n.ds.unit_name(i as UnitId), pct(v)))
        })
        .collect();
    if !low.is_empty() {
        s += &format!("安全感率低于{}的有{}。", pct(floor), names(&low, 10));
    }
    Some(s)
}

fn lists(n: &Notice) -> Vec<Block> {
    let sc = &n.now.scores;
    let units = &n.now.figures.units;
    let count = |village: bool| {
        let mut c = [0; 3];
        for (i, f) in units.iter().enumerate() {
            if f.kind.is_village_level() == village {
                c[sc[i].grade as usize] += 1;
            }
        }
        c
    };
    let mut out = Vec::new();
    let v = count(true);
    let mut s = format!(
        "本期村（社区）综合评分绿色{}个、黄色{}个、红色{}个",
        v[0], v[1], v[2]
    );
    let t = count(false);
    if t.iter().sum::<usize>() > 0 {
        s += &format!("；镇直单位绿色{}个、黄色{}个、红色{}个", t[0], t[1], t[2]);
    }
    s += "（评分办法见“综合排名”工作表）。";
    out.push(para("", s));

    // 红榜: the best green units of each group (the top three ranks, ties included).
    let with = |i: usize| format!("{}（{:.1}分）", name(n, units[i].unit), sc[i].score);
    let mut by_rank: Vec<usize> = (0..units.len()).collect();
    by_rank.sort_by_key(|&i| (!units[i].kind.is_village_level(), sc[i].rank, i));
    let top = |village: bool| -> Vec<String> {
        by_rank
            .iter()
            .copied()
            .filter(|&i| units[i].kind.is_village_level() == village)
            .filter(|&i| sc[i].grade == Grade::Green && sc[i].rank.is_some_and(|r| r <= 3))
            .map(with)
            .collect()
    };
    let mut red = match top(true) {
        l if l.is_empty() => "本期没有绿色等级的村（社区）".to_string(),
        l => l.join("、"),
    };
    let tl = top(false);
    if !tl.is_empty() {
        red += &format!("；镇直单位：{}", tl.join("、"));
    }
    out.push(para("红榜：", format!("{red}。")));

    // 黑榜: every red unit, lowest score first, with why.
    let mut reds: Vec<usize> = (0..units.len())
        .filter(|&i| sc[i].grade == Grade::Red)
        .collect();
    reds.sort_by(|&a, &b| sc[a].score.total_cmp(&sc[b].score).then(a.cmp(&b)));
    let black = if reds.is_empty() {
        let mut s = "本期没有红色等级的单位".to_string();
        if let Some(&i) = by_rank
            .iter()
            .filter(|&&i| units[i].kind.is_village_level())
            .max_by(|&&a, &&b| sc[b].score.total_cmp(&sc[a].score).then(b.cmp(&a)))
            .filter(|&&i| sc[i].grade != Grade::Green)
        {
            s += &format!(
                "；村（社区）中得分最低的是{}（{:.1}分，{}）",
                name(n, units[i].unit),
                sc[i].score,
                sc[i].grade.zh()
            );
        }
        s
    } else {
        reds.iter()
            .map(|&i| {
                let missing = units[i]
                    .weekly_report
                    .as_ref()
                    .is_some_and(|w| w.status == ReportStatus::Missing);
                let why = if missing { "，未报周报" } else { "" };
                format!("{}（{:.1}分{why}）", name(n, units[i].unit), sc[i].score)
            })
            .collect::<Vec<_>>()
            .join("、")
    };
    out.push(para("黑榜：", format!("{black}。")));

    // Big moves in rank since last week.
    let moves: Vec<(usize, i32)> = by_rank
        .iter()
        .filter_map(|&i| n.rank_change.get(i).copied().flatten().map(|d| (i, d)))
        .filter(|(_, d)| d.abs() >= 2)
        .collect();
    if !moves.is_empty() {
        let up: Vec<String> = moves
            .iter()
            .filter(|(_, d)| *d > 0)
            .map(|&(i, d)| format!("{}（↑{d}）", name(n, units[i].unit)))
            .collect();
        let down: Vec<String> = moves
            .iter()
            .filter(|(_, d)| *d < 0)
            .map(|&(i, d)| format!("{}（↓{}）", name(n, units[i].unit), -d))
            .collect();
        let mut parts = Vec::new();
        if !up.is_empty() {
            parts.push(format!("上升较多的有{}", up.join("、")));
        }
        if !down.is_empty() {
            parts.push(format!("下降较多的有{}", down.join("、")));
        }
        out.push(para("", format!("与上期相比，名次{}。", parts.join("；"))));
    }

    if !n.suggestions.is_empty() {
        // Grouped by action, in the order the suggestions came.
        let mut actions: Vec<&str> = Vec::new();
        for s in &n.suggestions {
            if !actions.contains(&s.action) {
                actions.push(s.action);
            }
        }
        let text: Vec<String> = actions
            .iter()
            .map(|a| {
                let who: Vec<String> = n
                    .suggestions
                    .iter()
                    .filter(|s| s.action == *a)
                    .map(|s| format!("{}，{}", name(n, s.unit), s.reason))
                    .collect();
                format!("对以下单位{a}：{}", who.join("；"))
            })
            .collect();
        out.push(para(
            "建议",
            format!(
                "{}。以上为按方案评分规则提出的建议，请领导小组研究决定。",
                text.join("。")
            ),
        ));
    }
    out
}

/// A rule's finding in the words a leader reads, what one instance is counted in, and whether its
/// message carries evidence worth quoting (numbers, dates, texts) or only repeats the label.
fn rule_label(code: &str) -> Option<(&'static str, &'static str, bool)> {
    Some(match code {
        "R1_liaison_missing" => ("未报送“双提升”联络员名单", "处", false),
        "R1_liaison_incomplete" => ("联络员名单信息不全", "处", true),
        "R1_liaison_late" => ("联络员名单逾期报送", "处", true),
        "R2_meeting_missing" => ("未召开动员部署会", "处", false),
        "R2_meeting_late" => ("动员部署会晚于期限召开", "处", true),
        "R3_report_missing" => ("周报未报送", "处", false),
        "R3_report_late" => ("周报迟报", "处", true),
        "report_ledger_mismatch" => ("周报数字与台账不一致", "处", true),
        "R4_coverage_short" => ("民调前走访未实现“户户到”", "处", true),
        "R5_questionnaire_letter" => ("问卷、公开信未送到每一户", "处", true),
        "R6_not_screened" => ("本周没有矛盾纠纷排查记录", "处", false),
        "R6_overdue" => ("矛盾纠纷逾期未化解", "件", true),
        "R7_slogans_short" => ("标语数量不足", "处", true),
        "R7_slogan_unapproved" => ("标语不是附件2所列内容", "条", true),
        "R7_slogan_typo" => ("标语疑有错别字", "条", true),
        _ => return None,
    })
}

/// The order rules are discussed in: the plan's (R1 … R7), unknown codes after.
fn rule_order(code: &str) -> usize {
    const ORDER: [&str; 15] = [
        "R1_liaison_missing",
        "R1_liaison_incomplete",
        "R1_liaison_late",
        "R2_meeting_missing",
        "R2_meeting_late",
        "R3_report_missing",
        "R3_report_late",
        "report_ledger_mismatch",
        "R4_coverage_short",
        "R5_questionnaire_letter",
        "R6_not_screened",
        "R6_overdue",
        "R7_slogans_short",
        "R7_slogan_unapproved",
        "R7_slogan_typo",
    ];
    ORDER.iter().position(|c| *c == code).unwrap_or(ORDER.len())
}

fn problems(n: &Notice) -> Vec<Block> {
    // Rule findings by code: errors first, then warnings; progress notes (提示) are not problems.
    let mut codes: Vec<(Severity, usize, &'static str)> = Vec::new();
    for d in n.findings.iter().filter(|d| d.severity != Severity::Info) {
        let key = (d.severity, rule_order(d.code), d.code);
        if !codes.contains(&key) {
            codes.push(key);
        }
    }
    codes.sort();
    let mut out = Vec::new();
    let mut k = 0;
    for (sev, _, code) in &codes {
        let group: Vec<&Diagnostic> = n
            .findings
            .iter()
            .filter(|d| d.code == *code && d.severity == *sev)
            .collect();
        let (label, measure, detail) = match rule_label(code) {
            Some((l, m, d)) => (l.to_string(), m, d),
            // A rule added later: its first message names it well enough.
            None => (super::masked_message(n, &group[0].message), "处", false),
        };
        k += 1;
        let text = if group.len() <= 3 {
            group
                .iter()
                .map(|d| {
                    let who = if d.unit.is_empty() {
                        ""
                    } else {
                        d.unit.as_str()
                    };
                    if detail {
                        format!("{who}（{}）", super::masked_message(n, &d.message))
                    } else {
                        who.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(if detail { "；" } else { "、" })
        } else {
            // Units in register order, each with its count.
            let mut per: Vec<(String, usize)> = Vec::new();
            for d in &group {
                match per.iter_mut().find(|(u, _)| *u == d.unit) {
                    Some(p) => p.1 += 1,
                    None => per.push((d.unit.clone(), 1)),
                }
            }
            let list: Vec<String> = per
                .iter()
                .map(|(u, c)| {
                    if *c > 1 {
                        format!("{u}{c}{measure}")
                    } else {
                        u.clone()
                    }
                })
                .collect();
            if per.iter().all(|(_, c)| *c == 1) {
                format!("{}个单位，{}", per.len(), names(&list, 12))
            } else {
                format!("共{}{measure}，涉及{}", group.len(), names(&list, 12))
            }
        };
        out.push(para(
            format!("（{}）{label}：", zh_num(k)),
            format!("{text}。"),
        ));
    }
    // Problems in the ledgers themselves (not rules): how many, and who has the most.
    let diags = &n.ds.diags;
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if errors + warnings > 0 {
        let mut per: Vec<(String, usize)> = Vec::new();
        for d in diags.iter().filter(|d| d.severity != Severity::Info) {
            let u = if d.unit.is_empty() {
                "未能确定单位的文件".to_string()
            } else {
                d.unit.clone()
            };
            match per.iter_mut().find(|(x, _)| *x == u) {
                Some(p) => p.1 += 1,
                None => per.push((u, 1)),
            }
        }
        per.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let list: Vec<String> = per.iter().map(|(u, c)| format!("{u}{c}条")).collect();
        k += 1;
        out.push(para(
            format!("（{}）台账填报问题：", zh_num(k)),
            format!(
                "各单位报送的台账中有错误{errors}条、警告{warnings}条，分布为{}。",
                names(&list, 8)
            ),
        ));
    }
    if out.is_empty() {
        out.push(para("", "本期未发现问题。"));
    } else {
        let total = n.all_problems().len();
        out.push(para(
            "",
            format!(
                "以上问题连同提示共{total}条，已逐条列入本通报“问题清单”工作表，写明文件、工作表、单元格和改法，请各单位对照整改，并于下周报送时一并更正。"
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_ordinals() {
        assert_eq!(zh_num(1), "一");
        assert_eq!(zh_num(10), "十");
        assert_eq!(zh_num(12), "十二");
        assert_eq!(zh_num(20), "二十");
        assert_eq!(zh_num(21), "二十一");
    }

    #[test]
    fn long_name_lists_are_cut() {
        let l: Vec<String> = ["甲村", "乙村", "丙村"].map(String::from).to_vec();
        assert_eq!(names(&l, 3), "甲村、乙村、丙村");
        assert_eq!(names(&l, 2), "甲村、乙村等3个");
    }
}
