//! People's names: where a written name ends, what is dropped from it
//! (gender, honorific, the post held now), and what is never a name.
//!
//! It must never take a word of the clause for part of a name.

use super::*;

/// Whether a written name is plausible: two to four Chinese characters, or
/// a longer name joined by `·`.
pub(super) fn is_name(name: &str) -> bool {
    let count = name.chars().count();
    let han =
        |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c);
    if name.contains(['·', '•', '・']) {
        return (3..=16).contains(&count) && name.chars().all(|c| han(c) || "·•・".contains(c));
    }
    (2..=4).contains(&count)
        && name.chars().all(han)
        && !NOT_NAMES.iter().any(|w| name.starts_with(w))
}

/// What follows a name in courtesy (`张三同志`, `李四先生`, `王五女士`).
pub(super) const HONORIFICS: &[&str] = &["同志", "先生", "女士"];

/// Words that stand where a name could, before a verb, and start none:
/// `其`, and the connectives of a clause (`不再担任…`, `同时任…`).
pub(super) const NOT_NAMES: &[&str] = &[
    "其",
    "不再",
    "同时",
    "并且",
    "另外",
    "以上",
    "上述",
    "分别",
    "仍",
    "继续",
    "该同志",
    "挂职",
];

/// The people named in `text` (`张三`, `李四（女）同志`, `张三、李四`).
pub(super) fn names(text: &str) -> Option<Vec<Person>> {
    let mut out = Vec::new();
    for written in split_top(text, &['、']) {
        let mut name = HONORIFICS
            .iter()
            .find_map(|h| written.strip_suffix(h))
            .unwrap_or(written);
        // `李红（女）`, and the post held now: `刘洋同志（省发展和改革委员会
        // 产业协调处二级调研员）`.
        while let Some(open) = closing_group(name) {
            let inner = inside(name.get(open..).unwrap_or(""));
            let gender = inner.contains(['女', '男', '族']) && inner.chars().count() <= 8;
            let post = lexicon::split_post(inner).is_some();
            if !gender && !post {
                break;
            }
            name = name.get(..open).unwrap_or("");
            name = name.strip_suffix("同志").unwrap_or(name);
        }
        let name = name.strip_suffix("同志").unwrap_or(name);
        if !is_name(name) {
            return None;
        }
        out.push(Person::new(name));
    }
    Some(out)
}
