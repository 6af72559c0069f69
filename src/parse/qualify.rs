//! Organisations a notice names by a short form, written out in full from
//! what the notice says of itself.
//!
//! A county's notice writes `县教育局` for its own education bureau, a
//! company's `公司` or `集团公司` for itself and `工程管理部` for one of its
//! departments, a hospital `心血管内科`. Kept as written, the 县教育局 of two
//! counties would be one post in a ledger that holds both. A careful
//! records keeper writes the name out, and so does the parser:
//!
//! * a name that starts with a level of government (`县`, `市`, `区` …) takes
//!   the issuer's place names up to that level: `济南市槐荫区人民政府`
//!   turns `区财政局` into `济南市槐荫区财政局` and `市财政局` into
//!   `济南市财政局`; a level the issuer's place does not have (a county
//!   notice's `省统计局`) is left as written;
//! * a government department's units (`厅综合规划处`, `局办公室`) are the
//!   department's, when the department issues the notice;
//! * when the issuer is an institution (a company, a group, a university, a
//!   hospital, a bank), the words it uses for itself (`公司`, `本公司`,
//!   `集团公司`, `学校`, `本院` …) are its name, and a unit with no place or
//!   institution of its own (`工程管理部`, `计算机科学与技术学院`) is one of
//!   its units; its board and the board's term (`董事会`, `第九届董事会`)
//!   are kept as written (the ledger knows a seat on a board as the
//!   company's: `model::without_board_term`).
//!
//! The issuer is read from the signature, the lines above the title and
//! the title (the part before `关于`, or all of a list's title).
//! The clause text in each event's provenance keeps what was written.

use crate::model::Post;

/// The levels of government a place name is made of.
const LEVELS: &[char] = &['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡'];

/// Words that start with a level character and are no level:
/// `市场监督管理局`, `区域…`, `乡村振兴局`, `县长` …
const NOT_LEVELS: &[&str] = &[
    "市场",
    "市政管",
    "市政公",
    "市容",
    "市民",
    "区域",
    "区块",
    "县域",
    "省级",
    "市级",
    "县级",
    "区级",
    "乡村",
    "乡镇",
    "镇街",
    "州长",
    "县长",
    "市长",
    "区长",
    "省长",
    "镇长",
    "乡长",
];

/// Where a government's name ends and its place name begins: the words
/// after the place (`济南市槐荫区` + `人民政府`).
const GOVERNMENT: &[&str] = &[
    "人民政府",
    "人民代表大会",
    "人大常委会",
    "人大",
    "政府",
    "委员会",
    "委",
    "人民法院",
    "人民检察院",
    "监察委员会",
];

/// How an institution's own name ends.
const INSTITUTIONS: &[&str] = &[
    "有限责任公司",
    "有限公司",
    "股份公司",
    "公司",
    "集团",
    "大学",
    "学院",
    "医院",
    "银行",
    "中学",
    "小学",
    "学校",
    "研究院",
    "研究所",
];

/// What an institution's notice calls it.
const SELF: &[&str] = &[
    "本公司",
    "集团公司",
    "公司",
    "本集团",
    "集团",
    "本行",
    "我行",
    "总行",
    "本校",
    "我校",
    "学校",
    "本院",
    "我院",
    "医院",
    "院",
    "本单位",
    // A report's words for the company or bank it has named.
    "该公司",
    "该行",
    "该集团",
];

/// How a unit ends when it stands on its own and belongs to no issuer:
/// another company, a government body.
const STANDALONE: &[&str] = &[
    "公司",
    "集团",
    "大学",
    "医院",
    "银行",
    "政府",
    "人民法院",
    "人民检察院",
    "中学",
    "小学",
];

/// What the notice says of itself: the issuer's place names and, when it
/// is an institution, its name.
#[derive(Debug, Default)]
pub(crate) struct Issuer {
    place: String,
    institution: Option<String>,
    /// A government department that issues for itself (`江西省交通运输厅`,
    /// `济宁市人力资源和社会保障局`): its `厅…处`, `局办公室` are its own.
    department: Option<String>,
    /// The short names the text defines (`「…薪津獨立委員會」(獨立委員會)`):
    /// (short, full).
    short_names: Vec<(String, String)>,
}

