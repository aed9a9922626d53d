//! The corpus generator's substance: summit declarations and leaders' speeches written
//! from templates and the built-in lexicons (the command line is in `main.rs`).
//!
//! In: the lexicons, a seed and a size in bytes. Out: files, each one summit's documents
//! (a speech, a declaration, or both, each closed by a news-agency dateline), handed to
//! a sink with their path relative to the corpus root (`{year}/{number}-{kind}.txt`),
//! until at least that many bytes are written. Varied states, organizations, titles,
//! persons (known and made up), places, dates, sums of money, agreements and events;
//! numbered sections, by-lines and signature blocks; page-break damage (a blank line in
//! the middle of a sentence, which the loader repairs). Deterministic: the same seed and
//! size give the same bytes on every machine (its own random number generator, nothing
//! read but the lexicons).

use std::fmt::Write as _;

use diplograph::Lexicon;
use diplograph::lexicon::Role;

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub files: usize,
    pub documents: usize,
    pub bytes: usize,
}

/// Generates files of at least `bytes` bytes in all for `seed`, handing each (its path
/// relative to the corpus root, and its text) to `sink` in order.
pub fn generate(
    lex: &Lexicon,
    seed: u64,
    bytes: usize,
    mut sink: impl FnMut(&str, &str) -> std::io::Result<()>,
) -> std::io::Result<Stats> {
    let world = World::new(lex);
    let mut rng = Rng::new(seed);
    let mut stats = Stats::default();
    while stats.bytes < bytes {
        let summit = Summit::new(&world, &mut rng);
        let mut text = String::new();
        let kinds: &[Kind] = match rng.below(3) {
            0 => &[Kind::Speech],
            1 => &[Kind::Declaration],
            _ => &[Kind::Speech, Kind::Declaration],
        };
        for kind in kinds {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            match kind {
                Kind::Speech => speech(&world, &summit, &mut rng, &mut text),
                Kind::Declaration => declaration(&world, &summit, &mut rng, &mut text),
            }
            stats.documents += 1;
        }
        stats.files += 1;
        let path = format!("{}/{:06}-{}.txt", summit.year, stats.files, summit.slug);
        sink(&path, &text)?;
        stats.bytes += text.len();
    }
    Ok(stats)
}

#[derive(Clone, Copy)]
enum Kind {
    Speech,
    Declaration,
}

/// SplitMix64: small, fast, and the same on every platform and Rust version.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A state as the generator writes it.
#[derive(Clone)]
struct State {
    /// Common short name (中国).
    zh: String,
    /// Formal name for signature blocks (中华人民共和国), else the short name.
    formal: String,
    /// X方 form, when the state has an unambiguous one-character abbreviation.
    side: Option<String>,
    /// Leaders the lexicon knows.
    leaders: Vec<String>,
    /// Capital and other cities.
    cities: Vec<String>,
}

/// What the lexicons offer the templates.
struct World {
    states: Vec<State>,
    /// Organizations that hold summits.
    hosts: Vec<String>,
    /// Other organizations, named in passing.
    others: Vec<String>,
    head_titles: Vec<String>,
    minister_titles: Vec<String>,
}

/// Organizations whose summits the corpus reports (kept when the lexicon has them).
const SUMMIT_ORGS: &[&str] = &[
    "上海合作组织",
    "东南亚国家联盟",
    "亚洲相互协作与信任措施会议",
    "欧亚经济联盟",
    "集体安全条约组织",
    "亚太经济合作组织",
    "金砖国家",
    "二十国集团",
    "中非合作论坛",
    "阿拉伯国家联盟",
    "非洲联盟",
    "独立国家联合体",
    "中亚合作组织",
    "太平洋岛国论坛",
    "澜沧江—湄公河合作",
];

