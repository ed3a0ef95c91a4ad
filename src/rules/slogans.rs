//! R7: at least 3 approved slogans hanging per 村/社区, at least 1 on an electronic screen per 镇直单位,
//! texts from 附件2 (the texts themselves are checked in `consistency.rs`).

use super::RuleCtx;
use crate::diag::{Diagnostic, Severity};

/// R7 各村悬挂不少于3条标语，镇直单位利用电子显示屏滚动播放至少1条标语
pub fn r7_slogans(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    // Before the first survey window a shortfall is a reminder; from then on it is a failure.
    let due = ctx
        .plan
        .survey_windows
        .first()
        .is_none_or(|w| ctx.period.end >= w.start);
    for f in &ctx.figures.units {
        let s = &f.slogans;
        // (a 镇直单位 whose slogan ledger has no 形式 column: its screens cannot be counted)
        if !s.ok && s.unknown.is_none() {
            let what = if f.kind.is_village_level() {
                format!("在挂附件2标语 {} 条，少于 {} 条", s.approved, s.required)
            } else {
                format!(
                    "电子显示屏播放附件2标语 {} 条，少于 {} 条",
                    s.approved, s.required
                )
            };
            let sev = if due {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.push(
                ctx.about(
                    Diagnostic::new(sev, "R7_slogans_short", what)
                        .hint("请按附件2内容补足标语，并在标语台账中登记"),
                    f.unit,
                ),
            );
        }
    }
}
