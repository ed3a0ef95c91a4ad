//! Building the register (村居名册) from the sheets read, or, without one, from the names the ledgers
//! use; and reading a register file on its own for `template --register`.

use crate::diag::{cell_ref, Diagnostic};
use crate::ingest::FileStatus;
use crate::ledger::header::Recogniser;
use crate::ledger::schema::{Kind, RegisterCol, Spec, Specs, UnitCategory};
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::resolve::read::{read_file, FileRead, LoadOptions, SheetRead};
use crate::resolve::units::{Register, Unit, UnitKind};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

mod conflict;
use conflict::{conflict, Conflict};

/// The register comes from the office's 村居名册 sheet(s): only those in a folder `office` accepts
/// (the plan's `[register] folders`). A register-like sheet anywhere else is not read as the register
/// (its entry is marked skipped and its sheet dropped), so a village cannot change any unit's 户数; it
/// is reported, as an error naming both files when it disagrees with the office's. A second office
/// register adds the units the first lacks; where they disagree the first is kept and that is an
/// error naming both. Without any register, units are taken from the names the ledgers use, and that
/// is an error to fix.
pub(crate) fn build_register(
    reads: &mut [FileRead],
    specs: &Specs,
    plan: &Plan,
    office: &dyn Fn(&str) -> bool,
    diags: &mut Vec<Diagnostic>,
) -> Register {
    let mut draft = RegisterDraft::from_office(reads, specs, office, diags);
    for fr in reads.iter_mut() {
        draft.outside(fr, specs, plan, office, diags);
    }
    draft.finish(reads, specs, plan, office, diags)
}

/// The register as the office's files give it, before the other files are looked at: those may
/// still hold register-like sheets, compared with it (`outside`) and reported when it is finished.
pub(crate) struct RegisterDraft {
    units: Vec<Unit>,
    /// Per unit (by `unit_key`): its index in `units` and the file it came from.
    taken: HashMap<String, (usize, String)>,
    found_sheet: bool,
    conflicts: Vec<Conflict>,
    office_file: Option<String>,
}

impl RegisterDraft {
    /// The units of the register sheets in the files `office` accepts (the others are passed over).
    pub(crate) fn from_office(
        reads: &[FileRead],
        specs: &Specs,
        office: &dyn Fn(&str) -> bool,
        diags: &mut Vec<Diagnostic>,
    ) -> RegisterDraft {
        let spec = specs.get(Kind::Register);
        let mut d = RegisterDraft {
            units: Vec::new(),
            taken: HashMap::new(),
            found_sheet: false,
            conflicts: Vec::new(),
            office_file: None,
        };
        for fr in reads.iter().filter(|fr| office(&fr.path)) {
            for s in fr.sheets.iter().filter(|s| s.header.kind == Kind::Register) {
                d.found_sheet = true;
                for unit in sheet_units(spec, &fr.path, s, Some(&mut *diags)) {
                    let key = crate::text::unit_key(&unit.name);
                    match d.taken.get(&key) {
                        None => {
                            d.taken.insert(key, (d.units.len(), fr.path.clone()));
                            d.units.push(unit);
                        }
                        Some((i, from)) if *from != fr.path => conflict(
                            &mut d.conflicts,
                            spec,
                            &d.units[*i],
                            from,
                            &unit,
                            &fr.path,
                            s,
                        ),
                        Some(_) => {} // the same unit twice in one file: the first row counts
                    }
                }
            }
        }
        d.office_file = reads
            .iter()
            .find(|fr| {
                office(&fr.path) && fr.sheets.iter().any(|s| s.header.kind == Kind::Register)
            })
            .map(|fr| fr.path.clone());
        d
    }

    /// Whether the office's files hold a register sheet.
    pub(crate) fn found(&self) -> bool {
        self.found_sheet
    }

    /// The register as it stands (the office's units; only a finished draft reports conflicts).
    pub(crate) fn register(&self, plan: &Plan) -> Register {
        Register::with_town(self.units.clone(), &plan.town.name)
    }

