//! Writing reports safely: never a half-written file (write a temp file in the same folder, then
//! rename), never an earlier report replaced silently (`--force` is needed), and output paths checked
//! before any work is done so a long run cannot fail at the very end.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use super::staged::{stage, Staged};

/// Why a report could not be written. Every message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// `option` is the command-line option that chose the place (`-o`, `--feedback`, `--json`).
    #[error("{} 已存在，未覆盖。如要替换，请加 --force；或用 {option} 指定另一个{}", path.display(), place(option))]
    Exists { path: PathBuf, option: &'static str },
    #[error("输出位置 {} 不是文件夹，请用 {option} 指定一个文件夹", path.display())]
    NotADir { path: PathBuf, option: &'static str },
    #[error("{} 在收件箱中，是要读取的文件，不会被覆盖（加了 --force 也不会）。请用 {option} 把输出放到收件箱以外", path.display())]
    InInbox { path: PathBuf, option: &'static str },
    #[error("另一个 shuangti 正在向 {} 写入文件。请等它结束后再运行，或用 {option} 指定另一个位置", dir.display())]
    Locked { dir: PathBuf, option: &'static str },
    #[error("文件名 {name} 会写到 {} 以外，已拒绝", dir.display())]
    Outside { dir: PathBuf, name: String },
    #[error("无法创建输出文件夹 {}：{}", path.display(), reason(source))]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("无法写入 {}：{}", path.display(), reason(source))]
    Write { path: PathBuf, source: io::Error },
    #[error("生成 {} 失败：{source}", path.display())]
    Xlsx {
        path: PathBuf,
        source: rust_xlsxwriter::XlsxError,
    },
}

impl OutputError {
    /// Names the option that chose the output place, for the message (`-o` unless told).
    pub fn for_option(mut self, name: &'static str) -> OutputError {
        match &mut self {
            OutputError::Exists { option, .. }
            | OutputError::NotADir { option, .. }
            | OutputError::InInbox { option, .. }
            | OutputError::Locked { option, .. } => *option = name,
            _ => {}
        }
        self
    }
}

/// What an option names: `--json` a file, the others a folder.
fn place(option: &str) -> &'static str {
    match option {
        "--json" => "文件",
        "-o" => "输出文件夹",
        _ => "文件夹",
    }
}

/// An I/O error in words an office clerk can act on (the system's own text follows in brackets).
fn reason(e: &io::Error) -> String {
    let hint = match e.kind() {
        io::ErrorKind::PermissionDenied => {
            "没有写入权限，或文件正被 Excel/WPS 打开（请关闭后重试）"
        }
        io::ErrorKind::StorageFull => "磁盘空间不足",
        io::ErrorKind::ReadOnlyFilesystem => "磁盘或U盘是只读的",
        io::ErrorKind::NotFound => "路径不存在",
        _ => return e.to_string(),
    };
    format!("{hint}（{e}）")
}

/// Creates `dir` if needed and checks that each of `names` can be written there: refuses an existing
/// file unless `force`, and probes that the folder accepts new files. Call it before doing any work.
pub fn check_writable(dir: &Path, names: &[String], force: bool) -> Result<(), OutputError> {
    if dir.exists() && !dir.is_dir() {
        return Err(OutputError::NotADir {
            path: dir.to_path_buf(),
            option: "-o",
        });
    }
    for name in names {
        let path = dir.join(name);
        if path.is_dir() {
            return Err(OutputError::Write {
                path,
                source: io::Error::new(io::ErrorKind::IsADirectory, "同名文件夹已存在"),
            });
        }
        if !force && path.exists() {
            return Err(OutputError::Exists { path, option: "-o" });
        }
    }
    create_dir(dir)?;
    let probe = temp_path(dir, ".shuangti-probe");
    fs::File::create(&probe).map_err(|source| OutputError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let _ = fs::remove_file(&probe);
    Ok(())
}

/// Writes `bytes` to `path` all at once: the parent folder is created, an existing file is refused
/// unless `force`, and the bytes go to a temp file in the same folder that is renamed over `path` only
/// when complete (and removed if anything fails).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), OutputError> {
    // (refused before anything is written; the staged file then goes in place)
    if !force && path.exists() {
        return Err(OutputError::Exists {
            path: path.to_path_buf(),
            option: "-o",
        });
    }
    super::staged::stage(path, |w| w.write_all(bytes)).commit(true)
}

pub(super) fn create_dir(dir: &Path) -> Result<(), OutputError> {
    fs::create_dir_all(dir).map_err(|source| OutputError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })
}

/// A temp file name in `dir` that no other run of the tool uses at the same time.
pub(super) fn temp_path(dir: &Path, stem: &str) -> PathBuf {
    dir.join(format!("{stem}.{}.tmp", std::process::id()))
}

/// The folder a file is written in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The lock file every run takes in each folder it writes to.
pub const LOCK_FILE: &str = ".shuangti.lock";

/// A folder this run writes to, locked against other runs until dropped. The lock is the operating
/// system's, so a killed run leaves no lock behind (at most an unlocked lock file, taken over by the
/// next run); the lock file is removed when the run ends.
#[derive(Debug)]
pub struct FolderLock {
    pub dir: PathBuf,
    path: PathBuf,
    _file: fs::File,
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Still locked while removed: a run that opens the name now makes a new file and locks that.
        let _ = fs::remove_file(&self.path);
    }
}

