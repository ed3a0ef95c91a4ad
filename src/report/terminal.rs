//! `shuangti check`: every problem, grouped by unit and file, and a summary line.

use crate::diag::{Diagnostic, Location, Severity};
use crate::ingest::FileStatus;
use crate::resolve::load::Dataset;
use indexmap::IndexMap;
use std::borrow::Cow;
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

/// The terminal report; with `all_columns`, every sheet's every column as it was read.
pub fn render(ds: &Dataset, all_columns: bool) -> String {
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
        let _ = writeln!(out, "【{}】", escape(unit));
        for (file, diags) in files {
            let _ = writeln!(out, "  {}", escape(file));
            for d in diags {
                let place = Location::in_file(&d.sheet, &d.cell);
                let place = if place.is_empty() {
                    String::new()
                } else {
                    format!("{}  ", escape(&place.to_string()))
                };
                let _ = write!(out, "    {} {place}{}", d.severity.zh(), escape(&d.message));
                if !d.hint.is_empty() {
                    let _ = write!(out, "。改法：{}", escape(&d.hint));
                }
                let _ = writeln!(out, "  [{}]", d.code);
            }
        }
    }
    out.push_str(&skipped(ds));
    out.push_str(&columns_read(ds, all_columns));
    let _ = writeln!(out, "{}", summary(ds));
    out
}

/// Every file that was skipped or could not be read, with the reason (empty when none was).
pub fn skipped(ds: &Dataset) -> String {
    let mut out = String::new();
    for f in &ds.files {
        // A skipped file's reason ends with 已跳过; an unreadable one's says what is wrong.
        let label = match f.status {
            FileStatus::Skipped => "",
            FileStatus::Unreadable if f.sheet.is_empty() => "无法读取。",
            _ => continue,
        };
        if out.is_empty() {
            out.push_str("未读取的文件：\n");
        }
        let _ = writeln!(out, "  {}：{label}{}", escape(&f.path), escape(&f.reason));
    }
    out
}

/// 读表：one line per sheet whose header was not all read by name or alias (a word family, a cell
/// not used or not guessed), so the office sees how its sheets were read; with `all`, one per
/// sheet read, with every column.
fn columns_read(ds: &Dataset, all: bool) -> String {
    let mut out = String::new();
    for f in &ds.files {
        let line = if all {
            crate::ledger::header::columns_line_all(&f.columns)
        } else {
            crate::ledger::header::columns_line(&f.columns)
        };
        if let (Some(k), false) = (f.kind, line.is_empty()) {
            let _ = writeln!(
                out,
                "读表 {} › {}（{}）：{}",
                escape(&f.path),
                escape(&f.sheet),
                k.zh(),
                escape(&line)
            );
        }
    }
    out
}

/// Text from the ledgers (cells, sheet and file names) made safe to print: control characters
/// (ESC, which can clear the screen or recolour it, a newline that could forge a line of the report,
/// a carriage return that could overwrite one) and the characters that reorder a line are shown
/// escaped, e.g. `\u{1b}`, `\n`.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like [`escape`], line by line: our own multi-line messages keep their lines.
pub fn escape_lines(s: &str) -> String {
    s.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
