//! One fresh process, one question: `appointments who POST --on DATE
//! --ledger FILE` (which reads the index beside the ledger file) against a
//! fresh process that opens a SQLite file of the same tenures (post and
//! person names in their own tables, the tenures under a covering index)
//! and answers the same question, at 100 k and 1 M events;
//! `LEDGER_BENCH_10M=1` adds 10 M. Each process asks a random post on a
//! random day, one process at a time; the peak resident set of the
//! children is read from `getrusage`.
//!
//! The same questions are asked of a copy of the ledger grown past its
//! index by one notice at a post of its own (`appointments who, 1 notice
//! past the index`): the index read past its end, the questions ones the
//! notice does not touch.
//!
//! A second group times writing the index (what `import` adds at the end
//! of a run) against opening and replaying the ledger file.
//!
//! The ledger files, their indexes and the SQLite files are built once
//! into Cargo's scratch directory for benches and reused (delete
//! `target/tmp/cold-*` to rebuild them).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use appointment_ledger::{FileStore, Index, Ledger, LogAppend, NaiveDate, Synthetic};
use criterion::{BenchmarkId, Criterion, criterion_group};
use rusqlite::Connection;

/// The SQLite side of a question, run as its own process: this bench's
/// binary started again with `--sqlite-who DB POST DAY`.
fn sqlite_child(db: &str, post: &str, day: i32) {
    let db = Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("the SQLite file");
    let mut ask = db
        .prepare(
            "SELECT person.name, tenure.start, tenure.end FROM post
             JOIN tenure ON tenure.post = post.id
             JOIN person ON person.id = tenure.person
             WHERE post.name = ?1 AND tenure.start <= ?2 AND tenure.end > ?2",
        )
        .expect("the statement");
    let rows: Vec<(String, i32, i32)> = ask
        .query_map((post, day), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("the query")
        .collect::<Result<_, _>>()
        .expect("the rows");
    println!("{} held", rows.len());
}

/// A ledger file of `events` synthetic events with its index, and a SQLite
/// file of its tenures: (ledger, database, post names).
fn files(events: usize) -> (PathBuf, PathBuf, Vec<String>) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cold-{events}"));
    let ledger_path = dir.join("synthetic.ledger");
    let db_path = dir.join("tenures.sqlite");
    let names_path = dir.join("posts.txt");
    if !names_path.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the scratch directory");
        let entries = Synthetic::new(common::SEED).events(events).entries();
        FileStore::open(&ledger_path)
            .expect("a new ledger file")
            .append_batch(&entries)
            .expect("the log written");
        let ledger = Ledger::builder()
            .open(&ledger_path)
            .expect("the ledger replayed");
        Index::write(&ledger, &Index::path_for(&ledger_path)).expect("the index");
        let db = Connection::open(&db_path).expect("the SQLite file");
        db.execute_batch(
            "PRAGMA journal_mode = OFF;
             CREATE TABLE post (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
             CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
             CREATE TABLE tenure (post INTEGER NOT NULL, person INTEGER NOT NULL,
                                  start INTEGER NOT NULL, end INTEGER NOT NULL);",
        )
        .expect("the schema");
        let rows = common::tenures(&ledger);
        db.execute_batch("BEGIN").expect("a transaction");
        for (i, post) in ledger.posts().iter().enumerate() {
            db.execute(
                "INSERT OR IGNORE INTO post VALUES (?1, ?2)",
                (i as i64, post.to_string()),
            )
            .expect("a post");
        }
        for (i, person) in ledger.persons().iter().enumerate() {
            db.execute(
                "INSERT INTO person VALUES (?1, ?2)",
                (i as i64, person.to_string()),
            )
            .expect("a person");
        }
        for r in &rows {
            db.execute(
                "INSERT INTO tenure VALUES (?1, ?2, ?3, ?4)",
                (r.post, r.person, r.start, r.end),
            )
            .expect("a tenure");
        }
        db.execute_batch(
            "COMMIT;
             CREATE INDEX tenure_post ON tenure (post, start, end, person);
             CREATE INDEX tenure_person ON tenure (person, start, end, post);",
        )
        .expect("the indexes");
        let names: Vec<String> = ledger.posts().iter().map(ToString::to_string).collect();
        std::fs::write(&names_path, names.join("\n")).expect("the post names");
    }
    // An index an older build wrote (or none) is written again.
    if Index::open(&ledger_path).map_or(true, |index| index.tail_len() > 0) {
        let ledger = Ledger::builder()
            .open(&ledger_path)
            .expect("the ledger replayed");
        Index::write(&ledger, &Index::path_for(&ledger_path)).expect("the index");
        let _ = std::fs::remove_file(ledger_path.with_file_name("grown.ledger"));
    }
    let names = std::fs::read_to_string(&names_path)
        .expect("the post names")
        .lines()
        .map(str::to_owned)
        .collect();
    (ledger_path, db_path, names)
}

