//! Building the register (村居名册) from the sheets read, or, without one, from the names the ledgers
//! use; and reading a register file on its own for `template --register`.

use crate::diag::{cell_ref, Diagnostic};
use crate::ingest::FileStatus;
use crate::ledger::header::Recogniser;
use crate::ledger::schema::{Kind, RegisterCol, Specs, UnitCategory};
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::resolve::load::LoadOptions;
use crate::resolve::read::{read_file, FileRead};
use crate::resolve::units::{Register, Unit, UnitKind};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The register comes from the office's 村居名册 sheet(s). Without one, units are taken from the names
/// the ledgers use, and that is an error to fix.
pub(crate) fn build_register(
    reads: &[FileRead],
    specs: &Specs,
    town: &str,
    diags: &mut Vec<Diagnostic>,
) -> Register {
    let spec = specs.get(Kind::Register);
    let mut units: Vec<Unit> = Vec::new();
    let mut names: HashSet<String> = HashSet::new();
    let mut found_sheet = false;
    // (units may be replaced below when there is no register at all)
    for fr in reads {
        for s in fr.sheets.iter().filter(|s| s.header.kind == Kind::Register) {
            found_sheet = true;
            for row in &s.rows {
                let f = crate::ledger::records::Fields::new(spec, row);
                let name = f.text(RegisterCol::Name);
                if name.is_empty() {
                    continue;
                }
                let kind = match f
                    .choice(RegisterCol::Category)
                    .and_then(UnitCategory::from_index)
                {
                    Some(UnitCategory::Village) => UnitKind::Village,
                    Some(UnitCategory::Community) => UnitKind::Community,
                    Some(UnitCategory::TownUnit) => UnitKind::TownUnit,
                    None => continue,
                };
                let households = f.count(RegisterCol::Households);
                if households.is_none() && kind.is_village_level() {
                    if let Some(c) = s.header.cols[spec.col(RegisterCol::Households)] {
                        diags.push(
                            Diagnostic::error(
                                "missing_value",
                                format!("村居名册中“{name}”的户数为空"),
                            )
                            .at(&fr.path, &s.name, cell_ref(row.row, c))
                            .hint("请填写户籍户数，走访覆盖率以它为分母"),
                        );
                    }
                }
                if !names.insert(crate::text::unit_key(&name)) {
                    continue;
                }
                let aliases = f
                    .text(RegisterCol::Alias)
                    .split(['、', ',', '，', ';', '；', '/'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect();
                units.push(Unit {
                    name,
                    kind,
                    households,
                    grids: f.count(RegisterCol::Grids),
                    population: f.count(RegisterCol::Population),
                    aliases,
                });
            }
        }
    }
    if !found_sheet {
        diags.push(
            Diagnostic::error(
                "no_register",
                "收件箱中没有村居名册：村居名称无法核对，走访覆盖率无法计算（暂按台账中出现的名称统计）",
            )
            .hint("请把镇提升办的“村居名册”（名称、类别、户数）放入收件箱"),
        );
        units = units_named_in_ledgers(reads, specs, town);
    }
    Register::with_town(units, town)
}

/// Without a register, the units are the names the ledgers use (kind from the name's ending), so the
/// rest of the run still works and nothing is lost.
pub(crate) fn units_named_in_ledgers(reads: &[FileRead], specs: &Specs, town: &str) -> Vec<Unit> {
    let mut names: Vec<String> = Vec::new();
    let mut keys: HashSet<String> = HashSet::new();
    for fr in reads {
        for s in &fr.sheets {
            let spec = specs.get(s.header.kind);
            if spec.unit_col.is_none() {
                continue;
            }
            // (each sheet's distinct texts, in the order its rows first write them)
            for w in &s.written {
                let k = crate::text::unit_key(w);
                let k = k
                    .strip_prefix(crate::text::unit_key(town).as_str())
                    .unwrap_or(&k)
                    .to_string();
                if !k.is_empty() && keys.insert(k.clone()) {
                    names.push(k);
                }
            }
        }
    }
    names.sort();
    names
        .into_iter()
        .map(|name| Unit {
            kind: if name.ends_with("社区") {
                UnitKind::Community
            } else if name.ends_with('村') {
                UnitKind::Village
            } else {
                UnitKind::TownUnit
            },
            name,
            households: None,
            grids: None,
            population: None,
            aliases: Vec::new(),
        })
        .collect()
}

/// The unit names of a register file (for `template --register`).
pub fn register_names(path: &Path, plan: &Plan, specs: &Specs) -> Result<Vec<String>, String> {
    let calendar = Calendar::new(plan);
    let recogniser = Recogniser::new(specs);
    let (dir, rel) = match (path.parent(), path.file_name()) {
        (Some(d), Some(f)) => (d.to_path_buf(), PathBuf::from(f)),
        _ => return Err(format!("“{}”不是文件", path.display())),
    };
    let read = read_file(
        &dir,
        &rel,
        plan,
        specs,
        &calendar,
        &recogniser,
        &LoadOptions::default(),
    );
    if let Some(e) = read
        .entries
        .iter()
        .find(|e| e.status == FileStatus::Unreadable || e.status == FileStatus::Skipped)
    {
        return Err(format!(
            "无法读取村居名册“{}”：{}",
            path.display(),
            e.reason
        ));
    }
    let mut diags = Vec::new();
    let reg = build_register(&[read], specs, &plan.town.name, &mut diags);
    if reg.units.is_empty() {
        return Err(format!(
            "“{}”中没有找到村居名册（需要“名称”“类别”“户数”列）",
            path.display()
        ));
    }
    Ok(reg.units.into_iter().map(|u| u.name).collect())
}
