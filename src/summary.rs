//! The `--json` summary (SPEC §7 keys; English keys and status words, dates as YYYY-MM-DD).

use crate::load::Dataset;
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
                })
            })
            .collect(),
    )
}

pub fn diagnostics_json(ds: &Dataset) -> Value {
    Value::Array(
        ds.diags
            .iter()
            .map(|d| {
                json!({
                    "severity": d.severity,
                    "code": d.code,
                    "unit": d.unit,
                    "file": d.file,
                    "sheet": d.sheet,
                    "cell": d.cell,
                    "message": d.message,
                    "hint": d.hint,
                })
            })
            .collect(),
    )
}

pub fn check_json(ds: &Dataset) -> Value {
    let c = crate::check::counts(&ds.diags);
    json!({
        "summary": {"errors": c.errors, "warnings": c.warnings, "infos": c.infos, "files": ds.files.len()},
        "files": files_json(ds),
        "diagnostics": diagnostics_json(ds),
    })
}
