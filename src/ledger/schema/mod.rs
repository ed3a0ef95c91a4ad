//! One declaration per ledger kind: its canonical columns, the header wordings villages use for them,
//! each column's type, whether it is required and its allowed values. Recognition, parsing, the blank
//! templates and the README's table of columns are all driven from here, so they cannot disagree.
//!
//! Some allowed values (dispute types and statuses, questionnaire questions) come from the plan, so the
//! declarations are built once per run from the plan in force.
//!
//! `kinds` names everything the code refers to (the kinds, one column enum per kind, the fixed
//! choice lists); `declare`, `office`, `outreach` and `work` hold the declarations themselves
//! (types, required, allowed values); `words` reads their wording (the Chinese names, aliases,
//! value synonyms) from `templates/ledgers.toml` and the plan's `[words]`; `markdown` draws the
//! README's table from them.

mod build;
mod declare;
mod kinds;
mod markdown;
mod office;
mod outreach;
mod words;
mod work;

pub use crate::ledger::header::Lexicon;
pub use kinds::*;
pub use words::{ColWords, KindWords, Words, DEFAULT_WORDS};

#[derive(Debug, Clone)]
pub struct Column {
    /// Which column this is (what the code names it by).
    pub id: ColId,
    /// Canonical header, as written in the blank template.
    pub name: String,
    /// Other wordings accepted (the canonical name is always accepted too).
    pub aliases: Vec<String>,
    /// Other words for the allowed values, as (`alias_key` of the word, allowed value): the
    /// column's own first, then the shared synonyms (only those naming one of its values).
    pub values: Vec<(String, String)>,
    pub ty: Ty,
    pub required: bool,
    /// The figures this column's values feed (declared beside the column). A required column that
    /// feeds figures may be missing from a sheet: the sheet is read and those figures are 无法统计;
    /// one that feeds none identifies a row and a sheet without it is refused.
    pub feeds: &'static [Feed],
    /// A note shown in the template's 填表说明.
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub kind: Kind,
    pub columns: Vec<Column>,
    /// Index of the unit column, if the kind has one. A sheet without it takes its unit from the title row,
    /// sheet name or file name.
    pub unit_col: Option<usize>,
    /// At least this many columns besides the unit column must be found for a header row to count as
    /// this kind (and every required one).
    pub min_columns: usize,
    /// Position in `columns` of each named column (`Col::id` order).
    index: Vec<usize>,
    /// Position of questionnaire question 1 (questions are consecutive), for the 问卷.
    first_question: Option<usize>,
}

impl Column {
    /// Required, and a row means something without it: a sheet missing it is read, its `feeds`
    /// 无法统计.
    pub fn degrades(&self) -> bool {
        self.required && !self.feeds.is_empty()
    }

    /// Required and a row means nothing without it.
    pub fn identifies(&self) -> bool {
        self.required && self.feeds.is_empty()
    }
}

impl Spec {
    /// The declaration of `kind` from its columns; `C` names them. Every variant of `C` must be
    /// declared exactly once (checked here, so a declaration that forgets one fails every test).
    fn declare<C: Col>(columns: Vec<Column>, min_columns: usize) -> Spec {
        let mut index = vec![usize::MAX; C::COUNT];
        for (i, c) in columns.iter().enumerate() {
            if let ColId::Named(id) = c.id {
                assert_eq!(
                    index[id as usize],
                    usize::MAX,
                    "{:?}: {} declared twice",
                    C::KIND,
                    c.name
                );
                index[id as usize] = i;
            }
        }
        assert!(
            index.iter().all(|&i| i != usize::MAX),
            "{:?}: a column is not declared",
            C::KIND
        );
        Spec {
            kind: C::KIND,
            unit_col: columns.iter().position(|c| c.ty == Ty::Unit),
            first_question: columns
                .iter()
                .position(|c| matches!(c.id, ColId::Question(_))),
            columns,
            min_columns,
            index,
        }
    }

    /// The position of column `c` in this kind's columns (and in every parsed row's values).
    pub fn col<C: Col>(&self, c: C) -> usize {
        debug_assert_eq!(self.kind, C::KIND);
        self.index[c.id() as usize]
    }

    /// The position of questionnaire question `n` (1-based, plan order), for the 问卷.
    pub fn question(&self, n: usize) -> usize {
        self.first_question.expect("only the 问卷 has questions") + n - 1
    }
}

/// Every ledger kind's declaration, in `Kind::ALL` order, and the word parts headers are split into.
#[derive(Debug, Clone)]
pub struct Specs(pub Vec<Spec>, pub Lexicon);

impl Specs {
    pub fn get(&self, kind: Kind) -> &Spec {
        &self.0[Kind::ALL.iter().position(|k| *k == kind).unwrap()]
    }

    /// The position of column `c` in its kind's rows.
    pub fn col<C: Col>(&self, c: C) -> usize {
        self.get(C::KIND).col(c)
    }
}
