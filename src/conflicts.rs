//! The conflict checker: what in the record does not add up.
//!
//! Every consistency rule lives here, each a function of one subject of the
//! graph — a `Holds` edge (one person's events at one post), a post, a
//! person, or a group of organisation names that may be one — so that
//! recording a notice re-examines only the subjects it touched and the
//! result equals a full recheck. The post and person rules read the node's
//! timeline, its edges' tenures sorted by date, so that re-examining a post
//! reads one run of memory, not each edge's record; an edge's own events
//! are read by its own rule when they change, and by the post rule only
//! for a tenure it is about to report. Findings are
//! information about official records, which are facts even when
//! inconsistent: this module reports, it never changes what was recorded.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::alias;
use crate::jurisdiction::{self, Place};
use crate::model::{Entry, EventKind, Flag, Notice, Person, Post, Seats};
use crate::state::{OrgId, PersonId, PostId, State, Touched};
use crate::timeline::{EventAt, PairEvent, Slot};

/// What kind of inconsistency a finding reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Appointed to a post whose seats were all held and not vacated first.
    SeatNotVacated,
    /// Removed from a post the ledger records someone else holding, or that
    /// the person had already left.
    RemovingNonHolder,
    /// Appointed to a post the person already holds.
    AlreadyHolding,
    /// A non-concurrent appointment to a principal post while the person
    /// still holds another principal post (a warning).
    SecondPrincipalPost,
    /// A removal dated before the appointment it would end.
    EndsBeforeStart,
    /// An event stated twice, in one notice or in two.
    RepeatedEvent,
    /// Two organisation names that probably mean one organisation (a
    /// suggestion to confirm with an alias).
    ProbableAlias,
    /// One name (a person without an id, or one name and id) whose
    /// tenures cannot or can hardly be one person's: held at once in two
    /// places of one level, or principal posts of two unrelated
    /// organisations at once, neither concurrent (a suggestion to confirm
    /// by giving the two people ids).
    ProbableNamesakes,
}

impl FindingKind {
    /// How serious findings of this kind are.
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::SecondPrincipalPost => Severity::Warning,
            FindingKind::ProbableAlias | FindingKind::ProbableNamesakes => Severity::Suggestion,
            _ => Severity::Error,
        }
    }

    /// The kind's name as a clerk reads it: `seat not vacated`.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::SeatNotVacated => "seat not vacated",
            FindingKind::RemovingNonHolder => "removing a non-holder",
            FindingKind::AlreadyHolding => "already holding",
            FindingKind::SecondPrincipalPost => "second principal post",
            FindingKind::EndsBeforeStart => "tenure ends before it starts",
            FindingKind::RepeatedEvent => "repeated event",
            FindingKind::ProbableAlias => "probable alias",
            FindingKind::ProbableNamesakes => "probable namesakes",
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How serious a finding is. Strict mode refuses notices that would add an
/// error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The record contradicts itself.
    Error,
    /// Unusual enough to look at.
    Warning,
    /// A possibility for a user to confirm.
    Suggestion,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        })
    }
}

/// An event a finding is about, as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Cited {
    /// The notice number.
    pub notice: String,
    /// The entry's recording sequence number.
    pub seq: u64,
    /// The clause index in the notice, from 1.
    pub clause: u32,
    /// The clause text as written.
    pub text: String,
}

impl fmt::Display for Cited {
    /// `济槐政任〔2022〕5号 clause 5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} clause {}", self.notice, self.clause)
    }
}

/// One inconsistency in the record, with the events involved and one
/// sentence a clerk understands.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Finding {
    /// What kind of inconsistency.
    pub kind: FindingKind,
    /// How serious (follows from the kind).
    pub severity: Severity,
    /// The sentence, naming notices, clauses, people, posts and dates.
    pub message: String,
    /// The events involved, the one that raised the finding first.
    pub events: Vec<Cited>,
    /// The posts involved.
    pub posts: Vec<Post>,
    /// The people involved.
    pub persons: Vec<Person>,
    /// How many more holders (or posts) the finding counts without citing
    /// them: a seat found taken by a long line of holders cites the latest
    /// of them and counts the rest, so that a finding's size does not grow
    /// with the history it is about. `0` for most findings.
    pub uncited: usize,
}

impl fmt::Display for Finding {
    /// `error: seat not vacated: 济槐政任〔2022〕6号 clause 3 appoints …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.severity, self.kind, self.message)
    }
}

/// The log as the checker reads it: the recorded entries and, while a
/// notice is being checked, that notice.
#[derive(Clone, Copy)]
pub(crate) struct Log<'a> {
    pub entries: &'a [Entry],
    pub pending: Option<(u64, &'a Notice)>,
}

