//! Vacancy chains (Harrison White, *Chains of Opportunity*, 1970).
//!
//! When a post falls vacant and is filled by someone who leaves another
//! post, the vacancy moves to that post, and so on until someone enters
//! from outside or the last vacancy stays open. Researchers of officials'
//! careers count these chains. This module follows them through the moves
//! a notice makes (a person removed from one post and appointed to another
//! by the same notice), read as corrected: a rescinded event is no move, a
//! corrected one moves the person and post the correction names. It reads
//! the state and changes nothing.
//!
//! A chain that starts at an appointment nobody's removal in the notices
//! explains says what the ledger knows of the post before: vacant (its
//! last recorded holder was removed earlier and nobody was appointed
//! since) or unknown (no earlier holder is recorded, or someone the ledger
//! records is still holding it). It never calls a post vacant on no
//! evidence.

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{EventKind, Notice, Person, Post};
use crate::state::{PersonId, PostId, State};
use crate::timeline::End;

/// How a chain's first vacancy came about.
///
/// As JSON, always an object of the same three keys, `null` where a key
/// does not apply: `{"kind": "exit", "person": {"name": "王东"}, "since":
/// null}` (`moved` alike), `{"kind": "vacant", "person": null, "since":
/// "2022-05-01"}`, `{"kind": "unknown", "person": null, "since": null}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// The holder left and took no other post in these notices.
    Exit(Person),
    /// The holder moved to another post in these notices, and another
    /// chain follows that move (they left several posts at once).
    Moved(Person),
    /// Nobody left the seat in these notices, and the ledger knows the
    /// post was empty: its last recorded holders were removed on `since`
    /// (by an earlier notice, or one effective earlier) and nobody was
    /// appointed since.
    Vacant {
        /// The day the last recorded holder's tenure ended.
        since: NaiveDate,
    },
    /// Nobody left the seat in these notices, and the ledger cannot say
    /// the seat was free: nobody is recorded holding the post before (a
    /// post new to the ledger, or one whose holder was never recorded), or
    /// someone it records still holds it (a post of several seats, or a
    /// seat not vacated).
    Unknown,
}

impl Serialize for Opening {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            kind: &'static str,
            person: Option<&'a Person>,
            since: Option<NaiveDate>,
        }
        let (kind, person, since) = match self {
            Opening::Exit(person) => ("exit", Some(person), None),
            Opening::Moved(person) => ("moved", Some(person), None),
            Opening::Vacant { since } => ("vacant", None, Some(*since)),
            Opening::Unknown => ("unknown", None, None),
        };
        Shape {
            kind,
            person,
            since,
        }
        .serialize(serializer)
    }
}

/// How a chain ends.
///
/// As JSON, always an object of the same two keys: `{"kind": "entry",
/// "post": null}` (`open` alike), `{"kind": "joins", "post":
/// {"organisation": …, "title": …}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Closing {
    /// The last person to move in left no post in these notices: they
    /// entered from outside the posts the notices name.
    Entry,
    /// Nobody was appointed to the last vacancy.
    Open,
    /// The last person to move in came from a post that another chain
    /// already follows (they left several posts, or took several).
    Joins(Post),
}

impl Serialize for Closing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            kind: &'static str,
            post: Option<&'a Post>,
        }
        let (kind, post) = match self {
            Closing::Entry => ("entry", None),
            Closing::Open => ("open", None),
            Closing::Joins(post) => ("joins", Some(post)),
        };
        Shape { kind, post }.serialize(serializer)
    }
}

/// One vacancy chain: `posts[0]` fell vacant; `people[i]` moved into
/// `posts[i]`, leaving `posts[i + 1]` vacant in turn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VacancyChain {
    /// How the first vacancy came about.
    pub opening: Opening,
    /// The posts the vacancy passed through, in order.
    pub posts: Vec<Post>,
    /// The people who moved into them, in order (one fewer than the posts
    /// when the last vacancy stays open).
    pub people: Vec<Person>,
    /// How it ends.
    pub closing: Closing,
}