/// Runs `program` with `args`, passes its output through, and prints its
/// own peak resident set (KiB, from `wait4`) as the last line of stderr:
/// what this bench's binary does when started as `--peak PROGRAM ARGS…`.
///
/// A launcher of its own, because Linux charges a child the peak of the
/// memory it was spawned from: spawned from the bench (which has built
/// the ledgers), every child would report the bench's peak. Spawned from
/// this small process it reports its own, plus at most this launcher's few
/// MiB.
fn peak_child(program: &str, args: &[String]) {
    let child = Command::new(program)
        .args(args)
        .spawn()
        .expect("the child started");
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: wait4 reaps the child std spawned (never waited on by std)
    // and writes a whole rusage into the pointer given.
    #[allow(unsafe_code)]
    let (pid, usage) = unsafe {
        let pid = libc::wait4(
            child.id() as libc::pid_t,
            &mut status,
            0,
            usage.as_mut_ptr(),
        );
        (pid, usage.assume_init())
    };
    assert!(pid > 0, "wait4 failed");
    eprintln!("peak-rss-kib {}", usage.ru_maxrss);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    std::process::exit(if ok { 0 } else { 1 });
}

/// Runs `command` through the `--peak` launcher: whether it succeeded,
/// what it printed on stdout and on stderr, and its peak resident set in
/// MiB.
fn run(me: &Path, command: &Command) -> (bool, Vec<u8>, String, f64) {
    let out = Command::new(me)
        .arg("--peak")
        .arg(command.get_program())
        .args(command.get_args())
        .output()
        .expect("the launcher ran");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let (before, last) = err
        .trim_end()
        .rsplit_once('\n')
        .unwrap_or(("", err.trim_end()));
    let kib: f64 = last
        .strip_prefix("peak-rss-kib ")
        .and_then(|n| n.parse().ok())
        .expect("the launcher's peak");
    (
        out.status.success(),
        out.stdout,
        before.to_owned(),
        kib / 1024.0,
    )
}

/// The `appointments` command of this checkout, built now in the profile
/// and target directory this bench was built in, and its path.
///
/// `env!("CARGO_BIN_EXE_appointments")` names a binary only inside its own
/// package, and Cargo builds no binaries of a dependency; this bench lives
/// in the workspace member `appointment-ledger-benches`. So it asks Cargo
/// itself (`$CARGO`, which Cargo sets for the tests and benches it runs) to
/// build the binary of the root package: a no-op when the binary is
/// current, never a stale binary measured. This bench's own path is
/// `TARGET/PROFILE/deps/cold-HASH`, which gives the target directory and
/// the profile (`release` under `cargo bench`, `debug` under `cargo
/// test`), so that the nested build reuses what the outer one compiled;
/// the binary's path is the one Cargo reports (`--message-format json`).
/// Cargo holds no lock on the target directory while tests and benches
/// run, so the nested build does not wait on the outer one. The features
/// are the ones the outer build unified for the root package (`cli` by
/// default, and `synth`, which this crate asks for).
fn appointments_binary(me: &Path) -> PathBuf {
    let profile_dir = me
        .parent()
        .and_then(Path::parent)
        .expect("this bench under TARGET/PROFILE/deps");
    let target_dir = profile_dir.parent().expect("the target directory");
    let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") => "dev",
        Some(other) => other,
        None => panic!("no profile directory above {}", me.display()),
    };
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--package", "appointment-ledger"])
        .args(["--bin", "appointments", "--features", "synth"])
        .args(["--message-format", "json-render-diagnostics"])
        .args(["--profile", profile, "--manifest-path"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("cargo ran");
    assert!(
        output.status.success(),
        "cargo could not build `appointments`"
    );
    // One JSON message a line; the binary is the artifact with an
    // executable named `appointments`.
    let binary = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "appointments")
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .expect("cargo reported the `appointments` binary");
    assert!(binary.is_file(), "no {}", binary.display());
    binary
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn cold(c: &mut Criterion) {
    let mut sizes = vec![100_000, 1_000_000];
    if std::env::var_os("LEDGER_BENCH_10M").is_some() {
        sizes.push(10_000_000);
    }
    if !common::measuring() {
        sizes = vec![10_000];
    }
    let me = std::env::current_exe().expect("this bench's path");
    let appointments = appointments_binary(&me);
    let first = NaiveDate::from_ymd_opt(1985, 1, 1).expect("a date");
    let mut group = c.benchmark_group("cold_who");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));
    for events in sizes {
        let (ledger, db, posts) = files(events);
        let mut keys = common::Keys::new(7);
        let mut ask = || {
            let post = posts[keys.below(posts.len())].clone();
            (post, first + chrono::Days::new(keys.below(40 * 365) as u64))
        };
        let who_at = |ledger: &Path, post: &str, day: NaiveDate| {
            let mut command = Command::new(&appointments);
            command
                .args(["who", post, "--on", &day_text(day), "--json", "--ledger"])
                .arg(ledger);
            command
        };
        let who = |post: &str, day: NaiveDate| who_at(&ledger, post, day);
        let sqlite = |post: &str, day: NaiveDate| {
            let mut command = Command::new(&me);
            command
                .args(["--sqlite-who", db.to_str().expect("a UTF-8 path"), post])
                .arg(common::day_number(day).to_string());
            command
        };
        // Questions each way, checked (the same number of holders), and
        // each process's peak resident set.
        let (mut ours_peak, mut theirs_peak) = (0f64, 0f64);
        for _ in 0..20 {
            let (post, day) = ask();
            let (ok, out, err, peak) = run(&me, &who(&post, day));
            assert!(ok && err.is_empty(), "{err}");
            ours_peak = ours_peak.max(peak);
            let json: serde_json::Value = serde_json::from_slice(&out).expect("the answer as JSON");
            let held = if json["holding"]["kind"] == "held" {
                json["holding"]["tenures"].as_array().map_or(0, Vec::len)
            } else {
                0
            };
            let (ok, out, _, peak) = run(&me, &sqlite(&post, day));
            assert!(ok);
            theirs_peak = theirs_peak.max(peak);
            assert_eq!(
                String::from_utf8_lossy(&out),
                format!("{held} held\n"),
                "{post} on {day}"
            );
        }
        group.bench_function(BenchmarkId::new("appointments who", events), |b| {
            b.iter(|| {
                let (post, day) = ask();
                answered(who(&post, day));
            });
        });
        let grown = grown_copy(&ledger);
        let who_grown = |post: &str, day: NaiveDate| who_at(&grown, post, day);
        let (post, day) = ask();
        let (ok, out, err, _) = run(&me, &who_grown(&post, day));
        assert!(ok && err.is_empty(), "{err}");
        let (_, want, _, _) = run(&me, &who(&post, day));
        assert_eq!(out, want, "{post} on {day}: the grown copy answers alike");
        group.bench_function(
            BenchmarkId::new("appointments who, 1 notice past the index", events),
            |b| {
                b.iter(|| {
                    let (post, day) = ask();
                    answered(who_grown(&post, day));
                });
            },
        );
        group.bench_function(BenchmarkId::new("sqlite process", events), |b| {
            b.iter(|| {
                let (post, day) = ask();
                answered(sqlite(&post, day));
            });
        });
        let sizes = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len()) as f64 / 1e6;
        eprintln!(
            "cold_who {events}: ledger {:.1} MB, index {:.1} MB, SQLite {:.1} MB; peak resident set of one question: appointments {ours_peak:.1} MiB, SQLite process {theirs_peak:.1} MiB",
            sizes(&ledger),
            sizes(&Index::path_for(&ledger)),
            sizes(&db),
        );
    }
    group.finish();
}

