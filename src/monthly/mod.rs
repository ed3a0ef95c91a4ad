//! The monthly supervision (一月一督导 / 一月一调度): the month's figures as of its last day and the
//! previous month's for the change columns, each week of the month assessed, the month's average,
//! grade and rank, the supervision log, rules R8–R11 plus the weekly rules summed over the month, the
//! suggestions for the leading group with their evidence, and the open items to dispatch. Renderers
//! (the workbook, the JSON) only read this.
//!
//! Decisions (documented here and in the README):
//! - A week belongs to the month holding its Friday (report day); figures are as of the month's last
//!   day, the previous month's as of its last day.
//! - The month's score is the mean of the unit's weekly scores (as shown, one decimal) over the month's
//!   weeks, rounded to one decimal. Its grade follows the plan's thresholds on that mean, except that a
//!   村/社区 with a weekly report still missing (未报) for any week of the month is 红 — SPEC §5 makes a
//!   week without a report 红 whatever its score, and the month keeps that rule.
//! - Ranks are by the month's mean within each group (村/社区 together, 镇直单位 apart; equal means
//!   share a rank); the change is last month's rank minus this month's (positive = moved up).

mod dispatch;
mod suggest;
mod supervision;

pub use crate::assess::WeekScore;
pub use crate::suggest::Suggestion;
pub use dispatch::DispatchItem;
pub use supervision::SupervisionFigures;

use crate::app::{read_inbox, write_json, Fail, EXIT_OK};
use crate::assess::{assess, assess_week, quality_counts, Assessment};
use crate::calendar::{Calendar, Period};
use crate::cli::MonthlyArgs;
use crate::diag::{Diagnostic, Severity};
use crate::figures::ReportStatus;
use crate::ledger::schema::Specs;
use crate::load::Dataset;
use crate::plan::Plan;
use crate::report::output::check_writable;
use crate::rules::r9_officers::{grid_coverage, GridCoverage};
use crate::rules::{self, RuleCtx};
use crate::score::{self, Grade, UnitScore};
use crate::units::UnitId;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// A unit's month.
#[derive(Debug, Clone)]
pub struct UnitMonth {
    pub unit: UnitId,
    /// This month's weeks, in order.
    pub weeks: Vec<WeekScore>,
    /// Mean of the weekly scores, one decimal; None when the month has no weeks.
    pub average: Option<f64>,
    pub grade: Option<Grade>,
    pub rank: Option<u32>,
    pub prev_average: Option<f64>,
    pub prev_rank: Option<u32>,
    /// Last month's rank − this month's (positive = moved up).
    pub rank_change: Option<i32>,
}

impl UnitMonth {
    pub fn red_weeks(&self) -> Vec<u32> {
        self.weeks
            .iter()
            .filter(|w| w.grade == Grade::Red)
            .map(|w| w.issue)
            .collect()
    }
    pub fn weeks_with(&self, st: ReportStatus) -> Vec<u32> {
        self.weeks
            .iter()
            .filter(|w| w.report == Some(st))
            .map(|w| w.issue)
            .collect()
    }
}

/// A weekly rule that fired for a unit in some weeks of the month (迟报2次 …).
#[derive(Debug, Clone)]
pub struct RuleTally {
    pub unit: String,
    pub code: &'static str,
    pub severity: Severity,
    /// Short Chinese label of what happened (迟报, 未报, 未排查纠纷 …).
    pub label: &'static str,
    pub weeks: Vec<u32>,
}

