//! The ledger file's costs: opening (replaying) a log of 1 M events, and
//! recording a notice with its own `fsync` against a batch import that
//! fsyncs once.
//!
//! `cargo bench --bench store -- --quick` runs it in a few minutes. The
//! files live in the system's temporary directory, so the fsync figures
//! are that disk's.

use std::hint::black_box;
use std::time::Duration;

use appointment_ledger::{Event, FileStore, Ledger, LogRead, NaiveDate, Notice, Person, Post};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

/// Notice `n` with `events` appointments: deputy posts (several seats) at
/// 1 000 offices, 50 000 people moving among them.
fn notice(n: u64, events: u64) -> Notice {
    let base = NaiveDate::from_ymd_opt(1990, 1, 1).expect("a date");
    let day = base + chrono::Days::new(n / 4);
    let mut notice = Notice::new(&format!("测政任〔{}〕{n}号", 1990 + n / 1000), day)
        .issuer("某市人民政府")
        .title("某市人民政府关于任免工作人员职务的通知");
    for i in 0..events {
        let k = n * events + i;
        let person = Person::new(&format!("干部{}", k % 50_000));
        let post = Post::new(&format!("某市第{}局", k % 1_000), "副局长");
        let event = if i % 3 == 2 {
            Event::remove(person, post)
        } else {
            Event::appoint(person, post)
        };
        notice = notice.event(event.clause(i as u32 + 1, "某某为某市某局副局长；"));
    }
    notice
}

fn open_a_million_events(c: &mut Criterion) {
    const NOTICES: u64 = 20_000;
    const EVENTS: u64 = 50;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("million.ledger");
    {
        let mut ledger = Ledger::builder().open(&path).expect("a new ledger");
        ledger
            .record_batch((1..=NOTICES).map(|n| notice(n, EVENTS)))
            .expect("the notices");
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "ledger file: {NOTICES} notices, {} events, {:.1} MB",
        NOTICES * EVENTS,
        size as f64 / 1e6
    );
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(NOTICES * EVENTS));
    group.bench_function("1M events (20k notices of 50)", |b| {
        b.iter(|| {
            let ledger = Ledger::builder().open(&path).expect("the ledger");
            black_box(ledger.len())
        })
    });
    // The store's share: read, check and decode every record, no replay.
    group.bench_function("1M events, read and decode only", |b| {
        b.iter(|| {
            let mut store = FileStore::open_read_only(&path).expect("the ledger");
            black_box(store.read_log().expect("the log").len())
        })
    });
    group.finish();
}

fn record(c: &mut Criterion) {
    const EVENTS: u64 = 5;
    const BATCH: u64 = 1_000;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut group = c.benchmark_group("record");
    group.throughput(Throughput::Elements(1));

    let mut ledger = Ledger::builder()
        .open(dir.path().join("one-by-one.ledger"))
        .expect("a new ledger");
    let mut next = 0;
    group.bench_function("one notice, fsync each", |b| {
        b.iter(|| {
            next += 1;
            ledger.record(notice(next, EVENTS)).expect("recorded")
        })
    });

    group.throughput(Throughput::Elements(BATCH));
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
                let notices: Vec<Notice> = (1..=BATCH).map(|n| notice(n, EVENTS)).collect();
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
