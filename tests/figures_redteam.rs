//! Acceptance red team: every SPEC §5a figure on inboxes built here (not the shared fixtures), the
//! truth worked out by hand from SPEC in the comments, then compared with `--json` and the workbook.
//!
//! Register (all tests): 南沟村 村 40 户, 北坡村 村 20 户, 河口社区 社区 10 户, 东岭村 村 30 户,
//! 派出所 镇直单位, 司法所 镇直单位 → 村/社区 households 40 + 20 + 10 + 30 = 100.
//!
//! Calendar: 第1期 = 2021-04-05. 第6期 05-10..05-16 (Fri 05-14); 第7期 05-17..05-23 (Fri 05-21, due
//! 17:30:00); 第8期 05-24..05-30 (Fri 05-28); 第9期 05-31..06-06 (Fri 06-04 → June); 第12期
//! 06-21..06-27; 第13期 06-28..07-04 (Fri 07-02 → July).

mod common;
use calamine::{open_workbook, Data, DataType, Range, Reader, Xlsx};
use chrono::NaiveDate;
use common::*;
use serde_json::Value;

const SLOGANS: [&str; 6] = [
    "人人参与平安创建  家家共享平安成果",
    "坚决打击赌博违法犯罪  倡导健康文化娱乐活动",
    "严厉打击盗窃犯罪  保护群众财产安全",
    "发挥好综治中心作用  及时为群众排忧解难",
    "有困难有问题到综治中心反映  有矛盾有纠纷到综治中心调解",
    "坚持以人民为中心发展思想  促进安全感满意度“双提升”",
];

fn ts(y: i32, m: u32, day: u32, h: u32, mi: u32, sec: u32) -> C {
    C::T(
        NaiveDate::from_ymd_opt(y, m, day)
            .unwrap()
            .and_hms_opt(h, mi, sec)
            .unwrap(),
    )
}

fn register(ib: &Inbox) {
    ib.xlsx(
        "办公室/村居名册.xlsx",
        &[(
            "名册",
            vec![
                row(&["名称", "类别", "户数", "网格数"]),
                vec![s("南沟村"), s("村"), n(40.0), n(1.0)],
                vec![s("北坡村"), s("村"), n(20.0), n(1.0)],
                vec![s("河口社区"), s("社区"), n(10.0), n(1.0)],
                vec![s("东岭村"), s("村"), n(30.0), n(1.0)],
                vec![s("派出所"), s("镇直单位"), C::E, C::E],
                vec![s("司法所"), s("镇直单位"), C::E, C::E],
            ],
        )],
    );
}

fn run_json(ib: &Inbox, args: &[&str], json_name: &str) -> Value {
    let o = ib.run(args);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    json(&ib.path(json_name))
}

fn weekly(ib: &Inbox, week: &str, out: &str) -> Value {
    let jn = format!("{out}.json");
    run_json(
        ib,
        &["weekly", "inbox", "--week", week, "-o", out, "--json", &jn],
        &jn,
    )
}

fn rate(s: &Value, key: &str, value: f64, base: u64, positive: u64) {
    let r = &s["rates"][key];
    assert_eq!(r["base"], base, "{key}: {r}");
    assert_eq!(r["positive"], positive, "{key}: {r}");
    let got = r["value"].as_f64().unwrap_or_else(|| panic!("{key}: {r}"));
    assert!((got - value).abs() < 1e-9, "{key}: {got} != {value}");
}

