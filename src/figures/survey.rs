//! Survey rates (附件1, SPEC §6): per unit and for the town, each with its base, from questionnaire rows
//! and tally rows. Which options count as positive, which are left out of the base, and the optional
//! points weights all come from the plan; so do the age groups and genders of the breakdown and the
//! question that is ranked (Q9) rather than rated.

use crate::plan::calendar::Period;
use crate::plan::{Plan, Rate};
use crate::resolve::load::Dataset;
use indexmap::IndexMap;
use serde::Serialize;

/// One rate: positive answers over the base (valid answers minus the options left out of the base).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RateValue {
    /// Fraction 0..1; None when the base is 0.
    pub value: Option<f64>,
    pub base: u32,
    pub positive: u32,
    /// Points index (0..100) when the plan sets weights; options without a weight score 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<f64>,
    /// The base is below the plan's minimum (样本不足).
    pub small_sample: bool,
}

/// Answer counts per question (plan order) and option.
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// Counts one questionnaire (answers in plan order).
    fn add_answers(&mut self, answers: &[Option<u8>]) {
        self.responses += 1;
        for (q, a) in answers.iter().enumerate() {
            if let Some(c) = a.and_then(|a| self.counts.get_mut(q)?.get_mut(a as usize)) {
                *c += 1;
            }
        }
    }
}

/// One option of the ranked question (Q9) with its count.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Ranked {
    pub option: String,
    pub count: u32,
    /// Share of the valid answers to the question (0..1); None when nobody answered it.
    pub share: Option<f64>,
}

/// The rates of one age group or gender.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    pub group: String,
    pub responses: u32,
    pub rates: IndexMap<String, RateValue>,
}

/// The town's rates by 年龄 group and by 性别 (questionnaire rows only: tallies carry neither).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Breakdown {
    /// The plan's age groups, then 未填 and 无法识别.
    pub age: Vec<Group>,
    /// The plan's genders, then 未填.
    pub gender: Vec<Group>,
}

/// Label of the breakdown bucket for a blank 年龄 / 性别.
pub const BLANK: &str = "未填";
pub use crate::ledger::answers::UNKNOWN;

#[derive(Debug, Clone, Default, Serialize)]
pub struct SurveyFigures {
    /// Questionnaires with at least one valid answer, plus each tally unit's largest per-question
    /// total.
    pub responses: u32,
    /// By the plan's rate keys, weak points first (see [`ordered_rates`]).
    pub rates: IndexMap<String, RateValue>,
    /// The ranked question's options by count, most first (ties in questionnaire order).
    pub ranked: Vec<Ranked>,
    /// The town only (None for a unit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<Breakdown>,
    #[serde(skip)]
    pub tally: Tally,
}

/// The plan's rates in report order: weak points first, then the rest, each in plan order.
pub fn ordered_rates(plan: &Plan) -> Vec<&Rate> {
    let r = &plan.survey.rates;
    r.iter()
        .filter(|r| r.weak_point)
        .chain(r.iter().filter(|r| !r.weak_point))
        .collect()
}

// (reading 题号, 选项 and 年龄 as written is ledger work; resolve's checks use it too)
use crate::ledger::answers::question_index;
pub use crate::ledger::answers::{age_group, tally_target, AgeGroup, TallyProblem};

