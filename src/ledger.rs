//! The ledger: an append-only log of notices and the answers folded from it.
//!
//! This module owns the rules of recording: what a notice must satisfy to
//! enter the log, that it enters whole or not at all, and that it is
//! appended to the store before the in-memory state sees it. Queries
//! resolve names and dates here and read the state's timelines.

use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{Change, Entry, Notice, Person, Post, Seats};
use crate::state::{PersonId, PostId, State};
use crate::store::{FileStore, LogAppend, LogRead, Recovery};
use crate::timeline::{EventAt, EventRef, Holding, Slot, Stab, Tenure};

/// The earliest date a ledger accepts, in a notice or a query.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The latest date a ledger accepts, in a notice or a query.
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Parses a `YYYY-MM-DD` date within the ledger's range.
///
/// ```
/// use appointment_ledger::parse_date;
/// assert_eq!(parse_date("2022-05-23").unwrap().to_string(), "2022-05-23");
/// assert_eq!(
///     parse_date("2022-13-01").unwrap_err().to_string(),
///     "`2022-13-01` is not a date (expected YYYY-MM-DD)"
/// );
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let date =
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Error::InvalidDate {
            text: text.to_owned(),
        })?;
    check_date(date, "date")?;
    Ok(date)
}

fn check_date(date: NaiveDate, context: &str) -> Result<()> {
    if (EARLIEST..=LATEST).contains(&date) {
        Ok(())
    } else {
        Err(Error::DateOutOfRange {
            date,
            context: context.to_owned(),
        })
    }
}

/// What recording a notice produced.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Recorded {
    /// The entry's recording sequence number.
    pub seq: u64,
}

/// Sets up a [`Ledger`]: where its log lives.
///
/// ```
/// let ledger = appointment_ledger::Ledger::builder().in_memory();
/// assert!(ledger.is_empty());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Builder {
    _private: (),
}

impl Builder {
    /// A ledger whose log lives only in memory.
    pub fn in_memory(self) -> Ledger {
        Ledger {
            log: Vec::new(),
            state: State::default(),
            store: None,
            recovery: None,
        }
    }

    /// Opens the ledger file at `path` (created if missing) and replays it.
    pub fn open(self, path: impl AsRef<Path>) -> Result<Ledger> {
        self.with_store(FileStore::open(path)?)
    }

    /// Reads the whole log from `store`, replays it, and appends every
    /// later entry to it.
    pub fn with_store<S>(self, mut store: S) -> Result<Ledger>
    where
        S: LogRead + LogAppend + Send + Sync + 'static,
    {
        let log = store.read_log()?;
        let mut ledger = Ledger::from_log(log)?;
        ledger.recovery = store.recovery();
        ledger.store = Some(Box::new(store));
        Ok(ledger)
    }
}

/// An append-only ledger of personnel notices, and the answers to "who held
/// which post when" folded from it.
///
/// ```
/// use appointment_ledger::{Holding, Ledger, Notice, Person, Post, NaiveDate};
/// let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
/// let office = Post::new("济南市槐荫区人民防空办公室", "主任");
/// let mut ledger = Ledger::new();
/// ledger.record(Notice::new("济槐政任〔2022〕4号", day(4, 24))
///     .appoint(Person::new("衣连斌"), office.clone()))?;
/// ledger.record(Notice::new("济槐政任〔2022〕5号", day(5, 23))
///     .remove(Person::new("衣连斌"), office.clone())
///     .appoint(Person::new("陈建防"), office.clone()))?;
///
/// let on_june_1 = ledger.holders("济南市槐荫区人民防空办公室主任", day(6, 1))?;
/// assert_eq!(on_june_1.holders()[0].person.name(), "陈建防");
/// assert_eq!(ledger.holders(&office, day(4, 1))?, Holding::Unknown);
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
pub struct Ledger {
    log: Vec<Entry>,
    state: State,
    store: Option<Box<dyn LogAppend + Send + Sync>>,
    recovery: Option<Recovery>,
}

impl fmt::Debug for Ledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ledger")
            .field("entries", &self.log.len())
            .field("persons", &self.state.persons().len())
            .field("posts", &self.state.posts().len())
            .field("stored", &self.store.is_some())
            .finish()
    }
}

