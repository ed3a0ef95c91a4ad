//! Profiling one column's first rows against one canonical column: the share of its filled
//! cells that are that column's allowed choices, dates, phone numbers, unit names, yes/no or
//! counts, and the words they were (for `check` to say `96% 为入户/电话`). `content` weighs the
//! readings of a header by these.

use super::Lexicon;
use crate::ingest::Grid;
use crate::ledger::cells::{self, cell_cow};
use crate::ledger::parse::choose;
use crate::ledger::schema::{Column, Ty};

/// How many data rows are looked at.
pub(super) const SAMPLE_ROWS: u32 = 50;
/// At least this many filled cells, and this share of them fitting (in tenths), for a column to be
/// known by its values; below `NOT_SHARE` they are not the column's.
const MIN_FILLED: usize = 3;
const MIN_TENTHS: usize = 9;
const NOT_TENTHS: usize = 5;

/// What a column's values showed.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Percent of the sampled filled cells that fit the column (rounded down).
    pub share: u8,
    /// What they were: the allowed values seen, most frequent first (入户, 电话), or what kind of
    /// value (日期, 电话号码, 是/否, 数字, 村居名称).
    pub values: Vec<String>,
    pub why: Why,
}

/// Why the values decided.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// The header names no column (or one already taken).
    Alone,
    /// The header's word parts named this other column, but its values are not that column's.
    Over(usize),
    /// The header's word parts were like this column as well as another cell's were (or like
    /// several columns): the values fit only this one.
    Contest,
}

/// A cell's values measured against one column: (filled, fitting, the fitting values' words).
pub(super) struct Fit {
    filled: usize,
    fits: usize,
    words: Vec<(String, usize)>,
}

impl Fit {
    pub(super) fn clear(&self) -> bool {
        self.filled >= MIN_FILLED && self.fits * 10 >= self.filled * MIN_TENTHS
    }
    pub(super) fn not(&self) -> bool {
        self.filled >= MIN_FILLED && self.fits * 10 < self.filled * NOT_TENTHS
    }
    pub(super) fn evidence(mut self, why: Why) -> Evidence {
        self.words.sort_by_key(|w| std::cmp::Reverse(w.1));
        Evidence {
            share: (self.fits * 100 / self.filled.max(1)) as u8,
            values: self.words.into_iter().take(4).map(|(w, _)| w).collect(),
            why,
        }
    }
}

/// Whether a column's type says anything about its values (free text and names do not).
pub(super) fn telling(c: &Column) -> bool {
    matches!(
        c.ty,
        Ty::Choice(_) | Ty::Date | Ty::DateTime | Ty::Phone | Ty::YesNo | Ty::Count | Ty::Unit
    )
}

/// A unit's name as ledgers write it: a short name with a unit's ending (东庄村, 水泉社区). The
/// register is not known while sheets are read (it is one of the files), so this is its shape.
fn unit_like(lx: &Lexicon, t: &str) -> bool {
    let n = t.chars().count();
    (2..=12).contains(&n)
        && !t.chars().any(|c| c.is_ascii_digit())
        && lx
            .unit_endings
            .iter()
            .any(|e| t.ends_with(e.as_str()) && t != e)
}

/// The cells below the header in Excel column `c` measured against `col`.
pub(super) fn fit(lx: &Lexicon, col: &Column, grid: &Grid, from: u32, c: u32) -> Fit {
    let to = grid.end_row().min(from + SAMPLE_ROWS);
    let mut f = Fit {
        filled: 0,
        fits: 0,
        words: Vec::new(),
    };
    let kind_word = match &col.ty {
        Ty::Date | Ty::DateTime => "日期",
        Ty::Phone => "电话号码",
        Ty::YesNo => "是/否",
        Ty::Count => "数字",
        Ty::Unit => "村居名称",
        _ => "",
    };
    for r in from..to {
        let d = grid.get(r, c);
        let Some(t) = cell_cow(d) else { continue };
        f.filled += 1;
        let word = match &col.ty {
            Ty::Choice(options) => choose(options, &col.values, &t).map(|i| options[i].as_str()),
            // Any year: only whether the cell is a date matters here.
            Ty::Date | Ty::DateTime => {
                matches!(cells::parse_date(d, 2021), Ok(Some(_))).then_some(kind_word)
            }
            Ty::Phone => cells::phone_valid(&cells::strip_phone_note(&t)).then_some(kind_word),
            Ty::YesNo => matches!(cells::parse_yes_no(d), Ok(Some(_))).then_some(kind_word),
            Ty::Count => matches!(cells::parse_count(d), Ok(Some(_))).then_some(kind_word),
            Ty::Unit => unit_like(lx, &t).then_some(kind_word),
            _ => None,
        };
        if let Some(w) = word {
            f.fits += 1;
            match f.words.iter_mut().find(|(x, _)| x == w) {
                Some(e) => e.1 += 1,
                None => f.words.push((w.to_string(), 1)),
            }
        }
    }
    f
}
