//! Reading one clause: its parts, each by a small recogniser (leading
//! verbs, a name and a verb, `其`, `该`), into events.
//!
//! A clause is atomic: it yields all its events or an error, never some.

use super::*;

/// How many events back `该` and an unmarked removal look for the
/// organisation they mean.
pub(super) const LOOK_BACK: usize = 64;

/// The parser's state across one notice's clauses.
#[derive(Default)]
pub(super) struct State {
    /// The section: after `任命：` appointments, after `免去：` removals.
    pub(super) mode: Option<EventKind>,
    /// The people named last, for `其`.
    pub(super) last: Vec<Person>,
    /// Whether `last` was named in the clause being read: a part that
    /// starts with its verb (`，不再担任…`) speaks of them only then.
    pub(super) named_here: bool,
    /// The clauses read so far (for numbering).
    pub(super) clauses: u32,
    pub(super) events: Vec<Event>,
    pub(super) effective: Option<NaiveDate>,
    /// Clauses that carry a date of their own: (clause index, date, text).
    pub(super) dated: Vec<(u32, NaiveDate, Segment)>,
    /// Posts under probation named in the current clause, for `终止试用期`.
    pub(super) trial: Vec<(Person, Post)>,
    /// An empty vector kept for the next clause's events, so that each
    /// clause need not allocate its own.
    pub(super) spare: Vec<Event>,
    /// The notice's title and issuer, whose place names (`某县`) start the
    /// names of the organisations it speaks of.
    pub(super) context: [String; 2],
    /// The day a meeting that decides was held (`公司于2023年3月1日召开第二届
    /// 董事会第八次会议`): the notice takes effect then unless it says
    /// otherwise.
    pub(super) meeting: Option<NaiveDate>,
    /// The notice's date, when known before its clauses are read.
    pub(super) signed: Option<NaiveDate>,
    /// The day a letter of resignation arrived (`董事会于2023年8月23日收到…
    /// 书面辞职报告`): a company officer's resignation takes effect then.
    pub(super) received: Option<NaiveDate>,
    /// Whether a letter of resignation arrived on a day the text does not
    /// give (`董事会于近日收到…辞职报告`): the resignations after it then
    /// take effect on no day the text gives, whatever dates the report.
    pub(super) received_lately: bool,
    /// The posts a resignation letter received was written from
    /// (`收到公司董事、总经理付道兴书面辞职申请`), which a `辞去上述职务`
    /// after it names.
    pub(super) letter_posts: Option<String>,
    /// Clauses of loose text whose events take effect on a day of their
    /// own (`该辞任自2024年8月25日起生效` after a resignation), or on none
    /// the text gives (a resignation received 近日), by clause index.
    pub(super) own_day: Vec<(u32, Option<NaiveDate>)>,
    /// The company or bank loose text last made the subject of a sentence
    /// (`上海银行公告称`), whose `公司` and `该行` its clauses then mean.
    pub(super) company: Option<String>,
    /// Whether `company` is a company whatever its name ends in: it convened
    /// a board meeting (`华东科技召开第九届董事会第四次会议`), or its
    /// listing named it (`晋西车轴(600495.SH)`, `南模生物公告`).
    pub(super) surely_company: bool,
    /// Text that no notice's layout heads (a news report, a web copy): a
    /// clause that fails and says nothing of appointments is passed over,
    /// and names need a surname.
    pub(super) loose: bool,
    /// The bodies loose text set up (`新组建…管委会`), latest last, which a
    /// post at the bare organ means (see `bodies`).
    pub(super) bodies: Vec<String>,
    /// Whether the clause before said a rumour follows (`…的消息广泛
    /// 流传：`), so that the next clause is one.
    pub(super) rumour_next: bool,
    /// The page's own date, for datelines and `昨天`.
    pub(super) page: Option<NaiveDate>,
    /// The year of the document a page with no date of its own cites
    /// (`根据弋医管委〔2019〕2号文件精神`), for a day it gives with its
    /// month only.
    pub(super) cited_year: Option<i32>,
    /// The day the text last gave a decision (a dateline, `8月17日，…`).
    pub(super) said_on: Option<(NaiveDate, DateSource)>,
    /// The day given each clause with events, by clause index.
    pub(super) said: Vec<(u32, (NaiveDate, DateSource))>,
    /// What was read as no event, with why.
    pub(super) passed: Vec<PassedOver>,
    /// The line of the segment being read.
    pub(super) line: u32,
    /// The parts of loose text that speak of appointments and were not
    /// read: (line, part, why).
    pub(super) unread: Vec<(u32, String, String)>,
}