impl PartialEq for Ledger {
    /// Two ledgers are equal when their logs are, and so their states.
    fn eq(&self, other: &Ledger) -> bool {
        self.log == other.log && self.state == other.state
    }
}

impl Default for Ledger {
    fn default() -> Ledger {
        Ledger::new()
    }
}

impl Ledger {
    /// An empty ledger in memory.
    pub fn new() -> Ledger {
        Builder::default().in_memory()
    }

    /// Sets up a ledger backed by a file or another store.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// The fold of a whole log from scratch: the ledger a reopened file
    /// gives. Each entry is validated as [`Ledger::record`] would; the
    /// first invalid one is the error.
    pub fn from_log(log: Vec<Entry>) -> Result<Ledger> {
        let mut ledger = Ledger::new();
        for entry in log {
            let expected = ledger.next_seq();
            if entry.seq != expected {
                return Err(Error::Corrupt {
                    path: "log".to_owned(),
                    line: expected,
                    offset: 0,
                    notice: entry.change.notice().map(|n| n.number.clone()),
                    reason: format!("entry numbered {} where {expected} was expected", entry.seq),
                });
            }
            ledger.validate(&entry.change)?;
            ledger.state.apply(&entry);
            ledger.log.push(entry);
        }
        Ok(ledger)
    }

    /// Records a whole notice, or nothing of it.
    ///
    /// The notice must have a number not recorded before, at least one
    /// event, a person, organisation and title in every event, and dates
    /// within [`EARLIEST`]..=[`LATEST`]. An effective date before the
    /// signing date is allowed (a resignation takes effect when the letter
    /// arrives). The entry is appended to the store first; only when that
    /// succeeds does the in-memory state change.
    pub fn record(&mut self, notice: Notice) -> Result<Recorded> {
        self.append(Change::Notice(notice))
    }

    /// Declares how many seats a post has, overriding the title lexicon
    /// from now on. The declaration is itself an entry of the log.
    ///
    /// ```
    /// use appointment_ledger::{Ledger, Post, Seats};
    /// let mut ledger = Ledger::new();
    /// let board = Post::new("某集团有限公司", "副总经理");
    /// ledger.declare_seats(board.clone(), Seats::Limit(3))?;
    /// assert_eq!(ledger.seats(&board)?, Seats::Limit(3));
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn declare_seats(&mut self, post: Post, seats: Seats) -> Result<Recorded> {
        self.append(Change::Seats { post, seats })
    }

    fn append(&mut self, change: Change) -> Result<Recorded> {
        self.validate(&change)?;
        let entry = Entry {
            seq: self.next_seq(),
            change,
        };
        if let Some(store) = &mut self.store {
            store.append(&entry)?;
        }
        self.state.apply(&entry);
        let seq = entry.seq;
        self.log.push(entry);
        Ok(Recorded { seq })
    }

    fn next_seq(&self) -> u64 {
        self.log.len() as u64 + 1
    }

    fn validate(&self, change: &Change) -> Result<()> {
        match change {
            Change::Notice(notice) => self.validate_notice(notice),
            Change::Seats { post, seats } => {
                if post.organisation().is_empty() || post.title().is_empty() {
                    return Err(Error::UnknownPost {
                        name: post.to_string(),
                    });
                }
                if *seats == Seats::Limit(0) {
                    return Err(Error::ZeroSeats {
                        post: post.to_string(),
                    });
                }
                Ok(())
            }
        }
    }

    fn validate_notice(&self, notice: &Notice) -> Result<()> {
        if notice.number.trim().is_empty() {
            return Err(Error::UnnumberedNotice {
                signed: notice.signed,
            });
        }
        let number = &notice.number;
        if let Some(seq) = self.state.notice_seq(number) {
            return Err(Error::AlreadyRecorded {
                notice: number.clone(),
                seq,
            });
        }
        check_date(notice.signed, number)?;
        check_date(notice.effective, number)?;
        if let Some(issued) = notice.issued {
            check_date(issued, number)?;
        }
        if notice.events.is_empty() {
            return Err(Error::EmptyNotice {
                notice: number.clone(),
            });
        }
        for event in &notice.events {
            let missing = if event.person.name().is_empty() {
                Some("no person named")
            } else if event.post.organisation().is_empty() {
                Some("no organisation named")
            } else if event.post.title().is_empty() {
                Some("no title named")
            } else {
                None
            };
            if let Some(reason) = missing {
                return Err(Error::InvalidEvent {
                    notice: number.clone(),
                    clause: event.provenance.clause,
                    reason: reason.to_owned(),
                });
            }
        }
        Ok(())
    }

