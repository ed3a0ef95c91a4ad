//! Red-team attacks on what the inbox is read as (issue 9): a register sent from a village, reports
//! saved back into the inbox, villagers' names and phones quoted in leaders' copies.

mod common;
use common::*;

/// A visit ledger for 东庄村 with a second sheet that looks like a register and gives 东庄村 999 户.
fn village_file_with_a_register_sheet(ib: &Inbox, name: &str) {
    ib.xlsx(
        name,
        &[
            (
                "走访",
                vec![
                    row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                    row(&["东庄村", "张三", "2021-05-11", "入户"]),
                ],
            ),
            (
                "名册",
                vec![
                    row(&["名称", "类别", "户数"]),
                    vec![s("东庄村"), s("村"), n(999.0)],
                ],
            ),
        ],
    );
}

fn unit<'a>(j: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    j["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {j}"))
}

#[test]
fn a_register_sheet_in_a_village_file_changes_no_households() {
    let ib = Inbox::new();
    ib.register(); // 办公室/村居名册.xlsx: 东庄村 100 户
    village_file_with_a_register_sheet(&ib, "东庄村走访台账.xlsx");
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&ib.path("w.json"));
    assert_eq!(unit(&j, "东庄村")["households"], 100);
    assert_eq!(j["town"]["households"], 230);
    // Named as not read, and a loud error naming both files.
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "东庄村走访台账.xlsx" && f["sheet"] == "名册")
        .unwrap();
    assert_eq!(f["status"], "skipped", "{f}");
    let c = diags(&j, "register_conflict");
    assert_eq!(c.len(), 1, "{j}");
    assert_eq!(c[0]["severity"], "error");
    let m = c[0]["message"].as_str().unwrap();
    assert!(
        m.contains("东庄村走访台账.xlsx") && m.contains("办公室/村居名册.xlsx"),
        "{m}"
    );
    assert!(m.contains("东庄村户数 100 / 999"), "{m}");
}

#[test]
fn a_register_sent_by_a_village_is_not_the_register_even_without_the_office_one() {
    let ib = Inbox::new();
    village_file_with_a_register_sheet(&ib, "东庄村/名册.xlsx");
    let o = ib.run(&["check", "inbox", "--json", "c.json"]);
    assert_eq!(o.status.code(), Some(1));
    let j = json(&ib.path("c.json"));
    assert_eq!(diags(&j, "no_register").len(), 1, "{j}");
    let w = diags(&j, "register_outside_office");
    assert_eq!(w.len(), 1, "{j}");
    assert!(
        w[0]["message"].as_str().unwrap().contains("办公室"),
        "{}",
        w[0]
    );
}

#[test]
fn a_second_office_register_that_disagrees_is_an_error_naming_both_and_the_first_is_kept() {
    let ib = Inbox::new();
    ib.register(); // 办公室/村居名册.xlsx
    ib.xlsx(
        "镇提升办/村居名册（新）.xlsx",
        &[(
            "名册",
            vec![
                row(&["名称", "类别", "户数"]),
                vec![s("东庄村"), s("村"), n(146.0)],
                vec![s("南坡村"), s("村"), n(60.0)],
            ],
        )],
    );
    // (a notice needs at least one ledger besides the registers)
    ib.xlsx(
        "东庄村走访台账.xlsx",
        &[(
            "走访",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                row(&["东庄村", "张三", "2021-05-11", "入户"]),
            ],
        )],
    );
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&ib.path("w.json"));
    assert_eq!(unit(&j, "东庄村")["households"], 100);
    // A unit only the second one has is added.
    assert_eq!(unit(&j, "南坡村")["households"], 60);
    let c = diags(&j, "register_conflict");
    assert_eq!(c.len(), 1, "{j}");
    let m = c[0]["message"].as_str().unwrap();
    assert!(
        m.contains("镇提升办/村居名册（新）.xlsx") && m.contains("已采用“办公室/村居名册.xlsx”"),
        "{m}"
    );
}

/// Copies `samples/inbox` into a fresh inbox.
fn samples_inbox() -> Inbox {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            let t = to.join(p.file_name().unwrap());
            if p.is_dir() {
                copy(&p, &t);
            } else {
                std::fs::copy(&p, &t).unwrap();
            }
        }
    }
    let ib = Inbox::new();
    copy(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/inbox"),
        &ib.inbox(),
    );
    ib
}

/// The JSON's figures without `files` (which lists the reports themselves).
fn figures(path: &std::path::Path) -> serde_json::Value {
    let mut j = json(path);
    j.as_object_mut().unwrap().remove("files");
    j
}

