//! Disputes across rows: versions of the same dispute reconciled, and resolution dates that cannot be.

use crate::diag::Diagnostic;
use crate::ledger::records::Dispute;
use crate::ledger::schema::{DisputeCol, Kind, Specs};
use crate::plan::Plan;
use crate::resolve::dataset::Dataset;
use crate::text::person_key_cow;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// The newest date a sheet mentions: a resent ledger holds later rows than the one it replaces.
fn sheet_age(disputes: &[Dispute]) -> FxHashMap<u32, NaiveDate> {
    let mut age: FxHashMap<u32, NaiveDate> = FxHashMap::default();
    for d in disputes {
        for x in [d.date, d.resolved_on].into_iter().flatten() {
            let e = age.entry(d.src.sheet).or_insert(x);
            if x > *e {
                *e = x;
            }
        }
    }
    age
}

/// Two versions of the same dispute (same unit, 排查日期, 当事人): keep the most advanced status. Moving
/// forward is normal progress; disagreeing in anything else, or moving backwards, is a warning.
pub(super) fn reconcile_disputes(
    ds: &mut Dataset,
    _plan: &Plan,
    specs: &Specs,
    diags: &mut Vec<Diagnostic>,
) {
    let spec = specs.get(Kind::Dispute);
    let age = sheet_age(&ds.records.disputes);
    // (the 当事人 key borrows the record's text unless it needs normalising)
    let mut groups: FxHashMap<(u32, NaiveDate, Cow<str>), Vec<usize>> = FxHashMap::default();
    for (i, d) in ds.records.disputes.iter().enumerate() {
        if d.zero {
            continue;
        }
        if let Some(date) = d.date {
            groups
                .entry((d.unit, date, person_key_cow(ds.records.text(d.parties))))
                .or_default()
                .push(i);
        }
    }
    let mut drop = vec![false; ds.records.disputes.len()];
    let mut keys: Vec<_> = groups.into_iter().filter(|(_, v)| v.len() > 1).collect();
    keys.sort();
    for (_, idx) in keys {
        let ds_ref = &ds.records.disputes;
        let rank = |i: usize| ds_ref[i].status.map(|s| s as i32).unwrap_or(-1);
        let best = *idx
            .iter()
            .max_by_key(|&&i| {
                (
                    rank(i),
                    ds_ref[i].resolved_on.is_some(),
                    std::cmp::Reverse(ds_ref[i].src),
                )
            })
            .unwrap();
        let newest = *idx
            .iter()
            .max_by_key(|&&i| (age.get(&ds_ref[i].src.sheet).copied(), ds_ref[i].src))
            .unwrap();
        let b = &ds_ref[best];
        for &i in &idx {
            if i == best {
                continue;
            }
            drop[i] = true;
            let o = &ds_ref[i];
            let mut diffs = Vec::new();
            if o.dtype.is_some() && b.dtype.is_some() && o.dtype != b.dtype {
                diffs.push("纠纷类型");
            }
            if o.resolved_on.is_some() && b.resolved_on.is_some() && o.resolved_on != b.resolved_on
            {
                diffs.push("化解日期");
            }
            if o.parties != b.parties {
                diffs.push("当事人写法");
            }
            let backwards = newest == i && rank(i) < rank(best);
            if diffs.is_empty() && !backwards {
                continue;
            }
            let other = &ds.sheets[b.src.sheet as usize];
            let what = if backwards {
                "较新的版本化解状态反而倒退".to_string()
            } else {
                format!("两个版本的{}不一致", diffs.join("、"))
            };
            diags.push(
                ds.at(
                    Diagnostic::warning(
                        "dispute_versions_differ",
                        format!(
                            "同一纠纷（{}，{}）在多个文件中出现，{what}；已采用 {} › {} 第{}行的版本",
                            o.date.map(|d| d.to_string()).unwrap_or_default(),
                            crate::text::mask_name(ds.records.text(o.parties)),
                            other.file,
                            other.sheet,
                            b.src.row + 1
                        ),
                    )
                    .unit(ds.unit_name(o.unit))
                    .hint("请核对后在最新台账中改正，保持各次报送一致"),
                    o.src,
                    spec.col(DisputeCol::Status),
                ),
            );
        }
    }
    let mut i = 0;
    ds.records.disputes.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

pub(super) fn check_disputes(
    ds: &Dataset,
    plan: &Plan,
    specs: &Specs,
    diags: &mut Vec<Diagnostic>,
) {
    let spec = specs.get(Kind::Dispute);
    let resolved = plan
        .disputes
        .statuses
        .iter()
        .position(|s| *s == plan.disputes.resolved);
    for d in ds.records.disputes.iter().filter(|d| !d.zero) {
        let unit = ds.unit_name(d.unit);
        if d.status.map(|s| s as usize) == resolved && d.resolved_on.is_none() {
            diags.push(
                ds.at(
                    Diagnostic::error(
                        "resolved_without_date",
                        "化解状态为“已化解”，但没有化解日期",
                    )
                    .unit(unit)
                    .hint("请填写化解日期；未填日期的不计入已化解数"),
                    d.src,
                    spec.col(DisputeCol::ResolvedOn),
                ),
            );
        }
        if let (Some(a), Some(b)) = (d.date, d.resolved_on) {
            if b < a {
                diags.push(
                    ds.at(
                        Diagnostic::error(
                            "resolved_before_screened",
                            format!("化解日期 {b} 早于排查日期 {a}"),
                        )
                        .unit(unit)
                        .hint("请核对两个日期；有误的不计入已化解数"),
                        d.src,
                        spec.col(DisputeCol::ResolvedOn),
                    ),
                );
            }
        }
    }
}
