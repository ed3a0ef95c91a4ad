//! Mutated samples and fixtures through the whole reading pipeline: no abort, no hang, every file
//! used or listed with a reason (see tests/fuzz/mod.rs). This is the short, deterministic version;
//! `cargo run --release --example fuzz -- SECONDS [SEED]` runs the same for as long as asked.

mod fuzz;

#[test]
fn mutated_samples_and_fixtures_end_used_or_listed_in_bounded_time() {
    let mut total = fuzz::Tally::default();
    for seed in [1u64, 2, 3] {
        let t = fuzz::campaign(seed, 40, None, None);
        total.runs += t.runs;
        total.used += t.used;
        total.unreadable += t.unreadable;
        total.panics += t.panics;
        total.timeouts += t.timeouts;
    }
    assert_eq!(total.runs, 120);
    // The mutations reach both outcomes (a fuzz that only makes unreadable files tests little).
    assert!(total.used > 0 && total.unreadable > 0, "{total:?}");
    assert_eq!(total.panics, 0, "{total:?}");
    assert_eq!(total.timeouts, 0, "{total:?}");
}