/// The week-7 inbox.
fn week_fixture() -> Inbox {
    let ib = Inbox::new();
    register(&ib);

    // ---- 周报 -------------------------------------------------------------------------------
    ib.xlsx(
        "周报/各村周报.xlsx",
        &[(
            "周报",
            vec![
                row(&["第7周各村周报"]),
                row(&["村居", "报送时间", "所属周次", "本周工作开展情况"]),
                // 南沟村: 17:30:59 on the Friday is after 17:30:00 → late; the resend later changes
                // nothing; the report for week 8 sent earlier that day is no week-7 report.
                vec![s("南沟村"), ts(2021, 5, 21, 17, 30, 59), C::E, s("走访")],
                vec![s("南沟村"), t(2021, 5, 22, 9, 0), s("第7周"), s("补充")],
                vec![s("南沟村"), t(2021, 5, 21, 16, 0), s("第8周"), s("预报")],
                // 北坡村: a bare date on the Friday → on time; a second report for week 7 sent
                // on Monday: the first counts.
                vec![s("北坡村"), d(2021, 5, 21), C::E, s("排查")],
                vec![s("北坡村"), t(2021, 5, 24, 8, 0), s("第7期"), s("再报")],
                // 河口社区: sent in week 7 but for week 6 (late for week 6), and week 7's report
                // sent on Tuesday of week 8 naming a date of week 7 → late, not missing.
                vec![s("河口社区"), t(2021, 5, 20, 10, 0), s("第6周"), s("补报")],
                vec![
                    s("河口社区"),
                    s("2021/5/25 9:00"),
                    s("2021-05-19"),
                    s("迟报"),
                ],
                // A 镇直单位 owes no weekly report: its report gives it no status.
                vec![s("派出所"), t(2021, 5, 21, 9, 0), C::E, s("配合")],
                // 东岭村 sends nothing → missing.
            ],
        )],
    );

    // ---- 走访 -------------------------------------------------------------------------------
    let vh = row(&[
        "村居",
        "村民小组",
        "户主姓名",
        "走访日期",
        "走访方式",
        "发放问卷",
        "送达公开信",
    ]);
    ib.xlsx(
        "走访/南沟村走访台账.xlsx",
        &[(
            "Sheet1",
            vec![
                vh.clone(),
                row(&["南沟村", "一组", "张三", "2021-05-10", "电话", "否", "否"]),
                row(&["南沟村", "一组", "张 三", "2021-05-18", "入户", "是", "否"]),
                row(&["南沟村", "一组", "李四", "2021-05-18", "入户", "否", "是"]),
                row(&["南沟村", "一组", "李四", "2021-05-19", "电话", "是", "否"]),
                row(&["南沟村", "二组", "李四", "2021-05-19", "电话", "否", "否"]),
                row(&["南沟村", "二组", "王五", "2021-05-23", "电话", "是", "是"]),
                row(&["南沟村", "二组", "赵六", "2021-05-24", "入户", "是", "是"]),
                row(&[
                    "南沟村委会",
                    "三组",
                    "钱 七 ",
                    "2021-05-17",
                    "入户",
                    "否",
                    "否",
                ]),
                row(&["北坡村", "一组", "孙八", "2021-05-20", "电话", "是", "是"]),
                row(&["北坡村", "一组", "孙八", "2021-05-21", "电话", "否", "否"]),
            ],
        )],
    );

    // ---- 矛盾纠纷 -----------------------------------------------------------------------------
    let dh = row(&[
        "村居",
        "排查日期",
        "当事人",
        "纠纷类型",
        "简要情况",
        "化解状态",
        "化解日期",
    ]);
    ib.xlsx(
        "纠纷/矛盾纠纷台账.xlsx",
        &[(
            "台账",
            vec![
                dh.clone(),
                row(&["南沟村", "2021-04-22", "甲某", "邻里", "", "未化解", ""]),
                row(&["南沟村", "2021-04-23", "乙某", "合同", "", "化解中", ""]),
                row(&["南沟村", "2021-04-01", "丙某", "其他", "", "已移交", ""]),
                row(&["南沟村", "2021-04-10", "丁某", "邻里", "", "已化解", ""]),
                row(&[
                    "南沟村",
                    "2021-05-18",
                    "戊某",
                    "合同",
                    "",
                    "已化解",
                    "2021-05-16",
                ]),
                row(&[
                    "南沟村",
                    "2021-05-17",
                    "己某",
                    "婚姻家庭",
                    "",
                    "已化解",
                    "2021-05-23",
                ]),
                row(&[
                    "南沟村",
                    "2021-05-03",
                    "庚某",
                    "邻里",
                    "",
                    "已化解",
                    "2021-05-05",
                ]),
                row(&["南沟村", "2021-05-24", "辛某", "邻里", "", "未化解", ""]),
                row(&[
                    "南沟村",
                    "2021-04-20",
                    "壬某",
                    "其他",
                    "",
                    "已化解",
                    "2021-05-25",
                ]),
                row(&["南沟村", "2021-05-10", "", "无", "本周无矛盾纠纷", "", ""]),
                row(&["北坡村", "2021-05-23", "", "无", "", "", ""]),
                row(&["河口社区", "2021-05-24", "", "", "本周无矛盾纠纷", "", ""]),
            ],
        )],
    );
    // The resent ledger: 乙某 moved forward to 已化解 on 05-22 (progress, most advanced wins); 甲某
    // sent again unchanged (counts once).
    ib.xlsx(
        "纠纷/矛盾纠纷台账(1).xlsx",
        &[(
            "台账",
            vec![
                dh,
                row(&[
                    "南沟村",
                    "2021-04-23",
                    "乙某",
                    "合同",
                    "",
                    "已化解",
                    "2021-05-22",
                ]),
                row(&["南沟村", "2021-04-22", "甲某", "邻里", "", "未化解", ""]),
            ],
        )],
    );

    // ---- 标语 -------------------------------------------------------------------------------
    let sh = row(&["村居", "标语内容", "形式", "位置", "悬挂日期", "状态"]);
    ib.xlsx(
        "标语/标语台账.xlsx",
        &[(
            "标语",
            vec![
                sh,
                row(&["南沟村", SLOGANS[0], "横幅", "村委", "2021-05-01", "在挂"]),
                row(&["南沟村", SLOGANS[4], "墙体", "路口", "2021-05-01", ""]),
                row(&[
                    "南沟村",
                    SLOGANS[5],
                    "电子显示屏",
                    "村委",
                    "2021-05-02",
                    "在挂",
                ]),
                row(&["南沟村", SLOGANS[1], "横幅", "桥头", "2021-05-01", "已撤"]),
                row(&["南沟村", SLOGANS[2], "横幅", "学校", "2021-05-24", "在挂"]),
                row(&[
                    "南沟村",
                    "严厉打击盗窃犯罪，保护群众财产安全！",
                    "墙体",
                    "东头",
                    "2021-05-03",
                    "在挂",
                ]),
                row(&[
                    "南沟村",
                    "欢迎来到南沟村",
                    "横幅",
                    "村口",
                    "2021-05-01",
                    "在挂",
                ]),
                row(&[
                    "北坡村",
                    "人人参与平安创健  家家共享平安成果",
                    "横幅",
                    "村委",
                    "2021-05-01",
                    "在挂",
                ]),
                row(&["北坡村", SLOGANS[3], "墙体", "路口", "2021-05-20", "在挂"]),
                row(&["派出所", SLOGANS[0], "横幅", "门口", "2021-05-01", "在挂"]),
                row(&[
                    "派出所",
                    SLOGANS[1],
                    "电子显示屏",
                    "大厅",
                    "2021-05-23",
                    "在挂",
                ]),
                row(&[
                    "司法所",
                    SLOGANS[2],
                    "电子显示屏",
                    "大厅",
                    "2021-05-01",
                    "已撤",
                ]),
                row(&[
                    "司法所",
                    SLOGANS[3],
                    "电子显示屏",
                    "大厅",
                    "2021-05-24",
                    "在挂",
                ]),
            ],
        )],
    );

    // ---- 问卷 (河口社区) ---------------------------------------------------------------------
    let mut qh = vec!["村居", "调查日期"];
    let qn: Vec<String> = (1..=14).map(|i| format!("第{i}题")).collect();
    qh.extend(qn.iter().map(String::as_str));
    // Answers to Q1..Q14; the others are option 1 ("1").
    let answers = |date: &str, q1: &str, q6: &str, q13: &str, q14: &str| -> Vec<C> {
        let mut r = vec!["河口社区".to_string(), date.to_string()];
        for q in 1..=14 {
            r.push(
                match q {
                    1 => q1,
                    6 => q6,
                    13 => q13,
                    14 => q14,
                    _ => "1",
                }
                .to_string(),
            );
        }
        r.iter()
            .map(|x| if x.is_empty() { C::E } else { s(x) })
            .collect()
    };
    ib.xlsx(
        "问卷/河口社区问卷.xlsx",
        &[(
            "问卷",
            vec![
                row(&qh),
                answers("2021-05-20", "知道", "非常安全", "不了解", "非常满意"),
                answers("", "不知道", "基本安全", "基本满意", "不满意"),
                answers("2021-05-23", "1", "3", "不满意", "不了解"),
                answers("2021-05-24", "知道", "非常安全", "非常满意", "非常满意"),
                answers("2021-05-18", "不清楚", "非常安全", "4", "基本满意"),
            ],
        )],
    );
    // ---- 问卷汇总 (东岭村) -------------------------------------------------------------------
    let tl = |q: &str, o: &str, k: f64| vec![s("东岭村"), s(q), s(o), n(k)];
    ib.xlsx(
        "问卷/东岭村问卷汇总.xlsx",
        &[(
            "汇总",
            vec![
                row(&["村居", "题号", "选项", "人数"]),
                tl("1", "知道", 8.0),
                tl("1", "不知道", 2.0),
                tl("6", "非常安全", 5.0),
                tl("6", "基本安全", 3.0),
                tl("6", "不安全", 1.0),
                tl("13", "非常满意", 4.0),
                tl("13", "不满意", 1.0),
                tl("13", "不了解", 7.0),
            ],
        )],
    );
    ib
}

