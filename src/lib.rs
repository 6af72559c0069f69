//! An event-sourced ledger of official personnel appointment notices
//! (任免通知): record notices as they are published, then ask who held which
//! post on any date, with what certainty.
//!
//! Every answer is a fold over an append-only log of notices; nothing is
//! edited or deleted. A post on a day is **held** (by whom, since when —
//! possibly "start unknown"), **vacant** (since a recorded removal) or
//! **unknown** (the ledger knows nothing of that day).
//!
//! # Quick example
//!
//! ```
//! use appointment_ledger::{Flag, Holding, Ledger, NaiveDate, Notice, Person, Post, Start};
//!
//! let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
//! let office = Post::new("济南市槐荫区人民防空办公室", "主任");
//! let gardens = Post::new("济南市槐荫区园林绿化服务中心", "主任");
//!
//! let mut ledger = Ledger::new();
//! ledger.record(
//!     Notice::new("济槐政任〔2022〕4号", day(4, 24))
//!         .event(appointment_ledger::Event::appoint(Person::new("衣连斌"), office.clone())
//!             .flag(Flag::Concurrent)),
//! )?;
//! ledger.record(
//!     Notice::new("济槐政任〔2022〕5号", day(5, 23))
//!         .remove(Person::new("衣连斌"), office.clone())
//!         .appoint(Person::new("陈建防"), office.clone())
//!         .remove(Person::new("尹 强"), gardens.clone()),
//! )?;
//!
//! // Half-open tenures: on the day of the change the new holder holds it.
//! let on = ledger.holders("济南市槐荫区人民防空办公室主任", day(5, 23))?;
//! assert_eq!(on.holders()[0].person.name(), "陈建防");
//! // Before the first appointment the ledger does not know.
//! assert_eq!(ledger.holders(&office, day(4, 1))?, Holding::Unknown);
//! // A removal with no recorded appointment: held, start unknown.
//! let held = ledger.holders(&gardens, day(5, 1))?;
//! assert_eq!(held.holders()[0].start, Start::Unknown { after: None, before: day(5, 23) });
//! // After it, vacant.
//! assert!(matches!(ledger.holders(&gardens, day(6, 1))?, Holding::Vacant { .. }));
//! # Ok::<(), appointment_ledger::Error>(())
//! ```
//!
//! # The main types
//!
//! * [`Notice`], [`Event`], [`Person`], [`Post`], [`Flags`]: the model, as a
//!   notice states it.
//! * [`Ledger`]: records notices ([`Ledger::record`]) and answers
//!   [`Ledger::holders`], [`Ledger::posts_of`], [`Ledger::history`] and
//!   [`Ledger::career`] with [`Holding`] and [`Tenure`] values.
//! * [`Parser`]: finds appointment and removal statements in any text (a
//!   gazette, a news reprint, a web copy, traditional script) and the
//!   decisions they belong to; [`Read`] has what it found, what it gave no
//!   date ([`UndatedNotice`]) and what it passed over ([`PassedOver`]), and
//!   each notice says where its date came from ([`DateSource`]).
//! * [`Finding`]: what in the record does not add up ([`Ledger::findings`],
//!   [`Ledger::check`]), each with its [`FindingKind`], [`Severity`], the
//!   events involved ([`Cited`]) and a sentence a clerk understands.
//! * [`Found`]: what [`Ledger::search`] finds by a part of a name (posts,
//!   people and notices); [`Ledger::suggest_posts`] and
//!   [`Ledger::suggest_persons`] give the closest names to one that
//!   matches nothing.
//! * [`VacancyChain`]: who moved into each vacancy a notice opened
//!   ([`Ledger::vacancy_chains`]).
//! * [`LogRead`] / [`LogAppend`]: the storage boundary; [`FileStore`] is the
//!   embedded default, [`MemoryStore`] shares a log in memory.
//! * [`Error`]: every failure, naming what and where.
//! * With the `synth` feature, `Synthetic`: a deterministic synthetic ledger
//!   for benchmarks and tests, and its notices rendered as text.
//!
//! # Conflicts
//!
//! Official records are facts even when they contradict each other, so by
//! default a notice is recorded and what it contradicts is reported, kept
//! and queryable; a strict ledger ([`Builder::strict`]) refuses a notice
//! that would add an error finding, and records nothing of it. The ledger
//! is a petgraph graph of people and posts (a person's record at a post as
//! an edge, moves between posts as edges, each node's tenures on a sorted
//! timeline); the checker re-examines only the nodes and edges a notice
//! touches.
//!
//! ```
//! use appointment_ledger::{FindingKind, Ledger, NaiveDate, Notice, Person, Post};
//! let day = |m| NaiveDate::from_ymd_opt(2022, m, 1).unwrap();
//! let office = Post::new("济南市槐荫区人民防空办公室", "主任");
//! let mut ledger = Ledger::new();
//! ledger.record(Notice::new("济槐政任〔2022〕5号", day(5))
//!     .appoint(Person::new("陈建防"), office.clone()))?;
//! let found = ledger.record(Notice::new("济槐政任〔2022〕6号", day(6))
//!     .appoint(Person::new("王五"), office.clone()))?.findings;
//! assert_eq!(found[0].kind, FindingKind::SeatNotVacated);
//! assert_eq!(
//!     found[0].message,
//!     "济槐政任〔2022〕6号 clause 1 appoints 王五 to 济南市槐荫区人民防空办公室主任, \
//!      which 陈建防 holds since 2022-05-01 (济槐政任〔2022〕5号 clause 1) and was not removed"
//! );
//! # Ok::<(), appointment_ledger::Error>(())
//! ```
//!
//! # Corrections and the second time axis
//!
//! A notice that rescinds or corrects earlier ones is a [`Correction`],
//! recorded with [`Ledger::record_correction`]: it names events of a
//! recorded notice by [`Target`] and rescinds or corrects them
//! ([`Action`]); nothing recorded is edited, and tenures list the
//! corrections that touched them. [`Ledger::as_known_after`] and
//! [`Ledger::as_recorded_before`] answer every query as the ledger stood
//! at a point in the record.
//!
//! # Rules the ledger keeps
//!
//! * Strict mode refuses a notice that would add an *error* finding; a
//!   warning or a suggestion does not refuse (notice 5 itself raises the
//!   probable-alias suggestion of the hospital).
//! * A notice is the unit of change: it is recorded whole or not at all,
//!   and its events take effect together on its effective date. Inside a
//!   notice removals apply before appointments, so a swap is valid.
//! * A tenure is the half-open day range `[appointed, removed)`.
//! * Events are applied in effective-date order whatever order the notices
//!   were recorded in, so a late notice that backdates a change lands where
//!   it belongs.
//! * A person is identified by the name with white space removed (`尹 强`
//!   is `尹强`), plus an explicit id when two people share a name
//!   ([`Person::with_id`]).
//! * The title lexicon decides where an organisation's name ends and the
//!   title begins, and how many seats a post has ([`Seats`]).
//!
//! # The ledger file
//!
//! [`Ledger::builder`]`().open(path)` keeps the log in one file, with no
//! server: a header, then one checksummed record per notice (the layout is
//! on [`FileStore`]). [`Ledger::record`] returns once the notice is on disk
//! (`fsync`); [`Ledger::record_batch`] imports many with one `fsync`. A
//! crash mid-append leaves a torn last record that the next open cuts off
//! and reports ([`Ledger::recovery`]); damage anywhere else is
//! [`Error::Corrupt`], never skipped. One writer at a time holds the file
//! (a second gets [`Error::Locked`]); readers use
//! [`Builder::open_read_only`].
//!
//! # The index
//!
//! [`Index`] answers the date questions from a file beside the ledger
//! (`L.index`), of which a fresh process reads a few small ranges
//! instead of replaying the log; it is checked against the ledger file
//! before it is used, read past its end when the ledger has grown since
//! (a question the entries since may change is answered from a replay),
//! and refused when the ledger is no longer the one it was built from
//! ([`Error::IndexUnusable`]). [`Index::write`] builds it from a ledger.
//!
//! # Exports
//!
//! [`Ledger::to_popolo`] (Popolo JSON, `end_date` the last day held),
//! [`Ledger::write_csv`] (a row per tenure, streamed, `end_exclusive` the
//! first day no longer held; [`Ledger::to_csv`] into a string) and [`Ledger::timeline_svg`] (a Gantt chart of chosen posts or
//! people, see [`SvgTimeline`]) hand the ledger to the tools people already
//! use. They only read it, and an unknown start stays unknown in each.

