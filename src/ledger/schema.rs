//! One declaration per ledger kind: its canonical columns, the header wordings villages use for them,
//! each column's type, whether it is required and its allowed values. Recognition, parsing, the blank
//! templates and the README's table of columns are all driven from here, so they cannot disagree.
//!
//! Some allowed values (dispute types and statuses, questionnaire questions) come from the plan, so the
//! declarations are built once per run from the plan in force.

use crate::plan::Plan;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Register,
    Liaison,
    WeeklyReport,
    Visit,
    Survey,
    SurveyTally,
    Dispute,
    Slogan,
    Activity,
    Officer,
    Supervision,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Register,
        Kind::Liaison,
        Kind::WeeklyReport,
        Kind::Visit,
        Kind::Survey,
        Kind::SurveyTally,
        Kind::Dispute,
        Kind::Slogan,
        Kind::Activity,
        Kind::Officer,
        Kind::Supervision,
    ];

    /// The ledger's name as the office calls it.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Register => "村居名册",
            Kind::Liaison => "联络员名单",
            Kind::WeeklyReport => "周报",
            Kind::Visit => "走访台账",
            Kind::Survey => "问卷",
            Kind::SurveyTally => "问卷汇总",
            Kind::Dispute => "矛盾纠纷台账",
            Kind::Slogan => "标语台账",
            Kind::Activity => "工作活动台账",
            Kind::Officer => "进网格干警名单",
            Kind::Supervision => "督查记录",
        }
    }

    /// The English key used in JSON (`files[].kind`).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Register => "register",
            Kind::Liaison => "liaison",
            Kind::WeeklyReport => "weekly_report",
            Kind::Visit => "visit",
            Kind::Survey => "survey",
            Kind::SurveyTally => "survey_tally",
            Kind::Dispute => "dispute",
            Kind::Slogan => "slogan",
            Kind::Activity => "activity",
            Kind::Officer => "officer",
            Kind::Supervision => "supervision",
        }
    }
}

/// What a column holds, which decides how its cells are read.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// A 村/社区/镇直单位 name, matched against the register.
    Unit,
    /// Free text.
    Text,
    /// A villager's name: masked in reports for leaders.
    Person,
    /// A phone number, kept as text and checked.
    Phone,
    Date,
    /// A date with an optional time of day (周报 报送时间).
    DateTime,
    /// A whole number ≥ 0.
    Count,
    YesNo,
    /// One of a fixed list.
    Choice(Vec<String>),
    /// A campaign week: 第6周, 第6期, 6, or a date in the week.
    Week,
    /// An answer to questionnaire question N (option text or option number).
    Answer(u32),
}

#[derive(Debug, Clone)]
pub struct Column {
    /// Canonical header, as written in the blank template.
    pub name: String,
    /// Other wordings accepted (the canonical name is always accepted too).
    pub aliases: Vec<String>,
    pub ty: Ty,
    pub required: bool,
    /// A note shown in the template's 填表说明.
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub kind: Kind,
    pub columns: Vec<Column>,
    /// Index of the unit column, if the kind has one. A sheet without it takes its unit from the title row,
    /// sheet name or file name.
    pub unit_col: Option<usize>,
    /// At least this many columns besides the unit column must be found for a header row to count as
    /// this kind (and every required one).
    pub min_columns: usize,
}

impl Spec {
    pub fn col(&self, name: &str) -> usize {
        self.columns
            .iter()
            .position(|c| c.name == name)
            .unwrap_or_else(|| panic!("{:?} has no column {name}", self.kind))
    }
}

/// Every ledger kind's declaration, in `Kind::ALL` order.
#[derive(Debug, Clone)]
pub struct Specs(pub Vec<Spec>);

impl Specs {
    pub fn get(&self, kind: Kind) -> &Spec {
        &self.0[Kind::ALL.iter().position(|k| *k == kind).unwrap()]
    }
}

pub const UNIT_KINDS: [&str; 3] = ["村", "社区", "镇直单位"];
pub const VISIT_METHODS: [&str; 2] = ["入户", "电话"];
pub const SLOGAN_FORMS: [&str; 4] = ["横幅", "墙体", "电子显示屏", "其他"];
pub const SLOGAN_STATUSES: [&str; 2] = ["在挂", "已撤"];
pub const ACTIVITY_TYPES: [&str; 7] = [
    "动员部署会",
    "专题部署会",
    "大喇叭宣传",
    "座谈宣讲",
    "宣传车",
    "工作总结",
    "其他",
];
pub const OFFICER_UNITS: [&str; 5] = ["法院", "检察院", "公安", "司法", "其他"];
pub const SUPERVISION_METHODS: [&str; 3] = ["上门查看", "明察暗访", "电话抽查"];
pub const RECTIFY_STATUSES: [&str; 3] = ["已整改", "整改中", "未整改"];

