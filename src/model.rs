//! The domain model: people, posts, seats, events and notices.
//!
//! These are plain values, written by callers and by the notice parser and
//! stored in the log. They know nothing of the ledger, of time queries or of
//! storage. Names are normalised once, here, when a value is built: every
//! other module can compare them as they are.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::lexicon;

/// Removes all white space from a written name.
///
/// Notices pad two-character names for alignment (`尹 强`) and break long
/// organisation names across lines; neither is part of the name. Full-width
/// spaces (U+3000) count as white space too, and so do the invisible
/// zero-width space and joiners (U+200B–U+200D, U+2060) a web copy may
/// hold.
///
/// ```
/// assert_eq!(appointment_ledger::normalise(" 尹\u{3000}强 "), "尹强");
/// assert_eq!(appointment_ledger::normalise("尹\u{200b}强"), "尹强");
/// ```
pub fn normalise(written: &str) -> String {
    normalised(written).into_owned()
}

/// A notice's number as every lookup of one compares it: white space
/// removed and brackets in one width (see [`normalise`]), so that a number
/// typed `济槐政任[2022]4号` or `济槐政任 (2022) 4号` finds the notice
/// written `济槐政任〔2022〕4号` or `济槐政任（2022）4号`, and the other way
/// round. The ledger keys its notices so ([`Ledger::find_entry`]), and a
/// caller that keys its own sets of numbers should use this, not its own
/// folding.
///
/// [`Ledger::find_entry`]: crate::Ledger::find_entry
///
/// ```
/// use appointment_ledger::notice_key;
/// assert_eq!(notice_key("济槐政任[2022]4号"), notice_key("济槐政任〔2022〕4号"));
/// assert_eq!(notice_key(" 济槐政任〔2022〕 4号"), "济槐政任〔2022〕4号");
/// ```
pub fn notice_key(number: &str) -> String {
    let number = normalised(number);
    fold_brackets(&number).into_owned()
}

/// A written name with its brackets in one width: half-width `(…)` and
/// `[…]` (and the full-width square `［…］`) as the full-width `（…）` and
/// `〔…〕` notices print, so that a name typed either way finds a post
/// written either way. Borrowed when there is nothing to fold.
pub(crate) fn fold_brackets(name: &str) -> Cow<'_, str> {
    let folded = |c: char| match c {
        '(' => Some('（'),
        ')' => Some('）'),
        '[' | '［' => Some('〔'),
        ']' | '］' => Some('〕'),
        _ => None,
    };
    // Asked of every name a search reads: the bytes first (the ASCII
    // brackets, and 0xEF, which leads every full-width form), the
    // characters only when one is there.
    let may = |b: &u8| matches!(b, b'(' | b')' | b'[' | b']' | 0xEF);
    if !name.as_bytes().iter().any(may) || !name.chars().any(|c| folded(c).is_some()) {
        return Cow::Borrowed(name);
    }
    Cow::Owned(name.chars().map(|c| folded(c).unwrap_or(c)).collect())
}

/// [`normalise`], borrowing `written` when it holds no white space (most
/// lines and clauses do not).
pub(crate) fn normalised(written: &str) -> Cow<'_, str> {
    let bytes = written.as_bytes();
    let mut out: Option<String> = None;
    // Copies the runs between white space whole.
    let mut run = 0;
    let mut i = 0;
    while let Some(at) = may_start_white_space(bytes, i) {
        let (b, next) = match bytes.get(at..) {
            Some([b, next @ ..]) => (*b, next),
            _ => break,
        };
        let width = white_space_at(b, next);
        if width == 0 {
            i = at + 1;
            continue;
        }
        out.get_or_insert_with(|| String::with_capacity(written.len()))
            .push_str(written.get(run..at).unwrap_or(""));
        i = at + width;
        run = i;
    }
    match out {
        None => Cow::Borrowed(written),
        Some(mut out) => {
            out.push_str(written.get(run..).unwrap_or(""));
            Cow::Owned(out)
        }
    }
}

/// Whether a byte can start a white-space character: a byte up to the
/// space, or a lead byte from 0xC2 to 0xE3 (U+0080–U+3FFF).
fn may_start(b: u8) -> bool {
    b <= b' ' || (0xC2..=0xE3).contains(&b)
}

