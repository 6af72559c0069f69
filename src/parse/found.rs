//! What a parse returns: the notices found, the decisions found without a
//! date, the corrections, and everything passed over or left unread, each
//! with where it was and why.
//!
//! These are plain values; it must never read text (the parser fills
//! them), only write them back in the script the text used.

use std::sync::Arc;

use chrono::NaiveDate;

use super::correction::{self, ParsedCorrection};
use super::dates::DateSource;
use super::script::Folded;
use crate::error::Error;
use crate::model::{Event, Notice, Person, Post};

/// One notice found in the text, with where it was, where its date came
/// from, and what was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedNotice {
    /// The notice: number, issuer, title, dates and events.
    pub notice: Notice,
    /// The line of the notice's number (or of its title, or of its first
    /// statement, when it has neither), from 1.
    pub line: u32,
    /// Where the notice's effective date came from.
    pub date_source: DateSource,
    /// In lenient mode, each clause that was not understood, as an
    /// [`Error::Parse`]. Always empty in strict mode.
    pub skipped: Vec<Error>,
}

/// A decision read with its events but given no date by the text (and
/// none by the caller): reported, never dropped. Recording it needs a date
/// ([`UndatedNotice::dated`], or [`Parser::date`](super::Parser::date) before reading).
///
/// ```
/// use appointment_ledger::Parser;
/// let read = Parser::new().read("国务院任命张三为某部副部长。\n")?;
/// assert!(read.notices.is_empty());
/// let undated = &read.undated[0];
/// assert_eq!(undated.events[0].post.to_string(), "某部副部长");
/// let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
/// let notice = undated.clone().dated(date);
/// assert_eq!(notice.notice.effective, date);
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndatedNotice {
    /// The document number, when the text has one.
    pub number: Option<String>,
    /// The title or headline, when the text has one.
    pub title: String,
    /// The issuing body, when the text names it.
    pub issuer: String,
    /// The events, in the order written.
    pub events: Vec<Event>,
    /// The line it starts on, from 1.
    pub line: u32,
    /// Each clause that was not understood.
    pub skipped: Vec<Error>,
}

impl UndatedNotice {
    /// The notice, taking effect on `date` (a date supplied by the
    /// caller).
    pub fn dated(self, date: NaiveDate) -> ParsedNotice {
        let mut notice = Notice::new(&notice_number(self.number, &self.title, date), date)
            .title(&self.title)
            .issuer(&self.issuer);
        notice.events = self.events;
        ParsedNotice {
            notice,
            line: self.line,
            date_source: DateSource::Supplied,
            skipped: self.skipped,
        }
    }
}

/// A notice's number: as written, or, for a decision with none (a
/// congress decision, a news report), its title and date: the same title
/// recurs session after session.
pub(super) fn notice_number(number: Option<String>, title: &str, date: NaiveDate) -> String {
    number.unwrap_or_else(|| format!("{title}（{date}）"))
}

/// A statement-like part of the text that was read as changing nobody's
/// post (a proposal, a biography, an interim duty), with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassedOver {
    /// The line it is on, from 1.
    pub line: u32,
    /// The part as written.
    pub text: String,
    /// Why it is no event.
    pub reason: String,
}

impl std::fmt::Display for PassedOver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: `{}`: {}", self.line, self.text, self.reason)
    }
}

/// Why a notice is left out whole: nothing in it could be read.
pub(crate) const NO_EVENTS: &str = "notice has no appointment or removal clauses";

impl Error {
    /// Whether this is a notice or a correction the parser left out whole
    /// (nothing of it could be read), as opposed to an unreadable part of
    /// loose text, which is no notice of its own: an import refuses the
    /// first and warns of the second.
    ///
    /// ```
    /// use appointment_ledger::Parser;
    /// let read = Parser::new()
    ///     .read("某县人民政府关于任免工作人员的通知\n某政任〔2022〕1号\n县政府研究决定。\n")
    ///     .unwrap();
    /// assert!(read.unread.iter().any(|e| e.left_out_a_notice()));
    /// ```
    pub fn left_out_a_notice(&self) -> bool {
        matches!(self, Error::Parse { reason, .. }
            if [NO_EVENTS, correction::NO_AMENDMENTS, correction::NO_SIGNING_DATE]
                .contains(&reason.as_str()))
    }
}

