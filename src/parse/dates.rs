//! The dates a text gives a decision, wherever it gives them: a signing
//! line, an adoption line, a sentence that dates the decision, a news
//! dateline, a web page's publication line or clock, and relative words
//! (`昨天`, `3日`) resolved against the page's own date, and a month and
//! day whose year only a document the page cites gives (`〔2019〕2号`).
//!
//! It only finds dates and says where they came from; it must never decide
//! which clauses a date belongs to (`statement` and the notice do), and
//! never take a date whose year the text does not give or imply.

use super::*;

/// Where a notice's effective date came from, so that a clerk can judge
/// it.
///
/// ```
/// use appointment_ledger::{DateSource, Parser};
/// let text = "新华社北京3月15日电　国务院任免国家工作人员。\n任命张三为某部副部长。\n2024-03-15 18:02　来源：新华社\n";
/// let read = Parser::new().read(text)?;
/// assert_eq!(read.notices[0].date_source, DateSource::Dateline);
/// assert_eq!(read.notices[0].notice.effective.to_string(), "2024-03-15");
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateSource {
    /// The signing line that closes the notice (`2022年5月23日`).
    Signed,
    /// A date the text states for the decision or its effect: `自…起`, a
    /// sentence that dates it (`8月17日，国务院决定任命…`), a meeting it
    /// reports, a date written under the title.
    Stated,
    /// The day a congress or a board adopted it (`（…会议通过）`).
    Adopted,
    /// A news dateline (`新华社北京8月17日电`), its year from the page.
    Dateline,
    /// The issue line or a web page's publication date or clock: the day
    /// it was made public, for a text that gives no other and does not say
    /// its decision came some days before (`日前`, `近日`: such a decision
    /// is reported undated, the page's day only bounding it).
    Published,
    /// The date the caller supplied ([`Parser::date`]).
    Supplied,
}

impl DateSource {
    /// The source's name as written in TSV and JSON output (`dateline`).
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Signed => "signed",
            DateSource::Stated => "stated",
            DateSource::Adopted => "adopted",
            DateSource::Dateline => "dateline",
            DateSource::Published => "published",
            DateSource::Supplied => "supplied",
        }
    }
}