impl Issuer {
    /// Reads the issuer from its names (the signature's and those above
    /// the title, joined by `、`) and the title.
    pub fn of(issuer: &str, title: &str) -> Issuer {
        // `某县人民政府关于…的通知`, or a list's `某县人民代表大会常务委员会
        // 任免名单`.
        let from_title = title.split_once("关于").map_or(title, |(before, _)| before);
        let names = issuer
            .split('、')
            .chain(std::iter::once(from_title))
            .filter(|n| !n.is_empty());
        let mut found = Issuer::default();
        for name in names {
            let name = name.strip_prefix("中共").unwrap_or(name);
            if found.place.is_empty()
                && let Some(place) = place_of(name)
            {
                found.place = place.to_owned();
            }
            if found.institution.is_none() {
                found.institution = institution_of(name).map(str::to_owned);
            }
            if found.department.is_none() {
                found.department = department_of(name).map(str::to_owned);
            }
        }
        found
    }

    /// This issuer, the company the text defines as its `公司`, when the
    /// text does (see `decisions::defined_company`): that name over any
    /// other the notice gives itself.
    pub fn defined(mut self, company: Option<String>) -> Issuer {
        if company.is_some() {
            self.institution = company;
        }
        self
    }

    /// This issuer, a company known by the short name its listing gives
    /// (`哈工智能(000584.SZ)`) when nothing else names the institution.
    pub fn listed(mut self, company: Option<String>) -> Issuer {
        if self.institution.is_none() {
            self.institution = company;
        }
        self
    }

    /// This issuer, with the short names the text defines (see
    /// `decisions::defined_names`).
    pub fn short_names(mut self, names: Vec<(String, String)>) -> Issuer {
        self.short_names = names;
        self
    }

    /// `post` with its organisation written out in full, if it was short.
    pub fn qualify(&self, post: &Post) -> Option<Post> {
        let org = post.organisation();
        if let Some((_, full)) = self.short_names.iter().find(|(short, _)| short == org) {
            return Some(Post::new(full, post.title()));
        }
        let full = self
            .by_level(org)
            .or_else(|| self.by_department(org))
            .or_else(|| self.by_institution(org))?;
        Some(Post::new(&full, post.title()))
    }

    /// `区财政局` → `济南市槐荫区财政局`.
    fn by_level(&self, org: &str) -> Option<String> {
        let level = level_of(org)?;
        // The place's names end where a level ends a name of two or more
        // characters: 济南市|市中区, not 济南市市|中区.
        let mut end = None;
        let mut from = 0;
        for (at, c) in self.place.char_indices() {
            let stop = at + c.len_utf8();
            let long = self
                .place
                .get(from..stop)
                .is_some_and(|n| n.chars().count() >= 2);
            if LEVELS.contains(&c) && long {
                if c == level {
                    end = Some(stop);
                }
                from = stop;
            }
        }
        let rest = org.get(level.len_utf8()..)?;
        Some(format!("{}{rest}", self.place.get(..end?)?))
    }

    /// `厅综合规划处` → `江西省交通运输厅综合规划处`, `局办公室` → the
    /// bureau's office: the department's last word starts the unit.
    fn by_department(&self, org: &str) -> Option<String> {
        let department = self.department.as_deref()?;
        let word = DEPARTMENTS.iter().find(|w| department.ends_with(*w))?;
        let rest = org.strip_prefix(word).filter(|r| !r.is_empty())?;
        Some(format!("{department}{rest}"))
    }

    /// `公司` → the company; `集团公司工程管理部` → the company's department;
    /// `心血管内科` → the hospital's.
    fn by_institution(&self, org: &str) -> Option<String> {
        let institution = self.institution.as_deref()?;
        if org.starts_with(institution) {
            return None;
        }
        if let Some(rest) = SELF.iter().find_map(|w| org.strip_prefix(w)) {
            // `公司` itself, or `公司工程管理部`, `公司第九届董事会` (a board
            // and its term are kept as written: the ledger knows a seat on
            // it as the company's, `model::without_board_term`); not `公司A`
            // that happens to start so (none does: `公司` starts no other
            // name).
            return Some(format!("{institution}{rest}"));
        }
        let placed = org
            .chars()
            .take(8)
            .any(|c| LEVELS.contains(&c) || c == '国' || c == '省');
        // `江城置业有限公司工会`, `华夏银行江城分行`: a body of its own.
        let standalone = STANDALONE.iter().any(|w| org.contains(w)) || org.contains("分行");
        (!placed && !standalone).then(|| format!("{institution}{org}"))
    }
}

