//! Relations the text states or directly implies (SCHEMA.md "Relations between
//! entities"). Each rule reads mentions in their order within a sentence:
//!
//! - `headOf`: 国名 + head-of-state or government title + person (by-lines, signature
//!   blocks, 俄罗斯总统普京).
//! - `memberOf`: a declaration of "X成员国元首" signed by heads of state makes their states
//!   members of X; and X成员国S, S是X成员国, S加入X, 作为X成员国，S.
//! - `chairOf`: 主席国S (of the document's organization, or of the X before it),
//!   作为X…主席国，S, S担任…X主席国.
//! - `subOrganizationOf`: an organization whose name begins with another's
//!   (上合组织实业家委员会 → 上海合作组织), where that one is mentioned too (in any document
//!   of the file: relations to entities the file never mentions are dropped there).
//! - `signatory`, `date`, `location` of agreements and events: walking left from the
//!   agreement or event over "glue" (的, 在, 于, 举行, 签署, 商定, 、, 和 …), a date gives its
//!   date, a place after 在 its location, and states, organizations and persons before a
//!   signing verb its signatories; E于D在P举行 and D是E are read too.
//!
//! The words these patterns name (glue, signing verbs, list separators, 成员国, 主席国,
//! 担任 …) are lists of `data/rules/words.tsv` (their names in `crate::lexicon::List`);
//! only the function words 作为, 是, 等 and 轮值 are written here.

use super::fields::Fields;
use super::names::Candidate;
use crate::lexicon::{Lexicon, List, Target, Words};
use crate::model::{Annotated, Class, DocKind, EntityId, Property, Relation};

fn rel(subject: &EntityId, property: Property, object: &EntityId) -> Relation {
    Relation {
        subject: subject.clone(),
        property,
        object: object.clone(),
    }
}

/// Sentence-like stretches for relation rules: split at 。！？；, and line ends; a stretch
/// longer than [`super::statements::MAX_SENTENCE`] (a text without punctuation) is cut
/// after its last comma before that length, or at it, so the rules' work stays linear.
fn stretches(norm: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |mut s: usize, e: usize| {
        while e - s > super::statements::MAX_SENTENCE {
            let mut limit = s + super::statements::MAX_SENTENCE;
            while !norm.is_char_boundary(limit) {
                limit -= 1;
            }
            let cut = norm[s..limit]
                .rfind('，')
                .map_or(limit, |i| s + i + '，'.len_utf8());
            out.push(s..cut);
            s = cut;
        }
        out.push(s..e);
    };
    for (i, c) in norm.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '\n') {
            push(start, i);
            start = i + c.len_utf8();
        }
    }
    push(start, norm.len());
    out
}

// The function words of the memberOf and chairOf patterns (作为X成员国，S; S是X成员;
// S1、S2等X成员; 轮值主席国S); the nouns they combine with are word lists of words.tsv.
const AS: &str = "作为";
const AS_THIS_SESSIONS: &str = "作为本届";
const IS: &str = "是";
const ETC: &str = "等";
/// What stands between the states admitted and the organization admitting them (接收S为X成员国).
const AS_MEMBER: &str = "为";
const OF: &str = "的";
/// The counter of a number of states (21个).
const COUNTER: &str = "个";
/// What follows an organization's name in "its states' leaders" (阿盟国家领导人).
const MEMBER_STATES: &str = "成员国";
const STATES: &str = "国家";
const ROTATING: &str = "轮值";
const DASH: &str = "——";
/// What closes a definition in brackets after the name it defines (“本组织”）).
const CLOSING_QUOTES: &[char] = &['”', '"', '」', '’', '）', ')'];

/// Whether `gap` is made only of glue words, any number of them (an empty gap is).
fn is_glue(words: &Words, gap: &str) -> bool {
    let glue = words.list(List::Glue);
    // reached[i]: the glue words cover gap[..i]
    let mut reached = vec![false; gap.len() + 1];
    reached[0] = true;
    for i in 0..gap.len() {
        if !reached[i] {
            continue;
        }
        for w in glue.iter().filter(|w| gap[i..].starts_with(w.as_str())) {
            reached[i + w.len()] = true;
        }
    }
    reached[gap.len()]
}

/// Whether `s` holds a word of `list`.
fn contains_any(words: &Words, list: List, s: &str) -> bool {
    words.list(list).iter().any(|w| s.contains(w.as_str()))
}

/// Whether `s` begins with a word of `list`.
fn starts_with_any(words: &Words, list: List, s: &str) -> bool {
    words.list(list).iter().any(|w| s.starts_with(w.as_str()))
}

/// Whether `s` ends with a word of `list`.
fn ends_with_any(words: &Words, list: List, s: &str) -> bool {
    words.list(list).iter().any(|w| s.ends_with(w.as_str()))
}

/// Whether `s` begins with a member noun (成员, or a member-state noun: 成员国).
fn starts_with_member(words: &Words, s: &str) -> bool {
    starts_with_any(words, List::MemberNouns, s)
        || starts_with_any(words, List::MemberStateNouns, s)
}

/// Whether `s` is a member noun (成员, or a member-state noun: 成员国).
fn is_member(words: &Words, s: &str) -> bool {
    words.contains(List::MemberNouns, s) || words.contains(List::MemberStateNouns, s)
}

/// The longest chair noun (主席国) that `s` ends with.
fn chair_noun_ending<'w>(words: &'w Words, s: &str) -> Option<&'w str> {
    words
        .list(List::ChairNouns)
        .iter()
        .filter(|w| s.ends_with(w.as_str()))
        .min_by_key(|w| std::cmp::Reverse(w.len()))
        .map(String::as_str)
}

/// The first chair noun (主席国) in `s`: its byte offset and the noun (the longest of
/// those that start there).
fn first_chair_noun<'w>(words: &'w Words, s: &str) -> Option<(usize, &'w str)> {
    words
        .list(List::ChairNouns)
        .iter()
        .filter_map(|w| s.find(w.as_str()).map(|i| (i, w.as_str())))
        .min_by_key(|&(i, w)| (i, std::cmp::Reverse(w.len())))
}

/// The states of a list of leaders from `ms[0]` on (沙特王储穆罕默德、埃及总统塞西): each a
/// state, its leader's title and the leader, the items joined by list separators; and
/// where the last leader's name ends.
fn leader_list<'a>(words: &Words, norm: &str, ms: &[&'a Candidate]) -> (Vec<&'a Candidate>, usize) {
    let mut states = Vec::new();
    let mut end = ms[0].span.end;
    let mut i = 0;
    while let (Some(s), Some(p)) = (ms.get(i), ms.get(i + 1)) {
        let title = &norm[s.span.end..p.span.start];
        if s.id.class != Class::State
            || p.id.class != Class::Person
            || title.contains(['，', '。', '、', '；'])
            || title.chars().count() > 12
        {
            break;
        }
        states.push(*s);
        end = p.span.end;
        match ms.get(i + 2) {
            Some(n) if words.contains(List::ListSeparators, &norm[p.span.end..n.span.start]) => {
                i += 2;
            }
            _ => break,
        }
    }
    (states, end)
}

/// The states listed before `ms[j]` and `ms[j]` itself, left to right: S1、S2…和Sn, with
/// `ms[j]` as Sn (the chairs of 赞赏A、B、C担任X主席国时…).
fn state_list_ending<'a>(
    words: &Words,
    norm: &str,
    ms: &[&'a Candidate],
    j: usize,
) -> Vec<&'a Candidate> {
    let mut out = vec![ms[j]];
    let mut i = j;
    while i > 0 {
        let (p, m) = (ms[i - 1], ms[i]);
        if p.id.class != Class::State
            || !words.contains(List::ListSeparators, &norm[p.span.end..m.span.start])
        {
            break;
        }
        out.push(p);
        i -= 1;
    }
    out.reverse();
    out
}

/// The states and organizations listed from the start of `ms` (the members of a body
/// may be states and a union: 中国、美国以及欧盟).
fn member_items<'a>(words: &Words, norm: &str, ms: &[&'a Candidate]) -> Vec<&'a Candidate> {
    listed(words, norm, ms, |m| {
        matches!(m.id.class, Class::State | Class::Organization)
    })
}

/// The states listed from the start of `ms`: S1、S2…和Sn.
fn state_list<'a>(words: &Words, norm: &str, ms: &[&'a Candidate]) -> Vec<&'a Candidate> {
    listed(words, norm, ms, |m| m.id.class == Class::State)
}

/// The mentions from the start of `ms` that `accept` takes, joined by list separators.
fn listed<'a>(
    words: &Words,
    norm: &str,
    ms: &[&'a Candidate],
    accept: impl Fn(&Candidate) -> bool,
) -> Vec<&'a Candidate> {
    let mut out: Vec<&Candidate> = Vec::new();
    for m in ms {
        if !accept(m) {
            break;
        }
        if let Some(last) = out.last()
            && !words.contains(List::ListSeparators, &norm[last.span.end..m.span.start])
        {
            break;
        }
        out.push(m);
    }
    out
}

