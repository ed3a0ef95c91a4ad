//! The README's table of ledgers and columns, drawn from the declarations.

use super::{column_keys, ColId, Specs, Ty};

impl Specs {
    /// The README's table of ledgers and columns (between the `<!-- columns -->` markers), drawn from
    /// the declarations so the two cannot disagree.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for spec in &self.0 {
            out.push_str(&format!(
                "#### {}（`{}`）\n\n",
                spec.kind.zh(),
                spec.kind.key()
            ));
            out.push_str(
                "| 列名 | 键 | 必填 | 内容 | 也可写作 |\n| --- | --- | --- | --- | --- |\n",
            );
            let keys = column_keys(spec.kind);
            let mut questions = Vec::new();
            for c in &spec.columns {
                if let Ty::Answer(n) = c.ty {
                    questions.push(n);
                    continue;
                }
                let aliases: Vec<&str> = c.aliases.iter().map(String::as_str).collect();
                let key = match c.id {
                    ColId::Named(id) => format!("`{}`", keys[id as usize]),
                    ColId::Question(_) => String::new(),
                };
                out.push_str(&format!(
                    "| {} | {key} | {} | {} | {} |\n",
                    c.name,
                    if c.required { "是" } else { "" },
                    c.ty.zh(),
                    aliases.join("、")
                ));
            }
            if let (Some(a), Some(b)) = (questions.first(), questions.last()) {
                out.push_str(&format!(
                    "| 第{a}题 … 第{b}题 |  |  | 选项文字或序号 | 问题N、QN、题N、第N问，或题目原文（如“1、您知道什么是平安建设活动吗？”） |\n"
                ));
            }
            out.push('\n');
        }
        out
    }
}
