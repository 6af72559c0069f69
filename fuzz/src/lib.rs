//! The bodies of the fuzz targets, written once: the libFuzzer targets
//! (`fuzz_targets/`, `cargo +nightly fuzz run parse` and
//! `cargo +nightly fuzz run open_ledger`) call them, and so does the
//! proptest run in every `cargo test` (`tests/fuzz_targets.rs`, which
//! includes this file as a module of its own).
//!
//! A body panics on what must never happen: a panic of the library, a
//! notice half recorded, a reader and the writer disagreeing about a file,
//! a state that cannot answer a question about what it holds. Anything
//! else, a typed error included, is a pass; what happened is returned so
//! that the proptest run can count it.

use std::sync::OnceLock;

use appointment_ledger::{
    Error, Event, EventKind, Ledger, NaiveDate, Notice, Parser, Person, Post,
};

/// What [`parse`] found in one input, over both the lenient and the strict
/// reading.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    /// Notices and corrections read.
    pub read: usize,
    /// Of those, recorded into a ledger.
    pub recorded: usize,
    /// Of those, refused by the ledger with a typed error.
    pub refused: usize,
    /// Readings the parser refused whole with a typed error.
    pub errors: usize,
}

/// The parser given any bytes (as text, invalid UTF-8 replaced), leniently
/// and strictly: it returns what it read or a typed error; every notice
/// and correction it read is recorded into an in-memory ledger or refused
/// with a typed error that leaves the ledger as it was; and the ledger
/// then answers who held each post it knows, each post's history and each
/// person's posts.
pub fn parse(data: &[u8]) -> Parsed {
    let text = String::from_utf8_lossy(data);
    let mut parsed = Parsed::default();
    for strict in [false, true] {
        let read = match Parser::new().strict(strict).file("fuzz.txt").read(&text) {
            Ok(read) => read,
            Err(e) => {
                typed(&e);
                parsed.errors += 1;
                continue;
            }
        };
        let mut ledger = Ledger::builder().strict(strict).clock(|| None).in_memory();
        let changes = read
            .notices
            .into_iter()
            .map(|p| Change::Notice(p.notice))
            .chain(
                read.corrections
                    .into_iter()
                    .map(|c| Change::Correction(c.correction)),
            );
        for change in changes {
            parsed.read += 1;
            let before = ledger.len();
            let done = match change {
                Change::Notice(notice) => ledger.record(notice),
                Change::Correction(correction) => ledger.record_correction(correction),
            };
            match done {
                Ok(_) => {
                    assert_eq!(ledger.len(), before + 1, "recorded, but not one entry");
                    parsed.recorded += 1;
                }
                Err(e) => {
                    typed(&e);
                    assert_eq!(ledger.len(), before, "refused ({e}), but an entry made");
                    parsed.refused += 1;
                }
            }
        }
        answers(&ledger);
    }
    parsed
}

/// A notice or a correction, in the order [`parse`] records them.
enum Change {
    Notice(Notice),
    Correction(appointment_ledger::Correction),
}

/// What [`open_ledger`] made of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// Opened by a reader and the writer, with this many entries; `torn`
    /// when a torn last record was skipped (and cut by the writer).
    Ledger {
        /// The entries replayed.
        entries: usize,
        /// Whether a torn last record was skipped and cut.
        torn: bool,
    },
    /// Refused by both with the same typed error, the file left alone.
    Refused,
}

/// A ledger file of any bytes, opened read-only and as the writer. The
/// first byte chooses what the file holds: odd, a valid ledger of five
/// entries edited by the rest (four bytes an edit: a byte flipped, the file
/// cut, a run of bytes zeroed, a byte inserted, or zeros to the end);
/// even, the rest as it is.
///
/// Both opens return a ledger or a typed error, never panic or wait (the
/// file is a regular one: what is not is refused before it is read). They
/// agree: the same entries, or the same error with the file left as it
/// was. An opened ledger answers who held each post it knows, and once the
/// writer has cut a torn record, a reader finds the file whole.
pub fn open_ledger(data: &[u8]) -> Opened {
    let bytes = match data.split_first() {
        Some((mode, edits)) if mode % 2 == 1 => edited(base(), edits),
        Some((_, raw)) => raw.to_vec(),
        None => Vec::new(),
    };
    let file = scratch_file();
    let path = file.path();
    if let Err(e) = std::fs::write(path, &bytes) {
        panic!("writing the scratch file {}: {e}", path.display());
    }
    let read = Ledger::builder().open_read_only(path);
    let write = Ledger::builder().open(path);
    match (read, write) {
        (Ok(reader), Ok(writer)) => {
            assert!(
                reader.log() == writer.log(),
                "a reader read {} entries, the writer {}",
                reader.log().len(),
                writer.log().len()
            );
            assert_eq!(
                reader.recovery().map(|r| (r.offset, r.bytes_cut)),
                writer.recovery().map(|r| (r.offset, r.bytes_cut)),
                "a reader and the writer found different torn records"
            );
            answers(&reader);
            answers(&writer);
            drop(writer);
            let again = match Ledger::builder().open_read_only(path) {
                Ok(again) => again,
                Err(e) => panic!("reopened after the writer: {e}"),
            };
            assert_eq!(again.recovery(), None, "the writer's cut is on disk");
            assert!(again.log() == reader.log(), "reopened to other entries");
            Opened::Ledger {
                entries: reader.len(),
                torn: reader.recovery().is_some(),
            }
        }
        (Err(by_reader), Err(by_writer)) => {
            typed(&by_reader);
            assert_eq!(
                by_reader, by_writer,
                "a reader and the writer refuse it differently"
            );
            match std::fs::read(path) {
                Ok(now) => assert!(now == bytes, "a refused file was changed"),
                Err(e) => panic!("reading the scratch file back: {e}"),
            }
            Opened::Refused
        }
        (read, write) => panic!(
            "a reader and the writer disagree: the reader {:?}, the writer {:?}",
            read.err(),
            write.err()
        ),
    }
}

