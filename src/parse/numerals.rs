//! Dates as notices write them: `2022年5月23日`, `２０２２年５月２３日` or in
//! Chinese numerals, `二〇二二年五月二十三日` (also with `○` or `零` for zero).
//!
//! This module only reads numerals and dates out of text. It must never
//! panic, whatever the input, and never invent a date: a day that does not
//! exist on the calendar (`2022年2月30日`) is no date.

use chrono::NaiveDate;

/// The value of one digit character: ASCII, full-width or Chinese.
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        '〇' | '○' | '零' | 'Ｏ' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// Whether a character is a digit (ASCII, full-width or Chinese) or `十`.
pub(crate) fn is_numeral(c: char) -> bool {
    c == '十' || digit(c).is_some()
}

/// A small number (a month or a day) written with digits (`23`, `二三`) or
/// with `十` (`十`, `十二`, `二十`, `二十三`). `None` for anything else.
pub(crate) fn small_number(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    small_number_of(&chars)
}

/// [`small_number`] of the characters of a text.
fn small_number_of(chars: &[char]) -> Option<u32> {
    if chars.is_empty() || chars.len() > 3 {
        return None;
    }
    match chars.iter().position(|&c| c == '十') {
        None => chars
            .iter()
            .try_fold(0u32, |acc, &c| Some(acc * 10 + digit(c)?)),
        Some(at) => {
            let tens = match chars.get(..at)? {
                [] => 1,
                [c] => digit(*c)?,
                _ => return None,
            };
            let units = match chars.get(at + 1..)? {
                [] => 0,
                [c] => digit(*c)?,
                _ => return None,
            };
            Some(tens * 10 + units)
        }
    }
}

/// The first date written `Y年M月D日` in `text`, with the byte range it
/// covers. The year has exactly four digits.
pub(crate) fn find_date(text: &str) -> Option<(NaiveDate, usize, usize)> {
    written_dates(text).find_map(|(y, m, d, start, end)| {
        NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, start, end))
    })
}

/// The first date written `Y年M月D日` in `text` that is no day of the
/// calendar (`2022年2月30日`), as written: year, month, day.
pub(crate) fn impossible_date(text: &str) -> Option<(i32, u32, u32)> {
    written_dates(text)
        .find(|&(y, m, d, _, _)| NaiveDate::from_ymd_opt(y, m, d).is_none())
        .map(|(y, m, d, _, _)| (y, m, d))
}

/// Every date written `Y年M月D日` in `text`, possible or not: year, month,
/// day and the byte range.
fn written_dates(text: &str) -> impl Iterator<Item = (i32, u32, u32, usize, usize)> + '_ {
    text.match_indices('年')
        .filter_map(move |(at, _)| written_date(text, at))
}

/// The date written `Y年M月D日` whose `年` is at byte `at`.
fn written_date(text: &str, at: usize) -> Option<(i32, u32, u32, usize, usize)> {
    // Exactly four digits before `年`, and no fifth.
    let mut back = text.get(..at)?.char_indices().rev();
    let mut year = 0i32;
    let mut scale = 1i32;
    let mut start = at;
    let mut four = true;
    for _ in 0..4 {
        match back.next().and_then(|(i, c)| Some((i, digit(c)?))) {
            Some((i, d)) => {
                year += d as i32 * scale;
                scale *= 10;
                start = i;
            }
            None => {
                four = false;
                break;
            }
        }
    }
    if !four || back.next().is_some_and(|(_, c)| digit(c).is_some()) {
        return None;
    }
    let after_year = at + '年'.len_utf8();
    let (month, month_len) = number_then(text.get(after_year..)?, '月')?;
    let after_month = after_year + month_len;
    let (day, day_len) = number_then(text.get(after_month..)?, '日')?;
    Some((year, month, day, start, after_month + day_len))
}

/// The first date written with numbers only, `2023-03-01`, `2023.3.1` or
/// `2023/03/01` (ASCII digits, one separator throughout), in `text`, with
/// the byte range it covers. Digits just before or after it make it part
/// of a longer number, not a date.
pub(crate) fn find_numeric_date(text: &str) -> Option<(NaiveDate, usize, usize)> {
    let bytes = text.as_bytes();
    let digits_at = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let mut start = 0;
    while start + 8 <= bytes.len() {
        let year_len = digits_at(start);
        if year_len == 0 {
            start += 1;
            continue;
        }
        let end_of_run = start + year_len;
        let before_ok = start == 0 || !bytes.get(start - 1).is_some_and(u8::is_ascii_digit);
        if year_len == 4 && before_ok {
            let parsed = (|| {
                let sep = *bytes
                    .get(end_of_run)
                    .filter(|b| matches!(b, b'-' | b'.' | b'/'))?;
                let month_len = digits_at(end_of_run + 1);
                let month_end = end_of_run + 1 + month_len;
                if !(1..=2).contains(&month_len) || bytes.get(month_end) != Some(&sep) {
                    return None;
                }
                let day_len = digits_at(month_end + 1);
                let end = month_end + 1 + day_len;
                if !(1..=2).contains(&day_len) {
                    return None;
                }
                let number = |from: usize, to: usize| text.get(from..to)?.parse::<u32>().ok();
                let year = i32::try_from(number(start, end_of_run)?).ok()?;
                let date = NaiveDate::from_ymd_opt(
                    year,
                    number(end_of_run + 1, month_end)?,
                    number(month_end + 1, end)?,
                )?;
                Some((date, start, end))
            })();
            if parsed.is_some() {
                return parsed;
            }
        }
        start = end_of_run;
    }
    None
}

