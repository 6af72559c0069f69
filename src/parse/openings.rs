//! What opens a part before its statement and is no part of it: a
//! decision's lead (`经研究决定`, `区政府决定`, `根据工作需要`), and in loose
//! text the subject, time and manner news prose puts before a leading verb
//! (`会议经投票表决决定任命…`, `宣布省委关于任命X为…的决定`).
//!
//! It only cuts the start of a part; it must never read a name or a post.

use super::*;

/// The verbs that lead a statement in loose text.
pub(super) const LEADS: &[&str] = &[
    "任命", "免去", "聘任", "解聘", "免除", "聘用", "选举", "推举", "接受", "增补", "罢免", "委任",
    "递补", "补选", "增选",
];

/// Drops an opening (`经研究决定`, `区政府决定`, `根据工作需要`) from the
/// start of a part. `signature` is that of `part` or of a text it was cut
/// from.
pub(super) fn strip_opening(part: &str, signature: Signature, loose: bool) -> &str {
    // `同意张三为…` (a reply granting a request) decides as much.
    let mut part = part.strip_prefix("同意").unwrap_or(part);
    // Loose text puts its subject, time and manner before the verb
    // (`杭州市十一届人大常委会第二十四次会议昨天接受…`, `另外还宣布了…`,
    // `会议经投票表决决定任命…`): what stands before a leading verb there,
    // if it names nobody's post, is no part of the statement.
    if loose {
        // `分别是莫鼎革任…`, `其中，…`: a list's lead.
        part = ["分别是", "分别为", "其中", "包括", "即"]
            .iter()
            .find_map(|w| part.strip_prefix(w))
            .unwrap_or(part);
        let lead = LEADS
            .iter()
            .filter(|w| signature.may_hold(w))
            .filter_map(|w| find(part, w))
            .min();
        // (`董事会同意X辞去…`, y14: what is agreed to is the statement.)
        let announced = ["宣布了", "宣布", "决定", "批准", "同意"]
            .iter()
            .filter_map(|w| find(part, w).map(|at| at + w.len()));
        let at = lead.into_iter().chain(announced).min();
        if let Some(at) = at.filter(|&at| at > 0) {
            let before = part.get(..at).unwrap_or("");
            // (Not a verb inside a cited title: `审议通过《关于聘任…的议案》`,
            // nor a passive one, told of the person before it: `X被免去…`,
            // `X獲任命為…`.)
            // (A paper cited for the report is no title: `据《青年时报》报道
            // 杭州市…会议昨天接受…`, b04.)
            let cited = before.contains("据《") && before.contains("》报道");
            // (Nor a verb in the condition of a resignation: `其辞职自…会议
            // 补选产生新任监事后生效`.)
            if !before.contains(['为', '、'])
                && (!before.contains('《') || cited)
                && !contains(before, "职务")
                && !contains(before, "辞职")
                // (Nor a vote, `…获得了129票同意的投票` (o17), nor what is
                // not agreed to, `董事会不同意X辞去…`.)
                && !before
                    .strip_suffix("同意")
                    .is_some_and(|b| b.ends_with(['票', '不', '未']) || b.ends_with("不予"))
                && !before.ends_with(['被', '获', '受'])
            {
                // (`宣布了`: the 了 is the verb's.)
                let mut rest = part.get(at..).unwrap_or("");
                rest = rest.strip_prefix('了').unwrap_or(rest);
                // `决定批准任命…`: what announces the verb is no part of it.
                while let Some(r) = ["决定", "批准", "同意", "一致同意"]
                    .iter()
                    .find_map(|w| rest.strip_prefix(w))
                {
                    rest = r;
                }
                // `宣布省委关于任命X为…的决定` (l07): the decision announced
                // is its statement.
                if let Some((issuer, after)) = rest.split_once("关于")
                    && LEADS.iter().any(|w| after.starts_with(w))
                    && issuer.chars().count() <= 12
                    && !issuer.contains(['为', '、', '《'])
                {
                    rest = after;
                }
                // `宣布省委决定赵一任…`, `宣布省委干部任命决定…` (w24): the
                // decision announced, its issuer before it.
                if let Some((issuer, after)) = rest.split_once("决定")
                    && issuer.chars().count() <= 12
                    && !issuer.contains(['为', '、', '《', '的'])
                    && !after.is_empty()
                {
                    rest = after.trim_start_matches(['：', ':']);
                }
                return rest;
            }
        }
    }
    // `市政府任命…`, `国务院任免…`, `董事会同意聘任…`: the issuer before
    // the verb.
    for word in [
        "任命", "免去", "聘任", "解聘", "免除", "聘用", "选举", "推举",
    ] {
        if !signature.may_hold(word) {
            continue;
        }
        if let Some(at) = find(part, word) {
            let before = part.get(..at).unwrap_or("");
            let before = ["同意", "决定", "一致同意"]
                .iter()
                .find_map(|w| before.strip_suffix(w))
                .unwrap_or(before);
            let issuer = [
                "政府",
                "国务院",
                "委员会",
                "常委会",
                "董事会",
                "党委",
                "党组",
                "公司",
                "研究",
            ]
            .iter()
            .any(|w| before.ends_with(w));
            if issuer && !before.contains(['为', '的', '、']) {
                return part.get(at..).unwrap_or("");
            }
        }
    }
    if signature.may_hold("决定")
        && let Some(at) = find(part, "决定")
    {
        let before = part.get(..at).unwrap_or("");
        if !before.contains('为') && !before.contains("职务") {
            return part.get(at + "决定".len()..).unwrap_or("");
        }
    }
    if ["根据", "依据", "按照", "依照", "鉴于", "经"]
        .iter()
        .any(|w| part.starts_with(w))
        && !part.contains('为')
        && !part.contains("职务")
    {
        return "";
    }
    part
}
