//! Replaying a log into the queryable state (`Ledger::from_log`), and
//! into the state with its conflict findings (`from_log` then `findings`,
//! which a ledger computes when first asked), against inserting the same
//! tenures into SQLite (in memory, one transaction, a prepared statement,
//! indexes on (post, start) and (person, start)) in the same run.
//! Throughput is in the ledger's events for all. A fourth figure is the
//! floor under any fold of this log: only looking each event's person and
//! post up in a hash map (foldhash, as the ledger's interners).
//!
//! `cargo bench --bench replay` replays 1 M events (about two minutes).
//! `LEDGER_BENCH_10M=1 cargo bench --bench replay` adds 10 M events (each
//! replay then takes some twenty seconds and 5 GB, so it is left out of
//! the default run; the `memory` example replays 10 M once).

mod common;

use std::hint::black_box;
use std::time::Duration;

use appointment_ledger::{Entry, Ledger, Synthetic};
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use foldhash::HashMap;

fn replay(c: &mut Criterion) {
    let mut sizes = vec![1_000_000usize];
    if std::env::var_os("LEDGER_BENCH_10M").is_some() {
        sizes.push(10_000_000);
    }
    let mut group = c.benchmark_group("replay");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(30));
    for size in sizes {
        let entries: Vec<Entry> = Synthetic::new(common::SEED)
            .events(common::size(size))
            .entries();
        let events: usize = entries
            .iter()
            .filter_map(|e| e.change.notice())
            .map(|n| n.events.len())
            .sum();
        let rows = {
            let ledger = Ledger::from_log(entries.clone()).expect("a consistent log");
            common::tenures(&ledger)
        };
        eprintln!("replay {size}: {events} events, {} tenures", rows.len());
        group.throughput(Throughput::Elements(events as u64));
        group.bench_with_input(
            BenchmarkId::new("Ledger::from_log", size),
            &entries,
            |b, e| {
                b.iter_batched(
                    || e.clone(),
                    // Returned, so that criterion drops it after timing,
                    // as it does the SQLite database.
                    |e| Ledger::from_log(e).expect("a consistent log"),
                    BatchSize::LargeInput,
                )
            },
        );
        group.bench_with_input(
            BenchmarkId::new("Ledger::from_log + findings", size),
            &entries,
            |b, e| {
                b.iter_batched(
                    || e.clone(),
                    |e| {
                        let ledger = Ledger::from_log(e).expect("a consistent log");
                        black_box(ledger.findings().len());
                        ledger
                    },
                    BatchSize::LargeInput,
                )
            },
        );
        // The floor of any fold of this log into ids: each event's person
        // and post looked up (and, when new, added) in a hash map, nothing
        // else.
        group.bench_with_input(
            BenchmarkId::new("intern names only (floor)", size),
            &entries,
            |b, entries| {
                b.iter(|| {
                    let mut persons: HashMap<&str, u32> = HashMap::default();
                    let mut posts: HashMap<(&str, &str), u32> = HashMap::default();
                    let mut sum = 0u64;
                    for notice in entries.iter().filter_map(|e| e.change.notice()) {
                        for event in &notice.events {
                            let next = persons.len() as u32;
                            let person = *persons.entry(event.person.name()).or_insert(next);
                            let key = (event.post.organisation(), event.post.title());
                            let next = posts.len() as u32;
                            let post = *posts.entry(key).or_insert(next);
                            sum += u64::from(person ^ post);
                        }
                    }
                    black_box(sum)
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("SQLite insert tenures (baseline)", size),
            &rows,
            |b, rows| {
                b.iter_batched(
                    common::sqlite_schema,
                    |mut db| {
                        common::sqlite_insert(&mut db, rows);
                        db
                    },
                    BatchSize::PerIteration,
                )
            },
        );
    }
    group.finish();
}

criterion_group!(benches, replay);
criterion_main!(benches);
