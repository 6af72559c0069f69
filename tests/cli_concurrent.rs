//! The command's writer, readers and exporter at once on one ledger file
//! (issue 15, the fault-injection suite): `appointments import` records 300
//! notices, one fsync each, while after every tenth notice it acknowledges
//! a round of `who`, `history`, `export` to standard output, `export -o`
//! to a file of its own, and (every fifth round) an `export -o` aimed at
//! the ledger itself are started beside it, each on the same file.
//!
//! What each must show: a reader sees a prefix of the notices in the order
//! they are recorded, whole, and at least every notice acknowledged before
//! it started; an export likewise, and an export aimed at the ledger is
//! refused and leaves it alone; once the writer is done, every notice it
//! acknowledged is in the file. The rounds are started by the writer's own
//! acknowledgements, so their number is exact; how far each gets before
//! the writer moves on is up to the scheduler, and only printed.

mod cli_support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use appointment_ledger::{Ledger, NaiveDate};
use cli_support::{stderr, stdout};

const NOTICES: u32 = 300;
/// A round of readers after every this many acknowledged notices.
const EVERY: usize = 10;
/// Every this many rounds, an export is also aimed at the ledger.
const AIMED_AT_THE_LEDGER: usize = 5;
/// The post every notice appoints to: one of several seats, so that each
/// notice adds a tenure and none ends one.
const POST: &str = "某县人民政府副县长";

/// The person notice `n` appoints (a distinct name for each `n` < 361).
fn person(n: u32) -> String {
    let chars: Vec<char> = "明华国建军平志伟强文东海兴安春秋德林峰".chars().collect();
    format!("张{}{}", chars[n as usize % 19], chars[n as usize / 19])
}

fn number(n: u32) -> String {
    format!("某政任〔2022〕{n}号")
}

/// Notice `n` is signed on day `n` of 2022, so that a post's tenures, in
/// date order, are in the order recorded.
fn signed(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 1).unwrap() + chrono::Days::new(u64::from(n) - 1)
}

fn notices() -> String {
    (1..=NOTICES)
        .map(|n| {
            let day = signed(n);
            format!(
                "某县人民政府关于任命{p}同志职务的通知\n{number}\n\n任命{p}为{POST}。\n\n某县人民政府\n{}\n\n",
                day.format("%Y年%-m月%-d日"),
                p = person(n),
                number = number(n),
            )
        })
        .collect()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The notice numbers a table or CSV export cites, in the order of its
/// rows (each row cites the notice that appointed its holder).
fn cited(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let at = line.find("某政任〔2022〕")?;
            let end = at + line[at..].find('号')? + '号'.len_utf8();
            Some(line[at..end].to_owned())
        })
        .collect()
}

/// The notice numbers a Popolo export's memberships cite, in order.
fn cited_by_popolo(text: &str) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["appointed_by"]["notice"].as_str().unwrap().to_owned())
        .collect()
}

/// What one run beside the writer was, and what it saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Who,
    History,
    ExportToStdout,
    ExportToFile,
    ExportOverTheLedger,
}

/// What a run saw: how many notices, and whether it said it skipped a
/// record being written.
struct Seen {
    run: Run,
    acknowledged_before: usize,
    notices: usize,
    skipped_a_torn_record: bool,
    index_behind: bool,
}

fn command(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_appointments"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the command runs")
}

/// Runs `run` on `ledger` and checks what it says against the notices in
/// the order recorded, `acknowledged_before` of them acknowledged when it
/// was started.
fn reader(run: Run, ledger: &Path, out_file: &Path, acknowledged_before: usize) -> Seen {
    let expected: Vec<String> = (1..=NOTICES).map(number).collect();
    let l = s(ledger);
    let out = match run {
        Run::Who => command(&["who", POST, "--on", "2022-12-31", "--ledger", l]),
        Run::History => command(&["history", POST, "--ledger", l]),
        Run::ExportToStdout => command(&["export", "--format", "popolo", "--ledger", l]),
        Run::ExportToFile => command(&[
            "export",
            "--format",
            "csv",
            "--ledger",
            l,
            "-o",
            s(out_file),
        ]),
        Run::ExportOverTheLedger => command(&["export", "--format", "csv", "--ledger", l, "-o", l]),
    };
    if run == Run::ExportOverTheLedger {
        assert_eq!(
            stderr(&out),
            format!(
                "error: {l}: will not write there: it is the ledger being exported; give the export another path\n"
            )
        );
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stdout(&out), "");
        return Seen {
            run,
            acknowledged_before,
            notices: 0,
            skipped_a_torn_record: false,
            index_behind: false,
        };
    }
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{run:?}: {err}");
    let seen = match run {
        Run::ExportToStdout => cited_by_popolo(&stdout(&out)),
        Run::ExportToFile => cited(&std::fs::read_to_string(out_file).unwrap()),
        _ => cited(&stdout(&out)),
    };
    // Whole notices only, in the order recorded, none acknowledged missing.
    assert!(
        seen.len() >= acknowledged_before && seen.len() <= expected.len(),
        "{run:?} saw {} notices, {acknowledged_before} acknowledged before it started",
        seen.len()
    );
    assert_eq!(seen, expected[..seen.len()], "{run:?}");
    // All a reader may say on standard error is that it passed over the
    // record being appended, or that the index beside the ledger (which
    // the readers write) is behind the writer and it replayed the log
    // (read past the index, what was recorded since touched the question;
    // or, with no index yet, the whole log).
    let behind = |line: &str| {
        (line.contains("recorded past the index")
            && line.ends_with("answered from a replay, and the index written again"))
            || (line.contains("the index cannot be used")
                && line.ends_with("answering from a replay of the ledger"))
    };
    for line in err.lines() {
        assert!(
            line.contains("skipped a torn record") || behind(line),
            "{run:?}: {err}"
        );
    }
    Seen {
        run,
        acknowledged_before,
        notices: seen.len(),
        skipped_a_torn_record: err.contains("skipped a torn record"),
        index_behind: err.lines().any(behind),
    }
}

