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
//! form, every person's name); a suggestion computes an edit distance only
//! for the names that share enough characters with what was typed to be
//! within the distance allowed, and stops it once every way is past it, so
//! its cost is a pass over the names, not a distance to each.

use std::borrow::Cow;

use serde::Serialize;

use crate::ledger::Ledger;
use crate::model::{Person, Post, fold_brackets, normalise, normalised};
use crate::state::{PersonId, PostId};
use crate::state::{State, written_forms};

/// One thing a [`Ledger::search`] found: a post or a person with its id
/// and how many tenures the ledger records of it, or a notice with its
/// entry and how many events it states.
///
/// As JSON, tagged by `kind`; the counts are `tenure_count` and
/// `event_count`, numbers, since `tenures` and `events` are lists in every
/// other answer.
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
        #[serde(rename = "tenure_count")]
        tenures: usize,
    },
    /// A person.
    Person {
        /// Their id in this ledger.
        id: PersonId,
        /// The person (with the id that tells namesakes apart, if any).
        person: Person,
        /// How many tenures of theirs the ledger records.
        #[serde(rename = "tenure_count")]
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
        #[serde(rename = "event_count")]
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

/// The key of a name already without white space (a notice's number or
/// title), borrowed when nothing folds.
fn stored_key(name: &str) -> Cow<'_, str> {
    match fold_brackets(name) {
        Cow::Borrowed(name) => crate::parse::simplified(name),
        Cow::Owned(folded) => Cow::Owned(crate::parse::simplified(&folded).into_owned()),
    }
}

/// The key of a post's written form or a person's name: in simplified
/// script. Their brackets need no folding: the ledger keeps each post's
/// forms with its brackets folded too (`state::written_forms`), and a
/// person's name holds none; a search reads every one of them.
fn name_key(name: &str) -> Cow<'_, str> {
    crate::parse::simplified(name)
}

/// Calls `f` with the key of every name a post answers to (the forms
/// `state::written_forms` gives: organisation and title, either name of an
/// organisation with a parenthesised second name, brackets in one width)
/// and the post it names now, post after post in the order of their ids:
/// one pass through memory, where the table of forms would be a hop a
/// name.
fn each_post_name(state: &State, mut f: impl FnMut(&str, PostId)) {
    for (i, post) in state.posts().iter().enumerate() {
        let id = state.canonical(PostId(i as u32));
        for form in written_forms(post) {
            f(&name_key(&form), id);
        }
    }
}

/// What a search looks for, read once: its key and a searcher for it and
/// for each of its characters (a search asks every name the ledger holds).
struct Part<'a> {
    key: &'a str,
    whole: memchr::memmem::Finder<'a>,
    /// A searcher for each character, in order.
    each: Vec<memchr::memmem::Finder<'static>>,
}

impl<'a> Part<'a> {
    fn new(key: &'a str) -> Part<'a> {
        let each = key
            .chars()
            .map(|c| {
                memchr::memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned()
            })
            .collect();
        Part {
            key,
            whole: memchr::memmem::Finder::new(key.as_bytes()),
            each,
        }
    }

    /// How `name` (a key) holds the part: whole, as a run, or its
    /// characters in order (the earliest place each can go); `None` when
    /// it does not.
    fn held_by(&self, name: &str) -> Option<Closeness> {
        if name == self.key {
            return Some(Closeness::Same);
        }
        if self.whole.find(name.as_bytes()).is_some() {
            return Some(Closeness::Contains);
        }
        let bytes = name.as_bytes();
        let (first, rest) = self.each.split_first()?;
        let start = first.find(bytes)?;
        let mut at = start + first.needle().len();
        for finder in rest {
            at += finder.find(bytes.get(at..)?)? + finder.needle().len();
        }
        let span = name.get(start..at)?.chars().count();
        Some(Closeness::InOrder(span - self.each.len()))
    }
}

/// How `name` (a key) holds `part` (a key): see [`Part::held_by`].
#[cfg(test)]
fn holds(name: &str, part: &str) -> Option<Closeness> {
    Part::new(part).held_by(name)
}

/// The most edits a suggestion may be from a name of `len` characters: a
/// quarter of it, at least one, at most four.
fn edits_allowed(len: usize) -> usize {
    (len / 4).clamp(1, 4)
}

/// What was typed, read once for the suggestions: its characters and
/// how many of each (by the low byte of the character: a count a bucket
/// shares only makes the bound below weaker, never wrong).
struct Typed<'a> {
    key: &'a str,
    part: Part<'a>,
    chars: Vec<char>,
    counts: [u8; 256],
    /// Scratch for a name's characters and the rows of the edit distance.
    name: Vec<char>,
    rows: (Vec<usize>, Vec<usize>),
}

