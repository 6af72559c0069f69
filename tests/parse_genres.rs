//! Notices in the styles of the genres the parser must read beyond the
//! seed gazette: State Council lists as Xinhua and gov.cn publish them,
//! people's congress lists and decisions, a president's order, listed
//! companies' announcements, county, township, Party, university, hospital
//! and state-owned enterprise notices, courts, banks, departments,
//! elections (`tests/data/genres/`, see its README). Each `NAME.txt` has a `NAME.expected`: the events a careful
//! reader takes from it, one a line, `kind person organisation title
//! effective-date` separated by tabs (`?` for a date the text does not
//! give), in the order written; `#` lines are the reader's notes.
//!
//! Every file must read exactly so, except the ones in [`KNOWN_GAPS`],
//! each with what the parser does instead. A gap must still read
//! differently: a fix that closes one fails this test until the file is
//! taken off the list.

use std::path::{Path, PathBuf};

use appointment_ledger::Parser;

/// Files the parser does not read as the careful reader does, and why.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "01_sc_xinhua_dateline",
        "a Xinhua dateline (新华社北京3月15日电) gives no year, and nothing else dates the list: \
         the notice has no signing date and is left out",
    ),
    (
        "03_sc_ethnic_names",
        "the same Xinhua dateline without a year: left out",
    ),
    (
        "14_listed_board_secretary",
        "a letter received 近日 leaves the date unknown (the reader writes ?); the parser dates \
         the resignation by the announcement, and reports 由董事长…代行董事会秘书职责 rather than \
         reading an acting holder",
    ),
    (
        "16_listed_halfwidth",
        "one announcement with two effective days (a resignation on receipt, a hire at the \
         board meeting): a notice takes effect on one day, so the resignation is reported",
    ),
    (
        "19_county_gai_ref",
        "免去吴伟县市场监督管理局副局长职务 has neither 的 nor 同志 after the name, and a level \
         alone anchors no name length: reported, not guessed",
    ),
    (
        "26_univ_party",
        "马克思主义学院党总支书记 splits as (…学院, 党总支书记), the reader's (…学院党总支, 书记)",
    ),
    (
        "38_dev_zone",
        "经开区招商局 stays as written: the abbreviation of the issuer's name \
         (南昌经济技术开发区) is not expanded",
    ),
    (
        "42_bank_branch",
        "a provincial branch's notice names sibling branches short (无锡新吴支行): they stay as \
         written, not under the bank's name",
    ),
    (
        "43_insurance_branch",
        "省分公司车辆保险部 stays as written: the insurer's provincial branch is not read from the \
         issuer's name",
    ),
    (
        "46_village_election",
        "an election result laid out as `主任：朱卫东` / `委员：…` is not read: no events",
    ),
    (
        "47_community_election",
        "the same layout of a residents' committee election: no events",
    ),
    (
        "65_probation_end",
        "终止X试用期 with no 的 after the name, in a clause of names with their posts in \
         parentheses, is reported, not read",
    ),
];

/// (kind, person, organisation, title, effective date) of one event.
type Row = (String, String, String, String, String);

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/genres")
}

fn expected(name: &str) -> Vec<Row> {
    let text = std::fs::read_to_string(corpus().join(format!("{name}.expected"))).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "{name}.expected: {l}");
            (
                f[0].into(),
                f[1].into(),
                f[2].into(),
                f[3].into(),
                f[4].into(),
            )
        })
        .collect()
}

fn read(name: &str, strict: bool) -> Result<Vec<Row>, appointment_ledger::Error> {
    let text = std::fs::read_to_string(corpus().join(format!("{name}.txt"))).unwrap();
    let notices = Parser::new()
        .file(&format!("{name}.txt"))
        .strict(strict)
        .parse(&text)?;
    Ok(notices
        .iter()
        .flat_map(|n| {
            n.notice.events.iter().map(|e| {
                (
                    e.kind.to_string(),
                    e.person.name().to_owned(),
                    e.post.organisation().to_owned(),
                    e.post.title().to_owned(),
                    n.notice.effective.to_string(),
                )
            })
        })
        .collect())
}

fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            (path.extension()? == "txt").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_genre_reads_as_a_careful_reader_reads_it() {
    let names = names();
    assert_eq!(names.len(), 65);
    for (gap, _) in KNOWN_GAPS {
        assert!(names.iter().any(|n| n == gap), "no file {gap}");
    }
    let mut read_right = 0;
    for name in &names {
        let want = expected(name);
        let got = read(name, false).unwrap();
        match KNOWN_GAPS.iter().find(|(gap, _)| gap == name) {
            Some((_, why)) => assert_ne!(
                got, want,
                "{name} now reads as the reader does: take it off KNOWN_GAPS ({why})"
            ),
            None => {
                assert_eq!(got, want, "{name}");
                // Nothing in it is left unread.
                assert_eq!(read(name, true).unwrap(), want, "{name}, strict");
                read_right += 1;
            }
        }
    }
    assert_eq!(read_right, 65 - KNOWN_GAPS.len());
    assert_eq!(read_right, 53);
}

#[test]
fn the_gaps_invent_no_event() {
    // Where a gap's reading differs, it leaves out or words differently;
    // it never makes up a person.
    for (name, _) in KNOWN_GAPS {
        let people: Vec<String> = expected(name).into_iter().map(|r| r.1).collect();
        for row in read(name, false).unwrap() {
            assert!(people.contains(&row.1), "{name}: {row:?}");
        }
    }
}
