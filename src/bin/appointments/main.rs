//! `appointments`: read personnel notices, keep them in a ledger file, and
//! ask who held which post when.
//!
//! Exit status: 0 on success, 2 on bad input (the message names the file
//! and line), 1 on any other failure. A reader that closes the pipe ends a
//! question's answer quietly; a command that records (`import`, `alias`,
//! `retract`, `correct`) does all its work whatever becomes of its
//! standard output, and says on standard error what it did when its
//! report was cut.

mod export;
mod input;
mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use appointment_ledger::{
    Action, Change, Correction, EARLIEST, Error, Flag, Flags, Holding, Index, LATEST, Ledger,
    NaiveDate, Notice, ParsedNotice, Parser, Person, Post, Read, Target, Tenure, UndatedNotice,
    parse_date,
};
use clap::{Args, Parser as ClapParser, Subcommand};
use serde::Serialize;

use table::Table;

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

/// What a command that writes to the ledger prints about its work. A
/// standard output that closes or fails never stops the work (a notice
/// half imported because `| head` stopped reading is work reported done
/// and not done): the report stops, the work goes on, and standard error
/// says how it ended.
#[derive(Default)]
struct Report {
    /// The first failed write to standard output; nothing is written after
    /// it.
    lost: Option<Error>,
}

impl Report {
    /// Prints a line of the report, unless the report was already cut.
    fn line(&mut self, text: std::fmt::Arguments<'_>) {
        if self.lost.is_none()
            && let Err(e) = write_out(format_args!("{text}\n"))
        {
            self.lost = Some(e);
        }
    }

    /// Ends the report and gives the exit status: the work's `status` when
    /// the report was written whole, or when a reader closed the pipe (it
    /// has what it wanted; `done`, what the work did, goes to standard
    /// error); 1 when standard output failed otherwise (a full disk), so
    /// that the report the user asked to keep is known to be lost.
    fn finish(self, done: &str, status: ExitCode) -> ExitCode {
        match self.lost {
            None => status,
            Some(Error::Io {
                kind: std::io::ErrorKind::BrokenPipe,
                ..
            }) => {
                say!("note: standard output was closed; the work went on to its end: {done}");
                status
            }
            Some(e) => {
                say!("error: {e}; the report is incomplete, the work was done: {done}");
                ExitCode::FAILURE
            }
        }
    }
}

