//! What a header names: each kind's names and aliases (with the words clerks swap freely) by
//! normalised key, survey headers written as the question itself, a header split into word parts
//! (`parts`) matched to a column with the same parts, and the mapping of one header row, or a
//! parent row over a child row, to canonical columns (`settle` weighs the cells against each
//! other).

use super::parts::{Lexicon, Part};
use super::settle::{settle, Hit, Layout};
use crate::ingest::Grid;
use crate::ledger::cells::cell_text;
use crate::ledger::schema::{Kind, Spec, Ty};
use crate::ledger::tally::{is_question_text, question_key, question_number};
use crate::text::alias_key;
use rustc_hash::FxHashMap;

pub(super) use super::keyed::{KeyCache, Keyed};

/// Aliases of one kind, by normalised key → column index.
#[derive(Debug)]
pub struct Matcher {
    pub kind: Kind,
    /// Key → (column, whether it is the canonical name).
    keys: FxHashMap<String, (usize, bool)>,
    /// Word parts of each name and alias → the columns they name.
    parts: FxHashMap<Vec<Part>, Vec<usize>>,
    /// (question number, column index) for survey answer columns.
    questions: Vec<(u32, usize)>,
    /// (question text as a key, column index) for survey answer columns.
    texts: Vec<(String, usize)>,
    /// This matcher's place among its recogniser's (where a cell keeps what it names by this
    /// kind, see [`Keyed`]); None for a matcher on its own.
    pub(super) slot: Option<usize>,
}