/// The first month and day written `M月D日` in `text` with no year before
/// them (`6月10日`, `三月十五日`), as numbers, when the day exists in some
/// year.
pub(crate) fn find_month_day(text: &str) -> Option<(u32, u32)> {
    for (at, _) in text.match_indices('月') {
        let before: Vec<char> = text
            .get(..at)?
            .chars()
            .rev()
            .take_while(|&c| is_numeral(c))
            .collect();
        if before.is_empty() || before.len() > 3 {
            continue;
        }
        // `2023年6月10日` has its year: that is `find_date`'s.
        let start = at - before.iter().map(|c| c.len_utf8()).sum::<usize>();
        if text.get(..start).is_some_and(|b| b.ends_with('年')) {
            continue;
        }
        let month_chars: Vec<char> = before.into_iter().rev().collect();
        let Some(month) = small_number_of(&month_chars) else {
            continue;
        };
        let Some((day, _)) = number_then(text.get(at + '月'.len_utf8()..)?, '日') else {
            continue;
        };
        // Any leap year has every month's every day.
        if NaiveDate::from_ymd_opt(2024, month, day).is_some() {
            return Some((month, day));
        }
    }
    None
}

/// Reads up to three numerals at the start of `text` and then `unit`;
/// returns the value and the length in bytes read, unit included.
fn number_then(text: &str, unit: char) -> Option<(u32, usize)> {
    let mut numerals = ['\0'; 3];
    for (count, (i, c)) in text.char_indices().enumerate() {
        if c == unit {
            let value = small_number_of(numerals.get(..count)?)?;
            return Some((value, i + c.len_utf8()));
        }
        if !is_numeral(c) || count >= 3 {
            return None;
        }
        *numerals.get_mut(count)? = c;
    }
    None
}

/// The date when `text` is exactly one date and nothing else.
#[cfg(test)]
pub(crate) fn whole_date(text: &str) -> Option<NaiveDate> {
    match find_date(text) {
        Some((date, 0, end)) if end == text.len() => Some(date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn small_numbers() {
        assert_eq!(small_number("5"), Some(5));
        assert_eq!(small_number("23"), Some(23));
        assert_eq!(small_number("十"), Some(10));
        assert_eq!(small_number("十二"), Some(12));
        assert_eq!(small_number("二十"), Some(20));
        assert_eq!(small_number("二十三"), Some(23));
        assert_eq!(small_number("三十一"), Some(31));
        assert_eq!(small_number(""), None);
        assert_eq!(small_number("十十"), None);
        assert_eq!(small_number("二十三四"), None);
        assert_eq!(small_number("月"), None);
    }

    #[test]
    fn arabic_and_chinese_dates() {
        assert_eq!(whole_date("2022年5月23日"), Some(day(2022, 5, 23)));
        assert_eq!(whole_date("二〇二二年五月二十三日"), Some(day(2022, 5, 23)));
        assert_eq!(whole_date("二○二一年十二月一日"), Some(day(2021, 12, 1)));
        assert_eq!(whole_date("二零二一年十月十日"), Some(day(2021, 10, 10)));
        assert_eq!(whole_date("２０２２年４月２４日"), Some(day(2022, 4, 24)));
        assert_eq!(whole_date("2022年05月03日"), Some(day(2022, 5, 3)));
    }

    #[test]
    fn dates_inside_text() {
        let text = "（2022年5月23日印发）";
        let (d, start, end) = find_date(text).unwrap();
        assert_eq!(d, day(2022, 5, 23));
        assert_eq!(&text[start..end], "2022年5月23日");
        assert_eq!(whole_date(text), None);
        let (d, _, _) = find_date("任职时间自2022年6月1日起计算").unwrap();
        assert_eq!(d, day(2022, 6, 1));
    }

    #[test]
    fn numeric_dates() {
        let text = "发布日期：2023-03-20 17:45";
        let (d, start, end) = find_numeric_date(text).unwrap();
        assert_eq!(d, day(2023, 3, 20));
        assert_eq!(&text[start..end], "2023-03-20");
        assert_eq!(find_numeric_date("2023.3.1").unwrap().0, day(2023, 3, 1));
        assert_eq!(find_numeric_date("2023/03/01").unwrap().0, day(2023, 3, 1));
        // Mixed separators, five-digit years, impossible days: no date.
        assert_eq!(find_numeric_date("2023-03.01"), None);
        assert_eq!(find_numeric_date("12023-03-01"), None);
        assert_eq!(find_numeric_date("2023-02-30"), None);
        assert_eq!(find_numeric_date("公告编号：临2023-019"), None);
        assert_eq!(find_numeric_date("证券代码：600835"), None);
    }

    #[test]
    fn months_and_days_without_a_year() {
        assert_eq!(find_month_day("新华社北京3月15日电"), Some((3, 15)));
        assert_eq!(find_month_day("6月10日，云溪县召开"), Some((6, 10)));
        assert_eq!(find_month_day("十二月三十一日"), Some((12, 31)));
        assert_eq!(find_month_day("2023年6月10日"), None);
        assert_eq!(find_month_day("2月30日"), None);
        assert_eq!(find_month_day("6月份"), None);
    }

    #[test]
    fn not_dates() {
        assert_eq!(whole_date("2022年2月30日"), None);
        assert_eq!(whole_date("22年5月3日"), None);
        assert_eq!(whole_date("12022年5月3日"), None);
        assert_eq!(find_date("2022年1-6月全区主要经济指标"), None);
        assert_eq!(find_date("年月日"), None);
        assert_eq!(find_date(""), None);
        assert_eq!(whole_date("2022年5月"), None);
    }
}