/// Creates `dir` if needed and locks it; refuses when another run holds it. Then removes the temp
/// files that killed runs of the tool left there.
pub fn lock_folder(dir: &Path) -> Result<FolderLock, OutputError> {
    if dir.exists() && !dir.is_dir() {
        return Err(OutputError::NotADir {
            path: dir.to_path_buf(),
            option: "-o",
        });
    }
    create_dir(dir)?;
    let path = dir.join(LOCK_FILE);
    let write_err = |source| OutputError::Write {
        path: path.clone(),
        source,
    };
    loop {
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(write_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(OutputError::Locked {
                    dir: dir.to_path_buf(),
                    option: "-o",
                })
            }
            Err(fs::TryLockError::Error(source)) => return Err(write_err(source)),
        }
        // The run that held it may have removed the file between our open and our lock: then the
        // lock is on a file no other run will find, so take the one now at the path.
        if same_file(&file, &path) {
            remove_stale_temps(dir);
            return Ok(FolderLock {
                dir: dir.to_path_buf(),
                path,
                _file: file,
            });
        }
    }
}

/// Whether the open `file` is the one now at `path`.
fn same_file(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Removes `.<name>.<pid>.tmp` files that a run of the tool left when it was killed: the caller holds
/// the folder's lock, so no other run writes there now; where the system tells (Linux), a file of a
/// process that is still alive is kept all the same.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = temp_pid(&name) else { continue };
        let alive = Path::new("/proc/self").exists() && Path::new(&format!("/proc/{pid}")).exists();
        if pid != me && !alive && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// The process id in one of our temp file names (`.周通报.xlsx.4242.tmp`, `.shuangti-probe.7.tmp`);
/// other programs' temp files are left alone.
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (stem, pid) = rest.rsplit_once('.')?;
    let ours = stem == "shuangti-probe"
        || [".xlsx", ".json"]
            .iter()
            .any(|ext| stem.len() > ext.len() && stem.to_ascii_lowercase().ends_with(ext));
    if !ours || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether `path` (existing or not) lies in the folder `root` or below it, symbolic links resolved.
pub fn is_inside(path: &Path, root: &Path) -> bool {
    match (resolve(path), root.canonicalize()) {
        (Some(p), Ok(root)) => p.starts_with(root),
        _ => false,
    }
}

/// `path` made absolute as the system would follow it: each part that exists is resolved (links,
/// then `..` from where the link led), the parts that do not yet exist are taken as written.
fn resolve(path: &Path) -> Option<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let mut p = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                p.pop();
            }
            std::path::Component::CurDir => {}
            c => {
                p.push(c);
                if let Ok(real) = p.canonicalize() {
                    p = real;
                }
            }
        }
    }
    Some(p)
}

