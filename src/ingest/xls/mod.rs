//! An .xls checked, and where needed patched, before calamine reads it. calamine 0.38 parses every
//! sheet inside `Xls::new` (`xls.rs`, `parse_workbook`) with nothing exposed before that, and trusts
//! the numbers in the file:
//!
//! - each sheet's DIMENSIONS record makes it reserve rows × columns cells up front
//!   (`cells.reserve(rows.saturating_mul(cols))`); a record patched to 16.7 M rows asks for 171 GB,
//!   and one whose last row is before its first wraps round to 1.37 TB — an allocation failure that
//!   aborts the whole run;
//! - the dense range is then built from the cells' own coordinates (`Range::from_sparse`), so a cell
//!   record at column 65,535 (the BIFF8 sheet has 256) asks for billions of cells;
//! - its OLE container reader (`cfb.rs`) follows sector chains as the file links them, so a chain
//!   linked into a loop makes it read forever (the directory) or until memory runs out (a stream
//!   whose declared length is past the file's).
//!
//! So the container is walked here first, the same way (header, DIFAT, FAT, directory, mini stream),
//! refusing a file whose chains loop or whose streams claim more than the file holds; each sheet's
//! records are walked from where its BoundSheet8 record points, as calamine walks them; cells outside
//! the BIFF8 sheet are turned into BLANK records (which calamine skips); a DIMENSIONS record that
//! asks for more than the cells there is rewritten to their real extent; and a workbook whose sheets'
//! used areas add up past the budget is refused. The patches are made in a copy of the file's bytes.

/// What to do with an .xls.
#[derive(Debug)]
pub enum XlsFix {
    /// Read the file as it is (it needed nothing, or it is not a container we can walk: calamine
    /// then gives its own error).
    AsIs,
    /// Read this patched copy instead, with notes for the clerk.
    Patched(Vec<u8>, Vec<String>),
    /// Do not give it to calamine: the reason (a detail for the "corrupt" message).
    Refused(&'static str),
    /// The sheets' used areas add up to this many cells, past the workbook budget.
    TooBig(u64),
}

mod cfb;
mod records;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// Checks and patches an .xls's bytes (see the module comment).
pub fn fix_xls(bytes: &[u8]) -> XlsFix {
    match cfb::workbook_stream(bytes) {
        Ok(Some(stream)) => records::patch(bytes, &stream).unwrap_or(XlsFix::AsIs),
        Ok(None) => XlsFix::AsIs,
        Err(why) => XlsFix::Refused(why),
    }
}
