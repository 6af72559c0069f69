//! Written posts: a list cut into posts, each into organisation and title
//! with the title lexicon, and the markers (`（兼）`, `（试用期一年）`) that
//! become flags.
//!
//! It never decides seats or consistency (the lexicon and the conflict
//! graph do), and never names a person.

use super::*;
use std::borrow::Cow;

/// What a marker word means: a flag, or an accepted reason (`None`).
pub(super) fn marker_word(word: &str) -> Option<Option<Flag>> {
    let flag = match word {
        "兼" | "兼任" | "兼职" => Some(Flag::Concurrent),
        "代" | "代理" => Some(Flag::Acting),
        w if w.starts_with("挂职") && w.chars().count() <= 8 => Some(Flag::Secondment),
        w if w.starts_with("保留")
            && (w.contains("职级")
                || w.contains("待遇")
                || w.contains("级别")
                // `保留正局长级`, `保留副处级` (r37): a rank kept.
                || (w.ends_with('级') && w.chars().count() <= 8)) =>
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
        | "辞职" | "另行安排" | "另行安排工作" | "主持工作" | "主持全面工作" | "正职"
        // `副局长（专职，副部长级）` (i03): full-time, no flag.
        | "专职" => {
            None
        }
        // `（挂职，时间一年）`, `（期限两年）`.
        w if (w.starts_with("时间") || w.starts_with("期限")) && w.chars().count() <= 8 => None,
        // `（简历附后）`, `（简历详见附件）`.
        w if w.starts_with("简历") && w.chars().count() <= 8 => None,
        w if w.starts_with('因') && w.chars().count() <= 10 && !w.contains('为') => None,
        // A rank (`正科级`, `副部长级`, `正职待遇`) or a term (`任期三年`, `聘期三年`):
        // accepted, not a flag the model keeps.
        w if (w.starts_with('正') || w.starts_with('副'))
            && (w.ends_with('级') || w.ends_with("待遇"))
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
pub(super) fn markers(inner: &str) -> Option<Flags> {
    let mut flags = Flags::NONE;
    for word in split_top(inner, &['，', ',', '、', '；']) {
        if let Some(flag) = marker_word(word)? {
            flags = flags.with(flag);
        }
    }
    Some(flags)
}

/// A written post without the markers and the `职务` around it
/// (`某局局长职务（兼）` → `某局局长`).
pub(super) fn bare_post(text: &str) -> &str {
    let bare = strip_markers(text).0;
    strip_markers(without_office(bare)).0
}

/// A post without the word for an office after it: `职务`, or the news
/// reports' `一职` (`免除路正阳同志常务副县长一职`, e08).
pub(super) fn without_office(text: &str) -> &str {
    let Some(posts) = text
        .strip_suffix("职务")
        .or_else(|| text.strip_suffix("一职"))
        // `部长乙职` (p09): Taiwan's 一职.
        .or_else(|| text.strip_suffix("乙职"))
        // `…副部長、黨委副書記等職位` (i03).
        .or_else(|| text.strip_suffix("职位"))
    else {
        return text;
    };
    // `…及总经理等所有职务` (l14), `…董事等职务`, `…执行董事等行内相关职务`
    // (q03): the list closed, all of it, whatever the words that qualify it.
    let mut list = posts;
    while let Some(shorter) = OFFICE_QUALIFIERS.iter().find_map(|w| list.strip_suffix(w)) {
        list = shorter;
    }
    list.strip_suffix('等').unwrap_or(posts)
}

/// The words between a closed list's `等` and its `职务` (`等行内相关职务`).
const OFFICE_QUALIFIERS: &[&str] = &[
    "所有",
    "全部",
    "一切",
    "相关",
    "有关",
    "其他",
    "其它",
    "行内",
    "公司内",
    "集团内",
    "内部",
];

/// Removes marker groups (`（兼）`) from the end of `text`.
pub(super) fn strip_markers(mut text: &str) -> (&str, Flags) {
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

pub(super) trait Union {
    fn union(self, other: Flags) -> Flags;
}

impl Union for Flags {
    fn union(self, other: Flags) -> Flags {
        other.iter().fold(self, Flags::with)
    }
}

/// `text` without the quotation marks a paper puts around the posts of a
/// government it does not recognise (`原“交通部长”连战升任“行政院副院长”`,
/// k16): marks around a whole post, one that ends in a title (not
/// `“空降”干部`); borrowed when it has none.
pub(super) fn unquoted(text: &str) -> Cow<'_, str> {
    if !text.contains('“') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('“') {
        out.push_str(before);
        // (A post's length: the look stays short whatever follows.)
        let near = near_start(after, 40);
        let closed = near
            .find('”')
            .and_then(|end| Some((after.get(..end)?, after.get(end + '”'.len_utf8()..)?)));
        match closed {
            Some((inside, next)) if lexicon::split_post(inside).is_some() => {
                out.push_str(inside);
                rest = next;
            }
            _ => {
                out.push('“');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Splits a written post list (`A局局长、B局局长（兼）`, also `…主任及…主任`)
/// into posts with their flags.
pub(super) fn posts(list: &str) -> Result<Vec<(Post, Flags)>, String> {
    let list = &*unquoted(list);
    // `罢免张三的第十三届全国人民代表大会代表资格`: the deputy's seat.
    let list = list.strip_suffix("代表资格").map_or(list, |body| {
        list.get(..body.len() + "代表".len()).unwrap_or(list)
    });
    let (text, mut all) = strip_markers(list);
    let text = without_office(text);
    let (text, more) = strip_markers(text);
    all = all.union(more);
    if text.is_empty() {
        return Err("no post".to_owned());
    }
    let mut out = Vec::new();
    // The organisation of the item before: a piece of `list`, or one
    // written out from it (`…公司` + `党委`).
    let mut previous: Option<Cow<'_, str>> = None;
    // The organ the item before named in its title (`党委` of `党委委员`),
    // whose secretary a bare `书记` after it is (`党委委员、书记`, l07), and
    // whose member a bare `委员` (`党委书记、委员`, w24).
    let mut organ: Option<&str> = None;
    let items = split_top(text, &['、']).flat_map(|item| AndSplit { rest: Some(item) });
    for item in items {
        let (item, flags) = strip_markers(item);
        let item = without_office(item);
        let item = item.strip_suffix('的').unwrap_or(item);
        let (item, more) = strip_markers(item);
        let mut flags = flags.union(more).union(all);
        if item.is_empty() {
            return Err(format!("an empty post in 「{text}」"));
        }
        // `代理主任`, `代主任`, and a club's `临时主教练`: acting.
        let bare = ["代理", "代", "临时"]
            .iter()
            .find_map(|w| item.strip_prefix(w).filter(|t| lexicon::is_title(t)))
            .unwrap_or(item);
        let (org, mut title): (Cow<'_, str>, &str) = if lexicon::is_title(bare) {
            if bare.len() != item.len() {
                flags = flags.with(Flag::Acting);
            }
            match &previous {
                Some(Cow::Borrowed(org)) => {
                    (Cow::Borrowed(unit_of(held_at(org, bare), bare)), bare)
                }
                Some(Cow::Owned(org)) => (
                    Cow::Owned(unit_of(held_at(org, bare), bare).to_owned()),
                    bare,
                ),
                None => match lexicon::whole_post(bare) {
                    Some((org, title)) => (Cow::Borrowed(org), title),
                    None => return Err(format!("title 「{item}」 has no organisation before it")),
                },
            }
        } else {
            match lexicon::split_post(item) {
                Some((org, title)) => match (&previous, ORGANS.contains(&org)) {
                    // `公司董事会董事、董事会战略委员会委员` (l14), `公司董事
                    // 及董事会战略委员会委员` (h07): the board is the company's
                    // named before.
                    (Some(before), false)
                        if org.starts_with("董事会") || org.starts_with("监事会") =>
                    {
                        // (The company, not a Party organ named before.)
                        let company = board_company(before).unwrap_or_else(|| {
                            ORGANS
                                .iter()
                                .find_map(|w| before.strip_suffix(w))
                                .unwrap_or(before)
                        });
                        (Cow::Owned(format!("{company}{org}")), title)
                    }
                    // `…人大代表、人事工作委员会委员` (k12): a committee
                    // named by its work, no place, is the congress's.
                    (Some(before), false) if of_congress(before, org) => {
                        (Cow::Owned(format!("{before}{org}")), title)
                    }
                    // `县委常委、组织部部长`: a Party committee's department
                    // is the committee's.
                    (Some(before), false) if of_party_committee(before, org) => {
                        (Cow::Owned(format!("{before}{org}")), title)
                    }
                    // `公司第十届董事会董事长、董事、战略委员会主任委员`
                    // (r24): a board's committee, the company's.
                    (Some(before), false)
                        if is_committee(org) && board_company(before).is_some() =>
                    {
                        let company = board_company(before).unwrap_or(before);
                        (Cow::Owned(format!("{company}{org}")), title)
                    }
                    // `…中级人民法院审判委员会委员、立案庭庭长` (x06): a
                    // court's division is the court's.
                    (Some(before), false)
                        if org.ends_with('庭')
                            && !contains(org, "法院")
                            && court_of(before).is_some() =>
                    {
                        let court = court_of(before).unwrap_or(before);
                        (Cow::Owned(format!("{court}{org}")), title)
                    }
                    // `…滨海新区工委书记、管委会主任` (x11): a zone's
                    // committee of management beside its Party committee.
                    (Some(before), false) if org == "管委会" && (before.ends_with("工委")) => {
                        let zone = ["党工委", "工委"]
                            .iter()
                            .find_map(|w| before.strip_suffix(w))
                            .unwrap_or(before);
                        (Cow::Owned(format!("{zone}{org}")), title)
                    }
                    // `…公司党委书记、党委常委`: the organ is the company's.
                    (Some(before), true) => {
                        let base = ORGANS
                            .iter()
                            .find_map(|w| before.strip_suffix(w))
                            .unwrap_or(before);
                        (Cow::Owned(format!("{base}{org}")), title)
                    }
                    _ => (Cow::Borrowed(org), title),
                },
                None => return Err(format!("no known title at the end of 「{item}」")),
            }
        };
        // `天津市公安局局长职务任命赵飞为局长` (i08), `至於下週將再總經理`
        // (q41): a statement read as one organisation is none.
        // (`…专业技术职务评审委员会` is a committee's name.)
        let statement = STATEMENT_WORDS.iter().find(|w| {
            contains(&org, w)
                && !(**w == "职务" && ["职务评审", "职务聘任"].iter().any(|n| contains(&org, n)))
        });
        if let Some(word) = statement {
            return Err(format!("「{item}」 holds {word}: a statement, not a post"));
        }
        let mut org = org;
        // `…校長包括高雄科技大學校長` (r22): what a list includes is the
        // post; `提名免去长青县人民政府县长` (r09): what is removed is.
        if let Some((_, after)) = ["包括", "以及", "免去"]
            .iter()
            .find_map(|w| org.rsplit_once(w))
            .filter(|(_, after)| !after.is_empty())
        {
            org = Cow::Owned(after.to_owned());
        }
        // `ST凯利第六届董事会的新董事长` (q48), `…海淀区新任区长`: the post,
        // whoever is new in it.
        if let Some(stripped) = ["的新任", "的新", "新一任", "新任"]
            .iter()
            .find_map(|w| org.strip_suffix(w))
            .filter(|o| !o.is_empty())
        {
            org = Cow::Owned(stripped.to_owned());
        }
        // `新成立的科技部長` (r06): the body, however new.
        if let Some(stripped) = ["新成立的", "新设立的", "新组建的", "新设的"]
            .iter()
            .find_map(|w| org.strip_prefix(w))
            .filter(|o| !o.is_empty())
        {
            org = Cow::Owned(stripped.to_owned());
        }
        // `上海分院的院长`: the post of the body, not of `…的`.
        if let Some(stripped) = org.strip_suffix('的').filter(|o| !o.is_empty()) {
            org = Cow::Owned(stripped.to_owned());
        }
        // `「…薪津獨立委員會」(獨立委員會)的主席` (p06): the name quoted,
        // without its quotation brackets and the short name defined after.
        if let Some(quoted) = quoted_name(&org) {
            org = Cow::Owned(quoted.to_owned());
        }
        // `遂昌中学新一届校长`: the post, whoever is new in it.
        if let Some(stripped) = ["新一届", "新任"]
            .iter()
            .find_map(|w| org.strip_suffix(w))
            .filter(|o| o.chars().count() >= 2)
        {
            org = Cow::Owned(stripped.to_owned());
        }
        if let Some(stripped) = org.strip_suffix("代理").filter(|o| !o.is_empty()) {
            org = Cow::Owned(stripped.to_owned());
            flags = flags.with(Flag::Acting);
        }
        // `代理温州市人民政府市长`: acting, at the organisation after it.
        if let Some(stripped) = org.strip_prefix("代理").filter(|o| !o.is_empty()) {
            org = Cow::Owned(stripped.to_owned());
            flags = flags.with(Flag::Acting);
        }
        if let Some(rest) = title.strip_prefix('代').filter(|t| lexicon::is_title(t)) {
            title = rest;
            flags = flags.with(Flag::Acting);
        }
        // (And its member: `党委书记、委员`, w24.)
        let of_organ = matches!(title, "书记" | "副书记" | "常务副书记" | "委员");
        match organ.filter(|_| of_organ && bare.len() == item.len()) {
            Some(organ) => out.push((Post::new(&format!("{org}{organ}"), title), flags)),
            None => {
                // `审核委员会及提名委员会成员` (r16): one title, two committees.
                if let Some((first, second)) = committees_joined(&org) {
                    out.push((Post::new(first, title), flags));
                    out.push((Post::new(&second, title), flags));
                } else {
                    out.push((Post::new(&org, title), flags));
                }
            }
        }
        organ = ["党委", "党组", "纪委"]
            .into_iter()
            .find(|w| title.strip_prefix(w).is_some_and(lexicon::is_title));
        previous = Some(org);
    }
    Ok(out)
}

/// Whether `org`, after an item of the congress `before`, is one of its
/// committees: a `…委员会` of a few characters that starts with no place
/// or level (`人事工作委员会`, `财政经济委员会`).
fn of_congress(before: &str, org: &str) -> bool {
    const CONGRESSES: &[&str] = &[
        "人大",
        "人大常委会",
        "人民代表大会",
        "人民代表大会常务委员会",
    ];
    CONGRESSES.iter().any(|w| before.ends_with(w))
        && is_committee(org)
        && !org.starts_with(CONGRESSES[0])
}

/// The two committees an organisation joins with `及` or `和` when each
/// half is one (`某公司审核委员会及提名委员会` → `某公司审核委员会`,
/// `某公司提名委员会`: the second takes what stands before the first's
/// work, the company); `None` otherwise.
fn committees_joined(org: &str) -> Option<(&str, String)> {
    let (first, second) = org.split_once('及').or_else(|| org.split_once('和'))?;
    if !first.ends_with("委员会") || !is_committee(second) || second.contains(['及', '和']) {
        return None;
    }
    // The company before the first committee: what stands before its
    // board (`董事会`), else nothing.
    let base = board_company(first)
        .map(|company| {
            let board = ["董事会", "监事会"]
                .iter()
                .find(|w| {
                    first
                        .get(company.len()..)
                        .is_some_and(|r| r.starts_with(*w))
                })
                .map_or("", |w| *w);
            format!("{company}{board}")
        })
        .unwrap_or_default();
    Some((first, format!("{base}{second}")))
}

/// Whether `org`, after an item of the Party committee `before` (`某县县委`,
/// `中共某市委`, `某公司党委`), is one of its departments (`组织部`,
/// `宣传部`, `统战部`, `政法委`, `办公室`).
fn of_party_committee(before: &str, org: &str) -> bool {
    const DEPARTMENTS: &[&str] = &[
        "组织部",
        "宣传部",
        "统战部",
        "统一战线工作部",
        "政法委",
        "政法委员会",
        "办公室",
    ];
    let committee = [
        "县委",
        "市委",
        "省委",
        "区委",
        "州委",
        "旗委",
        "党委",
        "党工委",
    ]
    .iter()
    .any(|w| before.ends_with(w));
    committee && DEPARTMENTS.contains(&org)
}

/// Whether `org` is a committee named by its work alone: a `…委员会` of a
/// few characters that starts with no place or level (`人事工作委员会`,
/// `薪酬与考核委员会`).
fn is_committee(org: &str) -> bool {
    org.ends_with("委员会") && org.chars().count() <= 10 && !qualify::starts_with_level(org)
}

/// The organs a company, a university or a department has (`党委`,
/// `董事会`), written after its name.
const ORGANS: &[&str] = &["党委", "党组", "纪委", "纪检组", "董事会", "监事会"];

/// The court an organisation is or is part of (`…中级人民法院` of
/// `…中级人民法院审判委员会`), when it names one.
fn court_of(org: &str) -> Option<&str> {
    ["人民法院", "人民检察院"]
        .iter()
        .find_map(|w| find(org, w).and_then(|at| org.get(..at + w.len())))
}

/// The organisation of a title that names its organ (`党委委员` after
/// `…公司党委书记`): the organ's parent, so that it is not written twice.
fn unit_of<'a>(previous: &'a str, title: &str) -> &'a str {
    ORGANS
        .iter()
        .find(|w| title.starts_with(*w))
        .and_then(|w| previous.strip_suffix(w).filter(|p| !p.is_empty()))
        .unwrap_or(previous)
}

/// The company whose board (or a board's committee) an organisation is
/// (`某公司第九届董事会战略委员会` → `某公司`), when it names one.
fn board_company(org: &str) -> Option<&str> {
    let before = ["董事会", "监事会"]
        .iter()
        .filter_map(|w| find(org, w))
        .min()
        .and_then(|at| org.get(..at))?;
    // Less the board's term (`第九届`).
    let company = before
        .rsplit_once('第')
        .filter(|(_, term)| {
            term.strip_suffix('届')
                .is_some_and(|n| !n.is_empty() && n.chars().all(super::numerals::is_numeral))
        })
        .map_or(before, |(company, _)| company);
    (!company.is_empty()).then_some(company)
}

/// A company's officers, whom its management holds and no board.
const OFFICERS: &[&str] = &[
    "总经理",
    "副总经理",
    "总裁",
    "副总裁",
    "行长",
    "副行长",
    "财务总监",
    "财务负责人",
    "首席执行官",
    "首席财务官",
];

/// The name an organisation writes in quotation brackets (`「X」`), when
/// nothing but a bracketed short name (`「X」（Y）`) follows it.
fn quoted_name(org: &str) -> Option<&str> {
    let inner = org.strip_prefix(['「', '『'])?;
    let (name, after) = inner.split_once(['」', '』'])?;
    let defined = after.is_empty()
        || (after.starts_with(OPEN) && after.ends_with(CLOSE) && !after.contains(['「', '『']));
    (defined && !name.is_empty()).then_some(name)
}

/// The body a post's holder heads or serves in, for a bare title after it:
/// its organisation, with the unit a head's title names when the post was
/// split before it (`科技部長` is `科技` + `部長`: the body is `科技部`,
/// whose `政務次長` follows, r06).
pub(super) fn body_of(post: &Post) -> String {
    const UNITS: &str = "部局厅署处司院校所科馆站行台社";
    let org = post.organisation();
    let title = post.title();
    let head = title
        .strip_prefix("常务副")
        .or_else(|| title.strip_prefix('副'))
        .unwrap_or(title);
    let mut chars = head.chars();
    match (chars.next(), chars.as_str()) {
        // (Not a school's 校长: `浙江工商大学` is the school.)
        (Some(unit), "长")
            if UNITS.contains(unit)
                && !org.ends_with(unit)
                && !(unit == '校' && org.ends_with(['学', '院'])) =>
        {
            format!("{org}{unit}")
        }
        _ => org.to_owned(),
    }
}

/// The organisation a title-only item takes from the item before it: that
/// item's, except that a judge's or a prosecutor's rank (`审判员`,
/// `审判委员会委员`, `检察员` …) is held at the court or procuratorate, not
/// at the tribunal named before it (`…中级人民法院刑事审判第一庭副庭长、
/// 审判员`); and a head of government's (`镇长`) is held at the place,
/// not at its congress named before it; and a company's officer
/// (`总经理`) at the company, not at a board committee named before it.
pub(super) fn held_at<'a>(previous: &'a str, title: &str) -> &'a str {
    const COURT_TITLES: &[&str] = &[
        "审判员",
        "助理审判员",
        "审判委员会委员",
        "检察员",
        "助理检察员",
        "检察委员会委员",
    ];
    // A head of government is the place's, not its congress's or Party
    // committee's (`鉴江镇人大主席、镇长`: the town's 镇长).
    if qualify::head_level(title).is_some() {
        return ["人民代表大会", "人大", "政协", "党委"]
            .iter()
            .filter_map(|w| find(previous, w))
            .min()
            .and_then(|at| previous.get(..at))
            .filter(|place| place.ends_with(['镇', '乡', '县', '区', '市', '州', '省']))
            .unwrap_or(previous);
    }
    // A company's officer is the company's, not its board's or a board
    // committee's named before (`…董事会战略委员会委员及总经理`, l14).
    if OFFICERS.contains(&title) {
        return board_company(previous).unwrap_or(previous);
    }
    if !COURT_TITLES.contains(&title) {
        return previous;
    }
    ["人民法院", "人民检察院"]
        .iter()
        .find_map(|w| find(previous, w).and_then(|at| previous.get(..at + w.len())))
        .unwrap_or(previous)
}

/// Words no organisation's name holds, which a statement does: its verbs
/// (`任命`, `免职`), `职务` inside it, and the words that turn a
/// sentence (`至于`, `拟由`, `首次`), or tell of who holds a post now or
/// enters a body (`现任`, `进入`), or a report's prose (`成为`). (Not `提名`: `提名委员会` is a
/// board's committee; not `担任`: `其所担任的董事会秘书职务` is a post.)
const STATEMENT_WORDS: &[&str] = &[
    "任命", "免职", "职务", "至于", "拟由", "首次", "现任", "进入",
    // A report's prose (`谢晖的离任也意味着他成为…主帅`, y09).
    "成为", "意味", "离任",
];

/// The pieces of a post item joined by `及` (`…办公室主任及…中心主任`),
/// `和`, `与` or `兼` (`总经理兼财务总监`):
/// cut where the text before `及` is a whole post, ending in a title, and
/// nowhere else (`及` can be part of a name).
pub(super) struct AndSplit<'a> {
    pub(super) rest: Option<&'a str>,
}

impl<'a> Iterator for AndSplit<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest.take()?;
        // A vector search first: almost no item holds 及 or 和.
        if !rest.contains(['及', '和', '与', '兼']) {
            return Some(rest);
        }
        let whole = |text: &str| {
            let bare = bare_post(text);
            lexicon::split_post(bare).is_some() || lexicon::is_title(bare)
        };
        // How deep inside quotation brackets the text is where the search
        // has come to (each part of the text looked at once).
        let (mut depth, mut scanned) = (0usize, 0usize);
        for (at, word) in rest.match_indices(['及', '和', '与', '兼']) {
            let (Some(left), Some(right)) = (rest.get(..at), rest.get(at + word.len()..)) else {
                continue;
            };
            // (Not inside a name in quotation brackets: `「前任行政长官及
            // 政治委任官员离职后工作谘询委员会」`, z19.)
            for c in left.get(scanned..).unwrap_or("").chars() {
                match c {
                    '「' => depth += 1,
                    '」' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            scanned = at;
            if depth > 0 {
                continue;
            }
            // `和` joins words inside a name (`住房和城乡建设部`) far more
            // often than posts: it joins two posts only when both are whole
            // (`国家发改委副主任(正部长级)和国家食品药监局局长`, h08); so
            // does `与` (`董事长与总裁`, d23; `环境与资源保护委员会` is a
            // name).
            // (A post ends in a title's last character or a marker's
            // parenthesis: checked first, so that the 和 of a name costs
            // no look-up in the lexicon.)
            let after_title = left
                .chars()
                .next_back()
                .is_some_and(|c| "长任记员理事官师委监裁席表书）)".contains(c));
            // `兼` inside a title joins two titles one person holds
            // (`总经理兼财务总监`, d15; `社长兼总编辑`, o20): no flag.
            // (`…主席以及审核委员会…成员`, r16.)
            let left = match word {
                "及" => left.strip_suffix('以').unwrap_or(left),
                _ => left,
            };
            let joins = match word {
                "及" => !right.is_empty() && whole(left),
                "兼" => {
                    after_title && !right.starts_with(['任', '职']) && whole(left) && whole(right)
                }
                _ => after_title && !right.is_empty() && whole(left) && whole(right),
            };
            if joins {
                self.rest = Some(right);
                return Some(left);
            }
        }
        Some(rest)
    }
}