/// The longest file name most file systems take, in bytes.
const MAX_NAME_BYTES: usize = 255;

/// `stem` + `ext` as one safe file name on Windows, macOS and Linux, still readable: the characters
/// Windows or Excel refuse (`\ / : * ? " < > | [ ]`) become their full-width forms, control and
/// direction-changing characters `_`, a leading dot `．`; trailing dots and spaces go; a reserved
/// device name (CON, NUL, COM1 …) gets a `_` in front; a name over 255 bytes is cut and ends with a
/// short hash of the whole, so two long names stay distinct.
pub fn safe_file_name(stem: &str, ext: &str) -> String {
    let mut s: String = stem
        .chars()
        .map(|c| match c {
            '/' => '／',
            '\\' => '＼',
            ':' => '：',
            '*' => '＊',
            '?' => '？',
            '"' => '＂',
            '<' => '＜',
            '>' => '＞',
            '|' => '｜',
            '[' => '［',
            ']' => '］',
            c if c.is_control() || is_bidi_control(c) => '_',
            c => c,
        })
        .collect();
    let kept = s.trim_end_matches(['.', ' ']).len();
    s.truncate(kept);
    if let Some(rest) = s.strip_prefix('.') {
        s = format!("．{rest}");
    }
    if s.is_empty() {
        s.push('_');
    }
    let device = s
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    let reserved = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"].contains(&device.as_str())
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device.as_bytes()[3].is_ascii_digit());
    if reserved {
        s.insert(0, '_');
    }
    if s.len() + ext.len() > MAX_NAME_BYTES {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        stem.hash(&mut h);
        let mark = format!("…{:08x}", h.finish() as u32);
        let mut cut = MAX_NAME_BYTES - ext.len() - mark.len();
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push_str(&mark);
    }
    s + ext
}

