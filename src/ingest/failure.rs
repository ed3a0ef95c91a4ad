//! Why a file was not read: the Chinese reasons a clerk reads in the terminal and in 数据来源 (what is
//! wrong and what to do), with the reading library's own English words kept apart as the detail for
//! the maintainer (`--json` only).

use super::FileStatus;

/// A file that was not read: `Skipped` (not a ledger at all) or `Unreadable` (a ledger we cannot read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFailure {
    pub status: FileStatus,
    /// Chinese, for the clerk and the leaders' 数据来源: what is wrong and what to do.
    pub reason: String,
    /// The library's own words (English, e.g. `zip: invalid Zip archive: …`), for the maintainer only:
    /// kept in `--json` (`files[].detail`), never in a sheet or a message a person reads.
    pub detail: Option<String>,
}

pub const LOCK_FILE: &str = "Excel/WPS 打开文件时生成的临时锁定文件，不是台账，已跳过";
pub const DOT_FILE: &str =
    "以“.”开头的系统隐藏文件（如 .DS_Store、macOS 的 ._ 附属文件），不是台账，已跳过";
pub const EMPTY: &str = "空文件（0 字节），里面没有任何内容。请重新导出或保存台账后再发送";
pub const CORRUPT: &str = "文件已损坏或不完整，可能传输中断，请用 Excel/WPS 打开确认后重新发送";
pub const PASSWORD: &str = "文件设有密码，无法读取。请去除密码（文件→信息→保护工作簿）后重新提交";
pub const WPS_ET: &str = "WPS 专用格式（.et），请在 WPS 中“另存为”Excel 工作簿（.xlsx）后重新提交";
pub const PANICKED: &str = "读取时出错（程序库异常），请用 Excel 打开后另存为 .xlsx 再提交";

pub(super) fn skipped(reason: impl Into<String>) -> OpenFailure {
    OpenFailure {
        status: FileStatus::Skipped,
        reason: reason.into(),
        detail: None,
    }
}

pub(super) fn unreadable(reason: impl Into<String>) -> OpenFailure {
    OpenFailure {
        status: FileStatus::Unreadable,
        reason: reason.into(),
        detail: None,
    }
}

/// Unreadable for `reason`, with the library's words kept apart as the detail.
pub(super) fn unreadable_because(
    reason: impl Into<String>,
    detail: impl Into<String>,
) -> OpenFailure {
    OpenFailure {
        detail: Some(detail.into()),
        ..unreadable(reason)
    }
}

/// Why a file could not be opened, in Chinese (the io error's own text is English).
pub(super) fn io_zh(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "文件不存在，可能已被移走或改名",
        K::PermissionDenied => "没有读取权限",
        K::IsADirectory => "这是文件夹，不是文件",
        K::Interrupted | K::WouldBlock | K::TimedOut => "读取被中断",
        _ => "读取出错",
    }
}