    /// A file outside the office's folders: its register-like sheets are dropped (marked skipped)
    /// and compared with the office's register.
    pub(crate) fn outside(
        &mut self,
        fr: &mut FileRead,
        specs: &Specs,
        plan: &Plan,
        office: &dyn Fn(&str) -> bool,
        diags: &mut Vec<Diagnostic>,
    ) {
        if office(&fr.path) || !fr.sheets.iter().any(|s| s.header.kind == Kind::Register) {
            return;
        }
        let spec = specs.get(Kind::Register);
        let folders = plan.register.names();
        let (outside, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut fr.sheets)
            .into_iter()
            .partition(|s| s.header.kind == Kind::Register);
        fr.sheets = kept;
        for s in outside {
            let e = &mut fr.entries[s.entry];
            e.status = FileStatus::Skipped;
            e.reason = format!("村居名册只从{folders}文件夹读取，此表未作为名册读取");
            let before = self.conflicts.len();
            for unit in sheet_units(spec, &fr.path, &s, None) {
                if let Some((i, from)) = self.taken.get(&crate::text::unit_key(&unit.name)) {
                    conflict(
                        &mut self.conflicts,
                        spec,
                        &self.units[*i],
                        from,
                        &unit,
                        &fr.path,
                        &s,
                    );
                }
            }
            if self.conflicts.len() == before {
                let whose = match &self.office_file {
                    Some(f) => format!("村居名册以“{f}”为准"),
                    None => format!(
                        "村居名册须由镇提升办放在收件箱的“{}”文件夹中",
                        plan.register
                            .folders
                            .first()
                            .map_or("办公室", String::as_str)
                    ),
                };
                diags.push(
                    Diagnostic::warning(
                        "register_outside_office",
                        format!("“{}”看起来是村居名册，但不在{folders}文件夹中，未作为名册读取；{whose}", fr.path),
                    )
                    .at(&fr.path, &s.name, "")
                    .hint("村居名册由镇提升办提供；村（社区）不必报送名册"),
                );
            }
        }
    }

    /// The register, with every conflict reported; without any register sheet, the units are the
    /// names the ledgers of `reads` use (and that is an error).
    pub(crate) fn finish(
        self,
        reads: &[FileRead],
        specs: &Specs,
        plan: &Plan,
        office: &dyn Fn(&str) -> bool,
        diags: &mut Vec<Diagnostic>,
    ) -> Register {
        let town = plan.town.name.as_str();
        let mut units = self.units;
        for c in self.conflicts {
            diags.push(c.diagnostic(office(&c.file)));
        }
        if !self.found_sheet {
            diags.push(
                Diagnostic::error(
                    "no_register",
                    "收件箱中没有村居名册：村居名称无法核对，走访覆盖率无法计算（暂按台账中出现的名称统计）",
                )
                .hint(format!(
                    "请把镇提升办的“村居名册”（名称、类别、户数）放入收件箱的“{}”文件夹",
                    plan.register.folders.first().map_or("办公室", String::as_str)
                )),
            );
            units = units_named_in_ledgers(reads, specs, town);
        }
        Register::with_town(units, town)
    }
}

/// A register sheet's units in row order (rows without a name or a valid 类别 are left out); with
/// `diags`, a village-level unit without 户数 is an error at its cell.
fn sheet_units(
    spec: &Spec,
    path: &str,
    s: &SheetRead,
    mut diags: Option<&mut Vec<Diagnostic>>,
) -> Vec<Unit> {
    let mut units = Vec::new();
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
        if let (None, true, Some(diags)) = (households, kind.is_village_level(), diags.as_mut()) {
            if let Some(c) = s.header.cols[spec.col(RegisterCol::Households)] {
                diags.push(
                    Diagnostic::error("missing_value", format!("村居名册中“{name}”的户数为空"))
                        .at(path, &s.name, cell_ref(row.row, c))
                        .hint("请填写户籍户数，走访覆盖率以它为分母"),
                );
            }
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
    units
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

/// The unit names of a register file.
pub fn register_names(path: &Path, plan: &Plan, specs: &Specs) -> Result<Vec<String>, String> {
    Ok(register_units(path, plan, specs)?
        .into_iter()
        .map(|u| u.name)
        .collect())
}

/// The units of a register file, in register order with their kind, 户数 and 网格数 (for
/// `template --register`: the dropdowns and one pack per unit).
pub fn register_units(path: &Path, plan: &Plan, specs: &Specs) -> Result<Vec<Unit>, String> {
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
        &Default::default(),
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
    // (the file named on the command line is the register wherever it is)
    let reg = build_register(&mut [read], specs, plan, &|_| true, &mut diags);
    if reg.units.is_empty() {
        return Err(format!(
            "“{}”中没有找到村居名册（需要“名称”“类别”“户数”列）",
            path.display()
        ));
    }
    Ok(reg.units)
}
