//! Findings leaders can trust (issue 11): a notice never shames a village for what the plan allows.
//! Each test builds a small inbox by hand, runs the real binary and checks the figures and findings.

mod common;
use common::*;
use serde_json::Value;

fn diags<'a>(j: &'a Value, code: &str, unit: &str) -> Vec<&'a Value> {
    j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code && d["unit"] == unit)
        .collect()
}

/// 东庄村: week-6 report (Friday 05-14 17:00) saying `stated` households; the week's visit ledger holds
/// `in_person` households visited at the door (questionnaire and letter both given) and `phone`
/// phone-only households (neither given, as the plan allows), the last of them on Saturday 05-15.
fn inbox(stated: f64, in_person: usize, phone: usize) -> Inbox {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村周报.xlsx",
        &[(
            "周报",
            vec![
                row(&["村居", "报送时间", "本周工作开展情况", "走访户数"]),
                vec![s("东庄村"), t(2021, 5, 14, 17, 0), s("走访"), n(stated)],
            ],
        )],
    );
    let mut rows = vec![row(&[
        "村居",
        "户主姓名",
        "走访日期",
        "走访方式",
        "发放问卷",
        "送达公开信",
    ])];
    for i in 0..in_person {
        rows.push(vec![
            s("东庄村"),
            s(&format!("入户{i}")),
            d(2021, 5, 11),
            s("入户"),
            s("是"),
            s("是"),
        ]);
    }
    for i in 0..phone {
        rows.push(vec![
            s("东庄村"),
            s(&format!("电话{i}")),
            d(2021, 5, 15),
            s("电话"),
            s("否"),
            s("否"),
        ]);
    }
    ib.xlsx("东庄村走访台账.xlsx", &[("走访", rows)]);
    ib
}

fn week6(ib: &Inbox) -> Value {
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    json(&ib.path("w.json"))
}

#[test]
fn under_report_raises_no_warning_and_costs_nothing() {
    // Reported 15 on Friday; 4 more were visited on Saturday: the week's ledger holds 19.
    let low = week6(&inbox(15.0, 15, 4));
    assert!(diags(&low, "report_ledger_mismatch", "东庄村").is_empty());
    // The same inbox with a report that matches the ledger scores exactly the same.
    let exact = week6(&inbox(19.0, 15, 4));
    assert_eq!(
        unit(&low, "东庄村")["score"],
        unit(&exact, "东庄村")["score"]
    );
    assert_eq!(
        unit(&low, "东庄村")["score_parts"],
        unit(&exact, "东庄村")["score_parts"]
    );
}

#[test]
fn over_report_is_the_false_report_warning() {
    let j = week6(&inbox(25.0, 15, 4));
    let w = diags(&j, "report_ledger_mismatch", "东庄村");
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0]["severity"], "warning");
    assert_eq!(w[0]["cell"], "D2");
    let m = w[0]["message"].as_str().unwrap();
    assert!(
        m.contains("25") && m.contains("多于") && m.contains("19"),
        "{m}"
    );
}

#[test]
fn phone_only_households_raise_no_r5_finding() {
    // Every in-person visit delivered both; 4 households were only phoned (not at home).
    let j = week6(&inbox(19.0, 15, 4));
    assert!(diags(&j, "R5_questionnaire_letter", "东庄村").is_empty());
    let v = &unit(&j, "东庄村")["visits"];
    assert_eq!(v["households_visited"], 19);
    assert_eq!(v["in_person"], 15);
    assert_eq!(v["phone"], 4);
}

#[test]
fn r5_counts_in_person_households_without_delivery() {
    let ib = inbox(19.0, 15, 4);
    // Two more households visited at the door without a questionnaire.
    ib.xlsx(
        "东庄村走访台账补.xlsx",
        &[(
            "走访",
            vec![
                row(&[
                    "村居",
                    "户主姓名",
                    "走访日期",
                    "走访方式",
                    "发放问卷",
                    "送达公开信",
                ]),
                row(&["东庄村", "补甲", "2021-05-12", "入户", "否", "是"]),
                row(&["东庄村", "补乙", "2021-05-12", "入户", "否", "是"]),
            ],
        )],
    );
    let j = week6(&ib);
    let w = diags(&j, "R5_questionnaire_letter", "东庄村");
    assert_eq!(w.len(), 1, "{w:?}");
    let m = w[0]["message"].as_str().unwrap();
    assert!(m.contains("入户走访 17 户中，2 户未记录发放问卷"), "{m}");
    assert!(m.contains("另有 4 户为电话走访"), "{m}");
    assert!(!m.contains("公开信"), "{m}");
}

