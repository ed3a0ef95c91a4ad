//! Reading a recognised sheet's rows: each mapped cell converted by its column's type, with a
//! diagnostic at the exact cell for everything that cannot be read. Units stay as written here; they
//! are matched to the register once every file has been read.
//!
//! This file reads rows (skipping blank, footer and totals rows and the templates' example row,
//! telling a zero report); `cell` reads one mapped cell by its column's type; `choose` matches a written value to a column's
//! allowed values. Questionnaire answers are matched by `ledger::answers`.

mod cell;
mod choose;
mod repeat;

pub use choose::choose;

use super::header::Header;
use super::value::Value;
use crate::diag::{cell_ref, Diagnostic};
use crate::ingest::Grid;
use crate::ledger::cells::{self, cell_cow, cell_text};
use crate::ledger::schema::{DisputeCol, Kind, Spec, Ty};
use crate::plan::calendar::Calendar;
use crate::text::{alias_key, header_keys};
use calamine::Data;
use cell::read_cell;
use rustc_hash::FxHashMap;

/// One data row as read: values by canonical column, and the unit as written.
#[derive(Debug, Clone)]
pub struct ParsedRow {
    /// Absolute 0-based row.
    pub row: u32,
    pub values: Vec<Value>,
    /// The unit cell's text (an index into [`ParsedSheet::units`]), if the sheet has a unit column
    /// and the cell is not blank.
    pub unit: Option<u32>,
    /// Problems in this row's cells; they get the row's unit once it is known.
    pub diags: Vec<Diagnostic>,
}

/// A sheet's data rows, and each distinct unit text they write (once, in the order first written):
/// a ledger names the same few units on every row, so a row holds an index, not its own copy.
#[derive(Debug, Clone, Default)]
pub struct ParsedSheet {
    pub rows: Vec<ParsedRow>,
    pub units: Vec<String>,
}

impl ParsedSheet {
    /// The unit text a row writes.
    pub fn unit_of(&self, row: &ParsedRow) -> Option<&str> {
        row.unit.map(|i| self.units[i as usize].as_str())
    }
}

/// What reading a sheet needs to know.
pub struct Ctx<'a> {
    pub file: &'a str,
    pub sheet: &'a str,
    pub spec: &'a Spec,
    pub calendar: &'a Calendar,
    pub plan: &'a crate::plan::Plan,
}

/// Words in a row below the table that mark it as a footer, not data.
const FOOTER_WORDS: [&str; 16] = [
    "合计",
    "总计",
    "小计",
    "共计",
    "累计",
    "填表人",
    "填报人",
    "制表人",
    "审核人",
    "审核：",
    "审批人",
    "负责人签字",
    "负责人：",
    "签字",
    "注：",
    "说明：",
];

/// Words that open a totals row (合计, 小计 …): such a row is skipped however many of its cells
/// hold sums, when the word is the row's first text.
const TOTAL_WORDS: [&str; 5] = ["合计", "总计", "小计", "共计", "累计"];

/// Reads the data rows below `header`. Each row's cells are read once, after the row-level checks
/// (blank, footer, totals, zero report) have looked at it, so a text cell's string is moved into
/// its value rather than copied: the grid is left with those cells emptied.
pub fn parse_rows(ctx: &Ctx, grid: &mut Grid, header: &Header) -> ParsedSheet {
    let mut out = ParsedSheet::default();
    let mut unit_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut memo = SheetMemo::new(ctx, header);
    let repeated = repeat::HeaderTexts::new(grid, header);
    for r in header.last_row + 1..grid.end_row() {
        let filled = header
            .cols
            .iter()
            .flatten()
            .filter(|&&c| cells::has_text(grid.get(r, c)))
            .count();
        // A row with nothing but its unit (a merged 村居 cell running down past a blank row, a
        // pre-filled name with nothing after it) holds no data.
        let unit_only = ctx
            .spec
            .unit_col
            .and_then(|i| header.cols[i])
            .is_some_and(|c| filled == 1 && cells::has_text(grid.get(r, c)));
        if filled == 0 || unit_only {
            continue;
        }
        if (filled <= 2 && is_footer(grid, r))
            || is_total(grid, r)
            || is_example(grid, r)
            || repeated.is_repeat(grid, header, r)
        {
            continue;
        }
        let (mut row, unit) = parse_row(ctx, grid, header, &mut memo, r);
        row.unit = unit.map(|u| match unit_ids.get(u.as_str()) {
            Some(&i) => i,
            None => {
                let i = out.units.len() as u32;
                out.units.push(u.clone());
                unit_ids.insert(u, i);
                i
            }
        });
        out.rows.push(row);
    }
    out
}

