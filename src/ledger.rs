//! The ledger: an append-only log of notices and the answers folded from it.
//!
//! This module owns the rules of recording: what a notice must satisfy to
//! enter the log, that it enters whole or not at all, and that it is
//! appended to the store before the in-memory state sees it. Queries
//! resolve names and dates here and read the state's timelines.

use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, Utc};

use crate::chains::VacancyChain;
use crate::conflicts::{Examined, Finding, Findings, Log, Severity};
use crate::error::{Error, Result};
use crate::model::{Action, Change, Correction, Entry, Notice, Person, Post, Seats};
use crate::state::{PersonId, PostId, State, Undo};
use crate::store::{FileStore, LogAppend, LogMark, LogRead, Recovery};
use crate::timeline::{EventAt, EventRef, Holding, Rescinded, Slot, Stab, Tenure, TenureRec};

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

pub(crate) fn check_date(date: NaiveDate, context: &str) -> Result<()> {
    if (EARLIEST..=LATEST).contains(&date) {
        Ok(())
    } else {
        Err(Error::DateOutOfRange {
            date,
            context: context.to_owned(),
        })
    }
}

/// What recording an entry produced.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Recorded {
    /// The entry's recording sequence number.
    pub seq: u64,
    /// The findings the entry added (an error finding only outside strict
    /// mode).
    pub findings: Vec<Finding>,
}

/// Sets up a [`Ledger`]: where its log lives, and whether it is strict.
///
/// ```
/// let ledger = appointment_ledger::Ledger::builder().strict(true).in_memory();
/// assert!(ledger.is_empty());
/// assert!(ledger.is_strict());
/// ```
#[derive(Clone, Debug)]
pub struct Builder {
    strict: bool,
    clock: Clock,
}

/// Where a ledger reads the time it stamps entries with.
pub type Clock = fn() -> Option<DateTime<Utc>>;

/// The system's clock.
fn system_clock() -> Option<DateTime<Utc>> {
    Some(DateTime::<Utc>::from(std::time::SystemTime::now()))
}

impl Default for Builder {
    fn default() -> Builder {
        Builder {
            strict: false,
            clock: system_clock,
        }
    }
}

