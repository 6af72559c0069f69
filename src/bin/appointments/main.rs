//! `appointments`: read personnel notices, keep them in a ledger file, and
//! ask who held which post when.
//!
//! Exit status: 0 on success, 2 on bad input (the message names the file
//! and line), 1 on any other failure.

mod export;
mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use appointment_ledger::{
    Error, Holding, Ledger, NaiveDate, Notice, ParsedNotice, Parser, Tenure, parse_date,
};
use clap::{Args, Parser as ClapParser, Subcommand};
use serde::Serialize;

use table::Table;

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
        /// Refuse a notice that would add an error finding (it is reported, and nothing of it recorded).
        #[arg(long)]
        strict: bool,
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
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
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
    /// The date, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    on: NaiveDate,
    #[command(flatten)]
    ledger: LedgerArg,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct LedgerArg {
    /// The ledger file.
    #[arg(long = "ledger", value_name = "PATH")]
    path: PathBuf,
}

fn date_arg(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            // A file the user named that does not exist is bad input too.
            let missing =
                matches!(&e, Error::Io { kind, .. } if *kind == std::io::ErrorKind::NotFound);
            ExitCode::from(if e.is_bad_input() || missing { 2 } else { 1 })
        }
    }
}

fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Parse {
            files,
            json,
            strict,
        } => parse(&files, json, strict),
        Command::Import {
            files,
            ledger,
            allow_partial,
            strict,
        } => import(&files, &ledger.path, allow_partial, strict),
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
            let mut ledger = open_for_writing(&ledger.path)?;
            let recorded = ledger.declare_alias(&name, &same_as)?;
            println!("recorded as entry {}: {name} is {same_as}", recorded.seq);
            Ok(())
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
            print!("{dot}");
            Ok(())
        }
        Command::Who { post, query } => {
            who(&open(&query.ledger.path)?, &post, query.on, query.json)
        }
        Command::Posts { person, query } => {
            posts(&open(&query.ledger.path)?, &person, query.on, query.json)
        }
        Command::History {
            post,
            person,
            ledger,
            json,
        } => {
            let ledger = open(&ledger.path)?;
            match (post, person) {
                (_, Some(person)) => print_tenures(&ledger.career(person.as_str())?, json),
                (Some(post), None) => print_tenures(&ledger.history(post.as_str())?, json),
                (None, None) => Ok(()),
            }
        }
        Command::Export(args) => export::run(args),
    }
}

/// Opens an existing ledger file to read it (no lock: questions can be
/// asked while an import runs); asking questions of a missing file is an
/// error, not an empty answer.
fn open(path: &Path) -> Result<Ledger, Error> {
    must_exist(path)?;
    Ledger::builder().open_read_only(path)
}

/// Opens an existing ledger file to write to it, as its one writer.
fn open_for_writing(path: &Path) -> Result<Ledger, Error> {
    must_exist(path)?;
    writer(Ledger::builder().open(path)?)
}

/// Says what opening cut off a torn ledger file, if anything.
fn writer(ledger: Ledger) -> Result<Ledger, Error> {
    if let Some(recovery) = ledger.recovery() {
        eprintln!("note: {recovery}");
    }
    Ok(ledger)
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

fn read_notices(file: &Path, strict: bool) -> Result<Vec<ParsedNotice>, Error> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::Io {
        path: file.display().to_string(),
        kind: e.kind(),
        message: e.to_string(),
    })?;
    let parsed = Parser::new()
        .file(&file.display().to_string())
        .strict(strict)
        .parse(&text)?;
    for notice in &parsed {
        for skipped in &notice.skipped {
            eprintln!("warning: {skipped}");
        }
    }
    Ok(parsed)
}

fn parse(files: &[PathBuf], json: bool, strict: bool) -> Result<(), Error> {
    let mut notices: Vec<Notice> = Vec::new();
    for file in files {
        notices.extend(read_notices(file, strict)?.into_iter().map(|p| p.notice));
    }
    if json {
        println!("{}", to_json(&notices));
        return Ok(());
    }
    println!("notice\teffective_date\tkind\tperson\tpost\tflags");
    for notice in &notices {
        for event in &notice.events {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                notice.number, notice.effective, event.kind, event.person, event.post, event.flags
            );
        }
    }
    Ok(())
}

