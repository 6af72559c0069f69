//! Cutting a notice's body into clauses: at terminators, item numbers,
//! headings, and line breaks between whole clauses.
//!
//! It cuts and never reads: what a clause means is `statement`'s job.

use super::*;

/// Whether a line ends as a clause does (`；`, `。`, `：`, `，`).
pub(super) fn ends_clause(norm: &str) -> bool {
    norm.ends_with(['；', ';', '。', '：', ':', '，', ','])
}

/// A piece of the body cut at `；`, `。` or `：`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Segment {
    /// As written, trimmed, without its terminator.
    pub(super) text: String,
    /// The line of its first character.
    pub(super) line: u32,
    /// Whether it ended in a colon (a heading such as `免去：`).
    pub(super) heading: bool,
}

/// Cuts the body (less the `meta` lines) into segments. In `loose` text
/// (a web copy, no notice's layout) a complete clause also ends before a
/// page's stray line (a byline, a caption), and any clause before a line
/// that opens with a dateline (see [`breaks_clause`]).
pub(super) fn segments(body: &[Line<'_>], meta: &[usize], loose: bool) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut skip = vec![false; body.len()];
    for &i in meta {
        if let Some(s) = skip.get_mut(i) {
            *s = true;
        }
    }
    // The segment so far. White space is never its first character, so it
    // is blank exactly when it is empty.
    let mut text = String::new();
    // Where its last line starts in it, and whether it holds a verb.
    let mut last_line = 0;
    let mut has_verb = false;
    let mut line = 0;
    let flush = |text: &mut String, line: u32, heading: bool, out: &mut Vec<Segment>| {
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            out.push(Segment {
                text: trimmed.to_owned(),
                line,
                heading,
            });
        }
        text.clear();
    };
    for (i, l) in body.iter().enumerate() {
        if skip.get(i).copied().unwrap_or(false) {
            // In loose text a page's stamp or header between two lines
            // parts them (`记者 欧阳洪亮 贺信` / `2009年12月04日 09:08` /
            // a headline, e15).
            if loose {
                flush(&mut text, line, false, &mut out);
            }
            continue;
        }
        let last = text.get(last_line..).unwrap_or("");
        if !text.is_empty() && breaks_clause(last, last_line == 0, has_verb, &l.norm, loose) {
            // Only a segment of one line can be a heading.
            let heading = last_line == 0 && is_heading(&normalised(&text));
            flush(&mut text, line, heading, &mut out);
        }
        if text.is_empty() {
            has_verb = false;
        } else {
            text.push('\n');
        }
        last_line = text.len();
        let raw = l.raw;
        let mut at = 0;
        loop {
            if text.is_empty() {
                // A segment starts at its first character that is no white
                // space.
                let rest = raw.get(at..).unwrap_or("");
                at = raw.len() - rest.trim_start().len();
                if at == raw.len() {
                    break;
                }
                line = l.no;
            }
            match next_terminator(raw, at) {
                Some((end, c)) => {
                    text.push_str(raw.get(at..end).unwrap_or(""));
                    flush(&mut text, line, matches!(c, '：' | ':'), &mut out);
                    at = end + c.len_utf8();
                    last_line = 0;
                    has_verb = false;
                }
                None => {
                    let rest = raw.get(at..).unwrap_or("");
                    has_verb |= contains_any(rest, &["为", "的", "任"]);
                    text.push_str(rest);
                    break;
                }
            }
        }
    }
    flush(&mut text, line, false, &mut out);
    if loose {
        out = out.into_iter().flat_map(headlines_apart).collect();
    }
    out
}

