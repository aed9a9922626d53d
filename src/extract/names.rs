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
//!
//! The words these rules consult are lists of `data/rules/words.tsv` (a [`List`] each);
//! [`Rules`] holds what is compiled from them, once per extractor.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use crate::lexicon::{Lexicon, List, Target, Words};
use crate::model::{Class, EntityId, Knowledge, Property};
use crate::text::is_han;

/// What this module compiles from the word lists.
pub struct Rules {
    /// The characters of [`List::NameStopChars`].
    name_stop_chars: HashSet<char>,
    /// The characters of [`List::PersonStopChars`].
    person_stop_chars: HashSet<char>,
    /// The characters of [`List::NameFinalChars`].
    name_final_chars: HashSet<char>,
    /// The characters of [`List::NotPlaceChars`].
    not_place_chars: HashSet<char>,
    /// A name's remainder before N周年, with [`List::AnniversaryOccasions`].
    anniversary: Regex,
    /// [`List::ChinaShort`].
    china_short: Regex,
    /// A day of the month at the start of a text (七日, 18日): it ends a name before it.
    day: Regex,
}

impl Rules {
    pub fn new(words: &Words) -> Rules {
        let chars =
            |list| -> HashSet<char> { words.list(list).iter().flat_map(|w| w.chars()).collect() };
        Rules {
            name_stop_chars: chars(List::NameStopChars),
            person_stop_chars: chars(List::PersonStopChars),
            name_final_chars: chars(List::NameFinalChars),
            not_place_chars: chars(List::NotPlaceChars),
            anniversary: word_regex(&format!(
                r"^[^\s，。、；：（）《》“”0-9]{{0,8}}?({})?((?:[0-9]{{1,3}}|[一二三四五六七八九十百]{{1,4}})周年)",
                words.alternation(List::AnniversaryOccasions)
            )),
            china_short: word_regex(&words.alternation(List::ChinaShort)),
            day: Regex::new(&format!("^{}[日号]", super::dates::D)).unwrap(),
        }
    }

    /// Whether `c` may stand inside a name made by a head-noun rule (punctuation and the
    /// characters of [`List::NameStopChars`] end one).
    fn is_name_char(&self, c: char) -> bool {
        (is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '—' | '－' | '-' | '·' | '•' | '+'))
            && !self.name_stop_chars.contains(&c)
    }
}

/// A pattern around word lists (escaped by [`Words::alternation`]), compiled. It always
/// compiles: a long list only makes the automaton bigger (no size limit applies).
pub(super) fn word_regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .size_limit(usize::MAX)
        .build()
        .expect("escaped words in a valid pattern compile")
}

/// Where the last occurrence of any of `words` in `text` starts, and which word it is
/// (the longest of those starting there).
fn rfind_any<'w>(text: &str, words: &'w [String]) -> Option<(usize, &'w str)> {
    words
        .iter()
        .filter_map(|w| text.rfind(w.as_str()).map(|at| (at, w.as_str())))
        .max_by_key(|&(at, w)| (at, w.len()))
}

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
                    Property::SubOrganizationOf,
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

/// Whether `text` starts with one of `words`.
fn starts_with_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.starts_with(w.as_str()))
}

/// Whether `text` ends with one of `words`.
fn ends_with_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.ends_with(w.as_str()))
}

