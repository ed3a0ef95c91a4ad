//! Values as evidence (issue 10 point 3): a header's words and its column's values decide
//! together. A column mapped by word parts, by its values alone, by its values over a weak word,
//! a contest decided by the values, a unit column known by its names, and two columns whose values
//! both fit (refused, each named). `check` says how each was decided, `files[].columns` carries
//! the same, and the plan lines the warning quotes silence it.

mod common;
use calamine::{DataType, Reader};
use common::*;
use serde_json::Value;

fn ymd(m: u32, day: u32) -> C {
    d(2021, m, day)
}

/// A visit sheet: (村居, 户主姓名, 走访日期, then one column per extra header with its values).
fn visits(unit: &str, extra: &[(&str, &[&str])]) -> Vec<Vec<C>> {
    let mut head = vec!["村居", "户主姓名", "走访日期"];
    head.extend(extra.iter().map(|(h, _)| *h));
    let n = extra.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    let mut out = vec![row(&head)];
    for i in 0..n {
        let mut r = vec![s(unit), s(&format!("户主{i}")), ymd(5, 10 + (i % 5) as u32)];
        for (_, vals) in extra {
            r.push(vals.get(i).map_or(C::E, |v| s(v)));
        }
        out.push(r);
    }
    out
}

fn file<'a>(j: &'a Value, path: &str) -> &'a Value {
    j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("no file {path}: {}", j["files"]))
}

fn read_line<'a>(out: &'a str, path: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(&format!("读表 {path}")))
        .unwrap_or_else(|| panic!("no 读表 line for {path}:\n{out}"))
}

/// 24 of 25 cells are methods (入户 ×16, 电话 ×8), one is 不详: 96 %.
fn methods_96() -> Vec<&'static str> {
    let mut v = vec!["入户"; 16];
    v.extend(["电话"; 8]);
    v.push("不详");
    v
}

/// A header no word of 走访方式 (联系方式) whose values are 96 % methods is read as the method: the
/// 读表 line and `files[].columns` give the share and the values, the warning quotes the plan lines
/// that silence it, and with those lines in the plan it is an alias, with no warning.
#[test]
fn a_column_is_read_by_its_values_alone_and_the_plan_lines_silence_it() {
    let ib = Inbox::new();
    ib.register();
    let m = methods_96();
    ib.xlsx(
        "东庄村走访.xlsx",
        &[(
            "走访",
            visits("东庄村", &[("联系方式", &m), ("发放问卷", &["是"; 25])]),
        )],
    );
    let (out, j) = ib.check_json(None);
    let line = read_line(&out, "东庄村走访.xlsx");
    assert!(
        line.contains("“联系方式”→走访方式（内容：96% 为入户/电话）"),
        "{line}"
    );
    let col = &file(&j, "东庄村走访.xlsx")["columns"][3];
    assert_eq!(
        *col,
        serde_json::json!({"header": "联系方式", "column": "走访方式", "how": "content",
            "content": {"share": 96, "values": ["入户", "电话"], "decided": "alone"}})
    );
    let w = diags(&j, "header_by_content");
    assert_eq!(w.len(), 1, "{}", j["diagnostics"]);
    assert_eq!(
        (w[0]["severity"].as_str(), w[0]["cell"].as_str()),
        (Some("warning"), Some("D1"))
    );
    assert!(
        w[0]["message"]
            .as_str()
            .unwrap()
            .contains("96% 为入户/电话"),
        "{}",
        w[0]["message"]
    );
    let hint = w[0]["hint"].as_str().unwrap();
    assert!(
        hint.contains("“[words.visit.method]”和“aliases = [\"联系方式\"]”"),
        "{hint}"
    );

    // The two lines as the hint gives them, as `shuangti plan` would print them.
    let plan = format!(
        "{}\n[words.visit.method]\naliases = [\"联系方式\"]\n",
        shuangti::plan::DEFAULT_PLAN
    );
    let (out, j) = ib.check_json(Some(&plan));
    assert_eq!(
        diags(&j, "header_by_content").len(),
        0,
        "{out}\n{}",
        j["files"]
    );
    assert_eq!(file(&j, "东庄村走访.xlsx")["columns"][3]["how"], "alias");
    assert!(!out.contains("读表 东庄村走访.xlsx"), "{out}");
}

/// A header read by its word parts is noted as such; its values are not profiled against it.
#[test]
fn a_column_is_read_by_its_word_parts() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村走访.xlsx",
        &[(
            "走访",
            visits("东庄村", &[("访问方式", &["入户", "电话", "入户"])]),
        )],
    );
    let (out, j) = ib.check_json(None);
    assert!(
        read_line(&out, "东庄村走访.xlsx").contains("“访问方式”→走访方式（近义词）"),
        "{out}"
    );
    assert_eq!(
        file(&j, "东庄村走访.xlsx")["columns"][3],
        serde_json::json!({"header": "访问方式", "column": "走访方式", "how": "word_family"})
    );
    assert_eq!(diags(&j, "header_by_word_family").len(), 1);
    assert_eq!(diags(&j, "header_by_content").len(), 0);
}

