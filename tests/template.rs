//! `shuangti template`: the blank ledger workbooks. They are committed in `templates/ledgers/` (the
//! office sends them out), so these tests pin that the code still produces exactly those files, that
//! the tool would recognise their headers, and that the dropdowns are there.
//!
//! After an intended change: `cargo run --example write_templates` and commit the files.

use calamine::{open_workbook, Data, Reader, Xlsx};
use shuangti::ledger::schema::{Kind, Specs, Ty};
use shuangti::plan::Plan;
use shuangti::report::output::OutputError;
use shuangti::report::template::{
    file_name, file_names, write_templates, FIRST_ROW, HEADER_ROW, HELP_SHEET, LISTS_SHEET, ROWS,
};
use shuangti::resolve::units::{Unit, UnitKind};
use std::io::Read;
use std::path::{Path, PathBuf};

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/ledgers")
}

fn village(name: &str) -> Unit {
    Unit {
        name: name.into(),
        kind: UnitKind::Village,
        households: Some(100),
        grids: Some(2),
        population: None,
        aliases: Vec::new(),
    }
}

fn write(units: &[Unit]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let dir = tempfile::tempdir().unwrap();
    let paths = write_templates(&plan, &specs, units, dir.path(), false).unwrap();
    (dir, paths)
}

fn sheet_xml(path: &Path, n: usize) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut s = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn committed_templates_are_what_the_code_writes() {
    let (dir, paths) = write(&[]);
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, file_names());
    for name in &names {
        let got = std::fs::read(dir.path().join(name)).unwrap();
        let want = std::fs::read(committed().join(name)).unwrap_or_else(|e| {
            panic!("templates/ledgers/{name}: {e}; run `cargo run --example write_templates`")
        });
        assert!(
            got == want,
            "templates/ledgers/{name} differs from what the code writes; run `cargo run --example write_templates` and commit"
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.toml")).unwrap(),
        Plan::embedded().source
    );
}

#[test]
fn rerun_gives_identical_bytes() {
    let (a, _) = write(&[village("东庄村")]);
    let (b, _) = write(&[village("东庄村")]);
    for name in file_names() {
        assert!(
            std::fs::read(a.path().join(&name)).unwrap()
                == std::fs::read(b.path().join(&name)).unwrap(),
            "{name} differs between two runs"
        );
    }
}

