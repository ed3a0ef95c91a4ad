//! Merged areas of an xlsx's worksheets, found without a second XML parse. calamine's
//! `merge_cells_by_sheet_name` runs its XML reader over the whole sheet again (≈ 40 % of reading the
//! sheet); here the sheet is only decompressed and the `<mergeCell ref=…>` elements after `</sheetData>`
//! are picked out by a byte search. Anything unexpected returns `None` and the caller uses calamine.

use std::io::{Cursor, Read, Write};

use calamine::Dimensions;
use zip::write::{SimpleFileOptions, ZipWriter};
use zip::{CompressionMethod, ZipArchive};

/// Sheet XML larger than this is left to calamine's streaming reader rather than held in memory.
const MAX_SHEET_XML: u64 = 32 << 20;

/// One list of merged areas per sheet, in workbook order, when `sheets` sheets are found.
pub fn xlsx_merges(bytes: &[u8], sheets: usize) -> Option<Vec<Vec<Dimensions>>> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let (paths, _) = sheet_paths(&mut zip)?;
    if paths.len() != sheets {
        return None;
    }
    paths
        .iter()
        .map(|path| Some(merges_in(&read_entry(&mut zip, path)?)))
        .collect()
}

/// An xlsx whose worksheets were inflated once, here: `bytes` is a copy of the file with those
/// worksheets (and the workbook part, its relationships and the entries the caller read) stored
/// uncompressed (every other entry copied as it is), so calamine reads their text without inflating
/// it again; `merges` are each worksheet's merged areas (workbook order), found in
/// the same inflated text.
pub struct Inflated {
    pub bytes: Vec<u8>,
    pub merges: Vec<Vec<Dimensions>>,
    /// Each worksheet's cells that hold a formula with no calculated value saved.
    pub uncalculated: Vec<Vec<(u32, u32)>>,
}

/// Worksheets inflated together past this are left to be inflated twice rather than held at once.
const MAX_INFLATED: usize = 64 << 20;

/// [`Inflated`], or `None` when anything is unexpected (the caller then reads the file as it is and
/// finds merges with [`xlsx_merges`]). `zip` is the archive of the file's `bytes`; the entries in
/// `replaced` are written (stored) with the text given.
pub fn inflate_once(
    bytes: &[u8],
    mut zip: ZipArchive<Cursor<&[u8]>>,
    replaced: &[(String, Vec<u8>)],
) -> Option<Inflated> {
    let (paths, mut texts) = sheet_paths(&mut zip)?;
    let mut total = 0;
    for path in &paths {
        if texts.iter().any(|(p, _)| p == path) {
            continue;
        }
        let xml = read_entry(&mut zip, path)?;
        total += xml.len();
        if total > MAX_INFLATED {
            return None;
        }
        texts.push((path.clone(), xml));
    }
    let merges = paths
        .iter()
        .map(|p| {
            let (_, xml) = texts.iter().find(|(q, _)| q == p)?;
            Some(merges_in(xml))
        })
        .collect::<Option<Vec<_>>>()?;
    let uncalculated = paths
        .iter()
        .map(|p| {
            let (_, xml) = texts.iter().find(|(q, _)| q == p)?;
            Some(uncalculated_in(xml))
        })
        .collect::<Option<Vec<_>>>()?;
    let styles =
        read_entry(&mut zip, STYLES).and_then(|x| crate::ingest::xlsx_fix::number_styles(&x));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    // (room for every stored text, so the copy is never moved while it is written)
    let texts_len: usize = replaced
        .iter()
        .chain(texts.iter())
        .map(|(_, t)| t.len())
        .sum::<usize>()
        + styles.as_ref().map_or(0, Vec::len);
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() + texts_len)));
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).ok()?;
        let name = entry.name().ok()?.into_owned();
        let text = replaced
            .iter()
            .chain(texts.iter())
            .find(|(p, _)| *p == name)
            .map(|(_, t)| t);
        // (the theme only colours styles calamine need not build: see `number_styles`)
        if name == THEME && styles.is_some() {
            continue;
        }
        match text {
            Some(text) => {
                drop(entry);
                out.start_file(name, stored).ok()?;
                out.write_all(text).ok()?;
            }
            None if name == STYLES && styles.is_some() => {
                drop(entry);
                out.start_file(name, stored).ok()?;
                out.write_all(styles.as_deref()?).ok()?;
            }
            None => out.raw_copy_file(entry).ok()?,
        }
    }
    let bytes = out.finish().ok()?.into_inner();
    Some(Inflated {
        bytes,
        merges,
        uncalculated,
    })
}

const WORKBOOK: &str = "xl/workbook.xml";
const WORKBOOK_RELS: &str = "xl/_rels/workbook.xml.rels";
const STYLES: &str = "xl/styles.xml";
const THEME: &str = "xl/theme/theme1.xml";

/// A zip entry's path and inflated text.
type Part = (String, Vec<u8>);

