//! Finding what to ask for: the posts, people and notices whose names hold
//! a part a clerk typed ([`Ledger::search`]), and the names closest to one
//! that matches nothing ([`Ledger::suggest_posts`],
//! [`Ledger::suggest_persons`]).
//!
//! Names are compared as the ledger looks posts up (`state::post_by_name`):
//! white space removed, brackets in one width (`(…)` = `（…）`, `[2022]` =
//! `〔2022〕`), in simplified script, so a part typed in either script finds
//! a name written in either. This module only reads the fold's names; it
//! must never decide which post or person a name stands for (that is
//! `post_by_name`'s and `person_by_name`'s), and it never writes.
//!
//! A search or a suggestion reads every name once (a post's every written
//! form, every person's name) and computes an edit distance only for the
//! names whose length is within the distance allowed, so its cost is a
//! pass over the names, not a distance to each.

use std::borrow::Cow;
use std::cmp::Ordering;

use serde::Serialize;

use crate::ledger::Ledger;
use crate::model::{Person, Post, fold_brackets, normalise};
use crate::state::{PersonId, PostId};

/// One thing a [`Ledger::search`] found: a post or a person with its id
/// and how many tenures the ledger records of it, or a notice with its
/// entry and how many events it states.
///
/// ```
/// use appointment_ledger::{Found, Ledger, NaiveDate, Notice, Person, Post};
/// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
/// let mut ledger = Ledger::new();
/// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任")))?;
/// let found = ledger.search("人防");
/// let id = ledger.find_post("济南市槐荫区人民防空办公室主任")?;
/// assert_eq!(found, [Found::Post {
///     id,
///     post: Post::new("济南市槐荫区人民防空办公室", "主任"),
///     tenures: 1,
/// }]);
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Found {
    /// A post.
    Post {
        /// Its id in this ledger.
        id: PostId,
        /// The post, as first written.
        post: Post,
        /// How many tenures of it the ledger records.
        tenures: usize,
    },
    /// A person.
    Person {
        /// Their id in this ledger.
        id: PersonId,
        /// The person (with the id that tells namesakes apart, if any).
        person: Person,
        /// How many tenures of theirs the ledger records.
        tenures: usize,
    },
    /// A notice or a correction.
    Notice {
        /// The entry that recorded it.
        seq: u64,
        /// Its number.
        number: String,
        /// Its title (empty when the text gave none).
        title: String,
        /// How many events it states (amendments, for a correction).
        events: usize,
    },
}

/// How close a name is to what was typed, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Closeness {
    /// The name is what was typed.
    Same,
    /// The name holds what was typed (or, for a suggestion, what was typed
    /// holds the name).
    Contains,
    /// The name holds what was typed, its characters in order with others
    /// between (`人防` in `人民防空办公室`); the number of characters
    /// between.
    InOrder(usize),
    /// The edit distance (characters put in, left out or changed).
    Edits(usize),
}

/// A name as the comparisons read it: white space removed, brackets in
/// one width, simplified script.
fn key(name: &str) -> String {
    let name = normalise(name);
    let folded = fold_brackets(&name);
    crate::parse::simplified(&folded).into_owned()
}

/// The key of a name already without white space (the ledger's names),
/// borrowed when nothing folds.
fn stored_key(name: &str) -> Cow<'_, str> {
    match fold_brackets(name) {
        Cow::Borrowed(name) => crate::parse::simplified(name),
        Cow::Owned(folded) => Cow::Owned(crate::parse::simplified(&folded).into_owned()),
    }
}

/// How `name` (a key) holds `part` (a key): whole, as a run, or its
/// characters in order; `None` when it does not.
fn holds(name: &str, part: &str) -> Option<Closeness> {
    if name == part {
        return Some(Closeness::Same);
    }
    if name.contains(part) {
        return Some(Closeness::Contains);
    }
    // In order, the earliest place each character can go.
    let mut wanted = part.chars();
    let mut next = wanted.next()?;
    let (mut between, mut started) = (0, false);
    for c in name.chars() {
        if c == next {
            started = true;
            match wanted.next() {
                Some(n) => next = n,
                None => return Some(Closeness::InOrder(between)),
            }
        } else if started {
            between += 1;
        }
    }
    None
}

/// The most edits a suggestion may be from a name of `len` characters: a
/// quarter of it, at least one, at most four.
fn edits_allowed(len: usize) -> usize {
    (len / 4).clamp(1, 4)
}

