//! Names: every candidate mention of a named entity, before overlaps are resolved.
//!
//! Sources, each recorded as the mention's rule:
//! - the lexicon automaton (states, X方, organizations, places, persons);
//! - titles in 《》 (with nested 〈〉 titles as agreements of their own) and in “” when
//!   they end in an agreement head noun;
//! - head nouns (`data/rules/heads.tsv`): a name that ends in 组织, 中心, 会议, 公约 … and
//!   starts at a known entity (上合组织实业家委员会), after 关于, after a boundary word
//!   (`data/rules/boundaries.tsv`: 建立应对安全挑战和威胁中心) or after a date;
//! - persons from title + name (by-lines, signature blocks, 尊敬的X总统, 俄罗斯总统普京表示);
//! - 华 in 来华, 访华 …, and anniversaries of wars and organizations.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{Lexicon, Target};
use crate::model::{Class, EntityId, Knowledge};
use crate::text::is_han;

/// A candidate mention.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub span: Range<usize>,
    pub id: EntityId,
    /// Canonical label (simplified).
    pub label: String,
    pub rule: String,
    pub knowledge: Knowledge,
    /// May stand inside a longer candidate (a 〈〉 title inside a 《》 title, the war inside
    /// its anniversary).
    pub nested: bool,
    /// For rule-made names: the organization the name starts with (its parent).
    pub parent: Option<EntityId>,
}

impl Candidate {
    /// A candidate for a date or an amount, whose key is its value.
    pub fn new_value(span: Range<usize>, class: Class, key: &str, rule: &str) -> Candidate {
        Candidate::new(span, class, key, key, rule)
    }

    pub fn new(
        span: Range<usize>,
        class: Class,
        key: &str,
        label: &str,
        rule: impl Into<String>,
    ) -> Candidate {
        Candidate {
            span,
            id: EntityId::new(class, key),
            label: label.to_string(),
            rule: rule.into(),
            knowledge: Knowledge::default(),
            nested: false,
            parent: None,
        }
    }
}

/// The candidate for lexicon target `t` at `span`.
pub fn from_target(lex: &Lexicon, t: Target, span: Range<usize>) -> Candidate {
    match t {
        Target::State(i) | Target::StateSide(i) => {
            let s = &lex.states[i];
            let mut c = Candidate::new(
                span,
                Class::State,
                &s.iso3,
                &s.zh,
                format!("lexicon:states.tsv#{}", s.iso3),
            );
            c.knowledge = Knowledge {
                en: Some(s.en.clone()),
                qid: s.qid.clone(),
                iso3: Some(s.iso3.clone()),
                relations: vec![],
            };
            c
        }
        Target::Org(i) => {
            let o = &lex.orgs[i];
            let mut c = Candidate::new(
                span,
                Class::Organization,
                &o.zh,
                &o.zh,
                format!("lexicon:organizations.tsv#{}", o.zh),
            );
            c.knowledge = Knowledge {
                en: Some(o.en.clone()),
                qid: o.qid.clone(),
                iso3: None,
                relations: vec![],
            };
            if let Some(p) = &o.parent {
                c.knowledge.relations.push((
                    "subOrganizationOf",
                    EntityId::new(Class::Organization, p.as_str()),
                ));
            }
            c
        }
        Target::Place(i) => {
            let p = &lex.places[i];
            named(span, Class::Place, "places", &p.zh, &p.en, &p.qid)
        }
        Target::Person(i) => {
            let p = &lex.persons[i];
            named(span, Class::Person, "persons", &p.zh, &p.en, &p.qid)
        }
        Target::Event(i) => {
            let e = &lex.events[i];
            named(span, Class::Event, "events", &e.zh, &e.en, &e.qid)
        }
    }
}

/// The candidate for a lexicon entry known by its Chinese and English names.
fn named(
    span: Range<usize>,
    class: Class,
    file: &str,
    zh: &str,
    en: &str,
    qid: &Option<String>,
) -> Candidate {
    let mut c = Candidate::new(span, class, zh, zh, format!("lexicon:{file}.tsv#{zh}"));
    c.knowledge = Knowledge {
        en: Some(en.to_string()),
        qid: qid.clone(),
        iso3: None,
        relations: vec![],
    };
    c
}

