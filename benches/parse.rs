//! Parsing rendered notice text (`Parser::parse`, strict), in MB/s: the
//! text of synthetic notices written in the real notices' style
//! (`appointment_ledger::render`).
//!
//! `cargo bench --bench parse` (under a minute).

mod common;

use std::hint::black_box;
use std::time::Duration;

use appointment_ledger::{Parser, Synthetic, render};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn parse(c: &mut Criterion) {
    let notices = Synthetic::new(common::SEED)
        .events(common::size(100_000))
        .to_vec();
    let text = render(&notices);
    eprintln!(
        "parse: {} notices, {} events, {:.1} MB of text",
        notices.len(),
        notices.iter().map(|n| n.events.len()).sum::<usize>(),
        text.len() as f64 / 1e6
    );
    let parser = Parser::new().strict(true);
    assert_eq!(parser.parse(&text).expect("the text").len(), notices.len());
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("100k events of rendered notices (strict)", |b| {
        b.iter(|| black_box(parser.parse(&text).expect("the text").len()))
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
