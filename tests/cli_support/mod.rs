//! Running the `appointments` command from a test, as a user would.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The gazette the examples replay.
pub const GAZETTE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/huaiyin-gazette-2022.txt"
);

/// Runs the command with `args`.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_appointments"))
        .args(args)
        .output()
        .expect("the command runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A path in the temporary directory, unique to this process, removed if
/// it exists.
pub fn temp_path(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("appointments-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}
