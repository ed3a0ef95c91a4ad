//! Reading a recognised sheet's rows: each mapped cell converted by its column's type, with a
//! diagnostic at the exact cell for everything that cannot be read. Units stay as written here; they
//! are matched to the register once every file has been read.

use super::header::Header;
use super::schema::{Column, Spec, Ty};
use super::value::Value;
use crate::diag::{cell_ref, Diagnostic};
use crate::fxhash::FxHashMap;
use crate::ingest::Grid;
use crate::ledger::cells::{self, cell_cow, cell_text};
use crate::plan::calendar::Calendar;
use crate::text::{alias_key, header_keys};
use calamine::Data;
use chrono::NaiveTime;

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
        if (filled <= 2 && is_footer(grid, r)) || is_total(grid, r) {
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
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.contains('计'),
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
                diags.push(at(Diagnostic::error(code, msg).hint(hint)));
                values.push(Value::Empty);
            }
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
        let dispute = ctx.spec.kind == super::schema::Kind::Dispute;
        let dispute_type = dispute.then(|| header.cols[ctx.spec.col("纠纷类型")]);
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

/// [`choose`], remembered per written text.
fn choose_memo(
    memo: &mut FxHashMap<String, Option<usize>>,
    options: &[String],
    t: &str,
) -> Option<usize> {
    if let Some(&i) = memo.get(t) {
        return i;
    }
    let i = choose(options, t);
    memo.insert(t.to_string(), i);
    i
}

fn read_cell(
    ctx: &Ctx,
    column: &Column,
    cell: &mut Data,
    sole: bool,
    choices: &mut FxHashMap<String, Option<usize>>,
) -> Result<Value, CellErr> {
    if let Ty::Unit | Ty::Text | Ty::Person = column.ty {
        return Ok(text_of(cell, sole).map(Value::Text).unwrap_or_default());
    }
    let cell = &*cell;
    let year = ctx.calendar.year;
    let name = &column.name;
    Ok(match &column.ty {
        Ty::Unit | Ty::Text | Ty::Person => unreachable!("read above"),
        Ty::Phone => match cell_cow(cell) {
            None => Value::Empty,
            Some(t) => {
                let t = cells::strip_phone_note(&t);
                if !cells::phone_valid(&t) {
                    return Err((
                        "bad_phone",
                        format!(
                            "{name}“{}”不是有效的手机号或座机号",
                            crate::text::mask_phone(&t)
                        ),
                        "手机号为11位（1开头）；座机号写成“区号-号码”，号码为7–8位".into(),
                    ));
                }
                Value::Text(cells::normalize_phone(&t))
            }
        },
        Ty::Date => match cells::parse_date(cell, year) {
            Ok(None) => Value::Empty,
            Ok(Some(d)) => Value::Date(d),
            Err(e) => return Err(("bad_date", format!("{name}：{e}"), date_hint())),
        },
        Ty::DateTime => match cells::parse_datetime(cell, year) {
            Ok(None) => Value::Empty,
            Ok(Some((d, t))) => {
                Value::DateTime(d.and_time(t.unwrap_or(NaiveTime::MIN)), t.is_some())
            }
            Err(e) => {
                return Err((
                    "bad_date",
                    format!("{name}：{e}"),
                    "请填写日期和时间，如 2021-04-09 16:30".into(),
                ))
            }
        },
        Ty::Count => match cells::parse_count(cell) {
            Ok(None) => Value::Empty,
            Ok(Some(n)) => Value::Count(n),
            Err(e) => {
                return Err((
                    "bad_number",
                    format!("{name}：{e}"),
                    "请填写不小于0的整数".into(),
                ))
            }
        },
        Ty::YesNo => match cells::parse_yes_no(cell) {
            Ok(None) => Value::Empty,
            Ok(Some(b)) => Value::Bool(b),
            Err(e) => {
                return Err((
                    "bad_yes_no",
                    format!("{name}：{e}"),
                    "请填写“是”或“否”".into(),
                ))
            }
        },
        Ty::Choice(options) => match cell_cow(cell) {
            None => Value::Empty,
            Some(t) => match choose_memo(choices, options, &t) {
                Some(i) => Value::Choice(i as u8),
                None => {
                    return Err((
                        "bad_choice",
                        format!("{name}“{t}”不是可选值"),
                        format!("请从下列选项中选择：{}", options.join("、")),
                    ))
                }
            },
        },
        Ty::Week => match cell_cow(cell) {
            None => Value::Empty,
            Some(t) => match parse_week(ctx.calendar, cell, &t) {
                Some(w) => Value::Week(w),
                None => {
                    return Err((
                        "bad_week",
                        format!("{name}“{t}”无法识别为活动周次"),
                        "请写“第6周”“第6期”或该周内的一个日期".into(),
                    ))
                }
            },
        },
        Ty::Answer(_) => match cell_cow(cell) {
            None => Value::Empty,
            Some(t) => match answer(&column.note_options(), cell, &t) {
                Some(i) => Value::Choice(i as u8),
                None => {
                    return Err((
                        "bad_answer",
                        format!("{name}的答案“{t}”不是该题的选项，未计入该题有效样本"),
                        format!(
                            "可选：{}（可写选项文字或序号）",
                            column.note_options().join("、")
                        ),
                    ))
                }
            },
        },
    })
}

