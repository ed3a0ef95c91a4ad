//! Workbooks this tool wrote (周通报, 月度督导, 退回修改清单) carry a custom document property, so a
//! report saved back into the inbox is recognised and not read as a ledger: its 督查记录, 整改跟踪 or
//! 矛盾纠纷 sheets would otherwise change the next run's figures. Blank templates are not marked (the
//! villages fill them in and send them back as their ledgers).

use std::io::{Cursor, Read};
use zip::ZipArchive;

/// The custom property's name (`docProps/custom.xml`); its value is the report's title.
pub const PROPERTY: &str = "shuangti";

/// docProps/custom.xml is a few hundred bytes; a larger one is read no further than this.
const MAX_CUSTOM_XML: u64 = 1 << 20;

/// The title of the report an xlsx's bytes are, when this tool wrote it.
pub fn report_title(bytes: &[u8]) -> Option<String> {
    report_title_in(&mut ZipArchive::new(Cursor::new(bytes)).ok()?)
}

/// [`report_title`] of an xlsx already opened as a zip archive.
pub fn report_title_in(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Option<String> {
    let entry = zip.by_name("docProps/custom.xml").ok()?;
    let mut xml = String::new();
    entry.take(MAX_CUSTOM_XML).read_to_string(&mut xml).ok()?;
    let at = xml.find(&format!("name=\"{PROPERTY}\""))?;
    let rest = &xml[at..];
    // <property … name="shuangti"><vt:lpwstr>周通报</vt:lpwstr></property>
    let end = rest.find("</property>").unwrap_or(rest.len());
    let body = &rest[..end];
    let title = body
        .find("<vt:lpwstr>")
        .map(|i| &body[i + "<vt:lpwstr>".len()..])
        .and_then(|v| v.find('<').map(|j| &v[..j]))
        .unwrap_or("");
    Some(unescape(title))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook(props: rust_xlsxwriter::DocProperties) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.set_properties(&props);
        wb.add_worksheet();
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn a_marked_workbook_gives_its_title_and_others_nothing() {
        let marked = rust_xlsxwriter::DocProperties::new()
            .set_title("周通报")
            .set_custom_property("其他", "x")
            .set_custom_property(PROPERTY, "周通报 & 附表");
        assert_eq!(
            report_title(&workbook(marked)).as_deref(),
            Some("周通报 & 附表")
        );
        let plain = rust_xlsxwriter::DocProperties::new().set_title("周通报");
        assert_eq!(report_title(&workbook(plain)), None);
        assert_eq!(report_title(b"not a zip"), None);
    }
}
