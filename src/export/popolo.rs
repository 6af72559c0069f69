//! Popolo JSON (<https://www.popoloproject.com/>): the ledger as persons,
//! organizations, posts and memberships.

use serde_json::{Map, Value, json};

use super::{Catalogue, person_id, post_id};
use crate::ledger::Ledger;
use crate::model::second_name;
use crate::model::{Change, Seats};
use crate::timeline::{EventRef, Start};

/// The `scheme` of the identifier that carries a person's explicit id.
const PERSON_ID_SCHEME: &str = "appointment-ledger";

impl Ledger {
    /// The ledger as Popolo JSON: an object with `persons`,
    /// `organizations`, `posts` and `memberships`, valid against the
    /// popolo-spec schemas (which allow the extra properties below).
    ///
    /// * a person has `id` and `name`; an explicit id
    ///   ([`Person::with_id`](crate::Person::with_id)) is kept as an
    ///   identifier of scheme `appointment-ledger`;
    /// * an organisation written `A（B）` is named `A`, with `B` among its
    ///   `other_names`, as is a name declared the same by
    ///   [`Ledger::declare_alias`];
    /// * a post has `label` (organisation and title as written), `role`
    ///   (the title), `organization_id`, and the extra property `seats`: a
    ///   number, or `"several"`;
    /// * a membership is one tenure: `start_date`, the first day held, and
    ///   `end_date`, the **last day held**, as `YYYY-MM-DD` — the
    ///   convention Popolo's consumers read (a closed range: the day before
    ///   the removal takes effect); the extra property `end_exclusive`
    ///   keeps the ledger's own end, the first day no longer held (the
    ///   removal's day; tenures are half-open). An open tenure has neither.
    ///   An unknown start is **left out** and said in `note` (`start
    ///   unknown: held before 2022-05-23`), never invented, and its lower
    ///   bound, when known, is the extra property `start_after`. Extra
    ///   properties: `flags`, and `appointed_by` / `removed_by`
    ///   (`{"notice", "clause"}`) when recorded.
    ///
    /// Ids (`person/1`, `organization/3`, `post/7`, `membership/12`) are
    /// stable for a given ledger: persons and posts numbered as the ledger
    /// numbers them, memberships in the order of [`Ledger::to_csv`]'s rows.
    ///
    /// ```
    /// use appointment_ledger::{Ledger, NaiveDate, Notice, Person, Post};
    /// let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
    /// let gardens = Post::new("济南市槐荫区园林绿化服务中心", "主任");
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕5号", day(5, 23))
    ///     .remove(Person::new("尹 强"), gardens.clone())
    ///     .appoint(Person::new("张晓慧"), gardens))?;
    ///
    /// let popolo = ledger.to_popolo();
    /// assert_eq!(popolo["posts"][0]["label"], "济南市槐荫区园林绿化服务中心主任");
    /// assert_eq!(popolo["posts"][0]["seats"], 1);
    /// let gone = &popolo["memberships"][0];
    /// assert_eq!(gone["person_id"], "person/1");
    /// assert_eq!(gone["end_date"], "2022-05-22");
    /// assert_eq!(gone["end_exclusive"], "2022-05-23");
    /// assert!(gone.get("start_date").is_none());
    /// assert_eq!(gone["note"], "start unknown: held before 2022-05-23");
    /// let new = &popolo["memberships"][1];
    /// assert_eq!(new["start_date"], "2022-05-23");
    /// assert!(new.get("end_date").is_none());
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn to_popolo(&self) -> Value {
        let catalogue = Catalogue::new(self);

        // Only people with a tenure: one a correction took every event from
        // is no one the record names any more.
        let named: std::collections::HashSet<&crate::model::Person> =
            catalogue.tenures.iter().map(|(_, t)| &t.person).collect();
        let persons: Vec<Value> = self
            .persons()
            .iter()
            .enumerate()
            .filter(|(_, person)| named.contains(person))
            .map(|(i, person)| {
                let mut p = Map::new();
                p.insert("id".into(), format!("person/{}", i + 1).into());
                p.insert("name".into(), person.name().into());
                if let Some(id) = person.id() {
                    p.insert(
                        "identifiers".into(),
                        json!([{ "identifier": id, "scheme": PERSON_ID_SCHEME }]),
                    );
                }
                Value::Object(p)
            })
            .collect();

        let organizations: Vec<Value> = catalogue
            .organisations
            .iter()
            .enumerate()
            .map(|(i, written)| {
                let mut other_names = Vec::new();
                let name = match second_name(written) {
                    Some((main, second)) => {
                        other_names.push(json!({
                            "name": second,
                            "note": format!("second name, in parentheses: {written}"),
                        }));
                        main
                    }
                    None => written,
                };
                for alias in aliases_of(self, written) {
                    if alias == name || other_names.iter().any(|o| o["name"] == alias) {
                        continue;
                    }
                    other_names.push(json!({
                        "name": alias,
                        "note": "declared the same organisation",
                    }));
                }
                let mut o = Map::new();
                o.insert("id".into(), format!("organization/{}", i + 1).into());
                o.insert("name".into(), name.into());
                if !other_names.is_empty() {
                    o.insert("other_names".into(), other_names.into());
                }
                Value::Object(o)
            })
            .collect();

        let posts: Vec<Value> = catalogue
            .posts
            .iter()
            .map(|(id, post)| {
                let seats = match self.seats(*id) {
                    Ok(Seats::Limit(n)) => json!(n),
                    Ok(Seats::Several) => json!("several"),
                    Err(_) => Value::Null,
                };
                json!({
                    "id": post_id(*id),
                    "label": post.to_string(),
                    "role": post.title(),
                    "organization_id": catalogue.organisation_id(post),
                    "seats": seats,
                })
            })
            .collect();

        let memberships: Vec<Value> = catalogue
            .tenures
            .iter()
            .enumerate()
            .map(|(i, (id, tenure))| {
                // The post the tenure is exported under (an alias merge
                // may have recorded it under another spelling).
                let post = self.post(*id).unwrap_or(&tenure.post);
                let mut m = Map::new();
                m.insert("id".into(), format!("membership/{}", i + 1).into());
                m.insert("person_id".into(), person_id(self, tenure).into());
                m.insert(
                    "organization_id".into(),
                    catalogue.organisation_id(post).into(),
                );
                m.insert("post_id".into(), post_id(*id).into());
                m.insert("role".into(), post.title().into());
                match tenure.start {
                    Start::On(d) => {
                        m.insert("start_date".into(), d.to_string().into());
                    }
                    Start::Unknown { after, before } => {
                        if let Some(after) = after {
                            m.insert("start_after".into(), after.to_string().into());
                        }
                        let note = match after {
                            None => format!("start unknown: held before {before}"),
                            Some(after) => {
                                format!("start unknown: held after {after} and before {before}")
                            }
                        };
                        m.insert("note".into(), note.into());
                    }
                }
                if let Some(end) = tenure.end.date() {
                    // The last day held: the day before the first day no
                    // longer held (a removal on the ledger's first day
                    // has no day before it; then only end_exclusive).
                    if let Some(last) = end.pred_opt() {
                        m.insert("end_date".into(), last.to_string().into());
                    }
                    m.insert("end_exclusive".into(), end.to_string().into());
                }
                let flags: Vec<&str> = tenure.flags.iter().map(|f| f.name()).collect();
                m.insert("flags".into(), flags.into());
                if let Some(by) = tenure.appointed_by {
                    m.insert("appointed_by".into(), event(by));
                }
                if let Some(by) = tenure.removed_by {
                    m.insert("removed_by".into(), event(by));
                }
                Value::Object(m)
            })
            .collect();

        json!({
            "persons": persons,
            "organizations": organizations,
            "posts": posts,
            "memberships": memberships,
        })
    }
}

fn event(by: EventRef<'_>) -> Value {
    json!({ "notice": by.notice(), "clause": by.clause() })
}

/// The other names declared the same organisation as `written`, in the
/// order declared.
fn aliases_of<'a>(ledger: &'a Ledger, written: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    ledger
        .log()
        .iter()
        .filter_map(move |entry| match &entry.change {
            Change::Alias { name, same_as } if same_as == written => Some(name.as_str()),
            Change::Alias { name, same_as } if name == written => Some(same_as.as_str()),
            _ => None,
        })
}
