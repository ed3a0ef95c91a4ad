//! Recognising a sheet: find its header row (below title rows, notes and blank rows; one row, or a
//! two-row grouped header under merged parent cells), decide which ledger kind it is, and map each
//! canonical column to the Excel column that holds it.
//!
//! This file scores the candidate header rows of a sheet against every kind (the first row that
//! makes a full header wins; a two-row grouped header must add something over one row); `layout`
//! says which canonical column each header cell names.

mod content;
mod explain;
mod keyed;
mod layout;
mod parts;
mod profile;
mod settle;

pub use content::{Evidence, Why};
pub use explain::{
    columns_line, columns_line_all, columns_read, diagnostics, near_miss_diagnostics, plan_words,
    ColumnRead,
};
pub(crate) use layout::title_text;
pub use layout::Matcher;
pub use parts::{Lexicon, Part};
pub use settle::Hit;
pub use settle::{How, Reading};

use super::schema::{Kind, Spec, Specs};
use crate::ingest::Grid;
use layout::{
    distinct_matches, keyed_row, map_columns, map_single, pair_candidates, KeyCache, Keyed,
};

/// How far down a sheet the header may be.
const HEADER_SEARCH_ROWS: u32 = 30;

/// All kinds' matchers.
#[derive(Debug)]
pub struct Recogniser {
    matchers: Vec<Matcher>,
    lexicon: Lexicon,
    /// This recogniser among the run's (what header texts name is kept per recogniser, see
    /// `layout::KeyCache`).
    id: u64,
}

