//! The notice-text parser: personnel notices (任免通知) as published, in,
//! [`Notice`]s with their events, out.
//!
//! Parsing is pure: it reads text and builds values. It never touches a
//! ledger or a file, and it must never panic, whatever the input (strings
//! are only cut at character boundaries found by searching them).
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
//! * A notice that yields no events, or has no signing date, is an error in
//!   strict mode (a weak notice with no events is no notice). In lenient
//!   mode it is left out of the result (a notice without events or date
//!   cannot be recorded), so a caller who must know every notice was read
//!   uses strict mode.
//! * An organisation written short (`县教育局`, `厅综合规划处`, `公司`,
//!   `心血管内科`) is written out in full from the notice's issuer (see
//!   `qualify.rs`): the post is the county's, department's, company's or
//!   hospital's own, so that the same short name from two issuers is two
//!   posts. The clause text keeps what was written.
//! * A notice without a number line is numbered by its title and signing
//!   date (`…的决定（2021-01-08）`): the same title recurs session after
//!   session.

mod correction;
mod numerals;
mod qualify;
mod table;

pub use correction::ParsedCorrection;

use chrono::{Datelike, NaiveDate};

use crate::error::Error;
use crate::lexicon;
use std::borrow::Cow;

use crate::model::{Event, EventKind, Flag, Flags, Notice, Person, Post, Provenance, normalised};

/// A notice-text parser.
///
/// Lenient by default: a clause it cannot understand is reported in
/// [`ParsedNotice::skipped`] and the rest of the notice is kept. With
/// [`Parser::strict`] any such clause, and any notice without events or
/// signing date, is an `Err` for the whole parse.
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
}

/// One notice found in the text, with where it was and what was not
/// understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedNotice {
    /// The notice: number, issuer, title, dates and events.
    pub notice: Notice,
    /// The line of the notice's number (or of its title, when it has no
    /// number), from 1.
    pub line: u32,
    /// In lenient mode, each clause that was not understood, as an
    /// [`Error::Parse`]. Always empty in strict mode.
    pub skipped: Vec<Error>,
}

/// Everything [`Parser::read`] found in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Read {
    /// The notices of appointments and removals, in the order written.
    pub notices: Vec<ParsedNotice>,
    /// The correction notices, in the order written.
    pub corrections: Vec<ParsedCorrection>,
    /// In lenient mode, what was left out whole: each notice or correction
    /// without events (or amendments) or without a date, with every reason.
    /// (Clauses skipped in a notice that was kept are in its `skipped`.)
    pub unread: Vec<Error>,
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
    /// signing date.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Parser {
        self.strict = strict;
        self
    }

    /// Finds and parses every personnel notice in `text`, in order.
    ///
    /// # Errors
    ///
    /// In strict mode, [`Error::Parse`] for the first clause not understood,
    /// or for a notice with no events or no signing date. In lenient mode it
    /// does not fail: problems are in [`ParsedNotice::skipped`], and a notice
    /// without events or date is left out.
    pub fn parse(&self, text: &str) -> Result<Vec<ParsedNotice>, Error> {
        let lines = lines(text);
        let mut out = Vec::new();
        for (head, region) in regions(&lines) {
            if head.correction {
                continue;
            }
            if let Ok(parsed) = self.notice(&head, region)? {
                out.push(parsed);
            }
        }
        Ok(out)
    }

    /// Reads everything in `text`: the notices of appointments, the
    /// corrections, and — in lenient mode — what was left unread: each
    /// notice left out (no events, no date) with the reasons, so that a
    /// caller can say what it could not use.
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
    pub fn read(&self, text: &str) -> Result<Read, Error> {
        let lines = lines(text);
        let mut read = Read::default();
        for (head, region) in regions(&lines) {
            if head.correction {
                match self.correction(&head, region)? {
                    Ok(found) => read.corrections.push(found),
                    Err(unread) => read.unread.extend(unread),
                }
            } else {
                match self.notice(&head, region)? {
                    Ok(found) => read.notices.push(found),
                    Err(unread) => read.unread.extend(unread),
                }
            }
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

    /// Reads one notice. The inner `Err` is a notice left out in lenient
    /// mode (no events or no date), with everything it reported.
    fn notice(
        &self,
        head: &Head,
        region: &[Line<'_>],
    ) -> Result<Result<ParsedNotice, Vec<Error>>, Error> {
        let head_text = head.number.as_deref().unwrap_or(&head.title);
        // A weak head is read leniently, and is a notice only if it has
        // events; then a strict parse refuses what it could not read.
        let strict = self.strict && !head.weak;
        let layout = layout(region);
        let mut state = State {
            context: [head.title.clone(), layout.issuer.clone()],
            signed: layout.signed,
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
        for segment in segments(body, &excluded) {
            if let Err(reason) = state.segment(&segment) {
                let err = self.error(segment.line, &segment.text, reason);
                if strict {
                    return Err(err);
                }
                skipped.push(err);
            }
        }
        // A date written for some clauses only cannot be the notice's: a
        // notice takes effect on one day. All clauses dated alike is fine.
        let dates: Vec<NaiveDate> = state.dated.iter().map(|(_, d, _)| *d).collect();
        let clauses: std::collections::BTreeSet<u32> =
            state.events.iter().map(|e| e.provenance.clause).collect();
        let all_alike = dates.windows(2).all(|w| w[0] == w[1])
            && clauses.len() == state.dated.len()
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
        if head.weak {
            if state.events.is_empty() {
                return Ok(Err(Vec::new()));
            }
            if let (true, Some(first)) = (self.strict, skipped.first()) {
                return Err(first.clone());
            }
        }
        let problem = match (layout.signed, state.events.is_empty()) {
            (_, true) => Some("notice has no appointment or removal clauses"),
            (None, false) => Some("notice has no signing date"),
            _ => None,
        };
        if let Some(reason) = problem {
            let err = self.error(head.line, head_text, reason);
            if strict {
                return Err(err);
            }
            skipped.push(err);
            return Ok(Err(skipped));
        }
        let Some(signed) = layout.signed else {
            return Ok(Err(skipped));
        };
        // A notice without a number (a congress decision) is named by its
        // title and date: the same title recurs session after session.
        let number = head
            .number
            .clone()
            .unwrap_or_else(|| format!("{}（{signed}）", head.title));
        let mut notice = Notice::new(&number, signed)
            .title(&head.title)
            .issuer(&layout.issuer);
        notice.effective = state.effective.or(state.meeting).unwrap_or(signed);
        notice.issued = layout.issued;
        notice.events = state.events;
        let signed_by = match (layout.issuer.is_empty(), head.above.is_empty()) {
            (false, false) => format!("{}、{}", layout.issuer, head.above),
            (true, false) => head.above.clone(),
            _ => layout.issuer.clone(),
        };
        let issuer = qualify::Issuer::of(&signed_by, &head.title);
        for event in &mut notice.events {
            if let Some(post) = issuer.qualify(&event.post) {
                event.post = post;
            }
        }
        Ok(Ok(ParsedNotice {
            notice,
            line: head.line,
            skipped,
        }))
    }
}

/// The input cut into lines.
fn lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, raw)| Line {
            no: u32::try_from(i + 1).unwrap_or(u32::MAX),
            raw,
            norm: heading_text(raw),
        })
        .collect()
}

/// Each notice head with the lines of its body (up to the next head).
fn regions<'l, 'a>(lines: &'l [Line<'a>]) -> Vec<(Head, &'l [Line<'a>])> {
    let mut heads = find_heads(lines);
    for head in &mut heads {
        head.above = issuer_above(lines, head);
    }
    let firsts: Vec<usize> = heads.iter().map(|h| h.first).skip(1).collect();
    heads
        .into_iter()
        .enumerate()
        .map(|(k, head)| {
            let end = firsts.get(k).copied().unwrap_or(lines.len());
            let region = lines.get(head.body..end).unwrap_or(&[]);
            (head, region)
        })
        .collect()
}

/// The issuing body written on the lines just above a notice's title (and
/// below its number, when the number comes first), up to two lines, less a
/// letterhead's `文件`, or the first step of a web page's breadcrumb.
fn issuer_above(lines: &[Line<'_>], head: &Head) -> String {
    let title_at = (head.first..head.body)
        .rev()
        .find(|&i| lines.get(i).is_some_and(|l| l.norm == head.title))
        .unwrap_or(head.first);
    let mut names: Vec<&str> = Vec::new();
    for line in lines.get(..title_at).unwrap_or(&[]).iter().rev() {
        let norm: &str = &line.norm;
        if norm.is_empty() || number_prefix(norm).is_some() {
            continue;
        }
        // A web page's breadcrumb (`江北省人民政府 > 信息公开 > 人事任免`):
        // the site's owner comes first.
        let norm = norm.split(['>', '＞', '›']).next().unwrap_or(norm);
        let name = norm.strip_suffix("文件").unwrap_or(norm);
        let plain = (3..=30).contains(&name.chars().count())
            && !name.contains([
                '，', '。', '；', '：', '、', '（', '(', ',', ':', '》', '|', '>',
            ])
            && !name.chars().any(|c| c.is_ascii_digit())
            && numerals::find_date(name).is_none()
            && !is_title(name);
        if !plain || names.len() == 2 {
            break;
        }
        names.push(name);
    }
    names.reverse();
    names.join("、")
}

/// One input line: its number, its text and its text without white space
/// or a leading Markdown `#`.
struct Line<'a> {
    no: u32,
    raw: &'a str,
    norm: Cow<'a, str>,
}

/// A line without white space and without a leading Markdown `#`.
fn heading_text(raw: &str) -> Cow<'_, str> {
    match normalised(raw) {
        Cow::Borrowed(norm) => Cow::Borrowed(norm.trim_start_matches('#')),
        Cow::Owned(mut norm) => {
            let hashes = norm.len() - norm.trim_start_matches('#').len();
            norm.drain(..hashes);
            Cow::Owned(norm)
        }
    }
}

/// Where a notice starts.
#[derive(Debug)]
struct Head {
    /// Index of its first line (title or number).
    first: usize,
    /// Index of the first line after the number (or title).
    body: usize,
    /// The line reported for the notice.
    line: u32,
    title: String,
    number: Option<String>,
    /// A notice that rescinds or corrects others (read by
    /// [`Parser::parse_corrections`], passed over by [`Parser::parse`]).
    correction: bool,
    /// A title that may or may not announce appointments (a board's
    /// `…会议决议公告`): a notice only if it has some.
    weak: bool,
    /// The issuing body written above the title (`长沙市开福区人民政府` /
    /// `关于…的通知`), if any.
    above: String,
}

