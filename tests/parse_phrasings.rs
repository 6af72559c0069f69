//! Short notices in the style of real ones, one per genre, each with the
//! exact events and dates the parser must produce.

use appointment_ledger::{
    Error, EventKind, Flag, Flags, NaiveDate, ParsedNotice, Parser, Post, parse_notices,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (kind, person, organisation, title, flags) of every event.
fn events(n: &ParsedNotice) -> Vec<(EventKind, String, String, String, String)> {
    n.notice
        .events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.person.name().to_owned(),
                e.post.organisation().to_owned(),
                e.post.title().to_owned(),
                e.flags.to_string(),
            )
        })
        .collect()
}

fn ev(
    kind: EventKind,
    person: &str,
    org: &str,
    title: &str,
    flags: &str,
) -> (EventKind, String, String, String, String) {
    (kind, person.into(), org.into(), title.into(), flags.into())
}

use EventKind::{Appoint as A, Remove as R};

fn strict(text: &str) -> Vec<ParsedNotice> {
    Parser::new()
        .file("t.txt")
        .strict(true)
        .parse(text)
        .unwrap()
}

#[test]
fn state_council_list() {
    let text = "\
国务院关于任免国家工作人员的通知

国人字〔2021〕12号

决定：
任命张伟为教育部副部长；
任命李红（女）为国家发展和改革委员会副主任；
免去王刚的水利部副部长职务；
免去赵强、钱明的财政部副部长职务。

国务院
二〇二一年三月十二日
";
    let ns = strict(text);
    assert_eq!(ns.len(), 1);
    let n = &ns[0];
    assert_eq!(n.notice.number, "国人字〔2021〕12号");
    assert_eq!(n.line, 3);
    assert_eq!(n.notice.issuer, "国务院");
    assert_eq!(n.notice.signed, day(2021, 3, 12));
    assert_eq!(n.notice.effective, day(2021, 3, 12));
    assert_eq!(n.notice.issued, None);
    assert_eq!(
        events(n),
        vec![
            ev(A, "张伟", "教育部", "副部长", ""),
            ev(A, "李红", "国家发展和改革委员会", "副主任", ""),
            ev(R, "王刚", "水利部", "副部长", ""),
            ev(R, "赵强", "财政部", "副部长", ""),
            ev(R, "钱明", "财政部", "副部长", ""),
        ]
    );
    assert_eq!(n.notice.events[4].provenance.clause, 4);
    assert_eq!(
        &*n.notice.events[4].provenance.text,
        "免去赵强、钱明的财政部副部长职务"
    );
    assert_eq!(n.notice.events[4].provenance.line, Some(9));
}

#[test]
fn peoples_congress_accepts_a_resignation() {
    let text = "\
某市人民代表大会常务委员会关于接受孙立同志辞去某市人民政府市长职务的请求的决定
（2021年1月8日某市第十六届人民代表大会常务委员会第三十次会议通过）

某市第十六届人民代表大会常务委员会第三十次会议决定：接受孙立同志辞去某市人民政府市长职务的请求。
";
    let ns = strict(text);
    assert_eq!(ns.len(), 1);
    let n = &ns[0];
    // No number line: the title and the date stand for the number (the
    // same title recurs session after session).
    assert_eq!(n.notice.number, format!("{}（2021-01-08）", n.notice.title));
    assert_eq!(n.line, 1);
    assert_eq!(n.notice.signed, day(2021, 1, 8));
    assert_eq!(events(n), vec![ev(R, "孙立", "某市人民政府", "市长", "")]);
    assert_eq!(n.notice.events[0].provenance.line, Some(4));
}

#[test]
fn enterprise_hires_and_dismisses() {
    let text = "\
某某集团有限公司关于聘任和解聘高级管理人员的公告
某集团人〔2021〕7号
经研究决定：
聘任：
刘洋为某某集团有限公司副总经理，试用期一年；
陈静为某某集团有限公司财务总监（试用期一年）。
解聘：
周斌的某某集团有限公司副总经理职务。
聘任吴敏为某某集团有限公司董事会秘书，解聘其某某集团有限公司总经理助理职务。
特此公告。
某某集团有限公司
2021年6月30日
";
    let n = &strict(text)[0];
    assert_eq!(n.notice.issuer, "某某集团有限公司");
    assert_eq!(n.notice.signed, day(2021, 6, 30));
    let org = "某某集团有限公司";
    assert_eq!(
        events(n),
        vec![
            ev(A, "刘洋", org, "副总经理", "probation"),
            ev(A, "陈静", org, "财务总监", "probation"),
            ev(R, "周斌", org, "副总经理", ""),
            ev(A, "吴敏", org, "董事会秘书", ""),
            ev(R, "吴敏", org, "总经理助理", ""),
        ]
    );
    // Two events of one clause share its index.
    assert_eq!(n.notice.events[3].provenance.clause, 4);
    assert_eq!(n.notice.events[4].provenance.clause, 4);
}

