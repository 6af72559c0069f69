//! Regressions found in review: cases where the ledger kept entry by entry
//! disagreed with the fold of its log or with a full recheck.

use appointment_ledger::{
    Action, Correction, Ledger, NaiveDate, Notice, Person, Post, Seats, Target,
};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, m, day).unwrap()
}

/// Whether the fold equals the ledger, and the kept findings a recheck.
fn same(ledger: &Ledger) -> (bool, bool) {
    let folded = Ledger::from_log(ledger.log().to_vec()).unwrap();
    let kept: Vec<_> = ledger.findings().into_iter().cloned().collect();
    (folded == *ledger, kept == ledger.recheck())
}

/// Seats declared on a post with no holders move to the post it merges
/// into; the unknown starts there are bounded by them.
#[test]
fn seats_moved_by_a_merge_bound_the_target() {
    let mut l = Ledger::new();
    let b = Post::new("乙单位", "副主任");
    l.record(Notice::new("n1", d(3, 1)).appoint(Person::new("张三"), b.clone()))
        .unwrap();
    l.record(Notice::new("n2", d(5, 1)).remove(Person::new("张三"), b.clone()))
        .unwrap();
    l.record(Notice::new("n3", d(6, 1)).remove(Person::new("李四"), b.clone()))
        .unwrap();
    l.declare_seats(Post::new("甲单位", "副主任"), Seats::ONE)
        .unwrap();
    l.declare_alias("甲单位", "乙单位").unwrap();
    assert_eq!(l.seats(&b).unwrap(), Seats::ONE);
    assert_eq!(
        l.holders(&b, d(4, 1)).unwrap().to_string(),
        "held by 张三, since 2022-03-01, until 2022-05-01"
    );
    assert_eq!(same(&l), (true, true));
}

/// A chain of alias declarations joins two similar names without naming
/// either; their suggestion goes.
#[test]
fn a_chain_of_aliases_retires_the_suggestion() {
    let mut l = Ledger::new();
    let p = "济南市槐荫区人民医院";
    let q = "济南市槐荫人民医院";
    l.record(Notice::new("n1", d(3, 1)).appoint(Person::new("张三"), Post::new(p, "院长")))
        .unwrap();
    l.record(Notice::new("n2", d(3, 2)).appoint(Person::new("李四"), Post::new(q, "副院长")))
        .unwrap();
    assert_eq!(l.findings().len(), 1);
    l.declare_alias(p, "甲医院").unwrap();
    l.declare_alias(q, "乙医院").unwrap();
    l.declare_alias("甲医院", "乙医院").unwrap();
    assert!(l.findings().is_empty());
    assert_eq!(same(&l), (true, true));
}

/// A notice written with an alias spelling puts the canonical
/// organisation's name in use: its suggestion appears at once.
#[test]
fn a_notice_through_an_alias_puts_the_canonical_name_in_use() {
    let mut l = Ledger::new();
    let a = "济南市槐荫区人民医院";
    l.record(Notice::new("n0", d(3, 1)).appoint(
        Person::new("王五"),
        Post::new("济南市槐荫人民医院", "副院长"),
    ))
    .unwrap();
    l.declare_seats(Post::new(a, "院长"), Seats::ONE).unwrap();
    l.declare_alias("甲医院", a).unwrap();
    l.record(Notice::new("n1", d(3, 2)).appoint(Person::new("张三"), Post::new("甲医院", "院长")))
        .unwrap();
    assert_eq!(l.findings().len(), 1);
    assert_eq!(same(&l), (true, true));
}

/// A correction that moves an event between spellings, then rescinds it:
/// the suggestion follows the names actually in use.
#[test]
fn corrections_keep_suggestions_in_step() {
    let orgs = [
        "济南市槐荫区人民医院",
        "济南市槐荫人民医院",
        "槐荫区人民医院",
        "甲医院",
        "乙医院",
    ];
    let post = |i: usize| Post::new(orgs[i % 5], ["院长", "副院长"][(i / 5) % 2]);
    for strict in [false, true] {
        let mut l = Ledger::builder().strict(strict).in_memory();
        let zs = || Person::new("张三");
        l.record(Notice::new("n0", d(1, 1)).remove(zs(), post(2)))
            .unwrap();
        l.record(Notice::new("n1", d(1, 1)).remove(zs(), post(1)))
            .unwrap();
        l.record(Notice::new("n2", d(1, 1)).remove(zs(), post(3)))
            .unwrap();
        l.record_correction(
            Correction::new("c3", d(1, 1))
                .amend(Target::notice("n0"), Action::correct().post(post(0))),
        )
        .unwrap();
        let _ = l.record(Notice::new("n4", d(1, 1)).remove(zs(), post(6)));
        l.record_correction(
            Correction::new("c5", d(1, 1)).amend(Target::notice("n0"), Action::Retract),
        )
        .unwrap();
        assert_eq!(same(&l), (true, true), "strict: {strict}");
    }
}