#[test]
fn header_row_is_the_canonical_column_names() {
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let (dir, _) = write(&[]);
    for kind in Kind::ALL {
        let path = dir.path().join(file_name(kind));
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(
            wb.sheet_names(),
            vec![
                kind.zh().to_string(),
                HELP_SHEET.to_string(),
                LISTS_SHEET.to_string()
            ],
            "{kind:?}"
        );
        let hidden: Vec<bool> = wb
            .sheets_metadata()
            .iter()
            .map(|s| s.visible != calamine::SheetVisible::Visible)
            .collect();
        assert_eq!(
            hidden,
            vec![false, false, true],
            "{kind:?}: only the lists sheet is hidden"
        );
        let range = wb.worksheet_range(kind.zh()).unwrap();
        let want: Vec<&str> = specs
            .get(kind)
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let got: Vec<String> = (0..want.len())
            .map(|c| match range.get_value((HEADER_ROW, c as u32)) {
                Some(Data::String(s)) => s.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(got, want, "{kind:?}");
        // The title row names the town and the ledger.
        match range.get_value((0, 0)) {
            Some(Data::String(s)) => {
                assert!(s.starts_with("水泉镇") && s.contains(kind.zh()), "{s}")
            }
            other => panic!("{kind:?}: title {other:?}"),
        }
    }
}

#[test]
fn every_choice_has_a_dropdown_from_the_lists_sheet() {
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let (dir, _) = write(&[]);
    for kind in Kind::ALL {
        let xml = sheet_xml(&dir.path().join(file_name(kind)), 1);
        let spec = specs.get(kind);
        // Without a register the 村居 column has no list; 标语内容 has the approved slogans.
        let lists = spec
            .columns
            .iter()
            .filter(|c| matches!(c.ty, Ty::Choice(_) | Ty::YesNo | Ty::Answer(_) | Ty::Week))
            .count()
            + usize::from(kind == Kind::Slogan);
        let found = xml.matches(r#"<dataValidation type="list""#).count();
        assert_eq!(
            found, lists,
            "{kind:?}: one list validation per choice column"
        );
        if lists > 0 {
            assert!(xml.contains("<formula1>'列表'!$A$2:$A$"), "{kind:?}");
        }
    }
    // 走访方式 (入户 / 电话) and the two 是/否 columns share one list; both lists are on the lists sheet.
    let path = dir.path().join("走访台账.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let lists = wb.worksheet_range(LISTS_SHEET).unwrap();
    let col = |c: u32| -> Vec<String> {
        (1..lists.height() as u32)
            .filter_map(|r| lists.get_value((r, c)).map(|d| d.to_string()))
            .filter(|s| !s.is_empty())
            .collect()
    };
    assert_eq!(col(0), vec!["入户", "电话"]);
    assert_eq!(col(1), vec!["是", "否"]);
}

#[test]
fn units_become_a_dropdown_from_the_hidden_sheet() {
    // More than 255 characters of unit names: allow_list_strings would fail here.
    let units: Vec<Unit> = (1..=60)
        .map(|i| village(&format!("第{i}村民委员会")))
        .collect();
    let (dir, _) = write(&units);
    let xml = sheet_xml(&dir.path().join("走访台账.xlsx"), 1);
    // The 村居 column (A) gets the first list, 61 rows including its header.
    assert!(
        xml.contains("<formula1>'列表'!$A$2:$A$61</formula1>"),
        "{xml}"
    );
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("走访台账.xlsx")).unwrap();
    let lists = wb.worksheet_range(LISTS_SHEET).unwrap();
    assert_eq!(
        lists.get_value((60, 0)),
        Some(&Data::String("第60村民委员会".into()))
    );
}

#[test]
fn date_and_phone_columns_are_preformatted() {
    let (dir, _) = write(&[]);
    let path = dir.path().join("联络员名单.xlsx");
    let styles = {
        let file = std::fs::File::open(&path).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut s = String::new();
        zip.by_name("xl/styles.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    assert!(styles.contains(r#"formatCode="yyyy-mm-dd""#), "{styles}");
    assert!(
        styles.contains(r#"formatCode="@""#),
        "text format @ for phones: {styles}"
    );
    // The example row and 2,000 preformatted (bordered, typed) empty rows below it: rows 5 to 2004
    // in Excel.
    let xml = sheet_xml(&path, 1);
    let last = FIRST_ROW + ROWS;
    assert!(
        xml.contains(&format!("<row r=\"{last}\"")),
        "row {last} is prepared"
    );
    assert!(!xml.contains(&format!("<row r=\"{}\"", last + 1)));
}

#[test]
fn refuses_to_overwrite_without_force() {
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let (dir, _) = write(&[]);
    let visit = dir.path().join("走访台账.xlsx");
    std::fs::write(&visit, b"the village's own copy").unwrap();
    let err = write_templates(&plan, &specs, &[], dir.path(), false).unwrap_err();
    assert!(matches!(err, OutputError::Exists { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("已存在") && msg.contains("--force") && msg.contains("-o"),
        "{msg}"
    );
    assert_eq!(std::fs::read(&visit).unwrap(), b"the village's own copy");
    write_templates(&plan, &specs, &[], dir.path(), true).unwrap();
    assert_eq!(
        std::fs::read(&visit).unwrap(),
        std::fs::read(committed().join("走访台账.xlsx")).unwrap()
    );
    // No temp files left.
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        file_names().len()
    );
}
