//! Writing reports safely: never a half-written file (write a temp file in the same folder, then
//! rename), never an earlier report replaced silently (`--force` is needed), and output paths checked
//! before any work is done so a long run cannot fail at the very end.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a report could not be written. Every message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{} 已存在，未覆盖。如要替换，请加 --force；或用 -o 指定另一个输出文件夹", path.display())]
    Exists { path: PathBuf },
    #[error("输出位置 {} 不是文件夹，请用 -o 指定一个文件夹", path.display())]
    NotADir { path: PathBuf },
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
            return Err(OutputError::Exists { path });
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
    if !force && path.exists() {
        return Err(OutputError::Exists {
            path: path.to_path_buf(),
        });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_dir(&dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = temp_path(&dir, &format!(".{name}"));
    let result = write_file(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    result.map_err(|source| {
        let _ = fs::remove_file(&tmp);
        OutputError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

fn create_dir(dir: &Path) -> Result<(), OutputError> {
    fs::create_dir_all(dir).map_err(|source| OutputError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })
}

/// A temp file name in `dir` that no other run of the tool uses at the same time.
fn temp_path(dir: &Path, stem: &str) -> PathBuf {
    dir.join(format!("{stem}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
