//! What calamine does not give for an ods: its merged areas, and a size check before the dense read.
//!
//! calamine parses every sheet of an ods inside `Ods::new` and builds each one as a dense range (a
//! `Range<Data>` and a `Range<String>` of formulas, ≈ 56 bytes a cell), so a value typed at
//! XFD1048576 makes it try a multi-GB allocation before we see anything. Here `content.xml` is
//! decompressed once and walked with a byte scan (no XML parser: the elements needed are few and
//! LibreOffice, like calamine, spells them with the `table:` prefix): for each `table:table` its merged
//! areas (`table:number-columns-spanned` / `table:number-rows-spanned` on the spanning cell) and its
//! used extent (non-empty cells only, so the 1000-column and million-row empty repeats LibreOffice
//! writes for formatting cost nothing). Rows and cells are counted with `table:number-rows-repeated` /
//! `table:number-columns-repeated`, capped like calamine caps them, so coordinates agree with its
//! ranges. A sheet whose extent is past `MAX_CELLS` is cut down to the block `bound::sane_area` picks
//! (the same choice and note as for xlsx) by rewriting that table in a copy of the file, which is what
//! calamine then reads.

use std::io::{Cursor, Read, Write};
use std::ops::Range;

use calamine::{Data, Dimensions};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::bound::{sane_area, Area, MAX_CELLS};
use crate::diag::cell_ref;

/// calamine's own caps for ods (`ods.rs`: `MAX_ROWS`, `MAX_COLUMNS`): repeats past them are cut.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLS: u32 = 16_384;
/// Merged areas kept per sheet (a repeated row of merged cells could otherwise claim millions).
const MAX_MERGES: usize = 1 << 20;
/// Positions gathered to choose the sane block of an oversized sheet (40 bytes each).
const MAX_POINTS: usize = 4 << 20;

const TABLE: &[u8] = b"table:table";
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

/// Scans an ods file's `content.xml`. `None` when it cannot be scanned (no or unreadable content.xml,
/// malformed markup, a table nested in a cell): the caller then reads the file with calamine alone.
pub fn prepare(bytes: &[u8]) -> Option<OdsPrep> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let content = read_entry(&mut zip, "content.xml")?;
    let tables = scan(&content)?;
    let mut prep = OdsPrep::default();
    let mut cuts: Vec<(Range<usize>, Option<Area>)> = Vec::new();
    for t in tables {
        if let Some(extent) = t.extent.filter(|e| e.cells() > MAX_CELLS) {
            let body = &content[t.body.clone()];
            let cut = match sane_part(body, &t.name) {
                Some((area, note)) => {
                    prep.notes.push((t.name.clone(), note));
                    Some(area)
                }
                None => {
                    prep.notes.push((t.name.clone(), too_big(&t.name, extent)));
                    None
                }
            };
            cuts.push((t.body.clone(), cut));
        }
        prep.sheets.push((t.name, t.merges));
    }
    if !cuts.is_empty() {
        let mut out = Vec::with_capacity(content.len() / 2);
        let mut at = 0;
        for (body, area) in cuts {
            out.extend_from_slice(&content[at..body.start]);
            if let Some(area) = area {
                rewrite_body(&content[body.clone()], area, &mut out)?;
            }
            at = body.end;
        }
        out.extend_from_slice(&content[at..]);
        drop(content);
        prep.rewritten = Some(rebuild(&mut zip, &out)?);
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
    let mut f = zip.by_name(name).ok()?;
    // The size was checked against the zip-bomb limits by `sniff` before we got here.
    let mut buf = Vec::with_capacity(f.size().min(1 << 30) as usize);
    f.read_to_end(&mut buf).ok()?;
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

// ---------------------------------------------------------------------------------------------------
// Scanning

#[derive(Debug)]
struct TableScan {
    name: String,
    /// calamine skips a table without `table:name`; so do we.
    named: bool,
    merges: Vec<Dimensions>,
    /// Bounds of the non-empty cells (values or formulas), absolute, inclusive.
    extent: Option<Area>,
    /// The bytes between `<table:table …>` and `</table:table>`.
    body: Range<usize>,
}

/// One cell element as placed in the sheet: rows `row..row + rows`, columns `col..col + cols`.
struct Placed<'a> {
    row: u32,
    rows: u32,
    col: u32,
    cols: u32,
    tag: &'a Tag<'a>,
}

