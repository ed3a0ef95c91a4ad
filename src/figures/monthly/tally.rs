//! The weekly rules (R1–R7) run for every week of the month and summed by unit and rule (迟报2次 …),
//! for 三、督查发现的问题 and the JSON's `weekly_rules`.

use crate::diag::{Diagnostic, Severity};
use crate::figures::assess::Assessment;
use crate::ledger::schema::Specs;
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::rules::{self, RuleCtx};
use std::collections::BTreeMap;

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

/// The weekly rules of every assessed week: every finding once, with the weeks it held (the latest
/// week's wording), and the errors and warnings summed by unit and code, in register order. Overdue
/// disputes are left to the month's own finding (as of its last day, like its overdue count).
pub(super) fn weekly_rules(
    ds: &Dataset,
    plan: &Plan,
    cal: &Calendar,
    specs: &Specs,
    basis: &crate::figures::basis::Basis,
    week_assess: &[Assessment],
    mask: bool,
) -> (Vec<Diagnostic>, Vec<RuleTally>) {
    let mut weekly_findings: Vec<Diagnostic> = Vec::new();
    let mut tallies: BTreeMap<(String, &'static str), (Severity, Vec<u32>)> = BTreeMap::new();
    for a in week_assess {
        let found = rules::weekly(&RuleCtx {
            ds,
            plan,
            cal,
            specs,
            period: a.period,
            figures: &a.figures,
            basis,
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
            if d.code == "R6_overdue" {
                continue;
            }
            let same = |x: &Diagnostic| {
                (x.code, &x.unit, &x.file, &x.sheet, &x.cell)
                    == (d.code, &d.unit, &d.file, &d.sheet, &d.cell)
            };
            match weekly_findings.iter_mut().find(|x| same(x)) {
                Some(x) => {
                    let mut weeks = std::mem::take(&mut x.weeks);
                    for &w in &d.weeks {
                        if !weeks.contains(&w) {
                            weeks.push(w);
                        }
                    }
                    *x = d;
                    x.weeks = weeks;
                }
                None => weekly_findings.push(d),
            }
        }
    }
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
    weekly_tallies.sort_by_key(|t| (ds.register.id_of(&t.unit).unwrap_or(u32::MAX), t.code));
    (weekly_findings, weekly_tallies)
}
