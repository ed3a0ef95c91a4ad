//! Reading the whole inbox into one dataset: files are opened and parsed in parallel, one workbook at a
//! time per thread (its grid is dropped as soon as its rows are read); then units are matched to the
//! register, rows sent twice are counted once, and versions of the same dispute are reconciled.

use crate::diag::{cell_ref, Diagnostic};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::ingest::{self, FileStatus, OpenFailure};
use crate::ledger::header::{self, Header, Recognised, Recogniser};
use crate::ledger::parse::{parse_rows, Ctx, ParsedRow};
use crate::ledger::records::{Records, Src, Typing};
use crate::ledger::schema::{Kind, Specs};
use crate::ledger::schema::{RegisterCol, UnitCategory};
use crate::ledger::value::{row_fingerprint, same_row, Value};
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::resolve::units::{Match, Register, Unit, UnitId, UnitKind};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub include_hidden: bool,
    /// Show progress on stderr (only when it is a terminal).
    pub progress: bool,
}

/// A recognised sheet: where it is and which Excel column holds each canonical column.
#[derive(Debug, Clone)]
pub struct SheetInfo {
    pub file: String,
    pub sheet: String,
    pub kind: Kind,
    pub cols: Vec<Option<u32>>,
}

/// One line of 数据来源 / `files[]`: a sheet that was read, or a file or sheet that was not.
#[derive(Debug, Clone, Serialize)]
pub struct FileEntry {
    pub path: String,
    pub kind: Option<Kind>,
    pub sheet: String,
    pub rows: usize,
    pub status: FileStatus,
    pub reason: String,
    /// Units the rows belong to (names).
    #[serde(skip)]
    pub units: Vec<String>,
    /// How each header cell of a read sheet was read (`files[].columns`).
    #[serde(skip)]
    pub columns: Vec<header::ColumnRead>,
}

pub struct Dataset {
    pub register: Register,
    pub records: Records,
    pub sheets: Vec<SheetInfo>,
    pub files: Vec<FileEntry>,
    pub diags: Vec<Diagnostic>,
}

impl Dataset {
    /// The Excel cell of a record's canonical column, e.g. `E12`.
    pub fn cell(&self, src: Src, col: usize) -> String {
        match self.sheets[src.sheet as usize]
            .cols
            .get(col)
            .copied()
            .flatten()
        {
            Some(c) => cell_ref(src.row, c),
            None => format!("第{}行", src.row + 1),
        }
    }

    /// A diagnostic located at a record's cell.
    pub fn at(&self, d: Diagnostic, src: Src, col: usize) -> Diagnostic {
        let s = &self.sheets[src.sheet as usize];
        let cell = self.cell(src, col);
        d.at(&s.file, &s.sheet, cell)
    }

    pub fn unit_name(&self, id: UnitId) -> &str {
        &self.register.get(id).name
    }
}

/// A sheet read from one file, before units are matched.
struct SheetRead {
    name: String,
    header: Header,
    rows: Vec<ParsedRow>,
    /// The distinct unit texts the rows write ([`ParsedRow::unit`] indexes it).
    written: Vec<String>,
    entry: usize,
}

struct FileRead {
    path: String,
    entries: Vec<FileEntry>,
    sheets: Vec<SheetRead>,
    diags: Vec<Diagnostic>,
}

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

/// A file whose reading panicked.
fn failed_read(rel: &Path) -> FileRead {
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
            units: Vec::new(),
            columns: Vec::new(),
        }],
        sheets: Vec::new(),
        diags: vec![
            Diagnostic::error("unreadable_file", format!("文件无法读取：{reason}"))
                .at(&path, "", ""),
        ],
    }
}

