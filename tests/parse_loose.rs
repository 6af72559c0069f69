//! Loose text, one class of statement a test: each sentence is taken from
//! a real text of the working half of `tests/data/real/` (named beside it),
//! read alone, and must give exactly these events.

use appointment_ledger::{DateSource, Parser};

/// The events of `text`, dated or not, as `kind person post flags`.
fn events(text: &str) -> Vec<String> {
    let read = Parser::new().read(text).expect("lenient");
    read.notices
        .iter()
        .flat_map(|n| &n.notice.events)
        .chain(read.undated.iter().flat_map(|u| &u.events))
        .map(|e| format!("{} {} {} {}", e.kind, e.person, e.post, e.flags))
        .collect()
}

#[test]
fn a_lead_before_the_verb_is_no_part_of_the_statement() {
    // b04_hangzhou_mayor_zjol
    assert_eq!(
        events(
            "杭州市十一届人大常委会第二十四次会议昨天接受蔡奇辞去杭州市市长职务,决定任命邵占维为杭州市副市长,代理杭州市市长职务。"
        ),
        [
            "remove 蔡奇 杭州市市长 ",
            "appoint 邵占维 杭州市副市长 ",
            "appoint 邵占维 杭州市市长 acting",
        ]
    );
}

#[test]
fn two_statements_joined_by_a_comma_of_enumeration() {
    // a06_npcsc_order14_am730_trad, in traditional script
    assert_eq!(
        events("三、免去王志剛的科學技術部部長職務、任命陰和俊為科學技術部部長。"),
        [
            "remove 王志剛 科學技術部部長 ",
            "appoint 陰和俊 科學技術部部長 ",
        ]
    );
}

#[test]
fn one_takes_over_from_another() {
    // c13_three_secretaries_jieti_stheadline
    assert_eq!(
        events("中共中央决定:国务院住房和城乡建设部部长王蒙徽接替应勇担任湖北省委书记。"),
        ["remove 应勇 湖北省委书记 ", "appoint 王蒙徽 湖北省委书记 "]
    );
}

#[test]
fn a_post_taken_by_someone_named_after_it() {
    // c25_wuhan_central_hospital_secretary_yicai
    assert_eq!(
        events("武汉市中心医院新的党委书记由武汉市卫健委副主任王卫华兼任。"),
        ["appoint 王卫华 武汉市中心医院党委书记 concurrent"]
    );
}

#[test]
fn a_bare_title_is_held_where_the_current_title_is() {
    // a23_npcsc_pboc_governor_tvbs_trad
    assert_eq!(
        events("也同時任命中國人民銀行(央行)黨委書記潘功勝為行長,並免去前任行長易綱的行長職務。"),
        [
            "appoint 潘功勝 中國人民銀行行長 ",
            "remove 易綱 中國人民銀行行長 ",
        ]
    );
}

#[test]
fn a_resume_and_a_forecast_appoint_nobody() {
    // a04_sc_deputy_secgen_szsranl; a forecast; a résumé of a01
    assert_eq!(
        events(
            "此番卸任国务院副秘书长的郭玮出生于1964年7月,他曾长期在国务院研究室工作,2018年6月任国务院研究室副主任。"
        ),
        Vec::<String>::new()
    );
    assert_eq!(events("吴晓军将出任青海省省长。"), Vec::<String>::new());
    let read = Parser::new()
        .read("2020年6月,单忠德任南京航空航太大学校长、党委副书记。")
        .unwrap();
    assert_eq!(
        read.passed_over[0].reason,
        "a résumé: what was held before, not a decision"
    );
}

#[test]
fn a_dateline_dates_the_decision_with_the_pages_year() {
    // b08_zhengzhou_mayor_sohu_xinhua
    let text = "| NEWS.SOHU.COM 2003年02月26日09:45 新华网 |\n新华网河南频道2月26日电 25日上午,郑州市第十一届人大常委会举行第35次会议。会议接受陈义初辞去郑州市人民政府市长的职务,决定王文超代理郑州市市长。\n";
    let read = Parser::new().read(text).unwrap();
    assert_eq!(read.notices.len(), 1);
    assert_eq!(read.notices[0].notice.effective.to_string(), "2003-02-25");
    assert_eq!(read.notices[0].date_source, DateSource::Stated);
    assert_eq!(
        events(text),
        [
            "remove 陈义初 郑州市人民政府市长 ",
            "appoint 王文超 郑州市市长 acting",
        ]
    );
}

#[test]
fn names_joined_and_counted() {
    // c05_wuhu_eye_hospital_vice_presidents
    assert_eq!(
        events(
            "根据弋医管委〔2019〕2号文件精神,同意聘任吴明秀、俞爱华两位同志为芜湖市眼科医院副院长。"
        ),
        [
            "appoint 吴明秀 芜湖市眼科医院副院长 ",
            "appoint 俞爱华 芜湖市眼科医院副院长 ",
        ]
    );
}

#[test]
fn people_who_take_posts_respectively() {
    // a10_npc_2023_state_council_caixin_repost (a headline)
    assert_eq!(
        events("李尚福、郑栅洁分别履新国防部部长、国家发改委主任"),
        [
            "appoint 李尚福 国防部部长 ",
            "appoint 郑栅洁 国家发改委主任 ",
        ]
    );
}

#[test]
fn a_title_that_is_a_whole_post() {
    // a06_npcsc_order14_am730_trad; a10_npc_2023_state_council_caixin_repost
    assert_eq!(
        events("一、免去李尚福的國務委員、國防部部長職務。"),
        ["remove 李尚福 國務委員 ", "remove 李尚福 國防部部長 "]
    );
    assert_eq!(
        events("李尚福、王小洪、吴政隆、谌贻琴、秦刚为国务委员;吴政隆为国务院秘书长。"),
        [
            "appoint 李尚福 国务委员 ",
            "appoint 王小洪 国务委员 ",
            "appoint 吴政隆 国务委员 ",
            "appoint 谌贻琴 国务委员 ",
            "appoint 秦刚 国务委员 ",
            "appoint 吴政隆 国务院秘书长 ",
        ]
    );
}

#[test]
fn a_removal_told_of_the_person() {
    // a06_npcsc_order14_am730_trad (a news lead)
    assert_eq!(
        events("內地央視新聞聯播周二晚報道,李尚福已被免去國防部長職務。"),
        ["remove 李尚福 國防部長 "]
    );
}

#[test]
fn a_byline_after_a_headline_is_no_part_of_its_clause() {
    // a10_npc_2023_state_council_caixin_repost
    assert_eq!(
        events("李尚福、郑栅洁分别履新国防部部长、国家发改委主任\n文|财新 林韵诗\n"),
        [
            "appoint 李尚福 国防部部长 ",
            "appoint 郑栅洁 国家发改委主任 ",
        ]
    );
}

#[test]
fn a_heading_above_the_text_does_not_end_it() {
    // a01_sc_vice_ministers_todaymg_trad, as a Markdown copy would title it
    assert_eq!(
        events("# 陸國務院任免一批副部級官員\n任命張政爲文化和旅遊部副部長;\n"),
        ["appoint 張政 文化和旅遊部副部長 "]
    );
}

#[test]
fn pinyin_glosses_are_no_part_of_a_post() {
    // f07_zhangzhou_party_trad, glossed as the copy prints it
    assert_eq!(
        events("會議決定任命侯為東為漳州市人民政府副市長(zhǎng);"),
        ["appoint 侯為東 漳州市人民政府副市長 "]
    );
}

