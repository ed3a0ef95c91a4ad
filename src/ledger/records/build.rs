//! Building a record from a parsed row once its unit is known: each kind's fields taken from the
//! row's values by typed column (text moved, not copied), choices turned into their enums, a
//! dispute-ledger zero report told apart from a dispute.

use super::*;
use crate::ledger::parse::ParsedRow;
use crate::ledger::schema::{
    ActivityCol, Col, DisputeCol, LiaisonCol, OfficerCol, SloganCol, SloganStatus, Spec,
    SupervisionCol, SurveyCol, TallyCol, VisitCol, VisitMethod, WeeklyCol,
};
use crate::ledger::value::Value;

/// Reads a parsed row's values by canonical column name.
pub struct Fields<'a> {
    spec: &'a Spec,
    row: &'a ParsedRow,
}

impl<'a> Fields<'a> {
    pub fn new(spec: &'a Spec, row: &'a ParsedRow) -> Fields<'a> {
        Fields { spec, row }
    }
    pub fn v<C: Col>(&self, name: C) -> &'a Value {
        &self.row.values[self.spec.col(name)]
    }
    pub fn text<C: Col>(&self, name: C) -> String {
        self.v(name).text().to_string()
    }
    pub fn date<C: Col>(&self, name: C) -> Option<NaiveDate> {
        self.v(name).date()
    }
    pub fn count<C: Col>(&self, name: C) -> Option<u32> {
        self.v(name).count()
    }
    pub fn yes<C: Col>(&self, name: C) -> Option<bool> {
        self.v(name).yes()
    }
    pub fn choice<C: Col>(&self, name: C) -> Option<u8> {
        self.v(name).choice()
    }
}

/// Context needed to type a row that the schema alone does not give.
pub struct Typing<'a> {
    pub zero_types: &'a [String],
    pub zero_phrases: &'a [String],
    pub dispute_types: usize,
    pub questions: usize,
}

/// Per column of one sheet, the text its last row had: a column often repeats its text row after
/// row (the 村民小组, the visitor, a summary), and then that text is not looked up again.
#[derive(Default)]
pub struct Recent(Vec<Text>);

/// Takes a row's values by canonical column name, its text into the run's texts.
struct Take<'a> {
    spec: &'a Spec,
    values: &'a [Value],
    texts: &'a mut Texts,
    recent: &'a mut Recent,
}

impl Take<'_> {
    fn v<C: Col>(&self, name: C) -> &Value {
        &self.values[self.spec.col(name)]
    }
    /// The column's text (kept once in the run's texts); "" for a value that is not text.
    fn text<C: Col>(&mut self, name: C) -> Text {
        let col = self.spec.col(name);
        let Value::Text(s) = &self.values[col] else {
            return Text::default();
        };
        let recent = &mut self.recent.0;
        if recent.len() <= col {
            recent.resize(col + 1, Text::default());
        }
        if !recent[col].is_empty() && self.texts.get(recent[col]) == s {
            return recent[col];
        }
        recent[col] = self.texts.add(s);
        recent[col]
    }
    fn date<C: Col>(&self, name: C) -> Option<NaiveDate> {
        self.v(name).date()
    }
    fn count<C: Col>(&self, name: C) -> Option<u32> {
        self.v(name).count()
    }
    fn yes<C: Col>(&self, name: C) -> Option<bool> {
        self.v(name).yes()
    }
    fn choice<C: Col>(&self, name: C) -> Option<u8> {
        self.v(name).choice()
    }
}