/// Runs one question's process and checks that it answered.
fn answered(mut command: Command) {
    let out = command.output().expect("the process ran");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A copy of the ledger file and its index beside it, then one notice
/// recorded at a post of its own without writing the index again: a
/// ledger grown past its index (built once, like the others).
fn grown_copy(ledger: &Path) -> PathBuf {
    let grown = ledger.with_file_name("grown.ledger");
    if !grown.exists() {
        let scratch = ledger.with_file_name("grown.ledger.tmp");
        std::fs::copy(ledger, &scratch).expect("the ledger copied");
        std::fs::copy(Index::path_for(ledger), Index::path_for(&grown)).expect("the index copied");
        let day = NaiveDate::from_ymd_opt(2024, 1, 2).expect("a date");
        Ledger::builder()
            .open(&scratch)
            .expect("the copy replayed")
            .record(
                appointment_ledger::Notice::new("尾政任〔2024〕1号", day).appoint(
                    appointment_ledger::Person::new("尾巴甲"),
                    appointment_ledger::Post::new("某新设机构", "主任"),
                ),
            )
            .expect("a notice past the index");
        std::fs::rename(&scratch, &grown).expect("the copy in place");
    }
    grown
}

/// Writing the index of a replayed ledger (what `import` adds at the end of
/// a run), against replaying the same ledger file (what a question without
/// an index costs).
fn write(c: &mut Criterion) {
    let mut sizes = vec![100_000, 1_000_000];
    if std::env::var_os("LEDGER_BENCH_10M").is_some() {
        sizes.push(10_000_000);
    }
    if !common::measuring() {
        sizes = vec![10_000];
    }
    let mut group = c.benchmark_group("index_write");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for events in sizes {
        let (path, _, _) = files(events);
        let ledger = Ledger::builder().open_read_only(&path).expect("the ledger");
        let scratch = path.with_extension("scratch.index");
        group.throughput(criterion::Throughput::Elements(events as u64));
        group.bench_function(BenchmarkId::new("Index::write", events), |b| {
            b.iter(|| Index::write(&ledger, &scratch).expect("the index written"));
        });
        drop(ledger);
        group.bench_function(
            BenchmarkId::new("open and replay the ledger file", events),
            |b| {
                b.iter(|| Ledger::builder().open_read_only(&path).expect("the ledger"));
            },
        );
        let _ = std::fs::remove_file(&scratch);
    }
    group.finish();
}

criterion_group!(benches, cold, write);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--peak") {
        peak_child(&args[2], &args[3..]);
        return;
    }
    if args.get(1).map(String::as_str) == Some("--sqlite-who") {
        let day = args[4].parse().expect("a day number");
        sqlite_child(&args[2], &args[3], day);
        return;
    }
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
