//! Generates the committed sample inbox `samples/inbox/`: the ledgers 水泉镇's villages would have sent
//! in the campaign's first ten weeks (2021-04-05 .. 2021-06-13), with the mess real clerks make and a
//! documented set of planted mistakes.
//!
//! The town is simulated first (households, visits, disputes, activities …) and every ledger and weekly
//! report is written from that one simulation, so reports and ledgers agree except where a mistake is
//! planted on purpose. Every planted mistake is recorded with the Excel cell it lands in, written to
//! `samples/planted.tsv` and into `samples/README.md`, so the documentation cannot drift from the files.
//!
//! Usage (see `samples/make.sh`, which also converts the .xls/.ods files with LibreOffice):
//!   cargo run --example make_samples -- samples            # generate
//!   cargo run --example make_samples -- --verify samples   # read every planted cell back with calamine
//!
//! Deterministic: a hand-written splitmix64 PRNG seeded from each unit's name, and a fixed document
//! creation date, so the same source gives byte-identical xlsx files.

use calamine::{open_workbook_auto, Data, DataType, Reader};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet};
use std::fs;
use std::path::{Path, PathBuf};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

// ---------------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------------

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, m, day).unwrap()
}

fn at(date: NaiveDate, h: u32, mi: u32) -> NaiveDateTime {
    date.and_hms_opt(h, mi, 0).unwrap()
}

/// Campaign weeks covered by the samples (week 1 = 2021-04-05).
const WEEKS: u32 = 10;

fn monday(w: u32) -> NaiveDate {
    d(4, 5) + Duration::days(7 * (w as i64 - 1))
}

fn week_of(x: NaiveDate) -> u32 {
    ((x - d(4, 5)).num_days() / 7 + 1) as u32
}

/// The last day of the data: Sunday of week 10.
fn as_of() -> NaiveDate {
    d(6, 13)
}

/// The first provincial survey window opens (plan.toml `survey_windows[0].start`).
fn window() -> NaiveDate {
    d(6, 7)
}

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------

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
    /// Inclusive range.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

const SURNAMES: &str = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯史陶贺顾毛郝龚邵万钱严武戴孔汤";

const GIVEN: &[&str] = &[
    "建国", "建华", "建军", "国强", "国庆", "志强", "志刚", "志明", "立新", "立军", "德福", "德胜",
    "德明", "玉兰", "秀英", "桂英", "桂兰", "秀兰", "凤英", "玉梅", "春梅", "春华", "海燕", "丽娟",
    "丽华", "红梅", "淑珍", "淑芬", "文华", "文明", "文斌", "永刚", "永生", "永福", "长青", "长海",
    "长林", "庆华", "庆云", "金龙", "金山", "宝山", "宝林", "宏伟", "卫东", "卫国", "振华", "振兴",
    "学军", "学文", "明亮", "成林", "海涛", "海波", "晓东", "晓燕", "敏", "静", "伟", "磊", "勇",
    "军", "强", "芳", "霞", "娟", "杰", "涛", "鹏", "斌", "刚", "平", "英", "华", "兰", "梅", "峰",
    "波", "辉", "健", "广田", "守义", "传福", "继承", "玉山", "兆平", "凤兰", "秀珍", "月英",
    "荣华",
];

fn person(rng: &mut Rng, local: &str) -> String {
    let sur: Vec<char> = SURNAMES.chars().collect();
    let loc: Vec<char> = local.chars().collect();
    let s = if !loc.is_empty() && rng.chance(0.55) {
        *rng.pick(&loc)
    } else {
        *rng.pick(&sur)
    };
    format!("{s}{}", rng.pick(GIVEN))
}

fn mobile(rng: &mut Rng) -> String {
    let prefix = [
        "138", "139", "137", "135", "150", "151", "152", "158", "159", "182", "187", "188",
    ];
    let mut p = rng.pick(&prefix).to_string();
    for _ in 0..8 {
        p.push(char::from(b'0' + rng.below(10) as u8));
    }
    p
}

// ---------------------------------------------------------------------------------------------------
// The plan's fixed lists (copied from templates/plan.toml; the examples cannot read src/ types)
// ---------------------------------------------------------------------------------------------------

const SLOGANS: [&str; 6] = [
    "人人参与平安创建  家家共享平安成果",
    "坚决打击赌博违法犯罪  倡导健康文化娱乐活动",
    "严厉打击盗窃犯罪  保护群众财产安全",
    "发挥好综治中心作用  及时为群众排忧解难",
    "有困难有问题到综治中心反映  有矛盾有纠纷到综治中心调解",
    "坚持以人民为中心发展思想  促进安全感满意度“双提升”",
];

struct Question {
    text: &'static str,
    options: &'static [&'static str],
    /// Index of the option counted as positive by the plan's rate (the first positive one).
    positive: &'static [usize],
}

const QUESTIONS: [Question; 14] = [
    Question { text: "您知道什么是平安建设活动吗？", options: &["知道", "不知道"], positive: &[0] },
    Question {
        text: "您或您的家人是否参与所在地平安村（居）建设，或其它形式的服务管理活动？",
        options: &["是", "否"],
        positive: &[0],
    },
    Question { text: "您认为党政领导对平安建设工作重视吗？", options: &["非常重视", "一般重视", "不重视"], positive: &[0, 1] },
    Question { text: "您对当前社会治安状况满意吗？", options: &["非常满意", "基本满意", "不满意"], positive: &[0, 1] },
    Question {
        text: "您所居住的地方，今年社会治安状况和去年比如何？",
        options: &["和去年一样", "比去年好", "比去年差"],
        positive: &[1],
    },
    Question {
        text: "在目前的社会治安环境下，您认为您所居住的地方安全否？",
        options: &["非常安全", "基本安全", "不安全"],
        positive: &[0, 1],
    },
    Question { text: "您是否有看到过公安民警到村里维护社会治安？", options: &["是", "否"], positive: &[0] },
    Question { text: "您居住地方或周边出现矛盾纠纷时是否有人来调处？", options: &["是", "否"], positive: &[0] },
    Question {
        text: "您认为当前哪一类治安问题最影响您的安全感？",
        options: &["刑事犯罪", "交通事故", "火灾", "公共秩序混乱", "没有影响", "其他治安问题"],
        positive: &[4],
    },
    Question { text: "您知道当地有社会治安综合治理服务中心吗？", options: &["知道", "不知道"], positive: &[0] },
    Question { text: "您了解当地社会治安综合治理服务中心能办理什么业务吗？", options: &["了解", "不了解"], positive: &[0] },
    Question { text: "请问您知道当地开展扫黑除恶专项斗争吗？", options: &["知道", "不知道"], positive: &[0] },
    Question {
        text: "请问您对当地开展扫黑除恶专项斗争是否满意？",
        options: &["非常满意", "基本满意", "不满意", "不了解"],
        positive: &[0, 1],
    },
    Question {
        text: "请问您对当地政法机关或政法队伍（包括法院、检察院、公安、司法等部门）的执法工作是否满意？",
        options: &["非常满意", "基本满意", "不满意", "不了解"],
        positive: &[0, 1],
    },
];

const AGE_GROUPS: [&str; 6] = ["18岁以下", "18-25", "26-35", "36-45", "46-55", "56以上"];

// ---------------------------------------------------------------------------------------------------
// The simulated town
// ---------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum UKind {
    Village,
    Community,
    TownUnit,
}

impl UKind {
    fn zh(self) -> &'static str {
        match self {
            UKind::Village => "村",
            UKind::Community => "社区",
            UKind::TownUnit => "镇直单位",
        }
    }
}

struct Household {
    group: String,
    name: String,
}

#[derive(Clone)]
struct Visit {
    hh: usize,
    date: NaiveDate,
    in_person: bool,
    questionnaire: bool,
    letter: bool,
    visitor: String,
}

#[derive(Clone)]
struct Dispute {
    date: NaiveDate,
    parties: String,
    ty: String,
    summary: String,
    /// Status once final (as of 06-13).
    status: &'static str,
    /// Status shown in a ledger dated before `resolved`.
    before: &'static str,
    resolved: Option<NaiveDate>,
    owner: String,
    rep: bool,
    zero: bool,
}

impl Dispute {
    /// The row as a ledger sent on `day` shows it.
    fn as_of(&self, day: NaiveDate) -> (&'static str, Option<NaiveDate>) {
        match self.resolved {
            Some(r) if r > day && self.status == "已化解" && r >= self.date => {
                (self.before, None)
            }
            _ => (self.status, self.resolved),
        }
    }
    /// Resolved (validly) within [lo, hi].
    fn resolved_in(&self, lo: NaiveDate, hi: NaiveDate) -> bool {
        !self.zero
            && self.status == "已化解"
            && matches!(self.resolved, Some(r) if r >= self.date && r >= lo && r <= hi)
    }
}

struct Activity {
    date: NaiveDate,
    ty: &'static str,
    people: u32,
    content: String,
}

struct Slogan {
    text: String,
    form: &'static str,
    place: &'static str,
    date: NaiveDate,
    status: &'static str,
}

struct Report {
    week: u32,
    submitted: NaiveDateTime,
    text: String,
    visits: u32,
    new_disputes: u32,
    resolved: u32,
    loudspeaker: u32,
}

struct Unit {
    name: &'static str,
    kind: UKind,
    households: Vec<Household>,
    grids: u32,
    population: u32,
    alias: &'static str,
    secretary: String,
    deputy: String,
    liaison: String,
    phone: String,
    cadres: Vec<String>,
    visits: Vec<Visit>,
    disputes: Vec<Dispute>,
    activities: Vec<Activity>,
    slogans: Vec<Slogan>,
    reports: Vec<Report>,
}

impl Unit {
    fn grid_name(&self, i: u32) -> String {
        if self.name == "东庄村" {
            ["一组", "二组", "三组", "四组"][i as usize].to_string()
        } else {
            format!("第{}网格", i + 1)
        }
    }
}

/// (name, kind, households, grids, local surnames, alias)
const TOWN: [(&str, UKind, u32, u32, &str, &str); 12] = [
    ("东庄村", UKind::Village, 146, 3, "王李", ""),
    ("西庄村", UKind::Village, 118, 2, "张刘", ""),
    ("南坡村", UKind::Village, 132, 3, "陈赵", ""),
    ("北岭村", UKind::Village, 96, 2, "孙周", "北岭"),
    ("石桥村", UKind::Village, 84, 2, "石吴", ""),
    ("杨庄村", UKind::Village, 158, 3, "杨郭", ""),
    ("柳沟村", UKind::Village, 112, 2, "刘马", ""),
    ("前河村", UKind::Village, 124, 3, "何胡", ""),
    ("后河村", UKind::Village, 102, 2, "高徐", ""),
    ("水泉社区", UKind::Community, 196, 4, "", "水泉居委会"),
    ("镇卫生院", UKind::TownUnit, 0, 0, "", "水泉镇卫生院"),
    ("镇中心学校", UKind::TownUnit, 0, 0, "", "水泉镇中心学校"),
];

/// The weak village: far behind with visits, misses reports and screening weeks, 2 slogans.
const WEAK: &str = "柳沟村";
/// The strong village: every household visited well before the survey window.
const STRONG: &str = "石桥村";
/// Weeks in which the weak village sent no dispute screening at all.
const WEAK_UNSCREENED: [u32; 3] = [3, 4, 7];
/// Weeks in which the weak village sent no 大喇叭 record.
const WEAK_NO_SPEAKER: [u32; 2] = [3, 7];

const DISPUTE_TYPES: [(&str, &str); 8] = [
    ("邻里", "两家因宅前排水沟堵塞、滴水檐问题发生口角"),
    ("婚姻家庭", "夫妻因赡养老人问题发生争吵，女方回娘家"),
    ("房屋宅基地", "翻建房屋时对宅基地界址有争议"),
    ("山林土地承包", "承包地地头界石移位，双方各执一词"),
    ("损害赔偿", "散养家禽啄食邻居菜园青苗，要求赔偿"),
    ("合同", "农机作业费用结算发生争议"),
    ("劳动争议", "在本村果园务工工资未按时结清"),
    ("村务管理", "对村集体机动地发包程序有意见"),
];

fn simulate() -> Vec<Unit> {
    let mut units = Vec::new();
    for &(name, kind, hh, grids, local, alias) in TOWN.iter() {
        let mut rng = Rng::new(name);
        let mut u = Unit {
            name,
            kind,
            households: Vec::new(),
            grids,
            population: 0,
            alias,
            secretary: person(&mut rng, local),
            deputy: person(&mut rng, local),
            liaison: person(&mut rng, local),
            phone: mobile(&mut rng),
            cadres: (0..3).map(|_| person(&mut rng, local)).collect(),
            visits: Vec::new(),
            disputes: Vec::new(),
            activities: Vec::new(),
            slogans: Vec::new(),
            reports: Vec::new(),
        };
        let mut seen = std::collections::BTreeSet::new();
        while (u.households.len() as u32) < hh {
            let n = person(&mut rng, local);
            if seen.insert(n.clone()) {
                let g = u.households.len() as u32 % grids;
                u.households.push(Household {
                    group: u.grid_name(g),
                    name: n,
                });
            }
        }
        u.population = hh * 3 + rng.range(0, hh as i64) as u32;
        if kind != UKind::TownUnit {
            simulate_visits(&mut u, &mut rng);
            simulate_disputes(&mut u, &mut rng);
        }
        simulate_activities(&mut u, &mut rng);
        simulate_slogans(&mut u, &mut rng);
        if kind != UKind::TownUnit {
            simulate_reports(&mut u, &mut rng);
        }
        units.push(u);
    }
    units
}