impl VacancyChain {
    /// The chain's length in White's sense: how many moves it made.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// Whether nobody moved at all (a vacancy left open at once).
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

impl fmt::Display for VacancyChain {
    /// `王东 leaves → 济南…办公室主任 ← 王左裔, leaving 济南…中心主任 ← 赵海明 (from outside)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.opening {
            Opening::Exit(person) => write!(f, "{person} leaves → ")?,
            Opening::Moved(person) => write!(f, "{person} moves on → ")?,
            Opening::Vacant { since } => write!(f, "vacant since {since} → ")?,
            Opening::Unknown => f.write_str("unknown whether vacant → ")?,
        }
        for (i, post) in self.posts.iter().enumerate() {
            if i > 0 {
                f.write_str(", leaving ")?;
            }
            write!(f, "{post}")?;
            if let Some(person) = self.people.get(i) {
                write!(f, " ← {person}")?;
            }
        }
        match &self.closing {
            Closing::Entry => f.write_str(" (from outside)"),
            Closing::Open => f.write_str(" (left open)"),
            Closing::Joins(post) => write!(f, " (from {post}, followed in another chain)"),
        }
    }
}

/// The counts researchers take of a set of chains, each way of splitting
/// them adding up to the whole: `exits + moved + vacant + unknown ==
/// chains` (by opening) and `entries + open + joins == chains` (by
/// closing). `moves` is the sum of the chains' lengths, one for each
/// appointment the notices made; the posts the chains pass through number
/// the removals plus the chains opened `vacant` or `unknown`.
///
/// ```
/// use appointment_ledger::{ChainCounts, Ledger, NaiveDate, Notice, Person, Post};
/// let day = NaiveDate::from_ymd_opt(2022, 5, 23).unwrap();
/// let office = Post::new("某区新旧动能转换办公室", "主任");
/// let mut ledger = Ledger::new();
/// ledger.record(Notice::new("某政任〔2022〕5号", day)
///     .remove(Person::new("王东"), office.clone())
///     .appoint(Person::new("王左裔"), office)
///     .appoint(Person::new("赵海明"), Post::new("某区市政工程服务中心", "主任")))?;
/// let counts = ChainCounts::of(&ledger.vacancy_chains("某政任〔2022〕5号")?);
/// assert_eq!((counts.chains, counts.exits, counts.unknown, counts.moves), (2, 1, 1, 2));
/// assert_eq!(counts.to_string(), "2 chains (opened by 1 exit, 0 moves on, 0 known vacant, \
///     1 unknown whether vacant; ended by 2 entries from outside, 0 left open, 0 joining \
///     another); 2 moves");
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ChainCounts {
    /// How many chains.
    pub chains: usize,
    /// Opened by a holder who left ([`Opening::Exit`]).
    pub exits: usize,
    /// Opened by a holder who moved, followed elsewhere ([`Opening::Moved`]).
    pub moved: usize,
    /// Opened at a post known empty before ([`Opening::Vacant`]).
    pub vacant: usize,
    /// Opened at a post of which the ledger cannot say a seat was free
    /// ([`Opening::Unknown`]).
    pub unknown: usize,
    /// Ended by someone from outside ([`Closing::Entry`]).
    pub entries: usize,
    /// Ended with the last vacancy left open ([`Closing::Open`]).
    pub open: usize,
    /// Ended joining another chain ([`Closing::Joins`]).
    pub joins: usize,
    /// The moves made: the sum of the chains' lengths.
    pub moves: usize,
}

impl ChainCounts {
    /// The counts of these chains.
    pub fn of(chains: &[VacancyChain]) -> ChainCounts {
        let mut counts = ChainCounts {
            chains: chains.len(),
            ..ChainCounts::default()
        };
        for chain in chains {
            match chain.opening {
                Opening::Exit(_) => counts.exits += 1,
                Opening::Moved(_) => counts.moved += 1,
                Opening::Vacant { .. } => counts.vacant += 1,
                Opening::Unknown => counts.unknown += 1,
            }
            match chain.closing {
                Closing::Entry => counts.entries += 1,
                Closing::Open => counts.open += 1,
                Closing::Joins(_) => counts.joins += 1,
            }
            counts.moves += chain.len();
        }
        counts
    }
}

