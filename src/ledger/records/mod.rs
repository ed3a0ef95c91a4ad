//! Typed records, one type per ledger kind, built from parsed rows once their unit is known. Every
//! record keeps where it came from (`Src`), so anything a report says can be traced to a cell.
//!
//! This file holds the record types and `Records`, every record read by kind; `build` turns a
//! parsed row's values into a record (`Records::push`) and reads them by column (`Fields`);
//! `texts` keeps each text once (`Text`); `reading` holds each file's records as they are read
//! and builds the run's lists from them once (`Reading`, `Gather`).

mod build;
mod texts;

pub use build::{Fields, Typing};
pub use reading::{At, Gather, Reading};
use texts::Retext;
pub use texts::{Text, Texts};

use super::schema::{ActivityType, Kind, OfficerOrg, RectifyStatus, SloganForm, SupervisionMethod};
use crate::resolve::units::UnitId;
use chrono::{NaiveDate, NaiveDateTime};

/// Where a record came from: a sheet (index into `Dataset::sheets`) and an absolute 0-based row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Src {
    pub sheet: u32,
    pub row: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Liaison {
    pub src: Src,
    pub unit: UnitId,
    pub leader: Text,
    pub leader_title: Text,
    pub deputy: Text,
    pub liaison: Text,
    pub phone: Text,
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeeklyReport {
    pub src: Src,
    pub unit: UnitId,
    pub submitted: Option<NaiveDateTime>,
    /// Whether a time of day was written (a bare date on or before the Friday is on time).
    pub has_time: bool,
    pub week: Option<u32>,
    pub content: Text,
    pub visits: Option<u32>,
    pub disputes_screened: Option<u32>,
    pub disputes_resolved: Option<u32>,
    pub broadcasts: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visit {
    pub src: Src,
    pub unit: UnitId,
    pub group: Text,
    pub head: Text,
    pub date: Option<NaiveDate>,
    /// 入户 (true) or 电话 (false); None when unreadable, or when the sheet has no 走访方式 column
    /// (told apart by `Dataset::unread(src)`, which the figures read: such a household's split is
    /// 无法统计, not 电话).
    pub in_person: Option<bool>,
    pub questionnaire: Option<bool>,
    pub letter: Option<bool>,
    pub visitor: Text,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyResponse {
    pub src: Src,
    pub unit: UnitId,
    pub date: Option<NaiveDate>,
    pub gender: Option<u8>,
    pub age: Text,
    /// Per questionnaire question (plan order): the chosen option's index.
    pub answers: Vec<Option<u8>>,
    pub comment: Text,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyTally {
    pub src: Src,
    pub unit: UnitId,
    /// 题号 as written (1, 第1题, Q1, or the question's text); resolved by `survey::tally_target`.
    pub question: Text,
    /// 选项 as written (option text, number or letter).
    pub option: Text,
    /// 人数; None when blank or unreadable (already reported).
    pub count: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dispute {
    pub src: Src,
    pub unit: UnitId,
    pub date: Option<NaiveDate>,
    pub parties: Text,
    /// Index into the plan's dispute types; None for a zero report or unreadable.
    pub dtype: Option<u8>,
    pub summary: Text,
    /// Index into the plan's statuses.
    pub status: Option<u8>,
    pub resolved_on: Option<NaiveDate>,
    pub owner: Text,
    pub representatives: Option<bool>,
    /// A zero report (零报告): proves the week's screening, is not a dispute.
    pub zero: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Slogan {
    pub src: Src,
    pub unit: UnitId,
    pub text: Text,
    pub form: Option<SloganForm>,
    pub location: Text,
    pub date: Option<NaiveDate>,
    /// 在挂 or blank → true; 已撤 → false.
    pub hanging: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Activity {
    pub src: Src,
    pub unit: UnitId,
    pub date: Option<NaiveDate>,
    pub atype: Option<ActivityType>,
    pub people: Option<u32>,
    pub content: Text,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Officer {
    pub src: Src,
    pub unit: UnitId,
    pub name: Text,
    pub org: Option<OfficerOrg>,
    pub grid: Text,
    pub date: Option<NaiveDate>,
    pub grid_leader: Text,
    pub grid_member: Text,
    pub phone: Text,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Supervision {
    pub src: Src,
    pub unit: UnitId,
    pub date: Option<NaiveDate>,
    pub method: Option<SupervisionMethod>,
    pub problem: Text,
    pub requirement: Text,
    pub deadline: Option<NaiveDate>,
    pub status: Option<RectifyStatus>,
    pub inspector: Text,
}

/// Every record read, by kind, and the texts they name (`Records::text`).
#[derive(Debug, Default)]
pub struct Records {
    pub texts: Texts,
    pub liaisons: Vec<Liaison>,
    pub weekly: Vec<WeeklyReport>,
    pub visits: Vec<Visit>,
    pub surveys: Vec<SurveyResponse>,
    pub tallies: Vec<SurveyTally>,
    pub disputes: Vec<Dispute>,
    pub slogans: Vec<Slogan>,
    pub activities: Vec<Activity>,
    pub officers: Vec<Officer>,
    pub supervisions: Vec<Supervision>,
}

/// `$m!(Kind => field, …)` over every kind that has records.
macro_rules! each_kind_named {
    ($m:ident) => {
        $m!(
            Liaison => liaisons,
            WeeklyReport => weekly,
            Visit => visits,
            Survey => surveys,
            SurveyTally => tallies,
            Dispute => disputes,
            Slogan => slogans,
            Activity => activities,
            Officer => officers,
            Supervision => supervisions
        )
    };
}

macro_rules! each_kind {
    ($m:ident) => {
        $m!(
            liaisons,
            weekly,
            visits,
            surveys,
            tallies,
            disputes,
            slogans,
            activities,
            officers,
            supervisions
        )
    };
}

/// `$body` with `$v` the list of records of `kind` (`$register` for `Kind::Register`, which has none).
macro_rules! by_kind {
    ($kind:expr, $register:expr, |$v:ident| $body:expr, [$($r:tt)+]) => {
        match $kind {
            Kind::Register => $register,
            Kind::Liaison => { let $v = $($r)+.liaisons; $body }
            Kind::WeeklyReport => { let $v = $($r)+.weekly; $body }
            Kind::Visit => { let $v = $($r)+.visits; $body }
            Kind::Survey => { let $v = $($r)+.surveys; $body }
            Kind::SurveyTally => { let $v = $($r)+.tallies; $body }
            Kind::Dispute => { let $v = $($r)+.disputes; $body }
            Kind::Slogan => { let $v = $($r)+.slogans; $body }
            Kind::Activity => { let $v = $($r)+.activities; $body }
            Kind::Officer => { let $v = $($r)+.officers; $body }
            Kind::Supervision => { let $v = $($r)+.supervisions; $body }
        }
    };
}

// (after the macros above, which it uses)
mod reading;

/// Each kind's text fields, renamed when a file's records join the run's (`Reading::add`).
macro_rules! retext {
    ($($t:ty => $($f:ident),*;)*) => {
        $(impl Retext for $t {
            fn retext(&mut self, map: &[Text]) {
                $(self.$f = map[self.$f.index()];)*
            }
        })*
    };
}

retext! {
    Liaison => leader, leader_title, deputy, liaison, phone;
    WeeklyReport => content;
    Visit => group, head, visitor;
    SurveyResponse => age, comment;
    SurveyTally => question, option;
    Dispute => parties, summary, owner;
    Slogan => text, location;
    Activity => content;
    Officer => name, grid, grid_leader, grid_member, phone;
    Supervision => problem, requirement, inspector;
}

impl Records {
    /// A record's text.
    pub fn text(&self, t: Text) -> &str {
        self.texts.get(t)
    }

    /// Every record's texts renamed: `map[id]` is the new id of text `id`.
    fn retext(&mut self, map: &[Text]) {
        macro_rules! retext_all {
            ($($f:ident),*) => {
                // Naming every field: a kind added to `Records` and not here does not compile.
                let Records { texts: _, $($f),* } = self;
                $($f.iter_mut().for_each(|r| r.retext(map));)*
            };
        }
        each_kind!(retext_all);
    }

    /// Whether record `i` here and record `j` of `other` (both of `kind`, their texts of one
    /// `Texts`) hold the same values, where they came from aside: the exact comparison behind the
    /// duplicate check's fingerprints.
    pub fn same(&self, kind: Kind, i: usize, other: &Records, j: usize) -> bool {
        macro_rules! same {
            ($($kind:ident => $f:ident),*) => {
                match kind {
                    Kind::Register => false,
                    $(Kind::$kind => {
                        let (a, b) = (&self.$f[i], &other.$f[j]);
                        let mut a = a.clone();
                        a.src = b.src;
                        a == *b
                    })*
                }
            };
        }
        each_kind_named!(same)
    }

    /// How many records of `kind` there are.
    pub fn len(&self, kind: Kind) -> usize {
        by_kind!(kind, 0, |v| v.len(), [&self])
    }

    /// Room for `n` more records of `kind`, exactly.
    pub fn reserve(&mut self, kind: Kind, n: usize) {
        by_kind!(kind, (), |v| v.reserve_exact(n), [&mut self])
    }

    /// The unit of record `i` of `kind` (0 for `Register`, which has no records).
    pub fn unit(&self, kind: Kind, i: usize) -> UnitId {
        by_kind!(kind, 0, |v| v[i].unit, [&self])
    }
}
