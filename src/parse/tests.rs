//! The parser's unit tests: whole notices and the phrasings of real
//! copies, each read leniently or strictly as a caller would.

use super::*;

fn line(no: u32, raw: &str) -> Line<'_> {
    Line::new(no, raw)
}

/// The events a lenient read of `text` finds, dated or not, as `kind
/// person post`.
fn events(text: &str) -> Vec<String> {
    let read = Parser::new().read(text).expect("lenient");
    read.notices
        .iter()
        .flat_map(|n| &n.notice.events)
        .chain(read.undated.iter().flat_map(|u| &u.events))
        .map(|e| format!("{} {} {}", e.kind, e.person, e.post))
        .collect()
}

/// The events of `text` read leniently, each with its notice's date.
fn dated_events(text: &str) -> Vec<String> {
    let read = Parser::new().read(text).expect("lenient");
    read.notices
        .iter()
        .flat_map(|n| {
            n.notice
                .events
                .iter()
                .map(move |e| format!("{} {} {}", n.notice.effective, e.person, e.post))
        })
        .collect()
}

#[test]
fn a_board_that_chooses_a_new_head_names_its_company() {
    assert_eq!(
        events("台积电董事会通过，由张伟接任董事长。"),
        ["appoint 张伟 台积电董事长"]
    );
    assert_eq!(
        events("鴻海董事會決議，推舉張偉為新任董事長。"),
        ["appoint 張偉 鴻海董事長"]
    );
    assert_eq!(
        events("李明不再担任某公司董事长，由张伟接任。"),
        ["remove 李明 某公司董事长", "appoint 张伟 某公司董事长"]
    );
    // A Hong Kong company's 行政总裁 is a title of its own, and takes
    // the company named before it.
    assert_eq!(
        events(
            "董事会宣布，张伟先生因其他工作安排已辞任本公司执行董事及行政总裁，自2020年5月6日起生效。"
        ),
        ["remove 张伟 本公司执行董事", "remove 张伟 本公司行政总裁"]
    );
}

#[test]
fn a_rumour_passed_on_is_no_decision() {
    // Opened by its word, or announced by the clause before.
    assert!(events("2015年5月4日，消息称，王甲任某集团董事长、李乙任某公司董事长。").is_empty());
    assert!(events("2015年5月4日，又有消息称，王甲任某集团董事长。").is_empty());
    assert!(
        events("2015年5月4日，几大央企人事任命的消息广泛流传：王甲任某集团董事长。").is_empty()
    );
    let read = Parser::new()
        .read("2015年5月4日，网传王甲任某集团董事长。")
        .expect("lenient");
    assert_eq!(read.passed_over.len(), 1);
    assert_eq!(read.passed_over[0].reason, not_events::RUMOUR);
    // A source's report is no rumour.
    assert_eq!(
        events("2015年5月4日，某部发布消息称，任命王甲为某局局长。"),
        ["appoint 王甲 某局局长"]
    );
}

#[test]
fn a_resignation_that_waits_for_a_successor_is_pending() {
    assert!(
        events(
            "2020年5月6日，某银行董事会收到张三先生的辞呈。张三先生辞去该行独立非执行董事职务。在新任独立非执行董事就任前，张三先生将继续履职。"
        )
        .is_empty()
    );
}

#[test]
fn a_papers_lead_stands_before_the_company_it_reports_on() {
    assert_eq!(
        events(
            "【某社讯】綠科科技國際(00195-HK)公布,金曄已獲委任為非執行董事,自2019年12月24日起生效。"
        ),
        ["appoint 金曄 綠科科技國際非執行董事"]
    );
}

#[test]
fn titled_names_joined_share_their_verb() {
    assert_eq!(
        events("2020年5月6日，民政局副局长骆邦吉及鼓山区公所区长郑明兴调任本府参议。"),
        ["appoint 骆邦吉 本府参议", "appoint 郑明兴 本府参议"]
    );
    // A list of titles before one name is one person's.
    assert_eq!(
        events("2020年5月6日，党委书记、董事长张三调任某局局长。"),
        ["appoint 张三 某局局长"]
    );
}

#[test]
fn who_takes_over_with_a_former_post_names_no_place() {
    // (`由原` is no place for the `市府` before it.)
    assert_eq!(
        events("2020年5月6日，张三调任市府秘书，由原市府参议李四接任民政局副局长。"),
        ["appoint 张三 市府秘书", "appoint 李四 民政局副局长"]
    );
}

#[test]
fn a_meeting_report_of_no_year_takes_the_year_of_its_plans() {
    let text = "3月20日，区人大常委会举行会议。\n会议审议并通过了《区人大常委会2015年度工作要点》。\n会议任命张三同志为虹口区人民政府办公室主任；接受张三同志辞去虹口区第十五届人大代表、人事工作委员会委员职务的请求。\n";
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices.len(), 1);
    assert_eq!(read.notices[0].notice.signed.to_string(), "2015-03-20");
    assert_eq!(
        events(text),
        [
            "appoint 张三 虹口区人民政府办公室主任",
            "remove 张三 虹口区第十五届人大代表",
            // (A committee named by its work is the congress's.)
            "remove 张三 虹口区第十五届人大人事工作委员会委员",
        ]
    );
    // A year's final accounts are of the year before: no year.
    let text =
        "7月2日，县人大常委会举行会议，审议2013年度财政决算，选举张三同志为某县人民政府副县长。\n";
    let read = Parser::new().read(text).expect("lenient");
    assert!(read.notices.is_empty());
    assert_eq!(read.undated.len(), 1);
}

