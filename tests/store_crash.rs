//! Crash safety across processes: a writer killed by SIGKILL at random
//! moments loses no acknowledged notice, and a second writer process is
//! locked out.
//!
//! The children are this test binary run again, with an environment
//! variable saying what the child should do; without it the `child_*`
//! tests return at once. The tests here run one at a time (a child forked
//! while another test holds a ledger would hold its lock until it execs).

mod common;
mod store_common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use appointment_ledger::Ledger;
use common::notice4;
use store_common::{notice, number, numbers, scratch_dir};

const CHILD_WRITER: &str = "APPOINTMENT_LEDGER_CHILD_WRITER";
const CHILD_TRY_OPEN: &str = "APPOINTMENT_LEDGER_CHILD_TRY_OPEN";

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A child process running one of the `child_*` tests below.
fn child(role: &str, path: &Path) -> Command {
    let name = match role {
        CHILD_WRITER => "child_writer",
        _ => "child_try_open",
    };
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(role, path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    cmd
}

/// Child: records notices in a loop, printing each number once `record`
/// has returned.
#[test]
fn child_writer() {
    let Some(path) = std::env::var_os(CHILD_WRITER) else {
        return;
    };
    let mut ledger = Ledger::builder().open(PathBuf::from(path)).unwrap();
    let mut out = std::io::stdout();
    // On a line of its own, after the test harness's "test … ".
    writeln!(out, "\nopened {}", ledger.len()).unwrap();
    let mut n = ledger.len() as u64;
    loop {
        n += 1;
        ledger.record(notice(n)).unwrap();
        writeln!(out, "acked {}", number(n)).unwrap();
        out.flush().unwrap();
    }
}

/// Child: tries to open a ledger for writing and says what happened.
#[test]
fn child_try_open() {
    let Some(path) = std::env::var_os(CHILD_TRY_OPEN) else {
        return;
    };
    let mut out = std::io::stdout();
    match Ledger::builder().open(PathBuf::from(path)) {
        Ok(ledger) => writeln!(out, "\nopened {}", ledger.len()).unwrap(),
        Err(e) => writeln!(out, "\nerror: {e}").unwrap(),
    }
    out.flush().unwrap();
}

#[test]
fn every_acknowledged_notice_survives_sigkill() {
    // Real fsyncs on a real disk, not tmpfs.
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.ledger");
    let mut seed = u64::from(std::process::id()) ^ 0x9E37_79B9_7F4A_7C15;
    let mut random = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let started = Instant::now();
    let mut acked: Vec<String> = Vec::new();
    let mut recoveries = 0;
    for round in 0..35 {
        let mut writer = child(CHILD_WRITER, &path).spawn().unwrap();
        let stdout = writer.stdout.take().unwrap();
        // Let it run a random while, then kill it mid-whatever.
        std::thread::sleep(Duration::from_millis(5 + random(60)));
        writer.kill().unwrap();
        writer.wait().unwrap();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            if let Some(n) = line.strip_prefix("acked ") {
                acked.push(n.to_owned());
            }
        }
        let ledger = Ledger::builder().open(&path).unwrap();
        if ledger.recovery().is_some() {
            recoveries += 1;
        }
        let have = numbers(&ledger);
        // Every acknowledged notice is there, in order; at most the one in
        // flight when the child died is there unacknowledged.
        assert!(
            have.len() >= acked.len() && have.len() <= acked.len() + 1,
            "round {round}: {} recorded, {} acknowledged",
            have.len(),
            acked.len()
        );
        assert_eq!(&have[..acked.len()], &acked[..], "round {round}");
        // The next child goes on from what is there.
        acked = have;
    }
    assert!(acked.len() > 35, "children recorded only {}", acked.len());
    assert!(started.elapsed() < Duration::from_secs(30));
    eprintln!(
        "35 kills of a writer, {} notices recorded over them, 0 acknowledged ones lost, {recoveries} torn records cut",
        acked.len()
    );
}

#[test]
fn a_second_writer_in_another_process_is_locked_out_and_writes_nothing() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let dir = scratch_dir();
    let path = dir.path().join("one-writer.ledger");
    let mut first = Ledger::builder().open(&path).unwrap();
    first.record(notice4()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let out = child(CHILD_TRY_OPEN, &path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = format!("error: {}: locked by another writer", path.display());
    assert!(
        stdout.lines().any(|l| l == expected),
        "child said:\n{stdout}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(first);
    let out = child(CHILD_TRY_OPEN, &path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().any(|l| l == "opened 1"),
        "child said:\n{stdout}"
    );
}
