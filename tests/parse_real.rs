//! The parser measured on real texts: copies of real notices, news
//! reprints, web pages and decisions collected verbatim with their source
//! (`tests/data/real/`, see its README). Each `NAME.txt` starts with a
//! `# source: <address>` line; `NAME.expected` holds the events a careful
//! reader takes from it, by the conventions of DOMAIN.md (`kind person post
//! flags effective-date`, tab-separated; `-` for no flags, `?` for a date
//! the text does not give; `#` lines are the reader's notes).
//!
//! The corpus is split by a fixed rule into a working half, whose failures
//! rules may be written from, and a blind half, which is only scored: a
//! file is blind when the FNV-1a hash of its source address is odd. This
//! test prints each half's precision, recall and F1 over events (kind,
//! person, post, flags) and the share of the events found whose date is
//! right, lists the working half's differences, and fails when a figure
//! falls below the one last reached ([`RATCHET`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use appointment_ledger::Parser;

/// The figures last reached, per half: (event F1, share of the expected
/// events found and dated right). (The second is not the share of the
/// matched events dated right, printed too: that share falls whenever an
/// event is newly found with a wrong date, even when no date was lost.) Raise them when the parser does better; never lower them
/// to make a change pass. Texts added to the corpus re-set them to the
/// unchanged parser's figures on the larger corpus, in a commit of their own
/// that says so.
const RATCHET: [(&str, f64, f64); 2] = [("working", 0.767, 0.559), ("blind", 0.606, 0.405)];

/// One event as scored: kind, person, post, flags (sorted, comma-joined)
/// and date (`?` when none).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Scored {
    kind: String,
    person: String,
    post: String,
    flags: String,
    date: String,
}

impl Scored {
    fn line(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}",
            self.kind, self.person, self.post, self.flags, self.date
        )
    }
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real")
}

/// The texts, by name, with their source address and text (the source
/// line taken off).
fn texts() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/data/real")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let all = std::fs::read_to_string(&path).expect("a text file");
        let (first, text) = all.split_once('\n').unwrap_or((&all, ""));
        let source = first
            .strip_prefix("# source: ")
            .unwrap_or_else(|| panic!("{name}.txt: first line is no `# source: <address>`"))
            .trim()
            .to_owned();
        out.push((name, source, text.to_owned()));
    }
    out
}

/// FNV-1a, 64 bits: the fixed rule that splits the corpus.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn is_blind(source: &str) -> bool {
    fnv1a(source) % 2 == 1
}

/// The written form both sides are compared in: white space removed,
/// half-width parentheses as full-width.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

fn flags(text: &str) -> String {
    let mut names: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty() && *f != "-")
        .collect();
    names.sort_unstable();
    names.join(",")
}

fn expected(name: &str) -> Vec<Scored> {
    let path = corpus().join(format!("{name}.expected"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{name}.expected is missing"));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "{name}.expected: `{l}` has not five fields");
            Scored {
                kind: f[0].trim().to_owned(),
                person: plain(f[1]),
                post: plain(f[2]),
                flags: flags(f[3]),
                date: f[4].trim().to_owned(),
            }
        })
        .collect()
}

/// What the parser finds, dated and undated alike.
fn found(name: &str, text: &str) -> Vec<Scored> {
    let read = Parser::new()
        .file(&format!("{name}.txt"))
        .read(text)
        .unwrap_or_else(|e| panic!("{name}: lenient read failed: {e}"));
    let mut out = Vec::new();
    for parsed in &read.notices {
        let date = parsed.notice.effective.to_string();
        for e in &parsed.notice.events {
            out.push(Scored {
                kind: e.kind.to_string(),
                person: plain(e.person.name()),
                post: plain(&e.post.to_string()),
                flags: flags(&e.flags.to_string()),
                date: date.clone(),
            });
        }
    }
    for undated in &read.undated {
        for e in &undated.events {
            out.push(Scored {
                kind: e.kind.to_string(),
                person: plain(e.person.name()),
                post: plain(&e.post.to_string()),
                flags: flags(&e.flags.to_string()),
                date: "?".to_owned(),
            });
        }
    }
    out
}

