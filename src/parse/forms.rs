//! The forms of statement besides a leading verb and a name with its verb:
//! statements listed after one verb (`任命A为X、B为Y`), people who take
//! posts respectively (`A、B分别任X、Y`), successions (`X接替Y担任Z`), posts
//! taken by someone named after them (`Z由X兼任`), a motion a board adopted
//! (`审议通过《关于选举X担任Y的议案》`), the day a resignation takes
//! effect (`该辞任自…起生效`), a list of posts written on after a
//! comma (`不再擔任A,B、C,D職務`), and posts written before the name of
//! someone removed (`中鋼集團總裁、黨委副書記黃天文近日被免職`), and a
//! posting announced with the day it takes effect (`X將於2024年5月14日出任Y`).
//!
//! Each reads its form or says it is not one; it must never read a form
//! half (a clause is whole or an error).

use super::*;

/// A part cut before each leading verb that a `、` joins to what came before
/// (`免去王志刚的科学技术部部长职务、任命阴和俊为科学技术部部长`), and before
/// each name and its `为` or `的` after a post: statements, not a list of
/// posts.
pub(super) fn verbs_joined(part: &str) -> impl Iterator<Item = &str> {
    const LEADS: &[&str] = &["任命", "免去", "聘任", "解聘", "免除", "聘用", "罢免"];
    let mut rest = Some(part);
    std::iter::from_fn(move || {
        let text = rest.take()?;
        // A vector search first: almost no part holds a 、 before a verb.
        if !text.contains('、') {
            return Some(text);
        }
        let cut = occurrences(text, "、").find(|&at| {
            let Some(after) = text.get(at + '、'.len_utf8()..) else {
                return false;
            };
            LEADS.iter().any(|w| after.starts_with(w))
                // `表决通过了关于接受A辞去…的决定、关于接受B辞去…的决定`:
                // each decision adopted is a statement (h03).
                || (after.starts_with("关于")
                    && text.get(..at).is_some_and(|before| before.contains("通过")))
                // (The post first: a look at the end of what is before,
                // where a list of many people holds none.)
                || text.get(..at).is_some_and(|before| {
                    // (Only the end of what is before, the statement just
                    // read: a clause of many items stays linear.)
                    let tail = near_end(before, 61);
                    lexicon::split_post(&unquoted(bare_post(tail))).is_some()
                        && (named_statement(after)
                            // (After a move of its own: `由…副书记、常务副
                            // 市长黄奇帆出任…` is one person's titles.)
                            || (contains_any(tail, MOVES) && titled_statement(after)))
                })
        });
        match cut {
            Some(at) => {
                rest = text.get(at + '、'.len_utf8()..);
                text.get(..at)
            }
            None => Some(text),
        }
    })
}

/// A part without the duty written after its post (`姚夏任俱乐部副总经理并
/// 主管竞训`, n06; `…并负责财务工作`): what the person will do is no part of
/// the post.
pub(super) fn without_duty(part: &str) -> &str {
    const DUTIES: &[&str] = &["主管", "分管", "负责", "主持", "协助", "联系"];
    // A search for 并 first: almost no part holds one.
    occurrences(part, "并")
        .filter(|&at| at > 0)
        .find(|&at| {
            part.get(at + '并'.len_utf8()..)
                .is_some_and(|after| DUTIES.iter().any(|w| after.starts_with(w)))
        })
        .and_then(|at| part.get(..at))
        .unwrap_or(part)
}

