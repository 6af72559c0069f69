//! The index beside a ledger file answers as the ledger does, is never used
//! when it does not cover its ledger, and a crash while writing it leaves a
//! ledger that opens and answers correctly.

mod common;

use std::path::Path;

use appointment_ledger::{
    Action, Correction, Error, Event, EventKind, Holding, Index, Ledger, NaiveDate, Notice, Person,
    Post, Seats, Target,
};
use common::{day, notice4, notice5};
use proptest::prelude::*;

const PERSONS: [&str; 4] = ["张三", "李四", "王五", "赵六"];

fn posts() -> [Post; 7] {
    [
        Post::new("某区财政局", "局长"),
        Post::new("某区审计局", "局长"),
        Post::new("某区财政局", "副局长"),
        Post::new("某财政局", "局长"),
        // The first post in traditional script: one post with it.
        Post::new("某區財政局", "局長"),
        // A board's chairman on two terms, in two scripts: one post.
        Post::new("某公司第八届董事会", "董事长"),
        Post::new("某公司第九屆董事會", "董事長"),
    ]
}

fn offset(days: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(days)
}

/// Every question the index answers, asked of `ledger` or of `index`, as
/// text (errors included).
fn answers(ask: &dyn Fn(&str, Option<NaiveDate>, bool) -> String) -> Vec<String> {
    let mut names: Vec<String> = posts().iter().map(ToString::to_string).collect();
    names.push("某区財政局局長".to_owned());
    names.push("没有这个局局长".to_owned());
    let mut people: Vec<String> = PERSONS.iter().map(|p| (*p).to_owned()).collect();
    people.extend(["张 三", "张三#甲", "张三#-", "无名氏"].map(str::to_owned));
    let mut out = Vec::new();
    for name in names.iter().chain(&people) {
        let post = names.contains(name);
        out.push(ask(name, None, post));
        for days in [0u64, 1, 50, 100, 150, 200, 250, 299, 300] {
            out.push(ask(name, Some(offset(days)), post));
        }
    }
    out
}

/// Every answer of a ledger or an index (the two have the same four
/// questions, not a shared trait).
macro_rules! answers_of {
    ($asked:expr) => {{
        let asked = $asked;
        answers(&|name, date, post| {
            let shown = match (post, date) {
                (true, Some(d)) => asked.holders(name, d).map(|h| format!("{h:?}")),
                (true, None) => asked.history(name).map(|t| format!("{t:?}")),
                (false, Some(d)) => asked.posts_of(name, d).map(|t| format!("{t:?}")),
                (false, None) => asked.career(name).map(|t| format!("{t:?}")),
            };
            shown.unwrap_or_else(|e| e.to_string())
        })
    }};
}

fn ledger_answers(ledger: &Ledger) -> Vec<String> {
    answers_of!(ledger)
}

fn index_answers(index: &Index) -> Vec<String> {
    answers_of!(index)
}

/// One generated entry.
#[derive(Clone, Debug)]
enum Step {
    Notice(u16, Vec<(bool, usize, usize, bool)>),
    Correction(usize, Option<u32>, u8, u16, usize),
    Alias,
    Seats(usize, u32),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0u16..300, prop::collection::vec((any::<bool>(), 0..6usize, 0..7usize, any::<bool>()), 1..4))
            .prop_map(|(d, e)| Step::Notice(d, e)),
        1 => (0usize..20, prop::option::of(1u32..4), 0u8..4, 0u16..300, 0..7usize)
            .prop_map(|(which, clause, what, d, p)| Step::Correction(which, clause, what, d, p)),
        1 => Just(Step::Alias),
        1 => (0..7usize, 1u32..3).prop_map(|(p, n)| Step::Seats(p, n)),
    ]
}

/// People by generated number: two namesakes of 张三 with ids besides.
fn person(x: usize) -> Person {
    match x {
        4 => Person::with_id("张三", "甲"),
        5 => Person::with_id("张三", "乙"),
        x => Person::new(PERSONS[x % PERSONS.len()]),
    }
}

fn apply(ledger: &mut Ledger, steps: &[Step]) {
    apply_with(ledger, steps, |_, _| {});
}

