//! The title lexicon: which words are titles, and how many seats each has.
//!
//! This is the one place that decides where an organisation's name ends and
//! a title begins (`…财政局` + `副局长`), and whether a title is principal
//! (one seat) or not (several). The parser splits posts with it; the model
//! answers [`Post::default_seats`](crate::Post::default_seats) from it.
//! Nothing else re-decides either question.
//!
//! Titles are matched at the end of a written post, longest first, so
//! `副总经理` beats `总经理` beats `经理`.

use std::sync::{Arc, OnceLock};

use foldhash::{HashMap, HashMapExt};

use crate::model::Seats;

/// What kind of title a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Leads its organisation or unit: one seat.
    Principal,
    /// A deputy, assistant, member or rank designation: several seats.
    Several,
}

/// Heads that also take the deputy forms `副X`, `常务副X`, `第一副X` and
/// `执行副X` (`第一副院长`, q24; `执行副总裁`), the acting
/// form `代X` and an assistant `X助理`.
#[rustfmt::skip]
const HEADS: &[&str] = &[
    "局长", "处长", "科长", "厅长", "部长", "司长", "署长", "院长", "校长", "所长",
    "站长", "护士长", "馆长", "队长", "大队长", "支队长", "中队长", "会长", "社长", "行长",
    "台长", "团长", "庭长", "检察长", "审计长", "主任", "主席", "理事长", "董事长",
    "总经理", "经理", "总裁", "书记", "区长", "县长", "市长", "省长", "州长", "旗长",
    "盟长", "镇长", "乡长", "秘书长", "主编", "总编辑", "总编", "总工程师",
    "总会计师", "总经济师", "总农艺师", "总畜牧师", "总规划师", "总审计师", "总督学",
    "政委", "政治委员", "教导员", "指导员", "园长", "组长", "主任委员", "监事长",
    "总监", "厂长", "矿长", "场长", "段长", "所长", "司令员", "参谋长", "总理",
    "关长", "总干事", "总师", "社长", "总队长",
    // Taiwan's short form of 主任委员 (`陸委會主委`).
    "主委",
];

/// Principal titles that take no deputy form in practice.
#[rustfmt::skip]
const PRINCIPAL: &[&str] = &[
    "执行董事", "董事会秘书", "财务负责人", "监事会主席", "财务总监", "技术总监", "合规总监",
    "风控总监", "首席执行官", "首席财务官", "首席风险官", "总法律顾问", "特命全权大使",
    "大使", "总领事", "第一书记", "党组书记", "党委书记", "党工委书记", "党总支书记",
    "党支部书记", "纪委书记", "纪工委书记", "监察专员", "法定代表人",
    // A Hong Kong company's chief executive, and the other chiefs.
    "行政总裁", "首席运营官", "首席技术官", "首席信息官", "首席投资官",
    // The chief executive of Hong Kong or Macao (`香港特别行政区行政长官`).
    "行政长官",
    // A team's head coach (`上海申花主教练`), also as the sports pages
    // write it (`曼联主帅`).
    "主教练", "主帅",
];

/// Titles of which a post has several holders: members, deputies without a
/// `副` prefix, staff grades and rank designations.
#[rustfmt::skip]
const SEVERAL: &[&str] = &[
    "委员", "职工代表监事", "职工代表董事", "审判委员会委员", "检察委员会委员", "常务委员", "常委", "成员", "党组成员", "党委委员", "董事", "独立董事",
    "职工董事", "外部董事", "非独立董事", "监事", "职工监事", "理事", "常务理事", "助理", "秘书",
    "国务委员", "参事", "参议", "馆员", "督学", "专员", "审判员", "助理审判员", "检察员",
    "检察官助理", "法官", "检察官", "人民陪审员", "巡视员", "副巡视员", "调研员",
    "副调研员", "主任科员", "副主任科员", "科员", "办事员", "干部", "领导干部",
    "非领导职务", "党组副书记", "党委副书记", "纪委副书记", "副总经理", "副总裁",
    // Added for the notice parser: titles of county and enterprise notices
    // that no head above generates.
    "负责人", "证券事务代表", "专职副主席", "专职委员",
    // Titles the real-text corpus showed.
    "顾问", "国家安全事务顾问", "教授", "副教授", "教练", "助理教练",
    // Taiwan's vice ministers (`科技部政務次長`).
    "次长", "政务次长", "常务次长", "名誉董事长", "名誉主席", "名誉会长",
    // A congress's deputies (`第十四届全国人民代表大会代表`), whom a recall
    // (`罢免`) removes.
    "代表",
    // A Hong Kong company's board (`非执行董事`, `獨立非執行董事`).
    "非执行董事", "独立非执行董事",
];

