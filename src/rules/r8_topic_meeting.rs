//! R8: every 镇直单位 holds a topic deployment meeting (专题部署会) before each survey window.

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::ledger::schema::ActivityType;
use chrono::NaiveDate;

/// Dates of `unit`'s 专题部署会 on or before the period end, in order.
fn meetings(ctx: &RuleCtx, unit: u32) -> Vec<NaiveDate> {
    let topic = Some(ActivityType::TopicMeeting);
    let mut v: Vec<NaiveDate> = ctx
        .ds
        .records
        .activities
        .iter()
        .filter(|a| a.unit == unit && a.atype == topic)
        .filter_map(|a| a.date)
        .filter(|d| *d <= ctx.period.end)
        .collect();
    v.sort();
    v
}

/// R8 镇直各单位在民意调查前要组织开展一次专题部署会议
///
/// For each survey window that has started by the period end, a meeting must be dated after the
/// previous window ended (any time for the first) and before the window's first day; for the next
/// window not yet started, progress is reported.
pub fn r8_topic_meeting(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let end = ctx.period.end;
    let windows = &ctx.plan.survey_windows;
    for u in ctx.town_units() {
        if ctx.activity_types_unknown(u) {
            // (its activity ledger has no 活动类型: the meeting may be among them)
            continue;
        }
        let held = meetings(ctx, u);
        for (k, w) in windows.iter().enumerate() {
            let after = k.checked_sub(1).map(|p| windows[p].end);
            let in_span = |d: &&NaiveDate| after.is_none_or(|a| **d > a);
            if w.start <= end {
                let before = held.iter().filter(in_span).find(|d| **d < w.start);
                if before.is_some() {
                    continue;
                }
                let late = held.iter().filter(in_span).find(|d| **d >= w.start);
                let msg = match late {
                    Some(d) => format!(
                        "{}民调（{}开始）前未召开专题部署会（{}才召开）",
                        w.name, w.start, d
                    ),
                    None => format!(
                        "{}民调（{}开始）前未召开专题部署会，工作活动台账中没有记录",
                        w.name, w.start
                    ),
                };
                out.push(
                    ctx.about(
                        Diagnostic::error("R8_topic_meeting_missing", msg).hint(
                            "镇直单位在民意调查前要召开一次专题部署会议，已召开的请在工作活动台账中补录",
                        ),
                        u,
                    ),
                );
            } else {
                // The next window: progress only.
                if !held.iter().any(|d| in_span(&d)) {
                    let days = (w.start - end).num_days();
                    out.push(ctx.about(
                        Diagnostic::info(
                            "R8_topic_meeting_pending",
                            format!(
                                "尚未召开{}民调前的专题部署会（民调{}开始，还有 {days} 天）",
                                w.name, w.start
                            ),
                        ),
                        u,
                    ));
                }
                break;
            }
        }
    }
}
