//! R9: every grid has at least one 政法干警 reported in (进网格干警名单 against the register's 网格数).

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::load::Dataset;
use crate::text::person_key;
use crate::units::UnitId;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A unit's grids against the officers reported in by `day`.
#[derive(Debug, Clone)]
pub struct GridCoverage {
    pub unit: UnitId,
    /// The register's 网格数.
    pub grids: u32,
    /// Distinct grid names with an officer whose 报到日期 ≤ day, with the earliest 报到日期.
    pub covered: Vec<(String, NaiveDate)>,
}

impl GridCoverage {
    /// Grids still without an officer.
    pub fn shortfall(&self) -> u32 {
        self.grids.saturating_sub(self.covered.len() as u32)
    }
}

/// Grid coverage of every unit with a registered 网格数, as of `day`.
pub fn grid_coverage(ds: &Dataset, day: NaiveDate) -> Vec<GridCoverage> {
    ds.register
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| {
            let grids = u.grids.filter(|&g| g > 0)?;
            let mut seen: BTreeMap<String, (String, NaiveDate)> = BTreeMap::new();
            for o in ds.records.officers.iter().filter(|o| o.unit == i as u32) {
                let Some(d) = o.date.filter(|d| *d <= day) else {
                    continue;
                };
                let key = person_key(&o.grid);
                if key.is_empty() {
                    continue;
                }
                let e = seen.entry(key).or_insert((o.grid.trim().to_string(), d));
                e.1 = e.1.min(d);
            }
            let mut covered: Vec<(String, NaiveDate)> = seen.into_values().collect();
            covered.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
            Some(GridCoverage {
                unit: i as UnitId,
                grids,
                covered,
            })
        })
        .collect()
}

/// R9 确保政法干警进驻网格报到后 … 融合联动
pub fn r9_officers(ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    for g in grid_coverage(ctx.ds, ctx.period.end) {
        let short = g.shortfall();
        if short == 0 {
            continue;
        }
        let names: Vec<&str> = g.covered.iter().map(|(n, _)| n.as_str()).collect();
        let have = if names.is_empty() {
            "没有一个网格有干警报到".to_string()
        } else {
            format!(
                "已有干警报到的网格 {} 个（{}）",
                names.len(),
                names.join("、")
            )
        };
        out.push(
            ctx.about(
                Diagnostic::error(
                    "R9_grid_without_officer",
                    format!(
                        "网格数 {}，{have}，还差 {short} 个网格没有政法干警报到",
                        g.grids
                    ),
                )
                .hint("请协调政法干警进驻并报到，在进网格干警名单中登记网格和报到日期"),
                g.unit,
            ),
        );
    }
}
