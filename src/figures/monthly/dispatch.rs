//! 调度事项: the open items the monthly dispatch meeting (一月一调度) assigns, each with its unit, since
//! when it has been open, who is responsible and where it was found — overdue disputes (the dispute's
//! 责任人), weekly reports still missing and ledgers never sent (the unit's 联络员 from the liaison
//! roster), unrectified findings (the supervision row's 督查人), grids without an officer, and the
//! month's failures of R8 / R10.

use super::Monthly;
use crate::diag::Severity;
use crate::figures::counts::ReportStatus;
use crate::ledger::schema::Specs;
use crate::ledger::schema::{DisputeCol, SupervisionCol};
use crate::resolve::units::{UnitId, UnitKind};
use crate::rules::r11_rectification::{method_zh, status_zh, Rectify};
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct DispatchItem {
    /// 逾期纠纷 / 周报未报 / 台账未报 / 督查问题未整改 / 网格无干警 / 专题部署会未开 / 工作总结未报
    pub category: &'static str,
    pub key: &'static str,
    pub unit: UnitId,
    pub item: String,
    /// Open since (the day it fell due, or the day it was found).
    pub since: Option<NaiveDate>,
    pub responsible: String,
    /// `file › sheet › cell` where the item comes from, if from a row.
    pub source: String,
    /// Past its deadline at the month's end.
    pub overdue: bool,
}

/// The unit's 联络员 (name and phone) from the latest liaison row known by the month's end.
pub fn liaison_of(m: &Monthly, u: UnitId) -> String {
    let r = &m.ds.records;
    let row = r
        .liaisons
        .iter()
        .filter(|l| l.unit == u && l.date.is_none_or(|d| d <= m.period.end))
        .max_by_key(|l| (l.date, l.src));
    match row {
        Some(l) if !r.text(l.liaison).trim().is_empty() => {
            let phone = m.phone(r.text(l.phone));
            if phone.is_empty() {
                format!("联络员 {}", r.text(l.liaison).trim())
            } else {
                format!("联络员 {}（{phone}）", r.text(l.liaison).trim())
            }
        }
        Some(l) if !r.text(l.deputy).trim().is_empty() => {
            format!("分管负责人 {}", r.text(l.deputy).trim())
        }
        _ => match m.ds.register.get(u).kind {
            UnitKind::TownUnit => "单位主要负责人".into(),
            _ => "联络员（未报联络员名单）".into(),
        },
    }
}