impl World {
    fn new(lex: &Lexicon) -> World {
        let mut abbr_count: std::collections::HashMap<&str, usize> = Default::default();
        for s in &lex.states {
            for a in &s.abbr {
                *abbr_count.entry(a.as_str()).or_default() += 1;
            }
        }
        let states = lex
            .states
            .iter()
            .map(|s| State {
                zh: s.zh.clone(),
                formal: s
                    .aliases
                    .iter()
                    .find(|a| a.ends_with("共和国") || a.ends_with("联邦") || a.ends_with("王国"))
                    .cloned()
                    .unwrap_or_else(|| s.zh.clone()),
                side: s
                    .abbr
                    .iter()
                    .find(|a| abbr_count[a.as_str()] == 1)
                    .map(|a| format!("{a}方")),
                leaders: lex
                    .persons
                    .iter()
                    .filter(|p| p.state.as_deref() == Some(s.iso3.as_str()))
                    .map(|p| p.zh.clone())
                    .collect(),
                cities: lex
                    .places
                    .iter()
                    .filter(|p| p.country.as_deref() == Some(s.iso3.as_str()))
                    .filter(|p| p.kind != "region")
                    .map(|p| p.zh.clone())
                    .collect(),
            })
            .filter(|s| !s.cities.is_empty())
            .collect();
        let hosts: Vec<String> = SUMMIT_ORGS
            .iter()
            .filter(|o| lex.org(o).is_some())
            .map(|o| o.to_string())
            .collect();
        let others = lex
            .orgs
            .iter()
            .filter(|o| !hosts.contains(&o.zh) && !o.zh.ends_with("社"))
            .map(|o| o.zh.clone())
            .collect();
        let titles = |role: Role| -> Vec<String> {
            lex.titles
                .iter()
                .filter(|t| t.role == role)
                .map(|t| t.zh.clone())
                .collect()
        };
        let head_titles = titles(Role::HeadOfState)
            .into_iter()
            .filter(|t| matches!(t.as_str(), "总统" | "主席"))
            .chain(
                titles(Role::HeadOfGovernment)
                    .into_iter()
                    .filter(|t| t == "总理"),
            )
            .collect();
        World {
            states,
            hosts,
            others,
            head_titles,
            minister_titles: titles(Role::Minister),
        }
    }
}

/// One meeting: who, where, when; every document of a file reports the same summit.
struct Summit {
    org: String,
    host: State,
    city: String,
    members: Vec<State>,
    speaker: State,
    ordinal: usize,
    year: usize,
    month: usize,
    day: usize,
    slug: &'static str,
}

impl Summit {
    /// A meeting of the corpus: its organization and ordinal drawn from `rng`, and what
    /// a real series fixes once for each meeting (members, host, city, date) drawn from
    /// the pair, so that every file about the Nth meeting of an organization agrees on
    /// them, as real reports of one meeting do.
    fn new(world: &World, rng: &mut Rng) -> Summit {
        let org = rng.pick(&world.hosts).clone();
        let ordinal = rng.range(1, 30);
        let mut summit = Summit::held(world, &org, ordinal);
        summit.speaker = summit.members[rng.below(summit.members.len())].clone();
        summit.slug = ["summit", "meeting", "visit", "forum"][rng.below(4)];
        summit
    }

    /// The `ordinal`th meeting of `org`: one a year from a first year of the series.
    fn held(world: &World, org: &str, ordinal: usize) -> Summit {
        let mut rng = Rng::new(fixed_seed(&format!("{org}#{ordinal}")));
        let first = 1995 + Rng::new(fixed_seed(org)).below(6);
        let n = rng.range(4, 9);
        let mut members: Vec<State> = Vec::new();
        while members.len() < n {
            let s = rng.pick(&world.states);
            if !members.iter().any(|m| m.zh == s.zh) {
                members.push(s.clone());
            }
        }
        let host = members[rng.below(members.len())].clone();
        let city = rng.pick(&host.cities).clone();
        Summit {
            org: org.to_string(),
            city,
            speaker: host.clone(),
            members,
            host,
            ordinal,
            year: first + ordinal - 1,
            month: rng.range(1, 12),
            day: rng.range(1, 28),
            slug: "summit",
        }
    }

