//! Tenures and the date queries over them.
//!
//! A tenure is the half-open day range `[appointed, removed)` during which a
//! person held a post. This module turns one person's events at one post
//! into tenures, keeps every post's and every person's tenures sorted by
//! start, and answers "who, on day D" by binary search. It is told what
//! happened; it never reads the log or decides whether the record is
//! consistent (that is the conflict checker's job).

use std::fmt;
use std::num::NonZeroU32;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Change, Entry, EventKind, Flags, Person, Post, Provenance};
use crate::state::{PersonId, PostId};

/// When a tenure began.
///
/// As JSON, always an object of the same four keys: `{"kind": "on",
/// "date": "2022-04-24", "after": null, "before": null}` or `{"kind":
/// "unknown", "date": null, "after": null, "before": "2022-05-23"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Start {
    /// On this day, by a recorded appointment.
    On(NaiveDate),
    /// No appointment is recorded: the person held the post from some day
    /// before `before` (and, when known, on or after `after`, the end of
    /// their previous tenure there).
    Unknown {
        /// The latest day it can have begun after.
        after: Option<NaiveDate>,
        /// The day the tenure ended, before which it began.
        before: NaiveDate,
    },
}

impl Start {
    /// The start day, if it is known.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Start::On(d) => Some(d),
            Start::Unknown { .. } => None,
        }
    }

    /// Whether the start is known.
    pub fn is_known(self) -> bool {
        matches!(self, Start::On(_))
    }
}

/// When a tenure ended.
///
/// As JSON, always an object of the same two keys: `{"kind": "on",
/// "date": "2022-05-23"}`, where `date` is the first day the post is no
/// longer held (tenures are half-open), or `{"kind": "open", "date":
/// null}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum End {
    /// Not ended: no removal is recorded.
    Open,
    /// On this day, by a recorded removal; the person no longer holds the
    /// post on this day.
    On(NaiveDate),
}

impl End {
    /// The end day, if the tenure has ended.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            End::On(d) => Some(d),
            End::Open => None,
        }
    }
}

/// The event that began or ended a tenure, or the amendment that corrected
/// it: a handle into the ledger's log, read only when asked.
///
/// A query builds one for every tenure it returns; the notice number and
/// the clause text stay in the log until a caller reads them, so that
/// `holders` costs no more for the provenance it offers.
#[derive(Clone, Copy)]
pub struct EventRef<'a> {
    source: Source<'a>,
}

/// Where an [`EventRef`] reads its parts: the ledger's log in memory, or
/// the strings of an index file.
#[derive(Clone, Copy)]
enum Source<'a> {
    Log { entry: &'a Entry, index: u32 },
    Parts(Parts<'a>),
}

/// The parts of an event reference, as an index file holds them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Parts<'a> {
    pub notice: &'a str,
    pub seq: u64,
    pub clause: u32,
    pub text: &'a str,
}

impl<'a> EventRef<'a> {
    /// The event (or amendment) `index` of `entry`.
    pub(crate) fn new(entry: &'a Entry, index: u32) -> EventRef<'a> {
        EventRef {
            source: Source::Log { entry, index },
        }
    }

    /// A reference made of its parts (read from an index file).
    pub(crate) fn from_parts(parts: Parts<'a>) -> EventRef<'a> {
        EventRef {
            source: Source::Parts(parts),
        }
    }

    fn provenance(&self) -> Option<&'a Provenance> {
        let Source::Log { entry, index } = self.source else {
            return None;
        };
        let index = index as usize;
        match &entry.change {
            Change::Notice(n) => n.events.get(index).map(|e| &e.provenance),
            Change::Correction(c) => c.amendments.get(index).map(|a| &a.provenance),
            Change::Seats { .. } | Change::Alias { .. } => None,
        }
    }

    /// The notice (or correction) number as written.
    pub fn notice(&self) -> &'a str {
        match self.source {
            Source::Log { entry, .. } => match &entry.change {
                Change::Notice(n) => &n.number,
                Change::Correction(c) => &c.number,
                Change::Seats { .. } | Change::Alias { .. } => "",
            },
            Source::Parts(parts) => parts.notice,
        }
    }

    /// The entry's recording sequence number in the ledger.
    pub fn seq(&self) -> u64 {
        match self.source {
            Source::Log { entry, .. } => entry.seq,
            Source::Parts(parts) => parts.seq,
        }
    }

    /// The clause index in the notice, from 1.
    pub fn clause(&self) -> u32 {
        match self.source {
            Source::Log { .. } => self.provenance().map_or(0, |p| p.clause),
            Source::Parts(parts) => parts.clause,
        }
    }

