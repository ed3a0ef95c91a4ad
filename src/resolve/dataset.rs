//! The resolved dataset every later stage reads: the register, the typed records, where each record's
//! sheet is, the list of files (数据来源) and the diagnostics. `asof` and `validate` change it in place.

use crate::diag::{cell_ref, Diagnostic};
use crate::ingest::FileStatus;
use crate::ledger::records::{Records, Src};
use crate::ledger::schema::{Feed, Kind};
use crate::resolve::units::{Register, UnitId};
use chrono::NaiveDate;
use serde::Serialize;

/// A recognised sheet: where it is and which Excel column holds each canonical column.
#[derive(Debug, Clone)]
pub struct SheetInfo {
    pub file: String,
    pub sheet: String,
    pub kind: Kind,
    pub cols: Vec<Option<u32>>,
    /// Required columns the sheet lacks that identify no row (`Column::degrades`): every record of
    /// the sheet has that column's value unknown (not blank), and the figures it feeds are 无法统计
    /// for the units the sheet speaks for.
    pub unread: Vec<Unread>,
    /// The day its file reached the inbox, when known.
    pub received: Option<NaiveDate>,
    /// Where the values of a sheet read cell by cell stand (empty for a table).
    pub placed: crate::ledger::layouts::Placed,
}

/// A required column a sheet lacks (see `SheetInfo::unread`).
#[derive(Debug, Clone)]
pub struct Unread {
    /// Its position in its kind's columns.
    pub col: usize,
    /// The figures it feeds.
    pub feeds: &'static [Feed],
    /// Why those figures are 无法统计: `走访方式列未识别：东庄村走访台账.xlsx › Sheet1`.
    pub reason: String,
}

/// One line of 数据来源 / `files[]`: a sheet that was read, or a file or sheet that was not.
#[derive(Debug, Clone, Serialize)]
pub struct FileEntry {
    pub path: String,
    pub kind: Option<Kind>,
    pub sheet: String,
    pub rows: usize,
    pub status: FileStatus,
    /// Chinese: what a person reads in 数据来源 and the terminal.
    pub reason: String,
    /// The reading library's own words for an unreadable file (English), for the maintainer: in
    /// `--json` only, never on a sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Units the rows belong to (names).
    #[serde(skip)]
    pub units: Vec<String>,
    /// How each header cell of a read sheet was read (`files[].columns`); sheets read alike share
    /// one list.
    #[serde(skip)]
    pub columns: std::sync::Arc<[crate::ledger::header::ColumnRead]>,
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
    /// `东庄村走访台账.xlsx › 走访 › E12`: where a record's column `col` is, as people name it.
    pub fn source(&self, src: Src, col: usize) -> String {
        let s = &self.sheets[src.sheet as usize];
        crate::diag::Location::new(&s.file, &s.sheet, &self.cell(src, col)).to_string()
    }

    pub fn cell(&self, src: Src, col: usize) -> String {
        let s = &self.sheets[src.sheet as usize];
        if let Some(&(r, c)) = (!s.placed.is_empty())
            .then(|| s.placed.get(&(src.row, col)))
            .flatten()
        {
            return cell_ref(r, c);
        }
        match s.cols.get(col).copied().flatten() {
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

    /// The required columns a record's sheet lacks: the record's values of those columns are unknown
    /// (not blank), and so are the figures they feed.
    pub fn unread(&self, src: Src) -> &[Unread] {
        &self.sheets[src.sheet as usize].unread
    }

    pub fn unit_name(&self, id: UnitId) -> &str {
        &self.register.get(id).name
    }
}
