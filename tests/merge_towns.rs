//! Shards by town (README): two towns' inboxes run through the binary one process each, their `--json`
//! merged by `shuangti::report::json::merge_towns`, and the merged figures checked by hand.

mod common;
use common::*;
use shuangti::report::json::{merge_towns, MergeError};

const VH: [&str; 7] = [
    "村居",
    "村民小组",
    "户主姓名",
    "走访日期",
    "走访方式",
    "发放问卷",
    "送达公开信",
];

/// A town with one 村 of `households` 户 whose visit ledger lists `visits` (小组, 户主, day in May, 方式).
fn town(unit: &str, households: f64, visits: &[(&str, &str, u32, &str)]) -> Inbox {
    let ib = Inbox::new();
    ib.xlsx(
        "办公室/村居名册.xlsx",
        &[(
            "名册",
            vec![
                row(&["村居名册"]),
                row(&["名称", "类别", "户数", "网格数"]),
                vec![s(unit), s("村"), n(households), n(1.0)],
            ],
        )],
    );
    let mut rows = vec![row(&["走访台账"]), row(&VH)];
    for &(g, h, day, how) in visits {
        rows.push(vec![
            s(unit),
            s(g),
            s(h),
            d(2021, 5, day),
            s(how),
            s("是"),
            s("否"),
        ]);
    }
    ib.xlsx(&format!("{unit}走访台账.xlsx"), &[("走访", rows)]);
    ib
}

#[test]
fn two_towns_merge_by_unit() {
    // Town A: 东庄村 10 户, 3 households visited in week 6 (one twice), 2 in person.
    let a = town(
        "东庄村",
        10.0,
        &[
            ("一组", "张三", 10, "入户"),
            ("一组", "张三", 11, "电话"),
            ("一组", "李四", 11, "入户"),
            ("二组", "王五", 12, "电话"),
        ],
    );
    // Town B: 西庄村 30 户, 1 household visited.
    let b = town("西庄村", 30.0, &[("一组", "赵六", 12, "入户")]);
    let (ja, jb) = (a.weekly_json("6"), b.weekly_json("6"));
    let m = merge_towns(&[ja.clone(), jb.clone()]).unwrap();

    assert_eq!(m["period"], ja["period"]);
    let names: Vec<&str> = m["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["东庄村", "西庄村"]);
    assert_eq!(m["units"][0], ja["units"][0]);
    assert_eq!(m["units"][1], jb["units"][0]);

    // The towns' totals by hand: 10 + 30 户, 3 + 1 households visited, coverage 4/40.
    let t = &m["town"];
    assert_eq!(ja["town"]["visits"]["households_visited"], 3);
    assert_eq!(jb["town"]["visits"]["households_visited"], 1);
    assert_eq!(t["households"], 40);
    assert_eq!(t["visits"]["households_visited"], 4);
    assert_eq!(t["visits"]["coverage"].as_f64().unwrap(), 0.1);
    for k in ["in_person", "phone", "questionnaires", "letters", "new"] {
        let sum =
            ja["town"]["visits"][k].as_u64().unwrap() + jb["town"]["visits"][k].as_u64().unwrap();
        assert_eq!(t["visits"][k].as_u64().unwrap(), sum, "{k}");
    }
    for k in ["on_time", "late", "missing"] {
        let sum = ja["town"]["weekly_reports"][k].as_u64().unwrap()
            + jb["town"]["weekly_reports"][k].as_u64().unwrap();
        assert_eq!(t["weekly_reports"][k].as_u64().unwrap(), sum, "{k}");
    }
    // Diagnostics and files: A's then B's.
    for k in ["diagnostics", "files", "suggestions"] {
        let (x, y) = (ja[k].as_array().unwrap(), jb[k].as_array().unwrap());
        let all: Vec<_> = x.iter().chain(y).cloned().collect();
        assert_eq!(m[k].as_array().unwrap(), &all, "{k}");
    }
    assert!(!m["files"].as_array().unwrap().is_empty());

    // The same unit in both towns is an error; so are different weeks.
    assert_eq!(
        merge_towns(&[ja.clone(), ja.clone()]),
        Err(MergeError::DuplicateUnit("东庄村".into()))
    );
    let mut other = jb.clone();
    other["period"]["issue"] = 7.into();
    assert!(matches!(
        merge_towns(&[ja.clone(), other]),
        Err(MergeError::Differs { .. })
    ));
    // One town merged alone is itself.
    assert_eq!(merge_towns(std::slice::from_ref(&ja)).unwrap(), ja);
}

#[test]
fn survey_rates_from_their_parts() {
    let town = |base: u64, positive: u64, index: f64, small: bool| {
        serde_json::json!({"town": {"households": 1, "visits": {"households_visited": 1, "coverage": 1.0},
            "survey": {"responses": base, "rates": {"satisfaction": {"value": positive as f64 / base as f64,
                "base": base, "positive": positive, "small_sample": small, "index": index}},
            "ranked": [{"option": "甲", "count": positive, "share": 1.0}]}}})
    };
    // 3/4 (index 75.0) and 1/4 (index 25.0): 4/8, index 50.0, shares by count.
    let m = merge_towns(&[town(4, 3, 75.0, false), town(4, 1, 25.0, false)]).unwrap();
    let r = &m["town"]["survey"]["rates"]["satisfaction"];
    assert_eq!(
        (r["base"].as_u64(), r["positive"].as_u64()),
        (Some(8), Some(4))
    );
    assert_eq!(r["value"].as_f64(), Some(0.5));
    assert_eq!(r["index"].as_f64(), Some(50.0));
    assert_eq!(r["small_sample"], false);
    assert_eq!(m["town"]["survey"]["responses"], 8);
    assert_eq!(m["town"]["survey"]["ranked"][0]["count"], 4);
    assert_eq!(
        m["town"]["survey"]["ranked"][0]["share"].as_f64(),
        Some(1.0)
    );
    assert_eq!(m["town"]["visits"]["coverage"].as_f64(), Some(1.0));
    // Three towns, one with a small sample: unknown.
    let m = merge_towns(&[
        town(4, 3, 75.0, false),
        town(4, 1, 25.0, true),
        town(2, 2, 100.0, false),
    ])
    .unwrap();
    let r = &m["town"]["survey"]["rates"]["satisfaction"];
    assert_eq!(r["small_sample"], serde_json::Value::Null);
    assert_eq!(r["index"].as_f64(), Some(60.0));
    assert_eq!(r["value"].as_f64(), Some(0.6));
}

#[test]
fn check_outputs_merge_and_other_lists_must_agree() {
    let c = |errors: u64, file: &str| {
        serde_json::json!({"summary": {"errors": errors, "warnings": 1, "infos": 0, "files": 1},
            "files": [{"path": file}], "diagnostics": [], "weeks": [1, 2]})
    };
    let m = merge_towns(&[c(2, "a.xlsx"), c(3, "b.xlsx")]).unwrap();
    assert_eq!(
        m["summary"],
        serde_json::json!({"errors": 5, "warnings": 2, "infos": 0, "files": 2})
    );
    assert_eq!(
        m["files"],
        serde_json::json!([{"path": "a.xlsx"}, {"path": "b.xlsx"}])
    );
    // A list that is not a per-town one (monthly's `weeks`) is kept when equal, refused otherwise.
    assert_eq!(m["weeks"], serde_json::json!([1, 2]));
    let mut other = c(3, "b.xlsx");
    other["weeks"] = serde_json::json!([1]);
    assert!(matches!(
        merge_towns(&[c(2, "a.xlsx"), other]),
        Err(MergeError::Differs { .. })
    ));
}
