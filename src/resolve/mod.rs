//! Resolve: from every sheet's typed rows to one dataset the later stages can trust. In: the inbox
//! folder, the plan and the ledger specs; each file is opened, recognised and parsed (`read`, calling
//! ingest and ledger). Out: a `Dataset` (`dataset`) — the register built from the office's 村居名册
//! (`register`), each row's unit (`matching`, `units`), rows sent twice counted once (`dedup`), the
//! counted rows typed into records (`load`), the cut-off applied (`asof`), and the cross-row checks
//! (`validate`, `consistency`) added to its diagnostics.

pub mod asof;
pub mod consistency;
pub mod dataset;
mod dedup;
pub mod load;
mod matching;
mod read;
mod register;
pub mod units;
pub mod validate;