#[test]
fn week_seven_figures_equal_the_hand_computed_truth() {
    let ib = week_fixture();
    let j = weekly(&ib, "2021-05-19", "w7");
    assert_eq!(j["period"]["kind"], "week");
    assert_eq!(j["period"]["issue"], 7);
    assert_eq!(j["period"]["start"], "2021-05-17");
    assert_eq!(j["period"]["end"], "2021-05-23");

    // ---- weekly reports (deadline 2021-05-21 17:30:00) ----
    let ng = unit(&j, "南沟村");
    assert_eq!(ng["weekly_report"]["status"], "late", "17:30:59 is late");
    assert_eq!(ng["weekly_report"]["submitted_at"], "2021-05-21T17:30");
    let bp = unit(&j, "北坡村");
    assert_eq!(
        bp["weekly_report"]["status"], "on_time",
        "a bare Friday date"
    );
    assert_eq!(bp["weekly_report"]["submitted_at"], "2021-05-21T00:00");
    let hk = unit(&j, "河口社区");
    assert_eq!(hk["weekly_report"]["status"], "late");
    assert_eq!(hk["weekly_report"]["submitted_at"], "2021-05-25T09:00");
    let dl = unit(&j, "东岭村");
    assert_eq!(dl["weekly_report"]["status"], "missing");
    assert!(dl["weekly_report"]["submitted_at"].is_null());
    let pcs = unit(&j, "派出所");
    assert!(pcs["weekly_report"].is_null(), "镇直单位 owe no report");
    assert!(unit(&j, "司法所")["weekly_report"].is_null());
    let town = &j["town"];
    assert_eq!(town["households"], 100);
    assert_eq!(town["weekly_reports"]["on_time"], 1);
    assert_eq!(town["weekly_reports"]["late"], 2);
    assert_eq!(town["weekly_reports"]["missing"], 1);

    // ---- visits (≤ 05-23) ----
    // 南沟村 households: 一组张三 (电话 05-10 + 入户 05-18 "张 三" → in person; 问卷 yes),
    // 一组李四 (入户 + 电话 → in person; 问卷 yes on the 2nd, 公开信 yes on the 1st),
    // 二组李四 (another household: phone only), 二组王五 (Sunday 05-23: counts; phone; both yes),
    // 三组钱七 ("南沟村委会", "钱 七 "; in person); 赵六 05-24 is after the week.
    // → 5 visited, 3 in person, 2 phone, 5/40 = 0.125, 问卷 3 (张三, 一组李四, 王五), 公开信 2
    // (一组李四, 王五); new this week: all but 张三 (first 05-10) → 4.
    let v = &ng["visits"];
    assert_eq!(v["households_visited"], 5);
    assert_eq!(v["in_person"], 3);
    assert_eq!(v["phone"], 2);
    assert_eq!(v["coverage"], 0.125);
    assert_eq!(v["questionnaires"], 3);
    assert_eq!(v["letters"], 2);
    assert_eq!(v["new"], 4);
    // 北坡村: 孙八 twice by phone → 1 household, phone, 1/20 = 0.05, 问卷 1, 公开信 1.
    let v = &bp["visits"];
    assert_eq!(v["households_visited"], 1);
    assert_eq!(v["in_person"], 0);
    assert_eq!(v["phone"], 1);
    assert_eq!(v["coverage"], 0.05);
    assert_eq!(v["questionnaires"], 1);
    assert_eq!(v["letters"], 1);
    assert_eq!(dl["visits"]["households_visited"], 0);
    assert_eq!(dl["visits"]["coverage"], 0.0);
    // Town: 6 of 100.
    let v = &town["visits"];
    assert_eq!(v["households_visited"], 6);
    assert_eq!(v["in_person"], 3);
    assert_eq!(v["phone"], 3);
    assert_eq!(v["coverage"], 0.06);
    assert_eq!(v["questionnaires"], 4);
    assert_eq!(v["letters"], 3);

    // ---- disputes (as of 05-23; overdue = more than 30 days since 排查日期) ----
    // 甲 04-22: 31 days, 未化解 → overdue.  乙 04-23: resent 已化解 05-22 → resolved this week.
    // 丙 已移交 → never overdue.  丁 已化解 without 化解日期 → error, open, 43 days → overdue.
    // 戊 05-18 已化解 05-16 (before 排查) → error, open, new, 5 days.  己 05-17 resolved 05-23 → new,
    // resolved.  庚 resolved 05-05 → resolved_total only.  辛 05-24 → after the week.
    // 壬 04-20 resolved only 05-25 → open as of 05-23, 33 days → overdue.
    // total = 甲乙丙丁戊己庚壬 = 8; new = 戊己 = 2; resolved = 乙己 = 2; resolved_total = 乙己庚 = 3;
    // overdue = 甲丁壬 = 3; screened weeks: 戊/己 in week 7 → 1 (the zero report 05-10 is week 6).
    let dsp = &ng["disputes"];
    assert_eq!(dsp["total"], 8);
    assert_eq!(dsp["new"], 2);
    assert_eq!(dsp["resolved"], 2);
    assert_eq!(dsp["resolved_total"], 3);
    assert_eq!(dsp["overdue"], 3);
    assert_eq!(dsp["screened_weeks"], 1);
    // 北坡村: a zero report on Sunday 05-23 → screened, no dispute.
    assert_eq!(bp["disputes"]["screened_weeks"], 1);
    assert_eq!(bp["disputes"]["total"], 0);
    // 河口社区: its zero report is Monday 05-24 → week 8.
    assert_eq!(hk["disputes"]["screened_weeks"], 0);
    let td = &town["disputes"];
    assert_eq!(td["total"], 8);
    assert_eq!(td["new"], 2);
    assert_eq!(td["resolved"], 2);
    assert_eq!(td["resolved_total"], 3);
    assert_eq!(td["overdue"], 3);
    assert_eq!(td["screened_weeks"], 2);
    let diags = j["diagnostics"].as_array().unwrap();
    let codes_at = |cell: &str| -> Vec<String> {
        diags
            .iter()
            .filter(|d| {
                d["file"]
                    .as_str()
                    .unwrap_or("")
                    .ends_with("矛盾纠纷台账.xlsx")
                    && d["cell"] == cell
                    && d["severity"] == "error"
            })
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        !codes_at("G5").is_empty(),
        "已化解 without 化解日期: {diags:?}"
    );
    // The late message names the seconds, or it would read "17:30报送，晚于17:30".
    let late = diags
        .iter()
        .find(|d| d["code"] == "R3_report_late" && d["unit"] == "南沟村")
        .expect("R3_report_late");
    assert!(
        late["message"].as_str().unwrap().contains("17:30:59"),
        "{late}"
    );
    assert!(!codes_at("G6").is_empty(), "化解日期 before 排查日期");

    // ---- slogans (≤ 05-23) ----
    // 南沟村 (every form): 附件2 #1 横幅, #5 墙体 (blank status), #6 电子显示屏, #3 with other
    // punctuation (exact after normalising), and "欢迎来到南沟村" (unapproved); #2 已撤 and #3 of
    // 05-24 left out → hanging 5, unapproved 1, approved 4 ≥ 3 → ok.
    let sl = &ng["slogans"];
    assert_eq!(sl["hanging"], 5);
    assert_eq!(sl["required"], 3);
    assert_eq!(sl["unapproved"], 1);
    assert_eq!(sl["ok"], true);
    // 北坡村: the typo 创健 (approved, a warning) and #4 → 2 < 3.
    let sl = &bp["slogans"];
    assert_eq!(sl["hanging"], 2);
    assert_eq!(sl["unapproved"], 0);
    assert_eq!(sl["ok"], false);
    // 派出所: only its 电子显示屏 row (05-23) counts → 1 ≥ 1.
    let sl = &pcs["slogans"];
    assert_eq!(sl["hanging"], 1);
    assert_eq!(sl["required"], 1);
    assert_eq!(sl["ok"], true);
    // 司法所: one 已撤, one hung 05-24 → 0.
    let sfs = unit(&j, "司法所");
    assert_eq!(sfs["slogans"]["hanging"], 0);
    assert_eq!(sfs["slogans"]["ok"], false);
    assert_eq!(town["slogans"]["hanging"], 8);
    assert_eq!(town["slogans"]["unapproved"], 1);
    assert_eq!(town["slogans"]["units_ok"], 2);
    assert!(diags
        .iter()
        .any(|d| d["code"] == "R7_slogan_typo" && d["unit"] == "北坡村"));

    // ---- survey (≤ 05-23) ----
    // 河口社区 rows: 05-20, undated, 05-23, 05-24 (left out), 05-18 (Q1 不清楚 invalid) → 4.
    // Q1: 知道, 不知道, 1=知道 → 2/3.  Q2 all 1=是 → 4/4.  Q6: 非常, 基本, 3=不安全, 非常 → 3/4.
    // Q13: 不了解 (out), 基本满意, 不满意, 4=不了解 (out) → 1/2.  Q14: 非常满意, 不满意, 不了解 (out),
    // 基本满意 → 2/3.
    let sv = &hk["survey"];
    assert_eq!(sv["responses"], 4);
    rate(sv, "pingan_awareness", 2.0 / 3.0, 3, 2);
    rate(sv, "participation", 1.0, 4, 4);
    rate(sv, "security", 0.75, 4, 3);
    rate(sv, "anti_gang_satisfaction", 0.5, 2, 1);
    rate(sv, "legal_satisfaction", 2.0 / 3.0, 3, 2);
    // 东岭村 tallies: Q1 8+2 = 10, Q6 5+3+1 = 9, Q13 4+1+7 = 12 → responses 12.
    // Q1 8/10; Q6 8/9; Q13 base 4+1 = 5 (不了解 out), positive 4.
    let sv = &dl["survey"];
    assert_eq!(sv["responses"], 12);
    rate(sv, "pingan_awareness", 0.8, 10, 8);
    rate(sv, "security", 8.0 / 9.0, 9, 8);
    rate(sv, "anti_gang_satisfaction", 0.8, 5, 4);
    // Town: 4 + 12 = 16 responses; Q1 10/13, Q6 11/13, Q13 5/7.
    let sv = &town["survey"];
    assert_eq!(sv["responses"], 16);
    rate(sv, "pingan_awareness", 10.0 / 13.0, 13, 10);
    rate(sv, "security", 11.0 / 13.0, 13, 11);
    rate(sv, "anti_gang_satisfaction", 5.0 / 7.0, 7, 5);
}

