//! Correction notices: `关于撤销…的通知` rescinds a notice or some of its
//! appointments; `…更正…` corrects a person, post or date in one.
//!
//! A correction is read only where its text names the notice it changes
//! (by number: `济槐政任〔2022〕6号`); anything else is a diagnostic, never
//! a guess. Like the rest of the parser this reads text and builds values;
//! it never looks at a ledger, so whether the named events exist is the
//! ledger's to check when the correction is recorded.

use super::{
    Head, Line, Parser, Segment, State, layout, lines, names, numerals, regions, segments,
};
use crate::error::Error;
use crate::model::{Action, Correction, Event, EventKind, Target, normalise};

/// One correction notice found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedCorrection {
    /// The correction: its number, dates and amendments.
    pub correction: Correction,
    /// The line of its number (or of its title), from 1.
    pub line: u32,
    /// In lenient mode, each sentence that says it corrects something the
    /// parser could not pin down, as an [`Error::Parse`].
    pub skipped: Vec<Error>,
}

/// The words that make a title a correction's.
const WORDS: [&str; 5] = ["撤销", "更正", "纠正", "废止", "撤回"];

/// Whether a title is a correction notice's.
pub(super) fn is_correction(title: &str) -> bool {
    WORDS.iter().any(|w| title.contains(w))
}

/// Why a correction is left out whole: it names nothing it changes.
pub(super) const NO_AMENDMENTS: &str = "correction names nothing it rescinds or corrects";
/// Why a correction is left out whole: no day it was signed.
pub(super) const NO_SIGNING_DATE: &str = "correction has no signing date";

impl Parser {
    /// Finds the correction notices in `text` (`关于撤销…的通知`,
    /// `关于更正…的通知`) and reads what each rescinds or corrects.
    /// [`Parser::parse`] passes these notices over; record them with
    /// [`Ledger::record_correction`](crate::Ledger::record_correction)
    /// after the notices they correct.
    ///
    /// ```
    /// use appointment_ledger::{Action, Parser};
    /// let text = "\
    /// 某县人民政府关于撤销王五同志任职的通知
    /// 某政任〔2022〕9号
    /// 经研究，决定撤销某政任〔2022〕6号文件中王五任某县财政局局长的任命。
    /// 某县人民政府
    /// 2022年7月1日
    /// ";
    /// let found = Parser::new().strict(true).parse_corrections(text)?;
    /// let correction = &found[0].correction;
    /// assert_eq!(correction.number, "某政任〔2022〕9号");
    /// let amendment = &correction.amendments[0];
    /// assert_eq!(amendment.target.notice, "某政任〔2022〕6号");
    /// assert_eq!(amendment.target.person.as_ref().unwrap().name(), "王五");
    /// assert_eq!(amendment.action, Action::Retract);
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// In strict mode, [`Error::Parse`] for a sentence that says it
    /// rescinds or corrects something the parser cannot pin down, or a
    /// correction with no amendment or no signing date. In lenient mode
    /// those are in [`ParsedCorrection::skipped`], and a correction with no
    /// amendment is left out.
    pub fn parse_corrections(&self, text: &str) -> Result<Vec<ParsedCorrection>, Error> {
        let lines = lines(text);
        let mut out = Vec::new();
        for (head, region) in regions(&lines) {
            if !head.correction {
                continue;
            }
            if let Ok(parsed) = self.correction(&head, region)? {
                out.push(parsed);
            }
        }
        Ok(out)
    }

