//! The ledger's public behaviour: recording rules, errors, lookups and
//! reopening from a store.

mod common;

use appointment_ledger::{
    Error, Event, FileStore, Holding, Ledger, LogRead, MemoryStore, Notice, Person, Post, Seats,
    Start,
};
use common::{day, notice4, notice5};

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Ledger>();
    check::<Notice>();
    check::<Error>();
    check::<Holding<'static>>();
    check::<FileStore>();
    check::<MemoryStore>();
}

#[test]
fn a_notice_without_events_is_refused() {
    let mut ledger = Ledger::new();
    let err = ledger
        .record(Notice::new("槐政任〔2022〕9号", day(2022, 6, 1)))
        .unwrap_err();
    assert_eq!(err.to_string(), "notice 槐政任〔2022〕9号: has no events");
    assert_eq!(err.notice(), Some("槐政任〔2022〕9号"));
    assert!(ledger.is_empty());
}

#[test]
fn a_notice_is_recorded_once() {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    let err = ledger.record(notice4()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "notice 济槐政任〔2022〕4号 is already recorded (as entry 1)"
    );
    assert_eq!(ledger.len(), 1);
}

#[test]
fn an_event_without_a_person_names_its_clause() {
    let mut ledger = Ledger::new();
    let notice = notice4().appoint(Person::new(" \u{3000}"), Post::new("某局", "局长"));
    let err = ledger.record(notice).unwrap_err();
    assert_eq!(
        err.to_string(),
        "notice 济槐政任〔2022〕4号: clause 6: no person named"
    );
    assert!(ledger.is_empty());
}

#[test]
fn names_that_could_never_be_asked_for_are_refused() {
    let post = || Post::new("某局", "局长");
    let refused = |person: Person| {
        let mut ledger = Ledger::new();
        let err = ledger
            .record(notice4().appoint(person, post()))
            .unwrap_err();
        assert!(ledger.is_empty());
        err.to_string()
    };
    // Invisible characters only: no name at all.
    assert_eq!(
        refused(Person::new("\u{200b}\u{feff}")),
        "notice 济槐政任〔2022〕4号: clause 6: no person named"
    );
    assert_eq!(
        refused(Person::new("李#建")),
        "notice 济槐政任〔2022〕4号: clause 6: 「李#建」: a name may not hold #, which separates a name from its id"
    );
    assert_eq!(
        refused(Person::with_id("李建", " \u{3000}")),
        "notice 济槐政任〔2022〕4号: clause 6: 李建: an id of only white space"
    );
    // A name copied with a zero-width space or a byte-order mark is the name.
    assert_eq!(Person::new("\u{feff}李\u{200b}建"), Person::new("李建"));
}

#[test]
fn dates_out_of_range_are_refused() {
    let mut ledger = Ledger::new();
    let err = ledger
        .record(notice4().effective(day(1899, 12, 31)))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "济槐政任〔2022〕4号: date 1899-12-31 is out of range (1900-01-01..=2199-12-31)"
    );
    ledger.record(notice4()).unwrap();
    let err = ledger
        .holders("济南市槐荫区文物局局长", day(2300, 1, 1))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "query: date 2300-01-01 is out of range (1900-01-01..=2199-12-31)"
    );
}

#[test]
fn an_effective_date_before_signing_is_recorded() {
    // A resignation takes effect when the letter arrives; the decision is
    // signed later. That is legal, not an error.
    let mut ledger = Ledger::new();
    let post = Post::new("某县人民政府", "县长");
    ledger
        .record(
            Notice::new("某人大〔2022〕3号", day(2022, 3, 10))
                .effective(day(2022, 3, 1))
                .remove(Person::new("王五"), post.clone()),
        )
        .unwrap();
    let Holding::Vacant { since, .. } = ledger.holders(&post, day(2022, 3, 5)).unwrap() else {
        panic!("not vacant")
    };
    assert_eq!(since, day(2022, 3, 1));
}

#[test]
fn unknown_names_are_errors_that_say_so() {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    let err = ledger
        .holders("济南市槐荫区人民医院院长", day(2022, 5, 1))
        .unwrap_err();
    assert_eq!(err.to_string(), "unknown post `济南市槐荫区人民医院院长`");
    assert!(err.is_lookup());
    let err = ledger.posts_of("赵 六", day(2022, 5, 1)).unwrap_err();
    assert_eq!(err.to_string(), "unknown person `赵 六`");
}

