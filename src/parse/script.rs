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

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;

/// `text` in simplified script, for telling whether two names written in
/// two scripts are one (`工業和信息化部副部長` and `工业和信息化部副部长`);
/// borrowed when it holds no traditional character.
pub(crate) fn simplified(text: &str) -> Cow<'_, str> {
    Folded::of(text).0
}

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
        if !any_may_fold(text) {
            return (
                Cow::Borrowed(text),
                Folded {
                    back: HashMap::default(),
                },
            );
        }
        let mut out = String::with_capacity(text.len());
        let mut back: HashMap<char, Option<char>> = HashMap::new();
        let chars: Vec<char> = text.chars().collect();
        for (k, &c) in chars.iter().enumerate() {
            let may = index_of(c).is_some_and(folds_at);
            // Only a character that may fold is converted, with its
            // neighbours (the table reads a few characters in context).
            let s = if may {
                let window: String = chars
                    .get(k.saturating_sub(1)..(k + 2).min(chars.len()))
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let at = usize::from(k > 0);
                fast2s::convert(&window).chars().nth(at).unwrap_or(c)
            } else {
                c
            };
            // Only a character of the same length: offsets stay.
            let s = if s.len_utf8() == c.len_utf8() { s } else { c };
            if s != c {
                // Two traditional characters folded to one simplified one
                // cannot both be written back: neither is.
                let entry = back.entry(s).or_insert(Some(c));
                if *entry != Some(c) {
                    *entry = None;
                }
            }
            out.push(s);
        }
        let mut back: HashMap<char, char> = back
            .into_iter()
            .filter_map(|(s, t)| Some((s, t?)))
            .collect();
        if out.len() != text.len() || back.is_empty() {
            return (
                Cow::Borrowed(text),
                Folded {
                    back: HashMap::default(),
                },
            );
        }
        // A simplified character the text also writes as it is cannot be
        // written back: the text mixes scripts there.
        for c in text.chars() {
            back.remove(&c);
        }
        // A simplified text with a character that also folds (著, 乾) is
        // read as it is: nothing would be written back.
        if back.is_empty() {
            return (Cow::Borrowed(text), Folded { back });
        }
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
/// their first extension, and the compatibility ideographs (as `build.rs`,
/// which makes the table, has them).
const RANGES: [(u32, u32); 2] = [(0x3400, 0x9FFF), (0xF900, 0xFAFF)];

/// Whether any character of `text` may have a simplified form. Read byte
/// by byte: only a three-byte character can (every one of [`RANGES`] is).
fn any_may_fold(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        if (0xE0..0xF0).contains(&b)
            && let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2))
        {
            let code =
                (u32::from(b & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            if folds_at(code as usize) {
                return true;
            }
            i += 3;
            continue;
        }
        // A lead byte of two or four bytes, or a continuation byte.
        i += match b {
            0xC0..=0xDF => 2,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
    }
    false
}

/// One bit a character of the basic plane: whether it may have a
/// simplified form (only those of [`RANGES`] can), as the conversion table
/// gives it; made at build time (`build.rs`), so that no process pays for
/// it.
static FOLD_BITS: &[u8; 0x10000 / 8] = include_bytes!(concat!(env!("OUT_DIR"), "/fold_bits.bin"));

/// The place of `c` in the table of [`FOLD_BITS`]: its code, for a
/// character of [`RANGES`].
fn index_of(c: char) -> Option<usize> {
    let code = u32::from(c);
    RANGES
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&code))
        .then_some(code as usize)
}

/// Whether the character of code `code` (of the basic plane) may fold.
fn folds_at(code: usize) -> bool {
    FOLD_BITS
        .get(code / 8)
        .is_some_and(|byte| byte & (1 << (code % 8)) != 0)
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
