//! The `--json` summary (SPEC §7 keys; English keys and status words, dates as YYYY-MM-DD).

use crate::resolve::load::Dataset;
use serde_json::{json, Value};

mod doc;
mod lists;
mod survey;

pub use doc::{Doc, Part};
use lists::diags_json;
pub use lists::{check_doc, check_json, diagnostics_json, files_json, Diags, Files};
pub use survey::{survey_json, town_survey_json};

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn period_json(p: &crate::plan::calendar::Period) -> Value {
    json!({
        "kind": match p.kind { crate::plan::calendar::PeriodKind::Week => "week", crate::plan::calendar::PeriodKind::Month => "month" },
        "start": date(p.start),
        "end": date(p.end),
        "issue": p.issue,
    })
}

/// The figures that are `null` (无法统计) and why: `{"in_person": "走访方式列未识别：…"}`.
/// Drops the `unknown` maps that are empty from a unit's or the town's `visits` and `disputes` (the
/// key is there only when some figure is `null`).
fn drop_empty_unknown(mut v: Value) -> Value {
    for part in ["visits", "disputes"] {
        if let Some(o) = v.get_mut(part).and_then(Value::as_object_mut) {
            if o.get("unknown")
                .and_then(Value::as_object)
                .is_some_and(|m| m.is_empty())
            {
                o.remove("unknown");
            }
        }
    }
    v
}

/// `slogans {hanging, required, ok, unapproved}`; `ok` is null, with `unknown.ok` the reason, when a
/// 镇直单位's screen slogans cannot be counted (no 形式 column).
fn slogans_json(s: &crate::figures::counts::Slogans) -> Value {
    let unknown = s.unknown.as_ref().filter(|_| !s.ok);
    let mut v = json!({
        "hanging": s.hanging,
        "required": s.required,
        "ok": if unknown.is_some() { Value::Null } else { s.ok.into() },
        "unapproved": s.unapproved,
    });
    if let Some(r) = unknown {
        v["unknown"] = json!({ "ok": r });
    }
    v
}

fn unknown_json(v: &[(&str, &str)]) -> Value {
    Value::Object(v.iter().map(|(k, r)| (k.to_string(), json!(r))).collect())
}

/// Units with their figures, survey, score, grade and rank for one assessment.
pub fn units_json(
    ds: &Dataset,
    a: &crate::figures::assess::Assessment,
    rank_change: &[Option<i32>],
) -> Value {
    Value::Array(
        a.figures
            .units
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let u = ds.register.get(f.unit);
                let s = &a.scores[i];
                let parts: serde_json::Map<String, Value> =
                    s.parts.iter().map(|p| (p.key.to_string(), json!(p.points))).collect();
                drop_empty_unknown(json!({
                    "name": u.name,
                    "kind": u.kind,
                    "households": u.households,
                    "weekly_report": f.weekly_report.as_ref().map(|w| json!({
                        "status": w.status,
                        "submitted_at": w.submitted_at.map(|t| t.format("%Y-%m-%dT%H:%M").to_string()),
                    })),
                    "visits": {
                        "households_visited": f.visits.households_visited,
                        "in_person": f.visits.in_person,
                        "phone": f.visits.phone,
                        "coverage": f.visits.coverage,
                        "questionnaires": f.visits.questionnaires,
                        "letters": f.visits.letters,
                        "new": f.visits.new_in_period,
                        "unknown": unknown_json(&f.visits.unknown()),
                    },
                    "disputes": {
                        "screened_weeks": f.disputes.screened_weeks,
                        "new": f.disputes.new,
                        "resolved": f.disputes.resolved,
                        "total": f.disputes.total,
                        "resolved_total": f.disputes.resolved_total,
                        "overdue": f.disputes.overdue,
                        "unknown": unknown_json(&f.disputes.unknown()),
                    },
                    "slogans": slogans_json(&f.slogans),
                    "survey": survey_json(&a.survey[i]),
                    "score": s.score,
                    "score_parts": parts,
                    "grade": s.grade.key(),
                    "rank": s.rank,
                    "rank_change": rank_change.get(i).copied().flatten(),
                }))
            })
            .collect(),
    )
}

