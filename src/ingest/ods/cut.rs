//! Cutting an oversized ods table down to the block of its data: the block is chosen from the corners
//! of its non-empty runs, and the table body rewritten so calamine builds only that block, at the same
//! coordinates.

use std::io::Write;

use calamine::Data;

use super::scan::RowCounter;
use super::tags::{attr, attrs, num, Kind, Tag, Tags};
use super::{CELL, COLS_REPEATED, COVERED, MAX_COLS, MAX_ROWS, ROW, ROWS_REPEATED};
use crate::ingest::bound::{sane_area, Area};

/// Positions gathered to choose the sane block of an oversized sheet (40 bytes each).
const MAX_POINTS: usize = 4 << 20;

/// For an oversized table: the block to keep and the note, from the corners of its non-empty runs.
/// `None` when it has too many of them to choose cheaply.
pub(super) fn sane_part(body: &[u8], sheet: &str) -> Option<(Area, String)> {
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
pub(super) fn rewrite_body(body: &[u8], area: Area, out: &mut Vec<u8>) -> Option<()> {
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

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::super::testdoc::{doc, s};
    use super::*;

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
}
