//! An index beside a ledger file: the answers to date questions, laid out
//! so that a fresh process reads a few small ranges of it (positioned
//! reads) rather than replaying the whole log.
//!
//! The index is derived from the log and never trusted over it. It records
//! which prefix of the log it was built from ([`LogMark`]: the entries,
//! the file's length, a checksum of all of it and one of its header and
//! last page); [`Index::open`] checks the ledger file still holds that
//! prefix, reading two small ranges of it, reads what was recorded past it
//! (see [`Index`] and `tail`), and refuses an index that does not match
//! ([`Error::IndexUnusable`]) — a different file, or one cut short. It
//! is written atomically (a temporary file beside it, fsynced, renamed),
//! so a crash while writing it leaves the old index or the new one, never
//! a part.
//!
//! Its answers are the ledger's: the same timelines, searched by the same
//! date query ([`crate::timeline`]'s `stab`), and names resolved by the
//! same rules. This module must never decide anything about tenures
//! itself; it only reads what [`build`] wrote from a ledger's fold.
//!
//! What a reader does not check, for speed: that every byte of the log
//! before its last page is still what it was. A damaged byte there is
//! caught by the next writer that opens the ledger (it reads and checks
//! every record) and by [`Index::verify`].

mod build;
mod layout;
mod tail;

use std::cell::{Cell, OnceCell};
use std::fs::File;
use std::path::{Path, PathBuf};

use bytemuck::Pod;
use chrono::NaiveDate;
use elsa::FrozenMap;

use crate::error::{Error, Result};
use crate::ledger::{Ledger, check_date, person_by_name};
use crate::model::{Flags, Person, Post, Seats};
use crate::state::{PersonId, PostId, post_by_name};
use crate::store::{Ending, LogMark, Recovery, probe, read_tail};
use crate::timeline::{End, EventRef, Holding, Parts, Span, Stab, Start, Tenure, stab};
use layout::{Header, NONE, NameRec, PersonRec, PostRec, RefRec, Row, Section, TenureRec};
use tail::Tail;

/// A ledger file's index, open: `holders`, `posts_of`, `history` and
/// `career` answered from it as the ledger answers them, without a replay.
///
/// Each question reads the records it needs with positioned reads (a
/// binary search of the names, a post's or person's timeline, the
/// tenures and events of the answer); the strings an answer cites are read
/// once and kept while the index is open, so its memory grows at most to
/// the strings asked about.
///
/// A ledger that has grown since the index was built is read past it:
/// the entries recorded since (the tail) are read when the index is
/// opened, and a question they cannot change is still answered from the
/// index. One they may change (they name the post or person asked about,
/// or its holders; or they are corrections, aliases or seat declarations)
/// is answered from a replay of the ledger, made once, when first needed
/// ([`Index::replayed`]); a fresh index makes the next process fast again.
///
/// ```
/// # fn main() -> Result<(), appointment_ledger::Error> {
/// use appointment_ledger::{Index, Ledger, NaiveDate, Notice, Person, Post};
/// # let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("huaiyin.ledger");
/// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
/// let mut ledger = Ledger::builder().open(&path)?;
/// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任")))?;
/// Index::write(&ledger, &Index::path_for(&path))?;
///
/// // A fresh process: no replay, a few pages read.
/// let index = Index::open(&path)?;
/// let held = index.holders("济南市槐荫区人民防空办公室主任", day)?;
/// assert_eq!(held, ledger.holders("济南市槐荫区人民防空办公室主任", day)?);
///
/// // A notice recorded since, at another post: read past the index, and
/// // the first post's question still answered without a replay.
/// ledger.record(Notice::new("济槐政任〔2022〕5号", day)
///     .appoint(Person::new("陈建防"), Post::new("济南市槐荫区园林绿化服务中心", "主任")))?;
/// let index = Index::open(&path)?;
/// assert_eq!(index.tail_len(), 1);
/// assert_eq!(index.holders("济南市槐荫区人民防空办公室主任", day)?, held);
/// assert!(index.replayed().is_none());
/// // The new post's question is the replay's.
/// let new = index.holders("济南市槐荫区园林绿化服务中心主任", day)?;
/// assert_eq!(new, ledger.holders("济南市槐荫区园林绿化服务中心主任", day)?);
/// assert!(index.replayed().is_some());
/// # Ok(())
/// # }
/// ```
pub struct Index {
    path: PathBuf,
    file: File,
    /// The file's length when opened.
    len: u64,
    header: Header,
    /// Strings read so far, by id: what answers borrow.
    strings: FrozenMap<u32, Box<str>>,
    /// The ledger file the index is beside.
    ledger: PathBuf,
    /// What the log holds past what the index covers.
    tail: Tail,
    /// The ledger replayed, once a question the tail touches needs it.
    replay: OnceCell<Ledger>,
    /// A torn record at the end of the ledger, skipped.
    torn: Option<Recovery>,
    /// Whether every question is the replay's: it holds entries recorded
    /// after the index was opened (no two answers may come from two
    /// states of the log), or the tail touches everything.
    replay_all: Cell<bool>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("path", &self.path)
            .field("entries", &self.header.entries)
            .field("tail", &self.tail.entries)
            .finish_non_exhaustive()
    }
}