#[test]
fn a_company_that_announces_on_a_day_names_its_posts() {
    assert_eq!(
        events(
            "第一医药2月7日公告，孙伟辞去公司第十届董事会董事长、董事、战略委员会主任委员职务。"
        ),
        [
            "remove 孙伟 第一医药第十届董事会董事长",
            "remove 孙伟 第一医药第十届董事会董事",
            // (A board's committee named by its work is the company's.)
            "remove 孙伟 第一医药战略委员会主任委员",
        ]
    );
}

#[test]
fn resigning_the_posts_a_letter_named_removes_them() {
    assert_eq!(
        events(
            "天坛生物7月2日盘后发布公告，公司董事会收到公司董事、总经理付道兴书面辞职申请，因已到法定退休年龄，向公司董事会提出辞去上述职务。"
        ),
        ["remove 付道兴 天坛生物董事", "remove 付道兴 天坛生物总经理"]
    );
    // No letter named posts: nothing to refer to.
    assert!(events("2020年5月6日，张三辞去上述职务。").is_empty());
}

#[test]
fn committees_joined_share_their_title() {
    assert_eq!(
        events("2020年5月6日，任命张三为某公司薪酬委员会主席以及审核委员会及提名委员会成员。"),
        [
            "appoint 张三 某公司薪酬委员会主席",
            "appoint 张三 审核委员会成员",
            "appoint 张三 提名委员会成员",
        ]
    );
    assert_eq!(
        events("2020年5月6日，任命张三为某公司董事会审核委员会及提名委员会委员。"),
        [
            "appoint 张三 某公司董事会审核委员会委员",
            "appoint 张三 某公司董事会提名委员会委员",
        ]
    );
}

#[test]
fn who_takes_over_may_be_named_with_the_title_held_now() {
    assert_eq!(
        events("2020年5月6日，环保署长沈世宏离职，由台湾大学地质系教授魏国彦接任。"),
        ["remove 沈世宏 环保署长", "appoint 魏国彦 环保署长"]
    );
}

#[test]
fn a_posting_from_a_day_this_month_is_dated_then() {
    assert_eq!(
        dated_events("2020年5月6日\n规划署副署长叶子季，本月18日起出任规划署署长。\n"),
        ["2020-05-18 叶子季 规划署署长"]
    );
}

#[test]
fn a_bare_title_after_a_ministers_post_is_the_ministrys() {
    assert_eq!(
        events("2014年2月26日，新成立的科技部长由张善政接任，政务次长由钱宗良担任。"),
        ["appoint 张善政 科技部长", "appoint 钱宗良 科技部政务次长"]
    );
    // A school's 校长 names the school itself.
    assert_eq!(
        events("2014年2月26日，免去胡建淼同志的浙江工商大学校长、党委副书记职务。"),
        [
            "remove 胡建淼 浙江工商大学校长",
            "remove 胡建淼 浙江工商大学党委副书记"
        ]
    );
}

#[test]
fn an_oath_of_office_takes_the_post() {
    assert_eq!(
        events("2020年5月6日，沈孟儒宣誓就任成功大学校长。"),
        ["appoint 沈孟儒 成功大学校长"]
    );
    assert_eq!(
        events("2020年5月6日，任命张三为某局局长，正式就任某局党组书记。"),
        ["appoint 张三 某局局长", "appoint 张三 某局党组书记"]
    );
}

#[test]
fn a_body_named_in_quotation_brackets_is_one_and_its_short_name_means_it() {
    assert_eq!(
        events(
            "2019年3月15日，行政长官委任唐某出任「甲委员会成员、乙议员薪津独立委员会」(独立委员会)的主席，并委任蔡某及黄某为独立委员会成员。"
        ),
        [
            "appoint 唐某 甲委员会成员、乙议员薪津独立委员会主席",
            "appoint 蔡某 甲委员会成员、乙议员薪津独立委员会成员",
            "appoint 黄某 甲委员会成员、乙议员薪津独立委员会成员",
        ]
    );
}

#[test]
fn the_day_the_person_just_appointed_takes_office_dates_the_appointment() {
    assert_eq!(
        dated_events(
            "时间: 2014-07-31 15:55:14\n香港特区政府委任萧伟强为劳工及福利局副局长。他将于8月15日就任。\n"
        ),
        ["2014-08-15 萧伟强 劳工及福利局副局长"]
    );
}

#[test]
fn a_deputys_seat_lapses_or_is_filled_from_the_list() {
    assert_eq!(
        events(
            "2019年4月23日，接受舒某辞去第十三届全国人民代表大会代表职务。王军、王敏刚的代表资格自然终止。递补陈晓峰为第十三届全国人民代表大会代表。"
        ),
        [
            "remove 舒某 第十三届全国人民代表大会代表",
            "remove 王军 第十三届全国人民代表大会代表",
            "remove 王敏刚 第十三届全国人民代表大会代表",
            "appoint 陈晓峰 第十三届全国人民代表大会代表",
        ]
    );
    // No deputy's post named before: no post to end.
    assert!(events("2019年4月23日，终止张三的代表资格。").is_empty());
}

#[test]
fn a_by_election_a_recall_and_a_post_revoked_are_read() {
    assert_eq!(
        events(
            "2020年5月6日，会议补选张三为某县人民代表大会常务委员会副主任，增选李四为某市政协委员。"
        ),
        [
            "appoint 张三 某县人民代表大会常务委员会副主任",
            "appoint 李四 某市政协委员",
        ]
    );
    assert_eq!(
        events("2020年5月6日，罢免张三的第十三届全国人民代表大会代表资格。"),
        ["remove 张三 第十三届全国人民代表大会代表"]
    );
    assert_eq!(
        events("2020年5月6日，撤销张三的某县副县长职务。"),
        ["remove 张三 某县副县长"]
    );
    // A by-election that a resignation waits for is its condition.
    assert!(
        events(
            "2020年5月6日，同意陈某辞去某协会监事职务，其辞职自下次会议补选产生新任监事后生效。"
        )
        .is_empty()
    );
}