impl Builder {
    /// In strict mode a notice that would add an error finding is refused
    /// whole ([`Error::Refused`]) and nothing of it is recorded. By default
    /// it is recorded and its findings reported: official records are facts
    /// even when they contradict each other.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Builder {
        self.strict = strict;
        self
    }

    /// The clock that stamps each entry's `recorded_at` (the second time
    /// axis). The system clock by default; a clock returning `None` records
    /// no times, which makes two ledgers of the same entries byte-identical.
    #[must_use]
    pub fn clock(mut self, clock: Clock) -> Builder {
        self.clock = clock;
        self
    }

    /// A ledger whose log lives only in memory.
    pub fn in_memory(self) -> Ledger {
        Ledger {
            clock: self.clock,
            log: Vec::new(),
            state: State::default(),
            findings: OnceLock::from(Findings::default()),
            strict: self.strict,
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
        // An entry the store holds whole but the replay refuses (a notice
        // number twice, a notice of no events, a post of zero seats, a
        // date out of range) is damage to what the log means, not a
        // mistake in what the caller asked: it names the record.
        let mut ledger = Ledger::replay(log).map_err(|(seq, notice, e)| {
            let (path, offset) = store.position(seq).unwrap_or_else(|| ("log".to_owned(), 0));
            let reason = match e {
                Error::Corrupt { reason, .. } => reason,
                e => format!("the record is whole but cannot be replayed: {e}"),
            };
            Error::Corrupt {
                path,
                line: seq,
                offset,
                notice,
                reason,
            }
        })?;
        ledger.strict = self.strict;
        ledger.clock = self.clock;
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
    clock: Clock,
    log: Vec<Entry>,
    state: State,
    /// Computed when first asked for (a replayed ledger answers date
    /// queries without them), then kept up to date entry by entry.
    findings: OnceLock<Findings>,
    strict: bool,
    store: Option<Box<dyn Store>>,
    recovery: Option<Recovery>,
}

/// What a ledger keeps its log in: a store it reads and appends to.
trait Store: LogRead + LogAppend + Send + Sync {}

impl<S: LogRead + LogAppend + Send + Sync> Store for S {}

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
        self.log == other.log && self.state == other.state && self.kept() == other.kept()
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
    /// gives, in the default (not strict) mode: what was recorded stays
    /// recorded. Each entry is validated as [`Ledger::record`] would; the
    /// first invalid one is the error.
    ///
    /// The conflict findings are computed in one pass when first needed
    /// (by [`Ledger::findings`], a record, a check): a ledger opened to
    /// answer date queries does not pay for them.
    pub fn from_log(log: Vec<Entry>) -> Result<Ledger> {
        Ledger::replay(log).map_err(|(_, _, e)| e)
    }

    /// [`Ledger::from_log`], with the number and notice of the entry that
    /// failed beside the error.
    fn replay(log: Vec<Entry>) -> Result<Ledger, (u64, Option<String>, Error)> {
        let mut ledger = Ledger::new();
        ledger.log.reserve_exact(log.len());
        // Events are filed first and tenures derived once at the end: the
        // same state as recording entry by entry, for a fraction of the
        // cost.
        ledger.state.begin_bulk();
        for entry in log {
            let expected = ledger.next_seq();
            let notice = || entry.change.notice().map(|n| n.number.clone());
            if entry.seq != expected {
                let error = Error::Corrupt {
                    path: "log".to_owned(),
                    line: expected,
                    offset: 0,
                    notice: notice(),
                    reason: format!("entry numbered {} where {expected} was expected", entry.seq),
                };
                return Err((expected, notice(), error));
            }
            if let Err(e) = ledger.validate(&entry.change) {
                return Err((expected, notice(), e));
            }
            let mut entry = entry;
            if let Change::Notice(notice) = &mut entry.change {
                let (_, undo) = ledger.state.apply_notice(entry.seq, notice);
                ledger.state.share(notice, &undo);
            } else {
                ledger.state.apply(&entry, &ledger.log);
            }
            ledger.log.push(entry);
        }
        ledger.state.finish_bulk();
        // The findings are one pass over every subject when first asked
        // for: less than re-examining what each entry touched, and the
        // same findings.
        ledger.findings = OnceLock::new();
        Ok(ledger)
    }

    /// Records a whole notice, or nothing of it.
    ///
    /// The notice must have a number not recorded before, at least one
    /// event, a person, organisation and title in every event, and dates
    /// within [`EARLIEST`]..=[`LATEST`]. An effective date before the
    /// signing date is allowed (a resignation takes effect when the letter
    /// arrives): the checker re-examines every post and person it touches.
    ///
    /// The notice is checked against the ledger, touching only what it
    /// names; in strict mode a notice that would add an error finding is
    /// refused with [`Error::Refused`]. Then the entry is appended to the
    /// store; if either step fails, the ledger is exactly as it was.
    ///
    /// What a caller may conclude: `Ok`, the notice is durable; any error
    /// but one, it is recorded nowhere, in memory or on disk, and may be
    /// tried again; [`Error::Poisoned`] (a failed write the store could not
    /// cut back), it is not in this ledger but may be in the file, and the
    /// store refuses every later record: drop the ledger and open it
    /// again, then look for the notice before recording it again.
    ///
    /// On a ledger just replayed ([`Ledger::from_log`], or opened from a
    /// file) the first record, check or declaration also computes the
    /// findings, in one pass over the whole ledger; after that each costs
    /// only what it touches.
    pub fn record(&mut self, mut notice: Notice) -> Result<Recorded> {
        let (seq, undo, examined) = self.examine(&notice)?;
        if self.strict {
            let errors: Vec<Finding> = examined
                .new
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .cloned()
                .collect();
            if !errors.is_empty() {
                self.state.undo(undo);
                return Err(Error::Refused {
                    notice: notice.number,
                    findings: errors,
                });
            }
        }
        self.state.share(&mut notice, &undo);
        let entry = Entry {
            seq,
            recorded_at: (self.clock)(),
            change: Change::Notice(notice),
        };
        if let Some(store) = &mut self.store
            && let Err(e) = store.append(&entry)
        {
            self.state.undo(undo);
            return Err(e);
        }
        self.log.push(entry);
        let findings = self.with_findings(|kept, _, _| kept.keep(examined));
        Ok(Recorded { seq, findings })
    }

    /// What recording `notice` would find, without recording it: the
    /// findings it would add, errors, warnings and suggestions alike. The
    /// check touches only the posts and people the notice names, so it
    /// costs what the notice's posts and people hold, not what the ledger
    /// holds (once the findings are computed: see [`Ledger::record`]). The
    /// ledger is left exactly as it was (it is borrowed mutably to look).
    ///
    /// ```
    /// use appointment_ledger::{FindingKind, Ledger, NaiveDate, Notice, Person, Post};
    /// let day = |m| NaiveDate::from_ymd_opt(2022, m, 1).unwrap();
    /// let office = Post::new("某区财政局", "局长");
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("甲〔2022〕1号", day(1)).appoint(Person::new("张三"), office.clone()))?;
    /// let next = Notice::new("甲〔2022〕2号", day(2)).appoint(Person::new("李四"), office);
    /// let found = ledger.check(&next)?;
    /// assert_eq!(found[0].kind, FindingKind::SeatNotVacated);
    /// assert_eq!(ledger.len(), 1);
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn check(&mut self, notice: &Notice) -> Result<Vec<Finding>> {
        let (_, undo, examined) = self.examine(notice)?;
        self.state.undo(undo);
        Ok(examined.new)
    }

    /// Validates `notice`, applies it to the state and examines what it
    /// touched. The caller keeps or undoes the application.
    fn examine(&mut self, notice: &Notice) -> Result<(u64, Undo, Examined)> {
        self.validate_notice(notice)?;
        // The findings before the notice, for it to be compared with.
        self.kept();
        let seq = self.next_seq();
        let (touched, undo) = self.state.apply_notice(seq, notice);
        let log = Log {
            entries: &self.log,
            pending: Some((seq, notice)),
        };
        let examined = self.kept().examine(&self.state, log, &touched);
        Ok((seq, undo, examined))
    }

    /// The findings as kept, computed in one pass the first time.
    fn kept(&self) -> &Findings {
        self.findings.get_or_init(|| {
            let log = Log {
                entries: &self.log,
                pending: None,
            };
            Findings::full(&self.state, log)
        })
    }

    /// Changes the kept findings (computing them first if need be).
    fn with_findings<R>(&mut self, change: impl FnOnce(&mut Findings, &State, Log<'_>) -> R) -> R {
        self.kept();
        let mut kept = std::mem::take(&mut self.findings)
            .into_inner()
            .unwrap_or_default();
        let log = Log {
            entries: &self.log,
            pending: None,
        };
        let out = change(&mut kept, &self.state, log);
        self.findings = OnceLock::from(kept);
        out
    }

    /// Declares that organisation name `name` is another name of
    /// `same_as` (the hospital written two ways in notice 5): from now on
    /// their posts of the same title are one post, in queries and checks.
    /// The declaration is an entry of the log; nothing recorded is
    /// rewritten.
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 5, 23).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕5号", day)
    ///     .appoint(Person::new("赵中华"), Post::new("济南市槐荫区人民医院", "院长"))
    ///     .remove(Person::new("李忠华"), Post::new("济南市槐荫人民医院", "院长")))?;
    /// assert_eq!(ledger.history("济南市槐荫区人民医院院长")?.len(), 1);
    /// ledger.declare_alias("济南市槐荫人民医院", "济南市槐荫区人民医院")?;
    /// let history = ledger.history("济南市槐荫区人民医院院长")?;
    /// let names: Vec<&str> = history.iter().map(|t| t.person.name()).collect();
    /// assert_eq!(names, ["李忠华", "赵中华"]);
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn declare_alias(&mut self, name: &str, same_as: &str) -> Result<Recorded> {
        self.append(Change::Alias {
            name: crate::model::normalise(name),
            same_as: crate::model::normalise(same_as),
        })
    }

    /// Records a correction: a notice that rescinds (撤销) or corrects (更正)
    /// events recorded before. Each amendment must name events that still
    /// count; the correction's number must be new. Corrections are recorded
    /// in strict mode too (they mend the record); the checker re-examines
    /// every post and person they touch.
    ///
    /// ```
    /// use appointment_ledger::{Action, Correction, Holding, Ledger, NaiveDate, Notice, Person, Post, Target};
    /// let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
    /// let office = Post::new("某区财政局", "局长");
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("甲〔2022〕1号", day(5, 1)).appoint(Person::new("王五"), office.clone()))?;
    /// ledger.record_correction(
    ///     Correction::new("甲〔2022〕2号", day(6, 1)).amend(Target::notice("甲〔2022〕1号"), Action::Retract),
    /// )?;
    /// assert_eq!(ledger.holders(&office, day(5, 15))?, Holding::Unknown);
    /// // As known after the first notice, 王五 held it.
    /// let then = ledger.as_known_after("甲〔2022〕1号")?;
    /// assert_eq!(then.holders(&office, day(5, 15))?.holders()[0].person.name(), "王五");
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn record_correction(&mut self, correction: Correction) -> Result<Recorded> {
        self.append(Change::Correction(correction))
    }

    /// The corrections recorded, in recording order, with their sequence
    /// numbers.
    pub fn corrections(&self) -> impl Iterator<Item = (u64, &Correction)> {
        self.log
            .iter()
            .filter_map(|e| e.change.correction().map(|c| (e.seq, c)))
    }

    /// The ledger as it stood right after the notice (or correction)
    /// numbered `number` was recorded: every query asked of it answers "as
    /// known then". Later notices, corrections and declarations are not in
    /// it, even those that backdate a change to before it.
    ///
    /// The view is the fold of the log up to that entry, built in memory
    /// for the question (its cost grows with the entries before it).
    pub fn as_known_after(&self, number: &str) -> Result<Ledger> {
        let seq = self
            .state
            .notice_seq(number.trim())
            .ok_or_else(|| Error::UnknownNotice {
                notice: number.trim().to_owned(),
            })?;
        self.view(seq as usize)
    }

    /// The ledger as recorded before `when` (by each entry's
    /// `recorded_at`): what a clerk would have been told at that moment.
    /// Entries without a time (recorded with a clock that gave none) count
    /// as recorded before any time.
    pub fn as_recorded_before(&self, when: DateTime<Utc>) -> Result<Ledger> {
        let count = self
            .log
            .iter()
            .take_while(|e| e.recorded_at.is_none_or(|t| t < when))
            .count();
        self.view(count)
    }

    /// The fold of the first `count` entries, in memory, in the default
    /// (not strict) mode.
    fn view(&self, count: usize) -> Result<Ledger> {
        let mut view = Ledger::from_log(self.log.get(..count).unwrap_or(&self.log).to_vec())?;
        view.clock = self.clock;
        Ok(view)
    }

    /// Whether the ledger refuses notices that would add an error finding.
    pub fn is_strict(&self) -> bool {
        self.strict
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

    /// Appends a declaration (not a notice): validated, stored, applied.
    fn append(&mut self, change: Change) -> Result<Recorded> {
        self.validate(&change)?;
        // The findings before the entry, for it to be compared with.
        self.kept();
        let entry = Entry {
            seq: self.next_seq(),
            recorded_at: (self.clock)(),
            change,
        };
        if let Some(store) = &mut self.store {
            store.append(&entry)?;
        }
        let touched = self.state.apply(&entry, &self.log);
        let seq = entry.seq;
        self.log.push(entry);
        let findings = self.with_findings(|kept, state, log| kept.update(state, log, &touched));
        Ok(Recorded { seq, findings })
    }

    fn next_seq(&self) -> u64 {
        self.log.len() as u64 + 1
    }

    /// Whether the log has room for one more entry: the state locates
    /// events by a 32-bit entry number.
    fn room(&self) -> Result<()> {
        if self.log.len() >= u32::MAX as usize {
            return Err(Error::Full {
                entries: self.log.len() as u64,
            });
        }
        Ok(())
    }

    fn validate(&self, change: &Change) -> Result<()> {
        self.room()?;
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
            Change::Correction(correction) => self.validate_correction(correction),
            Change::Alias { name, same_as } => {
                if name.is_empty() || same_as.is_empty() || name == same_as {
                    return Err(Error::InvalidAlias {
                        name: name.clone(),
                        same_as: same_as.clone(),
                    });
                }
                Ok(())
            }
        }
    }

    fn validate_correction(&self, correction: &Correction) -> Result<()> {
        let number = &correction.number;
        if number.trim().is_empty() {
            return Err(Error::UnnumberedNotice {
                signed: correction.signed,
            });
        }
        if let Some(seq) = self.state.notice_seq_as_written(number) {
            return Err(Error::AlreadyRecorded {
                notice: number.clone(),
                seq,
            });
        }
        check_date(correction.signed, number)?;
        if correction.amendments.is_empty() {
            return Err(Error::EmptyNotice {
                notice: number.clone(),
            });
        }
        let invalid = |clause: u32, reason: String| Error::InvalidEvent {
            notice: number.clone(),
            clause,
            reason,
        };
        // Amendments apply one after another: one cannot name what an
        // earlier one of the same correction rescinded.
        let mut rescinded_here: Vec<EventAt> = Vec::new();
        for amendment in &correction.amendments {
            let clause = amendment.provenance.clause;
            let target = &amendment.target;
            let Some(seq) = self.state.notice_seq(&target.notice) else {
                return Err(invalid(
                    clause,
                    format!("corrects {}, which is not recorded", target.notice),
                ));
            };
            let is_notice = self
                .log
                .get(seq as usize - 1)
                .is_some_and(|e| e.change.notice().is_some());
            if !is_notice {
                return Err(invalid(
                    clause,
                    format!(
                        "corrects {}, which is not a notice of appointments",
                        target.notice
                    ),
                ));
            }
            let live: Vec<EventAt> = self
                .state
                .live_events(&self.log, target)
                .unwrap_or_default()
                .into_iter()
                .map(|(at, _)| at)
                .filter(|at| !rescinded_here.contains(at))
                .collect();
            if amendment.action == Action::Retract {
                rescinded_here.extend(live.iter().copied());
            }
            if live.is_empty() {
                return Err(invalid(
                    clause,
                    format!("names no event of {} that still counts", target.notice),
                ));
            }
            if let Action::Correct {
                person,
                post,
                effective,
                flags,
            } = &amendment.action
            {
                if person.is_none() && post.is_none() && effective.is_none() && flags.is_none() {
                    return Err(invalid(
                        clause,
                        "corrects nothing (no person, post, date or flags given)".to_owned(),
                    ));
                }
                if person.as_ref().is_some_and(|p| p.name().is_empty()) {
                    return Err(invalid(clause, "no person named".to_owned()));
                }
                if post
                    .as_ref()
                    .is_some_and(|p| p.organisation().is_empty() || p.title().is_empty())
                {
                    return Err(invalid(clause, "no organisation or title named".to_owned()));
                }
                if let Some(date) = effective {
                    check_date(*date, number)?;
                }
            }
        }
        Ok(())
    }

    fn validate_notice(&self, notice: &Notice) -> Result<()> {
        self.room()?;
        if notice.number.trim().is_empty() {
            return Err(Error::UnnumberedNotice {
                signed: notice.signed,
            });
        }
        let number = &notice.number;
        if let Some(seq) = self.state.notice_seq_as_written(number) {
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
            let person = &event.person;
            let missing = if person.name().is_empty() {
                Some("no person named".to_owned())
            } else if person.name().contains('#') {
                // A name that could never be asked for: `#` separates a
                // name from its id (`李建#A`).
                Some(format!(
                    "「{}」: a name may not hold #, which separates a name from its id",
                    person.name()
                ))
            } else if person.id().is_some_and(str::is_empty) {
                Some(format!("{}: an id of only white space", person.name()))
            } else if event.post.organisation().is_empty() {
                Some("no organisation named".to_owned())
            } else if event.post.title().is_empty() {
                Some("no title named".to_owned())
            } else {
                None
            };
            if let Some(reason) = missing {
                return Err(Error::InvalidEvent {
                    notice: number.clone(),
                    clause: event.provenance.clause,
                    reason,
                });
            }
        }
        Ok(())
    }

    /// Every finding the ledger holds now, ordered by the first event each
    /// cites. Kept up to date as entries are recorded: a later notice can
    /// resolve a finding (a removal that makes a seat free) or raise one.
    /// On a just replayed ledger the first call computes them, in one pass.
    pub fn findings(&self) -> Vec<&Finding> {
        self.kept().all()
    }

    /// The findings that cite an event of the notice numbered `number`.
    pub fn findings_for_notice(&self, number: &str) -> Vec<&Finding> {
        let number = number.trim();
        self.kept()
            .all()
            .into_iter()
            .filter(|f| f.events.iter().any(|c| c.notice == number))
            .collect()
    }

    /// The findings about a post.
    pub fn findings_for_post(&self, post: impl PostKey) -> Result<Vec<&Finding>> {
        let post = self.state.post(ResolvePost::resolve(&post, &self.state)?);
        Ok(self
            .kept()
            .all()
            .into_iter()
            .filter(|f| f.posts.contains(post))
            .collect())
    }

    /// The findings about a person.
    pub fn findings_for_person(&self, person: impl PersonKey) -> Result<Vec<&Finding>> {
        let person = self
            .state
            .person(ResolvePerson::resolve(&person, &self.state)?);
        Ok(self
            .kept()
            .all()
            .into_iter()
            .filter(|f| f.persons.contains(person))
            .collect())
    }

    /// Every finding recomputed from scratch over the whole ledger: what
    /// [`Ledger::findings`] keeps incrementally, for an audit (it costs a
    /// pass over everything).
    pub fn recheck(&self) -> Vec<Finding> {
        let log = Log {
            entries: &self.log,
            pending: None,
        };
        Findings::full(&self.state, log)
            .all()
            .into_iter()
            .cloned()
            .collect()
    }

    /// The vacancy chains of one notice (White's *Chains of Opportunity*):
    /// each vacancy, the people who moved into it and the posts they left
    /// in turn, until someone enters from outside or the vacancy stays open.
    ///
    /// ```
    /// use appointment_ledger::{Closing, Ledger, NaiveDate, Notice, Opening, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 5, 23).unwrap();
    /// let office = Post::new("某区新旧动能转换办公室", "主任");
    /// let works = Post::new("某区市政工程服务中心", "主任");
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("某政任〔2022〕5号", day)
    ///     .appoint(Person::new("王左裔"), office.clone())
    ///     .appoint(Person::new("赵海明"), works.clone())
    ///     .remove(Person::new("王东"), office.clone())
    ///     .remove(Person::new("王左裔"), works.clone()))?;
    /// let chains = ledger.vacancy_chains("某政任〔2022〕5号")?;
    /// assert_eq!(chains.len(), 1);
    /// assert_eq!(chains[0].opening, Opening::Exit(Person::new("王东")));
    /// assert_eq!(chains[0].posts, [office, works]);
    /// assert_eq!(chains[0].people, [Person::new("王左裔"), Person::new("赵海明")]);
    /// assert_eq!(chains[0].closing, Closing::Entry);
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn vacancy_chains(&self, notice: &str) -> Result<Vec<VacancyChain>> {
        let number = notice.trim();
        let seq = self
            .state
            .notice_seq(number)
            .ok_or_else(|| Error::UnknownNotice {
                notice: number.to_owned(),
            })?;
        let notice = self.notices().find(|(s, _)| *s == seq).map(|(_, n)| n);
        Ok(crate::chains::chains(&self.state, notice.map(|n| (seq, n))))
    }

    /// The vacancy chains of every notice effective in `from..=to`, each
    /// notice's moves taken together.
    pub fn vacancy_chains_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<VacancyChain>> {
        check_date(from, "query")?;
        check_date(to, "query")?;
        let notices = self
            .notices()
            .filter(|(_, n)| (from..=to).contains(&n.effective));
        Ok(crate::chains::chains(&self.state, notices))
    }

    /// A Graphviz (DOT) picture of a post: everyone who held it, an edge
    /// per tenure labelled with its dates, and the posts people moved to it
    /// from or from it to. Draw it with `dot -Tsvg`.
    pub fn dot_post(&self, post: impl PostKey) -> Result<String> {
        let post = ResolvePost::resolve(&post, &self.state)?;
        Ok(crate::dot::post(&self.state, post))
    }

    /// A Graphviz (DOT) picture of a person and every post they held.
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
    ///     .appoint(Person::new("岳仁强"), Post::new("济南市槐荫区文物局", "局长")))?;
    /// let dot = ledger.dot_person("岳仁强")?;
    /// assert!(dot.starts_with("digraph {"));
    /// assert!(dot.contains("济南市槐荫区文物局局长"));
    /// assert!(dot.contains("2022-04-24 – open"));
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn dot_person(&self, person: impl PersonKey) -> Result<String> {
        let person = ResolvePerson::resolve(&person, &self.state)?;
        Ok(crate::dot::person(&self.state, person))
    }

    /// Every event a correction rescinded, in the order of the log: what
    /// no tenure shows any more, and by which correction.
    pub fn rescinded(&self) -> Vec<Rescinded<'_>> {
        let mut found: Vec<(EventAt, u64)> = self.state.rescinded().collect();
        found.sort_unstable();
        found
            .into_iter()
            .filter_map(|(at, by)| {
                let notice = self
                    .log
                    .get((at.seq() as usize).checked_sub(1)?)?
                    .change
                    .notice()?;
                let event = notice.events.get(at.index as usize)?;
                let index = self
                    .state
                    .amendments_of(at)
                    .iter()
                    .find(|(seq, _)| *seq == by)
                    .map(|(_, i)| *i)?;
                Some(Rescinded {
                    event: self.event_ref(at)?,
                    kind: event.kind,
                    person: &event.person,
                    post: &event.post,
                    by: self.event_ref(EventAt::new(by, index))?,
                })
            })
            .collect()
    }

    /// The rescinded events at a post (as `history` shows its tenures).
    pub fn rescinded_at(&self, post: impl PostKey) -> Result<Vec<Rescinded<'_>>> {
        let id = ResolvePost::resolve(&post, &self.state)?;
        Ok(self
            .rescinded()
            .into_iter()
            .filter(|r| self.state.post_id(r.post) == Some(id))
            .collect())
    }

    /// The rescinded events of a person (as `career` shows their tenures).
    pub fn rescinded_of(&self, person: impl PersonKey) -> Result<Vec<Rescinded<'_>>> {
        let id = ResolvePerson::resolve(&person, &self.state)?;
        Ok(self
            .rescinded()
            .into_iter()
            .filter(|r| self.state.person_id(r.person) == Some(id))
            .collect())
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

    /// The recorded notice numbered `number`, with the entry that recorded
    /// it: white space ignored, and brackets of either width alike
    /// (`济槐政任[2022]5号` is `济槐政任〔2022〕5号`). A number the ledger has
    /// not recorded as a notice is [`Error::UnknownNotice`].
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
    ///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任")))?;
    /// let (entry, notice) = ledger.find_notice("济槐政任[2022]4号")?;
    /// assert_eq!((entry, notice.events.len()), (1, 1));
    /// assert!(ledger.find_notice("济槐政任〔2022〕5号").unwrap_err().is_lookup());
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn find_notice(&self, number: &str) -> Result<(u64, &Notice)> {
        let entry = self.find_entry(number)?;
        entry
            .change
            .notice()
            .map(|n| (entry.seq, n))
            .ok_or_else(|| Error::UnknownNotice {
                notice: number.to_owned(),
            })
    }

    /// The entry that recorded the notice or correction numbered `number`,
    /// as every question, `as_known_after` and a correction's target find
    /// it: white space ignored, brackets of either width alike on both
    /// sides ([`notice_key`](crate::notice_key)); a number written exactly
    /// so is preferred to one that only folds alike. A number the ledger
    /// has not recorded is [`Error::UnknownNotice`].
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任[2022]4号", day)
    ///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任")))?;
    /// assert_eq!(ledger.find_entry("济槐政任〔2022〕4号")?.seq, 1);
    /// assert_eq!(ledger.find_entry("济槐政任 [2022] 4号")?.seq, 1);
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn find_entry(&self, number: &str) -> Result<&Entry> {
        self.state
            .notice_seq(number)
            .and_then(|seq| self.log.get(usize::try_from(seq).ok()?.checked_sub(1)?))
            .ok_or_else(|| Error::UnknownNotice {
                notice: number.to_owned(),
            })
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

    /// The post with this id, or `None` for an id out of this ledger's
    /// range. Ids are small numbers meaningful only in the ledger that gave
    /// them: an id from another ledger may name another post here.
    pub fn post(&self, id: PostId) -> Option<&Post> {
        self.state.posts().get(id.0 as usize)
    }

    /// The person with this id, or `None` for an id out of this ledger's
    /// range (ids are meaningful only in the ledger that gave them).
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
        Ok(
            match self.state.post_line(post).on(date, |s| self.tenure(s)) {
                Stab::Held(tenures) => Holding::Held(tenures),
                Stab::Vacant { since, last } => Holding::Vacant { since, last },
                Stab::Unknown => Holding::Unknown,
            },
        )
    }

    /// The posts `person` held on `date`, in order of start.
    pub fn posts_of(&self, person: impl PersonKey, date: NaiveDate) -> Result<Vec<Tenure<'_>>> {
        let person = ResolvePerson::resolve(&person, &self.state)?;
        check_date(date, "query")?;
        let line = self.state.person_line(person);
        // Only the tenures that cover the day are viewed.
        Ok(match line.on(date, |s| s) {
            Stab::Held(slots) => slots.into_iter().map(|s| self.tenure(s)).collect(),
            Stab::Vacant { .. } | Stab::Unknown => Vec::new(),
        })
    }

    /// Every tenure of `post`, in order of start.
    pub fn history(&self, post: impl PostKey) -> Result<Vec<Tenure<'_>>> {
        let post = ResolvePost::resolve(&post, &self.state)?;
        let line = self.state.post_line(post);
        Ok(line.slots().map(|s| self.tenure(s)).collect())
    }

    /// Every tenure of `person`, in order of start.
    pub fn career(&self, person: impl PersonKey) -> Result<Vec<Tenure<'_>>> {
        let person = ResolvePerson::resolve(&person, &self.state)?;
        let line = self.state.person_line(person);
        Ok(line.slots().map(|s| self.tenure(s)).collect())
    }

    /// The view of the tenure a timeline slot holds: everything it needs is
    /// in the slot, and its events are handles into the log.
    fn tenure(&self, slot: &Slot) -> Tenure<'_> {
        let rec = &slot.rec;
        let corrected_by = self.corrections_of(rec);
        Tenure {
            person: self.state.person(slot.person).clone(),
            post: self.state.post(slot.post).clone(),
            start: rec.start,
            end: rec.end,
            flags: rec.flags,
            appointed_by: rec.opened.and_then(|at| self.event_ref(at)),
            removed_by: rec.closed.and_then(|at| self.event_ref(at)),
            corrected_by,
        }
    }

    /// The amendments that changed a tenure's appointment or removal, in
    /// recording order, each once.
    pub(crate) fn corrections_of(&self, rec: &TenureRec) -> Vec<EventRef<'_>> {
        let mut corrected_by: Vec<EventRef<'_>> = [rec.opened, rec.closed]
            .into_iter()
            .flatten()
            .flat_map(|at| self.state.amendments_of(at).iter())
            .filter_map(|&(seq, index)| self.event_ref(EventAt::new(seq, index)))
            .collect();
        corrected_by.sort_by_key(|e| (e.seq(), e.clause()));
        corrected_by.dedup();
        corrected_by
    }

    /// The fold the ledger answers from.
    pub(crate) fn state(&self) -> &State {
        &self.state
    }

    /// Where the ledger's store says its log ends, when it can say.
    pub(crate) fn mark(&self) -> Result<Option<LogMark>> {
        match &self.store {
            Some(store) => store.mark(),
            None => Ok(None),
        }
    }

    /// A handle on the event (or amendment) `at` of the log; it reads
    /// nothing of the entry until asked.
    pub(crate) fn event_ref(&self, at: EventAt) -> Option<EventRef<'_>> {
        let entry = self.log.get((at.seq() as usize).checked_sub(1)?)?;
        Some(EventRef::new(entry, at.index))
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
    /// Every notice is validated and checked as [`Ledger::record`] would,
    /// against the ledger and the notices before it in the batch, before
    /// anything is written; one invalid notice (or, in strict mode, one
    /// refused) and nothing of the batch is recorded.
    /// Then all are appended to the store, made durable together, and only
    /// then applied. A crash during the write may leave a prefix of the
    /// batch recorded, each notice whole; a notice is never half there.
    /// (A power cut that leaves more than a page of the batch's end as
    /// zeros leaves a [`FileStore`](crate::FileStore) file refused as
    /// [`Error::Corrupt`]: nothing acknowledged is lost, but the zeros look
    /// like records gone, and the file must be mended by hand.)
    /// An error means what it does for [`Ledger::record`]; after
    /// [`Error::Poisoned`] a prefix of the batch may be in the file.
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
            clock: self.clock,
            log: std::mem::take(&mut self.log),
            state: self.state.clone(),
            findings: self.findings.clone(),
            strict: self.strict,
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
        self.findings = scratch.findings;
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
            // An id taken before an alias merged its post names the merged
            // post now.
            Ok(state.canonical(*self))
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
        person_by_name(
            self,
            |name| state.persons_named(name).to_vec(),
            |id| Some(state.person(id).clone()),
        )
    }
}