#[test]
fn week_six_sees_the_late_report_for_it_and_nothing_dated_later() {
    let ib = week_fixture();
    let j = weekly(&ib, "6", "w6");
    assert_eq!(j["period"]["start"], "2021-05-10");
    // 河口社区's week-6 report came 05-20 (所属周次 第6周) → late, not missing.
    let hk = unit(&j, "河口社区");
    assert_eq!(hk["weekly_report"]["status"], "late");
    assert_eq!(hk["weekly_report"]["submitted_at"], "2021-05-20T10:00");
    // Nothing else reported for week 6.
    assert_eq!(unit(&j, "南沟村")["weekly_report"]["status"], "missing");
    assert_eq!(unit(&j, "北坡村")["weekly_report"]["status"], "missing");
    // As of 05-16: only 张三 (05-10, phone).
    let ng = unit(&j, "南沟村");
    assert_eq!(ng["visits"]["households_visited"], 1);
    assert_eq!(ng["visits"]["phone"], 1);
    // Disputes as of 05-16: 甲 (24 days), 乙 (23), 丙 (移交), 丁 (36: overdue), 庚 (resolved
    // 05-05), 壬 (26) → total 6, new 0, resolved 0, resolved_total 1, overdue 1 (丁); the zero
    // report of 05-10 screens week 6.
    let dsp = &ng["disputes"];
    assert_eq!(dsp["total"], 6);
    assert_eq!(dsp["new"], 0);
    assert_eq!(dsp["resolved"], 0);
    assert_eq!(dsp["resolved_total"], 1);
    assert_eq!(dsp["overdue"], 1);
    assert_eq!(dsp["screened_weeks"], 1);
    // Slogans as of 05-16: 北坡村's #4 hangs from 05-20 → only the typo row.
    assert_eq!(unit(&j, "北坡村")["slogans"]["hanging"], 1);
    // 派出所's screen slogan hangs from 05-23 → none yet.
    assert_eq!(unit(&j, "派出所")["slogans"]["hanging"], 0);
    // Survey as of 05-16: only the undated row → 1 response.
    assert_eq!(unit(&j, "河口社区")["survey"]["responses"], 1);
}

