//! A name and the verb after it (`张三为…`, `李四任…`, `王五不再担任…`,
//! `X被免去…`): the verbs, what stands between a name and its verb, and
//! what before a verb makes it no decision (a résumé's `曾任`, a forecast's
//! `将`).
//!
//! It only finds where a name ends and its verb starts; it must never
//! decide what the posts after the verb are (`posts` does).

use super::*;

/// A verb after a name: what it does.
#[derive(Clone, Copy)]
pub(super) struct Verb {
    pub(super) word: &'static str,
    pub(super) kind: Option<EventKind>,
    pub(super) flag: Option<Flag>,
}

pub(super) const fn verb(word: &'static str, kind: Option<EventKind>, flag: Option<Flag>) -> Verb {
    Verb { word, kind, flag }
}

pub(super) const APPOINT: Option<EventKind> = Some(EventKind::Appoint);
pub(super) const REMOVE: Option<EventKind> = Some(EventKind::Remove);

pub(super) const FIRST_VERBS: &[Verb] = &[
    verb("不再担任", REMOVE, None),
    // `庄展诺因个人原因不再适合担任董事长和总裁` (d23): no longer fit for
    // the posts, so no longer in them.
    verb("不再适合担任", REMOVE, None),
    verb("不再兼任", REMOVE, Some(Flag::Concurrent)),
    verb("辞去", REMOVE, None),
    // `吳欣儒請辭新光金總經理一職` (r11), `他請辭董事、副董事長…職務` (q09):
    // news prose's resignation of the posts named.
    verb("请辞", REMOVE, None),
    // `李尚福已被免去國防部長職務`: a removal told of the person.
    verb("被免去", REMOVE, None),
    verb("被免除", REMOVE, None),
    verb("被解聘", REMOVE, None),
    // `杨振武被免总编职务` (n09): news prose's short 被免.
    verb("被免", REMOVE, None),
    verb("挂职担任", APPOINT, Some(Flag::Secondment)),
    verb("挂职任", APPOINT, Some(Flag::Secondment)),
    verb("兼任", APPOINT, Some(Flag::Concurrent)),
    verb("代理", APPOINT, Some(Flag::Acting)),
    // `董事長劉冬代任總經理一職` (q14): holds the post as acting.
    verb("代任", APPOINT, Some(Flag::Acting)),
    verb("担任", APPOINT, None),
    // `盧秀芳接任中視董事長兼總經理` (q36, a headline): takes the post over.
    verb("接任", APPOINT, None),
    // `56歲的劉寧獲任青海省代省長` (k14): was appointed.
    verb("获任", APPOINT, None),
    verb("就任", APPOINT, None),
    verb("继任", APPOINT, None),
    verb("接掌", APPOINT, None),
    verb("被调任", APPOINT, None),
    // Hong Kong's acting (`署理`), and news prose's (`暂代`).
    verb("署理", APPOINT, Some(Flag::Acting)),
    verb("暂代", APPOINT, Some(Flag::Acting)),
    // Leaves the post: `X卸任Y`, `X辭任Y`, `X離任Y`, `X不再出任Y`.
    verb("不再出任", REMOVE, None),
    verb("卸任", REMOVE, None),
    verb("辞任", REMOVE, None),
    verb("离任", REMOVE, None),
    verb("退任", REMOVE, None),
    // Removed, told of the person: `X被解除…職務`, `X被撤銷…職務`.
    verb("被解除", REMOVE, None),
    verb("被撤销", REMOVE, None),
    verb("被罢免", REMOVE, None),
    // Elected, told of the person: `X当选为…`, `X当选…`.
    verb("当选为", APPOINT, None),
    verb("当选", APPOINT, None),
];
pub(super) const APPOINT_VERBS: &[Verb] = &[verb("为", APPOINT, None), verb("的", REMOVE, None)];
pub(super) const REMOVE_VERBS: &[Verb] = &[
    verb("的", REMOVE, None),
    verb("为", APPOINT, None),
    // `免去吴刚同志某校校长职务`: no 的, the honorific ends the name.
    verb("同志", REMOVE, None),
    verb("女士", REMOVE, None),
    verb("先生", REMOVE, None),
];
pub(super) const LAST_VERBS: &[Verb] = &[
    verb("任", APPOINT, None),
    // `李尚福履新国防部部长`: takes up the post (news prose).
    verb("履新", APPOINT, None),
    verb("因", None, None),
];

