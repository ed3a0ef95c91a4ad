//! The declarations of the town office's own lists: the register of units, the liaison list, the
//! officers sent into the grids and the office's supervision records.

use super::build::{choice, feeding, opt, req, unit};
use super::{Feed, LiaisonCol, OfficerCol, RegisterCol, Spec, SupervisionCol, Ty};
use super::{OFFICER_UNITS, RECTIFY_STATUSES, SUPERVISION_METHODS, UNIT_KINDS};

pub(super) fn register() -> Spec {
    Spec::declare::<RegisterCol>(
        vec![
            req(RegisterCol::Name, Ty::Text),
            req(RegisterCol::Category, choice(UNIT_KINDS)),
            // Required for 村/社区 only: checked when the register is built.
            opt(RegisterCol::Households, Ty::Count),
            opt(RegisterCol::Grids, Ty::Count),
            opt(RegisterCol::Population, Ty::Count),
            opt(RegisterCol::Alias, Ty::Text),
        ],
        3,
    )
}

pub(super) fn liaison() -> Spec {
    Spec::declare::<LiaisonCol>(
        vec![
            unit(LiaisonCol::Unit),
            req(LiaisonCol::Leader, Ty::Text),
            opt(LiaisonCol::LeaderTitle, Ty::Text),
            req(LiaisonCol::Deputy, Ty::Text),
            req(LiaisonCol::Liaison, Ty::Text),
            req(LiaisonCol::Phone, Ty::Phone),
            req(LiaisonCol::Date, Ty::Date),
        ],
        4,
    )
}

pub(super) fn officer() -> Spec {
    Spec::declare::<OfficerCol>(
        vec![
            req(OfficerCol::Name, Ty::Text),
            req(OfficerCol::Org, choice(OFFICER_UNITS)),
            req(OfficerCol::Unit, Ty::Unit),
            req(OfficerCol::Grid, Ty::Text),
            req(OfficerCol::Date, Ty::Date),
            opt(OfficerCol::GridLeader, Ty::Text),
            opt(OfficerCol::GridMember, Ty::Text),
            opt(OfficerCol::Phone, Ty::Phone),
        ],
        4,
    )
}

pub(super) fn supervision() -> Spec {
    Spec::declare::<SupervisionCol>(
        vec![
            req(SupervisionCol::Date, Ty::Date),
            unit(SupervisionCol::Unit),
            feeding(
                SupervisionCol::Method,
                choice(SUPERVISION_METHODS),
                &[Feed::SupervisionMethods],
            ),
            opt(SupervisionCol::Problem, Ty::Text),
            opt(SupervisionCol::Requirement, Ty::Text),
            opt(SupervisionCol::Deadline, Ty::Date),
            opt(SupervisionCol::Status, choice(RECTIFY_STATUSES)),
            opt(SupervisionCol::Inspector, Ty::Text),
        ],
        2,
    )
}
