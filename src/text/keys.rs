//! The normalised forms text is compared by: a header cell against column aliases (`alias_key`,
//! `header_keys`), a unit name against the register (`unit_key`), a slogan against the approved texts
//! (`slogan_key`), a person's name against another (`person_key`). Each folds full-width forms first.

use crate::ledger::cells::fold_cow;
use std::borrow::Cow;

/// Bracket characters dropped from header words and unit names (their content is kept).
fn is_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '「'
            | '」'
            | '『'
            | '』'
            | '〖'
            | '〗'
    )
}

fn closing_of(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        '【' => '】',
        '〔' => '〕',
        '《' => '》',
        '〈' => '〉',
        '「' => '」',
        '『' => '』',
        '〖' => '〗',
        _ => return None,
    })
}

/// Folded, without any whitespace, ASCII lowercased.
fn squeeze(s: &str) -> String {
    let f = fold_cow(s);
    let mut out = String::with_capacity(f.len());
    for c in f.chars() {
        if !c.is_whitespace() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// Marks around a header word that say nothing about the column: a required mark, a colon.
fn strip_marks(s: &mut String) {
    const TRAILING: [&str; 8] = [
        "(必填)",
        "[必填]",
        "【必填】",
        "(必填项)",
        "(选填)",
        "*",
        "※",
        ":",
    ];
    loop {
        let before = s.len();
        for t in TRAILING {
            if s.len() > t.len() && s.ends_with(t) {
                s.truncate(s.len() - t.len());
            }
        }
        for t in ["*", "※"] {
            if s.len() > t.len() && s.starts_with(t) {
                s.drain(..t.len());
            }
        }
        if s.len() == before {
            return;
        }
    }
}

/// The normalised form for comparing header words: folded, no whitespace at all (line breaks
/// inside a header cell included), ASCII lowercase, without a trailing `（必填）`/`*`/`＊`/`※`/`：`
/// (or a leading `*`), bracket characters removed but their content kept: `村(居)名称` → `村居名称`.
pub fn alias_key(s: &str) -> String {
    let mut k = squeeze(s);
    strip_marks(&mut k);
    if k.chars().any(is_bracket) {
        k.retain(|c| !is_bracket(c));
        strip_marks(&mut k);
    }
    k
}

/// Removes bracketed notes with their content: `标语内容(全文)` → `标语内容`.
fn drop_notes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut closing: Vec<char> = Vec::new();
    for c in s.chars() {
        if let Some(close) = closing_of(c) {
            closing.push(close);
        } else if closing.last() == Some(&c) {
            closing.pop();
        } else if is_bracket(c) {
            // a stray closing bracket: drop the character only
        } else if closing.is_empty() {
            out.push(c);
        }
    }
    if !closing.is_empty() {
        // an unclosed bracket: keep everything but the brackets rather than lose the word
        return s.chars().filter(|c| !is_bracket(*c)).collect();
    }
    out
}

/// Every form a header cell may match an alias by, deduplicated and never empty strings: first
/// [`alias_key`] (brackets as characters: `村(居)名称` → `村居名称`), then the form with bracketed
/// notes removed (`标语内容（全文）` → `标语内容`, `户数(户)` → `户数`).
pub fn header_keys(s: &str) -> Vec<String> {
    let first = alias_key(s);
    let mut keys = Vec::with_capacity(2);
    let mut squeezed = squeeze(s);
    strip_marks(&mut squeezed);
    if squeezed.chars().any(is_bracket) {
        let mut second = drop_notes(&squeezed);
        strip_marks(&mut second);
        if !first.is_empty() {
            keys.push(first);
        }
        if !second.is_empty() && !keys.contains(&second) {
            keys.push(second);
        }
    } else if !first.is_empty() {
        keys.push(first);
    }
    keys
}

/// A unit name normalised for matching the register (register names go through it too): folded,
/// no whitespace, no bracket characters, without a suffix 社区居民委员会, 社区居委会, 村民委员会,
/// 居民委员会, 村委会, 居委会, the short 社区居委, 村两委, 村委, 居委, or 党总支部, 党支部, 党总支. A 村… suffix keeps the name ending in 村
/// (`东庄村委会`, `东庄村村委会`, `东庄村民委员会` → `东庄村`); a 居… suffix in 社区 (`东城居委会`,
/// `东城社区居委会` → `东城社区`). Plain 村 / 社区 stay: `东庄村` is `东庄村`, `东庄` is `东庄`.
pub fn unit_key(s: &str) -> String {
    #[derive(Clone, Copy)]
    enum Implies {
        Village,
        Community,
        Nothing,
    }
    const SUFFIXES: [(&str, Implies); 13] = [
        ("社区居民委员会", Implies::Community),
        ("社区居委会", Implies::Community),
        ("村民委员会", Implies::Village),
        ("居民委员会", Implies::Community),
        ("党总支部", Implies::Nothing),
        ("社区居委", Implies::Community),
        ("村委会", Implies::Village),
        ("居委会", Implies::Community),
        ("村两委", Implies::Village),
        ("村委", Implies::Village),
        ("居委", Implies::Community),
        ("党支部", Implies::Nothing),
        ("党总支", Implies::Nothing),
    ];
    let mut k = squeeze(s);
    k.retain(|c| !is_bracket(c));
    loop {
        let mut changed = false;
        for (suffix, implies) in SUFFIXES {
            if k.len() > suffix.len() && k.ends_with(suffix) {
                k.truncate(k.len() - suffix.len());
                let ends_unit = k.ends_with('村') || k.ends_with("社区");
                match implies {
                    Implies::Village if !ends_unit => k.push('村'),
                    Implies::Community if !ends_unit => k.push_str("社区"),
                    _ => {}
                }
                changed = true;
                break;
            }
        }
        if !changed {
            return k;
        }
    }
}

/// Punctuation and decoration that a slogan's wording does not depend on.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{00A1}'..='\u{00BF}'          // ¡ « » · ¿ …
            | '\u{2010}'..='\u{206F}'        // — – … ‘ ’ “ ” • ‧
            | '\u{2190}'..='\u{21FF}'        // arrows
            | '\u{2500}'..='\u{27BF}'        // boxes, shapes ■●★, dingbats
            | '\u{3001}'..='\u{3004}'        // 、 。 〃
            | '\u{3008}'..='\u{3020}'        // 〈〉《》「」『』【】〔〕〖〗〜
            | '\u{3030}' | '\u{303D}'
            | '\u{30FB}'                     // ・
            | '\u{FE10}'..='\u{FE1F}'
            | '\u{FE30}'..='\u{FE6F}'
            | '\u{FF5F}'..='\u{FF65}'
            | '\u{FFE0}'..='\u{FFEE}')
}

