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
                        .then(|| {
                            dates::cited_year(region)
                                .or_else(|| dates::business_year(region))
                                .or_else(|| dates::new_year(region))
                        })
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
        // (Loose text of several decisions on several days: each is dated
        // by its own day, not by the first meeting the text says was held,
        // w24.)
        let several = head.loose && groups.len() > 1;
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
            let stated = state.effective.or(state.meeting.filter(|_| !several));
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
mod tests;
