//! Correction notices read from text: what each rescinds or corrects, and
//! a clear diagnostic where the text does not say.

use appointment_ledger::{Action, EventKind, Parser, Person, Post, Target};

const CORRECTIONS: &str = include_str!("../examples/data/huaiyin-corrections-2022.txt");
const N5: &str = "济槐政任〔2022〕5号";

#[test]
fn the_correcting_notices_are_read_exactly() {
    let found = Parser::new()
        .file("huaiyin-corrections-2022.txt")
        .strict(true)
        .parse_corrections(CORRECTIONS)
        .unwrap();
    assert_eq!(found.len(), 2);
    let eight = &found[0].correction;
    assert_eq!(eight.number, "济槐政任〔2022〕8号");
    assert_eq!(eight.issuer, "济南市槐荫区人民政府");
    assert_eq!(eight.signed.to_string(), "2022-06-20");
    assert_eq!(found[0].line, 3);
    let amendments: Vec<(Target, Action, u32)> = eight
        .amendments
        .iter()
        .map(|a| (a.target.clone(), a.action.clone(), a.provenance.clause))
        .collect();
    assert_eq!(
        amendments,
        vec![
            (
                Target::notice(N5)
                    .person(Person::new("赵中华"))
                    .post(Post::new("济南市槐荫区人民医院", "院长"))
                    .kind(EventKind::Appoint),
                Action::correct().post(Post::new("济南市槐荫区人民医院", "副院长")),
                1
            ),
            (
                Target::notice(N5).person(Person::new("李宁")),
                Action::correct()
                    .effective(appointment_ledger::NaiveDate::from_ymd_opt(2022, 5, 20).unwrap()),
                2
            ),
        ]
    );
    assert_eq!(eight.amendments[1].provenance.line, Some(9));
    let nine = &found[1].correction;
    assert_eq!(nine.number, "济槐政任〔2022〕9号");
    assert_eq!(
        nine.amendments[0].target,
        Target::notice(N5)
            .person(Person::new("陈建防"))
            .post(Post::new("济南市槐荫区人民防空办公室", "主任"))
            .kind(EventKind::Appoint)
    );
    assert_eq!(nine.amendments[0].action, Action::Retract);
    // They are no notices of appointments.
    assert!(
        Parser::new()
            .strict(true)
            .parse(CORRECTIONS)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_whole_notice_rescinded() {
    let text = "\
某县人民政府关于撤销某政任〔2021〕12号文件的通知
某政任〔2021〕15号
经研究，决定撤销《某县人民政府关于任免张三等同志职务的通知》（某政任〔2021〕12号）。
某县人民政府
二〇二一年十一月三日
";
    let found = Parser::new().strict(true).parse_corrections(text).unwrap();
    assert_eq!(found.len(), 1);
    let c = &found[0].correction;
    assert_eq!(c.number, "某政任〔2021〕15号");
    assert_eq!(c.signed.to_string(), "2021-11-03");
    assert_eq!(c.amendments.len(), 1);
    assert_eq!(c.amendments[0].target, Target::notice("某政任〔2021〕12号"));
    assert_eq!(c.amendments[0].action, Action::Retract);
}

#[test]
fn a_rescinded_dismissal_and_a_bracketed_number() {
    let text = "\
某市人民政府关于撤销对李四同志免职决定的通知
某政发[2023]4号
决定撤销某政任[2023]2号文件中对李四同志的免职。
某市人民政府
2023年2月1日
";
    let c = &Parser::new().strict(true).parse_corrections(text).unwrap()[0].correction;
    assert_eq!(
        c.amendments[0].target,
        Target::notice("某政任[2023]2号")
            .person(Person::new("李四"))
            .kind(EventKind::Remove)
    );
}

#[test]
fn a_correction_that_names_no_notice_is_a_diagnostic() {
    let text = "\
某县人民政府关于撤销有关任职的通知
某政任〔2022〕3号
经研究，决定撤销有关同志的任职。
某县人民政府
2022年3月1日
";
    let err = Parser::new()
        .file("c.txt")
        .strict(true)
        .parse_corrections(text)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "c.txt: line 3: clause `经研究，决定撤销有关同志的任职`: names no notice it corrects (no number such as 〔2022〕6号)"
    );
    let lenient = Parser::new().file("c.txt").parse_corrections(text).unwrap();
    assert!(lenient.is_empty());
    // The appointment parser passes the notice over, without complaint.
    assert!(Parser::new().strict(true).parse(text).unwrap().is_empty());
}

#[test]
fn unreadable_corrected_text_says_so() {
    let text = "\
某县人民政府关于更正某政任〔2022〕6号文件的通知
某政任〔2022〕7号
将某政任〔2022〕6号文件中“张三为”更正为“张三为某县财政局局长”。
某县人民政府
2022年3月1日
";
    let err = Parser::new()
        .strict(true)
        .parse_corrections(text)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3: clause `将某政任〔2022〕6号文件中“张三为”更正为“张三为某县财政局局长”`: cannot read 「张三为」 and 「张三为某县财政局局长」 as appointments or removals"
    );
}