/// Per-unit answer tallies as of the period end (undated rows count; rows dated later do not; a
/// questionnaire with no valid answer does not count).
pub fn tallies(ds: &Dataset, plan: &Plan, period: &Period) -> Vec<Tally> {
    let mut out: Vec<Tally> = (0..ds.register.units.len())
        .map(|_| Tally::new(plan))
        .collect();
    for s in counted(ds, period) {
        out[s.unit as usize].add_answers(&s.answers);
    }
    // Tally rows: 人数 answers of an option; a tally unit's responses is its largest per-question total.
    let mut from_tallies: Vec<Tally> = (0..ds.register.units.len())
        .map(|_| Tally::new(plan))
        .collect();
    for t in &ds.records.tallies {
        let (Ok((qi, oi)), Some(n)) = (
            tally_target(plan, ds.records.text(t.question), ds.records.text(t.option)),
            t.count,
        ) else {
            continue;
        };
        from_tallies[t.unit as usize].counts[qi][oi] += n;
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

/// The questionnaire rows that count as of the period end.
fn counted<'a>(
    ds: &'a Dataset,
    period: &'a Period,
) -> impl Iterator<Item = &'a crate::ledger::records::SurveyResponse> + 'a {
    ds.records.surveys.iter().filter(move |s| {
        s.date.is_none_or(|d| d <= period.end) && s.answers.iter().any(Option::is_some)
    })
}

pub fn rate(plan: &Plan, r: &Rate, t: &Tally) -> RateValue {
    let Some(qi) = question_index(plan, r.question) else {
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

fn rates(plan: &Plan, t: &Tally) -> IndexMap<String, RateValue> {
    ordered_rates(plan)
        .into_iter()
        .map(|r| (r.key.clone(), rate(plan, r, t)))
        .collect()
}

/// The ranked question's options by count.
pub fn ranked(plan: &Plan, t: &Tally) -> Vec<Ranked> {
    let Some(qi) = question_index(plan, plan.survey.ranked.question) else {
        return Vec::new();
    };
    let q = &plan.survey.questions[qi];
    let total: u32 = t.counts[qi].iter().sum();
    let mut v: Vec<Ranked> = q
        .options
        .iter()
        .zip(&t.counts[qi])
        .map(|(o, &c)| Ranked {
            option: o.clone(),
            count: c,
            share: (total > 0).then(|| c as f64 / total as f64),
        })
        .collect();
    v.sort_by_key(|r| std::cmp::Reverse(r.count));
    v
}

pub fn figures(plan: &Plan, t: &Tally) -> SurveyFigures {
    SurveyFigures {
        responses: t.responses,
        rates: rates(plan, t),
        ranked: ranked(plan, t),
        breakdown: None,
        tally: t.clone(),
    }
}

/// The town's rates by age group and gender, from the questionnaire rows that count.
pub fn breakdown(ds: &Dataset, plan: &Plan, period: &Period) -> Breakdown {
    let sv = &plan.survey;
    let mut age = vec![Tally::new(plan); sv.age_groups.len() + 2];
    let mut gender = vec![Tally::new(plan); sv.genders.len() + 1];
    for s in counted(ds, period) {
        let a = match age_group(plan, ds.records.text(s.age)) {
            AgeGroup::Group(i) => i,
            AgeGroup::Blank => sv.age_groups.len(),
            AgeGroup::Unknown => sv.age_groups.len() + 1,
        };
        age[a].add_answers(&s.answers);
        let g = s
            .gender
            .map(|g| g as usize)
            .filter(|&g| g < sv.genders.len())
            .unwrap_or(sv.genders.len());
        gender[g].add_answers(&s.answers);
    }
    let group = |label: &str, t: &Tally| Group {
        group: label.to_string(),
        responses: t.responses,
        rates: rates(plan, t),
    };
    let age_labels = sv
        .age_groups
        .iter()
        .map(String::as_str)
        .chain([BLANK, UNKNOWN]);
    let gender_labels = sv.genders.iter().map(String::as_str).chain([BLANK]);
    Breakdown {
        age: age_labels.zip(&age).map(|(l, t)| group(l, t)).collect(),
        gender: gender_labels
            .zip(&gender)
            .map(|(l, t)| group(l, t))
            .collect(),
    }
}

/// Per unit and for the whole town (the town's with the age/gender breakdown).
pub fn compute(ds: &Dataset, plan: &Plan, period: &Period) -> (Vec<SurveyFigures>, SurveyFigures) {
    let ts = tallies(ds, plan, period);
    let mut town = Tally::new(plan);
    for t in &ts {
        town.add(t);
    }
    let mut town = figures(plan, &town);
    town.breakdown = Some(breakdown(ds, plan, period));
    (ts.iter().map(|t| figures(plan, t)).collect(), town)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::answers::answer_text;

    #[test]
    fn ages_map_to_groups() {
        let p = Plan::embedded();
        let g = |s: &str| age_group(&p, s);
        // 18岁以下, 18-25, 26-35, 36-45, 46-55, 56以上
        assert_eq!(g("18-25"), AgeGroup::Group(1));
        assert_eq!(g("18～25岁"), AgeGroup::Group(1));
        assert_eq!(g("18~25"), AgeGroup::Group(1));
        assert_eq!(g("26至35"), AgeGroup::Group(2));
        assert_eq!(g("26到35岁"), AgeGroup::Group(2));
        assert_eq!(g("56岁以上"), AgeGroup::Group(5));
        assert_eq!(g("56以上"), AgeGroup::Group(5));
        assert_eq!(g("60岁及以上"), AgeGroup::Group(5));
        assert_eq!(g("18岁以下"), AgeGroup::Group(0));
        assert_eq!(g("60"), AgeGroup::Group(5));
        assert_eq!(g("45岁"), AgeGroup::Group(3));
        assert_eq!(g("18"), AgeGroup::Group(1));
        assert_eq!(g("17"), AgeGroup::Group(0));
        assert_eq!(g("1"), AgeGroup::Group(0));
        assert_eq!(g("3"), AgeGroup::Group(2));
        assert_eq!(g("6"), AgeGroup::Group(5));
        assert_eq!(g("３"), AgeGroup::Group(2));
        assert_eq!(g("C"), AgeGroup::Group(2));
        assert_eq!(g("3、26-35"), AgeGroup::Group(2));
        assert_eq!(g("1975"), AgeGroup::Group(4)); // 2021 − 1975 = 46
        assert_eq!(g(""), AgeGroup::Blank);
        assert_eq!(g("  "), AgeGroup::Blank);
        assert_eq!(g("中年"), AgeGroup::Unknown);
        assert_eq!(g("20-40"), AgeGroup::Unknown);
        assert_eq!(g("300"), AgeGroup::Unknown);
    }

    #[test]
    fn tally_rows_resolve() {
        let p = Plan::embedded();
        let t = |q: &str, o: &str| tally_target(&p, q, o);
        assert_eq!(t("1", "知道"), Ok((0, 0)));
        assert_eq!(t("第1题", "2"), Ok((0, 1)));
        assert_eq!(t("Q13", "不了解"), Ok((12, 3)));
        assert_eq!(t("问题6", "B"), Ok((5, 1)));
        assert_eq!(t("您知道什么是平安建设活动吗？", "不知道"), Ok((0, 1)));
        assert_eq!(t("1、您知道什么是平安建设活动吗", "知道"), Ok((0, 0)));
        assert_eq!(t("9", "其他治安问题（偷电动车）"), Ok((8, 5)));
        assert_eq!(t("1", "不清楚"), Err(TallyProblem::Option(0)));
        assert_eq!(t("1", "3"), Err(TallyProblem::Option(0)));
        assert_eq!(t("15", "知道"), Err(TallyProblem::Question));
        assert_eq!(t("1", "合计"), Err(TallyProblem::Total));
    }

    #[test]
    fn answers_as_text_number_letter() {
        let o: Vec<String> = ["非常满意", "基本满意", "不满意", "不了解"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(answer_text(&o, "基本满意"), Some(1));
        assert_eq!(answer_text(&o, "2"), Some(1));
        assert_eq!(answer_text(&o, "d"), Some(3));
        assert_eq!(answer_text(&o, "4、不了解"), Some(3));
        assert_eq!(answer_text(&o, "满意"), None);
        assert_eq!(answer_text(&o, "5"), None);
        assert_eq!(answer_text(&o, "0"), None);
    }
}
