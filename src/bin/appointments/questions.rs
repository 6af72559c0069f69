//! The questions: `who`, `posts`, `history`, `conflicts`, `chains` and
//! `index`, answered from the index beside the ledger where it is the
//! ledger's (read past its end when the ledger has grown), and otherwise
//! from a replay of the ledger.
//!
//! Nothing here writes to the ledger; the index is written again only when
//! a question found it missing, of another log, or touched by what was
//! recorded past it (see [`asked`] and [`Asked::finish`]).

use std::path::Path;
use std::process::ExitCode;

use appointment_ledger::{
    ChainCounts, Error, Holding, Index, Ledger, NaiveDate, Person, Post, Tenure,
};
use serde::Serialize;

use super::report::counted;
use super::table::Table;
use super::{must_exist, open, search, show, to_json, view, write_index};

/// What a date question is asked of: the ledger's index, when it is the
/// ledger's (read past its end if the ledger grew), or else the replayed
/// ledger.
pub(super) enum Asked {
    Index(Box<Index>),
    Ledger(Box<Ledger>),
}

impl Asked {
    /// An unknown name's error with "did you mean …" (see
    /// [`search::suggesting`]).
    pub(super) fn suggesting(&self, e: Error, path: &Path) -> Error {
        match self {
            Asked::Index(_) => search::suggesting(e, path, None),
            Asked::Ledger(ledger) => search::suggesting(e, path, Some(ledger)),
        }
    }

    /// After a question: an index read past its end (a ledger that grew
    /// since it was built) whose question needed a replay is written again
    /// from that replay, so the next question is fast.
    pub(super) fn finish(&self, path: &Path) {
        if let Asked::Index(index) = self {
            rewrite_if_replayed(index, path);
        }
    }
}

/// An index whose question needed a replay (the ledger grew past it)
/// written again from that replay, and said.
fn rewrite_if_replayed(index: &Index, path: &Path) {
    if let Some(ledger) = index.replayed() {
        let past = match index.tail_len() {
            0 => "what was recorded past the index could not be read on its own".to_owned(),
            n => format!(
                "{} recorded past the index touched the question",
                counted(usize::try_from(n).unwrap_or(usize::MAX), "entry", "entries")
            ),
        };
        say!("note: {past}; answered from a replay, and the index written again");
        write_index(ledger, path);
    }
}

/// Opens what a date question is answered from. A question of the ledger
/// as it stands is answered from the index beside the file (a few small
/// reads, no replay) when the file still begins with the log the index
/// covers, read past it for what was recorded since (see [`Index`] and
/// [`Asked::finish`]); otherwise the ledger is replayed, the reason said,
/// and a fresh index written for the next question where the directory
/// allows. A question "as known after" a notice replays.
pub(super) fn asked(path: &Path, known_after: Option<&str>) -> Result<Asked, Error> {
    if known_after.is_some() {
        return view(path, known_after).map(|l| Asked::Ledger(Box::new(l)));
    }
    must_exist(path)?;
    match Index::open(path) {
        Ok(index) => {
            if let Some(recovery) = index.recovery() {
                say!("note: {recovery}");
            }
            return Ok(Asked::Index(Box::new(index)));
        }
        Err(Error::Io {
            kind: std::io::ErrorKind::NotFound,
            ..
        }) => {}
        Err(e) => say!("note: {e}; answering from a replay of the ledger"),
    }
    let ledger = open(path)?;
    write_index(&ledger, path);
    Ok(Asked::Ledger(Box::new(ledger)))
}

/// `appointments index`: writes the index of the ledger at `path` again,
/// or checks it (it covers the ledger, the checksum of every byte of the
/// ledger included, and its own bytes are whole).
pub(super) fn index(path: &Path, check: bool) -> Result<(), Error> {
    let ledger = open(path)?;
    let at = Index::path_for(path);
    if check {
        let index = Index::open(path)?;
        if !index.covers(&ledger)? {
            return Err(Error::IndexUnusable {
                path: at.display().to_string(),
                reason: "it was built from another log than the ledger holds".to_owned(),
            });
        }
        index.verify()?;
        outln!(
            "{}: covers the {} of the ledger; whole",
            at.display(),
            counted(
                usize::try_from(index.len()).unwrap_or(usize::MAX),
                "entry",
                "entries"
            )
        )?;
    } else {
        Index::write(&ledger, &at)?;
        outln!(
            "{}: written ({})",
            at.display(),
            counted(ledger.len(), "entry", "entries")
        )?;
    }
    Ok(())
}

