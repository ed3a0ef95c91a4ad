//! The weekly notice workbook read back: the real binary on the week-6 fixture (`common::weekly_fixture`,
//! figures worked out by hand in tests/weekly.rs), then calamine for the cells and the zip's XML for
//! what calamine does not show (masking, print setup).

mod common;
use calamine::{open_workbook, Data, DataType, Range, Reader, Xlsx};
use common::*;
use std::io::Read;
use std::path::{Path, PathBuf};

const FILE: &str = "水泉镇双提升周通报_第6期_2021-05-10至05-16.xlsx";
const SHEETS: [&str; 11] = [
    "通报",
    "综合排名",
    "周报报送",
    "走访进度",
    "矛盾纠纷",
    "宣传标语",
    "民调指标",
    "民调分析",
    "问题清单",
    "数据来源",
    "图表",
];
/// Every 当事人 in the fixture's dispute ledger.
const PARTIES: [&str; 6] = ["甲某", "乙某", "丙某", "丁某", "戊某", "己某"];

fn run_weekly(ib: &Inbox, out: &str, extra: &[&str]) -> PathBuf {
    let mut args = vec!["weekly", "inbox", "--week", "6", "-o", out];
    args.extend(extra);
    let o = ib.run(&args);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    ib.path(out).join(FILE)
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.worksheet_range(name).unwrap()
}

/// The row whose column B (or A) is `unit`, as shown text per column.
fn row_of<'a>(r: &'a Range<Data>, col: usize, unit: &str) -> &'a [Data] {
    r.rows()
        .find(|row| row.get(col).and_then(|c| c.get_string()) == Some(unit))
        .unwrap_or_else(|| panic!("no row for {unit}"))
}

