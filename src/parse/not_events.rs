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
