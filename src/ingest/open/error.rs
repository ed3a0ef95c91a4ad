//! How reading a workbook fails: a password, a budget exceeded (the whole file refused, with the
//! Chinese reason), or anything else the library reports (its English words, kept as the detail).

use calamine::{OdsError, XlsError, XlsbError, XlsxError};

use crate::ingest::budget::MAX_TEXT_BYTES;

pub(super) enum ReadError {
    Password,
    /// Over one of the workbook's budgets (`budget`): the whole file is refused, with this reason.
    Budget(String),
    Other(String),
}

impl From<XlsxError> for ReadError {
    fn from(e: XlsxError) -> Self {
        match e {
            XlsxError::Password => ReadError::Password,
            e => ReadError::Other(e.to_string()),
        }
    }
}
impl From<XlsError> for ReadError {
    fn from(e: XlsError) -> Self {
        match e {
            XlsError::Password => ReadError::Password,
            e => ReadError::Other(e.to_string()),
        }
    }
}
impl From<OdsError> for ReadError {
    fn from(e: OdsError) -> Self {
        match e {
            OdsError::Password => ReadError::Password,
            e => ReadError::Other(e.to_string()),
        }
    }
}
impl From<XlsbError> for ReadError {
    fn from(e: XlsbError) -> Self {
        match e {
            XlsbError::Password => ReadError::Password,
            e => ReadError::Other(e.to_string()),
        }
    }
}

/// A workbook whose cell text adds up past the budget.
pub(super) fn too_much_text() -> ReadError {
    ReadError::Budget(format!(
        "文件中单元格文字合计超过 {} MiB，远超台账应有的规模（常见于同一段长文字被复制到大量单元格），为防止占用过多内存未读取。\
         请删去多余内容后另存为新文件再提交",
        MAX_TEXT_BYTES >> 20
    ))
}
