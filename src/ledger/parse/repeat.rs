//! A header repeated down the sheet for printing (every page starts with the title and the header
//! rows again): such rows are neither data nor errors, and are skipped silently.

use crate::ingest::Grid;
use crate::ledger::header::Header;
use calamine::Data;
use rustc_hash::FxHashSet;

/// The texts of a sheet's header rows, and of its title rows' longer cells (a merged title row
/// copies its text into every cell).
pub(super) struct HeaderTexts {
    texts: FxHashSet<String>,
}

/// A title cell shorter than this (`单位：`, a unit's name) may also be a value: never taken as
/// a repeated title.
const TITLE_CHARS: usize = 4;

impl HeaderTexts {
    pub(super) fn new(grid: &Grid, header: &Header) -> HeaderTexts {
        let mut texts = FxHashSet::default();
        for r in grid.first_row()..=header.last_row.min(grid.end_row().saturating_sub(1)) {
            for d in grid.row(r) {
                if let Data::String(s) = d {
                    let t = s.trim();
                    if r >= header.first_row || t.chars().count() >= TITLE_CHARS {
                        texts.insert(t.to_string());
                    }
                }
            }
        }
        HeaderTexts { texts }
    }

    /// Whether every filled cell the header maps in row `r` holds a header or title text (the row
    /// is a copy of a header or title row). One hash look-up for most data rows: their first
    /// filled cell is no header text.
    pub(super) fn is_repeat(&self, grid: &Grid, header: &Header, r: u32) -> bool {
        let mut any = false;
        for &c in header.cols.iter().flatten() {
            match grid.get(r, c) {
                Data::Empty => {}
                Data::String(s) if s.trim().is_empty() => {}
                Data::String(s) if self.texts.contains(s.trim()) => any = true,
                _ => return false,
            }
        }
        any
    }
}