    /// The clause text as written.
    pub fn text(&self) -> &'a str {
        match self.source {
            Source::Log { .. } => self.provenance().map_or("", |p| &*p.text),
            Source::Parts(parts) => parts.text,
        }
    }
}

impl PartialEq for EventRef<'_> {
    /// Two references are equal when they name the same clause of the same
    /// entry, with the same text (whichever ledger holds them).
    fn eq(&self, other: &EventRef<'_>) -> bool {
        (self.seq(), self.notice(), self.clause(), self.text())
            == (other.seq(), other.notice(), other.clause(), other.text())
    }
}

impl Eq for EventRef<'_> {}

impl fmt::Debug for EventRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventRef")
            .field("notice", &self.notice())
            .field("seq", &self.seq())
            .field("clause", &self.clause())
            .field("text", &self.text())
            .finish()
    }
}

impl Serialize for EventRef<'_> {
    /// `{"notice": …, "seq": …, "clause": …, "text": …}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("EventRef", 4)?;
        s.serialize_field("notice", self.notice())?;
        s.serialize_field("seq", &self.seq())?;
        s.serialize_field("clause", &self.clause())?;
        s.serialize_field("text", self.text())?;
        s.end()
    }
}

/// One person's continuous holding of one post, as the ledger knows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tenure<'a> {
    /// Who held it.
    pub person: Person,
    /// Which post.
    pub post: Post,
    /// When it began, or that the beginning is unknown.
    pub start: Start,
    /// When it ended, or that it has not.
    pub end: End,
    /// The flags of the appointment and the removal together.
    pub flags: Flags,
    /// The appointment, if one is recorded.
    pub appointed_by: Option<EventRef<'a>>,
    /// The removal, if one is recorded.
    pub removed_by: Option<EventRef<'a>>,
    /// The corrections that changed the appointment or the removal (the
    /// correcting notice, its clause and text), in recording order.
    pub corrected_by: Vec<EventRef<'a>>,
}

impl Tenure<'_> {
    /// Whether the tenure covers `date`: on or after its start (any day
    /// before the end, if the start is unknown) and before its end.
    pub fn covers(&self, date: NaiveDate) -> bool {
        let (from, until) = bounds(self.start, self.end);
        from <= date && date < until
    }
}

/// An event a correction rescinded: it no longer counts, and no tenure
/// shows it, but the record keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rescinded<'a> {
    /// The event as recorded (its notice, clause and text).
    pub event: EventRef<'a>,
    /// Whether it appointed or removed.
    pub kind: crate::model::EventKind,
    /// The person as written.
    pub person: &'a Person,
    /// The post as written.
    pub post: &'a Post,
    /// The correction that rescinded it (its number, clause and text).
    pub by: EventRef<'a>,
}

impl fmt::Display for Rescinded<'_> {
    /// `济槐政任〔2022〕5号 clause 4 (appoint 陈建防 to …) rescinded by 济槐政任〔2022〕9号 clause 1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let to = match self.kind {
            crate::model::EventKind::Appoint => "to",
            crate::model::EventKind::Remove => "from",
        };
        write!(
            f,
            "{} ({} {} {to} {}) rescinded by {}",
            self.event, self.kind, self.person, self.post, self.by
        )
    }
}

/// Who held a post on a day.
///
/// As JSON, always an object of the same three keys: `{"kind": "held",
/// "since": null, "tenures": [...]}` (the holders), `{"kind": "vacant",
/// "since": "2022-05-23", "tenures": [...]}` (the tenures that ended that
/// day) or `{"kind": "unknown", "since": null, "tenures": []}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holding<'a> {
    /// Held by these people (more than one only for a post with several
    /// seats, or in a record that conflicts), in order of start.
    Held(Vec<Tenure<'a>>),
    /// Nobody: the last recorded holders were removed on `since` and nobody
    /// has been appointed since.
    Vacant {
        /// The day the post fell vacant.
        since: NaiveDate,
        /// The tenures that ended that day.
        last: Vec<Tenure<'a>>,
    },
    /// The ledger knows nothing of the post on that day.
    Unknown,
}

impl<'a> Holding<'a> {
    /// The tenures holding the post, empty when vacant or unknown.
    pub fn holders(&self) -> &[Tenure<'a>] {
        match self {
            Holding::Held(t) => t,
            _ => &[],
        }
    }
}

impl Serialize for Start {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (kind, date, after, before) = match *self {
            Start::On(d) => ("on", Some(d), None, None),
            Start::Unknown { after, before } => ("unknown", None, after, Some(before)),
        };
        Shaped {
            kind,
            date,
            after,
            before,
        }
        .serialize(serializer)
    }
}

