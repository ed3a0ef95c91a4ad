//! A report file streamed to disk while other work goes on (the `--json` beside the workbook being
//! built), put in place afterwards under [`super::output::write_atomic`]'s rules.

use super::output::{create_dir, folder_of, temp_path, OutputError};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file streamed into a temp file beside its place while other work goes on, and put in place later
/// by [`Staged::commit`], with [`super::output::write_atomic`]'s rules (an existing file refused unless `force`,
/// never half-written). Removed if never committed.
pub struct Staged {
    path: PathBuf,
    tmp: PathBuf,
    written: Result<(), OutputError>,
    committed: bool,
}

/// Streams `write`'s output into a temp file next to `path` (buffered, synced to disk).
pub fn stage(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Staged {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = temp_path(folder_of(path), &format!(".{name}"));
    let write_err = |source| OutputError::Write {
        path: path.to_path_buf(),
        source,
    };
    let written = create_dir(folder_of(path)).and_then(|()| {
        let f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(write_err)?;
        let mut w = io::BufWriter::with_capacity(1 << 20, f);
        write(&mut w).map_err(write_err)?;
        w.into_inner()
            .map_err(|e| e.into_error())
            .and_then(|f| f.sync_all())
            .map_err(write_err)
    });
    Staged {
        path: path.to_path_buf(),
        tmp,
        written,
        committed: false,
    }
}

impl Staged {
    /// Puts the file in place (as [`super::output::write_atomic`] would have written it).
    pub fn commit(mut self, force: bool) -> Result<(), OutputError> {
        if !force && self.path.exists() {
            return Err(OutputError::Exists {
                path: self.path.clone(),
                option: "-o",
            });
        }
        std::mem::replace(&mut self.written, Ok(()))?;
        fs::rename(&self.tmp, &self.path).map_err(|source| OutputError::Write {
            path: self.path.clone(),
            source,
        })?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}
