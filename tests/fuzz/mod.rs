//! Mutation fuzzing of the reading pipeline over the committed samples and fixtures: each run takes a
//! file, damages it the ways an untrusted inbox might (bit flips, truncation, splices, numbers patched
//! to extremes, and for zip workbooks the same done to the XML inside, re-zipped), and reads it through
//! the whole pipeline (scan, open, recognise, parse). A run passes when it returns (no abort, no hang),
//! the file is listed with a status, and it took no longer than the per-file time budget allows.
//! Shared by `tests/hostile_fuzz.rs` (a few seconds, fixed seeds) and `examples/fuzz.rs` (long runs).
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use shuangti::ingest::budget::FILE_TIME;
use shuangti::ingest::FileStatus;
use shuangti::ledger::schema::Specs;
use shuangti::plan::Plan;
use shuangti::resolve::load::{load, LoadOptions};

/// xorshift64*: small, deterministic, good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The spreadsheet files of the samples and fixtures.
pub fn corpus() -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut es: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        es.sort();
        for p in es {
            if p.is_dir() {
                walk(&p, out);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "xlsx" | "xls" | "ods" | "et"))
            {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    walk(&root.join("tests/fixtures"), &mut paths);
    walk(&root.join("samples/inbox"), &mut paths);
    paths
        .into_iter()
        .filter_map(|p| {
            let b = std::fs::read(&p).ok()?;
            Some((p, b))
        })
        .collect()
}

const EXTREMES32: [u32; 6] = [
    0,
    0xFFFF_FFFF,
    0x7FFF_FFFF,
    0x0100_0000,
    0xFFFF,
    0x8000_0000,
];
const EXTREMES_TEXT: [&str; 7] = [
    "4294967295",
    "99999999999999999999",
    "0",
    "-1",
    "16777216",
    "1048576",
    "2147483648",
];
const NASTY: [&str; 8] = [
    "&#xD800;",
    "&",
    "<",
    "</table:table>",
    "<table:table table:name=\"x\">",
    "\u{0}",
    "]]>",
    "&#0;",
];

/// Damages bytes in place, one of several ways.
fn mutate_bytes(b: &mut Vec<u8>, rng: &mut Rng, text: bool, donor: &[u8]) {
    if b.is_empty() {
        b.extend_from_slice(&donor[..donor.len().min(64)]);
        return;
    }
    match rng.below(if text { 7 } else { 5 }) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
        }
        1 => {
            let at = rng.below(b.len());
            b.truncate(at);
        }
        2 => {
            // Splice a run of the donor (or of itself) in.
            let src = if rng.below(2) == 0 { donor } else { &b[..] };
            let from = rng.below(src.len());
            let len = rng.below((src.len() - from).min(4096) + 1);
            let chunk = src[from..from + len].to_vec();
            let at = rng.below(b.len() + 1);
            b.splice(at..at, chunk);
        }
        3 => {
            // A binary number patched to an extreme (u16 or u32, little-endian).
            let v = EXTREMES32[rng.below(EXTREMES32.len())];
            let at = rng.below(b.len());
            let bytes = v.to_le_bytes();
            let n = if rng.below(2) == 0 { 2 } else { 4 };
            for (k, &x) in bytes[..n].iter().enumerate() {
                if at + k < b.len() {
                    b[at + k] = x;
                }
            }
        }
        4 => {
            // Delete a range.
            let at = rng.below(b.len());
            let len = rng.below((b.len() - at).min(512) + 1);
            b.drain(at..at + len);
        }
        5 => {
            // A decimal number in the text patched to an extreme.
            let runs: Vec<(usize, usize)> = digit_runs(b);
            if let Some(&(s, e)) = runs.get(rng.below(runs.len())) {
                let v = EXTREMES_TEXT[rng.below(EXTREMES_TEXT.len())];
                b.splice(s..e, v.bytes());
            }
        }
        _ => {
            let v = NASTY[rng.below(NASTY.len())];
            let at = rng.below(b.len() + 1);
            b.splice(at..at, v.bytes());
        }
    }
}

fn digit_runs(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

/// A zip's entries, or `None` when it is not one we can read.
fn unzip(b: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut z = zip::ZipArchive::new(Cursor::new(b)).ok()?;
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).ok()?;
        let name = f.name().ok()?.into_owned();
        let mut v = Vec::new();
        f.read_to_end(&mut v).ok()?;
        out.push((name, v));
    }
    Some(out)
}

fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (n, v) in entries {
        w.start_file(n.as_str(), opts).unwrap();
        w.write_all(v).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// One damaged copy of `orig`.
pub fn mutate(orig: &[u8], rng: &mut Rng, donor: &[u8]) -> Vec<u8> {
    let rounds = 1 + rng.below(3);
    if rng.below(3) != 0 {
        if let Some(mut entries) = unzip(orig) {
            // Damage the XML inside, mostly the parts calamine parses.
            for _ in 0..rounds {
                let xmlish: Vec<usize> = (0..entries.len())
                    .filter(|&i| entries[i].0.ends_with(".xml"))
                    .collect();
                let i = match xmlish.get(rng.below(xmlish.len())) {
                    Some(&i) => i,
                    None => rng.below(entries.len()),
                };
                mutate_bytes(&mut entries[i].1, rng, true, donor);
            }
            return rezip(&entries);
        }
    }
    let mut b = orig.to_vec();
    for _ in 0..rounds {
        mutate_bytes(&mut b, rng, false, donor);
    }
    b
}

/// What one run gave.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub runs: u64,
    pub used: u64,
    pub unreadable: u64,
    pub other: u64,
    /// Runs where our own code (not a library) panicked: listed, but a bug.
    pub panics: u64,
    /// Runs where a library panicked (caught, and the file listed unreadable).
    pub library_panics: u64,
    /// Runs that hit the time budget.
    pub timeouts: u64,
    pub slowest: Duration,
}

/// Reads one (damaged) file through the whole pipeline in a fresh inbox; panics when the run breaks
/// a promise (no status for the file, or longer than the budget allows).
pub fn run_one(bytes: &[u8], ext: &str, tally: &mut Tally, keep: Option<&Path>) {
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let name = format!("台账.{ext}");
    std::fs::write(inbox.join(&name), bytes).unwrap();
    if let Some(k) = keep {
        // The input being read, so a run that aborts the process leaves it behind.
        let _ = std::fs::write(k.join(format!("current.{ext}")), bytes);
    }
    let t = Instant::now();
    let opts = LoadOptions {
        include_hidden: false,
        progress: false,
    };
    let ds = load(&inbox, &plan, &specs, &opts).expect("the inbox itself reads");
    let took = t.elapsed();
    tally.runs += 1;
    tally.slowest = tally.slowest.max(took);
    assert!(
        took < FILE_TIME + Duration::from_secs(15),
        "took {took:?} for a {} byte .{ext}",
        bytes.len()
    );
    let mine: Vec<_> = ds.files.iter().filter(|f| f.path == name).collect();
    assert!(!mine.is_empty(), "the file is not listed: {:?}", ds.files);
    for f in &mine {
        match f.status {
            FileStatus::Used => tally.used += 1,
            FileStatus::Unreadable => tally.unreadable += 1,
            _ => tally.other += 1,
        }
        assert!(
            !f.reason.is_empty()
                || f.status == FileStatus::Used
                || f.status == FileStatus::Duplicate,
            "no reason: {f:?}"
        );
        if f.reason.contains("读取时程序出错") {
            tally.panics += 1;
        }
        if f.reason.contains("程序库异常") {
            tally.library_panics += 1;
        }
        if f.reason.contains("秒仍未完成") {
            tally.timeouts += 1;
        }
    }
    if let Some(k) = keep {
        let finding = if mine.iter().any(|f| f.reason.contains("读取时程序出错")) {
            Some("panic")
        } else if took > Duration::from_secs(2) {
            Some("slow")
        } else {
            None
        };
        if let Some(kind) = finding {
            let _ = std::fs::write(
                k.join(format!("{kind}-{}-{}.{ext}", tally.runs, bytes.len())),
                bytes,
            );
        }
    }
}

/// Runs `n` mutations (or until `until`) from `seed`.
pub fn campaign(seed: u64, n: u64, until: Option<Instant>, keep: Option<&Path>) -> Tally {
    let corpus = corpus();
    assert!(corpus.len() >= 10, "corpus too small: {}", corpus.len());
    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();
    let mut i = 0u64;
    while i < n && until.is_none_or(|u| Instant::now() < u) {
        let (path, orig) = &corpus[rng.below(corpus.len())];
        let donor = &corpus[rng.below(corpus.len())].1;
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("xlsx");
        let bytes = mutate(orig, &mut rng, donor);
        run_one(&bytes, ext, &mut tally, keep);
        i += 1;
    }
    tally
}
