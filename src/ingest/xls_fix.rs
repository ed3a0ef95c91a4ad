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

use super::bound::Area;
use super::budget::MAX_WORKBOOK_CELLS;

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

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
/// The BIFF8 sheet: 65,536 rows × 256 columns.
const MAX_COL: u32 = 255;
/// A record type calamine ignores (BLANK: a formatted empty cell).
const BLANK: u16 = 0x0201;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// The container, as far as needed to find and patch the workbook stream.
struct Cfb<'a> {
    bytes: &'a [u8],
    size: usize,
    maxid: u32,
    fat: Vec<u32>,
}

impl Cfb<'_> {
    /// File offset of a sector, when it is in the file.
    fn sector(&self, id: u32) -> Option<usize> {
        if id > self.maxid {
            return None;
        }
        let at = (id as usize + 1) * self.size;
        (at < self.bytes.len()).then_some(at)
    }

    /// The file offsets of a chain's sectors, for `len` bytes (or to its end). `Err` when the chain
    /// loops (calamine would read round it for ever, or until `len`).
    fn chain(&self, start: u32, len: usize) -> Result<Option<Vec<usize>>, &'static str> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.maxid as usize + 1];
        let mut id = start;
        let mut have = 0usize;
        while id != ENDOFCHAIN && have < len {
            if id > self.maxid {
                return Ok(None);
            }
            if std::mem::replace(&mut seen[id as usize], true) {
                return Err("OLE 扇区链循环");
            }
            match self.sector(id) {
                Some(at) => out.push(at),
                None => return Ok(None),
            }
            have += self.size;
            id = match self.fat.get(id as usize) {
                Some(&n) => n,
                None => return Ok(None),
            };
        }
        Ok(Some(out))
    }
}

/// A stream copied out of the container, with the file offset of each of its bytes' blocks.
struct Stream {
    data: Vec<u8>,
    /// File offset of each block of `block` bytes.
    blocks: Vec<usize>,
    block: usize,
}

impl Stream {
    fn file_offset(&self, pos: usize) -> Option<usize> {
        Some(self.blocks.get(pos / self.block)? + pos % self.block)
    }
}

fn gather(bytes: &[u8], offsets: &[usize], block: usize, len: usize) -> Stream {
    let mut data = Vec::with_capacity(len.min(offsets.len() * block));
    let mut blocks = Vec::with_capacity(offsets.len());
    for &at in offsets {
        if data.len() >= len {
            break;
        }
        let end = (at + block).min(bytes.len());
        let take = (end - at).min(len - data.len());
        data.extend_from_slice(&bytes[at..at + take]);
        blocks.push(at);
        if end - at < block {
            break;
        }
    }
    Stream {
        data,
        blocks,
        block,
    }
}

/// Checks and patches an .xls's bytes (see the module comment).
pub fn fix_xls(bytes: &[u8]) -> XlsFix {
    match walk(bytes) {
        Ok(Some(fix)) => fix,
        Ok(None) => XlsFix::AsIs,
        Err(why) => XlsFix::Refused(why),
    }
}

