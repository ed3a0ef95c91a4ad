//! A fourth office's inbox, as its clerks really write it, built to be unlike every other test and
//! every shipped wording: title rows naming the village and the dates, a 填报单位 line, header cells
//! with line breaks, full-width brackets, （必填）, （户）/（件） units and （签字）, a two-row grouped
//! header, 序号 columns, a 合计 row and 填表人/审核人 notes under the table, merged cells down a
//! column, dates as 2021.5.10 / 5月11日 / 2021/5/12 / 20210513 / Excel serials (number and text) /
//! 5.12 / 2021年5月16日, yes/no as √/×/是/否/有/无, methods as 上门/电话联系/微信/上门走访, statuses
//! as 已调解/调解中/已办结, slogan states 完好/滚动播放/已撤除.
//!
//! Hand count, week 6 (2021-05-10 Mon … 05-16 Sun; weekly report due Fri 05-14 17:30):
//!
//! 东庄村 (visits: households since the campaign began, as of 05-16)
//!   东庄村入户走访台账（5月）.xlsx › 走访登记 (no unit column: the title names 东庄村):
//!     张大山 一组 05-10 上门 √ √ / 05-14 电话 (one household, in person)
//!     张小河 05-11 电话联系 × ×      李桂兰 05-12 入户 是 是      王长贵 05-13 上门走访 是 否
//!     刘秀英 05-13 (serial 44329) 微信 否 否    赵建国 05-14 (text serial "44330") 入户 有 有
//!     孙德胜 05-15 入户 √ ×          周福 05-16 电话 无 无        郑老四 04-20 入户 是 是 (week 3)
//!     吴明 “2021.5.32” → PLANTED bad_date at D12; not counted (no date).
//!     → households 9, in person 6 (张大山 李桂兰 王长贵 赵建国 孙德胜 郑老四), phone 3 (张小河
//!       刘秀英 周福), questionnaires 6 (张大山 李桂兰 王长贵 赵建国 孙德胜 郑老四), letters 4
//!       (张大山 李桂兰 赵建国 郑老四); new in week 6: 8.
//!   › 宣传标语: three approved slogans, no state column → hanging 3, ok.
//!   东庄村第6周工作周报.xlsx (label/value): 报送日 2021年5月14日 16:20 → on time.
//! 西庄村
//!   走访情况统计表.xlsx (title 西庄村…, two-row grouped header 走访情况 › 时间/形式/走访人,
//!     发放资料情况 › 调查问卷/明白纸; 走访人 merged down; a 合计 row and notes under it):
//!     陈永福 05-10 入户 是 是      陈永贵 05-11 09:30 电话 否 否, 05-15 入户 是 是 (in person)
//!     林桂芝 “5.12” 上门 √ √       何二娃 “2021-5-13” 入户 √ ×      何三妹 20210516 电话联系 否 否
//!     → households 5, in person 4, phone 1, questionnaires 4, letters 3.
//!   西庄村周报.xlsx: 报送日 2021.5.15 9:00 (Saturday) → late.
//! 水泉社区
//!   水泉社区宣传标语悬挂情况.xlsx: 完好, 滚动播放 (LED屏), 在挂 (墙体标语), 已撤除 → hanging 3, ok.
//!   水泉社区周报.xlsx: 报送日 2021/5/14 (no time, the Friday) → on time.
//! Disputes, 矛盾纠纷排查化解台账.xlsx (one town-wide sheet, unit column 所在村（社区）):
//!   东庄村: 05-10 邻里纠纷 已调解 05-12; 05-11 婚姻家庭纠纷 调解中; 05-13 土地承包纠纷 已办结 05-14;
//!     04-26 邻里 调解中 (an earlier week, open 20 days: not overdue) → new 3, resolved 2.
//!   西庄村: 05-12 损害赔偿 已调解 05-13; 05-14 劳动争议 调解中 → new 2, resolved 1.
//!   水泉社区: 05-11 物业纠纷 已办结 05-15; 05-13 “经济纠纷” 调解中 → PLANTED bad_choice at E10
//!     (no type of the plan; still a dispute screened) → new 2, resolved 1.
//!   “北庄村” → PLANTED unknown_unit at B11 (counted nowhere).
//! Liaison roster 联络员名单.xlsx: 西庄村's 联络员手机号码 “1390531234” (10 digits) → PLANTED
//!   bad_phone at E4.