/// The statement of a motion a part says was adopted (`审议通过《关于聘任
/// 张三为公司总经理的议案》` → `聘任张三为公司总经理`); not one that puts a
/// proposal or a nomination to another body (`《关于提请…的议案》`).
pub(super) fn adopted_motion(part: &str) -> Option<&str> {
    let inner = if part.contains('《') {
        // (`《…》和《…》`, the second cut by `titles_joined`, i05.)
        let at = ["通过了《", "通过《"]
            .iter()
            .find_map(|w| find(part, w).map(|at| at + w.len()))
            .or_else(|| part.starts_with('《').then_some('《'.len_utf8()))?;
        let inner = part.get(at..)?;
        let inner = inner.get(..inner.find('》')?)?;
        // The body that adopted it, before `关于` (`《遼寧省人民代表大會常務
        // 委員會關於接受…的決定》`, i05).
        let (body, about) = inner.split_once("关于")?;
        if body.chars().count() > 30 {
            return None;
        }
        about
    } else {
        // Written without the title's marks (`会议表决通过了关于接受林武辞去
        // …职务请求的决定`), or the next of a list so adopted (`关于接受蓝佛安
        // 辞去…职务请求的决定`, cut by `verbs_joined`): a decision's title
        // is the whole part.
        let rest = ["通过了关于", "通过关于"]
            .iter()
            .find_map(|w| find(part, w).map(|at| at + w.len()))
            .and_then(|at| part.get(at..))
            .or_else(|| part.strip_prefix("关于"));
        match rest {
            Some(rest) => {
                let rest = rest.trim_end_matches(['。', '；']);
                rest.ends_with("的决定").then_some(rest)?
            }
            // A motion named by what it does, and its vote after
            // (`聘任张春明为总经理兼财务总监的议案获8票同意`, d15).
            None => part.get(..find(part, "的议案")? + "的议案".len())?,
        }
    };
    // (`《关于接受X辞去…职务请求的决定》草案`: a congress's decision.)
    let inner = ["的议案", "议案", "的决定"]
        .iter()
        .find_map(|w| inner.strip_suffix(w))?;
    let inner = ["及相关安排", "及相关事项", "的相关事项"]
        .iter()
        .find_map(|w| inner.strip_suffix(w))
        .unwrap_or(inner);
    let proposes = ["提请", "提名", "推荐"]
        .iter()
        .any(|w| inner.starts_with(w));
    // A motion that names someone (`聘任张三为…`), not only a post
    // (`关于聘任公司副总经理的议案`, whose people the text gives after).
    // (`关于决定任命…`: the decision to appoint.)
    let motion = inner.strip_prefix("决定").unwrap_or(inner);
    let who = [
        "选举", "推选", "推举", "聘任", "任命", "免去", "解聘", "接受",
    ]
    .iter()
    .find_map(|w| motion.strip_prefix(w))?;
    let named = ["为", "担任", "任", "的", "辞去"]
        .iter()
        .filter_map(|v| find(who, v))
        .min()
        .and_then(|at| who.get(..at))
        .map(|name| {
            HONORIFICS
                .iter()
                .find_map(|h| name.strip_suffix(h))
                .unwrap_or(name)
        })
        .is_some_and(|name| (2..=4).contains(&name.chars().count()) && has_surname(name));
    (!proposes && named).then_some(motion)
}

/// A part cut between the titles of decisions it says were adopted
/// (`通过了《关于接受X辞去…的决定》和《关于决定任命Y为…的决定》`, i05): each
/// title is a statement.
pub(super) fn titles_joined(part: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(part);
    std::iter::from_fn(move || {
        let text = rest.take()?;
        let cut = ["》和《", "》、《", "》及《"]
            .iter()
            .filter_map(|w| find(text, w).map(|at| (at, w)))
            .min_by_key(|(at, _)| *at);
        match cut {
            Some((at, w)) => {
                let close = at + '》'.len_utf8();
                rest = text.get(at + w.len() - '《'.len_utf8()..);
                text.get(..close)
            }
            None => Some(text),
        }
    })
}

/// Whether the text before a date names a resignation (`该辞任`, `其辞职`,
/// `上述辞职`): what the date is the effect of.
pub(super) fn resigns(before: &str) -> bool {
    ["辞任", "辞职", "辞呈"].iter().any(|w| before.ends_with(w))
}