/// The company or bank a sentence of a report is about, when the part
/// starts with its name (`中建西部建设股份有限公司于…召开…`, `中国银行星期天
/// (3月19日)公告`) or names it before its announcement (`上海银行公告称`,
/// `中国银行发布公告称`): what the report's `公司` and `该行` then mean.
pub(crate) fn subject_company(part: &str) -> Option<&str> {
    // (Less what a broken line left before it: `2024-071`; and what the
    // sentence is addressed to: `教育部日前向人民大学发布通知`.)
    let part = part.trim_start_matches(|c: char| c.is_ascii());
    // (`据万泰生物1月13日公告称`, y14: the paper's source.)
    let part = part.strip_prefix('据').unwrap_or(part);
    let part = part
        .find("向")
        .filter(|&at| at <= 18)
        .and_then(|at| part.get(at + '向'.len_utf8()..))
        .unwrap_or(part);
    // `中国银行发布公告称`, `上海银行公告称`: the name before 公告.
    if let Some(at) = part.find("公告") {
        let before = part.get(..at)?;
        let before = announcer(before);
        let plain = (2..=12).contains(&before.chars().count())
            && before
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if plain && COMPANIES.iter().any(|w| before.ends_with(w)) {
            return Some(before);
        }
    }
    // A full name at the start, to its last ending (`…保险集团股份有限
    // 公司`, not `…保险集团`).
    let plain = |name: &&str| {
        (4..=30).contains(&name.chars().count())
            && name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && !name.contains(['为', '任', '的'])
            && !name.starts_with(SELF_START)
            && !NOT_IN_NAMES.iter().any(|w| name.contains(w))
    };
    COMPANIES
        .iter()
        .filter_map(|w| part.find(w).and_then(|at| part.get(..at + w.len())))
        .filter(plain)
        .max_by_key(|name| name.len())
}

/// The company a report's sentence names by its listing, or by the short
/// name a stock site writes alone before its announcement: a company
/// whatever its name ends in, which the report's `公司` then means.
///
/// ```text
/// 晋西车轴(600495.SH)今日发布关于公司董事长辞职的公告 → 晋西车轴
/// ST中装(002822.SZ)也发布重大人事变动公告 → ST中装
/// 南模生物公告 → 南模生物
/// 飞鹿股份再发公告称 → 飞鹿股份
/// ```
pub(crate) fn listed_subject(part: &str) -> Option<&str> {
    // (Less what a broken line left before it, not the `*` of `*ST`.)
    let part = part
        .trim_start_matches(|c: char| c.is_ascii_digit() || (c.is_ascii_punctuation() && c != '*'));
    let part = part.strip_prefix('据').unwrap_or(part);
    if let Some(open) = part.find(['(', '（']) {
        let name = part.get(..open)?;
        let listed = super::decisions::listed_name(name);
        if listed.len() == name.len()
            && listed.chars().count() >= 2
            && super::decisions::is_stock_code(part.get(open..)?)
        {
            return Some(listed);
        }
    }
    let at = part.find("公告")?;
    let before = announcer(part.get(..at)?);
    let after = part.get(at + "公告".len()..)?;
    let short = (2..=6).contains(&before.chars().count())
        && before
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !before.starts_with(SELF_START)
        && !NOT_IN_NAMES.iter().any(|w| before.contains(w))
        && may_be_short_name(before);
    let said = after.is_empty() || after.starts_with('称') || after.starts_with("显示");
    (short && said).then_some(before)
}

