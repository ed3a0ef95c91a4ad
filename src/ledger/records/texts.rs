//! The run's texts, each kept once: a record holds a [`Text`] (4 bytes) naming one, not the text
//! itself. A district's million rows write a few hundred thousand distinct names, places and
//! summaries at most (most cells repeat: the same 村民小组, visitor, dispute summary), so the records
//! stay small and a repeated text costs nothing.

use hashbrown::HashTable;
use std::hash::{BuildHasher, BuildHasherDefault};

/// A text of the run's [`Texts`]: equal texts have equal ids (within one `Texts`), and the empty
/// text is `Text::default()`. Read it with `Records::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Text(u32);

impl Text {
    /// Whether it is the empty text (no lookup needed).
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Its place among the run's texts (below `Texts::distinct`): for a table indexed by text.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

type Hasher = BuildHasherDefault<rustc_hash::FxHasher>;

/// Distinct texts end to end in one buffer; `ends[id]` is where text `id` ends (text 0 is "").
pub struct Texts {
    bytes: String,
    ends: Vec<u32>,
    /// Ids by the hash of their text.
    table: HashTable<u32>,
}

impl Default for Texts {
    fn default() -> Texts {
        Texts {
            bytes: String::new(),
            ends: vec![0],
            table: HashTable::new(),
        }
    }
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Texts({} distinct)", self.ends.len())
    }
}

impl Texts {
    /// The text's id, adding it when it is new.
    pub fn add(&mut self, s: &str) -> Text {
        if s.is_empty() {
            return Text(0);
        }
        let hash = Hasher::default().hash_one(s);
        let Texts { bytes, ends, table } = self;
        let get = |id: u32| {
            let i = id as usize;
            &bytes[ends[i - 1] as usize..ends[i] as usize]
        };
        if let Some(&id) = table.find(hash, |&id| get(id) == s) {
            return Text(id);
        }
        let id = ends.len() as u32;
        bytes.push_str(s);
        let end = u32::try_from(bytes.len()).expect("a run's distinct texts stay under 4 GiB");
        ends.push(end);
        let (bytes, ends) = (&*bytes, &*ends);
        table.insert_unique(hash, id, |&id| {
            let i = id as usize;
            Hasher::default().hash_one(&bytes[ends[i - 1] as usize..ends[i] as usize])
        });
        Text(id)
    }

    pub fn get(&self, t: Text) -> &str {
        let i = t.0 as usize;
        if i == 0 {
            return "";
        }
        &self.bytes[self.ends[i - 1] as usize..self.ends[i] as usize]
    }

    /// How many distinct texts (the empty one included).
    pub fn distinct(&self) -> usize {
        self.ends.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_id_and_read_back_whole() {
        let mut t = Texts::default();
        let a = t.add("东庄村一组");
        let b = t.add("张建国");
        assert_eq!(t.add("东庄村一组"), a);
        assert_ne!(a, b);
        assert_eq!(t.add(""), Text::default());
        assert!(t.add("").is_empty() && !a.is_empty());
        assert_eq!(
            (t.get(a), t.get(b), t.get(Text::default())),
            ("东庄村一组", "张建国", "")
        );
        assert_eq!(t.distinct(), 3);
    }
}
