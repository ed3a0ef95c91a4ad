//! Issue 12, readable print: the real binary on the committed sample inbox (`samples/inbox`), every
//! sheet of the weekly notice, the monthly workbook and the feedback lists read back. Each sheet prints
//! on A4 at 100 % (never shrunk to one page wide), so its 11 pt body prints at 11 pt: the columns'
//! widths, summed the way the wider of Excel and LibreOffice lays them out, fit between the margins of
//! the sheet's orientation. Wrapped rows are as tall as their lines and one-line rows one line tall;
//! the bulletins' prose has no ISO dates and ends with the same 版记.

mod common;
use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use common::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/inbox")
}

/// Runs the binary on the samples; returns the output folder (kept alive by `ib`).
fn run(ib: &Inbox, args: &[&str]) {
    let mut all: Vec<String> = vec![args[0].into(), samples().to_string_lossy().into_owned()];
    all.extend(args[1..].iter().map(|s| s.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let o = ib.run(&all);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
}

fn outputs() -> (Inbox, Vec<PathBuf>) {
    let ib = Inbox::new();
    run(&ib, &["weekly", "--week", "10", "-o", "out", "--force"]);
    run(
        &ib,
        &["monthly", "--month", "2021-05", "-o", "out", "--force"],
    );
    run(&ib, &["check", "--feedback", "fb", "--force"]);
    let mut files = Vec::new();
    for dir in ["out", "fb"] {
        let mut v: Vec<PathBuf> = std::fs::read_dir(ib.path(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
            .collect();
        v.sort();
        files.extend(v);
    }
    assert!(files.len() >= 3, "{files:?}");
    (ib, files)
}

fn part(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn attr(tag: &str, name: &str) -> Option<f64> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    tag[i..].split('"').next()?.parse().ok()
}

fn col_index(letters: &str) -> usize {
    letters
        .bytes()
        .take_while(u8::is_ascii_uppercase)
        .fold(0, |n, b| n * 26 + (b - b'A' + 1) as usize)
}

/// One sheet's print facts from its XML.
struct Print {
    landscape: bool,
    fit_to_page: bool,
    scale: f64,
    /// Inches between the left and right margins.
    across_in: f64,
    /// Stored column widths (with their padding), by column from 1, for the used columns.
    widths: Vec<f64>,
    /// Row heights by row number (from 1).
    heights: std::collections::HashMap<usize, f64>,
}

fn print_facts(x: &str) -> Print {
    let setup = x
        .split("<pageSetup")
        .nth(1)
        .map(|s| s.split("/>").next().unwrap())
        .unwrap_or("");
    let landscape = setup.contains(r#"orientation="landscape""#);
    let margins = x.split("<pageMargins").nth(1).unwrap();
    let paper = if landscape { 11.69 } else { 8.27 };
    let across_in = paper - attr(margins, "left").unwrap() - attr(margins, "right").unwrap();
    let dim = x
        .split("<dimension ref=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let last = col_index(dim.split(':').next_back().unwrap());
    let mut widths = vec![8.43 + 0.71; last];
    for col in x.split("<col ").skip(1) {
        let tag = &format!(" {}", col.split("/>").next().unwrap());
        let (min, max, w) = (
            attr(tag, "min").unwrap() as usize,
            attr(tag, "max").unwrap() as usize,
            attr(tag, "width").unwrap(),
        );
        for c in min..=max.min(last) {
            widths[c - 1] = w;
        }
    }
    let mut heights = std::collections::HashMap::new();
    for row in x.split("<row ").skip(1) {
        let tag = &format!(" {}", row.split('>').next().unwrap());
        if let (Some(r), Some(h)) = (attr(tag, "r"), attr(tag, "ht")) {
            heights.insert(r as usize, h);
        }
    }
    Print {
        landscape,
        fit_to_page: x.contains("<pageSetUpPr fitToPage=\"1\""),
        scale: attr(setup, "scale").unwrap_or(100.0) / 100.0,
        across_in,
        widths,
        heights,
    }
}

fn sheet_names(path: &Path) -> Vec<String> {
    let wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.sheet_names()
}

#[test]
fn every_sheet_prints_its_body_at_10pt_or_more_without_shrinking() {
    let (_ib, files) = outputs();
    let mut checked = 0;
    for f in &files {
        for (i, name) in sheet_names(f).iter().enumerate() {
            let x = part(f, &format!("xl/worksheets/sheet{}.xml", i + 1));
            assert!(x.contains(r#"paperSize="9""#), "{name}: A4");
            let p = print_facts(&x);
            // LibreOffice lays a stored width out at 7.4 px (96 dpi) a character, Excel at 7 plus 5.
            let px: f64 = p
                .widths
                .iter()
                .map(|w| (w * 7.4).max(((w - 0.71) * 7.0 + 5.0).floor()))
                .sum();
            let room = p.across_in * 96.0;
            let scale = if p.fit_to_page {
                (room / px).min(1.0)
            } else {
                p.scale
            };
            assert!(
                scale * 11.0 >= 10.0,
                "{name} in {f:?}: the 11 pt body prints at {:.1} pt",
                scale * 11.0
            );
            assert!(
                !p.fit_to_page,
                "{name} in {f:?}: fit to page width is not needed when the columns fit"
            );
            assert!(
                px <= room,
                "{name}: columns take {px:.0} px, the paper has {room:.0}"
            );
            // Portrait whenever the columns fit portrait between the same margins.
            if p.landscape {
                assert!(
                    px > (8.27 - (11.69 - p.across_in)) * 96.0 * 0.98 - 1.0,
                    "{name}: landscape though it fits portrait"
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 18, "{checked} sheets");
}

fn shown(d: &Data) -> String {
    match d {
        Data::Float(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Data::Float(v) => format!("{v:.1}"),
        other => other.to_string(),
    }
}

/// Lines a text wraps to in a column of stored width `stored` (the layout's own arithmetic:
/// `(width − 2) / 1.1` half-width columns a line).
fn lines(text: &str, stored: f64) -> usize {
    let per = (((stored - 0.71 - 2.0) / 1.1 + 1e-6).floor() as usize).max(1);
    text.lines()
        .map(|l| UnicodeWidthStr::width(l).div_ceil(per).max(1))
        .sum::<usize>()
        .max(1)
}

#[test]
fn rows_are_as_tall_as_their_wrapped_lines_and_one_line_rows_one_line() {
    let (_ib, files) = outputs();
    let mut one_line = 0;
    let mut wrapped = 0;
    for f in &files {
        let names = sheet_names(f);
        for (i, name) in names.iter().enumerate() {
            if ![
                "问题清单",
                "退回修改清单",
                "督查记录",
                "调度事项",
                "整改跟踪",
            ]
            .contains(&name.as_str())
            {
                continue;
            }
            let p = print_facts(&part(f, &format!("xl/worksheets/sheet{}.xml", i + 1)));
            let mut wb: Xlsx<_> = open_workbook(f).unwrap();
            let r = wb.worksheet_range(name).unwrap();
            let (r0, c0) = r.start().unwrap();
            // Rows below the header (row 3, after title and subtitle) whose every cell is its own.
            for (k, row) in r.rows().enumerate() {
                let excel_row = r0 as usize + k + 1;
                if excel_row <= 3 || row.iter().all(|c| matches!(c, Data::Empty)) {
                    continue;
                }
                if row.iter().filter(|c| !matches!(c, Data::Empty)).count() < 2 {
                    continue; // a heading line of a second table
                }
                let need = row
                    .iter()
                    .enumerate()
                    .map(|(j, c)| lines(&shown(c), p.widths[c0 as usize + j]))
                    .max()
                    .unwrap();
                let ht = p.heights[&excel_row];
                assert!(
                    ht >= need as f64 * 15.0 + 3.0 - 0.01,
                    "{name} row {excel_row}: {ht} pt for {need} lines"
                );
                if need == 1 {
                    assert_eq!(
                        ht, 18.0,
                        "{name} row {excel_row}: a one-line row is one line tall"
                    );
                    one_line += 1;
                } else {
                    wrapped += 1;
                }
            }
        }
    }
    assert!(
        one_line > 5 && wrapped > 5,
        "{one_line} one-line rows, {wrapped} wrapped"
    );
}

fn strings(path: &Path, sheet: &str) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let r = wb.worksheet_range(sheet).unwrap();
    r.rows()
        .flat_map(|row| {
            row.iter()
                .filter_map(|c| c.get_string().map(str::to_string))
        })
        .collect()
}

fn has_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).any(|i| {
        let d = |k: usize| b[i + k].is_ascii_digit();
        d(0) && d(1)
            && d(2)
            && d(3)
            && b[i + 4] == b'-'
            && d(5)
            && d(6)
            && b[i + 7] == b'-'
            && d(8)
            && d(9)
    })
}

#[test]
fn bulletin_prose_reads_like_a_gongwen_and_both_end_with_the_same_colophon() {
    let (_ib, files) = outputs();
    let weekly = files
        .iter()
        .find(|f| f.to_string_lossy().contains("周通报"))
        .unwrap();
    let monthly = files
        .iter()
        .find(|f| f.to_string_lossy().contains("月度督导"))
        .unwrap();
    let mut tails = Vec::new();
    for (f, sheet) in [(weekly, "通报"), (monthly, "督导通报")] {
        let texts = strings(f, sheet);
        for t in &texts {
            assert!(!has_iso_date(t), "{sheet}: ISO date in {t}");
            let c: Vec<char> = t.chars().collect();
            for w in c.windows(3) {
                let han = |x: char| ('\u{4e00}'..='\u{9fff}').contains(&x);
                assert!(
                    !(w[1] == ' '
                        && ((han(w[0]) && (han(w[2]) || w[2].is_ascii_digit()))
                            || (w[0].is_ascii_digit() && han(w[2])))),
                    "{sheet}: stray space in {t}"
                );
            }
        }
        let tail: Vec<String> = texts
            .iter()
            .filter(|t| t.starts_with("报：") || t.starts_with("送：") || t.ends_with("印发"))
            .map(|t| t.split('　').next().unwrap().to_string())
            .collect();
        assert_eq!(tail.len(), 3, "{sheet}: {tail:?}");
        tails.push(tail);
    }
    assert_eq!(tails[0], tails[1], "the same 版记 on both bulletins");
}

#[test]
fn villages_and_town_offices_are_ranked_in_separate_tables() {
    let (_ib, files) = outputs();
    let weekly = files
        .iter()
        .find(|f| f.to_string_lossy().contains("周通报"))
        .unwrap();
    let monthly = files
        .iter()
        .find(|f| f.to_string_lossy().contains("月度督导"))
        .unwrap();
    for (f, sheet) in [(weekly, "综合排名"), (monthly, "月度考评")] {
        let mut wb: Xlsx<_> = open_workbook(f).unwrap();
        let r = wb.worksheet_range(sheet).unwrap();
        let rows: Vec<Vec<Data>> = r.rows().map(|x| x.to_vec()).collect();
        let at = |h: &str| {
            rows.iter()
                .position(|x| x[0].get_string() == Some(h))
                .unwrap_or_else(|| panic!("{sheet}: no sub-heading {h}"))
        };
        let (villages, offices) = (at("（一）村（社区）"), at("（二）镇直单位"));
        assert!(villages < offices, "{sheet}");
        // 名次 restarts at 1 under each sub-heading, and rank changes use one convention.
        for start in [villages, offices] {
            assert_eq!(
                rows[start + 1][0].as_f64(),
                Some(1.0),
                "{sheet} row {start}"
            );
        }
        assert!(
            rows[offices + 1][1]
                .get_string()
                .is_some_and(|u| u.starts_with('镇')),
            "{sheet}"
        );
        for row in &rows[villages + 1..] {
            for c in row {
                if let Some(s) = c.get_string() {
                    assert!(!s.contains("上升") && !s.contains("下降"), "{sheet}: {s}");
                }
            }
        }
    }
}

#[test]
fn section_three_puts_the_weightiest_problems_first() {
    // Week 10 of the samples: every report on time, one dispute overdue — it comes first, before the
    // liaison lists and meetings that the plan lists earlier.
    let (_ib, files) = outputs();
    let weekly = files
        .iter()
        .find(|f| f.to_string_lossy().contains("周通报"))
        .unwrap();
    let texts: Vec<String> = strings(weekly, "通报")
        .iter()
        .map(|t| t.replace('\n', ""))
        .collect();
    let three = texts.iter().position(|t| t == "三、存在问题").unwrap();
    assert!(
        texts[three + 1].contains("（一）矛盾纠纷逾期未化解"),
        "{}",
        texts[three + 1]
    );
}

#[test]
fn monthly_survey_rates_are_a_matrix_of_numbers() {
    let (_ib, files) = outputs();
    let monthly = files
        .iter()
        .find(|f| f.to_string_lossy().contains("月度督导"))
        .unwrap();
    let mut wb: Xlsx<_> = open_workbook(monthly).unwrap();
    let r = wb.worksheet_range("民调指标").unwrap();
    let rows: Vec<Vec<Data>> = r.rows().map(|x| x.to_vec()).collect();
    // One row per unit in each of the two matrices (this month; change against last month).
    let town: Vec<&Vec<Data>> = rows
        .iter()
        .filter(|x| x[0].get_string().is_some_and(|s| s.starts_with("全镇（")))
        .collect();
    assert_eq!(town.len(), 2);
    let east = rows
        .iter()
        .filter(|x| x[0].get_string().is_some_and(|s| s.starts_with("东庄村（")))
        .count();
    assert_eq!(east, 2);
    assert!(rows.len() < 40, "{} rows", rows.len());
    // Rates stored as fractions (shown with 0.0%), changes as numbers of percentage points.
    let rate = town[0][1].as_f64().expect("a number");
    assert!((0.0..=1.0).contains(&rate), "{rate}");
    assert!(matches!(town[1][1], Data::Float(_)), "{:?}", town[1][1]);
}
