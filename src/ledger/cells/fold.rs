//! Folding: full-width ASCII to ASCII, ideographic and other Unicode spaces to `' '`, zero-width
//! characters dropped, trimmed. Every cell is folded before it is read; most need no change, and a
//! byte scan says so without decoding characters.

use std::borrow::Cow;

/// What one character folds to: `None` drops it (zero-width characters, BOM).
#[inline]
pub(super) fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        c if !c.is_ascii() && c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

#[inline]
fn needs_fold(c: char) -> bool {
    !c.is_ascii() && fold_char(c) != Some(c)
}

/// Whether `b` starts the UTF-8 of a non-ASCII character that folding or trimming acts on: U+0085,
/// U+00A0 (`C2`), U+1680 (`E1`), U+2000–U+206F (`E2`), U+3000 (`E3`), U+FEFF and U+FF01–U+FF5E
/// (`EF`). Chinese text (`E4`–`E9`) has none of these bytes, save punctuation such as 、。.
#[inline]
fn may_fold_lead(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// ASCII whitespace as `char::is_whitespace` (and so `str::trim`) sees it.
#[inline]
fn ascii_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// [`fold`] without allocating when the text is already normal.
pub fn fold_cow(s: &str) -> Cow<'_, str> {
    // Most cells: no byte of a character to fold or trim, and no ASCII space at either end; a
    // byte scan says so without decoding characters.
    let b = s.as_bytes();
    if !b.first().is_some_and(ascii_space)
        && !b.last().is_some_and(ascii_space)
        // (every byte looked at, no early exit: the loop compiles to SIMD compares, and a cell
        // that needs no folding — nearly all — is scanned to its end either way)
        && !b.iter().fold(false, |any, &x| any | may_fold_lead(x))
    {
        return Cow::Borrowed(s);
    }
    fold_cow_chars(s)
}

/// [`fold_cow`] character by character.
fn fold_cow_chars(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    if !t.chars().any(needs_fold) {
        return Cow::Borrowed(t);
    }
    let folded: String = t.chars().filter_map(fold_char).collect();
    let trimmed = folded.trim();
    if trimmed.len() == folded.len() {
        Cow::Owned(folded)
    } else {
        Cow::Owned(trimmed.to_string())
    }
}

/// Full-width ASCII (U+FF01..U+FF5E) → ASCII; U+3000, NBSP and the other Unicode spaces → `' '`;
/// zero-width characters and a BOM are dropped; nothing else changes (no collapsing); trimmed.
/// ASCII line breaks and tabs inside the text are kept.
pub fn fold(s: &str) -> String {
    fold_cow(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// every character, alone, at either end and inside text, folds as character by character.
    #[test]
    fn fold_fast_path_agrees_with_folding_each_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("{c}东"),
                format!("东{c}"),
                format!("a{c}庄"),
                format!(" {c}"),
            ] {
                assert_eq!(
                    fold_cow(&s),
                    fold_cow_chars(&s),
                    "U+{:04X} in {s:?}",
                    c as u32
                );
            }
        }
        assert_eq!(fold_cow("东庄村"), Cow::Borrowed("东庄村"));
        assert_eq!(fold_cow("\x0b东庄村\t"), "东庄村");
    }

    /// `cell_cow` and `take_text` give exactly `cell_text`; `take_text` moves a text cell's string
    /// only when it is already normal, and leaves every other cell as it was.

    #[test]
    fn fold_full_width_and_spaces() {
        assert_eq!(fold("　ＡＢＣ１２３　"), "ABC123");
        assert_eq!(fold("张\u{00A0}三"), "张 三");
        assert_eq!(fold("a\u{2003}b"), "a b");
        assert_eq!(fold("（必填）"), "(必填)");
        assert_eq!(fold("\u{FEFF}东庄村\u{200B}"), "东庄村");
        assert_eq!(fold("a  b"), "a  b"); // nothing collapsed
        assert_eq!(fold("第一行\n第二行"), "第一行\n第二行");
        assert!(matches!(fold_cow("东庄村"), Cow::Borrowed(_)));
        assert!(matches!(fold_cow(" 东庄村 "), Cow::Borrowed("东庄村")));
    }
}