impl Placed<'_> {
    /// Whether calamine gives these cells a value or a formula (a string cell's text is its content,
    /// so `office:value-type` alone makes it non-empty, as in calamine).
    fn non_empty(&self) -> bool {
        attrs(self.tag.attrs).any(|(k, _, _)| k == b"office:value-type" || k == b"table:formula")
    }
    fn area(&self) -> Option<Area> {
        (self.rows > 0 && self.cols > 0).then(|| Area {
            rows: (self.row, self.row + self.rows - 1),
            cols: (self.col, self.col + self.cols - 1),
        })
    }
}

/// Every table of `content.xml` with a `table:name` (calamine skips the others).
fn scan(xml: &[u8]) -> Option<Vec<TableScan>> {
    let mut tables = Vec::new();
    // The table being read.
    let mut current: Option<TableScan> = None;
    let mut rows = RowCounter::default();
    let mut tags = Tags::new(xml);
    for tag in tags.by_ref() {
        if tag.name == TABLE {
            if tag.kind != Kind::End && current.is_some() {
                return None;
            }
            if tag.kind != Kind::End {
                let name = attr(tag.attrs, b"table:name").map(unescape);
                rows = RowCounter::default();
                let t = TableScan {
                    named: name.is_some(),
                    name: name.unwrap_or_default(),
                    merges: Vec::new(),
                    extent: None,
                    body: tag.end..tag.end,
                };
                current = Some(t);
            }
            if tag.kind != Kind::Start {
                let mut t = current.take()?;
                if tag.kind == Kind::End {
                    t.body.end = tag.start;
                }
                if t.named {
                    tables.push(t);
                }
            }
            continue;
        }
        let Some(TableScan { merges, extent, .. }) = current.as_mut() else {
            continue;
        };
        let Some(cell) = rows.place(&tag) else {
            continue;
        };
        if !cell.non_empty() {
            continue;
        }
        let Some(a) = cell.area() else { continue };
        *extent = Some(match *extent {
            None => a,
            Some(e) => Area {
                rows: (e.rows.0.min(a.rows.0), e.rows.1.max(a.rows.1)),
                cols: (e.cols.0.min(a.cols.0), e.cols.1.max(a.cols.1)),
            },
        });
        if tag.name == CELL {
            let spanned = |k: &[u8]| num(attr(tag.attrs, k)).max(1);
            let (rs, cs) = (
                spanned(b"table:number-rows-spanned"),
                spanned(b"table:number-columns-spanned"),
            );
            if rs > 1 || cs > 1 {
                'rep: for r in a.rows.0..=a.rows.1 {
                    for c in a.cols.0..=a.cols.1 {
                        if merges.len() >= MAX_MERGES {
                            break 'rep;
                        }
                        merges.push(Dimensions::new(
                            (r, c),
                            (r.saturating_add(rs - 1), c.saturating_add(cs - 1)),
                        ));
                    }
                }
            }
        }
    }
    if tags.broken || current.is_some() {
        return None;
    }
    Some(tables)
}

/// Tracks the row and column a cell element lands on, the way calamine counts them.
#[derive(Default)]
struct RowCounter {
    next_row: u32,
    /// (first row, repeats) of the row being read.
    row: Option<(u32, u32)>,
    col: u32,
}

impl RowCounter {
    /// Feeds one tag; for a cell element, where it lands.
    fn place<'a>(&mut self, tag: &'a Tag<'a>) -> Option<Placed<'a>> {
        if tag.name == ROW {
            match tag.kind {
                Kind::End => self.row = None,
                kind => {
                    let reps = num(attr(tag.attrs, ROWS_REPEATED)).min(MAX_ROWS - self.next_row);
                    self.row = (kind == Kind::Start).then_some((self.next_row, reps));
                    self.next_row += reps;
                    self.col = 0;
                }
            }
            return None;
        }
        if tag.kind == Kind::End || (tag.name != CELL && tag.name != COVERED) {
            return None;
        }
        let (row, rows) = self.row?;
        let cols = num(attr(tag.attrs, COLS_REPEATED)).min(MAX_COLS - self.col);
        let col = self.col;
        self.col += cols;
        Some(Placed {
            row,
            rows,
            col,
            cols,
            tag,
        })
    }
}

