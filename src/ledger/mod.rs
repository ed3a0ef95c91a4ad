//! Ledgers: the declarations of every kind, recognising a sheet's header, and reading its rows.

pub mod answers;
pub mod cells;
pub mod header;
pub mod parse;
pub mod records;
pub mod schema;
pub mod value;
