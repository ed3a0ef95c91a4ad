//! A fast, non-cryptographic hasher for the in-memory maps on the hot path (header keys, row
//! deduplication, per-unit tallies). The keys are our own data, not an attacker's, so the DoS
//! resistance of std's SipHash buys nothing and costs a lot per row. The algorithm is the one rustc
//! uses (FxHash); written out here rather than adding a crate.

use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // The length first, so zero padding of the last word cannot make `ab` and `ab\0` alike.
        self.add(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = std::collections::HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        m.insert("东庄村".into(), 1);
        m.insert("西庄村".into(), 2);
        assert_eq!(m.get("东庄村"), Some(&1));
        assert_eq!(m.get("西庄村"), Some(&2));
        let h = |s: &str| {
            use std::hash::Hash;
            let mut x = FxHasher::default();
            s.hash(&mut x);
            x.finish()
        };
        assert_ne!(h("ab"), h("ab\0"));
        assert_ne!(h("第1组"), h("第2组"));
    }
}