/// Records `steps`, calling `before` with each step's place and the
/// ledger before it is recorded.
fn apply_with(ledger: &mut Ledger, steps: &[Step], mut before: impl FnMut(usize, &Ledger)) {
    let posts = posts();
    let mut numbers: Vec<String> = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        before(i, ledger);
        let number = format!("某政任〔2020〕{i}号");
        let result = match step {
            Step::Notice(d, events) => {
                let mut n = Notice::new(&number, offset(u64::from(*d)));
                for &(appoint, x, p, acting) in events {
                    let kind = if appoint {
                        EventKind::Appoint
                    } else {
                        EventKind::Remove
                    };
                    let mut e = Event::new(kind, person(x), posts[p].clone());
                    if acting {
                        e = e.flag(appointment_ledger::Flag::Acting);
                    }
                    n = n.event(e);
                }
                ledger.record(n)
            }
            Step::Correction(which, clause, what, d, p) => {
                let Some(target) = numbers.get(which % numbers.len().max(1)) else {
                    continue;
                };
                let mut target = Target::notice(target);
                if let Some(c) = clause {
                    target = target.clause(*c);
                }
                let action = match what {
                    0 => Action::Retract,
                    1 => Action::correct().effective(offset(u64::from(*d))),
                    2 => Action::correct().post(posts[*p].clone()),
                    _ => Action::correct().person(person(*p)),
                };
                ledger.record_correction(
                    Correction::new(&number, offset(u64::from(*d))).amend(target, action),
                )
            }
            Step::Alias => ledger.declare_alias("某财政局", "某区财政局"),
            Step::Seats(p, n) => ledger.declare_seats(
                posts[*p].clone(),
                if *n == 1 { Seats::ONE } else { Seats::Several },
            ),
        };
        if result.is_ok() && matches!(step, Step::Notice(..)) {
            numbers.push(number);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// On random histories with corrections, aliases, namesakes and seat
    /// declarations, the index, a full replay and the incremental state
    /// (the writer that recorded them) answer every question alike.
    #[test]
    fn the_index_answers_as_the_replay_and_the_incremental_state(steps in prop::collection::vec(step(), 1..14)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.ledger");
        let mut writer = Ledger::builder().open(&path).unwrap();
        apply(&mut writer, &steps);
        Index::write(&writer, &Index::path_for(&path)).unwrap();
        let incremental = ledger_answers(&writer);
        drop(writer);
        let replayed = ledger_answers(&Ledger::builder().open_read_only(&path).unwrap());
        let index = Index::open(&path).unwrap();
        index.verify().unwrap();
        prop_assert_eq!(&replayed, &incremental);
        prop_assert_eq!(index_answers(&index), incremental);
    }

    /// An index built part way through a random history and read past its
    /// end answers every question as a replay of the whole log does: the
    /// posts and people the entries since touch from a replay, the others
    /// from the index.
    #[test]
    fn an_index_read_past_its_end_answers_as_the_replay(
        steps in prop::collection::vec(step(), 2..14),
        cut in any::<prop::sample::Index>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.ledger");
        let mut writer = Ledger::builder().open(&path).unwrap();
        let at = 1 + cut.index(steps.len() - 1);
        apply_with(&mut writer, &steps, |i, ledger| {
            if i == at {
                Index::write(ledger, &Index::path_for(&path)).unwrap();
            }
        });
        drop(writer);
        let replay = Ledger::builder().open_read_only(&path).unwrap();
        let index = Index::open(&path).unwrap();
        prop_assert_eq!(index.len() + index.tail_len(), replay.len() as u64);
        prop_assert_eq!(index_answers(&index), ledger_answers(&replay));
        prop_assert_eq!(index.nothing_rescinded() && replay.rescinded().is_empty(), index.nothing_rescinded());
        // The ids the command asks by name the same posts and people.
        for post in posts() {
            let name = post.to_string();
            let by_index = index.find_post(&name).map(|id| (index.post(id).unwrap(), index.seats(id).unwrap()));
            let by_replay = replay.find_post(&name).map(|id| (replay.post(id).unwrap().clone(), replay.seats(id).unwrap()));
            prop_assert_eq!(format!("{by_index:?}"), format!("{by_replay:?}"));
        }
        for x in 0..6 {
            let name = person(x).to_string();
            let by_index = index.find_person(&name).map(|id| index.person(id).unwrap());
            let by_replay = replay.find_person(&name).map(|id| replay.person(id).unwrap().clone());
            prop_assert_eq!(format!("{by_index:?}"), format!("{by_replay:?}"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever bytes of an index are damaged, opening it and asking it
    /// every question never panics: each is an answer or a typed error,
    /// and `verify` finds the damage.
    #[test]
    fn a_damaged_index_never_panics(damage in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..6)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.ledger");
        let mut writer = Ledger::builder().open(&path).unwrap();
        apply(&mut writer, &[
            Step::Notice(10, vec![(true, 0, 0, false), (true, 4, 1, true)]),
            Step::Notice(90, vec![(false, 0, 0, false), (true, 1, 0, false), (true, 5, 2, false)]),
            Step::Correction(0, Some(2), 1, 40, 0),
        ]);
        let index_path = Index::path_for(&path);
        Index::write(&writer, &index_path).unwrap();
        let whole = std::fs::read(&index_path).unwrap();
        let mut bytes = whole.clone();
        for (at, flip) in &damage {
            let at = at.index(bytes.len());
            bytes[at] ^= flip;
        }
        std::fs::write(&index_path, &bytes).unwrap();
        if let Ok(index) = Index::open(&path) {
            let _ = index_answers(&index);
            // (Two flips of one byte can cancel out.)
            prop_assert_eq!(index.verify().is_err(), bytes != whole);
        }
    }
}

fn seeded(dir: &Path) -> (std::path::PathBuf, Ledger) {
    let path = dir.join("huaiyin.ledger");
    let mut ledger = Ledger::builder().open(&path).unwrap();
    ledger.record(notice4()).unwrap();
    ledger.record(notice5()).unwrap();
    (path, ledger)
}

#[test]
fn the_seed_is_answered_from_the_index_as_domain_md_says() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ledger) = seeded(dir.path());
    Index::write(&ledger, &Index::path_for(&path)).unwrap();
    let index = Index::open(&path).unwrap();
    assert_eq!(index.len(), 2);
    let office = "济南市槐荫区人民防空办公室主任";
    let held = index.holders(office, day(2022, 5, 23)).unwrap();
    assert_eq!(held.holders()[0].person.name(), "陈建防");
    assert_eq!(held, ledger.holders(office, day(2022, 5, 23)).unwrap());
    let id = index.find_post(office).unwrap();
    assert_eq!(id, ledger.find_post(office).unwrap());
    assert_eq!(index.holders_of(id, day(2022, 5, 23)).unwrap(), held);
    assert_eq!(
        index.holders(office, day(2022, 4, 1)).unwrap(),
        Holding::Unknown
    );
    let by = held.holders()[0].appointed_by.unwrap();
    assert_eq!(by.to_string(), "济槐政任〔2022〕5号 clause 4");
    assert_eq!(
        index.career("衣连斌").unwrap(),
        ledger.career("衣连斌").unwrap()
    );
    assert_eq!(
        index.holders("没有的职务", day(2022, 5, 1)).unwrap_err(),
        Error::UnknownPost {
            name: "没有的职务".to_owned()
        }
    );
    assert!(matches!(
        index.holders(office, day(1800, 1, 1)),
        Err(Error::DateOutOfRange { .. })
    ));
}

#[test]
fn an_index_that_does_not_cover_its_ledger_is_never_used() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ledger) = seeded(dir.path());
    let index_path = Index::path_for(&path);
    Index::write(&ledger, &index_path).unwrap();
    // A notice recorded since.
    ledger
        .record(Notice::new("济槐政任〔2022〕6号", day(2022, 6, 1)).appoint(
            Person::new("王五"),
            Post::new("济南市槐荫区人民防空办公室", "副主任"),
        ))
        .unwrap();
    // Read past its end: the post the notice names is the replay's, the
    // others the index's.
    let index = Index::open(&path).unwrap();
    assert_eq!((index.len(), index.tail_len()), (2, 1));
    assert!(!index.covers(&ledger).unwrap());
    let seat = "济南市槐荫区人民防空办公室主任";
    assert_eq!(
        index.holders(seat, day(2022, 6, 1)).unwrap(),
        ledger.holders(seat, day(2022, 6, 1)).unwrap()
    );
    assert!(index.replayed().is_none());
    let deputy = "济南市槐荫区人民防空办公室副主任";
    let held = index.holders(deputy, day(2022, 6, 1)).unwrap();
    assert_eq!(held, ledger.holders(deputy, day(2022, 6, 1)).unwrap());
    assert_eq!(index.replayed().map(Ledger::len), Some(3));
    drop(index);
    // Rebuilt, it covers the log again.
    Index::write(&ledger, &index_path).unwrap();
    let index = Index::open(&path).unwrap();
    assert_eq!((index.len(), index.tail_len()), (3, 0));
    drop(index);
    drop(ledger);

    // Another ledger of the same length in its place.
    let other = dir.path().join("other.ledger");
    let mut twin = Ledger::builder().open(&other).unwrap();
    twin.record(notice4()).unwrap();
    twin.record(notice5()).unwrap();
    twin.record(Notice::new("济槐政任〔2022〕7号", day(2022, 6, 1)).appoint(
        Person::new("王六"),
        Post::new("济南市槐荫区人民防空办公室", "副主任"),
    ))
    .unwrap();
    drop(twin);
    std::fs::copy(&other, &path).unwrap();
    let err = Index::open(&path).unwrap_err();
    assert!(
        matches!(&err, Error::IndexUnusable { reason, .. } if reason.contains("not those the index was built from")),
        "{err:?}"
    );

    // A shorter ledger.
    let bytes = std::fs::read(&other).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 100]).unwrap();
    let err = Index::open(&path).unwrap_err();
    assert!(
        matches!(&err, Error::IndexUnusable { reason, .. } if reason.contains("shorter than the")),
        "{err:?}"
    );
}