/// The name before an announcement's `公告`, less the verb and an adverb
/// between (`飞鹿股份再发公告称`, `光大银行还公告称`, d23, j21).
fn announcer(before: &str) -> &str {
    let before = ["发布", "发出", "披露", "发"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    // (`第一医药2月7日公告`, r24; `天坛生物7月2日盘后发布公告`, r03: the
    // day and the hour it was made.)
    let before = ["盘后", "盘前", "盘中", "晚间", "早间", "午间"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    let before = super::dates::without_trailing_day(before);
    before
        .strip_suffix([
            '还', '也', '亦', '又', '再', '另', '则', '并', '均', '已', '今', '昨',
        ])
        .unwrap_or(before)
}

/// The company a report's sentence says convened its board or its
/// shareholders (`华东科技召开第九届董事会第四次会议`, d20): the name before
/// `召开`, whatever it ends in, which the report's `公司` then means.
pub(crate) fn convenes_board(part: &str) -> Option<&str> {
    let at = part.find("召开")?;
    let (name, meeting) = (part.get(..at)?, part.get(at + "召开".len()..)?);
    let meeting = meeting.strip_prefix('第').map_or(meeting, |term| {
        term.find('届')
            .and_then(|at| term.get(at + '届'.len_utf8()..))
            .unwrap_or(term)
    });
    let board = ["董事会", "股东大会", "临时股东大会", "监事会"]
        .iter()
        .any(|w| meeting.starts_with(w));
    let plain = (2..=12).contains(&name.chars().count())
        && name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !name.starts_with(SELF_START)
        && !NOT_IN_NAMES.iter().any(|w| name.contains(w))
        && !["会议", "董事会", "今天", "昨天", "日前", "近日"]
            .iter()
            .any(|w| name.contains(w));
    (board && plain).then_some(name)
}

/// The place whose head a bare title names (`副省长`, `市长`, `县长`):
/// the place of the first body of that level a text names (`四川省第十屆
/// 人民代表大會…接受陳文光辭去副省長職務` → `四川省`), or `None`.
pub(crate) fn place_headed(text: &str, title: &str) -> Option<String> {
    let level = head_level(title)?;
    // A body the place is named for, soon after it.
    const BODIES: &[&str] = &[
        "人民代表大会",
        "人大",
        "人民政府",
        "政府",
        "政协",
        "委员会",
        "委",
    ];
    text.char_indices()
        .filter(|(_, c)| *c == level)
        .find_map(|(at, c)| {
            let end = at + c.len_utf8();
            let after: String = text.get(end..)?.chars().take(12).collect();
            let body = BODIES.iter().any(|w| {
                after.starts_with(w)
                    || after
                        .strip_prefix('第')
                        .and_then(|r| r.split_once('届'))
                        .is_some_and(|(_, r)| r.starts_with(w))
                    || after
                        .split_once('届')
                        .is_some_and(|(n, r)| n.chars().count() <= 3 && r.starts_with(w))
            });
            if !body {
                return None;
            }
            // The place's own name: two to six Han characters before the
            // level, after the last character that is none.
            let name = super::text::han_tail(text.get(..at)?, 6);
            (name.chars().count() >= 2).then(|| format!("{name}{c}"))
        })
}

/// How many times one text's [`Places::written_out`] looks through it:
/// each look is a pass over the text, so a text of more short names than
/// any report writes stays linear (the rest are left as written).
const LOOKS: usize = 32;

/// The places a text of no issuer names, for the short names it writes
/// (`区红十字会`, `市教育科学研究院`): a report says where it is
/// (`金山区红十字会召开…`, `厦门市教育局发布了任职通知`) and then writes
/// `区…`, `市…`, as a notice does for its issuer. A roundup of several
/// places means the one it named last before.
#[derive(Debug)]
pub(crate) struct Places {
    /// The text, its lines joined.
    text: String,
    /// Each line's number and where it ends in `text`.
    ends: Vec<(u32, usize)>,
    /// What was looked for (organisation, line) and found.
    looked: Vec<((String, u32), Option<String>)>,
}

impl Places {
    /// The places of a text given as its lines (number, text).
    pub fn of<'a>(lines: impl Iterator<Item = (u32, &'a str)>) -> Places {
        let mut text = String::new();
        let mut ends = Vec::new();
        for (no, line) in lines {
            text.push_str(line);
            ends.push((no, text.len()));
        }
        Places {
            text,
            ends,
            looked: Vec::new(),
        }
    }

    /// `org` (`区红十字会`), read on `line`, written out from the text: as
    /// the text writes it in full (`金山区红十字会`: the last time before
    /// the line, else the first after), else with the last place of its
    /// level the text names before the line as a government, a congress or
    /// a department (`厦门市教育局` → `厦门市教育科学研究院`). `None` when
    /// `org` starts with no level, or the text names no such place.
    pub fn written_out(&mut self, org: &str, line: u32) -> Option<String> {
        let level = level_of(org)?;
        let rest = org.get(level.len_utf8()..)?;
        if let Some((_, found)) = self
            .looked
            .iter()
            .find(|((o, l), _)| o == org && *l == line)
        {
            return found.clone();
        }
        if self.looked.len() >= LOOKS {
            return None;
        }
        let text = self.text.as_str();
        let end = self
            .ends
            .iter()
            .find(|(no, _)| *no >= line)
            .map_or(text.len(), |(_, end)| *end);
        let written: Vec<(usize, &str)> = super::text::occurrences(text, org)
            .filter_map(|at| place_before(text.get(..at)?).map(|p| (at, p)))
            .collect();
        let found = written
            .iter()
            .rev()
            .find(|(at, _)| *at < end)
            .or(written.first())
            .map(|(_, place)| format!("{place}{org}"))
            .or_else(|| {
                let place = government_place(text.get(..end)?, level)?;
                Some(format!("{place}{rest}"))
            });
        self.looked.push(((org.to_owned(), line), found.clone()));
        found
    }
}