impl<'a> Log<'a> {
    fn notice(&self, seq: u64) -> Option<&'a Notice> {
        match self.pending {
            Some((pending, notice)) if pending == seq => Some(notice),
            _ => self
                .entries
                .get(usize::try_from(seq).ok()?.checked_sub(1)?)
                .and_then(|e| e.change.notice()),
        }
    }

    fn cite(&self, at: EventAt) -> Cited {
        let notice = self.notice(at.seq());
        let event = notice.and_then(|n| n.events.get(at.index as usize));
        Cited {
            notice: notice.map(|n| n.number.clone()).unwrap_or_default(),
            seq: at.seq(),
            clause: event.map_or(0, |e| e.provenance.clause),
            text: event
                .map(|e| e.provenance.text.to_string())
                .unwrap_or_default(),
        }
    }
}

/// Whose findings a list holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Subject {
    /// One person's events at one post.
    Pair(u32),
    Post(PostId),
    Person(PersonId),
    /// Organisation names sharing an alias key.
    Names(String),
}

/// The outcome of re-examining some subjects, not yet kept.
#[derive(Debug, Default)]
pub(crate) struct Examined {
    subjects: Vec<(Subject, Vec<Finding>)>,
    /// The findings that were not there before.
    pub new: Vec<Finding>,
}

/// The findings of a ledger, kept per subject.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Findings {
    by_subject: BTreeMap<Subject, Vec<Finding>>,
}

impl Findings {
    /// Every finding of every subject, from scratch.
    pub fn full(state: &State, log: Log<'_>) -> Findings {
        let mut findings = Findings::default();
        let touched = Touched {
            pairs: state.linked_pairs().collect(),
            posts: state.canonical_posts().collect(),
            persons: (0..state.persons().len() as u32).map(PersonId).collect(),
            orgs: (0..state.org_count() as u32).map(OrgId).collect(),
        };
        findings.update(state, log, &touched);
        findings
    }

    /// Re-examines what an entry touched and keeps the result; returns
    /// the findings that are new.
    pub fn update(&mut self, state: &State, log: Log<'_>, touched: &Touched) -> Vec<Finding> {
        let examined = self.examine(state, log, touched);
        self.keep(examined)
    }

    /// Re-examines what an entry touched without keeping anything.
    pub fn examine(&self, state: &State, log: Log<'_>, touched: &Touched) -> Examined {
        let mut examined = Examined::default();
        let mut refresh = |subject: Subject, now: Vec<Finding>| {
            let before = self.by_subject.get(&subject).map_or(&[][..], Vec::as_slice);
            // A subject's findings are few, as a rule, and compared in
            // place; a post's long history is compared through a set, so
            // that the comparison does not cost the square of its length.
            if before.len() <= 8 {
                examined
                    .new
                    .extend(now.iter().filter(|f| !before.contains(f)).cloned());
            } else {
                let before: std::collections::HashSet<&Finding, foldhash::fast::RandomState> =
                    before.iter().collect();
                examined
                    .new
                    .extend(now.iter().filter(|f| !before.contains(f)).cloned());
            }
            examined.subjects.push((subject, now));
        };
        for &pair in &touched.pairs {
            refresh(Subject::Pair(pair), pair_findings(state, log, pair));
        }
        for &post in &touched.posts {
            if state.canonical(post) == post {
                refresh(Subject::Post(post), post_findings(state, log, post));
            } else {
                refresh(Subject::Post(post), Vec::new());
            }
        }
        for &person in &touched.persons {
            refresh(Subject::Person(person), person_findings(state, log, person));
        }
        // Each pair of names that may be one belongs to one subject: the own
        // key of the shorter (or prefix-less) one.
        let mut keys = std::collections::BTreeSet::new();
        for org in &touched.orgs {
            let (own, rest) = state.org_keys(*org);
            keys.insert(own);
            keys.extend(rest);
        }
        for key in keys {
            let findings = alias_findings(state, log, key);
            refresh(Subject::Names(key.to_owned()), findings);
        }
        sort(&mut examined.new);
        // A pair of names can sit under two keys.
        examined.new.dedup();
        examined
    }

    /// Keeps what [`Findings::examine`] found; returns the new findings.
    pub fn keep(&mut self, examined: Examined) -> Vec<Finding> {
        for (subject, now) in examined.subjects {
            if now.is_empty() {
                self.by_subject.remove(&subject);
            } else {
                self.by_subject.insert(subject, now);
            }
        }
        examined.new
    }

    /// Every finding, ordered by the first event cited, then kind.
    pub fn all(&self) -> Vec<&Finding> {
        let mut all: Vec<&Finding> = self.by_subject.values().flatten().collect();
        all.sort_by(|a, b| order(a).cmp(&order(b)));
        all.dedup();
        all
    }
}

fn order(f: &Finding) -> (u64, u32, FindingKind, &str) {
    let first = f.events.first();
    (
        first.map_or(u64::MAX, |c| c.seq),
        first.map_or(0, |c| c.clause),
        f.kind,
        &f.message,
    )
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| order(a).cmp(&order(b)));
}

