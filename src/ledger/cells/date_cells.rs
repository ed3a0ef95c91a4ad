//! A cell in a date or date-time column, whatever its type: a real date cell (xlsx/xls), ods ISO
//! text, an Excel serial or `20210407` typed as a number, a month.day Excel stored as a number, or
//! text (read by `dates`). Errors say what the cell holds instead: a year, a time alone, a duration.

use super::dates::{is_only_time, read_text_date, TextDate};
use super::fold::fold_cow;
use super::text::{
    error_cell, excel_datetime_parts, is_dash, number_text, serial_to_datetime, shorten, shown,
};
use super::zh_numerals::zh_numerals_to_digits;
use super::{parse_date_text, SERIAL_MAX, SERIAL_MIN};
use calamine::{Data, DataType};
use chrono::{NaiveDate, NaiveTime};

fn not_a_date(text: &str) -> String {
    format!("“{}”不是有效日期", shorten(text))
}

/// A number in a date column: an Excel serial (10000..=73050), an 8-digit `20210407`, or a
/// month.day that Excel stored as a number (`4.15` → April 15; `4.1`/`4.2`/`4.3` are ambiguous
/// because Excel drops the trailing zero of 4.10/4.20/4.30, and are reported).
fn number_date(v: f64, year: i32) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let text = number_text(v);
    if !v.is_finite() || v < 0.0 {
        return Err(format!("数字“{text}”不是日期"));
    }
    if v.fract() == 0.0 && (19_000_101.0..=21_001_231.0).contains(&v) {
        let a = v as u32;
        return NaiveDate::from_ymd_opt((a / 10_000) as i32, a / 100 % 100, a % 100)
            .map(|d| (d, None))
            .ok_or_else(|| not_a_date(&text));
    }
    if (SERIAL_MIN..SERIAL_MAX + 1.0).contains(&v) {
        let dt = serial_to_datetime(v, false).ok_or_else(|| format!("数字“{text}”不是日期"))?;
        let t = (dt.time() != NaiveTime::MIN).then_some(dt.time());
        return Ok((dt.date(), t));
    }
    if v.fract() != 0.0 && (1.0..13.0).contains(&v) {
        // month.day typed into a number cell
        if let Some((_, frac)) = text.split_once('.') {
            if frac.len() == 1 && matches!(frac, "1" | "2" | "3") {
                return Err(format!(
                    "数字“{text}”无法确定是几月几日（可能是{text}0），请写成 {year}-04-07 这样的日期"
                ));
            }
            if frac.len() <= 2 {
                if let Some(d) = parse_date_text(&text, year) {
                    return Ok((d, None));
                }
                return Err(not_a_date(&text));
            }
        }
    }
    if v.fract() == 0.0 && (1900.0..=2100.0).contains(&v) {
        return Err(format!("“{text}”是年份，不是日期"));
    }
    Err(format!("数字“{text}”不是日期"))
}

/// A month.day (`5.05`, `4.15`): a number between 1 and 13 with a fraction. In a date-formatted
/// cell Excel reads it as a day of January 1900.
fn is_month_day(v: f64) -> bool {
    v.fract() != 0.0 && (1.0..13.0).contains(&v)
}

/// An Excel serial typed as text (`44319`, copied from a cell shown as a number): read only when
/// it falls in the campaign's year, so a count or an ID is never taken for a date.
fn text_serial(t: &str, year: i32) -> Option<NaiveDate> {
    if t.len() != 5 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: f64 = t.parse().ok()?;
    let d = serial_to_datetime(v, false)?.date();
    (chrono::Datelike::year(&d) == year).then_some(d)
}