const TITLE_ENDS: &[&str] = &[
    "通知",
    "决定",
    "公告",
    "通报",
    "命令",
    "任免令",
    "主席令",
    "决议",
    "批复",
    "名单",
    "工作人员",
];
const PERSONNEL_WORDS: &[&str] = &[
    "任命",
    "任免",
    "免去",
    "免职",
    "聘任",
    "解聘",
    "聘用",
    "职务",
    "辞去",
    "辞职",
    "人事",
    "任职",
    "工作人员",
];

/// Title words of notices that may or may not appoint anyone (a board's
/// resolutions, a president's orders, `…调整的通知`, `…挂职的通知` as
/// against `关于做好挂职干部管理工作的通知`, a company's `…董事长…的公告`).
const WEAK_WORDS: &[&str] = &[
    "决议",
    "主席令",
    "调整",
    "挂职",
    "高级管理人员",
    "负责人",
    "董事长",
    "总经理",
    "董事会秘书",
    "辞任",
    "选举",
];

/// Whether a normalised line is a title: ends in a title word, is not a
/// table-of-contents entry, not bracketed.
fn is_title(norm: &str) -> bool {
    // The cheap test first: most lines end in no title word.
    TITLE_ENDS.iter().any(|end| norm.ends_with(end))
        && (3..=120).contains(&norm.chars().count())
        && !["…", "...", "【", "；", "。"]
            .iter()
            .any(|w| contains(norm, w))
        // A correction's title names the notice it corrects, number and all.
        && (!norm.contains('〔') || correction::is_correction(norm))
}

fn is_personnel(title: &str) -> bool {
    PERSONNEL_WORDS.iter().any(|w| title.contains(w))
}

fn is_weak(title: &str) -> bool {
    !is_personnel(title) && WEAK_WORDS.iter().any(|w| title.contains(w))
}

const OPEN: &[char] = &['〔', '[', '［', '（', '(', '【'];
const CLOSE: &[char] = &['〕', ']', '］', '）', ')', '】'];

/// The issuer prefix when a normalised line is only a document number
/// (`济槐政任〔2022〕4号`, `[2021]12号`).
fn number_prefix(norm: &str) -> Option<&str> {
    let body = norm.strip_suffix('号')?;
    let open = body.find(OPEN)?;
    let prefix = body.get(..open)?;
    let rest = body.get(open..)?;
    let mut chars = rest.chars();
    chars.next()?;
    let year: String = chars.by_ref().take(4).collect();
    if year.chars().count() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !CLOSE.contains(&chars.next()?) {
        return None;
    }
    // `…〔2023〕3号`, also `…[2023]第3号`.
    let serial: String = chars.skip_while(|&c| c == '第').collect();
    let plain_prefix = prefix.chars().count() <= 20
        && prefix
            .chars()
            .all(|c| !c.is_ascii_punctuation() && !"，。；：、（）〔〕【】《》“”".contains(c));
    (!serial.is_empty() && serial.chars().all(|c| c.is_ascii_digit()) && plain_prefix)
        .then_some(prefix)
}

fn find_heads(lines: &[Line<'_>]) -> Vec<Head> {
    let mut heads: Vec<Head> = Vec::new();
    // A number line with no title above it, whose prefix does not say it
    // is personnel (`西教体〔2023〕45号`): the title below may.
    let mut unclaimed: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(prefix) = number_prefix(&line.norm) {
            let title_at = (0..i)
                .rev()
                .filter(|&j| lines.get(j).is_some_and(|l| !l.norm.is_empty()))
                .take(1)
                .find(|&j| lines.get(j).is_some_and(|l| is_title(&l.norm)));
            let title = title_at
                .and_then(|j| lines.get(j))
                .map(|l| l.norm.to_string())
                .unwrap_or_default();
            let correction = correction::is_correction(&title);
            let personnel =
                is_personnel(&title) || prefix.contains(['任', '免', '聘']) || correction;
            // `关于中小学校长调整的通知` over `娄星教人〔2023〕19号`: may be
            // personnel (the 人 of 人事), a notice if it appoints anyone.
            let weak =
                !personnel && title_at.is_some() && (is_weak(&title) || prefix.contains('人'));
            if !personnel && !weak {
                unclaimed = title_at.is_none().then_some(i);
                continue;
            }
            // A personnel title just before was taken as a number-less head.
            if let (Some(j), Some(last)) = (title_at, heads.last())
                && last.first == j
            {
                heads.pop();
            }
            heads.push(Head {
                first: title_at.unwrap_or(i),
                body: i + 1,
                line: line.no,
                title,
                number: Some(line.norm.to_string()),
                correction,
                weak,
                above: String::new(),
            });
        } else if is_title(&line.norm)
            && (is_personnel(&line.norm)
                || correction::is_correction(&line.norm)
                || is_weak(&line.norm))
        {
            let only_blank_between = |from: usize| {
                lines
                    .get(from..i)
                    .is_some_and(|between| between.iter().all(|l| l.norm.is_empty()))
            };
            // Blank lines, or the issuing body, between number and title.
            let only_issuer_between = |from: usize| {
                lines.get(from..i).is_some_and(|between| {
                    between.iter().filter(|l| !l.norm.is_empty()).count() <= 1
                        && between.iter().all(|l| !ends_clause(&l.norm))
                })
            };
            if let Some(at) = unclaimed.take().filter(|&at| only_issuer_between(at + 1))
                && let Some(number) = lines.get(at)
            {
                heads.push(Head {
                    first: at,
                    body: i + 1,
                    line: number.no,
                    title: line.norm.to_string(),
                    number: Some(number.norm.to_string()),
                    correction: correction::is_correction(&line.norm),
                    weak: is_weak(&line.norm),
                    above: String::new(),
                });
                continue;
            }
            // The standard layout puts the number above the title: the
            // title belongs to the number just before it.
            if let Some(last) = heads.last_mut()
                && last.number.is_some()
                && last.title.is_empty()
                && only_blank_between(last.body)
            {
                last.title = line.norm.to_string();
                last.body = i + 1;
                last.correction = correction::is_correction(&line.norm);
                continue;
            }
            // An order's serial on the line below (`中华人民共和国主席令` /
            // `第十一号`) makes its number with the title.
            let serial = lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, l)| !l.norm.is_empty())
                .filter(|(_, l)| is_serial(&l.norm));
            let (body, number) = match serial {
                Some((at, l)) => (at + 1, Some(format!("{}{}", line.norm, l.norm))),
                None => (i + 1, None),
            };
            heads.push(Head {
                first: i,
                body,
                line: line.no,
                title: line.norm.to_string(),
                number,
                correction: correction::is_correction(&line.norm),
                weak: is_weak(&line.norm),
                above: String::new(),
            });
        }
    }
    heads
}

/// Whether a line is only a serial, `第十一号`, `第3号`.
fn is_serial(norm: &str) -> bool {
    norm.strip_prefix('第')
        .and_then(|r| r.strip_suffix('号'))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| numerals::is_numeral(c) || c == '百'))
}

/// What a notice's region holds besides clauses.
#[derive(Debug, Default)]
struct Layout {
    /// Index (in the region) where the clauses end.
    body_end: usize,
    /// Indexes of the lines inside the body that are no clauses: dates in
    /// parentheses, a page's header, a date under the title, an issue
    /// line.
    meta: Vec<usize>,
    issuer: String,
    signed: Option<NaiveDate>,
    issued: Option<NaiveDate>,
}

fn is_parenthesised(norm: &str) -> bool {
    (norm.starts_with('（') || norm.starts_with('('))
        && (norm.ends_with('）') || norm.ends_with(')'))
}

/// The signing date of a line that is a date, or an issuing body and a
/// date; with the issuing body written before it.
fn signing_line(norm: &str) -> Option<(String, NaiveDate)> {
    // Every date ends in 日 or a digit (`2023-03-01`): a line that does
    // not cannot end in one (most lines), and needs no search.
    let (date, start, end) = if norm.ends_with('日') {
        numerals::find_date(norm)?
    } else if norm.ends_with(|c: char| c.is_ascii_digit()) {
        numerals::find_numeric_date(norm)?
    } else {
        return None;
    };
    if end != norm.len() {
        return None;
    }
    let issuer = norm.get(..start)?;
    let plain = issuer.chars().count() <= 40
        && !issuer.contains(['，', '。', '；', '：', '为', '（', '(', '自']);
    plain.then(|| (issuer.to_owned(), date))
}

/// Whether a line ends as a clause does (`；`, `。`, `：`, `，`).
fn ends_clause(norm: &str) -> bool {
    norm.ends_with(['；', ';', '。', '：', ':', '，', ','])
}