/// Builds findings with names and citations resolved.
struct Report<'a> {
    state: &'a State,
    log: Log<'a>,
    out: Vec<Finding>,
}

impl<'a> Report<'a> {
    fn add(
        &mut self,
        kind: FindingKind,
        message: String,
        events: &[EventAt],
        posts: &[PostId],
        persons: &[PersonId],
        uncited: usize,
    ) {
        self.out.push(Finding {
            kind,
            severity: kind.severity(),
            message,
            events: events.iter().map(|at| self.log.cite(*at)).collect(),
            posts: posts.iter().map(|p| self.state.post(*p).clone()).collect(),
            persons: persons
                .iter()
                .map(|p| self.state.person(*p).clone())
                .collect(),
            uncited,
        });
    }

    fn cite(&self, at: EventAt) -> String {
        self.log.cite(at).to_string()
    }
}

fn verb(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Appoint => "appoints",
        EventKind::Remove => "removes",
    }
}

/// The findings about one post: its seats over time. The rule reads the
/// post's timeline, which holds a copy of every tenure there, and looks at
/// a pair's own record only for a tenure it is about to report.
///
/// The seats are counted by one sweep over the tenures in order of start
/// (see [`collisions`]), not by asking who held the post on each start
/// day: at a post appointed again and again without removals every
/// earlier tenure is still running, and asking would cost the length of
/// the history for each tenure.
fn post_findings(state: &State, log: Log<'_>, post: PostId) -> Vec<Finding> {
    let mut report = Report {
        state,
        log,
        out: Vec::new(),
    };
    let seats = state
        .seats_override(post)
        .unwrap_or_else(|| state.post(post).default_seats());
    let line = state.post_line(post);
    let name = state.post(post);
    // Whether a removal is one that `pair_findings` reports as ending
    // before it starts, which no rule here should report again.
    let ends_before = |pair: u32, at: EventAt| {
        ends_before_start(&state.pair(pair).events)
            .iter()
            .any(|(removal, _)| removal.at == at)
    };
    let slots: Vec<&Slot> = line.slots().collect();
    let collided = match seats {
        Seats::Limit(limit) => collisions(&slots, usize::from(limit)),
        Seats::Several => Vec::new(),
    };
    for (i, slot) in slots.iter().enumerate() {
        let (pair, tenure) = (slot.pair, slot.rec);
        let who = state.person(slot.person);
        // Removed again after leaving: whatever the seats.
        if let Some(at) = tenure.closed
            && let Some(prev) = left_before(state, slot)
        {
            if !ends_before(pair, at) {
                report.add(
                    FindingKind::RemovingNonHolder,
                    format!(
                        "{} removes {who} from {name}, but {who} already left it on {} ({})",
                        report.cite(at),
                        prev.1,
                        report.cite(prev.0)
                    ),
                    &[at, prev.0],
                    &[post],
                    &[slot.person],
                    0,
                );
            }
            continue;
        }
        // Several seats: nothing more to count.
        let Seats::Limit(limit) = seats else {
            continue;
        };
        let limit = usize::from(limit);
        match (tenure.start, tenure.opened, tenure.closed) {
            (crate::timeline::Start::On(_), Some(at), _) => {
                let Some(collision) = collided.get(i).copied().flatten() else {
                    continue;
                };
                if tenure.closed.is_some_and(|c| ends_before(pair, c)) {
                    continue;
                }
                let holder = collision.latest;
                let since = holder
                    .rec
                    .start
                    .date()
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                let by = holder
                    .rec
                    .opened
                    .map(|o| format!(" ({})", report.cite(o)))
                    .unwrap_or_default();
                let rest = match collision.others - 1 {
                    0 => String::new(),
                    1 => "; 1 other holder there was not removed either".to_owned(),
                    n => format!("; {n} other holders there were not removed either"),
                };
                let mut events = vec![at];
                events.extend(holder.rec.opened);
                report.add(
                    FindingKind::SeatNotVacated,
                    format!(
                        "{} appoints {who} to {name}, which {} holds since {since}{by} and was not removed{rest}",
                        report.cite(at),
                        state.person(holder.person),
                    ),
                    &events,
                    &[post],
                    &[slot.person, holder.person],
                    collision.others - 1,
                );
            }
            (crate::timeline::Start::Unknown { before, .. }, _, Some(at)) => {
                let Some(eve) = before.pred_opt() else {
                    continue;
                };
                // The others known to hold the post on the eve; the first of
                // them is named, and no more are counted than the seats.
                let mut others = line
                    .held_on(eve)
                    .filter(move |s| s.pair != pair && s.rec.start.is_known());
                let Some(other) = others.next() else {
                    continue;
                };
                if 1 + others.take(limit).count() < limit || ends_before(pair, at) {
                    continue;
                }
                let holder = state.person(other.person);
                let t = other.rec;
                let since = t.start.date().map(|d| d.to_string()).unwrap_or_default();
                let mut events = vec![at];
                events.extend(t.opened);
                report.add(
                    FindingKind::RemovingNonHolder,
                    format!(
                        "{} removes {who} from {name}, which the ledger records {holder} holding since {since}{}",
                        report.cite(at),
                        t.opened.map(|o| format!(" ({})", report.cite(o))).unwrap_or_default()
                    ),
                    &events,
                    &[post],
                    &[slot.person, other.person],
                    0,
                );
            }
            _ => {}
        }
    }
    report.out
}

