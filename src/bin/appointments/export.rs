//! `appointments export`: the ledger as Popolo JSON, CSV of tenures, or an
//! SVG timeline of chosen posts or people.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use appointment_ledger::{Error, NaiveDate, SvgTimeline};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, ValueEnum};

use super::{Cli, LedgerArg, date_arg, open, to_json};

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Popolo JSON: persons, organizations, posts, memberships.
    Popolo,
    /// CSV, one row per tenure.
    Csv,
    /// An SVG timeline of the --post or --person lanes over --from..--to.
    Svg,
}

#[derive(Args)]
pub struct Export {
    /// The output format.
    #[arg(long, value_enum)]
    format: Format,
    #[command(flatten)]
    ledger: LedgerArg,
    /// A post to draw as a lane (svg; repeat for more).
    #[arg(long = "post", value_name = "NAME", conflicts_with = "persons")]
    posts: Vec<String>,
    /// A person to draw as a lane (svg; repeat for more).
    #[arg(long = "person", value_name = "NAME")]
    persons: Vec<String>,
    /// The first day drawn, YYYY-MM-DD (svg).
    #[arg(long, value_parser = date_arg, requires = "to")]
    from: Option<NaiveDate>,
    /// The day after the last one drawn, YYYY-MM-DD (svg).
    #[arg(long, value_parser = date_arg, requires = "from")]
    to: Option<NaiveDate>,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Export) -> Result<(), Error> {
    let chart_args = !args.posts.is_empty()
        || !args.persons.is_empty()
        || args.from.is_some()
        || args.to.is_some();
    if args.format != Format::Svg && chart_args {
        usage("--post, --person, --from and --to choose what --format svg draws");
    }
    let ledger = open(&args.ledger.path)?;
    let text = match args.format {
        Format::Popolo => {
            let mut json = to_json(&ledger.to_popolo());
            json.push('\n');
            json
        }
        Format::Csv => ledger.to_csv(),
        Format::Svg => {
            let (Some(from), Some(to)) = (args.from, args.to) else {
                usage("--format svg needs a date range: --from DATE --to DATE");
            };
            let chart = if args.persons.is_empty() {
                if args.posts.is_empty() {
                    usage("--format svg needs lanes: --post NAME… or --person NAME…");
                }
                SvgTimeline::posts(&args.posts, from..to)
            } else {
                SvgTimeline::persons(&args.persons, from..to)
            };
            ledger.timeline_svg(&chart)?
        }
    };
    match &args.output {
        Some(path) => write_file(path, &text),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| crate::stdout_error(&e))
        }
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|e| Error::Io {
        path: path.display().to_string(),
        kind: e.kind(),
        message: e.to_string(),
    })
}

/// Exits with clap's usage message and status 2.
fn usage(message: &str) -> ! {
    Cli::command()
        .error(ErrorKind::MissingRequiredArgument, message)
        .exit()
}
