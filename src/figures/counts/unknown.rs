//! Which figures a column a sheet lacks makes 无法统计 (`Feed`, declared beside the column in the
//! schema), for the units its rows count for: a household whose way of visit is unknown (visited only
//! in rows of a sheet without 走访方式), a dispute without its status.

use super::{Disputes, Figure, UnitFigures, Visits};
use crate::ledger::records::Src;
use crate::ledger::schema::Feed;
use crate::plan::calendar::Period;
use crate::resolve::load::Dataset;

impl Visits {
    /// The figure `feed` names, if it is one of these.
    pub(super) fn fed(&mut self, feed: Feed) -> Vec<&mut Figure> {
        match feed {
            Feed::InPerson => vec![&mut self.in_person],
            Feed::Phone => vec![&mut self.phone],
            Feed::DeliveryInPerson => vec![
                &mut self.questionnaires_in_person,
                &mut self.letters_in_person,
            ],
            _ => Vec::new(),
        }
    }

    /// The figures not known, as (JSON key, reason).
    pub fn unknown(&self) -> Vec<(&'static str, &str)> {
        unknown(&[
            ("in_person", &self.in_person),
            ("phone", &self.phone),
            ("questionnaires_in_person", &self.questionnaires_in_person),
            ("letters_in_person", &self.letters_in_person),
        ])
    }
}

impl Disputes {
    /// The figure `feed` names, if it is one of these.
    pub(super) fn fed(&mut self, feed: Feed) -> Vec<&mut Figure> {
        match feed {
            Feed::Resolved => vec![&mut self.resolved],
            Feed::ResolvedTotal => vec![&mut self.resolved_total],
            Feed::Overdue => vec![&mut self.overdue],
            _ => Vec::new(),
        }
    }

    /// The figures not known, as (JSON key, reason).
    pub fn unknown(&self) -> Vec<(&'static str, &str)> {
        unknown(&[
            ("resolved", &self.resolved),
            ("resolved_total", &self.resolved_total),
            ("overdue", &self.overdue),
        ])
    }
}

fn unknown<'a>(v: &[(&'static str, &'a Figure)]) -> Vec<(&'static str, &'a str)> {
    v.iter()
        .filter_map(|(k, f)| f.reason().map(|r| (*k, r)))
        .collect()
}

/// A household visited only in rows of a sheet that lacks a column: the figures that column feeds
/// are 无法统计 for its unit.
pub(super) fn visit_unread(ds: &Dataset, src: Src, f: &mut Visits) {
    for c in ds.unread(src) {
        for &feed in c.feeds {
            for x in f.fed(feed) {
                x.unknown(&c.reason);
            }
        }
    }
}

/// A dispute counted (dated by the period's end) from a sheet that lacks a column: the figures that
/// column feeds are 无法统计 for its unit; without the overdue count, nothing is listed overdue.
pub(super) fn disputes_unread(ds: &Dataset, period: Period, units: &mut [UnitFigures]) {
    if ds.sheets.iter().all(|s| s.unread.is_empty()) {
        return;
    }
    for d in &ds.records.disputes {
        if d.zero || d.date.is_none_or(|x| x > period.end) || ds.unread(d.src).is_empty() {
            continue;
        }
        let f = &mut units[d.unit as usize].disputes;
        for c in ds.unread(d.src) {
            for &feed in c.feeds {
                for x in f.fed(feed) {
                    x.unknown(&c.reason);
                }
            }
        }
        if f.overdue.known().is_none() {
            f.overdue_list.clear();
            f.open = 0;
        }
    }
}