/// [`Start`]'s JSON shape.
#[derive(Serialize)]
struct Shaped {
    kind: &'static str,
    date: Option<NaiveDate>,
    after: Option<NaiveDate>,
    before: Option<NaiveDate>,
}

impl Serialize for End {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape {
            kind: &'static str,
            date: Option<NaiveDate>,
        }
        let kind = match self {
            End::On(_) => "on",
            End::Open => "open",
        };
        Shape {
            kind,
            date: self.date(),
        }
        .serialize(serializer)
    }
}

impl Serialize for Holding<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'s, 'a> {
            kind: &'static str,
            since: Option<NaiveDate>,
            tenures: &'s [Tenure<'a>],
        }
        let (kind, since, tenures) = match self {
            Holding::Held(t) => ("held", None, t.as_slice()),
            Holding::Vacant { since, last } => ("vacant", Some(*since), last.as_slice()),
            Holding::Unknown => ("unknown", None, &[][..]),
        };
        Shape {
            kind,
            since,
            tenures,
        }
        .serialize(serializer)
    }
}

impl Holding<'_> {
    /// The answer in words for a post of `seats`: as [`Holding`]'s
    /// `Display` for a post of one seat, and for a post of several, how
    /// many seats are known filled. A post of several seats whose last
    /// recorded holders all left is not known to be empty, only to have no
    /// seat the ledger knows filled; and a post held by one person may have
    /// others the ledger does not record.
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post, Seats};
    /// let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
    /// let deputy = Post::new("济南市槐荫区住房和城乡建设局", "副局长");
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕5号", day(5, 23))
    ///     .remove(Person::new("李书延"), deputy.clone())
    ///     .remove(Person::new("秦蕾"), deputy.clone()))?;
    /// let june = ledger.holders(&deputy, day(6, 1))?;
    /// assert_eq!(
    ///     june.headline(Seats::Several),
    ///     "vacant since 2022-05-23 (李书延, 秦蕾 removed): 0 of several seats known filled"
    /// );
    /// let may = ledger.holders(&deputy, day(5, 1))?;
    /// assert_eq!(
    ///     may.headline(Seats::Limit(3)),
    ///     "held by 李书延, start unknown, until 2022-05-23; 秦蕾, start unknown, \
    ///      until 2022-05-23 (2 of 3 seats known filled)"
    /// );
    /// assert_eq!(may.headline(Seats::ONE), may.to_string());
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn headline(&self, seats: crate::model::Seats) -> String {
        use crate::model::Seats;
        let of = match seats {
            Seats::Limit(1) => return self.to_string(),
            Seats::Limit(n) => n.to_string(),
            Seats::Several => "several".to_owned(),
        };
        match self {
            Holding::Held(tenures) => {
                format!("{self} ({} of {of} seats known filled)", tenures.len())
            }
            Holding::Vacant { .. } => format!("{self}: 0 of {of} seats known filled"),
            Holding::Unknown => self.to_string(),
        }
    }
}

impl fmt::Display for Start {
    /// `2022-04-24`, or `unknown (before 2022-05-23)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Start::On(d) => write!(f, "{d}"),
            Start::Unknown {
                after: None,
                before,
            } => write!(f, "unknown (before {before})"),
            Start::Unknown {
                after: Some(after),
                before,
            } => write!(f, "unknown (after {after}, before {before})"),
        }
    }
}

impl fmt::Display for End {
    /// `2022-05-23`, or `open`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            End::On(d) => write!(f, "{d}"),
            End::Open => f.write_str("open"),
        }
    }
}

impl fmt::Display for EventRef<'_> {
    /// `济槐政任〔2022〕5号 clause 5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} clause {}", self.notice(), self.clause())
    }
}

impl fmt::Display for Tenure<'_> {
    /// One line a clerk reads: `衣连斌, since 2022-04-24, until 2022-05-23
    /// (concurrent)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.person)?;
        match self.start {
            Start::On(d) => write!(f, ", since {d}")?,
            Start::Unknown { .. } => f.write_str(", start unknown")?,
        }
        if let End::On(d) = self.end {
            write!(f, ", until {d}")?;
        }
        if !self.flags.is_empty() {
            write!(f, " ({})", self.flags)?;
        }
        Ok(())
    }
}

impl fmt::Display for Holding<'_> {
    /// `held by 陈建防, since 2022-05-23`, `vacant since 2022-05-23 (李福新
    /// removed)`, or `unknown`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Holding::Held(tenures) => {
                f.write_str("held by ")?;
                for (i, t) in tenures.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{t}")?;
                }
                Ok(())
            }
            Holding::Vacant { since, last } => {
                write!(f, "vacant since {since}")?;
                let names: Vec<String> = last.iter().map(|t| t.person.to_string()).collect();
                if !names.is_empty() {
                    write!(f, " ({} removed)", names.join(", "))?;
                }
                Ok(())
            }
            Holding::Unknown => f.write_str("unknown"),
        }
    }
}

