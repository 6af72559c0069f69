//! Corrections and the second time axis: a rescinding notice, a correcting
//! notice and a backdated notice recorded after notices 4 and 5 change
//! exactly the answers they should, while the ledger as known after notice
//! 5 still answers as before.

mod common;

use appointment_ledger::{
    Action, Correction, End, EventKind, Holding, Ledger, NaiveDate, Notice, Person, Post, Start,
    Target,
};
use common::{day, notice4, notice5};

const N5: &str = "济槐政任〔2022〕5号";
const AIR: &str = "济南市槐荫区人民防空办公室主任";
const HOSPITAL: &str = "济南市槐荫区人民医院院长";

fn base() -> Ledger {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    ledger.record(notice5()).unwrap();
    ledger
}

/// Every post's holders on the ground-truth dates, as text.
fn answers(ledger: &Ledger) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for post in ledger.posts() {
        for date in [
            day(2022, 4, 1),
            day(2022, 5, 1),
            day(2022, 5, 15),
            day(2022, 6, 1),
        ] {
            let answer = ledger.holders(post, date).unwrap().to_string();
            out.push((format!("{post} {date}"), answer));
        }
    }
    out
}

/// The answers that differ between two ledgers.
fn changed(
    before: &[(String, String)],
    after: &[(String, String)],
) -> Vec<(String, String, String)> {
    before
        .iter()
        .zip(after)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, b)| (a.0.clone(), a.1.clone(), b.1.clone()))
        .collect()
}

#[test]
fn a_rescinded_appointment_changes_exactly_its_answers() {
    let mut ledger = base();
    let before = answers(&ledger);
    let seq = ledger
        .record_correction(
            Correction::new("济槐政任〔2022〕7号", day(2022, 6, 10)).amend(
                Target::notice(N5)
                    .person(Person::new("陈建防"))
                    .kind(EventKind::Appoint),
                Action::Retract,
            ),
        )
        .unwrap()
        .seq;
    assert_eq!(seq, 3);
    assert_eq!(
        changed(&before, &answers(&ledger)),
        vec![(
            format!("{AIR} 2022-06-01"),
            "held by 陈建防, since 2022-05-23".to_owned(),
            "vacant since 2022-05-23 (衣连斌 removed)".to_owned()
        ),]
    );
    // As known after notice 5, 陈建防 still holds it.
    let then = ledger.as_known_after(N5).unwrap();
    assert_eq!(answers(&then), before);
    assert_eq!(then.len(), 2);
    // The rescinded notice is still in the log, as written.
    assert_eq!(ledger.notices().count(), 2);
    assert_eq!(ledger.corrections().count(), 1);
}

#[test]
fn a_corrected_post_moves_the_tenure_and_says_by_whom() {
    let mut ledger = base();
    let before = answers(&ledger);
    ledger
        .record_correction(
            Correction::new("济槐政任〔2022〕8号", day(2022, 6, 10)).amend(
                Target::notice(N5).clause(7),
                Action::correct().post(Post::new("济南市槐荫区人民医院", "副院长")),
            ),
        )
        .unwrap();
    let after = answers(&ledger);
    // The 院长 post now has no holder recorded after 2022-05-23; the
    // 副院长 post is new, so the comparison covers the posts of before.
    assert_eq!(
        changed(&before, &after[..before.len()]),
        vec![(
            format!("{HOSPITAL} 2022-06-01"),
            "held by 赵中华, since 2022-05-23".to_owned(),
            "unknown".to_owned()
        )]
    );
    let career = ledger.career("赵中华").unwrap();
    assert_eq!(career.len(), 1);
    assert_eq!(career[0].post.to_string(), "济南市槐荫区人民医院副院长");
    assert_eq!(career[0].start, Start::On(day(2022, 5, 23)));
    let by: Vec<(&str, u64, u32)> = career[0]
        .corrected_by
        .iter()
        .map(|e| (e.notice(), e.seq(), e.clause()))
        .collect();
    assert_eq!(by, vec![("济槐政任〔2022〕8号", 3, 1)]);
    // The appointment keeps its own provenance: notice 5, clause 7.
    let appointed = career[0].appointed_by.unwrap();
    assert_eq!((appointed.notice(), appointed.clause()), (N5, 7));
    assert_eq!(answers(&ledger.as_known_after(N5).unwrap()), before);
}