const COUNTY: &str = "\
某县人民政府关于王明等同志职务任免的通知
某政任[2021]12号
各乡镇人民政府，县政府各部门：
经研究决定：
王明为某县发展和改革局局长，试用期一年；
李娜（女）同志为某县教育和体育局副局长；
赵刚挂职任某县商务局副局长；
孙伟为某县文化和旅游局局长（挂职）；
钱进为某县卫生健康局代理局长；
吴昊代理某县审计局局长；
郑成为某县自然资源局代局长；
冯涛兼任某县应急管理局局长；
陈亮任某县统计局局长；
免去刘军的某县交通运输局局长职务（另有任用）；
杨帆同志不再担任某县水利局局长职务；
何平因退休，免去其某县林业局局长职务；
任命许可为某县市场监督管理局局长，免去其某县市场监督管理局副局长职务；
吕强在某县城市建设投资有限公司副总经理试用期内考核不合格，终止其试用期；
终止马丽的某县旅游开发有限公司副总经理试用期。
以上同志任职时间自2021年6月1日起计算。
某县人民政府
二○二一年五月二十日
（二○二一年五月二十一日印发）
";

#[test]
fn county_notice_with_every_marker() {
    let n = &strict(COUNTY)[0];
    assert_eq!(n.notice.number, "某政任[2021]12号");
    assert_eq!(n.notice.signed, day(2021, 5, 20));
    assert_eq!(n.notice.issued, Some(day(2021, 5, 21)));
    assert_eq!(n.notice.effective, day(2021, 6, 1));
    assert_eq!(
        events(n),
        vec![
            ev(A, "王明", "某县发展和改革局", "局长", "probation"),
            ev(A, "李娜", "某县教育和体育局", "副局长", ""),
            ev(A, "赵刚", "某县商务局", "副局长", "secondment"),
            ev(A, "孙伟", "某县文化和旅游局", "局长", "secondment"),
            ev(A, "钱进", "某县卫生健康局", "局长", "acting"),
            ev(A, "吴昊", "某县审计局", "局长", "acting"),
            ev(A, "郑成", "某县自然资源局", "局长", "acting"),
            ev(A, "冯涛", "某县应急管理局", "局长", "concurrent"),
            ev(A, "陈亮", "某县统计局", "局长", ""),
            ev(R, "刘军", "某县交通运输局", "局长", ""),
            ev(R, "杨帆", "某县水利局", "局长", ""),
            ev(R, "何平", "某县林业局", "局长", ""),
            ev(A, "许可", "某县市场监督管理局", "局长", ""),
            ev(R, "许可", "某县市场监督管理局", "副局长", ""),
            ev(R, "吕强", "某县城市建设投资有限公司", "副总经理", ""),
            ev(R, "马丽", "某县旅游开发有限公司", "副总经理", ""),
        ]
    );
    let last = n.notice.events.last().unwrap();
    assert_eq!(last.provenance.clause, 15);
    assert_eq!(last.provenance.line, Some(19));
    assert_eq!(
        &*n.notice.events[9].provenance.text,
        "免去刘军的某县交通运输局局长职务（另有任用）"
    );
}

#[test]
fn a_chinese_numeral_date_and_a_bare_decision_opening() {
    let text = "关于任命李四职务的通知\n〔2021〕12号\n决定：\n李四为某市教育局局长。\n二〇二一年十二月三十一日\n";
    let n = &strict(text)[0];
    assert_eq!(n.notice.number, "〔2021〕12号");
    assert_eq!(n.notice.signed, day(2021, 12, 31));
    assert_eq!(events(n), vec![ev(A, "李四", "某市教育局", "局长", "")]);
    let text = "关于任免职务的通知\n（2021）12号\n经研究决定，任命李四为某市教育局局长。\n2021年12月31日\n";
    let n = &strict(text)[0];
    assert_eq!(n.notice.number, "（2021）12号");
    assert_eq!(events(n), vec![ev(A, "李四", "某市教育局", "局长", "")]);
}

