//! A synthetic ledger: a deterministic stream of realistic personnel
//! notices, and their text in the real notices' style.
//!
//! For benchmarks and load tests (behind the `synth` feature). The
//! generator keeps its own state of who holds which seat, so by default
//! every notice it writes is consistent: a one-seat post is vacated before
//! it is filled, nobody is removed from a post they do not hold, a second
//! principal post is always concurrent (`（兼）`). It knows nothing of the
//! ledger and never reads one; whether the record adds up is still the
//! conflict checker's to say, and the tests ask it.
//!
//! # What it writes
//!
//! A tree of organisations: cities, each with its own government and
//! districts; each government with its bureaus (局长, 副局长), offices and
//! centres (主任, 副主任), a hospital (院长), a disabled persons'
//! federation (理事长) and, in a district, subdistrict offices (街道办事处).
//! Names are built from syllable pools (`安阳市青桥区财政局`). Every
//! principal post has one seat and every deputy post several (up to a
//! unit's own limit), as the title lexicon says.
//!
//! People have careers: they enter as deputies (some on probation or on
//! secondment), are promoted, move sideways, take a second post
//! concurrently, step down without a successor (some keeping their rank,
//! `（保留原职级待遇）`) and retire. The ledger starts in the middle of
//! history: the first holders of every seat were appointed before it, so
//! their removals are the "start unknown" tenures of a real archive.
//!
//! Each notice is a reshuffle of one government like notice 5 of the
//! Huaiyin gazette: a few openings (retirements, removals without
//! successor, moves), then the vacancy chains they start (a deputy
//! promoted to principal, their deputy seat filled by a newcomer), written
//! with the appointments first and the removals after, as real notices
//! are. Removals still take effect first, as in every notice.
//!
//! # What it must never do
//!
//! Depend on anything but the model: it is a client of the public types,
//! and a ledger built from its notices is an ordinary ledger.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{
    Change, Entry, Event, EventKind, Flag, Flags, Notice, Person, Post, Provenance,
};

/// The settings of a synthetic ledger: a seed, a size and a rate of
/// inconsistent events. The same settings always give the same notices.
///
/// ```
/// use appointment_ledger::{Ledger, Synthetic};
///
/// let notices = Synthetic::new(7).events(2_000).to_vec();
/// let events: usize = notices.iter().map(|n| n.events.len()).sum();
/// assert!(events >= 2_000);
/// let mut ledger = Ledger::new();
/// for notice in notices {
///     ledger.record(notice)?;
/// }
/// // Consistent by default: nothing for a clerk to look into.
/// assert!(ledger.findings().is_empty());
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Synthetic {
    seed: u64,
    events: usize,
    inconsistent: f64,
    first_year: i32,
    years: u32,
}

impl Synthetic {
    /// Settings for 10 000 consistent events over 1985–2024, from `seed`.
    pub fn new(seed: u64) -> Synthetic {
        Synthetic {
            seed,
            events: 10_000,
            inconsistent: 0.0,
            first_year: 1985,
            years: 40,
        }
    }

    /// These settings for at least `events` events: the stream ends with
    /// the notice that reaches the number (so it may pass it by one
    /// notice's events). The tree of organisations grows with the size,
    /// about one government for every 2 500 events.
    #[must_use]
    pub fn events(mut self, events: usize) -> Synthetic {
        self.events = events;
        self
    }

    /// These settings with about `rate` (0 to 1) of all events
    /// inconsistent: removals of people who do not hold the post (someone
    /// else does) and appointments of holders to the post they already
    /// hold. Each is an error finding for the conflict checker; the
    /// generator's own state ignores them, so they do not cascade.
    #[must_use]
    pub fn inconsistent(mut self, rate: f64) -> Synthetic {
        self.inconsistent = rate.clamp(0.0, 0.9);
        self
    }

    /// These settings with notices dated over `years` years from 1 January
    /// of `first_year` (spread evenly by event count).
    #[must_use]
    pub fn span(mut self, first_year: i32, years: u32) -> Synthetic {
        self.first_year = first_year;
        self.years = years.max(1);
        self
    }

    /// The notices, generated one at a time: 10 M events never need to be
    /// held twice.
    pub fn notices(&self) -> Notices {
        Notices::new(self)
    }

    /// All the notices at once.
    pub fn to_vec(&self) -> Vec<Notice> {
        self.notices().collect()
    }

    /// All the notices as log entries numbered from 1, ready for
    /// [`Ledger::from_log`](crate::Ledger::from_log).
    pub fn entries(&self) -> Vec<Entry> {
        self.notices()
            .enumerate()
            .map(|(i, notice)| Entry {
                seq: i as u64 + 1,
                recorded_at: None,
                change: Change::Notice(notice),
            })
            .collect()
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast and good enough to
/// pick names and careers; deterministic on every platform.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), without modulo bias worth
    /// speaking of (Lemire's multiply-shift).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) * (1.0 / (1u64 << 53) as f64) < p
    }
}

// Name pools. No character of a person's name may be one the parser reads
// as a verb or marker (为, 的, 任, 因, 兼, 代, 其 …): the filter below
// drops them, and a test pins the pool sizes.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘\
于蒋蔡余杜叶程苏魏吕丁沈姜范傅钟卢汪戴崔陆廖姚方金邱夏谭韦贾邹石熊孟秦阎薛侯雷白龙段郝孔邵史毛常万顾\
赖武康贺严尹钱施牛洪龚汤陶黎温莫易樊乔文安殷颜庄章鲁倪庞邢俞翟蓝聂";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红建文辉力燕鹏飞宇斌浩凯健\
俊帆帅旭宁龙林峰波晨阳瑞欣怡婷雪琳颖倩慧佳嘉诚志新海亮东晓春秋冬夏云山河江川洪清源泉森松柏梅竹菊荣昌\
盛兴旺福寿康乐安庆祥国民振中宏立成功德义礼智信忠孝良善美真永长远跃进胜利学武才彬博雅然思鸿运莉蕾薇琪\
璐瑶婧媛晶露丹青彤岚锦炜妍标晖昊宸轩睿哲翔鑫淼焱垚鹤雁凤麟骏驰骁铭锋钢铁银宝珠玲珑琦瑾瑜璋琛蓉芸菲\
茂茜荷莲萱蔚虹霖霏霄韬毅豪杉桐楠榕樟枫桦柳杨";
const FORBIDDEN: &str = "为的任因兼代其同免聘辞担理挂于";
// Place syllables: no jurisdiction word (省市区县州旗镇乡), so two names
// never differ by one alone (which the checker reads as a probable alias).
const PLACE_A: &str =
    "东西南北安宁平长永新清青白黄金云临泰嘉丰兴德武昌常江河海槐历天高和光宝华阳春龙凤玉";