fn import(files: &[PathBuf], path: &Path, allow_partial: bool, strict: bool) -> Result<(), Error> {
    // Parse everything first: a bad file records nothing.
    let mut parsed = Vec::new();
    for file in files {
        parsed.extend(read_notices(file, !allow_partial)?);
    }
    let mut ledger = writer(Ledger::builder().strict(strict).open(path)?)?;
    let (mut recorded, mut already) = (0, 0);
    for ParsedNotice { notice, .. } in parsed {
        let known = ledger.notices().find(|(_, n)| n.number == notice.number);
        match known {
            Some((seq, existing)) if *existing == notice => {
                eprintln!(
                    "note: {} is already recorded (entry {seq}); skipped",
                    notice.number
                );
                already += 1;
            }
            _ => {
                let number = notice.number.clone();
                let events = notice.events.len();
                let result = ledger.record(notice)?;
                println!(
                    "recorded {number} as entry {} ({events} events)",
                    result.seq
                );
                for finding in &result.findings {
                    println!("  {finding}");
                }
                recorded += 1;
            }
        }
    }
    println!(
        "{recorded} notice(s) recorded, {already} already present; {} has {} entries",
        path.display(),
        ledger.len()
    );
    Ok(())
}

#[derive(Serialize)]
struct WhoAnswer<'a> {
    post: String,
    date: NaiveDate,
    holding: &'a Holding<'a>,
}

fn who(ledger: &Ledger, post: &str, on: NaiveDate, json: bool) -> Result<(), Error> {
    let holding = ledger.holders(post, on)?;
    let id = ledger.find_post(post)?;
    let name = ledger.post(id).map(ToString::to_string).unwrap_or_default();
    if json {
        let answer = WhoAnswer {
            post: name,
            date: on,
            holding: &holding,
        };
        println!("{}", to_json(&answer));
        return Ok(());
    }
    match &holding {
        Holding::Held(tenures) => {
            println!("{name} on {on}: held");
            print!("{}", tenure_table(tenures).render());
        }
        Holding::Vacant { since, last } => {
            println!("{name} on {on}: vacant since {since}");
            print!("{}", tenure_table(last).render());
        }
        Holding::Unknown => println!(
            "{name} on {on}: unknown (the ledger records nothing of this post on that day)"
        ),
    }
    Ok(())
}

fn posts(ledger: &Ledger, person: &str, on: NaiveDate, json: bool) -> Result<(), Error> {
    let tenures = ledger.posts_of(person, on)?;
    if json {
        println!("{}", to_json(&tenures));
    } else if tenures.is_empty() {
        println!("{person} on {on}: no post recorded");
    } else {
        print!("{}", tenure_table(&tenures).render());
    }
    Ok(())
}

fn print_tenures(tenures: &[Tenure<'_>], json: bool) -> Result<(), Error> {
    if json {
        println!("{}", to_json(&tenures));
    } else {
        print!("{}", tenure_table(tenures).render());
    }
    Ok(())
}

fn tenure_table(tenures: &[Tenure<'_>]) -> Table {
    let mut table = Table::new(&[
        "person",
        "post",
        "start",
        "end",
        "flags",
        "appointed by",
        "removed by",
    ]);
    for t in tenures {
        let by = |e: Option<appointment_ledger::EventRef<'_>>| {
            e.map_or("-".to_owned(), |e| e.to_string())
        };
        let flags = if t.flags.is_empty() {
            "-".to_owned()
        } else {
            t.flags.to_string()
        };
        table.row(&[
            t.person.to_string(),
            t.post.to_string(),
            t.start.to_string(),
            t.end.to_string(),
            flags,
            by(t.appointed_by),
            by(t.removed_by),
        ]);
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
        println!("{}", to_json(&findings));
        return Ok(());
    }
    if findings.is_empty() {
        println!("no findings");
    }
    for finding in findings {
        println!("{finding}");
        for cited in &finding.events {
            println!("  - {cited}: {}", cited.text);
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
            println!("{number}: {} chain(s)", chains.len());
            for chain in &chains {
                println!("  {chain}");
            }
        }
        all.push(serde_json::json!({ "notice": number, "chains": chains }));
    }
    if json {
        println!("{}", to_json(&all));
    }
    Ok(())
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Our types serialise to JSON without fail (no maps with non-string
    // keys, no non-finite numbers).
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
