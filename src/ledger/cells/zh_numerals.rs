//! Dates written in Chinese numerals (`五月十二日`, `二〇二一年五月十二日`, `5月廿一日`): the
//! numerals are turned into digits (`5月12日`) and the date read as any other.

/// The value of a Chinese digit.
fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | 'O' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn is_numeral(c: char) -> bool {
    digit(c).is_some() || matches!(c, '十' | '拾' | '廿' | '卅')
}

/// A run of Chinese numerals as digits: with 十/廿/卅 by place (十二 → 12, 二十一 → 21, 廿一 → 21),
/// otherwise digit by digit (二〇二一 → 2021). `None` if the run is no number (十十).
fn run_value(run: &[char]) -> Option<String> {
    let tens = run
        .iter()
        .position(|c| matches!(c, '十' | '拾' | '廿' | '卅'));
    let Some(t) = tens else {
        return run
            .iter()
            .map(|&c| digit(c).map(|d| char::from(b'0' + d as u8)))
            .collect();
    };
    let base = match run[t] {
        '廿' => 2,
        '卅' => 3,
        _ => match &run[..t] {
            [] => 1,
            [c] => digit(*c)?,
            _ => return None,
        },
    };
    if matches!(run[t], '廿' | '卅') && t > 0 {
        return None;
    }
    let ones = match &run[t + 1..] {
        [] => 0,
        [c] => digit(*c)?,
        _ => return None,
    };
    Some((base * 10 + ones).to_string())
}

/// `五月十二日` → `5月12日`: only for text that holds a Chinese numeral and a 月 (so no name or
/// word is turned into digits). `None` when there is nothing to turn or a numeral is no number.
pub(super) fn zh_numerals_to_digits(t: &str) -> Option<String> {
    if !t.contains('月') || !t.chars().any(is_numeral) {
        return None;
    }
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if is_numeral(chars[i]) {
            let start = i;
            while i < chars.len() && is_numeral(chars[i]) {
                i += 1;
            }
            out.push_str(&run_value(&chars[start..i])?);
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The number a text starts with, in Chinese numerals (`十二题` → (12, `题`)): up to 99, the
/// rest of the text after it. `None` when the text does not start with a numeral or it is no number.
pub fn leading_zh_number(t: &str) -> Option<(u32, &str)> {
    let end = t
        .char_indices()
        .find(|(_, c)| !is_numeral(*c))
        .map_or(t.len(), |(i, _)| i);
    let run: Vec<char> = t[..end].chars().collect();
    if run.is_empty() || run.len() > 3 {
        return None;
    }
    let n: u32 = run_value(&run)?.parse().ok()?;
    Some((n, &t[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_become_digits() {
        let z = |s: &str| zh_numerals_to_digits(s);
        assert_eq!(z("五月十二日").as_deref(), Some("5月12日"));
        assert_eq!(z("十月一日").as_deref(), Some("10月1日"));
        assert_eq!(z("四月二十日").as_deref(), Some("4月20日"));
        assert_eq!(z("五月三十一号").as_deref(), Some("5月31号"));
        assert_eq!(z("5月廿一日").as_deref(), Some("5月21日"));
        assert_eq!(z("二〇二一年五月六日").as_deref(), Some("2021年5月6日"));
        assert_eq!(z("十十月").as_deref(), None);
        assert_eq!(z("张三"), None);
        assert_eq!(z("5月12日"), None);
    }
}