#[test]
fn plan_can_put_phone_households_back_into_r5_base() {
    let ib = inbox(19.0, 15, 4);
    let plan = shuangti::plan::DEFAULT_PLAN.replace(
        "delivery_includes_phone = false",
        "delivery_includes_phone = true",
    );
    std::fs::write(ib.path("plan.toml"), plan).unwrap();
    let o = ib.run(&[
        "weekly",
        "inbox",
        "--week",
        "6",
        "-o",
        "out",
        "--json",
        "w.json",
        "--plan",
        "plan.toml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("w.json"));
    let w = diags(&j, "R5_questionnaire_letter", "东庄村");
    assert_eq!(w.len(), 1, "{w:?}");
    let m = w[0]["message"].as_str().unwrap();
    assert!(
        m.contains("已走访 19 户中，4 户未记录发放问卷，4 户未记录送达公开信"),
        "{m}"
    );
}

/// Week 6's report is clean; week 7's over-reports its visits; week 8's leaves its work blank and its
/// visit count unreadable (sent early, before week 8 was due).
fn three_weeks() -> Inbox {
    let ib = inbox(15.0, 15, 0);
    ib.xlsx(
        "东庄村周报后续.xlsx",
        &[(
            "周报",
            vec![
                row(&[
                    "村居",
                    "报送时间",
                    "所属周次",
                    "本周工作开展情况",
                    "走访户数",
                ]),
                vec![
                    s("东庄村"),
                    t(2021, 5, 21, 9, 0),
                    s("第7期"),
                    s("走访"),
                    n(30.0),
                ],
                vec![
                    s("东庄村"),
                    t(2021, 5, 21, 9, 30),
                    s("第8期"),
                    C::E,
                    s("很多"),
                ],
            ],
        )],
    );
    ib
}

#[test]
fn week_six_notice_cites_no_later_week() {
    let ib = three_weeks();
    let j = week6(&ib);
    let later: Vec<&Value> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "东庄村周报后续.xlsx")
        .collect();
    assert!(later.is_empty(), "{later:?}");
    // The later weeks' problems cost week 6 nothing: the same score as without the later file.
    let alone = week6(&inbox(15.0, 15, 0));
    assert_eq!(unit(&j, "东庄村")["score"], unit(&alone, "东庄村")["score"]);
    // The workbook's 问题清单 does not name the later file either.
    let wb = std::fs::read_dir(ib.path("out"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&wb).unwrap();
    use calamine::Reader;
    let sheet = book.worksheet_range("问题清单").unwrap();
    assert!(!sheet
        .rows()
        .flatten()
        .any(|c| c.to_string().contains("周报后续")));
}

#[test]
fn week_eight_notice_cites_its_own_problems() {
    let ib = three_weeks();
    let o = ib.run(&[
        "weekly", "inbox", "--week", "8", "-o", "out", "--json", "w8.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("w8.json"));
    let cells: Vec<&str> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "东庄村周报后续.xlsx")
        .map(|d| d["cell"].as_str().unwrap())
        .collect();
    // Week 7's over-report (E2) and week 8's blank work (D3) and unreadable count (E3).
    assert!(cells.contains(&"E2"), "{cells:?}");
    assert!(cells.contains(&"D3"), "{cells:?}");
    assert!(cells.contains(&"E3"), "{cells:?}");
}

fn refuses_without_ledgers(ib: &Inbox, files: usize) {
    for args in [
        vec![
            "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
        ],
        vec![
            "monthly", "inbox", "--month", "2021-05", "-o", "out", "--json", "m.json",
        ],
    ] {
        let o = ib.run(&args);
        assert_eq!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!(
                "收件箱里没有可读的台账：共 {files} 个文件，均无法识别"
            )),
            "{err}"
        );
        assert!(
            !ib.path("out").exists()
                || std::fs::read_dir(ib.path("out"))
                    .unwrap()
                    .all(|e| { !e.unwrap().file_name().to_string_lossy().ends_with(".xlsx") })
        );
        assert!(!ib.path("w.json").exists() && !ib.path("m.json").exists());
    }
    // check still lists every file (and why it was not read), and says the same.
    let o = ib.run(&["check", "inbox"]);
    assert_ne!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stderr(&o).contains("收件箱里没有可读的台账"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn empty_inbox_exits_2_and_writes_nothing() {
    let ib = Inbox::new();
    refuses_without_ledgers(&ib, 0);
}

#[test]
fn junk_only_inbox_exits_2_and_writes_nothing() {
    let ib = Inbox::new();
    std::fs::write(ib.path("inbox/说明.txt"), "各村台账请于周五前报送").unwrap();
    std::fs::write(
        ib.path("inbox/东庄村走访台账.xlsx"),
        b"not a workbook at all",
    )
    .unwrap();
    // The register alone is not a ledger either.
    ib.register();
    refuses_without_ledgers(&ib, 3);
}

#[test]
fn village_with_no_ledgers_is_named_as_such() {
    let j = week6(&inbox(15.0, 15, 0));
    // 东庄村 sent its ledgers; 西庄村 and 水泉社区 sent nothing at all; 镇卫生院 is no village.
    for u in ["西庄村", "水泉社区"] {
        let d = diags(&j, "no_ledgers", u);
        assert_eq!(d.len(), 1, "{u}: {d:?}");
        assert_eq!(d[0]["severity"], "error");
    }
    assert!(diags(&j, "no_ledgers", "东庄村").is_empty());
    assert!(diags(&j, "no_ledgers", "镇卫生院").is_empty());
}

fn all_cells(path: &std::path::Path) -> Vec<String> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let r = book.worksheet_range(&name).unwrap();
        out.extend(r.rows().flatten().map(|c| c.to_string()));
    }
    out
}

#[test]
fn a_resolution_after_the_cut_off_is_not_cited_as_fact() {
    // 戊某's dispute (screened 04-05) is marked 已化解 with 化解日期 05-20: after week 6's end (05-16).
    let ib = weekly_fixture();
    let o = ib.run(&["weekly", "inbox", "--week", "6", "-o", "out"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let wb = std::fs::read_dir(ib.path("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .unwrap();
    let cells = all_cells(&wb);
    assert!(
        cells.iter().any(|c| c == "截至5月16日未化解"),
        "status as of the end"
    );
    assert!(
        !cells
            .iter()
            .any(|c| c.contains("05-20") || c.contains("5月20日")),
        "{:?}",
        cells
            .iter()
            .filter(|c| c.contains("20"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_date_later_than_the_file_arrived_is_flagged() {
    let ib = Inbox::new();
    ib.register();
    let p = ib.xlsx(
        "东庄村矛盾纠纷台账.xlsx",
        &[(
            "台账",
            vec![
                row(&[
                    "村居",
                    "排查日期",
                    "当事人",
                    "纠纷类型",
                    "化解状态",
                    "化解日期",
                ]),
                vec![
                    s("东庄村"),
                    d(2021, 5, 10),
                    s("张三"),
                    s("邻里"),
                    s("已化解"),
                    d(2021, 5, 20),
                ],
            ],
        )],
    );
    // The file reached the inbox on 2021-05-17 (noon, local time).
    let t = chrono::NaiveDate::from_ymd_opt(2021, 5, 17)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_local_timezone(chrono::Local)
        .unwrap();
    let f = std::fs::File::options().write(true).open(&p).unwrap();
    f.set_modified(t.into()).unwrap();
    let o = ib.run(&["check", "inbox", "--json", "c.json"]);
    assert_ne!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("c.json"));
    let d = diags(&j, "date_after_received", "东庄村");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["cell"], "F2");
    let m = d[0]["message"].as_str().unwrap();
    assert!(m.contains("5月20日") && m.contains("5月17日"), "{m}");
}

#[test]
fn every_monthly_diagnostic_carries_its_period_once() {
    let ib = weekly_fixture();
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-05", "-o", "out", "--json", "m.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("m.json"));
    let all = j["diagnostics"].as_array().unwrap();
    assert!(!all.is_empty());
    let mut seen = std::collections::HashSet::new();
    for d in all {
        assert_eq!(d["month"], "2021-05", "{d}");
        let key = (
            d["code"].to_string(),
            d["unit"].to_string(),
            d["file"].to_string(),
            d["sheet"].to_string(),
            d["cell"].to_string(),
        );
        assert!(seen.insert(key), "reported twice: {d}");
        if d["code"].as_str().unwrap().starts_with("R3") {
            // A weekly rule finding says which weeks it held (May's weeks are 第5–8期).
            let weeks = d["weeks"].as_array().expect("weeks");
            assert!(
                weeks.iter().all(|w| (5..=8).contains(&w.as_u64().unwrap())),
                "{d}"
            );
        }
    }
    // The overdue disputes named are those overdue at the month's end, as its figures count them.
    let named = all.iter().filter(|d| d["code"] == "R6_overdue").count() as u64;
    let counted: u64 = j["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["kind"] != "town_unit")
        .map(|u| u["disputes"]["overdue"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(named, counted);
    assert!(
        named > 0,
        "the fixture has overdue disputes at the end of May"
    );
    assert!(all
        .iter()
        .any(|d| d["code"].as_str().unwrap().starts_with("R3")));
}

#[test]
fn suggestions_sheet_says_town_units_are_assessed_elsewhere() {
    let ib = weekly_fixture();
    let o = ib.run(&["monthly", "inbox", "--month", "2021-05", "-o", "out"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let wb = std::fs::read_dir(ib.path("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .unwrap();
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&wb).unwrap();
    let s = book.worksheet_range("约谈及重点管理建议").unwrap();
    let text: String = s.rows().flatten().map(|c| c.to_string()).collect();
    assert!(text.contains("建议只针对村（社区）"), "{text}");
    assert!(text.contains("镇直单位的得分和等级见“月度考评”"), "{text}");
}