/// A tenure that found the seats of its post taken: how many others of
/// known start held the post on its first day, and the latest of them to
/// begin (the holder it collides with).
#[derive(Clone, Copy)]
struct Collision<'a> {
    others: usize,
    latest: &'a Slot,
}

/// For each slot of a post's timeline (in its order), the collision its
/// appointment makes at a post of `limit` seats, if any: the others of
/// known start holding the post on its start day that began before it (on
/// an earlier day, or on that day by an earlier written event), when they
/// are `limit` or more.
///
/// One sweep in order of start keeps the tenures still running: a tenure
/// enters when it begins and leaves on its first day after it ends, so the
/// whole post costs O(n log n), whatever overlaps.
fn collisions<'a>(slots: &[&'a Slot], limit: usize) -> Vec<Option<Collision<'a>>> {
    use std::collections::{BTreeMap, BTreeSet};
    type Key = (Option<NaiveDate>, Option<EventAt>, u32, u32);
    let key = |s: &Slot| (s.rec.start.date(), s.rec.opened, s.pair, s.tenure);
    let mut order: Vec<usize> = (0..slots.len())
        .filter(|&i| slots[i].rec.start.is_known())
        .collect();
    order.sort_unstable_by_key(|&i| key(slots[i]));
    let mut found = vec![None; slots.len()];
    // The running tenures by start, and by the day after they end.
    let mut running: BTreeMap<Key, &Slot> = BTreeMap::new();
    let mut ending: BTreeSet<(NaiveDate, Key)> = BTreeSet::new();
    // How many running tenures each pair has (a pair's own earlier tenure
    // is not another holder).
    let mut own: foldhash::HashMap<u32, usize> = foldhash::HashMap::default();
    for i in order {
        let slot = slots[i];
        let Some(day) = slot.rec.start.date() else {
            continue;
        };
        while let Some(&(until, k)) = ending.first()
            && until <= day
        {
            ending.pop_first();
            if let Some(gone) = running.remove(&k)
                && let Some(n) = own.get_mut(&gone.pair)
            {
                *n -= 1;
            }
        }
        let mine = own.get(&slot.pair).copied().unwrap_or(0);
        let others = running.len() - mine;
        if others >= limit && slot.rec.opened.is_some() {
            // The latest other to begin: a pair's own tenures are few.
            if let Some(latest) = running.values().rev().find(|s| s.pair != slot.pair) {
                found[i] = Some(Collision { others, latest });
            }
        }
        let k = key(slot);
        running.insert(k, slot);
        ending.insert((slot.until(), k));
        *own.entry(slot.pair).or_insert(0) += 1;
    }
    found
}

/// The removal that ended the person's previous tenure at the post, when
/// `slot`'s tenure has an unknown start bounded by it (they had already
/// left).
fn left_before(state: &State, slot: &Slot) -> Option<(EventAt, NaiveDate)> {
    let crate::timeline::Start::Unknown { after: Some(_), .. } = slot.rec.start else {
        return None;
    };
    let previous = slot.tenure.checked_sub(1)?;
    let previous = state.pair(slot.pair).tenures.get(previous as usize)?;
    Some((previous.closed?, previous.end.date()?))
}

