//! Exports: the ledger's tenures handed to the tools people already use.
//!
//! * [`Ledger::to_popolo`]: Popolo JSON (persons, organizations, posts and
//!   memberships), for civic-data tools;
//! * [`Ledger::write_csv`] (and [`Ledger::to_csv`]): one row per tenure,
//!   for spreadsheets, streamed to any writer;
//! * [`Ledger::timeline_svg`]: a Gantt chart of chosen posts or people over
//!   a date range, for people who would rather look than read.
//!
//! Every export only reads the ledger, through the same answers the
//! queries give ([`Ledger::history`]); it never records, and never decides
//! anything the ledger has not decided (seats come from [`Ledger::seats`],
//! tenures and their unknown starts from the timelines). What the ledger
//! does not know stays unknown in every format: an unknown start is an
//! empty cell, a note, or a hatched bar, never a date.
//!
//! Ids (`person/1`, `organization/3`, `post/7`, `membership/12`) are
//! stable for a given ledger: persons and posts are numbered as the ledger
//! numbers them (order of first mention), organisations in order of first
//! mention among the posts, memberships in the order of the CSV rows
//! (post order, then start). A post merged into another by an alias
//! declaration is exported once, under the post it was merged into.

mod csv;
mod popolo;
mod svg;

pub use csv::CsvOptions;
pub use svg::SvgTimeline;

use std::collections::HashMap;

use crate::ledger::Ledger;
use crate::model::Post;
use crate::state::{PersonId, PostId};
use crate::timeline::Tenure;

/// The ledger's posts and tenures in export order, with their ids.
struct Catalogue<'a> {
    /// Posts that stand for themselves (not merged by an alias) and have a
    /// tenure, in the ledger's order.
    posts: Vec<(PostId, &'a Post)>,
    /// Organisation names, in order of first mention among `posts`.
    organisations: Vec<&'a str>,
    organisation_index: HashMap<&'a str, usize>,
    /// Every tenure: post order, then start; with its post's id.
    tenures: Vec<(PostId, Tenure<'a>)>,
}

impl<'a> Catalogue<'a> {
    fn new(ledger: &'a Ledger) -> Catalogue<'a> {
        let mut posts = Vec::new();
        let mut organisations = Vec::new();
        let mut organisation_index = HashMap::new();
        let mut tenures = Vec::new();
        for (i, post) in ledger.posts().iter().enumerate() {
            let id = PostId(i as u32);
            // A post merged into another answers to the other's id.
            if ledger.find_post(post).ok() != Some(id) {
                continue;
            }
            // A post with no tenure (its events corrected away, or only a
            // declaration of seats) is left out, and so is an organisation
            // with no such post.
            let history = ledger.history(id).unwrap_or_default();
            if history.is_empty() {
                continue;
            }
            posts.push((id, post));
            let org = post.organisation();
            organisation_index.entry(org).or_insert_with(|| {
                organisations.push(org);
                organisations.len() - 1
            });
            tenures.extend(history.into_iter().map(|t| (id, t)));
        }
        Catalogue {
            posts,
            organisations,
            organisation_index,
            tenures,
        }
    }

    /// `organization/N` of a post's organisation.
    fn organisation_id(&self, post: &Post) -> String {
        let n = self
            .organisation_index
            .get(post.organisation())
            .map_or(0, |i| i + 1);
        format!("organization/{n}")
    }
}

/// `post/N`, numbered from 1 as the ledger numbers posts.
fn post_id(id: PostId) -> String {
    format!("post/{}", u64::from(id.0) + 1)
}

/// `person/N` of a tenure's person, numbered from 1 as the ledger numbers
/// persons.
fn person_id(ledger: &Ledger, tenure: &Tenure<'_>) -> String {
    let n = ledger
        .find_person(&tenure.person)
        .map_or(0, |id: PersonId| u64::from(id.0) + 1);
    format!("person/{n}")
}
