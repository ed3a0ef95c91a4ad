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

use calamine::{Data, DataType, ExcelDateTime, ExcelDateTimeType};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::borrow::Cow;

/// Smallest number read as an Excel serial date in a date column (1927-05-18). Anything smaller is a
/// year (`2021`), a count or a typo, never a ledger date: reported, not turned into 1905-07-13.
pub const SERIAL_MIN: f64 = 10_000.0;
/// Largest number read as an Excel serial date (2099-12-31).
pub const SERIAL_MAX: f64 = 73_050.0;

// ---------------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------------

/// What one character folds to: `None` drops it (zero-width characters, BOM).
#[inline]
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        c if !c.is_ascii() && c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

#[inline]
fn needs_fold(c: char) -> bool {
    !c.is_ascii() && fold_char(c) != Some(c)
}

/// Whether `b` starts the UTF-8 of a non-ASCII character that folding or trimming acts on: U+0085,
/// U+00A0 (`C2`), U+1680 (`E1`), U+2000–U+206F (`E2`), U+3000 (`E3`), U+FEFF and U+FF01–U+FF5E
/// (`EF`). Chinese text (`E4`–`E9`) has none of these bytes, save punctuation such as 、。.
#[inline]
fn may_fold_lead(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// ASCII whitespace as `char::is_whitespace` (and so `str::trim`) sees it.
#[inline]
fn ascii_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// [`fold`] without allocating when the text is already normal.
pub fn fold_cow(s: &str) -> Cow<'_, str> {
    // Most cells: no byte of a character to fold or trim, and no ASCII space at either end; a
    // byte scan says so without decoding characters.
    let b = s.as_bytes();
    if !b.first().is_some_and(ascii_space)
        && !b.last().is_some_and(ascii_space)
        && !b.iter().any(|&x| may_fold_lead(x))
    {
        return Cow::Borrowed(s);
    }
    fold_cow_chars(s)
}

/// [`fold_cow`] character by character.
fn fold_cow_chars(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    if !t.chars().any(needs_fold) {
        return Cow::Borrowed(t);
    }
    let folded: String = t.chars().filter_map(fold_char).collect();
    let trimmed = folded.trim();
    if trimmed.len() == folded.len() {
        Cow::Owned(folded)
    } else {
        Cow::Owned(trimmed.to_string())
    }
}