/// 办理日 is 化解日期 by its word parts (办理 ≈ 化解, 日 ≈ 日期), but its cells are 已化解 / 化解中:
/// it is the 化解状态 the sheet lacks, and the sheet's disputes count. A column headed by its
/// canonical name is never overridden, whatever it holds.
#[test]
fn values_override_a_weak_header_word_never_a_name() {
    let ib = Inbox::new();
    ib.register();
    let dispute = |parties: &str, status: &str| {
        vec![
            s("东庄村"),
            ymd(5, 10),
            s(parties),
            s("邻里纠纷"),
            s(status),
        ]
    };
    ib.xlsx(
        "东庄村纠纷.xlsx",
        &[(
            "纠纷",
            vec![
                row(&["村居", "排查日期", "当事人", "纠纷类型", "办理日"]),
                dispute("张甲与李甲", "已化解"),
                dispute("张乙与李乙", "已化解"),
                dispute("张丙与李丙", "化解中"),
            ],
        )],
    );
    ib.xlsx(
        "西庄村走访.xlsx",
        &[(
            "走访",
            visits(
                "西庄村",
                &[("走访方式", &["5月10日", "5月11日", "5月12日"])],
            ),
        )],
    );
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert!(o.status.code().is_some(), "{}", stderr(&o));
    let j = json(&ib.path("w.json"));
    let f = file(&j, "东庄村纠纷.xlsx");
    assert_eq!(f["status"], "used", "{f}");
    assert_eq!(
        f["columns"][4],
        serde_json::json!({"header": "办理日", "column": "化解状态", "how": "content",
            "content": {"share": 100, "values": ["已化解", "化解中"],
                "decided": "over_word_family", "header_said": "化解日期"}})
    );
    let u = j["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "东庄村")
        .unwrap();
    // Refused for its missing 化解状态 otherwise: now its three disputes count.
    assert_eq!(
        (u["disputes"]["new"].clone(), u["disputes"]["total"].clone()),
        (3.into(), 3.into())
    );
    let w = diags(&j, "header_by_content");
    assert_eq!(w.len(), 1, "{}", j["diagnostics"]);
    let msg = w[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("像“化解日期”") && msg.contains("按“化解状态”读取"),
        "{msg}"
    );
    // 数据来源 carries the same 读表 line as `check`.
    let book = ib
        .path("out")
        .join("水泉镇双提升周通报_第6期_2021-05-10至05-16.xlsx");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let src = wb.worksheet_range("数据来源").unwrap();
    let listed = src
        .rows()
        .find(|r| r[0].get_string() == Some("东庄村纠纷.xlsx"))
        .expect("listed in 数据来源");
    assert!(
        listed.iter().any(|c| c
            .to_string()
            .contains("“办理日”→化解状态（内容：100% 为已化解/化解中")),
        "{listed:?}"
    );
    // By its name: read as the method, its dates reported as bad values.
    assert_eq!(file(&j, "西庄村走访.xlsx")["columns"][3]["how"], "name");
    let (out, _) = ib.check_json(None);
    assert!(
        read_line(&out, "东庄村纠纷.xlsx").contains(
            "“办理日”→化解状态（内容：100% 为已化解/化解中，不是表头近义词所指的化解日期）"
        ),
        "{out}"
    );
}

/// Two headers like 走访方式 by their parts: the one whose values are methods takes it.
#[test]
fn values_decide_between_two_headers_like_one_column() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村走访.xlsx",
        &[(
            "走访",
            visits(
                "东庄村",
                &[
                    ("访问方式", &["入户", "电话", "入户"]),
                    ("走访途径", &["张书记带队", "李主任带队", "王委员带队"]),
                ],
            ),
        )],
    );
    let (out, j) = ib.check_json(None);
    let line = read_line(&out, "东庄村走访.xlsx");
    assert!(
        line.contains("“访问方式”→走访方式（近义词，内容：100% 为入户/电话）"),
        "{line}"
    );
    assert!(line.contains("“走访途径”：未使用"), "{line}");
    assert_eq!(diags(&j, "header_contested").len(), 0);
    assert_eq!(diags(&j, "missing_column").len(), 0);
    assert_eq!(diags(&j, "header_by_content").len(), 1);
}

/// Two columns whose values are both methods, neither headed as one: not guessed; the sheet is
/// read without its 走访方式 (one missing-column error; the split 无法统计, tests/degrade.rs) and
/// each column is named as maybe being it.
#[test]
fn two_columns_whose_values_both_fit_are_refused_and_named() {
    let ib = Inbox::new();
    ib.register();
    let m = ["入户", "电话", "入户"];
    ib.xlsx(
        "东庄村走访.xlsx",
        &[(
            "走访",
            visits(
                "东庄村",
                &[("联系方式", &m), ("沟通渠道", &m), ("发放问卷", &["是"; 3])],
            ),
        )],
    );
    let (_, j) = ib.check_json(None);
    assert_eq!(diags(&j, "missing_column").len(), 1, "{}", j["diagnostics"]);
    assert_eq!(diags(&j, "header_by_content").len(), 0);
    let mut maybe: Vec<&str> = diags(&j, "header_maybe_missing_column")
        .iter()
        .map(|d| d["cell"].as_str().unwrap())
        .collect();
    maybe.sort();
    assert_eq!(maybe, ["D1", "E1"], "{}", j["diagnostics"]);
    assert_eq!(file(&j, "东庄村走访.xlsx")["status"], "used");
}

/// A summary sheet with no unit column by its header: the column of village names (所在地) is the
/// unit column, and each row counts for the village it names, not the file's.
#[test]
fn the_unit_column_is_known_by_its_names() {
    let ib = Inbox::new();
    ib.register();
    let mut rows = vec![row(&["所在地", "户主姓名", "走访日期", "走访方式"])];
    for (unit, head) in [("东庄村", "张三"), ("西庄村", "李四"), ("西庄村", "王五")]
    {
        rows.push(vec![s(unit), s(head), ymd(5, 10), s("入户")]);
    }
    ib.xlsx("走访汇总.xlsx", &[("走访", rows)]);
    let (out, j) = ib.check_json(None);
    assert!(
        read_line(&out, "走访汇总.xlsx").contains("“所在地”→村居（内容：100% 为村居名称）"),
        "{out}"
    );
    assert_eq!(
        file(&j, "走访汇总.xlsx")["units"],
        serde_json::json!(["东庄村", "西庄村"])
    );
}