fn simulate_visits(u: &mut Unit, rng: &mut Rng) {
    let n = u.households.len();
    let (pre, post) = match u.name {
        STRONG => (1.0, 0.0),
        WEAK => (0.42, 0.06),
        "西庄村" | "东庄村" | "水泉社区" => (1.0, 0.0),
        _ => (0.90 + rng.below(8) as f64 / 100.0, 1.0),
    };
    let n_pre = (n as f64 * pre).round() as usize;
    let n_post = if post >= 1.0 {
        n - n_pre
    } else {
        (n as f64 * post).round() as usize
    };
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    // Weeks 2..=9 before the window; the strong village finishes by week 8.
    let weights: &[f64] = if u.name == STRONG {
        &[6.0, 8.0, 10.0, 12.0, 12.0, 12.0, 10.0]
    } else {
        &[4.0, 6.0, 8.0, 10.0, 10.0, 10.0, 10.0, 8.0]
    };
    let total: f64 = weights.iter().sum();
    let mut counts: Vec<usize> = weights
        .iter()
        .map(|w| (n_pre as f64 * w / total) as usize)
        .collect();
    let short = n_pre - counts.iter().sum::<usize>();
    for c in counts.iter_mut().take(short) {
        *c += 1;
    }
    if u.name == "南坡村" {
        // Week 6 (index 4) must have exactly 12 visits: the weekly report planted next to it says 40.
        let diff = counts[4] as i64 - 12;
        counts[4] = 12;
        counts[5] = (counts[5] as i64 + diff) as usize;
    }
    let mut k = 0;
    let push = |u: &mut Unit, rng: &mut Rng, hh: usize, w: u32| {
        let date = monday(w) + Duration::days(rng.range(0, 3));
        let in_person = rng.chance(0.86);
        u.visits.push(Visit {
            hh,
            date,
            in_person,
            questionnaire: if in_person {
                rng.chance(0.97)
            } else {
                rng.chance(0.15)
            },
            letter: if in_person { rng.chance(0.96) } else { false },
            visitor: rng.pick(&u.cadres).clone(),
        });
    };
    for (i, c) in counts.iter().enumerate() {
        for _ in 0..*c {
            push(u, rng, order[k], i as u32 + 2);
            k += 1;
        }
    }
    for _ in 0..n_post {
        push(u, rng, order[k], 10);
        k += 1;
    }
    // A few households first reached by phone get an in-person visit a week or two later.
    let phones: Vec<Visit> = u.visits.iter().filter(|v| !v.in_person).cloned().collect();
    for v in phones.iter().take(3) {
        let mut w = (week_of(v.date) + 1 + rng.below(2) as u32).min(WEEKS);
        if u.name == "南坡村" && w == 6 {
            w = 7; // keep 南坡村's week 6 at exactly 12 households
        }
        let date = monday(w) + Duration::days(rng.range(0, 3));
        if date > v.date {
            u.visits.push(Visit {
                hh: v.hh,
                date,
                in_person: true,
                questionnaire: true,
                letter: true,
                visitor: rng.pick(&u.cadres).clone(),
            });
        }
    }
    u.visits.sort_by_key(|v| (v.date, v.hh));
}

fn simulate_disputes(u: &mut Unit, rng: &mut Rng) {
    let local: String = TOWN.iter().find(|t| t.0 == u.name).unwrap().4.to_string();
    let mut list = Vec::new();
    for w in 1..=WEEKS {
        if u.name == WEAK && WEAK_UNSCREENED.contains(&w) {
            continue;
        }
        let n = if rng.chance(0.12) {
            2
        } else if rng.chance(0.35) {
            1
        } else {
            0
        };
        for _ in 0..n {
            let date = monday(w) + Duration::days(rng.range(0, 3));
            let (ty, summary) = *rng.pick(&DISPUTE_TYPES);
            let parties = format!("{}与{}", person(rng, &local), person(rng, &local));
            let days = rng.range(2, 16);
            let r = date + Duration::days(days);
            let (status, before, resolved) = if date < d(5, 10) && rng.chance(0.1) {
                ("已移交", "未化解", None)
            } else if r <= as_of() - Duration::days(2) && rng.chance(0.85) {
                (
                    "已化解",
                    if rng.chance(0.5) {
                        "未化解"
                    } else {
                        "化解中"
                    },
                    Some(r),
                )
            } else if date >= d(5, 17) {
                (
                    if rng.chance(0.5) {
                        "化解中"
                    } else {
                        "未化解"
                    },
                    "未化解",
                    None,
                )
            } else {
                (
                    "已化解",
                    "化解中",
                    Some(date + Duration::days(rng.range(2, 9))),
                )
            };
            list.push(Dispute {
                date,
                parties,
                ty: ty.to_string(),
                summary: summary.to_string(),
                status,
                before,
                resolved,
                owner: rng.pick(&u.cadres).clone(),
                rep: rng.chance(0.3),
                zero: false,
            });
        }
    }
    if list.is_empty() {
        // Every village had at least one dispute in ten weeks; a ledger of only zero reports looks fake.
        list.push(Dispute {
            date: monday(3) + Duration::days(1),
            parties: format!("{}与{}", person(rng, &local), person(rng, &local)),
            ty: "邻里".into(),
            summary: DISPUTE_TYPES[0].1.into(),
            status: "已化解",
            before: "化解中",
            resolved: Some(monday(3) + Duration::days(4)),
            owner: u.cadres[1].clone(),
            rep: true,
            zero: false,
        });
    }
    // Planted disputes (documented in the planted table).
    let mk =
        |date, ty: &str, summary: &str, status, before, resolved, owner: &str, parties: &str| {
            Dispute {
                date,
                parties: parties.to_string(),
                ty: ty.to_string(),
                summary: summary.to_string(),
                status,
                before,
                resolved,
                owner: owner.to_string(),
                rep: false,
                zero: false,
            }
        };
    let owner = u.cadres[0].clone();
    match u.name {
        "前河村" => list.push(mk(
            d(4, 20),
            "山林土地承包",
            "两户因承包山场边界及林木归属争执，多次调解未果",
            "化解中",
            "未化解",
            None,
            &owner,
            "何长海与胡德明",
        )),
        "杨庄村" => list.push(mk(
            d(5, 25),
            "邻里",
            "邻居院墙加高影响采光",
            "已化解",
            "化解中",
            None,
            &owner,
            "杨广田与郭秀兰",
        )),
        "后河村" => list.push(mk(
            d(5, 27),
            "损害赔偿",
            "三轮车倒车刮坏邻居院门",
            "已化解",
            "化解中",
            Some(d(5, 7)),
            &owner,
            "高守义与徐凤英",
        )),
        "南坡村" => list.push(mk(
            d(5, 24),
            "婚姻家庭",
            "儿媳与婆婆因照看孩子发生矛盾",
            "已化解",
            "未化解",
            Some(d(6, 4)),
            &owner,
            "陈玉梅与赵桂英",
        )),
        _ => {}
    }
    // Zero reports for every screened week without a dispute.
    for w in 1..=WEEKS {
        if u.name == WEAK && WEAK_UNSCREENED.contains(&w) {
            continue;
        }
        if !list.iter().any(|x| week_of(x.date) == w) {
            let (ty, summary) = if u.name == "西庄村" || u.name == "后河村" {
                ("/", "本周排查，未发现矛盾纠纷")
            } else {
                ("无", "本周无矛盾纠纷")
            };
            list.push(Dispute {
                date: monday(w) + Duration::days(3),
                parties: "无".to_string(),
                ty: ty.to_string(),
                summary: summary.to_string(),
                status: "",
                before: "",
                resolved: None,
                owner: u.liaison.clone(),
                rep: false,
                zero: true,
            });
        }
    }
    list.sort_by(|a, b| (a.date, &a.parties).cmp(&(b.date, &b.parties)));
    u.disputes = list;
}

fn simulate_activities(u: &mut Unit, rng: &mut Rng) {
    let a = &mut u.activities;
    if u.kind == UKind::TownUnit {
        a.push(Activity {
            date: d(4, 12),
            ty: "其他",
            people: rng.range(20, 60) as u32,
            content: "电子显示屏更新“双提升”宣传标语".into(),
        });
        if u.name == "镇卫生院" {
            a.push(Activity {
                date: d(6, 2),
                ty: "专题部署会",
                people: 46,
                content: "传达民意调查问卷内容，引导职工配合民意调查".into(),
            });
        }
        a.push(Activity {
            date: d(5, 20),
            ty: "座谈宣讲",
            people: rng.range(15, 40) as u32,
            content: "扫黑除恶专项斗争政策宣讲".into(),
        });
        return;
    }
    if u.name != "后河村" {
        a.push(Activity {
            date: d(4, 6) + Duration::days(rng.range(0, 2)),
            ty: "动员部署会",
            people: rng.range(18, 42) as u32,
            content: "传达区、镇“双提升”动员会议精神，明确一把手、分管负责人和联络员".into(),
        });
    }
    for w in 1..=WEEKS {
        if u.name == WEAK && WEAK_NO_SPEAKER.contains(&w) {
            continue;
        }
        let times = if rng.chance(0.3) { 2 } else { 1 };
        for t in 0..times {
            a.push(Activity {
                date: monday(w) + Duration::days(1 + 2 * t),
                ty: "大喇叭宣传",
                people: 0,
                content: "村村响大喇叭播放平安建设、综治中心和扫黑除恶宣传内容".into(),
            });
        }
        if rng.chance(0.15) {
            a.push(Activity {
                date: monday(w) + Duration::days(4),
                ty: if rng.chance(0.5) {
                    "座谈宣讲"
                } else {
                    "宣传车"
                },
                people: rng.range(12, 35) as u32,
                content: "结合“雪亮工程”开展平安建设座谈宣讲".into(),
            });
        }
    }
    a.sort_by_key(|x| x.date);
}

fn simulate_slogans(u: &mut Unit, rng: &mut Rng) {
    let places = if u.kind == UKind::Community {
        [
            "社区服务中心门口",
            "水泉广场",
            "农贸市场入口",
            "小区主干道",
            "社区卫生站外墙",
        ]
    } else {
        [
            "村委会门口",
            "文化广场",
            "主干道路口",
            "卫生室外墙",
            "小学门口",
        ]
    };
    let idx = TOWN.iter().position(|t| t.0 == u.name).unwrap();
    if u.kind == UKind::TownUnit {
        let n = if u.name == "镇卫生院" { 1 } else { 2 };
        for k in 0..n {
            u.slogans.push(Slogan {
                text: SLOGANS[(idx + k) % 6].into(),
                form: "电子显示屏",
                place: "大门口电子显示屏",
                date: d(4, 12),
                status: "在挂",
            });
        }
        if u.name == "镇卫生院" {
            u.slogans.push(Slogan {
                text: SLOGANS[4].into(),
                form: "横幅",
                place: "门诊楼前",
                date: d(4, 13),
                status: "在挂",
            });
        }
        return;
    }
    let n = match u.name {
        WEAK => 2,
        "水泉社区" => 4,
        _ => 3 + rng.below(2),
    };
    for k in 0..n {
        u.slogans.push(Slogan {
            text: SLOGANS[(idx + k) % 6].into(),
            form: if k % 2 == 0 { "横幅" } else { "墙体" },
            place: places[k % places.len()],
            date: d(4, 9) + Duration::days(rng.range(0, 8)),
            status: "在挂",
        });
    }
    match u.name {
        "北岭村" => {
            // Planted: one character wrong (厉 → 历).
            u.slogans[1].text = "严历打击盗窃犯罪  保护群众财产安全".into();
        }
        "前河村" => u.slogans.push(Slogan {
            text: "平安连着你我他  幸福和谐靠大家".into(),
            form: "横幅",
            place: "前河大桥头",
            date: d(4, 15),
            status: "在挂",
        }),
        "杨庄村" => {
            // Accepted: punctuation instead of the double space.
            u.slogans[0].text = u.slogans[0].text.replace("  ", "，");
        }
        "水泉社区" => u.slogans[3].status = "已撤",
        _ => {}
    }
}

fn simulate_reports(u: &mut Unit, rng: &mut Rng) {
    for w in 1..=WEEKS {
        let missing = (u.name == WEAK && (w == 3 || w == 7)) || (u.name == "后河村" && w == 8);
        if missing {
            continue;
        }
        let lo = monday(w);
        let hi = lo + Duration::days(6);
        let in_week = |x: NaiveDate| x >= lo && x <= hi;
        let mut hhs: Vec<usize> = u
            .visits
            .iter()
            .filter(|v| in_week(v.date))
            .map(|v| v.hh)
            .collect();
        hhs.sort();
        hhs.dedup();
        let visits = hhs.len() as u32;
        let q = u
            .visits
            .iter()
            .filter(|v| in_week(v.date) && v.questionnaire)
            .count();
        let l = u
            .visits
            .iter()
            .filter(|v| in_week(v.date) && v.letter)
            .count();
        let new_disputes = u
            .disputes
            .iter()
            .filter(|x| !x.zero && in_week(x.date))
            .count() as u32;
        let resolved = u.disputes.iter().filter(|x| x.resolved_in(lo, hi)).count() as u32;
        let loudspeaker = u
            .activities
            .iter()
            .filter(|a| a.ty == "大喇叭宣传" && in_week(a.date))
            .count() as u32;
        let text = if w == 1 {
            format!("召开“双提升”动员部署会，明确一把手、分管负责人和联络员；大喇叭宣传{loudspeaker}次。")
        } else {
            format!(
                "入户走访群众{visits}户，发放问卷{q}份、公开信{l}封；排查矛盾纠纷{new_disputes}起，化解{resolved}起；大喇叭宣传{loudspeaker}次。"
            )
        };
        let friday = lo + Duration::days(4);
        let submitted = if rng.chance(0.4) {
            at(
                friday - Duration::days(1),
                rng.range(14, 17) as u32,
                rng.range(0, 59) as u32,
            )
        } else {
            at(friday, rng.range(8, 16) as u32, rng.range(0, 59) as u32)
        };
        let submitted = match (u.name, w) {
            ("前河村", 4) => at(d(4, 30), 18, 10),
            ("后河村", 6) => at(d(5, 17), 9, 20),
            ("北岭村", 5) => at(d(5, 7), 17, 30),
            _ => submitted,
        };
        u.reports.push(Report {
            week: w,
            submitted,
            text,
            visits,
            new_disputes,
            resolved,
            loudspeaker,
        });
    }
}

