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
    /// A stable text form, for recognising the same row sent twice.
    pub fn key(&self, out: &mut String) {
        use std::fmt::Write;
        match self {
            Value::Empty => {}
            Value::Text(s) => out.push_str(s),
            Value::Count(n) => {
                let _ = write!(out, "{n}");
            }
            Value::Date(d) => {
                let _ = write!(out, "{d}");
            }
            Value::DateTime(d, _) => {
                let _ = write!(out, "{d}");
            }
            Value::Bool(b) => out.push(if *b { 'Y' } else { 'N' }),
            Value::Choice(i) => {
                let _ = write!(out, "#{i}");
            }
            Value::Week(w) => {
                let _ = write!(out, "W{w}");
            }
        }
        out.push('\u{1f}');
    }
}
