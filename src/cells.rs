//! Reading one cell as what its column means: text, a date (every form villages write), a date-time,
//! a count, yes/no, a phone number. Values are folded (full-width digits and letters, ideographic
//! spaces) before they are read. Errors are short Chinese phrases the caller puts into a diagnostic.
// CONTRACT (cells helper) — every function below must exist with this signature:
//
// pub fn fold(s: &str) -> String
//     full-width ASCII (U+FF01..U+FF5E) → ASCII, U+3000/NBSP/other unicode spaces → ' ', trims.
// pub fn cell_text(d: &calamine::Data) -> Option<String>
//     folded, trimmed text of any cell; None when empty/blank. Whole floats as "12" not "12.0";
//     DateTime cells as "2021-04-07" (or "2021-04-07 17:30" with a time); Bool as 是/否; Error as "#DIV/0!".
// pub fn error_text(d: &calamine::Data) -> Option<String>   // "#DIV/0!" etc for Data::Error, else None
// pub fn parse_date(d: &calamine::Data, year: i32) -> Result<Option<NaiveDate>, String>
// pub fn parse_datetime(d: &calamine::Data, year: i32) -> Result<Option<(NaiveDate, Option<NaiveTime>)>, String>
// pub fn parse_date_text(s: &str, year: i32) -> Option<NaiveDate>
// pub fn parse_datetime_text(s: &str, year: i32) -> Option<(NaiveDate, Option<NaiveTime>)>
// pub fn parse_count(d: &calamine::Data) -> Result<Option<u32>, String>
// pub fn parse_yes_no(d: &calamine::Data) -> Result<Option<bool>, String>
// pub fn normalize_phone(s: &str) -> String
// pub fn phone_valid(s: &str) -> bool
pub fn parse_date_text(_s: &str, _year: i32) -> Option<chrono::NaiveDate> {
    None
}
