//! The crate's one error type.

use chrono::NaiveDate;

/// Everything that can go wrong, each variant naming what and where.
///
/// # Design
///
/// One error type for the whole crate, so that a caller's `?` works across
/// parsing, recording and querying. It is cheap to clone and compares by
/// value (I/O errors are kept as their kind and message), so tests assert
/// whole errors and callers can keep them in findings. Match on the variant
/// for detail, or use the predicates ([`Error::is_bad_input`] …) to branch
/// on meaning. Messages are hand-written and stable; tests assert them.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A post name the ledger has never seen.
    #[error("unknown post `{name}`")]
    UnknownPost {
        /// The name as asked for.
        name: String,
    },

    /// A person name the ledger has never seen.
    #[error("unknown person `{name}`")]
    UnknownPerson {
        /// The name as asked for.
        name: String,
    },

    /// A post, person or notice that matches none the ledger holds, with
    /// the closest names it does hold ([`Ledger::suggest_posts`],
    /// [`Ledger::suggest_persons`], [`Ledger::search`]):
    /// [`Error::UnknownPost`], [`Error::UnknownPerson`] or
    /// [`Error::UnknownNotice`] with "did you mean …".
    ///
    /// [`Ledger::suggest_posts`]: crate::Ledger::suggest_posts
    /// [`Ledger::suggest_persons`]: crate::Ledger::suggest_persons
    /// [`Ledger::search`]: crate::Ledger::search
    ///
    /// ```
    /// use appointment_ledger::Error;
    /// let e = Error::Unmatched {
    ///     what: "post".into(),
    ///     name: "济南市槐荫区人民防空办公室主仼".into(),
    ///     suggestions: vec!["济南市槐荫区人民防空办公室主任".into()],
    /// };
    /// assert_eq!(
    ///     e.to_string(),
    ///     "unknown post `济南市槐荫区人民防空办公室主仼`; did you mean 济南市槐荫区人民防空办公室主任?"
    /// );
    /// assert!(e.is_lookup());
    /// ```
    #[error("unknown {what} `{name}`{}", if .suggestions.is_empty() { String::new() } else { format!("; {}", did_you_mean(.suggestions)) })]
    Unmatched {
        /// What was asked for: `post`, `person` or `notice`.
        what: String,
        /// The name as asked for.
        name: String,
        /// The closest names the ledger holds, best first (none when no
        /// name is close).
        suggestions: Vec<String>,
    },

    /// A person name that several people share; ask with an explicit id.
    #[error("`{name}` names {} people (ids: {}); give the person's id", .ids.len(), .ids.join(", "))]
    AmbiguousPerson {
        /// The name as asked for.
        name: String,
        /// The ids that tell them apart (`-` for the one without an id).
        ids: Vec<String>,
    },

    /// A notice number the ledger has not recorded.
    #[error("unknown notice `{notice}`")]
    UnknownNotice {
        /// The number as asked for.
        notice: String,
    },

    /// A date outside the range the ledger accepts.
    #[error(
        "{context}: date {date} is out of range ({}..={})",
        crate::ledger::EARLIEST,
        crate::ledger::LATEST
    )]
    DateOutOfRange {
        /// The date given.
        date: NaiveDate,
        /// Where it was given: a notice number, or `query`.
        context: String,
    },

    /// Text that is not a date in any form [`parse_date`](crate::parse_date)
    /// reads.
    #[error("`{text}` is not a date (expected YYYY-MM-DD, YYYY/M/D, YYYYMMDD or YYYY年M月D日)")]
    InvalidDate {
        /// The text given.
        text: String,
    },

    /// A date in a form that is read, but no day of the calendar
    /// (`2022-02-30`).
    #[error("`{text}` is no day: {reason}")]
    NoSuchDay {
        /// The text given.
        text: String,
        /// Why, in a clerk's words (`February 2022 has 28 days`).
        reason: String,
    },

    /// A notice without events.
    #[error("notice {notice}: has no events")]
    EmptyNotice {
        /// The notice number.
        notice: String,
    },

    /// A notice without a number.
    #[error("a notice signed {signed} has no number")]
    UnnumberedNotice {
        /// Its signing date.
        signed: NaiveDate,
    },

    /// An event the ledger cannot record, such as one with an empty name.
    #[error("notice {notice}: clause {clause}: {reason}")]
    InvalidEvent {
        /// The notice number.
        notice: String,
        /// The clause index.
        clause: u32,
        /// What is wrong with it.
        reason: String,
    },

    /// A notice whose number the ledger has already recorded.
    #[error("notice {notice} is already recorded (as entry {seq})")]
    AlreadyRecorded {
        /// The notice number.
        notice: String,
        /// The sequence number it was recorded under.
        seq: u64,
    },

    /// A post declared with zero seats.
    #[error("post {post}: a post has at least one seat")]
    ZeroSeats {
        /// The post.
        post: String,
    },

    /// A notice refused in strict mode because it would add error findings.
    #[error("notice {notice} refused in strict mode, it would add {} error finding(s):{}", .findings.len(), .findings.iter().map(|f| format!("\n  {f}")).collect::<String>())]
    Refused {
        /// The notice number.
        notice: String,
        /// The error findings it would have added.
        findings: Vec<crate::conflicts::Finding>,
    },

    /// An alias declaration that names nothing or one name twice.
    #[error(
        "cannot declare `{name}` an alias of `{same_as}`: give two different organisation names"
    )]
    InvalidAlias {
        /// The other name.
        name: String,
        /// The name it would be the same as.
        same_as: String,
    },

    /// Notice text the parser cannot understand.
    #[error("{}line {line}: clause `{clause}`: {reason}", .file.as_deref().map(|f| format!("{f}: ")).unwrap_or_default())]
    Parse {
        /// The file, when the text came from one.
        file: Option<String>,
        /// The line, from 1.
        line: u32,
        /// The clause (or line) as written.
        clause: String,
        /// What the parser expected.
        reason: String,
    },

    /// An index that is not of its ledger (another file, or one cut short
    /// or changed before the index's end), or a ledger that cannot be
    /// indexed: nothing is answered from it, and the ledger itself is
    /// untouched. Rebuild it ([`Index::write`](crate::Index::write)).
    #[error("{path}: the index cannot be used: {reason}")]
    IndexUnusable {
        /// The index file.
        path: String,
        /// Why.
        reason: String,
    },

    /// An index file whose contents are damaged or not an index. The
    /// ledger is untouched: delete the index or write it again.
    #[error("{path}: corrupt index at byte {offset}: {reason}")]
    CorruptIndex {
        /// The index file.
        path: String,
        /// Where the damage was found.
        offset: u64,
        /// What is wrong.
        reason: String,
    },

    /// A ledger file whose contents are damaged or not a ledger.
    #[error("{path}: corrupt ledger at record {line} (byte {offset}){}: {reason}", .notice.as_deref().map(|n| format!(", notice {n}")).unwrap_or_default())]
    Corrupt {
        /// The file.
        path: String,
        /// The number of the damaged record, from 1 (0 for the file
        /// header).
        line: u64,
        /// The byte offset of the damaged record.
        offset: u64,
        /// The notice the record holds, when it can still be read.
        notice: Option<String>,
        /// What is wrong.
        reason: String,
    },

    /// A ledger file that another writer (another process, or another
    /// [`Ledger`](crate::Ledger) in this one) has open for writing.
    /// Nothing was written.
    #[error("{path}: locked by another writer")]
    Locked {
        /// The file.
        path: String,
    },

    /// A write to a ledger opened read-only. Nothing was written.
    #[error("{path}: the ledger is open read-only; nothing was recorded")]
    ReadOnly {
        /// The file.
        path: String,
    },

    /// A ledger file, or a record in it, written by a newer build in a
    /// format version this build does not know.
    #[error(
        "{path}: {what} version {found} (byte {offset}) is newer than this build reads (up to {supported}); open it with a newer appointment-ledger"
    )]
    NewerFormat {
        /// The file.
        path: String,
        /// What carries the version: `ledger format` or `record schema`.
        what: String,
        /// The byte offset of the header or record.
        offset: u64,
        /// The version found.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },

    /// A ledger file whose writer has stopped: a write failed and cutting
    /// the file back to its last whole record failed too, so what that
    /// write left may be in the file, whole or torn. The store refuses
    /// every later append with this error; reopening the ledger decides,
    /// by the rules for a crash, what the file holds (a whole record is
    /// kept, a torn one cut).
    #[error(
        "{path}: {reason}; nothing more is written to it: reopen the ledger, which keeps what is whole and cuts what is torn"
    )]
    Poisoned {
        /// The file.
        path: String,
        /// What failed.
        reason: String,
    },

    /// An operating-system error reading or writing a ledger file.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The kind of failure.
        kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
    },

    /// A path that names something other than a regular file (a
    /// directory, a FIFO, a device) where a ledger or a text file is read
    /// or written. Nothing was read from it or written to it.
    #[error("{path}: {found}, not a regular file")]
    NotAFile {
        /// The path.
        path: String,
        /// What it names instead: `a directory`, `a FIFO`, `a character
        /// device` …
        found: String,
    },

    /// An input text file that cannot be read: it is missing, or the
    /// operating system refused it.
    #[error("{path}: cannot read the text: {message}")]
    Unreadable {
        /// The file.
        path: String,
        /// The kind of failure.
        kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
    },

    /// Input text that is neither UTF-8 nor an encoding the reader
    /// decodes. `offset` is the first byte that is not UTF-8, on `line`.
    #[error(
        "{path}: line {line} (byte {offset}): not UTF-8 text{}; convert it to UTF-8",
        .looks_like.as_deref().map(|e| format!(", it looks like {e}")).unwrap_or_default()
    )]
    NotUtf8 {
        /// The file.
        path: String,
        /// The line of the first byte that is not UTF-8, from 1.
        line: u64,
        /// The byte offset of that byte, from 0.
        offset: u64,
        /// The encoding the text looks like, when it looks like one.
        looks_like: Option<String>,
    },

    /// An output path a command will not replace: the ledger it reads,
    /// another ledger file, or anything it could not recreate whole.
    /// Nothing was written.
    #[error("{path}: will not write there: {reason}")]
    UnsafeOutput {
        /// The path given for the output.
        path: String,
        /// Why it is refused.
        reason: String,
    },

    /// A date range that holds no day: its end is not after its start.
    #[error("empty date range {from}..{to}: the end must be after the start")]
    EmptyRange {
        /// The first day asked for.
        from: NaiveDate,
        /// The day after the last one asked for.
        to: NaiveDate,
    },

    /// The ledger holds as many entries as it can number (`u32::MAX`);
    /// nothing more can be recorded.
    #[error("the ledger is full: it holds {entries} entries, the most it can number")]
    Full {
        /// How many entries it holds.
        entries: u64,
    },
}

