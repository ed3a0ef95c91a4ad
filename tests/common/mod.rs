//! Test helpers: an inbox in a fresh temporary folder, workbooks built in code, and the real binary.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A cell to write.
#[derive(Clone, Debug)]
pub enum C {
    S(String),
    N(f64),
    D(NaiveDate),
    T(NaiveDateTime),
    E,
}

pub fn s(x: &str) -> C {
    C::S(x.to_string())
}
pub fn n(x: f64) -> C {
    C::N(x)
}
pub fn d(y: i32, m: u32, day: u32) -> C {
    C::D(NaiveDate::from_ymd_opt(y, m, day).unwrap())
}
pub fn t(y: i32, m: u32, day: u32, h: u32, mi: u32) -> C {
    C::T(
        NaiveDate::from_ymd_opt(y, m, day)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap(),
    )
}
/// A row from strings ("" = empty).
pub fn row(cells: &[&str]) -> Vec<C> {
    cells
        .iter()
        .map(|x| if x.is_empty() { C::E } else { s(x) })
        .collect()
}

pub struct Inbox {
    pub tmp: tempfile::TempDir,
}

impl Inbox {
    pub fn new() -> Inbox {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("inbox")).unwrap();
        Inbox { tmp }
    }
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }
    pub fn inbox(&self) -> PathBuf {
        self.tmp.path().join("inbox")
    }
    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// Writes `inbox/<name>` with the given sheets (rows of cells from A1).
    pub fn xlsx(&self, name: &str, sheets: &[(&str, Vec<Vec<C>>)]) -> PathBuf {
        self.xlsx_merged(name, sheets, &[])
    }

    /// Like `xlsx`, with merged areas (sheet index, first row, first col, last row, last col; 0-based)
    /// whose value is the top-left cell's.
    pub fn xlsx_merged(
        &self,
        name: &str,
        sheets: &[(&str, Vec<Vec<C>>)],
        merges: &[(usize, u32, u16, u32, u16)],
    ) -> PathBuf {
        let mut wb = Workbook::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let dt = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        for (sheet, rows) in sheets {
            let ws = wb.add_worksheet();
            ws.set_name(*sheet).unwrap();
            for (r, cells) in rows.iter().enumerate() {
                for (c, v) in cells.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match v {
                        C::S(x) => {
                            ws.write_string(r, c, x).unwrap();
                        }
                        C::N(x) => {
                            ws.write_number(r, c, *x).unwrap();
                        }
                        C::D(x) => {
                            ws.write_datetime_with_format(r, c, *x, &date).unwrap();
                        }
                        C::T(x) => {
                            ws.write_datetime_with_format(r, c, *x, &dt).unwrap();
                        }
                        C::E => {}
                    }
                }
            }
            for &(si, r1, c1, r2, c2) in merges {
                if si == ws_index(sheet, sheets) {
                    let text = match &rows[r1 as usize][c1 as usize] {
                        C::S(x) => x.clone(),
                        _ => String::new(),
                    };
                    ws.merge_range(r1, c1, r2, c2, &text, &Format::new())
                        .unwrap();
                }
            }
        }
        let p = self.inbox().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        wb.save(&p).unwrap();
        p
    }

    /// The standard small register: 东庄村 (100 户), 西庄村 (50 户), 水泉社区 (80 户), 镇卫生院.
    pub fn register(&self) {
        self.xlsx(
            "村居名册.xlsx",
            &[(
                "名册",
                vec![
                    row(&["水泉镇村居名册"]),
                    row(&["名称", "类别", "户数", "网格数"]),
                    vec![s("东庄村"), s("村"), n(100.0), n(2.0)],
                    vec![s("西庄村"), s("村"), n(50.0), n(1.0)],
                    vec![s("水泉社区"), s("社区"), n(80.0), n(2.0)],
                    vec![s("镇卫生院"), s("镇直单位"), C::E, C::E],
                ],
            )],
        );
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_shuangti"))
            .current_dir(self.root())
            .args(args)
            .output()
            .unwrap()
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Reads the JSON written by `--json`.
pub fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Diagnostics as (code, file, sheet, cell) tuples, sorted.
pub fn diag_places(j: &serde_json::Value) -> Vec<(String, String, String, String)> {
    let mut v: Vec<_> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["sheet"].as_str().unwrap().to_string(),
                d["cell"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn ws_index(name: &str, sheets: &[(&str, Vec<Vec<C>>)]) -> usize {
    sheets.iter().position(|(n, _)| *n == name).unwrap()
}