#![forbid(unsafe_code)]

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod alias;
mod chains;
mod conflicts;
mod dot;
mod error;
mod export;
mod index;
mod jurisdiction;
mod ledger;
mod lexicon;
mod lookup;
mod model;
mod parse;
mod scan;
mod state;
mod store;
#[cfg(feature = "synth")]
mod synth;
mod timeline;
mod typed_date;

pub use chrono::{DateTime, NaiveDate, Utc};

pub use chains::{ChainCounts, Closing, Opening, VacancyChain};
pub use conflicts::{Cited, Finding, FindingKind, Severity};
pub use error::{Error, Result, did_you_mean};
pub use export::{CsvOptions, SvgTimeline};
pub use index::Index;
pub use ledger::{Builder, Clock, EARLIEST, LATEST, Ledger, PersonKey, PostKey, Recorded};
pub use lookup::Found;
pub use model::{
    Action, Amendment, Change, Correction, Entry, Event, EventKind, Flag, Flags, Notice, Person,
    Post, Provenance, Seats, Target, normalise, notice_key,
};
pub use parse::{
    DateSource, ParsedCorrection, ParsedNotice, Parser, PassedOver, Read, UndatedNotice,
    parse_notices,
};
pub use state::{PersonId, PostId};
pub use store::{FileStore, LogAppend, LogMark, LogRead, MemoryStore, Recovery};
#[cfg(feature = "synth")]
pub use synth::{Notices, Synthetic, render, render_notice};
pub use timeline::{End, EventRef, Holding, Rescinded, Start, Tenure};
pub use typed_date::parse_date;
