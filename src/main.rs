//! The `shuangti` binary: parse the command line, run, exit with the run's code.

/// mimalloc instead of the system allocator: a district's million rows are read as millions of
/// small cells and texts on two threads, which glibc's per-thread arenas keep as fragmented memory
/// long after it is freed (peak RSS about twice the live heap); mimalloc returns it and is faster
/// at small allocations.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(shuangti::cli::run(shuangti::cli::parse()));
}