pub fn find(lex: &Lexicon, norm: &str, mentions: &[Candidate], fields: &Fields) -> Vec<Relation> {
    let words = &lex.words;
    let heads = heads_of_state(lex, norm, mentions);
    let mut out: Vec<Relation> = heads
        .iter()
        .map(|(p, s)| rel(p, Property::HeadOf, s))
        .collect();
    out.extend(declared_members(words, norm, mentions, fields, &heads));
    let main_org = voice_organization(lex, norm, mentions, fields);
    for range in stretches(norm) {
        let ms: Vec<&Candidate> = mentions
            .iter()
            .filter(|m| range.start <= m.span.start && m.span.end <= range.end && !m.nested)
            .collect();
        let stretch = Stretch {
            words,
            norm,
            range,
            ms,
            main_org: main_org.as_ref(),
            all: mentions,
        };
        for k in 0..stretch.ms.len() {
            stretch.memberships(k, &mut out);
            stretch.chairs(k, &mut out);
            stretch.agreement_facts(k, &mut out);
        }
    }
    // a state chairs an organization it belongs to
    let members: Vec<Relation> = out
        .iter()
        .filter(|r| r.property == Property::ChairOf && r.object.class == Class::Organization)
        .map(|r| rel(&r.subject, Property::MemberOf, &r.object))
        .collect();
    out.extend(members);
    out.extend(meeting_facts(lex, norm, mentions, fields));
    out.extend(sub_organizations(lex, mentions));
    let cities = venue_cities(lex, mentions, &out);
    out.extend(cities);
    out.sort();
    out.dedup();
    out
}

/// A speech delivered at an event on a day in a city says the event met then and there:
/// the speech's date and place become the event's, in the speech's graph, where no
/// document of the file gives the event one (a declaration's 2014年9月11日至12日 is the
/// better date of a two-day summit).
pub fn speech_event_facts(docs: &mut [Annotated]) {
    let has = |docs: &[Annotated], event: &EntityId, p: Property| {
        docs.iter()
            .flat_map(|d| &d.relations)
            .any(|r| &r.subject == event && r.property == p)
    };
    for i in 0..docs.len() {
        let f = &docs[i].fields;
        let Some(event) = f
            .delivered_at
            .clone()
            .filter(|_| docs[i].kind == DocKind::Speech)
        else {
            continue;
        };
        let mut add = Vec::new();
        if let Some(d) = &f.date
            && !has(docs, &event, Property::Date)
        {
            add.push(rel(&event, Property::Date, d));
        }
        if let Some(l) = &f.location
            && !has(docs, &event, Property::Location)
        {
            add.push(rel(&event, Property::Location, l));
        }
        docs[i].relations.extend(add);
    }
}

/// The words of the `collective_subject` list that name a document's parties (values
/// `pair` and `counted`: 双方, 两国元首, 三国).
fn pair_words(words: &Words) -> Vec<&String> {
    words
        .list(List::CollectiveSubjects)
        .iter()
        .filter(|w| {
            words
                .value(List::CollectiveSubjects, w)
                .is_some_and(|v| matches!(v, "pair" | "counted"))
        })
        .collect()
}

/// 双方签署《…协定》, 两国元首签署并发表《…联合声明》: a pair word (of the
/// `collective_subject` list, value `pair`) before a signing verb makes the document's
/// parties an agreement's signatories, or, for the heads of the pair (…元首, …领导人),
/// the persons the document names as heads of those parties (`parties`: the document's,
/// by [`super::clauses::Voice`]).
pub fn pair_signatories(lex: &Lexicon, doc: &mut Annotated, parties: &[EntityId]) {
    if parties.len() < 2 {
        return;
    }
    let words = &lex.words;
    let pair_words = pair_words(words);
    let norm = doc.doc.norm.as_str();
    let mut found = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.entity.class == Class::Agreement)
    {
        let Some(sentence) = doc
            .sentences
            .iter()
            .find(|s| s.start <= m.span.start && m.span.start < s.end)
        else {
            continue;
        };
        // an item of a list a signing line opens (双方签署了以下协议：\n（一）《…》)
        let (sentence_start, before) =
            match signing_list_opener(words, norm, m.span.start, sentence.start) {
                Some(opener) => (opener.start, &norm[opener]),
                None => (sentence.start, &norm[sentence.start..m.span.start]),
            };
        let end_of_before = sentence_start + before.len();
        let Some((at, pair)) = pair_words
            .iter()
            .filter_map(|w| before.rfind(w.as_str()).map(|i| (i, *w)))
            .max_by_key(|(i, w)| (*i, w.len()))
        else {
            continue;
        };
        let from = sentence_start + at + pair.len();
        let between = &norm[from..end_of_before];
        let named_between = doc.mentions.iter().any(|n| {
            n.span.start >= from
                && n.span.end <= end_of_before
                && matches!(
                    n.entity.class,
                    Class::State | Class::Organization | Class::Person | Class::Agreement
                )
        });
        if named_between
            || between.chars().count() > PAIR_SIGNING_GAP
            || !contains_any(words, List::SigningVerbs, between)
        {
            continue;
        }
        if HEADS_OF_PAIR.iter().any(|h| pair.ends_with(h)) {
            for r in doc
                .relations
                .iter()
                .filter(|r| r.property == Property::HeadOf && parties.contains(&r.object))
            {
                found.push(rel(&m.entity, Property::Signatory, &r.subject));
            }
        } else {
            for p in parties {
                found.push(rel(&m.entity, Property::Signatory, p));
            }
        }
    }
    doc.relations.extend(found);
    doc.relations.sort();
    doc.relations.dedup();
}

/// 作为X常任理事国，双方… / 中英作为X常任理事国…: the document's parties, named by a pair word
/// (of the `collective_subject` list, value `pair`) or by a compound of their one-character
/// forms, are members of X (`parties`: the document's, by [`super::clauses::Voice`]).
pub fn pair_members(lex: &Lexicon, doc: &mut Annotated, parties: &[EntityId]) {
    if parties.len() < 2 {
        return;
    }
    let words = &lex.words;
    let norm = doc.doc.norm.as_str();
    let pairs = pair_words(words);
    let is_pair = |s: &str| pairs.iter().any(|w| s.starts_with(w.as_str()));
    let mut found = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.entity.class == Class::Organization)
    {
        let Some(before) = norm[..m.span.start].strip_suffix(AS) else {
            continue;
        };
        let after = &norm[m.span.end..];
        let Some(noun) = words
            .list(List::MemberNouns)
            .iter()
            .chain(words.list(List::MemberStateNouns))
            .filter(|w| after.starts_with(w.as_str()))
            .max_by_key(|w| w.len())
        else {
            continue;
        };
        // (作为X成员，双方…: the pair after the phrase; 中英作为X成员: the pair before it)
        let sentence_start = doc
            .sentences
            .iter()
            .find(|s| s.start <= m.span.start && m.span.start < s.end)
            .map_or(0, |s| s.start);
        let clause_start = super::clauses::clause_start(norm, sentence_start, before.len());
        let pair_after = after[noun.len()..].strip_prefix('，').is_some_and(&is_pair);
        let subject = super::clauses::strip_enumeration(&norm[clause_start..before.len()]);
        let pair_before = is_pair(subject)
            || super::clauses::compound(lex, subject, parties)
                .is_some_and(|(states, end)| end == subject.len() && states.len() >= 2);
        if pair_after || pair_before {
            for p in parties {
                found.push(rel(p, Property::MemberOf, &m.entity));
            }
        }
    }
    doc.relations.extend(found);
    doc.relations.sort();
    doc.relations.dedup();
}

/// An agreement named after its parties in full (甲国和乙国联合声明, 甲国政府和乙国政府关于…的
/// 联合公报): the states its name opens with, two or more, are its signatories. A state
/// the name gives as its topic (关于某国问题) is none; a compound of one-character forms
/// (中蒙…纲要) names no parties here (annotators do not read one so).
pub fn named_signatories(lex: &Lexicon, doc: &mut Annotated) {
    let norm = doc.doc.norm.as_str();
    let mut found = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.entity.class == Class::Agreement)
    {
        let name = norm[m.span.clone()].trim_start_matches('《');
        let opens_with_state = lex.find_entities(name).next().is_some_and(|(r, targets)| {
            r.start == 0 && targets.iter().any(|t| matches!(t, Target::State(_)))
        });
        if !opens_with_state {
            continue;
        }
        let states = super::clauses::title_states(lex, doc, m.span.clone());
        if states.len() >= 2 {
            for s in &states {
                found.push(rel(&m.entity, Property::Signatory, s));
            }
        }
    }
    doc.relations.extend(found);
    doc.relations.sort();
    doc.relations.dedup();
}

