//! Checking one notice against a ledger of 10 k and of 1 M events, with a
//! full recheck of the whole ledger as the baseline in the same run.
//!
//! `cargo bench --bench check` (about two minutes on two cores).

mod synth;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check one notice");
    group.sample_size(10);
    for (events, orgs) in [(10_000usize, 500usize), (1_000_000, 20_000)] {
        let (mut ledger, mut synth) = synth::ledger_of(events, orgs);
        let next = synth.notice();
        assert!(ledger.check(&next).unwrap().is_empty());
        group.bench_with_input(BenchmarkId::new("incremental", events), &next, |b, next| {
            b.iter(|| ledger.check(next).unwrap())
        });
        group.bench_function(BenchmarkId::new("full recheck (baseline)", events), |b| {
            b.iter(|| ledger.recheck())
        });
    }
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
