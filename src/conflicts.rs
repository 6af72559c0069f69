//! The conflict checker: what in the record does not add up.
//!
//! Every consistency rule lives here, each a function of one subject of the
//! graph — a post, a person, or a group of organisation names that may be
//! one — so that recording a notice re-examines only the subjects it
//! touched and the result equals a full recheck. Findings are information
//! about official records, which are facts even when inconsistent: this
//! module reports, it never changes what was recorded.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::alias;
use crate::model::{Entry, EventKind, Flag, Notice, Person, Post, Seats};
use crate::state::{OrgId, PersonId, PostId, State, Touched};
use crate::timeline::{EventAt, PairEvent, Stab, TenureRec};

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
            text: event.map(|e| e.provenance.text.clone()).unwrap_or_default(),
        }
    }
}

/// Whose findings a list holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Subject {
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

/// The findings about one post: its seats over time, and each person's
/// events there.
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
    let mut pairs: Vec<u32> = state.pairs_at(post).collect();
    pairs.sort_unstable();
    for &pair_id in &pairs {
        let pair = state.pair(pair_id);
        let who = state.person(pair.person);
        let ends_before = pair_findings(&mut report, pair.person, post, &pair.events);
        for (i, tenure) in pair.tenures.iter().enumerate() {
            if tenure.closed.is_some_and(|at| ends_before.contains(&at)) {
                continue;
            }
            let known_holders = |day: NaiveDate| -> Vec<(u32, TenureRec)> {
                match line.on(day, |s| (s.pair, s.rec)) {
                    Stab::Held(mut held) => {
                        held.retain(|(p, t)| *p != pair_id && t.start.is_known());
                        held
                    }
                    _ => Vec::new(),
                }
            };
            // Removed again after leaving: whatever the seats.
            if let (Some(at), Some(prev)) = (tenure.closed, left_before(&pair.tenures, i)) {
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
                    &[pair.person],
                );
                continue;
            }
            // Several seats: nothing more to count.
            let Seats::Limit(limit) = seats else {
                continue;
            };
            match (tenure.start, tenure.opened, tenure.closed) {
                (crate::timeline::Start::On(day), Some(at), _) => {
                    // Of two appointments on one day the later written one
                    // is the one that finds the seat taken.
                    let others: Vec<(u32, TenureRec)> = known_holders(day)
                        .into_iter()
                        .filter(|(_, t)| (t.start.date(), t.opened) < (Some(day), Some(at)))
                        .collect();
                    if others.len() >= usize::from(limit) {
                        let holders: Vec<String> = others
                            .iter()
                            .map(|(p, t)| {
                                let holder = state.person(state.pair(*p).person);
                                let since =
                                    t.start.date().map(|d| d.to_string()).unwrap_or_default();
                                let by = t
                                    .opened
                                    .map(|o| format!(" ({})", report.cite(o)))
                                    .unwrap_or_default();
                                format!("{holder} holds since {since}{by}")
                            })
                            .collect();
                        let mut events = vec![at];
                        events.extend(others.iter().filter_map(|(_, t)| t.opened));
                        let mut persons = vec![pair.person];
                        persons.extend(others.iter().map(|(p, _)| state.pair(*p).person));
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
                }
                (crate::timeline::Start::Unknown { before, .. }, _, Some(at)) => {
                    let Some(eve) = before.pred_opt() else {
                        continue;
                    };
                    let others = known_holders(eve);
                    if others.len() >= usize::from(limit) {
                        let (p, t) = others[0];
                        let holder = state.person(state.pair(p).person);
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
                            &[pair.person, state.pair(p).person],
                        );
                    }
                }
                _ => {}
            }
        }
    }
    report.out
}

/// The removal that ended the person's previous tenure, when tenure `i`
/// has an unknown start bounded by it (they had already left).
fn left_before(tenures: &[TenureRec], i: usize) -> Option<(EventAt, NaiveDate)> {
    let crate::timeline::Start::Unknown { after: Some(_), .. } = tenures.get(i)?.start else {
        return None;
    };
    let previous = tenures.get(i.checked_sub(1)?)?;
    Some((previous.closed?, previous.end.date()?))
}

/// Findings from one person's events at one post alone: repeats, an
/// appointment while already holding, a removal dated before the
/// appointment it ends.
/// Returns the removals reported as ending before they start, which no
/// other rule should report again.
fn pair_findings(
    report: &mut Report<'_>,
    person: PersonId,
    post: PostId,
    events: &[PairEvent],
) -> Vec<EventAt> {
    let state = report.state;
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
    // A removal that ends nothing and is followed, in date order, by an
    // appointment recorded before it: it was meant to end that tenure but
    // is dated before it began.
    let mut ends_before = Vec::new();
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
                    ends_before.push(event.at);
                    report.add(
                        FindingKind::EndsBeforeStart,
                        format!(
                            "{} removes {who} from {name} on {}, before the appointment it would end took effect on {} ({})",
                            report.cite(event.at),
                            event.date,
                            appointed.date,
                            report.cite(appointed.at)
                        ),
                        &[event.at, appointed.at],
                        &[post],
                        &[person],
                    );
                }
                holding = false;
            }
        }
    }
    ends_before
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

/// The findings about one person: a second principal post.
fn person_findings(state: &State, log: Log<'_>, person: PersonId) -> Vec<Finding> {
    let mut report = Report {
        state,
        log,
        out: Vec::new(),
    };
    let who = state.person(person);
    let line = state.person_line(person);
    let mut pairs: Vec<u32> = state.pairs_of(person).collect();
    pairs.sort_unstable();
    for pair_id in pairs {
        let pair = state.pair(pair_id);
        let post = state.post(pair.post);
        if !state.is_principal(pair.post) {
            continue;
        }
        for tenure in &pair.tenures {
            let (Some(day), Some(at)) = (tenure.start.date(), tenure.opened) else {
                continue;
            };
            if is_side_post(tenure.flags) {
                continue;
            }
            let Stab::Held(slots) = line.on(day, |s| (s.pair, s.post, s.rec)) else {
                continue;
            };
            let mut others = Vec::new();
            for (other_pair, other_post, held) in slots {
                let same_act = held.opened.is_some_and(|o| o.seq == at.seq);
                if other_pair == pair_id || same_act || is_side_post(held.flags) {
                    continue;
                }
                if state.is_principal(other_post) {
                    others.push((other_post, held));
                }
            }
            if others.is_empty() {
                continue;
            }
            let held: Vec<String> = others
                .iter()
                .map(|(other, held)| {
                    let since = match held.start.date() {
                        Some(d) => format!("since {d}"),
                        None => "start unknown".to_owned(),
                    };
                    format!("{} ({since})", state.post(*other))
                })
                .collect();
            let mut events = vec![at];
            events.extend(others.iter().filter_map(|(_, h)| h.opened.or(h.closed)));
            let mut posts = vec![pair.post];
            posts.extend(others.iter().map(|(p, _)| *p));
            let which = if others.len() == 1 {
                "which was"
            } else {
                "which were"
            };
            report.add(
                FindingKind::SecondPrincipalPost,
                format!(
                    "{} appoints {who} to {post} while {who} still holds {}, {which} not removed",
                    report.cite(at),
                    held.join(" and ")
                ),
                &events,
                &posts,
                &[person],
            );
        }
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
