//! Diagnostics: every problem the tool finds, with where it is (file › sheet › cell as Excel shows it),
//! what is wrong and how to fix it, in Chinese, plus a stable English code for machines.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// One problem. `file` is the path relative to the inbox; `sheet` and `cell` are empty when the problem
/// is about a whole file or a whole unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub unit: String,
    pub file: String,
    pub sheet: String,
    pub cell: String,
    /// As the leaders' copies show it: a value quoted from a cell that could be a villager's name or
    /// phone is masked (see [`Diagnostic::quoting_cell`]).
    pub message: String,
    pub hint: String,
    /// The message with the quoted values in full, for the village's own feedback list only (None when
    /// `message` masks nothing).
    #[serde(skip)]
    pub unmasked: Option<String>,
    /// The campaign weeks (期) a rule finding speaks of: one for a weekly notice's finding, the weeks
    /// it held for a finding summed over a month; empty for a finding not bound to a week.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weeks: Vec<u32>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            unit: String::new(),
            file: String::new(),
            sheet: String::new(),
            cell: String::new(),
            message: message.into(),
            hint: String::new(),
            unmasked: None,
            weeks: Vec::new(),
        }
    }
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, message)
    }
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message)
    }
    pub fn info(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Info, code, message)
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = hint.into();
        self
    }
    pub fn at(mut self, file: &str, sheet: &str, cell: impl Into<String>) -> Diagnostic {
        self.file = file.to_string();
        self.sheet = sheet.to_string();
        self.cell = cell.into();
        self
    }
    pub fn unit(mut self, unit: impl Into<String>) -> Diagnostic {
        self.unit = unit.into();
        self
    }

    /// The message quotes (“…”) what a clerk typed in a cell, which may be a villager's name or phone
    /// typed into the wrong column: in `message` such values are masked
    /// ([`crate::text::mask_villager_text`]), and the message in full is kept for the village's own
    /// feedback list ([`Diagnostic::message_in_full`]).
    pub fn quoting_cell(self) -> Diagnostic {
        self.masking(|_| true)
    }

    /// Like [`Diagnostic::quoting_cell`] for a message that also quotes words of its own: only the
    /// quoted `value` is masked.
    pub fn quoting(self, value: &str) -> Diagnostic {
        let value = value.trim().to_string();
        self.masking(move |q| q.trim() == value)
    }

    fn masking(mut self, which: impl Fn(&str) -> bool) -> Diagnostic {
        let masked = mask_quoted(&self.message, which);
        if masked != self.message {
            self.unmasked = Some(std::mem::replace(&mut self.message, masked));
        }
        self
    }

    /// The message with every quoted value in full: only for the unit's own feedback list.
    pub fn message_in_full(&self) -> &str {
        self.unmasked.as_deref().unwrap_or(&self.message)
    }

    /// Where the problem is: `东庄村走访台账.xlsx › Sheet1 › E12` (as much of it as is known).
    pub fn location(&self) -> Location<'_> {
        Location::new(&self.file, &self.sheet, &self.cell)
    }

    /// A stable order for reports: unit, file, sheet, then the cell in reading order.
    pub fn sort_key(&self) -> (String, String, String, (u32, u32), &'static str) {
        (
            self.unit.clone(),
            self.file.clone(),
            self.sheet.clone(),
            cell_order(&self.cell),
            self.code,
        )
    }

    /// [`Diagnostic::sort_key`] borrowed from the diagnostic (the same order, no `String` per key):
    /// for sorting a report's tens of thousands of problems.
    pub fn order_key(&self) -> (&str, &str, &str, (u32, u32), &'static str) {
        (
            &self.unit,
            &self.file,
            &self.sheet,
            cell_order(&self.cell),
            self.code,
        )
    }
}

/// Each “…” of a message through [`crate::text::mask_villager_text`].
fn mask_quoted(message: &str, which: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find('“') {
        let (head, tail) = rest.split_at(open + '“'.len_utf8());
        out.push_str(head);
        let Some(close) = tail.find('”') else {
            rest = tail;
            break;
        };
        let quoted = &tail[..close];
        if which(quoted) {
            out.push_str(&crate::text::mask_villager_text(quoted));
        } else {
            out.push_str(quoted);
        }
        rest = &tail[close..];
    }
    out.push_str(rest);
    out
}

/// A place in the inbox as people name it: `东庄村走访台账.xlsx › Sheet1 › E12`. Any part may be
/// empty (a whole file, a whole sheet, or a sheet and cell under a file already named); the parts
/// that are known are joined by ` › `. Every “file › sheet › cell” the tool prints or writes is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location<'a> {
    pub file: &'a str,
    pub sheet: &'a str,
    pub cell: &'a str,
}

