//! Finding decisions by their layout: a notice's title and number lines,
//! and the body each one heads.
//!
//! It only says where a notice starts and what its head says; it must never
//! read a clause.

use super::*;

/// Each notice head with the lines of its body (up to the next head).
pub(super) fn regions<'l, 'a>(lines: &'l [Line<'a>]) -> Vec<(Head, &'l [Line<'a>])> {
    let mut heads = find_heads(lines);
    for head in &mut heads {
        head.above = issuer_above(lines, head);
    }
    let firsts: Vec<usize> = heads.iter().map(|h| h.first).skip(1).collect();
    // The text before the first head (all of it, when nothing heads it) is
    // loose: statements are looked for wherever they are.
    let loose_end = heads.first().map_or(lines.len(), |h| h.first);
    let loose = (loose_end > 0).then(|| {
        let head = Head {
            first: 0,
            body: 0,
            line: lines.first().map_or(1, |l| l.no),
            title: String::new(),
            number: None,
            correction: false,
            weak: true,
            above: String::new(),
            loose: true,
        };
        (head, lines.get(..loose_end).unwrap_or(&[]))
    });
    let headed = heads.into_iter().enumerate().map(|(k, head)| {
        let end = firsts.get(k).copied().unwrap_or(lines.len());
        let region = lines.get(head.body..end).unwrap_or(&[]);
        (head, region)
    });
    loose.into_iter().chain(headed).collect()
}

/// The issuing body written on the lines just above a notice's title (and
/// below its number, when the number comes first), up to two lines, less a
/// letterhead's `文件`, or the first step of a web page's breadcrumb.
pub(super) fn issuer_above(lines: &[Line<'_>], head: &Head) -> String {
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

/// Where a notice starts.
#[derive(Debug, Clone)]
pub(super) struct Head {
    /// Index of its first line (title or number).
    pub(super) first: usize,
    /// Index of the first line after the number (or title).
    pub(super) body: usize,
    /// The line reported for the notice.
    pub(super) line: u32,
    pub(super) title: String,
    pub(super) number: Option<String>,
    /// A notice that rescinds or corrects others (read by
    /// [`Parser::parse_corrections`], passed over by [`Parser::parse`]).
    pub(super) correction: bool,
    /// A title that may or may not announce appointments (a board's
    /// `…会议决议公告`): a notice only if it has some.
    pub(super) weak: bool,
    /// The issuing body written above the title (`长沙市开福区人民政府` /
    /// `关于…的通知`), if any.
    pub(super) above: String,
    /// Text no title or number heads (a news report, a web copy, a
    /// decision quoted in prose): read for statements wherever they are,
    /// and a notice only if it has events.
    pub(super) loose: bool,
}

pub(super) const TITLE_ENDS: &[&str] = &[
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
pub(super) const PERSONNEL_WORDS: &[&str] = &[
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
pub(super) const WEAK_WORDS: &[&str] = &[
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
pub(super) fn is_title(norm: &str) -> bool {
    // The cheap test first: most lines end in no title word.
    TITLE_ENDS.iter().any(|end| norm.ends_with(end))
        && (3..=120).contains(&norm.chars().count())
        && !["…", "...", "【", "；", "。"]
            .iter()
            .any(|w| contains(norm, w))
        // A correction's title names the notice it corrects, number and all.
        && (!norm.contains('〔') || correction::is_correction(norm))
}

pub(super) fn is_personnel(title: &str) -> bool {
    PERSONNEL_WORDS.iter().any(|w| title.contains(w))
}

pub(super) fn is_weak(title: &str) -> bool {
    !is_personnel(title) && WEAK_WORDS.iter().any(|w| title.contains(w))
}

/// The issuer prefix when a normalised line is only a document number
/// (`济槐政任〔2022〕4号`, `[2021]12号`).
pub(super) fn number_prefix(norm: &str) -> Option<&str> {
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

pub(super) fn find_heads(lines: &[Line<'_>]) -> Vec<Head> {
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
                loose: false,
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
                    loose: false,
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
                loose: false,
            });
        }
    }
    heads
}

/// Whether a line is only a serial, `第十一号`, `第3号`.
pub(super) fn is_serial(norm: &str) -> bool {
    norm.strip_prefix('第')
        .and_then(|r| r.strip_suffix('号'))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| numerals::is_numeral(c) || c == '百'))
}
