//! The `shuangti` binary: parse the command line, run, exit with the run's code.

/// mimalloc instead of the system allocator: a district's million rows are read as millions of
/// small cells and texts on two threads, which glibc's per-thread arenas keep as fragmented memory
/// long after it is freed (peak RSS about twice the live heap); mimalloc returns it and is faster
/// at small allocations.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e`, `mimalloc.h`, v2 and v3 alike;
/// `libmimalloc-sys` names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory freed is given back to the system after this many milliseconds unused (mimalloc's own
/// default is 1000): the reading threads' garbage is freed while the tail runs, which is shorter
/// than a second on a district, and was held through the run's peak (−40 MiB there, CPU unchanged
/// on the district inbox; 0 — purge at once — costs 15 % CPU in page faults).
const PURGE_DELAY_MS: std::ffi::c_long = 100;

fn main() {
    // SAFETY: an option of the allocator set by its documented setter, before any thread starts.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    std::process::exit(shuangti::cli::run(shuangti::cli::parse()));
}
