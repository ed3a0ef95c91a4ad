//! 一、总体情况: the week's figures written out, one paragraph per piece of work, stating only what
//! the ledgers hold.

use super::{name, names, para, town_units, villages, zh_num, Block};
use crate::figures::counts::{method_split, Figure, ReportStatus, UNKNOWN_ZH};
use crate::figures::weekly::Notice;
use crate::report::weekly::{md, pct};
use crate::resolve::units::UnitId;

pub fn overview(n: &Notice) -> Vec<Block> {
    let mut out = Vec::new();
    let mut k = 0;
    let mut lead = |title: &str| {
        k += 1;
        format!("（{}）{title}。", zh_num(k))
    };
    out.push(para(lead("周报报送"), reports(n)));
    out.push(para(lead("入户走访"), visits(n)));
    out.push(para(lead("矛盾纠纷排查化解"), disputes(n)));
    out.push(para(lead("宣传标语"), slogans(n)));
    if let Some(t) = survey(n) {
        out.push(para(lead("民意调查"), t));
    }
    out
}

fn reports(n: &Notice) -> String {
    let mut owed = 0;
    let (mut on_time, mut late, mut missing) = (0, Vec::new(), Vec::new());
    for f in villages(n) {
        let Some(w) = &f.weekly_report else { continue };
        owed += 1;
        match w.status {
            ReportStatus::OnTime => on_time += 1,
            ReportStatus::Late => late.push(name(n, f.unit)),
            ReportStatus::Missing => missing.push(name(n, f.unit)),
        }
    }
    let p = n.period();
    let mut s = format!(
        "本期（{}至{}）应报周报{owed}个村（社区），按时报送{on_time}个",
        md(p.start),
        md(p.end)
    );
    if late.is_empty() && missing.is_empty() {
        s.push_str("，全部按时报送。");
        return s;
    }
    if !late.is_empty() {
        s += &format!("，迟报{}个（{}）", late.len(), names(&late, 10));
    }
    if !missing.is_empty() {
        s += &format!("，未报{}个（{}）", missing.len(), names(&missing, 10));
    }
    s.push('。');
    s
}

fn visits(n: &Notice) -> String {
    let (mut hh, mut units) = (0u64, 0);
    let (mut done, mut new, mut q, mut l) = (0u64, 0u64, 0u64, 0u64);
    let (mut inp, mut phone) = (Figure::Known(0), Figure::Known(0));
    let mut full = Vec::new();
    // The lowest coverage and every unit at it (a tie names them all).
    let mut lowest: Option<(f64, Vec<UnitId>)> = None;
    for f in villages(n) {
        units += 1;
        hh += n.ds.register.get(f.unit).households.unwrap_or(0) as u64;
        let v = &f.visits;
        done += v.households_visited as u64;
        inp.add(&v.in_person);
        phone.add(&v.phone);
        new += v.new_in_period as u64;
        q += v.questionnaires as u64;
        l += v.letters as u64;
        if let Some(c) = v.coverage {
            if c >= 1.0 {
                full.push(name(n, f.unit));
            }
            match &mut lowest {
                Some((lc, us)) if c == *lc => us.push(f.unit),
                Some((lc, _)) if c > *lc => {}
                _ => lowest = Some((c, vec![f.unit])),
            }
        }
    }
    let mut s = if hh > 0 {
        format!(
            "全镇{units}个村（社区）共有{hh}户，已走访{done}户，占{}",
            pct(done as f64 / hh as f64)
        )
    } else {
        format!("全镇{units}个村（社区）已走访{done}户（村居名册未登记户数，无法计算覆盖率）")
    };
    s += &format!(
        "，其中{}，本周新增{new}户；已发放问卷{q}户、送达公开信{l}户。",
        method_split(&inp, &phone)
    );
    if !full.is_empty() {
        s += &format!("已实现“户户到”的有{}。", names(&full, 10));
    }
    if let Some((c, us)) = lowest.filter(|(c, _)| *c < 1.0) {
        let list: Vec<String> = us.iter().map(|&u| name(n, u)).collect();
        s += &format!("覆盖率最低的是{}（{}）。", names(&list, 10), pct(c));
    }
    let end = n.period().end;
    if let Some(w) = n
        .plan
        .survey_windows
        .iter()
        .find(|w| w.start <= end && end <= w.end)
    {
        s += &format!(
            "{}省民意调查正在进行（{}至{}）。",
            w.name,
            md(w.start),
            md(w.end)
        );
    } else if let Some(w) = n.plan.survey_windows.iter().find(|w| w.start > end) {
        s += &format!(
            "距{}省民意调查（{}开始）还有{}天，须在此前实现“户户到”。",
            w.name,
            md(w.start),
            (w.start - end).num_days()
        );
    }
    s
}

