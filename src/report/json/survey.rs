//! The survey part of the `--json` summary.

use serde_json::{json, Value};

/// `survey {responses, rates {key: {value, base, positive, small_sample, index?}}, ranked [..]}`, and for
/// the town also `breakdown {age [..], gender [..]}` (each `{group, responses, rates}`). Rates are listed
/// weak points first; `value` is a fraction 0..1 (null when the base is 0), `index` points 0..100.
pub fn survey_json(s: &crate::figures::survey::SurveyFigures) -> Value {
    fn rates_json(
        rates: &indexmap::IndexMap<String, crate::figures::survey::RateValue>,
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
    let groups = |g: &[crate::figures::survey::Group]| -> Value {
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
pub fn town_survey_json(s: &crate::figures::survey::SurveyFigures) -> Value {
    survey_json(s)
}
