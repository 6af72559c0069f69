//! Notices 4 and 5 of the Huaiyin district gazette (2022), built as events
//! in code exactly as the gazette lists them.
#![allow(dead_code)]

use appointment_ledger::{Event, Flag, NaiveDate, Notice, Person, Post};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const QU: &str = "济南市槐荫区";
const GOV: &str = "济南市槐荫区人民政府";

fn post(org: &str, title: &str) -> Post {
    Post::new(org, title)
}

fn q(org: &str) -> String {
    format!("{QU}{org}")
}

fn street(name: &str) -> String {
    format!("{GOV}{name}街道办事处")
}

/// Notice 4: five people, six concurrent appointments.
pub fn notice4() -> Notice {
    let mut n = Notice::new("济槐政任〔2022〕4号", day(2022, 4, 24))
        .issuer(GOV)
        .title("济南市槐荫区人民政府关于任命刘晓菡等工作人员职务的通知")
        .issued(day(2022, 4, 24));
    let items: [(u32, &str, String, &str); 6] = [
        (1, "刘晓菡", q("民营经济发展局"), "局长"),
        (2, "衣连斌", q("人民防空办公室"), "主任"),
        (3, "尹 强", q("综合行政执法局"), "局长"),
        (4, "岳仁强", q("新闻出版局"), "局长"),
        (4, "岳仁强", q("文物局"), "局长"),
        (5, "张 杰", q("政务服务管理办公室"), "主任"),
    ];
    for (clause, name, org, title) in items {
        n = n.event(
            Event::appoint(Person::new(name), post(&org, title))
                .flag(Flag::Concurrent)
                .clause(clause, ""),
        );
    }
    n
}

/// Notice 5: 22 appointments of 21 people, then 33 removals.
pub fn notice5() -> Notice {
    let mut n = Notice::new("济槐政任〔2022〕5号", day(2022, 5, 23))
        .issuer(GOV)
        .title("济南市槐荫区人民政府关于任免周燕等工作人员职务的通知")
        .issued(day(2022, 5, 23));
    let appointments: Vec<(&str, String, &str)> = vec![
        ("周 燕", q("残疾人联合会"), "理事长"),
        (
            "陈 岚",
            q("12345市民服务热线运行中心（济南市槐荫区大数据中心）"),
            "主任",
        ),
        ("王左裔", q("新旧动能转换综合试验区建设办公室"), "主任"),
        ("王左裔", q("地方金融监督管理局"), "局长"),
        ("陈建防", q("人民防空办公室"), "主任"),
        ("付 强", q("政务服务管理办公室"), "主任"),
        ("苗 锦", q("机关事务服务中心"), "主任"),
        ("赵中华", q("人民医院"), "院长"),
        ("赵海明", q("市政工程服务中心"), "主任"),
        ("张晓慧", q("园林绿化服务中心"), "主任"),
        ("杜 炜", "济南槐荫工业科技园综合服务中心".to_owned(), "主任"),
        ("王春刚", q("央企城核心区综合服务中心"), "主任"),
        ("孟宪国", q("济南西站综合服务中心"), "主任"),
        ("田 然", street("振兴街"), "主任"),
        ("李 宁", street("青年公园"), "主任"),
        ("陈俊州", street("南辛庄"), "主任"),
        ("吕 健", street("营市街"), "主任"),
        ("王 妍", street("张庄路"), "主任"),
        ("李 建", street("段店北路"), "主任"),
        ("冯文花", street("美里湖"), "主任"),
        ("周新标", street("兴福"), "主任"),
        ("吴永涛", street("腊山"), "主任"),
    ];
    let removals: Vec<(&str, String, &str)> = vec![
        ("李庆甲", q("残疾人联合会"), "理事长"),
        ("温 河", format!("{GOV}办公室"), "副处级领导干部"),
        ("陈 岚", format!("{GOV}办公室"), "副处级领导干部"),
        ("王 东", q("新旧动能转换综合试验区建设办公室"), "主任"),
        ("王 东", q("地方金融监督管理局"), "局长"),
        ("张军胜", q("财政局"), "副局长"),
        (
            "张军胜",
            q("政府与社会资本合作服务中心（济南市槐荫区财政预算绩效评价中心）"),
            "主任",
        ),
        ("李 宁", q("人力资源和社会保障局"), "副局长"),
        ("衣连斌", q("人民防空办公室"), "主任"),
        ("李书延", q("住房和城乡建设局"), "副局长"),
        ("秦 蕾", q("住房和城乡建设局"), "副局长"),
        ("丁庆河", q("城市管理局"), "副局长"),
        ("米 倩", q("卫生健康局"), "副局长"),
        ("李 建", q("投资促进服务中心"), "主任"),
        ("张 杰", q("政务服务管理办公室"), "主任"),
        ("孙小兵", q("机关事务服务中心"), "主任"),
        ("李忠华", "济南市槐荫人民医院".to_owned(), "院长"),
        ("王左裔", q("市政工程服务中心"), "主任"),
        ("尹 强", q("园林绿化服务中心"), "主任"),
        ("王春刚", q("园林绿化服务中心"), "副主任"),
        (
            "苗 锦",
            "济南槐荫工业科技园综合服务中心".to_owned(),
            "副主任",
        ),
        ("陈富强", q("央企城核心区综合服务中心"), "主任"),
        (
            "陈建防",
            "济南槐荫城市建设投资集团有限公司".to_owned(),
            "董事长",
        ),
        (
            "陈建防",
            "济南槐荫城市建设投资集团有限公司".to_owned(),
            "总经理",
        ),
        ("王 超", street("振兴街"), "主任"),
        ("李福新", street("五里沟"), "主任"),
        ("赵书峰", street("青年公园"), "主任"),
        ("杨国庆", street("南辛庄"), "主任"),
        ("于好磊", street("营市街"), "主任"),
        ("管 理", street("西市场"), "主任"),
        ("刘凤翔", street("段店北路"), "主任"),
        ("张文明", street("兴福"), "主任"),
        ("孙晓斌", street("腊山"), "主任"),
    ];
    // One clause a person: consecutive items of one person share a clause.
    let mut clause = 0;
    let mut last = "";
    for (name, org, title) in &appointments {
        if *name != last {
            clause += 1;
            last = name;
        }
        n = n.event(Event::appoint(Person::new(name), post(org, title)).clause(clause, ""));
    }
    last = "";
    for (name, org, title) in &removals {
        if *name != last {
            clause += 1;
            last = name;
        }
        let mut event = Event::remove(Person::new(name), post(org, title)).clause(clause, "");
        if matches!(*name, "刘凤翔" | "孙晓斌") {
            event = event.flag(Flag::RetainRank);
        }
        n = n.event(event);
    }
    n
}