impl Error {
    /// Whether the error is about what a caller passed in (a name, a date,
    /// a notice, notice text) rather than about storage.
    pub fn is_bad_input(&self) -> bool {
        !matches!(
            self,
            Error::Corrupt { .. }
                | Error::IndexUnusable { .. }
                | Error::CorruptIndex { .. }
                | Error::Io { .. }
                | Error::Locked { .. }
                | Error::ReadOnly { .. }
                | Error::NewerFormat { .. }
                | Error::Full { .. }
                | Error::Poisoned { .. }
        )
    }

    /// Whether a name asked for is unknown or ambiguous.
    pub fn is_lookup(&self) -> bool {
        matches!(
            self,
            Error::UnknownPost { .. }
                | Error::UnknownPerson { .. }
                | Error::Unmatched { .. }
                | Error::UnknownNotice { .. }
                | Error::AmbiguousPerson { .. }
        )
    }

    /// Whether notice text could not be parsed.
    pub fn is_parse(&self) -> bool {
        matches!(self, Error::Parse { .. })
    }

    /// Whether a notice was refused in strict mode; [`Error::findings`]
    /// says why.
    pub fn is_refused(&self) -> bool {
        matches!(self, Error::Refused { .. })
    }

    /// The findings that made strict mode refuse a notice (empty for any
    /// other error).
    pub fn findings(&self) -> &[crate::conflicts::Finding] {
        match self {
            Error::Refused { findings, .. } => findings,
            _ => &[],
        }
    }

