//! A parsed cell value, typed by its column.

use chrono::{NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// Blank, or a value that could not be read (its diagnostic was already given).
    #[default]
    Empty,
    Text(String),
    Count(u32),
    Date(NaiveDate),
    /// A date-time; `has_time` is false when only a date was written.
    DateTime(NaiveDateTime, bool),
    Bool(bool),
    /// Index into the column's allowed values (a choice, or a questionnaire option).
    Choice(u8),
    /// A campaign week number.
    Week(u32),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }
    pub fn text(&self) -> &str {
        match self {
            Value::Text(s) => s,
            _ => "",
        }
    }
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            Value::DateTime(dt, _) => Some(dt.date()),
            _ => None,
        }
    }
    pub fn count(&self) -> Option<u32> {
        match self {
            Value::Count(n) => Some(*n),
            _ => None,
        }
    }
    pub fn yes(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn choice(&self) -> Option<u8> {
        match self {
            Value::Choice(i) => Some(*i),
            _ => None,
        }
    }
    /// Whether two values of the same column count as the same for recognising a row sent twice: equal
    /// values, except that a date-time is compared without whether its time was written (as Excel
    /// shows them, `2021-04-09 00:00` and `2021-04-09` are one moment).
    pub fn same_key(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::DateTime(a, _), Value::DateTime(b, _)) => a == b,
            (a, b) => a == b,
        }
    }

    /// Feeds what [`Value::same_key`] compares into a hasher: values that are the same hash the same.
    pub fn hash_key<H: std::hash::Hasher>(&self, h: &mut H) {
        use std::hash::Hash;
        std::mem::discriminant(self).hash(h);
        match self {
            Value::Empty => {}
            Value::Text(s) => s.hash(h),
            Value::Count(n) => n.hash(h),
            Value::Date(d) => d.hash(h),
            Value::DateTime(d, _) => d.hash(h),
            Value::Bool(b) => b.hash(h),
            Value::Choice(i) => i.hash(h),
            Value::Week(w) => w.hash(h),
        }
    }
}

/// A row's values as a key for recognising the same row sent twice: a 64-bit hash of every value, in
/// column order. Rows with equal fingerprints are then compared value by value ([`same_row`]), so a
/// hash collision can never drop a row.
pub fn row_fingerprint(values: &[Value]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write_usize(values.len());
    for v in values {
        v.hash_key(&mut h);
    }
    h.finish()
}

/// Whether two rows of the same kind hold the same values ([`Value::same_key`] column by column).
pub fn same_row(a: &[Value], b: &[Value]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_key(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 4, d).unwrap()
    }

    #[test]
    fn the_same_row_has_the_same_fingerprint() {
        let a = vec![
            Value::Empty,
            Value::Text("张建国".into()),
            Value::Date(day(7)),
            Value::Choice(0),
            Value::DateTime(day(9).and_hms_opt(0, 0, 0).unwrap(), false),
        ];
        let mut b = a.clone();
        // A date-time with the time written is the same moment.
        b[4] = Value::DateTime(day(9).and_hms_opt(0, 0, 0).unwrap(), true);
        assert!(same_row(&a, &b));
        assert_eq!(row_fingerprint(&a), row_fingerprint(&b));
    }

    #[test]
    fn different_rows_differ() {
        let a = vec![Value::Text("张建国".into()), Value::Date(day(7))];
        for b in [
            vec![Value::Text("张建国".into()), Value::Date(day(8))],
            vec![Value::Text("张建".into()), Value::Date(day(7))],
            vec![Value::Text("张建国".into()), Value::Empty],
            vec![Value::Text("张建国".into())],
            // Text that would have run into the next column under a joined-string key.
            vec![Value::Text("张建国\u{1f}".into()), Value::Date(day(7))],
        ] {
            assert!(!same_row(&a, &b), "{b:?}");
        }
        // Different variants are different values, even where their text would read alike.
        assert!(!Value::Count(5).same_key(&Value::Text("5".into())));
        assert!(!Value::Week(5).same_key(&Value::Count(5)));
        assert_ne!(
            row_fingerprint(&[Value::Week(5)]),
            row_fingerprint(&[Value::Count(5)])
        );
    }
}
