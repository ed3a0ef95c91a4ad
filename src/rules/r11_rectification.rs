//! R11: the town's supervision (上门查看 / 明察暗访 / 电话抽查): findings rectified by their deadline.

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::ledger::records::{Records, Supervision};
use crate::ledger::schema::{RectifyStatus, SupervisionCol, SupervisionMethod};
use chrono::NaiveDate;

/// Where a finding stands at a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rectify {
    /// Deadline passed (strictly before the day) and not 已整改.
    Overdue,
    /// Not 已整改, deadline not yet passed (or none given).
    Open,
    /// 已整改.
    Done,
}

impl Rectify {
    pub fn zh(self) -> &'static str {
        match self {
            Rectify::Overdue => "逾期未整改",
            Rectify::Open => "未到期",
            Rectify::Done => "已整改",
        }
    }
}

/// Texts in 发现问题 that say nothing was found.
const NOTHING_FOUND: [&str; 6] = ["无", "无问题", "没有问题", "/", "-", "—"];

/// Words of a check that found things in order (“标语悬挂到位，台账规范”).
const IN_ORDER: [&str; 6] = ["到位", "规范", "良好", "较好", "正常", "无问题"];

/// A supervision row that records a problem: 发现问题 is not empty, not “无” / “未发现问题”, and not a
/// remark that all is in order with nothing to rectify (no 整改要求, 整改期限 or 整改状态).
pub fn is_finding(r: &Records, s: &Supervision) -> bool {
    let p = r.text(s.problem).trim();
    if p.is_empty() || NOTHING_FOUND.contains(&p) || p.starts_with("未发现") {
        return false;
    }
    let nothing_to_do =
        r.text(s.requirement).trim().is_empty() && s.deadline.is_none() && s.status.is_none();
    !(nothing_to_do && IN_ORDER.iter().any(|w| p.contains(w)))
}

/// Where a finding stands at the end of `day`: a deadline equal to `day` is not yet overdue.
pub fn rectify_state(s: &Supervision, day: NaiveDate) -> Rectify {
    if s.status == Some(RectifyStatus::Done) {
        Rectify::Done
    } else if s.deadline.is_some_and(|d| d < day) {
        Rectify::Overdue
    } else {
        Rectify::Open
    }
}

pub fn method_zh(s: &Supervision) -> &'static str {
    s.method.map(SupervisionMethod::zh).unwrap_or("方式不明")
}

pub fn status_zh(s: &Supervision) -> &'static str {
    s.status.map(RectifyStatus::zh).unwrap_or("未填")
}

/// R11 督查采取上门查看、明察暗访、电话抽查等方式进行 … 对存在问题认真研究解决
pub fn r11_rectification(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    let end = ctx.period.end;
    let r = &ctx.ds.records;
    for s in &r.supervisions {
        if s.date.is_some_and(|d| d > end) || !is_finding(r, s) {
            continue;
        }
        let when = s.date.map(|d| d.to_string()).unwrap_or_default();
        match rectify_state(s, end) {
            Rectify::Done => {}
            Rectify::Overdue => {
                let deadline = s.deadline.unwrap();
                out.push(
                    ctx.at(
                        Diagnostic::error(
                            "R11_rectify_overdue",
                            format!(
                                "{when}{}发现的问题“{}”整改期限{deadline}已过（逾期 {} 天），整改状态：{}",
                                method_zh(s),
                                r.text(s.problem).trim(),
                                (end - deadline).num_days(),
                                status_zh(s)
                            ),
                        )
                        .hint("请督促限期整改到位，整改后在督查记录中把整改状态改为“已整改”"),
                        s.unit,
                        s.src,
                        SupervisionCol::Status,
                    ),
                );
            }
            Rectify::Open if s.deadline.is_none() => out.push(
                ctx.at(
                    Diagnostic::warning(
                        "R11_no_deadline",
                        format!(
                            "{when}{}发现的问题“{}”没有整改期限",
                            method_zh(s),
                            r.text(s.problem).trim()
                        ),
                    )
                    .hint("请在督查记录中写明整改期限"),
                    s.unit,
                    s.src,
                    SupervisionCol::Deadline,
                ),
            ),
            Rectify::Open => out.push(ctx.at(
                Diagnostic::info(
                    "R11_rectify_pending",
                    format!(
                        "{when}{}发现的问题“{}”正在整改，期限{}",
                        method_zh(s),
                        r.text(s.problem).trim(),
                        s.deadline.unwrap()
                    ),
                ),
                s.unit,
                s.src,
                SupervisionCol::Status,
            )),
        }
    }
}
