//! Problems in the data that hold whatever the period: a weekly report whose numbers disagree with its
//! week's ledgers (the plan's “弄虚作假” warning), and slogans that are not the approved texts. `check`
//! shows them, and every report lists them.

use crate::diag::Diagnostic;
use crate::ledger::records::Text;
use crate::ledger::schema::{Feed, Kind, Specs};
use crate::ledger::schema::{SloganCol, WeeklyCol};
use crate::plan::calendar::Calendar;
use crate::plan::slogan::{match_slogan, SloganMatch};
use crate::plan::Plan;
use crate::resolve::dataset::Dataset;
use crate::text::person_key_cow;
use chrono::NaiveDateTime;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

pub fn check(ds: &Dataset, plan: &Plan, specs: &Specs, out: &mut Vec<Diagnostic>) {
    reports_against_ledgers(ds, plan, specs, out);
    slogan_texts(ds, plan, specs, out);
}

/// Per (unit, week): households visited (distinct 村民小组/网格 + 户主), disputes screened and resolved
/// that week.
#[derive(Default)]
struct WeekTruth {
    visited: u32,
    screened: u32,
    resolved: u32,
}

/// Small ids for normalised names ([`person_key_cow`]), so that a household is a pair of numbers:
/// each visit costs two lookups of borrowed text, no `String` per visit.
#[derive(Default)]
struct Names<'a> {
    ids: FxHashMap<Cow<'a, str>, u32>,
}

impl<'a> Names<'a> {
    fn id(&mut self, name: &'a str) -> u32 {
        let key = person_key_cow(name);
        let next = self.ids.len() as u32;
        *self.ids.entry(key).or_insert(next)
    }
}

/// A weekly report's 走访户数 / 排查纠纷数 / 化解纠纷数 against that week's ledgers (the first report of
/// each unit and week; a unit that sent no such ledger at all is not judged).
fn reports_against_ledgers(ds: &Dataset, plan: &Plan, specs: &Specs, out: &mut Vec<Diagnostic>) {
    let cal = Calendar::new(plan);
    let r = &ds.records;
    let resolved = plan
        .disputes
        .statuses
        .iter()
        .position(|s| *s == plan.disputes.resolved)
        .map(|i| i as u8);
    let mut truth: FxHashMap<(u32, u32), WeekTruth> = FxHashMap::default();
    let mut has_visits = FxHashSet::default();
    let mut has_disputes = FxHashSet::default();
    // Units with disputes from a sheet that lacks the column the resolved count needs: their
    // 化解纠纷数 cannot be checked.
    let mut resolved_unknown = FxHashSet::default();
    let mut names = Names::default();
    // Each distinct text's name id, worked out once (equal texts have equal ids).
    let mut by_text = vec![u32::MAX; r.texts.distinct()];
    let mut name = |t: Text| {
        let slot = &mut by_text[t.index()];
        if *slot == u32::MAX {
            *slot = names.id(r.text(t));
        }
        *slot
    };
    // (unit, week, group, head): a household counted once per unit and week (sorted and
    // deduplicated: a visit is 16 bytes, not a hash set's entry).
    let mut visited: Vec<(u32, u32, u32, u32)> = Vec::with_capacity(r.visits.len());
    for v in &r.visits {
        has_visits.insert(v.unit);
        if let Some(w) = v.date.and_then(|d| cal.week_of(d)) {
            visited.push((v.unit, w, name(v.group), name(v.head)));
        }
    }
    visited.sort_unstable();
    visited.dedup();
    for &(unit, w, _, _) in &visited {
        truth.entry((unit, w)).or_default().visited += 1;
    }
    drop(visited);
    for d in &r.disputes {
        has_disputes.insert(d.unit);
        if ds
            .unread(d.src)
            .iter()
            .any(|c| c.feeds.contains(&Feed::Resolved))
        {
            resolved_unknown.insert(d.unit);
        }
        if d.zero {
            continue;
        }
        if let Some(w) = d.date.and_then(|x| cal.week_of(x)) {
            truth.entry((d.unit, w)).or_default().screened += 1;
        }
        // Resolved only with a 化解日期 on or after the 排查日期 (as the figures count it).
        if d.status == resolved {
            let valid = d.resolved_on.filter(|x| d.date.is_none_or(|s| *x >= s));
            if let Some(w) = valid.and_then(|x| cal.week_of(x)) {
                truth.entry((d.unit, w)).or_default().resolved += 1;
            }
        }
    }
    // The first report of each unit and week.
    let mut first: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    for (i, w) in r.weekly.iter().enumerate() {
        let Some(week) = w
            .week
            .or_else(|| w.submitted.and_then(|t| cal.week_of(t.date())))
        else {
            continue;
        };
        let key = |j: usize| (r.weekly[j].submitted.unwrap_or(NaiveDateTime::MAX), j);
        first
            .entry((w.unit, week))
            .and_modify(|j| {
                if key(i) < key(*j) {
                    *j = i;
                }
            })
            .or_insert(i);
    }
    let mut firsts: Vec<((u32, u32), usize)> = first.into_iter().collect();
    firsts.sort();
    let empty = WeekTruth::default();
    let spec = specs.get(Kind::WeeklyReport);
    for ((unit, week), i) in firsts {
        let w = &r.weekly[i];
        let t = truth.get(&(unit, week)).unwrap_or(&empty);
        let checks = [
            (
                WeeklyCol::Visits,
                w.visits,
                t.visited,
                has_visits.contains(&unit),
                "走访台账",
            ),
            (
                WeeklyCol::Screened,
                w.disputes_screened,
                t.screened,
                has_disputes.contains(&unit),
                "矛盾纠纷台账",
            ),
            (
                WeeklyCol::Resolved,
                w.disputes_resolved,
                t.resolved,
                has_disputes.contains(&unit) && !resolved_unknown.contains(&unit),
                "矛盾纠纷台账",
            ),
        ];
        for (col, stated, actual, ledger_sent, ledger) in checks {
            let Some(stated) = stated else { continue };
            // 虚报 is claiming more than the ledger holds. The ledger is taken over the whole week
            // (the fairer reading for the village: a visit on Saturday after Friday's report still
            // counts), so a report lower than the ledger is no finding at all.
            if !ledger_sent || stated <= actual {
                continue;
            }
            let name = &spec.columns[spec.col(col)].name;
            out.push(
                ds.at(
                    Diagnostic::warning(
                        "report_ledger_mismatch",
                        format!("第{week}期周报填报{name} {stated}，多于该周{ledger}中的 {actual}"),
                    )
                    .unit(ds.unit_name(unit))
                    .hint(format!("请核实：周报数字不得多于{ledger}所记，不得虚报")),
                    w.src,
                    spec.col(col),
                ),
            );
        }
    }
}