fn disputes(n: &Notice) -> String {
    let (mut screened, mut not) = (0, Vec::new());
    let (mut new, mut tot) = (0, 0);
    let (mut res, mut rt) = (Figure::Known(0), Figure::Known(0));
    let mut overdue: Vec<String> = Vec::new();
    let mut od = Figure::Known(0);
    for f in &n.now.figures.units {
        let d = &f.disputes;
        if f.kind.is_village_level() {
            if d.screened_weeks > 0 {
                screened += 1;
            } else {
                not.push(name(n, f.unit));
            }
        }
        new += d.new;
        res.add(&d.resolved);
        tot += d.total;
        rt.add(&d.resolved_total);
        od.add(&d.overdue);
        if let Some(x @ 1..) = d.overdue.known() {
            overdue.push(format!("{}{x}件", name(n, f.unit)));
        }
    }
    let mut s = format!("本周开展排查（含零报告）的村（社区）{screened}个");
    if !not.is_empty() {
        s += &format!("，没有排查记录的{}个（{}）", not.len(), names(&not, 10));
    }
    s += &format!(
        "；本周新增矛盾纠纷{new}件、化解{}；累计排查{tot}件、化解{}",
        res.with_unit("件"),
        rt.with_unit("件")
    );
    if let (true, Some(rt)) = (tot > 0, rt.known()) {
        s += &format!("，化解率{}", pct(rt as f64 / tot as f64));
    }
    let limit = n.plan.minimums.dispute_overdue_days;
    match od {
        Figure::Known(0) => s += &format!("；没有超过{limit}天未化解的纠纷。"),
        Figure::Known(od) => {
            s += &format!(
                "；排查后超过{limit}天仍未化解的{od}件（{}）。",
                names(&overdue, 10)
            )
        }
        Figure::Unknown(r) => {
            s += &format!("；化解、逾期件数{UNKNOWN_ZH}（{r}）");
            if !overdue.is_empty() {
                s += &format!(
                    "，其他单位排查后超过{limit}天仍未化解的有{}",
                    names(&overdue, 10)
                );
            }
            s.push('。');
        }
    }
    s
}

fn slogans(n: &Notice) -> String {
    let (mut hang, mut ok, mut short, mut count) = (0, 0, Vec::new(), 0);
    for f in villages(n) {
        count += 1;
        hang += f.slogans.hanging;
        if f.slogans.ok {
            ok += 1;
        } else {
            short.push(name(n, f.unit));
        }
    }
    let mut s = format!(
        "{count}个村（社区）在挂标语{hang}条，{ok}个达到“不少于{}条附件2标语”的要求",
        n.plan.minimums.village_slogans
    );
    if !short.is_empty() {
        s += &format!("，未达标的有{}", names(&short, 10));
    }
    let (mut tn, mut th, mut tok, mut tshort) = (0, 0, 0, Vec::new());
    for f in town_units(n) {
        tn += 1;
        th += f.slogans.hanging;
        if f.slogans.ok {
            tok += 1;
        } else if f.slogans.unknown.is_none() {
            tshort.push(name(n, f.unit));
        }
    }
    if tn > 0 {
        s += &format!("；{tn}个镇直单位电子显示屏播放标语{th}条，{tok}个达标");
        if !tshort.is_empty() {
            s += &format!("，未达标的有{}", names(&tshort, 10));
        }
    }
    let (mut un, mut uu, mut ty, mut tu) = (0, Vec::new(), 0, Vec::new());
    for f in &n.now.figures.units {
        if f.slogans.unapproved > 0 {
            un += f.slogans.unapproved;
            uu.push(name(n, f.unit));
        }
        if !f.slogans.near_list.is_empty() {
            ty += f.slogans.near_list.len();
            tu.push(name(n, f.unit));
        }
    }
    if un > 0 {
        s += &format!("；另有{un}条标语不是附件2所列内容（{}）", names(&uu, 10));
    }
    if ty > 0 {
        s += &format!("，{ty}条疑有错别字（{}）", names(&tu, 10));
    }
    s.push('。');
    s
}

/// Survey rates, only when answers exist: the headline rates, then the plan's weak points.
fn survey(n: &Notice) -> Option<String> {
    let town = &n.now.town_survey;
    if town.responses == 0 {
        return None;
    }
    let units = n.now.survey.iter().filter(|s| s.responses > 0).count();
    let rate = |key: &str, name: &str| -> Option<String> {
        let r = town.rates.get(key)?;
        let v = r.value?;
        let small = if r.small_sample {
            "，样本不足"
        } else {
            ""
        };
        Some(format!("{name}{}（有效回答{}{small}）", pct(v), r.base))
    };
    let rates = &n.plan.survey.rates;
    let head: Vec<String> = rates
        .iter()
        .filter(|r| r.headline)
        .filter_map(|r| rate(&r.key, &r.name))
        .collect();
    let weak: Vec<String> = rates
        .iter()
        .filter(|r| r.weak_point && !r.headline)
        .filter_map(|r| rate(&r.key, &r.name))
        .collect();
    let mut s = format!("已收集{units}个单位的民调问卷{}份", town.responses);
    if !head.is_empty() {
        s += &format!("，全镇{}", head.join("、"));
    }
    if !weak.is_empty() {
        s += &format!("；方案点名的短板指标：{}", weak.join("、"));
    }
    s.push('。');
    // Units whose 安全感率 is under the plan's floor (with enough answers to say so).
    let floor = n.plan.suggestions.security_floor;
    let low: Vec<String> = n
        .now
        .survey
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let r = f.rates.get("security")?;
            let v = r.value?;
            (v < floor && !r.small_sample)
                .then(|| format!("{}（{}）", n.ds.unit_name(i as UnitId), pct(v)))
        })
        .collect();
    if !low.is_empty() {
        s += &format!("安全感率低于{}的有{}。", pct(floor), names(&low, 10));
    }
    Some(s)
}