#[test]
fn as_of_cuts_the_week_short() {
    let ib = week_fixture();
    let o = ib.run(&[
        "weekly",
        "inbox",
        "--week",
        "7",
        "-o",
        "asof",
        "--json",
        "a.json",
        "--as-of",
        "2021-05-19",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("a.json"));
    let ng = unit(&j, "南沟村");
    // As of 05-19 no week-7 report had come yet (the first is 05-21) → missing.
    assert_eq!(ng["weekly_report"]["status"], "missing");
    // Visits ≤ 05-19: 张三, 一组李四, 二组李四, 钱七 → 4 (王五 05-23 not yet).
    assert_eq!(ng["visits"]["households_visited"], 4);
    // Disputes: 己 (05-17) not yet resolved (05-23); 乙's 化解日期 05-22 is later → open.
    assert_eq!(ng["disputes"]["resolved"], 0);
    assert_eq!(ng["disputes"]["new"], 2);
}

fn sheet(path: &std::path::Path, name: &str) -> Range<Data> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.worksheet_range(name).unwrap()
}

fn row_of<'a>(r: &'a Range<Data>, col: usize, unit: &str) -> &'a [Data] {
    r.rows()
        .find(|row| row.get(col).and_then(|c| c.get_string()) == Some(unit))
        .unwrap_or_else(|| panic!("no row for {unit}"))
}

