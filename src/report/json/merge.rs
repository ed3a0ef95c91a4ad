//! Merging the `--json` outputs of several towns (one process per town, README "Shards by town") into
//! one: `units[]` by name, `town` totals summed, rates recomputed from the numerators and denominators
//! the JSON carries, `suggestions`, `diagnostics` and `files` concatenated.
//!
//! In: the towns' `weekly`/`check` JSON values, all of one report and period. Out: one value
//! of the same shape, or why the towns cannot be merged.

use serde_json::{Map, Value};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MergeError {
    #[error("没有要合并的 JSON")]
    Empty,
    #[error("第 {0} 个 JSON 不是对象")]
    NotObject(usize),
    #[error("各镇的 {key} 不同（第 1 个与第 {index} 个），不能合并")]
    Differs { key: String, index: usize },
    #[error("单位“{0}”出现在两个镇的结果中")]
    DuplicateUnit(String),
    #[error("{0} 的值不能合并")]
    Unmergeable(String),
}

/// Keys recomputed from other keys after summing (never summed themselves).
const RATIOS: &[&str] = &["coverage", "value", "share", "index", "small_sample"];

/// Merges the towns' JSON outputs. Top-level keys:
/// - `period` (and any other key that is not listed below) must be equal in every town;
/// - `units`: concatenated in the towns' order; a unit name in two towns is an error. Each unit keeps
///   its own town's `rank`/`rank_change` (ranks are within a town);
/// - `town` and `summary`: numbers summed key by key; `visits.coverage` = `visits.households_visited`
///   ÷ `households`; a survey rate's `value` = positive ÷ base, `small_sample` false when every town's was
///   false (a larger base stays large enough) and null otherwise (the minimum is not in the JSON),
///   `index` the base-weighted mean of the towns' (rounded to 0.1, as written; each town's was rounded,
///   so it can differ from a single run's by 0.1); `ranked` summed by option with `share` recomputed,
///   `breakdown` groups summed by group;
/// - `suggestions`, `diagnostics`, `files`: concatenated;
/// - `town.trend` (each town's week-by-week rates, without numerators): left out.
///
/// So `weekly` and `check` outputs merge; a `monthly` one merges only where its `weeks`, `supervision`,
/// `weekly_rules` and `dispatch` are equal in every town (otherwise `Differs`: not merged yet).
pub fn merge_towns(towns: &[Value]) -> Result<Value, MergeError> {
    let first = towns.first().ok_or(MergeError::Empty)?;
    let objs: Vec<&Map<String, Value>> = towns
        .iter()
        .enumerate()
        .map(|(i, v)| v.as_object().ok_or(MergeError::NotObject(i + 1)))
        .collect::<Result<_, _>>()?;
    let mut out = Map::new();
    for (key, v0) in first.as_object().ok_or(MergeError::NotObject(1))? {
        let all: Vec<&Value> = objs
            .iter()
            .enumerate()
            .map(|(i, o)| {
                o.get(key).ok_or_else(|| MergeError::Differs {
                    key: key.clone(),
                    index: i + 1,
                })
            })
            .collect::<Result<_, _>>()?;
        let merged = match key.as_str() {
            "units" => merge_units(&all)?,
            "town" if all.len() == 1 => all[0].clone(),
            "town" => {
                // Each town's week-by-week trend carries rates without their numerators: it cannot
                // be combined, so the merged output leaves it out.
                let stripped: Vec<Value> = all
                    .iter()
                    .map(|v| {
                        let mut v = (*v).clone();
                        if let Some(o) = v.as_object_mut() {
                            o.remove("trend");
                        }
                        v
                    })
                    .collect();
                sum_all(key, &stripped.iter().collect::<Vec<_>>())?
            }
            "summary" => sum_all(key, &all)?,
            "suggestions" | "diagnostics" | "files" => concat(key, &all)?,
            _ => {
                if let Some(i) = all.iter().position(|v| *v != v0) {
                    return Err(MergeError::Differs {
                        key: key.clone(),
                        index: i + 1,
                    });
                }
                v0.clone()
            }
        };
        out.insert(key.clone(), merged);
    }
    Ok(Value::Object(out))
}

fn concat(key: &str, all: &[&Value]) -> Result<Value, MergeError> {
    let mut list = Vec::new();
    for v in all {
        let a = v
            .as_array()
            .ok_or_else(|| MergeError::Unmergeable(key.to_string()))?;
        list.extend(a.iter().cloned());
    }
    Ok(Value::Array(list))
}

fn merge_units(all: &[&Value]) -> Result<Value, MergeError> {
    let mut seen = rustc_hash::FxHashSet::default();
    let merged = concat("units", all)?;
    for u in merged.as_array().into_iter().flatten() {
        let name = u.get("name").and_then(Value::as_str).unwrap_or_default();
        if !seen.insert(name.to_string()) {
            return Err(MergeError::DuplicateUnit(name.to_string()));
        }
    }
    Ok(merged)
}