/// The next recogniser's id.
static RECOGNISERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn next_id() -> u64 {
    RECOGNISERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Where a ledger's header is and which Excel column holds each canonical column.
#[derive(Debug, Clone)]
pub struct Header {
    pub kind: Kind,
    /// First and last header rows (absolute, 0-based); data starts below `last_row`.
    pub first_row: u32,
    pub last_row: u32,
    /// Per canonical column: the Excel column (absolute, 0-based) holding it.
    pub cols: Vec<Option<u32>>,
    /// Text above the header (title rows), used to find the unit when there is no unit column.
    pub title: String,
    /// How each header cell was read (by name, alias, word parts; unused; not guessed).
    pub reading: Vec<Reading>,
}

/// A sheet that looks like a ledger but lacks required columns.
#[derive(Debug, Clone)]
pub struct NearMiss {
    pub kind: Kind,
    pub row: u32,
    pub missing: Vec<usize>,
    /// How each header cell was read.
    pub reading: Vec<Reading>,
    /// Unused header cells that share a word part with a missing column: (Excel column, header,
    /// the missing column), reported, never used.
    pub weak: Vec<(u32, String, usize)>,
    /// The columns found, and the last header row (for reading the missing ones by their values).
    pub cols: Vec<Option<u32>>,
    pub last_row: u32,
}

#[derive(Debug)]
pub enum Recognised {
    Ledger(Header),
    Incomplete(NearMiss),
    NotLedger,
}

impl Recogniser {
    pub fn new(specs: &Specs) -> Recogniser {
        let mut matchers: Vec<Matcher> =
            specs.0.iter().map(|s| Matcher::new(s, &specs.1)).collect();
        for (i, m) in matchers.iter_mut().enumerate() {
            m.slot = Some(i);
        }
        Recogniser {
            matchers,
            lexicon: specs.1.clone(),
            id: next_id(),
        }
    }

    /// The matcher of one kind (for layouts read cell by cell: a label/value sheet).
    pub fn matcher(&self, kind: Kind) -> Option<&Matcher> {
        self.matchers.iter().find(|m| m.kind == kind)
    }

    /// The same recogniser, knowing the register's unit names (each `unit_key`d).
    pub fn with_units(mut self, names: impl IntoIterator<Item = String>) -> Recogniser {
        self.lexicon.unit_names.extend(names);
        self.id = next_id();
        self
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub fn recognise(&self, specs: &Specs, grid: &Grid) -> Recognised {
        KeyCache::with(self.id, self.matchers.len(), |cache| {
            self.recognise_with(cache, specs, grid)
        })
    }

    fn recognise_with(&self, cache: &mut KeyCache, specs: &Specs, grid: &Grid) -> Recognised {
        let last = grid.end_row().min(grid.first_row() + HEADER_SEARCH_ROWS);
        let mut best: Option<(usize, Header)> = None;
        let mut near: Option<(usize, NearMiss)> = None;
        // Each row's cells with their header keys, worked out once (a row is the lower row of one
        // pair and the upper row of the next).
        let mut next: Option<Vec<Option<Keyed>>> = None;
        for r in grid.first_row()..last {
            let row1 = next.take().unwrap_or_else(|| keyed_row(cache, grid, r));
            if row1.iter().all(Option::is_none) {
                continue;
            }
            let row2 = if r + 1 < grid.end_row() {
                keyed_row(cache, grid, r + 1)
            } else {
                Vec::new()
            };
            // (the rows' pairs only once a kind reads the two rows as one grouped header: most
            // pairs are a title or a data row joined to the header, text no header has)
            let mut pairs: Option<Vec<Vec<Keyed>>> = None;
            for m in &self.matchers {
                let spec = specs.get(m.kind);
                // A grouped header's top row names columns itself (the group cells and the
                // headers merged down); two lines of a vertical list of column names do not.
                let grouped = !row2.is_empty() && distinct_matches(m, &row1) >= 2;
                if grouped && pairs.is_none() {
                    pairs = Some(pair_candidates(cache, &row1, &row2));
                }
                let pairs = pairs.as_deref().unwrap_or_default();
                for two in [false, true] {
                    if two && !grouped {
                        continue;
                    }
                    let lx = &self.lexicon;
                    // Without the header texts first (most candidates are dropped); the one kept
                    // is mapped again with them.
                    let map = |texts: bool| {
                        if two {
                            map_columns(m, lx, spec, grid.first_col(), pairs, texts)
                        } else {
                            map_single(m, lx, spec, grid.first_col(), &row1, texts)
                        }
                    };
                    let layout = map(false);
                    let cols = &layout.cols;
                    let found = cols
                        .iter()
                        .enumerate()
                        .filter(|(i, c)| c.is_some() && spec.unit_col != Some(*i))
                        .count();
                    let missing: Vec<usize> = spec
                        .columns
                        .iter()
                        .enumerate()
                        .filter(|(i, c)| {
                            c.required && cols[*i].is_none() && spec.unit_col != Some(*i)
                        })
                        .map(|(i, _)| i)
                        .collect();
                    if missing.is_empty() && found >= spec.min_columns {
                        // A two-row header must add something over the single row; of two
                        // equal readings, the one with more columns by name or alias.
                        let score = (found * 2 + usize::from(!two)) * 256 + layout.exact;
                        if best.as_ref().is_none_or(|(s, _)| score > *s) {
                            let layout = map(true);
                            best = Some((
                                score,
                                Header {
                                    kind: m.kind,
                                    first_row: r,
                                    last_row: if two { r + 1 } else { r },
                                    cols: layout.cols,
                                    title: title_text(grid, r),
                                    reading: layout.reading,
                                },
                            ));
                        }
                    } else if (found + layout.unsure() >= 3
                        || (!missing.is_empty() && identified(spec, cols, found)))
                        && found + layout.unsure() > missing.len()
                    {
                        // Columns not guessed (contested, ambiguous) still say what the sheet is.
                        let score = found;
                        if near.as_ref().is_none_or(|(s, _)| score > *s) {
                            let layout = map(true);
                            near = Some((
                                score,
                                NearMiss {
                                    kind: m.kind,
                                    row: r,
                                    last_row: if two { r + 1 } else { r },
                                    cols: layout.cols.clone(),
                                    weak: weak_cells(m, lx, &layout.reading, &row1, &missing),
                                    missing,
                                    reading: layout.reading,
                                },
                            ));
                        }
                    }
                }
            }
            if best.is_some() {
                // The first row that makes a full header wins; a second row may still improve it.
                if let Some((_, h)) = &best {
                    if h.first_row < r {
                        break;
                    }
                }
            }
            next = Some(row2);
        }
        // The header kept is weighed by its values (a required column no header names may still
        // be found so; a weak reading the values contradict is dropped).
        match (best, near) {
            (Some((_, h)), _) => content::weigh_ledger(specs.get(h.kind), &self.lexicon, grid, h),
            (None, Some((_, n))) => {
                match content::weigh_near(specs.get(n.kind), &self.lexicon, grid, n) {
                    Recognised::Ledger(mut h) => {
                        h.title = title_text(grid, h.first_row);
                        Recognised::Ledger(h)
                    }
                    other => other,
                }
            }
            _ => Recognised::NotLedger,
        }
    }
}

/// Every column that identifies a row of the kind is found (two at least): the sheet is that
/// kind even with fewer columns than `min_columns` (户主姓名 and 走访日期 without 走访方式).
fn identified(spec: &Spec, cols: &[Option<u32>], found: usize) -> bool {
    if found < 2 {
        return false;
    }
    let mut n = 0;
    for (i, c) in spec.columns.iter().enumerate() {
        if c.identifies() && spec.unit_col != Some(i) {
            if cols[i].is_none() {
                return false;
            }
            n += 1;
        }
    }
    n >= 2
}

impl NearMiss {
    /// The sheet read without its missing columns, when each of them only feeds figures
    /// (`Column::degrades`): its rows count, those figures are 无法统计. None when a missing column
    /// identifies a row.
    pub fn degraded(&self, spec: &Spec, grid: &Grid) -> Option<Header> {
        if self.missing.is_empty() || !self.missing.iter().all(|&i| spec.columns[i].degrades()) {
            return None;
        }
        Some(Header {
            kind: self.kind,
            first_row: self.row,
            last_row: self.last_row,
            cols: self.cols.clone(),
            title: title_text(grid, self.row),
            reading: self.reading.clone(),
        })
    }
}

/// The unused cells of a header row that share a word part with a missing column.
fn weak_cells(
    m: &Matcher,
    lx: &Lexicon,
    reading: &[Reading],
    row: &[Option<Keyed>],
    missing: &[usize],
) -> Vec<(u32, String, usize)> {
    let mut out = Vec::new();
    for r in reading.iter().filter(|r| r.how == How::Unused) {
        let Some(cell) = row.iter().flatten().find(|c| c.text == r.header) else {
            continue;
        };
        for i in m.weak(lx, cell) {
            if missing.contains(&i) {
                out.push((r.col, r.header.clone(), i));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::schema::{Kind, Specs};
    use crate::plan::Plan;
    use calamine::Data;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid::from_rows(
            rows.iter()
                .map(|r| {
                    r.iter()
                        .map(|s| {
                            if s.is_empty() {
                                Data::Empty
                            } else {
                                Data::String(s.to_string())
                            }
                        })
                        .collect()
                })
                .collect(),
        )
    }

    fn recognise(rows: &[&[&str]]) -> Recognised {
        let specs = Specs::new(&Plan::embedded());
        Recogniser::new(&specs).recognise(&specs, &grid(rows))
    }

    fn header(rows: &[&[&str]]) -> Header {
        match recognise(rows) {
            Recognised::Ledger(h) => h,
            other => panic!("not recognised: {other:?}"),
        }
    }

    #[test]
    fn variants_of_header_wording_map_to_canonical_columns() {
        let h = header(&[&[
            "村(居)名称",
            "户主\n姓名",
            "走访时间*",
            "方式（必填）",
            "是否发放问卷",
            "公开信",
        ]]);
        assert_eq!(h.kind, Kind::Visit);
        assert_eq!(
            h.cols[..7],
            [Some(0), None, Some(1), Some(2), Some(3), Some(4), Some(5)]
        );
    }

    /// Wordings seen in village files: 被走访户户主, 问卷发放情况, 公开信发放情况; 宣传载体.
    #[test]
    fn clerks_wordings_of_visit_and_slogan_columns() {
        let h = header(&[&[
            "序号",
            "村民小组",
            "被走访户户主",
            "走访日期",
            "方式",
            "问卷发放情况",
            "公开信发放情况",
        ]]);
        assert_eq!(h.kind, Kind::Visit);
        assert_eq!(
            h.cols[..7],
            [None, Some(1), Some(2), Some(3), Some(4), Some(5), Some(6)]
        );
        let h = header(&[&["单位", "标语内容（全文）", "宣传载体", "悬挂时间"]]);
        assert_eq!(h.kind, Kind::Slogan);
    }

    #[test]
    fn swapped_words_are_accepted() {
        // 矛盾/纠纷, 时间/日期, 类别/类型, 情况/状态 exchanged.
        let h = header(&[&["村居", "排查时间", "当事人", "矛盾类别", "化解情况"]]);
        assert_eq!(h.kind, Kind::Dispute);
    }

    #[test]
    fn title_and_blank_rows_above_the_header_are_skipped() {
        let h = header(&[
            &["东庄村标语台账", "", ""],
            &["", "", ""],
            &["填报人：张三", "", ""],
            &["单位", "宣传内容", "载体", "悬挂日期"],
        ]);
        assert_eq!((h.kind, h.first_row, h.last_row), (Kind::Slogan, 3, 3));
        assert!(h.title.contains("东庄村标语台账"));
    }

    #[test]
    fn survey_headers_may_be_the_question_text() {
        let h = header(&[&[
            "村居",
            "1、您知道什么是平安建设活动吗？",
            "Q2",
            "问题3",
            "第4题",
        ]]);
        assert_eq!(h.kind, Kind::Survey);
        let specs = Specs::new(&Plan::embedded());
        let s = specs.get(Kind::Survey);
        assert_eq!(h.cols[s.question(1)], Some(1));
        assert_eq!(h.cols[s.question(4)], Some(4));
    }

    #[test]
    fn a_sheet_of_notes_is_no_ledger() {
        assert!(matches!(
            recognise(&[
                &["填表须知"],
                &["1. 日期写成 2021-04-07"],
                &["2. 是/否 填是或否"]
            ]),
            Recognised::NotLedger
        ));
    }

    #[test]
    fn a_ledger_missing_a_required_column_is_a_near_miss() {
        match recognise(&[&["村居", "户主姓名", "走访日期", "发放问卷", "送达公开信"]])
        {
            Recognised::Incomplete(n) => assert_eq!(n.kind, Kind::Visit),
            other => panic!("{other:?}"),
        }
    }
}