/// Findings from one person's events at one post alone: repeats, an
/// appointment while already holding, a removal dated before the
/// appointment it ends.
fn pair_findings(state: &State, log: Log<'_>, pair: u32) -> Vec<Finding> {
    let record = state.pair(pair);
    let (person, post, events) = (record.person, record.post, &record.events[..]);
    let mut report = Report {
        state,
        log,
        out: Vec::new(),
    };
    let (who, name) = (state.person(person), state.post(post));
    let mut open: Option<PairEvent> = None;
    let mut previous: Option<PairEvent> = None;
    for event in events {
        if let Some(prev) = previous.filter(|p| p.kind == event.kind && p.date == event.date) {
            let message = if prev.at.seq == event.at.seq {
                let first = report.log.cite(prev.at);
                format!(
                    "{} repeats clause {}: {} {who} {} {name}",
                    report.cite(event.at),
                    first.clause,
                    verb(event.kind),
                    if event.kind == EventKind::Appoint {
                        "to"
                    } else {
                        "from"
                    }
                )
            } else {
                format!(
                    "{} repeats {}: {} {who} {} {name} on {}",
                    report.cite(event.at),
                    report.cite(prev.at),
                    verb(event.kind),
                    if event.kind == EventKind::Appoint {
                        "to"
                    } else {
                        "from"
                    },
                    event.date
                )
            };
            report.add(
                FindingKind::RepeatedEvent,
                message,
                &[event.at, prev.at],
                &[post],
                &[person],
                0,
            );
            continue;
        }
        previous = Some(*event);
        match event.kind {
            EventKind::Appoint => match open {
                Some(acting) if confirms(&acting, event) => open = Some(*event),
                Some(first) => report.add(
                    FindingKind::AlreadyHolding,
                    format!(
                        "{} appoints {who} to {name}, which {who} already holds since {} ({})",
                        report.cite(event.at),
                        first.date,
                        report.cite(first.at)
                    ),
                    &[event.at, first.at],
                    &[post],
                    &[person],
                    0,
                ),
                None => open = Some(*event),
            },
            EventKind::Remove => open = None,
        }
    }
    for (removal, appointed) in ends_before_start(events) {
        report.add(
            FindingKind::EndsBeforeStart,
            format!(
                "{} removes {who} from {name} on {}, before the appointment it would end took effect on {} ({})",
                report.cite(removal.at),
                removal.date,
                appointed.date,
                report.cite(appointed.at)
            ),
            &[removal.at, appointed.at],
            &[post],
            &[person],
            0,
        );
    }
    report.out
}

/// The removals among a pair's events that end nothing and are followed,
/// in date order, by an appointment recorded before them: each was meant
/// to end that tenure but is dated before it began. Each comes with that
/// appointment.
fn ends_before_start(events: &[PairEvent]) -> Vec<(&PairEvent, &PairEvent)> {
    let mut found = Vec::new();
    let mut holding = false;
    let mut previous: Option<&PairEvent> = None;
    for (i, event) in events.iter().enumerate() {
        if previous.is_some_and(|p| p.kind == event.kind && p.date == event.date) {
            continue;
        }
        previous = Some(event);
        match event.kind {
            EventKind::Appoint => holding = true,
            EventKind::Remove => {
                let next = events[i + 1..].iter().find(|e| e.date > event.date);
                if let Some(appointed) = next
                    .filter(|n| !holding && n.kind == EventKind::Appoint && n.at.seq < event.at.seq)
                {
                    found.push((event, appointed));
                }
                holding = false;
            }
        }
    }
    found
}

/// Whether an appointment confirms the acting holder of the post (see
/// [`crate::timeline::is_confirmation`]): a change of status, not a repeat.
fn confirms(acting: &PairEvent, appointment: &PairEvent) -> bool {
    acting.flags.contains(Flag::Acting)
        && !appointment.flags.contains(Flag::Acting)
        && acting.date < appointment.date
}

/// Whether a tenure's flags make a second principal post expected.
fn is_side_post(flags: crate::model::Flags) -> bool {
    flags.contains(Flag::Concurrent)
        || flags.contains(Flag::Acting)
        || flags.contains(Flag::Secondment)
}

/// The findings about one person: a second principal post, and probable
/// namesakes (see [`namesake_findings`]). The rules read
/// the person's timeline, which holds a copy of every tenure they had.
///
/// The posts still held are counted by one sweep over the timeline (see
/// [`still_held`]): one person appointed to many posts in one notice would
/// otherwise cost the square of their number.
fn person_findings(state: &State, log: Log<'_>, person: PersonId) -> Vec<Finding> {
    let mut report = Report {
        state,
        log,
        out: Vec::new(),
    };
    let who = state.person(person);
    let line = state.person_line(person);
    let slots: Vec<&Slot> = line.slots().collect();
    let principal = |slot: &Slot| !is_side_post(slot.rec.flags) && state.is_principal(slot.post);
    let held = still_held(&slots, principal);
    for (slot, held) in slots.iter().zip(held) {
        let (Some(at), Some(held)) = (slot.rec.opened, held) else {
            continue;
        };
        let other = held.first;
        let since = match other.rec.start.date() {
            Some(d) => format!("since {d}"),
            None => "start unknown".to_owned(),
        };
        let (rest, which) = match held.others - 1 {
            0 => (String::new(), "which was"),
            1 => (" and 1 other principal post".to_owned(), "which were"),
            n => (format!(" and {n} other principal posts"), "which were"),
        };
        let mut events = vec![at];
        events.extend(other.rec.opened.or(other.rec.closed));
        report.add(
            FindingKind::SecondPrincipalPost,
            format!(
                "{} appoints {who} to {} while {who} still holds {} ({since}){rest}, {which} not removed",
                report.cite(at),
                state.post(slot.post),
                state.post(other.post),
            ),
            &events,
            &[slot.post, other.post],
            &[person],
            held.others - 1,
        );
    }
    namesake_findings(&mut report, person, &slots);
    report.out
}

