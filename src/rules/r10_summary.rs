//! R10: every 村/社区's work summary (工作总结) by the plan's deadline.

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::ledger::schema::ActivityType;

/// R10 各村工作总结请于12月20日前报镇提升办
///
/// Before the deadline a missing summary is progress (reported once the phase holding the deadline
/// has begun, so the spring months are not filled with reminders); after it, an error.
pub fn r10_summary(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let deadline = ctx.plan.deadlines.summary;
    let end = ctx.period.end;
    let summary = Some(ActivityType::Summary);
    // The latest-starting phase that holds the deadline (总结提升).
    let phase_start = ctx
        .plan
        .phases
        .iter()
        .filter(|p| p.start <= deadline && deadline <= p.end)
        .map(|p| p.start)
        .max()
        .unwrap_or(deadline);
    for u in ctx.villages() {
        let first = ctx
            .ds
            .records
            .activities
            .iter()
            .filter(|a| a.unit == u && a.atype == summary)
            .filter_map(|a| a.date)
            .filter(|d| *d <= end)
            .min();
        match first {
            Some(d) if d > deadline => out.push(ctx.about(
                Diagnostic::warning(
                    "R10_summary_late",
                    format!("工作总结于{d}报送，晚于{deadline}"),
                ),
                u,
            )),
            Some(_) => {}
            None if ctx.activity_types_unknown(u) => {}
            None if end >= deadline => out.push(
                ctx.about(
                    Diagnostic::error(
                        "R10_summary_missing",
                        format!("未报送工作总结（应于{deadline}前报镇提升办）"),
                    )
                    .hint("请报送工作总结，并在工作活动台账中登记（活动类型“工作总结”）"),
                    u,
                ),
            ),
            None if end >= phase_start => out.push(ctx.about(
                Diagnostic::info(
                    "R10_summary_pending",
                    format!(
                        "尚未报送工作总结（截止{deadline}，还有 {} 天）",
                        (deadline - end).num_days()
                    ),
                ),
                u,
            )),
            None => {}
        }
    }
}