/// Lexicon candidates ([`List::NotASide`] and [`List::SideBreakers`] are never a
/// state's side). Ambiguous X方 forms (乌方) go to the state among their readings
/// that the document names, or names a city or a known person of; if none or several
/// are, the form stays unlinked.
pub fn lexicon_candidates(lex: &Lexicon, norm: &str) -> Vec<Candidate> {
    let found: Vec<(Range<usize>, Vec<Target>)> = lex
        .find_entities(norm)
        .map(|(r, t)| (r, t.to_vec()))
        .collect();
    // the states the document names, or names a city or a known person of (撒马尔罕 and
    // 米尔济约耶夫 make 乌方 Uzbekistan's)
    let state_of = |iso3: &Option<String>| iso3.as_deref().and_then(|c| lex.state(c));
    let named_states: std::collections::HashSet<usize> = found
        .iter()
        .flat_map(|(_, ts)| ts.iter())
        .filter_map(|t| match t {
            Target::State(i) => Some(*i),
            Target::Place(i) => state_of(&lex.places[*i].country),
            Target::Person(i) => state_of(&lex.persons[*i].state),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (span, targets) in found {
        let surface = &norm[span.clone()];
        let side = targets.iter().all(|t| matches!(t, Target::StateSide(_)));
        if side {
            let rest = &norm[span.end..];
            // (a word that is a side only where the document names its state: 土方)
            let named_only = lex.words.value(List::NotASide, surface) == Some("named");
            if (lex.words.contains(List::NotASide, surface) && !named_only)
                || starts_with_any(rest, lex.words.list(List::SideBreakers))
            {
                continue;
            }
            let readings: Vec<Target> = if targets.len() == 1 && !named_only {
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

/// Does `name` (a title without its brackets) end in an agreement head noun?
fn agreement_head(lex: &Lexicon, name: &str, bracketed: bool) -> bool {
    let name = PERIOD.replace(name, "");
    lex.heads.iter().any(|h| {
        h.class == Class::Agreement
            && (bracketed || !h.bracketed_only)
            && name.ends_with(h.head.as_str())
    })
}

/// The longest title in 《》 that, ending in no document head, names a work (a book, a
/// film), not a document.
const SHORT_WORK_TITLE: usize = 5;

/// Titles in 《》 (unless they end in a [`List::MediaSuffixes`] word: 《人民日报》, 《求是》)
/// and quotes. The mention spans the title without its brackets.
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
            // in this genre a title in 《》 is a document unless it names a publication, or
            // is short and ends in no document head (《山海情》, a television series)
            !ends_with_any(name, lex.words.list(List::MediaSuffixes))
                && (name.chars().count() > SHORT_WORK_TITLE || agreement_head(lex, name, true))
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

/// The ordinal of a meeting in a series (第九次, 第28届), which the patterns below build on.
const NTH: &str = "第[0-9一二三四五六七八九十百]+[次届]";

/// An ordinal that opens a meeting's name: 第九次, 第28届, 首届.
pub(super) static ORDINAL_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{NTH}|首届|首次)")).unwrap());

/// `title` without the editor's notes and page numbers in brackets after it (联合声明（全文）,
/// 联合声明（全文）（4）: the fourth page of a web page that prints it in parts).
pub fn without_title_note<'t>(lex: &Lexicon, title: &'t str) -> &'t str {
    let mut title = title;
    // (an ASCII bracket stays where a space and a digit stand around it: 宣言 (2017年）)
    while let Some(inner) = title.strip_suffix(['）', ')'])
        && let Some(k) = inner.rfind(['（', '('])
    {
        let open = inner[k..].chars().next().map_or(1, char::len_utf8);
        let note = &inner[k + open..];
        let page = !note.is_empty() && note.chars().all(|c| c.is_ascii_digit());
        // (a year or a date that tells apart texts of one title, or a gazette's number:
        // 某某宣言（2017年）, 某某公报(2025-11-19), 某某公报（2007年27号）)
        let digits = note.chars().filter(char::is_ascii_digit).count();
        let year = digits >= 4
            && note.starts_with(|c: char| c.is_ascii_digit())
            && note
                .chars()
                .all(|c| c.is_ascii_digit() || "-/.年月日第号期".contains(c));
        if !page && !year && !lex.words.list(List::TitleNotes).iter().any(|w| note == w) {
            break;
        }
        title = inner[..k].trim_end();
    }
    title
}

/// Where a title line's title starts: after a web page's tag for the series or channel
/// it files the text under (中国—中亚峰会|甲国和乙国联合声明: a `title_tag_separator` with
/// a short tag before it and a longer title after it), else at its start.
pub fn title_tag_end(lex: &Lexicon, line: &str) -> usize {
    lex.words
        .list(List::TitleTagSeparators)
        .iter()
        .find_map(|sep| {
            let i = line.find(sep.as_str())?;
            let (tag, rest) = (&line[..i], &line[i + sep.len()..]);
            let (t, r) = (tag.chars().count(), rest.trim_start().chars().count());
            (t > 0 && t <= TITLE_TAG && r > t).then(|| line.len() - rest.trim_start().len())
        })
        .unwrap_or(0)
}

/// The longest tag (characters) a title line may carry before its title.
const TITLE_TAG: usize = 16;

/// A document's title line that ends in an agreement head noun is that agreement, named
/// by the whole line (中华人民共和国和蒙古国关于深化全面战略伙伴关系的联合声明); not a
/// headline that reports it (两国元首发表联合声明: a [`List::ReportVerbs`] word).
/// A dateline that opens the line (`openings`) is no part of it (新华社某城5月3日电中蒙联合声明).
pub fn title_line_candidate(
    lex: &Lexicon,
    norm: &str,
    openings: &[Range<usize>],
) -> Option<Candidate> {
    let mut line = first_line(lex, norm);
    if let Some(d) = openings
        .iter()
        .find(|d| d.start <= line.start && line.start < d.end && d.end < line.end)
    {
        line.start = d.end;
    }
    let (start, body) = (line.start, &norm[line]);
    let n = body.chars().count();
    // (a comma only in a title that ends in a document's head word: 关于…，…的联合声明)
    let document_head = ends_in_document_head(lex, body);
    if !(6..=100).contains(&n)
        || (n > 80 && !document_head)
        || (body.contains('，') && !document_head)
        || body.contains(['。', '：', '《', '》', '“', '”', ' ', '\u{3000}'])
        || !agreement_head(lex, body, false)
        || lex
            .words
            .list(List::ReportVerbs)
            .iter()
            .any(|w| body.contains(w.as_str()))
    {
        return None;
    }
    Some(Candidate::new(
        start..start + body.len(),
        Class::Agreement,
        body,
        body,
        "rule:title-line",
    ))
}

/// Whether `title` ends in a document's head word (联合声明, 宣言, 公报: the joint statement,
/// declaration and communiqué title lists).
pub fn ends_in_document_head(lex: &Lexicon, title: &str) -> bool {
    [
        List::JointStatementTitles,
        List::DeclarationTitles,
        List::CommuniqueTitles,
    ]
    .into_iter()
    .any(|l| {
        lex.words
            .list(l)
            .iter()
            .any(|w| title.ends_with(w.as_str()))
    })
}

/// The first line of `norm` below the web page's furniture, without white space, a
/// heading's `#`, the page's tag and an editor's note.
fn first_line(lex: &Lexicon, norm: &str) -> Range<usize> {
    let line_start = super::fields::text_start(lex, norm);
    let line_end = norm[line_start..]
        .find('\n')
        .map_or(norm.len(), |i| line_start + i);
    let line = &norm[line_start..line_end];
    let body = line.trim_start_matches('#').trim();
    let start = line_end - line.trim_start_matches('#').trim_start().len();
    let tag = title_tag_end(lex, body);
    start + tag..start + without_title_note(lex, body).len()
}

/// The agreement among `candidates` that is the whole first line of `norm`, its title.
pub fn title_agreement<'c>(
    lex: &Lexicon,
    norm: &str,
    candidates: &'c [Candidate],
) -> Option<&'c Candidate> {
    let line = first_line(lex, norm);
    candidates
        .iter()
        .find(|c| c.id.class == Class::Agreement && !c.nested && c.span == line)
}

/// The meeting a title line names (金砖国家领导人第二十次会晤金城宣言 → 金砖国家领导人第二十次
/// 会晤): an event name inside the title's agreement, ending before it does, nested in it.
pub fn title_events(
    lex: &Lexicon,
    rules: &Rules,
    norm: &str,
    anchors: &[Candidate],
    dates: &[Range<usize>],
    title: &Candidate,
) -> Vec<Candidate> {
    let t = &title.span;
    let inner: Vec<Candidate> = anchors
        .iter()
        .filter(|a| a.span != *t && a.span.end <= t.end)
        .cloned()
        .collect();
    let dates: Vec<Range<usize>> = dates.iter().filter(|d| d.end <= t.end).cloned().collect();
    head_candidates(lex, rules, &norm[..t.end], &inner, &dates)
        .into_iter()
        .filter(|c| c.id.class == Class::Event && t.start <= c.span.start && c.span.end < t.end)
        .map(|mut c| {
            c.nested = true;
            c
        })
        .collect()
}

/// Places the lexicon does not know, from where the genre names them: the place of a
/// dateline (新华社阿拉套6月3日电), the X of 在X举行 (and the other [`List::PlaceVerbs`]),
/// a city X市 after a location marker; each name then wherever else the document writes it.
/// A name of [`List::NotPlaces`] (会上, 当地), a relative date (明年) or with a stop
/// character is none; a name that
/// ends in a Place head of heads.tsv (国际会议中心) is a venue, a place too.
pub fn place_candidates(
    lex: &Lexicon,
    rules: &Rules,
    norm: &str,
    dateline_places: &[Range<usize>],
    anchors: &[Candidate],
) -> Vec<Candidate> {
    let words = &lex.words;
    let overlaps = |r: &Range<usize>| {
        anchors
            .iter()
            .any(|a| a.span.start < r.end && r.start < a.span.end)
    };
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let add = |r: Range<usize>, rule: &str, out: &mut Vec<Candidate>, names: &mut Vec<String>| {
        let name = &norm[r.clone()];
        let n = name.chars().count();
        if !(2..=12).contains(&n)
            || !name.chars().all(is_han)
            || name.contains(|c: char| rules.name_stop_chars.contains(&c))
            || name.contains(|c: char| rules.not_place_chars.contains(&c))
            || words
                .list(List::NotPlaces)
                .iter()
                .any(|w| name.ends_with(w.as_str()))
            // (于明年举办: a time, not a place)
            || words.contains(List::RelativeYears, name)
            || words.contains(List::RelativeMonths, name)
            || lex
                .heads
                .iter()
                .filter(|h| name.ends_with(h.head.as_str()))
                .max_by_key(|h| h.head.len())
                .is_some_and(|h| h.class != Class::Place)
            || overlaps(&r)
        {
            return;
        }
        out.push(Candidate::new(r, Class::Place, name, name, rule));
        if !names.iter().any(|x| x == name) {
            names.push(name.to_string());
        }
    };
    for r in dateline_places {
        add(r.clone(), "rule:place-dateline", &mut out, &mut names);
    }
    for marker in words.list(List::LocationMarkers) {
        for (at, _) in norm.match_indices(marker.as_str()) {
            let from = at + marker.len();
            let window = &norm[from..ahead(norm, from, 16)];
            // 在X举行: the nearest place verb
            if let Some(i) = words
                .list(List::PlaceVerbs)
                .iter()
                .filter_map(|v| window.find(v.as_str()))
                .min()
            {
                // a known state or place may open it (在俄罗斯乌法举行: 乌法)
                let mut s = from;
                while let Some(a) = anchors.iter().find(|a| {
                    a.span.start == s
                        && a.span.end <= from + i
                        && matches!(a.id.class, Class::State | Class::Place)
                }) {
                    s = a.span.end;
                }
                let stripped = words
                    .list(List::SubjectOpeners)
                    .iter()
                    .find(|w| norm[s..].starts_with(w.as_str()))
                    .map_or(0, |w| w.len());
                add(
                    s + stripped..from + i,
                    "rule:place-held",
                    &mut out,
                    &mut names,
                );
            }
            // 在青岚市
            let run: usize = window
                .char_indices()
                .take_while(|(_, c)| is_han(*c))
                .take(6)
                .map(|(i, c)| i + c.len_utf8())
                .last()
                .unwrap_or(0);
            if let Some(k) = window[..run].find(CITY) {
                add(
                    from..from + k + CITY.len(),
                    "rule:place-city",
                    &mut out,
                    &mut names,
                );
            }
        }
    }
    // every other place the document writes the names found
    let found: Vec<Range<usize>> = out.iter().map(|c| c.span.clone()).collect();
    for name in &names {
        for (at, _) in norm.match_indices(name.as_str()) {
            let r = at..at + name.len();
            if found.iter().any(|f| f.start < r.end && r.start < f.end) || overlaps(&r) {
                continue;
            }
            out.push(Candidate::new(
                r,
                Class::Place,
                name,
                name,
                "rule:place-again",
            ));
        }
    }
    out
}

/// The city suffix of 在青岚市.
const CITY: &str = "市";

/// An ordinal anywhere (a meeting of a series: 第十八次).
pub(super) static ORDINAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(NTH).unwrap());