fn layout(region: &[Line<'_>]) -> Layout {
    let mut layout = Layout {
        body_end: region.len(),
        ..Layout::default()
    };
    let mut passed = None;
    let mut published = None;
    let mut dated_top = None;
    // Whether a line of text has been read (a date before any is the
    // notice's, written under its title).
    let mut seen_text = false;
    // A page's header comes before the notice's text: once a line ends as
    // a clause or heading does, no line is looked at as one.
    let mut clauses_begun = false;
    for (i, line) in region.iter().enumerate() {
        let norm: &str = &line.norm;
        if line.raw.trim_start().starts_with('#') {
            layout.body_end = i;
            break;
        }
        if is_parenthesised(norm)
            && let Some((date, _, _)) = numerals::find_date(norm)
        {
            if norm.contains("印发") {
                layout.issued = Some(date);
            } else if norm.contains("通过") || norm.contains("决定") {
                passed = Some(date);
            }
            layout.meta.push(i);
            continue;
        }
        // The issue line at a document's foot, unbracketed (`某县人民政府
        // 办公室　2023年3月2日印发`): the issue date, and the notice's date
        // when nothing else dates it.
        if norm.ends_with("印发")
            && let Some((date, _, _)) = numerals::find_date(norm)
        {
            layout.issued = Some(date);
            layout.meta.push(i);
            continue;
        }
        // A web page's header (`发布日期：2023-03-20　来源：省政府办公厅`,
        // `2023-06-28 17:45　来源：新华社`, `【字体：大 中 小】打印`): no
        // clause; its date is the publication's.
        if !clauses_begun && is_page_header(norm) {
            // The raw line: white space keeps `2023-06-28 17:45` apart.
            if let Some((date, _, _)) =
                numerals::find_numeric_date(line.raw).or_else(|| numerals::find_date(norm))
            {
                published.get_or_insert(date);
            }
            layout.meta.push(i);
            continue;
        }
        clauses_begun = clauses_begun || ends_clause(norm);
        // A date under the title, before any clause (`2024年1月5日`): the
        // notice's date, when no date closes it; its text goes on.
        if !seen_text
            && let Some((_, date)) = signing_line(norm).filter(|(issuer, _)| issuer.is_empty())
        {
            dated_top = Some(date);
            layout.meta.push(i);
            continue;
        }
        seen_text |= !norm.is_empty();
        if let Some((issuer, date)) = signing_line(norm) {
            layout.body_end = i;
            layout.signed = Some(date);
            // The issuer: the lines just before the date that are no clause.
            let mut names = Vec::new();
            if !issuer.is_empty() {
                names.push(issuer);
            }
            let mut j = i;
            while let Some(prev) = j.checked_sub(1).and_then(|p| region.get(p).map(|l| (p, l))) {
                let (p, l) = prev;
                if l.norm.is_empty() {
                    j = p;
                    continue;
                }
                if ["特此", "此复", "此令"]
                    .iter()
                    .any(|w| l.norm.starts_with(w))
                {
                    break;
                }
                // Not a table's row (`王芳　…副校长　…校长`): a signature
                // names a body, and ends in no title.
                let issuer_like = !ends_clause(&l.norm)
                    && lexicon::split_post(&l.norm).is_none()
                    && !l.norm.contains(['为', '；', '。', '，', '：', '、'])
                    && !l.norm.ends_with("职务")
                    && !is_parenthesised(&l.norm)
                    && names.len() < 3;
                if !issuer_like {
                    break;
                }
                names.insert(0, l.norm.to_string());
                layout.body_end = p;
                j = p;
            }
            layout.issuer = names.join("、");
            // An issue date after the signing date.
            let after = region.get(i + 1..).unwrap_or(&[]);
            if let Some(line) = after
                .iter()
                .filter(|l| !l.norm.is_empty())
                .take(2)
                .find(|l| is_parenthesised(&l.norm) && l.norm.contains("印发"))
            {
                layout.issued = numerals::find_date(&line.norm).map(|(d, _, _)| d);
            }
            break;
        }
    }
    if layout.signed.is_none() {
        layout.signed = passed.or(published).or(dated_top).or(layout.issued);
    }
    layout
}

/// Whether a normalised line is a web page's header, not the notice's text.
fn is_page_header(norm: &str) -> bool {
    // A label's colon first: most lines have none.
    if !norm.contains('：') && !norm.contains(':') {
        return false;
    }
    let labelled = |w: &str| {
        find(norm, w).is_some_and(|at| {
            norm.get(at + w.len()..)
                .is_some_and(|r| r.starts_with(['：', ':']))
        })
    };
    ["来源", "发布日期", "发布时间", "浏览次数", "字体", "字号"]
        .iter()
        .any(|w| labelled(w))
        && !norm.contains(['；', '为'])
}

/// A piece of the body cut at `；`, `。` or `：`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    /// As written, trimmed, without its terminator.
    text: String,
    /// The line of its first character.
    line: u32,
    /// Whether it ended in a colon (a heading such as `免去：`).
    heading: bool,
}

/// Cuts the body (less the `meta` lines) into segments.
fn segments(body: &[Line<'_>], meta: &[usize]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut skip = vec![false; body.len()];
    for &i in meta {
        if let Some(s) = skip.get_mut(i) {
            *s = true;
        }
    }
    // The segment so far. White space is never its first character, so it
    // is blank exactly when it is empty.
    let mut text = String::new();
    // Where its last line starts in it, and whether it holds a verb.
    let mut last_line = 0;
    let mut has_verb = false;
    let mut line = 0;
    let flush = |text: &mut String, line: u32, heading: bool, out: &mut Vec<Segment>| {
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            out.push(Segment {
                text: trimmed.to_owned(),
                line,
                heading,
            });
        }
        text.clear();
    };
    for (i, l) in body.iter().enumerate() {
        if skip.get(i).copied().unwrap_or(false) {
            continue;
        }
        let last = text.get(last_line..).unwrap_or("");
        if !text.is_empty() && breaks_clause(last, last_line == 0, has_verb, &l.norm) {
            // Only a segment of one line can be a heading.
            let heading = last_line == 0 && is_heading(&normalised(&text));
            flush(&mut text, line, heading, &mut out);
        }
        if text.is_empty() {
            has_verb = false;
        } else {
            text.push('\n');
        }
        last_line = text.len();
        let raw = l.raw;
        let mut at = 0;
        loop {
            if text.is_empty() {
                // A segment starts at its first character that is no white
                // space.
                let rest = raw.get(at..).unwrap_or("");
                at = raw.len() - rest.trim_start().len();
                if at == raw.len() {
                    break;
                }
                line = l.no;
            }
            match next_terminator(raw, at) {
                Some((end, c)) => {
                    text.push_str(raw.get(at..end).unwrap_or(""));
                    flush(&mut text, line, matches!(c, '：' | ':'), &mut out);
                    at = end + c.len_utf8();
                    last_line = 0;
                    has_verb = false;
                }
                None => {
                    let rest = raw.get(at..).unwrap_or("");
                    has_verb |= contains_any(rest, &["为", "的", "任"]);
                    text.push_str(rest);
                    break;
                }
            }
        }
    }
    flush(&mut text, line, false, &mut out);
    out
}

/// Whether a line break ends the unterminated clause whose last line is
/// `before` (the only line when `alone`; `has_verb` when any of its lines
/// holds 为, 的 or 任) ahead of the line `next` (normalised): at a blank line, before
/// an enumerated item (`二、`, `（二）`, `2.`), after a heading with no colon
/// (`一、决定任命`) or a document's title (`审议通过《…议案》`), and between one complete clause a line and the next
/// (`王伟为某局局长` / `刘晓光为…`), as congress lists are written.
fn breaks_clause(before: &str, alone: bool, has_verb: bool, next: &str) -> bool {
    if next.is_empty() || enumerator(next) > 0 {
        return true;
    }
    let before = normalised(before);
    // A heading, or an item that names a document (`（一）审议通过《…》`).
    if (alone && is_heading(&before)) || before.ends_with('》') {
        return true;
    }
    let complete = has_verb && lexicon::split_post(bare_post(&before)).is_some();
    let starts = next.chars().take(6).any(|c| c == '为' || c == '的')
        || ["任命", "免去", "聘任", "解聘"]
            .iter()
            .any(|w| next.starts_with(w));
    complete && starts
}

fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| contains(text, w))
}

/// Whether a segment with no colon after it is yet a section heading
/// (`三、任命`, `一、决定免去`, a company's `二、聘任财务负责人情况`).
fn is_heading(norm: &str) -> bool {
    let rest = norm.get(enumerator(norm)..).unwrap_or("");
    let rest = rest.strip_prefix("决定").unwrap_or(rest);
    matches!(
        rest,
        "任命" | "免去" | "免职" | "聘任" | "解聘" | "接受" | "任免" | "批准任命" | "批准免去"
    ) || (rest.ends_with("情况") && rest.chars().count() <= 20)
}

/// The length in bytes of an item's number at the start of a normalised
/// text (`一、`, `（一）`, `(1)`, `1.`, `1、`, `第一，`), or 0.
fn enumerator(norm: &str) -> usize {
    let numeral = numerals::is_numeral;
    let mut chars = norm.char_indices();
    let (mut end, open) = match chars.next() {
        Some((_, c @ ('（' | '('))) => (c.len_utf8(), true),
        // `第一、`, `第二，`: an ordinal.
        Some((_, '第'))
            if norm
                .get(3..)
                .and_then(|r| r.chars().next())
                .is_some_and(numeral) =>
        {
            (3, false)
        }
        Some((_, c)) if numeral(c) => (0, false),
        _ => return 0,
    };
    let digits_from = end;
    for (i, c) in norm.char_indices().skip_while(|(i, _)| *i < digits_from) {
        if numeral(c) {
            end = i + c.len_utf8();
            continue;
        }
        let closes = if open {
            matches!(c, '）' | ')')
        } else {
            matches!(c, '、' | '.' | '．') || (digits_from == 3 && c == '，')
        };
        // `1.` before a digit is a decimal or a date, no item number.
        let after = norm.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        return if closes && end > digits_from && !after.is_some_and(|a| a.is_ascii_digit()) {
            i + c.len_utf8()
        } else {
            0
        };
    }
    0
}

/// The next `；`, `;`, `。`, `：`, `:` or sentence-ending `.` in `text`
/// from byte `from` on, with its index. Only ASCII and the lead bytes
/// `0xE3` (`。`) and `0xEF` (`；`, `：`) are decoded; no other byte starts
/// one of them.
fn next_terminator(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        i = next_byte(bytes, i, false, &[b';', b':', b'.', 0xE3, 0xEF])?;
        let c = text.get(i..).and_then(|rest| rest.chars().next())?;
        if matches!(c, '；' | ';' | '。' | '：' | ':') || (c == '.' && ends_sentence(bytes, i)) {
            return Some((i, c));
        }
        i += c.len_utf8();
    }
}

/// Whether the `.` at byte `at` ends a sentence, as text typed with
/// half-width punctuation writes it (`…主任(试用期一年).特此通知.`): after
/// a Chinese character or a parenthesis, and before no digit (not `1.`,
/// `2023.3.1`, `3.5`).
fn ends_sentence(bytes: &[u8], at: usize) -> bool {
    let before = at.checked_sub(1).and_then(|b| bytes.get(b));
    let after = bytes.get(at + 1);
    before.is_some_and(|&b| b >= 0x80 || b == b')') && !after.is_some_and(u8::is_ascii_digit)
}

/// The index of the first byte from `from` on that is below 0x80 (when
/// `ascii`) or one of `wanted`, tested eight bytes at a time.
#[inline]
fn next_byte(bytes: &[u8], from: usize, ascii: bool, wanted: &[u8]) -> Option<usize> {
    use crate::scan::{HIGH, LOW, ONES, first};
    let word = |x: u64| {
        // Per lane, with no carry between lanes: the high bit is set where
        // the byte's own high bit is clear …
        let mut found = if ascii { !x & HIGH } else { 0 };
        for &w in wanted {
            // … or where the byte equals `w` (is zero after the xor).
            let y = x ^ (u64::from(w) * ONES);
            found |= !(((y & LOW) + LOW) | y) & HIGH;
        }
        found
    };
    first(bytes, from, word, |b| {
        (ascii && b < 0x80) || wanted.contains(&b)
    })
}

/// Whether `c` is one of [`OPEN`].
fn is_open(c: char) -> bool {
    matches!(c, '〔' | '[' | '［' | '（' | '(' | '【')
}

/// Whether `c` is one of [`CLOSE`].
fn is_close(c: char) -> bool {
    matches!(c, '〕' | ']' | '］' | '）' | ')' | '】')
}

