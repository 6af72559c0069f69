//! The in-memory state of a ledger: a fold over its log.
//!
//! Names are interned to small ids once. Each (person, post) pair keeps its
//! events in application order and the tenures they make; each post and
//! each person keeps a sorted [`Timeline`] of tenures. A petgraph graph
//! holds who is connected to what: people and posts as nodes, a `Holds`
//! edge per (person, post) pair carrying its tenures, and a `Move` edge
//! from post to post when a notice takes a person out of one and into the
//! other.
//!
//! Applying an entry touches only the pairs, posts and people it names, so
//! its cost does not grow with the ledger, and it reports what it touched
//! so that the conflict checker re-examines exactly that. A notice's
//! application can be undone (strict mode refuses a notice after looking at
//! it). The state never validates (the ledger does that first) and never
//! reads or writes storage.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Arc;

// A fast hash for the interners: names are hashed on every event.
use foldhash::HashMap;

use chrono::NaiveDate;
use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::alias;
use crate::model::{
    Action, Change, Correction, Entry, EventKind, Notice, Person, Post, Seats, normalise,
};
use crate::timeline::{
    EventAt, PairEvent, PostLine, Slot, Start, TenureRec, Timeline, derive_tenures, insert_event,
};

/// The id of a person within one ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PersonId(pub(crate) u32);

/// The id of a post within one ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PostId(pub(crate) u32);

impl std::fmt::Display for PersonId {
    /// The id's number, as the command lists it (`appointments search`).
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
    ///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任")))?;
    /// assert_eq!(ledger.find_person("衣连斌")?.to_string(), "0");
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::fmt::Display for PostId {
    /// The id's number, as the command lists it (`appointments search`).
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
    ///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任")))?;
    /// assert_eq!(ledger.find_post("济南市槐荫区人民防空办公室主任")?.to_string(), "0");
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The id of an organisation name within one ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct OrgId(pub u32);

/// The people who share a name: almost always one, known by the name
/// alone.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Namesakes {
    /// The only person of the name, and without an id: finding them reads
    /// nothing more.
    Plain([PersonId; 1]),
    /// Any other case: several people, or one with an id.
    Several(Vec<PersonId>),
}

impl Namesakes {
    fn ids(&self) -> &[PersonId] {
        match self {
            Namesakes::Plain(one) => one,
            Namesakes::Several(ids) => ids,
        }
    }
}

/// One person's record at one post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pair {
    pub person: PersonId,
    pub post: PostId,
    pub events: Vec<PairEvent>,
    pub tenures: Vec<TenureRec>,
}

/// A node of the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    Person(PersonId),
    Post(PostId),
}

/// An edge of the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Link {
    /// Person → post: the pair whose tenures the person had there.
    Holds(u32),
    /// Post → post: a notice removed the person from the first and
    /// appointed them to the second.
    Move { person: PersonId, date: NaiveDate },
}

/// People, posts, tenures and moves as a graph.
#[derive(Clone, Debug, Default)]
pub(crate) struct Graph {
    pub g: DiGraph<Node, Link, u32>,
    person_nodes: Vec<NodeIndex>,
    post_nodes: Vec<NodeIndex>,
}

impl PartialEq for Graph {
    fn eq(&self, other: &Graph) -> bool {
        let edges = |g: &DiGraph<Node, Link, u32>| -> Vec<(usize, usize, Link)> {
            g.edge_references()
                .map(|e| (e.source().index(), e.target().index(), *e.weight()))
                .collect()
        };
        self.g.node_weights().eq(other.g.node_weights()) && edges(&self.g) == edges(&other.g)
    }
}

impl Eq for Graph {}

impl Graph {
    pub fn person_node(&self, id: PersonId) -> NodeIndex {
        self.person_nodes[id.0 as usize]
    }

    pub fn post_node(&self, id: PostId) -> NodeIndex {
        self.post_nodes[id.0 as usize]
    }

    /// The post at a node, if it is a post's.
    pub fn post_at(&self, node: NodeIndex) -> Option<PostId> {
        match self.g.node_weight(node) {
            Some(Node::Post(id)) => Some(*id),
            _ => None,
        }
    }
}

/// What applying an entry touched: the pairs whose events or post changed,
/// and the posts (canonical), people and organisation names whose findings
/// may have changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Touched {
    pub pairs: BTreeSet<u32>,
    pub posts: BTreeSet<PostId>,
    pub persons: BTreeSet<PersonId>,
    pub orgs: BTreeSet<OrgId>,
}

/// How to take a notice back out of the state.
#[derive(Debug)]
pub(crate) struct Undo {
    seq: u64,
    number: String,
    persons: usize,
    orgs: usize,
    posts: usize,
    pairs: usize,
    nodes: usize,
    edges: usize,
    existing_pairs: Vec<u32>,
    /// Organisations known before the notice whose first event it is.
    firsts: Vec<OrgId>,
    /// Each event's person and post as written, interned: what
    /// [`State::share`] hands the notice.
    names: Vec<(PersonId, PostId)>,
}

