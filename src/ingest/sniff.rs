//! Telling a file's format from its bytes, never from its extension: villages rename files freely (an
//! xlsx saved as `.xls`, a WPS `.et`, a web page exported as `.xls`), and calamine's own choice by
//! extension never falls back. Zip archives are also measured here, from their central directory only,
//! so a zip bomb is refused before anything is decompressed.

use std::io::Cursor;

use zip::ZipArchive;

/// A spreadsheet format calamine can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    Xlsb,
}

impl Format {
    /// The name a clerk knows the format by.
    pub fn label(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Xlsb => "xlsb",
        }
    }

    /// Whether a file extension (lower case, no dot) is a usual one for this format.
    pub fn matches_extension(self, ext: &str) -> bool {
        match self {
            Format::Xlsx => matches!(ext, "xlsx" | "xlsm" | "xltx" | "xltm"),
            Format::Xls => matches!(ext, "xls" | "xlt" | "et" | "ett"),
            Format::Ods => matches!(ext, "ods" | "ots"),
            Format::Xlsb => ext == "xlsb",
        }
    }
}

/// Total uncompressed size of a zip above which it is refused (see `budget`).
pub const MAX_ZIP_UNCOMPRESSED: u64 = super::budget::MAX_INFLATED;
/// An entry bigger than `RATIO_MIN_SIZE` that expands more than `MAX_ZIP_RATIO` times is a bomb:
/// real worksheet XML compresses about 10–30×, rarely past 100×.
pub const MAX_ZIP_RATIO: u64 = 1000;
pub const RATIO_MIN_SIZE: u64 = 64 << 20;

/// What the bytes of a file are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    Spreadsheet(Format),
    /// An OLE container holding an `EncryptedPackage`: a password-protected xlsx.
    Encrypted,
    Empty,
    /// Starts like a zip or OLE file but its structure cannot be read (usually cut off in transfer).
    Corrupt(String),
    /// A zip that would expand past the limits.
    ZipBomb {
        uncompressed: u64,
    },
    /// A web page or XML file, often what a system exports under an `.xls` name.
    WebPageOrXml,
    /// Anything else; the text names what it looks like.
    Other(&'static str),
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY_MAGIC: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether a file starting with `head` is a container (zip or OLE) that must be read whole to be told
/// apart; anything else is told from its first [`HEAD`] bytes alone.
pub fn is_container(head: &[u8]) -> bool {
    head.starts_with(ZIP_MAGIC) || head.starts_with(ZIP_EMPTY_MAGIC) || head.starts_with(OLE_MAGIC)
}

/// How many first bytes tell a file that is not a container.
pub const HEAD: usize = 512;

/// Tells the format of a whole file's bytes (or, for a non-container, of its first [`HEAD`] bytes).
pub fn sniff(bytes: &[u8]) -> Sniffed {
    sniff_keeping(bytes).0
}

/// A zip file's archive as read by [`sniff`].
pub type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// [`sniff`], and for a zip its archive (its directory read once: the reader goes on with it).
pub fn sniff_keeping(bytes: &[u8]) -> (Sniffed, Option<Zip<'_>>) {
    if bytes.is_empty() {
        return (Sniffed::Empty, None);
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(ZIP_EMPTY_MAGIC) {
        let mut zip = match ZipArchive::new(Cursor::new(bytes)) {
            Ok(z) => z,
            Err(e) => return (Sniffed::Corrupt(format!("zip: {e}")), None),
        };
        return (sniff_zip(&mut zip), Some(zip));
    }
    (sniff_container_or_other(bytes), None)
}

fn sniff_container_or_other(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(OLE_MAGIC) {
        return sniff_ole(bytes);
    }
    sniff_other(bytes)
}

fn sniff_zip(zip: &mut Zip) -> Sniffed {
    let (mut total, mut xlsx, mut xlsb, mut ods_content) = (0u64, false, false, false);
    let (mut word, mut ppt, mut mimetype) = (false, false, None);
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_data(i) else {
            return Sniffed::Corrupt(format!("zip entry {i}"));
        };
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if total > MAX_ZIP_UNCOMPRESSED
            || (size > RATIO_MIN_SIZE && size / packed.max(1) > MAX_ZIP_RATIO)
        {
            return Sniffed::ZipBomb {
                uncompressed: total,
            };
        }
        match entry.name_raw() {
            b"xl/workbook.xml" => xlsx = true,
            b"xl/workbook.bin" => xlsb = true,
            b"content.xml" => ods_content = true,
            b"mimetype" => mimetype = Some(i),
            n if n.starts_with(b"word/") => word = true,
            n if n.starts_with(b"ppt/") => ppt = true,
            _ => {}
        }
    }
    if xlsx {
        return Sniffed::Spreadsheet(Format::Xlsx);
    }
    if xlsb {
        return Sniffed::Spreadsheet(Format::Xlsb);
    }
    if let Some(i) = mimetype {
        let mut kind = [0u8; 64];
        let n = zip
            .by_index(i)
            .ok()
            .and_then(|mut f| std::io::Read::read(&mut f, &mut kind).ok())
            .unwrap_or(0);
        let kind = &kind[..n];
        if kind.starts_with(b"application/vnd.oasis.opendocument.spreadsheet") {
            return Sniffed::Spreadsheet(Format::Ods);
        }
        if kind.starts_with(b"application/vnd.oasis.opendocument.text") {
            return Sniffed::Other("OpenDocument 文字文档（.odt）");
        }
        if kind.starts_with(b"application/vnd.oasis.opendocument.presentation") {
            return Sniffed::Other("OpenDocument 演示文稿（.odp）");
        }
        if ods_content && n == 0 {
            return Sniffed::Spreadsheet(Format::Ods);
        }
    }
    if word {
        return Sniffed::Other("Word 文档（.docx）");
    }
    if ppt {
        return Sniffed::Other("PowerPoint 演示文稿（.pptx）");
    }
    Sniffed::Other("ZIP 压缩包")
}

fn sniff_ole(bytes: &[u8]) -> Sniffed {
    // Directory entries hold stream names in UTF-16LE; a plain search is enough to tell the kind and
    // costs far less than parsing the container twice (calamine parses it again to read it).
    if contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo") {
        return Sniffed::Encrypted;
    }
    if contains_utf16(bytes, "Workbook") || contains_utf16(bytes, "Book") {
        return Sniffed::Spreadsheet(Format::Xls);
    }
    if contains_utf16(bytes, "WordDocument") {
        return Sniffed::Other("Word 97-2003 文档（.doc）");
    }
    if contains_utf16(bytes, "PowerPoint Document") {
        return Sniffed::Other("PowerPoint 97-2003 演示文稿（.ppt）");
    }
    // An OLE file whose directory we cannot find the workbook in: let the xls reader decide.
    Sniffed::Spreadsheet(Format::Xls)
}