/// Reads one record whose cells stand in different rows (a label/value sheet, a tally grid): each
/// canonical column `i` from its cell `(row, col)`, by the same per-cell reading (and with the same
/// messages, at the same cells) as a row of a table. Returns the values, the unit as written and
/// the cells' diagnostics.
pub fn parse_placed(
    ctx: &Ctx,
    grid: &mut Grid,
    header: &Header,
    cells: &[(usize, u32, u32)],
) -> (Vec<Value>, Option<String>, Vec<Diagnostic>) {
    let n = ctx.spec.columns.len();
    let mut values = vec![Value::Empty; n];
    let mut unit = None;
    let mut diags = Vec::new();
    let mut one = header.clone();
    for &(i, r, c) in cells {
        one.cols = vec![None; n];
        one.cols[i] = Some(c);
        let mut memo = SheetMemo::new(ctx, &one);
        let (mut row, u) = parse_row(ctx, grid, &one, &mut memo, r);
        values[i] = std::mem::take(&mut row.values[i]);
        unit = unit.or(u);
        diags.append(&mut row.diags);
    }
    (values, unit, diags)
}

/// A row below a table that is no data: a footer (填表人：…) or a totals row (合计).
pub fn is_footer_or_total(grid: &Grid, r: u32) -> bool {
    is_footer(grid, r) || is_total(grid, r)
}

/// What the first cell of a template's grey example row starts with (`示例：东庄村`): the row shows
/// how to fill the ledger and is never read as data.
pub const EXAMPLE_MARK: &str = "示例";

/// The template's example row: its first written cell starts with [`EXAMPLE_MARK`]. No unit, name or
/// date a village writes starts with it.
fn is_example(grid: &Grid, r: u32) -> bool {
    grid.row(r)
        .iter()
        .find(|d| cells::has_text(d))
        .and_then(cell_cow)
        .is_some_and(|t| t.trim_start().starts_with(EXAMPLE_MARK))
}

fn is_footer(grid: &Grid, r: u32) -> bool {
    grid.row(r).iter().filter_map(cell_cow).any(|t| {
        FOOTER_WORDS.iter().any(|w| t.starts_with(w)) || t.starts_with("注") && t.len() > 6
    })
}

/// A totals row: one of its cells says just 合计, 小计 … (`合 计`, `合计：`, `小计（5月）`),
/// wherever the sums stand. No data cell is the bare word.
fn is_total(grid: &Grid, r: u32) -> bool {
    grid.row(r)
        .iter()
        .filter(|d| may_name_total(d))
        .filter_map(cell_cow)
        .any(|t| names_total(&t))
}

/// Whether a cell's text says just 合计, 小计 … (see [`is_total`]).
fn names_total(t: &str) -> bool {
    let k = alias_key(t);
    let k = k.trim_end_matches([':', '：']);
    TOTAL_WORDS.contains(&k)
        || header_keys(t)
            .iter()
            .any(|k| TOTAL_WORDS.contains(&k.as_str()))
}

/// Every word of [`TOTAL_WORDS`] holds 计, and a text's keys (`alias_key`, `header_keys`) only fold
/// full-width ASCII and spaces and drop characters, so a cell whose text has no 计 cannot name a
/// total: the check on every cell of every row is a byte search for most. Numbers, dates, booleans
/// and error cells read as digits, signs, 是/否 or `#…`, never 计.
fn may_name_total(d: &Data) -> bool {
    match d {
        // (memchr's SIMD search: `str::contains` with a non-ASCII char is a generic substring
        // search, and this runs on every text cell of every row)
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            memchr::memmem::find(s.as_bytes(), "计".as_bytes()).is_some()
        }
        _ => false,
    }
}