/// The weekly notice's `--json`: `period`, `units`, `town` (with the week-by-week `trend`),
/// `suggestions`, `diagnostics`, `files`.
pub fn weekly_doc<'a>(n: &'a crate::figures::weekly::Notice) -> Doc<'a> {
    let mut town = town_json(n.ds, &n.now);
    // Week 1 … this week, as the 图表 sheet draws it (村/社区; fractions 0..1).
    town["trend"] = json!(n
        .trend
        .iter()
        .map(|w| json!({"issue": w.issue, "coverage": w.coverage, "on_time": w.on_time}))
        .collect::<Vec<_>>());
    Doc {
        head: vec![
            ("period", period_json(&n.period())),
            ("units", units_json(n.ds, &n.now, &n.rank_change)),
            ("town", town),
            (
                "suggestions",
                n.suggestions
                    .iter()
                    .map(|s| {
                        json!({
                            "unit": n.ds.unit_name(s.unit), "action": s.action, "reason": s.reason,
                        })
                    })
                    .collect(),
            ),
        ],
        tail: vec![
            (
                "diagnostics",
                Part::Diags(Diags {
                    list: n.all_problems(),
                    period: Some(("week", json!(n.period().issue))),
                }),
            ),
            ("files", Part::Files(Files(&n.ds.files))),
        ],
    }
}

pub fn period_value(p: &crate::plan::calendar::Period) -> Value {
    period_json(p)
}

pub fn diagnostics_list_json(list: &[&crate::diag::Diagnostic]) -> Value {
    diags_json(list)
}

/// The whole town's totals for an assessment.
pub fn town_json(ds: &Dataset, a: &crate::figures::assess::Assessment) -> Value {
    let t = a.figures.town(ds);
    drop_empty_unknown(json!({
        "households": t.households,
        "weekly_reports": {"on_time": t.reports_on_time, "late": t.reports_late, "missing": t.reports_missing},
        "visits": {
            "households_visited": t.visits.households_visited,
            "in_person": t.visits.in_person,
            "phone": t.visits.phone,
            "coverage": t.visits.coverage,
            "questionnaires": t.visits.questionnaires,
            "letters": t.visits.letters,
            "new": t.visits.new_in_period,
            "unknown": unknown_json(&t.visits.unknown()),
        },
        "disputes": {
            "screened_weeks": t.disputes.screened_weeks,
            "new": t.disputes.new,
            "resolved": t.disputes.resolved,
            "total": t.disputes.total,
            "resolved_total": t.disputes.resolved_total,
            "overdue": t.disputes.overdue,
            "unknown": unknown_json(&t.disputes.unknown()),
        },
        "slogans": {"hanging": t.slogans_hanging, "unapproved": t.slogans_unapproved, "units_ok": t.units_slogans_ok},
        "survey": survey_json(&a.town_survey),
    }))
}

