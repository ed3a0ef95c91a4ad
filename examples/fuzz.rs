//! The long-running mutation fuzz (the same harness as tests/hostile_fuzz.rs):
//!
//!     nice -n 19 cargo run --release --example fuzz -- SECONDS [SEED] [FINDINGS_DIR]
//!
//! (or `SHUANGTI_FUZZ_SECS=1800`). Prints the tally; inputs that panicked our code or took over 2 s
//! are saved in FINDINGS_DIR (default target/fuzz-findings), and the input being read is always in
//! `current.*` there, so a run that aborts leaves it behind.

#[path = "../tests/fuzz/mod.rs"]
mod fuzz;

use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let secs: u64 = args
        .get(1)
        .cloned()
        .or_else(|| std::env::var("SHUANGTI_FUZZ_SECS").ok())
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    let keep = std::path::PathBuf::from(
        args.get(3)
            .cloned()
            .unwrap_or_else(|| "target/fuzz-findings".into()),
    );
    std::fs::create_dir_all(&keep).unwrap();
    let until = Instant::now() + Duration::from_secs(secs);
    let t = fuzz::campaign(seed, u64::MAX, Some(until), Some(&keep));
    println!(
        "seed {seed}: {} runs, {} used, {} unreadable, {} other, {} panics in our code, {} library panics caught, {} timeouts, slowest {:?}",
        t.runs, t.used, t.unreadable, t.other, t.panics, t.library_panics, t.timeouts, t.slowest
    );
}
