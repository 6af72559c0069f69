//! Where a ledger's log lives: a small read/append boundary.
//!
//! A store knows log entries and bytes, never the in-memory state built
//! from them. Reading and appending are separate traits so that a read-only
//! tool needs only the first and a later PostgreSQL store implements both
//! without touching the ledger.
//!
//! Two stores ship: [`MemoryStore`], for tests and for sharing a log
//! between ledgers in one process, and [`FileStore`], the embedded default.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Entry;

/// Reads a whole log, oldest entry first.
pub trait LogRead {
    /// Every entry, in recording order, numbered from 1 without gaps.
    fn read_log(&mut self) -> Result<Vec<Entry>>;
}

/// Appends to a log.
pub trait LogAppend {
    /// Appends `entry` durably; when this returns `Ok` the entry survives a
    /// crash. On `Err` nothing of the entry may be visible to a later read.
    fn append(&mut self, entry: &Entry) -> Result<()>;
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

/// The first line of a ledger file.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
}

const FORMAT: &str = "appointment-ledger";
const VERSION: u32 = 1;

/// A ledger file: one JSON line of header, then one JSON line per entry.
///
/// ```text
/// {"format":"appointment-ledger","version":1}
/// {"seq":1,"change":{"notice":{"number":"济槐政任〔2022〕4号",…}}}
/// ```
///
/// Each append is written whole and flushed to disk (`fsync`) before it
/// returns. A line that does not parse, an entry out of sequence or a last
/// line without its line end (a write cut short) is reported as
/// [`Error::Corrupt`] with its line and byte offset; nothing is skipped.
#[derive(Debug)]
pub struct FileStore {
    path: PathBuf,
    file: File,
}

impl FileStore {
    /// Opens the ledger file at `path`, creating it (with its header) if it
    /// does not exist.
    pub fn open(path: impl AsRef<Path>) -> Result<FileStore> {
        let path = path.as_ref().to_path_buf();
        let io = |e: std::io::Error| Error::io(&path, &e);
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&path)
            .map_err(io)?;
        let empty = file.metadata().map_err(io)?.len() == 0;
        let mut store = FileStore { path, file };
        if empty {
            store.write_line(&Header {
                format: FORMAT.to_owned(),
                version: VERSION,
            })?;
            store.sync_directory()?;
        }
        Ok(store)
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn write_line<T: Serialize>(&mut self, value: &T) -> Result<()> {
        let mut line = serde_json::to_vec(value).map_err(|e| Error::Io {
            path: self.path.display().to_string(),
            kind: std::io::ErrorKind::InvalidData,
            message: e.to_string(),
        })?;
        line.push(b'\n');
        let io = |e: std::io::Error| Error::io(&self.path, &e);
        self.file.write_all(&line).map_err(io)?;
        self.file.sync_data().map_err(io)
    }

    fn sync_directory(&self) -> Result<()> {
        let dir = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(dir, &e))
    }

    fn corrupt(&self, line: u64, offset: u64, notice: Option<String>, reason: String) -> Error {
        Error::Corrupt {
            path: self.path.display().to_string(),
            line,
            offset,
            notice,
            reason,
        }
    }
}

impl LogRead for FileStore {
    fn read_log(&mut self) -> Result<Vec<Entry>> {
        let mut bytes = Vec::new();
        let mut reader = File::open(&self.path).map_err(|e| Error::io(&self.path, &e))?;
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(&self.path, &e))?;
        let mut entries = Vec::new();
        let mut offset = 0usize;
        let mut line_no = 0u64;
        while offset < bytes.len() {
            line_no += 1;
            let rest = &bytes[offset..];
            let Some(len) = rest.iter().position(|&b| b == b'\n') else {
                return Err(self.corrupt(
                    line_no,
                    offset as u64,
                    None,
                    format!(
                        "last record is cut short ({} bytes without a line end)",
                        rest.len()
                    ),
                ));
            };
            let line = &rest[..len];
            if line_no == 1 {
                let header: Header = serde_json::from_slice(line).map_err(|_| {
                    self.corrupt(1, 0, None, "not a ledger file (no header)".to_owned())
                })?;
                if header.format != FORMAT {
                    return Err(self.corrupt(
                        1,
                        0,
                        None,
                        format!("unknown format `{}`", header.format),
                    ));
                }
                if header.version != VERSION {
                    return Err(self.corrupt(
                        1,
                        0,
                        None,
                        format!(
                            "format version {} is not supported (this build reads {VERSION})",
                            header.version
                        ),
                    ));
                }
            } else {
                let entry: Entry = serde_json::from_slice(line).map_err(|e| {
                    self.corrupt(line_no, offset as u64, notice_number(line), e.to_string())
                })?;
                let expected = entries.len() as u64 + 1;
                if entry.seq != expected {
                    let notice = entry.change.notice().map(|n| n.number.clone());
                    return Err(self.corrupt(
                        line_no,
                        offset as u64,
                        notice,
                        format!("entry numbered {} where {expected} was expected", entry.seq),
                    ));
                }
                entries.push(entry);
            }
            offset += len + 1;
        }
        Ok(entries)
    }
}

impl LogAppend for FileStore {
    fn append(&mut self, entry: &Entry) -> Result<()> {
        self.write_line(entry)
    }
}

/// The notice number in a damaged record, if it can still be read.
fn notice_number(line: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(line);
    let start = text.find("\"number\":\"")? + "\"number\":\"".len();
    let len = text[start..].find('"')?;
    Some(text[start..start + len].to_owned())
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
            change: Change::Notice(
                Notice::new(&format!("测试〔2022〕{seq}号"), date)
                    .appoint(Person::new("张三"), Post::new("某局", "局长")),
            ),
        }
    }

    fn temp_path(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "appointment-ledger-store-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&dir);
        dir
    }

    #[test]
    fn a_file_reads_back_what_was_appended() {
        let path = temp_path("roundtrip");
        let mut store = FileStore::open(&path).unwrap();
        store.append(&entry(1)).unwrap();
        store.append(&entry(2)).unwrap();
        let mut again = FileStore::open(&path).unwrap();
        assert_eq!(again.read_log().unwrap(), vec![entry(1), entry(2)]);
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn damage_names_line_offset_and_notice() {
        let path = temp_path("damage");
        let mut store = FileStore::open(&path).unwrap();
        store.append(&entry(1)).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        let header_len = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
        let last = bytes.len() - 2;
        bytes[last] = b'!';
        std::fs::write(&path, &bytes).unwrap();
        let err = FileStore::open(&path).unwrap().read_log().unwrap_err();
        assert!(err.is_corrupt());
        assert_eq!(err.line(), Some(2));
        assert_eq!(err.notice(), Some("测试〔2022〕1号"));
        match err {
            Error::Corrupt { offset, .. } => assert_eq!(offset, header_len as u64),
            other => panic!("unexpected {other:?}"),
        }
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn a_cut_last_record_is_reported() {
        let path = temp_path("cut");
        let mut store = FileStore::open(&path).unwrap();
        store.append(&entry(1)).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 5]).unwrap();
        let err = FileStore::open(&path).unwrap().read_log().unwrap_err();
        assert!(err.to_string().contains("cut short"), "{err}");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn a_stranger_file_is_not_a_ledger() {
        let path = temp_path("stranger");
        std::fs::write(&path, "hello\n").unwrap();
        let err = FileStore::open(&path).unwrap().read_log().unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: corrupt ledger at line 1 (byte 0): not a ledger file (no header)",
                path.display()
            )
        );
        std::fs::remove_file(&path).unwrap();
    }
}
