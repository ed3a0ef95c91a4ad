//! A cell in a yes/no column: every mark and word villages use for yes or no (是/否, √/×, Y/N,
//! 1/0, 已发放/未发放 …), in any case, as text, a number or a boolean cell.

use super::fold::fold_cow;
use super::text::{error_cell, is_cjk, is_dash, shown};
use calamine::{Data, DataType};

/// What a yes/no word means, after folding and ASCII lowercasing.
fn yes_no_word(w: &str) -> Option<bool> {
    Some(match w {
        "是" | "√" | "✓" | "✔" | "☑" | "y" | "yes" | "有" | "1" | "true" | "对" | "已" | "是的"
        // The column's own verb written as the answer (发放问卷: 发放; 送达公开信: 送达).
        | "发放" | "送达" | "发了" | "送了" | "参与" | "参加" => true,
        "否" | "×" | "✗" | "✘" | "☐" | "n" | "no" | "无" | "0" | "false" | "没有" | "未"
        | "不是" => false,
        _ => {
            // 已发放 / 未发放, 已送达 / 未送达, 已发 / 未送 …: a short 已/未/没 + verb
            let mut cs = w.chars();
            let first = cs.next()?;
            let rest = cs.as_str();
            if rest.is_empty() || rest.chars().count() > 4 || !rest.chars().all(is_cjk) {
                return None;
            }
            match first {
                '已' => true,
                '未' | '没' => false,
                _ => return None,
            }
        }
    })
}

/// A cell in a yes/no column: 是/否, √/×, ✓/✗, ✔/✘, ☑/☐, Y/N, yes/no (any case), 有/无, 1/0
/// (number or text, Float and Int alike), TRUE/FALSE, Bool cells, 已发放/未发放, 已送达/未送达 (any
/// short 已…/未…/没… word), 对/不是/没有. `-` and `/` are blank (`Ok(None)`). Anything else is `Err`.
pub fn parse_yes_no(d: &Data) -> Result<Option<bool>, String> {
    let bad = || format!("“{}”不是“是/否”", shown(d));
    match d {
        Data::Empty => Ok(None),
        Data::Error(_) => Err(error_cell(d).unwrap_or_default()),
        Data::Bool(b) => Ok(Some(*b)),
        Data::Int(_) | Data::Float(_) => match d.as_f64() {
            Some(1.0) => Ok(Some(true)),
            Some(0.0) => Ok(Some(false)),
            _ => Err(bad()),
        },
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Err(bad()),
        Data::String(s) => {
            let t = fold_cow(s);
            // a variation selector after ✔ (emoji presentation) changes nothing
            let t = t.trim_end_matches('\u{FE0F}').trim_end();
            if t.is_empty() || is_dash(t) {
                return Ok(None);
            }
            let r = if t.bytes().any(|b| b.is_ascii_uppercase()) {
                yes_no_word(&t.to_ascii_lowercase())
            } else {
                yes_no_word(t)
            };
            r.map(Some).ok_or_else(bad)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::cells::testkit::{dt, s};
    use calamine::CellErrorType;

    #[test]
    fn yes_no() {
        for t in [
            "是",
            "√",
            "✓",
            "✔",
            "✔\u{FE0F}",
            "Y",
            "y",
            "yes",
            "YES",
            "Yes",
            "有",
            "1",
            "１",
            "TRUE",
            "true",
            "已发放",
            "已送达",
            "已发",
            "发放",
            "送达",
            " 是 ",
            "Ｙ",
        ] {
            assert_eq!(parse_yes_no(&s(t)), Ok(Some(true)), "{t}");
        }
        for t in [
            "否",
            "×",
            "✗",
            "✘",
            "N",
            "n",
            "no",
            "NO",
            "无",
            "0",
            "FALSE",
            "false",
            "未发放",
            "未送达",
            "没有",
        ] {
            assert_eq!(parse_yes_no(&s(t)), Ok(Some(false)), "{t}");
        }
        assert_eq!(parse_yes_no(&Data::Bool(true)), Ok(Some(true)));
        assert_eq!(parse_yes_no(&Data::Bool(false)), Ok(Some(false)));
        assert_eq!(parse_yes_no(&Data::Float(1.0)), Ok(Some(true)));
        assert_eq!(parse_yes_no(&Data::Int(1)), Ok(Some(true)));
        assert_eq!(parse_yes_no(&Data::Float(0.0)), Ok(Some(false)));
        assert_eq!(parse_yes_no(&Data::Int(0)), Ok(Some(false)));
        assert_eq!(parse_yes_no(&Data::Empty), Ok(None));
        assert_eq!(parse_yes_no(&s(" ")), Ok(None));
        assert_eq!(parse_yes_no(&s("-")), Ok(None));
        assert_eq!(
            parse_yes_no(&s("可能")),
            Err("“可能”不是“是/否”".to_string())
        );
        assert!(parse_yes_no(&Data::Int(2)).is_err());
        assert!(parse_yes_no(&s("已经发放了问卷")).is_err());
        assert!(parse_yes_no(&dt(44293.0)).is_err());
        assert_eq!(
            parse_yes_no(&Data::Error(CellErrorType::NA)),
            Err("单元格是错误值 #N/A".to_string())
        );
    }
}
