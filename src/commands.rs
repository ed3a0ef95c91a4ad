//! The report-writing commands: `template`, `weekly`, `monthly`.

use crate::app::{read_inbox, write_json, Fail, EXIT_OK};
use crate::calendar::Calendar;
use crate::cli::{MonthlyArgs, TemplateArgs, WeeklyArgs};
use crate::ledger::schema::Specs;
use crate::plan::Plan;
use crate::report::output::check_writable;
use crate::report::save;
use crate::weekly::Notice;

pub fn template(plan: &Plan, args: TemplateArgs) -> Result<i32, Fail> {
    let specs = Specs::new(plan);
    let units = match &args.register {
        None => Vec::new(),
        Some(path) => crate::load::register_names(path, plan, &specs).map_err(Fail::usage)?,
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

/// `水泉镇双提升周通报_第6期_2021-05-10至05-16.xlsx`
pub fn weekly_file_name(plan: &Plan, p: &crate::calendar::Period) -> String {
    format!(
        "{}双提升周通报_第{}期_{}至{}.xlsx",
        plan.town.name,
        p.issue,
        p.start.format("%Y-%m-%d"),
        p.end.format("%m-%d")
    )
}

pub fn weekly(plan: &Plan, args: WeeklyArgs) -> Result<i32, Fail> {
    let cal = Calendar::new(plan);
    let period = cal
        .parse_week(&args.week)
        .map_err(|e| Fail::usage(format!("--week：{e}")))?;
    let specs = Specs::new(plan);
    // Refuse before any work if the report cannot be written.
    let name = weekly_file_name(plan, &period);
    check_writable(&args.report.out, &[name], args.report.force)
        .map_err(|e| Fail::usage(e.to_string()))?;
    let ds = read_inbox(plan, &specs, &args.report.input)?;
    let notice = Notice::build(&ds, plan, &specs, period, !args.report.no_mask);
    let path = args.report.out.join(notice.file_name());
    let mut wb = crate::report::weekly::build(&notice)
        .map_err(|e| Fail::usage(format!("生成周通报失败：{e}")))?;
    save(&mut wb, &path, args.report.force).map_err(|e| Fail::usage(e.to_string()))?;
    if let Some(path) = &args.report.input.json {
        write_json(path, &crate::summary::weekly_json(&notice))?;
    }
    print!("{}", crate::check::summary(&ds));
    println!();
    println!("已生成周通报：{}", path.display());
    Ok(EXIT_OK)
}

pub fn monthly(plan: &Plan, args: MonthlyArgs) -> Result<i32, Fail> {
    crate::monthly::run(plan, args)
}
