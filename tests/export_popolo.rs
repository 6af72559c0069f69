//! The Popolo export of notices 4 and 5, checked against the popolo-spec
//! JSON schemas (draft-03: person, organization, post, membership, and the
//! other_name and identifier objects they hold), encoded here by hand:
//! every property we emit that the schemas define has the schemas' type
//! (and date pattern); every property they do not define is one of the
//! extensions the crate documents (the schemas allow extra properties);
//! every reference resolves.

mod common;

use std::collections::{BTreeSet, HashMap};

use appointment_ledger::{Ledger, NaiveDate, Notice, Parser, Person, Post};
use common::{day, notice4, notice5};
use serde_json::{Value, json};

const GAZETTE: &str = include_str!("../examples/data/huaiyin-gazette-2022.txt");

fn from_code() -> Ledger {
    let mut ledger = Ledger::new();
    ledger.record(notice4()).unwrap();
    ledger.record(notice5()).unwrap();
    ledger
}

fn from_text() -> Ledger {
    let mut ledger = Ledger::new();
    for p in Parser::new().strict(true).parse(GAZETTE).unwrap() {
        ledger.record(p.notice).unwrap();
    }
    ledger
}

/// A property's type in the schemas.
#[derive(Clone, Copy)]
enum Rule {
    /// `"type": "string"`.
    Str,
    /// `"type": ["string", "null"]`.
    StrOrNull,
    /// `"type": ["string", "null"]` with the date pattern
    /// `^[0-9]{4}(-[0-9]{2}){0,2}$`.
    Date,
    /// An array of other_name objects.
    OtherNames,
    /// An array of identifier objects.
    Identifiers,
    /// An array of objects (contact details, links, sources).
    Objects,
    /// An object (a membership's `member`).
    Object,
}

/// The properties of each schema: (name, rule, required).
const PERSON: &[(&str, Rule, bool)] = &[
    ("id", Rule::StrOrNull, false),
    ("name", Rule::Str, true),
    ("other_names", Rule::OtherNames, false),
    ("identifiers", Rule::Identifiers, false),
    ("family_name", Rule::StrOrNull, false),
    ("given_name", Rule::StrOrNull, false),
    ("email", Rule::StrOrNull, false),
    ("gender", Rule::StrOrNull, false),
    ("birth_date", Rule::Date, false),
    ("death_date", Rule::Date, false),
    ("image", Rule::StrOrNull, false),
    ("summary", Rule::StrOrNull, false),
    ("biography", Rule::StrOrNull, false),
    ("national_identity", Rule::StrOrNull, false),
    ("contact_details", Rule::Objects, false),
    ("links", Rule::Objects, false),
    ("sources", Rule::Objects, false),
];

const ORGANIZATION: &[(&str, Rule, bool)] = &[
    ("id", Rule::StrOrNull, false),
    ("name", Rule::Str, true),
    ("other_names", Rule::OtherNames, false),
    ("identifiers", Rule::Identifiers, false),
    ("classification", Rule::StrOrNull, false),
    ("parent_id", Rule::StrOrNull, false),
    ("area_id", Rule::StrOrNull, false),
    ("abstract", Rule::StrOrNull, false),
    ("description", Rule::StrOrNull, false),
    ("founding_date", Rule::Date, false),
    ("dissolution_date", Rule::Date, false),
    ("image", Rule::StrOrNull, false),
    ("contact_details", Rule::Objects, false),
    ("links", Rule::Objects, false),
    ("sources", Rule::Objects, false),
];

const POST: &[(&str, Rule, bool)] = &[
    ("id", Rule::StrOrNull, false),
    ("label", Rule::Str, true),
    ("role", Rule::StrOrNull, false),
    ("organization_id", Rule::StrOrNull, false),
    ("area_id", Rule::StrOrNull, false),
    ("start_date", Rule::Date, false),
    ("end_date", Rule::Date, false),
    ("contact_details", Rule::Objects, false),
    ("links", Rule::Objects, false),
    ("sources", Rule::Objects, false),
];

const MEMBERSHIP: &[(&str, Rule, bool)] = &[
    ("id", Rule::StrOrNull, false),
    ("label", Rule::StrOrNull, false),
    ("role", Rule::StrOrNull, false),
    ("member", Rule::Object, false),
    ("person_id", Rule::StrOrNull, false),
    ("organization_id", Rule::StrOrNull, false),
    ("post_id", Rule::StrOrNull, false),
    ("on_behalf_of_id", Rule::StrOrNull, false),
    ("area_id", Rule::StrOrNull, false),
    ("start_date", Rule::Date, false),
    ("end_date", Rule::Date, false),
    ("contact_details", Rule::Objects, false),
    ("links", Rule::Objects, false),
    ("sources", Rule::Objects, false),
];

