//! The words of the ledgers, as data: each column's canonical header and the other wordings villages
//! write (`aliases`), the other words for an allowed value (`[synonyms]`, a column's `values`), the
//! words clerks swap freely (`[header] swaps`) and the families of synonymous word parts a header is
//! split into (`[families]`). Shipped in `templates/ledgers.toml` (embedded), and an office adds its
//! own in its plan file under `[words]`, with the same sections: no rebuild. The declarations in
//! `office`, `outreach` and `work` keep what the code relies on (types, required, allowed values).

use super::kinds::*;
use indexmap::IndexMap;
use serde::de::{Deserializer, Error, MapAccess, Visitor};
use serde::Deserialize;
use std::marker::PhantomData;
use std::sync::OnceLock;

/// The shipped wording, `templates/ledgers.toml`.
pub const DEFAULT_WORDS: &str = include_str!("../../../templates/ledgers.toml");

/// The words of one column.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ColWords {
    /// The canonical header (what the blank template writes).
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Other words for the column's allowed values (written → allowed).
    #[serde(default)]
    pub values: IndexMap<String, String>,
}

/// The columns of one kind by their key (`[visit.method]`); an unknown key is refused.
#[derive(Debug, Clone)]
pub struct KindWords<C> {
    pub cols: IndexMap<u8, ColWords>,
    _kind: PhantomData<C>,
}

impl<C> Default for KindWords<C> {
    fn default() -> Self {
        KindWords {
            cols: IndexMap::new(),
            _kind: PhantomData,
        }
    }
}

impl<'de, C: Col> Deserialize<'de> for KindWords<C> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<C>(PhantomData<C>);
        impl<'de, C: Col> Visitor<'de> for V<C> {
            type Value = KindWords<C>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "{}的列", C::KIND.zh())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let keys = column_keys(C::KIND);
                let mut out = KindWords::default();
                while let Some(k) = map.next_key::<String>()? {
                    let Some(id) = keys.iter().position(|x| *x == k) else {
                        return Err(A::Error::custom(format!(
                            "{}（{}）没有“{k}”这一列，可用的列：{}",
                            C::KIND.zh(),
                            C::KIND.key(),
                            keys.join("、")
                        )));
                    };
                    out.cols.insert(id as u8, map.next_value()?);
                }
                Ok(out)
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// Words clerks swap freely in headers.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderWords {
    #[serde(default)]
    pub swaps: Vec<[String; 2]>,
    /// Extra columns no ledger has, not worth a mention when `check` says how a sheet was read.
    #[serde(default)]
    pub ignored: Vec<String>,
    /// How a unit's name ends (村, 社区 …): a column whose values are such names is the unit
    /// column, whatever its header says.
    #[serde(default)]
    pub unit_endings: Vec<String>,
}

/// Every ledger's words: the shipped `ledgers.toml`, or an office's additions (`[words]` in its plan).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// The unit column of every village ledger.
    #[serde(default)]
    pub unit: ColWords,
    #[serde(default)]
    pub header: HeaderWords,
    /// Families of synonymous word parts (`visit = ["走访", "访问", …]`); `fillers` are left out.
    #[serde(default)]
    pub families: IndexMap<String, Vec<String>>,
    /// Other words for an allowed value, in any column that allows it.
    #[serde(default)]
    pub synonyms: IndexMap<String, String>,
    #[serde(default)]
    pub register: KindWords<RegisterCol>,
    #[serde(default)]
    pub liaison: KindWords<LiaisonCol>,
    #[serde(default)]
    pub weekly_report: KindWords<WeeklyCol>,
    #[serde(default)]
    pub visit: KindWords<VisitCol>,
    #[serde(default)]
    pub survey: KindWords<SurveyCol>,
    #[serde(default)]
    pub survey_tally: KindWords<TallyCol>,
    #[serde(default)]
    pub dispute: KindWords<DisputeCol>,
    #[serde(default)]
    pub slogan: KindWords<SloganCol>,
    #[serde(default)]
    pub activity: KindWords<ActivityCol>,
    #[serde(default)]
    pub officer: KindWords<OfficerCol>,
    #[serde(default)]
    pub supervision: KindWords<SupervisionCol>,
}

impl Words {
    /// The shipped words (`templates/ledgers.toml`), parsed once.
    pub fn shipped() -> &'static Words {
        static W: OnceLock<Words> = OnceLock::new();
        W.get_or_init(|| toml::from_str(DEFAULT_WORDS).expect("templates/ledgers.toml is valid"))
    }

    /// The columns of `kind` by `Col::id`.
    pub fn kind(&self, kind: Kind) -> &IndexMap<u8, ColWords> {
        match kind {
            Kind::Register => &self.register.cols,
            Kind::Liaison => &self.liaison.cols,
            Kind::WeeklyReport => &self.weekly_report.cols,
            Kind::Visit => &self.visit.cols,
            Kind::Survey => &self.survey.cols,
            Kind::SurveyTally => &self.survey_tally.cols,
            Kind::Dispute => &self.dispute.cols,
            Kind::Slogan => &self.slogan.cols,
            Kind::Activity => &self.activity.cols,
            Kind::Officer => &self.officer.cols,
            Kind::Supervision => &self.supervision.cols,
        }
    }

    /// Whether an office's `[words]` adds anything.
    pub fn is_empty(&self) -> bool {
        self.unit == ColWords::default()
            && self.header.swaps.is_empty()
            && self.header.ignored.is_empty()
            && self.header.unit_endings.is_empty()
            && self.families.is_empty()
            && self.synonyms.is_empty()
            && Kind::ALL.iter().all(|k| self.kind(*k).is_empty())
    }

    /// The wording of column `id` of `kind`, the shipped words first, then `extra`'s (an
    /// office's): the name (the office's replaces the shipped one), the aliases and the values.
    /// A kind's `unit` column without a name of its own takes the shared `[unit]` words.
    pub fn column(&self, extra: &Words, kind: Kind, id: u8, key: &str) -> ColWords {
        let mut out = ColWords::default();
        let own_name = self.kind(kind).get(&id).is_some_and(|c| c.name.is_some());
        for w in [self, extra] {
            if key == "unit" && !own_name {
                add(&mut out, &w.unit);
            }
            if let Some(c) = w.kind(kind).get(&id) {
                add(&mut out, c);
            }
        }
        out
    }
}

fn add(out: &mut ColWords, c: &ColWords) {
    if c.name.is_some() {
        out.name = c.name.clone();
    }
    for a in &c.aliases {
        if !out.aliases.contains(a) {
            out.aliases.push(a.clone());
        }
    }
    for (w, v) in &c.values {
        out.values.insert(w.clone(), v.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_words_name_every_column() {
        let w = Words::shipped();
        for kind in Kind::ALL {
            for (id, key) in column_keys(kind).iter().enumerate() {
                let c = w.column(&Words::default(), kind, id as u8, key);
                assert!(c.name.is_some(), "{}.{key} has no name", kind.key());
            }
        }
        assert!(!w.synonyms.is_empty());
    }

    #[test]
    fn an_unknown_column_is_refused_with_the_columns_there_are() {
        let e = toml::from_str::<Words>("[visit.methd]\naliases = [\"访视方式\"]\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("methd") && msg.contains("method"), "{msg}");
    }
}
