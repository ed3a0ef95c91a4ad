//! Where the cells of an ods's tables land: each `table:table` with its merged areas
//! (`table:number-columns-spanned` / `table:number-rows-spanned` on the spanning cell) and its used
//! extent (non-empty cells only, so the 1000-column and million-row empty repeats LibreOffice writes
//! for formatting cost nothing). Rows and cells are counted with `table:number-rows-repeated` /
//! `table:number-columns-repeated`, capped like calamine caps them, so coordinates agree with its
//! ranges.

use std::ops::Range;

use calamine::Dimensions;

use super::tags::{attr, attrs, num, unescape, Kind, Tag, Tags};
use super::{CELL, COLS_REPEATED, COVERED, MAX_COLS, MAX_ROWS, ROW, ROWS_REPEATED};
use crate::ingest::bound::Area;

/// Merged areas kept per sheet (a repeated row of merged cells could otherwise claim millions).
const MAX_MERGES: usize = 1 << 20;

const TABLE: &[u8] = b"table:table";

#[derive(Debug)]
pub(super) struct TableScan {
    pub name: String,
    /// calamine skips a table without `table:name`; so do we.
    named: bool,
    pub merges: Vec<Dimensions>,
    /// Bounds of the non-empty cells (values or formulas), absolute, inclusive.
    pub extent: Option<Area>,
    /// The bytes between `<table:table …>` and `</table:table>`.
    pub body: Range<usize>,
    /// Bytes of cell content (text with its markup) calamine will copy into its cells: each
    /// non-empty cell's content times the cells it repeats over.
    pub text: u64,
}

/// One cell element as placed in the sheet: rows `row..row + rows`, columns `col..col + cols`.
pub(super) struct Placed<'a> {
    pub row: u32,
    pub rows: u32,
    pub col: u32,
    pub cols: u32,
    pub tag: &'a Tag<'a>,
}

impl Placed<'_> {
    /// Whether calamine gives these cells a value or a formula (a string cell's text is its content,
    /// so `office:value-type` alone makes it non-empty, as in calamine).
    pub fn non_empty(&self) -> bool {
        attrs(self.tag.attrs).any(|(k, _, _)| k == b"office:value-type" || k == b"table:formula")
    }
    pub fn area(&self) -> Option<Area> {
        (self.rows > 0 && self.cols > 0).then(|| Area {
            rows: (self.row, self.row + self.rows - 1),
            cols: (self.col, self.col + self.cols - 1),
        })
    }
}

/// Every table of `content.xml` with a `table:name` (calamine skips the others).
pub(super) fn scan(xml: &[u8]) -> Option<Vec<TableScan>> {
    let mut tables = Vec::new();
    // The table being read.
    let mut current: Option<TableScan> = None;
    let mut rows = RowCounter::default();
    // The content start and cell count of the non-empty cell being read.
    let mut open_cell: Option<(usize, u64)> = None;
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
                    text: 0,
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
        let Some(TableScan {
            merges,
            extent,
            text,
            ..
        }) = current.as_mut()
        else {
            continue;
        };
        if tag.kind == Kind::End && (tag.name == CELL || tag.name == COVERED) {
            if let Some((from, times)) = open_cell.take() {
                *text = text
                    .saturating_add((tag.start.saturating_sub(from) as u64).saturating_mul(times));
            }
            continue;
        }
        let Some(cell) = rows.place(&tag) else {
            continue;
        };
        if !cell.non_empty() {
            continue;
        }
        let Some(a) = cell.area() else { continue };
        if tag.kind == Kind::Start {
            open_cell = Some((tag.end, a.cells()));
        }
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

/// Whether every `table:table` start tag has its end tag, spelled exactly `</table:table>` (calamine's
/// `read_table` looks for that end tag and, at the end of the text, loops for ever: content.xml cut
/// after a row, or a stray character in the end tag). Text that ends inside markup is not closed.
pub(super) fn tables_closed(xml: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut tags = Tags::new(xml);
    for t in tags.by_ref() {
        if t.name == TABLE {
            match t.kind {
                Kind::Start => depth += 1,
                Kind::End => depth = depth.saturating_sub(1),
                Kind::Empty => {}
            }
        }
    }
    depth == 0 && !tags.broken
}

/// Tracks the row and column a cell element lands on, the way calamine counts them.
#[derive(Default)]
pub(super) struct RowCounter {
    next_row: u32,
    /// (first row, repeats) of the row being read.
    row: Option<(u32, u32)>,
    col: u32,
}

impl RowCounter {
    /// Feeds one tag; for a cell element, where it lands.
    pub fn place<'a>(&mut self, tag: &'a Tag<'a>) -> Option<Placed<'a>> {
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

#[cfg(test)]
mod tests {
    use super::super::testdoc::{doc, s};
    use super::*;

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
    fn a_table_cut_after_a_row_or_with_a_stray_character_in_its_end_tag_is_not_closed() {
        let row =
            r#"<table:table table:name="a"><table:table-row><table:table-cell/></table:table-row>"#;
        assert!(tables_closed(
            doc(&format!("{row}</table:table>")).as_bytes()
        ));
        assert!(!tables_closed(row.as_bytes()));
        assert!(!tables_closed(
            doc(&format!("{row}</table:table&>")).as_bytes()
        ));
        assert!(!tables_closed(
            doc(&format!("{row}</table:t&able>")).as_bytes()
        ));
    }

    #[test]
    fn broken_or_nested_markup_is_not_scanned() {
        assert!(scan(doc(r#"<table:table table:name="a"><table:table-row"#).as_bytes()).is_none());
        let nested = r#"<table:table table:name="a"><table:table-row><table:table-cell><table:table table:name="b"/></table:table-cell></table:table-row></table:table>"#;
        assert!(scan(doc(nested).as_bytes()).is_none());
    }
}
