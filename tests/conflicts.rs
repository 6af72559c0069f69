//! The conflict checker: given recorded notices, when another is recorded,
//! then exactly these findings.

mod common;

use appointment_ledger::{
    Closing, Error, Finding, FindingKind, Ledger, Notice, Opening, Parser, Person, Post, Severity,
};
use common::{day, notice4, notice5};

const GAZETTE: &str = include_str!("../examples/data/huaiyin-gazette-2022.txt");
const NOTICE_6: &str = include_str!("../examples/data/huaiyin-notice-6-conflicts.txt");

/// A ledger with `notices` recorded (given), ready for `when`.
struct Given {
    ledger: Ledger,
}

fn given(notices: &[Notice]) -> Given {
    given_mode(notices, false)
}

fn given_mode(notices: &[Notice], strict: bool) -> Given {
    let mut ledger = Ledger::builder().strict(strict).in_memory();
    for n in notices {
        ledger.record(n.clone()).unwrap();
    }
    Given { ledger }
}

impl Given {
    /// Records `notice`; the findings it added are then compared.
    fn when(mut self, notice: Notice) -> Then {
        let findings = self.ledger.record(notice).unwrap().findings;
        Then {
            ledger: self.ledger,
            findings,
        }
    }
}

struct Then {
    ledger: Ledger,
    findings: Vec<Finding>,
}

impl Then {
    /// The new findings, as (kind, [cited notice and clause]).
    fn then_findings(self, expected: &[(FindingKind, &[(&str, u32)])]) -> Ledger {
        let got: Vec<(FindingKind, Vec<(String, u32)>)> = self
            .findings
            .iter()
            .map(|f| {
                (
                    f.kind,
                    f.events
                        .iter()
                        .map(|c| (c.notice.clone(), c.clause))
                        .collect(),
                )
            })
            .collect();
        let expected: Vec<(FindingKind, Vec<(String, u32)>)> = expected
            .iter()
            .map(|(k, cited)| {
                (
                    *k,
                    cited.iter().map(|(n, c)| ((*n).to_owned(), *c)).collect(),
                )
            })
            .collect();
        assert_eq!(got, expected);
        self.ledger
    }
}

const N4: &str = "济槐政任〔2022〕4号";
const N5: &str = "济槐政任〔2022〕5号";
const N6: &str = "济槐政任〔2022〕6号";

fn notice6() -> Notice {
    Parser::new()
        .strict(true)
        .parse(NOTICE_6)
        .unwrap()
        .remove(0)
        .notice
}

fn replayed_text() -> Ledger {
    let mut ledger = Ledger::new();
    for parsed in Parser::new().strict(true).parse(GAZETTE).unwrap() {
        ledger.record(parsed.notice).unwrap();
    }
    ledger
}

#[test]
fn notices_4_and_5_are_consistent_but_for_the_hospital_spelling() {
    for ledger in [given(&[notice4(), notice5()]).ledger, replayed_text()] {
        let findings = ledger.findings();
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let alias = findings[0];
        assert_eq!(alias.kind, FindingKind::ProbableAlias);
        assert_eq!(alias.severity, Severity::Suggestion);
        assert!(
            alias.message.starts_with("济南市槐荫区人民医院 and 济南市槐荫人民医院 differ only by 「区」: probably one organisation"),
            "{}",
            alias.message
        );
        assert_eq!(ledger.recheck(), vec![alias.clone()]);
    }
}

#[test]
fn the_hospital_cites_both_clauses_from_the_text() {
    let ledger = replayed_text();
    let alias = ledger.findings()[0];
    let cited: Vec<(&str, u32, &str)> = alias
        .events
        .iter()
        .map(|c| (c.notice.as_str(), c.clause, c.text.as_str()))
        .collect();
    assert_eq!(
        cited,
        vec![
            (N5, 7, "赵中华为济南市槐荫区人民医院院长"),
            (N5, 36, "李忠华的济南市槐荫人民医院院长职务"),
        ]
    );
}

