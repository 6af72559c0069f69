//! People's names: where a written name ends, what is dropped from it
//! (gender, honorific, the post held now), and what is never a name.
//!
//! It must never take a word of the clause for part of a name.

use super::*;

/// Whether a written name is plausible: two to four Chinese characters, or
/// a longer name joined by `·`.
pub(super) fn is_name(name: &str) -> bool {
    let count = name.chars().count();
    let han =
        |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c);
    if name.contains(['·', '•', '・']) {
        // (Each part of a name's length: `塞尔维亚籍教练戈兰·…` is a
        // description and a name, n07.)
        return (3..=16).contains(&count)
            && name.chars().all(|c| han(c) || "·•・".contains(c))
            && name
                .split(['·', '•', '・'])
                .all(|part| part.chars().count() <= 7);
    }
    (2..=4).contains(&count)
        && name.chars().all(han)
        && !NOT_NAMES.iter().any(|w| name.starts_with(w))
        && !TIMES.iter().any(|w| name.contains(w))
        && !WORDS.iter().any(|w| name.contains(w))
}

/// Words of an organisation, a post or a meeting, which no name holds
/// (`郑杰在当日召开的董事会上当选为…`, o08: 董 is a surname, 董事会上 no
/// name).
const WORDS: &[&str] = &[
    "董事", "会上", "会议", "公司", "集团", "经理", "主任", "书记", "委员", "委会",
];

/// The words of a time, which no name holds (`於上月底獲任命為…`: 於 is a
/// surname, 於上月底 no name).
const TIMES: &[&str] = &[
    "上月", "本月", "下月", "月底", "月初", "月中", "年底", "年初", "上旬", "中旬", "下旬", "日前",
    "近日",
];

/// What follows a name in courtesy (`张三同志`, `李四先生`, `王五女士`).
pub(super) const HONORIFICS: &[&str] = &["同志", "先生", "女士"];

/// Words that stand where a name could, before a verb, and start none:
/// `其`, and the connectives of a clause (`不再担任…`, `同时任…`).
pub(super) const NOT_NAMES: &[&str] = &[
    "其",
    "不再",
    "同时",
    "并且",
    "另外",
    "以上",
    "上述",
    "分别",
    "仍",
    "继续",
    "该同志",
    "挂职",
    // The words that open a reason or a list (`由于调任内蒙古的胡春华…`,
    // m11; `包括前任会长…`, q42).
    "由于",
    "鉴于",
    "包括",
    "其中",
    "以及",
    // `…接替王希勤同志,成为新的清华大学校长` (y17): a verb.
    "成为",
];

/// `text` without a person's age before the name (`现年六十二岁王志民`,
/// `65岁的蔡名照`, m22): news prose's description, no part of the name.
pub(super) fn without_age(text: &str) -> &str {
    let rest = ["现年", "今年", "年仅"]
        .iter()
        .find_map(|w| text.strip_prefix(w))
        .unwrap_or(text);
    let digits = rest.len() - rest.trim_start_matches(numerals::is_numeral).len();
    match rest.get(digits..).and_then(|r| r.strip_prefix('岁')) {
        Some(after) if digits > 0 => after.strip_prefix('的').unwrap_or(after),
        _ => text,
    }
}

/// The people named in `text` (`张三`, `李四（女）同志`, `张三、李四`).
pub(super) fn names(text: &str) -> Option<Vec<Person>> {
    // `吴明秀、俞爱华两位同志`, `王五等二人`: the count is no name.
    let text = without_count(text);
    // `杨冬生等同志` (i04): the one named, and others not named.
    let text = text
        .strip_suffix('等')
        .filter(|t| !t.is_empty())
        .unwrap_or(text);
    // `王利明和杨慧林`: two names joined by a word, each a name.
    // (Once: a list joined so is two lists of names, not a chain.)
    // Three one-character searches: most names hold none of the words.
    let joined = ['和', '与', '及']
        .iter()
        .filter_map(|&w| text.find(w))
        .min();
    if let Some(pair) = joined
        .and_then(|at| Some((text.get(..at)?, text.get(at + '和'.len_utf8()..)?)))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .and_then(|(a, b)| Some([listed(a)?, listed(b)?].concat()))
    {
        return Some(pair);
    }
    listed(text)
}