#[test]
fn a_party_committees_department_after_its_member_is_its_own() {
    assert_eq!(
        events("2020年5月6日，张三同志任某县县委常委、组织部部长。"),
        [
            "appoint 张三 某县县委常委",
            "appoint 张三 某县县委组织部部长"
        ]
    );
}

#[test]
fn a_bare_organ_means_the_body_the_text_set_up() {
    let text = "2020年5月6日，某市新组建某某集聚区管委会，建立某某集聚区（某园区）党工委。\n\
                张三同志任党工委书记；\n\
                李四同志任管委会主任、党工委副书记\n\
                王宏、赵明同志任管委会副主任\n\
                钱七同志任党工委委员，保留正处级。";
    assert_eq!(
        events(text),
        [
            "appoint 张三 某某集聚区党工委书记",
            "appoint 李四 某某集聚区管委会主任",
            "appoint 李四 某某集聚区党工委副书记",
            "appoint 王宏 某某集聚区管委会副主任",
            "appoint 赵明 某某集聚区管委会副主任",
            "appoint 钱七 某某集聚区党工委委员",
        ]
    );
    // A text that set no committee up names none.
    assert!(events("2020年5月6日，张三同志任党工委书记。").is_empty());
}

#[test]
fn a_removal_with_no_mark_after_the_name_ends_it_where_the_text_named_it() {
    assert_eq!(
        events("2015年5月6日，徐宏任某甲公司董事长。免去徐宏东风汽车公司董事长职务。"),
        [
            "appoint 徐宏 某甲公司董事长",
            "remove 徐宏 东风汽车公司董事长"
        ]
    );
}

#[test]
fn a_description_and_a_reason_around_a_name_are_no_part_of_it() {
    assert_eq!(
        events("2020年10月19日，该报透露，65岁的蔡明因年龄原因不再担任某社社长职务。"),
        ["remove 蔡明 某社社长"]
    );
}

#[test]
fn a_chief_executive_a_coach_and_a_full_time_deputy_are_posts() {
    assert_eq!(
        events("2017年4月11日，国务院任命林红为香港特别行政区第五任行政长官。"),
        ["appoint 林红 香港特别行政区第五任行政长官"]
    );
    assert_eq!(
        events("2014年2月24日，任命傅明为国家某局副局长（专职，副部长级）。"),
        ["appoint 傅明 国家某局副局长"]
    );
    assert_eq!(
        events("2020年5月6日，崔明辞去上海申花主教练一职。"),
        ["remove 崔明 上海申花主教练"]
    );
    // 陞, a form of 升 that folding keeps.
    assert_eq!(
        events("2025年10月16日，关嘉荣陞任某县地政局长。"),
        ["appoint 关嘉荣 某县地政局长"]
    );
}

#[test]
fn a_resignation_after_the_reason_for_it_removes_and_what_follows_it_does_not() {
    assert_eq!(
        events("2023年3月1日，今年62岁的刘明因工作调整，辞任某银行董事长等职务。"),
        ["remove 刘明 某银行董事长"]
    );
    assert_eq!(
        events("2023年3月1日，周明辞去某公司副董事长一职，辞任后仍继续担任某公司董事职务。"),
        ["remove 周明 某公司副董事长"]
    );
}

#[test]
fn a_leading_verbs_le_an_age_and_others_unnamed_are_no_part_of_a_name() {
    assert_eq!(
        events("2020年1月4日，国务院宣布免去现年六十二岁王明的某办主任职务。"),
        ["remove 王明 某办主任"]
    );
    assert_eq!(
        events("2020年1月4日，大会免去了王松同志某公司党委委员职务。"),
        ["remove 王松 某公司党委委员"]
    );
    assert_eq!(
        events("2020年1月4日，会议表决通过了免去杨冬生等同志某委员会主任职务。"),
        ["remove 杨冬生 某委员会主任"]
    );
}

#[test]
fn a_headlines_statements_apart_at_white_space_are_read_each() {
    assert_eq!(
        events("骆明任某某办主任 王志华被免职\n2020年1月4日，国务院任命骆明为某某办主任。"),
        ["appoint 骆明 某某办主任"]
    );
    assert_eq!(
        events("2020年1月4日，张明任某局局长 李华任某局副局长"),
        ["appoint 张明 某局局长", "appoint 李华 某局副局长"]
    );
}

#[test]
fn a_posts_place_a_passive_of_news_prose_and_a_forecast_of_may() {
    assert_eq!(
        events("2014年2月24日，免去张明的某局局长职位。"),
        ["remove 张明 某局局长"]
    );
    assert_eq!(
        events("2023年7月25日，中国人民银行行长易明遭免职。"),
        ["remove 易明 中国人民银行行长"]
    );
    assert!(events("2009年4月30日，近期可能宣布由赵明接掌某公司董事长的职位。").is_empty());
}

#[test]
fn respectively_after_the_appointing_verb_and_with_joined_organisations() {
    assert_eq!(
        events("2011年4月6日，中组部任命傅明、王林分别担任甲集团和乙总公司董事长。"),
        ["appoint 傅明 甲集团董事长", "appoint 王林 乙总公司董事长"]
    );
    assert_eq!(
        events("2011年4月6日，张明、李华分别任甲县和乙县县长。"),
        ["appoint 张明 甲县县长", "appoint 李华 乙县县长"]
    );
}