    /// Whether a stored ledger is damaged.
    pub fn is_corrupt(&self) -> bool {
        matches!(self, Error::Corrupt { .. })
    }

    /// Whether a ledger file is locked by another writer.
    pub fn is_locked(&self) -> bool {
        matches!(self, Error::Locked { .. })
    }

    /// Whether a write was refused because the ledger is open read-only.
    pub fn is_read_only(&self) -> bool {
        matches!(self, Error::ReadOnly { .. })
    }

    /// Whether a ledger's writer stopped after a write it could not undo
    /// ([`Error::Poisoned`]): the entry may or may not be in the file, and
    /// only reopening the ledger tells.
    pub fn is_poisoned(&self) -> bool {
        matches!(self, Error::Poisoned { .. })
    }

    /// Whether a ledger file was written by a newer build.
    pub fn is_newer_format(&self) -> bool {
        matches!(self, Error::NewerFormat { .. })
    }

    /// The byte offset in a ledger file the error is about, if any: where
    /// the damaged record, or the newer header or record, begins; for text
    /// that is not UTF-8, its first byte that is not.
    pub fn offset(&self) -> Option<u64> {
        match self {
            Error::Corrupt { offset, .. }
            | Error::NewerFormat { offset, .. }
            | Error::NotUtf8 { offset, .. } => Some(*offset),
            _ => None,
        }
    }

