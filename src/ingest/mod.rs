//! Reading files safely. What comes in: the paths of the files in the inbox folder (listed by
//! [`scan`], recursively and in a stable order). What goes out, for each file: either its sheets, each
//! as a [`Grid`] in Excel coordinates with merged areas filled (plus notes on what was left out), or an
//! [`OpenFailure`]: the file is skipped (not a ledger) or unreadable, with a Chinese reason that says
//! what is wrong and what the clerk should do. Every file is treated as possibly hostile: its format is
//! told from its first bytes ([`sniff`]), the matching reader runs isolated and size-bounded, so one
//! bad file never ends the run.

mod bound;
pub mod budget;
mod failure;
pub mod grid;
mod ods;
pub mod open;
pub mod own_report;
pub mod scan;
pub mod sniff;
mod xls;
mod xlsx_fix;
mod xlsx_merges;

pub use grid::{Grid, Sheet};
pub use open::{open_in_inbox, open_workbook, OpenFailure, Opened};
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
