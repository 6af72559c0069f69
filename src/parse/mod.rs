//! The notice-text parser: personnel notices (任免通知) as published, in,
//! [`Notice`]s with their events, out.
//!
//! Parsing is pure: it reads text and builds values. It never touches a
//! ledger or a file, and it must never panic, whatever the input (strings
//! are only cut at character boundaries found by searching them).
//!
//! # Statements first, layout second
//!
//! Real text is rarely a gazette: a news reprint, a web copy with its
//! chrome, a congress decision told in prose, a company announcement as a
//! portal retells it. The parser reads appointment and removal statements
//! wherever they are, and attaches each to the decision it belongs to:
//!
//! * where a notice's layout heads the text (title, number, signing line,
//!   below), its body is read as that notice;
//! * text no title heads (all of a news report; what stands before the
//!   first notice) is **loose**: every clause is read, a clause's part that
//!   does not read is passed over (and reported when it speaks of
//!   appointments), names must start with a surname and end in no word of
//!   the sentence, the words before a leading verb are dropped, and the
//!   same event printed twice (a headline, then the list) is kept once;
//! * the decision's day is what the text says: a signing line, an adoption
//!   line, a date under the title, a stated effective date, a sentence
//!   that dates what follows (`4月26日，…`, `昨天`), a news dateline
//!   (`新华社北京3月12日电`, its year from the page), and last the page's
//!   publication line or clock ([`DateSource`]). A day a page with no
//!   date of its own gives with its month only takes its year from the
//!   document it cites (`根据弋医管委〔2019〕2号文件精神`). Loose text that
//!   gives several days is several decisions. A decision given no day is kept
//!   with its events in [`Read::undated`], or dated by [`Parser::date`].
//!
//! Pinyin glosses a site prints after characters (`副市長（zhǎng）`) are
//! taken out first (`glosses.rs`). Traditional script is then folded to
//! simplified before any rule reads it, and what is found is written back
//! in the text's own script (`script.rs`).
//!
//! # The modules
//!
//! `text` (lines and searches), `glosses` (pinyin glosses), `script`
//! (traditional script), `heads`
//! (finding a notice's title and number), `layout` (its signing line,
//! issuer and the dates its layout gives), `dates` (datelines, sentences,
//! pages), `clauses` (cutting a body into clauses), `statement` (reading a
//! clause's parts into events), `openings` (what opens a part before its
//! statement), `verbs` (a name and the verb after it),
//! `forms` (lists of statements, `分别`, successions, motions), `names`,
//! `posts`, `references` (`该局`,
//! names ended by nothing), `bodies` (bodies a text sets up, which a bare
//! organ's post means), `announcements` (meetings, letters, leads),
//! `not_events` (proposals, résumés, prose), `decisions` (grouping events
//! into decisions, repeats), `table`, `qualify` (short organisation names),
//! `correction`, `numerals`, `found` (what a parse returns).
//!
//! # How notices are found
//!
//! By structure, not by one issuer's wording:
//!
//! * a **number line** that holds nothing but a document number
//!   (`济槐政任〔2022〕4号`, `国人字[2021]12号`, `（2021）12号`, `…[2023]第3号`),
//!   after or before a **title line** ending in 通知/决定/公告/通报/命令/名单/
//!   决议/主席令… ; a notice is personnel when its title names
//!   任免/任命/免去/聘任/职务… or its number's prefix holds 任/免/聘
//!   (`济槐政任`), so policy documents are passed by;
//! * or a personnel title line with no number after it (a people's
//!   congress decision): the title then stands for the number, or the title
//!   and an order's serial on the next line (`中华人民共和国主席令` /
//!   `第十一号`).
//!
//! A title that only may be personnel (a board's `…决议公告`, a president's
//! order, `…调整的通知`, `…挂职…`, `…选举…`, `…负责人…`, a number whose
//! prefix holds 人) makes a **weak** notice: it is a notice when it
//! appoints or removes anyone, and is passed by silently, even in strict
//! mode, when it does not.
//!
//! Table-of-contents lines are never notices: they do not end in the title
//! word (`…的通知（济槐政任〔2022〕4号） .....（45）`).
//!
//! A notice's body runs to its **signing date** (a line that is only a
//! date, `2022年5月23日`, `二〇二二年五月二十三日` or `2023-03-02`, possibly
//! after the issuing body on the same line), or to the next notice or
//! heading. The lines just before the date that are not clauses (nor a
//! table's rows, nor `特此通知`) are the **issuer**; a parenthesised
//! `（2022年5月23日印发）` after it, or a foot's `…2023年3月2日印发`, is the
//! issue date. When no date closes the notice, its date is, in this order,
//! a parenthesised `（…会议通过）` date, a web page's publication date
//! (`发布日期：2023-03-20`, `2023-06-28 17:45　来源：新华社`), a date written
//! under the title before any text, and the issue date. The body named
//! above the title (`长沙市开福区人民政府` / `关于…的通知`, or a web page's
//! breadcrumb) is an issuer too.
//!
//! A notice takes effect on its signing date unless it says otherwise:
//! `自2022年6月1日起` (or `从…起`, `以上聘期自…起`) for the whole notice; a
//! meeting it reports (`公司于2023年6月16日召开…董事会会议`, the first held
//! by its date; `6月10日` takes the year that puts it on or before the
//! notice's date); the day a company officer's resignation letter arrived
//! (`董事会于2023年8月23日收到…辞职报告`), for the resignations read after
//! it.
//!
//! # Clauses
//!
//! The body is cut into clauses at `；` and `。` (and a `.` that ends a
//! sentence typed with half-width punctuation), and at a line break before
//! an item number (`二、`, `（二）`, `2.`, `第二、`), after a heading with no
//! colon, or between two whole clauses on lines of their own; text ending
//! in `：` is a heading that sets the section (`任命：`, `免去：`, `聘任：`,
//! `解聘：`, `接受：`). A clause is cut into parts at `，`, and each part is
//! read by a small recogniser: leading verbs (`任命X为…`, `免去X的…职务`,
//! `选举X为…`, `接受X辞去…职务的请求`, `终止X的…试用期`), or a name followed
//! by a verb (`为`, `的`, `任`, `兼任`, `挂职任`, `代理`, `担任`, `不再担任`,
//! `辞去`, also `X因…申请辞去`), or `X在ORG挂职任TITLE`. A name may carry a
//! gender or the post held now in parentheses. `其` is the person named
//! last. A part that starts with its verb (`，不再担任…职务`, `，兼任…`,
//! `，调任…`, `，仍担任…`) speaks of the person named earlier in the same
//! clause, as does one after `X同志挂职期满`. `该局`, `该校`, `该公司` are the
//! organisation named lately that ends so, `该职务` the post named last. A
//! removal with no `的` or `同志` after the name (`免去王五某县审计局局长
//! 职务`) takes the name's length (two to four characters) at which the
//! organisation was named earlier in the notice, or starts as the notice's
//! title or issuer does (`某县`); any other case is reported, never guessed.
//! Posts are split at `、` outside parentheses, and at `及` between two
//! whole posts, and each one into organisation and title with the title
//! lexicon; a title-only item takes the organisation of the item before
//! it, except that a judge's or prosecutor's rank (`审判员`, `检察员` …) is
//! held at the court, not at its tribunal. Markers in parentheses (`（兼）`,
//! `（保留原职级待遇）`, `（挂职）`, `（试用期一年）`, `（另有任用）`) become
//! flags: after the last post they apply to every post of the clause, after
//! one post to that post. The same words as a part of their own
//! (`，试用期一年`) apply to the part before. A clause that states one event
//! twice records it once.
//!
//! A table with a header line (`姓名　原职务　新职务`) is read row by row:
//! the person leaves the post in the old column and takes the one in the
//! new (`table.rs`).
//!
//! # Choices
//!
//! * A clause is atomic: if any part of it is not understood, none of its
//!   events is kept, and the clause is reported.
//! * Some parts change nobody's post, and are read as such, not reported:
//!   reasons (`另有任用`, `退休`, which survive only in the clause text), a
//!   proposal or nomination (`拟任…`, `提名…`), a probation served
//!   (`试用期满…予以正式任职`), a term with no date (`聘期三年`), what a
//!   company's announcement says around its decisions (a meeting held, a
//!   letter received, thanks, `辞职后…`, a resignation that takes effect
//!   only later, which is then no event), a news lead, and prose: a part
//!   with no word that appoints or removes, no `X为`, and no post at its
//!   end (a disclaimer, a résumé).
//! * A notice that yields no events, or has no date, is an error in strict
//!   mode (a weak notice with no events, and loose text with none, is no
//!   notice; leniently, a weak notice's region is also read as loose text,
//!   and the reading with more events kept). In lenient mode a notice without events is left out and
//!   reported in [`Read::unread`]; one without a date is kept, with its
//!   events, in [`Read::undated`].
//! * An organisation written short (`县教育局`, `厅综合规划处`, `公司`,
//!   `心血管内科`) is written out in full from the notice's issuer (see
//!   `qualify.rs`): the post is the county's, department's, company's or
//!   hospital's own, so that the same short name from two issuers is two
//!   posts. The clause text keeps what was written.
//! * A notice without a number line is numbered by its title and signing
//!   date (`…的决定（2021-01-08）`): the same title recurs session after
//!   session.