/// For an agreement at `at` that opens an item of a list (its line begins with the
/// agreement, after an enumeration: （一）《…》), the line that opens the list, ending in a
/// colon (双方签署了以下协议：), without the colon; the items between are list items too.
fn signing_list_opener(
    words: &Words,
    norm: &str,
    at: usize,
    sentence_start: usize,
) -> Option<std::ops::Range<usize>> {
    let line_start = norm[..at].rfind('\n').map_or(0, |i| i + 1);
    let item = |line: &str| {
        let body = super::clauses::strip_enumeration(line.trim());
        body.len() < line.trim().len() || body.starts_with('《')
    };
    // (nothing but an enumeration and a bracket before the agreement on its line)
    let lead = super::clauses::strip_enumeration(norm[line_start..at].trim());
    if !lead.trim_end_matches('《').is_empty()
        || (sentence_start > line_start && !norm[line_start..sentence_start].trim().is_empty())
    {
        return None;
    }
    let mut end = line_start.checked_sub(1)?;
    for _ in 0..SIGNING_LIST_ITEMS {
        let start = norm[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = norm[start..end].trim();
        if line.is_empty() || item(line) {
            end = start.checked_sub(1)?;
            continue;
        }
        let opener = line.strip_suffix('：')?;
        if !contains_any(words, List::SigningVerbs, opener) {
            return None;
        }
        let offset = start + norm[start..end].find(opener)?;
        return Some(offset..offset + opener.len());
    }
    None
}

/// How many lines of a list may stand between an item and the line that opens the list.
const SIGNING_LIST_ITEMS: usize = 40;

/// The longest stretch (characters) between a pair word and the agreement it signs.
const PAIR_SIGNING_GAP: usize = 12;
/// Endings of a pair word that name the pair's heads (两国元首, 两国领导人).
const HEADS_OF_PAIR: [&str; 2] = ["元首", "领导人"];

/// What took place at a venue (a name ending in a Place head of heads.tsv: 阿拉套国际会议
/// 中心) took place in the city its name opens with too, where the document names that city.
fn venue_cities(lex: &Lexicon, mentions: &[Candidate], found: &[Relation]) -> Vec<Relation> {
    let is_venue = |key: &str| {
        lex.heads
            .iter()
            .any(|h| h.class == Class::Place && key.ends_with(h.head.as_str()))
    };
    found
        .iter()
        .filter(|r| r.property == Property::Location && is_venue(&r.object.key))
        .filter_map(|r| {
            mentions
                .iter()
                .filter(|m| {
                    m.id.class == Class::Place
                        && m.id.key.len() < r.object.key.len()
                        && r.object.key.starts_with(m.id.key.as_str())
                })
                .max_by_key(|m| m.id.key.len())
                .map(|city| rel(&r.subject, Property::Location, &city.id))
        })
        .collect()
}

/// headOf: (person, state) from title lines and from 国名+职务+姓名 in running text.
fn heads_of_state(lex: &Lexicon, norm: &str, mentions: &[Candidate]) -> Vec<(EntityId, EntityId)> {
    let mut heads: Vec<(EntityId, EntityId)> = Vec::new();
    let mut state_ending_at: std::collections::HashMap<usize, &Candidate> =
        std::collections::HashMap::new();
    for s in mentions.iter().filter(|s| s.id.class == Class::State) {
        state_ending_at.entry(s.span.end).or_insert(s);
    }
    for m in mentions.iter().filter(|m| m.id.class == Class::Person) {
        // a state and its title stand just before the name: 48 characters are enough
        let from = super::names::back(norm, m.span.start, 48);
        let line_start = norm[from..m.span.start]
            .rfind('\n')
            .map_or(from, |i| from + i + 1);
        let before = norm[line_start..m.span.start].trim_end_matches([' ', '\t', '\u{3000}']);
        let Some((t, title)) = lex.find_titles(before).last() else {
            continue;
        };
        if t.end != before.len() || !title.role.heads_state() {
            continue;
        }
        let title_start = line_start + t.start;
        if let Some(state) = state_ending_at.get(&title_start) {
            heads.push((m.id.clone(), state.id.clone()));
        } else if let Some(iso3) = lex
            .words
            .value(List::OwnStateTitles, &before[t.start..t.end])
            .filter(|k| {
                mentions
                    .iter()
                    .any(|s| s.id.class == Class::State && s.id.key == *k)
            })
        {
            // 国家主席习近平: a title that names its state by itself
            heads.push((m.id.clone(), EntityId::new(Class::State, iso3)));
        }
    }

    heads
}

/// memberOf from a declaration of "X成员国元首" signed by heads of state (`heads`: person,
/// state).
fn declared_members(
    words: &Words,
    norm: &str,
    mentions: &[Candidate],
    fields: &Fields,
    heads: &[(EntityId, EntityId)],
) -> Vec<Relation> {
    let mut out = Vec::new();
    if !fields.fields.signatories.is_empty() {
        // the organization whose 成员国元首 speak, or whose meeting adopted the document
        let org = mentions
            .iter()
            .find(|m| {
                m.id.class == Class::Organization && {
                    let after = skip_parenthesis(&norm[m.span.end..]);
                    starts_with_any(words, List::MemberHeads, after)
                }
            })
            .or_else(|| {
                let event = fields.fields.delivered_at.as_ref()?;
                let e = mentions.iter().find(|m| &m.id == event)?;
                mentions
                    .iter()
                    .filter(|m| m.id.class == Class::Organization)
                    .find(|o| e.label.starts_with(o.label.as_str()))
            });
        if let Some(org) = org {
            for p in &fields.fields.signatories {
                for (person, state) in heads {
                    if person == p {
                        out.push(rel(state, Property::MemberOf, &org.id));
                    }
                }
            }
        }
    }

    out
}

/// One stretch of text and its mentions (nested ones left out), which the rules below
/// read mention by mention.
struct Stretch<'a> {
    words: &'a Words,
    norm: &'a str,
    range: std::ops::Range<usize>,
    ms: Vec<&'a Candidate>,
    /// The organization the document speaks for (see [`voice_organization`]).
    main_org: Option<&'a EntityId>,
    /// Every mention of the document (nested ones too).
    all: &'a [Candidate],
}