fn sum_all(path: &str, all: &[&Value]) -> Result<Value, MergeError> {
    let mut acc = all[0].clone();
    for v in &all[1..] {
        add(path, &mut acc, v)?;
    }
    recompute(&mut acc);
    Ok(acc)
}

/// `acc += v`, key by key: numbers summed, objects recursively, `ranked` by option, breakdown groups
/// by group; ratio keys are left for `recompute`, except `index`, which is summed weighted by `base`.
fn add(path: &str, acc: &mut Value, v: &Value) -> Result<(), MergeError> {
    let bad = || MergeError::Unmergeable(path.to_string());
    // A null (e.g. a town without households has no coverage) takes the other town's value.
    if acc.is_null() {
        *acc = v.clone();
        return Ok(());
    }
    match (acc, v) {
        (Value::Object(a), Value::Object(b)) => {
            // A survey rate: turn `index` into points first, so it can be summed.
            if a.contains_key("base") && a.contains_key("positive") {
                let points = |o: &Map<String, Value>| {
                    if let Some(p) = o.get("points") {
                        return p.as_f64();
                    }
                    let base = o.get("base").and_then(Value::as_f64).unwrap_or(0.0);
                    o.get("index").and_then(Value::as_f64).map(|i| i * base)
                };
                let p = match (points(a), points(b)) {
                    (None, None) => None,
                    (x, y) => Some(x.unwrap_or(0.0) + y.unwrap_or(0.0)),
                };
                let small = |o: &Map<String, Value>| o.get("small_sample").cloned();
                let small = if small(a) == Some(Value::Bool(false))
                    && small(b) == Some(Value::Bool(false))
                {
                    Value::Bool(false)
                } else {
                    Value::Null
                };
                a.insert("small_sample".into(), small);
                match p {
                    Some(p) => a.insert("points".into(), Value::from(p)),
                    None => a.remove("points"),
                };
                a.remove("index");
            }
            for (k, bv) in b {
                if RATIOS.contains(&k.as_str()) {
                    continue;
                }
                let sub = format!("{path}.{k}");
                match a.get_mut(k) {
                    Some(av) => add(&sub, av, bv)?,
                    None => {
                        a.insert(k.clone(), bv.clone());
                    }
                }
            }
            Ok(())
        }
        (Value::Number(a), Value::Number(b)) => {
            *a = match (a.as_u64(), b.as_u64()) {
                (Some(x), Some(y)) => (x + y).into(),
                _ => serde_json::Number::from_f64(
                    a.as_f64().unwrap_or(0.0) + b.as_f64().unwrap_or(0.0),
                )
                .ok_or_else(bad)?,
            };
            Ok(())
        }
        (_, Value::Null) => Ok(()),
        (Value::Array(a), Value::Array(b)) => {
            // `ranked` by option, breakdown groups by group.
            let key = ["option", "group"]
                .into_iter()
                .find(|k| a.iter().chain(b).all(|e| e.get(k).is_some()))
                .ok_or_else(bad)?;
            for e in b {
                match a.iter_mut().find(|x| x.get(key) == e.get(key)) {
                    Some(x) => add(path, x, e)?,
                    None => a.push(e.clone()),
                }
            }
            Ok(())
        }
        (a, b) if a == b => Ok(()),
        _ => Err(bad()),
    }
}

/// Ratios from their parts, after summing.
fn recompute(v: &mut Value) {
    match v {
        Value::Object(o) => {
            for (_, c) in o.iter_mut() {
                recompute(c);
            }
            let num = |o: &Map<String, Value>, k: &str| o.get(k).and_then(Value::as_f64);
            // `town.visits.coverage` = `visits.households_visited` ÷ `town.households`.
            let households = num(o, "households");
            if let Some(Value::Object(v)) = o.get_mut("visits") {
                if v.contains_key("coverage") {
                    let c = match (num(v, "households_visited"), households) {
                        (Some(n), Some(d)) if d > 0.0 => Value::from(n / d),
                        _ => Value::Null,
                    };
                    v.insert("coverage".into(), c);
                }
            }
            if let (Some(pos), Some(base)) = (num(o, "positive"), num(o, "base")) {
                o.insert(
                    "value".into(),
                    if base > 0.0 {
                        Value::from(pos / base)
                    } else {
                        Value::Null
                    },
                );
                if let Some(p) = o.remove("points") {
                    if let (Some(p), true) = (p.as_f64(), base > 0.0) {
                        o.insert(
                            "index".into(),
                            Value::from((p / base * 10.0).round() / 10.0),
                        );
                    }
                }
            }
            if let Some(Value::Array(ranked)) = o.get_mut("ranked") {
                let total: f64 = ranked
                    .iter()
                    .filter_map(|r| r.get("count").and_then(Value::as_f64))
                    .sum();
                for r in ranked.iter_mut() {
                    let c = r.get("count").and_then(Value::as_f64).unwrap_or(0.0);
                    r["share"] = if total > 0.0 {
                        Value::from(c / total)
                    } else {
                        Value::Null
                    };
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(recompute),
        _ => {}
    }
}
