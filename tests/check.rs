//! `shuangti check` end to end: inboxes built in code, the real binary, exact diagnostics.

mod common;
use common::*;

#[test]
fn visit_log_with_title_row_and_errors_is_located_exactly() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村走访台账.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["东庄村“双提升”走访台账"]),
                row(&[]),
                row(&[
                    "村居",
                    "村民小组",
                    "户主姓名",
                    "走访日期",
                    "走访方式",
                    "发放问卷",
                    "送达公开信",
                ]),
                vec![
                    s("东庄村"),
                    s("一组"),
                    s("张三"),
                    d(2021, 4, 12),
                    s("入户"),
                    s("是"),
                    s("是"),
                ],
                vec![
                    s("东庄村"),
                    s("一组"),
                    s("李四"),
                    s("2021-13-45"),
                    s("入户"),
                    s("是"),
                    s("是"),
                ],
                vec![
                    s("西装村"),
                    s("二组"),
                    s("王五"),
                    d(2021, 4, 13),
                    s("电话"),
                    s("否"),
                    s("否"),
                ],
            ],
        )],
    );
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("out.json"));
    let places = diag_places(&j);
    assert!(
        places.contains(&(
            "bad_date".into(),
            "东庄村走访台账.xlsx".into(),
            "Sheet1".into(),
            "D5".into()
        )),
        "{places:?}"
    );
    assert!(
        places.contains(&(
            "unknown_unit".into(),
            "东庄村走访台账.xlsx".into(),
            "Sheet1".into(),
            "A6".into()
        )),
        "{places:?}"
    );
    let out = stdout(&o);
    assert!(out.contains("是不是“西庄村”"), "{out}");
}

#[test]
fn header_wording_variants_are_recognised() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "联络员.xlsx",
        &[(
            "名单",
            vec![
                row(&[
                    "村(居)名称",
                    "党组织书记",
                    "分管\n同志",
                    "联络员 ",
                    "手机号码（必填）",
                    "报送时间*",
                ]),
                vec![
                    s("东庄村"),
                    s("王书记"),
                    s("李主任"),
                    s("张联络"),
                    s("138 0013 8000"),
                    d(2021, 4, 6),
                ],
            ],
        )],
    );
    ib.xlsx(
        "标语.xlsx",
        &[(
            "标语",
            vec![
                row(&["单位", "标语内容（全文）", "载体", "悬挂时间", "悬挂情况"]),
                vec![
                    s("东庄村"),
                    s("人人参与平安创建  家家共享平安成果"),
                    s("横幅"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
            ],
        )],
    );
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("out.json"));
    let kinds: Vec<(String, String, u64)> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap_or("").to_string(),
                f["rows"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("联络员.xlsx".into(), "liaison".into(), 1)),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("标语.xlsx".into(), "slogan".into(), 1)),
        "{kinds:?}"
    );
    assert_eq!(
        j["diagnostics"].as_array().unwrap().len(),
        0,
        "{}",
        stdout(&o)
    );
}

