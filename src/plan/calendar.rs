//! The campaign calendar: weeks (Monday–Sunday, 第1期 = the week of the plan's `first_week`), the weekly
//! report deadline (that week's Friday 17:30), months (a week belongs to the month holding its Friday).

use crate::plan::Plan;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

/// A period figures are computed for: a campaign week or a calendar month, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The issue number: the campaign week for a week, the month number for a month.
    pub issue: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Week,
    Month,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// The calendar derived from a plan.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub first_monday: NaiveDate,
    pub end: NaiveDate,
    pub deadline_weekday: u32,
    pub deadline_time: chrono::NaiveTime,
    pub year: i32,
}

impl Calendar {
    pub fn new(plan: &Plan) -> Calendar {
        Calendar {
            first_monday: plan.calendar.first_week,
            end: plan.calendar.campaign_end,
            deadline_weekday: plan.calendar.weekly_report_weekday,
            deadline_time: plan.calendar.weekly_report_time,
            year: plan.town.year,
        }
    }

    /// The number of campaign weeks.
    pub fn week_count(&self) -> u32 {
        ((self.end - self.first_monday).num_days() / 7 + 1) as u32
    }

    /// The campaign week holding `d`, if it is inside the campaign.
    pub fn week_of(&self, d: NaiveDate) -> Option<u32> {
        if d < self.first_monday || d > self.end {
            return None;
        }
        Some(((d - self.first_monday).num_days() / 7 + 1) as u32)
    }

    /// Week `n` (1-based) as a period.
    pub fn week(&self, n: u32) -> Option<Period> {
        if n == 0 || n > self.week_count() {
            return None;
        }
        let start = self.first_monday + Duration::days(7 * (n as i64 - 1));
        Some(Period {
            kind: PeriodKind::Week,
            start,
            end: start + Duration::days(6),
            issue: n,
        })
    }

    /// The day the weekly report of week `n` is due (the plan's weekday, normally Friday).
    pub fn report_day(&self, n: u32) -> NaiveDate {
        self.first_monday + Duration::days(7 * (n as i64 - 1) + self.deadline_weekday as i64 - 1)
    }

    /// The moment the weekly report of week `n` is due: Friday 17:30.
    pub fn deadline(&self, n: u32) -> NaiveDateTime {
        self.report_day(n).and_time(self.deadline_time)
    }

    /// The calendar month `year-month` as a period.
    pub fn month(&self, year: i32, month: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(Period {
            kind: PeriodKind::Month,
            start,
            end: next - Duration::days(1),
            issue: month,
        })
    }

    /// The campaign weeks of a month: those whose report day falls in it.
    pub fn weeks_of_month(&self, m: &Period) -> Vec<u32> {
        (1..=self.week_count())
            .filter(|&n| m.contains(self.report_day(n)))
            .collect()
    }

    /// The month before `m`.
    pub fn previous_month(&self, m: &Period) -> Option<Period> {
        let d = m.start - Duration::days(1);
        self.month(d.year(), d.month())
    }

    /// Parses `--week`: an issue number (`6`, `第6期`) or a date in the week.
    pub fn parse_week(&self, s: &str) -> Result<Period, String> {
        let t = s
            .trim()
            .trim_start_matches('第')
            .trim_end_matches(['期', '周']);
        if let Ok(n) = t.parse::<u32>() {
            return self.week(n).ok_or_else(|| {
                format!(
                    "没有第{n}期：本方案的活动周为第1期至第{}期",
                    self.week_count()
                )
            });
        }
        let d = crate::ledger::cells::parse_date_text(s, self.year).ok_or_else(|| {
            format!("“{s}”不是日期或期数：请写 2021-05-12 这样的日期，或 6 这样的期数")
        })?;
        let n = self.week_of(d).ok_or_else(|| {
            format!(
                "{d} 不在活动期内：活动周从 {} 到 {}",
                self.first_monday, self.end
            )
        })?;
        Ok(self.week(n).unwrap())
    }

    /// Parses `--month YYYY-MM`.
    pub fn parse_month(&self, s: &str) -> Result<Period, String> {
        let bad = || format!("“{s}”不是月份：请写成 2021-05 这样");
        let t = s.trim().replace(['年', '/', '.'], "-").replace('月', "");
        let (y, m) = t.split_once('-').ok_or_else(bad)?;
        let (y, m) = (
            y.parse::<i32>().map_err(|_| bad())?,
            m.parse::<u32>().map_err(|_| bad())?,
        );
        let p = self.month(y, m).ok_or_else(bad)?;
        if p.end < self.first_monday || p.start > self.end {
            return Err(format!(
                "{y}年{m}月不在活动期内（{} 至 {}）",
                self.first_monday, self.end
            ));
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;

    fn cal() -> Calendar {
        Calendar::new(&Plan::embedded())
    }

    #[test]
    fn week_one_is_april_fifth() {
        let c = cal();
        let w = c.week(1).unwrap();
        assert_eq!(w.start, NaiveDate::from_ymd_opt(2021, 4, 5).unwrap());
        assert_eq!(w.end, NaiveDate::from_ymd_opt(2021, 4, 11).unwrap());
        assert_eq!(
            c.report_day(1),
            NaiveDate::from_ymd_opt(2021, 4, 9).unwrap()
        );
        assert_eq!(c.deadline(1).to_string(), "2021-04-09 17:30:00");
    }

    #[test]
    fn week_six_is_may_tenth() {
        let c = cal();
        let w = c.parse_week("2021-05-12").unwrap();
        assert_eq!(w.issue, 6);
        assert_eq!(w.start.to_string(), "2021-05-10");
        assert_eq!(c.parse_week("6").unwrap(), w);
        assert_eq!(c.parse_week("第6期").unwrap(), w);
        assert!(c
            .parse_week("2021-03-01")
            .unwrap_err()
            .contains("不在活动期内"));
        assert!(c.parse_week("99").unwrap_err().contains("没有第99期"));
    }

    #[test]
    fn may_has_four_weeks_by_friday() {
        let c = cal();
        let m = c.parse_month("2021-05").unwrap();
        let fridays: Vec<String> = c
            .weeks_of_month(&m)
            .iter()
            .map(|&n| c.report_day(n).format("%m-%d").to_string())
            .collect();
        assert_eq!(fridays, ["05-07", "05-14", "05-21", "05-28"]);
        assert_eq!(m.end.to_string(), "2021-05-31");
        assert_eq!(
            c.previous_month(&m).unwrap().start.to_string(),
            "2021-04-01"
        );
    }
}
