//! `appointments search`: the posts, people and notices whose names hold
//! a part a clerk typed, with their ids and how many tenures (or events)
//! the ledger records of each; and the "did you mean …" of a question
//! about a name that matches nothing.

use std::path::Path;

use appointment_ledger::{Error, Found, Ledger};
use clap::ValueEnum;

use super::report::counted;
use super::table::Table;
use super::{open, to_json};

/// What a search lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Posts (organisation and title).
    Post,
    /// People.
    Person,
    /// Notices and corrections, by number and title.
    Notice,
}

impl Kind {
    fn of(found: &Found) -> Kind {
        match found {
            Found::Post { .. } => Kind::Post,
            Found::Person { .. } => Kind::Person,
            Found::Notice { .. } => Kind::Notice,
        }
    }
}

/// How many suggestions an unknown name gets.
const SUGGESTIONS: usize = 5;

/// `search`: what the ledger at `path` holds whose name holds `part`
/// (everything when it is empty), of one kind or all; when nothing
/// matches, the closest names are said on stderr.
pub fn run(path: &Path, part: &str, kind: Option<Kind>, json: bool) -> Result<(), Error> {
    let ledger = open(path)?;
    let found: Vec<Found> = ledger
        .search(part)
        .into_iter()
        .filter(|f| kind.is_none_or(|k| Kind::of(f) == k))
        .collect();
    if json {
        outln!("{}", to_json(&found))?;
    } else if found.is_empty() {
        outln!("nothing in the ledger matches `{part}`")?;
    } else {
        let mut table = Table::new(&["kind", "id", "name", "count"]);
        for f in &found {
            let row = match f {
                Found::Post { id, post, tenures } => [
                    "post".to_owned(),
                    id.to_string(),
                    post.to_string(),
                    counted(*tenures, "tenure", "tenures"),
                ],
                Found::Person {
                    id,
                    person,
                    tenures,
                } => [
                    "person".to_owned(),
                    id.to_string(),
                    person.to_string(),
                    counted(*tenures, "tenure", "tenures"),
                ],
                Found::Notice {
                    seq,
                    number,
                    title,
                    events,
                } => [
                    "notice".to_owned(),
                    format!("entry {seq}"),
                    if title.is_empty() {
                        number.clone()
                    } else {
                        format!("{number} {title}")
                    },
                    counted(*events, "event", "events"),
                ],
            };
            table.row(&row);
        }
        out!("{}", table.render())?;
    }
    if found.is_empty() && !part.trim().is_empty() {
        let near = suggestions(&ledger, part, kind);
        if !near.is_empty() {
            say!("{}", appointment_ledger::did_you_mean(&near));
        }
    }
    Ok(())
}

/// The closest post and person names to `name`, posts first.
fn suggestions(ledger: &Ledger, name: &str, kind: Option<Kind>) -> Vec<String> {
    let mut near = Vec::new();
    if kind.is_none_or(|k| k == Kind::Post) {
        near.extend(
            ledger
                .suggest_posts(name, SUGGESTIONS)
                .into_iter()
                .map(ToString::to_string),
        );
    }
    if kind.is_none_or(|k| k == Kind::Person) {
        near.extend(
            ledger
                .suggest_persons(name, SUGGESTIONS)
                .into_iter()
                .map(ToString::to_string),
        );
    }
    near.truncate(SUGGESTIONS);
    near
}

/// An unknown post or person as [`Error::Unmatched`], with the closest
/// names the ledger holds ("did you mean …"); any other error as it is.
/// The names are read from `ledger`, or, when the question was answered
/// from the index, from a replay of the file at `path` (only on this
/// error's path: a question that finds its name pays nothing for it).
pub fn suggesting(e: Error, path: &Path, ledger: Option<&Ledger>) -> Error {
    let (what, name) = match &e {
        Error::UnknownPost { name } => (Kind::Post, name.clone()),
        Error::UnknownPerson { name } => (Kind::Person, name.clone()),
        _ => return e,
    };
    let replayed;
    let ledger = match ledger {
        Some(ledger) => ledger,
        None => match open(path) {
            Ok(ledger) => {
                replayed = ledger;
                &replayed
            }
            Err(_) => return e,
        },
    };
    Error::Unmatched {
        what: if what == Kind::Post { "post" } else { "person" }.to_owned(),
        suggestions: suggestions(ledger, &name, Some(what)),
        name,
    }
}
