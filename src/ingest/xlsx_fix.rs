//! Parts of an xlsx rewritten before calamine reads them, where one edited number or character would
//! otherwise cost the whole workbook or the whole run:
//!
//! - `<sst uniqueCount="4294967295">`: calamine reserves that many strings up front (`xlsx/mod.rs`,
//!   `read_shared_strings`), ≈ 100 GB, and the allocation failure aborts the process. The declared
//!   count is replaced by the number of `<si>` entries actually there (and a table with more entries
//!   than [`MAX_SHARED_STRINGS`] is refused).
//! - A character reference to no character (`&#xD800;`, a lone surrogate, or `&#0;`) makes calamine's
//!   XML reader fail the whole shared-string table, and so the workbook. It is replaced by U+FFFD and
//!   the rest is kept, with a note. Bytes that are not UTF-8 are replaced the same way.

use std::io::{Cursor, Read, Write};

use zip::write::{SimpleFileOptions, ZipWriter};
use zip::{CompressionMethod, ZipArchive};

use super::budget::{MAX_INFLATED, MAX_SHARED_STRINGS};

/// What became of the shared-string table.
#[derive(Debug, Default)]
pub struct SstFix {
    /// The zip path and rewritten text of the table, when it needed rewriting.
    pub rewritten: Option<(String, Vec<u8>)>,
    /// Characters replaced by U+FFFD.
    pub replaced: usize,
    /// Entries in the table, when more than the budget allows.
    pub too_many: Option<u64>,
    /// The table inflates past the budget (its zip entry lied about its size).
    pub too_big: bool,
    /// The zip path and inflated text of the table as it is, when it was read and needed no rewriting
    /// (so the copy calamine reads can hold it stored, not inflated a second time).
    pub as_is: Option<(String, Vec<u8>)>,
}

/// Checks (and if needed rewrites) the shared-string table of the xlsx opened as `zip`.
pub fn fix_shared_strings(zip: &mut ZipArchive<Cursor<&[u8]>>) -> SstFix {
    let mut fix = SstFix::default();
    let Some(name) = zip
        .file_names()
        .filter_map(Result::ok)
        .find(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .map(|n| n.into_owned())
    else {
        return fix;
    };
    let Some(xml) = read_entry(zip, &name) else {
        return fix;
    };
    if xml.len() as u64 > MAX_INFLATED {
        fix.too_big = true;
        return fix;
    }
    let count = count_si(&xml);
    if count > MAX_SHARED_STRINGS {
        fix.too_many = Some(count);
        return fix;
    }
    let (mut text, replaced) = fix_char_refs(&xml);
    fix.replaced = replaced;
    let declared_too_many = declared_count(&text).is_some_and(|d| d > count);
    if declared_too_many {
        text = set_unique_count(&text, count);
    }
    if replaced > 0 || declared_too_many {
        fix.rewritten = Some((name, text.into_owned()));
    } else {
        drop(text);
        fix.as_is = Some((name, xml));
    }
    fix
}

/// A copy of the zip with the named entries replaced (stored), everything else copied raw.
pub fn replace_entries(bytes: &[u8], replaced: &[(String, Vec<u8>)]) -> Option<Vec<u8>> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).ok()?;
        let name = entry.name().ok()?.into_owned();
        match replaced.iter().find(|(p, _)| *p == name) {
            Some((_, text)) => {
                drop(entry);
                out.start_file(name, stored).ok()?;
                out.write_all(text).ok()?;
            }
            None => out.raw_copy_file(entry).ok()?,
        }
    }
    Some(out.finish().ok()?.into_inner())
}

fn read_entry(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let f = zip.by_name(name).ok()?;
    let mut buf = Vec::with_capacity(f.size().min(MAX_INFLATED) as usize);
    // Never more than one byte past the budget, whatever the entry claims.
    f.take(MAX_INFLATED + 1).read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// `<si>` / `<si …>` / `<x:si>` start tags.
fn count_si(xml: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &xml[i..]) {
        let at = i + lt + 1;
        let rest = &xml[at..];
        let name_len = rest
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        if name == b"si" || name.ends_with(b":si") {
            n += 1;
        }
        i = at;
    }
    n
}

/// The `uniqueCount` declared on the `<sst>` start tag.
fn declared_count(xml: &[u8]) -> Option<u64> {
    let (start, end) = sst_tag(xml)?;
    let tag = &xml[start..end];
    let i = find(tag, b"uniqueCount=")? + b"uniqueCount=".len();
    let v = tag.get(i + 1..)?;
    let digits = v.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    Some(v[..digits].iter().fold(0u64, |n, &d| {
        n.saturating_mul(10).saturating_add((d - b'0') as u64)
    }))
}