fn date_hint() -> String {
    "请填写日期，如 2021-04-07 或 2021年4月7日".into()
}

impl Column {
    /// A questionnaire column's options (kept in its note as "A / B / C").
    pub fn note_options(&self) -> Vec<String> {
        self.note.split(" / ").map(str::to_string).collect()
    }
}

/// Matches a written value to one of the allowed values: exactly after normalising, by a known
/// synonym (`schema::VALUE_SYNONYMS`), with a trailing 纠纷/矛盾/类 dropped, or as the one allowed
/// value it contains.
pub fn choose(options: &[String], t: &str) -> Option<usize> {
    let k = alias_key(t);
    if let Some(i) = options.iter().position(|o| alias_key(o) == k) {
        return Some(i);
    }
    if let Some((_, canonical)) = super::schema::VALUE_SYNONYMS
        .iter()
        .find(|(w, _)| alias_key(w) == k)
    {
        if let Some(i) = options.iter().position(|o| o == canonical) {
            return Some(i);
        }
    }
    let trimmed = k
        .trim_end_matches("纠纷")
        .trim_end_matches("矛盾")
        .trim_end_matches("争议")
        .trim_end_matches('类');
    if let Some(i) = options.iter().position(|o| alias_key(o) == trimmed) {
        return Some(i);
    }
    let hits: Vec<usize> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let ok = alias_key(o);
            ok.chars().count() >= 2
                && (k.contains(&ok) || (trimmed.chars().count() >= 2 && ok.contains(trimmed)))
        })
        .map(|(i, _)| i)
        .collect();
    if hits.len() == 1 {
        return Some(hits[0]);
    }
    if !hits.is_empty() || k.contains(['未', '不', '没', '无', '非', '待', '否']) {
        return None;
    }
    // A longer wording around one known synonym: 水泉派出所, 县人民检察院 (never a negated one:
    // 未办结 is not 办结).
    let mut found = super::schema::VALUE_SYNONYMS
        .iter()
        .filter(|(w, _)| w.chars().count() >= 3 && k.contains(&alias_key(w)))
        .filter_map(|(_, canonical)| options.iter().position(|o| o == canonical));
    let first = found.next()?;
    found.all(|i| i == first).then_some(first)
}

/// An answer as option text, option number (1-based) or letter (A = 1).
fn answer(options: &[String], cell: &Data, t: &str) -> Option<usize> {
    if matches!(cell, Data::Float(_) | Data::Int(_)) {
        let n = cells::parse_count(cell).ok().flatten()? as usize;
        return (1..=options.len()).contains(&n).then(|| n - 1);
    }
    answer_text(options, t)
}

/// A written answer (or a tally's 选项) as option text, option number (1-based), letter (A = 1), or
/// "1、知道"; an option with a free-text blank (其他治安问题____) also takes "其他：偷盗".
pub fn answer_text(options: &[String], t: &str) -> Option<usize> {
    let k = alias_key(t);
    if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) {
        let n: usize = k.parse().ok()?;
        return (1..=options.len()).contains(&n).then(|| n - 1);
    }
    if k.len() == 1 {
        let b = k.as_bytes()[0];
        if b.is_ascii_lowercase() {
            let n = (b - b'a') as usize;
            return (n < options.len()).then_some(n);
        }
    }
    let k = k.trim_start_matches(|c: char| c.is_ascii_digit() || "、.．".contains(c));
    let k = k.trim_end_matches(['_', '＿']);
    if let Some(i) = options.iter().position(|o| alias_key(o) == k) {
        return Some(i);
    }
    // "其他治安问题（偷盗）", "其他：偷盗": an 其他… option the answer starts with, or whose start it is.
    let hits: Vec<usize> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let ok = alias_key(o);
            ok.starts_with("其他")
                && (k.starts_with(&ok) || (k.chars().count() >= 2 && ok.starts_with(k)))
        })
        .map(|(i, _)| i)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

fn parse_week(cal: &Calendar, cell: &Data, t: &str) -> Option<u32> {
    let s = t.trim().trim_start_matches('第');
    let s = s.trim_end_matches(['周', '期', '次']);
    if let Ok(n) = s.parse::<u32>() {
        return (1..=cal.week_count()).contains(&n).then_some(n);
    }
    if let Some(w) = month_week(cal, t) {
        return Some(w);
    }
    let d = cells::parse_date(cell, cal.year).ok().flatten()?;
    cal.week_of(d)
}

