//! Degrade, never drop: a ledger that lacks a column some figures need (a visit ledger without
//! 走访方式, a dispute ledger without 化解状态) is still read; its rows count for every figure that
//! does not need the column, the figures that need it are 无法统计 (never 0) with the reason, in the
//! JSON, the workbook and the notice's prose, no rule judges them, and one error names the column,
//! the headers the sheet has, the figures affected and the fix. A sheet that lacks a column that
//! identifies a row (户主姓名) is still refused. Week 6 = 2021-05-10 … 05-16; figures by hand beside
//! the rows.

mod common;
use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use common::*;
use serde_json::Value;

const FILE: &str = "水泉镇双提升周通报_第6期_2021-05-10至05-16.xlsx";

fn ymd(m: u32, day: u32) -> C {
    d(2021, m, day)
}

/// 东庄村's visit ledger as a new office writes it: no 走访方式 column. Households to week 6's end:
/// 张三 (twice), 李四, 赵六 (an earlier week) = 3; new in week 6: 张三, 李四 = 2; 王五 is after it.
fn methodless_visits(ib: &Inbox) {
    ib.xlsx(
        "东庄村走访台账.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "备注"]),
                vec![s("东庄村"), s("张三"), ymd(5, 10), s("")],
                vec![s("东庄村"), s("李四"), ymd(5, 11), s("不在家")],
                vec![s("东庄村"), s("张三"), ymd(5, 12), s("回访")],
                vec![s("东庄村"), s("赵六"), ymd(5, 3), s("")],
                vec![s("东庄村"), s("王五"), ymd(5, 20), s("")],
            ],
        )],
    );
}

/// 西庄村's full visit ledger: 入户 1 (钱一), 电话 1 (孙二).
fn full_visits(ib: &Inbox) {
    ib.xlsx(
        "西庄村走访台账.xlsx",
        &[(
            "走访",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                vec![s("西庄村"), s("钱一"), ymd(5, 10), s("电话")],
                vec![s("西庄村"), s("孙二"), ymd(5, 11), s("电话")],
            ],
        )],
    );
}

fn cell_text(c: &Data) -> String {
    c.as_string()
        .unwrap_or_else(|| c.as_f64().map(|x| x.to_string()).unwrap_or_default())
}

/// The rows of a workbook sheet as shown text.
fn sheet_rows(ib: &Inbox, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(ib.path("out").join(FILE)).unwrap();
    let r = wb.worksheet_range(name).unwrap();
    r.rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect()
}

fn row_of<'a>(rows: &'a [Vec<String>], first: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r.first().map(String::as_str) == Some(first))
        .unwrap_or_else(|| panic!("no row {first}"))
}

const REASON: &str = "走访方式列未识别：东庄村走访台账.xlsx › Sheet1";