/// Whether a found event is the expected one: kind, person and flags
/// alike, and the post as written or written out from the issuer (the
/// parser's `南溪县教育局局长` for the text's `县教育局局长`).
fn same(found: &Scored, expected: &Scored) -> bool {
    found.kind == expected.kind
        && found.person == expected.person
        && found.flags == expected.flags
        && (found.post == expected.post
            || (found.post.ends_with(&expected.post) && expected.post.chars().count() >= 4))
}

#[derive(Default, Debug, Clone, Copy)]
struct Tally {
    expected: usize,
    found: usize,
    matched: usize,
    dated_right: usize,
    texts: usize,
    exact: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn dated_of_expected(&self) -> f64 {
        ratio(self.dated_right, self.expected)
    }
    fn dates(&self) -> f64 {
        ratio(self.dated_right, self.matched)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[test]
fn real_texts_are_read_as_a_careful_reader_reads_them() {
    let texts = texts();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut report = String::new();
    for (name, source, text) in &texts {
        let half = if is_blind(source) { "blind" } else { "working" };
        let want = expected(name);
        let got = found(name, text);
        let mut unmatched: Vec<Scored> = want.clone();
        let mut extra = Vec::new();
        let mut wrong_date = Vec::new();
        let tally = tallies.entry(half).or_default();
        tally.texts += 1;
        tally.expected += want.len();
        tally.found += got.len();
        for g in &got {
            match unmatched.iter().position(|w| same(g, w)) {
                Some(at) => {
                    let w = unmatched.remove(at);
                    tally.matched += 1;
                    if w.date == g.date {
                        tally.dated_right += 1;
                    } else {
                        wrong_date.push((w.date, g.clone()));
                    }
                }
                None => extra.push(g.clone()),
            }
        }
        if unmatched.is_empty() && extra.is_empty() && wrong_date.is_empty() {
            tally.exact += 1;
        } else if half == "working" {
            report.push_str(&format!("--- {name}\n"));
            for w in &unmatched {
                report.push_str(&format!("  missed  {}\n", w.line()));
            }
            for g in &extra {
                report.push_str(&format!("  extra   {}\n", g.line()));
            }
            for (d, g) in &wrong_date {
                report.push_str(&format!("  date    {} (want {d})\n", g.line()));
            }
        }
    }
    println!("{report}");
    let mut falls = Vec::new();
    for (half, f1_was, dates_was) in RATCHET {
        let t = tallies.get(half).copied().unwrap_or_default();
        println!(
            "{half}: {} texts ({} exact), {} events expected, {} found, {} matched: \
             precision {:.3}, recall {:.3}, F1 {:.3}; date right on {:.3} of the matched, \
             {:.3} of the expected",
            t.texts,
            t.exact,
            t.expected,
            t.found,
            t.matched,
            t.precision(),
            t.recall(),
            t.f1(),
            t.dates(),
            t.dated_of_expected()
        );
        if t.f1() + 1e-9 < f1_was {
            falls.push(format!("{half} F1 {:.4} fell below {f1_was}", t.f1()));
        }
        if t.dated_of_expected() + 1e-9 < dates_was {
            falls.push(format!(
                "{half} events dated right {:.4} fell below {dates_was}",
                t.dated_of_expected()
            ));
        }
    }
    assert!(falls.is_empty(), "the ratchet: {falls:?}");
    assert!(
        texts.len() >= 120,
        "the real corpus holds {} texts, fewer than 120",
        texts.len()
    );
}

#[test]
fn every_text_has_its_source_and_expected_events() {
    for (name, source, _) in texts() {
        assert!(
            source.starts_with("http") || source.starts_with("github:"),
            "{name}: source `{source}` is no address"
        );
        expected(&name);
    }
}