    fn date(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    fn meeting(&self) -> String {
        format!(
            "{}成员国元首理事会第{}次会议",
            self.org,
            chinese_number(self.ordinal)
        )
    }

    fn dateline(&self) -> String {
        let agency = ["新华社", "中新社", "人民日报"][self.day % 3];
        format!("（{agency}{}{}月{}日电）", self.city, self.month, self.day)
    }
}

/// A seed that depends on `key` alone (FNV-1a), the same on every platform.
fn fixed_seed(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Where and when an agreement was signed: the same for every mention of its title.
fn signed(world: &World, title: &str) -> (String, String) {
    let mut rng = Rng::new(fixed_seed(title));
    let state = rng.pick(&world.states);
    let year = rng.range(1996, 2024);
    (
        format!("{year}年{}月{}日", rng.range(1, 12), rng.range(1, 28)),
        rng.pick(&state.cities).clone(),
    )
}

/// 1–99 in Chinese numerals (十四, 二十一).
fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        _ if n % 10 == 0 => format!("{}十", DIGITS[n / 10]),
        _ => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
    }
}

const FIELDS: &[&str] = &[
    "经贸",
    "能源",
    "交通",
    "金融",
    "农业",
    "科技",
    "创新",
    "教育",
    "卫生",
    "旅游",
    "体育",
    "环保",
    "海关",
    "电子商务",
    "互联互通",
    "粮食安全",
    "数字经济",
    "减贫",
    "人文",
    "媒体",
    "青年",
    "司法",
    "禁毒",
    "反恐",
    "信息安全",
    "救灾",
];

const SLOGANS: &[&str] = &[
    "凝心聚力 精诚协作 共创美好未来",
    "携手同行 共谋发展",
    "弘扬合作精神 开创发展新局",
    "同舟共济 共担责任",
    "深化务实合作 促进共同繁荣",
    "坚持开放包容 推动互利共赢",
    "守望相助 共迎挑战",
];

/// Sentences that name nothing: most of a real document.
const FILLERS: &[&str] = &[
    "当今世界正在经历深刻复杂变化。",
    "和平与发展仍是时代主题，但世界仍然很不安宁。",
    "世界经济延续缓慢复苏，新的增长动力不足。",
    "各种地区冲突和局部战争此起彼伏，多个热点同时升温。",
    "安全是发展的前提，没有安全，发展无从谈起。",
    "国际关系中不公正不平等现象仍然很突出，维护世界和平、促进共同发展依然任重道远。",
    "经过多年共同努力，各领域合作取得了丰硕成果，为下一步发展奠定了坚实基础。",
    "面对复杂严峻的形势，各方更加需要凝聚共识、加强协调。",
    "实践证明，只有坚持互信、互利、平等、协商，才能实现长治久安和共同繁荣。",
    "保持国际形势总体稳定的有利条件在增多，新的挑战也层出不穷。",
    "民心相通是深化合作的社会基础，人文交流是增进相互了解的桥梁。",
    "恐怖主义、分裂主义和极端主义对地区安全稳定构成严重威胁。",
    "新一轮科技革命和产业变革深入发展，为各国带来新的机遇。",
    "应对全球性挑战需要各国加强沟通、密切协作。",
];

fn amount(rng: &mut Rng) -> String {
    let n = rng.range(1, 120);
    match rng.below(5) {
        0 => format!("{n}亿美元"),
        1 => format!("{}万美元", n * 100),
        2 => format!("{n}亿元人民币"),
        3 => format!("{n}亿欧元"),
        _ => format!("{}亿美元", chinese_number(n.min(99))),
    }
}