    pub(super) fn correction(
        &self,
        head: &Head,
        region: &[Line<'_>],
    ) -> Result<Result<ParsedCorrection, Vec<Error>>, Error> {
        let head_text = head.number.as_deref().unwrap_or(&head.title);
        let layout = layout(region);
        let body = region.get(..layout.body_end).unwrap_or(&[]);
        let mut amendments = Vec::new();
        let mut skipped = Vec::new();
        // A number in the title stands for the notice when a sentence names
        // none.
        let mut current = numbers(&head.title).pop();
        for segment in segments(body, &layout.meta, false) {
            let norm = normalise(&segment.text);
            if let Some(last) = numbers(&norm).pop() {
                current = Some(last);
            }
            if !is_correction(&norm) {
                continue;
            }
            match read(&norm, current.as_deref()) {
                Ok(found) => {
                    for (target, action) in found {
                        amendments.push((target, action, segment.clone()));
                    }
                }
                Err(reason) => {
                    let err = self.error(segment.line, &segment.text, reason);
                    if self.strict {
                        return Err(err);
                    }
                    skipped.push(err);
                }
            }
        }
        let signed = layout.date().map(|(d, _)| d).or(self.date);
        let problem = match (signed, amendments.is_empty()) {
            (_, true) => Some(NO_AMENDMENTS),
            (None, false) => Some(NO_SIGNING_DATE),
            _ => None,
        };
        let (Some(signed), None) = (signed, problem) else {
            let err = self.error(head.line, head_text, problem.unwrap_or_default());
            if self.strict {
                return Err(err);
            }
            skipped.push(err);
            return Ok(Err(skipped));
        };
        let number = head
            .number
            .clone()
            .unwrap_or_else(|| format!("{}（{signed}）", head.title));
        let mut correction = Correction::new(&number, signed)
            .title(&head.title)
            .issuer(&layout.issuer);
        let mut clause = 0;
        let mut last_line = None;
        for (target, action, segment) in amendments {
            if last_line != Some((segment.line, segment.text.clone())) {
                clause += 1;
                last_line = Some((segment.line, segment.text.clone()));
            }
            correction = correction.amend(target, action);
            if let Some(amendment) = correction.amendments.last_mut() {
                amendment.provenance.clause = clause;
                amendment.provenance.text = std::sync::Arc::from(segment.text.as_str());
                amendment.provenance.line = Some(segment.line);
            }
        }
        Ok(Ok(ParsedCorrection {
            correction,
            line: head.line,
            skipped,
        }))
    }
}

/// Reads one sentence of a correction notice: the amendments it makes.
///
/// A sentence that corrects says what to (`更正为`, `应为`, `改为`); one
/// that rescinds says 撤销, 废止 or 撤回. Any other sentence (`现更正如下`,
/// `特此更正`) makes no amendment. A cited title in `《…》` is left out: its
/// words (`关于任免…的通知`) say nothing about what is changed.
fn read(norm: &str, number: Option<&str>) -> Result<Vec<(Target, Action)>, String> {
    let text = super::without_titles(without_enumeration(norm));
    let corrects = ["更正为", "改正为", "应为", "改为"]
        .iter()
        .any(|w| text.contains(w));
    let rescinds = ["撤销", "废止", "撤回"].iter().any(|w| text.contains(w));
    if !corrects && !rescinds {
        return Ok(Vec::new());
    }
    let Some(number) = number else {
        return Err("names no notice it corrects (no number such as 〔2022〕6号)".to_owned());
    };
    if corrects {
        return read_correct(&text, number);
    }
    read_retract(&text, number)
}

/// `将…中“OLD”更正为“NEW”`, `“OLD”应为“NEW”`, or
/// `…中X的任职时间更正为DATE`.
fn read_correct(text: &str, number: &str) -> Result<Vec<(Target, Action)>, String> {
    let quoted = quotes(text);
    if let [old, new, ..] = quoted.as_slice() {
        // A name written wrong: `将“李明”更正为“李鸣”`.
        if let (Some([old_person]), Some([new_person])) =
            (names(old).as_deref(), names(new).as_deref())
        {
            if old_person == new_person {
                return Err(format!("「{old}」 is corrected to the same name"));
            }
            let target = Target::notice(number).person(old_person.clone());
            return Ok(vec![(target, Action::correct().person(new_person.clone()))]);
        }
        let (Some(old), Some(new)) = (fragment(old), fragment(new)) else {
            return Err(format!(
                "cannot read 「{old}」 and 「{new}」 as appointments or removals"
            ));
        };
        if old.len() != new.len() {
            return Err("the corrected text names a different number of posts".to_owned());
        }
        let mut out = Vec::new();
        for (o, n) in old.iter().zip(&new) {
            let mut action = Action::correct();
            if n.person != o.person {
                action = action.person(n.person.clone());
            }
            if n.post != o.post {
                action = action.post(n.post.clone());
            }
            if n.flags != o.flags {
                action = action.flags(n.flags);
            }
            if action == Action::correct() {
                return Err(format!("「{}」 is corrected to the same text", o.person));
            }
            let target = Target::notice(number)
                .person(o.person.clone())
                .post(o.post.clone())
                .kind(o.kind);
            out.push((target, action));
        }
        return Ok(out);
    }
    let at = ["更正为", "改正为", "应为", "改为"]
        .iter()
        .filter_map(|w| text.find(w))
        .min()
        .unwrap_or(0);
    let Some((date, _, _)) = numerals::find_date(text.get(at..).unwrap_or("")) else {
        return Err(
            "cannot tell what is corrected (no quoted text and no date after 更正为)".to_owned(),
        );
    };
    let scope = scope(text.get(..at).unwrap_or(""), number);
    let mut target = Target::notice(number);
    let name = [
        "的任职时间",
        "任职时间",
        "的任免时间",
        "的免职时间",
        "的生效时间",
        "的时间",
    ]
    .iter()
    .find_map(|w| scope.find(w).map(|i| scope.get(..i).unwrap_or("")));
    if let Some(name) = name.filter(|n| !n.is_empty()) {
        match names(name).as_deref() {
            Some([person]) => target = target.person(person.clone()),
            _ => return Err(format!("cannot tell whose date is corrected in 「{name}」")),
        }
    }
    Ok(vec![(target, Action::correct().effective(date))])
}

/// `撤销…（N号）`, `撤销N号文件`, `撤销N号文件中X任POST的任命`,
/// `撤销…中对X同志的免职`. The whole notice only when the sentence names
/// nothing after the number.
fn read_retract(text: &str, number: &str) -> Result<Vec<(Target, Action)>, String> {
    const ENDS: [(&str, Option<EventKind>); 10] = [
        ("职务的任免", None),
        ("的职务任免", None),
        ("的任免", None),
        ("职务的决定", None),
        ("的任命", Some(EventKind::Appoint)),
        ("的任职", Some(EventKind::Appoint)),
        ("的聘任", Some(EventKind::Appoint)),
        ("的免职", Some(EventKind::Remove)),
        ("的解聘", Some(EventKind::Remove)),
        ("的决定", None),
    ];
    let named_after = text
        .find(number)
        .and_then(|i| text.get(i + number.len()..))
        .unwrap_or("");
    let rest = named_after
        .trim_start_matches(['）', ')', '》'])
        .trim_end_matches(['。', '；', '，']);
    let whole = [
        "",
        "文件",
        "号文件",
        "的通知",
        "通知",
        "的决定",
        "决定",
        "文",
        "的文件",
    ]
    .contains(&rest);
    if whole {
        return Ok(vec![(Target::notice(number), Action::Retract)]);
    }
    let found = ENDS
        .iter()
        .find_map(|(end, kind)| text.rfind(end).map(|i| (i, *kind)));
    let Some((end, kind)) = found else {
        return Err(format!("cannot tell what it rescinds in 「{rest}」"));
    };
    let named = scope(text.get(..end).unwrap_or(""), number);
    let mut target = Target::notice(number);
    if let Some(kind) = kind {
        target = target.kind(kind);
    }
    if let Some(events) = fragment(named) {
        if let [event] = events.as_slice() {
            let target = target.person(event.person.clone()).post(event.post.clone());
            return Ok(vec![(
                target.kind(kind.unwrap_or(event.kind)),
                Action::Retract,
            )]);
        }
        return Ok(events
            .into_iter()
            .map(|e| {
                let t = Target::notice(number)
                    .person(e.person)
                    .post(e.post)
                    .kind(e.kind);
                (t, Action::Retract)
            })
            .collect());
    }
    match names(named.trim_end_matches("职务")).as_deref() {
        Some([person]) => Ok(vec![(target.person(person.clone()), Action::Retract)]),
        _ => Err(format!(
            "cannot tell whose appointment is rescinded in 「{named}」"
        )),
    }
}

/// What a sentence names inside the notice it corrects: the text after the
/// number and the `中` (`…号文件中`, `…号）中`) or `对` that follows it, or,
/// with no number in the sentence, after a leading `将`/`把`/`对`.
fn scope<'a>(text: &'a str, number: &str) -> &'a str {
    let start = match text.find(number) {
        Some(i) => {
            let after = i + number.len();
            let rest = text.get(after..).unwrap_or("");
            let window: String = rest.chars().take(6).collect();
            match ["中对", "中", "对"]
                .iter()
                .find_map(|w| window.find(w).map(|j| j + w.len()))
            {
                Some(skip) => after + skip,
                None => after,
            }
        }
        None => 0,
    };
    let scoped = text.get(start..).unwrap_or("");
    ["将", "把", "对", "其中"]
        .iter()
        .find_map(|w| scoped.strip_prefix(w))
        .unwrap_or(scoped)
}