/// Why two tenures of one name can hardly be one person's.
#[derive(Clone, Copy)]
enum Apart<'a> {
    /// Held at once in two places of one level, as the organisations'
    /// names say (`东平县…`, `宁阳县…`).
    Places(Place<'a>, Place<'a>),
    /// Principal posts of two unrelated organisations, neither held
    /// concurrently, acting or on secondment.
    Unrelated,
}

/// A tenure as the namesakes rule compares it: the days it is certainly
/// held, its organisation's name and places, and whether it counts as a
/// principal post.
struct Held<'a> {
    slot: &'a Slot,
    from: NaiveDate,
    until: NaiveDate,
    organisation: &'a str,
    places: Vec<Place<'a>>,
    principal: bool,
}

/// The days a tenure is certainly held: from its start; or, when the
/// start is unknown, the eve of its end (the removal says the person
/// held the post until then, and nothing more). `None` for a tenure that
/// ends before it starts, which another rule reports.
fn certainly_held(slot: &Slot) -> Option<(NaiveDate, NaiveDate)> {
    let until = slot.until();
    match slot.rec.start {
        crate::timeline::Start::On(day) => (day < until).then_some((day, until)),
        crate::timeline::Start::Unknown { before, .. } => Some((before.pred_opt()?, before)),
    }
}

/// Whether two tenures of one name, held at once, can hardly be one
/// person's, and why. Two places of one level come first: they are
/// impossible for one person whatever the posts; then two principal
/// posts of organisations that are not related (see
/// [`jurisdiction::related`]: a county's 县委书记 who also chairs its
/// congress, or a 党委书记 and a 院长 of one hospital, are one person).
fn apart<'a>(a: &Held<'a>, b: &Held<'a>) -> Option<Apart<'a>> {
    if let Some((x, y)) = jurisdiction::different_places(&a.places, &b.places) {
        return Some(Apart::Places(x, y));
    }
    (a.principal
        && b.principal
        && !jurisdiction::related(a.organisation, b.organisation, &a.places, &b.places))
    .then_some(Apart::Unrelated)
}

/// The findings about one name's tenures that look like two people's
/// ("probable namesakes"): a tenure that overlaps an earlier-begun one of
/// the same person (a name without an id, or one name and id) in another
/// place of the same level — two cities, two counties — or, for two
/// principal posts by the title lexicon, of an unrelated organisation.
/// A tenure held concurrently (`兼`) or on secondment (`挂职`) is never
/// compared: the notice itself says the person holds it beside another.
/// A tenure of unknown start is compared on the eve of its end, the one
/// day the ledger knows it held.
///
/// Each tenure cites the first-begun tenure it collides with and counts
/// the rest (`Finding::uncited`). One sweep in order of start keeps the
/// tenures still running, so a person's tenures are compared only with
/// those that overlap them, never all pairs.
fn namesake_findings(report: &mut Report<'_>, person: PersonId, slots: &[&Slot]) {
    let state = report.state;
    let mut held: Vec<Held<'_>> = slots
        .iter()
        .filter(|s| {
            !s.rec.flags.contains(Flag::Concurrent) && !s.rec.flags.contains(Flag::Secondment)
        })
        .filter_map(|&slot| {
            let (from, until) = certainly_held(slot)?;
            let organisation = state.post(slot.post).organisation();
            Some(Held {
                slot,
                from,
                until,
                organisation,
                places: jurisdiction::places(organisation),
                principal: !is_side_post(slot.rec.flags) && state.is_principal(slot.post),
            })
        })
        .collect();
    held.sort_by_key(|h| (h.from, h.until, h.slot.pair, h.slot.tenure));
    let who = state.person(person);
    let mut running: Vec<usize> = Vec::new();
    for now in 0..held.len() {
        let b = &held[now];
        running.retain(|&j| held[j].until > b.from);
        let mut first: Option<(usize, Apart<'_>)> = None;
        let mut others = 0;
        for &j in &running {
            if held[j].slot.post == b.slot.post {
                continue;
            }
            if let Some(why) = apart(&held[j], b) {
                first.get_or_insert((j, why));
                others += 1;
            }
        }
        running.push(now);
        let Some((j, why)) = first else {
            continue;
        };
        let a = &held[j];
        let tell = |h: &Held<'_>| {
            let since = match (h.slot.rec.start.date(), h.slot.rec.end.date()) {
                (Some(day), _) => format!("since {day}"),
                (None, Some(end)) => format!("start unknown, until {end}"),
                (None, None) => "start unknown".to_owned(),
            };
            let by = h.slot.rec.opened.or(h.slot.rec.closed);
            match by {
                Some(at) => format!("{} ({since}, {})", state.post(h.slot.post), report.cite(at)),
                None => format!("{} ({since})", state.post(h.slot.post)),
            }
        };
        let why = match why {
            Apart::Places(x, y) => format!(
                "in two different {} ({} and {})",
                x.level.plural(),
                x.name,
                y.name
            ),
            Apart::Unrelated => {
                "principal posts of two unrelated organisations, neither concurrent".to_owned()
            }
        };
        let rest = match others - 1 {
            0 => String::new(),
            1 => "; 1 other tenure of the name overlaps it likewise".to_owned(),
            n => format!("; {n} other tenures of the name overlap it likewise"),
        };
        let message = format!(
            "{who} holds {} and {} at once, {why}{rest}: probably two people of one name, unless one person's move between them is recorded late or not at all; give each an id if they are two",
            tell(a),
            tell(b),
        );
        let events: Vec<EventAt> = [a, b]
            .iter()
            .filter_map(|h| h.slot.rec.opened.or(h.slot.rec.closed))
            .collect();
        report.add(
            FindingKind::ProbableNamesakes,
            message,
            &events,
            &[a.slot.post, b.slot.post],
            &[person],
            others - 1,
        );
    }
}

