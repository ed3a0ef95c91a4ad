//! The weekly notice workbook (一周一通报, SPEC §7): the bulletin leaders read and print (通报), then
//! the tables behind every number it states, one sheet each, in the order the spec lists them. Every
//! sheet renders the same `Notice` the JSON summary renders, so the two always agree.

mod bulletin;
mod charts;
mod figures;
mod lists;
mod ranking;
mod sections;

use crate::figures::weekly::Notice;
use crate::resolve::units::UnitId;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Workbook, XlsxError};

use super::style::{new_workbook, Styles};

/// Builds the whole workbook. Deterministic: the document date is the notice date, and nothing is
/// iterated in hash order. The two long lists (问题清单, 数据来源: most of the cells) are built on the
/// other core while the sheets before them are, then put in their place: a sheet's formats and
/// strings are numbered when the workbook is saved, in sheet order, so where a sheet was built
/// changes no byte.
pub fn build(n: &Notice) -> Result<Workbook, XlsxError> {
    let st = Styles::new();
    let (front, lists) = rayon::join(
        || front_sheets(n, &st),
        || {
            let mut wb = Workbook::new();
            lists::problems(&mut wb, &st, n)?;
            lists::sources(&mut wb, &st, n)?;
            Ok::<_, XlsxError>(std::mem::take(wb.worksheets_mut()))
        },
    );
    let mut wb = front?;
    for ws in lists? {
        wb.push_worksheet(ws);
    }
    charts::sheet(&mut wb, &st, n)?;
    crate::report::sign_notes(&mut wb, &n.plan.town.office);
    Ok(wb)
}

/// The workbook with its sheets up to 民调分析: the bulletin, then the tables behind it.
fn front_sheets(n: &Notice, st: &Styles) -> Result<Workbook, XlsxError> {
    let mut wb = new_workbook(n.date, &n.plan.town.office, "周通报");
    bulletin::sheet(&mut wb, n)?;
    ranking::sheet(&mut wb, st, n)?;
    figures::reports(&mut wb, st, n)?;
    figures::visits(&mut wb, st, n)?;
    figures::disputes(&mut wb, st, n)?;
    figures::slogans(&mut wb, st, n)?;
    // 民调指标 and 民调分析 (issue 4): this week's rates against last week's.
    let mut taken: std::collections::HashSet<String> = wb
        .worksheets()
        .iter()
        .map(|w| w.name().to_lowercase())
        .collect();
    let prev = n
        .prev
        .as_ref()
        .map(|p| (p.survey.as_slice(), &p.town_survey));
    crate::report::survey_sheet::write_survey_sheet(
        &mut wb,
        st,
        n.plan,
        n.ds,
        &n.period(),
        &n.now.survey,
        &n.now.town_survey,
        prev,
        &mut taken,
    )?;
    Ok(wb)
}

/// `5月10日`
fn md(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

/// `45.6%`
fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// The period line every table carries: `第6期（2021-05-10至05-16）`.
fn period_line(n: &Notice) -> String {
    let p = n.period();
    format!(
        "第{}期（{}至{}） 统计截至{}",
        p.issue,
        p.start.format("%Y-%m-%d"),
        p.end.format("%m-%d"),
        p.end.format("%Y-%m-%d")
    )
}

/// Units in the order the tables list them: 村/社区 in register order, then 镇直单位.
fn unit_order(n: &Notice) -> Vec<UnitId> {
    let units = &n.now.figures.units;
    let mut v: Vec<UnitId> = units
        .iter()
        .filter(|f| f.kind.is_village_level())
        .map(|f| f.unit)
        .collect();
    v.extend(
        units
            .iter()
            .filter(|f| !f.kind.is_village_level())
            .map(|f| f.unit),
    );
    v
}

/// A message written by someone else (a parse message may quote a cell): in the masked copy, a quoted
/// value that looks like a phone number (“1381234567”), and any bare mobile number, is masked.
fn masked_message(n: &Notice, s: &str) -> String {
    if !n.mask {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('“') {
        let (head, tail) = rest.split_at(open + '“'.len_utf8());
        out.push_str(&mask_mobiles(head));
        match tail.find('”') {
            Some(close) => {
                let quoted = &tail[..close];
                if looks_like_phone(quoted) {
                    out.push_str(&crate::text::mask_phone(quoted));
                } else {
                    out.push_str(&mask_mobiles(quoted));
                }
                rest = &tail[close..];
            }
            None => {
                rest = tail;
                break;
            }
        }
    }
    out.push_str(&mask_mobiles(rest));
    out
}

/// Digits (at least 7) with only phone punctuation around them.
fn looks_like_phone(s: &str) -> bool {
    let digits = s
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .count();
    digits >= 7
        && s.chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || matches!(c, '-' | '－' | ' ' | '(' | ')' | '（' | '）' | '+')
        })
}

/// Masks every run of exactly 11 ASCII digits that is a mainland mobile number (1[3-9]…).
fn mask_mobiles(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 11 && b[start] == b'1' && (b'3'..=b'9').contains(&b[start + 1]) {
                out.push_str(&s[last..start + 3]);
                out.push_str("****");
                out.push_str(&s[start + 7..i]);
                last = i;
            }
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles_in_text_are_masked_dates_are_not() {
        assert_eq!(
            mask_mobiles("电话13812345678，2021-05-14"),
            "电话138****5678，2021-05-14"
        );
        assert_eq!(mask_mobiles("123456789012"), "123456789012");
        assert_eq!(mask_mobiles("10012345678"), "10012345678");
    }

    #[test]
    fn quoted_phone_like_values_are_masked() {
        assert!(looks_like_phone("1381234567"));
        assert!(looks_like_phone("0632-123456"));
        assert!(!looks_like_phone("2021年5月7日"));
        assert!(!looks_like_phone("西装村"));
    }
}
