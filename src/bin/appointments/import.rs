//! Reading notice text: `parse` prints what the text holds, `import`
//! records it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use appointment_ledger::{
    Action, Change, EARLIEST, Error, Index, LATEST, Ledger, NaiveDate, Notice, ParsedNotice,
    Parser, Read, UndatedNotice,
};

use super::{Report, input, to_json, write_index, writer};

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

pub(super) fn parse(
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
pub(super) fn import(
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
