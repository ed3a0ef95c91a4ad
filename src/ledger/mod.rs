//! Ledgers: the declarations of every kind, recognising a sheet's header, and reading its rows.

pub mod schema;
