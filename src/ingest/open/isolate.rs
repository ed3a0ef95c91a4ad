//! Running a reader so that its panic is the file's failure, not the run's.

use std::panic::{self, AssertUnwindSafe};

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into `None`. While it runs, the panic message is not printed for this
/// thread (a library panic on a village's odd file is reported as that file's reason instead); other
/// threads' panics still reach the previous hook.
pub(super) fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let out = panic::catch_unwind(AssertUnwindSafe(f)).ok();
    QUIET.with(|q| q.set(was));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_reading_becomes_none_and_the_next_call_works() {
        assert_eq!(quietly(|| -> u8 { panic!("calamine bug") }), None);
        assert_eq!(quietly(|| 7), Some(7));
    }
}