impl<'a> Location<'a> {
    pub fn new(file: &'a str, sheet: &'a str, cell: &'a str) -> Location<'a> {
        Location { file, sheet, cell }
    }
    /// A whole sheet: `file › sheet`.
    pub fn sheet(file: &'a str, sheet: &'a str) -> Location<'a> {
        Location::new(file, sheet, "")
    }
    /// A sheet and cell under a file named elsewhere (the terminal's file heading): `sheet › cell`.
    pub fn in_file(sheet: &'a str, cell: &'a str) -> Location<'a> {
        Location::new("", sheet, cell)
    }
    pub fn is_empty(&self) -> bool {
        self.file.is_empty() && self.sheet.is_empty() && self.cell.is_empty()
    }
}

impl std::fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut sep = "";
        for part in [self.file, self.sheet, self.cell] {
            if !part.is_empty() {
                write!(f, "{sep}{part}")?;
                sep = " › ";
            }
        }
        Ok(())
    }
}

/// (row, column) of an A1 reference, for sorting; non-references sort first.
fn cell_order(cell: &str) -> (u32, u32) {
    let n = cell.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = &cell[n..];
    let col = cell.as_bytes()[..n]
        .iter()
        .fold(0u32, |a, b| a * 26 + (b - b'A' + 1) as u32);
    (digits.parse().unwrap_or(0), col)
}

/// The 0-based row of an A1 reference (`E12` → 11), the inverse of [`cell_ref`]'s row; None for a
/// place that is no reference (`第3行`, a bare column or row).
pub fn cell_row(cell: &str) -> Option<u32> {
    let digits = cell.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    if digits.len() == cell.len() {
        return None;
    }
    digits.parse::<u32>().ok()?.checked_sub(1)
}

/// Excel column letters for a 0-based column index (0 → A, 26 → AA).
pub fn col_letters(mut col: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

/// An A1 reference for 0-based (row, column): (11, 4) → `E12`.
pub fn cell_ref(row: u32, col: u32) -> String {
    format!("{}{}", col_letters(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn rows_of_a1_references() {
        assert_eq!(cell_row("E12"), Some(11));
        assert_eq!(cell_row("AA1"), Some(0));
        assert_eq!(cell_row("E"), None);
        assert_eq!(cell_row(""), None);
        assert_eq!(cell_row("12"), None);
        assert_eq!(cell_row("第3行"), None);
    }
    #[test]
    fn letters() {
        assert_eq!(col_letters(0), "A");
        assert_eq!(col_letters(25), "Z");
        assert_eq!(col_letters(26), "AA");
        assert_eq!(col_letters(701), "ZZ");
        assert_eq!(col_letters(702), "AAA");
        assert_eq!(cell_ref(11, 4), "E12");
    }
    #[test]
    fn quoted_names_and_phones_are_masked_and_kept_in_full_for_the_village() {
        let d = Diagnostic::error("bad_choice", "纠纷类型“赵小刀”不是可选值").quoting_cell();
        assert_eq!(d.message, "纠纷类型“赵*刀”不是可选值");
        assert_eq!(d.message_in_full(), "纠纷类型“赵小刀”不是可选值");
        let d = Diagnostic::error("bad_date", "排查日期：数字“13812345678”不是日期").quoting_cell();
        assert_eq!(d.message, "排查日期：数字“138****5678”不是日期");
        // Dates, option-like words with a unit ending, and the 是/否 quoted by the message itself stay.
        for m in [
            "“2021-13-45”不是有效日期",
            "“西装村”不在村居名册中",
            "“有”不是“是/否”",
            "走访方式“路过一下子看”不是可选值",
            "选项“满意”不是第14题的选项",
        ] {
            let d = Diagnostic::error("x", m).quoting_cell();
            assert_eq!(d.message, m);
            assert_eq!(d.unmasked, None);
        }
        let d = Diagnostic::error("x", "“张三 13912345678”").quoting_cell();
        assert_eq!(d.message, "“张* 139****5678”");
        let d = Diagnostic::error("x", "年龄“李四”计为“无法识别”").quoting("李四");
        assert_eq!(d.message, "年龄“李*”计为“无法识别”");
    }

    #[test]
    fn location_names_the_known_parts() {
        assert_eq!(
            Location::new("东庄村走访台账.xlsx", "Sheet1", "E12").to_string(),
            "东庄村走访台账.xlsx › Sheet1 › E12"
        );
        assert_eq!(
            Location::sheet("a.xlsx", "周报").to_string(),
            "a.xlsx › 周报"
        );
        assert_eq!(Location::in_file("周报", "B7").to_string(), "周报 › B7");
        assert_eq!(Location::new("a.xlsx", "", "").to_string(), "a.xlsx");
        assert!(Location::in_file("", "").is_empty());
        assert_eq!(Location::default().to_string(), "");
    }
    #[test]
    fn order() {
        assert!(cell_order("B2") < cell_order("A3"));
        assert!(cell_order("Z10") < cell_order("AA10"));
    }
}