/// A ledger file with one appointment (`first`), what `declare` records,
/// its index, and then a second appointment (`then`, a year on): the
/// index opened past its end, beside the writer.
fn grown(
    first: (&str, Post),
    declare: impl FnOnce(&mut Ledger),
    then: (&str, Post),
) -> (tempfile::TempDir, Ledger, Index) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.ledger");
    let mut ledger = Ledger::builder().open(&path).unwrap();
    ledger
        .record(Notice::new("某政任〔2020〕1号", offset(0)).appoint(Person::new(first.0), first.1))
        .unwrap();
    declare(&mut ledger);
    Index::write(&ledger, &Index::path_for(&path)).unwrap();
    ledger
        .record(Notice::new("某政任〔2021〕1号", offset(366)).appoint(Person::new(then.0), then.1))
        .unwrap();
    let index = Index::open(&path).unwrap();
    (dir, ledger, index)
}

/// A notice recorded after the index at a post written under an alias
/// declared before it is the aliased post's: the index cannot see that
/// join in the notice, so every question is the replay's.
#[test]
fn an_alias_before_the_index_sends_later_notices_to_the_replay() {
    let (_dir, ledger, index) = grown(
        ("张三", Post::new("某区财政局", "局长")),
        |ledger| {
            ledger.declare_alias("某财政局", "某区财政局").unwrap();
        },
        ("李四", Post::new("某财政局", "局长")),
    );
    let held = index.holders("某区财政局局长", offset(400)).unwrap();
    assert_eq!(held, ledger.holders("某区财政局局长", offset(400)).unwrap());
    let Holding::Held(tenures) = &held else {
        panic!("{held:?}")
    };
    assert_eq!(tenures.len(), 2);
    assert!(index.replayed().is_some());
}