/// How close `name` (a key) is to `typed` (a key of `len` characters) as
/// a suggestion: it holds it, it is held by it (a name typed with words
/// around it), its characters in order, or within the edits allowed.
fn near(name: &str, typed: &str, len: usize) -> Option<Closeness> {
    if let Some(held) = holds(name, typed) {
        return Some(held);
    }
    let name_len = name.chars().count();
    if name_len >= 2 && typed.contains(name) {
        return Some(Closeness::Contains);
    }
    let allowed = edits_allowed(len);
    if name_len.abs_diff(len) > allowed {
        return None;
    }
    let edits = strsim::levenshtein(name, typed);
    (edits <= allowed).then_some(Closeness::Edits(edits))
}

/// Keeps, for each id, its best closeness and the name that had it.
fn keep_best<I: Copy + Eq + std::hash::Hash>(
    best: &mut foldhash::HashMap<I, (Closeness, usize)>,
    id: I,
    closeness: Closeness,
    len: usize,
) {
    best.entry(id)
        .and_modify(|held| {
            if (closeness, len) < *held {
                *held = (closeness, len);
            }
        })
        .or_insert((closeness, len));
}

/// The ids in `best`, best first: closeness, then the shorter name, then
/// the id.
fn ranked<I: Copy + Ord>(best: foldhash::HashMap<I, (Closeness, usize)>) -> Vec<I> {
    let mut all: Vec<(Closeness, usize, I)> = best
        .into_iter()
        .map(|(id, (closeness, len))| (closeness, len, id))
        .collect();
    all.sort_by(|a, b| match a.0.cmp(&b.0) {
        Ordering::Equal => (a.1, a.2).cmp(&(b.1, b.2)),
        other => other,
    });
    all.into_iter().map(|(_, _, id)| id).collect()
}

impl Ledger {
    /// The posts, people and notices whose names hold `part`: as one run
    /// of characters, or its characters in order with others between
    /// (`人防` finds `人民防空办公室主任`); white space, the width of
    /// brackets and the script (traditional or simplified) do not matter.
    /// Posts first, then people, then notices (by number and title); in
    /// each, names that hold `part` as a run before those that hold it
    /// spread out, then shorter names first. An empty `part` lists
    /// everything.
    ///
    /// ```
    /// use appointment_ledger::{Found, Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
    ///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任"))
    ///     .appoint(Person::new("尹强"), Post::new("济南市槐荫区综合行政执法局", "局长")))?;
    /// // Either script, either width of brackets, white space anywhere.
    /// for part in ["人民防空", "人民 防空", "人民防空辦公室"] {
    ///     assert_eq!(ledger.search(part).len(), 1, "{part}");
    /// }
    /// assert!(matches!(&ledger.search("[2022]4")[..], [Found::Notice { events: 2, .. }]));
    /// assert!(matches!(&ledger.search("尹强")[..], [Found::Person { tenures: 1, .. }]));
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn search(&self, part: &str) -> Vec<Found> {
        let part = key(part);
        let state = self.state();
        let mut posts = foldhash::HashMap::default();
        for (name, id) in state.post_names() {
            let name = stored_key(name);
            if let Some(closeness) =
                holds(&name, &part).or(part.is_empty().then_some(Closeness::Contains))
            {
                keep_best(&mut posts, id, closeness, name.chars().count());
            }
        }
        let mut persons = foldhash::HashMap::default();
        for (name, ids) in state.person_names() {
            let name = stored_key(name);
            if let Some(closeness) =
                holds(&name, &part).or(part.is_empty().then_some(Closeness::Contains))
            {
                for id in ids {
                    keep_best(&mut persons, *id, closeness, name.chars().count());
                }
            }
        }
        let mut found: Vec<Found> = ranked(posts)
            .into_iter()
            .map(|id| Found::Post {
                id,
                post: state.post(id).clone(),
                tenures: state.post_line(id).slots().len(),
            })
            .collect();
        found.extend(ranked(persons).into_iter().map(|id| Found::Person {
            id,
            person: state.person(id).clone(),
            tenures: state.person_line(id).slots().len(),
        }));
        let mut notices = Vec::new();
        for entry in self.log() {
            let (number, title, events) = match &entry.change {
                crate::model::Change::Notice(n) => (&n.number, n.title.as_str(), n.events.len()),
                crate::model::Change::Correction(c) => {
                    (&c.number, c.title.as_str(), c.amendments.len())
                }
                _ => continue,
            };
            let closeness = [number.as_str(), title]
                .into_iter()
                .filter_map(|name| holds(&stored_key(&normalise(name)), &part))
                .min()
                .or(part.is_empty().then_some(Closeness::Contains));
            if let Some(closeness) = closeness {
                notices.push((
                    closeness,
                    entry.seq,
                    number.clone(),
                    title.to_owned(),
                    events,
                ));
            }
        }
        notices.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        found.extend(
            notices
                .into_iter()
                .map(|(_, seq, number, title, events)| Found::Notice {
                    seq,
                    number,
                    title,
                    events,
                }),
        );
        found
    }

