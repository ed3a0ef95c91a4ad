//! The monthly supervision (一月一督导 / 一月一调度): the month's figures as of its last day and the
//! previous month's for the change columns, each week of the month assessed, the month's average,
//! grade and rank, the supervision log, rules R8–R11 plus the weekly rules summed over the month, the
//! suggestions for the leading group with their evidence, and the open items to dispatch. Renderers
//! (the workbook, the JSON) only read this.
//!
//! Decisions (documented here and in the README):
//! - A week belongs to the month holding its Friday (report day); figures are as of the month's last
//!   day, the previous month's as of its last day.
//! - The month's score is the mean of the unit's weekly scores (as shown, one decimal) over the month's
//!   weeks, rounded to one decimal. Its grade follows the plan's thresholds on that mean, except that a
//!   村/社区 with a weekly report still missing (未报) for any week of the month is 红 — SPEC §5 makes a
//!   week without a report 红 whatever its score, and the month keeps that rule.
//! - Ranks are by the month's mean within each group (村/社区 together, 镇直单位 apart; equal means
//!   share a rank); the change is last month's rank minus this month's (positive = moved up).

mod dispatch;
mod scores;
mod suggest;
mod supervision;
mod tally;

pub use crate::figures::assess::WeekScore;
pub use crate::figures::suggest::Suggestion;
pub use crate::ledger::schema::SUPERVISION_METHODS;
pub use crate::rules::r11_rectification::Rectify;
pub use dispatch::DispatchItem;
pub use scores::{month_grade, UnitMonth};
pub use supervision::{CheckRow, SupervisionFigures};
pub use tally::RuleTally;

use crate::diag::Diagnostic;
use crate::figures::assess::{assess, assess_week, Assessment};
use crate::figures::basis::Basis;
use crate::figures::scope::Scope;
use crate::ledger::schema::Specs;
use crate::plan::calendar::{Calendar, Period};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::resolve::units::UnitId;
use crate::rules::r9_officers::{grid_coverage, GridCoverage};
use crate::rules::{self, RuleCtx};
use chrono::{Datelike, NaiveDate};

pub struct Monthly<'a> {
    pub plan: &'a Plan,
    pub ds: &'a Dataset,
    /// Which ledger problems this period speaks of.
    pub scope: Scope<'a>,
    pub cal: Calendar,
    pub period: Period,
    pub prev_period: Option<Period>,
    /// Campaign weeks of the month (by their Friday), and of the previous month.
    pub weeks: Vec<u32>,
    pub prev_weeks: Vec<u32>,
    /// The month as of its last day (figures, survey).
    pub now: Assessment,
    /// The previous month as of its last day, when it has campaign weeks.
    pub prev: Option<Assessment>,
    /// Each week of the month assessed, in order; and the previous month's.
    pub week_assess: Vec<Assessment>,
    pub prev_week_assess: Vec<Assessment>,
    pub units: Vec<UnitMonth>,
    pub supervision: SupervisionFigures,
    pub grids: Vec<GridCoverage>,
    /// R8–R11 as of the month's end.
    pub findings: Vec<Diagnostic>,
    /// The weekly rules of every week of the month (exact repeats removed).
    pub weekly_findings: Vec<Diagnostic>,
    /// The weekly rules summed over the month by unit and code (errors and warnings).
    pub weekly_tallies: Vec<RuleTally>,
    pub suggestions: Vec<Suggestion>,
    pub dispatch: Vec<DispatchItem>,
    /// Per unit (register order): the ledgers' errors and warnings.
    pub quality: Vec<(usize, usize)>,
    /// The 村/社区 mean score of each week of the previous month and this month.
    pub town_trend: Vec<(u32, Option<f64>)>,
    pub mask: bool,
    /// The document date: the month's last day.
    pub date: NaiveDate,
}

