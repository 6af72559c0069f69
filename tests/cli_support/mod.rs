//! Running the `appointments` command from a test, as a user would.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The gazette the examples replay.
pub const GAZETTE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/huaiyin-gazette-2022.txt"
);

/// Makes a FIFO (named pipe) at `path`.
pub fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

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

/// A path in the temporary directory, unique to this process and name,
/// with nothing there; whatever a test leaves there is removed when the
/// path is dropped.
pub fn temp_path(name: &str) -> Scratch {
    let path = std::env::temp_dir().join(format!("appointments-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    Scratch(path)
}

/// A temporary path that cleans up after itself (see [`temp_path`]).
#[derive(Debug)]
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    /// Removes the file, and the index a ledger file has beside it.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let mut index = self.0.clone().into_os_string();
        index.push(".index");
        let _ = std::fs::remove_file(index);
    }
}