/// Whether a text starts with a name and its `为`, `的` or `担任`, as the
/// next statement of a list does after a post (`任命劉江華為民政事務局局長、
/// 張雲正為公務員事務局局長`, `免去曾德成的…職務、鄧國威的…職務`,
/// `江绵恒兼任上海分院院长、华仁长担任…`), or with names that share a verb
/// (`…会长、吴筱蓉、钱益明、褚慧当选为区红十字会副会长`, l23).
fn named_statement(text: &str) -> bool {
    const VERBS: &[&str] = &[
        "为",
        "的",
        "担任",
        "兼任",
        "出任",
        "当选为",
        "当选",
        "升任",
        "调任",
        "改任",
        "转任",
    ];
    // `任` alone, not `任命`, `任免`, `任职`, `任期`.
    let alone = |r: &str| {
        r.strip_prefix('任')
            .is_some_and(|r| !r.starts_with(['命', '免', '职', '期']))
    };
    let verb_at = |rest: &str| {
        VERBS.iter().any(|v| rest.starts_with(v))
            || alone(rest)
            // `梁冬波同志任…`.
            || HONORIFICS
                .iter()
                .any(|h| rest.strip_prefix(h).is_some_and(|r| alone(r) || VERBS.iter().any(|v| r.starts_with(v))))
    };
    // (No word of a body or a post: `管委会主任` is no name and its 任, x11.)
    let is_name = |name: &str| has_surname(name) && names::is_name(name);
    // Up to eight names, each of two to four characters, joined by `、`.
    let mut rest = text;
    for _ in 0..8 {
        let mut next = None;
        for (at, _) in rest.char_indices().skip(2).take(3) {
            let (Some(name), Some(after)) = (rest.get(..at), rest.get(at..)) else {
                break;
            };
            if !is_name(name) {
                break;
            }
            if verb_at(after) {
                return true;
            }
            if next.is_none() {
                next = after.strip_prefix('、');
            }
        }
        match next {
            Some(after) => rest = after,
            None => return false,
        }
    }
    false
}

/// Whether `text` starts with a statement of a name after the title held
/// before (`原“外交部政务次长”丁懋时升任…`, `…郑为元现任…`, k16), within a
/// title's and a name's length.
fn titled_statement(text: &str) -> bool {
    let head = near_start(text, 40);
    head.char_indices().any(|(at, _)| {
        let (Some(who), Some(after)) = (head.get(..at), head.get(at..)) else {
            return false;
        };
        MOVES.iter().any(|v| after.starts_with(v))
            && after_title(who.strip_prefix('原').unwrap_or(who)).is_some()
    })
}

/// The verbs of a move in a list of moves (`…升任…、…现任…`, k16).
const MOVES: &[&str] = &["升任", "调任", "改任", "转任", "出任", "担任", "现任"];

/// The words that end a part saying its person left the posts written
/// before the name (see [`State::titles_removed`]): those of a removal
/// or a departure told of, which date it as the report does, then those
/// of a resignation, which takes effect on a day of its own.
pub(super) const LEFT_ALONE: &[&str] = &[
    "免职",
    "卸任",
    "撤职",
    "解职",
    "辞职",
    "辞任",
    "离任",
    "离职",
    "请辞获准",
    "请辞",
];

/// How many of [`LEFT_ALONE`] are a removal or departure told of.
const TOLD_OF: usize = 4;

/// The words before a resignation that ask for it rather than make it.
const ASKED: &[&str] = &["申请", "提出", "请求", "要求", "提交", "宣布将", "递交"];

impl State {
    /// Dates the removals of the latest clause that has someone resign
    /// (in loose text, read from `辞去`), a day of their own.
    pub(super) fn resigned_on(&mut self, date: NaiveDate) {
        self.latest_of_kind_on(EventKind::Remove, date);
    }

    /// Dates the appointments of the latest clause that has someone
    /// appointed, a day of their own: the day the person takes office
    /// (`他将于8月15日就任`, i19).
    pub(super) fn took_office_on(&mut self, date: NaiveDate) {
        self.latest_of_kind_on(EventKind::Appoint, date);
    }

    /// Gives the latest clause with an event of `kind` the day `date`.
    /// Leaves the removals of the latest clause that has someone resign on
    /// no day the text gives (`…自辞职函提交董事会之日起生效`).
    pub(super) fn resigned_lately(&mut self) {
        if let Some(clause) = self.latest_clause_of(EventKind::Remove) {
            self.own_day.push((clause, None));
        }
    }

    /// The latest clause, a few events back, with an event of `kind`.
    fn latest_clause_of(&self, kind: EventKind) -> Option<u32> {
        self.events
            .iter()
            .rev()
            .take(LOOK_BACK)
            .find(|e| e.kind == kind)
            .map(|e| e.provenance.clause)
    }

    fn latest_of_kind_on(&mut self, kind: EventKind, date: NaiveDate) {
        let Some(clause) = self.latest_clause_of(kind) else {
            return;
        };
        // (The latest day said for a clause is its day: see `by_day`.)
        self.own_day.push((clause, Some(date)));
    }