/// Other words villages write for an allowed value (written → canonical). Applied only when the
/// canonical value is one of the column's allowed values.
pub const VALUE_SYNONYMS: &[(&str, &str)] = &[
    ("上门", "入户"),
    ("上门走访", "入户"),
    ("入户走访", "入户"),
    ("面访", "入户"),
    ("当面", "入户"),
    ("实地走访", "入户"),
    ("电访", "电话"),
    ("电话访问", "电话"),
    ("电话回访", "电话"),
    ("已调解", "已化解"),
    ("调解成功", "已化解"),
    ("化解成功", "已化解"),
    ("已解决", "已化解"),
    ("已办结", "已化解"),
    ("办结", "已化解"),
    ("已调处", "已化解"),
    ("调处成功", "已化解"),
    ("已结案", "已化解"),
    ("结案", "已化解"),
    ("已调解结案", "已化解"),
    ("正在调处", "化解中"),
    ("调处中", "化解中"),
    ("未调处", "未化解"),
    ("正在化解", "化解中"),
    ("调解中", "化解中"),
    ("处理中", "化解中"),
    ("正在调解", "化解中"),
    ("未解决", "未化解"),
    ("待化解", "未化解"),
    ("移交", "已移交"),
    ("已上报", "已移交"),
    ("移送", "已移交"),
    ("已移送", "已移交"),
    ("电子屏", "电子显示屏"),
    ("显示屏", "电子显示屏"),
    ("led屏", "电子显示屏"),
    ("led", "电子显示屏"),
    ("led显示屏", "电子显示屏"),
    ("条幅", "横幅"),
    ("墙体标语", "墙体"),
    ("墙面", "墙体"),
    ("悬挂中", "在挂"),
    ("正在悬挂", "在挂"),
    ("在用", "在挂"),
    ("正在播放", "在挂"),
    ("播放中", "在挂"),
    ("滚动播放", "在挂"),
    ("撤除", "已撤"),
    ("已拆除", "已撤"),
    ("已撤下", "已撤"),
    ("整改完成", "已整改"),
    ("已完成整改", "已整改"),
    ("正在整改", "整改中"),
    ("尚未整改", "未整改"),
    ("实地查看", "上门查看"),
    ("现场查看", "上门查看"),
    ("暗访", "明察暗访"),
    ("动员会", "动员部署会"),
    ("动员大会", "动员部署会"),
    ("动员部署大会", "动员部署会"),
    ("大喇叭广播", "大喇叭宣传"),
    ("广播宣传", "大喇叭宣传"),
    ("喇叭宣传", "大喇叭宣传"),
    ("座谈会", "座谈宣讲"),
    ("宣讲会", "座谈宣讲"),
    ("宣讲", "座谈宣讲"),
    ("总结会", "工作总结"),
    ("派出所", "公安"),
    ("公安局", "公安"),
    ("司法所", "司法"),
    ("法庭", "法院"),
    ("人民法院", "法院"),
    ("人民检察院", "检察院"),
    ("居委会", "社区"),
    ("行政村", "村"),
];

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn col(name: &str, aliases: &[&str], ty: Ty, required: bool) -> Column {
    Column {
        name: name.to_string(),
        aliases: strs(aliases),
        ty,
        required,
        note: String::new(),
    }
}

fn req(name: &str, aliases: &[&str], ty: Ty) -> Column {
    col(name, aliases, ty, true)
}

fn opt(name: &str, aliases: &[&str], ty: Ty) -> Column {
    col(name, aliases, ty, false)
}

fn choice(v: &[&str]) -> Ty {
    Ty::Choice(strs(v))
}

const UNIT_ALIASES: &[&str] = &[
    "村居名称",
    "村(居)",
    "村社区",
    "村(社区)",
    "村(社区)名称",
    "村名",
    "村别",
    "所在村",
    "所属村",
    "所属村居",
    "村居委会",
    "村委会",
    "单位",
    "单位名称",
    "报送单位",
    "填报单位",
    "村(社区)/单位",
];

