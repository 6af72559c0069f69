//! The vacancy chains of notice 5 of the Huaiyin district gazette (2022):
//! who left, who moved into each vacancy, and where each chain ends.
//!
//! Run with `cargo run --example vacancy_chains`.

use appointment_ledger::{ChainCounts, Closing, Ledger, Opening, Parser};

const GAZETTE: &str = include_str!("data/huaiyin-gazette-2022.txt");

fn main() -> Result<(), appointment_ledger::Error> {
    let mut ledger = Ledger::new();
    for parsed in Parser::new().strict(true).parse(GAZETTE)? {
        ledger.record(parsed.notice)?;
    }
    let chains = ledger.vacancy_chains("济槐政任〔2022〕5号")?;
    println!("济槐政任〔2022〕5号: {}\n", ChainCounts::of(&chains));
    for (i, chain) in chains.iter().enumerate() {
        let opening = match &chain.opening {
            Opening::Exit(person) => format!("{person} leaves"),
            Opening::Moved(person) => format!("{person} moves on (followed in another chain)"),
            Opening::Vacant { since } => format!("vacant since {since}"),
            Opening::Unknown => "unknown whether vacant (no earlier holder recorded)".to_owned(),
        };
        println!("chain {} (length {}): {opening}", i + 1, chain.len());
        for (k, post) in chain.posts.iter().enumerate() {
            match chain.people.get(k) {
                Some(person) => println!("  {post}  ←  {person}"),
                None => println!("  {post}  ←  nobody"),
            }
        }
        let closing = match &chain.closing {
            Closing::Entry => "ends: the last to move came from outside these posts".to_owned(),
            Closing::Open => "ends: the last vacancy is left open".to_owned(),
            Closing::Joins(post) => format!("ends: joins the chain through {post}"),
        };
        println!("  {closing}\n");
    }
    Ok(())
}
