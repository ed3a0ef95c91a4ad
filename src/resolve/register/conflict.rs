//! A second register that disagrees with the one taken: the differences, per file and sheet, and
//! the error that names both files.

use crate::diag::Diagnostic;
use crate::ledger::schema::{RegisterCol, Spec};
use crate::resolve::read::SheetRead;
use crate::resolve::units::Unit;

/// A register that disagrees with the one taken (per file and sheet, the differences found).
pub(super) struct Conflict {
    pub(super) file: String,
    sheet: String,
    taken_from: String,
    differences: Vec<String>,
}

impl Conflict {
    /// In the office's folder: the first register is kept; outside it: not read at all.
    pub(super) fn diagnostic(&self, in_office: bool) -> Diagnostic {
        let what = if in_office {
            format!("已采用“{}”，本表中不一致的单位未采用", self.taken_from)
        } else {
            format!(
                "本表不在镇提升办的文件夹中，未作为名册读取，仍以“{}”为准",
                self.taken_from
            )
        };
        let mut shown: Vec<&str> = self.differences.iter().map(String::as_str).collect();
        let more = shown.len() > 5;
        shown.truncate(5);
        Diagnostic::error(
            "register_conflict",
            format!(
                "“{}”中的村居名册与“{}”不一致（{}{}）：{what}",
                self.file,
                self.taken_from,
                shown.join("；"),
                if more { "等" } else { "" }
            ),
        )
        .at(&self.file, &self.sheet, "")
        .hint("村居名册只应由镇提升办提供一份；请核实后删除或改正有误的名册")
    }
}

/// Records where `other` (from `file`) disagrees with the unit `first` taken from `from`.
pub(super) fn conflict(
    conflicts: &mut Vec<Conflict>,
    spec: &Spec,
    first: &Unit,
    from: &str,
    other: &Unit,
    file: &str,
    s: &SheetRead,
) {
    let col = |c: RegisterCol| spec.columns[spec.col(c)].name.as_str();
    let n = |v: Option<u32>| v.map_or("空".to_string(), |v| v.to_string());
    let mut diffs = Vec::new();
    if first.kind != other.kind {
        diffs.push(format!(
            "{}{} {} / {}",
            first.name,
            col(RegisterCol::Category),
            first.kind.zh(),
            other.kind.zh()
        ));
    }
    for (c, a, b) in [
        (RegisterCol::Households, first.households, other.households),
        (RegisterCol::Grids, first.grids, other.grids),
        (RegisterCol::Population, first.population, other.population),
    ] {
        if a != b && b.is_some() {
            diffs.push(format!("{}{} {} / {}", first.name, col(c), n(a), n(b)));
        }
    }
    if diffs.is_empty() {
        return;
    }
    match conflicts
        .iter_mut()
        .find(|c| c.file == file && c.sheet == s.name)
    {
        Some(c) => c.differences.extend(diffs),
        None => conflicts.push(Conflict {
            file: file.to_string(),
            sheet: s.name.clone(),
            taken_from: from.to_string(),
            differences: diffs,
        }),
    }
}
