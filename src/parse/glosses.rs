//! Pinyin glosses that some sites print after characters
//! (`副市長（zhǎng）`, `委員會(huì)`), taken out before anything is read:
//! they are a reading aid, no part of a name or a post, and a post written
//! with them would be another post than the one written without.
//!
//! It only deletes glosses, and never a line break, so every line keeps its
//! number; it must never delete anything else in parentheses (an
//! abbreviation `（PCG）`, an item `（a）`, a stock code).

use std::borrow::Cow;

/// The vowels pinyin writes with a tone mark, and `ü`.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

/// The longest gloss, in letters (`zhuāng`, `shuāng`).
const LONGEST: usize = 6;

/// `text` without its pinyin glosses; borrowed when it has none.
pub(super) fn without_glosses(text: &str) -> Cow<'_, str> {
    // The opening parentheses, each found by a fast one-character search;
    // most are no gloss, and most texts hold none.
    let mut glosses: Vec<(usize, usize)> = text
        .match_indices('（')
        .chain(text.match_indices('('))
        .filter_map(|(at, _)| gloss_at(text, at).map(|end| (at, end)))
        .collect();
    if glosses.is_empty() {
        return Cow::Borrowed(text);
    }
    glosses.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (at, end) in glosses {
        out.push_str(text.get(from..at).unwrap_or(""));
        from = end;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    Cow::Owned(out)
}

/// Where the gloss that opens at byte `at` ends (after its closing
/// parenthesis), if one does: one to [`LONGEST`] lower-case pinyin
/// letters, after a Han character; with a tone mark, or else between two
/// Han characters (`董事(shi)长`).
fn gloss_at(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?.chars().next_back()?;
    if !is_han(before) {
        return None;
    }
    let open = text.get(at..)?.chars().next()?;
    let inner_from = at + open.len_utf8();
    let rest = text.get(inner_from..)?;
    let mut toned = false;
    for (letters, (i, c)) in rest.char_indices().enumerate() {
        if c == '）' || c == ')' {
            let after = rest.get(i + c.len_utf8()..)?.chars().next();
            let between = after.is_some_and(is_han);
            return (letters > 0 && (toned || between)).then_some(inner_from + i + c.len_utf8());
        }
        let tone = TONED.contains(c);
        if !(c.is_ascii_lowercase() || tone) || letters == LONGEST {
            return None;
        }
        toned |= tone;
    }
    None
}

/// Whether `c` is a Han character (the unified ideographs and their first
/// extension).
fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9FFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glosses_go_and_nothing_else_does() {
        assert_eq!(
            without_glosses("漳州市人民政府副市長（zhǎng）"),
            "漳州市人民政府副市長"
        );
        assert_eq!(
            without_glosses("政協(xié)第十三屆中山市委員會(huì)提案委員會(huì)副主任"),
            "政協第十三屆中山市委員會提案委員會副主任"
        );
        assert_eq!(without_glosses("董事(shi)长"), "董事长");
        // No gloss: an abbreviation, an item, a word at the end, a number.
        for kept in [
            "腾讯平台与内容事业群（PCG）",
            "（a）任命张三",
            "张三（a）",
            "公司(600495)",
            "工会(zhǎngzhǎngzhǎng)",
        ] {
            assert_eq!(without_glosses(kept), kept);
        }
        assert!(matches!(
            without_glosses("任命张三为局长"),
            Cow::Borrowed(_)
        ));
    }
}
