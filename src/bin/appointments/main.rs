//! `appointments`: read personnel notices, keep them in a ledger file, and
//! ask who held which post when.
//!
//! Exit status: 0 on success, 2 on bad input (the message names the file
//! and line), 1 on any other failure. A reader that closes the pipe ends a
//! question's answer quietly; a command that records (`import`, `alias`,
//! `retract`, `correct`) does all its work whatever becomes of its
//! standard output, and says on standard error what it did when its
//! report was cut.

mod args;
mod export;
mod input;
mod table;

use std::path::Path;
use std::process::ExitCode;

use appointment_ledger::{Action, Correction, Error, Index, Ledger};
use clap::Parser as _;
use serde::Serialize;

/// `print!` that reports a failed write (a closed pipe, a full disk) as an
/// [`Error`] rather than panicking.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::write_out(format_args!($($arg)*))
    };
}

/// `println!` that reports a failed write as an [`Error`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` that never panics: a message that cannot be written to
/// standard error (a closed pipe, `2>&1 | head`) is dropped, and the work
/// goes on.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod import;
mod questions;
mod report;
mod search;
mod show;

use args::{Cli, Command, person_arg};
use report::Report;

/// Writes to standard output.
fn write_out(text: std::fmt::Arguments<'_>) -> Result<(), Error> {
    use std::io::Write;
    std::io::stdout()
        .lock()
        .write_fmt(text)
        .map_err(|e| stdout_error(&e))
}

/// A failed write to standard output as an [`Error`].
fn stdout_error(e: &std::io::Error) -> Error {
    Error::Io {
        path: STDOUT.to_owned(),
        kind: e.kind(),
        message: e.to_string(),
    }
}

/// The name a failed write to standard output is reported under.
const STDOUT: &str = "standard output";

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        // A reader that stopped reading (`appointments parse … | head`)
        // has all it wanted.
        Err(Error::Io { path, kind, .. })
            if path == STDOUT && kind == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            say!("error: {e}");
            // A file the user named that does not exist is bad input too.
            let missing =
                matches!(&e, Error::Io { kind, .. } if *kind == std::io::ErrorKind::NotFound);
            ExitCode::from(if e.is_bad_input() || missing { 2 } else { 1 })
        }
    }
}

fn run(command: Command) -> Result<ExitCode, Error> {
    let done = match command {
        Command::Parse {
            files,
            json,
            strict,
            date,
        } => import::parse(&files, json, strict, date),
        Command::Import {
            files,
            ledger,
            allow_partial,
            strict,
            date,
            person_ids,
        } => {
            let ids = args::person_ids(person_ids);
            return import::import(&files, &ledger.path, allow_partial, strict, date, ids);
        }
        Command::Conflicts {
            notice,
            ledger,
            json,
        } => questions::conflicts(&open(&ledger.path)?, notice.as_deref(), json),
        Command::Alias {
            name,
            same_as,
            ledger,
        } => {
            let ledger_path = ledger.path;
            let mut ledger = open_for_writing(&ledger_path)?;
            let recorded = ledger.declare_alias(&name, &same_as)?;
            write_index(&ledger, &ledger_path);
            let summary = format!("recorded as entry {}: {name} is {same_as}", recorded.seq);
            let mut report = Report::default();
            report.line(format_args!("{summary}"));
            return Ok(report.finish(&summary, ExitCode::SUCCESS));
        }
        Command::Chains {
            notice,
            ledger,
            json,
        } => questions::chains(&open(&ledger.path)?, notice.as_deref(), json),
        Command::Graph {
            post,
            person,
            ledger,
        } => {
            let path = ledger.path;
            let ledger = open(&path)?;
            let dot = match (post, person) {
                (_, Some(person)) => ledger.dot_person(person.as_str()),
                (Some(post), None) => ledger.dot_post(post.as_str()),
                (None, None) => Ok(String::new()),
            }
            .map_err(|e| search::suggesting(e, &path, Some(&ledger)))?;
            out!("{dot}")?;
            Ok(())
        }
        Command::Search {
            part,
            kind,
            ledger,
            json,
        } => search::run(&ledger.path, part.as_deref().unwrap_or(""), kind, json),
        Command::Show {
            notice,
            ledger,
            json,
        } => show::run(&ledger.path, &notice, json),
        Command::Who { post, query } => {
            let asked = questions::asked(&query.ledger.path, query.known_after.as_deref())?;
            let answered = questions::who(&asked, &post, query.on, query.json)
                .map_err(|e| asked.suggesting(e, &query.ledger.path));
            asked.finish(&query.ledger.path);
            answered
        }
        Command::Posts { person, query } => {
            let asked = questions::asked(&query.ledger.path, query.known_after.as_deref())?;
            let answered = questions::posts(&asked, &person, query.on, query.json)
                .map_err(|e| asked.suggesting(e, &query.ledger.path));
            asked.finish(&query.ledger.path);
            answered
        }
        Command::Retract { selection } => {
            let correction = Correction::new(&selection.by, selection.date)
                .amend(selection.target(), Action::Retract);
            return record_correction(&selection.ledger.path, correction);
        }
        Command::Correct {
            selection,
            to_person,
            to_post,
            effective,
            flags,
        } => {
            let mut action = Action::correct();
            if let Some(person) = to_person {
                action = action.person(person_arg(&person));
            }
            if let Some(post) = to_post {
                action = action.post(post);
            }
            if let Some(date) = effective {
                action = action.effective(date);
            }
            if let Some(flags) = flags {
                action = action.flags(flags);
            }
            let correction =
                Correction::new(&selection.by, selection.date).amend(selection.target(), action);
            return record_correction(&selection.ledger.path, correction);
        }
        Command::History {
            post,
            person,
            ledger,
            known_after,
            json,
        } => return questions::history(&ledger.path, post, person, known_after.as_deref(), json),
        Command::Export(args) => export::run(args),
        Command::Index { ledger, check } => questions::index(&ledger.path, check),
    };
    done.map(|()| ExitCode::SUCCESS)
}

