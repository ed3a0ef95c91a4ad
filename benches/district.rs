//! District-size benchmark: is `shuangti check` close to what calamine alone needs to read the inbox?
//!
//!   cargo bench --bench district                      # 500 villages × 20 workbooks ≈ 1,000,000 rows
//!   cargo bench --bench district -- --villages 50     # a tenth, for a quick look
//!   cargo bench --bench district -- --runs 5 --dir /tmp/district
//!   cargo bench --bench district -- --before OLD/release/shuangti   # an earlier build beside
//!
//! 1. Generates (deterministically, once; reused while `manifest.txt` matches) an inbox of `villages`
//!    folders of 20 xlsx ledgers each — 10 走访台账 (one per week, 166 rows), 5 周报 (2 rows), 3 矛盾纠纷台账
//!    (80 rows), 2 标语台账 (45 rows) — plus the office's 村居名册, with a title row, the canonical headers,
//!    real date cells and a few planted mistakes (≈ 0.2 % of rows), so diagnostics are exercised too.
//! 2. Floors: calamine alone, rayon over all cores, every sheet of every file opened from its bytes
//!    and every cell touched — once with the streaming cells reader (what shuangti uses), once with
//!    `worksheet_range` — each in its own process (this bench re-run with `--floor cells|range`).
//! 3. The release binary's `shuangti check <inbox>` and `shuangti weekly --week 10 --json …` (output to
//!    /dev/null).
//! 4. All four (six with `--before BINARY`: the same two commands by an earlier build, in the same
//!    rounds) under `/usr/bin/time -v`, interleaved, `--runs` rounds (default 3) after one warm-up
//!    read; a table of medians: wall time, CPU time (user + system, steadier on a shared machine), peak
//!    RSS (and per ledger row), and each row's wall and CPU ratios to *both* floors.
//!
//! Not a test: `cargo test` never runs it (`harness = false`, only `cargo bench` does). The folder is
//! `$SHUANGTI_BENCH_DIR`, `--dir`, or `<target dir>/district-bench`.

use calamine::{DataRef, Reader, Xlsx};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rayon::prelude::*;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

const FILES_PER_VILLAGE: usize = 20;
const GENERATOR_VERSION: u32 = 1;

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness (splitmix64, seeded per file)

struct Rng(u64);

impl Rng {
    fn new(seed: &str) -> Rng {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for b in seed.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        Rng(h)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const SURNAMES: &str = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯史陶贺顾毛郝龚邵万钱严武戴孔汤";
const GIVEN: &[&str] = &[
    "建国", "建华", "建军", "国强", "国庆", "志强", "志刚", "志明", "立新", "立军", "德福", "德胜",
    "玉兰", "秀英", "桂英", "桂兰", "秀兰", "凤英", "玉梅", "春梅", "春华", "海燕", "丽娟", "丽华",
    "红梅", "淑珍", "文华", "文明", "永刚", "永生", "长青", "庆华", "金龙", "宝山", "宏伟", "卫东",
    "振华", "学军", "明亮", "海涛", "晓东", "敏", "静", "伟", "磊", "勇", "军", "强", "芳", "霞",
];
/// First and second characters of the villages' names: 25 × 20 = 500 distinct three-character names.
const FIRST: &str = "东西南北前后上下大小新老高低长石柳杨李王张刘陈赵黄";
const SECOND: &str = "庄河岭坡沟桥湾集店屯营寨楼园埠山泉塘堡口";
const SLOGANS: [&str; 6] = [
    "人人参与平安创建  家家共享平安成果",
    "坚决打击赌博违法犯罪  倡导健康文化娱乐活动",
    "严厉打击盗窃犯罪  保护群众财产安全",
    "发挥好综治中心作用  及时为群众排忧解难",
    "有困难有问题到综治中心反映  有矛盾有纠纷到综治中心调解",
    "坚持以人民为中心发展思想  促进安全感满意度“双提升”",
];
const FORMS: [&str; 4] = ["横幅", "墙体", "横幅", "其他"];
const DISPUTE_TYPES: [&str; 8] = [
    "婚姻家庭",
    "邻里",
    "房屋宅基地",
    "损害赔偿",
    "合同",
    "山林土地承包",
    "劳动争议",
    "其他",
];

fn person(rng: &mut Rng) -> String {
    let sur: Vec<char> = SURNAMES.chars().collect();
    format!("{}{}", rng.pick(&sur), rng.pick(GIVEN))
}

fn village_names(n: usize) -> Vec<String> {
    let a: Vec<char> = FIRST.chars().collect();
    let b: Vec<char> = SECOND.chars().collect();
    let mut out = Vec::with_capacity(n);
    'outer: for x in &a {
        for y in &b {
            if out.len() == n {
                break 'outer;
            }
            // One in ten is a 社区.
            let suffix = if out.len() % 10 == 9 { "社区" } else { "村" };
            out.push(format!("{x}{y}{suffix}"));
        }
    }
    assert_eq!(out.len(), n, "at most {} villages", a.len() * b.len());
    out
}

fn monday(w: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 4, 5).unwrap() + Duration::days(7 * (w as i64 - 1))
}