pub fn items(m: &Monthly, specs: &Specs) -> Vec<DispatchItem> {
    let mut out = Vec::new();
    let end = m.period.end;
    let r = &m.ds.records;
    let limit = m.plan.minimums.dispute_overdue_days;

    // Overdue disputes as of the month's end.
    for f in &m.now.figures.units {
        for &i in &f.disputes.overdue_list {
            let d = &r.disputes[i];
            let Some(date) = d.date else { continue };
            let dtype = d
                .dtype
                .and_then(|t| m.plan.disputes.types.get(t as usize))
                .map(String::as_str)
                .unwrap_or("纠纷");
            let owner = r.text(d.owner).trim();
            let liaison = liaison_of(m, d.unit);
            out.push(DispatchItem {
                category: "逾期纠纷",
                key: "overdue_dispute",
                unit: d.unit,
                item: format!(
                    "{dtype}纠纷（当事人 {}，{date}排查）至月底已 {} 天未化解，超过{limit}天期限",
                    m.name(r.text(d.parties)),
                    (end - date).num_days()
                ),
                since: Some(date + chrono::Duration::days(limit + 1)),
                responsible: if owner.is_empty() {
                    format!("责任人（台账未填）；{liaison}")
                } else {
                    format!("责任人 {owner}；{liaison}")
                },
                source: m.source(d.src, DisputeCol::Status, specs),
                overdue: true,
            });
        }
    }

    // Weekly reports of the month still missing.
    for um in &m.units {
        for w in um.weeks_with(ReportStatus::Missing) {
            let due = m.cal.deadline(w);
            out.push(DispatchItem {
                category: "周报未报",
                key: "missing_weekly_report",
                unit: um.unit,
                item: format!(
                    "第{w}期周报至今未报送（应于{}前报送）",
                    due.format("%m月%d日%H:%M")
                ),
                since: Some(due.date()),
                responsible: liaison_of(m, um.unit),
                source: String::new(),
                overdue: true,
            });
        }
    }

    // Ledgers a unit has never sent (as of the month's end).
    let first_report = m.cal.report_day(1);
    for (i, unit) in m.ds.register.units.iter().enumerate() {
        let u = i as UnitId;
        let by = |d: Option<NaiveDate>| d.is_none_or(|d| d <= end);
        let mut missing: Vec<(&str, NaiveDate)> = Vec::new();
        if unit.kind.is_village_level() {
            if !r.liaisons.iter().any(|x| x.unit == u && by(x.date)) {
                missing.push(("联络员名单", m.plan.deadlines.liaison));
            }
            if !r.visits.iter().any(|x| x.unit == u && by(x.date)) {
                missing.push(("走访台账", first_report));
            }
            if !r.disputes.iter().any(|x| x.unit == u && by(x.date)) {
                missing.push(("矛盾纠纷排查化解台账", first_report));
            }
        }
        if !r.slogans.iter().any(|x| x.unit == u && by(x.date)) {
            missing.push(("标语台账", first_report));
        }
        if !r.activities.iter().any(|x| x.unit == u && by(x.date)) {
            missing.push(("工作活动台账", m.plan.deadlines.mobilisation));
        }
        for (ledger, since) in missing {
            out.push(DispatchItem {
                category: "台账未报",
                key: "missing_ledger",
                unit: u,
                item: format!("至月底未报送{ledger}"),
                since: Some(since),
                responsible: liaison_of(m, u),
                source: String::new(),
                overdue: since < end,
            });
        }
    }

    // Findings not yet rectified.
    for &(i, st) in &m.supervision.tracked {
        if st == Rectify::Done {
            continue;
        }
        let s = &r.supervisions[i];
        let inspector = r.text(s.inspector).trim();
        let deadline = s
            .deadline
            .map(|d| format!("期限{d}"))
            .unwrap_or_else(|| "未写整改期限".into());
        out.push(DispatchItem {
            category: "督查问题未整改",
            key: "unrectified_finding",
            unit: s.unit,
            item: format!(
                "{}{}发现：{}（{}，整改状态：{}，{}）",
                s.date.map(|d| d.to_string()).unwrap_or_default(),
                method_zh(s),
                r.text(s.problem).trim(),
                deadline,
                status_zh(s),
                st.zh()
            ),
            since: if st == Rectify::Overdue {
                s.deadline
            } else {
                s.date
            },
            responsible: if inspector.is_empty() {
                liaison_of(m, s.unit)
            } else {
                format!("督查人 {inspector}；{}", liaison_of(m, s.unit))
            },
            source: m.source(s.src, SupervisionCol::Status, specs),
            overdue: st == Rectify::Overdue,
        });
    }

    // Grids without an officer.
    for g in &m.grids {
        let short = g.shortfall();
        if short == 0 {
            continue;
        }
        out.push(DispatchItem {
            category: "网格无干警",
            key: "grid_without_officer",
            unit: g.unit,
            item: format!(
                "网格 {} 个，已有干警报到 {} 个，缺 {short} 个{}",
                g.grids,
                g.covered.len(),
                crate::rules::r9_officers::missing_list(g)
            ),
            since: Some(m.cal.first_monday),
            responsible: liaison_of(m, g.unit),
            source: String::new(),
            overdue: true,
        });
    }

    // R8 / R10 failures.
    let by_name = |n: &str| {
        m.ds.register
            .units
            .iter()
            .position(|u| u.name == n)
            .map(|i| i as UnitId)
    };
    for d in &m.findings {
        let (category, key, since) = match d.code {
            "R8_topic_meeting_missing" => (
                "专题部署会未开",
                "topic_meeting_missing",
                m.plan
                    .survey_windows
                    .iter()
                    .filter(|w| w.start <= end)
                    .map(|w| w.start)
                    .next_back(),
            ),
            "R10_summary_missing" => (
                "工作总结未报",
                "summary_missing",
                Some(m.plan.deadlines.summary),
            ),
            _ => continue,
        };
        if d.severity != Severity::Error {
            continue;
        }
        let Some(u) = by_name(&d.unit) else { continue };
        out.push(DispatchItem {
            category,
            key,
            unit: u,
            item: d.message.clone(),
            since,
            responsible: liaison_of(m, u),
            source: String::new(),
            overdue: true,
        });
    }
    out
}