pub struct Monthly<'a> {
    pub plan: &'a Plan,
    pub ds: &'a Dataset,
    pub cal: Calendar,
    pub period: Period,
    pub prev_period: Option<Period>,
    /// Campaign weeks of the month (by their Friday), and of the previous month.
    pub weeks: Vec<u32>,
    pub prev_weeks: Vec<u32>,
    /// The month as of its last day (figures, survey).
    pub now: Assessment,
    /// The previous month as of its last day, when it has campaign weeks.
    pub prev: Option<Assessment>,
    /// Each week of the month assessed, in order; and the previous month's.
    pub week_assess: Vec<Assessment>,
    pub prev_week_assess: Vec<Assessment>,
    pub units: Vec<UnitMonth>,
    pub supervision: SupervisionFigures,
    pub grids: Vec<GridCoverage>,
    /// R8–R11 as of the month's end.
    pub findings: Vec<Diagnostic>,
    /// The weekly rules of every week of the month (exact repeats removed).
    pub weekly_findings: Vec<Diagnostic>,
    /// The weekly rules summed over the month by unit and code (errors and warnings).
    pub weekly_tallies: Vec<RuleTally>,
    pub suggestions: Vec<Suggestion>,
    pub dispatch: Vec<DispatchItem>,
    /// The 村/社区 mean score of each week of the previous month and this month.
    pub town_trend: Vec<(u32, Option<f64>)>,
    pub mask: bool,
    /// The document date: the month's last day.
    pub date: NaiveDate,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| round1(v.iter().sum::<f64>() / v.len() as f64))
}

/// The month's grade: the plan's thresholds on the mean; 红 with a weekly report missing.
pub fn month_grade(plan: &Plan, average: f64, missing_report: bool) -> Grade {
    if missing_report || average < plan.score.yellow {
        Grade::Red
    } else if average < plan.score.green {
        Grade::Yellow
    } else {
        Grade::Green
    }
}

/// Per unit: weekly scores, mean, grade and rank over the assessed weeks.
fn month_scores(
    plan: &Plan,
    ds: &Dataset,
    weeks: &[Assessment],
) -> (Vec<Vec<WeekScore>>, Vec<UnitScore>) {
    let n = ds.register.units.len();
    let village: Vec<bool> = ds
        .register
        .units
        .iter()
        .map(|u| u.kind.is_village_level())
        .collect();
    let per_unit: Vec<Vec<WeekScore>> = (0..n)
        .map(|i| weeks.iter().map(|a| a.week_score(i)).collect())
        .collect();
    let mut scores: Vec<UnitScore> = per_unit
        .iter()
        .map(|ws| {
            let avg = mean(&ws.iter().map(|w| w.score).collect::<Vec<_>>()).unwrap_or(0.0);
            let missing = ws.iter().any(|w| w.report == Some(ReportStatus::Missing));
            UnitScore {
                parts: Vec::new(),
                score: avg,
                grade: month_grade(plan, avg, missing),
                rank: None,
            }
        })
        .collect();
    if !weeks.is_empty() {
        score::rank(&mut scores, &village);
    }
    (per_unit, scores)
}

/// Short labels for the weekly rules, used when summing them over the month.
fn rule_label(code: &str) -> &'static str {
    match code {
        "R1_liaison_missing" => "未报联络员名单",
        "R1_liaison_late" => "联络员名单迟报",
        "R1_liaison_incomplete" => "联络员名单不全",
        "R2_meeting_missing" => "未开动员部署会",
        "R2_meeting_late" => "动员部署会延迟",
        "R3_report_missing" => "周报未报",
        "R3_report_late" => "周报迟报",
        "report_ledger_mismatch" => "周报与台账不符",
        "R4_coverage_short" => "走访未全覆盖",
        "R5_questionnaire_letter" => "问卷/公开信未送达到户",
        "R6_not_screened" => "未排查矛盾纠纷",
        "R6_overdue" => "纠纷逾期未化解",
        "R7_slogans_short" => "标语不足",
        "R7_slogan_unapproved" => "标语非附件2内容",
        "R7_slogan_typo" => "标语有错字",
        _ => "其他问题",
    }
}

