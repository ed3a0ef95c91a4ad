//! The building blocks of the declarations (a required or optional column, the unit column every
//! village ledger starts with) and `Specs::new`, which puts every kind's declaration together in
//! `Kind::ALL` order and gives each column its words (`words`: the shipped `ledgers.toml` and the
//! plan's `[words]`).

use super::words::Words;
use super::{column_keys, office, outreach, work, ColId, Lexicon, Spec, Specs, Ty};
use crate::plan::Plan;
use crate::text::alias_key;

/// Gives each named column of `spec` its words: the name, the aliases, and the other words for its
/// allowed values (the column's own first, then the shared synonyms), as (key, allowed value).
fn name_columns(spec: &mut Spec, words: &Words, extra: &Words) {
    let keys = column_keys(spec.kind);
    for c in &mut spec.columns {
        let ColId::Named(id) = c.id else { continue };
        let key = &keys[id as usize];
        let w = words.column(extra, spec.kind, id, key);
        c.name = w.name.unwrap_or_else(|| {
            panic!(
                "templates/ledgers.toml: [{}.{key}] has no name",
                spec.kind.key()
            )
        });
        c.aliases = w.aliases;
        if let Ty::Choice(options) = &c.ty {
            let shared = words.synonyms.iter().chain(&extra.synonyms);
            c.values = w
                .values
                .iter()
                .chain(shared)
                .filter(|(_, v)| options.contains(v))
                .map(|(k, v)| (alias_key(k), v.clone()))
                .collect();
        }
    }
}

impl Specs {
    pub fn new(plan: &Plan) -> Specs {
        let words = Words::shipped();
        let mut specs = vec![
            office::register(),
            office::liaison(),
            work::weekly(),
            outreach::visit(),
            outreach::survey(plan),
            outreach::tally(),
            work::dispute(plan),
            work::slogan(),
            work::activity(),
            office::officer(),
            office::supervision(),
        ];
        for spec in &mut specs {
            name_columns(spec, words, &plan.words);
        }
        Specs(specs, Lexicon::new(words, &plan.words))
    }
}
