//! The declarations of the town office's own lists: the register of units, the liaison list, the
//! officers sent into the grids and the office's supervision records.

use super::declare::{choice, opt, req, unit};
use super::{LiaisonCol, OfficerCol, RegisterCol, Spec, SupervisionCol, Ty};
use super::{OFFICER_UNITS, RECTIFY_STATUSES, SUPERVISION_METHODS, UNIT_KINDS};

pub(super) fn register() -> Spec {
    Spec::declare::<RegisterCol>(
        vec![
            req(
                RegisterCol::Name,
                "名称",
                &["村居名称", "单位名称", "村(社区)名称", "村居", "村名"],
                Ty::Text,
            ),
            req(
                RegisterCol::Category,
                "类别",
                &["类型", "单位类别", "村居类别"],
                choice(UNIT_KINDS),
            ),
            // Required for 村/社区 only: checked when the register is built.
            opt(
                RegisterCol::Households,
                "户数",
                &["户籍户数", "总户数", "户数(户)", "常住户数"],
                Ty::Count,
            ),
            opt(
                RegisterCol::Grids,
                "网格数",
                &["网格数量", "网格个数"],
                Ty::Count,
            ),
            opt(
                RegisterCol::Population,
                "人口",
                &["人口数", "总人口", "户籍人口"],
                Ty::Count,
            ),
            opt(
                RegisterCol::Alias,
                "别名",
                &["简称", "曾用名", "其他名称"],
                Ty::Text,
            ),
        ],
        3,
    )
}

pub(super) fn liaison() -> Spec {
    Spec::declare::<LiaisonCol>(
        vec![
            unit(LiaisonCol::Unit),
            req(
                LiaisonCol::Leader,
                "一把手",
                &[
                    "党组织书记",
                    "主要负责人",
                    "书记",
                    "一把手姓名",
                    "第一责任人",
                ],
                Ty::Text,
            ),
            opt(LiaisonCol::LeaderTitle, "一把手职务", &["职务"], Ty::Text),
            req(
                LiaisonCol::Deputy,
                "分管负责人",
                &["分管同志", "分管领导", "分管负责同志", "具体负责人"],
                Ty::Text,
            ),
            req(
                LiaisonCol::Liaison,
                "联络员",
                &["联络员姓名", "双提升联络员", "工作联络员"],
                Ty::Text,
            ),
            req(
                LiaisonCol::Phone,
                "联系电话",
                &[
                    "手机号码",
                    "手机号",
                    "电话",
                    "联系方式",
                    "联络员电话",
                    "手机",
                ],
                Ty::Phone,
            ),
            req(
                LiaisonCol::Date,
                "报送日期",
                &["报送时间", "上报日期", "填报日期"],
                Ty::Date,
            ),
        ],
        4,
    )
}

pub(super) fn officer() -> Spec {
    Spec::declare::<OfficerCol>(
        vec![
            req(
                OfficerCol::Name,
                "姓名",
                &["干警姓名", "政法干警"],
                Ty::Text,
            ),
            req(
                OfficerCol::Org,
                "所属单位",
                &["单位", "工作单位", "派出单位"],
                choice(OFFICER_UNITS),
            ),
            req(
                OfficerCol::Unit,
                "进驻村居",
                &["进驻村(居)", "进驻村", "联系村居", "包联村"],
                Ty::Unit,
            ),
            req(
                OfficerCol::Grid,
                "网格",
                &["派驻网格", "进驻网格", "网格名称"],
                Ty::Text,
            ),
            req(
                OfficerCol::Date,
                "报到日期",
                &["报到时间", "进驻日期"],
                Ty::Date,
            ),
            opt(OfficerCol::GridLeader, "网格长", &[], Ty::Text),
            opt(OfficerCol::GridMember, "网格员", &[], Ty::Text),
            opt(
                OfficerCol::Phone,
                "联系电话",
                &["手机号码", "电话", "联系方式"],
                Ty::Phone,
            ),
        ],
        4,
    )
}

pub(super) fn supervision() -> Spec {
    Spec::declare::<SupervisionCol>(
        vec![
            req(
                SupervisionCol::Date,
                "督查日期",
                &["检查日期", "督查时间", "检查时间"],
                Ty::Date,
            ),
            unit(SupervisionCol::Unit),
            req(
                SupervisionCol::Method,
                "督查方式",
                &["检查方式", "方式"],
                choice(SUPERVISION_METHODS),
            ),
            opt(
                SupervisionCol::Problem,
                "发现问题",
                &["存在问题", "问题"],
                Ty::Text,
            ),
            opt(
                SupervisionCol::Requirement,
                "整改要求",
                &["整改意见"],
                Ty::Text,
            ),
            opt(
                SupervisionCol::Deadline,
                "整改期限",
                &["整改时限", "限期"],
                Ty::Date,
            ),
            opt(
                SupervisionCol::Status,
                "整改状态",
                &["整改情况", "是否整改"],
                choice(RECTIFY_STATUSES),
            ),
            opt(
                SupervisionCol::Inspector,
                "督查人",
                &["检查人", "督查人员"],
                Ty::Text,
            ),
        ],
        2,
    )
}