/// A slogan normalised for comparing with the approved texts: folded, ASCII lowercase, every
/// whitespace and punctuation mark (Chinese and ASCII) removed.
pub fn slogan_key(s: &str) -> String {
    let f = fold_cow(s);
    let mut out = String::with_capacity(f.len());
    for c in f.chars() {
        if !c.is_whitespace() && !is_punct(c) {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// A person's name normalised for matching (`张 三` == `张三`): folded, no whitespace, and the
/// middle dots of minority names unified to `·`.
pub fn person_key(s: &str) -> String {
    person_key_cow(s).into_owned()
}

/// [`person_key`], borrowing `s` when it is already normalised (most names are): no allocation.
pub fn person_key_cow(s: &str) -> Cow<'_, str> {
    let f = fold_cow(s);
    if !f
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '•' | '・' | '･' | '‧' | '∙' | '.'))
    {
        return f;
    }
    Cow::Owned(
        f.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '•' | '・' | '･' | '‧' | '∙' | '.' => '·',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_keys() {
        assert_eq!(alias_key("村(居)名称"), "村居名称");
        assert_eq!(alias_key("村（居）名称"), "村居名称");
        assert_eq!(alias_key("户主\n姓名"), "户主姓名");
        assert_eq!(alias_key("户主\r\n 姓名"), "户主姓名");
        assert_eq!(alias_key("联系电话（必填）"), "联系电话");
        assert_eq!(alias_key("联系电话(必填)"), "联系电话");
        assert_eq!(alias_key("走访日期*"), "走访日期");
        assert_eq!(alias_key("走访日期＊"), "走访日期");
        assert_eq!(alias_key("走访日期※"), "走访日期");
        assert_eq!(alias_key("*走访日期"), "走访日期");
        assert_eq!(alias_key("走访日期："), "走访日期");
        assert_eq!(alias_key("走访日期:"), "走访日期");
        assert_eq!(alias_key("ＱＱ"), "qq");
        assert_eq!(alias_key("Q1"), "q1");
        assert_eq!(alias_key("　户主　姓名　"), "户主姓名");
        assert_eq!(alias_key("【走访方式】"), "走访方式");
        assert_eq!(alias_key("《标语》内容"), "标语内容");
        assert_eq!(alias_key("标语内容（全文）"), "标语内容全文");
        assert_eq!(alias_key("联系电话（必填）*"), "联系电话");
        assert_eq!(alias_key(""), "");
    }

    #[test]
    fn header_key_variants() {
        assert_eq!(
            header_keys("标语内容（全文）"),
            ["标语内容全文", "标语内容"]
        );
        assert_eq!(header_keys("户数(户)"), ["户数户", "户数"]);
        assert_eq!(header_keys("村(居)名称"), ["村居名称", "村名称"]);
        assert_eq!(header_keys("户主\n姓名"), ["户主姓名"]);
        assert_eq!(header_keys("联系电话（必填）"), ["联系电话"]);
        assert_eq!(header_keys("走访日期*"), ["走访日期"]);
        assert_eq!(header_keys("人数（人）*"), ["人数人", "人数"]);
        assert_eq!(header_keys("ＱＱ"), ["qq"]);
        assert_eq!(header_keys("(备注)"), ["备注"]);
        assert!(header_keys("  ").is_empty());
        assert_eq!(header_keys("日期（2021"), ["日期2021"]);
    }

    #[test]
    fn unit_keys() {
        for s in [
            "东庄村",
            "东庄村委会",
            "东庄村村委会",
            "东庄村民委员会",
            "东庄村村民委员会",
            "东庄村党支部",
            "东庄村党总支",
            " 东庄村 ",
            "东 庄 村",
            "东庄村（村委会）",
            "东庄村委",
            "东庄村两委",
        ] {
            assert_eq!(unit_key(s), "东庄村", "{s}");
        }
        for s in [
            "东城社区",
            "东城社区居委会",
            "东城社区居民委员会",
            "东城居委会",
            "东城居民委员会",
            "东城社区党支部",
            "东城居委",
            "东城社区居委",
        ] {
            assert_eq!(unit_key(s), "东城社区", "{s}");
        }
        // plain 村 or 社区 are part of the name
        assert_eq!(unit_key("东庄"), "东庄");
        assert_ne!(unit_key("东庄"), unit_key("东庄村"));
        assert_eq!(unit_key("水泉镇派出所"), "水泉镇派出所");
        assert_eq!(unit_key("村委会"), "村委会");
        assert_eq!(unit_key("ＡＢ村"), "ab村");
    }

    #[test]
    fn slogan_and_person_keys() {
        assert_eq!(
            slogan_key("平安建设，人人参与！ "),
            slogan_key("平安建设  人人参与")
        );
        assert_eq!(slogan_key("“平安”建设、人人——参与…"), "平安建设人人参与");
        assert_eq!(
            slogan_key("(平安)【建设】·《人人》参与。"),
            "平安建设人人参与"
        );
        assert_eq!(slogan_key("扫黑除恶 ABC!"), "扫黑除恶abc");
        assert_eq!(person_key("张 三"), person_key("张三"));
        assert_eq!(person_key("　张三　"), "张三");
        assert_eq!(person_key("阿不都•热合曼"), "阿不都·热合曼");
        // Already normalised: borrowed, not copied.
        assert!(matches!(person_key_cow("张三"), Cow::Borrowed("张三")));
        assert_eq!(person_key_cow(" 张 三"), "张三");
    }
}
