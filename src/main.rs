//! The `shuangti` binary: parse the command line, run, map the outcome to an exit code.

use clap::Parser;

fn main() {
    let cli = shuangti::cli::Cli::parse();
    std::process::exit(shuangti::app::run(cli));
}