#[test]
fn week_seven_workbook_shows_the_json_figures() {
    let ib = week_fixture();
    let j = weekly(&ib, "7", "wb");
    let path = ib
        .path("wb")
        .join("水泉镇双提升周通报_第7期_2021-05-17至05-23.xlsx");
    assert!(path.exists());
    // 通报 一、总体情况 in numbers: the JSON's town figures, and a tie at the lowest coverage
    // (河口社区 and 东岭村, both 0.0%) names both.
    let b = sheet(&path, "通报");
    let text: String = b
        .rows()
        // (a paragraph's lines are broken explicitly, 避头尾: read it as one string)
        .flat_map(|r| {
            r.iter()
                .map(|c| c.to_string().replace('\n', ""))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    for want in [
        "按时报送1个，迟报2个（南沟村、河口社区），未报1个（东岭村）",
        "共有100户，已走访6户，占6.0%，其中入户3户、电话3户，本周新增5户；已发放问卷4户、送达公开信3户",
        "覆盖率最低的是河口社区、东岭村（0.0%）",
        "本周新增矛盾纠纷2件、化解2件；累计排查8件、化解3件",
        "排查后超过30天仍未化解的3件",
        "民调问卷16份，全镇安全感率84.6%（有效回答13",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    let w = sheet(&path, "周报报送");
    let ng = row_of(&w, 0, "南沟村");
    assert_eq!(ng[1].get_string(), Some("迟报"));
    // The late time keeps its seconds on screen: 17:30:59, not a "17:30" beside 迟报.
    assert_eq!(
        ng[2].as_datetime().unwrap().to_string(),
        "2021-05-21 17:30:59"
    );
    let xml = {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut x = String::new();
        z.by_name("xl/styles.xml")
            .unwrap()
            .read_to_string(&mut x)
            .unwrap();
        x
    };
    assert!(xml.contains("yyyy-mm-dd hh:mm:ss"), "{xml}");
    assert_eq!(row_of(&w, 0, "北坡村")[1].get_string(), Some("按时"));
    assert_eq!(row_of(&w, 0, "东岭村")[1].get_string(), Some("未报"));
    let v = sheet(&path, "走访进度");
    let ng = row_of(&v, 0, "南沟村");
    let nums: Vec<Option<f64>> = ng[1..7].iter().map(|c| c.as_f64()).collect();
    assert_eq!(
        nums,
        [
            Some(40.0),
            Some(5.0),
            Some(3.0),
            Some(2.0),
            Some(0.125),
            Some(4.0)
        ]
    );
    let r = sheet(&path, "综合排名");
    for name in ["南沟村", "北坡村", "河口社区", "东岭村"] {
        let u = unit(&j, name);
        assert_eq!(
            row_of(&r, 1, name)[3].as_f64(),
            u["score"].as_f64(),
            "{name}"
        );
        assert_eq!(
            row_of(&r, 1, name)[0].as_f64(),
            u["rank"].as_f64(),
            "{name}"
        );
    }
    let d = sheet(&path, "矛盾纠纷");
    assert_eq!(row_of(&d, 0, "南沟村")[6].to_string(), "3");
}

// ============================================================================================
// June 2021: weeks whose Friday is in June = 第9期 (05-31..06-06) … 第12期 (06-21..06-27); 第13期
// (06-28..07-04, Fri 07-02) is July's. May = 第5期 (05-03..05-09) … 第8期 (05-24..05-30).
// Figures as of 06-30; the previous month as of 05-31.
// ============================================================================================

fn month_fixture() -> Inbox {
    let ib = Inbox::new();
    register(&ib);
    ib.xlsx(
        "周报.xlsx",
        &[(
            "周报",
            vec![
                row(&["村居", "报送时间", "所属周次", "本周工作开展情况"]),
                // 南沟村: 第8期 on time (May); 第9期 on time; 第10期 18:00 → late; 第11期 sent the
                // next Monday → late; 第12期 none → missing; 第13期 is July's.
                vec![s("南沟村"), t(2021, 5, 28, 10, 0), C::E, s("w8")],
                vec![s("南沟村"), t(2021, 6, 4, 17, 0), C::E, s("w9")],
                vec![s("南沟村"), t(2021, 6, 11, 18, 0), C::E, s("w10")],
                vec![s("南沟村"), t(2021, 6, 21, 8, 0), s("第11期"), s("w11")],
                vec![s("南沟村"), t(2021, 7, 2, 9, 0), C::E, s("w13")],
            ],
        )],
    );
    let dh = row(&[
        "村居",
        "排查日期",
        "当事人",
        "纠纷类型",
        "简要情况",
        "化解状态",
        "化解日期",
    ]);
    ib.xlsx(
        "纠纷.xlsx",
        &[(
            "台账",
            vec![
                dh,
                row(&["南沟村", "2021-05-31", "甲某", "邻里", "", "未化解", ""]),
                row(&["南沟村", "2021-05-30", "乙某", "邻里", "", "未化解", ""]),
                row(&[
                    "南沟村",
                    "2021-06-28",
                    "丙某",
                    "合同",
                    "",
                    "已化解",
                    "2021-06-30",
                ]),
                row(&[
                    "南沟村",
                    "2021-06-15",
                    "丁某",
                    "邻里",
                    "",
                    "已化解",
                    "2021-07-01",
                ]),
                row(&["南沟村", "2021-06-09", "", "无", "本周无矛盾纠纷", "", ""]),
                row(&["南沟村", "2021-07-01", "戊某", "邻里", "", "未化解", ""]),
                row(&["河口社区", "2021-05-31", "", "无", "", "", ""]),
                row(&["河口社区", "2021-06-28", "", "无", "", "", ""]),
                // A 镇直单位's own dispute: its figure, not the town's (村/社区) total.
                row(&["司法所", "2021-06-10", "癸某", "邻里", "", "未化解", ""]),
            ],
        )],
    );
    ib.xlsx(
        "走访.xlsx",
        &[(
            "走访",
            vec![
                row(&[
                    "村居",
                    "村民小组",
                    "户主姓名",
                    "走访日期",
                    "走访方式",
                    "发放问卷",
                    "送达公开信",
                ]),
                row(&[
                    "河口社区",
                    "一网格",
                    "周九",
                    "2021-06-30",
                    "入户",
                    "是",
                    "是",
                ]),
                row(&[
                    "河口社区",
                    "一网格",
                    "吴十",
                    "2021-07-01",
                    "入户",
                    "是",
                    "是",
                ]),
            ],
        )],
    );
    ib.xlsx(
        "标语.xlsx",
        &[(
            "标语",
            vec![
                row(&["村居", "标语内容", "形式", "位置", "悬挂日期", "状态"]),
                row(&[
                    "派出所",
                    SLOGANS[0],
                    "电子显示屏",
                    "大厅",
                    "2021-06-30",
                    "在挂",
                ]),
                row(&[
                    "司法所",
                    SLOGANS[0],
                    "电子显示屏",
                    "大厅",
                    "2021-07-01",
                    "在挂",
                ]),
            ],
        )],
    );
    ib
}

/// Weekly score parts (plan weights): 周报 20/10/0, 走访 20 × coverage, 纠纷 20 × (½ screened this
/// week + ½ (1 − overdue/open)), 标语 10 × approved/required, 民调 left out (no answers by week 12),
/// 台账质量 10 (a clean inbox) → the 村/社区 denominator is 80.
///
/// 南沟村 (no visits, no slogans):
///   W5–W7: missing 0 + 纠纷 ½·0 + ½·1 = 10 + 质量 10 → 20/80 = 25.0
///   W8: on time 20 + 纠纷 (乙 05-30 screens W8, open 0 days) 20 + 10 → 50/80 = 62.5
///   W9: on time 20 + 纠纷 (甲 05-31 in W9; 甲 6, 乙 7 days open) 20 + 10 → 62.5 (黄)
///   W10: late 10 + 纠纷 (zero report 06-09) 20 + 10 → 40/80 = 50.0 (红)
///   W11: late 10 + 纠纷 (丁 06-15; 甲 20, 乙 21 days) 20 + 10 → 50.0 (红)
///   W12: missing 0 + 纠纷 (nothing screened; 乙 06-27 − 05-30 = 28 days) 10 + 10 → 25.0 (红)
///   May mean (25 × 3 + 62.5) / 4 = 34.375 → 34.4; June (62.5 + 50 + 50 + 25) / 4 = 46.875 → 46.9.
/// 河口社区: W9 missing 0 + 纠纷 (zero report 05-31 screens W9) 20 + 10 → 37.5; W10–W12 25.0;
///   June (37.5 + 75) / 4 = 28.125 → 28.1; May 25.0 (its zero reports are in W9 and W13).
/// 北坡村, 东岭村: 25.0 every week → 25.0 both months (tied).
/// Ranks June: 南沟 1, 河口 2, 北坡 3, 东岭 3 (tie); May: 南沟 1, the other three 2 → change
/// (last − this): 0, 0, −1, −1.  镇直单位: 标语 0 + 质量 10 → 10/20 = 50.0, both rank 1.
fn june(ib: &Inbox) -> Value {
    run_json(
        ib,
        &[
            "monthly", "inbox", "--month", "2021-06", "-o", "mo", "--json", "m.json",
        ],
        "m.json",
    )
}

#[test]
fn june_figures_equal_the_hand_computed_truth() {
    let ib = month_fixture();
    let j = june(&ib);
    assert_eq!(j["period"]["kind"], "month");
    assert_eq!(j["period"]["start"], "2021-06-01");
    assert_eq!(j["period"]["end"], "2021-06-30");
    let weeks: Vec<u64> = j["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["issue"].as_u64().unwrap())
        .collect();
    assert_eq!(weeks, [9, 10, 11, 12]);

    let ng = unit(&j, "南沟村");
    assert_eq!(ng["weekly_reports"]["on_time"], 1);
    assert_eq!(ng["weekly_reports"]["late"], 2);
    assert_eq!(ng["weekly_reports"]["missing"], 1);
    // Disputes as of 06-30: 甲 05-31 (30 days: not overdue), 乙 05-30 (31: overdue), 丙 06-28
    // resolved 06-30, 丁 06-15 resolved only 07-01 (open, 15 days); 戊 07-01 is later.
    // total 4, new (排查 in June) 丙丁 = 2, resolved 1, resolved_total 1, overdue 1;
    // screened weeks: W9 (甲 05-31), W10 (zero 06-09), W11 (丁 06-15) = 3; 丙 06-28 is W13 (July).
    let d = &ng["disputes"];
    assert_eq!(d["total"], 4);
    assert_eq!(d["new"], 2);
    assert_eq!(d["resolved"], 1);
    assert_eq!(d["resolved_total"], 1);
    assert_eq!(d["overdue"], 1);
    assert_eq!(d["screened_weeks"], 3);
    let hk = unit(&j, "河口社区");
    // Zero reports 05-31 (W9, June's) and 06-28 (W13, July's) → 1.
    assert_eq!(hk["disputes"]["screened_weeks"], 1);
    assert_eq!(hk["disputes"]["total"], 0);
    // Visits as of 06-30: 周九 only → 1/10.
    assert_eq!(hk["visits"]["households_visited"], 1);
    assert_eq!(hk["visits"]["coverage"], 0.1);
    assert_eq!(hk["visits"]["new"], 1);
    // Slogans as of 06-30.
    assert_eq!(unit(&j, "派出所")["slogans"]["ok"], true);
    assert_eq!(unit(&j, "司法所")["slogans"]["hanging"], 0);

    assert_eq!(unit(&j, "司法所")["disputes"]["total"], 1);

    // Town (村/社区; reports over the month's 4 × 4 unit-weeks): 南沟 1 on time, 2 late, 1 missing;
    // the other three 4 missing each → 1, 2, 13. Visits 1 of 100. Disputes are 南沟村's (司法所's
    // row left out); screened weeks 南沟 3 + 河口 1 = 4. Slogans: 派出所's one.
    let town = &j["town"];
    assert_eq!(town["households"], 100);
    assert_eq!(town["weekly_reports"]["on_time"], 1);
    assert_eq!(town["weekly_reports"]["late"], 2);
    assert_eq!(town["weekly_reports"]["missing"], 13);
    assert_eq!(town["visits"]["households_visited"], 1);
    assert_eq!(town["visits"]["coverage"], 0.01);
    let td = &town["disputes"];
    assert_eq!(td["total"], 4);
    assert_eq!(td["new"], 2);
    assert_eq!(td["resolved"], 1);
    assert_eq!(td["resolved_total"], 1);
    assert_eq!(td["overdue"], 1);
    assert_eq!(td["screened_weeks"], 4);
    assert_eq!(town["slogans"]["hanging"], 1);
    assert_eq!(town["slogans"]["units_ok"], 1);
    assert_eq!(town["weekly_average"].as_array().unwrap().len(), 8);

    // Scores, ranks and change (see `june`).
    let scores = |u: &Value| -> Vec<f64> {
        u["weekly_scores"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["score"].as_f64().unwrap())
            .collect()
    };
    assert_eq!(scores(ng), [62.5, 50.0, 50.0, 25.0]);
    assert_eq!(ng["score"], 46.9);
    assert_eq!(ng["grade"], "red");
    assert_eq!(ng["rank"], 1);
    assert_eq!(ng["rank_change"], 0);
    assert_eq!(ng["previous"]["score"], 34.4);
    assert_eq!(scores(hk), [37.5, 25.0, 25.0, 25.0]);
    assert_eq!(hk["score"], 28.1);
    assert_eq!(hk["rank"], 2);
    assert_eq!(hk["previous"]["rank"], 2);
    for name in ["北坡村", "东岭村"] {
        let u = unit(&j, name);
        assert_eq!(u["score"], 25.0, "{name}");
        assert_eq!(u["rank"], 3, "{name}: a tie shares the rank");
        assert_eq!(u["previous"]["rank"], 2, "{name}");
        assert_eq!(u["rank_change"], -1, "{name}");
        assert_eq!(u["weekly_reports"]["missing"], 4, "{name}");
    }
    for name in ["派出所", "司法所"] {
        let u = unit(&j, name);
        assert_eq!(u["score"], 50.0, "{name}");
        assert_eq!(u["rank"], 1, "{name}");
    }

    // Suggestions: 南沟村 W10–W12 红 in a row → 约谈; 3 红 weeks → 重点管理; not 4 → no 一票否决.
    // 河口社区: W8 (May, 红) to W12 → 约谈; 4 红 weeks → 重点管理 and 一票否决（候选）.
    let sugg = |name: &str, action: &str| -> Option<Vec<u64>> {
        j["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["unit"] == name && x["action"] == action)
            .map(|x| {
                x["weeks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w.as_u64().unwrap())
                    .collect()
            })
    };
    assert_eq!(sugg("南沟村", "通报约谈"), Some(vec![10, 11, 12]));
    assert_eq!(sugg("南沟村", "重点管理"), Some(vec![10, 11, 12]));
    assert_eq!(sugg("南沟村", "一票否决（候选）"), None);
    assert_eq!(sugg("河口社区", "通报约谈"), Some(vec![8, 9, 10, 11, 12]));
    assert_eq!(
        sugg("河口社区", "一票否决（候选）"),
        Some(vec![9, 10, 11, 12])
    );
    assert_eq!(sugg("派出所", "通报约谈"), None);
}

#[test]
fn may_figures_are_as_of_may_31() {
    let ib = month_fixture();
    let j = run_json(
        &ib,
        &[
            "monthly", "inbox", "--month", "2021-05", "-o", "may", "--json", "may.json",
        ],
        "may.json",
    );
    let ng = unit(&j, "南沟村");
    // As of 05-31: 甲 05-31 and 乙 05-30, both new in May, neither overdue; screened: W8 (乙) only —
    // 甲 05-31 is in W9, June's week.
    let d = &ng["disputes"];
    assert_eq!(d["total"], 2);
    assert_eq!(d["new"], 2);
    assert_eq!(d["overdue"], 0);
    assert_eq!(d["screened_weeks"], 1);
    assert_eq!(unit(&j, "河口社区")["disputes"]["screened_weeks"], 0);
    assert_eq!(ng["weekly_reports"]["on_time"], 1);
    assert_eq!(ng["weekly_reports"]["missing"], 3);
    assert_eq!(ng["score"], 34.4);
}

#[test]
fn june_workbook_shows_the_json_figures() {
    let ib = month_fixture();
    let j = june(&ib);
    let path = ib.path("mo").join("水泉镇双提升月度督导_2021年6月.xlsx");
    let r = sheet(&path, "月度考评");
    let ng = row_of(&r, 1, "南沟村");
    let nums: Vec<Option<f64>> = ng[3..8].iter().map(|c| c.as_f64()).collect();
    assert_eq!(
        nums,
        [Some(62.5), Some(50.0), Some(50.0), Some(25.0), Some(46.9)]
    );
    assert_eq!(ng[0].as_f64(), Some(1.0));
    assert_eq!(ng[8].get_string(), Some("红"));
    for name in ["北坡村", "东岭村"] {
        assert_eq!(
            row_of(&r, 1, name)[0].as_f64(),
            unit(&j, name)["rank"].as_f64()
        );
    }
    // 督导通报 says the town's numbers the JSON gives (村/社区 only, as the weekly notice).
    let b = sheet(&path, "督导通报");
    let text: String = b
        .rows()
        // (a paragraph's lines are broken explicitly, 避头尾: read it as one string)
        .flat_map(|r| {
            r.iter()
                .map(|c| c.to_string().replace('\n', ""))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains(
            "本月新排查矛盾纠纷2件，化解1件；累计排查4件，化解1件，逾期（超过30天）未化解1件"
        ),
        "{text}"
    );
    assert!(text.contains("按时报送1份，迟报2份，未报13份"), "{text}");
}

#[test]
fn weekly_ties_share_a_rank_and_the_change_is_against_last_week() {
    // On the June inbox (scores in `june`): W9 南沟 62.5 (1), 河口 37.5 (2), 北坡 = 东岭 25.0 (3, 3);
    // W10 南沟 50.0 (1), 河口 = 北坡 = 东岭 25.0 (2, 2, 2) → change 0, 0, +1, +1.
    let ib = month_fixture();
    let j = weekly(&ib, "10", "w10");
    let got: Vec<(f64, u64, i64)> = ["南沟村", "河口社区", "北坡村", "东岭村"]
        .iter()
        .map(|n| {
            let u = unit(&j, n);
            (
                u["score"].as_f64().unwrap(),
                u["rank"].as_u64().unwrap(),
                u["rank_change"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(50.0, 1, 0), (25.0, 2, 0), (25.0, 2, 1), (25.0, 2, 1)]
    );
    // 镇直单位 are ranked apart: both 50.0 → 1.
    assert_eq!(unit(&j, "派出所")["rank"], 1);
    assert_eq!(unit(&j, "司法所")["rank"], 1);
    // The 通报's 红黑榜 and 综合排名 follow: the tie is written with the same rank.
    let path = ib
        .path("w10")
        .join("水泉镇双提升周通报_第10期_2021-06-07至06-13.xlsx");
    let r = sheet(&path, "综合排名");
    for n in ["河口社区", "北坡村", "东岭村"] {
        assert_eq!(row_of(&r, 1, n)[0].as_f64(), Some(2.0), "{n}");
    }
}
