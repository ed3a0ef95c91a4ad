//! Suggestions for the leading group (建议), the type both the weekly notice and the monthly workbook
//! carry, and the one 通报约谈 rule they share: `interview_red_weeks_in_row` 红 weeks in a row. The
//! weekly notice asks it of the weeks ending with this one; the monthly workbook of the month's weeks
//! (a run may begin in the previous month's last weeks). Both call [`interview`], so the two can never
//! disagree on what a run is or how it is worded. The monthly-only actions (重点管理, 一票否决) are in
//! `monthly::suggest`.

use crate::figures::assess::WeekScore;
use crate::figures::counts::ReportStatus;
use crate::figures::score::Grade;
use crate::figures::survey::RateValue;
use crate::resolve::units::UnitId;

pub const INTERVIEW: &str = "通报约谈";
pub const KEY_MANAGEMENT: &str = "重点管理";
pub const VETO: &str = "一票否决（候选）";

/// A suggestion for the leading group, with its evidence.
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

/// `第5期、第6期`
pub fn weeks_list(ws: &[&WeekScore]) -> String {
    ws.iter()
        .map(|w| format!("第{}期", w.issue))
        .collect::<Vec<_>>()
        .join("、")
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

/// 通报约谈 for `unit` when `seq` (its weeks, in order) holds a run of at least `need` 红 weeks in a
/// row that touches a week for which `counts` is true; every such run is named.
pub fn interview(
    unit: UnitId,
    seq: &[&WeekScore],
    need: usize,
    counts: impl Fn(u32) -> bool,
) -> Option<Suggestion> {
    let runs = red_runs(seq, need, counts);
    if runs.is_empty() {
        return None;
    }
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
    Some(Suggestion {
        unit,
        action: INTERVIEW,
        reason,
        evidence,
        weeks: runs
            .iter()
            .flat_map(|r| r.iter().map(|w| w.issue))
            .collect(),
        security: None,
    })
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

    #[test]
    fn weekly_interview_needs_the_run_to_end_this_week() {
        // The weekly notice asks about the last `need` weeks ending with this one (week 10).
        let this_week = |i: u32| i == 10;
        let ws = [w(8, true), w(9, true), w(10, true)];
        let seq: Vec<&WeekScore> = ws.iter().collect();
        let s = interview(3, &seq, 3, this_week).expect("three red weeks");
        assert_eq!(s.action, INTERVIEW);
        assert_eq!(s.reason, "连续3周红色等级（第8期、第9期、第10期）");
        assert_eq!(s.weeks, vec![8, 9, 10]);
        assert_eq!(
            s.evidence,
            "第8期 50.0分（红）；第9期 50.0分（红）；第10期 50.0分（红）"
        );
        // Not red this week: no run ends with it.
        let ws = [w(8, true), w(9, true), w(10, false)];
        let seq: Vec<&WeekScore> = ws.iter().collect();
        assert!(interview(3, &seq, 3, this_week).is_none());
        // A gap (a week that could not be assessed) breaks the run.
        let ws = [w(8, true), w(10, true)];
        let seq: Vec<&WeekScore> = ws.iter().collect();
        assert!(interview(3, &seq, 2, this_week).is_none());
        // `need` 0 turns the rule off.
        let ws = [w(10, true)];
        let seq: Vec<&WeekScore> = ws.iter().collect();
        assert!(interview(3, &seq, 0, this_week).is_none());
    }
}
