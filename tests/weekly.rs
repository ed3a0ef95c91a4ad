//! `shuangti weekly` end to end: the week-6 fixture inbox (`common::weekly_fixture`), whose every
//! figure is worked out by hand below.

mod common;
use common::*;

#[test]
fn week_six_figures_match_the_hand_computed_truth() {
    let ib = weekly_fixture();
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
    assert!(mismatch["message"].as_str().unwrap().contains("中的 4"));
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
    let ib = weekly_fixture();
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&ib.path("w.json"))["period"]["start"], "2021-05-10");
    let o = ib.run(&["weekly", "inbox", "--week", "2021-03-01", "-o", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不在活动期内"), "{}", stderr(&o));
}

#[test]
fn as_of_leaves_out_rows_dated_later() {
    let ib = weekly_fixture();
    let o = ib.run(&[
        "weekly",
        "inbox",
        "--week",
        "6",
        "-o",
        "out",
        "--json",
        "w.json",
        "--as-of",
        "2021-05-11",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&ib.path("w.json"));
    let dz = unit(&j, "东庄村");
    // 张三 (05-03, 05-11) and 李四 (05-11); 王五 (05-12) and 孙七 (05-16) come later.
    assert_eq!(dz["visits"]["households_visited"], 2);
    // 丙某 was resolved on 05-13: as of 05-11 it is still open.
    assert_eq!(dz["disputes"]["resolved"], 0);
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out2", "--as-of", "明天",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--as-of"), "{}", stderr(&o));
}

/// The trend's earlier weeks are computed with the households numbered once per run (`figures::basis`):
/// each must still equal that week's own notice (its town coverage and reports on time).
#[test]
fn trend_weeks_equal_each_weeks_own_notice() {
    let ib = weekly_fixture();
    let run = |w: u32| {
        let out = format!("out{w}");
        let file = format!("w{w}.json");
        let o = ib.run(&[
            "weekly",
            "inbox",
            "--week",
            &w.to_string(),
            "-o",
            &out,
            "--json",
            &file,
            "--force",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        json(&ib.path(&file))
    };
    let six = run(6);
    let trend = six["town"]["trend"].as_array().unwrap();
    assert_eq!(trend.len(), 6);
    let mut visited = 0;
    for w in 1..=6u32 {
        let j = run(w);
        let t = &trend[w as usize - 1];
        assert_eq!(t["issue"], w);
        assert_eq!(t["coverage"], j["town"]["visits"]["coverage"], "week {w}");
        let r = &j["town"]["weekly_reports"];
        let owed = r["on_time"].as_u64().unwrap()
            + r["late"].as_u64().unwrap()
            + r["missing"].as_u64().unwrap();
        let on_time = r["on_time"].as_u64().unwrap() as f64 / owed as f64;
        assert_eq!(t["on_time"].as_f64(), Some(on_time), "week {w}");
        visited = j["town"]["visits"]["households_visited"].as_u64().unwrap();
    }
    // (the fixture's households are visited across several weeks: the trend is not flat)
    assert!(visited > 0);
    assert_ne!(trend[0]["coverage"], trend[5]["coverage"]);
}