impl Index {
    /// Where the index of the ledger file `ledger` is kept: beside it, its
    /// name with `.index` added (`huaiyin.ledger.index`).
    pub fn path_for(ledger: &Path) -> PathBuf {
        let mut name = ledger.as_os_str().to_owned();
        name.push(".index");
        PathBuf::from(name)
    }

    /// Writes the index of `ledger` to `path`, atomically (see the module
    /// docs).
    ///
    /// The ledger must be backed by a store that marks where its log ends
    /// (a [`FileStore`](crate::FileStore)); an in-memory ledger, or one
    /// whose store has fewer or more entries than it, is
    /// [`Error::IndexUnusable`] and nothing is written; a `path` that is a
    /// ledger file is [`Error::UnsafeOutput`], and it is left as it was.
    pub fn write(ledger: &Ledger, path: &Path) -> Result<()> {
        let unusable = |reason: String| Error::IndexUnusable {
            path: path.display().to_string(),
            reason,
        };
        let mark = ledger
            .mark()?
            .ok_or_else(|| unusable("the ledger has no store on disk to index".to_owned()))?;
        if mark.entries != ledger.len() as u64 {
            return Err(unusable(format!(
                "the ledger holds {} entries but its store {}",
                ledger.len(),
                mark.entries
            )));
        }
        // Never over a ledger file (the ledger's own path given by mistake).
        let mut head = [0u8; 8];
        if File::open(path)
            .and_then(|f| read_at(&f, &mut head, 0))
            .is_ok()
            && head == crate::FileStore::MAGIC
        {
            return Err(Error::UnsafeOutput {
                path: path.display().to_string(),
                reason: "it is a ledger file".to_owned(),
            });
        }
        let bytes = build::bytes(ledger, mark)?;
        build::write_atomically(path, &bytes)
    }

    /// Opens the index of the ledger file `ledger` (at
    /// [`Index::path_for`]), checks the file still begins with the log it
    /// was built from, and reads the entries recorded past it (see
    /// [`Index`]; a torn record at the end, an append in progress, is
    /// skipped and said by [`Index::recovery`]; records past it that this
    /// reader cannot judge alone send every question to the replay, which
    /// reads the whole file and fails with [`Error::Corrupt`] if it is
    /// damaged).
    ///
    /// Fails with [`Error::Io`] when there is no index,
    /// [`Error::IndexUnusable`] when it does not match the ledger (another
    /// file, or one whose records it covers are no longer there), and
    /// [`Error::CorruptIndex`] when the index is damaged.
    pub fn open(ledger: &Path) -> Result<Index> {
        let path = Index::path_for(ledger);
        let mut index = Index::map(&path, ledger)?;
        let mark = index.mark();
        let unusable = |reason: String| Error::IndexUnusable {
            path: path.display().to_string(),
            reason,
        };
        match probe(ledger, &mark)? {
            Ending::Same => Ok(index),
            Ending::Grown(_) => {
                match read_tail(ledger, &mark) {
                    Ok((entries, torn)) => {
                        index.tail = Tail::of(&index, &entries)?;
                        index.torn = torn;
                    }
                    // What this reader cannot judge from the tail alone
                    // (zeros longer than the records it has seen) the
                    // replay, reading the whole file, judges.
                    Err(Error::Corrupt { .. }) => index.tail = Tail::unread(),
                    Err(e) => return Err(e),
                }
                Ok(index)
            }
            Ending::Other(reason) => Err(unusable(reason)),
        }
    }