#[test]
fn a_month_with_no_day_dates_nothing() {
    let text = "2024-09-16 新闻资讯\n值得注意的是，8月底，某公司公告称，张明先生已获委任为某公司独立非执行董事；9月3日，李华先生已获委任为某公司独立非执行董事。";
    assert_eq!(dated_events(text), ["2024-09-03 李华 某公司独立非执行董事"]);
    assert_eq!(events(text).len(), 2);
}

#[test]
fn a_list_of_the_newly_appointed_appoints_each() {
    assert_eq!(
        events(
            "2018年2月23日，行政院宣布内阁人事异动，新任外交部长吴明、国防部长严华、某会主委陈通。"
        ),
        [
            "appoint 吴明 外交部长",
            "appoint 严华 国防部长",
            "appoint 陈通 某会主委"
        ]
    );
    // A title and a name, one, may be a description only.
    assert!(events("2018年2月23日，新任国家体育总局局长苟明，就曾表达过意见。").is_empty());
}

#[test]
fn posts_in_quotation_marks_and_a_list_of_moves_are_read() {
    assert_eq!(
        events(
            "1987年4月23日，昨天公布的人事变动包括：原“交通部长”连明升任“行政院副院长”、原“外交部政务次长”丁华升任“外交部长”。"
        ),
        ["appoint 连明 行政院副院长", "appoint 丁华 外交部长"]
    );
    assert_eq!(posts::unquoted("原“交通部长”连明"), "原交通部长连明");
    // Marks around no post stay.
    assert_eq!(posts::unquoted("中央“空降”干部"), "中央“空降”干部");
    assert_eq!(posts::unquoted("“未闭合"), "“未闭合");
}

#[test]
fn a_resignation_of_posts_tendered_removes_on_the_day_the_letter_arrives() {
    let text = "2025-09-29 新闻\n【财华社讯】某电力股份(01071.HK)公布，赵明因个人工作原因，已提出辞任公司非执行董事职务，上述辞任将自辞职函提交董事会之日起生效。";
    assert_eq!(events(text), ["remove 赵明 某电力股份非执行董事"]);
    // On a day the text does not give.
    assert!(dated_events(text).is_empty());
}

#[test]
fn a_post_taken_by_one_acting_in_it() {
    let read = Parser::new()
        .read("2022年12月7日，内政部长由花明代理。")
        .expect("lenient");
    let found: Vec<_> = read.notices.iter().flat_map(|n| &n.notice.events).collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].person.name(), "花明");
    assert_eq!(found[0].post, Post::new("内政", "部长"));
    assert!(found[0].flags.contains(Flag::Acting));
    assert_eq!(
        events("2022年12月7日，某部部长乙职由花明政务次长代理。"),
        ["appoint 花明 某部部长"]
    );
}

#[test]
fn a_resignation_asked_for_is_no_removal() {
    assert_eq!(
        events("2018年12月29日，某公司行政总裁张三已辞职。"),
        ["remove 张三 某公司行政总裁"]
    );
    assert!(events("2018年12月29日，某公司行政总裁张三申请辞职。").is_empty());
    assert!(events("2018年12月29日，某公司行政总裁张三提出辞任。").is_empty());
}

#[test]
fn a_page_day_and_clock_on_their_own_line_are_no_part_of_a_clause() {
    let lines = [
        line(1, "2018年7月24日 10:00"),
        line(2, "23日，会议决定，任命张三为A局局长。"),
        line(3, "2018-07-24"),
        line(4, "24日，任命李四为B局局长。"),
    ];
    let segs = segments(&lines, &[], true);
    let texts: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
    // (A clock's colon cuts nothing; in text of no layout a line that
    // is a day alone ends before the next.)
    assert_eq!(
        texts,
        [
            "2018年7月24日 10:00",
            "23日，会议决定，任命张三为A局局长",
            "2018-07-24",
            "24日，任命李四为B局局长",
        ]
    );
}

#[test]
fn clauses_are_cut_at_semicolons_and_full_stops() {
    let lines = [
        line(1, "区政府决定，任命："),
        line(2, ""),
        line(3, "张三为A局局长；李四为B局局长。  "),
        line(4, "王 五为C局"),
        line(5, "局长；"),
    ];
    let segs = segments(&lines, &[], false);
    let texts: Vec<(&str, u32, bool)> = segs
        .iter()
        .map(|s| (s.text.as_str(), s.line, s.heading))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("区政府决定，任命", 1, true),
            ("张三为A局局长", 3, false),
            ("李四为B局局长", 3, false),
            ("王 五为C局\n局长", 4, false),
        ]
    );
}

#[test]
fn parts_are_cut_outside_parentheses() {
    let split = |text, seps| split_top(text, seps).collect::<Vec<_>>();
    assert_eq!(
        split("A、B（C、D）、E", &['、']),
        vec!["A", "B（C、D）", "E"]
    );
    assert_eq!(split("", &['、']), vec![""]);
    assert_eq!(split("）、（", &['、']), vec!["）", "（"]);
    assert_eq!(split("A，B、C", &['，', '、']), vec!["A", "B", "C"]);
    assert_eq!(split("A，", &['，']), vec!["A", ""]);
}

