//! What the code names a ledger's parts by, so the compiler checks every use: the kinds, what a
//! column holds (`Ty`), one column enum per kind (`VisitCol::Head` …) and the fixed choice lists
//! whose members mean something to the code (`VisitMethod`, `RectifyStatus` …). The Chinese words
//! of each choice live beside its variant, in declaration order.

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

/// A figure the reports give that some required column's values feed. A sheet that lacks such a
/// column is still read (its rows count for every other figure); the figures its missing column
/// feeds are 无法统计 for the units it speaks for. A required column that feeds no figure identifies
/// a row (a visit without 户主姓名 means nothing): a sheet without it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feed {
    /// Households visited in person (走访进度 其中入户).
    InPerson,
    /// Households visited by phone only (其中电话).
    Phone,
    /// The households visited in person that were given the questionnaire and the open letter: the
    /// base of the delivery check (R5).
    DeliveryInPerson,
    /// Disputes resolved in the period.
    Resolved,
    /// Disputes resolved to date.
    ResolvedTotal,
    /// Disputes open past the limit, and those still open.
    Overdue,
    /// Each dispute's type, as the dispute lists and the monthly dispatch name it (no count depends
    /// on it: a dispute without its type is still a dispute, and a zero report is still told by its
    /// wording).
    DisputeType,
    /// The slogans a 镇直单位 plays on an electronic screen (for a 村/社区 every form counts).
    TownScreens,
    /// Which activities are the meetings and the summary the rules look for (R2, R8, R10).
    ActivityTypes,
    /// The office's checks by method (the rows still count, as 方式不明).
    SupervisionMethods,
}

impl Feed {
    /// The figure's name as the reports write it.
    pub fn zh(self) -> &'static str {
        match self {
            Feed::InPerson => "入户走访户数",
            Feed::Phone => "电话走访户数",
            Feed::DeliveryInPerson => "入户走访户中发放问卷和送达公开信的户数",
            Feed::Resolved => "本期化解数",
            Feed::ResolvedTotal => "累计化解数",
            Feed::Overdue => "逾期未化解数",
            Feed::DisputeType => "各纠纷的类型（纠纷清单中空缺）",
            Feed::TownScreens => "镇直单位电子显示屏播放的标语数（村、社区的标语数照算）",
            Feed::ActivityTypes => "动员部署会、专题部署会、工作总结是否已开展（按活动类型认出）",
            Feed::SupervisionMethods => "按督查方式分的督查次数（各次计入“方式不明”）",
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
    /// The variants' names, in `id` order (their snake_case is the column's key in ledgers.toml).
    const VARIANTS: &'static [&'static str];
    fn id(self) -> u8;
    /// The column's stable English key in `templates/ledgers.toml` (`VisitCol::ResolvedOn` →
    /// `resolved_on`).
    fn key(self) -> String {
        snake(Self::VARIANTS[self.id() as usize])
    }
}

/// `ResolvedOn` → `resolved_on`.
pub fn snake(v: &str) -> String {
    let mut out = String::new();
    for (i, c) in v.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every named column's key of `kind`, in `Col::id` order.
pub fn column_keys(kind: Kind) -> Vec<String> {
    let v = match kind {
        Kind::Register => RegisterCol::VARIANTS,
        Kind::Liaison => LiaisonCol::VARIANTS,
        Kind::WeeklyReport => WeeklyCol::VARIANTS,
        Kind::Visit => VisitCol::VARIANTS,
        Kind::Survey => SurveyCol::VARIANTS,
        Kind::SurveyTally => TallyCol::VARIANTS,
        Kind::Dispute => DisputeCol::VARIANTS,
        Kind::Slogan => SloganCol::VARIANTS,
        Kind::Activity => ActivityCol::VARIANTS,
        Kind::Officer => OfficerCol::VARIANTS,
        Kind::Supervision => SupervisionCol::VARIANTS,
    };
    v.iter().map(|s| snake(s)).collect()
}

macro_rules! columns {
    ($(#[$m:meta])* $name:ident for $kind:ident { $($v:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($v),* }
        impl Col for $name {
            const KIND: Kind = Kind::$kind;
            const COUNT: usize = [$($name::$v),*].len();
            const VARIANTS: &'static [&'static str] = &[$(stringify!($v)),*];
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

pub const UNIT_KINDS: &[&str] = UnitCategory::NAMES;
pub const VISIT_METHODS: &[&str] = VisitMethod::NAMES;
pub const SLOGAN_FORMS: &[&str] = SloganForm::NAMES;
pub const SLOGAN_STATUSES: &[&str] = SloganStatus::NAMES;
pub const ACTIVITY_TYPES: &[&str] = ActivityType::NAMES;
pub const OFFICER_UNITS: &[&str] = OfficerOrg::NAMES;
pub const SUPERVISION_METHODS: &[&str] = SupervisionMethod::NAMES;
pub const RECTIFY_STATUSES: &[&str] = RectifyStatus::NAMES;

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