#[test]
fn a_reports_company_is_what_its_words_for_a_company_mean() {
    // g23_boc_president_resign_163: the bank named as the subject, its
    // 该行 and board; the resignation's stated effect dates it.
    let text = "8月25日,中国银行发布公告称,该行董事会收到刘金的辞呈。刘金因个人原因,辞去中国银行副董事长、执行董事、董事会战略发展委员会委员及该行行长职务。该辞任自2024年8月25日起生效。\n";
    assert_eq!(
        events(text),
        [
            "remove 刘金 中国银行副董事长 ",
            "remove 刘金 中国银行执行董事 ",
            "remove 刘金 中国银行董事会战略发展委员会委员 ",
            "remove 刘金 中国银行行长 ",
        ]
    );
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices.len(), 1);
    assert_eq!(read.notices[0].notice.effective.to_string(), "2024-08-25");
    assert_eq!(read.notices[0].date_source, DateSource::Stated);
}

#[test]
fn a_resignation_received_lately_has_no_known_day() {
    // d13_jinxi_axle_chairman_resigns_ce: the dateline dates the report,
    // not the letter.
    let text = "2021-10-29 21:04:23\n中国经济网北京10月29日讯 晋西车轴(600495.SH)今日发布关于公司董事长辞职的公告。公告称,董事长张朝宏辞职。\n根据公告,晋西车轴董事会于近日收到公司董事长张朝宏的书面辞职报告。因工作变动原因,张朝宏申请辞去公司董事长、董事职务,同时辞去董事会战略决策委员会主任委员职务。上述辞职报告自送达公司董事会时生效。\n";
    let read = Parser::new().read(text).expect("lenient");
    assert!(read.notices.is_empty());
    let undated: Vec<String> = read.undated[0]
        .events
        .iter()
        .map(|e| format!("{} {}", e.person, e.post))
        .collect();
    assert_eq!(
        undated,
        [
            "张朝宏 晋西车轴董事长",
            "张朝宏 晋西车轴董事",
            "张朝宏 晋西车轴董事会战略决策委员会主任委员",
        ]
    );
}

#[test]
fn statements_listed_after_one_verb() {
    // h16_hksar_bureaus_cri_big5_2015: the decision dated in its lead
    let text = "依照香港特別行政區基本法的有關規定,根據香港特別行政區行政長官梁振英的提名和建議,國務院2015年7月21日決定:任命劉江華為民政事務局局長、張雲正為公務員事務局局長。\n國務院當天同時免去曾德成的民政事務局局長職務、鄧國威的公務員事務局局長職務。\n";
    assert_eq!(
        events(text),
        [
            "appoint 劉江華 民政事務局局長 ",
            "appoint 張雲正 公務員事務局局長 ",
            "remove 曾德成 民政事務局局長 ",
            "remove 鄧國威 公務員事務局局長 ",
        ]
    );
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices[0].notice.effective.to_string(), "2015-07-21");
}

#[test]
fn a_head_of_government_is_the_places() {
    // e06_jianjiang_town_bbs
    assert_eq!(
        events(
            "林启谋当选为鉴江镇人大主席,郑国忠当选为镇长,游勇辉、林美芳、苏文杉、黄邦富当选为副镇长。"
        ),
        [
            "appoint 林启谋 鉴江镇人大主席 ",
            "appoint 郑国忠 鉴江镇镇长 ",
            "appoint 游勇辉 鉴江镇副镇长 ",
            "appoint 林美芳 鉴江镇副镇长 ",
            "appoint 苏文杉 鉴江镇副镇长 ",
            "appoint 黄邦富 鉴江镇副镇长 ",
        ]
    );
}

#[test]
fn a_recall_and_the_posts_that_lapse_with_it() {
    // h01_npc_recall_cankao
    assert_eq!(
        events(
            "山东省人大常委会决定罢免罗琦的第十四届全国人民代表大会代表职务。依照《中华人民共和国全国人民代表大会和地方各级人民代表大会选举法》的有关规定,罗琦的第十四届全国人民代表大会常务委员会委员、全国人民代表大会教育科学文化卫生委员会委员职务相应撤销。"
        ),
        [
            "remove 罗琦 第十四届全国人民代表大会代表 ",
            "remove 罗琦 第十四届全国人民代表大会常务委员会委员 ",
            "remove 罗琦 全国人民代表大会教育科学文化卫生委员会委员 ",
        ]
    );
}

#[test]
fn a_dateline_under_headlines_opens_the_report() {
    // h18_peoples_daily_1998_state_council: the paper's issue date is the
    // day after the dateline's.
    let text = "1998年3月19日人民日报 第1版\n\n  九届全国人大一次会议举行第六次全会\n  决定新一届国务院组成人员\n  新华社北京3月18日电 九届全国人大一次会议今天下午在人民大会堂举行第六次全体会议。\n  根据表决结果,李岚清、钱其琛、吴邦国、温家宝为国务院副总理;迟浩田、罗干、吴仪、司马义·艾买提、王忠禹为国务委员。\n";
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices.len(), 1);
    assert_eq!(read.notices[0].notice.effective.to_string(), "1998-03-18");
    assert_eq!(read.notices[0].date_source, DateSource::Dateline);
    assert_eq!(read.notices[0].notice.events.len(), 9);
}

#[test]
fn statements_listed_with_their_own_verbs() {
    // f26_cas_shanghai_branch_2005 (the copy's cut at the end left out)
    assert_eq!(
        events(
            "中国科学院人事教育局局长刘毅在会上宣布上海分院新的领导班子的任命通知:中国科学院党组成员、副院长江绵恒兼任上海分院院长、华仁长担任上海分院党组书记、常务副院长。"
        ),
        [
            "appoint 江绵恒 上海分院院长 concurrent",
            "appoint 华仁长 上海分院党组书记 ",
            "appoint 华仁长 上海分院常务副院长 ",
        ]
    );
    // c03_moe_universities_news_reprint
    assert_eq!(
        events(
            "另外还宣布了李善民、肖海鹏、马骏、杨清华、王雪华为中山大学副校长,兰平、邰忠智为中山大学副校长(试用期一年),上述7位多为“60后”,马骏、杨清华、邰忠智等人为“65后”。"
        ),
        [
            "appoint 李善民 中山大学副校长 ",
            "appoint 肖海鹏 中山大学副校长 ",
            "appoint 马骏 中山大学副校长 ",
            "appoint 杨清华 中山大学副校长 ",
            "appoint 王雪华 中山大学副校长 ",
            "appoint 兰平 中山大学副校长 probation",
            "appoint 邰忠智 中山大学副校长 probation",
        ]
    );
}

#[test]
fn a_lists_lead_is_no_part_of_its_first_statement() {
    // d08_soe_heads_roundup_spamsite
    assert_eq!(
        events(
            "分别是莫鼎革任中国化学工程集团董事长,楼齐良任中国铁路通信信号集团董事长;赵炳祥任中国医药集团党委副书记、董事,提名为集团总经理人选。"
        ),
        [
            "appoint 莫鼎革 中国化学工程集团董事长 ",
            "appoint 楼齐良 中国铁路通信信号集团董事长 ",
            "appoint 赵炳祥 中国医药集团党委副书记 ",
            "appoint 赵炳祥 中国医药集团董事 ",
        ]
    );
}

#[test]
fn a_motion_a_board_adopted_is_its_decision() {
    // g05_xibu_jianshe_chairman: the meeting that elected him dates it
    let text = "中建西部建设股份有限公司于 2024年 11月 15日召开 2024年第三次临时股东大会,选举章维成先生为公司第八届董事会非独立董事。\n经与会董事充分讨论,一致通过以下决议: 1. 审议通过《关于推选章维成任公司第八届董事会董事长的议案》。\n";
    assert_eq!(
        events(text),
        [
            "appoint 章维成 中建西部建设股份有限公司第八届董事会非独立董事 ",
            "appoint 章维成 中建西部建设股份有限公司第八届董事会董事长 ",
        ]
    );
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices[0].notice.effective.to_string(), "2024-11-15");
    // e26_houjie_town_byelection_trad: a town congress's decision adopted
    assert_eq!(
        events("大會通過了《關於接受方沛林同志辭去厚街鎮人民政府副鎮長職務請求的決定》草案。"),
        ["remove 方沛林 厚街鎮人民政府副鎮長 "]
    );
}

