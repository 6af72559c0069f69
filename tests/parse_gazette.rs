//! The real gazette issue: exactly notices 4 and 5, with every trap of
//! their text.

use appointment_ledger::{
    Event, EventKind, Flag, NaiveDate, ParsedNotice, Parser, Post, parse_notices,
};

const GAZETTE: &str = include_str!("../examples/data/huaiyin-gazette-2022.txt");

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, m, d).unwrap()
}

fn notices() -> Vec<ParsedNotice> {
    parse_notices(GAZETTE).unwrap()
}

fn events_of<'a>(n: &'a ParsedNotice, name: &str) -> Vec<&'a Event> {
    n.notice
        .events
        .iter()
        .filter(|e| e.person.name() == name)
        .collect()
}

fn count(n: &ParsedNotice, kind: EventKind) -> usize {
    n.notice.events.iter().filter(|e| e.kind == kind).count()
}

#[test]
fn exactly_two_notices_and_no_diagnostics() {
    let ns = notices();
    assert_eq!(ns.len(), 2);
    assert_eq!(ns[0].notice.number, "济槐政任〔2022〕4号");
    assert_eq!(ns[1].notice.number, "济槐政任〔2022〕5号");
    assert_eq!(ns[0].line, 610);
    assert_eq!(ns[1].line, 634);
    assert!(ns.iter().all(|n| n.skipped.is_empty()));
}

#[test]
fn notice_4_dates_issuer_and_concurrent_appointments() {
    let n = &notices()[0];
    assert_eq!(n.notice.issuer, "济南市槐荫区人民政府");
    assert_eq!(
        n.notice.title,
        "济南市槐荫区人民政府关于任命刘晓菡等工作人员职务的通知"
    );
    assert_eq!(n.notice.signed, day(4, 24));
    assert_eq!(n.notice.effective, day(4, 24));
    assert_eq!(n.notice.issued, Some(day(4, 24)));
    assert_eq!(count(n, EventKind::Appoint), 6);
    assert_eq!(count(n, EventKind::Remove), 0);
    assert!(
        n.notice
            .events
            .iter()
            .all(|e| e.flags.contains(Flag::Concurrent))
    );
    assert!(n.notice.events.iter().all(|e| e.flags.iter().count() == 1));
}

#[test]
fn notice_5_dates_and_counts() {
    let n = &notices()[1];
    assert_eq!(n.notice.issuer, "济南市槐荫区人民政府");
    assert_eq!(n.notice.signed, day(5, 23));
    assert_eq!(n.notice.effective, day(5, 23));
    assert_eq!(n.notice.issued, Some(day(5, 23)));
    assert_eq!(count(n, EventKind::Appoint), 22);
    assert_eq!(count(n, EventKind::Remove), 33);
    // 21 appointment clauses then 30 removal clauses.
    assert_eq!(n.notice.events.last().unwrap().provenance.clause, 51);
}

#[test]
fn padded_two_character_names() {
    let ns = notices();
    let yin = events_of(&ns[0], "尹强");
    assert_eq!(yin.len(), 1);
    assert_eq!(yin[0].post, Post::new("济南市槐荫区综合行政执法局", "局长"));
    let zhang = events_of(&ns[0], "张杰");
    assert_eq!(
        zhang[0].post,
        Post::new("济南市槐荫区政务服务管理办公室", "主任")
    );
    let yin = events_of(&ns[1], "尹强");
    assert_eq!(yin[0].kind, EventKind::Remove);
    assert_eq!(
        yin[0].post,
        Post::new("济南市槐荫区园林绿化服务中心", "主任")
    );
    assert!(events_of(&ns[1], "张杰")[0].kind == EventKind::Remove);
}

#[test]
fn guan_li_is_a_person() {
    let ns = notices();
    let e = events_of(&ns[1], "管理");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].kind, EventKind::Remove);
    assert_eq!(
        e[0].post,
        Post::new("济南市槐荫区人民政府西市场街道办事处", "主任")
    );
    assert_eq!(
        &*e[0].provenance.text,
        "管 理的济南市槐荫区人民政府西市场街道办事处主任职务"
    );
    assert_eq!(e[0].provenance.line, Some(726));
}

#[test]
fn wang_zuoyi_two_posts_in_one_clause() {
    let ns = notices();
    let e = events_of(&ns[1], "王左裔");
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].kind, EventKind::Appoint);
    assert_eq!(
        e[0].post,
        Post::new("济南市槐荫区新旧动能转换综合试验区建设办公室", "主任")
    );
    assert_eq!(
        e[1].post,
        Post::new("济南市槐荫区地方金融监督管理局", "局长")
    );
    assert_eq!(e[0].provenance.clause, e[1].provenance.clause);
    assert_eq!(e[0].provenance.clause, 3);
    assert_eq!(e[0].provenance.line, Some(644));
    assert_eq!(e[2].kind, EventKind::Remove);
    assert_eq!(e[2].post, Post::new("济南市槐荫区市政工程服务中心", "主任"));
}

