//! What is read as no event: proposals and nominations, a probation
//! served, prose.
//!
//! It only says that a part changes nobody's post; it must never make or
//! drop an event.

use super::*;

/// Whether a part that reads as no appointment or removal changes nobody's
/// post: a proposal or nomination (`拟任…`, `提名为…人选`), a probation
/// served (`试用期满，考核合格，予以正式任职`), or the lapse of all other
/// posts (`原任职务自然免除`, `不再担任任何职务`).
pub(super) fn changes_nothing(part: &str) -> bool {
    // A proposal (`张三同志拟任…`, `提名免去…`) is no decision.
    ["拟任", "拟提名", "拟免", "拟聘"].iter().any(|w| contains(part, w))
        || ["提名", "建议"].iter().any(|w| part.starts_with(w))
        || (contains(part, "提名") && contains(part, "人选"))
        // `试用期满…予以正式任职`: the tenure goes on.
        || contains(part, "试用期满")
        || contains(part, "正式任职")
        || contains(part, "自然免除")
        || contains(part, "任何职务")
        // `辞任后仍将担任公司董事长…`: what goes on is no change.
        || ["仍将担任", "仍担任", "仍兼任", "继续担任", "留任"].iter().any(|w| contains(part, w))
}

/// The text with cited titles (`《…》`) taken out.
pub(super) fn without_titles(text: &str) -> String {
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
pub(super) fn is_prose(part: &str) -> bool {
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

/// Words of a résumé: what a person did before, not what is decided now.
const PAST: &[&str] = &[
    "曾任",
    "历任",
    "先后任",
    "先后担任",
    "此前",
    "早年",
    "出生",
    "生于",
    "毕业",
    "之前任",
];

/// Whether a part says what a person has held (`吳換炎擔任過兩屆全國政協
/// 委員`, z05: `担任过`, `出任过`), a résumé; not the 过 of `过渡`
/// (`出任过渡政府总理` takes a post).
fn has_held(part: &str) -> bool {
    occurrences(part, "任过").any(|at| {
        part.get(at + "任过".len()..)
            .is_some_and(|rest| !rest.starts_with('渡'))
    })
}

/// The part after a past word's description of the person a decision is
/// about (`此前担任扬州农商行行长一职的郑杰…当选为…`, o08; `曾任高雄副市長的
/// 楊明州…接任…`): after the description's `的` stand a name and, later, a
/// verb of taking or leaving a post, and no past word. `None` when the part
/// opens with no such description.
pub(super) fn after_past_description(part: &str) -> Option<&str> {
    const ACTS: &[&str] = &[
        "当选", "出任", "接任", "升任", "调任", "就任", "辞去", "辞任",
    ];
    let word = PAST.iter().find(|w| part.starts_with(*w))?;
    let (_, rest) = part.get(word.len()..)?.split_once('的')?;
    let named = (2..=3).any(|n| {
        let end = rest.char_indices().nth(n).map_or(rest.len(), |(at, _)| at);
        rest.get(..end)
            .is_some_and(|who| is_name(who) && has_surname(who))
    });
    (named && ACTS.iter().any(|v| rest.contains(v)) && !PAST.iter().any(|w| rest.contains(w)))
        .then_some(rest)
}

/// Why a rumour's parts are passed over.
pub(super) const RUMOUR: &str = "a rumour (消息称, 传闻), not a decision";

/// What opens a rumour passed on (`消息称，王玉普任中石化董事长`, `网传…`,
/// `有消息称…`); a source's report (`教育部发布消息称`, `《郑州晚报》消息称`)
/// opens otherwise.
const RUMOURS: &[&str] = &["消息称", "传闻", "网传", "据传", "传言", "坊间传"];

/// Whether a part opens a rumour: one of [`RUMOURS`], after `有` and an
/// adverb (`又有消息称`).
fn opens_rumour(part: &str) -> bool {
    let part = part.trim_start_matches(['又', '另', '还', '也', '更']);
    let part = part.strip_prefix('有').unwrap_or(part);
    RUMOURS.iter().any(|w| part.starts_with(w))
}

/// Whether a clause says that a rumour follows it (`一份…人事任命的消息被
/// 广泛流传：`, `…的消息广泛流传:`): it ends in `流传`, before its colon,
/// and speaks of a 消息 or 传闻.
pub(super) fn announces_rumour(clause: &str) -> bool {
    let end = clause.trim_end_matches(['：', ':', '。', ' ']);
    end.ends_with("流传") && (end.contains("消息") || end.contains("传闻"))
}

/// Whether a clause says anything of appointments, so that a clause of
/// loose text that fails to read is worth reporting.
pub(super) fn speaks_of_appointments(clause: &str) -> bool {
    [
        "任命", "免去", "聘任", "解聘", "免职", "任免", "辞去", "职务",
    ]
    .iter()
    .any(|w| contains(clause, w))
}

/// The words of a year a résumé or a report's background opens with: the
/// year then (`当年`, `同年`), or one before the report's (`去年1月，…其中
/// 彭娅任东风东路小学党总支书记`, f24).
const YEARS_OF_THE_PAST: &[&str] = &["当年", "同年", "去年", "前年"];

/// Whether a part opens with a year and no day (`2020年6月`, `2019年`,
/// `2023年11月任…`, a résumé's `当年9月`, `同年`, `去年1月`): a résumé's
/// dates, not a decision's.
fn opens_with_a_year(part: &str) -> bool {
    if let Some(rest) = YEARS_OF_THE_PAST.iter().find_map(|w| part.strip_prefix(w)) {
        return numerals::find_month_day(rest).is_none();
    }
    let digits = part.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4
        && part.get(4..).is_some_and(|r| r.starts_with('年'))
        && numerals::find_date(part).is_none_or(|(_, at, _)| at != 0)
}

impl State {
    /// Reads a day the text gives what follows: a news dateline
    /// (`新华社北京8月17日电`), or a part that is only a day (`8月17日`,
    /// `昨天`). Returns the rest of the part when it was one.
    pub(super) fn day_said<'p>(&mut self, part: &'p str) -> Option<&'p str> {
        if !part.contains('日') && !part.contains('天') {
            return None;
        }
        // `國務院2015年7月21日決定`: the day the decision was taken; the
        // part is read on.
        if let Some(day) =
            dates::decided_on(part, self.page).or_else(|| dates::notice_of_day(part, self.page))
        {
            self.said_on = Some((day, DateSource::Stated));
            return None;
        }
        if let Some((date, rest)) = dates::dateline(part, self.page) {
            // `新华网…2月26日电　25日上午，…`: the day the report gives.
            if let Some(day) = dates::sentence_date(rest, Some(date)) {
                self.said_on = Some((day, DateSource::Stated));
                return Some("");
            }
            self.said_on = Some((date, DateSource::Dateline));
            return Some(rest);
        }
        // `新京报快讯（记者 冯琪）11月21日`, `本报讯 8月17日`: a paper's lead.
        let part = dates::after_lead(part).unwrap_or(part);
        if let Some(date) = dates::sentence_date(part, self.page)
            .or_else(|| dates::month_day_in(part, self.cited_year?))
        {
            self.said_on = Some((date, DateSource::Stated));
            return Some("");
        }
        // `在刚刚过去的8月24日` (w24): on a day, what follows is of it.
        if let Some(on) = part.strip_prefix(['在', '于'])
            && let Some(date) =
                dates::sentence_date(on.rsplit_once('的').map_or(on, |(_, d)| d), self.page)
        {
            self.said_on = Some((date, DateSource::Stated));
            return Some("");
        }
        // `上海市人大會議昨日表決通過`: the day of what the part reports; the
        // part is read on.
        if let Some(date) = dates::relative_day_of_decision(part, self.page) {
            self.said_on = Some((date, DateSource::Stated));
        }
        // In a report: `16日湖北省政協…大會選舉…` (a day that opens the
        // sentence), `…常委會第十九次會議1月10日在武漢閉幕` (a meeting's
        // day); the part is read on.
        if self.loose
            && let Some(date) =
                dates::leading_day(part, self.page).or_else(|| dates::meeting_day(part, self.page))
        {
            self.said_on = Some((date, DateSource::Stated));
        }
        None
    }

    /// Whether a part is read as no event and reported so: a résumé (the
    /// rest of its clause with it), `代行…职责`.
    pub(super) fn passes_over(&mut self, part: &str, clause: &mut Clause) -> bool {
        if clause.passed.is_some() {
            return true;
        }
        if opens_rumour(part) {
            return self.pass_clause(clause, RUMOUR);
        }
        // The part's byte signature first: most parts hold none of these
        // words, and a search for each would cost more than the rest.
        // (`clause.signature` is the part's, set by `part` before this.)
        let signature = clause.signature;
        let may_hold = |w: &&str| signature.may_hold(w) && contains(part, w);
        // (`此前的4月24日的任免通知正式明确…`, h08: an earlier decision
        // told of, no résumé.)
        let told =
            |w: &&str| *w == "此前" && ["通知", "决定", "任免"].iter().any(|d| contains(part, d));
        // `近期可能宣布由趙文嘉正式接掌…` (o19): what may happen.
        if may_hold(&"可能")
            && let Some((_, after)) = part.split_once("可能")
            && ["任", "免", "由", "接"].iter().any(|w| after.contains(w))
        {
            self.pass(clause, "a forecast (可能), not a decision");
            return true;
        }
        let is_past =
            PAST.iter().any(|w| may_hold(w) && !told(w)) || (may_hold(&"任过") && has_held(part));
        let interim = may_hold(&"代行") && contains(part, "职责");
        if !is_past
            && !interim
            && !part.starts_with(|c: char| c.is_ascii_digit())
            && !YEARS_OF_THE_PAST.iter().any(|w| part.starts_with(w))
        {
            return false;
        }
        if is_past || opens_with_a_year(part) {
            return self.pass_clause(clause, "a résumé: what was held before, not a decision");
        }
        if interim {
            self.pass(
                clause,
                "carries out a post's duties in the interim (代行…职责): appoints nobody",
            );
            return true;
        }
        false
    }

    /// Passes over the clause from this part on, for `reason`.
    fn pass_clause(&mut self, clause: &mut Clause, reason: &'static str) -> bool {
        clause.passed = Some(reason);
        self.pass(clause, reason);
        true
    }

    /// Reports the part passed over, for `reason`.
    pub(super) fn pass_part(&mut self, part: &str, reason: &str) {
        self.passed.push(PassedOver {
            line: self.line,
            text: part.to_owned(),
            reason: reason.to_owned(),
        });
    }

    /// Reports the clause passed over, for `reason`.
    pub(super) fn pass(&mut self, clause: &Clause, reason: &str) {
        self.passed.push(PassedOver {
            line: self.line,
            text: clause.text.to_owned(),
            reason: reason.to_owned(),
        });
    }
}
