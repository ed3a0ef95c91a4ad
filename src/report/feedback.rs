//! `check --feedback DIR`: one workbook per unit listing its own problems (退回修改清单), ready to send
//! back to the village: where each problem is (file › sheet › cell) and how to fix it.

use crate::diag::Diagnostic;
use crate::figures::feedback::Header;
use crate::plan::Plan;
use crate::report::output::{check_writable, join_inside, safe_file_name, OutputError};
use crate::report::style::{
    new_workbook, sheet_name, write_merged, write_table, write_title, Cell, Styles, Table,
};
use crate::resolve::load::Dataset;
use chrono::{Datelike, NaiveDate};
use indexmap::IndexMap;
use rust_xlsxwriter::{ColNum, RowNum, Worksheet};
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
    let header = Header::new(ds, plan);
    let mut written = Vec::new();
    for ((unit, diags), name) in by_unit.iter().zip(&names) {
        let mut wb = new_workbook(
            header.date,
            &plan.town.office,
            &format!("{unit}台账退回修改清单"),
        );
        let st = Styles::new();
        let mut taken = HashSet::new();
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name("退回修改清单", &mut taken))
            .map_err(|source| xlsx_err(dir, name, source))?;
        write_list(ws, &st, plan, &header, unit, diags)
            .map_err(|source| xlsx_err(dir, name, source))?;
        let path = join_inside(dir, name)?;
        crate::report::save(&mut wb, &path, force)?;
        written.push(path);
    }
    Ok(written)
}

/// Columns of the list.
const HEADERS: [&str; 8] = [
    "序号",
    "严重程度",
    "问题类别",
    "文件",
    "工作表",
    "单元格",
    "问题",
    "改法",
];

/// The title, the lines a clerk needs before the problems (who sends it and when, which period the
/// data reaches, by when to resubmit), then the problems: errors, warnings, notes.
fn write_list(
    ws: &mut Worksheet,
    st: &Styles,
    plan: &Plan,
    h: &Header,
    unit: &str,
    diags: &[&Diagnostic],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let cols = HEADERS.len() as ColNum;
    write_title(ws, st, 0, cols, &format!("{unit}“双提升”台账退回修改清单"))?;
    for (i, line) in header_lines(plan, h).iter().enumerate() {
        write_merged(ws, 1 + i as RowNum, 0, cols - 1, line, &st.subtitle)?;
    }
    let list = crate::figures::feedback::ordered(diags);
    let crate::report::terminal::Counts {
        errors,
        warnings,
        infos,
    } = crate::report::terminal::counts(list.iter().copied());
    let mut t = Table::new(
        format!("问题清单（共{}个）", list.len()),
        HEADERS,
    )
    .subtitle(format!(
        "先列错误{errors}个（须改正后重新报送），再列警告{warnings}个（请核实），最后为提示{infos}个"
    ));
    for (i, d) in list.iter().enumerate() {
        t = t.row(vec![
            Cell::Int(i as i64 + 1),
            Cell::severity(d.severity),
            Cell::text(crate::report::labels::shown(d.code)),
            Cell::text(&d.file),
            Cell::text(&d.sheet),
            Cell::Center(d.cell.clone()),
            Cell::text(d.message_in_full()), // (the village's own values, in full)
            Cell::text(&d.hint),
        ]);
    }
    write_table(ws, st, HEADER_LINES as RowNum + 1, &t)?;
    Ok(())
}

/// Lines under the title.
const HEADER_LINES: usize = 3;

/// `发文：水泉镇“双提升”领导小组办公室　日期：2021年6月14日`, the period the data reaches, and the
/// resubmission deadline.
fn header_lines(plan: &Plan, h: &Header) -> [String; HEADER_LINES] {
    let zh = |d: NaiveDate| format!("{}年{}月{}日", d.year(), d.month(), d.day());
    let period = match h.week {
        Some(w) => format!(
            "台账统计期：第{}期（{}至{}），数据截至{}",
            w.issue,
            w.start.format("%Y-%m-%d"),
            w.end.format("%m-%d"),
            zh(h.date)
        ),
        None => format!("台账数据截至{}", zh(h.date)),
    };
    let deadline = match h.resubmit_days {
        0 => "重新报送期限：收到后即日改正并重新报送".to_string(),
        n => format!("重新报送期限：收到后{n}日内改正并重新报送"),
    };
    [
        format!("{}　　{}", plan.town.office, zh(h.date)),
        period,
        deadline,
    ]
}

fn xlsx_err(dir: &Path, name: &str, source: rust_xlsxwriter::XlsxError) -> OutputError {
    OutputError::Xlsx {
        path: dir.join(name),
        source,
    }
}
