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
}

pub enum Match {
    Found(UnitId),
    Unknown { suggestion: Option<String> },
}

impl Register {
    pub fn new(units: Vec<Unit>) -> Register {
        let mut index = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            for n in std::iter::once(&u.name).chain(&u.aliases) {
                index.entry(unit_key(n)).or_insert(i as UnitId);
            }
        }
        Register { units, index }
    }

    pub fn get(&self, id: UnitId) -> &Unit {
        &self.units[id as usize]
    }

    pub fn lookup(&self, written: &str) -> Match {
        let k = unit_key(written);
        if let Some(&id) = self.index.get(&k) {
            return Match::Found(id);
        }
        let names = self.index.keys().map(String::as_str);
        let suggestion =
            closest(&k, names).map(|n| self.units[self.index[n] as usize].name.clone());
        Match::Unknown { suggestion }
    }

    /// Units whose name (or alias) appears in `text` (a title row, sheet name or file name). The
    /// longest names are tried first so that 水泉社区 is not also read as 水泉.
    pub fn named_in(&self, text: &str) -> Vec<UnitId> {
        let t = unit_key(text);
        let mut names: Vec<(&String, &UnitId)> = self.index.iter().collect();
        names.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(b.0))
        });
        let mut found: Vec<UnitId> = Vec::new();
        let mut rest = t.clone();
        for (n, &id) in names {
            if n.chars().count() >= 2 && rest.contains(n.as_str()) {
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