/// A headline's statements set apart by white space, each a segment:
/// `李尚福被免去國務委員兼防長職務 秦剛被免去國務委員職務` (a06),
/// `駱惠寧任中聯辦主任 王志民被免職` (m22). Cut only where white space
/// follows `职务`, which ends a removal's posts, or follows a statement
/// that ends in a post (`X任…主任`) and comes before a name and its verb.
fn headlines_apart(segment: Segment) -> Vec<Segment> {
    // A vector search first: almost no segment holds white space inside.
    if !segment.text.contains([' ', '\u{3000}']) {
        return vec![segment];
    }
    let mut out = Vec::new();
    let (mut start, mut line) = (0, segment.line);
    let text = segment.text.as_str();
    let spaces = text
        .char_indices()
        .filter(|(_, c)| matches!(c, ' ' | '\u{3000}'))
        .map(|(at, _)| at);
    for at in spaces {
        let Some(after) = text.get(at..) else {
            continue;
        };
        let next = after.trim_start_matches([' ', '\u{3000}', '\t']);
        let piece = text.get(start..at).unwrap_or("");
        if at < start
            || piece.trim().is_empty()
            || next.is_empty()
            || next.starts_with(['\n', '\r'])
        {
            continue;
        }
        if !(piece.ends_with("职务") || (ends_a_statement(piece) && opens_a_statement(next))) {
            continue;
        }
        out.push(Segment {
            text: piece.trim().to_owned(),
            line,
            heading: false,
        });
        line += u32::try_from(piece.matches('\n').count()).unwrap_or(0);
        start = text.len() - next.len();
    }
    if out.is_empty() {
        return vec![segment];
    }
    out.push(Segment {
        text: text.get(start..).unwrap_or("").trim().to_owned(),
        line,
        heading: segment.heading,
    });
    out
}

/// Whether a headline's piece is a statement that ends in a post
/// (`駱惠寧任中聯辦主任`): a verb in its last few characters and a title at
/// its end. (Only its end is looked at: the test is as short as a title.)
fn ends_a_statement(piece: &str) -> bool {
    let tail = near_end(piece, 31);
    !tail.contains(['\n', '\r'])
        && contains_any(tail, &["任", "为"])
        && lexicon::split_post(tail.trim_end()).is_some()
}

/// Whether a headline's piece starts with a name and its verb
/// (`王志民被免職`, `李四任…`): a surname first and a verb within a name's
/// length and the verb's.
fn opens_a_statement(next: &str) -> bool {
    has_surname(next)
        && (2..=4).any(|len| {
            let Some((at, _)) = next.char_indices().nth(len) else {
                return false;
            };
            let (Some(name), Some(rest)) = (next.get(..at), next.get(at..)) else {
                return false;
            };
            is_name(name)
                && ["被免", "任", "出任", "接任", "辞", "获任"]
                    .iter()
                    .any(|w| rest.starts_with(w))
        })
}

/// Whether a line break ends the unterminated clause whose last line is
/// `before` (the only line when `alone`; `has_verb` when any of its lines
/// holds 为, 的 or 任) ahead of the line `next` (normalised): at a blank line, before
/// an enumerated item (`二、`, `（二）`, `2.`), after a heading with no colon
/// (`一、决定任命`) or a document's title (`审议通过《…议案》`), and between one complete clause a line and the next
/// (`王伟为某局局长` / `刘晓光为…`), as congress lists are written; in
/// `loose` text also before a dateline, and between a complete clause and
/// a short stray line that is no clause.
pub(super) fn breaks_clause(
    before: &str,
    alone: bool,
    has_verb: bool,
    next: &str,
    loose: bool,
) -> bool {
    if next.is_empty() || enumerator(next) > 0 || (loose && dates::opens_with_dateline(next)) {
        return true;
    }
    // A page's day (and clock) on a line of its own dates what follows; it
    // is no part of it (`2018-07-24 10:00` above `23日，…`).
    if loose && alone && dates::day_alone_on_line(before).is_some() {
        return true;
    }
    // So does a paper's stamp (`每日經濟新聞 2021-01-15 20:16:23`, y14) and
    // a byline (`每經記者 曾劍 每經編輯 湯輝`): a page's line, no clause.
    let norm = normalised(before);
    if loose && alone && is_page_line(before, &norm) {
        return true;
    }
    let before = norm;
    // A heading, or an item that names a document (`（一）审议通过《…》`).
    if (alone && is_heading(&before)) || before.ends_with('》') {
        return true;
    }
    let complete = has_verb && lexicon::split_post(bare_post(&before)).is_some();
    let starts = next.chars().take(6).any(|c| c == '为' || c == '的')
        || ["任命", "免去", "聘任", "解聘"]
            .iter()
            .any(|w| next.starts_with(w));
    // A name and its `同志` open an item of a list whose `；` a copy lost,
    // after an item however it ends (`…黨工委副書記,負責常務工作` /
    // `陳學傑同志任…`, r37).
    // (Names in a list: `朱寶生、金永肆、…同志任…`.)
    let head = near_start(next, 40);
    let item = ["同志任", "同志兼任", "同志为"]
        .iter()
        .filter_map(|w| find(head, w))
        .min()
        .and_then(|at| head.get(..at))
        .is_some_and(|who| {
            names(who).is_some_and(|people| people.iter().all(|p| has_surname(p.name())))
        });
    if has_verb && item {
        return true;
    }
    // A page's stray line after a whole clause (a byline `文|财新 林韵诗`,
    // a caption): short, and no clause of its own.
    let stray = || {
        loose
            && next.chars().count() <= 16
            && !ends_clause(next)
            && !contains_any(next, &["为", "的", "任", "免", "聘", "职务"])
    };
    complete && (starts || stray())
}