#[test]
fn acting_before_the_organisation_and_a_forecast_of_succession() {
    // e16_wenzhou_acting_mayor
    assert_eq!(
        events("会议决定任命张文杰为温州市人民政府副市长、代理温州市人民政府市长职务。"),
        [
            "appoint 张文杰 温州市人民政府副市长 ",
            "appoint 张文杰 温州市人民政府市长 acting",
        ]
    );
    // e24_mingpaocanada_shanghai_future_trad: 將 is what will be, no event
    let read = Parser::new()
        .read("19日同時傳出的其他的人事變動還包括,河北省委副書記趙一德將接任山東省長,遼寧省長陳一軍將接替陳求發出任遼寧省委書記,貴州省長諶貽琴將接替孫志剛出任貴州省委書記。")
        .expect("lenient");
    assert!(read.found_nothing());
    assert_eq!(read.passed_over.len(), 2);
    assert_eq!(
        read.passed_over[0].reason,
        "a forecast (将, 拟), not a decision"
    );
}

#[test]
fn statements_listed_with_an_honorific() {
    // h14_hospital_forum_starred (the copy's * for 党 kept)
    assert_eq!(
        events(
            "严肃同志首先宣读了市委组织部文件通知:郑德元同志任医院*委书记、梁冬波同志任医院*委副书记、院长。"
        ),
        [
            "appoint 郑德元 医院*委书记 ",
            "appoint 梁冬波 医院*委副书记 ",
            "appoint 梁冬波 医院*委院长 ",
        ]
    );
}

#[test]
fn bare_titles_take_the_organisation_the_report_speaks_of() {
    // g26_cnpc_board_split_2011: the group a sentence made its subject
    assert_eq!(
        events(
            "本报讯 中石油集团公司6日宣布,党中央和国务院近日宣布了对中石油集团领导的调整决定,中石油集团设立董事会,由蒋洁敏任董事长、党组书记,但免去其总经理职务,由周吉平任总经理,周吉平同时担任董事。"
        ),
        [
            "appoint 蒋洁敏 中石油集团董事长 ",
            "appoint 蒋洁敏 中石油集团党组书记 ",
            "remove 蒋洁敏 中石油集团总经理 ",
            "appoint 周吉平 中石油集团总经理 ",
            "appoint 周吉平 中石油集团董事 ",
        ]
    );
    // f20_caas_oilcrops_team: the institute the sentence before named
    assert_eq!(
        events(
            "任命王移收、廖星、黄凤洪为油料所党委委员。由于年龄的原因,黄佑安不再担任党委书记、副所长,刘曾保不再担任副所长。"
        ),
        [
            "appoint 王移收 油料所党委委员 ",
            "appoint 廖星 油料所党委委员 ",
            "appoint 黄凤洪 油料所党委委员 ",
            "remove 黄佑安 油料所党委书记 ",
            "remove 黄佑安 油料所副所长 ",
            "remove 刘曾保 油料所副所长 ",
        ]
    );
}

#[test]
fn a_name_that_ends_in_sheng_and_a_rank_note() {
    // d16_nantaihu_group_cadre_meeting_trad: 夏吉勝任…, not 勝任
    assert_eq!(
        events(
            "會上,新區黨群工作部副部長蔣超宣布干部任免決定:夏吉勝任浙江南太湖城市開發控股集團有限公司黨委副書記、副董事長、總經理;"
        ),
        [
            "appoint 夏吉勝 浙江南太湖城市開發控股集團有限公司黨委副書記 ",
            "appoint 夏吉勝 浙江南太湖城市開發控股集團有限公司副董事長 ",
            "appoint 夏吉勝 浙江南太湖城市開發控股集團有限公司總經理 ",
        ]
    );
    // d17_sinolight_poly_decision_meeting: (正职待遇) is a rank, no flag
    assert_eq!(
        events("俞海星同志任中轻集团副董事长(正职待遇),不再担任中轻集团总经理职务;"),
        [
            "appoint 俞海星 中轻集团副董事长 ",
            "remove 俞海星 中轻集团总经理 ",
        ]
    );
}

#[test]
fn a_bare_head_of_government_is_the_place_the_sentence_names() {
    // e10_renminbao_provinces_2006_trad
    assert_eq!(
        events("17日,四川省第十屆人民代表大會第四次會議通過決定,接受陳文光辭去副省長職務。"),
        ["remove 陳文光 四川省副省長 "]
    );
}

#[test]
fn a_day_that_opens_a_sentence_dates_what_it_reports() {
    // e10_renminbao_provinces_2006_trad: the page dates the report, each
    // sentence its own decision.
    let text = "2006年1月19日發表\n\n另據湖北日報18日消息:16日湖北省政協九屆四次會議第二次大會選舉陳春林、武清海、宋德福當選爲九屆省政協副主席。\n\n此外,北京市政協十屆四次會議18日決定選舉陽安江爲北京市政協主席。\n";
    let read = Parser::new().read(text).expect("lenient");
    let days: Vec<(String, usize)> = read
        .notices
        .iter()
        .map(|n| (n.notice.effective.to_string(), n.notice.events.len()))
        .collect();
    assert_eq!(
        days,
        [("2006-01-16".to_owned(), 3), ("2006-01-18".to_owned(), 1)]
    );
}

#[test]
fn a_report_that_names_a_school_and_then_says_its_school() {
    // c22_renmin_univ_vice_presidents_cctv_big5
    assert_eq!(
        events("教育部日前向人民大學發佈通知,任命王利明和楊慧林為該校副校長。"),
        [
            "appoint 王利明 人民大學副校長 ",
            "appoint 楊慧林 人民大學副校長 ",
        ]
    );
}

#[test]
fn an_office_written_yi_zhi_and_the_people_named_then_take_posts_respectively() {
    // h08_state_council_deputy_secgen_wenweipo: `一职` for 职务; `分别出任`
    // pairs the people the clause named with the posts joined by 和.
    assert_eq!(
        events(
            "与此同时,张勇和毕井泉不再担任国务院副秘书长一职,分别出任国家发改委副主任(正部长级)和国家食品药监局局长。"
        ),
        [
            "remove 张勇 国务院副秘书长 ",
            "remove 毕井泉 国务院副秘书长 ",
            "appoint 张勇 国家发改委副主任 ",
            "appoint 毕井泉 国家食品药监局局长 ",
        ]
    );
}

#[test]
fn words_of_when_and_how_and_a_description_are_no_part_of_a_name() {
    // g07_boc_picc_chairmen_resign: an age before the name ending in 的, a
    // day between the name and its passive verb.
    assert_eq!(
        events(
            "此外,跟刘连舸一样,今年63岁的罗熹同天被免去中国人民保险集团股份有限公司党委书记职务。"
        ),
        ["remove 罗熹 中国人民保险集团股份有限公司党委书记 "]
    );
    // d05_poly_group_party_secretary_oriental_trad (to its first comma):
    // 突 (suddenly) is not the name's last character.
    assert_eq!(
        events("保利前董事長陳洪生突被免去集團黨委書記職務。"),
        ["remove 陳洪生 集團黨委書記 "]
    );
}

#[test]
fn a_list_of_posts_written_on_after_a_comma() {
    // f07_zhangzhou_party_trad, pinyin glosses and all: the posts after
    // each comma are still the ones 盧力 leaves.
    assert_eq!(
        events(
            "盧力同志不再擔(dān)任漳州市人民政府黨組成員,中共漳州市委古雷港經(jīng)濟(jì)開(kāi)發(fā)區(qū)工作委員會(huì)副書(shū)記、委員,漳州古雷港經(jīng)濟(jì)開(kāi)發(fā)區(qū)管委會(huì)主任職務(wù)。"
        ),
        [
            "remove 盧力 漳州市人民政府黨組成員 ",
            "remove 盧力 中共漳州市委古雷港經濟開發區工作委員會副書記 ",
            "remove 盧力 中共漳州市委古雷港經濟開發區工作委員會委員 ",
            "remove 盧力 漳州古雷港經濟開發區管委會主任 ",
        ]
    );
}

