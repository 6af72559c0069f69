//! The CSV of tenures: one row each, RFC 4180, exact rows; streamed to
//! any writer, with a byte-order mark when asked.

mod common;

use appointment_ledger::{CsvOptions, Event, Flag, Ledger, Notice, Person, Post};

const HEADER: &str = "person,person_id,post_id,organisation,organisation_id,title,start,start_known,start_after,start_before,end_exclusive,tenure_flags,appointed_by_notice,appointed_by_clause,removed_by_notice,removed_by_clause";
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
            HEADER,
            "刘晓菡,person/1,post/1,济南市槐荫区民营经济发展局,organization/1,局长,2022-04-24,true,,,,concurrent,济槐政任〔2022〕4号,1,,",
            "衣连斌,person/2,post/2,济南市槐荫区人民防空办公室,organization/2,主任,2022-04-24,true,,,2022-05-23,concurrent,济槐政任〔2022〕4号,2,济槐政任〔2022〕5号,28",
            "陈建防,person/9,post/2,济南市槐荫区人民防空办公室,organization/2,主任,2022-05-23,true,,,,,济槐政任〔2022〕5号,4,,",
        ]
    );
    assert!(rows.contains(
        &"尹强,person/3,post/14,济南市槐荫区园林绿化服务中心,organization/14,主任,,false,,2022-05-23,2022-05-23,,,,济槐政任〔2022〕5号,38"
    ));
    assert!(rows.contains(
        &"刘凤翔,person/44,post/23,济南市槐荫区人民政府段店北路街道办事处,organization/23,主任,,false,,2022-05-23,2022-05-23,retain_rank,,,济槐政任〔2022〕5号,49"
    ));
    // A post with several seats: one row per holder, unknown starts first.
    let deputies: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|r| r.contains(",济南市槐荫区人民政府办公室,organization/27,副处级领导干部,"))
        .collect();
    assert_eq!(
        deputies,
        [
            "温河,person/28,post/27,济南市槐荫区人民政府办公室,organization/27,副处级领导干部,,false,,2022-05-23,2022-05-23,,,,济槐政任〔2022〕5号,23",
            "陈岚,person/7,post/27,济南市槐荫区人民政府办公室,organization/27,副处级领导干部,,false,,2022-05-23,2022-05-23,,,,济槐政任〔2022〕5号,24",
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
        format!(
            "{HEADER}\r\n\
             李建#A,person/1,post/1,\"某区\"\"示范\"\"中心\",organization/1,主任,2022-01-01,true,,,2022-03-01,\"concurrent,retain_rank\",甲〔2022〕1号,1,甲〔2022〕2号,1\r\n"
        )
    );
}

#[test]
fn an_empty_ledger_is_the_header_alone() {
    assert_eq!(Ledger::new().to_csv(), format!("{HEADER}\r\n"));
}

#[test]
fn the_writer_streams_to_any_writer_with_a_bom_when_asked() {
    let ledger = ledger();
    let mut plain = Vec::new();
    ledger.write_csv(&mut plain, CsvOptions::default()).unwrap();
    assert_eq!(String::from_utf8(plain.clone()).unwrap(), ledger.to_csv());
    let mut bom = Vec::new();
    ledger
        .write_csv(&mut bom, CsvOptions { bom: true })
        .unwrap();
    assert_eq!(bom[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(bom[3..], plain[..]);
}

/// A writer that takes `room` bytes, then fails as a full disk does.
struct Full {
    room: usize,
    written: Vec<u8>,
}

impl std::io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written.len() + buf.len() > self.room {
            return Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ));
        }
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failed_write_is_returned_and_rows_before_it_stay_written() {
    let mut out = Full {
        room: 1000,
        written: Vec::new(),
    };
    let err = ledger()
        .write_csv(&mut out, CsvOptions::default())
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
    // Whole rows only, written one at a time: the header and the first rows.
    let text = String::from_utf8(out.written).unwrap();
    assert!(text.starts_with(HEADER));
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.lines().count(), 6);
}
