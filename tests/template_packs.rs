//! `shuangti template --register`: one ready pack per unit, and the validations that keep the
//! mistakes `check` finds out of the ledgers. The packs are filled in code (cells written into the
//! generated sheet's XML, keeping the template's own styles) and run through `check`, `weekly` and
//! `monthly` like any village's files.

mod common;
use common::*;
use shuangti::ledger::schema::{Kind, Specs, Ty};
use shuangti::plan::Plan;
use shuangti::report::template::{
    file_name, ledger_template, write_templates, Recipient, EXAMPLE_ROW, FIRST_ROW, LISTS_SHEET,
    OTHER_SLOGAN, ROWS,
};
use shuangti::resolve::units::{Unit, UnitKind};
use std::io::{Read, Write};
use std::path::Path;

fn unit(name: &str, kind: UnitKind, households: Option<u32>) -> Unit {
    Unit {
        name: name.into(),
        kind,
        households,
        grids: households.map(|_| 2),
        population: None,
        aliases: Vec::new(),
    }
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The `<dataValidation …>` elements of the ledger sheet: (type, sqref, the whole element).
fn validations(sheet: &str) -> Vec<(String, String, String)> {
    sheet
        .split("<dataValidation ")
        .skip(1)
        .map(|e| {
            let e = &e[..e.find("</dataValidations>").unwrap_or(e.len())];
            let attr = |a: &str| {
                e.split(&format!(" {a}=\""))
                    .nth(1)
                    .or_else(|| e.strip_prefix(&format!("{a}=\"")))
                    .map(|v| v[..v.find('"').unwrap()].to_string())
                    .unwrap_or_default()
            };
            (attr("type"), attr("sqref"), e.to_string())
        })
        .collect()
}

fn col_name(i: usize) -> String {
    rust_xlsxwriter::column_number_to_name(i as u16)
}

/// Every column that the plan fixes has a validation of the right type, with a Chinese input
/// message and (where something can be wrong) an error message, on the same rows the formats reach.
fn assert_validated(bytes: &[u8], plan: &Plan, kind: Kind, with_units: bool) {
    let specs = Specs::new(plan);
    let spec = specs.get(kind);
    let sheet = zip_part(bytes, "xl/worksheets/sheet1.xml");
    let dvs = validations(&sheet);
    let (first, last) = (EXAMPLE_ROW + 1, FIRST_ROW + ROWS);
    for (i, c) in spec.columns.iter().enumerate() {
        let col = col_name(i);
        let range = format!("{col}{first}:{col}{last}");
        let (ty, _, e) = dvs
            .iter()
            .find(|(_, r, _)| *r == range)
            .unwrap_or_else(|| panic!("{kind:?} {}: no validation on {range}", c.name));
        let slogan = kind == Kind::Slogan && c.name == "标语内容";
        let want = match &c.ty {
            _ if slogan => "list",
            Ty::Unit if with_units => "list",
            Ty::Choice(_) | Ty::YesNo | Ty::Answer(_) | Ty::Week => "list",
            Ty::Date | Ty::DateTime => "date",
            Ty::Phone => "textLength",
            Ty::Count => "whole",
            _ => "",
        };
        assert_eq!(ty, want, "{kind:?} {}", c.name);
        assert!(
            e.contains("prompt=\""),
            "{kind:?} {}: input message",
            c.name
        );
        if !want.is_empty() {
            assert!(e.contains("error=\""), "{kind:?} {}: error message", c.name);
        }
        if c.ty == Ty::Phone {
            assert!(
                e.contains("<formula1>7</formula1><formula2>13</formula2>"),
                "{e}"
            );
        }
        // The formats (borders, number formats) reach the validations' last row.
        assert!(
            sheet.contains(&format!("<c r=\"{col}{last}\" s=\"")),
            "{kind:?} {}: row {last} is formatted",
            c.name
        );
    }
    assert!(!sheet.contains(&format!("<row r=\"{}\"", last + 1)));
}

#[test]
fn every_template_validates_what_the_plan_fixes() {
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let units = [
        unit("东庄村", UnitKind::Village, Some(100)),
        unit("镇卫生院", UnitKind::TownUnit, None),
    ];
    for kind in Kind::ALL {
        let spec = specs.get(kind);
        let blank = ledger_template(&plan, spec, Recipient::All(&[])).unwrap();
        assert_validated(&blank, &plan, kind, false);
        let with = ledger_template(&plan, spec, Recipient::All(&units)).unwrap();
        assert_validated(&with, &plan, kind, spec.unit_col.is_some());
        let pack = ledger_template(&plan, spec, Recipient::One(&units[0])).unwrap();
        assert_validated(&pack, &plan, kind, spec.unit_col.is_some());
    }
}

/// The values of the hidden lists sheet, column by column.
fn lists(path: &Path) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let r = wb.worksheet_range(LISTS_SHEET).unwrap();
    (0..r.width() as u32)
        .map(|c| {
            (1..r.height() as u32)
                .filter_map(|row| r.get_value((row, c)).map(|d| d.to_string()))
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect()
}

#[test]
fn dropdowns_come_from_the_plan_and_the_register() {
    let units = [
        unit("东庄村", UnitKind::Village, Some(100)),
        unit("水泉社区", UnitKind::Community, Some(80)),
        unit("镇卫生院", UnitKind::TownUnit, None),
    ];
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let dir = tempfile::tempdir().unwrap();
    write_templates(&plan, &specs, &units, dir.path(), false).unwrap();
    // 镇直单位 keep no weekly report and no visits: they are not offered there, but are for slogans.
    let weekly = lists(&dir.path().join(file_name(Kind::WeeklyReport)));
    assert_eq!(weekly[0], ["东庄村", "水泉社区"]);
    let weeks = &weekly[1];
    assert_eq!(weeks.first().unwrap(), "第1期");
    assert_eq!(weeks.last().unwrap(), "第39期"); // 2021-04-05 … 2021-12-31
    assert_eq!(lists(&dir.path().join(file_name(Kind::Visit)))[0].len(), 2);
    let slogans = lists(&dir.path().join(file_name(Kind::Slogan)));
    assert_eq!(slogans[0], ["东庄村", "水泉社区", "镇卫生院"]);
    let mut want = plan.slogans.clone();
    want.push(OTHER_SLOGAN.into());
    assert_eq!(slogans[1], want);

    // Another plan: other slogans, statuses and weeks give other dropdowns.
    let text = Plan::embedded()
        .source
        .replace(
            "\"人人参与平安创建  家家共享平安成果\",",
            "\"平安水泉  人人有责\",",
        )
        .replace(
            "statuses = [\"未化解\", \"化解中\", \"已化解\", \"已移交\"]",
            "statuses = [\"未化解\", \"调解中\", \"已化解\", \"已移交\"]",
        )
        .replace("first_week = 2021-04-05", "first_week = 2021-04-12");
    let other = Plan::parse(&text, "other.toml").unwrap();
    let specs = Specs::new(&other);
    let dir = tempfile::tempdir().unwrap();
    write_templates(&other, &specs, &[], dir.path(), false).unwrap();
    let slogans = lists(&dir.path().join(file_name(Kind::Slogan)));
    assert_eq!(slogans[0][0], "平安水泉  人人有责");
    assert!(!slogans[0].iter().any(|s| s.contains("家家共享")));
    let disputes = lists(&dir.path().join(file_name(Kind::Dispute)));
    assert!(disputes.iter().any(|l| l.contains(&"调解中".to_string())));
    assert!(!disputes.iter().any(|l| l.contains(&"化解中".to_string())));
    let weekly = lists(&dir.path().join(file_name(Kind::WeeklyReport)));
    assert_eq!(weekly[0].last().unwrap(), "第38期");
    // … and the dates are limited to the shorter campaign (2021-04-12 = serial 44298).
    let sheet = zip_part(
        &std::fs::read(dir.path().join(file_name(Kind::Visit))).unwrap(),
        "xl/worksheets/sheet1.xml",
    );
    assert!(
        sheet.contains("<formula1>44298</formula1><formula2>44561</formula2>"),
        "the campaign's dates"
    );
}

/// A cell to write into a template's sheet.
enum V {
    S(String),
    N(f64),
}

fn txt(x: &str) -> V {
    V::S(x.to_string())
}

fn serial(y: i32, m: u32, d: u32, h: u32, mi: u32) -> f64 {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    let t = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    (t - base).num_days() as f64 + (h * 60 + mi) as f64 / 1440.0
}

/// Fills `rows` (Excel row number → cells by column letter) into the template at `from`, keeping each
/// cell's style, and saves it at `to`: what a clerk's Excel would save.
fn fill(from: &Path, to: &Path, rows: &[(u32, Vec<(&str, V)>)]) {
    let bytes = std::fs::read(from).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let mut s = String::from_utf8(data).unwrap();
            for (r, cells) in rows {
                for (col, v) in cells {
                    let at = format!("<c r=\"{col}{r}\" s=\"");
                    let start = s.find(&at).unwrap_or_else(|| panic!("{col}{r}"));
                    let end = start + s[start..].find('>').unwrap() + 1;
                    let old = &s[start..end];
                    assert!(old.ends_with("/>"), "{col}{r} is blank: {old}");
                    let style = old[at.len()..old.len() - 3].to_string();
                    let new = match v {
                        V::S(t) => format!(
                            "<c r=\"{col}{r}\" s=\"{style}\" t=\"inlineStr\"><is><t>{t}</t></is></c>"
                        ),
                        V::N(n) => format!("<c r=\"{col}{r}\" s=\"{style}\"><v>{n}</v></c>"),
                    };
                    s.replace_range(start..end, &new);
                }
            }
            data = s.into_bytes();
        }
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        out.start_file(name, opts).unwrap();
        out.write_all(&data).unwrap();
    }
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::write(to, out.finish().unwrap().into_inner()).unwrap();
}

