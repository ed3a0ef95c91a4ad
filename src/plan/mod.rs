//! The plan in force: every date, threshold, slogan, questionnaire option and weight the tool uses.
//!
//! It is read from `templates/plan.toml` (embedded as the default) or from `--plan FILE`. Unknown keys,
//! bad dates and wrong types are refused with the key and line, so a typo in the plan never silently
//! turns into a default.

pub mod calendar;
pub mod slogan;
mod words;
use chrono::{NaiveDate, NaiveTime};
use indexmap::IndexMap;
use serde::{Deserialize, Deserializer};
use std::path::Path;

/// The embedded 2021 Shuiquan plan.
pub const DEFAULT_PLAN: &str = include_str!("../../templates/plan.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub town: Town,
    pub calendar: Calendar,
    pub phases: Vec<Phase>,
    pub deadlines: Deadlines,
    pub survey_windows: Vec<SurveyWindow>,
    pub minimums: Minimums,
    /// R5's base (questionnaire and open letter delivered): see `[visits]` in plan.toml.
    #[serde(default)]
    pub visits: Visits,
    pub slogans: Vec<String>,
    pub disputes: Disputes,
    pub score: Score,
    pub suggestions: Suggestions,
    pub notice: Notice,
    pub survey: Survey,
    /// Where the register (村居名册) may come from.
    #[serde(default)]
    pub register: RegisterSource,
    /// The office's own header words and value synonyms, added to the shipped
    /// `templates/ledgers.toml` (same sections, under `[words]`: `[words.visit.method]`).
    #[serde(default)]
    pub words: crate::ledger::schema::Words,
    /// The text the plan was read from (printed by `shuangti plan`).
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Town {
    pub name: String,
    pub year: i32,
    pub document: String,
    pub office: String,
    pub title: String,
    pub report_to: String,
    pub copy_to: String,
}

/// The register comes from the office: only register sheets in these folders of the inbox (at any
/// depth, e.g. `办公室/村居名册.xlsx`) are read as the register; one sent from a village's folder or the
/// inbox's top level changes nothing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterSource {
    pub folders: Vec<String>,
}

impl Default for RegisterSource {
    fn default() -> RegisterSource {
        RegisterSource {
            folders: vec!["办公室".into(), "镇提升办".into()],
        }
    }
}

impl RegisterSource {
    /// Whether a file (its path in the inbox, folders joined by `/`) lies in one of the folders.
    pub fn holds(&self, path: &str) -> bool {
        let mut parts: Vec<&str> = path.split('/').collect();
        parts.pop(); // the file's own name
        parts
            .iter()
            .any(|p| self.folders.iter().any(|f| f.trim() == p.trim()))
    }

