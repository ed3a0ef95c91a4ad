//! Matching the unit each row writes (or its sheet's title names) to the register: one lookup per
//! distinct text in a sheet, an error at the cell for a name the register does not have.

use crate::diag::{cell_ref, Diagnostic};
use crate::ledger::schema::{Kind, Specs};
use crate::resolve::dedup::RowKey;
use crate::resolve::read::SheetWork;
use crate::resolve::units::{Match, Register, UnitId};
use rustc_hash::FxHashMap;

/// How a written unit name matched the register (one lookup per distinct text in a sheet).
pub(crate) enum Written {
    Found(UnitId),
    Unknown(Option<String>),
}

/// One sheet's rows matched to units (each distinct written name looked up once; per row, None: not
/// counted), the fingerprints and occurrences of those with a unit for the duplicate check, and its
/// diagnostics with their unit.
pub(crate) fn match_units(
    w: &mut SheetWork,
    path: &str,
    register: &Register,
    specs: &Specs,
) -> Vec<Option<UnitId>> {
    let SheetWork {
        read: s,
        fingerprints,
        occurrences,
        diags,
        unit_names,
        unit_note,
        ..
    } = w;
    let kind = s.header.kind;
    let spec = specs.get(kind);
    // (register sheets never come here: their rows were read into the register, and their cell
    // problems are given their unit in `load::assemble`)
    debug_assert_ne!(kind, Kind::Register);
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|x| x.to_string_lossy().to_string())
        .unwrap_or_default();
    let named = NamedIn::new(register, &s.header.title, &s.name, &stem);
    let fallback = &named.units;
    let unit_cell = spec.unit_col.and_then(|i| s.header.cols[i]);
    // Each distinct written name is looked up once.
    let written: Vec<Written> = s
        .written
        .iter()
        .map(|w| match register.lookup(w) {
            Match::Found(id) => Written::Found(id),
            Match::Unknown { suggestion } => Written::Unknown(suggestion),
        })
        .collect();
    let mut units: Vec<UnitId> = Vec::new();
    let mut seen_here: FxHashMap<RowKey, u32> = FxHashMap::default();
    let mut row_units = Vec::with_capacity(s.rows.len());
    for row in &mut s.rows {
        let placed = spec.unit_col.and_then(|u| s.placed.get(&(row.row, u)));
        let at = |d: Diagnostic, c: Option<u32>| {
            d.at(
                path,
                &s.name,
                match (placed, c) {
                    (Some(&(r, c)), _) => cell_ref(r, c),
                    (None, Some(c)) => cell_ref(row.row, c),
                    (None, None) => format!("第{}行", row.row + 1),
                },
            )
        };
        let unit = match row.unit {
            Some(i) => match &written[i as usize] {
                Written::Found(id) => Some(*id),
                Written::Unknown(suggestion) => {
                    let hint = match suggestion {
                        Some(n) => format!("是不是“{n}”？请改为村居名册中的名称"),
                        None => "请改为村居名册中的名称".into(),
                    };
                    diags.push(at(
                        Diagnostic::error(
                            "unknown_unit",
                            format!("“{}”不在村居名册中，本行未计入", s.written[i as usize]),
                        )
                        .quoting_cell()
                        .hint(hint),
                        unit_cell,
                    ));
                    None
                }
            },
            None if fallback.len() == 1 => Some(fallback[0]),
            None => {
                if unit_cell.is_some() {
                    diags.push(at(
                        Diagnostic::error("missing_unit", "村居为空，本行未计入".to_string())
                            .hint("请填写本行所属的村（社区）或单位名称"),
                        unit_cell,
                    ));
                }
                None
            }
        };
        // The row's own problems belong to its unit (or the one the sheet names).
        let owner = unit.or_else(|| (fallback.len() == 1).then(|| fallback[0]));
        for mut d in row.diags.drain(..) {
            if let Some(u) = owner {
                d.unit = register.get(u).name.clone();
            }
            diags.push(d);
        }
        row_units.push(unit);
        if let Some(unit) = unit.filter(|u| !units.contains(u)) {
            units.push(unit);
        }
    }
    // Kept for every row with a unit until the duplicate check, so at their exact size.
    let counted = row_units.iter().flatten().count();
    fingerprints.reserve_exact(counted);
    if kind == Kind::Survey {
        occurrences.reserve_exact(counted);
    }
    for (row, unit) in s.rows.iter().zip(&row_units) {
        let Some(unit) = *unit else { continue };
        let key = RowKey::new(kind, unit, &row.values);
        fingerprints.push(key.fingerprint);
        if kind == Kind::Survey {
            // Two households may give the same answers: identical questionnaires within one
            // sheet all count; a resent sheet repeating them counts them once.
            let n = seen_here.entry(key).or_insert(0u32);
            *n += 1;
            occurrences.push(*n);
        }
    }
    if unit_cell.is_none() && fallback.len() == 1 && !s.rows.is_empty() {
        *unit_note = named.note(register);
    }
    if unit_cell.is_none() && fallback.len() != 1 && !s.rows.is_empty() {
        let msg = if fallback.is_empty() {
            "表中没有“村居”列，标题、工作表名和文件名中也找不到村（社区）名称，本表未计入"
                .to_string()
        } else {
            let names: Vec<&str> = fallback
                .iter()
                .map(|&i| register.get(i).name.as_str())
                .collect();
            format!("表中没有“村居”列，而标题、工作表名或文件名中有多个单位（{}），无法确定归属，本表未计入", names.join("、"))
        };
        diags.push(
            Diagnostic::error("unit_unresolved", msg)
                .at(path, &s.name, "")
                .hint("请增加“村居”列，或在标题/文件名中写明唯一的村（社区）名称"),
        );
    }
    units.sort();
    *unit_names = units
        .iter()
        .map(|&u| register.get(u).name.clone())
        .collect();
    row_units
}

/// The units a sheet without a unit column is named for: by its title rows first, else its sheet
/// name, else its file name (a 村民小组's sheet `一组` of `东庄村走访台账.xlsx`). A title that names
/// one unit wins over a file name naming another.
struct NamedIn {
    units: Vec<UnitId>,
    /// Where they were found (标题 / 工作表名 / 文件名), and a unit another place names instead.
    place: &'static str,
    other: Option<(&'static str, UnitId)>,
}

impl NamedIn {
    fn new(register: &Register, title: &str, sheet: &str, stem: &str) -> NamedIn {
        let places = [("标题", title), ("工作表名", sheet), ("文件名", stem)];
        let found: Vec<(&'static str, Vec<UnitId>)> = places
            .iter()
            .map(|(p, t)| (*p, register.named_in(t)))
            .collect();
        let Some(i) = found.iter().position(|(_, u)| !u.is_empty()) else {
            return NamedIn {
                units: Vec::new(),
                place: "",
                other: None,
            };
        };
        let other = found[i + 1..]
            .iter()
            .find_map(|(p, u)| u.iter().find(|x| !found[i].1.contains(x)).map(|x| (*p, *x)));
        NamedIn {
            units: found[i].1.clone(),
            place: found[i].0,
            other,
        }
    }

    /// The 数据来源 note that the rows were counted for the unit the title (sheet name, file
    /// name) names.
    fn note(&self, register: &Register) -> String {
        let name = &register.get(self.units[0]).name;
        let mut msg = format!("表中没有“村居”列，各行按{}中的“{name}”计入", self.place);
        if let Some((p, u)) = self.other {
            msg.push_str(&format!(
                "（{p}中的“{}”未采用：以{}为准）",
                register.get(u).name,
                self.place
            ));
        }
        msg
    }
}