/// The events of one clause being read.
pub(super) struct Clause<'n> {
    /// The clause's normalised text, whose parts are read.
    pub(super) text: &'n str,
    /// Whether a resignation read in it was found pending (so that it may
    /// end with no events and be no error).
    pub(super) pending: bool,
    pub(super) kind_mode: Option<EventKind>,
    pub(super) events: Vec<Event>,
    /// Where the previous part's events start.
    pub(super) part_start: usize,
    /// A date written for this clause alone (`李明自2022年7月1日起任…`,
    /// `任期自…起`).
    pub(super) date: Option<NaiveDate>,
    /// The signature of the part being read: every text read from it is
    /// made of pieces of it.
    pub(super) signature: Signature,
    /// Why the clause's parts are no decision, when a part said so: it
    /// speaks of the past (a résumé: `2020年6月，X任…`, `曾任…`) or passes
    /// on a rumour (`消息称，…`).
    pub(super) passed: Option<&'static str>,
    /// The organisation of the post the person named last holds now
    /// (`中国人民银行党委书记潘功胜`), for a bare title after it.
    pub(super) held: Option<String>,
    /// The place whose head a bare title names, by level (`省` of
    /// `副省长`), once looked for in the clause and the notice.
    pub(super) places: Vec<(char, Option<String>)>,
    /// Whether a resignation in it took effect on a day the text does not
    /// give (see [`State::received_lately`]).
    pub(super) lately: bool,
    /// The verb of the part just read, when it gave events: a part that
    /// is only posts continues its list (`…不再擔任A,B、C,D職務`).
    pub(super) listing: Option<Verb>,
    /// Whether a part of it foretold a move (`楊雄將調任…`): the one who
    /// succeeds `由…` after it is foretold too.
    pub(super) foretold: bool,
    /// Who took over from whom, the post left to the next part
    /// (`黃守宏已接替吉林(62歲),擔任…`, q24): (newcomers, leavers).
    pub(super) succeeded: Option<(Vec<Person>, Vec<Person>)>,
}