#[test]
fn a_table_of_contents_is_no_notice() {
    let text = "\
目录
某区人民政府关于任命张三职务的通知（某区任〔2022〕3号） .....（45）
某区人民政府关于任免李四等同志职务的通知 .....（46）
";
    assert_eq!(strict(text), vec![]);
}

const MALFORMED: &str = "\
某区人民政府关于任免职务的通知
某区任〔2022〕3号
区政府决定：
张三为某区财政局局长；
王五为；
李四为某区不存在的东西；
赵六的某区审计局副局长职务。
某区人民政府
2022年3月3日
";

#[test]
fn a_malformed_clause_fails_a_strict_parse() {
    let err = Parser::new()
        .file("notices.txt")
        .strict(true)
        .parse(MALFORMED)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "notices.txt: line 5: clause `王五为`: no post after 为"
    );
    assert!(err.is_parse());
}

#[test]
fn a_malformed_clause_is_skipped_leniently() {
    let ns = Parser::new().file("notices.txt").parse(MALFORMED).unwrap();
    assert_eq!(ns.len(), 1);
    let n = &ns[0];
    assert_eq!(
        events(n),
        vec![
            ev(A, "张三", "某区财政局", "局长", ""),
            ev(R, "赵六", "某区审计局", "副局长", "")
        ]
    );
    assert_eq!(
        n.skipped,
        vec![
            Error::Parse {
                file: Some("notices.txt".into()),
                line: 5,
                clause: "王五为".into(),
                reason: "no post after 为".into(),
            },
            Error::Parse {
                file: Some("notices.txt".into()),
                line: 6,
                clause: "李四为某区不存在的东西".into(),
                reason: "no known title at the end of 「某区不存在的东西」".into(),
            },
        ]
    );
    // Clause indexes count the clauses that were read.
    assert_eq!(n.notice.events[1].provenance.clause, 2);
}

#[test]
fn a_notice_without_events_or_date() {
    let empty = "某区人民政府关于任免职务的通知\n某区任〔2022〕3号\n区政府决定：\n特此通知。\n2022年3月3日\n";
    let err = Parser::new().strict(true).parse(empty).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2: clause `某区任〔2022〕3号`: notice has no appointment or removal clauses"
    );
    assert_eq!(parse_notices(empty).unwrap(), vec![]);
    let undated = "某区人民政府关于任免职务的通知\n某区任〔2022〕3号\n张三为某区财政局局长。\n";
    let err = Parser::new().strict(true).parse(undated).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2: clause `某区任〔2022〕3号`: notice has no signing date"
    );
    assert_eq!(parse_notices(undated).unwrap(), vec![]);
}

#[test]
fn flags_after_one_post_apply_to_that_post_only() {
    let text = "关于任免的通知\n某任〔2021〕1号\n张三为A市财政局局长（兼）、A市审计局局长。\n2021年1月1日\n";
    let n = &strict(text)[0];
    assert_eq!(n.notice.events[0].flags, Flags::from(Flag::Concurrent));
    assert_eq!(n.notice.events[1].flags, Flags::NONE);
    assert_eq!(n.notice.events[1].post, Post::new("A市审计局", "局长"));
}

fn one(body: &str) -> Result<Vec<ParsedNotice>, appointment_ledger::Error> {
    let text = format!(
        "某县人民政府关于任免工作人员职务的通知\n某政任〔2022〕21号\n{body}\n某县人民政府\n2022年6月1日\n"
    );
    Parser::new().file("t.txt").strict(true).parse(&text)
}

fn events_of(body: &str) -> Vec<(String, String, String, String)> {
    one(body).unwrap()[0]
        .notice
        .events
        .iter()
        .map(|e| {
            (
                e.kind.to_string(),
                e.person.to_string(),
                e.post.to_string(),
                e.flags.to_string(),
            )
        })
        .collect()
}

fn row(kind: &str, person: &str, post: &str, flags: &str) -> (String, String, String, String) {
    (kind.into(), person.into(), post.into(), flags.into())
}

