//! The plan's `[words]`: an office's own header words and value synonyms (see
//! `ledger::schema::Words`), checked against the declarations, and what `shuangti plan` prints
//! (the plan, then the shipped words in force as comments).

use super::Plan;

impl Plan {
    /// What `shuangti plan` prints: the plan text, then the header words in force (the shipped
    /// `templates/ledgers.toml`, as comments so the output is still a plan file; the plan's own
    /// `[words]`, if any, are in the plan text above it).
    pub fn printed(&self) -> String {
        let mut out = self.source.clone();
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(
            "\n# ==== 内置的表头用词（templates/ledgers.toml）====\n\
             # 以下是程序自带的列名、其他写法、选项近义词和近义词族，仅供查看。\n\
             # 要补充，在本方案中加 [words.台账.列]，如 [words.visit.method] aliases = [\"访视方式\"]。\n",
        );
        if !self.words.is_empty() {
            out.push_str("# 本方案的 [words] 在此之上补充（见上文）。\n");
        }
        for line in crate::ledger::schema::DEFAULT_WORDS.lines() {
            out.push_str(if line.is_empty() { "#" } else { "# " });
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// An office's `[words.…] values` must name one of the column's allowed values.
    pub(super) fn validate_words(&self, text: &str) -> Result<(), String> {
        use crate::ledger::schema::{column_keys, ColId, Specs, Ty};
        if self.words.is_empty() {
            return Ok(());
        }
        let specs = Specs::new(self);
        for spec in &specs.0 {
            let keys = column_keys(spec.kind);
            for (id, w) in self.words.kind(spec.kind) {
                let Some(c) = spec.columns.iter().find(|c| c.id == ColId::Named(*id)) else {
                    continue;
                };
                for (written, value) in &w.values {
                    let at = line_of(text, written);
                    let key = format!("[words.{}.{}]", spec.kind.key(), keys[*id as usize]);
                    match &c.ty {
                        Ty::Choice(options) if options.contains(value) => {}
                        Ty::Choice(options) => {
                            return Err(format!(
                                "{at}{key} values 中“{written}” = “{value}”：“{value}”不是“{}”的可选值（{}）",
                                c.name,
                                options.join("、")
                            ))
                        }
                        _ => {
                            return Err(format!(
                                "{at}{key} values：“{}”这一列没有固定的可选值，不能写 values",
                                c.name
                            ))
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// `第12行 `…`：` for the first line of the plan that holds `word` (empty if none does).
fn line_of(text: &str, word: &str) -> String {
    text.lines()
        .enumerate()
        .find(|(_, l)| l.contains(word))
        .map(|(i, l)| format!("第{}行 `{}`：", i + 1, l.trim()))
        .unwrap_or_default()
}
