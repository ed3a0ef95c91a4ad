//! shuangti: reads the villages' ledgers for the 2021 “双提升” campaign, checks them against the plan and
//! writes the weekly notice and the monthly supervision workbook.
//!
//! The pipeline: scan → open → recognise → parse → resolve → rules → figures → render.

pub mod calendar;
pub mod cells;
pub mod diag;
pub mod ingest;
pub mod ledger;
pub mod plan;
pub mod report;
pub mod text;
