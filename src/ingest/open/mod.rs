//! Opening one workbook safely: the file is read once (read-only), its format told from its bytes, the
//! matching calamine reader run on those bytes inside `catch_unwind`, and each sheet turned into a
//! `Grid` of bounded size. Whatever goes wrong becomes an `OpenFailure` with a Chinese reason that says
//! what is wrong and what the clerk should do, so one bad file never ends the run.

mod error;
mod isolate;
mod read;
mod sized;

#[cfg(test)]
mod tests;

use std::fs;
use std::io::{self, Read as _};
use std::path::Path;
use std::sync::mpsc;
use std::thread;

use super::budget::{FILE_TIME, MAX_FILE_BYTES};
use super::scan::inside;
use super::sniff::{
    is_container, sniff_keeping, Format, Sniffed, HEAD, MAX_ZIP_UNCOMPRESSED, UNKNOWN,
};
use super::Sheet;
use error::ReadError;
use isolate::quietly;
use read::read;

/// A workbook that could be read.
#[derive(Debug)]
pub struct Opened {
    pub format: Format,
    /// In workbook order; a hidden sheet has `visible == false` and, unless asked for, no grid.
    pub sheets: Vec<Sheet>,
    /// Warnings about the file that did not stop reading it (Chinese, for the clerk).
    pub notes: Vec<String>,
}

pub use super::failure::*;
use super::failure::{skipped, unreadable, unreadable_because};

pub const LINK_OUTSIDE: &str =
    "这是指向收件箱以外的文件的链接（快捷方式），为安全起见未读取。如需核查，请把文件本身复制到收件箱中";
pub const LINK_OUTSIDE_DIR: &str =
    "这是指向收件箱以外的文件夹的链接（快捷方式），为安全起见其中的文件均未读取。如需核查，请把文件本身复制到收件箱中";
pub const TOO_LONG: &str =
    "文件路径过长（超过操作系统的限制），无法读取。请把它移到层级较浅、名称较短的文件夹中后重新提交";

/// Reads the file at `rel` below `inbox` (as listed by `scan`) within the time budget: a link that
/// leads outside the inbox is skipped unread, a path the system cannot open is reported, and a file
/// still not read after [`FILE_TIME`] is reported and left behind (its reader thread is abandoned).
pub fn open_in_inbox(
    inbox: &Path,
    rel: &Path,
    include_hidden: bool,
) -> Result<Opened, OpenFailure> {
    let path = inbox.join(rel);
    let meta = fs::metadata(&path).map_err(|e| io_failure(&e))?;
    // (the inbox's real path is only needed when a link may lead out of it)
    let outside = !no_link_on_the_way(inbox, rel)
        && !inside(&path, &canonical_root(inbox).map_err(|e| io_failure(&e))?);
    if outside {
        return Err(skipped(if meta.is_dir() {
            LINK_OUTSIDE_DIR
        } else {
            LINK_OUTSIDE
        }));
    }
    if meta.is_dir() {
        // `scan` lists a folder only when it cannot be listed.
        let why = fs::read_dir(&path).err().map(|e| io_failure(&e).reason);
        return Err(unreadable(format!(
            "这个文件夹无法打开，其中的文件均未读取：{}",
            why.unwrap_or_else(|| "读取文件夹时出错".into())
        )));
    }
    within(FILE_TIME, &path, move |p| open_workbook(p, include_hidden))
}

/// The inbox last asked about on a thread, its identity (device, inode) and its real path.
struct KnownRoot {
    inbox: std::path::PathBuf,
    id: (u64, u64),
    real: std::path::PathBuf,
}

thread_local! {
    /// (`canonicalize` walks every component of the path with a system call each, per file.)
    static ROOT: std::cell::RefCell<Option<KnownRoot>> = const { std::cell::RefCell::new(None) };
}

/// The real path of `inbox`, from this thread's cache while `inbox` still leads to the same folder.
fn canonical_root(inbox: &Path) -> io::Result<std::path::PathBuf> {
    let Some(id) = identity(&fs::metadata(inbox)?) else {
        return fs::canonicalize(inbox);
    };
    let hit = ROOT.with(|r| {
        r.borrow()
            .as_ref()
            .filter(|k| k.inbox == inbox && k.id == id)
            .map(|k| k.real.clone())
    });
    if let Some(real) = hit {
        return Ok(real);
    }
    let real = fs::canonicalize(inbox)?;
    ROOT.with(|r| {
        *r.borrow_mut() = Some(KnownRoot {
            inbox: inbox.to_path_buf(),
            id,
            real: real.clone(),
        })
    });
    Ok(real)
}