mod common;
use common::*;
use serde_json::Value;
use shuangti::ledger::header::{Hit, Matcher};
use shuangti::ledger::schema::{Kind, Specs};
use shuangti::plan::Plan;

/// (ledger, header as the fourth office writes it, the column it is read as): each is read, by
/// name, alias or word parts.
const WORDINGS: &[(Kind, &str, &str)] = &[
    (Kind::Visit, "走访户主", "户主姓名"),
    (Kind::Visit, "入户日期\n时间", "走访日期"),
    (Kind::Visit, "访问形式", "走访方式"),
    (Kind::Visit, "是否发放\n调查问卷", "发放问卷"),
    (Kind::Visit, "明白纸\n发放", "送达公开信"),
    (Kind::Visit, "明白纸", "送达公开信"),
    (Kind::Visit, "走访干部\n（签字）", "走访人"),
    (Kind::Visit, "组别", "村民小组/网格"),
    (Kind::Dispute, "排查发现时间", "排查日期"),
    (Kind::Dispute, "纠纷当事人姓名", "当事人"),
    (Kind::Dispute, "矛盾纠纷类型", "纠纷类型"),
    (Kind::Dispute, "简要案情", "简要情况"),
    (Kind::Dispute, "调处情况", "化解状态"),
    (Kind::Dispute, "结案时间", "化解日期"),
    (Kind::Dispute, "包案领导", "责任人"),
    (Kind::Slogan, "标语具体内容", "标语内容"),
    (Kind::Slogan, "张贴形式", "形式"),
    (Kind::Slogan, "具体位置", "位置"),
    (Kind::Slogan, "目前状态", "状态"),
    (Kind::Slogan, "宣传标语", "标语内容"),
    (Kind::WeeklyReport, "报送日", "报送时间"),
    (Kind::WeeklyReport, "周次", "所属周次"),
    (Kind::WeeklyReport, "本周主要工作", "本周工作开展情况"),
    (
        Kind::WeeklyReport,
        "本周工作开展情况（必填）",
        "本周工作开展情况",
    ),
    (Kind::WeeklyReport, "走访总户数（户）", "走访户数"),
    (Kind::WeeklyReport, "排查矛盾纠纷（件）", "排查纠纷数"),
    (Kind::WeeklyReport, "化解矛盾纠纷（件）", "化解纠纷数"),
    (Kind::WeeklyReport, "排查纠纷（件）", "排查纠纷数"),
    (Kind::WeeklyReport, "化解纠纷（件）", "化解纠纷数"),
    (Kind::Liaison, "党组织书记", "一把手"),
    (Kind::Liaison, "联络员手机号码", "联系电话"),
];

