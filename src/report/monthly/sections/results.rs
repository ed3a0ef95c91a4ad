//! 二、考评结果: the 村/社区 by grade and rank, missing reports, the change against last month, the
//! 镇直单位, and the suggestions for the leading group.

use super::{join, weeks_text};
use crate::figures::counts::ReportStatus;
use crate::figures::monthly::{Monthly, UnitMonth};
use crate::figures::score::Grade;

pub(super) fn results(m: &Monthly) -> Vec<String> {
    let mut out = Vec::new();
    let mut villages: Vec<&UnitMonth> = m
        .units
        .iter()
        .filter(|u| m.ds.register.get(u.unit).kind.is_village_level() && u.average.is_some())
        .collect();
    villages.sort_by_key(|u| (u.rank, u.unit));
    if villages.is_empty() {
        out.push("本月没有可考评的周次。".into());
        return out;
    }
    let mut s = format!("按本月{}各期得分的平均分评定", m.weeks_label());
    for g in [Grade::Green, Grade::Yellow, Grade::Red] {
        let names: Vec<String> = villages
            .iter()
            .filter(|u| u.grade == Some(g))
            .map(|u| m.unit_name(u.unit).to_string())
            .collect();
        s += &format!("，{}色{}个", g.zh(), names.len());
        if !names.is_empty() {
            s += &format!("（{}）", join(&names));
        }
    }
    s += "。各村（社区）名次及平均分：";
    s += &villages
        .iter()
        .map(|u| {
            format!(
                "{}．{}{:.1}分",
                u.rank.unwrap_or(0),
                m.unit_name(u.unit),
                u.average.unwrap_or(0.0)
            )
        })
        .collect::<Vec<_>>()
        .join("，");
    s.push('。');
    out.push(s);
    let missing: Vec<String> = villages
        .iter()
        .filter(|u| !u.weeks_with(ReportStatus::Missing).is_empty())
        .map(|u| {
            format!(
                "{}（{}未报）",
                m.unit_name(u.unit),
                weeks_text(&u.weeks_with(ReportStatus::Missing))
            )
        })
        .collect();
    if !missing.is_empty() {
        out.push(format!(
            "本月有周报未报的村（社区）当月评为红色：{}。",
            join(&missing)
        ));
    }
    if m.prev_period.is_some() {
        let up: Vec<String> = villages
            .iter()
            .filter(|u| u.rank_change.is_some_and(|c| c > 0))
            .map(|u| format!("{}（↑{}）", m.unit_name(u.unit), u.rank_change.unwrap()))
            .collect();
        let down: Vec<String> = villages
            .iter()
            .filter(|u| u.rank_change.is_some_and(|c| c < 0))
            .map(|u| format!("{}（↓{}）", m.unit_name(u.unit), -u.rank_change.unwrap()))
            .collect();
        let mut s = "与上月相比，".to_string();
        s += &if up.is_empty() {
            "没有名次上升的村（社区）".to_string()
        } else {
            format!("名次上升的有{}", join(&up))
        };
        s += "；";
        s += &if down.is_empty() {
            "没有名次下降的村（社区）".to_string()
        } else {
            format!("名次下降的有{}", join(&down))
        };
        s.push('。');
        out.push(s);
    }
    let towns: Vec<String> = m
        .units
        .iter()
        .filter(|u| !m.ds.register.get(u.unit).kind.is_village_level())
        .filter_map(|u| {
            Some(format!(
                "{}{:.1}分（{}）",
                m.unit_name(u.unit),
                u.average?,
                u.grade?.zh()
            ))
        })
        .collect();
    if !towns.is_empty() {
        out.push(format!("镇直单位：{}。", join(&towns)));
    }
    if m.suggestions.is_empty() {
        out.push("本月没有达到通报约谈、重点管理标准的村（社区）。".into());
    } else {
        let items: Vec<String> = m
            .suggestions
            .iter()
            .map(|s| format!("对{}{}（{}）", m.unit_name(s.unit), s.action, s.reason))
            .collect();
        out.push(format!(
            "根据实施方案“对工作推动不力的村和个人，将进行通报约谈”“实施‘重点管理’甚至‘一票否决’”的要求，建议：{}。以上为建议，提请领导小组研究决定（依据见“约谈及重点管理建议”表）。",
            items.join("；")
        ));
    }
    out
}