    /// Opens the index file `path` and checks its header and the bounds of
    /// its sections.
    fn map(path: &Path, ledger: &Path) -> Result<Index> {
        let io = |e: std::io::Error| Error::io(path, &e);
        if !layout::NATIVE {
            return Err(Error::IndexUnusable {
                path: path.display().to_string(),
                reason: "this machine is big-endian; indexes are read on little-endian ones"
                    .to_owned(),
            });
        }
        let file = File::open(path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        let corrupt = |offset: u64, reason: &str| Error::CorruptIndex {
            path: path.display().to_string(),
            offset,
            reason: reason.to_owned(),
        };
        if len < Header::LEN as u64 {
            return Err(corrupt(0, "shorter than an index header"));
        }
        let mut head = [0u8; Header::LEN];
        read_at(&file, &mut head, 0).map_err(io)?;
        let header: Header = bytemuck::pod_read_unaligned(&head);
        if header.magic != layout::MAGIC {
            return Err(corrupt(0, "not an index file (no index header)"));
        }
        if header.header_crc != header.check() {
            return Err(corrupt(0, "the header is damaged (checksum mismatch)"));
        }
        if header.version < layout::VERSION {
            // Built by an older build, whose fold may differ: never trusted.
            return Err(Error::IndexUnusable {
                path: path.display().to_string(),
                reason: format!(
                    "it was written in index format {}, which this build reads no more (it \
                     writes format {})",
                    header.version,
                    layout::VERSION
                ),
            });
        }
        if header.version != layout::VERSION {
            return Err(Error::NewerFormat {
                path: path.display().to_string(),
                what: "index format".to_owned(),
                offset: 8,
                found: header.version,
                supported: layout::VERSION,
            });
        }
        for extent in &header.sections {
            let end = extent.offset.checked_add(extent.len);
            if !extent.offset.is_multiple_of(8) || end.is_none_or(|end| end > len) {
                return Err(corrupt(
                    extent.offset,
                    "a section runs past the end of the file",
                ));
            }
        }
        Ok(Index {
            path: path.to_path_buf(),
            file,
            len,
            header,
            strings: FrozenMap::new(),
            ledger: ledger.to_path_buf(),
            tail: Tail::default(),
            replay: OnceCell::new(),
            torn: None,
            replay_all: Cell::new(false),
        })
    }

    /// The log the index covers.
    fn mark(&self) -> LogMark {
        LogMark {
            entries: self.header.entries,
            bytes: self.header.log_bytes,
            crc: self.header.log_crc,
            tail: self.header.log_tail,
        }
    }

    /// Whether the index was built from exactly the log `ledger` holds: the
    /// same entries, length and checksums, the checksum of every byte of
    /// the log included (which [`Index::open`] does not read the log to
    /// check). A writer, which has read the whole log, asks this before it
    /// keeps an index rather than rewriting it.
    pub fn covers(&self, ledger: &Ledger) -> Result<bool> {
        Ok(ledger.mark()? == Some(self.mark()) && ledger.len() as u64 == self.header.entries)
    }

    /// Whether no correction of the ledger rescinded an event: then the
    /// events rescinded at any post or of any person
    /// ([`Ledger::rescinded_at`], [`Ledger::rescinded_of`]) are none, and
    /// a post's history from the index is all there is to say of it.
    pub fn nothing_rescinded(&self) -> bool {
        self.header.rescinded == 0 && !self.tail.may_amend()
    }

    /// How many log entries the index covers.
    pub fn len(&self) -> u64 {
        self.header.entries
    }

    /// How many entries the ledger held past what the index covers, when
    /// it was opened.
    pub fn tail_len(&self) -> u64 {
        self.tail.entries
    }

    /// What reading past the index found torn at the end of the ledger
    /// and skipped, as [`Ledger::recovery`] says it: an append in
    /// progress, or one a crash interrupted. `None` when the file was
    /// whole.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.torn.as_ref()
    }

    /// The replay of the ledger, if a question the log's tail touches has
    /// needed it: what a tool writes a fresh index from.
    pub fn replayed(&self) -> Option<&Ledger> {
        self.replay.get()
    }