    /// `李尚福、郑栅洁分别履新国防部部长、国家发改委主任`: each person takes
    /// the post in the same place of the list. `None` when the part is not
    /// so written, or the lists differ in length.
    pub(super) fn respectively(
        &mut self,
        part: &str,
        clause: &mut Clause,
    ) -> Option<Result<(), String>> {
        const VERBS: &[(&str, Option<EventKind>)] = &[
            ("担任", APPOINT),
            ("出任", APPOINT),
            ("履新", APPOINT),
            // `庄小红、庄绪初分别接任董事长与总裁职位` (d23).
            ("接任", APPOINT),
            ("当选为", APPOINT),
            ("任命为", APPOINT),
            ("被任命为", APPOINT),
            ("任", APPOINT),
            ("为", APPOINT),
            ("不再担任", REMOVE),
        ];
        let (who, rest) = part.split_once("分别")?;
        // `中组部任命傅成玉、王宜林分别担任…` (g26): the appointing verb
        // before the names.
        let who = ["任命", "聘任", "选举"]
            .iter()
            .find_map(|w| who.split_once(w).map(|(_, after)| after))
            .filter(|after| names(after).is_some())
            .unwrap_or(who);
        let (rest, kind) = VERBS
            .iter()
            .find_map(|(w, kind)| rest.strip_prefix(w).map(|r| (r, *kind)))?;
        // `张勇和毕井泉不再担任…一职,分别出任…`: the people the clause named
        // last (h08).
        let people = match who {
            "" if self.named_here && self.last.len() > 1 => self.last.clone(),
            _ => names(who)?,
        };
        if self.loose && !people.iter().all(|p| has_surname(p.name())) {
            return None;
        }
        let written = match self.refer_back(rest, clause) {
            Ok(written) => written,
            Err(e) => return Some(Err(e)),
        };
        let list = match posts(&written) {
            Ok(list) => list,
            Err(e) => return Some(Err(e)),
        };
        // `…分别担任中石化集团和中海油总公司董事长` (g26): one title, the
        // organisations joined, one for each person.
        let list = match list.as_slice() {
            [(post, flags)] if people.len() >= 2 => {
                let orgs: Vec<&str> = post.organisation().split(['和', '、', '及']).collect();
                if orgs.len() == people.len() && orgs.iter().all(|o| o.chars().count() >= 2) {
                    orgs.iter()
                        .map(|o| (Post::new(o, post.title()), *flags))
                        .collect()
                } else {
                    list
                }
            }
            _ => list,
        };
        if people.len() != list.len() || people.len() < 2 {
            return None;
        }
        let kind = kind?;
        clause.part_start = clause.events.len();
        for (person, (post, flags)) in people.iter().zip(list) {
            let mut event = Event::new(kind, person.clone(), post);
            event.flags = flags;
            clause.events.push(event);
        }
        self.remember(people);
        Some(Ok(()))
    }

    /// `新任外交部長吳釗燮、國防部長嚴德發` (r07), `…還有新任縣府財政處長陳
    /// 國庭、綜合發展處處長魏志成` (p16): each person newly in the posts
    /// written before the name. A title with no name after it is the next
    /// name's too. `None` when any item is no titled name, when the list
    /// names one person only, or when the words before say it is not done
    /// (`将`, `拟`).
    pub(super) fn newly_in(
        &mut self,
        part: &str,
        clause: &mut Clause,
    ) -> Option<Result<(), String>> {
        let at = find(part, "新任")?;
        let (before, list) = (part.get(..at)?, part.get(at + "新任".len()..)?);
        if forecast(before) || before.ends_with(['原', '前']) {
            return None;
        }
        let mut found: Vec<(Person, String)> = Vec::new();
        // The titles written before the name they belong to.
        let mut pending: Vec<&str> = Vec::new();
        for item in split_top(list, &['、']) {
            match after_title(item).filter(|(p, _)| has_surname(p.name())) {
                Some((person, title)) => {
                    pending.push(title);
                    found.push((person, pending.join("、")));
                    pending.clear();
                }
                None if lexicon::split_post(item).is_some() || lexicon::is_title(item) => {
                    pending.push(item);
                }
                None => return None,
            }
        }
        // (One titled name is as often a description, `新任国家体育总局局长
        // 苟仲文就曾表达过…`, q33, as news of the post: a list is news.)
        if found.len() < 2 || !pending.is_empty() {
            return None;
        }
        clause.part_start = clause.events.len();
        let mut people = Vec::with_capacity(found.len());
        for (person, titles) in found {
            let list = match posts(&titles) {
                Ok(list) => list,
                Err(e) => return Some(Err(e)),
            };
            for (post, flags) in list {
                let mut event = Event::new(EventKind::Appoint, person.clone(), post);
                event.flags = flags;
                clause.events.push(event);
            }
            people.push(person);
        }
        self.remember(people);
        Some(Ok(()))
    }

