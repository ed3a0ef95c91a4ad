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
