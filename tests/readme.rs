//! README.md's table of ledger columns is drawn from the ledger declarations: if they disagree, this
//! test prints the table to paste between the `<!-- columns -->` markers.

use shuangti::ledger::schema::Specs;
use shuangti::plan::Plan;

#[test]
fn readme_column_table_matches_the_declarations() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- columns -->\n")
        .expect("README has the columns marker")
        + "<!-- columns -->\n".len();
    let end = readme
        .find("<!-- /columns -->")
        .expect("README has the end marker");
    let want = Specs::new(&Plan::embedded()).markdown();
    assert!(
        readme[start..end] == want,
        "README.md's column table is out of date; replace it with:\n{want}"
    );
}
