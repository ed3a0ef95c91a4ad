//! Saying how a sheet was read: every header cell and how it was read (`files[].columns` in
//! `--json`), one compact line per sheet for `check` (only what was not read by a column's name or
//! alias: `“访问方式”→走访方式（近义词）`, `“照片编号”：未使用`), and the diagnostics an office can act
//! on: a column found by its word parts (info — silenced by adding the word to the plan) or by its
//! values (warning), a header not guessed because it is like several columns or another cell is
//! like the same column (warning), a cell that may be a missing required column (info).

use super::{Evidence, Header, How, Lexicon, NearMiss, Reading, Why};
use crate::diag::{cell_ref, Diagnostic};
use crate::ledger::schema::{column_keys, ColId, Spec};

impl How {
    /// The stable English word for `--json` (`files[].columns[].how`).
    pub fn key(&self) -> &'static str {
        match self {
            How::Name(_) => "name",
            How::Alias(_) => "alias",
            How::Family(_) => "word_family",
            How::Unused => "unused",
            How::Ambiguous(_) => "ambiguous",
            How::Contested(_) => "contested",
            How::Content(..) => "content",
        }
    }

    /// The column it was read as, if any.
    pub fn column(&self) -> Option<usize> {
        match self {
            How::Name(i) | How::Alias(i) | How::Family(i) | How::Content(i, _) => Some(*i),
            _ => None,
        }
    }
}

/// `[words.visit.method] aliases = ["访问方式"]`: the plan lines that make `header` a word of column
/// `i`.
pub fn plan_words(spec: &Spec, i: usize, header: &str) -> String {
    format!(
        "{} aliases = [\"{}\"]",
        plan_section(spec, i),
        header.replace(['\n', '\r'], "").replace('"', "\\\"")
    )
}

/// How one header cell was read, for `--json` `files[].columns`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ColumnRead {
    /// The header cell's text.
    pub header: String,
    /// The canonical column it was read as (None: not used).
    pub column: Option<String>,
    /// `name`, `alias`, `word_family`, `content` (by its values), `unused`, `ignored` (a column no
    /// ledger has, known as such: 序号, 备注 …), `ambiguous`, `contested`.
    pub how: &'static str,
    /// For `content`: what the values showed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<ContentRead>,
}

/// What a column read by its values held (`files[].columns[].content`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ContentRead {
    /// Percent of the sampled filled cells that are the column's.
    pub share: u8,
    /// What they were (the allowed values seen, most frequent first, or 日期, 电话号码 …).
    pub values: Vec<String>,
    /// `alone` (the header names no column), `over_word_family` (its word parts named another
    /// column, `header_said`), `contest` (its word parts were like this column as well as another
    /// cell's, or like several columns).
    pub decided: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_said: Option<String>,
}

fn content_read(spec: &Spec, ev: &Evidence) -> ContentRead {
    let (decided, header_said) = match ev.why {
        Why::Alone => ("alone", None),
        Why::Over(x) => ("over_word_family", Some(spec.columns[x].name.clone())),
        Why::Contest => ("contest", None),
    };
    ContentRead {
        share: ev.share,
        values: ev.values.clone(),
        decided,
        header_said,
    }
}

/// `96% 为入户/电话`.
fn share_text(share: u8, values: &[String]) -> String {
    format!("{share}% 为{}", values.join("/"))
}

/// Every header cell of a recognised sheet and how it was read.
pub fn columns_read(spec: &Spec, lx: &Lexicon, reading: &[Reading]) -> Vec<ColumnRead> {
    reading
        .iter()
        .map(|r| ColumnRead {
            header: r.header.replace(['\n', '\r'], ""),
            column: r.how.column().map(|i| spec.columns[i].name.clone()),
            how: match r.how {
                How::Unused if lx.is_ignored(&r.header) => "ignored",
                _ => r.how.key(),
            },
            content: match &r.how {
                How::Content(_, ev) => Some(content_read(spec, ev)),
                _ => None,
            },
        })
        .collect()
}

/// `check`'s line for a sheet: what was not read by a column's name or alias (a word family, a
/// cell not used or not guessed), from `files[].columns`; empty when there is nothing to say.
pub fn columns_line(columns: &[ColumnRead]) -> String {
    let doubtful = columns
        .iter()
        .filter(|c| !matches!(c.how, "name" | "alias" | "ignored"));
    line_of(doubtful)
}

/// Every column of a sheet as it was read, those read by name or alias too (`check --columns`).
pub fn columns_line_all(columns: &[ColumnRead]) -> String {
    line_of(columns.iter())
}

fn line_of<'a>(columns: impl Iterator<Item = &'a ColumnRead>) -> String {
    let parts: Vec<String> = columns
        .map(|c| match (&c.column, &c.content) {
            (Some(col), Some(e)) => {
                let share = share_text(e.share, &e.values);
                match (e.decided, &e.header_said) {
                    ("contest", _) => format!("“{}”→{col}（近义词，内容：{share}）", c.header),
                    (_, Some(said)) => format!(
                        "“{}”→{col}（内容：{share}，不是表头近义词所指的{said}）",
                        c.header
                    ),
                    _ => format!("“{}”→{col}（内容：{share}）", c.header),
                }
            }
            (Some(col), None) => format!("“{}”→{col}（{}）", c.header, how_zh(c.how)),
            (None, _) => format!("“{}”：{}", c.header, how_zh(c.how)),
        })
        .collect();
    parts.join("，")
}