/// The index of the first byte from `from` on for which [`may_start`]
/// holds, tested eight bytes at a time.
fn may_start_white_space(bytes: &[u8], from: usize) -> Option<usize> {
    use crate::scan::{HIGH, LOW, ONES, first};
    let word = |x: u64| {
        // Per lane, with no carry or borrow between lanes: the high bit is
        // set where the byte is below 0x80 and its low seven bits are at
        // most 0x20 …
        let low = x & LOW;
        let control = ((0x7F + 0x21) * ONES - low) & !x & HIGH;
        // … or where the byte with its high bit flipped is below 0x80 and
        // from 0x42 to 0x63, that is the byte is from 0xC2 to 0xE3.
        let flipped = x ^ HIGH;
        let low = flipped & LOW;
        let lead = ((0x7F + 0x64) * ONES - low) & (low + (0x7F - 0x41) * ONES) & !flipped & HIGH;
        control | lead
    };
    first(bytes, from, word, may_start)
}

/// The length in bytes of the white-space character (as
/// [`char::is_whitespace`] defines it) that starts with byte `b` followed
/// by `next`, or 0. A continuation byte is never taken for the start of
/// one: no UTF-8 lead byte is a continuation byte.
fn white_space_at(b: u8, next: &[u8]) -> usize {
    match (b, next) {
        // U+0009–U+000D, U+0020.
        (0x09..=0x0D | b' ', _) => 1,
        // U+0085, U+00A0.
        (0xC2, [0x85 | 0xA0, ..]) => 2,
        // U+1680.
        (0xE1, [0x9A, 0x80, ..]) => 3,
        // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F; and the invisible
        // U+200B–U+200D (zero-width space and joiners) and U+2060 (word
        // joiner), which a name copied from a web page may hold.
        (0xE2, [0x80, 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF, ..] | [0x81, 0x9F | 0xA0, ..]) => 3,
        // U+3000.
        (0xE3, [0x80, 0x80, ..]) => 3,
        _ => 0,
    }
}

/// A name as [`normalise`] writes it, less byte-order marks (U+FEFF, which
/// a file's first line may carry into a name).
fn visible(written: &str) -> Arc<str> {
    let name = normalised(written);
    if name.contains('\u{feff}') {
        Arc::from(name.replace('\u{feff}', ""))
    } else {
        Arc::from(&*name)
    }
}

/// An organisation's main name and its parenthesised second name, for an
/// organisation written `A（B）` (`…运行中心（济南市槐荫区大数据中心）`): the
/// one reading of that form, used to find a post under either name and to
/// export both names.
pub(crate) fn second_name(organisation: &str) -> Option<(&str, &str)> {
    let (main, rest) = organisation.split_once('（')?;
    let second = rest.strip_suffix('）')?;
    (!main.is_empty() && !second.is_empty()).then_some((main, second))
}

/// A company's post without the board it is written on, or the board's
/// term: `第八届董事会` + `董事长` and `董事会` + `董事` are the company's
/// `董事长` and `董事`, `第八届董事会战略委员会` + `主任委员` its board's
/// `战略委员会主任委员`. Notices write the board and its term (and the
/// parser keeps them, as the text is the record), but the chair is one
/// post from one board to the next: the ledger knows a post by this form,
/// and a post written with a board answers to it. Borrowed when there is
/// nothing to drop.
pub(crate) fn without_board_term<'a>(organisation: &'a str, title: &str) -> Cow<'a, str> {
    const BOARDS: &[&str] = &["董事会", "监事会"];
    // `第` numerals `届` right before a board.
    let term = organisation.match_indices('第').find_map(|(at, _)| {
        let rest = organisation.get(at + '第'.len_utf8()..)?;
        let (numerals, after) = rest.split_once('届')?;
        let counted = (1..=4).contains(&numerals.chars().count())
            && numerals.chars().all(crate::parse::is_numeral);
        let board = BOARDS.iter().any(|b| after.starts_with(*b));
        (counted && board).then(|| (at, organisation.len() - after.len()))
    });
    let termless = match term {
        Some((at, end)) => Cow::Owned(format!(
            "{}{}",
            organisation.get(..at).unwrap_or(""),
            organisation.get(end..).unwrap_or("")
        )),
        None => Cow::Borrowed(organisation),
    };
    // The board itself, when the title is a seat on it.
    let seat = BOARDS.iter().find_map(|board| {
        let company = termless.strip_suffix(board)?;
        let sits = match *board {
            "董事会" => title.contains("董事"),
            _ => title.contains("监事"),
        };
        (sits && !company.is_empty()).then(|| company.to_owned())
    });
    match seat {
        Some(company) => Cow::Owned(company),
        None => termless,
    }
}