/// For an oversized table: the block to keep and the note, from the corners of its non-empty runs.
/// `None` when it has too many of them to choose cheaply.
fn sane_part(body: &[u8], sheet: &str) -> Option<(Area, String)> {
    let mut points: Vec<(u32, u32, Data)> = Vec::new();
    let mut rows = RowCounter::default();
    for tag in Tags::new(body) {
        let Some(cell) = rows.place(&tag) else {
            continue;
        };
        if !cell.non_empty() {
            continue;
        }
        let Some(a) = cell.area() else { continue };
        points.push((a.rows.0, a.cols.0, Data::Empty));
        if (a.rows.1, a.cols.1) != (a.rows.0, a.cols.0) {
            points.push((a.rows.1, a.cols.1, Data::Empty));
        }
        if points.len() > MAX_POINTS {
            return None;
        }
    }
    let (area, note) = sane_area(sheet, &points)?;
    Some((area, note?))
}

/// Writes the table body keeping only the cells inside `area`: rows before it become empty repeated
/// rows, rows after it are dropped, and in kept rows the cells left of it become one empty repeated
/// cell and those right of it are dropped; a repeated row or cell cut by the border gets the part
/// inside. Everything that is not a row (columns, row groups, forms) is copied as it is.
fn rewrite_body(body: &[u8], area: Area, out: &mut Vec<u8>) -> Option<()> {
    let mut tags = Tags::new(body);
    let mut copied = 0;
    let mut next_row = 0u32;
    let mut cells = Vec::new();
    while let Some(t) = tags.next() {
        if t.name != ROW || t.kind == Kind::End {
            continue;
        }
        out.extend_from_slice(&body[copied..t.start]);
        let reps = num(attr(t.attrs, ROWS_REPEATED)).min(MAX_ROWS - next_row);
        let (rs, re) = (next_row, next_row + reps);
        next_row = re;
        cells.clear();
        copied = t.end;
        if t.kind == Kind::Start {
            let mut col = 0u32;
            loop {
                let c = tags.next()?;
                if c.name == ROW && c.kind == Kind::End {
                    copied = c.end;
                    break;
                }
                if c.kind == Kind::End || (c.name != CELL && c.name != COVERED) {
                    continue;
                }
                let reps = num(attr(c.attrs, COLS_REPEATED)).min(MAX_COLS - col);
                let (cs, ce) = (col, col + reps);
                col = ce;
                let end = if c.kind == Kind::Empty {
                    c.end
                } else {
                    loop {
                        let e = tags.next()?;
                        if e.kind == Kind::End && e.name == c.name {
                            break e.start;
                        }
                    }
                };
                let (a, b) = (cs.max(area.cols.0), ce.min(area.cols.1.saturating_add(1)));
                if a < b {
                    start_tag(&mut cells, &c, COLS_REPEATED, b - a);
                    if c.kind == Kind::Start {
                        cells.extend_from_slice(&body[c.end..end]);
                        cells.extend_from_slice(b"</");
                        cells.extend_from_slice(c.name);
                        cells.push(b'>');
                    }
                }
            }
        }
        let before = re.min(area.rows.0).saturating_sub(rs);
        if before > 0 {
            write!(
                out,
                "<table:table-row table:number-rows-repeated=\"{before}\"/>"
            )
            .ok()?;
        }
        let inside = re
            .min(area.rows.1.saturating_add(1))
            .saturating_sub(rs.max(area.rows.0));
        if inside > 0 {
            let open = Tag {
                kind: Kind::Start,
                ..t
            };
            start_tag(out, &open, ROWS_REPEATED, inside);
            if area.cols.0 > 0 {
                write!(
                    out,
                    "<table:table-cell table:number-columns-repeated=\"{}\"/>",
                    area.cols.0
                )
                .ok()?;
            }
            out.extend_from_slice(&cells);
            out.extend_from_slice(b"</table:table-row>");
        }
    }
    if tags.broken {
        return None;
    }
    out.extend_from_slice(&body[copied..]);
    Some(())
}

