//! Sheets that are no table of one record per row, read cell by cell when the header search finds
//! no table (or a questionnaire header that is really a tally): a weekly report kept as label/value
//! pairs (`本周走访户数 | 23`, one period per sheet: `labels`), and survey tallies kept as a question ×
//! option grid either way round, or as questions over their options with one row per 网格
//! (`grids`). Each value is read by the same per-cell reading as a table's and keeps its real cell
//! ([`Placed`]), so messages and cells are those of a table.

mod grids;
mod labels;

use super::header::{Header, Recognised, Recogniser};
use super::parse::{Ctx, ParsedRow, ParsedSheet};
use super::schema::{Kind, Specs};
use super::value::Value;
use crate::diag::Diagnostic;
use crate::ingest::Grid;
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use rustc_hash::FxHashMap;

/// Where a record's values really stand: (record row, canonical column) → (Excel row, column), for
/// a sheet whose records are not one row each. Empty for a table.
pub type Placed = FxHashMap<(u32, usize), (u32, u32)>;

/// A sheet read cell by cell.
pub struct Read {
    pub header: Header,
    pub parsed: ParsedSheet,
    pub placed: Placed,
}

/// Where the sheet is and what reading needs.
pub struct Place<'a> {
    pub file: &'a str,
    pub sheet: &'a str,
    pub plan: &'a Plan,
    pub calendar: &'a Calendar,
    pub specs: &'a Specs,
    pub recogniser: &'a Recogniser,
}

/// A sheet the header search found no table in, or read as a questionnaire, read in another
/// layout; None when it is in none (the search's answer stands). Costs nothing for a table of
/// another kind.
pub fn read(p: &Place, recognised: &Recognised, grid: &mut Grid) -> Option<Read> {
    match recognised {
        Recognised::NotLedger => labels::read(p, grid).or_else(|| grids::read(p, grid)),
        Recognised::Ledger(h) if h.kind == Kind::Survey => grids::read(p, grid),
        _ => None,
    }
}

/// Records being built: each one's values, unit text and diagnostics, and where its cells are.
struct Builder {
    parsed: ParsedSheet,
    placed: Placed,
    units: FxHashMap<String, u32>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            parsed: ParsedSheet::default(),
            placed: Placed::default(),
            units: FxHashMap::default(),
        }
    }

    /// Adds a record numbered `row` (unique in the sheet) with its cells' places.
    fn push(
        &mut self,
        row: u32,
        values: Vec<Value>,
        unit: Option<String>,
        diags: Vec<Diagnostic>,
        cells: &[(usize, u32, u32)],
    ) {
        for &(i, r, c) in cells {
            self.placed.insert((row, i), (r, c));
        }
        let unit = unit.map(|u| {
            let n = self.units.len() as u32;
            *self.units.entry(u.clone()).or_insert_with(|| {
                self.parsed.units.push(u);
                n
            })
        });
        self.parsed.rows.push(ParsedRow {
            row,
            values,
            unit,
            diags,
        });
    }
}

fn ctx<'a>(p: &'a Place, kind: Kind) -> Ctx<'a> {
    Ctx {
        file: p.file,
        sheet: p.sheet,
        spec: p.specs.get(kind),
        calendar: p.calendar,
        plan: p.plan,
    }
}
