//! Traditional script read like simplified: the text is folded to
//! simplified characters before any rule looks at it (`任命…為…` reads as
//! `任命…为…`), and what the parser found is written back in the script the
//! text used, so names and posts keep the characters they were written
//! in.
//!
//! Folding replaces each character by one of the same length in UTF-8 (the
//! conversion table of the `fast2s` crate, OpenCC's characters), so every
//! line, offset and clause of the folded text is where it was. It must
//! never change a text that holds no traditional character, and never
//! change a character whose simplified form the text also writes as it
//! is (a mixed text keeps what it wrote).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A folded text and the way back to the script it was written in.
pub(super) struct Folded {
    /// Each simplified character the text's traditional ones were folded
    /// to, and the one it was written as; empty for a simplified text.
    back: HashMap<char, char>,
}

impl Folded {
    /// Folds `text`; returns the text to parse and the way back.
    pub(super) fn of(text: &str) -> (Cow<'_, str>, Folded) {
        // Most texts are simplified: a bit test a character tells that
        // nothing folds, before any copy is made.
        if !text.chars().any(may_fold) {
            return (
                Cow::Borrowed(text),
                Folded {
                    back: HashMap::new(),
                },
            );
        }
        let converted = fast2s::convert(text);
        let mut out = String::with_capacity(text.len());
        let mut back: HashMap<char, Option<char>> = HashMap::new();
        let mut written = HashSet::new();
        // One for one: the conversion maps each character to one.
        for (c, s) in text.chars().zip(converted.chars()) {
            // Only a character of the same length: offsets stay.
            let s = if s.len_utf8() == c.len_utf8() { s } else { c };
            if s == c {
                written.insert(c);
            } else {
                // Two traditional characters folded to one simplified one
                // cannot both be written back: neither is.
                let entry = back.entry(s).or_insert(Some(c));
                if *entry != Some(c) {
                    *entry = None;
                }
            }
            out.push(s);
        }
        if out.len() != text.len() {
            return (
                Cow::Borrowed(text),
                Folded {
                    back: HashMap::new(),
                },
            );
        }
        let back = back
            .into_iter()
            .filter_map(|(s, t)| Some((s, t?)))
            .filter(|(s, _)| !written.contains(s))
            .collect();
        (Cow::Owned(out), Folded { back })
    }

    /// Whether the text held traditional characters to write back.
    pub(super) fn is_traditional(&self) -> bool {
        !self.back.is_empty()
    }

    /// `text` in the script the text was written in.
    pub(super) fn unfold(&self, text: &str) -> String {
        text.chars()
            .map(|c| self.back.get(&c).copied().unwrap_or(c))
            .collect()
    }
}

/// The ranges of characters that may fold: the unified ideographs and
/// their first extension, and the compatibility ideographs.
const RANGES: [(u32, u32); 2] = [(0x3400, 0x9FFF), (0xF900, 0xFAFF)];

/// Whether a character may have a simplified form: one bit a character of
/// [`RANGES`], set from the conversion table on first use.
fn may_fold(c: char) -> bool {
    static BITS: OnceLock<Vec<u64>> = OnceLock::new();
    let Some(index) = index_of(c) else {
        return false;
    };
    let bits = BITS.get_or_init(|| {
        let all: String = RANGES
            .iter()
            .flat_map(|&(lo, hi)| (lo..=hi).filter_map(char::from_u32))
            .collect();
        let converted = fast2s::convert(&all);
        let mut bits =
            vec![0u64; RANGES.iter().map(|(lo, hi)| hi - lo + 1).sum::<u32>() as usize / 64 + 1];
        for (c, s) in all.chars().zip(converted.chars()) {
            if c != s
                && let Some(i) = index_of(c)
                && let Some(word) = bits.get_mut(i / 64)
            {
                *word |= 1 << (i % 64);
            }
        }
        bits
    });
    bits.get(index / 64)
        .is_some_and(|w| w & (1 << (index % 64)) != 0)
}

/// The place of `c` in [`RANGES`], counted across them.
fn index_of(c: char) -> Option<usize> {
    let code = u32::from(c);
    let mut base = 0;
    for (lo, hi) in RANGES {
        if (lo..=hi).contains(&code) {
            return usize::try_from(base + code - lo).ok();
        }
        base += hi - lo + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_text_is_read_folded_and_written_back() {
        let (folded, back) = Folded::of("任命單忠德為工業和信息化部副部長；");
        assert_eq!(folded, "任命单忠德为工业和信息化部副部长；");
        assert_eq!(folded.len(), "任命單忠德為工業和信息化部副部長；".len());
        assert!(back.is_traditional());
        assert_eq!(back.unfold("工业和信息化部副部长"), "工業和信息化部副部長");
    }

    #[test]
    fn simplified_text_is_left_as_it_is() {
        let (folded, back) = Folded::of("任命张三为某县财政局局长。");
        assert!(matches!(folded, Cow::Borrowed(_)));
        assert!(!back.is_traditional());
        assert_eq!(back.unfold("财政局"), "财政局");
    }
}
