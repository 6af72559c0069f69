//! Probable namesakes: given notices written for the test (checker
//! evidence, not parser evidence) in the style of the real ones, when one
//! name's tenures can hardly be one person's, then exactly one suggestion
//! with the evidence; and none where one person plausibly holds both.

mod common;

use appointment_ledger::{
    Action, Correction, Finding, FindingKind, Ledger, Notice, Parser, Person, Post, Severity,
    Target,
};
use common::{day, notice4, notice5};

const GAZETTE: &str = include_str!("../examples/data/huaiyin-gazette-2022.txt");

/// A notice of 泰安市人民政府 numbered `泰政任〔2022〕{serial}号`, signed on
/// `signed` (`2022年1月10日`), appointing by `clauses` (`李 建为…县长`).
fn notice(serial: u32, signed: &str, clauses: &[&str]) -> Notice {
    let clauses: Vec<String> = clauses.iter().map(|c| format!("{c}；\n")).collect();
    let text = format!(
        "# 泰安市人民政府 关于任命李建等工作人员职务的通知\n\n\
         泰政任〔2022〕{serial}号\n\n\
         各县（市、区）人民政府，市政府各部门：\n\n\
         市政府决定，任命：\n\n\
         {}\n\
         泰安市人民政府\n\n\
         {signed}\n\n\
         （{signed}印发）\n",
        clauses.concat()
    );
    Parser::new()
        .strict(true)
        .parse(&text)
        .unwrap()
        .remove(0)
        .notice
}

fn ledger(notices: &[Notice]) -> Ledger {
    let mut ledger = Ledger::new();
    for n in notices {
        ledger.record(n.clone()).unwrap();
    }
    // Kept incrementally, the findings are what a recheck computes.
    let kept: Vec<Finding> = ledger.findings().into_iter().cloned().collect();
    assert_eq!(ledger.recheck(), kept);
    ledger
}

fn namesakes(ledger: &Ledger) -> Vec<Finding> {
    ledger
        .findings()
        .into_iter()
        .filter(|f| f.kind == FindingKind::ProbableNamesakes)
        .cloned()
        .collect()
}

#[test]
fn one_name_heads_two_counties_at_once() {
    let ledger = ledger(&[
        notice(1, "2022年1月10日", &["李 建为东平县人民政府县长"]),
        notice(2, "2022年3月1日", &["李 建为宁阳县人民政府县长"]),
    ]);
    let found = namesakes(&ledger);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.severity, Severity::Suggestion);
    assert_eq!(
        f.message,
        "李建 holds 东平县人民政府县长 (since 2022-01-10, 泰政任〔2022〕1号 clause 1) and \
         宁阳县人民政府县长 (since 2022-03-01, 泰政任〔2022〕2号 clause 1) at once, in two \
         different counties (东平县 and 宁阳县): probably two people of one name, unless one person's move between them is recorded late or not at all; give each an id if they are two"
    );
    assert_eq!(
        f.to_string(),
        format!("suggestion: probable namesakes: {}", f.message)
    );
    let cited: Vec<(&str, u64, u32, &str)> = f
        .events
        .iter()
        .map(|c| (c.notice.as_str(), c.seq, c.clause, c.text.as_str()))
        .collect();
    assert_eq!(
        cited,
        vec![
            ("泰政任〔2022〕1号", 1, 1, "李 建为东平县人民政府县长"),
            ("泰政任〔2022〕2号", 2, 1, "李 建为宁阳县人民政府县长"),
        ]
    );
    assert_eq!(
        f.posts,
        vec![
            Post::new("东平县人民政府", "县长"),
            Post::new("宁阳县人民政府", "县长")
        ]
    );
    assert_eq!(f.persons, vec![Person::new("李建")]);
    assert_eq!(f.uncited, 0);
    // Found when the second notice was recorded, and only then.
    assert_eq!(ledger.findings_for_notice("泰政任〔2022〕2号").len(), 2);
}

#[test]
fn a_countys_party_secretary_who_chairs_its_congress_is_one_person() {
    let ledger = ledger(&[
        notice(1, "2022年1月10日", &["李 建为中共东平县委员会书记"]),
        notice(2, "2022年3月1日", &["李 建为东平县人大常委会主任"]),
    ]);
    assert_eq!(namesakes(&ledger), vec![]);
    // A second principal post all the same (a warning, not a suggestion).
    let kinds: Vec<FindingKind> = ledger.findings().iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![FindingKind::SecondPrincipalPost]);
}