/// The fold of a log: everything queries and checks need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    persons: Vec<Person>,
    /// Normalised name → every person of that name (several only when
    /// callers gave ids); the one index of people.
    persons_by_name: HashMap<Arc<str>, Namesakes>,

    orgs: Vec<String>,
    org_ids: HashMap<String, OrgId>,
    /// Union-find parent: an organisation declared another's alias points
    /// to it.
    org_parent: Vec<OrgId>,
    /// For a canonical organisation, its canonical posts.
    org_posts: Vec<Vec<PostId>>,
    /// The first event that named each organisation.
    org_first: Vec<Option<EventAt>>,
    /// Alias key (jurisdiction words dropped) → organisations with it.
    alias_buckets: HashMap<String, Vec<OrgId>>,
    /// Each organisation name's alias keys (see [`alias::keys`]), kept so
    /// that a check does not compute them again.
    org_keys: Vec<(String, Option<String>)>,
    /// Rest key (a leading place dropped) → organisations with it.
    rest_buckets: HashMap<String, Vec<OrgId>>,
    /// For each organisation name, the posts written with it.
    org_written: Vec<Vec<PostId>>,

    posts: Vec<Post>,
    post_ids: HashMap<Post, PostId>,
    /// (canonical organisation, title) → the canonical post.
    post_keys: HashMap<(OrgId, String), PostId>,
    /// The hash of a post's organisation and title in simplified script →
    /// the first post so written: a post written in traditional script and
    /// one in simplified are one post. (A hash, not the names: the names
    /// are the posts' own; a match is checked against them.)
    post_scripts: HashMap<u64, PostId>,
    /// Each post's organisation name.
    post_org: Vec<OrgId>,
    /// Whether each post's title is principal (asked for every tenure a
    /// check looks at; the lexicon is asked once per post).
    post_principal: Vec<bool>,
    /// The post a post was merged into (itself when canonical).
    post_target: Vec<PostId>,
    /// Every written form a post answers to → the post.
    posts_by_name: HashMap<String, PostId>,

    pairs: Vec<Pair>,
    pair_ids: HashMap<(PersonId, PostId), u32>,
    post_lines: Vec<PostLine>,
    person_lines: Vec<Timeline>,
    graph: Graph,
    seats: HashMap<PostId, Seats>,
    /// Notice (and correction) number → the entry that recorded it.
    notices: HashMap<String, u64>,
    /// The same by [`crate::model::notice_key`] (brackets in one width),
    /// for numbers typed with other brackets: the first recorded of
    /// numbers that fold alike.
    notice_keys: HashMap<String, u64>,
    /// Events a correction rescinded → the correction's entry.
    retracted: HashMap<EventAt, u64>,
    /// Events a correction moved to another person or post → their pair.
    moved: HashMap<EventAt, u32>,
    /// Events corrections changed → (correction entry, amendment index).
    amended: HashMap<EventAt, Vec<(u64, u32)>>,
    /// While a whole log is replayed from scratch: tenures are derived,
    /// bounded and placed once, at the end.
    bulk: bool,
}

impl State {
    /// Applies one entry that the ledger has validated, and says what it
    /// touched.
    ///
    /// `log` holds the entries before this one: a correction finds the
    /// events it changes there.
    pub(crate) fn apply(&mut self, entry: &Entry, log: &[Entry]) -> Touched {
        match &entry.change {
            Change::Correction(correction) => self.apply_correction(entry.seq, correction, log),
            Change::Notice(notice) => self.apply_notice(entry.seq, notice).0,
            Change::Seats { post, seats } => {
                let post = self.intern_post(post, None);
                self.seats.insert(post, *seats);
                let mut touched = Touched::default();
                touched.posts.insert(post);
                touched.persons = self.rebound(post);
                touched
            }
            Change::Alias { name, same_as } => self.apply_alias(name, same_as),
        }
    }

    /// Starts replaying a whole log: from now until [`State::finish_bulk`]
    /// events are only filed under their pairs, and nothing is derived.
    pub(crate) fn begin_bulk(&mut self) {
        self.bulk = true;
    }

    /// Ends a replay: derives every pair that changed, bounds the unknown
    /// starts, and builds every timeline by one sort — the state an entry
    /// by entry replay reaches, at a fraction of the cost.
    pub(crate) fn finish_bulk(&mut self) {
        if !std::mem::take(&mut self.bulk) {
            return;
        }
        let mut unknown_at = vec![false; self.posts.len()];
        for record in &mut self.pairs {
            // Most pairs make one tenure: room for one.
            record.tenures.reserve_exact(1);
            derive_tenures(&record.events, &mut record.tenures);
            if record.tenures.iter().any(|t| !t.start.is_known()) {
                unknown_at[record.post.0 as usize] = true;
            }
        }
        // Each line is allocated once, at its size.
        let mut post_sizes = vec![0usize; self.posts.len()];
        let mut person_sizes = vec![0usize; self.persons.len()];
        for record in &self.pairs {
            post_sizes[record.post.0 as usize] += record.tenures.len();
            person_sizes[record.person.0 as usize] += record.tenures.len();
        }
        let mut by_post: Vec<Vec<Slot>> = post_sizes.into_iter().map(Vec::with_capacity).collect();
        let mut by_person: Vec<Vec<Slot>> =
            person_sizes.into_iter().map(Vec::with_capacity).collect();
        for (pair, record) in self.pairs.iter().enumerate() {
            for slot in slots(pair as u32, record) {
                by_post[record.post.0 as usize].push(slot);
                by_person[record.person.0 as usize].push(slot);
            }
        }
        self.post_lines = by_post.into_iter().map(PostLine::from_slots).collect();
        self.person_lines = by_person.into_iter().map(Timeline::from_slots).collect();
        // The unknown starts are bounded from the timelines, as recording
        // bounds them.
        for (post, unknown) in unknown_at.into_iter().enumerate() {
            if unknown {
                self.rebound(PostId(post as u32));
            }
        }
        // Growth room no longer needed: a replayed ledger holds what it
        // uses (recording more grows the vectors again).
        self.pairs.shrink_to_fit();
        self.persons.shrink_to_fit();
        self.posts.shrink_to_fit();
        self.graph.g.shrink_to_fit();
        self.graph.person_nodes.shrink_to_fit();
        self.graph.post_nodes.shrink_to_fit();
    }

