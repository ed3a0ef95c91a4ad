//! Output safety (issue 9), each test named after the attack it stops, through the real binary.

mod common;
use common::*;
use std::path::Path;

/// A register holding `names` (as 村) and a visit ledger with one bad date per unit, so that each
/// unit gets a 退回修改清单.
fn inbox_with_units(names: &[&str]) -> Inbox {
    let ib = Inbox::new();
    let mut reg = vec![
        row(&["水泉镇村居名册"]),
        row(&["名称", "类别", "户数", "网格数"]),
    ];
    let mut visits = vec![row(&["村居", "户主姓名", "走访日期", "走访方式"])];
    for n in names {
        reg.push(vec![s(n), s("村"), C::N(10.0), C::N(1.0)]);
        visits.push(row(&[n, "张三", "2021-13-45", "入户"]));
    }
    ib.xlsx("办公室/村居名册.xlsx", &[("名册", reg)]);
    ib.xlsx("走访.xlsx", &[("Sheet1", visits)]);
    ib
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".shuangti"))
        .collect();
    v.sort();
    v
}

#[test]
fn unit_name_with_dot_dot_slash_cannot_write_outside_the_feedback_folder() {
    let ib = inbox_with_units(&["../../外面/村民来信", "东庄村"]);
    let o = ib.run(&["check", "inbox", "--feedback", "out/fb"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!ib.path("外面").exists());
    assert!(!ib.root().parent().unwrap().join("外面").exists());
    assert_eq!(
        files_in(&ib.path("out/fb")),
        [
            "退回修改清单_..／..／外面／村民来信.xlsx",
            "退回修改清单_东庄村.xlsx"
        ]
    );
    assert_eq!(files_in(&ib.path("out")), ["fb"]);
}

#[test]
fn unit_name_pointing_into_the_inbox_cannot_overwrite_a_ledger() {
    let ib = inbox_with_units(&["/../../inbox/东庄村走访台账"]);
    let ledger = ib.inbox().join("东庄村走访台账.xlsx");
    std::fs::write(&ledger, b"the village's own ledger").unwrap();
    let o = ib.run(&["check", "inbox", "--feedback", "fb", "--force"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read(&ledger).unwrap(), b"the village's own ledger");
    // (the "ledger" is text named .xlsx: reported too, under no unit as its name names none)
    assert_eq!(
        files_in(&ib.path("fb")),
        [
            "退回修改清单_未归属.xlsx",
            "退回修改清单_／..／..／inbox／东庄村走访台账.xlsx"
        ]
    );
}

#[test]
fn feedback_folder_inside_the_inbox_is_warned_and_never_overwritten() {
    let ib = inbox_with_units(&["东庄村"]);
    let o = ib.run(&["check", "inbox", "--feedback", "inbox/fb"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("在收件箱内"), "{}", stderr(&o));
    // The second run reads that list as an input: even --force does not replace it.
    let o = ib.run(&["check", "inbox", "--feedback", "inbox/fb", "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("在收件箱中"), "{}", stderr(&o));
}

#[test]
fn json_inside_the_inbox_cannot_replace_a_ledger_even_with_force() {
    let ib = inbox_with_units(&["东庄村"]);
    let ledger = ib.inbox().join("走访.xlsx");
    let before = std::fs::read(&ledger).unwrap();
    let o = ib.run(&["check", "inbox", "--json", "inbox/走访.xlsx", "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("在收件箱中"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&ledger).unwrap(), before);
}

#[test]
fn existing_json_is_refused_without_force_before_the_inbox_is_read() {
    let ib = weekly_fixture();
    std::fs::write(ib.path("w.json"), b"last week's").unwrap();
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("w.json 已存在") && e.contains("--force"), "{e}");
    assert_eq!(std::fs::read(ib.path("w.json")).unwrap(), b"last week's");
    // Refused before any work: no workbook was written.
    assert!(files_in(&ib.path("out")).is_empty());
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json", "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(json(&ib.path("w.json"))["units"].is_array());
    assert!(
        stdout(&o).contains("已生成 JSON 汇总：w.json"),
        "{}",
        stdout(&o)
    );
}

/// The JSON is streamed into a temp file beside its place while the workbook is built, and renamed
/// once the workbook is saved: afterwards its folder holds the JSON alone, whole, replacing last week's.
#[test]
fn streamed_json_is_put_in_place_whole_with_no_temp_file_left() {
    let ib = weekly_fixture();
    std::fs::create_dir_all(ib.path("j")).unwrap();
    std::fs::write(ib.path("j/w.json"), b"last week's").unwrap();
    for force in [false, true] {
        let mut args = vec![
            "weekly", "inbox", "--week", "6", "-o", "out", "--json", "j/w.json",
        ];
        if force {
            args.push("--force");
        }
        let o = ib.run(&args);
        assert_eq!(
            o.status.code(),
            Some(if force { 0 } else { 2 }),
            "{}",
            stderr(&o)
        );
        assert_eq!(files_in(&ib.path("j")), vec!["w.json".to_string()]);
    }
    let text = std::fs::read_to_string(ib.path("j/w.json")).unwrap();
    assert!(
        text.starts_with("{\n  \"period\": {") && text.ends_with("\n}\n"),
        "{text:.40}"
    );
    let j = json(&ib.path("j/w.json"));
    assert_eq!(j["period"]["issue"], 6);
    assert!(j["files"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn killed_run_temp_files_are_cleaned_on_the_next_run() {
    let ib = weekly_fixture();
    std::fs::create_dir_all(ib.path("out")).unwrap();
    // pid 2147483647 is above any pid_max: that run is not alive.
    let stale = ib.path("out/.水泉镇双提升周通报_第6期_2021-05-10至05-16.xlsx.2147483647.tmp");
    std::fs::write(&stale, b"half a workbook").unwrap();
    let other = ib.path("out/.notes.txt");
    std::fs::write(&other, b"keep").unwrap();
    let o = ib.run(&["weekly", "inbox", "--week", "6", "-o", "out"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stale.exists());
    assert!(other.exists());
}

#[test]
fn second_run_into_a_locked_folder_is_refused() {
    let ib = weekly_fixture();
    std::fs::create_dir_all(ib.path("out")).unwrap();
    // Another run holds the folder.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(ib.path("out/.shuangti.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let o = ib.run(&["weekly", "inbox", "--week", "6", "-o", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("另一个 shuangti 正在向 out 写入文件"),
        "{}",
        stderr(&o)
    );
    assert!(files_in(&ib.path("out")).is_empty());
    drop(lock);
    let o = ib.run(&["weekly", "inbox", "--week", "6", "-o", "out"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn escape_sequences_and_newlines_from_cells_and_file_names_are_not_printed_raw() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄\n    错误 伪造的一行.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                row(&["东庄村", "张三", "2021-05-03", "路过\x1b[2J"]),
            ],
        )],
    );
    let o = ib.run(&["check", "inbox"]);
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "{out}");
    assert!(out.contains("\\u{1b}[2J"), "{out}");
    assert!(
        !out.lines().any(|l| l.starts_with("    错误 伪造")),
        "{out}"
    );
    assert!(out.contains("东庄\\n    错误 伪造的一行.xlsx"), "{out}");
}

#[test]
fn random_bytes_csv_and_fake_xlsx_are_listed_as_skipped_with_the_reason() {
    let ib = Inbox::new();
    ib.register();
    std::fs::write(
        ib.inbox().join("乱码.xlsx"),
        [0x13u8, 0x37, 0xfe, 0x00, 0x42, 0x99, 0x10, 0x01],
    )
    .unwrap();
    std::fs::write(ib.inbox().join("走访.csv"), "村居,户主姓名\n东庄村,张三\n").unwrap();
    std::fs::write(ib.inbox().join("说明.xls"), "这不是表格").unwrap();
    for args in [
        &["check", "inbox"][..],
        &["weekly", "inbox", "--week", "6", "-o", "out"],
    ] {
        let out = stdout(&ib.run(args));
        assert!(out.contains("未读取的文件："), "{out}");
        for name in ["乱码.xlsx", "走访.csv", "说明.xls"] {
            let line = out
                .lines()
                .find(|l| l.starts_with(&format!("  {name}：")))
                .unwrap_or_else(|| panic!("{name} not listed: {out}"));
            assert!(
                line.chars().count() > name.chars().count() + 8,
                "no reason: {line}"
            );
        }
    }
}
