//! Checking one notice against a ledger of 10 k and of 1 M events, with a
//! full recheck of the whole ledger as the baseline in the same run.
//!
//! `cargo bench --bench check` (about two minutes on two cores).

use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// Posts (one-seat 局长 of `orgs` bureaus) and a reshuffle notice after
/// notice: each removes the holders of 25 posts and appoints newcomers, so
/// the record stays consistent and every post builds a long history.
struct Synthetic {
    orgs: usize,
    holders: Vec<Option<u64>>,
    next_person: u64,
    next_notice: u64,
}

impl Synthetic {
    fn new(orgs: usize) -> Synthetic {
        Synthetic {
            orgs,
            holders: vec![None; orgs],
            next_person: 0,
            next_notice: 0,
        }
    }

    fn post(&self, i: usize) -> Post {
        Post::new(&format!("某市第{i}区人民政府某某局"), "局长")
    }

    /// The next reshuffle: 25 posts, about 50 events.
    fn notice(&mut self) -> Notice {
        let n = self.next_notice;
        self.next_notice += 1;
        let date = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(n);
        let mut notice = Notice::new(&format!("某政任〔{}〕{}号", 1950 + n / 365, n), date);
        for k in 0..25 {
            let i = (n as usize * 25 + k * 7919) % self.orgs;
            if let Some(h) = self.holders[i] {
                notice = notice.remove(Person::new(&format!("人{h}")), self.post(i));
            }
            let p = self.next_person;
            self.next_person += 1;
            self.holders[i] = Some(p);
            notice = notice.appoint(Person::new(&format!("人{p}")), self.post(i));
        }
        notice
    }
}

fn ledger_of(events: usize, orgs: usize) -> (Ledger, Synthetic) {
    let mut synth = Synthetic::new(orgs);
    let mut ledger = Ledger::new();
    let mut count = 0;
    while count < events {
        let notice = synth.notice();
        count += notice.events.len();
        ledger.record(notice).expect("a consistent notice records");
    }
    (ledger, synth)
}

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check one notice");
    group.sample_size(10);
    for (events, orgs) in [(10_000usize, 500usize), (1_000_000, 20_000)] {
        let (mut ledger, mut synth) = ledger_of(events, orgs);
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