    /// Applies a notice, returning what it touched and how to undo it.
    pub(crate) fn apply_notice(&mut self, seq: u64, notice: &Notice) -> (Touched, Undo) {
        let mut undo = Undo {
            seq,
            number: notice.number.clone(),
            persons: self.persons.len(),
            orgs: self.orgs.len(),
            posts: self.posts.len(),
            pairs: self.pairs.len(),
            nodes: self.graph.g.node_count(),
            edges: self.graph.g.edge_count(),
            existing_pairs: Vec::new(),
            firsts: Vec::new(),
            names: Vec::with_capacity(notice.events.len()),
        };
        let mut touched = Touched::default();
        self.number_recorded(&notice.number, seq);
        let mut pairs = Vec::with_capacity(notice.events.len());
        let mut moves: Vec<(PersonId, EventKind, PostId)> = Vec::with_capacity(notice.events.len());
        for (index, event) in notice.events.iter().enumerate() {
            let at = EventAt::new(seq, index as u32);
            let orgs_before = self.orgs.len();
            let person = self.intern_person(&event.person);
            let written = self.intern_written(&event.post, Some(at));
            undo.names.push((person, written));
            // An organisation known before (from a declaration) that this
            // notice names first: its first event, which alias suggestions
            // cite, is now this one. (A bulk replay is never undone, and its
            // findings are computed at the end.)
            let org = self.post_org[written.0 as usize];
            if !self.bulk
                && (org.0 as usize) < orgs_before
                && self.org_first[org.0 as usize] == Some(at)
            {
                undo.firsts.push(org);
                touched.orgs.insert(org);
            }
            let post = self.canonical(written);
            if self.orgs.len() > orgs_before {
                touched.orgs.insert(OrgId(orgs_before as u32));
            }
            // A post that held no tenure holds one now: a name whose
            // events corrections had moved away may be in use again (see
            // `org_in_use`), and its alias suggestions are looked at anew.
            let pair = self.intern_pair(person, post);
            if !self.bulk && self.post_lines[post.0 as usize].is_empty() {
                touched.orgs.insert(org);
                touched.orgs.insert(self.post_org[post.0 as usize]);
            }
            if (pair as usize) < undo.pairs && !undo.existing_pairs.contains(&pair) {
                undo.existing_pairs.push(pair);
            }
            let event_at = PairEvent {
                date: notice.effective,
                kind: event.kind,
                flags: event.flags,
                at,
            };
            insert_event(&mut self.pairs[pair as usize].events, event_at);
            pairs.push(pair);
            moves.push((person, event.kind, post));
            if !self.bulk {
                touched.pairs.insert(pair);
                touched.posts.insert(post);
                touched.persons.insert(person);
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        // Every pair first, then each post's unknown starts once: a
        // reshuffle removes and appoints at the same post.
        let mut posts = Vec::with_capacity(pairs.len());
        for pair in pairs {
            touched.persons.extend(self.derive(pair));
            posts.push(self.pairs[pair as usize].post);
        }
        posts.sort_unstable();
        posts.dedup();
        for post in posts {
            touched.persons.extend(self.rebound(post));
        }
        // A person removed from one post and appointed to another by this
        // notice moved between them.
        moves.sort_by_key(|(person, kind, _)| (*person, *kind));
        for group in moves.chunk_by(|a, b| a.0 == b.0) {
            let person = group[0].0;
            // Sorted by kind within the person: the appointments, then the
            // removals (one person appointed to many posts and removed
            // from none costs its appointments, not their square).
            let split = group.partition_point(|m| m.1 == EventKind::Appoint);
            let (appointed, removed) = group.split_at(split);
            for &(_, _, to) in appointed {
                for &(_, _, from) in removed {
                    if from != to {
                        let (na, nb) = (self.graph.post_node(from), self.graph.post_node(to));
                        let link = Link::Move {
                            person,
                            date: notice.effective,
                        };
                        self.graph.g.add_edge(na, nb, link);
                    }
                }
            }
        }
        (touched, undo)
    }

    /// Makes the people and posts of the notice just applied (`undo` is
    /// its record) share the names the state holds: the log then keeps one
    /// copy of each name, not one per event. The notice's vector gives back
    /// the room it was grown with.
    pub(crate) fn share(&self, notice: &mut Notice, undo: &Undo) {
        notice.events.shrink_to_fit();
        for (event, (person, post)) in notice.events.iter_mut().zip(&undo.names) {
            let (person, post) = (self.person(*person), self.post(*post));
            if event.person == *person && event.post == *post {
                event.person = person.clone();
                event.post = post.clone();
            }
        }
    }

    /// Takes the notice that `undo` was made for back out: afterwards the
    /// state equals what it was before that notice was applied.
    pub(crate) fn undo(&mut self, undo: Undo) {
        while self.graph.g.edge_count() > undo.edges {
            let last = EdgeIndex::new(self.graph.g.edge_count() - 1);
            self.graph.g.remove_edge(last);
        }
        let mut posts = BTreeSet::new();
        while self.pairs.len() > undo.pairs {
            let Some(pair) = self.pairs.pop() else { break };
            let id = self.pairs.len() as u32;
            self.pair_ids.remove(&(pair.person, pair.post));
            self.post_lines[pair.post.0 as usize].replace_pair(id, []);
            self.person_lines[pair.person.0 as usize].replace_pair(id, []);
            posts.insert(pair.post);
        }
        for &pair in &undo.existing_pairs {
            self.pairs[pair as usize]
                .events
                .retain(|e| e.at.seq() != undo.seq);
            self.rederive(pair);
        }
        for post in posts.into_iter().filter(|p| (p.0 as usize) < undo.posts) {
            self.rebound(post);
        }
        while self.graph.g.node_count() > undo.nodes {
            let last = NodeIndex::new(self.graph.g.node_count() - 1);
            match self.graph.g.remove_node(last) {
                Some(Node::Person(_)) => drop(self.graph.person_nodes.pop()),
                Some(Node::Post(_)) => drop(self.graph.post_nodes.pop()),
                None => break,
            }
        }
        while self.posts.len() > undo.posts {
            let Some(post) = self.posts.pop() else { break };
            let id = PostId(self.posts.len() as u32);
            self.post_ids.remove(&post);
            for name in written_forms(&post) {
                if let Cow::Owned(simple) = crate::parse::simplified(&name)
                    && self.posts_by_name.get(&simple) == Some(&id)
                {
                    self.posts_by_name.remove(&simple);
                }
                if self.posts_by_name.get(&name) == Some(&id) {
                    self.posts_by_name.remove(&name);
                }
            }
            let (scripts, _) = script_key(&post);
            if self.post_scripts.get(&scripts) == Some(&id) {
                self.post_scripts.remove(&scripts);
            }
            self.post_principal.pop();
            if let Some(org) = self.post_org.pop() {
                if let Some(list) = self.org_written.get_mut(org.0 as usize) {
                    list.retain(|p| *p != id);
                }
                let root = self.root(org);
                let key = (root, post.title().to_owned());
                if self.post_keys.get(&key) == Some(&id) {
                    self.post_keys.remove(&key);
                }
                if let Some(list) = self.org_posts.get_mut(root.0 as usize) {
                    list.retain(|p| *p != id);
                }
            }
            self.post_target.pop();
            self.post_lines.pop();
        }
        while self.persons.len() > undo.persons {
            let Some(person) = self.persons.pop() else {
                break;
            };
            // The person popped is the last of their name.
            match self.persons_by_name.get_mut(person.name()) {
                Some(Namesakes::Several(ids)) if ids.len() > 1 => {
                    ids.pop();
                    if let [one] = ids[..]
                        && self.persons[one.0 as usize].id().is_none()
                    {
                        self.persons_by_name
                            .insert(person.shared_name(), Namesakes::Plain([one]));
                    }
                }
                _ => drop(self.persons_by_name.remove(person.name())),
            }
            self.person_lines.pop();
        }
        while self.orgs.len() > undo.orgs {
            let Some(org) = self.orgs.pop() else { break };
            self.org_ids.remove(&org);
            self.org_parent.pop();
            self.org_posts.pop();
            self.org_first.pop();
            self.org_written.pop();
            let Some((own, rest)) = self.org_keys.pop() else {
                break;
            };
            for (buckets, key) in [
                (&mut self.alias_buckets, Some(own)),
                (&mut self.rest_buckets, rest),
            ] {
                let Some(key) = key else { continue };
                if let Some(bucket) = buckets.get_mut(&key) {
                    bucket.pop();
                    if bucket.is_empty() {
                        buckets.remove(&key);
                    }
                }
            }
        }
        for org in undo.firsts {
            self.org_first[org.0 as usize] = None;
        }
        if let Some(seq) = self.notices.remove(&undo.number) {
            let key = crate::model::notice_key(&undo.number);
            if self.notice_keys.get(&key) == Some(&seq) {
                self.notice_keys.remove(&key);
            }
        }
    }

    /// The events of recorded notices that `target`-style selection
    /// names and that still count (not rescinded), as the notice wrote them.
    pub(crate) fn live_events<'a>(
        &self,
        log: &'a [Entry],
        target: &crate::model::Target,
    ) -> Option<Vec<(EventAt, &'a crate::model::Event)>> {
        let seq = self.notice_seq(&target.notice)?;
        let notice = log
            .get(usize::try_from(seq).ok()?.checked_sub(1)?)?
            .change
            .notice()?;
        Some(
            notice
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| (EventAt::new(seq, i as u32), e))
                .filter(|(at, e)| target.matches(e) && !self.retracted.contains_key(at))
                .collect(),
        )
    }

