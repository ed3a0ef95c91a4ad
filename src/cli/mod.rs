//! The command line: the raw flags as clap parses them (`args`), running a command (`commands`), and
//! the exit code (0 done, 1 `check` found errors, 2 bad usage or an output that could not be written).

pub mod args;
pub mod commands;

pub use args::*;

use crate::ledger::schema::Specs;
use crate::plan::Plan;
use crate::resolve::load::{load, Dataset, LoadOptions};
use std::io::IsTerminal;
use std::path::Path;

pub const EXIT_OK: i32 = 0;
pub const EXIT_ERRORS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// A failure that ends the command, with its exit code.
#[derive(Debug)]
pub struct Fail {
    pub code: i32,
    pub message: String,
}

impl Fail {
    pub fn usage(message: impl Into<String>) -> Fail {
        Fail {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }
}

pub fn run(cli: Cli) -> i32 {
    match dispatch(cli) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("shuangti：{}", f.message);
            f.code
        }
    }
}

fn dispatch(cli: Cli) -> Result<i32, Fail> {
    let plan = Plan::load(cli.plan.as_deref()).map_err(|e| Fail::usage(e.to_string()))?;
    match cli.command {
        Command::Plan => {
            print!("{}", plan.printed());
            Ok(EXIT_OK)
        }
        Command::Check(args) => check(&plan, args),
        Command::Template(args) => crate::cli::commands::template(&plan, args),
        Command::Weekly(args) => crate::cli::commands::weekly(&plan, args),
        Command::Monthly(args) => crate::cli::commands::monthly(&plan, args),
    }
}

/// Reads the inbox: load, cross-row checks, `--as-of`.
pub fn read_inbox(plan: &Plan, specs: &Specs, input: &InputArgs) -> Result<Dataset, Fail> {
    if !input.inbox.is_dir() {
        return Err(Fail::usage(format!(
            "收件箱文件夹“{}”不存在或不是文件夹",
            input.inbox.display()
        )));
    }
    let as_of = match &input.as_of {
        None => None,
        Some(s) => Some(
            crate::ledger::cells::parse_date_text(s, plan.town.year).ok_or_else(|| {
                Fail::usage(format!("--as-of “{s}”不是日期：请写成 2021-05-16 这样"))
            })?,
        ),
    };
    let opts = LoadOptions {
        include_hidden: input.include_hidden,
        progress: std::io::stderr().is_terminal(),
    };
    let mut ds = load(&input.inbox, plan, specs, &opts)
        .map_err(|e| Fail::usage(format!("无法读取收件箱“{}”：{e}", input.inbox.display())))?;
    if let Some(d) = as_of {
        crate::resolve::asof::cut_off(&mut ds, d);
    }
    crate::resolve::validate::validate(&mut ds, plan, specs);
    Ok(ds)
}

fn check(plan: &Plan, args: CheckArgs) -> Result<i32, Fail> {
    let specs = Specs::new(plan);
    let ds = read_inbox(plan, &specs, &args.input)?;
    print!("{}", crate::report::terminal::render(&ds));
    if let Some(path) = &args.input.json {
        let json = crate::report::json::check_json(&ds);
        write_json(path, &json)?;
    }
    if let Some(dir) = &args.feedback {
        let written = crate::report::feedback::write_feedback(plan, &ds, dir, args.force)
            .map_err(|e| Fail::usage(e.to_string()))?;
        eprintln!(
            "已生成 {} 份退回修改清单，在 {}",
            written.len(),
            dir.display()
        );
    }
    let errors = crate::report::terminal::counts(&ds.diags).errors;
    // The process ends right after: freeing a district's million records one by one only costs time.
    std::mem::forget(ds);
    Ok(if errors > 0 { EXIT_ERRORS } else { EXIT_OK })
}

pub fn write_json(path: &Path, value: &serde_json::Value) -> Result<(), Fail> {
    let mut text = serde_json::to_string_pretty(value).expect("json");
    text.push('\n');
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Fail::usage(format!("无法创建文件夹“{}”：{e}", dir.display())))?;
    }
    std::fs::write(path, text)
        .map_err(|e| Fail::usage(format!("无法写入“{}”：{e}", path.display())))
}