/// Splits at any of `seps` outside parentheses, lazily: one piece more
/// than there are separators.
fn split_top<'a, 's>(text: &'a str, seps: &'s [char]) -> SplitTop<'a, 's> {
    SplitTop {
        text,
        seps,
        every_char: !seps.iter().all(|&c| may_bracket(c)),
        start: 0,
        depth: 0,
        done: false,
    }
}

/// Whether the lead byte of `c` is one that [`SplitTop`] decodes: ASCII,
/// `0xE3` (U+3000–U+3FFF: `、`, `〔`, `【`…) or `0xEF` (U+F000–U+FFFF: the
/// full-width forms `，`, `；`, `（`, `［`…). Every parenthesis is.
fn may_bracket(c: char) -> bool {
    let mut buf = [0; 4];
    matches!(
        c.encode_utf8(&mut buf).as_bytes().first(),
        Some(0..=0x7F | 0xE3 | 0xEF)
    )
}

/// The pieces of [`split_top`].
struct SplitTop<'a, 's> {
    text: &'a str,
    seps: &'s [char],
    /// Whether a separator is a character [`may_bracket`] passes over, so
    /// that every character must be looked at.
    every_char: bool,
    /// Where the next piece starts.
    start: usize,
    /// Parentheses open at `start`.
    depth: usize,
    done: bool,
}

impl<'a> Iterator for SplitTop<'a, '_> {
    type Item = &'a str;

    /// The next piece: up to the next separator outside parentheses, or
    /// the rest of the text.
    fn next(&mut self) -> Option<&'a str> {
        if self.done {
            return None;
        }
        let rest = self.text.get(self.start..).unwrap_or("");
        let bytes = rest.as_bytes();
        let mut i = 0;
        loop {
            // A character with any other lead byte is no parenthesis and
            // no separator: skip to the next that may be.
            let next = if self.every_char {
                Some(i).filter(|&i| i < bytes.len())
            } else {
                next_byte(bytes, i, true, &[0xE3, 0xEF])
            };
            let Some(at) = next else {
                break;
            };
            i = at;
            let Some(c) = rest.get(i..).and_then(|r| r.chars().next()) else {
                i += 1;
                continue;
            };
            if is_open(c) {
                self.depth += 1;
            } else if is_close(c) {
                self.depth = self.depth.saturating_sub(1);
            } else if self.depth == 0 && self.seps.contains(&c) {
                self.start += i + c.len_utf8();
                return Some(rest.get(..i).unwrap_or(""));
            }
            i += c.len_utf8();
        }
        self.done = true;
        Some(rest)
    }
}

/// Which bytes a text holds, by their low six bits: a quick `no` for
/// words that are not in it, before any search. It holds for any text made
/// of pieces of the text it was made from.
#[derive(Clone, Copy)]
struct Signature(u64);

impl Signature {
    /// The signature that may hold any word (it filters nothing).
    const ANY: Signature = Signature(u64::MAX);

    /// The signature of `text`.
    fn of(text: &str) -> Signature {
        Signature(text.bytes().fold(0, |bits, b| bits | 1 << (b & 63)))
    }

    /// `false` when `word` is certainly not in the text; `true` when it
    /// may be.
    fn may_hold(self, word: &str) -> bool {
        word.bytes().all(|b| self.0 & 1 << (b & 63) != 0)
    }
}

/// The byte index of the first `needle` in `text`. Like `str::find` with a
/// `&str`, without the set-up of a general substring searcher, which costs
/// more than the search in the short texts of clauses: it looks for the
/// needle's first character (a fast one-character search) and compares the
/// rest there.
fn find(text: &str, needle: &str) -> Option<usize> {
    occurrences(text, needle).next()
}

/// Whether `text` contains `needle`; see [`find`].
fn contains(text: &str, needle: &str) -> bool {
    find(text, needle).is_some()
}

/// The byte indexes of the non-overlapping occurrences of `needle` in
/// `text`, first to last, as `str::match_indices` finds them (an empty
/// needle is found nowhere).
fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let first = needle.chars().next();
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = first?;
        loop {
            let rest = text.get(from..)?;
            let at = from + rest.find(first)?;
            if text.get(at..).is_some_and(|t| t.starts_with(needle)) {
                from = at + needle.len();
                return Some(at);
            }
            from = at + first.len_utf8();
        }
    })
}

/// What a marker word means: a flag, or an accepted reason (`None`).
fn marker_word(word: &str) -> Option<Option<Flag>> {
    let flag = match word {
        "兼" | "兼任" | "兼职" => Some(Flag::Concurrent),
        "代" | "代理" => Some(Flag::Acting),
        w if w.starts_with("挂职") && w.chars().count() <= 8 => Some(Flag::Secondment),
        w if w.starts_with("保留")
            && (w.contains("职级") || w.contains("待遇") || w.contains("级别")) =>
        {
            Some(Flag::RetainRank)
        }
        // `试用期一年`, also with its start (`试用期一年（自…起计算）`).
        w if w.contains("试用期")
            && !w.contains("终止")
            && (w.chars().count() <= 10
                || (w.starts_with("试用期") && !w.contains('为') && w.chars().count() <= 30)) =>
        {
            Some(Flag::Probation)
        }
        "另有任用" | "另有任职" | "另行任用" | "退休" | "已退休" | "到龄退休" | "另有安排"
        | "辞职" | "另行安排" | "另行安排工作" | "主持工作" | "主持全面工作" | "正职" => {
            None
        }
        // `（挂职，时间一年）`, `（期限两年）`.
        w if (w.starts_with("时间") || w.starts_with("期限")) && w.chars().count() <= 8 => None,
        // `（简历附后）`, `（简历详见附件）`.
        w if w.starts_with("简历") && w.chars().count() <= 8 => None,
        w if w.starts_with('因') && w.chars().count() <= 10 && !w.contains('为') => None,
        // A rank (`正科级`, `副部长级`) or a term (`任期三年`, `聘期三年`):
        // accepted, not a flag the model keeps.
        w if (w.starts_with('正') || w.starts_with('副'))
            && w.ends_with('级')
            && (3..=6).contains(&w.chars().count()) =>
        {
            None
        }
        w if (w.starts_with("任期") || w.starts_with("聘期")) && w.chars().count() <= 12 => {
            None
        }
        _ => return None,
    };
    Some(flag)
}

/// The flags of a marker text (`兼`, `兼，试用期一年`), or `None` when it is
/// no marker.
fn markers(inner: &str) -> Option<Flags> {
    let mut flags = Flags::NONE;
    for word in split_top(inner, &['，', ',', '、', '；']) {
        if let Some(flag) = marker_word(word)? {
            flags = flags.with(flag);
        }
    }
    Some(flags)
}

/// The byte index of the parenthesis opening the group that closes `text`.
fn closing_group(text: &str) -> Option<usize> {
    if !text.ends_with(CLOSE) {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        if is_close(c) {
            depth += 1;
        } else if is_open(c) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// A written post without the markers and the `职务` around it
/// (`某局局长职务（兼）` → `某局局长`).
fn bare_post(text: &str) -> &str {
    let bare = strip_markers(text).0;
    strip_markers(bare.strip_suffix("职务").unwrap_or(bare)).0
}

/// A parenthesised group without its parentheses.
fn inside(group: &str) -> &str {
    let mut chars = group.chars();
    chars.next();
    chars.next_back();
    chars.as_str()
}

/// Removes marker groups (`（兼）`) from the end of `text`.
fn strip_markers(mut text: &str) -> (&str, Flags) {
    let mut flags = Flags::NONE;
    while let Some(open) = closing_group(text) {
        let inner = inside(text.get(open..).unwrap_or(""));
        match markers(inner) {
            Some(f) => {
                flags = flags.union(f);
                text = text.get(..open).unwrap_or("");
            }
            None => break,
        }
    }
    (text, flags)
}

trait Union {
    fn union(self, other: Flags) -> Flags;
}

impl Union for Flags {
    fn union(self, other: Flags) -> Flags {
        other.iter().fold(self, Flags::with)
    }
}

/// Splits a written post list (`A局局长、B局局长（兼）`, also `…主任及…主任`)
/// into posts with their flags.
fn posts(list: &str) -> Result<Vec<(Post, Flags)>, String> {
    let (text, mut all) = strip_markers(list);
    let text = text.strip_suffix("职务").unwrap_or(text);
    let (text, more) = strip_markers(text);
    all = all.union(more);
    if text.is_empty() {
        return Err("no post".to_owned());
    }
    let mut out = Vec::new();
    // Every organisation is a piece of `list`: no need to copy one.
    let mut previous: Option<&str> = None;
    let items = split_top(text, &['、']).flat_map(|item| AndSplit { rest: Some(item) });
    for item in items {
        let (item, flags) = strip_markers(item);
        let item = item.strip_suffix("职务").unwrap_or(item);
        let (item, more) = strip_markers(item);
        let mut flags = flags.union(more).union(all);
        if item.is_empty() {
            return Err(format!("an empty post in 「{text}」"));
        }
        let bare = item
            .strip_prefix("代理")
            .filter(|t| lexicon::is_title(t))
            .unwrap_or(item);
        let (org, mut title) = if lexicon::is_title(bare) {
            if bare.len() != item.len() {
                flags = flags.with(Flag::Acting);
            }
            match previous {
                Some(org) => (court_of(org, bare), bare),
                None => return Err(format!("title 「{item}」 has no organisation before it")),
            }
        } else {
            match lexicon::split_post(item) {
                Some((org, title)) => (org, title),
                None => return Err(format!("no known title at the end of 「{item}」")),
            }
        };
        let mut org = org;
        if let Some(stripped) = org.strip_suffix("代理").filter(|o| !o.is_empty()) {
            org = stripped;
            flags = flags.with(Flag::Acting);
        }
        if let Some(rest) = title.strip_prefix('代').filter(|t| lexicon::is_title(t)) {
            title = rest;
            flags = flags.with(Flag::Acting);
        }
        previous = Some(org);
        out.push((Post::new(org, title), flags));
    }
    Ok(out)
}

/// The organisation a title-only item takes from the item before it: that
/// item's, except that a judge's or a prosecutor's rank (`审判员`,
/// `审判委员会委员`, `检察员` …) is held at the court or procuratorate, not
/// at the tribunal named before it (`…中级人民法院刑事审判第一庭副庭长、
/// 审判员`).
fn court_of<'a>(previous: &'a str, title: &str) -> &'a str {
    const COURT_TITLES: &[&str] = &[
        "审判员",
        "助理审判员",
        "审判委员会委员",
        "检察员",
        "助理检察员",
        "检察委员会委员",
    ];
    if !COURT_TITLES.contains(&title) {
        return previous;
    }
    ["人民法院", "人民检察院"]
        .iter()
        .find_map(|w| find(previous, w).and_then(|at| previous.get(..at + w.len())))
        .unwrap_or(previous)
}

