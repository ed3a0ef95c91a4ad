//! Dates from the wrong year, and dates later than the day their file reached the inbox (a ledger
//! received on 5月17日 cannot record a dispute resolved on 5月20日: a typo, or a date written ahead).

use crate::diag::Diagnostic;
use crate::ledger::records::Src;
use crate::ledger::schema::{ActivityCol, DisputeCol, SloganCol, VisitCol, WeeklyCol};
use crate::ledger::schema::{Kind, Specs};
use crate::plan::Plan;
use crate::resolve::dataset::Dataset;
use chrono::{Datelike, NaiveDate};

/// A date outside the campaign year is almost always a typo (2012 for 2021).
pub(super) fn check_years(ds: &Dataset, plan: &Plan, specs: &Specs, diags: &mut Vec<Diagnostic>) {
    let year = plan.town.year;
    let mut check = |src: Src, unit: u32, date: Option<NaiveDate>, kind: Kind, col: usize| {
        if let Some(d) = date {
            let name = &specs.get(kind).columns[col].name;
            if d.year() != year {
                diags.push(
                    ds.at(
                        Diagnostic::warning(
                            "date_out_of_year",
                            format!("{name} {d} 不在 {year} 年"),
                        )
                        .unit(ds.unit_name(unit))
                        .hint("请核对年份是否写错"),
                        src,
                        col,
                    ),
                );
            }
            let received = ds.sheets[src.sheet as usize].received;
            if let Some(r) = received.filter(|r| d > *r) {
                diags.push(
                    ds.at(
                        Diagnostic::warning(
                            "date_after_received",
                            format!(
                                "{name}{}月{}日晚于收到该文件的日期（{}月{}日），日期可能写错",
                                d.month(),
                                d.day(),
                                r.month(),
                                r.day()
                            ),
                        )
                        .unit(ds.unit_name(unit))
                        .hint("请核对日期；尚未发生的事不要预先填写"),
                        src,
                        col,
                    ),
                );
            }
        }
    };
    let r = &ds.records;
    for v in &r.visits {
        check(
            v.src,
            v.unit,
            v.date,
            Kind::Visit,
            specs.col(VisitCol::Date),
        );
    }
    for v in &r.disputes {
        check(
            v.src,
            v.unit,
            v.date,
            Kind::Dispute,
            specs.col(DisputeCol::Date),
        );
        check(
            v.src,
            v.unit,
            v.resolved_on,
            Kind::Dispute,
            specs.col(DisputeCol::ResolvedOn),
        );
    }
    for v in &r.slogans {
        check(
            v.src,
            v.unit,
            v.date,
            Kind::Slogan,
            specs.col(SloganCol::Date),
        );
    }
    for v in &r.activities {
        check(
            v.src,
            v.unit,
            v.date,
            Kind::Activity,
            specs.col(ActivityCol::Date),
        );
    }
    for v in &r.weekly {
        check(
            v.src,
            v.unit,
            v.submitted.map(|d| d.date()),
            Kind::WeeklyReport,
            specs.col(WeeklyCol::Submitted),
        );
    }
}
