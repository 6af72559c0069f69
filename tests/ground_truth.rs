//! DOMAIN.md's ground truth for notices 4 and 5, asserted row by row on
//! notices built as events in code.

mod common;

use appointment_ledger::{End, Flag, Flags, Holding, Ledger, Start, Tenure};
use common::{day, notice4, notice5};

fn ledger() -> Ledger {
    let mut ledger = Ledger::new();
    assert_eq!(ledger.record(notice4()).unwrap().seq, 1);
    assert_eq!(ledger.record(notice5()).unwrap().seq, 2);
    ledger
}

/// (person, post, start, end) of each tenure, for exact comparison.
fn summary(tenures: &[Tenure<'_>]) -> Vec<(String, String, Start, End)> {
    tenures
        .iter()
        .map(|t| (t.person.to_string(), t.post.to_string(), t.start, t.end))
        .collect()
}

const AIR: &str = "济南市槐荫区人民防空办公室主任";

#[test]
fn the_notices_hold_61_events() {
    let (n4, n5) = (notice4(), notice5());
    assert_eq!(n4.events.len(), 6);
    let appointments = n5
        .events
        .iter()
        .filter(|e| e.kind == appointment_ledger::EventKind::Appoint)
        .count();
    assert_eq!((appointments, n5.events.len() - appointments), (22, 33));
}

#[test]
fn civil_air_defence_on_may_1_is_yi_lianbin_concurrently() {
    let ledger = ledger();
    let Holding::Held(t) = ledger.holders(AIR, day(2022, 5, 1)).unwrap() else {
        panic!("not held")
    };
    assert_eq!(
        summary(&t),
        vec![(
            "衣连斌".into(),
            AIR.into(),
            Start::On(day(2022, 4, 24)),
            End::On(day(2022, 5, 23))
        )]
    );
    assert_eq!(t[0].flags, Flags::from(Flag::Concurrent));
    let by = t[0].appointed_by.unwrap();
    assert_eq!(
        (by.notice(), by.seq(), by.clause()),
        ("济槐政任〔2022〕4号", 1, 2)
    );
    let until = t[0].removed_by.unwrap();
    assert_eq!((until.notice(), until.seq()), ("济槐政任〔2022〕5号", 2));
}

#[test]
fn civil_air_defence_on_june_1_is_chen_jianfang() {
    let ledger = ledger();
    let held = ledger.holders(AIR, day(2022, 6, 1)).unwrap();
    assert_eq!(
        summary(held.holders()),
        vec![(
            "陈建防".into(),
            AIR.into(),
            Start::On(day(2022, 5, 23)),
            End::Open
        )]
    );
    assert!(held.holders()[0].flags.is_empty());
}

#[test]
fn tenures_are_half_open_on_the_day_of_change() {
    let ledger = ledger();
    let held = ledger.holders(AIR, day(2022, 5, 23)).unwrap();
    assert_eq!(summary(held.holders())[0].0, "陈建防");
    assert_eq!(held.holders().len(), 1);
    let held = ledger.holders(AIR, day(2022, 5, 22)).unwrap();
    assert_eq!(summary(held.holders())[0].0, "衣连斌");
}

#[test]
fn civil_air_defence_on_april_1_is_unknown() {
    assert_eq!(
        ledger().holders(AIR, day(2022, 4, 1)).unwrap(),
        Holding::Unknown
    );
}

#[test]
fn government_services_office_passes_from_zhang_jie_to_fu_qiang() {
    let ledger = ledger();
    let post = "济南市槐荫区政务服务管理办公室主任";
    let may = ledger.holders(post, day(2022, 5, 1)).unwrap();
    let june = ledger.holders(post, day(2022, 6, 1)).unwrap();
    assert_eq!(summary(may.holders())[0].0, "张杰");
    assert_eq!(may.holders().len(), 1);
    assert_eq!(summary(june.holders())[0].0, "付强");
    assert_eq!(june.holders().len(), 1);
}

#[test]
fn gardens_centre_is_yin_qiang_with_start_unknown() {
    let ledger = ledger();
    let post = "济南市槐荫区园林绿化服务中心主任";
    let held = ledger.holders(post, day(2022, 5, 1)).unwrap();
    assert_eq!(
        summary(held.holders()),
        vec![(
            "尹强".into(),
            post.into(),
            Start::Unknown {
                after: None,
                before: day(2022, 5, 23)
            },
            End::On(day(2022, 5, 23))
        )]
    );
    assert!(held.holders()[0].appointed_by.is_none());
}

#[test]
fn wuligou_office_is_vacant_after_li_fuxin() {
    let ledger = ledger();
    let post = "济南市槐荫区人民政府五里沟街道办事处主任";
    let Holding::Vacant { since, last } = ledger.holders(post, day(2022, 6, 1)).unwrap() else {
        panic!("not vacant")
    };
    assert_eq!(since, day(2022, 5, 23));
    assert_eq!(summary(&last)[0].0, "李福新");
    assert_eq!(last.len(), 1);
}

#[test]
fn yin_qiang_on_may_1_holds_two_posts() {
    let ledger = ledger();
    let posts = ledger.posts_of("尹 强", day(2022, 5, 1)).unwrap();
    let mut got: Vec<(String, Flags)> = posts
        .iter()
        .map(|t| (t.post.to_string(), t.flags))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            ("济南市槐荫区园林绿化服务中心主任".into(), Flags::NONE),
            (
                "济南市槐荫区综合行政执法局局长".into(),
                Flags::from(Flag::Concurrent)
            ),
        ]
    );
}

