//! Typed records, one type per ledger kind, built from parsed rows once their unit is known. Every
//! record keeps where it came from (`Src`), so anything a report says can be traced to a cell.
//!
//! This file holds the record types and `Records`, every record read by kind; `build` turns a
//! parsed row's values into a record (`Records::push`) and reads them by column (`Fields`).

mod build;
mod texts;

pub use build::{Fields, Recent, Typing};
pub use texts::{Text, Texts};

use super::schema::{ActivityType, Kind, OfficerOrg, RectifyStatus, SloganForm, SupervisionMethod};
use crate::resolve::units::UnitId;
use chrono::{NaiveDate, NaiveDateTime};

/// Where a record came from: a sheet (index into `Dataset::sheets`) and an absolute 0-based row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Src {
    pub sheet: u32,
    pub row: u32,
}

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub src: Src,
    pub unit: UnitId,
    pub date: Option<NaiveDate>,
    pub atype: Option<ActivityType>,
    pub people: Option<u32>,
    pub content: Text,
}

#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

impl Records {
    /// A record's text.
    pub fn text(&self, t: Text) -> &str {
        self.texts.get(t)
    }

    /// Whether records `i` and `j` of `kind` hold the same values, where they came from aside: the
    /// exact comparison behind the duplicate check's fingerprints.
    pub fn same(&self, kind: Kind, i: usize, j: usize) -> bool {
        by_kind!(
            kind,
            false,
            |v| {
                let (a, b) = (&v[i], &v[j]);
                let mut a = a.clone();
                a.src = b.src;
                a == *b
            },
            [&self]
        )
    }

    /// How many records of `kind` there are.
    pub fn len(&self, kind: Kind) -> usize {
        by_kind!(kind, 0, |v| v.len(), [&self])
    }

    /// Room for `n` more records of `kind`.
    pub fn reserve(&mut self, kind: Kind, n: usize) {
        by_kind!(kind, (), |v| v.reserve(n), [&mut self])
    }

    /// The unit of record `i` of `kind` (0 for `Register`, which has no records).
    pub fn unit(&self, kind: Kind, i: usize) -> UnitId {
        by_kind!(kind, 0, |v| v[i].unit, [&self])
    }

    /// Sets the sheet record `i` of `kind` came from.
    pub fn set_sheet(&mut self, kind: Kind, i: usize, sheet: u32) {
        by_kind!(kind, (), |v| v[i].src.sheet = sheet, [&mut self])
    }

    /// Keeps, of each kind, only the records `order(kind)` lists, in that order (each index at most
    /// once), in place: no second copy of the records is ever made.
    pub fn gather(&mut self, mut order: impl FnMut(Kind) -> Vec<u32>) {
        macro_rules! gather {
            ($($kind:ident => $f:ident),*) => {
                $(gather_in_place(&mut self.$f, &order(Kind::$kind));)*
            };
        }
        gather!(
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
        );
    }
}

/// `v` becomes `order.iter().map(|&i| v[i])` (indices distinct), by swaps: each element placed
/// moves once, the others end up past the kept ones and are dropped.
fn gather_in_place<T>(v: &mut Vec<T>, order: &[u32]) {
    const DROPPED: u32 = u32::MAX;
    // Where each element goes.
    let mut dest = vec![DROPPED; v.len()];
    for (to, &from) in order.iter().enumerate() {
        dest[from as usize] = to as u32;
    }
    for at in 0..v.len() {
        // The element at `at` goes to its place; the one found there comes to `at` and goes on.
        loop {
            let to = dest[at];
            if to == DROPPED || to as usize == at {
                break;
            }
            v.swap(at, to as usize);
            dest.swap(at, to as usize);
        }
    }
    v.truncate(order.len());
    v.shrink_to_fit();
}

#[cfg(test)]
mod tests {
    use super::gather_in_place;

    #[test]
    fn gather_keeps_the_listed_elements_in_the_listed_order() {
        let mut v: Vec<String> = (0..8).map(|i| i.to_string()).collect();
        gather_in_place(&mut v, &[5, 0, 7, 2, 3]);
        assert_eq!(v, ["5", "0", "7", "2", "3"]);
        let mut w = vec![1, 2, 3];
        gather_in_place(&mut w, &[]);
        assert!(w.is_empty());
        let mut x = vec![1, 2, 3, 4];
        gather_in_place(&mut x, &[3, 2, 1, 0]);
        assert_eq!(x, [4, 3, 2, 1]);
    }
}