const PLACE_B: &str = "阳安宁平川山城源林丘原沙门口水溪泉湖陵峰江阴荫桥浦塘坪岗岭坝湾台";
const STREET_SUFFIX: &[&str] = &["", "路", "街", "庄", "桥", "湖", "山", "门", "园", "里"];

fn chars_of(pool: &str, forbidden: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in pool.chars() {
        if !out.contains(&c) && !forbidden.contains(c) {
            out.push(c);
        }
    }
    out
}

/// A unit every government of a level has: its name after the place, its
/// principal and deputy titles, and how many deputies it keeps.
type Unit = (&'static str, &'static str, &'static str, u8);

const BUREAUS: &[Unit] = &[
    ("人民政府办公室", "主任", "副主任", 4),
    ("发展和改革局", "局长", "副局长", 3),
    ("教育和体育局", "局长", "副局长", 3),
    ("科学技术局", "局长", "副局长", 2),
    ("民政局", "局长", "副局长", 2),
    ("司法局", "局长", "副局长", 2),
    ("财政局", "局长", "副局长", 3),
    ("人力资源和社会保障局", "局长", "副局长", 3),
    ("住房和城乡建设局", "局长", "副局长", 3),
    ("城市管理局", "局长", "副局长", 3),
    ("水务局", "局长", "副局长", 2),
    ("农业农村局", "局长", "副局长", 2),
    ("商务局", "局长", "副局长", 2),
    ("文化和旅游局", "局长", "副局长", 2),
    ("卫生健康局", "局长", "副局长", 3),
    ("退役军人事务局", "局长", "副局长", 2),
    ("应急管理局", "局长", "副局长", 2),
    ("审计局", "局长", "副局长", 2),
    ("市场监督管理局", "局长", "副局长", 3),
    ("统计局", "局长", "副局长", 2),
    ("医疗保障局", "局长", "副局长", 2),
    ("综合行政执法局", "局长", "副局长", 3),
    ("行政审批服务局", "局长", "副局长", 2),
    ("地方金融监督管理局", "局长", "副局长", 2),
    ("民营经济发展局", "局长", "副局长", 2),
    ("人民防空办公室", "主任", "副主任", 2),
    ("政务服务管理办公室", "主任", "副主任", 2),
    ("机关事务服务中心", "主任", "副主任", 2),
    ("园林绿化服务中心", "主任", "副主任", 2),
    ("市政工程服务中心", "主任", "副主任", 2),
    ("投资促进服务中心", "主任", "副主任", 2),
    ("融媒体中心", "主任", "副主任", 2),
    ("人民医院", "院长", "副院长", 3),
    ("残疾人联合会", "理事长", "副理事长", 2),
];

/// A government that issues notices: a city's or a district's.
#[derive(Debug)]
struct Government {
    /// The issuing body, `安阳市青桥区人民政府`.
    issuer: String,
    /// The number's prefix, `安阳青桥政任`.
    prefix: String,
    /// Its organisations, a range of indexes into `orgs`.
    orgs: std::ops::Range<usize>,
    /// People it removed without a new post, available for one.
    reserve: Vec<u32>,
    /// The year of its last notice and that notice's serial number.
    serial: (i32, u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seat {
    person: u32,
    /// Held alongside the holder's main post.
    concurrent: bool,
    /// Appointed by a notice of the stream (not before the ledger starts).
    recorded: bool,
    /// Appointed acting (代): appointing them again confirms them, which
    /// is no inconsistency.
    acting: bool,
}

#[derive(Debug)]
struct Organisation {
    principal_post: Post,
    deputy_post: Post,
    max_deputies: usize,
    principal: Option<Seat>,
    deputies: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Principal,
    Deputy,
    Concurrent,
}

#[derive(Debug)]
struct Official {
    person: Person,
    /// The posts held: organisation index and role.
    holds: Vec<(u32, Role)>,
    /// The year of entering service.
    since: i32,
}

/// Unique names: a counter through a fixed permutation of all surname and
/// given-name combinations, so that consecutive people do not look alike.
#[derive(Debug)]
struct Names {
    surnames: Vec<char>,
    given: Vec<char>,
    two: usize,
    three: usize,
}

impl Names {
    fn new() -> Names {
        Names {
            surnames: chars_of(SURNAMES, FORBIDDEN),
            given: chars_of(GIVEN, FORBIDDEN),
            two: 0,
            three: 0,
        }
    }

    fn next(&mut self, rng: &mut Rng) -> Person {
        let (s, g) = (self.surnames.len(), self.given.len());
        let surname = |k: usize| self.surnames.get(k % s).copied().unwrap_or('王');
        let given = |k: usize| self.given.get(k % g).copied().unwrap_or('明');
        // One in eight people has a two-character name (padded `尹 强` in
        // the text), while such names last.
        if self.two < s * g && rng.chance(0.125) {
            let k = permute(self.two, s * g);
            self.two += 1;
            return Person::new(&format!("{}{}", surname(k / g), given(k % g)));
        }
        let all = s * g * g;
        let k = permute(self.three % all, all);
        let round = self.three / all;
        self.three += 1;
        let name = format!("{}{}{}", surname(k / (g * g)), given(k / g), given(k % g));
        if round == 0 {
            Person::new(&name)
        } else {
            // Beyond some 4 M people names repeat: keep them apart by id.
            Person::with_id(&name, &round.to_string())
        }
    }
}

/// A bijection of `0..n` that scatters neighbours: multiplication by a
/// large odd constant that shares no factor with `n`.
fn permute(k: usize, n: usize) -> usize {
    let n = n as u128;
    let mut a: u128 = 0x9E37_79B9;
    while gcd(a, n) != 1 {
        a += 2;
    }
    ((k as u128 * a + 12_345) % n) as usize
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The synthetic notices, one at a time: an iterator made by
/// [`Synthetic::notices`].
#[derive(Debug)]
pub struct Notices {
    rng: Rng,
    target: usize,
    /// The chance, per consistent event, of adding an inconsistent one.
    inject: f64,
    emitted: usize,
    injected: usize,
    start: NaiveDate,
    days: u64,
    governments: Vec<Government>,
    orgs: Vec<Organisation>,
    people: Vec<Official>,
    names: Names,
    /// The order governments take turns in this round, and the position.
    order: Vec<usize>,
    turn: usize,
}

/// About how many events one government writes over the span.
const EVENTS_PER_GOVERNMENT: usize = 2_500;
/// The most events a reshuffle grows to before its chains stop.
const NOTICE_CAP: usize = 70;

impl Notices {
    fn new(settings: &Synthetic) -> Notices {
        let start = NaiveDate::from_ymd_opt(settings.first_year, 1, 1)
            .unwrap_or(NaiveDate::from_ymd_opt(1985, 1, 1).unwrap_or_default());
        let end = NaiveDate::from_ymd_opt(
            settings.first_year.saturating_add(settings.years as i32),
            1,
            1,
        )
        .unwrap_or(start);
        let rate = settings.inconsistent;
        let mut notices = Notices {
            rng: Rng(settings.seed),
            target: settings.events,
            inject: if rate > 0.0 { rate / (1.0 - rate) } else { 0.0 },
            emitted: 0,
            injected: 0,
            start,
            days: (end - start).num_days().max(1) as u64,
            governments: Vec::new(),
            orgs: Vec::new(),
            people: Vec::new(),
            names: Names::new(),
            order: Vec::new(),
            turn: 0,
        };
        let wanted = settings.events.div_ceil(EVENTS_PER_GOVERNMENT).max(1);
        notices.build_tree(wanted);
        notices
    }

    /// The events written so far.
    pub fn events(&self) -> usize {
        self.emitted
    }

    /// The inconsistent events written so far.
    pub fn injected(&self) -> usize {
        self.injected
    }

    /// The organisations of the tree (each has a principal and a deputy
    /// post).
    pub fn organisations(&self) -> usize {
        self.orgs.len()
    }

    /// Cities of a few districts each until there are `wanted`
    /// governments, every seat filled before the ledger starts.
    fn build_tree(&mut self, wanted: usize) {
        let a = chars_of(PLACE_A, "");
        let b = chars_of(PLACE_B, "");
        let cities = a.len() * b.len();
        let mut city_no = 0;
        while self.governments.len() < wanted {
            let k = permute(city_no % cities, cities);
            let mut city: String = [a[k / b.len()], b[k % b.len()]].iter().collect();
            if city_no >= cities {
                // Beyond the pool, a third syllable keeps cities apart.
                city.push(b[(city_no / cities) % b.len()]);
            }
            city_no += 1;
            self.government(format!("{city}市"), format!("{city}政任"), '市');
            let districts = 3 + self.rng.below(8);
            let mut used: Vec<usize> = Vec::new();
            for _ in 0..districts {
                if self.governments.len() >= wanted {
                    break;
                }
                let mut d = self.rng.below(cities);
                while used.contains(&d) {
                    d = (d + 1) % cities;
                }
                used.push(d);
                let district: String = [a[d / b.len()], b[d % b.len()]].iter().collect();
                self.government(
                    format!("{city}市{district}区"),
                    format!("{city}{district}政任"),
                    '区',
                );
            }
        }
    }

    fn government(&mut self, place: String, prefix: String, level: char) {
        let first = self.orgs.len();
        for &(unit, head, deputy, deputies) in BUREAUS {
            self.organisation(&format!("{place}{unit}"), head, deputy, deputies);
        }
        if level == '区' {
            let a = chars_of(PLACE_A, "");
            let b = chars_of(PLACE_B, "");
            let streets = 5 + self.rng.below(8);
            let mut used: Vec<String> = Vec::new();
            while used.len() < streets {
                let name = format!(
                    "{}{}{}",
                    a[self.rng.below(a.len())],
                    b[self.rng.below(b.len())],
                    STREET_SUFFIX[self.rng.below(STREET_SUFFIX.len())]
                );
                if !used.contains(&name) {
                    self.organisation(
                        &format!("{place}人民政府{name}街道办事处"),
                        "主任",
                        "副主任",
                        3,
                    );
                    used.push(name);
                }
            }
        }
        self.governments.push(Government {
            issuer: format!("{place}人民政府"),
            prefix,
            orgs: first..self.orgs.len(),
            reserve: Vec::new(),
            serial: (0, 0),
        });
        // Everyone in post before the ledger starts.
        let year = self.start.year();
        for org in first..self.orgs.len() {
            let since = year - 1 - self.rng.below(20) as i32;
            let p = self.newcomer(since);
            self.seat(p, org, Role::Principal, false, false);
            let deputies = 1 + self.rng.below(self.orgs[org].max_deputies);
            for _ in 0..deputies {
                let since = year - 1 - self.rng.below(15) as i32;
                let p = self.newcomer(since);
                self.seat(p, org, Role::Deputy, false, false);
            }
        }
    }

    fn organisation(&mut self, name: &str, head: &str, deputy: &str, deputies: u8) {
        self.orgs.push(Organisation {
            principal_post: Post::new(name, head),
            deputy_post: Post::new(name, deputy),
            max_deputies: usize::from(deputies),
            principal: None,
            deputies: Vec::new(),
        });
    }

    fn newcomer(&mut self, since: i32) -> u32 {
        let person = self.names.next(&mut self.rng);
        self.people.push(Official {
            person,
            holds: Vec::new(),
            since,
        });
        (self.people.len() - 1) as u32
    }

    /// Puts `p` into a seat of `org` in the generator's own state.
    fn seat(&mut self, p: u32, org: usize, role: Role, recorded: bool, acting: bool) {
        let o = &mut self.orgs[org];
        match role {
            Role::Deputy => o.deputies.push(p),
            Role::Principal | Role::Concurrent => {
                o.principal = Some(Seat {
                    person: p,
                    concurrent: role == Role::Concurrent,
                    recorded,
                    acting,
                });
            }
        }
        if let Some(official) = self.people.get_mut(p as usize) {
            official.holds.push((org as u32, role));
        }
    }

    /// Takes `p` out of a seat of `org` in the generator's own state.
    fn unseat(&mut self, p: u32, org: usize, role: Role) {
        let o = &mut self.orgs[org];
        match role {
            Role::Deputy => o.deputies.retain(|&d| d != p),
            Role::Principal | Role::Concurrent => o.principal = None,
        }
        if let Some(official) = self.people.get_mut(p as usize) {
            official
                .holds
                .retain(|&(h, r)| !(h as usize == org && r == role));
        }
    }

    fn post(&self, org: usize, role: Role) -> &Post {
        match role {
            Role::Deputy => &self.orgs[org].deputy_post,
            Role::Principal | Role::Concurrent => &self.orgs[org].principal_post,
        }
    }

    fn next_government(&mut self) -> usize {
        if self.turn >= self.order.len() {
            self.order = (0..self.governments.len()).collect();
            for i in (1..self.order.len()).rev() {
                let j = self.rng.below(i + 1);
                self.order.swap(i, j);
            }
            self.turn = 0;
        }
        let g = self.order.get(self.turn).copied().unwrap_or(0);
        self.turn += 1;
        g
    }

    /// The next reshuffle of one government.
    fn reshuffle(&mut self) -> Notice {
        let g = self.next_government();
        let offset = (self.days as u128 * self.emitted as u128 / self.target.max(1) as u128) as u64;
        let date = self.start + Days::new(offset);
        let year = date.year();
        let mut draft = Draft::default();
        let orgs = self.governments[g].orgs.clone();

        // Openings: people who leave their seats.
        let openings = 2 + self.rng.below(18);
        for _ in 0..openings {
            let org = orgs.start + self.rng.below(orgs.len());
            let seat = if self.rng.chance(0.6) {
                self.orgs[org].principal.map(|s| {
                    let role = if s.concurrent {
                        Role::Concurrent
                    } else {
                        Role::Principal
                    };
                    (s.person, role)
                })
            } else {
                let deputies = &self.orgs[org].deputies;
                deputies
                    .get(self.rng.below(deputies.len()))
                    .map(|&p| (p, Role::Deputy))
            };
            let Some((p, role)) = seat else { continue };
            if draft.touched.contains(&p) {
                continue;
            }
            draft.touched.push(p);
            if role == Role::Concurrent {
                // Gives up the concurrent post only.
                self.leave(&mut draft, p, org, role, Flags::NONE);
                draft.vacancies.push((org, Role::Principal));
                continue;
            }
            let years = year - self.people[p as usize].since;
            let retire = (years as f64 / 35.0).clamp(0.05, 0.9);
            let roll = self.rng.next() as f64 / u64::MAX as f64;
            if roll < retire {
                // An exit: every post at once, the person gone.
                self.leave_all(&mut draft, p, Flags::NONE);
            } else if role == Role::Principal && roll < retire + 0.25 {
                // Removed without a successor in this notice; some keep
                // their rank and pay.
                let flags = if self.rng.chance(0.4) {
                    Flags::from(Flag::RetainRank)
                } else {
                    Flags::NONE
                };
                self.leave_all(&mut draft, p, flags);
                draft.frozen.push(org);
                self.governments[g].reserve.push(p);
            } else {
                // Moves: free for a seat elsewhere in this notice.
                self.leave_all(&mut draft, p, Flags::NONE);
                draft.movers.push((p, org));
            }
        }
        // Seats left vacant by earlier notices are filled in time.
        for org in orgs.clone() {
            if self.orgs[org].principal.is_none()
                && !draft.frozen.contains(&org)
                && self.rng.chance(0.5)
            {
                draft.vacancies.push((org, Role::Principal));
            }
            if self.orgs[org].deputies.len() < self.orgs[org].max_deputies && self.rng.chance(0.05)
            {
                draft.vacancies.push((org, Role::Deputy));
            }
        }

        // The vacancy chains.
        let mut next = 0;
        while let Some(&(org, role)) = draft.vacancies.get(next) {
            next += 1;
            if draft.events() >= NOTICE_CAP {
                break;
            }
            match role {
                Role::Principal | Role::Concurrent => self.fill_principal(&mut draft, g, org, year),
                Role::Deputy => self.fill_deputy(&mut draft, g, org, year),
            }
        }
        // Movers nobody needed wait in the reserve.
        for (p, _) in std::mem::take(&mut draft.movers) {
            self.governments[g].reserve.push(p);
        }
        if self.inject > 0.0 {
            self.inject_inconsistent(&mut draft, &orgs);
        }
        self.write(g, date, draft)
    }

    /// Removes `p` from one post.
    fn leave(&mut self, draft: &mut Draft, p: u32, org: usize, role: Role, flags: Flags) {
        let post = self.post(org, role).clone();
        draft.remove(p, post, flags);
        self.unseat(p, org, role);
    }

    /// Removes `p` from every post held, in one clause; the seats are
    /// vacancies.
    fn leave_all(&mut self, draft: &mut Draft, p: u32, flags: Flags) {
        let holds = self.people[p as usize].holds.clone();
        for (org, role) in holds {
            let org = org as usize;
            self.leave(draft, p, org, role, flags);
            let vacancy = match role {
                Role::Deputy => (org, Role::Deputy),
                Role::Principal | Role::Concurrent => (org, Role::Principal),
            };
            draft.vacancies.push(vacancy);
        }
    }

    fn fill_principal(&mut self, draft: &mut Draft, g: usize, org: usize, year: i32) {
        if draft.frozen.contains(&org) || self.orgs[org].principal.is_some() {
            return;
        }
        let orgs = self.governments[g].orgs.clone();
        let roll = self.rng.next() as f64 / u64::MAX as f64;
        // A principal of another unit takes it on concurrently (兼).
        if roll < 0.08 {
            let other = orgs.start + self.rng.below(orgs.len());
            if let Some(s) = self.orgs[other].principal
                && other != org
                && !s.concurrent
                && !draft.touched.contains(&s.person)
                && self.people[s.person as usize].holds.len() == 1
            {
                draft.touched.push(s.person);
                self.appoint(
                    draft,
                    s.person,
                    org,
                    Role::Concurrent,
                    Flag::Concurrent.into(),
                );
                return;
            }
        }
        // Someone who moved out of another seat in this notice.
        if roll < 0.3
            && let Some(i) = draft.movers.iter().position(|&(_, from)| from != org)
        {
            let (p, _) = draft.movers.swap_remove(i);
            self.appoint(draft, p, org, Role::Principal, Flags::NONE);
            return;
        }
        // A deputy promoted: of this unit, or of another.
        if roll < 0.8 {
            let from = if roll < 0.6 {
                org
            } else {
                orgs.start + self.rng.below(orgs.len())
            };
            let deputies = &self.orgs[from].deputies;
            if let Some(&p) = deputies.get(self.rng.below(deputies.len()))
                && !draft.touched.contains(&p)
                && self.people[p as usize].holds.len() == 1
            {
                draft.touched.push(p);
                self.leave(draft, p, from, Role::Deputy, Flags::NONE);
                draft.vacancies.push((from, Role::Deputy));
                let flags = if self.rng.chance(0.05) {
                    Flags::from(Flag::Acting)
                } else {
                    Flags::NONE
                };
                self.appoint(draft, p, org, Role::Principal, flags);
                return;
            }
        }
        // A principal moved sideways, opening their own seat.
        if roll < 0.9 {
            let other = orgs.start + self.rng.below(orgs.len());
            if let Some(s) = self.orgs[other].principal
                && other != org
                && !s.concurrent
                && !draft.touched.contains(&s.person)
            {
                draft.touched.push(s.person);
                self.leave_all(draft, s.person, Flags::NONE);
                self.appoint(draft, s.person, org, Role::Principal, Flags::NONE);
                return;
            }
        }
        let p = self.recruit(draft, g, year);
        self.appoint(draft, p, org, Role::Principal, Flags::NONE);
    }

    fn fill_deputy(&mut self, draft: &mut Draft, g: usize, org: usize, year: i32) {
        if self.orgs[org].deputies.len() >= self.orgs[org].max_deputies || self.rng.chance(0.15) {
            return;
        }
        let roll = self.rng.next() as f64 / u64::MAX as f64;
        if roll < 0.1 {
            let orgs = self.governments[g].orgs.clone();
            let from = orgs.start + self.rng.below(orgs.len());
            let deputies = &self.orgs[from].deputies;
            if let Some(&p) = deputies.get(self.rng.below(deputies.len()))
                && from != org
                && !draft.touched.contains(&p)
                && self.people[p as usize].holds.len() == 1
            {
                draft.touched.push(p);
                self.leave(draft, p, from, Role::Deputy, Flags::NONE);
                draft.vacancies.push((from, Role::Deputy));
                self.appoint(draft, p, org, Role::Deputy, Flags::NONE);
                return;
            }
        }
        let newcomer = self.governments[g].reserve.is_empty() || roll > 0.25;
        let p = self.recruit(draft, g, year);
        let mut flags = Flags::NONE;
        if newcomer && self.people[p as usize].since == year {
            if self.rng.chance(0.15) {
                flags = flags.with(Flag::Probation);
            } else if self.rng.chance(0.05) {
                flags = flags.with(Flag::Secondment);
            }
        }
        self.appoint(draft, p, org, Role::Deputy, flags);
    }

    /// Someone from the reserve, or a newcomer.
    fn recruit(&mut self, draft: &mut Draft, g: usize, year: i32) -> u32 {
        let reserve = &mut self.governments[g].reserve;
        if !reserve.is_empty() && self.rng.chance(0.3) {
            let i = self.rng.below(reserve.len());
            let p = reserve.swap_remove(i);
            if !draft.touched.contains(&p) {
                draft.touched.push(p);
                return p;
            }
            reserve.push(p);
        }
        let p = self.newcomer(year);
        draft.touched.push(p);
        p
    }

    fn appoint(&mut self, draft: &mut Draft, p: u32, org: usize, role: Role, flags: Flags) {
        let post = self.post(org, role).clone();
        draft.appoint(p, post, flags);
        self.seat(p, org, role, true, flags.contains(Flag::Acting));
    }

    /// Adds inconsistent events: removals of people who never held the
    /// post while a recorded holder does, and re-appointments of holders to
    /// the post they hold. The state does not change.
    fn inject_inconsistent(&mut self, draft: &mut Draft, orgs: &std::ops::Range<usize>) {
        let consistent = draft.events();
        for _ in 0..consistent {
            if !self.rng.chance(self.inject) {
                continue;
            }
            for _attempt in 0..8 {
                let org = orgs.start + self.rng.below(orgs.len());
                let Some(s) = self.orgs[org].principal else {
                    continue;
                };
                if !s.recorded || s.concurrent || s.acting || draft.touched.contains(&s.person) {
                    continue;
                }
                let post = self.orgs[org].principal_post.clone();
                if self.rng.chance(0.5) {
                    let stranger = self.newcomer(self.start.year());
                    draft.touched.push(stranger);
                    draft.remove(stranger, post, Flags::NONE);
                } else {
                    draft.touched.push(s.person);
                    draft.appoint(s.person, post, Flags::NONE);
                }
                self.injected += 1;
                break;
            }
        }
    }

    /// The notice of a finished draft: appointments first, then removals,
    /// one clause a person (and set of flags), as real notices are written.
    fn write(&mut self, g: usize, date: NaiveDate, draft: Draft) -> Notice {
        let gov = &mut self.governments[g];
        if gov.serial.0 != date.year() {
            gov.serial = (date.year(), 0);
        }
        gov.serial.1 += 1;
        let number = format!("{}〔{}〕{}号", gov.prefix, date.year(), gov.serial.1);
        let mut notice = Notice::new(&number, date).issuer(&gov.issuer).issued(date);
        let mut clause = 0;
        for (kind, clauses) in [
            (EventKind::Appoint, &draft.appointments),
            (EventKind::Remove, &draft.removals),
        ] {
            for (p, posts, flags) in clauses {
                clause += 1;
                let person = &self.people[*p as usize].person;
                let written: Vec<(&Post, Flags)> =
                    posts.iter().map(|post| (post, *flags)).collect();
                let text: std::sync::Arc<str> = clause_text(kind, person, &written).into();
                for post in posts {
                    notice.events.push(Event {
                        kind,
                        person: person.clone(),
                        post: post.clone(),
                        flags: *flags,
                        provenance: Provenance {
                            clause,
                            text: text.clone(),
                            line: None,
                        },
                    });
                }
            }
        }
        notice.title = title(&notice);
        self.emitted += notice.events.len();
        notice
    }
}

impl Iterator for Notices {
    type Item = Notice;

    fn next(&mut self) -> Option<Notice> {
        while self.emitted < self.target {
            let notice = self.reshuffle();
            if !notice.events.is_empty() {
                return Some(notice);
            }
        }
        None
    }
}

/// One notice being put together: its clauses (person, posts, flags) and
/// the vacancies still to fill.
#[derive(Default)]
struct Draft {
    appointments: Vec<(u32, Vec<Post>, Flags)>,
    removals: Vec<(u32, Vec<Post>, Flags)>,
    vacancies: Vec<(usize, Role)>,
    /// Principal seats left vacant on purpose (a removal without
    /// successor).
    frozen: Vec<usize>,
    /// People who left a seat and wait for another in this notice, with
    /// the organisation they left.
    movers: Vec<(u32, usize)>,
    /// People named in the notice already.
    touched: Vec<u32>,
}

impl Draft {
    fn events(&self) -> usize {
        let count =
            |c: &Vec<(u32, Vec<Post>, Flags)>| c.iter().map(|(_, p, _)| p.len()).sum::<usize>();
        count(&self.appointments) + count(&self.removals)
    }

    fn appoint(&mut self, p: u32, post: Post, flags: Flags) {
        Draft::add(&mut self.appointments, p, post, flags);
    }

    fn remove(&mut self, p: u32, post: Post, flags: Flags) {
        Draft::add(&mut self.removals, p, post, flags);
    }

    /// One clause a person and set of flags: posts join the clause
    /// (`王左裔为A主任、B局长`).
    fn add(clauses: &mut Vec<(u32, Vec<Post>, Flags)>, p: u32, post: Post, flags: Flags) {
        match clauses.iter_mut().find(|(q, _, f)| *q == p && *f == flags) {
            Some((_, posts, _)) => posts.push(post),
            None => clauses.push((p, vec![post], flags)),
        }
    }
}

/// A name as notices print it: two-character names padded with a space
/// for alignment (`尹 强`).
fn written_name(person: &Person) -> String {
    let name = person.name();
    let mut chars = name.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), Some(b), None) => format!("{a} {b}"),
        _ => name.to_owned(),
    }
}

/// The parenthesised markers of a set of flags (`（兼）`), acting left out
/// (it is written in the title, `代局长`).
fn markers(flags: Flags) -> String {
    let words: Vec<&str> = flags
        .iter()
        .filter_map(|f| match f {
            Flag::Concurrent => Some("兼"),
            Flag::Acting => None,
            Flag::Probation => Some("试用期一年"),
            Flag::RetainRank => Some("保留原职级待遇"),
            Flag::Secondment => Some("挂职"),
        })
        .collect();
    if words.is_empty() {
        String::new()
    } else {
        format!("（{}）", words.join("，"))
    }
}

/// The text of one clause, without its terminator: `陈建防为…主任`,
/// `王 东的…主任、…局长职务（保留原职级待遇）`.
///
/// Markers shared by every post are written once at the end; otherwise
/// each post carries its own (a marker after the last post is read as
/// applying to all of them, so such a clause does not read back exactly).
fn clause_text(kind: EventKind, person: &Person, posts: &[(&Post, Flags)]) -> String {
    let shared = posts
        .first()
        .map(|(_, f)| *f)
        .filter(|f| posts.iter().all(|(_, g)| g == f));
    let mut text = written_name(person);
    text.push_str(match kind {
        EventKind::Appoint => "为",
        EventKind::Remove => "的",
    });
    for (i, (post, flags)) in posts.iter().enumerate() {
        if i > 0 {
            text.push('、');
        }
        text.push_str(post.organisation());
        if flags.contains(Flag::Acting) {
            text.push('代');
        }
        text.push_str(post.title());
        if shared.is_none() {
            text.push_str(&markers(*flags));
        }
    }
    if kind == EventKind::Remove {
        text.push_str("职务");
    }
    if let Some(flags) = shared {
        text.push_str(&markers(flags));
    }
    text
}

/// A notice's title in the usual form: `…人民政府关于任免王东等同志职务的通知`.
fn title(notice: &Notice) -> String {
    let appoints = notice.events.iter().any(|e| e.kind == EventKind::Appoint);
    let removes = notice.events.iter().any(|e| e.kind == EventKind::Remove);
    let verb = match (appoints, removes) {
        (true, false) => "任命",
        (false, true) => "免去",
        _ => "任免",
    };
    let first = notice.events.first().map(|e| e.person.name()).unwrap_or("");
    let several = notice.events.iter().any(|e| e.person.name() != first);
    let who = if several { "等同志" } else { "同志" };
    format!("{}关于{verb}{first}{who}职务的通知", notice.issuer)
}

fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The text of `notices` in the real notices' style, one after another.
///
/// Each notice is written as the Huaiyin gazette writes notice 5: title,
/// number, addressees, `区政府决定，任命：`, a clause a line ending in `；`
/// (the last of a section in `。`), `免去：`, the issuer, the signing date
/// and `（…印发）`. Sections follow the order of the events (write
/// appointments first, as real notices do). Events of one clause (same index) are written in one
/// clause, their posts joined by `、`; acting is written `代局长`, other
/// flags as markers (`（兼）`). A person's explicit id is not written (no
/// notice writes one).
///
/// ```
/// use appointment_ledger::{NaiveDate, Notice, Parser, Person, Post, render};
/// let day = NaiveDate::from_ymd_opt(2023, 5, 23).unwrap();
/// let notice = Notice::new("某政任〔2023〕17号", day)
///     .issuer("某市某区人民政府")
///     .appoint(Person::new("陈建防"), Post::new("某市某区财政局", "局长"))
///     .remove(Person::new("尹强"), Post::new("某市某区财政局", "局长"));
/// let text = appointment_ledger::render(&[notice]);
/// assert!(text.contains("\n区政府决定，任命：\n\n陈建防为某市某区财政局局长。\n"));
/// assert!(text.contains("\n免去：\n\n尹 强的某市某区财政局局长职务。\n"));
/// let parsed = Parser::new().strict(true).parse(&text)?;
/// assert_eq!(parsed[0].notice.events.len(), 2);
/// # Ok::<(), appointment_ledger::Error>(())
/// ```
pub fn render(notices: &[Notice]) -> String {
    let mut out = String::new();
    for notice in notices {
        render_notice(notice, &mut out);
    }
    out
}

/// Appends the text of one notice to `out`; see [`render`].
pub fn render_notice(notice: &Notice, out: &mut String) {
    let title = if notice.title.is_empty() {
        self::title(notice)
    } else {
        notice.title.clone()
    };
    let level = if notice.issuer.ends_with("区人民政府") {
        "区"
    } else if notice.issuer.ends_with("县人民政府") {
        "县"
    } else if notice.issuer.ends_with("市人民政府") {
        "市"
    } else {
        ""
    };
    let (addressees, decides) = match level {
        "" => ("各有关单位：".to_owned(), format!("{}决定", notice.issuer)),
        "市" => (
            "各区县人民政府，市政府各部门：".to_owned(),
            "市政府决定".to_owned(),
        ),
        l => (
            format!("各街道办事处，{l}政府各部门："),
            format!("{l}政府决定"),
        ),
    };
    let _ = write!(out, "{title}\n\n{}\n\n{addressees}\n\n", notice.number);

    // Clauses: runs of events with one clause index, kind and person.
    let mut clauses: Vec<&[Event]> = Vec::new();
    let mut rest = notice.events.as_slice();
    while let Some(first) = rest.first() {
        let len = rest
            .iter()
            .take_while(|e| {
                e.provenance.clause == first.provenance.clause
                    && e.kind == first.kind
                    && e.person == first.person
            })
            .count();
        let (clause, tail) = rest.split_at(len);
        clauses.push(clause);
        rest = tail;
    }
    let mut kind = None;
    for (i, clause) in clauses.iter().enumerate() {
        let Some(first) = clause.first() else {
            continue;
        };
        if kind != Some(first.kind) {
            let verb = match first.kind {
                EventKind::Appoint => "任命",
                EventKind::Remove => "免去",
            };
            if kind.is_none() {
                let _ = write!(out, "{decides}，{verb}：\n\n");
            } else {
                let _ = write!(out, "{verb}：\n\n");
            }
            kind = Some(first.kind);
        }
        let posts: Vec<(&Post, Flags)> = clause.iter().map(|e| (&e.post, e.flags)).collect();
        out.push_str(&clause_text(first.kind, &first.person, &posts));
        let last_of_section = clauses
            .get(i + 1)
            .and_then(|c| c.first())
            .is_none_or(|next| next.kind != first.kind);
        out.push_str(if last_of_section {
            "。\n\n"
        } else {
            "；\n\n"
        });
    }
    if !notice.issuer.is_empty() {
        out.push_str(&notice.issuer);
        out.push_str("\n\n");
    }
    out.push_str(&chinese_date(notice.signed));
    out.push_str("\n\n");
    if let Some(issued) = notice.issued {
        let _ = write!(out, "（{}印发）\n\n", chinese_date(issued));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FindingKind, Ledger, Parser, Severity};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn splitmix64_matches_the_reference() {
        // The reference outputs for seed 1234567 (Vigna's splitmix64.c).
        let mut rng = Rng(1_234_567);
        assert_eq!(rng.next(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next(), 3_203_168_211_198_807_973);
        assert_eq!(rng.next(), 9_817_491_932_198_370_423);
    }

    #[test]
    fn pools_have_no_character_the_parser_reads_as_a_word() {
        let names = Names::new();
        assert_eq!(names.surnames.len(), 119);
        assert_eq!(names.given.len(), 210);
        for c in FORBIDDEN.chars() {
            assert!(
                !names.surnames.contains(&c) && !names.given.contains(&c),
                "{c}"
            );
        }
        for c in "省市区县州旗镇乡".chars() {
            assert!(!PLACE_A.contains(c) && !PLACE_B.contains(c), "{c}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_notices() {
        let a = Synthetic::new(3).events(3_000).to_vec();
        let b = Synthetic::new(3).events(3_000).to_vec();
        let c = Synthetic::new(4).events(3_000).to_vec();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn a_stream_stops_at_the_notice_that_reaches_the_size() {
        let mut notices = Synthetic::new(1).events(10_000).notices();
        let mut sizes = Vec::new();
        for notice in notices.by_ref() {
            sizes.push(notice.events.len());
        }
        let total: usize = sizes.iter().sum();
        assert_eq!(total, notices.events());
        assert!(total >= 10_000);
        assert!(total - sizes.last().copied().unwrap_or(0) < 10_000);
        assert_eq!(notices.injected(), 0);
        assert_eq!(notices.organisations(), 168);
        assert_eq!((sizes.len(), total), (382, 10_012));
    }

    #[test]
    fn the_first_notice_reads_like_a_reshuffle() {
        let notices = Synthetic::new(2022).events(100).to_vec();
        let text = render(&notices[..1]);
        assert_eq!(
            text,
            "临塘市人民政府关于任免莫磊萱等同志职务的通知\n\n临塘政任〔1985〕1号\n\n\
             各区县人民政府，市政府各部门：\n\n市政府决定，任命：\n\n\
             莫磊萱为临塘市水务局局长；\n\n\
             吴婷祥为临塘市地方金融监督管理局副局长（试用期一年）；\n\n\
             乔孝驰为临塘市民营经济发展局副局长（试用期一年）；\n\n\
             史铁力为临塘市人民医院副院长（试用期一年）；\n\n\
             方兰振为临塘市发展和改革局副局长；\n\n潘梅锋为临塘市应急管理局副局长；\n\n\
             朱丹飞为临塘市行政审批服务局副局长。\n\n免去：\n\n\
             陈睿跃的临塘市水务局局长职务；\n\n彭楠建的临塘市残疾人联合会副理事长职务；\n\n\
             曾霏强的临塘市地方金融监督管理局副局长职务；\n\n\
             文功岚的临塘市民营经济发展局副局长职务；\n\n龙松乐的临塘市人民医院副院长职务；\n\n\
             莫磊萱的临塘市水务局副局长职务。\n\n临塘市人民政府\n\n1985年1月1日\n\n\
             （1985年1月1日印发）\n\n"
        );
    }

    #[test]
    fn a_consistent_stream_makes_a_ledger_with_no_findings() {
        let entries = Synthetic::new(11).events(20_000).entries();
        let ledger = Ledger::from_log(entries).unwrap();
        let kinds: Vec<FindingKind> = ledger.findings().iter().map(|f| f.kind).collect();
        assert_eq!(kinds, []);
    }

    #[test]
    fn the_stream_has_the_moves_of_a_real_record() {
        let notices = Synthetic::new(5).events(20_000).to_vec();
        let events = notices.iter().flat_map(|n| &n.events);
        let count = |flag: Flag| events.clone().filter(|e| e.flags.contains(flag)).count();
        let appoints = events
            .clone()
            .filter(|e| e.kind == EventKind::Appoint)
            .count();
        let multi = notices
            .iter()
            .flat_map(|n| n.events.windows(2))
            .filter(|w| w[0].provenance.clause == w[1].provenance.clause)
            .count();
        assert_eq!(
            (
                appoints,
                count(Flag::Concurrent),
                count(Flag::Acting),
                count(Flag::Probation),
                count(Flag::RetainRank),
                count(Flag::Secondment),
                multi
            ),
            (9976, 263, 98, 432, 403, 99, 135)
        );
    }

    #[test]
    fn injected_events_are_findings() {
        let mut notices = Synthetic::new(11)
            .events(20_000)
            .inconsistent(0.01)
            .notices();
        let mut ledger = Ledger::new();
        for notice in notices.by_ref() {
            ledger.record(notice).unwrap();
        }
        let errors = ledger
            .findings()
            .iter()
            .filter(|f| f.severity != Severity::Suggestion)
            .count();
        // One error finding for each injected event, none besides.
        assert_eq!((notices.injected(), errors), (180, 180));
    }

    #[test]
    fn rendered_text_parses_back_to_the_same_notices() {
        let notices: Vec<Notice> = Synthetic::new(9).events(100_000).to_vec();
        assert_eq!(notices.len(), 3_793);
        let text = render(&notices);
        let parsed = Parser::new().strict(true).parse(&text).unwrap();
        assert_eq!(parsed.len(), notices.len());
        for (read, written) in parsed.into_iter().zip(&notices) {
            let mut read = read.notice;
            for event in &mut read.events {
                // Where in the text is the parser's to know.
                event.provenance.line = None;
            }
            assert_eq!(&read, written);
        }
    }

    #[test]
    fn render_writes_markers_and_acting() {
        let org = "某市某区财政局";
        let notice = Notice::new("某区政任〔2023〕17号", day(2023, 5, 23))
            .issuer("某市某区人民政府")
            .event(Event::appoint(Person::new("王左裔"), Post::new(org, "局长")).flag(Flag::Acting))
            .event(
                Event::appoint(Person::new("岳仁强"), Post::new("某市某区文物局", "局长"))
                    .flag(Flag::Concurrent),
            )
            .event(
                Event::remove(Person::new("刘凤翔"), Post::new(org, "局长")).flag(Flag::RetainRank),
            );
        assert_eq!(
            render(&[notice]),
            "某市某区人民政府关于任免王左裔等同志职务的通知\n\n某区政任〔2023〕17号\n\n\
             各街道办事处，区政府各部门：\n\n区政府决定，任命：\n\n王左裔为某市某区财政局代局长；\n\n\
             岳仁强为某市某区文物局局长（兼）。\n\n免去：\n\n刘凤翔的某市某区财政局局长职务（保留原职级待遇）。\n\n\
             某市某区人民政府\n\n2023年5月23日\n\n"
        );
    }
}