    /// The log, oldest entry first.
    pub fn log(&self) -> &[Entry] {
        &self.log
    }

    /// The recorded notices, in recording order, with their sequence
    /// numbers.
    pub fn notices(&self) -> impl Iterator<Item = (u64, &Notice)> {
        self.log
            .iter()
            .filter_map(|e| e.change.notice().map(|n| (e.seq, n)))
    }

    /// How many entries the log holds.
    pub fn len(&self) -> usize {
        self.log.len()
    }

    /// Whether the log is empty.
    pub fn is_empty(&self) -> bool {
        self.log.is_empty()
    }

    /// Every post the ledger knows, in order of first mention.
    pub fn posts(&self) -> &[Post] {
        self.state.posts()
    }

    /// Every person the ledger knows, in order of first mention.
    pub fn persons(&self) -> &[Person] {
        self.state.persons()
    }

    /// The post's id, from its written name (`济南市槐荫区人民防空办公室主任`,
    /// white space ignored; either name of an organisation with a second
    /// name in parentheses), a [`Post`] or a [`PostId`].
    pub fn find_post(&self, post: impl PostKey) -> Result<PostId> {
        ResolvePost::resolve(&post, &self.state)
    }

    /// The person's id, from a written name (`尹 强`; `李建#A` for a person
    /// given an explicit id), a [`Person`] or a [`PersonId`]. A name that
    /// several people share is [`Error::AmbiguousPerson`].
    pub fn find_person(&self, person: impl PersonKey) -> Result<PersonId> {
        ResolvePerson::resolve(&person, &self.state)
    }

    /// The post with this id, or `None` for an id from another ledger.
    pub fn post(&self, id: PostId) -> Option<&Post> {
        self.state.posts().get(id.0 as usize)
    }

    /// The person with this id, or `None` for an id from another ledger.
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.state.persons().get(id.0 as usize)
    }

    /// How many people can hold the post at once: the last declaration for
    /// it, or else what the title lexicon says.
    pub fn seats(&self, post: impl PostKey) -> Result<Seats> {
        let id = ResolvePost::resolve(&post, &self.state)?;
        Ok(self
            .state
            .seats_override(id)
            .unwrap_or_else(|| self.state.post(id).default_seats()))
    }

    /// Who held `post` on `date`: the holders, each tenure with its start
    /// (possibly unknown) and end; or vacant since a day; or unknown.
    pub fn holders(&self, post: impl PostKey, date: NaiveDate) -> Result<Holding<'_>> {
        let post = ResolvePost::resolve(&post, &self.state)?;
        check_date(date, "query")?;
        Ok(match self.state.post_line(post).on(date) {
            Stab::Held(slots) => Holding::Held(self.tenures(&slots)),
            Stab::Vacant { since, last } => Holding::Vacant {
                since,
                last: self.tenures(&last),
            },
            Stab::Unknown => Holding::Unknown,
        })
    }

    /// The posts `person` held on `date`, in order of start.
    pub fn posts_of(&self, person: impl PersonKey, date: NaiveDate) -> Result<Vec<Tenure<'_>>> {
        let person = ResolvePerson::resolve(&person, &self.state)?;
        check_date(date, "query")?;
        Ok(match self.state.person_line(person).on(date) {
            Stab::Held(slots) => self.tenures(&slots),
            Stab::Vacant { .. } | Stab::Unknown => Vec::new(),
        })
    }

    /// Every tenure of `post`, in order of start.
    pub fn history(&self, post: impl PostKey) -> Result<Vec<Tenure<'_>>> {
        let post = ResolvePost::resolve(&post, &self.state)?;
        Ok(self.tenures(self.state.post_line(post).slots()))
    }

    /// Every tenure of `person`, in order of start.
    pub fn career(&self, person: impl PersonKey) -> Result<Vec<Tenure<'_>>> {
        let person = ResolvePerson::resolve(&person, &self.state)?;
        Ok(self.tenures(self.state.person_line(person).slots()))
    }

    fn tenures(&self, slots: &[Slot]) -> Vec<Tenure<'_>> {
        slots.iter().map(|s| self.tenure(*s)).collect()
    }

    fn tenure(&self, slot: Slot) -> Tenure<'_> {
        let pair = self.state.pair(slot.pair);
        let rec = &pair.tenures[slot.tenure as usize];
        Tenure {
            person: self.state.person(pair.person),
            post: self.state.post(pair.post),
            start: rec.start,
            end: rec.end,
            flags: rec.flags,
            appointed_by: rec.opened.map(|at| self.event_ref(at)),
            removed_by: rec.closed.map(|at| self.event_ref(at)),
        }
    }

    fn event_ref(&self, at: EventAt) -> EventRef<'_> {
        // Every EventAt in the state was made from an entry of this log.
        let entry = &self.log[(at.seq - 1) as usize];
        let (notice, clause, text) = match &entry.change {
            Change::Notice(n) => {
                let event = &n.events[at.index as usize];
                (
                    n.number.as_str(),
                    event.provenance.clause,
                    event.provenance.text.as_str(),
                )
            }
            Change::Seats { .. } => ("", 0, ""),
        };
        EventRef {
            notice,
            seq: at.seq,
            clause,
            text,
        }
    }
}

