//! Suggestions for the leading group (SPEC §5 R12; thresholds from the plan's [suggestions]), each with
//! its evidence — which weeks, which figures. They are suggestions (建议): the leading group decides.
//!
//! - 通报约谈: `interview_red_weeks_in_row` 红 weeks in a row, at least one of them in this month (a run
//!   may begin in the previous month's last weeks).
//! - 重点管理: `key_management_red_weeks_in_month` or more 红 weeks in the month, or a 安全感率 below
//!   `security_floor` on a sufficient sample (base ≥ `survey_min_base`) as of the month's end.
//! - 一票否决（候选）: `veto_red_weeks_in_month` or more 红 weeks in the month, or a 安全感率 below
//!   `veto_security_floor` on a sufficient sample.
//!
//! Only 村/社区 are suggested (the plan's 约谈 is for 工作推动不力的村). One suggestion per unit and
//! action; where two reasons hold they are joined.

use super::{Monthly, WeekScore};
use crate::figures::ReportStatus;
use crate::rules::pct;
use crate::score::Grade;
use crate::survey::RateValue;
use crate::units::UnitId;

pub const INTERVIEW: &str = "通报约谈";
pub const KEY_MANAGEMENT: &str = "重点管理";
pub const VETO: &str = "一票否决（候选）";

#[derive(Debug, Clone)]
pub struct Suggestion {
    pub unit: UnitId,
    /// 通报约谈 / 重点管理 / 一票否决（候选）
    pub action: &'static str,
    /// Why, in one sentence.
    pub reason: String,
    /// The figures it rests on: each week with its score and grade, or the rate with its base.
    pub evidence: String,
    /// The weeks it rests on.
    pub weeks: Vec<u32>,
    /// The 安全感率 it rests on.
    pub security: Option<RateValue>,
}

/// `第5期 52.3分（红，未报周报）`
pub fn week_evidence(w: &WeekScore) -> String {
    let why = match w.report {
        Some(ReportStatus::Missing) => "，未报周报",
        Some(ReportStatus::Late) => "，周报迟报",
        _ => "",
    };
    format!("第{}期 {:.1}分（{}{why}）", w.issue, w.score, w.grade.zh())
}

/// Runs of at least `need` consecutive 红 weeks in `seq` (weeks in order) that hold a week for which
/// `counts` is true.
pub fn red_runs<'w>(
    seq: &[&'w WeekScore],
    need: usize,
    counts: impl Fn(u32) -> bool,
) -> Vec<Vec<&'w WeekScore>> {
    let mut runs = Vec::new();
    let mut cur: Vec<&WeekScore> = Vec::new();
    let mut flush = |cur: &mut Vec<&'w WeekScore>| {
        if need > 0 && cur.len() >= need && cur.iter().any(|w| counts(w.issue)) {
            runs.push(std::mem::take(cur));
        }
        cur.clear();
    };
    for w in seq {
        let follows = cur.last().is_none_or(|p| p.issue + 1 == w.issue);
        if w.grade == Grade::Red && follows {
            cur.push(w);
        } else {
            flush(&mut cur);
            if w.grade == Grade::Red {
                cur.push(w);
            }
        }
    }
    flush(&mut cur);
    runs
}

fn weeks_list(ws: &[&WeekScore]) -> String {
    ws.iter()
        .map(|w| format!("第{}期", w.issue))
        .collect::<Vec<_>>()
        .join("、")
}

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
            .map(|a| WeekScore {
                issue: a.period.issue,
                score: a.scores[u].score,
                grade: a.scores[u].grade,
                report: a.figures.units[u].weekly_report.as_ref().map(|r| r.status),
            })
            .collect();
        let seq: Vec<&WeekScore> = lead.iter().chain(&um.weeks).collect();
        let runs = red_runs(&seq, need, |w| m.weeks.contains(&w));
        if !runs.is_empty() {
            let reason = runs
                .iter()
                .map(|r| format!("连续{}周红色等级（{}）", r.len(), weeks_list(r)))
                .collect::<Vec<_>>()
                .join("；");
            let evidence = runs
                .iter()
                .flat_map(|r| r.iter().map(|w| week_evidence(w)))
                .collect::<Vec<_>>()
                .join("；");
            out.push(Suggestion {
                unit: um.unit,
                action: INTERVIEW,
                reason,
                evidence,
                weeks: runs
                    .iter()
                    .flat_map(|r| r.iter().map(|w| w.issue))
                    .collect(),
                security: None,
            });
        }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn w(issue: u32, red: bool) -> WeekScore {
        WeekScore {
            issue,
            score: if red { 50.0 } else { 90.0 },
            grade: if red { Grade::Red } else { Grade::Green },
            report: None,
        }
    }

    #[test]
    fn runs_may_begin_last_month_but_must_touch_this_month() {
        let ws = [w(4, true), w(5, true), w(6, false), w(7, true), w(8, true)];
        let seq: Vec<&WeekScore> = ws.iter().collect();
        let month = |i: u32| (5..=8).contains(&i);
        let runs = red_runs(&seq, 2, month);
        let issues: Vec<Vec<u32>> = runs
            .iter()
            .map(|r| r.iter().map(|w| w.issue).collect())
            .collect();
        assert_eq!(issues, vec![vec![4, 5], vec![7, 8]]);
        // A run wholly in last month does not count.
        let ws = [w(3, true), w(4, true), w(5, false)];
        let seq: Vec<&WeekScore> = ws.iter().collect();
        assert!(red_runs(&seq, 2, month).is_empty());
        // One red week is no run.
        let ws = [w(5, true), w(6, false), w(7, true)];
        let seq: Vec<&WeekScore> = ws.iter().collect();
        assert!(red_runs(&seq, 2, month).is_empty());
    }
}