impl<'a> Monthly<'a> {
    pub fn build(
        ds: &'a Dataset,
        plan: &'a Plan,
        specs: &Specs,
        period: Period,
        mask: bool,
    ) -> Monthly<'a> {
        let cal = Calendar::new(plan);
        let quality = quality_counts(ds);
        let weeks = cal.weeks_of_month(&period);
        let prev_period = cal.previous_month(&period);
        let prev_weeks = prev_period
            .map(|p| cal.weeks_of_month(&p))
            .unwrap_or_default();
        let now = assess(ds, plan, &cal, period, &quality);
        let prev = prev_period
            .filter(|_| !prev_weeks.is_empty())
            .map(|p| assess(ds, plan, &cal, p, &quality));
        let week_assess: Vec<Assessment> = weeks
            .iter()
            .filter_map(|&w| assess_week(ds, plan, &cal, w, &quality))
            .collect();
        let prev_week_assess: Vec<Assessment> = prev_weeks
            .iter()
            .filter_map(|&w| assess_week(ds, plan, &cal, w, &quality))
            .collect();

        let (per_unit, scores) = month_scores(plan, ds, &week_assess);
        let (_, prev_scores) = month_scores(plan, ds, &prev_week_assess);
        let has_weeks = !week_assess.is_empty();
        let has_prev = !prev_week_assess.is_empty();
        let units: Vec<UnitMonth> = per_unit
            .into_iter()
            .enumerate()
            .map(|(i, ws)| {
                let rank = scores[i].rank;
                let prev_rank = prev_scores[i].rank.filter(|_| has_prev);
                UnitMonth {
                    unit: i as UnitId,
                    weeks: ws,
                    average: has_weeks.then_some(scores[i].score),
                    grade: has_weeks.then_some(scores[i].grade),
                    rank,
                    prev_average: has_prev.then_some(prev_scores[i].score),
                    prev_rank,
                    rank_change: match (prev_rank, rank) {
                        (Some(p), Some(r)) => Some(p as i32 - r as i32),
                        _ => None,
                    },
                }
            })
            .collect();

        // The town's weekly trend: the mean score of the 村/社区 each week.
        let town_trend = prev_week_assess
            .iter()
            .chain(&week_assess)
            .map(|a| {
                let v: Vec<f64> = a
                    .figures
                    .units
                    .iter()
                    .zip(&a.scores)
                    .filter(|(f, _)| f.kind.is_village_level())
                    .map(|(_, s)| s.score)
                    .collect();
                (a.period.issue, mean(&v))
            })
            .collect();

