//! The declarations of the villages' work ledgers: the weekly report, the dispute ledger (its types
//! and statuses come from the plan), the slogan ledger and the activity ledger.

use super::build::{choice, feeding, opt, req, unit};
use super::{ActivityCol, DisputeCol, Feed, SloganCol, Spec, Ty, WeeklyCol};
use super::{ACTIVITY_TYPES, SLOGAN_FORMS, SLOGAN_STATUSES};
use crate::plan::Plan;

pub(super) fn weekly() -> Spec {
    Spec::declare::<WeeklyCol>(
        vec![
            unit(WeeklyCol::Unit),
            req(WeeklyCol::Submitted, Ty::DateTime),
            opt(WeeklyCol::Week, Ty::Week),
            req(WeeklyCol::Content, Ty::Text),
            opt(WeeklyCol::Visits, Ty::Count),
            opt(WeeklyCol::Screened, Ty::Count),
            opt(WeeklyCol::Resolved, Ty::Count),
            opt(WeeklyCol::Broadcasts, Ty::Count),
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
            req(DisputeCol::Date, Ty::Date),
            req(DisputeCol::Parties, Ty::Person),
            feeding(
                DisputeCol::Type,
                Ty::Choice(dispute_types),
                &[Feed::DisputeType],
            ),
            opt(DisputeCol::Summary, Ty::Text),
            feeding(
                DisputeCol::Status,
                Ty::Choice(disputes.statuses.clone()),
                &[Feed::Resolved, Feed::ResolvedTotal, Feed::Overdue],
            ),
            opt(DisputeCol::ResolvedOn, Ty::Date),
            opt(DisputeCol::Owner, Ty::Text),
            opt(DisputeCol::Representatives, Ty::YesNo),
        ],
        4,
    )
}

pub(super) fn slogan() -> Spec {
    Spec::declare::<SloganCol>(
        vec![
            unit(SloganCol::Unit),
            req(SloganCol::Text, Ty::Text),
            feeding(SloganCol::Form, choice(SLOGAN_FORMS), &[Feed::TownScreens]),
            opt(SloganCol::Location, Ty::Text),
            req(SloganCol::Date, Ty::Date),
            opt(SloganCol::Status, choice(SLOGAN_STATUSES)),
        ],
        3,
    )
}

pub(super) fn activity() -> Spec {
    Spec::declare::<ActivityCol>(
        vec![
            unit(ActivityCol::Unit),
            req(ActivityCol::Date, Ty::Date),
            feeding(
                ActivityCol::Type,
                choice(ACTIVITY_TYPES),
                &[Feed::ActivityTypes],
            ),
            opt(ActivityCol::People, Ty::Count),
            opt(ActivityCol::Content, Ty::Text),
        ],
        2,
    )
}
