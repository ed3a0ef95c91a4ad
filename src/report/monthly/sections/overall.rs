//! 一、总体情况: the month's weekly reports, visits, disputes, slogans, survey, supervision and grids,
//! each in a sentence with its numbers.

use super::{join, village_ids};
use crate::figures::counts::{method_split, Figure, ReportStatus};
use crate::figures::monthly::Monthly;
use crate::resolve::units::UnitKind;
use crate::rules::pct;

pub(super) fn overall(m: &Monthly) -> Vec<String> {
    let mut out = Vec::new();
    let vs = village_ids(m);
    let nw = m.weeks.len();
    let count =
        |st: ReportStatus| -> usize { vs.iter().map(|&i| m.units[i].weeks_with(st).len()).sum() };
    let span = match (m.weeks.first(), m.weeks.last()) {
        (Some(&a), Some(&b)) => format!(
            "（{}至{}）",
            m.cal.week(a).unwrap().start.format("%-m月%-d日"),
            m.cal.week(b).unwrap().end.format("%-m月%-d日")
        ),
        _ => String::new(),
    };
    out.push(format!(
        "本月含{}{span}，共{nw}期。全镇{}个村（社区）应报周报{}份，按时报送{}份，迟报{}份，未报{}份。",
        m.weeks_label(),
        vs.len(),
        vs.len() * nw,
        count(ReportStatus::OnTime),
        count(ReportStatus::Late),
        count(ReportStatus::Missing)
    ));

    // Visits.
    let f = &m.now.figures.units;
    let households: u32 = vs
        .iter()
        .filter_map(|&i| m.ds.register.units[i].households)
        .sum();
    let visited: u32 = vs.iter().map(|&i| f[i].visits.households_visited).sum();
    let in_person = Figure::sum(vs.iter().map(|&i| &f[i].visits.in_person));
    let phone = Figure::sum(vs.iter().map(|&i| &f[i].visits.phone));
    let new: u32 = vs.iter().map(|&i| f[i].visits.new_in_period).sum();
    let end = m.period.end.format("%-m月%-d日");
    let split = method_split(&in_person, &phone);
    let split = if in_person.known().is_some() && phone.known().is_some() {
        format!("（{split}）")
    } else {
        format!("，{split}")
    };
    let mut s = format!("截至{end}，全镇村（社区）登记{households}户，已走访{visited}户{split}");
    if households > 0 {
        s += &format!("，覆盖率{}", pct(visited as f64 / households as f64));
    }
    s += &format!("，本月新走访{new}户");
    if let Some(p) = &m.prev {
        let pv: u32 = vs
            .iter()
            .map(|&i| p.figures.units[i].visits.households_visited)
            .sum();
        s += &format!("（上月底{pv}户）");
    }
    let full: Vec<String> = vs
        .iter()
        .filter(|&&i| f[i].visits.coverage.is_some_and(|c| c >= 1.0))
        .map(|&i| m.ds.register.units[i].name.clone())
        .collect();
    if !full.is_empty() {
        s += &format!("；已实现“户户到”的有{}", join(&full));
    }
    s.push('。');
    out.push(s);

    // Disputes: 村/社区, as the weekly notice's town totals.
    let sum = |g: &dyn Fn(&crate::figures::counts::Disputes) -> u32| -> u32 {
        vs.iter().map(|&i| g(&f[i].disputes)).sum()
    };
    let short: Vec<String> = vs
        .iter()
        .filter(|&&i| (f[i].disputes.screened_weeks as usize) < nw)
        .map(|&i| {
            format!(
                "{}（{}周）",
                m.ds.register.units[i].name, f[i].disputes.screened_weeks
            )
        })
        .collect();
    let fig = |g: &dyn Fn(&crate::figures::counts::Disputes) -> &Figure| -> Figure {
        Figure::sum(vs.iter().map(|&i| g(&f[i].disputes)))
    };
    let (resolved, resolved_total, overdue) = (
        fig(&|d| &d.resolved),
        fig(&|d| &d.resolved_total),
        fig(&|d| &d.overdue),
    );
    let mut s = format!(
        "本月新排查矛盾纠纷{}件，化解{}；累计排查{}件，化解{}，逾期（超过{}天）未化解{}",
        sum(&|d| d.new),
        resolved.with_unit("件"),
        sum(&|d| d.total),
        resolved_total.with_unit("件"),
        m.plan.minimums.dispute_overdue_days,
        overdue.with_unit("件")
    );
    if let Some(r) = resolved.reason().or(overdue.reason()) {
        s += &format!("（{r}）");
    }
    s.push('。');
    if !short.is_empty() && nw > 0 {
        s += &format!(
            "本月{}期中排查（含零报告）不足{}周的有{}。",
            nw,
            nw,
            join(&short)
        );
    }
    out.push(s);

    // Slogans.
    let (mut v_ok, mut t_ok, mut t_n) = (0, 0, 0);
    let mut not_ok = Vec::new();
    for (i, u) in m.ds.register.units.iter().enumerate() {
        let ok = f[i].slogans.ok;
        if u.kind == UnitKind::TownUnit {
            t_n += 1;
            t_ok += usize::from(ok);
        } else {
            v_ok += usize::from(ok);
        }
        if !ok && f[i].slogans.unknown.is_none() {
            not_ok.push(format!("{}（{}条）", u.name, f[i].slogans.approved));
        }
    }
    let mut s = format!(
        "宣传标语：{}个村（社区）在挂附件2标语达到{}条，{}个镇直单位中{}个电子显示屏滚动播放达到{}条",
        v_ok,
        m.plan.minimums.village_slogans,
        t_n,
        t_ok,
        m.plan.minimums.town_unit_screen_slogans
    );
    if !not_ok.is_empty() {
        s += &format!("；未达标的有{}", join(&not_ok));
    }
    s.push('。');
    out.push(s);

    // Survey.
    let ts = &m.now.town_survey;
    if ts.responses > 0 {
        let mut parts = Vec::new();
        for r in m.plan.survey.rates.iter().filter(|r| r.headline) {
            if let Some(v) = ts.rates.get(&r.key).and_then(|x| x.value) {
                let before = m
                    .prev
                    .as_ref()
                    .and_then(|p| p.town_survey.rates.get(&r.key))
                    .and_then(|x| x.value)
                    .map(|b| format!("（上月{}）", pct(b)))
                    .unwrap_or_default();
                parts.push(format!("{}{}{before}", r.name, pct(v)));
            }
        }
        out.push(format!(
            "截至{end}，全镇民意调查问卷{}份，{}（详见“民调指标”表）。",
            ts.responses,
            parts.join("，")
        ));
    } else {
        out.push(format!("截至{end}，尚无民意调查问卷数据。"));
    }

    // Supervision.
    let s = &m.supervision;
    let mut t = format!(
        "本月镇提升办督查{}次，其中上门查看{}次、明察暗访{}次、电话抽查{}次，发现问题{}个；截至月底，累计督查发现问题已整改{}个、正在整改{}个、逾期未整改{}个。",
        s.checks.len(),
        s.by_method[0],
        s.by_method[1],
        s.by_method[2],
        s.findings_month,
        s.done,
        s.open,
        s.overdue
    );
    if !s.not_checked.is_empty() {
        let names: Vec<String> = s
            .not_checked
            .iter()
            .map(|&u| m.unit_name(u).to_string())
            .collect();
        t += &format!("本月尚未督查到的村（社区）：{}。", join(&names));
    }
    out.push(t);

    // Grids.
    if !m.grids.is_empty() {
        let total: u32 = m.grids.iter().map(|g| g.grids).sum();
        let covered: u32 = m
            .grids
            .iter()
            .map(|g| (g.covered.len() as u32).min(g.grids))
            .sum();
        let short: Vec<String> = m
            .grids
            .iter()
            .filter(|g| g.shortfall() > 0)
            .map(|g| format!("{}缺{}个", m.unit_name(g.unit), g.shortfall()))
            .collect();
        let mut t = format!("政法干警进网格：全镇{total}个网格，已有干警报到{covered}个");
        if !short.is_empty() {
            t += &format!("，尚无干警报到的网格：{}", join(&short));
        }
        t.push('。');
        out.push(t);
    }
    out
}
