//! Checking one notice against a ledger of 10 k and of 1 M events (10 M
//! with `LEDGER_BENCH_10M=1`), with a full recheck of the whole ledger as
//! the baseline in the same run. The notice is the generator's next
//! reshuffle after the ledger's last, so it is consistent with it.
//!
//! `cargo bench --bench check` (about two minutes on two cores).

mod common;

use std::time::Duration;

use appointment_ledger::{Change, Entry, Ledger, Notice, Synthetic};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A ledger of the first `events` events of the stream, and the notice
/// that follows them.
fn ledger_and_next(events: usize) -> (Ledger, Notice) {
    let mut stream = Synthetic::new(common::SEED)
        .events(events + 1_000)
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
    let next = stream.next().expect("the next notice");
    (Ledger::from_log(entries).expect("a consistent log"), next)
}

fn check(c: &mut Criterion) {
    let mut sizes = vec![10_000usize, 1_000_000];
    if std::env::var_os("LEDGER_BENCH_10M").is_some() {
        sizes.push(10_000_000);
    }
    let mut group = c.benchmark_group("check one notice");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    for events in sizes {
        let (mut ledger, next) = ledger_and_next(common::size(events));
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
    }
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