fn display_path(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_file(
    inbox: &Path,
    rel: &PathBuf,
    plan: &Plan,
    specs: &Specs,
    calendar: &Calendar,
    recogniser: &Recogniser,
    opts: &LoadOptions,
) -> FileRead {
    let path = display_path(rel);
    let mut fr = FileRead {
        path: path.clone(),
        entries: Vec::new(),
        sheets: Vec::new(),
        diags: Vec::new(),
    };
    let entry = |sheet: &str, kind, rows, status, reason: String| FileEntry {
        path: path.clone(),
        kind,
        sheet: sheet.to_string(),
        rows,
        status,
        reason,
        units: Vec::new(),
        columns: Vec::new(),
    };
    let opened = match ingest::open_workbook(&inbox.join(rel), opts.include_hidden) {
        Ok(o) => o,
        Err(OpenFailure { status, reason }) => {
            if status == FileStatus::Unreadable {
                fr.diags.push(
                    Diagnostic::error("unreadable_file", format!("文件无法读取：{reason}"))
                        .at(&path, "", ""),
                );
            }
            fr.entries.push(entry("", None, 0, status, reason));
            return fr;
        }
    };
    for note in &opened.notes {
        fr.diags
            .push(Diagnostic::warning("file_note", note.clone()).at(&path, "", ""));
    }
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    for sheet in opened.sheets {
        let Some(mut grid) = sheet.grid else {
            fr.entries.push(entry(
                &sheet.name,
                None,
                0,
                FileStatus::Hidden,
                "隐藏的工作表，未读取（如需读取请加 --include-hidden）".into(),
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
        match recogniser.recognise(specs, &grid) {
            Recognised::NotLedger => {
                fr.entries.push(entry(
                    &sheet.name,
                    None,
                    0,
                    FileStatus::NotLedger,
                    "未找到任何台账的表头（如填表说明），未读取".into(),
                ));
            }
            Recognised::Incomplete(n) => {
                let spec = specs.get(n.kind);
                fr.diags
                    .extend(header::near_miss_diagnostics(spec, &n, &path, &sheet.name));
                let names: Vec<String> = n
                    .missing
                    .iter()
                    .map(|&i| {
                        let c = &spec.columns[i];
                        let mut a = c.aliases.clone();
                        a.truncate(4);
                        if a.is_empty() {
                            format!("“{}”", c.name)
                        } else {
                            format!("“{}”（也可写作：{}）", c.name, a.join("、"))
                        }
                    })
                    .collect();
                fr.diags.push(
                    Diagnostic::error(
                        "missing_column",
                        format!("看起来是{}，但缺少必填列{}", n.kind.zh(), names.join("，")),
                    )
                    .at(&path, &sheet.name, format!("第{}行", n.row + 1))
                    .hint("请在表头行补上这些列（列名可用括号中的写法），或改用镇提升办下发的模板"),
                );
                fr.entries.push(entry(
                    &sheet.name,
                    Some(n.kind),
                    0,
                    FileStatus::Unreadable,
                    format!("缺少必填列：{}", names.join("，")),
                ));
            }
            Recognised::Ledger(mut header) => {
                let ctx = Ctx {
                    file: &path,
                    sheet: &sheet.name,
                    spec: specs.get(header.kind),
                    calendar,
                    plan,
                };
                let parsed = parse_rows(&ctx, &mut grid, &header);
                fr.diags
                    .extend(header::diagnostics(ctx.spec, &header, &path, &sheet.name));
                header.title = format!("{} {} {}", header.title, sheet.name, stem);
                fr.entries.push(entry(
                    &sheet.name,
                    Some(header.kind),
                    parsed.rows.len(),
                    FileStatus::Used,
                    String::new(),
                ));
                fr.diags
                    .extend(header::diagnostics(ctx.spec, &header, &path, &sheet.name));
                fr.entries.last_mut().unwrap().columns =
                    header::columns_read(ctx.spec, &specs.1, &header.reading);
                fr.sheets.push(SheetRead {
                    name: sheet.name,
                    header,
                    rows: parsed.rows,
                    written: parsed.units,
                    entry: fr.entries.len() - 1,
                });
            }
        }
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

/// A row for recognising the same row sent twice: same kind, same unit, same values
/// ([`same_row`]). It hashes as its fingerprint (computed once) and compares the values themselves,
/// so a fingerprint collision costs a comparison, never a row.
#[derive(Clone)]
struct RowKey<'a> {
    kind: Kind,
    unit: UnitId,
    fingerprint: u64,
    values: &'a [Value],
    /// The n-th identical row of one sheet (questionnaires only; 0 otherwise).
    occurrence: u32,
}

impl<'a> RowKey<'a> {
    fn new(kind: Kind, unit: UnitId, values: &'a [Value]) -> RowKey<'a> {
        RowKey {
            kind,
            unit,
            fingerprint: row_fingerprint(values),
            values,
            occurrence: 0,
        }
    }
}

impl std::hash::Hash for RowKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.kind.hash(h);
        self.unit.hash(h);
        self.fingerprint.hash(h);
        self.occurrence.hash(h);
    }
}

impl PartialEq for RowKey<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.kind == o.kind
            && self.unit == o.unit
            && self.occurrence == o.occurrence
            && same_row(self.values, o.values)
    }
}
impl Eq for RowKey<'_> {}

/// A recognised sheet on its way to typed records, with what [`match_units`] found for each row.
struct SheetWork {
    /// Index into the file list (`reads`).
    file: usize,
    read: SheetRead,
    /// Per row: the unit it counts for (None: not counted).
    units: Vec<Option<UnitId>>,
    /// Per row: [`row_fingerprint`] of its values.
    fingerprints: Vec<u64>,
    /// Per row: the n-th identical row of the sheet (questionnaires only; 0 otherwise).
    occurrences: Vec<u32>,
    /// Per row: not already taken from a sheet deduplicated before this one.
    fresh: Vec<bool>,
    /// The sheet's diagnostics, in row order, with their unit.
    diags: Vec<Diagnostic>,
    /// Names of the units its counted rows belong to, in register order.
    unit_names: Vec<String>,
}

/// How a written unit name matched the register (one lookup per distinct text in a sheet).
enum Written {
    Found(UnitId),
    Unknown(Option<String>),
}

/// Rows are deduplicated in shards by unit: a row can only repeat a row of its own unit, so each
/// shard sees its rows in the same (largest sheet first) order as one set over all rows would, and
/// its set is small enough to stay in cache.
const DEDUP_SHARDS: usize = 16;

/// Register, units, duplicates, typed records. Only the register, the duplicate check and the
/// bookkeeping are sequential; matching units and typing rows run per sheet in parallel.
fn assemble(reads: Vec<FileRead>, plan: &Plan, specs: &Specs) -> Dataset {
    let mut diags = Vec::new();
    let mut files = Vec::new();
    let register = build_register(&reads, specs, &plan.town.name, &mut diags);
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
    let mut work: Vec<SheetWork> = Vec::new();
    for (f, mut fr) in reads.into_iter().enumerate() {
        bases.push(files.len());
        files.append(&mut fr.entries);
        diags.append(&mut fr.diags);
        paths.push(fr.path);
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

    // Rows already taken (see `RowKey`): no string is built per row.
    let rows: usize = work.iter().map(|w| w.read.rows.len()).sum();
    let repeats: Vec<Vec<(u32, u32)>> = (0..DEDUP_SHARDS)
        .into_par_iter()
        .map(|shard| {
            let mut seen: FxHashSet<RowKey> = FxHashSet::with_capacity_and_hasher(
                rows / DEDUP_SHARDS * 5 / 4,
                Default::default(),
            );
            let mut repeats = Vec::new();
            for (wi, w) in work.iter().enumerate() {
                let kind = w.read.header.kind;
                if kind == Kind::Register {
                    continue;
                }
                for (ri, row) in w.read.rows.iter().enumerate() {
                    let Some(unit) = w.units[ri] else { continue };
                    if unit as usize % DEDUP_SHARDS != shard {
                        continue;
                    }
                    let key = RowKey {
                        kind,
                        unit,
                        fingerprint: w.fingerprints[ri],
                        values: &row.values,
                        occurrence: w.occurrences[ri],
                    };
                    if !seen.insert(key) {
                        repeats.push((wi as u32, ri as u32));
                    }
                }
            }
            repeats
        })
        .collect();
    for w in &mut work {
        w.fresh = w.units.iter().map(Option::is_some).collect();
    }
    for (wi, ri) in repeats.into_iter().flatten() {
        work[wi as usize].fresh[ri as usize] = false;
    }

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

/// One sheet's rows matched to units (each distinct written name looked up once), their fingerprints
/// and occurrences for the duplicate check, and its diagnostics with their unit.
fn match_units(w: &mut SheetWork, path: &str, register: &Register, specs: &Specs) {
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

/// The register comes from the office's 村居名册 sheet(s). Without one, units are taken from the names
/// the ledgers use, and that is an error to fix.
fn build_register(
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
fn units_named_in_ledgers(reads: &[FileRead], specs: &Specs, town: &str) -> Vec<Unit> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::schema::VisitCol;

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
                units: Vec::new(),
                columns: Vec::new(),
            })
            .collect();
        FileRead {
            path: path.into(),
            entries,
            sheets,
            diags: Vec::new(),
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
            "名册.xlsx",
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
                ("名册.xlsx", FileStatus::Used),
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

    #[test]
    fn a_fingerprint_collision_does_not_drop_a_row() {
        let a = [Value::Text("张建国".into()), Value::Count(3)];
        let b = [Value::Text("李秀英".into()), Value::Count(3)];
        let key = |values| RowKey {
            kind: Kind::Visit,
            unit: 0,
            fingerprint: 42, // forced alike
            values,
            occurrence: 0,
        };
        let mut seen = FxHashSet::default();
        assert!(seen.insert(key(&a[..])));
        assert!(
            seen.insert(key(&b[..])),
            "a different row with the same fingerprint is new"
        );
        assert!(
            !seen.insert(key(&a[..])),
            "the same row again is a duplicate"
        );
        // Same values in another unit or kind are not duplicates either.
        assert!(seen.insert(RowKey {
            unit: 1,
            ..key(&a[..])
        }));
        assert!(seen.insert(RowKey::new(Kind::Dispute, 0, &a)));
    }
}