// ---------------------------------------------------------------------------------------------------
// Writing

struct Sheet<'a> {
    ws: &'a mut Worksheet,
    date: Format,
    datetime: Format,
    row: u32,
}

impl<'a> Sheet<'a> {
    fn new(ws: &'a mut Worksheet, title: &str, headers: &[&str]) -> Res<Sheet<'a>> {
        let bold = Format::new().set_bold();
        ws.merge_range(0, 0, 0, headers.len() as u16 - 1, title, &bold)?;
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, c as u16, *h, &bold)?;
        }
        Ok(Sheet {
            ws,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            row: 2,
        })
    }
    fn text(&mut self, c: u16, s: &str) -> Res<()> {
        if !s.is_empty() {
            self.ws.write_string(self.row, c, s)?;
        }
        Ok(())
    }
    fn num(&mut self, c: u16, n: f64) -> Res<()> {
        self.ws.write_number(self.row, c, n)?;
        Ok(())
    }
    fn date(&mut self, c: u16, d: NaiveDate) -> Res<()> {
        let x = ExcelDateTime::from_ymd(
            d.year_ce().1 as u16,
            d.month0() as u8 + 1,
            d.day0() as u8 + 1,
        )?;
        self.ws
            .write_datetime_with_format(self.row, c, &x, &self.date)?;
        Ok(())
    }
    fn datetime(&mut self, c: u16, t: NaiveDateTime) -> Res<()> {
        self.ws
            .write_datetime_with_format(self.row, c, t, &self.datetime)?;
        Ok(())
    }
    fn next(&mut self) {
        self.row += 1;
    }
}

use chrono::Datelike;

fn save(wb: &mut Workbook, path: &Path) -> Res<()> {
    let props = DocProperties::new()
        .set_creation_datetime(&ExcelDateTime::from_ymd(2021, 6, 13)?.and_hms(12, 0, 0)?);
    wb.set_properties(&props);
    wb.save(path)?;
    Ok(())
}

/// Households per visit ledger (one per week, ten weeks).
const VISITS_PER_FILE: usize = 166;
const DISPUTES_PER_FILE: usize = 80;
const SLOGANS_PER_FILE: usize = 45;

fn visit_file(dir: &Path, unit: &str, week: u32) -> Res<usize> {
    let mut rng = Rng::new(&format!("{unit}visit{week}"));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("走访台账")?;
    let mut s = Sheet::new(
        ws,
        &format!("{unit}“双提升”入户走访台账（第{week}周）"),
        &[
            "村居",
            "村民小组/网格",
            "户主姓名",
            "走访日期",
            "走访方式",
            "发放问卷",
            "送达公开信",
            "走访人",
        ],
    )?;
    let visitors: Vec<String> = (0..4).map(|_| person(&mut rng)).collect();
    for i in 0..VISITS_PER_FILE {
        let household = (week as usize - 1) * VISITS_PER_FILE + i;
        s.text(0, unit)?;
        s.text(1, &format!("第{}组", household / 40 + 1))?;
        if !rng.chance(2) {
            s.text(2, &person(&mut rng))?;
        }
        let day = monday(week) + Duration::days(rng.below(7) as i64);
        if rng.chance(2) {
            // A typo'd text date.
            s.text(3, &format!("2021.{}.31", [4, 6, 9, 11][rng.below(4)]))?;
        } else {
            s.date(3, day)?;
        }
        s.text(4, if rng.chance(850) { "入户" } else { "电话" })?;
        s.text(5, if rng.chance(600) { "是" } else { "否" })?;
        s.text(6, "是")?;
        s.text(7, rng.pick(&visitors).as_str())?;
        s.next();
    }
    save(&mut wb, &dir.join(format!("{unit}走访台账第{week}周.xlsx")))?;
    Ok(VISITS_PER_FILE)
}