/// The place name that ends `before`: its whole run of Han characters,
/// two to six of them, after a character that is none (a line's start, a
/// comma, a date), and ending in no word of a sentence (`调任`, `在`).
fn place_before(before: &str) -> Option<&str> {
    let run = super::text::han_tail(before, 7);
    let count = run.chars().count();
    let head = before.get(..before.len() - run.len()).unwrap_or("");
    // (After a list's `、` stands a name: `接受A、B辞去省…`, e10.)
    let bounded = count < 7 && !head.ends_with('、');
    // (`由原市府参议…`: a former post's `原`, after the `由` of who takes
    // over.)
    let ends = [
        '为', '在', '于', '到', '至', '的', '由', '向', '从', '兼', '及', '与', '是', '去', '原',
    ];
    let verbs = ['任', '免', '聘', '辞', '选', '命', '被', '将', '已', '经'];
    let sentence = run.ends_with(ends) || run.starts_with('由') || run.contains(verbs);
    ((2..=6).contains(&count) && bounded && !sentence).then_some(run)
}

/// The last place of `level` that `text` names as a government, a
/// congress or one of its departments (`厦门市教育局`, `金山区人民政府`,
/// `四川省第十届人民代表大会`): the place with its level.
fn government_place(text: &str, level: char) -> Option<String> {
    text.char_indices()
        .filter(|(_, c)| *c == level)
        .rev()
        .find_map(|(at, c)| {
            let end = at + c.len_utf8();
            let after = text.get(end..)?;
            // (Past a term: `第十届人民代表大会`.)
            let after = after
                .strip_prefix('第')
                .and_then(|r| r.split_once('届'))
                .filter(|(n, _)| n.chars().count() <= 3)
                .map_or(after, |(_, r)| r);
            let body = GOVERNMENT.iter().any(|w| after.starts_with(w)) || {
                // A department: a short name of Han characters ending as one
                // does (`教育局`).
                after
                    .chars()
                    .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                    .take(8)
                    .enumerate()
                    .any(|(i, c)| (1..=6).contains(&i) && ['局', '厅'].contains(&c))
            };
            let word = NOT_LEVELS
                .iter()
                .filter_map(|w| w.strip_prefix(level))
                .any(|w| after.starts_with(w));
            let place = place_before(text.get(..at)?)?;
            (body && !word).then(|| format!("{place}{c}"))
        })
}

/// The level of government whose head a title names (`副省长` → `省`).
pub(crate) fn head_level(title: &str) -> Option<char> {
    match title.trim_start_matches(['副', '常', '务', '代']) {
        "省长" => Some('省'),
        "市长" => Some('市'),
        "县长" => Some('县'),
        "区长" => Some('区'),
        "州长" => Some('州'),
        "镇长" => Some('镇'),
        "乡长" => Some('乡'),
        _ => None,
    }
}

/// How the name of a company or a bank ends, and then of another
/// institution a report speaks of ([`COMPANY_ENDS`] of them are companies').
const COMPANIES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "银行",
    "集团",
    "大学",
    "学院",
    "医院",
];

/// How many of [`COMPANIES`] end a company's or a bank's name.
const COMPANY_ENDS: usize = 5;

/// Whether an institution's name is a company's or a bank's: one whose
/// report's `公司`, `董事会`, `该行` mean it.
pub(crate) fn is_company(name: &str) -> bool {
    COMPANIES
        .get(..COMPANY_ENDS)
        .is_some_and(|ends| ends.iter().any(|w| name.ends_with(w)))
}