/// The text without a leading list number (`一、`, `（二）`, `3.`).
fn without_enumeration(text: &str) -> &str {
    let numeral = super::numerals::is_numeral;
    if let Some(rest) = text.strip_prefix(['（', '(']) {
        let inner: usize = rest
            .chars()
            .take_while(|c| numeral(*c))
            .map(char::len_utf8)
            .sum();
        if inner > 0
            && let Some(after) = rest.get(inner..).and_then(|r| r.strip_prefix(['）', ')']))
        {
            return after;
        }
    }
    let head: usize = text
        .chars()
        .take_while(|c| numeral(*c))
        .map(char::len_utf8)
        .sum();
    match text
        .get(head..)
        .and_then(|r| r.strip_prefix(['、', '.', '．']))
    {
        Some(after) if head > 0 => after,
        _ => text,
    }
}

/// The events of a clause written inside a correction (`王五任某局局长`,
/// `赵中华为某医院院长`, `免去张三的某局局长职务`).
fn fragment(text: &str) -> Option<Vec<Event>> {
    let mut state = State::default();
    let segment = Segment {
        text: text.to_owned(),
        line: 0,
        heading: false,
    };
    state.segment(&segment).ok()?;
    (!state.events.is_empty()).then_some(state.events)
}

/// The texts in quotation marks (`“…”`, `「…」`, `"…"`), in order.
fn quotes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for c in text.chars() {
        match (c, current.as_mut()) {
            ('“' | '「' | '"', None) => current = Some(String::new()),
            ('”' | '」' | '"', Some(_)) => out.extend(current.take()),
            (_, Some(buf)) => buf.push(c),
            _ => {}
        }
    }
    out
}