/// Titles that are a whole post, naming their organisation themselves
/// (`国务委员`: a member of the State Council), with where the
/// organisation ends.
#[rustfmt::skip]
const WHOLE_POSTS: &[(&str, usize)] = &[("国务委员", "国务".len())];

/// A title that is a whole post (`国务委员`), split as a post is.
pub(crate) fn whole_post(title: &str) -> Option<(&str, &str)> {
    WHOLE_POSTS
        .iter()
        .find(|(whole, _)| *whole == title)
        .map(|(_, at)| title.split_at(*at))
}

/// Rank levels that prefix `级领导干部` and friends (`副处级领导干部`).
#[rustfmt::skip]
const RANK_LEVELS: &[&str] = &["部", "省部", "厅", "局", "处", "县", "科", "乡", "镇"];
#[rustfmt::skip]
const RANK_SUFFIXES: &[&str] = &["级领导干部", "级干部", "级非领导职务"];
#[rustfmt::skip]
const GRADES: &[&str] = &["一级", "二级", "三级", "四级"];
#[rustfmt::skip]
const GRADED: &[&str] = &[
    "巡视员", "调研员", "主任科员", "科员", "高级主管", "主管",
    // Police ranks of the same grades (`二级高级警长`).
    "高级警长", "警长",
];

/// The titles, with the length in bytes of the longest, and the titles
/// as a trie read from their last character back, to find the longest
/// title that ends a text in one walk.
struct Lexicon {
    /// Each title with its class; the key is the one copy of the title
    /// that every post with that title shares.
    titles: HashMap<Arc<str>, Class>,
    longest: usize,
    /// The trie's edges: (node, character) to node; node 0 is the root,
    /// the empty suffix.
    edges: HashMap<(u32, char), u32>,
    /// For each node, whether the characters from it back to the root are
    /// a title.
    ends: Vec<bool>,
}

/// The lexicon, built on first use.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map = HashMap::new();
        for &head in HEADS {
            map.insert(head.to_owned(), Class::Principal);
            for prefix in ["副", "常务副", "第一副", "执行副", "代"] {
                // `代` is the acting form; the parser turns it into a flag,
                // but a post named with it must still split correctly.
                let class = if prefix == "代" {
                    Class::Principal
                } else {
                    Class::Several
                };
                map.insert(format!("{prefix}{head}"), class);
            }
            map.insert(format!("{head}助理"), Class::Several);
        }
        for &title in PRINCIPAL {
            map.insert(title.to_owned(), Class::Principal);
        }
        for &title in SEVERAL {
            map.insert(title.to_owned(), Class::Several);
        }
        for level in RANK_LEVELS {
            for grade in ["正", "副", ""] {
                for suffix in RANK_SUFFIXES {
                    map.insert(format!("{grade}{level}{suffix}"), Class::Several);
                }
            }
        }
        for grade in GRADES {
            for title in GRADED {
                map.insert(format!("{grade}{title}"), Class::Several);
            }
        }
        let longest = map.keys().map(String::len).max().unwrap_or(0);
        let mut edges = HashMap::new();
        let mut ends = vec![false];
        for title in map.keys() {
            let mut node = 0;
            for c in title.chars().rev() {
                let next = u32::try_from(ends.len()).unwrap_or(u32::MAX);
                node = *edges.entry((node, c)).or_insert_with(|| {
                    ends.push(false);
                    next
                });
            }
            if let Some(end) = ends.get_mut(node as usize) {
                *end = true;
            }
        }
        Lexicon {
            titles: map.into_iter().map(|(t, c)| (Arc::from(t), c)).collect(),
            longest,
            edges,
            ends,
        }
    })
}

/// Splits a normalised written post into (organisation, title): the longest
/// lexicon title that ends the text and leaves a non-empty organisation.
pub(crate) fn split_post(written: &str) -> Option<(&str, &str)> {
    let lexicon = lexicon();
    // The organisation keeps at least the first character.
    let first = written.chars().next()?.len_utf8();
    // Walk the trie back from the last character: every title that ends
    // the text is on the path, shortest first, and the walk stops where no
    // title goes on.
    let mut node = 0;
    let mut found = None;
    for (i, c) in written.char_indices().rev() {
        let Some(&next) = lexicon.edges.get(&(node, c)) else {
            break;
        };
        node = next;
        if i >= first && lexicon.ends.get(node as usize) == Some(&true) {
            found = Some(i);
        }
    }
    found.map(|i| written.split_at(i))
}

