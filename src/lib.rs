//! shuangti: reads the villages' ledgers for the 2021 “双提升” campaign, checks them against the plan and
//! writes the weekly notice and the monthly supervision workbook.
//!
//! The pipeline, one folder per stage: `ingest` (files → grids) → `ledger` (grids → typed rows) →
//! `resolve` (rows → one dataset) → `rules` (findings) → `figures` (what a notice says) → `report`
//! (terminal, JSON, workbooks). `plan` and `text` serve every stage; `cli` turns flags into
//! [`Settings`]. [`read`] and [`run`] below put the stages together, for the binary and the tests alike.

pub mod cli;
pub mod diag;
pub mod figures;
pub mod ingest;
pub mod ledger;
pub mod plan;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod text;

pub use cli::{Error, Input, Job, Settings};

use cli::{EXIT_ERRORS, EXIT_OK};
use resolve::load::{Dataset, LoadOptions};
use std::io::Write;
use std::path::PathBuf;

/// How a run ended.
#[derive(Debug)]
pub struct Outcome {
    /// The exit code: [`EXIT_OK`], or [`EXIT_ERRORS`] when `check` found errors.
    pub exit: i32,
    /// The files written, in order.
    pub written: Vec<PathBuf>,
    /// Lines for stderr once the run is done.
    pub notes: Vec<String>,
}

/// Reads the inbox into one checked dataset: files → grids → typed rows → one dataset (ingest,
/// ledger, resolve), cut at `--as-of`, then checked row against row.
pub fn read(s: &Settings, input: &Input) -> Result<Dataset, Error> {
    let opts = LoadOptions {
        include_hidden: input.include_hidden,
        progress: input.progress,
    };
    let mut ds = resolve::load::load(&input.inbox, &s.plan, &s.specs, &opts).map_err(|source| {
        Error::ReadInbox {
            path: input.inbox.clone(),
            source,
        }
    })?;
    if let Some(day) = input.as_of {
        resolve::asof::cut_off(&mut ds, day);
    }
    resolve::validate::validate(&mut ds, &s.plan, &s.specs);
    Ok(ds)
}

/// What a report run says of its reading: every file not read and why, then the summary line.
fn read_summary(ds: &Dataset) -> String {
    let mut text = report::terminal::skipped(ds);
    text.push_str(&report::terminal::summary(ds));
    text.push('\n');
    text
}

/// Refuses a dataset in which no sheet is a ledger (the register alone is not one): a report of it
/// would show every village at 0.
fn has_ledgers(ds: &Dataset) -> Result<(), Error> {
    use ingest::FileStatus;
    let ledger = |f: &resolve::load::FileEntry| {
        matches!(f.status, FileStatus::Used | FileStatus::Duplicate)
            && f.kind.is_some_and(|k| k != ledger::schema::Kind::Register)
    };
    if ds.files.iter().any(ledger) {
        return Ok(());
    }
    let mut paths: Vec<&str> = ds.files.iter().map(|f| f.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    Err(Error::NoLedgers { files: paths.len() })
}

/// Runs the job: read → assess → render → write. What people read goes to `terminal` as soon as it
/// is ready (the check report before any file is written).
pub fn run(s: &Settings, terminal: &mut dyn Write) -> Result<Outcome, Error> {
    let mut outcome = Outcome {
        exit: EXIT_OK,
        written: Vec::new(),
        notes: Vec::new(),
    };
    match &s.job {
        Job::Plan => {
            let _ = terminal.write_all(s.plan.printed().as_bytes());
        }
        Job::Template(job) => return cli::commands::template(s, job, terminal),
        Job::Check(job) => {
            let ds = read(s, &job.input)?;
            let _ = terminal.write_all(report::terminal::render(&ds, job.columns).as_bytes());
            // (check still lists every file and writes its JSON: that is how the office finds out why)
            if let Err(e) = has_ledgers(&ds) {
                outcome.notes.push(e.to_string());
            }
            if let Some(json) = &job.json {
                cli::commands::write_json(json, &report::json::check_doc(&ds))?;
                outcome.written.push(json.path.clone());
                outcome
                    .notes
                    .push(format!("已生成 JSON 汇总：{}", json.path.display()));
            }
            if let Some(fb) = &job.feedback {
                let written = report::feedback::write_feedback(&s.plan, &ds, &fb.path, fb.force)
                    .map_err(|e| fb.explain(e))?;
                outcome.notes.push(format!(
                    "已生成 {} 份退回修改清单，在 {}",
                    written.len(),
                    fb.path.display()
                ));
                outcome.written.extend(written);
            }
            if report::terminal::counts(&ds.diags).errors > 0 {
                outcome.exit = EXIT_ERRORS;
            }
            // The process ends soon after: freeing a district's million records one by one only costs time.
            std::mem::forget(ds);
        }
        Job::Report(job) => {
            let mut ds = read(s, &job.input)?;
            if let Err(e) = has_ledgers(&ds) {
                // Say what was found and why each file was not read, then write nothing.
                let _ = terminal.write_all(read_summary(&ds).as_bytes());
                return Err(e);
            }
            let (mut wb, json) = cli::commands::assess_and_render(s, job, &ds)?;
            // The records are in the workbook and the JSON by now (only the file list and the
            // problems are printed below): freed before the save, the run's peak, not after it.
            drop(std::mem::take(&mut ds.records));
            report::save(&mut wb, &job.out.path, job.out.force).map_err(|e| job.out.explain(e))?;
            outcome.written.push(job.out.path.clone());
            if let (Some(target), Some(json)) = (&job.json, json) {
                cli::commands::commit_json(target, json)?;
                outcome.written.push(target.path.clone());
            }
            let mut text = read_summary(&ds);
            let shown =
                |p: &PathBuf| report::terminal::escape(&p.display().to_string()).into_owned();
            let what = job.kind.what();
            text.push_str(&format!("已生成{what}：{}\n", shown(&job.out.path)));
            if let Some(t) = &job.json {
                text.push_str(&format!("已生成 JSON 汇总：{}\n", shown(&t.path)));
            }
            let _ = terminal.write_all(text.as_bytes());
        }
    }
    Ok(outcome)
}
