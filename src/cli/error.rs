//! Why a run stopped, with its context (the option, the path, the cause). `cli::run` is the one place
//! that turns an [`Error`] into the Chinese message on stderr and the exit code.

use crate::plan::PlanError;
use crate::report::output::OutputError;
use std::path::PathBuf;

/// The exit codes: done; `check` found errors; bad usage or an output that could not be written.
pub const EXIT_OK: i32 = 0;
pub const EXIT_ERRORS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Plan(#[from] PlanError),
    /// An option's value that does not parse (`--week`, `--month`).
    #[error("{option}：{reason}")]
    Option {
        option: &'static str,
        reason: String,
    },
    #[error("--as-of “{value}”不是日期：请写成 2021-05-16 这样")]
    AsOf { value: String },
    #[error("收件箱文件夹“{}”不存在或不是文件夹", path.display())]
    NoInbox { path: PathBuf },
    #[error("无法读取收件箱“{}”：{source}", path.display())]
    ReadInbox {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Nothing in the inbox is a ledger (an empty inbox, or only files that are not ledgers): no
    /// report is written, since it would show every village at 0.
    #[error("收件箱里没有可读的台账：共 {files} 个文件，均无法识别为台账，未生成报表。请确认各村报送的台账已放入收件箱（上面列出了每个未读取文件的原因）")]
    NoLedgers { files: usize },
    /// `template --register`: the register could not be read (the message names the file).
    #[error("{0}")]
    Register(String),
    #[error("生成{what}失败：{source}")]
    Render {
        what: &'static str,
        source: rust_xlsxwriter::XlsxError,
    },
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl Error {
    /// Every error that ends a run is a usage or output failure.
    pub fn exit_code(&self) -> i32 {
        EXIT_USAGE
    }
}
