//! Reading files safely: list the inbox, tell each file's format from its first bytes, open it with the
//! matching reader (isolated, so one bad file never ends the run), and give each sheet as a grid in Excel
//! coordinates with merged areas filled.

mod bound;
mod failure;
pub mod grid;
mod ods_spans;
pub mod open;
pub mod own_report;
pub mod scan;
pub mod sniff;
mod xlsx_merges;

pub use grid::{Grid, Sheet};
pub use open::{open_workbook, OpenFailure, Opened};
pub use sniff::Format;

use serde::Serialize;

/// What became of a file (or sheet) — `files[].status` in the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    Used,
    Duplicate,
    Hidden,
    NotLedger,
    Skipped,
    Unreadable,
}

impl FileStatus {
    pub fn zh(self) -> &'static str {
        match self {
            FileStatus::Used => "已采用",
            FileStatus::Duplicate => "重复（数据已在其他文件中）",
            FileStatus::Hidden => "隐藏工作表，未读取",
            FileStatus::NotLedger => "不是台账，未读取",
            FileStatus::Skipped => "已跳过",
            FileStatus::Unreadable => "无法读取",
        }
    }
}
