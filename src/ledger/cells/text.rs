//! The text of any cell, as people see it: numbers without a stray `.0`, booleans as 是/否, real
//! date cells as `2021-04-07`, error cells as Excel shows them; and the short cell quotes that the
//! messages of every other value kind use.

use super::fold::fold_cow;
use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::borrow::Cow;

/// Shortest text of a number: whole numbers without ".0", others in their shortest round-trip form.
pub(super) fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A date-time from a serial number, rounded to the second.
pub(super) fn serial_to_datetime(v: f64, is_1904: bool) -> Option<NaiveDateTime> {
    let dt = ExcelDateTime::new(v, ExcelDateTimeType::DateTime, is_1904).as_datetime()?;
    round_to_second(dt)
}

fn round_to_second(dt: NaiveDateTime) -> Option<NaiveDateTime> {
    let ns = dt.nanosecond();
    let dt = dt.with_nanosecond(0)?;
    if ns >= 500_000_000 {
        dt.checked_add_signed(chrono::Duration::seconds(1))
    } else {
        Some(dt)
    }
}

fn time_text(t: NaiveTime) -> String {
    if t.second() == 0 {
        t.format("%H:%M").to_string()
    } else {
        t.format("%H:%M:%S").to_string()
    }
}

/// A real date cell (xlsx/xls): `(date, time)`; `None` date when it holds only a time (serial < 1).
pub(super) fn excel_datetime_parts(dt: &ExcelDateTime) -> Option<(Option<NaiveDate>, NaiveTime)> {
    let v = dt.as_f64();
    let ndt = round_to_second(dt.as_datetime()?)?;
    if v < 1.0 {
        Some((None, ndt.time()))
    } else {
        Some((Some(ndt.date()), ndt.time()))
    }
}

/// The folded, trimmed text of any cell; `None` when empty or blank-only.
///
/// Whole floats read `12` (not `12.0`), other floats in their shortest form; Int as digits; Bool as
/// 是/否; real date cells as `2021-04-07`, or `2021-04-07 17:30` when a time is present (seconds only
/// when not zero), a pure time as `17:30`, a duration as `1:30` / `26:00:05`; ISO dates and durations
/// (ods) as given; error cells as Excel shows them (`#DIV/0!`).
pub fn cell_text(d: &Data) -> Option<String> {
    cell_cow(d).map(Cow::into_owned)
}

/// [`cell_text`], borrowing a text cell's own string when it is already folded and trimmed (most
/// are): reading a row's cells to compare or match them allocates nothing.
pub fn cell_cow(d: &Data) -> Option<Cow<'_, str>> {
    let s = match d {
        Data::Empty => return None,
        Data::String(s) => {
            let f = fold_cow(s);
            if f.is_empty() {
                return None;
            }
            return Some(f);
        }
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => (if *b { "是" } else { "否" }).to_string(),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                let secs = (dt.as_f64() * 86_400.0).round() as i64;
                let (sign, secs) = if secs < 0 { ("-", -secs) } else { ("", secs) };
                let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
                if s == 0 {
                    format!("{sign}{h}:{m:02}")
                } else {
                    format!("{sign}{h}:{m:02}:{s:02}")
                }
            } else {
                match excel_datetime_parts(dt) {
                    Some((None, t)) => time_text(t),
                    Some((Some(date), t)) if t == NaiveTime::MIN => date.to_string(),
                    Some((Some(date), t)) => format!("{date} {}", time_text(t)),
                    None => number_text(dt.as_f64()),
                }
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            let t = s.trim();
            if t.is_empty() {
                return None;
            }
            t.to_string()
        }
        Data::Error(e) => e.to_string(),
    };
    Some(Cow::Owned(s))
}

/// [`cell_text`] of a cell that will not be read again: a text cell that is already folded and
/// trimmed gives up its own string (left empty) instead of a copy; any other cell is unchanged.
pub fn take_text(d: &mut Data) -> Option<String> {
    if let Data::String(s) = d {
        let as_is = matches!(fold_cow(s), Cow::Borrowed(t) if t.len() == s.len());
        if as_is {
            return (!s.is_empty()).then(|| std::mem::take(s));
        }
    }
    cell_text(d)
}