    /// `办公室、镇提升办`
    pub fn names(&self) -> String {
        self.folders.join("、")
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    #[serde(deserialize_with = "de_date")]
    pub first_week: NaiveDate,
    #[serde(deserialize_with = "de_date")]
    pub campaign_end: NaiveDate,
    pub weekly_report_weekday: u32,
    #[serde(deserialize_with = "de_time")]
    pub weekly_report_time: NaiveTime,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub name: String,
    #[serde(deserialize_with = "de_date")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "de_date")]
    pub end: NaiveDate,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    #[serde(deserialize_with = "de_date")]
    pub liaison: NaiveDate,
    #[serde(deserialize_with = "de_date")]
    pub mobilisation: NaiveDate,
    #[serde(deserialize_with = "de_date")]
    pub summary: NaiveDate,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyWindow {
    pub name: String,
    #[serde(deserialize_with = "de_date")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "de_date")]
    pub end: NaiveDate,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visits {
    /// Phone-only households also owe a questionnaire and the open letter (default: only households
    /// visited in person do; the plan allows a phone visit for those not at home).
    #[serde(default)]
    pub delivery_includes_phone: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minimums {
    pub village_slogans: u32,
    pub town_unit_screen_slogans: u32,
    pub dispute_overdue_days: i64,
    pub survey_min_base: u32,
    pub supervision_per_month: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disputes {
    pub types: Vec<String>,
    pub statuses: Vec<String>,
    pub resolved: String,
    pub transferred: String,
    pub zero_report_types: Vec<String>,
    pub zero_report_phrases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub weekly_report: f64,
    pub weekly_report_late: f64,
    pub visits: f64,
    pub disputes: f64,
    pub slogans: f64,
    pub survey: f64,
    pub quality: f64,
    pub quality_cost_per_error: f64,
    pub quality_cost_per_warning: f64,
    pub green: f64,
    pub yellow: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestions {
    pub interview_red_weeks_in_row: u32,
    pub key_management_red_weeks_in_month: u32,
    pub security_floor: f64,
    pub veto_security_floor: f64,
    pub veto_red_weeks_in_month: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub next_steps: Vec<String>,
    pub monthly_requirements: Vec<String>,
    /// Days a village has, from receiving its 退回修改清单, to send the corrected ledgers back
    /// ("收到后2日内重新报送"). A plan file written before this setting existed gets the default.
    #[serde(default = "default_resubmit_days")]
    pub resubmit_days: u32,
}

fn default_resubmit_days() -> u32 {
    2
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    pub age_groups: Vec<String>,
    pub genders: Vec<String>,
    pub questions: Vec<Question>,
    pub rates: Vec<Rate>,
    pub ranked: Ranked,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub no: u32,
    pub text: String,
    pub options: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// Stable JSON key (SPEC §6), e.g. `security`.
    pub key: String,
    pub name: String,
    pub question: u32,
    pub positive: Vec<String>,
    #[serde(default)]
    pub excluded: Vec<String>,
    #[serde(default)]
    pub weak_point: bool,
    #[serde(default)]
    pub headline: bool,
    /// Optional option weights for a points index (0..100).
    #[serde(default)]
    pub weights: IndexMap<String, f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ranked {
    pub question: u32,
    pub name: String,
}

/// Why a plan was refused.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("无法读取方案文件 {path}：{source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("方案文件 {path} 有误：{message}")]
    Parse { path: String, message: String },
    #[error("方案文件 {path} 有误：{message}")]
    Invalid { path: String, message: String },
}

impl Plan {
    /// The embedded default plan.
    pub fn embedded() -> Plan {
        Plan::parse(DEFAULT_PLAN, "templates/plan.toml").expect("the embedded plan is valid")
    }

    /// `--plan FILE`, or the embedded plan.
    pub fn load(path: Option<&Path>) -> Result<Plan, PlanError> {
        match path {
            None => Ok(Plan::embedded()),
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|source| PlanError::Read {
                    path: p.display().to_string(),
                    source,
                })?;
                Plan::parse(&text, &p.display().to_string())
            }
        }
    }

    pub fn parse(text: &str, path: &str) -> Result<Plan, PlanError> {
        let mut plan: Plan = toml::from_str(text).map_err(|e| PlanError::Parse {
            path: path.to_string(),
            message: describe_toml_error(text, &e),
        })?;
        plan.source = text.to_string();
        plan.validate().map_err(|message| PlanError::Invalid {
            path: path.to_string(),
            message,
        })?;
        plan.validate_words(text)
            .map_err(|message| PlanError::Invalid {
                path: path.to_string(),
                message,
            })?;
        Ok(plan)
    }

    /// Checks that the parts of the plan agree with each other.
    fn validate(&self) -> Result<(), String> {
        if !(1..=7).contains(&self.calendar.weekly_report_weekday) {
            return Err("calendar.weekly_report_weekday 应为 1（周一）到 7（周日）".into());
        }
        if chrono::Datelike::weekday(&self.calendar.first_week) != chrono::Weekday::Mon {
            return Err(format!(
                "calendar.first_week = {} 不是周一：第1期须从周一开始",
                self.calendar.first_week
            ));
        }
        for s in &self.disputes.statuses {
            if s.trim().is_empty() {
                return Err("disputes.statuses 中有空值".into());
            }
        }
        for key in [&self.disputes.resolved, &self.disputes.transferred] {
            if !self.disputes.statuses.contains(key) {
                return Err(format!("disputes 中的“{key}”不在 disputes.statuses 里"));
            }
        }
        for r in &self.survey.rates {
            let q = self.question(r.question).ok_or_else(|| {
                format!("survey.rates “{}” 引用的第{}题不存在", r.key, r.question)
            })?;
            for o in r.positive.iter().chain(&r.excluded).chain(r.weights.keys()) {
                if !q.options.contains(o) {
                    return Err(format!(
                        "survey.rates “{}” 的选项“{o}”不是第{}题的选项（{}）",
                        r.key,
                        r.question,
                        q.options.join("、")
                    ));
                }
            }
        }
        if self.question(self.survey.ranked.question).is_none() {
            return Err(format!(
                "survey.ranked 引用的第{}题不存在",
                self.survey.ranked.question
            ));
        }
        for w in &self.survey_windows {
            if w.end < w.start {
                return Err(format!(
                    "survey_windows “{}” 的结束日期早于开始日期",
                    w.name
                ));
            }
        }
        Ok(())
    }

    pub fn question(&self, no: u32) -> Option<&Question> {
        self.survey.questions.iter().find(|q| q.no == no)
    }
}

/// A toml error with its line number spelled out in Chinese.
fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let msg = e.message().to_string();
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            let src = text.lines().nth(line - 1).unwrap_or("").trim();
            format!("第{line}行 `{src}`：{msg}")
        }
        None => msg,
    }
}

fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    use serde::de::Error;
    let v = toml::value::Datetime::deserialize(d)?;
    match (v.date, v.time) {
        (Some(date), None) => {
            NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32)
                .ok_or_else(|| D::Error::custom(format!("日期 {v} 不存在")))
        }
        _ => Err(D::Error::custom(format!(
            "应为日期（如 2021-04-07），不是 {v}"
        ))),
    }
}