#[test]
fn two_row_grouped_header_under_a_merged_parent_is_read() {
    let ib = Inbox::new();
    ib.register();
    let rows = vec![
        row(&["东庄村矛盾纠纷排查化解台账"]),
        row(&["村居", "排查日期", "当事人", "纠纷类型", "化解情况", ""]),
        row(&["", "", "", "", "化解状态", "化解日期"]),
        vec![
            s("东庄村"),
            d(2021, 4, 7),
            s("张三"),
            s("邻里纠纷"),
            s("已化解"),
            d(2021, 4, 9),
        ],
        vec![
            s("东庄村"),
            d(2021, 4, 8),
            s("李四"),
            s("合同"),
            s("已化解"),
            C::E,
        ],
    ];
    // Title across A1:F1, 化解情况 across E2:F2, the others merged down two rows.
    let merges = [
        (0, 0, 0, 0, 5),
        (0, 1, 4, 1, 5),
        (0, 1, 0, 2, 0),
        (0, 1, 1, 2, 1),
        (0, 1, 2, 2, 2),
        (0, 1, 3, 2, 3),
    ];
    ib.xlsx_merged("纠纷.xlsx", &[("Sheet1", rows)], &merges);
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "纠纷.xlsx")
        .unwrap();
    assert_eq!(f["kind"], "dispute");
    assert_eq!(f["rows"], 2);
    // 已化解 without a date: the error is at the 化解日期 cell of row 5.
    assert_eq!(
        diag_places(&j),
        vec![(
            "resolved_without_date".into(),
            "纠纷.xlsx".into(),
            "Sheet1".into(),
            "F5".into()
        )],
        "{}",
        stdout(&o)
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn unit_comes_from_the_file_name_when_there_is_no_unit_column() {
    let ib = Inbox::new();
    ib.register();
    let rows = |who: &str| {
        vec![
            row(&["户主姓名", "走访日期", "走访方式"]),
            vec![s(who), d(2021, 4, 12), s("入户")],
        ]
    };
    ib.xlsx("西庄村走访台账.xlsx", &[("Sheet1", rows("张三"))]);
    ib.xlsx("走访台账.xlsx", &[("Sheet1", rows("李四"))]);
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "西庄村走访台账.xlsx")
        .unwrap();
    assert_eq!(f["units"][0], "西庄村");
    let places = diag_places(&j);
    assert_eq!(
        places,
        vec![(
            "unit_unresolved".into(),
            "走访台账.xlsx".into(),
            "Sheet1".into(),
            "".into()
        )],
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_missing_required_column_names_the_column_and_its_aliases() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村矛盾纠纷.xlsx",
        &[(
            "台账",
            vec![
                row(&["村居", "排查日期", "当事人", "化解状态", "化解日期"]),
                vec![
                    s("东庄村"),
                    d(2021, 4, 7),
                    s("张三"),
                    s("已化解"),
                    d(2021, 4, 9),
                ],
            ],
        )],
    );
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    assert_eq!(o.status.code(), Some(1));
    let j = json(&ib.path("out.json"));
    let d = &j["diagnostics"][0];
    assert_eq!(d["code"], "missing_column");
    assert_eq!(d["cell"], "第1行");
    assert_eq!(d["unit"], "东庄村");
    let m = d["message"].as_str().unwrap();
    assert!(m.contains("“纠纷类型”") && m.contains("纠纷类别"), "{m}");
}