impl fmt::Display for ChainCounts {
    /// `32 chains (opened by 25 exits, 1 move on, 0 known vacant, 6
    /// unknown whether vacant; ended by 14 entries from outside, 17 left
    /// open, 1 joining another); 22 moves`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |k: usize, one: &str, many: &str| {
            if k == 1 {
                format!("1 {one}")
            } else {
                format!("{k} {many}")
            }
        };
        write!(
            f,
            "{} (opened by {}, {}, {} known vacant, {} unknown whether vacant; ended by {}, {} left open, {} joining another); {}",
            n(self.chains, "chain", "chains"),
            n(self.exits, "exit", "exits"),
            n(self.moved, "move on", "moves on"),
            self.vacant,
            self.unknown,
            n(self.entries, "entry from outside", "entries from outside"),
            self.open,
            self.joins,
            n(self.moves, "move", "moves"),
        )
    }
}

/// One event of the batch, resolved to ids, in notice and clause order.
#[derive(Clone, Copy)]
struct Move {
    seq: u64,
    person: PersonId,
    post: PostId,
    date: NaiveDate,
}

/// A batch of notices: their removals (each one vacancy, so that a post
/// with several seats can have several) and appointments (each fills one).
struct Batch {
    removals: Vec<Move>,
    appointments: Vec<Move>,
    /// The entries the batch's events come from.
    seqs: HashSet<u64>,
    /// How many seats of a post known empty before the batch the chains
    /// opened at it so far have taken.
    vacancies_taken: HashMap<PostId, usize>,
}

/// The chains of the notices given (with their sequence numbers): those
/// opened by an exit, then by a vacancy from before (or a new post), then
/// by a move no other chain followed, each group in the order of the
/// notices' clauses.
pub(crate) fn chains<'a>(
    state: &State,
    notices: impl IntoIterator<Item = (u64, &'a Notice)>,
) -> Vec<VacancyChain> {
    let mut batch = Batch {
        removals: Vec::new(),
        appointments: Vec::new(),
        seqs: HashSet::new(),
        vacancies_taken: HashMap::new(),
    };
    let mut events = Vec::new();
    for (seq, notice) in notices {
        for (index, event) in notice.events.iter().enumerate() {
            // As corrected: a rescinded move did not happen, a corrected one
            // happened to the person and post the correction names.
            let at = crate::timeline::EventAt::new(seq, index as u32);
            if let Some((person, post, date)) = state.current(at, event) {
                events.push((
                    seq,
                    event.provenance.clause,
                    event.kind,
                    Move {
                        seq,
                        person,
                        post,
                        date,
                    },
                ));
            }
        }
    }
    events.sort_by_key(|(seq, clause, ..)| (*seq, *clause));
    for (_, _, kind, m) in events {
        batch.seqs.insert(m.seq);
        match kind {
            EventKind::Remove => batch.removals.push(m),
            EventKind::Appoint => batch.appointments.push(m),
        }
    }

    let mut followed = vec![false; batch.removals.len()];
    let mut filled = vec![false; batch.appointments.len()];
    let mut out = Vec::new();

    // Exits first; then vacancies from before (or new posts) whose post no
    // unfollowed removal explains; then moves no chain followed; then any
    // appointment still unexplained.
    start_exits_or_moves(state, &batch, true, &mut followed, &mut filled, &mut out);
    start_vacancies(
        state,
        &mut batch,
        true,
        &mut followed,
        &mut filled,
        &mut out,
    );
    start_exits_or_moves(state, &batch, false, &mut followed, &mut filled, &mut out);
    start_vacancies(
        state,
        &mut batch,
        false,
        &mut followed,
        &mut filled,
        &mut out,
    );
    out
}

/// Starts a chain at each removal not yet followed whose leaver took no
/// post in the batch (`exits`), or took one (a move no chain followed).
fn start_exits_or_moves(
    state: &State,
    batch: &Batch,
    exits: bool,
    followed: &mut [bool],
    filled: &mut [bool],
    out: &mut Vec<VacancyChain>,
) {
    for r in 0..batch.removals.len() {
        let leaver = batch.removals[r].person;
        let moved = batch.appointments.iter().any(|a| a.person == leaver);
        if followed[r] || moved == exits {
            continue;
        }
        followed[r] = true;
        let opening = if exits {
            Opening::Exit(state.person(leaver).clone())
        } else {
            Opening::Moved(state.person(leaver).clone())
        };
        let post = batch.removals[r].post;
        out.push(follow(state, batch, opening, post, None, followed, filled));
    }
}

