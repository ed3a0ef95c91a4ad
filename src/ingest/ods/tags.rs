//! A minimal XML tag walker for ods `content.xml`: element tags in order with their attributes, the
//! counts and names read from them. Comments, CDATA, processing instructions and the doctype are
//! skipped; text between tags is never looked at.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Start,
    End,
    Empty,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tag<'a> {
    pub kind: Kind,
    /// The qualified name, e.g. `table:table-cell`.
    pub name: &'a [u8],
    /// The text after the name (attributes), without a closing `/`.
    pub attrs: &'a [u8],
    /// Offsets of `<` and just past `>`.
    pub start: usize,
    pub end: usize,
}

/// The element tags of an XML text in order; comments, CDATA, processing instructions and the
/// doctype are skipped. A `>` inside a quoted attribute value does not end a tag. `broken` is set
/// when the text ends inside markup.
pub(super) struct Tags<'a> {
    xml: &'a [u8],
    pos: usize,
    pub broken: bool,
}

impl<'a> Tags<'a> {
    pub fn new(xml: &'a [u8]) -> Self {
        Tags {
            xml,
            pos: 0,
            broken: false,
        }
    }

    fn skip_past(&mut self, from: usize, end: &[u8]) -> bool {
        match find(&self.xml[from..], end) {
            Some(i) => {
                self.pos = from + i + end.len();
                true
            }
            None => {
                self.broken = true;
                false
            }
        }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let xml = self.xml;
        loop {
            let lt = self.pos + xml[self.pos..].iter().position(|&b| b == b'<')?;
            let rest = &xml[lt..];
            let skip: Option<(usize, &[u8])> = if rest.starts_with(b"<!--") {
                Some((4, b"-->"))
            } else if rest.starts_with(b"<![CDATA[") {
                Some((9, b"]]>"))
            } else if rest.starts_with(b"<?") {
                Some((2, b"?>"))
            } else if rest.starts_with(b"<!") {
                Some((2, b">"))
            } else {
                None
            };
            if let Some((n, end)) = skip {
                if !self.skip_past(lt + n, end) {
                    return None;
                }
                continue;
            }
            let mut i = lt + 1;
            let mut quote = 0u8;
            while i < xml.len() {
                let b = xml[i];
                if quote != 0 {
                    if b == quote {
                        quote = 0;
                    }
                } else if b == b'"' || b == b'\'' {
                    quote = b;
                } else if b == b'>' {
                    break;
                }
                i += 1;
            }
            if i >= xml.len() {
                self.broken = true;
                return None;
            }
            self.pos = i + 1;
            let inner = &xml[lt + 1..i];
            let (kind, inner) = if let Some(n) = inner.strip_prefix(b"/") {
                (Kind::End, n)
            } else if let Some(n) = inner.strip_suffix(b"/") {
                (Kind::Empty, n)
            } else {
                (Kind::Start, inner)
            };
            let n = inner
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(inner.len());
            return Some(Tag {
                kind,
                name: &inner[..n],
                attrs: &inner[n..],
                start: lt,
                end: i + 1,
            });
        }
    }
}

/// The attributes as (qualified name, raw value, the whole `name="value"` text).
pub(super) fn attrs(a: &[u8]) -> impl Iterator<Item = (&[u8], &[u8], &[u8])> {
    let mut rest = a;
    std::iter::from_fn(move || {
        let s = rest.trim_ascii_start();
        let eq = s.iter().position(|&b| b == b'=')?;
        let key = s[..eq].trim_ascii();
        let after = &s[eq + 1..];
        let ws = after.len() - after.trim_ascii_start().len();
        let quote = *after.get(ws)?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let len = after[ws + 1..].iter().position(|&b| b == quote)?;
        let end = eq + 1 + ws + 1 + len + 1;
        let value = &after[ws + 1..ws + 1 + len];
        rest = &s[end..];
        Some((key, value, &s[..end]))
    })
}

pub(super) fn attr<'a>(a: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    attrs(a).find(|(k, _, _)| *k == name).map(|(_, v, _)| v)
}

/// A repeat or span count; 1 when absent, saturating when absurdly long.
pub(super) fn num(v: Option<&[u8]>) -> u32 {
    let Some(v) = v else { return 1 };
    let v = v.trim_ascii();
    if v.is_empty() || !v.iter().all(u8::is_ascii_digit) {
        return 1;
    }
    v.iter().fold(0u32, |n, &d| {
        n.saturating_mul(10).saturating_add((d - b'0') as u32)
    })
}

pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// An attribute value with its entity and character references resolved.
pub(super) fn unescape(v: &[u8]) -> String {
    let s = String::from_utf8_lossy(v);
    if !s.contains('&') {
        return s.into_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = &s[..];
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.find(';') else { break };
        let ent = &rest[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| ent.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_references() {
        assert_eq!(num(None), 1);
        assert_eq!(num(Some(b"1000")), 1000);
        assert_eq!(num(Some(b"99999999999999")), u32::MAX);
        assert_eq!(unescape(b"a&amp;b&#x4E1C;&#24196;&bogus"), "a&b东庄&bogus");
    }
}
