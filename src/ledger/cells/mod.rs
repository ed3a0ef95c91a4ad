//! Reading one cell as what its column means: text, a date (every form villages write), a date-time,
//! a count, yes/no, a phone number. Values are folded (full-width digits and letters, ideographic
//! spaces) before they are read. Errors are short Chinese phrases the caller puts into a diagnostic.
//!
//! Everything here runs once per cell on up to a million rows: no regexes, and the text parsers work
//! on the borrowed input (folding char by char) instead of allocating a folded copy.
//!
//! Conventions shared by every `parse_*` function:
//! - `Ok(None)`: the cell is empty (or blank-only text).
//! - `Err(msg)`: a short Chinese phrase naming the problem, e.g. `“2021-13-45”不是有效日期`.
//! - An error cell (`#DIV/0!`, `#REF!` …) is always `Err("单元格是错误值 #DIV/0!")`.
//! - Numbers behave the same whether calamine gives `Float(12.0)` (xlsx) or `Int(12)` (xls).
//!
//! One file per kind of value: `fold` (full-width and odd spaces), `text` (the text of any cell),
//! `dates` (dates and times as villages write them in text), `date_cells` (a date or date-time
//! column's cell of any type), `counts`, `yes_no`, `phones`.

mod counts;
mod date_cells;
mod dates;
mod fold;
mod phones;
mod text;
mod yes_no;
mod zh_numerals;

pub use counts::parse_count;
pub use date_cells::{parse_date, parse_datetime};
pub use dates::{parse_date_text, parse_datetime_text};
pub use fold::{fold, fold_cow};
pub use phones::{normalize_phone, phone_valid, strip_phone_note};
pub use text::{cell_cow, cell_text, error_text, has_text, take_text};
pub use yes_no::parse_yes_no;
pub use zh_numerals::leading_zh_number;

/// Smallest number read as an Excel serial date in a date column (1927-05-18). Anything smaller is a
/// year (`2021`), a count or a typo, never a ledger date: reported, not turned into 1905-07-13.
pub const SERIAL_MIN: f64 = 10_000.0;
/// Largest number read as an Excel serial date (2099-12-31).
pub const SERIAL_MAX: f64 = 73_050.0;

/// What the tests of every value kind build their cells from.
#[cfg(test)]
mod testkit {
    use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
    use chrono::{NaiveDate, NaiveTime};

    pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    pub fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }
    pub fn s(x: &str) -> Data {
        Data::String(x.to_string())
    }
    pub fn dt(v: f64) -> Data {
        Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false))
    }
    pub const Y: i32 = 2021;
}

#[cfg(test)]
mod tests {
    use super::testkit::Y;
    use super::*;
    use calamine::Data;

    #[test]
    fn float_and_int_agree() {
        for v in [0i64, 1, 12, 2021, 44293, 20210407] {
            let (f, i) = (Data::Float(v as f64), Data::Int(v));
            assert_eq!(cell_text(&f), cell_text(&i));
            assert_eq!(parse_count(&f), parse_count(&i));
            assert_eq!(parse_yes_no(&f), parse_yes_no(&i));
            assert_eq!(parse_date(&f, Y), parse_date(&i, Y));
            assert_eq!(parse_datetime(&f, Y), parse_datetime(&i, Y));
        }
    }
}
