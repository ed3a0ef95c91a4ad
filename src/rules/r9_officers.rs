//! R9: every grid has at least one 政法干警 reported in (进网格干警名单 against the register's 网格数).

use super::RuleCtx;
use crate::diag::Diagnostic;
use crate::resolve::load::Dataset;
use crate::resolve::units::UnitId;
use crate::text::person_key;
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
                let grid = ds.records.text(o.grid);
                let key = person_key(grid);
                if key.is_empty() {
                    continue;
                }
                let e = seen.entry(key).or_insert((grid.trim().to_string(), d));
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

/// `（第2网格）` when the missing grids can be named.
pub fn missing_list(g: &GridCoverage) -> String {
    let names = g.missing_names();
    if names.is_empty() {
        String::new()
    } else {
        format!("（{}）", names.join("、"))
    }
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
                        "网格数 {}，{have}，还差 {short} 个网格没有政法干警报到{}",
                        g.grids,
                        missing_list(&g)
                    ),
                )
                .hint("请协调政法干警进驻并报到，在进网格干警名单中登记网格和报到日期"),
                g.unit,
            ),
        );
    }
}

const CN_DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Splits a grid name around its number: `第2网格` → ("第", 2, "网格", false), `二组` → ("", 2, "组",
/// true). Only 1–10 in Chinese numerals.
fn numbered(name: &str) -> Option<(String, u32, String, bool)> {
    let chars: Vec<char> = name.trim().chars().collect();
    let start = chars
        .iter()
        .position(|c| c.is_ascii_digit() || CN_DIGITS.contains(c))?;
    let cn = !chars[start].is_ascii_digit();
    let end = chars[start..]
        .iter()
        .position(|c| {
            if cn {
                !CN_DIGITS.contains(c)
            } else {
                !c.is_ascii_digit()
            }
        })
        .map_or(chars.len(), |k| start + k);
    let digits: String = chars[start..end].iter().collect();
    let n = if cn {
        if end - start != 1 {
            return None;
        }
        CN_DIGITS.iter().position(|c| *c == chars[start])? as u32 + 1
    } else {
        digits.parse().ok()?
    };
    let rest: String = chars[end..].iter().collect();
    if rest
        .chars()
        .any(|c| c.is_ascii_digit() || CN_DIGITS.contains(&c))
    {
        return None;
    }
    Some((chars[..start].iter().collect(), n, rest, cn))
}

impl GridCoverage {
    /// The grids without an officer named, when the covered grids are numbered alike (第1网格, 第3网格
    /// → 第2网格 of 3); otherwise empty.
    pub fn missing_names(&self) -> Vec<String> {
        let parts: Option<Vec<_>> = self.covered.iter().map(|(n, _)| numbered(n)).collect();
        let Some(parts) = parts else {
            return Vec::new();
        };
        let Some((pre, _, post, cn)) = parts.first().cloned() else {
            return Vec::new();
        };
        if parts
            .iter()
            .any(|(a, _, b, c)| *a != pre || *b != post || *c != cn)
        {
            return Vec::new();
        }
        if cn && self.grids > 10 {
            return Vec::new();
        }
        (1..=self.grids)
            .filter(|k| !parts.iter().any(|(_, n, _, _)| n == k))
            .map(|k| {
                let num = if cn {
                    CN_DIGITS[k as usize - 1].to_string()
                } else {
                    k.to_string()
                };
                format!("{pre}{num}{post}")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_grids_are_named_when_numbered_alike() {
        let d = NaiveDate::from_ymd_opt(2021, 4, 20).unwrap();
        let g = GridCoverage {
            unit: 0,
            grids: 3,
            covered: vec![("第1网格".into(), d), ("第3网格".into(), d)],
        };
        assert_eq!(g.missing_names(), ["第2网格"]);
        let g = GridCoverage {
            unit: 0,
            grids: 2,
            covered: vec![("二网格".into(), d)],
        };
        assert_eq!(g.missing_names(), ["一网格"]);
        let g = GridCoverage {
            unit: 0,
            grids: 2,
            covered: vec![("东片".into(), d)],
        };
        assert!(g.missing_names().is_empty());
    }
}