    /// The ledger replayed (read-only), made the first time it is needed.
    fn replay(&self) -> Result<&Ledger> {
        if let Some(ledger) = self.replay.get() {
            return Ok(ledger);
        }
        let ledger = Ledger::builder().open_read_only(&self.ledger)?;
        let newer = ledger.len() as u64 > self.len() + self.tail_len();
        self.replay_all.set(newer || self.tail.everything());
        Ok(self.replay.get_or_init(|| ledger))
    }

    /// Whether the log's tail may change what is said of post `id`.
    fn touched_post(&self, id: PostId) -> bool {
        self.replay_all.get() || self.tail.post(id, self.count::<PostRec>(Section::Posts))
    }

    /// Whether the log's tail may change what is said of person `id`.
    fn touched_person(&self, id: PersonId) -> bool {
        self.replay_all.get()
            || self
                .tail
                .person(id, self.count::<PersonRec>(Section::Persons))
    }

    /// Whether the index covers an empty log.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reads the whole index and checks it against the checksum of its
    /// contents: what a reader skips for speed, for a tool that wants to
    /// be sure ([`Error::CorruptIndex`] when it does not match).
    pub fn verify(&self) -> Result<()> {
        let io = |e: std::io::Error| Error::io(&self.path, &e);
        let mut crc = 0;
        let mut at = Header::LEN as u64;
        let mut buf = vec![0u8; 1 << 20];
        while at < self.len {
            let n = usize::try_from(self.len - at).map_or(buf.len(), |n| n.min(buf.len()));
            read_at(&self.file, &mut buf[..n], at).map_err(io)?;
            crc = crc32c::crc32c_append(crc, &buf[..n]);
            at += n as u64;
        }
        if crc == self.header.body_crc {
            Ok(())
        } else {
            Err(self.corrupt(
                Header::LEN as u64,
                "the contents are damaged (checksum mismatch)",
            ))
        }
    }

    fn corrupt(&self, offset: u64, reason: &str) -> Error {
        Error::CorruptIndex {
            path: self.path.display().to_string(),
            offset,
            reason: reason.to_owned(),
        }
    }

    /// Records `first..first + count` of a section, read from the file.
    fn records<T: Pod>(&self, section: Section, first: u64, count: u64) -> Result<Vec<T>> {
        let extent = self.header.sections[section as usize];
        let size = std::mem::size_of::<T>() as u64;
        let past = || self.corrupt(extent.offset, "a reference points past its section");
        let end = first.checked_add(count).ok_or_else(past)?;
        if !extent.len.is_multiple_of(size) {
            return Err(self.corrupt(
                extent.offset,
                "a section is not a whole number of its records",
            ));
        }
        if end > extent.len / size {
            return Err(past());
        }
        let mut out = vec![T::zeroed(); usize::try_from(count).map_err(|_| past())?];
        read_at(
            &self.file,
            bytemuck::cast_slice_mut(&mut out),
            extent.offset + first * size,
        )
        .map_err(|e| Error::io(&self.path, &e))?;
        Ok(out)
    }

    /// One record of a section.
    fn record<T: Pod>(&self, section: Section, at: u64) -> Result<T> {
        Ok(self.records::<T>(section, at, 1)?[0])
    }

    /// How many records a section holds.
    fn count<T: Pod>(&self, section: Section) -> u64 {
        self.header.sections[section as usize].len / std::mem::size_of::<T>() as u64
    }

    /// String `id`, read once and kept.
    fn string(&self, id: u32) -> Result<&str> {
        if let Some(s) = self.strings.get(&id) {
            return Ok(s);
        }
        // Its end, and the end of the string before it (0 for the first).
        let ends: Vec<u64> = match id.checked_sub(1) {
            Some(before) => self.records(Section::Ends, u64::from(before), 2)?,
            None => vec![0, self.record(Section::Ends, 0)?],
        };
        let text = self.header.sections[Section::Text as usize];
        let bad = || self.corrupt(text.offset, "a string runs past the string table");
        let len = ends[1].checked_sub(ends[0]).ok_or_else(bad)?;
        if ends[1] > text.len {
            return Err(bad());
        }
        let mut bytes = vec![0u8; usize::try_from(len).map_err(|_| bad())?];
        read_at(&self.file, &mut bytes, text.offset + ends[0])
            .map_err(|e| Error::io(&self.path, &e))?;
        let string = String::from_utf8(bytes)
            .map_err(|_| self.corrupt(text.offset + ends[0], "a string is not UTF-8"))?;
        Ok(self.strings.insert(id, string.into_boxed_str()))
    }