/// “5月第1周”: the n-th campaign week of that month (a week belongs to the month holding its
/// report day, as everywhere else).
fn month_week(cal: &Calendar, t: &str) -> Option<u32> {
    let t = cells::fold(t);
    let (m, rest) = t.split_once('月')?;
    let month: u32 = m.trim().parse().ok()?;
    let n: usize = rest
        .trim()
        .trim_start_matches('第')
        .trim_end_matches(['周', '期'])
        .trim()
        .parse()
        .ok()?;
    let period = cal.month(cal.year, month)?;
    cal.weeks_of_month(&period).get(n.checked_sub(1)?).copied()
}

#[cfg(test)]
mod week_tests {
    use super::*;
    use crate::plan::Plan;

    #[test]
    fn weeks_are_read_as_number_month_week_or_date() {
        let cal = Calendar::new(&Plan::embedded());
        let w = |t: &str| parse_week(&cal, &Data::String(t.into()), t);
        assert_eq!(w("第6周"), Some(6));
        assert_eq!(w("第6期"), Some(6));
        assert_eq!(w("6"), Some(6));
        // May's weeks are those whose Friday is in May: 05-07 (第5期) … 05-28 (第8期).
        assert_eq!(w("5月第1周"), Some(5));
        assert_eq!(w("5月第4周"), Some(8));
        assert_eq!(w("5月第5周"), None);
        assert_eq!(w("2021-05-12"), Some(6));
        assert_eq!(w("第99周"), None);
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
            cells.push((r, spec.col("户主姓名") as u32, text("张三")));
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
            row[spec.col("户主姓名")] = Data::String(name.into());
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
        let name = spec.col("户主姓名");
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
        let group = spec.col("村民小组/网格");
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

    /// A column's remembered choices are `choose`'s, however often and in whatever order texts
    /// come back, unmatched ones included.
    #[test]
    fn remembered_choices_are_chooses() {
        let status = opts(&["未化解", "化解中", "已化解", "已移交"]);
        let mut memo = FxHashMap::default();
        let texts = [
            "已化解",
            "调解成功",
            "已化解",
            "不知道",
            "移交",
            "不知道",
            "已 化解",
            "调解成功",
        ];
        for _ in 0..2 {
            for t in texts {
                assert_eq!(
                    choose_memo(&mut memo, &status, t),
                    choose(&status, t),
                    "{t}"
                );
            }
        }
        assert_eq!(memo.len(), 5);
    }

    fn opts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn written_values_map_to_allowed_ones() {
        let status = opts(&["未化解", "化解中", "已化解", "已移交"]);
        assert_eq!(choose(&status, "已化解"), Some(2));
        assert_eq!(choose(&status, " 已 化解 "), Some(2));
        assert_eq!(choose(&status, "调解成功"), Some(2));
        assert_eq!(choose(&status, "正在调解"), Some(1));
        assert_eq!(choose(&status, "移交"), Some(3));
        assert_eq!(choose(&status, "不知道"), None);
        let types = opts(&["婚姻家庭", "邻里", "房屋宅基地", "其他"]);
        assert_eq!(choose(&types, "邻里纠纷"), Some(1));
        assert_eq!(choose(&types, "婚姻家庭矛盾"), Some(0));
        assert_eq!(choose(&types, "宅基地"), Some(2));
        let method = opts(&["入户", "电话"]);
        assert_eq!(choose(&method, "上门走访"), Some(0));
        assert_eq!(choose(&method, "电话访问"), Some(1));
        let forms = opts(&["横幅", "墙体", "电子显示屏", "其他"]);
        assert_eq!(choose(&forms, "LED屏"), Some(2));
        // Clerks' words for the dispute status and the activity type.
        assert_eq!(choose(&status, "已调处"), Some(2));
        assert_eq!(choose(&status, "已结案"), Some(2));
        assert_eq!(choose(&status, "正在调处"), Some(1));
        assert_eq!(choose(&status, "未办结"), None);
        let activity = opts(&crate::ledger::schema::ACTIVITY_TYPES);
        assert_eq!(choose(&activity, "动员会"), Some(0));
        assert_eq!(choose(&activity, "大喇叭广播"), Some(2));
        assert_eq!(choose(&activity, "座谈会"), Some(3));
        assert_eq!(choose(&activity, "村民代表大会"), None);
        // A named station of a known kind.
        let units = opts(&crate::ledger::schema::OFFICER_UNITS);
        assert_eq!(choose(&units, "水泉派出所"), Some(2));
        assert_eq!(choose(&units, "县司法局"), Some(3));
        // A synonym whose canonical value is not allowed here does not match.
        assert_eq!(choose(&opts(&["村", "社区", "镇直单位"]), "条幅"), None);
    }
}
