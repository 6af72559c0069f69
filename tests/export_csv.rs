//! The CSV of tenures: one row each, RFC 4180, exact rows.

mod common;

use appointment_ledger::{Event, Flag, Ledger, Notice, Person, Post};
use common::{day, notice4, notice5};

fn ledger() -> Ledger {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    ledger.record(notice5()).unwrap();
    ledger
}

#[test]
fn notices_4_and_5_give_59_rows_in_post_order_then_start() {
    let csv = ledger().to_csv();
    assert!(csv.ends_with("\r\n"));
    let rows: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(rows.len(), 1 + 59);
    assert!(!csv.replace("\r\n", "").contains('\n'));
    assert_eq!(
        rows[..4],
        [
            "person,person_id,organisation,title,start,start_known,end,flags,appointed_by,removed_by",
            "刘晓菡,person/1,济南市槐荫区民营经济发展局,局长,2022-04-24,true,,concurrent,济槐政任〔2022〕4号 clause 1,",
            "衣连斌,person/2,济南市槐荫区人民防空办公室,主任,2022-04-24,true,2022-05-23,concurrent,济槐政任〔2022〕4号 clause 2,济槐政任〔2022〕5号 clause 28",
            "陈建防,person/9,济南市槐荫区人民防空办公室,主任,2022-05-23,true,,,济槐政任〔2022〕5号 clause 4,",
        ]
    );
    assert!(rows.contains(
        &"尹强,person/3,济南市槐荫区园林绿化服务中心,主任,,false,2022-05-23,,,济槐政任〔2022〕5号 clause 38"
    ));
    assert!(rows.contains(
        &"刘凤翔,person/44,济南市槐荫区人民政府段店北路街道办事处,主任,,false,2022-05-23,retain_rank,,济槐政任〔2022〕5号 clause 49"
    ));
    // A post with several seats: one row per holder, unknown starts first.
    let deputies: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|r| r.contains(",济南市槐荫区人民政府办公室,副处级领导干部,"))
        .collect();
    assert_eq!(
        deputies,
        [
            "温河,person/28,济南市槐荫区人民政府办公室,副处级领导干部,,false,2022-05-23,,,济槐政任〔2022〕5号 clause 23",
            "陈岚,person/7,济南市槐荫区人民政府办公室,副处级领导干部,,false,2022-05-23,,,济槐政任〔2022〕5号 clause 24",
        ]
    );
}

#[test]
fn fields_with_commas_or_quotes_are_quoted() {
    let post = Post::new("某区\"示范\"中心", "主任");
    let mut ledger = Ledger::new();
    ledger
        .record(Notice::new("甲〔2022〕1号", day(2022, 1, 1)).event(
            Event::appoint(Person::with_id("李建", "A"), post.clone()).flag(Flag::Concurrent),
        ))
        .unwrap();
    ledger
        .record(
            Notice::new("甲〔2022〕2号", day(2022, 3, 1))
                .event(Event::remove(Person::with_id("李建", "A"), post).flag(Flag::RetainRank)),
        )
        .unwrap();
    assert_eq!(
        ledger.to_csv(),
        "person,person_id,organisation,title,start,start_known,end,flags,appointed_by,removed_by\r\n\
         李建#A,person/1,\"某区\"\"示范\"\"中心\",主任,2022-01-01,true,2022-03-01,\"concurrent,retain_rank\",甲〔2022〕1号 clause 1,甲〔2022〕2号 clause 1\r\n"
    );
}

#[test]
fn an_empty_ledger_is_the_header_alone() {
    assert_eq!(
        Ledger::new().to_csv(),
        "person,person_id,organisation,title,start,start_known,end,flags,appointed_by,removed_by\r\n"
    );
}