    /// `中鋼集團總裁、黨委副書記黃天文近日被免職` (g17), `原社长张研农卸任`
    /// (n09), `行政總裁嚴志雄…已於2018年12月29日辭任` (j11): the posts
    /// written before the name are the ones the person is removed from or
    /// leaves. `None` when the part is not so written, or asks to leave
    /// (`申请辞职`).
    pub(super) fn titles_removed(
        &mut self,
        part: &str,
        clause: &mut Clause,
    ) -> Option<Result<(), String>> {
        let (who, word) = LEFT_ALONE
            .iter()
            .find_map(|w| part.strip_suffix(w).map(|who| (who, *w)))?;
        // `…申请辞职`, `…提出辞任`: asked for, not done.
        if ASKED.iter().any(|w| who.ends_with(w)) || forecast(who) {
            return None;
        }
        // (`易綱遭免職`, a23: 遭 is news prose's 被.)
        let who = who.strip_suffix(['被', '遭']).unwrap_or(who);
        // (White space in a headline parts its phrases: `三省委书记易帅
        // 应勇因年龄卸任`, c13, names no post before 应勇.)
        let who = who.rsplit_once([' ', '\u{3000}']).map_or(who, |(_, w)| w);
        let who = without_adverbs(who).trim_end_matches(['已', '亦', '也', '均']);
        // A resignation told of (`公告称,董事长张朝宏辞职`, d13) took effect
        // on a day the report does not give, unless it says one
        // (`…嚴志雄已於2018年12月29日辭任`, j11).
        let said = who
            .rsplit_once('于')
            .and_then(|(before, day)| Some((before, dates::sentence_date(day, self.page)?)));
        let who = said.map_or(who, |(before, _)| {
            before.trim_end_matches(['已', '亦', '也', '均'])
        });
        // `…嚴志雄因專注於其他事務…辭任`: the reason is no part of the name,
        // nor what says it (`重庆市长王鸿举称因年龄原因辞职`, e15).
        let who = who.split_once('因').map_or(who, |(before, _)| {
            let before = ["称", "表示", "说"]
                .iter()
                .find_map(|w| before.strip_suffix(w))
                .unwrap_or(before);
            if after_title(before).is_some() {
                before
            } else {
                who
            }
        });
        // (`中國大陸的…`: what the report says of the place first.)
        let who = who.rsplit_once('的').map_or(who, |(_, w)| w);
        let (person, titles) = after_title(who)?;
        // (`原…局长张三被免职`: the post held until now.)
        let titles = ["前任", "原任", "现任", "时任", "原"]
            .iter()
            .find_map(|w| titles.strip_prefix(w))
            .unwrap_or(titles);
        // (Only now that the part is read: a part that is not leaves the
        // clause as it was.)
        match said {
            Some((_, date)) => clause.date = Some(date),
            None => {
                clause.lately |= !LEFT_ALONE
                    .get(..TOLD_OF)
                    .is_some_and(|told| told.contains(&word))
            }
        }
        let titles = decisions::without_codes(titles);
        Some(self.push(clause, vec![person], verb("免职", REMOVE, None), &titles))
    }

