//! The OLE (compound file) container of an .xls, walked the way calamine's `cfb.rs` walks it —
//! header, DIFAT, FAT, directory, mini stream — far enough to copy out the workbook stream and know
//! where each of its bytes lies in the file, so records can be patched in place. Chains that loop,
//! and streams that claim more bytes than the file holds, are refused: calamine would follow them
//! for ever or until memory runs out.

use super::{u16_at, u32_at};

/// Why a container is refused when its structure cannot be followed.
const BROKEN: &str = "OLE 容器结构异常";
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;

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
                return Err(BROKEN);
            }
            if std::mem::replace(&mut seen[id as usize], true) {
                return Err("OLE 扇区链循环");
            }
            match self.sector(id) {
                Some(at) => out.push(at),
                None => return Err(BROKEN),
            }
            have += self.size;
            id = match self.fat.get(id as usize) {
                Some(&n) => n,
                None => return Err(BROKEN),
            };
        }
        Ok(Some(out))
    }
}

/// A stream copied out of the container, with the file offset of each of its bytes' blocks.
pub(super) struct Stream {
    pub data: Vec<u8>,
    /// File offset of each block of `block` bytes.
    blocks: Vec<usize>,
    block: usize,
}

impl Stream {
    pub fn file_offset(&self, pos: usize) -> Option<usize> {
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

/// The workbook stream (`Workbook`, or `Book` for BIFF5) with where each of its blocks lies in the
/// file. `Ok(None)` when it is no OLE container or holds no workbook stream (calamine then gives its
/// own error); `Err` when its structure cannot be followed: calamine would loop, run out of memory,
/// or read bytes we cannot check, so it must not be given the file.
pub(super) fn workbook_stream(bytes: &[u8]) -> Result<Option<Stream>, &'static str> {
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
            return Err(BROKEN);
        }
        let Some(at) = cfb.sector(id) else {
            return Err(BROKEN);
        };
        let end = (at + size).min(bytes.len());
        difat.extend((at..end).step_by(4).filter_map(|i| u32_at(bytes, i)));
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    for &id in difat.iter().filter(|&&id| id < DIFSECT) {
        let Some(at) = cfb.sector(id) else {
            return Err(BROKEN);
        };
        let end = (at + size).min(bytes.len());
        cfb.fat
            .extend((at..end).step_by(4).filter_map(|i| u32_at(bytes, i)));
    }
    // Directory.
    let dir_start = u32_at(bytes, 48).unwrap_or(ENDOFCHAIN);
    let Some(dir) = cfb.chain(dir_start, usize::MAX)? else {
        return Err(BROKEN);
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
        return Err(BROKEN);
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
            return Err(BROKEN);
        }
        if root.2 > bytes.len() as u64 || mini_fat_len.saturating_mul(size) > bytes.len() {
            return Err("迷你数据流的长度超过文件本身");
        }
        let Some(ministream) = cfb.chain(root.1, root.2 as usize)? else {
            return Err(BROKEN);
        };
        let ministream = gather(bytes, &ministream, size, root.2 as usize);
        let mf_start = u32_at(bytes, 60).unwrap_or(ENDOFCHAIN);
        let Some(minifat) = cfb.chain(mf_start, mini_fat_len * size)? else {
            return Err(BROKEN);
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
            return Err(BROKEN);
        };
        let offsets: Option<Vec<usize>> = blocks
            .iter()
            .map(|&b| ministream.file_offset(b - 64))
            .collect();
        let Some(offsets) = offsets else {
            return Err(BROKEN);
        };
        gather(bytes, &offsets, 64, len)
    } else {
        let Some(sectors) = cfb.chain(start, len)? else {
            return Err(BROKEN);
        };
        gather(bytes, &sectors, size, len)
    };
    Ok(Some(stream))
}
