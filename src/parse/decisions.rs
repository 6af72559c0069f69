//! Attaching statements to the decisions they belong to: which events are
//! one decision, on which day, under which headline, and the same event
//! printed twice (a headline and the list under it) kept once.
//!
//! It only groups and drops repeats of what the clauses read; it must
//! never make an event or change one.

use super::*;

/// A decision's events with its day, if the text gives one.
pub(super) type Decision = (Option<(NaiveDate, DateSource)>, Vec<Event>);

/// Whether `short` is `long` written short (`工信部` for `工业和信息化部`,
/// `市委` for `天津市委`): its characters, the first the same, in the same
/// order, or its end.
fn abbreviates(short: &str, long: &str) -> bool {
    if short.len() >= long.len() {
        return false;
    }
    // `市委` for `天津市委`: the place dropped.
    if long.ends_with(short) {
        return true;
    }
    // `崇明区` for `上海市崇明区人民政府`: a place for its government, the
    // places above it dropped (e03: `接受缪京辞去崇明区区长职务` in the
    // lead, `…上海市崇明区人民政府区长…` in the decision).
    let governs = |rest: &str| rest == "人民政府" || rest == "政府";
    if short.ends_with(['省', '市', '区', '县', '州', '镇', '乡'])
        && long.match_indices(short).any(|(at, _)| {
            long.get(at + short.len()..).is_some_and(governs)
                && long.get(..at).is_some_and(|above| {
                    above.is_empty() || above.ends_with(['省', '市', '区', '州'])
                })
        })
    {
        return true;
    }
    if short.chars().next() != long.chars().next() {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

/// The company a report of a listed company's announcement names by its
/// listing (`哈工智能(000584.SZ)`, `南微医学（688029）`): its short name,
/// which the announcement's `公司` stands for.
///
/// ```text
/// 北京2月20日讯东阿阿胶(000423.SZ)今晚公告称 → 东阿阿胶
/// 华电国际(600027.SH)公告 → 华电国际
/// ```
pub(super) fn listed_company(region: &[Line<'_>]) -> Option<String> {
    // A roundup lists several companies so (`天山股份(000877.SZ)…`,
    // `ST中装(002822.SZ)…`, d23): it is none of theirs.
    let mut names = region.iter().filter_map(|line| listed_on(&line.norm));
    let first = names.next()?;
    names.all(|name| name == first).then_some(first)
}

/// The company a line names by its listing first, if it does.
fn listed_on(norm: &str) -> Option<String> {
    let open = norm.find(['(', '（'])?;
    if !is_stock_code(norm.get(open..)?) {
        return None;
    }
    let name = listed_name(norm.get(..open)?).to_owned();
    // `…讯,哈工智能(…)`: the name starts after the lead's punctuation,
    // and after a dateline's `讯` or `电` (`北京2月20日讯东阿阿胶(…)`).
    // (Only a dateline's: `华电国际` keeps its 电.)
    let name = ["日讯", "日电"]
        .iter()
        .filter_map(|w| name.rfind(w).map(|at| at + w.len()))
        .max()
        .and_then(|at| name.get(at..))
        .map_or(name.clone(), str::to_owned);
    (name.chars().count() >= 2).then_some(name)
}

/// Whether `text` opens with a listing's code in brackets (`(600495.SH)`,
/// `（股票代码：688029）`, `(2628)`, `(00195-HK)`).
pub(super) fn is_stock_code(text: &str) -> bool {
    let code = text
        .trim_start_matches(['(', '（'])
        .trim_start_matches("股票代码")
        .trim_start_matches(['：', ':']);
    let digits = code.bytes().take_while(u8::is_ascii_digit).count();
    // (A year in brackets is no code: `(2022)`.)
    let year = digits == 4
        && code
            .get(..4)
            .and_then(|y| y.parse::<u16>().ok())
            .is_some_and(|y| (1900..=2099).contains(&y));
    (4..=6).contains(&digits)
        && !year
        && code
            .get(digits..)
            .is_some_and(|r| r.starts_with(['.', ')', '）', '-']))
}

/// `text` without the listings' codes in brackets a portal writes after a
/// company's name (`山西汾酒(600809)(600809.SH)董事长`, q54).
pub(super) fn without_codes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['(', '（']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['(', '（']) {
        let (before, group) = rest.split_at(open);
        out.push_str(before);
        let close = group.find([')', '）']).filter(|_| is_stock_code(group));
        match close {
            Some(close) => {
                let width = group
                    .get(close..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
                rest = group.get(close + width..).unwrap_or("");
            }
            None => {
                let width = group.chars().next().map_or(1, char::len_utf8);
                out.push_str(group.get(..width).unwrap_or(""));
                rest = group.get(width..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The short name a listing writes before its code: the Han characters
/// at the end of `before`, at most 12, with the `ST` or `*ST` of a company
/// under special treatment (`ST中装(002822.SZ)`, d23).
pub(super) fn listed_name(before: &str) -> &str {
    let name = han_tail(before, 12);
    let head = before.len() - name.len();
    let Some(lead) = before.get(..head) else {
        return name;
    };
    ["*ST", "＊ST", "ST"]
        .iter()
        .find(|w| lead.ends_with(*w))
        .and_then(|w| before.get(head - w.len()..))
        .unwrap_or(name)
}

/// The short names a text defines for the bodies it names in quotation
/// brackets (`「香港特別行政區…薪津獨立委員會」(獨立委員會)`, p06), as
/// (short, full): a short name of two to eight Han characters in the
/// brackets right after the closing quote. (At most 16 a text: a
/// definition is written once.)
pub(super) fn defined_names(region: &[Line<'_>]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in region {
        let norm: &str = &line.norm;
        if norm.contains("简称") {
            abbreviated(norm, &mut out);
        }
        if !norm.contains('」') {
            continue;
        }
        for (at, _) in norm.match_indices('」') {
            let Some(after) = norm.get(at + '」'.len_utf8()..) else {
                continue;
            };
            let Some(inner) = after.strip_prefix(['（', '(']) else {
                continue;
            };
            let Some((short, _)) = inner.split_once(['）', ')']) else {
                continue;
            };
            let Some(full) = norm
                .get(..at)
                .and_then(|b| b.rsplit_once('「'))
                .map(|(_, f)| f)
            else {
                continue;
            };
            let han = short.chars().all(is_han);
            if han && (2..=8).contains(&short.chars().count()) && full.len() > short.len() {
                out.push((short.to_owned(), full.to_owned()));
            }
            if out.len() >= 16 {
                return out;
            }
        }
    }
    out
}

/// The short names `norm` defines after a body's name with `简称`
/// (`设置本科层次职业教育试点工作办公室（简称：“试点办”）`, j15): the name
/// being the run of Han characters before the bracket, after the verb that
/// set the body up; the short one as written and within its quotation
/// marks. The company's or the bank's own word (`以下简称“公司”`) is
/// [`defined_company`]'s.
fn abbreviated(norm: &str, out: &mut Vec<(String, String)>) {
    const OWN: &[&str] = &[
        "公司",
        "本公司",
        "本行",
        "本集团",
        "集团",
        "本院",
        "本校",
        "我行",
    ];
    for (at, _) in norm.match_indices("简称") {
        let (Some(before), Some(after)) = (norm.get(..at), norm.get(at + "简称".len()..)) else {
            continue;
        };
        let Some(before) = before
            .strip_suffix("以下")
            .unwrap_or(before)
            .strip_suffix(['（', '('])
        else {
            continue;
        };
        let Some((short, _)) = near_start(after, 12)
            .trim_start_matches(['：', ':'])
            .split_once(['）', ')'])
        else {
            continue;
        };
        let short = short.trim_matches(['“', '”', '"', '「', '」']);
        // (A name's last 40 characters: the look stays bounded however
        // long the line.)
        let before = near_end(before, 40);
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !is_han(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let full = before.get(start..).unwrap_or("");
        let full = ["新组建", "组建", "设置", "设立", "成立", "新设"]
            .iter()
            .find_map(|w| full.split_once(w).map(|(_, name)| name))
            .unwrap_or(full);
        if short.chars().all(is_han)
            && (2..=8).contains(&short.chars().count())
            && full.chars().count() > short.chars().count()
            && !OWN.contains(&short)
            && out.len() < 16
        {
            out.push((format!("“{short}”"), full.to_owned()));
            out.push((short.to_owned(), full.to_owned()));
        }
    }
}

/// The company a text defines as its `公司` (`东北制药集团股份有限公司（以下
/// 简称"公司"）`, l15), as DOMAIN.md writes `公司` out: the first such
/// definition, the name being the run of Han characters before its bracket
/// (at most 24 of them, ending as a company's or a bank's name does).
pub(super) fn defined_company(region: &[Line<'_>]) -> Option<String> {
    region.iter().find_map(|line| {
        let norm: &str = &line.norm;
        if !norm.contains("以下简称") {
            return None;
        }
        norm.match_indices("以下简称").find_map(|(at, _)| {
            let before = norm.get(..at)?;
            let before = before.strip_suffix(['(', '（'])?;
            let after = norm.get(at + "以下简称".len()..)?;
            let after = after.trim_start_matches(['：', ':', '为', '"', '“', '「', '\'']);
            if !(after.starts_with("公司") || after.starts_with("本公司")) {
                return None;
            }
            let name = han_tail(before, 25);
            let whole = name.chars().count() <= 24;
            (whole && qualify::is_company(name)).then(|| name.to_owned())
        })
    })
}

impl State {
    /// Drops an event the notice already states: the same event in
    /// another clause, or one whose organisation is another's written
    /// short (a headline's `工信部副部长` over the list's `工业和信息化部
    /// 副部长`), which gives way to the longer.
    pub(super) fn drop_repeats(&mut self) {
        let events = std::mem::take(&mut self.events);
        // The clauses that take effect on no day the text gives (a set:
        // asked once an event, it keeps the pass linear).
        let undated_clauses: std::collections::HashSet<u32> = self
            .own_day
            .iter()
            .filter(|(_, d)| d.is_none())
            .map(|(c, _)| *c)
            .collect();
        let undated = |clause: u32| undated_clauses.contains(&clause);
        let mut kept: Vec<Event> = Vec::with_capacity(events.len());
        for event in events {
            let alike = |k: &Event| {
                k.kind == event.kind
                    && k.person == event.person
                    && k.post.title() == event.post.title()
                    && k.provenance.clause != event.provenance.clause
            };
            let org = event.post.organisation();
            // Only a few events back: a repeat is printed near its twin,
            // and the search stays linear.
            let window = kept.len().saturating_sub(LOOK_BACK);
            let same = kept.iter().skip(window).position(|k| {
                alike(k)
                    && (k.post.organisation() == org || abbreviates(k.post.organisation(), org))
            });
            let shorter = kept
                .iter()
                .skip(window)
                .any(|k| alike(k) && abbreviates(org, k.post.organisation()));
            match same.and_then(|at| kept.get_mut(window + at)) {
                // (A headline's `重庆市长王鸿举称因年龄原因辞职`, of no known
                // day, gives way to the decision that dates it, e15.)
                Some(twin)
                    if twin.post.organisation() == org
                        && (!undated(twin.provenance.clause)
                            || undated(event.provenance.clause)) => {}
                Some(twin) => *twin = event,
                None if shorter => {}
                None => kept.push(event),
            }
        }
        self.events = kept;
    }

    /// The events as decisions: one for each day the text gives its
    /// clauses (a dateline, `8月17日，…`) when `may_split`, else one on the
    /// first such day; with no such day, one on `fallback`.
    pub(super) fn by_day(
        &mut self,
        fallback: Option<(NaiveDate, DateSource)>,
        may_split: bool,
    ) -> Vec<Decision> {
        let mut events = std::mem::take(&mut self.events);
        // Loose text's clauses that take effect on a day of their own (a
        // resignation's stated effect), or on none it gives (one received
        // 近日): a decision of that day, or of no known day.
        let mut own: Vec<Decision> = Vec::new();
        if self.loose && !self.own_day.is_empty() {
            // The latest day said for a clause wins (a stated effect over a
            // letter received 近日).
            let days: std::collections::HashMap<u32, Option<NaiveDate>> =
                std::mem::take(&mut self.own_day).into_iter().collect();
            let day_of = |clause: u32| days.get(&clause).copied();
            let mut group_of: std::collections::HashMap<Option<NaiveDate>, usize> =
                std::collections::HashMap::new();
            let mut rest = Vec::with_capacity(events.len());
            for event in events {
                match day_of(event.provenance.clause) {
                    Some(day) => {
                        let at = *group_of.entry(day).or_insert_with(|| {
                            own.push((day.map(|d| (d, DateSource::Stated)), Vec::new()));
                            own.len() - 1
                        });
                        if let Some((_, group)) = own.get_mut(at) {
                            group.push(event);
                        }
                    }
                    None => rest.push(event),
                }
            }
            events = rest;
        }
        let mut out = self.days(events, fallback, may_split);
        out.retain(|(_, events)| !events.is_empty());
        out.extend(own);
        out
    }

    /// The day the text said for `clause` (the latest said at or before
    /// it), if any.
    pub(super) fn said_for(&self, clause: u32) -> Option<(NaiveDate, DateSource)> {
        self.said
            .iter()
            .take_while(|(c, _)| *c <= clause)
            .last()
            .map(|(_, day)| *day)
    }

    /// [`State::by_day`] for the events of known days.
    fn days(
        &mut self,
        events: Vec<Event>,
        fallback: Option<(NaiveDate, DateSource)>,
        may_split: bool,
    ) -> Vec<Decision> {
        let Some(&(_, first)) = self.said.first() else {
            return vec![(fallback, events)];
        };
        if !may_split {
            return vec![(Some(first), events)];
        }
        let mut out: Vec<Decision> = Vec::new();
        // Events come in clause order: the day said for each is found by
        // walking the days along with them, and its decision by a map.
        let mut groups: std::collections::HashMap<(NaiveDate, DateSource), usize> =
            std::collections::HashMap::new();
        let mut said = self.said.iter().peekable();
        let mut day = first;
        for event in events {
            let clause = event.provenance.clause;
            while let Some(&&(c, d)) = said.peek() {
                if c > clause {
                    break;
                }
                day = d;
                said.next();
            }
            let at = *groups.entry(day).or_insert_with(|| {
                out.push((Some(day), Vec::new()));
                out.len() - 1
            });
            if let Some((_, events)) = out.get_mut(at) {
                events.push(event);
            }
        }
        out
    }

    /// The headline of loose text: its first line that is no clause, no
    /// page header and no date; else the start of its first statement.
    pub(super) fn headline(&self, region: &[Line<'_>]) -> String {
        let first_event_line = self
            .events
            .first()
            .and_then(|e| e.provenance.line)
            .unwrap_or(u32::MAX);
        let headline = region
            .iter()
            .take_while(|l| l.no <= first_event_line)
            .map(|l| &*l.norm)
            .find(|n| {
                !n.is_empty()
                    && !ends_clause(n)
                    && !n.starts_with(['(', '（'])
                    && (4..=60).contains(&n.chars().count())
                    && !is_page_header(n)
                    && numerals::find_numeric_date(n).is_none()
                    && numerals::find_date(n).is_none()
            });
        match headline {
            // A page's table cells and a picture's mark are no part of it.
            Some(h) => {
                let h = h.trim_matches(['|', '｜']);
                let h = ["(图)", "（图）", "(组图)", "（组图）"]
                    .iter()
                    .find_map(|w| h.strip_suffix(w))
                    .unwrap_or(h);
                h.trim_matches(['|', '｜']).to_owned()
            }
            None => self
                .events
                .first()
                .map(|e| e.provenance.text.chars().take(30).collect())
                .unwrap_or_default(),
        }
    }
}

/// How much a notice's word on an event counts, when a text states it in
/// two notices: a notice's own layout over loose text, a dated decision
/// over an undated one.
fn strength(loose: bool, dated: bool) -> u8 {
    u8::from(!loose) * 2 + u8::from(dated)
}

impl Read {
    /// Drops from the notices read in loose text each event another notice
    /// of the same text states (a headline above a decision that its own
    /// title heads, a news lead over the list it quotes): the same event
    /// in a notice whose word counts more (see [`strength`]) or as much and
    /// comes first, or one whose organisation it writes short. A notice
    /// left with no event goes. `loose` and `loose_undated` say which of
    /// `notices` and `undated` were read in loose text.
    pub(super) fn drop_loose_repeats(&mut self, loose: &[bool], loose_undated: &[bool]) {
        if !loose.iter().chain(loose_undated).any(|l| *l) {
            return;
        }
        type Key = (EventKind, String, String);
        let key = |e: &Event| {
            (
                e.kind,
                e.person.name().to_owned(),
                e.post.title().to_owned(),
            )
        };
        // Each slot (a notice, then an undated decision) with its strength.
        let count = self.notices.len();
        let slots: Vec<(bool, u8)> = loose
            .iter()
            .map(|&l| (l, strength(l, true)))
            .chain(loose_undated.iter().map(|&l| (l, strength(l, false))))
            .collect();
        let events_of = |read: &Read, slot: usize| -> Vec<Event> {
            match slot.checked_sub(count) {
                None => read
                    .notices
                    .get(slot)
                    .map_or_else(Vec::new, |n| n.notice.events.clone()),
                Some(u) => read
                    .undated
                    .get(u)
                    .map_or_else(Vec::new, |n| n.events.clone()),
            }
        };
        let mut stated: std::collections::HashMap<Key, Vec<(usize, String)>> =
            std::collections::HashMap::new();
        for slot in 0..slots.len() {
            for event in events_of(self, slot) {
                let seen = stated.entry(key(&event)).or_default();
                // A few statements of one event are all a text prints.
                if seen.len() < LOOK_BACK {
                    seen.push((slot, event.post.organisation().to_owned()));
                }
            }
        }
        let repeated = |slot: usize, event: &Event| {
            let own = slots.get(slot).map_or(0, |s| s.1);
            let org = event.post.organisation();
            stated.get(&key(event)).is_some_and(|others| {
                others.iter().any(|(other, other_org)| {
                    let theirs = slots.get(*other).map_or(0, |s| s.1);
                    *other != slot
                        && ((other_org == org
                            && (theirs > own || (theirs == own && *other < slot)))
                            || abbreviates(org, other_org))
                })
            })
        };
        for slot in 0..slots.len() {
            if !slots.get(slot).is_some_and(|s| s.0) {
                continue;
            }
            let kept: Vec<Event> = events_of(self, slot)
                .into_iter()
                .filter(|e| !repeated(slot, e))
                .collect();
            match slot.checked_sub(count) {
                None => {
                    if let Some(n) = self.notices.get_mut(slot) {
                        n.notice.events = kept;
                    }
                }
                Some(u) => {
                    if let Some(n) = self.undated.get_mut(u) {
                        n.events = kept;
                    }
                }
            }
        }
        self.notices.retain(|n| !n.notice.events.is_empty());
        self.undated.retain(|n| !n.events.is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(raw: &str) -> Line<'_> {
        Line::new(1, raw)
    }

    #[test]
    fn a_listings_codes_leave_the_name() {
        assert_eq!(
            without_codes("山西汾酒(600809)(600809.SH)董事长"),
            "山西汾酒董事长"
        );
        assert_eq!(
            without_codes("某公司（2022）董事长"),
            "某公司（2022）董事长"
        );
        assert_eq!(without_codes("某局局长"), "某局局长");
    }

    #[test]
    fn a_listing_names_the_company_after_a_dateline() {
        let named = |raw: &str| listed_company(&[line(raw)]);
        assert_eq!(
            named("北京2月20日讯东阿阿胶(000423.SZ)今晚公告称,").as_deref(),
            Some("东阿阿胶")
        );
        assert_eq!(
            named("华电国际(600027.SH)公告称").as_deref(),
            Some("华电国际")
        );
        assert_eq!(named("公司于2023年(第三季度)召开"), None);
    }

    #[test]
    fn a_place_abbreviates_its_government() {
        assert!(abbreviates("崇明区", "上海市崇明区人民政府"));
        assert!(abbreviates("崇明区", "崇明区人民政府"));
        assert!(!abbreviates("崇明区", "上海市崇明区人民法院"));
        assert!(!abbreviates("明区", "上海市崇明区人民政府"));
    }

    #[test]
    fn a_short_name_abbreviates_a_long_one() {
        assert!(abbreviates("工信部", "工业和信息化部"));
        assert!(abbreviates("市委", "天津市委"));
        assert!(!abbreviates("腊山街道办事处", "兴福街道办事处"));
    }

    #[test]
    fn a_short_name_is_defined_with_简称_and_the_company_s_own_word_is_not() {
        let mut found = Vec::new();
        abbreviated(
            "经研究，设置某试点工作办公室（简称：“试点办”），为处级机构",
            &mut found,
        );
        assert_eq!(
            found,
            vec![
                ("“试点办”".to_owned(), "某试点工作办公室".to_owned()),
                ("试点办".to_owned(), "某试点工作办公室".to_owned())
            ]
        );
        found.clear();
        abbreviated("某集团股份有限公司（以下简称“公司”）", &mut found);
        assert!(found.is_empty());
    }
}
