//! The `shuangti` binary: parse the command line, run, map the outcome to an exit code.

use clap::FromArgMatches;

fn main() {
    let parsed = shuangti::cli::command()
        .try_get_matches()
        .and_then(|m| shuangti::cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // A usage error: say so in Chinese, keep clap's precise detail, exit 2.
            eprintln!("shuangti：命令行有误（用 shuangti --help 查看用法）\n{e}");
            std::process::exit(shuangti::cli::EXIT_USAGE);
        }
        Err(e) => e.exit(), // --help, --version
    };
    std::process::exit(shuangti::cli::run(cli));
}