/// The `uniqueCount` attribute's value set to `count`.
fn set_unique_count(xml: &[u8], count: u64) -> std::borrow::Cow<'static, [u8]> {
    let Some((start, end)) = sst_tag(xml) else {
        return xml.to_vec().into();
    };
    let tag = &xml[start..end];
    let Some(i) = find(tag, b"uniqueCount=") else {
        return xml.to_vec().into();
    };
    let vstart = start + i + b"uniqueCount=".len() + 1;
    let Some(quote) = xml.get(vstart - 1).copied() else {
        return xml.to_vec().into();
    };
    let Some(len) = xml[vstart..end].iter().position(|&b| b == quote) else {
        return xml.to_vec().into();
    };
    let mut out = Vec::with_capacity(xml.len());
    out.extend_from_slice(&xml[..vstart]);
    out.extend_from_slice(count.to_string().as_bytes());
    out.extend_from_slice(&xml[vstart + len..]);
    out.into()
}

/// Offsets of the `<sst …>` (or `<x:sst …>`) start tag.
fn sst_tag(xml: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    loop {
        let lt = i + xml[i..].iter().position(|&b| b == b'<')?;
        let rest = &xml[lt + 1..];
        let n = rest
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
            .unwrap_or(rest.len());
        let name = &rest[..n];
        if name == b"sst" || name.ends_with(b":sst") {
            let end = lt + 1 + rest.iter().position(|&b| b == b'>')?;
            return Some((lt, end));
        }
        i = lt + 1;
    }
}

/// The text with character references to no character, and bytes that are not UTF-8, replaced by
/// U+FFFD; and how many were replaced.
pub fn fix_char_refs(xml: &[u8]) -> (std::borrow::Cow<'_, [u8]>, usize) {
    let mut replaced = 0;
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = find(&xml[i..], b"&#") {
        let start = i + at;
        let body = &xml[start + 2..];
        let (hex, digits) = match body.first() {
            Some(b'x') | Some(b'X') => (true, &body[1..]),
            _ => (false, body),
        };
        let n = digits
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        let end = start + 2 + usize::from(hex) + n;
        i = start + 2;
        if n == 0 || xml.get(end) != Some(&b';') {
            continue;
        }
        let text = std::str::from_utf8(&digits[..n]).unwrap_or("");
        let value = u32::from_str_radix(text, if hex { 16 } else { 10 }).ok();
        if value.and_then(char::from_u32).is_some_and(|c| c != '\0') {
            continue;
        }
        let o = out.get_or_insert_with(|| Vec::with_capacity(xml.len()));
        o.extend_from_slice(&xml[copied..start]);
        o.extend_from_slice(b"&#xFFFD;");
        copied = end + 1;
        i = end + 1;
        replaced += 1;
    }
    let fixed: std::borrow::Cow<[u8]> = match out {
        None => xml.into(),
        Some(mut o) => {
            o.extend_from_slice(&xml[copied..]);
            o.into()
        }
    };
    let utf16 = fixed.starts_with(&[0xFF, 0xFE]) || fixed.starts_with(&[0xFE, 0xFF]);
    if !utf16 && std::str::from_utf8(&fixed).is_err() {
        let lossy = String::from_utf8_lossy(&fixed);
        let before = fixed
            .windows(3)
            .filter(|w| *w == "\u{FFFD}".as_bytes())
            .count();
        replaced += lossy
            .matches('\u{FFFD}')
            .count()
            .saturating_sub(before)
            .max(1);
        return (lossy.into_owned().into_bytes().into(), replaced);
    }
    (fixed, replaced)
}