fn de_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    use serde::de::Error;
    let s = String::deserialize(d)?;
    NaiveTime::parse_from_str(&s, "%H:%M")
        .map_err(|_| D::Error::custom(format!("应为时间（如 \"17:30\"），不是 \"{s}\"")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_plan_without_resubmit_days_gets_two_days() {
        let text = Plan::embedded().source.replace("resubmit_days = 2\n", "");
        assert!(!text.contains("resubmit_days"));
        assert_eq!(
            Plan::parse(&text, "old.toml").unwrap().notice.resubmit_days,
            2
        );
    }

    use super::*;

    #[test]
    fn embedded_plan_parses() {
        let p = Plan::embedded();
        assert_eq!(p.town.name, "水泉镇");
        assert_eq!(p.slogans.len(), 6);
        assert_eq!(p.survey.questions.len(), 14);
        assert_eq!(p.survey.rates.len(), 13);
    }

    #[test]
    fn unknown_key_is_refused_with_line() {
        let text = DEFAULT_PLAN.replace("[minimums]\n", "[minimums]\nvilage_slogans = 3\n");
        let err = Plan::parse(&text, "p.toml").unwrap_err().to_string();
        assert!(err.contains("vilage_slogans"), "{err}");
        assert!(err.contains("第"), "{err}");
    }

    #[test]
    fn an_office_adds_header_words_and_value_synonyms() {
        let text = format!(
            "{DEFAULT_PLAN}\n[words.visit.method]\naliases = [\"访视方式\"]\nvalues = {{ \"上门访\" = \"入户\" }}\n"
        );
        let p = Plan::parse(&text, "p.toml").unwrap();
        let specs = crate::ledger::schema::Specs::new(&p);
        let spec = specs.get(crate::ledger::schema::Kind::Visit);
        let m = &spec.columns[spec.col(crate::ledger::schema::VisitCol::Method)];
        assert_eq!(m.name, "走访方式");
        assert!(m.aliases.contains(&"访视方式".to_string()));
        assert_eq!(m.values[0], ("上门访".to_string(), "入户".to_string()));
        assert!(p.printed().contains("# [visit.method]"));
    }

    #[test]
    fn an_unknown_ledger_or_column_in_words_is_refused_with_line() {
        for (section, want) in [
            ("[words.vist.method]", "vist"),
            ("[words.visit.methd]", "methd"),
        ] {
            let text = format!("{DEFAULT_PLAN}\n{section}\naliases = [\"访视方式\"]\n");
            let err = Plan::parse(&text, "p.toml").unwrap_err().to_string();
            assert!(err.contains(want) && err.contains("第"), "{err}");
        }
        let text =
            format!("{DEFAULT_PLAN}\n[words.visit.method]\nvalues = {{ \"上门访\" = \"入屋\" }}\n");
        let err = Plan::parse(&text, "p.toml").unwrap_err().to_string();
        assert!(
            err.contains("入屋") && err.contains("入户、电话") && err.contains("第"),
            "{err}"
        );
    }

    #[test]
    fn bad_date_is_refused() {
        let text = DEFAULT_PLAN.replace("liaison = 2021-04-07", "liaison = \"4月7日\"");
        let err = Plan::parse(&text, "p.toml").unwrap_err().to_string();
        assert!(err.contains("liaison = \"4月7日\""), "{err}");
    }

    #[test]
    fn wrong_type_is_refused() {
        let text = DEFAULT_PLAN.replace("village_slogans = 3 ", "village_slogans = \"三\" ");
        let err = Plan::parse(&text, "p.toml").unwrap_err().to_string();
        assert!(err.contains("village_slogans"), "{err}");
    }
}
