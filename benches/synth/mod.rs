//! A synthetic ledger for the benches: one-seat posts of many bureaus and a
//! reshuffle notice after notice, consistent like a real record (each
//! appointment follows the removal of the holder), every post building a
//! long history.

// Each bench uses part of it.
#![allow(dead_code)]

use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};

/// Posts (one-seat 局长 of `orgs` bureaus) and a reshuffle notice after
/// notice: each removes the holders of 25 posts and appoints newcomers, so
/// the record stays consistent and every post builds a long history.
pub struct Synthetic {
    orgs: usize,
    holders: Vec<Option<u64>>,
    next_person: u64,
    next_notice: u64,
}

impl Synthetic {
    pub fn new(orgs: usize) -> Synthetic {
        Synthetic {
            orgs,
            holders: vec![None; orgs],
            next_person: 0,
            next_notice: 0,
        }
    }

    pub fn post(&self, i: usize) -> Post {
        Post::new(&format!("某市第{i}区人民政府某某局"), "局长")
    }

    /// The next reshuffle: 25 posts, about 50 events.
    pub fn notice(&mut self) -> Notice {
        let n = self.next_notice;
        self.next_notice += 1;
        let date = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(n);
        let mut notice = Notice::new(&format!("某政任〔{}〕{}号", 1950 + n / 365, n), date);
        for k in 0..25 {
            let i = (n as usize * 25 + k * 7919) % self.orgs;
            if let Some(h) = self.holders[i] {
                notice = notice.remove(Person::new(&format!("人{h}")), self.post(i));
            }
            let p = self.next_person;
            self.next_person += 1;
            self.holders[i] = Some(p);
            notice = notice.appoint(Person::new(&format!("人{p}")), self.post(i));
        }
        notice
    }
}

pub fn ledger_of(events: usize, orgs: usize) -> (Ledger, Synthetic) {
    let mut synth = Synthetic::new(orgs);
    let mut ledger = Ledger::new();
    let mut count = 0;
    while count < events {
        let notice = synth.notice();
        count += notice.events.len();
        ledger.record(notice).expect("a consistent notice records");
    }
    (ledger, synth)
}
