//! Dates as people type them: `2022-05-01`, `2022-5-1`, `2022/5/1`,
//! `2022.5.1`, `20220501`, `2022年5月1日` (full-width digits too).
//!
//! This module turns a typed date into a day, and says in its own words
//! what is wrong with one that is no day (`2022-02-30`: February 2022 has
//! 28 days). It must never guess: a text that is none of these forms is
//! not a date, and a day outside the ledger's range is refused as the
//! ledger refuses it.

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::ledger::check_date;

/// Parses a date as people type it (the forms above), within the ledger's
/// range ([`EARLIEST`](crate::EARLIEST)..=[`LATEST`](crate::LATEST)).
///
/// ```
/// use appointment_ledger::parse_date;
/// for typed in ["2022-05-23", "2022-5-23", "2022/5/23", "20220523", "2022年5月23日"] {
///     assert_eq!(parse_date(typed).unwrap().to_string(), "2022-05-23");
/// }
/// assert_eq!(
///     parse_date("2022-02-30").unwrap_err().to_string(),
///     "`2022-02-30` is no day: February 2022 has 28 days"
/// );
/// assert_eq!(
///     parse_date("May 23").unwrap_err().to_string(),
///     "`May 23` is not a date (expected YYYY-MM-DD, YYYY/M/D, YYYYMMDD or YYYY年M月D日)"
/// );
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let invalid = || Error::InvalidDate {
        text: text.to_owned(),
    };
    let (year, month, day) = fields(text).ok_or_else(invalid)?;
    let date = match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => {
            return Err(Error::NoSuchDay {
                text: text.to_owned(),
                reason: why_no_day(year, month, day),
            });
        }
    };
    check_date(date, "date")?;
    Ok(date)
}

/// The year, month and day a typed date gives, if it is one of the forms.
fn fields(text: &str) -> Option<(i32, u32, u32)> {
    // Full-width digits as ASCII; surrounding white space dropped.
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect();
    let number = |s: &str, most: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if ascii.len() == 8 && ascii.bytes().all(|b| b.is_ascii_digit()) {
        let (y, rest) = ascii.split_at(4);
        let (m, d) = rest.split_at(2);
        return Some((
            i32::try_from(number(y, 4)?).ok()?,
            number(m, 2)?,
            number(d, 2)?,
        ));
    }
    let parts: Vec<&str> = match ascii.strip_suffix('日') {
        Some(rest) => rest.split(['年', '月']).collect(),
        None => {
            let separator = ascii.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
            ascii.split(separator).collect()
        }
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => Some((
            i32::try_from(number(y, 4)?).ok()?,
            number(m, 2)?,
            number(d, 2)?,
        )),
        _ => None,
    }
}

/// Why year, month and day make no day, in a clerk's words.
fn why_no_day(year: i32, month: u32, day: u32) -> String {
    let first = NaiveDate::from_ymd_opt(year, month.clamp(1, 12), 1);
    match first {
        Some(first) if (1..=12).contains(&month) => {
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            };
            let days = next.map_or(31, |n| (n - first).num_days());
            if day == 0 {
                "days are counted from 1".to_owned()
            } else {
                format!("{} {year} has {days} days", first.format("%B"))
            }
        }
        _ => format!(
            "there is no month {month}, months are 1 to 12 (year {})",
            first.map_or(year, |f| f.year())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_gives_the_day() {
        let want = NaiveDate::from_ymd_opt(2022, 5, 1).unwrap();
        for typed in [
            "2022-05-01",
            "2022-5-1",
            "2022/5/1",
            "2022.5.1",
            "20220501",
            "2022年5月1日",
            "２０２２年５月１日",
            " 2022-05-01 ",
        ] {
            assert_eq!(parse_date(typed), Ok(want), "{typed}");
        }
    }

    #[test]
    fn an_impossible_day_says_why() {
        let why = |t: &str| parse_date(t).unwrap_err().to_string();
        assert_eq!(
            why("2024-02-30"),
            "`2024-02-30` is no day: February 2024 has 29 days"
        );
        assert_eq!(
            why("2022年4月31日"),
            "`2022年4月31日` is no day: April 2022 has 30 days"
        );
        assert_eq!(
            why("2022-13-01"),
            "`2022-13-01` is no day: there is no month 13, months are 1 to 12 (year 2022)"
        );
        assert_eq!(
            why("2022-05-00"),
            "`2022-05-00` is no day: days are counted from 1"
        );
    }

    #[test]
    fn what_is_no_form_is_not_a_date() {
        for typed in [
            "",
            "2022",
            "22-5-1",
            "2022-5",
            "2022-5-1-2",
            "2022/05-01x",
            "2022年5月1",
            "today",
        ] {
            assert!(
                matches!(parse_date(typed), Err(Error::InvalidDate { .. })),
                "{typed}"
            );
        }
        assert!(matches!(
            parse_date("1800-01-01"),
            Err(Error::DateOutOfRange { .. })
        ));
    }
}