/// The document numbers written in a text (`济槐政任〔2022〕6号`), in order.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(_, c)) in chars.iter().enumerate() {
        if c != '号' {
            continue;
        }
        let end = chars.get(k + 1).map_or(text.len(), |&(i, _)| i);
        // Walk back over the serial, the bracketed year and the prefix.
        let mut j = k;
        while j > 0 && chars[j - 1].1.is_ascii_digit() {
            j -= 1;
        }
        if j == k || j < 6 {
            continue;
        }
        let close = chars[j - 1].1;
        let open_at = j - 6;
        let open = chars[open_at].1;
        let year_ok = chars[open_at + 1..j - 1]
            .iter()
            .all(|(_, c)| c.is_ascii_digit());
        if !(super::CLOSE.contains(&close) && super::OPEN.contains(&open) && year_ok) {
            continue;
        }
        let mut start = open_at;
        while start > 0 && is_prefix_char(chars[start - 1].1) {
            start -= 1;
        }
        let Some(found) = text.get(chars[start].0..end) else {
            continue;
        };
        // A verb or preposition run into the prefix is not part of it.
        let found = ["决定撤销", "撤销", "更正", "将", "对", "把", "现将", "关于"]
            .iter()
            .find_map(|w| {
                found
                    .rfind(w)
                    .map(|i| found.get(i + w.len()..).unwrap_or(found))
            })
            .unwrap_or(found);
        out.push(found.to_owned());
    }
    out
}

/// Whether a character can be part of a number's issuer prefix (`济槐政任`).
fn is_prefix_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) && !"中的文件通知于和与及".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_without_the_words_around_them() {
        assert_eq!(
            numbers("决定撤销济槐政任〔2022〕6号文件中王五任某局局长的任命"),
            vec!["济槐政任〔2022〕6号"]
        );
        assert_eq!(
            numbers("《关于任免的通知》（国人字[2021]12号）"),
            vec!["国人字[2021]12号"]
        );
        assert_eq!(numbers("没有编号"), Vec::<String>::new());
        assert_eq!(numbers("号"), Vec::<String>::new());
    }

    #[test]
    fn quotes_in_three_styles() {
        assert_eq!(quotes("将“甲”更正为「乙」"), vec!["甲", "乙"]);
        assert_eq!(quotes("\"甲\""), vec!["甲"]);
        assert_eq!(quotes("“未闭合"), Vec::<String>::new());
    }
}