/// `who --json`: the post (as every answer writes a post), the day and
/// the holding.
#[derive(Serialize)]
struct WhoAnswer<'a> {
    post: Post,
    date: NaiveDate,
    holding: &'a Holding<'a>,
}

/// `posts --json`: the person, the day and the tenures held that day.
#[derive(Serialize)]
struct PostsAnswer<'a> {
    person: Person,
    date: NaiveDate,
    tenures: &'a [Tenure<'a>],
}

pub(super) fn who(asked: &Asked, post: &str, on: NaiveDate, json: bool) -> Result<(), Error> {
    let (holding, found, seats) = match asked {
        Asked::Index(index) => {
            let id = index.find_post(post)?;
            (index.holders_of(id, on)?, index.post(id)?, index.seats(id)?)
        }
        Asked::Ledger(ledger) => {
            let holding = ledger.holders(post, on)?;
            let id = ledger.find_post(post)?;
            let found = ledger
                .post(id)
                .cloned()
                .or_else(|| Post::parse(post))
                .ok_or_else(|| Error::UnknownPost {
                    name: post.to_owned(),
                })?;
            (holding, found, ledger.seats(id)?)
        }
    };
    let name = found.to_string();
    if json {
        let answer = WhoAnswer {
            post: found,
            date: on,
            holding: &holding,
        };
        outln!("{}", to_json(&answer))?;
        return Ok(());
    }
    match &holding {
        Holding::Held(tenures) | Holding::Vacant { last: tenures, .. } => {
            outln!("{name} on {on}: {}", holding.headline(seats))?;
            out!("{}", tenure_table(tenures).render())?;
        }
        Holding::Unknown => {
            outln!("{name} on {on}: unknown (the ledger records nothing of this post on that day)")?
        }
    }
    Ok(())
}

pub(super) fn posts(asked: &Asked, person: &str, on: NaiveDate, json: bool) -> Result<(), Error> {
    let (tenures, found) = match asked {
        Asked::Index(index) => {
            let found = index.person(index.find_person(person)?)?;
            (index.posts_of(person, on)?, found)
        }
        Asked::Ledger(ledger) => {
            let id = ledger.find_person(person)?;
            let found = ledger
                .person(id)
                .cloned()
                .unwrap_or_else(|| Person::new(person));
            (ledger.posts_of(person, on)?, found)
        }
    };
    if json {
        let answer = PostsAnswer {
            person: found,
            date: on,
            tenures: &tenures,
        };
        outln!("{}", to_json(&answer))?;
    } else if tenures.is_empty() {
        outln!("{person} on {on}: no post recorded")?;
    } else {
        out!("{}", tenure_table(&tenures).render())?;
    }
    Ok(())
}

