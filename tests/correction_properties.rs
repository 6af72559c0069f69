//! Any sequence of notices and corrections, folded from scratch, gives the
//! same answers as applying them one by one, on both time axes: as known
//! after each entry, and as recorded before the next one.

use std::sync::atomic::{AtomicI64, Ordering};

use appointment_ledger::{
    Action, Correction, DateTime, Event, EventKind, Ledger, NaiveDate, Notice, Person, Post,
    Target, Utc,
};
use proptest::prelude::*;

const PERSONS: [&str; 4] = ["张三", "李四", "王五", "赵六"];

fn posts() -> [Post; 4] {
    [
        Post::new("某区财政局", "局长"),
        Post::new("某区审计局", "局长"),
        Post::new("某区财政局", "副局长"),
        Post::new("某财政局", "局长"),
    ]
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(offset)
}

/// A clock that ticks one second per entry, so that "recorded before" has
/// a distinct answer after every entry.
static TICK: AtomicI64 = AtomicI64::new(0);

fn ticking() -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(1_700_000_000 + TICK.fetch_add(1, Ordering::SeqCst), 0)
}

/// One generated entry: a notice (date offset and events), or a correction
/// of an earlier entry (which one, which clause, what to do).
#[derive(Clone, Debug)]
enum Step {
    Notice(u16, Vec<(bool, usize, usize)>),
    Correction(usize, Option<u32>, u8, u16, usize),
    /// Declares `某财政局` another name of `某区财政局`.
    Alias,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0u16..300, prop::collection::vec((any::<bool>(), 0..PERSONS.len(), 0..4usize), 1..4))
            .prop_map(|(d, e)| Step::Notice(d, e)),
        1 => (0usize..20, prop::option::of(1u32..4), 0u8..4, 0u16..300, 0..4usize)
            .prop_map(|(which, clause, what, d, p)| Step::Correction(which, clause, what, d, p)),
        1 => Just(Step::Alias),
    ]
}

/// Every post's holders on a few days, and each person's posts, as text.
fn answers(ledger: &Ledger) -> Vec<String> {
    let mut out = Vec::new();
    for offset in [0u64, 50, 100, 150, 200, 250, 300] {
        let date = day(offset);
        for post in posts() {
            out.push(match ledger.holders(&post, date) {
                Ok(h) => format!("{post} {date}: {h}"),
                Err(e) => format!("{post}: {e}"),
            });
        }
        for name in PERSONS {
            out.push(match ledger.posts_of(name, date) {
                Ok(t) => format!(
                    "{name} {date}: {}",
                    t.iter()
                        .map(|t| t.to_string())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                Err(e) => format!("{name}: {e}"),
            });
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn folds_and_views_agree_with_one_by_one(steps in prop::collection::vec(step(), 1..16)) {
        let posts = posts();
        let mut ledger = Ledger::builder().clock(ticking).in_memory();
        let mut seen: Vec<Vec<String>> = Vec::new();
        let mut numbers: Vec<String> = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            let number = format!("某政任〔2020〕{i}号");
            let result = match step {
                Step::Notice(d, events) => {
                    let mut n = Notice::new(&number, day(u64::from(*d)));
                    for &(appoint, x, p) in events {
                        let kind = if appoint { EventKind::Appoint } else { EventKind::Remove };
                        n = n.event(Event::new(kind, Person::new(PERSONS[x]), posts[p].clone()));
                    }
                    ledger.record(n)
                }
                Step::Correction(which, clause, what, d, p) => {
                    let Some(target_number) = numbers.get(which % numbers.len().max(1)) else { continue };
                    let mut target = Target::notice(target_number);
                    if let Some(c) = clause {
                        target = target.clause(*c);
                    }
                    let action = match what {
                        0 => Action::Retract,
                        1 => Action::correct().effective(day(u64::from(*d))),
                        2 => Action::correct().post(posts[*p].clone()),
                        _ => Action::correct().person(Person::new(PERSONS[*p])),
                    };
                    let before = Ledger::from_log(ledger.log().to_vec()).unwrap();
                    let result = ledger.record_correction(
                        Correction::new(&number, day(u64::from(*d))).amend(target, action),
                    );
                    if result.is_err() {
                        prop_assert!(ledger == before, "a refused correction changed the ledger");
                    }
                    result
                }
                Step::Alias => ledger.declare_alias("某财政局", "某区财政局"),
            };
            if result.is_ok() {
                if matches!(step, Step::Notice(..)) {
                    numbers.push(number.clone());
                }
                seen.push(answers(&ledger));
            }
        }
        // The fold of the whole log is the same ledger, findings included.
        let folded = Ledger::from_log(ledger.log().to_vec()).unwrap();
        prop_assert!(folded == ledger);
        let kept: Vec<_> = ledger.findings().into_iter().cloned().collect();
        prop_assert_eq!(kept, ledger.recheck());
        // As known after each entry: what the ledger answered right then.
        for (k, entry) in ledger.log().iter().enumerate() {
            // Declarations have no number: they are seen through the
            // recording-time axis only.
            if let Some(number) = entry.change.number() {
                let view = ledger.as_known_after(number).unwrap();
                prop_assert_eq!(&answers(&view), &seen[k], "as known after {}", number);
            }
            // As recorded before the next entry: the same.
            if let Some(next) = ledger.log().get(k + 1) {
                let view = ledger.as_recorded_before(next.recorded_at.unwrap()).unwrap();
                prop_assert_eq!(&answers(&view), &seen[k]);
            }
        }
    }
}
