//! The ledger file: an append-only log of checksummed, framed records.
//!
//! This module turns log entries into bytes on disk and back, and is the
//! only place that decides whether a file's bytes are a whole record, a
//! torn one (a crash mid-append) or damage. It must never accept damaged
//! bytes as data, never skip a record, and never cut anything but a torn
//! last record. It knows entries, never the in-memory state built from
//! them.
//!
//! The layout and what a reader concludes from it are documented on
//! [`FileStore`], where the crate's docs show them.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::{Change, Entry};
use crate::store::{Ending, LogAppend, LogMark, LogRead};

const MAGIC: [u8; 8] = *b"APLEDGER";
/// The newest format version this build reads and the one it writes.
const FORMAT_VERSION: u16 = 1;
/// The newest payload schema this build reads. It writes schema 1, an
/// [`Entry`] as serde JSON, unless a notice's events share a clause's text,
/// when it writes schema 2 (see [`shared`]).
const ENTRY_SCHEMA: u16 = 2;
const HEADER_LEN: usize = 16;
const FRAME_LEN: usize = 16;
const END: [u8; 4] = *b"END\n";
/// The zero bytes at the end of a file that are judged a torn append
/// whatever the file's records: a page, the least a file system leaves
/// unwritten.
const ZERO_PAGE: usize = 4096;

/// What opening a ledger file found at its end: a torn last record, cut off
/// (or, read-only, skipped).
///
/// A torn record is an append that a crash interrupted before it
/// returned, so the notice in it was never acknowledged; cutting it loses
/// nothing that was.
///
/// ```
/// # fn main() -> Result<(), appointment_ledger::Error> {
/// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
/// let dir = tempfile::tempdir().map_err(|e| appointment_ledger::Error::Io {
///     path: "tempdir".into(), kind: e.kind(), message: e.to_string() })?;
/// let path = dir.path().join("huaiyin.ledger");
/// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
/// let post = Post::new("济南市槐荫区人民防空办公室", "主任");
/// let mut ledger = Ledger::builder().open(&path)?;
/// ledger.record(Notice::new("济槐政任〔2022〕4号", day).appoint(Person::new("衣连斌"), post))?;
/// drop(ledger);
///
/// // A crash mid-append leaves half a record behind.
/// let whole = std::fs::metadata(&path).unwrap().len();
/// let mut file = std::fs::OpenOptions::new().append(true).open(&path).unwrap();
/// std::io::Write::write_all(&mut file, &[40, 0, 0, 0, 1]).unwrap();
///
/// let ledger = Ledger::builder().open(&path)?;
/// let cut = ledger.recovery().unwrap();
/// assert_eq!((cut.offset, cut.bytes_cut), (whole, 5));
/// assert_eq!(ledger.len(), 1);
/// assert_eq!(std::fs::metadata(&path).unwrap().len(), whole);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Recovery {
    /// Where the torn record began: the end of the last whole record, and
    /// the file's length after the cut.
    pub offset: u64,
    /// How many bytes the torn record left.
    pub bytes_cut: u64,
    /// The notice the torn record held, when its number can be read from
    /// what is left of it.
    pub notice: Option<String>,
    /// Whether the file was cut; `false` when it was opened read-only and
    /// the torn bytes were only skipped.
    pub truncated: bool,
    /// What was torn, for a person to read.
    pub reason: String,
}

impl std::fmt::Display for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verb = if self.truncated { "cut" } else { "skipped" };
        write!(
            f,
            "{verb} a torn record at byte {} ({} bytes: {})",
            self.offset, self.bytes_cut, self.reason
        )?;
        if let Some(notice) = &self.notice {
            write!(f, "; notice {notice} was never acknowledged")?;
        }
        Ok(())
    }
}