#[derive(ClapParser)]
#[command(
    name = "appointments",
    version,
    about = "Read personnel appointment notices (任免通知) into a ledger and ask who held which post when",
    after_help = "Example:\n  appointments import gazette.txt --ledger huaiyin.ledger\n  appointments who 济南市槐荫区人民防空办公室主任 --on 2022-05-01 --ledger huaiyin.ledger"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the events of the notices found in text files, as TSV.
    #[command(
        after_help = "Example:\n  appointments parse gazette.txt\n  appointments parse gazette.txt --json"
    )]
    Parse {
        /// Text files holding notices (among any other text).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the notices as JSON instead of TSV.
        #[arg(long)]
        json: bool,
        /// Fail on any clause that cannot be understood (default: report it on stderr and go on).
        #[arg(long)]
        strict: bool,
        /// The date of a decision the text gives no date (a date the text gives always wins).
        #[arg(long, value_parser = date_arg)]
        date: Option<NaiveDate>,
    },
    /// Record the notices found in text files into a ledger file (created if missing).
    #[command(after_help = "Example:\n  appointments import gazette.txt --ledger huaiyin.ledger")]
    Import {
        /// Text files holding notices.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        ledger: LedgerArg,
        /// Record a notice even when some of its clauses cannot be understood (they are reported, not recorded).
        #[arg(long)]
        allow_partial: bool,
        /// Refuse a notice that would add an error finding: it is reported and nothing of it recorded; the other notices are still recorded, and the exit status is 2.
        #[arg(long)]
        strict: bool,
        /// The date of a decision the text gives no date (a date the text gives always wins).
        #[arg(long, value_parser = date_arg)]
        date: Option<NaiveDate>,
    },
    /// What in the record does not add up: every finding, or those citing one notice.
    #[command(
        after_help = "Example:\n  appointments conflicts --ledger huaiyin.ledger\n  appointments conflicts --notice 济槐政任〔2022〕6号 --ledger huaiyin.ledger --json"
    )]
    Conflicts {
        /// Only the findings citing this notice number.
        #[arg(long)]
        notice: Option<String>,
        #[command(flatten)]
        ledger: LedgerArg,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Declare two organisation names one organisation (recorded in the ledger).
    #[command(
        after_help = "Example:\n  appointments alias 济南市槐荫人民医院 济南市槐荫区人民医院 --ledger huaiyin.ledger"
    )]
    Alias {
        /// The other name.
        name: String,
        /// The name it is the same as.
        same_as: String,
        #[command(flatten)]
        ledger: LedgerArg,
    },
    /// Vacancy chains: who moved into each vacancy, and where each chain ends.
    #[command(
        after_help = "Example:\n  appointments chains --notice 济槐政任〔2022〕5号 --ledger huaiyin.ledger\n  appointments chains --ledger huaiyin.ledger   (every notice)"
    )]
    Chains {
        /// Only the chains of this notice number (default: every notice, one by one).
        #[arg(long)]
        notice: Option<String>,
        #[command(flatten)]
        ledger: LedgerArg,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// A Graphviz (DOT) picture of a post's or a person's neighbourhood.
    #[command(
        after_help = "Example:\n  appointments graph 济南市槐荫区人民防空办公室主任 --ledger huaiyin.ledger | dot -Tsvg > post.svg\n  appointments graph --person 陈建防 --ledger huaiyin.ledger"
    )]
    Graph {
        /// The post as written.
        #[arg(required_unless_present = "person", conflicts_with = "person")]
        post: Option<String>,
        /// A person's name instead of a post.
        #[arg(long)]
        person: Option<String>,
        #[command(flatten)]
        ledger: LedgerArg,
    },
    /// Who held a post on a date.
    #[command(
        after_help = "Example:\n  appointments who 济南市槐荫区人民防空办公室主任 --on 2022-05-01 --ledger huaiyin.ledger"
    )]
    Who {
        /// The post as written: organisation and title.
        post: String,
        #[command(flatten)]
        query: DateQuery,
    },
    /// Which posts a person held on a date.
    #[command(
        after_help = "Example:\n  appointments posts 尹强 --on 2022-05-01 --ledger huaiyin.ledger"
    )]
    Posts {
        /// The person's name (`李建#A` for a person given an id).
        person: String,
        #[command(flatten)]
        query: DateQuery,
    },
    /// Every tenure of a post, or with --person every tenure of a person.
    #[command(
        after_help = "Example:\n  appointments history 济南市槐荫区人民防空办公室主任 --ledger huaiyin.ledger\n  appointments history --person 陈建防 --ledger huaiyin.ledger"
    )]
    History {
        /// The post as written.
        #[arg(required_unless_present = "person", conflicts_with = "person")]
        post: Option<String>,
        /// A person's name instead of a post.
        #[arg(long)]
        person: Option<String>,
        #[command(flatten)]
        ledger: LedgerArg,
        /// Answer as the ledger stood right after this notice was recorded.
        #[arg(long, value_name = "NOTICE")]
        known_after: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Rescind (撤销) a recorded notice, or some of its events, by a correcting notice.
    #[command(
        after_help = "Example:\n  appointments retract 济槐政任〔2022〕5号 --person 陈建防 --by 济槐政任〔2022〕9号 --date 2022-06-25 --ledger huaiyin.ledger"
    )]
    Retract {
        #[command(flatten)]
        selection: Selection,
    },
    /// Correct (更正) the person, post, date or flags of recorded events, by a correcting notice.
    #[command(
        after_help = "Example:\n  appointments correct 济槐政任〔2022〕5号 --clause 7 --to-post 济南市槐荫区人民医院副院长 --by 济槐政任〔2022〕8号 --date 2022-06-20 --ledger huaiyin.ledger"
    )]
    Correct {
        #[command(flatten)]
        selection: Selection,
        /// The right person.
        #[arg(long)]
        to_person: Option<String>,
        /// The right post (organisation and title as written).
        #[arg(long, value_parser = post_arg)]
        to_post: Option<Post>,
        /// The right effective date, YYYY-MM-DD.
        #[arg(long, value_parser = date_arg)]
        effective: Option<NaiveDate>,
        /// The right flags, comma-separated (concurrent,acting,probation,retain_rank,secondment; empty for none).
        #[arg(long, value_parser = flags_arg)]
        flags: Option<Flags>,
    },
    /// Write the index beside the ledger again (import keeps it current),
    /// or check it: that it covers the ledger and that its bytes are whole.
    #[command(
        after_help = "Example:\n  appointments index --ledger huaiyin.ledger\n  appointments index --check --ledger huaiyin.ledger"
    )]
    Index {
        #[command(flatten)]
        ledger: LedgerArg,
        /// Check the index instead of writing it; exit 1 if it does not
        /// cover the ledger or is damaged.
        #[arg(long)]
        check: bool,
    },
    /// Export the ledger: Popolo JSON, CSV of tenures, or an SVG timeline.
    #[command(
        after_help = "Example:\n  appointments export --format popolo --ledger huaiyin.ledger -o huaiyin.json\n  appointments export --format csv --ledger huaiyin.ledger > tenures.csv\n  appointments export --format svg --post 济南市槐荫区人民防空办公室主任 --from 2022-04-01 --to 2022-07-01 --ledger huaiyin.ledger -o timeline.svg"
    )]
    Export(export::Export),
}

