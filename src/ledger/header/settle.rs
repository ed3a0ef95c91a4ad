//! Weighing the cells of one header row against each other: which canonical column each Excel
//! column holds, and how every header cell was read (by name, alias, word parts; unused; not
//! guessed when two cells are like one column or one cell like several).

use crate::ledger::schema::Spec;

/// What one header cell names, before the cells of a row are weighed against each other.
#[derive(Debug, Clone, PartialEq)]
pub enum Hit {
    /// The column's canonical name.
    Name(usize),
    /// One of its aliases (or an alias with swapped words, or a question's wording).
    Alias(usize),
    /// The same word parts as the column's name or an alias (访问方式 → 走访方式).
    Family(usize),
    /// The same word parts as several columns: not guessed.
    Ambiguous(Vec<usize>),
}

impl Hit {
    pub(super) fn exact(&self) -> Option<usize> {
        match self {
            Hit::Name(i) | Hit::Alias(i) => Some(*i),
            _ => None,
        }
    }
}

/// How a header cell was read, for `check` to show and for the diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub enum How {
    Name(usize),
    Alias(usize),
    Family(usize),
    /// Names no column, or a column another cell already names.
    Unused,
    /// Its parts are those of several columns.
    Ambiguous(Vec<usize>),
    /// It and another cell both read as this column by their parts: neither is used.
    Contested(usize),
    /// Read as this column by its values (see `content`): what they showed and why they decided.
    Content(usize, Box<super::content::Evidence>),
}

/// One header cell and how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The Excel column (absolute, 0-based).
    pub col: u32,
    pub header: String,
    pub how: How,
}

/// Which canonical column each Excel column holds, and how every header cell was read.
#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    pub cols: Vec<Option<u32>>,
    pub reading: Vec<Reading>,
    /// Columns found by name or alias (the rest by word parts).
    pub exact: usize,
}

impl Layout {
    /// How many columns are named by cells that were not guessed (contested or ambiguous) and
    /// are not mapped otherwise.
    pub fn unsure(&self) -> usize {
        let mut v: Vec<usize> = self
            .reading
            .iter()
            .flat_map(|r| match &r.how {
                How::Contested(i) => vec![*i],
                How::Ambiguous(c) => c.clone(),
                _ => Vec::new(),
            })
            .filter(|&i| self.cols[i].is_none())
            .collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    }
}

/// Weighs the cells of a header against each other: a name or alias takes its column (the first
/// cell that names it); a column left over goes to the one cell whose word parts name it — two
/// such cells are contested and neither is used. `texts`: give each reading its header text (only
/// for the layout kept; the others are dropped).
pub(super) fn settle(
    spec: &Spec,
    first_col: u32,
    hits: Vec<Option<(&str, Option<Hit>)>>,
    texts: bool,
) -> Layout {
    let mut out = Layout {
        cols: vec![None; spec.columns.len()],
        ..Layout::default()
    };
    for (j, hit) in hits.iter().enumerate() {
        if let Some((_, Some(h))) = hit {
            if let Some(i) = h.exact() {
                if out.cols[i].is_none() {
                    out.cols[i] = Some(first_col + j as u32);
                    out.exact += 1;
                }
            }
        }
    }
    let family_of = |h: &Option<(&str, Option<Hit>)>| match h {
        Some((_, Some(Hit::Family(i)))) => Some(*i),
        _ => None,
    };
    for (j, hit) in hits.iter().enumerate() {
        let Some((text, h)) = hit else { continue };
        let col = first_col + j as u32;
        let how = match h {
            None => How::Unused,
            Some(Hit::Name(i)) if out.cols[*i] == Some(col) => How::Name(*i),
            Some(Hit::Alias(i)) if out.cols[*i] == Some(col) => How::Alias(*i),
            Some(Hit::Name(_) | Hit::Alias(_)) => How::Unused,
            Some(Hit::Ambiguous(c)) => How::Ambiguous(c.clone()),
            Some(Hit::Family(i)) => {
                if out.cols[*i].is_some() {
                    How::Unused
                } else if hits.iter().filter(|h| family_of(h) == Some(*i)).count() > 1 {
                    How::Contested(*i)
                } else {
                    How::Family(*i)
                }
            }
        };
        out.reading.push(Reading {
            col,
            header: if texts {
                text.to_string()
            } else {
                String::new()
            },
            how,
        });
    }
    for r in &out.reading {
        if let How::Family(i) = r.how {
            out.cols[i] = Some(r.col);
        }
    }
    out
}
