//! The lists every `--json` carries: `files[]` (what each file and sheet became), `diagnostics[]`
//! (each problem, with its period in a report), and the whole of `check --json`.
//!
//! They are the bulk of a district's JSON (10,001 files, tens of thousands of problems): each is
//! serialised straight from the dataset ([`Files`], [`Diags`]), never built as a `Value` tree first.

use super::doc::{Doc, Part};
use crate::diag::Diagnostic;
use crate::resolve::dataset::FileEntry;
use crate::resolve::load::Dataset;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{json, Value};

/// `files[]`: `{path, kind, sheet, rows, status, reason, units, detail, columns}` per entry (`detail`
/// is the reading library's own words, English, for the maintainer: never on a sheet).
pub struct Files<'a>(pub &'a [FileEntry]);

impl Serialize for Files<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut seq = ser.serialize_seq(Some(self.0.len()))?;
        for f in self.0 {
            seq.serialize_element(&File(f))?;
        }
        seq.end()
    }
}

struct File<'a>(&'a FileEntry);

impl Serialize for File<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        let mut m = ser.serialize_map(Some(9))?;
        m.serialize_entry("path", &f.path)?;
        m.serialize_entry("kind", &f.kind.map(|k| k.key()))?;
        m.serialize_entry("sheet", &f.sheet)?;
        m.serialize_entry("rows", &f.rows)?;
        m.serialize_entry("status", &f.status)?;
        m.serialize_entry("reason", &f.reason)?;
        m.serialize_entry("units", &f.units)?;
        m.serialize_entry("detail", &f.detail)?;
        m.serialize_entry("columns", &f.columns)?;
        m.end()
    }
}

/// `diagnostics[]`: each problem's `{severity, code, unit, file, sheet, cell, message, hint}`, then in a
/// report its period (`week`: the issue, or `month`: `YYYY-MM`) and, for a rule finding, the campaign
/// weeks it held (`weeks`).
pub struct Diags<'a> {
    pub list: Vec<&'a Diagnostic>,
    pub period: Option<(&'static str, Value)>,
}

impl Serialize for Diags<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut seq = ser.serialize_seq(Some(self.list.len()))?;
        for d in &self.list {
            seq.serialize_element(&Diag(d, self.period.as_ref()))?;
        }
        seq.end()
    }
}

struct Diag<'a>(&'a Diagnostic, Option<&'a (&'static str, Value)>);

impl Serialize for Diag<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("severity", &d.severity)?;
        m.serialize_entry("code", d.code)?;
        m.serialize_entry("unit", &d.unit)?;
        m.serialize_entry("file", &d.file)?;
        m.serialize_entry("sheet", &d.sheet)?;
        m.serialize_entry("cell", &d.cell)?;
        m.serialize_entry("message", &d.message)?;
        m.serialize_entry("hint", &d.hint)?;
        if let Some((key, value)) = self.1 {
            m.serialize_entry(key, value)?;
        }
        if !d.weeks.is_empty() {
            m.serialize_entry("weeks", &d.weeks)?;
        }
        m.end()
    }
}

pub fn files_json(ds: &Dataset) -> Value {
    serde_json::to_value(Files(&ds.files)).expect("json")
}

pub fn diagnostics_json(ds: &Dataset) -> Value {
    diags_json(&ds.diags.iter().collect::<Vec<_>>())
}

/// The whole of `check --json`: `summary`, `files`, `diagnostics`.
pub fn check_doc(ds: &Dataset) -> Doc<'_> {
    let c = crate::report::terminal::counts(&ds.diags);
    Doc {
        head: vec![(
            "summary",
            json!({"errors": c.errors, "warnings": c.warnings, "infos": c.infos, "files": ds.files.len()}),
        )],
        tail: vec![
            ("files", Part::Files(Files(&ds.files))),
            (
                "diagnostics",
                Part::Diags(Diags {
                    list: ds.diags.iter().collect(),
                    period: None,
                }),
            ),
        ],
    }
}

pub fn check_json(ds: &Dataset) -> Value {
    serde_json::to_value(check_doc(ds)).expect("json")
}

pub(super) fn diags_json(list: &[&Diagnostic]) -> Value {
    serde_json::to_value(Diags {
        list: list.to_vec(),
        period: None,
    })
    .expect("json")
}