/// The date, ledger and output format of a question about one day.
#[derive(Args)]
struct DateQuery {
    /// The date: 2022-05-01, 2022-5-1, 2022/5/1, 20220501, 2022年5月1日 or
    /// `today` (the default).
    #[arg(long, value_parser = date_arg, default_value = "today")]
    on: NaiveDate,
    #[command(flatten)]
    ledger: LedgerArg,
    /// Answer as the ledger stood right after this notice was recorded.
    #[arg(long, value_name = "NOTICE")]
    known_after: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Which events of a recorded notice a correction changes.
#[derive(Args)]
struct Selection {
    /// The recorded notice whose events are changed.
    notice: String,
    /// Only the events of this clause.
    #[arg(long)]
    clause: Option<u32>,
    /// Only the events of this person.
    #[arg(long)]
    person: Option<String>,
    /// Only the events at this post (organisation and title as written).
    #[arg(long, value_parser = post_arg)]
    post: Option<Post>,
    /// The number of the correcting notice.
    #[arg(long, value_name = "NUMBER")]
    by: String,
    /// The correcting notice's signing date, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    date: NaiveDate,
    #[command(flatten)]
    ledger: LedgerArg,
}

impl Selection {
    fn target(&self) -> Target {
        let mut target = Target::notice(&self.notice);
        if let Some(clause) = self.clause {
            target = target.clause(clause);
        }
        if let Some(person) = &self.person {
            target = target.person(person_arg(person));
        }
        if let Some(post) = &self.post {
            target = target.post(post.clone());
        }
        target
    }
}

#[derive(Args)]
struct LedgerArg {
    /// The ledger file (default: the APPOINTMENTS_LEDGER environment
    /// variable).
    #[arg(long = "ledger", value_name = "PATH", env = "APPOINTMENTS_LEDGER")]
    path: PathBuf,
}

/// A date as people type it (`2022-05-01`, `2022-5-1`, `2022/5/1`,
/// `20220501`, `2022年5月1日`), or `today` (the local calendar's).
fn date_arg(text: &str) -> Result<NaiveDate, String> {
    if text.trim().eq_ignore_ascii_case("today") {
        return Ok(chrono::Local::now().date_naive());
    }
    parse_date(text).map_err(|e| e.to_string())
}

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
        } => parse(&files, json, strict, date),
        Command::Import {
            files,
            ledger,
            allow_partial,
            strict,
            date,
        } => return import(&files, &ledger.path, allow_partial, strict, date),
        Command::Conflicts {
            notice,
            ledger,
            json,
        } => conflicts(&open(&ledger.path)?, notice.as_deref(), json),
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
        } => chains(&open(&ledger.path)?, notice.as_deref(), json),
        Command::Graph {
            post,
            person,
            ledger,
        } => {
            let ledger = open(&ledger.path)?;
            let dot = match (post, person) {
                (_, Some(person)) => ledger.dot_person(person.as_str())?,
                (Some(post), None) => ledger.dot_post(post.as_str())?,
                (None, None) => String::new(),
            };
            out!("{dot}")?;
            Ok(())
        }
        Command::Who { post, query } => {
            let asked = asked(&query.ledger.path, query.known_after.as_deref())?;
            who(&asked, &post, query.on, query.json)
        }
        Command::Posts { person, query } => {
            let asked = asked(&query.ledger.path, query.known_after.as_deref())?;
            posts(&asked, &person, query.on, query.json)
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
        } => {
            // From the index when it covers the ledger and no correction
            // rescinded anything (the index keeps no rescinded events).
            if known_after.is_none()
                && let Ok(index) = Index::open(&ledger.path)
                && index.nothing_rescinded()
            {
                let tenures = match (post, person) {
                    (_, Some(person)) => index.career(&person)?,
                    (Some(post), None) => index.history(&post)?,
                    (None, None) => Vec::new(),
                };
                if json {
                    let rescinded: [(); 0] = [];
                    outln!(
                        "{}",
                        to_json(&serde_json::json!({ "tenures": tenures, "rescinded": rescinded }))
                    )?;
                } else {
                    print_tenures(&tenures, false)?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            let ledger = view(&ledger.path, known_after.as_deref())?;
            let (tenures, rescinded) = match (post, person) {
                (_, Some(person)) => (
                    ledger.career(person.as_str())?,
                    ledger.rescinded_of(person.as_str())?,
                ),
                (Some(post), None) => (
                    ledger.history(post.as_str())?,
                    ledger.rescinded_at(post.as_str())?,
                ),
                (None, None) => (Vec::new(), Vec::new()),
            };
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
            Ok(())
        }
        Command::Export(args) => export::run(args),
        Command::Index { ledger, check } => index(&ledger.path, check),
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

/// The ledger to answer from: as it is, or as it stood right after a
/// notice was recorded.
/// What a date question is asked of: the ledger's index, when it covers
/// the file, or else the replayed ledger.
enum Asked {
    Index(Box<Index>),
    Ledger(Box<Ledger>),
}

/// Opens what a date question is answered from. A question of the ledger
/// as it stands is answered from the index beside the file (a few small
/// reads, no replay) when the index covers the whole file; otherwise the
/// ledger is replayed, the reason said, and a fresh index written for the
/// next question where the directory allows. A question "as known after"
/// a notice replays.
fn asked(path: &Path, known_after: Option<&str>) -> Result<Asked, Error> {
    if known_after.is_some() {
        return view(path, known_after).map(|l| Asked::Ledger(Box::new(l)));
    }
    must_exist(path)?;
    match Index::open(path) {
        Ok(index) => return Ok(Asked::Index(Box::new(index))),
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
fn index(path: &Path, check: bool) -> Result<(), Error> {
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
            "{}: covers the {} entries of the ledger; whole",
            at.display(),
            index.len()
        )?;
    } else {
        Index::write(&ledger, &at)?;
        outln!("{}: written ({} entries)", at.display(), ledger.len())?;
    }
    Ok(())
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

/// A person as given on the command line (`李建#A` for one with an id,
/// `李建#-` for the one of the name without).
fn person_arg(text: &str) -> Person {
    match text.split_once('#') {
        Some((name, id)) if id.trim() != "-" => Person::with_id(name, id),
        Some((name, _)) => Person::new(name),
        None => Person::new(text),
    }
}

fn post_arg(text: &str) -> Result<Post, String> {
    Post::parse(text).ok_or_else(|| format!("`{text}` ends in no title the lexicon knows"))
}

fn flags_arg(text: &str) -> Result<Flags, String> {
    let mut flags = Flags::NONE;
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let flag = Flag::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| {
                format!(
                    "`{name}` is no flag (concurrent, acting, probation, retain_rank, secondment)"
                )
            })?;
        flags = flags.with(flag);
    }
    Ok(flags)
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

/// Reads the notices and corrections of a text file, reporting on stderr
/// what was skipped, left unread, passed over or found undated, and a file
/// in which no appointment or removal was found at all. Text in GB18030
/// or UTF-16 is decoded (and said so); see [`input::read_text`].
fn read_file(file: &Path, strict: bool, date: Option<NaiveDate>) -> Result<Read, Error> {
    let input::Text { text, decoded_from } = input::read_text(file)?;
    let name = file.display().to_string();
    if let Some(encoding) = decoded_from {
        say!("note: {name}: read as {encoding} (the text is not UTF-8)");
    }
    let mut parser = Parser::new().file(&name).strict(strict);
    if let Some(date) = date {
        parser = parser.date(date);
    }
    let read = parser.read(&text)?;
    let skipped = read
        .notices
        .iter()
        .flat_map(|n| &n.skipped)
        .chain(read.corrections.iter().flat_map(|c| &c.skipped))
        .chain(read.undated.iter().flat_map(|u| &u.skipped))
        .chain(&read.unread);
    for problem in skipped {
        say!("warning: {problem}");
    }
    for passed in &read.passed_over {
        say!("note: {name}: {passed}");
    }
    for undated in &read.undated {
        say!(
            "warning: {name}: line {}: the text gives the decision no date ({} events); give one with --date",
            undated.line,
            undated.events.len()
        );
    }
    if read.found_nothing() {
        say!("warning: no appointment or removal found in {name}");
    }
    Ok(read)
}

/// The TSV columns of `parse`: the first six as they have always been,
/// what was added since after them.
const PARSE_COLUMNS: &str = "notice\teffective_date\tkind\tperson\tpost\tflags\tdate_source\tline";

fn parse(
    files: &[PathBuf],
    json: bool,
    strict: bool,
    date: Option<NaiveDate>,
) -> Result<(), Error> {
    let mut notices: Vec<ParsedNotice> = Vec::new();
    let mut undated: Vec<UndatedNotice> = Vec::new();
    for file in files {
        let read = read_file(file, strict, date)?;
        notices.extend(read.notices);
        undated.extend(read.undated);
    }
    if json {
        let notices: Vec<&Notice> = notices.iter().map(|p| &p.notice).collect();
        outln!("{}", to_json(&notices))?;
        return Ok(());
    }
    outln!("{PARSE_COLUMNS}")?;
    for parsed in &notices {
        let notice = &parsed.notice;
        for event in &notice.events {
            outln!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                notice.number,
                notice.effective,
                event.kind,
                event.person,
                event.post,
                event.flags,
                parsed.date_source,
                event.provenance.line.unwrap_or(parsed.line)
            )?;
        }
    }
    // A decision without a date: `?` for its date, `none` for its source.
    for notice in &undated {
        let name = notice.number.as_deref().unwrap_or(&notice.title);
        for event in &notice.events {
            outln!(
                "{}\t?\t{}\t{}\t{}\t{}\tnone\t{}",
                name,
                event.kind,
                event.person,
                event.post,
                event.flags,
                event.provenance.line.unwrap_or(notice.line)
            )?;
        }
    }
    Ok(())
}

/// Records what the files hold; in strict mode a refused notice is
/// reported and the others still tried, and the exit status is then 2.
fn import(
    files: &[PathBuf],
    path: &Path,
    allow_partial: bool,
    strict: bool,
    date: Option<NaiveDate>,
) -> Result<ExitCode, Error> {
    // Parse everything first: a file that cannot be read records nothing.
    let mut written: Vec<(usize, u32, Change)> = Vec::new();
    for (k, file) in files.iter().enumerate() {
        let read = read_file(file, !allow_partial, date)?;
        written.extend(
            read.notices
                .into_iter()
                .map(|p| (k, p.line, Change::Notice(p.notice))),
        );
        written.extend(
            read.corrections
                .into_iter()
                .map(|c| (k, c.line, Change::Correction(c.correction))),
        );
    }
    // In the order written, but a correction waits for the notices it
    // names when they come later.
    written.sort_by_key(|(k, line, _)| (*k, *line));
    // A date the ledger cannot hold is bad input like a file that cannot
    // be read: named by file and line, and nothing recorded or created.
    for (k, line, change) in &written {
        if let Some(date) = out_of_range(change) {
            return Err(Error::DateOutOfRange {
                date,
                context: format!(
                    "{}: line {line}: notice {}",
                    files[*k].display(),
                    change.number().unwrap_or_default()
                ),
            });
        }
    }
    let mut ledger = writer(Ledger::builder().strict(strict).open(path)?)?;
    let (mut recorded, mut already) = (0, 0);
    let mut refused = Vec::new();
    let mut known: std::collections::HashSet<String> = ledger
        .log()
        .iter()
        .filter_map(|e| e.change.number().map(str::to_owned))
        .collect();
    let names_unknown = |change: &Change, known: &std::collections::HashSet<String>| match change {
        Change::Correction(c) => c
            .amendments
            .iter()
            .any(|a| !known.contains(&a.target.notice)),
        _ => false,
    };
    let mut waiting = Vec::new();
    let mut changes = Vec::new();
    for (_, _, change) in written {
        if names_unknown(&change, &known) {
            waiting.push(change);
            continue;
        }
        if let Some(number) = change.number() {
            known.insert(number.to_owned());
        }
        changes.push(change);
        // A notice just queued may be what a waiting correction names.
        let (ready, still): (Vec<Change>, Vec<Change>) =
            waiting.drain(..).partition(|c| !names_unknown(c, &known));
        waiting = still;
        for c in ready {
            if let Some(number) = c.number() {
                known.insert(number.to_owned());
            }
            changes.push(c);
        }
    }
    changes.extend(waiting);
    // Where each number already in the file was recorded, looked up once.
    let recorded_at: std::collections::HashMap<String, usize> = ledger
        .log()
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.change.number().map(|n| (n.to_owned(), i)))
        .collect();
    let mut report = Report::default();
    let bar = progress(changes.len());
    for change in changes {
        bar.inc(1);
        let number = change.number().unwrap_or_default().to_owned();
        if let Some(entry) = recorded_at.get(&number).and_then(|i| ledger.log().get(*i))
            && entry.change == change
        {
            bar.suspend(|| {
                say!(
                    "note: {number} is already recorded (entry {}); skipped",
                    entry.seq
                )
            });
            already += 1;
            continue;
        }
        let (what, result) = match change {
            Change::Notice(notice) => {
                let events = notice.events.len();
                (format!("{events} events"), ledger.record(notice))
            }
            Change::Correction(correction) => {
                let amendments = correction.amendments.len();
                (
                    format!("a correction, {amendments} amendment(s)"),
                    ledger.record_correction(correction),
                )
            }
            _ => continue,
        };
        match result {
            Ok(done) => {
                recorded += 1;
                report.line(format_args!(
                    "recorded {number} as entry {} ({what})",
                    done.seq
                ));
                for finding in &done.findings {
                    report.line(format_args!("  {finding}"));
                }
            }
            // Strict mode refuses one notice, or one names what is not
            // recorded: it is reported, and the others are still tried.
            Err(e) if e.is_bad_input() => {
                bar.suspend(|| say!("error: {e}"));
                refused.push(number);
            }
            Err(e) => return Err(e),
        }
    }
    bar.finish_and_clear();
    // Kept current for the next question; rewritten only when this run
    // changed the log or the index is not exactly of this log (the
    // checksum of every byte of it included, which this writer has read).
    let current = Index::open(path).and_then(|index| index.covers(&ledger));
    if recorded > 0 || !matches!(current, Ok(true)) {
        write_index(&ledger, path);
    }
    let summary = format!(
        "{recorded} recorded, {already} already present, {} refused; {} has {} entries",
        refused.len(),
        path.display(),
        ledger.len()
    );
    report.line(format_args!("{summary}"));
    let status = if refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    };
    Ok(report.finish(&summary, status))
}