/// The day range `[from, until)` a tenure occupies on a timeline. An
/// unknown start without a lower bound reaches back to the earliest day.
pub(crate) fn bounds(start: Start, end: End) -> (NaiveDate, NaiveDate) {
    let from = match start {
        Start::On(d) => d,
        Start::Unknown { after, .. } => after.unwrap_or(NaiveDate::MIN),
    };
    let until = end.date().unwrap_or(NaiveDate::MAX);
    (from, until)
}

/// Where an event sits in the log: the entry's sequence number and the
/// event's index in its notice.
///
/// The sequence number is held in 32 bits, never zero (entries are
/// numbered from 1, and the ledger refuses one beyond [`u32::MAX`]), so
/// that a tenure's two optional events fit in 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct EventAt {
    pub seq: NonZeroU32,
    pub index: u32,
}

impl EventAt {
    /// The event `index` of the entry numbered `seq` (from 1; a number
    /// outside 1..=`u32::MAX`, which no entry has, is taken as the last).
    pub fn new(seq: u64, index: u32) -> EventAt {
        let seq = u32::try_from(seq).ok().and_then(NonZeroU32::new);
        EventAt {
            seq: seq.unwrap_or(NonZeroU32::MAX),
            index,
        }
    }

    /// The entry's sequence number.
    pub fn seq(self) -> u64 {
        u64::from(self.seq.get())
    }
}

/// One event of one person at one post, reduced to what tenures need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PairEvent {
    pub date: NaiveDate,
    pub kind: EventKind,
    pub flags: Flags,
    pub at: EventAt,
}

impl PairEvent {
    /// Events apply in order of effective date, then recording; inside one
    /// notice removals apply before appointments.
    fn order(&self) -> (NaiveDate, NonZeroU32, u8, u32) {
        let kind = match self.kind {
            EventKind::Remove => 0,
            EventKind::Appoint => 1,
        };
        (self.date, self.at.seq, kind, self.at.index)
    }
}

/// A tenure as stored: dates, flags and where its events are in the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TenureRec {
    pub start: Start,
    pub end: End,
    pub flags: Flags,
    pub opened: Option<EventAt>,
    pub closed: Option<EventAt>,
}

/// Inserts `event` into a pair's events, kept in application order.
pub(crate) fn insert_event(events: &mut Vec<PairEvent>, event: PairEvent) {
    let at = events.partition_point(|e| e.order() <= event.order());
    events.insert(at, event);
}

/// Folds one person's events at one post, in application order, into
/// tenures.
///
/// An appointment opens a tenure unless one is open: then it is a repeat
/// (the conflict checker reports it; the first appointment stands), except
/// that a substantive appointment to a post held as acting (`代`) ends the
/// acting tenure that day and opens the substantive one. A removal closes
/// the open tenure, or, when none is open, records a tenure of unknown
/// start that ends on the removal's day. An event that repeats the one
/// before it (same kind, same day) changes nothing.
///
/// The tenures replace what `tenures` held, in its room: re-deriving a
/// pair reuses the pair's list, and keeps no more room than it uses
/// (shrinking is done in place).
pub(crate) fn derive_tenures(events: &[PairEvent], tenures: &mut Vec<TenureRec>) {
    tenures.clear();
    let mut open: Option<TenureRec> = None;
    let mut previous_end = None;
    let mut previous: Option<&PairEvent> = None;
    for event in events {
        if previous.is_some_and(|p| p.kind == event.kind && p.date == event.date) {
            continue;
        }
        previous = Some(event);
        match event.kind {
            EventKind::Appoint => {
                let opening = TenureRec {
                    start: Start::On(event.date),
                    end: End::Open,
                    flags: event.flags,
                    opened: Some(event.at),
                    closed: None,
                };
                match open.take() {
                    None => open = Some(opening),
                    Some(mut acting) if is_confirmation(&acting, event) => {
                        acting.end = End::On(event.date);
                        tenures.push(acting);
                        previous_end = Some(event.date);
                        open = Some(opening);
                    }
                    Some(held) => open = Some(held),
                }
            }
            EventKind::Remove => {
                let mut tenure = open.take().unwrap_or(TenureRec {
                    start: Start::Unknown {
                        after: previous_end,
                        before: event.date,
                    },
                    end: End::Open,
                    flags: Flags::NONE,
                    opened: None,
                    closed: None,
                });
                tenure.end = End::On(event.date);
                tenure.flags = event.flags.iter().fold(tenure.flags, Flags::with);
                tenure.closed = Some(event.at);
                tenures.push(tenure);
                previous_end = Some(event.date);
            }
        }
    }
    tenures.extend(open);
    if tenures.capacity() > tenures.len() {
        tenures.shrink_to_fit();
    }
}

