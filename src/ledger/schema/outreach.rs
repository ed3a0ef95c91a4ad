//! The declarations of the household outreach ledgers: the visit ledger, the questionnaire (one
//! column per question of the plan in force) and the questionnaire tally.

use super::declare::{choice, opt, req, unit};
use super::{ColId, Column, Spec, SurveyCol, TallyCol, Ty, VisitCol, VISIT_METHODS};
use crate::plan::Plan;

pub(super) fn visit() -> Spec {
    Spec::declare::<VisitCol>(
        vec![
            unit(VisitCol::Unit),
            opt(
                VisitCol::Group,
                "村民小组/网格",
                &["村民小组", "网格", "小组", "组别", "所在网格", "组"],
                Ty::Text,
            ),
            req(
                VisitCol::Head,
                "户主姓名",
                &[
                    "户主",
                    "被走访人",
                    "被走访人姓名",
                    "姓名",
                    "走访对象",
                    "被走访户",
                    "被走访户户主",
                    "受访人",
                    "受访户",
                ],
                Ty::Person,
            ),
            req(VisitCol::Date, "走访日期", &["走访时间", "日期"], Ty::Date),
            req(
                VisitCol::Method,
                "走访方式",
                &["方式", "走访形式"],
                choice(VISIT_METHODS),
            ),
            opt(
                VisitCol::Questionnaire,
                "发放问卷",
                &[
                    "问卷",
                    "是否发放问卷",
                    "问卷发放",
                    "问卷发放情况",
                    "发放问卷情况",
                ],
                Ty::YesNo,
            ),
            opt(
                VisitCol::Letter,
                "送达公开信",
                &[
                    "公开信",
                    "是否送达公开信",
                    "公开信送达",
                    "公开信送达情况",
                    "公开信发放情况",
                    "发放公开信",
                ],
                Ty::YesNo,
            ),
            opt(
                VisitCol::Visitor,
                "走访人",
                &["走访干部", "走访人员"],
                Ty::Text,
            ),
        ],
        3,
    )
}

pub(super) fn survey(plan: &Plan) -> Spec {
    let mut survey_cols = vec![
        unit(SurveyCol::Unit),
        opt(
            SurveyCol::Date,
            "调查日期",
            &["日期", "填表日期", "调查时间"],
            Ty::Date,
        ),
        opt(
            SurveyCol::Gender,
            "性别",
            &[],
            choice(
                &plan
                    .survey
                    .genders
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>(),
            ),
        ),
        opt(SurveyCol::Age, "年龄", &["年龄段"], Ty::Text),
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
            ty: Ty::Answer(n),
            required: false,
            note: q.options.join(" / "),
        });
    }
    survey_cols.push(opt(
        SurveyCol::Comment,
        "意见建议",
        &["意见和建议", "建议", "其他意见"],
        Ty::Text,
    ));
    Spec::declare::<SurveyCol>(survey_cols, 3)
}

pub(super) fn tally() -> Spec {
    Spec::declare::<TallyCol>(
        vec![
            unit(TallyCol::Unit),
            // 题号 is text: clerks write 1, 第1题, Q1 or the question itself; resolved against the plan in survey.rs.
            req(
                TallyCol::Question,
                "题号",
                &["题目", "问题", "题次"],
                Ty::Text,
            ),
            req(TallyCol::Option, "选项", &["答案", "选项内容"], Ty::Text),
            req(
                TallyCol::Count,
                "人数",
                &["数量", "票数", "选择人数", "计数"],
                Ty::Count,
            ),
        ],
        3,
    )
}
