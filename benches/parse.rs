//! Parsing rendered notice text (`Parser::parse`, strict), in MB/s: the
//! text of synthetic notices written in the real notices' style
//! (`appointment_ledger::render`); and the real corpus (`tests/data/real/`,
//! news reprints, web copies, traditional script) repeated to 1 MB and to
//! 10 MB (`Parser::read`, lenient), whose throughputs should be alike:
//! parsing is linear in its input. And the adversarial shapes of one
//! clause (many people, many posts, a chain of `，不再担任…`) at 1 MB and
//! 10 MB: linear too, whatever a clause holds.
//!
//! `cargo bench --bench parse` (about two minutes).

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
    // This crate is `benches/` of the workspace; the corpus is the root
    // crate's.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/real");
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

/// A notice of one clause that holds `bytes` of one shape: many people
/// for one post, many posts for one person, or one appointment and a
/// chain of `，不再担任…`.
fn one_clause(shape: &str, bytes: usize) -> String {
    const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红";
    const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓";
    let given: Vec<char> = GIVEN.chars().collect();
    let name = |i: usize| -> String {
        let s = SURNAMES.chars().nth(i % 30).unwrap_or('王');
        let a = given[(i / 30) % given.len()];
        let b = given[(i / 30 / given.len()) % given.len()];
        [s, a, b].iter().collect()
    };
    let mut body = String::with_capacity(bytes + 64);
    let mut i = 0;
    match shape {
        "people" => body.push_str("任命"),
        "posts" => body.push_str("任命张伟为"),
        _ => body.push_str("张伟任某局局长"),
    }
    while body.len() < bytes {
        match shape {
            "people" => {
                if i > 0 {
                    body.push('、');
                }
                body.push_str(&name(i));
            }
            "posts" => {
                if i > 0 {
                    body.push('、');
                }
                body.push_str(&format!("第{i}局局长"));
            }
            _ => body.push_str(&format!("，不再担任第{i}局副局长职务")),
        }
        i += 1;
    }
    if shape == "people" {
        body.push_str("为某局科员");
    }
    format!(
        "某县人民政府关于任免工作人员的通知\n某政任〔2022〕1号\n{body}。\n某县人民政府\n2022年1月4日\n"
    )
}

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse one clause of every shape");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    let parser = Parser::new();
    for (shape, what) in [
        ("people", "many people"),
        ("posts", "many posts"),
        ("chain", "a chain of 不再担任"),
    ] {
        for mb in [1, 10] {
            let text = one_clause(shape, common::size(mb * 100_000_000) / 100);
            let events = parser.parse(&text).expect("lenient")[0].notice.events.len();
            eprintln!(
                "{shape}: {:.1} MB, {events} events",
                text.len() as f64 / 1e6
            );
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{mb} MB, one clause of {what}"), |b| {
                b.iter(|| black_box(parser.parse(&text).expect("lenient").len()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, parse, real, adversarial);
criterion_main!(benches);
