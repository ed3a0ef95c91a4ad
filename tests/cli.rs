//! What clap prints is Chinese: usage errors, help headings, defaults (issue 11).

mod common;
use common::*;

fn no_english(text: &str) {
    for w in [
        "error:",
        "Usage",
        "tip:",
        "For more information",
        "[default",
        "[OPTIONS]",
        "<COMMAND>",
    ] {
        assert!(!text.contains(w), "{w:?} in {text}");
    }
}

#[test]
fn mistyped_subcommand_is_told_in_chinese() {
    let ib = Inbox::new();
    let o = ib.run(&["chek", "inbox"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("没有“chek”这个命令。是不是要写“check”？"), "{e}");
    assert!(e.contains("用法：shuangti [选项] <命令>"), "{e}");
    no_english(&e);
}

#[test]
fn missing_argument_is_told_in_chinese() {
    let ib = Inbox::new();
    let o = ib.run(&["weekly", "inbox"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("缺少必填的参数：--week <日期|期数>"), "{e}");
    no_english(&e);
    let o = ib.run(&["weekly", "--week", "6"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("缺少必填的参数：<收件箱>"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn help_shows_the_default_output_folder_in_chinese() {
    let ib = Inbox::new();
    let o = ib.run(&["weekly", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    let h = stdout(&o);
    assert!(h.contains("报表输出文件夹（默认：reports）"), "{h}");
    assert!(h.contains("用法：shuangti weekly [选项]"), "{h}");
    no_english(&h);
    let o = ib.run(&[]);
    assert_eq!(o.status.code(), Some(2));
    no_english(&stderr(&o));
}
