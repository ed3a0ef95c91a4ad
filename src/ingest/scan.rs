//! Listing the inbox: every file below it, recursively, in a stable order, so two runs over the same
//! folder read the files in the same order and write the same reports. Nothing is filtered here (hidden
//! and lock files too): `open_workbook` decides what to skip, so every skip can be listed with a reason.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every regular file below `inbox`, as paths relative to it, sorted by the bytes of the path.
/// Symbolic links are followed, but a directory already visited (a link loop) is not entered twice.
pub fn scan(inbox: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    seen.insert(fs::canonicalize(inbox)?);
    walk(inbox, Path::new(""), &mut seen, &mut files)?;
    files.sort_by(|a, b| {
        a.as_os_str()
            .as_encoded_bytes()
            .cmp(b.as_os_str().as_encoded_bytes())
    });
    Ok(files)
}

fn walk(
    dir: &Path,
    rel: &Path,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let mut ty = entry.file_type()?;
        if ty.is_symlink() {
            // A dangling link is no file to read; skip it like any other non-file.
            match fs::metadata(&path) {
                Ok(m) => ty = m.file_type(),
                Err(_) => continue,
            }
        }
        let rel_path = rel.join(entry.file_name());
        if ty.is_dir() {
            if seen.insert(fs::canonicalize(&path)?) {
                walk(&path, &rel_path, seen, files)?;
            }
        } else if ty.is_file() {
            files.push(rel_path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_files_recursively_sorted_and_survives_a_link_loop() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("东庄村/第6周")).unwrap();
        fs::write(root.join("b.xlsx"), b"x").unwrap();
        fs::write(root.join("a.xlsx"), b"x").unwrap();
        fs::write(root.join(".DS_Store"), b"x").unwrap();
        fs::write(root.join("东庄村/第6周/台账.xlsx"), b"x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("东庄村/loop")).unwrap();
        let got = scan(root).unwrap();
        let want: Vec<PathBuf> = [".DS_Store", "a.xlsx", "b.xlsx", "东庄村/第6周/台账.xlsx"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(got, want);
    }
}