#[test]
fn a_concurrent_post_in_another_county_is_one_person() {
    let ledger = ledger(&[
        notice(1, "2022年1月10日", &["李 建为东平县人民政府县长"]),
        notice(2, "2022年3月1日", &["李 建为宁阳县人民政府县长（兼）"]),
    ]);
    assert_eq!(namesakes(&ledger), vec![]);
    assert_eq!(ledger.findings(), Vec::<&Finding>::new());
}

#[test]
fn a_move_whose_removal_is_recorded_is_one_person() {
    let ledger = ledger(&[
        notice(1, "2022年1月10日", &["李 建为东平县人民政府县长"]),
        Notice::new("泰政任〔2022〕2号", day(2022, 3, 1))
            .remove(Person::new("李建"), Post::new("东平县人民政府", "县长"))
            .appoint(Person::new("李建"), Post::new("宁阳县人民政府", "县长")),
    ]);
    assert_eq!(ledger.findings(), Vec::<&Finding>::new());
}

#[test]
fn namesakes_told_apart_by_ids_are_two_people() {
    let ledger = ledger(&[
        Notice::new("泰政任〔2022〕1号", day(2022, 1, 10)).appoint(
            Person::with_id("李建", "A"),
            Post::new("东平县人民政府", "县长"),
        ),
        Notice::new("泰政任〔2022〕2号", day(2022, 3, 1)).appoint(
            Person::with_id("李建", "B"),
            Post::new("宁阳县人民政府", "县长"),
        ),
    ]);
    assert_eq!(ledger.findings(), Vec::<&Finding>::new());
}

#[test]
fn principal_posts_of_unrelated_organisations() {
    let ledger = ledger(&[
        notice(1, "2022年1月10日", &["李 建为东平县财政局局长"]),
        notice(2, "2022年3月1日", &["李 建为山东大学校长"]),
    ]);
    let messages: Vec<String> = namesakes(&ledger).into_iter().map(|f| f.message).collect();
    assert_eq!(
        messages,
        vec![
            "李建 holds 东平县财政局局长 (since 2022-01-10, 泰政任〔2022〕1号 clause 1) and \
             山东大学校长 (since 2022-03-01, 泰政任〔2022〕2号 clause 1) at once, principal \
             posts of two unrelated organisations, neither concurrent: probably two people \
             of one name, unless one person's move between them is recorded late or not at all; give each an \
             id if they are two"
                .to_owned()
        ]
    );
}

#[test]
fn notices_4_and_5_raise_no_namesakes() {
    let mut replayed = Ledger::new();
    for parsed in Parser::new().strict(true).parse(GAZETTE).unwrap() {
        replayed.record(parsed.notice).unwrap();
    }
    for ledger in [ledger(&[notice4(), notice5()]), replayed] {
        assert_eq!(namesakes(&ledger), vec![]);
        let kinds: Vec<FindingKind> = ledger.findings().iter().map(|f| f.kind).collect();
        assert_eq!(kinds, vec![FindingKind::ProbableAlias]);
    }
}

/// Kept as the record changes: a correction that gives the second county's
/// head another name takes the suggestion away, as a recheck does.
#[test]
fn a_correction_of_the_person_takes_the_suggestion_away() {
    let mut ledger = ledger(&[
        notice(1, "2022年1月10日", &["李 建为东平县人民政府县长"]),
        notice(2, "2022年3月1日", &["李 建为宁阳县人民政府县长"]),
    ]);
    assert_eq!(namesakes(&ledger).len(), 1);
    ledger
        .record_correction(
            Correction::new("泰政任〔2022〕3号", day(2022, 3, 10)).amend(
                Target::notice("泰政任〔2022〕2号").person(Person::new("李建")),
                Action::correct().person(Person::new("李剑")),
            ),
        )
        .unwrap();
    assert_eq!(namesakes(&ledger), vec![]);
    let kept: Vec<Finding> = ledger.findings().into_iter().cloned().collect();
    assert_eq!(ledger.recheck(), kept);
}