impl Matcher {
    pub fn new(spec: &Spec, lx: &Lexicon) -> Matcher {
        let mut keys = FxHashMap::default();
        // Canonical names first so they win over another column's alias.
        for (i, c) in spec.columns.iter().enumerate() {
            keys.entry(alias_key(&c.name)).or_insert((i, true));
        }
        let mut parts: FxHashMap<Vec<Part>, Vec<usize>> = FxHashMap::default();
        for (i, c) in spec.columns.iter().enumerate() {
            for a in std::iter::once(&c.name).chain(&c.aliases) {
                let k = alias_key(a);
                for (x, y) in &lx.swaps {
                    for (from, to) in [(x, y), (y, x)] {
                        if k.contains(from.as_str()) {
                            keys.entry(k.replace(from.as_str(), to))
                                .or_insert((i, false));
                        }
                    }
                }
                if !matches!(c.ty, Ty::Answer(_)) {
                    if let Some(p) = lx.parts(&k) {
                        let cols = parts.entry(p).or_default();
                        if !cols.contains(&i) {
                            cols.push(i);
                        }
                    }
                }
                keys.entry(k).or_insert((i, false));
            }
        }
        // A count column is also known without its count word (排查纠纷（件） ≈ 排查纠纷数: the unit
        // in brackets says it is a number), where no column already has those parts.
        let named: rustc_hash::FxHashSet<Vec<Part>> = parts.keys().cloned().collect();
        let mut bare: Vec<(Vec<Part>, usize)> = Vec::new();
        for (p, cols) in &parts {
            for &i in cols {
                if spec.columns[i].ty == Ty::Count {
                    if let Some(q) = lx.without_count(p) {
                        bare.push((q, i));
                    }
                }
            }
        }
        bare.sort_unstable();
        bare.dedup();
        for (q, i) in bare {
            if !named.contains(&q) {
                let cols = parts.entry(q).or_default();
                if !cols.contains(&i) {
                    cols.push(i);
                }
            }
        }
        let questions = spec
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c.ty {
                Ty::Answer(n) => Some((n, i)),
                _ => None,
            })
            .collect();
        // (the question's text is its column's last alias)
        let texts = spec
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.ty, Ty::Answer(_)))
            .filter_map(|(i, c)| Some((question_key(c.aliases.last()?), i)))
            .collect();
        Matcher {
            kind: spec.kind,
            keys,
            parts,
            questions,
            texts,
            slot: None,
        }
    }

    /// The column a header cell names by its name or an alias, if any.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.exact_of(&Keyed::new(header.to_string()))
    }

    /// What a header cell names, word parts included.
    pub fn hit(&self, lx: &Lexicon, header: &str) -> Option<Hit> {
        self.hit_of(lx, &Keyed::new(header.to_string()))
    }

    /// The column a cell names by name or alias (the recogniser works a cell's [`header_keys`] out
    /// once per cell, not once per cell and kind).
    fn exact_of(&self, cell: &Keyed) -> Option<usize> {
        self.exact_hit(cell).and_then(|h| h.exact())
    }

    fn exact_hit(&self, cell: &Keyed) -> Option<Hit> {
        match self.slot.and_then(|i| cell.info.exact.get(i)) {
            Some(memo) => memo.get_or_init(|| self.exact_hit_of(cell)).clone(),
            None => self.exact_hit_of(cell),
        }
    }

    fn exact_hit_of(&self, cell: &Keyed) -> Option<Hit> {
        for k in &cell.info.keys {
            if let Some(&(i, canonical)) = self.keys.get(k) {
                return Some(if canonical {
                    Hit::Name(i)
                } else {
                    Hit::Alias(i)
                });
            }
        }
        self.question_column(&cell.text).map(Hit::Alias)
    }

    /// By name or alias, else by word parts.
    fn hit_of(&self, lx: &Lexicon, cell: &Keyed) -> Option<Hit> {
        self.exact_hit(cell).or_else(|| self.family_hit(lx, cell))
    }

    fn family_hit(&self, lx: &Lexicon, cell: &Keyed) -> Option<Hit> {
        match self.slot.and_then(|i| cell.info.family.get(i)) {
            Some(memo) => memo.get_or_init(|| self.family_hit_of(lx, cell)).clone(),
            None => self.family_hit_of(lx, cell),
        }
    }

    fn family_hit_of(&self, lx: &Lexicon, cell: &Keyed) -> Option<Hit> {
        for p in cell.parts(lx) {
            if let Some(cols) = self.parts.get(p) {
                return Some(match cols[..] {
                    [i] => Hit::Family(i),
                    _ => Hit::Ambiguous(cols.clone()),
                });
            }
        }
        None
    }

    /// Columns sharing a family word part with the cell (a weak likeness: reported for a missing
    /// column, never used).
    pub(super) fn weak(&self, lx: &Lexicon, cell: &Keyed) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for p in cell.parts(lx) {
            let fam: Vec<&Part> = p.iter().filter(|x| matches!(x, Part::Family(_))).collect();
            for (q, cols) in &self.parts {
                if fam.iter().any(|f| q.contains(f)) {
                    out.extend(cols);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Survey headers written as the question's number in any form (`第一题`, `题1`, `1、`, `(1)`,
    /// `Q1`, `一、`, `1、您知道…`) or as the question's text or its start.
    fn question_column(&self, header: &str) -> Option<usize> {
        if self.questions.is_empty() {
            return None;
        }
        if let Some((n, rest, marked)) = question_number(header) {
            if !((marked && rest.is_empty()) || rest.chars().count() >= 4) {
                return None;
            }
            return self
                .questions
                .iter()
                .find(|(q, _)| *q == n)
                .map(|(_, i)| *i);
        }
        let k = question_key(header);
        let mut hits = self.texts.iter().filter(|(t, _)| is_question_text(t, &k));
        match (hits.next(), hits.next()) {
            (Some((_, i)), None) => Some(*i),
            _ => None,
        }
    }
}

fn texts(grid: &Grid, r: u32) -> Vec<Option<String>> {
    grid.row(r).iter().map(cell_text).collect()
}

pub(super) fn keyed_row(cache: &mut KeyCache, grid: &Grid, r: u32) -> Vec<Option<Keyed>> {
    grid.row(r)
        .iter()
        .map(|d| cell_text(d).map(|t| cache.keyed(t)))
        .collect()
}

/// Per column of a parent row over a child row, the header texts tried in order (as keys): the child,
/// the parent, then both joined (`化解情况` over `日期` → `化解情况日期`).
pub(super) fn pair_candidates(
    cache: &mut KeyCache,
    row1: &[Option<Keyed>],
    row2: &[Option<Keyed>],
) -> Vec<Vec<Keyed>> {
    row1.iter()
        .enumerate()
        .map(|(j, parent)| {
            let child = row2.get(j).and_then(Option::as_ref);
            match (child, parent) {
                (Some(c), Some(p)) if c.text != p.text => vec![
                    c.clone(),
                    p.clone(),
                    cache.keyed(format!("{}{}", p.text, c.text)),
                ],
                (Some(c), _) => vec![c.clone()],
                (None, Some(p)) => vec![p.clone()],
                (None, None) => Vec::new(),
            }
        })
        .collect()
}

/// Maps the header cells of one row to canonical columns.
pub(super) fn map_single(
    m: &Matcher,
    lx: &Lexicon,
    spec: &Spec,
    first_col: u32,
    row: &[Option<Keyed>],
    texts: bool,
) -> Layout {
    let hits = row
        .iter()
        .map(|cell| cell.as_ref().map(|c| (c.text.as_str(), m.hit_of(lx, c))))
        .collect();
    settle(spec, first_col, hits, texts)
}

/// Maps the header cells of a parent row over a child row to canonical columns: per column, the
/// first candidate (see [`pair_candidates`]) that names a column by name or alias decides, else
/// the first that names one by its word parts.
pub(super) fn map_columns(
    m: &Matcher,
    lx: &Lexicon,
    spec: &Spec,
    first_col: u32,
    pairs: &[Vec<Keyed>],
    texts: bool,
) -> Layout {
    let hits = pairs
        .iter()
        .map(|candidates| {
            let first = candidates.first()?;
            let exact = candidates
                .iter()
                .find_map(|c| m.exact_hit(c).map(|h| (c.text.as_str(), Some(h))));
            let family = || {
                candidates
                    .iter()
                    .find_map(|c| m.family_hit(lx, c).map(|h| (c.text.as_str(), Some(h))))
            };
            Some(exact.or_else(family).unwrap_or((first.text.as_str(), None)))
        })
        .collect();
    settle(spec, first_col, hits, texts)
}

/// How many different columns the cells of one row name by name or alias.
pub(super) fn distinct_matches(m: &Matcher, row: &[Option<Keyed>]) -> usize {
    let mut seen: Vec<usize> = row.iter().flatten().filter_map(|t| m.exact_of(t)).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// The text of the rows above the header (the title), joined.
pub(crate) fn title_text(grid: &Grid, header_row: u32) -> String {
    let mut s = String::new();
    for r in grid.first_row()..header_row {
        for t in texts(grid, r).into_iter().flatten() {
            if !s.contains(&t) {
                s.push_str(&t);
                s.push(' ');
            }
        }
    }
    s
}