#[test]
fn declaring_the_alias_makes_a_normal_succession() {
    let mut ledger = given(&[notice4(), notice5()]).ledger;
    let declared = ledger
        .declare_alias("济南市槐荫人民医院", "济南市槐荫区人民医院")
        .unwrap();
    assert_eq!(declared.seq, 3);
    assert!(declared.findings.is_empty());
    assert!(ledger.findings().is_empty());
    let history: Vec<String> = ledger
        .history("济南市槐荫区人民医院院长")
        .unwrap()
        .iter()
        .map(|t| t.to_string())
        .collect();
    assert_eq!(
        history,
        vec![
            "李忠华, start unknown, until 2022-05-23",
            "赵中华, since 2022-05-23"
        ]
    );
    // The other spelling finds the same post.
    assert_eq!(
        ledger.find_post("济南市槐荫人民医院院长").unwrap(),
        ledger.find_post("济南市槐荫区人民医院院长").unwrap()
    );
    // The fold of the log, declaration included, is the same ledger.
    assert!(Ledger::from_log(ledger.log().to_vec()).unwrap() == ledger);
}

#[test]
fn the_third_notice_yields_exactly_its_planted_findings() {
    let ledger = given(&[notice4(), notice5()])
        .when(notice6())
        .then_findings(&[
            (FindingKind::SeatNotVacated, &[(N6, 1), (N4, 3)]),
            (FindingKind::AlreadyHolding, &[(N6, 2), (N4, 1)]),
            (FindingKind::SecondPrincipalPost, &[(N6, 3), (N5, 35)]),
            (FindingKind::RepeatedEvent, &[(N6, 5), (N6, 4)]),
            (FindingKind::RemovingNonHolder, &[(N6, 6), (N4, 4)]),
            (FindingKind::EndsBeforeStart, &[(N6, 7), (N5, 7)]),
        ]);
    assert_eq!(ledger.findings_for_notice(N6).len(), 6);
    assert_eq!(ledger.findings().len(), 7);
    let recheck = ledger.recheck();
    let kept: Vec<Finding> = ledger.findings().into_iter().cloned().collect();
    assert_eq!(recheck, kept);
}

#[test]
fn findings_read_as_a_clerk_would_say_them() {
    let ledger = given(&[notice4(), notice5()]).ledger;
    let mut ledger = ledger;
    let findings = ledger.record(notice6()).unwrap().findings;
    let messages: Vec<String> = findings.iter().map(|f| f.to_string()).collect();
    assert_eq!(
        messages,
        vec![
            "error: seat not vacated: 济槐政任〔2022〕6号 clause 1 appoints 王五 to 济南市槐荫区综合行政执法局局长, which 尹强 holds since 2022-04-24 (济槐政任〔2022〕4号 clause 3) and was not removed",
            "error: already holding: 济槐政任〔2022〕6号 clause 2 appoints 刘晓菡 to 济南市槐荫区民营经济发展局局长, which 刘晓菡 already holds since 2022-04-24 (济槐政任〔2022〕4号 clause 1)",
            "warning: second principal post: 济槐政任〔2022〕6号 clause 3 appoints 孙小兵 to 济南市槐荫区退役军人事务局局长 while 孙小兵 still holds 济南市槐荫区机关事务服务中心主任 (start unknown), which was not removed",
            "error: repeated event: 济槐政任〔2022〕6号 clause 5 repeats clause 4: appoints 赵六 to 济南市槐荫区园林绿化服务中心副主任",
            "error: removing a non-holder: 济槐政任〔2022〕6号 clause 6 removes 李四 from 济南市槐荫区文物局局长, which the ledger records 岳仁强 holding since 2022-04-24 (济槐政任〔2022〕4号 clause 4)",
            "error: tenure ends before it starts: 济槐政任〔2022〕6号 clause 7 removes 赵中华 from 济南市槐荫区人民医院院长 on 2022-05-01, before the appointment it would end took effect on 2022-05-23 (济槐政任〔2022〕5号 clause 7)",
        ]
    );
    // Queryable by post and by person.
    let by_post = ledger.findings_for_post("济南市槐荫区文物局局长").unwrap();
    assert_eq!(by_post.len(), 1);
    assert_eq!(by_post[0].kind, FindingKind::RemovingNonHolder);
    let by_person: Vec<FindingKind> = ledger
        .findings_for_person("尹强")
        .unwrap()
        .iter()
        .map(|f| f.kind)
        .collect();
    assert_eq!(by_person, vec![FindingKind::SeatNotVacated]);
    let _ = &mut ledger;
}

