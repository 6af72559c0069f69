//! Replays notices 4 and 5 of the Huaiyin district gazette (2022) straight
//! from its text, then answers who held every post they touch.
//!
//! Run with `cargo run --example replay_notices`.

#[path = "../src/bin/appointments/table.rs"]
mod table;

use appointment_ledger::{Holding, Ledger, NaiveDate, Parser};
use table::Table;

const GAZETTE: &str = include_str!("data/huaiyin-gazette-2022.txt");

fn main() -> Result<(), appointment_ledger::Error> {
    let parsed = Parser::new()
        .file("examples/data/huaiyin-gazette-2022.txt")
        .strict(true)
        .parse(GAZETTE)?;
    let mut ledger = Ledger::new();

    for p in parsed {
        let notice = p.notice;
        println!(
            "{}  {}\n  signed {}, effective {}, line {} of the gazette, {} events\n",
            notice.number,
            notice.title,
            notice.signed,
            notice.effective,
            p.line,
            notice.events.len()
        );
        let mut events = Table::new(&["clause", "line", "kind", "person", "post", "flags"]);
        for e in &notice.events {
            events.row(&[
                e.provenance.clause.to_string(),
                e.provenance.line.map_or("-".into(), |l| l.to_string()),
                e.kind.to_string(),
                e.person.to_string(),
                e.post.to_string(),
                e.flags.to_string(),
            ]);
        }
        println!("{}", indent(&events.render()));
        let seq = ledger.record(notice)?.seq;
        println!("  recorded as entry {seq}\n");
    }

    let dates = [day(2022, 4, 1), day(2022, 5, 1), day(2022, 6, 1)];
    println!("Holders of every post the notices touch\n");
    let mut holders = Table::new(&["post", "2022-04-01", "2022-05-01", "2022-06-01"]);
    for post in ledger.posts() {
        let mut row = vec![post.to_string()];
        for date in dates {
            row.push(cell(&ledger.holders(post, date)?));
        }
        holders.row(&row);
    }
    println!("{}", indent(&holders.render()));

    println!("Ground truth (DOMAIN.md)\n");
    let air = "济南市槐荫区人民防空办公室主任";
    let services = "济南市槐荫区政务服务管理办公室主任";
    let questions: [(&str, NaiveDate); 7] = [
        (air, day(2022, 5, 1)),
        (air, day(2022, 6, 1)),
        (air, day(2022, 4, 1)),
        (services, day(2022, 5, 1)),
        (services, day(2022, 6, 1)),
        ("济南市槐荫区园林绿化服务中心主任", day(2022, 5, 1)),
        ("济南市槐荫区人民政府五里沟街道办事处主任", day(2022, 6, 1)),
    ];
    let mut answers = Table::new(&["question", "answer"]);
    for (post, date) in questions {
        answers.row(&[
            format!("{post} on {date}"),
            ledger.holders(post, date)?.to_string(),
        ]);
    }
    for (person, date) in [
        ("尹强", day(2022, 5, 1)),
        ("李宁", day(2022, 5, 1)),
        ("李宁", day(2022, 6, 1)),
    ] {
        let posts: Vec<String> = ledger
            .posts_of(person, date)?
            .iter()
            .map(|t| {
                if t.flags.is_empty() {
                    t.post.to_string()
                } else {
                    format!("{} ({})", t.post, t.flags)
                }
            })
            .collect();
        answers.row(&[format!("posts of {person} on {date}"), posts.join("; ")]);
    }
    println!("{}", indent(&answers.render()));
    Ok(())
}

/// A short answer for one table cell.
fn cell(holding: &Holding<'_>) -> String {
    match holding {
        Holding::Held(tenures) => tenures
            .iter()
            .map(|t| {
                if t.start.is_known() {
                    t.person.to_string()
                } else {
                    format!("{} (start unknown)", t.person)
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        Holding::Vacant { .. } => "vacant".to_owned(),
        Holding::Unknown => "unknown".to_owned(),
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}