/// The word a company's or bank's own statement uses for itself when one
/// of its organs is the subject (`公司董事会同意…`, `本行董事会…`), or the
/// short name a report gives it there (`台積電董事會通過，由張偉接任董事長`).
pub(super) fn organ_of_itself(clause: &str) -> Option<&str> {
    const ORGANS: [&str; 3] = ["董事会", "监事会", "股东大会"];
    // Only the clause's opening is looked at: a day, a short name and an
    // organ fit in 96 bytes, and a clause of many parts, each asking,
    // stays linear.
    let mut end = clause.len().min(96);
    while !clause.is_char_boundary(end) {
        end -= 1;
    }
    let clause = clause.get(..end).unwrap_or("");
    // (After the day that opens it: `2021年3月4日，公司董事会…`.)
    let clause = clause
        .split_once(['，', ','])
        .filter(|(day, _)| {
            day.ends_with('日')
                && day.chars().count() <= 12
                && day.chars().all(|c| {
                    c.is_ascii_digit() || "年月日".contains(c) || super::numerals::is_numeral(c)
                })
        })
        .map_or(clause, |(_, rest)| rest);
    if let Some(word) = ["本公司", "公司", "本行"]
        .iter()
        .find(|w| clause.starts_with(*w))
    {
        let organ = clause.get(word.len()..)?;
        return ORGANS.iter().any(|o| organ.starts_with(o)).then_some(*word);
    }
    // A short name, of Han characters (and a listing's ST), opens the clause.
    let at = ORGANS.iter().filter_map(|o| clause.find(o)).min()?;
    let name = clause.get(..at)?;
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let plain = (2..=8).contains(&name.chars().count())
        && name.chars().all(|c| han(c) || "ST*＊".contains(c))
        // (A clause's opening may be a sentence, `会议审议董事会的报告`:
        // no such character anywhere in it.)
        && !name.contains(NOT_SHORT_ENDS)
        && may_be_short_name(name);
    plain.then_some(name)
}

/// Words of a sentence that no company's name holds.
const NOT_IN_NAMES: &[&str] = &[
    "辞去", "免去", "聘任", "解聘", "选举", "收到", "召开", "宣布", "决定", "同意", "批准",
    // A headline's verb (`陳洪生免職 保利集團高層大變動`, d05).
    "免职", "辞职", "任命", "接任", "卸任", "换人",
];

/// What a short name before `公告` ends in when it is a time or a body,
/// not a company (`近日公告`, `董事会公告`); a company's name may hold them
/// elsewhere (`天坛生物`, `日照港`).
const NOT_SHORT_ENDS: &[char] = &[
    '日', '天', '晚', '年', '月', '间', '会', '局', '部', '院', '厅', '委', '府',
];

/// What a short name before `公告` holds when it refers or cites, not
/// names (`该公告`, `据此公告`, `上述公告`).
const NOT_SHORT_NAMES: &[&str] = &["此", "该", "另", "据", "按", "述"];

/// Whether `name` could be a company's short name by what it holds (see
/// [`NOT_SHORT_ENDS`] and [`NOT_SHORT_NAMES`]).
fn may_be_short_name(name: &str) -> bool {
    !name.ends_with(NOT_SHORT_ENDS) && !NOT_SHORT_NAMES.iter().any(|w| name.contains(w))
}

/// What starts a report's word for a company, not its name.
const SELF_START: &[char] = &['公', '该', '本', '我', '其'];

/// Whether a name starts with a level of government (`区红十字会`), as a
/// short name does.
pub(crate) fn starts_with_level(org: &str) -> bool {
    level_of(org).is_some()
}

/// The level of government a name starts with (`县` of `县财政局`), when
/// it starts with one and not with a word (`市场…`).
fn level_of(org: &str) -> Option<char> {
    let level = org.chars().next().filter(|c| LEVELS.contains(c))?;
    let word = NOT_LEVELS.iter().any(|w| org.starts_with(w));
    (!word && org.chars().count() >= 2).then_some(level)
}

/// How a government department's name ends (`…交通运输厅`, `…局`).
const DEPARTMENTS: &[&str] = &["厅", "局", "委", "办", "署"];

