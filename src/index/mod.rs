//! An index beside a ledger file: the answers to date questions, laid out
//! so that a fresh process maps the file and reads a few pages of it
//! rather than replaying the whole log.
//!
//! The index is derived from the log and never trusted over it. It records
//! which prefix of the log it was built from ([`LogMark`]: the entries,
//! the file's length, a checksum of all of it and one of its header and
//! last page); [`Index::open`] checks the ledger file still ends there,
//! reading two small ranges of it, and refuses an index that does not
//! match ([`Error::IndexUnusable`]) — a ledger that has grown since, or a
//! different file. It is written atomically (a temporary file beside it,
//! fsynced, renamed), so a crash while writing it leaves the old index or
//! the new one, never a part.
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

use std::fs::File;
use std::path::{Path, PathBuf};

use bytemuck::Pod;
use chrono::NaiveDate;
use memmap2::Mmap;

use crate::error::{Error, Result};
use crate::ledger::{Ledger, check_date, person_by_name};
use crate::model::{Flags, Person, Post};
use crate::state::{PersonId, PostId, post_by_name};
use crate::store::{Ending, LogMark, probe};
use crate::timeline::{End, EventRef, Holding, Parts, Span, Stab, Start, Tenure, stab};
use layout::{Header, NONE, NameRec, PersonRec, PostRec, RefRec, Row, Section, TenureRec};