    /// The targets of the names equal to `name` in a name section.
    ///
    /// The names are sorted by hash, and hashes are spread evenly, so the
    /// search interpolates where the hash should be (a few steps, each a
    /// read of one record, on a table of millions) and finishes with one
    /// read of the window left; a table whose hashes are not even (never,
    /// from FNV-1a) only costs more steps, and a step that does not narrow
    /// the window by half falls back to bisection, so it stays
    /// logarithmic.
    fn named(&self, section: Section, name: &str) -> Result<Vec<u32>> {
        const WINDOW: u64 = 128;
        let hash = layout::hash(name);
        // The first record whose hash is not below `hash` is in lo..=hi.
        let (mut lo, mut hi) = (0, self.count::<NameRec>(section));
        let (mut lo_hash, mut hi_hash) = (0u64, u64::MAX);
        while hi - lo > WINDOW {
            let span = u128::from(hi - lo);
            let guess = u128::from(hash.saturating_sub(lo_hash)) * span
                / u128::from(hi_hash.saturating_sub(lo_hash)).max(1);
            let mut at = lo + u64::try_from(guess).unwrap_or(hi - lo - 1).min(hi - lo - 1);
            // Too close to an end to halve the window: bisect instead.
            if at - lo < (hi - lo) / 64 || hi - at < (hi - lo) / 64 {
                at = lo + (hi - lo) / 2;
            }
            let probe = self.record::<NameRec>(section, at)?.hash;
            if probe < hash {
                lo = at + 1;
                lo_hash = probe;
            } else {
                hi = at;
                hi_hash = probe;
            }
        }
        let window: Vec<NameRec> = self.records(section, lo, hi - lo)?;
        let mut lo = lo + window.partition_point(|n| n.hash < hash) as u64;
        let mut found = Vec::new();
        let total = self.count::<NameRec>(section);
        while lo < total {
            let rec: NameRec = self.record(section, lo)?;
            if rec.hash != hash {
                break;
            }
            if self.string(rec.name)? == name {
                found.push(rec.target);
            }
            lo += 1;
        }
        Ok(found)
    }

    /// The post a written name stands for, as [`Ledger::find_post`] finds
    /// it.
    pub fn find_post(&self, name: &str) -> Result<PostId> {
        if self.replay_all.get() || self.tail.post_name(name) {
            return self.replay()?.find_post(name);
        }
        self.indexed_post(name)
    }