/// A row (its `unit` still unset) and the unit text it writes.
fn parse_row(
    ctx: &Ctx,
    grid: &mut Grid,
    header: &Header,
    memo: &mut SheetMemo,
    r: u32,
) -> (ParsedRow, Option<String>) {
    let mut diags = Vec::new();
    let spec = ctx.spec;
    let mut values = Vec::with_capacity(spec.columns.len());
    let mut unit = None;
    let zero = is_zero_report(ctx, grid, memo, r);
    let mut blank_answers: Vec<(u32, &str)> = Vec::new();
    for (i, column) in spec.columns.iter().enumerate() {
        let Some(c) = header.cols[i] else {
            values.push(Value::Empty);
            continue;
        };
        let mut blank = Data::Empty;
        let cell = grid.get_mut(r, c).unwrap_or(&mut blank);
        let at = |d: Diagnostic| d.at(ctx.file, ctx.sheet, cell_ref(r, c));
        if let Some(e) = cells::error_text(cell) {
            diags.push(at(Diagnostic::error(
                "error_value",
                format!("“{}”是错误值 {e}", column.name),
            )
            .hint("公式出错，请改正公式或直接填写数值")));
            values.push(Value::Empty);
            continue;
        }
        if spec.unit_col == Some(i) {
            unit = text_of(cell, memo.sole[i]);
            values.push(Value::Empty);
            continue;
        }
        match read_cell(ctx, column, cell, memo.sole[i], &mut memo.choices[i]) {
            Ok(v) => {
                if v.is_empty() && matches!(column.ty, Ty::Answer(_)) {
                    blank_answers.push((c, column.name.as_str()));
                }
                if v.is_empty() && column.required && !zero {
                    diags.push(at(if grid.uncalculated_formula(r, c) {
                        Diagnostic::error(
                            "uncalculated_formula",
                            format!(
                                "“{}”是公式，但文件中没有计算结果（Excel 尚未计算过它）",
                                column.name
                            ),
                        )
                        .hint(
                            "请用 Excel 或 WPS 打开该文件并保存一次（会算出公式结果），再重新提交",
                        )
                    } else {
                        Diagnostic::error("missing_value", format!("必填项“{}”为空", column.name))
                            .hint(format!("请填写{}", column.name))
                    }));
                }
                values.push(v);
            }
            Err((code, msg, hint)) => {
                // (the message may quote what was typed: a name or phone in the wrong column)
                diags.push(at(Diagnostic::error(code, msg).hint(hint).quoting_cell()));
                values.push(Value::Empty);
            }
        }
    }
    // A respondent who left a question blank (SPEC §6): excluded from that question's base, and
    // said at the cell, as a note that costs nothing.
    let answered = spec
        .columns
        .iter()
        .zip(&values)
        .any(|(c, v)| matches!(c.ty, Ty::Answer(_)) && !v.is_empty());
    if answered {
        for (c, name) in blank_answers {
            diags.push(
                Diagnostic::info("blank_answer", format!("{name}未作答，未计入该题有效样本"))
                    .hint("如是漏填，请照问卷补上；确未作答可不改")
                    .at(ctx.file, ctx.sheet, cell_ref(r, c)),
            );
        }
    }
    let row = ParsedRow {
        row: r,
        values,
        unit: None,
        diags,
    };
    (row, unit)
}