/// A person named in a notice.
///
/// Within a ledger a person is identified by the normalised name, plus an
/// optional caller-supplied `id` that keeps apart two people who share a
/// name. `Person::new("李 建")` and `Person::new("李建")` are the same person;
/// `Person::with_id("李建", "1970-03")` is another one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Person {
    // Shared: a ledger's log and its state hold one copy of each name.
    #[serde(deserialize_with = "shared")]
    name: Arc<str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<Arc<str>>,
}

impl Person {
    /// A person known by name only (white space, zero-width characters and
    /// byte-order marks are removed).
    pub fn new(name: &str) -> Person {
        Person {
            name: visible(name),
            id: None,
        }
    }

    /// A person with an explicit identifier, for telling apart two people
    /// who share a name.
    ///
    /// ```
    /// use appointment_ledger::Person;
    /// let a = Person::with_id("李建", "A");
    /// assert_ne!(a, Person::new("李建"));
    /// assert_eq!(a.to_string(), "李建#A");
    /// ```
    pub fn with_id(name: &str, id: &str) -> Person {
        Person {
            name: visible(name),
            id: Some(visible(id)),
        }
    }

    /// A person as a ledger stored them: name and id already normalised.
    pub(crate) fn stored(name: &str, id: Option<&str>) -> Person {
        Person {
            name: Arc::from(name),
            id: id.map(Arc::from),
        }
    }

    /// The normalised name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The name as the person shares it (an interner's key).
    pub(crate) fn shared_name(&self) -> Arc<str> {
        Arc::clone(&self.name)
    }

    /// The caller-supplied identifier, if any.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            None => f.write_str(&self.name),
            Some(id) => write!(f, "{}#{}", self.name, id),
        }
    }
}

/// How many people can hold a post at once.
///
/// A principal post (局长, 主任, 董事长 …) has one seat; a deputy post
/// (副局长 …), a membership (委员) or a rank designation (副处级领导干部,
/// 调研员 …) has several, with no fixed number. The title lexicon decides the
/// default ([`Post::default_seats`]); a ledger can override it per post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seats {
    /// At most this many holders at once (at least one).
    Limit(u16),
    /// Any number of holders.
    Several,
}

impl Seats {
    /// The seats of a principal post.
    pub const ONE: Seats = Seats::Limit(1);
}

impl fmt::Display for Seats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seats::Limit(n) => write!(f, "{n}"),
            Seats::Several => f.write_str("several"),
        }
    }
}

/// A post: an organisation and a title in it, such as
/// (`济南市槐荫区人民防空办公室`, `主任`).
///
/// Both parts are normalised. The organisation is kept as written,
/// including a parenthesised second name
/// (`…运行中心（济南市槐荫区大数据中心）`); a ledger also finds the post
/// under either name alone.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Post {
    // Shared: a ledger's log and its state hold one copy of each name.
    #[serde(deserialize_with = "shared")]
    organisation: Arc<str>,
    #[serde(deserialize_with = "shared")]
    title: Arc<str>,
}

/// Reads a name straight into its shared string: one allocation, not a
/// `String` and then a copy (a ledger file has millions of names).
fn shared<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<Arc<str>, D::Error> {
    struct Shared;
    impl serde::de::Visitor<'_> for Shared {
        type Value = Arc<str>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Arc<str>, E> {
            Ok(Arc::from(text))
        }
    }
    reader.deserialize_str(Shared)
}

impl Post {
    /// A post from its organisation and title.
    pub fn new(organisation: &str, title: &str) -> Post {
        let title = normalised(title);
        Post {
            organisation: Arc::from(&*normalised(organisation)),
            // A known title is shared, not copied.
            title: lexicon::shared_title(&title).unwrap_or_else(|| Arc::from(&*title)),
        }
    }

