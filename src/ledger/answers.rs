//! Questionnaire answers: which option of a question a written answer means. The 问卷's answer
//! cells (`answer`) and the tally's 选项 column (`answer_text`, used by the survey figures) are
//! matched the same way: option text, option number (1-based), letter (A = 1), "1、知道", or a
//! free-text "其他" option written with its text. An option is returned as its 0-based index into
//! the question's options (plan order); `None` when the answer names no option.

use super::cells;
use super::schema::Column;
use crate::text::alias_key;

pub(crate) use super::tally::question_index;
pub use super::tally::{age_group, tally_target, AgeGroup, TallyProblem, UNKNOWN};
use calamine::Data;

impl Column {
    /// A questionnaire column's options (kept in its note as "A / B / C").
    pub fn note_options(&self) -> Vec<String> {
        self.note.split(" / ").map(str::to_string).collect()
    }
}

/// A questionnaire answer cell: a number cell is the option number (1-based); any other cell is
/// read by [`answer_text`] from its text `t`.
pub fn answer(options: &[String], cell: &Data, t: &str) -> Option<usize> {
    if matches!(cell, Data::Float(_) | Data::Int(_)) {
        let n = cells::parse_count(cell).ok().flatten()? as usize;
        return (1..=options.len()).contains(&n).then(|| n - 1);
    }
    answer_text(options, t)
}

/// A written answer (or a tally's 选项) as option text, option number (1-based), letter (A = 1), or
/// "1、知道"; an option with a free-text blank (其他治安问题____) also takes "其他：偷盗".
pub fn answer_text(options: &[String], t: &str) -> Option<usize> {
    let k = alias_key(t);
    if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) {
        let n: usize = k.parse().ok()?;
        return (1..=options.len()).contains(&n).then(|| n - 1);
    }
    if k.len() == 1 {
        let b = k.as_bytes()[0];
        if b.is_ascii_lowercase() {
            let n = (b - b'a') as usize;
            return (n < options.len()).then_some(n);
        }
    }
    let k = k.trim_start_matches(|c: char| c.is_ascii_digit() || "、.．".contains(c));
    let k = k.trim_end_matches(['_', '＿']);
    if let Some(i) = options.iter().position(|o| alias_key(o) == k) {
        return Some(i);
    }
    // "其他治安问题（偷盗）", "其他：偷盗": an 其他… option the answer starts with, or whose start it is.
    let hits: Vec<usize> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let ok = alias_key(o);
            ok.starts_with("其他")
                && (k.starts_with(&ok) || (k.chars().count() >= 2 && ok.starts_with(k)))
        })
        .map(|(i, _)| i)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// A number cell is an option number; text goes through `answer_text`.
    #[test]
    fn answers_by_text_number_letter_or_other() {
        let o = opts(&["知道", "不知道", "其他"]);
        assert_eq!(answer(&o, &Data::Int(2), "2"), Some(1));
        assert_eq!(answer(&o, &Data::Float(4.0), "4"), None);
        assert_eq!(answer(&o, &Data::String("B".into()), "B"), Some(1));
        assert_eq!(answer_text(&o, "1、知道"), Some(0));
        assert_eq!(answer_text(&o, "其他：偷盗"), Some(2));
        assert_eq!(answer_text(&o, "也许"), None);
    }
}
