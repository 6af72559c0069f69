//! The command line: the subcommands and their arguments as clap reads
//! them, and the parsers of the values typed into them (dates, persons,
//! posts, flags). What each command does is in `main.rs` and the modules
//! it dispatches to.

use std::path::PathBuf;

use appointment_ledger::{Flag, Flags, NaiveDate, Person, Post, Target, parse_date};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory as _, Parser as ClapParser, Subcommand};

use super::{export, search};

// The `appointments` command line. (No doc comment: clap would take it
// for the long help, and the help is written in `about`.)
#[derive(ClapParser)]
#[command(
    name = "appointments",
    version,
    about = "Read personnel appointment notices (任免通知) into a ledger and ask who held which post when",
    after_help = "Example:\n  appointments import gazette.txt --ledger huaiyin.ledger\n  appointments who 济南市槐荫区人民防空办公室主任 --on 2022-05-01 --ledger huaiyin.ledger"
)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
}

#[derive(Subcommand)]
pub(super) enum Command {
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
        /// A person written NAME in these files is the person NAME with id ID (`NAME#ID` in questions), to tell apart namesakes; repeat for more names.
        #[arg(long = "person-id", value_name = "NAME=ID", value_parser = person_id_arg)]
        person_ids: Vec<Person>,
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
    /// Find posts, people and notices by a part of their name, with their
    /// ids and how many tenures the ledger records of each (every one when
    /// no part is given).
    #[command(
        after_help = "Example:\n  appointments search 人防 --ledger huaiyin.ledger\n  appointments search 人民防空办公室 --kind post --json --ledger huaiyin.ledger\n  appointments search --kind notice --ledger huaiyin.ledger   (every notice)\n\nA part matches as one run of characters or with others between (人防 finds\n人民防空办公室主任); white space, the width of brackets ((…) and （…）, [2022] and\n〔2022〕) and the script (traditional or simplified) do not matter."
    )]
    Search {
        /// A part of the name (default: everything).
        part: Option<String>,
        /// Only posts, people or notices.
        #[arg(long, value_enum)]
        kind: Option<search::Kind>,
        #[command(flatten)]
        ledger: LedgerArg,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// What a recorded notice did: its events, the findings citing it, the
    /// corrections that name it and the vacancy chains it opened.
    #[command(
        after_help = "Example:\n  appointments show 济槐政任〔2022〕5号 --ledger huaiyin.ledger\n  appointments show 济槐政任[2022]4号 --json --ledger huaiyin.ledger"
    )]
    Show {
        /// The notice's number (brackets of either width).
        notice: String,
        #[command(flatten)]
        ledger: LedgerArg,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
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
        after_help = "Example:\n  appointments export --format popolo --ledger huaiyin.ledger -o huaiyin.json\n  appointments export --format csv --ledger huaiyin.ledger > tenures.csv\n  appointments export --format csv --bom --ledger huaiyin.ledger -o tenures-excel.csv\n  appointments export --format svg --post 济南市槐荫区人民防空办公室主任 --from 2022-04-01 --to 2022-07-01 --ledger huaiyin.ledger -o timeline.svg"
    )]
    Export(export::Export),
}

/// The date, ledger and output format of a question about one day.
#[derive(Args)]
pub(super) struct DateQuery {
    /// The date: 2022-05-01, 2022-5-1, 2022/5/1, 20220501, 2022年5月1日 or
    /// `today` (the default).
    #[arg(long, value_parser = date_arg, default_value = "today")]
    pub(super) on: NaiveDate,
    #[command(flatten)]
    pub(super) ledger: LedgerArg,
    /// Answer as the ledger stood right after this notice was recorded.
    #[arg(long, value_name = "NOTICE")]
    pub(super) known_after: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub(super) json: bool,
}

