//! shuangti: reads the villages' ledgers for the 2021 “双提升” campaign, checks them against the plan and
//! writes the weekly notice and the monthly supervision workbook.
//!
//! The pipeline: scan → open → recognise → parse → resolve → rules → figures → render.

pub mod app;
pub mod asof;
pub mod assess;
pub mod calendar;
pub mod cells;
pub mod check;
pub mod cli;
pub mod commands;
pub mod consistency;
pub mod diag;
pub mod figures;
pub mod fxhash;
pub mod ingest;
pub mod ledger;
pub mod load;
pub mod monthly;
pub mod plan;
pub mod report;
pub mod rules;
pub mod score;
pub mod suggest;
pub mod summary;
pub mod survey;
pub mod text;
pub mod units;
pub mod validate;
pub mod weekly;
