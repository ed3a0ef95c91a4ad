//! Masking for the leaders' copies: villagers' names (张三 → 张*) and phone numbers
//! (138****5678), and the one switch (`shown_name`, `shown_phone`) every copy goes through.

use std::borrow::Cow;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
