//! The building blocks of the declarations (a required or optional column, the unit column every
//! village ledger starts with), the other words villages write for an allowed value, and
//! `Specs::new`, which puts every kind's declaration together in `Kind::ALL` order.

use super::{office, outreach, work, Col, ColId, Column, Specs, Ty};
use crate::plan::Plan;

/// Other words villages write for an allowed value (written → canonical). Applied only when the
/// canonical value is one of the column's allowed values.
pub const VALUE_SYNONYMS: &[(&str, &str)] = &[
    ("上门", "入户"),
    ("上门走访", "入户"),
    ("入户走访", "入户"),
    ("面访", "入户"),
    ("当面", "入户"),
    ("实地走访", "入户"),
    ("电访", "电话"),
    ("电话访问", "电话"),
    ("电话回访", "电话"),
    ("已调解", "已化解"),
    ("调解成功", "已化解"),
    ("化解成功", "已化解"),
    ("已解决", "已化解"),
    ("已办结", "已化解"),
    ("办结", "已化解"),
    ("已调处", "已化解"),
    ("调处成功", "已化解"),
    ("已结案", "已化解"),
    ("结案", "已化解"),
    ("已调解结案", "已化解"),
    ("正在调处", "化解中"),
    ("调处中", "化解中"),
    ("未调处", "未化解"),
    ("正在化解", "化解中"),
    ("调解中", "化解中"),
    ("处理中", "化解中"),
    ("正在调解", "化解中"),
    ("未解决", "未化解"),
    ("待化解", "未化解"),
    ("移交", "已移交"),
    ("已上报", "已移交"),
    ("移送", "已移交"),
    ("已移送", "已移交"),
    ("电子屏", "电子显示屏"),
    ("显示屏", "电子显示屏"),
    ("led屏", "电子显示屏"),
    ("led", "电子显示屏"),
    ("led显示屏", "电子显示屏"),
    ("条幅", "横幅"),
    ("墙体标语", "墙体"),
    ("墙面", "墙体"),
    ("悬挂中", "在挂"),
    ("正在悬挂", "在挂"),
    ("在用", "在挂"),
    ("正在播放", "在挂"),
    ("播放中", "在挂"),
    ("滚动播放", "在挂"),
    ("撤除", "已撤"),
    ("已拆除", "已撤"),
    ("已撤下", "已撤"),
    ("整改完成", "已整改"),
    ("已完成整改", "已整改"),
    ("正在整改", "整改中"),
    ("尚未整改", "未整改"),
    ("实地查看", "上门查看"),
    ("现场查看", "上门查看"),
    ("暗访", "明察暗访"),
    ("动员会", "动员部署会"),
    ("动员大会", "动员部署会"),
    ("动员部署大会", "动员部署会"),
    ("大喇叭广播", "大喇叭宣传"),
    ("广播宣传", "大喇叭宣传"),
    ("喇叭宣传", "大喇叭宣传"),
    ("座谈会", "座谈宣讲"),
    ("宣讲会", "座谈宣讲"),
    ("宣讲", "座谈宣讲"),
    ("总结会", "工作总结"),
    ("派出所", "公安"),
    ("公安局", "公安"),
    ("司法所", "司法"),
    ("法庭", "法院"),
    ("人民法院", "法院"),
    ("人民检察院", "检察院"),
    ("居委会", "社区"),
    ("行政村", "村"),
];

pub(super) fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

pub(super) fn col<C: Col>(id: C, name: &str, aliases: &[&str], ty: Ty, required: bool) -> Column {
    Column {
        id: ColId::Named(id.id()),
        name: name.to_string(),
        aliases: strs(aliases),
        ty,
        required,
        note: String::new(),
    }
}

pub(super) fn req<C: Col>(id: C, name: &str, aliases: &[&str], ty: Ty) -> Column {
    col(id, name, aliases, ty, true)
}

pub(super) fn opt<C: Col>(id: C, name: &str, aliases: &[&str], ty: Ty) -> Column {
    col(id, name, aliases, ty, false)
}

pub(super) fn choice(v: &[&str]) -> Ty {
    Ty::Choice(strs(v))
}

const UNIT_ALIASES: &[&str] = &[
    "村居名称",
    "村(居)",
    "村社区",
    "村(社区)",
    "村(社区)名称",
    "村名",
    "村别",
    "所在村",
    "所属村",
    "所属村居",
    "村居委会",
    "村委会",
    "单位",
    "单位名称",
    "报送单位",
    "填报单位",
    "村(社区)/单位",
];

pub(super) fn unit<C: Col>(id: C) -> Column {
    req(id, "村居", UNIT_ALIASES, Ty::Unit)
}

impl Specs {
    pub fn new(plan: &Plan) -> Specs {
        Specs(vec![
            office::register(),
            office::liaison(),
            work::weekly(),
            outreach::visit(),
            outreach::survey(plan),
            outreach::tally(),
            work::dispute(plan),
            work::slogan(),
            work::activity(),
            office::officer(),
            office::supervision(),
        ])
    }
}