#[test]
fn the_fourth_offices_headers_are_read_as_their_columns() {
    let specs = Specs::new(&Plan::embedded());
    let mut wrong = Vec::new();
    for (kind, header, column) in WORDINGS {
        let spec = specs.get(*kind);
        let m = Matcher::new(spec, &specs.1);
        let got = match m.hit(&specs.1, header) {
            Some(Hit::Name(i) | Hit::Alias(i) | Hit::Family(i)) => {
                Some(spec.columns[i].name.clone())
            }
            _ => None,
        };
        if got.as_deref() != Some(*column) {
            wrong.push(format!("{header} → {got:?}, not {column}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

const DONG: &str = "东庄村入户走访台账（5月）.xlsx";
const XI: &str = "走访情况统计表.xlsx";
const DISPUTES: &str = "矛盾纠纷排查化解台账.xlsx";
const LIAISON: &str = "联络员名单.xlsx";

fn fourth_office() -> Inbox {
    let ib = Inbox::new();
    ib.register(); // 东庄村 100 户, 西庄村 50 户, 水泉社区 80 户, 镇卫生院
    let approved = Plan::embedded().slogans;

    // 东庄村's visit ledger: title, 填报单位 line, headers with line breaks and （签字）.
    let v = |no: f64, g: &str, who: &str, day: C, how: &str, q: &str, l: &str| {
        vec![n(no), s(g), s(who), day, s(how), s(q), s(l), s("李会计")]
    };
    let visits = vec![
        row(&["东庄村“双提升”入户走访登记表"]),
        row(&["填报单位（盖章）：东庄村村民委员会　　　　时间：2021年5月10日至5月16日"]),
        row(&[
            "序号",
            "组别",
            "走访户主",
            "入户日期\n时间",
            "访问形式",
            "是否发放\n调查问卷",
            "明白纸\n发放",
            "走访干部\n（签字）",
        ]),
        v(1.0, "一组", "张大山", s("2021.5.10"), "上门", "√", "√"),
        v(2.0, "一组", "张小河", s("5月11日"), "电话联系", "×", "×"),
        v(3.0, "一组", "李桂兰", s("2021/5/12"), "入户", "是", "是"),
        v(4.0, "二组", "王长贵", s("20210513"), "上门走访", "是", "否"),
        v(5.0, "二组", "刘秀英", n(44329.0), "微信", "否", "否"),
        v(6.0, "二组", "赵建国", s("44330"), "入户", "有", "有"),
        v(7.0, "二组", "孙德胜", d(2021, 5, 15), "入户", "√", "×"),
        v(8.0, "三组", "周福", s("2021年5月16日"), "电话", "无", "无"),
        // D12: no 32 May.
        v(9.0, "三组", "吴明", s("2021.5.32"), "入户", "√", "√"),
        v(10.0, "一组", "张大山", s("5月14日"), "电话", "", ""),
        v(11.0, "三组", "郑老四", s("4月20日"), "入户", "是", "是"),
        vec![],
        row(&["填表人：李会计　　　　审核人：王书记　　　　填表日期：2021年5月16日"]),
        row(&["注：走访方式填“入户”或“电话”，发放情况填“√”或“×”。"]),
    ];
    let slogans = vec![
        row(&["东庄村宣传标语张贴情况"]),
        row(&[
            "序号",
            "宣传标语",
            "张贴形式",
            "具体位置",
            "张贴日期",
            "备注",
        ]),
        vec![
            n(1.0),
            s(&approved[0]),
            s("横幅"),
            s("村委会大门"),
            s("5月8日"),
        ],
        vec![
            n(2.0),
            s(&approved[2]),
            s("墙体"),
            s("村东头"),
            s("2021.5.9"),
        ],
        vec![
            n(3.0),
            s(&approved[3]),
            s("横幅"),
            s("文化广场"),
            s("2021.5.9"),
            s("新挂"),
        ],
    ];
    ib.xlsx_merged(
        DONG,
        &[("走访登记", visits), ("宣传标语", slogans)],
        &[(0, 0, 0, 0, 7), (0, 1, 0, 1, 7)],
    );

    // 西庄村: a two-row grouped header under a title and a 统计时段 line; 走访人 merged down; a
    // 合计 row and the signatures under the table.
    let w = |no: C, who: &str, day: C, how: &str, by: &str, q: &str, l: &str| {
        vec![no, s(who), s("西庄一组"), day, s(how), s(by), s(q), s(l)]
    };
    let xi = vec![
        row(&["西庄村入户走访情况统计表"]),
        row(&["统计时段：2021年5月10日—5月16日"]),
        row(&[
            "序号",
            "户主姓名",
            "家庭住址",
            "走访情况",
            "",
            "",
            "发放资料情况",
            "",
            "备注",
        ]),
        row(&[
            "",
            "",
            "",
            "时间",
            "形式",
            "走访人",
            "调查问卷",
            "明白纸",
            "",
        ]),
        w(
            n(1.0),
            "陈永福",
            d(2021, 5, 10),
            "入户",
            "马干部",
            "是",
            "是",
        ),
        w(
            n(2.0),
            "陈永贵",
            t(2021, 5, 11, 9, 30),
            "电话",
            "",
            "否",
            "否",
        ),
        w(n(3.0), "林桂芝", s("5.12"), "上门", "", "√", "√"),
        w(n(4.0), "何二娃", s("2021-5-13"), "入户", "林支书", "√", "×"),
        w(n(5.0), "陈永贵", s("2021年5月15日"), "入户", "", "是", "是"),
        w(n(6.0), "何三妹", s("20210516"), "电话联系", "", "否", "否"),
        vec![s("合计"), C::E, C::E, C::E, C::E, C::E, s("4份"), s("3份")],
        vec![],
        row(&["填表人：陈文书　　审核人：林支书"]),
    ];
    let mut merges = vec![(0, 0, 0, 0, 8), (0, 1, 0, 1, 8)];
    for c in [0u16, 1, 2, 8] {
        merges.push((0, 2, c, 3, c));
    }
    merges.push((0, 2, 3, 2, 5));
    merges.push((0, 2, 6, 2, 7));
    // 马干部 visited the first three households.
    merges.push((0, 4, 5, 6, 5));
    merges.push((0, 10, 0, 10, 5));
    ib.xlsx_merged(XI, &[("Sheet1", xi)], &merges);

    // 水泉社区's slogans: no unit column, the title names it.
    ib.xlsx(
        "水泉社区宣传标语悬挂情况.xlsx",
        &[(
            "标语",
            vec![
                row(&["水泉社区“双提升”宣传标语悬挂登记表"]),
                row(&[
                    "序号",
                    "标语具体内容",
                    "张贴形式",
                    "悬挂位置",
                    "悬挂时间",
                    "目前状态",
                ]),
                vec![
                    n(1.0),
                    s(&approved[0]),
                    s("横幅"),
                    s("社区服务中心门口"),
                    s("2021.4.20"),
                    s("完好"),
                ],
                vec![
                    n(2.0),
                    s(&approved[4]),
                    s("LED屏"),
                    s("社区广场"),
                    s("2021/4/22"),
                    s("滚动播放"),
                ],
                vec![
                    n(3.0),
                    s(&approved[5]),
                    s("墙体标语"),
                    s("菜市场"),
                    s("4月25日"),
                    s("在挂"),
                ],
                vec![
                    n(4.0),
                    s(&approved[1]),
                    s("条幅"),
                    s("小区东门"),
                    s("2021.4.20"),
                    s("已撤除"),
                ],
                vec![],
                row(&["填表人：孙干事"]),
            ],
        )],
    );

    // One town-wide dispute sheet: the unit column headed 所在村（社区）.
    let r = |no: f64, u: &str, day: &str, who: &str, ty: &str, what: &str, st: &str, on: &str| {
        let mut x = row(&["", u, day, who, ty, what, st, on, "王书记"]);
        x[0] = n(no);
        x
    };
    ib.xlsx(
        DISPUTES,
        &[(
            "排查化解",
            vec![
                row(&["水泉镇矛盾纠纷排查化解工作台账（2021年第6周）"]),
                row(&[
                    "序号",
                    "所在村（社区）",
                    "排查发现时间",
                    "纠纷当事人姓名",
                    "矛盾纠纷类型",
                    "简要案情",
                    "调处情况",
                    "结案时间",
                    "包案领导",
                ]),
                r(
                    1.0,
                    "东庄村",
                    "2021.5.10",
                    "张某某与李某某",
                    "邻里纠纷",
                    "宅基地边界",
                    "已调解",
                    "2021.5.12",
                ),
                r(
                    2.0,
                    "东庄村",
                    "5月11日",
                    "王某与赵某",
                    "婚姻家庭纠纷",
                    "夫妻吵架",
                    "调解中",
                    "",
                ),
                r(
                    3.0,
                    "东庄村",
                    "2021/5/13",
                    "刘某与孙某",
                    "土地承包纠纷",
                    "承包地界",
                    "已办结",
                    "20210514",
                ),
                r(
                    4.0,
                    "东庄村",
                    "2021.4.26",
                    "郑某与吴某",
                    "邻里",
                    "排水",
                    "调解中",
                    "",
                ),
                r(
                    5.0,
                    "西庄村",
                    "2021.5.12",
                    "陈某与林某",
                    "损害赔偿",
                    "狗咬伤人",
                    "已调解",
                    "2021.5.13",
                ),
                r(
                    6.0,
                    "西庄村",
                    "5月14日",
                    "何某与周某",
                    "劳动争议",
                    "拖欠工资",
                    "调解中",
                    "",
                ),
                r(
                    7.0,
                    "水泉社区",
                    "2021.5.11",
                    "物业公司与业主",
                    "物业纠纷",
                    "停车收费",
                    "已办结",
                    "2021.5.15",
                ),
                // E10: 经济 is no type of the plan.
                r(
                    8.0,
                    "水泉社区",
                    "2021.5.13",
                    "商户甲与商户乙",
                    "经济纠纷",
                    "货款",
                    "调解中",
                    "",
                ),
                // B11: no such village.
                r(
                    9.0,
                    "北庄村",
                    "2021.5.12",
                    "某甲与某乙",
                    "邻里",
                    "通行",
                    "调解中",
                    "",
                ),
                vec![],
                row(&[
                    "填表人：综治办　　审核人：",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "报送日期：2021.5.14",
                ]),
            ],
        )],
    );

    // Weekly reports. 东庄村: label/value, 报送日 with its time as text.
    ib.xlsx(
        "东庄村第6周工作周报.xlsx",
        &[(
            "周报",
            vec![
                row(&["东庄村“双提升”工作周报"]),
                row(&["报送日", "2021年5月14日 16:20"]),
                row(&["所属周次", "第六周"]),
                row(&[
                    "本周工作开展情况（必填）",
                    "入户走访8户，排查纠纷3起，化解2起",
                ]),
                vec![s("走访总户数（户）"), n(8.0)],
                vec![s("排查矛盾纠纷（件）"), n(3.0)],
                vec![s("化解矛盾纠纷（件）"), n(2.0)],
                row(&["填报人：李会计"]),
            ],
        )],
    );
    let report = |u: &str, sent: &str, visits: f64, screened: f64, resolved: f64| {
        vec![
            row(&[&format!("{u}每周工作情况报送表")]),
            row(&[
                "单位",
                "报送日",
                "周次",
                "本周主要工作",
                "走访总户数（户）",
                "排查纠纷（件）",
                "化解纠纷（件）",
            ]),
            vec![
                s(u),
                s(sent),
                n(6.0),
                s("走访、排查、宣传"),
                n(visits),
                n(screened),
                n(resolved),
            ],
        ]
    };
    ib.xlsx(
        "西庄村周报.xlsx",
        &[("第6周", report("西庄村", "2021.5.15 9:00", 5.0, 2.0, 1.0))],
    );
    ib.xlsx(
        "水泉社区周报.xlsx",
        &[("第6周", report("水泉社区", "2021/5/14", 0.0, 2.0, 1.0))],
    );

    // The liaison roster: E4 has ten digits.
    let l = |u: &str, phone: &str| row(&[u, "书记", "副书记", "联络员", phone, "2021.4.6"]);
    ib.xlsx(
        LIAISON,
        &[(
            "名单",
            vec![
                row(&["各村（社区）“双提升”联络员名单"]),
                row(&[
                    "村（社区）",
                    "党组织书记",
                    "分管同志",
                    "双提升联络员",
                    "联络员手机号码",
                    "报送时间",
                ]),
                l("东庄村", "13905310001"),
                l("西庄村", "1390531234"),
                l("水泉社区", "0531-87654321"),
            ],
        )],
    );
    ib
}

#[test]
fn a_fourth_offices_ledgers_give_the_hand_counted_figures() {
    let ib = fourth_office();
    let o = ib.run(&[
        "weekly", "inbox", "--week", "6", "-o", "out", "--json", "w.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("w.json"));
    let keys = [
        "households_visited",
        "in_person",
        "phone",
        "questionnaires",
        "letters",
    ];
    for (u, want) in [("东庄村", [9, 6, 3, 6, 4]), ("西庄村", [5, 4, 1, 4, 3])] {
        let got: Vec<Value> = keys
            .iter()
            .map(|k| unit(&j, u)["visits"][k].clone())
            .collect();
        assert_eq!(got, want.map(Value::from), "{u} visits {keys:?}");
    }
    assert_eq!(unit(&j, "东庄村")["visits"]["new"], 8);
    for (u, new, resolved) in [("东庄村", 3, 2), ("西庄村", 2, 1), ("水泉社区", 2, 1)] {
        let dsp = &unit(&j, u)["disputes"];
        assert_eq!(
            (dsp["new"].clone(), dsp["resolved"].clone()),
            (new.into(), resolved.into()),
            "{u} disputes {dsp}"
        );
        assert!(dsp.get("unknown").is_none(), "{u} {dsp}");
    }
    for u in ["东庄村", "水泉社区"] {
        let sl = &unit(&j, u)["slogans"];
        assert_eq!(
            (sl["hanging"].clone(), sl["ok"].clone()),
            (3.into(), true.into()),
            "{u} {sl}"
        );
    }
    let wr = |u: &str| unit(&j, u)["weekly_report"]["status"].clone();
    assert_eq!(wr("东庄村"), "on_time");
    assert_eq!(wr("西庄村"), "late");
    assert_eq!(wr("水泉社区"), "on_time");
    for u in ["东庄村", "西庄村"] {
        assert!(unit(&j, u)["visits"].get("unknown").is_none(), "{u}");
    }
}

/// `check` finds exactly the four planted problems, each at its cell: nothing on the titles, the
/// 填报单位 line, the grouped header, the 合计 row, the notes, the dates written six ways.
#[test]
fn a_fourth_offices_planted_problems_are_found_at_their_cells_and_nothing_else() {
    let ib = fourth_office();
    let o = ib.run(&["check", "inbox", "--json", "c.json"]);
    assert!(o.status.code().is_some(), "{}", stderr(&o));
    let j = json(&ib.path("c.json"));
    let p = |code: &str, file: &str, sheet: &str, cell: &str| {
        (
            code.to_string(),
            file.to_string(),
            sheet.to_string(),
            cell.to_string(),
        )
    };
    assert_eq!(
        problems(&j),
        [
            p("bad_choice", DISPUTES, "排查化解", "E10"),
            p("bad_date", DONG, "走访登记", "D12"),
            p("bad_phone", LIAISON, "名单", "E4"),
            p("unknown_unit", DISPUTES, "排查化解", "B11"),
        ],
        "{:#?}",
        j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] != "info")
            .map(|d| format!("{} {} {}", d["cell"], d["message"], d["hint"]))
            .collect::<Vec<_>>()
    );
}

/// The month (May: weeks 5–8, 05-03 … 05-30) gives the same hand counts: no visit or dispute of
/// the inbox falls in May outside week 6 (the 04-20 visit and the 04-26 dispute are April's), and
/// each village sent one weekly report in May (week 6), so three weeks are missing.
#[test]
fn a_fourth_offices_month_gives_the_hand_counted_figures() {
    let ib = fourth_office();
    let o = ib.run(&[
        "monthly", "inbox", "--month", "2021-05", "-o", "out", "--json", "m.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&ib.path("m.json"));
    for (u, visited, in_person, new, resolved, on_time, late) in [
        ("东庄村", 9, 6, 3, 2, 1, 0),
        ("西庄村", 5, 4, 2, 1, 0, 1),
        ("水泉社区", 0, 0, 2, 1, 1, 0),
    ] {
        let x = unit(&j, u);
        let got = [
            x["visits"]["households_visited"].clone(),
            x["visits"]["in_person"].clone(),
            x["disputes"]["new"].clone(),
            x["disputes"]["resolved"].clone(),
            x["weekly_reports"]["on_time"].clone(),
            x["weekly_reports"]["late"].clone(),
            x["weekly_reports"]["missing"].clone(),
        ];
        let want = [visited, in_person, new, resolved, on_time, late, 3].map(Value::from);
        assert_eq!(got, want, "{u}: {x}");
    }
}
