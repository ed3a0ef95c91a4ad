//! `shuangti check` end to end: inboxes built in code, the real binary, exact diagnostics.

mod common;
use common::*;

#[test]
fn visit_log_with_title_row_and_errors_is_located_exactly() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村走访台账.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["东庄村“双提升”走访台账"]),
                row(&[]),
                row(&[
                    "村居",
                    "村民小组",
                    "户主姓名",
                    "走访日期",
                    "走访方式",
                    "发放问卷",
                    "送达公开信",
                ]),
                vec![
                    s("东庄村"),
                    s("一组"),
                    s("张三"),
                    d(2021, 4, 12),
                    s("入户"),
                    s("是"),
                    s("是"),
                ],
                vec![
                    s("东庄村"),
                    s("一组"),
                    s("李四"),
                    s("2021-13-45"),
                    s("入户"),
                    s("是"),
                    s("是"),
                ],
                vec![
                    s("西装村"),
                    s("二组"),
                    s("王五"),
                    d(2021, 4, 13),
                    s("电话"),
                    s("否"),
                    s("否"),
                ],
            ],
        )],
    );
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("out.json"));
    let places = diag_places(&j);
    assert!(
        places.contains(&(
            "bad_date".into(),
            "东庄村走访台账.xlsx".into(),
            "Sheet1".into(),
            "D5".into()
        )),
        "{places:?}"
    );
    assert!(
        places.contains(&(
            "unknown_unit".into(),
            "东庄村走访台账.xlsx".into(),
            "Sheet1".into(),
            "A6".into()
        )),
        "{places:?}"
    );
    let out = stdout(&o);
    assert!(out.contains("是不是“西庄村”"), "{out}");
}
