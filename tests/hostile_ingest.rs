//! Hostile inbox files, built in code: each test is named after the attack it pins (docs/hostile.md).

mod common;

use std::io::{Cursor, Read, Write};
use std::path::Path;

use shuangti::ingest::{open_in_inbox, open_workbook, FileStatus, Opened};

/// A copy of the zip `bytes` with `f` applied to the text of the entry `name`.
fn edit_entry(bytes: &[u8], name: &str, f: impl Fn(&str) -> String) -> Vec<u8> {
    edit_entry_as(bytes, name, zip::CompressionMethod::Stored, f)
}

fn edit_entry_as(
    bytes: &[u8],
    name: &str,
    method: zip::CompressionMethod,
    f: impl Fn(&str) -> String,
) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .large_file(true);
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let n = e.name().unwrap().into_owned();
        let mut v = Vec::new();
        e.read_to_end(&mut v).unwrap();
        if n == name {
            v = f(&String::from_utf8(v).unwrap()).into_bytes();
        }
        w.start_file(n.as_str(), opts).unwrap();
        w.write_all(&v).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn sample_xlsx(inbox: &common::Inbox) -> Vec<u8> {
    use common::{n, row, s};
    let p = inbox.xlsx(
        "台账.xlsx",
        &[(
            "台账",
            vec![
                row(&["村居", "户主姓名", "备注"]),
                vec![s("东庄村"), s("张三"), n(3.0)],
                vec![s("西庄村"), s("李四"), s("无")],
            ],
        )],
    );
    std::fs::read(p).unwrap()
}

fn text_cells(o: &Opened) -> Vec<String> {
    let g = o.sheets[0].grid.as_ref().unwrap();
    (g.first_row()..g.end_row())
        .flat_map(|r| g.row(r).iter().map(|d| d.to_string()).collect::<Vec<_>>())
        .collect()
}

#[test]
fn sst_unique_count_of_4294967295_reads_without_reserving_100_gb() {
    let inbox = common::Inbox::new();
    let good = sample_xlsx(&inbox);
    let bad = edit_entry(&good, "xl/sharedStrings.xml", |x| {
        let i = x.find("uniqueCount=\"").unwrap() + 13;
        let j = i + x[i..].find('"').unwrap();
        format!("{}4294967295{}", &x[..i], &x[j..])
    });
    let p = inbox.path("inbox/bad.xlsx");
    std::fs::write(&p, bad).unwrap();
    let o = open_workbook(&p, false).unwrap();
    assert!(text_cells(&o).contains(&"李四".to_string()), "{o:?}");
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ingest")
            .join(name),
    )
    .unwrap()
}

