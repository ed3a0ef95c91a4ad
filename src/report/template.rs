//! `shuangti template -o DIR`: the blank ledger workbooks the office sends to villages, one per ledger
//! kind, plus the plan in force as `plan.toml`.
//!
//! Every template is drawn from the ledger declarations (`ledger::schema`): the header row is exactly
//! the canonical column names, so what a village sends back is recognised without guessing; the
//! dropdowns are the declared allowed values; 填表说明 lists each column as declared. The document date
//! is the plan's first campaign week, so the same plan always gives byte-identical files.

mod help;

use crate::ledger::schema::{Column, Kind, Spec, Specs, Ty};
use crate::plan::Plan;
use crate::report::output::{check_writable, write_atomic, OutputError};
use crate::report::style::{
    fit, fit_row_height, new_template_workbook, print_setup, text_width, write_merged, write_title,
    Styles, Widths, NAME_MAX,
};
use help::{describe, help_sheet};
use rust_xlsxwriter::{
    column_number_to_name, ColNum, DataValidation, DataValidationErrorStyle, DataValidationRule,
    Format, Formula, Note, RowNum, Worksheet, XlsxError,
};
use std::path::{Path, PathBuf};

/// Preformatted (bordered, typed) empty rows in each template.
pub const BLANK_ROWS: RowNum = 200;
/// Rows the dropdowns and input messages reach (beyond the bordered ones, for long visit logs).
pub const VALIDATED_ROWS: RowNum = 2000;
/// The hidden sheet holding the dropdown lists.
pub const LISTS_SHEET: &str = "列表";
/// The sheet explaining how to fill the ledger.
pub const HELP_SHEET: &str = "填表说明";
/// Row of the header in the ledger sheet (0-based; row 1 is the title, row 2 a one-line hint).
pub const HEADER_ROW: RowNum = 2;

/// The file a kind's template is written to, e.g. `走访台账.xlsx`.
pub fn file_name(kind: Kind) -> String {
    format!("{}.xlsx", kind.zh())
}

/// Every file `write_templates` writes, in order.
pub fn file_names() -> Vec<String> {
    let mut v: Vec<String> = Kind::ALL.iter().map(|k| file_name(*k)).collect();
    v.push("plan.toml".into());
    v
}

/// Writes one blank workbook per ledger kind and `plan.toml` into `dir`. `units` fills the 村居
/// dropdowns (none when empty). Refuses to replace existing files unless `force`, before writing any.
pub fn write_templates(
    plan: &Plan,
    specs: &Specs,
    units: &[String],
    dir: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, OutputError> {
    check_writable(dir, &file_names(), force)?;
    let mut written = Vec::new();
    for kind in Kind::ALL {
        let path = dir.join(file_name(kind));
        let bytes =
            ledger_template(plan, specs.get(kind), units).map_err(|source| OutputError::Xlsx {
                path: path.clone(),
                source,
            })?;
        write_atomic(&path, &bytes, force)?;
        written.push(path);
    }
    let path = dir.join("plan.toml");
    write_atomic(&path, plan.source.as_bytes(), force)?;
    written.push(path);
    Ok(written)
}

/// Who fills a ledger, for its title.
fn filled_by(kind: Kind) -> &'static str {
    match kind {
        Kind::Register | Kind::Officer | Kind::Supervision => "镇提升办填写",
        Kind::Slogan | Kind::Activity => "村/社区及镇直单位填写",
        _ => "村/社区填写",
    }
}

/// The ledger sheet's title, e.g. `水泉镇“双提升”走访台账（村/社区填写）`.
pub fn title(plan: &Plan, kind: Kind) -> String {
    format!(
        "{}“双提升”{}（{}）",
        plan.town.name,
        kind.zh(),
        filled_by(kind)
    )
}