/// The verbs a part starts with that speak of the person the clause named
/// just before (`…，兼任某办主任`, `…，不再担任某局局长职务`), and what each
/// does.
pub(super) const FOLLOWING: &[(&str, Verb)] = &[
    ("兼任", verb("兼任", APPOINT, Some(Flag::Concurrent))),
    ("兼", verb("兼任", APPOINT, Some(Flag::Concurrent))),
    ("不再担任", verb("不再担任", REMOVE, None)),
    ("不再兼任", verb("不再担任", REMOVE, None)),
    ("不再任", verb("不再担任", REMOVE, None)),
    ("调任", verb("调任", APPOINT, None)),
    // `…黄少珠明日（2月12日）起，出任…` (k06).
    ("出任", verb("出任", APPOINT, None)),
    // `…接過印信,正式就任成功大學校長` (r20).
    ("正式就任", verb("就任", APPOINT, None)),
    ("就任", verb("就任", APPOINT, None)),
    ("代理", verb("代理", APPOINT, Some(Flag::Acting))),
    // `…申请辞去公司董事长职务，同时辞去…主任委员职务`.
    ("辞去", verb("辞去", REMOVE, None)),
    // `…刘连舸因工作调整,辞任中国银行董事长等职务` (g07).
    ("辞任", verb("辞去", REMOVE, None)),
    ("改任", verb("调任", APPOINT, None)),
    // `…的投票結果,當選為…` (e26): elected.
    ("当选为", verb("当选为", APPOINT, None)),
    // `…郑华先生最终获得了129票同意的投票,被选举为职工监事` (o17).
    ("被选举为", verb("当选为", APPOINT, None)),
    ("被选为", verb("当选为", APPOINT, None)),
    ("当选", verb("当选为", APPOINT, None)),
    // Keeps a post: no change.
    ("仍担任", verb("仍担任", None, None)),
    ("仍兼任", verb("仍担任", None, None)),
    ("继续担任", verb("仍担任", None, None)),
];

/// What before `任` or `担任` makes it a past or a proposal, not a decision
/// (`曾任`, `历任`, `现任`, `原任`, `先后担任`, `拟任`, `提任`, `继续担任`), or
/// a word that ends in 任 and appoints nobody here (`主任`, `责任`, `留任`,
/// `卸任`, `到任`, `退任`, `履任`, `赴任`): the character before the verb.
const NOT_DECIDED: &str = "曾历现原后拟提仍继再又续主责信担聘兼留连就到上离卸委胜放常退履赴";

/// What before a verb makes it a forecast (`X将出任`, `X有望接任`).
pub(super) fn forecast(prefix: &str) -> bool {
    match prefix.chars().next_back() {
        Some('将' | '拟' | '或') => true,
        Some('望') => prefix.ends_with("有望"),
        Some('计') => prefix.ends_with("预计"),
        _ => false,
    }
}

/// Whether a part foretells a move (`楊雄將調任…`, `X拟任…`, `X有望接任…`):
/// a forecast's word before a verb of taking a post.
pub(super) fn foretells(part: &str) -> bool {
    if !part.contains('将') && !part.contains('拟') && !part.contains('望') {
        return false;
    }
    part.match_indices('任').any(|(at, _)| {
        let before = part.get(..at).unwrap_or("");
        let before = before.strip_suffix(MOVED).unwrap_or(before);
        let before = before.strip_suffix("担").unwrap_or(before);
        forecast(before)
    })
}

/// What no name ends with: the words of a sentence that stand between a
/// name and its verb in news prose (`易纲已接任`, `吴晓军将出任`, `X被聘任`).
const NOT_NAME_ENDS: &[char] = &[
    '将', '已', '被', '曾', '均', '也', '则', '又', '再', '即', '拟', '现', '并', '为', '的', '等',
    '仍', '在', '从', '由', '向', '对', '是', '有', '会', '就', '都', '还', '所', '称', '获', '因',
    '亦',
];

