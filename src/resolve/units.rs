//! The register of 村 / 社区 / 镇直单位 and matching the names villages write to it.

use crate::text::{closest, unit_key};
use serde::Serialize;
use std::collections::HashMap;

pub type UnitId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Village,
    Community,
    TownUnit,
}

impl UnitKind {
    pub fn zh(self) -> &'static str {
        match self {
            UnitKind::Village => "村",
            UnitKind::Community => "社区",
            UnitKind::TownUnit => "镇直单位",
        }
    }
    /// 村 and 社区 owe weekly reports, visits, disputes, slogans; 镇直单位 owe screens and meetings.
    pub fn is_village_level(self) -> bool {
        !matches!(self, UnitKind::TownUnit)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    pub name: String,
    pub kind: UnitKind,
    pub households: Option<u32>,
    pub grids: Option<u32>,
    pub population: Option<u32>,
    pub aliases: Vec<String>,
}

/// The register: units in register order, and every normalised name or alias that names one.
#[derive(Debug, Default)]
pub struct Register {
    pub units: Vec<Unit>,
    index: HashMap<String, UnitId>,
    /// The names of `index` with at least two characters, longest first (then by name): the order
    /// `named_in` tries them in, sorted once rather than on every call.
    by_length: Vec<(String, UnitId)>,
    /// The town's name, normalised: “水泉镇东庄村” names 东庄村.
    town: String,
}

pub enum Match {
    Found(UnitId),
    Unknown { suggestion: Option<String> },
}

impl Register {
    pub fn new(units: Vec<Unit>) -> Register {
        Register::with_town(units, "")
    }

    pub fn with_town(units: Vec<Unit>, town: &str) -> Register {
        let mut index = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            for n in std::iter::once(&u.name).chain(&u.aliases) {
                index.entry(unit_key(n)).or_insert(i as UnitId);
            }
        }
        let mut by_length: Vec<(String, UnitId)> = index
            .iter()
            .filter(|(n, _)| n.chars().count() >= 2)
            .map(|(n, &id)| (n.clone(), id))
            .collect();
        by_length.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(&b.0))
        });
        Register {
            units,
            index,
            by_length,
            town: unit_key(town),
        }
    }

    pub fn get(&self, id: UnitId) -> &Unit {
        &self.units[id as usize]
    }

    /// The unit registered under exactly this name (as reports and diagnostics write it).
    pub fn id_of(&self, name: &str) -> Option<UnitId> {
        if name.is_empty() {
            return None;
        }
        let id = *self.index.get(&unit_key(name))?;
        (self.get(id).name == name).then_some(id)
    }

    pub fn lookup(&self, written: &str) -> Match {
        let mut k = unit_key(written);
        if let Some(&id) = self.index.get(&k) {
            return Match::Found(id);
        }
        if !self.town.is_empty() {
            if let Some(rest) = k.strip_prefix(self.town.as_str()) {
                if let Some(&id) = self.index.get(rest) {
                    return Match::Found(id);
                }
                k = rest.to_string();
            }
        }
        // A bare name (`东庄` for 东庄村, `水泉` for 水泉社区): clerks drop the 村/社区 their own unit
        // carries; accepted only when it names one unit.
        if let Some(id) = self.bare_name(&k) {
            return Match::Found(id);
        }
        let names = self.index.keys().map(String::as_str);
        let suggestion =
            closest(&k, names).map(|n| self.units[self.index[n] as usize].name.clone());
        Match::Unknown { suggestion }
    }

    /// The one unit named `k` with 村 or 社区 added, if exactly one is.
    fn bare_name(&self, k: &str) -> Option<UnitId> {
        if k.chars().count() < 2 || k.ends_with('村') || k.ends_with("社区") {
            return None;
        }
        let mut hits = ["村", "社区"]
            .iter()
            .filter_map(|suffix| self.index.get(&format!("{k}{suffix}")).copied());
        let first = hits.next()?;
        hits.all(|id| id == first).then_some(first)
    }

    /// Units whose name (or alias) appears in `text` (a title row, sheet name or file name). The
    /// longest names are tried first so that 水泉社区 is not also read as 水泉.
    pub fn named_in(&self, text: &str) -> Vec<UnitId> {
        let mut found: Vec<UnitId> = Vec::new();
        let mut rest = unit_key(text);
        for (n, id) in &self.by_length {
            let id = *id;
            if rest.contains(n.as_str()) {
                rest = rest.replace(n.as_str(), "\u{0}");
                if !found.contains(&id) {
                    found.push(id);
                }
            }
        }
        found.sort();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg() -> Register {
        let u = |name: &str, kind| Unit {
            name: name.into(),
            kind,
            households: Some(10),
            grids: None,
            population: None,
            aliases: vec![],
        };
        Register::with_town(
            vec![
                u("东庄村", UnitKind::Village),
                u("水泉社区", UnitKind::Community),
                u("镇卫生院", UnitKind::TownUnit),
            ],
            "水泉镇",
        )
    }

    #[test]
    fn names_match_after_normalising() {
        let r = reg();
        for w in [
            "东庄村",
            " 东庄村 ",
            "东庄村委会",
            "东庄村村民委员会",
            "水泉镇东庄村",
            "水泉社区居委会",
            "东庄",
            "东庄村委",
            "水泉镇东庄",
            "水泉",
            "水泉社区居委",
        ] {
            assert!(matches!(r.lookup(w), Match::Found(_)), "{w}");
        }
        // A one-character stub names nothing.
        assert!(matches!(r.lookup("东"), Match::Unknown { .. }));
        match r.lookup("东装村") {
            Match::Unknown { suggestion } => assert_eq!(suggestion.as_deref(), Some("东庄村")),
            Match::Found(_) => panic!("东装村 is no unit"),
        }
    }

    #[test]
    fn units_named_in_a_title_or_file_name() {
        let r = reg();
        assert_eq!(r.named_in("东庄村矛盾纠纷排查化解台账"), vec![0]);
        assert_eq!(r.named_in("水泉镇各村标语台账"), Vec::<UnitId>::new());
        assert_eq!(r.named_in("东庄村、水泉社区合并表").len(), 2);
    }
}