#[test]
fn a_visit_ledger_without_a_method_still_counts_its_households() {
    let ib = Inbox::new();
    ib.register();
    methodless_visits(&ib);
    full_visits(&ib);
    let j = ib.weekly_json("6");

    // The rows count: 3 households to date, 2 new this week.
    let v = &unit(&j, "东庄村")["visits"];
    assert_eq!(v["households_visited"], 3);
    assert_eq!(v["new"], 2);
    // The split is unknown, not 0, and says why.
    assert_eq!(
        (v["in_person"].clone(), v["phone"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(v["unknown"]["in_person"], REASON);
    assert_eq!(v["unknown"]["phone"], REASON);
    // Another village's ledger is read as before; the town's split is unknown with the reason.
    let w = &unit(&j, "西庄村")["visits"];
    assert_eq!(
        (w["in_person"].clone(), w["phone"].clone()),
        (0.into(), 2.into())
    );
    assert!(w.get("unknown").is_none());
    let t = &j["town"]["visits"];
    assert_eq!(t["households_visited"], 5);
    assert_eq!(t["in_person"], Value::Null);
    assert_eq!(t["unknown"]["in_person"], REASON);

    // The sheet is used, its columns shown, with the note.
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "东庄村走访台账.xlsx")
        .unwrap();
    assert_eq!(f["status"], "used", "{f}");
    assert_eq!(f["rows"], 5);
    assert_eq!(f["columns"][1]["column"], "户主姓名");

    // One error: the column, the headers the sheet has, the figures affected, the fix.
    let e = diags(&j, "missing_column");
    assert_eq!(e.len(), 1, "{e:?}");
    let (m, hint) = (
        e[0]["message"].as_str().unwrap(),
        e[0]["hint"].as_str().unwrap(),
    );
    assert_eq!(
        (e[0]["file"].as_str(), e[0]["cell"].as_str()),
        (Some("东庄村走访台账.xlsx"), Some("第1行"))
    );
    assert_eq!(e[0]["severity"], "error");
    for part in [
        "“走访方式”",
        "村居、户主姓名、走访日期、备注",
        "入户走访户数",
        "电话走访户数",
    ] {
        assert!(m.contains(part), "{part} not in {m}");
    }
    assert!(
        hint.contains("[words.visit.method] aliases = [") && hint.contains("表头改为“走访方式”"),
        "{hint}"
    );

    // No rule judges the in-person base (R5 would count 0 in-person households otherwise).
    assert!(diags(&j, "R5_questionnaire_letter")
        .iter()
        .all(|d| d["unit"] != "东庄村"));

    // The workbook's 走访进度: the counted households and 无法统计, never 0, for 东庄村 and the total.
    let rows = sheet_rows(&ib, "走访进度");
    let header = rows
        .iter()
        .find(|r| r.first().map(String::as_str) == Some("单位"))
        .unwrap();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let dz = row_of(&rows, "东庄村");
    assert_eq!(dz[col("已走访户数")], "3");
    assert_eq!(dz[col("本周新增")], "2");
    assert_eq!(
        (dz[col("其中入户")].as_str(), dz[col("其中电话")].as_str()),
        ("无法统计", "无法统计")
    );
    let xz = row_of(&rows, "西庄村");
    assert_eq!(
        (xz[col("其中入户")].as_str(), xz[col("其中电话")].as_str()),
        ("0", "2")
    );
    let total = row_of(&rows, "合计");
    assert_eq!(total[col("已走访户数")], "5");
    assert_eq!(total[col("其中入户")], "无法统计");
    // The reason is under the table.
    let line = format!("东庄村：其中入户、其中电话无法统计（{REASON}）");
    assert!(rows.iter().any(|r| r.contains(&line)), "{rows:?}");

    // The notice's prose says it cannot count the split, and no 0 for it.
    let text: String = sheet_rows(&ib, "通报").concat().concat();
    assert!(text.contains("入户、电话户数无法统计"), "{text}");
    assert!(
        !text.contains("入户0户") && !text.contains("电话0户"),
        "{text}"
    );
}

/// The same ledger with its 走访方式 (all 电话, so no delivery check either) scores the same but
/// for the one error: the missing column costs 台账质量, nothing else.
#[test]
fn a_missing_method_costs_one_error_and_nothing_else() {
    let with = Inbox::new();
    with.register();
    with.xlsx(
        "东庄村走访台账.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式", "备注"]),
                vec![s("东庄村"), s("张三"), ymd(5, 10), s("电话"), s("")],
                vec![s("东庄村"), s("李四"), ymd(5, 11), s("电话"), s("不在家")],
                vec![s("东庄村"), s("张三"), ymd(5, 12), s("电话"), s("回访")],
                vec![s("东庄村"), s("赵六"), ymd(5, 3), s("电话"), s("")],
                vec![s("东庄村"), s("王五"), ymd(5, 20), s("电话"), s("")],
            ],
        )],
    );
    let without = Inbox::new();
    without.register();
    methodless_visits(&without);
    let (a, b) = (with.weekly_json("6"), without.weekly_json("6"));
    let (ua, ub) = (unit(&a, "东庄村"), unit(&b, "东庄村"));
    assert_eq!(
        ua["visits"]["households_visited"],
        ub["visits"]["households_visited"]
    );
    for part in ["weekly_report", "visits", "disputes", "slogans", "survey"] {
        assert_eq!(ua["score_parts"][part], ub["score_parts"][part], "{part}");
    }
    assert!(
        ub["score_parts"]["quality"].as_f64() < ua["score_parts"]["quality"].as_f64(),
        "{} {}",
        ua["score_parts"],
        ub["score_parts"]
    );
    let errors = |j: &Value| {
        j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error" && d["unit"] == "东庄村")
            .count()
    };
    assert_eq!(errors(&b), errors(&a) + 1);
}