/// X方 forms that are ordinary words, never a state's side.
const NOT_A_SIDE: &[&str] = &[
    "南方", "北方", "东方", "西方", "地方", "对方", "双方", "多方", "各方", "一方", "官方", "军方",
    "警方", "上方", "下方", "前方", "后方", "远方", "比方", "药方", "平方", "立方", "配方", "土方",
];
/// A character after X方 that makes it another word (方面, 方式, 方法 …).
const SIDE_BREAKERS: &str = "面式法向案针略位便程块形圆言才阵舟法子剂志";

/// Lexicon candidates. Ambiguous X方 forms (乌方) go to the state among their readings
/// that the document names; if none or several are named, the form stays unlinked.
pub fn lexicon_candidates(lex: &Lexicon, norm: &str) -> Vec<Candidate> {
    let found: Vec<(Range<usize>, Vec<Target>)> = lex
        .find_entities(norm)
        .map(|(r, t)| (r, t.to_vec()))
        .collect();
    let named_states: std::collections::HashSet<usize> = found
        .iter()
        .flat_map(|(_, ts)| ts.iter())
        .filter_map(|t| match t {
            Target::State(i) => Some(*i),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (span, targets) in found {
        let surface = &norm[span.clone()];
        let side = targets.iter().all(|t| matches!(t, Target::StateSide(_)));
        if side {
            let next = norm[span.end..].chars().next();
            if NOT_A_SIDE.contains(&surface) || next.is_some_and(|c| SIDE_BREAKERS.contains(c)) {
                continue;
            }
            let readings: Vec<Target> = if targets.len() == 1 {
                targets.clone()
            } else {
                targets
                    .iter()
                    .copied()
                    .filter(|t| matches!(t, Target::StateSide(i) if named_states.contains(i)))
                    .collect()
            };
            if let [t] = readings.as_slice() {
                let mut c = from_target(lex, *t, span);
                c.rule = format!("{}:side", c.rule);
                out.push(c);
            }
            continue;
        }
        // a surface form shared by several entries: prefer the order state, org, place, person
        let mut targets = targets;
        targets.sort_by_key(|t| match t {
            Target::State(_) => 0,
            Target::Org(_) => 1,
            Target::Place(_) => 2,
            Target::Person(_) => 3,
            Target::Event(_) => 4,
            Target::StateSide(_) => 5,
        });
        out.push(from_target(lex, targets[0], span));
    }
    out
}

static BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"《((?:[^《》]|《[^《》]*》)+)》|“([^“”]{2,60})”").unwrap());
/// A period or edition qualifier that ends a title: （2013—2017年）, 2025, （草案）.
static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[（(][^（）()]*[）)]|[0-9]{4}年?)$").unwrap());

/// Titles of publications, not documents: 《人民日报》, 《求是》杂志.
const MEDIA: &[&str] = &[
    "报",
    "杂志",
    "周刊",
    "月刊",
    "画报",
    "时报",
    "新闻",
    "电视台",
    "文集",
    "全集",
    "选集",
    "电影",
    "求是",
];

/// Does `name` (a title without its brackets) end in an agreement head noun?
fn agreement_head(lex: &Lexicon, name: &str, bracketed: bool) -> bool {
    let name = PERIOD.replace(name, "");
    lex.heads.iter().any(|h| {
        h.class == Class::Agreement
            && (bracketed || !h.bracketed_only)
            && name.ends_with(h.head.as_str())
    })
}

