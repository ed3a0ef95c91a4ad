//! Values as evidence: a header's words and its column's values decide together. Each header cell
//! whose reading is weak or in doubt is profiled on its first rows (the share of its values that
//! are one column's allowed choices, dates, phone numbers, unit names, yes/no or counts):
//!
//! - a cell read by its word parts as X whose values are clearly not X's but clearly Y's is Y
//!   (headed 调处时间 ≈ 化解日期, but its cells are 已化解 / 化解中: it is 化解状态);
//! - of two cells like one column by their word parts, or one cell like two columns, the values
//!   decide when they fit exactly one;
//! - a required column (or the unit column) no header names is taken by the one unused cell whose
//!   values are clearly its own (联系方式 whose cells are 入户 / 电话 is the visit method).
//!
//! A cell read by a column's name or an alias is never overridden, and a column of free text says
//! nothing about what it is. Only the header kept for a sheet is weighed, once, on at most
//! `profile::SAMPLE_ROWS` rows, and only when a reading is weak, in doubt or missing: a sheet headed by
//! the standard names costs nothing.

use super::profile::{fit, telling, Fit};
pub use super::profile::{Evidence, Why};
use super::{Header, How, Lexicon, NearMiss, Reading, Recognised};
use crate::ingest::Grid;
use crate::ledger::schema::Spec;

/// A header (or a near miss) being weighed: its cells' readings and the column each is in.
struct Weigh<'a> {
    spec: &'a Spec,
    lx: &'a Lexicon,
    grid: &'a Grid,
    from: u32,
    cols: Vec<Option<u32>>,
    reading: Vec<Reading>,
    /// Unused cells whose values fit a missing column, but not it alone: (Excel column, header,
    /// column).
    unsure: Vec<(u32, String, usize)>,
}

impl Weigh<'_> {
    fn fit(&self, i: usize, c: u32) -> Fit {
        fit(self.lx, &self.spec.columns[i], self.grid, self.from, c)
    }

    /// Whether column `i` is held by a cell read by its name or alias.
    fn fixed(&self, i: usize) -> bool {
        self.reading
            .iter()
            .any(|r| matches!(r.how, How::Name(x) | How::Alias(x) if x == i))
    }

    /// The columns (not held by name or alias, of a telling type) the cell's values clearly fit.
    fn clear_fits(&self, c: u32, skip: Option<usize>) -> Vec<(usize, Fit)> {
        (0..self.spec.columns.len())
            .filter(|&i| Some(i) != skip && telling(&self.spec.columns[i]) && !self.fixed(i))
            .filter_map(|i| {
                let f = self.fit(i, c);
                f.clear().then_some((i, f))
            })
            .collect()
    }

    fn take(&mut self, j: usize, i: usize, ev: Evidence) {
        if let How::Family(x) = self.reading[j].how {
            self.cols[x] = None;
        }
        self.cols[i] = Some(self.reading[j].col);
        self.reading[j].how = How::Content(i, Box::new(ev));
    }

    /// Two cells like one column by their word parts: the one whose values fit it takes it.
    fn contests(&mut self) {
        for x in 0..self.spec.columns.len() {
            let cells: Vec<usize> = (0..self.reading.len())
                .filter(|&j| self.reading[j].how == How::Contested(x))
                .collect();
            if cells.is_empty() || !telling(&self.spec.columns[x]) || self.cols[x].is_some() {
                continue;
            }
            let mut fits: Vec<(usize, Fit)> = cells
                .iter()
                .map(|&j| (j, self.fit(x, self.reading[j].col)))
                .filter(|(_, f)| f.clear())
                .collect();
            if fits.len() == 1 {
                let (j, f) = fits.pop().unwrap();
                self.take(j, x, f.evidence(Why::Contest));
                for k in cells.into_iter().filter(|&k| k != j) {
                    self.reading[k].how = How::Unused;
                }
            }
        }
    }

    /// One cell like several columns by its word parts: the values decide when they fit one of
    /// them and are clearly none of the others'.
    fn ambiguities(&mut self) {
        for j in 0..self.reading.len() {
            let How::Ambiguous(cands) = &self.reading[j].how else {
                continue;
            };
            let cands = cands.clone();
            let c = self.reading[j].col;
            if !cands.iter().all(|&i| telling(&self.spec.columns[i])) {
                continue; // free text may hold anything
            }
            let fits: Vec<(usize, Fit)> = cands.iter().map(|&i| (i, self.fit(i, c))).collect();
            let clear: Vec<usize> = (0..fits.len()).filter(|&k| fits[k].1.clear()).collect();
            if let [k] = clear[..] {
                let others_not = fits.iter().enumerate().all(|(o, f)| o == k || f.1.not());
                let i = fits[k].0;
                if others_not && self.cols[i].is_none() && !self.fixed(i) {
                    let f = fits.into_iter().nth(k).unwrap().1;
                    self.take(j, i, f.evidence(Why::Contest));
                }
            }
        }
    }

    /// A cell read by its word parts as X whose values are not X's but clearly one other column's.
    fn overrides(&mut self) {
        for j in 0..self.reading.len() {
            let How::Family(x) = self.reading[j].how else {
                continue;
            };
            let c = self.reading[j].col;
            if !telling(&self.spec.columns[x]) || !self.fit(x, c).not() {
                continue;
            }
            let mut fits = self.clear_fits(c, Some(x));
            if fits.len() == 1 && self.cols[fits[0].0].is_none() {
                let (i, f) = fits.pop().unwrap();
                self.take(j, i, f.evidence(Why::Over(x)));
            }
        }
    }

    /// The required columns (and the unit column) still missing, each taken by the one unused cell
    /// whose values clearly fit it and no other missing column.
    fn missing(&mut self) {
        let want: Vec<usize> = self.missing_cols();
        if want.is_empty() {
            return;
        }
        let mut claims: Vec<(usize, usize, Fit)> = Vec::new(); // (cell, column, fit)
        for j in 0..self.reading.len() {
            let r = &self.reading[j];
            if r.how != How::Unused
                || self.cols.contains(&Some(r.col))
                || self.lx.is_ignored(&r.header)
            {
                continue;
            }
            let fits: Vec<(usize, Fit)> = self
                .clear_fits(r.col, None)
                .into_iter()
                .filter(|(i, _)| want.contains(i))
                .collect();
            if fits.len() == 1 {
                let (i, f) = fits.into_iter().next().unwrap();
                claims.push((j, i, f));
            } else {
                for (i, _) in fits {
                    self.unsure.push((r.col, r.header.clone(), i));
                }
            }
        }
        for &i in &want {
            let n = claims.iter().filter(|(_, x, _)| *x == i).count();
            let pos = claims.iter().position(|(_, x, _)| *x == i);
            match (n, pos) {
                (1, Some(p)) => {
                    let (j, _, f) = claims.remove(p);
                    self.take(j, i, f.evidence(Why::Alone));
                }
                _ => {
                    for (j, _, _) in claims.iter().filter(|(_, x, _)| *x == i) {
                        let r = &self.reading[*j];
                        self.unsure.push((r.col, r.header.clone(), i));
                    }
                }
            }
        }
    }

    fn missing_cols(&self) -> Vec<usize> {
        (0..self.spec.columns.len())
            .filter(|&i| self.cols[i].is_none())
            .filter(|&i| {
                let c = &self.spec.columns[i];
                (c.required || self.spec.unit_col == Some(i)) && telling(c)
            })
            .collect()
    }

    /// Required columns not found (the unit column is never required).
    fn required_missing(&self) -> Vec<usize> {
        (0..self.spec.columns.len())
            .filter(|&i| {
                self.spec.columns[i].required
                    && self.cols[i].is_none()
                    && self.spec.unit_col != Some(i)
            })
            .collect()
    }

    fn found(&self) -> usize {
        (0..self.cols.len())
            .filter(|&i| self.cols[i].is_some() && self.spec.unit_col != Some(i))
            .count()
    }

    fn run(&mut self) {
        self.contests();
        self.ambiguities();
        self.overrides();
        self.missing();
    }
}