#[test]
fn li_ning_moves_from_deputy_director_to_subdistrict_head() {
    let ledger = ledger();
    let may: Vec<String> = ledger
        .posts_of("李宁", day(2022, 5, 1))
        .unwrap()
        .iter()
        .map(|t| t.post.to_string())
        .collect();
    let june: Vec<String> = ledger
        .posts_of("李宁", day(2022, 6, 1))
        .unwrap()
        .iter()
        .map(|t| t.post.to_string())
        .collect();
    assert_eq!(may, vec!["济南市槐荫区人力资源和社会保障局副局长"]);
    assert_eq!(june, vec!["济南市槐荫区人民政府青年公园街道办事处主任"]);
}

#[test]
fn a_post_is_found_under_either_name_of_its_organisation() {
    let ledger = ledger();
    let full = ledger
        .find_post("济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）主任")
        .unwrap();
    assert_eq!(
        ledger.find_post("济南市槐荫区大数据中心主任").unwrap(),
        full
    );
    assert_eq!(
        ledger
            .find_post("济南市槐荫区12345市民服务热线运行中心主任")
            .unwrap(),
        full
    );
}

#[test]
fn history_and_career_are_in_date_order() {
    let ledger = ledger();
    let history = ledger.history(AIR).unwrap();
    assert_eq!(
        summary(&history)
            .into_iter()
            .map(|t| t.0)
            .collect::<Vec<_>>(),
        vec!["衣连斌", "陈建防"]
    );
    let career = ledger.career("陈建防").unwrap();
    assert_eq!(
        summary(&career),
        vec![
            (
                "陈建防".into(),
                "济南槐荫城市建设投资集团有限公司董事长".into(),
                Start::Unknown {
                    after: None,
                    before: day(2022, 5, 23)
                },
                End::On(day(2022, 5, 23))
            ),
            (
                "陈建防".into(),
                "济南槐荫城市建设投资集团有限公司总经理".into(),
                Start::Unknown {
                    after: None,
                    before: day(2022, 5, 23)
                },
                End::On(day(2022, 5, 23))
            ),
            (
                "陈建防".into(),
                AIR.into(),
                Start::On(day(2022, 5, 23)),
                End::Open
            ),
        ]
    );
}

#[test]
fn retain_rank_is_carried_to_the_tenure() {
    let ledger = ledger();
    let career = ledger.career("刘凤翔").unwrap();
    assert_eq!(career.len(), 1);
    assert_eq!(career[0].flags, Flags::from(Flag::RetainRank));
}

#[test]
fn the_order_of_recording_does_not_change_the_answers() {
    let mut late = Ledger::new();
    late.record(notice5()).unwrap();
    late.record(notice4()).unwrap();
    let early = ledger();
    // 6 posts in notice 4, 20 more appointed and 15 more vacated in notice 5.
    assert_eq!(early.posts().len(), 41);
    for post in early.posts() {
        for date in [
            day(2022, 4, 1),
            day(2022, 5, 1),
            day(2022, 5, 23),
            day(2022, 6, 1),
        ] {
            let (a, b) = (
                early.holders(post, date).unwrap(),
                late.holders(post, date).unwrap(),
            );
            assert_eq!(
                summary(a.holders()),
                summary(b.holders()),
                "{post} on {date}"
            );
            assert_eq!(
                std::mem::discriminant(&a),
                std::mem::discriminant(&b),
                "{post} on {date}"
            );
        }
    }
}

#[test]
fn answers_read_as_a_clerk_would_say_them() {
    let ledger = ledger();
    let say = |post: &str, date| ledger.holders(post, date).unwrap().to_string();
    assert_eq!(
        say(AIR, day(2022, 5, 1)),
        "held by 衣连斌, since 2022-04-24, until 2022-05-23 (concurrent)"
    );
    assert_eq!(
        say(AIR, day(2022, 6, 1)),
        "held by 陈建防, since 2022-05-23"
    );
    assert_eq!(say(AIR, day(2022, 4, 1)), "unknown");
    assert_eq!(
        say("济南市槐荫区园林绿化服务中心主任", day(2022, 5, 1)),
        "held by 尹强, start unknown, until 2022-05-23"
    );
    assert_eq!(
        say("济南市槐荫区人民政府五里沟街道办事处主任", day(2022, 6, 1)),
        "vacant since 2022-05-23 (李福新 removed)"
    );
}
