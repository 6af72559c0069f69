//! Reading notice text: `parse` prints what the text holds, `import`
//! records it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use appointment_ledger::{
    Action, Change, EARLIEST, Error, Index, LATEST, Ledger, NaiveDate, Notice, ParsedNotice,
    Parser, Read, UndatedNotice, notice_key,
};

use super::report::counted;
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

/// What an import did and found, counted for its summary line.
#[derive(Default)]
struct Tally {
    recorded: usize,
    already: usize,
    refused: usize,
    passed_over: usize,
    /// Files that could not be read at all, as given.
    unreadable: Vec<String>,
    /// Files read in which no notice was found, as given.
    empty: Vec<String>,
}

impl Tally {
    /// The summary line: what was recorded, found already present,
    /// refused and passed over, and the files that gave nothing.
    fn summary(&self, ledger: &Path, entries: Option<usize>) -> String {
        let mut line = format!(
            "{} recorded, {} already present, {} refused, {} passed over",
            self.recorded, self.already, self.refused, self.passed_over
        );
        if !self.unreadable.is_empty() {
            line.push_str(&format!(
                "; {} unreadable: {}",
                counted(self.unreadable.len(), "file", "files"),
                self.unreadable.join(", ")
            ));
        }
        if !self.empty.is_empty() {
            line.push_str(&format!("; no notice in {}", self.empty.join(", ")));
        }
        match entries {
            Some(n) => line.push_str(&format!(
                "; {} has {}",
                ledger.display(),
                counted(n, "entry", "entries")
            )),
            None => line.push_str(&format!("; {} not created", ledger.display())),
        }
        line
    }
}

/// Reads one file for an import: the notices and corrections it can
/// record, each with its line. Every problem is said on stderr with its
/// file, line and clause, and counted in `tally`: a notice with a clause
/// not understood is refused whole (unless `allow_partial`, which records
/// the rest), one with nothing readable is refused, a decision the text
/// gives no date is passed over (`--date` gives one). A file that cannot
/// be read is refused, not the import.
fn read_for_import(
    file: &Path,
    allow_partial: bool,
    date: Option<NaiveDate>,
    tally: &mut Tally,
) -> Vec<(u32, Change)> {
    let name = file.display().to_string();
    let read = match input::read_text(file).and_then(|input::Text { text, decoded_from }| {
        if let Some(encoding) = decoded_from {
            say!("note: {name}: read as {encoding} (the text is not UTF-8)");
        }
        let mut parser = Parser::new().file(&name);
        if let Some(date) = date {
            parser = parser.date(date);
        }
        parser.read(&text)
    }) {
        Ok(read) => read,
        Err(e) => {
            say!("error: {e}");
            tally.unreadable.push(name);
            return Vec::new();
        }
    };
    let nothing = read.found_nothing();
    let mut changes = Vec::new();
    // A notice with clauses not understood: recorded without them with
    // --allow-partial, refused whole otherwise.
    let kept = |skipped: &[Error], line: u32, number: &str, tally: &mut Tally| -> bool {
        if skipped.is_empty() || allow_partial {
            for problem in skipped {
                say!("warning: {problem}");
            }
            return true;
        }
        for problem in skipped {
            say!("error: {problem}");
        }
        say!(
            "error: {name}: line {line}: notice {number} refused: {} not understood (--allow-partial records the rest)",
            counted(skipped.len(), "clause", "clauses")
        );
        tally.refused += 1;
        false
    };
    for parsed in read.notices {
        if kept(&parsed.skipped, parsed.line, &parsed.notice.number, tally) {
            changes.push((parsed.line, Change::Notice(parsed.notice)));
        }
    }
    for parsed in read.corrections {
        let number = parsed.correction.number.clone();
        if kept(&parsed.skipped, parsed.line, &number, tally) {
            changes.push((parsed.line, Change::Correction(parsed.correction)));
        }
    }
    let mut left_out = 0;
    for problem in &read.unread {
        if problem.left_out_a_notice() {
            say!("error: {problem}; refused");
            left_out += 1;
        } else {
            say!("warning: {problem}");
        }
    }
    for passed in &read.passed_over {
        say!("note: {name}: {passed}");
    }
    for undated in &read.undated {
        let number = undated.number.as_deref().unwrap_or(&undated.title);
        if kept(&undated.skipped, undated.line, number, tally) {
            say!(
                "warning: {name}: line {}: the text gives the decision no date ({} events); passed over: give one with --date",
                undated.line,
                undated.events.len()
            );
            tally.passed_over += 1;
        }
    }
    tally.refused += left_out;
    if nothing {
        say!("warning: no appointment or removal found in {name}");
        if left_out == 0 {
            tally.empty.push(name.clone());
        }
    }
    // A date the ledger cannot hold refuses its notice.
    changes.retain(|(line, change)| match out_of_range(change) {
        None => true,
        Some(date) => {
            let e = Error::DateOutOfRange {
                date,
                context: format!(
                    "{name}: line {line}: notice {}",
                    change.number().unwrap_or_default()
                ),
            };
            say!("error: {e}; refused");
            tally.refused += 1;
            false
        }
    });
    changes
}

