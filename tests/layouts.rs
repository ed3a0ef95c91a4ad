//! Layouts other than one record per row under one header row (issue 10, point 4), in a third
//! office's style, read through the binary. Hand count of the inbox `third_office` builds (week 6 is
//! 2021-05-10 … 05-16):
//!
//! Weekly reports, label/value, one sheet per week:
//!   东庄村每周工作报告.xlsx › 第5周 / 第6周 (labels in A, values in B; 单位 label): week 6 sent
//!     05-14 10:00 → on time; 走访户数 6 (week 5: 0, no more than the ledger holds); 大喇叭宣传次数
//!     “若干” at B9 → no number.
//!   周报（西庄）.xlsx › 第6周 (no 单位 label, title 西庄村第6周工作周报; labels in B, values in D):
//!     sent 05-15 09:00 → late. 水泉社区 sends none → missing.
//! Visit ledgers, no unit column:
//!   东庄村入户走访登记.xlsx (unit only in the file name) › 一组: title + header repeated after 3
//!     rows; week-6 rows: 05-11 入户 是 是, 05-12 入户 是 否, 05-12 电话 否 否, 05-13 入户 是 是
//!     (and 04-20, an earlier week); › 二组: 05-14 入户 否 是, 05-15 电话 是 否.
//!     → 东庄村 as of week 6 (households since the campaign began): 7 households, 5 in person, 2 by
//!     phone, 5 questionnaires, 4 letters (6 visits in week 6).
//!   走访台账.xlsx (title 西庄村走访情况登记, a two-row grouped header, both repeated):
//!     05-10 入户 是 是, 05-11 入户 是 否, 05-12 电话 否 否;
//!   东庄村补充走访.xlsx whose title says 西庄村 (the title wins): 05-13 入户 是 是.
//!     → 西庄村 4 households, 3 in person, 1 by phone, 3 questionnaires, 2 letters.
//! Survey tallies:
//!   东庄村问卷统计.xlsx: questions as rows (第一题, 第2题, 6、), options as columns: Q1 知道 30 /
//!     不知道 10, Q2 是 25 / 否 15, Q6 非常安全 20 / 基本安全 15 / 不安全 5; a 3 under 是 in the
//!     第一题 row (D3) is no option of question 1 → reported there, not counted.
//!     → responses 40, 安全感率 35/40.
//!   西庄村问卷汇总.xlsx: questions merged over their options, one row per 网格: Q1 知道 12+10 /
//!     不知道 3+5, Q6 8+6 / 5+6 / 2+3; a 合计 row. → responses 30, 安全感率 25/30.
//! Questionnaire, answer columns headed 第一题 / 题2 / 3、 / 4. / (5) / Q6 / 七、 / Q8's text / the start
//!   of Q10's text: 水泉社区 3 rows, Q6 非常安全 / 基本安全 / 不安全 → 安全感率 2/3.

mod common;
use common::*;
use serde_json::Value;