/// A dispute ledger without 化解状态: disputes screened and counted; resolved and overdue 无法统计;
/// no overdue finding (the 4-01 dispute would be 45 days open if it were open).
#[test]
fn a_dispute_ledger_without_a_status_counts_its_disputes() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村矛盾纠纷.xlsx",
        &[(
            "纠纷",
            vec![
                row(&["村居", "排查日期", "当事人", "纠纷类型", "简要情况"]),
                vec![s("东庄村"), ymd(4, 1), s("甲某"), s("邻里"), s("宅前排水")],
                vec![s("东庄村"), ymd(5, 11), s("乙某"), s("婚姻家庭"), s("")],
                vec![s("东庄村"), ymd(5, 12), s("丙某"), s("合同"), s("")],
            ],
        )],
    );
    let j = ib.weekly_json("6");
    let d = &unit(&j, "东庄村")["disputes"];
    assert_eq!(
        (
            d["screened_weeks"].clone(),
            d["new"].clone(),
            d["total"].clone()
        ),
        (1.into(), 2.into(), 3.into())
    );
    for k in ["resolved", "resolved_total", "overdue"] {
        assert_eq!(d[k], Value::Null, "{k}");
        assert_eq!(
            d["unknown"][k], "化解状态列未识别：东庄村矛盾纠纷.xlsx › 纠纷",
            "{k}"
        );
    }
    assert_eq!(j["town"]["disputes"]["overdue"], Value::Null);
    assert!(diags(&j, "R6_overdue").is_empty());
    assert!(diags(&j, "R6_not_screened")
        .iter()
        .all(|d| d["unit"] != "东庄村"));
    let e = diags(&j, "missing_column");
    assert_eq!(e.len(), 1);
    let m = e[0]["message"].as_str().unwrap();
    assert!(
        m.contains("“化解状态”") && m.contains("逾期未化解数"),
        "{m}"
    );
    assert!(e[0]["hint"]
        .as_str()
        .unwrap()
        .contains("[words.dispute.status]"));

    let rows = sheet_rows(&ib, "矛盾纠纷");
    let header = rows
        .iter()
        .find(|r| r.first().map(String::as_str) == Some("单位"))
        .unwrap();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let dz = row_of(&rows, "东庄村");
    assert_eq!(
        (dz[col("本周新增")].as_str(), dz[col("累计排查")].as_str()),
        ("2", "3")
    );
    for h in ["本周化解", "累计化解", "逾期未化解"] {
        assert_eq!(dz[col(h)], "无法统计", "{h}");
    }
    let text: String = sheet_rows(&ib, "通报").concat().concat();
    assert!(!text.contains("没有超过"), "{text}");
    assert!(text.contains("化解件数无法统计"), "{text}");
}

/// Without 户主姓名 a visit means nothing: the sheet is refused, as before.
#[test]
fn a_visit_ledger_without_the_head_of_household_is_still_refused() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村走访台账.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "走访日期", "走访方式", "发放问卷", "送达公开信"]),
                vec![s("东庄村"), ymd(5, 10), s("入户"), s("是"), s("是")],
            ],
        )],
    );
    let o = ib.run(&["check", "inbox", "--json", "c.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let j = json(&ib.path("c.json"));
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "东庄村走访台账.xlsx")
        .unwrap();
    assert_eq!(f["status"], "unreadable", "{f}");
    assert_eq!(f["rows"], 0);
    let e = diags(&j, "missing_column");
    assert_eq!(e.len(), 1);
    assert!(e[0]["message"]
        .as_str()
        .unwrap()
        .contains("缺少必填列“户主姓名”"));
}

