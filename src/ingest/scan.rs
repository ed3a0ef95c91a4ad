//! Listing the inbox: every file below it, recursively, in a stable order.
// CONTRACT (ingest helper): pub fn scan(inbox: &Path) -> std::io::Result<Vec<PathBuf>>
// returns paths relative to `inbox`, sorted, following no symlink loops.
