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

/// Which column of its kind a declared column is: a named field, or questionnaire question N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColId {
    Named(u8),
    Question(u32),
}

/// A column of one ledger kind, named so the compiler checks it; the Chinese canonical name, the
/// aliases, the type and the allowed values live in the declaration (`Specs::new`).
pub trait Col: Copy {
    const KIND: Kind;
    const COUNT: usize;
    fn id(self) -> u8;
}

macro_rules! columns {
    ($(#[$m:meta])* $name:ident for $kind:ident { $($v:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($v),* }
        impl Col for $name {
            const KIND: Kind = Kind::$kind;
            const COUNT: usize = [$($name::$v),*].len();
            fn id(self) -> u8 {
                self as u8
            }
        }
    };
}

columns!(
    /// 村居名册
    RegisterCol for Register { Name, Category, Households, Grids, Population, Alias }
);
columns!(
    /// 联络员名单
    LiaisonCol for Liaison { Unit, Leader, LeaderTitle, Deputy, Liaison, Phone, Date }
);
columns!(
    /// 周报
    WeeklyCol for WeeklyReport { Unit, Submitted, Week, Content, Visits, Screened, Resolved, Broadcasts }
);
columns!(
    /// 走访台账
    VisitCol for Visit { Unit, Group, Head, Date, Method, Questionnaire, Letter, Visitor }
);
columns!(
    /// 问卷 (the questions themselves are `ColId::Question(n)`, see `Spec::question`)
    SurveyCol for Survey { Unit, Date, Gender, Age, Comment }
);
columns!(
    /// 问卷汇总
    TallyCol for SurveyTally { Unit, Question, Option, Count }
);
columns!(
    /// 矛盾纠纷台账
    DisputeCol for Dispute { Unit, Date, Parties, Type, Summary, Status, ResolvedOn, Owner, Representatives }
);
columns!(
    /// 标语台账
    SloganCol for Slogan { Unit, Text, Form, Location, Date, Status }
);
columns!(
    /// 工作活动台账
    ActivityCol for Activity { Unit, Date, Type, People, Content }
);
columns!(
    /// 进网格干警名单
    OfficerCol for Officer { Name, Org, Unit, Grid, Date, GridLeader, GridMember, Phone }
);
columns!(
    /// 督查记录
    SupervisionCol for Supervision { Date, Unit, Method, Problem, Requirement, Deadline, Status, Inspector }
);

/// A fixed list of allowed values whose members mean something to the code: each is a variant, and
/// the Chinese words (in declaration order) are what the templates offer and the parser accepts.
macro_rules! choices {
    ($(#[$m:meta])* $name:ident { $($v:ident = $zh:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($v),* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            pub const NAMES: &'static [&'static str] = &[$($zh),*];
            pub fn zh(self) -> &'static str {
                Self::NAMES[self as usize]
            }
            /// The variant at position `i` of the allowed values (what the parser stores).
            pub fn from_index(i: u8) -> Option<$name> {
                Self::ALL.get(i as usize).copied()
            }
        }
    };
}

choices!(
    /// 村居名册 类别
    UnitCategory { Village = "村", Community = "社区", TownUnit = "镇直单位" }
);
choices!(
    /// 走访方式
    VisitMethod { InPerson = "入户", Phone = "电话" }
);
choices!(
    /// 标语 形式
    SloganForm { Banner = "横幅", Wall = "墙体", Screen = "电子显示屏", Other = "其他" }
);
choices!(
    /// 标语 状态
    SloganStatus { Hanging = "在挂", Removed = "已撤" }
);
choices!(
    /// 工作活动 活动类型
    ActivityType {
        Mobilisation = "动员部署会",
        TopicMeeting = "专题部署会",
        Broadcast = "大喇叭宣传",
        Talk = "座谈宣讲",
        Van = "宣传车",
        Summary = "工作总结",
        Other = "其他",
    }
);
choices!(
    /// 干警 所属单位
    OfficerOrg { Court = "法院", Procuratorate = "检察院", Police = "公安", Justice = "司法", Other = "其他" }
);
choices!(
    /// 督查方式
    SupervisionMethod { Visit = "上门查看", Undercover = "明察暗访", Phone = "电话抽查" }
);
choices!(
    /// 整改状态
    RectifyStatus { Done = "已整改", InProgress = "整改中", NotYet = "未整改" }
);

