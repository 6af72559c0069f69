//! `appointments export`: the ledger as Popolo JSON, CSV of tenures, or an
//! SVG timeline of chosen posts or people.

use std::io::{BufWriter, Read as _, Write};
use std::path::{Path, PathBuf};

use appointment_ledger::{CsvOptions, Error, FileStore, NaiveDate, SvgTimeline};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, ValueEnum};

use super::args::{Cli, LedgerArg, date_arg};
use super::{open, to_json};

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
    /// Begin the CSV with a UTF-8 byte-order mark, so that Excel reads its
    /// names as UTF-8 (csv).
    #[arg(long)]
    bom: bool,
}

pub fn run(args: Export) -> Result<(), Error> {
    let chart_args = !args.posts.is_empty()
        || !args.persons.is_empty()
        || args.from.is_some()
        || args.to.is_some();
    if args.format != Format::Svg && chart_args {
        usage("--post, --person, --from and --to choose what --format svg draws");
    }
    if args.format != Format::Csv && args.bom {
        usage("--bom is for --format csv");
    }
    let ledger = open(&args.ledger.path)?;
    // The CSV is written a row at a time as it is made; the others whole.
    let text = match args.format {
        Format::Popolo => {
            let mut json = to_json(&ledger.to_popolo());
            json.push('\n');
            Some(json)
        }
        Format::Csv => None,
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
            Some(ledger.timeline_svg(&chart)?)
        }
    };
    let options = CsvOptions { bom: args.bom };
    let write = |out: &mut dyn Write| match &text {
        Some(text) => out.write_all(text.as_bytes()),
        None => ledger.write_csv(out, options),
    };
    match &args.output {
        Some(path) => write_file(path, &args.ledger.path, write),
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            write(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| crate::stdout_error(&e))
        }
    }
}

/// Writes the export to `path` whole or not at all: into a temporary file
/// beside it, synced, then renamed over it, so that a reader (or a crash)
/// sees the old file or the new one, never half of one. A path that is
/// the ledger being read, any other ledger file, or anything but a regular
/// file is refused before a byte is written: the export would destroy it
/// (and a ledger being imported into would go on being written behind a
/// name that no longer holds it). A symbolic link is followed: the file it
/// names is replaced, and the link stays.
fn write_file(
    path: &Path,
    ledger: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let name = path.display().to_string();
    let io = |at: &Path, e: std::io::Error| Error::Io {
        path: at.display().to_string(),
        kind: e.kind(),
        message: e.to_string(),
    };
    let refuse = |reason: &str| Error::UnsafeOutput {
        path: name.clone(),
        reason: reason.to_owned(),
    };
    let target = match std::fs::canonicalize(path) {
        Ok(target) => Some(target),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(path, e)),
    };
    let mut keep = None;
    if let Some(target) = &target {
        let meta = std::fs::metadata(target).map_err(|e| io(target, e))?;
        if !meta.is_file() {
            return Err(Error::NotAFile {
                path: name,
                found: crate::input::file_type(&meta.file_type()).to_owned(),
            });
        }
        if std::fs::canonicalize(ledger).is_ok_and(|l| same_file(&l, target)) {
            return Err(refuse(
                "it is the ledger being exported; give the export another path",
            ));
        }
        if is_ledger_file(target) {
            return Err(refuse(
                "it is a ledger file, which an export never replaces",
            ));
        }
        keep = Some(meta.permissions());
    }
    let target = target.unwrap_or_else(|| path.to_path_buf());
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".appointments-export-");
    #[cfg(unix)]
    {
        // What `std::fs::write` would create (the umask applies), not the
        // owner-only default of a temporary file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir).map_err(|e| io(dir, e))?;
    let temporary = file.path().to_path_buf();
    let mut buffered = BufWriter::new(file.as_file_mut());
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| io(&temporary, e))?;
    drop(buffered);
    match keep {
        Some(permissions) => file.as_file().set_permissions(permissions),
        None => Ok(()),
    }
    .and_then(|()| file.as_file().sync_all())
    .map_err(|e| io(file.path(), e))?;
    // On failure the temporary file is removed when `file` is dropped.
    file.persist(&target).map_err(|e| io(&target, e.error))?;
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io(dir, e))
}

/// Whether two existing paths name one file (a hard link is the same
/// file under another name).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return (a.dev(), a.ino()) == (b.dev(), b.ino());
        }
    }
    a == b
}

/// Whether the file begins as a ledger file does.
fn is_ledger_file(path: &Path) -> bool {
    let mut head = [0u8; FileStore::MAGIC.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == FileStore::MAGIC)
}

/// Exits with clap's usage message and status 2.
fn usage(message: &str) -> ! {
    Cli::command()
        .error(ErrorKind::MissingRequiredArgument, message)
        .exit()
}
