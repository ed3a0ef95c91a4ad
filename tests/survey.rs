//! Survey rates end to end (SPEC §6), on the committed fixtures in tests/fixtures/survey/ (made by
//! make.py there, saved by LibreOffice as .xls and .ods too). Every figure below is worked out by hand.
//!
//! 问卷.xlsx (东庄村, one row per questionnaire; week 6 ends 2021-05-16):
//!   row 3  text answers           Q1 知道  Q2 是  Q3 非常重视 Q4 非常满意 Q5 比去年好 Q6 非常安全 Q7 是 Q8 是
//!                                 Q9 刑事犯罪 Q10 知道 Q11 了解 Q12 知道 Q13 非常满意 Q14 非常满意   男 18-25
//!   row 4  undated, numbers       1=知道 2=否 2=一般重视 2=基本满意 1=和去年一样 2=基本安全 1=是 2=否
//!                                 2=交通事故 1=知道 2=不了解 1=知道 2=基本满意 4=不了解         女 60
//!   row 5  all negative           不知道 否 不重视 不满意 比去年差 不安全 否 否 没有影响 不知道 不了解 不知道
//!                                 不满意 不满意                                              女 26至35
//!   row 6  dated 2021-05-20: after the week, left out (all positive)
//!   row 7  letters etc.           A=知道 是 b=一般重视 基本满意 和去年一样 基本安全 是 是 其他治安问题（偷电动车）
//!                                 知道 了解 知道 不了解 基本满意                              男 56岁以上
//!   row 8  invalid E8 不清楚, F8 3, H8 满意, Q8 5; Q8 (第8题) blank; 年龄 中年 (unknown)
//!          valid: Q3 非常重视 Q5 比去年好 Q6 非常安全 Q7 是 Q9 刑事犯罪 Q10 知道 Q11 了解 Q12 知道 Q14 非常满意  男
//!   row 9  no answer at all: reported, not counted
//! → 东庄村 responses 5 (rows 3,4,5,7,8).
//!
//! 问卷汇总.xlsx (西庄村, tally layout): Q1 知道 30 / 不知道 10; 第2题 1(=是) 25 / 否 15; Q6 非常安全 20 /
//! 基本安全 15 / 3(=不安全) 7; Q13 非常满意 10 / 基本满意 10 / 不满意 5 / 不了解 15; row 14 “14, 满意” is no
//! option (C14); row 15 “20” is no question (B15); a 合计 line; Q9 刑事犯罪 12 / 交通事故 20.
//! → 西庄村 responses = largest per-question total = max(40, 40, 42, 40, 32) = 42.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/survey");

/// An inbox with the register and the two fixture files in `format` (xlsx, xls or ods).
fn inbox(format: &str) -> Inbox {
    let ib = Inbox::new();
    ib.register();
    let dir = if format == "xlsx" {
        FIXTURES.to_string()
    } else {
        format!("{FIXTURES}/{format}")
    };
    for name in ["问卷", "问卷汇总"] {
        let f = format!("{name}.{format}");
        std::fs::copy(Path::new(&dir).join(&f), ib.inbox().join(&f)).unwrap();
    }
    ib
}

fn weekly(ib: &Inbox, extra: &[&str]) -> Value {
    let mut args = vec![
        "weekly", "inbox", "--week", "6", "--json", "w.json", "-o", "out",
    ];
    args.extend_from_slice(extra);
    let o = ib.run(&args);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    json(&ib.path("w.json"))
}

/// Asserts a rate's value (to 1e-9; None = null), base and positives.
fn rate(s: &Value, key: &str, value: Option<f64>, base: u64, positive: u64) {
    let r = &s["rates"][key];
    assert_eq!(r["base"], base, "{key} base: {r}");
    assert_eq!(r["positive"], positive, "{key} positive: {r}");
    match value {
        None => assert!(r["value"].is_null(), "{key}: {r}"),
        Some(v) => {
            let got = r["value"].as_f64().unwrap_or_else(|| panic!("{key}: {r}"));
            assert!((got - v).abs() < 1e-9, "{key}: {got} != {v}");
        }
    }
}