/// Full-width ASCII (U+FF01..U+FF5E) → ASCII; U+3000, NBSP and the other Unicode spaces → `' '`;
/// zero-width characters and a BOM are dropped; nothing else changes (no collapsing); trimmed.
/// ASCII line breaks and tabs inside the text are kept.
pub fn fold(s: &str) -> String {
    fold_cow(s).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Text of any cell
// ---------------------------------------------------------------------------------------------

/// Shortest text of a number: whole numbers without ".0", others in their shortest round-trip form.
fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A date-time from a serial number, rounded to the second.
fn serial_to_datetime(v: f64, is_1904: bool) -> Option<NaiveDateTime> {
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
fn excel_datetime_parts(dt: &ExcelDateTime) -> Option<(Option<NaiveDate>, NaiveTime)> {
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

fn error_cell(d: &Data) -> Option<String> {
    error_text(d).map(|e| format!("单元格是错误值 {e}"))
}

/// The shown text of a cell for a message (`“…”`), cut to a readable length.
fn shown(d: &Data) -> String {
    let t = cell_text(d).unwrap_or_default();
    shorten(&t)
}

fn shorten(t: &str) -> String {
    if t.chars().count() > 30 {
        let mut s: String = t.chars().take(30).collect();
        s.push('…');
        s
    } else {
        t.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    /// value, number of digits
    Num(u32, u8),
    Ch(char),
}

const MAX_TOKS: usize = 40;

/// Splits folded text into digit runs and single characters, skipping whitespace. `None` when it
/// is too long to be a date or a digit run is longer than 9 digits.
fn tokenize(s: &str, out: &mut [Tok; MAX_TOKS]) -> Option<usize> {
    let mut n = 0;
    let mut chars = s.chars().filter_map(fold_char).peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let tok = if c.is_ascii_digit() {
            let mut v = (c as u8 - b'0') as u32;
            let mut nd = 1u8;
            while let Some(&d) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                nd += 1;
                if nd > 9 {
                    return None;
                }
                v = v * 10 + (d as u8 - b'0') as u32;
                chars.next();
            }
            Tok::Num(v, nd)
        } else {
            Tok::Ch(match c {
                '—' | '–' | '−' | '‐' | '‑' => '-',
                c => c,
            })
        };
        if n == MAX_TOKS {
            return None;
        }
        out[n] = tok;
        n += 1;
    }
    Some(n)
}

struct P<'a> {
    t: &'a [Tok],
    i: usize,
}

impl P<'_> {
    fn at_end(&self) -> bool {
        self.i >= self.t.len()
    }
    fn peek(&self) -> Option<Tok> {
        self.t.get(self.i).copied()
    }
    fn peek2(&self) -> Option<Tok> {
        self.t.get(self.i + 1).copied()
    }
    fn num(&mut self) -> Option<(u32, u8)> {
        match self.peek() {
            Some(Tok::Num(v, n)) => {
                self.i += 1;
                Some((v, n))
            }
            _ => None,
        }
    }
    fn ch(&mut self, c: char) -> bool {
        if self.peek() == Some(Tok::Ch(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn ch_in(&mut self, cs: &[char]) -> Option<char> {
        match self.peek() {
            Some(Tok::Ch(c)) if cs.contains(&c) => {
                self.i += 1;
                Some(c)
            }
            _ => None,
        }
    }
    fn word(&mut self, w: &str) -> bool {
        let save = self.i;
        for c in w.chars() {
            if !self.ch(c) {
                self.i = save;
                return false;
            }
        }
        true
    }
}

/// Separators between year, month and day (a comma or 、 too: “2021,5,6”, “2021、5、6”).
const DATE_SEPS: [char; 5] = ['-', '/', '.', ',', '、'];

fn full_year(v: u32, digits: u8) -> Option<i32> {
    match digits {
        4 if (1900..=2100).contains(&v) => Some(v as i32),
        2 => Some(2000 + v as i32),
        _ => None,
    }
}

/// Outcome of reading text as a date: not a date at all, a date form with an impossible date
/// (2021-02-30), or a date with an optional time.
enum TextDate {
    NotDate,
    Invalid,
    Ok(NaiveDate, Option<NaiveTime>),
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, ()> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(())
}

/// The date part at the start of `p`: `Ok(Some)` a date, `Err(())` a date form with an impossible
/// date, `Ok(None)` no date form.
fn date_part(p: &mut P, year: i32) -> Result<Option<NaiveDate>, ()> {
    let Some((a, na)) = p.num() else {
        return Ok(None);
    };
    // 20210407
    if na == 8
        && !matches!(p.peek(), Some(Tok::Ch(c)) if DATE_SEPS.contains(&c) || c == '年' || c == '月')
    {
        let y = (a / 10_000) as i32;
        if !(1900..=2100).contains(&y) {
            return Ok(None);
        }
        return ymd(y, a / 100 % 100, a % 100).map(Some);
    }
    // 2021年4月7日, 21年4月7号
    if p.ch('年') {
        let Some(y) = full_year(a, na) else {
            return Ok(None);
        };
        let Some((m, nm)) = p.num() else {
            return Ok(None);
        };
        if nm > 2 || !p.ch('月') {
            return Ok(None);
        }
        let Some((d, nd)) = p.num() else {
            return Ok(None);
        };
        if nd > 2 {
            return Ok(None);
        }
        let _ = p.ch('日') || p.ch('号');
        return ymd(y, m, d).map(Some);
    }
    // 4月7日
    if p.ch('月') {
        if na > 2 {
            return Ok(None);
        }
        let Some((d, nd)) = p.num() else {
            return Ok(None);
        };
        if nd > 2 {
            return Ok(None);
        }
        let _ = p.ch('日') || p.ch('号');
        return ymd(year, a, d).map(Some);
    }
    // 2021-04-07, 2021/4/7, 2021.4.7, 21.4.7, 4-7, 4/7, 4.7
    let Some(sep) = p.ch_in(&DATE_SEPS) else {
        return Ok(None);
    };
    let Some((b, nb)) = p.num() else {
        return Ok(None);
    };
    if nb > 2 {
        return Ok(None);
    }
    if p.peek() == Some(Tok::Ch(sep)) && matches!(p.peek2(), Some(Tok::Num(..))) {
        p.i += 1;
        let (c, nc) = p.num().unwrap_or((0, 0));
        if nc > 2 {
            return Ok(None);
        }
        let Some(y) = full_year(a, na) else {
            return Ok(None);
        };
        let _ = p.ch('日') || p.ch('号');
        return ymd(y, b, c).map(Some);
    }
    if na > 2 {
        return Ok(None); // 2021-04: a month, not a date
    }
    let _ = p.ch('日') || p.ch('号');
    ymd(year, a, b).map(Some)
}

/// An optional weekday after the date: `星期三`, `周三`, `(星期三)`, `礼拜天`.
fn skip_weekday(p: &mut P) {
    let save = p.i;
    let open = p.ch('(');
    if p.word("星期") || p.word("礼拜") || p.ch('周') {
        let day = p
            .ch_in(&['一', '二', '三', '四', '五', '六', '日', '天', '七'])
            .is_some()
            || matches!(p.peek(), Some(Tok::Num(1..=7, 1))) && p.num().is_some();
        if day && (!open || p.ch(')')) {
            return;
        }
    }
    p.i = save;
}

#[derive(Clone, Copy, PartialEq)]
enum DayPart {
    None,
    Morning,
    Noon,
    Afternoon,
}

/// The time after a date, up to the end: `Ok(None)` no time, `Err(())` not a time.
fn time_part(p: &mut P) -> Result<Option<NaiveTime>, ()> {
    if p.at_end() {
        return Ok(None);
    }
    let _ = p.ch('T') || p.ch('t');
    let mut part = DayPart::None;
    for (w, dp) in [
        ("上午", DayPart::Morning),
        ("早上", DayPart::Morning),
        ("早晨", DayPart::Morning),
        ("凌晨", DayPart::Morning),
        ("中午", DayPart::Noon),
        ("下午", DayPart::Afternoon),
        ("傍晚", DayPart::Afternoon),
        ("晚上", DayPart::Afternoon),
        ("夜里", DayPart::Afternoon),
        ("夜间", DayPart::Afternoon),
    ] {
        if p.word(w) {
            part = dp;
            break;
        }
    }
    if part != DayPart::None && p.at_end() {
        return Ok(None); // 2021年4月9日下午: a date, no usable time
    }
    let (mut h, nh) = p.num().ok_or(())?;
    if nh > 2 {
        return Err(());
    }
    let (mut m, mut s) = (0, 0);
    if p.ch(':') {
        let (mm, nm) = p.num().ok_or(())?;
        if nm > 2 {
            return Err(());
        }
        m = mm;
        if p.ch(':') {
            let (ss, ns) = p.num().ok_or(())?;
            if ns > 2 {
                return Err(());
            }
            s = ss;
            if p.ch('.') {
                p.num().ok_or(())?; // fractions of a second
            }
        }
    } else if p.ch('时') || p.ch('点') {
        if p.ch('半') {
            m = 30;
        } else if let Some((mm, nm)) = p.num() {
            if nm > 2 {
                return Err(());
            }
            m = mm;
            let _ = p.ch('分');
            if let Some((ss, ns)) = p.num() {
                if ns > 2 {
                    return Err(());
                }
                s = ss;
                let _ = p.ch('秒');
            }
        }
        let _ = p.ch('整');
    } else {
        return Err(());
    }
    if p.word("PM") || p.word("pm") {
        part = DayPart::Afternoon;
    } else if p.word("AM") || p.word("am") {
        part = DayPart::Morning;
    }
    let _ = p.ch('Z');
    if !p.at_end() {
        return Err(());
    }
    match part {
        DayPart::Afternoon if h < 12 => h += 12,
        DayPart::Noon if h < 11 => h += 12,
        _ => {}
    }
    NaiveTime::from_hms_opt(h, m, s).map(Some).ok_or(())
}

fn read_text_date(s: &str, year: i32) -> TextDate {
    let mut buf = [Tok::Ch(' '); MAX_TOKS];
    let Some(n) = tokenize(s, &mut buf) else {
        return TextDate::NotDate;
    };
    let mut p = P { t: &buf[..n], i: 0 };
    let date = match date_part(&mut p, year) {
        Ok(Some(d)) => d,
        Ok(None) => return TextDate::NotDate,
        Err(()) => {
            // A date form with an impossible date: only if the rest is still sensible.
            return TextDate::Invalid;
        }
    };
    skip_weekday(&mut p);
    // 2021.5.6. / 2021年5月6日。: a full stop typed after the date
    if p.i + 1 == p.t.len() && matches!(p.peek(), Some(Tok::Ch('.' | '。'))) {
        p.i += 1;
    }
    match time_part(&mut p) {
        Ok(t) => TextDate::Ok(date, t),
        Err(()) => TextDate::NotDate,
    }
}

/// A date written as text, in every form villages write (see the module's tests): `2021-04-07`,
/// `2021/4/7`, `2021.4.7`, `21.4.7`, `2021年4月7日`/`号`, `20210407`, `4月7日`, `4-7`, `4/7`, `4.7`
/// (month-day: the year is `year`), full-width digits and spaces folded, an optional weekday
/// (`（星期三）`) and an optional time after it (the time is dropped). `None` if it is no date or an
/// impossible one (2021-02-30). `17:30` alone is no date.
pub fn parse_date_text(s: &str, year: i32) -> Option<NaiveDate> {
    parse_datetime_text(s, year).map(|(d, _)| d)
}

/// Like [`parse_date_text`], with the time when one is written: `2021-04-09 17:30`,
/// `2021/4/9 17:30:59`, `2021-04-09T17:30:00`, `2021年4月9日17时30分`, `2021年4月9日 下午5:30`
/// (下午/晚上 add 12 hours), `5点半`. A written `00:00` is a time (only real date cells at midnight
/// count as dates without a time).
pub fn parse_datetime_text(s: &str, year: i32) -> Option<(NaiveDate, Option<NaiveTime>)> {
    match read_text_date(s, year) {
        TextDate::Ok(d, t) => Some((d, t)),
        _ => None,
    }
}

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
                TextDate::Invalid => Err(not_a_date(&t)),
                TextDate::NotDate => {
                    let mut buf = [Tok::Ch(' '); MAX_TOKS];
                    let only_time = tokenize(&t, &mut buf).is_some_and(|n| {
                        let mut p = P { t: &buf[..n], i: 0 };
                        matches!(time_part(&mut p), Ok(Some(_)))
                    });
                    if only_time {
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

// ---------------------------------------------------------------------------------------------
// Counts and yes/no
// ---------------------------------------------------------------------------------------------

/// Text that only says "nothing filled in": `-`, `/`, `—`, `--`, `\`.
fn is_dash(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '-' | '/' | '\\' | '—' | '–' | '_'))
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

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

// ---------------------------------------------------------------------------------------------
// Phones
// ---------------------------------------------------------------------------------------------

/// Folds full-width digits, removes spaces, dashes (`-`, `－`, `—`, `–`) and brackets around an
/// area code (`(0531)`), and a leading `+86`/`86`/`0086` before an 11-digit mobile. Anything else
/// (letters, a second number) is kept, so [`phone_valid`] rejects it.
pub fn normalize_phone(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter_map(fold_char) {
        match c {
            c if c.is_whitespace() => {}
            '-' | '—' | '–' | '−' | '‐' | '‑' | '(' | ')' => {}
            c => out.push(c),
        }
    }
    for prefix in ["+86", "0086", "86"] {
        if let Some(rest) = out.strip_prefix(prefix) {
            if is_mobile(rest) {
                return rest.to_string();
            }
        }
    }
    out
}

fn is_mobile(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 11
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && b.iter().all(u8::is_ascii_digit)
}

/// The phone text without a bracketed note after or around the number: `138 0000 1234（微信同号）`,
/// `0632-1234567(办公室)`. Brackets holding only digits (an area code, `（0632）1234567`) stay.
pub fn strip_phone_note(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| matches!(c, '(' | '（' | '[' | '【')) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut group: Option<String> = None;
    for c in s.chars().filter_map(fold_char) {
        match (c, group.as_mut()) {
            ('(' | '[' | '【', None) => group = Some(String::new()),
            (')' | ']' | '】', Some(g)) => {
                if !g.chars().any(is_cjk) {
                    out.push('(');
                    out.push_str(g);
                    out.push(')');
                }
                group = None;
            }
            (c, Some(g)) => g.push(c),
            (c, None) => out.push(c),
        }
    }
    if let Some(g) = group {
        // an unclosed bracket: a note running to the end, unless it is digits
        if !g.chars().any(is_cjk) {
            out.push('(');
            out.push_str(&g);
        }
    }
    Cow::Owned(out)
}

/// `0` + area code + 7–8 digits. Three-digit area codes are 010 and 02x, all others have four
/// digits, so 010/02x numbers have 10–11 digits and the others 11–12.
fn is_landline(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 10 || b[0] != b'0' || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    match b[1] {
        b'1' | b'2' => (10..=11).contains(&b.len()),
        b'3'..=b'9' => (11..=12).contains(&b.len()),
        _ => false,
    }
}

/// A mainland mobile (`1[3-9]` + 9 digits) or a landline (`0` + area code + 7–8 digits: 10–12
/// digits starting with 0; 010/02x have 3-digit area codes, the rest 4), after [`normalize_phone`].
pub fn phone_valid(s: &str) -> bool {
    let n = normalize_phone(s);
    is_mobile(&n) || is_landline(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    /// every character, alone, at either end and inside text, folds as character by character.
    #[test]
    fn fold_fast_path_agrees_with_folding_each_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("{c}东"),
                format!("东{c}"),
                format!("a{c}庄"),
                format!(" {c}"),
            ] {
                assert_eq!(
                    fold_cow(&s),
                    fold_cow_chars(&s),
                    "U+{:04X} in {s:?}",
                    c as u32
                );
            }
        }
        assert_eq!(fold_cow("东庄村"), Cow::Borrowed("东庄村"));
        assert_eq!(fold_cow("\x0b东庄村\t"), "东庄村");
    }

    /// `cell_cow` and `take_text` give exactly `cell_text`; `take_text` moves a text cell's string
    /// only when it is already normal, and leaves every other cell as it was.
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
    use calamine::CellErrorType;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }
    fn s(x: &str) -> Data {
        Data::String(x.to_string())
    }
    fn dt(v: f64) -> Data {
        Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false))
    }
    const Y: i32 = 2021;

    #[test]
    fn fold_full_width_and_spaces() {
        assert_eq!(fold("　ＡＢＣ１２３　"), "ABC123");
        assert_eq!(fold("张\u{00A0}三"), "张 三");
        assert_eq!(fold("a\u{2003}b"), "a b");
        assert_eq!(fold("（必填）"), "(必填)");
        assert_eq!(fold("\u{FEFF}东庄村\u{200B}"), "东庄村");
        assert_eq!(fold("a  b"), "a  b"); // nothing collapsed
        assert_eq!(fold("第一行\n第二行"), "第一行\n第二行");
        assert!(matches!(fold_cow("东庄村"), Cow::Borrowed(_)));
        assert!(matches!(fold_cow(" 东庄村 "), Cow::Borrowed("东庄村")));
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

    #[test]
    fn every_text_date_form() {
        let d = ymd(2021, 4, 7);
        for t in [
            "2021-04-07",
            "2021-4-7",
            "2021/4/7",
            "2021/04/07",
            "2021.4.7",
            "2021年4月7日",
            "2021年04月07日",
            "2021年4月7号",
            "2021年4月7",
            "2021 年 4 月 7 日",
            "20210407",
            "4月7日",
            "4月7号",
            "4月7",
            "4-7",
            "4/7",
            "4.7",
            "04-07",
            "21.4.7",
            "21-4-7",
            "21年4月7日",
            "２０２１－０４－０７",
            "２０２１年４月７日",
            "２０２１．４．７",
            "　2021-04-07　",
            "2021-04-07 星期三",
            "2021年4月7日（星期三）",
            "2021.4.7周三",
            "2021.4.7.",
            "2021年4月7日。",
        ] {
            assert_eq!(parse_date_text(t, Y), Some(d), "{t}");
        }
        // the year of month-day forms comes from the argument
        assert_eq!(parse_date_text("4月7日", 2022), Some(ymd(2022, 4, 7)));
        assert_eq!(parse_date_text("12/31", Y), Some(ymd(2021, 12, 31)));
    }

    #[test]
    fn text_that_is_no_date() {
        for t in [
            "",
            "17:30",
            "2021",
            "2021-04",
            "2021年4月",
            "4月",
            "下周一",
            "2021-02-30",
            "2021-13-45",
            "2021年2月29日",
            "20211345",
            "0407",
            "4-7-9-1",
            "2021-04-07 是",
            "2021-04-07 17",
            "2021-04-07 25:00",
            "4.7-4.9",
            "1234567890123",
        ] {
            assert_eq!(parse_date_text(t, Y), None, "{t}");
        }
        assert_eq!(parse_date_text("2020年2月29日", Y), Some(ymd(2020, 2, 29)));
    }

    #[test]
    fn text_date_times() {
        let fri = ymd(2021, 4, 9);
        for (t, time) in [
            ("2021-04-09 17:30", hm(17, 30)),
            ("2021-04-09T17:30:00", hm(17, 30)),
            ("2021-04-09T17:30:00.000", hm(17, 30)),
            (
                "2021/4/9 17:30:59",
                NaiveTime::from_hms_opt(17, 30, 59).unwrap(),
            ),
            ("2021年4月9日17时30分", hm(17, 30)),
            ("2021年4月9日17时", hm(17, 0)),
            ("2021年4月9日 17点30分", hm(17, 30)),
            ("2021年4月9日 下午5:30", hm(17, 30)),
            ("2021年4月9日下午5点半", hm(17, 30)),
            ("2021年4月9日晚上8点", hm(20, 0)),
            ("2021年4月9日上午9:15", hm(9, 15)),
            ("2021年4月9日中午12:10", hm(12, 10)),
            ("2021年4月9日中午1点", hm(13, 0)),
            ("2021年4月9日 下午12:30", hm(12, 30)),
            ("4月9日 17:30", hm(17, 30)),
            ("4.9 17:30", hm(17, 30)),
            ("2021-4-9 5:30 PM", hm(17, 30)),
            ("２０２１－０４－０９　１７：３０", hm(17, 30)),
            ("2021-04-09（星期五）17:30", hm(17, 30)),
            ("2021-04-09 00:00", hm(0, 0)),
        ] {
            assert_eq!(parse_datetime_text(t, Y), Some((fri, Some(time))), "{t}");
            assert_eq!(parse_date_text(t, Y), Some(fri), "{t}");
        }
        assert_eq!(parse_datetime_text("2021-04-09", Y), Some((fri, None)));
        assert_eq!(
            parse_datetime_text("2021年4月9日下午", Y),
            Some((fri, None))
        );
        assert_eq!(parse_datetime_text("17:30", Y), None);
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

    #[test]
    fn phones() {
        assert_eq!(normalize_phone("138 1234 5678"), "13812345678");
        assert_eq!(normalize_phone("138-1234-5678"), "13812345678");
        assert_eq!(normalize_phone("１３８１２３４５６７８"), "13812345678");
        assert_eq!(normalize_phone("+86 138 1234 5678"), "13812345678");
        assert_eq!(normalize_phone("8613812345678"), "13812345678");
        assert_eq!(normalize_phone("0531－12345678"), "053112345678");
        assert_eq!(normalize_phone("0531—1234567"), "05311234567");
        assert_eq!(normalize_phone("(0531)12345678"), "053112345678");
        for p in [
            "13812345678",
            "19912345678",
            "138 1234 5678",
            "+8613812345678",
            "１３８１２３４５６７８",
            "0531-12345678",
            "0531-1234567",
            "010-12345678",
            "01012345678",
            "0101234567",
            "02112345678",
            "（0531）12345678",
        ] {
            assert!(phone_valid(p), "{p}");
        }
        // A note in brackets beside the number is no part of it.
        for p in [
            "138 0000 1234（微信同号）",
            "0632-1234567(村委办公室)",
            "（0632）1234567【值班】",
        ] {
            let n = strip_phone_note(p);
            assert!(phone_valid(&n), "{p}");
            assert!(
                !n.contains('微') && !n.contains('办') && !n.contains('值'),
                "{p}"
            );
        }
        for p in [
            "",
            "12812345678",
            "1381234567",
            "138123456789",
            "12345678",
            "0531-123456",
            "0001234567",
            "010-123456789",
            "0531-123456789",
            "13812345678/13912345678",
            "无",
            "1381234567a",
        ] {
            assert!(!phone_valid(p), "{p}");
        }
    }

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

#[cfg(test)]
mod comma_dates {
    use super::*;

    #[test]
    fn commas_and_enumeration_marks_separate_dates_too() {
        let d = NaiveDate::from_ymd_opt(2021, 5, 6);
        assert_eq!(parse_date_text("2021,5,6", 2021), d);
        assert_eq!(parse_date_text("2021，5，6", 2021), d);
        assert_eq!(parse_date_text("2021、5、6", 2021), d);
        assert_eq!(parse_date_text("2021,5.6", 2021), None, "mixed separators");
    }
}
