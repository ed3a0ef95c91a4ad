//! `--as-of DATE`: rows dated later are left out, as if the ledgers were read on that day.

use crate::resolve::dataset::Dataset;
use chrono::NaiveDate;

pub fn cut_off(ds: &mut Dataset, day: NaiveDate) {
    let keep = |d: Option<NaiveDate>| d.is_none_or(|d| d <= day);
    let r = &mut ds.records;
    r.liaisons.retain(|x| keep(x.date));
    r.weekly.retain(|x| keep(x.submitted.map(|t| t.date())));
    r.visits.retain(|x| keep(x.date));
    r.surveys.retain(|x| keep(x.date));
    r.disputes.retain(|x| keep(x.date));
    for d in &mut r.disputes {
        if !keep(d.resolved_on) {
            // Not yet resolved on that day.
            d.resolved_on = None;
            d.status = Some(0);
        }
    }
    r.slogans.retain(|x| keep(x.date));
    r.activities.retain(|x| keep(x.date));
    r.officers.retain(|x| keep(x.date));
    r.supervisions.retain(|x| keep(x.date));
}
