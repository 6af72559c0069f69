//! Where a ledger's log lives: a small read/append boundary.
//!
//! A store knows log entries and bytes, never the in-memory state built
//! from them. Reading and appending are separate traits so that a read-only
//! tool needs only the first and a later PostgreSQL store implements both
//! without touching the ledger.
//!
//! Two stores ship: [`MemoryStore`], for tests and for sharing a log
//! between ledgers in one process, and [`FileStore`], the embedded default
//! (its file format is documented on the `file` submodule and in
//! [`FileStore`]'s docs).

use std::sync::{Arc, Mutex, PoisonError};

use crate::error::Result;
use crate::model::Entry;

mod file;

pub use file::{FileStore, Recovery};
pub(crate) use file::{probe, read_tail};

/// Where a log ends: how many entries it holds and a check of them, as an
/// index records the prefix of the log it was built from.
///
/// `bytes`, `crc` and `tail` are the store's own measures (for a ledger
/// file: its length, the CRC-32C of all its bytes, and that of its header
/// and last page), compared only with marks of the same store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LogMark {
    /// How many entries the log holds.
    pub entries: u64,
    /// How many bytes they take.
    pub bytes: u64,
    /// A checksum of every byte of them.
    pub crc: u32,
    /// A checksum a reader can compute again without reading the whole
    /// log (for a file: its header and last page).
    pub tail: u32,
}

/// What a store's log is now, against a mark taken earlier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ending {
    /// It ends where the mark says.
    Same,
    /// It has grown by this many bytes past the mark.
    Grown(u64),
    /// It is not the log the mark was taken of, for this reason.
    Other(String),
}

/// Reads a whole log, oldest entry first.
pub trait LogRead {
    /// Every entry, in recording order, numbered from 1 without gaps.
    fn read_log(&mut self) -> Result<Vec<Entry>>;

    /// What reading found torn at the end of the log and cut off (or
    /// skipped), if anything. Stores that cannot tear report `None`.
    fn recovery(&self) -> Option<Recovery> {
        None
    }

    /// Where the log read so far ends ([`LogMark`]), for an index built
    /// from it. Stores that cannot tell report `None`.
    fn mark(&self) -> Result<Option<LogMark>> {
        Ok(None)
    }

    /// Where entry `seq` is kept, for an error that names it: the store's
    /// name (a file's path) and the byte offset its record begins at.
    /// Stores without positions report `None`.
    fn position(&self, seq: u64) -> Option<(String, u64)> {
        let _ = seq;
        None
    }
}

/// Appends to a log.
pub trait LogAppend {
    /// Appends `entry` durably; when this returns `Ok` the entry survives a
    /// crash. On `Err` nothing of the entry may be visible to a later read,
    /// with one exception: [`Error::Poisoned`](crate::Error::Poisoned)
    /// says the store could not undo a failed write, so the entry may be
    /// there; the store then refuses every later append, and a caller
    /// learns whether it is there only by opening the log again.
    fn append(&mut self, entry: &Entry) -> Result<()>;

    /// Appends `entries` in order, durably once this returns `Ok`; a store
    /// may make them durable together (one `fsync`) rather than one by one.
    ///
    /// Each entry is still all-or-nothing: after a crash a prefix of the
    /// batch may survive, each of its entries whole, never part of one. On
    /// `Err` a store should leave none of the batch visible.
    fn append_batch(&mut self, entries: &[Entry]) -> Result<()> {
        entries.iter().try_for_each(|entry| self.append(entry))
    }
}

/// A log kept in memory, shareable between ledgers in one process: clones
/// see the same entries.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: Arc<Mutex<Vec<Entry>>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// How many entries the store holds.
    pub fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether the store holds no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl LogRead for MemoryStore {
    fn read_log(&mut self) -> Result<Vec<Entry>> {
        Ok(self
            .entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone())
    }
}

impl LogAppend for MemoryStore {
    fn append(&mut self, entry: &Entry) -> Result<()> {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(entry.clone());
        Ok(())
    }
}
