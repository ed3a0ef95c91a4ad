//! What the figures of every period (and the rules) share, computed once per run from today's
//! ledgers: the household of each visit row and the match of each slogan text. A weekly notice
//! computes the figures of every week 1 … N (the trend) and R4 counts households as of two days per
//! unit: each used to normalise and hash every visit's names again.

use crate::plan::slogan::{match_slogan, SloganMatch};
use crate::plan::Plan;
use crate::resolve::load::Dataset;
use crate::text::person_key_cow;
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

pub struct Basis {
    /// Per visit row (`records.visits` order): its household, a small id. A household is a unit's
    /// 村民小组/网格 and 户主, names compared by [`person_key_cow`] (`张 三` == `张三`).
    pub household: Vec<u32>,
    /// Per household: its unit.
    pub household_unit: Vec<u32>,
    /// Per household: the date of its first dated visit (None when no visit of it is dated).
    pub first_visit: Vec<Option<NaiveDate>>,
    /// Per slogan row (`records.slogans` order): its text against 附件2 (each distinct text matched once).
    pub slogan: Vec<SloganMatch>,
}

impl Basis {
    pub fn new(ds: &Dataset, plan: &Plan) -> Basis {
        let r = &ds.records;
        // Households never span units: each unit's are numbered on their own (small maps, side by
        // side), then one after the other in unit order.
        let units = r
            .visits
            .iter()
            .map(|v| v.unit as usize + 1)
            .max()
            .unwrap_or(0);
        let mut rows: Vec<Vec<u32>> = vec![Vec::new(); units];
        for (i, v) in r.visits.iter().enumerate() {
            rows[v.unit as usize].push(i as u32);
        }
        let numbered: Vec<(Vec<u32>, Vec<Option<NaiveDate>>)> = rows
            .par_iter()
            .map(|rows| {
                let mut ids: FxHashMap<(Cow<str>, Cow<str>), u32> = FxHashMap::default();
                let mut first: Vec<Option<NaiveDate>> = Vec::new();
                let local = rows
                    .iter()
                    .map(|&i| {
                        let v = &r.visits[i as usize];
                        let key = (
                            person_key_cow(r.text(v.group)),
                            person_key_cow(r.text(v.head)),
                        );
                        let next = ids.len() as u32;
                        let id = *ids.entry(key).or_insert_with(|| {
                            first.push(None);
                            next
                        });
                        if let Some(d) = v.date {
                            let f = &mut first[id as usize];
                            *f = Some(f.map_or(d, |f| f.min(d)));
                        }
                        id
                    })
                    .collect();
                (local, first)
            })
            .collect();
        let mut household = vec![0u32; r.visits.len()];
        let mut household_unit = Vec::new();
        let mut first_visit: Vec<Option<NaiveDate>> = Vec::new();
        for (unit, (rows, (local, first))) in rows.iter().zip(numbered).enumerate() {
            let offset = first_visit.len() as u32;
            for (&i, id) in rows.iter().zip(local) {
                household[i as usize] = offset + id;
            }
            household_unit.extend(std::iter::repeat_n(unit as u32, first.len()));
            first_visit.extend(first);
        }
        let mut matched: FxHashMap<&str, SloganMatch> = FxHashMap::default();
        let slogan = r
            .slogans
            .iter()
            .map(|s| {
                matched
                    .entry(r.text(s.text))
                    .or_insert_with(|| match_slogan(plan, r.text(s.text)))
                    .clone()
            })
            .collect();
        Basis {
            household,
            household_unit,
            first_visit,
            slogan,
        }
    }

    pub fn households(&self) -> usize {
        self.household_unit.len()
    }

    /// Per unit (`units` of them): households visited on or before `day`.
    pub fn visited_by(&self, units: usize, day: NaiveDate) -> Vec<u32> {
        let mut n = vec![0; units];
        for (h, first) in self.first_visit.iter().enumerate() {
            if first.is_some_and(|f| f <= day) {
                if let Some(c) = n.get_mut(self.household_unit[h] as usize) {
                    *c += 1;
                }
            }
        }
        n
    }
}