#[test]
fn an_issuer_before_the_verb_is_no_person() {
    assert_eq!(
        events_of("市政府任命张三为某市财政局局长。"),
        vec![row("appoint", "张三", "某市财政局局长", "")]
    );
    assert_eq!(
        events_of("国务院任免国家工作人员：任命李四为某部副部长。"),
        vec![row("appoint", "李四", "某部副部长", "")]
    );
    assert_eq!(
        events_of("同意张三为某市交通投资集团有限公司总经理。"),
        vec![row("appoint", "张三", "某市交通投资集团有限公司总经理", "")]
    );
}

#[test]
fn a_proposal_is_not_an_appointment() {
    // The clause changes nothing; a notice of nothing else has no events.
    let err = one("张三拟任某县财政局局长。").unwrap_err();
    assert!(
        err.to_string()
            .ends_with("notice has no appointment or removal clauses"),
        "{err}"
    );
    assert_eq!(
        events_of("张三为某县审计局局长；李四拟任某县财政局局长。"),
        vec![row("appoint", "张三", "某县审计局局长", "")]
    );
}

#[test]
fn a_removal_without_de_after_an_honorific() {
    assert_eq!(
        events_of("免去吴刚同志某市第二中学校长职务。"),
        vec![row("remove", "吴刚", "某市第二中学校长", "")]
    );
}

#[test]
fn a_concurrent_post_in_a_part_of_its_own() {
    assert_eq!(
        events_of("任命张三为某县财政局局长，兼任某县国有资产管理办公室主任。"),
        vec![
            row("appoint", "张三", "某县财政局局长", ""),
            row(
                "appoint",
                "张三",
                "某县国有资产管理办公室主任",
                "concurrent"
            ),
        ]
    );
}

#[test]
fn terms_ranks_and_honorifics_are_accepted() {
    assert_eq!(
        events_of("聘任王小明先生为某集团有限公司总经理，任期三年。"),
        vec![row("appoint", "王小明", "某集团有限公司总经理", "")]
    );
    assert_eq!(
        events_of("任命李华女士为某县审计局局长（正科级）。"),
        vec![row("appoint", "李华", "某县审计局局长", "")]
    );
}

#[test]
fn a_term_start_dates_a_notice_of_one_clause() {
    let n =
        one("聘任王小明为某集团有限公司总经理，任期自2022年7月1日起至2025年6月30日止。").unwrap();
    assert_eq!(n[0].notice.effective, day(2022, 7, 1));
    assert_eq!(n[0].notice.events.len(), 1);
}

#[test]
fn a_date_for_one_clause_only_is_not_the_notices() {
    let body = "李明同志自2022年7月1日起任某县第一中学校长；王五为某县财政局局长。";
    let err = one(body).unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.txt: line 3: clause `李明同志自2022年7月1日起任某县第一中学校长`: this clause takes effect on 2022-07-01, the rest of the notice on another day; a notice takes effect on one day, so record it as a notice of its own"
    );
    let text = format!(
        "某县人民政府关于任免工作人员职务的通知\n某政任〔2022〕21号\n{body}\n某县人民政府\n2022年6月1日\n"
    );
    let lenient = Parser::new().parse(&text).unwrap();
    assert_eq!(lenient[0].notice.effective, day(2022, 6, 1));
    assert_eq!(lenient[0].notice.events.len(), 1);
    assert_eq!(lenient[0].notice.events[0].person.name(), "王五");
    assert_eq!(lenient[0].skipped.len(), 1);
}

#[test]
fn the_number_above_the_title() {
    let text = "\
某政任〔2022〕30号

某县人民政府关于任命赵六同志职务的通知

各乡镇人民政府：
任命赵六为某县教育局局长。
某县人民政府
2022年8月1日
";
    let n = Parser::new().strict(true).parse(text).unwrap();
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].notice.number, "某政任〔2022〕30号");
    assert_eq!(n[0].notice.title, "某县人民政府关于任命赵六同志职务的通知");
    assert_eq!(n[0].notice.events[0].post.to_string(), "某县教育局局长");
}

