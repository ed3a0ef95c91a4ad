//! Long text never fails a report (issue 9 point 5): a cell Excel would refuse (over 32,767
//! characters) used to end the whole run with exit 2 and an English message. Every cell is now cut
//! to fit with a visible mark `…（共 N 字）`, and a unit's list of slogans goes over rows.

mod common;
use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use common::*;
use std::io::{Read, Write};
use std::path::Path;

const MARK: &str = "…（共 ";
/// Written into a cell, then replaced by 100,000 characters in the file ([`stretch`]).
const PLACEHOLDER: &str = "〔超长单元格〕";

/// The week-6 fixture plus ten unapproved 4,000-character slogans for 东庄村 (together past Excel's
/// limit), and 100,000-character cells in 户主, 当事人, 村居, 标语 and the supervision log's 发现问题.
fn long_inbox() -> Inbox {
    let ib = weekly_fixture();
    // Written as a placeholder, then stretched past what rust_xlsxwriter (or Excel) would write.
    let huge = PLACEHOLDER.to_string();
    let mut slogans = vec![row(&[
        "村居",
        "标语内容",
        "形式",
        "位置",
        "悬挂日期",
        "状态",
    ])];
    for i in 0..10 {
        let text = format!("第{i}条{}", "非附件标语".repeat(800));
        slogans.push(vec![
            s("东庄村"),
            s(&text),
            s("横幅"),
            s("村委"),
            d(2021, 5, 3),
            s("在挂"),
        ]);
    }
    slogans.push(vec![
        s("西庄村"),
        s(&huge),
        s("横幅"),
        s("村委"),
        d(2021, 5, 3),
        s("在挂"),
    ]);
    slogans.push(vec![
        s(&huge),
        s("平安建设"),
        s("横幅"),
        s("村委"),
        d(2021, 5, 3),
        s("在挂"),
    ]);
    let p = ib.xlsx("长标语.xlsx", &[("标语", slogans)]);
    stretch(&p);
    let p = ib.xlsx(
        "长走访.xlsx",
        &[(
            "Sheet1",
            vec![
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
                    s("西庄村"),
                    s("一组"),
                    s(&huge),
                    d(2021, 5, 11),
                    s("入户"),
                    s("是"),
                    s("是"),
                ],
                vec![
                    s(&huge),
                    s("一组"),
                    s("张三"),
                    d(2021, 5, 11),
                    s("入户"),
                    s("是"),
                    s("是"),
                ],
            ],
        )],
    );
    stretch(&p);
    let p = ib.xlsx(
        "长纠纷.xlsx",
        &[(
            "台账",
            vec![
                row(&[
                    "村居",
                    "排查日期",
                    "当事人",
                    "纠纷类型",
                    "简要情况",
                    "化解状态",
                    "化解日期",
                ]),
                // Open since April: overdue, so listed with its parties.
                vec![
                    s("西庄村"),
                    d(2021, 4, 1),
                    s(&huge),
                    s("邻里纠纷"),
                    s(&huge),
                    s("调解中"),
                    C::E,
                ],
            ],
        )],
    );
    stretch(&p);
    let p = ib.xlsx(
        "办公室/督查记录.xlsx",
        &[(
            "督查记录",
            vec![
                row(&[
                    "督查日期",
                    "村居",
                    "督查方式",
                    "发现问题",
                    "整改要求",
                    "整改期限",
                    "整改状态",
                    "督查人",
                ]),
                vec![
                    d(2021, 5, 6),
                    s("东庄村"),
                    s("上门查看"),
                    s(&huge),
                    s(&huge),
                    d(2021, 5, 10),
                    s("未整改"),
                    s(&huge),
                ],
            ],
        )],
    );
    stretch(&p);
    ib
}

/// Replaces the placeholder in a written workbook's shared strings by 100,000 characters.
fn stretch(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let huge = "长".repeat(100_000);
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let name = e.name().unwrap_or_default().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        if name == "xl/sharedStrings.xml" {
            let xml = String::from_utf8(data).unwrap();
            assert!(xml.contains(PLACEHOLDER));
            data = xml.replace(PLACEHOLDER, &huge).into_bytes();
        }
        out.start_file(name, stored).unwrap();
        out.write_all(&data).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

/// Every string of a workbook (shared strings and inline ones), as XML text.
fn strings(path: &Path) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut all = String::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        if e.name().unwrap_or_default().ends_with(".xml") {
            let mut s = String::new();
            e.read_to_string(&mut s).unwrap();
            all.push_str(&s);
        }
    }
    all
}

/// The longest cell text in any sheet, in UTF-16 units (what Excel limits).
fn longest_cell(path: &Path) -> usize {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let mut max = 0;
    for name in wb.sheet_names() {
        let r = wb.worksheet_range(&name).unwrap();
        for c in r.used_cells() {
            if let Data::String(s) = c.2 {
                max = max.max(s.encode_utf16().count());
            }
        }
    }
    max
}

fn assert_cut(path: &Path) {
    assert!(path.exists(), "{} not written", path.display());
    let s = strings(path);
    assert!(
        s.contains(MARK) && s.contains(" 字）"),
        "no cut mark in {}",
        path.display()
    );
    assert!(longest_cell(path) < 10_000, "{}", path.display());
}

#[test]
fn long_text_is_cut_to_fit_in_the_weekly_notice() {
    let ib = long_inbox();
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let path = ib
        .path("out")
        .join("水泉镇双提升周通报_第6期_2021-05-10至05-16.xlsx");
    assert_cut(&path);
    // The 100,000-character slogan was read whole and cut when written.
    assert!(strings(&path).contains("（共 1000"));
    // The ten slogans go over ten rows of 宣传标语, each cut on its own.
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let r = wb.worksheet_range("宣传标语").unwrap();
    let listed = r
        .rows()
        .filter(|row| {
            row.get(7)
                .and_then(|c| c.get_string())
                .is_some_and(|t| t.contains("非附件标语"))
        })
        .count();
    assert_eq!(listed, 10);
}

#[test]
fn long_text_is_cut_to_fit_in_the_monthly_workbook() {
    let ib = long_inbox();
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-05", "-o", "out", "--json", "m.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_cut(&ib.path("out").join("水泉镇双提升月度督导_2021年5月.xlsx"));
}

#[test]
fn long_text_is_cut_to_fit_in_the_feedback_lists() {
    let ib = long_inbox();
    let o = ib.run(&["check", "inbox", "--feedback", "fb"]);
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    let lists: Vec<_> = std::fs::read_dir(ib.path("fb"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!lists.is_empty());
    assert!(
        lists.iter().any(|p| strings(p).contains(MARK)),
        "no list carries the cut mark"
    );
    for p in &lists {
        assert!(longest_cell(p) < 10_000, "{}", p.display());
    }
}
