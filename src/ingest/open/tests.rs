use super::*;
use crate::ingest::FileStatus;

#[test]
fn a_read_past_its_time_budget_is_reported_with_the_file_name() {
    let slow = |_: &Path| -> Result<Opened, OpenFailure> {
        thread::sleep(std::time::Duration::from_secs(5));
        Err(unreadable("never"))
    };
    let t = std::time::Instant::now();
    let got = within(
        std::time::Duration::from_millis(100),
        Path::new("村/东庄村.ods"),
        slow,
    );
    assert!(t.elapsed() < std::time::Duration::from_secs(2));
    let e = got.unwrap_err();
    assert_eq!(e.status, FileStatus::Unreadable);
    assert!(
        e.reason.contains("读取“东庄村.ods”超过 0 秒"),
        "{}",
        e.reason
    );
}

#[test]
fn after_a_read_overruns_its_budget_the_next_file_gets_a_fresh_reader() {
    let slow = |_: &Path| -> Result<Opened, OpenFailure> {
        thread::sleep(std::time::Duration::from_secs(5));
        Err(unreadable("never"))
    };
    let short = std::time::Duration::from_millis(50);
    assert!(within(short, Path::new("a.ods"), slow)
        .unwrap_err()
        .reason
        .contains("秒仍未完成"));
    let quick = |p: &Path| -> Result<Opened, OpenFailure> { Err(skipped(p.display().to_string())) };
    let got = within(
        std::time::Duration::from_secs(5),
        Path::new("b.xlsx"),
        quick,
    );
    assert_eq!(got.unwrap_err().reason, "b.xlsx");
}
