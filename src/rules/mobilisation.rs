//! R1 (liaison roster by the deadline) and R2 (village mobilisation meeting).

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::ledger::schema::ActivityType;
use crate::ledger::schema::LiaisonCol;

/// R1 明确一把手亲自抓总、分管同志具体负责 … 明确一名“双提升”工作联络员 … 于4月7日前报送
pub fn r1_liaison(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let deadline = ctx.plan.deadlines.liaison;
    let due = ctx.period.end >= deadline;
    for u in ctx.villages() {
        let rows: Vec<_> = ctx
            .ds
            .records
            .liaisons
            .iter()
            .filter(|l| l.unit == u && l.date.is_none_or(|d| d <= ctx.period.end))
            .collect();
        let Some(first) = rows.iter().min_by_key(|l| (l.date, l.src)) else {
            let d = if due {
                Diagnostic::error(
                    "R1_liaison_missing",
                    format!("未报送“双提升”联络员名单（应于{deadline}前报送）"),
                )
                .hint("请报送一把手、分管负责人、联络员及联系电话")
            } else {
                Diagnostic::info(
                    "R1_liaison_pending",
                    format!("尚未报送联络员名单（截止{deadline}）"),
                )
            };
            out.push(ctx.about(d, u));
            continue;
        };
        if let Some(d) = first.date.filter(|d| *d > deadline) {
            out.push(ctx.at(
                Diagnostic::warning(
                    "R1_liaison_late",
                    format!("联络员名单于{d}报送，晚于{deadline}的要求"),
                ),
                u,
                first.src,
                LiaisonCol::Date,
            ));
        }
        let missing: Vec<&str> = [
            ("一把手", first.leader.is_empty()),
            ("分管负责人", first.deputy.is_empty()),
            ("联络员", first.liaison.is_empty()),
            ("有效的联系电话", first.phone.is_empty()),
        ]
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(n, _)| n)
        .collect();
        if !missing.is_empty() {
            out.push(
                ctx.at(
                    Diagnostic::error(
                        "R1_liaison_incomplete",
                        format!("联络员名单缺少{}", missing.join("、")),
                    )
                    .hint("方案要求明确一把手、分管同志和一名联络员，并留有效联系电话"),
                    u,
                    first.src,
                    if first.leader.is_empty() {
                        LiaisonCol::Leader
                    } else if first.deputy.is_empty() {
                        LiaisonCol::Deputy
                    } else if first.liaison.is_empty() {
                        LiaisonCol::Liaison
                    } else {
                        LiaisonCol::Phone
                    },
                ),
            );
        }
    }
}

/// R2 要召开动员部署会议 (by the end of the mobilisation phase).
pub fn r2_meeting(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let deadline = ctx.plan.deadlines.mobilisation;
    let meeting = Some(ActivityType::Mobilisation);
    for u in ctx.villages() {
        let held = ctx
            .ds
            .records
            .activities
            .iter()
            .filter(|a| a.unit == u && a.atype == meeting)
            .filter_map(|a| a.date)
            .filter(|d| *d <= ctx.period.end)
            .min();
        match held {
            Some(d) if d > deadline => out.push(ctx.about(
                Diagnostic::warning(
                    "R2_meeting_late",
                    format!("动员部署会于{d}召开，晚于{deadline}"),
                ),
                u,
            )),
            Some(_) => {}
            None if ctx.activity_types_unknown(u) => {}
            None if ctx.period.end >= deadline => out.push(
                ctx.about(
                    Diagnostic::error(
                        "R2_meeting_missing",
                        format!("工作活动台账中没有动员部署会（应于{deadline}前召开）"),
                    )
                    .hint("已召开的请在工作活动台账中补录日期和参加人数"),
                    u,
                ),
            ),
            None => out.push(ctx.about(
                Diagnostic::info(
                    "R2_meeting_pending",
                    format!("尚未召开动员部署会（截止{deadline}）"),
                ),
                u,
            )),
        }
    }
}