/// Writes `tag`'s start tag with attribute `key` set to `value` (replacing any it had).
fn start_tag(out: &mut Vec<u8>, tag: &Tag, key: &[u8], value: u32) {
    out.push(b'<');
    out.extend_from_slice(tag.name);
    for (k, _, raw) in attrs(tag.attrs) {
        if k != key {
            out.push(b' ');
            out.extend_from_slice(raw);
        }
    }
    out.push(b' ');
    out.extend_from_slice(key);
    out.extend_from_slice(format!("=\"{value}\"").as_bytes());
    if tag.kind == Kind::Empty {
        out.push(b'/');
    }
    out.push(b'>');
}

// ---------------------------------------------------------------------------------------------------
// A minimal tag walker

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    End,
    Empty,
}

#[derive(Debug, Clone, Copy)]
struct Tag<'a> {
    kind: Kind,
    /// The qualified name, e.g. `table:table-cell`.
    name: &'a [u8],
    /// The text after the name (attributes), without a closing `/`.
    attrs: &'a [u8],
    /// Offsets of `<` and just past `>`.
    start: usize,
    end: usize,
}

/// The element tags of an XML text in order; comments, CDATA, processing instructions and the
/// doctype are skipped. A `>` inside a quoted attribute value does not end a tag. `broken` is set
/// when the text ends inside markup.
struct Tags<'a> {
    xml: &'a [u8],
    pos: usize,
    broken: bool,
}

impl<'a> Tags<'a> {
    fn new(xml: &'a [u8]) -> Self {
        Tags {
            xml,
            pos: 0,
            broken: false,
        }
    }

    fn skip_past(&mut self, from: usize, end: &[u8]) -> bool {
        match find(&self.xml[from..], end) {
            Some(i) => {
                self.pos = from + i + end.len();
                true
            }
            None => {
                self.broken = true;
                false
            }
        }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let xml = self.xml;
        loop {
            let lt = self.pos + xml[self.pos..].iter().position(|&b| b == b'<')?;
            let rest = &xml[lt..];
            let skip: Option<(usize, &[u8])> = if rest.starts_with(b"<!--") {
                Some((4, b"-->"))
            } else if rest.starts_with(b"<![CDATA[") {
                Some((9, b"]]>"))
            } else if rest.starts_with(b"<?") {
                Some((2, b"?>"))
            } else if rest.starts_with(b"<!") {
                Some((2, b">"))
            } else {
                None
            };
            if let Some((n, end)) = skip {
                if !self.skip_past(lt + n, end) {
                    return None;
                }
                continue;
            }
            let mut i = lt + 1;
            let mut quote = 0u8;
            while i < xml.len() {
                let b = xml[i];
                if quote != 0 {
                    if b == quote {
                        quote = 0;
                    }
                } else if b == b'"' || b == b'\'' {
                    quote = b;
                } else if b == b'>' {
                    break;
                }
                i += 1;
            }
            if i >= xml.len() {
                self.broken = true;
                return None;
            }
            self.pos = i + 1;
            let inner = &xml[lt + 1..i];
            let (kind, inner) = if let Some(n) = inner.strip_prefix(b"/") {
                (Kind::End, n)
            } else if let Some(n) = inner.strip_suffix(b"/") {
                (Kind::Empty, n)
            } else {
                (Kind::Start, inner)
            };
            let n = inner
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(inner.len());
            return Some(Tag {
                kind,
                name: &inner[..n],
                attrs: &inner[n..],
                start: lt,
                end: i + 1,
            });
        }
    }
}

/// The attributes as (qualified name, raw value, the whole `name="value"` text).
fn attrs(a: &[u8]) -> impl Iterator<Item = (&[u8], &[u8], &[u8])> {
    let mut rest = a;
    std::iter::from_fn(move || {
        let s = rest.trim_ascii_start();
        let eq = s.iter().position(|&b| b == b'=')?;
        let key = s[..eq].trim_ascii();
        let after = &s[eq + 1..];
        let ws = after.len() - after.trim_ascii_start().len();
        let quote = *after.get(ws)?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let len = after[ws + 1..].iter().position(|&b| b == quote)?;
        let end = eq + 1 + ws + 1 + len + 1;
        let value = &after[ws + 1..ws + 1 + len];
        rest = &s[end..];
        Some((key, value, &s[..end]))
    })
}

fn attr<'a>(a: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    attrs(a).find(|(k, _, _)| *k == name).map(|(_, v, _)| v)
}