    /// A post as a ledger stored it: organisation and title already
    /// normalised.
    pub(crate) fn stored(organisation: &str, title: &str) -> Post {
        // Not shared through the lexicon: a question read from an index
        // should not pay for building the lexicon's table.
        Post {
            organisation: Arc::from(organisation),
            title: Arc::from(title),
        }
    }

    /// Splits a written post name into organisation and title with the
    /// title lexicon (longest known title at the end wins).
    ///
    /// Returns `None` when no known title ends the name, or nothing is left
    /// for the organisation.
    ///
    /// ```
    /// use appointment_ledger::Post;
    /// let p = Post::parse("济南市槐荫区财政局副局长").unwrap();
    /// assert_eq!(p.organisation(), "济南市槐荫区财政局");
    /// assert_eq!(p.title(), "副局长");
    /// ```
    pub fn parse(written: &str) -> Option<Post> {
        let written = normalise(written);
        let (organisation, title) = lexicon::split_post(&written)?;
        Some(Post {
            organisation: organisation.into(),
            title: lexicon::shared_title(title).unwrap_or_else(|| title.into()),
        })
    }

    /// The organisation as written.
    pub fn organisation(&self) -> &str {
        &self.organisation
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The seats the title lexicon gives this post's title.
    ///
    /// ```
    /// use appointment_ledger::{Post, Seats};
    /// assert_eq!(Post::new("财政局", "局长").default_seats(), Seats::ONE);
    /// assert_eq!(Post::new("财政局", "副局长").default_seats(), Seats::Several);
    /// ```
    pub fn default_seats(&self) -> Seats {
        lexicon::seats_of(&self.title)
    }

    /// Whether the title is a principal (leading) one, such as 局长.
    pub fn is_principal(&self) -> bool {
        lexicon::is_principal(&self.title)
    }
}

impl fmt::Display for Post {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.organisation, self.title)
    }
}

/// One marker an event can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Held alongside another post: `（兼）`, `兼任`.
    Concurrent,
    /// Acting: `代`, `代理`.
    Acting,
    /// On probation: `试用期一年`.
    Probation,
    /// Keeps rank and pay after removal: `（保留原职级待遇）`.
    RetainRank,
    /// On secondment: `挂职`.
    Secondment,
}

impl Flag {
    /// Every flag, in display order.
    pub const ALL: [Flag; 5] = [
        Flag::Concurrent,
        Flag::Acting,
        Flag::Probation,
        Flag::RetainRank,
        Flag::Secondment,
    ];

