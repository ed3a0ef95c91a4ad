//! Rows sent twice (a resend, a copy of a file) are counted once: a row repeats another when it is of
//! the same kind and unit and has the same values.

use crate::ledger::records::Records;
use crate::ledger::schema::Kind;
use crate::ledger::value::{row_fingerprint, same_row, Value};
use crate::resolve::read::SheetWork;
use crate::resolve::units::UnitId;
use rayon::prelude::*;
use rustc_hash::FxHashSet;

/// A row for recognising the same row sent twice: same kind, same unit, same values
/// ([`same_row`]). It hashes as its fingerprint (computed once) and compares the values themselves,
/// so a fingerprint collision costs a comparison, never a row.
#[derive(Clone)]
pub(crate) struct RowKey<'a> {
    pub(crate) kind: Kind,
    pub(crate) unit: UnitId,
    pub(crate) fingerprint: u64,
    pub(crate) values: &'a [Value],
    /// The n-th identical row of one sheet (questionnaires only; 0 otherwise).
    pub(crate) occurrence: u32,
}

impl<'a> RowKey<'a> {
    pub(crate) fn new(kind: Kind, unit: UnitId, values: &'a [Value]) -> RowKey<'a> {
        RowKey {
            kind,
            unit,
            fingerprint: row_fingerprint(values),
            values,
            occurrence: 0,
        }
    }
}

impl std::hash::Hash for RowKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.kind.hash(h);
        self.unit.hash(h);
        self.fingerprint.hash(h);
        self.occurrence.hash(h);
    }
}

impl PartialEq for RowKey<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.kind == o.kind
            && self.unit == o.unit
            && self.occurrence == o.occurrence
            && same_row(self.values, o.values)
    }
}
impl Eq for RowKey<'_> {}

/// A typed row for recognising the same row sent twice across sheets: same kind, same unit, same
/// values. It hashes as the fingerprint of the row's values (computed while they were at hand) and
/// compares the typed records themselves, so a fingerprint collision costs a comparison, never a row.
struct TypedKey<'a> {
    kind: Kind,
    unit: UnitId,
    fingerprint: u64,
    occurrence: u32,
    records: &'a Records,
    index: u32,
}

impl std::hash::Hash for TypedKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.kind.hash(h);
        self.unit.hash(h);
        self.fingerprint.hash(h);
        self.occurrence.hash(h);
    }
}

impl PartialEq for TypedKey<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.kind == o.kind
            && self.unit == o.unit
            && self.occurrence == o.occurrence
            && self.fingerprint == o.fingerprint
            && self
                .records
                .same(self.kind, self.index as usize, o.index as usize)
    }
}
impl Eq for TypedKey<'_> {}

/// Rows are deduplicated in shards by unit: a row can only repeat a row of its own unit, so each
/// shard sees its rows in the same (largest sheet first) order as one set over all rows would, and
/// its set is small enough to stay in cache.
const DEDUP_SHARDS: usize = 16;

/// Marks each record whose row repeats a row taken before it (`fresh` false), its fingerprints then
/// freed: sheets are in the order they are taken (largest first). Each sheet's rows with a unit are
/// already typed into `records` (one record each, in row order, from `SheetWork::start`).
pub(crate) fn mark_repeats(work: &mut [SheetWork], records: &Records) {
    // Rows already taken (see `TypedKey`): no string is built per row.
    let rows: usize = work.iter().map(|w| w.fingerprints.len()).sum();
    let repeats: Vec<Vec<(u32, u32)>> = (0..DEDUP_SHARDS)
        .into_par_iter()
        .map(|shard| {
            let mut seen: FxHashSet<TypedKey> = FxHashSet::with_capacity_and_hasher(
                rows / DEDUP_SHARDS * 5 / 4,
                Default::default(),
            );
            let mut repeats = Vec::new();
            for (wi, w) in work.iter().enumerate() {
                let kind = w.read.header.kind;
                if kind == Kind::Register {
                    continue;
                }
                for (k, &fingerprint) in w.fingerprints.iter().enumerate() {
                    let index = (w.start + k) as u32;
                    let unit = records.unit(kind, index as usize);
                    if unit as usize % DEDUP_SHARDS != shard {
                        continue;
                    }
                    let key = TypedKey {
                        kind,
                        unit,
                        fingerprint,
                        occurrence: w.occurrences.get(k).copied().unwrap_or(0),
                        records,
                        index,
                    };
                    if !seen.insert(key) {
                        repeats.push((wi as u32, k as u32));
                    }
                }
            }
            repeats
        })
        .collect();
    for w in work.iter_mut() {
        w.fresh = vec![true; w.fingerprints.len()];
        w.fingerprints = Vec::new();
        w.occurrences = Vec::new();
    }
    for (wi, k) in repeats.into_iter().flatten() {
        work[wi as usize].fresh[k as usize] = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_collision_does_not_drop_a_row() {
        let a = [Value::Text("张建国".into()), Value::Count(3)];
        let b = [Value::Text("李秀英".into()), Value::Count(3)];
        let key = |values| RowKey {
            kind: Kind::Visit,
            unit: 0,
            fingerprint: 42, // forced alike
            values,
            occurrence: 0,
        };
        let mut seen = FxHashSet::default();
        assert!(seen.insert(key(&a[..])));
        assert!(
            seen.insert(key(&b[..])),
            "a different row with the same fingerprint is new"
        );
        assert!(
            !seen.insert(key(&a[..])),
            "the same row again is a duplicate"
        );
        // Same values in another unit or kind are not duplicates either.
        assert!(seen.insert(RowKey {
            unit: 1,
            ..key(&a[..])
        }));
        assert!(seen.insert(RowKey::new(Kind::Dispute, 0, &a)));
    }
}
