//! `shuangti weekly` end to end: a fixture inbox whose every figure is worked out by hand below.

mod common;
use common::*;
use serde_json::Value;

/// Week 6 = 2021-05-10 (Mon) .. 2021-05-16 (Sun); weekly reports due Fri 2021-05-14 17:30.
fn fixture() -> Inbox {
    let ib = Inbox::new();
    ib.register(); // 东庄村 100 户, 西庄村 50 户, 水泉社区 80 户, 镇卫生院
    let h = row(&[
        "村居",
        "报送时间",
        "所属周次",
        "本周工作开展情况",
        "走访户数",
        "排查纠纷数",
        "化解纠纷数",
    ]);
    ib.xlsx(
        "周报汇总.xlsx",
        &[(
            "周报",
            vec![
                row(&["各村周报"]),
                h,
                // Exactly 17:30:00 on the Friday: on time.
                vec![
                    s("东庄村"),
                    t(2021, 5, 14, 17, 30),
                    C::E,
                    s("走访、排查"),
                    n(5.0),
                    n(1.0),
                    n(1.0),
                ],
                vec![
                    s("东庄村"),
                    t(2021, 5, 21, 10, 0),
                    C::E,
                    // Week 7 agrees with its ledgers: 赵六 visited 05-17, 己某 screened 05-17,
                    // 戊某 resolved 05-20.
                    s("第7周"),
                    n(1.0),
                    n(1.0),
                    n(1.0),
                ],
                // One minute late; a second report for the same week later still leaves it late.
                vec![
                    s("西庄村"),
                    t(2021, 5, 14, 17, 31),
                    C::E,
                    s("走访"),
                    C::E,
                    C::E,
                    C::E,
                ],
                vec![
                    s("西庄村"),
                    t(2021, 5, 17, 9, 0),
                    s("第6周"),
                    s("补充"),
                    C::E,
                    C::E,
                    C::E,
                ],
                // Sent after the week ended, for week 6: late, not missing.
                vec![
                    s("水泉社区"),
                    t(2021, 5, 18, 8, 0),
                    s("第6期"),
                    s("补报"),
                    C::E,
                    C::E,
                    C::E,
                ],
            ],
        )],
    );
    let vh = row(&[
        "村居",
        "村民小组",
        "户主姓名",
        "走访日期",
        "走访方式",
        "发放问卷",
        "送达公开信",
    ]);
    let visits = vec![
        vh.clone(),
        vec![
            s("东庄村"),
            s("一组"),
            s("张三"),
            d(2021, 5, 3),
            s("入户"),
            s("是"),
            s("是"),
        ],
        vec![
            s("东庄村"),
            s("一组"),
            s("张三"),
            d(2021, 5, 11),
            s("电话"),
            s("否"),
            s("否"),
        ],
        vec![
            s("东庄村"),
            s("一组"),
            s("李四"),
            d(2021, 5, 11),
            s("电话"),
            s("是"),
            s("否"),
        ],
        vec![
            s("东庄村"),
            s("二组"),
            s("王五"),
            d(2021, 5, 12),
            s("入户"),
            s("否"),
            s("是"),
        ],
        vec![
            s("东庄村"),
            s("二组"),
            s("孙七"),
            d(2021, 5, 16),
            s("入户"),
            s("否"),
            s("否"),
        ],
        vec![
            s("东庄村"),
            s("二组"),
            s("赵六"),
            d(2021, 5, 17),
            s("入户"),
            s("是"),
            s("是"),
        ],
    ];
    ib.xlsx("东庄村走访台账.xlsx", &[("Sheet1", visits)]);
    // A resend holding a row already counted.
    ib.xlsx(
        "东庄村走访台账(1).xlsx",
        &[(
            "Sheet1",
            vec![
                vh,
                vec![
                    s("东庄村"),
                    s("一组"),
                    s("李四"),
                    d(2021, 5, 11),
                    s("电话"),
                    s("是"),
                    s("否"),
                ],
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
        "矛盾纠纷.xlsx",
        &[(
            "台账",
            vec![
                dh,
                vec![
                    s("东庄村"),
                    d(2021, 4, 1),
                    s("甲某"),
                    s("邻里"),
                    C::E,
                    s("未化解"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 4, 20),
                    s("乙某"),
                    s("婚姻家庭"),
                    C::E,
                    s("化解中"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 5, 11),
                    s("丙某"),
                    s("合同"),
                    C::E,
                    s("已化解"),
                    d(2021, 5, 13),
                ],
                vec![
                    s("东庄村"),
                    d(2021, 4, 10),
                    s("丁某"),
                    s("房屋宅基地"),
                    C::E,
                    s("已移交"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 4, 5),
                    s("戊某"),
                    s("其他"),
                    C::E,
                    s("已化解"),
                    d(2021, 5, 20),
                ],
                vec![
                    s("东庄村"),
                    d(2021, 5, 17),
                    s("己某"),
                    s("其他"),
                    C::E,
                    s("未化解"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 5, 10),
                    C::E,
                    s("无"),
                    s("本周无新增"),
                    C::E,
                    C::E,
                ],
                vec![
                    s("西庄村"),
                    d(2021, 5, 3),
                    C::E,
                    C::E,
                    s("本周无矛盾纠纷"),
                    C::E,
                    C::E,
                ],
            ],
        )],
    );
    let a = [
        "人人参与平安创建  家家共享平安成果",
        "严厉打击盗窃犯罪  保护群众财产安全",
        "发挥好综治中心作用  及时为群众排忧解难",
    ];
    let sh = row(&["村居", "标语内容", "形式", "位置", "悬挂日期", "状态"]);
    ib.xlsx(
        "标语.xlsx",
        &[(
            "标语",
            vec![
                sh,
                vec![
                    s("东庄村"),
                    s(a[0]),
                    s("横幅"),
                    s("村委"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
                vec![
                    s("东庄村"),
                    s(a[1]),
                    s("墙体"),
                    s("路口"),
                    d(2021, 4, 20),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    s(a[2]),
                    s("横幅"),
                    s("广场"),
                    d(2021, 4, 21),
                    s("在挂"),
                ],
                // A typo of an approved slogan: approved, with a warning.
                vec![
                    s("东庄村"),
                    s("坚决打击赌搏违法犯罪，倡导健康文化娱乐活动"),
                    s("墙体"),
                    s("小学"),
                    d(2021, 4, 22),
                    s("在挂"),
                ],
                vec![
                    s("东庄村"),
                    s("平安东庄欢迎您"),
                    s("横幅"),
                    s("村口"),
                    d(2021, 4, 22),
                    s("在挂"),
                ],
                vec![
                    s("东庄村"),
                    s(a[0]),
                    s("横幅"),
                    s("旧址"),
                    d(2021, 4, 1),
                    s("已撤"),
                ],
                vec![
                    s("东庄村"),
                    s(a[0]),
                    s("横幅"),
                    s("新址"),
                    d(2021, 5, 20),
                    s("在挂"),
                ],
                vec![
                    s("水泉社区"),
                    s(a[0]),
                    s("横幅"),
                    s("门口"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
                vec![
                    s("水泉社区"),
                    s(a[1]),
                    s("横幅"),
                    s("门口"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
                vec![
                    s("镇卫生院"),
                    s(a[2]),
                    s("电子显示屏"),
                    s("大厅"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
                vec![
                    s("镇卫生院"),
                    s(a[1]),
                    s("横幅"),
                    s("门口"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
            ],
        )],
    );
    ib
}

fn unit<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap()
}

#[test]
fn week_six_figures_match_the_hand_computed_truth() {
    let ib = fixture();
    let o = ib.run(&[
        "weekly",
        "inbox",
        "--week",
        "2021-05-12",
        "-o",
        "out",
        "--json",
        "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("w.json"));
    assert_eq!(j["period"]["kind"], "week");
    assert_eq!(j["period"]["issue"], 6);
    assert_eq!(j["period"]["start"], "2021-05-10");
    assert_eq!(j["period"]["end"], "2021-05-16");

    let dz = unit(&j, "东庄村");
    assert_eq!(dz["kind"], "village");
    assert_eq!(dz["households"], 100);
    assert_eq!(dz["weekly_report"]["status"], "on_time");
    assert_eq!(dz["weekly_report"]["submitted_at"], "2021-05-14T17:30");
    // 张三 (入户 05-03, 电话 05-11), 李四 (电话, sent twice), 王五 (入户), 孙七 (入户 05-16); 赵六 is 05-17.
    let v = &dz["visits"];
    assert_eq!(v["households_visited"], 4);
    assert_eq!(v["in_person"], 3);
    assert_eq!(v["phone"], 1);
    assert_eq!(v["coverage"], 0.04);
    assert_eq!(v["questionnaires"], 2);
    assert_eq!(v["letters"], 2);
    assert_eq!(v["new"], 3);
    // Disputes as of 05-16: 甲 (45 days, overdue), 乙 (26 days), 丙 (resolved 05-13), 丁 (transferred),
    // 戊 (resolved only on 05-20, so open and 41 days: overdue); 己 is 05-17; the zero report is no dispute.
    let d = &dz["disputes"];
    assert_eq!(d["total"], 5);
    assert_eq!(d["new"], 1);
    assert_eq!(d["resolved"], 1);
    assert_eq!(d["resolved_total"], 1);
    assert_eq!(d["overdue"], 2);
    assert_eq!(d["screened_weeks"], 1);
    // Hanging by 05-16: three approved, one typo (counts as approved), one unapproved.
    let s = &dz["slogans"];
    assert_eq!(s["hanging"], 5);
    assert_eq!(s["required"], 3);
    assert_eq!(s["unapproved"], 1);
    assert_eq!(s["ok"], true);
    // Score: report 20 + visits 20×0.04=0.8 + disputes 20×(½ + ½×(1−2/3))=13.3 + slogans 10
    // + quality 10 − 3 warnings × 0.5 (the report's 走访户数, the typo, the unapproved slogan) = 8.5,
    // survey left out: 52.6 / 80 × 100 = 65.75 → 65.8 → 黄.
    assert_eq!(dz["score"], 65.8);
    assert_eq!(dz["grade"], "yellow");

    let xz = unit(&j, "西庄村");
    assert_eq!(xz["weekly_report"]["status"], "late");
    assert_eq!(xz["weekly_report"]["submitted_at"], "2021-05-14T17:31");
    assert_eq!(xz["disputes"]["screened_weeks"], 0);
    let sq = unit(&j, "水泉社区");
    assert_eq!(sq["kind"], "community");
    assert_eq!(sq["weekly_report"]["status"], "late");
    assert_eq!(sq["slogans"]["hanging"], 2);
    assert_eq!(sq["slogans"]["ok"], false);
    let wsy = unit(&j, "镇卫生院");
    assert_eq!(wsy["kind"], "town_unit");
    assert!(wsy["weekly_report"].is_null());
    assert_eq!(wsy["slogans"]["hanging"], 1);
    assert_eq!(wsy["slogans"]["required"], 1);
    assert_eq!(wsy["slogans"]["ok"], true);

    // Town totals (村/社区 only for reports, visits and disputes): 230 households.
    let town = &j["town"];
    assert_eq!(town["households"], 230);
    assert_eq!(town["weekly_reports"]["on_time"], 1);
    assert_eq!(town["weekly_reports"]["late"], 2);
    assert_eq!(town["weekly_reports"]["missing"], 0);
    assert_eq!(town["visits"]["households_visited"], 4);
    assert_eq!(town["disputes"]["overdue"], 2);
    assert_eq!(town["slogans"]["units_ok"], 2);

    // The weekly report says 5 households; the ledger has 4 this week.
    let diags = j["diagnostics"].as_array().unwrap();
    let mismatch = diags
        .iter()
        .find(|d| d["code"] == "report_ledger_mismatch" && d["unit"] == "东庄村")
        .expect("cross-check warning");
    assert_eq!(mismatch["cell"], "E3");
    assert!(mismatch["message"].as_str().unwrap().contains("5"));
    assert!(mismatch["message"].as_str().unwrap().contains("为 4"));
    let typo = diags
        .iter()
        .find(|d| d["code"] == "R7_slogan_typo")
        .expect("typo warning");
    assert_eq!(typo["cell"], "B5");
    assert!(typo["message"]
        .as_str()
        .unwrap()
        .contains("坚决打击赌博违法犯罪"));
    let overdue: Vec<&str> = diags
        .iter()
        .filter(|d| d["code"] == "R6_overdue")
        .map(|d| d["cell"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, ["F2", "F6"]);
}

#[test]
fn week_is_accepted_as_issue_number_and_refused_outside_the_campaign() {
    let ib = fixture();
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&ib.path("w.json"))["period"]["start"], "2021-05-10");
    let o = ib.run(&["weekly", "inbox", "--week", "2021-03-01", "-o", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不在活动期内"), "{}", stderr(&o));
}