#[test]
fn a_corrected_date_moves_the_change() {
    let mut ledger = base();
    ledger
        .record_correction(
            Correction::new("济槐政任〔2022〕8号", day(2022, 6, 10)).amend(
                Target::notice(N5).person(Person::new("李 宁")),
                Action::correct().effective(day(2022, 5, 10)),
            ),
        )
        .unwrap();
    let posts: Vec<String> = ledger
        .posts_of("李宁", day(2022, 5, 15))
        .unwrap()
        .iter()
        .map(|t| t.post.to_string())
        .collect();
    assert_eq!(posts, vec!["济南市槐荫区人民政府青年公园街道办事处主任"]);
    // 赵书峰's removal was not corrected: the office has two holders from
    // 2022-05-10 to 2022-05-23, and the checker says so.
    let held = ledger
        .holders(
            "济南市槐荫区人民政府青年公园街道办事处主任",
            day(2022, 5, 15),
        )
        .unwrap();
    assert_eq!(held.holders().len(), 2);
    let kinds: Vec<_> = ledger.findings().iter().map(|f| f.kind).collect();
    assert!(
        kinds.contains(&appointment_ledger::FindingKind::RemovingNonHolder),
        "{kinds:?}"
    );
    let before = ledger.as_known_after(N5).unwrap();
    let then: Vec<String> = before
        .posts_of("李宁", day(2022, 5, 15))
        .unwrap()
        .iter()
        .map(|t| t.post.to_string())
        .collect();
    assert_eq!(then, vec!["济南市槐荫区人力资源和社会保障局副局长"]);
}

#[test]
fn a_backdated_notice_is_seen_now_but_not_as_known_before() {
    let mut ledger = base();
    let before = answers(&ledger);
    ledger
        .record(
            Notice::new("济槐政任〔2022〕9号", day(2022, 7, 1))
                .effective(day(2022, 5, 10))
                .remove(
                    Person::new("刘晓菡"),
                    Post::new("济南市槐荫区民营经济发展局", "局长"),
                ),
        )
        .unwrap();
    assert_eq!(
        changed(&before, &answers(&ledger)),
        vec![
            (
                "济南市槐荫区民营经济发展局局长 2022-05-01".to_owned(),
                "held by 刘晓菡, since 2022-04-24 (concurrent)".to_owned(),
                "held by 刘晓菡, since 2022-04-24, until 2022-05-10 (concurrent)".to_owned()
            ),
            (
                "济南市槐荫区民营经济发展局局长 2022-05-15".to_owned(),
                "held by 刘晓菡, since 2022-04-24 (concurrent)".to_owned(),
                "vacant since 2022-05-10 (刘晓菡 removed)".to_owned()
            ),
            (
                "济南市槐荫区民营经济发展局局长 2022-06-01".to_owned(),
                "held by 刘晓菡, since 2022-04-24 (concurrent)".to_owned(),
                "vacant since 2022-05-10 (刘晓菡 removed)".to_owned()
            ),
        ]
    );
    assert_eq!(answers(&ledger.as_known_after(N5).unwrap()), before);
    // As recorded before now: everything; before the first entry's time:
    // nothing.
    let first = ledger.log()[0].recorded_at.unwrap();
    assert!(ledger.as_recorded_before(first).unwrap().is_empty());
    let later = ledger.log()[2].recorded_at.unwrap() + chrono::Duration::seconds(1);
    assert_eq!(ledger.as_recorded_before(later).unwrap().len(), 3);
}

