//! Where an organisation sits, as its name says: the places its name
//! begins with, and whether two organisations are related.
//!
//! The one place that reads a jurisdiction out of an organisation's name,
//! for the "probable namesakes" finding of the conflict checker. It only
//! reads names: it never looks anything up, and a name it cannot read
//! yields no place (and so no finding), never a guess.
//!
//! A name's places are the run of place names it begins with, from the
//! largest down (`济南市槐荫区人民防空办公室` → `济南市`, a city, then
//! `槐荫区`, a county-level district), after a leading `中共` or
//! `中国共产党` (`中共东平县委员会` → `东平县`). A place is one to four
//! characters and a level word (省, 市/州/盟/地区, 区/县/旗, 镇/乡), or up to
//! eight and `自治区`/`自治州`/`自治县`/`自治旗`. Words that end like a place
//! and are not one stop the run: `城市` (`…区城市管理局`), `社区`, `园区`, a
//! zone (`高新区`, `开发区`, `试验区`, `新区`), and a place of a level not
//! below the one before it. The name does not say whether a `…市` is a
//! prefecture or a county-level city; both are taken as cities.

/// The level of government a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// 省, 自治区.
    Province,
    /// 市, 州, 盟, 地区, 自治州.
    City,
    /// 区, 县, 旗, 自治县, 自治旗.
    County,
    /// 镇, 乡.
    Township,
}

impl Level {
    /// The level's places, as a clerk says them: `counties`.
    pub(crate) fn plural(self) -> &'static str {
        match self {
            Level::Province => "provinces",
            Level::City => "cities",
            Level::County => "counties",
            Level::Township => "townships",
        }
    }
}

/// One place an organisation's name begins with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Place<'a> {
    pub name: &'a str,
    pub level: Level,
}

/// The level a place's last character gives it.
fn level_of(c: char) -> Option<Level> {
    match c {
        '省' => Some(Level::Province),
        '市' | '州' | '盟' => Some(Level::City),
        '区' | '县' | '旗' => Some(Level::County),
        '镇' | '乡' => Some(Level::Township),
        _ => None,
    }
}

/// Words that end in a level word and are not a place.
const NOT_PLACES: &[&str] = &[
    "城", "郊", "社", "园", "景", "片", "全", "本", "该", "各", "我",
];

/// How a zone's name ends (`高新区`, `经济开发区`, `综合试验区`): a zone is
/// not a jurisdiction of its own.
const ZONES: &[&str] = &[
    "新", "开发", "园", "试验", "示范", "保税", "合作", "工业", "产业", "景", "功能",
];

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The place `rest` begins with, if any: its length in bytes and level.
fn next_place(rest: &str) -> Option<(usize, Level)> {
    let chars: Vec<(usize, char)> = rest.char_indices().take(12).collect();
    let end = |i: usize| chars.get(i + 1).map_or(rest.len(), |&(at, _)| at);
    // An autonomous place: up to eight characters, then 自治 and a level.
    for i in 2..=8 {
        if let (Some((_, '自')), Some((_, '治')), Some(&(_, c))) =
            (chars.get(i), chars.get(i + 1), chars.get(i + 2))
        {
            let level = match c {
                '区' => Level::Province,
                '州' => Level::City,
                '县' | '旗' => Level::County,
                _ => continue,
            };
            return chars[..i]
                .iter()
                .all(|&(_, c)| is_han(c))
                .then(|| (end(i + 2), level));
        }
    }
    let i = (1..=4).find(|&i| chars.get(i).is_some_and(|&(_, c)| level_of(c).is_some()))?;
    let (_, c) = chars[i];
    let segment = &rest[..chars[i].0];
    if !segment.chars().all(is_han)
        || NOT_PLACES.contains(&segment)
        || ZONES.iter().any(|z| segment.ends_with(z))
    {
        return None;
    }
    match (c, chars.get(i + 1)) {
        // 杭州市: the 州 is the name's, the 市 the level.
        ('州', Some(&(_, '市'))) => Some((end(i + 1), Level::City)),
        // 喀什地区.
        ('区', _) if segment.ends_with('地') && segment.chars().count() >= 3 => {
            Some((end(i), Level::City))
        }
        _ => Some((end(i), level_of(c)?)),
    }
}

/// The places an organisation's name begins with, largest first.
pub(crate) fn places(organisation: &str) -> Vec<Place<'_>> {
    let mut rest = organisation;
    for party in ["中国共产党", "中共"] {
        if let Some(after) = rest.strip_prefix(party) {
            rest = after;
            break;
        }
    }
    let mut found: Vec<Place<'_>> = Vec::new();
    while let Some((len, level)) = next_place(rest) {
        if found.last().is_some_and(|last| last.level >= level) {
            break;
        }
        let (name, after) = rest.split_at(len);
        found.push(Place { name, level });
        rest = after;
    }
    found
}