#[test]
fn readers_and_exporters_beside_an_import_see_whole_acknowledged_notices_and_it_loses_none() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notices.txt");
    std::fs::write(&text, notices()).unwrap();
    let ledger: PathBuf = dir.path().join("shared.ledger");

    let mut writer = Command::new(env!("CARGO_BIN_EXE_appointments"))
        .args(["import", s(&text), "--ledger", s(&ledger)])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let acks = BufReader::new(writer.stdout.take().unwrap());
    let mut acknowledged: Vec<String> = Vec::new();
    let mut runs = Vec::new();
    let mut round = 0;
    for line in acks.lines() {
        let line = line.unwrap();
        let Some(rest) = line.strip_prefix("recorded ") else {
            continue;
        };
        let n = rest.split(' ').next().unwrap().to_owned();
        acknowledged.push(n);
        if !acknowledged.len().is_multiple_of(EVERY) {
            continue;
        }
        round += 1;
        let mut kinds = vec![
            Run::Who,
            Run::History,
            Run::ExportToStdout,
            Run::ExportToFile,
        ];
        if round % AIMED_AT_THE_LEDGER == 0 {
            kinds.push(Run::ExportOverTheLedger);
        }
        for run in kinds {
            let ledger = ledger.clone();
            let out_file = dir.path().join(format!("round-{round}-{run:?}.csv"));
            let before = acknowledged.len();
            runs.push(std::thread::spawn(move || {
                reader(run, &ledger, &out_file, before)
            }));
        }
    }
    let out = writer.wait_with_output().unwrap();
    let seen: Vec<Seen> = runs.into_iter().map(|r| r.join().unwrap()).collect();

    // The writer: every notice acknowledged, in order, and nothing else said.
    let expected: Vec<String> = (1..=NOTICES).map(number).collect();
    assert_eq!(
        stderr(&out),
        format!(
            "{NOTICES} recorded, 0 already present, 0 refused, 0 passed over; {} has {NOTICES} entries\n",
            ledger.display()
        )
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(acknowledged, expected);

    // Every acknowledged notice is in the file, whole, and nothing else.
    let reopened = Ledger::builder().open_read_only(&ledger).unwrap();
    assert_eq!(reopened.recovery(), None);
    let recorded: Vec<String> = reopened
        .log()
        .iter()
        .map(|e| e.change.number().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(recorded, expected);
    let last = reader(Run::Who, &ledger, Path::new(""), expected.len());
    assert_eq!(last.notices, expected.len());

    let rounds = NOTICES as usize / EVERY;
    let aimed = rounds / AIMED_AT_THE_LEDGER;
    assert_eq!(round, rounds);
    assert_eq!(seen.len(), rounds * 4 + aimed);
    for kind in [
        Run::Who,
        Run::History,
        Run::ExportToStdout,
        Run::ExportToFile,
    ] {
        assert_eq!(seen.iter().filter(|s| s.run == kind).count(), rounds);
    }
    let refused = seen
        .iter()
        .filter(|s| s.run == Run::ExportOverTheLedger)
        .count();
    assert_eq!(refused, aimed);
    let mid_import = seen
        .iter()
        .filter(|s| s.run != Run::ExportOverTheLedger && s.notices < expected.len())
        .count();
    let ahead = seen
        .iter()
        .filter(|s| s.notices > s.acknowledged_before)
        .count();
    let torn = seen.iter().filter(|s| s.skipped_a_torn_record).count();
    let behind = seen.iter().filter(|s| s.index_behind).count();
    eprintln!(
        "1 writer, {NOTICES} notices acknowledged, 0 lost; {} readers and exporters beside it ({rounds} who, {rounds} history, {rounds} exports to standard output, {rounds} to a file), 0 saw a torn or missing notice ({mid_import} saw the ledger mid-import, {ahead} saw notices not yet acknowledged, {torn} said they skipped a record being written, {behind} that the index was behind and they replayed the log); {refused} exports aimed at the ledger refused, the ledger unharmed",
        rounds * 4
    );
}