/// The passive forms before `为` (`徐超被聘任为…`, `X当选为…`): the verb, not
/// part of the name.
const PASSIVE: &[&str] = &[
    "被任命",
    "被聘任",
    "被聘",
    "被选举",
    "被增补",
    "被选",
    "当选",
    "被推选",
    "被提拔",
    // (Hong Kong's and news prose's: `X獲委任為…`, `X獲選為…`.)
    "被委任",
    "获委任",
    "获任命",
    "获聘任",
    "获聘",
    "获选",
    "受委",
    "获委",
    "被委",
    "受聘",
    "获推选",
    "获推举",
    "被推举",
    "获提拔",
    // A move's verb before `为` (`X升任為…`, `X調任為…`).
    "升任",
    "调任",
    "出任",
    "转任",
    "改任",
    "晋升",
    "擢升",
];

/// The ranks a civil servant is promoted to, which are no posts
/// (`晋升为某县财政局四级调研员`): a promotion to one is no appointment.
const RANKS: &[&str] = &["调研员", "巡视员", "主任科员", "科员", "办事员"];

/// The verbs of taking a post: what a scheduled posting uses
/// (`X將於…出任Y`), and what may follow a verb of leaving one.
pub(super) const TAKES_UP: &[Verb] = &[
    verb("出任", APPOINT, None),
    verb("接任", APPOINT, None),
    verb("就任", APPOINT, None),
    verb("升任", APPOINT, None),
    verb("调任", APPOINT, None),
    verb("转任", APPOINT, None),
    verb("担任", APPOINT, None),
];

/// What news reports write before `任` of a decision (`X出任Y`, `X调任Y`):
/// part of the verb, not of the name.
const MOVED: &[char] = &['出', '调', '改', '转', '升', '陞', '接'];

/// What news prose writes between a name and a passive verb: when
/// (`同天`, `昨日`) or how (`突`, `正式`) the person was removed.
pub(super) const ADVERBS: &[&str] = &[
    "同天", "同日", "当天", "当日", "昨天", "昨日", "今天", "今日", "日前", "近日", "突然", "突",
    "正式", "一同", "随即", "再次", "再度", "重新", "全票", "高票", "顺利",
    // A Taiwan president's or official's oath of office (`宣誓就任`).
    "宣誓", "宣示",
];

/// `prefix` without the adverbs at its end (`陳剛昨日一同`, e23: two).
pub(super) fn without_adverbs(mut prefix: &str) -> &str {
    // (Each pass takes a word off: as many passes as words.)
    loop {
        // (The votes first: `以全票` is one aside, not 以 and an adverb.)
        if let Some(rest) = without_votes(prefix) {
            prefix = rest;
        } else if let Some(rest) = ADVERBS.iter().find_map(|w| prefix.strip_suffix(w)) {
            prefix = rest;
        } else {
            return prefix;
        }
    }
}

/// `prefix` without the votes it ends with (`赵一以全票`, `钱二以98票`,
/// `以高票`): how the person was elected, no part of the name.
fn without_votes(prefix: &str) -> Option<&str> {
    let body = prefix.strip_suffix('票')?;
    // (Only the end is looked at: the votes are a few characters.)
    let tail = near_end(body, 8);
    let at = body.len() - tail.len() + tail.rfind('以')?;
    let votes = body.get(at + '以'.len_utf8()..)?;
    let counted = !votes.is_empty()
        && votes.chars().count() <= 6
        && votes
            .chars()
            .all(|c| c.is_ascii_digit() || numerals::is_numeral(c) || "全高满多张".contains(c));
    counted.then(|| body.get(..at)).flatten()
}

/// How many characters before a verb a description's `的` may stand:
/// room for a title and a name (`…的常務副市長李士祥`).
const DESCRIBED: usize = 24;

