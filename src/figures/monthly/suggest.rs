//! The month's suggestions for the leading group (SPEC §5 R12; thresholds from the plan's
//! [suggestions]), each with its evidence — which weeks, which figures. They are suggestions (建议):
//! the leading group decides.
//!
//! - 通报约谈: `interview_red_weeks_in_row` 红 weeks in a row, at least one of them in this month (a run
//!   may begin in the previous month's last weeks) — the rule the weekly notice uses too, in
//!   `crate::figures::suggest::interview`.
//! - 重点管理: `key_management_red_weeks_in_month` or more 红 weeks in the month, or a 安全感率 below
//!   `security_floor` on a sufficient sample (base ≥ `survey_min_base`) as of the month's end.
//! - 一票否决（候选）: `veto_red_weeks_in_month` or more 红 weeks in the month, or a 安全感率 below
//!   `veto_security_floor` on a sufficient sample.
//!
//! Only 村/社区 are suggested (the plan's 约谈 is for 工作推动不力的村). One suggestion per unit and
//! action; where two reasons hold they are joined.

use super::{Monthly, WeekScore};
use crate::figures::score::Grade;
use crate::figures::suggest::{
    interview, week_evidence, weeks_list, Suggestion, KEY_MANAGEMENT, VETO,
};
use crate::rules::pct;

pub fn suggestions(m: &Monthly) -> Vec<Suggestion> {
    let s = &m.plan.suggestions;
    let min_base = m.plan.minimums.survey_min_base;
    let end = m.period.end.format("%-m月%-d日");
    let mut out = Vec::new();
    for um in &m.units {
        let u = um.unit as usize;
        if !m.ds.register.units[u].kind.is_village_level() || um.weeks.is_empty() {
            continue;
        }
        // The previous month's last weeks that a run may begin in.
        let need = s.interview_red_weeks_in_row as usize;
        let lead: Vec<WeekScore> = m
            .prev_week_assess
            .iter()
            .rev()
            .take(need.saturating_sub(1))
            .rev()
            .map(|a| a.week_score(u))
            .collect();
        let seq: Vec<&WeekScore> = lead.iter().chain(&um.weeks).collect();
        out.extend(interview(um.unit, &seq, need, |w| m.weeks.contains(&w)));

        let reds: Vec<&WeekScore> = um.weeks.iter().filter(|w| w.grade == Grade::Red).collect();
        let security = m.now.survey[u]
            .rates
            .get("security")
            .filter(|r| r.base >= min_base && r.value.is_some());
        for (action, red_need, floor) in [
            (
                KEY_MANAGEMENT,
                s.key_management_red_weeks_in_month,
                s.security_floor,
            ),
            (VETO, s.veto_red_weeks_in_month, s.veto_security_floor),
        ] {
            let mut reasons = Vec::new();
            let mut evidence = Vec::new();
            let mut weeks = Vec::new();
            let mut sec = None;
            if red_need > 0 && reds.len() >= red_need as usize {
                reasons.push(format!(
                    "本月{}周中{}周红色等级（{}），达到{}周的标准",
                    um.weeks.len(),
                    reds.len(),
                    weeks_list(&reds),
                    red_need
                ));
                evidence.extend(reds.iter().map(|w| week_evidence(w)));
                weeks = reds.iter().map(|w| w.issue).collect();
            }
            if let Some(r) = security.filter(|r| r.value.is_some_and(|v| v < floor)) {
                let v = r.value.unwrap();
                reasons.push(format!("安全感率{}，低于{}", pct(v), pct(floor)));
                evidence.push(format!(
                    "截至{end}问卷安全感题有效回答{}份，其中“安全”“基本安全”{}份，安全感率{}（样本≥{min_base}份）",
                    r.base,
                    r.positive,
                    pct(v)
                ));
                sec = Some(r.clone());
            }
            if !reasons.is_empty() {
                out.push(Suggestion {
                    unit: um.unit,
                    action,
                    reason: reasons.join("；"),
                    evidence: evidence.join("；"),
                    weeks,
                    security: sec,
                });
            }
        }
    }
    out
}