    /// The flag's name as written in TSV and JSON output (`retain_rank`).
    pub fn name(self) -> &'static str {
        match self {
            Flag::Concurrent => "concurrent",
            Flag::Acting => "acting",
            Flag::Probation => "probation",
            Flag::RetainRank => "retain_rank",
            Flag::Secondment => "secondment",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of [`Flag`]s, stored as a bit set.
///
/// ```
/// use appointment_ledger::{Flag, Flags};
/// let f = Flags::NONE.with(Flag::Concurrent).with(Flag::RetainRank);
/// assert!(f.contains(Flag::Concurrent));
/// assert_eq!(f.to_string(), "concurrent,retain_rank");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "Vec<Flag>", from = "Vec<Flag>")]
pub struct Flags(u8);

impl Flags {
    /// No flags.
    pub const NONE: Flags = Flags(0);

    /// This set with `flag` added.
    #[must_use]
    pub fn with(self, flag: Flag) -> Flags {
        Flags(self.0 | flag.bit())
    }

    /// Whether `flag` is in the set.
    pub fn contains(self, flag: Flag) -> bool {
        self.0 & flag.bit() != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set as the bits an index file stores.
    pub(crate) fn bits(self) -> u8 {
        self.0
    }

    /// The set the bits `bits` stand for (bits no flag has are dropped).
    pub(crate) fn from_bits(bits: u8) -> Flags {
        Flag::ALL
            .into_iter()
            .filter(|f| bits & f.bit() != 0)
            .fold(Flags::NONE, Flags::with)
    }

    /// The flags in the set, in display order.
    pub fn iter(self) -> impl Iterator<Item = Flag> {
        Flag::ALL.into_iter().filter(move |f| self.contains(*f))
    }
}

impl From<Flag> for Flags {
    fn from(flag: Flag) -> Flags {
        Flags::NONE.with(flag)
    }
}

impl From<Vec<Flag>> for Flags {
    fn from(flags: Vec<Flag>) -> Flags {
        flags.into_iter().fold(Flags::NONE, Flags::with)
    }
}

impl From<Flags> for Vec<Flag> {
    fn from(flags: Flags) -> Vec<Flag> {
        flags.iter().collect()
    }
}

impl fmt::Display for Flags {
    /// Comma-separated names, empty for no flags.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, flag) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(flag.name())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Whether an event puts a person into a post or takes them out of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// 任命, 聘任: the person starts holding the post.
    Appoint,
    /// 免去, 解聘, 不再担任: the person stops holding the post.
    Remove,
}

impl EventKind {
    /// `appoint` or `remove`.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Appoint => "appoint",
            EventKind::Remove => "remove",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where in its notice an event was written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Provenance {
    /// The clause's index in its notice, from 1. Several events can share a
    /// clause (`王左裔为…主任、…局长`).
    pub clause: u32,
    /// The clause's text as written (may be empty for events built in code),
    /// shared by the events of one clause: a clause that lists many people
    /// or posts holds its text once, not once an event.
    #[serde(default)]
    pub text: Arc<str>,
    /// The clause's line in the source text, from 1, when parsed from text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// One appointment to or removal from one post, as a notice states it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Event {
    /// Appoint or remove.
    pub kind: EventKind,
    /// Who.
    pub person: Person,
    /// To or from which post.
    pub post: Post,
    /// Markers such as concurrent or acting.
    #[serde(default)]
    pub flags: Flags,
    /// Clause index and text in the notice.
    #[serde(default)]
    pub provenance: Provenance,
}

impl Event {
    /// An appointment, without flags or provenance.
    pub fn appoint(person: Person, post: Post) -> Event {
        Event::new(EventKind::Appoint, person, post)
    }

    /// A removal, without flags or provenance.
    pub fn remove(person: Person, post: Post) -> Event {
        Event::new(EventKind::Remove, person, post)
    }

    /// An event of either kind, without flags or provenance.
    pub fn new(kind: EventKind, person: Person, post: Post) -> Event {
        Event {
            kind,
            person,
            post,
            flags: Flags::NONE,
            provenance: Provenance::default(),
        }
    }

    /// This event with `flag` added.
    #[must_use]
    pub fn flag(mut self, flag: Flag) -> Event {
        self.flags = self.flags.with(flag);
        self
    }

    /// This event with its clause index and text set.
    #[must_use]
    pub fn clause(mut self, index: u32, text: &str) -> Event {
        self.provenance.clause = index;
        self.provenance.text = Arc::from(text);
        self
    }
}

/// A personnel notice (任免通知): the unit of change.
///
/// Its events take effect together on its effective date, which is the
/// signing date unless the text says otherwise. Inside a notice removals
/// apply before appointments, so a swap of two people is valid.
///
/// ```
/// use appointment_ledger::{Notice, Person, Post, NaiveDate};
/// let signed = NaiveDate::from_ymd_opt(2022, 5, 23).unwrap();
/// let notice = Notice::new("济槐政任〔2022〕5号", signed)
///     .issuer("济南市槐荫区人民政府")
///     .remove(Person::new("衣连斌"), Post::new("济南市槐荫区人民防空办公室", "主任"))
///     .appoint(Person::new("陈建防"), Post::new("济南市槐荫区人民防空办公室", "主任"));
/// assert_eq!(notice.events.len(), 2);
/// assert_eq!(notice.events[1].provenance.clause, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Notice {
    /// The number as written, such as `济槐政任〔2022〕5号`.
    pub number: String,
    /// The issuing body, such as `济南市槐荫区人民政府`.
    #[serde(default)]
    pub issuer: String,
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The signing date.
    pub signed: NaiveDate,
    /// The issue (印发) date, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<NaiveDate>,
    /// The date its events take effect. It may precede the signing date
    /// (a resignation takes effect when the letter arrives).
    pub effective: NaiveDate,
    /// The events, in the order written.
    pub events: Vec<Event>,
}

impl Notice {
    /// A notice with no events, effective on its signing date.
    pub fn new(number: &str, signed: NaiveDate) -> Notice {
        Notice {
            number: normalise(number),
            issuer: String::new(),
            title: String::new(),
            signed,
            issued: None,
            effective: signed,
            events: Vec::new(),
        }
    }

    /// This notice with its issuing body set.
    #[must_use]
    pub fn issuer(mut self, issuer: &str) -> Notice {
        self.issuer = normalise(issuer);
        self
    }

    /// This notice with its title set.
    #[must_use]
    pub fn title(mut self, title: &str) -> Notice {
        self.title = title.trim().to_owned();
        self
    }

    /// This notice with its issue (印发) date set.
    #[must_use]
    pub fn issued(mut self, date: NaiveDate) -> Notice {
        self.issued = Some(date);
        self
    }

    /// This notice with an effective date other than the signing date.
    #[must_use]
    pub fn effective(mut self, date: NaiveDate) -> Notice {
        self.effective = date;
        self
    }

    /// This notice with an appointment added as the next clause.
    #[must_use]
    pub fn appoint(self, person: Person, post: Post) -> Notice {
        self.event(Event::appoint(person, post))
    }

    /// This notice with a removal added as the next clause.
    #[must_use]
    pub fn remove(self, person: Person, post: Post) -> Notice {
        self.event(Event::remove(person, post))
    }

    /// This notice with `event` added; a clause index of 0 is replaced by
    /// the next free one.
    #[must_use]
    pub fn event(mut self, mut event: Event) -> Notice {
        if event.provenance.clause == 0 {
            let last = self.events.iter().map(|e| e.provenance.clause).max();
            event.provenance.clause = last.unwrap_or(0) + 1;
        }
        self.events.push(event);
        self
    }
}

/// One entry of a ledger's append-only log.
///
/// Entries are numbered from 1 in the order they were recorded; nothing is
/// ever edited or removed, and every state of a ledger is a fold over them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The recording sequence number, from 1.
    pub seq: u64,
    /// When it was recorded (the second time axis: "as recorded before
    /// T"), if the ledger's clock gave a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<DateTime<Utc>>,
    /// What was recorded.
    pub change: Change,
}

/// What one log entry records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Change {
    /// A notice, with all its events.
    Notice(Notice),
    /// A user's declaration of how many seats a post has, overriding the
    /// title lexicon from then on.
    Seats {
        /// The post.
        post: Post,
        /// Its seats.
        seats: Seats,
    },
    /// A notice that rescinds or corrects events recorded before.
    Correction(Correction),
    /// A user's declaration that two organisation names are one
    /// organisation (the hospital written `济南市槐荫区人民医院` and
    /// `济南市槐荫人民医院`): from then on their posts of the same title are
    /// one post. Nothing recorded is rewritten; the declaration is an entry
    /// like any other.
    Alias {
        /// The other name.
        name: String,
        /// The name it is the same as (kept as the post's written name when
        /// both have the post).
        same_as: String,
    },
}

impl Change {
    /// The notice this change records, if it is one.
    pub fn notice(&self) -> Option<&Notice> {
        match self {
            Change::Notice(n) => Some(n),
            _ => None,
        }
    }