    /// Applies a correction the ledger has validated: each amendment
    /// rescinds or corrects the events it names, and their pairs are
    /// re-derived.
    fn apply_correction(&mut self, seq: u64, correction: &Correction, log: &[Entry]) -> Touched {
        let mut touched = Touched::default();
        self.number_recorded(&correction.number, seq);
        for (index, amendment) in correction.amendments.iter().enumerate() {
            let events = self.live_events(log, &amendment.target).unwrap_or_default();
            for (at, written) in events {
                let Some(pair) = self.pair_of_event(at, written) else {
                    continue;
                };
                let record = &mut self.pairs[pair as usize];
                let Some(position) = record.events.iter().position(|e| e.at == at) else {
                    continue;
                };
                let old = record.events.remove(position);
                touched.pairs.insert(pair);
                touched.orgs.insert(self.post_org[record.post.0 as usize]);
                let record = &mut self.pairs[pair as usize];
                touched.posts.insert(record.post);
                touched.persons.insert(record.person);
                // Whether the written organisation name is still in use
                // (for alias suggestions) may change with it.
                if let Some(written_post) = self.post_ids.get(&written.post) {
                    touched.orgs.insert(self.post_org[written_post.0 as usize]);
                }
                self.amended
                    .entry(at)
                    .or_default()
                    .push((seq, index as u32));
                match &amendment.action {
                    Action::Retract => {
                        self.retracted.insert(at, seq);
                        touched.persons.extend(self.rederive(pair));
                    }
                    Action::Correct {
                        person,
                        post,
                        effective,
                        flags,
                    } => {
                        let (current_person, current_post) = (record.person, record.post);
                        let person = match person {
                            Some(p) => self.intern_person(p),
                            None => current_person,
                        };
                        let orgs_before = self.orgs.len();
                        let post = match post {
                            Some(p) => self.intern_post(p, Some(at)),
                            None => current_post,
                        };
                        if self.orgs.len() > orgs_before {
                            touched.orgs.insert(OrgId(orgs_before as u32));
                        }
                        let target = self.intern_pair(person, post);
                        if let Some(p) = amendment_post(&amendment.action)
                            && let Some(written) = self.post_ids.get(p)
                        {
                            touched.orgs.insert(self.post_org[written.0 as usize]);
                        }
                        let event = PairEvent {
                            date: effective.unwrap_or(old.date),
                            kind: old.kind,
                            flags: flags.unwrap_or(old.flags),
                            at,
                        };
                        insert_event(&mut self.pairs[target as usize].events, event);
                        self.moved.insert(at, target);
                        touched.pairs.insert(target);
                        touched.orgs.insert(self.post_org[post.0 as usize]);
                        touched.posts.insert(post);
                        touched.persons.insert(person);
                        touched.persons.extend(self.rederive(pair));
                        if target != pair {
                            touched.persons.extend(self.rederive(target));
                        }
                    }
                }
            }
        }
        touched
    }

    /// The pair an event of the log sits in now.
    fn pair_of_event(&self, at: EventAt, written: &crate::model::Event) -> Option<u32> {
        if let Some(pair) = self.moved.get(&at) {
            return Some(*pair);
        }
        let person = self.person_id(&written.person)?;
        let post = self.post_id(&written.post)?;
        self.pair_ids.get(&(person, post)).copied()
    }

    /// Where an event of the log stands now, after corrections and alias
    /// merges: its person, its (canonical) post and its date; `None` when a
    /// correction rescinded it.
    pub(crate) fn current(
        &self,
        at: EventAt,
        written: &crate::model::Event,
    ) -> Option<(PersonId, PostId, NaiveDate)> {
        if self.retracted.contains_key(&at) {
            return None;
        }
        let pair = self.pair_of_event(at, written)?;
        let record = &self.pairs[pair as usize];
        let event = record.events.iter().find(|e| e.at == at)?;
        Some((record.person, record.post, event.date))
    }

