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

    /// The standard small register, where the office keeps it (`办公室/`): 东庄村 (100 户), 西庄村 (50 户), 水泉社区 (80 户), 镇卫生院.
    pub fn register(&self) {
        self.xlsx(
            "办公室/村居名册.xlsx",
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

    /// `weekly inbox --week WEEK -o out --json w.json --force`, which must exit 0: its JSON.
    pub fn weekly_json(&self, week: &str) -> serde_json::Value {
        let o = self.run(&[
            "weekly", "inbox", "--week", week, "-o", "out", "--json", "w.json", "--force",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
        json(&self.path("w.json"))
    }

    /// `check inbox --json c.json` (with `--plan p.toml` holding `plan`, when given): its terminal
    /// text and its JSON, which must be written this run (the check may find errors).
    pub fn check_json(&self, plan: Option<&str>) -> (String, serde_json::Value) {
        let mut args = vec!["check", "inbox", "--json", "c.json"];
        if let Some(p) = plan {
            std::fs::write(self.path("p.toml"), p).unwrap();
            args.extend(["--plan", "p.toml"]);
        }
        let _ = std::fs::remove_file(self.path("c.json"));
        let o = self.run(&args);
        assert!(o.status.code().is_some(), "{}", stderr(&o));
        assert!(self.path("c.json").exists(), "{}", stderr(&o));
        (stdout(&o), json(&self.path("c.json")))
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
    places(j, |_| true)
}

/// The errors and warnings (not the 提示) as (code, file, sheet, cell) tuples, sorted.
pub fn problems(j: &serde_json::Value) -> Vec<(String, String, String, String)> {
    places(j, |d| d["severity"] != "info")
}

fn places(
    j: &serde_json::Value,
    keep: impl Fn(&serde_json::Value) -> bool,
) -> Vec<(String, String, String, String)> {
    let mut v: Vec<_> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| keep(d))
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

/// The week-6 fixture whose figures `tests/weekly.rs` works out by hand. Week 6 = 2021-05-10 (Mon) ..
/// 2021-05-16 (Sun); weekly reports due Fri 2021-05-14 17:30.
pub fn weekly_fixture() -> Inbox {
    let ib = Inbox::new();
    ib.register(); // 东庄村 100 户, 西庄村 50 户, 水泉社区 80 户, 镇卫生院
    let h = row(&[
        "村居",
        "报送时间",
        "所属周次",
        "本周工作开展情况",
        "走访户数",
        "排查纠纷数",
        "化解纠纷数",
    ]);
    ib.xlsx(
        "周报汇总.xlsx",
        &[(
            "周报",
            vec![
                row(&["各村周报"]),
                h,
                // Exactly 17:30:00 on the Friday: on time.
                vec![
                    s("东庄村"),
                    t(2021, 5, 14, 17, 30),
                    C::E,
                    s("走访、排查"),
                    n(5.0),
                    n(1.0),
                    n(1.0),
                ],
                vec![
                    s("东庄村"),
                    t(2021, 5, 21, 10, 0),
                    C::E,
                    // Week 7 agrees with its ledgers: 赵六 visited 05-17, 己某 screened 05-17,
                    // 戊某 resolved 05-20.
                    s("第7周"),
                    n(1.0),
                    n(1.0),
                    n(1.0),
                ],
                // One minute late; a second report for the same week later still leaves it late.
                vec![
                    s("西庄村"),
                    t(2021, 5, 14, 17, 31),
                    C::E,
                    s("走访"),
                    C::E,
                    C::E,
                    C::E,
                ],
                vec![
                    s("西庄村"),
                    t(2021, 5, 17, 9, 0),
                    s("第6周"),
                    s("补充"),
                    C::E,
                    C::E,
                    C::E,
                ],
                // Sent after the week ended, for week 6: late, not missing.
                vec![
                    s("水泉社区"),
                    t(2021, 5, 18, 8, 0),
                    s("第6期"),
                    s("补报"),
                    C::E,
                    C::E,
                    C::E,
                ],
            ],
        )],
    );
    let vh = row(&[
        "村居",
        "村民小组",
        "户主姓名",
        "走访日期",
        "走访方式",
        "发放问卷",
        "送达公开信",
    ]);
    let visits = vec![
        vh.clone(),
        vec![
            s("东庄村"),
            s("一组"),
            s("张三"),
            d(2021, 5, 3),
            s("入户"),
            s("是"),
            s("是"),
        ],
        vec![
            s("东庄村"),
            s("一组"),
            s("张三"),
            d(2021, 5, 11),
            s("电话"),
            s("否"),
            s("否"),
        ],
        vec![
            s("东庄村"),
            s("一组"),
            s("李四"),
            d(2021, 5, 11),
            s("电话"),
            s("是"),
            s("否"),
        ],
        vec![
            s("东庄村"),
            s("二组"),
            s("王五"),
            d(2021, 5, 12),
            s("入户"),
            s("否"),
            s("是"),
        ],
        vec![
            s("东庄村"),
            s("二组"),
            s("孙七"),
            d(2021, 5, 16),
            s("入户"),
            s("否"),
            s("否"),
        ],
        vec![
            s("东庄村"),
            s("二组"),
            s("赵六"),
            d(2021, 5, 17),
            s("入户"),
            s("是"),
            s("是"),
        ],
    ];
    ib.xlsx("东庄村走访台账.xlsx", &[("Sheet1", visits)]);
    // A resend holding a row already counted.
    ib.xlsx(
        "东庄村走访台账(1).xlsx",
        &[(
            "Sheet1",
            vec![
                vh,
                vec![
                    s("东庄村"),
                    s("一组"),
                    s("李四"),
                    d(2021, 5, 11),
                    s("电话"),
                    s("是"),
                    s("否"),
                ],
            ],
        )],
    );
    let dh = row(&[
        "村居",
        "排查日期",
        "当事人",
        "纠纷类型",
        "简要情况",
        "化解状态",
        "化解日期",
    ]);
    ib.xlsx(
        "矛盾纠纷.xlsx",
        &[(
            "台账",
            vec![
                dh,
                vec![
                    s("东庄村"),
                    d(2021, 4, 1),
                    s("甲某"),
                    s("邻里"),
                    C::E,
                    s("未化解"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 4, 20),
                    s("乙某"),
                    s("婚姻家庭"),
                    C::E,
                    s("化解中"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 5, 11),
                    s("丙某"),
                    s("合同"),
                    C::E,
                    s("已化解"),
                    d(2021, 5, 13),
                ],
                vec![
                    s("东庄村"),
                    d(2021, 4, 10),
                    s("丁某"),
                    s("房屋宅基地"),
                    C::E,
                    s("已移交"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 4, 5),
                    s("戊某"),
                    s("其他"),
                    C::E,
                    s("已化解"),
                    d(2021, 5, 20),
                ],
                vec![
                    s("东庄村"),
                    d(2021, 5, 17),
                    s("己某"),
                    s("其他"),
                    C::E,
                    s("未化解"),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    d(2021, 5, 10),
                    C::E,
                    s("无"),
                    s("本周无新增"),
                    C::E,
                    C::E,
                ],
                vec![
                    s("西庄村"),
                    d(2021, 5, 3),
                    C::E,
                    C::E,
                    s("本周无矛盾纠纷"),
                    C::E,
                    C::E,
                ],
            ],
        )],
    );
    let a = [
        "人人参与平安创建  家家共享平安成果",
        "严厉打击盗窃犯罪  保护群众财产安全",
        "发挥好综治中心作用  及时为群众排忧解难",
    ];
    let sh = row(&["村居", "标语内容", "形式", "位置", "悬挂日期", "状态"]);
    ib.xlsx(
        "标语.xlsx",
        &[(
            "标语",
            vec![
                sh,
                vec![
                    s("东庄村"),
                    s(a[0]),
                    s("横幅"),
                    s("村委"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
                vec![
                    s("东庄村"),
                    s(a[1]),
                    s("墙体"),
                    s("路口"),
                    d(2021, 4, 20),
                    C::E,
                ],
                vec![
                    s("东庄村"),
                    s(a[2]),
                    s("横幅"),
                    s("广场"),
                    d(2021, 4, 21),
                    s("在挂"),
                ],
                // A typo of an approved slogan: approved, with a warning.
                vec![
                    s("东庄村"),
                    s("坚决打击赌搏违法犯罪，倡导健康文化娱乐活动"),
                    s("墙体"),
                    s("小学"),
                    d(2021, 4, 22),
                    s("在挂"),
                ],
                vec![
                    s("东庄村"),
                    s("平安东庄欢迎您"),
                    s("横幅"),
                    s("村口"),
                    d(2021, 4, 22),
                    s("在挂"),
                ],
                vec![
                    s("东庄村"),
                    s(a[0]),
                    s("横幅"),
                    s("旧址"),
                    d(2021, 4, 1),
                    s("已撤"),
                ],
                vec![
                    s("东庄村"),
                    s(a[0]),
                    s("横幅"),
                    s("新址"),
                    d(2021, 5, 20),
                    s("在挂"),
                ],
                vec![
                    s("水泉社区"),
                    s(a[0]),
                    s("横幅"),
                    s("门口"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
                vec![
                    s("水泉社区"),
                    s(a[1]),
                    s("横幅"),
                    s("门口"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
                vec![
                    s("镇卫生院"),
                    s(a[2]),
                    s("电子显示屏"),
                    s("大厅"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
                vec![
                    s("镇卫生院"),
                    s(a[1]),
                    s("横幅"),
                    s("门口"),
                    d(2021, 4, 20),
                    s("在挂"),
                ],
            ],
        )],
    );
    ib
}

/// Every chart part of a saved workbook (`xl/charts/chart*.xml`), in part order, each as the cell
/// ranges its series point at (`<c:f>` text, e.g. `图表!$A$27:$A$36`).
pub fn chart_refs(path: &Path) -> Vec<Vec<String>> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut names: Vec<String> = (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().unwrap().to_string())
        .filter(|n| n.starts_with("xl/charts/chart") && n.ends_with(".xml"))
        .collect();
    names.sort_by_key(|n| {
        n.trim_start_matches("xl/charts/chart")
            .trim_end_matches(".xml")
            .parse::<u32>()
            .unwrap_or(0)
    });
    names
        .iter()
        .map(|n| {
            let mut s = String::new();
            z.by_name(n).unwrap().read_to_string(&mut s).unwrap();
            s.split("<c:f>")
                .skip(1)
                .filter_map(|p| p.split("</c:f>").next())
                .map(String::from)
                .collect()
        })
        .collect()
}

/// `图表!$A$27:$A$36` → (sheet, first row, column, last row), zero-based, for one-column ranges.
pub fn parse_ref(r: &str) -> (String, u32, u32, u32) {
    let (sheet, cells) = r.rsplit_once('!').unwrap();
    let (a, b) = cells.split_once(':').unwrap_or((cells, cells));
    let cell = |c: &str| {
        let c = c.replace('$', "");
        let col: String = c.chars().take_while(|x| x.is_ascii_alphabetic()).collect();
        let row: u32 = c[col.len()..].parse().unwrap();
        let col = col
            .bytes()
            .fold(0u32, |n, x| n * 26 + (x - b'A' + 1) as u32)
            - 1;
        (row - 1, col)
    };
    let ((r1, c1), (r2, c2)) = (cell(a), cell(b));
    assert_eq!(c1, c2, "{r}: one column");
    (sheet.trim_matches('\'').to_string(), r1, c1, r2)
}

/// The `units[]` entry of the unit named `name` in a report's `--json`.
pub fn unit<'a>(j: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    j["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap_or_else(|| panic!("no unit {name} in the JSON"))
}

/// The diagnostics of a `--json` with code `code`.
pub fn diags<'a>(j: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}