#[test]
fn a_place_for_its_government_is_one_post_written_short() {
    // e03_chongming_district_acting_head: the lead's 崇明区区长 and the
    // decision's 上海市崇明区人民政府区长 are one resignation, kept as the
    // decision writes it.
    assert_eq!(
        events(
            "今天(7月27日),区二届人大常委会第四次会议决定,接受缪京辞去崇明区区长职务的请求,李峻任崇明区副区长、代理区长。区委书记缪京出席会议,区人大常委会主任薛红主持会议。\n\n会议审议了区人大常委会关于接受缪京辞去上海市崇明区人民政府区长职务请求的决定(草案)。会议经表决,决定接受缪京辞去上海市崇明区人民政府区长职务的请求。"
        ),
        [
            "remove 缪京 上海市崇明区人民政府区长 ",
            "appoint 李峻 崇明区副区长 ",
            "appoint 李峻 崇明区区长 acting",
        ]
    );
}

#[test]
fn a_day_takes_its_year_from_the_document_the_report_cites() {
    // c05_wuhu_eye_hospital_vice_presidents (the first sentence of each
    // paragraph): the page gives no date, the notice it reads out its year.
    let text = "6月27日,区医管委在我院召开新任副院长任职宣布大会,宣布我院新任副院长的任免决定。\n会上,赵玉忠副主任代表区医管委宣读任免通知,根据弋医管委〔2019〕2号文件精神,同意聘任吴明秀、俞爱华两位同志为芜湖市眼科医院副院长。\n";
    let read = Parser::new().read(text).expect("lenient");
    let days: Vec<(String, DateSource, Vec<String>)> = read
        .notices
        .iter()
        .map(|n| {
            (
                n.notice.effective.to_string(),
                n.date_source,
                n.notice
                    .events
                    .iter()
                    .map(|e| format!("{} {} {}", e.kind, e.person, e.post))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        days,
        [(
            "2019-06-27".to_owned(),
            DateSource::Stated,
            vec![
                "appoint 吴明秀 芜湖市眼科医院副院长".to_owned(),
                "appoint 俞爱华 芜湖市眼科医院副院长".to_owned(),
            ]
        )]
    );
    assert!(read.undated.is_empty());
}

#[test]
fn the_decisions_a_meeting_adopted_by_their_titles() {
    // h03_shanxi_acting_governor_bjlb: two decisions named by their
    // titles, without the title's marks, after one 表决通过了.
    assert_eq!(
        events(
            "会议表决通过了关于接受林武辞去山西省第十三届人民代表大会常务委员会主任职务请求的决定、关于接受蓝佛安辞去山西省人民政府省长职务请求的决定。(杨文)"
        ),
        [
            "remove 林武 山西省第十三届人民代表大会常务委员会主任 ",
            "remove 蓝佛安 山西省人民政府省长 ",
        ]
    );
}

#[test]
fn a_bare_title_in_a_boards_own_statement_is_the_companys() {
    // d09_hongbo_dismiss_vp_board_resolution (its title, decision and
    // signature): 公司董事会 decides, so 副总经理 is the company's; what an
    // announcement adds after (解聘后…, 不会对公司…产生重大影响) is no clause
    // that fails.
    assert_eq!(
        events(
            "鸿博股份有限公司第六届董事会第二十六次会议决议公告\n公司董事会同意解聘周韡韡女士副总经理职务,自本次董事会审议通过之日起生效。解聘后,周韡韡女士不再担任公司任何职务,本次解聘不会对公司日常生产经营活动产生重大影响。\n鸿博股份有限公司董事会\n二〇二四年四月二十日\n"
        ),
        ["remove 周韡韡 鸿博股份有限公司副总经理 "]
    );
}

#[test]
fn who_takes_over_from_a_move_foretold_is_foretold() {
    // e11_tvbnow_shanghai_mayor_trad: the resignation is accepted; the
    // successor 由…升任市長 is part of the forecast 將調任.
    assert_eq!(
        events(
            "內地各省份相繼進入兩會會期,上海市人大會議昨日表決通過,接受楊雄辭去上海市市長職務請求。據了解,63歲的楊雄將調任全國人大財經委副主委,由國家主席習近平舊部、上海常務副市長應勇升任市長。"
        ),
        ["remove 楊雄 上海市市長 "]
    );
}

#[test]
fn the_company_that_convened_its_board_is_what_its_report_calls_the_company() {
    // d20_huadong_tech_gm_iaiso (its first sentence): 华东科技 ends in no
    // word of a company's name, but convened its board.
    assert_eq!(
        events(
            "8月26日,华东科技召开第九届董事会第四次会议,审议通过了《聘任公司总经理的议案》,因工作调整,孙学军先生辞去公司总经理职务,经公司提名委员会提名,聘任徐国忠先生为公司总经理,任期与第九届董事会任期一致。"
        ),
        [
            "remove 孙学军 华东科技总经理 ",
            "appoint 徐国忠 华东科技总经理 ",
        ]
    );
}

#[test]
fn how_the_vote_went_stands_between_the_person_and_the_election() {
    // e05_sanhe_town_election
    assert_eq!(
        events("经过与会代表无记名投票,杨梅岭同志(女)全票当选为三和镇人民政府镇长。"),
        ["appoint 杨梅岭 三和镇人民政府镇长 "]
    );
    // e26_houjie_town_byelection_trad
    assert_eq!(
        events(
            "在投票選舉環節,葉沛長以贊成票90票、反對票0票、棄權票0票的投票結果,當選為厚街鎮人民政府副鎮長。"
        ),
        ["appoint 葉沛長 厚街鎮人民政府副鎮長 "]
    );
}

#[test]
fn a_paper_cited_for_the_report_is_no_part_of_the_statement() {
    // b04_hangzhou_mayor_zjol, its first line whole: the dateline and the
    // paper cited (据《青年时报》报道) before the meeting's decision.
    assert_eq!(
        events(
            "浙江在线07月29日讯 据《青年时报》报道杭州市十一届人大常委会第二十四次会议昨天接受蔡奇辞去杭州市市长职务,决定任命邵占维为杭州市副市长,代理杭州市市长职务。"
        ),
        [
            "remove 蔡奇 杭州市市长 ",
            "appoint 邵占维 杭州市副市长 ",
            "appoint 邵占维 杭州市市长 acting",
        ]
    );
}

#[test]
fn what_was_done_last_year_is_background() {
    // f24_dongfeng_primary_school: the reshuffle of 去年1月 told before
    // this year's.
    assert_eq!(
        events(
            "去年1月,越秀区开展新一轮校长换岗工作,对22所小学“掌门人”进行调整,其中彭娅任东风东路小学党总支书记,农林下路小学原校长吴海华任东风东路小学校长。"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn the_posts_written_before_the_name_of_someone_removed() {
    // g17_sinosteel_tvbnow_garbled_trad, to its first comma.
    assert_eq!(
        events("中國大陸的中鋼集團總裁、黨委副書記黃天文近日被免職。"),
        [
            "remove 黃天文 中鋼集團總裁 ",
            "remove 黃天文 中鋼集團黨委副書記 ",
        ]
    );
}

#[test]
fn a_headlines_statements_set_apart_by_white_space() {
    // a06_npcsc_order14_am730_trad, its headline: the first statement's
    // 防長 is no title the lexicon knows (reported), the second is read
    // alone, not as the first's posts.
    assert_eq!(
        events("李尚福被免去國務委員兼防長職務 秦剛被免去國務委員職務\n"),
        ["remove 秦剛 國務委員 "]
    );
}

#[test]
fn statements_a_list_joins_each_have_their_verb_and_a_report_says_where_it_is() {
    // l23_jinshan_red_cross_council: `、` joins three statements, the last
    // of three names; the headline writes the society out in full.
    let text = "金山区红十字会召开第四届理事会第三次会议\n会议依据有关规定,调整更换四届理事会理事23人。张娣芳当选为区红十字会会长、蔡红梅当选为区红十字会常务副会长、吴筱蓉、钱益明、褚慧当选为区红十字会副会长。\n";
    assert_eq!(
        events(text),
        [
            "appoint 张娣芳 金山区红十字会会长 ",
            "appoint 蔡红梅 金山区红十字会常务副会长 ",
            "appoint 吴筱蓉 金山区红十字会副会长 ",
            "appoint 钱益明 金山区红十字会副会长 ",
            "appoint 褚慧 金山区红十字会副会长 ",
        ]
    );
    // l25_xiamen_schools_transfers_news: the city is named by its bureau
    // that issued the notice, and its institute written `市…`.
    assert_eq!(
        events(
            "这不,昨天,厦门市教育局发布了任职通知。\n其中,市直属校中,厦门六中副校长黄达平调任市教育科学研究院副院长。\n"
        ),
        ["appoint 黄达平 厦门市教育科学研究院副院长 "]
    );
    // A place ended by a word of the sentence is no place: `调任市…`
    // alone names no city.
    assert_eq!(
        events("厦门六中副校长黄达平调任市教育科学研究院副院长。\n"),
        ["appoint 黄达平 市教育科学研究院副院长 "]
    );
}

#[test]
fn a_reason_between_a_name_and_its_verb_is_no_part_of_the_name() {
    // l13_tongji_hospital_party_secretary
    assert_eq!(
        events("吴菁同志任同济医院党委书记,陈安民同志因年龄原因不再担任同济医院党委书记。"),
        [
            "appoint 吴菁 同济医院党委书记 ",
            "remove 陈安民 同济医院党委书记 ",
        ]
    );
    // j02_zhongwei_director_resign_163: the reason, a comma, the request.
    assert_eq!(
        events(
            "中威电子(300270.SZ)发布公告,公司董事会于近日收到非独立董事胡明磊的书面辞职报告。据报告内容显示,胡明磊因个人工作安排原因,特申请辞去公司第五届董事会非独立董事的职务,并明确表示辞职后将不再担任公司任何职务。"
        ),
        ["remove 胡明磊 中威电子第五届董事会非独立董事 "]
    );
    // g11_guangyuyuan_chairman_2021
    assert_eq!(
        events("张斌先生因工作变动,申请辞去公司董事长职务。"),
        ["remove 张斌 公司董事长 "]
    );
}

#[test]
fn a_boards_seats_and_the_companys_officers_are_written_out_apart() {
    // l14_shibei_listed_gm_retirement: `等所有职务` closes the list; the
    // board committee is the company's board's, the general manager the
    // company's, not the committee's.
    assert_eq!(
        events(
            "上海市北高新股份有限公司(以下简称“公司”)董事会于近日收到公司董事、总经理张羽祥先生的书面报告,张羽祥先生因到龄退休原因,不再担任公司董事会董事、董事会战略委员会委员及总经理等所有职务。"
        ),
        [
            "remove 张羽祥 上海市北高新股份有限公司董事会董事 ",
            "remove 张羽祥 上海市北高新股份有限公司董事会战略委员会委员 ",
            "remove 张羽祥 上海市北高新股份有限公司总经理 ",
        ]
    );
}

#[test]
fn the_day_from_which_between_a_name_and_its_verb_is_no_part_of_the_name() {
    // k06_hk_perm_secs_stheadline_2026_trad: a current title, the name,
    // the day from which, a comma, then the verb.
    assert_eq!(
        events(
            "政府今（11日）宣布，現任商務及經濟發展局常任秘書長黃少珠明日（2月12日）起，出任政制及內地事務局常任秘書長，接替已展開退休前休假的傅小慧。"
        ),
        ["appoint 黃少珠 政制及內地事務局常任秘書長 "]
    );
    // Without the comma; and a name that ends as a day's word starts.
    assert_eq!(
        events("黃少珠2月12日起出任政制及內地事務局常任秘書長。"),
        ["appoint 黃少珠 政制及內地事務局常任秘書長 "]
    );
    assert_eq!(
        events("李明明日起出任政制及內地事務局常任秘書長。"),
        ["appoint 李明 政制及內地事務局常任秘書長 "]
    );
}

#[test]
fn a_decision_announced_by_its_title_is_its_statements() {
    // l07_guangye_group_soe_trad: `宣布省委關于…的決定`; and a bare 書記
    // after 黨委委員 is the Party committee's.
    assert_eq!(
        events(
            "12月20日上午,省委組織部到廣業集團召開干部大會,宣布省委關于任命黃敦新同志為廣業集團黨委書記、董事長,聘任黃文同志為廣業集團總經理的決定,同時免去余志良同志廣業集團黨委委員、書記、董事長職務。"
        ),
        [
            "appoint 黃敦新 廣業集團黨委書記 ",
            "appoint 黃敦新 廣業集團董事長 ",
            "appoint 黃文 廣業集團總經理 ",
            "remove 余志良 廣業集團黨委委員 ",
            "remove 余志良 廣業集團黨委書記 ",
            "remove 余志良 廣業集團董事長 ",
        ]
    );
}

#[test]
fn a_resignation_whose_duties_go_on_is_pending_and_a_legal_representative_is_a_post() {
    // h07_caeri_chairman_gloss_copy: `和` joins the legal representative,
    // and the board committee is the company's.
    assert_eq!(
        events(
            "公司原董事長萬鑫銘同志因工作安排,申請辭去公司董事長、董事及董事會戰略委員會委員和公司法定代表人職務。"
        ),
        [
            "remove 萬鑫銘 公司董事長 ",
            "remove 萬鑫銘 公司董事 ",
            "remove 萬鑫銘 公司董事會戰略委員會委員 ",
            "remove 萬鑫銘 公司法定代表人 ",
        ]
    );
    // g20_jinjiang_shipping_resign_pending: she goes on until a successor
    // is elected, so nothing is done yet (the copy is cut off at 職).
    let text = "庄晓晴女士因工作原因,申请辞去公司董事、董事长、战略委员会主任委员及公司法定代表人职务。鉴于新任董事长的选举工作尚需经过相应的法定程序,为保障公司的正常运营和公司治理平稳过渡,庄晓晴女士将继续履行公司董事、董事长、董事会战略委员会主任委员及公司法定代表人职";
    assert_eq!(events(text), Vec::<String>::new());
}

#[test]
fn a_roundups_short_name_takes_the_place_it_named_last_before() {
    // e10_renminbao_provinces_2006_trad: the province is the congress's
    // the sentence before names (past its term), not a name in the list.
    let text = "另據湖北日報消息,湖北省政協舉行會議。\n17日,四川省第十屆人民代表大會第四次會議通過決定,接受陳文光辭去副省長職務。此外,該會議還同時接受黃寅逵、牟緒珩辭去省十屆人民代表大會常務委員會副主任職務。\n";
    assert_eq!(
        events(text),
        [
            "remove 陳文光 四川省副省長 ",
            "remove 黃寅逵 四川省十屆人民代表大會常務委員會副主任 ",
            "remove 牟緒珩 四川省十屆人民代表大會常務委員會副主任 ",
        ]
    );
}

#[test]
fn an_earlier_decision_told_of_is_no_resume_and_an_adverb_is_no_part_of_a_name() {
    // h08_state_council_deputy_secgen_wenweipo
    assert_eq!(
        events(
            "此前的4月24日的任免通知正式明确,国务院副秘书长「一进二出」,陕西省委原常委江泽林正式出任国务院副秘书长,与此同时,张勇和毕井泉不再担任国务院副秘书长一职,分别出任国家发改委副主任(正部长级)和国家食品药监局局长。"
        ),
        [
            "appoint 江泽林 国务院副秘书长 ",
            "remove 张勇 国务院副秘书长 ",
            "remove 毕井泉 国务院副秘书长 ",
            "appoint 张勇 国家发改委副主任 ",
            "appoint 毕井泉 国家食品药监局局长 ",
        ]
    );
    // A résumé's 此前 still passes its clause over.
    assert_eq!(
        events("此前,江泽林任陕西省委常委、秘书长。"),
        Vec::<String>::new()
    );
}

#[test]
fn a_weak_heads_prose_is_read_for_its_statements() {
    // h07_caeri_chairman_gloss_copy: a company's 公告 whose body is prose:
    // a current title before the name, a reason, the request; a résumé's
    // place after the name.
    let text = "中國汽車工程研究院股份有限公司\n關於董事長調整的公告\n中國汽車工程研究院股份有限公司(以下簡稱“公司”)於2024年4月8日召開第五屆董事會第十一次會議。\n一、公司董事長辭職情況\n公司原董事長萬鑫銘同志因工作安排,申請辭去公司董事長、董事職務。\n二、公司新任董事長選舉情況\n經公司第五屆董事會第十一次會議審議,選舉周玉林同志(簡歷附後)擔任公司第五屆董事會董事長,任期與本屆董事會一致。\n";
    assert_eq!(
        events(text),
        [
            "remove 萬鑫銘 中國汽車工程研究院股份有限公司董事長 ",
            "remove 萬鑫銘 中國汽車工程研究院股份有限公司董事 ",
            "appoint 周玉林 中國汽車工程研究院股份有限公司第五屆董事會董事長 ",
        ]
    );
}

#[test]
fn decisions_adopted_by_their_titles_are_each_a_statement() {
    // i05_wenweipo_liaoning_acting_governor_trad: two titles joined by 和,
    // each with the body that adopted it before 關於, one of them 決定任命.
    assert_eq!(
        events(
            "在隨後召開的第二次全體會議上,分別表決通過了《遼寧省人民代表大會常務委員會關於接受張文岳辭去遼寧省人民政府省長職務請求的決定》和《遼寧省人民代表大會常務委員會關於決定任命陳政高為遼寧省人民政府副省長、代理省長的決定》。"
        ),
        [
            "remove 張文岳 遼寧省人民政府省長 ",
            "appoint 陳政高 遼寧省人民政府副省長 ",
            "appoint 陳政高 遼寧省人民政府省長 acting",
        ]
    );
}

#[test]
fn the_company_a_text_defines_as_its_gongsi_is_written_out() {
    // l15_northeast_pharma_vice_gm, a flattened PDF: DOMAIN.md writes 公司
    // out where the text defines it (以下简称"公司").
    let text = "东北制药:关于聘任副总经理的公告\n证券代码:000597 证券简称:东北制药 公告编号:2023-080 东北制药集团股份有限公司(以下简称\"公司\")于 2023年12月24日召开第九届董事会第三十次会议,审议通过了《关于聘任公司副总经理的议案》,同意聘任冯晓先生为公司副总经理。\n";
    assert_eq!(
        events(text),
        ["appoint 冯晓 东北制药集团股份有限公司副总经理 "]
    );
}

#[test]
fn an_accepted_resignation_takes_its_le() {
    // k13_wujin_district_congress_trad_garbled, its glosses and all.
    assert_eq!(
        events(
            "會議接受了謝國正辭去武進(jìn)區(qū)人民政府副區(qū)長、常州市公安局武進(jìn)分局局長職務(wù)的請求,任命張強(qiáng)為武進(jìn)區(qū)人民政府副區(qū)長。"
        ),
        [
            "remove 謝國正 武進區人民政府副區長 ",
            "remove 謝國正 常州市公安局武進分局局長 ",
            "appoint 張強 武進區人民政府副區長 ",
        ]
    );
}

#[test]
fn he_after_a_letter_received_is_its_writer() {
    // g07_boc_picc_chairmen_resign
    assert_eq!(
        events(
            "中国银行星期天(3月19日)公告,董事会收到刘连舸的辞呈。他因工作调整,辞去中国银行董事长、执行董事、董事会战略发展委员会主席及委员、企业文化与消费者权益保护委员会委员职务。"
        ),
        [
            "remove 刘连舸 中国银行董事长 ",
            "remove 刘连舸 中国银行执行董事 ",
            "remove 刘连舸 中国银行董事会战略发展委员会主席 ",
            "remove 刘连舸 中国银行董事会战略发展委员会委员 ",
            "remove 刘连舸 中国银行企业文化与消费者权益保护委员会委员 ",
        ]
    );
    // With no one named before, 他 is nobody.
    assert_eq!(
        events("他因工作调整,辞去中国银行董事长职务。"),
        Vec::<String>::new()
    );
}

#[test]
fn a_former_title_before_a_name_lends_no_organisation() {
    // j21_cebbank_president_resume_ce: 行长 is the bank's that appoints
    // him, not the one he came from.
    assert_eq!(
        events("与此同时,光大银行还公告称,该行董事会同意聘任中行原副行长张金良为行长。"),
        ["appoint 张金良 光大银行行长 "]
    );
}

#[test]
fn a_short_passive_removal_and_a_former_title_that_leaves() {
    // n09_peoples_daily_leaders_2014_spamsite_repost
    assert_eq!(
        events(
            "4月30日,《人民日报》官网显示,杨振武任人民日报社社长,原社长张研农卸任;李宝善任总编辑,杨振武被免总编职务。"
        ),
        [
            "appoint 杨振武 人民日报社社长 ",
            "remove 张研农 人民日报社社长 ",
            "appoint 李宝善 人民日报社总编辑 ",
            "remove 杨振武 人民日报社总编 ",
        ]
    );
}

#[test]
fn a_duty_after_the_post_is_no_part_of_it() {
    // n06_chengdu_blades_fc_staff_cctv_big5
    assert_eq!(
        events("俱樂部宣佈了新的人事任命:姚夏任俱樂部副總經理並主管競訓。"),
        ["appoint 姚夏 俱樂部副總經理 "]
    );
}

#[test]
fn a_reason_given_with_you_yu_and_a_resignation_the_board_received() {
    // o01_sinomach_auto_chairman_resign_365gu
    let text = "2021 年 3 月 4 日,国机汽车股份有限公司(以下简称“公司”)董事会收到董事长陈有权先生的书面辞职报告。陈有权先生由于工作变动原因辞去公司董事长、董事职务,同时相应辞去公司战略委员会主任委员、提名委员会委员等职务,辞职后不再担任公司任何职务。";
    assert_eq!(
        events(text),
        [
            "remove 陈有权 国机汽车股份有限公司董事长 ",
            "remove 陈有权 国机汽车股份有限公司董事 ",
            "remove 陈有权 国机汽车股份有限公司战略委员会主任委员 ",
            "remove 陈有权 国机汽车股份有限公司提名委员会委员 ",
        ]
    );
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices[0].notice.effective.to_string(), "2021-03-04");
}

#[test]
fn a_resignation_received_on_the_day_the_rest_is_said_to_be() {
    // g24_bank_of_shanghai_trad_2025 (lines 2, 3 and 8): the letter's day is
    // the day said for the other decision.
    let text = "4月22日晚間,上海銀行公告稱,2025年4月22日,公司董事會收到董事長金煜先生的辭呈。\n因年齡原因,金煜先生辭去公司董事長、執行董事、董事會戰略委員會主任委員職務。金煜先生辭任自辭呈送達董事會之日起生效。金煜先生辭任后不再擔任公司任何職務。\n另據媒體報道,據媒體報道,4月22日上午,上海銀行召開干部大會,會上宣布,顧建忠任上海銀行黨委書記。";
    assert_eq!(
        events(text),
        [
            "remove 金煜 上海銀行董事長 ",
            "remove 金煜 上海銀行執行董事 ",
            "remove 金煜 上海銀行董事會戰略委員會主任委員 ",
            "appoint 顧建忠 上海銀行黨委書記 ",
        ]
    );
    let read = Parser::new().read(text).expect("lenient");
    let days: Vec<String> = read
        .notices
        .iter()
        .map(|n| n.notice.effective.to_string())
        .collect();
    assert_eq!(days, ["2025-04-22"]);
}

#[test]
fn a_title_before_the_name_of_someone_elected() {
    // o09_shanshan_chairman_swap_wxredian: 董事 is the title, not a surname's.
    assert_eq!(
        events(
            "11月18日晚间,杉杉股份(600884.SH)发布公告称,郑驹因工作原因申请辞去公司董事长职务,公司董事会现选举董事周婷为公司第十一届董事会董事长。"
        ),
        [
            "remove 郑驹 杉杉股份董事长 ",
            "appoint 周婷 杉杉股份第十一届董事会董事长 ",
        ]
    );
}

#[test]
fn a_decision_made_some_days_before_the_page_is_undated() {
    // c22_renmin_univ_vice_presidents_cctv_big5 (lines 4 and 6): the page's
    // time bounds the decision (`日前`), it does not date it.
    let text = "發佈時間:2010年03月18日 06:47 | 進入復興論壇 | 來源:新京報 \n  教育部日前向人民大學發佈通知,任命王利明和楊慧林為該校副校長。";
    let read = Parser::new().read(text).expect("lenient");
    assert!(read.notices.is_empty(), "{:?}", read.notices);
    let undated: Vec<String> = read
        .undated
        .iter()
        .flat_map(|u| &u.events)
        .map(|e| format!("{} {}", e.person, e.post))
        .collect();
    assert_eq!(undated, ["王利明 人民大學副校長", "楊慧林 人民大學副校長"]);
}

#[test]
fn an_earlier_notice_told_of_by_its_day_dates_its_events() {
    // h08_state_council_deputy_secgen_wenweipo (lines 5, 8, 14 and 16, the
    // last two cut short after their first sentence): the day of the notice told of, not
    // the day said in the sentence before.
    let text = "国务院一个月内调整4位副秘书长\nhttp://news.wenweipo.com   [2015-05-19]\n此前不到一周,5月12日,国务院召开推进简政放权放管结合职能转变工作电视电话会议。\n此前的4月24日的任免通知正式明确,国务院副秘书长「一进二出」,陕西省委原常委江泽林正式出任国务院副秘书长。";
    let read = Parser::new().read(text).expect("lenient");
    let days: Vec<(String, Vec<String>)> = read
        .notices
        .iter()
        .map(|n| {
            let events = n.notice.events.iter().map(|e| e.person.name().to_owned());
            (n.notice.effective.to_string(), events.collect())
        })
        .collect();
    assert_eq!(days, [("2015-04-24".to_owned(), vec!["江泽林".to_owned()])]);
}

#[test]
fn a_removal_with_no_mark_after_the_name_whose_organisation_is_written_again() {
    // m17_putuo_district_secretary_yearbook_misleading_clock (line 6, its
    // first two sentences): `普陀区委` written again after 担任 says where
    // the name ends.
    assert_eq!(
        events(
            "4月20日,区召开党政负责干部会议。会上宣读市委关于区委书记调整的决定:免去张国洪普陀区委书记、常委、委员职务,施小琳担任普陀区委委员、常委、书记。"
        ),
        [
            "remove 张国洪 普陀区委书记 ",
            "remove 张国洪 普陀区委常委 ",
            "remove 张国洪 普陀区委委员 ",
            "appoint 施小琳 普陀区委委员 ",
            "appoint 施小琳 普陀区委常委 ",
            "appoint 施小琳 普陀区委书记 ",
        ]
    );
}

#[test]
fn a_question_whether_someone_is_removed_is_no_removal() {
    // c16_xiamen_univ_secretary_trad (lines 2 and 4)
    assert_eq!(
        events(
            "今天下午,教育部發布消息稱,3日,中共中央組織部有關部門負責同志在廈門大學宣布了中共中央的任免決定,張彥擔任廈門大學黨委書記(副部長級),因另有任用,楊振斌不再擔任廈門大學黨委書記職務。\n官方消息未披露,是否免去張彥北大黨委常務副書記、副校長的職務,截至發稿時,北大官網“領導機構”顯示,張彥仍是北大黨委常務副書記、副校長。"
        ),
        [
            "appoint 張彥 廈門大學黨委書記 ",
            "remove 楊振斌 廈門大學黨委書記 ",
        ]
    );
}

#[test]
fn a_succession_whose_post_the_next_part_names() {
    // q24_peoples_daily_yu_shaoliang_mingpao_trad: the age after the one
    // who leaves, and the post after a comma; `第一副院長` takes the
    // organisation as `副院長` does.
    assert_eq!(
        events(
            "同日,中央社會主義學院網站更新「領導」內容,顯示黃守宏已接替吉林(62歲),擔任中央社會主義學院黨組書記(正部長級)、第一副院長。"
        ),
        [
            "remove 吉林 中央社會主義學院黨組書記 ",
            "remove 吉林 中央社會主義學院第一副院長 ",
            "appoint 黃守宏 中央社會主義學院黨組書記 ",
            "appoint 黃守宏 中央社會主義學院第一副院長 ",
        ]
    );
}

#[test]
fn a_succession_after_the_decision_s_verb_and_a_current_title() {
    // m21_hkmao_loco_heads_chain_nowtv_trad (line 8, to its first
    // sentence's end): `任命X接替Y為Z`, and a post `則由` someone taken.
    assert_eq!(
        events(
            "【Now新聞台】國務院公布任命張曉明接替王光亞為港澳辦主任,而香港中聯辦主任則由王志民接任,張曉明已抵達北京履新。"
        ),
        [
            "remove 王光亞 港澳辦主任 ",
            "appoint 張曉明 港澳辦主任 ",
            "appoint 王志民 香港中聯辦主任 ",
        ]
    );
    // q23_xinhua_president_change_qldtoday: the bare 社长 is held where
    // the newcomer's current title is.
    assert_eq!(
        events("此次会议还决定中国官方媒体新华社易帅,新华社总编辑何平接替蔡名照担任社长。"),
        ["remove 蔡名照 新华社社长 ", "appoint 何平 新华社社长 "]
    );
}

#[test]
fn a_closed_list_of_posts_whatever_qualifies_its_office() {
    // q03_huaxing_bank_president_sysxhz (line 3): `等行内相关职务`; and 职,
    // a surname, after 聘任.
    assert_eq!(
        events(
            "公告称,近日,杨济生因个人家庭原因辞去广东华兴银行党委书记、行长、执行董事等行内相关职务。根据广东华兴银行第四届董事会相关决议,聘任职美琴为广东华兴银行行长。"
        ),
        [
            "remove 杨济生 广东华兴银行党委书记 ",
            "remove 杨济生 广东华兴银行行长 ",
            "remove 杨济生 广东华兴银行执行董事 ",
            "appoint 职美琴 广东华兴银行行长 ",
        ]
    );
}

#[test]
fn a_motion_named_by_what_it_does_at_a_company_a_stock_site_names() {
    // d15_nanmo_bio_gm_cfo_chaguwang (line 3): the short name before 公告
    // is the company; `…的议案获8票同意` the motion adopted; `总经理兼财务
    // 总监` two titles, no flag.
    assert_eq!(
        events(
            "南模生物公告,第四届董事会第二次会议于2025年9月29日召开,审议并通过了关于聘任总经理兼财务总监、副总经理、证券事务代表及董事长代行董事会秘书职责的议案。其中,聘任张春明为总经理兼财务总监的议案获8票同意,1票反对,2票弃权。"
        ),
        [
            "appoint 张春明 南模生物总经理 ",
            "appoint 张春明 南模生物财务总监 ",
        ]
    );
}

#[test]
fn a_company_its_listing_names_in_a_roundup_of_several() {
    // d23_home_furnishing_heads_roundup_leju (line 7): `ST中装(002822.SZ)`
    // is the company of its sentence, ST and all; `不再适合担任` ends the
    // posts.
    assert_eq!(
        events(
            "此外,4月16日晚间,ST中装(002822.SZ)也发布重大人事变动公告,庄展诺因个人原因不再适合担任董事长和总裁。"
        ),
        ["remove 庄展诺 ST中装董事长 ", "remove 庄展诺 ST中装总裁 "]
    );
}

#[test]
fn a_posting_announced_with_the_day_it_takes_effect() {
    // k03_hk_ceo_office_permsec_hkcd_2024_trad (line 2, its first
    // sentence): `將於…出任` with a day is the posting, dated that day.
    let text = "政府今日(25日)宣布,現任行政長官私人秘書蔡傑銘將於2024年5月14日出任行政長官辦公室常任秘書長,接替將於同日展開退休前休假的鄭鍾偉。";
    assert_eq!(events(text), ["appoint 蔡傑銘 行政長官辦公室常任秘書長 "]);
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices[0].notice.effective.to_string(), "2024-05-14");
    assert_eq!(read.notices[0].date_source, DateSource::Stated);
    // p20_hk_senior_officials_postings_881903_trad (line 2, its first
    // sentence): the person in the part before, the day relative to a
    // page the copy does not give.
    assert_eq!(
        events("政府公布一批高層官員調動,政府新聞處處長朱曼鈴,將於下月九日出任香港郵政署長。"),
        ["appoint 朱曼鈴 香港郵政署長 "]
    );
}

#[test]
fn a_headline_s_takeover() {
    // q36_ctv_chairwoman_lu_hsiu_fang_cna_trad (lines 1-2, the headline
    // and the agency's time stamp, with its update's, under it).
    let text = "盧秀芳接任中視董事長兼總經理\n2024/12/26 15:58(12/26 16:25 更新)";
    assert_eq!(
        events(text),
        ["appoint 盧秀芳 中視董事長 ", "appoint 盧秀芳 中視總經理 "]
    );
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices[0].notice.effective.to_string(), "2024-12-26");
    assert_eq!(read.notices[0].date_source, DateSource::Published);
}

#[test]
fn a_posting_announced_for_a_day_of_next_year() {
    // j16_ntu_president_cna_trad (lines 1-3, the third to its first
    // sentence): the page's time stamp gives the year, 明年 the one after.
    let text = "教部收到台大公文 管中閔1月8日就任校長\n2018/12/25 20:56(12/25 22:29 更新)\n(中央社記者陳至中台北25日電)教育部人事處長陳焜元今天晚間證實,已經收到台灣大學回覆的公文,管中閔將於明年1月8日正式就任台大校長。";
    assert_eq!(events(text), ["appoint 管中閔 台大校長 "]);
    let read = Parser::new().read(text).expect("lenient");
    assert_eq!(read.notices[0].notice.effective.to_string(), "2019-01-08");
}

#[test]
fn appointed_told_of_the_person_too() {
    // k14_waou_macau_midyear_roundup_2018_trad (line 6, its first
    // sentence): 獲任, was appointed.
    assert_eq!(
        events("2018年8月7日,56歲的劉寧獲任青海省代省長。"),
        ["appoint 劉寧 青海省省長 acting"]
    );
    // The same text (line 16): `也被任命為`, the 也 no part of the name.
    assert_eq!(
        events(
            "在劉寧獲任青海省代省長的前一天,遼寧省委副書記、瀋陽市委書記易煉紅也被任命為江西省代省長,對59歲的易煉紅來說,這次南下也是一次壓哨升遷。"
        ),
        // (The day before 劉寧's, a time, tells of no appointment of his.)
        ["appoint 易煉紅 江西省省長 acting"]
    );
}

#[test]
fn taken_left_and_appointed_as_news_prose_writes_it() {
    // m11_provincial_heads_roundup_gsrdw_damaged_dates (line 21): 卸任
    // and then 出任: what follows is the next posting, no post left. (The
    // posting itself, after `不久即`, is not read yet: a known gap.)
    assert_eq!(
        events("与“三农”工作渊源深厚的韩长赋卸任不久即出任农业部党组书记、部长。"),
        Vec::<String>::new()
    );
    // q51_green_tech_contested_director_appointments_finet_trad (lines 1
    // and 3, the listing `(00195-HK)` naming the company): 獲委任為.
    let text = "【財華社訊】綠科科技國際(00195-HK)公布董事會會議結果。\n由於會議上出席投票的大部分董事投票贊成委任Sumiya、金曄及段志達各人為董事的相關決議案,因此Sumiya小姐已獲委任為執行董事,自2019年12月24日起生效;金曄已獲委任為非執行董事,自2019年12月24日起生效;此外,段志達已獲委任為獨立非執行董事,自2019年12月24日起生效。";
    // (`Sumiya小姐`, a romanised name, is not read as one.)
    assert_eq!(
        events(text),
        [
            "appoint 金曄 綠科科技國際非執行董事 ",
            "appoint 段志達 綠科科技國際獨立非執行董事 "
        ]
    );
}

#[test]
fn a_current_title_before_a_name_that_resigned_or_left() {
    // o08_jiangsu_rural_banks_roundup_chinatimes_trad (line 5): 離任.
    assert_eq!(
        events("近日,蘇農銀行公告,副行長沈志超離任。"),
        ["remove 沈志超 蘇農銀行副行長 "]
    );
    // d23_home_furnishing_heads_roundup_leju (line 6): 辞职 after the
    // title of the company named in the sentence before.
    assert_eq!(
        events("飞鹿股份于2月11日宣布完成董事会换届。\n飞鹿股份再发公告称,董事长李珍香辞职。"),
        ["remove 李珍香 飞鹿股份董事长 "]
    );
    // e15_chongqing_acting_mayor_caixin (line 9, a headline): the reason,
    // and the word that says it, are no part of the name.
    assert_eq!(
        events("重庆市长王鸿举称因年龄原因辞职"),
        ["remove 王鸿举 重庆市长 "]
    );
    // The headline (line 9) gives way to the decision (line 11) that
    // dates what it tells; the page's stamp (line 8) gives the year.
    let text = "记者 欧阳洪亮 贺信\n2009年12月04日 09:08\n重庆市长王鸿举称因年龄原因辞职,黄奇帆被任命为代市长\n\n  【财新网】(记者 欧阳洪亮 贺信)12月3日下午,重庆市三届人大常委会举行第十四次会议,决定接受王鸿举辞去重庆市长职务的请求,任命黄奇帆为重庆市人民政府代理市长。";
    let read = Parser::new().read(text).expect("lenient");
    assert!(read.undated.is_empty());
    let dated: Vec<String> = read
        .notices
        .iter()
        .flat_map(|n| {
            n.notice.events.iter().map(|e| {
                let day = n.notice.effective;
                format!("{day} {} {} {}", e.kind, e.person, e.post)
            })
        })
        .collect();
    assert_eq!(
        dated,
        [
            "2009-12-03 remove 王鸿举 重庆市长",
            "2009-12-03 appoint 黄奇帆 重庆市人民政府市长"
        ]
    );
}

#[test]
fn elected_told_of_the_person_and_new_in_the_post() {
    // q48_st_kaili_chairman_elected_wn_repost (line 3): `当选` with no
    // 为, and the post whoever is new in it (`…的新董事长`).
    assert_eq!(
        events("王冲正式当选ST凯利第六届董事会的新董事长,"),
        ["appoint 王冲 ST凯利第六届董事会董事长 "]
    );
}