        // Rules: R8–R11 as of the month's end; the weekly rules week by week.
        let findings = rules::monthly(&RuleCtx {
            ds,
            plan,
            cal: &cal,
            specs,
            period,
            figures: &now.figures,
            mask,
        });
        let mut weekly_findings: Vec<Diagnostic> = Vec::new();
        let mut tallies: BTreeMap<(String, &'static str), (Severity, Vec<u32>)> = BTreeMap::new();
        for a in &week_assess {
            let found = rules::weekly(&RuleCtx {
                ds,
                plan,
                cal: &cal,
                specs,
                period: a.period,
                figures: &a.figures,
                mask,
            });
            for d in found {
                if d.severity != Severity::Info && !d.unit.is_empty() {
                    let e = tallies
                        .entry((d.unit.clone(), d.code))
                        .or_insert((d.severity, Vec::new()));
                    e.0 = e.0.min(d.severity);
                    if !e.1.contains(&a.period.issue) {
                        e.1.push(a.period.issue);
                    }
                }
                if !weekly_findings.contains(&d) {
                    weekly_findings.push(d);
                }
            }
        }
        let order: BTreeMap<&str, usize> = ds
            .register
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.name.as_str(), i))
            .collect();
        let mut weekly_tallies: Vec<RuleTally> = tallies
            .into_iter()
            .map(|((unit, code), (severity, weeks))| RuleTally {
                unit,
                code,
                severity,
                label: rule_label(code),
                weeks,
            })
            .collect();
        weekly_tallies.sort_by_key(|t| {
            (
                order.get(t.unit.as_str()).copied().unwrap_or(usize::MAX),
                t.code,
            )
        });

        let supervision = SupervisionFigures::compute(ds, plan, &period);
        let grids = grid_coverage(ds, period.end);
        let mut m = Monthly {
            plan,
            ds,
            cal,
            period,
            prev_period: prev_period.filter(|_| has_prev),
            weeks,
            prev_weeks,
            now,
            prev,
            week_assess,
            prev_week_assess,
            units,
            supervision,
            grids,
            findings,
            weekly_findings,
            weekly_tallies,
            suggestions: Vec::new(),
            dispatch: Vec::new(),
            town_trend,
            mask,
            date: period.end,
        };
        m.suggestions = suggest::suggestions(&m);
        m.dispatch = dispatch::items(&m, specs);
        m
    }

    /// Every problem: the ledgers', the weekly rules' over the month and R8–R11, in a stable order.
    pub fn all_problems(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self
            .ds
            .diags
            .iter()
            .chain(&self.weekly_findings)
            .chain(&self.findings)
            .collect();
        v.sort_by_key(|d| d.sort_key());
        v
    }

    pub fn unit_name(&self, u: UnitId) -> &str {
        self.ds.unit_name(u)
    }

    /// A villager's name for this copy (masked for leaders).
    pub fn name(&self, s: &str) -> String {
        if self.mask {
            crate::text::mask_name(s)
        } else {
            s.trim().to_string()
        }
    }

    pub fn phone(&self, s: &str) -> String {
        if self.mask {
            crate::text::mask_phone(s)
        } else {
            s.trim().to_string()
        }
    }

    /// `2021年5月`
    pub fn month_label(&self) -> String {
        month_label(&self.period)
    }

    pub fn file_name(&self) -> String {
        file_name(self.plan, &self.period)
    }

    /// `第5期至第8期` (or one week).
    pub fn weeks_label(&self) -> String {
        match (self.weeks.first(), self.weeks.last()) {
            (Some(a), Some(b)) if a == b => format!("第{a}期"),
            (Some(a), Some(b)) => format!("第{a}期至第{b}期"),
            _ => "无活动周".into(),
        }
    }

    /// The “file › sheet › cell” of a record's column.
    pub fn source(
        &self,
        src: crate::ledger::records::Src,
        kind: crate::ledger::schema::Kind,
        col: &str,
        specs: &Specs,
    ) -> String {
        let d = self
            .ds
            .at(Diagnostic::info("src", ""), src, specs.get(kind).col(col));
        d.location()
    }
}

pub fn month_label(p: &Period) -> String {
    format!("{}年{}月", p.start.year(), p.start.month())
}

/// `水泉镇双提升月度督导_2021年5月.xlsx`
pub fn file_name(plan: &Plan, p: &Period) -> String {
    format!("{}双提升月度督导_{}.xlsx", plan.town.name, month_label(p))
}

pub fn run(plan: &Plan, args: MonthlyArgs) -> Result<i32, Fail> {
    let cal = Calendar::new(plan);
    let period = cal
        .parse_month(&args.month)
        .map_err(|e| Fail::usage(format!("--month：{e}")))?;
    let specs = Specs::new(plan);
    // Refuse before any work if the report cannot be written.
    let name = file_name(plan, &period);
    check_writable(&args.report.out, &[name], args.report.force)
        .map_err(|e| Fail::usage(e.to_string()))?;
    let ds = read_inbox(plan, &specs, &args.report.input)?;
    let m = Monthly::build(&ds, plan, &specs, period, !args.report.no_mask);
    let path = args.report.out.join(m.file_name());
    let mut wb = crate::report::monthly::build(&m, &specs)
        .map_err(|e| Fail::usage(format!("生成月度督导表失败：{e}")))?;
    crate::report::save(&mut wb, &path, args.report.force)
        .map_err(|e| Fail::usage(e.to_string()))?;
    if let Some(path) = &args.report.input.json {
        write_json(path, &crate::summary::monthly_json(&m, &specs))?;
    }
    print!("{}", crate::check::summary(&ds));
    println!();
    println!("已生成月度督导表：{}", path.display());
    Ok(EXIT_OK)
}

/// English JSON keys of the supervision methods (上门查看, 明察暗访, 电话抽查, then 方式不明).
pub fn supervision_method_keys() -> [&'static str; 4] {
    [
        supervision::METHOD_KEYS[0],
        supervision::METHOD_KEYS[1],
        supervision::METHOD_KEYS[2],
        "unknown",
    ]
}
