//! The declarations of the villages' work ledgers: the weekly report, the dispute ledger (its types
//! and statuses come from the plan), the slogan ledger and the activity ledger.

use super::declare::{choice, opt, req, unit};
use super::{ActivityCol, DisputeCol, SloganCol, Spec, Ty, WeeklyCol};
use super::{ACTIVITY_TYPES, SLOGAN_FORMS, SLOGAN_STATUSES};
use crate::plan::Plan;

pub(super) fn weekly() -> Spec {
    Spec::declare::<WeeklyCol>(
        vec![
            unit(WeeklyCol::Unit),
            req(
                WeeklyCol::Submitted,
                "报送时间",
                &["报送日期", "上报时间", "上报日期", "填报时间", "提交时间"],
                Ty::DateTime,
            ),
            opt(
                WeeklyCol::Week,
                "所属周次",
                &["周次", "期数", "所属周", "第几周"],
                Ty::Week,
            ),
            req(
                WeeklyCol::Content,
                "本周工作开展情况",
                &[
                    "工作开展情况",
                    "本周工作情况",
                    "开展情况",
                    "工作情况",
                    "本周工作",
                ],
                Ty::Text,
            ),
            opt(
                WeeklyCol::Visits,
                "走访户数",
                &["本周走访户数", "走访数"],
                Ty::Count,
            ),
            opt(
                WeeklyCol::Screened,
                "排查纠纷数",
                &["排查矛盾纠纷数", "本周排查纠纷数", "排查数"],
                Ty::Count,
            ),
            opt(
                WeeklyCol::Resolved,
                "化解纠纷数",
                &["化解矛盾纠纷数", "本周化解纠纷数", "化解数"],
                Ty::Count,
            ),
            opt(
                WeeklyCol::Broadcasts,
                "大喇叭宣传次数",
                &["大喇叭次数", "广播次数", "大喇叭宣传"],
                Ty::Count,
            ),
        ],
        2,
    )
}

pub(super) fn dispute(plan: &Plan) -> Spec {
    let disputes = &plan.disputes;
    // A zero report writes one of the zero-report words in the type column.
    let mut dispute_types = disputes.types.clone();
    dispute_types.extend(disputes.zero_report_types.iter().cloned());
    Spec::declare::<DisputeCol>(
        vec![
            unit(DisputeCol::Unit),
            req(
                DisputeCol::Date,
                "排查日期",
                &["摸排时间", "摸排日期", "登记日期", "排查时间", "受理日期"],
                Ty::Date,
            ),
            req(
                DisputeCol::Parties,
                "当事人",
                &["双方当事人", "当事人姓名", "纠纷当事人"],
                Ty::Person,
            ),
            req(
                DisputeCol::Type,
                "纠纷类型",
                &["类型", "纠纷类别"],
                Ty::Choice(dispute_types),
            ),
            opt(
                DisputeCol::Summary,
                "简要情况",
                &["纠纷简要情况", "基本情况", "主要情况", "纠纷情况"],
                Ty::Text,
            ),
            req(
                DisputeCol::Status,
                "化解状态",
                &[
                    "调处结果",
                    "办理结果",
                    "化解结果",
                    "办理状态",
                    "调处状态",
                    "化解情况",
                ],
                Ty::Choice(disputes.statuses.clone()),
            ),
            opt(
                DisputeCol::ResolvedOn,
                "化解日期",
                &["化解时间", "办结日期", "调处日期", "办结时间"],
                Ty::Date,
            ),
            opt(
                DisputeCol::Owner,
                "责任人",
                &["包案人", "调处人", "负责人", "化解责任人"],
                Ty::Text,
            ),
            opt(
                DisputeCol::Representatives,
                "群众代表参与",
                &["群众代表", "是否有群众代表参与"],
                Ty::YesNo,
            ),
        ],
        4,
    )
}

pub(super) fn slogan() -> Spec {
    Spec::declare::<SloganCol>(
        vec![
            unit(SloganCol::Unit),
            req(
                SloganCol::Text,
                "标语内容",
                &["宣传内容", "标语", "内容"],
                Ty::Text,
            ),
            req(
                SloganCol::Form,
                "形式",
                &[
                    "载体",
                    "宣传形式",
                    "标语形式",
                    "宣传载体",
                    "载体形式",
                    "悬挂形式",
                ],
                choice(SLOGAN_FORMS),
            ),
            opt(
                SloganCol::Location,
                "位置",
                &["悬挂位置", "地点", "悬挂地点"],
                Ty::Text,
            ),
            req(
                SloganCol::Date,
                "悬挂日期",
                &["悬挂时间", "日期", "播放日期"],
                Ty::Date,
            ),
            opt(
                SloganCol::Status,
                "状态",
                &["悬挂状态"],
                choice(SLOGAN_STATUSES),
            ),
        ],
        3,
    )
}

pub(super) fn activity() -> Spec {
    Spec::declare::<ActivityCol>(
        vec![
            unit(ActivityCol::Unit),
            req(
                ActivityCol::Date,
                "日期",
                &["活动日期", "会议日期", "时间"],
                Ty::Date,
            ),
            req(
                ActivityCol::Type,
                "活动类型",
                &["活动名称", "会议类型", "活动形式"],
                choice(ACTIVITY_TYPES),
            ),
            opt(
                ActivityCol::People,
                "参加人数",
                &["参会人数", "人数"],
                Ty::Count,
            ),
            opt(
                ActivityCol::Content,
                "内容",
                &["活动内容", "会议内容", "主要内容"],
                Ty::Text,
            ),
        ],
        2,
    )
}