fn amendments(body: &str) -> Vec<(Target, Action)> {
    let text = format!(
        "某县人民政府关于更正某政任〔2022〕6号文件的通知\n某政任〔2022〕9号\n{body}\n某县人民政府\n2022年7月1日\n"
    );
    Parser::new()
        .strict(true)
        .parse_corrections(&text)
        .unwrap()
        .remove(0)
        .correction
        .amendments
        .into_iter()
        .map(|a| (a.target, a.action))
        .collect()
}

const N6: &str = "某政任〔2022〕6号";

#[test]
fn a_preamble_rescinds_nothing_and_each_correction_is_read() {
    let found = amendments(
        "因工作失误，《某县人民政府关于任免张三等同志职务的通知》（某政任〔2022〕6号）中存在错误，现更正如下：\n\
         一、将“张三为某县财政局局长”更正为“张三为某县税务局副局长”；\n\
         二、将“李明”更正为“李鸣”；\n\
         三、将赵中华的任职时间更正为2022年5月1日。",
    );
    assert_eq!(
        found,
        vec![
            (
                Target::notice(N6)
                    .person(Person::new("张三"))
                    .post(Post::new("某县财政局", "局长"))
                    .kind(EventKind::Appoint),
                Action::correct().post(Post::new("某县税务局", "副局长"))
            ),
            (
                Target::notice(N6).person(Person::new("李明")),
                Action::correct().person(Person::new("李鸣"))
            ),
            (
                Target::notice(N6).person(Person::new("赵中华")),
                Action::correct()
                    .effective(appointment_ledger::NaiveDate::from_ymd_opt(2022, 5, 1).unwrap())
            ),
        ]
    );
}

#[test]
fn a_rescinded_decision_names_its_person_even_with_zhong_in_the_name() {
    assert_eq!(
        amendments(
            "决定撤销《某县人民政府关于任免张三等同志职务的通知》（某政任〔2022〕6号）中赵中华同志任某县人民医院副院长职务的决定。"
        ),
        vec![(
            Target::notice(N6)
                .person(Person::new("赵中华"))
                .post(Post::new("某县人民医院", "副院长"))
                .kind(EventKind::Appoint),
            Action::Retract
        )]
    );
    assert_eq!(
        amendments("撤销某政任〔2022〕6号文件中赵中华任某县人民医院副院长的任命。"),
        vec![(
            Target::notice(N6)
                .person(Person::new("赵中华"))
                .post(Post::new("某县人民医院", "副院长"))
                .kind(EventKind::Appoint),
            Action::Retract
        )]
    );
}

#[test]
fn should_be_corrects_flags() {
    assert_eq!(
        amendments(
            "某政任〔2022〕6号中“孙七为某县统计局局长（试用期一年）”应为“孙七为某县统计局局长”，特此更正。"
        ),
        vec![(
            Target::notice(N6)
                .person(Person::new("孙七"))
                .post(Post::new("某县统计局", "局长"))
                .kind(EventKind::Appoint),
            Action::correct().flags(appointment_ledger::Flags::NONE)
        )]
    );
}

#[test]
fn a_rescission_that_names_something_unreadable_is_a_diagnostic() {
    let text = "某县人民政府关于撤销有关任职的通知\n某政任〔2022〕9号\n决定撤销某政任〔2022〕6号文件中有关人员的调整。\n某县人民政府\n2022年7月1日\n";
    let err = Parser::new()
        .strict(true)
        .parse_corrections(text)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3: clause `决定撤销某政任〔2022〕6号文件中有关人员的调整`: cannot tell what it rescinds in 「文件中有关人员的调整」"
    );
}
