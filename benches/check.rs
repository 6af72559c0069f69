//! Checking one notice against a ledger of 10 k and of 10 M events, and
//! recording one, with a full recheck of the whole ledger as the baseline
//! in the same run. The notice checked is the generator's next reshuffle
//! after the ledger's last, so it is consistent with it; the notices
//! recorded are that one and the ones after it, one per iteration (the
//! ledger is rebuilt, untimed, when they run out).
//!
//! `cargo bench --bench check` (about three minutes on two cores; building
//! the 10 M-event ledger takes half a minute and some 5 GB).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use appointment_ledger::{Change, Entry, Ledger, Notice, Synthetic};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// The log of the first `events` events of the stream, and the
/// `upcoming` notices that follow them.
fn log_and_upcoming(events: usize, upcoming: usize) -> (Vec<Entry>, Vec<Notice>) {
    let mut stream = Synthetic::new(common::SEED)
        .events(events + 2_000_000)
        .notices();
    let mut entries = Vec::new();
    while stream.events() < events {
        let notice = stream.next().expect("a notice");
        entries.push(Entry {
            seq: entries.len() as u64 + 1,
            recorded_at: None,
            change: Change::Notice(notice),
        });
    }
    (entries, stream.take(upcoming).collect())
}

/// The ledger of `log`, with its findings computed (as a ledger that has
/// been recording has them).
fn ledger_of(log: &[Entry]) -> Ledger {
    let ledger = Ledger::from_log(log.to_vec()).expect("a consistent log");
    black_box(ledger.findings().len());
    ledger
}

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check one notice");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    // How many notices the record bench takes in turn before the ledger is
    // rebuilt (untimed) from its log: at 10 k events a hundred notices
    // (about 2 600 events), at 10 M enough for the warm-up and the whole
    // measurement (it grows by about a fifth), so that no sample mixes
    // the records of a grown ledger with those of a fresh replay.
    for (events, upcoming) in [(10_000usize, 100usize), (10_000_000, 80_000)] {
        let events = common::size(events);
        // Run once as a test, the bench records one notice.
        let upcoming = if common::measuring() { upcoming } else { 100 };
        let (log, upcoming) = log_and_upcoming(events, upcoming);
        let mut ledger = ledger_of(&log);
        let next = upcoming.first().expect("the next notice").clone();
        assert!(ledger.check(&next).expect("a valid notice").is_empty());
        eprintln!(
            "check {events}: the next notice has {} events",
            next.events.len()
        );
        group.bench_with_input(BenchmarkId::new("incremental", events), &next, |b, next| {
            b.iter(|| ledger.check(next).expect("a valid notice"))
        });
        group.bench_function(BenchmarkId::new("full recheck (baseline)", events), |b| {
            b.iter(|| ledger.recheck())
        });
        // Recording changes the ledger: each iteration records the next
        // upcoming notice, and only the recording is timed.
        let mut used = 0;
        group.bench_function(BenchmarkId::new("record", events), |b| {
            b.iter_custom(|iterations| {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    if used == upcoming.len() {
                        if events > 10_000 {
                            eprintln!(
                                "record {events}: the notices ran out; the ledger is replayed again"
                            );
                        }
                        ledger = ledger_of(&log);
                        // The first record after a replay regrows what the
                        // replay shrank to fit: untimed, like the rebuild.
                        let first = upcoming[0].clone();
                        black_box(ledger.record(first).expect("a valid notice"));
                        used = 1;
                    }
                    let notice = upcoming[used].clone();
                    used += 1;
                    let clock = Instant::now();
                    black_box(ledger.record(notice).expect("a valid notice"));
                    spent += clock.elapsed();
                }
                spent
            })
        });
    }
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
