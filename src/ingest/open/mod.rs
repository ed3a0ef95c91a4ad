//! Opening one workbook safely: the file is read once (read-only), its format told from its bytes, the
//! matching calamine reader run on those bytes inside `catch_unwind`, and each sheet turned into a
//! `Grid` of bounded size. Whatever goes wrong becomes an `OpenFailure` with a Chinese reason that says
//! what is wrong and what the clerk should do, so one bad file never ends the run.

mod isolate;
mod read;
mod sized;

use std::path::Path;

use super::sniff::{sniff, Format, Sniffed, MAX_ZIP_UNCOMPRESSED};
use super::{FileStatus, Sheet};
use isolate::quietly;
use read::{read, ReadError};

/// A workbook that could be read.
#[derive(Debug)]
pub struct Opened {
    pub format: Format,
    /// In workbook order; a hidden sheet has `visible == false` and, unless asked for, no grid.
    pub sheets: Vec<Sheet>,
    /// Warnings about the file that did not stop reading it (Chinese, for the clerk).
    pub notes: Vec<String>,
}

/// A file that was not read: `Skipped` (not a ledger at all) or `Unreadable` (a ledger we cannot read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFailure {
    pub status: FileStatus,
    pub reason: String,
}

pub const LOCK_FILE: &str = "Excel/WPS 打开文件时生成的临时锁定文件，不是台账，已跳过";
pub const DOT_FILE: &str =
    "以“.”开头的系统隐藏文件（如 .DS_Store、macOS 的 ._ 附属文件），不是台账，已跳过";
pub const EMPTY: &str = "空文件（0 字节），里面没有任何内容。请重新导出或保存台账后再发送";
pub const CORRUPT: &str = "文件已损坏或不完整，可能传输中断，请用 Excel/WPS 打开确认后重新发送";
pub const PASSWORD: &str = "文件设有密码，无法读取。请去除密码（文件→信息→保护工作簿）后重新提交";
pub const WPS_ET: &str = "WPS 专用格式（.et），请在 WPS 中“另存为”Excel 工作簿（.xlsx）后重新提交";
pub const PANICKED: &str = "读取时出错（程序库异常），请用 Excel 打开后另存为 .xlsx 再提交";

/// Reads one workbook. The file is only read, never written, moved or locked.
pub fn open_workbook(path: &Path, include_hidden: bool) -> Result<Opened, OpenFailure> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with("~$") {
        return Err(skipped(LOCK_FILE));
    }
    if name.starts_with('.') {
        return Err(skipped(DOT_FILE));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let is_et = ext == "et" || ext == "ett";
    let bytes = std::fs::read(path).map_err(|e| {
        unreadable(format!(
            "无法打开文件（{e}）。请确认文件没有被其他程序占用、本程序有读取权限后重试"
        ))
    })?;
    let format = match sniff(&bytes) {
        Sniffed::Spreadsheet(f) => f,
        Sniffed::Encrypted => return Err(unreadable(PASSWORD)),
        Sniffed::Empty => return Err(unreadable(EMPTY)),
        Sniffed::Corrupt(_) if is_et => return Err(unreadable(WPS_ET)),
        Sniffed::Corrupt(detail) => return Err(unreadable(format!("{CORRUPT}（{detail}）"))),
        Sniffed::ZipBomb { uncompressed } => {
            return Err(unreadable(format!(
                "文件解压后超过 {} MiB（已数到 {} MiB），远超台账应有的大小，可能已损坏或是恶意构造的文件，已拒绝读取。\
                 请用 Excel/WPS 打开确认，删去多余内容后另存为新文件再提交",
                MAX_ZIP_UNCOMPRESSED >> 20,
                uncompressed >> 20
            )))
        }
        Sniffed::WebPageOrXml if is_spreadsheet_ext(&ext) => {
            return Err(unreadable(format!(
                "文件实际是网页（HTML）或 XML 格式，只是扩展名为 .{ext}（常见于从业务系统导出的表格），无法按 Excel 工作簿读取。\
                 请用 Excel/WPS 打开后“另存为”Excel 工作簿（.xlsx）再提交"
            )))
        }
        Sniffed::WebPageOrXml => {
            return Err(skipped("网页（HTML）或 XML 文件，不是电子表格，已跳过"))
        }
        Sniffed::Other(_) if is_et => return Err(unreadable(WPS_ET)),
        Sniffed::Other(what) => {
            let told = if is_spreadsheet_ext(&ext) {
                format!("（虽然扩展名是 .{ext}）")
            } else {
                String::new()
            };
            return Err(skipped(format!(
                "这是{what}{told}，不是电子表格，已跳过。如果它应当是台账，请用 Excel/WPS 另存为 .xlsx 后重新提交"
            )));
        }
    };

    let mut notes = Vec::new();
    if !format.matches_extension(&ext) {
        let f = format.label();
        notes.push(if ext.is_empty() {
            format!("文件没有扩展名，实际是 {f} 格式；已按 {f} 读取。建议加上扩展名 .{f}。")
        } else {
            format!("文件扩展名是 .{ext}，实际是 {f} 格式；已按 {f} 读取。建议改正扩展名。")
        });
    }

    let outcome = quietly(|| read(format, &bytes, include_hidden));
    match outcome {
        Some(Ok(mut read)) => {
            notes.append(&mut read.notes);
            Ok(Opened {
                format,
                sheets: read.sheets,
                notes,
            })
        }
        Some(Err(ReadError::Password)) => Err(unreadable(PASSWORD)),
        Some(Err(ReadError::Other(_))) if is_et => Err(unreadable(WPS_ET)),
        Some(Err(ReadError::Other(detail))) => Err(unreadable(format!("{CORRUPT}（{detail}）"))),
        None => Err(unreadable(PANICKED)),
    }
}

fn is_spreadsheet_ext(ext: &str) -> bool {
    [Format::Xlsx, Format::Xls, Format::Ods, Format::Xlsb]
        .iter()
        .any(|f| f.matches_extension(ext))
        || ext == "csv"
}

fn skipped(reason: impl Into<String>) -> OpenFailure {
    OpenFailure {
        status: FileStatus::Skipped,
        reason: reason.into(),
    }
}

fn unreadable(reason: impl Into<String>) -> OpenFailure {
    OpenFailure {
        status: FileStatus::Unreadable,
        reason: reason.into(),
    }
}