fn third_office() -> Inbox {
    let ib = Inbox::new();
    ib.register();
    let report = |unit: bool, sent: C, week: &str, visits: f64, broadcasts: C| {
        let mut rows = vec![row(&["平安建设双提升工作周报"])];
        if unit {
            rows.push(row(&["单位", "东庄村"]));
        }
        rows.extend([
            vec![s("报送时间"), sent],
            row(&["所属周次", week]),
            row(&["本周工作开展情况", "入户走访，排查矛盾纠纷，张贴标语"]),
            vec![s("本周走访户数"), n(visits)],
            vec![s("排查纠纷数"), n(2.0)],
            vec![s("化解纠纷数"), n(1.0)],
            vec![s("大喇叭宣传次数"), broadcasts],
        ]);
        rows
    };
    ib.xlsx(
        "东庄村每周工作报告.xlsx",
        &[
            (
                "第5周",
                report(true, t(2021, 5, 7, 9, 0), "第5周", 0.0, n(2.0)),
            ),
            (
                "第6周",
                report(true, t(2021, 5, 14, 10, 0), "第6周", 6.0, s("若干")),
            ),
        ],
    );
    // Labels in B, values in D (C left blank), no 单位 label: the unit from the title.
    let lv = |label: &str, v: C| vec![C::E, s(label), C::E, v];
    ib.xlsx(
        "周报（西庄）.xlsx",
        &[(
            "第6周",
            vec![
                row(&["西庄村第6周工作周报"]),
                lv("报送时间：", t(2021, 5, 15, 9, 0)),
                lv("所属周次", s("第6周")),
                lv("本周工作开展情况", s("走访群众")),
                lv("本周走访户数", n(4.0)),
                lv("排查纠纷数", n(0.0)),
                lv("化解纠纷数", n(0.0)),
            ],
        )],
    );
    // Visits by 村民小组, the unit only in the file name; title and header repeated for printing.
    let vh = || {
        row(&[
            "序号",
            "户主姓名",
            "走访日期",
            "走访方式",
            "发放问卷",
            "送达公开信",
        ])
    };
    let v = |no: f64, head: &str, day: C, how: &str, q: &str, l: &str| {
        vec![n(no), s(head), day, s(how), s(q), s(l)]
    };
    ib.xlsx_merged(
        "东庄村入户走访登记.xlsx",
        &[
            (
                "一组",
                vec![
                    row(&["一组入户走访登记表"]),
                    vh(),
                    v(1.0, "张一", d(2021, 5, 11), "入户", "是", "是"),
                    v(2.0, "张二", d(2021, 5, 12), "入户", "是", "否"),
                    v(3.0, "张三", d(2021, 5, 12), "电话", "否", "否"),
                    row(&["一组入户走访登记表"]),
                    vh(),
                    v(4.0, "张四", d(2021, 5, 13), "入户", "是", "是"),
                    v(5.0, "张五", d(2021, 4, 20), "入户", "是", "是"),
                ],
            ),
            (
                "二组",
                vec![
                    vh(),
                    v(1.0, "李一", d(2021, 5, 14), "入户", "否", "是"),
                    v(2.0, "李二", d(2021, 5, 15), "电话", "是", "否"),
                ],
            ),
        ],
        &[(0, 0, 0, 0, 5), (0, 5, 0, 5, 5)],
    );
    // A two-row grouped header under a title, all repeated further down.
    let top = || row(&["户主姓名", "走访日期", "走访方式", "发放情况", ""]);
    let sub = || row(&["", "", "", "问卷", "公开信"]);
    let w =
        |head: &str, day: C, how: &str, q: &str, l: &str| vec![s(head), day, s(how), s(q), s(l)];
    let mut merges = Vec::new();
    for r in [0u32, 4] {
        merges.push((0, r, 0, r, 4));
        for c in 0..3u16 {
            merges.push((0, r + 1, c, r + 2, c));
        }
        merges.push((0, r + 1, 3, r + 1, 4));
    }
    ib.xlsx_merged(
        "走访台账.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["西庄村走访情况登记"]),
                top(),
                sub(),
                w("王一", d(2021, 5, 10), "入户", "是", "是"),
                row(&["西庄村走访情况登记"]),
                top(),
                sub(),
                w("王二", d(2021, 5, 11), "入户", "是", "否"),
                w("王三", d(2021, 5, 12), "电话", "否", "否"),
            ],
        )],
        &merges,
    );
    ib.xlsx(
        "东庄村补充走访.xlsx",
        &[(
            "补录",
            vec![
                row(&["西庄村走访登记（补录）"]),
                row(&["户主姓名", "走访日期", "走访方式", "发放问卷", "送达公开信"]),
                w("赵一", d(2021, 5, 13), "入户", "是", "是"),
            ],
        )],
    );
    // Tally: questions as rows, options as columns.
    let e = C::E;
    ib.xlsx(
        "东庄村问卷统计.xlsx",
        &[(
            "统计",
            vec![
                row(&[
                    "题目",
                    "知道",
                    "不知道",
                    "是",
                    "否",
                    "非常安全",
                    "基本安全",
                    "不安全",
                ]),
                vec![s("第一题"), n(30.0), n(10.0), n(3.0)],
                vec![s("第2题"), e.clone(), e.clone(), n(25.0), n(15.0)],
                vec![
                    s("6、"),
                    e.clone(),
                    e.clone(),
                    e.clone(),
                    e.clone(),
                    n(20.0),
                    n(15.0),
                    n(5.0),
                ],
            ],
        )],
    );
    // Tally: questions merged over their options, one row per 网格.
    let g = |name: &str, xs: [f64; 5]| {
        let mut r = vec![s(name)];
        r.extend(xs.iter().map(|&x| n(x)));
        r
    };
    ib.xlsx_merged(
        "西庄村问卷汇总.xlsx",
        &[(
            "汇总",
            vec![
                row(&["西庄村问卷调查统计表"]),
                row(&["网格", "第1题", "", "第6题", "", ""]),
                row(&["", "知道", "不知道", "非常安全", "基本安全", "不安全"]),
                g("一网格", [12.0, 3.0, 8.0, 5.0, 2.0]),
                g("二网格", [10.0, 5.0, 6.0, 6.0, 3.0]),
                g("合计", [22.0, 8.0, 14.0, 11.0, 5.0]),
            ],
        )],
        &[
            (0, 0, 0, 0, 5),
            (0, 1, 0, 2, 0),
            (0, 1, 1, 1, 2),
            (0, 1, 3, 1, 5),
        ],
    );
    // Questionnaire: answer columns headed by the question's number in any form or its text.
    let mut head = row(&[
        "村居",
        "性别",
        "第一题",
        "题2",
        "3、",
        "4.",
        "(5)",
        "Q6",
        "七、",
    ]);
    head.push(s("您居住地方或周边出现矛盾纠纷时是否有人来调处？"));
    head.push(s("您知道当地有社会治安综合"));
    let a = |xs: [&str; 9]| {
        let mut r = vec![s("水泉社区"), s("男")];
        r.extend(xs.iter().map(|x| s(x)));
        r
    };
    ib.xlsx(
        "水泉社区问卷录入.xlsx",
        &[(
            "问卷",
            vec![
                head,
                a([
                    "知道",
                    "是",
                    "非常重视",
                    "非常满意",
                    "比去年好",
                    "非常安全",
                    "是",
                    "是",
                    "知道",
                ]),
                a([
                    "知道",
                    "否",
                    "一般重视",
                    "基本满意",
                    "和去年一样",
                    "基本安全",
                    "是",
                    "否",
                    "不知道",
                ]),
                a([
                    "不知道",
                    "否",
                    "不重视",
                    "不满意",
                    "比去年差",
                    "不安全",
                    "否",
                    "否",
                    "不知道",
                ]),
            ],
        )],
    );
    ib
}