#[derive(Debug, Clone)]
pub struct Column {
    /// Which column this is (what the code names it by).
    pub id: ColId,
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
    /// Position in `columns` of each named column (`Col::id` order).
    index: Vec<usize>,
    /// Position of questionnaire question 1 (questions are consecutive), for the 问卷.
    first_question: Option<usize>,
}

impl Spec {
    /// The declaration of `kind` from its columns; `C` names them. Every variant of `C` must be
    /// declared exactly once (checked here, so a declaration that forgets one fails every test).
    fn declare<C: Col>(columns: Vec<Column>, min_columns: usize) -> Spec {
        let mut index = vec![usize::MAX; C::COUNT];
        for (i, c) in columns.iter().enumerate() {
            if let ColId::Named(id) = c.id {
                assert_eq!(
                    index[id as usize],
                    usize::MAX,
                    "{:?}: {} declared twice",
                    C::KIND,
                    c.name
                );
                index[id as usize] = i;
            }
        }
        assert!(
            index.iter().all(|&i| i != usize::MAX),
            "{:?}: a column is not declared",
            C::KIND
        );
        Spec {
            kind: C::KIND,
            unit_col: columns.iter().position(|c| c.ty == Ty::Unit),
            first_question: columns
                .iter()
                .position(|c| matches!(c.id, ColId::Question(_))),
            columns,
            min_columns,
            index,
        }
    }

    /// The position of column `c` in this kind's columns (and in every parsed row's values).
    pub fn col<C: Col>(&self, c: C) -> usize {
        debug_assert_eq!(self.kind, C::KIND);
        self.index[c.id() as usize]
    }

    /// The position of questionnaire question `n` (1-based, plan order), for the 问卷.
    pub fn question(&self, n: usize) -> usize {
        self.first_question.expect("only the 问卷 has questions") + n - 1
    }
}

/// Every ledger kind's declaration, in `Kind::ALL` order.
#[derive(Debug, Clone)]
pub struct Specs(pub Vec<Spec>);

impl Specs {
    pub fn get(&self, kind: Kind) -> &Spec {
        &self.0[Kind::ALL.iter().position(|k| *k == kind).unwrap()]
    }

    /// The position of column `c` in its kind's rows.
    pub fn col<C: Col>(&self, c: C) -> usize {
        self.get(C::KIND).col(c)
    }
}

pub const UNIT_KINDS: &[&str] = UnitCategory::NAMES;
pub const VISIT_METHODS: &[&str] = VisitMethod::NAMES;
pub const SLOGAN_FORMS: &[&str] = SloganForm::NAMES;
pub const SLOGAN_STATUSES: &[&str] = SloganStatus::NAMES;
pub const ACTIVITY_TYPES: &[&str] = ActivityType::NAMES;
pub const OFFICER_UNITS: &[&str] = OfficerOrg::NAMES;
pub const SUPERVISION_METHODS: &[&str] = SupervisionMethod::NAMES;
pub const RECTIFY_STATUSES: &[&str] = RectifyStatus::NAMES;

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

fn col<C: Col>(id: C, name: &str, aliases: &[&str], ty: Ty, required: bool) -> Column {
    Column {
        id: ColId::Named(id.id()),
        name: name.to_string(),
        aliases: strs(aliases),
        ty,
        required,
        note: String::new(),
    }
}

fn req<C: Col>(id: C, name: &str, aliases: &[&str], ty: Ty) -> Column {
    col(id, name, aliases, ty, true)
}