/// Whether an appointment confirms an acting holder in the post: the open
/// tenure is acting, the appointment is not, and it comes later.
pub(crate) fn is_confirmation(open: &TenureRec, appointment: &PairEvent) -> bool {
    open.flags.contains(crate::model::Flag::Acting)
        && !appointment.flags.contains(crate::model::Flag::Acting)
        && open.start.date().is_some_and(|d| d < appointment.date)
}

/// One tenure on a timeline: where it is stored (the pair and the
/// tenure's index among the pair's tenures) and a copy of the tenure
/// itself, so that a date query reads nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    pub pair: u32,
    pub tenure: u32,
    pub person: PersonId,
    pub post: PostId,
    pub rec: TenureRec,
}

impl Slot {
    /// The first day the tenure occupies on a timeline (see [`bounds`]).
    pub fn from(&self) -> NaiveDate {
        bounds(self.rec.start, self.rec.end).0
    }

    /// The day after the last it occupies (see [`bounds`]).
    pub fn until(&self) -> NaiveDate {
        bounds(self.rec.start, self.rec.end).1
    }

    /// A timeline's order: by start, then end, then where it is stored.
    fn key(&self) -> (NaiveDate, NaiveDate, u32, u32) {
        let (from, until) = bounds(self.rec.start, self.rec.end);
        (from, until, self.pair, self.tenure)
    }
}

/// A slot with the latest end of every slot up to and including it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Row {
    slot: Slot,
    max_until: NaiveDate,
}

/// The tenures of one post (or one person), sorted by start, each with the
/// running maximum of the ends so far, so that a date query stops as soon
/// as no earlier tenure can still be running.
///
/// `F` fences, kept beside the rows' address, split the rows into `F + 1`
/// runs of about equal length by their first days: a date query picks its
/// run from the fences and searches only that run's rows, so that it waits
/// on one or two cache misses, not one per step of a binary search. A
/// post's history is long enough to need them; a person's is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Timeline<const F: usize = 0> {
    rows: Vec<Row>,
    fences: [NaiveDate; F],
}

/// A post's timeline: seven fences.
pub(crate) type PostLine = Timeline<7>;

impl<const F: usize> Default for Timeline<F> {
    fn default() -> Timeline<F> {
        Timeline {
            rows: Vec::new(),
            fences: [NaiveDate::MAX; F],
        }
    }
}

/// The row fence `j` of `fences` stands at, in a timeline of `len` rows.
fn fence_at(j: usize, len: usize, fences: usize) -> usize {
    (j + 1) * len / (fences + 1)
}

/// What a timeline holds on one day, each slot as the query maps it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Stab<T> {
    Held(Vec<T>),
    Vacant { since: NaiveDate, last: Vec<T> },
    Unknown,
}

impl<const F: usize> Timeline<F> {
    /// A timeline of these slots, in any order.
    pub fn from_slots(mut slots: Vec<Slot>) -> Timeline<F> {
        slots.sort_unstable_by_key(Slot::key);
        // From a slice, not in place: rows are larger than slots, and one
        // allocation of the right size beats growing the slots' buffer.
        let mut line = Timeline {
            rows: slots
                .iter()
                .map(|&slot| Row {
                    slot,
                    max_until: slot.until(),
                })
                .collect(),
            fences: [NaiveDate::MAX; F],
        };
        line.recompute_from(0);
        line
    }

    /// Replaces the slots of `pair` with `slots`, keeping the order.
    pub fn replace_pair(&mut self, pair: u32, slots: impl IntoIterator<Item = Slot>) {
        let first_changed = self
            .rows
            .iter()
            .position(|r| r.slot.pair == pair)
            .unwrap_or(self.rows.len());
        self.rows.retain(|r| r.slot.pair != pair);
        self.insert_rows(slots, first_changed);
    }