/// Hanging slogans must be 附件2's texts; a near match is a typo named with the approved text.
fn slogan_texts(ds: &Dataset, plan: &Plan, specs: &Specs, out: &mut Vec<Diagnostic>) {
    let col = specs.col(SloganCol::Text);
    // Villages hang the same few texts many times: each distinct text is matched once.
    let mut matched: FxHashMap<&str, SloganMatch> = FxHashMap::default();
    let r = &ds.records;
    for s in r.slogans.iter().filter(|s| s.hanging && !s.text.is_empty()) {
        let text = r.text(s.text);
        let m = matched
            .entry(text)
            .or_insert_with(|| match_slogan(plan, text))
            .clone();
        let d = match m {
            SloganMatch::Exact => continue,
            SloganMatch::Near(approved) => Diagnostic::warning(
                "R7_slogan_typo",
                format!("标语“{text}”与附件2的“{approved}”有出入，疑为笔误"),
            )
            .hint(format!("请按“{approved}”核对标语实物和台账")),
            SloganMatch::No => Diagnostic::warning(
                "R7_slogan_unapproved",
                format!("标语“{text}”不是附件2所列内容"),
            )
            .hint("请使用方案附件2的六条标语之一"),
        };
        out.push(ds.at(d.quoting_cell().unit(ds.unit_name(s.unit)), s.src, col));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_written_alike_get_one_id() {
        let mut n = Names::default();
        let a = n.id("张三");
        assert_eq!(n.id(" 张 三 "), a);
        assert_eq!(n.id("张　三"), a);
        assert_ne!(n.id("张三丰"), a);
        assert_eq!(n.id("阿不都•热合曼"), n.id("阿不都·热合曼"));
        assert_ne!(n.id(""), a);
    }
}
