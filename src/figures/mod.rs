//! Figures: what each report says, computed from the resolved dataset — the one stage that reads
//! records. In: a `Dataset`, the plan, the schema (for where a value sits) and a period. Out: the
//! weekly `Notice` (`weekly`) and the `Monthly` model (`monthly`): per unit counts (`counts`, the
//! town's totals in `counts::town`), survey rates (`survey`), scores and grades (`score`, `assess`),
//! suggestions (`suggest`), and the rows a notice lists with their sources already written as
//! `file › sheet › cell` (`lines`, the monthly supervision log's `CheckRow`); and the feedback lists'
//! document date (`feedback`). The renderers in `report` lay these out without looking at a record.

pub mod assess;
pub mod basis;
pub mod counts;
pub mod feedback;
pub mod lines;
pub mod monthly;
pub mod scope;
pub mod score;
pub mod suggest;
pub mod survey;
pub mod weekly;
