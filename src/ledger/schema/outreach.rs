//! The declarations of the household outreach ledgers: the visit ledger, the questionnaire (one
//! column per question of the plan in force) and the questionnaire tally.

use super::build::{choice, feeding, opt, req, unit};
use super::{ColId, Column, Feed, Spec, SurveyCol, TallyCol, Ty, VisitCol, VISIT_METHODS};
use crate::plan::Plan;

pub(super) fn visit() -> Spec {
    Spec::declare::<VisitCol>(
        vec![
            unit(VisitCol::Unit),
            opt(VisitCol::Group, Ty::Text),
            req(VisitCol::Head, Ty::Person),
            req(VisitCol::Date, Ty::Date),
            feeding(
                VisitCol::Method,
                choice(VISIT_METHODS),
                &[Feed::InPerson, Feed::Phone, Feed::DeliveryInPerson],
            ),
            opt(VisitCol::Questionnaire, Ty::YesNo),
            opt(VisitCol::Letter, Ty::YesNo),
            opt(VisitCol::Visitor, Ty::Text),
        ],
        3,
    )
}

pub(super) fn survey(plan: &Plan) -> Spec {
    let mut survey_cols = vec![
        unit(SurveyCol::Unit),
        opt(SurveyCol::Date, Ty::Date),
        opt(
            SurveyCol::Gender,
            choice(
                &plan
                    .survey
                    .genders
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>(),
            ),
        ),
        opt(SurveyCol::Age, Ty::Text),
    ];
    for q in &plan.survey.questions {
        let n = q.no;
        let aliases = vec![
            format!("问题{n}"),
            format!("Q{n}"),
            format!("题{n}"),
            format!("第{n}问"),
            q.text.clone(),
        ];
        survey_cols.push(Column {
            id: ColId::Question(n),
            name: format!("第{n}题"),
            aliases,
            values: Vec::new(),
            ty: Ty::Answer(n),
            required: false,
            feeds: &[],
            note: q.options.join(" / "),
        });
    }
    survey_cols.push(opt(SurveyCol::Comment, Ty::Text));
    Spec::declare::<SurveyCol>(survey_cols, 3)
}

pub(super) fn tally() -> Spec {
    Spec::declare::<TallyCol>(
        vec![
            unit(TallyCol::Unit),
            // 题号 is text: clerks write 1, 第1题, Q1 or the question itself; resolved against the plan in survey.rs.
            req(TallyCol::Question, Ty::Text),
            req(TallyCol::Option, Ty::Text),
            req(TallyCol::Count, Ty::Count),
        ],
        3,
    )
}