#[test]
fn a_whole_notice_can_be_rescinded_and_nothing_is_deleted() {
    let mut ledger = base();
    ledger
        .record_correction(
            Correction::new("济槐政任〔2022〕7号", day(2022, 6, 10))
                .amend(Target::notice("济槐政任〔2022〕4号"), Action::Retract),
        )
        .unwrap();
    // 衣连斌's removal in notice 5 now ends a tenure of unknown start.
    assert_eq!(
        ledger.holders(AIR, day(2022, 5, 1)).unwrap().to_string(),
        "held by 衣连斌, start unknown, until 2022-05-23"
    );
    assert_eq!(
        ledger
            .holders("济南市槐荫区文物局局长", day(2022, 5, 1))
            .unwrap(),
        Holding::Unknown
    );
    let history = ledger.history(AIR).unwrap();
    assert_eq!(history[0].person.name(), "衣连斌");
    assert_eq!(
        history[0].start,
        Start::Unknown {
            after: None,
            before: day(2022, 5, 23)
        }
    );
    assert_eq!(history[0].end, End::On(day(2022, 5, 23)));
    // Folding the log from scratch gives the same ledger.
    assert!(Ledger::from_log(ledger.log().to_vec()).unwrap() == ledger);
}

#[test]
fn corrections_that_name_nothing_are_refused() {
    let mut ledger = base();
    let err = ledger
        .record_correction(
            Correction::new("济槐政任〔2022〕7号", day(2022, 6, 10))
                .amend(Target::notice("济槐政任〔2022〕3号"), Action::Retract),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "notice 济槐政任〔2022〕7号: clause 1: corrects 济槐政任〔2022〕3号, which is not recorded"
    );
    let err = ledger
        .record_correction(
            Correction::new("济槐政任〔2022〕7号", day(2022, 6, 10)).amend(
                Target::notice(N5).person(Person::new("无此人")),
                Action::Retract,
            ),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "notice 济槐政任〔2022〕7号: clause 1: names no event of 济槐政任〔2022〕5号 that still counts"
    );
    let err = ledger
        .record_correction(
            Correction::new("济槐政任〔2022〕7号", day(2022, 6, 10))
                .amend(Target::notice(N5), Action::correct()),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "notice 济槐政任〔2022〕7号: clause 1: corrects nothing (no person, post, date or flags given)"
    );
    // Rescinding twice: the second names nothing that still counts.
    let once = Correction::new("济槐政任〔2022〕7号", day(2022, 6, 10))
        .amend(Target::notice(N5).clause(4), Action::Retract);
    ledger.record_correction(once).unwrap();
    let twice = Correction::new("济槐政任〔2022〕8号", day(2022, 6, 11))
        .amend(Target::notice(N5).clause(4), Action::Retract);
    assert!(ledger.record_correction(twice).is_err());
    assert_eq!(ledger.len(), 3);
}

#[test]
fn recording_times_order_the_second_axis() {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    let t4 = ledger.log()[0].recorded_at.unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    ledger.record(notice5()).unwrap();
    let t5 = ledger.log()[1].recorded_at.unwrap();
    assert!(t5 > t4);
    let between = ledger.as_recorded_before(t5).unwrap();
    assert_eq!(between.len(), 1);
    assert_eq!(
        between.holders(AIR, day(2022, 6, 1)).unwrap().to_string(),
        "held by 衣连斌, since 2022-04-24 (concurrent)"
    );
    let mut untimed = Ledger::builder().clock(|| None).in_memory();
    untimed.record(notice4()).unwrap();
    assert_eq!(untimed.log()[0].recorded_at, None);
    assert_eq!(untimed.as_recorded_before(t4).unwrap().len(), 1);
    let _ = NaiveDate::MIN;
}

fn d(m: u32, dd: u32) -> NaiveDate {
    day(2022, m, dd)
}

#[test]
fn a_correction_finds_an_event_moved_by_an_earlier_one_after_an_alias() {
    let mut l = Ledger::new();
    let zhang = Person::new("张三");
    l.record(
        Notice::new("甲〔2022〕1号", d(1, 1))
            .appoint(zhang.clone(), Post::new("某区人民医院", "副院长")),
    )
    .unwrap();
    l.record(
        Notice::new("甲〔2022〕2号", d(6, 1))
            .remove(zhang.clone(), Post::new("某区中医院", "副院长")),
    )
    .unwrap();
    l.record_correction(Correction::new("甲〔2022〕3号", d(6, 5)).amend(
        Target::notice("甲〔2022〕2号"),
        Action::correct().post(Post::new("某人民医院", "副院长")),
    ))
    .unwrap();
    l.declare_alias("某人民医院", "某区人民医院").unwrap();
    l.record_correction(
        Correction::new("甲〔2022〕4号", d(6, 6))
            .amend(Target::notice("甲〔2022〕2号"), Action::Retract),
    )
    .unwrap();
    let history: Vec<String> = l
        .history("某区人民医院副院长")
        .unwrap()
        .iter()
        .map(|t| t.to_string())
        .collect();
    assert_eq!(history, vec!["张三, since 2022-01-01"]);
    assert!(Ledger::from_log(l.log().to_vec()).unwrap() == l);
}

