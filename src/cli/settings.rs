//! Validated settings, built from the raw flags (`args`) before any ledger is read: the plan is
//! loaded, dates, the week and the month are parsed, and every output path is checked, so a long run
//! can no longer fail at the very end over a typo or an unwritable folder.

use crate::cli::args::{CheckArgs, Cli, Command, InputArgs, MonthlyArgs, ReportArgs, WeeklyArgs};
use crate::cli::error::Error;
use crate::ledger::schema::Specs;
use crate::plan::calendar::{Calendar, Period};
use crate::plan::Plan;
use crate::report::output::{
    check_writable, folder_of, is_inside, lock_folder, FolderLock, OutputError,
};
use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Everything a run needs, checked.
pub struct Settings {
    pub plan: Plan,
    pub specs: Specs,
    pub job: Job,
    /// The folders this run writes to, locked against other runs for as long as the settings live.
    pub locks: Vec<FolderLock>,
    /// Said on stderr before the run (an output folder inside the inbox).
    pub warnings: Vec<String>,
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

/// A place the run writes: a file (the report, `--json`) or a folder (`--feedback`, `template -o`).
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    /// Replace an existing file: `--force`, and never inside the inbox.
    pub force: bool,
    /// The option that named the place, for messages.
    pub option: &'static str,
    pub in_inbox: bool,
}

impl Target {
    /// A refused write told with this target's option; inside the inbox, an existing file is an
    /// input, so the message says so instead of suggesting --force.
    pub fn explain(&self, e: OutputError) -> OutputError {
        match e {
            OutputError::Exists { path, .. } if self.in_inbox => OutputError::InInbox {
                path,
                option: self.option,
            },
            e => e.for_option(self.option),
        }
    }
}

pub struct CheckJob {
    pub input: Input,
    pub json: Option<Target>,
    /// The folder for the 退回修改清单 workbooks.
    pub feedback: Option<Target>,
    /// Print every column of every sheet as it was read (`--columns`), not only the doubtful ones.
    pub columns: bool,
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
    pub out: Target,
    pub json: Option<Target>,
    /// Hide names and phone numbers (no `--no-mask`).
    pub mask: bool,
}

pub struct TemplateJob {
    /// The folder.
    pub out: Target,
    pub register: Option<PathBuf>,
    /// `--unit`: only this unit's pack.
    pub unit: Option<String>,
}