fn print_tenures(tenures: &[Tenure<'_>], json: bool) -> Result<(), Error> {
    if json {
        outln!("{}", to_json(&tenures))?;
    } else {
        out!("{}", tenure_table(tenures).render())?;
    }
    Ok(())
}

/// Tenures as a table; a column of corrections appears when any tenure
/// was corrected.
fn tenure_table(tenures: &[Tenure<'_>]) -> Table {
    let corrected = tenures.iter().any(|t| !t.corrected_by.is_empty());
    let mut header = vec![
        "person",
        "post",
        "start",
        "end",
        "flags",
        "appointed by",
        "removed by",
    ];
    if corrected {
        header.push("corrected by");
    }
    let mut table = Table::new(&header);
    for t in tenures {
        let by = |e: Option<appointment_ledger::EventRef<'_>>| {
            e.map_or("-".to_owned(), |e| e.to_string())
        };
        let flags = if t.flags.is_empty() {
            "-".to_owned()
        } else {
            t.flags.to_string()
        };
        let mut row = vec![
            t.person.to_string(),
            t.post.to_string(),
            t.start.to_string(),
            t.end.to_string(),
            flags,
            by(t.appointed_by),
            by(t.removed_by),
        ];
        if corrected {
            let list: Vec<String> = t.corrected_by.iter().map(ToString::to_string).collect();
            row.push(if list.is_empty() {
                "-".to_owned()
            } else {
                list.join("; ")
            });
        }
        table.row(&row);
    }
    table
}

pub(super) fn conflicts(ledger: &Ledger, notice: Option<&str>, json: bool) -> Result<(), Error> {
    let findings = match notice {
        Some(number) => {
            let (_, notice) = ledger
                .find_notice(number)
                .map_err(|_| show::unknown(ledger, number))?;
            ledger.findings_for_notice(&notice.number)
        }
        None => ledger.findings(),
    };
    if json {
        outln!("{}", to_json(&findings))?;
        return Ok(());
    }
    if findings.is_empty() {
        outln!("no findings")?;
    }
    for finding in findings {
        outln!("{finding}")?;
        for cited in &finding.events {
            outln!("  - {cited}: {}", cited.text)?;
        }
    }
    Ok(())
}

pub(super) fn chains(ledger: &Ledger, notice: Option<&str>, json: bool) -> Result<(), Error> {
    let numbers: Vec<String> = match notice {
        Some(number) => vec![
            ledger
                .find_notice(number)
                .map_err(|_| show::unknown(ledger, number))?
                .1
                .number
                .clone(),
        ],
        None => ledger.notices().map(|(_, n)| n.number.clone()).collect(),
    };
    let mut all = Vec::new();
    for number in numbers {
        let chains = ledger.vacancy_chains(&number)?;
        let counts = ChainCounts::of(&chains);
        if !json {
            outln!("{number}: {counts}")?;
            for chain in &chains {
                outln!("  {chain}")?;
            }
        }
        all.push(serde_json::json!({ "notice": number, "chain_counts": counts, "chains": chains }));
    }
    if json {
        outln!("{}", to_json(&all))?;
    }
    Ok(())
}

/// `history`: every tenure of a post, or of a person, and the events
/// corrections rescinded there.
pub(super) fn history(
    path: &Path,
    post: Option<String>,
    person: Option<String>,
    known_after: Option<&str>,
    json: bool,
) -> Result<ExitCode, Error> {
    // From the index when it covers the ledger and no correction
    // rescinded anything (the index keeps no rescinded events).
    if known_after.is_none()
        && let Ok(index) = Index::open(path)
        && index.nothing_rescinded()
    {
        if let Some(recovery) = index.recovery() {
            say!("note: {recovery}");
        }
        let tenures = match (post, person) {
            (_, Some(person)) => index.career(&person),
            (Some(post), None) => index.history(&post),
            (None, None) => Ok(Vec::new()),
        }
        .map_err(|e| search::suggesting(e, path, None))?;
        if json {
            let rescinded: [(); 0] = [];
            outln!(
                "{}",
                to_json(&serde_json::json!({ "tenures": tenures, "rescinded": rescinded }))
            )?;
        } else {
            print_tenures(&tenures, false)?;
        }
        drop(tenures);
        rewrite_if_replayed(&index, path);
        return Ok(ExitCode::SUCCESS);
    }
    let ledger = view(path, known_after)?;
    let answer = match (post, person) {
        (_, Some(person)) => ledger
            .career(person.as_str())
            .and_then(|t| Ok((t, ledger.rescinded_of(person.as_str())?))),
        (Some(post), None) => ledger
            .history(post.as_str())
            .and_then(|t| Ok((t, ledger.rescinded_at(post.as_str())?))),
        (None, None) => Ok((Vec::new(), Vec::new())),
    };
    let (tenures, rescinded) = answer.map_err(|e| search::suggesting(e, path, Some(&ledger)))?;
    if json {
        outln!(
            "{}",
            to_json(&serde_json::json!({ "tenures": tenures, "rescinded": rescinded }))
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    print_tenures(&tenures, false)?;
    for r in &rescinded {
        outln!("rescinded: {r}")?;
    }
    Ok(ExitCode::SUCCESS)
}
