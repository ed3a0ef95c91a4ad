//! What a 退回修改清单 (`check --feedback`) needs beyond the problems themselves: its document date,
//! taken from the ledgers so the same inbox always gives the same bytes. In: the dataset and the plan;
//! out: a date.

use crate::plan::Plan;
use crate::resolve::load::Dataset;
use chrono::NaiveDate;

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
