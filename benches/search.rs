//! Finding what to ask for (issue 16): `suggest_posts` for a misspelt
//! post name (one character changed), `suggest_persons` for a misspelt
//! person's name, and `search` for a part of a post's name, against naive
//! baselines in the same run — the edit distance to every name, sorted,
//! and every post's, person's and notice's name normalised and searched.
//!
//! `cargo bench --bench search` asks a 10 M-event ledger (building it
//! takes about half a minute and some 5 GB);
//! `LEDGER_BENCH_1M=1 cargo bench --bench search` a 1 M-event one.

mod common;

use std::hint::black_box;
use std::time::Duration;

use appointment_ledger::normalise;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn search(c: &mut Criterion) {
    let size = if std::env::var_os("LEDGER_BENCH_1M").is_some() {
        1_000_000
    } else {
        10_000_000
    };
    let size = common::size(size);
    let ledger = common::ledger_of(size);
    let names: Vec<String> = ledger.posts().iter().map(ToString::to_string).collect();
    // 64 misspelt names (a character in the middle changed to one no
    // name holds) and 64 parts (four characters from the middle).
    let mut keys = common::Keys::new(16);
    let picks: Vec<&String> = (0..64).map(|_| &names[keys.below(names.len())]).collect();
    let misspelt: Vec<String> = picks
        .iter()
        .map(|name| {
            let mut chars: Vec<char> = name.chars().collect();
            let at = chars.len() / 2;
            chars[at] = '仼';
            chars.into_iter().collect()
        })
        .collect();
    let parts: Vec<String> = picks
        .iter()
        .map(|name| {
            let chars: Vec<char> = name.chars().collect();
            let at = chars.len() / 2 - 2;
            chars[at..at + 4].iter().collect()
        })
        .collect();
    // 64 people's names with their last character changed.
    let people: Vec<String> = (0..64)
        .map(|_| {
            let name = ledger.persons()[keys.below(ledger.persons().len())].name();
            let mut chars: Vec<char> = name.chars().collect();
            if let Some(last) = chars.last_mut() {
                *last = '仼';
            }
            chars.into_iter().collect()
        })
        .collect();
    eprintln!(
        "search: {size} events, {} posts, {} people",
        names.len(),
        ledger.persons().len()
    );
    // The suggestion is the post misspelt.
    for (typed, name) in misspelt.iter().zip(&picks).take(8) {
        let found = ledger.suggest_posts(typed, 5);
        assert!(
            found.iter().any(|p| &p.to_string() == *name),
            "{typed}: {found:?}"
        );
    }

    let mut group = c.benchmark_group(format!("search {size}"));
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    group.sample_size(10);
    let mut turn = 0;
    let mut next = move || {
        turn = (turn + 1) % 64;
        turn
    };
    group.bench_function(BenchmarkId::new("suggest_posts", "ledger"), |b| {
        b.iter(|| black_box(ledger.suggest_posts(&misspelt[next()], 5).len()))
    });
    group.bench_function(
        BenchmarkId::new("suggest_posts", "edit distance to every name (baseline)"),
        |b| {
            b.iter(|| {
                let typed = normalise(&misspelt[next()]);
                let mut all: Vec<(usize, &String)> = names
                    .iter()
                    .map(|name| (strsim::levenshtein(&normalise(name), &typed), name))
                    .collect();
                all.sort();
                black_box(all.into_iter().take(5).count())
            })
        },
    );
    group.bench_function(BenchmarkId::new("suggest_persons", "ledger"), |b| {
        b.iter(|| black_box(ledger.suggest_persons(&people[next()], 5).len()))
    });
    group.bench_function(
        BenchmarkId::new("suggest_persons", "edit distance to every name (baseline)"),
        |b| {
            b.iter(|| {
                let typed = &people[next()];
                let mut all: Vec<(usize, &str)> = ledger
                    .persons()
                    .iter()
                    .map(|p| (strsim::levenshtein(p.name(), typed), p.name()))
                    .collect();
                all.sort();
                black_box(all.into_iter().take(5).count())
            })
        },
    );
    group.bench_function(BenchmarkId::new("search", "ledger"), |b| {
        b.iter(|| black_box(ledger.search(&parts[next()]).len()))
    });
    group.bench_function(
        BenchmarkId::new("search", "every name normalised and searched (baseline)"),
        |b| {
            b.iter(|| {
                let part = normalise(&parts[next()]);
                let posts = names.iter().filter(|n| normalise(n).contains(&part));
                let people = ledger
                    .persons()
                    .iter()
                    .filter(|p| normalise(p.name()).contains(&part));
                let notices = ledger.notices().filter(|(_, n)| {
                    normalise(&n.number).contains(&part) || normalise(&n.title).contains(&part)
                });
                black_box(posts.count() + people.count() + notices.count())
            })
        },
    );
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