#[test]
fn reports_saved_inside_the_inbox_are_not_read_back_as_ledgers() {
    let ib = samples_inbox();
    let weekly = [
        "weekly",
        "inbox",
        "--week",
        "6",
        "-o",
        "inbox/报表",
        "--force",
    ];
    let monthly = [
        "monthly",
        "inbox",
        "--month",
        "2021-05",
        "-o",
        "inbox/报表",
        "--force",
    ];
    let o = ib.run(&[&weekly[..], &["--json", "w1.json"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = ib.run(&[&monthly[..], &["--json", "m1.json"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The feedback lists too, saved in the inbox.
    ib.run(&["check", "inbox", "--feedback", "inbox/退回", "--force"]);
    // (into another folder: nothing already in the inbox is overwritten, not even with --force)
    let again = |args: &[&'static str]| -> Vec<&'static str> {
        args.iter()
            .map(|a| {
                if *a == "inbox/报表" {
                    "inbox/报表2"
                } else {
                    a
                }
            })
            .collect()
    };
    let o = ib.run(&[&again(&weekly)[..], &["--json", "w2.json"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = ib.run(&[&again(&monthly)[..], &["--json", "m2.json"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(figures(&ib.path("w1.json")), figures(&ib.path("w2.json")));
    assert_eq!(figures(&ib.path("m1.json")), figures(&ib.path("m2.json")));
    let j = json(&ib.path("m2.json"));
    let ours: Vec<_> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let p = f["path"].as_str().unwrap();
            p.starts_with("报表/") || p.starts_with("退回/")
        })
        .collect();
    assert!(ours.len() >= 3, "{ours:?}");
    for f in ours {
        assert_eq!(f["status"], "skipped", "{f}");
        assert!(
            f["reason"].as_str().unwrap().contains("本工具生成的报表"),
            "{f}"
        );
    }
}

#[test]
fn a_filled_in_template_is_still_read_as_a_ledger() {
    let ib = Inbox::new();
    ib.register();
    let o = ib.run(&["template", "-o", "inbox/模板"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = ib.run(&["check", "inbox", "--json", "c.json"]);
    let j = json(&ib.path("c.json"));
    let t = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "模板/走访台账.xlsx" && f["sheet"] == "走访台账")
        .unwrap_or_else(|| panic!("{}", stdout(&o)));
    assert_eq!(t["status"], "used", "{t}");
}

/// Every cell of every sheet of an xlsx, as text.
fn all_cells(path: &std::path::Path) -> Vec<String> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let mut cells = Vec::new();
    for name in wb.sheet_names() {
        let r = wb.worksheet_range(&name).unwrap();
        cells.extend(r.rows().flat_map(|row| row.iter().map(|c| c.to_string())));
    }
    cells
}

/// A dispute ledger whose clerk typed a villager's name into 纠纷类型 and phones into 化解状态 and
/// 排查日期.
fn hostile_disputes(ib: &Inbox) {
    ib.register();
    ib.xlsx(
        "东庄村矛盾纠纷台账.xlsx",
        &[(
            "台账",
            vec![
                row(&[
                    "村居",
                    "排查日期",
                    "当事人",
                    "纠纷类型",
                    "简要情况",
                    "化解状态",
                    "化解日期",
                ]),
                row(&["东庄村", "2021-05-11", "钱大宝", "赵小刀", "", "未化解", ""]),
                row(&[
                    "东庄村",
                    "2021-05-12",
                    "孙二娘",
                    "邻里",
                    "",
                    "13812345678",
                    "",
                ]),
                row(&["东庄村", "13987654321", "周三", "邻里", "", "未化解", ""]),
            ],
        )],
    );
}

const SECRETS: [&str; 3] = ["赵小刀", "13812345678", "13987654321"];

#[test]
fn a_name_or_phone_typed_into_the_wrong_column_reaches_no_leader_in_full() {
    let ib = Inbox::new();
    hostile_disputes(&ib);
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = ib.run(&[
        "monthly", "inbox", "--month", "2021-05", "-o", "out", "--json", "m.json",
    ]);
    assert_eq!(m.status.code(), Some(0), "{}", stderr(&m));
    let weekly = std::fs::read_dir(ib.path("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<Vec<_>>();
    assert_eq!(weekly.len(), 2, "{weekly:?}");
    let w = std::fs::read_to_string(ib.path("w.json")).unwrap();
    let mj = std::fs::read_to_string(ib.path("m.json")).unwrap();
    // The problems are still listed, masked.
    assert!(w.contains("纠纷类型“赵*刀”不是可选值"), "{w}");
    assert!(w.contains("138****5678"), "{w}");
    for secret in SECRETS {
        for book in &weekly {
            let cells = all_cells(book);
            assert!(
                !cells.iter().any(|c| c.contains(secret)),
                "{secret} in {book:?}: {cells:?}"
            );
        }
        assert!(!w.contains(secret), "{secret} in weekly --json");
        assert!(!mj.contains(secret), "{secret} in monthly --json");
        assert!(
            !stdout(&o).contains(secret),
            "{secret} on the weekly terminal"
        );
        assert!(
            !stdout(&m).contains(secret),
            "{secret} on the monthly terminal"
        );
    }
}

#[test]
fn the_villages_own_feedback_list_quotes_what_it_typed_in_full() {
    let ib = Inbox::new();
    hostile_disputes(&ib);
    let o = ib.run(&["check", "inbox", "--feedback", "fb", "--json", "c.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let cells = all_cells(&ib.path("fb/退回修改清单_东庄村.xlsx"));
    assert!(
        cells
            .iter()
            .any(|c| c.contains("纠纷类型“赵小刀”不是可选值")),
        "{cells:?}"
    );
    assert!(cells.iter().any(|c| c.contains("13812345678")), "{cells:?}");
    // The office's own JSON and terminal are masked like the leaders' copies.
    let c = std::fs::read_to_string(ib.path("c.json")).unwrap();
    for secret in SECRETS {
        assert!(!c.contains(secret), "{secret} in check --json");
        assert!(
            !stdout(&o).contains(secret),
            "{secret} on the check terminal"
        );
    }
}
