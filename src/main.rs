//! The `shuangti` binary: parse the command line, run, exit with the run's code.

fn main() {
    std::process::exit(shuangti::cli::run(shuangti::cli::parse()));
}
