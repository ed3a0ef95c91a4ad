//! The BIFF records of each sheet, walked from where its BoundSheet8 record points as calamine walks
//! them (CONTINUE records folded in, embedded chart substreams skipped, up to the sheet's EOF), and
//! the patches that keep calamine's allocations to the cells really there.

use super::cfb::Stream;
use super::{u16_at, u32_at, XlsFix};
use crate::ingest::bound::Area;
use crate::ingest::budget::MAX_WORKBOOK_CELLS;

/// The BIFF8 sheet: 65,536 rows × 256 columns.
const MAX_COL: u32 = 255;
/// A record type calamine ignores (BLANK: a formatted empty cell).
const BLANK: u16 = 0x0201;

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
pub(super) fn patch(bytes: &[u8], stream: &Stream) -> Option<XlsFix> {
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