fn index(s: &Value, key: &str) -> Option<f64> {
    s["rates"][key]["index"].as_f64()
}

fn check_hand_computed(j: &Value) {
    let dz = &unit(j, "东庄村")["survey"];
    assert_eq!(dz["responses"], 5);
    // Q1: 知道 rows 3,4,7; 不知道 row 5; row 8 invalid → 3/4.
    rate(dz, "pingan_awareness", Some(0.75), 4, 3);
    // Q2: 是 rows 3,7; 否 rows 4,5; row 8 invalid (3) → 2/4.
    rate(dz, "participation", Some(0.5), 4, 2);
    // Q3: 非常重视 3,8; 一般重视 4,7; 不重视 5 → 4/5.
    rate(dz, "leadership_attention", Some(0.8), 5, 4);
    // Q4: 非常满意 3; 基本满意 4,7; 不满意 5; row 8 invalid → 3/4.
    rate(dz, "public_order_satisfaction", Some(0.75), 4, 3);
    // Q5: 比去年好 3,8 of 5 → 0.4.
    rate(dz, "improvement", Some(0.4), 5, 2);
    // Q6: 非常安全 3,8; 基本安全 4,7; 不安全 5 → 4/5; index (100+80+0+80+100)/5 = 72.
    rate(dz, "security", Some(0.8), 5, 4);
    assert_eq!(index(dz, "security"), Some(72.0));
    // Q7: 是 3,4,7,8 → 4/5.  Q8: 是 3,7; 否 4,5; row 8 blank → 2/4.
    rate(dz, "police_seen", Some(0.8), 5, 4);
    rate(dz, "mediation", Some(0.5), 4, 2);
    // Q10 知道 3,4,7,8 → 4/5; Q11 了解 3,7,8 → 3/5; Q12 知道 3,4,7,8 → 4/5.
    rate(dz, "center_awareness", Some(0.8), 5, 4);
    rate(dz, "center_services", Some(0.6), 5, 3);
    rate(dz, "anti_gang_awareness", Some(0.8), 5, 4);
    // Q13: 非常满意 3, 基本满意 4, 不满意 5, 不了解 7 (out of the base), row 8 invalid → 2/3;
    // index (100+80+0)/3 = 60.
    rate(dz, "anti_gang_satisfaction", Some(2.0 / 3.0), 3, 2);
    assert_eq!(index(dz, "anti_gang_satisfaction"), Some(60.0));
    // Q14: 非常满意 3,8; 基本满意 7; 不满意 5; 不了解 4 (out) → 3/4; index (100+80+0+100)/4 = 70.
    rate(dz, "legal_satisfaction", Some(0.75), 4, 3);
    assert_eq!(index(dz, "legal_satisfaction"), Some(70.0));
    // Every base is below survey_min_base = 30: 样本不足.
    assert_eq!(dz["rates"]["security"]["small_sample"], true);
    // Q9 ranked: 刑事犯罪 2 (3, 8), then 1 each in questionnaire order, then the zeros.
    let ranked: Vec<(String, u64)> = dz["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["option"].as_str().unwrap().to_string(),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("刑事犯罪", 2),
        ("交通事故", 1),
        ("没有影响", 1),
        ("其他治安问题", 1),
        ("火灾", 0),
        ("公共秩序混乱", 0),
    ];
    assert_eq!(
        ranked,
        want.iter()
            .map(|(o, c)| (o.to_string(), *c))
            .collect::<Vec<_>>()
    );

    let xz = &unit(j, "西庄村")["survey"];
    assert_eq!(xz["responses"], 42);
    // Q1 30/40 (the 合计 line is not counted); Q2 25/(25+15).
    rate(xz, "pingan_awareness", Some(0.75), 40, 30);
    rate(xz, "participation", Some(25.0 / 40.0), 40, 25);
    // Q6 (20+15)/42; index (20·100 + 15·80 + 7·0)/42 = 3200/42 = 76.19 → 76.2.
    rate(xz, "security", Some(35.0 / 42.0), 42, 35);
    assert_eq!(index(xz, "security"), Some(76.2));
    assert_eq!(xz["rates"]["security"]["small_sample"], false);
    // Q13: 不了解 15 out of the base → (10+10)/25; index (1000+800)/25 = 72.
    rate(xz, "anti_gang_satisfaction", Some(0.8), 25, 20);
    assert_eq!(index(xz, "anti_gang_satisfaction"), Some(72.0));
    // Q14's only row (满意) is no option: nothing counted.
    rate(xz, "legal_satisfaction", None, 0, 0);
    rate(xz, "center_awareness", None, 0, 0);

    let town = &j["town"]["survey"];
    assert_eq!(town["responses"], 47); // 5 + 42
    rate(town, "pingan_awareness", Some(33.0 / 44.0), 44, 33);
    rate(town, "participation", Some(27.0 / 44.0), 44, 27);
    // Q6 (4+35)/(5+42); index (360 + 3200)/47 = 75.74 → 75.7.
    rate(town, "security", Some(39.0 / 47.0), 47, 39);
    assert_eq!(index(town, "security"), Some(75.7));
    // Q13 (2+20)/(3+25); index (180+1800)/28 = 70.71 → 70.7.
    rate(town, "anti_gang_satisfaction", Some(22.0 / 28.0), 28, 22);
    assert_eq!(index(town, "anti_gang_satisfaction"), Some(70.7));
    rate(town, "legal_satisfaction", Some(0.75), 4, 3);
    // Q9 for the town: 交通事故 1+20 = 21, 刑事犯罪 2+12 = 14.
    assert_eq!(town["ranked"][0]["option"], "交通事故");
    assert_eq!(town["ranked"][0]["count"], 21);
    assert_eq!(town["ranked"][1]["option"], "刑事犯罪");
    assert_eq!(town["ranked"][1]["count"], 14);
    // Weak points first, in the plan's order.
    let keys: Vec<&String> = town["rates"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys[..4],
        [
            "center_awareness",
            "participation",
            "anti_gang_awareness",
            "anti_gang_satisfaction"
        ]
    );

    // Breakdown (questionnaire rows only): 男 rows 3,7,8 — 安全感 3/3; 女 rows 4,5 — 1/2.
    let b = &town["breakdown"];
    let group = |list: &str, g: &str| -> Value {
        b[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["group"] == g)
            .cloned()
            .unwrap_or_else(|| panic!("no {list} group {g}: {b}"))
    };
    let men = group("gender", "男");
    assert_eq!(men["responses"], 3);
    rate(&men, "security", Some(1.0), 3, 3);
    let women = group("gender", "女");
    assert_eq!(women["responses"], 2);
    rate(&women, "security", Some(0.5), 2, 1);
    // Ages: 18-25 row 3; 56以上 rows 4 (“60”) and 7 (“56岁以上”); 26-35 row 5 (“26至35”); 中年 unknown.
    assert_eq!(group("age", "18-25")["responses"], 1);
    let old = group("age", "56以上");
    assert_eq!(old["responses"], 2);
    rate(&old, "security", Some(1.0), 2, 2);
    assert_eq!(group("age", "26-35")["responses"], 1);
    assert_eq!(group("age", "无法识别")["responses"], 1);
    assert_eq!(group("age", "未填")["responses"], 0);
    assert_eq!(group("age", "36-45")["responses"], 0); // row 6 is after the week
}

