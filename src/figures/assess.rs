//! Assessing a campaign week: figures, survey rates, each unit's score, grade and rank. Any week can be
//! assessed from today's ledgers (figures are as of its end), which is how the weekly notice gets its
//! change against last week and the monthly workbook its weekly scores, with no stored state.

use crate::diag::Severity;
use crate::figures::basis::Basis;
use crate::figures::counts::{Figures, ReportStatus};
use crate::figures::scope::Scope;
use crate::figures::score::{self, Grade, ScoreInput, UnitScore};
use crate::figures::survey::{self, SurveyFigures};
use crate::plan::calendar::{Calendar, Period};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use chrono::NaiveDate;

pub struct Assessment {
    pub period: Period,
    pub figures: Figures,
    pub survey: Vec<SurveyFigures>,
    pub town_survey: SurveyFigures,
    pub scores: Vec<UnitScore>,
}

/// One week's score of a unit.
#[derive(Debug, Clone)]
pub struct WeekScore {
    pub issue: u32,
    pub score: f64,
    pub grade: Grade,
    /// The weekly report's status (村/社区 only).
    pub report: Option<ReportStatus>,
}

impl Assessment {
    /// Unit `u`'s score in this (weekly) assessment.
    pub fn week_score(&self, u: usize) -> WeekScore {
        WeekScore {
            issue: self.period.issue,
            score: self.scores[u].score,
            grade: self.scores[u].grade,
            report: self.figures.units[u]
                .weekly_report
                .as_ref()
                .map(|r| r.status),
        }
    }
}

/// Ledger problems per unit (errors, warnings), for the 台账质量 part.
/// Per unit: (errors, warnings) among the ledger problems a notice ending on `end` speaks of.
pub fn quality_counts(ds: &Dataset, scope: &Scope, end: NaiveDate) -> Vec<(usize, usize)> {
    let mut q = vec![(0, 0); ds.register.units.len()];
    for d in ds.diags.iter().filter(|d| scope.in_scope(d, end)) {
        if let Some(i) = ds.register.id_of(&d.unit) {
            match d.severity {
                Severity::Error => q[i as usize].0 += 1,
                Severity::Warning => q[i as usize].1 += 1,
                Severity::Info => {}
            }
        }
    }
    q
}

pub fn assess(
    ds: &Dataset,
    plan: &Plan,
    cal: &Calendar,
    period: Period,
    scope: &Scope,
    basis: &Basis,
) -> Assessment {
    let quality = quality_counts(ds, scope, period.end);
    let figures = Figures::compute(ds, plan, cal, basis, period);
    let (survey, town_survey) = survey::compute(ds, plan, &period);
    let mut scores: Vec<UnitScore> = figures
        .units
        .iter()
        .map(|f| {
            let u = f.unit as usize;
            score::score(
                plan,
                f,
                &ScoreInput {
                    survey: survey::score_fraction(plan, &survey[u]),
                    errors: quality[u].0,
                    warnings: quality[u].1,
                },
            )
        })
        .collect();
    let village: Vec<bool> = figures
        .units
        .iter()
        .map(|f| f.kind.is_village_level())
        .collect();
    score::rank(&mut scores, &village);
    Assessment {
        period,
        figures,
        survey,
        town_survey,
        scores,
    }
}

/// Week `n` assessed.
pub fn assess_week(
    ds: &Dataset,
    plan: &Plan,
    cal: &Calendar,
    n: u32,
    scope: &Scope,
    basis: &Basis,
) -> Option<Assessment> {
    cal.week(n).map(|p| assess(ds, plan, cal, p, scope, basis))
}