#[test]
fn the_word_scan_finds_what_the_byte_test_finds() {
    // Both kinds of scan.
    for (ascii, wanted) in [(true, &[0xE3, 0xEF][..]), (false, &[b';', 0xE3][..])] {
        crate::scan::assert_agrees(
            |bytes, from| next_byte(bytes, from, ascii, wanted),
            |b| (ascii && b < 0x80) || wanted.contains(&b),
        );
    }
}

#[test]
fn numbers_and_titles() {
    assert_eq!(number_prefix("济槐政任〔2022〕4号"), Some("济槐政任"));
    assert_eq!(number_prefix("[2021]12号"), Some(""));
    assert_eq!(number_prefix("（2021）12号"), Some(""));
    assert_eq!(number_prefix("济槐政任〔2022〕号"), None);
    assert_eq!(number_prefix("关于任命的通知（济槐政任〔2022〕4号）"), None);
    assert!(is_title(
        "济南市槐荫区人民政府关于任免周燕等工作人员职务的通知"
    ));
    assert!(!is_title(
        "济南市槐荫区人民政府关于任命刘晓菡等工作人员职务的通知（济槐政任〔2022〕4号）.....（45）"
    ));
}

#[test]
fn markers_and_posts() {
    let (rest, flags) = strip_markers("A局局长（兼）");
    assert_eq!(rest, "A局局长");
    assert!(flags.contains(Flag::Concurrent));
    let (rest, flags) = strip_markers("A局局长（保留正处级）");
    assert_eq!(rest, "A局局长");
    assert!(flags.contains(Flag::RetainRank));
    let (rest, flags) = strip_markers("A中心（B中心）主任");
    assert_eq!(rest, "A中心（B中心）主任");
    assert!(flags.is_empty());
    let list = posts("某集团有限公司董事长、总经理职务").unwrap();
    assert_eq!(list[1].0, Post::new("某集团有限公司", "总经理"));
    let list = posts("某市财政局代局长").unwrap();
    assert_eq!(list[0].0, Post::new("某市财政局", "局长"));
    assert!(list[0].1.contains(Flag::Acting));
    let list = posts("某市财政局代理局长").unwrap();
    assert_eq!(list[0].0, Post::new("某市财政局", "局长"));
    assert_eq!(
        posts("总经理").unwrap_err(),
        "title 「总经理」 has no organisation before it"
    );
    assert_eq!(
        posts("某某某").unwrap_err(),
        "no known title at the end of 「某某某」"
    );
}

#[test]
fn names_drop_padding_gender_and_honorific() {
    assert_eq!(names("李四（女）同志"), Some(vec![Person::new("李四")]));
    assert_eq!(
        names("张三、李四"),
        Some(vec![Person::new("张三"), Person::new("李四")])
    );
    assert_eq!(names("某县财政局"), None);
    assert_eq!(names("其"), None);
}

const NOTICE: &str = "某县人民政府关于任免工作人员的通知\n某政任〔2022〕1号\n任命张三为某局局长。\n某县人民政府\n2022年2月3日\n";

#[test]
fn a_leaving_announced_with_将_is_a_removal_and_one_foretold_is_not() {
    assert_eq!(
        events("2020年5月6日，因年龄原因，张明先生将不再担任某行董事长、执行董事职务。"),
        vec!["remove 张明 某行董事长", "remove 张明 某行执行董事"]
    );
    assert!(events("2020年5月6日，2021年建行成立之际将不再担任某行董事长。").is_empty());
    assert!(events("2020年5月6日，辞职生效后，张明将不再担任公司任何职务。").is_empty());
}

#[test]
fn a_resignation_tendered_in_news_prose_leaves_the_posts_it_names() {
    assert_eq!(
        events("2020年5月6日，张明请辞某公司总经理一职，自今天晚间起生效。"),
        vec!["remove 张明 某公司总经理"]
    );
    assert_eq!(
        events("2020年5月6日，某市劳动局局长李华因身体因素请辞。"),
        vec!["remove 李华 某市劳动局局长"]
    );
    assert!(events("2020年5月6日，李华日前向院长请辞，当时获院长慰留。").is_empty());
}

#[test]
fn names_listed_before_a_removal_with_no_的_each_leave_the_post() {
    assert_eq!(
        events(
            "2020年5月6日，任命赵明为某市人民政府副市长，免去钱华、孙强某市人民政府副市长职务。"
        ),
        vec![
            "appoint 赵明 某市人民政府副市长",
            "remove 钱华 某市人民政府副市长",
            "remove 孙强 某市人民政府副市长"
        ]
    );
    // A bare title alone after the name: the name is the shortest.
    assert_eq!(
        events("2020年5月6日，某县人民政府任命赵明为某县人民政府县长，免去李建国副县长职务。"),
        vec![
            "appoint 赵明 某县人民政府县长",
            "remove 李建国 某县人民政府副县长"
        ]
    );
}

#[test]
fn posts_joined_by_与_are_taken_respectively_and_no_name_ends_in_分别() {
    assert_eq!(
        events("2020年5月6日，某公司发布公告，张明、李华分别担任某公司董事长与总裁职位。"),
        vec!["appoint 张明 某公司董事长", "appoint 李华 某公司总裁"]
    );
    assert_eq!(
        events("2020年5月6日，张明、李华分别接任某公司董事长、总裁。"),
        vec!["appoint 张明 某公司董事长", "appoint 李华 某公司总裁"]
    );
    assert!(
        events("2020年5月6日，张明、李华分别接任某公司董事长、总裁、监事。")
            .iter()
            .all(|e| !e.contains("分别"))
    );
}