    /// The post a written name stands for in the index.
    fn indexed_post(&self, name: &str) -> Result<PostId> {
        let mut failure = None;
        let found = post_by_name(name, |form| match self.named(Section::PostNames, form) {
            Ok(ids) => ids.first().map(|&id| PostId(id)),
            Err(e) => {
                failure = Some(e);
                None
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        found.ok_or_else(|| Error::UnknownPost {
            name: name.to_owned(),
        })
    }

    /// The person a name (`name` or `name#id`) stands for, as
    /// [`Ledger::find_person`] finds them.
    pub fn find_person(&self, name: &str) -> Result<PersonId> {
        if self.replay_all.get() || self.tail.person_name(name) {
            return self.replay()?.find_person(name);
        }
        let failure = std::cell::RefCell::new(None);
        let found = person_by_name(
            name,
            |name| {
                let name = crate::model::normalise(name);
                self.named(Section::PersonNames, &name)
                    .unwrap_or_else(|e| {
                        failure.replace(Some(e));
                        Vec::new()
                    })
                    .into_iter()
                    .map(PersonId)
                    .collect()
            },
            |id| self.person_at(id).ok(),
        );
        match failure.into_inner() {
            Some(e) => Err(e),
            None => found,
        }
    }

    /// The post `id` names.
    pub fn post(&self, id: PostId) -> Result<Post> {
        if self.touched_post(id) {
            return self
                .replay()?
                .post(id)
                .cloned()
                .ok_or_else(|| unknown_post(id));
        }
        self.post_at(id)
    }

    /// The post `id` names in the index.
    fn post_at(&self, id: PostId) -> Result<Post> {
        let rec: PostRec = self.record(Section::Posts, u64::from(id.0))?;
        Ok(Post::stored(
            self.string(rec.organisation)?,
            self.string(rec.title)?,
        ))
    }

    /// The seats of the post `id`, as [`Ledger::seats`] counted them when
    /// the index was written (declared, or the title lexicon's).
    pub fn seats(&self, id: PostId) -> Result<Seats> {
        if self.touched_post(id) {
            return self.replay()?.seats(id);
        }
        let rec: PostRec = self.record(Section::Posts, u64::from(id.0))?;
        Ok(match u16::try_from(rec.seats) {
            Ok(0) | Err(_) => Seats::Several,
            Ok(n) => Seats::Limit(n),
        })
    }

    /// The person `id` names.
    pub fn person(&self, id: PersonId) -> Result<Person> {
        if self.touched_person(id) {
            return self
                .replay()?
                .person(id)
                .cloned()
                .ok_or_else(|| Error::UnknownPerson {
                    name: format!("#{}", id.0),
                });
        }
        self.person_at(id)
    }

    /// The person `id` names in the index.
    fn person_at(&self, id: PersonId) -> Result<Person> {
        let rec: PersonRec = self.record(Section::Persons, u64::from(id.0))?;
        let key = match rec.id {
            NONE => None,
            id => Some(self.string(id)?),
        };
        Ok(Person::stored(self.string(rec.name)?, key))
    }

    /// The posts a name is recorded for in the index, exactly as written
    /// there (no normalising).
    fn posts_named(&self, name: &str) -> Result<Vec<PostId>> {
        let ids = self.named(Section::PostNames, name)?;
        Ok(ids.into_iter().map(PostId).collect())
    }

    /// The people of a name in the index (every namesake).
    fn people_named(&self, name: &str) -> Result<Vec<PersonId>> {
        let ids = self.named(Section::PersonNames, &crate::model::normalise(name))?;
        Ok(ids.into_iter().map(PersonId).collect())
    }

    /// The post of the tenure a row holds.
    fn tenure_post(&self, row: &Row) -> Result<u32> {
        let rec: TenureRec = self.record(Section::Tenures, u64::from(row.tenure))?;
        Ok(rec.post)
    }

    /// The person of the tenure a row holds.
    fn tenure_person(&self, row: &Row) -> Result<u32> {
        let rec: TenureRec = self.record(Section::Tenures, u64::from(row.tenure))?;
        Ok(rec.person)
    }

    /// A post's timeline rows.
    fn post_rows(&self, id: PostId) -> Result<Vec<Row>> {
        let rec: PostRec = self.record(Section::Posts, u64::from(id.0))?;
        self.records(Section::PostRows, u64::from(rec.rows), u64::from(rec.len))
    }

    /// A person's timeline rows.
    fn person_rows(&self, id: PersonId) -> Result<Vec<Row>> {
        let rec: PersonRec = self.record(Section::Persons, u64::from(id.0))?;
        self.records(Section::PersonRows, u64::from(rec.rows), u64::from(rec.len))
    }

    /// The tenure a row holds, as the ledger shows it.
    fn tenure(&self, row: &Row) -> Result<Tenure<'_>> {
        let rec: TenureRec = self.record(Section::Tenures, u64::from(row.tenure))?;
        let day = |d: i32| {
            layout::date(d).ok_or_else(|| self.corrupt(0, "a tenure holds a day no date has"))
        };
        let start = if rec.flags & layout::START_UNKNOWN == 0 {
            Start::On(day(rec.start)?)
        } else {
            Start::Unknown {
                after: match rec.after {
                    layout::NO_DAY => None,
                    d => Some(day(d)?),
                },
                before: day(rec.start)?,
            }
        };
        let end = match day(rec.end)? {
            NaiveDate::MAX => End::Open,
            d => End::On(d),
        };
        let cited: Vec<u32> = self.records(
            Section::Corrections,
            u64::from(rec.corrections),
            u64::from(rec.corrections_len),
        )?;
        Ok(Tenure {
            person: self.person_at(PersonId(rec.person))?,
            post: self.post_at(PostId(rec.post))?,
            start,
            end,
            flags: Flags::from_bits((rec.flags & 0xff) as u8),
            appointed_by: self.event(rec.opened)?,
            removed_by: self.event(rec.closed)?,
            corrected_by: cited
                .iter()
                .map(|&id| {
                    self.event(id)?
                        .ok_or_else(|| self.corrupt(0, "a correction is missing"))
                })
                .collect::<Result<_>>()?,
        })
    }

    fn event(&self, id: u32) -> Result<Option<EventRef<'_>>> {
        if id == NONE {
            return Ok(None);
        }
        let rec: RefRec = self.record(Section::Refs, u64::from(id))?;
        Ok(Some(EventRef::from_parts(Parts {
            notice: self.string(rec.notice)?,
            seq: u64::from(rec.seq),
            clause: rec.clause,
            text: self.string(rec.text)?,
        })))
    }

    /// What `rows` hold on `date`, each tenure read from the index.
    fn on(&self, rows: &[Row], date: NaiveDate) -> Result<Stab<Tenure<'_>>> {
        let found = stab(rows, 0, rows.len(), date, |row| self.tenure(row));
        Ok(match found {
            Stab::Held(t) => Stab::Held(t.into_iter().collect::<Result<_>>()?),
            Stab::Vacant { since, last } => Stab::Vacant {
                since,
                last: last.into_iter().collect::<Result<_>>()?,
            },
            Stab::Unknown => Stab::Unknown,
        })
    }

