//! Reading one file: open it (ingest), recognise each sheet's header and parse its rows (ledger). The
//! result is the file's 数据来源 lines, its parsed sheets and its diagnostics, before any unit is
//! matched.

use crate::diag::Diagnostic;
use crate::ingest::{self, FileStatus, OpenFailure};
use crate::ledger::header::{self, ColumnRead, Header, Recognised, Recogniser};
use crate::ledger::parse::{parse_rows, Ctx, ParsedRow};
use crate::ledger::schema::Specs;
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::resolve::dataset::FileEntry;
use std::path::Path;
use std::sync::{Arc, Mutex};

mod incomplete;
use incomplete::{incomplete, unread_note};

/// A sheet read from one file, before units are matched.
pub(crate) struct SheetRead {
    pub(crate) name: String,
    pub(crate) header: Header,
    pub(crate) rows: Vec<ParsedRow>,
    /// The distinct unit texts the rows write ([`ParsedRow::unit`] indexes it).
    pub(crate) written: Vec<String>,
    pub(crate) entry: usize,
    /// Where the values of a sheet read cell by cell stand (empty for a table).
    pub(crate) placed: crate::ledger::layouts::Placed,
    /// Required columns the sheet lacks that identify no row (see `SheetInfo::unread`).
    pub(crate) unread: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub include_hidden: bool,
    /// Show progress on stderr (only when it is a terminal).
    pub progress: bool,
}

/// A recognised sheet on its way to typed records, with what `matching::match_units` found for each row.
pub(crate) struct SheetWork {
    /// Index into the file list (`reads`).
    pub(crate) file: usize,
    pub(crate) read: SheetRead,
    /// Per record (a row with a unit; rows without one are not counted and have none):
    /// `row_fingerprint` of its row's values, for the duplicate check.
    pub(crate) fingerprints: Vec<u64>,
    /// Per record: the n-th identical row of the sheet (questionnaires only; empty for the other
    /// kinds, whose rows are all the first).
    pub(crate) occurrences: Vec<u32>,
    /// Per record: not already taken from a sheet deduplicated before this one (`mark_repeats`).
    pub(crate) fresh: Vec<bool>,
    /// The sheet's diagnostics, in row order, with their unit.
    pub(crate) diags: Vec<Diagnostic>,
    /// Names of the units its counted rows belong to, in register order.
    pub(crate) unit_names: Vec<String>,
    /// The rows read (before they are typed and freed).
    pub(crate) rows: usize,
    /// Where its records start in the run's records of its kind: one per row with a unit, in row
    /// order (`Src::sheet` set when kept); as many as `fingerprints`.
    pub(crate) start: usize,
    /// Its 数据来源 note when its unit came from its title, sheet name or file name.
    pub(crate) unit_note: String,
}

/// Each distinct list of how a sheet's header cells were read (`FileEntry::columns`), kept once: a
/// district's ten thousand sheets come from a few templates, so they share a few lists.
#[derive(Default)]
pub(crate) struct SharedColumns(Mutex<rustc_hash::FxHashMap<u64, Vec<Arc<[ColumnRead]>>>>);

impl SharedColumns {
    pub(crate) fn share(&self, columns: Vec<ColumnRead>) -> Arc<[ColumnRead]> {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        for c in &columns {
            (&c.header, &c.column, c.how).hash(&mut h);
        }
        let mut lists = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let alike = lists.entry(h.finish()).or_default();
        if let Some(list) = alike.iter().find(|l| ***l == *columns) {
            return list.clone();
        }
        let list: Arc<[ColumnRead]> = columns.into();
        alike.push(list.clone());
        list
    }
}

pub(crate) struct FileRead {
    pub(crate) path: String,
    pub(crate) entries: Vec<FileEntry>,
    pub(crate) sheets: Vec<SheetRead>,
    pub(crate) diags: Vec<Diagnostic>,
    /// The day the file reached the inbox (its modification time, local): a ledger cannot speak of
    /// a later day.
    pub(crate) received: Option<chrono::NaiveDate>,
}

/// The local day of a file's modification time.
fn received_on(path: &Path) -> Option<chrono::NaiveDate> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(chrono::DateTime::<chrono::Local>::from(t).date_naive())
}

/// A file whose reading panicked.
pub(crate) fn failed_read(rel: &Path) -> FileRead {
    let path = display_path(rel);
    let reason = "读取时程序出错，未能读取。请用 Excel 打开后另存为 .xlsx 再提交，并告知维护人员"
        .to_string();
    FileRead {
        path: path.clone(),
        entries: vec![FileEntry {
            path: path.clone(),
            kind: None,
            sheet: String::new(),
            rows: 0,
            status: FileStatus::Unreadable,
            reason: reason.clone(),
            detail: None,
            units: Vec::new(),
            columns: Default::default(),
        }],
        sheets: Vec::new(),
        diags: vec![
            Diagnostic::error("unreadable_file", format!("文件无法读取：{reason}"))
                .at(&path, "", ""),
        ],
        received: None,
    }
}

