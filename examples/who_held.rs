//! Who held a post on a date, answered from notices 4 and 5 of the Huaiyin
//! district gazette.
//!
//! ```text
//! cargo run --example who_held -- 济南市槐荫区人民防空办公室主任 2022-05-01
//! ```

use std::process::ExitCode;

use appointment_ledger::{Ledger, Parser, parse_date};

const GAZETTE: &str = include_str!("data/huaiyin-gazette-2022.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [post, date] = args.as_slice() else {
        eprintln!(
            "usage: who_held POST DATE\n  e.g. who_held 济南市槐荫区人民防空办公室主任 2022-05-01"
        );
        return ExitCode::from(2);
    };
    match answer(post, date) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if e.is_bad_input() { 2 } else { 1 })
        }
    }
}

fn answer(post: &str, date: &str) -> Result<String, appointment_ledger::Error> {
    let date = parse_date(date)?;
    let mut ledger = Ledger::new();
    for parsed in Parser::new().strict(true).parse(GAZETTE)? {
        ledger.record(parsed.notice)?;
    }
    let holding = ledger.holders(post, date)?;
    Ok(format!("{post} on {date}: {holding}"))
}
