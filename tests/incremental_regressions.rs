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

/// A replayed ledger computes its findings when first asked; a notice
/// recorded first after the replay still reports as new only what it adds,
/// and a declaration or a check does too.
#[test]
fn a_replayed_ledger_reports_only_what_a_later_entry_adds() {
    let bureau = Post::new("某局", "局长");
    let other = Post::new("另局", "局长");
    let mut l = Ledger::new();
    l.record(Notice::new("n1", d(1, 1)).appoint(Person::new("张三"), bureau.clone()))
        .unwrap();
    let log = l.log().to_vec();

    // The first entry after a replay raises the finding it causes.
    let mut replayed = Ledger::from_log(log.clone()).unwrap();
    let second = Notice::new("n2", d(2, 1)).appoint(Person::new("李四"), bureau.clone());
    let checked = replayed.check(&second).unwrap();
    assert_eq!(checked.len(), 1);
    assert_eq!(
        checked[0].kind,
        appointment_ledger::FindingKind::SeatNotVacated
    );
    let recorded = replayed.record(second).unwrap();
    assert_eq!(recorded.findings, checked);

    // A replayed ledger that holds a finding does not report it again.
    let mut again = Ledger::from_log(replayed.log().to_vec()).unwrap();
    let third = Notice::new("n3", d(3, 1)).appoint(Person::new("王五"), other);
    assert!(again.record(third).unwrap().findings.is_empty());
    assert_eq!(again.findings().len(), 1);
    assert_eq!(same(&again), (true, true));

    // Two deputies, then the post declared to have one seat: the first
    // declaration after a replay raises the finding.
    let deputy = Post::new("某局", "副局长");
    let mut l = Ledger::new();
    l.record(Notice::new("d1", d(1, 1)).appoint(Person::new("甲"), deputy.clone()))
        .unwrap();
    l.record(Notice::new("d2", d(2, 1)).appoint(Person::new("乙"), deputy.clone()))
        .unwrap();
    assert!(l.findings().is_empty());
    let mut declared = Ledger::from_log(l.log().to_vec()).unwrap();
    let found = declared.declare_seats(deputy, Seats::ONE).unwrap().findings;
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].kind,
        appointment_ledger::FindingKind::SeatNotVacated
    );
    assert_eq!(same(&declared), (true, true));
}

/// An organisation first known from a seat declaration, then named by a
/// notice whose pair already existed (through an alias merge): its first
/// event changes, and the alias suggestion that cites it is redone.
#[test]
fn a_name_first_used_by_a_notice_is_cited_by_its_suggestion() {
    let mut l = Ledger::new();
    l.record(
        Notice::new("n1", d(1, 1))
            .remove(Person::new("赵六"), Post::new("乙医院", "副院长"))
            .remove(
                Person::new("张三"),
                Post::new("济南市槐荫区人民医院", "副院长"),
            ),
    )
    .unwrap();
    l.declare_seats(Post::new("槐荫区人民医院", "副院长"), Seats::ONE)
        .unwrap();
    l.declare_alias("乙医院", "槐荫区人民医院").unwrap();
    l.record(
        Notice::new("n4", d(1, 1))
            .remove(Person::new("赵六"), Post::new("槐荫区人民医院", "副院长")),
    )
    .unwrap();
    let suggestion = l
        .findings()
        .into_iter()
        .find(|f| f.kind == appointment_ledger::FindingKind::ProbableAlias)
        .cloned()
        .unwrap();
    let cited: Vec<(&str, u32)> = suggestion
        .events
        .iter()
        .map(|c| (c.notice.as_str(), c.clause))
        .collect();
    assert_eq!(cited, vec![("n1", 2), ("n4", 1)]);
    assert_eq!(same(&l), (true, true));
}
