//! Reading the whole inbox into one dataset: files are opened and parsed in parallel, one workbook at a
//! time per thread (`read`; its grid is dropped as soon as its rows are read); then the register is
//! built (`register`), units are matched to it (`matching`), rows sent twice are counted once
//! (`dedup`) and the counted rows are typed into records.

use crate::diag::Diagnostic;
use crate::ingest::{self, FileStatus};
use crate::ledger::header::Lexicon;
use crate::ledger::header::Recogniser;
use crate::ledger::parse::ParsedRow;
use crate::ledger::records::{Recent, Records, Src, Typing};
use crate::ledger::schema::{Kind, RegisterCol, Spec, Specs, VisitCol};
use crate::ledger::value::Value;
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::resolve::dedup::mark_repeats;
use crate::resolve::matching::match_units;
use crate::resolve::read::{
    display_path, failed_read, read_file, FileRead, SharedColumns, SheetRead, SheetWork,
};
use crate::resolve::register::RegisterDraft;
use crate::resolve::units::{Register, UnitId};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

// (callers outside resolve name these by their old paths)
pub use crate::resolve::dataset::{Dataset, FileEntry, SheetInfo, Unread};
pub use crate::resolve::read::LoadOptions;
pub use crate::resolve::register::{register_names, register_units};

pub fn load(
    inbox: &Path,
    plan: &Plan,
    specs: &Specs,
    opts: &LoadOptions,
) -> std::io::Result<Dataset> {
    let paths = ingest::scan::scan(inbox)?;
    let calendar = Calendar::new(plan);
    let office_recogniser = Recogniser::new(specs);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let total = paths.len();
    let columns = SharedColumns::default();
    let read = |rel: &PathBuf, recogniser: &Recogniser| {
        // One file that trips a bug must never end the run: it is listed as unreadable.
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            read_file(
                inbox, rel, plan, specs, &calendar, recogniser, opts, &columns,
            )
        }))
        .unwrap_or_else(|_| failed_read(rel));
        if opts.progress {
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(50) || n == total {
                eprint!("\r已读取 {n}/{total} 个文件");
                if n == total {
                    eprintln!();
                }
            }
        }
        r
    };
    let office = |path: &str| plan.register.holds(path);
    let typing = typing(plan);
    // The office's files first: with their register known, every other file is matched and typed
    // as soon as it is read, and only its records are kept (never every file's parsed rows).
    let (first, rest): (Vec<usize>, Vec<usize>) =
        (0..paths.len()).partition(|&i| office(&display_path(&paths[i])));
    let mut diags = Vec::new();
    let office_reads: Vec<FileRead> = first
        .par_iter()
        .map(|&i| read(&paths[i], &office_recogniser))
        .collect();
    let mut draft = RegisterDraft::from_office(&office_reads, specs, &office, &mut diags);
    let mut reads: Vec<(usize, FileRead)> = first.into_iter().zip(office_reads).collect();
    if !draft.found() {
        // Without the office's register the units are the names all the ledgers use: every file
        // is read before any is matched.
        reads.extend(
            rest.par_iter()
                .map(|&i| (i, read(&paths[i], &office_recogniser)))
                .collect::<Vec<_>>(),
        );
        reads.sort_by_key(|(i, _)| *i);
        let all: Vec<FileRead> = reads.drain(..).map(|(_, fr)| fr).collect();
        return Ok(assemble_read(all, draft, plan, specs, diags));
    }
    let known = draft.register(plan);
    // (a column of the register's names is the unit column, whatever its header says)
    let recogniser = Recogniser::new(specs).with_units(known.units.iter().flat_map(|u| {
        std::iter::once(&u.name)
            .chain(&u.aliases)
            .map(|n| crate::text::unit_key(n))
    }));
    let shared = Mutex::new(Records::default());
    let mut work: Vec<SheetWork> = Vec::new();
    for (i, fr) in &mut reads {
        work.extend(type_file(*i, fr, &known, specs, &typing, &shared));
    }
    let typed: Vec<(usize, FileRead, Vec<SheetWork>)> = rest
        .par_iter()
        .map(|&i| {
            let mut fr = read(&paths[i], &recogniser);
            let sheets = type_file(i, &mut fr, &known, specs, &typing, &shared);
            (i, fr, sheets)
        })
        .collect();
    for (i, fr, sheets) in typed {
        reads.push((i, fr));
        work.extend(sheets);
    }
    reads.sort_by_key(|(i, _)| *i);
    for (_, fr) in &mut reads {
        draft.outside(fr, specs, plan, &office, &mut diags);
    }
    let register = draft.finish(&[], specs, plan, &office, &mut diags);
    let reads = reads.into_iter().map(|(_, fr)| fr).collect();
    let records = shared.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(assemble(reads, work, records, register, diags, specs))
}