impl Settings {
    /// The embedded 2021 plan, for a job given in code (tests, tools).
    pub fn embedded(job: Job) -> Settings {
        let plan = Plan::embedded();
        let specs = Specs::new(&plan);
        Settings {
            plan,
            specs,
            job,
            locks: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Checks the command line. Nothing under the inbox is read here; each output folder is created,
    /// locked against other runs and probed, and an existing output refused without --force, so a
    /// report that cannot be written is refused now, not after the work.
    pub fn from_cli(cli: Cli) -> Result<Settings, Error> {
        let plan = Plan::load(cli.plan.as_deref())?;
        let specs = Specs::new(&plan);
        let mut out = Outputs::default();
        let job = match cli.command {
            Command::Plan => Job::Plan,
            Command::Check(args) => Job::Check(check(&plan, args, &mut out)?),
            Command::Weekly(WeeklyArgs { report, week }) => {
                let period =
                    Calendar::new(&plan)
                        .parse_week(&week)
                        .map_err(|reason| Error::Option {
                            option: "--week",
                            reason,
                        })?;
                let name = crate::report::names::weekly_file_name(&plan, &period);
                let kind = ReportKind::Weekly(period);
                Job::Report(report_job(&plan, report, kind, name, &mut out)?)
            }
            Command::Monthly(MonthlyArgs { report, month }) => {
                let period =
                    Calendar::new(&plan)
                        .parse_month(&month)
                        .map_err(|reason| Error::Option {
                            option: "--month",
                            reason,
                        })?;
                let name = crate::report::names::monthly_file_name(&plan, &period);
                let kind = ReportKind::Monthly(period);
                Job::Report(report_job(&plan, report, kind, name, &mut out)?)
            }
            Command::Template(args) => {
                if args.unit.is_some() && args.register.is_none() {
                    return Err(Error::Option {
                        option: "--unit",
                        reason:
                            "要同时用 --register 给出村居名册，才能按名册生成这个单位的专用台账"
                                .into(),
                    });
                }
                Job::Template(TemplateJob {
                    // The template's own names are checked when written (they depend on nothing read).
                    out: out.folder(args.out, "-o", args.force, &[])?,
                    register: args.register,
                    unit: args.unit,
                })
            }
        };
        Ok(Settings {
            plan,
            specs,
            job,
            locks: out.locks,
            warnings: out.warnings,
        })
    }
}

fn check(plan: &Plan, args: CheckArgs, out: &mut Outputs) -> Result<CheckJob, Error> {
    let input = input(plan, &args.input)?;
    out.inbox = Some(input.inbox.clone());
    let json = match args.input.json {
        Some(p) => Some(out.file(p, "--json", args.force)?),
        None => None,
    };
    // The file names depend on the units found: only the folder can be checked now.
    let feedback = match args.feedback {
        Some(dir) => Some(out.folder(dir, "--feedback", args.force, &[])?),
        None => None,
    };
    Ok(CheckJob {
        input,
        json,
        feedback,
        columns: args.columns,
    })
}

fn report_job(
    plan: &Plan,
    args: ReportArgs,
    kind: ReportKind,
    name: String,
    out: &mut Outputs,
) -> Result<ReportJob, Error> {
    // The report first: an existing one is refused before the inbox is even looked at.
    out.inbox = Some(args.input.inbox.clone());
    let report = out.file(args.out.join(name), "-o", args.force)?;
    let json = match &args.input.json {
        Some(p) => Some(out.file(p.clone(), "--json", args.force)?),
        None => None,
    };
    let input = input(plan, &args.input)?;
    Ok(ReportJob {
        input,
        kind,
        out: report,
        json,
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

/// The output places checked so far, the locks taken on their folders, and the warnings.
#[derive(Default)]
struct Outputs {
    inbox: Option<PathBuf>,
    locks: Vec<FolderLock>,
    warnings: Vec<String>,
}

impl Outputs {
    /// A file to write: its folder is locked and probed; an existing file is refused unless --force
    /// (and always inside the inbox).
    fn file(&mut self, path: PathBuf, option: &'static str, force: bool) -> Result<Target, Error> {
        let dir = folder_of(&path).to_path_buf();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = self.folder(dir, option, force, &[name])?;
        Ok(Target { path, ..folder })
    }

    /// A folder to write `names` in (more may come later).
    fn folder(
        &mut self,
        dir: PathBuf,
        option: &'static str,
        force: bool,
        names: &[String],
    ) -> Result<Target, Error> {
        let in_inbox = self.inbox.as_deref().is_some_and(|i| is_inside(&dir, i));
        let target = Target {
            path: dir,
            force: force && !in_inbox,
            option,
            in_inbox,
        };
        self.lock(&target.path).map_err(|e| target.explain(e))?;
        check_writable(&target.path, names, target.force).map_err(|e| target.explain(e))?;
        if in_inbox {
            let warning = format!(
                "注意：{option} 的输出位置 {} 在收件箱内，其中的文件下次读取收件箱时也会被读取；建议放到收件箱以外",
                target.path.display()
            );
            if !self.warnings.contains(&warning) {
                self.warnings.push(warning);
            }
        }
        Ok(target)
    }

    /// Locks `dir` unless this run already holds it.
    fn lock(&mut self, dir: &Path) -> Result<(), OutputError> {
        let same = |l: &FolderLock| match (l.dir.canonicalize(), dir.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if !self.locks.iter().any(same) {
            self.locks.push(lock_folder(dir)?);
        }
        Ok(())
    }
}
