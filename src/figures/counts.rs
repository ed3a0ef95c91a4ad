//! Figures per unit and period, exactly as SPEC §5a defines them, computed as of the end of the period
//! from dated rows (rows dated later are left out), so last week's figures can always be recomputed
//! from today's ledgers.

mod figure;
mod town;
mod unknown;

pub use figure::{method_split, Figure, UNKNOWN_ZH};
pub use town::TownFigures;

use crate::figures::basis::Basis;
use crate::ledger::records::Records;
use crate::ledger::records::Src;
use crate::ledger::schema::SloganForm;
use crate::plan::calendar::{Calendar, Period, PeriodKind};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::resolve::units::{UnitId, UnitKind};
use chrono::NaiveDateTime;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    OnTime,
    Late,
    Missing,
}

impl ReportStatus {
    pub fn zh(self) -> &'static str {
        match self {
            ReportStatus::OnTime => "按时",
            ReportStatus::Late => "迟报",
            ReportStatus::Missing => "未报",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct WeeklyStatus {
    pub status: ReportStatus,
    /// The first report's submission time.
    pub submitted_at: Option<NaiveDateTime>,
    /// Index into `records.weekly` of the first report.
    #[serde(skip)]
    pub report: Option<usize>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Visits {
    pub households_visited: u32,
    pub in_person: Figure,
    pub phone: Figure,
    /// households_visited / register 户数; None when the register gives no 户数.
    pub coverage: Option<f64>,
    pub questionnaires: u32,
    pub letters: u32,
    /// Of the households visited in person: those given a questionnaire, and the open letter (R5's
    /// base by default; phone-only households are counted apart in `phone`).
    pub questionnaires_in_person: Figure,
    pub letters_in_person: Figure,
    /// Households first visited inside the period.
    pub new_in_period: u32,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Disputes {
    pub screened_weeks: u32,
    pub new: u32,
    pub resolved: Figure,
    pub total: u32,
    pub resolved_total: Figure,
    /// Unknown with `resolved` and `resolved_total` (a status column not found), and then `open`
    /// and `overdue_list` say nothing.
    pub overdue: Figure,
    /// Not resolved, not transferred, as of the period end.
    #[serde(skip)]
    pub open: u32,
    /// Indices into `records.disputes` of the overdue ones.
    #[serde(skip)]
    pub overdue_list: Vec<usize>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Slogans {
    pub hanging: u32,
    pub required: u32,
    pub ok: bool,
    pub unapproved: u32,
    /// Approved hanging rows (a near match counts).
    #[serde(skip)]
    pub approved: u32,
    /// Indices into `records.slogans` of hanging unapproved rows.
    #[serde(skip)]
    pub unapproved_list: Vec<usize>,
    /// (slogan index, approved text) of near matches (typos).
    #[serde(skip)]
    pub near_list: Vec<(usize, String)>,
    /// Why a 镇直单位's screen slogans cannot be counted (some of its slogan rows come from a sheet
    /// without 形式): its shortfall is then not judged.
    #[serde(skip)]
    pub unknown: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitFigures {
    pub unit: UnitId,
    pub kind: UnitKind,
    /// Only for 村/社区 in a week.
    pub weekly_report: Option<WeeklyStatus>,
    pub visits: Visits,
    pub disputes: Disputes,
    pub slogans: Slogans,
}

/// All units' figures for one period.
#[derive(Debug, Clone)]
pub struct Figures {
    pub period: Period,
    pub units: Vec<UnitFigures>,
}

// (slogan matching is plan data; resolve checks it too)
pub use crate::plan::slogan::{match_slogan, SloganMatch};

impl Figures {
    /// `basis`: [`Basis::new`] of the same dataset and plan.
    pub fn compute(
        ds: &Dataset,
        plan: &Plan,
        cal: &Calendar,
        basis: &Basis,
        period: Period,
    ) -> Figures {
        let r = &ds.records;
        let n = ds.register.units.len();
        let mut units: Vec<UnitFigures> = ds
            .register
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| UnitFigures {
                unit: i as UnitId,
                kind: u.kind,
                weekly_report: None,
                visits: Visits::default(),
                disputes: Disputes::default(),
                slogans: Slogans {
                    required: if u.kind.is_village_level() {
                        plan.minimums.village_slogans
                    } else {
                        plan.minimums.town_unit_screen_slogans
                    },
                    ..Slogans::default()
                },
            })
            .collect();
        if period.kind == PeriodKind::Week {
            for (u, st) in weekly_statuses(r, cal, period.issue, n)
                .into_iter()
                .enumerate()
            {
                if units[u].kind.is_village_level() {
                    units[u].weekly_report = Some(st);
                }
            }
        }
        visits(ds, basis, period, &mut units);
        for u in &mut units {
            if let Some(h) = ds.register.get(u.unit).households.filter(|&h| h > 0) {
                u.visits.coverage = Some(u.visits.households_visited as f64 / h as f64);
            }
        }
        disputes(r, plan, cal, period, &mut units);
        slogans(ds, basis, period, &mut units);
        unknown::disputes_unread(ds, period, &mut units);
        Figures { period, units }
    }
}

/// Report status of every unit for campaign week `week`.
pub fn weekly_statuses(r: &Records, cal: &Calendar, week: u32, n: usize) -> Vec<WeeklyStatus> {
    let deadline = cal.deadline(week);
    let mut first: Vec<Option<usize>> = vec![None; n];
    for (i, w) in r.weekly.iter().enumerate() {
        let belongs = w
            .week
            .or_else(|| w.submitted.and_then(|t| cal.week_of(t.date())));
        if belongs != Some(week) {
            continue;
        }
        let slot = &mut first[w.unit as usize];
        let earlier = match slot {
            None => true,
            Some(j) => sort_time(r, i) < sort_time(r, *j),
        };
        if earlier {
            *slot = Some(i);
        }
    }
    first
        .into_iter()
        .map(|f| match f {
            None => WeeklyStatus {
                status: ReportStatus::Missing,
                submitted_at: None,
                report: None,
            },
            Some(i) => {
                let w = &r.weekly[i];
                let on_time = match w.submitted {
                    // A date without a time on or before the Friday is on time.
                    Some(t) if !w.has_time => t.date() <= deadline.date(),
                    Some(t) => t <= deadline,
                    None => false,
                };
                WeeklyStatus {
                    status: if on_time {
                        ReportStatus::OnTime
                    } else {
                        ReportStatus::Late
                    },
                    submitted_at: w.submitted,
                    report: Some(i),
                }
            }
        })
        .collect()
}

fn sort_time(r: &Records, i: usize) -> (Option<NaiveDateTime>, usize) {
    // Unknown times sort last.
    (r.weekly[i].submitted.or(Some(NaiveDateTime::MAX)), i)
}

const IN_PERSON: u8 = 1;
const QUESTIONNAIRE: u8 = 2;
const LETTER: u8 = 4;
/// Some visit of the household says how it was made (入户 or 电话).
const METHOD_KNOWN: u8 = 8;

/// Households visited as of the period end (a household is counted once, from all its dated rows up
/// to the end; `basis` numbers the households once per run).
fn visits(ds: &Dataset, basis: &Basis, period: Period, units: &mut [UnitFigures]) {
    let r = &ds.records;
    let mut flags = vec![0u8; basis.households()];
    // A visit from a sheet that lacks a column (走访方式): when no other visit says how the household
    // was visited, its way of visit is unknown. (Only looked for when some sheet lacks one.)
    let unread = ds.sheets.iter().any(|s| !s.unread.is_empty());
    let mut unsure: Vec<Option<Src>> = if unread {
        vec![None; basis.households()]
    } else {
        Vec::new()
    };
    for (v, &h) in r.visits.iter().zip(&basis.household) {
        if v.date.is_none_or(|d| d > period.end) {
            continue;
        }
        let bit = |on: bool, b: u8| if on { b } else { 0 };
        flags[h as usize] |= bit(v.in_person == Some(true), IN_PERSON)
            | bit(v.questionnaire == Some(true), QUESTIONNAIRE)
            | bit(v.letter == Some(true), LETTER)
            | bit(v.in_person.is_some(), METHOD_KNOWN);
        if unread && unsure[h as usize].is_none() && !ds.unread(v.src).is_empty() {
            unsure[h as usize] = Some(v.src);
        }
    }
    for (h, first) in basis.first_visit.iter().enumerate() {
        let Some(first) = first.filter(|d| *d <= period.end) else {
            continue;
        };
        let (fl, unit) = (flags[h], basis.household_unit[h]);
        let f = &mut units[unit as usize].visits;
        let in_person = fl & IN_PERSON != 0;
        let (q, l) = (fl & QUESTIONNAIRE != 0, fl & LETTER != 0);
        f.households_visited += 1;
        if in_person {
            f.in_person.bump(1);
        } else {
            f.phone.bump(1);
        }
        f.questionnaires += u32::from(q);
        f.letters += u32::from(l);
        f.questionnaires_in_person.bump(u32::from(in_person && q));
        f.letters_in_person.bump(u32::from(in_person && l));
        if period.contains(first) {
            f.new_in_period += 1;
        }
        if let (false, 0, Some(Some(src))) = (in_person, fl & METHOD_KNOWN, unsure.get(h)) {
            unknown::visit_unread(ds, *src, f);
        }
    }
}

fn disputes(r: &Records, plan: &Plan, cal: &Calendar, period: Period, units: &mut [UnitFigures]) {
    let st = &plan.disputes.statuses;
    let resolved = st
        .iter()
        .position(|s| *s == plan.disputes.resolved)
        .map(|i| i as u8);
    let transferred = st
        .iter()
        .position(|s| *s == plan.disputes.transferred)
        .map(|i| i as u8);
    let mut screened: HashMap<(u32, u32), ()> = HashMap::new();
    for (i, d) in r.disputes.iter().enumerate() {
        let Some(date) = d.date.filter(|x| *x <= period.end) else {
            continue;
        };
        if let Some(w) = cal.week_of(date) {
            // Weeks inside the period: the week itself, or for a month those whose report day falls in it.
            let inside = match period.kind {
                PeriodKind::Week => w == period.issue,
                PeriodKind::Month => period.contains(cal.report_day(w)),
            };
            if inside {
                screened.insert((d.unit, w), ());
            }
        }
        if d.zero {
            continue;
        }
        let f = &mut units[d.unit as usize].disputes;
        f.total += 1;
        if period.contains(date) {
            f.new += 1;
        }
        // Resolved only with a valid 化解日期 on or after the 排查日期.
        let resolved_on = d
            .resolved_on
            .filter(|r| d.status == resolved && *r >= date && *r <= period.end);
        if let Some(ro) = resolved_on {
            f.resolved_total.bump(1);
            if period.contains(ro) {
                f.resolved.bump(1);
            }
            continue;
        }
        if d.status.is_some() && d.status == transferred {
            continue;
        }
        f.open += 1;
        if (period.end - date).num_days() > plan.minimums.dispute_overdue_days {
            f.overdue.bump(1);
            f.overdue_list.push(i);
        }
    }
    for (unit, _) in screened.keys() {
        units[*unit as usize].disputes.screened_weeks += 1;
    }
}

fn slogans(ds: &Dataset, basis: &Basis, period: Period, units: &mut [UnitFigures]) {
    let r = &ds.records;
    let screen = Some(SloganForm::Screen);
    for (i, s) in r.slogans.iter().enumerate() {
        let u = &mut units[s.unit as usize];
        if !u.kind.is_village_level() && s.form != screen {
            if s.form.is_none() && u.slogans.unknown.is_none() {
                u.slogans.unknown = ds.unread(s.src).first().map(|x| x.reason.clone());
            }
            continue;
        }
        if !s.hanging || s.date.is_none_or(|d| d > period.end) {
            continue;
        }
        let f = &mut u.slogans;
        f.hanging += 1;
        match &basis.slogan[i] {
            SloganMatch::Exact => f.approved += 1,
            SloganMatch::Near(a) => {
                f.approved += 1;
                f.near_list.push((i, a.clone()));
            }
            SloganMatch::No => {
                f.unapproved += 1;
                f.unapproved_list.push(i);
            }
        }
    }
    for u in units {
        u.slogans.ok = u.slogans.approved >= u.slogans.required;
    }
}