/// A post recorded after the index in the other script, its board's term
/// dropped as the fold drops it (`某公司董事會董事長` is `某公司董事长`), is
/// the indexed post's.
#[test]
fn a_post_in_the_other_script_after_the_index_is_the_replays() {
    let (_dir, ledger, index) = grown(
        ("张三", Post::new("某公司", "董事长")),
        |_| {},
        ("李四", Post::new("某公司董事會", "董事長")),
    );
    for name in ["某公司董事长", "某公司董事會董事長"] {
        let held = index.holders(name, offset(500)).unwrap();
        assert_eq!(held, ledger.holders(name, offset(500)).unwrap(), "{name}");
        assert_eq!(
            format!("{:?}", index.history(name).unwrap()),
            format!("{:?}", ledger.history(name).unwrap())
        );
    }
    assert!(index.replayed().is_some());
}

/// An index an older build wrote holds the answers of an older fold: it is
/// refused as unusable (the command then answers from a replay and writes
/// it again), not read, and not called a newer format.
#[test]
fn an_index_of_an_older_format_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ledger) = seeded(dir.path());
    let index_path = Index::path_for(&path);
    Index::write(&ledger, &index_path).unwrap();
    let mut bytes = std::fs::read(&index_path).unwrap();
    // The version (bytes 8..12) set to 1, the header's checksum (52..56,
    // over the 232-byte header less itself) made right again.
    bytes[8..12].copy_from_slice(&1u32.to_le_bytes());
    let crc = crc32c::crc32c_append(crc32c::crc32c(&bytes[..52]), &bytes[56..232]);
    bytes[52..56].copy_from_slice(&crc.to_le_bytes());
    std::fs::write(&index_path, &bytes).unwrap();
    let err = Index::open(&path).unwrap_err();
    let Error::IndexUnusable { reason, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(
        reason,
        "it was written in index format 1, which this build reads no more (it writes format 5)"
    );
}