fn unit() -> Column {
    req("村居", UNIT_ALIASES, Ty::Unit)
}

impl Specs {
    pub fn new(plan: &Plan) -> Specs {
        let register = Spec {
            kind: Kind::Register,
            columns: vec![
                req(
                    "名称",
                    &["村居名称", "单位名称", "村(社区)名称", "村居", "村名"],
                    Ty::Text,
                ),
                req(
                    "类别",
                    &["类型", "单位类别", "村居类别"],
                    choice(&UNIT_KINDS),
                ),
                // Required for 村/社区 only: checked when the register is built.
                opt(
                    "户数",
                    &["户籍户数", "总户数", "户数(户)", "常住户数"],
                    Ty::Count,
                ),
                opt("网格数", &["网格数量", "网格个数"], Ty::Count),
                opt("人口", &["人口数", "总人口", "户籍人口"], Ty::Count),
                opt("别名", &["简称", "曾用名", "其他名称"], Ty::Text),
            ],
            unit_col: None,
            min_columns: 3,
        };
        let liaison = Spec {
            kind: Kind::Liaison,
            columns: vec![
                unit(),
                req(
                    "一把手",
                    &[
                        "党组织书记",
                        "主要负责人",
                        "书记",
                        "一把手姓名",
                        "第一责任人",
                    ],
                    Ty::Text,
                ),
                opt("一把手职务", &["职务"], Ty::Text),
                req(
                    "分管负责人",
                    &["分管同志", "分管领导", "分管负责同志", "具体负责人"],
                    Ty::Text,
                ),
                req(
                    "联络员",
                    &["联络员姓名", "双提升联络员", "工作联络员"],
                    Ty::Text,
                ),
                req(
                    "联系电话",
                    &[
                        "手机号码",
                        "手机号",
                        "电话",
                        "联系方式",
                        "联络员电话",
                        "手机",
                    ],
                    Ty::Phone,
                ),
                req("报送日期", &["报送时间", "上报日期", "填报日期"], Ty::Date),
            ],
            unit_col: Some(0),
            min_columns: 4,
        };
        let weekly = Spec {
            kind: Kind::WeeklyReport,
            columns: vec![
                unit(),
                req(
                    "报送时间",
                    &["报送日期", "上报时间", "上报日期", "填报时间", "提交时间"],
                    Ty::DateTime,
                ),
                opt("所属周次", &["周次", "期数", "所属周", "第几周"], Ty::Week),
                req(
                    "本周工作开展情况",
                    &[
                        "工作开展情况",
                        "本周工作情况",
                        "开展情况",
                        "工作情况",
                        "本周工作",
                    ],
                    Ty::Text,
                ),
                opt("走访户数", &["本周走访户数", "走访数"], Ty::Count),
                opt(
                    "排查纠纷数",
                    &["排查矛盾纠纷数", "本周排查纠纷数", "排查数"],
                    Ty::Count,
                ),
                opt(
                    "化解纠纷数",
                    &["化解矛盾纠纷数", "本周化解纠纷数", "化解数"],
                    Ty::Count,
                ),
                opt(
                    "大喇叭宣传次数",
                    &["大喇叭次数", "广播次数", "大喇叭宣传"],
                    Ty::Count,
                ),
            ],
            unit_col: Some(0),
            min_columns: 2,
        };
        let visit = Spec {
            kind: Kind::Visit,
            columns: vec![
                unit(),
                opt(
                    "村民小组/网格",
                    &["村民小组", "网格", "小组", "组别", "所在网格", "组"],
                    Ty::Text,
                ),
                req(
                    "户主姓名",
                    &[
                        "户主",
                        "被走访人",
                        "被走访人姓名",
                        "姓名",
                        "走访对象",
                        "被走访户",
                        "被走访户户主",
                        "受访人",
                        "受访户",
                    ],
                    Ty::Person,
                ),
                req("走访日期", &["走访时间", "日期"], Ty::Date),
                req("走访方式", &["方式", "走访形式"], choice(&VISIT_METHODS)),
                opt(
                    "发放问卷",
                    &[
                        "问卷",
                        "是否发放问卷",
                        "问卷发放",
                        "问卷发放情况",
                        "发放问卷情况",
                    ],
                    Ty::YesNo,
                ),
                opt(
                    "送达公开信",
                    &[
                        "公开信",
                        "是否送达公开信",
                        "公开信送达",
                        "公开信送达情况",
                        "公开信发放情况",
                        "发放公开信",
                    ],
                    Ty::YesNo,
                ),
                opt("走访人", &["走访干部", "走访人员"], Ty::Text),
            ],
            unit_col: Some(0),
            min_columns: 3,
        };
        let mut survey_cols = vec![
            unit(),
            opt("调查日期", &["日期", "填表日期", "调查时间"], Ty::Date),
            opt(
                "性别",
                &[],
                choice(
                    &plan
                        .survey
                        .genders
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>(),
                ),
            ),
            opt("年龄", &["年龄段"], Ty::Text),
        ];
        for q in &plan.survey.questions {
            let n = q.no;
            let aliases = vec![
                format!("问题{n}"),
                format!("Q{n}"),
                format!("题{n}"),
                format!("第{n}问"),
                q.text.clone(),
            ];
            survey_cols.push(Column {
                name: format!("第{n}题"),
                aliases,
                ty: Ty::Answer(n),
                required: false,
                note: q.options.join(" / "),
            });
        }
        survey_cols.push(opt(
            "意见建议",
            &["意见和建议", "建议", "其他意见"],
            Ty::Text,
        ));
        let survey = Spec {
            kind: Kind::Survey,
            columns: survey_cols,
            unit_col: Some(0),
            min_columns: 3,
        };
        let tally = Spec {
            kind: Kind::SurveyTally,
            columns: vec![
                unit(),
                // 题号 is text: clerks write 1, 第1题, Q1 or the question itself; resolved against the plan in survey.rs.
                req("题号", &["题目", "问题", "题次"], Ty::Text),
                req("选项", &["答案", "选项内容"], Ty::Text),
                req("人数", &["数量", "票数", "选择人数", "计数"], Ty::Count),
            ],
            unit_col: Some(0),
            min_columns: 3,
        };
        let disputes = &plan.disputes;
        // A zero report writes one of the zero-report words in the type column.
        let mut dispute_types = disputes.types.clone();
        dispute_types.extend(disputes.zero_report_types.iter().cloned());
        let dispute = Spec {
            kind: Kind::Dispute,
            columns: vec![
                unit(),
                req(
                    "排查日期",
                    &["摸排时间", "摸排日期", "登记日期", "排查时间", "受理日期"],
                    Ty::Date,
                ),
                req(
                    "当事人",
                    &["双方当事人", "当事人姓名", "纠纷当事人"],
                    Ty::Person,
                ),
                req("纠纷类型", &["类型", "纠纷类别"], Ty::Choice(dispute_types)),
                opt(
                    "简要情况",
                    &["纠纷简要情况", "基本情况", "主要情况", "纠纷情况"],
                    Ty::Text,
                ),
                req(
                    "化解状态",
                    &[
                        "调处结果",
                        "办理结果",
                        "化解结果",
                        "办理状态",
                        "调处状态",
                        "化解情况",
                    ],
                    Ty::Choice(disputes.statuses.clone()),
                ),
                opt(
                    "化解日期",
                    &["化解时间", "办结日期", "调处日期", "办结时间"],
                    Ty::Date,
                ),
                opt(
                    "责任人",
                    &["包案人", "调处人", "负责人", "化解责任人"],
                    Ty::Text,
                ),
                opt(
                    "群众代表参与",
                    &["群众代表", "是否有群众代表参与"],
                    Ty::YesNo,
                ),
            ],
            unit_col: Some(0),
            min_columns: 4,
        };
        let slogan = Spec {
            kind: Kind::Slogan,
            columns: vec![
                unit(),
                req("标语内容", &["宣传内容", "标语", "内容"], Ty::Text),
                req(
                    "形式",
                    &[
                        "载体",
                        "宣传形式",
                        "标语形式",
                        "宣传载体",
                        "载体形式",
                        "悬挂形式",
                    ],
                    choice(&SLOGAN_FORMS),
                ),
                opt("位置", &["悬挂位置", "地点", "悬挂地点"], Ty::Text),
                req("悬挂日期", &["悬挂时间", "日期", "播放日期"], Ty::Date),
                opt("状态", &["悬挂状态"], choice(&SLOGAN_STATUSES)),
            ],
            unit_col: Some(0),
            min_columns: 3,
        };
        let activity = Spec {
            kind: Kind::Activity,
            columns: vec![
                unit(),
                req("日期", &["活动日期", "会议日期", "时间"], Ty::Date),
                req(
                    "活动类型",
                    &["活动名称", "会议类型", "活动形式"],
                    choice(&ACTIVITY_TYPES),
                ),
                opt("参加人数", &["参会人数", "人数"], Ty::Count),
                opt("内容", &["活动内容", "会议内容", "主要内容"], Ty::Text),
            ],
            unit_col: Some(0),
            min_columns: 2,
        };
        let officer = Spec {
            kind: Kind::Officer,
            columns: vec![
                req("姓名", &["干警姓名", "政法干警"], Ty::Text),
                req(
                    "所属单位",
                    &["单位", "工作单位", "派出单位"],
                    choice(&OFFICER_UNITS),
                ),
                req(
                    "进驻村居",
                    &["进驻村(居)", "进驻村", "联系村居", "包联村"],
                    Ty::Unit,
                ),
                req("网格", &["派驻网格", "进驻网格", "网格名称"], Ty::Text),
                req("报到日期", &["报到时间", "进驻日期"], Ty::Date),
                opt("网格长", &[], Ty::Text),
                opt("网格员", &[], Ty::Text),
                opt("联系电话", &["手机号码", "电话", "联系方式"], Ty::Phone),
            ],
            unit_col: Some(2),
            min_columns: 4,
        };
        let supervision = Spec {
            kind: Kind::Supervision,
            columns: vec![
                req("督查日期", &["检查日期", "督查时间", "检查时间"], Ty::Date),
                unit(),
                req(
                    "督查方式",
                    &["检查方式", "方式"],
                    choice(&SUPERVISION_METHODS),
                ),
                opt("发现问题", &["存在问题", "问题"], Ty::Text),
                opt("整改要求", &["整改意见"], Ty::Text),
                opt("整改期限", &["整改时限", "限期"], Ty::Date),
                opt(
                    "整改状态",
                    &["整改情况", "是否整改"],
                    choice(&RECTIFY_STATUSES),
                ),
                opt("督查人", &["检查人", "督查人员"], Ty::Text),
            ],
            unit_col: Some(1),
            min_columns: 2,
        };
        Specs(vec![
            register,
            liaison,
            weekly,
            visit,
            survey,
            tally,
            dispute,
            slogan,
            activity,
            officer,
            supervision,
        ])
    }
}