/// A ledger file: a header, then one checksummed record per entry, laid
/// out as the tables below show.
///
/// * [`FileStore::open`] is for the one writer: it takes an exclusive lock
///   on the file (the operating system's advisory lock, released when the
///   store is dropped or the process dies, so a crash leaves no stale
///   lock), reads and checks the whole file, cuts a torn last record, and
///   creates the file (fsyncing it and its directory) if it is missing.
///   A second writer gets [`Error::Locked`] and writes nothing.
///   The lock belongs to the open file, so a child process forked while
///   the store is open shares it until the child execs or exits.
/// * [`FileStore::open_read_only`] takes no lock and never writes: readers
///   do not stand in a writer's way, and a torn record at the end (perhaps
///   an append in progress) is skipped, not cut. Appending to it is
///   [`Error::ReadOnly`].
///
/// Every append is written at the end of the last whole record and
/// `fsync`ed (`sync_data`) before it returns; [`LogAppend::append_batch`]
/// writes many records and fsyncs once. An append that fails is cut back
/// off (and the cut fsynced), so it leaves nothing a later read could see.
/// If the cut fails too, the store is poisoned: that append and every
/// later one is [`Error::Poisoned`], and what the failed write left may be
/// in the file; only reopening, where the rules below decide, tells.
///
/// # Layout
///
/// All integers are little-endian. CRC-32C is the Castagnoli CRC
/// (the one `iSCSI`, ext4 and most storage engines use), computed by the
/// `crc32c` crate with the processor's CRC instruction where there is one.
///
/// The file starts with a 16-byte header:
///
/// | offset | size | field |
/// | ---: | ---: | --- |
/// | 0 | 8 | magic `APLEDGER` |
/// | 8 | 2 | format version (`u16`), 1 — the layout on this page |
/// | 10 | 2 | reserved, zero |
/// | 12 | 4 | CRC-32C of bytes 0..12 |
///
/// Then one record per log entry (a notice, a correction, or a declaration
/// of seats or of an alias), each
/// `20 + N` bytes:
///
/// | offset | size | field |
/// | ---: | ---: | --- |
/// | 0 | 4 | payload length N (`u32`) |
/// | 4 | 2 | payload schema (`u16`): 1 — an [`Entry`] as serde JSON; 2 — the same, each event that shares its clause's text with the event before it written with an empty text |
/// | 6 | 2 | reserved, zero |
/// | 8 | 4 | CRC-32C of bytes 0..8 (the frame check) |
/// | 12 | 4 | CRC-32C of the payload |
/// | 16 | N | payload: `{"seq":1,"change":{"notice":{"number":…}}}` |
/// | 16 + N | 4 | end marker `END\n` |
///
/// The payload is plain JSON so that the file stays readable with ordinary
/// tools and a later build can read (upcast) an older schema: every record
/// names its schema, so a file can hold records of several schemas.
///
/// # What a reader concludes
///
/// * The file ends inside a record — before its end marker, or inside its
///   frame — or the record's end reads as zero bytes to the end of the
///   file (its frame reached the disk, the rest of its data did not), or
///   the last whole record is followed only by zero bytes, so the record
///   is **torn**: an append that a crash interrupted before it returned,
///   never an acknowledged one. A writer cuts it off (truncates the file
///   to the end of the last whole record and `fsync`s); a reader skips it.
///   Either way it is reported as a [`Recovery`].
/// * A torn append is one record past the last whole one, never more. So
///   zero bytes to the end of the file that are more than a record of the
///   file has ever taken (or one 4 KiB page, if that is more) are whole
///   records read as zeros: **damage**, [`Error::Corrupt`] at the first
///   zero byte. And a record whose length runs past the end of the file
///   is torn only if no whole record (a frame whose check passes, with its
///   end marker where its length says) can be found after its frame: a
///   damaged length that happens to pass its frame check must not cut the
///   records after it, so the file is damaged there.
/// * A record that is all there but whose frame check, payload checksum or
///   end marker is wrong is **damage**, wherever it is, the last record
///   included: an acknowledged notice may be in it, so it is the hard error
///   [`Error::Corrupt`] with the record's number, byte offset and (when the
///   payload can still be read) the notice number. The frame check is what
///   lets a reader tell the two apart: a damaged length cannot pass for a
///   record that runs past the end of the file.
/// * A header or record of a newer version than this build knows is
///   [`Error::NewerFormat`].
///
/// CRC-32C detects every error of up to 32 consecutive bits, so a single
/// damaged byte anywhere in the file is always caught. Looking for a whole
/// record after a torn one costs one 8-byte checksum per byte of the torn
/// tail, so opening stays linear in the file.
#[derive(Debug)]
pub struct FileStore {
    path: PathBuf,
    file: File,
    writable: bool,
    /// The end of the last whole record: where the next append goes.
    len: u64,
    /// Set when a write or fsync failed and the file could not be put back.
    poisoned: bool,
    /// Failures the unit tests inject.
    #[cfg(test)]
    faults: Faults,
    /// The entries read at open, handed to the first [`LogRead::read_log`].
    read: Option<Vec<Entry>>,
    /// How many whole records the file holds, and the CRC-32C of its bytes
    /// up to `len`: what an index records of the log it covers.
    entries: u64,
    crc: u32,
    recovery: Option<Recovery>,
}

impl FileStore {
    /// The eight bytes every ledger file begins with (`APLEDGER`): what
    /// tells a ledger file from any other, for a tool that must not
    /// overwrite one.
    pub const MAGIC: [u8; 8] = MAGIC;