/// Opens an existing ledger file to read it (no lock: questions can be
/// asked while an import runs); asking questions of a missing file is an
/// error, not an empty answer. A torn record it skipped is said, as the
/// writer says what it cut.
fn open(path: &Path) -> Result<Ledger, Error> {
    must_exist(path)?;
    writer(Ledger::builder().open_read_only(path)?)
}

/// Opens an existing ledger file to write to it, as its one writer.
fn open_for_writing(path: &Path) -> Result<Ledger, Error> {
    must_exist(path)?;
    writer(Ledger::builder().open(path)?)
}

/// Says what opening cut off (or, read-only, skipped) of a torn ledger
/// file, if anything.
fn writer(ledger: Ledger) -> Result<Ledger, Error> {
    if let Some(recovery) = ledger.recovery() {
        say!("note: {recovery}");
    }
    Ok(ledger)
}

/// Writes the index of the ledger file `path` beside it, so that the next
/// question reads it instead of replaying the file. Failing to is no
/// failure of the command (the ledger is untouched, and questions replay):
/// it is said, and the command goes on.
fn write_index(ledger: &Ledger, path: &Path) {
    let index = Index::path_for(path);
    if let Err(e) = Index::write(ledger, &index) {
        say!("note: the index was not written: {e}");
    }
}

fn view(path: &Path, known_after: Option<&str>) -> Result<Ledger, Error> {
    let ledger = open(path)?;
    match known_after {
        Some(number) => ledger.as_known_after(number),
        None => Ok(ledger),
    }
}

fn record_correction(path: &Path, correction: Correction) -> Result<ExitCode, Error> {
    let mut ledger = open_for_writing(path)?;
    let number = correction.number.clone();
    let recorded = ledger.record_correction(correction)?;
    write_index(&ledger, path);
    let done = format!("recorded {number} as entry {}", recorded.seq);
    let mut report = Report::default();
    report.line(format_args!("{done}"));
    for finding in &recorded.findings {
        report.line(format_args!("  {finding}"));
    }
    Ok(report.finish(&done, ExitCode::SUCCESS))
}

fn must_exist(path: &Path) -> Result<(), Error> {
    if path.exists() {
        return Ok(());
    }
    Err(Error::Io {
        path: path.display().to_string(),
        kind: std::io::ErrorKind::NotFound,
        message: "no such ledger file (create it with `appointments import`)".to_owned(),
    })
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Our types serialise to JSON without fail (no maps with non-string
    // keys, no non-finite numbers).
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
