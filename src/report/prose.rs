//! Bulletin prose as a 公文 reads: every paragraph goes through [`gongwen`] before it is laid out
//! (dates as 5月14日 / 5月14日18:05, no stray spaces around numbers, Chinese commas between Chinese
//! words), and its row height comes from [`wrapped_lines`], which wraps the way a CJK renderer does
//! (避头尾: closing punctuation never starts a line, it takes the character before it along).
//! Rule messages and hints are written once for every output; the bulletin tidies them here rather
//! than each rule knowing it may end up in prose.

use unicode_width::UnicodeWidthChar;

/// Characters that may not start a line (closing brackets and quotes, pause, comma, stops).
const NO_LINE_START: &str = "）〕］】》」』”’、，。；：！？%…·";

/// A Han character or full-width punctuation: text around which an ASCII space is a stray.
fn is_cjk(c: char) -> bool {
    c.width() == Some(2)
}

/// Tidies a paragraph for a bulletin: ISO dates (`2021-04-20`, `2021-04-20 18:05`) become `4月20日`
/// / `4月20日18:05`, an ASCII space next to a Chinese character is dropped when the other side is a
/// Chinese character or a digit (`已 54 天` → `已54天`; `或 check 命令` keeps its spaces), and an
/// ASCII comma between Chinese characters becomes `，`.
pub fn gongwen(text: &str) -> String {
    let dated = iso_dates(text);
    let c: Vec<char> = dated.chars().collect();
    let mut out = String::with_capacity(dated.len());
    for i in 0..c.len() {
        let prev = i.checked_sub(1).map(|j| c[j]);
        let next = c.get(i + 1).copied();
        let near = |a: Option<char>, b: Option<char>| match (a, b) {
            (Some(a), Some(b)) => {
                (is_cjk(a) && (is_cjk(b) || b.is_ascii_digit()))
                    || (a.is_ascii_digit() && is_cjk(b))
            }
            _ => false,
        };
        match c[i] {
            ' ' if near(prev, next) => {}
            ',' if prev.is_some_and(is_cjk) && next.is_some_and(is_cjk) => out.push('，'),
            ch => out.push(ch),
        }
    }
    out
}

