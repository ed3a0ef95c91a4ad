//! Writes a workbook holding only the survey sheets (民调指标, 民调分析), for looking at them:
//!
//!     cargo run --example survey_sheet -- INBOX WEEK OUT.xlsx
//!     soffice --headless --convert-to pdf OUT.xlsx && pdftoppm -png -r 60 OUT.pdf page

use shuangti::ledger::schema::Specs;
use shuangti::plan::calendar::Calendar;
use shuangti::plan::Plan;
use shuangti::report::style::{new_workbook, Styles};
use shuangti::report::survey_sheet::write_survey_sheet;
use shuangti::resolve::load::{load, LoadOptions};
use std::collections::HashSet;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [inbox, week, out] = args.as_slice() else {
        eprintln!("usage: survey_sheet INBOX WEEK OUT.xlsx");
        std::process::exit(2);
    };
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let mut ds = load(Path::new(inbox), &plan, &specs, &LoadOptions::default()).unwrap();
    shuangti::resolve::validate::validate(&mut ds, &plan, &specs);
    let cal = Calendar::new(&plan);
    let n: u32 = week.parse().unwrap();
    let now = cal.week(n).unwrap();
    let (units, town) = shuangti::figures::survey::compute(&ds, &plan, &now);
    let prev = cal
        .week(n - 1)
        .map(|p| shuangti::figures::survey::compute(&ds, &plan, &p));
    let mut wb = new_workbook(now.end, &plan.town.office, "民调指标");
    let st = Styles::new();
    let mut taken = HashSet::new();
    write_survey_sheet(
        &mut wb,
        &st,
        &plan,
        &ds,
        &now,
        &units,
        &town,
        prev.as_ref().map(|(u, t)| (u.as_slice(), t)),
        &mut taken,
    )
    .unwrap();
    wb.save(out).unwrap();
}
