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
    /// Caps per column set by [`Widths::fit_paper`] when the table is wider than landscape A4.
    caps: Vec<f64>,
    need: Vec<usize>,
    /// The display width of every line seen in each column, to tell which column wraps least.
    seen: Vec<Vec<usize>>,
    /// Widths that must not wrap (numbers, dates: Excel shows ### instead), kept under any cap.
    hard: Vec<usize>,
}

/// A4 in inches (210 × 297 mm) and the left/right margins every table sheet prints with.
pub const A4_SHORT_IN: f64 = 8.27;
pub const A4_LONG_IN: f64 = 11.69;
pub const SIDE_MARGIN_IN: f64 = 0.5;

/// Pixels (at 96 dpi, the unit column widths are laid out in) a table may take between the margins,
/// less 2 % for rounding.
pub fn page_px(landscape: bool) -> f64 {
    let paper = if landscape { A4_LONG_IN } else { A4_SHORT_IN };
    (paper - 2.0 * SIDE_MARGIN_IN) * 96.0 * 0.98
}

/// Pixels a column of Excel width `w` takes on paper, the wider of the two programs leaders print
/// with: Excel gives 7 per character of the default font plus 5 of padding; LibreOffice stores the
/// width with its padding (`w + 0.71`) and lays it out at 7.4 px per character (measured: 11.29 →
/// 0.870 in), about 6 % wider.
pub fn column_px(w: f64) -> f64 {
    ((w * 7.0 + 5.0).floor()).max((w + 0.71) * 7.4)
}

/// The narrowest a capped column gets when a wide table is narrowed to fit landscape A4: three
/// Chinese characters a line (numbers and dates keep their own width, [`Widths::see_hard`]).
pub const NARROWEST_CAP: f64 = 8.0;

impl Widths {
    /// `min`/`max` are Excel column widths (characters of the default font).
    pub fn new(min: f64, max: f64) -> Widths {
        Widths {
            min,
            max,
            caps: Vec::new(),
            need: Vec::new(),
            seen: Vec::new(),
            hard: Vec::new(),
        }
    }

    /// Notes a value shown in `col`.
    pub fn see(&mut self, col: ColNum, text: &str) {
        self.see_width(col, text_width(text));
        let c = col as usize;
        if self.seen.len() <= c {
            self.seen.resize(c + 1, Vec::new());
        }
        self.seen[c].extend(text.lines().map(UnicodeWidthStr::width));
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

    /// Notes a value that cannot wrap (a number or a date): the column never gets narrower than it.
    pub fn see_hard(&mut self, col: ColNum, text: &str) {
        let c = col as usize;
        if self.hard.len() <= c {
            self.hard.resize(c + 1, 0);
        }
        self.hard[c] = self.hard[c].max(text_width(text));
        self.see(col, text);
    }

    /// Takes the wider need of each column from `other` (two blocks sharing a sheet's columns).
    pub fn merge(&mut self, other: &Widths) {
        for (c, &w) in other.need.iter().enumerate() {
            self.see_width(c as ColNum, w);
        }
        for (c, lines) in other.seen.iter().enumerate() {
            if self.seen.len() <= c {
                self.seen.resize(c + 1, Vec::new());
            }
            self.seen[c].extend(lines);
        }
        for (c, &w) in other.hard.iter().enumerate() {
            if self.hard.len() <= c {
                self.hard.resize(c + 1, 0);
            }
            self.hard[c] = self.hard[c].max(w);
        }
    }

    /// The Excel width for column `col`.
    pub fn width(&self, col: ColNum) -> f64 {
        let w = self.need.get(col as usize).copied().unwrap_or(0);
        let hard = excel_width(self.hard.get(col as usize).copied().unwrap_or(0));
        excel_width(w)
            .clamp(self.min, self.max)
            .min(
                self.caps
                    .get(col as usize)
                    .copied()
                    .unwrap_or(f64::INFINITY),
            )
            .max(self.min)
            .max(hard.min(self.max))
    }

    /// Pixels all measured columns take side by side.
    pub fn total_px(&self) -> f64 {
        (0..self.need.len())
            .map(|c| column_px(self.width(c as ColNum)))
            .sum()
    }

    /// Whether the columns need landscape A4 (they do not fit portrait at 100 %).
    pub fn landscape(&self) -> bool {
        self.total_px() > page_px(false)
    }

    /// Makes the table fit A4 at 100 %, never by shrinking the print: portrait when it fits, else
    /// landscape, and when even landscape is too narrow, columns are narrowed one step at a time —
    /// always the one whose text gains the fewest wrapped lines, down to [`NARROWEST_CAP`] (numbers
    /// and dates keep their width). Call before row heights are computed: they depend on the widths.
    pub fn fit_paper(&mut self) {
        self.caps = vec![f64::INFINITY; self.need.len()];
        if self.total_px() <= page_px(true) {
            return;
        }
        // Each column's line widths as (width, how many): a long list has few distinct widths.
        let counted: Vec<Vec<(usize, usize)>> = self
            .seen
            .iter()
            .map(|lines| {
                let mut sorted = lines.clone();
                sorted.sort_unstable();
                let mut runs: Vec<(usize, usize)> = Vec::new();
                for w in sorted {
                    match runs.last_mut() {
                        Some((lw, n)) if *lw == w => *n += 1,
                        _ => runs.push((w, 1)),
                    }
                }
                runs
            })
            .collect();
        while self.total_px() > page_px(true) {
            let mut best: Option<(usize, usize, f64)> = None;
            for c in 0..self.need.len() {
                let w = self.width(c as ColNum);
                let hard = excel_width(self.hard.get(c).copied().unwrap_or(0));
                if w - 1.0 < NARROWEST_CAP.max(hard) {
                    continue;
                }
                let seen = counted.get(c).map(Vec::as_slice).unwrap_or(&[]);
                let cost: usize = seen
                    .iter()
                    .map(|&(lw, n)| n * (wrapped(lw, w - 1.0) - wrapped(lw, w)))
                    .sum();
                if best.is_none_or(|(_, bc, bw)| cost < bc || (cost == bc && w > bw)) {
                    best = Some((c, cost, w));
                }
            }
            let Some((c, _, w)) = best else { return };
            self.caps[c] = w - 1.0;
        }
    }

    /// A copy fitted to the paper ([`Widths::fit_paper`]).
    pub fn fitted(&self) -> Widths {
        let mut w = self.clone();
        w.fit_paper();
        w
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
    text.lines()
        .map(|l| wrapped(UnicodeWidthStr::width(l), width))
        .sum::<usize>()
        .max(1)
}

/// Lines one line of display width `display` wraps to in a column of Excel width `width`.
fn wrapped(display: usize, width: f64) -> usize {
    let per_line = (((width - 2.0) / 1.1 + 1e-9).floor() as usize).max(1);
    display.div_ceil(per_line).max(1)
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