/// Principal posts a person still held when appointed to another: how
/// many, and the first of them on the timeline.
#[derive(Clone, Copy)]
struct StillHeld<'a> {
    others: usize,
    first: &'a Slot,
}

/// For each slot of a person's timeline (in its order) that is a
/// principal appointment of known start, the other principal tenures
/// (`principal` says which) running on its first day, of other posts and
/// not taken by the same notice, if there are any.
///
/// One sweep in order of first day keeps the principal tenures running,
/// counted by pair, by the notice that opened them and by both, so that a
/// count is three look-ups, not a walk over a notice's many posts.
fn still_held<'a>(
    slots: &[&'a Slot],
    principal: impl Fn(&Slot) -> bool,
) -> Vec<Option<StillHeld<'a>>> {
    use std::collections::{BTreeMap, BTreeSet};
    type Key = (NaiveDate, NaiveDate, u32, u32);
    let key = |s: &Slot| (s.from(), s.until(), s.pair, s.tenure);
    let mut found = vec![None; slots.len()];
    let eligible: Vec<usize> = (0..slots.len()).filter(|&i| principal(slots[i])).collect();
    // Entries in order of first day (the timeline's order), queries in
    // order of start day.
    let mut queries: Vec<(NaiveDate, usize)> = eligible
        .iter()
        .filter_map(|&i| Some((slots[i].rec.start.date()?, i)))
        .filter(|&(_, i)| slots[i].rec.opened.is_some())
        .collect();
    queries.sort_unstable();
    let mut running: BTreeMap<Key, &Slot> = BTreeMap::new();
    let mut ending: BTreeSet<(NaiveDate, Key)> = BTreeSet::new();
    let mut by_pair: foldhash::HashMap<u32, usize> = foldhash::HashMap::default();
    let mut by_seq: foldhash::HashMap<u32, usize> = foldhash::HashMap::default();
    let mut by_both: foldhash::HashMap<(u32, u32), usize> = foldhash::HashMap::default();
    let seq = |s: &Slot| s.rec.opened.map(|o| o.seq.get());
    let mut next = eligible.iter().peekable();
    fn count<K: std::hash::Hash + Eq>(map: &mut foldhash::HashMap<K, usize>, k: K, up: bool) {
        let n = map.entry(k).or_insert(0);
        if up {
            *n += 1
        } else {
            *n = n.saturating_sub(1)
        }
    }
    fn get<K: std::hash::Hash + Eq>(map: &foldhash::HashMap<K, usize>, k: K) -> usize {
        map.get(&k).copied().unwrap_or(0)
    }
    for (day, i) in queries {
        while let Some(&&j) = next.peek()
            && slots[j].from() <= day
        {
            next.next();
            let s = slots[j];
            running.insert(key(s), s);
            ending.insert((s.until(), key(s)));
            count(&mut by_pair, s.pair, true);
            if let Some(q) = seq(s) {
                count(&mut by_seq, q, true);
                count(&mut by_both, (s.pair, q), true);
            }
        }
        while let Some(&(until, k)) = ending.first()
            && until <= day
        {
            ending.pop_first();
            if let Some(s) = running.remove(&k) {
                count(&mut by_pair, s.pair, false);
                if let Some(q) = seq(s) {
                    count(&mut by_seq, q, false);
                    count(&mut by_both, (s.pair, q), false);
                }
            }
        }
        let slot = slots[i];
        let Some(own) = seq(slot) else {
            continue;
        };
        let others = running.len() + get(&by_both, (slot.pair, own))
            - get(&by_pair, slot.pair)
            - get(&by_seq, own);
        if others == 0 {
            continue;
        }
        let first = running
            .values()
            .find(|s| s.pair != slot.pair && seq(s) != Some(own));
        if let Some(first) = first {
            found[i] = Some(StillHeld { others, first });
        }
    }
    found
}