#[test]
fn two_people_of_one_name_are_kept_apart_by_id() {
    let mut ledger = Ledger::new();
    let a = Post::new("某区财政局", "局长");
    let b = Post::new("某区教育局", "局长");
    ledger
        .record(
            Notice::new("某政任〔2022〕1号", day(2022, 1, 4))
                .appoint(Person::with_id("李建", "A"), a.clone())
                .appoint(Person::with_id("李建", "B"), b.clone()),
        )
        .unwrap();
    let err = ledger.posts_of("李建", day(2022, 2, 1)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`李建` names 2 people (ids: A, B); give the person's id"
    );
    let of_a = ledger.posts_of("李建#A", day(2022, 2, 1)).unwrap();
    assert_eq!(of_a.len(), 1);
    assert_eq!(of_a[0].post, a);
    let of_b = ledger
        .posts_of(&Person::with_id("李 建", "B"), day(2022, 2, 1))
        .unwrap();
    assert_eq!(of_b[0].post, b);
}

#[test]
fn seats_come_from_the_title_unless_declared() {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    ledger.record(notice5()).unwrap();
    assert_eq!(ledger.seats("济南市槐荫区文物局局长").unwrap(), Seats::ONE);
    assert_eq!(
        ledger.seats("济南市槐荫区财政局副局长").unwrap(),
        Seats::Several
    );
    let deputy = Post::new("济南市槐荫区财政局", "副局长");
    let seq = ledger.declare_seats(deputy, Seats::Limit(4)).unwrap().seq;
    assert_eq!(seq, 3);
    assert_eq!(
        ledger.seats("济南市槐荫区财政局副局长").unwrap(),
        Seats::Limit(4)
    );
    let err = ledger
        .declare_seats(Post::new("某局", "局长"), Seats::Limit(0))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "post 某局局长: a post has at least one seat"
    );
}

#[test]
fn a_shared_memory_store_replays_into_an_equal_ledger() {
    let store = MemoryStore::new();
    let mut ledger = Ledger::builder().with_store(store.clone()).unwrap();
    ledger.record(notice4()).unwrap();
    ledger.record(notice5()).unwrap();
    assert_eq!(store.len(), 2);
    let reopened = Ledger::builder().with_store(store).unwrap();
    assert!(reopened == ledger);
}

