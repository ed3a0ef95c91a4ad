//! What one workbook may cost, in one place. The inbox is untrusted: any file may be cut off, edited
//! by hand or built to hurt, and one file must never tie up a run over a district's few hundred files
//! for more than a few seconds or a few hundred MB. A real district ledger is at most a few MB on disk
//! and a few MB inflated (≈ 100,000 filled cells); every budget below is ten or more times that, so
//! a genuine ledger never meets one, and each is checked before the work it bounds is done.

use std::time::Duration;

/// Largest spreadsheet file read (its size from the file system, before reading it). A ledger of
/// 65,536 rows saved as .xls is about 15 MB.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Largest total of the uncompressed sizes of a zip workbook's parts (xlsx, ods, xlsb), from the
/// central directory. calamine reads worksheet XML at about 25 MB/s on a modest machine, so this is
/// a few seconds; a district ledger is a few MB inflated.
pub const MAX_INFLATED: u64 = 64 << 20;

/// Filled cells read from one workbook, all sheets together (≈ 60 bytes each while read: the value,
/// its position, the grid slot), so at most a few hundred MB.
pub const MAX_WORKBOOK_CELLS: u64 = 4_000_000;

/// Largest grid built for one sheet, in cells (32 bytes each, so ≈ 130 MB; a ledger of 130,000 rows
/// × 30 columns fits). A sheet whose used area is larger keeps the block that holds its data (the
/// stray cells far away are named in a note).
pub const MAX_SHEET_CELLS: u64 = 4_000_000;

/// Bytes of cell text read from one workbook (for an ods, estimated before reading from the cells'
/// content and repeats). Each cell holds its own copy of a shared string or repeated value, so a
/// long text in a million cells would otherwise cost GBs.
pub const MAX_TEXT_BYTES: u64 = 128 << 20;

/// Entries in an xlsx shared-string table (each costs ≈ 40 bytes before any cell uses it).
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;

/// Wall-clock time one file may take to open before it is reported and skipped (a backstop for a
/// reader that loops or crawls on input we did not foresee; the checks above catch the known ones).
/// Generous because the machine may be busy: a district ledger opens in well under a second.
pub const FILE_TIME: Duration = Duration::from_secs(20);
