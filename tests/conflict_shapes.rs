//! Issue 15, item 3: a finding cites what it needs — the holder (or post)
//! it collides with and a count of the rest — so that a post appointed
//! again and again without removals, or one person appointed to many
//! posts, does not make findings that grow with the history.

use appointment_ledger::{FindingKind, Ledger, NaiveDate, Notice, Person, Post, Seats};

fn day(y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, 1, 1).unwrap()
}

#[test]
fn a_seat_taken_by_a_line_of_holders_cites_the_latest_and_counts_the_rest() {
    let post = Post::new("某市财政局", "局长");
    let mut ledger = Ledger::new();
    for (i, name) in ["甲", "乙", "丙", "丁"].iter().enumerate() {
        ledger
            .record(
                Notice::new(
                    &format!("任〔{}〕{}号", 2001 + i, i + 1),
                    day(2001 + i as i32),
                )
                .appoint(Person::new(name), post.clone()),
            )
            .unwrap();
    }
    let findings = ledger.findings();
    let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "任〔2002〕2号 clause 1 appoints 乙 to 某市财政局局长, which 甲 holds since 2001-01-01 (任〔2001〕1号 clause 1) and was not removed",
            "任〔2003〕3号 clause 1 appoints 丙 to 某市财政局局长, which 乙 holds since 2002-01-01 (任〔2002〕2号 clause 1) and was not removed; 1 other holder there was not removed either",
            "任〔2004〕4号 clause 1 appoints 丁 to 某市财政局局长, which 丙 holds since 2003-01-01 (任〔2003〕3号 clause 1) and was not removed; 2 other holders there were not removed either",
        ]
    );
    let last = findings[2];
    assert_eq!(last.kind, FindingKind::SeatNotVacated);
    assert_eq!(last.uncited, 2);
    let cited: Vec<&str> = last.events.iter().map(|c| c.notice.as_str()).collect();
    assert_eq!(cited, ["任〔2004〕4号", "任〔2003〕3号"]);
    let persons: Vec<String> = last.persons.iter().map(ToString::to_string).collect();
    assert_eq!(persons, ["丁", "丙"]);
    assert_eq!(
        ledger.recheck(),
        findings.into_iter().cloned().collect::<Vec<_>>()
    );
}

#[test]
fn two_thousand_appointments_in_one_notice_cite_two_events_each() {
    let post = Post::new("某市财政局", "局长");
    let mut notice = Notice::new("任〔2022〕1号", day(2022));
    for i in 0..2000 {
        notice = notice.appoint(Person::new(&format!("人{i}")), post.clone());
    }
    let mut ledger = Ledger::new();
    let found = ledger.record(notice).unwrap().findings;
    assert_eq!(found.len(), 1999);
    assert_eq!(
        found.iter().map(|f| f.events.len()).sum::<usize>(),
        2 * 1999
    );
    assert_eq!(
        found.iter().map(|f| f.uncited).sum::<usize>(),
        1998 * 1999 / 2
    );
    assert_eq!(
        found[1998].message,
        "任〔2022〕1号 clause 2000 appoints 人1999 to 某市财政局局长, which 人1998 holds since 2022-01-01 (任〔2022〕1号 clause 1999) and was not removed; 1998 other holders there were not removed either"
    );
}

#[test]
fn a_post_of_three_seats_counts_the_holders_beyond_them() {
    let post = Post::new("某市财政局", "副局长");
    let mut ledger = Ledger::new();
    ledger.declare_seats(post.clone(), Seats::Limit(3)).unwrap();
    let mut notice = Notice::new("任〔2022〕1号", day(2022));
    for name in ["甲", "乙", "丙", "丁", "戊"] {
        notice = notice.appoint(Person::new(name), post.clone());
    }
    let found = ledger.record(notice).unwrap().findings;
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "任〔2022〕1号 clause 4 appoints 丁 to 某市财政局副局长, which 丙 holds since 2022-01-01 (任〔2022〕1号 clause 3) and was not removed; 2 other holders there were not removed either",
            "任〔2022〕1号 clause 5 appoints 戊 to 某市财政局副局长, which 丁 holds since 2022-01-01 (任〔2022〕1号 clause 4) and was not removed; 3 other holders there were not removed either",
        ]
    );
}

#[test]
fn a_second_principal_post_cites_the_first_post_held_and_counts_the_rest() {
    let mut ledger = Ledger::new();
    for (i, org) in ["某市财政局", "某市税务局", "某市统计局"]
        .iter()
        .enumerate()
    {
        ledger
            .record(
                Notice::new(&format!("任〔{}〕1号", 2001 + i), day(2001 + i as i32))
                    .appoint(Person::new("甲"), Post::new(org, "局长")),
            )
            .unwrap();
    }
    let found = ledger
        .record(
            Notice::new("任〔2010〕1号", day(2010))
                .appoint(Person::new("甲"), Post::new("某市审计局", "局长")),
        )
        .unwrap()
        .findings;
    let last = found
        .iter()
        .find(|f| f.events[0].notice == "任〔2010〕1号")
        .unwrap();
    assert_eq!(
        last.message,
        "任〔2010〕1号 clause 1 appoints 甲 to 某市审计局局长 while 甲 still holds 某市财政局局长 (since 2001-01-01) and 2 other principal posts, which were not removed"
    );
    assert_eq!(last.uncited, 2);
    assert_eq!(last.events.len(), 2);
    assert_eq!(last.posts.len(), 2);
}

#[test]
fn one_person_appointed_to_many_posts_in_one_notice_is_no_finding() {
    let mut notice = Notice::new("任〔2022〕1号", day(2022));
    for i in 0..5000 {
        notice = notice.appoint(
            Person::new("甲"),
            Post::new(&format!("某市第{i}局"), "局长"),
        );
    }
    let mut ledger = Ledger::new();
    assert_eq!(ledger.record(notice).unwrap().findings.len(), 0);
    let june = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    assert_eq!(ledger.posts_of("甲", june).unwrap().len(), 5000);
}
