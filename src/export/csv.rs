//! CSV of tenures (RFC 4180), one row each, for spreadsheets.

use super::{Catalogue, person_id};
use crate::ledger::Ledger;
use crate::timeline::EventRef;

/// The header row of [`Ledger::to_csv`].
const HEADER: [&str; 10] = [
    "person",
    "person_id",
    "organisation",
    "title",
    "start",
    "start_known",
    "end",
    "flags",
    "appointed_by",
    "removed_by",
];

impl Ledger {
    /// Every tenure as CSV (RFC 4180: fields quoted when they hold a
    /// comma, quote or line break; lines end in CRLF), one row each, in
    /// post order, then start.
    ///
    /// Columns: `person` (the name, `李建#A` with an explicit id),
    /// `person_id` (`person/N`, as in [`Ledger::to_popolo`]),
    /// `organisation`, `title`, `start` (empty when unknown),
    /// `start_known` (`true`/`false`), `end` (empty while open), `flags`
    /// (`concurrent,retain_rank`), `appointed_by` and `removed_by`
    /// (`济槐政任〔2022〕5号 clause 5`, empty when not recorded).
    ///
    /// ```
    /// use appointment_ledger::{Flag, Event, Ledger, NaiveDate, Notice, Person, Post};
    /// let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
    /// let office = Post::new("济南市槐荫区人民防空办公室", "主任");
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕4号", day(4, 24))
    ///     .event(Event::appoint(Person::new("衣连斌"), office.clone()).flag(Flag::Concurrent)))?;
    /// ledger.record(Notice::new("济槐政任〔2022〕5号", day(5, 23))
    ///     .remove(Person::new("衣连斌"), office))?;
    /// let csv = ledger.to_csv();
    /// let rows: Vec<&str> = csv.lines().collect();
    /// assert_eq!(rows[0], "person,person_id,organisation,title,start,start_known,end,flags,appointed_by,removed_by");
    /// assert_eq!(rows[1], "衣连斌,person/1,济南市槐荫区人民防空办公室,主任,2022-04-24,true,2022-05-23,\
    ///     concurrent,济槐政任〔2022〕4号 clause 1,济槐政任〔2022〕5号 clause 1");
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn to_csv(&self) -> String {
        let catalogue = Catalogue::new(self);
        let mut out = String::new();
        row(&mut out, HEADER.iter().map(|h| (*h).to_owned()));
        let by = |e: Option<EventRef<'_>>| e.map(|e| e.to_string()).unwrap_or_default();
        for (id, tenure) in &catalogue.tenures {
            let post = self.post(*id).unwrap_or(&tenure.post);
            row(
                &mut out,
                [
                    tenure.person.to_string(),
                    person_id(self, tenure),
                    post.organisation().to_owned(),
                    post.title().to_owned(),
                    tenure
                        .start
                        .date()
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    tenure.start.is_known().to_string(),
                    tenure.end.date().map(|d| d.to_string()).unwrap_or_default(),
                    tenure.flags.to_string(),
                    by(tenure.appointed_by),
                    by(tenure.removed_by),
                ],
            );
        }
        out
    }
}

/// Appends one record, fields joined by commas, ended by CRLF.
fn row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(&field));
    }
    out.push_str("\r\n");
}

/// A field as RFC 4180 writes it: quoted, with quotes doubled, when it
/// holds a comma, a quote or a line break.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        let mut quoted = String::with_capacity(field.len() + 2);
        quoted.push('"');
        for c in field.chars() {
            if c == '"' {
                quoted.push('"');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(quote("衣连斌"), "衣连斌");
        assert_eq!(
            quote("concurrent,retain_rank"),
            "\"concurrent,retain_rank\""
        );
        assert_eq!(quote("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(quote("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(quote(""), "");
    }
}
