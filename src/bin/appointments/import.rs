//! Reading notice text: `parse` prints what the text holds, `import`
//! records it.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use appointment_ledger::{
    Action, Change, EARLIEST, Error, Index, LATEST, Ledger, NaiveDate, Notice, ParsedNotice,
    Parser, Person, Read, UndatedNotice, notice_key,
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
            "warning: {name}: line {}: the text gives the decision no date ({}); give one with --date",
            undated.line,
            counted(undated.events.len(), "event", "events")
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
                "warning: {name}: line {}: the text gives the decision no date ({}); passed over: give one with --date",
                undated.line,
                counted(undated.events.len(), "event", "events")
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
///
/// `person_ids` (`--person-id NAME=ID`, one a name) give the persons the
/// files name their ids: see [`PersonIds`].
pub(super) fn import(
    files: &[PathBuf],
    path: &Path,
    allow_partial: bool,
    strict: bool,
    date: Option<NaiveDate>,
    person_ids: Vec<Person>,
) -> Result<ExitCode, Error> {
    // Parse everything first, so that a correction can wait for a notice
    // a later file holds.
    let mut tally = Tally::default();
    let mut written: Vec<Queued> = Vec::new();
    let mut ids = PersonIds::new(person_ids);
    for file in files {
        let mut read = read_for_import(file, allow_partial, date, &mut tally);
        // In the order written: the reader gives notices, then
        // corrections.
        read.sort_by_key(|(line, _)| *line);
        let name = file.display().to_string();
        written.extend(read.into_iter().map(|(line, mut change)| {
            ids.apply(&mut change);
            Queued {
                file: name.clone(),
                line,
                change,
            }
        }));
    }
    for unused in ids.unused() {
        say!(
            "warning: --person-id {}={}: no notice of this import names {}",
            unused.name(),
            unused.id().unwrap_or_default(),
            unused.name()
        );
    }
    // Nothing to record creates no ledger file.
    if written.is_empty() && !path.exists() {
        let summary = tally.summary(path, None);
        say!("{summary}");
        return Ok(status(&tally));
    }
    let mut ledger = writer(Ledger::builder().strict(strict).open(path)?)?;
    // Numbers by their key, as the ledger finds a correction's target.
    let known: HashSet<String> = ledger
        .log()
        .iter()
        .filter_map(|e| e.change.number().map(notice_key))
        .collect();
    let changes = in_recording_order(written, known);
    // Where each number already in the file was recorded, looked up once
    // and kept up to date as this run records: a notice given twice is
    // already recorded the second time, as it would be in a second run.
    let mut recorded_at: HashMap<String, usize> = ledger
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
                let events = counted(notice.events.len(), "event", "events");
                (events, ledger.record(notice))
            }
            Change::Correction(correction) => {
                let amendments = counted(correction.amendments.len(), "amendment", "amendments");
                (
                    format!("a correction, {amendments}"),
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

/// The order an import records in: the order written (the files in the
/// order given), but a correction that names a notice neither `known` (in
/// the ledger, by [`notice_key`]) nor given before it waits until that
/// notice has come; those whose notices never come go last, in the order
/// written, to be refused. The waiting are indexed by the numbers they
/// wait for, so that each notice queued looks up only its own waiters,
/// never every correction waiting.
fn in_recording_order(written: Vec<Queued>, mut known: HashSet<String>) -> Vec<Queued> {
    let mut changes: Vec<Queued> = Vec::with_capacity(written.len());
    // The corrections waiting, in the order written (taken when ready),
    // how many numbers each still waits for, and who waits for a number.
    let mut waiting: Vec<Option<Queued>> = Vec::new();
    let mut missing: Vec<usize> = Vec::new();
    let mut waiters: HashMap<String, Vec<usize>> = HashMap::new();
    for queued in written {
        let unknown: BTreeSet<String> = match &queued.change {
            Change::Correction(c) => c
                .amendments
                .iter()
                .map(|a| notice_key(&a.target.notice))
                .filter(|key| !known.contains(key))
                .collect(),
            _ => BTreeSet::new(),
        };
        if !unknown.is_empty() {
            let slot = waiting.len();
            missing.push(unknown.len());
            for key in unknown {
                waiters.entry(key).or_default().push(slot);
            }
            waiting.push(Some(queued));
            continue;
        }
        // Queued, and then every waiting correction it (or one it made
        // ready) was the last number of: those that became ready together
        // in the order written.
        let mut ready = VecDeque::from([queued]);
        while let Some(queued) = ready.pop_front() {
            if let Some(key) = queued.change.number().map(notice_key)
                && known.insert(key.clone())
            {
                let mut now: Vec<usize> = waiters
                    .remove(&key)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|&slot| {
                        missing[slot] -= 1;
                        missing[slot] == 0
                    })
                    .collect();
                now.sort_unstable();
                ready.extend(now.into_iter().filter_map(|slot| waiting[slot].take()));
            }
            changes.push(queued);
        }
    }
    changes.extend(waiting.into_iter().flatten());
    changes
}

/// The ids `--person-id NAME=ID` gives the persons an import's files
/// name, so that two people who share a name can be told apart by the
/// file that names them.
///
/// Applied where what the parser read becomes what is queued to be
/// recorded, to every person a notice or correction of the import names
/// without an id (the parser gives none): the person of each appointment
/// and removal, and the person a correction's clause names or puts right.
/// A correction in these files is read in the same sense as the notices:
/// its 李建 is the 李建 of `--person-id 李建=A`.
struct PersonIds {
    /// Each person given, by name, and whether any notice named them.
    by_name: HashMap<String, (Person, bool)>,
    /// The persons in the order given, for the warning about those unused.
    given: Vec<Person>,
}

impl PersonIds {
    /// The ids of `given`, one person a name (see `args::person_ids`).
    fn new(given: Vec<Person>) -> PersonIds {
        let by_name = given
            .iter()
            .map(|p| (p.name().to_owned(), (p.clone(), false)))
            .collect();
        PersonIds { by_name, given }
    }

    /// Gives each person `change` names without an id the id given for
    /// their name, if any.
    fn apply(&mut self, change: &mut Change) {
        if self.by_name.is_empty() {
            return;
        }
        match change {
            Change::Notice(notice) => {
                for event in &mut notice.events {
                    self.person(&mut event.person);
                }
            }
            Change::Correction(correction) => {
                for amendment in &mut correction.amendments {
                    if let Some(person) = &mut amendment.target.person {
                        self.person(person);
                    }
                    if let Action::Correct {
                        person: Some(person),
                        ..
                    } = &mut amendment.action
                    {
                        self.person(person);
                    }
                }
            }
            _ => {}
        }
    }

    fn person(&mut self, person: &mut Person) {
        if person.id().is_some() {
            return;
        }
        if let Some((with_id, used)) = self.by_name.get_mut(person.name()) {
            *person = with_id.clone();
            *used = true;
        }
    }

    /// The persons given whose name no notice or correction of the import
    /// holds, in the order given.
    fn unused(&self) -> impl Iterator<Item = &Person> {
        self.given
            .iter()
            .filter(|p| self.by_name.get(p.name()).is_some_and(|(_, used)| !used))
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use appointment_ledger::{Correction, Person, Post, Target};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()
    }

    fn notice(n: u32) -> Queued {
        Queued {
            file: "n.txt".to_owned(),
            line: n,
            change: Change::Notice(
                Notice::new(&format!("某政任〔2022〕{n}号"), day())
                    .appoint(Person::new("张三"), Post::new("某县财政局", "局长")),
            ),
        }
    }

    /// A correction numbered `n` rescinding each of `names`.
    fn correction(n: u32, names: &[&str]) -> Queued {
        let mut c = Correction::new(&format!("某政任〔2022〕{n}号"), day());
        for name in names {
            c = c.amend(Target::notice(name), Action::Retract);
        }
        Queued {
            file: "c.txt".to_owned(),
            line: n,
            change: Change::Correction(c),
        }
    }

    fn numbers(changes: &[Queued]) -> Vec<u32> {
        changes.iter().map(|q| q.line).collect()
    }

    /// Each correction waits for every notice it names (typed with either
    /// brackets), no longer; those ready together keep the order written;
    /// one whose notice never comes goes last; one naming a notice the
    /// ledger holds does not wait.
    #[test]
    fn a_correction_waits_for_the_notices_it_names_and_no_longer() {
        let written = vec![
            correction(101, &["某政任[2022]2号"]),
            notice(1),
            correction(102, &["某政任〔2022〕2号", "某政任〔2022〕3号"]),
            correction(103, &["某政任〔2022〕9号"]),
            correction(104, &["某政任〔2022〕1号", "某政任〔2022〕2号"]),
            notice(2),
            correction(105, &["某政任〔2022〕1号"]),
            correction(106, &["某政任［2022］50号"]),
            notice(3),
        ];
        let known = HashSet::from([notice_key("某政任[2022]50号")]);
        assert_eq!(
            numbers(&in_recording_order(written, known)),
            [1, 2, 101, 104, 105, 106, 3, 102, 103]
        );
    }

    /// Twenty thousand corrections given before the notices they name:
    /// each is recorded right after its notice (a linear scan of the
    /// waiting per notice queued made this 2·10⁸ comparisons).
    #[test]
    fn many_waiting_corrections_each_follow_their_notice() {
        let n = 20_000;
        let mut written: Vec<Queued> = (1..=n)
            .map(|i| correction(n + i, &[&format!("某政任〔2022〕{i}号")]))
            .collect();
        written.extend((1..=n).map(notice));
        let want: Vec<u32> = (1..=n).flat_map(|i| [i, n + i]).collect();
        assert_eq!(numbers(&in_recording_order(written, HashSet::new())), want);
    }
}
