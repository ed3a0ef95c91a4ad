//! Listing the inbox: every file below it, recursively, in a stable order, so two runs over the same
//! folder read the files in the same order and write the same reports. Nothing is filtered here (hidden
//! and lock files too): `open_in_inbox` decides what to skip, so every skip can be listed with a reason.
//! That includes what cannot be walked: a link that leads outside the inbox is listed as it is (never
//! followed), and so is a folder that cannot be read (a path over the system's length limit, no
//! permission), so the run goes on and the clerk is told which one.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every regular file below `inbox`, as paths relative to it, sorted by the bytes of the path.
/// Symbolic links that stay inside the inbox are followed, but a directory already visited (a link
/// loop) is not entered twice; a link leading outside it, and a folder that cannot be listed, are
/// listed themselves (for `open_in_inbox` to report). Only an unreadable inbox itself is an error.
pub fn scan(inbox: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let root = fs::canonicalize(inbox)?;
    seen.insert(root.clone());
    fs::read_dir(inbox)?;
    walk(inbox, Path::new(""), &root, &mut seen, &mut files);
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
    root: &Path,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
) {
    let Ok(entries) = fs::read_dir(dir) else {
        // Listed so that opening it reports why (`open_in_inbox` reads the folder again).
        files.push(rel.to_path_buf());
        return;
    };
    for entry in entries {
        let Ok(entry) = entry else {
            files.push(rel.to_path_buf());
            return;
        };
        let path = entry.path();
        let rel_path = rel.join(entry.file_name());
        let Ok(mut ty) = entry.file_type() else {
            files.push(rel_path);
            continue;
        };
        if ty.is_symlink() {
            // A dangling link is no file to read; skip it like any other non-file.
            match fs::metadata(&path) {
                Ok(m) => ty = m.file_type(),
                Err(_) => continue,
            }
            if !inside(&path, root) {
                files.push(rel_path);
                continue;
            }
        }
        if ty.is_dir() {
            match fs::canonicalize(&path) {
                Ok(real) => {
                    if seen.insert(real) {
                        walk(&path, &rel_path, root, seen, files);
                    }
                }
                Err(_) => files.push(rel_path),
            }
        } else if ty.is_file() {
            files.push(rel_path);
        }
    }
}

/// Whether `path`, with every link resolved, lies inside the (canonical) inbox `root`.
pub(super) fn inside(path: &Path, root: &Path) -> bool {
    fs::canonicalize(path).is_ok_and(|real| real.starts_with(root))
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
