//! What a header names: each kind's aliases (with the words clerks swap freely) by normalised key,
//! survey headers written as the question itself, and the mapping of one header row, or a parent
//! row over a child row, to canonical columns.

use crate::ingest::Grid;
use crate::ledger::cells::cell_text;
use crate::ledger::schema::{Kind, Spec, Ty};
use crate::text::{alias_key, header_keys};
use rustc_hash::FxHashMap;

/// Words clerks swap freely in headers: each alias is also accepted with these exchanged.
const SWAPS: [(&str, &str); 6] = [
    ("日期", "时间"),
    ("纠纷", "矛盾"),
    ("类型", "类别"),
    ("状态", "情况"),
    ("村居", "村社区"),
    ("姓名", "名字"),
];

/// Aliases of one kind, by normalised key → column index.
#[derive(Debug)]
pub struct Matcher {
    pub kind: Kind,
    keys: FxHashMap<String, usize>,
    /// (question number, column index) for survey answer columns.
    questions: Vec<(u32, usize)>,
}

impl Matcher {
    pub fn new(spec: &Spec) -> Matcher {
        let mut keys = FxHashMap::default();
        // Canonical names first so they win over another column's alias.
        for (i, c) in spec.columns.iter().enumerate() {
            keys.entry(alias_key(&c.name)).or_insert(i);
        }
        for (i, c) in spec.columns.iter().enumerate() {
            for a in std::iter::once(&c.name).chain(&c.aliases) {
                let k = alias_key(a);
                for (x, y) in SWAPS {
                    for (from, to) in [(x, y), (y, x)] {
                        if k.contains(from) {
                            keys.entry(k.replace(from, to)).or_insert(i);
                        }
                    }
                }
                keys.entry(k).or_insert(i);
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
        Matcher {
            kind: spec.kind,
            keys,
            questions,
        }
    }

    /// The column a header cell names, if any.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.column_of(&Keyed::new(header.to_string()))
    }

    /// [`Matcher::column`] for a cell whose [`header_keys`] are already known (the recogniser works
    /// them out once per cell, not once per cell and kind).
    fn column_of(&self, cell: &Keyed) -> Option<usize> {
        for k in &cell.keys {
            if let Some(&i) = self.keys.get(k) {
                return Some(i);
            }
        }
        self.question_column(&cell.text)
    }

    /// Survey headers written as the question itself: "1、您知道什么是平安建设活动吗？", "第1题 …".
    fn question_column(&self, header: &str) -> Option<usize> {
        if self.questions.is_empty() {
            return None;
        }
        let k = alias_key(header);
        let k = k.trim_start_matches('第');
        let digits: String = k.chars().take_while(|c| c.is_ascii_digit()).collect();
        let n: u32 = digits.parse().ok()?;
        let rest = &k[digits.len()..];
        let rest = rest.trim_start_matches(['、', '.', '．', ':', '：', '题', ' ', ')', '）']);
        if rest.chars().count() < 4 && !k[digits.len()..].starts_with('题') {
            return None;
        }
        self.questions
            .iter()
            .find(|(q, _)| *q == n)
            .map(|(_, i)| *i)
    }
}

fn texts(grid: &Grid, r: u32) -> Vec<Option<String>> {
    grid.row(r).iter().map(cell_text).collect()
}

/// A header cell's text and its [`header_keys`].
#[derive(Clone)]
pub(super) struct Keyed {
    text: String,
    keys: Vec<String>,
}

impl Keyed {
    fn new(text: String) -> Keyed {
        let keys = header_keys(&text);
        Keyed { text, keys }
    }
}

pub(super) fn keyed_row(grid: &Grid, r: u32) -> Vec<Option<Keyed>> {
    grid.row(r)
        .iter()
        .map(|d| cell_text(d).map(Keyed::new))
        .collect()
}

/// Per column of a parent row over a child row, the header texts tried in order (as keys): the child,
/// the parent, then both joined (`化解情况` over `日期` → `化解情况日期`).
pub(super) fn pair_candidates(row1: &[Option<Keyed>], row2: &[Option<Keyed>]) -> Vec<Vec<Keyed>> {
    row1.iter()
        .enumerate()
        .map(|(j, parent)| {
            let child = row2.get(j).and_then(Option::as_ref);
            match (child, parent) {
                (Some(c), Some(p)) if c.text != p.text => vec![
                    c.clone(),
                    p.clone(),
                    Keyed::new(format!("{}{}", p.text, c.text)),
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
    spec: &Spec,
    first_col: u32,
    row: &[Option<Keyed>],
) -> Vec<Option<u32>> {
    let mut cols = vec![None; spec.columns.len()];
    for (j, cell) in row.iter().enumerate() {
        let Some(cell) = cell else { continue };
        if let Some(i) = m.column_of(cell) {
            if cols[i].is_none() {
                cols[i] = Some(first_col + j as u32);
            }
        }
    }
    cols
}

/// Maps the header cells of a parent row over a child row to canonical columns: per column, the
/// first candidate (see [`pair_candidates`]) that names a column decides.
pub(super) fn map_columns(
    m: &Matcher,
    spec: &Spec,
    first_col: u32,
    pairs: &[Vec<Keyed>],
) -> Vec<Option<u32>> {
    let mut cols = vec![None; spec.columns.len()];
    for (j, candidates) in pairs.iter().enumerate() {
        for cand in candidates {
            if let Some(i) = m.column_of(cand) {
                if cols[i].is_none() {
                    cols[i] = Some(first_col + j as u32);
                }
                break;
            }
        }
    }
    cols
}

/// How many different columns the cells of one row name.
pub(super) fn distinct_matches(m: &Matcher, row: &[Option<Keyed>]) -> usize {
    let mut seen: Vec<usize> = row
        .iter()
        .flatten()
        .filter_map(|t| m.column_of(t))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// The text of the rows above the header (the title), joined.
pub(super) fn title_text(grid: &Grid, header_row: u32) -> String {
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
