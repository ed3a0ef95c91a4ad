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
    pub message: String,
    pub hint: String,
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

    /// `东庄村走访台账.xlsx › Sheet1 › E12` (as much of it as is known).
    pub fn location(&self) -> String {
        [&self.file, &self.sheet, &self.cell]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" › ")
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
}

/// (row, column) of an A1 reference, for sorting; non-references sort first.
fn cell_order(cell: &str) -> (u32, u32) {
    let letters: String = cell
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    let digits = &cell[letters.len()..];
    let col = letters
        .bytes()
        .fold(0u32, |a, b| a * 26 + (b - b'A' + 1) as u32);
    (digits.parse().unwrap_or(0), col)
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
    fn letters() {
        assert_eq!(col_letters(0), "A");
        assert_eq!(col_letters(25), "Z");
        assert_eq!(col_letters(26), "AA");
        assert_eq!(col_letters(701), "ZZ");
        assert_eq!(col_letters(702), "AAA");
        assert_eq!(cell_ref(11, 4), "E12");
    }
    #[test]
    fn order() {
        assert!(cell_order("B2") < cell_order("A3"));
        assert!(cell_order("Z10") < cell_order("AA10"));
    }
}