const OTHER_NAME: &[(&str, Rule, bool)] = &[
    ("name", Rule::Str, true),
    ("family_name", Rule::StrOrNull, false),
    ("given_name", Rule::StrOrNull, false),
    ("note", Rule::StrOrNull, false),
    ("start_date", Rule::Date, false),
    ("end_date", Rule::Date, false),
];

const IDENTIFIER: &[(&str, Rule, bool)] = &[
    ("identifier", Rule::Str, true),
    ("scheme", Rule::StrOrNull, false),
];

/// `^[0-9]{4}(-[0-9]{2}){0,2}$`, by hand.
fn is_popolo_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&parts.len()) && digits(parts[0], 4) && parts[1..].iter().all(|p| digits(p, 2))
}

/// Checks `value` against a schema's properties; returns the names of the
/// properties the schema does not define (extensions).
fn check(what: &str, value: &Value, schema: &[(&str, Rule, bool)]) -> BTreeSet<String> {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{what}: not an object: {value}"));
    for (name, _, required) in schema {
        if *required {
            assert!(object.contains_key(*name), "{what}: no `{name}`: {value}");
        }
    }
    let mut extensions = BTreeSet::new();
    for (key, v) in object {
        let Some((_, rule, _)) = schema.iter().find(|(name, _, _)| name == key) else {
            extensions.insert(key.clone());
            continue;
        };
        let ok = match rule {
            Rule::Str => v.is_string(),
            Rule::StrOrNull => v.is_string() || v.is_null(),
            Rule::Date => v.is_null() || v.as_str().is_some_and(is_popolo_date),
            Rule::Objects => v
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_object)),
            Rule::Object => v.is_object(),
            Rule::OtherNames => v.as_array().is_some_and(|items| {
                items
                    .iter()
                    .all(|item| check(&format!("{what}.other_names"), item, OTHER_NAME).is_empty())
            }),
            Rule::Identifiers => v.as_array().is_some_and(|items| {
                items
                    .iter()
                    .all(|item| check(&format!("{what}.identifiers"), item, IDENTIFIER).is_empty())
            }),
        };
        assert!(ok, "{what}: `{key}` has the wrong type: {v}");
    }
    extensions
}

fn list<'a>(popolo: &'a Value, key: &str) -> &'a [Value] {
    popolo[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is not an array"))
}

/// Validates a whole export; returns its objects by id.
fn validate(popolo: &Value) -> HashMap<String, Value> {
    let top: BTreeSet<&str> = popolo
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        top,
        BTreeSet::from(["memberships", "organizations", "persons", "posts"])
    );
    let mut by_id = HashMap::new();
    let mut index = |kind: &str, item: &Value| {
        let id = item["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{kind} without id: {item}"));
        assert!(id.starts_with(&format!("{kind}/")), "{id}");
        assert!(
            by_id.insert(id.to_owned(), item.clone()).is_none(),
            "duplicate id {id}"
        );
    };
    for person in list(popolo, "persons") {
        assert_eq!(check("person", person, PERSON), BTreeSet::new());
        index("person", person);
    }
    for organization in list(popolo, "organizations") {
        assert_eq!(
            check("organization", organization, ORGANIZATION),
            BTreeSet::new()
        );
        index("organization", organization);
    }
    for post in list(popolo, "posts") {
        let extensions = check("post", post, POST);
        assert_eq!(extensions, BTreeSet::from(["seats".to_owned()]));
        assert!(
            post["seats"].as_u64().is_some_and(|n| n >= 1) || post["seats"] == "several",
            "{post}"
        );
        index("post", post);
    }
    for membership in list(popolo, "memberships") {
        let extensions = check("membership", membership, MEMBERSHIP);
        let allowed = [
            "appointed_by",
            "end_exclusive",
            "flags",
            "note",
            "removed_by",
            "start_after",
        ];
        assert!(
            extensions.iter().all(|e| allowed.contains(&e.as_str())),
            "{extensions:?}"
        );
        assert!(
            membership["flags"]
                .as_array()
                .is_some_and(|flags| flags.iter().all(|f| [
                    "concurrent",
                    "acting",
                    "probation",
                    "retain_rank",
                    "secondment"
                ]
                .contains(&f.as_str().unwrap_or(""))))
        );
        for by in ["appointed_by", "removed_by"] {
            if let Some(event) = membership.get(by) {
                assert!(
                    event["notice"].is_string() && event["clause"].is_u64(),
                    "{event}"
                );
            }
        }
        // An unknown start is left out and said in a note.
        assert_eq!(
            membership.get("start_date").is_none(),
            membership.get("note").is_some_and(Value::is_string),
            "{membership}"
        );
        index("membership", membership);
    }
    // Every reference resolves to an exported object of the right kind.
    let refers = |id: &Value, kind: &str| {
        let id = id.as_str().unwrap_or_default();
        assert!(
            id.starts_with(&format!("{kind}/")) && by_id.contains_key(id),
            "{id}"
        );
    };
    for post in list(popolo, "posts") {
        refers(&post["organization_id"], "organization");
    }
    for membership in list(popolo, "memberships") {
        refers(&membership["person_id"], "person");
        refers(&membership["organization_id"], "organization");
        refers(&membership["post_id"], "post");
        let post = &by_id[membership["post_id"].as_str().unwrap()];
        assert_eq!(post["organization_id"], membership["organization_id"]);
        assert_eq!(post["role"], membership["role"]);
    }
    by_id
}

