//! 三、存在问题: the rule findings summarised per rule (errors first) in sentences naming the units,
//! then the ledger problems counted per unit; the full list is the 问题清单 sheet.

use super::{names, para, zh_num, Block};
use crate::diag::{Diagnostic, Severity};
use crate::figures::weekly::Notice;
use crate::report::weekly::masked_message;

/// A rule's finding in the words a leader reads, what one instance is counted in, and whether its
/// message carries evidence worth quoting (numbers, dates, texts) or only repeats the label.
fn rule_label(code: &str) -> Option<(&'static str, &'static str, bool)> {
    Some(match code {
        "no_ledgers" => ("未报送任何台账", "处", false),
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
    const ORDER: [&str; 16] = [
        "no_ledgers",
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

/// How much a finding weighs in 三、存在问题 (issue 12): this week's missing and late reports first,
/// then overdue disputes, then the rest.
fn weight(code: &str) -> u8 {
    match code {
        "R3_report_missing" | "R3_report_late" => 0,
        "R6_overdue" => 1,
        _ => 2,
    }
}

pub fn problems(n: &Notice) -> Vec<Block> {
    // Rule findings by code: by weight, then errors before warnings, then the plan's order;
    // progress notes (提示) are not problems.
    let mut codes: Vec<(u8, Severity, usize, &'static str)> = Vec::new();
    for d in n.findings.iter().filter(|d| d.severity != Severity::Info) {
        let key = (weight(d.code), d.severity, rule_order(d.code), d.code);
        if !codes.contains(&key) {
            codes.push(key);
        }
    }
    codes.sort();
    let mut out = Vec::new();
    let mut k = 0;
    for (_, sev, _, code) in &codes {
        let group: Vec<&Diagnostic> = n
            .findings
            .iter()
            .filter(|d| d.code == *code && d.severity == *sev)
            .collect();
        let (label, measure, detail) = match rule_label(code) {
            Some((l, m, d)) => (l.to_string(), m, d),
            // A rule added later: its first message names it well enough.
            None => (masked_message(n, &group[0].message), "处", false),
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
                        format!("{who}（{}）", masked_message(n, &d.message))
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
    let diags: Vec<&Diagnostic> = n.ledger_problems().collect();
    let crate::report::terminal::Counts {
        errors, warnings, ..
    } = crate::report::terminal::counts(diags.iter().copied());
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
