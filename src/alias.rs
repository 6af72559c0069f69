//! When two organisation names probably mean one organisation.
//!
//! The one place that decides it. Two names may be one organisation when
//! one adds or drops jurisdiction words (`区`, `市`, `县` …) of the other
//! (`济南市槐荫区人民医院` / `济南市槐荫人民医院`), drops the place name in
//! front (`济南市槐荫区…` / `槐荫区…`), or writes digits and letters in
//! another width. A difference that replaces characters is another
//! organisation (`兴福街道办事处` / `腊山街道办事处`; `吉林省…` / `吉林市…`,
//! a province and a city). This module only compares names; the state
//! indexes them by [`keys`] and the conflict checker suggests the pairs
//! that [`difference`] accepts. It never merges anything.

/// The words that add or drop a level of government without changing which
/// organisation is meant.
const JURISDICTION: [char; 8] = ['省', '市', '区', '县', '州', '旗', '镇', '乡'];

/// Full-width digits and Latin letters written half-width.
fn narrow(name: &str) -> String {
    name.chars().map(narrow_char).collect()
}

/// A full-width digit or Latin letter written half-width.
fn narrow_char(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// The name with jurisdiction words dropped: names that may be one
/// organisation share it, or share it once a leading place is dropped.
fn key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars().map(narrow_char) {
        if !JURISDICTION.contains(&c) {
            key.push(c);
        }
    }
    key
}

/// A leading place name (`济南市`, `山东省`): up to the first 省, 市 or 州
/// within the first eight characters.
fn leading_place(name: &str) -> Option<usize> {
    name.char_indices()
        .take(8)
        .find(|(_, c)| matches!(c, '省' | '市' | '州'))
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&end| end < name.len())
}

/// The index keys of a name: its own key, and, when it starts with a place
/// name, the key of the rest (`济南市槐荫区审计局` → `槐荫审计局`). Two names
/// may be one organisation when their own keys are equal, or when one's own
/// key is the other's rest key; two names that share only a rest key (the
/// finance bureaus of two cities) are not compared at all.
pub(crate) fn keys(name: &str) -> (String, Option<String>) {
    let own = key(name);
    let rest = leading_place(name)
        .map(|end| key(name.get(end..).unwrap_or("")))
        .filter(|rest| *rest != own);
    (own, rest)
}

/// What tells two names apart, when they probably mean one organisation
/// (`「区」`); `None` when they are two organisations or the same text.
pub(crate) fn difference(a: &str, b: &str) -> Option<String> {
    if a == b {
        return None;
    }
    let (a, b) = (narrow(a), narrow(b));
    if a == b {
        return Some("the width of digits or letters".to_owned());
    }
    let (long, short) = if a.chars().count() >= b.chars().count() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if let Some(extra) = inserted(long, short) {
        return Some(format!("「{extra}」"));
    }
    // A leading place name dropped (and perhaps jurisdiction words too).
    let end = leading_place(long)?;
    let (place, rest) = long.split_at(end);
    let extra = inserted(rest, short)?;
    Some(format!("「{place}{extra}」"))
}

/// The characters `long` has beyond `short`, when `short` is `long` with
/// only jurisdiction words taken out.
fn inserted(long: &str, short: &str) -> Option<String> {
    let mut rest = short.chars().peekable();
    let mut extra = String::new();
    for c in long.chars() {
        if rest.peek() == Some(&c) {
            rest.next();
        } else if JURISDICTION.contains(&c) {
            extra.push(c);
        } else {
            return None;
        }
    }
    rest.next().is_none().then_some(extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jurisdiction_words_added_or_dropped() {
        assert_eq!(
            difference("济南市槐荫区人民医院", "济南市槐荫人民医院"),
            Some("「区」".into())
        );
        assert_eq!(
            difference("槐荫区１２３４５中心", "槐荫区12345中心"),
            Some("the width of digits or letters".into())
        );
        assert_eq!(
            difference("济南市槐荫区人民政府", "槐荫区人民政府"),
            Some("「济南市」".into())
        );
        assert_eq!(
            keys("济南市槐荫区人民政府").1,
            Some(keys("槐荫区人民政府").0)
        );
        // Two cities' bureaus share only a rest key: never compared.
        assert_eq!(keys("济南市财政局").1, keys("青岛市财政局").1);
        assert_eq!(keys("财政局").1, None);
    }

    #[test]
    fn another_place_or_unit_is_another_organisation() {
        assert_eq!(
            difference(
                "济南市槐荫区人民政府兴福街道办事处",
                "济南市槐荫区人民政府腊山街道办事处"
            ),
            None
        );
        assert_eq!(
            difference("吉林省人民政府办公厅", "吉林市人民政府办公厅"),
            None
        );
        assert_eq!(difference("某区城区管理局", "某区城市管理局"), None);
        assert_eq!(difference("同一个名字", "同一个名字"), None);
    }
}