/// The pieces of a post item joined by `及` (`…办公室主任及…中心主任`):
/// cut where the text before `及` is a whole post, ending in a title, and
/// nowhere else (`及` can be part of a name).
struct AndSplit<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for AndSplit<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest.take()?;
        // A vector search first: almost no item holds 及.
        if !rest.contains("及") {
            return Some(rest);
        }
        for (at, _) in rest.match_indices('及') {
            let (Some(left), Some(right)) = (rest.get(..at), rest.get(at + '及'.len_utf8()..))
            else {
                continue;
            };
            let bare = bare_post(left);
            if !right.is_empty() && (lexicon::split_post(bare).is_some() || lexicon::is_title(bare))
            {
                self.rest = Some(right);
                return Some(left);
            }
        }
        Some(rest)
    }
}

/// Whether a written name is plausible: two to four Chinese characters, or
/// a longer name joined by `·`.
fn is_name(name: &str) -> bool {
    let count = name.chars().count();
    let han =
        |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c);
    if name.contains(['·', '•', '・']) {
        return (3..=16).contains(&count) && name.chars().all(|c| han(c) || "·•・".contains(c));
    }
    (2..=4).contains(&count)
        && name.chars().all(han)
        && !NOT_NAMES.iter().any(|w| name.starts_with(w))
}

/// How many events back `该` and an unmarked removal look for the
/// organisation they mean.
const LOOK_BACK: usize = 64;

/// What follows a name in courtesy (`张三同志`, `李四先生`, `王五女士`).
const HONORIFICS: &[&str] = &["同志", "先生", "女士"];

/// Words that stand where a name could, before a verb, and start none:
/// `其`, and the connectives of a clause (`不再担任…`, `同时任…`).
const NOT_NAMES: &[&str] = &[
    "其",
    "不再",
    "同时",
    "并且",
    "另外",
    "以上",
    "上述",
    "分别",
    "仍",
    "继续",
    "该同志",
    "挂职",
];

/// The people named in `text` (`张三`, `李四（女）同志`, `张三、李四`).
fn names(text: &str) -> Option<Vec<Person>> {
    let mut out = Vec::new();
    for written in split_top(text, &['、']) {
        let mut name = HONORIFICS
            .iter()
            .find_map(|h| written.strip_suffix(h))
            .unwrap_or(written);
        // `李红（女）`, and the post held now: `刘洋同志（省发展和改革委员会
        // 产业协调处二级调研员）`.
        while let Some(open) = closing_group(name) {
            let inner = inside(name.get(open..).unwrap_or(""));
            let gender = inner.contains(['女', '男', '族']) && inner.chars().count() <= 8;
            let post = lexicon::split_post(inner).is_some();
            if !gender && !post {
                break;
            }
            name = name.get(..open).unwrap_or("");
            name = name.strip_suffix("同志").unwrap_or(name);
        }
        let name = name.strip_suffix("同志").unwrap_or(name);
        if !is_name(name) {
            return None;
        }
        out.push(Person::new(name));
    }
    Some(out)
}

/// A verb after a name: what it does.
#[derive(Clone, Copy)]
struct Verb {
    word: &'static str,
    kind: Option<EventKind>,
    flag: Option<Flag>,
}

const fn verb(word: &'static str, kind: Option<EventKind>, flag: Option<Flag>) -> Verb {
    Verb { word, kind, flag }
}

const APPOINT: Option<EventKind> = Some(EventKind::Appoint);
const REMOVE: Option<EventKind> = Some(EventKind::Remove);

const FIRST_VERBS: &[Verb] = &[
    verb("不再担任", REMOVE, None),
    verb("辞去", REMOVE, None),
    verb("挂职担任", APPOINT, Some(Flag::Secondment)),
    verb("挂职任", APPOINT, Some(Flag::Secondment)),
    verb("兼任", APPOINT, Some(Flag::Concurrent)),
    verb("代理", APPOINT, Some(Flag::Acting)),
    verb("担任", APPOINT, None),
];
const APPOINT_VERBS: &[Verb] = &[verb("为", APPOINT, None), verb("的", REMOVE, None)];
const REMOVE_VERBS: &[Verb] = &[
    verb("的", REMOVE, None),
    verb("为", APPOINT, None),
    // `免去吴刚同志某校校长职务`: no 的, the honorific ends the name.
    verb("同志", REMOVE, None),
];
const LAST_VERBS: &[Verb] = &[verb("任", APPOINT, None), verb("因", None, None)];

/// Finds the first verb (by priority) preceded by a plausible name.
/// `signature` is that of `text` or of a text it was cut from.
fn name_and_verb<'a>(
    text: &'a str,
    lists: &[&[Verb]],
    signature: Signature,
) -> Option<(Vec<Person>, Verb, &'a str)> {
    for list in lists {
        for v in *list {
            if !signature.may_hold(v.word) {
                continue;
            }
            for at in occurrences(text, v.word) {
                if at == 0 {
                    continue;
                }
                let (Some(prefix), Some(rest)) = (text.get(..at), text.get(at + v.word.len()..))
                else {
                    continue;
                };
                // `任命`, `任免`, `任职`, `任期` are no verb 任; `拟任` is a
                // proposal, not an appointment.
                if v.word == "任"
                    && (rest.starts_with(['命', '免', '职', '期'])
                        || prefix.ends_with(['拟', '提']))
                {
                    continue;
                }
                // `李明先生因个人原因申请辞去…`: the reason and the request
                // are no part of the name.
                let prefix = match v.word {
                    "辞去" => {
                        let asked = ["申请", "提出", "请求"]
                            .iter()
                            .find_map(|w| prefix.strip_suffix(w))
                            .unwrap_or(prefix);
                        asked.split_once('因').map_or(asked, |(who, _)| who)
                    }
                    _ => prefix,
                };
                if let Some(people) = names(prefix) {
                    return Some((people, *v, rest));
                }
            }
        }
    }
    None
}

/// `自DATE起` in a part: the date, the text before `自` and the text after
/// `起`. In parentheses (`…职务（自2022年6月20日起）`) the whole group is
/// taken out; a probation's start (`（试用期一年，自…起计算）`) is no date
/// of the event and is left to the markers.
fn dated(part: &str) -> Option<(NaiveDate, String, String)> {
    // `自…起`, or `从…起` as it is also written.
    let before_date = |at: &usize| {
        part.get(at + '自'.len_utf8()..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| numerals::digit(c).is_some())
    };
    // Two fast one-character searches: most parts have neither.
    let at = ['自', '从']
        .iter()
        .filter_map(|&c| part.match_indices(c).map(|(at, _)| at).find(before_date))
        .min()?;
    let from = at + '自'.len_utf8();
    let (date, 0, end) = numerals::find_date(part.get(from..)?)? else {
        return None;
    };
    let after = part.get(from + end..)?.strip_prefix('起')?;
    let before = part.get(..at)?;
    let open = before.rfind(['（', '(']);
    let inside = open.is_some_and(|o| !before.get(o..).is_some_and(|b| b.contains(['）', ')'])));
    if let (true, Some(open)) = (inside, open) {
        let close = after.find(['）', ')'])?;
        let group = part.get(open..from + end + '起'.len_utf8() + close)?;
        if group.contains("试用期")
            || before.get(..open)?.ends_with("试用期一年")
            || before.contains("试用期")
        {
            return None;
        }
        let rest = after.get(close..)?.trim_start_matches(['）', ')']);
        return Some((date, before.get(..open)?.to_owned(), rest.to_owned()));
    }
    Some((date, before.to_owned(), after.to_owned()))
}

/// The parser's state across one notice's clauses.
#[derive(Default)]
struct State {
    /// The section: after `任命：` appointments, after `免去：` removals.
    mode: Option<EventKind>,
    /// The people named last, for `其`.
    last: Vec<Person>,
    /// Whether `last` was named in the clause being read: a part that
    /// starts with its verb (`，不再担任…`) speaks of them only then.
    named_here: bool,
    /// The clauses read so far (for numbering).
    clauses: u32,
    events: Vec<Event>,
    effective: Option<NaiveDate>,
    /// Clauses that carry a date of their own: (clause index, date, text).
    dated: Vec<(u32, NaiveDate, Segment)>,
    /// Posts under probation named in the current clause, for `终止试用期`.
    trial: Vec<(Person, Post)>,
    /// An empty vector kept for the next clause's events, so that each
    /// clause need not allocate its own.
    spare: Vec<Event>,
    /// The notice's title and issuer, whose place names (`某县`) start the
    /// names of the organisations it speaks of.
    context: [String; 2],
    /// The day a meeting that decides was held (`公司于2023年3月1日召开第二届
    /// 董事会第八次会议`): the notice takes effect then unless it says
    /// otherwise.
    meeting: Option<NaiveDate>,
    /// The notice's date, when known before its clauses are read.
    signed: Option<NaiveDate>,
    /// The day a letter of resignation arrived (`董事会于2023年8月23日收到…
    /// 书面辞职报告`): a company officer's resignation takes effect then.
    received: Option<NaiveDate>,
}

/// The events of one clause being read.
struct Clause<'n> {
    /// The clause's normalised text, whose parts are read.
    text: &'n str,
    /// Whether a resignation read in it was found pending (so that it may
    /// end with no events and be no error).
    pending: bool,
    kind_mode: Option<EventKind>,
    events: Vec<Event>,
    /// Where the previous part's events start.
    part_start: usize,
    /// A date written for this clause alone (`李明自2022年7月1日起任…`,
    /// `任期自…起`).
    date: Option<NaiveDate>,
    /// The signature of the part being read: every text read from it is
    /// made of pieces of it.
    signature: Signature,
}

impl State {
    fn segment(&mut self, segment: &Segment) -> Result<(), String> {
        let norm = normalised(&segment.text);
        let norm = norm.get(enumerator(&norm)..).unwrap_or("");
        let norm = norm
            .strip_prefix("决定")
            .filter(|_| segment.heading)
            .unwrap_or(norm);
        if segment.heading {
            let head = norm.trim_end_matches(['，', ',']);
            if ["任命", "聘任", "聘用", "聘请", "任职", "任用"]
                .iter()
                .any(|w| head.ends_with(w))
            {
                self.mode = APPOINT;
            } else if ["免去", "免职", "解聘", "免除", "免", "接受"]
                .iter()
                .any(|w| head.ends_with(w))
            {
                self.mode = REMOVE;
            } else if head.contains("为") || head.contains("职务") || contains(head, "召开") {
                // A clause that happens to end in a colon, or a meeting's
                // report before its decisions (`6月10日，…召开…大会，宣布…：`).
                return self.clause(segment, norm);
            }
            return Ok(());
        }
        self.clause(segment, norm)
    }