#[cfg(unix)]
fn identity(m: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    Some((m.dev(), m.ino()))
}

/// (no cache where a folder's identity is not at hand)
#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Whether `inbox/rel` is plainly inside the inbox: every component of `rel` an ordinary name that is
/// not a link (one `lstat` each). Otherwise the caller resolves the path in full.
fn no_link_on_the_way(inbox: &Path, rel: &Path) -> bool {
    let mut at = inbox.to_path_buf();
    for c in rel.components() {
        let std::path::Component::Normal(name) = c else {
            return false;
        };
        at.push(name);
        if !fs::symlink_metadata(&at).is_ok_and(|m| !m.file_type().is_symlink()) {
            return false;
        }
    }
    true
}

/// A job for a calling thread's reader thread.
type Job = Box<dyn FnOnce() + Send>;

thread_local! {
    /// This thread's reader thread, reused from file to file (spawning one per file costs more than
    /// reading a small ledger); dropped, and so abandoned, when a read overruns its budget.
    static READER: std::cell::RefCell<Option<mpsc::Sender<Job>>> = const { std::cell::RefCell::new(None) };
}

fn spawn_reader() -> Option<mpsc::Sender<Job>> {
    let (tx, rx) = mpsc::channel::<Job>();
    thread::Builder::new()
        .name("shuangti-open".into())
        .stack_size(8 << 20)
        .spawn(move || {
            for job in rx {
                job();
            }
        })
        .ok()?;
    Some(tx)
}

/// Runs `read` on `path` in this thread's reader thread and waits at most `budget` for it.
fn within(
    budget: std::time::Duration,
    path: &Path,
    read: impl FnOnce(&Path) -> Result<Opened, OpenFailure> + Send + 'static,
) -> Result<Opened, OpenFailure> {
    let (tx, rx) = mpsc::channel();
    let owned = path.to_path_buf();
    let mut job: Job = Box::new(move || {
        let _ = tx.send(read(&owned));
    });
    // A reader that died (a panic outside `quietly`) is replaced once.
    for _ in 0..2 {
        let sent = READER.with(|r| {
            let mut r = r.borrow_mut();
            if r.is_none() {
                *r = spawn_reader();
            }
            match r.as_ref() {
                Some(s) => s.send(job).map_err(|e| Some(e.0)),
                None => Err(None),
            }
        });
        match sent {
            Ok(()) => break,
            Err(Some(back)) => {
                READER.with(|r| *r.borrow_mut() = None);
                job = back;
            }
            Err(None) => return Err(unreadable(PANICKED)),
        }
    }
    match rx.recv_timeout(budget) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            READER.with(|r| *r.borrow_mut() = None);
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            Err(unreadable(format!(
                "读取“{name}”超过 {} 秒仍未完成，已停止读取并跳过。文件可能已损坏或结构异常，请用 Excel/WPS 打开确认后另存为 .xlsx 再提交",
                budget.as_secs()
            )))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            READER.with(|r| *r.borrow_mut() = None);
            Err(unreadable(PANICKED))
        }
    }
}

fn io_failure(e: &io::Error) -> OpenFailure {
    if e.kind() == io::ErrorKind::InvalidFilename {
        return unreadable(TOO_LONG);
    }
    unreadable_because(
        format!(
            "无法打开文件（{}）。请确认文件没有被其他程序占用、本程序有读取权限后重试",
            super::failure::io_zh(e)
        ),
        e.to_string(),
    )
}

