//! Survey rates (附件1, SPEC §6): per unit and for the town, each with its base, from questionnaire rows
//! and tally rows. Which options count as positive, which are left out of the base, and the optional
//! points weights all come from the plan.

use crate::calendar::Period;
use crate::load::Dataset;
use crate::plan::{Plan, Rate};
use indexmap::IndexMap;
use serde::Serialize;

/// One rate: positive answers over the base (valid answers minus the options left out of the base).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RateValue {
    /// Fraction 0..1; None when the base is 0.
    pub value: Option<f64>,
    pub base: u32,
    pub positive: u32,
    /// Points index (0..100) when the plan sets weights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<f64>,
    /// The base is below the plan's minimum (样本不足).
    pub small_sample: bool,
}

/// Answer counts per question (plan order) and option.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub responses: u32,
    /// counts[q][option]
    pub counts: Vec<Vec<u32>>,
}

impl Tally {
    pub fn new(plan: &Plan) -> Tally {
        Tally {
            responses: 0,
            counts: plan
                .survey
                .questions
                .iter()
                .map(|q| vec![0; q.options.len()])
                .collect(),
        }
    }
    pub fn add(&mut self, other: &Tally) {
        self.responses += other.responses;
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SurveyFigures {
    pub responses: u32,
    pub rates: IndexMap<String, RateValue>,
    #[serde(skip)]
    pub tally: Tally,
}

/// Per-unit answer tallies as of the period end (undated rows count).
pub fn tallies(ds: &Dataset, plan: &Plan, period: &Period) -> Vec<Tally> {
    let mut out: Vec<Tally> = (0..ds.register.units.len())
        .map(|_| Tally::new(plan))
        .collect();
    for s in &ds.records.surveys {
        if s.date.is_some_and(|d| d > period.end) {
            continue;
        }
        let t = &mut out[s.unit as usize];
        t.responses += 1;
        for (q, a) in s.answers.iter().enumerate() {
            if let Some(a) = a {
                if let Some(c) = t.counts[q].get_mut(*a as usize) {
                    *c += 1;
                }
            }
        }
    }
    // Tally rows: 人数 answers of an option; a tally unit's responses is its largest per-question total.
    let mut from_tallies: Vec<Tally> = (0..ds.register.units.len())
        .map(|_| Tally::new(plan))
        .collect();
    for t in &ds.records.tallies {
        let Some(qi) = plan
            .survey
            .questions
            .iter()
            .position(|q| q.no == t.question)
        else {
            continue;
        };
        let q = &plan.survey.questions[qi];
        let Some(oi) = crate::ledger::parse::choose(&q.options, &t.option).or_else(|| {
            t.option
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=q.options.len()).contains(n))
                .map(|n| n - 1)
        }) else {
            continue;
        };
        from_tallies[t.unit as usize].counts[qi][oi] += t.count;
    }
    for (u, t) in from_tallies.iter_mut().enumerate() {
        t.responses = t
            .counts
            .iter()
            .map(|c| c.iter().sum::<u32>())
            .max()
            .unwrap_or(0);
        out[u].add(t);
    }
    out
}

pub fn rate(plan: &Plan, r: &Rate, t: &Tally) -> RateValue {
    let Some(qi) = plan
        .survey
        .questions
        .iter()
        .position(|q| q.no == r.question)
    else {
        return RateValue::default();
    };
    let q = &plan.survey.questions[qi];
    let counts = &t.counts[qi];
    let mut base = 0;
    let mut positive = 0;
    let mut points = 0.0;
    for (o, &c) in q.options.iter().zip(counts) {
        if r.excluded.contains(o) {
            continue;
        }
        base += c;
        if r.positive.contains(o) {
            positive += c;
        }
        points += c as f64 * r.weights.get(o).copied().unwrap_or(0.0);
    }
    RateValue {
        value: (base > 0).then(|| positive as f64 / base as f64),
        base,
        positive,
        index: (!r.weights.is_empty() && base > 0).then(|| points / base as f64),
        small_sample: base < plan.minimums.survey_min_base,
    }
}

pub fn figures(plan: &Plan, t: &Tally) -> SurveyFigures {
    SurveyFigures {
        responses: t.responses,
        rates: plan
            .survey
            .rates
            .iter()
            .map(|r| (r.key.clone(), rate(plan, r, t)))
            .collect(),
        tally: t.clone(),
    }
}

/// Per unit and for the whole town.
pub fn compute(ds: &Dataset, plan: &Plan, period: &Period) -> (Vec<SurveyFigures>, SurveyFigures) {
    let ts = tallies(ds, plan, period);
    let mut town = Tally::new(plan);
    for t in &ts {
        town.add(t);
    }
    (
        ts.iter().map(|t| figures(plan, t)).collect(),
        figures(plan, &town),
    )
}

/// The survey part of a unit's score: the mean of the plan's headline rates (安全感, 政法队伍满意),
/// None when there is no answer to judge.
pub fn score_fraction(plan: &Plan, f: &SurveyFigures) -> Option<f64> {
    let vals: Vec<f64> = plan
        .survey
        .rates
        .iter()
        .filter(|r| r.headline)
        .filter_map(|r| f.rates.get(&r.key).and_then(|v| v.value))
        .collect();
    (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64)
}