/// Whether [`cell_text`] is `Some`, without building the text (the empty-row check runs on every
/// mapped cell of every row).
pub fn has_text(d: &Data) -> bool {
    match d {
        Data::Empty => false,
        Data::String(s) => !fold_cow(s).is_empty(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => !s.trim().is_empty(),
        _ => true,
    }
}

/// `Some("#DIV/0!")` for an error cell, else `None`.
pub fn error_text(d: &Data) -> Option<String> {
    match d {
        Data::Error(e) => Some(e.to_string()),
        _ => None,
    }
}

pub(super) fn error_cell(d: &Data) -> Option<String> {
    error_text(d).map(|e| format!("单元格是错误值 {e}"))
}

/// The shown text of a cell for a message (`“…”`), cut to a readable length.
pub(super) fn shown(d: &Data) -> String {
    let t = cell_text(d).unwrap_or_default();
    shorten(&t)
}

pub(super) fn shorten(t: &str) -> String {
    if t.chars().count() > 30 {
        let mut s: String = t.chars().take(30).collect();
        s.push('…');
        s
    } else {
        t.to_string()
    }
}

/// Text that only says "nothing filled in": `-`, `/`, `—`, `--`, `\`.
pub(super) fn is_dash(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '-' | '/' | '\\' | '—' | '–' | '_'))
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::cells::testkit::{dt, s};
    use calamine::CellErrorType;

    #[test]
    fn has_text_agrees_with_cell_text() {
        let cells = [
            Data::Empty,
            Data::String(String::new()),
            Data::String(" \u{3000}\u{200B} ".into()),
            Data::String("东庄村".into()),
            Data::String("\u{FEFF}".into()),
            Data::Int(0),
            Data::Float(1.5),
            Data::Bool(false),
            Data::DateTimeIso("  ".into()),
            Data::DateTimeIso("2021-04-07".into()),
            Data::DurationIso(String::new()),
            Data::Error(calamine::CellErrorType::Div0),
        ];
        for c in &cells {
            assert_eq!(has_text(c), cell_text(c).is_some(), "{c:?}");
        }
    }

    /// The byte pre-check of `fold_cow` never skips a character that folding or trimming changes:

    #[test]
    fn borrowed_and_taken_text_agree_with_cell_text() {
        let cells = [
            Data::Empty,
            Data::String(String::new()),
            Data::String(" \u{3000}\u{200B} ".into()),
            Data::String("东庄村".into()),
            Data::String(" 东庄村".into()),
            Data::String("东庄村\u{3000}".into()),
            Data::String("１３８００１３８０００".into()),
            Data::String("张\u{200B}三".into()),
            Data::String("a\nb".into()),
            Data::String("\u{FEFF}".into()),
            Data::Int(7),
            Data::Float(12.0),
            Data::Float(1.5),
            Data::Bool(true),
            Data::DateTimeIso(" 2021-04-07 ".into()),
            Data::DurationIso("  ".into()),
            Data::Error(CellErrorType::Div0),
        ];
        for c in &cells {
            let want = cell_text(c);
            assert_eq!(cell_cow(c).map(Cow::into_owned), want, "{c:?}");
            let mut owned = c.clone();
            assert_eq!(take_text(&mut owned), want, "{c:?}");
            let moved = matches!(c, Data::String(s) if want.as_deref() == Some(s.as_str()));
            if moved {
                assert_eq!(owned, Data::String(String::new()), "{c:?}");
            } else {
                assert_eq!(&owned, c, "{c:?}");
            }
        }
        assert!(matches!(
            cell_cow(&Data::String("东庄村".into())),
            Some(Cow::Borrowed(_))
        ));
    }

    #[test]
    fn text_of_every_cell_kind() {
        assert_eq!(cell_text(&Data::Empty), None);
        assert_eq!(cell_text(&s("  　 ")), None);
        assert_eq!(cell_text(&s(" 东庄村 ")).as_deref(), Some("东庄村"));
        assert_eq!(cell_text(&Data::Float(12.0)).as_deref(), Some("12"));
        assert_eq!(cell_text(&Data::Int(12)).as_deref(), Some("12"));
        assert_eq!(cell_text(&Data::Float(0.5)).as_deref(), Some("0.5"));
        assert_eq!(cell_text(&Data::Float(-3.0)).as_deref(), Some("-3"));
        assert_eq!(
            cell_text(&Data::Float(13812345678.0)).as_deref(),
            Some("13812345678")
        );
        assert_eq!(cell_text(&Data::Bool(true)).as_deref(), Some("是"));
        assert_eq!(cell_text(&Data::Bool(false)).as_deref(), Some("否"));
        assert_eq!(cell_text(&dt(44293.0)).as_deref(), Some("2021-04-07"));
        assert_eq!(
            cell_text(&dt(44295.0 + 17.5 / 24.0)).as_deref(),
            Some("2021-04-09 17:30")
        );
        assert_eq!(cell_text(&dt(17.5 / 24.0)).as_deref(), Some("17:30"));
        assert_eq!(
            cell_text(&Data::DateTimeIso("2021-04-07".into())).as_deref(),
            Some("2021-04-07")
        );
        assert_eq!(
            cell_text(&Data::DurationIso("PT17H30M0S".into())).as_deref(),
            Some("PT17H30M0S")
        );
        assert_eq!(
            cell_text(&Data::Error(CellErrorType::Div0)).as_deref(),
            Some("#DIV/0!")
        );
        assert_eq!(
            cell_text(&Data::Error(CellErrorType::Ref)).as_deref(),
            Some("#REF!")
        );
        assert_eq!(
            cell_text(&Data::Error(CellErrorType::NA)).as_deref(),
            Some("#N/A")
        );
        assert_eq!(
            error_text(&Data::Error(CellErrorType::Value)).as_deref(),
            Some("#VALUE!")
        );
        assert_eq!(error_text(&s("#DIV/0!")), None);
    }
}