/// The zip paths of the worksheets, in workbook order; and the texts of the two parts read for them.
fn sheet_paths(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Option<(Vec<String>, Vec<Part>)> {
    let workbook = read_entry(zip, WORKBOOK)?;
    let rels = read_entry(zip, WORKBOOK_RELS)?;
    let paths = worksheet_targets(&workbook, &rels)?;
    Some((
        paths,
        vec![(WORKBOOK.into(), workbook), (WORKBOOK_RELS.into(), rels)],
    ))
}

fn worksheet_targets(workbook: &[u8], rels: &[u8]) -> Option<Vec<String>> {
    let ids: Vec<&[u8]> = elements(workbook, b"sheet")
        .map(|e| attr(e, b"id"))
        .collect::<Option<_>>()?;
    let rels: Vec<(&[u8], &[u8])> = elements(rels, b"Relationship")
        .filter_map(|e| Some((attr(e, b"Id")?, attr(e, b"Target")?)))
        .collect();
    ids.iter()
        .map(|id| {
            let (_, target) = rels.iter().find(|(i, _)| i == id)?;
            let target = std::str::from_utf8(target).ok()?;
            Some(match target.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("xl/{target}"),
            })
        })
        .collect()
}

fn read_entry(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let f = zip.by_name(name).ok()?;
    if f.size() > MAX_SHEET_XML {
        return None;
    }
    let mut buf = Vec::with_capacity(f.size() as usize);
    // (a zip can lie about the size: never more than the limit is inflated)
    f.take(MAX_SHEET_XML + 1).read_to_end(&mut buf).ok()?;
    (buf.len() as u64 <= MAX_SHEET_XML).then_some(buf)
}

/// The merged areas listed after the sheet's cells.
fn merges_in(xml: &[u8]) -> Vec<Dimensions> {
    let tail = match rfind(xml, b"sheetData>") {
        Some(i) => &xml[i..],
        None => xml,
    };
    elements(tail, b"mergeCell")
        .filter_map(|e| parse_area(attr(e, b"ref")?))
        .collect()
}

/// The cells (`<c r="…">`) whose content has a formula (`<f>`) but no value (`<v>` with text): a
/// workbook written by a program and never calculated. calamine reads them as empty.
fn uncalculated_in(xml: &[u8]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    if find(xml, b"<f").is_none() {
        return out;
    }
    let mut rest = xml;
    while let Some(i) = find(rest, b"<c") {
        rest = &rest[i + 2..];
        if !rest
            .first()
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>')
        {
            continue;
        }
        let Some(end) = memchr::memchr(b'>', rest) else {
            break;
        };
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.ends_with(b"/") {
            continue;
        }
        let close = find(rest, b"</c>").unwrap_or(rest.len());
        let content = &rest[..close];
        let has_formula = find(content, b"<f").is_some();
        let has_value = find(content, b"<v>").is_some_and(|v| content.get(v + 3) != Some(&b'<'))
            || find(content, b"<is>").is_some();
        if has_formula && !has_value {
            if let Some(at) = attr(tag, b"r")
                .and_then(|r| std::str::from_utf8(r).ok())
                .and_then(parse_cell)
            {
                out.push(at);
            }
        }
        rest = &rest[close..];
    }
    out
}

/// The first `needle` in `hay` (memchr's SIMD search: these scans run over every sheet's text).
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// The attribute text of every element whose local name is `name` (`<name …>` or `<x:name …>`).
fn elements<'a>(xml: &'a [u8], name: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut rest = xml;
    std::iter::from_fn(move || loop {
        let lt = memchr::memchr(b'<', rest)?;
        rest = &rest[lt + 1..];
        let end = memchr::memchr(b'>', rest)?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let qname_len = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(tag.len());
        let qname = &tag[..qname_len];
        let local = match qname.iter().rposition(|&b| b == b':') {
            Some(i) => &qname[i + 1..],
            None => qname,
        };
        if local == name {
            return Some(&tag[qname_len..]);
        }
    })
}

/// The value of the attribute whose local name is `name` (so `r:id` matches `id`).
fn attr<'a>(attrs: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut rest = attrs;
    loop {
        let eq = rest.iter().position(|&b| b == b'=')?;
        let key = rest[..eq].trim_ascii();
        let key = match key.iter().rposition(|&b| b == b':') {
            Some(i) => &key[i + 1..],
            None => key,
        };
        let after = rest[eq + 1..].trim_ascii_start();
        let quote = *after.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let len = after[1..].iter().position(|&b| b == quote)?;
        if key == name {
            return Some(&after[1..1 + len]);
        }
        rest = &after[len + 2..];
    }
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(hay, needle)
}

/// `A1:F1` (or a single `B3`) as 0-based inclusive `Dimensions`.
fn parse_area(r: &[u8]) -> Option<Dimensions> {
    let s = std::str::from_utf8(r).ok()?;
    let (a, b) = s.split_once(':').unwrap_or((s, s));
    Some(Dimensions::new(parse_cell(a)?, parse_cell(b)?))
}