    /// `王蒙徽接替应勇担任湖北省委书记`: the first takes the post, the second
    /// leaves it; `任命张晓明接替王光亚为港澳办主任`; the post may come in
    /// the next part (`黃守宏已接替吉林(62歲),擔任…`, see
    /// [`Clause::succeeded`]). `None` when the part is not so written.
    pub(super) fn succession(
        &mut self,
        part: &str,
        clause: &mut Clause,
    ) -> Option<Result<(), String>> {
        let (who, rest) = part.split_once("接替")?;
        // `陳一軍將接替陳求發出任…`: a forecast, no decision.
        if forecast(who) {
            self.passed.push(PassedOver {
                line: self.line,
                text: part.to_owned(),
                reason: "a forecast (将, 拟), not a decision".to_owned(),
            });
            return Some(Ok(()));
        }
        // `顯示黃守宏已接替…`: what a page shows, and that it is done, are
        // no part of the name; nor is the decision's verb (`任命X接替…`).
        let who = without_adverbs(who).trim_end_matches(['已', '亦', '也', '均']);
        // (`國務院公布任命張曉明接替…`: what stands before the verb too.)
        let who = ["显示", "宣布", "任命", "决定"]
            .iter()
            .filter_map(|w| who.rfind(w).map(|at| at + w.len()))
            .max()
            .and_then(|at| who.get(at..))
            .unwrap_or(who);
        let (newcomer, title) = names(who)
            .filter(|p| p.iter().all(|p| has_surname(p.name())))
            .map(|p| (p, None))
            .or_else(|| after_title(who).map(|(p, t)| (vec![p], Some(t))))?;
        // The earliest verb of taking the post (`为` of `…主任` is no 任).
        let taken = ["担任", "出任", "升任", "任", "为"]
            .iter()
            .filter_map(|w| find(rest, w).map(|at| (at, w.len())))
            .min_by_key(|&(at, len)| (at, usize::MAX - len));
        let (left, post) = match taken {
            Some((at, len)) => (rest.get(..at)?, rest.get(at + len..)?),
            None => (rest, ""),
        };
        // `吉林(62歲)`: an age after the name.
        let left = closing_group(left)
            .and_then(|open| left.get(..open))
            .unwrap_or(left);
        let leaver = names(left).filter(|p| p.iter().all(|p| has_surname(p.name())))?;
        if let Some(org) = title.and_then(organisation_held) {
            clause.held = Some(org);
        }
        if post.is_empty() {
            clause.succeeded = Some((newcomer.clone(), leaver));
            self.remember(newcomer);
            return Some(Ok(()));
        }
        Some(self.took_over(clause, newcomer, leaver, post))
    }

    /// The events of a succession: the leavers leave `post`, the
    /// newcomers take it.
    pub(super) fn took_over(
        &mut self,
        clause: &mut Clause,
        newcomers: Vec<Person>,
        leavers: Vec<Person>,
        post: &str,
    ) -> Result<(), String> {
        self.push(clause, leavers, verb("接替", REMOVE, None), post)?;
        self.push(clause, newcomers, verb("接替", APPOINT, None), post)
    }

    /// `新的党委书记由武汉市卫健委副主任王卫华兼任`: the post first, then who
    /// takes it. `None` when the part is not so written.
    pub(super) fn taken_by(
        &mut self,
        part: &str,
        clause: &mut Clause,
    ) -> Option<Result<(), String>> {
        let (post, rest) = part.split_once('由')?;
        // `李明不再担任…，由张伟接任`: the posts just left.
        if post.is_empty() {
            return self.takes_over(rest, clause);
        }
        // `而香港中聯辦主任則由王志民接任` (m21), `政府新聞處處長就由…接任`
        // (p20): the words that join it to the sentence before.
        let post = post.strip_prefix('而').unwrap_or(post);
        let post = post.strip_suffix(['则', '就']).unwrap_or(post);
        // `郝平由北京大学党委书记转任校长`: from one post to another.
        if let Some(people) = names(post).filter(|p| p.iter().all(|p| has_surname(p.name()))) {
            let (from, to) = ["转任", "调任", "改任", "升任", "任"]
                .iter()
                .find_map(|w| rest.split_once(w))?;
            return Some(
                self.push(clause, people.clone(), verb("由", REMOVE, None), from)
                    .and_then(|()| self.push(clause, people, verb("任", APPOINT, None), to)),
            );
        }
        let (who, v) = [
            ("兼任", verb("兼任", APPOINT, Some(Flag::Concurrent))),
            ("担任", verb("担任", APPOINT, None)),
            ("出任", verb("出任", APPOINT, None)),
            ("接任", verb("接任", APPOINT, None)),
            // `總經理則由副總經理趙信清升任` (o19): promoted into it.
            ("升任", verb("升任", APPOINT, None)),
            // `内政部长由花敬群代理` (p09): acting in the post.
            ("代理", verb("代理", APPOINT, Some(Flag::Acting))),
            ("暂代", verb("代理", APPOINT, Some(Flag::Acting))),
        ]
        .into_iter()
        .find_map(|(w, v)| rest.strip_suffix(w).map(|who| (who, v)))?;
        let people = names(who)
            .filter(|p| p.iter().all(|p| has_surname(p.name())))
            .or_else(|| after_title(who).map(|(p, _)| vec![p]))
            // `由花敬群政务次长代理`: the name, then the post held now.
            .or_else(|| before_title(who).map(|p| vec![p]))?;
        // `…并同时指定原部长乙职由…代理` (p09): the post designated, the
        // one held until now.
        let post = ["指定", "指派"]
            .iter()
            .find_map(|w| post.rsplit_once(w).map(|(_, p)| p))
            .unwrap_or(post);
        let post = post.strip_prefix('原').unwrap_or(post);
        // `…医院新的党委书记`: the new one's post is the post.
        let post = post.replacen("新的", "", 1).replacen("新任", "", 1);
        Some(self.push(clause, people, v, &post))
    }

