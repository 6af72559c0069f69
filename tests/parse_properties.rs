//! Properties of the parser: notices rendered in the real notices' style
//! parse back to the events they were rendered from, and no input, however
//! mangled, makes it panic.

use appointment_ledger::{EventKind, Flag, Flags, NaiveDate, Parser, Post, parse_notices};
use proptest::prelude::*;

const NAMES: &[&str] = &[
    "尹强",
    "张杰",
    "管理",
    "王左裔",
    "陈建防",
    "李宁",
    "欧阳明华",
    "周燕",
];
const ORGS: &[&str] = &[
    "某市财政局",
    "某区人民医院",
    "某县城市建设投资集团有限公司",
    "某区12345市民服务热线运行中心（某区大数据中心）",
    "某区人民政府兴福街道办事处",
];
const TITLES: &[&str] = &[
    "局长",
    "副局长",
    "主任",
    "副主任",
    "院长",
    "董事长",
    "总经理",
    "副处级领导干部",
];

#[derive(Clone, Debug)]
struct Item {
    kind: EventKind,
    name: &'static str,
    gender: bool,
    posts: Vec<(&'static str, &'static str)>,
    flag: Option<Flag>,
}

fn item() -> impl Strategy<Value = Item> {
    (
        any::<bool>(),
        prop::sample::select(NAMES),
        any::<bool>(),
        prop::collection::vec(
            (prop::sample::select(ORGS), prop::sample::select(TITLES)),
            1..3,
        ),
        prop::option::of(prop::sample::select(
            &[
                Flag::Concurrent,
                Flag::RetainRank,
                Flag::Probation,
                Flag::Secondment,
            ][..],
        )),
    )
        .prop_map(|(appoint, name, gender, posts, flag)| Item {
            kind: if appoint {
                EventKind::Appoint
            } else {
                EventKind::Remove
            },
            name,
            gender,
            posts,
            flag,
        })
}

fn marker(flag: Flag) -> &'static str {
    match flag {
        Flag::Concurrent => "（兼）",
        Flag::RetainRank => "（保留原职级待遇）",
        Flag::Probation => "（试用期一年）",
        Flag::Secondment => "（挂职）",
        Flag::Acting => "（代理）",
    }
}

/// A name as notices align it: two characters padded with a space.
fn written_name(item: &Item) -> String {
    let mut chars = item.name.chars();
    let mut out = if item.name.chars().count() == 2 {
        let (a, b) = (chars.next().unwrap(), chars.next().unwrap());
        format!("{a} {b}")
    } else {
        item.name.to_owned()
    };
    if item.gender {
        out.push_str("（女）");
    }
    out
}

fn written_posts(posts: &[(&str, &str)]) -> String {
    let mut out = Vec::new();
    let mut previous = None;
    for (org, title) in posts {
        if previous == Some(*org) {
            out.push((*title).to_owned());
        } else {
            out.push(format!("{org}{title}"));
        }
        previous = Some(*org);
    }
    out.join("、")
}