/// Titles in 《》 and quotes. The mention spans the title without its brackets.
pub fn title_candidates(lex: &Lexicon, norm: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    for caps in BRACKETS.captures_iter(norm) {
        let (inner, quoted) = match (caps.get(1), caps.get(2)) {
            (Some(m), _) => (m, false),
            (None, Some(m)) => (m, true),
            _ => continue,
        };
        let name = inner.as_str();
        if name.trim().is_empty() || name.contains(['\n', '。']) {
            continue;
        }
        // a quoted name needs a document head that is rarely a plain noun, or some length
        // (“两国方案” is a policy, not a document)
        let long = name.chars().count() >= 6;
        let is_agreement = if quoted {
            agreement_head(lex, name, false) || (long && agreement_head(lex, name, true))
        } else {
            // in this genre a title in 《》 is a document unless it names a publication
            !MEDIA.iter().any(|m| name.ends_with(m))
        };
        if !is_agreement {
            continue;
        }
        let label = name.trim().replace('《', "〈").replace('》', "〉");
        let rule = if quoted {
            "rule:title-quoted"
        } else {
            "rule:title-brackets"
        };
        out.push(Candidate::new(
            inner.range(),
            Class::Agreement,
            &label,
            &label,
            rule,
        ));
        // nested titles: 〈…〉 or 《…》 inside
        let mut depth_start = None;
        for (i, c) in name.char_indices() {
            match c {
                '〈' | '《' => depth_start = Some(i + c.len_utf8()),
                '〉' | '》' => {
                    if let Some(s) = depth_start.take() {
                        let nested = &name[s..i];
                        if agreement_head(lex, nested, true) {
                            let start = inner.start() + s;
                            let mut c = Candidate::new(
                                start..start + nested.len(),
                                Class::Agreement,
                                nested,
                                nested,
                                "rule:title-nested",
                            );
                            c.nested = true;
                            out.push(c);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Characters that never stand inside a name made by a head-noun rule.
const STOP_CHARS: &str =
    "的了是在与及等把被为从向以于由同并或而但也都还又就这该其各我们将要请已曾正均即且之给让使本";
/// Function characters that no person's name holds (会在果阿 is no name).
const NOT_IN_NAMES: &str =
    "的了是在与及等把被为从向以于由同并或而但也都还又就这该其各我们将要请会议";
/// Words that begin no name (所有国家和国际组织 is no organization).
const DETERMINERS: &[&str] = &[
    "所有", "有关", "相关", "一些", "各种", "各类", "这些", "那些", "其他", "其它", "主要", "重要",
    "许多", "多个", "广大",
];
/// Punctuation that ends a name.
fn is_name_char(c: char) -> bool {
    (is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '—' | '－' | '·' | '•'))
        && !STOP_CHARS.contains(c)
}

static ORDINAL_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第[0-9一二三四五六七八九十百]+[次届]$").unwrap());

/// Generic qualifiers that make a meeting unnamed (下次会议, 本届会议).
const GENERIC_OCCASION: &[&str] = &[
    "下次",
    "下届",
    "下一次",
    "下一届",
    "本次",
    "本届",
    "此次",
    "这次",
    "上次",
    "上届",
    "历次",
    "每次",
    "有关",
    "相关",
    "各种",
    "各类",
];

/// Names ending in a head noun of `data/rules/heads.tsv`. `anchors` are the lexicon and
/// title candidates (a name may start at one); `dates` are date spans (a name may start
/// right after one).
pub fn head_candidates(
    lex: &Lexicon,
    norm: &str,
    anchors: &[Candidate],
    dates: &[Range<usize>],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    // the longest non-nested anchor ending at each offset (the last of equals)
    let mut ending_at: HashMap<usize, &Candidate> = HashMap::new();
    for a in anchors.iter().filter(|a| !a.nested) {
        match ending_at.get(&a.span.end) {
            Some(b) if b.span.len() > a.span.len() => {}
            _ => {
                ending_at.insert(a.span.end, a);
            }
        }
    }
    let anchor_ending_at = |p: usize| ending_at.get(&p).copied();
    // what ends at each offset: a date, a boundary word, a cue of more than one character
    const DATE: u8 = 1;
    const BOUNDARY: u8 = 2;
    const CUE: u8 = 4;
    let mut ends = vec![0u8; norm.len() + 1];
    for d in dates {
        ends[d.end] |= DATE;
    }
    for e in lex.boundary_ends(norm) {
        ends[e] |= BOUNDARY;
    }
    for e in lex.cue_word_ends(norm) {
        ends[e] |= CUE;
    }
    // each head's occurrences left to right, not overlapping each other, head by head in
    // the order of heads.tsv (as a search for each head in turn finds them)
    let mut found: Vec<(usize, usize)> = lex
        .find_bare_heads(norm)
        .map(|(h, r)| (h, r.start))
        .collect();
    found.sort_unstable();
    let mut last: Option<(usize, usize)> = None; // (head, end of its last occurrence)
    found.retain(|&(h, hs)| match last {
        Some((lh, le)) if lh == h && hs < le => false,
        _ => {
            last = Some((h, hs + lex.heads[h].head.len()));
            true
        }
    });
    for (h, hs) in found {
        let head = &lex.heads[h];
        let he = hs + head.head.len();
        // a head inside a known name is part of that name (组织 in 上合组织)
        if anchors
            .iter()
            .any(|a| a.span.start < hs && a.span.end >= he && !a.nested)
        {
            continue;
        }
        // walk back over name characters and anchors
        let mut p = hs;
        let mut chain_anchors: Vec<&Candidate> = Vec::new();
        let mut boundary = false;
        loop {
            if let Some(a) = anchor_ending_at(p) {
                if matches!(
                    a.id.class,
                    Class::State
                        | Class::Organization
                        | Class::Place
                        | Class::Person
                        | Class::Event
                ) {
                    chain_anchors.push(a);
                    p = a.span.start;
                    continue;
                }
                break;
            }
            // a title in 《》 names the body or meeting it belongs to (《公约》缔约方大会)
            if head.class == Class::Event
                && norm[..p].ends_with('》')
                && let Some(a) = anchors.iter().find(|a| {
                    a.id.class == Class::Agreement && !a.nested && a.span.end + '》'.len_utf8() == p
                })
            {
                chain_anchors.push(a);
                p = a.span.start - '《'.len_utf8();
                continue;
            }
            if ends[p] & (DATE | BOUNDARY) != 0 {
                boundary = true;
                break;
            }
            // a statement cue (建议, 支持 …) is a verb, never part of a name (but, unlike the
            // boundary words, it does not make what follows it a name)
            if ends[p] & CUE != 0 {
                break;
            }
            match norm[..p].chars().next_back() {
                Some(c) if is_name_char(c) && hs - p < 90 => p -= c.len_utf8(),
                _ => break,
            }
        }
        chain_anchors.reverse(); // left to right
        // a name with known names in it starts at the first of them, or at an ordinal
        // (第二十二次) or a short qualifier (最高) right before it
        let mut start = chain_anchors.first().map_or(p, |a| a.span.start);
        if start != p {
            let before = &norm[p..start];
            if ORDINAL_PREFIX.is_match(before) || before.chars().count() <= 2 {
                start = p;
            }
            boundary = false;
        }
        // 和 joins two names: the name after it starts at its own anchor
        if let Some(last_and) = norm[start..hs].rfind('和') {
            let after = start + last_and + '和'.len_utf8();
            if let Some(a) = chain_anchors.iter().find(|a| a.span.start == after) {
                start = a.span.start;
                chain_anchors.retain(|x| x.span.start >= start);
                boundary = true;
            }
        }
        let anchored = !chain_anchors.is_empty();
        let name = &norm[start..he];
        if !anchored && !boundary {
            // 关于…的磋商纪要: a descriptive title
            if head.class == Class::Agreement
                && let Some(k) = norm[..hs].rfind("关于")
                && hs - k < 150
                && !norm[k..hs].contains(['，', '。', '；', '：', '\n'])
            {
                let label = &norm[k..he];
                out.push(Candidate::new(
                    k..he,
                    Class::Agreement,
                    label,
                    label,
                    "rule:head-about",
                ));
            }
            continue;
        }
        if name.len() <= head.head.len()
            || name.chars().count() < 3
            || DETERMINERS.iter().any(|d| name.starts_with(d))
        {
            continue;
        }
        let before_head = &norm[start..hs];
        if head.class == Class::Event && GENERIC_OCCASION.iter().any(|g| before_head.ends_with(g)) {
            continue;
        }
        // a name that is nothing but known names and the head is that (联合国大会) or too generic
        // an organization's short name in a name becomes its full name (上合组织实业家委员会
        // → 上海合作组织实业家委员会); a name that begins with an organization's belongs to it
        let (label, parent) = match chain_anchors.first() {
            Some(a) if a.id.class == Class::Organization => {
                let rest = norm[a.span.end..he].replace(['《', '》'], "");
                let label = format!("{}{}{rest}", &norm[start..a.span.start], a.label);
                let parent = (head.class == Class::Organization && a.span.start == start)
                    .then(|| a.id.clone());
                (label, parent)
            }
            _ => (name.replace(['《', '》'], ""), None),
        };
        let mut c = Candidate::new(
            start..he,
            head.class,
            &label,
            &label,
            format!("rule:head-{}", head.head),
        );
        c.parent = parent;
        out.push(c);
        // a title a meeting is named after (《公约》缔约方大会) is mentioned too
        for a in chain_anchors
            .iter()
            .filter(|a| a.id.class == Class::Agreement && a.span.start >= start)
        {
            let mut inner = (*a).clone();
            inner.nested = true;
            out.push(inner);
        }
    }
    out
}

static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\s，。、；：（）《》“”0-9]{0,8}?(胜利|成立|建交|诞生|签署|爆发|结束|建立对话关系|建立伙伴关系)?([0-9]{1,3}|[一二三四五六七八九十百]{1,4})周年").unwrap()
});

/// Anniversaries: a war, organization or state mention followed by (胜利|成立…)N周年.
/// The inner mention stays, nested.
pub fn anniversary_candidates(norm: &str, anchors: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for a in anchors {
        if !matches!(
            a.id.class,
            Class::Event | Class::Organization | Class::State
        ) {
            continue;
        }
        if let Some(caps) = ANNIVERSARY.captures(&norm[a.span.end..]) {
            let m = caps.get(0).unwrap();
            let suffix = m.as_str();
            // 中国—东盟…周年: names joined by a dash belong to it
            let mut start = a.span.start;
            while let Some(b) = anchors
                .iter()
                .find(|b| b.span.end + '—'.len_utf8() == start && norm[b.span.end..start] == *"—")
            {
                start = b.span.start;
            }
            let prefix = &norm[start..a.span.start];
            let span = start..a.span.end + m.end();
            let label = format!("{prefix}{}{suffix}", a.label);
            // the same anniversary however its name is written: the inner entity, the kind
            // of occasion and the number
            let occasion = format!("{}{}周年", caps.get(1).map_or("", |g| g.as_str()), &caps[2]);
            let key = format!("{prefix}{}{occasion}", a.id.key);
            let mut c = Candidate::new(span, Class::Event, &key, &label, "rule:anniversary");
            c.parent = Some(a.id.clone());
            out.push(c);
        }
    }
    out
}

static CHINA_SHORT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:来|访|在|赴|驻|旅|援|离)华").unwrap());

/// 华 in 来华, 访华 … — China.
pub fn china_short_candidates(lex: &Lexicon, norm: &str) -> Vec<Candidate> {
    let Some(i) = lex.state("CHN") else {
        return Vec::new();
    };
    CHINA_SHORT
        .find_iter(norm)
        .filter(|m| !norm[m.end()..].starts_with(['人', '侨', '裔', '文', '语', '盛', '府']))
        .map(|m| {
            let mut c = from_target(lex, Target::State(i), m.end() - '华'.len_utf8()..m.end());
            c.rule = "rule:china-short".into();
            c
        })
        .collect()
}

/// Persons named by a title: a signature or by-line (国名+title, white space, name), 尊敬的X总统,
/// and state+title+name in running text when a verb or punctuation follows the name.
pub fn person_candidates(lex: &Lexicon, norm: &str, anchors: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    // where a state or organization ends (a title that starts there is theirs)
    let named_ends: std::collections::HashSet<usize> = anchors
        .iter()
        .filter(|a| matches!(a.id.class, Class::State | Class::Organization))
        .map(|a| a.span.end)
        .collect();
    // Every look around a title below is bounded (a name is short), so that a text of
    // titles without punctuation costs time in proportion to its length.
    for (t, title) in lex.find_titles(norm) {
        // title, white space, name to the end of the line (signature blocks, by-lines)
        let rest = &norm[t.end..];
        let ws = rest.len() - rest.trim_start_matches([' ', '\t', '\u{3000}']).len();
        if ws > 0 {
            let tail = &rest[ws..];
            let tail = &tail[..tail.char_indices().nth(64).map_or(tail.len(), |(i, _)| i)];
            let line = tail.split('\n').next().unwrap_or("").trim_end();
            let n = line.chars().count();
            if (2..=12).contains(&n) && line.chars().all(|c| is_han(c) || c == '·' || c == '•') {
                let start = t.end + ws;
                out.push(person(
                    start..start + line.len(),
                    line,
                    "rule:person-signature",
                ));
                continue;
            }
        }
        // 尊敬的 X 总统
        let from = back(norm, t.start, 12);
        if let Some(k) = norm[from..t.start].rfind("尊敬的").map(|k| from + k) {
            let name = &norm[k + "尊敬的".len()..t.start];
            let n = name.chars().count();
            if (2..=8).contains(&n)
                && name.chars().all(|c| is_han(c) || c == '·')
                && !anchors
                    .iter()
                    .any(|a| a.span.start < t.start && a.span.end > k + 9)
            {
                let start = k + "尊敬的".len();
                out.push(person(start..t.start, name, "rule:person-honorific"));
                continue;
            }
        }
        // state or organization + title (兼 title …) + name + (verb | punctuation)
        let mut title_start = t.start;
        while norm[..title_start].ends_with('兼') {
            let end = title_start - '兼'.len_utf8();
            let from = back(norm, end, 32);
            let before = &norm[from..end];
            match lex.find_titles(before).last() {
                Some((r, _)) if r.end == before.len() => title_start = from + r.start,
                _ => break,
            }
        }
        let after_state = named_ends.contains(&title_start);
        if after_state
            && title.role != crate::lexicon::Role::Honorific
            && let Some(len) = name_before_verb(rest)
            && !rest[..len].contains(|c: char| NOT_IN_NAMES.contains(c))
        {
            let name = &rest[..len];
            out.push(person(t.end..t.end + len, name, "rule:person-title"));
        }
    }
    out
}

/// The byte offset where the last `chars` characters before `end` start.
pub fn back(norm: &str, end: usize, chars: usize) -> usize {
    norm[..end]
        .char_indices()
        .rev()
        .take(chars)
        .last()
        .map_or(end, |(i, _)| i)
}

const AFTER_NAME: &[&str] = &[
    "表示", "说", "指出", "强调", "会见", "会谈", "出席", "主持", "宣布", "致辞", "发表", "访问",
    "举行", "签署", "，", "、", "。", "（", "：",
];

/// The length (bytes) of a 2–4 character name at the start of `rest` that a speech verb,
/// a preposition or punctuation follows.
fn name_before_verb(rest: &str) -> Option<usize> {
    let mut ends = Vec::new();
    for (i, (b, c)) in rest.char_indices().enumerate() {
        if !(is_han(c) || c == '·') || i >= 12 {
            break;
        }
        ends.push(b + c.len_utf8());
    }
    // prefer the shortest name that a cue follows (普京表示, not 普京表)
    ends.into_iter()
        .enumerate()
        .skip(1)
        .take(5)
        .find(|(_, e)| AFTER_NAME.iter().any(|w| rest[*e..].starts_with(w)))
        .map(|(_, e)| e)
}

/// Words after which a name followed by 先生, 女士 or 阁下 begins.
const BEFORE_HONORIFIC: &[&str] = &[
    "祝贺", "感谢", "欢迎", "会见", "会晤", "致电", "同", "与", "和", "向", "对", "请",
];

/// Persons named with 先生, 女士 or 阁下 (我祝贺克勒希先生): the name runs back from the
/// honorific to punctuation or one of [`BEFORE_HONORIFIC`], and is no title.
pub fn honorific_candidates(lex: &Lexicon, norm: &str, anchors: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for word in ["先生", "女士", "阁下"] {
        for (at, _) in norm.match_indices(word) {
            // a name is at most 8 characters after its cut, so 16 characters back are
            // enough (and a text of Chinese characters without punctuation costs no more)
            let run_start = norm[..at]
                .char_indices()
                .rev()
                .take(16)
                .take_while(|(_, c)| is_han(*c) || *c == '·')
                .last()
                .map_or(at, |(i, _)| i);
            let run = &norm[run_start..at];
            let cut = BEFORE_HONORIFIC
                .iter()
                .filter_map(|w| run.rfind(w).map(|i| i + w.len()))
                .max()
                .unwrap_or(0);
            let cut = cut.max(
                run.rfind(|c: char| STOP_CHARS.contains(c))
                    .map_or(0, |i| i + run[i..].chars().next().map_or(0, char::len_utf8)),
            );
            let name = &run[cut..];
            let n = name.chars().count();
            let is_title = lex.find_titles(name).any(|(r, _)| r.end == name.len());
            if !(2..=8).contains(&n) || is_title {
                continue;
            }
            let span = run_start + cut..at;
            if !anchors
                .iter()
                .any(|a| a.span.start < span.end && span.start < a.span.end)
            {
                out.push(person(span, name, "rule:person-honorific"));
            }
        }
    }
    out
}

fn person(span: Range<usize>, name: &str, rule: &str) -> Candidate {
    Candidate::new(span, Class::Person, name, name, rule)
}
