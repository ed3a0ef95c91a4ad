//! 三、督查发现的问题: the weekly rules summed over the month by group, R8–R10, the month's
//! supervision findings and overdue rectifications, and the ledgers' own quality.

use super::weeks_text;
use crate::figures::monthly::Monthly;
use crate::report::bulletin::zh_num;

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

pub(super) fn problems(m: &Monthly) -> Vec<String> {
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
    let r = &m.supervision.rows;
    let found: Vec<String> = m
        .supervision
        .checks
        .iter()
        .filter(|&&i| r[i].finding)
        .map(|&i| {
            let s = &r[i];
            format!(
                "{}（{}{}）：{}",
                m.unit_name(s.unit),
                s.date
                    .map(|d| d.format("%-m月%-d日").to_string())
                    .unwrap_or_default(),
                s.method,
                s.problem
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
        .filter(|(_, st)| *st == crate::figures::monthly::Rectify::Overdue)
        .map(|&(i, _)| {
            let s = &r[i];
            format!(
                "{}“{}”（期限{}）",
                m.unit_name(s.unit),
                s.problem,
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
    let mut worst: Vec<(usize, usize, usize)> = m
        .quality
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
            format!(
                "{}（明细见周通报“问题清单”及各村退回修改清单）",
                v.join("；")
            ),
        ));
    }
    if items.is_empty() {
        return vec!["本月督查未发现问题。".into()];
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, (g, t))| format!("（{}）{g}。{t}。", zh_num(i + 1)))
        .collect()
}
