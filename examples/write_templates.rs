//! Regenerates the committed blank ledger workbooks in `templates/ledgers/` from the embedded plan
//! (no unit dropdown: the office's register fills it in when it runs `shuangti template`).
//! `tests/template.rs` fails when the committed files and the code disagree; run this and commit.
//!
//!     cargo run --example write_templates

use shuangti::ledger::schema::Specs;
use shuangti::plan::Plan;
use std::path::Path;

fn main() {
    let plan = Plan::embedded();
    let specs = Specs::new(&plan);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/ledgers");
    match shuangti::report::template::write_templates(&plan, &specs, &[], &dir, true) {
        Ok(paths) => {
            for p in paths {
                println!("{}", p.display());
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