/// Characters that reorder how a line is shown (a file name could look like another).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `path` joined from `dir` and a file name made by [`safe_file_name`]: refuses a name that would
/// leave the folder (it cannot, but the check is cheap and the harm would be real).
pub fn join_inside(dir: &Path, name: &str) -> Result<PathBuf, OutputError> {
    let mut parts = Path::new(name).components();
    match (parts.next(), parts.next()) {
        (Some(std::path::Component::Normal(n)), None) if n == std::ffi::OsStr::new(name) => {
            Ok(dir.join(name))
        }
        _ => Err(OutputError::Outside {
            dir: dir.to_path_buf(),
            name: name.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_unit_names_become_one_safe_readable_file_name() {
        let f = |s: &str| safe_file_name(s, ".xlsx");
        assert_eq!(f("../../某处/村民来信"), "．.／..／某处／村民来信.xlsx");
        assert_eq!(
            f("a\\b:c*d?e[f]g<h>i|j\"k"),
            "a＼b：c＊d？e［f］g＜h＞i｜j＂k.xlsx"
        );
        assert_eq!(f("东庄\n村\t\u{1b}[2J"), "东庄_村__［2J.xlsx");
        assert_eq!(f("东庄村\u{202e}xslx"), "东庄村_xslx.xlsx");
        assert_eq!(f("东庄村. . "), "东庄村.xlsx");
        assert_eq!(f("..."), "_.xlsx");
        assert_eq!(f("CON"), "_CON.xlsx");
        assert_eq!(f("nul.txt"), "_nul.txt.xlsx");
        assert_eq!(f("com1"), "_com1.xlsx");
        assert_eq!(f("COMPANY"), "COMPANY.xlsx");
        let long_a = "东".repeat(100) + "甲";
        let long_b = "东".repeat(100) + "乙";
        let (a, b) = (f(&long_a), f(&long_b));
        assert!(a.len() <= 255 && b.len() <= 255, "{} {}", a.len(), b.len());
        assert!(a.starts_with("东东东") && a.ends_with(".xlsx"), "{a}");
        assert_ne!(a, b);
        for name in [a, b, f("../../x"), f("/../../inbox/东庄村走访台账")] {
            let p = join_inside(Path::new("fb"), &name).unwrap();
            assert_eq!(p.parent(), Some(Path::new("fb")), "{name}");
        }
        assert!(join_inside(Path::new("fb"), "../x.xlsx").is_err());
        assert!(join_inside(Path::new("fb"), "a/b.xlsx").is_err());
    }

    #[test]
    fn only_our_temp_names_carry_a_pid() {
        assert_eq!(temp_pid(".周通报.xlsx.4242.tmp"), Some(4242));
        assert_eq!(temp_pid(".shuangti-probe.7.tmp"), Some(7));
        assert_eq!(temp_pid("周通报.xlsx.4242.tmp"), None);
        assert_eq!(temp_pid(".w6.json.99.tmp"), Some(99));
        assert_eq!(temp_pid(".x.tmp"), None);
        assert_eq!(temp_pid(".editor-swap.123.tmp"), None);
        assert_eq!(temp_pid("..xlsx.5.tmp"), None);
        assert_eq!(temp_pid(".x.12a.tmp"), None);
        assert_eq!(temp_pid("..4242.tmp"), None);
    }

    #[test]
    fn a_locked_folder_is_refused_until_released() {
        let d = tempfile::tempdir().unwrap();
        let first = lock_folder(d.path()).unwrap();
        let err = lock_folder(d.path()).unwrap_err();
        assert!(matches!(err, OutputError::Locked { .. }), "{err}");
        drop(first);
        assert!(
            !d.path().join(LOCK_FILE).exists(),
            "removed when the run ends"
        );
        // A killed run's lock file is taken over.
        fs::write(d.path().join(LOCK_FILE), b"").unwrap();
        let again = lock_folder(d.path()).unwrap();
        assert!(d.path().join(LOCK_FILE).exists());
        drop(again);
    }

    #[test]
    fn is_inside_resolves_dot_dot_and_missing_parts() {
        let d = tempfile::tempdir().unwrap();
        let inbox = d.path().join("inbox");
        fs::create_dir_all(inbox.join("sub")).unwrap();
        assert!(is_inside(&inbox.join("sub/new/x.json"), &inbox));
        assert!(is_inside(&d.path().join("fb/../inbox/a.xlsx"), &inbox));
        assert!(!is_inside(&d.path().join("out/a.xlsx"), &inbox));
        assert!(!is_inside(&d.path().join("inbox2"), &inbox));
        assert!(is_inside(&d.path().join("new/../inbox"), &inbox));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&inbox, d.path().join("link")).unwrap();
            assert!(is_inside(&d.path().join("link/x.json"), &inbox));
        }
    }

    #[test]
    fn refuses_to_overwrite_without_force() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("sub").join("周通报.xlsx");
        write_atomic(&p, b"one", false).unwrap();
        let err = write_atomic(&p, b"two", false).unwrap_err().to_string();
        assert!(err.contains("周通报.xlsx 已存在"), "{err}");
        assert!(err.contains("--force"), "{err}");
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        // No temp files left behind.
        assert_eq!(fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn check_writable_refuses_before_work() {
        let d = tempfile::tempdir().unwrap();
        let names = vec!["a.xlsx".to_string(), "b.xlsx".to_string()];
        check_writable(&d.path().join("new"), &names, false).unwrap();
        fs::write(d.path().join("b.xlsx"), b"x").unwrap();
        let err = check_writable(d.path(), &names, false).unwrap_err();
        assert!(matches!(err, OutputError::Exists { .. }), "{err}");
        check_writable(d.path(), &names, true).unwrap();
        let err = check_writable(&d.path().join("b.xlsx"), &names, true).unwrap_err();
        assert!(err.to_string().contains("不是文件夹"), "{err}");
        // The probe is cleaned up.
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 2);
    }

    #[test]
    fn failed_write_leaves_nothing() {
        let d = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails, the temp file must go.
        let p = d.path().join("x.xlsx");
        fs::create_dir(&p).unwrap();
        fs::write(p.join("keep"), b"k").unwrap();
        assert!(write_atomic(&p, b"data", true).is_err());
        let left: Vec<_> = fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }
}