/// A progress bar of `len` notices on stderr when it is a terminal (and
/// the import long enough to want one); hidden otherwise, so that piped
/// and logged output stays as it was.
fn progress(len: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if len < 100 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} notices recorded ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

/// The first date of a notice or correction that the ledger cannot hold
/// (outside [`EARLIEST`]`..=`[`LATEST`], which `Ledger::record` enforces).
fn out_of_range(change: &Change) -> Option<NaiveDate> {
    let dates: Vec<NaiveDate> = match change {
        Change::Notice(n) => [Some(n.signed), Some(n.effective), n.issued]
            .into_iter()
            .flatten()
            .collect(),
        Change::Correction(c) => std::iter::once(c.signed)
            .chain(c.amendments.iter().filter_map(|a| match &a.action {
                Action::Correct { effective, .. } => *effective,
                _ => None,
            }))
            .collect(),
        _ => Vec::new(),
    };
    dates.into_iter().find(|d| !(EARLIEST..=LATEST).contains(d))
}

#[derive(Serialize)]
struct WhoAnswer<'a> {
    post: String,
    date: NaiveDate,
    holding: &'a Holding<'a>,
}

fn who(asked: &Asked, post: &str, on: NaiveDate, json: bool) -> Result<(), Error> {
    let (holding, name) = match asked {
        Asked::Index(index) => {
            let id = index.find_post(post)?;
            (index.holders_of(id, on)?, index.post(id)?.to_string())
        }
        Asked::Ledger(ledger) => {
            let holding = ledger.holders(post, on)?;
            let id = ledger.find_post(post)?;
            let name = ledger.post(id).map(ToString::to_string).unwrap_or_default();
            (holding, name)
        }
    };
    if json {
        let answer = WhoAnswer {
            post: name,
            date: on,
            holding: &holding,
        };
        outln!("{}", to_json(&answer))?;
        return Ok(());
    }
    match &holding {
        Holding::Held(tenures) => {
            outln!("{name} on {on}: held")?;
            out!("{}", tenure_table(tenures).render())?;
        }
        Holding::Vacant { since, last } => {
            outln!("{name} on {on}: vacant since {since}")?;
            out!("{}", tenure_table(last).render())?;
        }
        Holding::Unknown => {
            outln!("{name} on {on}: unknown (the ledger records nothing of this post on that day)")?
        }
    }
    Ok(())
}

