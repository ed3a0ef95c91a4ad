//! Text normalisation for matching what people write: header cells against column aliases, unit
//! names against the register, slogans against the approved texts; and masking for leaders' copies.
//! Every stage uses it: `keys` (the normalised forms things are compared by), `distance` (how close
//! two keys are, for "did you mean"), `mask` (names and phones in the leaders' copies).

mod distance;
mod keys;
mod mask;

pub use distance::{closest, edit_distance};
pub use keys::{alias_key, header_keys, person_key, person_key_cow, slogan_key, unit_key};
pub use mask::{mask_name, mask_phone, mask_villager_text, shown_name, shown_phone};
use unicode_width::UnicodeWidthStr;

/// Columns a text takes on screen and in a workbook (CJK = 2).
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("东庄村"), 6);
        assert_eq!(display_width("东庄村12"), 8);
        assert_eq!(display_width(""), 0);
    }
}
