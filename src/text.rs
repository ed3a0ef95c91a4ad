//! Text normalisation for matching what people write: header cells against column aliases, unit
//! names against the register, slogans against the approved texts; and masking for leaders' copies.

use crate::ledger::cells::fold_cow;
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

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

/// One name: first and last character kept, the middle starred; two characters → first + `*`;
/// one → `*`.
fn mask_one(name: &[char], out: &mut String) {
    match name.len() {
        0 => {}
        1 => out.push('*'),
        2 => {
            out.push(name[0]);
            out.push('*');
        }
        n => {
            out.push(name[0]);
            out.extend(std::iter::repeat_n('*', n - 2));
            out.push(name[n - 1]);
        }
    }
}

/// Masks one run of name characters, splitting `张三与李四` (与/和/及/诉) into two names when both
/// sides have at least two characters (so a name like 和平 or 张和 is not split).
fn mask_names_run(run: &[char], out: &mut String) {
    for (i, c) in run.iter().enumerate() {
        if matches!(c, '与' | '和' | '及' | '诉') && i >= 2 && run.len() - i > 2 {
            mask_names_run(&run[..i], out);
            out.push(*c);
            mask_names_run(&run[i + 1..], out);
            return;
        }
    }
    mask_one(run, out);
}

fn is_name_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '、' | ',' | '，' | ';' | '；' | '/' | '／' | '|' | '\\')
}

/// A villager's name as a copy shows it: masked for the leaders' copy (`mask`), else as written.
/// The one switch the rules, the weekly notice and the monthly workbook all use.
pub fn shown_name(mask: bool, s: &str) -> String {
    if mask {
        mask_name(s)
    } else {
        s.to_string()
    }
}

/// A phone number as a copy shows it: masked for the leaders' copy (`mask`), else as written.
pub fn shown_phone(mask: bool, s: &str) -> String {
    if mask {
        mask_phone(s)
    } else {
        s.to_string()
    }
}

/// Endings that make a text a place or an organisation, not a person (村, 社区, 派出所 …).
const NOT_A_PERSON_ENDINGS: [&str; 18] = [
    "村",
    "社区",
    "居委会",
    "村委会",
    "镇",
    "乡",
    "街道",
    "所",
    "院",
    "校",
    "局",
    "站",
    "办",
    "中心",
    "队",
    "组",
    "委",
    "会",
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

fn is_name_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '.' | '．')
}

/// The most common surnames (about nine in ten people), and the compound ones: a quoted word that
/// starts with none of them is taken for a word (满意, 邻里, 入户), not a name.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
const COMPOUND_SURNAMES: [&str; 14] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯",
];

/// Whether a run of characters (Han and middle dots only) could be a person's name: 2–4 Han
/// characters starting with a common surname (a minority name with a middle dot may be longer and
/// start with anything), not ending like a place or an organisation.
fn may_be_name(run: &str) -> bool {
    let han = run.chars().filter(|&c| is_han(c)).count();
    let dotted = run.chars().any(is_name_dot);
    let fits = if dotted {
        (3..=16).contains(&han)
    } else {
        (2..=4).contains(&han)
            && (run.chars().next().is_some_and(|c| SURNAMES.contains(c))
                || COMPOUND_SURNAMES.iter().any(|s| run.starts_with(s)))
    };
    fits && !NOT_A_PERSON_ENDINGS.iter().any(|e| run.ends_with(e))
}

/// A run of digits, dashes and spaces that could be a phone: at least 7 digits, and not a date
/// written `2021-13-45`.
fn may_be_phone(run: &str) -> bool {
    let digits = run
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .count();
    let parts: Vec<&str> = run.trim().split(['-', '－']).collect();
    let date = parts.len() == 3
        && parts[0].chars().count() == 4
        && parts[1..]
            .iter()
            .all(|p| (1..=2).contains(&p.chars().count()));
    digits >= 7 && !date
}

/// A cell's text quoted in a message, as the leaders' copies show it: every run of Han characters
/// that could be a person's name is masked like one ([`mask_name`]) and every run of at least 7
/// digits like a phone ([`mask_phone`]); the rest (dates, option-like words, unit names) is kept.
pub fn mask_villager_text(s: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(s.len() + 4);
    let mut changed = false;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let han = |c: char| is_han(c) || is_name_dot(c);
        let digit = |c: char| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '-' | '－' | ' ')
        };
        let (end, kind) = if is_han(c) {
            (rest.find(|c: char| !han(c)).unwrap_or(rest.len()), 1)
        } else if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            (rest.find(|c: char| !digit(c)).unwrap_or(rest.len()), 2)
        } else {
            (c.len_utf8(), 0)
        };
        let (run, tail) = rest.split_at(end);
        match kind {
            1 if may_be_name(run) => {
                out.push_str(&mask_name(run));
                changed = true;
            }
            2 if may_be_phone(run) => {
                let kept = run.trim_end();
                out.push_str(&mask_phone(kept));
                out.push_str(&run[kept.len()..]);
                changed = true;
            }
            _ => out.push_str(run),
        }
        rest = tail;
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// Masks personal names for leaders' copies: 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜, a
/// one-character string → `*`. Several names separated by 、,，;；/ or spaces, or joined by 与/和/诉
/// (`张三与李四` → `张*与李*`), are masked one by one and the separators kept. Leading and trailing
/// spaces are dropped.
pub fn mask_name(s: &str) -> String {
    let s = s.trim();
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if is_name_separator(c) {
            mask_names_run(&chars[start..i], &mut out);
            out.push(c);
            start = i + 1;
        }
    }
    mask_names_run(&chars[start..], &mut out);
    out
}