    /// The posts whose names come closest to `name`, at most `n`, best
    /// first: for a name that matches no post, "did you mean …". A post
    /// comes first whose name holds `name` (or is held by it: a name typed
    /// with words around it), then one that holds its characters in order,
    /// then one a few edits away (a quarter of the name's characters, at
    /// most four); a name further than that from every post has none.
    /// Names are compared as [`Ledger::search`] compares them.
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let office = Post::new("济南市槐荫区人民防空办公室", "主任");
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
    ///     .appoint(Person::new("衣连斌"), office.clone()))?;
    /// // One character mistyped, two left out.
    /// assert_eq!(ledger.suggest_posts("济南市槐荫区人民防空办公室主仼", 3), [&office]);
    /// assert_eq!(ledger.suggest_posts("济南市槐荫区人防办公室主任", 3), [&office]);
    /// assert!(ledger.suggest_posts("某县财政局局长", 3).is_empty());
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn suggest_posts(&self, name: &str, n: usize) -> Vec<&Post> {
        let typed = key(name);
        let len = typed.chars().count();
        let state = self.state();
        let mut best = foldhash::HashMap::default();
        for (written, id) in state.post_names() {
            let written = stored_key(written);
            if let Some(closeness) = near(&written, &typed, len) {
                keep_best(&mut best, id, closeness, written.chars().count());
            }
        }
        ranked(best)
            .into_iter()
            .take(n)
            .map(|id| state.post(id))
            .collect()
    }

    /// The people whose names come closest to `name`, at most `n`, best
    /// first, by the rules of [`Ledger::suggest_posts`] (a name of two or
    /// three characters is allowed one edit). Namesakes are each listed.
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 4, 24).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕4号", day)
    ///     .appoint(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任")))?;
    /// assert_eq!(ledger.suggest_persons("衣连彬", 3), [&Person::new("衣连斌")]);
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn suggest_persons(&self, name: &str, n: usize) -> Vec<&Person> {
        // `李建#A` asks for the people named 李建.
        let typed = key(name.split_once('#').map_or(name, |(name, _)| name));
        let len = typed.chars().count();
        let state = self.state();
        let mut best = foldhash::HashMap::default();
        for (written, ids) in state.person_names() {
            let written = stored_key(written);
            if let Some(closeness) = near(&written, &typed, len) {
                for id in ids {
                    keep_best(&mut best, *id, closeness, written.chars().count());
                }
            }
        }
        ranked(best)
            .into_iter()
            .take(n)
            .map(|id| state.person(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_held_as_a_run_or_in_order() {
        assert_eq!(
            holds("人民防空办公室", "人民防空办公室"),
            Some(Closeness::Same)
        );
        assert_eq!(
            holds("人民防空办公室主任", "防空"),
            Some(Closeness::Contains)
        );
        assert_eq!(
            holds("人民防空办公室主任", "人防"),
            Some(Closeness::InOrder(1))
        );
        assert_eq!(holds("人民防空办公室主任", "防人"), None);
        assert_eq!(holds("人民防空", ""), Some(Closeness::Contains));
    }

    #[test]
    fn a_suggestion_is_near_by_containment_then_edits() {
        let typed = "济南市槐荫区人民防空办公室主仼";
        let len = typed.chars().count();
        assert_eq!(
            near("济南市槐荫区人民防空办公室主任", typed, len),
            Some(Closeness::Edits(1))
        );
        // Two different offices of one district are too far apart.
        assert_eq!(near("济南市槐荫区财政局局长", typed, len), None);
        // The name typed with words around it.
        assert_eq!(
            near("人民防空办公室主任", "人民防空办公室主任职务", 11),
            Some(Closeness::Contains)
        );
        assert!(Closeness::Contains < Closeness::InOrder(0));
        assert!(Closeness::InOrder(9) < Closeness::Edits(1));
    }
}
