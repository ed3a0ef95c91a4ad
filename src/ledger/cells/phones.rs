//! Phone numbers: normalised (spaces, dashes, brackets, a +86 prefix dropped), a bracketed note
//! beside the number removed, and checked as a mainland mobile or landline.

use super::fold::fold_char;
use super::text::is_cjk;
use std::borrow::Cow;

/// Folds full-width digits, removes spaces, dashes (`-`, `－`, `—`, `–`) and brackets around an
/// area code (`(0531)`), and a leading `+86`/`86`/`0086` before an 11-digit mobile. Anything else
/// (letters, a second number) is kept, so [`phone_valid`] rejects it.
pub fn normalize_phone(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter_map(fold_char) {
        match c {
            c if c.is_whitespace() => {}
            '-' | '—' | '–' | '−' | '‐' | '‑' | '(' | ')' => {}
            c => out.push(c),
        }
    }
    for prefix in ["+86", "0086", "86"] {
        if let Some(rest) = out.strip_prefix(prefix) {
            if is_mobile(rest) {
                return rest.to_string();
            }
        }
    }
    out
}

fn is_mobile(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 11
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && b.iter().all(u8::is_ascii_digit)
}

/// The phone text without a bracketed note after or around the number: `138 0000 1234（微信同号）`,
/// `0632-1234567(办公室)`. Brackets holding only digits (an area code, `（0632）1234567`) stay.
pub fn strip_phone_note(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| matches!(c, '(' | '（' | '[' | '【')) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut group: Option<String> = None;
    for c in s.chars().filter_map(fold_char) {
        match (c, group.as_mut()) {
            ('(' | '[' | '【', None) => group = Some(String::new()),
            (')' | ']' | '】', Some(g)) => {
                if !g.chars().any(is_cjk) {
                    out.push('(');
                    out.push_str(g);
                    out.push(')');
                }
                group = None;
            }
            (c, Some(g)) => g.push(c),
            (c, None) => out.push(c),
        }
    }
    if let Some(g) = group {
        // an unclosed bracket: a note running to the end, unless it is digits
        if !g.chars().any(is_cjk) {
            out.push('(');
            out.push_str(&g);
        }
    }
    Cow::Owned(out)
}

/// `0` + area code + 7–8 digits. Three-digit area codes are 010 and 02x, all others have four
/// digits, so 010/02x numbers have 10–11 digits and the others 11–12.
fn is_landline(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 10 || b[0] != b'0' || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    match b[1] {
        b'1' | b'2' => (10..=11).contains(&b.len()),
        b'3'..=b'9' => (11..=12).contains(&b.len()),
        _ => false,
    }
}

/// A mainland mobile (`1[3-9]` + 9 digits) or a landline (`0` + area code + 7–8 digits: 10–12
/// digits starting with 0; 010/02x have 3-digit area codes, the rest 4), after [`normalize_phone`].
pub fn phone_valid(s: &str) -> bool {
    let n = normalize_phone(s);
    is_mobile(&n) || is_landline(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert_eq!(normalize_phone("138 1234 5678"), "13812345678");
        assert_eq!(normalize_phone("138-1234-5678"), "13812345678");
        assert_eq!(normalize_phone("１３８１２３４５６７８"), "13812345678");
        assert_eq!(normalize_phone("+86 138 1234 5678"), "13812345678");
        assert_eq!(normalize_phone("8613812345678"), "13812345678");
        assert_eq!(normalize_phone("0531－12345678"), "053112345678");
        assert_eq!(normalize_phone("0531—1234567"), "05311234567");
        assert_eq!(normalize_phone("(0531)12345678"), "053112345678");
        for p in [
            "13812345678",
            "19912345678",
            "138 1234 5678",
            "+8613812345678",
            "１３８１２３４５６７８",
            "0531-12345678",
            "0531-1234567",
            "010-12345678",
            "01012345678",
            "0101234567",
            "02112345678",
            "（0531）12345678",
        ] {
            assert!(phone_valid(p), "{p}");
        }
        // A note in brackets beside the number is no part of it.
        for p in [
            "138 0000 1234（微信同号）",
            "0632-1234567(村委办公室)",
            "（0632）1234567【值班】",
        ] {
            let n = strip_phone_note(p);
            assert!(phone_valid(&n), "{p}");
            assert!(
                !n.contains('微') && !n.contains('办') && !n.contains('值'),
                "{p}"
            );
        }
        for p in [
            "",
            "12812345678",
            "1381234567",
            "138123456789",
            "12345678",
            "0531-123456",
            "0001234567",
            "010-123456789",
            "0531-123456789",
            "13812345678/13912345678",
            "无",
            "1381234567a",
        ] {
            assert!(!phone_valid(p), "{p}");
        }
    }
}