/// Whether the whole text is a title the lexicon knows (`主任`, `副局长`).
pub(crate) fn is_title(text: &str) -> bool {
    text.len() <= lexicon().longest && lexicon().titles.contains_key(text)
}

/// The one shared copy of a title the lexicon knows, so that the posts of
/// a ledger (and of a parse) do not each hold their own.
pub(crate) fn shared_title(title: &str) -> Option<Arc<str>> {
    lexicon()
        .titles
        .get_key_value(title)
        .map(|(shared, _)| Arc::clone(shared))
}

/// Whether a title leads its organisation: one seat, and the title that
/// "second principal post" warnings are about.
pub(crate) fn is_principal(title: &str) -> bool {
    class_of(title) == Class::Principal
}

/// The default seats for a title.
pub(crate) fn seats_of(title: &str) -> Seats {
    match class_of(title) {
        Class::Principal => Seats::ONE,
        Class::Several => Seats::Several,
    }
}

fn class_of(title: &str) -> Class {
    match lexicon().titles.get(title) {
        Some(class) => *class,
        // A title the lexicon does not know (given in code, not parsed):
        // a deputy marker means several seats; otherwise claim nothing we
        // cannot check and allow several.
        None => Class::Several,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition: the longest title that ends the text and leaves
    /// at least one character before it.
    fn split_post_by_definition(written: &str) -> Option<(&str, &str)> {
        let first = written.chars().next()?.len_utf8();
        (first..written.len())
            .filter(|&i| written.is_char_boundary(i))
            .find(|&i| lexicon().titles.contains_key(&written[i..]))
            .map(|i| written.split_at(i))
    }

    #[test]
    fn the_trie_splits_as_the_definition_does() {
        let titles: Vec<&Arc<str>> = lexicon().titles.keys().collect();
        for org in ["", "某", "某局", "某县财政局", "某县副", "常务", "某处级"] {
            for title in &titles {
                for cut in 0..title.chars().count() {
                    let tail: String = title.chars().skip(cut).collect();
                    for extra in ["", "长", "员"] {
                        let written = format!("{org}{tail}{extra}");
                        assert_eq!(
                            split_post(&written),
                            split_post_by_definition(&written),
                            "{written}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn longest_title_wins() {
        assert_eq!(
            split_post("济南槐荫城市建设投资集团有限公司副总经理"),
            Some(("济南槐荫城市建设投资集团有限公司", "副总经理"))
        );
        assert_eq!(
            split_post("济南市槐荫区人民政府办公室副处级领导干部"),
            Some(("济南市槐荫区人民政府办公室", "副处级领导干部"))
        );
        assert_eq!(
            split_post("济南市槐荫区人民防空办公室主任"),
            Some(("济南市槐荫区人民防空办公室", "主任"))
        );
        assert_eq!(
            split_post("某县人民政府常务副县长"),
            Some(("某县人民政府", "常务副县长"))
        );
        assert_eq!(split_post("某大队大队长"), Some(("某大队", "大队长")));
    }

    #[test]
    fn a_bare_title_has_no_organisation() {
        assert_eq!(split_post("主任"), None);
        assert_eq!(split_post("董事长"), None);
        assert_eq!(split_post(""), None);
        assert_eq!(split_post("没有职务的文字"), None);
    }

    #[test]
    fn titles_added_for_the_parser() {
        assert_eq!(
            split_post("某县融媒体中心负责人"),
            Some(("某县融媒体中心", "负责人"))
        );
        assert_eq!(
            split_post("某某集团有限公司证券事务代表"),
            Some(("某某集团有限公司", "证券事务代表"))
        );
        assert_eq!(
            split_post("某县总工会专职副主席"),
            Some(("某县总工会", "专职副主席"))
        );
        assert_eq!(
            split_post("某县人大常委会专职委员"),
            Some(("某县人大常委会", "专职委员"))
        );
        for title in ["负责人", "证券事务代表", "专职副主席", "专职委员"] {
            assert_eq!(seats_of(title), Seats::Several, "{title}");
        }
    }

    #[test]
    fn seats_follow_the_title() {
        assert_eq!(seats_of("局长"), Seats::ONE);
        assert_eq!(seats_of("理事长"), Seats::ONE);
        assert_eq!(seats_of("副局长"), Seats::Several);
        assert_eq!(seats_of("副处级领导干部"), Seats::Several);
        assert_eq!(seats_of("二级调研员"), Seats::Several);
        assert_eq!(seats_of("委员"), Seats::Several);
        assert!(is_principal("院长"));
        assert!(!is_principal("副院长"));
        assert!(is_title("总经理"));
        assert!(!is_title("公司"));
    }
}