#[test]
fn a_resent_file_counts_once_and_dispute_progress_is_silent() {
    let ib = Inbox::new();
    ib.register();
    let h = row(&[
        "村居",
        "排查日期",
        "当事人",
        "纠纷类型",
        "化解状态",
        "化解日期",
    ]);
    ib.xlsx(
        "东庄村纠纷.xlsx",
        &[(
            "Sheet1",
            vec![
                h.clone(),
                vec![
                    s("东庄村"),
                    d(2021, 4, 7),
                    s("张三"),
                    s("邻里"),
                    s("未化解"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 4, 8),
                    s("李四"),
                    s("合同"),
                    s("化解中"),
                    C::E,
                ],
            ],
        )],
    );
    ib.xlsx(
        "东庄村纠纷(1).xlsx",
        &[(
            "Sheet1",
            vec![
                h.clone(),
                vec![
                    s("东庄村"),
                    d(2021, 4, 7),
                    s("张三"),
                    s("邻里"),
                    s("已化解"),
                    d(2021, 4, 20),
                ],
                // Moved backwards in the newer file, and another type: a warning.
                vec![
                    s("东庄村"),
                    d(2021, 4, 8),
                    s("李四"),
                    s("婚姻家庭"),
                    s("化解中"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 4, 21),
                    s("王五"),
                    s("其他"),
                    s("未化解"),
                    C::E,
                ],
            ],
        )],
    );
    ib.xlsx(
        "东庄村纠纷 - 副本.xlsx",
        &[(
            "Sheet1",
            vec![
                h,
                vec![
                    s("东庄村"),
                    d(2021, 4, 21),
                    s("王五"),
                    s("其他"),
                    s("未化解"),
                    C::E,
                ],
            ],
        )],
    );
    let o = ib.run(&[
        "weekly", "inbox", "--week", "3", "--json", "w.json", "-o", "out",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&ib.path("w.json"));
    let dz = j["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "东庄村")
        .unwrap();
    // 张三 (resolved 04-20), 李四, 王五: three disputes, one resolved.
    assert_eq!(dz["disputes"]["total"], 3);
    assert_eq!(dz["disputes"]["resolved_total"], 1);
    let files = j["files"].as_array().unwrap();
    let copy = files
        .iter()
        .find(|f| f["path"] == "东庄村纠纷 - 副本.xlsx")
        .unwrap();
    assert_eq!(copy["status"], "duplicate");
    let versions: Vec<&serde_json::Value> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "dispute_versions_differ")
        .collect();
    assert_eq!(versions.len(), 1, "{versions:?}");
    assert!(versions[0]["message"]
        .as_str()
        .unwrap()
        .contains("纠纷类型"));
}

#[test]
fn instruction_hidden_and_junk_files_are_listed_not_read() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村标语.xlsx",
        &[
            ("填表说明", vec![row(&["填表须知：标语内容须为附件2所列"])]),
            (
                "标语",
                vec![
                    row(&["村居", "标语内容", "形式", "悬挂日期"]),
                    vec![
                        s("东庄村"),
                        s("人人参与平安创建  家家共享平安成果"),
                        s("横幅"),
                        d(2021, 4, 20),
                    ],
                ],
            ),
        ],
    );
    std::fs::write(ib.inbox().join("~$东庄村周报.xlsx"), b"junk").unwrap();
    std::fs::write(ib.inbox().join("说明.txt"), "请各村按时报送").unwrap();
    std::fs::write(ib.inbox().join("坏文件.xlsx"), b"PK\x03\x04 truncated").unwrap();
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    let status = |path: &str, sheet: &str| {
        j["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path && f["sheet"] == sheet)
            .map(|f| f["status"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{path} {sheet} not listed"))
    };
    assert_eq!(status("东庄村标语.xlsx", "填表说明"), "not_ledger");
    assert_eq!(status("东庄村标语.xlsx", "标语"), "used");
    assert_eq!(status("~$东庄村周报.xlsx", ""), "skipped");
    assert_eq!(status("说明.txt", ""), "skipped");
    assert_eq!(status("坏文件.xlsx", ""), "unreadable");
    assert_eq!(
        o.status.code(),
        Some(1),
        "an unreadable file is an error to fix"
    );
    assert!(stdout(&o).contains("坏文件.xlsx"));
}

#[test]
fn no_input_file_is_modified() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村走访.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                row(&["东庄村", "张三", "2021-04-12", "入户"]),
            ],
        )],
    );
    let snapshot = || -> Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> {
        // (the inbox and its folders, e.g. 办公室/)
        let mut v: Vec<_> = std::fs::read_dir(ib.inbox())
            .unwrap()
            .flat_map(|e| {
                let p = e.unwrap().path();
                if p.is_dir() {
                    std::fs::read_dir(&p)
                        .unwrap()
                        .map(|e| e.unwrap().path())
                        .collect()
                } else {
                    vec![p]
                }
            })
            .map(|p| {
                let m = std::fs::metadata(&p).unwrap();
                (p.clone(), std::fs::read(&p).unwrap(), m.modified().unwrap())
            })
            .collect();
        v.sort();
        v
    };
    let before = snapshot();
    ib.run(&["check", "inbox", "--feedback", "fb"]);
    ib.run(&[
        "weekly", "inbox", "--week", "2", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(before, snapshot());
}

#[test]
fn feedback_writes_one_workbook_per_unit() {
    use calamine::{open_workbook, Reader, Xlsx};
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "走访.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                row(&["东庄村", "张三", "2021-13-45", "入户"]),
                row(&["西庄村", "李四", "2021-04-12", "路过"]),
            ],
        )],
    );
    let o = ib.run(&["check", "inbox", "--feedback", "fb"]);
    assert_eq!(o.status.code(), Some(1));
    let mut names: Vec<String> = std::fs::read_dir(ib.path("fb"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["退回修改清单_东庄村.xlsx", "退回修改清单_西庄村.xlsx"]
    );
    let mut wb: Xlsx<_> = open_workbook(ib.path("fb/退回修改清单_西庄村.xlsx")).unwrap();
    let r = wb.worksheet_range("退回修改清单").unwrap();
    let cells: Vec<String> = r
        .rows()
        .flat_map(|row| row.iter().map(|c| c.to_string()))
        .collect();
    assert!(cells.iter().any(|c| c == "D3"), "{cells:?}");
    assert!(cells.iter().any(|c| c.contains("路过")), "{cells:?}");
    // A second run refuses to overwrite without --force.
    let o = ib.run(&["check", "inbox", "--feedback", "fb"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
}

#[test]
fn each_committed_template_is_recognised_as_its_own_kind() {
    let ib = Inbox::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/ledgers");
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "xlsx") {
            // (the register is read only from the office's folder)
            let office = p.file_stem().is_some_and(|s| s == "村居名册");
            let to = if office {
                ib.inbox().join("办公室")
            } else {
                ib.inbox()
            };
            std::fs::create_dir_all(&to).unwrap();
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    let files = j["files"].as_array().unwrap();
    let plan = shuangti::plan::Plan::embedded();
    let specs = shuangti::ledger::schema::Specs::new(&plan);
    for spec in &specs.0 {
        let name = match spec.kind {
            shuangti::ledger::schema::Kind::Register => format!("办公室/{}.xlsx", spec.kind.zh()),
            _ => format!("{}.xlsx", spec.kind.zh()),
        };
        let ledger = files
            .iter()
            .find(|f| f["path"] == name.as_str() && f["sheet"] == spec.kind.zh())
            .unwrap_or_else(|| panic!("{name} not listed: {}", stdout(&o)));
        assert_eq!(ledger["kind"], spec.kind.key(), "{name}");
        assert_eq!(ledger["status"], "used", "{name}");
        assert_eq!(ledger["rows"], 0, "{name}: blank rows are no data");
        let help = files
            .iter()
            .find(|f| f["path"] == name.as_str() && f["sheet"] == "填表说明")
            .unwrap();
        assert_eq!(help["status"], "not_ledger", "{name}");
    }
}

#[test]
fn without_a_register_units_come_from_the_ledgers_and_it_says_so() {
    let ib = Inbox::new();
    ib.xlsx(
        "走访.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                row(&["东庄村", "张三", "2021-04-12", "入户"]),
                row(&["水泉镇西庄村", "李四", "2021-04-12", "电话"]),
            ],
        )],
    );
    let o = ib.run(&[
        "weekly", "inbox", "--week", "2", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&ib.path("w.json"));
    let codes: Vec<&str> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"no_register"), "{codes:?}");
    assert!(!codes.contains(&"unknown_unit"), "{codes:?}");
    let names: Vec<&str> = j["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["东庄村", "西庄村"]);
    assert_eq!(j["units"][0]["visits"]["households_visited"], 1);
    assert!(j["units"][0]["visits"]["coverage"].is_null());
}

