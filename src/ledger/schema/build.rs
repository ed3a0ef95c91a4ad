//! The small builders each kind's declaration is written with: a required or optional column named by
//! its enum (its Chinese words come from `templates/ledgers.toml`), a fixed list of choices, the unit
//! column.

use super::{Col, ColId, Column, Feed, Ty};

pub(super) fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A column named by `id`; its header words are filled in from the words in force (`Specs::new`).
pub(super) fn col<C: Col>(id: C, ty: Ty, required: bool) -> Column {
    Column {
        id: ColId::Named(id.id()),
        name: String::new(),
        aliases: Vec::new(),
        values: Vec::new(),
        ty,
        required,
        feeds: &[],
        note: String::new(),
    }
}

pub(super) fn req<C: Col>(id: C, ty: Ty) -> Column {
    col(id, ty, true)
}

pub(super) fn opt<C: Col>(id: C, ty: Ty) -> Column {
    col(id, ty, false)
}

pub(super) fn choice(v: &[&str]) -> Ty {
    Ty::Choice(strs(v))
}

pub(super) fn unit<C: Col>(id: C) -> Column {
    req(id, Ty::Unit)
}

/// A required column whose values feed `feeds` (and identify no row): a sheet without it is read and
/// those figures are 无法统计.
pub(super) fn feeding<C: Col>(id: C, ty: Ty, feeds: &'static [Feed]) -> Column {
    Column {
        feeds,
        ..req(id, ty)
    }
}
