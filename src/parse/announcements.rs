//! Parts that appoint and remove nobody but say when, or whether, what a
//! notice does takes effect, as companies announce it: a meeting held, a
//! letter received, a resignation pending, thanks, a news lead.
//!
//! It must never make an event; it may only date or drop them.

use super::*;

impl State {
    /// `黄子轩同志挂职期满`, `于海同志到龄退休`: a person named with an
    /// honorific and a term ended or a reason, whom the parts after speak
    /// of (`，不再担任…职务`); in loose text also a person and how the
    /// vote went (`葉沛長以贊成票90票…的投票結果`) or the votes won
    /// (`郑华先生最终获得了129票同意的投票`). Anything else after the
    /// name is no introduction (`张三同志晋升为…` is a clause not read).
    pub(super) fn introduces(&mut self, part: &str) -> bool {
        // `葉沛長以贊成票90票、反對票0票、棄權票0票的投票結果,當選為…`
        // (e26): the person, then how the vote went.
        if self.loose
            && part.ends_with("结果")
            && contains(part, "票")
            && let Some((who, _)) = part.split_once('以')
            && let Some(people) = names(who).filter(|p| p.iter().all(|p| has_surname(p.name())))
        {
            self.remember(people);
            return true;
        }
        // `郑华先生最终获得了129票同意的投票,被选举为职工监事` (o17): the
        // person, then the votes won.
        if self.loose
            && let Some((who, votes)) = part.split_once("获得")
            && votes.contains('票')
            && votes.chars().count() <= 16
        {
            // (The longer word first: `一共` before `共`.)
            let who = ["最终", "一共", "共"]
                .iter()
                .find_map(|w| who.strip_suffix(w))
                .unwrap_or(who);
            if let Some(people) = names(who).filter(|p| p.iter().all(|p| has_surname(p.name()))) {
                self.remember(people);
                return true;
            }
        }
        const ENDED: &[&str] = &[
            "挂职期满",
            "任期届满",
            "任职期满",
            "聘期届满",
            "试用期满",
            "期满",
            "因",
            "到龄",
            "已到",
        ];
        for honorific in HONORIFICS {
            if let Some(at) = find(part, honorific)
                && let (Some(who), Some(rest)) = (
                    part.get(..at + honorific.len()),
                    part.get(at + honorific.len()..),
                )
                && ENDED.iter().any(|w| rest.starts_with(w))
                && let Some(people) = names(who)
            {
                self.remember(people);
                return true;
            }
        }
        false
    }

