//! The text as lines, and the searches every other reader uses: cutting
//! at terminators and separators outside parentheses, finding words
//! without a general searcher's set-up.
//!
//! It knows no word of the domain, and must never cut a string anywhere
//! but at a character boundary it found by searching.

use super::*;

/// The input cut into lines.
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    fn line((i, raw): (usize, &str)) -> Line<'_> {
        Line::new(u32::try_from(i + 1).unwrap_or(u32::MAX), raw)
    }
    // `\n` and `\r\n`; and a lone `\r`, as old editors end lines, in a
    // text that has one (most have none, and need no second search).
    let lone_cr = text
        .match_indices('\r')
        .any(|(at, _)| text.as_bytes().get(at + 1) != Some(&b'\n'));
    if lone_cr {
        text.split_terminator('\n')
            .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
            .enumerate()
            .map(line)
            .collect()
    } else {
        text.lines().enumerate().map(line).collect()
    }
}

impl<'a> Line<'a> {
    /// Line `no` (from 1), written `raw`.
    pub(super) fn new(no: u32, raw: &'a str) -> Line<'a> {
        Line {
            no,
            raw,
            norm: heading_text(raw),
        }
    }
}

/// One input line: its number, its text and its text without white space
/// or a leading Markdown `#`.
pub(super) struct Line<'a> {
    pub(super) no: u32,
    pub(super) raw: &'a str,
    pub(super) norm: Cow<'a, str>,
}

/// A line without white space and without a leading Markdown `#`.
pub(super) fn heading_text(raw: &str) -> Cow<'_, str> {
    match normalised(raw) {
        Cow::Borrowed(norm) => Cow::Borrowed(norm.trim_start_matches('#')),
        Cow::Owned(mut norm) => {
            let hashes = norm.len() - norm.trim_start_matches('#').len();
            norm.drain(..hashes);
            Cow::Owned(norm)
        }
    }
}

pub(super) const OPEN: &[char] = &['〔', '[', '［', '（', '(', '【'];
pub(super) const CLOSE: &[char] = &['〕', ']', '］', '）', ')', '】'];

pub(super) fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| contains(text, w))
}

/// The next `；`, `;`, `。`, `：`, `:` or sentence-ending `.` in `text`
/// from byte `from` on, with its index. Only ASCII and the lead bytes
/// `0xE3` (`。`) and `0xEF` (`；`, `：`) are decoded; no other byte starts
/// one of them.
pub(super) fn next_terminator(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        i = next_byte(bytes, i, false, &[b';', b':', b'.', 0xE3, 0xEF])?;
        let c = text.get(i..).and_then(|rest| rest.chars().next())?;
        // (A clock's colon, `10:00`, cuts nothing.)
        let clock = matches!(c, '：' | ':')
            && i.checked_sub(1)
                .and_then(|b| bytes.get(b))
                .is_some_and(u8::is_ascii_digit)
            && bytes.get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit);
        if (matches!(c, '；' | ';' | '。' | '：' | ':') && !clock)
            || (c == '.' && ends_sentence(bytes, i))
        {
            return Some((i, c));
        }
        i += c.len_utf8();
    }
}

/// Whether the `.` at byte `at` ends a sentence, as text typed with
/// half-width punctuation writes it (`…主任(试用期一年).特此通知.`): after
/// a Chinese character or a parenthesis, and before no digit (not `1.`,
/// `2023.3.1`, `3.5`).
pub(super) fn ends_sentence(bytes: &[u8], at: usize) -> bool {
    let before = at.checked_sub(1).and_then(|b| bytes.get(b));
    let after = bytes.get(at + 1);
    before.is_some_and(|&b| b >= 0x80 || b == b')') && !after.is_some_and(u8::is_ascii_digit)
}

/// The index of the first byte from `from` on that is below 0x80 (when
/// `ascii`) or one of `wanted`, tested eight bytes at a time.
#[inline(always)]
pub(super) fn next_byte(bytes: &[u8], from: usize, ascii: bool, wanted: &[u8]) -> Option<usize> {
    use crate::scan::{HIGH, LOW, ONES, first};
    let word = |x: u64| {
        // Per lane, with no carry between lanes: the high bit is set where
        // the byte's own high bit is clear …
        let mut found = if ascii { !x & HIGH } else { 0 };
        for &w in wanted {
            // … or where the byte equals `w` (is zero after the xor).
            let y = x ^ (u64::from(w) * ONES);
            found |= !(((y & LOW) + LOW) | y) & HIGH;
        }
        found
    };
    first(bytes, from, word, |b| {
        (ascii && b < 0x80) || wanted.contains(&b)
    })
}

/// Whether `c` is one of [`OPEN`].
pub(super) fn is_open(c: char) -> bool {
    matches!(c, '〔' | '[' | '［' | '（' | '(' | '【')
}

/// Whether `c` is one of [`CLOSE`].
pub(super) fn is_close(c: char) -> bool {
    matches!(c, '〕' | ']' | '］' | '）' | ')' | '】')
}

/// Splits at any of `seps` outside parentheses, lazily: one piece more
/// than there are separators.
pub(super) fn split_top<'a, 's>(text: &'a str, seps: &'s [char]) -> SplitTop<'a, 's> {
    SplitTop {
        text,
        seps,
        every_char: !seps.iter().all(|&c| may_bracket(c)),
        start: 0,
        depth: 0,
        done: false,
    }
}

