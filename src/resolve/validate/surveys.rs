//! Questionnaires with no valid answer or an age that fits no group, and tally rows (问卷汇总) that
//! name no question or option, or overlap another sheet's.

use crate::diag::Diagnostic;
use crate::ledger::records::Src;
use crate::ledger::schema::{Kind, Specs, SurveyCol, TallyCol};
use crate::plan::Plan;
use crate::resolve::dataset::Dataset;

pub(super) fn check_surveys(ds: &Dataset, plan: &Plan, specs: &Specs, diags: &mut Vec<Diagnostic>) {
    let spec = specs.get(Kind::Survey);
    for s in &ds.records.surveys {
        if s.answers.iter().all(Option::is_none) {
            diags.push(
                ds.at(
                    Diagnostic::error("empty_questionnaire", "这份问卷没有任何有效答案，未计入")
                        .unit(ds.unit_name(s.unit))
                        .hint("请补录答案，或删除这一行"),
                    s.src,
                    spec.question(1),
                ),
            );
        }
        let age = ds.records.text(s.age);
        if crate::ledger::answers::age_group(plan, age) == crate::ledger::answers::AgeGroup::Unknown
        {
            diags.push(
                ds.at(
                    Diagnostic::warning(
                        "bad_age",
                        format!(
                            "年龄“{}”无法归入年龄段（{}），年龄分组中计为“{}”；各项比率照常计入",
                            age,
                            plan.survey.age_groups.join("、"),
                            crate::ledger::answers::UNKNOWN
                        ),
                    )
                    .quoting(age)
                    .unit(ds.unit_name(s.unit))
                    .hint(format!(
                        "请填写年龄段（如 {}）、年龄段序号（1–{}）或实际年龄",
                        plan.survey
                            .age_groups
                            .get(2)
                            .map(String::as_str)
                            .unwrap_or("26-35"),
                        plan.survey.age_groups.len()
                    )),
                    s.src,
                    spec.col(SurveyCol::Age),
                ),
            );
        }
    }
}

/// Tally rows (问卷汇总) whose 题号 or 选项 the questionnaire does not have: reported at the cell, not
/// counted.
pub(super) fn check_tallies(ds: &Dataset, plan: &Plan, specs: &Specs, diags: &mut Vec<Diagnostic>) {
    use crate::ledger::answers::{tally_target, TallyProblem};
    let spec = specs.get(Kind::SurveyTally);
    let r = &ds.records;
    for t in &r.tallies {
        if t.question.is_empty() || t.option.is_empty() || t.count.is_none() {
            continue; // blank or unreadable: already reported where it was read
        }
        let d = match tally_target(plan, r.text(t.question), r.text(t.option)) {
            Ok(_) | Err(TallyProblem::Total) => continue,
            Err(TallyProblem::Question) => ds.at(
                Diagnostic::error(
                    "bad_tally_question",
                    format!(
                        "题号“{}”不是问卷中的题目，本行人数未计入",
                        r.text(t.question)
                    ),
                )
                .quoting_cell()
                .hint(format!(
                    "请填写题号 1–{}（如“1”或“第1题”）",
                    plan.survey.questions.len()
                )),
                t.src,
                spec.col(TallyCol::Question),
            ),
            Err(TallyProblem::Option(qi)) => {
                let q = &plan.survey.questions[qi];
                ds.at(
                    Diagnostic::error(
                        "bad_tally_option",
                        format!(
                            "选项“{}”不是第{}题的选项，本行人数未计入该题有效样本",
                            r.text(t.option),
                            q.no
                        ),
                    )
                    .quoting_cell()
                    .hint(format!(
                        "第{}题可选：{}（可写选项文字或序号）",
                        q.no,
                        q.options.join("、")
                    )),
                    t.src,
                    spec.col(TallyCol::Option),
                )
            }
        };
        diags.push(d.unit(ds.unit_name(t.unit)));
    }
    overlapping_tallies(ds, spec, diags);
}

/// The same question and option tallied for one unit in two sheets is added up; that is right for
/// batches (一组、二组) and wrong for a resent cumulative tally, so it is a warning to look at.
fn overlapping_tallies(
    ds: &Dataset,
    spec: &crate::ledger::schema::Spec,
    diags: &mut Vec<Diagnostic>,
) {
    use std::collections::BTreeMap;
    // (unit, question, option) → sheets in the order first seen, with the first row of each.
    let mut seen: BTreeMap<(u32, &str, &str), Vec<Src>> = BTreeMap::new();
    let r = &ds.records;
    for t in &r.tallies {
        let v = seen
            .entry((t.unit, r.text(t.question), r.text(t.option)))
            .or_default();
        if !v.iter().any(|s| s.sheet == t.src.sheet) {
            v.push(t.src);
        }
    }
    let mut flagged: BTreeMap<(u32, u32), Src> = BTreeMap::new();
    for ((unit, _, _), srcs) in &seen {
        for s in srcs.iter().skip(1) {
            flagged.entry((*unit, s.sheet)).or_insert(*s);
        }
    }
    for ((unit, _), src) in flagged {
        let first = seen
            .iter()
            .find(|((u, _, _), v)| *u == unit && v.len() > 1)
            .map(|(_, v)| &ds.sheets[v[0].sheet as usize]);
        let other = first
            .map(|s| format!("{} › {}", s.file, s.sheet))
            .unwrap_or_default();
        diags.push(
            ds.at(
                Diagnostic::warning(
                    "tally_overlap",
                    format!("本表与 {other} 对同一题同一选项都有汇总人数，已相加"),
                )
                .unit(ds.unit_name(unit))
                .hint("如是分组汇总则无须处理；如是重复报送或更新后的汇总，请只保留最新的一份"),
                src,
                spec.col(TallyCol::Count),
            ),
        );
    }
}
