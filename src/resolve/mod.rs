//! Resolve: from every sheet's typed rows to one dataset the later stages can trust. In: the parsed
//! sheets of every readable file. Out: a `Dataset` — the register and each row's unit, duplicates and
//! resends counted once (`load`, `units`), the cut-off applied (`asof`), and the cross-row checks
//! (`validate`, `consistency`) added to its diagnostics.

pub mod asof;
pub mod consistency;
pub mod load;
pub mod units;
pub mod validate;
