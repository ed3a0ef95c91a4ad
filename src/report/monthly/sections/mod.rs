//! What the 督导通报 says, as headings and paragraphs: the month in sentences and numbers
//! (一、总体情况, `overall`), the month's grades, ranks and suggestions (二、考评结果, `results`), what
//! the rules and the supervisions found (三、督查发现的问题, `problems`) and the plan's monthly
//! requirements (四). The layout is `bulletin`'s job, as in `report::weekly::sections`.

mod overall;
mod problems;
mod results;

use crate::figures::monthly::Monthly;
use crate::report::bulletin::{para, Block};

/// The bulletin's body, in order.
pub fn body(m: &Monthly) -> Vec<Block> {
    let mut v = vec![Block::Heading("一、总体情况".into())];
    v.extend(overall::overall(m).into_iter().map(|s| para("", s)));
    v.push(Block::Heading("二、考评结果".into()));
    v.extend(results::results(m).into_iter().map(|s| para("", s)));
    v.push(Block::Heading("三、督查发现的问题".into()));
    v.extend(problems::problems(m).into_iter().map(|s| para("", s)));
    v.push(Block::Heading("四、下步要求".into()));
    let reqs = &m.plan.notice.monthly_requirements;
    for (i, s) in reqs.iter().enumerate() {
        v.push(para("", format!("{}．{s}", i + 1)));
    }
    if !m.dispatch.is_empty() {
        v.push(para(
            "",
            format!(
                "{}．本月调度事项共{}项，已逐项明确责任人（见“调度事项”表），请于下次调度前办结并报镇提升办。",
                reqs.len() + 1,
                m.dispatch.len()
            ),
        ));
    }
    v
}

/// `东庄村、西庄村`
pub(super) fn join(v: &[String]) -> String {
    v.join("、")
}

/// `第5期、第6期`
pub(super) fn weeks_text(ws: &[u32]) -> String {
    ws.iter()
        .map(|w| format!("第{w}期"))
        .collect::<Vec<_>>()
        .join("、")
}

/// The 村/社区, by index.
pub(super) fn village_ids(m: &Monthly) -> Vec<usize> {
    (0..m.ds.register.units.len())
        .filter(|&i| m.ds.register.units[i].kind.is_village_level())
        .collect()
}
