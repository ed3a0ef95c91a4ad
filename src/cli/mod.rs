//! The command line: the raw flags as clap parses them (`args`), the checked settings built from them
//! (`settings`), the errors that end a run (`error`), and the report-writing commands (`commands`).
//! [`run`] is the one place where an error becomes a Chinese message and an exit code (0 done, 1
//! `check` found errors, 2 bad usage or an output that could not be written).

pub mod args;
pub mod commands;
pub mod error;
pub mod settings;
pub mod usage;

pub use args::*;
pub use error::{Error, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
pub use settings::{CheckJob, Input, Job, ReportJob, ReportKind, Settings, Target, TemplateJob};

/// The command line, or the process ends: `--help` and `--version` print and exit 0; a usage error is
/// said in Chinese, with clap's precise detail, and exits 2.
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let parsed = command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!(
                "shuangti：命令行有误（用 shuangti --help 查看用法）\n{}",
                usage::chinese(&e.render().to_string())
            );
            std::process::exit(EXIT_USAGE);
        }
        Err(e) if e.use_stderr() => {
            eprintln!(
                "shuangti：命令行有误（用 shuangti --help 查看用法）\n{}",
                usage::error_message(&e)
            );
            std::process::exit(EXIT_USAGE);
        }
        Err(e) => {
            // --help, --version
            print!("{}", usage::chinese(&e.render().to_string()));
            std::process::exit(EXIT_OK);
        }
    }
}

/// Runs the parsed command line: settings, then the pipeline ([`crate::run`]); returns the exit code.
pub fn run(cli: Cli) -> i32 {
    use crate::report::terminal::escape_lines;
    let outcome = Settings::from_cli(cli).and_then(|s| {
        for w in &s.warnings {
            eprintln!("{}", escape_lines(w));
        }
        crate::run(&s, &mut std::io::stdout())
    });
    match outcome {
        Ok(o) => {
            for note in &o.notes {
                eprintln!("{}", escape_lines(note));
            }
            o.exit
        }
        Err(e) => {
            eprintln!("shuangti：{}", escape_lines(&e.to_string()));
            e.exit_code()
        }
    }
}
