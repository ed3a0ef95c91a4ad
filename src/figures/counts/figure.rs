//! A count that may not be known: the sheet it comes from lacks the column it needs (a visit ledger
//! without 走访方式 gives no in-person/phone split). Reports write such a figure as 无法统计 with its
//! reason, never as 0; the JSON writes `null` (and the reason beside it). The type has no plain
//! number getter that hides the difference, so no renderer can print 0 by accident.

use serde::{Serialize, Serializer};

/// What a report writes for a figure that cannot be counted.
pub const UNKNOWN_ZH: &str = "无法统计";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    Known(u32),
    /// Why not: which column was not found, where (`走访方式列未识别：东庄村走访台账.xlsx › Sheet1`;
    /// several joined by `；`).
    Unknown(String),
}

impl Default for Figure {
    fn default() -> Figure {
        Figure::Known(0)
    }
}

impl Figure {
    pub fn known(&self) -> Option<u32> {
        match self {
            Figure::Known(n) => Some(*n),
            Figure::Unknown(_) => None,
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Figure::Known(_) => None,
            Figure::Unknown(r) => Some(r),
        }
    }

    /// The figure as a report writes it: the number, or 无法统计.
    pub fn zh(&self) -> String {
        match self {
            Figure::Known(n) => n.to_string(),
            Figure::Unknown(_) => UNKNOWN_ZH.to_string(),
        }
    }

    /// `3件`, or `件数无法统计` (`unit` is the measure word).
    pub fn with_unit(&self, unit: &str) -> String {
        match self {
            Figure::Known(n) => format!("{n}{unit}"),
            Figure::Unknown(_) => format!("{unit}数{UNKNOWN_ZH}"),
        }
    }

    /// Adds `by` to a known figure.
    pub fn bump(&mut self, by: u32) {
        if let Figure::Known(n) = self {
            *n += by;
        }
    }

    /// The figure becomes unknown for `reason` (reasons already given are not repeated).
    pub fn unknown(&mut self, reason: &str) {
        match self {
            Figure::Known(_) => *self = Figure::Unknown(reason.to_string()),
            Figure::Unknown(r) => {
                if !r.split('；').any(|x| x == reason) {
                    r.push('；');
                    r.push_str(reason);
                }
            }
        }
    }

    /// A total: known when every part is.
    pub fn add(&mut self, other: &Figure) {
        match other {
            Figure::Known(n) => self.bump(*n),
            Figure::Unknown(r) => {
                for x in r.split('；') {
                    self.unknown(x);
                }
            }
        }
    }

    /// The total of `figures` (known when every one is).
    pub fn sum<'a>(figures: impl IntoIterator<Item = &'a Figure>) -> Figure {
        let mut t = Figure::Known(0);
        for f in figures {
            t.add(f);
        }
        t
    }
}

/// `入户3户、电话2户`; without the split (no 走访方式 column) `入户、电话户数无法统计（why）`.
pub fn method_split(in_person: &Figure, phone: &Figure) -> String {
    match (in_person.known(), phone.known()) {
        (Some(i), Some(p)) => format!("入户{i}户、电话{p}户"),
        _ => format!(
            "入户、电话户数{UNKNOWN_ZH}（{}）",
            in_person.reason().or(phone.reason()).unwrap_or_default()
        ),
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Figure::Known(n) => s.serialize_u32(*n),
            Figure::Unknown(_) => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_with_an_unknown_part_is_unknown_with_every_reason_once() {
        let a = Figure::Known(3);
        let b = Figure::Unknown("走访方式列未识别：a.xlsx › S".into());
        let t = Figure::sum([&a, &b, &b.clone(), &Figure::Unknown("x".into())]);
        assert_eq!(t, Figure::Unknown("走访方式列未识别：a.xlsx › S；x".into()));
        assert_eq!(Figure::sum([&a, &Figure::Known(2)]), Figure::Known(5));
        assert_eq!(serde_json::to_value(&t).unwrap(), serde_json::Value::Null);
        assert_eq!(t.zh(), "无法统计");
    }
}
