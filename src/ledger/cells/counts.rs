//! A cell in a count column (户数, 人数, 次数 …): a whole number ≥ 0, as a number or as text with a
//! trailing unit word (`12户`), `无` for none; anything negative, fractional or in Chinese numerals
//! is reported.

use super::fold::fold_cow;
use super::text::{error_cell, is_cjk, is_dash, number_text, shorten, shown};
use calamine::Data;

fn count_from_f64(v: f64, text: &str) -> Result<u32, String> {
    if !v.is_finite() {
        return Err(format!("“{text}”不是数字"));
    }
    if v < 0.0 && v.round() != 0.0 {
        return Err(format!("“{text}”是负数，数量不能为负"));
    }
    let r = v.round();
    if (v - r).abs() > 1e-9 {
        return Err(format!("“{text}”不是整数"));
    }
    if r > u32::MAX as f64 {
        return Err(format!("“{text}”太大，不是有效数量"));
    }
    Ok(r.max(0.0) as u32)
}

/// A cell in a count column (户数, 人数, 次数 …).
///
/// Numbers: non-negative whole numbers (Float and Int alike; 12.0000000001 from a formula is 12).
/// Text: `12`, `１２`, `1,234`, `12.0`, `12户`, `12 户`, `12人次` (one trailing word of Chinese
/// characters is a unit and dropped); `无`/`没有`/`零` → 0; `-`, `/`, `—` → `Ok(None)` (blank).
/// Negative or fractional numbers, Chinese numerals (`十二`), booleans, dates → `Err`.
pub fn parse_count(d: &Data) -> Result<Option<u32>, String> {
    match d {
        Data::Empty => Ok(None),
        Data::Error(_) => Err(error_cell(d).unwrap_or_default()),
        Data::Int(i) => {
            if *i < 0 {
                Err(format!("“{i}”是负数，数量不能为负"))
            } else {
                u32::try_from(*i)
                    .map(Some)
                    .map_err(|_| format!("“{i}”太大，不是有效数量"))
            }
        }
        Data::Float(f) => count_from_f64(*f, &number_text(*f)).map(Some),
        Data::Bool(_) => Err(format!("“{}”不是数字", shown(d))),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            Err(format!("“{}”是日期或时间，不是数字", shown(d)))
        }
        Data::String(s) => {
            let t = fold_cow(s);
            if t.is_empty() || is_dash(&t) {
                return Ok(None);
            }
            if matches!(&*t, "无" | "没有" | "零" | "〇") {
                return Ok(Some(0));
            }
            count_text(&t).map(Some)
        }
    }
}

fn count_text(t: &str) -> Result<u32, String> {
    let bad = || format!("“{}”不是数字", shorten(t));
    let b = t.as_bytes();
    let mut i = 0;
    let negative = b.first() == Some(&b'-') || b.first() == Some(&b'+');
    if negative {
        i = 1;
    }
    let mut v: u64 = 0;
    let mut digits = 0;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                v = v.saturating_mul(10).saturating_add((c - b'0') as u64);
                digits += 1;
            }
            b',' if digits > 0 && b.get(i + 1).is_some_and(u8::is_ascii_digit) => {}
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return Err(bad());
    }
    let mut fraction_nonzero = false;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            fraction_nonzero |= b[i] != b'0';
            i += 1;
        }
        if i == start {
            return Err(bad());
        }
    }
    // one trailing unit word: 户, 人次, 次 …
    let rest = t[i..].trim_start();
    if !rest.chars().all(is_cjk) || rest.chars().count() > 4 {
        return Err(bad());
    }
    if b[0] == b'-' && (v != 0 || fraction_nonzero) {
        return Err(format!("“{}”是负数，数量不能为负", shorten(t)));
    }
    if fraction_nonzero {
        return Err(format!("“{}”不是整数", shorten(t)));
    }
    u32::try_from(v).map_err(|_| format!("“{}”太大，不是有效数量", shorten(t)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::cells::testkit::{dt, s};
    use calamine::CellErrorType;

    #[test]
    fn counts() {
        assert_eq!(parse_count(&Data::Empty), Ok(None));
        assert_eq!(parse_count(&Data::Float(12.0)), Ok(Some(12)));
        assert_eq!(parse_count(&Data::Int(12)), Ok(Some(12)));
        assert_eq!(parse_count(&Data::Float(0.0)), Ok(Some(0)));
        assert_eq!(parse_count(&Data::Float(-0.0)), Ok(Some(0)));
        assert_eq!(parse_count(&Data::Float(12.000000000001)), Ok(Some(12)));
        for t in [
            "12", "１２", "12户", "12 户", "12人", "12次", "12人次", " 12 ", "12.0", "12．0",
        ] {
            assert_eq!(parse_count(&s(t)), Ok(Some(12)), "{t}");
        }
        assert_eq!(parse_count(&s("1,234")), Ok(Some(1234)));
        assert_eq!(parse_count(&s("0")), Ok(Some(0)));
        assert_eq!(parse_count(&s("无")), Ok(Some(0)));
        assert_eq!(parse_count(&s("-")), Ok(None));
        assert_eq!(parse_count(&s("/")), Ok(None));
        assert_eq!(parse_count(&s("  ")), Ok(None));
        assert_eq!(parse_count(&s("十二")), Err("“十二”不是数字".to_string()));
        assert!(parse_count(&s("-3")).unwrap_err().contains("负"));
        assert!(parse_count(&Data::Int(-3)).unwrap_err().contains("负"));
        assert!(parse_count(&Data::Float(-3.0)).unwrap_err().contains("负"));
        assert!(parse_count(&Data::Float(2.5)).unwrap_err().contains("整数"));
        assert!(parse_count(&s("2.5")).unwrap_err().contains("整数"));
        assert!(parse_count(&s("12户3人")).is_err());
        assert!(parse_count(&s("12abc")).is_err());
        assert!(parse_count(&s("约12户")).is_err());
        assert!(parse_count(&Data::Bool(true)).is_err());
        assert!(parse_count(&dt(44293.0)).is_err());
        assert_eq!(
            parse_count(&Data::Error(CellErrorType::Div0)),
            Err("单元格是错误值 #DIV/0!".to_string())
        );
        assert!(parse_count(&s("99999999999")).unwrap_err().contains("太大"));
    }
}