mod announcements;
mod bodies;
mod clauses;
mod correction;
mod dates;
mod decisions;
mod forms;
mod found;
mod glosses;
mod heads;
mod layout;
mod names;
mod not_events;
mod numerals;
mod openings;
mod posts;
mod qualify;
mod references;
mod script;
mod statement;
mod table;
mod text;
mod verbs;

use clauses::*;
use decisions::*;
use forms::*;
use heads::*;
use layout::*;
use names::*;
use not_events::*;
use openings::*;
use posts::*;
use statement::*;
use text::*;
use verbs::*;

pub use correction::ParsedCorrection;
pub use dates::DateSource;
use found::{NO_EVENTS, notice_number};
pub use found::{ParsedNotice, PassedOver, Read, UndatedNotice};
pub(crate) use numerals::is_numeral;
pub(crate) use script::simplified;

use script::Folded;

use chrono::{Datelike, NaiveDate};

use crate::error::Error;
use crate::lexicon;
use std::borrow::Cow;
use std::sync::Arc;

use crate::model::{Event, EventKind, Flag, Flags, Notice, Person, Post, Provenance, normalised};

/// A notice-text parser.
///
/// Lenient by default: a clause it cannot understand is reported in
/// [`ParsedNotice::skipped`] and the rest of the notice is kept. With
/// [`Parser::strict`] any such clause, and any notice without events or
/// date, is an `Err` for the whole parse.
///
/// ```
/// use appointment_ledger::Parser;
/// let text = "\
/// 某县人民政府关于任免张三等同志职务的通知
/// 某政任〔2021〕3号
/// 县政府决定：
/// 任命张三为某县财政局局长，免去其某县审计局副局长职务。
/// 某县人民政府
/// 2021年3月1日
/// ";
/// let notices = Parser::new().file("a.txt").strict(true).parse(text)?;
/// assert_eq!(notices.len(), 1);
/// let notice = &notices[0].notice;
/// assert_eq!(notice.number, "某政任〔2021〕3号");
/// assert_eq!(notice.issuer, "某县人民政府");
/// assert_eq!(notice.events.len(), 2);
/// assert_eq!(notice.events[1].post.to_string(), "某县审计局副局长");
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parser {
    file: Option<String>,
    strict: bool,
    date: Option<NaiveDate>,
}

/// Parses notice text leniently: [`Parser::new`]`.parse(text)`.
///
/// ```
/// let text = "关于任命李四职务的通知\n〔2021〕12号\n李四为某市教育局局长。\n二〇二一年五月六日\n";
/// let notices = appointment_ledger::parse_notices(text)?;
/// assert_eq!(notices[0].notice.events[0].person.name(), "李四");
/// assert_eq!(notices[0].notice.signed.to_string(), "2021-05-06");
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
pub fn parse_notices(text: &str) -> Result<Vec<ParsedNotice>, Error> {
    Parser::new().parse(text)
}

impl Parser {
    /// A lenient parser with no file name.
    pub fn new() -> Parser {
        Parser::default()
    }

    /// This parser naming `name` as the file in every error.
    ///
    /// ```
    /// use appointment_ledger::Parser;
    /// let text = "关于任免的通知\n某任〔2021〕1号\n王五为；\n2021年1月1日\n";
    /// let err = Parser::new().file("notices.txt").strict(true).parse(text).unwrap_err();
    /// assert_eq!(err.to_string(), "notices.txt: line 3: clause `王五为`: no post after 为");
    /// ```
    #[must_use]
    pub fn file(mut self, name: &str) -> Parser {
        self.file = Some(name.to_owned());
        self
    }

