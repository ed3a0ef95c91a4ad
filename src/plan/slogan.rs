//! The approved slogans (附件2) against the texts villages hang: used by the consistency checks
//! (resolve) and the slogan figures (figures).

use crate::plan::Plan;
use crate::text::slogan_key;

/// Whether a slogan text is approved: exactly (after dropping spaces and punctuation), nearly (a typo:
/// returns the approved text), or not at all.
#[derive(Debug, Clone)]
pub enum SloganMatch {
    Exact,
    Near(String),
    No,
}

pub fn match_slogan(plan: &Plan, text: &str) -> SloganMatch {
    let k = slogan_key(text);
    let mut best: Option<(usize, &String)> = None;
    for s in &plan.slogans {
        let a = slogan_key(s);
        if a == k {
            return SloganMatch::Exact;
        }
        let d = crate::text::edit_distance(&a, &k);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, s));
        }
    }
    match best {
        // A typo: at most a tenth of the characters (at least one, at most three) differ.
        Some((d, s)) if d <= (k.chars().count() / 10).clamp(1, 3) => SloganMatch::Near(s.clone()),
        _ => SloganMatch::No,
    }
}