/// Records every notice the files hold that can be recorded, each whole
/// or not at all, and reports every one that cannot (a file that cannot
/// be read, a clause not understood, a date the ledger cannot hold, a
/// notice strict mode refuses) with its file and line, then sums up on
/// stderr; the exit status is 2 when anything was refused. A storage
/// failure stops the import at the notice it failed on (named by file and
/// line), and still sums up and indexes what was recorded before it; the
/// exit status is then 1.
pub(super) fn import(
    files: &[PathBuf],
    path: &Path,
    allow_partial: bool,
    strict: bool,
    date: Option<NaiveDate>,
) -> Result<ExitCode, Error> {
    // Parse everything first, so that a correction can wait for a notice
    // a later file holds.
    let mut tally = Tally::default();
    let mut written: Vec<Queued> = Vec::new();
    for file in files {
        let mut read = read_for_import(file, allow_partial, date, &mut tally);
        // In the order written: the reader gives notices, then
        // corrections.
        read.sort_by_key(|(line, _)| *line);
        let name = file.display().to_string();
        written.extend(read.into_iter().map(|(line, change)| Queued {
            file: name.clone(),
            line,
            change,
        }));
    }
    // Nothing to record creates no ledger file.
    if written.is_empty() && !path.exists() {
        let summary = tally.summary(path, None);
        say!("{summary}");
        return Ok(status(&tally));
    }
    let mut ledger = writer(Ledger::builder().strict(strict).open(path)?)?;
    // Numbers by their key, as the ledger finds a correction's target.
    let mut known: std::collections::HashSet<String> = ledger
        .log()
        .iter()
        .filter_map(|e| e.change.number().map(notice_key))
        .collect();
    let names_unknown = |change: &Change, known: &std::collections::HashSet<String>| match change {
        Change::Correction(c) => c
            .amendments
            .iter()
            .any(|a| !known.contains(&notice_key(&a.target.notice))),
        _ => false,
    };
    // In the order written (the files in the order given), but a correction waits for the notices it names when
    // they come later.
    let mut waiting: Vec<Queued> = Vec::new();
    let mut changes: Vec<Queued> = Vec::new();
    for queued in written {
        if names_unknown(&queued.change, &known) {
            waiting.push(queued);
            continue;
        }
        if let Some(number) = queued.change.number() {
            known.insert(notice_key(number));
        }
        changes.push(queued);
        // A notice just queued may be what a waiting correction names.
        let (ready, still): (Vec<Queued>, Vec<Queued>) = waiting
            .drain(..)
            .partition(|c| !names_unknown(&c.change, &known));
        waiting = still;
        for c in ready {
            if let Some(number) = c.change.number() {
                known.insert(notice_key(number));
            }
            changes.push(c);
        }
    }
    changes.extend(waiting);
    // Where each number already in the file was recorded, looked up once
    // and kept up to date as this run records: a notice given twice is
    // already recorded the second time, as it would be in a second run.
    let mut recorded_at: std::collections::HashMap<String, usize> = ledger
        .log()
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.change.number().map(|n| (n.to_owned(), i)))
        .collect();
    let mut report = Report::default();
    let mut stopped: Option<Error> = None;
    let bar = progress(changes.len());
    for Queued { file, line, change } in changes {
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
            tally.already += 1;
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
                tally.recorded += 1;
                if let Some(at) = usize::try_from(done.seq)
                    .ok()
                    .and_then(|s| s.checked_sub(1))
                {
                    recorded_at.insert(number.clone(), at);
                }
                // Through the bar, which would otherwise draw over the
                // lines (or they through it) when both go to a terminal.
                bar.suspend(|| {
                    report.line(format_args!(
                        "recorded {number} as entry {} ({what})",
                        done.seq
                    ));
                    for finding in &done.findings {
                        report.line(format_args!("  {finding}"));
                    }
                });
            }
            // Strict mode refuses one notice, or one names what is not
            // recorded: it is reported with the file and line it was
            // read from, and the others are still tried.
            Err(e) if e.is_bad_input() => {
                bar.suspend(|| say!("error: {file}: line {line}: {e}"));
                tally.refused += 1;
            }
            // The storage failed (a full disk, a lost lock): nothing more
            // is tried, but what was recorded before it is summed up and
            // indexed as after any import.
            Err(e) => {
                bar.suspend(|| {
                    say!("error: {file}: line {line}: notice {number} was not recorded: {e}; the import stopped here")
                });
                stopped = Some(e);
                break;
            }
        }
    }
    bar.finish_and_clear();
    // Kept current for the next question; rewritten only when this run
    // changed the log or the index is not exactly of this log (the
    // checksum of every byte of it included, which this writer has read).
    // Not after a write the writer could not undo: the file may then hold
    // more than the ledger in memory, and the index would be of neither.
    match &stopped {
        Some(e) if e.is_poisoned() => say!("note: the index was not written: {e}"),
        _ => {
            let current = Index::open(path).and_then(|index| index.covers(&ledger));
            if tally.recorded > 0 || !matches!(current, Ok(true)) {
                write_index(&ledger, path);
            }
        }
    }
    let summary = tally.summary(path, Some(ledger.len()));
    let status = match stopped {
        Some(_) => ExitCode::FAILURE,
        None => status(&tally),
    };
    Ok(report.finish_with_summary(&summary, status))
}

/// A notice or correction read for an import, with the file (as given)
/// and line it was read from, so that whatever recording it says names
/// them.
struct Queued {
    file: String,
    line: u32,
    change: Change,
}

/// 2 when anything was refused (a notice, or a file that could not be
/// read), 0 otherwise.
fn status(tally: &Tally) -> ExitCode {
    if tally.refused == 0 && tally.unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
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