/// The department an issuer names (`中共济宁市人力资源和社会保障局党组` →
/// `济宁市人力资源和社会保障局`), when it is one: a place's body whose name,
/// less the organ that signs for it, ends as a department's does.
fn department_of(name: &str) -> Option<&str> {
    let mut name = name;
    while let Some(less) = ["党组", "党委"].iter().find_map(|w| name.strip_suffix(w)) {
        name = less;
    }
    let placed = name.chars().take(8).any(|c| LEVELS.contains(&c));
    (placed && DEPARTMENTS.iter().any(|w| name.ends_with(w)) && name.chars().count() > 3)
        .then_some(name)
}

/// The place names a name starts with: a government's (`济南市槐荫区人民
/// 政府` → `济南市槐荫区`), or the place a body is of (`西河县教育和体育局`,
/// `临川市第一人民医院` → `西河县`, `临川市`), when there is one.
fn place_of(name: &str) -> Option<&str> {
    // The government's word right after a level: one pass over the name.
    let after_level = name
        .char_indices()
        .filter(|(_, c)| LEVELS.contains(c))
        .map(|(at, c)| at + c.len_utf8())
        .find(|&end| {
            name.get(end..)
                .is_some_and(|rest| GOVERNMENT.iter().any(|w| rest.starts_with(w)))
        });
    if let Some(at) = after_level {
        let place = name.get(..at)?;
        if place.ends_with(LEVELS) {
            return Some(place);
        }
    }
    // A place name of two to four characters and its level; not the 市 of
    // a word (`城市`, `都市`, `超市`).
    let (at, level) = name
        .char_indices()
        .take(5)
        .skip(2)
        .find(|(_, c)| LEVELS.contains(c))?;
    let place = name.get(..at + level.len_utf8())?;
    let word = ["城市", "都市", "超市", "门市"]
        .iter()
        .any(|w| place.ends_with(w));
    (!word).then_some(place)
}

/// The institution an issuer names (`浙江华晟新材料股份有限公司董事会` →
/// `浙江华晟新材料股份有限公司`), when it is one: its name, less the organ
/// that signs for it, ends as an institution's does.
fn institution_of(name: &str) -> Option<&str> {
    let mut name = name;
    while let Some(less) = ORGANS.iter().find_map(|w| name.strip_suffix(w)) {
        name = less;
    }
    let ends = INSTITUTIONS.iter().any(|w| name.ends_with(w));
    (ends && name.chars().count() > 3).then_some(name)
}