fn walk(bytes: &[u8]) -> Result<Option<XlsFix>, &'static str> {
    if bytes.len() < 512 {
        return Ok(None);
    }
    let size = match u16_at(bytes, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Ok(None),
    };
    if u16_at(bytes, 32) != Some(6) || bytes.len() < size {
        return Ok(None);
    }
    let maxid = (bytes.len() / size) as u32;
    let mut cfb = Cfb {
        bytes,
        size,
        maxid,
        fat: Vec::new(),
    };
    // DIFAT: 109 entries in the header, then a chain whose last entry points on (as calamine reads it).
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut id = u32_at(bytes, 68).unwrap_or(ENDOFCHAIN);
    let mut n = 0u32;
    while id < RESERVED {
        n += 1;
        if n > maxid + 1 {
            return Ok(None);
        }
        let Some(at) = cfb.sector(id) else {
            return Ok(None);
        };
        let end = (at + size).min(bytes.len());
        difat.extend((at..end).step_by(4).filter_map(|i| u32_at(bytes, i)));
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    for &id in difat.iter().filter(|&&id| id < DIFSECT) {
        let Some(at) = cfb.sector(id) else {
            return Ok(None);
        };
        let end = (at + size).min(bytes.len());
        cfb.fat
            .extend((at..end).step_by(4).filter_map(|i| u32_at(bytes, i)));
    }
    // Directory.
    let dir_start = u32_at(bytes, 48).unwrap_or(ENDOFCHAIN);
    let Some(dir) = cfb.chain(dir_start, usize::MAX)? else {
        return Ok(None);
    };
    let dir = gather(bytes, &dir, size, usize::MAX);
    let entries: Vec<(String, u32, u64)> = dir
        .data
        .chunks_exact(128)
        .map(|e| {
            let units: Vec<u16> = e[..64]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .take_while(|&u| u != 0)
                .collect();
            let len = if size == 512 {
                u32_at(e, 120).unwrap_or(0) as u64
            } else {
                u64::from_le_bytes(e[120..128].try_into().unwrap_or([0; 8]))
            };
            (
                String::from_utf16_lossy(&units),
                u32_at(e, 116).unwrap_or(ENDOFCHAIN),
                len,
            )
        })
        .collect();
    let Some(root) = entries.first() else {
        return Ok(None);
    };
    let find = |name: &str| {
        entries
            .iter()
            .find(|e| e.0.eq_ignore_ascii_case(name))
            .cloned()
    };
    let Some((_, start, len)) = find("Workbook").or_else(|| find("Book")) else {
        return Ok(None);
    };
    if len > bytes.len() as u64 {
        return Err("工作簿数据流的长度超过文件本身");
    }
    let len = len as usize;
    let stream = if len < 4096 {
        // In the mini stream: 64-byte blocks inside the root entry's chain.
        let mini_fat_len = u32_at(bytes, 64).unwrap_or(0) as usize;
        if mini_fat_len == 0 {
            return Ok(None);
        }
        if root.2 > bytes.len() as u64 || mini_fat_len.saturating_mul(size) > bytes.len() {
            return Err("迷你数据流的长度超过文件本身");
        }
        let Some(ministream) = cfb.chain(root.1, root.2 as usize)? else {
            return Ok(None);
        };
        let ministream = gather(bytes, &ministream, size, root.2 as usize);
        let mf_start = u32_at(bytes, 60).unwrap_or(ENDOFCHAIN);
        let Some(minifat) = cfb.chain(mf_start, mini_fat_len * size)? else {
            return Ok(None);
        };
        let minifat = gather(bytes, &minifat, size, mini_fat_len * size);
        let mini = Cfb {
            bytes,
            size: 64,
            maxid: (ministream.data.len() / 64) as u32,
            fat: minifat
                .data
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        };
        let Some(blocks) = mini.chain(start, len)? else {
            return Ok(None);
        };
        let offsets: Option<Vec<usize>> = blocks
            .iter()
            .map(|&b| ministream.file_offset(b - 64))
            .collect();
        let Some(offsets) = offsets else {
            return Ok(None);
        };
        gather(bytes, &offsets, 64, len)
    } else {
        let Some(sectors) = cfb.chain(start, len)? else {
            return Ok(None);
        };
        gather(bytes, &sectors, size, len)
    };
    Ok(patch_records(bytes, &stream))
}

/// One BIFF record: its type, where its header starts in the stream, and its data.
struct Rec<'a> {
    typ: u16,
    at: usize,
    data: &'a [u8],
}

