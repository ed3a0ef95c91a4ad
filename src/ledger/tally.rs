//! Survey answers as written, against the plan's questionnaire: a tally row's 题号 and 选项
//! (`tally_target`) and a free-text 年龄 (`age_group`). The figures count with them and resolve's
//! checks report the rows they cannot place.

use crate::ledger::answers::answer_text;
use crate::plan::Plan;
use crate::text::alias_key;

/// Label of the bucket for a 年龄 that fits no group.
pub const UNKNOWN: &str = "无法识别";

pub(crate) fn question_index(plan: &Plan, no: u32) -> Option<usize> {
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

/// The (question index, option index) a tally row of 题号 `question` and 选项 `option` counts for.
pub fn tally_target(
    plan: &Plan,
    question: &str,
    option: &str,
) -> Result<(usize, usize), TallyProblem> {
    let qi = question_of(plan, question).ok_or(TallyProblem::Question)?;
    let k = alias_key(option);
    if ["合计", "小计", "总计", "合计人数"].contains(&k.as_str()) {
        return Err(TallyProblem::Total);
    }
    let q = &plan.survey.questions[qi];
    answer_text(&q.options, option)
        .map(|oi| (qi, oi))
        .ok_or(TallyProblem::Option(qi))
}

/// A question's number as written at the start of a header or 题号: `1`, `第1题`, `题1`, `Q1`,
/// `1、`, `1.`, `(1)`, `第一题`, `一、`, `问题3` (Chinese numerals read as numbers, never listed).
/// Returns the number, the text after it (marks such as 题、. removed; a key, see [`alias_key`]) and
/// whether a mark said it is a number of a question (第/题/Q before it, 题/、/./) after it, or the
/// number in brackets) rather than a bare number.
pub fn question_number(written: &str) -> Option<(u32, String, bool)> {
    let k = alias_key(written);
    let mut marked = written.trim_start().starts_with(['(', '（']);
    let mut s = k.as_str();
    for prefix in ["第", "问题", "题目", "题", "q"] {
        if let Some(r) = s.strip_prefix(prefix) {
            s = r;
            marked = true;
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (no, rest, chinese) = if digits > 0 {
        (s[..digits].parse().ok()?, &s[digits..], false)
    } else {
        let (n, rest) = crate::ledger::cells::leading_zh_number(s)?;
        (n, rest, true)
    };
    const MARKS: [char; 11] = ['题', '问', '、', '.', '．', ':', '：', ')', '）', ',', '，'];
    if rest.starts_with(MARKS) {
        marked = true;
    }
    if chinese && !marked {
        return None;
    }
    Some((no, rest.trim_start_matches(MARKS).to_string(), marked))
}

/// A question's text as a key for comparing (no trailing question mark).
pub fn question_key(t: &str) -> String {
    alias_key(t).trim_end_matches(['?', '？']).to_string()
}

/// Whether `written` is the question `text` itself or its start (at least 6 characters).
pub fn is_question_text(text_key: &str, written_key: &str) -> bool {
    !written_key.is_empty()
        && (text_key == written_key
            || (written_key.chars().count() >= 6 && text_key.starts_with(written_key)))
}

/// A 题号 as written: `1`, `第1题`, `Q1`, `第一题`, `一、`, `1、您知道…`, or the question's own text.
pub(crate) fn question_of(plan: &Plan, written: &str) -> Option<usize> {
    if alias_key(written).is_empty() {
        return None;
    }
    if let Some((no, rest, _)) = question_number(written) {
        let qi = question_index(plan, no)?;
        // "1" / "第1题" / "1、<the question's text>"; a number followed by other words is not a 题号.
        let text = alias_key(&plan.survey.questions[qi].text);
        return (rest.is_empty() || text.starts_with(&rest) || rest.starts_with(&text))
            .then_some(qi);
    }
    let kk = question_key(written);
    let hits: Vec<usize> = plan
        .survey
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| is_question_text(&question_key(&q.text), &kk))
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