/// A household whose way of visit another ledger records counts by it; one known only from the
/// ledger without 走访方式 makes the split 无法统计.
#[test]
fn a_household_recorded_elsewhere_with_its_method_counts_by_it() {
    let ib = Inbox::new();
    ib.register();
    methodless_visits(&ib);
    ib.xlsx(
        "东庄村走访台账（补）.xlsx",
        &[(
            "走访",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                vec![s("东庄村"), s("张三"), ymd(5, 10), s("入户")],
                vec![s("东庄村"), s("李四"), ymd(5, 11), s("电话")],
                vec![s("东庄村"), s("赵六"), ymd(5, 3), s("电话")],
            ],
        )],
    );
    let j = ib.weekly_json("6");
    let v = &unit(&j, "东庄村")["visits"];
    // 张三 入户, 李四 and 赵六 电话: each recorded in the second ledger.
    assert_eq!(
        (v["in_person"].clone(), v["phone"].clone()),
        (1.into(), 2.into())
    );
    assert_eq!(v["households_visited"], 3);
    // 赵六 now only in the ledger without the method.
    ib.xlsx(
        "东庄村走访台账（补）.xlsx",
        &[(
            "走访",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                vec![s("东庄村"), s("张三"), ymd(5, 10), s("入户")],
                vec![s("东庄村"), s("李四"), ymd(5, 11), s("电话")],
            ],
        )],
    );
    let j = ib.weekly_json("6");
    let v = &unit(&j, "东庄村")["visits"];
    assert_eq!(
        (v["in_person"].clone(), v["phone"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(v["households_visited"], 3);
}

/// With nothing 无法统计 the 矛盾纠纷 sheet is laid out as before degrading existed: its list sits one
/// blank row under the table (no second blank row where the reasons would have gone).
#[test]
fn without_unknown_figures_the_dispute_list_sits_one_row_under_the_table() {
    let ib = Inbox::new();
    ib.register();
    full_visits(&ib);
    ib.weekly_json("6");
    let rows = sheet_rows(&ib, "矛盾纠纷");
    let blank = |r: &Vec<String>| r.iter().all(|c| c.is_empty());
    let gap = rows
        .iter()
        .position(blank)
        .expect("a blank row under the table");
    assert!(!blank(&rows[gap + 1]), "two blank rows at {gap}: {rows:?}");
}

/// A dispute ledger without 纠纷类型: a dispute is still a dispute (its date and parties say so), so
/// the sheet is read and every count is known; its one error names the column and what it feeds.
#[test]
fn a_dispute_ledger_without_a_type_still_counts_every_dispute() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村矛盾纠纷.xlsx",
        &[(
            "纠纷",
            vec![
                row(&["村居", "排查日期", "当事人", "化解状态", "化解日期"]),
                vec![s("东庄村"), ymd(5, 11), s("甲某"), s("已化解"), ymd(5, 12)],
                vec![s("东庄村"), ymd(5, 12), s("乙某"), s("化解中"), C::E],
            ],
        )],
    );
    let j = ib.weekly_json("6");
    let d = &unit(&j, "东庄村")["disputes"];
    assert_eq!((d["new"].clone(), d["total"].clone()), (2.into(), 2.into()));
    assert_eq!(d["resolved"], 1);
    assert!(d.get("unknown").is_none(), "{d}");
    let e = diags(&j, "missing_column");
    assert_eq!(e.len(), 1);
    let m = e[0]["message"].as_str().unwrap();
    assert!(m.contains("“纠纷类型”"), "{m}");
    assert!(e[0]["hint"]
        .as_str()
        .unwrap()
        .contains("[words.dispute.type]"));
}

