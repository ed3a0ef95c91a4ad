//! Survey tallies kept as grids of counts: questions as rows and options as columns, the same
//! transposed (options as rows, questions as columns), or questions as columns over their options
//! (a two-row header, the question merged over its option cells) with one row per 网格. Each count
//! cell becomes one tally record whose 题号 and 选项 are the header cells it stands under (or beside),
//! at their real cells; the plan's questions and options say which cells are which.

use super::{ctx, Builder, Place, Read};
use crate::ingest::Grid;
use crate::ledger::cells::{cell_cow, cell_text, has_text};
use crate::ledger::header::Header;
use crate::ledger::parse::{is_footer_or_total, parse_placed};
use crate::ledger::schema::{Kind, TallyCol};
use crate::ledger::tally::{question_number, question_of};
use crate::ledger::value::Value;
use crate::plan::Plan;
use crate::text::alias_key;
use calamine::Data;

/// How far down a sheet the grid's header may be.
const HEADER_ROWS: u32 = 30;

/// Whether a header cell names a question: its number with a mark (`第1题`, `Q1`, `一、`), its
/// number and text, or its text. A bare number is a count, not a question.
fn names_question(plan: &Plan, t: &str) -> bool {
    match question_number(t) {
        Some((_, rest, marked)) if !marked && rest.is_empty() => false,
        _ => question_of(plan, t).is_some(),
    }
}

/// Whether a cell is one of the plan's option words (as written in the plan, not a number).
fn names_option(plan: &Plan, t: &str) -> bool {
    let k = alias_key(t);
    !k.is_empty()
        && plan
            .survey
            .questions
            .iter()
            .any(|q| q.options.iter().any(|o| alias_key(o) == k))
}

fn text(grid: &Grid, r: u32, c: u32) -> Option<String> {
    match grid.get(r, c) {
        Data::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// The columns of row `r` whose text passes `test`.
fn cols_where(grid: &Grid, r: u32, test: impl Fn(&str) -> bool) -> Vec<u32> {
    (grid.first_col()..grid.end_col())
        .filter(|&c| text(grid, r, c).is_some_and(|t| test(&t)))
        .collect()
}

/// One count cell: its 题号 and 选项 cells (row, column) and its own.
struct Cell {
    question: (u32, u32),
    option: (u32, u32),
    count: (u32, u32),
}

pub(super) fn read(p: &Place, grid: &mut Grid) -> Option<Read> {
    let plan = p.plan;
    let last = grid.end_row().min(grid.first_row() + HEADER_ROWS);
    for r in grid.first_row()..last {
        let questions = cols_where(grid, r, |t| names_question(plan, t));
        let options = cols_where(grid, r, |t| names_option(plan, t));
        let found = if questions.len() >= 2 {
            let below = if r + 1 < grid.end_row() {
                cols_where(grid, r + 1, |t| names_option(plan, t))
            } else {
                Vec::new()
            };
            let under: Vec<u32> = below
                .into_iter()
                .filter(|c| text(grid, r, *c).is_some_and(|t| names_question(plan, &t)))
                .collect();
            // (the question merged over its options: the same question over two cells or more)
            let merged = under
                .windows(2)
                .any(|w| w[1] == w[0] + 1 && text(grid, r, w[0]) == text(grid, r, w[1]));
            if under.len() >= 2 && merged {
                Some((over_options(grid, r, &under), r + 1))
            } else {
                beside(grid, r, &questions, |t| names_option(plan, t), true).map(|c| (c, r))
            }
        } else if options.len() >= 2 {
            beside(grid, r, &options, |t| question_of(plan, t).is_some(), false).map(|c| (c, r))
        } else {
            None
        };
        if let Some(((cells, label), last_row)) = found {
            let numbers = cells
                .iter()
                .filter(|c| {
                    matches!(
                        grid.get(c.count.0, c.count.1),
                        Data::Float(_) | Data::Int(_)
                    )
                })
                .count();
            if cells.is_empty() || numbers * 2 < cells.len() {
                return None;
            }
            let unit_col = unit_column(p, grid, r, last_row, &cells, label);
            return Some(build(p, grid, r, last_row, cells, unit_col));
        }
    }
    None
}

/// Questions as columns over their options (row `r`, options in row `r + 1` at `cols`), one row per
/// 网格 below; a unit column left of them when the tally's own header words name one.
fn over_options(grid: &Grid, r: u32, cols: &[u32]) -> (Vec<Cell>, u32) {
    let mut cells = Vec::new();
    for row in r + 2..grid.end_row() {
        if is_footer_or_total(grid, row) {
            continue;
        }
        for &c in cols {
            if has_text(grid.get(row, c)) {
                cells.push(Cell {
                    question: (r, c),
                    option: (r + 1, c),
                    count: (row, c),
                });
            }
        }
    }
    (cells, u32::MAX)
}

/// A grid whose header row `r` holds the lines' keys at `cols` (questions or options), each row
/// below naming the other key in a cell left of them (`labelled` tells which cells do). `by_question`:
/// the header row holds the questions.
fn beside(
    grid: &Grid,
    r: u32,
    cols: &[u32],
    labelled: impl Fn(&str) -> bool,
    by_question: bool,
) -> Option<(Vec<Cell>, u32)> {
    let left = *cols.iter().min()?;
    // The label column: the one left of the grid whose cells name the other key most often.
    let mut best: Option<(usize, u32)> = None;
    for c in grid.first_col()..left {
        let n = (r + 1..grid.end_row())
            .filter(|&row| cell_cow(grid.get(row, c)).is_some_and(|t| labelled(&t)))
            .count();
        if n >= 2 && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, c));
        }
    }
    let (_, label) = best?;
    let mut cells = Vec::new();
    for row in r + 1..grid.end_row() {
        if !has_text(grid.get(row, label)) || is_footer_or_total(grid, row) {
            continue;
        }
        for &c in cols {
            if has_text(grid.get(row, c)) {
                let (question, option) = if by_question {
                    ((r, c), (row, label))
                } else {
                    ((row, label), (r, c))
                };
                cells.push(Cell {
                    question,
                    option,
                    count: (row, c),
                });
            }
        }
    }
    Some((cells, label))
}