    /// Replaces the slots `old` (a pair's, as they were placed) with
    /// `new`, keeping the order. Each old slot is found by binary search
    /// on its key, so that re-placing one pair costs its own slots, not
    /// the length of the timeline; slots not found where their key says
    /// (never, when `old` is what was placed) fall back to
    /// [`Timeline::replace_pair`].
    pub fn replace_slots(&mut self, old: &[Slot], new: impl IntoIterator<Item = Slot>) {
        let mut lowest = self.rows.len();
        for slot in old {
            let key = slot.key();
            match self.rows.binary_search_by(|r| r.slot.key().cmp(&key)) {
                Ok(at) if self.rows[at].slot == *slot => {
                    self.rows.remove(at);
                    lowest = lowest.min(at);
                }
                _ => {
                    let pair = slot.pair;
                    self.replace_pair(pair, new);
                    // Rows removed above may sit before what that re-ran.
                    self.recompute_from(lowest.min(self.rows.len()));
                    return;
                }
            }
        }
        self.insert_rows(new, lowest);
    }

    /// Inserts `slots` where their keys place them and recomputes the
    /// running ends from the lowest row changed (`lowest`, or a row
    /// inserted before it).
    fn insert_rows(&mut self, slots: impl IntoIterator<Item = Slot>, mut lowest: usize) {
        let slots = slots.into_iter();
        self.make_room(slots.size_hint().0);
        for slot in slots {
            let at = self.rows.partition_point(|r| r.slot.key() <= slot.key());
            let row = Row {
                slot,
                max_until: slot.until(),
            };
            self.rows.insert(at, row);
            lowest = lowest.min(at);
        }
        self.recompute_from(lowest);
    }

    /// Room for `more` rows. A timeline grows by an eighth, not by
    /// doubling: a replayed ledger's timelines are built at their size,
    /// and most that a notice touches then gain a row or two, so doubling
    /// each would grow a large ledger's memory by half of every timeline
    /// touched (and a large heap grows at the cost of a page fault per
    /// page).
    fn make_room(&mut self, more: usize) {
        let free = self.rows.capacity() - self.rows.len();
        if more > free {
            self.rows.reserve_exact(more.max(self.rows.len() / 8 + 1));
        }
    }

    fn recompute_from(&mut self, from: usize) {
        let mut running = from
            .checked_sub(1)
            .and_then(|i| self.rows.get(i))
            .map_or(NaiveDate::MIN, |r| r.max_until);
        for row in self.rows.iter_mut().skip(from) {
            running = running.max(row.slot.until());
            row.max_until = running;
        }
        let len = self.rows.len();
        for (j, fence) in self.fences.iter_mut().enumerate() {
            *fence = self
                .rows
                .get(fence_at(j, len, F))
                .map_or(NaiveDate::MAX, |r| r.slot.from());
        }
    }

    /// The rows a date query searches: those after the last fence on or
    /// before the day and up to the first after it.
    fn run(&self, date: NaiveDate) -> (usize, usize) {
        let len = self.rows.len();
        let (mut lo, mut hi) = (0, len);
        for (j, fence) in self.fences.iter().enumerate() {
            let at = fence_at(j, len, F);
            if at >= len {
                break;
            }
            if *fence <= date {
                // Every row up to the fence's starts by the day.
                lo = at + 1;
            } else {
                // None from the fence on does.
                hi = at;
                break;
            }
        }
        (lo, hi.max(lo))
    }

    /// Every slot, in order of start, with the latest end of it and every
    /// slot before it.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = (&Slot, NaiveDate)> + '_ {
        self.rows.iter().map(|r| (&r.slot, r.max_until))
    }

    /// Every slot, in order of start.
    pub fn slots(&self) -> impl ExactSizeIterator<Item = &Slot> + '_ {
        self.rows.iter().map(|r| &r.slot)
    }

    /// Whether the timeline holds no tenure.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The slots that cover `date`, or the vacancy or ignorance there, each
    /// slot mapped by `view` (only the slots returned are mapped).
    pub fn on<'a, T>(&'a self, date: NaiveDate, mut view: impl FnMut(&'a Slot) -> T) -> Stab<T> {
        let (lo, hi) = self.run(date);
        stab(&self.rows, lo, hi, date, |row| view(&row.slot))
    }

    /// The slots that cover `date` (those of [`Stab::Held`]), without
    /// allocating: what the conflict checker counts.
    pub fn held_on(&self, date: NaiveDate) -> impl Iterator<Item = &Slot> + '_ {
        let (lo, hi) = self.run(date);
        let rows = match reach(&self.rows, lo, hi, date) {
            Some((rows, _, true)) => rows,
            _ => &[],
        };
        rows.iter()
            .map(|r| &r.slot)
            .filter(move |s| s.until() > date)
    }
}

/// A row of a timeline, wherever it is kept (in memory or in an index
/// file): the day range `[from, until)` it occupies and the latest end of
/// every row up to and including it, rows sorted by `from`.
pub(crate) trait Span {
    /// The first day the row occupies.
    fn from(&self) -> NaiveDate;
    /// The day after the last it occupies.
    fn until(&self) -> NaiveDate;
    /// The latest `until` of this row and every row before it.
    fn max_until(&self) -> NaiveDate;
}

