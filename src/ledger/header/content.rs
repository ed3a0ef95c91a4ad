//! Values as evidence: a sheet that lacks a required column by its headers may still hold it —
//! a column headed 联系方式 whose cells are 入户 / 电话 is the visit method. Each header cell no
//! column took is profiled on its first rows (the share of its values that are the missing
//! column's allowed values, dates, phones, yes/no or counts); a missing column is taken by the one
//! cell whose values are clearly its own. Only sheets that would otherwise be refused are
//! profiled, once per sheet, so well-headed ledgers cost nothing.

use super::{Header, How, NearMiss};
use crate::ingest::Grid;
use crate::ledger::cells::{self, cell_cow};
use crate::ledger::parse::choose;
use crate::ledger::schema::{Spec, Ty};

/// How many data rows are looked at.
const SAMPLE_ROWS: u32 = 50;
/// At least this many filled cells, and this share of them fitting, for a column to be known by
/// its values.
const MIN_FILLED: usize = 3;
const MIN_SHARE: f64 = 0.9;

/// The share of the filled cells below the header in Excel column `c` that fit column type `ty`
/// (`None` when too few are filled to say).
fn fit(spec_col: &crate::ledger::schema::Column, grid: &Grid, from: u32, c: u32) -> Option<f64> {
    let to = grid.end_row().min(from + SAMPLE_ROWS);
    let (mut filled, mut fits) = (0usize, 0usize);
    for r in from..to {
        let d = grid.get(r, c);
        let Some(t) = cell_cow(d) else { continue };
        filled += 1;
        let ok = match &spec_col.ty {
            Ty::Choice(options) => choose(options, &spec_col.values, &t).is_some(),
            // Any year: only whether the cell is a date matters here.
            Ty::Date | Ty::DateTime => matches!(cells::parse_date(d, 2000), Ok(Some(_))),
            Ty::Phone => cells::phone_valid(&cells::strip_phone_note(&t)),
            Ty::YesNo => matches!(cells::parse_yes_no(d), Ok(Some(_))),
            Ty::Count => matches!(cells::parse_count(d), Ok(Some(_))),
            _ => false,
        };
        fits += usize::from(ok);
    }
    (filled >= MIN_FILLED).then(|| fits as f64 / filled as f64)
}

/// The near miss completed by the values of its unused columns, if every missing column is found
/// so (each by exactly one unused cell whose values clearly fit it and no other missing column).
pub(super) fn complete(spec: &Spec, grid: &Grid, n: &NearMiss) -> Option<Header> {
    let mut cols = n.cols.clone();
    let mut reading = n.reading.clone();
    for &i in &n.missing {
        let column = &spec.columns[i];
        if matches!(column.ty, Ty::Text | Ty::Person | Ty::Unit) {
            return None; // free text says nothing about what it is
        }
        let fitting: Vec<usize> = reading
            .iter()
            .enumerate()
            .filter(|(_, r)| r.how == How::Unused && !cols.contains(&Some(r.col)))
            .filter(|(_, r)| {
                fit(column, grid, n.last_row + 1, r.col).is_some_and(|s| s >= MIN_SHARE)
            })
            .map(|(j, _)| j)
            .collect();
        let [j] = fitting[..] else { return None };
        cols[i] = Some(reading[j].col);
        reading[j].how = How::Content(i);
    }
    Some(Header {
        kind: n.kind,
        first_row: n.row,
        last_row: n.last_row,
        cols,
        title: String::new(),
        reading,
    })
}
