//! Reading an ods: what calamine does not give for one, its merged areas, and a size check before the
//! dense read.
//!
//! calamine parses every sheet of an ods inside `Ods::new` and builds each one as a dense range (a
//! `Range<Data>` and a `Range<String>` of formulas, ≈ 56 bytes a cell), so a value typed at
//! XFD1048576 makes it try a multi-GB allocation before we see anything. Here `content.xml` is
//! decompressed once and walked with a byte scan ([`tags`]; no XML parser: the elements needed are few
//! and LibreOffice, like calamine, spells them with the `table:` prefix): [`scan`] finds, for each
//! `table:table`, its merged areas and its used extent, and a sheet whose extent is past `MAX_CELLS` is
//! cut down ([`cut`]) to the block `bound::sane_area` picks (the same choice and note as for xlsx) by
//! rewriting that table in a copy of the file, which is what calamine then reads.

mod cut;
mod scan;
mod tags;

use std::io::{Cursor, Read, Write};
use std::ops::Range;

use calamine::Dimensions;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::bound::{Area, MAX_CELLS};
use super::budget::MAX_INFLATED;
use crate::diag::cell_ref;
use cut::{rewrite_body, sane_part};
use scan::{scan, tables_closed};

/// calamine's own caps for ods (`ods.rs`: `MAX_ROWS`, `MAX_COLUMNS`): repeats past them are cut.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLS: u32 = 16_384;

const ROW: &[u8] = b"table:table-row";
const CELL: &[u8] = b"table:table-cell";
const COVERED: &[u8] = b"table:covered-table-cell";
const ROWS_REPEATED: &[u8] = b"table:number-rows-repeated";
const COLS_REPEATED: &[u8] = b"table:number-columns-repeated";

/// What the scan found, and the bytes calamine should read.
#[derive(Debug, Default)]
pub struct OdsPrep {
    /// Merged areas per sheet name, in document order.
    sheets: Vec<(String, Vec<Dimensions>)>,
    /// Per sheet name: why part (or all) of it was left out.
    notes: Vec<(String, String)>,
    /// A copy of the file with the oversized sheets cut down; `None` when none was.
    pub rewritten: Option<Vec<u8>>,
    /// Why calamine must not read the file: a `table:table` is never closed (calamine would read past
    /// the end of the text for ever), or the tables cannot be scanned, so their size is unknown.
    pub refused: Option<&'static str>,
    /// The used areas calamine will build, all sheets together, in cells.
    pub cells: u64,
    /// The cell content calamine will copy, all sheets together, in bytes (see `TableScan::text`).
    pub text: u64,
}

impl OdsPrep {
    pub fn merges(&self, sheet: &str) -> &[Dimensions] {
        self.sheets
            .iter()
            .find(|(n, _)| n == sheet)
            .map(|(_, m)| m.as_slice())
            .unwrap_or(&[])
    }

    pub fn note(&self, sheet: &str) -> Option<&str> {
        self.notes
            .iter()
            .find(|(n, _)| n == sheet)
            .map(|(_, m)| m.as_str())
    }
}

/// Scans an ods file's `content.xml`. `None` when there is no readable content.xml (calamine then
/// gives its own error); `refused` when its markup is malformed or has a table nested in a cell.
pub fn prepare(bytes: &[u8]) -> Option<OdsPrep> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let refuse = |why| {
        Some(OdsPrep {
            refused: Some(why),
            ..OdsPrep::default()
        })
    };
    let content = read_entry(&mut zip, "content.xml")?;
    if content.len() as u64 > MAX_INFLATED {
        return refuse("content.xml 解压后的实际大小超过所声明的大小和上限");
    }
    if !tables_closed(&content) {
        return refuse("content.xml 中的工作表没有结束标记");
    }
    let Some(tables) = scan(&content) else {
        return refuse("content.xml 中的表格结构无法核查");
    };
    let mut prep = OdsPrep::default();
    let mut cuts: Vec<(Range<usize>, Option<Area>)> = Vec::new();
    for t in tables {
        if let Some(extent) = t.extent.filter(|e| e.cells() > MAX_CELLS) {
            let body = &content[t.body.clone()];
            let cut = match sane_part(body, &t.name) {
                Some((area, note)) => {
                    prep.notes.push((t.name.clone(), note));
                    prep.cells += area.cells();
                    Some(area)
                }
                None => {
                    prep.notes.push((t.name.clone(), too_big(&t.name, extent)));
                    None
                }
            };
            cuts.push((t.body.clone(), cut));
        } else if let Some(e) = t.extent {
            prep.cells += e.cells();
        }
        prep.text = prep.text.saturating_add(t.text);
        prep.sheets.push((t.name, t.merges));
    }
    if !cuts.is_empty() {
        let mut out = Vec::with_capacity(content.len() / 2);
        let mut at = 0;
        for (body, area) in cuts {
            out.extend_from_slice(&content[at..body.start]);
            if let Some(area) = area {
                if rewrite_body(&content[body.clone()], area, &mut out).is_none() {
                    return refuse("过大的工作表无法裁剪");
                }
            }
            at = body.end;
        }
        out.extend_from_slice(&content[at..]);
        drop(content);
        let Some(rebuilt) = rebuild(&mut zip, &out) else {
            return refuse("过大的工作表无法裁剪");
        };
        prep.rewritten = Some(rebuilt);
    }
    Some(prep)
}

fn too_big(sheet: &str, e: Area) -> String {
    format!(
        "工作表“{sheet}”的已用区域过大（{}:{}，约 {} 个单元格）且内容过多，为防止内存耗尽未读取。\
         请在 Excel/WPS 中删除多余的单元格（或整行整列），或拆分成几个较小的文件后重新提交。",
        cell_ref(e.rows.0, e.cols.0),
        cell_ref(e.rows.1, e.cols.1),
        e.cells()
    )
}

fn read_entry(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let f = zip.by_name(name).ok()?;
    // The declared size was checked against the budget by `sniff`, but a zip can lie about it: never
    // more than one byte past the budget is inflated (the caller refuses that).
    let mut buf = Vec::with_capacity(f.size().min(MAX_INFLATED) as usize);
    f.take(MAX_INFLATED + 1).read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// A new (stored, uncompressed) ods holding what calamine reads: mimetype first, the manifest (its
/// password check), meta.xml, and the rewritten content.xml.
fn rebuild(zip: &mut ZipArchive<Cursor<&[u8]>>, content: &[u8]) -> Option<Vec<u8>> {
    let mut w = ZipWriter::new(Cursor::new(Vec::with_capacity(content.len() + 4096)));
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(content.len() as u64 >= u32::MAX as u64);
    for name in ["mimetype", "META-INF/manifest.xml", "meta.xml"] {
        if let Some(b) = read_entry(zip, name) {
            w.start_file(name, opts).ok()?;
            w.write_all(&b).ok()?;
        }
    }
    w.start_file("content.xml", opts).ok()?;
    w.write_all(content).ok()?;
    Some(w.finish().ok()?.into_inner())
}

#[cfg(test)]
mod testdoc {
    pub fn doc(tables: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content><!-- <table:table table:name="no"> --><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
    }

    pub fn s(v: &str) -> String {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
        )
    }
}