/// The people of a list joined by `、` (see [`names`]).
fn listed(text: &str) -> Option<Vec<Person>> {
    let mut out = Vec::new();
    for written in split_top(text, &['、']) {
        let mut name = HONORIFICS
            .iter()
            .find_map(|h| written.strip_suffix(h))
            .unwrap_or(written);
        // `李红（女）`, the post held now (`刘洋同志（省发展和改革委员会
        // 产业协调处二级调研员）`) and where a résumé is (`（简历附后）`).
        while let Some(open) = closing_group(name) {
            let inner = inside(name.get(open..).unwrap_or(""));
            let gender = inner.contains(['女', '男', '族']) && inner.chars().count() <= 8;
            let post = lexicon::split_post(inner).is_some();
            // `周玉林同志(简历附后)` (h07): where the résumé is.
            let resume = inner.starts_with("简历") && inner.chars().count() <= 8;
            if !gender && !post && !resume && !pictured(inner) {
                break;
            }
            name = name.get(..open).unwrap_or("");
            name = name.strip_suffix("同志").unwrap_or(name);
        }
        let name = name.strip_suffix("同志").unwrap_or(name);
        if !is_name(name) {
            return None;
        }
        out.push(Person::new(name));
    }
    Some(out)
}

/// Whether the text of a group after a name says where a photograph shows
/// the person (`左`, `右二`, `中`), as a caption does.
fn pictured(inner: &str) -> bool {
    inner.chars().count() <= 3
        && inner.starts_with(['左', '右', '中'])
        && inner
            .chars()
            .skip(1)
            .all(|c| numerals::is_numeral(c) || c == '起')
}

/// A list of names without the count after it (`两位同志`, `等二人`, `2名`).
fn without_count(text: &str) -> &str {
    let stripped = ["同志", "人", "名", "位"]
        .iter()
        .find_map(|w| text.strip_suffix(w))
        .unwrap_or(text);
    let stripped = stripped
        .strip_suffix(['人', '名', '位'])
        .unwrap_or(stripped);
    let digits = stripped
        .chars()
        .rev()
        .take_while(|&c| numerals::is_numeral(c) || c == '两' || c.is_ascii_digit())
        .count();
    if digits == 0 || digits == stripped.chars().count() || stripped.len() == text.len() {
        return text;
    }
    let cut = stripped
        .char_indices()
        .rev()
        .nth(digits - 1)
        .map_or(0, |(i, _)| i);
    let names = stripped.get(..cut).unwrap_or(text);
    // Only after a list: `张三两位` is no count of one name; but `傅廷栋等
    // 29人` (j08) names one of a count.
    if names.contains('、') || names.contains('和') {
        names.strip_suffix('等').unwrap_or(names)
    } else {
        names
            .strip_suffix('等')
            .filter(|n| !n.is_empty())
            .unwrap_or(text)
    }
}

/// Single-character Chinese surnames, the common ones (some 500, in
/// simplified script: the text is folded before it is read), and a few
/// rare ones that are no common word (`恽`, `笪`, `缑`…).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪赖习郏濮邴糜宓郗钭韶蓟鄂莘逄郦璩厍訾蒯竺桓荀羿贲钮隗殳夔庾暨宦酆昌凤贝职恽笪郄缑蹇苌禚郇佴";

/// Compound surnames.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "申屠", "呼延", "万俟", "闻人", "澹台",
    "公羊", "钟离", "百里", "东郭", "拓跋",
];

/// Whether a name starts with a known surname (a name joined by `·`, as
/// many of China's minority names are written, needs none).
pub(super) fn has_surname(name: &str) -> bool {
    if name.contains(['·', '•', '・']) {
        return true;
    }
    COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s))
        || name.chars().next().is_some_and(|c| SURNAMES.contains(c))
}