impl Builder {
    /// Opens the existing ledger file at `path` for reading only and
    /// replays it.
    ///
    /// It takes no lock, so it opens while a writer has the file, and it
    /// never writes: a torn last record is skipped, not cut (see
    /// [`Ledger::recovery`]), and recording is [`Error::ReadOnly`].
    ///
    /// ```
    /// # fn main() -> Result<(), appointment_ledger::Error> {
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// # let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("huaiyin.ledger");
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let notice = |n: u32| Notice::new(&format!("济槐政任〔2022〕{n}号"), day)
    ///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任"));
    ///
    /// let mut writer = Ledger::builder().open(&path)?;
    /// writer.record(notice(4))?;
    /// let mut reader = Ledger::builder().open_read_only(&path)?;
    /// assert_eq!(reader.len(), 1);
    /// let err = reader.record(notice(5)).unwrap_err();
    /// assert!(err.is_read_only());
    /// assert_eq!(reader.len(), 1);
    /// # Ok(())
    /// # }
    /// ```
    pub fn open_read_only(self, path: impl AsRef<Path>) -> Result<Ledger> {
        self.with_store(FileStore::open_read_only(path)?)
    }
}

impl Ledger {
    /// What opening found torn at the end of the ledger file and cut off
    /// (or, read-only, skipped): a record whose append a crash interrupted,
    /// so never an acknowledged notice. `None` when the file was whole.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// Records many notices with one `fsync`: for imports of thousands.
    ///
    /// Every notice is validated as [`Ledger::record`] would, against the
    /// ledger and the notices before it in the batch, before anything is
    /// written; one invalid notice and nothing of the batch is recorded.
    /// Then all are appended to the store, made durable together, and only
    /// then applied. A crash during the write may leave a prefix of the
    /// batch recorded, each notice whole; a notice is never half there.
    ///
    /// Validation runs on a copy of the in-memory state, so a batch costs a
    /// copy of it: batch hundreds or thousands of notices, not one.
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let notice = |n: u32| Notice::new(&format!("济槐政任〔2022〕{n}号"), day)
    ///     .appoint(Person::new(&format!("某{n}")), Post::new("某局", "副局长"));
    /// let mut ledger = Ledger::new();
    /// let recorded = ledger.record_batch((1..=3).map(notice))?;
    /// assert_eq!(recorded.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2, 3]);
    /// // A duplicate inside a batch refuses the whole batch.
    /// let err = ledger.record_batch([notice(4), notice(4)]).unwrap_err();
    /// assert_eq!(err.to_string(), "notice 济槐政任〔2022〕4号 is already recorded (as entry 4)");
    /// assert_eq!(ledger.len(), 3);
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn record_batch(
        &mut self,
        notices: impl IntoIterator<Item = Notice>,
    ) -> Result<Vec<Recorded>> {
        let first = self.log.len();
        // A scratch ledger with no store: `record` there applies exactly
        // the rules a single notice meets, batch neighbours included.
        let mut scratch = Ledger {
            log: std::mem::take(&mut self.log),
            state: self.state.clone(),
            store: None,
            recovery: None,
        };
        let mut recorded = Vec::new();
        let mut failure = None;
        for notice in notices {
            match scratch.record(notice) {
                Ok(r) => recorded.push(r),
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        if failure.is_none()
            && let Some(store) = &mut self.store
            && let Err(e) = store.append_batch(&scratch.log[first..])
        {
            failure = Some(e);
        }
        if let Some(e) = failure {
            scratch.log.truncate(first);
            self.log = scratch.log;
            return Err(e);
        }
        self.log = scratch.log;
        self.state = scratch.state;
        Ok(recorded)
    }
}

mod sealed {
    use crate::error::Result;
    use crate::state::{PersonId, PostId, State};

    /// How a [`PostKey`](super::PostKey) finds its post; not nameable
    /// outside the crate, so nobody else can implement it.
    pub trait ResolvePost {
        fn resolve(&self, state: &State) -> Result<PostId>;
    }

    /// How a [`PersonKey`](super::PersonKey) finds its person.
    pub trait ResolvePerson {
        fn resolve(&self, state: &State) -> Result<PersonId>;
    }
}

use sealed::{ResolvePerson, ResolvePost};

/// Something that names a post: its written name (`&str` or `&String`), a
/// [`&Post`](Post) or a [`PostId`].
pub trait PostKey: ResolvePost {}

/// Something that names a person: a written name (`尹 强`, or `李建#A` with
/// an explicit id), a [`&Person`](Person) or a [`PersonId`].
pub trait PersonKey: ResolvePerson {}

impl<T: ResolvePost> PostKey for T {}
impl<T: ResolvePerson> PersonKey for T {}

impl ResolvePost for PostId {
    fn resolve(&self, state: &State) -> Result<PostId> {
        if (self.0 as usize) < state.posts().len() {
            Ok(*self)
        } else {
            Err(Error::UnknownPost {
                name: format!("#{}", self.0),
            })
        }
    }
}

impl ResolvePost for &Post {
    fn resolve(&self, state: &State) -> Result<PostId> {
        state.post_id(self).ok_or_else(|| Error::UnknownPost {
            name: self.to_string(),
        })
    }
}

impl ResolvePost for &str {
    fn resolve(&self, state: &State) -> Result<PostId> {
        state.post_named(self).ok_or_else(|| Error::UnknownPost {
            name: (*self).to_owned(),
        })
    }
}

impl ResolvePost for &String {
    fn resolve(&self, state: &State) -> Result<PostId> {
        ResolvePost::resolve(&self.as_str(), state)
    }
}

impl ResolvePerson for PersonId {
    fn resolve(&self, state: &State) -> Result<PersonId> {
        if (self.0 as usize) < state.persons().len() {
            Ok(*self)
        } else {
            Err(Error::UnknownPerson {
                name: format!("#{}", self.0),
            })
        }
    }
}

impl ResolvePerson for &Person {
    fn resolve(&self, state: &State) -> Result<PersonId> {
        state.person_id(self).ok_or_else(|| Error::UnknownPerson {
            name: self.to_string(),
        })
    }
}

impl ResolvePerson for &str {
    fn resolve(&self, state: &State) -> Result<PersonId> {
        if let Some((name, id)) = self.split_once('#') {
            return ResolvePerson::resolve(&&Person::with_id(name, id), state);
        }
        match state.persons_named(self) {
            [] => Err(Error::UnknownPerson {
                name: (*self).to_owned(),
            }),
            [one] => Ok(*one),
            several => Err(Error::AmbiguousPerson {
                name: crate::model::normalise(self),
                ids: several
                    .iter()
                    .map(|id| state.person(*id).id().unwrap_or("-").to_owned())
                    .collect(),
            }),
        }
    }
}

impl ResolvePerson for &String {
    fn resolve(&self, state: &State) -> Result<PersonId> {
        ResolvePerson::resolve(&self.as_str(), state)
    }
}
