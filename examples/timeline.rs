//! Replays notices 4 and 5 of the Huaiyin district gazette (2022) from its
//! text and draws the posts notice 5 touched, 2022-04-01..2022-07-01, as an
//! SVG timeline in `docs/timeline.svg`.
//!
//! Run with `cargo run --example timeline`.

use std::collections::HashSet;

use appointment_ledger::{Error, Ledger, NaiveDate, Parser, SvgTimeline};

const GAZETTE: &str = include_str!("data/huaiyin-gazette-2022.txt");
const NOTICE_5: &str = "济槐政任〔2022〕5号";

fn main() -> Result<(), Error> {
    let parsed = Parser::new()
        .file("examples/data/huaiyin-gazette-2022.txt")
        .strict(true)
        .parse(GAZETTE)?;
    let mut ledger = Ledger::new();
    for p in parsed {
        ledger.record(p.notice)?;
    }

    // The posts notice 5 names, once each, in the order it names them.
    let notice = ledger
        .notices()
        .find(|(_, n)| n.number == NOTICE_5)
        .map(|(_, n)| n)
        .ok_or_else(|| Error::UnknownNotice {
            notice: NOTICE_5.to_owned(),
        })?;
    let mut seen = HashSet::new();
    let mut posts = Vec::new();
    for event in &notice.events {
        let id = ledger.find_post(&event.post)?;
        if seen.insert(id) {
            posts.push(ledger.post(id).map(ToString::to_string).unwrap_or_default());
        }
    }

    let chart = SvgTimeline::posts(&posts, day(2022, 4, 1)..day(2022, 7, 1))
        .title("济槐政任〔2022〕4号 and 5号: the posts notice 5 touched, 2022-04-01 to 2022-06-30");
    let svg = ledger.timeline_svg(&chart)?;

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/timeline.svg");
    std::fs::write(path, svg).map_err(|e| Error::Io {
        path: path.to_owned(),
        kind: e.kind(),
        message: e.to_string(),
    })?;
    println!("wrote {path}: {} lanes", posts.len());
    Ok(())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}
