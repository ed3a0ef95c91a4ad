//! What each template column accepts, from its declaration and the plan: the approved slogans (with
//! one escape the checks still report), the campaign's weeks and dates, the declared statuses and
//! types, phone numbers of a plausible length, the units that keep the ledger. Each rule carries a
//! Chinese input message (what to write) and error message (what was wrong and how to fix it).

use super::{Lists, Recipient};
use crate::ledger::schema::{Kind, SloganCol, Spec, Ty};
use crate::plan::calendar::Calendar;
use crate::plan::Plan;
use chrono::{NaiveDate, NaiveTime};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Formula, XlsxError,
};

/// The last item of the 标语内容 dropdown: a slogan not in the plan. `check` still reports it as not
/// approved; the clerk writes the real text in a 备注 column on the right.
pub const OTHER_SLOGAN: &str = "其他（请在备注说明）";

/// Phone numbers: a fixed line without area code has 7 digits, a mobile 11, an area code and
/// 8 digits with a dash 13 (`0632-12345678`).
const PHONE_LEN: (u32, u32) = (7, 13);

/// What a column accepts.
pub(super) enum Allowed {
    /// One of these (`strict`: nothing else; otherwise a warning, for columns whose reader also
    /// takes other forms, like √/× for 是/否).
    List {
        values: Vec<String>,
        strict: bool,
    },
    /// A date in the campaign.
    Date(NaiveDate, NaiveDate),
    /// A date and time in the campaign.
    DateTime(NaiveDate, NaiveDate),
    Phone,
    Count,
    /// Free text or a name.
    Any,
}

/// Whether column `i` of `spec` holds the slogan text.
pub(super) fn is_slogan_text(spec: &Spec, i: usize) -> bool {
    spec.kind == Kind::Slogan && spec.col(SloganCol::Text) == i
}

/// The first and last day a ledger date can fall on: the campaign's first week to its end.
pub(super) fn campaign_span(plan: &Plan) -> (NaiveDate, NaiveDate) {
    let cal = Calendar::new(plan);
    (cal.first_monday, cal.end)
}

/// The campaign's weeks as the 所属周次 dropdown offers them: 第1期 … 第N期.
pub(super) fn weeks(plan: &Plan) -> Vec<String> {
    (1..=Calendar::new(plan).week_count())
        .map(|n| format!("第{n}期"))
        .collect()
}

pub(super) fn allowed(plan: &Plan, spec: &Spec, i: usize, to: Recipient) -> Allowed {
    let c = &spec.columns[i];
    let list = |values: Vec<String>, strict: bool| Allowed::List { values, strict };
    if is_slogan_text(spec, i) {
        let mut v = plan.slogans.clone();
        v.push(OTHER_SLOGAN.into());
        return list(v, true);
    }
    match &c.ty {
        Ty::Unit => {
            let names = to.unit_names(spec.kind);
            if names.is_empty() {
                Allowed::Any
            } else {
                list(names, true)
            }
        }
        Ty::Choice(v) => list(v.clone(), true),
        // The reader also takes √/×, 有/无 and option numbers: warn, do not refuse.
        Ty::YesNo => list(vec!["是".into(), "否".into()], false),
        Ty::Answer(n) => match plan.question(*n) {
            Some(q) => list(q.options.clone(), false),
            None => Allowed::Any,
        },
        Ty::Week => list(weeks(plan), true),
        Ty::Date => {
            let (a, b) = campaign_span(plan);
            Allowed::Date(a, b)
        }
        Ty::DateTime => {
            let (a, b) = campaign_span(plan);
            Allowed::DateTime(a, b)
        }
        Ty::Phone => Allowed::Phone,
        Ty::Count => Allowed::Count,
        Ty::Text | Ty::Person => Allowed::Any,
    }
}

/// Cuts a message to Excel's limit for validation texts (`max` UTF-16 units).
pub(super) fn limit(s: &str, max: usize) -> String {
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

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The validation of column `i`: its rule, the input message `input` and an error message naming
/// what is allowed. Lists go on the hidden lists sheet (`lists`).
pub(super) fn validation(
    plan: &Plan,
    spec: &Spec,
    i: usize,
    to: Recipient,
    input: &str,
    lists: &mut Lists,
) -> Result<DataValidation, XlsxError> {
    let c = &spec.columns[i];
    let (dv, error, style) = match allowed(plan, spec, i, to) {
        Allowed::List { values, strict } => {
            let error = if is_slogan_text(spec, i) {
                format!("标语内容须为方案附件2所列标语，请从下拉列表中选择；其他标语选“{OTHER_SLOGAN}”，并在本行右侧写明原文。")
            } else if c.ty == Ty::Unit {
                match to.unit() {
                    Some(u) => format!("本表是{}专用的台账，村居只能是“{}”，请从下拉列表中选择。", u.name, u.name),
                    None => "村居名称须与镇村居名册一致，请从下拉列表中选择。".into(),
                }
            } else if c.ty == Ty::Week {
                format!(
                    "请从下拉列表中选择周次（第1期 至 第{}期），不要自己改写。",
                    values.len()
                )
            } else {
                format!("请从下拉列表中选择：{}。", values.join("、"))
            };
            let formula = lists.add(&c.name, values);
            let style = if strict {
                DataValidationErrorStyle::Stop
            } else {
                DataValidationErrorStyle::Warning
            };
            (
                DataValidation::new().allow_list_formula(Formula::new(formula)),
                error,
                style,
            )
        }
        Allowed::Date(a, b) => (
            DataValidation::new().allow_date(DataValidationRule::Between(a, b)),
            format!(
                "请填写 {} 至 {} 之间的日期，如 {}（也可写 2021/4/9、2021年4月9日；不要写成 2021.4.9 或“4月9日下午”）。",
                ymd(a),
                ymd(b),
                ymd(example_day(plan))
            ),
            DataValidationErrorStyle::Stop,
        ),
        Allowed::DateTime(a, b) => (
            DataValidation::new().allow_date(DataValidationRule::Between(
                a.and_time(NaiveTime::MIN),
                b.and_hms_opt(23, 59, 59).unwrap_or(b.and_time(NaiveTime::MIN)),
            )),
            format!(
                "请写报送的日期和时间（到分钟），如 {} 16:30，须在 {} 至 {} 之间。",
                ymd(example_day(plan)),
                ymd(a),
                ymd(b)
            ),
            DataValidationErrorStyle::Stop,
        ),
        Allowed::Phone => (
            DataValidation::new()
                .allow_text_length(DataValidationRule::Between(PHONE_LEN.0, PHONE_LEN.1)),
            "电话号码应为11位手机号，或带区号的座机（如 0632-1234567），只写一个号码，不要加文字。".into(),
            DataValidationErrorStyle::Stop,
        ),
        Allowed::Count => (
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            "应填 0 或正整数（没有就填 0，不要写“无”）。".into(),
            DataValidationErrorStyle::Warning,
        ),
        Allowed::Any => (
            DataValidation::new().allow_any_value(),
            String::new(),
            DataValidationErrorStyle::Warning,
        ),
    };
    let mut dv = dv
        .set_error_style(style)
        .set_input_title(limit(&c.name, 32))?
        .set_input_message(limit(input, 255))?;
    if !error.is_empty() {
        dv = dv
            .set_error_title(limit(&format!("{}填写有误", c.name), 32))?
            .set_error_message(limit(&error, 255))?;
    }
    Ok(dv)
}

/// The day the examples use: the first campaign week's report day.
pub(super) fn example_day(plan: &Plan) -> NaiveDate {
    let cal = Calendar::new(plan);
    cal.report_day(1)
}