/// The people `prefix` names before their verb, with the title they hold
/// now when it stands before the name (in `loose` text).
pub(super) fn named_before(prefix: &str, loose: bool) -> Option<(Vec<Person>, Option<&str>)> {
    // `由…副书记、常务副市长黄奇帆出任…` (m11): by whom, no part of the title
    // held; `接下來將由…陳章賢代理…` (v20) is a forecast.
    let prefix = match by_whom(prefix) {
        Some((true, _)) if loose => return None,
        Some((_, rest)) if loose => rest,
        _ => prefix,
    };
    // `选举董事周婷为…` (o09): a title and a name, not a name of four
    // characters that starts with a surname (董).
    if loose
        && prefix.chars().count() == 4
        && let Some((person, title)) = after_title(prefix)
        && title.chars().count() == 2
        && lexicon::is_title(title)
    {
        return Some((vec![person], Some(title)));
    }
    if let Some(people) = names(prefix) {
        return (!loose || people.iter().all(|p| has_surname(p.name()))).then_some((people, None));
    }
    if !loose {
        return None;
    }
    let Some((person, mut title)) = after_title(prefix) else {
        // `決定毛偉明副省長為…代理省長` (h04): the name, then the bare
        // title held now.
        return before_title(prefix).map(|person| (vec![person], None));
    };
    // `民政局副局長駱邦吉及鼓山區公所區長鄭明興` (p21): titled names joined,
    // each with the title before it. (Back from the last: a list of
    // titles, `党委书记、董事长张三`, has no name before its joint.)
    let mut people = vec![person];
    while let Some((before, own)) = title.rsplit_once(['及', '和', '、'])
        && lexicon::split_post(bare_post(own)).is_some()
        && let Some((person, earlier)) = after_title(before)
        && has_surname(person.name())
    {
        people.insert(0, person);
        title = earlier;
    }
    Some((people, Some(title)))
}

/// The text after the `由` that opens it (within a few characters: `由`,
/// `改由`, `接下来将由`), and whether what stands before says it will be
/// (`将`, `拟`): `None` when no such `由` opens it. (Not the 由 of a word:
/// `自由`, `理由`, `经由`, `由于`, `由此`, `由衷`.)
fn by_whom(prefix: &str) -> Option<(bool, &str)> {
    let at = prefix
        .char_indices()
        .take(7)
        .find(|&(_, c)| c == '由')
        .map(|(at, _)| at)?;
    let before = prefix.get(..at)?;
    if before.ends_with(['自', '理', '经', '缘']) {
        return None;
    }
    let rest = prefix.get(at + '由'.len_utf8()..)?;
    if rest.starts_with(['于', '此', '衷']) {
        return None;
    }
    Some((before.contains(['将', '拟']), rest))
}

/// The name before what a text says of when or why the person does what
/// follows: a reason (`陈安民同志因年龄原因`, `张斌先生因工作变动`, l13,
/// g11) or the day from which (`黄少珠明日（2月12日）起`, k06), when the
/// text is a name and that: the name as written, and the day's words.
pub(super) fn aside_after_name(text: &str, loose: bool) -> Option<(&str, Option<&str>)> {
    let plain = |who: &str| named_before(who, loose).is_some();
    // A reason, or where, at a meeting (`郑杰在当日召开的董事会上当选为…`,
    // o08).
    if let Some(who) = before_reason(text).or_else(|| before_meeting(text)) {
        // (A description before the name, `65岁的蔡名照因年龄原因…` (q23),
        // is read with it.)
        let named = who.rsplit_once('的').map_or(who, |(_, name)| name);
        return (plain(who) || (loose && plain(named))).then_some((who, None));
    }

    // The first place from which the rest is a day (so that `李明明日起` is
    // 李明 from tomorrow), among the last few characters.
    // (Only the last characters are looked at: the look stays as short
    // as a day's words whatever the text before.)
    let body = text.strip_suffix('起')?;
    let from = body.char_indices().rev().nth(13).map_or(0, |(at, _)| at);
    let tail = body.get(from..)?;
    tail.char_indices()
        .map(|(at, _)| from + at)
        .filter(|&at| at > 0)
        .find_map(|at| {
            let (who, day) = (body.get(..at)?, body.get(at..)?);
            // (`马云自即日起`, o23: from the day, no part of the name.)
            let who = who
                .strip_suffix(['自', '从'])
                .filter(|who| plain(who))
                .unwrap_or(who);
            (is_day(day) && plain(who)).then_some((who, Some(day)))
        })
}