#[test]
fn words_after_a_name_stay_out_of_it() {
    assert_eq!(
        events("2020年5月6日，某集团公告显示，张明自即日起不再担任某集团董事。"),
        vec!["remove 张明 某集团董事"]
    );
    assert_eq!(
        events("2020年5月6日，某公司董事长李华代任某公司总经理一职。"),
        vec!["appoint 李华 某公司总经理"]
    );
    // (Still holding a post is no appointment to it.)
    assert!(events("2020年5月6日，辞去总经理后，张明仍兼任某基金会董事长一职。").is_empty());
}

#[test]
fn who_is_new_in_a_post_is_no_part_of_it() {
    for written in ["某县中学新一届校长", "某县中学新任校长"] {
        let list = posts::posts(written).unwrap();
        assert_eq!(list[0].0.to_string(), "某县中学校长", "{written}");
    }
}

#[test]
fn an_interim_title_is_an_acting_one() {
    let list = posts::posts("某足球俱乐部总经理、临时主教练").unwrap();
    let read: Vec<String> = list
        .iter()
        .map(|(post, flags)| format!("{post} {flags}"))
        .collect();
    assert_eq!(read, ["某足球俱乐部总经理 ", "某足球俱乐部主教练 acting"]);
}

#[test]
fn a_statement_read_as_an_organisation_is_no_post() {
    assert_eq!(
        posts::posts("某市公安局局长职务任命赵飞为局长").map_err(|e| e.contains("职务")),
        Err(true)
    );
    // Who holds a post now, or enters a group, is told of, not named.
    for (written, word) in [
        ("王某进入某集团提现任总经理李某与现任副董事长", "现任"),
        ("张某进入某集团任总经理", "进入"),
    ] {
        assert_eq!(
            posts::posts(written)
                .map_err(|e| e.ends_with(&format!("holds {word}: a statement, not a post"))),
            Err(true),
            "{written}"
        );
    }
    for (written, post) in [
        // (What is removed, or what a list includes, is the post.)
        ("提名免去某县人民政府县长", "某县人民政府县长"),
        ("校长包括某科技大学校长", "某科技大学校长"),
        // (A committee that reviews titles is one.)
        (
            "某大学高级专业技术职务评审委员会委员",
            "某大学高级专业技术职务评审委员会委员",
        ),
        // (A board's committee that nominates is one.)
        ("某公司提名委员会委员", "某公司提名委员会委员"),
    ] {
        assert_eq!(
            posts::posts(written).map(|list| list[0].0.to_string()),
            Ok(post.to_owned())
        );
    }
}

#[test]
fn the_word_that_opens_a_reason_or_a_list_is_no_name() {
    for word in ["由于", "包括", "其中"] {
        assert!(!names::is_name(&format!("{word}前")));
        let found = events(&format!(
            "2020年5月6日，{word}调任某省的张明还兼任某省省长一职，李华出任某省副省长。"
        ));
        assert!(found.iter().all(|e| !e.contains(word)), "{found:?}");
    }
}

#[test]
fn who_is_promoted_into_a_post_takes_it() {
    assert_eq!(
        events("2020年5月6日，某公司总经理一职由副总经理李华升任。"),
        vec!["appoint 李华 某公司总经理"]
    );
    assert_eq!(
        events("2020年5月6日，某公司董事长张明不再担任董事长，由总经理李华升任。"),
        vec!["remove 张明 某公司董事长", "appoint 李华 某公司董事长"]
    );
}

#[test]
fn a_name_with_the_bare_title_held_now_after_it_is_the_person() {
    assert_eq!(
        events(
            "2020年5月6日，决定任命张明为某省人民政府副省长，决定张明副省长为某省人民政府代理省长。"
        ),
        vec![
            "appoint 张明 某省人民政府副省长",
            "appoint 张明 某省人民政府省长"
        ]
    );
    // (A body's word or a question before a title is no name.)
    assert_eq!(names::before_title("公司董事长"), None);
    assert_eq!(names::before_title("由哪位次长"), None);
    assert_eq!(names::before_title("张明副省长"), Some(Person::new("张明")));
}

#[test]
fn a_discipline_group_after_a_party_post_is_the_same_body_s() {
    assert_eq!(
        events("2020年5月6日，宣布任命通知：张明担任某分院党组副书记兼纪检组组长。"),
        vec![
            "appoint 张明 某分院党组副书记",
            "appoint 张明 某分院纪检组组长"
        ]
    );
}

#[test]
fn one_named_of_a_count_is_the_one_appointed() {
    assert_eq!(
        events("2020年5月6日，某大学第四届校务委员会共聘任张明等29人为某大学校务委员会委员。"),
        vec!["appoint 张明 某大学校务委员会委员"]
    );
    assert_eq!(
        names::names("张明等二十九人"),
        Some(vec![Person::new("张明")])
    );
}

#[test]
fn a_short_name_defined_with_简称_is_written_out() {
    assert_eq!(
        events(
            "2020年5月6日，经研究决定，设置某试点工作办公室（简称：“试点办”），为处级机构。任命张明同志担任“试点办”主任。"
        ),
        vec!["appoint 张明 某试点工作办公室主任"]
    );
}

#[test]
fn a_report_written_after_new_year_s_day_dates_its_days_in_that_year() {
    assert_eq!(
        dated_events(
            "2021年元旦后的首周，各地人事调整不断。\n1月8日上午，某市人大常委会召开会议，决定任命张明为某市人民政府副市长。"
        ),
        vec!["2021-01-08 张明 某市人民政府副市长"]
    );
    let line = Line::new(1, "2021年元旦后的首周");
    assert_eq!(dates::new_year(&[line]), Some(2021));
    assert_eq!(dates::new_year(&[Line::new(1, "元旦后的首周")]), None);
}