/// The records from `pos` on, as calamine's `RecordIter` gives them (CONTINUE records folded in).
fn records(s: &[u8], mut pos: usize) -> impl Iterator<Item = Rec<'_>> {
    std::iter::from_fn(move || {
        let typ = u16_at(s, pos)?;
        let len = u16_at(s, pos + 2)? as usize;
        let data = s.get(pos + 4..pos + 4 + len)?;
        let at = pos;
        pos += 4 + len;
        if s.len() > pos + 4 && u16_at(s, pos) == Some(0x003C) {
            while s.len() > pos + 4 && u16_at(s, pos) == Some(0x003C) {
                let l = u16_at(s, pos + 2)? as usize;
                if s.len() < pos + 4 + l {
                    return None;
                }
                pos += 4 + l;
            }
        }
        Some(Rec { typ, at, data })
    })
}

/// The cells a record gives calamine: (row, first column, last column).
fn cell_span(r: &Rec) -> Option<(u32, u32, u32)> {
    match r.typ {
        0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
            let row = u16_at(r.data, 0)? as u32;
            let col = u16_at(r.data, 2)? as u32;
            Some((row, col, col))
        }
        0x00BD => {
            let row = u16_at(r.data, 0)? as u32;
            let first = u16_at(r.data, 2)? as u32;
            let last = u16_at(r.data, r.data.len().checked_sub(2)?)? as u32;
            Some((row, first, last.max(first)))
        }
        _ => None,
    }
}

/// Walks each sheet's records and patches what would cost calamine too much. `None` when nothing
/// needed patching.
fn patch_records(bytes: &[u8], stream: &Stream) -> Option<XlsFix> {
    let s = &stream.data[..];
    // Sheet positions, from the BoundSheet8 records of the globals (up to their EOF, as calamine).
    let mut sheets: Vec<(usize, String)> = Vec::new();
    for r in records(s, 0) {
        match r.typ {
            0x0085 if r.data.len() >= 8 => {
                let pos = u32_at(r.data, 0)? as usize;
                sheets.push((pos, sheet_name(r.data)));
            }
            0x000A => break,
            _ => {}
        }
    }
    // (stream position, new bytes) to write.
    let mut patches: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut notes = Vec::new();
    // The dense areas calamine will build, all sheets together.
    let mut total = 0u64;
    for (pos, name) in sheets {
        let Some(sheet) = s.get(pos..) else { continue };
        let mut dims: Vec<Rec> = Vec::new();
        let mut cells: Vec<Rec> = Vec::new();
        let (mut seen_bof, mut depth) = (false, 0usize);
        for r in records(sheet, 0) {
            if depth > 0 {
                match r.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match r.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x0200 => dims.push(r),
                0x000A => break,
                _ => cells.push(r),
            }
        }
        // Cells past the BIFF8 sheet's 256 columns, then (when the rest is still too wide a block)
        // those far from the sheet's data, become BLANK records.
        let mut dropped = 0usize;
        let mut kept: Vec<(u32, u32, u32)> = Vec::new();
        let mut after_dropped_formula = false;
        for r in &cells {
            // A formula's string value (0x0207) follows it and lands on its position.
            if r.typ == 0x0207 && after_dropped_formula {
                patches.push((pos + r.at, BLANK.to_le_bytes().to_vec()));
                continue;
            }
            let span = cell_span(r);
            if r.typ == 0x0006 {
                after_dropped_formula = false;
            }
            if let Some((row, a, b)) = span {
                if b > MAX_COL {
                    patches.push((pos + r.at, BLANK.to_le_bytes().to_vec()));
                    after_dropped_formula = r.typ == 0x0006;
                    dropped += 1;
                    continue;
                }
                kept.push((row, a, b));
            }
        }
        let extent = kept.iter().fold(None::<Area>, |e, &(r, a, b)| {
            Some(match e {
                None => Area {
                    rows: (r, r),
                    cols: (a, b),
                },
                Some(e) => Area {
                    rows: (e.rows.0.min(r), e.rows.1.max(r)),
                    cols: (e.cols.0.min(a), e.cols.1.max(b)),
                },
            })
        });
        let area = extent;
        total = total.saturating_add(area.map_or(0, |a| a.cells()));
        if dropped > 0 {
            notes.push(format!(
                "工作表“{name}”中有 {dropped} 个单元格位于 Excel 97-2003（.xls）表格的范围之外（超过 256 列），多半是文件被改动过，已忽略。\
                 请用 Excel 打开检查后另存为 .xlsx 再提交。"
            ));
        }
        // DIMENSIONS asking for more than the cells there.
        let real = area.map_or(1, |a| a.cells());
        for d in dims {
            let Some((rf, rl, cf, cl)) = declared(d.data) else {
                continue;
            };
            if reserved(rf, rl, cf, cl) <= real.max(1 << 16) {
                continue;
            }
            let (a, b, c, e) = match area {
                Some(a) => (a.rows.0, a.rows.1 + 1, a.cols.0, a.cols.1 + 1),
                None => (0, 0, 0, 0),
            };
            let mut data = Vec::with_capacity(d.data.len());
            if d.data.len() == 10 {
                for v in [a, b, c, e] {
                    data.extend_from_slice(&(v as u16).to_le_bytes());
                }
            } else {
                data.extend_from_slice(&a.to_le_bytes());
                data.extend_from_slice(&b.to_le_bytes());
                data.extend_from_slice(&(c as u16).to_le_bytes());
                data.extend_from_slice(&(e as u16).to_le_bytes());
            }
            patches.push((pos + d.at + 4, data));
        }
    }
    if total > MAX_WORKBOOK_CELLS {
        return Some(XlsFix::TooBig(total));
    }
    if patches.is_empty() {
        return None;
    }
    let mut out = bytes.to_vec();
    for (at, data) in patches {
        for (i, b) in data.into_iter().enumerate() {
            if let Some(o) = stream.file_offset(at + i) {
                out[o] = b;
            }
        }
    }
    Some(XlsFix::Patched(out, notes))
}

