//! The weekly notice's content (一周一通报): this week's assessment, last week's for the change in rank,
//! the rule findings, and the 约谈 suggestions (the rule the monthly workbook uses too, from
//! `crate::figures::suggest`). Renderers (the workbook, the JSON) only read this.

use crate::diag::Diagnostic;
use crate::figures::assess::{assess_week, Assessment, WeekScore};
use crate::figures::basis::Basis;
use crate::figures::counts::Figures;
use crate::figures::lines::{unit_lines, UnitLines};
use crate::figures::scope::Scope;
use crate::figures::score::Grade;
use crate::ledger::schema::Specs;
use crate::plan::calendar::{Calendar, Period};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::resolve::units::UnitId;
use crate::rules::{self, RuleCtx};
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

pub use crate::figures::suggest::Suggestion;

pub struct Notice<'a> {
    pub plan: &'a Plan,
    pub ds: &'a Dataset,
    /// Which ledger problems this period speaks of.
    pub scope: Scope<'a>,
    pub cal: Calendar,
    pub now: Assessment,
    pub prev: Option<Assessment>,
    /// Per unit: previous rank − current rank (positive = moved up); None without a previous week.
    pub rank_change: Vec<Option<i32>>,
    pub findings: Vec<Diagnostic>,
    pub suggestions: Vec<Suggestion>,
    /// Per unit (register order): the reports, overdue disputes and slogans the notice lists.
    pub lines: Vec<UnitLines>,
    pub mask: bool,
    /// The document date: the Monday after the week.
    pub date: NaiveDate,
    /// The town's week-by-week trend, week 1 to this week (the 图表 sheet's line chart).
    pub trend: Vec<TrendWeek>,
}

/// The share of households every 村/社区 must have visited before a survey window (户户到).
pub const COVERAGE_TARGET: f64 = 1.0;

/// One campaign week of the town's trend, as of that week's end: 村/社区 only, as the notice's totals.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendWeek {
    pub issue: u32,
    /// Households visited ÷ registered households (None without households in the register).
    pub coverage: Option<f64>,
    /// Weekly reports on time ÷ reports owed (None when none was owed).
    pub on_time: Option<f64>,
}

impl TrendWeek {
    fn of(issue: u32, f: &Figures, ds: &Dataset) -> TrendWeek {
        let t = f.town(ds);
        let owed = t.reports_on_time + t.reports_late + t.reports_missing;
        TrendWeek {
            issue,
            coverage: t.visits.coverage,
            on_time: (owed > 0).then(|| t.reports_on_time as f64 / owed as f64),
        }
    }
}

/// Weeks 1 … `now`'s week: each earlier week's figures as of its end, computed again from today's
/// ledgers (no stored state), this week's from the assessment already made.
fn town_trend(
    ds: &Dataset,
    plan: &Plan,
    cal: &Calendar,
    basis: &Basis,
    now: &Assessment,
) -> Vec<TrendWeek> {
    let n = now.period.issue;
    (1..n)
        .filter_map(|w| {
            let p = cal.week(w)?;
            Some(TrendWeek::of(
                w,
                &Figures::compute(ds, plan, cal, basis, p),
                ds,
            ))
        })
        .chain(std::iter::once(TrendWeek::of(n, &now.figures, ds)))
        .collect()
}

impl<'a> Notice<'a> {
    pub fn build(
        ds: &'a Dataset,
        plan: &'a Plan,
        specs: &Specs,
        period: Period,
        mask: bool,
    ) -> Notice<'a> {
        let cal = Calendar::new(plan);
        let scope = Scope::new(ds, &cal);
        let basis = Basis::new(ds, plan);
        let n = period.issue;
        let now = assess_week(ds, plan, &cal, n, &scope, &basis).expect("week in campaign");
        let prev = if n > 1 {
            assess_week(ds, plan, &cal, n - 1, &scope, &basis)
        } else {
            None
        };
        let rank_change = now
            .scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let p = prev.as_ref()?.scores[i].rank?;
                Some(p as i32 - s.rank? as i32)
            })
            .collect();
        let findings = rules::weekly(&RuleCtx {
            ds,
            plan,
            cal: &cal,
            specs,
            period,
            figures: &now.figures,
            basis: &basis,
            mask,
        });
        let suggestions = interviews(
            &now,
            prev.as_ref(),
            |w| assess_week(ds, plan, &cal, w, &scope, &basis),
            plan.suggestions.interview_red_weeks_in_row as usize,
        );
        let lines = unit_lines(ds, plan, specs, &now.figures, mask);
        let trend = town_trend(ds, plan, &cal, &basis, &now);
        Notice {
            trend,
            plan,
            ds,
            scope,
            cal,
            date: period.end + Duration::days(1),
            now,
            prev,
            rank_change,
            findings,
            suggestions,
            lines,
            mask,
        }
    }

    pub fn period(&self) -> Period {
        self.now.period
    }

    /// The ledger problems this notice speaks of: those on rows dated up to its end (and those on no
    /// dated row), not the problems of a later week.
    pub fn ledger_problems(&self) -> impl Iterator<Item = &Diagnostic> {
        let end = self.period().end;
        self.ds
            .diags
            .iter()
            .filter(move |d| self.scope.in_scope(d, end))
    }

    /// Every problem: the ledgers' and the rules', in a stable order.
    pub fn all_problems(&self) -> Vec<&Diagnostic> {
        let end = self.period().end;
        let mut v: Vec<&Diagnostic> = self
            .ds
            .diags
            .iter()
            .filter(|d| self.scope.in_scope(d, end))
            .chain(&self.findings)
            .collect();
        v.sort_by_cached_key(|d| d.order_key());
        v
    }
}

/// 通报约谈 for each 村/社区 with `need` 红 weeks in a row ending with this week. Each unit's last
/// `need` weeks are asked of the shared rule (`crate::figures::suggest::interview`); a week before last week
/// is assessed only when some unit is red in every week after it, and at most once.
fn interviews(
    now: &Assessment,
    prev: Option<&Assessment>,
    assess: impl Fn(u32) -> Option<Assessment>,
    need: usize,
) -> Vec<Suggestion> {
    let n = now.period.issue;
    let mut older: HashMap<u32, Option<Assessment>> = HashMap::new();
    let mut out = Vec::new();
    for (i, f) in now.figures.units.iter().enumerate() {
        if !f.kind.is_village_level() || need == 0 {
            continue;
        }
        // This unit's weeks, newest first, back to the first that is not red (or `need` of them).
        let mut weeks: Vec<WeekScore> = Vec::new();
        let mut w = n;
        while w >= 1 && weeks.len() < need {
            let a = if w == n {
                Some(now)
            } else if w + 1 == n {
                prev
            } else {
                older.entry(w).or_insert_with(|| assess(w)).as_ref()
            };
            let Some(a) = a else { break };
            let week = a.week_score(i);
            let red = week.grade == Grade::Red;
            weeks.push(week);
            if !red {
                break;
            }
            w -= 1;
        }
        weeks.reverse();
        let seq: Vec<&WeekScore> = weeks.iter().collect();
        out.extend(crate::figures::suggest::interview(
            i as UnitId,
            &seq,
            need,
            |w| w == n,
        ));
    }
    out
}
