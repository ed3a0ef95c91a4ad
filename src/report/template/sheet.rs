//! The ledger sheet of a template: title, a one-line hint, the canonical header (required columns
//! red, with a note), the grey example row, and [`ROWS`] rows below it that are bordered, typed and
//! validated alike. In a unit's pack the unit's name is already written in the 村居 column of the
//! rows it will plausibly need (a row holding only the unit is not read as data).

use super::example::{example_row, Example};
use super::help::{describe, unit_facts};
use super::validation::{allowed, validation, Allowed};
use super::{Lists, Recipient, EXAMPLE_ROW, FIRST_ROW, HEADER_ROW, HELP_SHEET, ROWS};
use crate::ledger::schema::{Column, Kind, Spec, Ty};
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use crate::report::style::{
    fit_row_height, lines_in, print_setup, row_height, text_width, write_merged, write_title,
    Styles, Widths,
};
use rust_xlsxwriter::{ColNum, Color, Format, Note, RowNum, Worksheet, XlsxError};

/// Example row: a pale fill and grey text, so it reads as a sample, not a record.
const EXAMPLE_FILL: u32 = 0xF2F2F2;
const EXAMPLE_FONT: u32 = 0x808080;

pub(super) fn ledger_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    plan: &Plan,
    spec: &Spec,
    to: Recipient,
    title: &str,
    lists: &mut Lists,
) -> Result<(), XlsxError> {
    let ncols = spec.columns.len() as ColNum;
    write_title(ws, st, 0, ncols, title)?;
    let hint = hint(spec, to);
    write_merged(ws, 1, 0, ncols - 1, &hint, &st.subtitle)?;

    let mut widths = Widths::new(6.0, 50.0);
    let example = example_row(plan, spec, to);
    let last = FIRST_ROW + ROWS - 1;
    let prefill = prefilled_rows(plan, spec.kind, to);
    for (i, c) in spec.columns.iter().enumerate() {
        let col = i as ColNum;
        let (what, how) = describe(plan, spec, i, to);
        let need = if c.required { "必填" } else { "选填" };
        let header_fmt = if c.required {
            &st.header_required
        } else {
            &st.header
        };
        ws.write_string_with_format(HEADER_ROW, col, &c.name, header_fmt)?;
        let joined = if how.is_empty() {
            what.clone()
        } else {
            format!("{what}：{how}")
        };
        if c.required || (c.ty == Ty::Unit && prefill > 0) {
            let note = format!("{need}。{joined}");
            ws.insert_note(HEADER_ROW, col, &Note::new(note).add_author_prefix(false))?;
        }
        widths.see_header(col, &c.name);
        let values = match allowed(plan, spec, i, to) {
            Allowed::List { values, .. } => Some(values),
            _ => None,
        };
        widths.see_width(col, typical_width(c, values.as_deref()));

        let fmt = cell_format(st, &c.ty);
        write_example(ws, col, &example[i], fmt)?;
        let unit = match to {
            Recipient::One(u) if c.ty == Ty::Unit => Some(u.name.as_str()),
            _ => None,
        };
        for r in FIRST_ROW..=last {
            match unit {
                Some(name) if r < FIRST_ROW + prefill => {
                    ws.write_string_with_format(r, col, name, fmt)?
                }
                _ => ws.write_blank(r, col, fmt)?,
            };
        }
        let dv = validation(plan, spec, i, to, &format!("{need}，{joined}"), lists)?;
        ws.add_data_validation(EXAMPLE_ROW, col, last, col, &dv)?;
    }
    fit_row_height(
        ws,
        HEADER_ROW,
        &widths,
        spec.columns.iter().map(|c| c.name.as_str()),
    )?;
    ws.set_freeze_panes(EXAMPLE_ROW, 0)?;
    ws.autofilter(HEADER_ROW, 0, last, ncols - 1)?;
    let widths = widths.fitted();
    let total = widths.apply(ws)?;
    // Row 2's hint wraps in its merged cell: give it room (merged cells are never auto-fitted).
    ws.set_row_height(1, row_height(lines_in(&hint, total)).max(30.0))?;
    print_setup(ws, widths.total_px(), Some((0, HEADER_ROW)))?;
    Ok(())
}

/// Row 2: the required columns, the example row, and in a pack what the office already filled in.
fn hint(spec: &Spec, to: Recipient) -> String {
    let required: Vec<&str> = spec
        .columns
        .iter()
        .filter(|c| c.required)
        .map(|c| c.name.as_str())
        .collect();
    let mut s = format!(
        "必填列（红色表头）：{}。第4行灰色为示例，不读取；从第5行起一行一条记录，不要合并单元格，不要改动表头文字；详见“{HELP_SHEET}”。",
        required.join("、")
    );
    if let (Recipient::One(u), Some(_)) = (to, spec.unit_col) {
        s.push_str(&format!("本表是{}专用的台账，村居已填好", u.name));
        if let Some(facts) = unit_facts(u) {
            s.push_str(&format!("（名册：{facts}）"));
        }
        s.push('。');
    }
    s
}

/// How many rows of a pack get the unit's name already written: what the ledger plausibly needs
/// (a visit or a questionnaire per household, a weekly report per week …), never past [`ROWS`].
/// More rows would only print as pages of names.
fn prefilled_rows(plan: &Plan, kind: Kind, to: Recipient) -> RowNum {
    let Recipient::One(u) = to else {
        return 0;
    };
    let households = u.households.unwrap_or(300);
    let n = match kind {
        Kind::Visit | Kind::Survey => households + households / 5 + 20,
        Kind::WeeklyReport => Calendar::new(plan).week_count() + 10,
        Kind::Liaison => 10,
        Kind::SurveyTally => {
            plan.survey
                .questions
                .iter()
                .map(|q| q.options.len() as u32)
                .sum::<u32>()
                + 10
        }
        _ => 200,
    };
    n.min(ROWS)
}

fn write_example(
    ws: &mut Worksheet,
    col: ColNum,
    value: &Example,
    fmt: &Format,
) -> Result<(), XlsxError> {
    let grey = fmt
        .clone()
        .set_background_color(Color::RGB(EXAMPLE_FILL))
        .set_font_color(Color::RGB(EXAMPLE_FONT));
    match value {
        Example::Text(s) => ws.write_string_with_format(EXAMPLE_ROW, col, s, &grey)?,
        Example::Date(d) => ws.write_date_with_format(EXAMPLE_ROW, col, d, &grey)?,
        Example::DateTime(d) => ws.write_datetime_with_format(EXAMPLE_ROW, col, d, &grey)?,
        Example::Number(n) => ws.write_number_with_format(EXAMPLE_ROW, col, *n, &grey)?,
    };
    Ok(())
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