/// The person `key` names — `name`, `name#id`, or `name#-` for the one of
/// the name without an id — among the people of a ledger or an index: `named` gives the ids of a name's people, `person`
/// a person by id. A name that several people share is
/// [`Error::AmbiguousPerson`], unless the key gives the id.
pub(crate) fn person_by_name(
    key: &str,
    named: impl Fn(&str) -> Vec<PersonId>,
    person: impl Fn(PersonId) -> Option<Person>,
) -> Result<PersonId> {
    if let Some((name, id)) = key.split_once('#') {
        // `-` names the one of the name who has no id, as
        // [`Error::AmbiguousPerson`] lists them.
        let wanted = if id.trim() == "-" {
            Person::new(name)
        } else {
            Person::with_id(name, id)
        };
        return named(wanted.name())
            .into_iter()
            .find(|id| person(*id).as_ref() == Some(&wanted))
            .ok_or_else(|| Error::UnknownPerson {
                name: wanted.to_string(),
            });
    }
    match named(key).as_slice() {
        [] => Err(Error::UnknownPerson {
            name: key.to_owned(),
        }),
        [one] => Ok(*one),
        several => Err(Error::AmbiguousPerson {
            name: crate::model::normalise(key),
            ids: several
                .iter()
                .map(|id| {
                    person(*id)
                        .and_then(|p| p.id().map(str::to_owned))
                        .unwrap_or_else(|| "-".to_owned())
                })
                .collect(),
        }),
    }
}