/// A ledger file's index, mapped: `holders`, `posts_of`, `history` and
/// `career` answered from it as the ledger answers them, without a replay.
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
/// // A notice recorded since: the index no longer covers the log.
/// ledger.record(Notice::new("济槐政任〔2022〕5号", day)
///     .appoint(Person::new("陈建防"), Post::new("济南市槐荫区园林绿化服务中心", "主任")))?;
/// assert!(matches!(Index::open(&path), Err(appointment_ledger::Error::IndexUnusable { .. })));
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct Index {
    path: PathBuf,
    map: Mmap,
    header: Header,
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
    /// [`Error::IndexUnusable`] and nothing is written.
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
        let bytes = build::bytes(ledger, mark)?;
        build::write_atomically(path, &bytes)
    }

    /// Opens the index of the ledger file `ledger` (at
    /// [`Index::path_for`]) and checks it covers the whole file.
    ///
    /// Fails with [`Error::Io`] when there is no index,
    /// [`Error::IndexUnusable`] when it does not match the ledger (the
    /// ledger has grown since it was built, or is another file), and
    /// [`Error::CorruptIndex`] when the index is damaged.
    pub fn open(ledger: &Path) -> Result<Index> {
        let path = Index::path_for(ledger);
        let index = Index::map(&path)?;
        let mark = index.mark();
        let unusable = |reason: String| Error::IndexUnusable {
            path: path.display().to_string(),
            reason,
        };
        match probe(ledger, &mark)? {
            Ending::Same => Ok(index),
            Ending::Grown(by) => Err(unusable(format!(
                "the ledger has grown by {by} bytes since the index was built from its {} entries",
                mark.entries
            ))),
            Ending::Other(reason) => Err(unusable(reason)),
        }
    }

    /// Maps the index file `path` and checks its header and the bounds of
    /// its sections.
    fn map(path: &Path) -> Result<Index> {
        let io = |e: std::io::Error| Error::io(path, &e);
        if !layout::NATIVE {
            return Err(Error::IndexUnusable {
                path: path.display().to_string(),
                reason: "this machine is big-endian; indexes are read on little-endian ones"
                    .to_owned(),
            });
        }
        let file = File::open(path).map_err(io)?;
        // SAFETY: the mapping is read-only, and an index file is never
        // changed in place: it is written whole to a temporary file and
        // renamed over the old one, so the inode mapped here keeps its
        // bytes for as long as the map lives. Every read below is bounds-
        // and alignment-checked (`bytemuck`), so damaged contents are an
        // error, not undefined behaviour.
        #[allow(unsafe_code)]
        let map = unsafe { Mmap::map(&file) }.map_err(io)?;
        // A question reads a few scattered pages: no read-ahead or
        // fault-around, which would map (and count as resident) much more.
        #[cfg(unix)]
        let _ = map.advise(memmap2::Advice::Random);
        let corrupt = |offset: u64, reason: &str| Error::CorruptIndex {
            path: path.display().to_string(),
            offset,
            reason: reason.to_owned(),
        };
        let head = map
            .get(..Header::LEN)
            .ok_or_else(|| corrupt(0, "shorter than an index header"))?;
        let header: Header = bytemuck::pod_read_unaligned(head);
        if header.magic != layout::MAGIC {
            return Err(corrupt(0, "not an index file (no index header)"));
        }
        if header.header_crc != header.check() {
            return Err(corrupt(0, "the header is damaged (checksum mismatch)"));
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
            if extent.offset % 8 != 0 || end.is_none_or(|end| end > map.len() as u64) {
                return Err(corrupt(
                    extent.offset,
                    "a section runs past the end of the file",
                ));
            }
        }
        Ok(Index {
            path: path.to_path_buf(),
            map,
            header,
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

    /// How many log entries the index covers.
    pub fn len(&self) -> u64 {
        self.header.entries
    }

    /// Whether the index covers an empty log.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reads the whole index and checks it against the checksum of its
    /// contents: what a reader skips for speed, for a tool that wants to
    /// be sure ([`Error::CorruptIndex`] when it does not match).
    pub fn verify(&self) -> Result<()> {
        let body = self.map.get(Header::LEN..).unwrap_or_default();
        if crc32c::crc32c(body) == self.header.body_crc {
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

    /// A section's records, cast in place.
    fn section<T: Pod>(&self, section: Section) -> Result<&[T]> {
        let extent = self.header.sections[section as usize];
        // Bounds were checked at open; a cast that fails is a section
        // whose length or alignment is not its records'.
        let bytes = self
            .map
            .get(extent.offset as usize..(extent.offset + extent.len) as usize)
            .unwrap_or_default();
        bytemuck::try_cast_slice(bytes).map_err(|_| {
            self.corrupt(
                extent.offset,
                "a section is not a whole number of its records",
            )
        })
    }

    /// One record of a section.
    fn record<T: Pod>(&self, section: Section, at: u32) -> Result<T> {
        self.section::<T>(section)?
            .get(at as usize)
            .copied()
            .ok_or_else(|| {
                self.corrupt(
                    self.header.sections[section as usize].offset,
                    "a reference points past its section",
                )
            })
    }

    /// String `id`.
    fn string(&self, id: u32) -> Result<&str> {
        let ends: &[u64] = self.section(Section::Ends)?;
        let text = self.section::<u8>(Section::Text)?;
        let end = *ends
            .get(id as usize)
            .ok_or_else(|| self.corrupt(0, "a string id points past the string table"))?;
        let start = match id.checked_sub(1) {
            Some(before) => ends.get(before as usize).copied().unwrap_or(0),
            None => 0,
        };
        let bytes = usize::try_from(start)
            .ok()
            .zip(usize::try_from(end).ok())
            .and_then(|(s, e)| text.get(s..e))
            .ok_or_else(|| self.corrupt(start, "a string runs past the string table"))?;
        std::str::from_utf8(bytes).map_err(|_| self.corrupt(start, "a string is not UTF-8"))
    }

    /// The targets of the names equal to `name` in a name section.
    fn named(&self, section: Section, name: &str) -> Result<Vec<u32>> {
        let names: &[NameRec] = self.section(section)?;
        let hash = layout::hash(name);
        let first = names.partition_point(|n| n.hash < hash);
        let mut found = Vec::new();
        for rec in names.get(first..).unwrap_or_default() {
            if rec.hash != hash {
                break;
            }
            if self.string(rec.name)? == name {
                found.push(rec.target);
            }
        }
        Ok(found)
    }

    /// The post a written name stands for, as [`Ledger::find_post`] finds
    /// it.
    pub fn find_post(&self, name: &str) -> Result<PostId> {
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
            |id| self.person(id).ok(),
        );
        match failure.into_inner() {
            Some(e) => Err(e),
            None => found,
        }
    }

    /// The post `id` names.
    pub fn post(&self, id: PostId) -> Result<Post> {
        let rec: PostRec = self.record(Section::Posts, id.0)?;
        Ok(Post::stored(
            self.string(rec.organisation)?,
            self.string(rec.title)?,
        ))
    }

    /// The person `id` names.
    pub fn person(&self, id: PersonId) -> Result<Person> {
        let rec: PersonRec = self.record(Section::Persons, id.0)?;
        let key = match rec.id {
            NONE => None,
            id => Some(self.string(id)?),
        };
        Ok(Person::stored(self.string(rec.name)?, key))
    }

    /// A post's timeline rows.
    fn post_rows(&self, id: PostId) -> Result<&[Row]> {
        let rec: PostRec = self.record(Section::Posts, id.0)?;
        self.rows(Section::PostRows, rec.rows, rec.len)
    }

    /// A person's timeline rows.
    fn person_rows(&self, id: PersonId) -> Result<&[Row]> {
        let rec: PersonRec = self.record(Section::Persons, id.0)?;
        self.rows(Section::PersonRows, rec.rows, rec.len)
    }

    fn rows(&self, section: Section, first: u32, len: u32) -> Result<&[Row]> {
        let rows: &[Row] = self.section(section)?;
        let end = first as usize + len as usize;
        rows.get(first as usize..end).ok_or_else(|| {
            self.corrupt(
                self.header.sections[section as usize].offset,
                "a timeline runs past its section",
            )
        })
    }

    /// The tenure a row holds, as the ledger shows it.
    fn tenure(&self, row: &Row) -> Result<Tenure<'_>> {
        let rec: TenureRec = self.record(Section::Tenures, row.tenure)?;
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
        let corrections: &[u32] = self.section(Section::Corrections)?;
        let cited = corrections
            .get(rec.corrections as usize..rec.corrections as usize + rec.corrections_len as usize)
            .ok_or_else(|| self.corrupt(0, "a tenure's corrections run past their section"))?;
        Ok(Tenure {
            person: self.person(PersonId(rec.person))?,
            post: self.post(PostId(rec.post))?,
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
        let rec: RefRec = self.record(Section::Refs, id)?;
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
        check_date(date, "query")?;
        Ok(match self.on(self.post_rows(id)?, date)? {
            Stab::Held(tenures) => Holding::Held(tenures),
            Stab::Vacant { since, last } => Holding::Vacant { since, last },
            Stab::Unknown => Holding::Unknown,
        })
    }

    /// The posts `person` held on `date`, as [`Ledger::posts_of`] answers.
    pub fn posts_of(&self, person: &str, date: NaiveDate) -> Result<Vec<Tenure<'_>>> {
        let id = self.find_person(person)?;
        check_date(date, "query")?;
        Ok(match self.on(self.person_rows(id)?, date)? {
            Stab::Held(tenures) => tenures,
            Stab::Vacant { .. } | Stab::Unknown => Vec::new(),
        })
    }

    /// Every tenure of `post`, as [`Ledger::history`] answers.
    pub fn history(&self, post: &str) -> Result<Vec<Tenure<'_>>> {
        let id = self.find_post(post)?;
        self.post_rows(id)?.iter().map(|r| self.tenure(r)).collect()
    }

    /// Every tenure of `person`, as [`Ledger::career`] answers.
    pub fn career(&self, person: &str) -> Result<Vec<Tenure<'_>>> {
        let id = self.find_person(person)?;
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