fn some_date(summit: &Summit, rng: &mut Rng) -> String {
    let y = summit.year + rng.below(3);
    match rng.below(6) {
        0 => format!("{y}年"),
        1 => format!("{y}年{}月", rng.range(1, 12)),
        2 => format!("{y}年{}月{}日", rng.range(1, 12), rng.range(1, 28)),
        3 => format!("{}年至{}年", y, y + rng.range(1, 5)),
        4 => "明年".into(),
        _ => format!("{}月{}日", rng.range(1, 12), rng.range(1, 28)),
    }
}

fn agreement(world: &World, summit: &Summit, rng: &mut Rng) -> String {
    let a = rng.pick(&summit.members).zh.clone();
    let b = rng.pick(&world.states).zh.clone();
    let field = rng.pick(FIELDS);
    match rng.below(6) {
        0 => format!("{}成员国长期睦邻友好合作条约", summit.org),
        1 => format!("{a}和{b}关于建立全面战略伙伴关系的联合声明"),
        2 => format!("{}至{}年发展战略", summit.org, summit.year + 10),
        3 => format!("{}{field}合作协定", summit.org),
        4 => format!("{a}政府和{b}政府{field}合作谅解备忘录"),
        _ => format!(
            "{}{field}合作纲要（{}—{}年）",
            summit.org,
            summit.year,
            summit.year + 4
        ),
    }
}

/// A person's name for signature blocks: one the lexicon knows, or a made-up one.
fn leader(state: &State, rng: &mut Rng) -> String {
    if !state.leaders.is_empty() && rng.chance(70) {
        return rng.pick(&state.leaders).clone();
    }
    const SYLLABLES: &[&str] = &[
        "纳", "扎", "尔", "巴", "耶", "夫", "卡", "里", "莫", "拉", "赫", "蒙", "阿", "坦", "托",
        "克", "萨", "德", "佐", "米", "诺", "维", "奇", "斯", "塔", "科", "洛", "韦",
    ];
    (0..rng.range(3, 5)).map(|_| *rng.pick(SYLLABLES)).collect()
}

/// A state's own side: X方 if it has one, else its name.
fn side(state: &State) -> String {
    state.side.clone().unwrap_or_else(|| state.zh.clone())
}

/// The share of sentences, in percent, that name nothing and state nothing: most of a
/// real text's sentences explain or describe (with it the generated corpora have about
/// the real texts' density of mentions and statements per KB; see BENCHMARKS.md).
const FILLER_PERCENT: usize = 40;

/// A sentence that states nothing; half of them name the meeting's states, cities or
/// other organizations in passing, as reports of who came and where do.
fn filler(s: &Summit, rng: &mut Rng) -> String {
    let a = rng.pick(&s.members).zh.clone();
    let b = rng.pick(&s.members).zh.clone();
    match rng.below(8) {
        0 => format!("{a}和{b}代表团出席了会议。"),
        1 => format!("会议期间，{a}领导人会见了{b}领导人。"),
        2 => format!("{}是{}的重要城市。", s.city, s.host.zh),
        3 => format!("{}观察员国{a}派代表与会。", s.org),
        _ => rng.pick(FILLERS).to_string(),
    }
}