fn weekly_file(dir: &Path, unit: &str, n: u32) -> Res<usize> {
    let mut rng = Rng::new(&format!("{unit}weekly{n}"));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("周报")?;
    let mut s = Sheet::new(
        ws,
        &format!("{unit}“双提升”工作周报"),
        &[
            "村居",
            "报送时间",
            "所属周次",
            "本周工作开展情况",
            "走访户数",
            "大喇叭宣传次数",
        ],
    )?;
    for week in [2 * n - 1, 2 * n] {
        s.text(0, unit)?;
        let friday = monday(week) + Duration::days(4);
        s.datetime(
            1,
            friday
                .and_hms_opt(15 + rng.below(4) as u32, rng.below(60) as u32, 0)
                .unwrap(),
        )?;
        s.text(2, &format!("第{week}周"))?;
        s.text(
            3,
            "召开专题部署会，入户走访发放问卷和公开信，排查化解矛盾纠纷，利用大喇叭开展宣传",
        )?;
        s.num(4, VISITS_PER_FILE as f64)?;
        s.num(5, (3 + rng.below(5)) as f64)?;
        s.next();
    }
    save(&mut wb, &dir.join(format!("{unit}周报{n}.xlsx")))?;
    Ok(2)
}

fn dispute_file(dir: &Path, unit: &str, n: u32) -> Res<usize> {
    let mut rng = Rng::new(&format!("{unit}dispute{n}"));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("矛盾纠纷")?;
    let mut s = Sheet::new(
        ws,
        &format!("{unit}矛盾纠纷排查化解台账（{n}）"),
        &[
            "村居",
            "排查日期",
            "当事人",
            "纠纷类型",
            "简要情况",
            "化解状态",
            "化解日期",
            "责任人",
            "群众代表参与",
        ],
    )?;
    for _ in 0..DISPUTES_PER_FILE {
        let week = 3 * (n - 1) + 1 + rng.below(3) as u32;
        let screened = monday(week) + Duration::days(rng.below(7) as i64);
        s.text(0, unit)?;
        s.date(1, screened)?;
        s.text(2, &format!("{}、{}", person(&mut rng), person(&mut rng)))?;
        let t = *rng.pick(&DISPUTE_TYPES);
        s.text(3, t)?;
        s.text(
            4,
            &format!("{t}纠纷，双方因琐事发生争执，经村调委会介入调解"),
        )?;
        let resolved = rng.chance(700);
        s.text(5, if resolved { "已化解" } else { "化解中" })?;
        if resolved {
            if rng.chance(3) {
                // Resolved before it was screened.
                s.date(6, screened - Duration::days(3))?;
            } else {
                s.date(6, screened + Duration::days(rng.below(10) as i64))?;
            }
        }
        s.text(7, &person(&mut rng))?;
        s.text(8, if rng.chance(500) { "是" } else { "否" })?;
        s.next();
    }
    save(
        &mut wb,
        &dir.join(format!("{unit}矛盾纠纷排查化解台账{n}.xlsx")),
    )?;
    Ok(DISPUTES_PER_FILE)
}

fn slogan_file(dir: &Path, unit: &str, n: u32) -> Res<usize> {
    let mut rng = Rng::new(&format!("{unit}slogan{n}"));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("标语")?;
    let mut s = Sheet::new(
        ws,
        &format!("{unit}宣传标语悬挂台账"),
        &["村居", "标语内容", "形式", "位置", "悬挂日期", "状态"],
    )?;
    for i in 0..SLOGANS_PER_FILE {
        s.text(0, unit)?;
        let text = SLOGANS[i % SLOGANS.len()];
        if rng.chance(5) {
            s.text(1, &text.replace("平安", "安全"))?;
        } else {
            s.text(1, text)?;
        }
        let form = FORMS[rng.below(FORMS.len())];
        s.text(2, form)?;
        s.text(
            3,
            &format!(
                "第{}组路口{}号",
                rng.below(40) + 1,
                (n as usize - 1) * 100 + i
            ),
        )?;
        s.date(
            4,
            monday(1 + rng.below(10) as u32) + Duration::days(rng.below(7) as i64),
        )?;
        s.text(5, "在挂")?;
        s.next();
    }
    save(&mut wb, &dir.join(format!("{unit}标语台账{n}.xlsx")))?;
    Ok(SLOGANS_PER_FILE)
}

