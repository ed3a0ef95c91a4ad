//! Rendering: the house style and safe output every workbook shares, and the workbooks themselves.

pub mod output;
pub mod style;
pub mod template;