pub(crate) fn display_path(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

pub(crate) fn read_file(
    inbox: &Path,
    rel: &Path,
    plan: &Plan,
    specs: &Specs,
    calendar: &Calendar,
    recogniser: &Recogniser,
    opts: &LoadOptions,
    shared: &SharedColumns,
) -> FileRead {
    let path = display_path(rel);
    let mut fr = FileRead {
        path: path.clone(),
        entries: Vec::new(),
        sheets: Vec::new(),
        diags: Vec::new(),
        received: received_on(&inbox.join(rel)),
    };
    let entry = |sheet: &str, kind, rows, status, reason: String| FileEntry {
        path: path.clone(),
        kind,
        sheet: sheet.to_string(),
        rows,
        status,
        reason,
        detail: None,
        units: Vec::new(),
        columns: Default::default(),
    };
    let opened = match ingest::open_in_inbox(inbox, rel, opts.include_hidden) {
        Ok(o) => o,
        Err(OpenFailure {
            status,
            reason,
            detail,
        }) => {
            if status == FileStatus::Unreadable {
                fr.diags.push(
                    Diagnostic::error("unreadable_file", format!("文件无法读取：{reason}"))
                        .at(&path, "", ""),
                );
            }
            fr.entries.push(FileEntry {
                detail,
                ..entry("", None, 0, status, reason)
            });
            return fr;
        }
    };
    for note in &opened.notes {
        fr.diags
            .push(Diagnostic::warning("file_note", note.clone()).at(&path, "", ""));
    }
    for sheet in opened.sheets {
        let Some(mut grid) = sheet.grid else {
            fr.entries.push(entry(
                &sheet.name,
                None,
                0,
                FileStatus::Hidden,
                "隐藏的工作表，未读取（如应读取，请取消隐藏后重新报送）".into(),
            ));
            continue;
        };
        if grid.is_empty() {
            fr.entries.push(entry(
                &sheet.name,
                None,
                0,
                FileStatus::NotLedger,
                "空工作表".into(),
            ));
            continue;
        }
        let recognised = recogniser.recognise(specs, &grid);
        if let Some(read) = other_layout(
            plan,
            specs,
            calendar,
            recogniser,
            &path,
            &sheet.name,
            &recognised,
            &mut grid,
        ) {
            push_placed(&mut fr, &sheet.name, specs, read, shared);
            continue;
        }
        let (mut header, unread) = match recognised {
            Recognised::NotLedger => {
                fr.entries.push(entry(
                    &sheet.name,
                    None,
                    0,
                    FileStatus::NotLedger,
                    "未找到任何台账的表头（如填表说明），未读取".into(),
                ));
                continue;
            }
            Recognised::Incomplete(n) => {
                match incomplete(&mut fr, specs.get(n.kind), &grid, &n, &sheet.name) {
                    Some(h) => (h, n.missing),
                    None => continue,
                }
            }
            Recognised::Ledger(header) => (header, Vec::new()),
        };
        let ctx = Ctx {
            file: &path,
            sheet: &sheet.name,
            spec: specs.get(header.kind),
            calendar,
            plan,
        };
        let parsed = parse_rows(&ctx, &mut grid, &header);
        if unread.is_empty() {
            // (a sheet read without a column has had its header's diagnostics from `incomplete`)
            fr.diags
                .extend(header::diagnostics(ctx.spec, &header, &path, &sheet.name));
        }
        let reason = unread_note(ctx.spec, &unread);
        fr.entries.push(entry(
            &sheet.name,
            Some(header.kind),
            parsed.rows.len(),
            FileStatus::Used,
            reason,
        ));
        // (how each header cell was read is kept as the entry's columns only)
        let reading = std::mem::take(&mut header.reading);
        fr.entries.last_mut().unwrap().columns =
            shared.share(header::columns_read(ctx.spec, &specs.1, &reading));
        fr.sheets.push(SheetRead {
            name: sheet.name,
            header,
            rows: parsed.rows,
            written: parsed.units,
            entry: fr.entries.len() - 1,
            placed: Default::default(),
            unread,
        });
    }
    if fr.entries.is_empty() {
        // A workbook that opens but holds no sheet at all (a damaged file): still listed.
        let reason =
            "文件中没有任何工作表，可能已损坏，请用 Excel/WPS 打开确认后重新发送".to_string();
        fr.diags.push(
            Diagnostic::error("unreadable_file", format!("文件无法读取：{reason}"))
                .at(&path, "", ""),
        );
        fr.entries
            .push(entry("", None, 0, FileStatus::Unreadable, reason));
    }
    fr
}

/// A sheet in another layout than a table (`ledger::layouts`), if it is one.
#[allow(clippy::too_many_arguments)]
fn other_layout(
    plan: &Plan,
    specs: &Specs,
    calendar: &Calendar,
    recogniser: &Recogniser,
    path: &str,
    sheet: &str,
    recognised: &Recognised,
    grid: &mut crate::ingest::Grid,
) -> Option<crate::ledger::layouts::Read> {
    let place = crate::ledger::layouts::Place {
        file: path,
        sheet,
        plan,
        calendar,
        specs,
        recogniser,
    };
    crate::ledger::layouts::read(&place, recognised, grid)
}

/// A sheet read cell by cell: its 数据来源 line and its records.
fn push_placed(
    fr: &mut FileRead,
    sheet: &str,
    specs: &Specs,
    mut read: crate::ledger::layouts::Read,
    shared: &SharedColumns,
) {
    let spec = specs.get(read.header.kind);
    fr.diags
        .extend(header::diagnostics(spec, &read.header, &fr.path, sheet));
    fr.entries.push(FileEntry {
        path: fr.path.clone(),
        kind: Some(read.header.kind),
        sheet: sheet.to_string(),
        rows: read.parsed.rows.len(),
        status: FileStatus::Used,
        reason: String::new(),
        detail: None,
        units: Vec::new(),
        columns: shared.share(header::columns_read(
            spec,
            &specs.1,
            &std::mem::take(&mut read.header.reading),
        )),
    });
    fr.sheets.push(SheetRead {
        name: sheet.to_string(),
        header: read.header,
        rows: read.parsed.rows,
        written: read.parsed.units,
        entry: fr.entries.len() - 1,
        placed: read.placed,
        unread: Vec::new(),
    });
}
