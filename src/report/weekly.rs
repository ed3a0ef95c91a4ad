//! The weekly notice workbook (一周一通报). PLACEHOLDER: being written.

use crate::weekly::Notice;
use rust_xlsxwriter::{Workbook, XlsxError};

pub fn build(n: &Notice) -> Result<Workbook, XlsxError> {
    let mut wb = crate::report::style::new_workbook(n.date, &n.plan.town.office, "周通报");
    wb.add_worksheet().set_name("通报")?;
    Ok(wb)
}