/// An error the library returned: it says what it is.
fn typed(e: &Error) {
    assert!(!e.to_string().is_empty(), "an error with no message: {e:?}");
}

/// Asks `ledger` about everything it holds.
fn answers(ledger: &Ledger) {
    let days = [
        NaiveDate::from_ymd_opt(1950, 1, 1),
        NaiveDate::from_ymd_opt(2022, 6, 1),
    ];
    for day in days.into_iter().flatten() {
        for post in ledger.posts() {
            if let Err(e) = ledger.holders(post, day) {
                panic!("who held {post:?} on {day}: {e}");
            }
        }
        for person in ledger.persons() {
            if let Err(e) = ledger.posts_of(person, day) {
                panic!("the posts of {person:?} on {day}: {e}");
            }
        }
    }
    for post in ledger.posts() {
        if let Err(e) = ledger.history(post) {
            panic!("the history of {post:?}: {e}");
        }
    }
    let _ = ledger.findings();
}

/// The bytes of a valid ledger file of five entries (one a clause naming
/// two people, written once in schema 2), built once.
fn base() -> &'static [u8] {
    static BASE: OnceLock<Vec<u8>> = OnceLock::new();
    BASE.get_or_init(|| {
        let file = scratch_file();
        let day = |d| NaiveDate::from_ymd_opt(2022, 4, d).unwrap_or_default();
        let post = Post::new("某区人民政府", "副区长");
        let mut ledger = match Ledger::builder().clock(|| None).open(file.path()) {
            Ok(ledger) => ledger,
            Err(e) => panic!("the base ledger: {e}"),
        };
        let text = "任命张三、李四为某区人民政府副区长";
        let mut shared = Notice::new("某政任〔2022〕1号", day(1));
        for name in ["张三", "李四"] {
            shared.events.push(
                Event::new(EventKind::Appoint, Person::new(name), post.clone()).clause(1, text),
            );
        }
        let notices = [
            shared,
            Notice::new("某政任〔2022〕2号", day(2))
                .appoint(Person::new("王五"), Post::new("某区财政局", "局长")),
            Notice::new("某政任〔2022〕3号", day(3)).remove(Person::new("张三"), post.clone()),
            Notice::new("某政任〔2022〕4号", day(4))
                .appoint(Person::new("赵六"), Post::new("某区财政局", "副局长")),
            Notice::new("某政任〔2022〕5号", day(5)).appoint(Person::new("钱七"), post),
        ];
        for notice in notices {
            if let Err(e) = ledger.record(notice) {
                panic!("the base ledger: {e}");
            }
        }
        drop(ledger);
        match std::fs::read(file.path()) {
            Ok(bytes) => bytes,
            Err(e) => panic!("the base ledger: {e}"),
        }
    })
}

/// `base` edited by `edits`, four bytes an edit: what to do, where (two
/// bytes, modulo the length) and a value.
fn edited(base: &[u8], edits: &[u8]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for edit in edits.chunks_exact(4) {
        let at = usize::from(u16::from_le_bytes([edit[1], edit[2]])) % (bytes.len() + 1);
        let value = edit[3];
        match edit[0] % 5 {
            0 => {
                if let Some(byte) = bytes.get_mut(at) {
                    *byte ^= value.max(1);
                }
            }
            1 => bytes.truncate(at),
            2 => {
                let end = (at + 4 * usize::from(value)).min(bytes.len());
                bytes[at..end].fill(0);
            }
            3 => bytes.insert(at, value),
            _ => bytes[at..].fill(0),
        }
    }
    bytes
}

/// A file of its own, in memory (tmpfs) where there is one, removed when
/// dropped.
fn scratch_file() -> tempfile::NamedTempFile {
    let made = tempfile::Builder::new()
        .prefix("fuzz-ledger-")
        .tempfile_in("/dev/shm")
        .or_else(|_| tempfile::NamedTempFile::new());
    match made {
        Ok(file) => file,
        Err(e) => panic!("a scratch file: {e}"),
    }
}