fn membership_of<'a>(popolo: &'a Value, person: &str, post_label: &str) -> &'a Value {
    let person_id = list(popolo, "persons")
        .iter()
        .find(|p| p["name"] == person)
        .map(|p| p["id"].clone())
        .unwrap();
    let post_id = list(popolo, "posts")
        .iter()
        .find(|p| p["label"] == post_label)
        .map(|p| p["id"].clone())
        .unwrap();
    let found: Vec<&Value> = list(popolo, "memberships")
        .iter()
        .filter(|m| m["person_id"] == person_id && m["post_id"] == post_id)
        .collect();
    assert_eq!(found.len(), 1);
    found[0]
}

#[test]
fn notices_4_and_5_validate_against_the_popolo_schemas() {
    let popolo = from_text().to_popolo();
    let by_id = validate(&popolo);
    assert_eq!(list(&popolo, "persons").len(), 46);
    assert_eq!(list(&popolo, "organizations").len(), 38);
    assert_eq!(list(&popolo, "posts").len(), 41);
    // 6 appointments of notice 4, 22 of notice 5, and 31 removals with no
    // recorded appointment (two removals close notice 4's tenures).
    assert_eq!(list(&popolo, "memberships").len(), 59);
    let unknown_starts = list(&popolo, "memberships")
        .iter()
        .filter(|m| m.get("start_date").is_none())
        .count();
    assert_eq!(unknown_starts, 31);
    assert_eq!(by_id.len(), 46 + 38 + 41 + 59);
}

#[test]
fn the_text_and_the_code_give_the_same_export() {
    // Clause texts differ (the code's are empty); Popolo carries none.
    assert_eq!(from_text().to_popolo(), from_code().to_popolo());
}

#[test]
fn yi_lianbin_held_civil_air_defence_from_notice_4_to_notice_5() {
    let popolo = from_text().to_popolo();
    let m = membership_of(&popolo, "衣连斌", "济南市槐荫区人民防空办公室主任");
    assert_eq!(
        *m,
        json!({
            "id": "membership/2",
            "person_id": "person/2",
            "organization_id": "organization/2",
            "post_id": "post/2",
            "role": "主任",
            "start_date": "2022-04-24",
            "end_date": "2022-05-22",
            "end_exclusive": "2022-05-23",
            "flags": ["concurrent"],
            "appointed_by": { "notice": "济槐政任〔2022〕4号", "clause": 2 },
            "removed_by": { "notice": "济槐政任〔2022〕5号", "clause": 28 },
        })
    );
}

#[test]
fn yin_qiangs_gardens_post_has_no_start_date_and_a_note() {
    let popolo = from_text().to_popolo();
    let m = membership_of(&popolo, "尹强", "济南市槐荫区园林绿化服务中心主任");
    assert_eq!(m.get("start_date"), None);
    assert_eq!(m["note"], "start unknown: held before 2022-05-23");
    // Popolo's end_date is the last day held; the ledger's end, the first
    // day no longer held, is end_exclusive.
    assert_eq!(m["end_date"], "2022-05-22");
    assert_eq!(m["end_exclusive"], "2022-05-23");
    assert_eq!(m.get("start_after"), None);
    assert_eq!(m["flags"], json!([]));
    assert_eq!(m.get("appointed_by"), None);
    assert_eq!(
        m["removed_by"],
        json!({ "notice": "济槐政任〔2022〕5号", "clause": 38 })
    );
    // An open tenure has no end date.
    let open = membership_of(&popolo, "陈建防", "济南市槐荫区人民防空办公室主任");
    assert_eq!(open["start_date"], "2022-05-23");
    assert_eq!(open.get("end_date"), None);
    assert_eq!(open.get("end_exclusive"), None);
}

