//! Reading the whole inbox into one dataset: files are opened and parsed in parallel, one workbook at a
//! time per thread (`read`; its grid is dropped as soon as its rows are read); then the register is
//! built (`register`), units are matched to it (`matching`), rows sent twice are counted once
//! (`dedup`) and the counted rows are typed into records.

use crate::ingest::{self, FileStatus};
use crate::ledger::header::Recogniser;
use crate::ledger::records::{Records, Src, Typing};
use crate::ledger::schema::{Kind, Specs};
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::resolve::dedup::mark_repeats;
use crate::resolve::matching::match_units;
use crate::resolve::read::{failed_read, read_file, FileRead, SheetWork};
use crate::resolve::register::build_register;
use rayon::prelude::*;
use std::path::Path;

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
    let recogniser = Recogniser::new(specs);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let total = paths.len();
    let reads: Vec<FileRead> = paths
        .par_iter()
        .map(|rel| {
            // One file that trips a bug must never end the run: it is listed as unreadable.
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                read_file(inbox, rel, plan, specs, &calendar, &recogniser, opts)
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
        })
        .collect();
    Ok(assemble(reads, plan, specs))
}

/// Register, units, duplicates, typed records. Only the register, the duplicate check and the
/// bookkeeping are sequential; matching units and typing rows run per sheet in parallel.
fn assemble(mut reads: Vec<FileRead>, plan: &Plan, specs: &Specs) -> Dataset {
    let mut diags = Vec::new();
    let mut files = Vec::new();
    let office = |path: &str| plan.register.holds(path);
    let register = build_register(&mut reads, specs, plan, &office, &mut diags);
    let typing = Typing {
        zero_types: &plan.disputes.zero_report_types,
        zero_phrases: &plan.disputes.zero_report_phrases,
        dispute_types: plan.disputes.types.len(),
        questions: plan.survey.questions.len(),
    };
    // Entries of every file, in file order; sheets are then taken largest first, so that when one file
    // holds only rows another already has (a resend, a copy), it is the smaller one marked duplicate.
    let mut bases = Vec::with_capacity(reads.len());
    let mut paths = Vec::with_capacity(reads.len());
    let mut received = Vec::with_capacity(reads.len());
    let mut work: Vec<SheetWork> = Vec::new();
    for (f, mut fr) in reads.into_iter().enumerate() {
        bases.push(files.len());
        files.append(&mut fr.entries);
        diags.append(&mut fr.diags);
        paths.push(fr.path);
        received.push(fr.received);
        work.extend(fr.sheets.into_iter().map(|read| SheetWork {
            file: f,
            read,
            units: Vec::new(),
            fingerprints: Vec::new(),
            occurrences: Vec::new(),
            fresh: Vec::new(),
            diags: Vec::new(),
            unit_names: Vec::new(),
        }));
    }
    // (the sort is stable and files and sheets are in order, so this is (−rows, file, sheet))
    work.sort_by_key(|w| std::cmp::Reverse(w.read.rows.len()));
    work.par_iter_mut()
        .for_each(|w| match_units(w, &paths[w.file], &register, specs));

    mark_repeats(&mut work);

    let mut sheets = Vec::new();
    let mut sheet_ids = Vec::with_capacity(work.len());
    for w in &mut work {
        diags.append(&mut w.diags);
        let kind = w.read.header.kind;
        if kind == Kind::Register {
            sheet_ids.push(u32::MAX);
            continue;
        }
        sheet_ids.push(sheets.len() as u32);
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
        });
        let entry = &mut files[bases[w.file] + w.read.entry];
        entry.units = std::mem::take(&mut w.unit_names);
        let fresh = w.fresh.iter().any(|&f| f);
        if !fresh && !w.read.rows.is_empty() && entry.status == FileStatus::Used {
            if entry.units.is_empty() {
                // Read, but no row names a registered unit: not a resend, the problems list why.
                entry.reason = "没有可计入的行：各行的村居为空或不在村居名册中，见问题清单".into();
            } else {
                entry.status = FileStatus::Duplicate;
                entry.reason = "每一行都已从其他文件计入（重复报送）".into();
            }
        }
    }

    // Typed records, sheet by sheet in the same order; each sheet's parsed rows are freed as its
    // records are made, their text moved into the records. Sheets are typed in parallel a batch at a
    // time and appended at once, so the per-sheet parts never all exist beside the final lists.
    let mut records = Records::default();
    for w in &work {
        let kept = w.fresh.iter().filter(|&&f| f).count();
        records.reserve(w.read.header.kind, kept);
    }
    let mut sheets_left = work.into_iter().zip(sheet_ids);
    loop {
        let batch: Vec<(SheetWork, u32)> = sheets_left.by_ref().take(TYPING_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let parts: Vec<Records> = batch
            .into_par_iter()
            .map(|(w, sheet)| type_rows(w, sheet, specs, &typing))
            .collect();
        for mut part in parts {
            records.append(&mut part);
        }
    }
    Dataset {
        register,
        records,
        sheets,
        files,
        diags,
    }
}

/// Sheets typed per parallel batch (see `assemble`).
const TYPING_BATCH: usize = 256;

/// A sheet's counted rows as typed records (`sheet` is its index in `Dataset::sheets`).
fn type_rows(w: SheetWork, sheet: u32, specs: &Specs, typing: &Typing) -> Records {
    let mut records = Records::default();
    let kind = w.read.header.kind;
    if kind == Kind::Register {
        return records;
    }
    let spec = specs.get(kind);
    let counted = w.read.rows.into_iter().zip(w.units).zip(w.fresh);
    for ((row, unit), fresh) in counted {
        let (Some(unit), true) = (unit, fresh) else {
            continue;
        };
        let src = Src {
            sheet,
            row: row.row,
        };
        records.push(kind, spec, typing, src, unit, row.values);
    }
    records
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
                columns: Vec::new(),
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
        let ds = assemble(vec![register, copy, full], &plan, &specs);
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
            .map(|v| (ds.unit_name(v.unit), v.head.as_str(), v.src.row))
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