fn contains_utf16(hay: &[u8], needle: &str) -> bool {
    let pat: Vec<u8> = needle
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    hay.windows(pat.len()).any(|w| w == pat.as_slice())
}

fn sniff_other(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(HEAD)];
    let magic: &[(&[u8], &'static str)] = &[
        (b"%PDF", "PDF 文档"),
        (&[0xFF, 0xD8, 0xFF], "JPEG 图片"),
        (b"\x89PNG", "PNG 图片"),
        (b"GIF8", "GIF 图片"),
        (b"BM", "BMP 图片"),
        (b"Rar!", "RAR 压缩包"),
        (&[0x37, 0x7A, 0xBC, 0xAF], "7z 压缩包"),
        (&[0x1F, 0x8B], "gzip 压缩包"),
        (b"{\\rtf", "RTF 文档"),
    ];
    if let Some((_, what)) = magic.iter().find(|(m, _)| head.starts_with(m)) {
        return Sniffed::Other(what);
    }
    let text = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head);
    let trimmed = text.trim_ascii_start();
    let lower: Vec<u8> = trimmed
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if lower.starts_with(b"<?xml")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<!doctype")
        || lower.starts_with(b"<table")
        || lower.starts_with(b"mime-version")
    {
        return Sniffed::WebPageOrXml;
    }
    if !head.contains(&0) {
        return Sniffed::Other("文本文件");
    }
    Sniffed::Other(UNKNOWN)
}

/// What [`sniff`] calls a file it does not know (a video, a program): not taken for a ledger
/// sent wrongly, even named .xlsx.
pub const UNKNOWN: &str = "未知格式的文件";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_common_non_spreadsheets() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b"%PDF-1.7 ..."), Sniffed::Other("PDF 文档"));
        assert_eq!(
            sniff("村名,户数\n东庄村,12\n".as_bytes()),
            Sniffed::Other("文本文件")
        );
        assert_eq!(sniff(b"<html><table>"), Sniffed::WebPageOrXml);
        assert!(matches!(sniff(b"PK\x03\x04garbage"), Sniffed::Corrupt(_)));
    }

    #[test]
    fn ole_with_encrypted_package_is_an_encrypted_xlsx() {
        let mut b = OLE_MAGIC.to_vec();
        b.extend(
            "EncryptedPackage"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert_eq!(sniff(&b), Sniffed::Encrypted);
    }

    /// A small zip whose central directory claims a 4 GiB `xl/workbook.xml` is refused unread.
    #[test]
    fn zip_claiming_huge_expansion_is_a_bomb() {
        use std::io::Write;
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            w.start_file("xl/workbook.xml", opts).unwrap();
            w.write_all(b"<workbook/>").unwrap();
            w.finish().unwrap();
        }
        let mut bytes = buf.into_inner();
        assert_eq!(sniff(&bytes), Sniffed::Spreadsheet(Format::Xlsx));
        let cdh = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        bytes[cdh + 24..cdh + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        assert!(
            matches!(sniff(&bytes), Sniffed::ZipBomb { .. }),
            "{:?}",
            sniff(&bytes)
        );
    }
}