impl std::fmt::Display for DateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The page's own date: the first publication line or clock in the text
/// (`发布时间：2023-03-20`, `2020-2-20 22:24`, `发表于 2008-4-10`), which
/// gives a dateline its year and `昨天` its day.
pub(super) fn page_date(lines: &[Line<'_>]) -> Option<NaiveDate> {
    // A page's header stands at its top, before the text it dates.
    lines.iter().take(PAGE_TOP).find_map(|line| {
        let norm: &str = &line.norm;
        if !line.raw.bytes().any(|b| b.is_ascii_digit()) && !norm.contains('年') {
            return None;
        }
        // `注册时间: 2006-05-25 帖子: 8106` (u02): a forum poster's profile,
        // not the page's day.
        if ["注册", "登录", "加入时间"]
            .iter()
            .any(|w| contains(norm, w))
        {
            return None;
        }
        let labelled = ["发布", "发表", "时间", "日期", "来源", "编辑"]
            .iter()
            .any(|w| contains(norm, w));
        let clock = line.raw.contains(':') || line.raw.contains('：');
        // `2019-05-08 段彦超 澎湃新闻`: a byline's date.
        // (Not a line of prose a hard wrap cut, v12: `…毛泽东一九四九年十月一日
        // 当天,《人民日报》`; a byline holds no comma.)
        let byline =
            norm.chars().count() <= 40 && !ends_clause(norm) && !norm.contains(['，', ',', '《']);
        if !(labelled || clock || byline) || norm.chars().count() > 80 {
            return None;
        }
        numerals::find_numeric_date(line.raw)
            .or_else(|| numerals::find_date(norm))
            .map(|(d, _, _)| d)
    })
}

/// The year of the first document a text cites by its number
/// (`根据弋医管委〔2019〕2号文件精神`, `…[2021]12号`): in a report that
/// gives no date of its own, the year of the decision it reads out (c05).
pub(super) fn cited_year(lines: &[Line<'_>]) -> Option<i32> {
    lines.iter().find_map(|line| {
        let norm: &str = &line.norm;
        if !norm.contains('〔') && !norm.contains('[') && !norm.contains('［') {
            return None;
        }
        norm.match_indices(['〔', '[', '［'])
            .find_map(|(at, open)| {
                let rest = norm.get(at + open.len()..)?;
                let year = rest
                    .get(..4)
                    .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
                let rest = rest.get(4..)?.strip_prefix(['〕', ']', '］'])?;
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let numbered = digits > 0 && rest.get(digits..)?.starts_with('号');
                let year: i32 = year.parse().ok()?;
                (numbered && (1949..=2100).contains(&year)).then_some(year)
            })
    })
}

/// The year a report that gives no date of its own says it is written in
/// by a new year's day (`2021年元旦后的首周，…`, i22): the days it gives
/// without a year are of that year.
pub(super) fn new_year(lines: &[Line<'_>]) -> Option<i32> {
    lines.iter().find_map(|line| {
        let norm: &str = &line.norm;
        let at = find(norm, "年元旦")?;
        let year = norm.get(at.checked_sub(4)?..at)?;
        let year: i32 = year
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| year.parse().ok())??;
        (1949..=2100).contains(&year).then_some(year)
    })
}

/// `text` less a day written at its end (`第一医药2月7日` → `第一医药`,
/// `某公司今日`).
pub(super) fn without_trailing_day(text: &str) -> &str {
    if let Some(rest) = ["今日", "昨日", "今天", "昨天", "日前", "近日"]
        .iter()
        .find_map(|w| text.strip_suffix(w))
    {
        return rest;
    }
    let digits = |t: &str| t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let Some(body) = text.strip_suffix(['日', '号']) else {
        return text;
    };
    let day = digits(body);
    let Some(month) = body
        .get(..body.len() - day)
        .and_then(|m| m.strip_suffix('月'))
    else {
        return text;
    };
    let months = digits(month);
    if day == 0 || months == 0 {
        return text;
    }
    let head = &month[..month.len() - months];
    match head.strip_suffix('年') {
        Some(year) if digits(year) == 4 => &year[..year.len() - 4],
        _ => head,
    }
}

/// The year of the plans a report of a meeting names (`审议通过了《区人大
/// 常委会2015年度工作要点》`, `2016年工作总结及2017年工作要点`): the latest
/// year written before a plan of work, which in a report that gives no date
/// of its own is the meeting's year (k12, l23). (A year's summary or
/// final accounts, `2013年度财政决算`, are of the year before: b21.)
pub(super) fn business_year(lines: &[Line<'_>]) -> Option<i32> {
    lines
        .iter()
        .flat_map(|line| {
            let norm: &str = &line.norm;
            norm.match_indices('年').filter_map(move |(at, _)| {
                let after = norm.get(at + '年'.len_utf8()..)?;
                let after = after.strip_prefix('度').unwrap_or(after);
                if !["工作要点", "工作计划", "工作重点"]
                    .iter()
                    .any(|w| after.starts_with(w))
                {
                    return None;
                }
                let digits = norm.get(at.checked_sub(4)?..at)?;
                let before = norm.get(..at - 4)?;
                let bounded = !before.ends_with(|c: char| c.is_ascii_digit());
                let year: i32 = digits.parse().ok().filter(|_| bounded)?;
                (1949..=2100).contains(&year).then_some(year)
            })
        })
        .max()
}

/// Whether a line as written is a day alone (`2024/12/26`, `2018年7月24日`),
/// maybe with a clock and the clock of an update (`2018/12/25 20:56(12/25
/// 22:29 更新)`): `Some(true)` with a clock, `Some(false)` without, `None`
/// for any other line. A page's stamp, never a clause.
pub(super) fn day_alone_on_line(raw: &str) -> Option<bool> {
    let raw = raw.trim();
    let at_start = |found: Option<(NaiveDate, usize, usize)>| found.filter(|(_, at, _)| *at == 0);
    let (_, _, end) = at_start(numerals::find_numeric_date(raw))
        .or_else(|| at_start(numerals::find_date(raw)))?;
    let rest = raw.get(end..).unwrap_or("").replace("更新", "");
    rest.chars()
        .all(|c| c.is_ascii_digit() || ":：/-()（） ".contains(c))
        .then(|| rest.contains([':', '：']))
}

/// A part that is only a day with its month (`6月27日`), in `year`: a
/// report's day when only a document it cites gives the year.
pub(super) fn month_day_in(part: &str, year: i32) -> Option<NaiveDate> {
    if !part.contains('月') {
        return None;
    }
    sentence_date(part, NaiveDate::from_ymd_opt(year, 12, 31))
}

/// How many lines from the top a page's header may stand.
const PAGE_TOP: usize = 40;

/// The latest day `month`/`day` on or before `page`: the year a dateline
/// or `8月17日，…` takes from the page it is on.
pub(super) fn on_or_before(page: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let on = |year| NaiveDate::from_ymd_opt(year, month, day);
    on(page.year())
        .filter(|d| *d <= page)
        .or_else(|| on(page.year() - 1))
}

/// The day a posting is to take effect (`将于2024年5月14日`, `将于3月30日`,
/// `将于下月九日`, `将于明年1月8日`, `将于明日`): a day written in full as
/// it is; a month and a day on or after `page`; a day of the next month or
/// year, or tomorrow, from it.
pub(super) fn day_ahead(day: &str, page: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some((date, 0, end)) = numerals::find_date(day) {
        return (end == day.len()).then_some(date);
    }
    let page = page?;
    match day {
        "明日" | "明天" => return page.succ_opt(),
        "今日" | "今天" | "即日" => return Some(page),
        _ => {}
    }
    // `明年1月8日`, `今年3月1日`: the year said.
    for (word, years) in [("明年", 1), ("今年", 0)] {
        if let Some(rest) = day.strip_prefix(word) {
            let (month, d) = numerals::find_month_day(rest)?;
            return NaiveDate::from_ymd_opt(page.year() + years, month, d);
        }
    }
    if let Some(rest) = day.strip_prefix("本月") {
        return NaiveDate::from_ymd_opt(page.year(), page.month(), day_alone(rest)?);
    }
    if let Some(rest) = day.strip_prefix("下月") {
        let (year, month) = match page.month() {
            12 => (page.year() + 1, 1),
            m => (page.year(), m + 1),
        };
        return NaiveDate::from_ymd_opt(year, month, day_alone(rest)?);
    }
    if !day.ends_with('日') || !day.contains('月') {
        return None;
    }
    let (month, d) = numerals::find_month_day(day)?;
    let on = |year| NaiveDate::from_ymd_opt(year, month, d);
    on(page.year())
        .filter(|date| *date >= page)
        .or_else(|| on(page.year() + 1))
}

/// A news dateline at the start of a part (`新华社北京8月17日电`,
/// `中新网3月5日电`, `本报北京17日电`): the day it gives, with the year (and
/// for a day alone, the month) from `page`, and the text after it.
pub(super) fn dateline(part: &str, page: Option<NaiveDate>) -> Option<(NaiveDate, &str)> {
    // `…日电` of an agency, `…日讯` of a paper or a site.
    let at = find(part, "日电").or_else(|| find(part, "日讯"))?;
    let head = part.get(..at + "日".len())?;
    // A dateline is short and names an agency or paper and a place.
    if head.chars().count() > 24 || head.contains(['，', '。', '；']) {
        return None;
    }
    let rest = part.get(at + "日电".len()..)?;
    let rest = strip_reporter(rest);
    if let Some((date, _, _)) = numerals::find_date(head) {
        return Some((date, rest));
    }
    let page = page?;
    if let Some((month, day)) = numerals::find_month_day(head) {
        return Some((on_or_before(page, month, day)?, rest));
    }
    let day = day_alone(head)?;
    Some((on_or_before_in_month(page, day)?, rest))
}

/// Whether a line opens with a news dateline (`新华社北京3月18日电　…`,
/// `本报讯`…): a report starts there, whatever the lines above it were.
pub(super) fn opens_with_dateline(norm: &str) -> bool {
    let head: String = norm.chars().take(24).collect();
    ["日电", "日讯"].iter().any(|w| {
        find(&head, w).is_some_and(|at| {
            head.get(..at)
                .is_some_and(|before| !before.contains(['，', '。', '；', ',']))
        })
    })
}

/// The day a part that reports a decision gives it by a word relative to
/// the page's date (`上海市人大會議昨日表決通過`, `…今天上午决定…`).
pub(super) fn relative_day_of_decision(part: &str, page: Option<NaiveDate>) -> Option<NaiveDate> {
    const DECIDES: &[&str] = &[
        "表决", "通过", "决定", "任命", "免去", "宣布", "召开", "举行",
    ];
    let (at, day) = [("昨日", 1), ("昨天", 1), ("今日", 0), ("今天", 0)]
        .iter()
        .find_map(|(w, back)| find(part, w).map(|at| (at + w.len(), *back)))?;
    let after = part.get(at..)?;
    if !DECIDES.iter().any(|w| contains(after, w)) {
        return None;
    }
    let page = page?;
    if day == 0 {
        Some(page)
    } else {
        page.pred_opt()
    }
}

/// The day that opens a part and the sentence after it (`16日湖北省政协
/// 九届四次会议…`, `8月5日，…`'s day when no comma follows it), its month and
/// year from `page`; not a term's start or end (`1日起`, `3日至5日`).
pub(super) fn leading_day(part: &str, page: Option<NaiveDate>) -> Option<NaiveDate> {
    let at = part.find('日')?;
    let head = part.get(..at + '日'.len_utf8())?;
    let next = part.get(head.len()..)?.chars().next()?;
    let goes_on = ('\u{4e00}'..='\u{9fff}').contains(&next)
        && !"起至前后内以及和晚上下午中夜早间".contains(next);
    if !goes_on || head.chars().count() > 6 {
        return None;
    }
    sentence_date(head, page)
}

/// The day a meeting a part reports was held or closed (`…会议1月10日在武汉
/// 闭幕`, `…于2023年3月1日召开…会议`), its year from `page` when the part
/// gives none.
pub(super) fn meeting_day(part: &str, page: Option<NaiveDate>) -> Option<NaiveDate> {
    let meeting = ["会议", "大会"].iter().any(|w| contains(part, w))
        && ["闭幕", "举行", "召开"].iter().any(|w| contains(part, w));
    if !meeting {
        return None;
    }
    if let Some((date, _, _)) = numerals::find_date(part) {
        return Some(date);
    }
    let (month, day) = numerals::find_month_day(part)?;
    on_or_before(page?, month, day)
}

/// The text after a paper's lead (`新京报快讯（记者 冯琪）`, `本报讯`,
/// `【财新网】（记者 欧阳洪亮）`), when a part starts with one.
pub(super) fn after_lead(part: &str) -> Option<&str> {
    // `【财新网】(记者 欧阳洪亮 贺信)`: a source in brackets, a reporter.
    if let Some(rest) = part
        .strip_prefix('【')
        .and_then(|r| r.split_once('】'))
        .map(|(_, r)| r)
    {
        let reported = strip_reporter(rest);
        return Some(reported);
    }
    let at = part.find('讯')?;
    let head = part.get(..at)?;
    if head.chars().count() > 12 || head.contains(['，', '。', '；']) {
        return None;
    }
    Some(strip_reporter(part.get(at + '讯'.len_utf8()..)?))
}

/// `（记者 张三）` after a dateline.
fn strip_reporter(text: &str) -> &str {
    let t = text.trim_start();
    if (t.starts_with('（') || t.starts_with('('))
        && contains(t, "记者")
        && let Some(close) = t.find(['）', ')'])
    {
        let width = t
            .get(close..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        return t.get(close + width..).unwrap_or("").trim_start();
    }
    t
}

/// The day of `17日` at the end of a dateline's head.
fn day_alone(head: &str) -> Option<u32> {
    let body = head.strip_suffix('日')?;
    let digits: Vec<char> = body
        .chars()
        .rev()
        .take_while(|&c| numerals::is_numeral(c))
        .collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let text: String = digits.into_iter().rev().collect();
    numerals::small_number(&text)
}

/// The latest day `day` of a month on or before `page`.
fn on_or_before_in_month(page: NaiveDate, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(page.year(), page.month(), day).filter(|d| *d <= page);
    this.or_else(|| {
        let first = NaiveDate::from_ymd_opt(page.year(), page.month(), 1)?;
        let last_month = first.pred_opt()?;
        NaiveDate::from_ymd_opt(last_month.year(), last_month.month(), day)
    })
}

/// A part that is only a day, as a sentence that dates what follows
/// writes it (`2023年8月17日`, `8月17日上午`, `17日`, `昨天`, `日前`): the
/// day, its month and year from `page` when it does not give them.
pub(super) fn sentence_date(part: &str, page: Option<NaiveDate>) -> Option<NaiveDate> {
    let part = ["上午", "下午", "晚上", "晚间", "早上", "中午", "晚"]
        .iter()
        .find_map(|w| part.strip_suffix(w))
        .unwrap_or(part);
    // `昨日（23日）`: the day in brackets says which the word means.
    if let Some((_, day)) = part
        .strip_suffix(['）', ')'])
        .and_then(|p| p.split_once(['（', '(']))
        .filter(|(word, day)| RELATIVE_DAYS.iter().any(|(w, _)| w == word) && day.ends_with('日'))
    {
        return sentence_date(day, page);
    }
    if part.chars().count() > 14 {
        return None;
    }
    if let Some(&(_, back)) = RELATIVE_DAYS.iter().find(|(w, _)| *w == part) {
        return page?.checked_sub_days(chrono::Days::new(back));
    }
    if let Some((date, 0, end)) = numerals::find_date(part) {
        return (end == part.len()).then_some(date);
    }
    if let Some((date, 0, end)) = numerals::find_numeric_date(part) {
        return (end == part.len()).then_some(date);
    }
    let page = page?;
    if part.ends_with('日') && part.contains('月') {
        let (month, day) = numerals::find_month_day(part)?;
        let first = part.chars().next()?;
        return (numerals::is_numeral(first))
            .then(|| on_or_before(page, month, day))
            .flatten();
    }
    if part.ends_with('日') && part.chars().all(|c| c == '日' || numerals::is_numeral(c)) {
        return on_or_before_in_month(page, day_alone(part)?);
    }
    None
}

/// The words of a day relative to the page's, with how many days before
/// it each means.
const RELATIVE_DAYS: &[(&str, u64)] = &[
    ("昨天", 1),
    ("昨日", 1),
    ("今天", 0),
    ("今日", 0),
    ("前天", 2),
    ("前日", 2),
];

/// Whether `text` says what it reports happened some days before it was
/// written, on no day it gives (`日前`, `近日`, `近期`): the page's own
/// date then only bounds the decision, it does not date it. (`3月1日前`,
/// before a day, is no such word.)
pub(super) fn says_some_days_ago(text: &str) -> bool {
    ["近日", "近期"].iter().any(|w| text.contains(w))
        || text.match_indices("日前").any(|(at, _)| {
            !text
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_some_and(|c| c == '月' || numerals::is_numeral(c))
        })
}

/// Whether a part is only a time of a month and no day (`8月底`, `今年6月
/// 上旬`, `2024年9月初`): what follows happened on no day the text gives.
pub(super) fn month_without_day(part: &str) -> bool {
    let rest = ["今年", "去年", "同年", "当年"]
        .iter()
        .find_map(|w| part.strip_prefix(w))
        .unwrap_or_else(|| {
            let digits = part.bytes().take_while(u8::is_ascii_digit).count();
            part.get(digits..)
                .and_then(|r| r.strip_prefix('年'))
                .filter(|_| digits == 4)
                .unwrap_or(part)
        });
    let digits = rest.len() - rest.trim_start_matches(numerals::is_numeral).len();
    digits > 0
        && rest
            .get(digits..)
            .and_then(|r| r.strip_prefix('月'))
            .is_some_and(|r| ["底", "初", "中", "末", "上旬", "中旬", "下旬"].contains(&r))
}

/// The day a part says a decision was taken on (`国务院2015年7月21日决定`,
/// `会议于2023年3月1日决定任命…`, `…会议18日决定…`): a date just before
/// `决定`, its year (and month) from `page` when it does not give them.
pub(super) fn decided_on(part: &str, page: Option<NaiveDate>) -> Option<NaiveDate> {
    let at = find(part, "决定")?;
    let before = part.get(..at)?;
    let before = before.strip_suffix('，').unwrap_or(before);
    day_ending(before, page)
}

/// The day of a decision a part tells of by its date (`此前的4月24日的任免
/// 通知正式明确…`, h08; `国务院5月4日发布的通知`): a date just before the
/// notice or decision it names.
pub(super) fn notice_of_day(part: &str, page: Option<NaiveDate>) -> Option<NaiveDate> {
    [
        "的任免通知",
        "的通知",
        "的任免决定",
        "发布的任免",
        "发布的通知",
    ]
    .iter()
    .find_map(|w| {
        let before = part.get(..find(part, w)?)?;
        let before = ["发布", "下发", "印发"]
            .iter()
            .find_map(|v| before.strip_suffix(v))
            .unwrap_or(before);
        day_ending(before, page)
    })
}

/// The date that ends `before`: written in full, or the day alone or with
/// its month, its year (and month) from `page`.
fn day_ending(before: &str, page: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some((date, _, end)) = numerals::find_date(before) {
        return (end == before.len()).then_some(date);
    }
    // The day alone, or with its month, that ends the text before 决定.
    let tail_len: usize = before
        .chars()
        .rev()
        .take_while(|&c| c == '日' || c == '月' || numerals::is_numeral(c))
        .map(char::len_utf8)
        .sum();
    let tail = before.get(before.len() - tail_len..)?;
    (tail.ends_with('日') && tail.chars().count() >= 2)
        .then(|| sentence_date(tail, page))
        .flatten()
}

impl Layout {
    /// The date the layout gives the notice, with its source: the signing
    /// line, the adoption line, a date under the title, then the issue
    /// line and a page's header.
    pub(super) fn date(&self) -> Option<(NaiveDate, DateSource)> {
        self.signed
            .map(|d| (d, DateSource::Signed))
            .or(self.adopted.map(|d| (d, DateSource::Adopted)))
            .or(self.top.map(|d| (d, DateSource::Stated)))
            .or(self.issued.map(|d| (d, DateSource::Published)))
            .or(self.published.map(|d| (d, DateSource::Published)))
    }
}

/// `自DATE起` in a part: the date, the text before `自` and the text after
/// `起`. In parentheses (`…职务（自2022年6月20日起）`) the whole group is
/// taken out; a probation's start (`（试用期一年，自…起计算）`) is no date
/// of the event and is left to the markers.
pub(super) fn dated(part: &str) -> Option<(NaiveDate, String, String)> {
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

#[cfg(test)]
mod tests {

    #[test]
    fn a_day_at_a_names_end_is_taken_off() {
        assert_eq!(without_trailing_day("第一医药2月7日"), "第一医药");
        assert_eq!(without_trailing_day("某公司2024年12月30日"), "某公司");
        assert_eq!(without_trailing_day("某公司今日"), "某公司");
        assert_eq!(without_trailing_day("某公司"), "某公司");
        // (No day: a name that ends in 日 stays.)
        assert_eq!(without_trailing_day("某某日"), "某某日");
        assert_eq!(without_trailing_day("月7日"), "月7日");
    }
    use super::*;

    #[test]
    fn a_line_that_is_a_day_alone_says_whether_a_clock_follows() {
        assert_eq!(day_alone_on_line(" 2018-07-24 "), Some(false));
        assert_eq!(day_alone_on_line("2018年7月24日 10:00"), Some(true));
        assert_eq!(
            day_alone_on_line("2018/12/25 20:56(12/25 22:29 更新)"),
            Some(true)
        );
        assert_eq!(day_alone_on_line("2018-07-24 来源：新华社"), None);
        assert_eq!(day_alone_on_line("据报道 2018-07-24"), None);
        assert_eq!(day_alone_on_line("2018年7月24日，任命张三为局长"), None);
    }

    #[test]
    fn some_days_ago_is_said_by_its_words_not_by_a_day_before_which() {
        assert!(month_without_day("8月底"));
        assert!(month_without_day("今年6月上旬"));
        assert!(month_without_day("2024年9月初"));
        assert!(!month_without_day("8月3日"));
        assert!(!month_without_day("8月底前"));
        assert!(says_some_days_ago("教育部日前向人民大學發佈通知"));
        assert!(says_some_days_ago("董事会近日收到"));
        assert!(says_some_days_ago("近期，公司收到"));
        assert!(!says_some_days_ago("3月1日前到任"));
        assert!(!says_some_days_ago("于二月一日前报到"));
        assert!(!says_some_days_ago("2022年5月1日起"));
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn datelines_take_their_year_from_the_page() {
        let page = Some(day(2024, 1, 6));
        assert_eq!(
            dateline("新华社北京1月5日电", page),
            Some((day(2024, 1, 5), ""))
        );
        // A dateline in December read on a page of January.
        assert_eq!(
            dateline("新华社北京12月29日电　国务院任免", page).map(|d| d.0),
            Some(day(2023, 12, 29))
        );
        assert_eq!(
            dateline("本报北京5日电（记者 王五）任命", page),
            Some((day(2024, 1, 5), "任命"))
        );
        assert_eq!(dateline("新华社北京1月5日电", None), None);
        assert_eq!(dateline("他说，1月5日电视台", page), None);
    }

    #[test]
    fn sentences_that_date_what_follows() {
        let page = Some(day(2023, 8, 18));
        assert_eq!(sentence_date("8月17日上午", page), Some(day(2023, 8, 17)));
        assert_eq!(sentence_date("2022年3月1日", None), Some(day(2022, 3, 1)));
        assert_eq!(sentence_date("17日", page), Some(day(2023, 8, 17)));
        assert_eq!(sentence_date("昨天", page), Some(day(2023, 8, 17)));
        assert_eq!(sentence_date("昨日（16日）", page), Some(day(2023, 8, 16)));
        assert_eq!(sentence_date("8月17日", None), None);
        assert_eq!(sentence_date("会议于8月17日召开", page), None);
        assert_eq!(
            after_lead("新京报快讯（记者冯琪）11月21日"),
            Some("11月21日")
        );
        assert_eq!(after_lead("本报讯8月17日"), Some("8月17日"));
        assert_eq!(
            after_lead("【财新网】(记者欧阳洪亮贺信)12月3日下午"),
            Some("12月3日下午")
        );
        assert_eq!(
            relative_day_of_decision("上海市人大会议昨日表决通过", page),
            Some(day(2023, 8, 17))
        );
        assert_eq!(relative_day_of_decision("昨日天气晴", page), None);
        assert_eq!(
            leading_day("16日湖北省政协九届四次会议第二次大会选举", page),
            Some(day(2023, 8, 16))
        );
        assert_eq!(leading_day("1日起施行", page), None);
        assert_eq!(leading_day("8月17日", page), None);
        assert_eq!(
            meeting_day("湖北省十届人大常委会第十九次会议1月10日在武汉闭幕", page),
            Some(day(2023, 1, 10))
        );
        assert_eq!(meeting_day("会议1月10日在武汉", page), None);
    }

    #[test]
    fn a_part_that_says_when_the_decision_was_taken() {
        assert_eq!(
            decided_on("国务院2015年7月21日决定", None),
            Some(day(2015, 7, 21))
        );
        assert_eq!(
            decided_on("会议于2023年3月1日决定任命张三为局长", None),
            Some(day(2023, 3, 1))
        );
        assert_eq!(decided_on("2023年3月1日，县政府研究决定", None), None);
        assert_eq!(decided_on("国务院决定", None), None);
        let page = Some(day(2006, 1, 19));
        assert_eq!(
            decided_on(
                "北京市政协十届四次会议18日决定选举阳安江为北京市政协主席",
                page
            ),
            Some(day(2006, 1, 18))
        );
        assert_eq!(decided_on("会议18日决定", None), None);
    }

    #[test]
    fn a_posting_s_day_is_on_or_after_the_page() {
        let page = NaiveDate::from_ymd_opt(2026, 2, 11);
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(day_ahead("2024年5月14日", None), day(2024, 5, 14));
        assert_eq!(day_ahead("3月30日", page), day(2026, 3, 30));
        assert_eq!(day_ahead("1月5日", page), day(2027, 1, 5));
        assert_eq!(day_ahead("2月11日", page), day(2026, 2, 11));
        assert_eq!(day_ahead("下月九日", page), day(2026, 3, 9));
        assert_eq!(day_ahead("下月九日", day(2026, 12, 1)), day(2027, 1, 9));
        assert_eq!(day_ahead("明日", page), day(2026, 2, 12));
        assert_eq!(day_ahead("明年1月8日", day(2018, 12, 25)), day(2019, 1, 8));
        // No page: only a day written in full.
        assert_eq!(day_ahead("3月30日", None), None);
        assert_eq!(day_ahead("下月", page), None);
    }
}
