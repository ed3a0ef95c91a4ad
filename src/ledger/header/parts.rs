//! Headers split into word parts: the thing (户主, 当事人), the act (走访, 化解), the attribute (方式,
//! 日期, 状态). Each family of synonymous words (`[families]` in `templates/ledgers.toml`, and an
//! office's `[words.families]`) is one part, so 访问方式 and 走访途径 both split into {走访, 方式}, as
//! 走访方式 does. Fillers (姓名, 内容 …) are left out; any other character is a part of its own.

use crate::ledger::schema::Words;
use crate::text::alias_key;
use rustc_hash::FxHashMap;

/// One part of a header: a family of synonymous words, or a character no family knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Family(u16),
    Char(char),
}

const FILLER: u16 = u16::MAX;

/// Texts longer than this (12 Chinese characters) are not split into parts.
const MAX_HEADER_BYTES: usize = 36;

/// The words headers are compared by: the words clerks swap freely, and the word-part families.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Pairs of words each alias is also accepted with exchanged (an alias, not a family match).
    pub swaps: Vec<(String, String)>,
    /// `alias_key` of each family word → its family (or `FILLER`).
    words: FxHashMap<String, u16>,
    /// The longest family word, in characters.
    longest: usize,
    /// The families' names, by `Part::Family` number.
    pub families: Vec<String>,
    /// `alias_key` of the extra columns no ledger has (序号, 备注 …): not worth a mention.
    ignored: Vec<String>,
    /// How a unit's name ends (村, 社区 …): a column of such names is the unit column.
    pub unit_endings: Vec<String>,
    /// How a 村民小组/网格's name ends (组, 网格 …): a sheet so named is one group's.
    pub group_endings: Vec<String>,
    /// `unit_key` of every name and alias in the register, once it is known (the office's files
    /// are read first): a column of these is the unit column.
    pub unit_names: rustc_hash::FxHashSet<String>,
}

impl Lexicon {
    /// The shipped words and an office's: an office's family of a known name adds to it.
    pub fn new(shipped: &Words, extra: &Words) -> Lexicon {
        let mut lx = Lexicon::default();
        for w in [shipped, extra] {
            for [a, b] in &w.header.swaps {
                lx.swaps.push((alias_key(a), alias_key(b)));
            }
            lx.ignored
                .extend(w.header.ignored.iter().map(|i| alias_key(i)));
            lx.unit_endings
                .extend(w.header.unit_endings.iter().cloned());
            lx.group_endings
                .extend(w.header.group_endings.iter().cloned());
            for (name, list) in &w.families {
                let id = if name == "fillers" {
                    FILLER
                } else {
                    match lx.families.iter().position(|f| f == name) {
                        Some(i) => i as u16,
                        None => {
                            lx.families.push(name.clone());
                            (lx.families.len() - 1) as u16
                        }
                    }
                };
                for word in list {
                    let k = alias_key(word);
                    lx.longest = lx.longest.max(k.chars().count());
                    lx.words.entry(k).or_insert(id);
                }
            }
        }
        lx
    }

    /// The parts without the `count` family's (数, 户数 …), when there was one and a family part is
    /// left: how a count column's header reads with its count word dropped (排查纠纷（件）).
    pub fn without_count(&self, parts: &[Part]) -> Option<Vec<Part>> {
        let count = self.families.iter().position(|f| f == "count")? as u16;
        if !parts.contains(&Part::Family(count)) {
            return None;
        }
        let rest: Vec<Part> = parts
            .iter()
            .copied()
            .filter(|p| *p != Part::Family(count))
            .collect();
        rest.iter()
            .any(|p| matches!(p, Part::Family(_)))
            .then_some(rest)
    }

    /// Whether a header is one of the extra columns known to be no ledger's (序号, 备注 …).
    pub fn is_ignored(&self, header: &str) -> bool {
        self.ignored.contains(&alias_key(header))
    }

    /// The parts of a normalised header (`alias_key`), each once, in order: the longest family
    /// word at each place, else the character. `None` when no family word is in it (a header made
    /// of characters alone is never matched by parts).
    pub fn parts(&self, key: &str) -> Option<Vec<Part>> {
        // A header is a few words; a longer text (a title, a note, a data cell) is never split.
        if key.len() > MAX_HEADER_BYTES {
            return None;
        }
        let bounds: Vec<usize> = key
            .char_indices()
            .map(|(i, _)| i)
            .chain([key.len()])
            .collect();
        let n = bounds.len() - 1;
        let mut out = Vec::new();
        let mut family = false;
        let mut i = 0;
        'at: while i < n {
            for len in (1..=self.longest.min(n - i)).rev() {
                if let Some(&f) = self.words.get(&key[bounds[i]..bounds[i + len]]) {
                    if f != FILLER {
                        out.push(Part::Family(f));
                        family = true;
                    }
                    i += len;
                    continue 'at;
                }
            }
            out.push(Part::Char(key[bounds[i]..].chars().next().unwrap()));
            i += 1;
        }
        out.sort_unstable();
        out.dedup();
        family.then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lx() -> Lexicon {
        Lexicon::new(Words::shipped(), &Words::default())
    }

    #[test]
    fn synonymous_words_split_into_the_same_parts() {
        let lx = lx();
        let p = |s: &str| lx.parts(&alias_key(s));
        assert_eq!(p("访问方式"), p("走访方式"));
        assert_eq!(p("走访途径"), p("走访方式"));
        assert_eq!(p("办理情况"), p("化解状态"));
        assert_eq!(p("调结日期"), p("化解日期"));
        assert_eq!(p("宣传口号"), p("标语内容"));
        assert_eq!(p("户名"), p("户主姓名"));
        assert_eq!(p("被访人"), p("户主"));
        assert_ne!(p("走访日期"), p("走访方式"));
        assert_eq!(p("备注"), None);
    }
}