/// Whether anything about a header is weak, in doubt or missing (else nothing is profiled).
fn in_doubt(spec: &Spec, cols: &[Option<u32>], reading: &[Reading]) -> bool {
    spec.unit_col.is_some_and(|u| cols[u].is_none())
        || reading.iter().any(|r| {
            matches!(
                r.how,
                How::Family(_) | How::Contested(_) | How::Ambiguous(_)
            )
        })
}

/// A full header weighed by its values: it may gain columns, or lose one its word parts named
/// (then it is a near miss).
pub(super) fn weigh_ledger(spec: &Spec, lx: &Lexicon, grid: &Grid, h: Header) -> Recognised {
    if !in_doubt(spec, &h.cols, &h.reading) {
        return Recognised::Ledger(h);
    }
    let mut w = Weigh {
        spec,
        lx,
        grid,
        from: h.last_row + 1,
        cols: h.cols,
        reading: h.reading,
        unsure: Vec::new(),
    };
    w.run();
    let missing = w.required_missing();
    if missing.is_empty() {
        return Recognised::Ledger(Header {
            cols: w.cols,
            reading: w.reading,
            ..h
        });
    }
    Recognised::Incomplete(NearMiss {
        kind: h.kind,
        row: h.first_row,
        last_row: h.last_row,
        missing,
        weak: w.unsure,
        cols: w.cols,
        reading: w.reading,
    })
}

/// A near miss weighed by its values: complete when every missing required column is found so.
pub(super) fn weigh_near(spec: &Spec, lx: &Lexicon, grid: &Grid, n: NearMiss) -> Recognised {
    let mut w = Weigh {
        spec,
        lx,
        grid,
        from: n.last_row + 1,
        cols: n.cols,
        reading: n.reading,
        unsure: Vec::new(),
    };
    w.run();
    let missing = w.required_missing();
    if missing.is_empty() && w.found() >= spec.min_columns {
        return Recognised::Ledger(Header {
            kind: n.kind,
            first_row: n.row,
            last_row: n.last_row,
            cols: w.cols,
            title: String::new(),
            reading: w.reading,
        });
    }
    let mut weak = n.weak;
    for u in w.unsure {
        if !weak.iter().any(|x| x.0 == u.0 && x.2 == u.2) {
            weak.push(u);
        }
    }
    Recognised::Incomplete(NearMiss {
        missing,
        weak,
        cols: w.cols,
        reading: w.reading,
        ..n
    })
}