/// `yyyy-mm-dd` (optionally followed by ` hh:mm`) → `m月d日` (`m月d日hh:mm`).
fn iso_dates(text: &str) -> String {
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| {
        b.len() >= from + n && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    let num = |from: usize, n: usize| text[from..from + n].parse::<u32>().unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let starts = i == 0 || !b[i - 1].is_ascii_digit();
        if starts
            && digits(i, 4)
            && b.get(i + 4) == Some(&b'-')
            && digits(i + 5, 2)
            && b.get(i + 7) == Some(&b'-')
            && digits(i + 8, 2)
            && !digits(i + 10, 1)
        {
            out.push_str(&format!("{}月{}日", num(i + 5, 2), num(i + 8, 2)));
            i += 10;
            if b.get(i) == Some(&b' ')
                && digits(i + 1, 2)
                && b.get(i + 3) == Some(&b':')
                && digits(i + 4, 2)
            {
                out.push_str(&text[i + 1..i + 6]);
                i += 6;
            }
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// `text` broken into lines of at most `per_line` half-width columns (a Chinese character is two):
/// greedy, as a renderer fills a line, except that a character that may not start a line
/// ([`NO_LINE_START`]) takes the one before it onto the new line (避头尾). Each `\n` starts a line.
pub fn wrap(text: &str, per_line: usize) -> Vec<String> {
    let per_line = per_line.max(4) * 10;
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for ch in para.chars() {
            let w = tenths(ch);
            if used + w > per_line && !line.is_empty() {
                let carry = carry_over(&mut line, ch);
                out.push(std::mem::take(&mut line));
                used = carry.chars().map(tenths).sum();
                line = carry;
            }
            line.push(ch);
            used += w;
        }
        out.push(line);
    }
    out
}

/// A character's width in tenths of a half-width column: a Chinese character 20, ASCII 12 — digits
/// and Latin letters are half an em in 仿宋 but wider in the fonts a machine without it substitutes
/// (DejaVu's digits are 0.64 em), and a line must fit in either.
fn tenths(c: char) -> usize {
    if c.is_ascii() {
        12
    } else {
        c.width().unwrap_or(0) * 10
    }
}

/// Characters that may not end a line (opening brackets and quotes).
const NO_LINE_END: &str = "（〔［【《「『“‘";

/// Part of a number or code (`106`, `91.1%`, `17:30`): not broken across lines.
fn in_number(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".%:-_".contains(c)
}

/// What moves from the end of a full `line` to the next one when `next` does not fit: the
/// character before a closing punctuation mark (避头尾), a number that `next` continues, and an
/// opening bracket left at the end — but never the whole line.
fn carry_over(line: &mut String, next: char) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    let mut cut = chars.len();
    // The character that would start the next line.
    let first = |chars: &[char], cut: usize| chars.get(cut).copied().unwrap_or(next);
    while cut > 0 {
        let starts = first(&chars, cut);
        let before = chars[cut - 1];
        if NO_LINE_START.contains(starts)
            || NO_LINE_END.contains(before)
            || (in_number(starts) && in_number(before))
        {
            cut -= 1;
        } else {
            break;
        }
    }
    if cut == 0 {
        // No legal break on this line (a tiny width): carry the last character, as before.
        cut = chars.len().saturating_sub(1).max(1);
        if cut >= chars.len() {
            return String::new();
        }
    }
    let carry: String = chars.split_off(cut).into_iter().collect();
    *line = chars.into_iter().collect();
    carry
}

/// Lines [`wrap`] breaks `text` into.
pub fn wrapped_lines(text: &str, per_line: usize) -> usize {
    wrap(text, per_line).len()
}

/// `text` with its line breaks made explicit ([`wrap`]), so every program prints the lines the row
/// height was made for, with 避头尾, whatever its own line breaking does (LibreOffice starts lines
/// with ）、。 when the font lacks the rules).
pub fn hard_wrap(text: &str, per_line: usize) -> String {
    wrap(text, per_line).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_as_month_and_day() {
        assert_eq!(
            gongwen("联络员名单于2021-04-09报送，晚于2021-04-07的要求"),
            "联络员名单于4月9日报送，晚于4月7日的要求"
        );
        assert_eq!(gongwen("报送于2021-05-14 18:05。"), "报送于5月14日18:05。");
        assert_eq!(gongwen("编号12021-04-099"), "编号12021-04-099");
    }

    #[test]
    fn no_stray_spaces_around_numbers() {
        assert_eq!(gongwen("已 54 天未化解"), "已54天未化解");
        assert_eq!(
            gongwen("在挂附件2标语 2 条，少于 3 条"),
            "在挂附件2标语2条，少于3条"
        );
        assert_eq!(gongwen("当事人 何*海"), "当事人何*海");
        assert_eq!(
            gongwen("详见“问题清单”或 check 命令"),
            "详见“问题清单”或 check 命令"
        );
        assert_eq!(gongwen("严重滞后,不足三成"), "严重滞后，不足三成");
    }

    #[test]
    fn hard_wrap_keeps_the_stop_with_its_line() {
        assert_eq!(hard_wrap("一二三四。", 8), "一二三\n四。");
        assert_eq!(hard_wrap("一二三四五六", 8), "一二三四\n五六");
        // A number is not split, and an opening bracket does not end a line.
        assert_eq!(hard_wrap("一二三四电1066户", 12), "一二三四电\n1066户");
        assert_eq!(hard_wrap("一二电话106户", 12), "一二电话106\n户");
        assert_eq!(hard_wrap("一二三四（五）", 10), "一二三四\n（五）");
        // A closing bracket then a stop: both stay with the character before them.
        assert_eq!(hard_wrap("一二三（4%）。", 10), "一二三\n（4%）。");
        // (ASCII counts 1.2 half-width columns: fallback fonts draw digits wider)
        // A number longer than a line: broken at the last character, there being no better place.
        assert_eq!(hard_wrap("12345678901234", 8), "12345\n67890\n1234");
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Four characters a line: the 。 would start line 2 alone; it takes 四 with it.
        assert_eq!(wrapped_lines("一二三四。", 8), 2);
        assert_eq!(wrapped_lines("一二三四", 8), 1);
        assert_eq!(wrapped_lines("一二三四五六七。", 8), 2);
        assert_eq!(wrapped_lines("一二三四五六七八。", 8), 3);
        assert_eq!(wrapped_lines("一\n二", 8), 2);
        assert_eq!(wrapped_lines("", 8), 1);
    }
}