type CellErr = (&'static str, String, String);

/// A cell's text, moved out of the grid when no other column reads the cell (`sole`).
fn text_of(cell: &mut Data, sole: bool) -> Option<String> {
    if sole {
        cells::take_text(cell)
    } else {
        cell_text(cell)
    }
}

/// What reading one sheet's rows works out once instead of per row.
struct SheetMemo {
    /// Per canonical column: no other column reads its cell, so the cell may give up its string.
    sole: Vec<bool>,
    /// Per canonical column: [`choose`]'s answer for each text written in it so far (a column
    /// holds a handful of distinct texts, and `choose` normalises every option for each call).
    choices: Vec<FxHashMap<String, Option<usize>>>,
    /// A dispute ledger: its 纠纷类型 cell's column (if mapped), for [`is_zero_report`].
    dispute_type: Option<Option<u32>>,
    /// `alias_key` of each zero-report dispute type.
    zero_types: Vec<String>,
}

impl SheetMemo {
    fn new(ctx: &Ctx, header: &Header) -> SheetMemo {
        let sole = header
            .cols
            .iter()
            .map(|c| c.is_some() && header.cols.iter().filter(|&d| d == c).count() == 1)
            .collect();
        let dispute = ctx.spec.kind == Kind::Dispute;
        let dispute_type = dispute.then(|| header.cols[ctx.spec.col(DisputeCol::Type)]);
        let zero_types = if dispute {
            let d = &ctx.plan.disputes;
            d.zero_report_types.iter().map(|z| alias_key(z)).collect()
        } else {
            Vec::new()
        };
        SheetMemo {
            sole,
            dispute_type,
            choices: vec![FxHashMap::default(); header.cols.len()],
            zero_types,
        }
    }
}

/// A dispute-ledger row that only says “no disputes this week” (零报告): its other required cells
/// may stay blank.
fn is_zero_report(ctx: &Ctx, grid: &Grid, memo: &SheetMemo, r: u32) -> bool {
    let Some(type_col) = memo.dispute_type else {
        return false;
    };
    let d = &ctx.plan.disputes;
    let dtype = type_col
        .and_then(|c| cell_cow(grid.get(r, c)))
        .map(|t| alias_key(&t))
        .unwrap_or_default();
    if memo.zero_types.contains(&dtype) {
        return true;
    }
    // The phrase stands where the clerk wrote it: 简要情况, 当事人, a 备注 column …
    dtype.is_empty()
        && grid
            .row(r)
            .iter()
            .filter_map(cell_cow)
            .any(|t| d.zero_report_phrases.iter().any(|p| t.contains(p.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::schema::VisitCol;

    /// Rows keep an index into the sheet's distinct unit texts, in the order first written.
    #[test]
    fn unit_texts_are_kept_once_per_sheet() {
        use crate::ledger::header::{Recognised, Recogniser};
        use crate::ledger::schema::{Kind, Specs};
        let plan = crate::plan::Plan::embedded();
        let specs = Specs::new(&plan);
        let calendar = Calendar::new(&plan);
        let spec = specs.get(Kind::Visit);
        let text = |s: &str| Data::String(s.into());
        let mut cells = Vec::new();
        for (c, col) in spec.columns.iter().enumerate() {
            cells.push((0, c as u32, text(&col.name)));
        }
        for (r, unit) in [(1, "东庄村"), (2, " 西庄村"), (3, "东庄村"), (4, "")] {
            cells.push((r, 0, text(unit)));
            cells.push((r, spec.col(VisitCol::Head) as u32, text("张三")));
        }
        let width = spec.columns.len() as u32 - 1;
        let mut grid = Grid::from_sparse((0, 4), (0, width), cells, &[]);
        let Recognised::Ledger(header) = Recogniser::new(&specs).recognise(&specs, &grid) else {
            panic!("the canonical header is a visit ledger");
        };
        assert_eq!(header.kind, Kind::Visit);
        let ctx = Ctx {
            file: "f.xlsx",
            sheet: "Sheet1",
            spec,
            calendar: &calendar,
            plan: &plan,
        };
        let parsed = parse_rows(&ctx, &mut grid, &header);
        assert_eq!(parsed.units, ["东庄村", "西庄村"]);
        let units: Vec<Option<&str>> = parsed.rows.iter().map(|r| parsed.unit_of(r)).collect();
        assert_eq!(
            units,
            [Some("东庄村"), Some("西庄村"), Some("东庄村"), None]
        );
    }

    /// The templates' grey example row (first cell `示例：…`) is skipped like a blank row: it
    /// counts nowhere and raises nothing, whatever else it holds.
    #[test]
    fn template_example_row_is_not_data() {
        use crate::ledger::header::{Recognised, Recogniser};
        use crate::ledger::schema::{Kind, Specs};
        let plan = crate::plan::Plan::embedded();
        let specs = Specs::new(&plan);
        let calendar = Calendar::new(&plan);
        let spec = specs.get(Kind::Visit);
        let text = |s: &str| Data::String(s.into());
        let mut cells = Vec::new();
        for (c, col) in spec.columns.iter().enumerate() {
            cells.push((0, c as u32, text(&col.name)));
        }
        let head = spec.col(VisitCol::Head) as u32;
        let method = spec.col(VisitCol::Method) as u32;
        // The example row, then a real row, then a row whose head only mentions 示例 later on.
        cells.push((1, 0, text("示例：东庄村")));
        cells.push((1, head, text("张某某")));
        cells.push((1, method, text("不是方式")));
        cells.push((2, 0, text("东庄村")));
        cells.push((2, head, text("李四")));
        cells.push((3, 0, text("东庄村")));
        cells.push((3, head, text("王示例")));
        let width = spec.columns.len() as u32 - 1;
        let mut grid = Grid::from_sparse((0, 3), (0, width), cells, &[]);
        let Recognised::Ledger(header) = Recogniser::new(&specs).recognise(&specs, &grid) else {
            panic!("the canonical header is a visit ledger");
        };
        let ctx = Ctx {
            file: "f.xlsx",
            sheet: "Sheet1",
            spec,
            calendar: &calendar,
            plan: &plan,
        };
        let parsed = parse_rows(&ctx, &mut grid, &header);
        let rows: Vec<u32> = parsed.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, [2, 3]);
        assert_eq!(parsed.units, ["东庄村"]);
    }

    /// The 计 pre-check never hides a totals cell: over written totals, look-alikes and cells of
    /// every type, `is_total` agrees with testing every cell's text, and every total word holds 计.
    #[test]
    fn totals_row_check_agrees_with_reading_every_cell() {
        assert!(TOTAL_WORDS.iter().all(|w| w.contains('计')));
        let text = |s: &str| Data::String(s.into());
        let mut cells = vec![
            Data::Empty,
            Data::Int(3),
            Data::Float(12.5),
            Data::Bool(true),
            Data::Error(calamine::CellErrorType::Value),
            Data::DateTimeIso("2021-04-07".into()),
            Data::DurationIso("合计".into()),
        ];
        for t in [
            "合计",
            "合 计",
            "合\u{3000}计",
            "合计：",
            "合计:",
            "*合计",
            "小计（5月）",
            "(合计)",
            "【总计】",
            "累计",
            "共计 ",
            "计",
            "合计人数",
            "统计员",
            "合",
            "东庄村",
            "",
            "  ",
        ] {
            cells.push(text(t));
        }
        for (i, c) in cells.iter().enumerate() {
            let grid = Grid::from_rows(vec![vec![Data::Int(1), c.clone()]]);
            let every_cell = grid
                .row(0)
                .iter()
                .filter_map(cell_text)
                .any(|t| names_total(&t));
            assert_eq!(is_total(&grid, 0), every_cell, "cell {i}: {c:?}");
            if every_cell {
                assert!(may_name_total(c), "{c:?}");
            }
        }
        assert!(is_total(&Grid::from_rows(vec![vec![text("合 计")]]), 0));
        assert!(is_total(
            &Grid::from_rows(vec![vec![text("小计（5月）")]]),
            0
        ));
        assert!(!is_total(&Grid::from_rows(vec![vec![text("合计人数")]]), 0));
    }

    /// Text cells are moved into the values; a sheet read this way gives the same rows as reading
    /// a copy of its cells.
    #[test]
    fn text_moved_out_of_the_grid_reads_the_same() {
        use crate::ledger::header::{Recognised, Recogniser};
        use crate::ledger::schema::{Kind, Specs};
        let plan = crate::plan::Plan::embedded();
        let specs = Specs::new(&plan);
        let calendar = Calendar::new(&plan);
        let spec = specs.get(Kind::Visit);
        let mut rows = vec![spec
            .columns
            .iter()
            .map(|c| Data::String(c.name.clone()))
            .collect::<Vec<_>>()];
        for (unit, name) in [
            ("东庄村", " 张三"),
            ("东庄村", "李四"),
            ("西庄村", "王\u{3000}五 "),
        ] {
            let mut row = vec![Data::Empty; spec.columns.len()];
            row[0] = Data::String(unit.into());
            row[spec.col(VisitCol::Head)] = Data::String(name.into());
            rows.push(row);
        }
        let grid = Grid::from_rows(rows);
        let Recognised::Ledger(header) = Recogniser::new(&specs).recognise(&specs, &grid) else {
            panic!("the canonical header is a visit ledger");
        };
        let ctx = Ctx {
            file: "f.xlsx",
            sheet: "Sheet1",
            spec,
            calendar: &calendar,
            plan: &plan,
        };
        let mut taken = grid.clone();
        let parsed = parse_rows(&ctx, &mut taken, &header);
        let name = spec.col(VisitCol::Head);
        let names: Vec<&Value> = parsed.rows.iter().map(|r| &r.values[name]).collect();
        assert_eq!(
            names,
            [
                &Value::Text("张三".into()),
                &Value::Text("李四".into()),
                &Value::Text("王 五".into())
            ]
        );
        // A header naming one cell for two columns: neither column takes it from the other.
        let group = spec.col(VisitCol::Group);
        let mut twice = header.clone();
        twice.cols[group] = twice.cols[name];
        let shared = parse_rows(&ctx, &mut grid.clone(), &twice);
        for (a, b) in shared.rows.iter().zip(&parsed.rows) {
            assert_eq!(a.values[group], b.values[name]);
            assert_eq!(a.values[name], b.values[name]);
        }
        // A normal text is moved (its cell left empty); one that needed folding is copied.
        assert_eq!(taken.get(2, name as u32), &Data::String(String::new()));
        assert_eq!(taken.get(1, name as u32), grid.get(1, name as u32));
        assert_eq!(taken.get(0, name as u32), grid.get(0, name as u32));
    }
}