#[test]
fn dates_inside_clauses_and_terms() {
    // A term after one clause dates that clause only: the rest differs.
    let err =
        one("张三为某县财政局局长，任期自2022年7月1日起；李四为某县审计局局长。").unwrap_err();
    assert!(
        err.to_string()
            .contains("this clause takes effect on 2022-07-01"),
        "{err}"
    );
    // 上述/以上 … 起生效 dates the whole notice.
    let n =
        one("张三为某县财政局局长；李四为某县审计局局长；上述任免自2022年7月1日起生效。").unwrap();
    assert_eq!(n[0].notice.effective, day(2022, 7, 1));
    assert_eq!(n[0].notice.events.len(), 2);
    // A probation's start is no date of the appointment.
    let n = one("王五为某县统计局局长，试用期一年（自2022年7月1日起计算）。").unwrap();
    assert_eq!(n[0].notice.effective, day(2022, 6, 1));
    assert_eq!(n[0].notice.events[0].flags.to_string(), "probation");
    // A date in parentheses after a removal: the clause's, parentheses out.
    let n = one("免去赵六的某县教育局局长职务（自2022年5月20日起）。").unwrap();
    assert_eq!(n[0].notice.effective, day(2022, 5, 20));
    assert_eq!(n[0].notice.events[0].post.to_string(), "某县教育局局长");
}

#[test]
fn a_person_named_before_leaves_a_post_in_a_part_of_its_own() {
    // Not a person named 不再 who takes the post.
    assert_eq!(
        events_of("张三同志任某县教育局局长，不再担任某县财政局副局长职务；"),
        vec![
            row("appoint", "张三", "某县教育局局长", ""),
            row("remove", "张三", "某县财政局副局长", ""),
        ]
    );
    assert_eq!(
        events_of("李四为某县审计局局长，同时不再兼任某县统计局局长职务。"),
        vec![
            row("appoint", "李四", "某县审计局局长", ""),
            row("remove", "李四", "某县统计局局长", ""),
        ]
    );
    // With nobody named before, the clause is reported.
    let err = one("不再担任某县财政局副局长职务。").unwrap_err();
    assert!(
        err.to_string().contains("不再担任某县财政局副局长职务"),
        "{err}"
    );
}

#[test]
fn gai_refers_back_to_the_organisation_or_post_named_last() {
    assert_eq!(
        events_of("张三为某县交通运输局局长；李四为该局副局长；免去王五的该局副局长职务。"),
        vec![
            row("appoint", "张三", "某县交通运输局局长", ""),
            row("appoint", "李四", "某县交通运输局副局长", ""),
            row("remove", "王五", "某县交通运输局副局长", ""),
        ]
    );
    // The last organisation whose name ends as the word after 该 begins.
    assert_eq!(
        events_of("张三为某县第一中学校长，免去其某县教育局副局长职务；李四为该校副校长。"),
        vec![
            row("appoint", "张三", "某县第一中学校长", ""),
            row("remove", "张三", "某县教育局副局长", ""),
            row("appoint", "李四", "某县第一中学副校长", ""),
        ]
    );
    // 该职务: the post named last.
    assert_eq!(
        events_of("张三为某县城投集团有限公司总经理；李四不再担任该职务。"),
        vec![
            row("appoint", "张三", "某县城投集团有限公司总经理", ""),
            row("remove", "李四", "某县城投集团有限公司总经理", ""),
        ]
    );
    let err = one("李四为该局副局长。").unwrap_err();
    assert!(
        err.to_string()
            .contains("该 refers to no organisation named before it"),
        "{err}"
    );
}

#[test]
fn a_removal_without_de_takes_the_name_length_the_organisations_anchor() {
    // The organisation starts with the issuer's place (某县).
    assert_eq!(
        events_of("免去王五某县审计局局长职务（另有任用）。"),
        vec![row("remove", "王五", "某县审计局局长", "")]
    );
    // A level alone anchors nothing: 赵六 + 县农业农村局 reads as well as
    // 赵六县 + 农业农村局, 王伟 + 兴福街道办事处 as 王伟兴福 + 街道办事处.
    for clause in [
        "免去赵六县农业农村局副局长职务。",
        "免去李建国市财政局局长职务。",
        "免去王伟兴福街道办事处主任职务。",
    ] {
        let err = one(clause).unwrap_err();
        assert!(
            err.to_string().contains(clause.trim_end_matches('。')),
            "{err}"
        );
    }
    // An organisation named before in the notice anchors best.
    assert_eq!(
        events_of("张三为东湖区水务局局长；免去欧阳明东湖区水务局副局长职务。"),
        vec![
            row("appoint", "张三", "东湖区水务局局长", ""),
            row("remove", "欧阳明", "东湖区水务局副局长", ""),
        ]
    );
    // Under a 免去： heading too.
    assert_eq!(
        events_of("免去：\n王五某县审计局局长职务；"),
        vec![row("remove", "王五", "某县审计局局长", "")]
    );
    // Nothing anchors 北京大学: reported, not guessed.
    let err = one("免去张三北京大学校长职务。").unwrap_err();
    assert!(
        err.to_string().contains("免去张三北京大学校长职务"),
        "{err}"
    );
}