#[test]
fn an_in_memory_ledger_has_nothing_to_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    let path = dir.path().join("memory.index");
    let err = Index::write(&ledger, &path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the index cannot be used: the ledger has no store on disk to index",
            path.display()
        )
    );
    assert!(!path.exists());
}

/// A crash while the index is written leaves the old index or none (the
/// write goes to a temporary file, renamed once whole); but should the
/// file at the index's path hold any prefix of an index, or damage, it is
/// refused, never read as an answer, and the ledger opens as before.
#[test]
fn every_prefix_and_damage_of_an_index_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ledger) = seeded(dir.path());
    let index_path = Index::path_for(&path);
    Index::write(&ledger, &index_path).unwrap();
    let whole = std::fs::read(&index_path).unwrap();
    let want = ledger_answers(&ledger);
    drop(ledger);
    for len in 0..whole.len() {
        std::fs::write(&index_path, &whole[..len]).unwrap();
        match Index::open(&path) {
            Err(Error::CorruptIndex { .. }) => {}
            other => panic!("a prefix of {len} bytes: {other:?}"),
        }
    }
    // A damaged byte: the header's checksum catches it there; elsewhere,
    // `verify` does.
    for at in (0..whole.len()).step_by(7) {
        let mut bytes = whole.clone();
        bytes[at] ^= 0x40;
        std::fs::write(&index_path, &bytes).unwrap();
        match Index::open(&path) {
            Err(Error::CorruptIndex { .. }) => {}
            Ok(index) => assert!(
                matches!(index.verify(), Err(Error::CorruptIndex { .. })),
                "a damaged byte at {at} passed verify"
            ),
            Err(e) => panic!("a damaged byte at {at}: {e:?}"),
        }
    }
    // A temporary file a crash left beside the ledger changes nothing.
    std::fs::write(dir.path().join(".index-crashed"), &whole[..100]).unwrap();
    let reopened = Ledger::builder().open(&path).unwrap();
    assert_eq!(ledger_answers(&reopened), want);
    Index::write(&reopened, &index_path).unwrap();
    assert_eq!(index_answers(&Index::open(&path).unwrap()), want);
}

/// An index is readable by whoever can read its ledger (readers are often
/// other users than the writer): it gets the mode a new file gets, as the
/// ledger file did, not a temporary file's owner-only mode.
#[cfg(unix)]
#[test]
fn an_index_is_readable_as_its_ledger_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (path, ledger) = seeded(dir.path());
    let index = Index::path_for(&path);
    Index::write(&ledger, &index).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&index), mode(&path));
}