fn survey_diags(j: &Value) -> Vec<(String, String, String)> {
    diag_places(j)
        .into_iter()
        .filter(|(_, f, _, _)| f.starts_with("问卷"))
        .map(|(c, f, _, cell)| (c, f, cell))
        .collect()
}

fn expected_diags(ext: &str) -> Vec<(String, String, String)> {
    let s = format!("问卷.{ext}");
    let t = format!("问卷汇总.{ext}");
    let mut v: Vec<(String, String, String)> = [
        ("bad_age", &s, "D8"),
        ("bad_answer", &s, "E8"),
        ("bad_answer", &s, "F8"),
        ("bad_answer", &s, "H8"),
        ("bad_answer", &s, "Q8"),
        ("empty_questionnaire", &s, "E9"),
        // Q8 left blank: out of the base, and said at its cell (SPEC §6; an info, costs nothing).
        ("blank_answer", &s, "L8"),
        ("bad_tally_option", &t, "C14"),
        ("bad_tally_question", &t, "B15"),
    ]
    .iter()
    .map(|(c, f, cell)| (c.to_string(), f.to_string(), cell.to_string()))
    .collect();
    v.sort();
    v
}

#[test]
fn rates_by_hand_both_layouts_xlsx() {
    let j = weekly(&inbox("xlsx"), &[]);
    check_hand_computed(&j);
}

