//! R4 (every household visited before each survey window) and R5 (questionnaire and open letter to every
//! visited household).

use super::{pct, RuleCtx};
use crate::diag::Diagnostic;
use chrono::Duration;

/// R4 在省民意调查前组织开展一次“地毯式”走访，确保“户户到”（不在家的要确保电话访问到位）
pub fn r4_coverage(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let end = ctx.period.end;
    let windows = &ctx.plan.survey_windows;
    let started = windows.iter().rfind(|w| w.start <= end);
    let next = windows.iter().find(|w| w.start > end);
    // Households per unit visited by the day before the survey window began, and by the period end
    // (the households numbered once per run, `ctx.basis`: no names hashed here).
    let units = ctx.ds.register.units.len();
    let before = started.map(|w| ctx.basis.visited_by(units, w.start - Duration::days(1)));
    let by_end = next.map(|_| ctx.basis.visited_by(units, end));
    for u in ctx.villages() {
        let Some(households) = ctx.ds.register.get(u).households.filter(|&h| h > 0) else {
            continue;
        };
        if let (Some(w), Some(before)) = (started, &before) {
            let n = before[u as usize] as usize;
            if (n as u32) < households {
                out.push(ctx.about(
                    Diagnostic::error(
                        "R4_coverage_short",
                        format!(
                            "{}民调（{}开始）前走访未全覆盖：已走访 {n}/{households} 户（{}），差 {} 户",
                            w.name,
                            w.start,
                            pct(n as f64 / households as f64),
                            households - n as u32
                        ),
                    )
                    .hint("不在家的要电话访问到位，确保“户户到”"),
                    u,
                ));
            }
        }
        if let (Some(w), Some(by_end)) = (next, &by_end) {
            let n = by_end[u as usize] as usize;
            if (n as u32) < households {
                let days = (w.start - end).num_days();
                out.push(ctx.about(
                    Diagnostic::info(
                        "R4_coverage_progress",
                        format!(
                            "走访进度 {n}/{households} 户（{}），距{}民调开始还有 {days} 天",
                            pct(n as f64 / households as f64),
                            w.name
                        ),
                    ),
                    u,
                ));
            }
        }
    }
}

/// R5 将民意调查的问卷送到群众家中 … 送上一封公开信
pub fn r5_questionnaire_letter(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let with_phone = ctx.plan.visits.delivery_includes_phone;
    for f in &ctx.figures.units {
        let v = &f.visits;
        // The base: households visited in person (a questionnaire and the letter are handed over at
        // the door), or every visited household where the plan says so.
        let (base, q, l, what) = if with_phone {
            (v.households_visited, v.questionnaires, v.letters, "已走访")
        } else {
            // Without the in-person split (no 走访方式 column) the base is 无法统计: no finding.
            let (Some(base), Some(q), Some(l)) = (
                v.in_person.known(),
                v.questionnaires_in_person.known(),
                v.letters_in_person.known(),
            ) else {
                continue;
            };
            (base, q, l, "入户走访")
        };
        if base == 0 {
            continue;
        }
        let no_q = base - q.min(base);
        let no_l = base - l.min(base);
        if no_q == 0 && no_l == 0 {
            continue;
        }
        let mut parts = Vec::new();
        if no_q > 0 {
            parts.push(format!("{no_q} 户未记录发放问卷"));
        }
        if no_l > 0 {
            parts.push(format!("{no_l} 户未记录送达公开信"));
        }
        let phone_note = if let (false, Some(phone @ 1..)) = (with_phone, v.phone.known()) {
            format!("（另有 {phone} 户为电话走访，不计入）")
        } else {
            String::new()
        };
        out.push(
            ctx.about(
                Diagnostic::warning(
                    "R5_questionnaire_letter",
                    format!("{what} {base} 户中，{}{phone_note}", parts.join("，")),
                )
                .hint("走访时要把问卷送到群众家中、送上一封公开信，并在走访台账中记录"),
                f.unit,
            ),
        );
    }
}