/// Everything [`Parser::read`](super::Parser::read) found in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Read {
    /// The notices of appointments and removals, in the order written.
    pub notices: Vec<ParsedNotice>,
    /// The correction notices, in the order written.
    pub corrections: Vec<ParsedCorrection>,
    /// In lenient mode, the decisions read with events but with no date
    /// the text gives (see [`UndatedNotice`]).
    pub undated: Vec<UndatedNotice>,
    /// The statement-like parts read as no event, with why (a proposal,
    /// a biography, `代行…职责`).
    pub passed_over: Vec<PassedOver>,
    /// In lenient mode, what was left out whole: each notice or correction
    /// without events (or amendments), with every reason. (Clauses skipped
    /// in a notice that was kept are in its `skipped`.)
    pub unread: Vec<Error>,
}

impl Read {
    /// Whether the text yielded no appointment or removal at all, dated
    /// or not.
    pub fn found_nothing(&self) -> bool {
        self.notices.is_empty() && self.undated.is_empty() && self.corrections.is_empty()
    }

    /// How many events the notices, dated and undated, hold.
    pub(super) fn events(&self) -> usize {
        let dated: usize = self.notices.iter().map(|n| n.notice.events.len()).sum();
        dated + self.undated.iter().map(|u| u.events.len()).sum::<usize>()
    }

    /// Everything `other` found, after what this holds.
    pub(super) fn append(&mut self, mut other: Read) {
        self.notices.append(&mut other.notices);
        self.corrections.append(&mut other.corrections);
        self.undated.append(&mut other.undated);
        self.passed_over.append(&mut other.passed_over);
        self.unread.append(&mut other.unread);
    }

    /// Writes every name, post and text back in the script the text was
    /// written in.
    pub(super) fn unfold(&mut self, script: &Folded) {
        let text = |s: &mut String| *s = script.unfold(s);
        // The events of a clause share its text: each text is written back
        // once (the last one seen, as its events come together).
        let mut last: Option<(Arc<str>, Arc<str>)> = None;
        let mut event = |e: &mut Event| {
            e.person = Person::new(&script.unfold(e.person.name()));
            e.post = Post::new(
                &script.unfold(e.post.organisation()),
                &script.unfold(e.post.title()),
            );
            let unfolded = match &last {
                Some((from, to)) if Arc::ptr_eq(from, &e.provenance.text) => to.clone(),
                _ => {
                    let to: Arc<str> = Arc::from(script.unfold(&e.provenance.text));
                    last = Some((e.provenance.text.clone(), to.clone()));
                    to
                }
            };
            e.provenance.text = unfolded;
        };
        let error = |e: &mut Error| {
            if let Error::Parse { clause, .. } = e {
                *clause = script.unfold(clause);
            }
        };
        for parsed in &mut self.notices {
            let n = &mut parsed.notice;
            for s in [&mut n.number, &mut n.title, &mut n.issuer] {
                text(s);
            }
            n.events.iter_mut().for_each(&mut event);
            parsed.skipped.iter_mut().for_each(error);
        }
        for undated in &mut self.undated {
            for s in [&mut undated.title, &mut undated.issuer] {
                text(s);
            }
            if let Some(n) = &mut undated.number {
                text(n);
            }
            undated.events.iter_mut().for_each(&mut event);
            undated.skipped.iter_mut().for_each(error);
        }
        for p in &mut self.passed_over {
            text(&mut p.text);
        }
        self.unread.iter_mut().for_each(error);
    }
}
