//! The monthly supervision (一月一督导 / 一月一调度). PLACEHOLDER: being written.

use crate::app::Fail;
use crate::cli::MonthlyArgs;
use crate::plan::Plan;

pub fn run(_plan: &Plan, _args: MonthlyArgs) -> Result<i32, Fail> {
    Err(Fail::usage("月度督导表尚在开发中"))
}
