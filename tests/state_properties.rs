//! The whole state under random histories of notices (some acting),
//! corrections, alias declarations and seat declarations, in the default
//! and the strict mode: after every step the fold of the log equals the
//! ledger, the kept findings equal a full recheck, and a dry run or a
//! refused notice leaves the ledger as it was.

use appointment_ledger::{
    Action, Correction, Event, EventKind, Flag, Ledger, NaiveDate, Notice, Person, Post, Seats,
    Target,
};
use proptest::prelude::*;

const PERSONS: [&str; 4] = ["张三", "李四", "王五", "赵六"];
const ORGS: [&str; 5] = [
    "济南市槐荫区人民医院",
    "济南市槐荫人民医院",
    "槐荫区人民医院",
    "甲医院",
    "乙医院",
];
const TITLES: [&str; 2] = ["院长", "副院长"];

fn post(i: usize) -> Post {
    Post::new(ORGS[i % 5], TITLES[(i / 5) % 2])
}
fn day(o: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(u64::from(o))
}

#[derive(Clone, Debug)]
enum Step {
    Notice(u16, Vec<(bool, usize, usize, bool)>),
    Correction(usize, Option<u32>, u8, u16, usize),
    Alias(usize, usize),
    Seats(usize, u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0u16..200, prop::collection::vec((any::<bool>(), 0..4usize, 0..10usize, prop::bool::weighted(0.15)), 1..4))
            .prop_map(|(d, e)| Step::Notice(d, e)),
        1 => (0usize..20, prop::option::of(1u32..4), 0u8..4, 0u16..200, 0..10usize)
            .prop_map(|(w, c, a, d, p)| Step::Correction(w, c, a, d, p)),
        1 => (0..5usize, 0..5usize).prop_map(|(a, b)| Step::Alias(a, b)),
        1 => (0..10usize, 0u8..3).prop_map(|(p, s)| Step::Seats(p, s)),
    ]
}

fn answers(l: &Ledger) -> Vec<String> {
    let mut out = Vec::new();
    for o in (0..220).step_by(10) {
        for p in 0..10 {
            out.push(match l.holders(&post(p), day(o)) {
                Ok(h) => format!("{h:?}"),
                Err(e) => e.to_string(),
            });
        }
    }
    for p in 0..10 {
        out.push(format!("{:?}", l.history(&post(p)).map(|h| h.len())));
    }
    out
}

fn run(steps: &[Step], strict: bool) -> Result<(), TestCaseError> {
    let mut l = Ledger::builder().strict(strict).in_memory();
    let mut numbers: Vec<String> = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        let number = format!("某〔2020〕{i}号");
        match s {
            Step::Notice(d, evs) => {
                let mut n = Notice::new(&number, day(*d));
                for &(ap, x, p, acting) in evs {
                    let k = if ap {
                        EventKind::Appoint
                    } else {
                        EventKind::Remove
                    };
                    let mut e = Event::new(k, Person::new(PERSONS[x]), post(p));
                    if acting {
                        e = e.flag(Flag::Acting);
                    }
                    n = n.event(e);
                }
                let before = Ledger::from_log(l.log().to_vec()).unwrap();
                let chk = l.check(&n);
                prop_assert!(l == before, "check changed the ledger");
                let _ = chk;
                match l.record(n) {
                    Ok(_) => numbers.push(number),
                    Err(_) => prop_assert!(l == before, "a refused notice changed the ledger"),
                }
            }
            Step::Correction(w, c, a, d, p) => {
                let Some(t) = numbers.get(w % numbers.len().max(1)) else {
                    continue;
                };
                let mut target = Target::notice(t);
                if let Some(c) = c {
                    target = target.clause(*c);
                }
                let action = match a {
                    0 => Action::Retract,
                    1 => Action::correct().effective(day(*d)),
                    2 => Action::correct().post(post(*p)),
                    _ => Action::correct().person(Person::new(PERSONS[*p % 4])),
                };
                let _ =
                    l.record_correction(Correction::new(&number, day(*d)).amend(target, action));
            }
            Step::Alias(a, b) => {
                let _ = l.declare_alias(ORGS[*a], ORGS[*b]);
            }
            Step::Seats(p, s) => {
                let seats = match s {
                    0 => Seats::ONE,
                    1 => Seats::Limit(2),
                    _ => Seats::Several,
                };
                let _ = l.declare_seats(post(*p), seats);
            }
        }
        let kept: Vec<_> = l.findings().into_iter().cloned().collect();
        prop_assert_eq!(kept, l.recheck(), "findings after step {} {:?}", i, s);
        let folded = Ledger::from_log(l.log().to_vec()).unwrap();
        prop_assert_eq!(
            answers(&folded),
            answers(&l),
            "answers after step {} {:?}",
            i,
            s
        );
        prop_assert!(folded == l, "fold differs after step {} {:?}", i, s);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]
    #[test]
    fn lax(steps in prop::collection::vec(step(), 1..14)) { run(&steps, false)?; }
    #[test]
    fn strict(steps in prop::collection::vec(step(), 1..14)) { run(&steps, true)?; }
}