// ---------------------------------------------------------------------------------------------------
// Writing cells
// ---------------------------------------------------------------------------------------------------

#[derive(Clone)]
enum V {
    E,
    S(String),
    N(f64),
    /// A real date cell, `yyyy-mm-dd`.
    D(NaiveDate),
    /// A real date cell, `yyyy"年"m"月"d"日"`.
    Dc(NaiveDate),
    /// A real date-time cell, `yyyy-mm-dd hh:mm`.
    T(NaiveDateTime),
}

fn s(x: impl Into<String>) -> V {
    V::S(x.into())
}

impl V {
    /// How the verifier shows the cell (and the planted table's `value` column).
    fn show(&self) -> String {
        match self {
            V::E => String::new(),
            V::S(x) => x.clone(),
            V::N(n) => fmt_num(*n),
            V::D(x) | V::Dc(x) => x.format("%Y-%m-%d").to_string(),
            V::T(x) => x.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// How a village writes dates.
#[derive(Clone, Copy)]
enum DS {
    Cell,
    CellCn,
    /// Text `2021.5.3`.
    Dotted,
    /// Text `2021年5月3日`.
    Cn,
    /// Text `5月3日`.
    Md,
}

fn dv(ds: DS, x: NaiveDate) -> V {
    match ds {
        DS::Cell => V::D(x),
        DS::CellCn => V::Dc(x),
        DS::Dotted => s(format!("{}.{}.{}", x.year(), x.month(), x.day())),
        DS::Cn => s(format!("{}年{}月{}日", x.year(), x.month(), x.day())),
        DS::Md => s(format!("{}月{}日", x.month(), x.day())),
    }
}

fn yn(check: bool, b: bool) -> V {
    s(match (check, b) {
        (true, true) => "√",
        (true, false) => "×",
        (false, true) => "是",
        (false, false) => "否",
    })
}

fn col_letters(mut c: u16) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

fn a1(row: u32, col: u16) -> String {
    format!("{}{}", col_letters(col), row + 1)
}

fn border() -> Format {
    Format::new()
        .set_border(FormatBorder::Thin)
        .set_font_name("宋体")
        .set_font_size(11)
}

/// One sheet being written: rows go down from the top, title rows first.
struct Tbl {
    ws: Worksheet,
    name: String,
    row: u32,
    ncols: u16,
    header_row: u32,
}

impl Tbl {
    fn new(name: &str, ncols: u16) -> Tbl {
        let mut ws = Worksheet::new();
        ws.set_name(name).unwrap();
        Tbl {
            ws,
            name: name.to_string(),
            row: 0,
            ncols,
            header_row: 0,
        }
    }

    /// A title merged across the table's width.
    fn title(&mut self, text: &str) {
        let f = Format::new()
            .set_bold()
            .set_font_size(16)
            .set_font_name("黑体")
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        self.ws
            .merge_range(self.row, 0, self.row, self.ncols - 1, text, &f)
            .unwrap();
        self.ws.set_row_height(self.row, 30).unwrap();
        self.row += 1;
    }

    /// A notes line (填报单位、填报人 …) merged across the width, left aligned.
    fn note(&mut self, text: &str) {
        let f = Format::new()
            .set_font_name("宋体")
            .set_align(FormatAlign::Left);
        self.ws
            .merge_range(self.row, 0, self.row, self.ncols - 1, text, &f)
            .unwrap();
        self.row += 1;
    }

    fn blank(&mut self) {
        self.row += 1;
    }

    fn hfmt() -> Format {
        border()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color("#D9D9D9")
    }

    fn header(&mut self, cols: &[String]) -> u32 {
        assert_eq!(cols.len(), self.ncols as usize, "{}", self.name);
        let f = Self::hfmt();
        for (c, h) in cols.iter().enumerate() {
            self.ws
                .write_string_with_format(self.row, c as u16, h, &f)
                .unwrap();
            let w = h.lines().map(|l| l.chars().count()).max().unwrap_or(2) as f64 * 2.2 + 2.0;
            self.ws
                .set_column_width(c as u16, w.clamp(8.0, 40.0))
                .unwrap();
        }
        if cols.iter().any(|h| h.contains('\n')) {
            self.ws.set_row_height(self.row, 32).unwrap();
        }
        self.header_row = self.row;
        self.row += 1;
        self.row - 1
    }

    /// A two-row grouped header: columns are (top, bottom); top == bottom spans both rows, equal tops
    /// of neighbouring columns merge into one parent cell.
    fn header2(&mut self, cols: &[(&str, &str)]) -> u32 {
        let f = Self::hfmt();
        let r = self.row;
        let mut c = 0;
        while c < cols.len() {
            let (top, bottom) = cols[c];
            if top == bottom {
                self.ws
                    .merge_range(r, c as u16, r + 1, c as u16, top, &f)
                    .unwrap();
                c += 1;
                continue;
            }
            let mut end = c;
            while end + 1 < cols.len()
                && cols[end + 1].0 == top
                && cols[end + 1].0 != cols[end + 1].1
            {
                end += 1;
            }
            if end > c {
                self.ws
                    .merge_range(r, c as u16, r, end as u16, top, &f)
                    .unwrap();
            } else {
                self.ws
                    .write_string_with_format(r, c as u16, top, &f)
                    .unwrap();
            }
            for (k, col) in cols.iter().enumerate().take(end + 1).skip(c) {
                self.ws
                    .write_string_with_format(r + 1, k as u16, col.1, &f)
                    .unwrap();
            }
            c = end + 1;
        }
        for (k, (_, b)) in cols.iter().enumerate() {
            self.ws
                .set_column_width(
                    k as u16,
                    (b.chars().count() as f64 * 2.2 + 2.0).clamp(8.0, 40.0),
                )
                .unwrap();
        }
        self.header_row = r + 1;
        self.row += 2;
        r + 1
    }

    fn data(&mut self, vals: &[V]) -> u32 {
        let r = self.row;
        let b = border();
        let fd = border().set_num_format("yyyy-mm-dd");
        let fdc = border().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
        let ft = border().set_num_format("yyyy-mm-dd hh:mm");
        for (c, v) in vals.iter().enumerate() {
            let c = c as u16;
            match v {
                V::E => {
                    self.ws.write_blank(r, c, &b).unwrap();
                }
                V::S(x) => {
                    self.ws.write_string_with_format(r, c, x, &b).unwrap();
                }
                V::N(n) => {
                    self.ws.write_number_with_format(r, c, *n, &b).unwrap();
                }
                V::D(x) => {
                    self.ws.write_datetime_with_format(r, c, x, &fd).unwrap();
                }
                V::Dc(x) => {
                    self.ws.write_datetime_with_format(r, c, x, &fdc).unwrap();
                }
                V::T(x) => {
                    self.ws.write_datetime_with_format(r, c, x, &ft).unwrap();
                }
            }
        }
        self.row += 1;
        r
    }

    fn width(&mut self, col: u16, w: f64) {
        self.ws.set_column_width(col, w).unwrap();
    }
}

// ---------------------------------------------------------------------------------------------------
// Files, planted mistakes, conversions
// ---------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Out {
    Xlsx,
    Xls,
    Ods,
}

struct Planted {
    file: String,
    sheet: String,
    cell: String,
    value: String,
    ty: &'static str,
    expected: String,
}

struct FileInfo {
    path: String,
    what: String,
    unit: String,
    weeks: String,
    note: String,
}

struct Ctx {
    inbox: PathBuf,
    stage: PathBuf,
    planted: Vec<Planted>,
    files: Vec<FileInfo>,
    conversions: Vec<String>,
}

impl Ctx {
    /// Saves a workbook as `rel` (a path under the inbox, with the final extension). .xls/.ods files are
    /// written as xlsx into the stage folder and listed for LibreOffice to convert.
    fn save(
        &mut self,
        sheets: Vec<Tbl>,
        rel: &str,
        what: &str,
        unit: &str,
        weeks: &str,
        note: &str,
    ) -> Res<()> {
        let mut wb = Workbook::new();
        let props = DocProperties::new()
            .set_author("水泉镇")
            .set_company("水泉镇")
            .set_creation_datetime(&at(d(6, 13), 20, 0));
        wb.set_properties(&props);
        for t in sheets {
            wb.push_worksheet(t.ws);
        }
        let out = match rel.rsplit('.').next() {
            Some("xls") => Out::Xls,
            Some("ods") => Out::Ods,
            _ => Out::Xlsx,
        };
        let path = self.inbox.join(rel);
        let dir = path.parent().unwrap().to_path_buf();
        fs::create_dir_all(&dir)?;
        if out == Out::Xlsx {
            wb.save(&path)?;
        } else {
            let stem = Path::new(rel)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let sub = self.stage.join(self.conversions.len().to_string());
            fs::create_dir_all(&sub)?;
            let staged = sub.join(format!("{stem}.xlsx"));
            wb.save(&staged)?;
            let ext = if out == Out::Xls { "xls" } else { "ods" };
            self.conversions
                .push(format!("{ext}\t{}\t{}", staged.display(), dir.display()));
        }
        self.files.push(FileInfo {
            path: rel.to_string(),
            what: what.into(),
            unit: unit.into(),
            weeks: weeks.into(),
            note: note.into(),
        });
        Ok(())
    }

    fn plant(
        &mut self,
        file: &str,
        sheet: &str,
        cell: &str,
        value: &V,
        ty: &'static str,
        expected: &str,
    ) {
        self.planted.push(Planted {
            file: file.into(),
            sheet: sheet.into(),
            cell: cell.into(),
            value: value.show(),
            ty,
            expected: expected.into(),
        });
    }

    /// A finding that belongs to a whole sheet or unit rather than one cell.
    fn finding(&mut self, file: &str, sheet: &str, ty: &'static str, expected: &str) {
        self.planted.push(Planted {
            file: file.into(),
            sheet: sheet.into(),
            cell: "—".into(),
            value: String::new(),
            ty,
            expected: expected.into(),
        });
    }

    fn other(&mut self, rel: &str, bytes: &[u8], what: &str, note: &str) -> Res<()> {
        let path = self.inbox.join(rel);
        fs::create_dir_all(path.parent().unwrap())?;
        fs::write(path, bytes)?;
        self.files.push(FileInfo {
            path: rel.into(),
            what: what.into(),
            unit: "—".into(),
            weeks: "—".into(),
            note: note.into(),
        });
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------------
// Ledger writers. Each takes the columns a village uses as (header, field) pairs so header wording
// and order vary per file while the data stays the simulation's.
// ---------------------------------------------------------------------------------------------------

fn headers<F>(cols: &[(&str, F)]) -> Vec<String> {
    cols.iter().map(|(h, _)| h.to_string()).collect()
}

#[derive(Clone, Copy, PartialEq)]
enum LF {
    Unit,
    Head,
    Title,
    Deputy,
    Liaison,
    Phone,
    Date,
}

struct LiaisonOpts<'a> {
    unit_text: &'a str,
    deputy: &'a str,
    phone: &'a str,
    date: V,
}

fn liaison_sheet(t: &mut Tbl, u: &Unit, cols: &[(&str, LF)], o: &LiaisonOpts) -> u32 {
    t.header(&headers(cols));
    let vals: Vec<V> = cols
        .iter()
        .map(|(_, f)| match f {
            LF::Unit => s(o.unit_text),
            LF::Head => s(&u.secretary),
            LF::Title => s(if u.kind == UKind::Community {
                "社区党委书记、居委会主任"
            } else {
                "党支部书记、村委会主任"
            }),
            LF::Deputy => {
                if o.deputy.is_empty() {
                    V::E
                } else {
                    s(o.deputy)
                }
            }
            LF::Liaison => s(&u.liaison),
            LF::Phone => s(o.phone),
            LF::Date => o.date.clone(),
        })
        .collect();
    t.data(&vals)
}

#[derive(Clone, Copy, PartialEq)]
enum WF {
    Unit,
    Time,
    /// 所属周次 written `第N周`.
    WeekZhou,
    /// 所属周次 written `第N期`.
    WeekQi,
    Text,
    Visits,
    New,
    Resolved,
    Speaker,
    /// 报送日期 as a date only.
    DateOnly,
}

fn report_row(u: &Unit, r: &Report, cols: &[(&str, WF)]) -> Vec<V> {
    cols.iter()
        .map(|(_, f)| match f {
            WF::Unit => s(u.name),
            WF::Time => V::T(r.submitted),
            WF::DateOnly => V::D(r.submitted.date()),
            WF::WeekZhou => s(format!("第{}周", r.week)),
            WF::WeekQi => s(format!("第{}期", r.week)),
            WF::Text => s(&r.text),
            WF::Visits => V::N(r.visits as f64),
            WF::New => V::N(r.new_disputes as f64),
            WF::Resolved => V::N(r.resolved as f64),
            WF::Speaker => V::N(r.loudspeaker as f64),
        })
        .collect()
}

fn report_sheet(t: &mut Tbl, u: &Unit, cols: &[(&str, WF)], reports: &[&Report]) -> Vec<u32> {
    t.header(&headers(cols));
    if let Some(i) = cols.iter().position(|c| c.1 == WF::Text) {
        t.width(i as u16, 60.0);
    }
    if let Some(i) = cols.iter().position(|c| c.1 == WF::Time) {
        t.width(i as u16, 18.0);
    }
    reports
        .iter()
        .map(|r| t.data(&report_row(u, r, cols)))
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum VF {
    Seq,
    Unit,
    Group,
    Name,
    Date,
    Method,
    Q,
    L,
    Visitor,
}

struct VisitOpts {
    ds: DS,
    check: bool,
}

fn visit_sheet(
    t: &mut Tbl,
    u: &Unit,
    cols: &[(&str, VF)],
    visits: &[Visit],
    o: &VisitOpts,
) -> Vec<u32> {
    t.header(&headers(cols));
    let mut rows = Vec::new();
    for (i, v) in visits.iter().enumerate() {
        let hh = &u.households[v.hh];
        let vals: Vec<V> = cols
            .iter()
            .map(|(_, f)| match f {
                VF::Seq => V::N(i as f64 + 1.0),
                VF::Unit => s(u.name),
                VF::Group => s(&hh.group),
                VF::Name => s(&hh.name),
                VF::Date => dv(o.ds, v.date),
                VF::Method => s(if v.in_person { "入户" } else { "电话" }),
                VF::Q => yn(o.check, v.questionnaire),
                VF::L => yn(o.check, v.letter),
                VF::Visitor => s(&v.visitor),
            })
            .collect();
        rows.push(t.data(&vals));
    }
    rows
}

#[derive(Clone, Copy, PartialEq)]
enum DF {
    Seq,
    Unit,
    Date,
    Parties,
    Type,
    Summary,
    Status,
    Resolved,
    Owner,
    Rep,
}

/// Writes the rows (header already written); returns each dispute's row.
fn dispute_rows(
    t: &mut Tbl,
    u: &Unit,
    cols: &[DF],
    list: &[Dispute],
    ds: DS,
    day: NaiveDate,
) -> Vec<u32> {
    let mut rows = Vec::new();
    for (i, x) in list.iter().enumerate() {
        let (status, resolved) = x.as_of(day);
        let vals: Vec<V> = cols
            .iter()
            .map(|f| match f {
                DF::Seq => V::N(i as f64 + 1.0),
                DF::Unit => s(u.name),
                DF::Date => dv(ds, x.date),
                DF::Parties => s(&x.parties),
                DF::Type => s(&x.ty),
                DF::Summary => s(&x.summary),
                DF::Status => {
                    if status.is_empty() {
                        V::E
                    } else {
                        s(status)
                    }
                }
                DF::Resolved => resolved.map(|r| dv(ds, r)).unwrap_or(V::E),
                DF::Owner => s(&x.owner),
                DF::Rep => {
                    if x.zero {
                        V::E
                    } else {
                        yn(false, x.rep)
                    }
                }
            })
            .collect();
        rows.push(t.data(&vals));
    }
    t.width(
        cols.iter().position(|c| *c == DF::Summary).unwrap() as u16,
        40.0,
    );
    rows
}

#[derive(Clone, Copy, PartialEq)]
enum SF {
    Unit,
    Text,
    Form,
    Place,
    Date,
    Status,
}

fn slogan_sheet(t: &mut Tbl, u: &Unit, cols: &[(&str, SF)], ds: DS, unit_text: &str) -> Vec<u32> {
    t.header(&headers(cols));
    let mut rows = Vec::new();
    for x in &u.slogans {
        let vals: Vec<V> = cols
            .iter()
            .map(|(_, f)| match f {
                SF::Unit => s(unit_text),
                SF::Text => s(&x.text),
                SF::Form => s(x.form),
                SF::Place => s(x.place),
                SF::Date => dv(ds, x.date),
                SF::Status => s(x.status),
            })
            .collect();
        rows.push(t.data(&vals));
    }
    if let Some(i) = cols.iter().position(|c| c.1 == SF::Text) {
        t.width(i as u16, 52.0);
    }
    rows
}

#[derive(Clone, Copy, PartialEq)]
enum AF {
    Unit,
    Date,
    Type,
    People,
    Content,
}

fn activity_sheet(t: &mut Tbl, u: &Unit, cols: &[(&str, AF)], ds: DS) -> Vec<u32> {
    t.header(&headers(cols));
    let mut rows = Vec::new();
    for x in &u.activities {
        let vals: Vec<V> = cols
            .iter()
            .map(|(_, f)| match f {
                AF::Unit => s(u.name),
                AF::Date => dv(ds, x.date),
                AF::Type => s(x.ty),
                AF::People => {
                    if x.people == 0 {
                        V::E
                    } else {
                        V::N(x.people as f64)
                    }
                }
                AF::Content => s(&x.content),
            })
            .collect();
        rows.push(t.data(&vals));
    }
    if let Some(i) = cols.iter().position(|c| c.1 == AF::Content) {
        t.width(i as u16, 48.0);
    }
    rows
}

// ---------------------------------------------------------------------------------------------------
// Survey answers
// ---------------------------------------------------------------------------------------------------

struct Response {
    date: NaiveDate,
    gender: &'static str,
    age: &'static str,
    /// Option index per question.
    answers: [usize; 14],
    advice: &'static str,
}

fn responses(unit: &str, n: usize, positivity: f64, security: f64) -> Vec<Response> {
    let mut rng = Rng::new(&format!("{unit}-survey"));
    let advice = [
        "",
        "",
        "",
        "希望多开展法治宣传",
        "路灯坏了希望尽快修",
        "建议晚上多巡逻",
        "",
        "希望综治中心多下乡",
    ];
    (0..n)
        .map(|_| {
            let mut answers = [0usize; 14];
            for (i, q) in QUESTIONS.iter().enumerate() {
                let p = if i == 5 { security } else { positivity };
                answers[i] = if i == 8 {
                    *rng.pick(&[4, 4, 1, 3, 0, 2, 4, 1])
                } else if rng.chance(p) {
                    *rng.pick(q.positive)
                } else {
                    let others: Vec<usize> = (0..q.options.len())
                        .filter(|o| !q.positive.contains(o))
                        .collect();
                    *rng.pick(&others)
                };
            }
            Response {
                date: d(5, 24) + Duration::days(rng.range(0, 17)),
                gender: if rng.chance(0.5) { "男" } else { "女" },
                age: AGE_GROUPS[1 + rng.below(5)],
                answers,
                advice: advice[rng.below(advice.len())],
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------
// The inbox
// ---------------------------------------------------------------------------------------------------

fn unit<'a>(units: &'a [Unit], name: &str) -> &'a Unit {
    units.iter().find(|u| u.name == name).unwrap()
}

fn std_reports(u: &Unit) -> Vec<&Report> {
    u.reports.iter().collect()
}

const LIAISON_STD: [(&str, LF); 7] = [
    ("村居", LF::Unit),
    ("一把手", LF::Head),
    ("一把手职务", LF::Title),
    ("分管负责人", LF::Deputy),
    ("联络员", LF::Liaison),
    ("联系电话", LF::Phone),
    ("报送日期", LF::Date),
];

const VISIT_STD: [(&str, VF); 8] = [
    ("村居", VF::Unit),
    ("村民小组/网格", VF::Group),
    ("户主姓名", VF::Name),
    ("走访日期", VF::Date),
    ("走访方式", VF::Method),
    ("发放问卷", VF::Q),
    ("送达公开信", VF::L),
    ("走访人", VF::Visitor),
];

const DISPUTE_STD: [(&str, DF); 10] = [
    ("序号", DF::Seq),
    ("村居", DF::Unit),
    ("排查日期", DF::Date),
    ("当事人", DF::Parties),
    ("纠纷类型", DF::Type),
    ("简要情况", DF::Summary),
    ("化解状态", DF::Status),
    ("化解日期", DF::Resolved),
    ("责任人", DF::Owner),
    ("群众代表参与", DF::Rep),
];

const SLOGAN_STD: [(&str, SF); 6] = [
    ("村居", SF::Unit),
    ("标语内容", SF::Text),
    ("形式", SF::Form),
    ("位置", SF::Place),
    ("悬挂日期", SF::Date),
    ("状态", SF::Status),
];

const ACTIVITY_STD: [(&str, AF); 5] = [
    ("村居", AF::Unit),
    ("日期", AF::Date),
    ("活动类型", AF::Type),
    ("参加人数", AF::People),
    ("内容", AF::Content),
];

const REPORT_STD: [(&str, WF); 8] = [
    ("村居", WF::Unit),
    ("报送时间", WF::Time),
    ("所属周次", WF::WeekZhou),
    ("本周工作开展情况", WF::Text),
    ("走访户数", WF::Visits),
    ("排查纠纷数", WF::New),
    ("化解纠纷数", WF::Resolved),
    ("大喇叭宣传次数", WF::Speaker),
];

fn col_of<F: PartialEq + Copy>(cols: &[(&str, F)], f: F) -> u16 {
    cols.iter().position(|c| c.1 == f).unwrap() as u16
}

fn dcol(cols: &[DF], f: DF) -> u16 {
    cols.iter().position(|c| *c == f).unwrap() as u16
}

fn title_for(u: &Unit, what: &str) -> String {
    format!("{}“双提升”{what}", u.name)
}

fn write_inbox(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    write_office(ctx, units)?;
    write_liaisons(ctx, units)?;
    write_reports(ctx, units)?;
    write_visits(ctx, units)?;
    write_disputes(ctx, units)?;
    write_slogans_activities(ctx, units)?;
    write_shiqiao(ctx, units)?;
    write_community(ctx, units)?;
    write_town_units(ctx, units)?;
    write_surveys(ctx)?;
    let readme = "各村（社区）报来的“双提升”台账，原样存放，请勿修改。\r\n第10周文件夹为6月7日后补报的材料。\r\n";
    ctx.other(
        "说明.txt",
        readme.as_bytes(),
        "办公室的文字说明（不是表格）",
        "应跳过并列入数据来源（skipped）",
    )?;
    ctx.other(
        "~$东庄村周报.xlsx",
        b"\x08\x00\xe5\xbc\xa0\xe4\xb8\x89\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
        "Excel 锁文件（打开东庄村周报时留下的）",
        "应跳过并列入数据来源（skipped）",
    )?;
    ctx.finding(
        "说明.txt",
        "—",
        "ok",
        "不是表格：跳过，列入数据来源（status skipped）",
    );
    ctx.finding(
        "~$东庄村周报.xlsx",
        "—",
        "ok",
        "Excel 锁文件：跳过，列入数据来源（status skipped）",
    );
    Ok(())
}

/// 督查日期, 村居, 督查方式, 发现问题, 整改要求, 整改期限, 整改状态
type Inspection = (
    NaiveDate,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<NaiveDate>,
    &'static str,
);

fn write_office(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    // 村居名册
    let mut t = Tbl::new("村居名册", 6);
    t.title("水泉镇村（社区）及镇直单位名册");
    t.header(&["名称", "类别", "户数", "网格数", "人口", "别名"].map(String::from));
    for u in units {
        let (hh, grids, pop) = if u.kind == UKind::TownUnit {
            (V::E, V::E, V::E)
        } else {
            (
                V::N(u.households.len() as f64),
                V::N(u.grids as f64),
                V::N(u.population as f64),
            )
        };
        t.data(&[s(u.name), s(u.kind.zh()), hh, grids, pop, s(u.alias)]);
    }
    ctx.save(
        vec![t],
        "办公室/村居名册.xlsx",
        "村居名册",
        "全镇",
        "—",
        "办公室维护；户数是走访覆盖率的分母",
    )?;

    // 进网格干警名单
    let file = "办公室/进网格干警名单.xlsx";
    let cols = [
        "姓名",
        "所属单位",
        "进驻村居",
        "网格",
        "报到日期",
        "网格长",
        "网格员",
        "联系电话",
    ];
    let mut t = Tbl::new("干警名单", 8);
    t.title("水泉镇“政法干警进网格”干警名单");
    t.header(&cols.map(String::from));
    let mut rng = Rng::new("officers");
    let bodies = ["法院", "检察院", "公安", "司法"];
    let mut k = 0;
    for u in units.iter().filter(|u| u.kind != UKind::TownUnit) {
        for g in 0..u.grids {
            if u.name == WEAK && g == 1 {
                continue;
            }
            let n = if rng.chance(0.15) { 2 } else { 1 };
            for _ in 0..n {
                t.data(&[
                    s(person(&mut rng, "")),
                    s(bodies[k % 4]),
                    s(u.name),
                    s(u.grid_name(g)),
                    V::D(d(4, 9) + Duration::days(rng.range(0, 6))),
                    s(person(&mut rng, "")),
                    s(person(&mut rng, "")),
                    s(mobile(&mut rng)),
                ]);
                k += 1;
            }
        }
    }
    let weak = unit(units, WEAK);
    ctx.save(
        vec![t],
        file,
        "进网格干警名单",
        "全镇",
        "4月报到",
        "办公室维护",
    )?;
    ctx.finding(
        file,
        "干警名单",
        "rule",
        &format!(
            "R9：{WEAK}{} 没有干警报到（该村共 {} 个网格）",
            weak.grid_name(1),
            weak.grids
        ),
    );

    // 督查记录
    let file = "办公室/督查记录.xlsx";
    let sheet = "督查记录";
    let mut t = Tbl::new(sheet, 8);
    t.title("水泉镇“双提升”工作督查记录");
    t.header(
        &[
            "督查日期",
            "村居",
            "督查方式",
            "发现问题",
            "整改要求",
            "整改期限",
            "整改状态",
            "督查人",
        ]
        .map(String::from),
    );
    let rows: Vec<Inspection> = vec![
        (
            d(4, 14),
            "东庄村",
            "上门查看",
            "标语悬挂到位，台账规范",
            "",
            None,
            "",
        ),
        (
            d(4, 14),
            "柳沟村",
            "上门查看",
            "联络员名单未明确分管负责人",
            "补充分管负责人并重新报送",
            Some(d(4, 21)),
            "已整改",
        ),
        (
            d(4, 20),
            "后河村",
            "电话抽查",
            "周报内容过于简单",
            "写明走访、排查、宣传数字",
            Some(d(4, 30)),
            "已整改",
        ),
        (
            d(4, 22),
            "北岭村",
            "明察暗访",
            "一条标语有错别字",
            "更换标语",
            Some(d(5, 10)),
            "已整改",
        ),
        (d(4, 27), "前河村", "上门查看", "", "", None, ""),
        (d(4, 28), "西庄村", "电话抽查", "", "", None, ""),
        (
            d(5, 11),
            "杨庄村",
            "上门查看",
            "走访台账缺走访人",
            "补全走访人",
            Some(d(5, 18)),
            "已整改",
        ),
        (
            d(5, 12),
            "南坡村",
            "明察暗访",
            "部分群众不知道综治中心位置",
            "加强公开信送达和讲解",
            Some(d(5, 31)),
            "已整改",
        ),
        (d(5, 18), "水泉社区", "上门查看", "", "", None, ""),
        (
            d(5, 20),
            "柳沟村",
            "明察暗访",
            "走访进度严重滞后，不足三成",
            "6月1日前完成全部走访",
            Some(d(6, 1)),
            "未整改",
        ),
        (d(5, 21), "石桥村", "电话抽查", "", "", None, ""),
        (
            d(5, 26),
            "前河村",
            "电话抽查",
            "一起山林纠纷逾期未化解",
            "明确包案人限期化解",
            Some(d(6, 15)),
            "整改中",
        ),
        (d(6, 2), "东庄村", "电话抽查", "", "", None, ""),
        (
            d(6, 3),
            "镇中心学校",
            "上门查看",
            "电子显示屏标语播放时段过短",
            "全天滚动播放",
            Some(d(6, 15)),
            "整改中",
        ),
        (
            d(6, 8),
            "后河村",
            "明察暗访",
            "周报漏报1期",
            "按时报送周报",
            Some(d(6, 18)),
            "整改中",
        ),
        (d(6, 9), "北岭村", "上门查看", "", "", None, ""),
    ];
    let inspectors = ["于静", "李岩", "高海成"];
    let mut overdue_row = 0;
    for (i, (date, name, how, problem, ask, deadline, status)) in rows.iter().enumerate() {
        let r = t.data(&[
            V::D(*date),
            s(*name),
            s(*how),
            s(*problem),
            s(*ask),
            deadline.map(V::D).unwrap_or(V::E),
            s(*status),
            s(format!(
                "{}、{}",
                inspectors[i % 3],
                inspectors[(i + 1) % 3]
            )),
        ]);
        if *name == WEAK && *status == "未整改" {
            overdue_row = r;
        }
    }
    t.width(3, 34.0);
    t.width(4, 30.0);
    ctx.save(vec![t], file, "督查记录", "全镇", "4–6月", "办公室维护")?;
    // 一月一督导 (plan: supervision_per_month = 1): who was not visited in April / May.
    let unvisited = |m: u32| {
        units
            .iter()
            .filter(|u| u.kind != UKind::TownUnit)
            .filter(|u| !rows.iter().any(|r| r.1 == u.name && r.0.month() == m))
            .map(|u| u.name)
            .collect::<Vec<_>>()
            .join("、")
    };
    let (apr, may) = (unvisited(4), unvisited(5));
    ctx.finding(
        file,
        sheet,
        "rule",
        &format!("一月一督导：4月未督查 {apr}；5月未督查 {may}（月度督导通报中统计）"),
    );
    ctx.plant(
        file,
        sheet,
        &a1(overdue_row, 6),
        &s("未整改"),
        "rule",
        "R11：柳沟村 5月20日 明察暗访发现的问题整改期限 2021-06-01 已过仍“未整改”（逾期未整改，列入调度事项）",
    );
    Ok(())
}

fn write_liaisons(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    for u in units
        .iter()
        .filter(|u| u.kind != UKind::TownUnit && u.name != STRONG && u.kind == UKind::Village)
    {
        let mut rng = Rng::new(&format!("{}-liaison", u.name));
        let date = d(4, 6) + Duration::days(rng.range(0, 1));
        let dashed = format!("{}-{}-{}", &u.phone[..3], &u.phone[3..7], &u.phone[7..]);
        let mut cols: Vec<(&str, LF)> = LIAISON_STD.to_vec();
        let mut o = LiaisonOpts {
            unit_text: u.name,
            deputy: &u.deputy,
            phone: &u.phone,
            date: V::D(date),
        };
        let mut rel = format!("{}联络员名单.xlsx", u.name);
        let mut title = true;
        match u.name {
            "东庄村" => o.unit_text = "东庄村委会",
            "北岭村" => {
                cols = vec![
                    ("村居", LF::Unit),
                    ("党组织书记", LF::Head),
                    ("职务", LF::Title),
                    ("分管同志", LF::Deputy),
                    ("联络员", LF::Liaison),
                    ("手机号码", LF::Phone),
                    ("报送日期", LF::Date),
                ];
                o.phone = "1381234567";
                o.date = dv(DS::Md, date);
            }
            "柳沟村" => o.deputy = "",
            "杨庄村" => cols[0].0 = "村(居)名称",
            "南坡村" => rel = "南坡村联络员名单.xls".into(),
            "前河村" => {
                o.date = dv(DS::Dotted, d(4, 7));
                title = false;
            }
            "后河村" => {
                rel = "第2周/后河村联络员名单.xlsx".into();
                o.date = V::D(d(4, 9));
            }
            _ => {}
        }
        if u.name == "西庄村" {
            o.phone = &dashed;
        }
        let sheet = "联络员名单";
        let mut t = Tbl::new(sheet, cols.len() as u16);
        if title {
            t.title(&title_for(u, "工作联络员名单"));
        }
        let r = liaison_sheet(&mut t, u, &cols, &o);
        let hr = t.header_row;
        let weeks = if u.name == "后河村" {
            "第1期（4月9日补报）"
        } else {
            "第1期"
        };
        ctx.save(vec![t], &rel, "联络员名单", u.name, weeks, "")?;
        match u.name {
            "东庄村" => ctx.plant(
                &rel,
                sheet,
                &a1(r, 0),
                &s("东庄村委会"),
                "ok",
                "“东庄村委会”去掉“村委会”后与名册的东庄村匹配，不报错",
            ),
            "北岭村" => {
                ctx.plant(
                    &rel,
                    sheet,
                    &a1(r, 5),
                    &s("1381234567"),
                    "error",
                    "联系电话 1381234567 只有10位，不是有效的手机或座机号码",
                );
                ctx.plant(
                    &rel,
                    sheet,
                    &a1(r, 6),
                    &o.date,
                    "ok",
                    "文本日期“4月6日”（年份取方案年度 2021）按 2021-04-06 读取，按时",
                );
                ctx.plant(
                    &rel,
                    sheet,
                    &a1(hr, 1),
                    &s("党组织书记"),
                    "ok",
                    "表头别名：党组织书记 = 一把手，分管同志 = 分管负责人，手机号码 = 联系电话",
                );
            }
            "柳沟村" => ctx.plant(
                &rel,
                sheet,
                &a1(r, 3),
                &V::E,
                "error",
                "缺少必填项“分管负责人”（R1）",
            ),
            "杨庄村" => ctx.plant(
                &rel,
                sheet,
                &a1(hr, 0),
                &s("村(居)名称"),
                "ok",
                "表头“村(居)名称”即“村居名称”→ 村居",
            ),
            "前河村" => ctx.plant(
                &rel,
                sheet,
                &a1(r, 6),
                &s("2021.4.7"),
                "ok",
                "文本日期 2021.4.7，4月7日当天报送，按时",
            ),
            "西庄村" => ctx.plant(
                &rel,
                sheet,
                &a1(r, 5),
                &s(dashed.clone()),
                "ok",
                "带短横线的手机号，去掉“-”后有效",
            ),
            "后河村" => ctx.plant(
                &rel,
                sheet,
                &a1(r, 6),
                &V::D(d(4, 9)),
                "rule",
                "联络员名单 4月9日才报送，晚于 4月7日 的期限（R1 迟报）",
            ),
            _ => {}
        }
    }
    Ok(())
}

fn write_reports(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    for u in units
        .iter()
        .filter(|u| u.kind == UKind::Village && u.name != STRONG)
    {
        let sheet = "周报";
        if u.name == "杨庄村" {
            // One file per week, 所属周次 written 第N期.
            let cols: Vec<(&str, WF)> = vec![
                ("填报单位", WF::Unit),
                ("上报时间", WF::Time),
                ("期数", WF::WeekQi),
                ("工作开展情况", WF::Text),
                ("本周走访户数", WF::Visits),
                ("排查矛盾纠纷数", WF::New),
                ("化解矛盾纠纷数", WF::Resolved),
                ("大喇叭次数", WF::Speaker),
            ];
            for r in &u.reports {
                let mut t = Tbl::new(sheet, cols.len() as u16);
                t.title(&format!("杨庄村“双提升”工作周报（第{}期）", r.week));
                report_sheet(&mut t, u, &cols, &[r]);
                let rel = if r.week == WEEKS {
                    format!("第10周/杨庄村周报（第{}期）.xlsx", r.week)
                } else {
                    format!("杨庄村周报/杨庄村周报（第{}期）.xlsx", r.week)
                };
                ctx.save(
                    vec![t],
                    &rel,
                    "周报（每期一个文件）",
                    u.name,
                    &format!("第{}期", r.week),
                    "",
                )?;
            }
            continue;
        }
        let mut cols: Vec<(&str, WF)> = REPORT_STD.to_vec();
        let mut rel = format!("{}周报.xlsx", u.name);
        let mut title = false;
        let mut note = "";
        match u.name {
            "东庄村" => {
                title = true;
                note = "累计表，每周一行；旁边有 Excel 锁文件";
            }
            "西庄村" | "前河村" => {
                cols.remove(2); // no 所属周次: the week comes from 报送时间
            }
            "南坡村" => {
                cols[2] = ("所属周次", WF::WeekQi);
                title = true;
            }
            "北岭村" => cols[2] = ("周次", WF::WeekZhou),
            "柳沟村" => {
                cols.remove(2);
                cols.pop();
            }
            "后河村" => rel = "后河村周报.xls".into(),
            _ => {}
        }
        let mut t = Tbl::new(sheet, cols.len() as u16);
        if title {
            t.title(&title_for(u, "工作周报"));
        }
        let rows = report_sheet(&mut t, u, &cols, &std_reports(u));
        let weeks: Vec<u32> = u.reports.iter().map(|r| r.week).collect();
        let cover = format!(
            "第1–10期（缺 {}）",
            (1..=WEEKS)
                .filter(|w| !weeks.contains(w))
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
                .join("、")
        );
        let cover = if weeks.len() == WEEKS as usize {
            "第1–10期".to_string()
        } else {
            cover
        };
        let tc = col_of(&cols, WF::Time);
        let row_of = |w: u32| rows[u.reports.iter().position(|r| r.week == w).unwrap()];
        // The planted report sits in 南坡村, week 6: 40 visits claimed.
        let mut planted_claim = None;
        if u.name == "南坡村" {
            let r = row_of(6);
            let c = col_of(&cols, WF::Visits);
            t.ws.write_number_with_format(r, c, 40.0, &border())?;
            let tc = col_of(&cols, WF::Text);
            let text = &u.reports.iter().find(|r| r.week == 6).unwrap().text;
            t.ws.write_string_with_format(
                r,
                tc,
                text.replace("走访群众12户", "走访群众40户"),
                &border(),
            )?;
            planted_claim = Some(a1(r, c));
        }
        ctx.save(vec![t], &rel, "周报（累计表）", u.name, &cover, note)?;
        let sub = |w: u32| V::T(u.reports.iter().find(|r| r.week == w).unwrap().submitted);
        match u.name {
            "南坡村" => {
                let actual = u.reports.iter().find(|r| r.week == 6).unwrap().visits;
                assert_eq!(actual, 12);
                ctx.plant(
                    &rel,
                    sheet,
                    &planted_claim.unwrap(),
                    &V::N(40.0),
                    "warning",
                    "第6期周报称走访40户，走访台账（南坡村走访台账.xlsx）第6周只有12户，数字不符",
                );
            }
            "前河村" => ctx.plant(
                &rel,
                sheet,
                &a1(row_of(4), tc),
                &sub(4),
                "rule",
                "R3：第4期周报 4月30日（周五）18:10 报送，晚于17:30，迟报（late）",
            ),
            "后河村" => {
                ctx.plant(&rel, sheet, &a1(row_of(6), tc), &sub(6), "rule", "R3：第6期周报（所属周次“第6周”）5月17日（下周一）09:20 才报送，迟报（late，不是缺报）");
                ctx.finding(
                    &rel,
                    sheet,
                    "rule",
                    "R3：第8期（05-24至05-30）没有周报，缺报（missing）",
                );
            }
            "柳沟村" => {
                ctx.finding(
                    &rel,
                    sheet,
                    "rule",
                    "R3：第3期（04-19至04-25）、第7期（05-17至05-23）没有周报，缺报（missing）",
                );
            }
            "北岭村" => ctx.plant(
                &rel,
                sheet,
                &a1(row_of(5), tc),
                &sub(5),
                "ok",
                "第5期周报 5月7日 17:30:00 整报送：按时（on_time，边界）",
            ),
            "西庄村" => ctx.plant(
                &rel,
                sheet,
                &a1(rows[0], 1),
                &sub(1),
                "ok",
                "无“所属周次”列：按报送时间所在周归期",
            ),
            _ => {}
        }
    }
    Ok(())
}

fn write_visits(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    let cut = window() - Duration::days(1);
    for u in units
        .iter()
        .filter(|u| u.kind == UKind::Village && u.name != STRONG)
    {
        let sheet = "走访台账";
        let all: Vec<Visit> = u.visits.clone();
        let mut cols: Vec<(&str, VF)> = VISIT_STD.to_vec();
        let mut o = VisitOpts {
            ds: DS::Cell,
            check: false,
        };
        let mut rel = format!("{}走访台账.xlsx", u.name);
        let visited_pre = {
            let mut h: Vec<usize> = all.iter().filter(|v| v.date <= cut).map(|v| v.hh).collect();
            h.sort();
            h.dedup();
            h.len()
        };
        let cov = visited_pre as f64 / u.households.len() as f64;
        match u.name {
            "东庄村" => {
                cols = vec![
                    ("序号", VF::Seq),
                    ("村居", VF::Unit),
                    ("村民小组", VF::Group),
                    ("户主", VF::Name),
                    ("走访日期", VF::Date),
                    ("走访方式", VF::Method),
                    ("发放问卷", VF::Q),
                    ("送达公开信", VF::L),
                    ("走访人", VF::Visitor),
                ];
                o.ds = DS::CellCn;
            }
            "西庄村" => {
                cols[1].0 = "网格";
                o.check = true;
            }
            "南坡村" => {
                cols = vec![
                    ("序号", VF::Seq),
                    ("村(居)名称", VF::Unit),
                    ("所在网格", VF::Group),
                    ("被走访人", VF::Name),
                    ("走访\n日期", VF::Date),
                    ("走访\n方式", VF::Method),
                    ("发放\n问卷", VF::Q),
                    ("送达\n公开信", VF::L),
                    ("走访干部", VF::Visitor),
                ];
            }
            "北岭村" => {
                cols = vec![
                    ("村居", VF::Unit),
                    ("组别", VF::Group),
                    ("户主姓名", VF::Name),
                    ("走访时间", VF::Date),
                    ("方式", VF::Method),
                    ("是否发放问卷", VF::Q),
                    ("是否送达公开信", VF::L),
                    ("走访人", VF::Visitor),
                ];
            }
            WEAK => {
                cols = vec![
                    ("序号", VF::Seq),
                    ("村居", VF::Unit),
                    ("户主姓名", VF::Name),
                    ("走访日期", VF::Date),
                    ("走访方式", VF::Method),
                    ("问卷", VF::Q),
                    ("公开信", VF::L),
                ];
                rel = "柳沟村走访台账.xls".into();
            }
            "前河村" => {
                cols[1].0 = "村民小组";
                cols[2].0 = "户主";
                o.ds = DS::Dotted;
            }
            "后河村" => o.check = true,
            _ => {}
        }
        let build = |visits: &[Visit]| -> (Tbl, Vec<u32>, u32) {
            let mut t = Tbl::new(sheet, cols.len() as u16);
            if matches!(u.name, "东庄村" | "南坡村" | "杨庄村" | "柳沟村") {
                t.title(&title_for(u, "走访台账"));
            }
            if u.name == "东庄村" {
                t.note(&format!(
                    "填报单位：东庄村（盖章）        填报人：{}        审核人：{}",
                    u.liaison, u.secretary
                ));
                t.blank();
            }
            let rows = visit_sheet(&mut t, u, &cols, visits, &o);
            let hr = t.header_row;
            (t, rows, hr)
        };
        let note = format!(
            "截至6月6日（民调窗口前）走访 {visited_pre}/{} 户（{:.0}%）",
            u.households.len(),
            cov * 100.0
        );
        if u.name == "西庄村" {
            // The resend: first the file as of week 9, then (1) with week 10 added; same rows first.
            let pre: Vec<Visit> = all.iter().filter(|v| v.date <= cut).cloned().collect();
            let (t, _, _) = build(&pre);
            ctx.save(
                vec![t],
                &rel,
                "走访台账（截至第9周）",
                u.name,
                "第2–9周",
                &note,
            )?;
            let rel2 = "西庄村走访台账(1).xlsx";
            let (t, rows, _) = build(&all);
            ctx.save(
                vec![t],
                rel2,
                "走访台账（重发，累计到第10周）",
                u.name,
                "第2–10周",
                "前面各行与 西庄村走访台账.xlsx 完全相同，只多出第10周的行",
            )?;
            let last_pre = rows[pre.len() - 1];
            ctx.plant(
                rel2,
                sheet,
                &format!("A2:H{}", last_pre + 1),
                &V::E,
                "ok",
                &format!(
                    "与 西庄村走访台账.xlsx 相同的 {} 行只计一次（西庄村走访户数不得翻倍）",
                    pre.len()
                ),
            );
            continue;
        }
        let (t, rows, hr) = build(&all);
        ctx.save(vec![t], &rel, "走访台账", u.name, "第2–10周", &note)?;
        match u.name {
            "东庄村" => {
                ctx.plant(&rel, sheet, &a1(hr, 3), &s("户主"), "ok", "标题行（合并居中）+ 填报说明行 + 空行之后才是表头；“户主”= 户主姓名，“村民小组”= 村民小组/网格");
                ctx.plant(&rel, sheet, &a1(rows[0], 4), &V::Dc(all[0].date), "ok", "日期单元格，格式 yyyy\"年\"m\"月\"d\"日\"");
            }
            "南坡村" => {
                let w6 = all.iter().filter(|v| week_of(v.date) == 6).count();
                ctx.plant(&rel, sheet, &a1(hr, 4), &s("走访\n日期"), "ok", &format!("表头单元格内换行（走访↵日期 等）；第6周（05-10至05-16）走访 {w6} 户"));
            }
            WEAK => ctx.finding(&rel, sheet, "rule", &format!("R4：民调窗口（6月7日）前只走访 {visited_pre}/{} 户，覆盖率 {:.0}%，远未“户户到”", u.households.len(), cov * 100.0)),
            "前河村" => ctx.plant(&rel, sheet, &a1(rows[0], 3), &dv(DS::Dotted, all[0].date), "ok", "文本日期“2021.4.x”按日期读取"),
            _ => {}
        }
    }
    Ok(())
}

fn write_disputes(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    for u in units
        .iter()
        .filter(|u| u.kind == UKind::Village && u.name != STRONG)
    {
        let mut sheet = "矛盾纠纷台账";
        let mut cols: Vec<(&str, DF)> = DISPUTE_STD.to_vec();
        let mut rel = format!("{}矛盾纠纷台账.xlsx", u.name);
        let mut ds = DS::Cell;
        let mut title = true;
        match u.name {
            "东庄村" => {
                cols.remove(1); // no 村居 column: the unit comes from the title / file name
                rel = "东庄村矛盾纠纷排查化解台账.xlsx".into();
                sheet = "Sheet1";
            }
            "西庄村" => {
                cols[2].0 = "摸排时间";
                cols[3].0 = "双方当事人";
                cols[6].0 = "调处结果";
            }
            "北岭村" => rel = "北岭村矛盾纠纷台账.xls".into(),
            WEAK => {
                ds = DS::Cn;
                title = false;
            }
            _ => {}
        }
        if u.name == "东庄村" {
            // Title names no unit either, so only the file name tells.
        }
        let df: Vec<DF> = cols.iter().map(|c| c.1).collect();
        let build = |list: &[Dispute], day: NaiveDate| -> (Tbl, Vec<u32>) {
            let mut t = Tbl::new(sheet, cols.len() as u16);
            if title {
                if u.name == "东庄村" {
                    t.title("矛盾纠纷排查化解台账");
                } else {
                    t.title(&title_for(u, "矛盾纠纷排查化解台账"));
                }
            }
            if u.name == "北岭村" {
                let pairs: Vec<(&str, &str)> = cols
                    .iter()
                    .map(|(h, f)| match f {
                        DF::Status => ("化解情况", "化解状态"),
                        DF::Resolved => ("化解情况", "化解日期"),
                        _ => (*h, *h),
                    })
                    .collect();
                t.header2(&pairs);
            } else {
                t.header(&headers(&cols));
            }
            let rows = dispute_rows(&mut t, u, &df, list, ds, day);
            (t, rows)
        };
        let find = |list: &[Dispute], parties: &str| {
            list.iter().position(|x| x.parties == parties).unwrap()
        };
        if u.name == "南坡村" {
            let day = d(5, 28);
            let older: Vec<Dispute> = u
                .disputes
                .iter()
                .filter(|x| x.date <= day)
                .cloned()
                .collect();
            let (t, rows) = build(&older, day);
            let rel_old = "南坡村矛盾纠纷台账0528.xlsx";
            ctx.save(
                vec![t],
                rel_old,
                "矛盾纠纷台账（5月28日版）",
                u.name,
                "第1–8周",
                "旧版：陈玉梅与赵桂英纠纷为“未化解”",
            )?;
            let i = find(&older, "陈玉梅与赵桂英");
            ctx.plant(
                rel_old,
                sheet,
                &a1(rows[i], dcol(&df, DF::Status)),
                &s("未化解"),
                "ok",
                "旧版中该纠纷“未化解”",
            );
            let (t, rows) = build(&u.disputes, as_of());
            let rel_new = "第10周/南坡村矛盾纠纷台账.xlsx";
            ctx.save(
                vec![t],
                rel_new,
                "矛盾纠纷台账（重发，累计到第10周）",
                u.name,
                "第1–10周",
                "新版：同一纠纷“已化解”（6月4日）",
            )?;
            let i = find(&u.disputes, "陈玉梅与赵桂英");
            ctx.plant(rel_new, sheet, &a1(rows[i], dcol(&df, DF::Status)), &s("已化解"), "ok", "同一纠纷（05-24 陈玉梅与赵桂英 婚姻家庭）新版“已化解”：正常进展，取新状态，不报警告；两版相同的行只计一次");
            continue;
        }
        let (t, rows) = build(&u.disputes, as_of());
        let hr = t.header_row;
        ctx.save(vec![t], &rel, "矛盾纠纷台账", u.name, "第1–10周", "")?;
        match u.name {
            "东庄村" => ctx.plant(&rel, sheet, "A1", &s("矛盾纠纷排查化解台账"), "ok", "没有村居列，标题和工作表名也没有村名：按文件名“东庄村…”归东庄村"),
            "西庄村" => ctx.plant(&rel, sheet, &a1(hr, 2), &s("摸排时间"), "ok", "表头别名：摸排时间 = 排查日期，双方当事人 = 当事人，调处结果 = 化解状态；纠纷类型“/”+“本周排查，未发现矛盾纠纷”是零报告"),
            "北岭村" => {
                ctx.plant(&rel, sheet, &a1(hr - 1, dcol(&df, DF::Status)), &s("化解情况"), "ok", "两行表头：合并的“化解情况”（G2:H2）下分“化解状态”“化解日期”（第3行）；其余表头上下两行合并");
                ctx.plant(&rel, sheet, &a1(hr, dcol(&df, DF::Resolved)), &s("化解日期"), "ok", "两行表头的第二行：化解日期");
            }
            "前河村" => {
                let i = find(&u.disputes, "何长海与胡德明");
                ctx.plant(&rel, sheet, &a1(rows[i], dcol(&df, DF::Status)), &s("化解中"), "rule", "R6：4月20日排查的山林土地承包纠纷至6月13日仍“化解中”，超过30天未化解（逾期，自5月21日起）");
            }
            "杨庄村" => {
                let i = find(&u.disputes, "杨广田与郭秀兰");
                ctx.plant(&rel, sheet, &a1(rows[i], dcol(&df, DF::Resolved)), &V::E, "error", "化解状态为“已化解”但没有化解日期（仍计为纠纷，不计为已化解）");
            }
            "后河村" => {
                let i = find(&u.disputes, "高守义与徐凤英");
                ctx.plant(&rel, sheet, &a1(rows[i], dcol(&df, DF::Resolved)), &V::D(d(5, 7)), "error", "化解日期 2021-05-07 早于排查日期 2021-05-27（不计为已化解）");
            }
            WEAK => {
                let first = &u.disputes[0];
                ctx.plant(&rel, sheet, &a1(rows[0], dcol(&df, DF::Date)), &dv(DS::Cn, first.date), "ok", "文本日期“2021年4月x日”按日期读取");
                ctx.finding(&rel, sheet, "rule", "R6：第3、4、7周没有任何排查记录（也没有零报告），这三周未排查");
            }
            _ => {}
        }
    }
    Ok(())
}

fn write_slogans_activities(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    for u in units
        .iter()
        .filter(|u| u.kind == UKind::Village && u.name != STRONG)
    {
        let mut scols: Vec<(&str, SF)> = SLOGAN_STD.to_vec();
        let mut acols: Vec<(&str, AF)> = ACTIVITY_STD.to_vec();
        let unit_text = u.name;
        let mut srel = format!("{}标语台账.xlsx", u.name);
        let arel = format!("{}工作活动台账.xlsx", u.name);
        match u.name {
            "南坡村" => {
                scols[1].0 = "宣传内容";
                scols[2].0 = "载体";
                scols[3].0 = "悬挂地点";
            }
            "前河村" => srel = "前河村标语台账.ods".into(),
            "杨庄村" => {
                acols[2].0 = "会议类型";
                acols[1].0 = "活动日期";
                acols[3].0 = "参会人数";
            }
            _ => {}
        }
        let ssheet = "标语台账";
        let asheet = "工作活动台账";
        let mut st = Tbl::new(ssheet, scols.len() as u16);
        st.title(&title_for(u, "宣传标语台账"));
        let srows = slogan_sheet(&mut st, u, &scols, DS::Cell, unit_text);
        let mut at_ = Tbl::new(asheet, acols.len() as u16);
        at_.title(&title_for(u, "工作活动台账"));
        let arows = activity_sheet(&mut at_, u, &acols, DS::Cell);
        let mut xizhuang = None;
        if u.name == "西庄村" {
            // Planted: the unit typed as 西装村 in one row.
            let i = u
                .activities
                .iter()
                .position(|a| a.ty == "大喇叭宣传" && week_of(a.date) == 5)
                .unwrap();
            at_.ws
                .write_string_with_format(arows[i], 0, "西装村", &border())?;
            xizhuang = Some(a1(arows[i], 0));
        }
        if u.name == "东庄村" {
            // 东庄村 sends both ledgers in one workbook.
            let rel = "东庄村标语及活动台账.xlsx";
            ctx.save(
                vec![st, at_],
                rel,
                "标语台账 + 工作活动台账（一个工作簿两张表）",
                u.name,
                "第1–10周",
                "",
            )?;
            continue;
        }
        let approved = u
            .slogans
            .iter()
            .filter(|x| SLOGANS.contains(&x.text.as_str()))
            .count();
        ctx.save(
            vec![st],
            &srel,
            "标语台账",
            u.name,
            "4月悬挂",
            &format!("{} 条，其中与附件2完全一致 {approved} 条", u.slogans.len()),
        )?;
        ctx.save(vec![at_], &arel, "工作活动台账", u.name, "第1–10周", "")?;
        let tc = col_of(&scols, SF::Text);
        match u.name {
            "北岭村" => ctx.plant(&srel, ssheet, &a1(srows[1], tc), &s(&u.slogans[1].text), "warning", "标语与附件2第3条“严厉打击盗窃犯罪  保护群众财产安全”只差一个字（厉→历）：近似匹配，计为合格并提示改正"),
            "前河村" => {
                let i = u.slogans.len() - 1;
                ctx.plant(&srel, ssheet, &a1(srows[i], tc), &s(&u.slogans[i].text), "warning", "标语“平安连着你我他  幸福和谐靠大家”不在附件2之列（unapproved）");
            }
            WEAK => ctx.finding(&srel, ssheet, "rule", "R7：只有2条在挂标语，少于3条"),
            "杨庄村" => ctx.plant(&srel, ssheet, &a1(srows[0], tc), &s(&u.slogans[0].text), "ok", "标语用“，”代替两个空格：规范化标点和空格后与附件2一致"),
            "南坡村" => ctx.plant(&srel, ssheet, &a1(st_header(&srows), 1), &s("宣传内容"), "ok", "表头别名：宣传内容 = 标语内容，载体 = 形式，悬挂地点 = 位置"),
            "后河村" => ctx.finding(&arel, asheet, "rule", "R2：没有“动员部署会”记录（4月8日前应召开）"),
            "西庄村" => ctx.plant(&arel, asheet, &xizhuang.take().unwrap(), &s("西装村"), "error", "村居“西装村”不在名册中，最接近的是“西庄村”"),
            _ => {}
        }
    }
    Ok(())
}

/// The header row sits right above the first data row.
fn st_header(rows: &[u32]) -> u32 {
    rows[0] - 1
}

/// 石桥村 (the strong village) sends everything in one workbook, with an instruction sheet first.
fn write_shiqiao(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    let u = unit(units, STRONG);
    let rel = "石桥村双提升台账.xlsx";
    let mut help = Tbl::new("填表说明", 1);
    help.width(0, 90.0);
    for line in [
        "填表说明",
        "1. 本工作簿包含联络员名单、周报、走访台账、矛盾纠纷台账、标语台账、工作活动台账六张表。",
        "2. 日期请填写为 2021-04-07 的格式；走访方式填“入户”或“电话”。",
        "3. 每周五17:30前将本工作簿报镇提升办。",
    ] {
        help.data(&[s(line)]);
    }
    let mut cols = LIAISON_STD.to_vec();
    cols[5].0 = "联系电话（必填）";
    let mut l = Tbl::new("联络员名单", 7);
    let o = LiaisonOpts {
        unit_text: u.name,
        deputy: &u.deputy,
        phone: &u.phone,
        date: V::D(d(4, 6)),
    };
    let lr = liaison_sheet(&mut l, u, &cols, &o);
    let mut w = Tbl::new("周报", 8);
    report_sheet(&mut w, u, &REPORT_STD, &std_reports(u));
    let mut v = Tbl::new("走访台账", 8);
    v.title(&title_for(u, "走访台账"));
    visit_sheet(
        &mut v,
        u,
        &VISIT_STD,
        &u.visits,
        &VisitOpts {
            ds: DS::Cell,
            check: false,
        },
    );
    let mut dsp = Tbl::new("矛盾纠纷台账", 10);
    dsp.header(&headers(&DISPUTE_STD));
    let df: Vec<DF> = DISPUTE_STD.iter().map(|c| c.1).collect();
    dispute_rows(&mut dsp, u, &df, &u.disputes, DS::Cell, as_of());
    let mut sl = Tbl::new("标语台账", 6);
    slogan_sheet(&mut sl, u, &SLOGAN_STD, DS::Cell, u.name);
    let mut ac = Tbl::new("工作活动台账", 5);
    activity_sheet(&mut ac, u, &ACTIVITY_STD, DS::Cell);
    ctx.save(
        vec![help, l, w, v, dsp, sl, ac],
        rel,
        "全部台账（一个工作簿七张表，第一张是填表说明）",
        u.name,
        "第1–10周",
        "走访第8周即全覆盖（100%）",
    )?;
    ctx.finding(
        rel,
        "填表说明",
        "ok",
        "“填表说明”不是台账：列入数据来源（not_ledger），不读取",
    );
    ctx.plant(
        rel,
        "联络员名单",
        &a1(lr - 1, 5),
        &s("联系电话（必填）"),
        "ok",
        "表头后缀“（必填）”忽略 → 联系电话",
    );
    Ok(())
}

/// 水泉社区 sends one workbook; an old visit sheet is hidden in it.
fn write_community(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    let u = unit(units, "水泉社区");
    let rel = "水泉社区双提升台账.xlsx";
    let mut cols = LIAISON_STD.to_vec();
    cols[0].0 = "村(社区)名称";
    let mut l = Tbl::new("联络员", 7);
    let landline = "0632-8812345";
    let o = LiaisonOpts {
        unit_text: "水泉社区居委会",
        deputy: &u.deputy,
        phone: landline,
        date: V::Dc(d(4, 7)),
    };
    let lr = liaison_sheet(&mut l, u, &cols, &o);
    let mut wcols = REPORT_STD.to_vec();
    wcols[1] = ("报送日期", WF::DateOnly);
    let mut w = Tbl::new("周报", 8);
    w.title(&title_for(u, "工作周报"));
    report_sheet(&mut w, u, &wcols, &std_reports(u));
    let mut v = Tbl::new("走访台账", 8);
    let mut vcols = VISIT_STD.to_vec();
    vcols[1].0 = "所在网格";
    visit_sheet(
        &mut v,
        u,
        &vcols,
        &u.visits,
        &VisitOpts {
            ds: DS::CellCn,
            check: false,
        },
    );
    // Hidden: an abandoned first draft with made-up rows. Must not be read.
    let mut old = Tbl::new("走访台账(旧)", 8);
    let draft: Vec<Visit> = u
        .visits
        .iter()
        .take(12)
        .map(|x| Visit {
            date: x.date - Duration::days(7),
            ..x.clone()
        })
        .collect();
    visit_sheet(
        &mut old,
        u,
        &vcols,
        &draft,
        &VisitOpts {
            ds: DS::Cell,
            check: false,
        },
    );
    old.ws.set_hidden(true);
    let mut dsp = Tbl::new("矛盾纠纷", 10);
    dsp.title(&title_for(u, "矛盾纠纷排查化解台账"));
    dsp.header(&headers(&DISPUTE_STD));
    let df: Vec<DF> = DISPUTE_STD.iter().map(|c| c.1).collect();
    dispute_rows(&mut dsp, u, &df, &u.disputes, DS::CellCn, as_of());
    let mut sl = Tbl::new("标语", 6);
    let srows = slogan_sheet(&mut sl, u, &SLOGAN_STD, DS::Cell, u.name);
    let mut ac = Tbl::new("活动", 5);
    activity_sheet(&mut ac, u, &ACTIVITY_STD, DS::Cell);
    ctx.save(
        vec![l, w, v, old, dsp, sl, ac],
        rel,
        "全部台账（一个工作簿，含隐藏表）",
        u.name,
        "第1–10周",
        "周报只写报送日期（无时刻）",
    )?;
    ctx.plant(
        rel,
        "联络员",
        &a1(lr, 0),
        &s("水泉社区居委会"),
        "ok",
        "“水泉社区居委会”去掉“居委会”后匹配水泉社区；表头“村(社区)名称”= 村居",
    );
    ctx.plant(
        rel,
        "联络员",
        &a1(lr, 5),
        &s(landline),
        "ok",
        "座机号 0632-8812345 有效",
    );
    ctx.finding(
        rel,
        "走访台账(旧)",
        "ok",
        "隐藏工作表：列入数据来源（hidden），不读取（其中12行是作废的草稿）",
    );
    ctx.plant(
        rel,
        "标语",
        &a1(srows[3], 5),
        &s("已撤"),
        "ok",
        "已撤的标语不计入在挂数；其余3条在挂，达标",
    );
    ctx.plant(
        rel,
        "周报",
        "B3",
        &V::D(u.reports[0].submitted.date()),
        "ok",
        "报送日期只有日期（周五或之前）：按时",
    );
    Ok(())
}

fn write_town_units(ctx: &mut Ctx, units: &[Unit]) -> Res<()> {
    for u in units.iter().filter(|u| u.kind == UKind::TownUnit) {
        let ods = u.name == "镇中心学校";
        let rel = if ods {
            format!("{}双提升台账.ods", u.name)
        } else {
            format!("{}双提升台账.xlsx", u.name)
        };
        let mut scols = SLOGAN_STD.to_vec();
        scols[0].0 = "单位";
        let mut sl = Tbl::new("标语", 6);
        if !ods {
            sl.title(&format!("{}“双提升”宣传标语台账", u.name));
        }
        slogan_sheet(&mut sl, u, &scols, DS::Cell, u.name);
        let mut acols = ACTIVITY_STD.to_vec();
        acols[0].0 = "单位";
        let mut ac = Tbl::new("活动", 5);
        activity_sheet(&mut ac, u, &acols, DS::Cell);
        ctx.save(
            vec![sl, ac],
            &rel,
            "标语台账 + 工作活动台账",
            u.name,
            "4–6月",
            "镇直单位：电子显示屏标语",
        )?;
        if ods {
            ctx.finding(
                &rel,
                "活动",
                "rule",
                "R8：镇中心学校在民意调查（6月7日）前没有召开专题部署会",
            );
        }
    }
    Ok(())
}

fn write_surveys(ctx: &mut Ctx) -> Res<()> {
    // (unit, respondents, positivity, security, header style)
    let plan: [(&str, usize, f64, f64, &str); 5] = [
        ("东庄村", 30, 0.9, 0.95, "text"),
        ("南坡村", 25, 0.85, 0.95, "number"),
        (STRONG, 24, 0.93, 0.97, "question"),
        (WEAK, 32, 0.7, 0.8, "text"),
        ("水泉社区", 30, 0.88, 0.93, "问题"),
    ];
    for (name, n, pos, sec, style) in plan {
        let rs = responses(name, n, pos, sec);
        let sheet = "问卷";
        let mut hdr: Vec<String> = Vec::new();
        let dated = style != "question";
        if style == "text" && name == "东庄村" {
            hdr.push("序号".into());
        }
        hdr.push("村居".into());
        if dated {
            hdr.push("调查日期".into());
        }
        hdr.push("性别".into());
        hdr.push("年龄".into());
        let q0 = hdr.len() as u16;
        for (i, q) in QUESTIONS.iter().enumerate() {
            hdr.push(match style {
                "number" => format!("Q{}", i + 1),
                "question" => format!("{}、{}", i + 1, q.text),
                "问题" => format!("问题{}", i + 1),
                _ => format!("第{}题", i + 1),
            });
        }
        hdr.push("意见建议".into());
        let mut t = Tbl::new(sheet, hdr.len() as u16);
        if name != "南坡村" {
            t.title(&format!("{}平安建设活动民意调查问卷登记表", name));
        }
        t.header(&hdr);
        if style == "question" {
            for c in q0..q0 + 14 {
                t.width(c, 24.0);
            }
            t.ws.set_row_height(t.header_row, 60)?;
        }
        let mut rows = Vec::new();
        for (k, r) in rs.iter().enumerate() {
            if name == "南坡村" && k == 12 {
                rows.push(t.data(&vec![V::E; hdr.len()]));
            }
            let mut vals = Vec::new();
            if hdr[0] == "序号" {
                vals.push(V::N(k as f64 + 1.0));
            }
            vals.push(s(name));
            if dated {
                vals.push(V::D(r.date));
            }
            vals.push(s(r.gender));
            vals.push(s(r.age));
            for (i, a) in r.answers.iter().enumerate() {
                vals.push(if style == "number" {
                    V::N(*a as f64 + 1.0)
                } else {
                    s(QUESTIONS[i].options[*a])
                });
            }
            vals.push(s(r.advice));
            rows.push(t.data(&vals));
        }
        let hr = t.header_row;
        let mut planted = None;
        if name == "东庄村" {
            let r = rows[7];
            let c = q0 + 5;
            t.ws.write_string_with_format(r, c, "还行", &border())?;
            planted = Some(a1(r, c));
        }
        let rel = format!("{name}问卷.xlsx");
        // 东庄村's row 8 carries the planted invalid answer to 第6题: it leaves that question's base.
        let valid: Vec<&Response> = rs
            .iter()
            .enumerate()
            .filter(|(k, _)| !(name == "东庄村" && *k == 7))
            .map(|(_, r)| r)
            .collect();
        let sec_rate =
            valid.iter().filter(|r| r.answers[5] <= 1).count() as f64 / valid.len() as f64;
        let how = match style {
            "number" => "表头 Q1…，答案写选项序号",
            "question" => "表头为题目原文，答案写选项文字",
            "问题" => "表头 问题1…，答案写选项文字",
            _ => "表头 第1题…，答案写选项文字",
        };
        ctx.save(
            vec![t],
            &rel,
            "问卷（每份一行）",
            name,
            "5月24日–6月9日",
            &format!("{n} 份，安全感率 {:.0}%；{how}", sec_rate * 100.0),
        )?;
        match name {
            "东庄村" => ctx.plant(
                &rel,
                sheet,
                &planted.unwrap(),
                &s("还行"),
                "error",
                "第6题答案“还行”不是选项（非常安全/基本安全/不安全）：该题不计入分母",
            ),
            "南坡村" => {
                ctx.plant(
                    &rel,
                    sheet,
                    &a1(rows[12], 0),
                    &V::E,
                    "ok",
                    "问卷中间一整行空白：跳过，不算一份问卷",
                );
                ctx.plant(
                    &rel,
                    sheet,
                    &a1(hr, q0),
                    &s("Q1"),
                    "ok",
                    "表头 Q1…Q14，答案写选项序号（1、2、3…）",
                );
            }
            STRONG => ctx.plant(
                &rel,
                sheet,
                &a1(hr, q0),
                &s(format!("1、{}", QUESTIONS[0].text)),
                "ok",
                "表头用题目原文（带“1、”题号）→ 第1题…第14题；无调查日期（不限日期计入）",
            ),
            WEAK => ctx.finding(
                &rel,
                sheet,
                "rule",
                &format!(
                    "安全感率 {:.0}%（{} 份）低于方案的 85%：建议“重点管理”（R12）",
                    sec_rate * 100.0,
                    rs.len()
                ),
            ),
            _ => {}
        }
    }
    // 杨庄村: the tally layout.
    let name = "杨庄村";
    let rs = responses(name, 40, 0.88, 0.9);
    let mut t = Tbl::new("问卷汇总", 4);
    t.title("杨庄村民意调查问卷汇总表");
    t.header(&["村居", "题号", "选项", "人数"].map(String::from));
    for (i, q) in QUESTIONS.iter().enumerate() {
        for (o, opt) in q.options.iter().enumerate() {
            let n = rs.iter().filter(|r| r.answers[i] == o).count();
            t.data(&[s(name), V::N(i as f64 + 1.0), s(*opt), V::N(n as f64)]);
        }
    }
    ctx.save(
        vec![t],
        "杨庄村问卷汇总.xlsx",
        "问卷汇总（题号/选项/人数）",
        name,
        "不注明日期",
        "40 份问卷的汇总",
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------------
// planted.tsv, README tables, verification
// ---------------------------------------------------------------------------------------------------

fn esc_tsv(x: &str) -> String {
    x.replace('\n', "\\n").replace('\t', " ")
}

fn esc_md(x: &str) -> String {
    x.replace('|', "\\|").replace('\n', "↵")
}

fn ty_zh(ty: &str) -> &'static str {
    match ty {
        "error" => "错误",
        "warning" => "警告",
        "rule" => "规则结论",
        _ => "不应报错",
    }
}

fn write_tables(samples: &Path, ctx: &Ctx, units: &[Unit]) -> Res<()> {
    let mut tsv = String::from("file\tsheet\tcell\tvalue\ttype\texpected\n");
    for p in &ctx.planted {
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            p.file,
            p.sheet,
            p.cell,
            esc_tsv(&p.value),
            p.ty,
            esc_tsv(&p.expected)
        ));
    }
    fs::write(samples.join("planted.tsv"), &tsv)?;

    let mut files = String::from(
        "| 文件 | 内容 | 单位 | 周次/时间 | 说明 |\n| --- | --- | --- | --- | --- |\n",
    );
    let mut sorted: Vec<&FileInfo> = ctx.files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    for f in sorted {
        files.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            f.path,
            esc_md(&f.what),
            f.unit,
            esc_md(&f.weeks),
            esc_md(&f.note)
        ));
    }
    let mut planted = String::from("| # | 文件 › 工作表 › 单元格 | 单元格内容 | 类别 | 工具应当给出 |\n| --- | --- | --- | --- | --- |\n");
    for (i, p) in ctx.planted.iter().enumerate() {
        planted.push_str(&format!(
            "| {} | `{}` › {} › {} | {} | {} | {} |\n",
            i + 1,
            p.file,
            p.sheet,
            p.cell,
            if p.value.is_empty() {
                "（空）".to_string()
            } else {
                esc_md(&p.value)
            },
            ty_zh(p.ty),
            esc_md(&p.expected)
        ));
    }
    let readme = samples.join("README.md");
    if let Ok(text) = fs::read_to_string(&readme) {
        let text = splice(&text, "FILES", &files);
        let text = splice(&text, "PLANTED", &planted);
        let text = splice(&text, "UNITS", &units_table(units));
        fs::write(&readme, text)?;
    }
    Ok(())
}

fn norm_slogan(x: &str) -> String {
    x.chars()
        .filter(|c| !c.is_whitespace() && !"，,。.、；;：:！!“”\"'‘’（）()".contains(*c))
        .collect()
}

/// One character off an approved slogan (same length, one position differs).
fn near_slogan(x: &str) -> bool {
    let a: Vec<char> = norm_slogan(x).chars().collect();
    SLOGANS.iter().any(|s| {
        let b: Vec<char> = norm_slogan(s).chars().collect();
        a.len() == b.len() && a.iter().zip(&b).filter(|(p, q)| p != q).count() == 1
    })
}

/// The simulation's own figures per unit, as of 2021-06-13 (visits also as of 06-06, the eve of the
/// survey window), counted the way SPEC §5a defines them and ignoring planted invalid rows the way the
/// checker should. A reference for the maintainers, not an oracle: the checker's numbers should match.
fn units_table(units: &[Unit]) -> String {
    let mut out = String::from(
        "| 单位 | 类别 | 户数 | 网格 | 6月6日前走访户数（覆盖率） | 6月13日前走访户数（入户/仅电话） | 周报 按时/迟报/缺报 | 纠纷 总数/已化解/逾期 | 零报告周数 | 在挂合格标语（不合格） |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for u in units {
        let hh = u.households.len();
        let visited = |until: NaiveDate| {
            let mut v: Vec<usize> = u
                .visits
                .iter()
                .filter(|x| x.date <= until)
                .map(|x| x.hh)
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let pre = visited(window() - Duration::days(1)).len();
        let all = visited(as_of());
        let inp = all
            .iter()
            .filter(|h| u.visits.iter().any(|x| x.hh == **h && x.in_person))
            .count();
        let (mut on, mut late) = (0, 0);
        for r in &u.reports {
            let due = at(monday(r.week) + Duration::days(4), 17, 30);
            let date_only = u.name == "水泉社区";
            let ok = if date_only {
                r.submitted.date() <= due.date()
            } else {
                r.submitted <= due
            };
            if ok {
                on += 1
            } else {
                late += 1
            }
        }
        let missing = if u.kind == UKind::TownUnit {
            0
        } else {
            WEEKS as usize - u.reports.len()
        };
        let real: Vec<&Dispute> = u.disputes.iter().filter(|x| !x.zero).collect();
        let resolved = real
            .iter()
            .filter(|x| x.resolved_in(d(1, 1), as_of()))
            .count();
        let overdue = real
            .iter()
            .filter(|x| {
                !x.resolved_in(d(1, 1), as_of())
                    && x.status != "已移交"
                    && (as_of() - x.date).num_days() > 30
            })
            .count();
        let zero_weeks = u.disputes.iter().filter(|x| x.zero).count();
        let counted: Vec<&Slogan> = u
            .slogans
            .iter()
            .filter(|x| x.status == "在挂" && (u.kind != UKind::TownUnit || x.form == "电子显示屏"))
            .collect();
        let ok = counted
            .iter()
            .filter(|x| {
                SLOGANS
                    .iter()
                    .any(|s| norm_slogan(s) == norm_slogan(&x.text))
                    || near_slogan(&x.text)
            })
            .count();
        let (hh_s, grid_s, pre_s, all_s, rep_s, dis_s, zero_s) = if u.kind == UKind::TownUnit {
            let dash = || "—".to_string();
            (dash(), dash(), dash(), dash(), dash(), dash(), dash())
        } else {
            (
                hh.to_string(),
                u.grids.to_string(),
                format!("{pre}（{:.1}%）", pre as f64 * 100.0 / hh as f64),
                format!("{}（{inp}/{}）", all.len(), all.len() - inp),
                format!("{on}/{late}/{missing}"),
                format!("{}/{resolved}/{overdue}", real.len()),
                zero_weeks.to_string(),
            )
        };
        out.push_str(&format!(
            "| {} | {} | {hh_s} | {grid_s} | {pre_s} | {all_s} | {rep_s} | {dis_s} | {zero_s} | {ok}（{}） |\n",
            u.name,
            u.kind.zh(),
            counted.len() - ok
        ));
    }
    out
}

/// Replaces the text between `<!-- BEGIN GENERATED {tag} -->` and `<!-- END GENERATED {tag} -->`.
fn splice(text: &str, tag: &str, body: &str) -> String {
    let b = format!("<!-- BEGIN GENERATED {tag} -->");
    let e = format!("<!-- END GENERATED {tag} -->");
    match (text.find(&b), text.find(&e)) {
        (Some(i), Some(j)) if i < j => format!("{}{b}\n{body}{}", &text[..i], &text[j..]),
        _ => text.to_string(),
    }
}

fn parse_a1(cell: &str) -> Option<(u32, u32)> {
    let letters: String = cell
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    let digits = &cell[letters.len()..];
    if letters.is_empty() || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + (b - b'A' + 1) as u32)
        - 1;
    Some((digits.parse::<u32>().ok()? - 1, col))
}

fn show_data(c: Option<&Data>) -> String {
    match c {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(x)) => x.clone(),
        Some(Data::Float(f)) => fmt_num(*f),
        Some(Data::Int(i)) => i.to_string(),
        Some(x @ (Data::DateTime(_) | Data::DateTimeIso(_))) => match x.as_datetime() {
            Some(t) if t.hour() == 0 && t.minute() == 0 => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => format!("{x:?}"),
        },
        Some(x) => format!("{x:?}"),
    }
}

/// Reads every planted cell back with calamine (after LibreOffice has converted the .xls/.ods files)
/// and checks that it holds what the table says.
fn verify(samples: &Path) -> Res<()> {
    let tsv = fs::read_to_string(samples.join("planted.tsv"))?;
    let mut bad = 0;
    let mut checked = 0;
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (file, sheet, cell, value) = (f[0], f[1], f[2], f[3].replace("\\n", "\n"));
        let path = samples.join("inbox").join(file);
        if !path.exists() {
            println!("MISSING FILE {file}");
            bad += 1;
            continue;
        }
        let Some((r, c)) = parse_a1(cell) else {
            continue;
        };
        let mut wb = open_workbook_auto(&path)?;
        let range = wb.worksheet_range(sheet)?;
        let got = show_data(range.get_value((r, c)));
        checked += 1;
        if got != value {
            println!("MISMATCH {file} › {sheet} › {cell}: table says {value:?}, file has {got:?}");
            bad += 1;
        }
    }
    println!("verified {checked} planted cells, {bad} problems");
    if bad > 0 {
        return Err("planted table does not match the files".into());
    }
    Ok(())
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--verify") {
        return verify(Path::new(
            args.get(1).map(String::as_str).unwrap_or("samples"),
        ));
    }
    let samples = PathBuf::from(args.first().map(String::as_str).unwrap_or("samples"));
    let inbox = samples.join("inbox");
    let stage = samples.join(".stage");
    for dir in [&inbox, &stage] {
        if dir.exists() {
            fs::remove_dir_all(dir)?;
        }
        fs::create_dir_all(dir)?;
    }
    let units = simulate();
    let mut ctx = Ctx {
        inbox,
        stage: stage.clone(),
        planted: Vec::new(),
        files: Vec::new(),
        conversions: Vec::new(),
    };
    write_inbox(&mut ctx, &units)?;
    let mut list = ctx.conversions.join("\n");
    list.push('\n');
    fs::write(stage.join("convert.tsv"), list)?;
    write_tables(&samples, &ctx, &units)?;
    println!(
        "wrote {} files ({} to convert with LibreOffice), {} planted items",
        ctx.files.len(),
        ctx.conversions.len(),
        ctx.planted.len()
    );
    Ok(())
}
