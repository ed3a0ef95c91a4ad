//! How a survey row's free text is read against the plan: a tally row's 题号 and 选项 (`1`, `第1题`,
//! `Q1`, the question's own words; an option's text, number or letter) and a respondent's 年龄 (a
//! group's wording, an option number, a range, an age or a birth year). In: the plan and the text as
//! written; out: the question, option or age group it names, or why it names none.

use crate::ledger::parse::answer_text;
use crate::ledger::records::SurveyTally;
use crate::plan::Plan;
use crate::text::alias_key;

pub(super) fn question_index(plan: &Plan, no: u32) -> Option<usize> {
    plan.survey.questions.iter().position(|q| q.no == no)
}

/// Why a tally row cannot be counted.
#[derive(Debug, Clone, PartialEq)]
pub enum TallyProblem {
    /// 题号 names no question of the plan.
    Question,
    /// 选项 is no option of the question (index of the question).
    Option(usize),
    /// A total line (合计/小计): not an option, silently left out.
    Total,
}

/// The (question index, option index) a tally row counts for.
pub fn tally_target(plan: &Plan, t: &SurveyTally) -> Result<(usize, usize), TallyProblem> {
    let qi = question_of(plan, &t.question).ok_or(TallyProblem::Question)?;
    let k = alias_key(&t.option);
    if ["合计", "小计", "总计", "合计人数"].contains(&k.as_str()) {
        return Err(TallyProblem::Total);
    }
    let q = &plan.survey.questions[qi];
    answer_text(&q.options, &t.option)
        .map(|oi| (qi, oi))
        .ok_or(TallyProblem::Option(qi))
}

/// A 题号 as written: `1`, `第1题`, `Q1`, `1、您知道…`, or the question's own text.
fn question_of(plan: &Plan, written: &str) -> Option<usize> {
    let k = alias_key(written);
    if k.is_empty() {
        return None;
    }
    let stripped = k
        .trim_start_matches("第")
        .trim_start_matches("问题")
        .trim_start_matches('题')
        .trim_start_matches('q');
    let digits: String = stripped
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if !digits.is_empty() {
        let rest = &stripped[digits.len()..];
        let rest = rest.trim_start_matches(['题', '问', '、', '.', '．', ':', '：']);
        let no: u32 = digits.parse().ok()?;
        let qi = question_index(plan, no)?;
        // "1" / "第1题" / "1、<the question's text>"; a number followed by other words is not a 题号.
        let text = alias_key(&plan.survey.questions[qi].text);
        return (rest.is_empty() || text.starts_with(rest) || rest.starts_with(&text))
            .then_some(qi);
    }
    let text_key = |t: &str| alias_key(t).trim_end_matches(['?', '？']).to_string();
    let kk = text_key(written);
    let hits: Vec<usize> = plan
        .survey
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            let qk = text_key(&q.text);
            qk == kk || (kk.chars().count() >= 6 && qk.starts_with(&kk))
        })
        .map(|(i, _)| i)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

/// Where a 年龄 cell puts a respondent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeGroup {
    /// Index into the plan's age groups.
    Group(usize),
    Blank,
    Unknown,
}

/// The age range (inclusive) a text names: `18-25`, `18～25岁`, `26至35`, `56岁以上`, `18岁以下`, `60`.
fn age_range(text: &str) -> Option<(u32, u32)> {
    let nums: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap_or(u32::MAX))
        .collect();
    let above = ["以上", "及以上", "+", "岁上"]
        .iter()
        .any(|w| text.contains(w));
    let below = ["以下", "未满", "不满", "不到", "以内", "之下"]
        .iter()
        .any(|w| text.contains(w));
    match nums.as_slice() {
        [a, b] if a <= b && !above && !below => Some((*a, *b)),
        [n] if above && !below => Some((*n, 200)),
        [n] if below && !above => Some((0, n.checked_sub(1)?)),
        [n] if !above && !below => Some((*n, *n)),
        _ => None,
    }
}

/// Maps a free-text 年龄 to one of `plan.survey.age_groups`: the group's own wording, an option number
/// (1–6, `3、26-35`), a letter, a range or an exact age (`60`, `45岁`), or a birth year (`1975`).
pub fn age_group(plan: &Plan, written: &str) -> AgeGroup {
    let groups = &plan.survey.age_groups;
    let k = alias_key(written);
    if k.is_empty() {
        return AgeGroup::Blank;
    }
    if let Some(i) = groups.iter().position(|g| alias_key(g) == k) {
        return AgeGroup::Group(i);
    }
    // "3、26-35": the option's number and its text; the text decides.
    let mut body = k.as_str();
    if let Some(p) = body.find(['、', '.', '．', ')', '）']) {
        let (n, rest) = body.split_at(p);
        if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
            let rest = rest
                .trim_start_matches(['、', '.', '．', ')', '）'])
                .to_string();
            if !rest.is_empty() {
                if let Some(i) = groups.iter().position(|g| alias_key(g) == rest) {
                    return AgeGroup::Group(i);
                }
                return age_of_text(plan, &rest);
            }
            body = n;
        }
    }
    if body.len() == 1 && body.as_bytes()[0].is_ascii_lowercase() {
        let i = (body.as_bytes()[0] - b'a') as usize;
        return if i < groups.len() {
            AgeGroup::Group(i)
        } else {
            AgeGroup::Unknown
        };
    }
    if body.bytes().all(|b| b.is_ascii_digit()) {
        let n: u32 = body.parse().unwrap_or(u32::MAX);
        if (1..=groups.len() as u32).contains(&n) {
            return AgeGroup::Group(n as usize - 1);
        }
        let year = plan.town.year.max(0) as u32;
        if (1900..=year).contains(&n) {
            return age_of_range(plan, (year - n, year - n));
        }
    }
    age_of_text(plan, body)
}

