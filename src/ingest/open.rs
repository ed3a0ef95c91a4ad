//! Opening one workbook safely.
// CONTRACT (ingest helper):
// pub struct Opened { pub format: Format, pub sheets: Vec<Sheet>, pub notes: Vec<String> }
// pub struct OpenFailure { pub status: FileStatus /* Skipped | Unreadable */, pub reason: String }
// pub fn open_workbook(path: &Path, include_hidden: bool) -> Result<Opened, OpenFailure>