fn opt<C: Col>(id: C, name: &str, aliases: &[&str], ty: Ty) -> Column {
    col(id, name, aliases, ty, false)
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

fn unit<C: Col>(id: C) -> Column {
    req(id, "村居", UNIT_ALIASES, Ty::Unit)
}

impl Specs {
    pub fn new(plan: &Plan) -> Specs {
        let register = Spec::declare::<RegisterCol>(
            vec![
                req(
                    RegisterCol::Name,
                    "名称",
                    &["村居名称", "单位名称", "村(社区)名称", "村居", "村名"],
                    Ty::Text,
                ),
                req(
                    RegisterCol::Category,
                    "类别",
                    &["类型", "单位类别", "村居类别"],
                    choice(UNIT_KINDS),
                ),
                // Required for 村/社区 only: checked when the register is built.
                opt(
                    RegisterCol::Households,
                    "户数",
                    &["户籍户数", "总户数", "户数(户)", "常住户数"],
                    Ty::Count,
                ),
                opt(
                    RegisterCol::Grids,
                    "网格数",
                    &["网格数量", "网格个数"],
                    Ty::Count,
                ),
                opt(
                    RegisterCol::Population,
                    "人口",
                    &["人口数", "总人口", "户籍人口"],
                    Ty::Count,
                ),
                opt(
                    RegisterCol::Alias,
                    "别名",
                    &["简称", "曾用名", "其他名称"],
                    Ty::Text,
                ),
            ],
            3,
        );
        let liaison = Spec::declare::<LiaisonCol>(
            vec![
                unit(LiaisonCol::Unit),
                req(
                    LiaisonCol::Leader,
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
                opt(LiaisonCol::LeaderTitle, "一把手职务", &["职务"], Ty::Text),
                req(
                    LiaisonCol::Deputy,
                    "分管负责人",
                    &["分管同志", "分管领导", "分管负责同志", "具体负责人"],
                    Ty::Text,
                ),
                req(
                    LiaisonCol::Liaison,
                    "联络员",
                    &["联络员姓名", "双提升联络员", "工作联络员"],
                    Ty::Text,
                ),
                req(
                    LiaisonCol::Phone,
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
                req(
                    LiaisonCol::Date,
                    "报送日期",
                    &["报送时间", "上报日期", "填报日期"],
                    Ty::Date,
                ),
            ],
            4,
        );
        let weekly = Spec::declare::<WeeklyCol>(
            vec![
                unit(WeeklyCol::Unit),
                req(
                    WeeklyCol::Submitted,
                    "报送时间",
                    &["报送日期", "上报时间", "上报日期", "填报时间", "提交时间"],
                    Ty::DateTime,
                ),
                opt(
                    WeeklyCol::Week,
                    "所属周次",
                    &["周次", "期数", "所属周", "第几周"],
                    Ty::Week,
                ),
                req(
                    WeeklyCol::Content,
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
                opt(
                    WeeklyCol::Visits,
                    "走访户数",
                    &["本周走访户数", "走访数"],
                    Ty::Count,
                ),
                opt(
                    WeeklyCol::Screened,
                    "排查纠纷数",
                    &["排查矛盾纠纷数", "本周排查纠纷数", "排查数"],
                    Ty::Count,
                ),
                opt(
                    WeeklyCol::Resolved,
                    "化解纠纷数",
                    &["化解矛盾纠纷数", "本周化解纠纷数", "化解数"],
                    Ty::Count,
                ),
                opt(
                    WeeklyCol::Broadcasts,
                    "大喇叭宣传次数",
                    &["大喇叭次数", "广播次数", "大喇叭宣传"],
                    Ty::Count,
                ),
            ],
            2,
        );
        let visit = Spec::declare::<VisitCol>(
            vec![
                unit(VisitCol::Unit),
                opt(
                    VisitCol::Group,
                    "村民小组/网格",
                    &["村民小组", "网格", "小组", "组别", "所在网格", "组"],
                    Ty::Text,
                ),
                req(
                    VisitCol::Head,
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
                req(VisitCol::Date, "走访日期", &["走访时间", "日期"], Ty::Date),
                req(
                    VisitCol::Method,
                    "走访方式",
                    &["方式", "走访形式"],
                    choice(VISIT_METHODS),
                ),
                opt(
                    VisitCol::Questionnaire,
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
                    VisitCol::Letter,
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
                opt(
                    VisitCol::Visitor,
                    "走访人",
                    &["走访干部", "走访人员"],
                    Ty::Text,
                ),
            ],
            3,
        );
        let mut survey_cols = vec![
            unit(SurveyCol::Unit),
            opt(
                SurveyCol::Date,
                "调查日期",
                &["日期", "填表日期", "调查时间"],
                Ty::Date,
            ),
            opt(
                SurveyCol::Gender,
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
            opt(SurveyCol::Age, "年龄", &["年龄段"], Ty::Text),
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
                id: ColId::Question(n),
                name: format!("第{n}题"),
                aliases,
                ty: Ty::Answer(n),
                required: false,
                note: q.options.join(" / "),
            });
        }
        survey_cols.push(opt(
            SurveyCol::Comment,
            "意见建议",
            &["意见和建议", "建议", "其他意见"],
            Ty::Text,
        ));
        let survey = Spec::declare::<SurveyCol>(survey_cols, 3);
        let tally = Spec::declare::<TallyCol>(
            vec![
                unit(TallyCol::Unit),
                // 题号 is text: clerks write 1, 第1题, Q1 or the question itself; resolved against the plan in survey.rs.
                req(
                    TallyCol::Question,
                    "题号",
                    &["题目", "问题", "题次"],
                    Ty::Text,
                ),
                req(TallyCol::Option, "选项", &["答案", "选项内容"], Ty::Text),
                req(
                    TallyCol::Count,
                    "人数",
                    &["数量", "票数", "选择人数", "计数"],
                    Ty::Count,
                ),
            ],
            3,
        );
        let disputes = &plan.disputes;
        // A zero report writes one of the zero-report words in the type column.
        let mut dispute_types = disputes.types.clone();
        dispute_types.extend(disputes.zero_report_types.iter().cloned());
        let dispute = Spec::declare::<DisputeCol>(
            vec![
                unit(DisputeCol::Unit),
                req(
                    DisputeCol::Date,
                    "排查日期",
                    &["摸排时间", "摸排日期", "登记日期", "排查时间", "受理日期"],
                    Ty::Date,
                ),
                req(
                    DisputeCol::Parties,
                    "当事人",
                    &["双方当事人", "当事人姓名", "纠纷当事人"],
                    Ty::Person,
                ),
                req(
                    DisputeCol::Type,
                    "纠纷类型",
                    &["类型", "纠纷类别"],
                    Ty::Choice(dispute_types),
                ),
                opt(
                    DisputeCol::Summary,
                    "简要情况",
                    &["纠纷简要情况", "基本情况", "主要情况", "纠纷情况"],
                    Ty::Text,
                ),
                req(
                    DisputeCol::Status,
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
                    DisputeCol::ResolvedOn,
                    "化解日期",
                    &["化解时间", "办结日期", "调处日期", "办结时间"],
                    Ty::Date,
                ),
                opt(
                    DisputeCol::Owner,
                    "责任人",
                    &["包案人", "调处人", "负责人", "化解责任人"],
                    Ty::Text,
                ),
                opt(
                    DisputeCol::Representatives,
                    "群众代表参与",
                    &["群众代表", "是否有群众代表参与"],
                    Ty::YesNo,
                ),
            ],
            4,
        );
        let slogan = Spec::declare::<SloganCol>(
            vec![
                unit(SloganCol::Unit),
                req(
                    SloganCol::Text,
                    "标语内容",
                    &["宣传内容", "标语", "内容"],
                    Ty::Text,
                ),
                req(
                    SloganCol::Form,
                    "形式",
                    &[
                        "载体",
                        "宣传形式",
                        "标语形式",
                        "宣传载体",
                        "载体形式",
                        "悬挂形式",
                    ],
                    choice(SLOGAN_FORMS),
                ),
                opt(
                    SloganCol::Location,
                    "位置",
                    &["悬挂位置", "地点", "悬挂地点"],
                    Ty::Text,
                ),
                req(
                    SloganCol::Date,
                    "悬挂日期",
                    &["悬挂时间", "日期", "播放日期"],
                    Ty::Date,
                ),
                opt(
                    SloganCol::Status,
                    "状态",
                    &["悬挂状态"],
                    choice(SLOGAN_STATUSES),
                ),
            ],
            3,
        );
        let activity = Spec::declare::<ActivityCol>(
            vec![
                unit(ActivityCol::Unit),
                req(
                    ActivityCol::Date,
                    "日期",
                    &["活动日期", "会议日期", "时间"],
                    Ty::Date,
                ),
                req(
                    ActivityCol::Type,
                    "活动类型",
                    &["活动名称", "会议类型", "活动形式"],
                    choice(ACTIVITY_TYPES),
                ),
                opt(
                    ActivityCol::People,
                    "参加人数",
                    &["参会人数", "人数"],
                    Ty::Count,
                ),
                opt(
                    ActivityCol::Content,
                    "内容",
                    &["活动内容", "会议内容", "主要内容"],
                    Ty::Text,
                ),
            ],
            2,
        );
        let officer = Spec::declare::<OfficerCol>(
            vec![
                req(
                    OfficerCol::Name,
                    "姓名",
                    &["干警姓名", "政法干警"],
                    Ty::Text,
                ),
                req(
                    OfficerCol::Org,
                    "所属单位",
                    &["单位", "工作单位", "派出单位"],
                    choice(OFFICER_UNITS),
                ),
                req(
                    OfficerCol::Unit,
                    "进驻村居",
                    &["进驻村(居)", "进驻村", "联系村居", "包联村"],
                    Ty::Unit,
                ),
                req(
                    OfficerCol::Grid,
                    "网格",
                    &["派驻网格", "进驻网格", "网格名称"],
                    Ty::Text,
                ),
                req(
                    OfficerCol::Date,
                    "报到日期",
                    &["报到时间", "进驻日期"],
                    Ty::Date,
                ),
                opt(OfficerCol::GridLeader, "网格长", &[], Ty::Text),
                opt(OfficerCol::GridMember, "网格员", &[], Ty::Text),
                opt(
                    OfficerCol::Phone,
                    "联系电话",
                    &["手机号码", "电话", "联系方式"],
                    Ty::Phone,
                ),
            ],
            4,
        );
        let supervision = Spec::declare::<SupervisionCol>(
            vec![
                req(
                    SupervisionCol::Date,
                    "督查日期",
                    &["检查日期", "督查时间", "检查时间"],
                    Ty::Date,
                ),
                unit(SupervisionCol::Unit),
                req(
                    SupervisionCol::Method,
                    "督查方式",
                    &["检查方式", "方式"],
                    choice(SUPERVISION_METHODS),
                ),
                opt(
                    SupervisionCol::Problem,
                    "发现问题",
                    &["存在问题", "问题"],
                    Ty::Text,
                ),
                opt(
                    SupervisionCol::Requirement,
                    "整改要求",
                    &["整改意见"],
                    Ty::Text,
                ),
                opt(
                    SupervisionCol::Deadline,
                    "整改期限",
                    &["整改时限", "限期"],
                    Ty::Date,
                ),
                opt(
                    SupervisionCol::Status,
                    "整改状态",
                    &["整改情况", "是否整改"],
                    choice(RECTIFY_STATUSES),
                ),
                opt(
                    SupervisionCol::Inspector,
                    "督查人",
                    &["检查人", "督查人员"],
                    Ty::Text,
                ),
            ],
            2,
        );
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