    fn clause(&mut self, segment: &Segment, norm: &str) -> Result<(), String> {
        let mut events = std::mem::take(&mut self.spare);
        events.clear();
        let mut clause = Clause {
            text: norm,
            pending: false,
            kind_mode: self.mode,
            events,
            part_start: 0,
            date: None,
            signature: Signature::ANY,
        };
        self.trial.clear();
        self.named_here = false;
        let mut spoke = false;
        for part in split_top(norm, &['，', ',']) {
            if part.is_empty() {
                continue;
            }
            let before = clause.events.len();
            let acted = self.part(part, &mut clause)?;
            spoke |= acted;
            if clause.events.len() > before {
                clause.part_start = before;
            }
        }
        if clause.events.is_empty() {
            self.spare = clause.events;
            return if spoke && !clause.pending {
                Err("names no post to appoint to or remove from".to_owned())
            } else {
                Ok(())
            };
        }
        // One clause that says a thing twice (`终止X的…试用期，免去其…职务`)
        // does it once. (A clause of more events than any notice writes
        // in one sentence is left as it is.)
        let mut seen = 0;
        while seen < clause.events.len() && clause.events.len() <= LOOK_BACK {
            let (kept, rest) = clause.events.split_at(seen);
            let twice = rest.first().is_some_and(|e| {
                kept.iter()
                    .any(|k| k.kind == e.kind && k.person == e.person && k.post == e.post)
            });
            if twice {
                clause.events.remove(seen);
            } else {
                seen += 1;
            }
        }
        self.clauses += 1;
        if let Some(date) = clause.date {
            self.dated.push((self.clauses, date, segment.clone()));
        }
        let mut provenance = Provenance {
            clause: self.clauses,
            text: segment.text.trim().to_owned(),
            line: Some(segment.line),
        };
        let mut events = clause.events.drain(..).peekable();
        while let Some(mut event) = events.next() {
            // The last event takes the provenance itself.
            event.provenance = if events.peek().is_some() {
                provenance.clone()
            } else {
                std::mem::take(&mut provenance)
            };
            self.events.push(event);
        }
        drop(events);
        self.spare = clause.events;
        Ok(())
    }