fn messages(j: &Value, code: &str) -> Vec<String> {
    j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_third_offices_layouts_give_the_hand_counted_figures() {
    let ib = third_office();
    let j = ib.weekly_json("6");
    let v = |u: &str, k: &str| unit(&j, u)["visits"][k].clone();
    for (u, nums) in [("东庄村", [7, 5, 2, 5, 4]), ("西庄村", [4, 3, 1, 3, 2])] {
        let keys = [
            "households_visited",
            "in_person",
            "phone",
            "questionnaires",
            "letters",
        ];
        for (k, want) in keys.iter().zip(nums) {
            assert_eq!(v(u, k), want, "{u} visits.{k}");
        }
    }
    let wr = |u: &str| unit(&j, u)["weekly_report"]["status"].clone();
    assert_eq!(wr("东庄村"), "on_time");
    assert_eq!(wr("西庄村"), "late");
    assert_eq!(wr("水泉社区"), "missing");
    let sv = |u: &str| unit(&j, u)["survey"].clone();
    assert_eq!(sv("东庄村")["responses"], 40);
    assert_eq!(sv("东庄村")["rates"]["security"]["base"], 40);
    assert_eq!(sv("东庄村")["rates"]["security"]["positive"], 35);
    assert_eq!(sv("西庄村")["responses"], 30);
    assert_eq!(sv("西庄村")["rates"]["security"]["base"], 30);
    assert_eq!(sv("西庄村")["rates"]["security"]["positive"], 25);
    assert_eq!(sv("水泉社区")["responses"], 3);
    assert_eq!(sv("水泉社区")["rates"]["security"]["base"], 3);
    assert_eq!(sv("水泉社区")["rates"]["security"]["positive"], 2);
}

/// The planted problems, each at its cell, and nothing else; the repeated header and title rows
/// raise nothing.
#[test]
fn a_third_offices_layouts_raise_the_planted_problems_at_their_cells() {
    let ib = third_office();
    let j = ib.check_json(None).1;
    let p = |code: &str, file: &str, sheet: &str, cell: &str| {
        (
            code.to_string(),
            file.to_string(),
            sheet.to_string(),
            cell.to_string(),
        )
    };
    assert_eq!(
        problems(&j),
        [
            p("bad_number", "东庄村每周工作报告.xlsx", "第6周", "B9"),
            p("bad_tally_option", "东庄村问卷统计.xlsx", "统计", "D2"),
        ]
    );
    assert!(
        messages(&j, "bad_tally_option")[0].contains("选项“是”不是第1题的选项"),
        "{:?}",
        messages(&j, "bad_tally_option")
    );
}

/// A ledger without a unit column is counted for the unit its title names, else its sheet name,
/// else its file name, and its 数据来源 line (`files[].reason`) says which; a title naming one unit wins over a file name naming
/// another.
#[test]
fn the_unit_of_a_sheet_without_a_unit_column_is_said_in_a_note() {
    let ib = third_office();
    let j = ib.check_json(None).1;
    let files = j["files"].as_array().unwrap();
    let entry = |p: &str, sheet: &str| {
        files
            .iter()
            .find(|f| f["path"] == p && f["sheet"] == sheet)
            .unwrap_or_else(|| panic!("{p} › {sheet}"))
    };
    let note = |p: &str, sheet: &str| entry(p, sheet)["reason"].as_str().unwrap().to_string();
    assert_eq!(
        note("东庄村入户走访登记.xlsx", "一组"),
        "表中没有“村居”列，各行按文件名中的“东庄村”计入"
    );
    assert_eq!(
        note("走访台账.xlsx", "Sheet1"),
        "表中没有“村居”列，各行按标题中的“西庄村”计入"
    );
    assert_eq!(
        note("东庄村补充走访.xlsx", "补录"),
        "表中没有“村居”列，各行按标题中的“西庄村”计入（文件名中的“东庄村”未采用：以标题为准）"
    );
    assert_eq!(
        entry("东庄村补充走访.xlsx", "补录")["units"],
        serde_json::json!(["西庄村"])
    );
    // Both print pages of 一组 are read: 5 rows, the repeated title and header skipped.
    assert_eq!(entry("东庄村入户走访登记.xlsx", "一组")["rows"], 5);
    assert_eq!(entry("走访台账.xlsx", "Sheet1")["rows"], 3);
    assert_eq!(
        entry("东庄村每周工作报告.xlsx", "第5周")["kind"],
        "weekly_report"
    );
    assert_eq!(
        entry("周报（西庄）.xlsx", "第6周")["units"],
        serde_json::json!(["西庄村"])
    );
    assert_eq!(entry("西庄村问卷汇总.xlsx", "汇总")["kind"], "survey_tally");
    assert_eq!(entry("西庄村问卷汇总.xlsx", "汇总")["rows"], 10);
}

/// A tally with options as rows and questions as columns, and a long-form tally whose 题号 cell is
/// merged down over its option rows: Q1 知道 7 / 不知道 3 (transposed, 东庄村) and Q6 非常安全 6 /
/// 基本安全 2 / 不安全 2 (merged, 西庄村).
#[test]
fn transposed_and_merged_tallies_are_counted() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村问卷统计.xlsx",
        &[(
            "统计",
            vec![
                row(&["选项", "第1题", "第6题"]),
                vec![s("知道"), n(7.0)],
                vec![s("不知道"), n(3.0)],
                vec![s("非常安全"), C::E, n(5.0)],
                vec![s("基本安全"), C::E, n(4.0)],
                vec![s("不安全"), C::E, n(1.0)],
            ],
        )],
    );
    ib.xlsx_merged(
        "西庄村问卷汇总.xlsx",
        &[(
            "汇总",
            vec![
                row(&["题号", "选项", "人数"]),
                vec![s("第六题"), s("非常安全"), n(6.0)],
                vec![C::E, s("基本安全"), n(2.0)],
                vec![C::E, s("不安全"), n(2.0)],
            ],
        )],
        &[(0, 1, 0, 3, 0)],
    );
    let j = ib.weekly_json("6");
    let sv = |u: &str| unit(&j, u)["survey"].clone();
    assert_eq!(sv("东庄村")["responses"], 10);
    assert_eq!(sv("东庄村")["rates"]["security"]["positive"], 9);
    assert_eq!(sv("西庄村")["responses"], 10);
    assert_eq!(sv("西庄村")["rates"]["security"]["positive"], 8);
    let c = ib.check_json(None).1;
    assert_eq!(problems(&c), []);
}

