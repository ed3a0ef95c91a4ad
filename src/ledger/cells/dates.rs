//! Dates and times written as text, in every form villages write: `2021-04-07`, `2021年4月7日`,
//! `20210407`, `4月7日`, `4.7`, with an optional weekday and time (`下午5:30`, `17时30分`). The
//! text is split into digit runs and characters once, and read by a small hand-written parser (no
//! regexes: this runs on every date cell).

use super::fold::fold_char;
use chrono::{NaiveDate, NaiveTime};

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
pub(super) enum TextDate {
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

pub(super) fn read_text_date(s: &str, year: i32) -> TextDate {
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

/// Whether folded text that is no date is a time of day alone (`17:30`): the message then says
/// the date is missing rather than that the text is no date.
pub(super) fn is_only_time(t: &str) -> bool {
    let mut buf = [Tok::Ch(' '); MAX_TOKS];
    tokenize(t, &mut buf).is_some_and(|n| {
        let mut p = P { t: &buf[..n], i: 0 };
        matches!(time_part(&mut p), Ok(Some(_)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::cells::testkit::{hm, ymd, Y};

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
    fn commas_and_enumeration_marks_separate_dates_too() {
        let d = NaiveDate::from_ymd_opt(2021, 5, 6);
        assert_eq!(parse_date_text("2021,5,6", 2021), d);
        assert_eq!(parse_date_text("2021，5，6", 2021), d);
        assert_eq!(parse_date_text("2021、5、6", 2021), d);
        assert_eq!(parse_date_text("2021,5.6", 2021), None, "mixed separators");
    }
}