fn how_zh(key: &str) -> &'static str {
    match key {
        "name" => "列名",
        "alias" => "其他写法",
        "word_family" => "近义词",
        "unused" => "未使用",
        "ambiguous" => "像多列，未采用",
        "content" => "按内容",
        "ignored" => "常见附加列，未读取",
        _ => "与另一列相争，未采用",
    }
}

/// The diagnostics of a recognised sheet's header (`row`: its last header row).
pub fn diagnostics(spec: &Spec, header: &Header, file: &str, sheet: &str) -> Vec<Diagnostic> {
    reading_diagnostics(spec, &header.reading, header.last_row, file, sheet)
}

fn names(spec: &Spec, cols: &[usize]) -> String {
    let v: Vec<String> = cols
        .iter()
        .map(|&i| format!("“{}”", spec.columns[i].name))
        .collect();
    v.join("、")
}

fn reading_diagnostics(
    spec: &Spec,
    reading: &[Reading],
    row: u32,
    file: &str,
    sheet: &str,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in reading {
        let h = r.header.replace(['\n', '\r'], "");
        let at = cell_ref(row, r.col);
        let d = match &r.how {
            How::Family(i) => Diagnostic::info(
                "header_by_word_family",
                format!("表头“{h}”按近义词读作“{}”", spec.columns[*i].name),
            )
            .hint(format!(
                "如读得对，在方案文件中加上 {} 此提示即不再出现；不对请把表头改为标准列名",
                plan_words(spec, *i, &h)
            )),
            How::Content(i, ev) => content_diagnostic(spec, r, *i, ev),
            How::Ambiguous(c) => Diagnostic::warning(
                "header_ambiguous",
                format!("表头“{h}”既像{}，无法确定，未读取这一列", names(spec, c)),
            )
            .hint(format!(
                "请把表头改为标准列名（{}），或在方案文件中加上 {}",
                names(spec, c),
                plan_words(spec, c[0], &h)
            )),
            How::Contested(i) => {
                let others: Vec<String> = reading
                    .iter()
                    .filter(|o| o.col != r.col && o.how == r.how)
                    .map(|o| format!("“{}”", o.header.replace(['\n', '\r'], "")))
                    .collect();
                Diagnostic::warning(
                    "header_contested",
                    format!(
                        "表头“{h}”和{}都像“{}”，无法确定是哪一列，都未读取",
                        others.join("、"),
                        spec.columns[*i].name
                    ),
                )
                .hint(format!(
                    "请把其中一列的表头改为“{}”，或在方案文件中加上 {}",
                    spec.columns[*i].name,
                    plan_words(spec, *i, &h)
                ))
            }
            _ => continue,
        };
        out.push(d.at(file, sheet, at));
    }
    out
}

/// A column read by its values: a warning, silenced by the plan lines that make its header a word
/// of the column (as `shuangti plan` prints them: the section, then its `aliases`).
fn content_diagnostic(spec: &Spec, r: &Reading, i: usize, ev: &Evidence) -> Diagnostic {
    let h = r.header.replace(['\n', '\r'], "");
    let name = &spec.columns[i].name;
    let share = share_text(ev.share, &ev.values);
    let message = match ev.why {
        Why::Alone => {
            format!("表头“{h}”不是“{name}”的写法，但这一列的内容{share}，按“{name}”读取")
        }
        Why::Over(x) => format!(
            "表头“{h}”按近义词像“{}”，但这一列的内容{share}，不是“{}”，按“{name}”读取",
            spec.columns[x].name, spec.columns[x].name
        ),
        Why::Contest => {
            format!("表头“{h}”按近义词不能确定是哪一列，这一列的内容{share}，按“{name}”读取")
        }
    };
    Diagnostic::warning("header_by_content", message).hint(format!(
        "如读得对，在方案文件中加上两行“{}”和“aliases = [\"{}\"]”（已有这一节的，在它的 aliases 中加上\"{}\"），此提示即不再出现；不对请把表头改为标准列名“{name}”",
        plan_section(spec, i),
        escape_toml(&h),
        escape_toml(&h)
    ))
}

fn escape_toml(h: &str) -> String {
    h.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The plan section of a column's words: `[words.visit.method]`.
pub fn plan_section(spec: &Spec, i: usize) -> String {
    let key = match spec.columns[i].id {
        ColId::Named(id) => column_keys(spec.kind)[id as usize].clone(),
        ColId::Question(n) => format!("q{n}"),
    };
    format!("[words.{}.{key}]", spec.kind.key())
}

/// The diagnostics of a sheet that looks like a ledger but lacks a required column: its header
/// cells not guessed, and the cells that may be a missing column.
pub fn near_miss_diagnostics(
    spec: &Spec,
    n: &NearMiss,
    file: &str,
    sheet: &str,
) -> Vec<Diagnostic> {
    let mut out = reading_diagnostics(spec, &n.reading, n.row, file, sheet);
    for (col, h, i) in &n.weak {
        let h = h.replace(['\n', '\r'], "");
        out.push(
            Diagnostic::info(
                "header_maybe_missing_column",
                format!(
                    "表头“{h}”可能就是缺少的“{}”，但不能确定，未采用",
                    spec.columns[*i].name
                ),
            )
            .hint(format!(
                "如是，请把表头改为“{}”，或在方案文件中加上 {}",
                spec.columns[*i].name,
                plan_words(spec, *i, &h)
            ))
            .at(file, sheet, cell_ref(n.row, *col)),
        );
    }
    out
}