    /// Opens the ledger file at `path` for writing, creating it (with its
    /// header) if it does not exist, and reads it whole.
    ///
    /// Fails with [`Error::Locked`] while another writer has it open,
    /// [`Error::Corrupt`] if it is damaged or not a ledger file,
    /// [`Error::NewerFormat`] if a newer build wrote it, and
    /// [`Error::NotAFile`] if the path names a directory, a FIFO, a device
    /// or anything else that is not a regular file (nothing is read from
    /// it, and opening never waits on it).
    pub fn open(path: impl AsRef<Path>) -> Result<FileStore> {
        let path = path.as_ref().to_path_buf();
        let io = |e: std::io::Error| Error::io(&path, &e);
        // A directory cannot be opened for writing at all: say what it is
        // rather than pass on the system's "Is a directory".
        if let Ok(meta) = std::fs::metadata(&path) {
            regular(&meta, &path)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        let file = nonblocking(&mut options).open(&path).map_err(io)?;
        regular(&file.metadata().map_err(io)?, &path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::Locked {
                    path: path.display().to_string(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        let bytes = read_all(&file, &path)?;
        let scan = scan(&bytes, &path)?;
        let crc = prefix_crc(&bytes, scan.valid_len);
        drop(bytes);
        let mut store = FileStore {
            path,
            file,
            writable: true,
            len: scan.valid_len,
            poisoned: false,
            #[cfg(test)]
            faults: Faults::default(),
            entries: scan.entries.len() as u64,
            crc,
            read: Some(scan.entries),
            recovery: None,
        };
        if let Some(torn) = scan.torn {
            store.cut_to(scan.valid_len)?;
            store.recovery = Some(torn.into_recovery(true));
        }
        if scan.valid_len == 0 {
            store.write_header()?;
        }
        Ok(store)
    }

    /// Opens the ledger file at `path` for reading only: no lock, no
    /// writes, a torn last record skipped rather than cut. Fails as
    /// [`FileStore::open`] does, but never creates the file.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<FileStore> {
        let path = path.as_ref().to_path_buf();
        let io = |e: std::io::Error| Error::io(&path, &e);
        let file = nonblocking(OpenOptions::new().read(true))
            .open(&path)
            .map_err(io)?;
        regular(&file.metadata().map_err(io)?, &path)?;
        let bytes = read_all(&file, &path)?;
        let scan = scan(&bytes, &path)?;
        let crc = prefix_crc(&bytes, scan.valid_len);
        drop(bytes);
        Ok(FileStore {
            path,
            file,
            writable: false,
            len: scan.valid_len,
            poisoned: false,
            #[cfg(test)]
            faults: Faults::default(),
            entries: scan.entries.len() as u64,
            crc,
            read: Some(scan.entries),
            recovery: scan.torn.map(|t| t.into_recovery(false)),
        })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the store was opened with [`FileStore::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        !self.writable
    }

    fn io(&self, e: &std::io::Error) -> Error {
        Error::io(&self.path, e)
    }

    fn write_header(&mut self) -> Result<()> {
        let mut header = [0u8; HEADER_LEN];
        header[..8].copy_from_slice(&MAGIC);
        header[8..10].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
        let check = crc32c::crc32c(&header[..12]);
        header[12..].copy_from_slice(&check.to_le_bytes());
        self.write_at(0, &header)?;
        self.len = HEADER_LEN as u64;
        self.crc = crc32c::crc32c(&header);
        // The file may be new: make its name durable too.
        let dir = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(dir, &e))
    }

    /// Writes `bytes` at `offset` and fsyncs. On failure the file is cut
    /// back to `offset` (and fsynced), so nothing of the write is left; if
    /// even that fails the store is poisoned: it refuses every later
    /// append, and the error says the write may be in the file.
    fn write_at(&mut self, offset: u64, bytes: &[u8]) -> Result<()> {
        let written = (&self.file)
            .seek(SeekFrom::Start(offset))
            .and_then(|_| self.put(bytes))
            .and_then(|()| self.sync());
        if let Err(e) = written {
            // After a failed fsync the kernel may have dropped the pages:
            // nothing about the file is known but its last good length.
            // Cut back to it: once that is durable, the file is exactly as
            // before the write, and the next write is as safe as this one
            // was. If it is not, the write's bytes may be there, whole.
            if let Err(cut) = self.cut_synced(offset) {
                self.poisoned = true;
                return Err(Error::Poisoned {
                    path: self.path.display().to_string(),
                    reason: format!(
                        "a write failed ({e}) and cutting the file back to byte {offset} failed too ({cut}), so what it wrote may be in the file"
                    ),
                });
            }
            return Err(self.io(&e));
        }
        Ok(())
    }

    /// Writes `bytes` at the file's position.
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        #[cfg(test)]
        if let Some(written) = self.faults.short_write.take() {
            // What a full disk does: part of the write lands, then it fails.
            (&self.file).write_all(&bytes[..written.min(bytes.len())])?;
            return Err(std::io::Error::other("injected write failure"));
        }
        (&self.file).write_all(bytes)
    }

    fn cut_to(&mut self, len: u64) -> Result<()> {
        self.cut_synced(len).map_err(|e| self.io(&e))
    }

    fn cut_synced(&self, len: u64) -> std::io::Result<()> {
        #[cfg(test)]
        if self.faults.cut {
            return Err(std::io::Error::other("injected truncate failure"));
        }
        self.file.set_len(len).and_then(|()| self.sync())
    }

    fn sync(&self) -> std::io::Result<()> {
        #[cfg(test)]
        if self
            .faults
            .syncs
            .fetch_update(
                std::sync::atomic::Ordering::Relaxed,
                std::sync::atomic::Ordering::Relaxed,
                |n| n.checked_sub(1),
            )
            .is_ok()
        {
            return Err(std::io::Error::other("injected fsync failure"));
        }
        self.file.sync_data()
    }

    fn append_records(&mut self, entries: &[Entry]) -> Result<()> {
        if !self.writable {
            return Err(Error::ReadOnly {
                path: self.path.display().to_string(),
            });
        }
        if self.poisoned {
            return Err(Error::Poisoned {
                path: self.path.display().to_string(),
                reason: "an earlier write failed and could not be cut back".to_owned(),
            });
        }
        let mut bytes = Vec::new();
        for entry in entries {
            encode(entry, &mut bytes, &self.path)?;
        }
        if bytes.is_empty() {
            return Ok(());
        }
        self.write_at(self.len, &bytes)?;
        self.len += bytes.len() as u64;
        self.entries += entries.len() as u64;
        self.crc = crc32c::crc32c_append(self.crc, &bytes);
        Ok(())
    }
}

impl LogRead for FileStore {
    fn read_log(&mut self) -> Result<Vec<Entry>> {
        if let Some(entries) = self.read.take() {
            return Ok(entries);
        }
        let bytes = read_all(&self.file, &self.path)?;
        // Only what was whole at open (or appended since) counts: a reader
        // must not see an append still in progress as damage.
        let upto = bytes
            .len()
            .min(usize::try_from(self.len).unwrap_or(usize::MAX));
        Ok(scan(&bytes[..upto], &self.path)?.entries)
    }

    fn recovery(&self) -> Option<Recovery> {
        self.recovery.clone()
    }

    fn mark(&self) -> Result<Option<LogMark>> {
        let tail = tail_check(&self.file, self.len).map_err(|e| self.io(&e))?;
        Ok(Some(LogMark {
            entries: self.entries,
            bytes: self.len,
            crc: self.crc,
            tail,
        }))
    }

    /// Walks the frames of the whole records from the header on, reading
    /// 16 bytes a record: only an error that names a record pays for it.
    fn position(&self, seq: u64) -> Option<(String, u64)> {
        let mut file = &self.file;
        let mut pos = HEADER_LEN as u64;
        for _ in 1..seq {
            let mut frame = [0u8; FRAME_LEN];
            file.seek(SeekFrom::Start(pos)).ok()?;
            file.read_exact(&mut frame).ok()?;
            pos += (FRAME_LEN + END.len()) as u64 + u64::from(le_u32(&frame, 0));
        }
        (pos < self.len).then(|| (self.path.display().to_string(), pos))
    }
}

impl LogAppend for FileStore {
    fn append(&mut self, entry: &Entry) -> Result<()> {
        self.append_records(std::slice::from_ref(entry))
    }

    fn append_batch(&mut self, entries: &[Entry]) -> Result<()> {
        self.append_records(entries)
    }
}

/// What the unit tests make fail: the seam of the file store's fault
/// injection.
#[cfg(test)]
#[derive(Debug, Default)]
struct Faults {
    /// The next write stops after this many bytes, and fails.
    short_write: Option<usize>,
    /// How many of the next fsyncs fail.
    syncs: std::sync::atomic::AtomicU32,
    /// Every cut back (`set_len`).
    cut: bool,
}

/// The CRC-32C of `bytes` up to `len`.
fn prefix_crc(bytes: &[u8], len: u64) -> u32 {
    let len = usize::try_from(len).map_or(bytes.len(), |l| l.min(bytes.len()));
    crc32c::crc32c(&bytes[..len])
}

/// How many bytes before a mark's end [`tail_check`] reads: a page, which
/// holds the last record's frame and checksums whatever its size.
const TAIL_WINDOW: u64 = 4096;

/// The CRC-32C of a ledger file's header and of the (up to) 4 KiB before
/// byte `len`: what tells, reading two small ranges, that a file still
/// ends as it did when an index was built (the last records' frames hold
/// their payloads' checksums).
fn tail_check(file: &File, len: u64) -> std::io::Result<u32> {
    let mut file = file;
    let header = (HEADER_LEN as u64).min(len);
    let from = len.saturating_sub(TAIL_WINDOW).max(header);
    let mut bytes = vec![0u8; usize::try_from(header + (len - from)).unwrap_or(0)];
    let (head, tail) = bytes.split_at_mut(usize::try_from(header).unwrap_or(0));
    file.seek(SeekFrom::Start(0))?;
    file.read_exact(head)?;
    file.seek(SeekFrom::Start(from))?;
    file.read_exact(tail)?;
    Ok(crc32c::crc32c(&bytes))
}

/// Whether the ledger file at `path` still ends where `mark` says, reading
/// its header and one page (never the whole file): what a reader checks
/// before it trusts an index built at `mark`.
pub(crate) fn probe(path: &Path, mark: &LogMark) -> Result<Ending> {
    let io = |e: std::io::Error| Error::io(path, &e);
    let file = nonblocking(OpenOptions::new().read(true))
        .open(path)
        .map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    regular(&meta, path)?;
    let len = meta.len();
    if len < mark.bytes {
        return Ok(Ending::Other(format!(
            "the ledger file is {len} bytes, shorter than the {} the index covers",
            mark.bytes
        )));
    }
    if tail_check(&file, mark.bytes).map_err(io)? != mark.tail {
        return Ok(Ending::Other(format!(
            "the ledger file's records before byte {} are not those the index was built from",
            mark.bytes
        )));
    }
    Ok(if len == mark.bytes {
        Ending::Same
    } else {
        Ending::Grown(len - mark.bytes)
    })
}

/// The entries of the ledger file at `path` past `mark` (a prefix of it,
/// as [`probe`] found), read from the bytes after the mark only: what a
/// reader adds to an index built at `mark`. A torn record at the end (an
/// append in progress) is skipped, as a read-only open skips it, and said;
/// damage is the error a whole read would give, at the file's offset.
pub(crate) fn read_tail(path: &Path, mark: &LogMark) -> Result<(Vec<Entry>, Option<Recovery>)> {
    let io = |e: std::io::Error| Error::io(path, &e);
    let mut file = nonblocking(OpenOptions::new().read(true))
        .open(path)
        .map_err(io)?;
    regular(&file.metadata().map_err(io)?, path)?;
    file.seek(SeekFrom::Start(mark.bytes)).map_err(io)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io)?;
    let scan = records(&bytes, 0, mark.bytes, mark.entries + 1, path)?;
    Ok((scan.entries, scan.torn.map(|t| t.into_recovery(false))))
}

/// Opens without waiting: a FIFO given as the ledger would otherwise block
/// `open` until a writer came. On a regular file the flag changes nothing
/// (POSIX leaves it to the system, and Linux and the BSDs ignore it), and
/// anything else is refused by [`regular`] before a byte is read.
fn nonblocking(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options
}

/// Refuses anything but a regular file: `/dev/zero` would be read until
/// memory ran out, a FIFO waited on, a directory is no file to read.
fn regular(meta: &std::fs::Metadata, path: &Path) -> Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    Err(Error::NotAFile {
        path: path.display().to_string(),
        found: file_type(&meta.file_type()).to_owned(),
    })
}

/// What a path that is not a regular file names, for a message.
fn file_type(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "something else"
    }
}

fn read_all(file: &File, path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut file = file;
    file.seek(SeekFrom::Start(0))
        .and_then(|_| file.read_to_end(&mut bytes))
        .map_err(|e| Error::io(path, &e))?;
    Ok(bytes)
}

/// Appends one framed record holding `entry` to `out`.
fn encode(entry: &Entry, out: &mut Vec<u8>, path: &Path) -> Result<()> {
    let start = out.len();
    out.extend_from_slice(&[0; FRAME_LEN]);
    let shared = shared(entry);
    let (entry, schema) = match &shared {
        Some(shared) => (shared, 2u16),
        None => (entry, 1u16),
    };
    serde_json::to_writer(&mut *out, entry).map_err(|e| Error::Io {
        path: path.display().to_string(),
        kind: std::io::ErrorKind::InvalidData,
        message: e.to_string(),
    })?;
    let payload = &out[start + FRAME_LEN..];
    let len = u32::try_from(payload.len()).map_err(|_| Error::Io {
        path: path.display().to_string(),
        kind: std::io::ErrorKind::InvalidData,
        message: format!("entry {} is too large for one record", entry.seq),
    })?;
    let payload_check = crc32c::crc32c(payload);
    let mut frame = [0u8; FRAME_LEN];
    frame[..4].copy_from_slice(&len.to_le_bytes());
    frame[4..6].copy_from_slice(&schema.to_le_bytes());
    let frame_check = crc32c::crc32c(&frame[..8]);
    frame[8..12].copy_from_slice(&frame_check.to_le_bytes());
    frame[12..].copy_from_slice(&payload_check.to_le_bytes());
    out[start..start + FRAME_LEN].copy_from_slice(&frame);
    out.extend_from_slice(&END);
    Ok(())
}

/// Schema 2 of a record: `entry` with the text of each event that shares
/// its clause's text with the event before it left empty, so that a clause
/// that lists many people or posts is written once, not once an event.
/// `None` when no event shares a text, or when an event of a shared clause
/// has an empty text of its own (which schema 2 could not tell apart): the
/// entry is then written as it is, in schema 1.
fn shared(entry: &Entry) -> Option<Entry> {
    let Change::Notice(notice) = &entry.change else {
        return None;
    };
    let mut any = false;
    for pair in notice.events.windows(2) {
        let [before, event] = pair else { continue };
        if event.provenance.clause != before.provenance.clause {
            continue;
        }
        if event.provenance.text.is_empty() && !before.provenance.text.is_empty() {
            return None;
        }
        any |= !event.provenance.text.is_empty() && event.provenance.text == before.provenance.text;
    }
    if !any {
        return None;
    }
    let mut entry = entry.clone();
    if let Change::Notice(notice) = &mut entry.change {
        let mut before: Option<(u32, std::sync::Arc<str>)> = None;
        for event in &mut notice.events {
            let p = &mut event.provenance;
            let same = before
                .as_ref()
                .is_some_and(|(clause, text)| *clause == p.clause && *text == p.text);
            before = Some((p.clause, p.text.clone()));
            if same {
                p.text = std::sync::Arc::default();
            }
        }
    }
    Some(entry)
}

/// Reads back what [`shared`] left out (schema 2), and makes the events of
/// one clause share one copy of its text in either schema.
fn restore(entry: &mut Entry, schema: u16) {
    let Change::Notice(notice) = &mut entry.change else {
        return;
    };
    let mut before: Option<(u32, std::sync::Arc<str>)> = None;
    for event in &mut notice.events {
        let p = &mut event.provenance;
        if let Some((clause, text)) = &before
            && *clause == p.clause
            && ((schema == 2 && p.text.is_empty()) || *text == p.text)
        {
            p.text = text.clone();
        }
        before = Some((p.clause, p.text.clone()));
    }
}

/// What a file's bytes hold.
struct Scan {
    entries: Vec<Entry>,
    /// The end of the last whole record (0 when not even the header is).
    valid_len: u64,
    torn: Option<Torn>,
}

struct Torn {
    offset: u64,
    bytes: u64,
    notice: Option<String>,
    reason: &'static str,
}

impl Torn {
    fn into_recovery(self, truncated: bool) -> Recovery {
        Recovery {
            offset: self.offset,
            bytes_cut: self.bytes,
            notice: self.notice,
            truncated,
            reason: self.reason.to_owned(),
        }
    }
}

fn le_u16(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn le_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Reads a whole file's bytes: the entries of its whole records, where they
/// end, and a torn record after them; or the error that damage is.
fn scan(bytes: &[u8], path: &Path) -> Result<Scan> {
    let corrupt = |offset: usize, reason: String| Error::Corrupt {
        path: path.display().to_string(),
        line: 0,
        offset: offset as u64,
        notice: None,
        reason,
    };
    if bytes.is_empty() {
        // A file just created, or one whose header a crash never let us
        // write: a new ledger either way.
        return Ok(Scan {
            entries: Vec::new(),
            valid_len: 0,
            torn: None,
        });
    }
    if bytes.len() < HEADER_LEN {
        let seen = bytes.len().min(MAGIC.len());
        if bytes[..seen] == MAGIC[..seen] {
            return Ok(Scan {
                entries: Vec::new(),
                valid_len: 0,
                torn: Some(Torn {
                    offset: 0,
                    bytes: bytes.len() as u64,
                    notice: None,
                    reason: "the file header is cut short",
                }),
            });
        }
    }
    if bytes.len() < HEADER_LEN || bytes[..8] != MAGIC {
        let reason = if bytes.starts_with(b"{\"format\":\"appointment-ledger\"") {
            "a JSON-lines ledger of an earlier development build, not the ledger format (version 1) this build reads"
        } else {
            "not a ledger file (no ledger header)"
        };
        return Err(corrupt(0, reason.to_owned()));
    }
    if crc32c::crc32c(&bytes[..12]) != le_u32(bytes, 12) {
        return Err(corrupt(
            0,
            "the file header is damaged (checksum mismatch)".to_owned(),
        ));
    }
    let version = le_u16(bytes, 8);
    if version > FORMAT_VERSION {
        return Err(Error::NewerFormat {
            path: path.display().to_string(),
            what: "ledger format".to_owned(),
            offset: 0,
            found: version.into(),
            supported: FORMAT_VERSION.into(),
        });
    }
    if version == 0 || le_u16(bytes, 10) != 0 {
        return Err(corrupt(
            0,
            format!(
                "the file header names format version {version} with flags {:#06x}, which no build writes",
                le_u16(bytes, 10)
            ),
        ));
    }

    records(bytes, HEADER_LEN, 0, 1, path)
}

/// Reads the records in `bytes` from `start` on, the first of them entry
/// number `first`: their entries, where the whole ones end and a torn
/// record after them; or the error that damage is. `bytes` begins at byte
/// `base` of the file: every offset said is the file's.
fn records(bytes: &[u8], start: usize, base: u64, first: u64, path: &Path) -> Result<Scan> {
    let at = |offset: usize| base + offset as u64;
    let corrupt =
        |record: u64, offset: usize, notice: Option<String>, reason: String| Error::Corrupt {
            path: path.display().to_string(),
            line: record,
            offset: at(offset),
            notice,
            reason,
        };
    let torn_at = |offset: usize, notice: Option<String>, reason: &'static str| Torn {
        offset: at(offset),
        bytes: (bytes.len() - offset) as u64,
        notice,
        reason,
    };
    // Where the zero bytes that end the file begin. Some file systems
    // extend a file before its data reaches the disk; a crash then leaves
    // zeros where the record being appended was going. That is one record
    // past the last whole one, never more: more zeros than a record of the
    // file has ever taken are records that were written and are gone.
    let zeros = bytes.iter().rposition(|&b| b != 0).map_or(0, |at| at + 1);
    let mut largest = ZERO_PAGE;
    let mut entries = Vec::new();
    let mut pos = start;
    while pos < bytes.len() {
        let record = first + entries.len() as u64;
        let rest = &bytes[pos..];
        if pos >= zeros {
            let count = rest.len();
            if count > largest {
                return Err(corrupt(
                    record,
                    pos,
                    None,
                    format!(
                        "{count} zero bytes to the end of the file, more than one append leaves (at most {largest} bytes, the larger of the largest record and a page): whole records read as zeros"
                    ),
                ));
            }
            return Ok(torn(
                entries,
                at(pos),
                torn_at(pos, None, "zero bytes where a record was being written"),
            ));
        }
        if rest.len() < FRAME_LEN {
            return Ok(torn(
                entries,
                at(pos),
                torn_at(pos, None, "the file ends inside a record's frame"),
            ));
        }
        // The append was torn so early that its frame is partly zeros (the
        // page the frame straddles into never reached the disk): a torn
        // record, as long as no more zeros follow than one append leaves.
        let frame_damaged = crc32c::crc32c(&rest[..8]) != le_u32(rest, 8);
        if frame_damaged && (pos..pos + FRAME_LEN).contains(&zeros) && rest.len() <= largest {
            return Ok(torn(
                entries,
                at(pos),
                torn_at(
                    pos,
                    None,
                    "zero bytes where the record's frame was being written",
                ),
            ));
        }
        if frame_damaged {
            return Err(corrupt(
                record,
                pos,
                notice_number(until_end_marker(&rest[FRAME_LEN..])),
                "the record's frame is damaged (checksum mismatch)".to_owned(),
            ));
        }
        let len = le_u32(rest, 0) as usize;
        let schema = le_u16(rest, 4);
        let whole = FRAME_LEN.saturating_add(len).saturating_add(END.len());
        if rest.len() < whole {
            let payload = &rest[FRAME_LEN..rest.len().min(FRAME_LEN + len)];
            // A length damaged in a way its frame check does not catch
            // must not pass for a torn append: a torn record's partial
            // JSON never holds an end marker, let alone a whole record.
            if let Some(next) = next_record(bytes, pos + FRAME_LEN, zeros) {
                return Err(corrupt(
                    record,
                    pos,
                    notice_number(until_end_marker(&rest[FRAME_LEN..])),
                    format!(
                        "the record's length ({len} bytes) runs past the end of the file, but a whole record follows at byte {}",
                        at(next)
                    ),
                ));
            }
            return Ok(torn(
                entries,
                at(pos),
                torn_at(
                    pos,
                    notice_number(payload),
                    "the file ends before the record's end marker",
                ),
            ));
        }
        let payload = &rest[FRAME_LEN..FRAME_LEN + len];
        let damaged =
            crc32c::crc32c(payload) != le_u32(rest, 12) || rest[FRAME_LEN + len..whole] != END;
        // The record's frame is there but its end reads as zeros to the end
        // of the file: the append was torn after the file grew, before its
        // data all reached the disk (what a power cut mid-append leaves).
        if damaged
            && (pos..pos + whole).contains(&zeros)
            && bytes.len() - (pos + whole) <= largest
            && next_record(bytes, pos + FRAME_LEN, zeros).is_none()
        {
            return Ok(torn(
                entries,
                at(pos),
                torn_at(
                    pos,
                    notice_number(&payload[..(zeros - pos).saturating_sub(FRAME_LEN).min(len)]),
                    "zero bytes where the end of the record was being written",
                ),
            ));
        }
        if crc32c::crc32c(payload) != le_u32(rest, 12) {
            return Err(corrupt(
                record,
                pos,
                notice_number(payload),
                "the record's payload is damaged (checksum mismatch)".to_owned(),
            ));
        }
        if rest[FRAME_LEN + len..whole] != END {
            return Err(corrupt(
                record,
                pos,
                notice_number(payload),
                "the record's end marker is damaged".to_owned(),
            ));
        }
        if schema > ENTRY_SCHEMA {
            return Err(Error::NewerFormat {
                path: path.display().to_string(),
                what: "record schema".to_owned(),
                offset: at(pos),
                found: schema.into(),
                supported: ENTRY_SCHEMA.into(),
            });
        }
        if schema == 0 || le_u16(rest, 6) != 0 {
            return Err(corrupt(
                record,
                pos,
                notice_number(payload),
                format!("the record names schema {schema}, which no build writes"),
            ));
        }
        let mut entry: Entry = serde_json::from_slice(payload).map_err(|e| {
            corrupt(
                record,
                pos,
                notice_number(payload),
                format!("the record is not a ledger entry ({e})"),
            )
        })?;
        restore(&mut entry, schema);
        if entry.seq != record {
            let notice = entry.change.notice().map(|n| n.number.clone());
            return Err(corrupt(
                record,
                pos,
                notice,
                format!("entry numbered {} where {record} was expected", entry.seq),
            ));
        }
        entries.push(entry);
        largest = largest.max(whole);
        pos += whole;
    }
    Ok(Scan {
        entries,
        valid_len: at(pos),
        torn: None,
    })
}

/// Where the first whole-looking record in `bytes[from..to]` begins: a
/// frame whose check passes with its end marker where its length says.
/// One 8-byte checksum a byte, so a scan is linear in what it passes over.
fn next_record(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&at| {
        let Some(frame) = bytes.get(at..at + FRAME_LEN) else {
            return false;
        };
        if crc32c::crc32c(&frame[..8]) != le_u32(frame, 8) {
            return false;
        }
        let end = (at + FRAME_LEN).saturating_add(le_u32(frame, 0) as usize);
        bytes.get(end..end.saturating_add(END.len())) == Some(&END[..])
    })
}

fn torn(entries: Vec<Entry>, valid_len: u64, torn: Torn) -> Scan {
    Scan {
        entries,
        valid_len,
        torn: Some(torn),
    }
}

/// The bytes before the first end marker: with its length damaged, where
/// a record's payload probably ends. A JSON payload never holds the
/// marker, whose newline it would escape.
fn until_end_marker(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .windows(END.len())
        .position(|w| w == END)
        .unwrap_or(bytes.len());
    &bytes[..end]
}

/// The notice number in a damaged or partial record, if it can still be
/// read whole.
fn notice_number(payload: &[u8]) -> Option<String> {
    const KEY: &[u8] = b"\"number\":\"";
    let start = payload.windows(KEY.len()).position(|w| w == KEY)? + KEY.len();
    let len = payload[start..].iter().position(|&b| b == b'"')?;
    std::str::from_utf8(&payload[start..start + len])
        .ok()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Notice, Person, Post};
    use chrono::NaiveDate;

    fn entry(seq: u64) -> Entry {
        let date = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
        Entry {
            seq,
            recorded_at: None,
            change: Change::Notice(
                Notice::new(&format!("测试〔2022〕{seq}号"), date)
                    .appoint(Person::new("张三"), Post::new("某局", "局长")),
            ),
        }
    }

    fn file(entries: &[Entry]) -> Vec<u8> {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&MAGIC);
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&[0, 0]);
        let check = crc32c::crc32c(&bytes);
        bytes.extend_from_slice(&check.to_le_bytes());
        for e in entries {
            encode(e, &mut bytes, Path::new("t")).unwrap();
        }
        bytes
    }

    #[test]
    fn bytes_read_back_what_was_encoded() {
        let bytes = file(&[entry(1), entry(2)]);
        let scan = scan(&bytes, Path::new("t")).unwrap();
        assert_eq!(scan.entries, vec![entry(1), entry(2)]);
        assert_eq!(scan.valid_len, bytes.len() as u64);
        assert!(scan.torn.is_none());
    }

    #[test]
    fn a_complete_record_is_framed_as_documented() {
        let bytes = file(&[entry(1)]);
        let rec = &bytes[HEADER_LEN..];
        let len = le_u32(rec, 0) as usize;
        assert_eq!(rec.len(), FRAME_LEN + len + 4);
        assert_eq!(&rec[FRAME_LEN + len..], b"END\n");
        assert!(rec[FRAME_LEN..].starts_with(b"{\"seq\":1,\"change\":{\"notice\":"));
    }

    #[test]
    fn a_torn_record_names_its_notice_once_the_number_is_whole() {
        let bytes = file(&[entry(1), entry(2)]);
        let second = file(&[entry(1)]).len();
        let cut = &bytes[..bytes.len() - 1];
        let torn = scan(cut, Path::new("t")).unwrap().torn.unwrap();
        assert_eq!(torn.offset, second as u64);
        assert_eq!(torn.notice.as_deref(), Some("测试〔2022〕2号"));
        let cut = &bytes[..second + FRAME_LEN + 20];
        assert_eq!(
            scan(cut, Path::new("t")).unwrap().torn.unwrap().notice,
            None
        );
    }

    #[test]
    fn a_zero_tail_is_torn_and_a_stranger_file_is_not_a_ledger() {
        let mut bytes = file(&[entry(1)]);
        let whole = bytes.len();
        bytes.extend_from_slice(&[0; 40]);
        let scan1 = scan(&bytes, Path::new("t")).unwrap();
        assert_eq!(
            (scan1.valid_len, scan1.torn.unwrap().bytes),
            (whole as u64, 40)
        );
        let err = scan(b"hello\n", Path::new("t")).err().unwrap();
        assert_eq!(
            err.to_string(),
            "t: corrupt ledger at record 0 (byte 0): not a ledger file (no ledger header)"
        );
    }
}

#[cfg(test)]
mod faults {
    use super::*;
    use crate::Ledger;
    use crate::model::{Notice, Person, Post};
    use chrono::NaiveDate;

    fn notice(n: u32) -> Notice {
        let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
        Notice::new(&format!("测试〔2022〕{n}号"), day)
            .appoint(Person::new(&format!("人{n}")), Post::new("某局", "副局长"))
    }

    fn numbers(ledger: &Ledger) -> Vec<String> {
        ledger.notices().map(|(_, n)| n.number.clone()).collect()
    }

    #[test]
    fn a_failed_fsync_that_is_cut_back_leaves_nothing_and_writing_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("once.ledger");
        let mut store = FileStore::open(&path).unwrap();
        store.faults.syncs = 1.into();
        let mut ledger = Ledger::builder().clock(|| None).in_memory();
        ledger.record(notice(1)).unwrap();
        let entry = ledger.log()[0].clone();
        let err = store.append(&entry).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: injected fsync failure", path.display())
        );
        assert!(!err.is_poisoned());
        assert_eq!(std::fs::metadata(&path).unwrap().len(), HEADER_LEN as u64);
        store.append(&entry).unwrap();
        drop(store);
        let ledger = Ledger::builder().open_read_only(&path).unwrap();
        assert_eq!(numbers(&ledger), ["测试〔2022〕1号"]);
    }

    #[test]
    fn a_failed_fsync_and_a_failed_cut_poison_the_writer_until_reopened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twice.ledger");
        let mut store = FileStore::open(&path).unwrap();
        store.faults = Faults {
            syncs: 1.into(),
            cut: true,
            ..Faults::default()
        };
        let mut ledger = Ledger::builder().clock(|| None).with_store(store).unwrap();
        let err = ledger.record(notice(1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: a write failed (injected fsync failure) and cutting the file back to byte 16 failed too (injected truncate failure), so what it wrote may be in the file; nothing more is written to it: reopen the ledger, which keeps what is whole and cuts what is torn",
                path.display()
            )
        );
        assert!(err.is_poisoned() && !err.is_bad_input());
        assert_eq!(ledger.len(), 0);
        // Refused, before a byte is written, even once the faults are gone.
        let len = std::fs::metadata(&path).unwrap().len();
        let err = ledger.record(notice(2)).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: an earlier write failed and could not be cut back; nothing more is written to it: reopen the ledger, which keeps what is whole and cuts what is torn",
                path.display()
            )
        );
        assert!(ledger.record_batch([notice(3)]).unwrap_err().is_poisoned());
        assert_eq!(ledger.len(), 0);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), len);
        drop(ledger);
        // The write itself went through: reopening finds its record whole
        // and keeps it, as it would after a crash.
        let reopened = Ledger::builder().open(&path).unwrap();
        assert_eq!(numbers(&reopened), ["测试〔2022〕1号"]);
        assert_eq!(reopened.recovery(), None);
    }

    /// How an append's failure was undone: the cut back worked, the cut
    /// (`set_len`) failed, or the cut worked but its fsync failed.
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Undo {
        Clean,
        CutFails,
        CutsFsyncFails,
    }

    #[test]
    fn every_injected_failure_of_an_append_or_a_batch_keeps_the_acknowledged_and_no_part_of_a_record()
     {
        // Three acknowledged entries, then an append of one (entry 4) or a
        // batch of five (4 to 8) that fails: its write cut short after
        // each of its bytes in turn, or its fsync failing; each undone in
        // each of the three ways. A clean undo leaves the file byte for
        // byte as it was and the writer goes on; any other poisons the
        // writer, and reopening finds the acknowledged entries and the
        // failed write's whole records, never a part of one.
        let dir = match tempfile::tempdir_in("/dev/shm") {
            Ok(dir) => dir,
            Err(_) => tempfile::tempdir().unwrap(),
        };
        let path = dir.path().join("sweep.ledger");
        let mut model = Ledger::builder().clock(|| None).in_memory();
        model.record_batch((1..=8).map(notice)).unwrap();
        let log = model.log().to_vec();
        let size = |entry: &Entry| {
            let mut bytes = Vec::new();
            encode(entry, &mut bytes, &path).unwrap();
            bytes.len()
        };
        let (mut clean, mut poisoned, mut torn_cut) = (0, 0, 0);
        for failed in [&log[3..4], &log[3..8]] {
            let sizes: Vec<usize> = failed.iter().map(size).collect();
            let len: usize = sizes.iter().sum();
            // `None`: the write whole, its fsync failing.
            let writes = (0..len).map(Some).chain([None]);
            for short in writes {
                for undo in [Undo::Clean, Undo::CutFails, Undo::CutsFsyncFails] {
                    let case =
                        format!("{} entries, write cut at {short:?}, {undo:?}", failed.len());
                    let _ = std::fs::remove_file(&path);
                    let mut store = FileStore::open(&path).unwrap();
                    store.append_batch(&log[..3]).unwrap();
                    let before = std::fs::read(&path).unwrap();
                    store.faults = Faults {
                        short_write: short,
                        // The write's own fsync (when the write got that
                        // far), then the cut's.
                        syncs: (u32::from(short.is_none())
                            + u32::from(undo == Undo::CutsFsyncFails))
                        .into(),
                        cut: undo == Undo::CutFails,
                    };
                    let err = if failed.len() == 1 {
                        store.append(&failed[0])
                    } else {
                        store.append_batch(failed)
                    }
                    .unwrap_err();
                    store.faults = Faults::default();
                    let kept = if undo == Undo::Clean {
                        assert!(!err.is_poisoned(), "{case}: {err}");
                        assert_eq!(std::fs::read(&path).unwrap(), before, "{case}");
                        // The writer goes on, and the retry is whole.
                        store.append_batch(failed).unwrap();
                        clean += 1;
                        failed.len()
                    } else {
                        assert!(err.is_poisoned(), "{case}: {err}");
                        let len_then = std::fs::metadata(&path).unwrap().len();
                        assert!(store.append(&failed[0]).unwrap_err().is_poisoned());
                        assert_eq!(std::fs::metadata(&path).unwrap().len(), len_then, "{case}");
                        drop(store);
                        // What reopening keeps: nothing if the cut itself
                        // went through, else the whole records written.
                        let written = match (undo, short) {
                            (Undo::CutsFsyncFails, _) => 0,
                            (_, Some(k)) => k,
                            (_, None) => len,
                        };
                        let whole = sizes
                            .iter()
                            .scan(0, |end, s| {
                                *end += s;
                                Some(*end)
                            })
                            .filter(|&end| end <= written)
                            .count();
                        let boundary = sizes[..whole].iter().sum::<usize>();
                        let reopened = FileStore::open(&path).unwrap();
                        assert_eq!(
                            reopened.recovery().is_some(),
                            written > boundary,
                            "{case}: {:?}",
                            reopened.recovery()
                        );
                        if written > boundary {
                            torn_cut += 1;
                        }
                        store = reopened;
                        poisoned += 1;
                        whole
                    };
                    drop(store);
                    let read = FileStore::open_read_only(&path)
                        .unwrap()
                        .read_log()
                        .unwrap();
                    assert_eq!(read, log[..3 + kept], "{case}");
                }
            }
        }
        // One clean undo and two poisoning ones of each failure.
        assert_eq!(poisoned, 2 * clean);
        eprintln!(
            "{} injected failures of an append and a batch of 5 (the write cut short at each of its bytes, or its fsync failing; the undo clean, its truncate failing, or its fsync failing): {clean} undone byte for byte and the writer went on, {poisoned} poisoned the writer and reopened to the 3 acknowledged entries and the whole records of the failed write ({torn_cut} torn records cut); 0 acknowledged entries lost, 0 parts of a record kept",
            clean + poisoned
        );
    }
}
