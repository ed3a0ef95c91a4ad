//! Recognising a sheet: find its header row (below title rows, notes and blank rows; one row, or a
//! two-row grouped header under merged parent cells), decide which ledger kind it is, and map each
//! canonical column to the Excel column that holds it.

use super::schema::{Kind, Spec, Specs, Ty};
use crate::ingest::Grid;
use crate::ledger::cells::cell_text;
use crate::text::{alias_key, header_keys};
use rustc_hash::FxHashMap;

/// How far down a sheet the header may be.
const HEADER_SEARCH_ROWS: u32 = 30;

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

/// All kinds' matchers.
#[derive(Debug)]
pub struct Recogniser {
    matchers: Vec<Matcher>,
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
}

/// A sheet that looks like a ledger but lacks required columns.
#[derive(Debug, Clone)]
pub struct NearMiss {
    pub kind: Kind,
    pub row: u32,
    pub missing: Vec<usize>,
}

#[derive(Debug)]
pub enum Recognised {
    Ledger(Header),
    Incomplete(NearMiss),
    NotLedger,
}

impl Recogniser {
    pub fn new(specs: &Specs) -> Recogniser {
        Recogniser {
            matchers: specs.0.iter().map(Matcher::new).collect(),
        }
    }

    pub fn recognise(&self, specs: &Specs, grid: &Grid) -> Recognised {
        let last = grid.end_row().min(grid.first_row() + HEADER_SEARCH_ROWS);
        let mut best: Option<(usize, Header)> = None;
        let mut near: Option<(usize, NearMiss)> = None;
        // Each row's cells with their header keys, worked out once (a row is the lower row of one
        // pair and the upper row of the next).
        let mut next: Option<Vec<Option<Keyed>>> = None;
        for r in grid.first_row()..last {
            let row1 = next.take().unwrap_or_else(|| keyed_row(grid, r));
            if row1.iter().all(Option::is_none) {
                continue;
            }
            let row2 = if r + 1 < grid.end_row() {
                keyed_row(grid, r + 1)
            } else {
                Vec::new()
            };
            let pairs = pair_candidates(&row1, &row2);
            for m in &self.matchers {
                let spec = specs.get(m.kind);
                // A grouped header's top row names columns itself (the group cells and the
                // headers merged down); two lines of a vertical list of column names do not.
                let grouped = !row2.is_empty() && distinct_matches(m, &row1) >= 2;
                for two in [false, true] {
                    if two && !grouped {
                        continue;
                    }
                    let cols = if two {
                        map_columns(m, spec, grid.first_col(), &pairs)
                    } else {
                        map_single(m, spec, grid.first_col(), &row1)
                    };
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
                        // A two-row header must add something over the single row.
                        let score = found * 2 + usize::from(!two);
                        if best.as_ref().is_none_or(|(s, _)| score > *s) {
                            best = Some((
                                score,
                                Header {
                                    kind: m.kind,
                                    first_row: r,
                                    last_row: if two { r + 1 } else { r },
                                    cols,
                                    title: title_text(grid, r),
                                },
                            ));
                        }
                    } else if found >= 3 && found > missing.len() {
                        let score = found;
                        if near.as_ref().is_none_or(|(s, _)| score > *s) {
                            near = Some((
                                score,
                                NearMiss {
                                    kind: m.kind,
                                    row: r,
                                    missing,
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
        match (best, near) {
            (Some((_, h)), _) => Recognised::Ledger(h),
            (None, Some((_, n))) => Recognised::Incomplete(n),
            _ => Recognised::NotLedger,
        }
    }
}

fn texts(grid: &Grid, r: u32) -> Vec<Option<String>> {
    grid.row(r).iter().map(cell_text).collect()
}

/// A header cell's text and its [`header_keys`].
#[derive(Clone)]
struct Keyed {
    text: String,
    keys: Vec<String>,
}

impl Keyed {
    fn new(text: String) -> Keyed {
        let keys = header_keys(&text);
        Keyed { text, keys }
    }
}

fn keyed_row(grid: &Grid, r: u32) -> Vec<Option<Keyed>> {
    grid.row(r)
        .iter()
        .map(|d| cell_text(d).map(Keyed::new))
        .collect()
}

/// Per column of a parent row over a child row, the header texts tried in order (as keys): the child,
/// the parent, then both joined (`化解情况` over `日期` → `化解情况日期`).
fn pair_candidates(row1: &[Option<Keyed>], row2: &[Option<Keyed>]) -> Vec<Vec<Keyed>> {
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
fn map_single(m: &Matcher, spec: &Spec, first_col: u32, row: &[Option<Keyed>]) -> Vec<Option<u32>> {
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
fn map_columns(m: &Matcher, spec: &Spec, first_col: u32, pairs: &[Vec<Keyed>]) -> Vec<Option<u32>> {
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
fn distinct_matches(m: &Matcher, row: &[Option<Keyed>]) -> usize {
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
fn title_text(grid: &Grid, header_row: u32) -> String {
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
        assert_eq!(h.cols[s.col("第1题")], Some(1));
        assert_eq!(h.cols[s.col("第4题")], Some(4));
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
