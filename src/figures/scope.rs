//! Which ledger problems a notice speaks of. A notice for a period names the problems of rows dated
//! up to its end (a weekly report counts by its week: the week must have begun by then); a problem on a
//! row dated later — a report not yet due, a visit of next week — belongs to a later notice. Problems
//! that are not on a dated row (a missing column, an unreadable file) are always in scope.

use crate::diag::{cell_row, Diagnostic};
use crate::plan::calendar::Calendar;
use crate::resolve::load::Dataset;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// The date each dated row speaks of, by (sheet, 0-based row).
pub struct Scope<'a> {
    sheets: FxHashMap<(&'a str, &'a str), u32>,
    dates: FxHashMap<(u32, u32), NaiveDate>,
}

impl<'a> Scope<'a> {
    pub fn new(ds: &'a Dataset, cal: &Calendar) -> Scope<'a> {
        let sheets: FxHashMap<(&str, &str), u32> = ds
            .sheets
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.file.as_str(), s.sheet.as_str()), i as u32))
            .collect();
        // Only rows that carry a problem need their date (a district has a million rows, a few
        // thousand problems).
        let mut dates: FxHashMap<(u32, u32), NaiveDate> = FxHashMap::default();
        let mut wanted: rustc_hash::FxHashSet<(u32, u32)> = Default::default();
        for d in &ds.diags {
            if let (Some(&s), Some(r)) = (
                sheets.get(&(d.file.as_str(), d.sheet.as_str())),
                cell_row(&d.cell),
            ) {
                wanted.insert((s, r));
            }
        }
        let mut put = |src: crate::ledger::records::Src, d: Option<NaiveDate>| {
            if let Some(d) = d {
                if wanted.contains(&(src.sheet, src.row)) {
                    dates.insert((src.sheet, src.row), d);
                }
            }
        };
        let r = &ds.records;
        for w in r
            .weekly
            .iter()
            .filter(|w| wanted.contains(&(w.src.sheet, w.src.row)))
        {
            // A report speaks of its week: the week's Monday (a report sent late still belongs to it).
            let week = w
                .week
                .or_else(|| w.submitted.and_then(|t| cal.week_of(t.date())));
            let day = week.and_then(|n| cal.week(n)).map(|p| p.start);
            put(w.src, day.or(w.submitted.map(|t| t.date())));
        }
        r.liaisons.iter().for_each(|x| put(x.src, x.date));
        r.visits.iter().for_each(|x| put(x.src, x.date));
        r.surveys.iter().for_each(|x| put(x.src, x.date));
        r.disputes.iter().for_each(|x| put(x.src, x.date));
        r.slogans.iter().for_each(|x| put(x.src, x.date));
        r.activities.iter().for_each(|x| put(x.src, x.date));
        r.officers.iter().for_each(|x| put(x.src, x.date));
        r.supervisions.iter().for_each(|x| put(x.src, x.date));
        Scope { sheets, dates }
    }

    /// The date of the row a problem is on, when it is on a dated row.
    pub fn date_of(&self, d: &Diagnostic) -> Option<NaiveDate> {
        let sheet = *self.sheets.get(&(d.file.as_str(), d.sheet.as_str()))?;
        let row = cell_row(&d.cell)?;
        self.dates.get(&(sheet, row)).copied()
    }

    /// Whether a notice whose data end on `end` speaks of this problem.
    pub fn in_scope(&self, d: &Diagnostic, end: NaiveDate) -> bool {
        self.date_of(d).is_none_or(|day| day <= end)
    }
}
