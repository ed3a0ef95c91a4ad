//! Validated settings, built from the raw flags (`args`) before any ledger is read: the plan is
//! loaded, dates, the week and the month are parsed, and every output path is checked, so a long run
//! can no longer fail at the very end over a typo or an unwritable folder.

use crate::cli::args::{CheckArgs, Cli, Command, InputArgs, MonthlyArgs, ReportArgs, WeeklyArgs};
use crate::cli::error::Error;
use crate::ledger::schema::Specs;
use crate::plan::calendar::{Calendar, Period};
use crate::plan::Plan;
use crate::report::output::check_writable;
use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Everything a run needs, checked.
pub struct Settings {
    pub plan: Plan,
    pub specs: Specs,
    pub job: Job,
}

/// What to do.
pub enum Job {
    /// Print the plan in use.
    Plan,
    Check(CheckJob),
    /// The weekly notice or the monthly supervision workbook.
    Report(ReportJob),
    Template(TemplateJob),
}

/// Which inbox to read, and how.
#[derive(Debug, Clone)]
pub struct Input {
    pub inbox: PathBuf,
    pub include_hidden: bool,
    /// Only data up to and including this day (`--as-of`).
    pub as_of: Option<NaiveDate>,
    /// Show progress on stderr.
    pub progress: bool,
}

impl Input {
    /// The inbox read with the defaults: visible sheets only, every date, no progress line.
    pub fn new(inbox: impl Into<PathBuf>) -> Input {
        Input {
            inbox: inbox.into(),
            include_hidden: false,
            as_of: None,
            progress: false,
        }
    }
}

pub struct CheckJob {
    pub input: Input,
    pub json: Option<PathBuf>,
    /// The folder for the 退回修改清单 workbooks.
    pub feedback: Option<PathBuf>,
    pub force: bool,
}

/// Which report, for which period.
#[derive(Debug, Clone, Copy)]
pub enum ReportKind {
    Weekly(Period),
    Monthly(Period),
}

impl ReportKind {
    /// The report's name in messages.
    pub fn what(self) -> &'static str {
        match self {
            ReportKind::Weekly(_) => "周通报",
            ReportKind::Monthly(_) => "月度督导表",
        }
    }
}

pub struct ReportJob {
    pub input: Input,
    pub kind: ReportKind,
    /// The workbook to write (`-o` joined with the report's file name).
    pub path: PathBuf,
    pub json: Option<PathBuf>,
    pub force: bool,
    /// Hide names and phone numbers (no `--no-mask`).
    pub mask: bool,
}

pub struct TemplateJob {
    pub out: PathBuf,
    pub register: Option<PathBuf>,
    pub force: bool,
}

impl Settings {
    /// The embedded 2021 plan, for a job given in code (tests, tools).
    pub fn embedded(job: Job) -> Settings {
        let plan = Plan::embedded();
        let specs = Specs::new(&plan);
        Settings { plan, specs, job }
    }

    /// Checks the command line. Nothing under the inbox is read here; output folders are created and
    /// probed so that a report that cannot be written is refused now, not after the work.
    pub fn from_cli(cli: Cli) -> Result<Settings, Error> {
        let plan = Plan::load(cli.plan.as_deref())?;
        let specs = Specs::new(&plan);
        let job = match cli.command {
            Command::Plan => Job::Plan,
            Command::Check(args) => Job::Check(check(&plan, args)?),
            Command::Weekly(WeeklyArgs { report, week }) => {
                let period =
                    Calendar::new(&plan)
                        .parse_week(&week)
                        .map_err(|reason| Error::Option {
                            option: "--week",
                            reason,
                        })?;
                let name = crate::cli::commands::weekly_file_name(&plan, &period);
                Job::Report(report_job(&plan, report, ReportKind::Weekly(period), name)?)
            }
            Command::Monthly(MonthlyArgs { report, month }) => {
                let period =
                    Calendar::new(&plan)
                        .parse_month(&month)
                        .map_err(|reason| Error::Option {
                            option: "--month",
                            reason,
                        })?;
                let name = crate::figures::monthly::file_name(&plan, &period);
                Job::Report(report_job(
                    &plan,
                    report,
                    ReportKind::Monthly(period),
                    name,
                )?)
            }
            Command::Template(args) => Job::Template(TemplateJob {
                out: args.out,
                register: args.register,
                force: args.force,
            }),
        };
        Ok(Settings { plan, specs, job })
    }
}

fn check(plan: &Plan, args: CheckArgs) -> Result<CheckJob, Error> {
    let input = input(plan, &args.input)?;
    check_json(args.input.json.as_deref())?;
    if let Some(dir) = &args.feedback {
        // The file names depend on the units found: only the folder can be checked now.
        check_writable(dir, &[], args.force)?;
    }
    Ok(CheckJob {
        input,
        json: args.input.json,
        feedback: args.feedback,
        force: args.force,
    })
}

fn report_job(
    plan: &Plan,
    args: ReportArgs,
    kind: ReportKind,
    name: String,
) -> Result<ReportJob, Error> {
    let path = args.out.join(&name);
    check_writable(&args.out, &[name], args.force)?;
    check_json(args.input.json.as_deref())?;
    Ok(ReportJob {
        input: input(plan, &args.input)?,
        kind,
        path,
        json: args.input.json,
        force: args.force,
        mask: !args.no_mask,
    })
}

/// The inbox must be a folder, `--as-of` a date.
fn input(plan: &Plan, args: &InputArgs) -> Result<Input, Error> {
    if !args.inbox.is_dir() {
        return Err(Error::NoInbox {
            path: args.inbox.clone(),
        });
    }
    let as_of = match &args.as_of {
        None => None,
        Some(s) => Some(
            crate::ledger::cells::parse_date_text(s, plan.town.year)
                .ok_or_else(|| Error::AsOf { value: s.clone() })?,
        ),
    };
    Ok(Input {
        inbox: args.inbox.clone(),
        include_hidden: args.include_hidden,
        as_of,
        progress: std::io::stderr().is_terminal(),
    })
}

/// The `--json` file's folder must accept files.
fn check_json(path: Option<&Path>) -> Result<(), Error> {
    let Some(path) = path else { return Ok(()) };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    check_writable(dir, &[name], true)?;
    Ok(())
}