#[test]
fn strict_mode_refuses_the_third_notice_and_changes_nothing() {
    let mut ledger = given_mode(&[notice4(), notice5()], true).ledger;
    let before = serde_json::to_vec(ledger.log()).unwrap();
    let snapshot = Ledger::from_log(ledger.log().to_vec()).unwrap();
    let err = ledger.record(notice6()).unwrap_err();
    assert!(err.is_refused());
    assert_eq!(err.notice(), Some(N6));
    let kinds: Vec<FindingKind> = err.findings().iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        vec![
            FindingKind::SeatNotVacated,
            FindingKind::AlreadyHolding,
            FindingKind::RepeatedEvent,
            FindingKind::RemovingNonHolder,
            FindingKind::EndsBeforeStart,
        ]
    );
    assert!(err.to_string().starts_with(
        "notice 济槐政任〔2022〕6号 refused in strict mode, it would add 5 error finding(s):\n  error: seat not vacated: "
    ));
    assert_eq!(serde_json::to_vec(ledger.log()).unwrap(), before);
    assert!(ledger == snapshot);
    assert_eq!(ledger.findings().len(), 1);
    // A consistent notice still goes in.
    let ok = Notice::new("济槐政任〔2022〕7号", day(2022, 7, 1))
        .remove(
            Person::new("陈建防"),
            Post::new("济南市槐荫区人民防空办公室", "主任"),
        )
        .appoint(
            Person::new("王五"),
            Post::new("济南市槐荫区人民防空办公室", "主任"),
        );
    assert_eq!(ledger.record(ok).unwrap().seq, 3);
}

#[test]
fn a_warning_does_not_stop_strict_mode() {
    let office = Post::new("某区财政局", "局长");
    let other = Post::new("某区审计局", "局长");
    given_mode(
        &[Notice::new("甲〔2022〕1号", day(2022, 1, 1)).appoint(Person::new("张三"), office)],
        true,
    )
    .when(Notice::new("甲〔2022〕2号", day(2022, 2, 1)).appoint(Person::new("张三"), other))
    .then_findings(&[(
        FindingKind::SecondPrincipalPost,
        &[("甲〔2022〕2号", 1), ("甲〔2022〕1号", 1)],
    )]);
}

#[test]
fn a_swap_inside_one_notice_is_consistent() {
    let a = Post::new("某区财政局", "局长");
    let b = Post::new("某区审计局", "局长");
    given(&[Notice::new("甲〔2022〕1号", day(2022, 1, 1))
        .appoint(Person::new("张三"), a.clone())
        .appoint(Person::new("李四"), b.clone())])
    .when(
        Notice::new("甲〔2022〕2号", day(2022, 3, 1))
            .appoint(Person::new("张三"), b.clone())
            .appoint(Person::new("李四"), a.clone())
            .remove(Person::new("张三"), a)
            .remove(Person::new("李四"), b),
    )
    .then_findings(&[]);
}

#[test]
fn removing_someone_who_already_left() {
    let a = Post::new("某区财政局", "副局长");
    given(&[Notice::new("甲〔2022〕1号", day(2022, 1, 1)).remove(Person::new("张三"), a.clone())])
        .when(Notice::new("甲〔2022〕2号", day(2022, 3, 1)).remove(Person::new("张三"), a))
        .then_findings(&[(
            FindingKind::RemovingNonHolder,
            &[("甲〔2022〕2号", 1), ("甲〔2022〕1号", 1)],
        )]);
}

#[test]
fn a_notice_repeated_under_another_number() {
    let a = Post::new("某区财政局", "局长");
    given(&[Notice::new("甲〔2022〕1号", day(2022, 1, 1)).appoint(Person::new("张三"), a.clone())])
        .when(Notice::new("乙〔2022〕1号", day(2022, 1, 1)).appoint(Person::new("张三"), a))
        .then_findings(&[(
            FindingKind::RepeatedEvent,
            &[("乙〔2022〕1号", 1), ("甲〔2022〕1号", 1)],
        )]);
}