/// Whether the lead byte of `c` is one that [`SplitTop`] decodes: ASCII,
/// `0xE3` (U+3000–U+3FFF: `、`, `〔`, `【`…) or `0xEF` (U+F000–U+FFFF: the
/// full-width forms `，`, `；`, `（`, `［`…). Every parenthesis is.
pub(super) fn may_bracket(c: char) -> bool {
    let mut buf = [0; 4];
    matches!(
        c.encode_utf8(&mut buf).as_bytes().first(),
        Some(0..=0x7F | 0xE3 | 0xEF)
    )
}

/// The pieces of [`split_top`].
pub(super) struct SplitTop<'a, 's> {
    pub(super) text: &'a str,
    pub(super) seps: &'s [char],
    /// Whether a separator is a character [`may_bracket`] passes over, so
    /// that every character must be looked at.
    pub(super) every_char: bool,
    /// Where the next piece starts.
    pub(super) start: usize,
    /// Parentheses open at `start`.
    pub(super) depth: usize,
    pub(super) done: bool,
}

impl<'a> Iterator for SplitTop<'a, '_> {
    type Item = &'a str;

    /// The next piece: up to the next separator outside parentheses, or
    /// the rest of the text.
    fn next(&mut self) -> Option<&'a str> {
        if self.done {
            return None;
        }
        let rest = self.text.get(self.start..).unwrap_or("");
        let bytes = rest.as_bytes();
        let mut i = 0;
        loop {
            // A character with any other lead byte is no parenthesis and
            // no separator: skip to the next that may be.
            let next = if self.every_char {
                Some(i).filter(|&i| i < bytes.len())
            } else {
                next_byte(bytes, i, true, &[0xE3, 0xEF])
            };
            let Some(at) = next else {
                break;
            };
            i = at;
            let Some(c) = rest.get(i..).and_then(|r| r.chars().next()) else {
                i += 1;
                continue;
            };
            // (A name in quotation brackets is one piece: `「…成員、立法會議員
            // 及…委員會」`, p06.)
            if is_open(c) || c == '「' || c == '『' {
                self.depth += 1;
            } else if is_close(c) || c == '」' || c == '』' {
                self.depth = self.depth.saturating_sub(1);
            } else if self.depth == 0 && self.seps.contains(&c) {
                self.start += i + c.len_utf8();
                return Some(rest.get(..i).unwrap_or(""));
            }
            i += c.len_utf8();
        }
        self.done = true;
        Some(rest)
    }
}

/// The last `chars` characters of `text` (all of it when shorter): where a
/// look that must stay short, whatever the text, ends.
pub(super) fn near_end(text: &str, chars: usize) -> &str {
    let at = text
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    text.get(at..).unwrap_or(text)
}

/// The first `chars` characters of `text` (all of it when shorter).
pub(super) fn near_start(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(at, _)| text.get(..at).unwrap_or(text))
}

/// The Han characters that end `text`, at most `most` of them
/// (`…讯,哈工智能` → `哈工智能`): a name written just before what follows.
pub(super) fn han_tail(text: &str, most: usize) -> &str {
    let len: usize = text
        .chars()
        .rev()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(most)
        .map(char::len_utf8)
        .sum();
    text.get(text.len() - len..).unwrap_or("")
}

/// Which bytes a text holds, by their low six bits: a quick `no` for
/// words that are not in it, before any search. It holds for any text made
/// of pieces of the text it was made from.
#[derive(Clone, Copy)]
pub(super) struct Signature(u64);

impl Signature {
    /// The signature that may hold any word (it filters nothing).
    pub(super) const ANY: Signature = Signature(u64::MAX);

    /// The signature of `text`.
    pub(super) fn of(text: &str) -> Signature {
        Signature(text.bytes().fold(0, |bits, b| bits | 1 << (b & 63)))
    }

    /// `false` when `word` is certainly not in the text; `true` when it
    /// may be.
    pub(super) fn may_hold(self, word: &str) -> bool {
        word.bytes().all(|b| self.0 & 1 << (b & 63) != 0)
    }
}

/// The byte index of the first `needle` in `text`. Like `str::find` with a
/// `&str`, without the set-up of a general substring searcher, which costs
/// more than the search in the short texts of clauses: it looks for the
/// needle's first character (a fast one-character search) and compares the
/// rest there.
pub(super) fn find(text: &str, needle: &str) -> Option<usize> {
    occurrences(text, needle).next()
}

/// Whether `c` is a Han character of the basic block, as names and
/// organisations are written.
pub(super) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `text` contains `needle`; see [`find`].
pub(super) fn contains(text: &str, needle: &str) -> bool {
    find(text, needle).is_some()
}

/// The byte indexes of the non-overlapping occurrences of `needle` in
/// `text`, first to last, as `str::match_indices` finds them (an empty
/// needle is found nowhere).
pub(super) fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let first = needle.chars().next();
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = first?;
        loop {
            let rest = text.get(from..)?;
            let at = from + rest.find(first)?;
            if text.get(at..).is_some_and(|t| t.starts_with(needle)) {
                from = at + needle.len();
                return Some(at);
            }
            from = at + first.len_utf8();
        }
    })
}

/// The byte index of the parenthesis opening the group that closes `text`.
pub(super) fn closing_group(text: &str) -> Option<usize> {
    if !text.ends_with(CLOSE) {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        if is_close(c) {
            depth += 1;
        } else if is_open(c) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// A parenthesised group without its parentheses.
pub(super) fn inside(group: &str) -> &str {
    let mut chars = group.chars();
    chars.next();
    chars.next_back();
    chars.as_str()
}