#[test]
fn invalid_answers_reported_at_their_cells() {
    let j = weekly(&inbox("xlsx"), &[]);
    assert_eq!(survey_diags(&j), expected_diags("xlsx"));
    let msg = |code: &str| -> String {
        j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .map(|d| d["message"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert!(
        msg("bad_tally_option").contains("满意"),
        "{}",
        msg("bad_tally_option")
    );
    assert!(msg("bad_tally_option").contains("第14题"));
    assert!(msg("empty_questionnaire").contains("没有任何有效答案"));
    // Tally problems belong to their unit.
    let d = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "bad_tally_question")
        .unwrap();
    assert_eq!(d["unit"], "西庄村");
}

#[test]
fn libreoffice_xls_and_ods_give_the_same_rates() {
    let want = weekly(&inbox("xlsx"), &[]);
    for ext in ["xls", "ods"] {
        let j = weekly(&inbox(ext), &[]);
        check_hand_computed(&j);
        assert_eq!(j["town"]["survey"], want["town"]["survey"], "{ext}");
        for name in ["东庄村", "西庄村"] {
            assert_eq!(
                unit(&j, name)["survey"],
                unit(&want, name)["survey"],
                "{ext} {name}"
            );
        }
        assert_eq!(survey_diags(&j), expected_diags(ext), "{ext}");
    }
}

#[test]
fn later_weeks_count_the_later_row() {
    // Week 7 (to 2021-05-23) takes in row 6 (2021-05-20, all positive): Q1 4/5, Q6 5/6.
    let ib = inbox("xlsx");
    let o = ib.run(&[
        "weekly", "inbox", "--week", "7", "--json", "w7.json", "-o", "out",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let j = json(&ib.path("w7.json"));
    let dz = &unit(&j, "东庄村")["survey"];
    assert_eq!(dz["responses"], 6);
    rate(dz, "pingan_awareness", Some(0.8), 5, 4);
    rate(dz, "security", Some(5.0 / 6.0), 6, 5);
}

/// The questionnaire lives in the plan: other positive options, excluded options and weights change
/// the figures with no code change.
#[test]
fn a_modified_plan_changes_the_figures() {
    let ib = inbox("xlsx");
    let plan = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/plan.toml"))
        .unwrap();
    let swap = |text: String, from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    };
    // 安全感: only 非常安全 is positive; 基本安全 weighs 60.
    let plan = swap(
        plan,
        "positive = [\"非常安全\", \"基本安全\"]\nheadline = true\nweights = { \"非常安全\" = 100, \"基本安全\" = 80, \"不安全\" = 0 }",
        "positive = [\"非常安全\"]\nheadline = true\nweights = { \"非常安全\" = 100, \"基本安全\" = 60, \"不安全\" = 0 }",
    );
    // 扫黑除恶满意率: 不了解 stays in the base.
    let plan = swap(
        plan,
        "positive = [\"非常满意\", \"基本满意\"]\nexcluded = [\"不了解\"]\nweak_point = true",
        "positive = [\"非常满意\", \"基本满意\"]\nweak_point = true",
    );
    // 纠纷调处率 gets weights.
    let plan = swap(
        plan,
        "question = 8\npositive = [\"是\"]",
        "question = 8\npositive = [\"是\"]\nweights = { \"是\" = 100, \"否\" = 0 }",
    );
    // A smaller minimum base.
    let plan = swap(plan, "survey_min_base = 30", "survey_min_base = 4");
    std::fs::write(ib.path("plan.toml"), plan).unwrap();
    let j = weekly(&ib, &["--plan", "plan.toml"]);
    let dz = &unit(&j, "东庄村")["survey"];
    // Q6: 非常安全 rows 3, 8 of 5 → 0.4; index (100+60+0+60+100)/5 = 64.
    rate(dz, "security", Some(0.4), 5, 2);
    assert_eq!(index(dz, "security"), Some(64.0));
    assert_eq!(dz["rates"]["security"]["small_sample"], false); // 5 ≥ 4
                                                                // Q13 with 不了解 in the base: 非常满意, 基本满意 of 4 (rows 3, 4, 5, 7) → 0.5; index (100+80+0+0)/4.
    rate(dz, "anti_gang_satisfaction", Some(0.5), 4, 2);
    assert_eq!(index(dz, "anti_gang_satisfaction"), Some(45.0));
    // Q8: 是 2 of 4 → index 50.
    rate(dz, "mediation", Some(0.5), 4, 2);
    assert_eq!(index(dz, "mediation"), Some(50.0));
    assert_eq!(dz["rates"]["legal_satisfaction"]["small_sample"], false); // base 4
                                                                          // The default plan's figures for comparison.
    let d = weekly(&inbox("xlsx"), &[]);
    let dd = &unit(&d, "东庄村")["survey"];
    rate(dd, "security", Some(0.8), 5, 4);
    assert!(dd["rates"]["mediation"]["index"].is_null());
}

/// Identical questionnaires from two households in one sheet both count; the same sheet sent again
/// (a copy of the file) counts once.
#[test]
fn identical_questionnaires_count_but_resent_files_do_not() {
    let ib = Inbox::new();
    ib.register();
    let mut header = row(&["村居", "性别", "年龄"]);
    header.extend((1..=14).map(|n| s(&format!("第{n}题"))));
    let answers: Vec<C> = (0..14).map(|_| n(1.0)).collect();
    let mut r = vec![s("水泉社区"), s("女"), s("46-55")];
    r.extend(answers);
    let sheet = vec![header, r.clone(), r.clone(), r];
    ib.xlsx("水泉社区问卷.xlsx", &[("问卷", sheet.clone())]);
    ib.xlsx("水泉社区问卷(1).xlsx", &[("问卷", sheet)]);
    let j = weekly(&ib, &[]);
    let sq = &unit(&j, "水泉社区")["survey"];
    assert_eq!(sq["responses"], 3);
    // Option 1 of Q6 is 非常安全: 3/3, index 100.
    rate(sq, "security", Some(1.0), 3, 3);
    assert_eq!(index(sq, "security"), Some(100.0));
    // Option 1 of Q13 is 非常满意.
    rate(sq, "anti_gang_satisfaction", Some(1.0), 3, 3);
}

#[test]
fn check_reports_survey_problems() {
    let ib = inbox("xlsx");
    let o = ib.run(&["check", "inbox", "--json", "c.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let j = json(&ib.path("c.json"));
    assert_eq!(survey_diags(&j), expected_diags("xlsx"));
}

/// The 民调指标 / 民调分析 sheets, written through the library and read back.
#[test]
fn survey_sheets_show_the_rates() {
    use calamine::{open_workbook_auto, Reader};
    use shuangti::plan::calendar::Calendar;
    use shuangti::{Input, Job, Settings};
    let ib = inbox("xlsx");
    let settings = Settings::embedded(Job::Plan);
    let ds = shuangti::read(&settings, &Input::new(ib.inbox())).unwrap();
    let plan = &settings.plan;
    let cal = Calendar::new(plan);
    let (w6, w7) = (cal.week(6).unwrap(), cal.week(7).unwrap());
    let (units, town) = shuangti::figures::survey::compute(&ds, plan, &w7);
    let (pu, pt) = shuangti::figures::survey::compute(&ds, plan, &w6);
    let mut wb = shuangti::report::style::new_workbook(w7.end, "办公室", "民调");
    let st = shuangti::report::style::Styles::new();
    let mut taken = std::collections::HashSet::new();
    shuangti::report::survey_sheet::write_survey_sheet(
        &mut wb,
        &st,
        plan,
        &ds,
        &w7,
        &units,
        &town,
        Some((&pu, &pt)),
        &mut taken,
    )
    .unwrap();
    let path = ib.path("s.xlsx");
    wb.save(&path).unwrap();
    let mut x = open_workbook_auto(&path).unwrap();
    assert_eq!(x.sheet_names(), ["民调指标", "民调分析"]);
    let r = x.worksheet_range("民调指标").unwrap();
    let cell =
        |row: usize, col: usize| r.get((row, col)).map(|c| c.to_string()).unwrap_or_default();
    // Title, subtitle, header; weak points first: 综治中心知晓率 on the first data row.
    assert_eq!(cell(2, 0), "指标");
    assert_eq!(cell(3, 0), "综治中心知晓率");
    assert_eq!(cell(3, 1), "方案短板");
    // 安全感率 week 7: (4+35+1)/(5+42+1) = 40/48; last week 39/47; base 48.
    let sec = (3..20).find(|&i| cell(i, 0) == "安全感率").unwrap();
    assert!((cell(sec, 4).parse::<f64>().unwrap() - 40.0 / 48.0).abs() < 1e-9);
    assert_eq!(cell(sec, 6), "48");
    assert!((cell(sec, 9).parse::<f64>().unwrap() - 39.0 / 47.0).abs() < 1e-9);
    assert_eq!(cell(sec, 8), "—");
    let r = x.worksheet_range("民调分析").unwrap();
    let cell =
        |row: usize, col: usize| r.get((row, col)).map(|c| c.to_string()).unwrap_or_default();
    assert_eq!(cell(3, 0), "东庄村");
    assert_eq!(cell(3, 1), "6");
    // 综治中心知晓率 5/6, stored as a number (issue 12), its base on the row below, ＊ small.
    assert!((cell(3, 2).parse::<f64>().unwrap() - 5.0 / 6.0).abs() < 1e-9);
    assert_eq!(cell(4, 0), "样本数");
    assert_eq!(cell(4, 2), "6＊");
    assert!((3..40).any(|i| cell(i, 0) == "56以上"));
}

#[test]
fn the_same_tally_sent_twice_is_added_and_flagged() {
    let ib = Inbox::new();
    ib.register();
    let tally = |count: f64| {
        vec![
            row(&["村居", "题号", "选项", "人数"]),
            vec![s("东庄村"), s("6"), s("非常安全"), n(count)],
            vec![s("东庄村"), s("6"), s("不安全"), n(1.0)],
        ]
    };
    ib.xlsx("东庄村问卷汇总.xlsx", &[("汇总", tally(9.0))]);
    ib.xlsx("东庄村问卷汇总(更新).xlsx", &[("汇总", tally(12.0))]);
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&ib.path("w.json"));
    let dz = j["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "东庄村")
        .unwrap();
    // The identical 不安全 row counts once (a row sent twice); the two 非常安全 counts differ and are
    // added up, with a warning: 9 + 12 + 1 = 22 answers.
    assert_eq!(dz["survey"]["rates"]["security"]["base"], 22);
    let warn: Vec<&serde_json::Value> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "tally_overlap")
        .collect();
    assert_eq!(warn.len(), 1, "{warn:?}");
    assert_eq!(warn[0]["unit"], "东庄村");
    assert_eq!(warn[0]["cell"], "D2");
}