impl Span for Row {
    fn from(&self) -> NaiveDate {
        self.slot.from()
    }

    fn until(&self) -> NaiveDate {
        self.slot.until()
    }

    fn max_until(&self) -> NaiveDate {
        self.max_until
    }
}

/// Where a date query over `date` looks among `rows` (searching from row
/// `lo` to `hi`, which hold every row begun by the day that a search
/// needs): the rows begun by the day, from the first whose running end
/// still reaches the day (or the vacancy) to the last; the latest end
/// among them; and whether that end is after the day (someone holds it).
/// `None` when no row had begun by the day.
fn reach<R: Span>(
    rows: &[R],
    lo: usize,
    hi: usize,
    date: NaiveDate,
) -> Option<(&[R], NaiveDate, bool)> {
    let searched = rows.get(lo..hi)?;
    let started = lo + searched.partition_point(|r| r.from() <= date);
    let latest = started.checked_sub(1).and_then(|i| rows.get(i))?;
    let earlier = rows.get(..started)?;
    // The latest end of any row begun by the day: after the day, someone
    // holds it; otherwise it has been vacant since then.
    let since = latest.max_until();
    let held = since > date;
    // Walk back over the rows whose running end still reaches past the
    // day (or to the vacancy): no earlier row can cover it.
    let reaches = |r: &R| {
        if held {
            r.max_until() > date
        } else {
            r.max_until() >= since
        }
    };
    let mut first = started;
    while first > 0 && earlier.get(first - 1).is_some_and(reaches) {
        first -= 1;
    }
    Some((earlier.get(first..)?, since, held))
}