/// A slogan ledger without 形式: a 村/社区's slogans count whatever their form, so they are counted;
/// a 镇直单位's count only on an electronic screen, so its shortfall is 无法统计, never judged.
#[test]
fn a_slogan_ledger_without_a_form_counts_village_slogans_and_leaves_town_units_unjudged() {
    let ib = Inbox::new();
    ib.register();
    let slogans = |unit: &str| {
        vec![
            row(&["村居", "标语内容", "悬挂日期"]),
            vec![s(unit), s("人人参与平安创建  家家共享平安成果"), ymd(4, 20)],
            vec![
                s(unit),
                s("坚决打击赌博违法犯罪  倡导健康文化娱乐活动"),
                ymd(4, 21),
            ],
            vec![s(unit), s("严厉打击盗窃犯罪  保护群众财产安全"), ymd(4, 22)],
        ]
    };
    ib.xlsx("东庄村标语台账.xlsx", &[("标语", slogans("东庄村"))]);
    ib.xlsx("镇卫生院标语台账.xlsx", &[("标语", slogans("镇卫生院"))]);
    let j = ib.weekly_json("6");
    let v = &unit(&j, "东庄村")["slogans"];
    assert_eq!(
        (v["hanging"].clone(), v["ok"].clone()),
        (3.into(), true.into())
    );
    let t = &unit(&j, "镇卫生院")["slogans"];
    assert_eq!(t["ok"], Value::Null, "{t}");
    assert_eq!(
        t["unknown"]["ok"],
        "形式列未识别：镇卫生院标语台账.xlsx › 标语"
    );
    assert!(diags(&j, "R7_slogans_short")
        .iter()
        .all(|d| d["unit"] != "镇卫生院" && d["unit"] != "东庄村"));
    assert_eq!(diags(&j, "missing_column").len(), 2);
    let rows = sheet_rows(&ib, "宣传标语");
    assert!(row_of(&rows, "镇卫生院").iter().any(|c| c == "无法统计"));
    assert!(!row_of(&rows, "东庄村").iter().any(|c| c == "无法统计"));
}

/// An activity ledger without 活动类型 is read; whether the 动员部署会 was held cannot be told from
/// it, so its absence is not an error (a ledger with the column still is).
#[test]
fn an_activity_ledger_without_a_type_does_not_report_a_missing_meeting() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村工作活动台账.xlsx",
        &[(
            "活动",
            vec![
                row(&["村居", "日期", "参加人数", "内容"]),
                vec![s("东庄村"), ymd(4, 8), n(30.0), s("召开双提升动员会")],
            ],
        )],
    );
    ib.xlsx(
        "西庄村工作活动台账.xlsx",
        &[(
            "活动",
            vec![
                row(&["村居", "日期", "活动类型", "参加人数", "内容"]),
                vec![
                    s("西庄村"),
                    ymd(4, 9),
                    s("入户宣传"),
                    n(5.0),
                    s("发放明白纸"),
                ],
            ],
        )],
    );
    let j = ib.weekly_json("6");
    let missing: Vec<&str> = diags(&j, "R2_meeting_missing")
        .iter()
        .map(|d| d["unit"].as_str().unwrap())
        .collect();
    assert!(!missing.contains(&"东庄村"), "{missing:?}");
    assert!(missing.contains(&"西庄村"), "{missing:?}");
    let e = diags(&j, "missing_column");
    assert_eq!(e.len(), 1);
    assert!(e[0]["message"].as_str().unwrap().contains("“活动类型”"));
}

/// The office's supervision log without 督查方式 is read: every check counts (as 方式不明), its
/// findings and rectification are followed as with the column.
#[test]
fn a_supervision_log_without_a_method_counts_every_check() {
    let ib = Inbox::new();
    ib.register();
    full_visits(&ib);
    ib.xlsx(
        "办公室/督查记录.xlsx",
        &[(
            "督查记录",
            vec![
                row(&[
                    "督查日期",
                    "村居",
                    "发现问题",
                    "整改要求",
                    "整改期限",
                    "整改状态",
                    "督查人",
                ]),
                vec![
                    ymd(5, 6),
                    s("东庄村"),
                    s("标语褪色"),
                    s("更换"),
                    ymd(5, 31),
                    s("整改中"),
                    s("于静"),
                ],
                vec![ymd(5, 12), s("西庄村"), C::E, C::E, C::E, C::E, s("李岩")],
            ],
        )],
    );
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-05", "-o", "out", "--json", "m.json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let j = json(&ib.path("m.json"));
    let sv = &j["supervision"];
    assert_eq!(sv["checks"], 2, "{sv}");
    assert_eq!(sv["rectification"]["open"], 1, "{sv}");
    let e = diags(&j, "missing_column");
    assert_eq!(e.len(), 1);
    assert!(e[0]["message"].as_str().unwrap().contains("“督查方式”"));
}