/// One phone-like piece: a valid mobile → `138****5678`; a valid landline → area code, a dash,
/// stars and the last 4 digits (3 for a 7-digit number): `0531-****5678`; anything else with at
/// least 7 digits keeps its first 3 and last 4 digits, the others starred in place; shorter
/// pieces are left as they are.
fn mask_phone_piece(piece: &str, out: &mut String) {
    let n = crate::ledger::cells::normalize_phone(piece);
    let b = n.as_bytes();
    if crate::ledger::cells::phone_valid(&n) {
        if b[0] == b'1' {
            out.push_str(&n[..3]);
            out.push_str("****");
            out.push_str(&n[7..]);
        } else {
            let area = if b[1] == b'1' || b[1] == b'2' { 3 } else { 4 };
            let local = &n[area..];
            let keep = if local.len() >= 8 { 4 } else { 3 };
            out.push_str(&n[..area]);
            out.push('-');
            out.extend(std::iter::repeat_n('*', local.len() - keep));
            out.push_str(&local[local.len() - keep..]);
        }
        return;
    }
    let digits = piece
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .count();
    if digits < 7 {
        out.push_str(piece);
        return;
    }
    let mut k = 0;
    for c in piece.chars() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            out.push(if k < 3 || k >= digits - 4 { c } else { '*' });
            k += 1;
        } else {
            out.push(c);
        }
    }
}

fn is_phone_char(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '-' | '－' | '—' | '–' | '+' | '＋' | '(' | ')' | '（' | '）'
        )
        || c.is_whitespace()
}

/// Masks phone numbers: 13812345678 → 138****5678; landlines keep the area code and the last
/// digits (0531-12345678 → 0531-****5678); anything else with ≥ 7 digits keeps the first 3 and
/// last 4 digits. A cell with several numbers (`13812345678、0531-1234567`) masks each.
pub fn mask_phone(s: &str) -> String {
    let s = s.trim();
    let mut out = String::with_capacity(s.len() + 4);
    let mut rest = s;
    while !rest.is_empty() {
        let end = rest
            .char_indices()
            .find(|&(_, c)| !is_phone_char(c))
            .map_or(rest.len(), |(i, _)| i);
        let (piece, tail) = rest.split_at(end);
        if !piece.is_empty() {
            let trimmed = piece.trim();
            let lead = &piece[..piece.len() - piece.trim_start().len()];
            let trail = &piece[piece.trim_end().len()..];
            out.push_str(lead);
            if crate::ledger::cells::phone_valid(trimmed) || !trimmed.contains(char::is_whitespace)
            {
                mask_phone_piece(trimmed, &mut out);
            } else {
                // several numbers separated by spaces
                let mut first = true;
                for part in trimmed.split(' ') {
                    if !first {
                        out.push(' ');
                    }
                    first = false;
                    mask_phone_piece(part, &mut out);
                }
            }
            out.push_str(trail);
        }
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// Columns a text takes on screen and in a workbook (CJK = 2).
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
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

    #[test]
    fn names_masked() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("张三丰"), "张*丰");
        assert_eq!(mask_name("欧阳娜娜"), "欧**娜");
        assert_eq!(mask_name("张"), "*");
        assert_eq!(mask_name(""), "");
        assert_eq!(mask_name(" 张三 "), "张*");
        assert_eq!(mask_name("张三、李四"), "张*、李*");
        assert_eq!(mask_name("张三,李四丰"), "张*,李*丰");
        assert_eq!(
            mask_name("张三，李四；王五;赵六/孙七"),
            "张*，李*；王*;赵*/孙*"
        );
        assert_eq!(mask_name("张三 李四"), "张* 李*");
        assert_eq!(mask_name("张三与李四"), "张*与李*");
        assert_eq!(mask_name("张三和李四丰"), "张*和李*丰");
        assert_eq!(mask_name("张三诉李四"), "张*诉李*");
        assert_eq!(mask_name("和平"), "和*");
        assert_eq!(mask_name("张和平"), "张*平");
        assert_eq!(mask_name("阿不都·热合曼"), "阿*****曼");
    }

    #[test]
    fn phones_masked() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("138 1234 5678"), "138****5678");
        assert_eq!(mask_phone("+86 13812345678"), "138****5678");
        assert_eq!(mask_phone("１３８１２３４５６７８"), "138****5678");
        assert_eq!(mask_phone("0531-12345678"), "0531-****5678");
        assert_eq!(mask_phone("053112345678"), "0531-****5678");
        assert_eq!(mask_phone("0531-1234567"), "0531-****567");
        assert_eq!(mask_phone("010-12345678"), "010-****5678");
        assert_eq!(
            mask_phone("13812345678、0531-1234567"),
            "138****5678、0531-****567"
        );
        assert_eq!(
            mask_phone("13812345678 13912345678"),
            "138****5678 139****5678"
        );
        assert_eq!(mask_phone("1234567"), "1234567"); // 3 + 4 digits: nothing left to star
        assert_eq!(mask_phone("12345678"), "123*5678");
        assert_eq!(mask_phone("123456789012"), "123*****9012");
        assert_eq!(mask_phone("无"), "无");
        assert_eq!(mask_phone("8001"), "8001");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn widths() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("东庄村"), 6);
        assert_eq!(display_width("东庄村12"), 8);
        assert_eq!(display_width(""), 0);
    }
}