fn parse_cell(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().trim_start_matches('$');
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = s.split_at(split);
    let letters = letters.trim_end_matches('$');
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col = 0u32;
    for b in letters.bytes() {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        col = col * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32;
    }
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_merge_refs_after_sheet_data_only() {
        let xml = br#"<worksheet><sheetData><row><c r="A1" t="inlineStr"><is><t>&lt;mergeCell ref="Z9:Z10"/&gt;</t></is></c></row></sheetData>
            <mergeCells count="2"><mergeCell ref="A1:F1"/><x:mergeCell ref='D3:E3'/><mergeCell ref="B7"/></mergeCells></worksheet>"#;
        let got = merges_in(xml);
        assert_eq!(
            got,
            [
                Dimensions::new((0, 0), (0, 5)),
                Dimensions::new((2, 3), (2, 4)),
                Dimensions::new((6, 1), (6, 1)),
            ]
        );
    }

    #[test]
    fn a_formula_without_a_saved_value_is_found() {
        let xml = br#"<sheetData><row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>A2&amp;"x"</f></c><c r="C2"><f>1</f><v></v></c><c r="D2" s="1"/><c r="E2"><v>5</v></c></row></sheetData>"#;
        assert_eq!(uncalculated_in(xml), [(1, 1), (1, 2)]);
    }

    #[test]
    fn cell_refs() {
        assert_eq!(parse_cell("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(parse_cell("$B$3"), Some((2, 1)));
        assert_eq!(parse_cell("A0"), None);
    }

    /// calamine reads the copy with stored worksheets exactly as it reads the file, and the merges
    /// found along the way are calamine's own: every xlsx of the fixtures and samples.
    #[test]
    fn the_stored_copy_reads_the_same_as_the_file() {
        use calamine::{Reader, Xlsx};
        fn xlsx_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    xlsx_files(&p, out);
                } else if p.extension().is_some_and(|x| x == "xlsx") {
                    out.push(p);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        xlsx_files(&root.join("tests/fixtures"), &mut files);
        xlsx_files(&root.join("samples/inbox"), &mut files);
        let mut taken = 0;
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            let Ok(mut orig) = Xlsx::new(Cursor::new(&bytes[..])) else {
                continue;
            };
            let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
            // (the shared strings stored in the copy too, as the loader does when they need no fix)
            let sst = crate::ingest::xlsx_fix::fix_shared_strings(&mut zip);
            if sst.rewritten.is_some() {
                continue;
            }
            let stored: Vec<_> = sst.as_is.into_iter().collect();
            let Some(inflated) = inflate_once(&bytes, zip, &stored) else {
                continue;
            };
            taken += 1;
            let mut copy = Xlsx::new(Cursor::new(&inflated.bytes[..])).expect("copy opens");
            let meta = orig.sheets_metadata().to_vec();
            assert_eq!(copy.sheets_metadata(), &meta[..], "{}", path.display());
            assert_eq!(inflated.merges.len(), meta.len());
            // (streamed and capped like the loader: some fixtures declare absurd sizes)
            fn cells(wb: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Vec<String>, String> {
                let mut r = wb.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                let mut out = vec![format!("{:?}", r.dimensions())];
                while let Some(c) = r.next_cell().map_err(|e| e.to_string())? {
                    out.push(format!("{:?} {:?}", c.get_position(), c.get_value()));
                    if out.len() > 100_000 {
                        break;
                    }
                }
                Ok(out)
            }
            for (i, m) in meta.iter().enumerate() {
                let a = cells(&mut orig, &m.name);
                let b = cells(&mut copy, &m.name);
                assert_eq!(a, b, "{} › {}", path.display(), m.name);
                let mut want = orig.merge_cells_by_sheet_name(&m.name).unwrap_or_default();
                let mut got = inflated.merges[i].clone();
                want.sort_by_key(|d| (d.start, d.end));
                got.sort_by_key(|d| (d.start, d.end));
                assert_eq!(got, want, "{} › {}", path.display(), m.name);
            }
        }
        assert!(
            taken >= 10,
            "only {taken} of {} files took the copy",
            files.len()
        );
    }

    #[test]
    fn agrees_with_calamine_on_the_ledger_fixture() {
        use calamine::{Reader, Xlsx};
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/ingest/ledger.xlsx"
        );
        let bytes = std::fs::read(path).unwrap();
        let fast = xlsx_merges(&bytes, 2).expect("fast path taken");
        let mut wb = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
        for (i, m) in wb.sheets_metadata().to_vec().iter().enumerate() {
            let mut want = wb.merge_cells_by_sheet_name(&m.name).unwrap();
            let mut got = fast[i].clone();
            want.sort_by_key(|d| (d.start, d.end));
            got.sort_by_key(|d| (d.start, d.end));
            assert_eq!(got, want, "{}", m.name);
        }
        assert_eq!(fast[0].len(), 6);
    }
}