/// A cell in a date-time column: the date, and the time when the cell has one.
///
/// Real date cells (xlsx/xls) at 00:00:00 count as no time; a cell holding only a time (serial < 1)
/// or a duration is an error; ods ISO text (`2021-04-07`, `2021-04-07T17:30:00`) as given (T00:00:00
/// counts as no time); numbers per [`number_date`]; text per [`parse_datetime_text`].
pub fn parse_datetime(
    d: &Data,
    year: i32,
) -> Result<Option<(NaiveDate, Option<NaiveTime>)>, String> {
    match d {
        Data::Empty => Ok(None),
        Data::Error(_) => Err(error_cell(d).unwrap_or_default()),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                return Err(format!("“{}”是时长，不是日期", shown(d)));
            }
            if dt.as_f64() >= SERIAL_MAX + 1.0 {
                // 20210407 typed into a date-formatted cell (Excel shows ########)
                return number_date(dt.as_f64(), year).map(Some);
            }
            if is_month_day(dt.as_f64()) {
                // 5.05 typed into a date-formatted cell: Excel shows 1900-01-05, the clerk meant 5月5日
                return number_date(dt.as_f64(), year).map(Some);
            }
            match excel_datetime_parts(dt) {
                Some((Some(date), t)) => Ok(Some((date, (t != NaiveTime::MIN).then_some(t)))),
                Some((None, _)) => Err(format!("“{}”只有时间，没有日期", shown(d))),
                None => Err(not_a_date(&shown(d))),
            }
        }
        Data::DateTimeIso(s) => {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            match read_text_date(s, year) {
                TextDate::Ok(date, t) => Ok(Some((date, t.filter(|t| *t != NaiveTime::MIN)))),
                _ if NaiveTime::parse_from_str(s, "%H:%M:%S%.f").is_ok() => {
                    Err(format!("“{s}”只有时间，没有日期"))
                }
                _ => Err(not_a_date(s)),
            }
        }
        Data::DurationIso(s) => Err(format!("“{}”是时长，不是日期", s.trim())),
        Data::Bool(_) => Err(format!("“{}”不是日期", shown(d))),
        Data::Int(_) | Data::Float(_) => {
            let v = d.as_f64().unwrap_or(f64::NAN);
            number_date(v, year).map(Some)
        }
        Data::String(s) => {
            let t = fold_cow(s);
            if t.is_empty() || is_dash(&t) {
                return Ok(None);
            }
            match read_text_date(&t, year) {
                TextDate::Ok(date, time) => Ok(Some((date, time))),
                _ if text_serial(&t, year).is_some() => {
                    Ok(text_serial(&t, year).map(|d| (d, None)))
                }
                _ if zh_numerals_to_digits(&t).is_some() => {
                    let digits = zh_numerals_to_digits(&t).unwrap_or_default();
                    match read_text_date(&digits, year) {
                        TextDate::Ok(date, time) => Ok(Some((date, time))),
                        _ => Err(format!(
                            "“{}”不是有效日期（读作“{}”）",
                            shorten(&t),
                            shorten(&digits)
                        )),
                    }
                }
                TextDate::Invalid => Err(not_a_date(&t)),
                TextDate::NotDate => {
                    if is_only_time(&t) {
                        Err(format!("“{}”只有时间，没有日期", shorten(&t)))
                    } else {
                        Err(not_a_date(&t))
                    }
                }
            }
        }
    }
}

