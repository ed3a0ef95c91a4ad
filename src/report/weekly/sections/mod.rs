//! What the 通报 says, as headings and paragraphs: the week's numbers written out in sentences
//! (一、总体情况, `overview`), the red and black lists (二, `lists`), the rule findings summarised per
//! rule (三, `problems`) and the plan's requirements (四). Only what the data shows is stated; the
//! layout is `bulletin`'s job.

mod lists;
mod overview;
mod problems;

use crate::figures::UnitFigures;
use crate::units::UnitId;
use crate::weekly::Notice;

/// One block of the bulletin's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// 一、总体情况
    Heading(String),
    /// A paragraph; `lead` (e.g. `（一）周报报送。`) is set in bold before the text.
    Para { lead: String, text: String },
}

pub(super) fn para(lead: impl Into<String>, text: impl Into<String>) -> Block {
    Block::Para {
        lead: lead.into(),
        text: text.into(),
    }
}

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

/// Chinese ordinal for the sub-paragraphs: 1 → 一, 12 → 十二, 21 → 二十一.
pub fn zh_num(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "零".into(),
        1..=9 => D[n].into(),
        10..=19 => format!("十{}", D[n % 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
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
    fn chinese_ordinals() {
        assert_eq!(zh_num(1), "一");
        assert_eq!(zh_num(10), "十");
        assert_eq!(zh_num(12), "十二");
        assert_eq!(zh_num(20), "二十");
        assert_eq!(zh_num(21), "二十一");
    }

    #[test]
    fn long_name_lists_are_cut() {
        let l: Vec<String> = ["甲村", "乙村", "丙村"].map(String::from).to_vec();
        assert_eq!(names(&l, 3), "甲村、乙村、丙村");
        assert_eq!(names(&l, 2), "甲村、乙村等3个");
    }
}