impl<'a> Typed<'a> {
    fn new(key: &'a str) -> Typed<'a> {
        let chars: Vec<char> = key.chars().collect();
        let mut counts = [0u8; 256];
        for c in &chars {
            let bucket = &mut counts[*c as usize & 0xFF];
            *bucket = bucket.saturating_add(1);
        }
        Typed {
            key,
            part: Part::new(key),
            chars,
            counts,
            name: Vec::new(),
            rows: (Vec::new(), Vec::new()),
        }
    }

    /// How close `name` (a key) is as a suggestion: it holds what was
    /// typed, is held by it (a name typed with words around it), holds
    /// its characters in order, or is within the edits allowed.
    fn near(&mut self, name: &str) -> Option<Closeness> {
        if let Some(held) = self.part.held_by(name) {
            return Some(held);
        }
        self.name.clear();
        self.name.extend(name.chars());
        let (len, name_len) = (self.chars.len(), self.name.len());
        if name_len >= 2 && self.key.contains(name) {
            return Some(Closeness::Contains);
        }
        let allowed = edits_allowed(len);
        if name_len.abs_diff(len) > allowed {
            return None;
        }
        // The characters the two do not share bound the edits from below
        // (the bag distance): most names are rejected here, in one pass.
        let mut counts = self.counts;
        let mut shared = 0;
        for c in &self.name {
            let bucket = &mut counts[*c as usize & 0xFF];
            if *bucket > 0 {
                *bucket -= 1;
                shared += 1;
            }
        }
        if len.max(name_len) - shared > allowed {
            return None;
        }
        edits_within(&self.chars, &self.name, allowed, &mut self.rows).map(Closeness::Edits)
    }
}

/// The edit distance (Levenshtein, by characters) between `a` and `b` if
/// it is at most `limit`, stopping as soon as every way is past it.
fn edits_within(
    a: &[char],
    b: &[char],
    limit: usize,
    (row, next): &mut (Vec<usize>, Vec<usize>),
) -> Option<usize> {
    row.clear();
    row.extend(0..=b.len());
    for (i, ca) in a.iter().enumerate() {
        next.clear();
        next.push(i + 1);
        let mut least = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = row[j] + usize::from(ca != cb);
            let cell = cost.min(row[j + 1] + 1).min(next[j] + 1);
            least = least.min(cell);
            next.push(cell);
        }
        if least > limit {
            return None;
        }
        std::mem::swap(row, next);
    }
    row.last().copied().filter(|d| *d <= limit)
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
    all.sort_unstable();
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
        let finder = Part::new(&part);
        let state = self.state();
        let mut posts = foldhash::HashMap::default();
        each_post_name(state, |name, id| {
            if let Some(closeness) = finder
                .held_by(name)
                .or(part.is_empty().then_some(Closeness::Contains))
            {
                keep_best(&mut posts, id, closeness, name.chars().count());
            }
        });
        // In the order of their ids, which is the order their names were
        // stored in: one pass through memory, not a hop a name.
        let mut persons = Vec::new();
        for (i, person) in state.persons().iter().enumerate() {
            let name = name_key(person.name());
            if let Some(closeness) = finder
                .held_by(&name)
                .or(part.is_empty().then_some(Closeness::Contains))
            {
                persons.push((closeness, name.chars().count(), PersonId(i as u32)));
            }
        }
        persons.sort();
        let mut found: Vec<Found> = ranked(posts)
            .into_iter()
            .map(|id| Found::Post {
                id,
                post: state.post(id).clone(),
                tenures: state.post_line(id).slots().len(),
            })
            .collect();
        found.extend(persons.into_iter().map(|(_, _, id)| Found::Person {
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
            // (A number is stored without white space; a title as written.)
            let closeness = [Cow::Borrowed(number.as_str()), normalised(title)]
                .into_iter()
                .filter_map(|name| finder.held_by(&stored_key(&name)))
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
        notices.sort_by_key(|n| (n.0, n.1));
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
        let mut typed = Typed::new(&typed);
        let state = self.state();
        let mut best = foldhash::HashMap::default();
        each_post_name(state, |written, id| {
            if let Some(closeness) = typed.near(written) {
                keep_best(&mut best, id, closeness, written.chars().count());
            }
        });
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
        let mut typed = Typed::new(&typed);
        let state = self.state();
        let mut best = foldhash::HashMap::default();
        // In the order of their ids: one pass through memory.
        for (i, person) in state.persons().iter().enumerate() {
            let written = name_key(person.name());
            if let Some(closeness) = typed.near(&written) {
                keep_best(
                    &mut best,
                    PersonId(i as u32),
                    closeness,
                    written.chars().count(),
                );
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
        let mut typed = Typed::new("济南市槐荫区人民防空办公室主仼");
        assert_eq!(
            typed.near("济南市槐荫区人民防空办公室主任"),
            Some(Closeness::Edits(1))
        );
        assert_eq!(
            typed.near("济南市槐荫区人防办公室主仼"),
            Some(Closeness::Edits(2))
        );
        // Two different offices of one district are too far apart.
        assert_eq!(typed.near("济南市槐荫区财政局局长"), None);
        // The name typed with words around it.
        assert_eq!(
            Typed::new("人民防空办公室主任职务").near("人民防空办公室主任"),
            Some(Closeness::Contains)
        );
        assert!(Closeness::Contains < Closeness::InOrder(0));
        // The bounded distance is the distance, when within the bound.
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let mut rows = (Vec::new(), Vec::new());
        for (a, b) in [
            ("人民防空", "人民防空"),
            ("人民防空", "人防"),
            ("kitten", "sitting"),
            ("", "abc"),
        ] {
            let d = strsim::levenshtein(a, b);
            assert_eq!(
                edits_within(&chars(a), &chars(b), 4, &mut rows),
                Some(d),
                "{a} {b}"
            );
            if d > 0 {
                assert_eq!(edits_within(&chars(a), &chars(b), d - 1, &mut rows), None);
            }
        }
        assert!(Closeness::InOrder(9) < Closeness::Edits(1));
    }
}
