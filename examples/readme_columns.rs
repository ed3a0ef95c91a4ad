//! Prints README.md's table of ledger columns from the declarations (`tests/readme.rs` checks it).
//!
//!     cargo run --example readme_columns

fn main() {
    let plan = shuangti::plan::Plan::embedded();
    print!("{}", shuangti::ledger::schema::Specs::new(&plan).markdown());
}