fn register_file(dir: &Path, units: &[String]) -> Res<usize> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("村居名册")?;
    let mut s = Sheet::new(ws, "村居名册", &["名称", "类别", "户数", "网格数", "人口"])?;
    for u in units {
        s.text(0, u)?;
        s.text(
            1,
            if u.ends_with("社区") {
                "社区"
            } else {
                "村"
            },
        )?;
        s.num(2, (10 * VISITS_PER_FILE) as f64)?;
        s.num(3, 8.0)?;
        s.num(4, (35 * VISITS_PER_FILE) as f64)?;
        s.next();
    }
    save(&mut wb, &dir.join("村居名册.xlsx"))?;
    Ok(units.len())
}

fn generate(inbox: &Path, villages: usize) -> Res<(usize, usize)> {
    let _ = std::fs::remove_dir_all(inbox);
    std::fs::create_dir_all(inbox.join("镇提升办"))?;
    let units = village_names(villages);
    let mut rows = register_file(&inbox.join("镇提升办"), &units)?;
    let jobs: Vec<(usize, usize)> = (0..villages)
        .flat_map(|v| (0..FILES_PER_VILLAGE).map(move |f| (v, f)))
        .collect();
    for u in &units {
        std::fs::create_dir_all(inbox.join(u))?;
    }
    rows += jobs
        .par_iter()
        .map(|&(v, f)| -> Res<usize> {
            let unit = &units[v];
            let dir = inbox.join(unit);
            match f {
                0..=9 => visit_file(&dir, unit, f as u32 + 1),
                10..=14 => weekly_file(&dir, unit, f as u32 - 9),
                15..=17 => dispute_file(&dir, unit, f as u32 - 14),
                _ => slogan_file(&dir, unit, f as u32 - 17),
            }
        })
        .collect::<Res<Vec<usize>>>()?
        .into_iter()
        .sum::<usize>();
    Ok((jobs.len() + 1, rows))
}

// ---------------------------------------------------------------------------------------------------
// Measuring

fn files_of(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_of(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// This process's CPU time (user + system), from /proc/self/stat (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which ends at the last ')'): utime and stime are the 12th and 13th.
    let rest = &stat[stat.rfind(')').map_or(0, |i| i + 2)..];
    let f: Vec<f64> = rest
        .split(' ')
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    // Clock ticks are 100 per second on Linux.
    f.iter().sum::<f64>() / 100.0
}

/// calamine alone: every sheet of every file, every cell touched.
/// Returns (wall seconds, CPU seconds, non-empty cells).
fn baseline(files: &[PathBuf], streaming: bool) -> (f64, f64, u64) {
    let cpu = cpu_seconds();
    let t = Instant::now();
    let cells: u64 = files
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let mut wb = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
            let names = wb.sheet_names();
            let mut n = 0u64;
            for name in names {
                if streaming {
                    let mut r = wb.worksheet_cells_reader(&name).unwrap();
                    while let Some(c) = r.next_cell().unwrap() {
                        if !matches!(c.get_value(), DataRef::Empty) {
                            n += 1;
                        }
                    }
                } else {
                    let range = wb.worksheet_range(&name).unwrap();
                    n += range.used_cells().count() as u64;
                }
            }
            n
        })
        .sum();
    (t.elapsed().as_secs_f64(), cpu_seconds() - cpu, cells)
}

/// shuangti's reading stage alone (`--floor ingest INBOX`, by hand: not in the table): every file
/// opened as `check` opens it (`open_in_inbox`: budget thread, size checks, grids), nothing recognised.
/// Returns the non-empty grid cells.
/// (`--floor ingest-direct`: `open_workbook` on the calling thread, without the budget thread.)
fn ingest_only(inbox: &Path, files: &[PathBuf], direct: bool) -> u64 {
    files
        .par_iter()
        .map(|p| {
            let rel = p.strip_prefix(inbox).unwrap();
            let opened = if direct {
                shuangti::ingest::open_workbook(p, false)
            } else {
                shuangti::ingest::open_in_inbox(inbox, rel, false)
            };
            let Ok(opened) = opened else {
                return 0;
            };
            let mut n = 0u64;
            for g in opened.sheets.iter().filter_map(|s| s.grid.as_ref()) {
                for r in g.first_row()..g.end_row() {
                    n += g
                        .row(r)
                        .iter()
                        .filter(|d| !matches!(d, calamine::Data::Empty))
                        .count() as u64;
                }
            }
            n
        })
        .sum()
}