fn write(inbox: &common::Inbox, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = inbox.inbox().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// The offsets of the BIFF8 DIMENSIONS records' data in an .xls (record 0x0200, 14 bytes).
fn dimensions_records(b: &[u8]) -> Vec<usize> {
    (0..b.len().saturating_sub(18))
        .filter(|&i| b[i..i + 4] == [0x00, 0x02, 0x0E, 0x00])
        .map(|i| i + 4)
        // first row < last row + 1, few columns: a real record, not bytes that look like one
        .filter(|&d| {
            let u32_at = |k: usize| u32::from_le_bytes(b[d + k..d + k + 4].try_into().unwrap());
            let u16_at = |k: usize| u16::from_le_bytes(b[d + k..d + k + 2].try_into().unwrap());
            u32_at(0) < u32_at(4) && u32_at(4) < 65_537 && u16_at(10) <= 256
        })
        .collect()
}

fn grid_texts(o: &Opened) -> Vec<String> {
    o.sheets
        .iter()
        .filter_map(|s| s.grid.as_ref())
        .flat_map(|g| {
            (g.first_row()..g.end_row())
                .flat_map(|r| g.row(r).iter().map(|d| d.to_string()).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn xls_dimensions_patched_to_16_7_million_rows_reads_without_reserving_171_gb() {
    let good = fixture("ledger.xls");
    let dims = dimensions_records(&good);
    assert!(!dims.is_empty());
    let inbox = common::Inbox::new();
    let want = grid_texts(&open_workbook(&write(&inbox, "good.xls", &good), false).unwrap());
    let mut bad = good.clone();
    for &d in &dims {
        bad[d + 4..d + 8].copy_from_slice(&16_777_216u32.to_le_bytes());
        bad[d + 10..d + 12].copy_from_slice(&256u16.to_le_bytes());
    }
    let o = open_workbook(&write(&inbox, "rows.xls", &bad), false).unwrap();
    assert_eq!(grid_texts(&o), want);
}

#[test]
fn xls_dimensions_with_last_row_before_first_reads_without_reserving_1_tb() {
    let good = fixture("ledger.xls");
    let inbox = common::Inbox::new();
    let want = grid_texts(&open_workbook(&write(&inbox, "good.xls", &good), false).unwrap());
    let mut bad = good.clone();
    for d in dimensions_records(&good) {
        bad[d..d + 4].copy_from_slice(&100u32.to_le_bytes());
        bad[d + 4..d + 8].copy_from_slice(&10u32.to_le_bytes());
    }
    let o = open_workbook(&write(&inbox, "wrap.xls", &bad), false).unwrap();
    assert_eq!(grid_texts(&o), want);
}

/// A copy of the .ods fixture with its content.xml edited.
fn ods_with(f: impl Fn(&str) -> String) -> Vec<u8> {
    edit_entry(&fixture("ledger.ods"), "content.xml", f)
}

#[test]
fn ods_cut_after_a_table_row_is_unreadable_not_a_hang() {
    let bad = ods_with(|x| {
        let i = x.find("</table:table-row>").unwrap() + "</table:table-row>".len();
        x[..i].to_string()
    });
    let inbox = common::Inbox::new();
    write(&inbox, "cut.ods", &bad);
    let t = std::time::Instant::now();
    let e = open_in_inbox(&inbox.inbox(), Path::new("cut.ods"), false).unwrap_err();
    assert!(t.elapsed().as_secs() < 5);
    assert_eq!(e.status, FileStatus::Unreadable);
    assert!(e.reason.contains("文件已损坏或不完整"), "{}", e.reason);
}

#[test]
fn ods_with_a_stray_ampersand_in_its_table_end_tag_is_unreadable_not_a_hang() {
    let bad = ods_with(|x| x.replacen("</table:table>", "</table:table&>", 1));
    let inbox = common::Inbox::new();
    write(&inbox, "amp.ods", &bad);
    let e = open_in_inbox(&inbox.inbox(), Path::new("amp.ods"), false).unwrap_err();
    assert_eq!(e.status, FileStatus::Unreadable);
    assert!(e.reason.contains("文件已损坏或不完整"), "{}", e.reason);
}

/// The .ods fixture with `row` put first in each of its tables.
fn ods_with_row_in_each_table(row: &str) -> Vec<u8> {
    ods_with(|x| {
        let mut at: Vec<usize> = x
            .match_indices("<table:table ")
            .filter_map(|(i, _)| Some(i + x[i..].find("<table:table-row")?))
            .collect();
        at.dedup();
        let mut out = x.to_string();
        for &i in at.iter().rev() {
            out.insert_str(i, row);
        }
        out
    })
}

#[test]
fn ods_of_millions_of_repeated_filled_cells_across_sheets_is_refused_by_the_cell_budget() {
    // 3 M cells in each of the two sheets: each under the sheet limit, together over the budget.
    let row = r#"<table:table-row table:number-rows-repeated="3000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"/></table:table-row>"#;
    let bad = ods_with_row_in_each_table(row);
    let inbox = common::Inbox::new();
    let t = std::time::Instant::now();
    let e = open_workbook(&write(&inbox, "big.ods", &bad), true)
        .map(|_| ())
        .unwrap_err();
    assert!(t.elapsed().as_secs() < 5);
    assert_eq!(e.status, FileStatus::Unreadable);
    assert!(e.reason.contains("超过 4000000 个的上限"), "{}", e.reason);
}

#[test]
fn ods_of_one_long_text_repeated_over_millions_of_cells_is_refused_by_the_text_budget() {
    // 1.9 M cells of 90 bytes in each sheet: ≈ 350 MB of copies, under the cell budget.
    let long = "长".repeat(30);
    let row = format!(
        r#"<table:table-row table:number-rows-repeated="1900"><table:table-cell office:value-type="string" table:number-columns-repeated="1000"><text:p>{long}</text:p></table:table-cell></table:table-row>"#
    );
    let bad = ods_with_row_in_each_table(&row);
    let inbox = common::Inbox::new();
    let t = std::time::Instant::now();
    let e = open_workbook(&write(&inbox, "text.ods", &bad), true)
        .map(|_| ())
        .unwrap_err();
    assert!(t.elapsed().as_secs() < 5);
    assert!(e.reason.contains("文字合计超过 128 MiB"), "{}", e.reason);
}

#[test]
fn xlsx_inflating_past_64_mib_is_refused_before_reading() {
    let inbox = common::Inbox::new();
    let good = sample_xlsx(&inbox);
    let deflated = zip::CompressionMethod::Deflated;
    let bad = edit_entry_as(&good, "xl/worksheets/sheet1.xml", deflated, |x| {
        let pad = " ".repeat(65 << 20);
        x.replacen("<sheetData>", &format!("<sheetData>{pad}"), 1)
    });
    let t = std::time::Instant::now();
    assert!(bad.len() < 1 << 20);
    let e = open_workbook(&write(&inbox, "wide.xlsx", &bad), false)
        .map(|_| ())
        .unwrap_err();
    assert!(t.elapsed().as_secs() < 5);
    assert!(e.reason.contains("文件解压后超过 64 MiB"), "{}", e.reason);
}

#[test]
fn one_long_shared_string_in_700k_cells_is_refused_by_the_text_budget() {
    let inbox = common::Inbox::new();
    let good = sample_xlsx(&inbox);
    let long = "长".repeat(70);
    let bad = edit_entry(&good, "xl/sharedStrings.xml", |x| {
        x.replacen("<t>村居</t>", &format!("<t>{long}</t>"), 1)
    });
    let cells: String = (1..=700_000)
        .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#))
        .collect();
    let bad = edit_entry(&bad, "xl/worksheets/sheet1.xml", |x| {
        let (a, b) = (
            x.find("<sheetData>").unwrap() + 11,
            x.find("</sheetData>").unwrap(),
        );
        format!("{}{cells}{}", &x[..a], &x[b..])
    });
    let e = open_workbook(&write(&inbox, "copies.xlsx", &bad), false)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.status, FileStatus::Unreadable);
    assert!(e.reason.contains("文字合计超过 128 MiB"), "{}", e.reason);
}

#[test]
fn a_3_gib_video_is_skipped_from_its_first_bytes_without_reading_it() {
    let inbox = common::Inbox::new();
    let p = inbox.inbox().join("活动视频.xlsx");
    let f = std::fs::File::create(&p).unwrap();
    // (sparse: no disk space is used)
    f.set_len(3 << 30).unwrap();
    drop(f);
    let mut f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
    f.write_all(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00")
        .unwrap();
    drop(f);
    let t = std::time::Instant::now();
    let e = open_workbook(&p, false).unwrap_err();
    assert!(t.elapsed().as_millis() < 500, "{:?}", t.elapsed());
    assert_eq!(e.status, FileStatus::Skipped, "{e:?}");
}

#[test]
fn a_zip_larger_than_64_mib_on_disk_is_refused_by_its_size() {
    let inbox = common::Inbox::new();
    let p = inbox.inbox().join("大文件.xlsx");
    let mut f = std::fs::File::create(&p).unwrap();
    f.write_all(b"PK\x03\x04").unwrap();
    f.set_len(100 << 20).unwrap();
    drop(f);
    let e = open_workbook(&p, false).unwrap_err();
    assert_eq!(e.status, FileStatus::Unreadable);
    assert!(e.reason.contains("文件有 100 MiB"), "{}", e.reason);
}

#[cfg(unix)]
#[test]
fn symlinks_to_a_ledger_or_folder_outside_the_inbox_are_listed_unread() {
    use shuangti::ingest::scan::scan;
    let inbox = common::Inbox::new();
    let outside = inbox.path("elsewhere");
    std::fs::create_dir_all(outside.join("folder")).unwrap();
    let ledger = sample_xlsx(&inbox);
    std::fs::write(outside.join("secret.xlsx"), &ledger).unwrap();
    std::fs::write(outside.join("folder/also.xlsx"), &ledger).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.xlsx"), inbox.inbox().join("link.xlsx"))
        .unwrap();
    std::os::unix::fs::symlink(outside.join("folder"), inbox.inbox().join("linkdir")).unwrap();
    // A link that stays inside the inbox is still followed.
    std::os::unix::fs::symlink(
        inbox.inbox().join("台账.xlsx"),
        inbox.inbox().join("inside.xlsx"),
    )
    .unwrap();
    let files = scan(&inbox.inbox()).unwrap();
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(names, ["inside.xlsx", "link.xlsx", "linkdir", "台账.xlsx"]);
    let e = open_in_inbox(&inbox.inbox(), Path::new("link.xlsx"), false).unwrap_err();
    assert_eq!(e.status, FileStatus::Skipped);
    assert!(e.reason.contains("收件箱以外的文件的链接"), "{}", e.reason);
    let e = open_in_inbox(&inbox.inbox(), Path::new("linkdir"), false).unwrap_err();
    assert_eq!(e.status, FileStatus::Skipped);
    assert!(e.reason.contains("收件箱以外的文件夹"), "{}", e.reason);
    assert!(open_in_inbox(&inbox.inbox(), Path::new("inside.xlsx"), false).is_ok());
}

#[test]
fn a_lone_surrogate_in_shared_strings_becomes_u_fffd_and_the_workbook_reads() {
    let inbox = common::Inbox::new();
    let good = sample_xlsx(&inbox);
    let bad = edit_entry(&good, "xl/sharedStrings.xml", |x| {
        x.replacen("<t>张三</t>", "<t>张&#xD800;三</t>", 1)
    });
    let o = open_workbook(&write(&inbox, "sur.xlsx", &bad), false).unwrap();
    let texts = grid_texts(&o);
    assert!(texts.contains(&"张\u{FFFD}三".to_string()), "{texts:?}");
    assert!(texts.contains(&"李四".to_string()), "{texts:?}");
    assert!(
        o.notes.iter().any(|n| n.contains("1 个无效字符")),
        "{:?}",
        o.notes
    );
}

#[cfg(unix)]
#[test]
fn a_path_over_the_system_limit_is_reported_and_the_run_goes_on() {
    let inbox = common::Inbox::new();
    std::fs::write(inbox.inbox().join("a.xlsx"), sample_xlsx(&inbox)).unwrap();
    // 20 folders of 250 bytes: past PATH_MAX (4096), made with relative `cd`s as a shell does.
    let name = "长".repeat(83);
    let script = format!(
        "cd \"$1\" && for i in $(seq 20); do mkdir {name} && cd -P {name} || exit 1; done; echo x > deep.xlsx"
    );
    let st = std::process::Command::new("sh")
        .args(["-c", &script, "sh"])
        .arg(inbox.inbox())
        .status()
        .unwrap();
    assert!(st.success());
    let files = shuangti::ingest::scan::scan(&inbox.inbox()).unwrap();
    assert!(
        files.iter().any(|p| p.to_str() == Some("a.xlsx")),
        "{files:?}"
    );
    let deep = files
        .iter()
        .find(|p| p.as_os_str().len() > 3000)
        .expect("the too-deep folder is listed");
    let e = open_in_inbox(&inbox.inbox(), deep, false).unwrap_err();
    assert_eq!(e.status, FileStatus::Unreadable);
    assert!(e.reason.contains("路径过长"), "{}", e.reason);
    // And the whole run reports it instead of stopping (exit 2 would be "cannot run").
    let o = inbox.run(&["check", "inbox"]);
    assert_ne!(o.status.code(), Some(2), "{}", common::stderr(&o));
    assert!(
        common::stdout(&o).contains("路径过长"),
        "{}",
        common::stdout(&o)
    );
}

#[test]
fn a_formula_without_a_cached_value_is_reported_as_uncalculated_not_empty() {
    use common::row;
    let inbox = common::Inbox::new();
    inbox.register();
    let p = inbox.xlsx(
        "东庄村走访.xlsx",
        &[(
            "Sheet1",
            vec![
                row(&["村居", "户主姓名", "走访日期", "走访方式"]),
                row(&["东庄村", "张三", "2021-04-12", "入户"]),
                row(&["东庄村", "李四", "2021-04-13", "入户"]),
            ],
        )],
    );
    let bad = edit_entry(
        &std::fs::read(&p).unwrap(),
        "xl/worksheets/sheet1.xml",
        |x| {
            let i = x.find(r#"<c r="C2""#).unwrap();
            let j = i + x[i..].find("</c>").unwrap() + 4;
            format!(
                r#"{}<c r="C2"><f>DATE(2021,4,12)</f></c>{}"#,
                &x[..i],
                &x[j..]
            )
        },
    );
    std::fs::write(&p, bad).unwrap();
    let o = inbox.run(&["check", "inbox", "--json", "out.json"]);
    let j = common::json(&inbox.path("out.json"));
    let places = common::diag_places(&j);
    assert!(
        places.contains(&(
            "uncalculated_formula".into(),
            "东庄村走访.xlsx".into(),
            "Sheet1".into(),
            "C2".into()
        )),
        "{places:?}"
    );
    assert!(!places.iter().any(|p| p.0 == "missing_value"), "{places:?}");
    assert!(
        common::stdout(&o).contains("是公式，但文件中没有计算结果"),
        "{}",
        common::stdout(&o)
    );
}

/// Found by the fuzz (docs/hostile.md): a mutated ledger.xls whose directory chain runs past the end
/// of the file (calamine reads on, zero-filled) and whose DIMENSIONS asks for 25.7 billion cells.
#[test]
fn xls_whose_directory_chain_runs_past_the_end_is_refused_not_an_abort() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile/fuzz-dir-chain-past-eof-huge-dimensions.xls");
    let e = open_workbook(&p, false).map(|_| ()).unwrap_err();
    assert_eq!(e.status, FileStatus::Unreadable);
    assert!(e.reason.contains("OLE 容器结构异常"), "{}", e.reason);
}

/// Sets every size a zip declares for `name` (local header and central directory) to `size`.
fn lie_about_size(zip: &mut [u8], name: &str, size: u32) {
    let n = name.as_bytes();
    for i in 0..zip.len().saturating_sub(46 + n.len()) {
        if zip[i..i + 4] == *b"PK\x03\x04" && zip[i + 30..i + 30 + n.len()] == *n {
            zip[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
        }
        if zip[i..i + 4] == *b"PK\x01\x02" && zip[i + 46..i + 46 + n.len()] == *n {
            zip[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
        }
    }
}

#[test]
fn ods_whose_content_xml_lies_about_inflating_to_200_mib_is_refused_not_held() {
    let deflated = zip::CompressionMethod::Deflated;
    let mut bad = edit_entry_as(&fixture("ledger.ods"), "content.xml", deflated, |x| {
        let pad = " ".repeat(200 << 20);
        x.replacen("<office:body>", &format!("<office:body>{pad}"), 1)
    });
    lie_about_size(&mut bad, "content.xml", 4096);
    let inbox = common::Inbox::new();
    let t = std::time::Instant::now();
    let e = open_workbook(&write(&inbox, "lie.ods", &bad), false)
        .map(|_| ())
        .unwrap_err();
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
    assert_eq!(e.status, FileStatus::Unreadable);
    // (the zip crate stops at the declared size; the budget check stands behind it)
    assert!(e.reason.contains("文件已损坏或不完整"), "{}", e.reason);
}

#[test]
fn xls_cell_record_moved_to_column_65535_is_dropped_not_a_137_gb_grid() {
    let good = fixture("ledger.xls");
    // The last LabelSst record (0x00FD, 10 bytes: row, column, format, string index).
    let at = (0..good.len() - 14)
        .rev()
        .find(|&i| good[i..i + 4] == [0xFD, 0x00, 0x0A, 0x00])
        .expect("a LabelSst record")
        + 4;
    let mut bad = good.clone();
    bad[at..at + 4].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    let inbox = common::Inbox::new();
    let o = open_workbook(&write(&inbox, "far.xls", &bad), true).unwrap();
    assert!(
        o.notes.iter().any(|n| n.contains("超过 256 列")),
        "{:?}",
        o.notes
    );
    let all = open_workbook(&write(&inbox, "good.xls", &good), true).unwrap();
    assert_eq!(grid_texts(&o).len() + 1, grid_texts(&all).len());
}