/// The text before the meeting it says the person was at (`郑杰在…董事会上`,
/// `X于…大会中`), when the text ends with one.
fn before_meeting(text: &str) -> Option<&str> {
    let place = text.strip_suffix(['上', '中'])?;
    if !place.ends_with('会') && !place.ends_with("会议") {
        return None;
    }
    // (After a name's first characters, within a title's and a name's
    // length: `于伟国在…` has the surname 于, and the look stays short
    // whatever the text before.)
    let head = near_start(text, DESCRIBED);
    let at = head
        .char_indices()
        .skip(2)
        .find(|&(_, c)| c == '在' || c == '于')
        .map(|(at, _)| at)?;
    let who = text.get(..at)?;
    // (`王儒林亦在…闭幕会上当选为…`, m11: one adverb is no part of the name.)
    let who = who.strip_suffix(NOT_NAME_ENDS).unwrap_or(who);
    (!who.is_empty()).then_some(who)
}

/// The text before the reason it gives (`陈安民同志因年龄原因`, `陈有权先生
/// 由于工作变动原因`, o01), when it gives one.
fn before_reason(text: &str) -> Option<&str> {
    let at = ["由于", "鉴于", "因"]
        .iter()
        .filter_map(|w| find(text, w))
        .min();
    // `中国银行行长刘金以个人原因` (t14): the reason given with 以, when no
    // other word of a reason stands before it (`因以上原因` is 因's, and
    // `以上` no 以 of a reason). (Only the end of the text is looked at.)
    let given = text.strip_suffix("原因").and_then(|reason| {
        let tail = near_end(reason, 8);
        let at = reason.len() - tail.len() + tail.rfind('以')?;
        let rest = reason.get(at + '以'.len_utf8()..)?;
        (!rest.starts_with(['上', '下']) && !rest.contains('因')).then_some(at)
    });
    let at = match (at, given) {
        (Some(reason), Some(with)) => reason.min(with),
        (reason, with) => reason.or(with)?,
    };
    text.get(..at)
}

/// Whether a text is only a day's words: `明日`, `即日`, `2月12日`,
/// `明日（2月12日）`, `2024年5月14日`, `下月九日`, `明年1月8日`.
pub(super) fn is_day(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "明日", "今日", "即日", "今天", "明天", "当日", "同日", "本月", "下月", "下周", "明年",
        "今年", "年", "月", "日", "号", "（", "）", "(", ")",
    ];
    let mut rest = text;
    let mut dated = false;
    while !rest.is_empty() {
        let digits = rest
            .char_indices()
            .take_while(|(_, c)| {
                c.is_ascii_digit() || ('０'..='９').contains(c) || numerals::is_numeral(*c)
            })
            .last()
            .map(|(at, c)| at + c.len_utf8());
        if let Some(end) = digits {
            rest = rest.get(end..).unwrap_or("");
            dated = true;
            continue;
        }
        match WORDS.iter().find(|w| rest.starts_with(*w)) {
            Some(w) => {
                dated |= w.chars().count() == 2;
                rest = rest.get(w.len()..).unwrap_or("");
            }
            None => return false,
        }
    }
    dated
}

