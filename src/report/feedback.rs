//! `check --feedback DIR`: one workbook per unit listing its own problems (退回修改清单), ready to send
//! back to the village: where each problem is (file › sheet › cell) and how to fix it.

use crate::diag::Diagnostic;
use crate::plan::Plan;
use crate::report::output::{check_writable, join_inside, safe_file_name, OutputError};
use crate::report::style::{new_workbook, sheet_name, write_table, Cell, Styles, Table};
use crate::resolve::load::Dataset;
use indexmap::IndexMap;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The unit name used for problems that belong to no unit.
pub const UNASSIGNED: &str = "未归属";

/// `退回修改清单_东庄村.xlsx`, made one safe file name whatever the unit's name holds (a unit named
/// `../../x` stays in the folder: [`safe_file_name`]).
pub fn file_name(unit: &str) -> String {
    safe_file_name(&format!("退回修改清单_{unit}"), ".xlsx")
}

/// The file name of each unit, in order, distinct even where two names become alike once made safe or
/// differ only in case (as Windows and macOS compare names): the later ones get `(2)`, `(3)` ….
pub fn file_names<'a>(units: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken = HashSet::new();
    let mut names = Vec::new();
    for unit in units {
        let mut name = file_name(unit);
        let mut n = 1;
        while !taken.insert(name.to_lowercase()) {
            n += 1;
            name = file_name(&format!("{unit}({n})"));
        }
        names.push(name);
    }
    names
}

/// Writes one workbook per unit that has problems; returns the paths written. Each list goes to its own
/// unit only, so messages quote in full what the unit typed (`Diagnostic::message_in_full`), a name or
/// phone in the wrong column included; every other output shows them masked.
pub fn write_feedback(
    plan: &Plan,
    ds: &Dataset,
    dir: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, OutputError> {
    let mut by_unit: IndexMap<&str, Vec<&Diagnostic>> = IndexMap::new();
    for d in &ds.diags {
        let u = if d.unit.is_empty() {
            UNASSIGNED
        } else {
            d.unit.as_str()
        };
        by_unit.entry(u).or_default().push(d);
    }
    by_unit.sort_keys();
    let names = file_names(by_unit.keys().copied());
    check_writable(dir, &names, force)?;
    let date = crate::figures::feedback::document_date(ds, plan);
    let mut written = Vec::new();
    for ((unit, diags), name) in by_unit.iter().zip(&names) {
        let mut wb = new_workbook(date, &plan.town.office, &format!("{unit}台账退回修改清单"));
        let st = Styles::new();
        let mut taken = HashSet::new();
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name("退回修改清单", &mut taken))
            .map_err(|source| xlsx_err(dir, name, source))?;
        let crate::report::terminal::Counts {
            errors, warnings, ..
        } = crate::report::terminal::counts(diags.iter().copied());
        let mut t = Table::new(
            format!("{unit}“双提升”台账退回修改清单"),
            [
                "序号",
                "文件",
                "工作表",
                "单元格",
                "严重程度",
                "问题",
                "改法",
            ],
        )
        .subtitle(format!(
            "{}  共 {} 个问题（错误 {errors} 个须改正后重新报送，警告 {warnings} 个请核实）",
            plan.town.office,
            diags.len()
        ));
        for (i, d) in diags.iter().enumerate() {
            t = t.row(vec![
                Cell::Int(i as i64 + 1),
                Cell::text(&d.file),
                Cell::text(&d.sheet),
                Cell::Center(d.cell.clone()),
                Cell::severity(d.severity),
                Cell::text(d.message_in_full()), // (the village's own values, in full)
                Cell::text(&d.hint),
            ]);
        }
        write_table(ws, &st, 0, &t).map_err(|source| xlsx_err(dir, name, source))?;
        let path = join_inside(dir, name)?;
        crate::report::save(&mut wb, &path, force)?;
        written.push(path);
    }
    Ok(written)
}

fn xlsx_err(dir: &Path, name: &str, source: rust_xlsxwriter::XlsxError) -> OutputError {
    OutputError::Xlsx {
        path: dir.join(name),
        source,
    }
}
