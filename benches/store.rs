//! The ledger file's costs: opening (reading and replaying) a log of 1 M
//! events, the opened ledger dropped outside the timing, and
//! recording a notice with its own `fsync` against a batch import that
//! fsyncs once.
//!
//! `cargo bench --bench store -- --quick` runs it in a few minutes. The
//! files live in the system's temporary directory, so the fsync figures
//! are that disk's.

use std::time::Duration;

mod common;

use appointment_ledger::{FileStore, Ledger, LogRead, Notice, Synthetic};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

fn open_a_million_events(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("million.ledger");
    let events = {
        // The generator's consistent reshuffles.
        let notices: Vec<Notice> = Synthetic::new(common::SEED)
            .events(common::size(1_000_000))
            .to_vec();
        let events: usize = notices.iter().map(|n| n.events.len()).sum();
        let mut ledger = Ledger::builder().open(&path).expect("a new ledger");
        for chunk in notices.chunks(2_000) {
            ledger.record_batch(chunk.to_vec()).expect("the notices");
        }
        events as u64
    };
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("ledger file: {events} events, {:.1} MB", size as f64 / 1e6);
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(events));
    // Read-only, so that each ledger can be dropped after its timing
    // (a writer's lock would refuse the next open until then); the fold is
    // the same.
    group.bench_function("1M events", |b| {
        b.iter_with_large_drop(|| Ledger::builder().open_read_only(&path).expect("the ledger"))
    });
    // The store's share: read, check and decode every record, no replay.
    group.bench_function("1M events, read and decode only", |b| {
        b.iter_with_large_drop(|| {
            let mut store = FileStore::open_read_only(&path).expect("the ledger");
            store.read_log().expect("the log")
        })
    });
    group.finish();
}

fn record(c: &mut Criterion) {
    const BATCH: usize = 1_000;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut group = c.benchmark_group("record");
    group.throughput(Throughput::Elements(1));

    let mut ledger = Ledger::builder()
        .open(dir.path().join("one-by-one.ledger"))
        .expect("a new ledger");
    // The generator's reshuffles (26 events on average) against a growing
    // file; the stream is long enough for any number of iterations.
    let mut stream = Synthetic::new(common::SEED).events(10_000_000).notices();
    group.bench_function("one notice, fsync each", |b| {
        b.iter(|| {
            ledger
                .record(stream.next().expect("a notice"))
                .expect("recorded")
        })
    });

    group.throughput(Throughput::Elements(BATCH as u64));
    group.sample_size(20);
    let mut file = 0;
    group.bench_function("batch of 1000 notices, one fsync", |b| {
        b.iter_batched(
            || {
                // The last iteration's file is done with.
                let _ = std::fs::remove_file(dir.path().join(format!("batch-{file}.ledger")));
                file += 1;
                let path = dir.path().join(format!("batch-{file}.ledger"));
                let ledger = Ledger::builder().open(&path).expect("a new ledger");
                let notices: Vec<Notice> = Synthetic::new(common::SEED)
                    .events(100_000)
                    .notices()
                    .take(BATCH)
                    .collect();
                (ledger, notices, path)
            },
            |(mut ledger, notices, path)| {
                ledger.record_batch(notices).expect("recorded");
                (ledger, path)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, open_a_million_events, record);
criterion_main!(benches);
