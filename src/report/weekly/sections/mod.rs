//! What the 通报 says, as headings and paragraphs: the week's numbers written out in sentences
//! (一、总体情况, `overview`), the red and black lists (二, `lists`), the rule findings summarised per
//! rule (三, `problems`) and the plan's requirements (四). Only what the data shows is stated; the
//! layout is `bulletin`'s job.

mod lists;
mod overview;
mod problems;

use crate::figures::counts::UnitFigures;
use crate::figures::weekly::Notice;
pub(super) use crate::report::bulletin::{para, zh_num, Block};
use crate::resolve::units::UnitId;

/// The bulletin's body, in order.
pub fn body(n: &Notice) -> Vec<Block> {
    let mut v = vec![Block::Heading("一、总体情况".into())];
    v.extend(overview::overview(n));
    v.push(Block::Heading("二、红黑榜".into()));
    v.extend(lists::lists(n));
    v.push(Block::Heading("三、存在问题".into()));
    v.extend(problems::problems(n));
    v.push(Block::Heading("四、下步要求".into()));
    v.extend(
        n.plan
            .notice
            .next_steps
            .iter()
            .enumerate()
            .map(|(i, s)| para("", format!("{}．{s}", i + 1))),
    );
    v
}

/// `东庄村、西庄村`, or the first `cap` and `等N个` after them.
pub(super) fn names(list: &[String], cap: usize) -> String {
    if list.len() <= cap {
        list.join("、")
    } else {
        format!("{}等{}个", list[..cap].join("、"), list.len())
    }
}

pub(super) fn name(n: &Notice, u: UnitId) -> String {
    n.ds.unit_name(u).to_string()
}

pub(super) fn villages<'a>(n: &'a Notice) -> impl Iterator<Item = &'a UnitFigures> {
    n.now
        .figures
        .units
        .iter()
        .filter(|f| f.kind.is_village_level())
}

pub(super) fn town_units<'a>(n: &'a Notice) -> impl Iterator<Item = &'a UnitFigures> {
    n.now
        .figures
        .units
        .iter()
        .filter(|f| !f.kind.is_village_level())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_name_lists_are_cut() {
        let l: Vec<String> = ["甲村", "乙村", "丙村"].map(String::from).to_vec();
        assert_eq!(names(&l, 3), "甲村、乙村、丙村");
        assert_eq!(names(&l, 2), "甲村、乙村等3个");
    }
}