    /// `(由)张伟接任` after a part that removed someone (`李明卸任…，张伟接任`):
    /// the newcomer takes the posts just left. `None` when the part is not
    /// so written or nothing was left just before.
    pub(super) fn takes_over(
        &mut self,
        part: &str,
        clause: &mut Clause,
    ) -> Option<Result<(), String>> {
        const TAKES: [(&str, Verb); 4] = [
            ("接任", verb("接任", APPOINT, None)),
            ("继任", verb("继任", APPOINT, None)),
            ("升任", verb("升任", APPOINT, None)),
            ("兼任", verb("兼任", APPOINT, Some(Flag::Concurrent))),
        ];
        let Some((who, v)) = TAKES
            .into_iter()
            .find_map(|(w, v)| part.strip_suffix(w).map(|who| (who, v)))
        else {
            // `台積電董事會通過，由張偉接任董事長`: the post written after.
            let rest = part.strip_prefix('由').unwrap_or(part);
            let (people, v, posts, _) = name_and_verb(
                rest,
                &[&TAKES.map(|(_, v)| v)],
                clause.signature,
                self.loose,
            )?;
            return Some(self.push(clause, people, v, posts));
        };
        let who = who
            .strip_prefix("改由")
            .or_else(|| who.strip_prefix('由'))
            .unwrap_or(who);
        // (`由台灣大學地質系教授魏國彥接任`, r06: with the title held now.)
        let people = names(who)
            .filter(|p| p.iter().all(|p| has_surname(p.name())))
            .or_else(|| {
                after_title(who)
                    .filter(|(p, _)| self.loose && has_surname(p.name()))
                    .map(|(p, _)| vec![p])
            })?;
        // The removals that end the clause so far, of the one person left.
        let last = clause
            .events
            .last()
            .filter(|e| e.kind == EventKind::Remove)?;
        let leaver = last.person.clone();
        let left: Vec<Post> = clause
            .events
            .iter()
            .rev()
            .take_while(|e| e.kind == EventKind::Remove && e.person == leaver)
            .map(|e| e.post.clone())
            .collect();
        for person in &people {
            for post in left.iter().rev() {
                let mut event = Event::new(EventKind::Appoint, person.clone(), post.clone());
                if let Some(flag) = v.flag {
                    event.flags = event.flags.with(flag);
                }
                clause.events.push(event);
            }
        }
        // `環保署長沈世宏離職,由…魏國彥接任` (r06): a seat filled at once
        // was left when the decision was, not on a day of its own.
        clause.lately = false;
        self.remember(people);
        Some(Ok(()))
    }
}

/// Whether `part`, read after a part that gave events by `listing`, only
/// continues its list of posts: a post list written on after a comma
/// (`盧力同志不再擔任漳州市人民政府黨組成員,中共…工作委員會副書記、委員,
/// 漳州古雷港經濟開發區管委會主任職務`, f07), no verb and no name of its
/// own, and nothing that makes it a past, a present or a proposal.
pub(super) fn continues_list(part: &str, listing: Option<Verb>) -> bool {
    if listing.is_none_or(|v| v.kind.is_none()) {
        return false;
    }
    const NOT_LISTED: &[&str] = &[
        "为", "曾", "现任", "原任", "时任", "历任", "先后", "拟", "将", "提名", "人选", "后任",
        "前任",
    ];
    if NOT_LISTED.iter().any(|w| part.contains(w)) {
        return false;
    }
    // A verb or a person of its own (`王国斌院长不再兼任…`) makes it a
    // statement, not the rest of a list: only 任 of `主任` may stand in it.
    let own_verb = FIRST_VERBS.iter().any(|v| part.contains(v.word))
        || ["免", "聘", "选", "辞", "履新", "同志", "先生", "女士"]
            .iter()
            .any(|w| part.contains(w))
        || part
            .match_indices('任')
            .any(|(at, _)| !part.get(..at).is_some_and(|b| b.ends_with('主')));
    if own_verb {
        return false;
    }
    let Some(last) = split_top(part, &['、']).last() else {
        return false;
    };
    let last = bare_post(last);
    lexicon::is_title(last) || lexicon::split_post(last).is_some()
}