/// Every text in a sheet, joined.
fn all_text(r: &Range<Data>) -> String {
    r.rows()
        .flat_map(|row| row.iter().map(|c| c.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every XML part of the xlsx, decompressed and joined.
fn all_xml(path: &Path) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = String::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut s = String::new();
        if f.read_to_string(&mut s).is_ok() {
            out.push_str(&s);
        }
    }
    out
}

fn xml_part(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn sheets_in_spec_order_with_the_hand_computed_figures() {
    let ib = weekly_fixture();
    let path = run_weekly(&ib, "out", &[]);
    let wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(wb.sheet_names(), SHEETS);

    // 综合排名: 东庄村 65.8 → 黄, written as the word.
    let r = sheet(&path, "综合排名");
    let dz = row_of(&r, 1, "东庄村");
    assert_eq!(dz[3].as_f64(), Some(65.8));
    assert_eq!(dz[4].get_string(), Some("黄"));
    assert_eq!(dz[2].get_string(), Some("村"));
    // 村/社区 come before 镇直单位; the 镇直单位 has no weekly-report part.
    let names: Vec<String> = r
        .rows()
        .filter_map(|row| row.get(1).and_then(|c| c.get_string()).map(String::from))
        .collect();
    let pos = |n: &str| names.iter().position(|x| x == n).unwrap();
    assert!(pos("镇卫生院") > pos("东庄村"));
    assert!(pos("镇卫生院") > pos("水泉社区"));
    assert_eq!(row_of(&r, 1, "镇卫生院")[6].get_string(), Some("—"));

    // 走访进度: 100 户, 4 visited, 3 in person, 1 by phone, 4.0%, 3 new this week.
    let v = sheet(&path, "走访进度");
    let dz = row_of(&v, 0, "东庄村");
    let nums: Vec<Option<f64>> = dz[1..7].iter().map(|c| c.as_f64()).collect();
    assert_eq!(
        nums,
        [
            Some(100.0),
            Some(4.0),
            Some(3.0),
            Some(1.0),
            Some(0.04),
            Some(3.0)
        ]
    );
    assert!(row_of(&v, 0, "合计")[2].as_f64().is_some());

    // 周报报送: 西庄村 one minute late.
    let w = sheet(&path, "周报报送");
    let xz = row_of(&w, 0, "西庄村");
    assert_eq!(xz[1].get_string(), Some("迟报"));
    assert_eq!(
        xz[2]
            .as_datetime()
            .unwrap()
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        "2021-05-14 17:31"
    );
    assert!(
        xz[5].to_string().contains("周报汇总.xlsx › 周报 › B"),
        "{}",
        xz[5]
    );
    assert_eq!(row_of(&w, 0, "东庄村")[1].get_string(), Some("按时"));

    // 矛盾纠纷: two overdue in 东庄村, listed below the table with their cells.
    let d = sheet(&path, "矛盾纠纷");
    assert_eq!(row_of(&d, 0, "东庄村")[6].to_string(), "2");
    let text = all_text(&d);
    assert!(text.contains("矛盾纠纷.xlsx › 台账 › F2"), "{text}");
    assert!(text.contains("矛盾纠纷.xlsx › 台账 › F6"), "{text}");

    // 宣传标语: 水泉社区 short of 3; the unapproved text named.
    let s = sheet(&path, "宣传标语");
    assert_eq!(row_of(&s, 0, "水泉社区")[5].get_string(), Some("否"));
    assert!(row_of(&s, 0, "东庄村")[7]
        .to_string()
        .contains("平安东庄欢迎您"));

    // 问题清单 and 数据来源 list what the JSON lists.
    let p = all_text(&sheet(&path, "问题清单"));
    assert!(p.contains("周报：周报数字与台账不一致"), "{p}");
    assert!(p.contains("纠纷：矛盾纠纷逾期未化解"), "{p}");
    assert!(
        !p.contains("report_ledger_mismatch") && !p.contains("R6_overdue"),
        "no codes: {p}"
    );
    let src = all_text(&sheet(&path, "数据来源"));
    assert!(src.contains("东庄村走访台账(1).xlsx"));
    assert!(src.contains("重复"));
}

#[test]
fn the_notice_reads_as_a_bulletin() {
    let ib = weekly_fixture();
    let path = run_weekly(&ib, "out", &[]);
    // A paragraph's lines are broken explicitly (避头尾): read each cell as one string.
    let t: String = sheet(&path, "通报")
        .rows()
        .flat_map(|row| row.iter().map(|c| c.to_string().replace('\n', "")))
        .collect::<Vec<_>>()
        .join("\n");
    for want in [
        "水泉镇“双提升”工作周通报",
        "（第6期）",
        "水泉镇“双提升”领导小组办公室",
        "2021年5月17日",
        "一、总体情况",
        "二、红黑榜",
        "三、存在问题",
        "四、下步要求",
        // The numbers, written out.
        "应报周报3个村（社区），按时报送1个，迟报2个（西庄村、水泉社区）",
        "已走访4户",
        "本周新增矛盾纠纷1件、化解1件",
        "超过30天仍未化解的2件（东庄村2件）",
        "黑榜：",
        "周报迟报",
        // 四、下步要求 from the plan, numbered.
        "1．各村（社区）联络员务必于每周五17:30前向镇提升办报送本周工作开展情况",
        "\n报：镇“双提升”暨“政法干警进网格”活动领导小组组长、副组长",
        "\n送：各村（社区）党组织书记",
    ] {
        assert!(t.contains(want), "missing {want:?} in:\n{t}");
    }
    // Headings in order.
    let at = |s: &str| t.find(s).unwrap();
    assert!(at("一、总体情况") < at("二、红黑榜"));
    assert!(at("二、红黑榜") < at("三、存在问题"));
    assert!(at("三、存在问题") < at("四、下步要求"));
    assert!(at("四、下步要求") < at("\n报："));
}

#[test]
fn leaders_copy_masks_parties_and_office_copy_does_not() {
    let ib = weekly_fixture();
    let path = run_weekly(&ib, "out", &[]);
    let d = all_text(&sheet(&path, "矛盾纠纷"));
    assert!(d.contains("甲*"), "{d}");
    assert!(d.contains("戊*"), "{d}");
    let shared = xml_part(&path, "xl/sharedStrings.xml");
    assert!(shared.contains("甲*"));
    let xml = all_xml(&path);
    for name in PARTIES {
        assert!(!xml.contains(name), "{name} appears in the masked workbook");
    }

    let path = run_weekly(&ib, "office", &["--no-mask"]);
    let d = all_text(&sheet(&path, "矛盾纠纷"));
    assert!(d.contains("甲某"), "{d}");
    assert!(xml_part(&path, "xl/sharedStrings.xml").contains("戊某"));
}

#[test]
fn every_sheet_prints_on_a4_with_page_numbers() {
    let ib = weekly_fixture();
    let path = run_weekly(&ib, "out", &[]);
    for i in 1..=SHEETS.len() {
        let x = xml_part(&path, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(x.contains(r#"paperSize="9""#), "sheet{i}");
        assert!(x.contains("第 &amp;P 页 共 &amp;N 页"), "sheet{i}");
        if i == SHEETS.len() {
            // 图表: one chart a page — printed at 100 % (fit-to-page would drop the manual breaks).
            assert!(x.contains("<rowBreaks"), "sheet{i}");
        }
        // At 100 %: never shrunk to one page wide (issue 12; tests/print_layout.rs checks the widths).
        assert!(!x.contains("fitToPage"), "sheet{i}");
        if i == 1 {
            // The bulletin: portrait, no gridlines.
            assert!(x.contains(r#"showGridLines="0""#));
            assert!(!x.contains(r#"orientation="landscape""#));
        } else if i < SHEETS.len() {
            // Tables: frozen header, filter, header rows repeated on every page (图表 is no table).
            assert!(x.contains(r#"state="frozen""#), "sheet{i}");
            assert!(x.contains("<autoFilter"), "sheet{i}");
        }
    }
    let wbx = xml_part(&path, "xl/workbook.xml");
    assert!(wbx.contains("_xlnm.Print_Titles"));
    // The column chart of scores on 综合排名.
    let mut z = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let chart = z.by_name("xl/charts/chart1.xml").is_ok();
    assert!(chart, "综合排名 has a chart");
    assert!(xml_part(&path, "xl/charts/chart1.xml").contains("<c:barDir val=\"col\"/>"));
}

/// The values a one-column chart range points at, read back from the workbook.
fn ref_values(path: &Path, r: &str) -> Vec<Data> {
    let (name, first, col, last) = parse_ref(r);
    let range = sheet(path, &name);
    (first..=last)
        .map(|row| range.get_value((row, col)).cloned().unwrap_or(Data::Empty))
        .collect()
}

#[test]
fn the_chart_sheet_draws_coverage_against_the_target_and_the_weekly_trend() {
    let ib = weekly_fixture();
    let path = run_weekly(&ib, "out", &[]);
    let charts = chart_refs(&path);
    assert!(charts.len() >= 3, "{charts:?}");
    // 综合排名 keeps its own chart; the 图表 sheet holds the two below, every range on that sheet.
    let on_sheet: Vec<&Vec<String>> = charts
        .iter()
        .filter(|c| c.iter().all(|r| r.starts_with("图表!")))
        .collect();
    assert_eq!(on_sheet.len(), 2, "{charts:?}");

    // (a) coverage: categories = every 村/社区, values = the 走访进度 coverage, a target series of 100 %.
    let cov = on_sheet[0];
    assert_eq!(cov.len(), 4, "{cov:?}");
    let names: Vec<String> = ref_values(&path, &cov[0])
        .iter()
        .map(|d| d.to_string())
        .collect();
    let values = ref_values(&path, &cov[1]);
    let dz = names.iter().position(|n| n == "东庄村").unwrap();
    assert_eq!(values[dz].as_f64(), Some(0.04));
    assert!(names.contains(&"水泉社区".to_string()));
    assert!(!names.contains(&"镇卫生院".to_string()), "村/社区 only");
    assert_eq!(cov[2], cov[0], "the target shares the categories");
    let target = ref_values(&path, &cov[3]);
    assert_eq!(target.len(), names.len());
    assert!(target.iter().all(|t| t.as_f64() == Some(1.0)));

    // (b) the town's trend: weeks 1 … 6, coverage and on-time rate; the last point is this week's total.
    let trend = on_sheet[1];
    assert_eq!(trend.len(), 4, "{trend:?}");
    let weeks: Vec<String> = ref_values(&path, &trend[0])
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        weeks,
        (1..=6).map(|w| format!("第{w}期")).collect::<Vec<_>>()
    );
    let coverage = ref_values(&path, &trend[1]);
    let total = row_of(&sheet(&path, "走访进度"), 0, "合计")[5].as_f64();
    assert_eq!(coverage[5].as_f64(), total);
    assert!(
        coverage.windows(2).all(|w| w[0].as_f64() <= w[1].as_f64()),
        "{coverage:?}"
    );
    let on_time = ref_values(&path, &trend[3]);
    assert_eq!(on_time.len(), 6);
    assert!(on_time
        .iter()
        .all(|x| x.as_f64().is_none_or(|v| (0.0..=1.0).contains(&v))));
}

#[test]
fn same_inputs_give_byte_identical_workbooks() {
    let ib = weekly_fixture();
    let a = std::fs::read(run_weekly(&ib, "a", &[])).unwrap();
    let b = std::fs::read(run_weekly(&ib, "b", &[])).unwrap();
    assert!(a == b, "two runs differ");
}

#[test]
fn an_existing_notice_is_replaced_only_with_force() {
    let ib = weekly_fixture();
    let path = run_weekly(&ib, "out", &[]);
    let before = std::fs::read(&path).unwrap();
    let o = ib.run(&["weekly", "inbox", "--week", "6", "-o", "out"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains(FILE), "{e}");
    assert!(e.contains("--force"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let o = ib.run(&["weekly", "inbox", "--week", "6", "-o", "out", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(path.exists());
}