struct Run {
    wall: f64,
    user: f64,
    sys: f64,
    rss_kib: u64,
}

impl Run {
    fn cpu(&self) -> f64 {
        self.user + self.sys
    }
}

/// `program args…` under /usr/bin/time -v, stdout to `stdout` (or /dev/null); `ok` exit codes.
fn timed(program: &Path, args: &[&std::ffi::OsStr], log: &Path, ok: &[i32]) -> Run {
    let status = Command::new("/usr/bin/time")
        .arg("-v")
        .arg("-o")
        .arg(log)
        .arg(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run /usr/bin/time");
    assert!(
        status.code().is_some_and(|c| ok.contains(&c)),
        "{} {args:?} failed: {status}",
        program.display()
    );
    let text = std::fs::read_to_string(log).unwrap();
    let field = |name: &str| -> &str {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .unwrap_or_else(|| panic!("no “{name}” in /usr/bin/time output"))
            .trim()
    };
    let wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss):")
        .split(':')
        .fold(0.0, |a, p| a * 60.0 + p.parse::<f64>().unwrap());
    Run {
        wall,
        user: field("User time (seconds):").parse().unwrap(),
        sys: field("System time (seconds):").parse().unwrap(),
        rss_kib: field("Maximum resident set size (kbytes):")
            .parse()
            .unwrap(),
    }
}

/// One of the four measured commands, each in its own process under /usr/bin/time -v, so wall, CPU and
/// peak RSS are measured alike: calamine alone (this bench re-run with `--floor cells|range`), and the
/// release binary's `check <inbox>` and `weekly --week 10 --json` (1 = errors found: the planted ones).
fn measure(what: usize, inbox: &Path, dir: &Path, before: Option<&Path>) -> Run {
    let log = dir.join("time.log");
    let bench = std::env::current_exe().unwrap();
    // (rows 4 and 5: the same two commands by the `--before` binary)
    let bin = match what {
        4 | 5 => before.expect("--before BINARY"),
        _ => Path::new(env!("CARGO_BIN_EXE_shuangti")),
    };
    let what = if what >= 4 { what - 2 } else { what };
    let os = |s: &str| std::ffi::OsString::from(s);
    let (program, args): (&Path, Vec<std::ffi::OsString>) = match what {
        0 | 1 => (
            &bench,
            vec![
                os("--floor"),
                os(if what == 0 { "cells" } else { "range" }),
                inbox.into(),
            ],
        ),
        2 => (bin, vec![os("check"), inbox.into()]),
        _ => (
            bin,
            vec![
                os("weekly"),
                os("--week"),
                os("10"),
                os("--force"),
                os("-o"),
                dir.join("out").into(),
                os("--json"),
                dir.join("out").join("weekly.json").into(),
                inbox.into(),
            ],
        ),
    };
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    timed(program, &args, &log, &[0, 1])
}