    /// Reads a part that appoints and removes nobody (read only once it
    /// reads as no appointment or removal) but says when, or whether, what
    /// the notice does takes effect, as companies announce it; returns
    /// whether the part was one.
    ///
    /// * `…于DATE召开…会议`: the meeting's day; the notice reports what
    ///   the meeting decided, and takes effect on that day unless it says
    ///   otherwise.
    /// * `…于DATE收到…辞职报告`: the day the resignations that follow take
    ///   effect (a company officer's resignation takes effect on delivery).
    /// * `X的辞职将在…后生效`, `X将继续履行…职责`: X's resignation is
    ///   pending, not done: the removals of X read so far are dropped.
    /// * `辞职后…`, `…的辞职报告自送达…之日起生效`, `在担任…期间…`,
    ///   `…感谢`, `…不会对公司…产生重大影响`: said of what is done,
    ///   changing nothing.
    /// * `之前`, `尽快`: what is yet to be done.
    /// * A news lead (`新华社…电　国务院任免国家工作人员`).
    /// * A term with no date (`任期三年`, `聘期与…一致`, `自…审议通过之日起`).
    pub(super) fn statement(&mut self, part: &str, clause: &mut Clause) -> bool {
        let signature = clause.signature;
        let has = |word: &str| signature.may_hold(word) && contains(part, word);
        let date = || {
            numerals::find_date(part)
                .or_else(|| numerals::find_numeric_date(part))
                .map(|(d, _, _)| d)
        };
        // A meeting held, not a person elected at it (`…会议上当选为…`).
        if has("召开")
            && ["会议", "董事会", "大会"].iter().any(|w| has(w))
            && !has("为")
            && !has("当选")
        {
            // `6月10日`, no year: the latest such day on or before the
            // notice's date.
            let this_year = |text: &str| {
                let (month, day) = numerals::find_month_day(text)?;
                let signed = self.signed?;
                let on = |year| NaiveDate::from_ymd_opt(year, month, day);
                on(signed.year())
                    .filter(|d| *d <= signed)
                    .or_else(|| on(signed.year() - 1))
            };
            // The part's own date first; then the clause's (`2023年7月18日，
            // …会议在公司会议室召开`: the date is a part of its own).
            let found = date()
                .or_else(|| this_year(part))
                .or_else(|| numerals::find_date(clause.text).map(|(d, _, _)| d))
                .or_else(|| this_year(clause.text));
            // The first meeting held by the notice's date decides; one
            // called for later (`公司定于…召开…股东大会`) does not.
            let held = found.filter(|d| self.signed.is_none_or(|signed| *d <= signed));
            if self.meeting.is_none() {
                self.meeting = held;
            }
            return true;
        }
        // `…前，庄晓晴女士将继续履行公司董事、董事长…职责` (g20): until a
        // successor takes over, the resignation is pending.
        if let Some((who, _)) = ["继续履行", "继续履职"]
            .iter()
            .find_map(|w| has(w).then(|| part.split_once(w)).flatten())
        {
            let who = who.trim_end_matches(['将', '仍', '还']);
            let who = who.rsplit_once(['，', ',']).map_or(who, |(_, w)| w);
            if let Some(people) = names(who) {
                return self.pending_for(people, None, clause);
            }
        }
        if has("辞职") || has("辞任") || has("辞呈") {
            if has("收到") {
                // `同日收到…`: the day already read stands; `近日收到…`
                // gives none. (`2021年3月4日，…董事会收到…辞职报告`, o01:
                // the clause's day, a part of its own.)
                let clause_day = || {
                    numerals::find_date(clause.text)
                        .map(|(d, _, _)| d)
                        .filter(|_| !has("同日"))
                };
                if let Some(day) = date().or_else(clause_day) {
                    self.received = Some(day);
                } else if ["近日", "日前", "近期"].iter().any(|w| has(w)) {
                    self.received = None;
                    self.received_lately = true;
                }
                // `董事会收到刘连舸的辞呈。他因工作调整，辞去…` (g07): whose
                // letter it is, whom a `他` or `其` after it means.
                // (`收到公司董事、总经理付道兴书面辞职申请`, r03: the letter
                // written of, no 的.)
                let who = part.split_once("收到").and_then(|(_, letter)| {
                    let end = ["的", "书面", "递交", "提交", "辞职", "辞呈"]
                        .iter()
                        .filter_map(|w| find(letter, w))
                        .min()?;
                    super::verbs::named_before(letter.get(..end)?, self.loose)
                });
                if let Some((people, posts)) = who {
                    self.letter_posts = posts.map(str::to_owned);
                    self.remember(people);
                }
                return true;
            }
            if has("后生效") && !has("之日") {
                return self.pending(part, clause);
            }
            if part.starts_with("辞职后") || has("生效") {
                // `张三先生辞去…的辞职报告自送达…之日起生效`: a following
                // `其` means 张三.
                let who = ["辞去", "的辞职"]
                    .iter()
                    .find_map(|w| part.split_once(w).map(|(who, _)| who));
                if let Some(people) = who.and_then(names) {
                    self.remember(people);
                }
                return true;
            }
        }
        // How the rest is carried out (`相关职务任免按有关法律和章程的规定
        // 办理`, g16): procedure, no statement.
        if part.ends_with("办理")
            && (has("按") || has("依"))
            && (has("规定") || has("章程") || has("程序"))
        {
            return true;
        }
        // What a decision done does not do, as announcements add it:
        // `本次解聘不会对公司日常生产经营活动产生重大影响` (d09).
        if has("影响") && (has("不会") || has("不影响")) {
            return true;
        }
        // Thanks for the past (`…在担任公司副总经理期间恪尽职守`, `…表示衷心
        // 感谢`); not `挂职期间担任…`, which appoints.
        let served = find(part, "担任")
            .zip(find(part, "期间"))
            .is_some_and(|(held, during)| held < during);
        if has("感谢") || served {
            return true;
        }
        // A news lead (`新华社北京6月28日电　国务院任免国家工作人员`), or any
        // sentence that says appointments were made and names nobody.
        let lead = part
            .strip_prefix("新华社")
            .and_then(|r| r.split_once('电'))
            .map_or(part, |(_, r)| r);
        // (`…宣布了中共中央的任免决定`, `…发布的人事任免通知显示`.)
        let of_a_decision = ["任免决定", "任免通知", "任免名单", "任免消息", "任免事项"]
            .iter()
            .any(|w| contains(lead, w));
        let says_appointments_made = contains(lead, "任免")
            && !lead.contains('为')
            && (of_a_decision || !lead.contains('的'))
            && (!contains(lead, "职务") || contains(lead, "职务任免"));
        // (`上述任免自…起生效` dates the notice: not this.)
        if lead.is_empty() || (says_appointments_made && dates::dated(lead).is_none()) {
            return true;
        }
        // What is yet to be done (`在公司聘任新的董事会秘书之前`, `尽快完成…
        // 聘任工作`).
        if has("之前") || has("尽快") {
            return true;
        }
        // A term with no date of its own (`聘期三年`, `聘期与本届经理层任期
        // 一致`), or one that runs from a day the notice names by what
        // happened on it (`自本次董事会审议通过之日起…`: the meeting's day,
        // which the notice takes effect on anyway).
        if part.starts_with("任期")
            || part.starts_with("聘期")
            || (part.starts_with('自') && has("之日起"))
        {
            return true;
        }
        false
    }

