//! The shape of the source tree (issue 8): no file under `src/` has more than 400 lines outside its
//! tests, and `src/` itself has at most 12 entries. A file's tests are its `#[cfg(test)]` module,
//! which this codebase puts at the end: everything from the first line that is exactly
//! `#[cfg(test)]` to the end of the file is left out. Every other line counts, blank lines and
//! comments included, so the check stays simple and cannot be argued with.

use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 400;
const MAX_TOP_ENTRIES: usize = 12;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of `text` before its test module.
fn code_lines(text: &str) -> usize {
    text.lines()
        .take_while(|line| line.trim_end() != "#[cfg(test)]")
        .count()
}

#[test]
fn counting_stops_at_the_test_module() {
    assert_eq!(code_lines("fn a() {}\n\n#[cfg(test)]\nmod tests {}\n"), 2);
    assert_eq!(code_lines("fn a() {}\n// b\n"), 2);
    // A test attribute inside an item is not the end of the file's code.
    assert_eq!(
        code_lines("impl A {\n    #[cfg(test)]\n    fn t() {}\n}\n"),
        4
    );
}

#[test]
fn no_source_file_has_more_than_400_lines_of_code() {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 10, "found the source files under {root:?}");
    let over: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = code_lines(&fs::read_to_string(f).unwrap());
            (n > MAX_LINES).then(|| format!("{} ({n})", f.strip_prefix(&root).unwrap().display()))
        })
        .collect();
    assert!(
        over.is_empty(),
        "more than {MAX_LINES} lines outside the tests: {}\nsplit each into cohesive modules",
        over.join(", ")
    );
}

#[test]
fn src_has_at_most_12_entries() {
    let mut entries: Vec<String> = fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert!(
        entries.len() <= MAX_TOP_ENTRIES,
        "src/ has {} entries (at most {MAX_TOP_ENTRIES}): {}\nturn files into folders of a stage rather than adding files at the top",
        entries.len(),
        entries.join(", ")
    );
}