#[test]
fn one_correction_cannot_name_what_it_rescinds_twice() {
    let mut l = base();
    let err = l
        .record_correction(
            Correction::new("济槐政任〔2022〕7号", d(6, 10))
                .amend(Target::notice(N5), Action::Retract)
                .amend(
                    Target::notice(N5).person(Person::new("陈建防")),
                    Action::correct().flags(appointment_ledger::Flags::NONE),
                ),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "notice 济槐政任〔2022〕7号: clause 2: names no event of 济槐政任〔2022〕5号 that still counts"
    );
    assert_eq!(l.len(), 2);
}

#[test]
fn rescinded_events_stay_visible_in_history() {
    let mut l = base();
    l.record_correction(
        Correction::new("济槐政任〔2022〕9号", d(6, 25)).amend(
            Target::notice(N5)
                .person(Person::new("陈建防"))
                .kind(EventKind::Appoint),
            Action::Retract,
        ),
    )
    .unwrap();
    let rescinded: Vec<String> = l
        .rescinded_at(AIR)
        .unwrap()
        .iter()
        .map(|r| r.to_string())
        .collect();
    assert_eq!(
        rescinded,
        vec![
            "济槐政任〔2022〕5号 clause 4 (appoint 陈建防 to 济南市槐荫区人民防空办公室主任) rescinded by 济槐政任〔2022〕9号 clause 1"
        ]
    );
    assert_eq!(l.rescinded_of("陈建防").unwrap().len(), 1);
    assert!(l.rescinded_of("衣连斌").unwrap().is_empty());
}

#[test]
fn a_spelling_corrected_away_is_suggested_no_more_and_not_exported() {
    let mut l = base();
    assert_eq!(l.findings().len(), 1);
    l.record_correction(Correction::new("济槐政任〔2022〕8号", d(6, 20)).amend(
        Target::notice(N5).person(Person::new("李忠华")),
        Action::correct().post(Post::new("济南市槐荫区人民医院", "院长")),
    ))
    .unwrap();
    assert!(l.findings().is_empty(), "{:?}", l.findings());
    assert!(l.recheck().is_empty());
    let popolo = l.to_popolo();
    let names: Vec<&str> = popolo["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert!(!names.contains(&"济南市槐荫人民医院"));
    assert!(names.contains(&"济南市槐荫区人民医院"));
    let history: Vec<String> = l
        .history("济南市槐荫区人民医院院长")
        .unwrap()
        .iter()
        .map(|t| t.person.to_string())
        .collect();
    assert_eq!(history, vec!["李忠华", "赵中华"]);
}

#[test]
fn vacancy_chains_read_the_corrected_moves() {
    let mut l = Ledger::new();
    let office = Post::new("某区新旧动能转换办公室", "主任");
    let works = Post::new("某区市政工程服务中心", "主任");
    l.record(
        Notice::new("某政任〔2022〕5号", d(5, 23))
            .appoint(Person::new("王左裔"), office.clone())
            .appoint(Person::new("赵海明"), works.clone())
            .remove(Person::new("王东"), office.clone())
            .remove(Person::new("王左裔"), works.clone()),
    )
    .unwrap();
    // The second appointment was of 赵海民, not 赵海明.
    l.record_correction(Correction::new("某政任〔2022〕6号", d(6, 1)).amend(
        Target::notice("某政任〔2022〕5号").clause(2),
        Action::correct().person(Person::new("赵海民")),
    ))
    .unwrap();
    let chains: Vec<String> = l
        .vacancy_chains("某政任〔2022〕5号")
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        chains,
        vec![
            "王东 leaves → 某区新旧动能转换办公室主任 ← 王左裔, leaving 某区市政工程服务中心主任 ← 赵海民 (from outside)"
        ]
    );
}