/// Finds the first verb (by priority) preceded by a plausible name, or by
/// a current title and a name (`重庆市副市长胡明朗为…`). `signature` is
/// that of `text` or of a text it was cut from; in `loose` text (no
/// notice's layout around it) a name must start with a surname.
pub(super) fn name_and_verb<'a>(
    text: &'a str,
    lists: &[&[Verb]],
    signature: Signature,
    loose: bool,
) -> Option<(Vec<Person>, Verb, &'a str, Option<&'a str>)> {
    // The verbs few parts hold start with a character searched for once
    // here, not once a verb (`被免去`, `被免除`, `被解聘`; `履新`).
    let rare = |c: char| signature.may_hold(c.encode_utf8(&mut [0; 4])) && text.contains(c);
    let (passive, took_up) = (rare('被'), rare('履'));
    for list in lists {
        for v in *list {
            if !signature.may_hold(v.word)
                || (!passive && v.word.starts_with('被'))
                || (!took_up && v.word.starts_with('履'))
            {
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
                if matches!(v.word, "任" | "代任") && rest.starts_with(['命', '免', '职', '期'])
                {
                    continue;
                }
                // `X被免职` names no post (`forms` reads the one before X).
                if v.word == "被免" && rest.starts_with(['职', '去', '除']) {
                    continue;
                }
                // `此次履新前…`: before taking up a post, a résumé.
                if v.word == "履新" && rest.starts_with(['前', '后']) {
                    continue;
                }
                // (`夏吉勝任…`: a name that ends in 胜, not 胜任.)
                let named_so = || {
                    prefix.ends_with('胜')
                        && (2..=4).contains(&prefix.chars().count())
                        && names(prefix).is_some_and(|p| p.iter().all(|p| has_surname(p.name())))
                };
                if matches!(v.word, "任" | "担任")
                    && prefix
                        .chars()
                        .next_back()
                        .is_some_and(|c| NOT_DECIDED.contains(c))
                    && !named_so()
                {
                    continue;
                }
                // `田国立先生将不再担任本行董事长…` (g06), `穆里尼奥将不再担任
                // 球队主帅` (q13): what the decision means for X, said as
                // it is announced; a leaving foretold has its time before
                // the name (`2019年…之际将不再担任`, `辞职后将不再担任…`).
                let prefix = match prefix.strip_suffix('将') {
                    Some(who) if loose && v.word.starts_with("不再") => who,
                    _ => prefix,
                };
                // `X将出任…`, `X有望接任…`: a forecast, not a decision.
                if forecast(prefix) {
                    continue;
                }
                // `X獲任命為…`: the passive of 任命, read before 为.
                if v.word == "获任" && rest.starts_with('命') {
                    continue;
                }
                // `韩长赋卸任不久即出任农业部…` (m11): what follows leaving is
                // the next posting, not the post left.
                if matches!(v.word, "卸任" | "离任" | "辞任")
                    && TAKES_UP.iter().any(|v| contains(rest, v.word))
                {
                    continue;
                }
                let prefix = match v.word {
                    "任" => prefix.strip_suffix(MOVED).unwrap_or(prefix),
                    "为" => {
                        let passive = PASSIVE
                            .iter()
                            .find_map(|w| prefix.strip_suffix(w).map(|told| (*w, told)));
                        let rank = || {
                            let post = rest.trim_end_matches(['。', '；']);
                            RANKS.iter().any(|r| post.ends_with(r))
                        };
                        if matches!(passive, Some(("晋升" | "擢升", _))) && rank() {
                            continue;
                        }
                        let prefix = match passive {
                            // `易煉紅也被任命為…` (k14): told of X too.
                            Some((_, told)) => told.trim_end_matches(['已', '亦', '也', '均']),
                            None => prefix,
                        };
                        // `杨梅岭同志(女)全票当选为…` (e05): how the vote
                        // went, no part of the name.
                        let how = ["以全票", "以高票", "全票", "高票", "满票"]
                            .iter()
                            .find_map(|w| prefix.strip_suffix(w));
                        how.filter(|_| loose).unwrap_or(prefix)
                    }
                    // `X已被免去`, `X亦被免去`: done, and told of X; `陳洪生突被
                    // 免去`, `罗熹同天被免去`: when and how, no part of X.
                    w if w.starts_with('被') => {
                        let mut prefix = prefix.trim_end_matches(['已', '亦', '也', '均']);
                        if loose {
                            prefix =
                                without_adverbs(prefix).trim_end_matches(['已', '亦', '也', '均']);
                        }
                        prefix
                    }
                    _ => prefix,
                };
                // `江泽林正式出任…`, `X日前出任…` (h08): when and how, no
                // part of X (the passive's are read above).
                let prefix = if loose && !v.word.starts_with('被') {
                    without_adverbs(prefix)
                } else {
                    prefix
                };
                // `周吉平同时担任董事`: at once, and still X's.
                let prefix = match v.word {
                    "担任" | "兼任" | "出任" => prefix.strip_suffix("同时").unwrap_or(prefix),
                    _ => prefix,
                };
                // `李明先生因个人原因申请辞去…`, `陈安民同志因年龄原因不再担任…`
                // (l13): the reason and the request are no part of the name.
                let prefix = match v.word {
                    // (`赵伟因个人工作原因,已提出辞任公司…职务`, r14: a
                    // resignation of posts named, as `辞去` is.)
                    "辞去" | "辞任" | "请辞" => {
                        let asked = ["申请", "提出", "请求"]
                            .iter()
                            .find_map(|w| prefix.strip_suffix(w))
                            .unwrap_or(prefix);
                        before_reason(asked).unwrap_or(asked)
                    }
                    _ => aside_after_name(prefix, loose).map_or(prefix, |(who, _)| who),
                };
                // (`杨冬生等同志…职务` (i04) names one and others.)
                let others = v.word == "同志" && prefix.ends_with('等');
                // (`张明、李华分别…`: respectively, which `respectively`
                // reads; no name ends with it.)
                if loose && (prefix.ends_with(NOT_NAME_ENDS) || prefix.ends_with("分别")) && !others
                {
                    continue;
                }
                // `由江绵恒兼任…`: by whom, not a name that starts with 由.
                let prefix = match (v.word, prefix.strip_prefix('由')) {
                    ("兼任" | "担任" | "出任" | "任", Some(who)) if names(who).is_some() => {
                        who
                    }
                    _ => prefix,
                };
                if let Some(found) = named_before(prefix, loose) {
                    return Some((found.0, *v, rest, found.1));
                }
                // `今年63岁的罗熹同天被免去…`: in news prose a description
                // ending in 的 stands before the name, no part of it.
                // (Looked for only near the verb, so that a clause of many
                // verbs stays linear: a name and a title are short.)
                if let Some(found) = (loose && v.word != "的")
                    .then(|| near_end(prefix, DESCRIBED).rsplit_once('的'))
                    .flatten()
                    .and_then(|(_, who)| named_before(who, loose))
                {
                    return Some((found.0, *v, rest, found.1));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adverbs_before_a_verb_are_taken_off_however_many() {
        assert_eq!(without_adverbs("陈刚昨日一同"), "陈刚");
        assert_eq!(without_adverbs("陈刚"), "陈刚");
        assert_eq!(without_adverbs(""), "");
    }

    #[test]
    fn the_short_passive_names_its_post() {
        let read = |text| name_and_verb(text, &[FIRST_VERBS], Signature::ANY, true);
        let (people, v, rest, _) = read("杨振武被免总编职务").expect("a removal");
        assert_eq!(people, [Person::new("杨振武")]);
        assert_eq!((v.word, rest), ("被免", "总编职务"));
        // `被免职` names no post: not this verb.
        assert!(read("杨振武被免职").is_none());
    }

    #[test]
    fn news_prose_s_verbs_take_leave_or_are_told_of_the_person() {
        let read = |text| {
            name_and_verb(text, &[FIRST_VERBS, APPOINT_VERBS], Signature::ANY, true)
                .map(|(people, v, rest, _)| (people[0].name().to_owned(), v.word, v.kind, rest))
        };
        let cases = [
            ("李四就任某大学校长", "就任", APPOINT, "某大学校长"),
            ("李四继任某公司董事长", "继任", APPOINT, "某公司董事长"),
            ("李四署理某局局长", "署理", APPOINT, "某局局长"),
            ("李四卸任某市市长", "卸任", REMOVE, "某市市长"),
            ("李四退任某公司董事长", "退任", REMOVE, "某公司董事长"),
            ("李四被撤销某局局长职务", "被撤销", REMOVE, "某局局长职务"),
            ("李四获委任为某局局长", "为", APPOINT, "某局局长"),
            ("李四升任为某市市长", "为", APPOINT, "某市市长"),
            ("李四受聘为某公司总经理", "为", APPOINT, "某公司总经理"),
            ("李四获推选为某会会长", "为", APPOINT, "某会会长"),
        ];
        for (text, word, kind, post) in cases {
            assert_eq!(
                read(text),
                Some(("李四".to_owned(), word, kind, post)),
                "{text}"
            );
        }
        // Taking up a post already given is no decision; a time is no name.
        assert_eq!(read("李四履任某局局长"), None);
        assert_eq!(read("於上月底获任命为某委员会副主任委员"), None);
        // Leaving, then the next posting: not a post left.
        assert_eq!(read("韩长赋卸任不久即出任农业部部长").map(|r| r.1), None);
    }
}
