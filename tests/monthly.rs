//! `shuangti monthly` end to end: a fixture inbox whose every monthly figure is worked out by hand below.
//!
//! Calendar: 第1期 = 04-05..04-11. A week belongs to the month holding its Friday: April = 第1–4期
//! (第4期 = 04-26..05-02, Friday 04-30), May = 第5–8期 (Fridays 05-07, 05-14, 05-21, 05-28);
//! 第9期 = 05-31..06-06 (Friday 06-04) belongs to June although 05-31 is a May day.
//!
//! Register: 东庄村 4 户 2 网格, 西庄村 4 户 1 网格, 水泉社区 4 户 2 网格, 镇卫生院 (镇直单位).
//!
//! Weekly score parts (plan weights): 周报 20 (on time 20, late 10, missing 0), 走访 20 × coverage,
//! 纠纷 20 × (½ screened + ½ (1 − overdue/open)), 标语 10 × approved/3, 民调 20 × 安全感率 (only 东庄村
//! has answers; elsewhere the part is left out, so the weights are 80), 台账质量 10 (a clean inbox).
//! Score = points / weights × 100.
//!
//! 东庄村: reports on time weeks 1–8, 4/4 visited 04-06, zero report every week, 3 slogans, 安全感
//!   24/30 = 0.8 → 民调 16: (20+20+20+10+16+10)/100 = 96.0 every week (绿).
//! 西庄村: reports weeks 1–3 and 8 only; 2/4 visited → 10; zero reports; no slogans → 0:
//!   on time (20+10+20+0+10)/80 = 75.0 (黄); missing (0+10+20+0+10)/80 = 50.0 (红).
//!   April 75, 75, 75, 50 → 275/4 = 68.75 → 68.8, 红 (a report missing); May 50 ×3 + 75 →
//!   225/4 = 56.25 → 56.3, 红.
//! 水泉社区: 4/4 visited, 3 slogans, zero reports (week 4's dated 05-01); a dispute 04-20 (张三丰) left
//!   未化解 — overdue from week 7 on (05-23 − 04-20 = 33 > 30). Reports: weeks 5, 6 late (next Monday).
//!   April: 80/80 = 100.0 each week; May: W5, W6 late (10+20+20+10+10)/80 = 87.5; W7, W8 on time but
//!   the dispute overdue → 纠纷 20 × ½ = 10: (20+20+10+10+10)/80 = 87.5 → May 87.5 (绿).
//! 镇卫生院: one screen slogan → (10+10)/20 = 100.0 every week.
//!
//! Ranks (村/社区): May 东庄村 96.0 (1), 水泉社区 87.5 (2), 西庄村 56.3 (3); April 水泉社区 100.0 (1),
//! 东庄村 96.0 (2), 西庄村 68.8 (3) → change +1, −1, 0.

mod common;
use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use common::*;
use serde_json::Value;
use std::io::Read;

const MONTH_FILE: &str = "水泉镇双提升月度督导_2021年5月.xlsx";

fn monday(week: u32) -> (i32, u32, u32) {
    let d = chrono::NaiveDate::from_ymd_opt(2021, 4, 5).unwrap()
        + chrono::Duration::days(7 * (week as i64 - 1));
    use chrono::Datelike;
    (d.year(), d.month(), d.day())
}

fn dd(x: (i32, u32, u32)) -> C {
    d(x.0, x.1, x.2)
}

fn friday_at(week: u32, days_after: i64, h: u32) -> C {
    use chrono::Datelike;
    let f = chrono::NaiveDate::from_ymd_opt(2021, 4, 9).unwrap()
        + chrono::Duration::days(7 * (week as i64 - 1) + days_after);
    t(f.year(), f.month(), f.day(), h, 0)
}

