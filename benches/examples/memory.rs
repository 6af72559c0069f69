//! Resident bytes per event after replaying a synthetic ledger, counted by
//! a global allocator, next to the size of a SQLite database of the same
//! tenures.
//!
//! ```text
//! cargo run --release -p appointment-ledger-benches --example memory   # 1 M events
//! cargo run --release -p appointment-ledger-benches --example memory -- --events 10000000
//! ```
//!
//! It lives in the benches' crate (`benches/`), which has the bundled SQLite
//! the root crate does not (issue 16).
//!
//! "Resident" here is the heap the program holds (bytes allocated and not
//! freed), not the operating system's RSS: it counts what the ledger owns
//! and nothing the allocator keeps in reserve.

use std::alloc::{GlobalAlloc, Layout, System};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use appointment_ledger::{Change, End, Entry, Event, Ledger, Start, Synthetic};
use rusqlite::Connection;

/// The system allocator, counting the bytes held.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
            let now = HELD.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn held() -> usize {
    HELD.load(Ordering::Relaxed)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let events = match args.as_slice() {
        [] => 1_000_000,
        [flag, n] if flag == "--events" => match n.replace('_', "").parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => return usage(),
        },
        _ => return usage(),
    };
    match run(events) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The heap bytes a log holds for its entries, events and texts (each
/// vector and string by its capacity), not counting the names its people
/// and posts share with the state.
fn log_bytes(log: &[Entry]) -> usize {
    let strings = |s: &[&String]| s.iter().map(|s| s.capacity()).sum::<usize>();
    // A replayed log is allocated at its length.
    let mut bytes = std::mem::size_of_val(log);
    for entry in log {
        // The synthetic ledgers hold notices only.
        if let Change::Notice(n) = &entry.change {
            bytes += strings(&[&n.number, &n.issuer, &n.title]);
            bytes += n.events.capacity() * std::mem::size_of::<Event>();
            bytes += n
                .events
                .iter()
                .map(|e| e.provenance.text.len())
                .sum::<usize>();
        }
    }
    bytes
}

fn usage() -> ExitCode {
    eprintln!("usage: memory [--events N]   (default 1000000)");
    ExitCode::from(2)
}

fn run(events: usize) -> Result<(), Box<dyn std::error::Error>> {
    let base = held();
    let clock = Instant::now();
    let entries = Synthetic::new(6).events(events).entries();
    let generated = clock.elapsed();
    let count: usize = entries
        .iter()
        .filter_map(|e| e.change.notice())
        .map(|n| n.events.len())
        .sum();
    let generated_log = held() - base;

    let clock = Instant::now();
    let ledger = Ledger::from_log(entries)?;
    let replayed = clock.elapsed();
    // The findings are computed when first asked for; a ledger that
    // records holds them.
    let clock = Instant::now();
    let findings = ledger.findings().len();
    let checked = clock.elapsed();
    let total = held() - base;
    // The log's own part: its entries, events and texts; the names in it
    // are shared with the state, so they count with the state.
    let log = log_bytes(ledger.log());
    let state = total - log;

    // The same tenures in SQLite, as the benches store them.
    let mut rows = Vec::new();
    let persons: std::collections::HashMap<_, _> = ledger
        .persons()
        .iter()
        .enumerate()
        .map(|(i, p)| (p, i as i64))
        .collect();
    for (i, post) in ledger.posts().iter().enumerate() {
        for t in ledger.history(post)? {
            let start = match t.start {
                Start::On(d) => Some(d.to_string()),
                Start::Unknown { .. } => None,
            };
            let end = match t.end {
                End::On(d) => Some(d.to_string()),
                End::Open => None,
            };
            rows.push((i as i64, persons[&t.person], start, end));
        }
    }
    let db = Connection::open_in_memory()?;
    db.execute_batch(
        "CREATE TABLE tenure (post INTEGER NOT NULL, person INTEGER NOT NULL, start TEXT, end TEXT);
         CREATE INDEX tenure_post ON tenure (post, start);",
    )?;
    db.execute_batch("BEGIN")?;
    {
        let mut insert = db.prepare("INSERT INTO tenure VALUES (?1, ?2, ?3, ?4)")?;
        for r in &rows {
            insert.execute((r.0, r.1, &r.2, &r.3))?;
        }
    }
    db.execute_batch("COMMIT")?;
    let pages: u64 = db.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let page: u64 = db.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let sqlite = pages * page;

    let per = |bytes: usize| bytes as f64 / count as f64;
    println!(
        "{count} events in {} notices, {} posts, {} people, {} tenures",
        ledger.len(),
        ledger.posts().len(),
        ledger.persons().len(),
        rows.len()
    );
    println!(
        "generated in {:.2?}, replayed (Ledger::from_log) in {replayed:.2?}, \
         findings ({findings}) computed in {checked:.2?}",
        generated
    );
    println!(
        "ledger, all it holds:      {:>14} bytes  {:>8.1} bytes/event",
        total,
        per(total)
    );
    println!(
        "  of which the log:        {:>14} bytes  {:>8.1} bytes/event (entries and texts)",
        log,
        per(log)
    );
    println!(
        "  of which state+findings: {:>14} bytes  {:>8.1} bytes/event (with the names, shared with the log)",
        state,
        per(state)
    );
    println!(
        "(the log as generated, each event with its own names: {:.1} bytes/event)",
        per(generated_log)
    );
    println!(
        "SQLite tenure table + index (post, start), ids and ISO dates: {:>14} bytes  {:>8.1} bytes/event",
        sqlite,
        per(sqlite as usize)
    );
    println!("peak heap: {} bytes", PEAK.load(Ordering::Relaxed));
    Ok(())
}