/// The organs that sign for an institution (`…公司董事会`, `…大学党委`).
const ORGANS: &[&str] = &[
    "董事会",
    "监事会",
    "委员会",
    "党委",
    "党组",
    "人事处",
    "组织部",
    "人力资源部",
    "办公室",
    "人事部",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_whose_organ_is_the_subject_names_itself() {
        assert_eq!(organ_of_itself("公司董事会同意解聘…"), Some("公司"));
        assert_eq!(organ_of_itself("台积电董事会通过"), Some("台积电"));
        assert_eq!(organ_of_itself("2021年3月4日，本行董事会…"), Some("本行"));
        assert_eq!(organ_of_itself("ST凯利董事会选举…"), Some("ST凯利"));
        // Not a sentence that only mentions a board, nor a body's name.
        assert_eq!(organ_of_itself("会议审议董事会的报告"), None);
        assert_eq!(organ_of_itself("省国资委董事会"), None);
        assert_eq!(organ_of_itself("会议听取了关于董事会换届的说明"), None);
    }

    #[test]
    fn a_head_of_government_is_of_the_place_a_body_is_named_for() {
        let text = "17日，四川省第十届人民代表大会第四次会议通过决定";
        assert_eq!(place_headed(text, "副省长").as_deref(), Some("四川省"));
        assert_eq!(
            place_headed("鉴江镇人大", "镇长").as_deref(),
            Some("鉴江镇")
        );
        // No body of that level, or a title that heads none.
        assert_eq!(place_headed(text, "副市长"), None);
        assert_eq!(place_headed(text, "主任"), None);
        assert_eq!(place_headed("城市建设", "市长"), None);
    }

    fn qualified(issuer: &Issuer, org: &str) -> String {
        let post = Post::new(org, "主任");
        issuer
            .qualify(&post)
            .unwrap_or(post)
            .organisation()
            .to_owned()
    }

    #[test]
    fn a_level_takes_the_issuers_place_names_up_to_it() {
        let issuer = Issuer::of("济南市槐荫区人民政府", "");
        assert_eq!(qualified(&issuer, "区财政局"), "济南市槐荫区财政局");
        assert_eq!(qualified(&issuer, "市财政局"), "济南市财政局");
        assert_eq!(qualified(&issuer, "县财政局"), "县财政局");
        assert_eq!(qualified(&issuer, "市场监督管理局"), "市场监督管理局");
        assert_eq!(
            qualified(&issuer, "济南市槐荫区财政局"),
            "济南市槐荫区财政局"
        );
        let party = Issuer::of("", "中共青石县委关于刘志刚等同志任免职的通知");
        assert_eq!(qualified(&party, "县委办公室"), "青石县委办公室");
        assert_eq!(qualified(&party, "县乡村振兴局"), "青石县乡村振兴局");
        assert_eq!(qualified(&party, "乡村振兴局"), "乡村振兴局");
        // A district whose name starts with the city's level: 济南市|市中区.
        let central = Issuer::of("济南市市中区人民政府", "");
        assert_eq!(qualified(&central, "市公安局"), "济南市公安局");
        assert_eq!(qualified(&central, "区财政局"), "济南市市中区财政局");
    }

    #[test]
    fn an_institution_names_itself_and_its_units() {
        let company = Issuer::of("浙江华晟新材料股份有限公司董事会", "");
        assert_eq!(qualified(&company, "公司"), "浙江华晟新材料股份有限公司");
        let group = Issuer::of("江城城市建设投资集团有限公司", "");
        assert_eq!(
            qualified(&group, "集团公司工程管理部"),
            "江城城市建设投资集团有限公司工程管理部"
        );
        assert_eq!(
            qualified(&group, "江城城投置业有限公司"),
            "江城城投置业有限公司"
        );
        assert_eq!(
            qualified(&group, "江城置业有限公司工会"),
            "江城置业有限公司工会"
        );
        // A board, and its term, are kept as written.
        assert_eq!(
            qualified(&company, "公司董事会"),
            "浙江华晟新材料股份有限公司董事会"
        );
        assert_eq!(
            qualified(&company, "公司第九届董事会"),
            "浙江华晟新材料股份有限公司第九届董事会"
        );
        assert_eq!(
            qualified(&company, "浙江华晟新材料股份有限公司第八届监事会"),
            "浙江华晟新材料股份有限公司第八届监事会"
        );
        assert_eq!(
            qualified(&company, "公司董事会审计委员会"),
            "浙江华晟新材料股份有限公司董事会审计委员会"
        );
        let hospital = Issuer::of("", "临川市第一人民医院关于聘任张文斌等同志的通知");
        assert_eq!(
            qualified(&hospital, "心血管内科"),
            "临川市第一人民医院心血管内科"
        );
        // A department's units are its own.
        let department = Issuer::of("江西省交通运输厅", "");
        assert_eq!(
            qualified(&department, "厅综合规划处"),
            "江西省交通运输厅综合规划处"
        );
        let bureau = Issuer::of("中共济宁市人力资源和社会保障局党组", "");
        assert_eq!(
            qualified(&bureau, "局办公室"),
            "济宁市人力资源和社会保障局办公室"
        );
        // A government is no institution: its bodies stay as written.
        let county = Issuer::of("南溪县人民政府", "");
        assert_eq!(qualified(&county, "城投公司"), "城投公司");
    }

    #[test]
    fn a_listing_or_a_short_name_before_its_announcement_is_a_company() {
        let cases = [
            (
                "晋西车轴(600495.SH)今日发布关于公司董事长辞职的公告",
                Some("晋西车轴"),
            ),
            ("ST中装(002822.SZ)也发布重大人事变动公告", Some("ST中装")),
            ("*ST园城(600766.SH)公告", Some("*ST园城")),
            ("南模生物公告", Some("南模生物")),
            ("飞鹿股份再发公告称", Some("飞鹿股份")),
            ("光大银行还公告称", Some("光大银行")),
            // Not a company: a source, a time, a body, a code of no listing.
            ("根据公告", None),
            ("近日公告", None),
            ("董事会公告", None),
            ("市政府(2022)公告", None),
            ("南模生物公告的议案", None),
        ];
        for (part, company) in cases {
            assert_eq!(listed_subject(part), company, "{part}");
        }
    }
}