    /// `X的辞职将在…后生效`, `其辞去董事职务的辞职报告将在…后生效`: the
    /// resignation read just before (in this clause, else the latest clause
    /// where X resigns) is pending, not done: its removals are dropped, only those of the
    /// posts named after `辞去` when there are any. `false` when the
    /// sentence names nobody it can read, so that it is reported.
    pub(super) fn pending(&mut self, part: &str, clause: &mut Clause) -> bool {
        let Some((who, _)) = part
            .split_once("的辞职")
            .or_else(|| part.split_once("辞职"))
        else {
            return false;
        };
        let who = ["鉴于", "因"]
            .iter()
            .find_map(|w| who.strip_prefix(w))
            .unwrap_or(who);
        let people = match who.strip_prefix('其') {
            Some(_) if !self.last.is_empty() => self.last.clone(),
            Some(_) => return false,
            None => match names(who) {
                Some(people) => people,
                None => return false,
            },
        };
        // `其辞去董事职务的辞职报告…`: that post only; `X的辞职…` all of X's.
        let posts_named = who.split_once("辞去").map(|(_, posts)| posts);
        self.pending_for(people, posts_named, clause)
    }

    /// The resignations of `people` read just before (in this clause, else
    /// the latest clause where they resign) are pending: their removals are
    /// dropped, only those of the posts `posts_named` names when it names
    /// some of them.
    fn pending_for(
        &mut self,
        people: Vec<Person>,
        posts_named: Option<&str>,
        clause: &mut Clause,
    ) -> bool {
        let resigned = |e: &Event| e.kind == EventKind::Remove && people.contains(&e.person);
        let named = |e: &Event| posts_named.is_some_and(|p| contains(p, e.post.title()));
        let in_clause = clause.events.iter().any(resigned);
        // Else the latest clause that has them resign.
        let last = self
            .events
            .iter()
            .rev()
            .take(LOOK_BACK)
            .find(|e| resigned(e))
            .map_or(0, |e| e.provenance.clause);
        let candidates: Vec<&Event> = if in_clause {
            clause.events.iter().filter(|e| resigned(e)).collect()
        } else {
            self.events
                .iter()
                .filter(|e| e.provenance.clause == last && resigned(e))
                .collect()
        };
        let only_named = candidates.iter().any(|e| named(e));
        let drop = |e: &Event| resigned(e) && (!only_named || named(e));
        if in_clause {
            clause.events.retain(|e| !drop(e));
            clause.part_start = clause.part_start.min(clause.events.len());
        } else {
            self.events
                .retain(|e| !(e.provenance.clause == last && drop(e)));
            // A dated clause left with no events dates nothing.
            let events = &self.events;
            self.dated
                .retain(|(at, _, _)| events.iter().any(|e| e.provenance.clause == *at));
        }
        clause.pending = true;
        true
    }
}
