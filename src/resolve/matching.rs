//! Matching the unit each row writes (or its sheet's title names) to the register: one lookup per
//! distinct text in a sheet, an error at the cell for a name the register does not have.

use crate::diag::{cell_ref, Diagnostic};
use crate::ledger::schema::{Kind, RegisterCol, Specs};
use crate::resolve::dedup::RowKey;
use crate::resolve::read::SheetWork;
use crate::resolve::units::{Match, Register, UnitId};
use rustc_hash::FxHashMap;

/// How a written unit name matched the register (one lookup per distinct text in a sheet).
pub(crate) enum Written {
    Found(UnitId),
    Unknown(Option<String>),
}

/// One sheet's rows matched to units (each distinct written name looked up once), their fingerprints
/// and occurrences for the duplicate check, and its diagnostics with their unit.
pub(crate) fn match_units(w: &mut SheetWork, path: &str, register: &Register, specs: &Specs) {
    let SheetWork {
        read: s,
        units: row_units,
        fingerprints,
        occurrences,
        diags,
        unit_names,
        ..
    } = w;
    let kind = s.header.kind;
    let spec = specs.get(kind);
    if kind == Kind::Register {
        // Register rows were read into the register; their cell problems still count.
        for row in &mut s.rows {
            let name = row.values[spec.col(RegisterCol::Name)].text().to_string();
            diags.extend(row.diags.drain(..).map(|d| d.unit(name.clone())));
        }
        return;
    }
    let fallback = register.named_in(&s.header.title);
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
    row_units.reserve_exact(s.rows.len());
    fingerprints.reserve_exact(s.rows.len());
    occurrences.reserve_exact(s.rows.len());
    for row in &mut s.rows {
        let at = |d: Diagnostic, c: Option<u32>| {
            d.at(
                path,
                &s.name,
                c.map(|c| cell_ref(row.row, c))
                    .unwrap_or_else(|| format!("第{}行", row.row + 1)),
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
        let Some(unit) = unit else {
            fingerprints.push(0);
            occurrences.push(0);
            continue;
        };
        if !units.contains(&unit) {
            units.push(unit);
        }
        let key = RowKey::new(kind, unit, &row.values);
        fingerprints.push(key.fingerprint);
        if kind == Kind::Survey {
            // Two households may give the same answers: identical questionnaires within one
            // sheet all count; a resent sheet repeating them counts them once.
            let n = seen_here.entry(key).or_insert(0u32);
            *n += 1;
            occurrences.push(*n);
        } else {
            occurrences.push(0);
        }
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
}
