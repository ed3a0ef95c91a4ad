//! Text normalisation for matching what people write: header cells against column aliases, unit
//! names against the register, slogans against the approved texts; and masking for leaders' copies.
// CONTRACT (cells helper):
// pub fn header_keys(s: &str) -> Vec<String>
// pub fn alias_key(s: &str) -> String
// pub fn unit_key(s: &str) -> String
// pub fn slogan_key(s: &str) -> String
// pub fn person_key(s: &str) -> String
// pub fn edit_distance(a: &str, b: &str) -> usize
// pub fn mask_name(s: &str) -> String
// pub fn mask_phone(s: &str) -> String
// pub fn display_width(s: &str) -> usize