#[test]
fn a_rare_surname_starts_a_name() {
    assert_eq!(
        events("2020年5月6日，决定接受恽淇丞同志辞去某市某区人民政府区长职务的请求。"),
        vec!["remove 恽淇丞 某市某区人民政府区长"]
    );
}

#[test]
fn a_seat_filled_at_once_was_left_on_the_decision_s_day() {
    assert_eq!(
        dated_events("2020年5月6日，某署署长张明离职，由某大学教授李华接任。"),
        vec!["2020-05-06 张明 某署署长", "2020-05-06 李华 某署署长"]
    );
    // (Left with no successor named, on a day the text does not give.)
    assert!(dated_events("2020年5月6日，某署署长张明离职。").is_empty());
}

#[test]
fn lines_end_in_a_carriage_return_alone_too() {
    let old_mac = NOTICE.replace('\n', "\r");
    let dos = NOTICE.replace('\n', "\r\n");
    for text in [NOTICE, old_mac.as_str(), dos.as_str()] {
        let found = Parser::new().strict(true).parse(text).expect("the notice");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].notice.signed.to_string(), "2022-02-03");
        assert_eq!(found[0].notice.events[0].provenance.line, Some(3));
    }
}

#[test]
fn a_signing_date_that_is_no_day_is_said_so_where_it_is() {
    let text = NOTICE.replace("2022年2月3日", "2022年2月30日");
    let err = Parser::new()
        .file("bad.txt")
        .strict(true)
        .parse(&text)
        .expect_err("no day");
    assert_eq!(
        err.to_string(),
        "bad.txt: line 5: clause `2022年2月30日`: 2022年2月30日 is no day of the calendar"
    );
    let read = Parser::new().file("bad.txt").read(&text).expect("lenient");
    assert_eq!(read.undated.len(), 1);
    assert_eq!(read.undated[0].skipped[0].to_string(), err.to_string());
}

#[test]
fn a_request_to_another_body_is_no_decision() {
    assert_eq!(
        events(
            "2020年5月6日，甲省委决定，任命张三为中共乙县委书记，免去其中共丙地委委员职务，提请省人民政府免去其丙地区行政公署副专员职务。"
        ),
        ["appoint 张三 中共乙县委书记", "remove 张三 中共丙地委委员"]
    );
}

#[test]
fn a_forum_posters_registration_day_is_not_the_pages() {
    let text = "注册时间: 2006-05-25 帖子: 8106\n发表于: 2008-07-04 09:29:10\n新华网贵阳7月4日电 甲省委4日决定，任命张三为中共乙县委书记。\n";
    assert_eq!(dated_events(text), ["2008-07-04 张三 中共乙县委书记"]);
}

#[test]
fn where_the_person_was_elected_stands_between_the_name_and_the_verb() {
    assert_eq!(
        events("2020年5月6日，此前担任甲行行长的郑杰在当日召开的董事会上当选为乙行董事长。"),
        ["appoint 郑杰 乙行董事长"]
    );
    assert_eq!(
        events("2020年5月6日，王五亦在该省人代会闭幕会上当选为甲省省长。"),
        ["appoint 王五 甲省省长"]
    );
}

#[test]
fn a_book_line_cut_by_a_hard_wrap_is_no_byline() {
    // The line's date is the text's, not the page's: 10月19日 has no year.
    let text =
        "政府主席毛泽东一九四九年十月一日当天,《人民日报》\n10月19日，会议任命张三为甲部部长。\n";
    assert_eq!(dated_events(text), Vec::<String>::new());
    assert_eq!(events(text), ["appoint 张三 甲部部长"]);
}

#[test]
fn a_resignation_agreed_to_removes_and_a_nomination_is_passed_over() {
    assert_eq!(
        events("2020年5月6日，甲公司董事会同意赵一辞去总经理职务。"),
        ["remove 赵一 甲公司总经理"]
    );
    assert_eq!(
        events("2020年5月6日，会议同意钱二辞去乙市副市长职务。"),
        ["remove 钱二 乙市副市长"]
    );
    let read = Parser::new()
        .read("2020年5月6日，丙公司董事会同意提名董事、总经理孙三为董事长。")
        .expect("lenient");
    assert!(read.notices.is_empty() && read.undated.is_empty());
    assert_eq!(read.passed_over.len(), 1);
    assert!(read.passed_over[0].reason.contains("提名"));
}

#[test]
fn a_papers_stamp_and_byline_lines_are_no_part_of_the_clause_below() {
    let text = "每日经济新闻 2021-01-15 20:16:23\n每经记者 甲乙 每经编辑 丙丁\n据万泰生物1月13日公告称，公司董事会同意钟睒睒辞去董事长职务。\n";
    assert_eq!(events(text), ["remove 钟睒睒 万泰生物董事长"]);
}

#[test]
fn a_reports_prose_is_no_post_and_its_verb_no_name() {
    assert_eq!(
        events("2020年5月6日，谢晖的离任也意味着他成为本赛季第三位下课的主帅。"),
        Vec::<String>::new()
    );
    assert_eq!(
        events("2020年5月6日，李路明接替王希勤，成为新的清华大学校长。"),
        ["remove 王希勤 清华大学校长", "appoint 李路明 清华大学校长"]
    );
}

