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
}

impl FindingKind {
    /// How serious findings of this kind are.
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::SecondPrincipalPost => Severity::Warning,
            FindingKind::ProbableAlias => Severity::Suggestion,
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
            let before = self.by_subject.get(&subject);
            examined.new.extend(
                now.iter()
                    .filter(|f| before.is_none_or(|b| !b.contains(f)))
                    .cloned(),
            );
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
    // The others known to hold the post on a day (tenures of known start).
    let known_holders = |pair: u32, day: NaiveDate| {
        line.held_on(day)
            .filter(move |s| s.pair != pair && s.rec.start.is_known())
    };
    // Whether a removal is one that `pair_findings` reports as ending
    // before it starts, which no rule here should report again.
    let ends_before = |pair: u32, at: EventAt| {
        ends_before_start(&state.pair(pair).events)
            .iter()
            .any(|(removal, _)| removal.at == at)
    };
    for slot in line.slots() {
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
            (crate::timeline::Start::On(day), Some(at), _) => {
                // Of two appointments on one day the later written one is
                // the one that finds the seat taken.
                let others = || {
                    known_holders(pair, day)
                        .filter(move |s| (s.rec.start.date(), s.rec.opened) < (Some(day), Some(at)))
                };
                // Counted without collecting: most tenures find none.
                if others().count() < limit || tenure.closed.is_some_and(|c| ends_before(pair, c)) {
                    continue;
                }
                let others: Vec<&Slot> = others().collect();
                let holders: Vec<String> = others
                    .iter()
                    .map(|s| {
                        let since = s
                            .rec
                            .start
                            .date()
                            .map(|d| d.to_string())
                            .unwrap_or_default();
                        let by = s
                            .rec
                            .opened
                            .map(|o| format!(" ({})", report.cite(o)))
                            .unwrap_or_default();
                        format!("{} holds since {since}{by}", state.person(s.person))
                    })
                    .collect();
                let mut events = vec![at];
                events.extend(others.iter().filter_map(|s| s.rec.opened));
                let mut persons = vec![slot.person];
                persons.extend(others.iter().map(|s| s.person));
                report.add(
                    FindingKind::SeatNotVacated,
                    format!(
                        "{} appoints {who} to {name}, which {} and was not removed",
                        report.cite(at),
                        holders.join("; ")
                    ),
                    &events,
                    &[post],
                    &persons,
                );
            }
            (crate::timeline::Start::Unknown { before, .. }, _, Some(at)) => {
                let Some(eve) = before.pred_opt() else {
                    continue;
                };
                // The first of them is named.
                let mut others = known_holders(pair, eve);
                let Some(other) = others.next() else {
                    continue;
                };
                if 1 + others.count() < limit || ends_before(pair, at) {
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
                );
            }
            _ => {}
        }
    }
    report.out
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

/// The findings about one person: a second principal post. The rule reads
/// the person's timeline, which holds a copy of every tenure they had.
fn person_findings(state: &State, log: Log<'_>, person: PersonId) -> Vec<Finding> {
    let mut report = Report {
        state,
        log,
        out: Vec::new(),
    };
    let who = state.person(person);
    let line = state.person_line(person);
    for slot in line.slots() {
        let tenure = slot.rec;
        let (Some(day), Some(at)) = (tenure.start.date(), tenure.opened) else {
            continue;
        };
        if is_side_post(tenure.flags) || !state.is_principal(slot.post) {
            continue;
        }
        let others: Vec<&Slot> = line
            .held_on(day)
            .filter(|held| {
                let same_act = held.rec.opened.is_some_and(|o| o.seq == at.seq);
                held.pair != slot.pair
                    && !same_act
                    && !is_side_post(held.rec.flags)
                    && state.is_principal(held.post)
            })
            .collect();
        if others.is_empty() {
            continue;
        }
        let held: Vec<String> = others
            .iter()
            .map(|other| {
                let since = match other.rec.start.date() {
                    Some(d) => format!("since {d}"),
                    None => "start unknown".to_owned(),
                };
                format!("{} ({since})", state.post(other.post))
            })
            .collect();
        let mut events = vec![at];
        events.extend(others.iter().filter_map(|h| h.rec.opened.or(h.rec.closed)));
        let mut posts = vec![slot.post];
        posts.extend(others.iter().map(|h| h.post));
        let which = if others.len() == 1 {
            "which was"
        } else {
            "which were"
        };
        report.add(
            FindingKind::SecondPrincipalPost,
            format!(
                "{} appoints {who} to {} while {who} still holds {}, {which} not removed",
                report.cite(at),
                state.post(slot.post),
                held.join(" and ")
            ),
            &events,
            &posts,
            &[person],
        );
    }
    report.out
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
        });
    }
    out
}
