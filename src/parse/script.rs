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

use std::collections::HashMap;

/// A folded text and the way back to the script it was written in.
pub(super) struct Folded {
    /// Each simplified character the text's traditional ones were folded
    /// to, and the one it was written as; empty for a simplified text.
    back: HashMap<char, char>,
}

impl Folded {
    /// Folds `text`; returns the text to parse and the way back.
    pub(super) fn of(text: &str) -> (std::borrow::Cow<'_, str>, Folded) {
        // Most texts are simplified: a cheap look for a character that
        // folds before any copy is made.
        let first = text.char_indices().find(|&(_, c)| folds(c) != c);
        let Some((start, _)) = first else {
            return (
                std::borrow::Cow::Borrowed(text),
                Folded {
                    back: HashMap::new(),
                },
            );
        };
        let mut out = String::with_capacity(text.len());
        out.push_str(text.get(..start).unwrap_or(""));
        let mut back: HashMap<char, Option<char>> = HashMap::new();
        let mut written = std::collections::HashSet::new();
        for c in text.get(start..).unwrap_or("").chars() {
            let s = folds(c);
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
        for c in text.get(..start).unwrap_or("").chars() {
            written.insert(c);
        }
        let back = back
            .into_iter()
            .filter_map(|(s, t)| Some((s, t?)))
            .filter(|(s, _)| !written.contains(s))
            .collect();
        (std::borrow::Cow::Owned(out), Folded { back })
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

/// The simplified form of one character, of the same length in UTF-8.
fn folds(c: char) -> char {
    if c.len_utf8() != 3 || c.is_ascii() {
        return c;
    }
    let mut buf = [0u8; 4];
    let folded = fast2s::convert(c.encode_utf8(&mut buf));
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (Some(s), None) if s.len_utf8() == 3 => s,
        _ => c,
    }
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
        assert!(matches!(folded, std::borrow::Cow::Borrowed(_)));
        assert!(!back.is_traditional());
        assert_eq!(back.unfold("财政局"), "财政局");
    }
}
