//! The in-memory state of a ledger: a fold over its log.
//!
//! Names are interned to small ids once; each (person, post) pair keeps its
//! events in application order and the tenures they make; each post and
//! each person keeps a sorted [`Timeline`] of tenures. Applying an entry
//! touches only the pairs its events name, so its cost does not grow with
//! the ledger. The state never validates (the ledger does that before an
//! entry is accepted) and never reads or writes storage.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Change, Entry, Person, Post, Seats, normalise};
use crate::timeline::{
    EventAt, PairEvent, Slot, TenureRec, Timeline, bounds, derive_tenures, insert_event,
};

/// The id of a person within one ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PersonId(pub(crate) u32);

/// The id of a post within one ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PostId(pub(crate) u32);

/// One person's record at one post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pair {
    pub person: PersonId,
    pub post: PostId,
    pub events: Vec<PairEvent>,
    pub tenures: Vec<TenureRec>,
}

/// The fold of a log: everything queries need, nothing they do not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    persons: Vec<Person>,
    person_ids: HashMap<Person, PersonId>,
    /// Normalised name → every person of that name (several only when
    /// callers gave ids).
    persons_by_name: HashMap<String, Vec<PersonId>>,
    posts: Vec<Post>,
    post_ids: HashMap<Post, PostId>,
    /// Every written form a post answers to → the post.
    posts_by_name: HashMap<String, PostId>,
    pairs: Vec<Pair>,
    pair_ids: HashMap<(PersonId, PostId), u32>,
    post_lines: Vec<Timeline>,
    person_lines: Vec<Timeline>,
    seats: HashMap<PostId, Seats>,
    /// Notice number → the entry that recorded it.
    notices: HashMap<String, u64>,
}

impl State {
    /// Applies one entry that the ledger has validated.
    pub(crate) fn apply(&mut self, entry: &Entry) {
        match &entry.change {
            Change::Notice(notice) => {
                self.notices.insert(notice.number.clone(), entry.seq);
                for (index, event) in notice.events.iter().enumerate() {
                    let person = self.intern_person(&event.person);
                    let post = self.intern_post(&event.post);
                    let pair = self.intern_pair(person, post);
                    let at = EventAt {
                        seq: entry.seq,
                        index: index as u32,
                    };
                    let event = PairEvent {
                        date: notice.effective,
                        kind: event.kind,
                        flags: event.flags,
                        at,
                    };
                    insert_event(&mut self.pairs[pair as usize].events, event);
                    self.rederive(pair);
                }
            }
            Change::Seats { post, seats } => {
                let post = self.intern_post(post);
                self.seats.insert(post, *seats);
            }
        }
    }

    fn rederive(&mut self, pair: u32) {
        let record = &mut self.pairs[pair as usize];
        record.tenures = derive_tenures(&record.events);
        let slots: Vec<Slot> = record
            .tenures
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (from, until) = bounds(t.start, t.end);
                Slot {
                    from,
                    until,
                    pair,
                    tenure: i as u32,
                }
            })
            .collect();
        let (person, post) = (record.person, record.post);
        self.post_lines[post.0 as usize].replace_pair(pair, slots.iter().copied());
        self.person_lines[person.0 as usize].replace_pair(pair, slots);
    }

    fn intern_person(&mut self, person: &Person) -> PersonId {
        if let Some(id) = self.person_ids.get(person) {
            return *id;
        }
        let id = PersonId(self.persons.len() as u32);
        self.persons.push(person.clone());
        self.person_ids.insert(person.clone(), id);
        self.persons_by_name
            .entry(person.name().to_owned())
            .or_default()
            .push(id);
        self.person_lines.push(Timeline::default());
        id
    }

    fn intern_post(&mut self, post: &Post) -> PostId {
        if let Some(id) = self.post_ids.get(post) {
            return *id;
        }
        let id = PostId(self.posts.len() as u32);
        self.posts.push(post.clone());
        self.post_ids.insert(post.clone(), id);
        for name in written_forms(post) {
            // The first post to claim a written form keeps it: a later post
            // whose second name collides stays reachable by its full name.
            self.posts_by_name.entry(name).or_insert(id);
        }
        self.post_lines.push(Timeline::default());
        id
    }

    fn intern_pair(&mut self, person: PersonId, post: PostId) -> u32 {
        let next = self.pairs.len() as u32;
        let pairs = &mut self.pairs;
        *self.pair_ids.entry((person, post)).or_insert_with(|| {
            pairs.push(Pair {
                person,
                post,
                events: Vec::new(),
                tenures: Vec::new(),
            });
            next
        })
    }

    pub(crate) fn person(&self, id: PersonId) -> &Person {
        &self.persons[id.0 as usize]
    }

    pub(crate) fn post(&self, id: PostId) -> &Post {
        &self.posts[id.0 as usize]
    }

    pub(crate) fn persons(&self) -> &[Person] {
        &self.persons
    }

    pub(crate) fn posts(&self) -> &[Post] {
        &self.posts
    }

    pub(crate) fn person_id(&self, person: &Person) -> Option<PersonId> {
        self.person_ids.get(person).copied()
    }

    pub(crate) fn post_id(&self, post: &Post) -> Option<PostId> {
        self.post_ids.get(post).copied()
    }

    pub(crate) fn persons_named(&self, name: &str) -> &[PersonId] {
        self.persons_by_name
            .get(&normalise(name))
            .map_or(&[], Vec::as_slice)
    }

    pub(crate) fn post_named(&self, name: &str) -> Option<PostId> {
        self.posts_by_name.get(&normalise(name)).copied()
    }

    pub(crate) fn pair(&self, pair: u32) -> &Pair {
        &self.pairs[pair as usize]
    }

    pub(crate) fn post_line(&self, post: PostId) -> &Timeline {
        &self.post_lines[post.0 as usize]
    }

    pub(crate) fn person_line(&self, person: PersonId) -> &Timeline {
        &self.person_lines[person.0 as usize]
    }

    pub(crate) fn seats_override(&self, post: PostId) -> Option<Seats> {
        self.seats.get(&post).copied()
    }

    pub(crate) fn notice_seq(&self, number: &str) -> Option<u64> {
        self.notices.get(number).copied()
    }
}

/// The names a post answers to: organisation and title as written, and,
/// when the organisation has a parenthesised second name
/// (`A（B）`), `A` + title and `B` + title.
fn written_forms(post: &Post) -> Vec<String> {
    let org = post.organisation();
    let title = post.title();
    let mut forms = vec![format!("{org}{title}")];
    if let Some((main, rest)) = org.split_once('（')
        && let Some(second) = rest.strip_suffix('）')
        && !main.is_empty()
        && !second.is_empty()
    {
        forms.push(format!("{main}{title}"));
        forms.push(format!("{second}{title}"));
    }
    forms
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
