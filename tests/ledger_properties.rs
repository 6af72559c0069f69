//! Properties of the ledger over generated histories: the incremental state
//! equals the fold from scratch; queries equal a naive scan of every event;
//! a refused notice leaves the ledger exactly as it was; nothing recorded is
//! ever lost.

use appointment_ledger::{
    Event, EventKind, Flag, Holding, Ledger, NaiveDate, Notice, Person, Post,
};
use proptest::prelude::*;

const PERSONS: [&str; 4] = ["张 三", "李四", "王五", "赵六"];
const ORGS: [&str; 3] = ["某区财政局", "某区教育局", "某街道办事处"];
const TITLES: [&str; 2] = ["主任", "副主任"];

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
}

fn post(i: usize) -> Post {
    Post::new(ORGS[i / TITLES.len()], TITLES[i % TITLES.len()])
}

/// (appoint?, person, post, flag?) for one event.
type GenEvent = (bool, usize, usize, bool);
/// A notice: its effective day offset and its events.
type GenNotice = (u16, Vec<GenEvent>);

fn event() -> impl Strategy<Value = GenEvent> {
    (
        any::<bool>(),
        0..PERSONS.len(),
        0..ORGS.len() * TITLES.len(),
        any::<bool>(),
    )
}

fn notice() -> impl Strategy<Value = GenNotice> {
    (0u16..400, prop::collection::vec(event(), 1..6))
}

fn build(i: usize, (offset, events): &GenNotice) -> Notice {
    let date = base() + chrono::Days::new(u64::from(*offset));
    let mut n = Notice::new(&format!("测试〔2022〕{i}号"), date);
    for &(appoint, person, p, flag) in events {
        let kind = if appoint {
            EventKind::Appoint
        } else {
            EventKind::Remove
        };
        let mut e = Event::new(kind, Person::new(PERSONS[person]), post(p));
        if flag {
            e = e.flag(Flag::Concurrent);
        }
        n = n.event(e);
    }
    n
}

/// One event as the naive scan sees it: its application order key.
#[derive(Clone, Copy)]
struct Flat {
    date: NaiveDate,
    seq: usize,
    remove_first: u8,
    index: usize,
    kind: EventKind,
    person: usize,
    post: usize,
}

fn flatten(history: &[GenNotice]) -> Vec<Flat> {
    let mut flat = Vec::new();
    for (seq, (offset, events)) in history.iter().enumerate() {
        for (index, &(appoint, person, post, _)) in events.iter().enumerate() {
            flat.push(Flat {
                date: base() + chrono::Days::new(u64::from(*offset)),
                seq,
                remove_first: u8::from(appoint),
                index,
                kind: if appoint {
                    EventKind::Appoint
                } else {
                    EventKind::Remove
                },
                person,
                post,
            });
        }
    }
    flat.sort_by_key(|f| (f.date, f.seq, f.remove_first, f.index));
    flat
}

/// Whether `person` held `post` on `date`, by scanning every event: the
/// last event on or before the day decides; with none (or a removal), a
/// removal still to come means an unrecorded appointment before it — at a
/// one-seat post, after anyone else's removal from it before that one.
fn naive_holds(flat: &[Flat], person: usize, post: usize, date: NaiveDate) -> bool {
    let mine = flat.iter().filter(|f| f.person == person && f.post == post);
    let before: Vec<&Flat> = mine.clone().filter(|f| f.date <= date).collect();
    let after = mine.clone().find(|f| f.date > date);
    match before.last() {
        Some(f) if f.kind == EventKind::Appoint => true,
        _ => after.is_some_and(|removal| {
            removal.kind == EventKind::Remove
                && (TITLES[post % TITLES.len()] != "主任"
                    || flat
                        .iter()
                        .filter(|f| f.post == post && f.person != person)
                        .filter(|f| f.kind == EventKind::Remove && f.date <= removal.date)
                        .all(|f| f.date <= date))
        }),
    }
}