#[test]
fn chen_jianfang_chairman_and_general_manager_of_one_company() {
    let ns = notices();
    let removals: Vec<_> = events_of(&ns[1], "陈建防")
        .into_iter()
        .filter(|e| e.kind == EventKind::Remove)
        .collect();
    assert_eq!(removals.len(), 2);
    assert_eq!(
        removals[0].post,
        Post::new("济南槐荫城市建设投资集团有限公司", "董事长")
    );
    assert_eq!(
        removals[1].post,
        Post::new("济南槐荫城市建设投资集团有限公司", "总经理")
    );
    assert_eq!(removals[0].provenance.line, Some(718));
}

#[test]
fn parenthesised_second_name_kept_as_written() {
    let ns = notices();
    let e = events_of(&ns[1], "陈岚");
    assert_eq!(e[0].kind, EventKind::Appoint);
    assert_eq!(
        e[0].post.organisation(),
        "济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）"
    );
    assert_eq!(e[0].post.title(), "主任");
    assert_eq!(
        e[1].post,
        Post::new("济南市槐荫区人民政府办公室", "副处级领导干部")
    );
    let zhang = events_of(&ns[1], "张军胜");
    assert_eq!(zhang.len(), 2);
    assert_eq!(zhang[0].post, Post::new("济南市槐荫区财政局", "副局长"));
    assert_eq!(
        zhang[1].post,
        Post::new(
            "济南市槐荫区政府与社会资本合作服务中心（济南市槐荫区财政预算绩效评价中心）",
            "主任"
        )
    );
}

#[test]
fn yue_renqiang_two_concurrent_posts() {
    let ns = notices();
    let e = events_of(&ns[0], "岳仁强");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].post, Post::new("济南市槐荫区新闻出版局", "局长"));
    assert_eq!(e[1].post, Post::new("济南市槐荫区文物局", "局长"));
    assert!(e.iter().all(|e| e.flags.contains(Flag::Concurrent)));
    assert_eq!(e[0].provenance.clause, 4);
    assert_eq!(e[0].provenance.line, Some(622));
}

#[test]
fn retain_rank_on_two_removals_only() {
    let ns = notices();
    let kept: Vec<&str> = ns[1]
        .notice
        .events
        .iter()
        .filter(|e| e.flags.contains(Flag::RetainRank))
        .map(|e| e.person.name())
        .collect();
    assert_eq!(kept, ["刘凤翔", "孙晓斌"]);
    let liu = events_of(&ns[1], "刘凤翔");
    assert_eq!(
        liu[0].post,
        Post::new("济南市槐荫区人民政府段店北路街道办事处", "主任")
    );
    assert!(
        ns[1]
            .notice
            .events
            .iter()
            .all(|e| !e.flags.contains(Flag::Concurrent))
    );
}

#[test]
fn hospital_spelled_as_written() {
    let ns = notices();
    assert_eq!(
        events_of(&ns[1], "赵中华")[0].post,
        Post::new("济南市槐荫区人民医院", "院长")
    );
    let li = events_of(&ns[1], "李忠华");
    assert_eq!(li[0].kind, EventKind::Remove);
    assert_eq!(li[0].post, Post::new("济南市槐荫人民医院", "院长"));
}

#[test]
fn last_clauses_end_in_full_stops() {
    let ns = notices();
    let last4 = ns[0].notice.events.last().unwrap();
    assert_eq!(last4.person.name(), "张杰");
    assert_eq!(
        &*last4.provenance.text,
        "张 杰为济南市槐荫区政务服务管理办公室主任（兼）"
    );
    assert_eq!(last4.provenance.line, Some(624));
    let last5 = ns[1].notice.events.last().unwrap();
    assert_eq!(last5.person.name(), "孙晓斌");
    assert_eq!(last5.provenance.line, Some(729));
    let wu = events_of(&ns[1], "吴永涛");
    assert_eq!(
        wu[0].post,
        Post::new("济南市槐荫区人民政府腊山街道办事处", "主任")
    );
    assert_eq!(wu[0].provenance.line, Some(677));
    // The first event of notice 5 and its clause index.
    let first = &ns[1].notice.events[0];
    assert_eq!(first.person.name(), "周燕");
    assert_eq!(first.provenance.clause, 1);
    assert_eq!(first.provenance.line, Some(640));
}

#[test]
fn strict_mode_succeeds_and_agrees() {
    let strict = Parser::new()
        .file("huaiyin-gazette-2022.txt")
        .strict(true)
        .parse(GAZETTE)
        .unwrap();
    assert_eq!(strict, notices());
}
