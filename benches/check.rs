//! Checking one notice against a ledger of 10 k and of 10 M events, and
//! recording one, with a full recheck of the whole ledger as the baseline
//! in the same run. The notice checked is the generator's next reshuffle
//! after the ledger's last, so it is consistent with it; the notices
//! recorded are the ones after it, one per iteration.
//!
//! `cargo bench --bench check` (about three minutes on two cores; building
//! the 10 M-event ledger takes half a minute and some 5 GB).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use appointment_ledger::{Change, Entry, Ledger, Notices, Synthetic};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A ledger of the first `events` events of the stream, and the rest of
/// the stream (a million events more, generated as they are asked for).
fn ledger_and_rest(events: usize) -> (Ledger, Notices) {
    let mut stream = Synthetic::new(common::SEED)
        .events(events + 1_000_000)
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
    (Ledger::from_log(entries).expect("a consistent log"), stream)
}

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check one notice");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    for events in [10_000usize, 10_000_000].map(common::size) {
        let (mut ledger, mut rest) = ledger_and_rest(events);
        let next = rest.next().expect("the next notice");
        assert!(ledger.check(&next).expect("a valid notice").is_empty());
        eprintln!(
            "check {events}: the next notice has {} events",
            next.events.len()
        );
        group.bench_with_input(BenchmarkId::new("incremental", events), &next, |b, next| {
            b.iter(|| ledger.check(next).expect("a valid notice"))
        });
        // Recording changes the ledger: each iteration records the next
        // notice of the stream, and only the recording is timed.
        group.bench_function(BenchmarkId::new("record", events), |b| {
            b.iter_custom(|iterations| {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    let notice = rest.next().expect("another notice");
                    let clock = Instant::now();
                    black_box(ledger.record(notice).expect("a valid notice"));
                    spent += clock.elapsed();
                }
                spent
            })
        });
        group.bench_function(BenchmarkId::new("full recheck (baseline)", events), |b| {
            b.iter(|| ledger.recheck())
        });
    }
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