    /// Reads one part of a clause; returns whether it was about people
    /// (so that a clause of such parts without events is an error).
    fn part(&mut self, part: &str, clause: &mut Clause) -> Result<bool, String> {
        clause.signature = Signature::of(part);
        // An effective date: `自2022年6月1日起` on its own (`…起执行`) is
        // the notice's; inside a clause (`李明自…起任…`, `任期自…起`) the
        // clause's, and the rest of the part is read.
        let owned;
        let mut part = part;
        // `str::contains` with a short needle is a vector search: cheaper
        // than the one-character searches in `dated`, which most parts,
        // with neither character, need not run.
        let may_be_dated = part.contains("自") || part.contains("从");
        if let Some((date, before, after)) = may_be_dated.then(|| dated(part)).flatten() {
            let after = after.trim_start_matches(['，', ',']);
            // `…起计算`, `…起生效`, or a term's end (`…起至2025年12月31日止`).
            let formula = ["执行", "施行", "生效", "实施", "计算", "开始", ""]
                .contains(&after.trim_end_matches(['。', '；']))
                || after.starts_with('至');
            let notice_wide = before.is_empty()
                || ["以上", "上述", "此次", "本次", "上列"]
                    .iter()
                    .any(|w| before.starts_with(w));
            // `任期自…起` after one clause is that clause's term, never the
            // notice's; `以上聘期自…起` is every clause's.
            let term = (before.ends_with("任期") || before.ends_with("聘期")) && !notice_wide;
            if formula && notice_wide && !term {
                self.effective = Some(date);
                return Ok(false);
            }
            let before = before
                .trim_end_matches("任期")
                .trim_end_matches("聘期")
                .trim_end_matches("任职时间");
            // A date inside a clause, or a term (`任期自…起至…止`): the
            // clause's own.
            clause.date = Some(date);
            let rest = if formula || after.starts_with('至') {
                ""
            } else {
                after
            };
            owned = format!("{before}{rest}");
            if owned.is_empty() {
                return Ok(false);
            }
            part = owned.as_str();
        }
        // A marker of its own: `试用期一年`, `保留原职级待遇`, `另有任用`,
        // also said of the person (`该同志另有任用`).
        let remark = ["该同志", "其"]
            .iter()
            .find_map(|w| part.strip_prefix(w))
            .unwrap_or(part);
        if let Some(flags) = markers(remark) {
            let range = clause
                .events
                .get_mut(clause.part_start..)
                .unwrap_or(&mut []);
            for event in range {
                for flag in flags.iter() {
                    event.flags = event.flags.with(flag);
                }
            }
            return Ok(false);
        }
        if part.starts_with("以上") {
            if part.contains("试用期") {
                for event in self.events.iter_mut().chain(clause.events.iter_mut()) {
                    if event.kind == EventKind::Appoint {
                        event.flags = event.flags.with(Flag::Probation);
                    }
                }
            }
            return Ok(false);
        }
        if ["特此", "此复", "现将", "现予", "请", "望"]
            .iter()
            .any(|w| part.starts_with(w))
        {
            return Ok(false);
        }
        let part = strip_opening(part, clause.signature);
        if part.is_empty() {
            return Ok(false);
        }
        // `…，兼任某办主任`, `…，不再担任某局局长职务`: the person just
        // named takes or leaves another post.
        if self.named_here && !self.last.is_empty() {
            let follows = [
                ("兼任", verb("兼任", APPOINT, Some(Flag::Concurrent))),
                ("兼", verb("兼任", APPOINT, Some(Flag::Concurrent))),
                ("不再担任", verb("不再担任", REMOVE, None)),
                ("不再兼任", verb("不再担任", REMOVE, None)),
                ("不再任", verb("不再担任", REMOVE, None)),
                ("调任", verb("调任", APPOINT, None)),
                ("改任", verb("调任", APPOINT, None)),
                // Keeps a post: no change.
                ("仍担任", verb("仍担任", None, None)),
                ("仍兼任", verb("仍担任", None, None)),
                ("继续担任", verb("仍担任", None, None)),
            ];
            let part = part.strip_prefix("同时").unwrap_or(part);
            if let Some((rest, v)) = follows
                .iter()
                .find_map(|(w, v)| part.strip_prefix(w).map(|rest| (rest, *v)))
            {
                let people = self.last.clone();
                self.push(clause, people, v, rest)?;
                return Ok(true);
            }
        }
        for (word, kind) in [
            ("任命", EventKind::Appoint),
            ("聘任", EventKind::Appoint),
            ("聘用", EventKind::Appoint),
            ("聘请", EventKind::Appoint),
            ("选举", EventKind::Appoint),
            ("增补", EventKind::Appoint),
            ("免去", EventKind::Remove),
            ("免除", EventKind::Remove),
            ("解聘", EventKind::Remove),
            ("解除", EventKind::Remove),
        ] {
            if let Some(rest) = part.strip_prefix(word) {
                clause.kind_mode = Some(kind);
                return self.named(rest, clause, true).map(|()| true);
            }
        }
        if let Some(rest) = part.strip_prefix("接受") {
            let Some((people, verb, posts_text)) =
                name_and_verb(rest, &[&[verb("辞去", REMOVE, None)]], clause.signature)
            else {
                return Err("no name before 辞去 after 接受".to_owned());
            };
            self.push(clause, people, verb, resignation(posts_text))?;
            return Ok(true);
        }
        if let Some(rest) = part.strip_prefix("终止") {
            return self.terminate(rest, clause).map(|()| true);
        }
        if strip_markers(part).0.contains("试用期") && !part.contains('为') {
            // `张三在…副总经理试用期内考核不合格`: the post a later
            // `终止试用期` ends.
            let verbs: &[Verb] = &[
                verb("在", None, None),
                verb("担任", None, None),
                verb("的", None, None),
            ];
            if let Some((people, _, rest)) = name_and_verb(part, &[verbs], clause.signature) {
                let text = rest.split("试用期").next().unwrap_or("");
                let text = text.strip_suffix('的').unwrap_or(text);
                for (post, _) in posts(text)? {
                    for person in &people {
                        self.trial.push((person.clone(), post.clone()));
                    }
                }
                self.remember(people);
                return Ok(false);
            }
        }
        // What changes nobody's post (see `changes_nothing`) is no error.
        // A part that reads as nobody's appointment or removal may still
        // say when, or whether, the notice takes effect, or change nothing.
        match self.named(part, clause, false) {
            Ok(()) => Ok(true),
            Err(_)
                if self.statement(part, clause)
                    || self.introduces(part)
                    || changes_nothing(part)
                    || is_prose(part) =>
            {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    /// The events of a table's row (see `table.rs`), as a clause of its own.
    fn table_row(&mut self, row: table::Row, line: &Line<'_>) -> Result<(), String> {
        let people = names(&row.name).ok_or_else(|| format!("「{}」 is not a name", row.name))?;
        if row.events.is_empty() {
            // A name and a reason (`退休`) only: nothing to record.
            return Ok(());
        }
        self.clauses += 1;
        let provenance = Provenance {
            clause: self.clauses,
            text: line.raw.trim().to_owned(),
            line: Some(line.no),
        };
        for person in &people {
            for (kind, post, flags) in &row.events {
                let mut event = Event::new(*kind, person.clone(), post.clone());
                event.flags = *flags;
                event.provenance = provenance.clone();
                self.events.push(event);
            }
        }
        self.remember(people);
        Ok(())
    }

    /// The people a later `其`, or a part that starts with its verb, means.
    fn remember(&mut self, people: Vec<Person>) {
        self.last = people;
        self.named_here = true;
    }

    /// `黄子轩同志挂职期满`, `于海同志到龄退休`: a person named with an
    /// honorific and a term ended or a reason, whom the parts after speak
    /// of (`，不再担任…职务`). Anything else after the name is no
    /// introduction (`张三同志晋升为…` is a clause not read).
    fn introduces(&mut self, part: &str) -> bool {
        const ENDED: &[&str] = &[
            "挂职期满",
            "任期届满",
            "任职期满",
            "聘期届满",
            "试用期满",
            "期满",
            "因",
            "到龄",
            "已到",
        ];
        for honorific in HONORIFICS {
            if let Some(at) = find(part, honorific)
                && let (Some(who), Some(rest)) = (
                    part.get(..at + honorific.len()),
                    part.get(at + honorific.len()..),
                )
                && ENDED.iter().any(|w| rest.starts_with(w))
                && let Some(people) = names(who)
            {
                self.remember(people);
                return true;
            }
        }
        false
    }

    /// Reads a part that appoints and removes nobody (read only once it
    /// reads as no appointment or removal) but says when, or whether, what
    /// the notice does takes effect, as companies announce it; returns
    /// whether the part was one.
    ///
    /// * `…于DATE召开…会议`: the meeting's day; the notice reports what
    ///   the meeting decided, and takes effect on that day unless it says
    ///   otherwise.
    /// * `…于DATE收到…辞职报告`: the day the resignations that follow take
    ///   effect (a company officer's resignation takes effect on delivery).
    /// * `X的辞职将在…后生效`: X's resignation is pending, not done: the
    ///   removals of X read so far are dropped.
    /// * `辞职后…`, `…的辞职报告自送达…之日起生效`, `在担任…期间…`,
    ///   `…感谢`: said of what is done, changing nothing.
    /// * `之前`, `尽快`: what is yet to be done.
    /// * A news lead (`新华社…电　国务院任免国家工作人员`).
    /// * A term with no date (`任期三年`, `聘期与…一致`, `自…审议通过之日起`).
    fn statement(&mut self, part: &str, clause: &mut Clause) -> bool {
        let signature = clause.signature;
        let has = |word: &str| signature.may_hold(word) && contains(part, word);
        let date = || {
            numerals::find_date(part)
                .or_else(|| numerals::find_numeric_date(part))
                .map(|(d, _, _)| d)
        };
        // A meeting held, not a person elected at it (`…会议上当选为…`).
        if has("召开")
            && ["会议", "董事会", "大会"].iter().any(|w| has(w))
            && !has("为")
            && !has("当选")
        {
            // `6月10日`, no year: the latest such day on or before the
            // notice's date.
            let this_year = |text: &str| {
                let (month, day) = numerals::find_month_day(text)?;
                let signed = self.signed?;
                let on = |year| NaiveDate::from_ymd_opt(year, month, day);
                on(signed.year())
                    .filter(|d| *d <= signed)
                    .or_else(|| on(signed.year() - 1))
            };
            // The part's own date first; then the clause's (`2023年7月18日，
            // …会议在公司会议室召开`: the date is a part of its own).
            let found = date()
                .or_else(|| this_year(part))
                .or_else(|| numerals::find_date(clause.text).map(|(d, _, _)| d))
                .or_else(|| this_year(clause.text));
            // The first meeting held by the notice's date decides; one
            // called for later (`公司定于…召开…股东大会`) does not.
            let held = found.filter(|d| self.signed.is_none_or(|signed| *d <= signed));
            if self.meeting.is_none() {
                self.meeting = held;
            }
            return true;
        }
        if has("辞职") || has("辞任") {
            if has("收到") {
                // `同日收到…`: the day already read stands.
                if let Some(day) = date() {
                    self.received = Some(day);
                }
                return true;
            }
            if has("后生效") && !has("之日") {
                return self.pending(part, clause);
            }
            if part.starts_with("辞职后") || has("生效") {
                // `张三先生辞去…的辞职报告自送达…之日起生效`: a following
                // `其` means 张三.
                let who = ["辞去", "的辞职"]
                    .iter()
                    .find_map(|w| part.split_once(w).map(|(who, _)| who));
                if let Some(people) = who.and_then(names) {
                    self.remember(people);
                }
                return true;
            }
        }
        // Thanks for the past (`…在担任公司副总经理期间恪尽职守`, `…表示衷心
        // 感谢`); not `挂职期间担任…`, which appoints.
        let served = find(part, "担任")
            .zip(find(part, "期间"))
            .is_some_and(|(held, during)| held < during);
        if has("感谢") || served {
            return true;
        }
        // A news lead (`新华社北京6月28日电　国务院任免国家工作人员`), or any
        // sentence that says appointments were made and names nobody.
        let lead = part
            .strip_prefix("新华社")
            .and_then(|r| r.split_once('电'))
            .map_or(part, |(_, r)| r);
        let says_appointments_made =
            contains(lead, "任免") && !lead.contains(['为', '的']) && !contains(lead, "职务");
        // (`上述任免自…起生效` dates the notice: not this.)
        if lead.is_empty() || (says_appointments_made && dated(lead).is_none()) {
            return true;
        }
        // What is yet to be done (`在公司聘任新的董事会秘书之前`, `尽快完成…
        // 聘任工作`).
        if has("之前") || has("尽快") {
            return true;
        }
        // A term with no date of its own (`聘期三年`, `聘期与本届经理层任期
        // 一致`), or one that runs from a day the notice names by what
        // happened on it (`自本次董事会审议通过之日起…`: the meeting's day,
        // which the notice takes effect on anyway).
        if part.starts_with("任期")
            || part.starts_with("聘期")
            || (part.starts_with('自') && has("之日起"))
        {
            return true;
        }
        false
    }

    /// `X的辞职将在…后生效`, `其辞去董事职务的辞职报告将在…后生效`: the
    /// resignation read just before (in this clause, else the latest clause
    /// where X resigns) is pending, not done: its removals are dropped, only those of the
    /// posts named after `辞去` when there are any. `false` when the
    /// sentence names nobody it can read, so that it is reported.
    fn pending(&mut self, part: &str, clause: &mut Clause) -> bool {
        let Some((who, _)) = part
            .split_once("的辞职")
            .or_else(|| part.split_once("辞职"))
        else {
            return false;
        };
        let who = ["鉴于", "因"]
            .iter()
            .find_map(|w| who.strip_prefix(w))
            .unwrap_or(who);
        let people = match who.strip_prefix('其') {
            Some(_) if !self.last.is_empty() => self.last.clone(),
            Some(_) => return false,
            None => match names(who) {
                Some(people) => people,
                None => return false,
            },
        };
        let resigned = |e: &Event| e.kind == EventKind::Remove && people.contains(&e.person);
        // `其辞去董事职务的辞职报告…`: that post only; `X的辞职…` all of X's.
        let posts_named = who.split_once("辞去").map(|(_, posts)| posts);
        let named = |e: &Event| posts_named.is_some_and(|p| contains(p, e.post.title()));
        let in_clause = clause.events.iter().any(resigned);
        // Else the latest clause that has them resign.
        let last = self
            .events
            .iter()
            .rev()
            .take(LOOK_BACK)
            .find(|e| resigned(e))
            .map_or(0, |e| e.provenance.clause);
        let candidates: Vec<&Event> = if in_clause {
            clause.events.iter().filter(|e| resigned(e)).collect()
        } else {
            self.events
                .iter()
                .filter(|e| e.provenance.clause == last && resigned(e))
                .collect()
        };
        let only_named = candidates.iter().any(|e| named(e));
        let drop = |e: &Event| resigned(e) && (!only_named || named(e));
        if in_clause {
            clause.events.retain(|e| !drop(e));
            clause.part_start = clause.part_start.min(clause.events.len());
        } else {
            self.events
                .retain(|e| !(e.provenance.clause == last && drop(e)));
            // A dated clause left with no events dates nothing.
            let events = &self.events;
            self.dated
                .retain(|(at, _, _)| events.iter().any(|e| e.provenance.clause == *at));
        }
        clause.pending = true;
        true
    }

    /// `X为POST`, `X的POST职务`, `其POST职务` … after an optional leading
    /// verb.
    fn named(&mut self, text: &str, clause: &mut Clause, after_verb: bool) -> Result<(), String> {
        if let Some(rest) = text.strip_prefix('其') {
            if self.last.is_empty() {
                return Err("其 with no person named before it".to_owned());
            }
            let people = self.last.clone();
            if let Some(posts_text) = rest.strip_prefix('为') {
                return self.push(clause, people, verb("为", APPOINT, None), posts_text);
            }
            let kind = clause.kind_mode;
            let posts_text = rest.strip_prefix('的').unwrap_or(rest);
            return match kind {
                Some(kind) => self.push(clause, people, verb("", Some(kind), None), posts_text),
                None => Err("no 为 or 免去 before the post after 其".to_owned()),
            };
        }
        let middle = if clause.kind_mode == REMOVE {
            REMOVE_VERBS
        } else {
            APPOINT_VERBS
        };
        match name_and_verb(text, &[FIRST_VERBS, middle, LAST_VERBS], clause.signature) {
            Some((people, v, rest)) => {
                if v.kind.is_none() {
                    // `X因退休`: names the person a following `其` means.
                    self.remember(people);
                    return Ok(());
                }
                let v = match (after_verb, v.word, clause.kind_mode) {
                    // `免去X的…`, `解聘X的…`: the leading verb decides.
                    (true, "的" | "同志", Some(kind)) => verb("的", Some(kind), None),
                    _ => v,
                };
                // `X辞去…职务的请求` under a heading `接受：`.
                let rest = match v.word {
                    "辞去" => resignation(rest),
                    _ => rest,
                };
                self.push(clause, people, v, rest)
            }
            None => {
                if let Some(moved) = at_organisation(text) {
                    return self.named(&moved, clause, after_verb);
                }
                match self
                    .unmarked(text, clause)
                    .filter(|_| clause.kind_mode == REMOVE)
                {
                    Some((person, rest)) => {
                        self.push(clause, vec![person], verb("的", REMOVE, None), rest)
                    }
                    None => Err(no_structure(text)),
                }
            }
        }
    }

    /// `免去王五某县审计局局长职务`: a removal with neither `的` nor `同志`
    /// to end the name. The name is taken at the one length (two to four
    /// characters) after which the rest reads as posts of an organisation
    /// named earlier in the notice, or else one that starts with the place
    /// name the notice's title or issuer starts with (`某县`). When no
    /// length, or more than one, is so anchored, the clause is not guessed
    /// at: a level of government alone (`县…`, `街道…`) anchors nothing.
    fn unmarked<'t>(&self, text: &'t str, clause: &Clause) -> Option<(Person, &'t str)> {
        let (bare, _) = strip_markers(text);
        if !bare.ends_with("职务") {
            return None;
        }
        let seen = |org: &str| {
            clause
                .events
                .iter()
                .rev()
                .chain(self.events.iter().rev())
                .take(LOOK_BACK)
                .any(|e| e.post.organisation() == org)
        };
        let placed = |org: &str| {
            let place: String = org.chars().take(2).collect();
            place.chars().count() == 2 && self.context.iter().any(|c| c.starts_with(&place))
        };
        let mut best: Option<(u8, Person, &'t str)> = None;
        let mut tied = false;
        for (at, _) in text.char_indices().skip(2).take(3) {
            let (Some(name), Some(rest)) = (text.get(..at), text.get(at..)) else {
                continue;
            };
            if !is_name(name) {
                continue;
            }
            let Some((post, _)) = posts(rest).ok().and_then(|list| list.into_iter().next()) else {
                continue;
            };
            let org = post.organisation();
            // A level of government alone (`县…`, `街道…`) is no evidence:
            // `王伟兴福街道办事处` reads as well as `王伟` + `兴福街道办事处`.
            let rank = if seen(org) {
                2
            } else if placed(org) {
                1
            } else {
                continue;
            };
            match &best {
                Some((r, _, _)) if *r > rank => {}
                Some((r, _, _)) if *r == rank => tied = true,
                _ => {
                    best = Some((rank, Person::new(name), rest));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied)
            .map(|(_, person, rest)| (person, rest))
    }

    /// `该局副局长`, `该公司总经理`: the organisation named last in the
    /// notice whose name ends as the word after `该` begins (`该校` is also
    /// a …学 or …学院); `该职务` is the post named last. Other text is
    /// returned as it is.
    fn refer_back<'t>(&self, text: &'t str, clause: &Clause) -> Result<Cow<'t, str>, String> {
        let Some(rest) = text.strip_prefix('该') else {
            return Ok(Cow::Borrowed(text));
        };
        // The organisations named lately: a 该 refers back a few clauses,
        // not to the start of a long notice (and the search stays short).
        let mut named = clause
            .events
            .iter()
            .rev()
            .chain(self.events.iter().rev())
            .take(LOOK_BACK);
        if matches!(strip_markers(rest).0, "职务" | "职") {
            return named
                .next()
                .map(|e| Cow::Owned(format!("{}{rest}", e.post)))
                .ok_or_else(|| "该职务 with no post named before it".to_owned());
        }
        for event in named {
            let org = event.post.organisation();
            for (at, _) in rest.char_indices().skip(1).take(4) {
                let (Some(word), Some(title)) = (rest.get(..at), rest.get(at..)) else {
                    continue;
                };
                let first = bare_post(split_top(title, &['、']).next().unwrap_or(""));
                // A school is 该校 whatever it is called (…中学, …学院).
                let ends = org.ends_with(word)
                    || (word == "校" && (org.ends_with('学') || org.ends_with("学院")));
                if ends && lexicon::is_title(first) {
                    return Ok(Cow::Owned(format!("{org}{title}")));
                }
            }
        }
        Err(format!(
            "「{text}」: 该 refers to no organisation named before it"
        ))
    }

    /// Adds to the clause an event for each of `people` and each post in
    /// `text`; they are then the people named last.
    fn push(
        &mut self,
        clause: &mut Clause,
        people: Vec<Person>,
        v: Verb,
        text: &str,
    ) -> Result<(), String> {
        let Some(kind) = v.kind else {
            return Ok(());
        };
        if text.is_empty() {
            return Err(format!("no post after {}", v.word));
        }
        let list = posts(&self.refer_back(text, clause)?)?;
        if v.word == "辞去" && clause.date.is_none() {
            clause.date = self.received;
        }
        clause.part_start = clause.events.len();
        let flags_of = |flags: Flags| v.flag.map_or(flags, |f| flags.with(f));
        if let Some((last, others)) = people.split_last() {
            for person in others {
                for (post, flags) in &list {
                    let mut event = Event::new(kind, person.clone(), post.clone());
                    event.flags = flags_of(*flags);
                    clause.events.push(event);
                }
            }
            // The last person's events take the posts themselves.
            for (post, flags) in list {
                let mut event = Event::new(kind, last.clone(), post);
                event.flags = flags_of(flags);
                clause.events.push(event);
            }
        }
        self.remember(people);
        Ok(())
    }

    /// `终止X的…试用期`, `终止其试用期`: a removal from the post on trial.
    fn terminate(&mut self, text: &str, clause: &mut Clause) -> Result<(), String> {
        let (people, rest) = if let Some(rest) = text.strip_prefix('其') {
            if self.last.is_empty() {
                return Err("其 with no person named before it".to_owned());
            }
            (self.last.clone(), rest.strip_prefix('的').unwrap_or(rest))
        } else if text.starts_with("试用期") {
            (self.last.clone(), text)
        } else {
            let verbs: &[Verb] = &[verb("的", None, None), verb("担任", None, None)];
            match name_and_verb(text, &[verbs], clause.signature) {
                Some((people, _, rest)) => (people, rest),
                None => return Err("no name after 终止".to_owned()),
            }
        };
        if !rest.contains("试用期") {
            return Err("终止 without 试用期".to_owned());
        }
        let written = rest.split("试用期").next().unwrap_or("");
        let written = written.strip_suffix('的').unwrap_or(written);
        let targets: Vec<(Person, Post)> = if written.is_empty() {
            self.trial
                .iter()
                .filter(|(p, _)| people.contains(p))
                .cloned()
                .collect()
        } else {
            let list = posts(written)?;
            people
                .iter()
                .flat_map(|p| list.iter().map(move |(post, _)| (p.clone(), post.clone())))
                .collect()
        };
        if targets.is_empty() {
            return Err("终止试用期 names no post".to_owned());
        }
        clause.part_start = clause.events.len();
        for (person, post) in targets {
            clause.events.push(Event::remove(person, post));
        }
        self.remember(people);
        Ok(())
    }
}

/// `X在ORG挂职任TITLE` written as `X挂职任ORGTITLE`: the organisation
/// before the verb, the title after it.
fn at_organisation(text: &str) -> Option<String> {
    let (who, rest) = text.split_once('在')?;
    names(who)?;
    let (at, word) = ["挂职担任", "挂职任", "担任", "任"]
        .iter()
        .filter_map(|w| find(rest, w).map(|at| (at, *w)))
        .min_by_key(|(at, w)| (*at, usize::MAX - w.len()))?;
    let (org, title) = (rest.get(..at)?, rest.get(at + word.len()..)?);
    (!org.is_empty() && lexicon::is_title(strip_markers(title).0))
        .then(|| format!("{who}{word}{org}{title}"))
}

/// Whether a part that reads as no appointment or removal changes nobody's
/// post: a proposal or nomination (`拟任…`, `提名为…人选`), a probation
/// served (`试用期满，考核合格，予以正式任职`), or the lapse of all other
/// posts (`原任职务自然免除`, `不再担任任何职务`).
fn changes_nothing(part: &str) -> bool {
    // A proposal (`张三同志拟任…`, `提名免去…`) is no decision.
    ["拟任", "拟提名", "拟免", "拟聘"].iter().any(|w| contains(part, w))
        || ["提名", "建议"].iter().any(|w| part.starts_with(w))
        || (contains(part, "提名") && contains(part, "人选"))
        // `试用期满…予以正式任职`: the tenure goes on.
        || contains(part, "试用期满")
        || contains(part, "正式任职")
        || contains(part, "自然免除")
        || contains(part, "任何职务")
}

/// The text with cited titles (`《…》`) taken out.
fn without_titles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether a part is prose, not a clause about people: it holds no word
/// that appoints or removes (`任`, `免`, `聘`, `辞`, `职务`, `兼`, `选举`,
/// `当选`, `解除`, `终止`), ends in no post,
/// once the words that merely contain one (`任何`, `责任`) and titles of
/// documents (`《关于聘任…的议案》`) are set aside, and no `为` after a
/// name (`张三为…`).
fn is_prose(part: &str) -> bool {
    let mut text = without_titles(part);
    for word in ["任何", "责任", "信任", "任务", "担保"] {
        text = text.replace(word, "");
    }
    let acts = [
        "任", "免", "聘", "辞", "职务", "兼", "选举", "当选", "解除", "终止",
    ]
    .iter()
    .any(|w| text.contains(w));
    // `为加强…` is a purpose; `X为…` an appointment.
    let names_someone = text.find('为').is_some_and(|at| at > 0);
    // `张三　县财政局局长` names a post.
    let names_post = lexicon::split_post(bare_post(part)).is_some();
    !acts && !names_someone && !names_post
}

/// The posts of a resignation, without `的请求` after them.
fn resignation(text: &str) -> &str {
    text.strip_suffix("的请求")
        .or_else(|| text.strip_suffix("请求"))
        .unwrap_or(text)
}

/// Drops an opening (`经研究决定`, `区政府决定`, `根据工作需要`) from the
/// start of a part. `signature` is that of `part` or of a text it was cut
/// from.
fn strip_opening(part: &str, signature: Signature) -> &str {
    // `同意张三为…` (a reply granting a request) decides as much.
    let part = part.strip_prefix("同意").unwrap_or(part);
    // `市政府任命…`, `国务院任免…`, `董事会同意聘任…`: the issuer before
    // the verb.
    for word in ["任命", "免去", "聘任", "解聘", "免除", "聘用", "选举"] {
        if !signature.may_hold(word) {
            continue;
        }
        if let Some(at) = find(part, word) {
            let before = part.get(..at).unwrap_or("");
            let before = ["同意", "决定", "一致同意"]
                .iter()
                .find_map(|w| before.strip_suffix(w))
                .unwrap_or(before);
            let issuer = [
                "政府",
                "国务院",
                "委员会",
                "常委会",
                "董事会",
                "党委",
                "党组",
                "公司",
                "研究",
            ]
            .iter()
            .any(|w| before.ends_with(w));
            if issuer && !before.contains(['为', '的', '、']) {
                return part.get(at..).unwrap_or("");
            }
        }
    }
    if signature.may_hold("决定")
        && let Some(at) = find(part, "决定")
    {
        let before = part.get(..at).unwrap_or("");
        if !before.contains('为') && !before.contains("职务") {
            return part.get(at + "决定".len()..).unwrap_or("");
        }
    }
    if ["根据", "依据", "按照", "依照", "鉴于", "经"]
        .iter()
        .any(|w| part.starts_with(w))
        && !part.contains('为')
        && !part.contains("职务")
    {
        return "";
    }
    part
}

/// The reason a part has no recognisable structure.
fn no_structure(text: &str) -> String {
    if let Some(at) = text.find('为') {
        let before = text.get(..at).unwrap_or("");
        if before.is_empty() {
            return "no name before 为".to_owned();
        }
        return format!("「{before}」 before 为 is not a name");
    }
    if text.contains("职务") {
        return "no name before 的…职务".to_owned();
    }
    "no 为, 的…职务, 任命 or 免去 structure".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(no: u32, raw: &str) -> Line<'_> {
        Line {
            no,
            raw,
            norm: heading_text(raw),
        }
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
        let segs = segments(&lines, &[]);
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
}
