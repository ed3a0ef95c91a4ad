//! Checks across rows, after loading: the same dispute sent in several versions, resolution dates that
//! cannot be (`disputes`), questionnaires with no answer and tallies that do not fit (`surveys`), dates
//! from the wrong year (`years`), and the reports against their ledgers (`consistency`). Each
//! diagnostic is then given its unit, sorted and deduplicated.

mod disputes;
mod surveys;
mod years;

use crate::diag::Diagnostic;
use crate::ledger::schema::Specs;
use crate::plan::Plan;
use crate::resolve::dataset::Dataset;
use rustc_hash::FxHashMap;

pub fn validate(ds: &mut Dataset, plan: &Plan, specs: &Specs) {
    let mut diags = Vec::new();
    disputes::reconcile_disputes(ds, plan, specs, &mut diags);
    disputes::check_disputes(ds, plan, specs, &mut diags);
    surveys::check_surveys(ds, plan, specs, &mut diags);
    surveys::check_tallies(ds, plan, specs, &mut diags);
    years::check_years(ds, plan, specs, &mut diags);
    crate::resolve::consistency::check(ds, plan, specs, &mut diags);
    ds.diags.extend(diags);
    let by_file = entries_by_file(ds);
    let units: Vec<Option<String>> = ds
        .diags
        .iter()
        .map(|d| {
            if d.unit.is_empty() {
                unit_of_location(ds, &by_file, d)
            } else {
                None
            }
        })
        .collect();
    for (d, u) in ds.diags.iter_mut().zip(units) {
        if let Some(u) = u {
            d.unit = u;
        }
    }
    // The key is built once per diagnostic, not twice per comparison (stable, like `sort_by`).
    ds.diags.sort_by_cached_key(|d| d.sort_key());
    ds.diags.dedup();
}

/// `ds.files` entry indices by file path, in order.
fn entries_by_file(ds: &Dataset) -> FxHashMap<&str, Vec<usize>> {
    let mut m: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, e) in ds.files.iter().enumerate() {
        m.entry(e.path.as_str()).or_default().push(i);
    }
    m
}

/// Diagnostics found while parsing know their file but not their unit; a sheet whose rows all belong
/// to one unit gives it.
fn unit_of_location(
    ds: &Dataset,
    by_file: &FxHashMap<&str, Vec<usize>>,
    d: &Diagnostic,
) -> Option<String> {
    let entries = by_file.get(d.file.as_str()).map_or(&[][..], Vec::as_slice);
    if let Some(e) = entries
        .iter()
        .map(|&i| &ds.files[i])
        .find(|e| (d.sheet.is_empty() || e.sheet == d.sheet) && e.units.len() == 1)
    {
        return Some(e.units[0].clone());
    }
    // A file or sheet that could not be read: the unit its name gives.
    let named = ds.register.named_in(&format!("{} {}", d.file, d.sheet));
    (named.len() == 1).then(|| ds.unit_name(named[0]).to_string())
}