    /// The events a correction rescinded, with the correction's entry.
    pub(crate) fn rescinded(&self) -> impl Iterator<Item = (EventAt, u64)> + '_ {
        self.retracted.iter().map(|(at, seq)| (*at, *seq))
    }

    /// Whether any event is filed under a post written with this
    /// organisation name (a name whose events corrections moved away no
    /// longer is).
    pub(crate) fn org_in_use(&self, org: OrgId) -> bool {
        // A pair with events has a tenure, on its post's timeline; a merged
        // post's timeline is empty.
        self.org_written[org.0 as usize]
            .iter()
            .any(|post| !self.post_lines[post.0 as usize].is_empty())
    }

    /// The corrections that changed an event: (correction entry,
    /// amendment index).
    pub(crate) fn amendments_of(&self, at: EventAt) -> &[(u64, u32)] {
        // Most ledgers have no corrections: skip the lookup.
        if self.amended.is_empty() {
            return &[];
        }
        self.amended.get(&at).map_or(&[], Vec::as_slice)
    }

    /// Declares `name` another name of `same_as`: their posts of the same
    /// title become one post, and everything recorded for either is
    /// re-derived as one history.
    fn apply_alias(&mut self, name: &str, same_as: &str) -> Touched {
        let mut touched = Touched::default();
        let keep = self.intern_org(same_as, None);
        let fold = self.intern_org(name, None);
        touched.orgs.insert(keep);
        touched.orgs.insert(fold);
        let (keep, fold) = (self.root(keep), self.root(fold));
        if keep == fold {
            return touched;
        }
        // Joining the two classes changes which names are one for every
        // member of both: their suggestions are looked at anew.
        let members: Vec<OrgId> = (0..self.orgs.len() as u32)
            .map(OrgId)
            .filter(|o| {
                let root = self.root(*o);
                root == keep || root == fold
            })
            .collect();
        touched.orgs.extend(members);
        self.org_parent[fold.0 as usize] = keep;
        let moved = std::mem::take(&mut self.org_posts[fold.0 as usize]);
        for post in moved {
            let title = self.posts[post.0 as usize].title().to_owned();
            self.post_keys.remove(&(fold, title.clone()));
            let target = match self.post_keys.get(&(keep, title.clone())).copied() {
                Some(target) => {
                    self.merge_post(post, target, &mut touched);
                    target
                }
                None => {
                    self.post_keys.insert((keep, title.clone()), post);
                    self.org_posts[keep.0 as usize].push(post);
                    post
                }
            };
            // The merged post's own findings go; the target's are redone.
            touched.posts.insert(post);
            touched.posts.insert(target);
            // The post now answers to the other spelling too, even if that
            // spelling was never recorded with this title.
            for name in written_forms(&Post::new(same_as, &title)) {
                self.posts_by_name.entry(name).or_insert(target);
            }
        }
        touched
    }

    /// Merges post `from` into post `into`: its pairs join or become pairs
    /// of `into`, and its moves are re-pointed.
    fn merge_post(&mut self, from: PostId, into: PostId, touched: &mut Touched) {
        self.post_target[from.0 as usize] = into;
        if let Some(seats) = self.seats.remove(&from)
            && !self.seats.contains_key(&into)
        {
            // The merged post's declared seats now bound the target's
            // unknown starts.
            self.seats.insert(into, seats);
            touched.persons.extend(self.rebound(into));
        }
        let from_node = self.graph.post_node(from);
        let into_node = self.graph.post_node(into);
        let mut edges: Vec<(EdgeIndex, NodeIndex, NodeIndex, Link)> = self
            .graph
            .g
            .edges_directed(from_node, Direction::Incoming)
            .chain(self.graph.g.edges_directed(from_node, Direction::Outgoing))
            .map(|e| (e.id(), e.source(), e.target(), *e.weight()))
            .collect();
        // Remove from the highest index down: petgraph moves the last edge
        // into a removed edge's place.
        edges.sort_by_key(|(id, ..)| std::cmp::Reverse(id.index()));
        edges.dedup_by_key(|(id, ..)| *id);
        for (id, ..) in &edges {
            self.graph.g.remove_edge(*id);
        }
        edges.reverse();
        for (_, source, target, link) in edges {
            match link {
                Link::Holds(pair) => {
                    let person = self.pairs[pair as usize].person;
                    // Its events leave it, or it now names the other post.
                    touched.pairs.insert(pair);
                    touched.persons.insert(person);
                    self.post_lines[from.0 as usize].replace_pair(pair, []);
                    self.pair_ids.remove(&(person, from));
                    match self.pair_ids.get(&(person, into)).copied() {
                        Some(existing) => {
                            let events = std::mem::take(&mut self.pairs[pair as usize].events);
                            self.pairs[pair as usize].tenures.clear();
                            self.person_lines[person.0 as usize].replace_pair(pair, []);
                            for event in events {
                                // An event a correction moved here now
                                // lives in the pair it joins.
                                if let Some(moved) = self.moved.get_mut(&event.at) {
                                    *moved = existing;
                                }
                                insert_event(&mut self.pairs[existing as usize].events, event);
                            }
                            touched.pairs.insert(existing);
                            touched.persons.extend(self.rederive(existing));
                        }
                        None => {
                            self.pairs[pair as usize].post = into;
                            self.pair_ids.insert((person, into), pair);
                            self.graph.g.add_edge(source, into_node, Link::Holds(pair));
                            touched.persons.extend(self.rederive(pair));
                        }
                    }
                }
                Link::Move { .. } => {
                    let source = if source == from_node {
                        into_node
                    } else {
                        source
                    };
                    let target = if target == from_node {
                        into_node
                    } else {
                        target
                    };
                    if source != target {
                        self.graph.g.add_edge(source, target, link);
                    }
                }
            }
        }
    }

    /// Re-derives a pair's tenures from its events, then re-bounds the
    /// unknown starts at its post; returns the people whose tenures changed.
    fn rederive(&mut self, pair: u32) -> BTreeSet<PersonId> {
        let mut changed = self.derive(pair);
        if !self.bulk {
            changed.extend(self.rebound(self.pairs[pair as usize].post));
        }
        changed
    }

    /// Re-derives a pair's tenures from its events and places them, leaving
    /// the unknown starts at its post to [`State::rebound`]; returns the
    /// pair's person.
    fn derive(&mut self, pair: u32) -> BTreeSet<PersonId> {
        if self.bulk {
            return BTreeSet::new();
        }
        let record = &mut self.pairs[pair as usize];
        let old: Vec<Slot> = slots(pair, record).collect();
        derive_tenures(&record.events, &mut record.tenures);
        let person = record.person;
        self.place(pair, &old);
        BTreeSet::from([person])
    }

    /// Puts a pair's tenures on its post's and its person's timelines, in
    /// place of `old`, the slots it had there. Finding the old slots by
    /// their keys keeps this to the pair's own size: a notice appointing
    /// thousands to one post places thousands of pairs on one timeline.
    fn place(&mut self, pair: u32, old: &[Slot]) {
        let record = &self.pairs[pair as usize];
        let slots: Vec<Slot> = slots(pair, record).collect();
        let (person, post) = (record.person, record.post);
        self.post_lines[post.0 as usize].replace_slots(old, slots.iter().copied());
        self.person_lines[person.0 as usize].replace_slots(old, slots);
    }

    /// Bounds each tenure of unknown start at `post` from below: it began
    /// after the holder's own previous tenure there ended and, at a post of
    /// one seat, after every other tenure there that ended before it did
    /// (someone else held the one seat until then). Returns the people
    /// whose tenures changed.
    fn rebound(&mut self, post: PostId) -> BTreeSet<PersonId> {
        let mut changed = BTreeSet::new();
        // The post's timeline holds a copy of each of its tenures: when none
        // has an unknown start there is nothing to bound.
        let line = &self.post_lines[post.0 as usize];
        if self.bulk || line.slots().all(|s| s.rec.start.is_known()) {
            return changed;
        }
        for (p, list) in self.bounds(post) {
            // In the pair's own room: the list has as many tenures.
            let old: Vec<Slot> = slots(p, &self.pairs[p as usize]).collect();
            self.pairs[p as usize].tenures.clone_from(&list);
            self.place(p, &old);
            changed.insert(self.pairs[p as usize].person);
        }
        changed
    }

    /// The tenures of the pairs at `post` whose unknown starts [`rebound`]
    /// would change, as they should be.
    ///
    /// [`rebound`]: State::rebound
    fn bounds(&self, post: PostId) -> Vec<(u32, Vec<TenureRec>)> {
        // The post's timeline holds a copy of each tenure there, in one
        // place: read it rather than each pair's list.
        let line = &self.post_lines[post.0 as usize];
        let seats = self
            .seats
            .get(&post)
            .copied()
            .unwrap_or_else(|| self.posts[post.0 as usize].default_seats());
        // The ends of the tenures there.
        let ends = || {
            line.slots()
                .filter_map(|s| s.rec.end.date().map(|d| (d, s.pair)))
        };
        let mut changed: Vec<(u32, Vec<TenureRec>)> = Vec::new();
        for slot in line.slots() {
            let Start::Unknown { after, before } = slot.rec.start else {
                continue;
            };
            let (p, i) = (slot.pair, slot.tenure as usize);
            let tenures = &self.pairs[p as usize].tenures;
            let own = i
                .checked_sub(1)
                .and_then(|j| tenures.get(j))
                .and_then(|t| t.end.date());
            // At a post of one seat, someone else held it until then.
            let others = if seats == Seats::ONE {
                ends()
                    .filter(|(d, q)| *q != p && *d <= before)
                    .map(|(d, _)| d)
                    .max()
            } else {
                None
            };
            let bound = own.max(others);
            if bound == after {
                continue;
            }
            let at = match changed.iter().position(|(q, _)| *q == p) {
                Some(at) => at,
                None => {
                    changed.push((p, tenures.clone()));
                    changed.len() - 1
                }
            };
            if let Some(tenure) = changed[at].1.get_mut(i) {
                tenure.start = Start::Unknown {
                    after: bound,
                    before,
                };
            }
        }
        changed
    }

    fn intern_person(&mut self, person: &Person) -> PersonId {
        if let Some(id) = self.person_id(person) {
            return id;
        }
        let id = PersonId(self.persons.len() as u32);
        self.persons.push(person.clone());
        match self.persons_by_name.get_mut(person.name()) {
            Some(Namesakes::Plain([first])) => {
                let several = Namesakes::Several(vec![*first, id]);
                self.persons_by_name.insert(person.shared_name(), several);
            }
            Some(Namesakes::Several(ids)) => ids.push(id),
            None => {
                let namesakes = match person.id() {
                    None => Namesakes::Plain([id]),
                    Some(_) => Namesakes::Several(vec![id]),
                };
                self.persons_by_name.insert(person.shared_name(), namesakes);
            }
        }
        self.person_lines.push(Timeline::default());
        let node = self.graph.g.add_node(Node::Person(id));
        self.graph.person_nodes.push(node);
        id
    }

    fn intern_org(&mut self, name: &str, first: Option<EventAt>) -> OrgId {
        // Names from a Post are normalised already; one from an alias
        // declaration may not be.
        let normalised;
        let name = if self.org_ids.contains_key(name) {
            name
        } else {
            normalised = normalise(name);
            normalised.as_str()
        };
        if let Some(id) = self.org_ids.get(name).copied() {
            if self.org_first[id.0 as usize].is_none() {
                self.org_first[id.0 as usize] = first;
            }
            return id;
        }
        let name = name.to_owned();
        let id = OrgId(self.orgs.len() as u32);
        let (own, rest) = alias::keys(&name);
        self.alias_buckets.entry(own.clone()).or_default().push(id);
        if let Some(rest) = &rest {
            self.rest_buckets.entry(rest.clone()).or_default().push(id);
        }
        self.org_keys.push((own, rest));
        self.org_written.push(Vec::new());
        self.org_ids.insert(name.clone(), id);
        self.orgs.push(name);
        self.org_parent.push(id);
        self.org_posts.push(Vec::new());
        self.org_first.push(first);
        id
    }

    /// The canonical post for a written post, interning what is new.
    fn intern_post(&mut self, post: &Post, first: Option<EventAt>) -> PostId {
        let written = self.intern_written(post, first);
        self.canonical(written)
    }

    /// The id of a post as written (before alias merges), interning what
    /// is new.
    fn intern_written(&mut self, post: &Post, first: Option<EventAt>) -> PostId {
        if let Some(id) = self.post_ids.get(post).copied() {
            let org = self.post_org[id.0 as usize];
            if self.org_first[org.0 as usize].is_none() {
                self.org_first[org.0 as usize] = first;
            }
            return id;
        }
        let org = self.intern_org(post.organisation(), first);
        let root = self.root(org);
        let id = PostId(self.posts.len() as u32);
        self.posts.push(post.clone());
        self.post_ids.insert(post.clone(), id);
        self.post_org.push(org);
        self.post_principal.push(post.is_principal());
        self.org_written[org.0 as usize].push(id);
        self.post_target.push(id);
        self.post_lines.push(PostLine::default());
        let node = self.graph.g.add_node(Node::Post(id));
        self.graph.post_nodes.push(node);
        for name in written_forms(post) {
            // The first post to claim a written form keeps it: a later post
            // whose second name collides stays reachable by its full name;
            // and it is found by its simplified form too.
            if let Cow::Owned(simple) = crate::parse::simplified(&name) {
                self.posts_by_name.entry(simple).or_insert(id);
            }
            self.posts_by_name.entry(name).or_insert(id);
        }
        let key = (root, post.title().to_owned());
        let (scripts, simple) = script_key(post);
        let in_other_script = self
            .post_scripts
            .get(&scripts)
            .filter(|other| script_key(&self.posts[other.0 as usize]).1 == simple)
            .map(|other| self.canonical(*other));
        match self.post_keys.get(&key).copied().or(in_other_script) {
            // Another spelling of a post already known under an alias, or
            // the post written in the other script.
            Some(target) => self.post_target[id.0 as usize] = target,
            None => {
                self.post_keys.insert(key, id);
                self.org_posts[root.0 as usize].push(id);
            }
        }
        self.post_scripts.entry(scripts).or_insert(id);
        id
    }

    fn intern_pair(&mut self, person: PersonId, post: PostId) -> u32 {
        // A pair with events has a tenure on its person's timeline, which
        // is short and is about to be read anyway: look there before the
        // table of every pair (a pair whose events all went is only there).
        // A bulk replay builds the timelines at its end.
        if !self.bulk
            && let Some(slot) = self.person_lines[person.0 as usize]
                .slots()
                .find(|s| s.post == post)
        {
            return slot.pair;
        }
        if let Some(pair) = self.pair_ids.get(&(person, post)) {
            return *pair;
        }
        let pair = self.pairs.len() as u32;
        self.pairs.push(Pair {
            person,
            post,
            // Most pairs have an appointment and a removal.
            events: Vec::with_capacity(2),
            tenures: Vec::with_capacity(1),
        });
        self.pair_ids.insert((person, post), pair);
        let (a, b) = (self.graph.person_node(person), self.graph.post_node(post));
        self.graph.g.add_edge(a, b, Link::Holds(pair));
        pair
    }

    fn root(&self, mut org: OrgId) -> OrgId {
        while self.org_parent[org.0 as usize] != org {
            org = self.org_parent[org.0 as usize];
        }
        org
    }

    /// The post `id` stands for after alias merges.
    pub(crate) fn canonical(&self, mut id: PostId) -> PostId {
        while self.post_target[id.0 as usize] != id {
            id = self.post_target[id.0 as usize];
        }
        id
    }

    pub(crate) fn person(&self, id: PersonId) -> &Person {
        &self.persons[id.0 as usize]
    }

    pub(crate) fn post(&self, id: PostId) -> &Post {
        &self.posts[id.0 as usize]
    }

    /// Whether a post's title is principal, by the title lexicon.
    pub(crate) fn is_principal(&self, id: PostId) -> bool {
        self.post_principal[id.0 as usize]
    }

    pub(crate) fn persons(&self) -> &[Person] {
        &self.persons
    }

    pub(crate) fn posts(&self) -> &[Post] {
        &self.posts
    }

    /// The posts that stand for themselves (not merged into another).
    pub(crate) fn canonical_posts(&self) -> impl Iterator<Item = PostId> + '_ {
        (0..self.posts.len() as u32)
            .map(PostId)
            .filter(|id| self.post_target[id.0 as usize] == *id)
    }

    pub(crate) fn person_id(&self, person: &Person) -> Option<PersonId> {
        match self.persons_by_name.get(person.name())? {
            Namesakes::Plain([id]) => person.id().is_none().then_some(*id),
            Namesakes::Several(ids) => ids
                .iter()
                .copied()
                .find(|id| self.persons[id.0 as usize] == *person),
        }
    }

    pub(crate) fn post_id(&self, post: &Post) -> Option<PostId> {
        self.post_ids.get(post).map(|id| self.canonical(*id))
    }

    pub(crate) fn persons_named(&self, name: &str) -> &[PersonId] {
        self.persons_by_name
            .get(normalise(name).as_str())
            .map_or(&[], Namesakes::ids)
    }

    pub(crate) fn post_named(&self, name: &str) -> Option<PostId> {
        post_by_name(name, |form| self.posts_by_name.get(form).copied())
            .map(|id| self.canonical(id))
    }

    /// Every written form a post answers to, with the post it names now.
    pub(crate) fn post_names(&self) -> impl Iterator<Item = (&str, PostId)> + '_ {
        self.posts_by_name
            .iter()
            .map(|(name, id)| (name.as_str(), self.canonical(*id)))
    }

    /// Every person's name, with the people of that name.
    pub(crate) fn person_names(&self) -> impl Iterator<Item = (&str, &[PersonId])> + '_ {
        self.persons_by_name
            .iter()
            .map(|(name, ids)| (&**name, ids.ids()))
    }

    /// Every pair, by number.
    pub(crate) fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    pub(crate) fn pair(&self, pair: u32) -> &Pair {
        &self.pairs[pair as usize]
    }

    pub(crate) fn post_line(&self, post: PostId) -> &PostLine {
        &self.post_lines[post.0 as usize]
    }

    pub(crate) fn person_line(&self, person: PersonId) -> &Timeline {
        &self.person_lines[person.0 as usize]
    }

    pub(crate) fn seats_override(&self, post: PostId) -> Option<Seats> {
        self.seats.get(&post).copied()
    }

    /// The entry that recorded the notice or correction numbered
    /// `number`: the one written so (white space aside), or else the first
    /// whose number folds alike ([`crate::model::notice_key`]). The one
    /// lookup of a number every question and correction goes through.
    pub(crate) fn notice_seq(&self, number: &str) -> Option<u64> {
        let written = crate::model::normalised(number);
        self.notices
            .get(written.as_ref())
            .or_else(|| self.notice_keys.get(&crate::model::notice_key(&written)))
            .copied()
    }

    /// The entry that recorded a number written exactly so: what
    /// recording refuses as already recorded (a number with other
    /// brackets has always been recorded as a number of its own).
    pub(crate) fn notice_seq_as_written(&self, number: &str) -> Option<u64> {
        self.notices.get(number).copied()
    }

    /// Keeps where `number` was recorded, as written and by its key.
    fn number_recorded(&mut self, number: &str, seq: u64) {
        self.notices.insert(number.to_owned(), seq);
        self.notice_keys
            .entry(crate::model::notice_key(number))
            .or_insert(seq);
    }

    pub(crate) fn graph(&self) -> &Graph {
        &self.graph
    }

    /// The pairs the graph links by a `Holds` edge: every pair not merged
    /// into another (those whose events corrections rescinded included).
    pub(crate) fn linked_pairs(&self) -> impl Iterator<Item = u32> + '_ {
        self.graph.g.edge_weights().filter_map(|link| match link {
            Link::Holds(pair) => Some(*pair),
            Link::Move { .. } => None,
        })
    }

    pub(crate) fn org_count(&self) -> usize {
        self.orgs.len()
    }

    pub(crate) fn org_name(&self, org: OrgId) -> &str {
        &self.orgs[org.0 as usize]
    }

    pub(crate) fn org_first(&self, org: OrgId) -> Option<EventAt> {
        self.org_first[org.0 as usize]
    }

    /// An organisation name's alias keys: its own, and the one with a
    /// leading place dropped, if it has one.
    pub(crate) fn org_keys(&self, org: OrgId) -> (&str, Option<&str>) {
        match self.org_keys.get(org.0 as usize) {
            Some((own, rest)) => (own, rest.as_deref()),
            None => ("", None),
        }
    }

    /// Whether two organisation names have been declared one.
    pub(crate) fn same_org(&self, a: OrgId, b: OrgId) -> bool {
        self.root(a) == self.root(b)
    }

    /// The organisation names whose own alias key is `key`.
    pub(crate) fn alias_bucket(&self, key: &str) -> &[OrgId] {
        self.alias_buckets.get(key).map_or(&[], Vec::as_slice)
    }

    /// The organisation names that are `key` once a leading place is
    /// dropped.
    pub(crate) fn rest_bucket(&self, key: &str) -> &[OrgId] {
        self.rest_buckets.get(key).map_or(&[], Vec::as_slice)
    }
}

