//! The weekly notice's content (一周一通报): this week's assessment, last week's for the change in rank,
//! the rule findings, and the 约谈 suggestions. Renderers (the workbook, the JSON) only read this.

use crate::assess::{assess_week, quality_counts, Assessment};
use crate::calendar::{Calendar, Period};
use crate::diag::Diagnostic;
use crate::ledger::schema::Specs;
use crate::load::Dataset;
use crate::plan::Plan;
use crate::rules::{self, RuleCtx};
use crate::score::Grade;
use crate::units::UnitId;
use chrono::{Duration, NaiveDate};

/// A suggestion for the leading group, with its evidence.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub unit: UnitId,
    /// 通报约谈 / 重点管理 / 一票否决（候选）
    pub action: &'static str,
    pub reason: String,
}

pub struct Notice<'a> {
    pub plan: &'a Plan,
    pub ds: &'a Dataset,
    pub cal: Calendar,
    pub now: Assessment,
    pub prev: Option<Assessment>,
    /// Per unit: previous rank − current rank (positive = moved up); None without a previous week.
    pub rank_change: Vec<Option<i32>>,
    pub findings: Vec<Diagnostic>,
    pub suggestions: Vec<Suggestion>,
    pub mask: bool,
    /// The document date: the Monday after the week.
    pub date: NaiveDate,
}

impl<'a> Notice<'a> {
    pub fn build(
        ds: &'a Dataset,
        plan: &'a Plan,
        specs: &Specs,
        period: Period,
        mask: bool,
    ) -> Notice<'a> {
        let cal = Calendar::new(plan);
        let quality = quality_counts(ds);
        let n = period.issue;
        let now = assess_week(ds, plan, &cal, n, &quality).expect("week in campaign");
        let prev = if n > 1 {
            assess_week(ds, plan, &cal, n - 1, &quality)
        } else {
            None
        };
        let rank_change = now
            .scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let p = prev.as_ref()?.scores[i].rank?;
                Some(p as i32 - s.rank? as i32)
            })
            .collect();
        let findings = rules::weekly(&RuleCtx {
            ds,
            plan,
            cal: &cal,
            specs,
            period,
            figures: &now.figures,
            mask,
        });
        let mut suggestions = Vec::new();
        let need = plan.suggestions.interview_red_weeks_in_row;
        for (i, f) in now.figures.units.iter().enumerate() {
            if !f.kind.is_village_level() || need == 0 {
                continue;
            }
            // Red weeks in a row, ending with this one.
            let mut reds = Vec::new();
            let mut w = n;
            while w >= 1 && reds.len() < need as usize {
                let a = if w == n {
                    Some(&now)
                } else if w + 1 == n {
                    prev.as_ref()
                } else {
                    None
                };
                let grade = match a {
                    Some(a) => a.scores[i].grade,
                    None => match assess_week(ds, plan, &cal, w, &quality) {
                        Some(a) => a.scores[i].grade,
                        None => break,
                    },
                };
                if grade != Grade::Red {
                    break;
                }
                reds.push(w);
                w -= 1;
            }
            if reds.len() >= need as usize {
                reds.reverse();
                let weeks: Vec<String> = reds.iter().map(|w| format!("第{w}期")).collect();
                suggestions.push(Suggestion {
                    unit: i as UnitId,
                    action: "通报约谈",
                    reason: format!("连续{}周红色等级（{}）", reds.len(), weeks.join("、")),
                });
            }
        }
        Notice {
            plan,
            ds,
            cal,
            date: period.end + Duration::days(1),
            now,
            prev,
            rank_change,
            findings,
            suggestions,
            mask,
        }
    }

    pub fn period(&self) -> Period {
        self.now.period
    }

    /// Every problem: the ledgers' and the rules', in a stable order.
    pub fn all_problems(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.ds.diags.iter().chain(&self.findings).collect();
        v.sort_by_key(|d| d.sort_key());
        v
    }

    /// `水泉镇双提升周通报_第6期_2021-05-10至05-16.xlsx`
    pub fn file_name(&self) -> String {
        crate::commands::weekly_file_name(self.plan, &self.period())
    }
}