/// A DIMENSIONS record's (first row, last row + 1, first column, last column + 1).
fn declared(d: &[u8]) -> Option<(u32, u32, u32, u32)> {
    match d.len() {
        10 => Some((
            u16_at(d, 0)? as u32,
            u16_at(d, 2)? as u32,
            u16_at(d, 4)? as u32,
            u16_at(d, 6)? as u32,
        )),
        14 | 16 => Some((
            u32_at(d, 0)?,
            u32_at(d, 4)?,
            u16_at(d, 8)? as u32,
            u16_at(d, 10)? as u32,
        )),
        _ => None,
    }
}

/// How many cells calamine reserves for a DIMENSIONS record (its `parse_dimensions`, with the
/// wrap-round a last-before-first record gets in a release build).
fn reserved(rf: u32, rl: u32, mut cf: u32, cl: u32) -> u64 {
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    let (end_r, end_c) = if rl >= 1 && cl >= 1 {
        (rl - 1, cl - 1)
    } else {
        (rf, cf)
    };
    let rows = end_r.wrapping_sub(rf).wrapping_add(1) as u64;
    let cols = end_c.wrapping_sub(cf).wrapping_add(1) as u64;
    rows.saturating_mul(cols)
}

/// The sheet name of a BoundSheet8 record (BIFF8: 1-byte length, flags, then Latin-1 or UTF-16).
fn sheet_name(d: &[u8]) -> String {
    let Some(&n) = d.get(6) else {
        return String::new();
    };
    let n = n as usize;
    match d.get(7) {
        Some(&f) if f & 1 == 1 => {
            let units: Vec<u16> = d
                .get(8..8 + 2 * n)
                .unwrap_or(&[])
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Some(_) => d
            .get(8..8 + n)
            .unwrap_or(&[])
            .iter()
            .map(|&b| b as char)
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_calamine_would_reserve_for_a_dimensions_record() {
        assert_eq!(reserved(0, 30, 0, 8), 240);
        // 16.7 M rows × 256 columns.
        assert_eq!(reserved(0, 16_777_216, 0, 256), 16_777_216 * 256);
        // Last row before the first wraps round.
        assert!(reserved(100, 10, 0, 8) > 1 << 34);
    }
}