/// Which events of a recorded notice a correction changes.
#[derive(Args)]
pub(super) struct Selection {
    /// The recorded notice whose events are changed.
    pub(super) notice: String,
    /// Only the events of this clause.
    #[arg(long)]
    pub(super) clause: Option<u32>,
    /// Only the events of this person.
    #[arg(long)]
    pub(super) person: Option<String>,
    /// Only the events at this post (organisation and title as written).
    #[arg(long, value_parser = post_arg)]
    pub(super) post: Option<Post>,
    /// The number of the correcting notice.
    #[arg(long, value_name = "NUMBER")]
    pub(super) by: String,
    /// The correcting notice's signing date, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    pub(super) date: NaiveDate,
    #[command(flatten)]
    pub(super) ledger: LedgerArg,
}

impl Selection {
    pub(super) fn target(&self) -> Target {
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
pub(super) struct LedgerArg {
    /// The ledger file (default: the APPOINTMENTS_LEDGER environment
    /// variable).
    #[arg(long = "ledger", value_name = "PATH", env = "APPOINTMENTS_LEDGER")]
    pub(super) path: PathBuf,
}

/// A date as people type it (`2022-05-01`, `2022-5-1`, `2022/5/1`,
/// `20220501`, `2022年5月1日`), or `today` (the local calendar's).
pub(super) fn date_arg(text: &str) -> Result<NaiveDate, String> {
    if text.trim().eq_ignore_ascii_case("today") {
        return Ok(chrono::Local::now().date_naive());
    }
    parse_date(text).map_err(|e| e.to_string())
}

/// A person as given on the command line (`李建#A` for one with an id,
/// `李建#-` for the one of the name without).
pub(super) fn person_arg(text: &str) -> Person {
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

/// A `--person-id NAME=ID` of an import: the person NAME with id ID, both
/// normalised as [`Person::with_id`] does. Refused: no `=`, no name, a
/// name holding `#` (it separates a name from its id), no id, and the id
/// `-` (which names the person of the name without an id).
pub(super) fn person_id_arg(text: &str) -> Result<Person, String> {
    let Some((name, id)) = text.split_once('=') else {
        return Err("no `=` between the name and the id (NAME=ID, as in 李建=A)".to_owned());
    };
    let person = Person::with_id(name, id);
    if person.name().is_empty() {
        return Err("no name before `=` (NAME=ID, as in 李建=A)".to_owned());
    }
    if person.name().contains('#') {
        return Err(format!(
            "the name `{}` holds #, which separates a name from its id",
            person.name()
        ));
    }
    match person.id() {
        Some("") | None => Err("no id after `=` (NAME=ID, as in 李建=A)".to_owned()),
        Some("-") => Err(format!(
            "`-` is no id: `{}#-` is how a question names the {} without one",
            person.name(),
            person.name()
        )),
        Some(_) => Ok(person),
    }
}

/// The `--person-id` values of an import, one a name: the same value
/// given twice counts once; one name given two ids is a usage error that
/// names both values (the command exits with status 2).
pub(super) fn person_ids(given: Vec<Person>) -> Vec<Person> {
    let mut ids: Vec<Person> = Vec::with_capacity(given.len());
    for person in given {
        match ids.iter().find(|p| p.name() == person.name()) {
            Some(same) if *same == person => {}
            Some(other) => usage_of(
                "import",
                ErrorKind::ArgumentConflict,
                &format!(
                    "--person-id {}={} and --person-id {}={} give {} two ids; a name has one id in an import",
                    other.name(),
                    other.id().unwrap_or_default(),
                    person.name(),
                    person.id().unwrap_or_default(),
                    person.name()
                ),
            ),
            None => ids.push(person),
        }
    }
    ids
}

/// Exits with clap's usage error `message`, under the usage of
/// `subcommand`.
fn usage_of(subcommand: &str, kind: ErrorKind, message: &str) -> ! {
    let mut cli = Cli::command();
    cli.build();
    let error = match cli.find_subcommand_mut(subcommand) {
        Some(sub) => sub.error(kind, message),
        None => cli.error(kind, message),
    };
    error.exit()
}
