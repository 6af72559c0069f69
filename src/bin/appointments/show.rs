//! `appointments show NOTICE`: what one recorded notice did — its events,
//! the findings that cite it, the corrections that name it, and the
//! vacancy chains it opened. It only reads the ledger.

use std::path::Path;

use appointment_ledger::{Action, Amendment, Change, Error, EventKind, Ledger, Notice};
use serde::Serialize;

use super::report::counted;
use super::table::Table;
use super::{open, to_json};

/// A correction that names the notice, with the entry that recorded it.
#[derive(Serialize)]
struct Touching<'a> {
    entry: u64,
    number: &'a str,
    signed: appointment_ledger::NaiveDate,
    /// Only the amendments that name this notice.
    amendments: Vec<&'a Amendment>,
}

/// `show --json`: one object. `notice` is the number, as in every
/// answer that names a notice; the notice as recorded is `recorded`.
#[derive(Serialize)]
struct Shown<'a> {
    entry: u64,
    notice: &'a str,
    recorded: &'a Notice,
    findings: Vec<&'a appointment_ledger::Finding>,
    corrections: Vec<Touching<'a>>,
    /// The counts of `chains`, as `chains --json` gives them.
    chain_counts: appointment_ledger::ChainCounts,
    chains: Vec<appointment_ledger::VacancyChain>,
}

/// `show`: the notice numbered `number` in the ledger at `path`; an
/// unknown number is refused with the numbers closest to it.
pub fn run(path: &Path, number: &str, json: bool) -> Result<(), Error> {
    let ledger = open(path)?;
    // The one lookup of a number (brackets of either width, on both
    // sides), for a correction's number as for a notice's.
    let found = ledger
        .find_entry(number)
        .map_err(|_| unknown(&ledger, number))?;
    let entry = found.seq;
    let notice = match &found.change {
        Change::Correction(c) => return correction(entry, c, json),
        Change::Notice(notice) => notice,
        _ => return Err(unknown(&ledger, number)),
    };
    let number = notice.number.clone();
    // A correction names the notice however its brackets were written.
    let names_it = |a: &Amendment| {
        ledger
            .find_entry(&a.target.notice)
            .is_ok_and(|e| e.seq == entry)
    };
    let chains = ledger.vacancy_chains(&number)?;
    let shown = Shown {
        entry,
        notice: &notice.number,
        recorded: notice,
        findings: ledger.findings_for_notice(&number),
        corrections: ledger
            .corrections()
            .filter_map(|(entry, c)| {
                let amendments: Vec<&Amendment> =
                    c.amendments.iter().filter(|a| names_it(a)).collect();
                (!amendments.is_empty()).then_some(Touching {
                    entry,
                    number: &c.number,
                    signed: c.signed,
                    amendments,
                })
            })
            .collect(),
        chain_counts: appointment_ledger::ChainCounts::of(&chains),
        chains,
    };
    if json {
        outln!("{}", to_json(&shown))?;
        return Ok(());
    }
    let title = if notice.title.is_empty() {
        String::new()
    } else {
        format!("  {}", notice.title)
    };
    outln!("{}{title}", notice.number)?;
    let issuer = if notice.issuer.is_empty() {
        String::new()
    } else {
        format!("issued by {}, ", notice.issuer)
    };
    outln!(
        "  {issuer}signed {}, effective {}, entry {entry}, {}",
        notice.signed,
        notice.effective,
        counted(notice.events.len(), "event", "events")
    )?;
    outln!("")?;
    let mut events = Table::new(&["clause", "kind", "person", "post", "flags"]);
    for event in &notice.events {
        let flags = if event.flags.is_empty() {
            "-".to_owned()
        } else {
            event.flags.to_string()
        };
        events.row(&[
            event.provenance.clause.to_string(),
            event.kind.to_string(),
            event.person.to_string(),
            event.post.to_string(),
            flags,
        ]);
    }
    out!("{}", events.render())?;
    outln!("")?;
    outln!("findings: {}", shown.findings.len())?;
    for finding in &shown.findings {
        outln!("  {finding}")?;
    }
    outln!("corrections naming it: {}", shown.corrections.len())?;
    for c in &shown.corrections {
        for a in &c.amendments {
            outln!(
                "  {} (entry {}, signed {}): {}",
                c.number,
                c.entry,
                c.signed,
                amendment(a)
            )?;
        }
    }
    outln!("vacancy chains: {}", shown.chain_counts)?;
    for chain in &shown.chains {
        outln!("  {chain}")?;
    }
    Ok(())
}

/// An amendment in a clerk's words: what it does to which events
/// (`rescinds the appointments of 陈建防 at 济南市槐荫区人民防空办公室主任`,
/// `corrects the events of 李宁: effective 2022-05-20`).
fn amendment(a: &Amendment) -> String {
    let target = &a.target;
    let mut which = match target.kind {
        Some(EventKind::Appoint) => "the appointments".to_owned(),
        Some(EventKind::Remove) => "the removals".to_owned(),
        None => "the events".to_owned(),
    };
    if let Some(person) = &target.person {
        which.push_str(&format!(" of {person}"));
    }
    if let Some(post) = &target.post {
        which.push_str(&format!(" at {post}"));
    }
    if let Some(clause) = target.clause {
        which.push_str(&format!(" in clause {clause}"));
    }
    if target.kind.is_none()
        && target.person.is_none()
        && target.post.is_none()
        && target.clause.is_none()
    {
        which = "every event".to_owned();
    }
    match &a.action {
        Action::Retract => format!("rescinds {which}"),
        Action::Correct {
            person,
            post,
            effective,
            flags,
        } => {
            let mut to = Vec::new();
            if let Some(person) = person {
                to.push(format!("person {person}"));
            }
            if let Some(post) = post {
                to.push(format!("post {post}"));
            }
            if let Some(date) = effective {
                to.push(format!("effective {date}"));
            }
            if let Some(flags) = flags {
                to.push(format!("flags {flags}"));
            }
            format!("corrects {which}: {}", to.join(", "))
        }
    }
}

/// `show` of a correction's number: what it names and does.
fn correction(entry: u64, c: &appointment_ledger::Correction, json: bool) -> Result<(), Error> {
    if json {
        outln!(
            "{}",
            to_json(&serde_json::json!({ "entry": entry, "correction": c }))
        )?;
        return Ok(());
    }
    outln!("{}  {}", c.number, c.title)?;
    outln!(
        "  a correction, signed {}, entry {entry}, {}",
        c.signed,
        counted(c.amendments.len(), "amendment", "amendments")
    )?;
    for a in &c.amendments {
        outln!(
            "  clause {}, on {}: {}",
            a.provenance.clause,
            a.target.notice,
            amendment(a)
        )?;
    }
    Ok(())
}

/// An unknown notice number, with the recorded numbers that hold it
/// (`show`, `conflicts --notice`, `chains --notice`).
pub fn unknown(ledger: &Ledger, number: &str) -> Error {
    let near: Vec<String> = ledger
        .search(number)
        .into_iter()
        .filter_map(|f| match f {
            appointment_ledger::Found::Notice { number, .. } => Some(number),
            _ => None,
        })
        .take(5)
        .collect();
    Error::Unmatched {
        what: "notice".to_owned(),
        name: number.to_owned(),
        suggestions: near,
    }
}
