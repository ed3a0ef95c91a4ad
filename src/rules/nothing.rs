//! A 村/社区 that sent no ledger at all: named as such (未报送任何台账), so that a notice does not
//! show it merely as 0 everywhere.

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::resolve::units::UnitId;

/// Units with at least one row of any ledger (undated rows too) dated on or before the period end.
fn senders(ctx: &RuleCtx) -> Vec<bool> {
    let end = ctx.period.end;
    let mut sent = vec![false; ctx.ds.register.units.len()];
    let mut mark = |u: UnitId, d: Option<chrono::NaiveDate>| {
        if d.is_none_or(|d| d <= end) {
            sent[u as usize] = true;
        }
    };
    let r = &ctx.ds.records;
    r.liaisons.iter().for_each(|x| mark(x.unit, x.date));
    r.weekly
        .iter()
        .for_each(|x| mark(x.unit, x.submitted.map(|t| t.date())));
    r.visits.iter().for_each(|x| mark(x.unit, x.date));
    r.surveys.iter().for_each(|x| mark(x.unit, x.date));
    r.tallies.iter().for_each(|x| mark(x.unit, None));
    r.disputes.iter().for_each(|x| mark(x.unit, x.date));
    r.slogans.iter().for_each(|x| mark(x.unit, x.date));
    r.activities.iter().for_each(|x| mark(x.unit, x.date));
    sent
}

/// 未报送任何台账: every 村/社区 of the register with no ledger row by the period end.
pub fn nothing_sent(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let sent = senders(ctx);
    let end = ctx.period.end;
    for u in ctx.villages().filter(|&u| !sent[u as usize]) {
        out.push(
            ctx.about(
                Diagnostic::error(
                    "no_ledgers",
                    format!(
                        "截至{}月{}日，收件箱中没有该单位报送的任何台账，各项数字无从统计",
                        chrono::Datelike::month(&end),
                        chrono::Datelike::day(&end)
                    ),
                )
                .hint("请督促报送联络员名单、周报、走访台账、矛盾纠纷台账和标语台账"),
                u,
            ),
        );
    }
}