/// A repeat or span count; 1 when absent, saturating when absurdly long.
fn num(v: Option<&[u8]>) -> u32 {
    let Some(v) = v else { return 1 };
    let v = v.trim_ascii();
    if v.is_empty() || !v.iter().all(u8::is_ascii_digit) {
        return 1;
    }
    v.iter().fold(0u32, |n, &d| {
        n.saturating_mul(10).saturating_add((d - b'0') as u32)
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// An attribute value with its entity and character references resolved.
fn unescape(v: &[u8]) -> String {
    let s = String::from_utf8_lossy(v);
    if !s.contains('&') {
        return s.into_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = &s[..];
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.find(';') else { break };
        let ent = &rest[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| ent.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(tables: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content><!-- <table:table table:name="no"> --><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn s(v: &str) -> String {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
        )
    }

    #[test]
    fn spans_and_extent_follow_repeated_rows_and_columns() {
        let xml = doc(&format!(
            r#"<table:table table:name="A&amp;B"><table:table-column table:number-columns-repeated="1024"/>
            <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            <table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string" table:number-columns-spanned="2" table:number-rows-spanned="3" table:formula="of:=&quot;a&gt;b&quot;"><text:p>x</text:p></table:table-cell><table:covered-table-cell/>{}<table:table-cell table:number-columns-repeated="1000"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="1" table:number-columns-spanned="2"/><table:covered-table-cell/></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table><table:table table:name="空"/><table:table><table:table-row>{}</table:table-row></table:table>"#,
            s("y"),
            s("unnamed"),
        ));
        let t = scan(xml.as_bytes()).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].name, "A&B");
        assert_eq!(
            t[0].merges,
            [
                Dimensions::new((3, 2), (5, 3)),
                Dimensions::new((4, 4), (4, 5)),
                Dimensions::new((5, 4), (5, 5)),
            ]
        );
        assert_eq!(
            t[0].extent,
            Some(Area {
                rows: (3, 5),
                cols: (2, 4)
            })
        );
        assert_eq!((t[1].name.as_str(), t[1].extent), ("空", None));
    }

    #[test]
    fn broken_or_nested_markup_is_not_scanned() {
        assert!(scan(doc(r#"<table:table table:name="a"><table:table-row"#).as_bytes()).is_none());
        let nested = r#"<table:table table:name="a"><table:table-row><table:table-cell><table:table table:name="b"/></table:table-cell></table:table-row></table:table>"#;
        assert!(scan(doc(nested).as_bytes()).is_none());
    }

    #[test]
    fn an_oversized_table_is_cut_to_its_data_block() {
        let far = format!(
            r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/>{}</table:table-row>"#,
            s("误输入")
        );
        let body = format!(
            r#"<table:table-column table:number-columns-repeated="16384"/><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="7"/><table:table-cell table:number-columns-repeated="16381"/></table:table-row>{far}"#
        );
        let (area, note) = sane_part(body.as_bytes(), "表").unwrap();
        assert_eq!(
            area,
            Area {
                rows: (0, 1),
                cols: (0, 2)
            }
        );
        assert!(note.contains("XFD1048003"), "{note}");
        let mut out = Vec::new();
        rewrite_body(body.as_bytes(), area, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            r#"<table:table-column table:number-columns-repeated="16384"/><table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="3"/></table:table-row>"#
        );
        // The same cut with the block away from A1 keeps coordinates: blanks before it.
        let area = Area {
            rows: (1, 1),
            cols: (1, 2),
        };
        let mut out = Vec::new();
        rewrite_body(body.as_bytes(), area, &mut out).unwrap();
        let xml = doc(&format!(
            r#"<table:table table:name="t">{}</table:table>"#,
            String::from_utf8(out).unwrap()
        ));
        let t = scan(xml.as_bytes()).unwrap();
        assert_eq!(t[0].extent, Some(area));
    }

    #[test]
    fn counts_and_references() {
        assert_eq!(num(None), 1);
        assert_eq!(num(Some(b"1000")), 1000);
        assert_eq!(num(Some(b"99999999999999")), u32::MAX);
        assert_eq!(unescape(b"a&amp;b&#x4E1C;&#24196;&bogus"), "a&b东庄&bogus");
    }
}