/// Every file read (in path order) to a dataset: registers outside the office's folders compared,
/// the register finished, then every ledger sheet matched and typed.
fn assemble_read(
    mut all: Vec<FileRead>,
    mut draft: RegisterDraft,
    plan: &Plan,
    specs: &Specs,
    mut diags: Vec<Diagnostic>,
) -> Dataset {
    let office = |path: &str| plan.register.holds(path);
    for fr in &mut all {
        draft.outside(fr, specs, plan, &office, &mut diags);
    }
    let register = draft.finish(&all, specs, plan, &office, &mut diags);
    let typing = typing(plan);
    let shared = Mutex::new(Records::default());
    let work: Vec<SheetWork> = all
        .par_iter_mut()
        .enumerate()
        .flat_map_iter(|(i, fr)| type_file(i, fr, &register, specs, &typing, &shared))
        .collect();
    let records = shared.into_inner().unwrap_or_else(|e| e.into_inner());
    assemble(all, work, records, register, diags, specs)
}

fn typing(plan: &Plan) -> Typing<'_> {
    Typing {
        zero_types: &plan.disputes.zero_report_types,
        zero_phrases: &plan.disputes.zero_report_phrases,
        dispute_types: plan.disputes.types.len(),
        questions: plan.survey.questions.len(),
    }
}

/// A file's ledger sheets matched to the register's units and typed, their parsed rows freed (its
/// register sheets stay in `fr.sheets`). `file` is the file's index in path order.
fn type_file(
    file: usize,
    fr: &mut FileRead,
    register: &Register,
    specs: &Specs,
    typing: &Typing,
    shared: &Mutex<Records>,
) -> Vec<SheetWork> {
    let (registers, ledgers): (Vec<_>, Vec<_>) = std::mem::take(&mut fr.sheets)
        .into_iter()
        .partition(|s| s.header.kind == Kind::Register);
    fr.sheets = registers;
    // Each sheet's rows with the unit each counts for (None: not counted).
    let mut sheets: Vec<(SheetWork, Vec<ParsedRow>, Vec<Option<UnitId>>)> = ledgers
        .into_iter()
        .map(|read| {
            let mut w = SheetWork {
                file,
                rows: read.rows.len(),
                read,
                fingerprints: Vec::new(),
                occurrences: Vec::new(),
                fresh: Vec::new(),
                diags: Vec::new(),
                unit_names: Vec::new(),
                start: 0,
                unit_note: String::new(),
            };
            let units = match_units(&mut w, &fr.path, register, specs);
            let mut rows = std::mem::take(&mut w.read.rows);
            if let Some((i, g)) = sheet_group(specs.get(w.read.header.kind), &w.read, &specs.1) {
                for row in &mut rows {
                    row.values[i] = Value::Text(g.clone());
                }
            }
            w.read.written = Vec::new();
            (w, rows, units)
        })
        .collect();
    // Typed straight into the run's records (their text kept once, in the run's texts): the lock
    // is held for the typing alone, a small part of a file's reading.
    let mut all = shared.lock().unwrap_or_else(|e| e.into_inner());
    for (w, rows, units) in &mut sheets {
        let kind = w.read.header.kind;
        let spec = specs.get(kind);
        w.start = all.len(kind);
        all.reserve(kind, w.fingerprints.len());
        let mut recent = Recent::default();
        for (row, unit) in rows.iter().zip(units.iter()) {
            if let Some(unit) = *unit {
                let src = Src {
                    sheet: u32::MAX,
                    row: row.row,
                };
                all.push(kind, spec, typing, src, unit, &row.values, &mut recent);
            }
        }
    }
    drop(all);
    // (the parsed rows are freed here, outside the lock)
    sheets.into_iter().map(|(w, _, _)| w).collect()
}

/// A visit ledger kept as one sheet per 村民小组 without that column: the group is the sheet's name
/// when it ends as a group's does (`[header] group_endings`: 一组, 第3网格), so that two groups'
/// households of the same name stay two households. (The column's position and the name.)
fn sheet_group(spec: &Spec, s: &SheetRead, lx: &Lexicon) -> Option<(usize, String)> {
    if spec.kind != Kind::Visit {
        return None;
    }
    let i = spec.col(VisitCol::Group);
    let name = s.name.trim();
    let grouped = lx.group_endings.iter().any(|e| name.ends_with(e.as_str()));
    (s.header.cols[i].is_none() && grouped && name.chars().count() > 1)
        .then(|| (i, name.to_string()))
}