fn units_json<'a>(j: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    j["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("no unit {name}"))
}

#[test]
fn a_filled_pack_is_read_checked_and_counted() {
    let ib = Inbox::new();
    ib.register(); // 东庄村 100 户, 西庄村 50 户, 水泉社区 80 户, 镇卫生院
    let o = ib.run(&[
        "template",
        "-o",
        "tpl",
        "--register",
        "inbox/办公室/村居名册.xlsx",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let names = |dir: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(ib.path(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names("tpl/东庄村"),
        [
            "周报_东庄村.xlsx",
            "工作活动台账_东庄村.xlsx",
            "标语台账_东庄村.xlsx",
            "矛盾纠纷台账_东庄村.xlsx",
            "联络员名单_东庄村.xlsx",
            "走访台账_东庄村.xlsx",
            "问卷_东庄村.xlsx",
            "问卷汇总_东庄村.xlsx",
        ]
    );
    // 镇直单位 keep slogans (their screens) and activities (the topic meeting) only.
    assert_eq!(
        names("tpl/镇卫生院"),
        ["工作活动台账_镇卫生院.xlsx", "标语台账_镇卫生院.xlsx"]
    );

    // 东庄村 fills its pack in week 6 (2021-05-10 … 05-16): the unit is never typed.
    let pack = |f: &str| ib.path(&format!("tpl/东庄村/{f}_东庄村.xlsx"));
    let to = |f: &str| ib.inbox().join(format!("东庄村/{f}_东庄村.xlsx"));
    // The pack's 村居 column offers the unit alone.
    assert_eq!(lists(&pack("走访台账"))[0], ["东庄村"]);
    fill(
        &pack("周报"),
        &to("周报"),
        &[(
            5,
            vec![
                ("B", V::N(serial(2021, 5, 14, 16, 0))),
                ("C", txt("第6期")),
                ("D", txt("入户走访3户，电话访问1户")),
                ("E", V::N(3.0)),
                ("F", V::N(0.0)),
                ("G", V::N(0.0)),
                ("H", V::N(2.0)),
            ],
        )],
    );
    let visit = |r: u32, head: &str, day: u32, method: &str, yes: &str| {
        (
            r,
            vec![
                ("C", txt(head)),
                ("D", V::N(serial(2021, 5, day, 0, 0))),
                ("E", txt(method)),
                ("F", txt(yes)),
                ("G", txt(yes)),
            ],
        )
    };
    fill(
        &pack("走访台账"),
        &to("走访台账"),
        &[
            visit(5, "张一", 11, "入户", "是"),
            visit(6, "张二", 12, "入户", "是"),
            // A phone visit: 电话, 问卷/公开信 否 (as 填表说明 says).
            visit(7, "张三", 13, "电话", "否"),
        ],
    );
    // The zero report: 纠纷类型 零报告.
    fill(
        &pack("矛盾纠纷台账"),
        &to("矛盾纠纷台账"),
        &[(
            5,
            vec![("B", V::N(serial(2021, 5, 12, 0, 0))), ("D", txt("零报告"))],
        )],
    );
    let plan = Plan::embedded();
    let slogans: Vec<&str> = plan
        .slogans
        .iter()
        .take(3)
        .map(String::as_str)
        .chain([OTHER_SLOGAN])
        .collect();
    let slogan_rows: Vec<(u32, Vec<(&str, V)>)> = slogans
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                5 + i as u32,
                vec![
                    ("B", txt(s)),
                    ("C", txt("横幅")),
                    ("E", V::N(serial(2021, 4, 20, 0, 0))),
                    ("F", txt("在挂")),
                ],
            )
        })
        .collect();
    fill(&pack("标语台账"), &to("标语台账"), &slogan_rows);
    fill(
        &pack("工作活动台账"),
        &to("工作活动台账"),
        &[(
            5,
            vec![
                ("B", V::N(serial(2021, 4, 7, 0, 0))),
                ("C", txt("动员部署会")),
                ("D", V::N(30.0)),
            ],
        )],
    );

    // check: nothing at the example rows (row 4), nothing about the pre-written unit-only rows,
    // and the escape slogan is still reported as not approved.
    let o = ib.run(&["check", "inbox", "--json", "c.json"]);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        stderr(&o)
    );
    let j = json(&ib.path("c.json"));
    let places = diag_places(&j);
    let ours: Vec<_> = places
        .iter()
        .filter(|(_, f, _, _)| f.starts_with("东庄村/"))
        .collect();
    let row_of = |cell: &str| {
        cell.trim_start_matches(|c: char| c.is_ascii_uppercase())
            .to_string()
    };
    assert!(
        ours.iter()
            .all(|(_, _, _, cell)| row_of(cell) != (EXAMPLE_ROW + 1).to_string()),
        "nothing at an example row: {ours:?}"
    );
    let codes: Vec<&str> = ours.iter().map(|(c, _, _, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        ["R7_slogan_unapproved"],
        "only the escape slogan is a finding in 东庄村's files: {ours:?}"
    );
    assert_eq!(ours[0].3, "B8");

    // weekly: the figures are those written.
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("w.json"));
    let dz = units_json(&j, "东庄村");
    assert_eq!(dz["households"], 100);
    assert_eq!(dz["weekly_report"]["status"], "on_time");
    assert_eq!(dz["weekly_report"]["submitted_at"], "2021-05-14T16:00");
    let v = &dz["visits"];
    assert_eq!(v["households_visited"], 3);
    assert_eq!(v["in_person"], 2);
    assert_eq!(v["phone"], 1);
    assert_eq!(v["questionnaires"], 2);
    assert_eq!(v["letters"], 2);
    let d = &dz["disputes"];
    assert_eq!(d["total"], 0);
    assert_eq!(d["screened_weeks"], 1);
    let s = &dz["slogans"];
    assert_eq!(s["hanging"], 4);
    assert_eq!(s["unapproved"], 1);
    assert_eq!(s["ok"], true);

    // monthly: May holds the same visits and the report of week 6.
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-05", "-o", "out", "--json", "m.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("m.json"));
    let dz = units_json(&j, "东庄村");
    assert!(
        dz["weekly_scores"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["issue"] == 6),
        "{dz}"
    );
    assert_eq!(dz["visits"]["households_visited"], 3, "{dz}");
}

#[test]
fn unit_writes_one_pack_and_names_the_closest_names_when_unknown() {
    let ib = Inbox::new();
    ib.register();
    let o = ib.run(&[
        "template",
        "-o",
        "tpl",
        "--register",
        "inbox/办公室/村居名册.xlsx",
        "--unit",
        "水泉社区",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let top: Vec<String> = std::fs::read_dir(ib.path("tpl"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(top, ["水泉社区"], "only the one pack");
    assert_eq!(
        std::fs::read_dir(ib.path("tpl/水泉社区")).unwrap().count(),
        8
    );

    let o = ib.run(&[
        "template",
        "-o",
        "tpl2",
        "--register",
        "inbox/办公室/村居名册.xlsx",
        "--unit",
        "东壮村",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("村居名册中没有“东壮村”"), "{e}");
    assert!(e.contains("“东庄村”"), "{e}");
    assert!(!ib.path("tpl2/东庄村").exists());

    let o = ib.run(&["template", "-o", "tpl3", "--unit", "东庄村"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--register"), "{}", stderr(&o));
}
