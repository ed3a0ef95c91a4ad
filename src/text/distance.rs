//! How close two normalised texts are (characters, not bytes), so a misspelt unit name or slogan
//! can be matched to the one it most likely means, or offered as "did you mean".

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    if a == b {
        return 0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() {
        return b.len();
    }
    if b.is_empty() {
        return a.len();
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `needle` by [`edit_distance`], if it is reasonably close: distance ≤
/// max(1, needle's length in characters / 3). Ties go to the first. Callers normalise both sides
/// first (e.g. with [`unit_key`] or [`slogan_key`]).
pub fn closest<'a>(needle: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (needle.chars().count() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let d = edit_distance(needle, c);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
            if d == 0 {
                break;
            }
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("东庄村", "东庄村"), 0);
        assert_eq!(edit_distance("东庄村", "东壮村"), 1);
        assert_eq!(edit_distance("东庄村", "东庄"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        let units = ["东庄村", "西庄村", "东城社区"];
        assert_eq!(closest("东壮村", units), Some("东庄村"));
        assert_eq!(closest("西庄村", units), Some("西庄村"));
        assert_eq!(closest("南山村", units), None);
        assert_eq!(closest("北庄村", units), Some("东庄村")); // tie → first
        assert_eq!(closest("x", Vec::<&str>::new()), None);
        let slogans = ["平安建设人人参与平安成果人人共享"];
        assert_eq!(
            closest("平安建设人人参与平安成果人人共亨", slogans),
            Some(slogans[0])
        );
    }
}