/// Whether a short line is a page's stamp (a day with a clock) or a
/// byline (`记者`, `编辑` and names), not a clause's line.
/// (`raw` as written, its day and clock apart; `norm` normalised.)
fn is_page_line(raw: &str, norm: &str) -> bool {
    if norm.chars().count() > 40
        || ends_clause(norm)
        || contains_any(norm, &["任", "免", "聘", "为"])
    {
        return false;
    }
    let stamp = numerals::find_numeric_date(raw).is_some_and(|(_, _, end)| {
        raw.get(end..)
            .is_some_and(|rest| rest.contains([':', '：']))
    });
    stamp || (contains(norm, "记者") && contains(norm, "编辑"))
}

/// Whether a segment with no colon after it is yet a section heading
/// (`三、任命`, `一、决定免去`, a company's `二、聘任财务负责人情况`).
pub(super) fn is_heading(norm: &str) -> bool {
    let rest = norm.get(enumerator(norm)..).unwrap_or("");
    let rest = rest.strip_prefix("决定").unwrap_or(rest);
    matches!(
        rest,
        "任命" | "免去" | "免职" | "聘任" | "解聘" | "接受" | "任免" | "批准任命" | "批准免去"
    ) || (rest.ends_with("情况") && rest.chars().count() <= 20)
}

/// The length in bytes of an item's number at the start of a normalised
/// text (`一、`, `（一）`, `(1)`, `1.`, `1、`, `第一，`), or 0.
pub(super) fn enumerator(norm: &str) -> usize {
    let numeral = numerals::is_numeral;
    let mut chars = norm.char_indices();
    let (mut end, open) = match chars.next() {
        Some((_, c @ ('（' | '('))) => (c.len_utf8(), true),
        // `第一、`, `第二，`: an ordinal.
        Some((_, '第'))
            if norm
                .get(3..)
                .and_then(|r| r.chars().next())
                .is_some_and(numeral) =>
        {
            (3, false)
        }
        Some((_, c)) if numeral(c) => (0, false),
        _ => return 0,
    };
    let digits_from = end;
    for (i, c) in norm.char_indices().skip_while(|(i, _)| *i < digits_from) {
        if numeral(c) {
            end = i + c.len_utf8();
            continue;
        }
        let closes = if open {
            matches!(c, '）' | ')')
        } else {
            matches!(c, '、' | '.' | '．') || (digits_from == 3 && c == '，')
        };
        // `1.` before a digit is a decimal or a date, no item number.
        let after = norm.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        return if closes && end > digits_from && !after.is_some_and(|a| a.is_ascii_digit()) {
            i + c.len_utf8()
        } else {
            0
        };
    }
    0
}