/// A pair's tenures as slots of its post's and its person's timelines.
/// The post a written name stands for, looked up by `get` as the ledger
/// does for every store of names: the name normalised, then in simplified
/// script (a post written in traditional script answers to either).
pub(crate) fn post_by_name(
    name: &str,
    mut get: impl FnMut(&str) -> Option<PostId>,
) -> Option<PostId> {
    let name = normalise(name);
    let folded = crate::model::fold_brackets(&name);
    get(&name)
        .or_else(|| get(&folded))
        .or_else(|| get(&crate::parse::simplified(&name)))
        .or_else(|| get(&crate::parse::simplified(&folded)))
}

fn slots(pair: u32, record: &Pair) -> impl Iterator<Item = Slot> + '_ {
    record.tenures.iter().enumerate().map(move |(i, t)| Slot {
        pair,
        tenure: i as u32,
        person: record.person,
        post: record.post,
        rec: *t,
    })
}

/// The post a correction moves events to, if it names one.
fn amendment_post(action: &Action) -> Option<&Post> {
    match action {
        Action::Correct { post, .. } => post.as_ref(),
        Action::Retract => None,
    }
}

/// What posts written in either script, with or without a board's term,
/// are joined by: the organisation (term dropped) and title in simplified
/// script, a NUL between them, so that no written name is one.
pub(crate) fn script_name(post: &Post) -> String {
    let (org, title) = (
        crate::parse::simplified(post.organisation()),
        crate::parse::simplified(post.title()),
    );
    let org = crate::model::without_board_term(&org, &title);
    format!("{org}\u{0}{title}")
}