/// `covers` compares the whole log's checksum, which `open` does not read:
/// a ledger damaged before its last page still opens its index for a
/// reader, but its writer (which reads every byte) sees the index is not
/// of this log.
#[test]
fn a_writer_sees_an_index_is_not_of_its_log_by_the_whole_checksum() {
    let dir = tempfile::tempdir().unwrap();
    // Untimed, so that the two logs' last pages are alike whatever second
    // each was recorded in (with the system clock this test failed when
    // the two recordings straddled a tick).
    let path = dir.path().join("huaiyin.ledger");
    let mut ledger = Ledger::builder().clock(|| None).open(&path).unwrap();
    ledger.record(notice4()).unwrap();
    ledger.record(notice5()).unwrap();
    let index = Index::path_for(&path);
    Index::write(&ledger, &index).unwrap();
    assert!(Index::open(&path).unwrap().covers(&ledger).unwrap());
    // Another log of the same length and last page: the same two notices
    // recorded with notice 4's first person's name changed by one
    // character of the same width.
    drop(ledger);
    let bytes = std::fs::read(&path).unwrap();
    let other = dir.path().join("other.ledger");
    let mut twin = Ledger::builder().clock(|| None).open(&other).unwrap();
    let mut four = notice4();
    let name = four.events[0].person.name().replacen('菡', "涵", 1);
    assert_ne!(name, four.events[0].person.name());
    four.events[0].person = Person::new(&name);
    twin.record(four).unwrap();
    twin.record(notice5()).unwrap();
    let twin_bytes = std::fs::read(&other).unwrap();
    assert_eq!(twin_bytes.len(), bytes.len());
    assert!(bytes.len() > 4096 + 16);
    assert_eq!(
        &twin_bytes[bytes.len() - 4096..],
        &bytes[bytes.len() - 4096..]
    );
    assert_ne!(twin_bytes, bytes);
    drop(twin);
    std::fs::copy(&other, &path).unwrap();
    // A reader's two small reads cannot tell.
    let index = Index::open(&path).unwrap();
    // The writer, which read every byte, can.
    let writer = Ledger::builder().open(&path).unwrap();
    assert!(!index.covers(&writer).unwrap());
}

/// A post's name found whichever width its brackets are typed in, by the
/// ledger and by the index alike.
#[test]
fn brackets_of_either_width_find_a_post() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brackets.ledger");
    let mut ledger = Ledger::builder().open(&path).unwrap();
    let full = Post::new(
        "济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）",
        "主任",
    );
    let half = Post::new("某市人民政府办公室(某市人民政府研究室)", "副主任");
    ledger
        .record(
            Notice::new("济槐政任〔2022〕4号", day(2022, 4, 24))
                .appoint(Person::new("张三"), full.clone())
                .appoint(Person::new("李四"), half.clone()),
        )
        .unwrap();
    Index::write(&ledger, &Index::path_for(&path)).unwrap();
    let index = Index::open(&path).unwrap();
    for (typed, want) in [
        (
            "济南市槐荫区12345市民服务热线运行中心(济南市槐荫区大数据中心)主任",
            &full,
        ),
        (
            "济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）主任",
            &full,
        ),
        ("某市人民政府办公室（某市人民政府研究室）副主任", &half),
        ("某市人民政府办公室(某市人民政府研究室)副主任", &half),
    ] {
        let id = ledger.find_post(typed).unwrap();
        assert_eq!(ledger.post(id), Some(want), "{typed}");
        assert_eq!(index.find_post(typed).unwrap(), id, "{typed}");
    }
}

/// On a name table far larger than the window the search ends with, every
/// post and person is found, and a name that is not there is not.
#[test]
fn every_name_of_a_large_table_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ledger");
    let mut ledger = Ledger::builder().open(&path).unwrap();
    let notices = (0..40).map(|n| {
        (0..50).fold(
            Notice::new(
                &format!("某政任〔2020〕{n}号"),
                day(2020, 1, 1) + chrono::Days::new(n),
            ),
            |notice, k| {
                notice.appoint(
                    Person::new(&format!("人{n}号{k}")),
                    Post::new(&format!("某市第{n}局第{k}处"), "处长"),
                )
            },
        )
    });
    ledger.record_batch(notices).unwrap();
    Index::write(&ledger, &Index::path_for(&path)).unwrap();
    let index = Index::open(&path).unwrap();
    for n in 0..40 {
        for k in 0..50 {
            let post = format!("某市第{n}局第{k}处处长");
            assert_eq!(
                index.find_post(&post).unwrap(),
                ledger.find_post(&post).unwrap()
            );
            let person = format!("人{n}号{k}");
            assert_eq!(
                index.find_person(&person).unwrap(),
                ledger.find_person(&person).unwrap()
            );
        }
    }
    assert!(matches!(
        index.find_post("某市第40局第0处处长"),
        Err(Error::UnknownPost { .. })
    ));
    assert!(matches!(
        index.find_person("人40号0"),
        Err(Error::UnknownPerson { .. })
    ));
}

/// The ledger's own path given for its index is refused, and the ledger is
/// left whole.
#[test]
fn an_index_is_never_written_over_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ledger) = seeded(dir.path());
    let before = std::fs::read(&path).unwrap();
    let err = Index::write(&ledger, &path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: will not write there: it is a ledger file",
            path.display()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
