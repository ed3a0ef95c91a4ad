//! Whole-town totals of a period's figures, as the notices' 总体情况 and the JSON's `town` state them:
//! 村/社区 only for reports, visits and disputes (镇直单位 owe none of them), every unit for slogans.
//! In: the units' `Figures` and the register's 户数; out: one `TownFigures`.

use super::{Disputes, Figures, ReportStatus, Visits};
use crate::resolve::load::Dataset;
use serde::Serialize;

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
            t.visits.in_person.add(&v.in_person);
            t.visits.phone.add(&v.phone);
            t.visits.questionnaires += v.questionnaires;
            t.visits.letters += v.letters;
            t.visits.new_in_period += v.new_in_period;
            t.visits
                .questionnaires_in_person
                .add(&v.questionnaires_in_person);
            t.visits.letters_in_person.add(&v.letters_in_person);
            t.disputes.screened_weeks += d.screened_weeks;
            t.disputes.new += d.new;
            t.disputes.resolved.add(&d.resolved);
            t.disputes.total += d.total;
            t.disputes.resolved_total.add(&d.resolved_total);
            t.disputes.overdue.add(&d.overdue);
            t.disputes.open += d.open;
        }
        if t.households > 0 {
            t.visits.coverage = Some(t.visits.households_visited as f64 / t.households as f64);
        }
        t
    }
}