/// A column left of the grid (not its label column) headed with a word of the tally's unit
/// column (村居, 单位 …).
fn unit_column(
    p: &Place,
    grid: &Grid,
    first: u32,
    last: u32,
    cells: &[Cell],
    label: u32,
) -> Option<u32> {
    let spec = p.specs.get(Kind::SurveyTally);
    let m = p.recogniser.matcher(Kind::SurveyTally)?;
    let left = cells.iter().map(|c| c.count.1).min()?;
    (grid.first_col()..left).filter(|&c| c != label).find(|&c| {
        (first..=last).any(|r| text(grid, r, c).is_some_and(|t| m.column(&t) == spec.unit_col))
    })
}

/// The tally records of a grid, each count read as a table's 人数 cell.
fn build(
    p: &Place,
    grid: &mut Grid,
    first_row: u32,
    last_row: u32,
    cells: Vec<Cell>,
    unit_col: Option<u32>,
) -> Read {
    let kind = Kind::SurveyTally;
    let spec = p.specs.get(kind);
    let (q, o, n) = (
        spec.col(TallyCol::Question),
        spec.col(TallyCol::Option),
        spec.col(TallyCol::Count),
    );
    let mut cols = vec![None; spec.columns.len()];
    if let Some(first) = cells.first() {
        cols[q] = Some(first.question.1);
        cols[o] = Some(first.option.1);
        cols[n] = Some(first.count.1);
    }
    if let Some(u) = spec.unit_col {
        cols[u] = unit_col;
    }
    let header = Header {
        kind,
        first_row,
        last_row,
        cols,
        title: crate::ledger::header::title_text(grid, first_row),
        reading: Vec::new(),
    };
    let ctx = ctx(p, kind);
    let mut b = Builder::new();
    // Records are numbered below the sheet's last row: one grid row holds several.
    let base = grid.end_row();
    for (k, cell) in cells.into_iter().enumerate() {
        let mut placed = vec![(n, cell.count.0, cell.count.1)];
        let (mut values, _, diags) = parse_placed(&ctx, grid, &header, &placed);
        // (one grid row holds several records: its unit cell is read, never moved out)
        let unit = unit_col.and_then(|c| cell_text(grid.get(cell.count.0, c)));
        if let (Some(u), Some(c)) = (spec.unit_col, unit_col) {
            placed.push((u, cell.count.0, c));
        }
        let at = |(r, c): (u32, u32)| {
            cell_cow(grid.get(r, c))
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let option = at(cell.option);
        // An option of the plan written where its question has no such option: the count is in
        // the wrong place, so that is the cell to show; a word no question has, its own cell.
        let option_at = if names_option(p.plan, &option) {
            cell.count
        } else {
            cell.option
        };
        values[q] = Value::Text(at(cell.question));
        values[o] = Value::Text(option);
        placed.push((q, cell.question.0, cell.question.1));
        placed.push((o, option_at.0, option_at.1));
        b.push(base + k as u32, values, unit, diags, &placed);
    }
    Read {
        header,
        parsed: b.parsed,
        placed: b.placed,
    }
}