/// The day a post fell vacant on or before `date`: its latest removal.
fn naive_last_removal(flat: &[Flat], post: usize, date: NaiveDate) -> Option<NaiveDate> {
    flat.iter()
        .filter(|f| f.post == post && f.kind == EventKind::Remove && f.date <= date)
        .map(|f| f.date)
        .max()
}

fn history() -> impl Strategy<Value = Vec<GenNotice>> {
    prop::collection::vec(notice(), 1..10)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn incremental_state_equals_the_fold_from_scratch(history in history()) {
        let mut ledger = Ledger::new();
        for (i, n) in history.iter().enumerate() {
            ledger.record(build(i, n)).unwrap();
            let folded = Ledger::from_log(ledger.log().to_vec()).unwrap();
            prop_assert!(folded == ledger, "fold differs after notice {}", i);
        }
        prop_assert_eq!(ledger.notices().count(), history.len());
    }

    #[test]
    fn queries_equal_a_naive_scan(history in history(), probes in prop::collection::vec(0u16..420, 1..12)) {
        let mut ledger = Ledger::new();
        for (i, n) in history.iter().enumerate() {
            ledger.record(build(i, n)).unwrap();
        }
        let flat = flatten(&history);
        for offset in probes {
            let date = base() + chrono::Days::new(u64::from(offset));
            for p in 0..ORGS.len() * TITLES.len() {
                let Ok(answer) = ledger.holders(&post(p), date) else {
                    prop_assert!(flat.iter().all(|f| f.post != p));
                    continue;
                };
                let mut expected: Vec<String> = (0..PERSONS.len())
                    .filter(|&x| naive_holds(&flat, x, p, date))
                    .map(|x| Person::new(PERSONS[x]).to_string())
                    .collect();
                expected.sort();
                let mut got: Vec<String> = answer.holders().iter().map(|t| t.person.to_string()).collect();
                got.sort();
                prop_assert_eq!(&got, &expected, "holders of {} on {}", post(p), date);
                if expected.is_empty() {
                    match (answer, naive_last_removal(&flat, p, date)) {
                        (Holding::Vacant { since, .. }, Some(d)) => prop_assert_eq!(since, d),
                        (Holding::Unknown, None) => {}
                        (other, d) => prop_assert!(false, "{:?} vs last removal {:?}", other, d),
                    }
                }
            }
            for (x, name) in PERSONS.iter().enumerate() {
                let Ok(posts) = ledger.posts_of(*name, date) else { continue };
                let mut got: Vec<String> = posts.iter().map(|t| t.post.to_string()).collect();
                got.sort();
                let mut expected: Vec<String> = (0..ORGS.len() * TITLES.len())
                    .filter(|&p| naive_holds(&flat, x, p, date))
                    .map(|p| post(p).to_string())
                    .collect();
                expected.sort();
                prop_assert_eq!(got, expected, "posts of {} on {}", name, date);
            }
        }
    }

    #[test]
    fn a_refused_notice_changes_nothing(history in history(), bad in 0usize..5) {
        let mut ledger = Ledger::new();
        for (i, n) in history.iter().enumerate() {
            ledger.record(build(i, n)).unwrap();
        }
        let before = serde_json::to_vec(ledger.log()).unwrap();
        let snapshot = Ledger::from_log(ledger.log().to_vec()).unwrap();
        let good = build(history.len(), &history[0]);
        let refused = match bad {
            0 => Notice { events: Vec::new(), ..good },
            1 => build(0, &history[0]),
            2 => Notice { effective: NaiveDate::from_ymd_opt(1800, 1, 1).unwrap(), ..good },
            3 => good.appoint(Person::new(" "), post(0)),
            _ => Notice { number: String::new(), ..good },
        };
        prop_assert!(ledger.record(refused).is_err());
        prop_assert_eq!(serde_json::to_vec(ledger.log()).unwrap(), before);
        prop_assert!(ledger == snapshot);
    }
}