#[test]
fn a_backdated_notice_is_re_examined_where_it_lands() {
    // 王五 is appointed in June; a notice recorded later says 赵六 took the
    // same one-seat post in May and was never removed.
    let post = Post::new("某区财政局", "局长");
    given(&[
        Notice::new("甲〔2022〕2号", day(2022, 6, 1)).appoint(Person::new("王五"), post.clone())
    ])
    .when(
        Notice::new("甲〔2022〕1号", day(2022, 6, 20))
            .effective(day(2022, 5, 1))
            .appoint(Person::new("赵六"), post),
    )
    .then_findings(&[(
        FindingKind::SeatNotVacated,
        &[("甲〔2022〕2号", 1), ("甲〔2022〕1号", 1)],
    )]);
}

#[test]
fn declared_seats_change_what_counts_as_not_vacated() {
    let deputy = Post::new("某区财政局", "副局长");
    let mut ledger = given(&[Notice::new("甲〔2022〕1号", day(2022, 1, 1))
        .appoint(Person::new("张三"), deputy.clone())
        .appoint(Person::new("李四"), deputy.clone())])
    .ledger;
    assert!(ledger.findings().is_empty());
    let declared = ledger
        .declare_seats(deputy, appointment_ledger::Seats::Limit(1))
        .unwrap();
    let kinds: Vec<FindingKind> = declared.findings.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![FindingKind::SeatNotVacated]);
}

#[test]
fn vacancy_chains_of_notice_5() {
    let ledger = replayed_text();
    let chains = ledger.vacancy_chains(N5).unwrap();
    assert_eq!(chains.len(), 32);
    // Every appointment fills one vacancy; every removal opens one.
    assert_eq!(chains.iter().map(|c| c.len()).sum::<usize>(), 22);
    // No post of notice 5 is known empty before it: the chains that no
    // removal opens start at posts of no earlier recorded holder.
    let not_removed = chains
        .iter()
        .filter(|c| matches!(c.opening, Opening::Vacant { .. } | Opening::Unknown))
        .count();
    assert_eq!(not_removed, 6);
    assert!(
        chains
            .iter()
            .all(|c| !matches!(c.opening, Opening::Vacant { .. }))
    );
    assert_eq!(
        chains.iter().map(|c| c.posts.len()).sum::<usize>(),
        33 + not_removed
    );
    let wang_dong: Vec<String> = chains
        .iter()
        .filter(|c| c.opening == Opening::Exit(Person::new("王东")))
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        wang_dong,
        vec![
            "王东 leaves → 济南市槐荫区新旧动能转换综合试验区建设办公室主任 ← 王左裔, leaving 济南市槐荫区市政工程服务中心主任 ← 赵海明 (from outside)",
            "王东 leaves → 济南市槐荫区地方金融监督管理局局长 ← 王左裔 (from 济南市槐荫区市政工程服务中心主任, followed in another chain)",
        ]
    );
    let chen_lan = chains
        .iter()
        .find(|c| c.people.first() == Some(&Person::new("陈岚")))
        .unwrap();
    assert_eq!(chen_lan.opening, Opening::Unknown);
    assert_eq!(chen_lan.closing, Closing::Open);
    assert_eq!(
        chen_lan.posts[1].to_string(),
        "济南市槐荫区人民政府办公室副处级领导干部"
    );
    assert_eq!(
        ledger
            .vacancy_chains_between(day(2022, 5, 1), day(2022, 5, 31))
            .unwrap(),
        chains
    );
    assert_eq!(
        ledger.vacancy_chains("济槐政任〔2022〕9号").unwrap_err(),
        Error::UnknownNotice {
            notice: "济槐政任〔2022〕9号".into()
        }
    );
}

#[test]
fn dot_export_of_a_post_shows_holders_and_moves() {
    let ledger = replayed_text();
    let dot = ledger.dot_post("济南市槐荫区市政工程服务中心主任").unwrap();
    assert_eq!(
        dot,
        "digraph {\n    0 [ label = \"济南市槐荫区市政工程服务中心主任\" ]\n    1 [ label = \"王左裔\" ]\n    2 [ label = \"赵海明\" ]\n    3 [ label = \"济南市槐荫区新旧动能转换综合试验区建设办公室主任\" ]\n    4 [ label = \"济南市槐荫区地方金融监督管理局局长\" ]\n    1 -> 0 [ label = \"unknown (before 2022-05-23) – 2022-05-23\" ]\n    2 -> 0 [ label = \"2022-05-23 – open\" ]\n    0 -> 3 [ label = \"王左裔 moves 2022-05-23\" ]\n    0 -> 4 [ label = \"王左裔 moves 2022-05-23\" ]\n}\n"
    );
}