    /// The correction this change records, if it is one.
    pub fn correction(&self) -> Option<&Correction> {
        match self {
            Change::Correction(c) => Some(c),
            _ => None,
        }
    }

    /// The number of the notice or correction this change records.
    pub fn number(&self) -> Option<&str> {
        match self {
            Change::Notice(n) => Some(&n.number),
            Change::Correction(c) => Some(&c.number),
            _ => None,
        }
    }
}

/// A notice that corrects earlier ones: rescinds them or some of their
/// events (撤销), or corrects an event's person, post, date or flags (更正).
///
/// It names what it changes by notice number and, within that notice, by
/// clause, person or post; it never edits the notice it corrects, which
/// stays in the log as written. Queries use the corrected history, and
/// tenures show which corrections touched them.
///
/// ```
/// use appointment_ledger::{Action, Correction, NaiveDate, Person, Post, Target};
/// let day = NaiveDate::from_ymd_opt(2022, 6, 20).unwrap();
/// let fix = Correction::new("济槐政任〔2022〕7号", day)
///     .amend(
///         Target::notice("济槐政任〔2022〕5号").person(Person::new("赵中华")),
///         Action::correct().post(Post::new("济南市槐荫区人民医院", "副院长")),
///     )
///     .amend(Target::notice("济槐政任〔2022〕6号"), Action::Retract);
/// assert_eq!(fix.amendments.len(), 2);
/// assert_eq!(fix.amendments[1].provenance.clause, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Correction {
    /// Its own number, such as `济槐政任〔2022〕7号`.
    pub number: String,
    /// The issuing body.
    #[serde(default)]
    pub issuer: String,
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The signing date.
    pub signed: NaiveDate,
    /// What it changes, in the order written.
    pub amendments: Vec<Amendment>,
}