/// The parts of `xl/styles.xml` calamine reads values by: the number formats and the cell formats
/// that point at them (a date is a number whose cell format is a date format). Fonts, fills,
/// borders and the theme only style cells, and calamine builds a style for every cell format from
/// them; the copy it reads holds just these two sections (as written), so a workbook's dates read
/// the same for less work. `None` when the text is not plainly laid out (a prefixed `<x:styleSheet>`,
/// sections missing or out of order): the styles are then copied as they are.
pub fn number_styles(xml: &[u8]) -> Option<Vec<u8>> {
    let root = find(xml, b"<styleSheet")?;
    let root_end = root + memchr::memchr(b'>', &xml[root..])? + 1;
    if xml[..root_end].ends_with(b"/>") {
        return None;
    }
    // A section's place in the text (where it starts, where it ends), if it is there.
    let section = |open: &[u8], close: &[u8]| -> Option<Option<(usize, usize)>> {
        let Some(start) = find(xml, open) else {
            return Some(None);
        };
        // (`<numFmts>` or `<numFmts count=…>`, not `<numFmtsX`)
        let next = *xml.get(start + open.len())?;
        if !(next == b'>' || next == b'/' || next.is_ascii_whitespace()) {
            return None;
        }
        let tag_end = start + memchr::memchr(b'>', &xml[start..])? + 1;
        if xml[..tag_end].ends_with(b"/>") {
            return Some(Some((start, tag_end)));
        }
        let end = start + find(&xml[start..], close)? + close.len();
        Some(Some((start, end)))
    };
    let formats = section(b"<numFmts", b"</numFmts>")?;
    let cells = section(b"<cellXfs", b"</cellXfs>")??;
    // (calamine reads the cell formats' number formats from the list read before them: a
    // workbook with the two the other way round is left as it is, to be read as it always was)
    if formats.is_some_and(|(start, _)| start > cells.0) {
        return None;
    }
    let formats = formats.map(|(a, b)| &xml[a..b]);
    let cells = &xml[cells.0..cells.1];
    let mut out = Vec::with_capacity(root_end + formats.map_or(0, <[u8]>::len) + cells.len() + 16);
    out.extend_from_slice(&xml[..root_end]);
    if let Some(f) = formats {
        out.extend_from_slice(f);
    }
    out.extend_from_slice(cells);
    out.extend_from_slice(b"</styleSheet>");
    Some(out)
}

/// The first `needle` in `hay` (memchr's SIMD search: these scans run over every sheet's text).
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_surrogate_reference_becomes_the_replacement_character() {
        let (out, n) = fix_char_refs(b"<t>a&#xD800;b&#55296;c&#x4E1C;&#0;&amp;#1;</t>");
        assert_eq!(n, 3);
        assert_eq!(
            &out[..],
            b"<t>a&#xFFFD;b&#xFFFD;c&#x4E1C;&#xFFFD;&amp;#1;</t>"
        );
        let (out, n) = fix_char_refs(b"<t>\xED\xA0\x80</t>");
        assert!(n >= 1);
        assert!(std::str::from_utf8(&out).is_ok());
        let (out, n) = fix_char_refs(b"<t>fine &#x4E1C;</t>");
        assert_eq!((n, matches!(out, std::borrow::Cow::Borrowed(_))), (0, true));
    }

    #[test]
    fn the_styles_calamine_reads_keep_number_and_cell_formats_only() {
        let xml = br#"<?xml version="1.0"?><styleSheet xmlns="m"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf></cellXfs><dxfs count="0"/></styleSheet>"#;
        let out = number_styles(xml).unwrap();
        assert_eq!(
            std::str::from_utf8(&out).unwrap(),
            r#"<?xml version="1.0"?><styleSheet xmlns="m"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf></cellXfs></styleSheet>"#
        );
        // (no custom number formats; a prefixed root is left alone)
        let plain = br#"<styleSheet><fonts/><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>"#;
        assert_eq!(
            number_styles(plain).unwrap(),
            br#"<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>"#
        );
        assert!(number_styles(br#"<x:styleSheet><x:cellXfs/></x:styleSheet>"#).is_none());
        assert!(number_styles(br#"<styleSheet><fonts/></styleSheet>"#).is_none());
        let reversed = br#"<styleSheet><cellXfs><xf numFmtId="164"/></cellXfs><numFmts><numFmt numFmtId="164" formatCode="yyyy"/></numFmts></styleSheet>"#;
        assert!(number_styles(reversed).is_none());
    }

    #[test]
    fn an_absurd_unique_count_is_replaced_by_the_real_count() {
        let xml = br#"<?xml version="1.0"?><sst xmlns="x" count="9" uniqueCount="4294967295"><si><t>a</t></si><si><r><t>b</t></r></si></sst>"#;
        assert_eq!(count_si(xml), 2);
        assert_eq!(declared_count(xml), Some(4294967295));
        let out = set_unique_count(xml, 2);
        assert_eq!(declared_count(&out), Some(2));
        assert!(String::from_utf8_lossy(&out).contains(r#"count="9" uniqueCount="2">"#));
    }
}
