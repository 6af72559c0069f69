//! Recording the adversarial shapes of issue 15 (item 3) into an empty
//! ledger, at 1 k and 10 k events: one notice appointing that many people
//! to a one-seat post without removals, one person appointed to that many
//! principal posts in one notice, and that many appointments to a post of
//! three declared seats. Each should grow linearly with the events.
//!
//! `cargo bench --bench shapes` (about a minute).

use std::hint::black_box;
use std::time::Duration;

use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post, Seats};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 1).expect("a date")
}

/// `events` people appointed to one post in one notice.
fn one_post(events: usize, post: &Post) -> Notice {
    (0..events).fold(Notice::new("任〔2022〕1号", day()), |n, i| {
        n.appoint(Person::new(&format!("人{i}")), post.clone())
    })
}

/// One person appointed to `events` principal posts in one notice.
fn many_posts(events: usize) -> Notice {
    (0..events).fold(Notice::new("任〔2022〕1号", day()), |n, i| {
        n.appoint(
            Person::new("甲"),
            Post::new(&format!("某市第{i}局"), "局长"),
        )
    })
}

fn shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("record a shape");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    let principal = Post::new("某市财政局", "局长");
    let deputy = Post::new("某市财政局", "副局长");
    for events in [1_000usize, 10_000] {
        let notices = [
            ("one-seat post", one_post(events, &principal), None),
            ("many posts, one person", many_posts(events), None),
            ("three seats", one_post(events, &deputy), Some(&deputy)),
        ];
        for (name, notice, seats) in notices {
            group.bench_with_input(BenchmarkId::new(name, events), &notice, |b, notice| {
                b.iter_batched(
                    || {
                        let mut ledger = Ledger::new();
                        if let Some(post) = seats {
                            ledger
                                .declare_seats(post.clone(), Seats::Limit(3))
                                .expect("a declaration");
                        }
                        (ledger, notice.clone())
                    },
                    |(mut ledger, notice)| {
                        black_box(
                            ledger
                                .record(notice)
                                .expect("a valid notice")
                                .findings
                                .len(),
                        )
                    },
                    BatchSize::LargeInput,
                )
            });
        }
    }
    group.finish();
}

criterion_group!(benches, shapes);
criterion_main!(benches);