/// The first level at which two organisations' names say two different
/// places (`东平县…` and `宁阳县…`), with the two places; `None` when the
/// names share every level both give, or give none in common.
pub(crate) fn different_places<'a>(
    a: &[Place<'a>],
    b: &[Place<'a>],
) -> Option<(Place<'a>, Place<'a>)> {
    a.iter().find_map(|pa| {
        b.iter()
            .find(|pb| pb.level == pa.level)
            .filter(|pb| pb.name != pa.name)
            .map(|pb| (*pa, *pb))
    })
}

/// The name with a leading `中共` and the jurisdiction words dropped, as
/// related names are compared.
fn stem(name: &str) -> String {
    let name = name
        .strip_prefix("中国共产党")
        .or_else(|| name.strip_prefix("中共"))
        .unwrap_or(name);
    name.chars()
        .filter(|c| !matches!(c, '省' | '市' | '区' | '县' | '州' | '旗' | '镇' | '乡'))
        .collect()
}

/// Whether two organisations are related, so that one person can lead
/// both at once: the same name; one name within the other (`某县人民政府`
/// and `某县人民政府办公室`); names that share a place and say no other
/// place at a level both give (`东平县委员会` and `东平县人大常委会`: a
/// county's Party secretary often chairs its congress too; `济南市…` and
/// `济南市槐荫区…`); or names that begin with the same two characters once
/// `中共` and the jurisdiction words are dropped (`济南槐荫城市建设投资集团`
/// and `济南市槐荫区人民政府`: a place written without its level word; a
/// group and its company).
pub(crate) fn related(a: &str, b: &str, pa: &[Place<'_>], pb: &[Place<'_>]) -> bool {
    if a == b || a.contains(b) || b.contains(a) {
        return true;
    }
    let shares = pa
        .iter()
        .any(|x| pb.iter().any(|y| x.level == y.level && x.name == y.name));
    if shares && different_places(pa, pb).is_none() {
        return true;
    }
    let (sa, sb) = (stem(a), stem(b));
    if sa.contains(&sb) || sb.contains(&sa) {
        return true;
    }
    sa.chars()
        .zip(sb.chars())
        .take_while(|(x, y)| x == y)
        .count()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(org: &str) -> Vec<(&str, Level)> {
        places(org).iter().map(|p| (p.name, p.level)).collect()
    }

    #[test]
    fn the_places_a_name_begins_with() {
        assert_eq!(
            names("济南市槐荫区人民防空办公室"),
            vec![("济南市", Level::City), ("槐荫区", Level::County)]
        );
        assert_eq!(
            names("济南市槐荫区城市管理局"),
            vec![("济南市", Level::City), ("槐荫区", Level::County)]
        );
        assert_eq!(
            names("济南市槐荫区市场监督管理局"),
            vec![("济南市", Level::City), ("槐荫区", Level::County)]
        );
        assert_eq!(names("中共东平县委员会"), vec![("东平县", Level::County)]);
        assert_eq!(names("东平县人大常委会"), vec![("东平县", Level::County)]);
        assert_eq!(
            names("山东省泰安市东平县人民政府"),
            vec![
                ("山东省", Level::Province),
                ("泰安市", Level::City),
                ("东平县", Level::County)
            ]
        );
        assert_eq!(names("杭州市财政局"), vec![("杭州市", Level::City)]);
        assert_eq!(
            names("长阳土家族自治县人民政府"),
            vec![("长阳土家族自治县", Level::County)]
        );
        assert_eq!(names("喀什地区行政公署"), vec![("喀什地区", Level::City)]);
    }

    #[test]
    fn what_only_looks_like_a_place() {
        assert_eq!(names("济南槐荫城市建设投资集团有限公司"), vec![]);
        assert_eq!(names("济南高新区管委会"), vec![]);
        assert_eq!(
            names("济南市槐荫区新旧动能转换综合试验区建设办公室"),
            vec![("济南市", Level::City), ("槐荫区", Level::County)]
        );
        assert_eq!(names("济南市槐荫人民医院"), vec![("济南市", Level::City)]);
        assert_eq!(names("山东大学"), vec![]);
    }

    #[test]
    fn two_places_of_one_level() {
        let (a, b) = (places("东平县人民政府"), places("宁阳县人民政府"));
        let (x, y) = different_places(&a, &b).unwrap();
        assert_eq!(
            (x.name, y.name, x.level),
            ("东平县", "宁阳县", Level::County)
        );
        let (a, b) = (places("济南市槐荫区财政局"), places("济南市历下区财政局"));
        assert_eq!(
            different_places(&a, &b).map(|(x, _)| x.name),
            Some("槐荫区")
        );
        // A province and a city in it, a city and a district of it.
        let (a, b) = (places("山东省财政厅"), places("济南市财政局"));
        assert_eq!(different_places(&a, &b), None);
        let (a, b) = (places("济南市财政局"), places("槐荫区财政局"));
        assert_eq!(different_places(&a, &b), None);
    }

    fn related_names(a: &str, b: &str) -> bool {
        related(a, b, &places(a), &places(b))
    }

    #[test]
    fn related_organisations() {
        assert!(related_names("中共东平县委员会", "东平县人大常委会"));
        assert!(related_names("东平县人民政府", "东平县人民政府办公室"));
        assert!(related_names("某医院", "某医院"));
        assert!(related_names("济南市财政局", "济南市槐荫区人民政府"));
        assert!(related_names(
            "济南槐荫城市建设投资集团有限公司",
            "济南市槐荫区人民政府"
        ));
        assert!(!related_names("东平县人民政府", "宁阳县人民政府"));
        assert!(!related_names("山东省教育厅", "济南市财政局"));
        assert!(!related_names("东平县财政局", "浙江大学"));
    }
}
