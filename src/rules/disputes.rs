//! R6: disputes screened every week (a zero report counts), none left unresolved past the limit.

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::ledger::schema::DisputeCol;

/// R6 每周定期摸排化解矛盾: the week's screening, and the disputes overdue at its end.
pub fn r6_screening(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    r6_not_screened(ctx, out);
    r6_overdue(ctx, out);
}

/// R6: a week without any screening record (a zero report counts).
fn r6_not_screened(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let week = ctx.period.issue;
    for f in ctx
        .figures
        .units
        .iter()
        .filter(|f| f.kind.is_village_level())
    {
        if f.disputes.screened_weeks == 0 {
            out.push(
                ctx.about(
                    Diagnostic::warning(
                        "R6_not_screened",
                        format!("第{week}期没有矛盾纠纷排查记录（无纠纷也要零报告）"),
                    )
                    .hint("请在矛盾纠纷台账中登记本周排查情况；没有纠纷的写一行“本周无矛盾纠纷”"),
                    f.unit,
                ),
            );
        }
    }
}

/// R6: disputes still unresolved past the limit at the period's end (a week's, or a month's).
pub fn r6_overdue(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let limit = ctx.plan.minimums.dispute_overdue_days;
    for f in ctx
        .figures
        .units
        .iter()
        .filter(|f| f.kind.is_village_level())
    {
        for &i in &f.disputes.overdue_list {
            let d = &ctx.ds.records.disputes[i];
            let days = d.date.map(|x| (ctx.period.end - x).num_days()).unwrap_or(0);
            out.push(
                ctx.at(
                    Diagnostic::error(
                        "R6_overdue",
                        format!(
                            "纠纷（{}排查，当事人 {}）已 {days} 天未化解，超过{limit}天期限",
                            d.date.map(|x| x.to_string()).unwrap_or_default(),
                            ctx.name(ctx.ds.records.text(d.parties))
                        ),
                    )
                    .hint("请明确责任人限期化解；化解后在台账中填写化解状态和化解日期"),
                    d.unit,
                    d.src,
                    DisputeCol::Status,
                ),
            );
        }
    }
}