fn fixture() -> Inbox {
    let ib = Inbox::new();
    ib.xlsx(
        "办公室/村居名册.xlsx",
        &[(
            "名册",
            vec![
                row(&["名称", "类别", "户数", "网格数"]),
                vec![s("东庄村"), s("村"), n(4.0), n(2.0)],
                vec![s("西庄村"), s("村"), n(4.0), n(1.0)],
                vec![s("水泉社区"), s("社区"), n(4.0), n(2.0)],
                vec![s("镇卫生院"), s("镇直单位"), C::E, C::E],
            ],
        )],
    );
    ib.xlsx(
        "联络员名单.xlsx",
        &[(
            "联络员",
            vec![
                row(&[
                    "村居",
                    "一把手",
                    "分管负责人",
                    "联络员",
                    "联系电话",
                    "报送日期",
                ]),
                vec![
                    s("东庄村"),
                    s("周书记"),
                    s("吴主任"),
                    s("郑文书"),
                    s("13812345678"),
                    d(2021, 4, 6),
                ],
                vec![
                    s("西庄村"),
                    s("冯书记"),
                    s("陈主任"),
                    s("赵六"),
                    s("13912341111"),
                    d(2021, 4, 6),
                ],
                vec![
                    s("水泉社区"),
                    s("褚书记"),
                    s("卫主任"),
                    s("蒋文书"),
                    s("13712342222"),
                    d(2021, 4, 6),
                ],
            ],
        )],
    );
    // Weekly reports.
    let mut weekly = vec![row(&["村居", "报送时间", "所属周次", "本周工作开展情况"])];
    for w in 1..=8u32 {
        weekly.push(vec![
            s("东庄村"),
            friday_at(w, 0, 16),
            s(&format!("第{w}期")),
            s("走访、排查"),
        ]);
        if [1, 2, 3, 8].contains(&w) {
            weekly.push(vec![
                s("西庄村"),
                friday_at(w, 0, 16),
                s(&format!("第{w}期")),
                s("走访"),
            ]);
        }
        // Weeks 5 and 6 only on the Monday after: late.
        let late = if [5, 6].contains(&w) { 3 } else { 0 };
        weekly.push(vec![
            s("水泉社区"),
            friday_at(w, late, if late > 0 { 9 } else { 16 }),
            s(&format!("第{w}期")),
            s("排查"),
        ]);
    }
    ib.xlsx("周报.xlsx", &[("周报", weekly)]);
    // Visits, all on 04-06.
    let mut visits = vec![row(&[
        "村居",
        "村民小组",
        "户主姓名",
        "走访日期",
        "走访方式",
        "发放问卷",
        "送达公开信",
    ])];
    for (unit, heads, phone_from) in [
        ("东庄村", vec!["甲一", "甲二", "甲三", "甲四"], 9),
        ("西庄村", vec!["乙一", "乙二"], 9),
        ("水泉社区", vec!["丙一", "丙二", "丙三", "丙四"], 2),
    ] {
        for (k, h) in heads.iter().enumerate() {
            visits.push(vec![
                s(unit),
                s("一组"),
                s(h),
                d(2021, 4, 6),
                s(if k >= phone_from { "电话" } else { "入户" }),
                s("是"),
                s("是"),
            ]);
        }
    }
    ib.xlsx("走访台账.xlsx", &[("走访", visits)]);
    // Disputes: a zero report each week 1–8 (水泉社区's week-4 one on Saturday 05-01), 西庄村 also on
    // 05-31 (week 9, June's), 东庄村 a dispute found and resolved on 05-31, 水泉社区 张三丰 from 04-20.
    let mut disputes = vec![row(&[
        "村居",
        "排查日期",
        "当事人",
        "纠纷类型",
        "简要情况",
        "化解状态",
        "化解日期",
        "责任人",
    ])];
    for w in 1..=8u32 {
        for unit in ["东庄村", "西庄村", "水泉社区"] {
            let date = if unit == "水泉社区" && w == 4 {
                d(2021, 5, 1)
            } else {
                dd(monday(w))
            };
            disputes.push(vec![
                s(unit),
                date,
                C::E,
                s("无"),
                s("本周无矛盾纠纷"),
                C::E,
                C::E,
                C::E,
            ]);
        }
    }
    disputes.push(vec![
        s("西庄村"),
        d(2021, 5, 31),
        C::E,
        s("无"),
        s("本周无矛盾纠纷"),
        C::E,
        C::E,
        C::E,
    ]);
    disputes.push(vec![
        s("东庄村"),
        d(2021, 5, 31),
        s("钱某某"),
        s("邻里"),
        s("院墙"),
        s("已化解"),
        d(2021, 5, 31),
        s("孙调解"),
    ]);
    disputes.push(vec![
        s("水泉社区"),
        d(2021, 4, 20),
        s("张三丰"),
        s("邻里"),
        s("排水"),
        s("未化解"),
        C::E,
        s("王主任"),
    ]);
    ib.xlsx("矛盾纠纷台账.xlsx", &[("纠纷", disputes)]);
    let a = [
        "人人参与平安创建  家家共享平安成果",
        "严厉打击盗窃犯罪  保护群众财产安全",
        "发挥好综治中心作用  及时为群众排忧解难",
    ];
    let mut slogans = vec![row(&[
        "村居",
        "标语内容",
        "形式",
        "位置",
        "悬挂日期",
        "状态",
    ])];
    for unit in ["东庄村", "水泉社区"] {
        for x in a {
            slogans.push(vec![
                s(unit),
                s(x),
                s("横幅"),
                s("村委"),
                d(2021, 4, 6),
                s("在挂"),
            ]);
        }
    }
    slogans.push(vec![
        s("镇卫生院"),
        s(a[0]),
        s("电子显示屏"),
        s("大厅"),
        d(2021, 4, 6),
        s("在挂"),
    ]);
    ib.xlsx("标语台账.xlsx", &[("标语", slogans)]);
    let mut acts = vec![row(&["村居", "日期", "活动类型", "参加人数", "内容"])];
    for unit in ["东庄村", "西庄村", "水泉社区"] {
        acts.push(vec![
            s(unit),
            d(2021, 4, 7),
            s("动员部署会"),
            n(20.0),
            s("传达会议精神"),
        ]);
    }
    acts.push(vec![
        s("镇卫生院"),
        d(2021, 5, 20),
        s("专题部署会"),
        n(30.0),
        s("民调问卷宣讲"),
    ]);
    ib.xlsx("工作活动台账.xlsx", &[("活动", acts)]);
    // 安全感 for 东庄村: 24 of 30 安全 → 0.8, a sufficient sample (plan minimum 30).
    ib.xlsx(
        "东庄村问卷汇总.xlsx",
        &[(
            "汇总",
            vec![
                row(&["村居", "题号", "选项", "人数"]),
                vec![s("东庄村"), n(6.0), s("非常安全"), n(10.0)],
                vec![s("东庄村"), n(6.0), s("基本安全"), n(14.0)],
                vec![s("东庄村"), n(6.0), s("不安全"), n(6.0)],
            ],
        )],
    );
    // Officers: 东庄村's second grid only reports in on 06-01 (after May).
    ib.xlsx(
        "进网格干警名单.xlsx",
        &[(
            "干警",
            vec![
                row(&["姓名", "所属单位", "进驻村居", "网格", "报到日期"]),
                vec![
                    s("刘警官"),
                    s("公安"),
                    s("东庄村"),
                    s("第1网格"),
                    d(2021, 4, 10),
                ],
                vec![
                    s("马法官"),
                    s("法院"),
                    s("东庄村"),
                    s("第2网格"),
                    d(2021, 6, 1),
                ],
                vec![
                    s("何检察"),
                    s("检察院"),
                    s("西庄村"),
                    s("第1网格"),
                    d(2021, 4, 10),
                ],
                vec![
                    s("罗司法"),
                    s("司法"),
                    s("水泉社区"),
                    s("一网格"),
                    d(2021, 4, 10),
                ],
                vec![
                    s("高警官"),
                    s("公安"),
                    s("水泉社区"),
                    s("二网格"),
                    d(2021, 4, 10),
                ],
            ],
        )],
    );
    // The office's supervision log (header in row 1; data from row 2; 整改状态 is column G).
    ib.xlsx(
        "办公室/督查记录.xlsx",
        &[(
            "督查记录",
            vec![
                row(&[
                    "督查日期",
                    "村居",
                    "督查方式",
                    "发现问题",
                    "整改要求",
                    "整改期限",
                    "整改状态",
                    "督查人",
                ]),
                // Row 2: deadline = the month's last day → not yet overdue.
                vec![
                    d(2021, 5, 6),
                    s("东庄村"),
                    s("上门查看"),
                    s("标语褪色"),
                    s("更换标语"),
                    d(2021, 5, 31),
                    s("整改中"),
                    s("于静"),
                ],
                // Row 3: deadline 05-30 passed, 未整改 → overdue (G3).
                vec![
                    d(2021, 5, 12),
                    s("西庄村"),
                    s("明察暗访"),
                    s("走访进度慢"),
                    s("月底前走访到户"),
                    d(2021, 5, 30),
                    s("未整改"),
                    s("李岩"),
                ],
                // Row 4: done.
                vec![
                    d(2021, 5, 20),
                    s("西庄村"),
                    s("电话抽查"),
                    s("周报未报"),
                    s("补报"),
                    d(2021, 5, 25),
                    s("已整改"),
                    s("高海成"),
                ],
                // Row 5: an April finding still open past its deadline → overdue (G5).
                vec![
                    d(2021, 4, 15),
                    s("水泉社区"),
                    s("上门查看"),
                    s("台账不全"),
                    s("补全台账"),
                    d(2021, 4, 30),
                    s("未整改"),
                    s("于静"),
                ],
                // Row 6: a check that found nothing.
                vec![
                    d(2021, 5, 25),
                    s("水泉社区"),
                    s("电话抽查"),
                    s("无"),
                    C::E,
                    C::E,
                    C::E,
                    s("李岩"),
                ],
                // Row 7: June, not this month.
                vec![
                    d(2021, 6, 2),
                    s("东庄村"),
                    s("上门查看"),
                    s("宣传不足"),
                    s("加强宣传"),
                    d(2021, 6, 9),
                    s("整改中"),
                    s("于静"),
                ],
            ],
        )],
    );
    ib
}

