//! Checks across rows, after loading: the same dispute sent in several versions, resolution dates that
//! cannot be, questionnaires with no answer, dates from the wrong year.

use crate::diag::{Diagnostic, Location};
use crate::ledger::records::{Dispute, Src};
use crate::ledger::schema::{Kind, Specs};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::text::person_key_cow;
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

pub fn validate(ds: &mut Dataset, plan: &Plan, specs: &Specs) {
    let mut diags = Vec::new();
    reconcile_disputes(ds, plan, specs, &mut diags);
    check_disputes(ds, plan, specs, &mut diags);
    check_surveys(ds, plan, specs, &mut diags);
    check_tallies(ds, plan, specs, &mut diags);
    check_years(ds, plan, specs, &mut diags);
    crate::resolve::consistency::check(ds, plan, specs, &mut diags);
    ds.diags.extend(diags);
    let by_file = entries_by_file(ds);
    let units: Vec<Option<String>> = ds
        .diags
        .iter()
        .map(|d| {
            if d.unit.is_empty() {
                unit_of_location(ds, &by_file, d)
            } else {
                None
            }
        })
        .collect();
    for (d, u) in ds.diags.iter_mut().zip(units) {
        if let Some(u) = u {
            d.unit = u;
        }
    }
    // The key is built once per diagnostic, not twice per comparison (stable, like `sort_by`).
    ds.diags.sort_by_cached_key(|d| d.sort_key());
    ds.diags.dedup();
}

/// `ds.files` entry indices by file path, in order.
fn entries_by_file(ds: &Dataset) -> FxHashMap<&str, Vec<usize>> {
    let mut m: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, e) in ds.files.iter().enumerate() {
        m.entry(e.path.as_str()).or_default().push(i);
    }
    m
}

/// Diagnostics found while parsing know their file but not their unit; a sheet whose rows all belong
/// to one unit gives it.
fn unit_of_location(
    ds: &Dataset,
    by_file: &FxHashMap<&str, Vec<usize>>,
    d: &Diagnostic,
) -> Option<String> {
    let entries = by_file.get(d.file.as_str()).map_or(&[][..], Vec::as_slice);
    if let Some(e) = entries
        .iter()
        .map(|&i| &ds.files[i])
        .find(|e| (d.sheet.is_empty() || e.sheet == d.sheet) && e.units.len() == 1)
    {
        return Some(e.units[0].clone());
    }
    // A file or sheet that could not be read: the unit its name gives.
    let named = ds.register.named_in(&format!("{} {}", d.file, d.sheet));
    (named.len() == 1).then(|| ds.unit_name(named[0]).to_string())
}

/// The newest date a sheet mentions: a resent ledger holds later rows than the one it replaces.
fn sheet_age(disputes: &[Dispute]) -> FxHashMap<u32, NaiveDate> {
    let mut age: FxHashMap<u32, NaiveDate> = FxHashMap::default();
    for d in disputes {
        for x in [d.date, d.resolved_on].into_iter().flatten() {
            let e = age.entry(d.src.sheet).or_insert(x);
            if x > *e {
                *e = x;
            }
        }
    }
    age
}

