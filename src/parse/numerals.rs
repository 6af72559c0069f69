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

fn is_numeral(c: char) -> bool {
    c == '十' || digit(c).is_some()
}

/// A small number (a month or a day) written with digits (`23`, `二三`) or
/// with `十` (`十`, `十二`, `二十`, `二十三`). `None` for anything else.
pub(crate) fn small_number(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() || chars.len() > 3 {
        return None;
    }
    match chars.iter().position(|&c| c == '十') {
        None => chars
            .iter()
            .try_fold(0u32, |acc, &c| Some(acc * 10 + digit(c)?)),
        Some(at) => {
            let tens = match &chars[..at] {
                [] => 1,
                [c] => digit(*c)?,
                _ => return None,
            };
            let units = match &chars[at + 1..] {
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
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(_, c)) in chars.iter().enumerate() {
        if c != '年' || k < 4 {
            continue;
        }
        let year_chars = &chars[k - 4..k];
        if k > 4 && digit(chars[k - 5].1).is_some() {
            continue;
        }
        let Some(year) = year_chars
            .iter()
            .try_fold(0i32, |acc, &(_, c)| Some(acc * 10 + digit(c)? as i32))
        else {
            continue;
        };
        let Some((month, after_month)) = number_then(&chars, k + 1, '月') else {
            continue;
        };
        let Some((day, after_day)) = number_then(&chars, after_month, '日') else {
            continue;
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        let start = year_chars.first().map_or(0, |&(i, _)| i);
        let end = chars.get(after_day).map_or(text.len(), |&(i, _)| i);
        return Some((date, start, end));
    }
    None
}

/// Reads numerals from `from` up to `unit`; returns the value and the index
/// after the unit.
fn number_then(chars: &[(usize, char)], from: usize, unit: char) -> Option<(u32, usize)> {
    let mut text = String::new();
    let mut k = from;
    while let Some(&(_, c)) = chars.get(k) {
        if c == unit {
            return small_number(&text).map(|n| (n, k + 1));
        }
        if !is_numeral(c) || text.chars().count() >= 3 {
            return None;
        }
        text.push(c);
        k += 1;
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