impl Records {
    /// Adds one parsed row of `kind` for `unit` (its text kept once in `self.texts`; `recent` is
    /// its sheet's, see [`Recent`]). Register rows are handled by the loader.
    pub fn push(
        &mut self,
        kind: Kind,
        spec: &Spec,
        t: &Typing,
        src: Src,
        unit: UnitId,
        values: &[Value],
        recent: &mut Recent,
    ) {
        let mut f = Take {
            spec,
            values,
            texts: &mut self.texts,
            recent,
        };
        match kind {
            Kind::Register => {}
            Kind::Liaison => self.liaisons.push(Liaison {
                src,
                unit,
                leader: f.text(LiaisonCol::Leader),
                leader_title: f.text(LiaisonCol::LeaderTitle),
                deputy: f.text(LiaisonCol::Deputy),
                liaison: f.text(LiaisonCol::Liaison),
                phone: f.text(LiaisonCol::Phone),
                date: f.date(LiaisonCol::Date),
            }),
            Kind::WeeklyReport => {
                let (submitted, has_time) = match f.v(WeeklyCol::Submitted) {
                    Value::DateTime(dt, t) => (Some(*dt), *t),
                    _ => (None, false),
                };
                let week = match f.v(WeeklyCol::Week) {
                    Value::Week(w) => Some(*w),
                    _ => None,
                };
                self.weekly.push(WeeklyReport {
                    src,
                    unit,
                    submitted,
                    has_time,
                    week,
                    content: f.text(WeeklyCol::Content),
                    visits: f.count(WeeklyCol::Visits),
                    disputes_screened: f.count(WeeklyCol::Screened),
                    disputes_resolved: f.count(WeeklyCol::Resolved),
                    broadcasts: f.count(WeeklyCol::Broadcasts),
                })
            }
            Kind::Visit => self.visits.push(Visit {
                src,
                unit,
                group: f.text(VisitCol::Group),
                head: f.text(VisitCol::Head),
                date: f.date(VisitCol::Date),
                in_person: f
                    .choice(VisitCol::Method)
                    .and_then(VisitMethod::from_index)
                    .map(|m| m == VisitMethod::InPerson),
                questionnaire: f.yes(VisitCol::Questionnaire),
                letter: f.yes(VisitCol::Letter),
                visitor: f.text(VisitCol::Visitor),
            }),
            Kind::Survey => {
                let first_q = spec.question(1);
                let answers = (0..t.questions)
                    .map(|i| f.values[first_q + i].choice())
                    .collect();
                self.surveys.push(SurveyResponse {
                    src,
                    unit,
                    date: f.date(SurveyCol::Date),
                    gender: f.choice(SurveyCol::Gender),
                    age: f.text(SurveyCol::Age),
                    answers,
                    comment: f.text(SurveyCol::Comment),
                })
            }
            Kind::SurveyTally => self.tallies.push(SurveyTally {
                src,
                unit,
                question: f.text(TallyCol::Question),
                option: f.text(TallyCol::Option),
                count: f.count(TallyCol::Count),
            }),
            Kind::Dispute => {
                let dtype = f.choice(DisputeCol::Type);
                let summary = f.v(DisputeCol::Summary).text();
                let zero_by_type = dtype.is_some_and(|i| i as usize >= t.dispute_types);
                let zero_by_text = f.v(DisputeCol::Type).is_empty()
                    && f.v(DisputeCol::Parties).text().is_empty()
                    && t.zero_phrases.iter().any(|p| summary.contains(p.as_str()));
                let summary = f.text(DisputeCol::Summary);
                let parties = f.text(DisputeCol::Parties);
                let _ = t.zero_types;
                self.disputes.push(Dispute {
                    src,
                    unit,
                    date: f.date(DisputeCol::Date),
                    parties,
                    dtype: if zero_by_type { None } else { dtype },
                    summary,
                    status: f.choice(DisputeCol::Status),
                    resolved_on: f.date(DisputeCol::ResolvedOn),
                    owner: f.text(DisputeCol::Owner),
                    representatives: f.yes(DisputeCol::Representatives),
                    zero: zero_by_type || zero_by_text,
                })
            }
            Kind::Slogan => self.slogans.push(Slogan {
                src,
                unit,
                text: f.text(SloganCol::Text),
                form: f.choice(SloganCol::Form).and_then(SloganForm::from_index),
                location: f.text(SloganCol::Location),
                date: f.date(SloganCol::Date),
                hanging: f
                    .choice(SloganCol::Status)
                    .and_then(SloganStatus::from_index)
                    != Some(SloganStatus::Removed),
            }),
            Kind::Activity => self.activities.push(Activity {
                src,
                unit,
                date: f.date(ActivityCol::Date),
                atype: f
                    .choice(ActivityCol::Type)
                    .and_then(ActivityType::from_index),
                people: f.count(ActivityCol::People),
                content: f.text(ActivityCol::Content),
            }),
            Kind::Officer => self.officers.push(Officer {
                src,
                unit,
                name: f.text(OfficerCol::Name),
                org: f.choice(OfficerCol::Org).and_then(OfficerOrg::from_index),
                grid: f.text(OfficerCol::Grid),
                date: f.date(OfficerCol::Date),
                grid_leader: f.text(OfficerCol::GridLeader),
                grid_member: f.text(OfficerCol::GridMember),
                phone: f.text(OfficerCol::Phone),
            }),
            Kind::Supervision => self.supervisions.push(Supervision {
                src,
                unit,
                date: f.date(SupervisionCol::Date),
                method: f
                    .choice(SupervisionCol::Method)
                    .and_then(SupervisionMethod::from_index),
                problem: f.text(SupervisionCol::Problem),
                requirement: f.text(SupervisionCol::Requirement),
                deadline: f.date(SupervisionCol::Deadline),
                status: f
                    .choice(SupervisionCol::Status)
                    .and_then(RectifyStatus::from_index),
                inspector: f.text(SupervisionCol::Inspector),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::schema::Specs;
    use crate::plan::Plan;

    fn typing(plan: &Plan) -> Typing<'_> {
        Typing {
            zero_types: &plan.disputes.zero_report_types,
            zero_phrases: &plan.disputes.zero_report_phrases,
            dispute_types: plan.disputes.types.len(),
            questions: plan.survey.questions.len(),
        }
    }

    /// Text is kept whole (a column's text repeated from the row before, or changed, alike); a zero
    /// report is told by its blank 当事人 and its summary.
    #[test]
    fn push_keeps_text_whole_and_still_tells_zero_reports() {
        let plan = Plan::embedded();
        let specs = Specs::new(&plan);
        let spec = specs.get(Kind::Dispute);
        let t = typing(&plan);
        let src = Src { sheet: 0, row: 3 };
        let dispute = |parties: &str, summary: &str, owner: &str| {
            let mut v = vec![Value::Empty; spec.columns.len()];
            if !parties.is_empty() {
                v[spec.col(DisputeCol::Parties)] = Value::Text(parties.into());
            }
            v[spec.col(DisputeCol::Summary)] = Value::Text(summary.into());
            v[spec.col(DisputeCol::Owner)] = Value::Text(owner.into());
            v[spec.col(DisputeCol::Status)] = Value::Choice(1);
            v
        };
        let mut r = Records::default();
        let mut recent = Recent::default();
        for (parties, summary, owner) in [
            ("", "本周无矛盾纠纷", "王主任"),
            ("张三、李四", "本周无矛盾纠纷", "王主任"),
            ("王五、赵六", "宅基地纠纷", "王主任"),
            ("", "本周无矛盾纠纷", "李书记"),
        ] {
            let v = dispute(parties, summary, owner);
            r.push(Kind::Dispute, spec, &t, src, 7, &v, &mut recent);
        }
        let d = &r.disputes;
        assert!(d[0].zero, "blank parties and a zero phrase: a zero report");
        assert!(
            !d[1].zero,
            "named parties: a dispute, whatever the summary says"
        );
        let texts: Vec<[&str; 3]> = d
            .iter()
            .map(|d| [r.text(d.parties), r.text(d.summary), r.text(d.owner)])
            .collect();
        assert_eq!(
            texts,
            [
                ["", "本周无矛盾纠纷", "王主任"],
                ["张三、李四", "本周无矛盾纠纷", "王主任"],
                ["王五、赵六", "宅基地纠纷", "王主任"],
                ["", "本周无矛盾纠纷", "李书记"],
            ]
        );
        assert_eq!(d[0].summary, d[3].summary, "one text, one id");
        assert_eq!((d[1].unit, d[1].src, d[1].status), (7, src, Some(1)));
    }
}