/// The file's bytes when it may be a workbook: a container (zip, OLE) is read whole unless it is
/// larger than [`MAX_FILE_BYTES`]; of anything else only the first [`HEAD`] bytes are read, which is
/// all `sniff` looks at.
fn read_bytes(path: &Path) -> Result<Vec<u8>, OpenFailure> {
    let mut f = fs::File::open(path).map_err(|e| io_failure(&e))?;
    let len = f.metadata().map_err(|e| io_failure(&e))?.len();
    let mut head = Vec::with_capacity(HEAD);
    (&mut f)
        .take(HEAD as u64)
        .read_to_end(&mut head)
        .map_err(|e| io_failure(&e))?;
    if !is_container(&head) {
        return Ok(head);
    }
    if len > MAX_FILE_BYTES {
        return Err(unreadable(format!(
            "文件有 {} MiB，远超台账应有的大小（上限 {} MiB），为防止占用过多内存未读取。\
             请删去多余内容（如图片、无关的工作表）后另存为新文件再提交",
            len.div_ceil(1 << 20),
            MAX_FILE_BYTES >> 20
        )));
    }
    let mut bytes = head;
    bytes.reserve(len as usize - bytes.len().min(len as usize));
    f.read_to_end(&mut bytes).map_err(|e| io_failure(&e))?;
    Ok(bytes)
}

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
    let bytes = read_bytes(path)?;
    let (sniffed, zip) = sniff_keeping(&bytes);
    let format = match sniffed {
        Sniffed::Spreadsheet(f) => f,
        Sniffed::Encrypted => return Err(unreadable(PASSWORD)),
        Sniffed::Empty => return Err(unreadable(EMPTY)),
        Sniffed::Corrupt(_) if is_et => return Err(unreadable(WPS_ET)),
        Sniffed::Corrupt(detail) => return Err(corrupt(detail)),
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
        // Named as a workbook (东庄村走访台账.xlsx) but a PDF, a text, a picture: the village meant
        // to send its ledger, so it is told to resend it (unreadable, in its 退回修改清单).
        Sniffed::Other(what) if is_workbook_ext(&ext) && what != UNKNOWN => {
            return Err(unreadable(misnamed(what, &ext)));
        }
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

    if format == Format::Xlsx {
        if let Some(title) = zip
            .clone()
            .and_then(|mut z| super::own_report::report_title_in(&mut z))
        {
            return Err(skipped(format!(
                "本工具生成的报表（{title}），不作为台账读取"
            )));
        }
    }

    let mut notes = Vec::new();
    if !format.matches_extension(&ext) {
        let f = format.label();
        notes.push(if ext.is_empty() {
            format!("文件没有扩展名，实际是 {f} 格式；已按 {f} 读取。建议加上扩展名 .{f}。")
        } else {
            format!("文件扩展名是 .{ext}，实际是 {f} 格式；已按 {f} 读取。建议改正扩展名。")
        });
    }

    let outcome = quietly(|| read(format, &bytes, zip, include_hidden));
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
        Some(Err(ReadError::Budget(reason))) => Err(unreadable(reason)),
        Some(Err(ReadError::Other(_))) if is_et => Err(unreadable(WPS_ET)),
        Some(Err(ReadError::Other(detail))) => Err(corrupt(detail)),
        None => Err(unreadable(PANICKED)),
    }
}

/// A damaged file. Our own guards explain in Chinese what they found (kept in the reason); the
/// reading library's words are English (kept apart as the detail, for `--json` only).
fn corrupt(detail: String) -> OpenFailure {
    if detail.is_ascii() {
        unreadable_because(CORRUPT, detail)
    } else {
        unreadable(format!("{CORRUPT}（{detail}）"))
    }
}

/// A workbook's extension (.xlsx, .xls, .ods …; not .csv, which is text by nature).
fn is_workbook_ext(ext: &str) -> bool {
    [Format::Xlsx, Format::Xls, Format::Ods, Format::Xlsb]
        .iter()
        .any(|f| f.matches_extension(ext))
}

/// Why a file named as a workbook that is something else is not read, and what to do:
/// `这个文件其实是PDF，不是Excel表格（扩展名是 .xlsx）…`.
fn misnamed(what: &str, ext: &str) -> String {
    let what = what.trim_end_matches(" 文档").trim_end_matches("文件");
    format!(
        "这个文件其实是{what}，不是Excel表格（只是扩展名为 .{ext}），请用Excel/WPS另存为.xlsx后重新发送"
    )
}

fn is_spreadsheet_ext(ext: &str) -> bool {
    is_workbook_ext(ext) || ext == "csv"
}
