//! The supervision log's figures for a month (督查记录, kept by the town office): checks per unit and
//! method in the month, the month's findings, and every finding to date by where its rectification
//! stands at the month's end (done / open / overdue — a deadline equal to the month's end is not yet
//! overdue). Each row of the log is kept as a [`CheckRow`], already worded and located, so the
//! renderers list checks and findings without reading a record.

use crate::ledger::schema::{Specs, SupervisionCol};
use crate::plan::calendar::Period;
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::resolve::units::UnitId;
use crate::rules::r11_rectification::{is_finding, method_zh, rectify_state, status_zh, Rectify};
use chrono::NaiveDate;

/// English JSON keys of the supervision methods, in `SUPERVISION_METHODS` order.
pub const METHOD_KEYS: [&str; 3] = ["on_site", "unannounced", "phone"];

/// One row of the supervision log as the reports show it (texts trimmed, choices in words).
#[derive(Debug, Clone)]
pub struct CheckRow {
    pub unit: UnitId,
    pub date: Option<NaiveDate>,
    /// 上门查看 / 明察暗访 / 电话抽查 / 方式不明.
    pub method: &'static str,
    pub problem: String,
    pub requirement: String,
    pub deadline: Option<NaiveDate>,
    /// The 整改状态 as written (or 未填).
    pub status: &'static str,
    pub inspector: String,
    /// The check found a problem.
    pub finding: bool,
    /// `file › sheet › cell` of its 督查日期 and of its 整改状态.
    pub date_source: String,
    pub status_source: String,
}

#[derive(Debug, Clone, Default)]
pub struct SupervisionFigures {
    /// Every row of the log, in the log's order; `checks` and `tracked` index it.
    pub rows: Vec<CheckRow>,
    /// Indices into `rows` of the month's checks, by method, date, unit.
    pub checks: Vec<usize>,
    /// Per unit: checks this month by method (`SUPERVISION_METHODS` order; the last slot counts rows
    /// whose method could not be read).
    pub per_unit: Vec<[u32; 4]>,
    pub by_method: [u32; 4],
    /// Checks this month that found a problem.
    pub findings_month: u32,
    /// Every finding dated on or before the month's end with where it stands: overdue first, then
    /// open, then done; each by deadline, date.
    pub tracked: Vec<(usize, Rectify)>,
    pub done: u32,
    pub open: u32,
    pub overdue: u32,
    /// 村/社区 checked fewer times this month than the plan's minimum.
    pub not_checked: Vec<UnitId>,
}

impl SupervisionFigures {
    pub fn compute(
        ds: &Dataset,
        plan: &Plan,
        specs: &Specs,
        period: &Period,
    ) -> SupervisionFigures {
        let rows = &ds.records.supervisions;
        let n = ds.register.units.len();
        let at = |src, col| ds.source(src, specs.col(col));
        let mut f = SupervisionFigures {
            rows: rows
                .iter()
                .map(|s| CheckRow {
                    unit: s.unit,
                    date: s.date,
                    method: method_zh(s),
                    problem: ds.records.text(s.problem).trim().to_string(),
                    requirement: ds.records.text(s.requirement).trim().to_string(),
                    deadline: s.deadline,
                    status: status_zh(s),
                    inspector: ds.records.text(s.inspector).trim().to_string(),
                    finding: is_finding(&ds.records, s),
                    date_source: at(s.src, SupervisionCol::Date),
                    status_source: at(s.src, SupervisionCol::Status),
                })
                .collect(),
            per_unit: vec![[0; 4]; n],
            ..SupervisionFigures::default()
        };
        for (i, s) in rows.iter().enumerate() {
            if s.date.is_some_and(|d| period.contains(d)) {
                f.checks.push(i);
                let m = s.method.map_or(3, |m| m as usize);
                f.per_unit[s.unit as usize][m] += 1;
                f.by_method[m] += 1;
                if is_finding(&ds.records, s) {
                    f.findings_month += 1;
                }
            }
            // Undated rows count as known by the month's end.
            if s.date.is_none_or(|d| d <= period.end) && is_finding(&ds.records, s) {
                let st = rectify_state(s, period.end);
                match st {
                    Rectify::Done => f.done += 1,
                    Rectify::Open => f.open += 1,
                    Rectify::Overdue => f.overdue += 1,
                }
                f.tracked.push((i, st));
            }
        }
        f.checks.sort_by_key(|&i| {
            let s = &rows[i];
            (s.method.map_or(u8::MAX, |m| m as u8), s.date, s.unit, s.src)
        });
        f.tracked.sort_by_key(|&(i, st)| {
            let s = &rows[i];
            (st, s.deadline, s.date, s.unit, s.src)
        });
        let min = plan.minimums.supervision_per_month;
        f.not_checked = ds
            .register
            .units
            .iter()
            .enumerate()
            .filter(|(i, u)| u.kind.is_village_level() && f.per_unit[*i].iter().sum::<u32>() < min)
            .map(|(i, _)| i as UnitId)
            .collect();
        f
    }

    /// Checks this month of one unit.
    pub fn unit_checks(&self, u: UnitId) -> u32 {
        self.per_unit[u as usize].iter().sum()
    }
}
