//! A sheet that looks like a ledger but lacks required columns: read without those that only feed
//! figures (they become 无法统计, one error says which and how to fix it), refused otherwise.

use super::FileRead;
use crate::diag::Diagnostic;
use crate::ingest::{FileStatus, Grid};
use crate::ledger::header::{self, Header, NearMiss};
use crate::ledger::schema::Spec;
use crate::resolve::dataset::FileEntry;

/// A sheet that looks like a ledger of `n.kind` but lacks required columns. When each of them only
/// feeds figures (`Column::degrades`), the sheet is read without them: one error names the columns,
/// the headers the sheet has, the figures that become 无法统计 and the fix, and the header to read
/// with is returned. Otherwise the sheet is refused (its 数据来源 line says why).
pub(super) fn incomplete(
    fr: &mut FileRead,
    spec: &Spec,
    grid: &Grid,
    n: &NearMiss,
    sheet: &str,
) -> Option<Header> {
    let path = fr.path.clone();
    fr.diags
        .extend(header::near_miss_diagnostics(spec, n, &path, sheet));
    let at = format!("第{}行", n.row + 1);
    if let Some(h) = n.degraded(spec, grid) {
        fr.diags.push(degraded_error(spec, n).at(&path, sheet, at));
        return Some(h);
    }
    let names: Vec<String> = n.missing.iter().map(|&i| name_and_words(spec, i)).collect();
    fr.diags.push(
        Diagnostic::error(
            "missing_column",
            format!("看起来是{}，但缺少必填列{}", n.kind.zh(), names.join("，")),
        )
        .at(&path, sheet, at)
        .hint("请在表头行补上这些列（列名可用括号中的写法），或改用镇提升办下发的模板"),
    );
    fr.entries.push(FileEntry {
        path: path.clone(),
        kind: Some(n.kind),
        sheet: sheet.to_string(),
        rows: 0,
        status: FileStatus::Unreadable,
        reason: format!("缺少必填列：{}", names.join("，")),
        detail: None,
        units: Vec::new(),
        columns: Default::default(),
    });
    None
}

/// The figures the columns `unread` feed, as the reports name them.
fn feeds_zh(spec: &Spec, unread: &[usize]) -> String {
    let mut v: Vec<&str> = Vec::new();
    for &i in unread {
        for f in spec.columns[i].feeds {
            if !v.contains(&f.zh()) {
                v.push(f.zh());
            }
        }
    }
    v.join("、")
}

/// “纠纷类型”（也可写作：纠纷类别、…）: a column's name and its first few other words.
fn name_and_words(spec: &Spec, i: usize) -> String {
    let c = &spec.columns[i];
    let mut a = c.aliases.clone();
    a.truncate(4);
    if a.is_empty() {
        format!("“{}”", c.name)
    } else {
        format!("“{}”（也可写作：{}）", c.name, a.join("、"))
    }
}

fn quoted_names(spec: &Spec, cols: &[usize]) -> String {
    cols.iter()
        .map(|&i| format!("“{}”", spec.columns[i].name))
        .collect::<Vec<_>>()
        .join("、")
}

/// The 数据来源 note of a sheet read without some columns ("" when it has them all).
pub(super) fn unread_note(spec: &Spec, unread: &[usize]) -> String {
    if unread.is_empty() {
        return String::new();
    }
    format!(
        "未找到{}列：各行照常计入，{}无法统计",
        quoted_names(spec, unread),
        feeds_zh(spec, unread)
    )
}

/// The one error of a sheet read without columns that only feed figures.
fn degraded_error(spec: &Spec, n: &NearMiss) -> Diagnostic {
    let mut headers: Vec<(u32, String)> = n
        .reading
        .iter()
        .map(|r| (r.col, r.header.replace(['\n', '\r'], "")))
        .filter(|(_, h)| !h.trim().is_empty())
        .collect();
    headers.sort();
    headers.dedup();
    let has: Vec<String> = headers.iter().map(|(_, h)| h.clone()).collect();
    let missing: Vec<String> = n.missing.iter().map(|&i| name_and_words(spec, i)).collect();
    let missing = missing.join("、");
    // The fix for each column: the office's word in its plan, or the standard header.
    let fixes: Vec<String> = n
        .missing
        .iter()
        .map(|&i| {
            let c = &spec.columns[i];
            // A cell that may be the column (a weak likeness) is the likeliest word to add.
            let word = n
                .weak
                .iter()
                .find(|(_, _, w)| *w == i)
                .map(|(_, h, _)| h.replace(['\n', '\r'], ""))
                .unwrap_or_else(|| "贵单位的列名".to_string());
            format!(
                "如表中另有一列记的就是“{}”，请把该列表头改为“{}”，或在方案文件中加上 {}；如确未记录，请在表头行补上“{}”列",
                c.name,
                c.name,
                header::plan_words(spec, i, &word),
                c.name
            )
        })
        .collect();
    Diagnostic::error(
        "missing_column",
        format!(
            "看起来是{}，但未找到{}列（表头为：{}）。各行照常计入其他数字，{}无法统计",
            n.kind.zh(),
            missing,
            has.join("、"),
            feeds_zh(spec, &n.missing)
        ),
    )
    .hint(fixes.join("；"))
}
