//! Matching a written value to one of a column's allowed values: exactly, by a clerk's synonym
//! (`Column::values`: `[synonyms]` and a column's `values` in ledgers.toml or the plan), without a trailing 纠纷/矛盾/类, or as the one allowed value it
//! contains; remembered per column, since a column holds a handful of distinct texts.

use crate::text::alias_key;
use rustc_hash::FxHashMap;

/// [`choose`], remembered per written text.
pub(super) fn choose_memo(
    memo: &mut FxHashMap<String, Option<usize>>,
    options: &[String],
    synonyms: &[(String, String)],
    t: &str,
) -> Option<usize> {
    if let Some(&i) = memo.get(t) {
        return i;
    }
    let i = choose(options, synonyms, t);
    memo.insert(t.to_string(), i);
    i
}

/// Matches a written value to one of the allowed values: exactly after normalising, by a known
/// synonym (`synonyms`: (`alias_key` of the word, allowed value), see `Column::values`), with a
/// trailing 纠纷/矛盾/类 dropped, or as the one allowed value it contains.
pub fn choose(options: &[String], synonyms: &[(String, String)], t: &str) -> Option<usize> {
    let k = alias_key(t);
    if let Some(i) = options.iter().position(|o| alias_key(o) == k) {
        return Some(i);
    }
    if let Some((_, canonical)) = synonyms.iter().find(|(w, _)| *w == k) {
        if let Some(i) = options.iter().position(|o| o == canonical) {
            return Some(i);
        }
    }
    let trimmed = k
        .trim_end_matches("纠纷")
        .trim_end_matches("矛盾")
        .trim_end_matches("争议")
        .trim_end_matches('类');
    if let Some(i) = options.iter().position(|o| alias_key(o) == trimmed) {
        return Some(i);
    }
    let hits: Vec<usize> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let ok = alias_key(o);
            ok.chars().count() >= 2
                && (k.contains(&ok) || (trimmed.chars().count() >= 2 && ok.contains(trimmed)))
        })
        .map(|(i, _)| i)
        .collect();
    if hits.len() == 1 {
        return Some(hits[0]);
    }
    if !hits.is_empty() || k.contains(['未', '不', '没', '无', '非', '待', '否']) {
        return None;
    }
    // A longer wording around one known synonym: 水泉派出所, 县人民检察院 (never a negated one:
    // 未办结 is not 办结).
    let mut found = synonyms
        .iter()
        .filter(|(w, _)| w.chars().count() >= 3 && k.contains(w.as_str()))
        .filter_map(|(_, canonical)| options.iter().position(|o| o == canonical));
    let first = found.next()?;
    found.all(|i| i == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column's remembered choices are `choose`'s, however often and in whatever order texts
    /// come back, unmatched ones included.
    #[test]
    fn remembered_choices_are_chooses() {
        let status = opts(&["未化解", "化解中", "已化解", "已移交"]);
        let mut memo = FxHashMap::default();
        let texts = [
            "已化解",
            "调解成功",
            "已化解",
            "不知道",
            "移交",
            "不知道",
            "已 化解",
            "调解成功",
        ];
        for _ in 0..2 {
            for t in texts {
                assert_eq!(
                    choose_memo(&mut memo, &status, &syn(), t),
                    choose(&status, &syn(), t),
                    "{t}"
                );
            }
        }
        assert_eq!(memo.len(), 5);
    }

    /// The shipped synonyms, as a column holds them.
    fn syn() -> Vec<(String, String)> {
        let w = crate::ledger::schema::Words::shipped();
        w.synonyms
            .iter()
            .map(|(k, v)| (alias_key(k), v.clone()))
            .collect()
    }

    fn opts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn written_values_map_to_allowed_ones() {
        let status = opts(&["未化解", "化解中", "已化解", "已移交"]);
        assert_eq!(choose(&status, &syn(), "已化解"), Some(2));
        assert_eq!(choose(&status, &syn(), " 已 化解 "), Some(2));
        assert_eq!(choose(&status, &syn(), "调解成功"), Some(2));
        assert_eq!(choose(&status, &syn(), "正在调解"), Some(1));
        assert_eq!(choose(&status, &syn(), "移交"), Some(3));
        assert_eq!(choose(&status, &syn(), "不知道"), None);
        let types = opts(&["婚姻家庭", "邻里", "房屋宅基地", "其他"]);
        assert_eq!(choose(&types, &syn(), "邻里纠纷"), Some(1));
        assert_eq!(choose(&types, &syn(), "婚姻家庭矛盾"), Some(0));
        assert_eq!(choose(&types, &syn(), "宅基地"), Some(2));
        let method = opts(&["入户", "电话"]);
        assert_eq!(choose(&method, &syn(), "上门走访"), Some(0));
        assert_eq!(choose(&method, &syn(), "电话访问"), Some(1));
        let forms = opts(&["横幅", "墙体", "电子显示屏", "其他"]);
        assert_eq!(choose(&forms, &syn(), "LED屏"), Some(2));
        // Clerks' words for the dispute status and the activity type.
        assert_eq!(choose(&status, &syn(), "已调处"), Some(2));
        assert_eq!(choose(&status, &syn(), "已结案"), Some(2));
        assert_eq!(choose(&status, &syn(), "正在调处"), Some(1));
        assert_eq!(choose(&status, &syn(), "未办结"), None);
        let activity = opts(crate::ledger::schema::ACTIVITY_TYPES);
        assert_eq!(choose(&activity, &syn(), "动员会"), Some(0));
        assert_eq!(choose(&activity, &syn(), "大喇叭广播"), Some(2));
        assert_eq!(choose(&activity, &syn(), "座谈会"), Some(3));
        assert_eq!(choose(&activity, &syn(), "村民代表大会"), None);
        // A named station of a known kind.
        let units = opts(crate::ledger::schema::OFFICER_UNITS);
        assert_eq!(choose(&units, &syn(), "水泉派出所"), Some(2));
        assert_eq!(choose(&units, &syn(), "县司法局"), Some(3));
        // A synonym whose canonical value is not allowed here does not match.
        assert_eq!(
            choose(&opts(&["村", "社区", "镇直单位"]), &syn(), "条幅"),
            None
        );
    }
}