#[test]
fn a_courts_division_and_a_zones_committee_take_the_body_of_the_item_before() {
    assert_eq!(
        events(
            "2020年5月6日，会议决定免去张三的甲州中级人民法院审判委员会委员、立案庭庭长、审判员职务。"
        ),
        [
            "remove 张三 甲州中级人民法院审判委员会委员",
            "remove 张三 甲州中级人民法院立案庭庭长",
            "remove 张三 甲州中级人民法院审判员"
        ]
    );
    assert_eq!(
        events("2020年5月6日，李四同志任甲市委乙新区工委书记、管委会主任。"),
        [
            "appoint 李四 甲市委乙新区工委书记",
            "appoint 李四 甲市委乙新区管委会主任"
        ]
    );
}

#[test]
fn where_a_photograph_shows_a_person_is_no_part_of_the_name() {
    assert_eq!(
        events("2020年5月6日，甲校校长王五(左)指派甲医院副院长李四(右)代理甲医院院长。"),
        ["appoint 李四 甲医院院长"]
    );
}

#[test]
fn by_whom_a_post_is_taken_is_no_part_of_the_title_held_and_a_forecast_is_none() {
    assert_eq!(
        events(
            "2020年5月6日，甲市市长王五因年龄原因卸任，由甲市委副书记、常务副市长李四出任代市长。"
        ),
        ["remove 王五 甲市市长", "appoint 李四 甲市市长"]
    );
    assert_eq!(
        events("2020年5月6日，他宣布接下来将由乙市政府秘书长钱二代理市长职务。"),
        Vec::<String>::new()
    );
}

#[test]
fn a_headlines_verb_is_no_part_of_a_companys_name() {
    // The headline's `免职` before the group's name: no company named.
    assert_eq!(
        events(
            "王五免职 甲集团高层大变动\n2020年5月6日，甲集团前董事长王五被免去集团党委书记职务。\n"
        ),
        ["remove 王五 集团党委书记"]
    );
}

#[test]
fn a_reason_given_with_yi_is_no_part_of_the_name() {
    assert_eq!(
        events("2020年5月6日，甲银行行长刘金以个人原因辞去甲银行行长职务。"),
        ["remove 刘金 甲银行行长"]
    );
}

#[test]
fn a_report_of_decisions_on_several_days_dates_each_by_its_own() {
    let text = "某杂志 2018-09-07\n\n6月16日下午,甲大学召开全校干部大会,宣布省委决定:赵一任甲大学校长。\n\n两个月后,在刚刚过去的8月24日,甲大学人事再调整,免去钱二甲大学党委书记、委员的职务。\n\n8月23日下午,乙学院召开党委扩大会议,宣布省委干部任命决定:孙三任乙学院副院长。\n";
    assert_eq!(
        dated_events(text),
        [
            "2018-06-16 赵一 甲大学校长",
            "2018-08-24 钱二 甲大学党委书记",
            "2018-08-24 钱二 甲大学党委委员",
            "2018-08-23 孙三 乙学院副院长"
        ]
    );
}

#[test]
fn a_decision_announced_with_its_issuer_reads_as_the_decision() {
    assert_eq!(
        events("2020年5月6日，会议宣布省委决定赵一任甲大学校长。"),
        ["appoint 赵一 甲大学校长"]
    );
    assert_eq!(
        events("2020年5月6日，宣布省委干部任命决定李四任丁学院副院长。"),
        ["appoint 李四 丁学院副院长"]
    );
}

#[test]
fn the_votes_a_person_won_are_no_part_of_the_name() {
    assert_eq!(
        events("2020年5月6日，赵一以全票当选为甲县商会会长。钱二以98票当选乙县县长。"),
        ["appoint 赵一 甲县商会会长", "appoint 钱二 乙县县长"]
    );
    assert_eq!(
        events(
            "2020年5月6日，在133票有效票数中，郑华先生最终获得了129票同意的投票，被选举为丙公司职工监事。"
        ),
        ["appoint 郑华 丙公司职工监事"]
    );
}

#[test]
fn what_a_person_has_held_is_a_resume_and_a_quoted_name_is_one() {
    assert_eq!(
        events("2020年5月6日，吴换炎担任过两届全国政协委员，本身也是现届全国侨联常委。"),
        Vec::<String>::new()
    );
    assert_eq!(
        events(
            "2020年5月6日，行政长官委任廖柏伟为「前任行政长官及政治委任官员离职后工作谘询委员会」成员。"
        ),
        ["appoint 廖柏伟 前任行政长官及政治委任官员离职后工作谘询委员会成员"]
    );
}

#[test]
fn what_the_review_of_this_sessions_rules_found() {
    // The longer word first: `一共` is no part of the name.
    assert_eq!(
        events("2020年5月6日，郑华一共获得了129票，被选举为丁公司职工监事。"),
        ["appoint 郑华 丁公司职工监事"]
    );
    // A reason's `因` before a `以上`: the name ends at 因.
    assert_eq!(
        events("2020年5月6日，张三因以上原因辞去甲公司总经理职务。"),
        ["remove 张三 甲公司总经理"]
    );
    // 于 is a surname: the meeting's 在 comes after the name.
    assert_eq!(
        events("2020年5月6日，于伟国在闭幕会上当选为乙省省长。"),
        ["appoint 于伟国 乙省省长"]
    );
    // What is not agreed to removes nobody.
    assert_eq!(
        events("2020年5月6日，丙公司董事会不同意李四辞去丙公司总经理职务。"),
        Vec::<String>::new()
    );
    // `过渡` takes a post; `担任过` has held one.
    assert_eq!(
        events("2020年5月6日，王五出任过渡政府总理。"),
        ["appoint 王五 过渡政府总理"]
    );
    // A time after 当选 is no post.
    assert_eq!(
        events("2020年5月6日，赵六当选以来，工作出色。"),
        Vec::<String>::new()
    );
}