    /// The line of the input the error is about, if any; for a damaged
    /// ledger file, the record's number (0 for the header).
    pub fn line(&self) -> Option<u64> {
        match self {
            Error::Parse { line, .. } => Some(u64::from(*line)),
            Error::Corrupt { line, .. } | Error::NotUtf8 { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The notice number the error is about, if any.
    pub fn notice(&self) -> Option<&str> {
        match self {
            Error::EmptyNotice { notice }
            | Error::Refused { notice, .. }
            | Error::InvalidEvent { notice, .. }
            | Error::AlreadyRecorded { notice, .. } => Some(notice),
            Error::Corrupt { notice, .. } => notice.as_deref(),
            _ => None,
        }
    }

    pub(crate) fn io(path: &std::path::Path, err: &std::io::Error) -> Error {
        Error::Io {
            path: path.display().to_string(),
            kind: err.kind(),
            message: err.to_string(),
        }
    }
}

/// The one wording of suggestions, wherever they are given (an
/// [`Error::Unmatched`], a search that found nothing): `did you mean A?`,
/// `did you mean A or B?`, `did you mean A, B or C?`; nothing for no
/// suggestion.
///
/// ```
/// use appointment_ledger::did_you_mean;
/// let names = ["陈建防".to_owned(), "陈岚".to_owned(), "李建".to_owned()];
/// assert_eq!(did_you_mean(&names), "did you mean 陈建防, 陈岚 or 李建?");
/// assert_eq!(did_you_mean(&names[..1]), "did you mean 陈建防?");
/// assert_eq!(did_you_mean(&[]), "");
/// ```
pub fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("did you mean {one}?"),
        [rest @ .., last] => format!("did you mean {} or {last}?", rest.join(", ")),
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_what_and_where() {
        let e = Error::Parse {
            file: Some("notices.txt".into()),
            line: 14,
            clause: "王五为".into(),
            reason: "no post after 为".into(),
        };
        assert_eq!(
            e.to_string(),
            "notices.txt: line 14: clause `王五为`: no post after 为"
        );
        assert_eq!(e.line(), Some(14));
        let e = Error::AmbiguousPerson {
            name: "李建".into(),
            ids: vec!["-".into(), "A".into()],
        };
        assert_eq!(
            e.to_string(),
            "`李建` names 2 people (ids: -, A); give the person's id"
        );
        assert!(e.is_lookup());
        let e = Error::Full {
            entries: u64::from(u32::MAX),
        };
        assert_eq!(
            e.to_string(),
            "the ledger is full: it holds 4294967295 entries, the most it can number"
        );
        assert!(!e.is_bad_input());
    }
}
