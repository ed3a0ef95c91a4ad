//! 问题清单 (every diagnostic, the ledgers' and the rules', with where and how to fix) and 数据来源
//! (every file and sheet read, and what became of it).

use super::masked_message;
use crate::figures::weekly::Notice;
use crate::ingest::FileStatus;
use crate::report::style::{write_table, Cell, Styles, Table};
use rust_xlsxwriter::{Workbook, XlsxError};

pub fn problems(wb: &mut Workbook, st: &Styles, n: &Notice) -> Result<(), XlsxError> {
    let all = n.all_problems();
    let c = crate::report::terminal::counts(all.iter().copied());
    let mut t = Table::new(
        format!("第{}期问题清单", n.period().issue),
        [
            "序号", "单位", "严重程度", "问题类别", "文件", "工作表", "单元格", "问题", "改法",
        ],
    )
    .subtitle(format!(
        "共{}条：错误{}条、警告{}条、提示{}条。单元格即在Excel中看到的位置；可按单位或问题类别筛选后发给各村整改",
        all.len(),
        c.errors, c.warnings, c.infos
    ));
    for (i, d) in all.iter().enumerate() {
        t = t.row(vec![
            Cell::Int(i as i64 + 1),
            Cell::text(&d.unit),
            Cell::severity(d.severity),
            Cell::text(crate::report::labels::shown(d.code)),
            Cell::text(&d.file),
            Cell::text(&d.sheet),
            Cell::Center(d.cell.clone()),
            Cell::text(masked_message(n, &d.message)),
            Cell::text(masked_message(n, &d.hint)),
        ]);
    }
    let ws = wb.add_worksheet().set_name("问题清单")?;
    write_table(ws, st, 0, &t)?;
    Ok(())
}

pub fn sources(wb: &mut Workbook, st: &Styles, n: &Notice) -> Result<(), XlsxError> {
    let files = &n.ds.files;
    let used = files
        .iter()
        .filter(|f| f.status == FileStatus::Used)
        .count();
    let mut t = Table::new(
        "数据来源",
        [
            "文件",
            "工作表",
            "台账类别",
            "行数",
            "单位",
            "状态",
            "原因",
            "读表",
        ],
    )
    .subtitle(format!(
        "收件箱中的每个文件和工作表：共{}项，采用{used}项；重复报送的行只计一次",
        files.len()
    ));
    for f in files {
        let status = f.status.zh().to_string();
        t = t.row(vec![
            Cell::text(&f.path),
            Cell::text(&f.sheet),
            Cell::Center(f.kind.map_or("—", |k| k.zh()).to_string()),
            Cell::Int(f.rows as i64),
            Cell::text(f.units.join("、")),
            match f.status {
                FileStatus::Used => Cell::Center(status),
                FileStatus::Unreadable => Cell::Error(status),
                _ => Cell::Warning(status),
            },
            Cell::text(&f.reason),
            // How its header was read, as `check` prints it (by word parts, by values, unused).
            Cell::text(crate::ledger::header::columns_line(&f.columns)),
        ]);
    }
    let ws = wb.add_worksheet().set_name("数据来源")?;
    write_table(ws, st, 0, &t)?;
    Ok(())
}
