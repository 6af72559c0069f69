//! Words that point back: `该局`, `该职务`, and a removal whose name is
//! ended by nothing (`免去王五某县审计局局长职务`).
//!
//! It resolves only to what the notice named before; it never guesses.

use super::*;

impl State {
    /// `免去王五某县审计局局长职务`: a removal with neither `的` nor `同志`
    /// to end the name. The name is taken at the one length (two to four
    /// characters) after which the rest reads as posts of an organisation
    /// named earlier in the notice, or else one that starts with the place
    /// name the notice's title or issuer starts with (`某县`), or one the
    /// clause writes again after another character. When no
    /// length, or more than one, is so anchored, the clause is not guessed
    /// at: a level of government alone (`县…`, `街道…`) anchors nothing.
    pub(super) fn unmarked<'t>(&self, text: &'t str, clause: &Clause) -> Option<(Person, &'t str)> {
        let (bare, _) = strip_markers(text);
        if !bare.ends_with("职务") && !bare.ends_with("职位") {
            return None;
        }
        // The events a few back, the clause's first.
        let recent = || {
            clause
                .events
                .iter()
                .rev()
                .chain(self.events.iter().rev())
                .take(LOOK_BACK)
        };
        let seen = |org: &str| recent().any(|e| e.post.organisation() == org);
        // A person the notice names with an event already (`徐平任中国第一
        // 汽车集团公司董事长…免去徐平东风汽车公司董事长…职务`, o21): the
        // name ends where that name does.
        let named = |name: &str| recent().any(|e| e.person.name() == name);
        let placed = |org: &str| {
            let place: String = org.chars().take(2).collect();
            place.chars().count() == 2 && self.context.iter().any(|c| c.starts_with(&place))
        };
        // The organisation written again in the clause after another
        // character than the name's last (`免去张国洪普陀区委书记…职务，施小琳
        // 担任普陀区委委员…`, m17): written whole there, it starts here. (A
        // clause's first 4 KiB: the look stays bounded.)
        let mut end = clause.text.len().min(4096);
        while !clause.text.is_char_boundary(end) {
            end -= 1;
        }
        let window = clause.text.get(..end).unwrap_or("");
        let written_again = |org: &str, name: &str| {
            let last = name.chars().next_back();
            org.chars().count() >= 3
                && window.match_indices(org).any(|(at, _)| {
                    let before = window.get(..at).and_then(|b| b.chars().next_back());
                    before != last && before.is_none_or(|c| "任为的、，,兼在及和与：:".contains(c))
                })
        };
        let mut best: Option<(u8, Person, &'t str)> = None;
        let mut tied = false;
        // A bare title alone after the name (`免去蔣友軍鄉長職務`, k15): the
        // longest such title, whose name is the shortest (`张伟副县长`
        // is 张伟's 副县长, not 张伟副's 县长).
        let mut titled: Option<(Person, &'t str)> = None;
        for (at, _) in text.char_indices().skip(2).take(3) {
            let (Some(name), Some(rest)) = (text.get(..at), text.get(at..)) else {
                continue;
            };
            if !is_name(name) {
                continue;
            }
            let Some((post, _)) = posts(rest).ok().and_then(|list| list.into_iter().next()) else {
                let (title, _) = strip_markers(rest);
                let title = ["职务", "职位"]
                    .iter()
                    .find_map(|w| title.strip_suffix(w))
                    .unwrap_or(title);
                if titled.is_none() && lexicon::is_title(title) {
                    titled = Some((Person::new(name), rest));
                }
                continue;
            };
            let org = post.organisation();
            // A level of government alone (`县…`, `街道…`) is no evidence:
            // `王伟兴福街道办事处` reads as well as `王伟` + `兴福街道办事处`.
            let rank = if named(name) {
                3
            } else if seen(org) {
                2
            } else if placed(org) || written_again(org, name) {
                1
            } else {
                continue;
            };
            match &best {
                Some((r, _, _)) if *r > rank => {}
                Some((r, _, _)) if *r == rank => tied = true,
                _ => {
                    best = Some((rank, Person::new(name), rest));
                    tied = false;
                }
            }
        }
        match best {
            Some((_, person, rest)) if !tied => Some((person, rest)),
            Some(_) => None,
            None => titled,
        }
    }

    /// `免去湯文勝、王荔、買銀朋孟州市人民政府副市長職務` (r36): names
    /// joined by `、`, the last ended by nothing, read as
    /// [`State::unmarked`] reads one; each earlier item must be a name.
    pub(super) fn unmarked_list<'t>(
        &self,
        text: &'t str,
        clause: &Clause,
    ) -> Option<(Vec<Person>, &'t str)> {
        // (The names are the items before the first that is none: the
        // posts may be joined by `、` too, `…董事长、党委书记职务`.)
        let mut people: Vec<Person> = Vec::new();
        let mut rest = text;
        while let Some((name, after)) = rest.split_once('、') {
            if !is_name(name) || (self.loose && !has_surname(name)) {
                break;
            }
            people.push(Person::new(name));
            rest = after;
        }
        let (person, rest) = self.unmarked(rest, clause)?;
        people.push(person);
        Some((people, rest))
    }

    /// `该局副局长`, `该公司总经理`: the organisation named last in the
    /// notice whose name ends as the word after `该` begins (`该校` is also
    /// a …学 or …学院); `该职务` is the post named last. Other text is
    /// returned as it is.
    pub(super) fn refer_back<'t>(
        &self,
        text: &'t str,
        clause: &Clause,
    ) -> Result<Cow<'t, str>, String> {
        // `辞去上述职务` after `收到公司董事、总经理付道兴书面辞职申请` (r03):
        // the posts the letter was written from.
        let bare = strip_markers(text).0;
        if ["上述职务", "上述职位", "前述职务", "以上职务"].contains(&bare) {
            return self
                .letter_posts
                .as_ref()
                .map(|posts| Cow::Owned(format!("{posts}职务")))
                .ok_or_else(|| format!("「{text}」 with no posts named before it"));
        }
        let Some(rest) = text.strip_prefix('该') else {
            return Ok(Cow::Borrowed(text));
        };
        // The organisations named lately: a 该 refers back a few clauses,
        // not to the start of a long notice (and the search stays short).
        let mut named = clause
            .events
            .iter()
            .rev()
            .chain(self.events.iter().rev())
            .take(LOOK_BACK);
        if matches!(strip_markers(rest).0, "职务" | "职") {
            return named
                .next()
                .map(|e| Cow::Owned(format!("{}{rest}", e.post)))
                .ok_or_else(|| "该职务 with no post named before it".to_owned());
        }
        // `该局局长` at `org`, when `org` ends as the word after 该 does.
        let at = |org: &str| {
            rest.char_indices().skip(1).take(4).find_map(|(at, _)| {
                let (word, title) = (rest.get(..at)?, rest.get(at..)?);
                let first = bare_post(split_top(title, &['、']).next().unwrap_or(""));
                // A school is 该校 whatever it is called (…中学, …学院).
                let ends = org.ends_with(word)
                    || (word == "校" && (org.ends_with('学') || org.ends_with("学院")));
                (ends && lexicon::is_title(first)).then(|| format!("{org}{title}"))
            })
        };
        if let Some(found) = named.find_map(|e| at(e.post.organisation())) {
            return Ok(Cow::Owned(found));
        }
        // In loose text, the institution a sentence spoke of (`教育部…向
        // 人民大学发布通知，任命…为该校副校长`).
        if let Some(found) = self.company.as_deref().filter(|_| self.loose).and_then(at) {
            return Ok(Cow::Owned(found));
        }
        Err(format!(
            "「{text}」: 该 refers to no organisation named before it"
        ))
    }
}