/// Two versions of the same dispute (same unit, 排查日期, 当事人): keep the most advanced status. Moving
/// forward is normal progress; disagreeing in anything else, or moving backwards, is a warning.
fn reconcile_disputes(ds: &mut Dataset, _plan: &Plan, specs: &Specs, diags: &mut Vec<Diagnostic>) {
    let spec = specs.get(Kind::Dispute);
    let age = sheet_age(&ds.records.disputes);
    // (the 当事人 key borrows the record's text unless it needs normalising)
    let mut groups: FxHashMap<(u32, NaiveDate, Cow<str>), Vec<usize>> = FxHashMap::default();
    for (i, d) in ds.records.disputes.iter().enumerate() {
        if d.zero {
            continue;
        }
        if let Some(date) = d.date {
            groups
                .entry((d.unit, date, person_key_cow(&d.parties)))
                .or_default()
                .push(i);
        }
    }
    let mut drop = vec![false; ds.records.disputes.len()];
    let mut keys: Vec<_> = groups.into_iter().filter(|(_, v)| v.len() > 1).collect();
    keys.sort();
    for (_, idx) in keys {
        let ds_ref = &ds.records.disputes;
        let rank = |i: usize| ds_ref[i].status.map(|s| s as i32).unwrap_or(-1);
        let best = *idx
            .iter()
            .max_by_key(|&&i| {
                (
                    rank(i),
                    ds_ref[i].resolved_on.is_some(),
                    std::cmp::Reverse(ds_ref[i].src),
                )
            })
            .unwrap();
        let newest = *idx
            .iter()
            .max_by_key(|&&i| (age.get(&ds_ref[i].src.sheet).copied(), ds_ref[i].src))
            .unwrap();
        let b = &ds_ref[best];
        for &i in &idx {
            if i == best {
                continue;
            }
            drop[i] = true;
            let o = &ds_ref[i];
            let mut diffs = Vec::new();
            if o.dtype.is_some() && b.dtype.is_some() && o.dtype != b.dtype {
                diffs.push("纠纷类型");
            }
            if o.resolved_on.is_some() && b.resolved_on.is_some() && o.resolved_on != b.resolved_on
            {
                diffs.push("化解日期");
            }
            if o.parties != b.parties {
                diffs.push("当事人写法");
            }
            let backwards = newest == i && rank(i) < rank(best);
            if diffs.is_empty() && !backwards {
                continue;
            }
            let other = &ds.sheets[b.src.sheet as usize];
            let what = if backwards {
                "较新的版本化解状态反而倒退".to_string()
            } else {
                format!("两个版本的{}不一致", diffs.join("、"))
            };
            diags.push(
                ds.at(
                    Diagnostic::warning(
                        "dispute_versions_differ",
                        format!(
                            "同一纠纷（{}，{}）在多个文件中出现，{what}；已采用 {} 第{}行的版本",
                            o.date.map(|d| d.to_string()).unwrap_or_default(),
                            crate::text::mask_name(&o.parties),
                            Location::sheet(&other.file, &other.sheet),
                            b.src.row + 1
                        ),
                    )
                    .unit(ds.unit_name(o.unit))
                    .hint("请核对后在最新台账中改正，保持各次报送一致"),
                    o.src,
                    spec.col("化解状态"),
                ),
            );
        }
    }
    let mut i = 0;
    ds.records.disputes.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

fn check_disputes(ds: &Dataset, plan: &Plan, specs: &Specs, diags: &mut Vec<Diagnostic>) {
    let spec = specs.get(Kind::Dispute);
    let resolved = plan
        .disputes
        .statuses
        .iter()
        .position(|s| *s == plan.disputes.resolved);
    for d in ds.records.disputes.iter().filter(|d| !d.zero) {
        let unit = ds.unit_name(d.unit);
        if d.status.map(|s| s as usize) == resolved && d.resolved_on.is_none() {
            diags.push(
                ds.at(
                    Diagnostic::error(
                        "resolved_without_date",
                        "化解状态为“已化解”，但没有化解日期",
                    )
                    .unit(unit)
                    .hint("请填写化解日期；未填日期的不计入已化解数"),
                    d.src,
                    spec.col("化解日期"),
                ),
            );
        }
        if let (Some(a), Some(b)) = (d.date, d.resolved_on) {
            if b < a {
                diags.push(
                    ds.at(
                        Diagnostic::error(
                            "resolved_before_screened",
                            format!("化解日期 {b} 早于排查日期 {a}"),
                        )
                        .unit(unit)
                        .hint("请核对两个日期；有误的不计入已化解数"),
                        d.src,
                        spec.col("化解日期"),
                    ),
                );
            }
        }
    }
}

fn check_surveys(ds: &Dataset, plan: &Plan, specs: &Specs, diags: &mut Vec<Diagnostic>) {
    let spec = specs.get(Kind::Survey);
    for s in &ds.records.surveys {
        if s.answers.iter().all(Option::is_none) {
            diags.push(
                ds.at(
                    Diagnostic::error("empty_questionnaire", "这份问卷没有任何有效答案，未计入")
                        .unit(ds.unit_name(s.unit))
                        .hint("请补录答案，或删除这一行"),
                    s.src,
                    spec.col("第1题"),
                ),
            );
        }
        if crate::figures::survey::age_group(plan, &s.age)
            == crate::figures::survey::AgeGroup::Unknown
        {
            diags.push(
                ds.at(
                    Diagnostic::warning(
                        "bad_age",
                        format!(
                            "年龄“{}”无法归入年龄段（{}），年龄分组中计为“{}”；各项比率照常计入",
                            s.age,
                            plan.survey.age_groups.join("、"),
                            crate::figures::survey::UNKNOWN
                        ),
                    )
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
                    spec.col("年龄"),
                ),
            );
        }
    }
}

/// Tally rows (问卷汇总) whose 题号 or 选项 the questionnaire does not have: reported at the cell, not
/// counted.
fn check_tallies(ds: &Dataset, plan: &Plan, specs: &Specs, diags: &mut Vec<Diagnostic>) {
    use crate::figures::survey::{tally_target, TallyProblem};
    let spec = specs.get(Kind::SurveyTally);
    for t in &ds.records.tallies {
        if t.question.is_empty() || t.option.is_empty() || t.count.is_none() {
            continue; // blank or unreadable: already reported where it was read
        }
        let d = match tally_target(plan, t) {
            Ok(_) | Err(TallyProblem::Total) => continue,
            Err(TallyProblem::Question) => ds.at(
                Diagnostic::error(
                    "bad_tally_question",
                    format!("题号“{}”不是问卷中的题目，本行人数未计入", t.question),
                )
                .hint(format!(
                    "请填写题号 1–{}（如“1”或“第1题”）",
                    plan.survey.questions.len()
                )),
                t.src,
                spec.col("题号"),
            ),
            Err(TallyProblem::Option(qi)) => {
                let q = &plan.survey.questions[qi];
                ds.at(
                    Diagnostic::error(
                        "bad_tally_option",
                        format!(
                            "选项“{}”不是第{}题的选项，本行人数未计入该题有效样本",
                            t.option, q.no
                        ),
                    )
                    .hint(format!(
                        "第{}题可选：{}（可写选项文字或序号）",
                        q.no,
                        q.options.join("、")
                    )),
                    t.src,
                    spec.col("选项"),
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
    for t in &ds.records.tallies {
        let v = seen
            .entry((t.unit, t.question.as_str(), t.option.as_str()))
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
            .map(|s| Location::sheet(&s.file, &s.sheet).to_string())
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
                spec.col("人数"),
            ),
        );
    }
}

/// A date outside the campaign year is almost always a typo (2012 for 2021).
fn check_years(ds: &Dataset, plan: &Plan, specs: &Specs, diags: &mut Vec<Diagnostic>) {
    let year = plan.town.year;
    let mut check = |src: Src, unit: u32, date: Option<NaiveDate>, kind: Kind, col: &str| {
        if let Some(d) = date {
            if d.year() != year {
                diags.push(
                    ds.at(
                        Diagnostic::warning(
                            "date_out_of_year",
                            format!("{col} {d} 不在 {year} 年"),
                        )
                        .unit(ds.unit_name(unit))
                        .hint("请核对年份是否写错"),
                        src,
                        specs.get(kind).col(col),
                    ),
                );
            }
        }
    };
    let r = &ds.records;
    for v in &r.visits {
        check(v.src, v.unit, v.date, Kind::Visit, "走访日期");
    }
    for v in &r.disputes {
        check(v.src, v.unit, v.date, Kind::Dispute, "排查日期");
    }
    for v in &r.slogans {
        check(v.src, v.unit, v.date, Kind::Slogan, "悬挂日期");
    }
    for v in &r.activities {
        check(v.src, v.unit, v.date, Kind::Activity, "日期");
    }
    for v in &r.weekly {
        check(
            v.src,
            v.unit,
            v.submitted.map(|d| d.date()),
            Kind::WeeklyReport,
            "报送时间",
        );
    }
}