#[test]
fn a_removal_repeated_in_one_notice_is_one_finding() {
    let a = Post::new("某区财政局", "局长");
    given(&[Notice::new("甲〔2021〕1号", day(2021, 1, 1)).appoint(Person::new("甲甲"), a.clone())])
        .when(
            Notice::new("甲〔2022〕1号", day(2022, 1, 1))
                .remove(Person::new("甲甲"), a.clone())
                .remove(Person::new("甲甲"), a),
        )
        .then_findings(&[(
            FindingKind::RepeatedEvent,
            &[("甲〔2022〕1号", 2), ("甲〔2022〕1号", 1)],
        )]);
}

#[test]
fn confirming_an_acting_holder_is_a_change_of_status() {
    let county = Post::new("某县人民政府", "县长");
    let acting = appointment_ledger::Event::appoint(Person::new("张三"), county.clone())
        .flag(appointment_ledger::Flag::Acting);
    let ledger = given(&[Notice::new("甲〔2022〕1号", day(2022, 1, 1)).event(acting)])
        .when(
            Notice::new("人大〔2022〕1号", day(2022, 3, 1))
                .appoint(Person::new("张三"), county.clone()),
        )
        .then_findings(&[]);
    let history: Vec<String> = ledger
        .history(&county)
        .unwrap()
        .iter()
        .map(|t| t.to_string())
        .collect();
    assert_eq!(
        history,
        vec![
            "张三, since 2022-01-01, until 2022-03-01 (acting)",
            "张三, since 2022-03-01"
        ]
    );
}

#[test]
fn an_id_taken_before_an_alias_names_the_merged_post() {
    let mut ledger = given(&[notice4(), notice5()]).ledger;
    let id = ledger.find_post("济南市槐荫人民医院院长").unwrap();
    ledger
        .declare_alias("济南市槐荫人民医院", "济南市槐荫区人民医院")
        .unwrap();
    assert_eq!(ledger.history(id).unwrap().len(), 2);
    assert_eq!(
        ledger.holders(id, day(2022, 3, 1)).unwrap().to_string(),
        "held by 李忠华, start unknown, until 2022-05-23"
    );
}

#[test]
fn after_an_alias_the_other_spelling_finds_the_post() {
    let mut ledger = given(&[Notice::new("甲〔2022〕1号", day(2022, 1, 1)).remove(
        Person::new("李忠华"),
        Post::new("济南市槐荫人民医院", "院长"),
    )])
    .ledger;
    assert!(ledger.find_post("济南市槐荫区人民医院院长").is_err());
    ledger
        .declare_alias("济南市槐荫人民医院", "济南市槐荫区人民医院")
        .unwrap();
    assert_eq!(
        ledger
            .holders("济南市槐荫区人民医院院长", day(2021, 1, 1))
            .unwrap()
            .to_string(),
        "held by 李忠华, start unknown, until 2022-01-01"
    );
}

#[test]
fn probable_aliases_are_only_jurisdiction_words_or_a_leading_place() {
    let notice = Notice::new("甲〔2022〕1号", day(2022, 1, 1))
        .appoint(
            Person::new("甲一"),
            Post::new("吉林省人民政府办公厅", "主任"),
        )
        .appoint(
            Person::new("甲二"),
            Post::new("吉林市人民政府办公厅", "主任"),
        )
        .appoint(Person::new("甲三"), Post::new("某区城区管理局", "局长"))
        .appoint(Person::new("甲四"), Post::new("某区城市管理局", "局长"))
        .appoint(Person::new("甲五"), Post::new("济南市槐荫区审计局", "局长"))
        .appoint(Person::new("甲六"), Post::new("槐荫区审计局", "副局长"));
    let ledger = given(&[notice]).ledger;
    let messages: Vec<&str> = ledger
        .findings()
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        messages,
        vec![
            "济南市槐荫区审计局 and 槐荫区审计局 differ only by 「济南市」: probably one organisation (written so in 甲〔2022〕1号 clause 5 and 甲〔2022〕1号 clause 6); declare them one with an alias if so"
        ]
    );
}