#[test]
fn usage_errors_exit_2_with_a_chinese_line_and_help_is_chinese() {
    let ib = Inbox::new();
    let o = ib.run(&["weekly", "inbox"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("shuangti：命令行有误"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--week"), "{}", stderr(&o));
    let o = ib.run(&["check", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("用法：") && out.contains("选项：") && out.contains("显示帮助"),
        "{out}"
    );
    let o = ib.run(&["check", "没有这个文件夹"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不存在"), "{}", stderr(&o));
}

/// A damaged .xls (found by mutating sample files) that opens with no sheet at all used to vanish
/// from 数据来源; every file must be listed.
#[test]
fn issue_damaged_xls_without_sheets_is_listed() {
    let ib = Inbox::new();
    ib.register();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest/no_sheets.xls");
    std::fs::copy(src, ib.inbox().join("坏表.xls")).unwrap();
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    assert_eq!(o.status.code(), Some(1));
    let j = json(&ib.path("out.json"));
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "坏表.xls")
        .expect("listed");
    assert_eq!(f["status"], "unreadable");
}

/// Clerks write their own unit short: 东庄 for 东庄村, 东庄村委, 水泉镇西庄, 水泉社区居委. Each names
/// one registered unit; 北庄村 is no unit and still an error.
#[test]
fn short_and_bare_unit_names_match_the_register() {
    let ib = Inbox::new();
    ib.register();
    let mut rows = vec![row(&["村居", "户主姓名", "走访日期", "走访方式"])];
    for (unit, name) in [
        ("东庄", "张三"),
        ("东庄村委", "李四"),
        ("水泉镇西庄", "王五"),
        ("水泉社区居委", "赵六"),
        ("水泉", "钱七"),
        ("北庄村", "孙八"),
    ] {
        rows.push(vec![s(unit), s(name), d(2021, 5, 6), s("入户")]);
    }
    ib.xlsx("走访.xlsx", &[("Sheet1", rows)]);
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    assert_eq!(
        diag_places(&j),
        [(
            "unknown_unit".into(),
            "走访.xlsx".into(),
            "Sheet1".into(),
            "A7".into()
        )],
        "{}",
        stdout(&o)
    );
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "走访.xlsx")
        .unwrap();
    assert_eq!(
        f["units"],
        serde_json::json!(["东庄村", "西庄村", "水泉社区"])
    );
}

/// A merged 村居 cell running down past a blank row, a 序号 column, a totals row whose sums fill
/// several columns (合计 / 小计), and signature rows under the table are no data rows: no
/// diagnostic, and only the real rows are counted.
#[test]
fn merged_unit_over_a_blank_row_and_totals_rows_are_no_data() {
    let ib = Inbox::new();
    ib.register();
    let rows = vec![
        row(&["东庄村“双提升”工作周报汇总"]),
        row(&[
            "序号",
            "村居",
            "报送时间",
            "周次",
            "本周工作开展情况",
            "走访户数",
            "排查纠纷数",
            "化解纠纷数",
        ]),
        vec![
            n(1.0),
            s("东庄村"),
            s("2021-4-30 16:00"),
            s("第4期"),
            s("走访"),
            s("0"),
            s("0"),
            s("0"),
        ],
        row(&[]),
        vec![
            n(2.0),
            C::E,
            s("2021-5-7 16:00"),
            s("第5期"),
            s("走访"),
            s("0"),
            s("0"),
            s("0"),
        ],
        vec![s("合计"), C::E, C::E, C::E, C::E, n(0.0), n(0.0), n(0.0)],
        vec![s("小 计："), s("共2期"), C::E, C::E, s("/"), n(0.0), n(0.0)],
        row(&["填报人：王某", "", "", "", "审核：刘某"]),
    ];
    // 村居 (B3:B5) merged down over the blank row.
    ib.xlsx_merged("东庄村周报.xlsx", &[("Sheet1", rows)], &[(0, 2, 1, 4, 1)]);
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    assert_eq!(diag_places(&j), [], "{}", stdout(&o));
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "东庄村周报.xlsx")
        .unwrap();
    assert_eq!(f["rows"], 2, "{f}");
}

/// “本周无矛盾纠纷” written in the 当事人 column (or any other) of a row with no type is a zero
/// report, not a dispute missing its type and status.
#[test]
fn zero_report_phrase_in_any_column_is_a_zero_report() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村矛盾纠纷台账.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["排查时间", "当事人", "纠纷类别", "基本情况", "调处情况"]),
                vec![s("2021.4.26"), s("本周无矛盾纠纷"), C::E, C::E, C::E],
                vec![s("2021.5.3"), C::E, C::E, C::E, C::E, s("未发现矛盾纠纷")],
            ],
        )],
    );
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    assert_eq!(diag_places(&j), [], "{}", stdout(&o));
}