const MEASURED: [&str; 6] = [
    "calamine, cells reader",
    "calamine, `worksheet_range`",
    "shuangti check",
    "shuangti weekly --week 10 --json",
    "before: shuangti check",
    "before: shuangti weekly --week 10 --json",
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let mut villages = 500usize;
    let mut runs = 3usize;
    let mut dir: Option<PathBuf> = std::env::var_os("SHUANGTI_BENCH_DIR").map(PathBuf::from);
    let mut generate_only = false;
    let mut before: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            // Another build of shuangti (an earlier commit's release binary), measured in the
            // same rounds: before and after in one sitting.
            "--before" => before = Some(args.next().expect("--before BINARY").into()),
            "--villages" => villages = args.next().expect("--villages N").parse()?,
            "--runs" => runs = args.next().expect("--runs N").parse()?,
            "--dir" => dir = Some(args.next().expect("--dir PATH").into()),
            "--generate-only" => generate_only = true,
            // Internal: calamine alone over an inbox, in its own process (see `measure`).
            "--floor" => {
                let mode = args.next().expect("--floor cells|range|ingest");
                let inbox = PathBuf::from(args.next().expect("--floor MODE INBOX"));
                let mut paths = Vec::new();
                files_of(&inbox, &mut paths);
                if mode.starts_with("ingest") {
                    println!("{}", ingest_only(&inbox, &paths, mode == "ingest-direct"));
                } else {
                    println!("{}", baseline(&paths, mode == "cells").2);
                }
                return Ok(());
            }
            _ => {} // cargo passes --bench
        }
    }
    let dir = dir.unwrap_or_else(|| {
        // <target>/release/deps/district-… → <target>/district-bench
        let exe = std::env::current_exe().unwrap();
        exe.ancestors().nth(3).unwrap().join("district-bench")
    });
    let dir = dir.join(format!("v{villages}"));
    let inbox = dir.join("inbox");
    let manifest = dir.join("manifest.txt");
    let want = format!("generator {GENERATOR_VERSION}, villages {villages}\n");
    let (files, rows) = match std::fs::read_to_string(&manifest) {
        Ok(m) if m.starts_with(&want) => {
            let mut it = m.lines().nth(1).unwrap_or("0 0").split(' ');
            let f: usize = it.next().unwrap_or("0").parse()?;
            let r: usize = it.next().unwrap_or("0").parse()?;
            eprintln!("reusing {} ({f} files, {r} rows)", inbox.display());
            (f, r)
        }
        _ => {
            eprintln!("generating {} …", inbox.display());
            let t = Instant::now();
            let (f, r) = generate(&inbox, villages)?;
            std::fs::write(&manifest, format!("{want}{f} {r}\n"))?;
            eprintln!(
                "generated {f} files, {r} rows in {:.1} s",
                t.elapsed().as_secs_f64()
            );
            (f, r)
        }
    };
    if generate_only {
        return Ok(());
    }
    let mut paths = Vec::new();
    files_of(&inbox, &mut paths);
    assert_eq!(paths.len(), files);
    let bytes: u64 = paths.iter().map(|p| p.metadata().unwrap().len()).sum();

    eprintln!("warm-up read …");
    let (_, _, cells) = baseline(&paths, true);
    std::fs::create_dir_all(dir.join("out"))?;
    let measured = if before.is_some() { 6 } else { 4 };
    let mut runs_of: Vec<Vec<Run>> = (0..measured).map(|_| Vec::new()).collect();
    for i in 0..runs {
        for (w, list) in runs_of.iter_mut().enumerate() {
            let r = measure(w, &inbox, &dir, before.as_deref());
            eprintln!(
                "run {}: {}: {:.2} s (cpu {:.2} s = user {:.2} + sys {:.2}, peak RSS {} MiB)",
                i + 1,
                MEASURED[w],
                r.wall,
                r.cpu(),
                r.user,
                r.sys,
                r.rss_kib / 1024
            );
            list.push(r);
        }
    }
    let med = |w: usize, f: fn(&Run) -> f64| median(runs_of[w].iter().map(f).collect());
    let (cells_wall, cells_cpu) = (med(0, |r| r.wall), med(0, Run::cpu));
    let (range_wall, range_cpu) = (med(1, |r| r.wall), med(1, Run::cpu));
    println!();
    println!(
        "{files} files, {rows} rows, {cells} cells, {:.0} MiB; threads {}, median of {runs} runs",
        bytes as f64 / (1 << 20) as f64,
        rayon::current_num_threads()
    );
    if let Some(b) = &before {
        println!("before: {}", b.display());
    }
    println!(
        "| | wall s | CPU s | peak RSS MiB | peak RSS B/row | wall ÷ cells | wall ÷ range | CPU ÷ cells | CPU ÷ range |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (w, name) in MEASURED.iter().enumerate().take(measured) {
        let (wall, cpu) = (med(w, |r| r.wall), med(w, Run::cpu));
        let rss = med(w, |r| r.rss_kib as f64) * 1024.0;
        println!(
            "| {name} | {wall:.2} | {cpu:.2} | {:.0} | {:.0} | {:.2}× | {:.2}× | {:.2}× | {:.2}× |",
            rss / (1 << 20) as f64,
            rss / rows as f64,
            wall / cells_wall,
            wall / range_wall,
            cpu / cells_cpu,
            cpu / range_cpu,
        );
    }
    Ok(())
}