    /// Who held `post` on `date`, as [`Ledger::holders`] answers.
    pub fn holders(&self, post: &str, date: NaiveDate) -> Result<Holding<'_>> {
        let id = self.find_post(post)?;
        self.holders_of(id, date)
    }

    /// Who held the post `id` (from [`Index::find_post`]) on `date`.
    pub fn holders_of(&self, id: PostId, date: NaiveDate) -> Result<Holding<'_>> {
        if self.touched_post(id) {
            return self.replay()?.holders(id, date);
        }
        check_date(date, "query")?;
        Ok(match self.on(&self.post_rows(id)?, date)? {
            Stab::Held(tenures) => Holding::Held(tenures),
            Stab::Vacant { since, last } => Holding::Vacant { since, last },
            Stab::Unknown => Holding::Unknown,
        })
    }

    /// The posts `person` held on `date`, as [`Ledger::posts_of`] answers.
    pub fn posts_of(&self, person: &str, date: NaiveDate) -> Result<Vec<Tenure<'_>>> {
        let id = self.find_person(person)?;
        if self.touched_person(id) {
            return self.replay()?.posts_of(id, date);
        }
        check_date(date, "query")?;
        Ok(match self.on(&self.person_rows(id)?, date)? {
            Stab::Held(tenures) => tenures,
            Stab::Vacant { .. } | Stab::Unknown => Vec::new(),
        })
    }

    /// Every tenure of `post`, as [`Ledger::history`] answers.
    pub fn history(&self, post: &str) -> Result<Vec<Tenure<'_>>> {
        let id = self.find_post(post)?;
        if self.touched_post(id) {
            return self.replay()?.history(id);
        }
        self.post_rows(id)?.iter().map(|r| self.tenure(r)).collect()
    }

    /// Every tenure of `person`, as [`Ledger::career`] answers.
    pub fn career(&self, person: &str) -> Result<Vec<Tenure<'_>>> {
        let id = self.find_person(person)?;
        if self.touched_person(id) {
            return self.replay()?.career(id);
        }
        self.person_rows(id)?
            .iter()
            .map(|r| self.tenure(r))
            .collect()
    }
}

impl Span for Row {
    fn from(&self) -> NaiveDate {
        layout::date(self.from).unwrap_or(NaiveDate::MIN)
    }

    fn until(&self) -> NaiveDate {
        layout::date(self.until).unwrap_or(NaiveDate::MAX)
    }

    fn max_until(&self) -> NaiveDate {
        layout::date(self.max_until).unwrap_or(NaiveDate::MAX)
    }
}

/// The error of a post id no post has.
fn unknown_post(id: PostId) -> Error {
    Error::UnknownPost {
        name: format!("#{}", id.0),
    }
}

/// Reads exactly `buf.len()` bytes at `offset` without moving a cursor, so
/// that `&Index` questions need no lock.
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let (mut buf, mut offset) = (buf, offset);
        while !buf.is_empty() {
            match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
                0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
                n => {
                    buf = &mut buf[n..];
                    offset += n as u64;
                }
            }
        }
        Ok(())
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = (file, buf, offset);
        Err(std::io::ErrorKind::Unsupported.into())
    }
}
