//! The report-writing commands: `template`, `weekly`, `monthly`.

use crate::app::Fail;
use crate::cli::{MonthlyArgs, TemplateArgs, WeeklyArgs};
use crate::plan::Plan;

pub fn template(_plan: &Plan, _args: TemplateArgs) -> Result<i32, Fail> {
    Err(Fail::usage("template: pending merge"))
}

pub fn weekly(_plan: &Plan, _args: WeeklyArgs) -> Result<i32, Fail> {
    Err(Fail::usage("weekly: pending"))
}

pub fn monthly(_plan: &Plan, _args: MonthlyArgs) -> Result<i32, Fail> {
    Err(Fail::usage("monthly: pending"))
}
