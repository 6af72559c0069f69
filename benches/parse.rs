//! Parsing rendered notice text (`Parser::parse`, strict), in MB/s: the
//! text of synthetic notices written in the real notices' style
//! (`appointment_ledger::render`); and the real corpus (`tests/data/real/`,
//! news reprints, web copies, traditional script) repeated to 1 MB and to
//! 10 MB (`Parser::read`, lenient), whose throughputs should be alike:
//! parsing is linear in its input.
//!
//! `cargo bench --bench parse` (about a minute).

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

/// The real corpus's texts, without their source lines, one after another
/// until `bytes`.
fn real_text(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/real");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data/real")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| {
            let all = std::fs::read_to_string(p).expect("a text");
            all.split_once('\n')
                .map_or(all.clone(), |(_, t)| t.to_owned())
        })
        .collect();
    let mut out = String::with_capacity(bytes + 4096);
    while out.len() < bytes {
        for text in &texts {
            out.push_str(text);
            out.push('\n');
        }
    }
    out
}

fn real(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse real texts");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(10));
    let parser = Parser::new();
    for mb in [1, 10] {
        let text = real_text(common::size(mb * 100_000_000) / 100);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{mb} MB of the real corpus repeated"), |b| {
            b.iter(|| black_box(parser.read(&text).expect("lenient").notices.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, parse, real);
criterion_main!(benches);