    /// This parser, strict or lenient. A strict parser fails on the first
    /// clause it cannot understand, and on a notice without events or
    /// date.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Parser {
        self.strict = strict;
        self
    }

    /// This parser dating `date` every decision the text gives no date
    /// ([`DateSource::Supplied`]); a date the text gives always wins.
    ///
    /// ```
    /// use appointment_ledger::{DateSource, Parser};
    /// let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// let notices = Parser::new().date(date).parse("国务院任命张三为某部副部长。\n")?;
    /// assert_eq!(notices[0].notice.effective, date);
    /// assert_eq!(notices[0].date_source, DateSource::Supplied);
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    #[must_use]
    pub fn date(mut self, date: NaiveDate) -> Parser {
        self.date = Some(date);
        self
    }

    /// Finds and parses every personnel notice in `text`, in order.
    ///
    /// # Errors
    ///
    /// In strict mode, [`Error::Parse`] for the first clause not understood,
    /// or for a notice with no events or no date. In lenient mode it does
    /// not fail: problems are in [`ParsedNotice::skipped`], and a decision
    /// without a date is left out of this list ([`Parser::read`] reports
    /// it in [`Read::undated`]).
    pub fn parse(&self, text: &str) -> Result<Vec<ParsedNotice>, Error> {
        Ok(self.read_all(text, false)?.notices)
    }

    /// Reads everything in `text`: the notices of appointments, the
    /// corrections, the decisions without a date, the statement-like parts
    /// read as no event, and — in lenient mode — what was left unread,
    /// with the reasons, so that a caller can say what it could not use.
    ///
    /// ```
    /// use appointment_ledger::Parser;
    /// let text = "某县人民政府关于任免张三职务的通知\n某政任〔2022〕1号\n张三为；\n某县人民政府\n2022年1月4日\n";
    /// let read = Parser::new().file("a.txt").read(text)?;
    /// assert!(read.notices.is_empty());
    /// assert_eq!(read.unread[0].to_string(), "a.txt: line 3: clause `张三为`: no post after 为");
    /// assert_eq!(
    ///     read.unread[1].to_string(),
    ///     "a.txt: line 2: clause `某政任〔2022〕1号`: notice has no appointment or removal clauses"
    /// );
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Parser::parse`], and in strict mode for a correction it cannot
    /// read.
    pub fn read(&self, text: &str) -> Result<Read, Error> {
        self.read_all(text, true)
    }

    fn read_all(&self, text: &str, corrections: bool) -> Result<Read, Error> {
        // (A file's byte-order mark is no part of its first line.)
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let text = glosses::without_glosses(text);
        let (folded, script) = Folded::of(&text);
        let lines = lines(&folded);
        let page = dates::page_date(&lines);
        let mut read = Read::default();
        // Which notices and undated decisions were read in loose text.
        let (mut loose, mut loose_undated) = (Vec::new(), Vec::new());
        for (head, region) in regions(&lines) {
            if head.correction {
                if !corrections {
                    continue;
                }
                match self.correction(&head, region)? {
                    Ok(found) => read.corrections.push(found),
                    Err(unread) => read.unread.extend(unread),
                }
                continue;
            }
            // Loose text (no title or number heads it) may hold several
            // decisions, each closed by its own signing line.
            let mut rest = region;
            loop {
                let layout = layout(rest);
                self.notice(&head, rest, &layout, page, &mut read)?;
                loose.resize(read.notices.len(), head.loose);
                loose_undated.resize(read.undated.len(), head.loose);
                match rest.get(layout.after..) {
                    Some(more) if head.loose && !more.is_empty() && layout.after > 0 => {
                        rest = more;
                    }
                    _ => break,
                }
            }
        }
        read.drop_loose_repeats(&loose, &loose_undated);
        if script.is_traditional() {
            read.unfold(&script);
        }
        Ok(read)
    }

    fn error(&self, line: u32, clause: &str, reason: impl Into<String>) -> Error {
        Error::Parse {
            file: self.file.clone(),
            line,
            clause: clause.trim().to_owned(),
            reason: reason.into(),
        }
    }

    /// Reads one notice's region into `read`: one notice, or one for each
    /// day the text dates its decisions, or an undated one, or what was
    /// left unread.
    fn notice(
        &self,
        head: &Head,
        region: &[Line<'_>],
        layout: &Layout,
        page: Option<NaiveDate>,
        read: &mut Read,
    ) -> Result<(), Error> {
        // A weak head (a company's `关于董事长调整的公告`) may head prose
        // that tells who resigned and who was elected (h07): leniently, its
        // region is read as laid out and as loose text, statements first,
        // and the reading that finds more events is kept. (Strict mode
        // keeps to the layout.)
        if head.weak && !head.loose && !self.strict {
            let mut laid_out = Read::default();
            self.notice_in(head, region, layout, page, &mut laid_out)?;
            let loose = Head {
                loose: true,
                ..head.clone()
            };
            let mut prose = Read::default();
            self.notice_in(&loose, region, layout, page, &mut prose)?;
            read.append(if prose.events() > laid_out.events() {
                prose
            } else {
                laid_out
            });
            return Ok(());
        }
        self.notice_in(head, region, layout, page, read)
    }

    /// [`Parser::notice`] for one way of reading the head.
    fn notice_in(
        &self,
        head: &Head,
        region: &[Line<'_>],
        layout: &Layout,
        page: Option<NaiveDate>,
        read: &mut Read,
    ) -> Result<(), Error> {
        let head_text = head.number.as_deref().unwrap_or(&head.title);
        // A weak head is read leniently, and is a notice only if it has
        // events; then a strict parse refuses what it could not read.
        let strict = self.strict && !head.weak;
        let layout_date = layout.date();
        let mut state = State {
            context: [head.title.clone(), layout.issuer.clone()],
            signed: layout_date.map(|(d, _)| d).or(page).or(self.date),
            page,
            // (Only where the page gives no date of its own.)
            cited_year: page
                .is_none()
                .then(|| {
                    head.loose
                        .then(|| dates::cited_year(region).or_else(|| dates::business_year(region)))
                        .flatten()
                })
                .flatten(),
            loose: head.loose,
            ..State::default()
        };
        let mut skipped = Vec::new();
        let body = region.get(..layout.body_end).unwrap_or(&[]);
        // A table of people and posts (`姓名　原职务　新职务`) is read row by
        // row; its lines are no clauses.
        let mut excluded = layout.meta.clone();
        let mut table: Option<table::Header> = None;
        for (i, line) in body.iter().enumerate() {
            if let Some(header) = table::header(line) {
                table = Some(header);
                excluded.push(i);
                continue;
            }
            let Some(header) = &table else {
                continue;
            };
            if line.norm.is_empty() || ends_clause(&line.norm) {
                table = None;
                continue;
            }
            excluded.push(i);
            if let Err(reason) = header
                .row(line.raw)
                .and_then(|row| state.table_row(row, line))
            {
                let err = self.error(line.no, line.raw.trim(), reason);
                if strict {
                    return Err(err);
                }
                skipped.push(err);
            }
        }
        for segment in segments(body, &excluded, head.loose) {
            if let Err(reason) = state.segment(&segment) {
                let err = self.error(segment.line, &segment.text, reason);
                if strict {
                    return Err(err);
                }
                skipped.push(err);
            }
        }
        read.passed_over.append(&mut state.passed);
        for (line, part, reason) in std::mem::take(&mut state.unread) {
            skipped.push(self.error(line, &part, reason));
        }
        // A date written for some clauses only cannot be the notice's: a
        // notice takes effect on one day. All clauses dated alike is fine.
        let dates: Vec<NaiveDate> = state.dated.iter().map(|(_, d, _)| *d).collect();
        let clauses: std::collections::BTreeSet<u32> =
            state.events.iter().map(|e| e.provenance.clause).collect();
        // (In loose text a clause not dated so may be said to be of the
        // same day: `4月22日上午，…宣布…任…` beside a letter received
        // 2025年4月22日, g24.)
        let undated_alike = || {
            dates.first().is_some_and(|first| {
                clauses
                    .iter()
                    .filter(|c| !state.dated.iter().any(|(d, _, _)| d == *c))
                    .all(|c| state.said_for(*c).is_some_and(|(day, _)| day == *first))
            })
        };
        let all_alike = dates.windows(2).all(|w| w[0] == w[1])
            && (clauses.len() == state.dated.len() || (head.loose && undated_alike()))
            && state
                .effective
                .is_none_or(|e| dates.first().is_none_or(|d| *d == e));
        if !all_alike {
            for (clause, date, segment) in std::mem::take(&mut state.dated) {
                let err = self.error(
                    segment.line,
                    &segment.text,
                    format!(
                        "this clause takes effect on {date}, the rest of the notice on another day; a notice takes effect on one day, so record it as a notice of its own"
                    ),
                );
                if strict {
                    return Err(err);
                }
                state.events.retain(|e| e.provenance.clause != clause);
                skipped.push(err);
            }
        } else if let Some(date) = dates.first() {
            state.effective = Some(*date);
        }
        // A page may print a decision twice (a headline, then the list); a
        // notice's own layout states each event as it means it (a repeat
        // there is the checker's to report).
        if head.loose {
            state.drop_repeats();
        }
        if head.weak {
            if state.events.is_empty() {
                // Loose text's unreadable statements are still reported.
                if head.loose {
                    read.unread.append(&mut skipped);
                }
                return Ok(());
            }
            if let (true, Some(first)) = (self.strict, skipped.first()) {
                return Err(first.clone());
            }
        }
        if state.events.is_empty() {
            let err = self.error(head.line, head_text, NO_EVENTS);
            if strict {
                return Err(err);
            }
            skipped.push(err);
            read.unread.append(&mut skipped);
            return Ok(());
        }
        let line = if head.loose {
            state
                .events
                .first()
                .and_then(|e| e.provenance.line)
                .unwrap_or(head.line)
        } else {
            head.line
        };
        let signed_by = match (layout.issuer.is_empty(), head.above.is_empty()) {
            (false, false) => format!("{}、{}", layout.issuer, head.above),
            (true, false) => head.above.clone(),
            _ => layout.issuer.clone(),
        };
        let listed = head
            .loose
            .then(|| listed_company(region.get(..layout.after).unwrap_or(region)))
            .flatten();
        let issuer = qualify::Issuer::of(&signed_by, &head.title)
            .listed(listed)
            .defined(defined_company(region))
            .short_names(defined_names(region));
        // Loose text names no issuer: its `区…`, `市…` take the place the
        // text itself says it is in (`qualify::Places`).
        let mut places: Option<qualify::Places> = None;
        for event in &mut state.events {
            if let Some(post) = issuer.qualify(&event.post) {
                event.post = post;
            } else if head.loose && qualify::starts_with_level(event.post.organisation()) {
                let places = places.get_or_insert_with(|| {
                    qualify::Places::of(region.iter().map(|l| (l.no, &*l.norm)))
                });
                let line = event.provenance.line.unwrap_or(head.line);
                if let Some(org) = places.written_out(event.post.organisation(), line) {
                    event.post = Post::new(&org, event.post.title());
                }
            }
        }
        let title = if head.title.is_empty() {
            state.headline(region)
        } else {
            head.title.clone()
        };
        // The decisions and their days: the layout's date for the whole
        // notice; else the days the text gives its clauses (a dateline, a
        // sentence), one notice a day; else the day it was published, or
        // the caller's.
        // A proposal put to a vote (`关于提请决定任免…的议案`) decides nothing:
        // what it lists is passed over.
        if title.ends_with("议案") || title.starts_with("关于提请") {
            // One part for each clause, not for each of its events.
            let mut clause = None;
            for e in state.events.drain(..) {
                if clause.replace(e.provenance.clause) == Some(e.provenance.clause) {
                    continue;
                }
                read.passed_over.push(PassedOver {
                    line: e.provenance.line.unwrap_or(line),
                    text: e.provenance.text.to_string(),
                    reason: "a proposal put to a vote (议案), not a decision".to_owned(),
                });
            }
            read.passed_over.dedup();
            return Ok(());
        }
        // In loose text a day at the top is the page's, as a header's is:
        // a day the text says for its decisions (`23日，…`) comes first.
        let top_only = layout.signed.is_none() && layout.adopted.is_none();
        let page_like = |s: DateSource| {
            s == DateSource::Published || (head.loose && top_only && s == DateSource::Stated)
        };
        let groups: Vec<Decision> = match layout_date.filter(|(_, s)| !page_like(*s)) {
            Some(date) => vec![(Some(date), std::mem::take(&mut state.events))],
            None => {
                // (A meeting that decided, `…于2024年11月15日召开…股东大会`,
                // dates a text that has no other date.)
                // A page's date bounds a decision the text says came some
                // days before (`日前`, `近日`): it dates none.
                let vague = || {
                    let last = state.events.iter().filter_map(|e| e.provenance.line).max();
                    region
                        .iter()
                        .take_while(|l| last.is_none_or(|last| l.no <= last))
                        .any(|l| dates::says_some_days_ago(&l.norm))
                };
                let published = layout_date.or(page.map(|d| (d, DateSource::Published)));
                let fallback = published
                    .filter(|_| !vague())
                    .or(state.meeting.map(|d| (d, DateSource::Stated)))
                    .or(self.date.map(|d| (d, DateSource::Supplied)));
                state.by_day(fallback, head.number.is_none())
            }
        };
        for (date, events) in groups {
            // Loose text that gives no day of the decision but the day it
            // takes effect (`X將於2024年5月14日出任…`, k03) is of that day.
            let date = date.or_else(|| {
                state
                    .effective
                    .filter(|_| head.loose)
                    .map(|d| (d, DateSource::Stated))
            });
            let Some((signed, source)) = date else {
                // A signing date that is no day is said so, where it is.
                let err = match layout.impossible {
                    Some((at, (y, m, d))) => {
                        let written = region.get(at);
                        self.error(
                            written.map_or(line, |l| l.no),
                            written.map_or(head_text, |l| l.raw.trim()),
                            format!("{y}年{m}月{d}日 is no day of the calendar"),
                        )
                    }
                    None => self.error(line, head_text, "notice has no signing date"),
                };
                if self.strict {
                    return Err(err);
                }
                // (A date that is no day is the reader's to mend: it is
                // reported with the decision's other problems.)
                if layout.impossible.is_some() {
                    skipped.push(err);
                }
                read.undated.push(UndatedNotice {
                    number: head.number.clone(),
                    title: title.clone(),
                    issuer: layout.issuer.clone(),
                    events,
                    line,
                    skipped: std::mem::take(&mut skipped),
                });
                continue;
            };
            let mut notice =
                Notice::new(&notice_number(head.number.clone(), &title, signed), signed)
                    .title(&title)
                    .issuer(&layout.issuer);
            let stated = state.effective.or(state.meeting);
            notice.effective = stated.unwrap_or(signed);
            notice.issued = layout.issued;
            notice.events = events;
            read.notices.push(ParsedNotice {
                notice,
                line,
                date_source: if stated.is_some() {
                    DateSource::Stated
                } else {
                    source
                },
                skipped: std::mem::take(&mut skipped),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(no: u32, raw: &str) -> Line<'_> {
        Line::new(no, raw)
    }

    /// The events a lenient read of `text` finds, dated or not, as `kind
    /// person post`.
    fn events(text: &str) -> Vec<String> {
        let read = Parser::new().read(text).expect("lenient");
        read.notices
            .iter()
            .flat_map(|n| &n.notice.events)
            .chain(read.undated.iter().flat_map(|u| &u.events))
            .map(|e| format!("{} {} {}", e.kind, e.person, e.post))
            .collect()
    }

    /// The events of `text` read leniently, each with its notice's date.
    fn dated_events(text: &str) -> Vec<String> {
        let read = Parser::new().read(text).expect("lenient");
        read.notices
            .iter()
            .flat_map(|n| {
                n.notice
                    .events
                    .iter()
                    .map(move |e| format!("{} {} {}", n.notice.effective, e.person, e.post))
            })
            .collect()
    }

    #[test]
    fn a_board_that_chooses_a_new_head_names_its_company() {
        assert_eq!(
            events("台积电董事会通过，由张伟接任董事长。"),
            ["appoint 张伟 台积电董事长"]
        );
        assert_eq!(
            events("鴻海董事會決議，推舉張偉為新任董事長。"),
            ["appoint 張偉 鴻海董事長"]
        );
        assert_eq!(
            events("李明不再担任某公司董事长，由张伟接任。"),
            ["remove 李明 某公司董事长", "appoint 张伟 某公司董事长"]
        );
        // A Hong Kong company's 行政总裁 is a title of its own, and takes
        // the company named before it.
        assert_eq!(
            events(
                "董事会宣布，张伟先生因其他工作安排已辞任本公司执行董事及行政总裁，自2020年5月6日起生效。"
            ),
            ["remove 张伟 本公司执行董事", "remove 张伟 本公司行政总裁"]
        );
    }

    #[test]
    fn a_rumour_passed_on_is_no_decision() {
        // Opened by its word, or announced by the clause before.
        assert!(
            events("2015年5月4日，消息称，王甲任某集团董事长、李乙任某公司董事长。").is_empty()
        );
        assert!(events("2015年5月4日，又有消息称，王甲任某集团董事长。").is_empty());
        assert!(
            events("2015年5月4日，几大央企人事任命的消息广泛流传：王甲任某集团董事长。").is_empty()
        );
        let read = Parser::new()
            .read("2015年5月4日，网传王甲任某集团董事长。")
            .expect("lenient");
        assert_eq!(read.passed_over.len(), 1);
        assert_eq!(read.passed_over[0].reason, not_events::RUMOUR);
        // A source's report is no rumour.
        assert_eq!(
            events("2015年5月4日，某部发布消息称，任命王甲为某局局长。"),
            ["appoint 王甲 某局局长"]
        );
    }

    #[test]
    fn a_resignation_that_waits_for_a_successor_is_pending() {
        assert!(
            events(
                "2020年5月6日，某银行董事会收到张三先生的辞呈。张三先生辞去该行独立非执行董事职务。在新任独立非执行董事就任前，张三先生将继续履职。"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_papers_lead_stands_before_the_company_it_reports_on() {
        assert_eq!(
            events(
                "【某社讯】綠科科技國際(00195-HK)公布,金曄已獲委任為非執行董事,自2019年12月24日起生效。"
            ),
            ["appoint 金曄 綠科科技國際非執行董事"]
        );
    }

    #[test]
    fn titled_names_joined_share_their_verb() {
        assert_eq!(
            events("2020年5月6日，民政局副局长骆邦吉及鼓山区公所区长郑明兴调任本府参议。"),
            ["appoint 骆邦吉 本府参议", "appoint 郑明兴 本府参议"]
        );
        // A list of titles before one name is one person's.
        assert_eq!(
            events("2020年5月6日，党委书记、董事长张三调任某局局长。"),
            ["appoint 张三 某局局长"]
        );
    }

    #[test]
    fn who_takes_over_with_a_former_post_names_no_place() {
        // (`由原` is no place for the `市府` before it.)
        assert_eq!(
            events("2020年5月6日，张三调任市府秘书，由原市府参议李四接任民政局副局长。"),
            ["appoint 张三 市府秘书", "appoint 李四 民政局副局长"]
        );
    }

    #[test]
    fn a_meeting_report_of_no_year_takes_the_year_of_its_plans() {
        let text = "3月20日，区人大常委会举行会议。\n会议审议并通过了《区人大常委会2015年度工作要点》。\n会议任命张三同志为虹口区人民政府办公室主任；接受张三同志辞去虹口区第十五届人大代表、人事工作委员会委员职务的请求。\n";
        let read = Parser::new().read(text).expect("lenient");
        assert_eq!(read.notices.len(), 1);
        assert_eq!(read.notices[0].notice.signed.to_string(), "2015-03-20");
        assert_eq!(
            events(text),
            [
                "appoint 张三 虹口区人民政府办公室主任",
                "remove 张三 虹口区第十五届人大代表",
                // (A committee named by its work is the congress's.)
                "remove 张三 虹口区第十五届人大人事工作委员会委员",
            ]
        );
        // A year's final accounts are of the year before: no year.
        let text = "7月2日，县人大常委会举行会议，审议2013年度财政决算，选举张三同志为某县人民政府副县长。\n";
        let read = Parser::new().read(text).expect("lenient");
        assert!(read.notices.is_empty());
        assert_eq!(read.undated.len(), 1);
    }

    #[test]
    fn a_company_that_announces_on_a_day_names_its_posts() {
        assert_eq!(
            events(
                "第一医药2月7日公告，孙伟辞去公司第十届董事会董事长、董事、战略委员会主任委员职务。"
            ),
            [
                "remove 孙伟 第一医药第十届董事会董事长",
                "remove 孙伟 第一医药第十届董事会董事",
                // (A board's committee named by its work is the company's.)
                "remove 孙伟 第一医药战略委员会主任委员",
            ]
        );
    }

    #[test]
    fn resigning_the_posts_a_letter_named_removes_them() {
        assert_eq!(
            events(
                "天坛生物7月2日盘后发布公告，公司董事会收到公司董事、总经理付道兴书面辞职申请，因已到法定退休年龄，向公司董事会提出辞去上述职务。"
            ),
            ["remove 付道兴 天坛生物董事", "remove 付道兴 天坛生物总经理"]
        );
        // No letter named posts: nothing to refer to.
        assert!(events("2020年5月6日，张三辞去上述职务。").is_empty());
    }

    #[test]
    fn committees_joined_share_their_title() {
        assert_eq!(
            events("2020年5月6日，任命张三为某公司薪酬委员会主席以及审核委员会及提名委员会成员。"),
            [
                "appoint 张三 某公司薪酬委员会主席",
                "appoint 张三 审核委员会成员",
                "appoint 张三 提名委员会成员",
            ]
        );
        assert_eq!(
            events("2020年5月6日，任命张三为某公司董事会审核委员会及提名委员会委员。"),
            [
                "appoint 张三 某公司董事会审核委员会委员",
                "appoint 张三 某公司董事会提名委员会委员",
            ]
        );
    }

    #[test]
    fn who_takes_over_may_be_named_with_the_title_held_now() {
        assert_eq!(
            events("2020年5月6日，环保署长沈世宏离职，由台湾大学地质系教授魏国彦接任。"),
            ["remove 沈世宏 环保署长", "appoint 魏国彦 环保署长"]
        );
    }

    #[test]
    fn a_posting_from_a_day_this_month_is_dated_then() {
        assert_eq!(
            dated_events("2020年5月6日\n规划署副署长叶子季，本月18日起出任规划署署长。\n"),
            ["2020-05-18 叶子季 规划署署长"]
        );
    }

    #[test]
    fn a_bare_title_after_a_ministers_post_is_the_ministrys() {
        assert_eq!(
            events("2014年2月26日，新成立的科技部长由张善政接任，政务次长由钱宗良担任。"),
            ["appoint 张善政 科技部长", "appoint 钱宗良 科技部政务次长"]
        );
        // A school's 校长 names the school itself.
        assert_eq!(
            events("2014年2月26日，免去胡建淼同志的浙江工商大学校长、党委副书记职务。"),
            [
                "remove 胡建淼 浙江工商大学校长",
                "remove 胡建淼 浙江工商大学党委副书记"
            ]
        );
    }

    #[test]
    fn an_oath_of_office_takes_the_post() {
        assert_eq!(
            events("2020年5月6日，沈孟儒宣誓就任成功大学校长。"),
            ["appoint 沈孟儒 成功大学校长"]
        );
        assert_eq!(
            events("2020年5月6日，任命张三为某局局长，正式就任某局党组书记。"),
            ["appoint 张三 某局局长", "appoint 张三 某局党组书记"]
        );
    }

    #[test]
    fn a_body_named_in_quotation_brackets_is_one_and_its_short_name_means_it() {
        assert_eq!(
            events(
                "2019年3月15日，行政长官委任唐某出任「甲委员会成员、乙议员薪津独立委员会」(独立委员会)的主席，并委任蔡某及黄某为独立委员会成员。"
            ),
            [
                "appoint 唐某 甲委员会成员、乙议员薪津独立委员会主席",
                "appoint 蔡某 甲委员会成员、乙议员薪津独立委员会成员",
                "appoint 黄某 甲委员会成员、乙议员薪津独立委员会成员",
            ]
        );
    }

    #[test]
    fn the_day_the_person_just_appointed_takes_office_dates_the_appointment() {
        assert_eq!(
            dated_events(
                "时间: 2014-07-31 15:55:14\n香港特区政府委任萧伟强为劳工及福利局副局长。他将于8月15日就任。\n"
            ),
            ["2014-08-15 萧伟强 劳工及福利局副局长"]
        );
    }

    #[test]
    fn a_deputys_seat_lapses_or_is_filled_from_the_list() {
        assert_eq!(
            events(
                "2019年4月23日，接受舒某辞去第十三届全国人民代表大会代表职务。王军、王敏刚的代表资格自然终止。递补陈晓峰为第十三届全国人民代表大会代表。"
            ),
            [
                "remove 舒某 第十三届全国人民代表大会代表",
                "remove 王军 第十三届全国人民代表大会代表",
                "remove 王敏刚 第十三届全国人民代表大会代表",
                "appoint 陈晓峰 第十三届全国人民代表大会代表",
            ]
        );
        // No deputy's post named before: no post to end.
        assert!(events("2019年4月23日，终止张三的代表资格。").is_empty());
    }

    #[test]
    fn a_by_election_a_recall_and_a_post_revoked_are_read() {
        assert_eq!(
            events(
                "2020年5月6日，会议补选张三为某县人民代表大会常务委员会副主任，增选李四为某市政协委员。"
            ),
            [
                "appoint 张三 某县人民代表大会常务委员会副主任",
                "appoint 李四 某市政协委员",
            ]
        );
        assert_eq!(
            events("2020年5月6日，罢免张三的第十三届全国人民代表大会代表资格。"),
            ["remove 张三 第十三届全国人民代表大会代表"]
        );
        assert_eq!(
            events("2020年5月6日，撤销张三的某县副县长职务。"),
            ["remove 张三 某县副县长"]
        );
        // A by-election that a resignation waits for is its condition.
        assert!(
            events(
                "2020年5月6日，同意陈某辞去某协会监事职务，其辞职自下次会议补选产生新任监事后生效。"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_party_committees_department_after_its_member_is_its_own() {
        assert_eq!(
            events("2020年5月6日，张三同志任某县县委常委、组织部部长。"),
            [
                "appoint 张三 某县县委常委",
                "appoint 张三 某县县委组织部部长"
            ]
        );
    }

    #[test]
    fn a_bare_organ_means_the_body_the_text_set_up() {
        let text = "2020年5月6日，某市新组建某某集聚区管委会，建立某某集聚区（某园区）党工委。\n\
                    张三同志任党工委书记；\n\
                    李四同志任管委会主任、党工委副书记\n\
                    王宏、赵明同志任管委会副主任\n\
                    钱七同志任党工委委员，保留正处级。";
        assert_eq!(
            events(text),
            [
                "appoint 张三 某某集聚区党工委书记",
                "appoint 李四 某某集聚区管委会主任",
                "appoint 李四 某某集聚区党工委副书记",
                "appoint 王宏 某某集聚区管委会副主任",
                "appoint 赵明 某某集聚区管委会副主任",
                "appoint 钱七 某某集聚区党工委委员",
            ]
        );
        // A text that set no committee up names none.
        assert!(events("2020年5月6日，张三同志任党工委书记。").is_empty());
    }

    #[test]
    fn a_removal_with_no_mark_after_the_name_ends_it_where_the_text_named_it() {
        assert_eq!(
            events("2015年5月6日，徐宏任某甲公司董事长。免去徐宏东风汽车公司董事长职务。"),
            [
                "appoint 徐宏 某甲公司董事长",
                "remove 徐宏 东风汽车公司董事长"
            ]
        );
    }

    #[test]
    fn a_description_and_a_reason_around_a_name_are_no_part_of_it() {
        assert_eq!(
            events("2020年10月19日，该报透露，65岁的蔡明因年龄原因不再担任某社社长职务。"),
            ["remove 蔡明 某社社长"]
        );
    }

    #[test]
    fn a_chief_executive_a_coach_and_a_full_time_deputy_are_posts() {
        assert_eq!(
            events("2017年4月11日，国务院任命林红为香港特别行政区第五任行政长官。"),
            ["appoint 林红 香港特别行政区第五任行政长官"]
        );
        assert_eq!(
            events("2014年2月24日，任命傅明为国家某局副局长（专职，副部长级）。"),
            ["appoint 傅明 国家某局副局长"]
        );
        assert_eq!(
            events("2020年5月6日，崔明辞去上海申花主教练一职。"),
            ["remove 崔明 上海申花主教练"]
        );
        // 陞, a form of 升 that folding keeps.
        assert_eq!(
            events("2025年10月16日，关嘉荣陞任某县地政局长。"),
            ["appoint 关嘉荣 某县地政局长"]
        );
    }

    #[test]
    fn a_resignation_after_the_reason_for_it_removes_and_what_follows_it_does_not() {
        assert_eq!(
            events("2023年3月1日，今年62岁的刘明因工作调整，辞任某银行董事长等职务。"),
            ["remove 刘明 某银行董事长"]
        );
        assert_eq!(
            events("2023年3月1日，周明辞去某公司副董事长一职，辞任后仍继续担任某公司董事职务。"),
            ["remove 周明 某公司副董事长"]
        );
    }

    #[test]
    fn a_leading_verbs_le_an_age_and_others_unnamed_are_no_part_of_a_name() {
        assert_eq!(
            events("2020年1月4日，国务院宣布免去现年六十二岁王明的某办主任职务。"),
            ["remove 王明 某办主任"]
        );
        assert_eq!(
            events("2020年1月4日，大会免去了王松同志某公司党委委员职务。"),
            ["remove 王松 某公司党委委员"]
        );
        assert_eq!(
            events("2020年1月4日，会议表决通过了免去杨冬生等同志某委员会主任职务。"),
            ["remove 杨冬生 某委员会主任"]
        );
    }

    #[test]
    fn a_headlines_statements_apart_at_white_space_are_read_each() {
        assert_eq!(
            events("骆明任某某办主任 王志华被免职\n2020年1月4日，国务院任命骆明为某某办主任。"),
            ["appoint 骆明 某某办主任"]
        );
        assert_eq!(
            events("2020年1月4日，张明任某局局长 李华任某局副局长"),
            ["appoint 张明 某局局长", "appoint 李华 某局副局长"]
        );
    }

    #[test]
    fn a_posts_place_a_passive_of_news_prose_and_a_forecast_of_may() {
        assert_eq!(
            events("2014年2月24日，免去张明的某局局长职位。"),
            ["remove 张明 某局局长"]
        );
        assert_eq!(
            events("2023年7月25日，中国人民银行行长易明遭免职。"),
            ["remove 易明 中国人民银行行长"]
        );
        assert!(events("2009年4月30日，近期可能宣布由赵明接掌某公司董事长的职位。").is_empty());
    }

    #[test]
    fn respectively_after_the_appointing_verb_and_with_joined_organisations() {
        assert_eq!(
            events("2011年4月6日，中组部任命傅明、王林分别担任甲集团和乙总公司董事长。"),
            ["appoint 傅明 甲集团董事长", "appoint 王林 乙总公司董事长"]
        );
        assert_eq!(
            events("2011年4月6日，张明、李华分别任甲县和乙县县长。"),
            ["appoint 张明 甲县县长", "appoint 李华 乙县县长"]
        );
    }

    #[test]
    fn a_month_with_no_day_dates_nothing() {
        let text = "2024-09-16 新闻资讯\n值得注意的是，8月底，某公司公告称，张明先生已获委任为某公司独立非执行董事；9月3日，李华先生已获委任为某公司独立非执行董事。";
        assert_eq!(dated_events(text), ["2024-09-03 李华 某公司独立非执行董事"]);
        assert_eq!(events(text).len(), 2);
    }

    #[test]
    fn a_list_of_the_newly_appointed_appoints_each() {
        assert_eq!(
            events(
                "2018年2月23日，行政院宣布内阁人事异动，新任外交部长吴明、国防部长严华、某会主委陈通。"
            ),
            [
                "appoint 吴明 外交部长",
                "appoint 严华 国防部长",
                "appoint 陈通 某会主委"
            ]
        );
        // A title and a name, one, may be a description only.
        assert!(events("2018年2月23日，新任国家体育总局局长苟明，就曾表达过意见。").is_empty());
    }

    #[test]
    fn posts_in_quotation_marks_and_a_list_of_moves_are_read() {
        assert_eq!(
            events(
                "1987年4月23日，昨天公布的人事变动包括：原“交通部长”连明升任“行政院副院长”、原“外交部政务次长”丁华升任“外交部长”。"
            ),
            ["appoint 连明 行政院副院长", "appoint 丁华 外交部长"]
        );
        assert_eq!(posts::unquoted("原“交通部长”连明"), "原交通部长连明");
        // Marks around no post stay.
        assert_eq!(posts::unquoted("中央“空降”干部"), "中央“空降”干部");
        assert_eq!(posts::unquoted("“未闭合"), "“未闭合");
    }

    #[test]
    fn a_resignation_of_posts_tendered_removes_on_the_day_the_letter_arrives() {
        let text = "2025-09-29 新闻\n【财华社讯】某电力股份(01071.HK)公布，赵明因个人工作原因，已提出辞任公司非执行董事职务，上述辞任将自辞职函提交董事会之日起生效。";
        assert_eq!(events(text), ["remove 赵明 某电力股份非执行董事"]);
        // On a day the text does not give.
        assert!(dated_events(text).is_empty());
    }

    #[test]
    fn a_post_taken_by_one_acting_in_it() {
        let read = Parser::new()
            .read("2022年12月7日，内政部长由花明代理。")
            .expect("lenient");
        let found: Vec<_> = read.notices.iter().flat_map(|n| &n.notice.events).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].person.name(), "花明");
        assert_eq!(found[0].post, Post::new("内政", "部长"));
        assert!(found[0].flags.contains(Flag::Acting));
        assert_eq!(
            events("2022年12月7日，某部部长乙职由花明政务次长代理。"),
            ["appoint 花明 某部部长"]
        );
    }

    #[test]
    fn a_resignation_asked_for_is_no_removal() {
        assert_eq!(
            events("2018年12月29日，某公司行政总裁张三已辞职。"),
            ["remove 张三 某公司行政总裁"]
        );
        assert!(events("2018年12月29日，某公司行政总裁张三申请辞职。").is_empty());
        assert!(events("2018年12月29日，某公司行政总裁张三提出辞任。").is_empty());
    }

    #[test]
    fn a_page_day_and_clock_on_their_own_line_are_no_part_of_a_clause() {
        let lines = [
            line(1, "2018年7月24日 10:00"),
            line(2, "23日，会议决定，任命张三为A局局长。"),
            line(3, "2018-07-24"),
            line(4, "24日，任命李四为B局局长。"),
        ];
        let segs = segments(&lines, &[], true);
        let texts: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
        // (A clock's colon cuts nothing; in text of no layout a line that
        // is a day alone ends before the next.)
        assert_eq!(
            texts,
            [
                "2018年7月24日 10:00",
                "23日，会议决定，任命张三为A局局长",
                "2018-07-24",
                "24日，任命李四为B局局长",
            ]
        );
    }

    #[test]
    fn clauses_are_cut_at_semicolons_and_full_stops() {
        let lines = [
            line(1, "区政府决定，任命："),
            line(2, ""),
            line(3, "张三为A局局长；李四为B局局长。  "),
            line(4, "王 五为C局"),
            line(5, "局长；"),
        ];
        let segs = segments(&lines, &[], false);
        let texts: Vec<(&str, u32, bool)> = segs
            .iter()
            .map(|s| (s.text.as_str(), s.line, s.heading))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("区政府决定，任命", 1, true),
                ("张三为A局局长", 3, false),
                ("李四为B局局长", 3, false),
                ("王 五为C局\n局长", 4, false),
            ]
        );
    }

    #[test]
    fn parts_are_cut_outside_parentheses() {
        let split = |text, seps| split_top(text, seps).collect::<Vec<_>>();
        assert_eq!(
            split("A、B（C、D）、E", &['、']),
            vec!["A", "B（C、D）", "E"]
        );
        assert_eq!(split("", &['、']), vec![""]);
        assert_eq!(split("）、（", &['、']), vec!["）", "（"]);
        assert_eq!(split("A，B、C", &['，', '、']), vec!["A", "B", "C"]);
        assert_eq!(split("A，", &['，']), vec!["A", ""]);
    }

    #[test]
    fn the_word_scan_finds_what_the_byte_test_finds() {
        // Both kinds of scan.
        for (ascii, wanted) in [(true, &[0xE3, 0xEF][..]), (false, &[b';', 0xE3][..])] {
            crate::scan::assert_agrees(
                |bytes, from| next_byte(bytes, from, ascii, wanted),
                |b| (ascii && b < 0x80) || wanted.contains(&b),
            );
        }
    }

    #[test]
    fn numbers_and_titles() {
        assert_eq!(number_prefix("济槐政任〔2022〕4号"), Some("济槐政任"));
        assert_eq!(number_prefix("[2021]12号"), Some(""));
        assert_eq!(number_prefix("（2021）12号"), Some(""));
        assert_eq!(number_prefix("济槐政任〔2022〕号"), None);
        assert_eq!(number_prefix("关于任命的通知（济槐政任〔2022〕4号）"), None);
        assert!(is_title(
            "济南市槐荫区人民政府关于任免周燕等工作人员职务的通知"
        ));
        assert!(!is_title(
            "济南市槐荫区人民政府关于任命刘晓菡等工作人员职务的通知（济槐政任〔2022〕4号）.....（45）"
        ));
    }

    #[test]
    fn markers_and_posts() {
        let (rest, flags) = strip_markers("A局局长（兼）");
        assert_eq!(rest, "A局局长");
        assert!(flags.contains(Flag::Concurrent));
        let (rest, flags) = strip_markers("A局局长（保留正处级）");
        assert_eq!(rest, "A局局长");
        assert!(flags.contains(Flag::RetainRank));
        let (rest, flags) = strip_markers("A中心（B中心）主任");
        assert_eq!(rest, "A中心（B中心）主任");
        assert!(flags.is_empty());
        let list = posts("某集团有限公司董事长、总经理职务").unwrap();
        assert_eq!(list[1].0, Post::new("某集团有限公司", "总经理"));
        let list = posts("某市财政局代局长").unwrap();
        assert_eq!(list[0].0, Post::new("某市财政局", "局长"));
        assert!(list[0].1.contains(Flag::Acting));
        let list = posts("某市财政局代理局长").unwrap();
        assert_eq!(list[0].0, Post::new("某市财政局", "局长"));
        assert_eq!(
            posts("总经理").unwrap_err(),
            "title 「总经理」 has no organisation before it"
        );
        assert_eq!(
            posts("某某某").unwrap_err(),
            "no known title at the end of 「某某某」"
        );
    }

    #[test]
    fn names_drop_padding_gender_and_honorific() {
        assert_eq!(names("李四（女）同志"), Some(vec![Person::new("李四")]));
        assert_eq!(
            names("张三、李四"),
            Some(vec![Person::new("张三"), Person::new("李四")])
        );
        assert_eq!(names("某县财政局"), None);
        assert_eq!(names("其"), None);
    }

    const NOTICE: &str = "某县人民政府关于任免工作人员的通知\n某政任〔2022〕1号\n任命张三为某局局长。\n某县人民政府\n2022年2月3日\n";

    #[test]
    fn a_leaving_announced_with_将_is_a_removal_and_one_foretold_is_not() {
        assert_eq!(
            events("2020年5月6日，因年龄原因，张明先生将不再担任某行董事长、执行董事职务。"),
            vec!["remove 张明 某行董事长", "remove 张明 某行执行董事"]
        );
        assert!(events("2020年5月6日，2021年建行成立之际将不再担任某行董事长。").is_empty());
        assert!(events("2020年5月6日，辞职生效后，张明将不再担任公司任何职务。").is_empty());
    }

    #[test]
    fn a_resignation_tendered_in_news_prose_leaves_the_posts_it_names() {
        assert_eq!(
            events("2020年5月6日，张明请辞某公司总经理一职，自今天晚间起生效。"),
            vec!["remove 张明 某公司总经理"]
        );
        assert_eq!(
            events("2020年5月6日，某市劳动局局长李华因身体因素请辞。"),
            vec!["remove 李华 某市劳动局局长"]
        );
        assert!(events("2020年5月6日，李华日前向院长请辞，当时获院长慰留。").is_empty());
    }

    #[test]
    fn names_listed_before_a_removal_with_no_的_each_leave_the_post() {
        assert_eq!(
            events(
                "2020年5月6日，任命赵明为某市人民政府副市长，免去钱华、孙强某市人民政府副市长职务。"
            ),
            vec![
                "appoint 赵明 某市人民政府副市长",
                "remove 钱华 某市人民政府副市长",
                "remove 孙强 某市人民政府副市长"
            ]
        );
        // A bare title alone after the name: the name is the shortest.
        assert_eq!(
            events("2020年5月6日，某县人民政府任命赵明为某县人民政府县长，免去李建国副县长职务。"),
            vec![
                "appoint 赵明 某县人民政府县长",
                "remove 李建国 某县人民政府副县长"
            ]
        );
    }

    #[test]
    fn posts_joined_by_与_are_taken_respectively_and_no_name_ends_in_分别() {
        assert_eq!(
            events("2020年5月6日，某公司发布公告，张明、李华分别担任某公司董事长与总裁职位。"),
            vec!["appoint 张明 某公司董事长", "appoint 李华 某公司总裁"]
        );
        assert_eq!(
            events("2020年5月6日，张明、李华分别接任某公司董事长、总裁。"),
            vec!["appoint 张明 某公司董事长", "appoint 李华 某公司总裁"]
        );
        assert!(
            events("2020年5月6日，张明、李华分别接任某公司董事长、总裁、监事。")
                .iter()
                .all(|e| !e.contains("分别"))
        );
    }

    #[test]
    fn words_after_a_name_stay_out_of_it() {
        assert_eq!(
            events("2020年5月6日，某集团公告显示，张明自即日起不再担任某集团董事。"),
            vec!["remove 张明 某集团董事"]
        );
        assert_eq!(
            events("2020年5月6日，某公司董事长李华代任某公司总经理一职。"),
            vec!["appoint 李华 某公司总经理"]
        );
        // (Still holding a post is no appointment to it.)
        assert!(events("2020年5月6日，辞去总经理后，张明仍兼任某基金会董事长一职。").is_empty());
    }

    #[test]
    fn a_statement_read_as_an_organisation_is_no_post() {
        assert_eq!(
            posts::posts("某市公安局局长职务任命赵飞为局长").map_err(|e| e.contains("职务")),
            Err(true)
        );
        assert_eq!(
            posts::posts("提名免去某县人民政府县长").map(|list| list[0].0.to_string()),
            Ok("某县人民政府县长".to_owned())
        );
        assert_eq!(
            posts::posts("校长包括某科技大学校长").map(|list| list[0].0.to_string()),
            Ok("某科技大学校长".to_owned())
        );
        // (A board's committee that nominates is one.)
        assert_eq!(
            posts::posts("某公司提名委员会委员").map(|list| list[0].0.to_string()),
            Ok("某公司提名委员会委员".to_owned())
        );
    }

    #[test]
    fn the_word_that_opens_a_reason_or_a_list_is_no_name() {
        for word in ["由于", "包括", "其中"] {
            assert!(!names::is_name(&format!("{word}前")));
            let found = events(&format!(
                "2020年5月6日，{word}调任某省的张明还兼任某省省长一职，李华出任某省副省长。"
            ));
            assert!(found.iter().all(|e| !e.contains(word)), "{found:?}");
        }
    }

    #[test]
    fn who_is_promoted_into_a_post_takes_it() {
        assert_eq!(
            events("2020年5月6日，某公司总经理一职由副总经理李华升任。"),
            vec!["appoint 李华 某公司总经理"]
        );
        assert_eq!(
            events("2020年5月6日，某公司董事长张明不再担任董事长，由总经理李华升任。"),
            vec!["remove 张明 某公司董事长", "appoint 李华 某公司董事长"]
        );
    }

    #[test]
    fn a_name_with_the_bare_title_held_now_after_it_is_the_person() {
        assert_eq!(
            events(
                "2020年5月6日，决定任命张明为某省人民政府副省长，决定张明副省长为某省人民政府代理省长。"
            ),
            vec![
                "appoint 张明 某省人民政府副省长",
                "appoint 张明 某省人民政府省长"
            ]
        );
        // (A body's word or a question before a title is no name.)
        assert_eq!(names::before_title("公司董事长"), None);
        assert_eq!(names::before_title("由哪位次长"), None);
        assert_eq!(names::before_title("张明副省长"), Some(Person::new("张明")));
    }

    #[test]
    fn a_discipline_group_after_a_party_post_is_the_same_body_s() {
        assert_eq!(
            events("2020年5月6日，宣布任命通知：张明担任某分院党组副书记兼纪检组组长。"),
            vec![
                "appoint 张明 某分院党组副书记",
                "appoint 张明 某分院纪检组组长"
            ]
        );
    }

    #[test]
    fn one_named_of_a_count_is_the_one_appointed() {
        assert_eq!(
            events("2020年5月6日，某大学第四届校务委员会共聘任张明等29人为某大学校务委员会委员。"),
            vec!["appoint 张明 某大学校务委员会委员"]
        );
        assert_eq!(
            names::names("张明等二十九人"),
            Some(vec![Person::new("张明")])
        );
    }

    #[test]
    fn a_short_name_defined_with_简称_is_written_out() {
        assert_eq!(
            events(
                "2020年5月6日，经研究决定，设置某试点工作办公室（简称：“试点办”），为处级机构。任命张明同志担任“试点办”主任。"
            ),
            vec!["appoint 张明 某试点工作办公室主任"]
        );
    }

    #[test]
    fn lines_end_in_a_carriage_return_alone_too() {
        let old_mac = NOTICE.replace('\n', "\r");
        let dos = NOTICE.replace('\n', "\r\n");
        for text in [NOTICE, old_mac.as_str(), dos.as_str()] {
            let found = Parser::new().strict(true).parse(text).expect("the notice");
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].notice.signed.to_string(), "2022-02-03");
            assert_eq!(found[0].notice.events[0].provenance.line, Some(3));
        }
    }

    #[test]
    fn a_signing_date_that_is_no_day_is_said_so_where_it_is() {
        let text = NOTICE.replace("2022年2月3日", "2022年2月30日");
        let err = Parser::new()
            .file("bad.txt")
            .strict(true)
            .parse(&text)
            .expect_err("no day");
        assert_eq!(
            err.to_string(),
            "bad.txt: line 5: clause `2022年2月30日`: 2022年2月30日 is no day of the calendar"
        );
        let read = Parser::new().file("bad.txt").read(&text).expect("lenient");
        assert_eq!(read.undated.len(), 1);
        assert_eq!(read.undated[0].skipped[0].to_string(), err.to_string());
    }
}