impl Stretch<'_> {
    /// The organization an event is named after (金砖国家领导人第七次会晤 → 金砖国家): one
    /// the document names whose name the event's begins with.
    fn owner_of(&self, event: &Candidate) -> Option<EntityId> {
        self.all
            .iter()
            .filter(|o| o.id.class == Class::Organization && o.parent.is_none())
            .find(|o| {
                event.label.starts_with(o.label.as_str())
                    || event.label.starts_with(&self.norm[o.span.clone()])
            })
            .map(|o| o.id.clone())
    }

    /// The organization whose members' meeting (X成员国元首理事会会议) the document last
    /// names before `at`: a meeting, or a text adopted at one (its title: X成员国…会议联合
    /// 公报), named after X and its member states.
    fn members_meeting(&self, at: usize) -> Option<EntityId> {
        let event = self
            .all
            .iter()
            .filter(|e| matches!(e.id.class, Class::Event | Class::Agreement) && e.span.end <= at)
            .max_by_key(|e| e.span.end)?;
        let org = self.owner_of(event)?;
        let label = self.all.iter().find(|o| o.id == org).map(|o| {
            [o.label.as_str(), &self.norm[o.span.clone()]]
                .into_iter()
                .filter_map(|n| event.label.strip_prefix(n))
                .min_by_key(|rest| rest.len())
                .unwrap_or("")
                .to_string()
        })?;
        starts_with_any(self.words, List::MemberStateNouns, &label).then_some(org)
    }

    /// memberOf around the `k`th mention.
    fn memberships(&self, k: usize, out: &mut Vec<Relation>) {
        let (words, norm, range, ms) = (self.words, self.norm, &self.range, &self.ms);
        let m = ms[k];
        let gap = |a: usize, b: usize| &norm[a..b];
        let next = ms.get(k + 1);
        let prev = k.checked_sub(1).map(|i| ms[i]);
        // memberOf: X成员国S1、S2和S3 / S是X成员国 / S加入X / 作为X成员国，S
        if m.id.class == Class::Organization && next.is_some_and(|n| n.id.class == Class::State) {
            let g = gap(m.span.end, ms[k + 1].span.start);
            if words.contains(List::MemberListOpeners, g) {
                // (or their leaders: X成员国S1总统P1、S2总理P2…)
                let states = state_list(words, norm, &ms[k + 1..]);
                let (leaders, _) = leader_list(words, norm, &ms[k + 1..]);
                let listed = if leaders.len() > states.len() {
                    leaders
                } else {
                    states
                };
                for s in listed {
                    out.push(rel(&s.id, Property::MemberOf, &m.id));
                }
            }
            if norm[range.start..m.span.start].ends_with(AS)
                && g.strip_suffix('，').is_some_and(|n| is_member(words, n))
            {
                out.push(rel(&ms[k + 1].id, Property::MemberOf, &m.id));
            }
        }
        // X成员国外交部长——S1…、S2…: a list after a dash names the members' representatives
        // (also after the definition that names X: 上海合作组织（以下简称“本组织”）成员国——)
        let after = norm[m.span.end..range.end].trim_start_matches(CLOSING_QUOTES);
        let after_start = range.end - after.len();
        if m.id.class == Class::Organization
            && starts_with_member(words, after)
            && let Some(dash) = after.find(DASH)
            && !after[..dash].contains(['，', '。', '、'])
            && after[..dash].chars().count() <= 12
        {
            let from = after_start + dash;
            for s in ms[k + 1..]
                .iter()
                .filter(|s| s.id.class == Class::State && s.span.start >= from)
            {
                out.push(rel(&s.id, Property::MemberOf, &m.id));
            }
        }
        // 我们，S1、S2和S3领导人…举行X领导人会晤: the leaders of a list of states meet as
        // the organization their meeting is named after
        if m.id.class == Class::State
            && prev.is_none_or(|p| {
                p.id.class != Class::State
                    || !words.contains(List::ListSeparators, gap(p.span.end, m.span.start))
            })
        {
            let list = state_list(words, norm, &ms[k..]);
            let last = list.last().map_or(m.span.end, |s| s.span.end);
            // (S1、S2和S3的国家元首或政府首脑)
            let leaders = &norm[last..range.end];
            let leaders = leaders.strip_prefix(OF).unwrap_or(leaders);
            if list.len() >= 2
                && starts_with_any(words, List::LeaderNouns, leaders)
                && let Some(event) = ms[k + list.len()..]
                    .iter()
                    .find(|e| e.id.class == Class::Event)
                && contains_any(words, List::HeldVerbs, &norm[last..event.span.start])
                && let Some(org) = self.owner_of(event)
            {
                for s in &list {
                    out.push(rel(&s.id, Property::MemberOf, &org));
                }
            }
        }
        // S1职务P1、S2职务P2…等21个X国家领导人: the leaders listed lead X's members
        if m.id.class == Class::State {
            let (states, end) = leader_list(words, norm, &ms[k..]);
            let after = &norm[end..range.end];
            let after = after.strip_prefix(ETC).unwrap_or(after);
            let counted = after.trim_start_matches(|c: char| {
                c.is_ascii_digit() || "一二三四五六七八九十百两".contains(c)
            });
            let after = match counted.strip_prefix(COUNTER) {
                Some(rest) if counted.len() < after.len() => rest,
                _ => after,
            };
            let at = range.end - after.len();
            if states.len() >= 2
                && let Some(org) = ms
                    .iter()
                    .find(|n| n.id.class == Class::Organization && n.span.start == at)
            {
                let rest = &norm[org.span.end..range.end];
                let rest = [MEMBER_STATES, STATES]
                    .iter()
                    .find_map(|w| rest.strip_prefix(w))
                    .unwrap_or(rest);
                if starts_with_any(words, List::LeaderNouns, rest) {
                    for s in &states {
                        out.push(rel(&s.id, Property::MemberOf, &org.id));
                    }
                }
            }
        }
        // X成员国…会议在P举行。S1职务P1、S2职务P2…出席会议: the leaders who attend a meeting
        // of X's members lead its members (not those a word before the list sets apart:
        // 观察员国S3职务P3…出席)
        if m.id.class == Class::State
            && prev.is_none_or(|p| p.id.class != Class::Person)
            && !contains_any(
                words,
                List::NonMemberNouns,
                &norm[range.start..m.span.start],
            )
        {
            let (states, end) = leader_list(words, norm, &ms[k..]);
            if states.len() >= 2
                && starts_with_any(words, List::AttendanceVerbs, &norm[end..range.end])
                && let Some(org) = self.members_meeting(m.span.start)
            {
                for s in &states {
                    out.push(rel(&s.id, Property::MemberOf, &org));
                }
            }
        }
        // 接收S1和S2为X成员国: the states an organization admits are its members
        if m.id.class == Class::State
            && ends_with_any(words, List::AdmitVerbs, &norm[range.start..m.span.start])
        {
            let list = state_list(words, norm, &ms[k..]);
            let last = list.last().map_or(m.span.end, |s| s.span.end);
            if let Some(org) = ms[k + list.len()..].first().filter(|o| {
                o.id.class == Class::Organization
                    && norm[last..o.span.start] == *AS_MEMBER
                    && starts_with_member(words, &norm[o.span.end..range.end])
            }) {
                for s in &list {
                    out.push(rel(&s.id, Property::MemberOf, &org.id));
                }
            } else if let Some(org) = self.main_org
                && norm[last..range.end]
                    .strip_prefix(AS_MEMBER)
                    .is_some_and(|rest| starts_with_member(words, rest))
            {
                // (接收S为成员国: the document's organization admits it)
                for s in &list {
                    out.push(rel(&s.id, Property::MemberOf, org));
                }
            }
        }
        // S1、S2和S3等成员国: members of the document's organization
        if m.id.class == Class::State
            && prev.is_none_or(|p| {
                p.id.class != Class::State
                    || !words.contains(List::ListSeparators, gap(p.span.end, m.span.start))
            })
        {
            let list = state_list(words, norm, &ms[k..]);
            let last = list.last().map_or(m.span.end, |s| s.span.end);
            let after = &norm[last..range.end];
            let after_etc = after.strip_prefix(ETC).unwrap_or(after);
            if starts_with_any(words, List::MemberStateNouns, after_etc)
                && !words
                    .list(List::MemberStateNouns)
                    .iter()
                    .any(|n| norm[range.start..m.span.start].ends_with(n.as_str()))
            {
                if let Some(org) = self.main_org {
                    for s in &list {
                        out.push(rel(&s.id, Property::MemberOf, org));
                    }
                }
            }
            // S1、S2等X成员: members of X
            let org = ms.iter().find(|n| n.span.start >= last).filter(|n| {
                n.id.class == Class::Organization && matches!(&norm[last..n.span.start], "" | ETC)
            });
            if let Some(org) = org
                && starts_with_member(words, &norm[org.span.end..range.end])
            {
                for s in &list {
                    out.push(rel(&s.id, Property::MemberOf, &org.id));
                }
            }
        }
        // X由S1、S2…以及O组成 / X的成员包括S1、S2: the states that make up X
        if m.id.class == Class::State
            && prev.is_none_or(|p| {
                p.id.class != Class::State
                    || !words.contains(List::ListSeparators, gap(p.span.end, m.span.start))
            })
            && let Some(org) = ms[..k]
                .iter()
                .rev()
                .find(|o| matches!(o.id.class, Class::Organization | Class::State))
                .filter(|o| o.id.class == Class::Organization)
        {
            let between = gap(org.span.end, m.span.start);
            let included = {
                let b = between.strip_prefix(OF).unwrap_or(between);
                let b = b.strip_suffix('：').unwrap_or(b);
                words.contains(List::MemberInclusions, b)
            };
            let items = member_items(words, norm, &ms[k..]);
            let last = items.last().map_or(m.span.end, |s| s.span.end);
            let after = &norm[last..range.end];
            let after = after.strip_prefix(ETC).unwrap_or(after);
            let composed = ends_with_any(words, List::CompositionOpeners, between)
                && starts_with_any(words, List::CompositionVerbs, after);
            if included || composed {
                for s in items.iter().filter(|s| s.id.class == Class::State) {
                    out.push(rel(&s.id, Property::MemberOf, &org.id));
                }
            }
        }
        if m.id.class == Class::State
            && let Some(n) = next
            && n.id.class == Class::Organization
        {
            let g = gap(m.span.end, n.span.start);
            let after = &norm[n.span.end..range.end];
            if (g == IS || g == AS) && starts_with_member(words, after)
                || words.contains(List::JoinVerbs, g)
            {
                out.push(rel(&m.id, Property::MemberOf, &n.id));
            }
        }
    }

    /// chairOf around the `k`th mention.
    fn chairs(&self, k: usize, out: &mut Vec<Relation>) {
        let (words, norm, range, ms) = (self.words, self.norm, &self.range, &self.ms);
        let m = ms[k];
        let prev = k.checked_sub(1).map(|i| ms[i]);
        // chairOf: 主席国S
        if m.id.class == Class::State
            && let Some(noun) = chair_noun_ending(words, &norm[range.start..m.span.start])
        {
            let before = &norm[range.start..m.span.start - noun.len()];
            let org = prev
                .filter(|p| {
                    p.id.class == Class::Organization
                        && before.trim_end_matches(ROTATING).len() == p.span.end - range.start
                })
                .map(|p| p.id.clone());
            if let Some(org) = org.or_else(|| self.main_org.cloned()) {
                out.push(rel(&m.id, Property::ChairOf, &org));
            }
        }
        // S作为轮值主席国, S担任主席国, S1、S2先后担任主席国: the chairs of the document's
        // organization
        if m.id.class == Class::State
            && let Some(org) = self.main_org
        {
            let after = &norm[m.span.end..range.end];
            let after = words
                .list(List::ChairAdverbs)
                .iter()
                .find_map(|a| after.strip_prefix(a.as_str()))
                .unwrap_or(after);
            let verb = std::iter::once(AS)
                .chain(words.list(List::ChairVerbs).iter().map(String::as_str))
                .find_map(|v| after.strip_prefix(v));
            if let Some(rest) = verb
                && starts_with_any(words, List::ChairNouns, rest.trim_start_matches(ROTATING))
            {
                for s in state_list_ending(words, norm, ms, k) {
                    out.push(rel(&s.id, Property::ChairOf, org));
                }
            }
        }
        // 作为X…主席国，S / S担任…X主席国
        if m.id.class == Class::Organization {
            let after = &norm[m.span.end..range.end];
            if let Some((i, noun)) = first_chair_noun(words, after) {
                let between = &after[..i];
                let opener = &norm[range.start..m.span.start];
                if between.chars().count() <= 16 && !between.contains(['，', '、']) {
                    if opener.ends_with(AS) || opener.ends_with(AS_THIS_SESSIONS) {
                        let comma = m.span.end + i + noun.len();
                        if let Some(s) = ms.iter().find(|s| {
                            s.id.class == Class::State
                                && s.span.start >= comma
                                && norm[comma..s.span.start]
                                    .trim_start_matches('，')
                                    .is_empty()
                        }) {
                            out.push(rel(&s.id, Property::ChairOf, &m.id));
                        }
                    } else if let Some(j) = ms[..k].iter().rposition(|s| s.id.class == Class::State)
                    {
                        let s = ms[j];
                        // S担任/接任…X主席国, S作为(D)X主席国
                        let between = &norm[s.span.end..m.span.start];
                        let dated = ms[..k]
                            .iter()
                            .filter(|d| d.span.start >= s.span.end)
                            .all(|d| d.id.class == Class::Date);
                        if contains_any(words, List::ChairVerbs, between)
                            || (between.starts_with(AS) && dated && between.chars().count() <= 14)
                        {
                            for s in state_list_ending(words, norm, ms, j) {
                                out.push(rel(&s.id, Property::ChairOf, &m.id));
                            }
                        }
                    }
                }
            }
        }
    }

    /// The date, location and signatories of the `k`th mention, an agreement or event.
    fn agreement_facts(&self, k: usize, out: &mut Vec<Relation>) {
        let (words, norm, ms) = (self.words, self.norm, &self.ms);
        let m = ms[k];
        let gap = |a: usize, b: usize| &norm[a..b];
        let prev = k.checked_sub(1).map(|i| ms[i]);
        // date, location and signatories of agreements and events
        if matches!(m.id.class, Class::Agreement | Class::Event) {
            let mut right_edge = m.span.start;
            let mut signing = false;
            let mut got_date = false;
            let mut got_place = false;
            for j in (0..k).rev() {
                let p = ms[j];
                let g = gap(p.span.end, right_edge);
                if !is_glue(words, g) {
                    break;
                }
                signing |= contains_any(words, List::SigningVerbs, g);
                match p.id.class {
                    Class::Date if !got_date => {
                        out.push(rel(&m.id, Property::Date, &p.id));
                        got_date = true;
                        break;
                    }
                    Class::Place
                        if !got_place && super::fields::after_at(words, norm, p.span.start, ms) =>
                    {
                        out.push(rel(&m.id, Property::Location, &p.id));
                        got_place = true;
                    }
                    Class::State | Class::Organization | Class::Person
                        if signing && m.id.class == Class::Agreement =>
                    {
                        out.push(rel(&m.id, Property::Signatory, &p.id));
                    }
                    Class::Event => {}
                    Class::State | Class::Organization | Class::Person => {}
                    _ => break,
                }
                right_edge = p.span.start;
            }
            // E于D在P举行, E将于D在S P举行, D是E
            let mut left_edge = m.span.end;
            let mut at_state = false;
            for n in &ms[k + 1..] {
                let g = gap(left_edge, n.span.start);
                match n.id.class {
                    Class::Date
                        if !got_date
                            && (g.is_empty() || words.contains(List::DatePrepositions, g)) =>
                    {
                        out.push(rel(&m.id, Property::Date, &n.id));
                        got_date = true;
                    }
                    Class::State if words.contains(List::PlacePrepositions, g) => at_state = true,
                    Class::Place
                        if !got_place
                            && (words.contains(List::PlacePrepositions, g)
                                || (at_state
                                    && (g.is_empty()
                                        || words.contains(List::PlaceAppositions, g)))) =>
                    {
                        out.push(rel(&m.id, Property::Location, &n.id));
                        got_place = true;
                    }
                    _ => break,
                }
                left_edge = n.span.end;
            }
            if !got_date
                && let Some(p) = prev
                && p.id.class == Class::Date
                && gap(p.span.end, m.span.start) == IS
            {
                out.push(rel(&m.id, Property::Date, &p.id));
            }
        }
    }
}