fn posts(asked: &Asked, person: &str, on: NaiveDate, json: bool) -> Result<(), Error> {
    let tenures = match asked {
        Asked::Index(index) => index.posts_of(person, on)?,
        Asked::Ledger(ledger) => ledger.posts_of(person, on)?,
    };
    if json {
        outln!("{}", to_json(&tenures))?;
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

fn conflicts(ledger: &Ledger, notice: Option<&str>, json: bool) -> Result<(), Error> {
    let findings = match notice {
        Some(number) => {
            if !ledger.notices().any(|(_, n)| n.number == number.trim()) {
                return Err(Error::UnknownNotice {
                    notice: number.to_owned(),
                });
            }
            ledger.findings_for_notice(number)
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

fn chains(ledger: &Ledger, notice: Option<&str>, json: bool) -> Result<(), Error> {
    let numbers: Vec<String> = match notice {
        Some(n) => vec![n.trim().to_owned()],
        None => ledger.notices().map(|(_, n)| n.number.clone()).collect(),
    };
    let mut all = Vec::new();
    for number in numbers {
        let chains = ledger.vacancy_chains(&number)?;
        if !json {
            outln!("{number}: {} chain(s)", chains.len())?;
            for chain in &chains {
                outln!("  {chain}")?;
            }
        }
        all.push(serde_json::json!({ "notice": number, "chains": chains }));
    }
    if json {
        outln!("{}", to_json(&all))?;
    }
    Ok(())
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Our types serialise to JSON without fail (no maps with non-string
    // keys, no non-finite numbers).
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
