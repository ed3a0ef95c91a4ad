//! `shuangti template -o DIR [--register 名册.xlsx] [--unit 名称]`: the ledger workbooks the office
//! sends out. The blank set has one workbook per ledger kind plus the plan in force as `plan.toml`;
//! with a register, each unit also gets its own pack (a folder with the ledgers it keeps, its name
//! already written and the only choice of its 村居 column, its 户数 and 网格数 in the notes).
//!
//! Every template is drawn from the ledger declarations (`ledger::schema`) and the plan: the header
//! row is exactly the canonical column names, so what a village sends back is recognised without
//! guessing; every column the plan fixes has a validation (approved slogans, campaign weeks and
//! dates, statuses, phone lengths, the units that keep the ledger); 填表说明 lists each column as
//! declared. A grey example row (first cell `示例：…`) shows how to fill it and is never read. The
//! document date is the plan's first campaign week, so the same plan always gives byte-identical files.
//!
//! This file says what is written where; `sheet` writes the ledger sheet, `validation` each column's
//! rule and messages, `example` the example row, `help` the 填表说明 sheet.

mod example;
mod help;
mod sheet;
mod validation;

pub use crate::ledger::parse::EXAMPLE_MARK;
pub use validation::OTHER_SLOGAN;

use crate::ledger::schema::{Kind, Spec, Specs};
use crate::plan::Plan;
use crate::report::output::{check_writable, safe_file_name, write_atomic, OutputError};
use crate::report::style::{fit, new_template_workbook, Styles, Widths, NAME_MAX};
use crate::resolve::units::{Unit, UnitKind};
use help::help_sheet;
use rust_xlsxwriter::{column_number_to_name, ColNum, RowNum, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

/// Rows below the example row that are bordered, typed and validated in each template.
pub const ROWS: RowNum = 2000;
/// The hidden sheet holding the dropdown lists.
pub const LISTS_SHEET: &str = "列表";
/// The sheet explaining how to fill the ledger.
pub const HELP_SHEET: &str = "填表说明";
/// Row of the header in the ledger sheet (0-based; row 1 is the title, row 2 a one-line hint).
pub const HEADER_ROW: RowNum = 2;
/// The grey example row, right below the header.
pub const EXAMPLE_ROW: RowNum = HEADER_ROW + 1;
/// The first row a village fills.
pub const FIRST_ROW: RowNum = HEADER_ROW + 2;

/// For whom a template is written.
#[derive(Debug, Clone, Copy)]
pub enum Recipient<'a> {
    /// The blank set: the 村居 dropdown offers the register's units that keep the ledger (no
    /// dropdown without a register).
    All(&'a [Unit]),
    /// One unit's pack: its name is the only choice and is already written.
    One(&'a Unit),
}

impl<'a> Recipient<'a> {
    /// The names the 村居 column of `kind` may hold, in register order (empty: any).
    fn unit_names(self, kind: Kind) -> Vec<String> {
        match self {
            Recipient::All(units) => units
                .iter()
                .filter(|u| named_in(kind, u.kind))
                .map(|u| u.name.clone())
                .collect(),
            Recipient::One(u) => vec![u.name.clone()],
        }
    }

    fn unit(self) -> Option<&'a Unit> {
        match self {
            Recipient::One(u) => Some(u),
            Recipient::All(_) => None,
        }
    }
}

/// Whether a unit of this kind may be named in a `kind` ledger: 镇直单位 hang slogans on their
/// screens, hold topic meetings and are supervised; weekly reports, visits, disputes, the
/// questionnaire, liaisons and grid officers are the villages' (see `UnitKind::is_village_level`).
pub fn named_in(kind: Kind, unit: UnitKind) -> bool {
    match kind {
        Kind::Slogan | Kind::Activity | Kind::Supervision => true,
        _ => unit.is_village_level(),
    }
}

/// Whether a unit of this kind fills `kind` itself (the office keeps the register, the officers
/// and the supervision records).
pub fn keeps(kind: Kind, unit: UnitKind) -> bool {
    !matches!(kind, Kind::Register | Kind::Officer | Kind::Supervision) && named_in(kind, unit)
}

/// The file a kind's blank template is written to, e.g. `走访台账.xlsx`.
pub fn file_name(kind: Kind) -> String {
    format!("{}.xlsx", kind.zh())
}

/// Every file `write_templates` writes, in order.
pub fn file_names() -> Vec<String> {
    let mut v: Vec<String> = Kind::ALL.iter().map(|k| file_name(*k)).collect();
    v.push("plan.toml".into());
    v
}

/// The folder of a unit's pack: its name made one safe file name (`../x` stays inside).
pub fn pack_folder(unit: &Unit) -> String {
    safe_file_name(&unit.name, "")
}

/// The ledgers in a unit's pack, with each file's path relative to the output folder, e.g.
/// `东庄村/走访台账_东庄村.xlsx`.
pub fn pack_files(unit: &Unit) -> Vec<(Kind, String)> {
    let folder = pack_folder(unit);
    Kind::ALL
        .into_iter()
        .filter(|k| keeps(*k, unit.kind))
        .map(|k| {
            let file = safe_file_name(&format!("{}_{}", k.zh(), unit.name), ".xlsx");
            (k, format!("{folder}/{file}"))
        })
        .collect()
}

/// Every file `write_packs` writes for `units`, relative to the output folder.
pub fn pack_names(units: &[Unit]) -> Vec<String> {
    units.iter().flat_map(pack_files).map(|(_, f)| f).collect()
}

/// Writes one blank workbook per ledger kind and `plan.toml` into `dir`. `units` (the register, may
/// be empty) fills the 村居 dropdowns. Refuses to replace existing files unless `force`, before
/// writing any.
pub fn write_templates(
    plan: &Plan,
    specs: &Specs,
    units: &[Unit],
    dir: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, OutputError> {
    check_writable(dir, &file_names(), force)?;
    let mut written = Vec::new();
    for kind in Kind::ALL {
        let path = dir.join(file_name(kind));
        write_one(plan, specs.get(kind), Recipient::All(units), &path, force)?;
        written.push(path);
    }
    let path = dir.join("plan.toml");
    write_atomic(&path, plan.source.as_bytes(), force)?;
    written.push(path);
    Ok(written)
}

/// Writes each unit's pack into its own folder under `dir`. Refuses to replace existing files
/// unless `force`, before writing any.
pub fn write_packs(
    plan: &Plan,
    specs: &Specs,
    units: &[Unit],
    dir: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, OutputError> {
    check_writable(dir, &pack_names(units), force)?;
    let mut written = Vec::new();
    for unit in units {
        for (kind, file) in pack_files(unit) {
            let path = dir.join(file);
            write_one(plan, specs.get(kind), Recipient::One(unit), &path, force)?;
            written.push(path);
        }
    }
    Ok(written)
}

fn write_one(
    plan: &Plan,
    spec: &Spec,
    to: Recipient,
    path: &Path,
    force: bool,
) -> Result<(), OutputError> {
    let bytes = ledger_template(plan, spec, to).map_err(|source| OutputError::Xlsx {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomic(path, &bytes, force)
}

/// Who fills a ledger, for its title.
fn filled_by(kind: Kind) -> &'static str {
    match kind {
        Kind::Register | Kind::Officer | Kind::Supervision => "镇提升办填写",
        Kind::Slogan | Kind::Activity => "村/社区及镇直单位填写",
        _ => "村/社区填写",
    }
}

/// The ledger sheet's title, e.g. `水泉镇“双提升”走访台账（村/社区填写）`, or in a pack
/// `水泉镇“双提升”走访台账（东庄村填写）`.
pub fn title(plan: &Plan, kind: Kind) -> String {
    format!(
        "{}“双提升”{}（{}）",
        plan.town.name,
        kind.zh(),
        filled_by(kind)
    )
}

fn title_for(plan: &Plan, kind: Kind, to: Recipient) -> String {
    match to.unit() {
        Some(u) => format!("{}“双提升”{}（{}填写）", plan.town.name, kind.zh(), u.name),
        None => title(plan, kind),
    }
}

/// The bytes of one ledger workbook: the ledger sheet, 填表说明, and the hidden 列表 sheet.
pub fn ledger_template(plan: &Plan, spec: &Spec, to: Recipient) -> Result<Vec<u8>, XlsxError> {
    let title = title_for(plan, spec.kind, to);
    let mut wb = new_template_workbook(plan.calendar.first_week, &plan.town.office, &title);
    let st = Styles::new();
    let mut lists = Lists::default();

    let ws = wb.add_worksheet();
    ws.set_name(spec.kind.zh())?;
    sheet::ledger_sheet(ws, &st, plan, spec, to, &title, &mut lists)?;

    let ws = wb.add_worksheet();
    ws.set_name(HELP_SHEET)?;
    help_sheet(ws, &st, plan, spec, to)?;

    let ws = wb.add_worksheet();
    ws.set_name(LISTS_SHEET)?;
    lists.write(ws, &st)?;
    ws.set_hidden(true);

    crate::report::sign_notes(&mut wb, &plan.town.office);
    wb.save_to_buffer()
}

/// The dropdown lists, one column each on the hidden lists sheet; identical lists are shared.
#[derive(Default)]
struct Lists {
    cols: Vec<(String, Vec<String>)>,
}

impl Lists {
    /// Adds a list and returns the formula that points at it.
    fn add(&mut self, name: &str, values: Vec<String>) -> String {
        let i = match self.cols.iter().position(|(_, v)| *v == values) {
            Some(i) => i,
            None => {
                // The header names what the list is for without matching any ledger column, so the
                // sheet is never taken for a ledger even when hidden sheets are read.
                self.cols.push((format!("下拉：{name}"), values));
                self.cols.len() - 1
            }
        };
        let col = column_number_to_name(i as ColNum);
        let last = self.cols[i].1.len() + 1;
        format!("='{LISTS_SHEET}'!${col}$2:${col}${last}")
    }

    fn write(&self, ws: &mut Worksheet, st: &Styles) -> Result<(), XlsxError> {
        let mut widths = Widths::new(8.0, 40.0);
        for (c, (name, values)) in self.cols.iter().enumerate() {
            let c = c as ColNum;
            ws.write_string_with_format(0, c, name, &st.header)?;
            widths.see(c, name);
            for (r, v) in values.iter().enumerate() {
                ws.write_string(r as RowNum + 1, c, fit(v, NAME_MAX))?;
                widths.see(c, v);
            }
        }
        widths.apply(ws)?;
        Ok(())
    }
}
