//! CSV of tenures (RFC 4180), one row each, for spreadsheets, written as
//! it goes to any [`std::io::Write`].

use std::io::{self, Write};

use super::{Catalogue, person_id, post_id};
use crate::ledger::Ledger;
use crate::timeline::{EventRef, Start};

/// The header row of [`Ledger::to_csv`].
const HEADER: [&str; 16] = [
    "person",
    "person_id",
    "post_id",
    "organisation",
    "organisation_id",
    "title",
    "start",
    "start_known",
    "start_after",
    "start_before",
    "end_exclusive",
    "tenure_flags",
    "appointed_by_notice",
    "appointed_by_clause",
    "removed_by_notice",
    "removed_by_clause",
];

/// The UTF-8 byte-order mark, which Excel needs to read UTF-8 CSV as such.
const BOM: &str = "\u{feff}";

/// How [`Ledger::write_csv`] writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Begin with a UTF-8 byte-order mark, so that Excel reads the names
    /// as UTF-8 (other tools, pandas included, skip it or should be told
    /// `encoding="utf-8-sig"`). Off by default.
    pub bom: bool,
}

impl Ledger {
    /// Every tenure as CSV, as [`Ledger::write_csv`] writes it with the
    /// default options (no byte-order mark), in a string.
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
    /// assert_eq!(rows[0], "person,person_id,post_id,organisation,organisation_id,title,\
    ///     start,start_known,start_after,start_before,end_exclusive,tenure_flags,\
    ///     appointed_by_notice,appointed_by_clause,removed_by_notice,removed_by_clause");
    /// assert_eq!(rows[1], "衣连斌,person/1,post/1,济南市槐荫区人民防空办公室,organization/1,主任,\
    ///     2022-04-24,true,,,2022-05-23,concurrent,济槐政任〔2022〕4号,1,济槐政任〔2022〕5号,1");
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = Vec::new();
        // Writing to a vector cannot fail, and every field is UTF-8.
        let _ = self.write_csv(&mut out, CsvOptions::default());
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes every tenure as CSV to `out`, a row at a time (RFC 4180:
    /// fields quoted when they hold a comma, quote or line break; lines end
    /// in CRLF), in post order, then start; with `options.bom`, a UTF-8
    /// byte-order mark first.
    ///
    /// Columns:
    ///
    /// * `person` (the name, `李建#A` with an explicit id), `person_id`
    ///   (`person/N`), `post_id` (`post/N`), `organisation`,
    ///   `organisation_id` (`organization/N`), `title`: the ids are those
    ///   of [`Ledger::to_popolo`];
    /// * `start`, the first day held (empty when unknown); `start_known`
    ///   (`true`/`false`); for an unknown start, `start_after` (the day it
    ///   began on or after, the end of the person's previous tenure there,
    ///   when there is one) and `start_before` (the day it began before);
    /// * `end_exclusive`: the first day the post is **no longer** held, the
    ///   day of the removal (tenures are half-open, `[start,
    ///   end_exclusive)`: the last day held is the day before); empty while
    ///   the tenure is open;
    /// * `tenure_flags` (`concurrent,retain_rank`; not `flags`, which
    ///   pandas' `DataFrame.flags` would hide from attribute access);
    /// * `appointed_by_notice`, `appointed_by_clause`, `removed_by_notice`,
    ///   `removed_by_clause`: the notice number and clause (from 1) of the
    ///   appointment and the removal, empty when not recorded.
    ///
    /// A failed write is returned as it came; what was written before it
    /// stays written.
    ///
    /// ```
    /// use appointment_ledger::{CsvOptions, Ledger, NaiveDate, Notice, Person, Post};
    /// let day = NaiveDate::from_ymd_opt(2022, 5, 23).unwrap();
    /// let mut ledger = Ledger::new();
    /// ledger.record(Notice::new("济槐政任〔2022〕5号", day)
    ///     .remove(Person::new("尹 强"), Post::new("济南市槐荫区园林绿化服务中心", "主任")))?;
    /// let mut out = Vec::new();
    /// ledger.write_csv(&mut out, CsvOptions { bom: true }).unwrap();
    /// let text = String::from_utf8(out).unwrap();
    /// assert!(text.starts_with("\u{feff}person,"));
    /// assert_eq!(text.lines().nth(1), Some("尹强,person/1,post/1,济南市槐荫区园林绿化服务中心,\
    ///     organization/1,主任,,false,,2022-05-23,2022-05-23,,,,济槐政任〔2022〕5号,1"));
    /// # Ok::<(), appointment_ledger::Error>(())
    /// ```
    pub fn write_csv<W: Write>(&self, mut out: W, options: CsvOptions) -> io::Result<()> {
        let catalogue = Catalogue::new(self);
        if options.bom {
            out.write_all(BOM.as_bytes())?;
        }
        row(&mut out, HEADER.iter().map(|h| (*h).to_owned()))?;
        let notice = |e: Option<EventRef<'_>>| e.map(|e| e.notice().to_owned()).unwrap_or_default();
        let clause =
            |e: Option<EventRef<'_>>| e.map(|e| e.clause().to_string()).unwrap_or_default();
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        for (id, tenure) in &catalogue.tenures {
            let post = self.post(*id).unwrap_or(&tenure.post);
            let (after, before) = match tenure.start {
                Start::On(_) => (None, None),
                Start::Unknown { after, before } => (after, Some(before)),
            };
            row(
                &mut out,
                [
                    tenure.person.to_string(),
                    person_id(self, tenure),
                    post_id(*id),
                    post.organisation().to_owned(),
                    catalogue.organisation_id(post),
                    post.title().to_owned(),
                    day(tenure.start.date()),
                    tenure.start.is_known().to_string(),
                    day(after),
                    day(before),
                    day(tenure.end.date()),
                    tenure.flags.to_string(),
                    notice(tenure.appointed_by),
                    clause(tenure.appointed_by),
                    notice(tenure.removed_by),
                    clause(tenure.removed_by),
                ],
            )?;
        }
        out.flush()
    }
}

/// Writes one record, fields joined by commas, ended by CRLF.
fn row(out: &mut impl Write, fields: impl IntoIterator<Item = String>) -> io::Result<()> {
    let mut line = String::new();
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&quote(&field));
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
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
