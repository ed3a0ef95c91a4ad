//! A weekly report kept as label/value pairs, one period per sheet: a label (`本周走访户数`,
//! `报送时间：`, an office's own word from the plan) with its value in the next filled cell to its
//! right (`本周走访户数 | 23`). Read as one report whose values keep their real cells.

use super::{ctx, Builder, Place, Read};
use crate::ingest::Grid;
use crate::ledger::cells::{cell_cow, has_text};
use crate::ledger::header::{Header, Hit, How, Reading};
use crate::ledger::parse::parse_placed;
use crate::ledger::schema::Kind;
use calamine::Data;

/// How far down and across a sheet labels are looked for.
const ROWS: u32 = 60;
const COLS: u32 = 12;
/// A label is short; a longer cell is a value (本周工作开展情况's text) or a note.
const LABEL_CHARS: usize = 16;
/// At least this many labels, on as many rows, make a label/value sheet.
const MIN_LABELS: usize = 4;

pub(super) fn read(p: &Place, grid: &mut Grid) -> Option<Read> {
    let kind = Kind::WeeklyReport;
    let spec = p.specs.get(kind);
    let m = p.recogniser.matcher(kind)?;
    let lx = p.recogniser.lexicon();
    let end_row = grid.end_row().min(grid.first_row() + ROWS);
    let end_col = grid.end_col().min(grid.first_col() + COLS);
    let label = |r: u32, c: u32| -> Option<(usize, How, String)> {
        let t = cell_cow(grid.get(r, c))?;
        if t.chars().count() > LABEL_CHARS {
            return None;
        }
        let how = match m.hit(lx, &t)? {
            Hit::Name(i) => How::Name(i),
            Hit::Alias(i) => How::Alias(i),
            Hit::Family(i) => How::Family(i),
            Hit::Ambiguous(_) => return None,
        };
        let i = how.column()?;
        Some((i, how, t.trim().to_string()))
    };
    // Per canonical column: (label row, label column, value column), the first label found.
    let mut found: Vec<Option<(u32, u32, u32)>> = vec![None; spec.columns.len()];
    let mut reading = Vec::new();
    let mut rows: Vec<u32> = Vec::new();
    for r in grid.first_row()..end_row {
        for c in grid.first_col()..end_col {
            let Some((i, how, text)) = label(r, c) else {
                continue;
            };
            if found[i].is_some() {
                continue;
            }
            // The next filled cell to the right, unless it is another label (then the value is blank).
            let value = (c + 1..grid.end_col())
                .find(|&v| has_text(grid.get(r, v)))
                .filter(|&v| label(r, v).is_none())
                .unwrap_or(c + 1);
            found[i] = Some((r, c, value));
            reading.push(Reading {
                col: c,
                header: text,
                how,
            });
            if !rows.contains(&r) {
                rows.push(r);
            }
        }
    }
    let labels = found.iter().flatten().count();
    let others = found
        .iter()
        .enumerate()
        .filter(|(i, f)| f.is_some() && spec.unit_col != Some(*i))
        .count();
    let complete = spec
        .columns
        .iter()
        .zip(&found)
        .enumerate()
        .all(|(i, (c, f))| !c.required || f.is_some() || spec.unit_col == Some(i));
    if !complete || others < spec.min_columns || labels < MIN_LABELS || rows.len() < MIN_LABELS {
        return None;
    }
    // A sheet explaining the columns (填表说明: each name beside its note) holds no number or date.
    let numbers = found.iter().flatten().any(|&(r, _, v)| {
        matches!(
            grid.get(r, v),
            Data::Float(_) | Data::Int(_) | Data::DateTime(_) | Data::DateTimeIso(_)
        )
    });
    if !numbers {
        return None;
    }
    let first = *rows.iter().min()?;
    let header = Header {
        kind,
        first_row: first,
        last_row: first,
        cols: found.iter().map(|f| f.map(|(_, _, v)| v)).collect(),
        title: crate::ledger::header::title_text(grid, first),
        reading,
    };
    let cells: Vec<(usize, u32, u32)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|(r, _, v)| (i, r, v)))
        .collect();
    let ctx = ctx(p, kind);
    let (values, unit, diags) = parse_placed(&ctx, grid, &header, &cells);
    // The report's row is its unit's value row (an unknown unit is said at that cell).
    let row = spec
        .unit_col
        .and_then(|u| found[u])
        .map_or(first, |(r, _, _)| r);
    let mut b = Builder::new();
    b.push(row, values, unit, diags, &cells);
    Some(Read {
        header,
        parsed: b.parsed,
        placed: b.placed,
    })
}
