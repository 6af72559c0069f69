//! The log's entries past what an index covers, and which questions they
//! touch.
//!
//! An index built at one point of the log stays useful as the log grows:
//! a question the entries recorded since cannot change is answered from
//! the index, and only one they may change waits for a replay. The rule
//! is conservative, never clever: the tail touches every post one of its
//! events names, under any of the written forms the ledger would resolve
//! it by (in either script), and every post its people have held; it
//! touches those people and everyone who held one of those posts.
//! Anything in it but notices (a correction, an alias, a seat
//! declaration), a notice in a ledger whose posts an alias joins, and a
//! tail that could not be read past the index (the replay then says why)
//! touch everything. (Finding the posts a tail's people held reads every
//! namesake's timeline: the cost grows with the tail, which is short
//! between two imports.)

use std::collections::HashSet;

use super::Index;
use crate::error::{Error, Result};
use crate::model::{Change, Entry, Post, fold_brackets, normalise};
use crate::state::{PersonId, PostId, script_name, written_forms};

/// What the tail of the log holds, as far as the index's questions care.
#[derive(Debug, Default)]
pub(super) struct Tail {
    /// How many entries it holds.
    pub entries: u64,
    /// Whether it may touch any question (see the module docs).
    everything: bool,
    /// Whether it holds anything but notices.
    declarations: bool,
    /// The index's posts it touches.
    posts: HashSet<u32>,
    /// The index's people it touches.
    persons: HashSet<u32>,
    /// Every form a post of the tail is written in, as a name is looked up.
    post_forms: HashSet<String>,
    /// Every name a person of the tail is written with, normalised.
    person_names: HashSet<String>,
}

impl Tail {
    /// What `entries`, recorded after the log `index` was built from,
    /// touch.
    pub fn of(index: &Index, entries: &[Entry]) -> Result<Tail> {
        let mut tail = Tail {
            entries: entries.len() as u64,
            everything: index.header.aliases > 0 && !entries.is_empty(),
            ..Tail::default()
        };
        let mut people = Vec::new();
        for entry in entries {
            let Change::Notice(notice) = &entry.change else {
                tail.everything = true;
                tail.declarations = true;
                continue;
            };
            for event in &notice.events {
                for id in index.posts_named(&script_name(&event.post))? {
                    tail.posts.insert(id.0);
                }
                // The post in simplified script too: the ledger joins a
                // post written in either (`董事會` and `董事会`, with or
                // without the board's term) under its simplified forms.
                let simple = Post::new(
                    &crate::parse::simplified(event.post.organisation()),
                    &crate::parse::simplified(event.post.title()),
                );
                let mut forms = written_forms(&event.post);
                if simple != event.post {
                    forms.extend(written_forms(&simple));
                }
                for form in forms {
                    tail.post_forms.extend(looked_up(&form));
                    match index.indexed_post(&form) {
                        Ok(id) => {
                            tail.posts.insert(id.0);
                        }
                        Err(Error::UnknownPost { .. }) => {}
                        Err(e) => return Err(e),
                    }
                }
                let name = normalise(event.person.name());
                if tail.person_names.insert(name.clone()) {
                    people.push(name);
                }
            }
        }
        if tail.everything {
            return Ok(tail);
        }
        // One step out: the posts the tail's people held, and the people
        // of every post touched.
        for name in &people {
            for id in index.people_named(name)? {
                tail.persons.insert(id.0);
                for row in index.person_rows(id)? {
                    tail.posts.insert(index.tenure_post(&row)?);
                }
            }
        }
        for &post in &tail.posts.clone() {
            for row in index.post_rows(PostId(post))? {
                tail.persons.insert(index.tenure_person(&row)?);
            }
        }
        Ok(tail)
    }

    /// Whether the tail may hold anything but notices (a correction may
    /// rescind what the index shows).
    pub fn may_amend(&self) -> bool {
        self.declarations
    }

    /// A tail that could not be read past the index (a record there is
    /// damaged, or zeros run longer than this reader can judge): every
    /// question is the replay's, which reads the whole file and says.
    pub fn unread() -> Tail {
        Tail {
            everything: true,
            declarations: true,
            ..Tail::default()
        }
    }

    /// Whether every question goes to the replay.
    pub fn everything(&self) -> bool {
        self.everything
    }

    /// Whether the tail may change what the written post name `name`
    /// stands for.
    pub fn post_name(&self, name: &str) -> bool {
        // (An empty tail first: it names nothing, and the name's forms need
        // not be made.)
        self.everything
            || (!self.post_forms.is_empty()
                && looked_up(name).iter().any(|f| self.post_forms.contains(f)))
    }

    /// Whether the tail may change anything said of post `id` (an id
    /// the index has no post of is one the tail added).
    pub fn post(&self, id: PostId, indexed: u64) -> bool {
        self.everything
            || (self.entries > 0 && (u64::from(id.0) >= indexed || self.posts.contains(&id.0)))
    }

    /// Whether the tail may change whom the written name `name` (`name`
    /// or `name#id`) stands for.
    pub fn person_name(&self, name: &str) -> bool {
        let name = name.split_once('#').map_or(name, |(name, _)| name);
        self.everything || self.person_names.contains(&normalise(name))
    }

    /// Whether the tail may change anything said of person `id`.
    pub fn person(&self, id: PersonId, indexed: u64) -> bool {
        self.everything
            || (self.entries > 0 && (u64::from(id.0) >= indexed || self.persons.contains(&id.0)))
    }
}

/// The forms a written post name is looked up by (as
/// [`crate::state::post_by_name`] tries them): as written, brackets
/// folded, and each in simplified script.
fn looked_up(name: &str) -> Vec<String> {
    let name = normalise(name);
    let folded = fold_brackets(&name).into_owned();
    let mut forms = vec![
        crate::parse::simplified(&name).into_owned(),
        crate::parse::simplified(&folded).into_owned(),
        folded,
        name,
    ];
    forms.sort_unstable();
    forms.dedup();
    forms
}