/// The suggestions for organisation names that share an alias key and
/// have not been declared one.
fn alias_findings(state: &State, log: Log<'_>, key: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let own = state.alias_bucket(key);
    // Pairs among the names whose own key this is, then each of them with
    // the names that are this once a leading place is dropped; each pair in
    // the order the names were first seen.
    let mut pairs: Vec<(OrgId, OrgId)> = Vec::new();
    for (i, &a) in own.iter().enumerate() {
        pairs.extend(own[i + 1..].iter().map(|&b| (a, b)));
        pairs.extend(state.rest_bucket(key).iter().map(|&b| (a.min(b), a.max(b))));
    }
    for (a, b) in pairs {
        if state.same_org(a, b) {
            continue;
        }
        let (na, nb) = (state.org_name(a), state.org_name(b));
        let Some(difference) = alias::difference(na, nb) else {
            continue;
        };
        // A spelling whose events corrections moved away: nothing to
        // suggest.
        if !state.org_in_use(a) || !state.org_in_use(b) {
            continue;
        }
        let events: Vec<Cited> = [state.org_first(a), state.org_first(b)]
            .into_iter()
            .flatten()
            .map(|at| log.cite(at))
            .collect();
        let seen: Vec<String> = events.iter().map(ToString::to_string).collect();
        let seen = if seen.is_empty() {
            String::new()
        } else {
            format!(" (written so in {})", seen.join(" and "))
        };
        out.push(Finding {
            kind: FindingKind::ProbableAlias,
            severity: Severity::Suggestion,
            message: format!(
                "{na} and {nb} differ only by {difference}: probably one organisation{seen}; declare them one with an alias if so"
            ),
            events,
            posts: Vec::new(),
            persons: Vec::new(),
            uncited: 0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::{FindingKind, Ledger, Notice, Person, Post};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, m, d).unwrap()
    }

    fn head(county: &str) -> Post {
        Post::new(&format!("{county}人民政府"), "县长")
    }

    fn namesakes(notices: Vec<Notice>) -> Vec<(String, usize)> {
        let mut ledger = Ledger::new();
        for n in notices {
            ledger.record(n).unwrap();
        }
        let kept: Vec<_> = ledger.findings().into_iter().cloned().collect();
        assert_eq!(ledger.recheck(), kept);
        kept.into_iter()
            .filter(|f| f.kind == FindingKind::ProbableNamesakes)
            .map(|f| (f.message, f.uncited))
            .collect()
    }

    #[test]
    fn a_removal_of_unknown_start_counts_on_the_eve_of_its_end() {
        let li = || Person::new("李建");
        let found = namesakes(vec![
            Notice::new("甲1", day(5, 1)).appoint(li(), head("宁阳县")),
            Notice::new("甲2", day(5, 23)).remove(li(), head("东平县")),
        ]);
        assert_eq!(
            found,
            vec![(
                "李建 holds 宁阳县人民政府县长 (since 2022-05-01, 甲1 clause 1) and 东平县人民政府县长 \
                 (start unknown, until 2022-05-23, 甲2 clause 1) at once, in two different counties \
                 (宁阳县 and 东平县): probably two people of one name, unless one person's move between them is recorded late or not at all; give each an id if they are two"
                    .to_owned(),
                0
            )]
        );
        // Left on the day the other began: one person's move.
        let found = namesakes(vec![
            Notice::new("甲1", day(5, 23)).appoint(li(), head("宁阳县")),
            Notice::new("甲2", day(5, 23)).remove(li(), head("东平县")),
        ]);
        assert_eq!(found, vec![]);
    }

    #[test]
    fn a_tenure_cites_the_first_it_collides_with_and_counts_the_rest() {
        let li = || Person::new("李建");
        let found = namesakes(vec![
            Notice::new("甲1", day(1, 1)).appoint(li(), head("东平县")),
            Notice::new("甲2", day(2, 1)).appoint(li(), head("宁阳县")),
            Notice::new("甲3", day(3, 1)).appoint(li(), head("肥城县")),
        ]);
        let counts: Vec<usize> = found.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, vec![0, 1]);
        assert!(
            found[1].0.starts_with(
                "李建 holds 东平县人民政府县长 (since 2022-01-01, 甲1 clause 1) and 肥城县人民政府县长 \
                 (since 2022-03-01, 甲3 clause 1) at once, in two different counties (东平县 and \
                 肥城县); 1 other tenure of the name overlaps it likewise: "
            ),
            "{}",
            found[1].0
        );
    }
}
