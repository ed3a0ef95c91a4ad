//! The lists every `--json` carries: `files[]` (what each file and sheet became), `diagnostics[]`
//! (each problem, with its period in a report), and the whole of `check --json`.

use crate::resolve::load::Dataset;
use serde_json::{json, Value};

pub fn files_json(ds: &Dataset) -> Value {
    Value::Array(
        ds.files
            .iter()
            .map(|f| {
                json!({
                    "path": f.path,
                    "kind": f.kind.map(|k| k.key()),
                    "sheet": f.sheet,
                    "rows": f.rows,
                    "status": f.status,
                    "reason": f.reason,
                    "units": f.units,
                    // (the reading library's own words, English, for the maintainer: never on a sheet)
                    "detail": f.detail,
                    "columns": f.columns,
                })
            })
            .collect(),
    )
}

pub fn diagnostics_json(ds: &Dataset) -> Value {
    diags_json(&ds.diags.iter().collect::<Vec<_>>())
}

pub fn check_json(ds: &Dataset) -> Value {
    let c = crate::report::terminal::counts(&ds.diags);
    json!({
        "summary": {"errors": c.errors, "warnings": c.warnings, "infos": c.infos, "files": ds.files.len()},
        "files": files_json(ds),
        "diagnostics": diagnostics_json(ds),
    })
}

pub(super) fn diags_json(list: &[&crate::diag::Diagnostic]) -> Value {
    diags_in_period(list, None)
}

/// The diagnostics of a report, each with the report's period (`week`: the issue, or `month`:
/// `YYYY-MM`) and, for a rule finding, the campaign weeks it held (`weeks`).
pub(super) fn diags_in_period(
    list: &[&crate::diag::Diagnostic],
    period: Option<(&str, Value)>,
) -> Value {
    Value::Array(
        list.iter()
            .map(|d| {
                let mut v = json!({
                    "severity": d.severity, "code": d.code, "unit": d.unit, "file": d.file,
                    "sheet": d.sheet, "cell": d.cell, "message": d.message, "hint": d.hint,
                });
                if let Some((key, value)) = &period {
                    v[*key] = value.clone();
                }
                if !d.weeks.is_empty() {
                    v["weeks"] = json!(d.weeks);
                }
                v
            })
            .collect(),
    )
}