impl Correction {
    /// A correction with no amendments yet.
    pub fn new(number: &str, signed: NaiveDate) -> Correction {
        Correction {
            number: normalise(number),
            issuer: String::new(),
            title: String::new(),
            signed,
            amendments: Vec::new(),
        }
    }

    /// This correction with its issuing body set.
    #[must_use]
    pub fn issuer(mut self, issuer: &str) -> Correction {
        self.issuer = normalise(issuer);
        self
    }

    /// This correction with its title set.
    #[must_use]
    pub fn title(mut self, title: &str) -> Correction {
        self.title = title.trim().to_owned();
        self
    }

    /// This correction with an amendment added as the next clause.
    #[must_use]
    pub fn amend(mut self, target: Target, action: Action) -> Correction {
        let clause = self.amendments.len() as u32 + 1;
        self.amendments.push(Amendment {
            target,
            action,
            provenance: Provenance {
                clause,
                text: Arc::default(),
                line: None,
            },
        });
        self
    }
}

/// One change a correction makes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Amendment {
    /// The events it changes.
    pub target: Target,
    /// What it does to them.
    pub action: Action,
    /// Its clause in the correcting notice.
    #[serde(default)]
    pub provenance: Provenance,
}

/// The events of a recorded notice an amendment changes: all of them, or
/// those of one clause, one person, one post or one kind.
///
/// A target matches the notice *as written*: an event a correction moved to
/// another person or post is still named by its written person and post,
/// and one a correction rescinded is named by nothing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Target {
    /// The number of the notice whose events are changed.
    pub notice: String,
    /// Only the events of this clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<u32>,
    /// Only the events of this person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// Only the events at this post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<Post>,
    /// Only appointments, or only removals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
}

impl Target {
    /// Every event of the notice numbered `number`.
    pub fn notice(number: &str) -> Target {
        Target {
            notice: normalise(number),
            clause: None,
            person: None,
            post: None,
            kind: None,
        }
    }

    /// Only the events of clause `clause`.
    #[must_use]
    pub fn clause(mut self, clause: u32) -> Target {
        self.clause = Some(clause);
        self
    }

    /// Only the events of `person`.
    #[must_use]
    pub fn person(mut self, person: Person) -> Target {
        self.person = Some(person);
        self
    }

    /// Only the events at `post`.
    #[must_use]
    pub fn post(mut self, post: Post) -> Target {
        self.post = Some(post);
        self
    }

    /// Only appointments, or only removals.
    #[must_use]
    pub fn kind(mut self, kind: EventKind) -> Target {
        self.kind = Some(kind);
        self
    }

    /// Whether an event of the target's notice is one it names.
    pub fn matches(&self, event: &Event) -> bool {
        self.clause.is_none_or(|c| c == event.provenance.clause)
            && self.person.as_ref().is_none_or(|p| *p == event.person)
            && self.post.as_ref().is_none_or(|p| *p == event.post)
            && self.kind.is_none_or(|k| k == event.kind)
    }
}

/// What an amendment does to the events it names.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Rescinds them (撤销): they no longer count.
    Retract,
    /// Corrects them (更正): each field given replaces the event's own.
    Correct {
        /// The right person.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<Person>,
        /// The right post.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        post: Option<Post>,
        /// The right effective date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        effective: Option<NaiveDate>,
        /// The right flags.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        flags: Option<Flags>,
    },
}

