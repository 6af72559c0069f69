//! `Ledger::search` and the suggestions over a synthetic ledger: every
//! post and person is found by its whole name and by a part of it, a name
//! with one character mistyped is suggested its own, and each answer is
//! what a naive scan of every name gives.

use appointment_ledger::{Found, Ledger, Synthetic};

/// How many posts the synthetic ledger holds.
const EXPECTED_POSTS: usize = 660;

/// How many of its posts hold `春城区审` as one run, and how many hold its
/// characters in order (the run among them).
const WANT_RUNS: usize = 2;
const WANT_FOUND: usize = 4;

fn ledger() -> Ledger {
    Ledger::from_log(Synthetic::new(16).events(20_000).entries()).unwrap()
}

/// `name` with its character at `at` changed to one no name holds.
fn mistyped(name: &str, at: usize) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    chars[at] = '仼';
    chars.into_iter().collect()
}

/// Whether `name` holds the characters of `part` in order, with others
/// between or not: how a search matches (`Part::held_by`: the whole name,
/// a run, or the characters in order), written the naive way.
fn holds_in_order(name: &str, part: &str) -> bool {
    let mut chars = name.chars();
    part.chars().all(|c| chars.any(|n| n == c))
}

#[test]
fn every_post_is_found_by_its_name_and_by_a_part_of_it() {
    let ledger = ledger();
    let names: Vec<String> = ledger.posts().iter().map(ToString::to_string).collect();
    assert_eq!(names.len(), EXPECTED_POSTS, "{} posts", names.len());
    // Each post answers to its name alone: no bracket, second name or
    // board's term gives it another form the naive scan would miss.
    assert!(
        names
            .iter()
            .all(|n| !n.contains(['(', '（', '[', '〔', '［']) && !n.contains("届")),
        "a synthetic post with another written form"
    );
    for (i, name) in names.iter().enumerate().step_by(7) {
        let id = ledger.find_post(name.as_str()).unwrap();
        // The whole name: the post first.
        let found = ledger.search(name);
        assert!(
            matches!(found.first(), Some(Found::Post { id: first, .. }) if *first == id),
            "{name}: {:?}",
            found.first()
        );
        // Four characters of it: the post among the posts found, which
        // are exactly those whose names hold them (a naive scan).
        let chars: Vec<char> = name.chars().collect();
        let part: String = chars[chars.len() / 2 - 2..chars.len() / 2 + 2]
            .iter()
            .collect();
        let posts: Vec<&appointment_ledger::Post> = ledger
            .search(&part)
            .iter()
            .filter_map(|f| match f {
                Found::Post { id, .. } => ledger.post(*id),
                _ => None,
            })
            .collect();
        assert!(posts.iter().any(|p| p.to_string() == *name), "{part}");
        // Exactly the posts a naive scan finds, matching as the search
        // does: the part's characters in order, with others between or
        // not (`春城区审` finds `临塘市春城区行政审批服务局局长`), so more
        // than the names that hold it as one run.
        let mut want: Vec<&str> = names
            .iter()
            .filter(|n| holds_in_order(n, &part))
            .map(String::as_str)
            .collect();
        let mut got: Vec<String> = posts.iter().map(ToString::to_string).collect();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want, "{part}");
        // One character mistyped: the post is suggested, first or tied.
        let typo = mistyped(name, chars.len() / 2);
        let near = ledger.suggest_posts(&typo, 5);
        assert!(
            near.iter().any(|p| p.to_string() == *name),
            "{i} {typo}: {near:?}"
        );
    }
}

#[test]
fn every_person_is_suggested_for_a_mistyped_name() {
    let ledger = ledger();
    for person in ledger.persons().iter().step_by(11) {
        let name = person.name();
        let found = ledger.search(name);
        let id = ledger.find_person(person).unwrap();
        assert!(
            found
                .iter()
                .any(|f| matches!(f, Found::Person { id: p, .. } if *p == id)),
            "{name}"
        );
        if name.chars().count() < 2 {
            continue;
        }
        let typo = mistyped(name, name.chars().count() - 1);
        let near = ledger.suggest_persons(&typo, 5);
        // Namesakes and names one character apart may fill the five:
        // every one suggested is as close as the person is.
        assert!(
            near.contains(&person)
                || near.len() == 5
                    && near.iter().all(|p| {
                        let other: Vec<char> = p.name().chars().collect();
                        let typed: Vec<char> = typo.chars().collect();
                        other.len() == typed.len()
                            && other.iter().zip(&typed).filter(|(a, b)| a != b).count() <= 1
                    }),
            "{typo}: {near:?}"
        );
    }
}

/// `春城区审` is not a run of `临塘市春城区行政审批服务局局长`, but its
/// characters are in it in order: the search finds it with those that
/// hold it as a run, exactly the posts the naive scan finds.
#[test]
fn a_part_spread_out_finds_exactly_what_a_naive_scan_finds() {
    let ledger = ledger();
    let names: Vec<String> = ledger.posts().iter().map(ToString::to_string).collect();
    let mut got: Vec<String> = ledger
        .search("春城区审")
        .iter()
        .filter_map(|f| match f {
            Found::Post { id, .. } => ledger.post(*id).map(ToString::to_string),
            _ => None,
        })
        .collect();
    let mut want: Vec<String> = names
        .iter()
        .filter(|n| holds_in_order(n, "春城区审"))
        .cloned()
        .collect();
    got.sort_unstable();
    want.sort_unstable();
    assert!(
        want.iter().any(|n| n == "临塘市春城区行政审批服务局局长"),
        "{want:?}"
    );
    assert_eq!(got, want);
    assert_eq!(
        got,
        [
            "临塘市春城区审计局副局长",
            "临塘市春城区审计局局长",
            "临塘市春城区行政审批服务局副局长",
            "临塘市春城区行政审批服务局局长"
        ]
    );
    // More than those that hold it as one run.
    let runs = names.iter().filter(|n| n.contains("春城区审")).count();
    assert_eq!((runs, got.len()), (WANT_RUNS, WANT_FOUND), "{got:?}");
}
