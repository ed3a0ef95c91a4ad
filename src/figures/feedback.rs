//! What a 退回修改清单 (`check --feedback`) needs beyond the problems themselves: its document date,
//! taken from the ledgers so the same inbox always gives the same bytes, the campaign week the data
//! reaches, the resubmission deadline from the plan, and the order the problems are listed in. In: the
//! dataset and the plan; out: [`Header`] and the ordered problems.

use crate::diag::Diagnostic;
use crate::plan::calendar::{Calendar, Period};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use chrono::NaiveDate;

/// The lines at the top of every unit's list.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The document date: the newest date in the ledgers.
    pub date: NaiveDate,
    /// The campaign week holding that date (None outside the campaign's weeks).
    pub week: Option<Period>,
    /// Days from receiving the list to resubmitting (`[notice] resubmit_days`).
    pub resubmit_days: u32,
}

impl Header {
    pub fn new(ds: &Dataset, plan: &Plan) -> Header {
        let date = document_date(ds, plan);
        let cal = Calendar::new(plan);
        Header {
            date,
            week: cal.week_of(date).and_then(|n| cal.week(n)),
            resubmit_days: plan.notice.resubmit_days,
        }
    }
}

/// The order a village works through its list: errors (must be corrected) first, then warnings (to
/// check), then notes; within each, by file, sheet and cell.
pub fn ordered<'a>(diags: &[&'a Diagnostic]) -> Vec<&'a Diagnostic> {
    let mut v = diags.to_vec();
    v.sort_by_cached_key(|d| (d.severity, d.order_key()));
    v
}

/// The newest date in the ledgers (deterministic for the same inputs), or the campaign's first day.
pub fn document_date(ds: &Dataset, plan: &Plan) -> NaiveDate {
    let r = &ds.records;
    let dates = r
        .visits
        .iter()
        .filter_map(|v| v.date)
        .chain(r.disputes.iter().filter_map(|d| d.date))
        .chain(
            r.weekly
                .iter()
                .filter_map(|w| w.submitted.map(|t| t.date())),
        )
        .chain(r.slogans.iter().filter_map(|s| s.date))
        .chain(r.activities.iter().filter_map(|a| a.date))
        .filter(|d| *d <= plan.calendar.campaign_end);
    dates.max().unwrap_or(plan.calendar.first_week)
}