impl Ty {
    /// How the column's values are written, for people.
    pub fn zh(&self) -> String {
        match self {
            Ty::Unit => "村居名称".into(),
            Ty::Text => "文字".into(),
            Ty::Person => "姓名（报表中隐去）".into(),
            Ty::Phone => "电话".into(),
            Ty::Date => "日期".into(),
            Ty::DateTime => "日期时间".into(),
            Ty::Count => "整数".into(),
            Ty::YesNo => "是/否".into(),
            Ty::Choice(v) => v.join(" / "),
            Ty::Week => "周次（第6周、第6期、5月第1周或周内日期）".into(),
            Ty::Answer(_) => "选项文字或序号".into(),
        }
    }
}

impl Specs {
    /// The README's table of ledgers and columns (between the `<!-- columns -->` markers), drawn from
    /// the declarations so the two cannot disagree.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for spec in &self.0 {
            out.push_str(&format!(
                "#### {}（`{}`）\n\n",
                spec.kind.zh(),
                spec.kind.key()
            ));
            out.push_str("| 列名 | 必填 | 内容 | 也可写作 |\n| --- | --- | --- | --- |\n");
            let mut questions = Vec::new();
            for c in &spec.columns {
                if let Ty::Answer(n) = c.ty {
                    questions.push(n);
                    continue;
                }
                let aliases: Vec<&str> = c.aliases.iter().map(String::as_str).collect();
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    c.name,
                    if c.required { "是" } else { "" },
                    c.ty.zh(),
                    aliases.join("、")
                ));
            }
            if let (Some(a), Some(b)) = (questions.first(), questions.last()) {
                out.push_str(&format!(
                    "| 第{a}题 … 第{b}题 |  | 选项文字或序号 | 问题N、QN、题N、第N问，或题目原文（如“1、您知道什么是平安建设活动吗？”） |\n"
                ));
            }
            out.push('\n');
        }
        out
    }
}