/// The monthly summary: SPEC §7 keys for a month (`units[]` carry the month's figures as of its end,
/// `weekly_scores`, `score` = the mean of the weekly scores, `grade`, `rank`, `rank_change` against
/// last month), plus `supervision`, `weekly_rules`, `suggestions[] {unit, action, reason, evidence}`
/// and `dispatch[]`.
pub fn monthly_doc<'a>(m: &'a crate::figures::monthly::Monthly) -> Doc<'a> {
    use crate::figures::counts::ReportStatus;
    use crate::figures::monthly::supervision_method_keys as keys;
    let rank_change: Vec<Option<i32>> = m.units.iter().map(|u| u.rank_change).collect();
    let mut units = units_json(m.ds, &m.now, &rank_change);
    for (i, u) in units.as_array_mut().unwrap().iter_mut().enumerate() {
        let um = &m.units[i];
        let o = u.as_object_mut().unwrap();
        o.remove("score_parts");
        o.remove("weekly_report");
        o.insert(
            "weekly_scores".into(),
            Value::Array(
                um.weeks
                    .iter()
                    .map(|w| json!({"issue": w.issue, "score": w.score, "grade": w.grade.key(), "report": w.report}))
                    .collect(),
            ),
        );
        if m.ds.register.get(um.unit).kind.is_village_level() {
            o.insert(
                "weekly_reports".into(),
                json!({
                    "on_time": um.weeks_with(ReportStatus::OnTime).len(),
                    "late": um.weeks_with(ReportStatus::Late).len(),
                    "missing": um.weeks_with(ReportStatus::Missing).len(),
                }),
            );
        }
        o.insert("score".into(), json!(um.average));
        o.insert("grade".into(), json!(um.grade.map(|g| g.key())));
        o.insert("rank".into(), json!(um.rank));
        o.insert("rank_change".into(), json!(um.rank_change));
        o.insert("red_weeks".into(), json!(um.red_weeks()));
        o.insert(
            "previous".into(),
            json!({"score": um.prev_average, "rank": um.prev_rank}),
        );
        let checks = m.supervision.per_unit[i];
        let by: serde_json::Map<String, Value> = keys()
            .iter()
            .enumerate()
            .map(|(k, key)| (key.to_string(), json!(checks[k])))
            .collect();
        o.insert(
            "supervision".into(),
            json!({"checks": m.supervision.unit_checks(um.unit), "by_method": by}),
        );
        if let Some(g) = m.grids.iter().find(|g| g.unit == um.unit) {
            o.insert(
                "grids".into(),
                json!({"registered": g.grids, "with_officer": g.covered.len(), "without_officer": g.shortfall()}),
            );
        }
    }
    let s = &m.supervision;
    let r = &s.rows;
    let by: serde_json::Map<String, Value> = keys()
        .iter()
        .enumerate()
        .map(|(k, key)| (key.to_string(), json!(s.by_method[k])))
        .collect();
    let tracked: Vec<Value> = s
        .tracked
        .iter()
        .map(|&(i, st)| {
            let x = &r[i];
            json!({
                "unit": m.ds.unit_name(x.unit),
                "date": x.date.map(date),
                "method": x.method,
                "problem": x.problem,
                "deadline": x.deadline.map(date),
                "status": match st {
                    crate::figures::monthly::Rectify::Done => "done",
                    crate::figures::monthly::Rectify::Open => "open",
                    crate::figures::monthly::Rectify::Overdue => "overdue",
                },
                "inspector": x.inspector,
                "source": x.status_source,
            })
        })
        .collect();
    // The town's figures as of the month's end, like the weekly notice's (村/社区 for reports, visits
    // and disputes), with the weekly reports counted over the month's unit-weeks.
    let mut town = town_json(m.ds, &m.now);
    let village = |i: &usize| m.ds.register.get(m.units[*i].unit).kind.is_village_level();
    let reports = |st: ReportStatus| -> usize {
        (0..m.units.len())
            .filter(village)
            .map(|i| m.units[i].weeks_with(st).len())
            .sum()
    };
    town["weekly_reports"] = json!({
        "on_time": reports(ReportStatus::OnTime),
        "late": reports(ReportStatus::Late),
        "missing": reports(ReportStatus::Missing),
    });
    town["previous_survey"] = json!(m.prev.as_ref().map(|p| survey_json(&p.town_survey)));
    town["weekly_average"] = json!(m
        .town_trend
        .iter()
        .map(|(w, v)| json!({"issue": w, "score": v}))
        .collect::<Vec<_>>());
    let head = json!({
        "period": period_json(&m.period),
        "weeks": m.weeks.iter().filter_map(|&w| m.cal.week(w)).map(|p| period_json(&p)).collect::<Vec<_>>(),
        "previous_period": m.prev_period.as_ref().map(period_json),
        "units": units,
        "town": town,
        "supervision": {
            "checks": s.checks.len(),
            "by_method": by,
            "findings": s.findings_month,
            "rectification": {"done": s.done, "open": s.open, "overdue": s.overdue},
            "findings_tracked": tracked,
            "units_not_checked": s.not_checked.iter().map(|&u| m.ds.unit_name(u)).collect::<Vec<_>>(),
        },
        "weekly_rules": m.weekly_tallies.iter().map(|t| json!({
            "unit": t.unit, "code": t.code, "severity": t.severity, "label": t.label,
            "count": t.weeks.len(), "weeks": t.weeks,
        })).collect::<Vec<_>>(),
        "suggestions": m.suggestions.iter().map(|x| json!({
            "unit": m.ds.unit_name(x.unit), "action": x.action, "reason": x.reason,
            "evidence": x.evidence, "weeks": x.weeks,
            "security": x.security.as_ref().map(|r| json!({"value": r.value, "base": r.base, "positive": r.positive})),
        })).collect::<Vec<_>>(),
        "dispatch": m.dispatch.iter().map(|x| json!({
            "category": x.key, "unit": m.ds.unit_name(x.unit), "item": x.item,
            "since": x.since.map(date), "responsible": x.responsible, "source": x.source,
            "overdue": x.overdue,
        })).collect::<Vec<_>>(),
    });
    const KEYS: [&str; 9] = [
        "period",
        "weeks",
        "previous_period",
        "units",
        "town",
        "supervision",
        "weekly_rules",
        "suggestions",
        "dispatch",
    ];
    let Value::Object(mut head) = head else {
        unreachable!("an object")
    };
    Doc {
        head: KEYS
            .iter()
            .map(|k| (*k, head.remove(*k).expect("key")))
            .collect(),
        tail: vec![
            (
                "diagnostics",
                Part::Diags(Diags {
                    list: m.all_problems(),
                    period: Some(("month", json!(m.period.start.format("%Y-%m").to_string()))),
                }),
            ),
            ("files", Part::Files(Files(&m.ds.files))),
        ],
    }
}

mod merge;
pub use merge::{merge_towns, MergeError};