fn weekly_scores(u: &Value) -> Vec<(u64, f64, String)> {
    u["weekly_scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["issue"].as_u64().unwrap(),
                w["score"].as_f64().unwrap(),
                w["grade"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn run_may(ib: &Inbox, out: &str, json_name: &str) -> Value {
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-05", "-o", out, "--json", json_name,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    json(&ib.path(json_name))
}

#[test]
fn may_figures_scores_and_ranks_match_the_hand_computed_truth() {
    let ib = fixture();
    let j = run_may(&ib, "out", "m.json");
    // The fixture is clean: no ledger problem of a unit that would cost 台账质量 points.
    let ledger_errors: Vec<&Value> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "info" && d["unit"] != "")
        .filter(|d| !d["code"].as_str().unwrap().starts_with('R'))
        .collect();
    assert!(ledger_errors.is_empty(), "{ledger_errors:?}");

    assert_eq!(j["period"]["kind"], "month");
    assert_eq!(j["period"]["start"], "2021-05-01");
    assert_eq!(j["period"]["end"], "2021-05-31");
    assert_eq!(j["period"]["issue"], 5);
    let weeks: Vec<u64> = j["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["issue"].as_u64().unwrap())
        .collect();
    assert_eq!(
        weeks,
        [5, 6, 7, 8],
        "04-26..05-02 is April's, 05-31..06-06 June's"
    );
    assert_eq!(j["previous_period"]["start"], "2021-04-01");

    let dz = unit(&j, "东庄村");
    assert_eq!(
        weekly_scores(dz),
        [5, 6, 7, 8].map(|w| (w, 96.0, "green".to_string()))
    );
    assert_eq!(dz["score"], 96.0);
    assert_eq!(dz["grade"], "green");
    assert_eq!(dz["rank"], 1);
    assert_eq!(dz["rank_change"], 1, "April rank 2 → May rank 1");
    assert_eq!(dz["previous"]["score"], 96.0);
    // Figures as of 05-31: the 05-31 dispute is May's by date (new and resolved in May) although its
    // week is June's; its week does not count as a screened week of May.
    let d = &dz["disputes"];
    assert_eq!(d["new"], 1);
    assert_eq!(d["resolved"], 1);
    assert_eq!(d["total"], 1);
    assert_eq!(d["resolved_total"], 1);
    assert_eq!(d["overdue"], 0);
    assert_eq!(d["screened_weeks"], 4);
    assert_eq!(dz["visits"]["households_visited"], 4);
    assert_eq!(dz["visits"]["coverage"], 1.0);
    assert_eq!(dz["survey"]["rates"]["security"]["value"], 0.8);
    assert_eq!(dz["survey"]["rates"]["security"]["base"], 30);
    assert_eq!(dz["grids"]["registered"], 2);
    assert_eq!(dz["grids"]["with_officer"], 1);

    let xz = unit(&j, "西庄村");
    assert_eq!(
        weekly_scores(xz),
        [
            (5, 50.0, "red".to_string()),
            (6, 50.0, "red".to_string()),
            (7, 50.0, "red".to_string()),
            (8, 75.0, "yellow".to_string()),
        ]
    );
    // (50 × 3 + 75) / 4 = 56.25 → 56.3; 红 by score and by the missing reports.
    assert_eq!(xz["score"], 56.3);
    assert_eq!(xz["grade"], "red");
    assert_eq!(xz["rank"], 3);
    assert_eq!(xz["rank_change"], 0);
    assert_eq!(xz["previous"]["score"], 68.8);
    assert_eq!(xz["red_weeks"], serde_json::json!([5, 6, 7]));
    assert_eq!(xz["weekly_reports"]["missing"], 3);
    assert_eq!(xz["weekly_reports"]["on_time"], 1);
    // The 05-31 zero report is week 9's (June): May's screened weeks stay 4.
    assert_eq!(xz["disputes"]["screened_weeks"], 4);
    assert_eq!(xz["visits"]["coverage"], 0.5);

    let sq = unit(&j, "水泉社区");
    assert_eq!(sq["kind"], "community");
    assert_eq!(
        weekly_scores(sq),
        [5, 6, 7, 8].map(|w| (w, 87.5, "green".to_string()))
    );
    assert_eq!(sq["score"], 87.5);
    assert_eq!(sq["grade"], "green");
    assert_eq!(sq["rank"], 2);
    assert_eq!(sq["rank_change"], -1, "April rank 1 → May rank 2");
    assert_eq!(sq["previous"]["score"], 100.0);
    assert_eq!(sq["weekly_reports"]["late"], 2);
    // 张三丰's dispute: 41 days open at 05-31.
    assert_eq!(sq["disputes"]["overdue"], 1);
    assert_eq!(sq["disputes"]["screened_weeks"], 4);

    let wsy = unit(&j, "镇卫生院");
    assert_eq!(wsy["kind"], "town_unit");
    assert_eq!(wsy["score"], 100.0);
    assert_eq!(wsy["rank"], 1);
    assert!(wsy.get("weekly_reports").is_none());

    // The town's weekly trend (村/社区 mean): W1–3 (96+75+100)/3 = 90.3, W4 (96+50+100)/3 = 82.0,
    // W5–7 (96+50+87.5)/3 = 77.8, W8 (96+75+87.5)/3 = 86.2.
    let trend: Vec<(u64, f64)> = j["town"]["weekly_average"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["issue"].as_u64().unwrap(), w["score"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        trend,
        [
            (1, 90.3),
            (2, 90.3),
            (3, 90.3),
            (4, 82.0),
            (5, 77.8),
            (6, 77.8),
            (7, 77.8),
            (8, 86.2)
        ]
    );

    // The weekly rules summed over the month.
    let tally = |unit: &str, code: &str| -> Vec<u64> {
        j["weekly_rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["unit"] == unit && t["code"] == code)
            .map(|t| {
                t["weeks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w.as_u64().unwrap())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(tally("水泉社区", "R3_report_late"), [5, 6]);
    assert_eq!(tally("西庄村", "R3_report_missing"), [5, 6, 7]);
    assert_eq!(tally("水泉社区", "R6_overdue"), [7, 8]);
    assert!(tally("东庄村", "R3_report_late").is_empty());
}

#[test]
fn supervision_figures_and_the_deadline_edge() {
    let ib = fixture();
    let j = run_may(&ib, "out", "m.json");
    let s = &j["supervision"];
    // May checks: rows 2–6 except the April one (row 5) = rows 2, 3, 4, 6; row 7 is June's.
    assert_eq!(s["checks"], 4);
    assert_eq!(s["by_method"]["on_site"], 1);
    assert_eq!(s["by_method"]["unannounced"], 1);
    assert_eq!(s["by_method"]["phone"], 2);
    // Row 6 found nothing (“无”).
    assert_eq!(s["findings"], 3);
    // To date: row 4 done; row 2 open (deadline = 05-31 is not yet passed); rows 3 and 5 overdue.
    assert_eq!(s["rectification"]["done"], 1);
    assert_eq!(s["rectification"]["open"], 1);
    assert_eq!(s["rectification"]["overdue"], 2);
    assert_eq!(s["units_not_checked"], serde_json::json!([]));
    let edge = s["findings_tracked"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["problem"] == "标语褪色")
        .unwrap();
    assert_eq!(edge["deadline"], "2021-05-31");
    assert_eq!(edge["status"], "open");
    assert_eq!(unit(&j, "西庄村")["supervision"]["checks"], 2);

    let diags = j["diagnostics"].as_array().unwrap();
    let cells = |code: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = diags
            .iter()
            .filter(|d| d["code"] == code)
            .map(|d| {
                (
                    d["unit"].as_str().unwrap().to_string(),
                    d["cell"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        cells("R11_rectify_overdue"),
        [
            ("水泉社区".to_string(), "G5".to_string()),
            ("西庄村".to_string(), "G3".to_string())
        ]
    );
    assert_eq!(
        cells("R11_rectify_pending"),
        [("东庄村".to_string(), "G2".to_string())]
    );
    let r9: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "R9_grid_without_officer")
        .collect();
    assert_eq!(r9.len(), 1);
    assert_eq!(r9[0]["unit"], "东庄村");
    assert!(r9[0]["message"].as_str().unwrap().contains("第2网格"));
    // 镇卫生院 held its 专题部署会 on 05-20, before the 06-07 window: no R8 finding.
    assert!(!diags
        .iter()
        .any(|d| d["code"].as_str().unwrap().starts_with("R8_")));

    // A month later the same finding (deadline 05-31) is overdue.
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-06", "-o", "out", "--json", "j6.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j6 = json(&ib.path("j6.json"));
    let edge = j6["supervision"]["findings_tracked"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["problem"] == "标语褪色")
        .unwrap();
    assert_eq!(edge["status"], "overdue");
}

#[test]
fn suggestions_carry_their_evidence_and_dispatch_names_who_is_responsible() {
    let ib = fixture();
    let j = run_may(&ib, "out", "m.json");
    let sug: Vec<(String, String)> = j["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["unit"].as_str().unwrap().to_string(),
                s["action"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        sug,
        [
            ("东庄村".to_string(), "重点管理".to_string()),
            ("西庄村".to_string(), "通报约谈".to_string()),
            ("西庄村".to_string(), "重点管理".to_string()),
        ],
        "no 一票否决: 3 red weeks < 4 and 安全感 80% ≥ 70%"
    );
    let find = |u: &str, a: &str| -> &Value {
        j["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["unit"] == u && s["action"] == a)
            .unwrap()
    };
    // The run straddles April's last week.
    let iv = find("西庄村", "通报约谈");
    assert_eq!(iv["weeks"], serde_json::json!([4, 5, 6, 7]));
    assert!(iv["reason"].as_str().unwrap().contains("连续4周红色"));
    let ev = iv["evidence"].as_str().unwrap();
    assert!(ev.contains("第4期 50.0分（红，未报周报）"), "{ev}");
    assert!(ev.contains("第7期 50.0分（红，未报周报）"), "{ev}");
    let km = find("西庄村", "重点管理");
    assert_eq!(km["weeks"], serde_json::json!([5, 6, 7]));
    let sec = find("东庄村", "重点管理");
    assert_eq!(sec["security"]["value"], 0.8);
    assert_eq!(sec["security"]["base"], 30);
    assert!(sec["reason"].as_str().unwrap().contains("80.0%"));
    assert!(sec["evidence"].as_str().unwrap().contains("30份"));

    let items: Vec<(String, String)> = j["dispatch"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["category"].as_str().unwrap().to_string(),
                x["unit"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let c = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        items,
        [
            c("overdue_dispute", "水泉社区"),
            c("missing_weekly_report", "西庄村"),
            c("missing_weekly_report", "西庄村"),
            c("missing_weekly_report", "西庄村"),
            c("missing_ledger", "西庄村"),
            c("unrectified_finding", "水泉社区"),
            c("unrectified_finding", "西庄村"),
            c("unrectified_finding", "东庄村"),
            c("grid_without_officer", "东庄村"),
        ]
    );
    let d = &j["dispatch"][0];
    // Overdue from the 31st day after 04-20; the dispute's 责任人 and the unit's 联络员 (phone masked).
    assert_eq!(d["since"], "2021-05-21");
    assert!(d["item"].as_str().unwrap().contains("张*丰"));
    assert!(d["responsible"].as_str().unwrap().contains("王主任"));
    assert!(d["responsible"]
        .as_str()
        .unwrap()
        .contains("蒋文书（137****2222）"));
    let r = &j["dispatch"][6];
    assert_eq!(r["since"], "2021-05-30");
    assert!(r["responsible"].as_str().unwrap().contains("督查人 李岩"));
    assert!(r["source"].as_str().unwrap().ends_with("G3"));
    assert_eq!(j["dispatch"][1]["since"], "2021-05-07");
}

fn shared_strings(path: &std::path::Path) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

#[test]
fn workbook_reads_back_masked_and_byte_identical() {
    let ib = fixture();
    run_may(&ib, "out", "m.json");
    let path = ib.path("out").join(MONTH_FILE);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "督导通报",
            "月度考评",
            "督查记录",
            "整改跟踪",
            "约谈及重点管理建议",
            "民调指标",
            "调度事项",
            "图表"
        ]
    );
    let b = wb.worksheet_range("督导通报").unwrap();
    // (a paragraph's lines are broken explicitly, 避头尾: read each as one string)
    let text: Vec<String> = b
        .rows()
        .map(|r| cell_text(&r[0]).replace('\n', ""))
        .collect();
    assert!(text[0].contains("督导通报"), "{text:?}");
    assert_eq!(text[1], "（2021年5月）");
    assert_eq!(cell_text(&b.rows().nth(2).unwrap()[5]), "2021年5月31日");
    for h in [
        "一、总体情况",
        "二、考评结果",
        "三、督查发现的问题",
        "四、下步要求",
    ] {
        assert!(text.iter().any(|t| t == h), "{h}");
    }
    let all = text.join("\n");
    assert!(all.contains("按时报送"), "{all}");
    assert!(all.contains("水泉社区周报迟报2次（第5期、第6期）"), "{all}");
    assert!(
        all.contains("西庄村周报未报3次（第5期、第6期、第7期）"),
        "{all}"
    );
    assert!(all.contains("报："), "{all}");
    assert!(all.contains("送："), "{all}");

    // 月度考评: rank, unit, kind, weeks 5–8, mean, grade word …
    let r = wb.worksheet_range("月度考评").unwrap();
    let rows: Vec<Vec<String>> = r
        .rows()
        .map(|x| x.iter().map(cell_text).collect())
        .collect();
    let header = rows.iter().position(|x| x[0] == "名次").unwrap();
    assert_eq!(rows[header][3], "第5期");
    assert_eq!(rows[header][7], "月平均分");
    // 村/社区 under their own sub-heading (issue 12: ranked apart, read as separate tables).
    assert_eq!(rows[header + 1][0], "（一）村（社区）");
    assert_eq!(
        rows[header + 2][..9],
        ["1", "东庄村", "村", "96", "96", "96", "96", "96", "绿"]
    );
    assert_eq!(rows[header + 4][1], "西庄村");
    assert_eq!(rows[header + 4][7], "56.3");
    assert_eq!(rows[header + 4][8], "红");

    let sg = wb.worksheet_range("约谈及重点管理建议").unwrap();
    let sg_text: String = sg
        .rows()
        .flat_map(|x| x.iter().map(cell_text).collect::<Vec<_>>())
        .collect::<Vec<_>>()
        .join("|");
    assert!(sg_text.contains("建议通报约谈"));
    assert!(sg_text.contains("第4期 50.0分（红，未报周报）"));

    let strings = shared_strings(&path);
    assert!(!strings.contains("张三丰"), "villager's name masked");
    assert!(strings.contains("张*丰"));
    assert!(!strings.contains("13712342222"), "phone masked");
    assert!(strings.contains("137****2222"));

    // The office's own copy is unmasked.
    let o = ib.run(&[
        "monthly",
        "inbox",
        "--month",
        "2021-05",
        "-o",
        "office",
        "--no-mask",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(shared_strings(&ib.path("office").join(MONTH_FILE)).contains("张三丰"));

    // Same inputs, same bytes.
    run_may(&ib, "again", "m2.json");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(ib.path("again").join(MONTH_FILE)).unwrap()
    );
}

#[test]
fn refuses_to_overwrite_before_reading_and_refuses_months_outside_the_campaign() {
    let ib = fixture();
    run_may(&ib, "out", "m.json");
    let path = ib.path("out").join(MONTH_FILE);
    let before = std::fs::read(&path).unwrap();
    // The existing report is refused before the inbox is even looked at (it does not exist here).
    let o = ib.run(&["monthly", "nowhere", "--month", "2021-05", "-o", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("已存在"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-05", "-o", "out", "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // No temp files left.
    assert_eq!(std::fs::read_dir(ib.path("out")).unwrap().count(), 1);

    let o = ib.run(&["monthly", "inbox", "--month", "2021-03", "-o", "out2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不在活动期内"), "{}", stderr(&o));
    assert!(!ib
        .path("out2")
        .join("水泉镇双提升月度督导_2021年3月.xlsx")
        .exists());
}

#[test]
fn april_has_no_previous_month_to_compare() {
    let ib = fixture();
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-04", "-o", "out", "--json", "a.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&ib.path("a.json"));
    let weeks: Vec<u64> = j["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["issue"].as_u64().unwrap())
        .collect();
    assert_eq!(weeks, [1, 2, 3, 4]);
    assert!(j["previous_period"].is_null());
    let sq = unit(&j, "水泉社区");
    assert_eq!(sq["score"], 100.0);
    assert_eq!(sq["rank"], 1);
    assert!(sq["rank_change"].is_null());
    // Week 4's zero report is dated 05-01: it counts for week 4 but not in April's figures (as of 04-30).
    assert_eq!(sq["disputes"]["screened_weeks"], 3);
    let xz = unit(&j, "西庄村");
    assert_eq!(xz["score"], 68.8);
    assert_eq!(xz["grade"], "red");
    // April: only week 4 red — no run of two inside April (week 3 is yellow).
    assert!(j["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["action"] != "通报约谈"));
}

/// The values a one-column chart range points at, read back from the workbook.
fn ref_values(path: &std::path::Path, r: &str) -> Vec<Data> {
    let (name, first, col, last) = parse_ref(r);
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range(&name).unwrap();
    (first..=last)
        .map(|row| range.get_value((row, col)).cloned().unwrap_or(Data::Empty))
        .collect()
}

#[test]
fn the_chart_sheet_draws_the_weekly_score_trend_and_the_survey_against_last_month() {
    let ib = fixture();
    let j = run_may(&ib, "out", "m.json");
    let path = ib.path("out").join(MONTH_FILE);
    let charts = chart_refs(&path);
    assert!(charts.len() >= 2, "{charts:?}");
    let on_sheet: Vec<&Vec<String>> = charts
        .iter()
        .filter(|c| c.iter().all(|r| r.starts_with("图表!")))
        .collect();
    assert_eq!(on_sheet.len(), 2, "{charts:?}");

    // (c) the 村/社区 mean score of every week of April and May, as the JSON gives it.
    let trend = on_sheet[0];
    assert_eq!(trend.len(), 2, "{trend:?}");
    let weeks: Vec<String> = ref_values(&path, &trend[0])
        .iter()
        .map(|d| d.to_string())
        .collect();
    let avg = j["town"]["weekly_average"].as_array().unwrap();
    let want: Vec<String> = avg.iter().map(|w| format!("第{}期", w["issue"])).collect();
    assert_eq!(weeks, want);
    assert!(weeks.contains(&"第5期".to_string()), "{weeks:?}");
    let scores = ref_values(&path, &trend[1]);
    for (got, w) in scores.iter().zip(avg) {
        assert_eq!(got.as_f64(), w["score"].as_f64(), "{w}");
    }

    // (d) the town's rates: this month and last month, one category per rate of the plan.
    let survey = on_sheet[1];
    assert_eq!(survey.len(), 4, "{survey:?}");
    let names: Vec<String> = ref_values(&path, &survey[0])
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(names.len(), 13, "{names:?}");
    let now = ref_values(&path, &survey[1]);
    let before = ref_values(&path, &survey[3]);
    let i = names.iter().position(|n| n == "安全感率").unwrap();
    let close = |d: &Data, v: &Value| match (d.as_f64(), v.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-3,
        (None, None) => true,
        _ => false,
    };
    let town = &j["town"];
    assert!(
        close(&now[i], &town["survey"]["rates"]["security"]["value"]),
        "{:?}",
        now[i]
    );
    assert!(
        close(
            &before[i],
            &town["previous_survey"]["rates"]["security"]["value"]
        ),
        "{:?}",
        before[i]
    );
}