/// The bytes of one blank ledger workbook: the ledger sheet, 填表说明, and the hidden 列表 sheet.
pub fn ledger_template(plan: &Plan, spec: &Spec, units: &[String]) -> Result<Vec<u8>, XlsxError> {
    let title = title(plan, spec.kind);
    let mut wb = new_template_workbook(plan.calendar.first_week, &plan.town.office, &title);
    let st = Styles::new();
    let mut lists = Lists::default();
    let dropdowns: Vec<Option<String>> = spec
        .columns
        .iter()
        .map(|c| allowed(plan, c, units).map(|v| lists.add(&c.name, v)))
        .collect();

    let ws = wb.add_worksheet();
    ws.set_name(spec.kind.zh())?;
    ledger_sheet(ws, &st, plan, spec, &title, &dropdowns, units)?;

    let ws = wb.add_worksheet();
    ws.set_name(HELP_SHEET)?;
    help_sheet(ws, &st, plan, spec, units)?;

    let ws = wb.add_worksheet();
    ws.set_name(LISTS_SHEET)?;
    lists.write(ws, &st)?;
    ws.set_hidden(true);

    wb.save_to_buffer()
}

/// A column's dropdown values, if it has a fixed list.
fn allowed(plan: &Plan, c: &Column, units: &[String]) -> Option<Vec<String>> {
    match &c.ty {
        Ty::Choice(v) => Some(v.clone()),
        Ty::YesNo => Some(vec!["是".into(), "否".into()]),
        Ty::Answer(n) => plan.question(*n).map(|q| q.options.clone()),
        Ty::Unit if !units.is_empty() => Some(units.to_vec()),
        _ => None,
    }
}

/// The dropdown lists, one column each on the hidden lists sheet; identical lists are shared.
#[derive(Default)]
struct Lists {
    cols: Vec<(String, Vec<String>)>,
}

impl Lists {
    /// Adds a list and returns the formula that points at it.
    fn add(&mut self, name: &str, values: Vec<String>) -> String {
        let i = match self.cols.iter().position(|(_, v)| *v == values) {
            Some(i) => i,
            None => {
                // The header names what the list is for without matching any ledger column, so the
                // sheet is never taken for a ledger even when hidden sheets are read.
                self.cols.push((format!("下拉：{name}"), values));
                self.cols.len() - 1
            }
        };
        let col = column_number_to_name(i as ColNum);
        let last = self.cols[i].1.len() + 1;
        format!("='{LISTS_SHEET}'!${col}$2:${col}${last}")
    }

    fn write(&self, ws: &mut Worksheet, st: &Styles) -> Result<(), XlsxError> {
        let mut widths = Widths::new(8.0, 40.0);
        for (c, (name, values)) in self.cols.iter().enumerate() {
            let c = c as ColNum;
            ws.write_string_with_format(0, c, name, &st.header)?;
            widths.see(c, name);
            for (r, v) in values.iter().enumerate() {
                ws.write_string(r as RowNum + 1, c, fit(v, NAME_MAX))?;
                widths.see(c, v);
            }
        }
        widths.apply(ws)?;
        Ok(())
    }
}

/// Display width a column needs for what will be typed into it, besides its header.
fn typical_width(c: &Column, allowed: Option<&[String]>) -> usize {
    let base = match &c.ty {
        Ty::Unit => 12,
        Ty::Person => 8,
        Ty::Phone => 13,
        Ty::Date => 10,
        Ty::DateTime => 16,
        Ty::Count => 6,
        Ty::YesNo => 4,
        Ty::Week => 6,
        Ty::Choice(_) => 4,
        // Fourteen answer columns side by side: keep them narrow, long options wrap.
        Ty::Answer(_) => return 8,
        // Narrative columns get room to write a sentence; names and short labels less.
        Ty::Text if LONG_TEXT.iter().any(|k| c.name.contains(k)) => 40,
        Ty::Text => 12,
    };
    let list = allowed
        .map(|v| v.iter().map(|s| text_width(s)).max().unwrap_or(0))
        .unwrap_or(0);
    base.max(list)
}

/// Words that mark a free-text column where people write sentences (情况, 内容 …).
const LONG_TEXT: [&str; 5] = ["情况", "内容", "问题", "要求", "建议"];