/// The date and place of the meeting the held sentence names (see [`super::fields::held`]),
/// for the events it names, and for the texts adopted there: those it says were adopted
/// (通过, 发表, 签署《…》), and the document's own title where the document was adopted.
fn meeting_facts(
    lex: &Lexicon,
    norm: &str,
    mentions: &[Candidate],
    fields: &Fields,
) -> Vec<Relation> {
    let mut out = Vec::new();
    let Some(held) = super::fields::held(lex, norm, mentions) else {
        return out;
    };
    let mut facts = |id: &EntityId, date: Option<&EntityId>, place: Option<&EntityId>| {
        if let Some(d) = date {
            out.push(rel(id, Property::Date, d));
        }
        if let Some(p) = place {
            out.push(rel(id, Property::Location, p));
        }
    };
    let within =
        |m: &Candidate, r: &std::ops::Range<usize>| r.start <= m.span.start && m.span.end <= r.end;
    for m in mentions
        .iter()
        .filter(|m| !m.nested && within(m, &held.span))
    {
        match m.id.class {
            Class::Event => facts(&m.id, held.date.as_ref(), held.place.as_ref()),
            Class::Agreement
                if contains_any(
                    &lex.words,
                    List::AdoptingVerbs,
                    &norm[held.span.start..m.span.start],
                ) =>
            {
                facts(&m.id, held.date.as_ref(), held.place.as_ref());
            }
            _ => {}
        }
    }
    let adopted =
        fields.kind.is_declaration() || fields.kind == super::super::model::DocKind::Communique;
    if adopted && let Some(t) = &fields.title_span {
        for m in mentions
            .iter()
            .filter(|m| m.id.class == Class::Agreement && !m.nested && within(m, t))
        {
            facts(
                &m.id,
                fields.fields.date.as_ref(),
                fields.fields.location.as_ref(),
            );
        }
    }
    out
}

/// subOrganizationOf: organizations whose names begin with their parent's.
fn sub_organizations(lex: &Lexicon, mentions: &[Candidate]) -> Vec<Relation> {
    let mut out = Vec::new();
    for m in mentions {
        let parent = m.parent.clone().or_else(|| {
            m.knowledge
                .relations
                .iter()
                .find(|(p, _)| *p == Property::SubOrganizationOf)
                .map(|(_, o)| o.clone())
                .filter(|o| {
                    let Some(i) = lex.org(&o.key) else {
                        return false;
                    };
                    let parent = &lex.orgs[i];
                    std::iter::once(&parent.zh)
                        .chain(&parent.aliases)
                        .any(|n| m.label.starts_with(n.as_str()))
                })
        });
        // (kept only if the parent is mentioned somewhere in the file: see coref)
        if m.id.class == Class::Organization
            && let Some(parent) = parent
            && parent != m.id
        {
            out.push(rel(&m.id, Property::SubOrganizationOf, &parent));
        }
    }
    out
}