fn speech_sentence(world: &World, s: &Summit, rng: &mut Rng) -> String {
    if rng.chance(FILLER_PERCENT) {
        return filler(s, rng);
    }
    let me = side(&s.speaker);
    let other = rng.pick(&s.members).clone();
    let org = &s.org;
    let field = rng.pick(FIELDS);
    match rng.below(16) {
        0 => format!("{me}支持{org}在{field}领域发挥更大作用。"),
        1 => format!("{me}建议建立{org}{field}合作中心，推动各方开展务实合作。"),
        2 => format!(
            "为巩固和加强区域经济合作，{me}决定向{org}成员国提供{}贷款，用于{field}合作项目融资。",
            amount(rng)
        ),
        3 => format!("我们欢迎{}担任下一届{org}主席国。", other.zh),
        4 => format!(
            "{me}愿同各方一道，全面落实《{}》。",
            agreement(world, s, rng)
        ),
        5 => format!(
            "我去年访问{}期间，提出了共建{field}合作伙伴关系的倡议，得到各方积极响应。",
            rng.pick(&other.cities)
        ),
        6 => format!(
            "感谢主席国{}为峰会顺利举行所做的精心准备和周到安排。",
            s.host.zh
        ),
        7 => {
            // one forum a year in one city
            let mut fixed = Rng::new(fixed_seed(&format!("{org}{field}论坛{}", s.year + 1)));
            format!(
                "{me}将于{}年{}月在{}举办{org}{field}论坛。",
                s.year + 1,
                fixed.range(1, 12),
                fixed.pick(&s.speaker.cities)
            )
        }
        8 => format!(
            "我们要加强同{}等国际和地区组织合作，相互借鉴经验。",
            rng.pick(&world.others)
        ),
        9 => format!("{me}高度赞赏{}为促进{field}合作所做的努力。", other.zh),
        10 => format!("{me}倡议{org}各国加强{field}合作，举办{org}{field}合作论坛。",),
        11 => format!(
            "中方还将于{}在{}期间，为各国优势产品进入市场提供更多便利。",
            s.date(),
            s.meeting()
        ),
        12 => format!("我们应该充分发挥{org}{field}俱乐部作用，加强成员国{field}政策协调。"),
        13 => format!(
            "{me}愿意在{}间，为本组织成员国提供{}名{field}人才培养名额。",
            some_date(s, rng),
            rng.range(100, 3000)
        ),
        _ => rng.pick(FILLERS).to_string(),
    }
}

fn declaration_sentence(world: &World, s: &Summit, rng: &mut Rng) -> String {
    if rng.chance(FILLER_PERCENT) {
        return filler(s, rng);
    }
    let org = &s.org;
    let member = rng.pick(&s.members).clone();
    let field = rng.pick(FIELDS);
    let field2 = rng.pick(FIELDS);
    match rng.below(16) {
        0 => format!("成员国支持在{field}和{field2}领域进一步开展多边和双边合作。"),
        1 => {
            let title = agreement(world, s, rng);
            let (date, city) = signed(world, &title);
            format!("元首们欢迎{date}在{city}签署的《{title}》。")
        }
        2 => format!("元首们满意地指出，{field}领域合作正高效推进，支持继续在该领域开展合作。"),
        3 => format!(
            "元首们责成{org}成员国{}理事会继续制订《{}》，并按规定程序提交下次会议批准。",
            ["外交部长", "经贸部长", "交通部长"][rng.below(3)],
            agreement(world, s, rng)
        ),
        4 => format!("成员国将加强{field}领域经验交流，包括开展多种形式的双边和多边活动。"),
        5 => {
            let a = rng.pick(&s.members).zh.clone();
            let b = rng.pick(&s.members).zh.clone();
            format!(
                "{org}成员国{a}、{b}和{}重申，愿本着互信、互利、平等、协商的精神进一步加强合作。",
                member.zh
            )
        }
        6 => {
            let next = Summit::held(world, org, s.ordinal + 1);
            format!(
                "成员国决定于{}年在{}举行{org}成员国元首理事会下次会议。",
                next.year, next.city
            )
        }
        7 => format!(
            "成员国呼吁{}及其成员国在{field}领域加强协调。",
            rng.pick(&world.others)
        ),
        8 => format!(
            "作为{org}{}年至{}年轮值主席国，{}将为本组织发展做出积极贡献。",
            s.year,
            s.year + 1,
            member.zh
        ),
        9 => format!(
            "元首们指出，{org}{field}合作基金对促进本地区发展意义重大，支持向该基金注资{}。",
            amount(rng)
        ),
        10 => format!(
            "成员国主张通过政治外交努力解决{}局势问题，支持{}为此所做的努力。",
            rng.pick(&world.states).zh,
            member.zh
        ),
        11 => format!(
            "{}{}{}表示，{org}各领域合作取得新进展。",
            member.zh,
            rng.pick(&world.head_titles),
            leader(&member, rng)
        ),
        12 => format!(
            "{}{}{}在会见各方代表时说，{field}问题需要各方共同应对。",
            member.zh,
            rng.pick(&world.minister_titles),
            leader(&member, rng)
        ),
        _ => rng.pick(FILLERS).to_string(),
    }
}