/// What `rows` (a timeline, sorted by start with running ends) hold on
/// `date`, searching rows `lo..hi` for the day, each row found mapped by
/// `view`: the one date query of the crate, over a timeline in memory and
/// over one in an index file alike.
pub(crate) fn stab<'a, R: Span, T>(
    rows: &'a [R],
    lo: usize,
    hi: usize,
    date: NaiveDate,
    mut view: impl FnMut(&'a R) -> T,
) -> Stab<T> {
    let Some((rows, since, held)) = reach(rows, lo, hi, date) else {
        return Stab::Unknown;
    };
    // One or two rows, as a rule: sized for them, not grown.
    let mut found = Vec::with_capacity(2);
    for row in rows {
        let covers = if held {
            row.until() > date
        } else {
            row.until() == since
        };
        if covers {
            found.push(view(row));
        }
    }
    if held {
        Stab::Held(found)
    } else {
        Stab::Vacant { since, last: found }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, m, day).unwrap()
    }

    fn derived(events: &[PairEvent]) -> Vec<TenureRec> {
        let mut tenures = vec![TenureRec {
            start: Start::On(d(1, 1)),
            end: End::Open,
            flags: Flags::NONE,
            opened: None,
            closed: None,
        }];
        derive_tenures(events, &mut tenures);
        tenures
    }

    fn ev(kind: EventKind, date: NaiveDate, seq: u64, index: u32) -> PairEvent {
        PairEvent {
            date,
            kind,
            flags: Flags::NONE,
            at: EventAt::new(seq, index),
        }
    }

    #[test]
    fn a_removal_without_appointment_has_an_unknown_start() {
        let tenures = derived(&[ev(EventKind::Remove, d(5, 23), 2, 0)]);
        assert_eq!(tenures.len(), 1);
        assert_eq!(
            tenures[0].start,
            Start::Unknown {
                after: None,
                before: d(5, 23)
            }
        );
        assert_eq!(tenures[0].end, End::On(d(5, 23)));
    }

    #[test]
    fn removals_apply_before_appointments_in_one_notice() {
        let mut events = Vec::new();
        insert_event(&mut events, ev(EventKind::Appoint, d(4, 24), 1, 0));
        insert_event(&mut events, ev(EventKind::Appoint, d(5, 23), 2, 5));
        insert_event(&mut events, ev(EventKind::Remove, d(5, 23), 2, 9));
        let tenures = derived(&events);
        assert_eq!(tenures.len(), 2);
        assert_eq!(
            (tenures[0].start, tenures[0].end),
            (Start::On(d(4, 24)), End::On(d(5, 23)))
        );
        assert_eq!(
            (tenures[1].start, tenures[1].end),
            (Start::On(d(5, 23)), End::Open)
        );
    }

    #[test]
    fn a_late_recorded_appointment_joins_its_removal() {
        let mut events = Vec::new();
        insert_event(&mut events, ev(EventKind::Remove, d(5, 23), 1, 0));
        insert_event(&mut events, ev(EventKind::Appoint, d(4, 24), 2, 0));
        let tenures = derived(&events);
        assert_eq!(tenures.len(), 1);
        assert_eq!(
            (tenures[0].start, tenures[0].end),
            (Start::On(d(4, 24)), End::On(d(5, 23)))
        );
    }

    fn slot(from: NaiveDate, until: NaiveDate, pair: u32) -> Slot {
        Slot {
            pair,
            tenure: 0,
            person: PersonId(pair),
            post: PostId(0),
            rec: TenureRec {
                start: Start::On(from),
                end: if until == NaiveDate::MAX {
                    End::Open
                } else {
                    End::On(until)
                },
                flags: Flags::NONE,
                opened: None,
                closed: None,
            },
        }
    }

    #[test]
    fn stabbing_finds_holders_vacancy_and_ignorance() {
        let mut line = PostLine::default();
        line.replace_pair(0, [slot(d(4, 24), d(5, 23), 0)]);
        line.replace_pair(1, [slot(d(5, 23), NaiveDate::MAX, 1)]);
        assert_eq!(line.on(d(4, 1), |s| *s), Stab::Unknown);
        assert_eq!(
            line.on(d(5, 1), |s| *s),
            Stab::Held(vec![slot(d(4, 24), d(5, 23), 0)])
        );
        assert_eq!(
            line.on(d(5, 23), |s| *s),
            Stab::Held(vec![slot(d(5, 23), NaiveDate::MAX, 1)])
        );
        line.replace_pair(1, []);
        assert_eq!(
            line.on(d(6, 1), |s| *s),
            Stab::Vacant {
                since: d(5, 23),
                last: vec![slot(d(4, 24), d(5, 23), 0)]
            }
        );
    }

    /// The fences only narrow the search: a post's timeline answers every
    /// day as a timeline without fences does, at every length, with
    /// unknown starts, built at once or a pair at a time, and after pairs
    /// are taken out.
    #[test]
    fn fences_change_no_answer() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let base = d(1, 1);
        for len in 0..40u32 {
            let slots: Vec<Slot> = (0..len)
                .map(|pair| {
                    let from = base + chrono::Days::new(next(300));
                    let until = if next(5) == 0 {
                        NaiveDate::MAX
                    } else {
                        from + chrono::Days::new(1 + next(120))
                    };
                    let mut made = slot(from, until, pair);
                    // Some starts unknown, bounded or not: they reach back.
                    if until != NaiveDate::MAX && next(6) == 0 {
                        let after = (next(2) == 0).then_some(from);
                        made.rec.start = Start::Unknown {
                            after,
                            before: until,
                        };
                    }
                    made
                })
                .collect();
            let fenced = PostLine::from_slots(slots.clone());
            // The same timeline built a pair at a time, then with every
            // third pair taken out again.
            let mut grown = PostLine::default();
            for s in &slots {
                grown.replace_pair(s.pair, [*s]);
            }
            let kept: Vec<Slot> = slots.iter().copied().filter(|s| s.pair % 3 != 0).collect();
            let mut shrunk = grown.clone();
            for s in slots.iter().filter(|s| s.pair % 3 == 0) {
                shrunk.replace_pair(s.pair, []);
            }
            let plain = Timeline::<0>::from_slots(slots);
            let plain_kept = Timeline::<0>::from_slots(kept);
            for day in 0..440 {
                let day = base + chrono::Days::new(day) - chrono::Days::new(20);
                let want = plain.on(day, |s| *s);
                assert_eq!(fenced.on(day, |s| *s), want, "{len} rows, {day}");
                assert_eq!(grown.on(day, |s| *s), want, "{len} rows grown, {day}");
                let want = plain_kept.on(day, |s| *s);
                assert_eq!(
                    shrunk.on(day, |s| *s),
                    want,
                    "{len} rows less a third, {day}"
                );
            }
        }
    }

    #[test]
    fn a_long_early_tenure_is_still_found() {
        let mut line = PostLine::default();
        line.replace_pair(0, [slot(d(1, 1), NaiveDate::MAX, 0)]);
        line.replace_pair(1, [slot(d(2, 1), d(3, 1), 1)]);
        line.replace_pair(2, [slot(d(3, 1), d(4, 1), 2)]);
        assert_eq!(
            line.on(d(3, 15), |s| *s),
            Stab::Held(vec![
                slot(d(1, 1), NaiveDate::MAX, 0),
                slot(d(3, 1), d(4, 1), 2)
            ])
        );
    }
}
