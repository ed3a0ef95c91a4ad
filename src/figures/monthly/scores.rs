//! The month's scores: each unit's weekly scores, their mean, the month's grade and rank and the change
//! against last month, and the town's weekly trend — the numbers 月度考评 and the bulletin's
//! 二、考评结果 show. (How the mean, grade and rank are decided is in the module doc of `monthly`.)

use crate::figures::assess::{Assessment, WeekScore};
use crate::figures::counts::ReportStatus;
use crate::figures::score::{self, Grade, UnitScore};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::resolve::units::UnitId;

/// A unit's month.
#[derive(Debug, Clone)]
pub struct UnitMonth {
    pub unit: UnitId,
    /// This month's weeks, in order.
    pub weeks: Vec<WeekScore>,
    /// Mean of the weekly scores, one decimal; None when the month has no weeks.
    pub average: Option<f64>,
    pub grade: Option<Grade>,
    pub rank: Option<u32>,
    pub prev_average: Option<f64>,
    pub prev_rank: Option<u32>,
    /// Last month's rank − this month's (positive = moved up).
    pub rank_change: Option<i32>,
}

impl UnitMonth {
    pub fn red_weeks(&self) -> Vec<u32> {
        self.weeks
            .iter()
            .filter(|w| w.grade == Grade::Red)
            .map(|w| w.issue)
            .collect()
    }
    pub fn weeks_with(&self, st: ReportStatus) -> Vec<u32> {
        self.weeks
            .iter()
            .filter(|w| w.report == Some(st))
            .map(|w| w.issue)
            .collect()
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| round1(v.iter().sum::<f64>() / v.len() as f64))
}

/// The month's grade: the plan's thresholds on the mean; 红 with a weekly report missing.
pub fn month_grade(plan: &Plan, average: f64, missing_report: bool) -> Grade {
    if missing_report || average < plan.score.yellow {
        Grade::Red
    } else if average < plan.score.green {
        Grade::Yellow
    } else {
        Grade::Green
    }
}

/// Per unit: weekly scores, mean, grade and rank over the assessed weeks.
fn month_scores(
    plan: &Plan,
    ds: &Dataset,
    weeks: &[Assessment],
) -> (Vec<Vec<WeekScore>>, Vec<UnitScore>) {
    let n = ds.register.units.len();
    let village: Vec<bool> = ds
        .register
        .units
        .iter()
        .map(|u| u.kind.is_village_level())
        .collect();
    let per_unit: Vec<Vec<WeekScore>> = (0..n)
        .map(|i| weeks.iter().map(|a| a.week_score(i)).collect())
        .collect();
    let mut scores: Vec<UnitScore> = per_unit
        .iter()
        .map(|ws| {
            let avg = mean(&ws.iter().map(|w| w.score).collect::<Vec<_>>()).unwrap_or(0.0);
            let missing = ws.iter().any(|w| w.report == Some(ReportStatus::Missing));
            UnitScore {
                parts: Vec::new(),
                score: avg,
                grade: month_grade(plan, avg, missing),
                rank: None,
            }
        })
        .collect();
    if !weeks.is_empty() {
        score::rank(&mut scores, &village);
    }
    (per_unit, scores)
}

/// Every unit's month: this month's weeks scored, and last month's mean and rank for the change.
pub(super) fn unit_months(
    plan: &Plan,
    ds: &Dataset,
    week_assess: &[Assessment],
    prev_week_assess: &[Assessment],
) -> Vec<UnitMonth> {
    let (per_unit, scores) = month_scores(plan, ds, week_assess);
    let (_, prev_scores) = month_scores(plan, ds, prev_week_assess);
    let has_weeks = !week_assess.is_empty();
    let has_prev = !prev_week_assess.is_empty();
    per_unit
        .into_iter()
        .enumerate()
        .map(|(i, ws)| {
            let rank = scores[i].rank;
            let prev_rank = prev_scores[i].rank.filter(|_| has_prev);
            UnitMonth {
                unit: i as UnitId,
                weeks: ws,
                average: has_weeks.then_some(scores[i].score),
                grade: has_weeks.then_some(scores[i].grade),
                rank,
                prev_average: has_prev.then_some(prev_scores[i].score),
                prev_rank,
                rank_change: match (prev_rank, rank) {
                    (Some(p), Some(r)) => Some(p as i32 - r as i32),
                    _ => None,
                },
            }
        })
        .collect()
}

/// The town's weekly trend: the mean score of the 村/社区 each week, last month's weeks then this
/// month's.
pub(super) fn town_trend(prev: &[Assessment], now: &[Assessment]) -> Vec<(u32, Option<f64>)> {
    prev.iter()
        .chain(now)
        .map(|a| {
            let v: Vec<f64> = a
                .figures
                .units
                .iter()
                .zip(&a.scores)
                .filter(|(f, _)| f.kind.is_village_level())
                .map(|(_, s)| s.score)
                .collect();
            (a.period.issue, mean(&v))
        })
        .collect()
}
