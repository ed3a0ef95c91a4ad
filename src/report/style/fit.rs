//! Text cut to fit a cell. Excel refuses a cell over 32,767 characters, and a village can put that
//! much (or more) in one ledger cell; a report quoting or joining such cells would otherwise fail as a
//! whole. Every writer passes its text through [`fit`], with a cap well below Excel's limit for the
//! kind of text — names and short words, table prose, bulletin paragraphs — and a cut text ends with a
//! visible mark saying how long it was: `…（共 N 字）`.

use std::borrow::Cow;

/// Names and short centred words (村居, 当事人, 督查人, status words).
pub const NAME_MAX: usize = 300;
/// A table cell of prose (a problem, a message, a slogan).
pub const TEXT_MAX: usize = 3000;
/// A bulletin paragraph across the page.
pub const PARAGRAPH_MAX: usize = 6000;

/// `s` when it has at most `max` characters; otherwise its start and `…（共 N 字）` (N = all its
/// characters), `max` characters in all.
pub fn fit(s: &str, max: usize) -> Cow<'_, str> {
    // Bytes bound characters: most text is decided without counting.
    if s.len() <= max {
        return Cow::Borrowed(s);
    }
    let n = s.chars().count();
    if n <= max {
        return Cow::Borrowed(s);
    }
    let mark = format!("…（共 {n} 字）");
    let keep = max.saturating_sub(mark.chars().count());
    let mut out: String = s.chars().take(keep).collect();
    out.push_str(&mark);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_long_text_cut_with_its_length() {
        assert_eq!(fit("东庄村", 3), "东庄村");
        assert!(matches!(fit("东庄村", 3), Cow::Borrowed(_)));
        let long = "长".repeat(100_000);
        let cut = fit(&long, 300);
        assert_eq!(cut.chars().count(), 300);
        assert!(cut.starts_with("长长长"));
        assert!(cut.ends_with("…（共 100000 字）"), "{cut}");
        assert_eq!(fit("abcdef", 2), "…（共 6 字）");
    }
}