impl<'a> Monthly<'a> {
    pub fn build(
        ds: &'a Dataset,
        plan: &'a Plan,
        specs: &Specs,
        period: Period,
        mask: bool,
    ) -> Monthly<'a> {
        let cal = Calendar::new(plan);
        let scope = Scope::new(ds, &cal);
        let basis = Basis::new(ds, plan);
        let quality = crate::figures::assess::quality_counts(ds, &scope, period.end);
        let weeks = cal.weeks_of_month(&period);
        let prev_period = cal.previous_month(&period);
        let prev_weeks = prev_period
            .map(|p| cal.weeks_of_month(&p))
            .unwrap_or_default();
        let now = assess(ds, plan, &cal, period, &scope, &basis);
        let prev = prev_period
            .filter(|_| !prev_weeks.is_empty())
            .map(|p| assess(ds, plan, &cal, p, &scope, &basis));
        let week_assess: Vec<Assessment> = weeks
            .iter()
            .filter_map(|&w| assess_week(ds, plan, &cal, w, &scope, &basis))
            .collect();
        let prev_week_assess: Vec<Assessment> = prev_weeks
            .iter()
            .filter_map(|&w| assess_week(ds, plan, &cal, w, &scope, &basis))
            .collect();

        let units = scores::unit_months(plan, ds, &week_assess, &prev_week_assess);
        let has_prev = !prev_week_assess.is_empty();
        let town_trend = scores::town_trend(&prev_week_assess, &week_assess);

        // Rules: R8–R11 and the overdue disputes as of the month's end; the other weekly rules week
        // by week.
        let month_ctx = RuleCtx {
            ds,
            plan,
            cal: &cal,
            specs,
            period,
            figures: &now.figures,
            basis: &basis,
            mask,
        };
        let mut findings = rules::monthly(&month_ctx);
        findings.extend(rules::overdue_at_end(&month_ctx));
        let (weekly_findings, weekly_tallies) =
            tally::weekly_rules(ds, plan, &cal, specs, &basis, &week_assess, mask);

        let supervision = SupervisionFigures::compute(ds, plan, specs, &period);
        let grids = grid_coverage(ds, period.end);
        let mut m = Monthly {
            plan,
            ds,
            scope,
            cal,
            period,
            prev_period: prev_period.filter(|_| has_prev),
            weeks,
            prev_weeks,
            now,
            prev,
            week_assess,
            prev_week_assess,
            units,
            supervision,
            grids,
            findings,
            weekly_findings,
            weekly_tallies,
            suggestions: Vec::new(),
            dispatch: Vec::new(),
            quality,
            town_trend,
            mask,
            date: period.end,
        };
        m.suggestions = suggest::suggestions(&m);
        m.dispatch = dispatch::items(&m, specs);
        m
    }

    /// Every problem: the ledgers', the weekly rules' over the month and R8–R11, in a stable order.
    pub fn all_problems(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self
            .ds
            .diags
            .iter()
            .filter(|d| self.scope.in_scope(d, self.period.end))
            .chain(&self.weekly_findings)
            .chain(&self.findings)
            .collect();
        v.sort_by_cached_key(|d| d.order_key());
        v
    }

    pub fn unit_name(&self, u: UnitId) -> &str {
        self.ds.unit_name(u)
    }

    /// A villager's name for this copy (masked for leaders).
    pub fn name(&self, s: &str) -> String {
        crate::text::shown_name(self.mask, s.trim())
    }

    pub fn phone(&self, s: &str) -> String {
        crate::text::shown_phone(self.mask, s.trim())
    }

    /// `2021年5月`
    pub fn month_label(&self) -> String {
        month_label(&self.period)
    }

    /// `第5期至第8期` (or one week).
    pub fn weeks_label(&self) -> String {
        match (self.weeks.first(), self.weeks.last()) {
            (Some(a), Some(b)) if a == b => format!("第{a}期"),
            (Some(a), Some(b)) => format!("第{a}期至第{b}期"),
            _ => "无活动周".into(),
        }
    }

    /// The “file › sheet › cell” of a record's column.
    pub fn source(
        &self,
        src: crate::ledger::records::Src,
        col: impl crate::ledger::schema::Col,
        specs: &Specs,
    ) -> String {
        self.ds.source(src, specs.col(col))
    }
}

pub fn month_label(p: &Period) -> String {
    format!("{}年{}月", p.start.year(), p.start.month())
}

/// English JSON keys of the supervision methods (上门查看, 明察暗访, 电话抽查, then 方式不明).
pub fn supervision_method_keys() -> [&'static str; 4] {
    [
        supervision::METHOD_KEYS[0],
        supervision::METHOD_KEYS[1],
        supervision::METHOD_KEYS[2],
        "unknown",
    ]
}
