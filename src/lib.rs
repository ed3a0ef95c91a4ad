//! shuangti: reads the villages' ledgers for the 2021 “双提升” campaign, checks them against the plan and
//! writes the weekly notice and the monthly supervision workbook.
//!
//! The pipeline, one folder per stage: `ingest` (files → grids) → `ledger` (grids → typed rows) →
//! `resolve` (rows → one dataset) → `rules` (findings) → `figures` (what a notice says) → `report`
//! (terminal, JSON, workbooks). `plan` and `text` serve every stage; `cli` turns flags into a run.

pub mod cli;
pub mod diag;
pub mod figures;
pub mod ingest;
pub mod ledger;
pub mod plan;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod text;
