//! The fuzz targets' bodies (`fuzz/src/lib.rs`, the same code
//! `cargo +nightly fuzz run parse` and `… open_ledger` run under libFuzzer)
//! driven by proptest, so that every `cargo test` runs them: the parser on
//! 2 000 inputs of random bytes and 3 000 notice-like texts, a ledger
//! file opened from 1 000 inputs of random bytes and 3 000 valid ledgers
//! edited at random. Each prints what the inputs came to.

#[path = "../fuzz/src/lib.rs"]
mod bodies;

use bodies::{Opened, Parsed};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// A runner of `cases` cases, deterministic (so that a count printed is
/// the same every run) and writing no regression file.
fn runner(cases: u32) -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    )
}

/// Runs the parser's body on every input `strategy` gives, and sums up.
fn parse_all(cases: u32, strategy: impl Strategy<Value = Vec<u8>>) -> Parsed {
    let total = std::sync::Mutex::new(Parsed::default());
    let run = runner(cases).run(&strategy, |data| {
        let one = bodies::parse(&data);
        let mut sum = total.lock().unwrap();
        sum.read += one.read;
        sum.recorded += one.recorded;
        sum.refused += one.refused;
        sum.errors += one.errors;
        Ok(())
    });
    if let Err(e) = run {
        panic!("{e}");
    }
    total.into_inner().unwrap()
}

/// Runs the ledger file's body on every input `strategy` gives: how many
/// opened (and of those, with a torn record cut), how many were refused.
fn open_all(cases: u32, strategy: impl Strategy<Value = Vec<u8>>) -> [usize; 3] {
    let counts = std::sync::Mutex::new([0usize; 3]);
    let run = runner(cases).run(&strategy, |data| {
        let mut counts = counts.lock().unwrap();
        match bodies::open_ledger(&data) {
            Opened::Ledger { torn: false, .. } => counts[0] += 1,
            Opened::Ledger { torn: true, .. } => counts[1] += 1,
            Opened::Refused => counts[2] += 1,
        }
        Ok(())
    });
    if let Err(e) = run {
        panic!("{e}");
    }
    counts.into_inner().unwrap()
}

/// Pieces of notices: titles, numbers, verbs, names, posts, dates and the
/// punctuation between them.
const PIECES: &[&str] = &[
    "某区人民政府关于任免张三等同志职务的通知\n",
    "某政任〔2022〕1号\n",
    "某政任〔2022〕2号\n",
    "关于撤销某政任〔2022〕1号文件的通知\n",
    "经研究，决定：\n",
    "任命",
    "免去",
    "聘任",
    "张三",
    "李四",
    "王五",
    "为",
    "的",
    "某区财政局局长",
    "某区人民政府副区长",
    "职务",
    "试用期一年",
    "；",
    "。",
    "、",
    "，",
    "（",
    "）",
    "\n",
    "\r",
    "某区人民政府\n",
    "2022年4月24日\n",
    "2022年2月30日\n",
    "1850年1月1日\n",
    "自2022年5月1日起",
    "不再担任",
    "兼",
    "#",
    "\u{200b}",
    "\u{feff}",
];

#[test]
fn the_parse_target_on_random_bytes() {
    let parsed = parse_all(2000, prop::collection::vec(any::<u8>(), 0..1500));
    // Random bytes are no notices: the parser reads none, and refuses
    // none of them whole.
    assert_eq!(parsed, Parsed::default());
    eprintln!(
        "2000 inputs of random bytes to the parse target, read leniently and strictly: 0 panics, 0 notices read"
    );
}

/// A notice's text: a title, a number, one to four clauses (a verb, a
/// name, 为, a post, a tail, punctuation), an issuer and a signing date;
/// then up to eight pieces inserted anywhere, between any two characters.
fn notice_like() -> impl Strategy<Value = Vec<u8>> {
    let clause = (
        prop::sample::select(&["任命", "免去", "聘任", "决定任命", ""][..]),
        prop::sample::select(&["张三", "李四", "王五", "欧阳明华", "张#三", ""][..]),
        prop::sample::select(&["为", "的", "同志为", ""][..]),
        prop::sample::select(
            &[
                "某区财政局局长",
                "某区人民政府副区长",
                "某区财政局副局长",
                "局长",
                "",
            ][..],
        ),
        prop::sample::select(&["", "职务", "（试用期一年）", "，不再担任某区财政局局长职务"][..]),
        prop::sample::select(&["；", "。", "、", "\n", "\r"][..]),
    )
        .prop_map(|(a, b, c, d, e, f)| format!("{a}{b}{c}{d}{e}{f}"));
    (
        1u32..4,
        prop::collection::vec(clause, 1..5),
        prop::sample::select(&["2022年4月24日", "2022年2月30日", "1850年1月1日", "二〇二二年四月二十四日", ""][..]),
        prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(PIECES)), 0..8),
    )
        .prop_map(|(number, clauses, date, inserts)| {
            let text = format!(
                "某区人民政府关于任免张三等同志职务的通知\n某政任〔2022〕{number}号\n\n经研究，决定：\n{}\n\n某区人民政府\n{date}\n",
                clauses.concat()
            );
            let mut chars: Vec<char> = text.chars().collect();
            for (at, piece) in inserts {
                let at = at.index(chars.len() + 1);
                chars.splice(at..at, piece.chars());
            }
            chars.into_iter().collect::<String>().into_bytes()
        })
}

#[test]
fn the_parse_target_on_notice_like_text() {
    let parsed = parse_all(3000, notice_like());
    assert!(parsed.read > 0 && parsed.recorded > 0, "{parsed:?}");
    eprintln!(
        "3000 notice-like texts to the parse target, read leniently and strictly: {} notices and corrections read, {} recorded, {} refused by the ledger with a typed error, {} readings refused whole with a typed error; 0 panics, 0 half-recorded, every state answered",
        parsed.read, parsed.recorded, parsed.refused, parsed.errors
    );
}

#[test]
fn the_open_ledger_target_on_random_bytes() {
    let raw = prop::collection::vec(any::<u8>(), 0..600).prop_map(|bytes| {
        let mut data = vec![0];
        data.extend(bytes);
        data
    });
    let [opened, torn, refused] = open_all(1000, raw);
    // Random bytes never begin with the header and its checksum.
    assert_eq!([opened, torn, refused], [0, 0, 1000]);
    eprintln!(
        "1000 files of random bytes to the open_ledger target: {opened} opened whole, {torn} opened with a torn record cut, {refused} refused by a reader and the writer alike, the file left alone; 0 panics, 0 disagreements"
    );
}

#[test]
fn the_open_ledger_target_on_edited_ledgers() {
    let edits = prop::collection::vec(any::<u8>(), 0..24).prop_map(|bytes| {
        let mut data = vec![1];
        data.extend(bytes);
        data
    });
    let [opened, torn, refused] = open_all(3000, edits);
    assert_eq!(opened + torn + refused, 3000);
    assert!(
        opened > 0 && torn > 0 && refused > 0,
        "{opened} {torn} {refused}"
    );
    eprintln!(
        "3000 valid ledger files edited at random (bytes flipped, cut, zeroed, inserted) to the open_ledger target: {opened} opened whole, {torn} opened with a torn record cut, {refused} refused by a reader and the writer alike, the file left alone; 0 panics, 0 disagreements, every state answered"
    );
}
