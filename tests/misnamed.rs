//! Issue 10 point 7: a PDF or a text file named as a workbook (东庄村走访台账.xlsx) is the village's
//! ledger sent wrongly. It is on `check`'s terminal summary under the village its name names, and
//! in that village's 退回修改清单 (and no other's), with a Chinese reason and fix.

mod common;
use calamine::{open_workbook, Reader, Xlsx};
use common::*;

/// Every text of the first sheet of a feedback workbook.
fn feedback_text(ib: &Inbox, unit: &str) -> String {
    let path = ib.path("fb").join(format!("退回修改清单_{unit}.xlsx"));
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let name = wb.sheet_names()[0].clone();
    let r = wb.worksheet_range(&name).unwrap();
    r.rows()
        .flat_map(|row| row.iter().map(|c| c.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_pdf_or_text_named_xlsx_is_in_the_named_villages_feedback() {
    let ib = Inbox::new();
    ib.register();
    std::fs::write(ib.inbox().join("东庄村走访台账.xlsx"), b"%PDF-1.7\n%...").unwrap();
    std::fs::write(
        ib.inbox().join("西庄村走访台账.xlsx"),
        "村居,户主姓名,走访日期\n西庄村,张三,2021-05-10\n",
    )
    .unwrap();
    let o = ib.run(&["check", "inbox", "--feedback", "fb"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);

    // The terminal: under each village, the file and what to do.
    let section = |unit: &str| {
        let start = out
            .find(&format!("【{unit}】"))
            .unwrap_or_else(|| panic!("no section for {unit}:\n{out}"));
        let rest = &out[start + '【'.len_utf8()..];
        rest[..rest.find('【').unwrap_or(rest.len())].to_string()
    };
    let dz = section("东庄村");
    assert!(
        dz.contains("东庄村走访台账.xlsx")
            && dz.contains("这个文件其实是PDF，不是Excel表格")
            && dz.contains("请用Excel/WPS另存为.xlsx后重新发送"),
        "{dz}"
    );
    assert!(!dz.contains("西庄村走访台账.xlsx"), "{dz}");
    assert!(
        section("西庄村").contains("这个文件其实是文本，不是Excel表格"),
        "{out}"
    );
    let unread = out
        .lines()
        .find(|l| l.contains("东庄村走访台账.xlsx：无法读取。"))
        .unwrap_or_else(|| panic!("not among the files not read:\n{out}"));
    assert!(unread.contains("其实是PDF"), "{unread}");

    // The feedback lists: each village's has its own file, not the other's.
    let dz = feedback_text(&ib, "东庄村");
    assert!(
        dz.contains("东庄村走访台账.xlsx") && dz.contains("这个文件其实是PDF，不是Excel表格"),
        "{dz}"
    );
    assert!(!dz.contains("西庄村走访台账.xlsx"), "{dz}");
    let xz = feedback_text(&ib, "西庄村");
    assert!(
        xz.contains("西庄村走访台账.xlsx") && xz.contains("这个文件其实是文本"),
        "{xz}"
    );
    assert!(!xz.contains("东庄村走访台账.xlsx"), "{xz}");
    assert!(!ib.path("fb").join("退回修改清单_水泉社区.xlsx").exists());
}

/// A text file with a text file's name is no ledger sent wrongly: skipped, as before.
#[test]
fn a_text_file_named_txt_is_still_skipped() {
    let ib = Inbox::new();
    ib.register();
    std::fs::write(ib.inbox().join("东庄村说明.txt"), "本周无新情况").unwrap();
    let o = ib.run(&["check", "inbox", "--feedback", "fb"]);
    let out = stdout(&o);
    assert!(
        out.contains("东庄村说明.txt：这是文本文件，不是电子表格，已跳过"),
        "{out}"
    );
    assert!(
        !ib.path("fb").join("退回修改清单_东庄村.xlsx").exists(),
        "{out}"
    );
}