/// The names a post answers to: organisation and title as written, and,
/// when the organisation has a parenthesised second name
/// (`A（B）`), `A` + title and `B` + title. (A search reads them too:
/// `lookup`.)
pub(crate) fn written_forms(post: &Post) -> Vec<String> {
    let org = post.organisation();
    let title = post.title();
    let mut forms = vec![format!("{org}{title}")];
    // The company's post a board's term is written on answers to its
    // name without the term (`…第八届董事会董事长` to `…董事长`).
    if let Cow::Owned(termless) = crate::model::without_board_term(org, title) {
        forms.push(format!("{termless}{title}"));
    }
    if let Some((main, second)) = crate::model::second_name(org) {
        forms.push(format!("{main}{title}"));
        forms.push(format!("{second}{title}"));
    }
    // Each with its brackets in one width, when that differs.
    let folded: Vec<String> = forms
        .iter()
        .filter_map(|form| match crate::model::fold_brackets(form) {
            Cow::Owned(folded) => Some(folded),
            Cow::Borrowed(_) => None,
        })
        .collect();
    forms.extend(folded);
    forms
}

/// A post's organisation and title in simplified script, less a board's
/// term, and its hash: one key for the post in either script and on any
/// board's term.
fn script_key(post: &Post) -> (u64, String) {
    use std::hash::BuildHasher;
    let simple = script_name(post);
    let hash = foldhash::fast::FixedState::with_seed(0x5ca1_ab1e).hash_one(&simple);
    (hash, simple)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_answers_to_both_of_its_organisation_names() {
        let post = Post::new(
            "济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）",
            "主任",
        );
        assert_eq!(
            written_forms(&post),
            vec![
                "济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）主任".to_owned(),
                "济南市槐荫区12345市民服务热线运行中心主任".to_owned(),
                "济南市槐荫区大数据中心主任".to_owned(),
            ]
        );
    }
}