/// A sheet whose rows all name units outside the register is listed as read (its problems are
/// in the list), not as a resend of another file.
#[test]
fn a_sheet_of_unknown_units_is_not_called_a_duplicate() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "北庄村走访.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                vec![s("北庄村"), s("张三"), d(2021, 5, 6), s("入户")],
            ],
        )],
    );
    ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "北庄村走访.xlsx")
        .unwrap();
    assert_eq!(f["status"], "used", "{f}");
    assert!(f["reason"].as_str().unwrap().contains("村居名册"), "{f}");
}

/// The 退回修改清单 a village works through: at the top who sends it and when, the period the data
/// reaches and the plan's resubmission deadline; then errors, then warnings (whatever their order in
/// the file).
#[test]
fn feedback_lists_errors_then_warnings_under_the_period_date_and_deadline() {
    use calamine::{open_workbook, Reader, Xlsx};
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村标语台账.xlsx",
        &[(
            "标语",
            vec![
                row(&["村居", "标语内容", "形式", "位置", "悬挂日期", "状态"]),
                // B2: a typo of an approved slogan (warning), above two errors.
                row(&[
                    "东庄村",
                    "严历打击盗窃犯罪  保护群众财产安全",
                    "横幅",
                    "村委会",
                    "2021-05-10",
                    "在挂",
                ]),
                row(&[
                    "东庄村",
                    "严厉打击盗窃犯罪  保护群众财产安全",
                    "横幅",
                    "村口",
                    "2021-13-45",
                    "在挂",
                ]),
                row(&[
                    "东庄村",
                    "严厉打击盗窃犯罪  保护群众财产安全",
                    "气球",
                    "广场",
                    "2021-05-08",
                    "在挂",
                ]),
            ],
        )],
    );
    let read = |dir: &str| -> Vec<Vec<String>> {
        let mut wb: Xlsx<_> =
            open_workbook(ib.path(&format!("{dir}/退回修改清单_东庄村.xlsx"))).unwrap();
        let r = wb.worksheet_range("退回修改清单").unwrap();
        r.rows()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect()
    };
    let o = ib.run(&["check", "inbox", "--feedback", "fb"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let rows = read("fb");
    let first: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(first[0], "东庄村“双提升”台账退回修改清单");
    // The newest ledger date is 2021-05-10 (the impossible 2021-13-45 is no date): week 6.
    assert_eq!(first[1], "水泉镇“双提升”领导小组办公室　　2021年5月10日");
    assert_eq!(
        first[2],
        "台账统计期：第6期（2021-05-10至05-16），数据截至2021年5月10日"
    );
    assert_eq!(first[3], "重新报送期限：收到后2日内改正并重新报送");
    // The list: header row, then the errors in reading order (E3, C4) before the warning (B2).
    let header = rows.iter().position(|r| r[0] == "序号").unwrap();
    let list: Vec<(String, String, String)> = rows[header + 1..]
        .iter()
        .filter(|r| !r[0].is_empty())
        .map(|r| (r[1].clone(), r[2].clone(), r[5].clone()))
        .collect();
    let severities: Vec<&str> = list.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(severities, ["错误", "错误", "警告"], "{list:?}");
    let cells: Vec<&str> = list.iter().map(|(_, _, c)| c.as_str()).collect();
    assert_eq!(cells, ["E3", "C4", "B2"], "{list:?}");
    assert_eq!(list[2].1, "标语：标语疑有错别字");

    // The deadline comes from the plan.
    let plan = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/plan.toml"),
    )
    .unwrap()
    .replace("resubmit_days = 2", "resubmit_days = 5");
    std::fs::write(ib.path("plan.toml"), plan).unwrap();
    let o = ib.run(&["check", "inbox", "--plan", "plan.toml", "--feedback", "fb5"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(read("fb5")[3][0], "重新报送期限：收到后5日内改正并重新报送");
}

/// `check --columns` says how every column of every sheet was read, those read by their own name
/// too; without it only the doubtful ones get a 读表 line.
#[test]
fn check_columns_prints_every_sheets_every_column() {
    let ib = Inbox::new();
    ib.register();
    ib.xlsx(
        "东庄村走访台账.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式", "序号"]),
                vec![s("东庄村"), s("张三"), d(2021, 5, 11), s("入户"), n(1.0)],
            ],
        )],
    );
    let plain = stdout(&ib.run(&["check", "inbox"]));
    assert!(!plain.contains("读表 东庄村走访台账.xlsx"), "{plain}");
    let all = stdout(&ib.run(&["check", "inbox", "--columns"]));
    let line = all
        .lines()
        .find(|l| l.starts_with("读表 东庄村走访台账.xlsx › Sheet1（走访台账）："))
        .unwrap_or_else(|| panic!("{all}"));
    for part in [
        "“村居”→村居（列名）",
        "“户主姓名”→户主姓名（列名）",
        "“走访方式”→走访方式（列名）",
        "“序号”：常见附加列，未读取",
    ] {
        assert!(line.contains(part), "{part} not in {line}");
    }
}
