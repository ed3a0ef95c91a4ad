//! Ledgers: from one sheet's grid to typed rows. What comes in is a sheet as `ingest` opened it (a
//! grid of calamine cells in Excel coordinates, merged cells filled). `header` finds the header row
//! and recognises which ledger kind the sheet is, by the declarations in `schema` (one per kind:
//! columns, the wordings villages use for them, types, allowed values); `parse` reads every data
//! row, each cell by its column's type (`cells` for dates, counts, yes/no, phones; `answers` for
//! questionnaire answers). What goes out is the recognised kind and its rows of typed `value`s, with
//! a diagnostic at the exact cell (file, sheet, `B7`) for everything that cannot be read; once the
//! unit of each row is known, `records` turns the rows into one typed record per kind.

pub mod answers;
pub mod cells;
pub mod header;
pub mod layouts;
pub mod parse;
pub mod records;
pub mod schema;
pub mod tally;
pub mod value;