/// A posting announced with the day it takes effect, split into who (as
/// written, maybe empty when an earlier part named the person), the day and
/// the verb with what follows it:
///
/// ```text
/// 蔡傑銘將於2024年5月14日出任行政長官辦公室常任秘書長 → 蔡傑銘 | 2024年5月14日 | 出任…
/// 將於下月九日出任香港郵政署長 → (none) | 下月九日 | 出任…
/// ```
///
/// A day, not a season, makes it the government's announced posting
/// (`將於下月出任` stays a forecast).
pub(super) fn scheduled(part: &str) -> Option<(&str, &str, Verb, &str)> {
    let at = find(part, "将于")?;
    let who = part.get(..at)?;
    let after = part.get(at + "将于".len()..)?;
    let (verb_at, v) = TAKES_UP
        .iter()
        .filter_map(|v| find(after, v.word).map(|at| (at, *v)))
        .min_by_key(|(at, _)| *at)?;
    let day = after.get(..verb_at)?;
    // (`管中閔將於明年1月8日正式就任…`, j16.)
    let day = day.strip_suffix("正式").unwrap_or(day);
    let day = day.strip_suffix('起').unwrap_or(day);
    let rest = after.get(verb_at + v.word.len()..)?;
    (is_day(day) && day.contains(['日', '号']) && !rest.is_empty()).then_some((who, day, v, rest))
}

/// The day a part says the person just appointed takes office, when it
/// says only that (`他将于8月15日就任`, `其将于下月一日正式上任`): the day's
/// words.
pub(super) fn takes_office(part: &str) -> Option<&str> {
    let rest = ["他", "她", "其"]
        .iter()
        .find_map(|w| part.strip_prefix(w))?
        .strip_prefix("将于")?;
    let rest = rest.trim_end_matches(['。', '；']);
    let day = ["就任", "上任", "到任", "就职", "履新"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))?;
    let day = day.strip_suffix("正式").unwrap_or(day);
    let day = day.strip_suffix('起').unwrap_or(day);
    (is_day(day) && day.contains(['日', '号'])).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duty_after_a_post_is_no_part_of_it() {
        assert_eq!(
            without_duty("姚夏任俱乐部副总经理并主管竞训"),
            "姚夏任俱乐部副总经理"
        );
        assert_eq!(without_duty("任副总经理并负责财务工作"), "任副总经理");
        // `并` that joins posts, or opens the part, is kept.
        assert_eq!(without_duty("并任某局局长"), "并任某局局长");
        assert_eq!(without_duty("并主管某局"), "并主管某局");
        assert_eq!(without_duty("任局长并兼任主任"), "任局长并兼任主任");
    }

    #[test]
    fn a_posting_with_its_day_is_scheduled_and_one_without_is_not() {
        let read = |part| scheduled(part).map(|(who, day, v, rest)| (who, day, v.word, rest));
        assert_eq!(
            read("蔡杰铭将于2024年5月14日出任行政长官办公室常任秘书长"),
            Some((
                "蔡杰铭",
                "2024年5月14日",
                "出任",
                "行政长官办公室常任秘书长"
            ))
        );
        assert_eq!(
            read("将于下月九日出任香港邮政署长"),
            Some(("", "下月九日", "出任", "香港邮政署长"))
        );
        assert_eq!(
            read("李四将于3月1日起接任局长"),
            Some(("李四", "3月1日", "接任", "局长"))
        );
        assert_eq!(
            read("管中闵将于明年1月8日正式就任台大校长"),
            Some(("管中闵", "明年1月8日", "就任", "台大校长"))
        );
        // A month, a season or no day: a forecast.
        assert_eq!(read("李四将于下月出任局长"), None);
        assert_eq!(read("李四将于近期出任局长"), None);
        assert_eq!(read("李四将出任局长"), None);
    }
}
