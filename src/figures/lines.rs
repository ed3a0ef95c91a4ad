//! What the weekly notice lists row by row, taken from the records once so the renderers never look
//! at one: each unit's first weekly report of the week, its overdue disputes and its non-compliant
//! slogans, each with where it comes from as `file › sheet › cell`. In: the dataset, the schema (for
//! the cells) and the week's `Figures`; out: one [`UnitLines`] per unit, in register order.

use crate::figures::counts::Figures;
use crate::ledger::records::Src;
use crate::ledger::schema::{Col, DisputeCol, Specs, WeeklyCol};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use chrono::NaiveDate;

/// `东庄村周报.xlsx › 周报 › B7`: where a record's column `col` is.
pub fn source(ds: &Dataset, specs: &Specs, src: Src, col: impl Col) -> String {
    let s = &ds.sheets[src.sheet as usize];
    let cell = ds.cell(src, specs.col(col));
    format!("{} › {} › {}", s.file, s.sheet, cell)
}

/// The week's first weekly report of a unit.
#[derive(Debug, Clone)]
pub struct ReportLine {
    /// The report names its week (所属周次) rather than being placed by its submission time.
    pub week_written: bool,
    /// The submission was written with a time of day (a bare date is shown as a date).
    pub has_time: bool,
    /// Where its submission time is.
    pub source: String,
}

/// A dispute still open past the plan's limit at the period's end.
#[derive(Debug, Clone)]
pub struct OverdueLine {
    pub date: Option<NaiveDate>,
    /// The parties as this copy shows them (masked for leaders).
    pub parties: String,
    /// The dispute type, or 未填.
    pub dtype: String,
    /// The status as written, or 未填.
    pub status: String,
    /// Days from 排查日期 to the period's end.
    pub days: Option<i64>,
    /// Where its status is.
    pub source: String,
}

/// A hanging slogan that is not (exactly) one of the plan's.
#[derive(Debug, Clone)]
pub struct SloganLine {
    pub text: String,
    /// The approved slogan it nearly matches (a typo), or None when it is not one of them at all.
    pub typo_of: Option<String>,
}

/// Everything the notice lists for one unit.
#[derive(Debug, Clone, Default)]
pub struct UnitLines {
    pub report: Option<ReportLine>,
    pub overdue: Vec<OverdueLine>,
    /// Unapproved slogans first, then near matches.
    pub slogans: Vec<SloganLine>,
}

/// The lines of every unit for the week whose figures are `f`.
pub fn unit_lines(
    ds: &Dataset,
    plan: &Plan,
    specs: &Specs,
    f: &Figures,
    mask: bool,
) -> Vec<UnitLines> {
    let r = &ds.records;
    let end = f.period.end;
    let pick = |v: &[String], i: Option<u8>| {
        i.and_then(|i| v.get(i as usize))
            .cloned()
            .unwrap_or_else(|| "未填".into())
    };
    f.units
        .iter()
        .map(|u| {
            let report = u.weekly_report.as_ref().and_then(|w| w.report).map(|i| {
                let w = &r.weekly[i];
                ReportLine {
                    week_written: w.week.is_some(),
                    has_time: w.has_time,
                    source: source(ds, specs, w.src, WeeklyCol::Submitted),
                }
            });
            let overdue = u
                .disputes
                .overdue_list
                .iter()
                .map(|&i| {
                    let d = &r.disputes[i];
                    OverdueLine {
                        date: d.date,
                        parties: crate::text::shown_name(mask, r.text(d.parties)),
                        dtype: pick(&plan.disputes.types, d.dtype),
                        // A resolution dated after the period's end is not this notice's fact: the
                        // dispute is open as of its end, and that is all it says.
                        status: match d.resolved_on.filter(|x| *x > end) {
                            Some(_) => format!(
                                "截至{}月{}日未化解",
                                chrono::Datelike::month(&end),
                                chrono::Datelike::day(&end)
                            ),
                            None => pick(&plan.disputes.statuses, d.status),
                        },
                        days: d.date.map(|x| (end - x).num_days()),
                        source: source(ds, specs, d.src, DisputeCol::Status),
                    }
                })
                .collect();
            let s = &u.slogans;
            let slogans = s
                .unapproved_list
                .iter()
                .map(|&i| SloganLine {
                    text: r.text(r.slogans[i].text).to_string(),
                    typo_of: None,
                })
                .chain(s.near_list.iter().map(|(i, a)| SloganLine {
                    text: r.text(r.slogans[*i].text).to_string(),
                    typo_of: Some(a.clone()),
                }))
                .collect();
            UnitLines {
                report,
                overdue,
                slogans,
            }
        })
        .collect()
}