fn age_of_text(plan: &Plan, text: &str) -> AgeGroup {
    match age_range(text) {
        Some(r) if r.1 < 130 || r.1 == 200 => age_of_range(plan, r),
        _ => AgeGroup::Unknown,
    }
}

fn age_of_range(plan: &Plan, (a, b): (u32, u32)) -> AgeGroup {
    let groups = &plan.survey.age_groups;
    let ranges: Vec<Option<(u32, u32)>> = groups.iter().map(|g| age_range(g)).collect();
    let hits: Vec<usize> = ranges
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_some_and(|(lo, hi)| lo <= a && b <= hi))
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [i] => AgeGroup::Group(*i),
        _ => AgeGroup::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_map_to_groups() {
        let p = Plan::embedded();
        let g = |s: &str| age_group(&p, s);
        // 18岁以下, 18-25, 26-35, 36-45, 46-55, 56以上
        assert_eq!(g("18-25"), AgeGroup::Group(1));
        assert_eq!(g("18～25岁"), AgeGroup::Group(1));
        assert_eq!(g("18~25"), AgeGroup::Group(1));
        assert_eq!(g("26至35"), AgeGroup::Group(2));
        assert_eq!(g("26到35岁"), AgeGroup::Group(2));
        assert_eq!(g("56岁以上"), AgeGroup::Group(5));
        assert_eq!(g("56以上"), AgeGroup::Group(5));
        assert_eq!(g("60岁及以上"), AgeGroup::Group(5));
        assert_eq!(g("18岁以下"), AgeGroup::Group(0));
        assert_eq!(g("60"), AgeGroup::Group(5));
        assert_eq!(g("45岁"), AgeGroup::Group(3));
        assert_eq!(g("18"), AgeGroup::Group(1));
        assert_eq!(g("17"), AgeGroup::Group(0));
        assert_eq!(g("1"), AgeGroup::Group(0));
        assert_eq!(g("3"), AgeGroup::Group(2));
        assert_eq!(g("6"), AgeGroup::Group(5));
        assert_eq!(g("３"), AgeGroup::Group(2));
        assert_eq!(g("C"), AgeGroup::Group(2));
        assert_eq!(g("3、26-35"), AgeGroup::Group(2));
        assert_eq!(g("1975"), AgeGroup::Group(4)); // 2021 − 1975 = 46
        assert_eq!(g(""), AgeGroup::Blank);
        assert_eq!(g("  "), AgeGroup::Blank);
        assert_eq!(g("中年"), AgeGroup::Unknown);
        assert_eq!(g("20-40"), AgeGroup::Unknown);
        assert_eq!(g("300"), AgeGroup::Unknown);
    }

    fn tally(q: &str, o: &str) -> SurveyTally {
        SurveyTally {
            src: crate::ledger::records::Src { sheet: 0, row: 0 },
            unit: 0,
            question: q.into(),
            option: o.into(),
            count: Some(1),
        }
    }

    #[test]
    fn tally_rows_resolve() {
        let p = Plan::embedded();
        let t = |q: &str, o: &str| tally_target(&p, &tally(q, o));
        assert_eq!(t("1", "知道"), Ok((0, 0)));
        assert_eq!(t("第1题", "2"), Ok((0, 1)));
        assert_eq!(t("Q13", "不了解"), Ok((12, 3)));
        assert_eq!(t("问题6", "B"), Ok((5, 1)));
        assert_eq!(t("您知道什么是平安建设活动吗？", "不知道"), Ok((0, 1)));
        assert_eq!(t("1、您知道什么是平安建设活动吗", "知道"), Ok((0, 0)));
        assert_eq!(t("9", "其他治安问题（偷电动车）"), Ok((8, 5)));
        assert_eq!(t("1", "不清楚"), Err(TallyProblem::Option(0)));
        assert_eq!(t("1", "3"), Err(TallyProblem::Option(0)));
        assert_eq!(t("15", "知道"), Err(TallyProblem::Question));
        assert_eq!(t("1", "合计"), Err(TallyProblem::Total));
    }

    #[test]
    fn answers_as_text_number_letter() {
        let o: Vec<String> = ["非常满意", "基本满意", "不满意", "不了解"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(answer_text(&o, "基本满意"), Some(1));
        assert_eq!(answer_text(&o, "2"), Some(1));
        assert_eq!(answer_text(&o, "d"), Some(3));
        assert_eq!(answer_text(&o, "4、不了解"), Some(3));
        assert_eq!(answer_text(&o, "满意"), None);
        assert_eq!(answer_text(&o, "5"), None);
        assert_eq!(answer_text(&o, "0"), None);
    }
}
