//! A ledger path that is not a regular file (issue 15): refused with
//! `Error::NotAFile` by both ways of opening, before a byte is read and
//! without waiting on a FIFO.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use appointment_ledger::{Error, Ledger};

/// Both ways of opening `path`, each in a thread that may not return (a
/// FIFO opened for reading waits for a writer), with a deadline.
fn open_both(path: &Path) -> [Result<(), Error>; 2] {
    let open = |read_only: bool| {
        let (tx, rx) = mpsc::channel();
        let path = path.to_path_buf();
        let name = path.display().to_string();
        std::thread::spawn(move || {
            let opened = if read_only {
                Ledger::builder().open_read_only(&path)
            } else {
                Ledger::builder().open(&path)
            };
            let _ = tx.send(opened.map(|_| ()));
        });
        rx.recv_timeout(Duration::from_secs(5))
            .unwrap_or_else(|_| panic!("opening {name} waited 5 s"))
    };
    [open(false), open(true)]
}

fn not_a_file(path: &Path, found: &str) -> Error {
    Error::NotAFile {
        path: path.display().to_string(),
        found: found.to_owned(),
    }
}

#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("ledger");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let refused = Err(not_a_file(&fifo, "a FIFO"));
    assert_eq!(open_both(&fifo), [refused.clone(), refused]);
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let refused = Err(not_a_file(dir.path(), "a directory"));
    assert_eq!(open_both(dir.path()), [refused.clone(), refused]);
    let e = not_a_file(dir.path(), "a directory");
    assert_eq!(
        e.to_string(),
        format!("{}: a directory, not a regular file", dir.path().display())
    );
    assert!(e.is_bad_input());
}

#[test]
fn a_device_is_refused_before_it_is_read() {
    let zero = Path::new("/dev/zero");
    let refused = Err(not_a_file(zero, "a character device"));
    assert_eq!(open_both(zero), [refused.clone(), refused]);
}
