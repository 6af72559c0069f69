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

use std::fmt;

use serde::Serialize;

use crate::model::{EventKind, Notice, Person, Post};
use crate::state::{PersonId, PostId, State};

/// How a chain's first vacancy came about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Opening {
    /// The holder left and took no other post in these notices.
    Exit(Person),
    /// The holder moved to another post in these notices, and another
    /// chain follows that move (they left several posts at once).
    Moved(Person),
    /// Nobody left the seat in these notices: it was vacant before, or the
    /// post is new.
    Vacant,
}

/// How a chain ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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
            Opening::Vacant => f.write_str("vacant → ")?,
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

/// One event of the batch, resolved to ids, in notice and clause order.
#[derive(Clone, Copy)]
struct Move {
    seq: u64,
    person: PersonId,
    post: PostId,
}

/// A batch of notices: their removals (each one vacancy, so that a post
/// with several seats can have several) and appointments (each fills one).
struct Batch {
    removals: Vec<Move>,
    appointments: Vec<Move>,
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
    };
    let mut events = Vec::new();
    for (seq, notice) in notices {
        for (index, event) in notice.events.iter().enumerate() {
            // As corrected: a rescinded move did not happen, a corrected one
            // happened to the person and post the correction names.
            let at = crate::timeline::EventAt::new(seq, index as u32);
            if let Some((person, post, _)) = state.current(at, event) {
                events.push((
                    seq,
                    event.provenance.clause,
                    event.kind,
                    Move { seq, person, post },
                ));
            }
        }
    }
    events.sort_by_key(|(seq, clause, ..)| (*seq, *clause));
    for (_, _, kind, m) in events {
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
    start_vacancies(state, &batch, true, &mut followed, &mut filled, &mut out);
    start_exits_or_moves(state, &batch, false, &mut followed, &mut filled, &mut out);
    start_vacancies(state, &batch, false, &mut followed, &mut filled, &mut out);
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
    batch: &Batch,
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
        out.push(follow(
            state,
            batch,
            Opening::Vacant,
            post,
            Some(a),
            followed,
            filled,
        ));
    }
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