fn chinese_number(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        _ if n.is_multiple_of(10) => format!("{}十", D[(n / 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
    }
}

fn written_date(date: NaiveDate, chinese: bool) -> String {
    use chrono::Datelike;
    if chinese {
        let year: String = date
            .year()
            .to_string()
            .chars()
            .map(|c| chinese_number(c.to_digit(10).unwrap()))
            .collect();
        format!(
            "{year}年{}月{}日",
            chinese_number(date.month()),
            chinese_number(date.day())
        )
    } else {
        format!("{}年{}月{}日", date.year(), date.month(), date.day())
    }
}

fn render(items: &[Item], serial: u32, date: NaiveDate, chinese: bool) -> String {
    let mut text = String::from("# 某区人民政府 关于任免 张三等工作人员职务 的 通 知\n\n");
    text.push_str(&format!(
        "某政任〔2022〕{serial}号\n\n各街道办事处，区政府各部门：\n\n区政府决定：\n\n"
    ));
    let mut mode = None;
    for (i, item) in items.iter().enumerate() {
        if mode != Some(item.kind) {
            text.push_str(if item.kind == EventKind::Appoint {
                "任命：\n\n"
            } else {
                "免去：\n\n"
            });
            mode = Some(item.kind);
        }
        let verb = if item.kind == EventKind::Appoint {
            "为"
        } else {
            "的"
        };
        let duty = if item.kind == EventKind::Appoint {
            ""
        } else {
            "职务"
        };
        let end = if i + 1 == items.len() { "。" } else { "；" };
        let flag = item.flag.map_or("", marker);
        text.push_str(&format!(
            "{}{verb}{}{duty}{flag}{end}  \n",
            written_name(item),
            written_posts(&item.posts)
        ));
        if i % 3 == 0 {
            text.push('\n');
        }
    }
    text.push_str(&format!(
        "\n某区人民政府\n\n{}\n\n（{}印发）\n",
        written_date(date, chinese),
        written_date(date, false)
    ));
    text
}

fn expected(items: &[Item]) -> Vec<(EventKind, String, Post, Flags)> {
    items
        .iter()
        .flat_map(|item| {
            let mut events: Vec<(EventKind, String, Post, Flags)> = Vec::new();
            for (org, title) in &item.posts {
                let flags = item.flag.map_or(Flags::NONE, Flags::from);
                let event = (
                    item.kind,
                    item.name.to_owned(),
                    Post::new(org, title),
                    flags,
                );
                // A clause that names one post twice states one event.
                if !events.iter().any(|e| e.2 == event.2) {
                    events.push(event);
                }
            }
            events
        })
        .collect()
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2040, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

const GAZETTE: &str = include_str!("../examples/data/huaiyin-gazette-2022.txt");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rendered_notices_parse_back(
        items in prop::collection::vec(item(), 1..8),
        serial in 1u32..500,
        date in date(),
        chinese in any::<bool>(),
    ) {
        let text = render(&items, serial, date, chinese);
        let notices = Parser::new().strict(true).parse(&text).unwrap();
        prop_assert_eq!(notices.len(), 1);
        let n = &notices[0];
        prop_assert_eq!(&n.notice.number, &format!("某政任〔2022〕{serial}号"));
        prop_assert_eq!(n.notice.signed, date);
        prop_assert_eq!(n.notice.effective, date);
        prop_assert_eq!(n.notice.issued, Some(date));
        prop_assert_eq!(&n.notice.issuer, "某区人民政府");
        let got: Vec<_> = n
            .notice
            .events
            .iter()
            .map(|e| (e.kind, e.person.name().to_owned(), e.post.clone(), e.flags))
            .collect();
        prop_assert_eq!(got, expected(&items));
        let clauses: Vec<u32> = n.notice.events.iter().map(|e| e.provenance.clause).collect();
        let want: Vec<u32> = items
            .iter()
            .enumerate()
            .flat_map(|(i, item)| std::iter::repeat_n(i as u32 + 1, expected(std::slice::from_ref(item)).len()))
            .collect();
        prop_assert_eq!(clauses, want);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = parse_notices(&text);
        let _ = Parser::new().strict(true).parse(&text);
    }

    #[test]
    fn notice_like_noise_never_panics(
        chars in prop::collection::vec(
            prop::sample::select("为的、（）()；。：:\n 任免命去职务号〔〕[]2022年月日一二〇十通知决定张三局长主任其兼代理试用期终止自起印发".chars().collect::<Vec<_>>()),
            0..300,
        )
    ) {
        let text: String = chars.into_iter().collect();
        let _ = parse_notices(&text);
        let _ = Parser::new().strict(true).parse(&text);
    }

    #[test]
    fn mutated_gazette_never_panics(
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), any::<bool>(), prop::sample::select("；为的、（）\n。：〔".chars().collect::<Vec<_>>())),
            1..40,
        )
    ) {
        // Mutate the personnel notices' part (and the text around it).
        let mut chars: Vec<char> = GAZETTE.chars().collect();
        let start = GAZETTE[..GAZETTE.find("# 济南市槐荫区人民政府 关于任命").unwrap()].chars().count();
        for (at, delete, c) in edits {
            let len = chars.len() - start;
            let i = start + at.index(len.max(1));
            if delete && i < chars.len() {
                chars.remove(i);
            } else {
                chars.insert(i.min(chars.len()), c);
            }
        }
        let text: String = chars.into_iter().collect();
        let _ = parse_notices(&text);
        let _ = Parser::new().strict(true).parse(&text);
    }
}
