//! The run's records while the inbox is read: each file's records stay in the list they were typed
//! into (a part), so no list of the whole run is ever grown by copying — on a district that growth
//! touched fresh memory again at every doubling. Once the duplicate check has said which records
//! count, `Gather` builds each kind's one list, at its exact size, in the order they are taken.

use super::*;

/// Every file's records as read, their texts the run's.
#[derive(Debug, Default)]
pub struct Reading {
    texts: Texts,
    parts: Vec<Records>,
}

/// Where a record is while reading: its part and its index among the part's records of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub part: u32,
    pub index: u32,
}

impl Reading {
    /// Takes one file's records (their texts renamed into the run's); returns its part number.
    pub fn add(&mut self, mut part: Records) -> u32 {
        let map = self.texts.merge(&part.texts);
        part.texts = Texts::default();
        part.retext(&map);
        self.parts.push(part);
        (self.parts.len() - 1) as u32
    }

    /// Whether records `a` and `b` of `kind` hold the same values, where they came from aside.
    pub fn same(&self, kind: Kind, a: At, b: At) -> bool {
        let (pa, pb) = (&self.parts[a.part as usize], &self.parts[b.part as usize]);
        pa.same(kind, a.index as usize, pb, b.index as usize)
    }

    pub fn unit(&self, kind: Kind, at: At) -> UnitId {
        self.parts[at.part as usize].unit(kind, at.index as usize)
    }

    /// Starts the run's records: `counts[kind as usize]` records of each kind will be taken, and
    /// `taken[part]` from each part (a part is freed once all its records that count are taken).
    pub fn gather(self, counts: &[usize], taken: Vec<u32>) -> Gather {
        let mut into = Records {
            texts: self.texts,
            ..Records::default()
        };
        for kind in Kind::ALL {
            into.reserve(kind, counts[kind as usize]);
        }
        Gather {
            from: self.parts,
            left: taken,
            into,
        }
    }
}

/// The run's records being built from the parts (see [`Reading::gather`]).
pub struct Gather {
    from: Vec<Records>,
    /// Per part: how many of its records are still to be taken.
    left: Vec<u32>,
    into: Records,
}

impl Gather {
    /// Moves record `at` of `kind` to the end of its kind's list, as from sheet `sheet`.
    pub fn take(&mut self, kind: Kind, at: At, sheet: u32) {
        let part = &mut self.from[at.part as usize];
        let i = at.index as usize;
        macro_rules! take {
            ($($kind:ident => $f:ident),*) => {
                match kind {
                    Kind::Register => {}
                    $(Kind::$kind => {
                        let mut r = std::mem::take(&mut part.$f[i]);
                        r.src.sheet = sheet;
                        self.into.$f.push(r);
                    })*
                }
            };
        }
        each_kind_named!(take);
        let left = &mut self.left[at.part as usize];
        *left -= 1;
        if *left == 0 {
            self.from[at.part as usize] = Records::default();
        }
    }

    pub fn finish(self) -> Records {
        self.into
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::records::Typing;
    use crate::ledger::schema::{SloganCol, Specs};
    use crate::ledger::value::Value;
    use crate::plan::Plan;

    /// Parts typed on their own (each with its own texts) are taken in any order into lists of
    /// exactly the records taken, their texts read back whole and equal texts compared equal.
    #[test]
    fn gather_takes_the_listed_records_in_order_from_the_parts() {
        let plan = Plan::embedded();
        let specs = Specs::new(&plan);
        let spec = specs.get(Kind::Slogan);
        let t = Typing {
            zero_types: &plan.disputes.zero_report_types,
            zero_phrases: &plan.disputes.zero_report_phrases,
            dispute_types: plan.disputes.types.len(),
            questions: plan.survey.questions.len(),
        };
        let part = |texts: &[&str]| {
            let mut r = Records::default();
            for (row, text) in texts.iter().enumerate() {
                let mut v = vec![Value::Empty; spec.columns.len()];
                v[spec.col(SloganCol::Text)] = Value::Text(text.to_string());
                let src = Src {
                    sheet: u32::MAX,
                    row: row as u32,
                };
                r.push(Kind::Slogan, spec, &t, src, 0, &v);
            }
            r
        };
        let mut reading = Reading::default();
        assert_eq!(reading.add(part(&["一", "二"])), 0);
        assert_eq!(reading.add(part(&["三", "一"])), 1);
        let at = |part, index| At { part, index };
        assert!(reading.same(Kind::Slogan, at(0, 0), at(1, 1)));
        assert!(!reading.same(Kind::Slogan, at(0, 0), at(0, 1)));
        let mut counts = vec![0; Kind::ALL.len()];
        counts[Kind::Slogan as usize] = 3;
        let mut g = reading.gather(&counts, vec![1, 2]);
        g.take(Kind::Slogan, at(1, 0), 7);
        g.take(Kind::Slogan, at(0, 1), 8);
        g.take(Kind::Slogan, at(1, 1), 7);
        let r = g.finish();
        let got: Vec<(&str, u32, u32)> = r
            .slogans
            .iter()
            .map(|s| (r.text(s.text), s.src.sheet, s.src.row))
            .collect();
        assert_eq!(got, [("三", 7, 0), ("二", 8, 1), ("一", 7, 1)]);
    }
}
