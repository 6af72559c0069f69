//! The bodies loose text sets up before its list (`新组建台州湾…集聚区
//! 管委会`, `建立…（…）党工委`), which a post at the bare organ then means:
//! `芮宏同志任党工委书记` under them is the zone's 党工委书记, not a
//! 党工委's of no name (r37).
//!
//! Only a body the text says it sets up counts: a bare `党委书记` in a
//! text that set up no Party committee stays an error, never a guess.

use super::*;

/// The words that set a body up: the body's name follows.
const SET_UP: &[&str] = &[
    "新组建",
    "组建",
    "新成立",
    "成立",
    "建立",
    "新设立",
    "设立",
    "筹建",
];

/// The organs a set-up body's name ends in, and a bare post's organisation
/// may be (longest first, so that `管理委员会` is not read as `委员会`).
const ORGANS: &[&str] = &[
    "管理委员会",
    "纪工委",
    "党工委",
    "管委会",
    "工委",
    "党委",
    "党组",
];

/// The body a part sets up, by its name less what it writes in
/// parentheses (`建立台州湾循环经济产业集聚区（合州高新技术产业园区）党工委`
/// → `台州湾循环经济产业集聚区党工委`); `None` when the part sets up no
/// body ending in an organ.
pub(super) fn set_up(part: &str) -> Option<String> {
    let (at, word) = SET_UP
        .iter()
        .filter_map(|w| find(part, w).map(|at| (at, *w)))
        .min_by_key(|(at, w)| (*at, usize::MAX - w.len()))?;
    let rest = part.get(at + word.len()..)?;
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    let name = without_parentheses(rest);
    // The name ends at the first organ (`…管委会首次干部大会`).
    let (end, organ) = ORGANS
        .iter()
        .filter_map(|o| find(&name, o).map(|at| (at + o.len(), *o)))
        .min_by_key(|(end, o)| (*end, usize::MAX - o.len()))?;
    let name = name.get(..end)?;
    // A body with a name of its own before its organ, of a name's length
    // (three characters at least: `建立健全党委…` sets up no 健全党委).
    let own = name.get(..name.len() - organ.len()).unwrap_or("");
    ((3..=40).contains(&own.chars().count())).then(|| name.to_owned())
}

/// `text` less what stands in parentheses (full- or half-width).
fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The body among `bodies` (latest first) that ends in `organ`.
fn ending_in<'a>(bodies: &'a [String], organ: &str) -> Option<&'a str> {
    bodies
        .iter()
        .rev()
        .map(String::as_str)
        .find(|b| b.ends_with(organ))
}

/// `post` at the set-up body it means, when its organisation is that
/// body's bare organ (`党工委` of `党工委副书记`, `管委会` of `管委会主任`).
pub(super) fn at_body(post: &Post, bodies: &[String]) -> Option<Post> {
    let org = post.organisation();
    if !ORGANS.contains(&org) {
        return None;
    }
    ending_in(bodies, org).map(|body| Post::new(body, post.title()))
}

/// For a title that names its organ (`党工委书记`) and no organisation: the
/// name of the set-up body of that organ, less the organ, to write it
/// under (`台州湾循环经济产业集聚区`).
pub(super) fn for_title(title: &str, bodies: &[String]) -> Option<String> {
    ORGANS
        .iter()
        .filter(|o| title.strip_prefix(*o).is_some_and(lexicon::is_title))
        .find_map(|o| {
            let body = ending_in(bodies, o)?;
            body.strip_suffix(o).map(str::to_owned)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_set_up_is_named_less_its_parentheses() {
        assert_eq!(
            set_up("新组建某某集聚区管委会").as_deref(),
            Some("某某集聚区管委会")
        );
        assert_eq!(
            set_up("建立某某集聚区（某园区、某度假区）党工委").as_deref(),
            Some("某某集聚区党工委")
        );
        assert_eq!(
            set_up("某市召开新组建的某某集聚区管委会首次干部大会").as_deref(),
            Some("某某集聚区管委会")
        );
        // No body of a name of its own, or no organ.
        assert_eq!(set_up("成立党委"), None);
        assert_eq!(set_up("建立健全工作机制"), None);
        assert_eq!(set_up("建立健全党委领导下的机制"), None);
    }

    #[test]
    fn a_bare_organ_means_the_body_set_up() {
        let bodies = vec!["某某集聚区管委会".to_owned(), "某某集聚区党工委".to_owned()];
        let post = Post::new("党工委", "副书记");
        assert_eq!(
            at_body(&post, &bodies),
            Some(Post::new("某某集聚区党工委", "副书记"))
        );
        assert_eq!(at_body(&Post::new("某局", "局长"), &bodies), None);
        assert_eq!(at_body(&Post::new("党组", "书记"), &bodies), None);
        assert_eq!(
            for_title("党工委书记", &bodies).as_deref(),
            Some("某某集聚区")
        );
        assert_eq!(for_title("党委书记", &bodies), None);
    }
}
