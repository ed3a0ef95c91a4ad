//! Telling a file's format from its first bytes, never from its extension.
// CONTRACT (ingest helper):
// pub enum Format { Xlsx, Xls, Ods, Xlsb }
// pub fn sniff(head: &[u8], ...) -> ...
pub enum Format {
    Xlsx,
    Xls,
    Ods,
}