/// Units, duplicates, the kept records. `work` holds every file's typed ledger sheets (in any
/// order), `reads` every file in path order.
fn assemble(
    reads: Vec<FileRead>,
    mut work: Vec<SheetWork>,
    mut records: Records,
    register: Register,
    mut diags: Vec<Diagnostic>,
    specs: &Specs,
) -> Dataset {
    let mut files = Vec::new();
    let name = specs.get(Kind::Register).col(RegisterCol::Name);
    // Entries of every file, in file order; sheets are then taken largest first, so that when one file
    // holds only rows another already has (a resend, a copy), it is the smaller one marked duplicate.
    let mut bases = Vec::with_capacity(reads.len());
    let mut paths = Vec::with_capacity(reads.len());
    let mut received = Vec::with_capacity(reads.len());
    for mut fr in reads {
        bases.push(files.len());
        files.append(&mut fr.entries);
        diags.append(&mut fr.diags);
        // Register rows were read into the register; their cell problems still count.
        for row in fr.sheets.iter_mut().flat_map(|s| &mut s.rows) {
            let unit = row.values[name].text().to_string();
            diags.extend(row.diags.drain(..).map(|d| d.unit(unit.clone())));
        }
        paths.push(fr.path);
        received.push(fr.received);
    }
    // (−rows, file, sheet): sheets come per file in workbook order
    work.sort_by_key(|w| (std::cmp::Reverse(w.rows), w.file));

    mark_repeats(&mut work, &records);

    let mut sheets = Vec::new();
    // Per kind, the kept records in the order of their sheets (largest first) and rows.
    let mut order: Vec<Vec<u32>> = vec![Vec::new(); Kind::ALL.len()];
    for mut w in work {
        diags.append(&mut w.diags);
        let kind = w.read.header.kind;
        let sheet = sheets.len() as u32;
        sheets.push(SheetInfo {
            file: paths[w.file].clone(),
            sheet: w.read.name.clone(),
            kind,
            cols: w.read.header.cols.clone(),
            unread: w
                .read
                .unread
                .iter()
                .map(|&col| Unread {
                    col,
                    feeds: specs.get(kind).columns[col].feeds,
                    reason: format!(
                        "{}列未识别：{} › {}",
                        specs.get(kind).columns[col].name,
                        paths[w.file],
                        w.read.name
                    ),
                })
                .collect(),
            received: received[w.file],
            placed: std::mem::take(&mut w.read.placed),
        });
        let entry = &mut files[bases[w.file] + w.read.entry];
        entry.units = std::mem::take(&mut w.unit_names);
        if entry.reason.is_empty() {
            entry.reason = std::mem::take(&mut w.unit_note);
        }
        let fresh = w.fresh.iter().any(|&f| f);
        if !fresh && w.rows > 0 && entry.status == FileStatus::Used {
            if entry.units.is_empty() {
                // Read, but no row names a registered unit: not a resend, the problems list why.
                entry.reason = "没有可计入的行：各行的村居为空或不在村居名册中，见问题清单".into();
            } else {
                entry.status = FileStatus::Duplicate;
                entry.reason = "每一行都已从其他文件计入（重复报送）".into();
            }
        }
        // The rows with a unit each have a record, in row order from `start`.
        for (k, &fresh) in w.fresh.iter().enumerate() {
            if fresh {
                records.set_sheet(kind, w.start + k, sheet);
                order[kind as usize].push((w.start + k) as u32);
            }
        }
    }
    records.gather(|kind| std::mem::take(&mut order[kind as usize]));
    Dataset {
        register,
        records,
        sheets,
        files,
        diags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::header::Header;
    use crate::ledger::parse::ParsedRow;
    use crate::ledger::schema::{RegisterCol, VisitCol};
    use crate::ledger::value::Value;
    use crate::resolve::read::SheetRead;

    /// A sheet of (row, values, unit as written) as `read_file` would give it.
    fn sheet(kind: Kind, specs: &Specs, rows: Vec<(u32, Vec<Value>, Option<&str>)>) -> SheetRead {
        let n = specs.get(kind).columns.len();
        let mut written: Vec<String> = Vec::new();
        let rows = rows
            .into_iter()
            .map(|(row, values, unit)| ParsedRow {
                row,
                values,
                unit: unit.map(|u| match written.iter().position(|w| w == u) {
                    Some(i) => i as u32,
                    None => {
                        written.push(u.to_string());
                        written.len() as u32 - 1
                    }
                }),
                diags: Vec::new(),
            })
            .collect();
        SheetRead {
            unread: Vec::new(),
            name: "Sheet1".into(),
            header: Header {
                kind,
                first_row: 0,
                last_row: 0,
                cols: (0..n as u32).map(Some).collect(),
                title: String::new(),
                reading: Vec::new(),
            },
            rows,
            written,
            entry: 0,
            placed: Default::default(),
        }
    }

    fn file(path: &str, sheets: Vec<SheetRead>) -> FileRead {
        let entries = sheets
            .iter()
            .map(|s| FileEntry {
                path: path.into(),
                kind: Some(s.header.kind),
                sheet: s.name.clone(),
                rows: s.rows.len(),
                status: FileStatus::Used,
                reason: String::new(),
                detail: None,
                units: Vec::new(),
                columns: Default::default(),
            })
            .collect();
        FileRead {
            path: path.into(),
            entries,
            sheets,
            diags: Vec::new(),
            received: None,
        }
    }

    /// A register of 东庄村 and 西庄村, and visits: the larger sheet is taken first, so the file that
    /// only repeats its rows is the duplicate; an unknown unit is reported on every row that writes
    /// it; text is moved into the records intact.
    #[test]
    fn assemble_matches_units_and_takes_the_larger_sheet_first() {
        let plan = Plan::embedded();
        let specs = Specs::new(&plan);
        let reg = specs.get(Kind::Register);
        let unit = |name: &str| {
            let mut v = vec![Value::Empty; reg.columns.len()];
            v[reg.col(RegisterCol::Name)] = Value::Text(name.into());
            v[reg.col(RegisterCol::Category)] = Value::Choice(0);
            v[reg.col(RegisterCol::Households)] = Value::Count(100);
            v
        };
        let spec = specs.get(Kind::Visit);
        let visit = |head: &str, day: u32| {
            let mut v = vec![Value::Empty; spec.columns.len()];
            v[spec.col(VisitCol::Head)] = Value::Text(head.into());
            v[spec.col(VisitCol::Date)] =
                Value::Date(chrono::NaiveDate::from_ymd_opt(2021, 4, day).unwrap());
            v[spec.col(VisitCol::Method)] = Value::Choice(0);
            v
        };
        let register = file(
            "办公室/名册.xlsx",
            vec![sheet(
                Kind::Register,
                &specs,
                vec![(1, unit("东庄村"), None), (2, unit("西庄村"), None)],
            )],
        );
        // The copy comes first in file order, but has fewer rows.
        let copy = file(
            "a_copy.xlsx",
            vec![sheet(
                Kind::Visit,
                &specs,
                vec![(1, visit("张三", 7), Some("东庄村"))],
            )],
        );
        let full = file(
            "b_full.xlsx",
            vec![sheet(
                Kind::Visit,
                &specs,
                vec![
                    (1, visit("张三", 7), Some("东庄村")),
                    (2, visit("张三", 7), Some("水泉镇西庄村")),
                    (3, visit("李四", 8), Some("北庄村")),
                    (4, visit("王五", 8), Some("北庄村")),
                    (5, visit("张三", 7), Some("东庄村")),
                ],
            )],
        );
        let reads = vec![register, copy, full];
        let office = |path: &str| plan.register.holds(path);
        let mut diags = Vec::new();
        let draft = RegisterDraft::from_office(&reads, &specs, &office, &mut diags);
        let ds = assemble_read(reads, draft, &plan, &specs, diags);
        let statuses: Vec<_> = ds
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("办公室/名册.xlsx", FileStatus::Used),
                ("a_copy.xlsx", FileStatus::Duplicate),
                ("b_full.xlsx", FileStatus::Used),
            ]
        );
        assert_eq!(ds.files[2].units, ["东庄村", "西庄村"]);
        assert_eq!(ds.files[1].units, ["东庄村"]);
        // The same visit in another unit counts; the same row again in the same unit does not.
        let visits: Vec<_> = ds
            .records
            .visits
            .iter()
            .map(|v| (ds.unit_name(v.unit), ds.records.text(v.head), v.src.row))
            .collect();
        assert_eq!(visits, [("东庄村", "张三", 1), ("西庄村", "张三", 2)]);
        assert_eq!(ds.sheets[0].file, "b_full.xlsx");
        let unknown: Vec<_> = ds
            .diags
            .iter()
            .filter(|d| d.code == "unknown_unit")
            .map(|d| d.cell.as_str())
            .collect();
        assert_eq!(unknown, ["A4", "A5"]);
    }
}
