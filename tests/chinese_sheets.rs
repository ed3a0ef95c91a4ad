//! Everything a person reads in the workbooks is Chinese (SPEC §1): on the sample inbox — plus a
//! corrupt file, whose reason the zip library words in English — no visible cell of any sheet of the
//! weekly notice, the monthly workbook or a feedback list holds a diagnostic code (`snake_case`), the
//! library's English error text or a command-line option; cell comments are signed by the office.

mod common;
use calamine::{open_workbook, DataType, Reader, Xlsx};
use common::*;
use std::io::Read;
use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The samples inbox with a damaged workbook added (a zip header and nothing after it).
fn inbox() -> Inbox {
    let ib = Inbox::new();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/inbox"),
        &ib.inbox(),
    );
    std::fs::write(ib.inbox().join("损坏的台账.xlsx"), b"PK\x03\x04garbage").unwrap();
    ib
}

/// `report_ledger_mismatch`, `R6_overdue`: a letter or digit, `_`, lowercase letters (the brief's
/// `[a-z]+_[a-z_]+`, widened to catch the rule codes' `R6_`).
fn snake_case(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_'
            && i > 0
            && b[i - 1].is_ascii_alphanumeric()
            && b.get(i + 1).is_some_and(|x| x.is_ascii_lowercase())
        {
            let start = s[..i]
                .rfind(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                .map_or(0, |p| p + 1);
            let end = s[i..]
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                .map_or(s.len(), |p| i + p);
            return Some(s[start..end].to_string());
        }
    }
    None
}

const ENGLISH: [&str; 9] = [
    "invalid",
    "error",
    "archive",
    "could not",
    "eocd",
    "zip:",
    "os error",
    "author",
    "failed",
];

/// What is wrong with one cell's text, if anything.
fn not_chinese(s: &str) -> Option<String> {
    if let Some(code) = snake_case(s) {
        return Some(format!("code {code}"));
    }
    let lower = s.to_lowercase();
    if let Some(w) = ENGLISH.iter().find(|w| lower.contains(*w)) {
        return Some(format!("English “{w}”"));
    }
    let b = s.as_bytes();
    if b.windows(3)
        .any(|w| w[0] == b'-' && w[1] == b'-' && w[2].is_ascii_alphabetic())
    {
        return Some("a command-line option".into());
    }
    if s.contains("check 命令") {
        return Some("a command name".into());
    }
    None
}

/// Every (sheet, cell text) of a workbook that is not Chinese enough, and its comments' authors.
fn offences(path: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    for name in wb.sheet_names() {
        let r = wb.worksheet_range(&name).unwrap();
        for (row, col, v) in r.used_cells() {
            let text = v.to_string();
            if let Some(why) = not_chinese(&text) {
                out.push(format!("{name}!R{}C{}: {why}: {text}", row + 1, col + 1));
            }
        }
    }
    // Comments (shown when the mouse is over a header) and chart titles are read too.
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if !(name.starts_with("xl/comments") || name.starts_with("xl/charts/chart")) {
            continue;
        }
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        for t in s.split("<t>").chain(s.split("<a:t>")).skip(1) {
            let t = t.split('<').next().unwrap();
            if let Some(why) = not_chinese(t) {
                out.push(format!("{name}: {why}: {t}"));
            }
        }
        if name.starts_with("xl/comments") {
            for a in s.split("<author>").skip(1) {
                let a = a.split('<').next().unwrap();
                if a != "水泉镇“双提升”领导小组办公室" && !a.is_empty() {
                    out.push(format!("{name}: comment signed “{a}”"));
                }
            }
        }
    }
    out
}

fn xlsx_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    v.sort();
    v
}

#[test]
fn detector_catches_what_the_sheets_used_to_show() {
    assert!(not_chinese("report_ledger_mismatch").is_some());
    assert!(not_chinese("R6_overdue").is_some());
    assert!(not_chinese("文件已损坏（zip: invalid Zip archive: Could not find EOCD）").is_some());
    assert!(not_chinese("如需读取请加 --include-hidden").is_some());
    assert!(not_chinese("明细见周通报“问题清单”或 check 命令").is_some());
    assert!(not_chinese("东庄村走访台账(1).xlsx › Sheet1 › E12").is_none());
    assert!(not_chinese("纠纷：矛盾纠纷逾期未化解").is_none());
}

#[test]
fn weekly_monthly_and_feedback_workbooks_show_no_codes_or_english() {
    let ib = inbox();
    for args in [
        &["weekly", "inbox", "--week", "10", "-o", "out"][..],
        &["monthly", "inbox", "--month", "2021-05", "-o", "out"][..],
        &["check", "inbox", "--feedback", "fb"][..],
    ] {
        let o = ib.run(args);
        assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    }
    let mut books = xlsx_in(&ib.path("out"));
    assert_eq!(books.len(), 2, "{books:?}");
    let fb = xlsx_in(&ib.path("fb"));
    assert!(!fb.is_empty());
    books.extend(fb);
    let mut all = Vec::new();
    for b in &books {
        for o in offences(b) {
            all.push(format!("{}: {o}", b.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));

    // The damaged file is listed in 数据来源 with the Chinese reason; the library's words stay in --json.
    let weekly = &books[0];
    let mut wb: Xlsx<_> = open_workbook(weekly).unwrap();
    let src = wb.worksheet_range("数据来源").unwrap();
    let row = src
        .rows()
        .find(|r| r[0].get_string() == Some("损坏的台账.xlsx"))
        .expect("listed");
    assert!(
        row.iter().any(|c| c.to_string().contains("文件已损坏")),
        "{row:?}"
    );
    let o = ib.run(&["check", "inbox", "--json", "c.json"]);
    assert_eq!(o.status.code(), Some(1));
    let j = json(&ib.path("c.json"));
    let f = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "损坏的台账.xlsx")
        .unwrap();
    assert!(f["detail"].as_str().unwrap().contains("zip"), "{f}");
    assert!(!f["reason"].as_str().unwrap().contains("zip"), "{f}");
}