/// `X在ORG挂职任TITLE` written as `X挂职任ORGTITLE`: the organisation
/// before the verb, the title after it.
pub(super) fn at_organisation(text: &str) -> Option<String> {
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

/// The posts of a resignation, without `的请求` after them.
pub(super) fn resignation(text: &str) -> &str {
    let text = text.strip_suffix("的决定").unwrap_or(text);
    text.strip_suffix("的请求")
        .or_else(|| text.strip_suffix("请求"))
        .unwrap_or(text)
}

/// The organisation of the post a current title before a name holds
/// (`中国人民银行党委书记` of `…党委书记潘功胜`), for a bare title after it;
/// `None` for a former title (`中行原副行长`: the bank that appoints
/// him is its own, j21) or one without an organisation.
pub(super) fn organisation_held(title: &str) -> Option<String> {
    let last = split_top(title, &['、']).last()?;
    let last = ["现任", "时任"]
        .iter()
        .find_map(|w| last.strip_prefix(w))
        .unwrap_or(last);
    if ["前任", "原任", "原"].iter().any(|w| last.starts_with(w)) {
        return None;
    }
    // `…、常务副市长黄奇帆` (m11): a title alone names no organisation (not
    // `常务` of `副市长`).
    if lexicon::is_title(bare_post(last)) {
        return None;
    }
    let (org, _) = lexicon::split_post(bare_post(last))?;
    let org = without_gloss(org);
    (!org.ends_with('原')).then(|| org.to_owned())
}

/// An organisation without the short name glossed after it
/// (`中国人民银行（央行）` → `中国人民银行`); a second name of its own
/// (`…运行中心（济南市槐荫区大数据中心）`) stays.
fn without_gloss(org: &str) -> &str {
    let Some(open) = closing_group(org) else {
        return org;
    };
    let (name, group) = (
        org.get(..open).unwrap_or(org),
        org.get(open..).unwrap_or(""),
    );
    let short = inside(group);
    // `央行` for `中国人民银行`: short, and ending as the name does.
    let abbreviates = short.chars().count() <= 3 && short.chars().last() == name.chars().last();
    if abbreviates && !name.is_empty() {
        name
    } else {
        org
    }
}

/// The reason a part has no recognisable structure.
pub(super) fn no_structure(text: &str) -> String {
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

impl State {
    /// Reads one segment (a clause, or a heading that sets what follows),
    /// noting whether it announces a rumour for the next.
    pub(super) fn segment(&mut self, segment: &Segment) -> Result<(), String> {
        let norm = normalised(&segment.text);
        // (What this one says of the next is set once it is read.)
        let rumour_next = not_events::announces_rumour(&norm);
        let read = self.segment_norm(segment, &norm);
        self.rumour_next = rumour_next;
        read
    }

    /// [`State::segment`] of the segment's normalised text `norm`.
    fn segment_norm(&mut self, segment: &Segment, norm: &str) -> Result<(), String> {
        self.line = segment.line;
        let norm = norm.get(enumerator(norm)..).unwrap_or("");
        // A list's bullet (`•何书平任…`) is no part of the clause.
        let norm = norm.trim_start_matches(['•', '●', '■', '◆', '▪', '·', '-', '*', '►', '▶', '○']);
        let norm = norm
            .strip_prefix("决定")
            .filter(|_| segment.heading)
            .unwrap_or(norm);
        if segment.heading {
            // `新华社北京3月12日电　国家主席习近平…任免驻外大使如下：`: a
            // heading may date what follows.
            // (`…，國務院2015年7月21日決定：`: any of its parts.)
            for part in split_top(norm, &['，', ',']) {
                if self.day_said(part) == Some("") {
                    break;
                }
            }
            let head = norm.trim_end_matches(['，', ',']);
            if ["任命", "聘任", "聘用", "聘请", "任职", "任用"]
                .iter()
                .any(|w| head.ends_with(w))
            {
                self.mode = APPOINT;
            } else if ["免去", "免职", "解聘", "免除", "免", "接受", "罢免"]
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

    pub(super) fn clause(&mut self, segment: &Segment, norm: &str) -> Result<(), String> {
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
            passed: std::mem::take(&mut self.rumour_next).then_some(not_events::RUMOUR),
            held: None,
            places: Vec::new(),
            lately: false,
            listing: None,
            foretold: false,
            succeeded: None,
        };
        if let Some(reason) = clause.passed {
            self.pass(&clause, reason);
        }
        self.trial.clear();
        self.named_here = false;
        let mut spoke = false;
        for part in split_top(norm, &['，', ','])
            .flat_map(titles_joined)
            .flat_map(verbs_joined)
            .map(without_duty)
        {
            if part.is_empty() {
                continue;
            }
            let before = clause.events.len();
            let acted = match self.part(part, &mut clause) {
                Ok(acted) => acted,
                // Loose text is mostly prose, its sentences strung together
                // with commas: a part that fails is left out, the others
                // kept, and it is reported only when it speaks of
                // appointments.
                Err(reason) if self.loose => {
                    clause.events.truncate(before);
                    if speaks_of_appointments(part) {
                        self.unread.push((self.line, part.to_owned(), reason));
                    }
                    false
                }
                Err(e) => return Err(e),
            };
            spoke |= acted;
            if clause.events.len() > before {
                clause.part_start = before;
            } else {
                clause.listing = None;
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
        if let Some(day) = self.said_on {
            self.said.push((self.clauses, day));
        }
        if let Some(date) = clause.date {
            self.dated.push((self.clauses, date, segment.clone()));
        }
        if clause.lately {
            self.own_day.push((self.clauses, None));
        }
        if let Some(company) = self
            .company
            .clone()
            .filter(|c| self.loose && (self.surely_company || qualify::is_company(c)))
        {
            let issuer = qualify::Issuer::default().listed(Some(company));
            for event in &mut clause.events {
                if let Some(post) = issuer.qualify(&event.post) {
                    event.post = post;
                }
            }
        }
        let mut provenance = Provenance {
            clause: self.clauses,
            text: Arc::from(segment.text.trim()),
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
    pub(super) fn part(&mut self, part: &str, clause: &mut Clause) -> Result<bool, String> {
        // (Only the part right after a succession may name its post.)
        let succeeded = clause.succeeded.take();
        let part = match self.day_said(part) {
            Some("") => return Ok(false),
            Some(rest) => rest,
            None => part,
        };
        if self.loose {
            // (After a paper's lead: `【財華社訊】綠科科技國際(00195-HK)公布`.)
            let part = dates::after_lead(part).unwrap_or(part);
            if let Some(company) = qualify::listed_subject(part) {
                self.company = Some(company.to_owned());
                self.surely_company = true;
            } else if let Some(company) = qualify::subject_company(part) {
                self.company = Some(company.to_owned());
                self.surely_company = false;
            } else if let Some(company) = qualify::convenes_board(part) {
                self.company = Some(company.to_owned());
                self.surely_company = true;
            }
            if let Some(body) = bodies::set_up(part) {
                // (A few are all a text sets up; the search stays short.)
                if self.bodies.len() == LOOK_BACK {
                    self.bodies.remove(0);
                }
                self.bodies.push(body);
            }
        }
        // `上述辞任将自辞职函提交董事会之日起生效` (r14, h07): the
        // resignation takes effect on the day the letter arrives, here one
        // the text does not give (`董事會收到…辭呈` on a day it gives is
        // `received`).
        if self.loose
            && self.received.is_none()
            && let Some((before, _)) = part.split_once("之日起生效")
            && contains_any(before, &["辞任", "辞职", "辞呈", "辞去"])
            && !before.chars().any(|c| c.is_ascii_digit())
        {
            if clause.events.iter().any(|e| e.kind == EventKind::Remove) {
                clause.lately = true;
            } else {
                self.resigned_lately();
            }
            return Ok(false);
        }
        // `8月底，公司公告称，X已获委任为…` (r16): a time of no day; the
        // clause's events take effect on no day the text gives.
        if self.loose && dates::month_without_day(part) {
            clause.lately = true;
            return Ok(false);
        }
        // `…萧伟强为其副局长…。他将于8月15日就任` (i19): the day the
        // appointment just read takes effect.
        if self.loose
            && let Some(date) = takes_office(part).and_then(|day| dates::day_ahead(day, self.page))
        {
            self.took_office_on(date);
            return Ok(false);
        }
        // `蔡傑銘將於2024年5月14日出任…` (k03), `…朱曼鈴,將於下月九日出任…`
        // (p20): a posting announced with its day, no forecast.
        if let Some((who, day, v, rest)) = scheduled(part) {
            let people = match who {
                "" => self.named_here.then(|| self.last.clone()),
                who => named_before(who, self.loose).map(|(people, _)| people),
            };
            if let Some(people) = people.filter(|p| !p.is_empty()) {
                if let Some(date) = dates::day_ahead(day, self.page) {
                    clause.date = Some(date);
                }
                self.remember(people.clone());
                return self.push(clause, people, v, rest).map(|()| true);
            }
        }
        // `审议通过《关于选举张金良先生担任…董事长的议案》`: the motion a board
        // adopted is its decision.
        let part = adopted_motion(part).unwrap_or(part);
        // `…聘任黄文同志为广业集团总经理的决定` (l07): the end of a decision
        // announced by its title, no part of the last post.
        let part = ["的决定", "的通知"]
            .iter()
            .find_map(|w| part.strip_suffix(w))
            .filter(|p| p.contains('为'))
            .unwrap_or(part);
        // (In loose text: `此前担任…一职的郑杰…当选为…`, o08: the description
        // is no résumé.)
        let part = match self.loose {
            true => not_events::after_past_description(part).unwrap_or(part),
            false => part,
        };
        clause.signature = Signature::of(part);
        if self.passes_over(part, clause) {
            return Ok(false);
        }
        // `據了解,63歲的楊雄將調任全國人大財經委副主委,由…應勇升任市長`
        // (e11): who takes over from a move foretold is foretold as well.
        if clause.foretold && part.starts_with('由') {
            self.pass_part(part, "a forecast (将, 拟), not a decision");
            return Ok(false);
        }
        // (The part's signature first: most parts hold no forecast's word.)
        let signature = clause.signature;
        if ["将", "拟", "望"].iter().any(|w| signature.may_hold(w)) {
            clause.foretold |= foretells(part);
        }
        // `黃守宏已接替吉林(62歲),擔任…第一副院長` (q24): the post of the
        // succession just read.
        if let Some((newcomers, leavers)) = succeeded {
            // (`…接替王希勤同志,成为新的清华大学校长`, y17.)
            let taken = ["担任", "出任", "升任", "任", "成为新的", "成为"]
                .iter()
                .find_map(|w| part.strip_prefix("并").unwrap_or(part).strip_prefix(w));
            if let Some(post) = taken.filter(|p| !p.starts_with(['命', '免', '职', '期'])) {
                return self
                    .took_over(clause, newcomers, leavers, post)
                    .map(|()| true);
            }
        }
        // An effective date: `自2022年6月1日起` on its own (`…起执行`) is
        // the notice's; inside a clause (`李明自…起任…`, `任期自…起`) the
        // clause's, and the rest of the part is read.
        let owned;
        let mut part = part;
        // `str::contains` with a short needle is a vector search: cheaper
        // than the one-character searches in `dated`, which most parts,
        // with neither character, need not run.
        let may_be_dated = part.contains("自") || part.contains("从");
        if let Some((date, before, after)) = may_be_dated.then(|| dates::dated(part)).flatten() {
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
            // `该辞任自2024年8月25日起生效`: the day the resignation read
            // last takes effect.
            if formula && self.loose && resigns(&before) {
                self.resigned_on(date);
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
        // `是否免去张彦北大…的职务` (c16): a question, changes nobody.
        if ["是否", "是不是"].iter().any(|w| part.starts_with(w)) {
            self.pass_part(part, "a question asked (是否…), not a decision");
            return Ok(false);
        }
        // `提请省人民政府免去其…职务` (u02): a request to another body, which
        // decides it, not the issuer's decision. (`会议表决通过提请X任…`, e19,
        // is the body granting one: a decision.)
        if ["提请", "并提请", "同时提请"]
            .iter()
            .any(|w| part.starts_with(w))
        {
            self.pass_part(part, "a request to another body (提请…), not a decision");
            return Ok(false);
        }
        // `除免去X兼任的Y职务外`: besides is still a statement.
        let part = part
            .strip_prefix('除')
            .and_then(|p| p.strip_suffix('外'))
            .unwrap_or(part);
        let part = strip_opening(part, clause.signature, self.loose);
        // `同意提名董事、总经理邱子欣为董事长` (y14): a nomination, not the
        // decision. (Not `提名委员会…`, a board's committee.)
        if let Some(rest) = part
            .strip_prefix("同意")
            .unwrap_or(part)
            .strip_prefix("提名")
            && !rest.starts_with("委员会")
        {
            self.pass_part(part, "a nomination (提名…), not a decision");
            return Ok(false);
        }
        // `解聘后，周韡韡女士不再担任公司任何职务` (d09): what follows a
        // decision done, no decision.
        if part.is_empty() || ["解聘后", "免职后", "辞任后", "离任后", "卸任后"].contains(&part)
        {
            return Ok(false);
        }
        // `他因工作调整，辞去…` (g07): `他`, `她` is the person named last,
        // and why is an aside.
        if let Some(rest) = part
            .strip_prefix(['他', '她'])
            .filter(|r| r.starts_with('因') && !self.last.is_empty())
            && !rest.contains(['任', '免', '聘', '辞'])
        {
            self.remember(self.last.clone());
            return Ok(false);
        }
        // `…，兼任某办主任`, `…，不再担任某局局长职务`: the person just
        // named takes or leaves another post.
        if self.named_here && !self.last.is_empty() {
            let part = part.strip_prefix("同时").unwrap_or(part);
            let part = part.strip_prefix("一并").unwrap_or(part);
            // `同时相应辞去…` (o01).
            let part = part.strip_prefix("相应").unwrap_or(part);
            // `张斌先生因工作变动，申请辞去…` (g11): the request to resign.
            let part = part.strip_prefix('特').unwrap_or(part);
            // `…葉子季,本月18日起出任規劃署署長` (r27): from the day it
            // names.
            let part = match part
                .split_once('起')
                .filter(|(day, _)| day.chars().count() <= 10 && is_day(day))
            {
                Some((day, rest)) => {
                    if let Some(date) = dates::day_ahead(day, self.page) {
                        clause.date = Some(date);
                    }
                    rest
                }
                None => part,
            };
            // `向公司董事会提出辞去…` (r03): to whom it is asked.
            let part = part
                .strip_prefix('向')
                .and_then(|r| r.split_once("提出"))
                .map_or(part, |(_, r)| r);
            // (`已提出辞任公司…职务`, r14: done, and of posts named.)
            let part = part.strip_prefix('已').unwrap_or(part);
            let part = ["申请", "提出", "请求"]
                .iter()
                .find_map(|w| {
                    part.strip_prefix(w)
                        .filter(|r| r.starts_with("辞去") || r.starts_with("辞任"))
                })
                .unwrap_or(part);
            // `免去X…职务，任…调研员`: 任 alone, not 任命 or 任职.
            let appointed = part
                .strip_prefix('任')
                .filter(|r| !r.starts_with(['命', '免', '职', '期']))
                .map(|r| (r, verb("任", APPOINT, None)));
            if let Some((rest, v)) = FOLLOWING
                .iter()
                .find_map(|(w, v)| part.strip_prefix(w).map(|rest| (rest, *v)))
                // `辭任后仍繼續擔任…` (r24), `当选以来…`: a time, after the
                // verb's act.
                .filter(|(rest, _)| {
                    !rest.starts_with(['后', '前', '时', '之', '的']) && !rest.starts_with("以来")
                })
                .or(appointed)
            {
                let people = self.last.clone();
                self.push(clause, people, v, rest)?;
                return Ok(true);
            }
        }
        // (Before the leading verbs too: `任命傅成玉、王宜林分别担任…`, g26.)
        if part.contains("分别")
            && let Some(read) = self.respectively(part, clause)
        {
            return read.map(|()| true);
        }
        // (Before the leading verbs: `任命张晓明接替王光亚为…`, m21.)
        if part.contains("接替")
            && let Some(read) = self.succession(part, clause)
        {
            return read.map(|()| true);
        }
        for (word, kind) in [
            ("任命", EventKind::Appoint),
            ("聘任", EventKind::Appoint),
            ("聘用", EventKind::Appoint),
            ("聘请", EventKind::Appoint),
            ("委任", EventKind::Appoint),
            // `递补陈晓峰为第十三届全国人民代表大会代表` (p17): a seat
            // filled by the next on the list.
            ("递补", EventKind::Appoint),
            // A by-election (`补选张三为…常务委员会委员`), a member added.
            ("补选", EventKind::Appoint),
            ("增选", EventKind::Appoint),
            ("选举", EventKind::Appoint),
            ("推选", EventKind::Appoint),
            ("推举", EventKind::Appoint),
            ("增补", EventKind::Appoint),
            ("免去", EventKind::Remove),
            ("罢免", EventKind::Remove),
            ("免除", EventKind::Remove),
            ("解聘", EventKind::Remove),
            ("解除", EventKind::Remove),
            // `撤销张三的…职务`: a post revoked. (A notice rescinded,
            // `撤销…号文件中…的任命`, names no person's post here: the
            // correction notices are found by `correction.rs`.)
            ("撤销", EventKind::Remove),
        ] {
            if let Some(rest) = part.strip_prefix(word) {
                clause.kind_mode = Some(kind);
                // `免去了王松同志…职务` (l06): the 了 is the verb's; `免去
                // 现年六十二岁王志民的…` (m22): the age is no part of the name.
                let rest = rest.strip_prefix('了').unwrap_or(rest);
                let rest = if self.loose { without_age(rest) } else { rest };
                return self.named(rest, clause, true).map(|()| true);
            }
        }
        // `罗琦的…委员职务相应撤销`: posts that lapse with another.
        if let Some(body) = [
            "职务相应撤销",
            "职务相应终止",
            "职务自行终止",
            "职务随之终止",
        ]
        .iter()
        .find_map(|w| part.strip_suffix(w))
        {
            clause.kind_mode = REMOVE;
            return self.named(body, clause, true).map(|()| true);
        }
        if let Some(rest) = part.strip_prefix("接受") {
            // `会议接受了X辞去…` (k13): the 了 is the verb's.
            let rest = rest.strip_prefix('了').unwrap_or(rest);
            let Some((people, verb, posts_text, _)) = name_and_verb(
                rest,
                &[&[verb("辞去", REMOVE, None)]],
                clause.signature,
                self.loose,
            ) else {
                return Err("no name before 辞去 after 接受".to_owned());
            };
            self.push(clause, people, verb, resignation(posts_text))?;
            return Ok(true);
        }
        // `王军、王敏刚的代表资格自然终止` (p17), `终止张三的代表资格`: a
        // deputy's seat lapses, or is ended.
        let lapsed = ["的代表资格自然终止", "的代表资格终止"]
            .iter()
            .find_map(|w| part.strip_suffix(w))
            .or_else(|| {
                part.strip_prefix("终止")
                    .and_then(|r| r.strip_suffix("的代表资格"))
            });
        if let Some(who) = lapsed
            && let Some(people) = names(who)
        {
            self.push(clause, people, verb("终止", REMOVE, None), "代表")?;
            return Ok(true);
        }
        if let Some(rest) = part.strip_prefix("终止") {
            return self.terminate(rest, clause).map(|()| true);
        }
        if part.contains("由")
            && let Some(read) = self.taken_by(part, clause)
        {
            return read.map(|()| true);
        }
        if part.ends_with("接任")
            && let Some(read) = self.takes_over(part, clause)
        {
            return read.map(|()| true);
        }
        if self.loose
            && forms::LEFT_ALONE.iter().any(|w| part.ends_with(w))
            && let Some(read) = self.titles_removed(part, clause)
        {
            return read.map(|()| true);
        }
        if strip_markers(part).0.contains("试用期") && !part.contains('为') {
            // `张三在…副总经理试用期内考核不合格`: the post a later
            // `终止试用期` ends.
            let verbs: &[Verb] = &[
                verb("在", None, None),
                verb("担任", None, None),
                verb("的", None, None),
            ];
            if let Some((people, _, rest, _)) =
                name_and_verb(part, &[verbs], clause.signature, self.loose)
            {
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
        if self.loose
            && part.contains("新任")
            && let Some(read) = self.newly_in(part, clause)
        {
            return read.map(|()| true);
        }
        // What changes nobody's post (see `changes_nothing`) is no error.
        // A part that reads as nobody's appointment or removal may still
        // say when, or whether, the notice takes effect, or change nothing.
        match self.named(part, clause, false) {
            Ok(()) => Ok(true),
            Err(_) if continues_list(part, clause.listing) && self.named_here => {
                let (people, v) = (self.last.clone(), clause.listing);
                let v = v.unwrap_or(verb("", None, None));
                self.push(clause, people, v, part).map(|()| true)
            }
            Err(_) if self.titled_alone(part) => Ok(false),
            Err(_) if self.statement(part, clause) || self.introduces(part) || is_prose(part) => {
                Ok(false)
            }
            Err(_) if changes_nothing(part) => {
                self.pass_part(
                    part,
                    "changes nobody's post (a proposal, a nomination, a probation served)",
                );
                Ok(false)
            }
            // `张斌先生因工作变动，申请辞去…` (g11), `…黄少珠明日（2月12日）起，
            // 出任…` (k06): a name and why or from when the next part says
            // the person does what it says.
            Err(e) => {
                // (A reason in a part that holds a verb is a statement this
                // could not read, not an aside.)
                let aside = aside_after_name(part, self.loose)
                    .filter(|(_, day)| day.is_some() || !part.contains(['任', '免', '聘', '辞']));
                let Some((people, day)) = aside
                    .and_then(|(who, day)| named_before(who, self.loose).map(|(p, _)| (p, day)))
                else {
                    return Err(e);
                };
                if let Some(date) = day.and_then(|day| dates::sentence_date(day, self.page)) {
                    clause.date = Some(date);
                }
                self.remember(people);
                Ok(false)
            }
        }
    }

    /// The events of a table's row (see `table.rs`), as a clause of its own.
    pub(super) fn table_row(&mut self, row: table::Row, line: &Line<'_>) -> Result<(), String> {
        let people = names(&row.name).ok_or_else(|| format!("「{}」 is not a name", row.name))?;
        if row.events.is_empty() {
            // A name and a reason (`退休`) only: nothing to record.
            return Ok(());
        }
        self.clauses += 1;
        let provenance = Provenance {
            clause: self.clauses,
            text: Arc::from(line.raw.trim()),
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

    /// Whether a part of loose text is a current title and a name alone
    /// (`政府新聞處處長朱曼鈴,將於…出任…`, p20; `現任…常任秘書長廖李可期，
    /// 將於3月30日出任…`, k06): the person, whom the next part speaks of,
    /// is remembered.
    fn titled_alone(&mut self, part: &str) -> bool {
        if !self.loose {
            return false;
        }
        let who = part.strip_prefix("现任").unwrap_or(part);
        let Some((person, title)) = after_title(who) else {
            return false;
        };
        let titled = lexicon::split_post(title).is_some() || lexicon::is_title(title);
        if titled {
            self.remember(vec![person]);
        }
        titled
    }

    /// The people a later `其`, or a part that starts with its verb, means.
    pub(super) fn remember(&mut self, people: Vec<Person>) {
        self.last = people;
        self.named_here = true;
    }

    /// `X为POST`, `X的POST职务`, `其POST职务` … after an optional leading
    /// verb.
    pub(super) fn named(
        &mut self,
        text: &str,
        clause: &mut Clause,
        after_verb: bool,
    ) -> Result<(), String> {
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
        match name_and_verb(
            text,
            &[FIRST_VERBS, middle, LAST_VERBS],
            clause.signature,
            self.loose,
        ) {
            Some((people, v, rest, held)) => {
                // A bare title after a current one (`任命…党委书记潘功胜为
                // 行长`) is held at the current title's organisation.
                // (Not a former one: `聘任中行原副行长张金良为行长` is the
                // bank's that appoints him, j21.)
                clause.held = held.and_then(organisation_held);
                if v.kind.is_none() {
                    // `X因退休`: names the person a following `其` means.
                    self.remember(people);
                    return Ok(());
                }
                // `免去王毅兼任的外交部部长职务`: the post held alongside
                // is what is removed.
                let (v, rest) = match (v.word, rest.strip_prefix('的'), clause.kind_mode) {
                    ("兼任", Some(rest), Some(EventKind::Remove)) => {
                        (verb("的", REMOVE, Some(Flag::Concurrent)), rest)
                    }
                    _ => (v, rest),
                };
                let v = match (after_verb, v.word, clause.kind_mode) {
                    // `免去X的…`, `解聘X的…`: the leading verb decides.
                    (true, "的" | "同志", Some(kind)) => verb("的", Some(kind), v.flag),
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
                    .unmarked_list(text, clause)
                    .filter(|_| clause.kind_mode == REMOVE)
                {
                    Some((people, rest)) => {
                        self.push(clause, people, verb("的", REMOVE, None), rest)
                    }
                    None => Err(no_structure(text)),
                }
            }
        }
    }

    /// Adds to the clause an event for each of `people` and each post in
    /// `text`; they are then the people named last.
    pub(super) fn push(
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
        let written = self.refer_back(text, clause)?;
        // `推舉張偉為新任董事長`: the post, whoever is new in it.
        let written = match ["新任", "新一任"]
            .iter()
            .find_map(|w| written.strip_prefix(w))
        {
            Some(rest) if !rest.is_empty() => Cow::Owned(rest.to_owned()),
            _ => written,
        };
        let list = match posts(&written) {
            Ok(list) => list,
            // A bare title takes the organisation its sentence names: the
            // person's current post's, else the one named last in it.
            Err(e) => {
                // (The first of the first item: `总经理` of `总经理兼财务总监`.)
                let first = split_top(&written, &['、']).next().unwrap_or("");
                let bare = bare_post(AndSplit { rest: Some(first) }.next().unwrap_or(""));
                // A head of government's place, as the sentence or the
                // notice names it (`…省…人民代表大会…接受X辞去副省长职务`).
                // (Looked for once a clause and level: a clause of many
                // such parts stays linear.)
                let head = qualify::head_level(bare);
                let place = head.and_then(|level| {
                    if let Some((_, found)) = clause.places.iter().find(|(l, _)| *l == level) {
                        return found.clone();
                    }
                    let found = std::iter::once(clause.text)
                        .chain(self.context.iter().map(String::as_str))
                        .find_map(|text| qualify::place_headed(text, bare));
                    clause.places.push((level, found.clone()));
                    found
                });
                let head = head.is_some();
                let named = clause
                    .held
                    .clone()
                    .or_else(|| clause.events.last().map(|e| body_of(&e.post)))
                    .or(place)
                    // `公司董事会同意解聘周韡韡女士副总经理职务` (d09): the
                    // company whose organ decides, as its word for itself,
                    // written out from the issuer later.
                    .or_else(|| {
                        (!head)
                            .then(|| qualify::organ_of_itself(clause.text).map(str::to_owned))
                            .flatten()
                    })
                    // In loose text, the company a sentence made its subject
                    // (`中石油集团设立董事会，由蒋洁敏任董事长`), or the
                    // sentence before's organisation.
                    .or_else(|| {
                        (self.loose && !head)
                            .then(|| self.company.clone())
                            .flatten()
                    })
                    .or_else(|| {
                        (self.loose && !head)
                            .then(|| self.events.last().map(|e| body_of(&e.post)))
                            .flatten()
                    })
                    // `芮宏同志任党工委书记` under `建立…党工委` (r37).
                    .or_else(|| bodies::for_title(bare, &self.bodies));
                match named.filter(|_| lexicon::is_title(bare)) {
                    Some(org) => posts(&format!("{}{written}", held_at(&org, bare)))?,
                    None => return Err(e),
                }
            }
        };
        // `管委会主任` under `新组建…管委会` (r37): the body set up.
        let list = if self.bodies.is_empty() {
            list
        } else {
            list.into_iter()
                .map(|(post, flags)| (bodies::at_body(&post, &self.bodies).unwrap_or(post), flags))
                .collect()
        };
        if v.word == "辞去" && clause.date.is_none() {
            clause.date = self.received;
            clause.lately = self.received.is_none() && self.received_lately;
        }
        clause.part_start = clause.events.len();
        clause.listing = Some(v);
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
    pub(super) fn terminate(&mut self, text: &str, clause: &mut Clause) -> Result<(), String> {
        let (people, rest) = if let Some(rest) = text.strip_prefix('其') {
            if self.last.is_empty() {
                return Err("其 with no person named before it".to_owned());
            }
            (self.last.clone(), rest.strip_prefix('的').unwrap_or(rest))
        } else if text.starts_with("试用期") {
            (self.last.clone(), text)
        } else {
            let verbs: &[Verb] = &[verb("的", None, None), verb("担任", None, None)];
            match name_and_verb(text, &[verbs], clause.signature, self.loose) {
                Some((people, _, rest, _)) => (people, rest),
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
