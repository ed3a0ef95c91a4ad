//! The plan's rules (SPEC §5), one small function per rule, each producing findings with evidence.
//! A rule checks only what the data can show, on the dates that apply: before its date it reports
//! progress (提示), not failure.

use crate::ledger::schema::Col;
mod disputes;
mod mobilisation;
mod nothing;
mod r10_summary;
pub mod r11_rectification;
mod r8_topic_meeting;
pub mod r9_officers;
mod reporting;
mod slogans;
mod visits;

use crate::diag::Diagnostic;
use crate::figures::counts::Figures;
use crate::ledger::records::Src;
use crate::ledger::schema::Specs;
use crate::plan::calendar::{Calendar, Period};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::resolve::units::{UnitId, UnitKind};

pub struct RuleCtx<'a> {
    pub ds: &'a Dataset,
    pub plan: &'a Plan,
    pub cal: &'a Calendar,
    pub specs: &'a Specs,
    pub period: Period,
    pub figures: &'a Figures,
    /// The households of the visits and the slogans' matches, numbered once per run.
    pub basis: &'a crate::figures::basis::Basis,
    /// The report is written for the leaders: names are masked.
    pub mask: bool,
}

impl RuleCtx<'_> {
    pub fn unit(&self, id: UnitId) -> &str {
        self.ds.unit_name(id)
    }

    /// Whether some of `unit`'s activities up to the period end come from a sheet without 活动类型:
    /// a meeting or summary the rules look for may be among them, so its absence is not judged.
    pub fn activity_types_unknown(&self, unit: UnitId) -> bool {
        self.ds.records.activities.iter().any(|a| {
            a.unit == unit
                && a.atype.is_none()
                && a.date.is_some_and(|d| d <= self.period.end)
                && !self.ds.unread(a.src).is_empty()
        })
    }
    /// 村 and 社区, in register order.
    pub fn villages(&self) -> impl Iterator<Item = UnitId> + '_ {
        self.ds
            .register
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.kind.is_village_level())
            .map(|(i, _)| i as UnitId)
    }
    pub fn town_units(&self) -> impl Iterator<Item = UnitId> + '_ {
        self.ds
            .register
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.kind == UnitKind::TownUnit)
            .map(|(i, _)| i as UnitId)
    }
    /// A finding about a whole unit.
    pub fn about(&self, d: Diagnostic, unit: UnitId) -> Diagnostic {
        d.unit(self.unit(unit))
    }
    /// A finding at a record's cell.
    pub fn at<C: Col>(&self, d: Diagnostic, unit: UnitId, src: Src, col: C) -> Diagnostic {
        self.ds
            .at(d.unit(self.unit(unit)), src, self.specs.col(col))
    }
    pub fn name(&self, s: &str) -> String {
        crate::text::shown_name(self.mask, s)
    }
}

/// Rules that apply every week: R1–R7.
pub fn weekly(ctx: &RuleCtx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    nothing::nothing_sent(ctx, &mut out);
    mobilisation::r1_liaison(ctx, &mut out);
    mobilisation::r2_meeting(ctx, &mut out);
    reporting::r3_weekly_report(ctx, &mut out);
    visits::r4_coverage(ctx, &mut out);
    visits::r5_questionnaire_letter(ctx, &mut out);
    disputes::r6_screening(ctx, &mut out);
    slogans::r7_slogans(ctx, &mut out);
    for d in &mut out {
        d.weeks = vec![ctx.period.issue];
    }
    out
}

/// R6's overdue disputes as of the period's end: the monthly workbook states them as of the month's
/// last day, so that they agree with the month's overdue count.
pub fn overdue_at_end(ctx: &RuleCtx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    disputes::r6_overdue(ctx, &mut out);
    out
}

/// Rules checked once a month, as of the month's end: R8–R11.
pub fn monthly(ctx: &RuleCtx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    r8_topic_meeting::r8_topic_meeting(ctx, &mut out);
    r9_officers::r9_officers(ctx, &mut out);
    r10_summary::r10_summary(ctx, &mut out);
    r11_rectification::r11_rectification(ctx, &mut out);
    out
}

/// Formats a fraction as a percentage with one decimal: 0.456 → "45.6%".
pub fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}
