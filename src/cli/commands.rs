//! The report-writing commands: `template`, `weekly`, `monthly` (the last two share `write_report`).

use crate::cli::{read_inbox, write_json, Fail, EXIT_OK};
use crate::cli::{MonthlyArgs, ReportArgs, TemplateArgs, WeeklyArgs};
use crate::figures::monthly::Monthly;
use crate::figures::weekly::Notice;
use crate::ledger::schema::Specs;
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::report::names::{monthly_file_name, weekly_file_name};
use crate::report::output::check_writable;
use crate::report::save;
use crate::resolve::load::Dataset;
use rust_xlsxwriter::{Workbook, XlsxError};
use serde_json::Value;

pub fn template(plan: &Plan, args: TemplateArgs) -> Result<i32, Fail> {
    let specs = Specs::new(plan);
    let units = match &args.register {
        None => Vec::new(),
        Some(path) => {
            crate::resolve::load::register_names(path, plan, &specs).map_err(Fail::usage)?
        }
    };
    let written =
        crate::report::template::write_templates(plan, &specs, &units, &args.out, args.force)
            .map_err(|e| Fail::usage(e.to_string()))?;
    for p in &written {
        println!("{}", p.display());
    }
    println!("已生成 {} 个文件，在 {}", written.len(), args.out.display());
    Ok(EXIT_OK)
}

pub fn weekly(plan: &Plan, args: WeeklyArgs) -> Result<i32, Fail> {
    let cal = Calendar::new(plan);
    let period = cal
        .parse_week(&args.week)
        .map_err(|e| Fail::usage(format!("--week：{e}")))?;
    let specs = Specs::new(plan);
    let mask = !args.report.no_mask;
    let name = weekly_file_name(plan, &period);
    write_report(plan, &specs, &args.report, name, "周通报", |ds, json| {
        let notice = Notice::build(ds, plan, &specs, period, mask);
        let wb = crate::report::weekly::build(&notice)?;
        Ok((wb, json.then(|| crate::report::json::weekly_json(&notice))))
    })
}

pub fn monthly(plan: &Plan, args: MonthlyArgs) -> Result<i32, Fail> {
    let cal = Calendar::new(plan);
    let period = cal
        .parse_month(&args.month)
        .map_err(|e| Fail::usage(format!("--month：{e}")))?;
    let specs = Specs::new(plan);
    let mask = !args.report.no_mask;
    let name = monthly_file_name(plan, &period);
    write_report(
        plan,
        &specs,
        &args.report,
        name,
        "月度督导表",
        |ds, json| {
            let m = Monthly::build(ds, plan, &specs, period, mask);
            let wb = crate::report::monthly::build(&m)?;
            Ok((wb, json.then(|| crate::report::json::monthly_json(&m))))
        },
    )
}

/// What the weekly and monthly commands share once the period is known: refuse before any work if
/// the report `name` cannot be written, read the inbox, `render` the workbook (and the JSON when
/// asked for), save both, and print the summary. `what` names the report in messages.
fn write_report(
    plan: &Plan,
    specs: &Specs,
    report: &ReportArgs,
    name: String,
    what: &str,
    render: impl FnOnce(&Dataset, bool) -> Result<(Workbook, Option<Value>), XlsxError>,
) -> Result<i32, Fail> {
    let path = report.out.join(&name);
    check_writable(&report.out, &[name], report.force).map_err(|e| Fail::usage(e.to_string()))?;
    let ds = read_inbox(plan, specs, &report.input)?;
    let (mut wb, json) = render(&ds, report.input.json.is_some())
        .map_err(|e| Fail::usage(format!("生成{what}失败：{e}")))?;
    save(&mut wb, &path, report.force).map_err(|e| Fail::usage(e.to_string()))?;
    if let (Some(path), Some(json)) = (&report.input.json, json) {
        write_json(path, &json)?;
    }
    print!("{}", crate::report::terminal::summary(&ds));
    println!();
    println!("已生成{what}：{}", path.display());
    Ok(EXIT_OK)
}
