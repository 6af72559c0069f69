//! Tenures and the date queries over them.
//!
//! A tenure is the half-open day range `[appointed, removed)` during which a
//! person held a post. This module turns one person's events at one post
//! into tenures, keeps every post's and every person's tenures sorted by
//! start, and answers "who, on day D" by binary search. It is told what
//! happened; it never reads the log or decides whether the record is
//! consistent (that is the conflict checker's job).

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{EventKind, Flags, Person, Post};

/// When a tenure began.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// The event that began or ended a tenure, as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EventRef<'a> {
    /// The notice number as written.
    pub notice: &'a str,
    /// The entry's recording sequence number in the ledger.
    pub seq: u64,
    /// The clause index in the notice, from 1.
    pub clause: u32,
    /// The clause text as written.
    pub text: &'a str,
}

/// One person's continuous holding of one post, as the ledger knows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tenure<'a> {
    /// Who held it.
    pub person: &'a Person,
    /// Which post.
    pub post: &'a Post,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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
        write!(f, "{} clause {}", self.notice, self.clause)
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct EventAt {
    pub seq: u64,
    pub index: u32,
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
    fn order(&self) -> (NaiveDate, u64, u8, u32) {
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
pub(crate) fn derive_tenures(events: &[PairEvent]) -> Vec<TenureRec> {
    let mut tenures = Vec::new();
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
    tenures
}

/// Whether an appointment confirms an acting holder in the post: the open
/// tenure is acting, the appointment is not, and it comes later.
pub(crate) fn is_confirmation(open: &TenureRec, appointment: &PairEvent) -> bool {
    open.flags.contains(crate::model::Flag::Acting)
        && !appointment.flags.contains(crate::model::Flag::Acting)
        && open.start.date().is_some_and(|d| d < appointment.date)
}

/// One tenure's place on a timeline: its day range and where it is stored
/// (the pair and the tenure's index among the pair's tenures).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Slot {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub pair: u32,
    pub tenure: u32,
}

/// The tenures of one post (or one person), sorted by start, with the
/// running maximum of their ends so that a date query stops as soon as no
/// earlier tenure can still be running.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Timeline {
    slots: Vec<Slot>,
    max_until: Vec<NaiveDate>,
}

/// What a timeline holds on one day, as slots.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Stab {
    Held(Vec<Slot>),
    Vacant { since: NaiveDate, last: Vec<Slot> },
    Unknown,
}

impl Timeline {
    /// A timeline of these slots, in any order.
    pub fn from_slots(mut slots: Vec<Slot>) -> Timeline {
        slots.sort_unstable();
        let mut line = Timeline {
            slots,
            max_until: Vec::new(),
        };
        line.recompute_from(0);
        line
    }

    /// Replaces the slots of `pair` with `slots`, keeping the order.
    pub fn replace_pair(&mut self, pair: u32, slots: impl IntoIterator<Item = Slot>) {
        let first_changed = self
            .slots
            .iter()
            .position(|s| s.pair == pair)
            .unwrap_or(self.slots.len());
        self.slots.retain(|s| s.pair != pair);
        let mut lowest = first_changed;
        for slot in slots {
            let at = self.slots.partition_point(|s| *s <= slot);
            self.slots.insert(at, slot);
            lowest = lowest.min(at);
        }
        self.recompute_from(lowest);
    }

    fn recompute_from(&mut self, from: usize) {
        self.max_until.truncate(from);
        let mut running = from
            .checked_sub(1)
            .and_then(|i| self.max_until.get(i).copied())
            .unwrap_or(NaiveDate::MIN);
        for slot in &self.slots[from..] {
            running = running.max(slot.until);
            self.max_until.push(running);
        }
    }

    /// Every slot, in order of start.
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The slots that cover `date`, or the vacancy or ignorance there.
    pub fn on(&self, date: NaiveDate) -> Stab {
        let started = self.slots.partition_point(|s| s.from <= date);
        if started == 0 {
            return Stab::Unknown;
        }
        let mut held = Vec::new();
        let mut i = started;
        while i > 0 && self.max_until[i - 1] > date {
            i -= 1;
            if self.slots[i].until > date {
                held.push(self.slots[i]);
            }
        }
        if !held.is_empty() {
            held.reverse();
            return Stab::Held(held);
        }
        let since = self.max_until[started - 1];
        let mut last: Vec<Slot> = self.slots[..started]
            .iter()
            .rev()
            .zip(self.max_until[..started].iter().rev())
            .take_while(|(_, max)| **max >= since)
            .filter(|(s, _)| s.until == since)
            .map(|(s, _)| *s)
            .collect();
        last.reverse();
        Stab::Vacant { since, last }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, m, day).unwrap()
    }

    fn ev(kind: EventKind, date: NaiveDate, seq: u64, index: u32) -> PairEvent {
        PairEvent {
            date,
            kind,
            flags: Flags::NONE,
            at: EventAt { seq, index },
        }
    }

    #[test]
    fn a_removal_without_appointment_has_an_unknown_start() {
        let tenures = derive_tenures(&[ev(EventKind::Remove, d(5, 23), 2, 0)]);
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
        let tenures = derive_tenures(&events);
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
        let tenures = derive_tenures(&events);
        assert_eq!(tenures.len(), 1);
        assert_eq!(
            (tenures[0].start, tenures[0].end),
            (Start::On(d(4, 24)), End::On(d(5, 23)))
        );
    }

    fn slot(from: NaiveDate, until: NaiveDate, pair: u32) -> Slot {
        Slot {
            from,
            until,
            pair,
            tenure: 0,
        }
    }

    #[test]
    fn stabbing_finds_holders_vacancy_and_ignorance() {
        let mut line = Timeline::default();
        line.replace_pair(0, [slot(d(4, 24), d(5, 23), 0)]);
        line.replace_pair(1, [slot(d(5, 23), NaiveDate::MAX, 1)]);
        assert_eq!(line.on(d(4, 1)), Stab::Unknown);
        assert_eq!(
            line.on(d(5, 1)),
            Stab::Held(vec![slot(d(4, 24), d(5, 23), 0)])
        );
        assert_eq!(
            line.on(d(5, 23)),
            Stab::Held(vec![slot(d(5, 23), NaiveDate::MAX, 1)])
        );
        line.replace_pair(1, []);
        assert_eq!(
            line.on(d(6, 1)),
            Stab::Vacant {
                since: d(5, 23),
                last: vec![slot(d(4, 24), d(5, 23), 0)]
            }
        );
    }

    #[test]
    fn a_long_early_tenure_is_still_found() {
        let mut line = Timeline::default();
        line.replace_pair(0, [slot(d(1, 1), NaiveDate::MAX, 0)]);
        line.replace_pair(1, [slot(d(2, 1), d(3, 1), 1)]);
        line.replace_pair(2, [slot(d(3, 1), d(4, 1), 2)]);
        assert_eq!(
            line.on(d(3, 15)),
            Stab::Held(vec![
                slot(d(1, 1), NaiveDate::MAX, 0),
                slot(d(3, 1), d(4, 1), 2)
            ])
        );
    }
}