/// A cell in a date column: the date (a date-time gives its date). See [`parse_datetime`].
pub fn parse_date(d: &Data, year: i32) -> Result<Option<NaiveDate>, String> {
    parse_datetime(d, year).map(|o| o.map(|(date, _)| date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::cells::testkit::{dt, hm, s, ymd, Y};
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    /// Item 4 of issue 10: an Excel serial typed as text, 5.05 in a date-formatted cell, and a date
    /// in Chinese numerals are read as the clerk meant them.
    #[test]
    fn serial_text_month_day_cells_and_chinese_numerals_are_dates() {
        assert_eq!(parse_date(&s("44319"), Y), Ok(Some(ymd(2021, 5, 3))));
        // a serial outside the campaign's year is no date (a count, an ID)
        assert!(parse_date(&s("12345"), Y).is_err());
        assert!(parse_date(&s("45000"), Y).is_err());
        assert_eq!(parse_date(&dt(5.05), Y), Ok(Some(ymd(2021, 5, 5))));
        assert_eq!(parse_date(&dt(4.15), Y), Ok(Some(ymd(2021, 4, 15))));
        assert!(parse_date(&dt(4.1), Y).is_err(), "4.1 may be 4.10");
        assert_eq!(parse_date(&s("五月十二日"), Y), Ok(Some(ymd(2021, 5, 12))));
        assert_eq!(
            parse_date(&s("二〇二一年四月二十日"), Y),
            Ok(Some(ymd(2021, 4, 20)))
        );
        let e = parse_date(&s("五月三十二日"), Y).unwrap_err();
        assert!(e.contains("5月32日"), "{e}");
    }

    #[test]
    fn date_cells() {
        let d = ymd(2021, 4, 7);
        assert_eq!(parse_date(&Data::Empty, Y), Ok(None));
        assert_eq!(parse_date(&s("  "), Y), Ok(None));
        assert_eq!(parse_date(&s("-"), Y), Ok(None));
        assert_eq!(parse_date(&s("／"), Y), Ok(None));
        assert_eq!(parse_date(&dt(44293.0), Y), Ok(Some(d)));
        // a date-time in a date column gives the date
        assert_eq!(parse_date(&dt(44293.75), Y), Ok(Some(d)));
        // 1904 epoch workbooks
        let d1904 = Data::DateTime(ExcelDateTime::new(
            44293.0 - 1462.0,
            ExcelDateTimeType::DateTime,
            true,
        ));
        assert_eq!(parse_date(&d1904, Y), Ok(Some(d)));
        assert_eq!(
            parse_date(&Data::DateTimeIso("2021-04-07".into()), Y),
            Ok(Some(d))
        );
        assert_eq!(
            parse_date(&Data::DateTimeIso("2021-04-07T17:30:00".into()), Y),
            Ok(Some(d))
        );
        // serial numbers, Float (xlsx) and Int (xls) alike
        assert_eq!(parse_date(&Data::Float(44293.0), Y), Ok(Some(d)));
        assert_eq!(parse_date(&Data::Int(44293), Y), Ok(Some(d)));
        assert_eq!(parse_date(&Data::Float(20210407.0), Y), Ok(Some(d)));
        assert_eq!(parse_date(&Data::Int(20210407), Y), Ok(Some(d)));
        assert_eq!(parse_date(&s("20210407"), Y), Ok(Some(d)));
        assert_eq!(parse_date(&s("2021年4月7日"), Y), Ok(Some(d)));
        assert_eq!(
            parse_date(&Data::Float(4.15), Y),
            Ok(Some(ymd(2021, 4, 15)))
        );
        assert_eq!(parse_date(&Data::Float(4.7), Y), Ok(Some(d)));
        assert_eq!(parse_date(&dt(20210407.0), Y), Ok(Some(d)));
    }

    #[test]
    fn date_cell_errors() {
        let err = |d: Data| parse_date(&d, Y).unwrap_err();
        assert_eq!(err(s("2021-13-45")), "“2021-13-45”不是有效日期");
        assert_eq!(err(s("2021-02-30")), "“2021-02-30”不是有效日期");
        assert_eq!(err(s("下周一")), "“下周一”不是有效日期");
        assert!(err(s("17:30")).contains("只有时间"));
        assert!(err(dt(0.5)).contains("只有时间"));
        assert_eq!(
            err(Data::Error(CellErrorType::Div0)),
            "单元格是错误值 #DIV/0!"
        );
        // a year is not a date (calamine would make 2021 into 1905-07-13)
        assert!(err(Data::Int(2021)).contains("年份"));
        assert!(err(Data::Float(2021.0)).contains("年份"));
        assert!(err(Data::Int(12)).contains("不是日期"));
        assert!(err(Data::Float(99999.0)).contains("不是日期"));
        assert!(err(Data::Float(-5.0)).contains("不是日期"));
        assert!(err(Data::Int(20211345)).contains("不是有效日期"));
        assert!(err(Data::Float(4.1)).contains("无法确定"));
        assert!(err(Data::Bool(true)).contains("不是日期"));
        assert!(err(Data::DurationIso("PT1H".into())).contains("时长"));
        assert!(err(Data::DateTimeIso("17:30:00".into())).contains("只有时间"));
    }

    #[test]
    fn date_time_cells() {
        let fri = ymd(2021, 4, 9);
        // a real date cell at midnight has no time
        assert_eq!(parse_datetime(&dt(44295.0), Y), Ok(Some((fri, None))));
        assert_eq!(
            parse_datetime(&dt(44295.0 + 17.5 / 24.0), Y),
            Ok(Some((fri, Some(hm(17, 30)))))
        );
        // 17:30:59 stays 17:30:59 despite floating point
        let v = 44295.0 + (17.0 * 3600.0 + 30.0 * 60.0 + 59.0) / 86400.0;
        assert_eq!(
            parse_datetime(&dt(v), Y),
            Ok(Some((
                fri,
                Some(NaiveTime::from_hms_opt(17, 30, 59).unwrap())
            )))
        );
        assert_eq!(
            parse_datetime(&Data::Float(44295.0 + 17.5 / 24.0), Y),
            Ok(Some((fri, Some(hm(17, 30)))))
        );
        assert_eq!(parse_datetime(&Data::Int(44295), Y), Ok(Some((fri, None))));
        assert_eq!(
            parse_datetime(&Data::DateTimeIso("2021-04-09T17:30:00".into()), Y),
            Ok(Some((fri, Some(hm(17, 30)))))
        );
        assert_eq!(
            parse_datetime(&Data::DateTimeIso("2021-04-09T00:00:00".into()), Y),
            Ok(Some((fri, None)))
        );
        assert_eq!(
            parse_datetime(&s("2021年4月9日 下午5:30"), Y),
            Ok(Some((fri, Some(hm(17, 30)))))
        );
        assert_eq!(parse_datetime(&s("2021-04-09"), Y), Ok(Some((fri, None))));
        assert!(parse_datetime(&Data::Error(CellErrorType::Ref), Y).is_err());
    }
}
