//! Helpers shared by the ledger-file tests.
#![allow(dead_code)]

use std::path::Path;

use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};

/// A small notice, numbered `n`.
pub fn notice(n: u64) -> Notice {
    let day = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap() + chrono::Days::new(n % 300);
    Notice::new(&format!("测〔2022〕{n}号"), day).appoint(
        Person::new(&format!("人{n}")),
        Post::new(
            "某局",
            if n.is_multiple_of(2) {
                "副局长"
            } else {
                "调研员"
            },
        ),
    )
}

pub fn number(n: u64) -> String {
    format!("测〔2022〕{n}号")
}

/// A directory for scratch files, in memory (tmpfs) where there is one so
/// that thousands of reopenings stay fast.
pub fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::Builder::new().prefix("ledger-").tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}

pub fn numbers(ledger: &Ledger) -> Vec<String> {
    ledger.notices().map(|(_, n)| n.number.clone()).collect()
}
