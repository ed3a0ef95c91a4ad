//! The committed sample inbox (`samples/inbox`, made by `samples/make.sh`): `check` must find exactly the
//! planted mistakes listed in `samples/planted.tsv` — every one at its cell, and nothing else.

mod common;
use common::*;
use std::path::Path;

fn samples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/inbox")
}

#[test]
fn check_finds_every_planted_mistake_and_nothing_else() {
    let tsv =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/planted.tsv"))
            .unwrap();
    let mut expected: Vec<(String, String, String, String)> = tsv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let sev = match f[4] {
                "error" => "error",
                "warning" => "warning",
                _ => return None,
            };
            Some((
                f[0].to_string(),
                f[1].to_string(),
                f[2].to_string(),
                sev.to_string(),
            ))
        })
        .collect();
    expected.sort();
    let ib = Inbox::new();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_shuangti"))
        .args(["check", samples().to_str().unwrap(), "--json"])
        .arg(ib.path("c.json"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let j = json(&ib.path("c.json"));
    let mut found: Vec<(String, String, String, String)> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["sheet"].as_str().unwrap().to_string(),
                d["cell"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(found, expected, "{}", stdout(&o));
    // The resent visit log counts once; lock file and notes are skipped; the hidden sheet is listed.
    let files = j["files"].as_array().unwrap();
    let status = |p: &str| {
        files
            .iter()
            .find(|f| f["path"] == p)
            .map(|f| f["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status("西庄村走访台账.xlsx").as_deref(), Some("duplicate"));
    assert_eq!(status("~$东庄村周报.xlsx").as_deref(), Some("skipped"));
    assert_eq!(status("说明.txt").as_deref(), Some("skipped"));
    assert!(files
        .iter()
        .any(|f| f["sheet"] == "走访台账(旧)" && f["status"] == "hidden"));
}