/// The person after a current title (`南京航空航天大学党委书记单忠德`,
/// `副市长李四同志`), with that title: the one split of the text into a post
/// and a name of two to four characters that starts with a surname;
/// `None` when no split, or more than one, reads so.
pub(super) fn after_title(text: &str) -> Option<(Person, &str)> {
    // (`副院長李經維(右)`, m08: where a photograph shows the person.)
    let text = closing_group(text)
        .filter(|&open| pictured(inside(text.get(open..).unwrap_or(""))))
        .and_then(|open| text.get(..open))
        .unwrap_or(text);
    let text = HONORIFICS
        .iter()
        .find_map(|h| text.strip_suffix(h))
        .unwrap_or(text);
    let ends_in_title = |title: &str| {
        let title = unquoted(title.trim_end_matches(['、', '，']));
        lexicon::is_title(&title) || lexicon::split_post(&title).is_some()
    };
    // A name joined by `·` after its description (`塞尔维亚籍教练戈兰·斯特
    // 瓦诺维奇`, n07): the name after the title that ends last.
    // (Only where such a name can start, 16 characters back at most: the
    // look stays as short as a name whatever the text before.)
    if let Some(dot) = text.rfind(['·', '•', '・']) {
        return text
            .char_indices()
            .rev()
            .take(16)
            .map(|(at, _)| at)
            .filter(|&at| at > 0 && at < dot)
            .find_map(|at| {
                let (title, name) = (text.get(..at)?, text.get(at..)?);
                (is_name(name) && ends_in_title(title))
                    .then(|| (Person::new(name), title.trim_end_matches(['、', '，'])))
            });
    }
    let mut found = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for len in 2..=4usize {
        let Some(&(at, _)) = chars.len().checked_sub(len).and_then(|i| chars.get(i)) else {
            continue;
        };
        let (Some(title), Some(name)) = (text.get(..at), text.get(at..)) else {
            continue;
        };
        let title = title.trim_end_matches(['、', '，']);
        if ends_in_title(title) && is_name(name) && has_surname(name) {
            if found.is_some() {
                return None;
            }
            found = Some((Person::new(name), title));
        }
    }
    found
}

/// The person before the title held now (`花敬群政务次长`, as Taiwan's
/// press writes it): a name of two to four characters that starts with a
/// surname and a bare title after it, the longest title when two read so
/// (`政务次长`, not `次长` after `花敬群政务`). A word for a body or a
/// question (`公司董事长`, `由哪位次长`, `该行行长`) is no name.
pub(super) fn before_title(text: &str) -> Option<Person> {
    const BODIES: &[&str] = &["公司", "集团", "本行", "学校", "医院", "政府", "本院"];
    text.char_indices().skip(2).take(3).find_map(|(at, _)| {
        let (name, title) = (text.get(..at)?, text.get(at..)?);
        let word = BODIES.contains(&name) || name.contains(['哪', '谁', '这', '那', '该', '本']);
        (is_name(name) && has_surname(name) && !word && lexicon::is_title(title))
            .then(|| Person::new(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_after_a_current_title() {
        assert_eq!(
            after_title("南京航空航天大学党委书记单忠德"),
            Some((Person::new("单忠德"), "南京航空航天大学党委书记"))
        );
        assert_eq!(
            after_title("重庆市副市长、市公安局局长黄兴国同志"),
            Some((Person::new("黄兴国"), "重庆市副市长、市公安局局长"))
        );
        assert_eq!(after_title("单忠德"), None);
        assert_eq!(before_title("花敬群政务次长"), Some(Person::new("花敬群")));
        assert_eq!(before_title("花敬群"), None);
        assert_eq!(
            after_title("塞尔维亚籍教练戈兰·斯特瓦诺维奇"),
            Some((Person::new("戈兰·斯特瓦诺维奇"), "塞尔维亚籍教练"))
        );
        assert!(!is_name("塞尔维亚籍教练戈兰·斯特瓦诺维奇"));
    }

    #[test]
    fn an_age_before_a_name_is_no_part_of_it() {
        assert_eq!(without_age("现年六十二岁王志民的"), "王志民的");
        assert_eq!(without_age("65岁的蔡名照"), "蔡名照");
        assert_eq!(without_age("王志民"), "王志民");
        assert_eq!(without_age("岁月"), "岁月");
    }

    #[test]
    fn counts_and_joined_names() {
        assert_eq!(
            names("吴明秀、俞爱华两位同志"),
            Some(vec![Person::new("吴明秀"), Person::new("俞爱华")])
        );
        assert_eq!(
            names("王利明和杨慧林"),
            Some(vec![Person::new("王利明"), Person::new("杨慧林")])
        );
        assert_eq!(names("张三同志"), Some(vec![Person::new("张三")]));
        assert_eq!(names("杨冬生等"), Some(vec![Person::new("杨冬生")]));
    }

    #[test]
    fn surnames_single_compound_and_joined() {
        assert!(has_surname("欧阳晓峰"));
        assert!(has_surname("管理"));
        assert!(has_surname("买买提·艾力"));
        assert!(!has_surname("不再"));
        assert!(!has_surname("提议"));
    }
}
