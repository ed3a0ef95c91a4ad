//! Figures per unit and period, exactly as SPEC §5a defines them, computed as of the end of the period
//! from dated rows (rows dated later are left out), so last week's figures can always be recomputed
//! from today's ledgers.

use crate::ledger::records::Records;
use crate::plan::calendar::{Calendar, Period, PeriodKind};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::resolve::units::{UnitId, UnitKind};
use crate::text::{person_key_cow, slogan_key};
use chrono::NaiveDateTime;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;
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
    pub in_person: u32,
    pub phone: u32,
    /// households_visited / register 户数; None when the register gives no 户数.
    pub coverage: Option<f64>,
    pub questionnaires: u32,
    pub letters: u32,
    /// Households first visited inside the period.
    pub new_in_period: u32,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Disputes {
    pub screened_weeks: u32,
    pub new: u32,
    pub resolved: u32,
    pub total: u32,
    pub resolved_total: u32,
    pub overdue: u32,
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

/// Whether a slogan text is approved: exactly (after dropping spaces and punctuation), nearly (a typo:
/// returns the approved text), or not at all.
#[derive(Debug, Clone)]
pub enum SloganMatch {
    Exact,
    Near(String),
    No,
}

pub fn match_slogan(plan: &Plan, text: &str) -> SloganMatch {
    let k = slogan_key(text);
    let mut best: Option<(usize, &String)> = None;
    for s in &plan.slogans {
        let a = slogan_key(s);
        if a == k {
            return SloganMatch::Exact;
        }
        let d = crate::text::edit_distance(&a, &k);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, s));
        }
    }
    match best {
        // A typo: at most a tenth of the characters (at least one, at most three) differ.
        Some((d, s)) if d <= (k.chars().count() / 10).clamp(1, 3) => SloganMatch::Near(s.clone()),
        _ => SloganMatch::No,
    }
}

impl Figures {
    pub fn compute(ds: &Dataset, plan: &Plan, cal: &Calendar, period: Period) -> Figures {
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
        visits(r, period, &mut units);
        for u in &mut units {
            if let Some(h) = ds.register.get(u.unit).households.filter(|&h| h > 0) {
                u.visits.coverage = Some(u.visits.households_visited as f64 / h as f64);
            }
        }
        disputes(r, plan, cal, period, &mut units);
        slogans(r, plan, period, &mut units);
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

#[derive(Default)]
struct Household {
    first: Option<chrono::NaiveDate>,
    in_person: bool,
    questionnaire: bool,
    letter: bool,
}

fn visits(r: &Records, period: Period, units: &mut [UnitFigures]) {
    // (names borrow the record's text unless they need normalising; the totals do not depend on
    // the map's order)
    let mut hh: FxHashMap<(u32, Cow<str>, Cow<str>), Household> = FxHashMap::default();
    for v in &r.visits {
        let Some(date) = v.date.filter(|d| *d <= period.end) else {
            continue;
        };
        let key = (v.unit, person_key_cow(&v.group), person_key_cow(&v.head));
        let h = hh.entry(key).or_default();
        h.first = Some(h.first.map_or(date, |f| f.min(date)));
        h.in_person |= v.in_person == Some(true);
        h.questionnaire |= v.questionnaire == Some(true);
        h.letter |= v.letter == Some(true);
    }
    for ((unit, _, _), h) in hh {
        let f = &mut units[unit as usize].visits;
        f.households_visited += 1;
        if h.in_person {
            f.in_person += 1;
        } else {
            f.phone += 1;
        }
        f.questionnaires += u32::from(h.questionnaire);
        f.letters += u32::from(h.letter);
        if h.first.is_some_and(|d| period.contains(d)) {
            f.new_in_period += 1;
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
            f.resolved_total += 1;
            if period.contains(ro) {
                f.resolved += 1;
            }
            continue;
        }
        if d.status.is_some() && d.status == transferred {
            continue;
        }
        f.open += 1;
        if (period.end - date).num_days() > plan.minimums.dispute_overdue_days {
            f.overdue += 1;
            f.overdue_list.push(i);
        }
    }
    for (unit, _) in screened.keys() {
        units[*unit as usize].disputes.screened_weeks += 1;
    }
}

fn slogans(r: &Records, plan: &Plan, period: Period, units: &mut [UnitFigures]) {
    // 电子显示屏 is the third form in the schema's list.
    let screen = crate::ledger::schema::SLOGAN_FORMS
        .iter()
        .position(|f| *f == "电子显示屏")
        .map(|i| i as u8);
    for (i, s) in r.slogans.iter().enumerate() {
        let u = &mut units[s.unit as usize];
        if !u.kind.is_village_level() && s.form != screen {
            continue;
        }
        if !s.hanging || s.date.is_none_or(|d| d > period.end) {
            continue;
        }
        let f = &mut u.slogans;
        f.hanging += 1;
        match match_slogan(plan, &s.text) {
            SloganMatch::Exact => f.approved += 1,
            SloganMatch::Near(a) => {
                f.approved += 1;
                f.near_list.push((i, a));
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

/// Whole-town totals of a period's figures (村/社区 for reports, visits and disputes).
#[derive(Debug, Clone, Default, Serialize)]
pub struct TownFigures {
    pub households: u32,
    pub reports_on_time: u32,
    pub reports_late: u32,
    pub reports_missing: u32,
    pub visits: Visits,
    pub disputes: Disputes,
    pub slogans_hanging: u32,
    pub slogans_unapproved: u32,
    pub units_slogans_ok: u32,
    pub units: u32,
}

impl Figures {
    pub fn town(&self, ds: &Dataset) -> TownFigures {
        let mut t = TownFigures::default();
        for f in &self.units {
            t.units += 1;
            t.slogans_hanging += f.slogans.hanging;
            t.slogans_unapproved += f.slogans.unapproved;
            t.units_slogans_ok += u32::from(f.slogans.ok);
            if !f.kind.is_village_level() {
                continue;
            }
            t.households += ds.register.get(f.unit).households.unwrap_or(0);
            match f.weekly_report.as_ref().map(|w| w.status) {
                Some(ReportStatus::OnTime) => t.reports_on_time += 1,
                Some(ReportStatus::Late) => t.reports_late += 1,
                Some(ReportStatus::Missing) => t.reports_missing += 1,
                None => {}
            }
            let (v, d) = (&f.visits, &f.disputes);
            t.visits.households_visited += v.households_visited;
            t.visits.in_person += v.in_person;
            t.visits.phone += v.phone;
            t.visits.questionnaires += v.questionnaires;
            t.visits.letters += v.letters;
            t.visits.new_in_period += v.new_in_period;
            t.disputes.screened_weeks += d.screened_weeks;
            t.disputes.new += d.new;
            t.disputes.resolved += d.resolved;
            t.disputes.total += d.total;
            t.disputes.resolved_total += d.resolved_total;
            t.disputes.overdue += d.overdue;
            t.disputes.open += d.open;
        }
        if t.households > 0 {
            t.visits.coverage = Some(t.visits.households_visited as f64 / t.households as f64);
        }
        t
    }
}
