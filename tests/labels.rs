//! Every diagnostic code the program emits has a Chinese 问题类别 (`shuangti::report::labels`): the codes are
//! collected from the sources — the first argument of `Diagnostic::error/warning/info(…)`,
//! `Diagnostic::new(severity, …)`, and the `Err(("code", …))` a cell parser returns — so a code added
//! without a label fails here before it can reach a leader's sheet as `snake_case`.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The string literal that starts `s` (after whitespace), if any.
fn literal(s: &str) -> Option<&str> {
    let s = s.trim_start().strip_prefix('"')?;
    s.split('"').next()
}

fn codes_in(src: &str) -> Vec<String> {
    // (unit tests at the end of a file build diagnostics with made-up codes)
    let src = src.split("#[cfg(test)]").next().unwrap();
    let mut out = Vec::new();
    for start in [
        "Diagnostic::error(",
        "Diagnostic::warning(",
        "Diagnostic::info(",
        "Err((",
    ] {
        for (i, _) in src.match_indices(start) {
            if let Some(c) = literal(&src[i + start.len()..]) {
                out.push(c.to_string());
            }
        }
    }
    for (i, _) in src.match_indices("Diagnostic::new(") {
        let rest = &src[i + "Diagnostic::new(".len()..];
        if let Some(comma) = rest.find(',') {
            if let Some(c) = literal(&rest[comma + 1..]) {
                out.push(c.to_string());
            }
        }
    }
    out
}

#[test]
fn every_code_the_program_emits_has_a_chinese_label() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    let mut codes: Vec<(String, String)> = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        for c in codes_in(&src) {
            codes.push((c, f.display().to_string()));
        }
    }
    // The collector itself works: codes from several kinds of call are found.
    for known in [
        "R6_overdue",
        "bad_phone",
        "R7_slogans_short",
        "unreadable_file",
    ] {
        assert!(
            codes.iter().any(|(c, _)| c == known),
            "{known} not collected"
        );
    }
    let missing: Vec<&(String, String)> = codes
        .iter()
        .filter(|(c, _)| shuangti::report::labels::label(c).is_none())
        .collect();
    assert!(missing.is_empty(), "codes without a 问题类别: {missing:?}");
}
