//! Column widths that fit Chinese: a text's display width (CJK counts two columns), the Excel width a
//! column needs for it, and how many lines a text wraps to in a column. `Worksheet::autofit` counts a
//! CJK character as half what it needs, so every sheet measures its columns here instead.

use rust_xlsxwriter::{ColNum, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// The width a text needs on screen, in half-width columns: CJK and full-width characters count 2,
/// and a multi-line text is as wide as its widest line.
pub fn text_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Column widths measured from the text each column will show, capped, then applied with
/// `set_column_width`. (`Worksheet::autofit` counts a CJK character as half what it needs.)
#[derive(Debug, Clone)]
pub struct Widths {
    min: f64,
    max: f64,
    need: Vec<usize>,
}

impl Widths {
    /// `min`/`max` are Excel column widths (characters of the default font).
    pub fn new(min: f64, max: f64) -> Widths {
        Widths {
            min,
            max,
            need: Vec::new(),
        }
    }

    /// Notes a value shown in `col`.
    pub fn see(&mut self, col: ColNum, text: &str) {
        self.see_width(col, text_width(text));
    }

    /// Notes a header: a long header may wrap onto two lines rather than widen its column a lot.
    pub fn see_header(&mut self, col: ColNum, text: &str) {
        let w = text_width(text);
        self.see_width(col, w.min(12.max(w.div_ceil(2) + 2)));
    }

    /// Notes a width in half-width columns.
    pub fn see_width(&mut self, col: ColNum, w: usize) {
        let c = col as usize;
        if self.need.len() <= c {
            self.need.resize(c + 1, 0);
        }
        self.need[c] = self.need[c].max(w);
    }

    /// Takes the wider need of each column from `other` (two blocks sharing a sheet's columns).
    pub fn merge(&mut self, other: &Widths) {
        for (c, &w) in other.need.iter().enumerate() {
            self.see_width(c as ColNum, w);
        }
    }

    /// The Excel width for column `col`.
    pub fn width(&self, col: ColNum) -> f64 {
        let w = self.need.get(col as usize).copied().unwrap_or(0);
        excel_width(w).clamp(self.min, self.max)
    }

    /// Lines `text` wraps to in column `col`.
    pub fn lines(&self, col: ColNum, text: &str) -> usize {
        lines_in(text, self.width(col))
    }

    /// Sets every measured column's width; returns the total (to choose portrait or landscape).
    pub fn apply(&self, ws: &mut Worksheet) -> Result<f64, XlsxError> {
        let mut total = 0.0;
        for c in 0..self.need.len() {
            let w = self.width(c as ColNum);
            ws.set_column_width(c as ColNum, w)?;
            total += w;
        }
        Ok(total)
    }
}

/// Converts a display width (half-width columns at [`BODY_SIZE`](super::BODY_SIZE)) to an Excel column width: an 11pt CJK
/// glyph is a little wider than two digits of the default font, plus padding for the cell margins.
pub fn excel_width(display: usize) -> f64 {
    (display as f64 * 1.1 + 2.0).ceil()
}

/// Lines `text` wraps to in a column of Excel width `width` (the inverse of [`excel_width`]).
pub fn lines_in(text: &str, width: f64) -> usize {
    let per_line = (((width - 2.0) / 1.1 + 1e-9).floor() as usize).max(1);
    text.lines()
        .map(|l| UnicodeWidthStr::width(l).div_ceil(per_line).max(1))
        .sum::<usize>()
        .max(1)
}

/// Measures every column of `rows` (the header row included if the caller passes it) and sets the
/// widths, each between `min` and `max`. Returns the total width.
pub fn fit_widths<S: AsRef<str>>(
    ws: &mut Worksheet,
    rows: &[Vec<S>],
    min: f64,
    max: f64,
) -> Result<f64, XlsxError> {
    let mut w = Widths::new(min, max);
    for r in rows {
        for (c, s) in r.iter().enumerate() {
            w.see(c as ColNum, s.as_ref());
        }
    }
    w.apply(ws)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn cjk_counts_double() {
        assert_eq!(text_width("东庄村"), 6);
        assert_eq!(text_width("ab"), 2);
        assert_eq!(text_width("第一行\n长长长长的第二行"), 16);
        assert!(excel_width(6) >= 8.0);
        // A text measured for a column fits that column on one line.
        for w in 1..45 {
            assert_eq!(lines_in(&"8".repeat(w), excel_width(w)), 1, "{w}");
            assert_eq!(lines_in(&"8".repeat(w + 1), excel_width(w)), 2, "{w}");
        }
    }
    #[test]
    fn long_header_wraps_instead_of_widening() {
        let mut w = Widths::new(4.0, 50.0);
        w.see_header(0, "大喇叭宣传次数");
        w.see(0, "3");
        assert!(w.width(0) < excel_width(14));
        w.see_header(1, "村居");
        assert_eq!(w.width(1), excel_width(4));
    }
}