/// Starts a chain at each appointment that filled no vacancy yet; with
/// `unexplained_only`, only where no removal still to follow is at the
/// same post.
fn start_vacancies(
    state: &State,
    batch: &mut Batch,
    unexplained_only: bool,
    followed: &mut [bool],
    filled: &mut [bool],
    out: &mut Vec<VacancyChain>,
) {
    for a in 0..batch.appointments.len() {
        let post = batch.appointments[a].post;
        let explained =
            (0..batch.removals.len()).any(|r| !followed[r] && batch.removals[r].post == post);
        if filled[a] || (unexplained_only && explained) {
            continue;
        }
        let opening = opening_before(state, batch, batch.appointments[a]);
        out.push(follow(
            state,
            batch,
            opening,
            post,
            Some(a),
            followed,
            filled,
        ));
    }
}

/// What the ledger knows of the seat an appointment no removal of the
/// batch explains: [`Opening::Vacant`] when the post's last recorded
/// tenures, begun and ended outside the batch, ended on or before the
/// appointment's day, nobody the ledger records holds it that day, and a
/// seat so emptied is left for this chain; [`Opening::Unknown`] otherwise
/// (no earlier holder recorded, someone still holding it, or its last
/// holders removed by the batch itself, whose chains took those seats).
fn opening_before(state: &State, batch: &mut Batch, appointment: Move) -> Opening {
    let post = state.canonical(appointment.post);
    let day = appointment.date;
    let by_batch =
        |at: Option<crate::timeline::EventAt>| at.is_some_and(|at| batch.seqs.contains(&at.seq()));
    let mut latest: Option<NaiveDate> = None;
    let mut last = Vec::new();
    for slot in state.post_line(post).slots() {
        if by_batch(slot.rec.opened) {
            continue;
        }
        if slot.from() <= day && day < slot.until() {
            return Opening::Unknown;
        }
        let End::On(end) = slot.rec.end else { continue };
        if end > day {
            continue;
        }
        if latest.is_none_or(|l| end > l) {
            latest = Some(end);
            last.clear();
        }
        if latest == Some(end) {
            last.push(slot.rec.closed);
        }
    }
    let Some(since) = latest else {
        return Opening::Unknown;
    };
    let known_empty = last.iter().filter(|&&closed| !by_batch(closed)).count();
    let taken = batch.vacancies_taken.entry(post).or_insert(0);
    if last.iter().any(|&closed| by_batch(closed)) || *taken >= known_empty {
        return Opening::Unknown;
    }
    *taken += 1;
    Opening::Vacant { since }
}

/// Follows one vacancy at `post` from post to post; `first` is the
/// appointment that fills it when already chosen.
fn follow(
    state: &State,
    batch: &Batch,
    opening: Opening,
    post: PostId,
    first: Option<usize>,
    followed: &mut [bool],
    filled: &mut [bool],
) -> VacancyChain {
    let mut posts = vec![post];
    let mut people = Vec::new();
    let mut vacancy = post;
    let mut choice = first;
    let closing = loop {
        let filler = choice.take().or_else(|| {
            (0..batch.appointments.len())
                .find(|&a| !filled[a] && batch.appointments[a].post == vacancy)
        });
        let Some(a) = filler else { break Closing::Open };
        filled[a] = true;
        let (person, seq) = (batch.appointments[a].person, batch.appointments[a].seq);
        people.push(state.person(person).clone());
        let left = origins(batch, vacancy, person, seq);
        match left.iter().copied().find(|&r| !followed[r]) {
            Some(r) => {
                followed[r] = true;
                vacancy = batch.removals[r].post;
                posts.push(vacancy);
            }
            None => match left.first() {
                Some(&r) => break Closing::Joins(state.post(batch.removals[r].post).clone()),
                None => break Closing::Entry,
            },
        }
    };
    VacancyChain {
        opening,
        posts: posts.into_iter().map(|p| state.post(p).clone()).collect(),
        people,
        closing,
    }
}

/// The removals of `person` by which they left a post to take `post`: the
/// person's removals in the same notice, from another post, as indexes
/// into the batch's removals. (The graph's `Move` edges record the notices
/// as written; this reads them as corrected.)
fn origins(batch: &Batch, post: PostId, person: PersonId, seq: u64) -> Vec<usize> {
    (0..batch.removals.len())
        .filter(|&r| {
            let m = batch.removals[r];
            m.person == person && m.seq == seq && m.post != post
        })
        .collect()
}