impl ResolvePerson for &String {
    fn resolve(&self, state: &State) -> Result<PersonId> {
        ResolvePerson::resolve(&self.as_str(), state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Target};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 6, d).unwrap_or_default()
    }

    /// A notice written with half-width brackets is found, corrected and
    /// asked "as known after" by its number typed with full-width ones,
    /// and the other way round: one lookup, brackets folded on both sides.
    #[test]
    fn a_notice_number_folds_alike_on_both_sides() {
        let mut ledger = Ledger::new();
        ledger
            .record(
                Notice::new("某政任[2022]1号", day(1))
                    .appoint(Person::new("张三"), Post::new("某县财政局", "局长")),
            )
            .unwrap();
        ledger
            .record(
                Notice::new("某政任〔2022〕2号", day(2))
                    .appoint(Person::new("李四"), Post::new("某县民政局", "局长")),
            )
            .unwrap();
        for typed in ["某政任〔2022〕1号", "某政任[2022]1号", "某政任［2022］1号 "]
        {
            assert_eq!(ledger.find_notice(typed).unwrap().0, 1, "{typed}");
            assert_eq!(ledger.find_entry(typed).unwrap().seq, 1, "{typed}");
            assert_eq!(ledger.as_known_after(typed).unwrap().len(), 1, "{typed}");
            assert_eq!(ledger.vacancy_chains(typed).unwrap().len(), 1, "{typed}");
        }
        for typed in ["某政任[2022]2号", "某政任〔2022〕2号"] {
            assert_eq!(ledger.find_notice(typed).unwrap().0, 2, "{typed}");
        }
        // A correction naming each with the other brackets finds it.
        let recorded = ledger
            .record_correction(
                Correction::new("某政任[2022]3号", day(3))
                    .amend(Target::notice("某政任〔2022〕1号"), Action::Retract)
                    .amend(Target::notice("某政任[2022]2号"), Action::Retract),
            )
            .unwrap();
        assert_eq!(recorded.seq, 3);
        assert_eq!(ledger.rescinded().len(), 2);
        assert_eq!(ledger.find_entry("某政任〔2022〕3号").unwrap().seq, 3);
        assert_eq!(
            ledger.find_notice("某政任〔2022〕4号").unwrap_err(),
            Error::UnknownNotice {
                notice: "某政任〔2022〕4号".to_owned()
            }
        );
        // The replay finds the targets the same way.
        let again = Ledger::from_log(ledger.log().to_vec()).unwrap();
        assert_eq!(again.rescinded().len(), 2);
    }
}
