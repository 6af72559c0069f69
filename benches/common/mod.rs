//! What the benches share: ledgers from the crate's synthetic generator
//! (`appointment_ledger::Synthetic`), and the same tenures as a SQLite
//! table and as a plain vector, the baselines of issue 6.

// Each bench uses part of it.
#![allow(dead_code)]

use appointment_ledger::{End, Ledger, NaiveDate, Start, Synthetic};
use rusqlite::Connection;

/// The seed every bench uses, so that all of them measure one record.
pub const SEED: u64 = 6;

/// A ledger of at least `events` synthetic events, replayed from its log.
pub fn ledger_of(events: usize) -> Ledger {
    Ledger::from_log(Synthetic::new(SEED).events(events).entries()).expect("a consistent log")
}

/// A day as SQLite and the naive scan store it: days since 1 January of
/// year 1 (CE). An unknown start is the earliest day, an open end the
/// latest, as the ledger's own bounds read them.
pub fn day_number(date: NaiveDate) -> i32 {
    chrono::Datelike::num_days_from_ce(&date)
}

/// One tenure as plain numbers: post and person (their index in
/// `Ledger::posts` and `Ledger::persons`), first day and day after the
/// last.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub post: u32,
    pub person: u32,
    pub start: i32,
    pub end: i32,
}

/// Every tenure of every post, from the ledger's `history`.
pub fn tenures(ledger: &Ledger) -> Vec<Row> {
    let persons: std::collections::HashMap<&appointment_ledger::Person, u32> = ledger
        .persons()
        .iter()
        .enumerate()
        .map(|(i, p)| (p, i as u32))
        .collect();
    let mut rows = Vec::new();
    for (i, post) in ledger.posts().iter().enumerate() {
        for tenure in ledger.history(post).expect("a recorded post") {
            let start = match tenure.start {
                Start::On(d) => day_number(d),
                Start::Unknown { after, .. } => after.map_or(i32::MIN, day_number),
            };
            let end = match tenure.end {
                End::On(d) => day_number(d),
                End::Open => i32::MAX,
            };
            rows.push(Row {
                post: i as u32,
                person: persons[&tenure.person],
                start,
                end,
            });
        }
    }
    rows
}

/// An in-memory SQLite database with a `tenure` table and an index on
/// (post, start), and another on (person, start) for `posts_of`.
pub fn sqlite_schema() -> Connection {
    let db = Connection::open_in_memory().expect("an in-memory database");
    db.execute_batch(
        "CREATE TABLE tenure (post INTEGER NOT NULL, person INTEGER NOT NULL,
                              start INTEGER NOT NULL, end INTEGER NOT NULL);
         CREATE INDEX tenure_post ON tenure (post, start);
         CREATE INDEX tenure_person ON tenure (person, start);",
    )
    .expect("the schema");
    db
}

/// Inserts `rows` in one transaction with a prepared statement.
pub fn sqlite_insert(db: &mut Connection, rows: &[Row]) {
    let tx = db.transaction().expect("a transaction");
    {
        let mut insert = tx
            .prepare_cached("INSERT INTO tenure (post, person, start, end) VALUES (?1, ?2, ?3, ?4)")
            .expect("the insert");
        for r in rows {
            insert
                .execute((r.post, r.person, r.start, r.end))
                .expect("a row");
        }
    }
    tx.commit().expect("the commit");
}

/// The database of `rows`, built as the replay baseline builds it.
pub fn sqlite_of(rows: &[Row]) -> Connection {
    let mut db = sqlite_schema();
    sqlite_insert(&mut db, rows);
    db
}

/// The database's size in bytes (pages times page size).
pub fn sqlite_bytes(db: &Connection) -> u64 {
    let pages: u64 = db
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("page count");
    let size: u64 = db
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .expect("page size");
    pages * size
}

/// A small deterministic generator of query keys (xorshift64*).
pub struct Keys(u64);

impl Keys {
    pub fn new(seed: u64) -> Keys {
        Keys(seed | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((u128::from(self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)) * n as u128) >> 64) as usize
    }
}

/// Whether criterion measures (`cargo bench`), rather than running each
/// bench once as a test (`cargo test`, `cargo bench -- --test`).
pub fn measuring() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test")
}

/// `events` when measuring; in test mode a hundredth of it (at least
/// 10 000), so that the benches run once in seconds and cannot rot.
pub fn size(events: usize) -> usize {
    if measuring() {
        events
    } else {
        (events / 100).max(10_000)
    }
}