impl Action {
    /// A correction that changes nothing yet; add fields with
    /// [`Action::person`], [`Action::post`], [`Action::effective`],
    /// [`Action::flags`].
    pub fn correct() -> Action {
        Action::Correct {
            person: None,
            post: None,
            effective: None,
            flags: None,
        }
    }

    /// This correction with the right person.
    #[must_use]
    pub fn person(self, right: Person) -> Action {
        self.with(|p, _, _, _| *p = Some(right))
    }

    /// This correction with the right post.
    #[must_use]
    pub fn post(self, right: Post) -> Action {
        self.with(|_, p, _, _| *p = Some(right))
    }

    /// This correction with the right effective date.
    #[must_use]
    pub fn effective(self, right: NaiveDate) -> Action {
        self.with(|_, _, d, _| *d = Some(right))
    }

    /// This correction with the right flags.
    #[must_use]
    pub fn flags(self, right: Flags) -> Action {
        self.with(|_, _, _, f| *f = Some(right))
    }

    #[allow(clippy::type_complexity)]
    fn with(
        self,
        set: impl FnOnce(
            &mut Option<Person>,
            &mut Option<Post>,
            &mut Option<NaiveDate>,
            &mut Option<Flags>,
        ),
    ) -> Action {
        match self {
            Action::Retract => Action::Retract,
            Action::Correct {
                mut person,
                mut post,
                mut effective,
                mut flags,
            } => {
                set(&mut person, &mut post, &mut effective, &mut flags);
                Action::Correct {
                    person,
                    post,
                    effective,
                    flags,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{may_start, may_start_white_space, normalise, normalised, without_board_term};
    use std::borrow::Cow;

    #[test]
    fn a_board_term_is_dropped_and_the_board_with_it_for_a_seat_on_it() {
        let fold = |org, title| without_board_term(org, title).into_owned();
        assert_eq!(fold("西部建设第八届董事会", "董事长"), "西部建设");
        assert_eq!(fold("西部建设第八届董事会", "非独立董事"), "西部建设");
        assert_eq!(fold("某银行第十二届监事会", "监事"), "某银行");
        assert_eq!(
            fold("东阿阿胶第十届董事会战略委员会", "主任委员"),
            "东阿阿胶董事会战略委员会"
        );
        assert_eq!(fold("西部建设第八届董事会", "秘书"), "西部建设董事会");
        // No board's term: as written.
        assert_eq!(
            fold("某县第十届人民代表大会", "代表"),
            "某县第十届人民代表大会"
        );
        assert_eq!(fold("第八届董事会", "董事"), "董事会");
        assert_eq!(fold("某银行董事会", "董事"), "某银行");
        assert_eq!(fold("某银行董事会", "秘书"), "某银行董事会");
        assert!(matches!(
            without_board_term("某公司", "董事长"),
            Cow::Borrowed("某公司")
        ));
    }

    #[test]
    fn normalise_drops_every_white_space_character() {
        assert!(matches!(normalised("尹强"), Cow::Borrowed("尹强")));
        assert!(matches!(normalised("尹 强"), Cow::Owned(_)));
        // Every character, white space or not, between two ideographs: the
        // result is the text without the white space, as `char` defines it,
        // and without the zero-width space, joiners and word joiner.
        let invisible = |c: char| matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}');
        for c in (0..=0x3100_u32)
            .chain([0xFEFF, 0xFF0C])
            .filter_map(char::from_u32)
        {
            let written = format!("尹{c}强{c}");
            let expected: String = written
                .chars()
                .filter(|&c| !c.is_whitespace() && !invisible(c))
                .collect();
            assert_eq!(normalise(&written), expected, "U+{:04X}", u32::from(c));
        }
        assert_eq!(normalise(""), "");
        assert_eq!(
            normalise("某县人民政府办公室 主任\u{3000}尹 强"),
            "某县人民政府办公室主任尹强"
        );
        assert_eq!(normalise(" \u{3000}\n"), "");
    }

    #[test]
    fn the_word_scan_finds_what_the_byte_test_finds() {
        // 0xE5, the filler, may start no white space.
        crate::scan::assert_agrees(may_start_white_space, may_start);
    }
}
