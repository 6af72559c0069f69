//! Properties of the conflict checker over generated histories: consistent
//! histories raise no error, in any recording order; one injected violation
//! raises exactly its finding; the findings kept incrementally equal a
//! full recheck; a notice strict mode refuses leaves the ledger as it was.

use std::collections::{BTreeMap, BTreeSet};

use appointment_ledger::{
    Event, EventKind, FindingKind, Ledger, NaiveDate, Notice, Person, Post, Seats, Severity,
};
use proptest::prelude::*;

const PERSONS: [&str; 6] = ["张三", "李四", "王五", "赵六", "钱七", "孙八"];

fn posts() -> Vec<Post> {
    vec![
        Post::new("某区财政局", "局长"),
        Post::new("某区审计局", "局长"),
        Post::new("某区教育局", "局长"),
        Post::new("某区财政局", "副局长"),
        Post::new("某区审计局", "副局长"),
    ]
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(offset)
}

/// One generated operation: (post, person, also appoint after removing?).
type Op = (usize, usize, bool);

/// Interprets operations into notices that never contradict the record:
/// a one-seat post is vacated before it is filled, nobody is removed from
/// a post they do not hold, nobody appointed to a post they hold.
fn consistent(steps: &[Vec<Op>]) -> (Vec<Notice>, BTreeMap<usize, BTreeSet<usize>>) {
    let posts = posts();
    let mut holders: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut notices = Vec::new();
    for (i, ops) in steps.iter().enumerate() {
        let mut notice = Notice::new(
            &format!("某政任〔2020〕{}号", i + 1),
            day(10 * i as u64 + 10),
        );
        let mut used = BTreeSet::new();
        for &(p, x, refill) in ops {
            let held = holders.entry(p).or_default();
            let principal = posts[p].is_principal();
            let mut ops_here = Vec::new();
            if principal {
                if let Some(&h) = held.iter().next() {
                    ops_here.push((EventKind::Remove, h));
                    if refill && x != h {
                        ops_here.push((EventKind::Appoint, x));
                    }
                } else {
                    ops_here.push((EventKind::Appoint, x));
                }
            } else if held.contains(&x) {
                ops_here.push((EventKind::Remove, x));
            } else {
                ops_here.push((EventKind::Appoint, x));
            }
            if ops_here.iter().any(|(_, who)| used.contains(&(*who, p))) {
                continue;
            }
            for (kind, who) in ops_here {
                used.insert((who, p));
                match kind {
                    EventKind::Remove => held.remove(&who),
                    EventKind::Appoint => held.insert(who),
                };
                notice = notice.event(Event::new(
                    kind,
                    Person::new(PERSONS[who]),
                    posts[p].clone(),
                ));
            }
        }
        if !notice.events.is_empty() {
            notices.push(notice);
        }
    }
    (notices, holders)
}

fn steps() -> impl Strategy<Value = Vec<Vec<Op>>> {
    prop::collection::vec(
        prop::collection::vec((0..5usize, 0..PERSONS.len(), any::<bool>()), 1..4),
        1..12,
    )
}

fn errors(ledger: &Ledger) -> Vec<String> {
    ledger
        .findings()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.to_string())
        .collect()
}

/// The violations one notice can inject into a consistent history.
#[derive(Clone, Copy, Debug)]
enum Violation {
    SeatNotVacated,
    AlreadyHolding,
    RemovingNonHolder,
    EndsBeforeStart,
    RepeatedEvent,
    SecondPrincipalPost,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn consistent_histories_raise_no_error_in_any_recording_order(
        steps in steps(),
        order in prop::collection::vec(any::<prop::sample::Index>(), 12),
    ) {
        let (notices, _) = consistent(&steps);
        let mut ledger = Ledger::new();
        for n in &notices {
            ledger.record(n.clone()).unwrap();
        }
        prop_assert_eq!(errors(&ledger), Vec::<String>::new());
        // Recorded in another order: the same answers, no error either.
        let mut shuffled = notices.clone();
        for (i, pick) in order.iter().enumerate().take(shuffled.len()) {
            let j = pick.index(shuffled.len());
            shuffled.swap(i, j);
        }
        let mut late = Ledger::new();
        for n in shuffled {
            late.record(n).unwrap();
        }
        prop_assert_eq!(errors(&late), Vec::<String>::new());
    }