fn ledger_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    plan: &Plan,
    spec: &Spec,
    title: &str,
    dropdowns: &[Option<String>],
    units: &[String],
) -> Result<(), XlsxError> {
    let ncols = spec.columns.len() as ColNum;
    write_title(ws, st, 0, ncols, title)?;
    let required: Vec<&str> = spec
        .columns
        .iter()
        .filter(|c| c.required)
        .map(|c| c.name.as_str())
        .collect();
    let hint = format!(
        "必填列（红色表头）：{}。一行一条记录，不要合并单元格，不要改动表头文字；详见“{HELP_SHEET}”。",
        required.join("、")
    );
    write_merged(ws, 1, 0, ncols - 1, &hint, &st.subtitle)?;

    let mut widths = Widths::new(6.0, 50.0);
    let first = HEADER_ROW + 1;
    for (i, c) in spec.columns.iter().enumerate() {
        let col = i as ColNum;
        let (what, how) = describe(plan, c, units);
        let need = if c.required { "必填" } else { "选填" };
        let header_fmt = if c.required {
            &st.header_required
        } else {
            &st.header
        };
        ws.write_string_with_format(HEADER_ROW, col, &c.name, header_fmt)?;
        if c.required {
            let note = format!(
                "{need}。{what}{}",
                if how.is_empty() {
                    String::new()
                } else {
                    format!("：{how}")
                }
            );
            ws.insert_note(HEADER_ROW, col, &Note::new(note).add_author_prefix(false))?;
        }
        widths.see_header(col, &c.name);
        let values = allowed(plan, c, units);
        widths.see_width(col, typical_width(c, values.as_deref()));

        let fmt = cell_format(st, &c.ty);
        for r in first..first + BLANK_ROWS {
            ws.write_blank(r, col, fmt)?;
        }
        let dv = validation(c, &what, &how, need, dropdowns[i].as_deref())?;
        ws.add_data_validation(first, col, first + VALIDATED_ROWS - 1, col, &dv)?;
    }
    fit_row_height(
        ws,
        HEADER_ROW,
        &widths,
        spec.columns.iter().map(|c| c.name.as_str()),
    )?;
    // Row 2's hint wraps in its merged cell: give it room (merged cells are never auto-fitted).
    ws.set_row_height(1, 30)?;
    ws.set_freeze_panes(first, 0)?;
    ws.autofilter(HEADER_ROW, 0, HEADER_ROW + BLANK_ROWS, ncols - 1)?;
    let widths = widths.fitted();
    widths.apply(ws)?;
    print_setup(ws, widths.total_px(), Some((0, HEADER_ROW)))?;
    Ok(())
}

/// The format empty cells of a column are prepared with, so typed values show the right way.
fn cell_format<'a>(st: &'a Styles, ty: &Ty) -> &'a Format {
    match ty {
        Ty::Date => &st.date,
        Ty::DateTime => &st.datetime,
        Ty::Phone => &st.phone,
        Ty::Count => &st.int,
        Ty::YesNo | Ty::Choice(_) | Ty::Answer(_) | Ty::Week => &st.center,
        _ => &st.text,
    }
}

/// Cuts a message to Excel's limit for validation texts (255 UTF-16 units).
fn limit(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for c in s.chars() {
        n += c.len_utf16();
        if n > max.saturating_sub(1) {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// The column's validation: a dropdown from the lists sheet, a whole number, or just an input message
/// telling what to write.
fn validation(
    c: &Column,
    what: &str,
    how: &str,
    need: &str,
    list: Option<&str>,
) -> Result<DataValidation, XlsxError> {
    let message = if how.is_empty() {
        format!("{need}，{what}")
    } else {
        format!("{need}，{what}：{how}")
    };
    let mut dv = match (list, &c.ty) {
        (Some(formula), ty) => {
            // A fixed list is enforced; 是/否 and questionnaire answers only warn, because the reader
            // also accepts √/×, 有/无 and option numbers.
            let style = match ty {
                Ty::YesNo | Ty::Answer(_) => DataValidationErrorStyle::Warning,
                _ => DataValidationErrorStyle::Stop,
            };
            DataValidation::new()
                .allow_list_formula(Formula::new(formula))
                .set_error_style(style)
                .set_error_title(limit(&c.name, 32))?
                .set_error_message(limit("请从下拉列表中选择。", 255))?
        }
        (None, Ty::Count) => DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title(limit(&c.name, 32))?
            .set_error_message("应填 0 或正整数。")?,
        (None, _) => DataValidation::new().allow_any_value(),
    };
    dv = dv
        .set_input_title(limit(&c.name, 32))?
        .set_input_message(limit(&message, 255))?;
    Ok(dv)
}
