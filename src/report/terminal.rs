//! `shuangti check`: every problem, grouped by unit and file, and a summary line.

use crate::diag::{Diagnostic, Severity};
use crate::ingest::FileStatus;
use crate::resolve::load::Dataset;
use indexmap::IndexMap;
use std::fmt::Write;

/// Counts for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

pub fn counts<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Counts {
    let mut c = Counts::default();
    for d in diags {
        match d.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info => c.infos += 1,
        }
    }
    c
}

/// The terminal report.
pub fn render(ds: &Dataset) -> String {
    let mut out = String::new();
    let mut by_unit: IndexMap<&str, IndexMap<&str, Vec<&Diagnostic>>> = IndexMap::new();
    for d in &ds.diags {
        let unit = if d.unit.is_empty() {
            "（未归属到村居）"
        } else {
            d.unit.as_str()
        };
        let file = if d.file.is_empty() {
            "（整体）"
        } else {
            d.file.as_str()
        };
        by_unit
            .entry(unit)
            .or_default()
            .entry(file)
            .or_default()
            .push(d);
    }
    by_unit.sort_keys();
    for (unit, files) in &by_unit {
        let _ = writeln!(out, "【{unit}】");
        for (file, diags) in files {
            let _ = writeln!(out, "  {file}");
            for d in diags {
                let place = [d.sheet.as_str(), d.cell.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" › ");
                let place = if place.is_empty() {
                    String::new()
                } else {
                    format!("{place}  ")
                };
                let _ = write!(out, "    {} {place}{}", d.severity.zh(), d.message);
                if !d.hint.is_empty() {
                    let _ = write!(out, "。改法：{}", d.hint);
                }
                let _ = writeln!(out, "  [{}]", d.code);
            }
        }
    }
    out.push_str(&columns_read(ds));
    let _ = writeln!(out, "{}", summary(ds));
    out
}

/// 读表：one line per sheet whose header was not all read by name or alias (a word family, a cell
/// not used or not guessed), so the office sees how its sheets were read.
fn columns_read(ds: &Dataset) -> String {
    let mut out = String::new();
    for f in &ds.files {
        let line = crate::ledger::header::columns_line(&f.columns);
        if let (Some(k), false) = (f.kind, line.is_empty()) {
            let _ = writeln!(out, "读表 {} › {}（{}）：{line}", f.path, f.sheet, k.zh());
        }
    }
    out
}

/// 读取 N 个文件，识别台账 M 张（走访台账 3、周报 10 …），数据 R 行；错误 e 个，警告 w 个，提示 i 个。
pub fn summary(ds: &Dataset) -> String {
    let mut files: Vec<&str> = ds.files.iter().map(|f| f.path.as_str()).collect();
    files.dedup();
    let mut kinds: IndexMap<&str, usize> = IndexMap::new();
    let mut rows = 0;
    let mut sheets = 0;
    for f in &ds.files {
        if let (Some(k), FileStatus::Used | FileStatus::Duplicate) = (f.kind, f.status) {
            *kinds.entry(k.zh()).or_default() += 1;
            rows += f.rows;
            sheets += 1;
        }
    }
    let skipped = ds
        .files
        .iter()
        .filter(|f| matches!(f.status, FileStatus::Skipped | FileStatus::Unreadable))
        .count();
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let c = counts(&ds.diags);
    format!(
        "汇总：读取 {} 个文件（跳过或无法读取 {skipped} 个），识别台账 {sheets} 张（{}），数据 {rows} 行；错误 {} 个，警告 {} 个，提示 {} 个。",
        files.len(),
        if kinds.is_empty() { "无".to_string() } else { kinds.join("、") },
        c.errors,
        c.warnings,
        c.infos
    )
}
