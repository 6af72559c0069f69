//! Replays notices 4 and 5 of the Huaiyin district gazette, then a third
//! notice (written for this example, in the style of the real ones) that
//! contradicts the record in every way the checker knows, and prints what
//! it finds. Then shows strict mode refusing that notice.
//!
//! Run with `cargo run --example conflicts`.

use appointment_ledger::{Ledger, Parser};

const GAZETTE: &str = include_str!("data/huaiyin-gazette-2022.txt");
const NOTICE_6: &str = include_str!("data/huaiyin-notice-6-conflicts.txt");

fn main() -> Result<(), appointment_ledger::Error> {
    let mut ledger = Ledger::new();
    for parsed in Parser::new().strict(true).parse(GAZETTE)? {
        let number = parsed.notice.number.clone();
        let recorded = ledger.record(parsed.notice)?;
        println!(
            "recorded {number}: {} new finding(s)",
            recorded.findings.len()
        );
        for finding in &recorded.findings {
            println!("  {finding}");
        }
    }

    let six = Parser::new()
        .file("examples/data/huaiyin-notice-6-conflicts.txt")
        .strict(true)
        .parse(NOTICE_6)?;
    let Some(six) = six.into_iter().next() else {
        eprintln!("the third notice was not found");
        return Ok(());
    };

    // Strict mode first: the notice is refused whole, nothing recorded.
    let mut strict = Ledger::builder().strict(true).in_memory();
    for parsed in Parser::new().strict(true).parse(GAZETTE)? {
        strict.record(parsed.notice)?;
    }
    let before = strict.len();
    match strict.record(six.notice.clone()) {
        Ok(_) => println!("\nstrict mode recorded {} (unexpected)", six.notice.number),
        Err(e) => println!(
            "\nstrict mode refuses {} ({} error findings); the ledger still has {} entries (was {before})",
            six.notice.number,
            e.findings().len(),
            strict.len()
        ),
    }

    // By default the notice is recorded and its findings reported.
    let number = six.notice.number.clone();
    let recorded = ledger.record(six.notice)?;
    println!(
        "\nrecorded {number} (effective {}): {} new finding(s)",
        ledger
            .notices()
            .last()
            .map(|(_, n)| n.effective.to_string())
            .unwrap_or_default(),
        recorded.findings.len()
    );
    for finding in &recorded.findings {
        println!("\n  {}: {}", finding.severity, finding.kind);
        println!("    {}", finding.message);
        for cited in &finding.events {
            println!("    - {cited}: {}", cited.text);
        }
    }

    println!(
        "\nall findings now held by the ledger: {}",
        ledger.findings().len()
    );
    Ok(())
}
