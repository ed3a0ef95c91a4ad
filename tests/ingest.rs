//! The ingest module against real files: LibreOffice-made .xls/.ods with Chinese text, an encrypted xlsx
//! made by msoffcrypto-tool, and the broken files villages send (tests/fixtures/ingest/make.py).

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use calamine::Data;
use shuangti::ingest::{open_workbook, scan::scan, FileStatus, Format, Opened};

/// Records the largest single allocation made by a thread that asked to be watched, so a test can show
/// a file was read without the multi-GB dense range calamine would otherwise try.
struct Watch;

thread_local! {
    static WATCHED: Cell<bool> = const { Cell::new(false) };
}
static LARGEST: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Watch {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if WATCHED.try_with(|w| w.get()).unwrap_or(false) {
            LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        }
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if WATCHED.try_with(|w| w.get()).unwrap_or(false) {
            LARGEST.fetch_max(new_size, Ordering::Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Watch = Watch;

/// Runs `f` on this thread and gives the largest single allocation it made.
fn largest_allocation<T>(f: impl FnOnce() -> T) -> (T, usize) {
    LARGEST.store(0, Ordering::Relaxed);
    WATCHED.with(|w| w.set(true));
    let out = f();
    WATCHED.with(|w| w.set(false));
    (out, LARGEST.load(Ordering::Relaxed))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn open(name: &str) -> Opened {
    open_workbook(&fixture(name), false).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn text(s: &str) -> Data {
    Data::String(s.into())
}

const TITLE: &str = "东庄村矛盾纠纷排查化解台账";

/// Every file a village might send that cannot be used, with the status and the reason's key words.
#[test]
fn broken_files_get_a_status_and_a_chinese_reason() {
    let cases: &[(&str, FileStatus, &str)] = &[
        (
            "~$x.xlsx",
            FileStatus::Skipped,
            "Excel/WPS 打开文件时生成的临时锁定文件，不是台账，已跳过",
        ),
        (".DS_Store", FileStatus::Skipped, "系统隐藏文件"),
        (
            "notes.txt",
            FileStatus::Skipped,
            "这是文本文件，不是电子表格，已跳过",
        ),
        (
            "report.docx",
            FileStatus::Skipped,
            "Word 文档（.docx），不是电子表格",
        ),
        ("empty.xlsx", FileStatus::Unreadable, "空文件"),
        ("empty.xlsx", FileStatus::Unreadable, "请重新导出"),
        (
            "truncated.xlsx",
            FileStatus::Unreadable,
            "文件已损坏或不完整，可能传输中断，请用 Excel/WPS 打开确认后重新发送",
        ),
        (
            "encrypted.xlsx",
            FileStatus::Unreadable,
            "文件设有密码，无法读取。请去除密码（文件→信息→保护工作簿）后重新提交",
        ),
        (
            "wps-native.et",
            FileStatus::Unreadable,
            "WPS 专用格式（.et），请在 WPS 中“另存为”Excel 工作簿（.xlsx）后重新提交",
        ),
    ];
    for &(name, status, words) in cases {
        let failure = match open_workbook(&fixture(name), false) {
            Ok(o) => panic!("{name} opened as {:?}", o.format),
            Err(f) => f,
        };
        assert_eq!(failure.status, status, "{name}: {}", failure.reason);
        assert!(
            failure.reason.contains(words),
            "{name}: {:?} lacks {words:?}",
            failure.reason
        );
    }
}

fn assert_ledger(name: &str, format: Format, merges_filled: bool) {
    let o = open(name);
    assert_eq!(o.format, format, "{name}");
    assert_eq!(o.notes, Vec::<String>::new(), "{name}");
    let names: Vec<(&str, bool)> = o
        .sheets
        .iter()
        .map(|s| (s.name.as_str(), s.visible))
        .collect();
    assert_eq!(
        names,
        [("矛盾纠纷台账", true), ("填表说明", false)],
        "{name}"
    );
    assert!(o.sheets[1].grid.is_none(), "{name}: hidden sheet was read");
    let g = o.sheets[0].grid.as_ref().unwrap();
    assert_eq!(
        (g.first_row(), g.end_row(), g.first_col(), g.end_col()),
        (0, 7, 0, 6),
        "{name}"
    );
    // Title row, then the grouped header at rows 3–4 (0-based 2–3): Chinese text read right (calamine#229).
    assert_eq!(g.get(0, 0), &text(TITLE), "{name}");
    assert_eq!(g.get(2, 0), &text("村居"), "{name}");
    assert_eq!(g.get(2, 3), &text("化解情况"), "{name}");
    assert_eq!(g.get(3, 3), &text("化解状态"), "{name}");
    assert_eq!(g.get(3, 4), &text("化解日期"), "{name}");
    assert_eq!(g.get(4, 2), &text("张三、李四"), "{name}");
    // A phone number stored as text stays text.
    assert_eq!(g.get(4, 5), &text("13800138000"), "{name}");
    assert_eq!(g.get(6, 1), &text("2021年4月9日"), "{name}");
    if merges_filled {
        assert_eq!(g.get(0, 5), &text(TITLE), "{name}: merged title");
        assert_eq!(
            g.get(2, 4),
            &text("化解情况"),
            "{name}: merged parent header"
        );
        assert_eq!(g.get(3, 0), &text("村居"), "{name}: header merged down");
        assert_eq!(
            g.get(1, 1),
            &Data::Empty,
            "{name}: unmerged cell stays empty"
        );
    }
}

#[test]
fn xlsx_ledger_with_merged_grouped_header() {
    assert_ledger("ledger.xlsx", Format::Xlsx, true);
}

#[test]
fn xls_from_libreoffice_keeps_chinese_text_and_merges() {
    assert_ledger("ledger.xls", Format::Xls, true);
}

#[test]
fn ods_from_libreoffice_keeps_chinese_text_and_merges() {
    // calamine exposes no merged areas for ods: they come from our own scan of content.xml.
    assert_ledger("ledger.ods", Format::Ods, true);
}

#[test]
fn wps_et_that_is_biff_reads_as_xls() {
    assert_ledger("wps-biff.et", Format::Xls, true);
}

#[test]
fn hidden_sheet_is_read_when_asked() {
    for name in ["ledger.xlsx", "ledger.xls", "ledger.ods"] {
        let o = open_workbook(&fixture(name), true).unwrap();
        let hidden = &o.sheets[1];
        assert!(!hidden.visible, "{name}");
        let g = hidden.grid.as_ref().expect("hidden sheet read");
        assert_eq!(
            g.get(0, 0),
            &text("填表须知：化解状态只填 已化解/化解中/未化解/已移交"),
            "{name}"
        );
    }
}

#[test]
fn xlsx_saved_as_xls_is_read_with_a_note() {
    let o = open("mislabelled.xls");
    assert_eq!(o.format, Format::Xlsx);
    assert_eq!(
        o.notes,
        ["文件扩展名是 .xls，实际是 xlsx 格式；已按 xlsx 读取。建议改正扩展名。"]
    );
    assert_eq!(o.sheets[0].grid.as_ref().unwrap().get(2, 0), &text("村居"));
}

#[test]
fn stray_cell_at_xfd1048576_is_named_and_the_grid_stays_small() {
    let o = open("stray.xlsx");
    assert_eq!(o.notes.len(), 1, "{:?}", o.notes);
    let note = &o.notes[0];
    assert!(note.contains("走访台账"), "{note}");
    assert!(note.contains("XFD1048576"), "{note}");
    assert!(note.contains("A1:D21"), "{note}");
    let g = o.sheets[0].grid.as_ref().unwrap();
    assert_eq!(
        (g.first_row(), g.end_row(), g.first_col(), g.end_col()),
        (0, 21, 0, 4)
    );
    assert_eq!(g.get(20, 1), &text("户主20"));
    assert_eq!(g.get(1_048_575, 16_383), &Data::Empty);
}

#[test]
fn opening_never_changes_an_input_file() {
    let dir = fixture("");
    let files = scan(&dir).unwrap();
    let snapshot = |p: &Path| {
        let m = std::fs::metadata(p).unwrap();
        (
            std::fs::read(p).unwrap(),
            m.modified().unwrap(),
            m.permissions(),
        )
    };
    let before: Vec<_> = files.iter().map(|f| snapshot(&dir.join(f))).collect();
    for f in &files {
        let _ = open_workbook(&dir.join(f), true);
    }
    let after: Vec<_> = files.iter().map(|f| snapshot(&dir.join(f))).collect();
    assert!(before == after, "an input file changed");
}

#[test]
fn scan_lists_every_fixture_in_byte_order() {
    let files = scan(&fixture("")).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    for must in [".DS_Store", "~$x.xlsx", "ledger.xls", "empty.xlsx"] {
        assert!(
            names.iter().any(|n| n == must),
            "{must} missing from {names:?}"
        );
    }
}

/// A cell as a comparable text: dates from xlsx (`DateTime`) and ods (`DateTimeIso`) alike.
fn norm(d: &Data) -> String {
    use calamine::DataType;
    match d {
        Data::DateTime(_) | Data::DateTimeIso(_) => format!("date {:?}", d.as_date()),
        Data::Float(_) | Data::Int(_) => format!("num {:?}", d.as_f64()),
        other => format!("{other:?}"),
    }
}

/// A clerk's visit log with merges everywhere (make.py `merged`), saved by LibreOffice as .ods: every
/// cell, merged areas filled, equals the xlsx it was made from, at the same absolute coordinates.
#[test]
fn ods_merged_cells_are_filled_like_the_xlsx() {
    let x = open("merged.xlsx");
    let o = open("merged.ods");
    assert_eq!(o.format, Format::Ods);
    assert_eq!(o.notes, Vec::<String>::new());
    assert_eq!(x.sheets.len(), o.sheets.len());
    for (xs, os) in x.sheets.iter().zip(&o.sheets) {
        assert_eq!(xs.name, os.name);
        let (xg, og) = (xs.grid.as_ref().unwrap(), os.grid.as_ref().unwrap());
        assert_eq!(
            (og.first_row(), og.end_row(), og.first_col(), og.end_col()),
            (xg.first_row(), xg.end_row(), xg.first_col(), xg.end_col()),
            "{}",
            xs.name
        );
        for r in 0..xg.end_row() + 2 {
            for c in 0..xg.end_col() + 2 {
                assert_eq!(
                    norm(og.get(r, c)),
                    norm(xg.get(r, c)),
                    "{} ({r}, {c})",
                    xs.name
                );
            }
        }
    }
    let g = o.sheets[0].grid.as_ref().unwrap();
    assert_eq!(g.get(0, 6), &text("水泉镇“双提升”走访台账"), "G1 title");
    assert_eq!(g.get(2, 4), &text("走访情况"), "E3 parent header");
    assert_eq!(g.get(3, 4), &text("走访方式"), "E4 child header");
    assert_eq!(g.get(3, 0), &text("村居"), "A4 header merged down");
    assert_eq!(g.get(3, 6), &text("送达公开信"), "G4 header merged down");
    assert_eq!(g.get(1, 1), &Data::Empty, "B2 not merged");
    for r in 4..24 {
        assert_eq!(g.get(r, 0), &text("东庄村"), "A{}", r + 1);
    }
    assert_eq!(g.get(13, 1), &text("一组"), "B14");
    assert_eq!(g.get(14, 1), &text("二组"), "B15");
    assert_eq!(g.get(23, 1), &text("二组"), "B24");
    for r in 24..31 {
        assert_eq!(g.get(r, 0), &text("西庄村"), "A{}", r + 1);
        assert_eq!(g.get(r, 1), &text("三组"), "B{}", r + 1);
    }
    for r in 28..31 {
        assert_eq!(g.get(r, 4), &text("外出务工"), "E{}", r + 1);
    }
    assert_eq!(g.get(31, 0), &Data::Empty, "A32 past the merge");
    let notes = o.sheets[1].grid.as_ref().unwrap();
    assert_eq!(notes.get(5, 4), &text("备注"), "E6 in C5:E6");
    assert_eq!(notes.get(9, 7), &text("镇包村干部：李明"), "H10");
    // H11:H12 lie below the last used row, outside the grid (as for the xlsx): nothing to fill.
    assert_eq!(notes.end_row(), 10);
}

/// LibreOffice keeps a value typed at XFD1048576 (make.py `stray`). calamine would size its dense range
/// from it inside `Ods::new` (a 3.2 GB `Vec::with_capacity`, then a cell-limit error for the whole
/// file); the sheet is cut to its data block first and the stray cell named, as for xlsx.
#[test]
fn ods_value_at_xfd1048576_is_cut_with_a_note_and_no_huge_allocation() {
    let (o, largest) = largest_allocation(|| open("stray.ods"));
    assert!(largest < 16 << 20, "largest allocation {largest} bytes");
    assert_eq!(o.notes.len(), 1, "{:?}", o.notes);
    let note = &o.notes[0];
    assert!(note.contains("走访台账"), "{note}");
    assert!(note.contains("XFD1048576"), "{note}");
    assert!(note.contains("A1:D21"), "{note}");
    let g = o.sheets[0].grid.as_ref().unwrap();
    assert_eq!(
        (g.first_row(), g.end_row(), g.first_col(), g.end_col()),
        (0, 21, 0, 4)
    );
    assert_eq!(g.get(20, 1), &text("户主20"));
    assert_eq!(g.get(1_048_575, 16_383), &Data::Empty);
    let x = open("stray.xlsx");
    let xg = x.sheets[0].grid.as_ref().unwrap();
    for r in 0..21 {
        for c in 0..4 {
            assert_eq!(norm(g.get(r, c)), norm(xg.get(r, c)), "({r}, {c})");
        }
    }
}

/// The real binary on the merged .ods beside a register: every data row is attributed to the unit
/// merged over it (东庄村 down 20 rows, 西庄村 down 7), none is left without a unit.
#[test]
fn check_attributes_merged_ods_rows_to_their_units() {
    use common::*;
    let ib = Inbox::new();
    ib.register();
    std::fs::copy(fixture("merged.ods"), ib.inbox().join("水泉镇走访台账.ods")).unwrap();
    let o = ib.run(&["check", "inbox", "--json", "out.json"]);
    let j = json(&ib.path("out.json"));
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "水泉镇走访台账.ods" && f["sheet"] == "走访台账")
        .unwrap_or_else(|| panic!("{}", stdout(&o)));
    assert_eq!(f["kind"], "visit");
    assert_eq!(f["rows"], 27);
    assert_eq!(f["units"], serde_json::json!(["东庄村", "西庄村"]));
    let places = diag_places(&j);
    assert!(places.iter().all(|p| !p.0.contains("unit")), "{places:?}");
    // The rows the clerk left incomplete are reported at their own cells, under 西庄村.
    assert!(places.contains(&(
        "missing_value".into(),
        "水泉镇走访台账.ods".into(),
        "走访台账".into(),
        "D26".into()
    )));
    assert!(stdout(&o).contains("【西庄村】"), "{}", stdout(&o));
}
