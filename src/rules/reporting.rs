//! R3: a weekly report every Friday before 17:30. (The cross-check of its numbers against the ledgers
//! is in `consistency.rs`: it holds for every week, so `check` shows it too.)

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::figures::counts::ReportStatus;
use crate::ledger::schema::WeeklyCol;
use chrono::Timelike;

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
                    // Seconds shown when they matter: 17:30:59 is after 17:30.
                    .map(|t| match t.second() {
                        0 => t.format("%Y-%m-%d %H:%M").to_string(),
                        _ => t.format("%Y-%m-%d %H:%M:%S").to_string(),
                    })
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
                        WeeklyCol::Submitted,
                    ),
                );
            }
        }
    }
}