#[test]
fn what_the_review_of_the_genre_rules_found() {
    // A meeting at which someone is elected is no meeting statement: it
    // says where the person was elected, and the notice keeps its signing
    // date.
    let text = "张三在2022年1月5日召开的某县第十八届人民代表大会第二次会议上当选为某县人民政府副县长；李四为某县财政局局长。";
    assert_eq!(
        events_of(text),
        vec![
            row("appoint", "张三", "某县人民政府副县长", ""),
            row("appoint", "李四", "某县财政局局长", ""),
        ]
    );
    assert_eq!(
        one(text).unwrap()[0].notice.effective.to_string(),
        "2022-06-01"
    );
    // Under a 任命： heading a line that names a post is a clause, read or
    // reported, never prose.
    let err = one("任命：\n张三　某县财政局局长；").unwrap_err();
    assert!(err.to_string().contains("张三　某县财政局局长"), "{err}");
    // A name with an honorific and something other than a term's end is
    // no introduction: reported.
    let err = one("张三同志晋升为某县财政局四级调研员。").unwrap_err();
    assert!(err.to_string().contains("晋升为"), "{err}");
    // 挂职期间 is no person.
    let err = one("选派张三同志到某县挂职锻炼，挂职期间担任某县人民政府副县长。").unwrap_err();
    assert!(err.to_string().contains("挂职期间担任"), "{err}");
    // 该校 is a school, not a hospital.
    let err = one("王五为某县人民医院院长；赵六为该校副校长。").unwrap_err();
    assert!(
        err.to_string().contains("该 refers to no organisation"),
        "{err}"
    );
}

const COMPANY: &str = "\
某某股份有限公司
关于董事、副总经理辞职的公告

公司董事会于2023年8月23日收到董事、副总经理张三先生的书面辞职报告，张三先生因个人原因申请辞去公司副总经理、董事职务。公司董事会同日收到李四先生的书面辞职报告，李四先生申请辞去公司财务总监职务。
张三先生辞去副总经理职务的辞职报告自送达董事会之日起生效；其辞去董事职务的辞职报告将在公司股东大会选举产生新任董事后生效。
公司定于2023年9月28日召开2023年第一次临时股东大会。

某某股份有限公司董事会
2023年8月25日
";

#[test]
fn resignations_on_receipt_pending_and_a_meeting_to_come() {
    let n = &strict(COMPANY)[0];
    // Both letters arrived on 2023-08-23 (同日); the meeting to come dates
    // nothing.
    assert_eq!(n.notice.effective, day(2023, 8, 23));
    assert_eq!(
        events(n),
        vec![
            ev(R, "张三", "某某股份有限公司", "副总经理", ""),
            // The 董事 resignation waits for a successor: no event.
            ev(R, "李四", "某某股份有限公司", "财务总监", ""),
        ]
    );
}

#[test]
fn a_table_that_runs_to_the_signature_leaves_the_issuer_alone() {
    let text = "\
某县教育局关于中小学校长调整的通知
某教人〔2023〕19号
姓名\t原职务\t新职务
刘建军\t某县第三中学校长\t某县第一中学校长
曾志勇\t\t某县石井中学校长
王芳\t某县实验小学副校长\t某县实验小学校长

某县教育局
2023年8月20日
";
    let n = &strict(text)[0];
    assert_eq!(n.notice.issuer, "某县教育局");
    assert_eq!(
        events(n),
        vec![
            ev(R, "刘建军", "某县第三中学", "校长", ""),
            ev(A, "刘建军", "某县第一中学", "校长", ""),
            ev(A, "曾志勇", "某县石井中学", "校长", ""),
            ev(R, "王芳", "某县实验小学", "副校长", ""),
            ev(A, "王芳", "某县实验小学", "校长", ""),
        ]
    );
}

#[test]
fn a_policy_document_about_elections_is_no_notice() {
    let text = "\
某县人民政府关于做好2023年村民委员会换届选举工作的通知
某政发〔2023〕3号
各乡镇人民政府：
为做好换届选举工作，现将有关事项通知如下。
某县人民政府
2023年3月1日
";
    assert!(strict(text).is_empty());
}
