//! `holders(post, date)` and `posts_of(person, date)` with random posts,
//! people and dates, against the same question to SQLite (a prepared
//! statement over the tenure table, indexed on (post, start) and (person,
//! start)) and against a naive scan of every tenure, in the same run.
//!
//! `cargo bench --bench query` asks a 10 M-event ledger (building it and
//! the SQLite table takes about a minute and some 6 GB);
//! `LEDGER_BENCH_1M=1 cargo bench --bench query` asks a 1 M-event one.

mod common;

use std::hint::black_box;
use std::time::Duration;

use appointment_ledger::{NaiveDate, PersonId, PostId};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn query(c: &mut Criterion) {
    let size = if std::env::var_os("LEDGER_BENCH_1M").is_some() {
        1_000_000
    } else {
        10_000_000
    };
    let ledger = common::ledger_of(common::size(size));
    let rows = common::tenures(&ledger);
    let db = common::sqlite_of(&rows);
    let posts: Vec<PostId> = ledger
        .posts()
        .iter()
        .map(|p| ledger.find_post(p).expect("a recorded post"))
        .collect();
    let persons: Vec<PersonId> = ledger
        .persons()
        .iter()
        .map(|p| ledger.find_person(p).expect("a recorded person"))
        .collect();
    let first = NaiveDate::from_ymd_opt(1985, 1, 1).expect("a date");
    let days = 40 * 365;
    // 4 096 questions, asked in turn.
    let mut keys = common::Keys::new(42);
    let asks: Vec<(usize, usize, NaiveDate)> = (0..4096)
        .map(|_| {
            (
                keys.below(posts.len()),
                keys.below(persons.len()),
                first + chrono::Days::new(keys.below(days) as u64),
            )
        })
        .collect();
    eprintln!(
        "query: {size} events, {} posts, {} people, {} tenures",
        posts.len(),
        persons.len(),
        rows.len()
    );

    // The three answers agree on how many hold each post.
    for &(post, _, date) in asks.iter().take(200) {
        let ledger_count = ledger
            .holders(posts[post], date)
            .expect("a post")
            .holders()
            .len();
        let day = common::day_number(date);
        let scan = rows
            .iter()
            .filter(|r| r.post == post as u32 && r.start <= day && day < r.end)
            .count();
        assert_eq!(ledger_count, scan, "post {post} on {date}");
    }

    let mut group = c.benchmark_group(format!("query {size}"));
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    let mut turn = 0;
    let mut next = move || {
        turn = (turn + 1) % asks.len();
        asks[turn]
    };

    group.bench_function(BenchmarkId::new("holders", "ledger"), |b| {
        b.iter(|| {
            let (post, _, date) = next();
            black_box(
                ledger
                    .holders(posts[post], date)
                    .expect("a post")
                    .holders()
                    .len(),
            )
        })
    });
    let mut holders = db
        .prepare("SELECT person FROM tenure WHERE post = ?1 AND start <= ?2 AND end > ?2")
        .expect("the query");
    group.bench_function(BenchmarkId::new("holders", "SQLite (baseline)"), |b| {
        b.iter(|| {
            let (post, _, date) = next();
            let found = holders
                .query_map((post as u32, common::day_number(date)), |r| {
                    r.get::<_, u32>(0)
                })
                .expect("the rows")
                .count();
            black_box(found)
        })
    });
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("holders", "naive scan (baseline)"), |b| {
        b.iter(|| {
            let (post, _, date) = next();
            let day = common::day_number(date);
            black_box(
                rows.iter()
                    .filter(|r| r.post == post as u32 && r.start <= day && day < r.end)
                    .count(),
            )
        })
    });
    group.sample_size(100);

    group.bench_function(BenchmarkId::new("posts_of", "ledger"), |b| {
        b.iter(|| {
            let (_, person, date) = next();
            black_box(
                ledger
                    .posts_of(persons[person], date)
                    .expect("a person")
                    .len(),
            )
        })
    });
    let mut posts_of = db
        .prepare("SELECT post FROM tenure WHERE person = ?1 AND start <= ?2 AND end > ?2")
        .expect("the query");
    group.bench_function(BenchmarkId::new("posts_of", "SQLite (baseline)"), |b| {
        b.iter(|| {
            let (_, person, date) = next();
            let found = posts_of
                .query_map((person as u32, common::day_number(date)), |r| {
                    r.get::<_, u32>(0)
                })
                .expect("the rows")
                .count();
            black_box(found)
        })
    });
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("posts_of", "naive scan (baseline)"), |b| {
        b.iter(|| {
            let (_, person, date) = next();
            let day = common::day_number(date);
            black_box(
                rows.iter()
                    .filter(|r| r.person == person as u32 && r.start <= day && day < r.end)
                    .count(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, query);
criterion_main!(benches);