#[test]
fn an_unknown_start_keeps_its_after_bound() {
    let gardens = Post::new("某区园林绿化服务中心", "主任");
    let mut ledger = Ledger::new();
    let d = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
    ledger
        .record(
            Notice::new("某政任〔2022〕1号", d(3, 1)).remove(Person::new("尹强"), gardens.clone()),
        )
        .unwrap();
    ledger
        .record(Notice::new("某政任〔2022〕2号", d(6, 1)).remove(Person::new("尹强"), gardens))
        .unwrap();
    let popolo = ledger.to_popolo();
    let second = &list(&popolo, "memberships")[1];
    assert_eq!(second["start_after"], "2022-03-01");
    assert_eq!(
        second["note"],
        "start unknown: held after 2022-03-01 and before 2022-06-01"
    );
    assert_eq!(
        (&second["end_date"], &second["end_exclusive"]),
        (&json!("2022-05-31"), &json!("2022-06-01"))
    );
    let csv = ledger.to_csv();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[2],
        "尹强,person/1,post/1,某区园林绿化服务中心,organization/1,主任,,false,2022-03-01,2022-06-01,2022-06-01,,,,某政任〔2022〕2号,1"
    );
}

#[test]
fn posts_carry_seats_and_organisations_their_second_name() {
    let popolo = from_text().to_popolo();
    let post = |label: &str| {
        list(&popolo, "posts")
            .iter()
            .find(|p| p["label"] == label)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        post("济南市槐荫区人民防空办公室主任"),
        json!({
            "id": "post/2",
            "label": "济南市槐荫区人民防空办公室主任",
            "role": "主任",
            "organization_id": "organization/2",
            "seats": 1,
        })
    );
    assert_eq!(
        post("济南市槐荫区人民政府办公室副处级领导干部")["seats"],
        "several"
    );
    let hotline = post("济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）主任");
    let org = list(&popolo, "organizations")
        .iter()
        .find(|o| o["id"] == hotline["organization_id"])
        .unwrap();
    assert_eq!(
        *org,
        json!({
            "id": "organization/8",
            "name": "济南市槐荫区12345市民服务热线运行中心",
            "other_names": [{
                "name": "济南市槐荫区大数据中心",
                "note": "second name, in parentheses: 济南市槐荫区12345市民服务热线运行中心（济南市槐荫区大数据中心）",
            }],
        })
    );
}

#[test]
fn explicit_person_ids_and_declared_aliases_stay_visible() {
    let office = Post::new("某区财政局", "副局长");
    let mut ledger = Ledger::new();
    ledger
        .record(
            Notice::new("甲〔2022〕1号", day(2022, 1, 1))
                .appoint(Person::with_id("李建", "A"), office.clone())
                .appoint(Person::new("李建"), office)
                .appoint(
                    Person::new("赵中华"),
                    Post::new("济南市槐荫区人民医院", "院长"),
                )
                .remove(
                    Person::new("李忠华"),
                    Post::new("济南市槐荫人民医院", "院长"),
                ),
        )
        .unwrap();
    ledger
        .declare_alias("济南市槐荫人民医院", "济南市槐荫区人民医院")
        .unwrap();
    let popolo = ledger.to_popolo();
    validate(&popolo);
    assert_eq!(
        list(&popolo, "persons")[..2],
        [
            json!({
                "id": "person/1",
                "name": "李建",
                "identifiers": [{ "identifier": "A", "scheme": "appointment-ledger" }],
            }),
            json!({ "id": "person/2", "name": "李建" }),
        ]
    );
    // The hospital's two spellings are one organisation and one post.
    let hospitals: Vec<&Value> = list(&popolo, "organizations")
        .iter()
        .filter(|o| o["name"].as_str().unwrap().contains("医院"))
        .collect();
    assert_eq!(
        hospitals,
        [&json!({
            "id": "organization/2",
            "name": "济南市槐荫区人民医院",
            "other_names": [{ "name": "济南市槐荫人民医院", "note": "declared the same organisation" }],
        })]
    );
    let hospital_memberships = list(&popolo, "memberships")
        .iter()
        .filter(|m| m["organization_id"] == "organization/2")
        .count();
    assert_eq!(hospital_memberships, 2);
}

#[test]
fn an_empty_ledger_exports_empty_lists() {
    let popolo = Ledger::new().to_popolo();
    validate(&popolo);
    assert_eq!(
        popolo,
        json!({ "persons": [], "organizations": [], "posts": [], "memberships": [] })
    );
}
