//! Figures: what each notice says, computed from the resolved dataset. In: a `Dataset`, the plan and
//! a period. Out: the weekly `Notice` and the `Monthly` model — per unit counts (`counts`), survey rates
//! (`survey`), scores and grades (`score`, `assess`), suggestions (`suggest`) — that the renderers lay
//! out without looking at a record.

pub mod assess;
pub mod counts;
pub mod feedback;
pub mod lines;
pub mod monthly;
pub mod score;
pub mod suggest;
pub mod survey;
pub mod weekly;
