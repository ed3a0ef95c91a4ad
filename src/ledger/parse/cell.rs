//! Reading one mapped cell by its column's type (text, phone, date, date-time, count, yes/no,
//! choice, campaign week, questionnaire answer); a cell that cannot be read gives the diagnostic's
//! code, message and hint instead.

use super::choose::choose_memo;
use super::{text_of, CellErr, Ctx};
use crate::ledger::answers::answer;
use crate::ledger::cells::{self, cell_cow};
use crate::ledger::schema::{Column, Ty};
use crate::ledger::value::Value;
use crate::plan::calendar::Calendar;
use calamine::Data;
use chrono::NaiveTime;
use rustc_hash::FxHashMap;

pub(super) fn read_cell(
    ctx: &Ctx,
    column: &Column,
    cell: &mut Data,
    sole: bool,
    choices: &mut FxHashMap<String, Option<usize>>,
) -> Result<Value, CellErr> {
    if let Ty::Unit | Ty::Text | Ty::Person = column.ty {
        return Ok(text_of(cell, sole).map(Value::Text).unwrap_or_default());
    }
    let cell = &*cell;
    let year = ctx.calendar.year;
    let name = &column.name;
    Ok(match &column.ty {
        Ty::Unit | Ty::Text | Ty::Person => unreachable!("read above"),
        Ty::Phone => match cell_cow(cell) {
            None => Value::Empty,
            Some(t) => {
                let t = cells::strip_phone_note(&t);
                if !cells::phone_valid(&t) {
                    return Err((
                        "bad_phone",
                        format!("{name}“{t}”不是有效的手机号或座机号"),
                        "手机号为11位（1开头）；座机号写成“区号-号码”，号码为7–8位".into(),
                    ));
                }
                Value::Text(cells::normalize_phone(&t))
            }
        },
        Ty::Date => match cells::parse_date(cell, year) {
            Ok(None) => Value::Empty,
            Ok(Some(d)) => Value::Date(d),
            Err(e) => return Err(("bad_date", format!("{name}：{e}"), date_hint())),
        },
        Ty::DateTime => match cells::parse_datetime(cell, year) {
            Ok(None) => Value::Empty,
            Ok(Some((d, t))) => {
                Value::DateTime(d.and_time(t.unwrap_or(NaiveTime::MIN)), t.is_some())
            }
            Err(e) => {
                return Err((
                    "bad_date",
                    format!("{name}：{e}"),
                    "请填写日期和时间，如 2021-04-09 16:30".into(),
                ))
            }
        },
        Ty::Count => match cells::parse_count(cell) {
            Ok(None) => Value::Empty,
            Ok(Some(n)) => Value::Count(n),
            Err(e) => {
                return Err((
                    "bad_number",
                    format!("{name}：{e}"),
                    "请填写不小于0的整数".into(),
                ))
            }
        },
        Ty::YesNo => match cells::parse_yes_no(cell) {
            Ok(None) => Value::Empty,
            Ok(Some(b)) => Value::Bool(b),
            Err(e) => {
                return Err((
                    "bad_yes_no",
                    format!("{name}：{e}"),
                    "请填写“是”或“否”".into(),
                ))
            }
        },
        Ty::Choice(options) => match cell_cow(cell) {
            None => Value::Empty,
            Some(t) => match choose_memo(choices, options, &column.values, &t) {
                Some(i) => Value::Choice(i as u8),
                None => {
                    return Err((
                        "bad_choice",
                        format!("{name}“{t}”不是可选值"),
                        format!("请从下列选项中选择：{}", options.join("、")),
                    ))
                }
            },
        },
        Ty::Week => match cell_cow(cell) {
            None => Value::Empty,
            Some(t) => match parse_week(ctx.calendar, cell, &t) {
                Some(w) => Value::Week(w),
                None => {
                    return Err((
                        "bad_week",
                        format!("{name}“{t}”无法识别为活动周次"),
                        "请写“第6周”“第6期”或该周内的一个日期".into(),
                    ))
                }
            },
        },
        Ty::Answer(_) => match cell_cow(cell) {
            None => Value::Empty,
            Some(t) => match answer(&column.note_options(), cell, &t) {
                Some(i) => Value::Choice(i as u8),
                None => {
                    return Err((
                        "bad_answer",
                        format!("{name}的答案“{t}”不是该题的选项，未计入该题有效样本"),
                        format!(
                            "可选：{}（可写选项文字或序号）",
                            column.note_options().join("、")
                        ),
                    ))
                }
            },
        },
    })
}

fn date_hint() -> String {
    "请填写日期，如 2021-04-07 或 2021年4月7日".into()
}

fn parse_week(cal: &Calendar, cell: &Data, t: &str) -> Option<u32> {
    let folded: String = cells::fold(t)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let s = folded.trim_start_matches('第');
    let s = s.trim_end_matches(['周', '期', '次']);
    // 6, 第6周, 第６期, 第六周
    let n = s
        .parse::<u32>()
        .ok()
        .or_else(|| match cells::leading_zh_number(s) {
            Some((n, "")) => Some(n),
            _ => None,
        });
    if let Some(n) = n {
        return (1..=cal.week_count()).contains(&n).then_some(n);
    }
    if let Some(w) = month_week(cal, t) {
        return Some(w);
    }
    let d = cells::parse_date(cell, cal.year).ok().flatten()?;
    cal.week_of(d)
}

/// “5月第1周”: the n-th campaign week of that month (a week belongs to the month holding its
/// report day, as everywhere else).
fn month_week(cal: &Calendar, t: &str) -> Option<u32> {
    let t = cells::fold(t);
    let (m, rest) = t.split_once('月')?;
    let month: u32 = match m.trim().parse() {
        Ok(m) => m,
        Err(_) => match cells::leading_zh_number(m.trim())? {
            (m, "") => m,
            _ => return None,
        },
    };
    let rest = rest
        .trim()
        .trim_start_matches('第')
        .trim_end_matches(['周', '期'])
        .trim();
    let n = match rest.parse::<usize>() {
        Ok(n) => n,
        // 5月第一周
        Err(_) => match cells::leading_zh_number(rest)? {
            (n, "") => n as usize,
            _ => return None,
        },
    };
    let period = cal.month(cal.year, month)?;
    cal.weeks_of_month(&period).get(n.checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;

    #[test]
    fn weeks_are_read_as_number_month_week_or_date() {
        let cal = Calendar::new(&Plan::embedded());
        let w = |t: &str| parse_week(&cal, &Data::String(t.into()), t);
        assert_eq!(w("第6周"), Some(6));
        assert_eq!(w("第6期"), Some(6));
        assert_eq!(w("6"), Some(6));
        // May's weeks are those whose Friday is in May: 05-07 (第5期) … 05-28 (第8期).
        assert_eq!(w("5月第1周"), Some(5));
        assert_eq!(w("5月第4周"), Some(8));
        assert_eq!(w("5月第5周"), None);
        assert_eq!(w("2021-05-12"), Some(6));
        assert_eq!(w("第99周"), None);
        // Chinese and full-width numerals, spaces
        assert_eq!(w("第六周"), Some(6));
        assert_eq!(w("第十二期"), Some(12));
        assert_eq!(w("第６周"), Some(6));
        assert_eq!(w("第 6 周"), Some(6));
        assert_eq!(w("5月第一周"), Some(5));
        assert_eq!(w("五月第四周"), Some(8));
        assert_eq!(w("第六十周"), None);
    }
}
