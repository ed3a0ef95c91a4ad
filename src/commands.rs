//! The report-writing commands: `template`, `weekly`, `monthly`.

use crate::app::{read_inbox, write_json, Fail, EXIT_OK};
use crate::calendar::Calendar;
use crate::cli::{MonthlyArgs, TemplateArgs, WeeklyArgs};
use crate::ledger::schema::Specs;
use crate::plan::Plan;
use crate::weekly::Notice;

pub fn template(_plan: &Plan, _args: TemplateArgs) -> Result<i32, Fail> {
    Err(Fail::usage("template: pending merge"))
}

pub fn weekly(plan: &Plan, args: WeeklyArgs) -> Result<i32, Fail> {
    let cal = Calendar::new(plan);
    let period = cal
        .parse_week(&args.week)
        .map_err(|e| Fail::usage(format!("--week：{e}")))?;
    let specs = Specs::new(plan);
    let ds = read_inbox(plan, &specs, &args.report.input)?;
    let notice = Notice::build(&ds, plan, &specs, period, !args.report.no_mask);
    if let Some(path) = &args.report.input.json {
        write_json(path, &crate::summary::weekly_json(&notice))?;
    }
    println!("{}", notice.file_name());
    Ok(EXIT_OK)
}

pub fn monthly(_plan: &Plan, _args: MonthlyArgs) -> Result<i32, Fail> {
    Err(Fail::usage("monthly: pending"))
}