/// A paragraph of `n` sentences; some get a page break in the middle of a sentence.
fn paragraph(sentences: Vec<String>, rng: &mut Rng) -> String {
    let text: String = sentences.concat();
    if !rng.chance(12) {
        return text;
    }
    // break between two Chinese characters, past the first clause
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let candidates: Vec<usize> = chars
        .windows(2)
        .enumerate()
        .filter(|(i, w)| *i > 20 && is_han(w[0].1) && is_han(w[1].1))
        .filter(|(i, _)| chars[..*i].iter().any(|(_, c)| *c == '，'))
        .map(|(_, w)| w[1].0)
        .collect();
    if candidates.is_empty() {
        return text;
    }
    let at = *rng.pick(&candidates);
    format!("{}\n\n{}", &text[..at], &text[at..])
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF)
}

fn speech(world: &World, s: &Summit, rng: &mut Rng, out: &mut String) {
    let title = rng.pick(&world.head_titles).clone();
    let host_leader = leader(&s.host, rng);
    let _ = write!(
        out,
        "# {}\n\n## ——在{}上的讲话\n\n（{}，{}）\n\n{}{title} {}\n\n尊敬的{host_leader}总统，尊敬的各位同事：\n\n",
        rng.pick(SLOGANS),
        s.meeting(),
        s.date(),
        s.city,
        s.speaker.formal,
        leader(&s.speaker, rng),
    );
    let _ = write!(
        out,
        "很高兴出席{}{}峰会，感谢主席国{}为峰会顺利举行所做的精心准备。\n\n",
        s.org, s.city, s.host.zh
    );
    for section in 0..rng.range(3, 6) {
        let _ = write!(
            out,
            "第{}，我们要坚持以{}合作为重点。",
            chinese_number(section + 1),
            rng.pick(FIELDS)
        );
        for _ in 0..rng.range(2, 4) {
            let n = rng.range(3, 6);
            let sentences = (0..n).map(|_| speech_sentence(world, s, rng)).collect();
            out.push_str(&paragraph(sentences, rng));
            out.push_str("\n\n");
        }
    }
    out.push_str("各位同事！\n\n");
    let _ = write!(
        out,
        "我相信，经过我们团结协作、不懈努力，{}一定能够再创新辉煌！\n\n{}\n",
        s.org,
        s.dateline()
    );
}

fn declaration(world: &World, s: &Summit, rng: &mut Rng, out: &mut String) {
    let _ = write!(
        out,
        "# {}成员国元首{}宣言\n\n{}于{}在{}举行。成员国元首宣示如下：\n\n",
        s.org,
        s.city,
        s.meeting(),
        s.date(),
        s.city
    );
    for section in 0..rng.range(8, 20) {
        let _ = write!(out, "### {}\n\n", chinese_number(section + 1));
        for _ in 0..rng.range(1, 3) {
            let n = rng.range(2, 5);
            let sentences = (0..n)
                .map(|_| declaration_sentence(world, s, rng))
                .collect();
            out.push_str(&paragraph(sentences, rng));
            out.push_str("\n\n");
        }
    }
    for m in &s.members {
        let title = if m.zh == "中国" { "主席" } else { "总统" };
        let _ = writeln!(out, "{}{title}\t{}", m.formal, leader(m, rng));
    }
    let _ = write!(out, "\n{}于{}\n\n{}\n", s.date(), s.city, s.dateline());
}
