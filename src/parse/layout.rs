//! What a notice's region holds besides clauses: where its body ends, who
//! signed it, and the dates its layout gives (signing line, issue line,
//! adoption, a page's header).
//!
//! It must never read a clause's people or posts.

use super::*;

/// What a notice's region holds besides clauses.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// Index (in the region) where the clauses end.
    pub(super) body_end: usize,
    /// Indexes of the lines inside the body that are no clauses: dates in
    /// parentheses, a page's header, a date under the title, an issue
    /// line.
    pub(super) meta: Vec<usize>,
    pub(super) issuer: String,
    /// Index (in the region) of the first line after the signing line (and
    /// the issue line after it), or the region's length.
    pub(super) after: usize,
    /// The date on the signing line that closes the body.
    pub(super) signed: Option<NaiveDate>,
    /// The issue (印发) date.
    pub(super) issued: Option<NaiveDate>,
    /// A parenthesised adoption date (`（2023年1月5日…会议通过）`).
    pub(super) adopted: Option<NaiveDate>,
    /// A web page's publication date, from its header.
    pub(super) published: Option<NaiveDate>,
    /// A date written under the title, before any text.
    pub(super) top: Option<NaiveDate>,
    /// A line where a signing date stands that names no day of the
    /// calendar (`2022年2月30日`): its index and the date as written.
    pub(super) impossible: Option<(usize, (i32, u32, u32))>,
}

pub(super) fn is_parenthesised(norm: &str) -> bool {
    (norm.starts_with('（') || norm.starts_with('('))
        && (norm.ends_with('）') || norm.ends_with(')'))
}

/// The signing date of a line that is a date, or an issuing body and a
/// date; with the issuing body written before it.
pub(super) fn signing_line(norm: &str) -> Option<(String, NaiveDate)> {
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
        && !issuer.contains(['，', '。', '；', '：', '为', '（', '(', '自'])
        // A list's item (`- 兩岸…活動在江蘇舉辦2024-11-22`, a related
        // article) is no signature.
        && !issuer.starts_with(['-', '•', '·', '*', '●', '■', '◆', '►', '▶', '【', '[']);
    // A date in figures glued to a line's text is a list's (related
    // links, a feed); a signature in figures names a body.
    let figures = !norm.ends_with('日');
    let body = issuer.is_empty() || SIGNERS.iter().any(|w| issuer.ends_with(w));
    (plain && (!figures || body)).then(|| (issuer.to_owned(), date))
}

/// How the name of a body that signs a notice ends.
const SIGNERS: &[&str] = &[
    "政府",
    "委员会",
    "公司",
    "局",
    "院",
    "办公室",
    "部",
    "厅",
    "委",
    "党委",
    "党组",
    "董事会",
    "会",
    "集团",
    "银行",
    "大学",
    "学院",
    "中心",
];

pub(super) fn layout(region: &[Line<'_>]) -> Layout {
    let mut layout = Layout {
        body_end: region.len(),
        after: region.len(),
        ..Layout::default()
    };
    // Whether a line of text has been read (a date before any is the
    // notice's, written under its title).
    let mut seen_text = false;
    // A page's header comes before the notice's text: once a line ends as
    // a clause or heading does, no line is looked at as one.
    let mut clauses_begun = false;
    for (i, line) in region.iter().enumerate() {
        let norm: &str = &line.norm;
        // A Markdown heading ends the body it follows (a gazette's next
        // document); one above any text is the copy's own (a page's title,
        // a `# source:` line) and is passed by.
        if line.raw.trim_start().starts_with('#') {
            if !seen_text {
                layout.meta.push(i);
                continue;
            }
            layout.body_end = i;
            break;
        }
        if is_parenthesised(norm)
            && let Some((date, _, _)) = numerals::find_date(norm)
        {
            if norm.contains("印发") {
                layout.issued = Some(date);
            } else if norm.contains("通过") || norm.contains("决定") {
                layout.adopted = Some(date);
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
        if !clauses_begun && (is_page_header(norm) || is_time_stamp(line.raw)) {
            // The raw line: white space keeps `2023-06-28 17:45` apart.
            if let Some((date, _, _)) =
                numerals::find_numeric_date(line.raw).or_else(|| numerals::find_date(norm))
            {
                layout.published.get_or_insert(date);
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
            layout.top = Some(date);
            layout.meta.push(i);
            continue;
        }
        seen_text |= !norm.is_empty();
        if layout.impossible.is_none()
            && norm.ends_with('日')
            && norm.chars().count() <= 48
            && let Some(written) = numerals::impossible_date(norm)
        {
            layout.impossible = Some((i, written));
        }
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
            layout.after = i + 1;
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
    layout
}

/// Whether a normalised line is a web page's header, not the notice's text.
pub(super) fn is_page_header(norm: &str) -> bool {
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

/// Whether a line is a page's time stamp alone: a day and a clock, and
/// maybe the clock of an update (`2018/12/25 20:56(12/25 22:29 更新)`, the
/// line under a news agency's headline, j16, q36), as written (white
/// space keeps the day and the clock apart).
fn is_time_stamp(raw: &str) -> bool {
    dates::day_alone_on_line(raw) == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_and_a_clock_alone_are_a_time_stamp() {
        assert!(is_time_stamp("2018/12/25 20:56(12/25 22:29 更新)"));
        assert!(is_time_stamp("2024/12/26 15:58"));
        assert!(is_time_stamp("  2021-10-29 21:04:23"));
        assert!(is_time_stamp("2018年7月24日 10:00"));
        // A clause, a day with no clock, a clock after words: no stamp.
        assert!(!is_time_stamp("2024/12/26"));
        assert!(!is_time_stamp("2024/12/26 15:58 来源：新华社"));
        assert!(!is_time_stamp("据报道 2024/12/26 15:58"));
    }
}