static ORDINAL_PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("{NTH}$")).unwrap());

/// An ordinal anywhere in a stretch (值此第五届…: where the meeting's name starts).
static ORDINAL_ANYWHERE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{NTH}|首届")).unwrap());

/// An ordinal right before a name (第三届“一带一路”…).
static ORDINAL_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?:{NTH}|首届)$")).unwrap());

/// An ordinal with a short qualifier after it before a meeting's known name (第十四届夏季
/// 达沃斯论坛: the session of a series).
static SESSION_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:{NTH}|首届)\p{{Han}}{{1,2}}$")).unwrap());

/// Names ending in a head noun of `data/rules/heads.tsv`. `anchors` are the lexicon and
/// title candidates (a name may start at one); `dates` are the spans of dates and
/// datelines (a name may start right after one).
pub fn head_candidates(
    lex: &Lexicon,
    rules: &Rules,
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
    // the longest head ending at each offset decides (会议中心, not 中心)
    let mut longest_ending: HashMap<usize, usize> = HashMap::new();
    for &(h, hs) in &found {
        let len = lex.heads[h].head.len();
        let e = longest_ending.entry(hs + len).or_default();
        *e = (*e).max(len);
    }
    for (h, hs) in found {
        let head = &lex.heads[h];
        let he = hs + head.head.len();
        if longest_ending
            .get(&he)
            .is_some_and(|&l| l > head.head.len())
        {
            continue;
        }
        // 中心协调作用, 中心地位: the head is part of another word
        if starts_with_any(&norm[he..], lex.words.list(List::HeadBreakers)) {
            continue;
        }
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
        let mut definition: Option<Range<usize>> = None;
        // Latin abbreviations in brackets inside the name (亚洲合作对话（ACD）第三次外长会议)
        let mut abbreviations: Vec<Range<usize>> = Vec::new();
        let pair_title = ends_with_any(&norm[..he], lex.words.list(List::JointStatementTitles))
            || ends_with_any(&norm[..he], lex.words.list(List::JointCommuniqueTitles));
        loop {
            // a definition in brackets after a known name inside the name is no part of it
            // (中国—拉共体论坛（以下简称“中拉论坛”）第三届部长会议)
            if definition.is_none()
                && let Some(inner) = norm[..p].strip_suffix('）')
                && let Some(o) = inner.rfind('（')
                && inner.len() - o < 60
                && starts_with_any(
                    &inner[o + '（'.len_utf8()..],
                    lex.words.list(List::DefinitionCues),
                )
                && anchor_ending_at(o).is_some()
            {
                definition = Some(o..p);
                p = o;
                continue;
            }
            // a short gloss in brackets inside a name is part of it (政府首脑（总理）理事会)
            if let Some(inner) = norm[..p].strip_suffix('）')
                && let Some(o) = inner.rfind('（')
                && let gloss = &inner[o + '（'.len_utf8()..]
                && (1..=4).contains(&gloss.chars().count())
                && gloss.chars().all(|c| rules.is_name_char(c))
                && norm[..o]
                    .chars()
                    .next_back()
                    .is_some_and(|c| rules.is_name_char(c))
            {
                if gloss.chars().all(|c| c.is_ascii_alphabetic()) {
                    abbreviations.push(o..p);
                }
                p = o;
                continue;
            }
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
            // states joined in the name: the parties of a joint statement or communiqué
            // (甲国与乙国联合公报, by any list separator), and the states of a meeting in a series
            // and of a text it adopts (A、B、C外长第十八次会晤联合公报, by 、)
            let series = matches!(head.class, Class::Event | Class::Agreement)
                && ORDINAL.is_match(&norm[p..hs]);
            if (pair_title || series)
                && chain_anchors
                    .last()
                    .is_some_and(|a| a.id.class == Class::State)
                && let Some(before) = if pair_title {
                    lex.words
                        .list(List::ListSeparators)
                        .iter()
                        .find_map(|sep| norm[..p].strip_suffix(sep.as_str()))
                } else {
                    norm[..p].strip_suffix('、')
                }
                && anchor_ending_at(before.len()).is_some_and(|a| a.id.class == Class::State)
            {
                p = before.len();
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
            // a quoted name opens the name (“一带一路”国际合作高峰论坛)
            if let Some(inner) = norm[..p].strip_suffix('”')
                && let Some(q) = inner.rfind('“')
                && let quoted = &inner[q + '“'.len_utf8()..]
                && (2..=12).contains(&quoted.chars().count())
                && quoted.chars().all(|c| rules.is_name_char(c))
                && p < hs
            {
                // (an ordinal before the quote opens the name: 第三届“一带一路”国际合作高峰论坛)
                p = ORDINAL_BEFORE
                    .find(&norm[..q])
                    .filter(|_| head.class == Class::Event)
                    .map_or(q, |m| m.start());
                boundary = true;
                break;
            }
            match norm[..p].chars().next_back() {
                Some(c) if rules.is_name_char(c) && hs - p < 90 => p -= c.len_utf8(),
                _ => break,
            }
        }
        // 第九次蓝湖论坛, 首届…论坛: an ordinal opens a meeting's name (also after words the
        // walk went over where no known name stands: 值此第五届某某博览会)
        if head.class == Class::Event && ORDINAL_START.is_match(&norm[p..hs]) {
            boundary = true;
        } else if head.class == Class::Event
            && chain_anchors.is_empty()
            && let Some(m) = ORDINAL_ANYWHERE_START.find(&norm[p..hs])
        {
            p += m.start();
            boundary = true;
        }
        chain_anchors.reverse(); // left to right
        // a name with known names in it starts at the first of them, or at an ordinal
        // (第二十二次) or a short qualifier (最高) right before it
        let mut start = chain_anchors.first().map_or(p, |a| a.span.start);
        if start != p {
            let before = &norm[p..start];
            if let Some(m) = SESSION_PREFIX
                .find(before)
                .filter(|_| head.class == Class::Event)
            {
                start = p + m.start();
            } else if let Some(m) = ORDINAL_PREFIX.find(before) {
                // (the ordinal, not the words before it: 值此第五届南亚…)
                start = p + m.start();
            } else if lex
                .words
                .list(List::NameQualifiers)
                .iter()
                .any(|w| w == before)
            {
                start = p;
            }
            boundary = false;
        }
        // 和 joins two names: the name after it starts at its own anchor (but not the
        // parties of a joint statement: 甲国和乙国联合声明)
        let joint = pair_title
            || (matches!(head.class, Class::Event | Class::Agreement)
                && chain_anchors.iter().all(|a| a.id.class == Class::State)
                && ORDINAL.is_match(&norm[start..hs]));
        if !joint
            && let Some((last_and, joiner)) =
                rfind_any(&norm[start..hs], lex.words.list(List::NameJoiners))
        {
            let after = start + last_and + joiner.len();
            if let Some(a) = chain_anchors.iter().find(|a| a.span.start == after) {
                start = a.span.start;
                chain_anchors.retain(|x| x.span.start >= start);
                boundary = true;
            }
        }
        // 峰会和外长会议: two meetings listed, not one name; the second starts after the
        // joiner and must name itself
        if head.class == Class::Event
            && let Some((k, joiner)) =
                rfind_any(&norm[start..hs], lex.words.list(List::NameJoiners))
            && lex.heads.iter().any(|h| {
                h.class == Class::Event && norm[start..start + k].ends_with(h.head.as_str())
            })
        {
            start += k + joiner.len();
            chain_anchors.retain(|x| x.span.start >= start);
            boundary = ORDINAL_START.is_match(&norm[start..hs]);
        }
        let anchored = !chain_anchors.is_empty();
        let name = &norm[start..he];
        if !anchored && !boundary {
            // 关于…的磋商纪要: a descriptive title
            if head.class == Class::Agreement
                && let Some((k, _)) = rfind_any(&norm[..hs], lex.words.list(List::About))
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
            || starts_with_any(name, lex.words.list(List::Determiners))
        {
            continue;
        }
        if ends_with_any(name, lex.words.list(List::CommonNouns)) {
            continue;
        }
        let before_head = &norm[start..hs];
        if head.class == Class::Event
            && (ends_with_any(before_head, lex.words.list(List::GenericOccasions))
                || ends_with_any(before_head, lex.words.list(List::MeetingObjectVerbs))
                || lex.words.contains(List::BareOccasions, before_head))
        {
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
            _ => (name.replace(['《', '》', '“', '”'], ""), None),
        };
        let mut label = match &definition {
            Some(d) if d.start >= start => label.replacen(&norm[d.clone()], "", 1),
            _ => label,
        };
        for a in abbreviations.iter().filter(|a| a.start >= start) {
            label = label.replacen(&norm[a.clone()], "", 1);
        }
        let mut c = Candidate::new(
            start..he,
            head.class,
            &label,
            &label,
            format!("rule:head-{}", head.head),
        );
        c.parent = parent;
        out.push(c);
        // a title a meeting is named after (《公约》缔约方大会) is mentioned too, and so is
        // a name a definition in the name defines
        for a in chain_anchors.iter().filter(|a| {
            a.span.start >= start
                && (a.id.class == Class::Agreement
                    || definition.as_ref().is_some_and(|d| d.start == a.span.end))
        }) {
            let mut inner = (*a).clone();
            inner.nested = true;
            out.push(inner);
        }
    }
    // the body or meeting that issues a descriptive title opens it (亚信第五次外长会议关于…的
    // 宣言): a name, known or made here, that ends where 关于 begins
    let issuers: Vec<(usize, usize)> = anchors
        .iter()
        .chain(out.iter())
        .filter(|a| {
            !a.nested
                && matches!(
                    a.id.class,
                    Class::Event | Class::Organization | Class::State
                )
        })
        .map(|a| (a.span.end, a.span.start))
        .collect();
    for c in out.iter_mut().filter(|c| c.rule == "rule:head-about") {
        // (issuers joined by 和 or 、: 中华人民共和国和乌拉圭东岸共和国关于…)
        let issuer_ending = |at: usize| {
            issuers
                .iter()
                .filter(|(e, _)| *e == at)
                .map(|(_, s)| *s)
                .min()
        };
        let mut start = c.span.start;
        while let Some(s) = issuer_ending(start) {
            start = s;
            let joined = lex
                .words
                .list(List::NameJoiners)
                .iter()
                .map(String::as_str)
                .chain(["、"])
                .find_map(|j| norm[..start].strip_suffix(j))
                .map(str::len);
            if let Some(before) = joined
                && issuer_ending(before).is_some()
            {
                start = before;
            }
        }
        if start < c.span.start {
            let label = norm[start..c.span.end].to_string();
            *c = Candidate::new(
                start..c.span.end,
                Class::Agreement,
                &label,
                &label,
                "rule:head-about",
            );
        }
    }
    out
}

/// Anniversaries: a war's mention (an event of the lexicon) followed by N周年, with what it
/// marks between them where that is a [`List::AnniversaryOccasions`] word (胜利八十周年).
/// The inner mention stays, nested.
pub fn anniversary_candidates(rules: &Rules, norm: &str, anchors: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for a in anchors {
        // (a war's: the anniversary of a body's founding or of relations, 某组织成立二十周年,
        // 两国建交50周年, is an occasion the genre's annotators never count as an event)
        if a.id.class != Class::Event {
            continue;
        }
        // 上海合作组织宪章签署20周年: a longer name (an agreement) starts at the mention, so
        // what comes of age is that one, no meeting or body
        if anchors.iter().any(|b| {
            !b.nested && b.span.start == a.span.start && b.span.end > a.span.end && b.id != a.id
        }) {
            continue;
        }
        if let Some(caps) = rules.anniversary.captures(&norm[a.span.end..]) {
            let m = caps.get(0).unwrap();
            let suffix = m.as_str();
            // (what stands between the name and the number is part of the occasion's name:
            // not 中国即将迎来成立70周年)
            if !suffix.chars().all(|c| rules.is_name_char(c)) {
                continue;
            }
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
            let occasion = format!("{}{}", caps.get(1).map_or("", |g| g.as_str()), &caps[2]);
            let key = format!("{prefix}{}{occasion}", a.id.key);
            let mut c = Candidate::new(span, Class::Event, &key, &label, "rule:anniversary");
            c.parent = Some(a.id.clone());
            out.push(c);
        }
    }
    out
}

/// 华 in 来华, 访华 … — China: the last character of a [`List::ChinaShort`] word, unless a
/// [`List::ChinaShortBreakers`] word follows (华人, 华侨).
pub fn china_short_candidates(lex: &Lexicon, rules: &Rules, norm: &str) -> Vec<Candidate> {
    let Some(i) = lex.state("CHN") else {
        return Vec::new();
    };
    let breakers = lex.words.list(List::ChinaShortBreakers);
    rules
        .china_short
        .find_iter(norm)
        .filter(|m| !starts_with_any(&norm[m.end()..], breakers))
        .map(|m| {
            let last = m.as_str().chars().next_back().map_or(0, char::len_utf8);
            let mut c = from_target(lex, Target::State(i), m.end() - last..m.end());
            c.rule = "rule:china-short".into();
            c
        })
        .collect()
}

/// The states of a compound of their one-character forms (中俄两国, 俄中关系, 中日韩合作),
/// one mention a character, where a [`List::CompoundFollowers`] word follows it and the
/// document names one of its states by name: each character the one state it stands for,
/// or of those it may stand for the one the document names
/// ([`super::clauses::compound`]). A character inside another name is no part of one
/// (其中俄罗斯).
pub fn compound_candidates(lex: &Lexicon, norm: &str, anchors: &[Candidate]) -> Vec<Candidate> {
    let known: Vec<EntityId> = anchors
        .iter()
        .filter(|a| a.id.class == Class::State)
        .map(|a| a.id.clone())
        .collect();
    if known.is_empty() {
        return Vec::new();
    }
    // the bytes inside other names (a title's or a meeting's name may hold a compound:
    // 中蒙老三国外长会议联合声明)
    let mut covered = vec![false; norm.len()];
    for a in anchors
        .iter()
        .filter(|a| !matches!(a.id.class, Class::Agreement | Class::Event))
    {
        covered[a.span.clone()].fill(true);
    }
    let inside = |at: usize| covered[at];
    let followers = lex.words.list(List::CompoundFollowers);
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in norm.char_indices() {
        if i < from || inside(i) || lex.states_abbreviated(c).is_empty() {
            continue;
        }
        let Some((states, len)) = super::clauses::compound_of(lex, &norm[i..], &known, false)
        else {
            continue;
        };
        // (every character outside other names, and the compound ends a word)
        let free = norm[i..i + len].char_indices().all(|(k, _)| !inside(i + k));
        if !free
            || !states.iter().any(|s| known.contains(s))
            || !starts_with_any(&norm[i + len..], followers)
        {
            continue;
        }
        for ((k, c), state) in norm[i..i + len].char_indices().zip(&states) {
            let Some(t) = lex.state(&state.key) else {
                continue;
            };
            let mut m = from_target(lex, Target::State(t), i + k..i + k + c.len_utf8());
            m.rule = super::clauses::COMPOUND_RULE.into();
            out.push(m);
        }
        from = i + len;
    }
    out
}

/// Persons named by a title: a signature or by-line (国名+title, white space, name), 尊敬的X总统,
/// and state+title+name in running text when a verb or punctuation follows the name.
pub fn person_candidates(
    lex: &Lexicon,
    rules: &Rules,
    norm: &str,
    anchors: &[Candidate],
) -> Vec<Candidate> {
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
            // (a by-line may go on with its date, 某国主席 某某 2022年12月9日于某城, or, on a
            // page that lost its line breaks, with the speech's address: 某某 尊敬的各位来宾)
            let line = match line.split_once([' ', '\u{3000}']) {
                Some((name, rest))
                    if rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
                        || starts_with_any(
                            rest.trim_start(),
                            lex.words.list(List::SpeechOpenings),
                        ) =>
                {
                    name
                }
                _ => line,
            };
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
        if let Some((k, address)) = rfind_any(
            &norm[from..t.start],
            lex.words.list(List::RespectfulAddress),
        )
        .map(|(k, w)| (from + k, w))
        {
            let start = k + address.len();
            let name = &norm[start..t.start];
            let n = name.chars().count();
            if (2..=8).contains(&n)
                && name.chars().all(|c| is_han(c) || c == '·')
                && !anchors
                    .iter()
                    .any(|a| a.span.start < t.start && a.span.end > start)
            {
                out.push(person(start..t.start, name, "rule:person-honorific"));
                continue;
            }
        }
        // state or organization + title (兼 title …) + name + (verb | punctuation)
        let mut title_start = t.start;
        while let Some(joiner) = lex
            .words
            .list(List::TitleJoiners)
            .iter()
            .find(|w| norm[..title_start].ends_with(w.as_str()))
        {
            let end = title_start - joiner.len();
            let from = back(norm, end, 32);
            let before = &norm[from..end];
            match lex.find_titles(before).last() {
                Some((r, _)) if r.end == before.len() => title_start = from + r.start,
                _ => break,
            }
        }
        // the title of a state, an organization or a ministry (商务部部长), or of the next
        // person of a list (外长王一、贸易和工业部长李二)
        let after_state = named_ends.contains(&title_start)
            || ends_with_any(&norm[..title_start], lex.words.list(List::TitleBodyEndings))
            // a minister's portfolio between his state and the title (南非国际关系与合作部长)
            || title.role == crate::lexicon::Role::Minister && {
                let from = back(norm, title_start, 10);
                norm[from..title_start].char_indices().any(|(k, _)| {
                    let gap = &norm[from + k..title_start];
                    named_ends.contains(&(from + k))
                        && gap.chars().all(is_han)
                        && lex.find_titles(gap).next().is_none()
                })
            }
            || {
                // (or 和: 外交部长王一和商务部长李二)
                let from = back(norm, title_start, 12);
                norm[from..title_start]
                    .match_indices(['、', '和', '及', '与'])
                    .any(|(k, sep)| {
                        let at = from + k;
                        out.iter().any(|p: &Candidate| p.span.end == at)
                            && !norm[at + sep.len()..title_start].contains(['，', '。', '；', '：'])
                    })
            };
        if after_state
            && title.role != crate::lexicon::Role::Honorific
            && let Some(len) = name_before_verb(rest, lex.words.list(List::AfterPersonName), rules)
            // (a stop character may stand in a transliterated name after its dot: 其米德)
            && !rest[..len]
                .split('·')
                .next()
                .unwrap_or("")
                .contains(|c: char| rules.person_stop_chars.contains(&c))
            && !lex.find_titles(&rest[..len]).any(|_| true)
            // (主席国印度为会议: a state's name is no person's)
            && !lex.find_entities(&rest[..len]).any(|(r, targets)| {
                rest[r].chars().count() >= 2
                    && targets.iter().any(|t| {
                        matches!(t, Target::State(_) | Target::Org(_) | Target::Place(_))
                    })
            })
            && !starts_with_any(&rest[..len], lex.words.list(List::TitleJoiners))
            // 高级代表出席: a verb, no name
            && !starts_with_any(&rest[..len], lex.words.list(List::AfterPersonName))
        {
            let name = &rest[..len];
            out.push(person(t.end..t.end + len, name, "rule:person-title"));
        }
    }
    out
}

/// The byte offset where the `chars` characters after `start` end (or the text's end).
fn ahead(norm: &str, start: usize, chars: usize) -> usize {
    norm[start..]
        .char_indices()
        .nth(chars)
        .map_or(norm.len(), |(i, _)| start + i)
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

/// The length (bytes) of a 2–4 character name at the start of `rest` that one of
/// `after` (a speech verb, a preposition or punctuation), a stop character or a day of the
/// month (温家宝七日出席) follows. A name holds none of the words of `after` that are two
/// characters or more (会见记者时表示: no name).
fn name_before_verb(rest: &str, after: &[String], rules: &Rules) -> Option<usize> {
    let mut ends = Vec::new();
    for (i, (b, c)) in rest.char_indices().enumerate() {
        if !(is_han(c) || c == '·') || i >= 12 {
            break;
        }
        ends.push(b + c.len_utf8());
    }
    // prefer the shortest name that a cue or a stop character follows (普京表示, not 普京表;
    // 罗德里戈向会议致辞); a transliterated name with · may be longer (马克西姆·雷申科)
    ends.into_iter()
        .enumerate()
        .skip(1)
        .take_while(|&(i, e)| i < 6 || rest[..e].contains('·'))
        .find(|(_, e)| {
            // (朴京和、: a final 和 before punctuation is the name's)
            let name_final = rest[*e..].chars().next().is_some_and(|c| {
                rules.name_final_chars.contains(&c)
                    && rest[*e + c.len_utf8()..].starts_with(['、', '，', '。', '；', '：', '（'])
            });
            !name_final
                && (starts_with_any(&rest[*e..], after)
                    || rules.day.is_match(&rest[*e..])
                    || rest[*e..]
                        .chars()
                        .next()
                        .is_some_and(|c| rules.person_stop_chars.contains(&c)))
        })
        .map(|(_, e)| e)
        .filter(|&e| !holds_after_word(after, &rest[..e]))
}

/// Whether `name` holds one of the words of `after` ([`List::AfterPersonName`]) that are
/// two characters or more: then it is no name (时表示).
fn holds_after_word(after: &[String], name: &str) -> bool {
    after
        .iter()
        .any(|w| w.chars().count() >= 2 && name.contains(w.as_str()))
}

/// Transliterated names with a middle dot (阿里别克·努尔兰, 玛丽亚·索科洛娃), wherever they
/// stand: each part of Chinese characters, the first at most six and the others at most
/// eight, bounded by punctuation, a title or known name before it, a
/// [`List::PersonStopChars`] character, a list separator or an [`List::AfterPersonName`]
/// word; the whole no known name. Also a reporter's name after 记者 (新华社记者 林晓舟).
pub fn dotted_candidates(
    lex: &Lexicon,
    rules: &Rules,
    norm: &str,
    anchors: &[Candidate],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let words = &lex.words;
    let stops = |c: char| !is_han(c) || rules.person_stop_chars.contains(&c);
    let anchor_end = |p: usize| anchors.iter().any(|a| a.span.end == p && !a.nested);
    for (dot, _) in norm.match_indices('·') {
        // the first part: back from the dot
        let mut start = dot;
        // (a hyphen may join two names in the first part: 阿卜杜勒-阿齐兹·布特弗利卡)
        let mut hyphened = false;
        for (n, (i, c)) in norm[..dot].char_indices().rev().enumerate() {
            let after = i + c.len_utf8();
            if c == '—' && !hyphened && n > 0 && norm[..i].chars().next_back().is_some_and(is_han)
            {
                hyphened = true;
                continue;
            }
            if n == if hyphened { 12 } else { 6 }
                || stops(c)
                || anchor_end(after)
                || words
                    .list(List::ListSeparators)
                    .iter()
                    .any(|w| norm[..after].ends_with(w.as_str()))
            {
                break;
            }
            if lex
                .find_titles(&norm[back(norm, i + c.len_utf8(), 8)..i + c.len_utf8()])
                .any(|(r, _)| back(norm, i + c.len_utf8(), 8) + r.end == i + c.len_utf8())
            {
                break;
            }
            start = i;
        }
        if start == dot || norm[..start].ends_with('·') {
            continue; // not a first part, or a later dot of a name already read
        }
        // the later parts
        let mut end = dot;
        let mut at = dot;
        while norm[at..].starts_with('·') {
            let part = at + '·'.len_utf8();
            let mut e = part;
            for (n, (i, c)) in norm[part..].char_indices().enumerate() {
                let here = part + i;
                if n == 8
                    || !is_han(c)
                    || starts_with_any(&norm[here..], words.list(List::ListSeparators))
                    || (here > part
                        && (starts_with_any(&norm[here..], words.list(List::AfterPersonName))
                            || starts_with_any(&norm[here..], words.list(List::Honorifics))
                            || lex
                                .find_titles(&norm[here..ahead(norm, here, 8)])
                                .next()
                                .is_some_and(|(r, _)| r.start == 0)))
                {
                    break;
                }
                e = here + c.len_utf8();
            }
            if e == part {
                break;
            }
            end = e;
            at = e;
        }
        if end == dot {
            continue;
        }
        let name = &norm[start..end];
        if anchors
            .iter()
            .any(|a| a.span.start <= start && end <= a.span.end)
        {
            continue;
        }
        out.push(person(start..end, name, "rule:person-dotted"));
    }
    // 记者 林晓舟: a name that is the whole run of characters after the word (a longer run,
    // 记者张三北京十二月一日电, holds more than the name)
    for word in words.list(List::ReporterWords) {
        for (at, _) in norm.match_indices(word.as_str()) {
            let from = at + word.len();
            let rest = norm[from..].trim_start_matches([' ', '\u{3000}']);
            let skip = norm.len() - from - rest.len();
            let n = rest.chars().take_while(|&c| is_han(c) || c == '·').count();
            let name: String = rest.chars().take(n).collect();
            // (会见记者时表示: a verb, no name)
            if ((2..=4).contains(&n) || (name.contains('·') && n <= 12))
                && !holds_after_word(words.list(List::AfterPersonName), &name)
            {
                let mut start = from + skip;
                let mut name = name;
                // and the reporters listed after it (记者 朱超、吴嘉林): each a whole run
                // that a separator, a bracket or a space ends
                loop {
                    out.push(person(
                        start..start + name.len(),
                        &name,
                        "rule:person-reporter",
                    ));
                    let next = start + name.len();
                    // (or after a space: 记者 章小河 李大江)
                    let Some(rest) = ['、', ' ', '\u{3000}']
                        .into_iter()
                        .find_map(|sep| norm[next..].strip_prefix(sep))
                    else {
                        break;
                    };
                    let n = rest.chars().take_while(|&c| is_han(c) || c == '·').count();
                    let following: String = rest.chars().take(n).collect();
                    let ends_list = rest[following.len()..]
                        .starts_with(['、', '）', ')', ' ', '\u{3000}', '\n']);
                    if !(2..=4).contains(&n) || !ends_list {
                        break;
                    }
                    start = next + (norm.len() - next - rest.len());
                    name = following;
                }
            }
        }
    }
    out
}

/// Persons named with a [`List::Honorifics`] word (我祝贺克勒希先生): the name runs back
/// from the honorific to punctuation, a [`List::NameStopChars`] character or a
/// [`List::BeforeHonorific`] word, and is no title.
pub fn honorific_candidates(
    lex: &Lexicon,
    rules: &Rules,
    norm: &str,
    anchors: &[Candidate],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for word in lex.words.list(List::Honorifics) {
        for (at, _) in norm.match_indices(word.as_str()) {
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
            let cut = lex
                .words
                .list(List::BeforeHonorific)
                .iter()
                .filter_map(|w| run.rfind(w.as_str()).map(|i| i + w.len()))
                .max()
                .unwrap_or(0);
            let cut = cut.max(
                run.rfind(|c: char| rules.name_stop_chars.contains(&c))
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

#[cfg(test)]
mod tests {
    use crate::extract::testing::check_mentions;

    /// For each rule, a text where it fires and one where it must not.
    #[test]
    fn each_rule_fires_and_holds_back() {
        check_mentions(&[
            // the lexicon
            (
                "俄罗斯和哈萨克斯坦",
                "lexicon:states.tsv#",
                &["俄罗斯", "哈萨克斯坦"],
            ),
            ("罗斯和萨克", "lexicon:states.tsv#", &[]),
            // X方
            ("俄方支持。", "lexicon:states.tsv#RUS:side", &["俄方"]),
            ("俄方面临挑战。", "lexicon:states.tsv#RUS:side", &[]),
            // an ambiguous X方 by a city or a person of one reading
            (
                "峰会在撒马尔罕举行，乌方作为主席国。",
                "lexicon:states.tsv#UZB:side",
                &["乌方"],
            ),
            ("峰会举行，乌方作为主席国。", ":side", &[]),
            // a word that is a side only where the document names one of its states
            (
                "土库曼斯坦总统访华。土方重申支持。",
                "lexicon:states.tsv#TKM:side",
                &["土方"],
            ),
            ("土方工程进展顺利。", ":side", &[]),
            ("土耳其和土库曼斯坦代表出席。土方重申支持。", ":side", &[]),
            (
                "土耳其总统表示，土方工程开工。",
                "lexicon:states.tsv#TUR:side",
                &[],
            ),
            // a compound of one-character forms, where the text names one of its states
            (
                "蒙古国总统到访。中蒙两国同意，蒙中关系很好。",
                "rule:compound",
                &["中", "蒙", "蒙", "中"],
            ),
            ("中蒙两国同意加强合作。", "rule:compound", &[]),
            ("蒙古国总统到访。中蒙之外的事", "rule:compound", &[]),
            ("蒙古国和美国在中美洲合作。", "rule:compound", &[]),
            ("过程中蒙古国合作。", "rule:compound", &[]),
            (
                "巴西和巴基斯坦代表团到访。中巴关系很好。",
                "rule:compound",
                &[],
            ),
            (
                "巴西代表团到访。中巴关系很好。",
                "rule:compound",
                &["中", "巴"],
            ),
            // a name ends before a word of time or a verb (今天, 访华, 作为, 进行)
            (
                "蒙古国外长巴图今天在金城会见记者。",
                "rule:person",
                &["巴图"],
            ),
            (
                "自老挝总统坎蓬访华以来，关系很好。",
                "rule:person",
                &["坎蓬"],
            ),
            (
                "蒙古国外长巴图作为主席国代表发言。",
                "rule:person",
                &["巴图"],
            ),
            (
                "陪同人员：雷克·伯恩斯博士。",
                "rule:person",
                &["雷克·伯恩斯"],
            ),
            // a name starts after a dateline, the title line's too
            (
                "两国元首会谈\n新华社金城5月3日电中蒙联合声明发表。双方同意。",
                "rule:head-声明",
                &["中蒙联合声明"],
            ),
            (
                "新华社金城5月3日电中蒙联合声明\n双方同意。",
                "rule:title-line",
                &["中蒙联合声明"],
            ),
            (
                "甲国和乙国联合声明\n双方同意。",
                "rule:title-line",
                &["甲国和乙国联合声明"],
            ),
            // titles in 《》 and quotes, nested titles
            (
                "签署《睦邻友好合作条约》。",
                "rule:title-brackets",
                &["睦邻友好合作条约"],
            ),
            (
                "电视剧《山海情》和《上海合作组织宪章》，以及《中国对非洲政策文件》。",
                "rule:title-brackets",
                &["上海合作组织宪章", "中国对非洲政策文件"],
            ),
            (
                "各方落实《伊斯坦布尔进程》和《东盟印太展望》。",
                "rule:title-brackets",
                &["伊斯坦布尔进程", "东盟印太展望"],
            ),
            ("亚信举行峰会和外长会议。", "rule:head-", &[]),
            // a hyphen joins two names as the dash does (the lexicon writes 澜沧江—湄公河合作)
            (
                "澜沧江-湄公河合作第九次外长会在金城举行。",
                "rule:head-",
                &["澜沧江—湄公河合作第九次外长会"],
            ),
            // the states of a meeting of a series, listed in its name; not without the ordinal
            (
                "巴西、智利、秘鲁外长第三次会晤在金城举行。",
                "rule:head-",
                &["巴西、智利、秘鲁外长第三次会晤"],
            ),
            (
                "巴西、智利外长会晤在金城举行。",
                "rule:head-",
                &["智利外长会晤"],
            ),
            // the parties of a joint communiqué are in its name; two texts joined by 和 are two
            (
                "两国发表中华人民共和国与哥斯达黎加共和国联合公报。",
                "rule:head-",
                &["中华人民共和国与哥斯达黎加共和国联合公报"],
            ),
            // a verb with 了 before a bare name opens it as the verb does
            ("双方发表了联合公报。", "rule:head-", &["联合公报"]),
            ("双方了联合公报。", "rule:head-", &[]),
            // a plus in a name (中国+中亚五国)
            (
                "中国+中亚五国外长第二次会议在金城举行。",
                "rule:head-",
                &["中国+中亚五国外长第二次会议"],
            ),
            // a definition in brackets inside a name; the name it defines stays mentioned
            (
                "各方举行中国—阿拉伯国家合作论坛（以下简称“中阿论坛”）第十一届部长级会议。",
                "rule:head-",
                &["中国—阿拉伯国家合作论坛（以下简称“中阿论坛”）第十一届部长级会议"],
            ),
            (
                "各方举行中国—阿拉伯国家合作论坛（以下简称“中阿论坛”）第十一届部长级会议。",
                "lexicon:organizations",
                &["中国—阿拉伯国家合作论坛"],
            ),
            // the meeting of a title line, nested in it
            (
                "金砖国家领导人第二十次会晤金城宣言\n\n我们重申支持多边主义。",
                "rule:head-会晤",
                &["金砖国家领导人第二十次会晤"],
            ),
            (
                "金砖国家金城宣言\n\n我们重申支持多边主义。",
                "rule:head-",
                &[],
            ),
            (
                "会议通过了上海合作组织成员国元首理事会关于加强合作、共同发展的声明。",
                "rule:head-about",
                &["上海合作组织成员国元首理事会关于加强合作、共同发展的声明"],
            ),
            ("两国元首在友好气氛中举行会谈。", "rule:place", &[]),
            ("各方欢迎中国于明年举办第三次会议。", "rule:place", &[]),
            (
                "各方欢迎中国于金城举办第三次会议。",
                "rule:place",
                &["金城"],
            ),
            ("两国元首在阿拉套举行会谈。", "rule:place", &["阿拉套"]),
            ("两国元首在新一轮对话中举行会谈。", "rule:place", &[]),
            (
                "双方发表中华人民共和国和乌拉圭东岸共和国关于深化合作的联合声明。",
                "rule:head-about",
                &["中华人民共和国和乌拉圭东岸共和国关于深化合作的联合声明"],
            ),
            (
                "会议通过了关于加强合作、共同发展的声明。",
                "rule:head-about",
                &["关于加强合作、共同发展的声明"],
            ),
            (
                "杜尚别峰会和第五次外长会议取得成功。",
                "rule:head-会议",
                &["第五次外长会议"],
            ),
            (
                "阅读《人民日报》和《求是》杂志。",
                "rule:title-brackets",
                &[],
            ),
            (
                "通过“上海合作组织宪章”。",
                "rule:title-quoted",
                &["上海合作组织宪章"],
            ),
            ("推动“两国方案”。", "rule:title-quoted", &[]),
            (
                "落实《关于〈联合国宪章〉的决议》。",
                "rule:title-nested",
                &["联合国宪章"],
            ),
            ("落实《关于〈人民日报〉的决议》。", "rule:title-nested", &[]),
            // head nouns: after a known name, after 关于; determiners and generic occasions
            (
                "上合组织青年委员会开会。",
                "rule:head-委员会",
                &["上合组织青年委员会"],
            ),
            ("欢迎所有国家和国际组织参加。", "rule:head-", &[]),
            // after a boundary word; 和 between two names
            (
                "决定建立青年交流中心。",
                "rule:head-中心",
                &["青年交流中心"],
            ),
            ("决定青年交流中心。", "rule:head-中心", &[]),
            (
                "中国和上合组织青年委员会",
                "rule:head-委员会",
                &["上合组织青年委员会"],
            ),
            (
                "中国上合组织青年委员会",
                "rule:head-委员会",
                &["中国上合组织青年委员会"],
            ),
            (
                "签署关于深化合作的联合公报。",
                "rule:head-about",
                &["关于深化合作的联合公报"],
            ),
            ("深化合作的联合公报。", "rule:head-about", &[]),
            ("出席上海合作组织下次会议。", "rule:head-会议", &[]),
            ("双方同意定期举行两国领导人会晤。", "rule:head-", &[]),
            ("各方轮流举办外长会议。", "rule:head-", &[]),
            (
                "各方出席东盟外长会议。",
                "rule:head-会议",
                &["东盟外长会议"],
            ),
            ("双方同意举行两国外长年度会晤。", "rule:head-", &[]),
            // a verb whose object the meeting is; a gloss in brackets inside a name
            ("上合组织观察员国代表列席会议。", "rule:head-会议", &[]),
            (
                "上合组织成员国政府首脑（总理）理事会第五次会议在某城举行。",
                "rule:head-会议",
                &["上合组织成员国政府首脑（总理）理事会第五次会议"],
            ),
            (
                "上合组织成员国（某某某某某）会议举行。",
                "rule:head-会议",
                &[],
            ),
            // an ordinal before a quoted name
            (
                "支持第三届“绿色丝路”合作论坛。",
                "rule:head-论坛",
                &["第三届“绿色丝路”合作论坛"],
            ),
            (
                "支持第三屆「綠色絲路」合作論壇。",
                "rule:head-论坛",
                &["第三届“绿色丝路”合作论坛"],
            ),
            // an ordinal after other words opens the name
            (
                "值此第五届南亚商品博览会开幕之际，",
                "rule:head-博览会",
                &["第五届南亚商品博览会"],
            ),
            (
                "值此第五届蓝湖商品博览会开幕之际，",
                "rule:head-博览会",
                &["第五届蓝湖商品博览会"],
            ),
            // a session of a series named after a known name
            (
                "出席第九届夏季达沃斯论坛。",
                "rule:head-论坛",
                &["第九届夏季达沃斯论坛"],
            ),
            ("出席夏季达沃斯论坛。", "rule:head-论坛", &["达沃斯论坛"]),
            // anniversaries
            (
                "纪念第二次世界大战胜利八十周年。",
                "rule:anniversary",
                &["第二次世界大战胜利八十周年"],
            ),
            ("庆祝上海合作组织成立二十周年。", "rule:anniversary", &[]),
            ("第二次世界大战结束八十年。", "rule:anniversary", &[]),
            ("中国即将迎来成立七十周年。", "rule:anniversary", &[]),
            // 华
            ("欢迎总统访华。", "rule:china-short", &["华"]),
            ("欢迎来华人员。", "rule:china-short", &[]),
            // persons: signature, 尊敬的 X 总统, state + title + name, honorifics
            (
                "吉尔吉斯共和国总统\t王小明\n",
                "rule:person-signature",
                &["王小明"],
            ),
            (
                "吉尔吉斯共和国总统 王小明 尊敬的各位来宾，",
                "rule:person-signature",
                &["王小明"],
            ),
            (
                "吉尔吉斯共和国总统 王小明 李大刚\n",
                "rule:person-signature",
                &[],
            ),
            (
                "吉尔吉斯共和国总统\t先生，您好\n",
                "rule:person-signature",
                &[],
            ),
            ("尊敬的王小明总统：", "rule:person-honorific", &["王小明"]),
            ("尊敬的总统：", "rule:person-honorific", &[]),
            ("俄罗斯总统王小明表示，", "rule:person-title", &["王小明"]),
            ("俄罗斯总统会在果阿表示，", "rule:person-title", &[]),
            // transliterated names with a middle dot, a hyphen in the first part
            (
                "会见了玛丽亚·索科洛娃。",
                "rule:person-dotted",
                &["玛丽亚·索科洛娃"],
            ),
            (
                "总统阿卜杜勒-阿齐兹·布特弗利卡出席。",
                "rule:person-dotted",
                &["阿卜杜勒—阿齐兹·布特弗利卡"],
            ),
            ("中国—东盟·合作。", "rule:person-dotted", &[]),
            (
                "会见了诺罗敦·西哈努克前国王。",
                "rule:person-dotted",
                &["诺罗敦·西哈努克"],
            ),
            (
                "总统阿塔·别克应中华人民共和国主席邀请访华。",
                "rule:person-dotted",
                &["阿塔·别克"],
            ),
            (
                "韩国外长朴京和、日本外相王一出席。",
                "rule:person-title",
                &["朴京和", "王一"],
            ),
            (
                "韩国外长朴京和日本外相王一出席。",
                "rule:person-title",
                &["朴京", "王一"],
            ),
            (
                "俄罗斯总统兼外交部长王小明表示，",
                "rule:person-title",
                &["王小明"],
            ),
            ("俄罗斯总统和外交部长王小明表示，", "rule:person-title", &[]),
            (
                "我祝贺王小明先生当选。",
                "rule:person-honorific",
                &["王小明"],
            ),
            ("我祝贺总统先生当选。", "rule:person-honorific", &[]),
            // the longest head ending at an offset decides: a venue, no body
            (
                "代表团参观北京国际会议中心。",
                "rule:head-国际会议中心",
                &["北京国际会议中心"],
            ),
            ("代表团参观北京国际会议中心。", "rule:head-中心", &[]),
            // a common noun ending in a head names nothing
            ("推动构建青河命运共同体。", "rule:head-", &[]),
            // a verb before a known name stays out of the name built on it
            ("坚持联合国宪章。", "rule:head-宪章", &["联合国宪章"]),
            // a quoted name opens a name, when a name follows it
            (
                "评价在北京举行的“青河大道”国际合作高峰论坛。",
                "rule:head-论坛",
                &["“青河大道”国际合作高峰论坛"],
            ),
            ("推动“青河大道”论坛。", "rule:head-论坛", &[]),
            ("签署一份主席声明。", "rule:head-", &[]),
            // a minister's title after his ministry, the next person of a list
            (
                "青河国商务部部长王小明出席。",
                "rule:person-title",
                &["王小明"],
            ),
            (
                "俄罗斯外长王小明、贸易和工业部长李大山出席。",
                "rule:person-title",
                &["王小明", "李大山"],
            ),
            ("俄罗斯总统出席会议。", "rule:person-title", &[]),
            // a day of the month or a verb ends a name; a name holds no verb
            (
                "俄罗斯总统王小明七日出席会议，巴西总统李大山18日获邀发言。",
                "rule:person-title",
                &["王小明", "李大山"],
            ),
            ("这是智利总统李大山握手。", "rule:person-title", &["李大山"]),
            ("青河国总统在会见时表示，", "rule:person-title", &[]),
            ("王小明在会见记者时表示，", "rule:person-reporter", &[]),
            ("新华社记者 林晓舟 摄", "rule:person-reporter", &["林晓舟"]),
            // a minister's portfolio between his state and the title, the title after a body
            (
                "南非国际关系与合作部长王小明、金城国外交国际合作部大臣李大山出席。",
                "rule:person-title",
                &["王小明", "李大山"],
            ),
            (
                "青河国国民议会常务委员会委员长王小明会见了客人。",
                "rule:person-title",
                &["王小明"],
            ),
            ("南非代表团和合作部长出席。", "rule:person-title", &[]),
            (
                "我们感谢墨西哥总统罗德里戈向会议致辞。",
                "rule:person-title",
                &["罗德里戈"],
            ),
            ("俄罗斯总统府在克里姆林宫。", "rule:person-title", &[]),
            (
                "中国外交部长王一和商务部长李二出席会议。",
                "rule:person-title",
                &["王一", "李二"],
            ),
            (
                "中国外交部长王一和商务部长出席会议。",
                "rule:person-title",
                &["王一"],
            ),
            (
                "感谢二十国集团主席国印度为会议所做的安排。",
                "rule:person-title",
                &[],
            ),
            (
                "双方赞赏阿根廷总统米莱提出的倡议。",
                "rule:person-title",
                &["米莱"],
            ),
            (
                "主席会见柬埔寨国王林达、太后苏娜。",
                "rule:person-title",
                &["林达", "苏娜"],
            ),
            (
                "这是他以中国国家主席身份首次出访智利。",
                "rule:person-title",
                &[],
            ),
            // reporters listed after 记者
            (
                "新华社北京3月2日电（记者 王小明、李大山）",
                "rule:person-reporter",
                &["王小明", "李大山"],
            ),
            (
                "新华社北京3月2日电（记者 王小明 李大山）会议今天开幕。",
                "rule:person-reporter",
                &["王小明", "李大山"],
            ),
            (
                "新华社北京3月2日电（记者 王小明）会议 今天开幕。",
                "rule:person-reporter",
                &["王小明"],
            ),
            (
                "新华社北京3月2日电（记者 王小明）会议今天开幕、",
                "rule:person-reporter",
                &["王小明"],
            ),
        ]);
    }

    /// An editor's note after a title line is no part of the title.
    #[test]
    fn a_title_note_is_left_out() {
        let lex = crate::lexicon::Lexicon::builtin();
        for (title, bare) in [
            ("青河国和白山国联合声明（全文）", "青河国和白山国联合声明"),
            ("青河国和白山国联合声明（摘要）", "青河国和白山国联合声明"),
            ("青河宣言（草案）", "青河宣言（草案）"),
            ("青河宣言", "青河宣言"),
            // a page number after the note, or alone
            (
                "青河国和白山国联合声明（全文）（4）",
                "青河国和白山国联合声明",
            ),
            ("青河国和白山国联合声明（2）", "青河国和白山国联合声明"),
            ("青河宣言（2030）草案", "青河宣言（2030）草案"),
            // a date or a gazette's number
            ("青河会议联合公报(2030-11-19)", "青河会议联合公报"),
            ("青河会议联合公报（2030年27号）", "青河会议联合公报"),
            (
                "青河会议联合公报（2030年行动）",
                "青河会议联合公报（2030年行动）",
            ),
        ] {
            assert_eq!(super::without_title_note(&lex, title), bare);
        }
    }

    /// A Latin abbreviation in brackets inside a meeting's name is no part of its key: the
    /// name with and without it is one meeting.
    #[test]
    fn an_abbreviation_inside_a_name_is_left_out_of_its_key() {
        let found = crate::extract::testing::mentions(
            "上合组织（SCO）外长会议在某城举行。上合组织外长会议成果丰硕。",
        );
        let keys: Vec<&str> = found
            .iter()
            .filter(|(_, rule, _)| rule == "rule:head-会议")
            .map(|(_, _, key)| key.as_str())
            .collect();
        assert_eq!(keys, ["上海合作组织外长会议", "上海合作组织外长会议"]);
    }

    /// A web page's tag before the title on its line is no part of the title.
    #[test]
    fn a_title_tag_is_left_out() {
        let lex = crate::lexicon::Lexicon::builtin();
        for (line, title) in [
            ("青河峰会|青河国和白山国联合声明", "青河国和白山国联合声明"),
            ("青河峰会｜青河国和白山国联合声明", "青河国和白山国联合声明"),
            // no tag: nothing before the bar, or a tag as long as what follows
            ("|青河国和白山国联合声明", "|青河国和白山国联合声明"),
            (
                "青河国和白山国的合作|联合声明",
                "青河国和白山国的合作|联合声明",
            ),
            ("青河国和白山国联合声明", "青河国和白山国联合声明"),
        ] {
            assert_eq!(&line[super::title_tag_end(&lex, line)..], title, "{line}");
        }
    }
}