/// A visit ledger without a 村民小组 column kept as one sheet per group (一组, 二组): the sheet name is
/// the group, so 一组's 张三 and 二组's 张三 are two households; a ledger kept as one sheet per week
/// (第5周, 第6周) is not, so the 张三 visited in both weeks is one household. By hand, as of week 6:
/// 东庄村 3 households (张三/一组, 张三/二组, 李四), 西庄村 2 (张三, 王五).
#[test]
fn group_sheets_without_a_group_column_keep_their_households_apart() {
    let ib = Inbox::new();
    ib.register();
    let head = || row(&["户主姓名", "走访日期", "走访方式"]);
    let visit = |name: &str, day: u32| vec![s(name), d(2021, 5, day), s("入户")];
    ib.xlsx(
        "东庄村走访台账.xlsx",
        &[
            ("一组", vec![head(), visit("张三", 11), visit("李四", 12)]),
            ("二组", vec![head(), visit("张三", 13)]),
        ],
    );
    ib.xlsx(
        "西庄村走访台账.xlsx",
        &[
            ("第5周", vec![head(), visit("张三", 4)]),
            ("第6周", vec![head(), visit("张三", 11), visit("王五", 12)]),
        ],
    );
    let j = ib.weekly_json("6");
    let hh = |name: &str| unit(&j, name)["visits"]["households_visited"].clone();
    assert_eq!(hh("东庄村"), 3);
    assert_eq!(hh("西庄村"), 2);
}