    #[test]
    fn one_injected_violation_raises_exactly_its_finding(
        steps in steps(),
        which in 0..6usize,
        stranger in 0..PERSONS.len(),
    ) {
        let (notices, holders) = consistent(&steps);
        let mut ledger = Ledger::new();
        for n in &notices {
            ledger.record(n.clone()).unwrap();
        }
        let posts = posts();
        let next = 10 * steps.len() as u64 + 20;
        let number = "某政任〔2020〕99号";
        let held_principal = (0..3).find(|p| holders.get(p).is_some_and(|h| !h.is_empty()));
        let violation = [
            Violation::SeatNotVacated,
            Violation::AlreadyHolding,
            Violation::RemovingNonHolder,
            Violation::EndsBeforeStart,
            Violation::RepeatedEvent,
            Violation::SecondPrincipalPost,
        ][which];
        let fresh = Post::new("某区新设中心", "主任");
        let newcomer = Person::new(&format!("新人{stranger}"));
        let notice = match (violation, held_principal) {
            (Violation::SeatNotVacated, Some(p)) => {
                Notice::new(number, day(next)).appoint(newcomer, posts[p].clone())
            }
            (Violation::AlreadyHolding, Some(p)) => {
                let h = *holders[&p].iter().next().unwrap();
                Notice::new(number, day(next)).appoint(Person::new(PERSONS[h]), posts[p].clone())
            }
            (Violation::RemovingNonHolder, Some(p)) => {
                Notice::new(number, day(next)).remove(newcomer, posts[p].clone())
            }
            (Violation::SecondPrincipalPost, Some(p)) => {
                let h = *holders[&p].iter().next().unwrap();
                Notice::new(number, day(next)).appoint(Person::new(PERSONS[h]), fresh)
            }
            (Violation::EndsBeforeStart, _) => {
                ledger
                    .record(Notice::new("某政任〔2020〕98号", day(next)).appoint(newcomer.clone(), fresh.clone()))
                    .unwrap();
                Notice::new(number, day(next + 1)).effective(day(next - 1)).remove(newcomer, fresh)
            }
            (Violation::RepeatedEvent, _) => {
                let deputy = Post::new("某区新设中心", "副主任");
                Notice::new(number, day(next))
                    .appoint(newcomer.clone(), deputy.clone())
                    .appoint(newcomer, deputy)
            }
            // No principal post is held at the end: nothing to violate.
            (_, None) => return Ok(()),
        };
        let expected = match violation {
            Violation::SeatNotVacated => FindingKind::SeatNotVacated,
            Violation::AlreadyHolding => FindingKind::AlreadyHolding,
            Violation::RemovingNonHolder => FindingKind::RemovingNonHolder,
            Violation::EndsBeforeStart => FindingKind::EndsBeforeStart,
            Violation::RepeatedEvent => FindingKind::RepeatedEvent,
            Violation::SecondPrincipalPost => FindingKind::SecondPrincipalPost,
        };
        let added = ledger.record(notice).unwrap().findings;
        let kinds: Vec<FindingKind> = added.iter().map(|f| f.kind).collect();
        prop_assert_eq!(kinds, vec![expected]);
        prop_assert!(added[0].events.iter().any(|c| c.notice == number));
    }

    #[test]
    fn kept_findings_equal_a_full_recheck_and_strict_refusals_change_nothing(
        history in prop::collection::vec(
            (0u64..300, prop::collection::vec((any::<bool>(), 0..PERSONS.len(), 0..5usize), 1..5), 0..8u8),
            1..14,
        ),
    ) {
        let posts = posts();
        let mut ledger = Ledger::new();
        let mut strict = Ledger::builder().strict(true).in_memory();
        for (i, (offset, events, declare)) in history.iter().enumerate() {
            let mut n = Notice::new(&format!("某政任〔2021〕{i}号"), day(*offset));
            for &(appoint, x, p) in events {
                let kind = if appoint { EventKind::Appoint } else { EventKind::Remove };
                n = n.event(Event::new(kind, Person::new(PERSONS[x]), posts[p].clone()));
            }
            ledger.record(n.clone()).unwrap();
            match strict.record(n) {
                Ok(_) => {}
                Err(e) => {
                    prop_assert!(e.is_refused());
                    let snapshot = Ledger::from_log(strict.log().to_vec()).unwrap();
                    prop_assert!(snapshot == strict, "a refused notice changed the ledger");
                }
            }
            // Declarations between notices: seats, and an alias that merges
            // two spellings of an organisation.
            match declare {
                0 => { ledger.declare_seats(posts[3].clone(), Seats::Limit(1)).unwrap(); }
                1 => { ledger.declare_alias("某财政局", "某区财政局").unwrap(); }
                _ => {}
            }
            let kept: Vec<_> = ledger.findings().into_iter().cloned().collect();
            prop_assert_eq!(&kept, &ledger.recheck());
            let folded = Ledger::from_log(ledger.log().to_vec()).unwrap();
            prop_assert!(folded == ledger, "the fold differs after entry {}", ledger.len());
        }
    }
}
