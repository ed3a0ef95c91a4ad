//! R3 (a weekly report every Friday before 17:30) and the cross-check the plan's “弄虚作假” warning
//! calls for: the numbers a weekly report states must agree with that week's ledgers.

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::figures::ReportStatus;
use crate::ledger::schema::Kind;
use crate::text::person_key;
use std::collections::HashSet;

/// R3 各村联络员于每周五下班前向镇提升办报送本周工作开展情况
pub fn r3_weekly_report(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let week = ctx.period.issue;
    let deadline = ctx.cal.deadline(week);
    for f in &ctx.figures.units {
        let Some(st) = &f.weekly_report else { continue };
        match st.status {
            ReportStatus::OnTime => {}
            ReportStatus::Missing => out.push(
                ctx.about(
                    Diagnostic::error(
                        "R3_report_missing",
                        format!(
                            "第{week}期周报未报送（应于{}前报送）",
                            deadline.format("%m月%d日%H:%M")
                        ),
                    )
                    .hint("请联络员补报本周工作开展情况"),
                    f.unit,
                ),
            ),
            ReportStatus::Late => {
                let r = &ctx.ds.records.weekly[st.report.unwrap()];
                let when = st
                    .submitted_at
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "时间不明".into());
                out.push(
                    ctx.at(
                        Diagnostic::warning(
                            "R3_report_late",
                            format!(
                                "第{week}期周报于{when}报送，晚于{}",
                                deadline.format("%m月%d日%H:%M")
                            ),
                        )
                        .hint("每周五17:30前报送"),
                        f.unit,
                        r.src,
                        Kind::WeeklyReport,
                        "报送时间",
                    ),
                );
            }
        }
    }
}

/// A weekly report whose 走访户数 / 排查纠纷数 / 化解纠纷数 disagree with the week's ledgers.
pub fn cross_check(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let p = ctx.period;
    let r = &ctx.ds.records;
    let resolved = ctx
        .plan
        .disputes
        .statuses
        .iter()
        .position(|s| *s == ctx.plan.disputes.resolved)
        .map(|i| i as u8);
    // Ledger truth per unit for the week.
    let n = ctx.ds.register.units.len();
    let mut visited: Vec<HashSet<(String, String)>> = vec![HashSet::new(); n];
    let mut has_visits = vec![false; n];
    for v in &r.visits {
        has_visits[v.unit as usize] = true;
        if v.date.is_some_and(|d| p.contains(d)) {
            visited[v.unit as usize].insert((person_key(&v.group), person_key(&v.head)));
        }
    }
    let mut screened = vec![0u32; n];
    let mut resolved_n = vec![0u32; n];
    let mut has_disputes = vec![false; n];
    for d in &r.disputes {
        has_disputes[d.unit as usize] = true;
        if d.zero {
            continue;
        }
        if d.date.is_some_and(|x| p.contains(x)) {
            screened[d.unit as usize] += 1;
        }
        if d.status == resolved && d.resolved_on.is_some_and(|x| p.contains(x)) {
            resolved_n[d.unit as usize] += 1;
        }
    }
    for f in &ctx.figures.units {
        let Some(i) = f.weekly_report.as_ref().and_then(|s| s.report) else {
            continue;
        };
        let w = &r.weekly[i];
        let u = w.unit as usize;
        let checks = [
            (
                "走访户数",
                w.visits,
                visited[u].len() as u32,
                has_visits[u],
                "走访台账",
            ),
            (
                "排查纠纷数",
                w.disputes_screened,
                screened[u],
                has_disputes[u],
                "矛盾纠纷台账",
            ),
            (
                "化解纠纷数",
                w.disputes_resolved,
                resolved_n[u],
                has_disputes[u],
                "矛盾纠纷台账",
            ),
        ];
        for (col, stated, actual, ledger_sent, ledger) in checks {
            let Some(stated) = stated else { continue };
            if !ledger_sent || stated == actual {
                continue;
            }
            out.push(
                ctx.at(
                    Diagnostic::warning(
                        "report_ledger_mismatch",
                        format!("周报填报{col} {stated}，而本周{ledger}中为 {actual}"),
                    )
                    .hint(format!("请核实：周报数字应与{ledger}一致，不得虚报")),
                    w.unit,
                    w.src,
                    Kind::WeeklyReport,
                    col,
                ),
            );
        }
    }
}