/// The organization a document speaks for or about: the one its title names, or the one
/// its event belongs to, or the one that holds the meeting its held sentence tells of
/// (上海合作组织在天津举行元首理事会会议), or else the one it names most often; never a
/// news agency or paper (an organization whose name ends in a `media_name_end` word).
pub fn voice_organization(
    lex: &Lexicon,
    norm: &str,
    mentions: &[Candidate],
    fields: &Fields,
) -> Option<EntityId> {
    let words = &lex.words;
    // (an organ the lexicon places under another organization speaks for that one)
    let top = |m: &&Candidate| {
        m.id.class == Class::Organization
            && m.parent.is_none()
            && !is_media(words, &m.label)
            && lex
                .org(&m.id.key)
                .is_none_or(|i| lex.orgs[i].parent.is_none())
    };
    // the organization an event's or document's name begins with, by its label or by the
    // name a mention of it is written with (中国—拉共体论坛第三届部长会议宣言)
    // (after 关于 and an ordinal: 关于东盟与中日韩领导人会议的某城宣言, 第二十次东盟与中日韩领导人会议)
    let owner = |e: &Candidate| {
        let mut label = e.label.as_str();
        if let Some(rest) = words
            .list(List::About)
            .iter()
            .find_map(|w| label.strip_prefix(w.as_str()))
        {
            label = rest;
        }
        let label = super::names::ORDINAL_START
            .find(label)
            .map_or(label, |m| &label[m.end()..]);
        // (the longest name: 东盟与中日韩 before 东盟)
        mentions
            .iter()
            .filter(top)
            .filter_map(|o| {
                [o.label.as_str(), &norm[o.span.clone()]]
                    .into_iter()
                    .filter(|n| label.starts_with(n))
                    .map(str::len)
                    .max()
                    .map(|len| (len, o))
            })
            .max_by_key(|(len, o)| (*len, std::cmp::Reverse(o.span.start)))
            .map(|(_, o)| o.id.clone())
            .or_else(|| {
                // or by any of its names the lexicon knows, where the document mentions it
                lex.find_entities(label)
                    .filter(|(r, _)| r.start == 0)
                    .filter_map(|(r, targets)| {
                        targets.iter().find_map(|t| match t {
                            crate::lexicon::Target::Org(i) => Some((r.end, *i)),
                            _ => None,
                        })
                    })
                    .max_by_key(|(end, _)| *end)
                    .map(|(_, i)| {
                        super::names::from_target(lex, crate::lexicon::Target::Org(i), 0..0).id
                    })
                    .filter(|id| mentions.iter().filter(top).any(|m| &m.id == id))
            })
    };
    // the title, or where there is none, the document or meeting a first line opens with
    // (中非合作论坛约翰内斯堡峰会宣言是…签订的条约。)
    let opening_name = || {
        let first = norm.len() - norm.trim_start().len();
        mentions
            .iter()
            .find(|m| {
                m.span.start == first && matches!(m.id.class, Class::Agreement | Class::Event)
            })
            .map(|m| m.span.clone())
    };
    if let Some(t) = fields.title_span.clone().or_else(opening_name) {
        for m in mentions
            .iter()
            .filter(|m| t.start <= m.span.start && m.span.end <= t.end)
        {
            match m.id.class {
                Class::Organization if top(&m) => return Some(m.id.clone()),
                Class::Event | Class::Agreement => {
                    if let Some(o) = owner(m) {
                        return Some(o);
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(event) = &fields.fields.delivered_at
        && let Some(o) = mentions.iter().find(|m| &m.id == event).and_then(owner)
    {
        return Some(o);
    }
    if let Some(held) = super::fields::held(lex, norm, mentions) {
        let inside =
            |m: &&Candidate| held.span.start <= m.span.start && m.span.end <= held.span.end;
        for m in mentions.iter().filter(inside) {
            match m.id.class {
                Class::Organization if top(&m) => return Some(m.id.clone()),
                Class::Event => {
                    if let Some(o) = owner(m) {
                        return Some(o);
                    }
                }
                _ => {}
            }
        }
    }
    main_organization(words, mentions)
}

/// Whether an organization's label names a news agency or paper.
fn is_media(words: &Words, label: &str) -> bool {
    words
        .list(List::MediaNameEnds)
        .iter()
        .any(|w| label.ends_with(w.as_str()))
}

/// The organization the document names most often (top-level ones only, no news agency).
pub fn main_organization(words: &Words, mentions: &[Candidate]) -> Option<EntityId> {
    let mut counts: Vec<(&EntityId, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.id.class != Class::Organization || m.parent.is_some() || is_media(words, &m.label) {
            continue;
        }
        match counts.iter_mut().find(|(id, _, _)| *id == &m.id) {
            Some(c) => c.1 += 1,
            None => counts.push((&m.id, 1, i)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first)))
        .map(|(id, _, _)| id.clone())
}

fn skip_parenthesis(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix('（')
        && let Some(end) = rest.find('）')
    {
        return &rest[end + '）'.len_utf8()..];
    }
    s
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use crate::extract::Extractor;
    use crate::lexicon::Lexicon;

    static BUILTIN: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Lexicon::builtin()));

    /// The relations the real extractor finds in `text`: (subject key, property, object key).
    fn relations(extractor: &Extractor, text: &str) -> Vec<(String, &'static str, String)> {
        let source = crate::input::from_text("t.txt".into(), "t.txt".into(), text);
        extractor
            .extract(&source)
            .into_iter()
            .flat_map(|d| d.relations)
            .map(|r| (r.subject.key, r.property.name(), r.object.key))
            .collect()
    }

    /// Whether `found` holds `property` from `subject` to `object` (`*`: any key).
    fn has(found: &[(String, &str, String)], subject: &str, property: &str, object: &str) -> bool {
        let key = |want: &str, got: &str| want == "*" || want == got;
        found
            .iter()
            .any(|(s, p, o)| *p == property && key(subject, s) && key(object, o))
    }

    /// For each rule, a text where it fires and one where it must not: (rule, text,
    /// subject, property, object, fires).
    #[test]
    fn each_rule_fires_and_holds_back() {
        let sco = "上海合作组织";
        let charter = "《上海合作组织成立宣言》";
        let cases: &[(&str, String, &str, &str, &str, bool)] = &[
            (
                "head of state",
                "俄罗斯总统普京出席会议。".into(),
                "*",
                "headOf",
                "RUS",
                true,
            ),
            (
                "minister heads nothing",
                "俄罗斯外长拉夫罗夫出席会议。".into(),
                "*",
                "headOf",
                "RUS",
                false,
            ),
            (
                "X成员国S1、S2和S3",
                "上海合作组织成员国哈萨克斯坦、中国和俄罗斯签署协定。".into(),
                "KAZ",
                "memberOf",
                sco,
                true,
            ),
            (
                "接收S1和S2为X成员国: admitted states are members",
                "元首们强调，接收印度共和国和巴基斯坦伊斯兰共和国为上海合作组织成员国具有历史意义。".into(),
                "PAK",
                "memberOf",
                sco,
                true,
            ),
            (
                "leaders who attend a meeting of X's members",
                "上海合作组织成员国元首理事会会议在金城举行。蒙古国总统林一、老挝总理王二出席会议。".into(),
                "LAO",
                "memberOf",
                sco,
                true,
            ),
            (
                "the same in a communiqué whose title names the meeting",
                "上海合作组织成员国政府首脑理事会会议联合公报\n会议在金城举行。蒙古国总统林一、老挝总理王二出席会议。".into(),
                "MNG",
                "memberOf",
                sco,
                true,
            ),
            (
                "observers who attend are no members",
                "上海合作组织成员国元首理事会会议在金城举行。观察员国蒙古国总统林一、老挝总理王二出席会议。".into(),
                "LAO",
                "memberOf",
                sco,
                false,
            ),
            (
                "leaders who attend a meeting named after no members",
                "上海合作组织论坛在金城举行。蒙古国总统林一、老挝总理王二出席会议。".into(),
                "LAO",
                "memberOf",
                sco,
                false,
            ),
            (
                "接收S为成员国: a member of the document's organization",
                "上海合作组织成员国元首理事会会议在金城举行。本次会议将接收伊朗为成员国。".into(),
                "IRN",
                "memberOf",
                sco,
                true,
            ),
            (
                "接收S为观察员国: none",
                "上海合作组织成员国元首理事会会议在金城举行。本次会议将接收伊朗为观察员国。".into(),
                "IRN",
                "memberOf",
                sco,
                false,
            ),
            (
                "a state received as an observer is no member",
                "元首们强调，接收伊朗伊斯兰共和国为上海合作组织观察员国具有历史意义。".into(),
                "IRN",
                "memberOf",
                sco,
                false,
            ),
            (
                "我们，S1、S2的国家元首或政府首脑…举行X领导人会议: members of X",
                "澜沧江—湄公河合作成果丰硕。我们，柬埔寨王国、中华人民共和国、老挝人民民主共和国的国家元首或政府首脑，于2020年8月24日举行澜沧江—湄公河合作第三次领导人会议。".into(),
                "KHM",
                "memberOf",
                "澜沧江—湄公河合作",
                true,
            ),
            (
                "X由S1、S2以及O组成: the states that make X up",
                "二十国集团于1999年成立，由中国、阿根廷、澳大利亚以及欧洲联盟组成。".into(),
                "AUS",
                "memberOf",
                "二十国集团",
                true,
            ),
            (
                "the same without the verb of composition",
                "二十国集团于1999年成立，由中国、阿根廷和澳大利亚发起。".into(),
                "AUS",
                "memberOf",
                "二十国集团",
                false,
            ),
            (
                "X的成员包括S1、S2",
                "二十国集团的成员包括：阿根廷、澳大利亚等。".into(),
                "AUS",
                "memberOf",
                "二十国集团",
                true,
            ),
            (
                "a state between X and the list",
                "二十国集团会议由中国主持，由阿根廷和澳大利亚组成工作组。".into(),
                "AUS",
                "memberOf",
                "二十国集团",
                false,
            ),
            (
                "X成员国——S1、S2 (heads or ministers of the members)",
                "上海合作组织成员国外交部长——哈萨克斯坦共和国外交部长、中华人民共和国外交部长出席。".into(),
                "KAZ",
                "memberOf",
                sco,
                true,
            ),
            (
                "the same after the definition that names X, with a page's box-drawing dash",
                "上海合作组织（以下简称“本组织”）成员国━━哈萨克斯坦共和国、中华人民共和国国家元首在比什凯克举行会议。".into(),
                "CHN",
                "memberOf",
                sco,
                true,
            ),
            (
                "a dash after X without its members",
                "上海合作组织（以下简称“本组织”）观察员国——蒙古国代表出席会议。".into(),
                "MNG",
                "memberOf",
                sco,
                false,
            ),
            (
                "X and a state list",
                "上海合作组织支持哈萨克斯坦、中国和俄罗斯。".into(),
                "KAZ",
                "memberOf",
                sco,
                false,
            ),
            (
                "作为X成员国，S",
                "作为上海合作组织成员国，哈萨克斯坦支持合作。".into(),
                "KAZ",
                "memberOf",
                sco,
                true,
            ),
            (
                "作为X伙伴，S",
                "作为上海合作组织伙伴，哈萨克斯坦支持合作。".into(),
                "KAZ",
                "memberOf",
                sco,
                false,
            ),
            (
                "S1、S2等成员国",
                "上海合作组织举行会议。哈萨克斯坦、中国等成员国出席。".into(),
                "KAZ",
                "memberOf",
                sco,
                true,
            ),
            (
                "S1、S2等国家",
                "上海合作组织举行会议。哈萨克斯坦、中国等国家出席。".into(),
                "KAZ",
                "memberOf",
                sco,
                false,
            ),
            (
                "S1、S2等X成员",
                "哈萨克斯坦、中国等上海合作组织成员支持合作。".into(),
                "KAZ",
                "memberOf",
                sco,
                true,
            ),
            (
                "S1、S2等X伙伴",
                "哈萨克斯坦、中国等上海合作组织伙伴支持合作。".into(),
                "KAZ",
                "memberOf",
                sco,
                false,
            ),
            (
                "E在S首都P举行",
                "第九次青河峰会2025年6月3日在塔吉克斯坦首都杜尚别举行。".into(),
                "*",
                "location",
                "杜尚别",
                true,
            ),
            (
                "E在S以外P举行",
                "第九次青河峰会2025年6月3日在塔吉克斯坦以外杜尚别举行。".into(),
                "*",
                "location",
                "杜尚别",
                false,
            ),
            (
                "E在P…会议中心举行: at P too, where P is named",
                "北京欢迎各方。第九次青河峰会2025年6月3日在北京国际会议中心举行。".into(),
                "*",
                "location",
                "北京",
                true,
            ),
            (
                "E在会议中心举行, P elsewhere",
                "北京欢迎各方。第九次青河峰会2025年6月3日在国家会议中心举行。".into(),
                "*",
                "location",
                "北京",
                false,
            ),
            (
                "S作为轮值主席国",
                "上海合作组织成员国支持合作。哈萨克斯坦作为轮值主席国，主持会议。".into(),
                "KAZ",
                "chairOf",
                sco,
                true,
            ),
            (
                "S担任主席国",
                "上海合作组织成员国支持合作。在哈萨克斯坦担任主席国期间，合作发展。".into(),
                "KAZ",
                "chairOf",
                sco,
                true,
            ),
            (
                "S作为观察员国",
                "上海合作组织成员国支持合作。哈萨克斯坦作为观察员国，出席会议。".into(),
                "KAZ",
                "chairOf",
                sco,
                false,
            ),
            (
                "S1职务P1、S2职务P2等N个X国家领导人",
                "埃及总统王小明、约旦国王李大山等2个阿盟国家领导人出席峰会。".into(),
                "JOR",
                "memberOf",
                "阿拉伯国家联盟",
                true,
            ),
            (
                "S1职务P1、S2职务P2和X负责人",
                "埃及总统王小明、约旦国王李大山和阿盟秘书长出席峰会。".into(),
                "JOR",
                "memberOf",
                "阿拉伯国家联盟",
                false,
            ),
            (
                "S1职务P1，S2职务P2等X国家领导人",
                "埃及总统王小明出席，约旦国王李大山等阿盟国家领导人也出席。".into(),
                "EGY",
                "memberOf",
                "阿拉伯国家联盟",
                false,
            ),
            (
                "S是X成员国",
                "印度是上海合作组织成员国。".into(),
                "IND",
                "memberOf",
                sco,
                true,
            ),
            (
                "S是X伙伴",
                "印度是上海合作组织伙伴。".into(),
                "IND",
                "memberOf",
                sco,
                false,
            ),
            (
                "S加入X (join verb)",
                "伊朗加入上海合作组织。".into(),
                "IRN",
                "memberOf",
                sco,
                true,
            ),
            (
                "S支持X",
                "伊朗支持上海合作组织。".into(),
                "IRN",
                "memberOf",
                sco,
                false,
            ),
            (
                "X轮值主席国S",
                "上海合作组织轮值主席国哈萨克斯坦主持会议。".into(),
                "KAZ",
                "chairOf",
                sco,
                true,
            ),
            (
                "X伙伴S",
                "上海合作组织伙伴哈萨克斯坦主持会议。".into(),
                "KAZ",
                "chairOf",
                sco,
                false,
            ),
            (
                "作为X主席国，S",
                "作为上海合作组织主席国，中国将举办峰会。".into(),
                "CHN",
                "chairOf",
                sco,
                true,
            ),
            (
                "作为X成员国，S: no chair",
                "作为上海合作组织成员国，中国将举办峰会。".into(),
                "CHN",
                "chairOf",
                sco,
                false,
            ),
            (
                "S担任X主席国 (chair verb)",
                "中国担任上海合作组织主席国。".into(),
                "CHN",
                "chairOf",
                sco,
                true,
            ),
            (
                "X成员国S1职务P1、S2职务P2 (the members' leaders)",
                "上海合作组织成员国白俄罗斯总统王小明、巴基斯坦总理李大山出席会议。".into(),
                "PAK",
                "memberOf",
                sco,
                true,
            ),
            (
                "X成员国S1职务P1 and a guest after a comma",
                "上海合作组织成员国白俄罗斯总统王小明出席会议，巴基斯坦总理李大山也出席。".into(),
                "PAK",
                "memberOf",
                sco,
                false,
            ),
            (
                "S1、S2和S3担任X主席国时 (each of a list)",
                "我们赞赏哥伦比亚、秘鲁和智利担任上海合作组织轮值主席国时的工作。".into(),
                "COL",
                "chairOf",
                sco,
                true,
            ),
            (
                "a chair is a member",
                "我们赞赏哥伦比亚、秘鲁和智利担任上海合作组织轮值主席国时的工作。".into(),
                "PER",
                "memberOf",
                sco,
                true,
            ),
            (
                "S1支持S2担任X主席国: S1 is no chair",
                "哥伦比亚支持秘鲁担任上海合作组织主席国。".into(),
                "COL",
                "chairOf",
                sco,
                false,
            ),
            (
                "S1、S2先后担任主席国",
                "上海合作组织成员国支持合作。哥伦比亚、秘鲁先后担任主席国。".into(),
                "COL",
                "chairOf",
                sco,
                true,
            ),
            (
                "S支持X主席国",
                "中国支持上海合作组织主席国。".into(),
                "CHN",
                "chairOf",
                sco,
                false,
            ),
            (
                "signatories (glue, signing verb)",
                format!("中国和俄罗斯签署{charter}。"),
                "*",
                "signatory",
                "RUS",
                true,
            ),
            (
                "no signing verb",
                format!("中国和俄罗斯讨论了{charter}。"),
                "*",
                "signatory",
                "RUS",
                false,
            ),
            (
                "D在P签署A: date",
                format!("2001年6月15日，中国和俄罗斯在上海签署{charter}。"),
                "*",
                "date",
                "2001-06-15",
                true,
            ),
            (
                "D…讨论A: no date",
                format!("2001年6月15日，中国和俄罗斯讨论了{charter}。"),
                "*",
                "date",
                "2001-06-15",
                false,
            ),
            (
                "在P签署A: location (location marker)",
                format!("中国和俄罗斯在上海签署{charter}。"),
                "*",
                "location",
                "*",
                true,
            ),
            (
                "P签署A: no location",
                format!("中国和俄罗斯上海签署{charter}。"),
                "*",
                "location",
                "*",
                false,
            ),
            (
                "E于D举行 (date preposition)",
                "上海合作组织峰会于2019年6月14日举行。".into(),
                "*",
                "date",
                "2019-06-14",
                true,
            ),
            (
                "E讨论D",
                "上海合作组织峰会讨论2019年6月14日的事件。".into(),
                "*",
                "date",
                "2019-06-14",
                false,
            ),
            (
                "E在P举行 (place preposition)",
                "上海合作组织峰会在比什凯克举行。".into(),
                "*",
                "location",
                "*",
                true,
            ),
            (
                "E离开P",
                "上海合作组织峰会离开比什凯克。".into(),
                "*",
                "location",
                "*",
                false,
            ),
            (
                "sub-organization",
                "上海合作组织实业家委员会和上海合作组织举行会议。".into(),
                "*",
                "subOrganizationOf",
                sco,
                true,
            ),
            (
                "no parent named",
                "联合国和上海合作组织举行会议。".into(),
                "*",
                "subOrganizationOf",
                sco,
                false,
            ),
        ];
        for (rule, text, subject, property, object, fires) in cases {
            let found = relations(&BUILTIN, text);
            assert_eq!(
                has(&found, subject, property, object),
                *fires,
                "{rule}: {text:?} gave {found:?}"
            );
        }
    }

    /// A user's words.tsv changes the rules: a join verb added makes a membership appear,
    /// 在 removed with `-` as a place preposition and a location marker makes a location
    /// disappear.
    #[test]
    fn a_user_word_list_changes_the_rules() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("words.tsv"),
            "list\tword\tvalue\njoin_verb\t申请加入\t\nplace_preposition\t在\t-\nlocation_marker\t在\t-\n",
        )
        .unwrap();
        let user = Extractor::new(Lexicon::load(&[dir.path().to_path_buf()]).unwrap());
        let sco = "上海合作组织";
        let joins = "伊朗申请加入上海合作组织。";
        assert!(!has(&relations(&BUILTIN, joins), "IRN", "memberOf", sco));
        assert!(has(&relations(&user, joins), "IRN", "memberOf", sco));
        let held = "上海合作组织峰会在比什凯克举行。";
        assert!(has(&relations(&BUILTIN, held), "*", "location", "*"));
        assert!(!has(&relations(&user, held), "*", "location", "*"));
    }

    /// Glue is any sequence of glue words, and nothing else.
    /// A speech's date and place are its event's only where no document of the file
    /// gives the event its own.
    #[test]
    fn a_speech_dates_its_event_unless_another_document_does() {
        let speech = "# 携手合作\n——在第二届中国—中亚峰会上的讲话\n（2025年6月17日，阿斯塔纳）\n中华人民共和国主席 王小明\n各位同事：\n我们相聚。\n（新华社阿斯塔纳6月17日电）\n";
        let facts = |text: &str| -> Vec<(String, &'static str, String)> {
            super::super::testing::extract(text)
                .iter()
                .flat_map(|d| &d.relations)
                .filter(|r| r.subject.key == "第二届中国—中亚峰会")
                .map(|r| {
                    (
                        r.subject.key.clone(),
                        r.property.name(),
                        r.object.key.clone(),
                    )
                })
                .collect()
        };
        let alone = facts(speech);
        assert!(
            alone
                .iter()
                .any(|(_, p, o)| *p == "date" && o == "2025-06-17"),
            "{alone:?}"
        );
        assert!(
            alone
                .iter()
                .any(|(_, p, o)| *p == "location" && o == "阿斯塔纳"),
            "{alone:?}"
        );
        let with_declaration = facts(&format!(
            "{speech}阿斯塔纳宣言\n第二届中国—中亚峰会于2025年6月16日至17日在阿斯塔纳举行。各方同意加强合作。\n"
        ));
        let dates: Vec<&str> = with_declaration
            .iter()
            .filter(|(_, p, _)| *p == "date")
            .map(|(_, _, o)| o.as_str())
            .collect();
        assert_eq!(dates, ["2025-06-16/2025-06-17"], "{with_declaration:?}");
    }

    /// A pair word before a signing verb: the parties sign, or their heads.
    #[test]
    fn a_pair_signs_as_its_parties_or_their_heads() {
        let signatories = |text: &str, agreement: &str| -> Vec<String> {
            let mut out: Vec<String> = super::super::testing::extract(text)
                .iter()
                .flat_map(|d| &d.relations)
                .filter(|r| {
                    r.property == crate::model::Property::Signatory && r.subject.key == agreement
                })
                .map(|r| r.object.key.clone())
                .collect();
            out.sort();
            out
        };
        let opening = "习近平同巴西总统卢拉会谈\n新华社北京4月14日电 中国国家主席习近平同巴西总统卢拉举行会谈。\n";
        assert_eq!(
            signatories(
                &format!("{opening}双方签署了《经济合作协定》。"),
                "经济合作协定"
            ),
            ["BRA", "CHN"]
        );
        assert_eq!(
            signatories(
                &format!("{opening}会谈结束时，两国元首一同签署了《全面战略伙伴关系联合声明》。"),
                "全面战略伙伴关系联合声明"
            ),
            ["习近平", "卢拉"]
        );
        // the items of a list a signing line opens, not a list another line opens
        let list = format!(
            "{opening}会谈后，双方签署了以下协议：\n（一）《经济合作协定》\n（二）《文化合作协定》\n"
        );
        assert_eq!(signatories(&list, "文化合作协定"), ["BRA", "CHN"]);
        let discussed = format!(
            "{opening}双方讨论了以下文件：\n（一）《经济合作协定》\n（二）《文化合作协定》\n"
        );
        assert_eq!(
            signatories(&discussed, "文化合作协定"),
            Vec::<String>::new()
        );
        // another name between the pair and the verb signs instead; no signing verb, no one
        assert_eq!(
            signatories(
                &format!("{opening}双方欢迎俄罗斯签署《经济合作协定》。"),
                "经济合作协定"
            ),
            ["RUS"]
        );
        assert_eq!(
            signatories(
                &format!("{opening}双方积极评价《经济合作协定》。"),
                "经济合作协定"
            ),
            Vec::<String>::new()
        );
    }

    /// The relations of `property` that `text` gives, each as `show` prints it, sorted.
    fn facts(
        text: &str,
        property: crate::model::Property,
        show: impl Fn(&crate::model::Relation) -> String,
    ) -> Vec<String> {
        let mut out: Vec<String> = super::super::testing::extract(text)
            .iter()
            .flat_map(|d| &d.relations)
            .filter(|r| r.property == property)
            .map(show)
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_pair_as_members_are_the_parties() {
        let members = |text: &str| {
            facts(text, crate::model::Property::MemberOf, |r| {
                format!("{} {}", r.subject.key, r.object.key)
            })
        };
        let title = "中华人民共和国和斐济共和国联合声明\n";
        assert_eq!(
            members(&format!("{title}作为联合国安理会理事国，双方支持和平。")),
            ["CHN 联合国安理会", "FJI 联合国安理会"]
        );
        assert_eq!(
            members(&format!("{title}一、中斐作为联合国安理会理事国承担责任。")),
            ["CHN 联合国安理会", "FJI 联合国安理会"]
        );
        // another subject after the phrase; no member noun
        assert_eq!(
            members(&format!("{title}作为联合国安理会理事国，中方支持和平。")),
            ["CHN 联合国安理会"]
        );
        assert_eq!(
            members(&format!("{title}作为联合国安理会的伙伴，双方支持和平。")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_agreement_named_after_its_parties_is_signed_by_them() {
        let signatories = |text: &str| {
            facts(text, crate::model::Property::Signatory, |r| {
                r.object.key.clone()
            })
        };
        assert_eq!(
            signatories("双方回顾了《中华人民共和国和斐济共和国关于渔业合作的联合声明》。"),
            ["CHN", "FJI"]
        );
        assert_eq!(
            signatories("双方回顾了中华人民共和国政府和斐济共和国政府联合公报。"),
            ["CHN", "FJI"]
        );
        // a topic state, one state, a compound, no state at the start: no one
        assert_eq!(
            signatories("各方回顾了《中华人民共和国关于斐济问题的声明》。"),
            Vec::<String>::new()
        );
        assert_eq!(
            signatories("双方回顾了《中斐渔业合作联合声明》。"),
            Vec::<String>::new()
        );
        assert_eq!(
            signatories("双方回顾了《关于中华人民共和国和斐济共和国渔业合作的联合声明》。"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn glue_is_a_sequence_of_glue_words() {
        let lex = Lexicon::builtin();
        for (gap, glue) in [
            ("", true),
            ("在", true),
            ("期间共同签署的", true),
            ("，、和", true),
            ("讨论了", false),
            ("签署了", false),
        ] {
            assert_eq!(super::is_glue(&lex.words, gap), glue, "{gap:?}");
        }
    }
}
