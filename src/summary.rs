//! The `--json` summary (SPEC §7 keys; English keys and status words, dates as YYYY-MM-DD).

use crate::load::Dataset;
use serde_json::{json, Value};

pub fn files_json(ds: &Dataset) -> Value {
    Value::Array(
        ds.files
            .iter()
            .map(|f| {
                json!({
                    "path": f.path,
                    "kind": f.kind.map(|k| k.key()),
                    "sheet": f.sheet,
                    "rows": f.rows,
                    "status": f.status,
                    "reason": f.reason,
                    "units": f.units,
                })
            })
            .collect(),
    )
}

pub fn diagnostics_json(ds: &Dataset) -> Value {
    Value::Array(
        ds.diags
            .iter()
            .map(|d| {
                json!({
                    "severity": d.severity,
                    "code": d.code,
                    "unit": d.unit,
                    "file": d.file,
                    "sheet": d.sheet,
                    "cell": d.cell,
                    "message": d.message,
                    "hint": d.hint,
                })
            })
            .collect(),
    )
}

pub fn check_json(ds: &Dataset) -> Value {
    let c = crate::check::counts(&ds.diags);
    json!({
        "summary": {"errors": c.errors, "warnings": c.warnings, "infos": c.infos, "files": ds.files.len()},
        "files": files_json(ds),
        "diagnostics": diagnostics_json(ds),
    })
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn period_json(p: &crate::calendar::Period) -> Value {
    json!({
        "kind": match p.kind { crate::calendar::PeriodKind::Week => "week", crate::calendar::PeriodKind::Month => "month" },
        "start": date(p.start),
        "end": date(p.end),
        "issue": p.issue,
    })
}

/// `survey {responses, rates {key: {value, base, positive, small_sample, index?}}, ranked [..]}`, and for
/// the town also `breakdown {age [..], gender [..]}` (each `{group, responses, rates}`). Rates are listed
/// weak points first; `value` is a fraction 0..1 (null when the base is 0), `index` points 0..100.
pub fn survey_json(s: &crate::survey::SurveyFigures) -> Value {
    fn rates_json(
        rates: &indexmap::IndexMap<String, crate::survey::RateValue>,
    ) -> serde_json::Map<String, Value> {
        rates
            .iter()
            .map(|(k, r)| {
                let mut v = json!({
                    "value": r.value,
                    "base": r.base,
                    "positive": r.positive,
                    "small_sample": r.small_sample,
                });
                if let Some(i) = r.index {
                    v["index"] = json!((i * 10.0).round() / 10.0);
                }
                (k.clone(), v)
            })
            .collect()
    }
    let groups = |g: &[crate::survey::Group]| -> Value {
        g.iter()
            .map(|g| json!({"group": g.group, "responses": g.responses, "rates": rates_json(&g.rates)}))
            .collect()
    };
    let mut v = json!({
        "responses": s.responses,
        "rates": rates_json(&s.rates),
        "ranked": s.ranked.iter().map(|r| json!({
            "option": r.option, "count": r.count, "share": r.share,
        })).collect::<Vec<_>>(),
    });
    if let Some(b) = &s.breakdown {
        v["breakdown"] = json!({"age": groups(&b.age), "gender": groups(&b.gender)});
    }
    v
}

/// The top-level `town.survey` (the town's figures carry the breakdown).
pub fn town_survey_json(s: &crate::survey::SurveyFigures) -> Value {
    survey_json(s)
}

fn diags_json(list: &[&crate::diag::Diagnostic]) -> Value {
    Value::Array(
        list.iter()
            .map(|d| {
                json!({
                    "severity": d.severity, "code": d.code, "unit": d.unit, "file": d.file,
                    "sheet": d.sheet, "cell": d.cell, "message": d.message, "hint": d.hint,
                })
            })
            .collect(),
    )
}

/// Units with their figures, survey, score, grade and rank for one assessment.
pub fn units_json(
    ds: &Dataset,
    a: &crate::assess::Assessment,
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
                json!({
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
                    },
                    "disputes": {
                        "screened_weeks": f.disputes.screened_weeks,
                        "new": f.disputes.new,
                        "resolved": f.disputes.resolved,
                        "total": f.disputes.total,
                        "resolved_total": f.disputes.resolved_total,
                        "overdue": f.disputes.overdue,
                    },
                    "slogans": {
                        "hanging": f.slogans.hanging,
                        "required": f.slogans.required,
                        "ok": f.slogans.ok,
                        "unapproved": f.slogans.unapproved,
                    },
                    "survey": survey_json(&a.survey[i]),
                    "score": s.score,
                    "score_parts": parts,
                    "grade": s.grade.key(),
                    "rank": s.rank,
                    "rank_change": rank_change.get(i).copied().flatten(),
                })
            })
            .collect(),
    )
}

pub fn weekly_json(n: &crate::weekly::Notice) -> Value {
    let problems = n.all_problems();
    json!({
        "period": period_json(&n.period()),
        "units": units_json(n.ds, &n.now, &n.rank_change),
        "town": town_json(n.ds, &n.now),
        "suggestions": n.suggestions.iter().map(|s| json!({
            "unit": n.ds.unit_name(s.unit), "action": s.action, "reason": s.reason,
        })).collect::<Vec<_>>(),
        "diagnostics": diags_json(&problems),
        "files": files_json(n.ds),
    })
}

pub fn period_value(p: &crate::calendar::Period) -> Value {
    period_json(p)
}

pub fn diagnostics_list_json(list: &[&crate::diag::Diagnostic]) -> Value {
    diags_json(list)
}

/// The whole town's totals for an assessment.
pub fn town_json(ds: &Dataset, a: &crate::assess::Assessment) -> Value {
    let t = a.figures.town(ds);
    json!({
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
        },
        "disputes": {
            "screened_weeks": t.disputes.screened_weeks,
            "new": t.disputes.new,
            "resolved": t.disputes.resolved,
            "total": t.disputes.total,
            "resolved_total": t.disputes.resolved_total,
            "overdue": t.disputes.overdue,
        },
        "slogans": {"hanging": t.slogans_hanging, "unapproved": t.slogans_unapproved, "units_ok": t.units_slogans_ok},
        "survey": survey_json(&a.town_survey),
    })
}