#[test]
fn a_ledger_file_reopens_with_every_notice() {
    let path = std::env::temp_dir().join(format!(
        "appointment-ledger-test-{}.ledger",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&path);
    {
        let mut ledger = Ledger::builder().open(&path).unwrap();
        ledger.record(notice4()).unwrap();
        ledger.record(notice5()).unwrap();
    }
    let reopened = Ledger::builder().open(&path).unwrap();
    assert_eq!(
        reopened
            .notices()
            .map(|(seq, n)| (seq, n.number.as_str()))
            .collect::<Vec<_>>(),
        vec![(1, "济槐政任〔2022〕4号"), (2, "济槐政任〔2022〕5号")]
    );
    let held = reopened
        .holders("济南市槐荫区园林绿化服务中心主任", day(2022, 5, 1))
        .unwrap();
    assert_eq!(held.holders()[0].person.name(), "尹强");
    assert!(!held.holders()[0].start.is_known());
    assert!(matches!(held.holders()[0].start, Start::Unknown { .. }));
    assert_eq!(
        FileStore::open_read_only(&path)
            .unwrap()
            .read_log()
            .unwrap()
            .len(),
        2
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_log_out_of_sequence_is_refused() {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    let mut log = ledger.log().to_vec();
    log[0].seq = 7;
    let err = Ledger::from_log(log).unwrap_err();
    assert!(err.is_corrupt());
    assert_eq!(err.notice(), Some("济槐政任〔2022〕4号"));
}

#[test]
fn events_built_in_code_get_clause_numbers() {
    let n = Notice::new("x", day(2022, 1, 1))
        .event(
            Event::appoint(Person::new("甲"), Post::new("某局", "局长")).clause(3, "甲为某局局长"),
        )
        .appoint(Person::new("乙"), Post::new("某局", "副局长"));
    assert_eq!(n.events[1].provenance.clause, 4);
}

#[test]
fn an_unknown_start_begins_after_the_previous_holder_of_a_one_seat_post() {
    let post = Post::new("某区财政局", "局长");
    let mut ledger = Ledger::new();
    ledger
        .record(
            Notice::new("甲〔2010〕1号", day(2010, 1, 1))
                .appoint(Person::new("甲甲"), post.clone()),
        )
        .unwrap();
    ledger
        .record(
            Notice::new("甲〔2015〕1号", day(2015, 1, 1)).remove(Person::new("甲甲"), post.clone()),
        )
        .unwrap();
    ledger
        .record(
            Notice::new("甲〔2022〕1号", day(2022, 1, 1)).remove(Person::new("乙乙"), post.clone()),
        )
        .unwrap();
    assert_eq!(
        ledger.holders(&post, day(2012, 1, 1)).unwrap().to_string(),
        "held by 甲甲, since 2010-01-01, until 2015-01-01"
    );
    let later = ledger.holders(&post, day(2018, 1, 1)).unwrap();
    assert_eq!(
        later.holders()[0].start,
        Start::Unknown {
            after: Some(day(2015, 1, 1)),
            before: day(2022, 1, 1)
        }
    );
    assert!(ledger.findings().is_empty());
    // A deputy post has several seats: there the bound is the person's own.
    let deputy = Post::new("某区财政局", "副局长");
    ledger
        .record(
            Notice::new("甲〔2016〕1号", day(2016, 1, 1))
                .appoint(Person::new("丙丙"), deputy.clone())
                .remove(Person::new("丁丁"), deputy.clone()),
        )
        .unwrap();
    assert_eq!(
        ledger
            .holders(&deputy, day(2015, 6, 1))
            .unwrap()
            .holders()
            .len(),
        1
    );
}

#[test]
fn a_post_written_in_either_script_is_one_post() {
    // As a traditional-script copy and a simplified one write it
    // (tests/data/real/a01 and a02).
    let trad = Post::new("工業和信息化部", "副部長");
    let simp = Post::new("工业和信息化部", "副部长");
    let mut ledger = Ledger::new();
    ledger
        .record(
            Notice::new("某任〔2023〕1号", day(2023, 1, 5))
                .appoint(Person::new("單忠德"), trad.clone()),
        )
        .unwrap();
    ledger
        .record(
            Notice::new("某任〔2023〕2号", day(2023, 6, 5))
                .remove(Person::new("單忠德"), simp.clone()),
        )
        .unwrap();
    let by_trad = ledger.find_post("工業和信息化部副部長").unwrap();
    assert_eq!(ledger.find_post("工业和信息化部副部长").unwrap(), by_trad);
    assert_eq!(ledger.find_post(&simp).unwrap(), by_trad);
    // One tenure, ended by the notice in the other script.
    let history = ledger.history(&trad).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].end.date(), Some(day(2023, 6, 5)));
    // The post keeps the script it was first written in.
    assert_eq!(
        ledger.post(by_trad).map(ToString::to_string).as_deref(),
        Some("工業和信息化部副部長")
    );
}

#[test]
fn a_chair_written_with_its_board_term_is_the_companys_chair() {
    // As announcements write it (tests/data/real/g11, g05): the term's
    // board, then the company's post without one.
    let termed = Post::new("广誉远第七届董事会", "董事长");
    let plain = Post::new("广誉远", "董事长");
    let mut ledger = Ledger::new();
    ledger
        .record(
            Notice::new("广誉远公告2021-060", day(2021, 12, 6))
                .appoint(Person::new("鞠振"), termed.clone()),
        )
        .unwrap();
    ledger
        .record(
            Notice::new("广誉远公告2024-011", day(2024, 3, 1))
                .remove(Person::new("鞠振"), plain.clone()),
        )
        .unwrap();
    let id = ledger.find_post("广誉远董事长").unwrap();
    assert_eq!(ledger.find_post("广誉远第七届董事会董事长").unwrap(), id);
    let history = ledger.history(&plain).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].start.date(), Some(day(2021, 12, 6)));
    assert_eq!(history[0].end.date(), Some(day(2024, 3, 1)));
    // A committee of the board keeps the board, less its term.
    let committee = Post::new("广誉远第七届董事会战略委员会", "主任委员");
    ledger
        .record(
            Notice::new("广誉远公告2021-061", day(2021, 12, 6))
                .appoint(Person::new("鞠振"), committee),
        )
        .unwrap();
    assert_eq!(
        ledger.find_post("广誉远董事会战略委员会主任委员").unwrap(),
        ledger
            .find_post("广誉远第七届董事会战略委员会主任委员")
            .unwrap()
    );
}

/// The namesake without an id is named `李建#-`, as the error that lists a
/// name's people writes them.
#[test]
fn the_namesake_without_an_id_is_name_hash_dash() {
    let mut ledger = Ledger::new();
    let a = Post::new("某区财政局", "局长");
    let b = Post::new("某区教育局", "局长");
    ledger
        .record(
            Notice::new("某政任〔2022〕1号", day(2022, 1, 4))
                .appoint(Person::new("李建"), a.clone())
                .appoint(Person::with_id("李建", "B"), b.clone()),
        )
        .unwrap();
    let err = ledger.posts_of("李建", day(2022, 2, 1)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`李建` names 2 people (ids: -, B); give the person's id"
    );
    let plain = ledger.posts_of("李建#-", day(2022, 2, 1)).unwrap();
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].post, a);
    assert_eq!(plain[0].person, Person::new("李建"));
    assert_eq!(
        ledger.posts_of("李建#B", day(2022, 2, 1)).unwrap()[0].post,
        b
    );
    assert_eq!(
        ledger.find_person("王五#-").unwrap_err().to_string(),
        "unknown person `王五`"
    );
}
