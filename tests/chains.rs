//! Vacancy chains say what the ledger knows of a post before the notice:
//! vacant only when its last recorded holder was removed earlier and
//! nobody was appointed since, unknown when no earlier holder is recorded;
//! and their counts add up.

mod common;

use appointment_ledger::{
    ChainCounts, Closing, Ledger, NaiveDate, Notice, Opening, Parser, Person, Post,
};
use common::day;

const GAZETTE: &str = include_str!("../examples/data/huaiyin-gazette-2022.txt");

fn gazette() -> Ledger {
    let mut ledger = Ledger::new();
    for parsed in Parser::new().strict(true).parse(GAZETTE).unwrap() {
        ledger.record(parsed.notice).unwrap();
    }
    ledger
}

fn counts(
    chains: usize,
    [exits, moved, vacant, unknown]: [usize; 4],
    [entries, open, joins]: [usize; 3],
    moves: usize,
) -> ChainCounts {
    ChainCounts {
        chains,
        exits,
        moved,
        vacant,
        unknown,
        entries,
        open,
        joins,
        moves,
    }
}

#[test]
fn notice_4_opens_no_post_known_vacant() {
    let ledger = gazette();
    let chains = ledger.vacancy_chains("济槐政任〔2022〕4号").unwrap();
    // Before the fix all six said `vacant →`: the ledger records nobody
    // at these posts before notice 4.
    assert!(chains.iter().all(|c| c.opening == Opening::Unknown));
    assert_eq!(
        chains[1].to_string(),
        "unknown whether vacant → 济南市槐荫区人民防空办公室主任 ← 衣连斌 (from outside)"
    );
    assert_eq!(
        ChainCounts::of(&chains),
        counts(6, [0, 0, 0, 6], [6, 0, 0], 6)
    );
}

#[test]
fn notice_5_counts_add_up() {
    let ledger = gazette();
    let chains = ledger.vacancy_chains("济槐政任〔2022〕5号").unwrap();
    let c = ChainCounts::of(&chains);
    // Before: 32 chains, 6 of them `vacant` (陈岚, 赵中华, 杜炜, 孟宪国, 王妍,
    // 冯文花); now those six are unknown, and none is vacant.
    assert_eq!(c, counts(32, [25, 1, 0, 6], [14, 17, 1], 22));
    assert_eq!(c.exits + c.moved + c.vacant + c.unknown, c.chains);
    assert_eq!(c.entries + c.open + c.joins, c.chains);
    // Every appointment is one move; every removal one post of a chain,
    // and each chain no removal opened adds its first post.
    assert_eq!(c.moves, 22);
    let posts: usize = chains.iter().map(|c| c.posts.len()).sum();
    assert_eq!(posts, 33 + c.vacant + c.unknown);
    let unknown: Vec<String> = chains
        .iter()
        .filter(|c| c.opening == Opening::Unknown)
        .map(|c| c.people[0].to_string())
        .collect();
    assert_eq!(
        unknown,
        ["陈岚", "赵中华", "杜炜", "孟宪国", "王妍", "冯文花"]
    );
    assert_eq!(
        c.to_string(),
        "32 chains (opened by 25 exits, 1 move on, 0 known vacant, 6 unknown whether vacant; \
         ended by 14 entries from outside, 17 left open, 1 joining another); 22 moves"
    );
    // Notices 4 and 5 taken together as one batch: other chains than the
    // two apart (a removal in notice 5 of someone notice 4 appointed is a
    // move on from there), and still each way of counting adds up.
    let both = ChainCounts::of(
        &ledger
            .vacancy_chains_between(day(2022, 4, 1), day(2022, 5, 31))
            .unwrap(),
    );
    assert_eq!(both, counts(39, [22, 5, 0, 12], [20, 17, 2], 28));
}

#[test]
fn a_post_left_empty_earlier_is_vacant_since_that_day() {
    let gardens = Post::new("某区园林绿化服务中心", "主任");
    let new_office = Post::new("某区大数据中心", "主任");
    let mut ledger = Ledger::new();
    ledger
        .record(
            Notice::new("某政任〔2022〕1号", day(2022, 5, 1))
                .remove(Person::new("尹强"), gardens.clone()),
        )
        .unwrap();
    ledger
        .record(
            Notice::new("某政任〔2022〕2号", day(2022, 6, 1))
                .appoint(Person::new("张晓慧"), gardens.clone())
                .appoint(Person::new("陈岚"), new_office.clone()),
        )
        .unwrap();
    let chains = ledger.vacancy_chains("某政任〔2022〕2号").unwrap();
    assert_eq!(
        chains[0].opening,
        Opening::Vacant {
            since: day(2022, 5, 1)
        }
    );
    assert_eq!(
        chains[0].to_string(),
        "vacant since 2022-05-01 → 某区园林绿化服务中心主任 ← 张晓慧 (from outside)"
    );
    assert_eq!(chains[1].opening, Opening::Unknown);
    assert_eq!(chains[1].closing, Closing::Entry);
    assert_eq!(
        ChainCounts::of(&chains),
        counts(2, [0, 0, 1, 1], [2, 0, 0], 2)
    );
    // As JSON: one object shape a kind, never a bare string.
    assert_eq!(
        serde_json::to_value(&chains[0].opening).unwrap(),
        serde_json::json!({"kind": "vacant", "person": null, "since": "2022-05-01"})
    );
    assert_eq!(
        serde_json::to_value(&chains[1].opening).unwrap(),
        serde_json::json!({"kind": "unknown", "person": null, "since": null})
    );
}

#[test]
fn a_post_someone_still_holds_or_filled_since_is_not_vacant() {
    let deputy = Post::new("某区财政局", "副局长");
    let d = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
    let mut ledger = Ledger::new();
    // 甲 is removed on 5-1, 乙 appointed on 5-10: 乙 still holds a seat.
    ledger
        .record(Notice::new("某政任〔2022〕1号", d(5, 1)).remove(Person::new("甲"), deputy.clone()))
        .unwrap();
    ledger
        .record(
            Notice::new("某政任〔2022〕2号", d(5, 10)).appoint(Person::new("乙"), deputy.clone()),
        )
        .unwrap();
    ledger
        .record(
            Notice::new("某政任〔2022〕3号", d(6, 1)).appoint(Person::new("丙"), deputy.clone()),
        )
        .unwrap();
    let third = ledger.vacancy_chains("某政任〔2022〕3号").unwrap();
    assert_eq!(third[0].opening, Opening::Unknown);
    // The second notice filled the one seat 甲 left empty: vacant since 5-1.
    let second = ledger.vacancy_chains("某政任〔2022〕2号").unwrap();
    assert_eq!(second[0].opening, Opening::Vacant { since: d(5, 1) });
    // Two appointed where one seat is known empty: one vacant, one unknown.
    let mut two = Ledger::new();
    two.record(Notice::new("某政任〔2022〕1号", d(5, 1)).remove(Person::new("甲"), deputy.clone()))
        .unwrap();
    two.record(
        Notice::new("某政任〔2022〕2号", d(6, 1))
            .appoint(Person::new("乙"), deputy.clone())
            .appoint(Person::new("丙"), deputy),
    )
    .unwrap();
    let openings: Vec<Opening> = two
        .vacancy_chains("某政任〔2022〕2号")
        .unwrap()
        .into_iter()
        .map(|c| c.opening)
        .collect();
    assert_eq!(
        openings,
        [Opening::Vacant { since: d(5, 1) }, Opening::Unknown]
    );
}
