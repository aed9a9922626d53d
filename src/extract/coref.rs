//! Coreference: one entity per real thing.
//!
//! - **Definitions**: X（以下简称“Y”或“Z”）makes Y and Z names of X in that document, and so
//!   does an abbreviation in brackets right after a name (…缔约方大会（COP27）).
//! - **本组织** is the organization the document defines it as, or else the one it names
//!   most often; **联盟, 理事会, 委员会** alone are the last organization named with that
//!   head (最高欧亚经济理事会 … 理事会责成).
//! - **Organs named without their organization** (外长理事会, 元首理事会) are the organ
//!   of the document's organization that the lexicon names so, when exactly one is.
//! - **X峰会** (上海合作组织杜尚别峰会, 杜尚别峰会) is the document's own event when X is the
//!   city the document was given in.
//! - **Across the documents of one file**: a meeting named without its ordinal or city
//!   (上合组织成员国元首理事会会议) is the one named with them (…第十四次会议,
//!   最高欧亚经济理事会明斯克会议) unless the file names several ordinals; a short title (《条约》, 《长期睦邻友好合作条约实施纲要》) is the full title
//!   it ends (〈〉 and period qualifiers such as （2013—2017年） set aside), the nearest
//!   one before it in the file, or else the nearest after.
//!
//! The words (以下简称, 本组织, the short references and their modifiers, organs' head
//! nouns, 峰会 …) are lists of `data/rules/words.tsv`, a [`List`] each; [`Rules`] holds
//! what is compiled from them, once per extractor.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use regex::Regex;

use super::fields::Fields;
use super::names::{Candidate, ORDINAL, word_regex};
use crate::lexicon::{Lexicon, List, Words};
use crate::model::{Annotated, Class, Entity, EntityId};

/// What this module compiles from the word lists.
pub struct Rules {
    /// A [`List::DefinitionCues`] definition in brackets: （以下简称“Y”或“Z”）; its first group
    /// holds the quoted names.
    definition: Regex,
    /// Words ending in a [`List::OrganHeads`] head noun (its group `head`), for organs
    /// named without their organization.
    organ: Regex,
}

impl Rules {
    pub fn new(words: &Words) -> Rules {
        Rules {
            definition: word_regex(&format!(
                r"^[（(]\s*(?:{})((?:[“「\x22][^”」\x22]{{1,20}}[”」\x22](?:{})?)+)\s*[）)]",
                words.alternation(List::DefinitionCues),
                words.alternation(List::DefinitionJoiners)
            )),
            organ: word_regex(&format!(
                r"\p{{Han}}{{1,6}}?(?P<head>{})",
                words.alternation(List::OrganHeads)
            )),
        }
    }
}

/// An abbreviation in brackets right after a name: 区域全面经济伙伴关系协定（RCEP）.
static ABBREVIATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(]([A-Za-z][A-Za-z0-9+\-]{1,11})[）)]").unwrap());
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[“「\x22]([^”」\x22]{1,20})[”」\x22]").unwrap());

/// Names a document defines for the entity right before the definition, and every later
/// use of them.
pub fn definitions(rules: &Rules, norm: &str, mut mentions: Vec<Candidate>) -> Vec<Candidate> {
    let mut names: Vec<(String, Candidate)> = Vec::new();
    for m in &mentions {
        if let Some(caps) = rules.definition.captures(&norm[m.span.end..]) {
            for q in QUOTED.captures_iter(&caps[1]) {
                names.push((q[1].to_string(), m.clone()));
            }
        }
        if let Some(caps) = ABBREVIATION.captures(&norm[m.span.end..])
            && !matches!(
                m.id.class,
                crate::model::Class::Date | crate::model::Class::MonetaryAmount
            )
        {
            names.push((caps[1].to_string(), m.clone()));
        }
    }
    for (name, target) in names {
        for (at, _) in norm.match_indices(name.as_str()) {
            let span = at..at + name.len();
            if mentions
                .iter()
                .any(|m| m.span.start < span.end && span.start < m.span.end)
            {
                continue;
            }
            let mut c = target.clone();
            c.span = span;
            c.rule = "rule:definition".into();
            c.nested = false;
            mentions.push(c);
        }
    }
    mentions.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    mentions
}

/// 本组织, short references, organs and X峰会 within one document.
pub fn within_document(
    lex: &Lexicon,
    rules: &Rules,
    norm: &str,
    mentions: &[Candidate],
    fields: &Fields,
) -> Vec<Candidate> {
    let mut out = mentions.to_vec();
    // 本组织: the organization named most often
    let mut counts: BTreeMap<&EntityId, (usize, usize)> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.id.class == Class::Organization && m.parent.is_none() {
            let e = counts.entry(&m.id).or_insert((0, usize::MAX - i));
            e.0 += 1;
        }
    }
    if let Some((main, _)) = counts.into_iter().max_by_key(|(_, v)| *v) {
        let main = mentions.iter().find(|m| &m.id == main).cloned();
        if let Some(main) = main {
            let words = lex.words.list(List::ThisOrganization);
            for (at, word) in words.iter().flat_map(|w| norm.match_indices(w.as_str())) {
                let span = at..at + word.len();
                if out
                    .iter()
                    .any(|m| m.span.start < span.end && span.start < m.span.end)
                {
                    continue;
                }
                let mut c = main.clone();
                c.span = span;
                c.rule = "rule:this-organization".into();
                c.nested = false;
                out.push(c);
            }
        }
    }
    // 联盟, 理事会, 委员会 alone: the last organization so named before it
    let modifiers = lex.words.list(List::ShortReferenceModifiers);
    for word in lex.words.list(List::ShortReferences) {
        let word = word.as_str();
        for (at, _) in norm.match_indices(word) {
            let span = at..at + word.len();
            if out
                .iter()
                .any(|m| m.span.start < span.end && span.start < m.span.end)
                || modifiers.iter().any(|m| norm[..at].ends_with(m.as_str()))
            {
                continue;
            }
            let named = |m: &&Candidate| {
                m.id.class == Class::Organization && m.label.ends_with(word) && m.label != *word
            };
            let target = mentions
                .iter()
                .filter(|m| m.span.end <= at)
                .rev()
                .find(named)
                .or_else(|| mentions.iter().find(named))
                .cloned();
            if let Some(mut c) = target {
                c.span = span;
                c.rule = "rule:short-reference".into();
                c.nested = false;
                out.push(c);
            }
        }
    }
    // 外长理事会, 元首理事会: an organ of the document's organization, by the lexicon's names
    if let Some(main) = super::relations::main_organization(&lex.words, &out) {
        for caps in rules.organ.captures_iter(norm) {
            let (Some(m), Some(head)) = (caps.get(0), caps.name("head")) else {
                continue;
            };
            // a name before the head (本组织秘书处) stays; the organ starts after it
            if out
                .iter()
                .any(|o| o.span.start < m.end() && head.start() < o.span.end)
            {
                continue;
            }
            let free_from = out
                .iter()
                .filter(|o| o.span.start < head.start() && m.start() < o.span.end)
                .map(|o| o.span.end - m.start())
                .max()
                .unwrap_or(0);
            // the longest tail of the words before the head that names one organ
            let text = m.as_str();
            let found = text
                .char_indices()
                .filter(|(i, _)| *i >= free_from && text.len() - i >= head.len())
                .find_map(|(i, _)| {
                    let tail = &text[i..];
                    let mut organs = lex.orgs.iter().enumerate().filter(|(_, o)| {
                        o.parent.as_deref() == Some(main.key.as_str())
                            && std::iter::once(&o.zh)
                                .chain(&o.aliases)
                                .any(|n| n.ends_with(tail))
                    });
                    match (organs.next(), organs.next()) {
                        (Some((index, _)), None) => Some((m.start() + i, index)),
                        _ => None,
                    }
                });
            if let Some((start, i)) = found {
                let mut c =
                    super::names::from_target(lex, crate::lexicon::Target::Org(i), start..m.end());
                c.rule = format!("{}+coref:organ", c.rule);
                out.push(c);
            }
        }
    }
    // the name of an organization: one the document names or the lexicon knows
    let orgs: Vec<&str> = mentions
        .iter()
        .filter(|m| m.id.class == Class::Organization)
        .map(|m| m.label.as_str())
        .collect();
    let is_org = |name: &str| {
        orgs.contains(&name)
            || lex.find_entities(name).any(|(r, targets)| {
                r == (0..name.len())
                    && targets
                        .iter()
                        .any(|t| matches!(t, crate::lexicon::Target::Org(_)))
            })
    };
    // X峰会 → the document's event, where X is where it took place or the organization
    // that holds it (上海合作组织峰会 for 上海合作组织成员国元首理事会第二十二次会议)
    if let Some(event) = &fields.fields.delivered_at {
        let target = mentions.iter().find(|m| &m.id == event).cloned();
        if let Some(target) = target {
            let holders = target
                .label
                .char_indices()
                .map(|(i, _)| &target.label[..i])
                .filter(|prefix| !prefix.is_empty() && is_org(prefix))
                .chain(fields.fields.location.as_ref().map(|p| p.key.as_str()));
            let holders: Vec<&str> = holders.collect();
            let names: Vec<String> = lex
                .words
                .list(List::SummitWords)
                .iter()
                .flat_map(|w| holders.iter().map(move |h| format!("{h}{w}")))
                .collect();
            for m in out.iter_mut().filter(|m| {
                m.id.class == Class::Event
                    && m.id != target.id
                    && names.iter().any(|n| m.label.ends_with(n.as_str()))
            }) {
                m.id = target.id.clone();
                m.label = target.label.clone();
                m.rule = format!("{}+coref:summit", m.rule);
            }
        }
    }
    // 北京峰会 after 中非合作论坛北京峰会: a meeting named by the tail of exactly one longer
    // meeting's name, where what the tail leaves out is an organization (not an ordinal:
    // 中国—东盟领导人会议 is the series of 第二十五次中国—东盟领导人会议)
    let events: Vec<Candidate> = out
        .iter()
        .filter(|c| c.id.class == Class::Event)
        .cloned()
        .collect();
    for c in out.iter_mut().filter(|c| c.id.class == Class::Event) {
        let mut longer = events.iter().filter(|e| {
            e.label.len() > c.label.len()
                && c.label.chars().count() >= 4
                && e.label.ends_with(c.label.as_str())
                && is_org(&e.label[..e.label.len() - c.label.len()])
        });
        let target = longer.next().map(|e| (e.id.clone(), e.label.clone()));
        if let (Some((id, label)), None) = (target, longer.next())
            && id != c.id
        {
            c.id = id;
            c.label = label;
            c.rule = format!("{}+coref:meeting-tail", c.rule);
        }
    }
    // 科林伍德总理 after 玛丽亚·科林伍德: a name that is the last part of a transliterated
    // name the document writes in full is that person
    let full_names: Vec<Candidate> = out
        .iter()
        .filter(|c| c.id.class == Class::Person && c.label.contains('·'))
        .cloned()
        .collect();
    for c in out
        .iter_mut()
        .filter(|c| c.id.class == Class::Person && !c.label.contains('·'))
    {
        let mut owners = full_names
            .iter()
            .filter(|f| f.label.rsplit('·').next() == Some(c.label.as_str()));
        if let (Some(f), None) = (owners.next(), owners.next())
            && f.id != c.id
        {
            c.id = f.id.clone();
            c.label = f.label.clone();
            c.rule = format!("{}+coref:surname", c.rule);
        }
    }
    // 联合声明 alone (发表联合声明): the last agreement named in full with it before it, or
    // else the first after it
    let generic = lex.words.list(List::GenericAgreements);
    let full_names: Vec<Candidate> = out
        .iter()
        .filter(|m| m.id.class == Class::Agreement && !generic.contains(&m.label))
        .cloned()
        .collect();
    for m in out
        .iter_mut()
        .filter(|m| m.id.class == Class::Agreement && generic.contains(&m.label))
    {
        let named = |f: &&Candidate| f.label.ends_with(m.label.as_str());
        let target = full_names
            .iter()
            .filter(|f| f.span.end <= m.span.start)
            .rev()
            .find(named)
            .or_else(|| full_names.iter().find(named));
        if let Some(t) = target {
            m.id = t.id.clone();
            m.label = t.label.clone();
            m.knowledge = t.knowledge.clone();
            m.rule = format!("{}+coref:generic-agreement", m.rule);
        }
    }
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    out
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(][^（）()]*[0-9〇一二三四五六七八九]{4}[^（）()]*[）)]").unwrap()
});

fn bare_title(label: &str) -> String {
    PERIOD.replace_all(label, "").replace(['〈', '〉'], "")
}

/// A piece of a title: a state or organization the lexicon names in it (by its key), or
/// one other character (joiners between names and punctuation left out).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Name(EntityId),
    Char(char),
}

/// The pieces of a title (see [`Token`]).
fn tokens(lex: &Lexicon, title: &str) -> Vec<Token> {
    let norm = crate::text::normalize(title);
    let mut names: Vec<Candidate> = super::names::lexicon_candidates(lex, &norm)
        .into_iter()
        .filter(|c| matches!(c.id.class, Class::State | Class::Organization))
        .collect();
    // the longest name at each start, left to right, not overlapping
    names.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut out = Vec::new();
    let mut at = 0;
    for (i, c) in norm.char_indices() {
        if i < at {
            continue;
        }
        if let Some(n) = names.iter().find(|n| n.span.start == i) {
            out.push(Token::Name(n.id.clone()));
            at = n.span.end;
            continue;
        }
        if !(matches!(
            c,
            '-' | '－' | '—' | '、' | '与' | '和' | '同' | '及' | '〈' | '〉'
        ) || c.is_whitespace())
        {
            out.push(Token::Char(c));
        }
    }
    out
}

/// Whether the title `short` abbreviates `long`: the same names, the same last two
/// characters (the head), and every piece of `short` in order in `long`.
fn abbreviates(short: &[Token], long: &[Token]) -> bool {
    let names = |t: &[Token]| -> BTreeSet<String> {
        t.iter()
            .filter_map(|t| match t {
                Token::Name(id) => Some(id.key.clone()),
                Token::Char(_) => None,
            })
            .collect()
    };
    if short.len() < 3
        || names(short) != names(long)
        || short[short.len() - 2..] != long[long.len().saturating_sub(2)..]
    {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|t| rest.any(|l| l == t))
}

/// Merges meetings named with and without their ordinal, and short titles into the full
/// titles they abbreviate, across the documents of one file.
pub fn across_documents(lex: &Lexicon, docs: &mut [Annotated]) {
    // where each entity is first mentioned: (document, byte)
    let mut first: BTreeMap<EntityId, (usize, usize)> = BTreeMap::new();
    let mut labels: HashMap<EntityId, Entity> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for m in &doc.mentions {
            first.entry(m.entity.clone()).or_insert((d, m.span.start));
        }
        for (id, e) in &doc.entities {
            labels.entry(id.clone()).or_insert_with(|| e.clone());
        }
    }
    let mut map: HashMap<EntityId, EntityId> = HashMap::new();

    // meetings: named with and without ordinal or city, one entity, the fullest name
    let places: Vec<String> = labels
        .values()
        .filter(|e| e.id.class == Class::Place)
        .map(|e| e.label.clone())
        .collect();
    let bare_event = |key: &str| {
        let mut k = ORDINAL.replace_all(key, "").into_owned();
        for p in &places {
            if k.len() > p.len() + 6 {
                k = k.replacen(p.as_str(), "", 1);
            }
        }
        k
    };
    let mut groups: BTreeMap<String, Vec<&EntityId>> = BTreeMap::new();
    for e in first.keys().filter(|id| id.class == Class::Event) {
        groups.entry(bare_event(&e.key)).or_default().push(e);
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        // several different ordinals are several meetings
        let ordinals: BTreeSet<String> = members
            .iter()
            .filter_map(|m| ORDINAL.find(&m.key).map(|o| o.as_str().to_string()))
            .collect();
        if ordinals.len() > 1 {
            continue;
        }
        let target = members
            .iter()
            .max_by_key(|m| (m.key.chars().count(), std::cmp::Reverse(first[**m])))
            .unwrap();
        for m in members {
            if m != target {
                map.insert((*m).clone(), (*target).clone());
            }
        }
    }

    // short titles: bracketed ones that end a longer title
    let agreements: Vec<(&EntityId, String)> = first
        .keys()
        .filter(|id| id.class == Class::Agreement)
        .map(|id| (id, bare_title(&id.key)))
        .collect();
    for (id, bare) in &agreements {
        let bracketed = docs
            .iter()
            .flat_map(|d| &d.mentions)
            .any(|m| &m.entity == *id && m.rule.starts_with("rule:title"));
        if !bracketed {
            continue;
        }
        let mut longer: Vec<(&EntityId, (usize, usize))> = agreements
            .iter()
            .filter(|(o, ob)| o != id && ob.len() > bare.len() && ob.ends_with(bare.as_str()))
            .map(|(o, _)| (*o, first[*o]))
            .collect();
        if longer.is_empty() {
            continue;
        }
        let here = first[*id];
        longer.sort_by_key(|(_, at)| {
            if *at < here {
                (0, usize::MAX - at.0, usize::MAX - at.1)
            } else {
                (1, at.0, at.1)
            }
        });
        map.insert((*id).clone(), longer[0].0.clone());
    }
    // one agreement under a short and a full name (《中国-加共体框架协定》 and
    // 《中华人民共和国与加勒比共同体经贸合作框架协定》, 上合组织宪章 and 上海合作组织宪章):
    // the same states and organizations, the same head, and the short name's other
    // characters in order in the full one
    let forms: Vec<(&EntityId, Vec<Token>)> = agreements
        .iter()
        .filter(|(id, _)| !map.contains_key(*id))
        .map(|(id, _)| (*id, tokens(lex, &id.key)))
        .collect();
    for (id, short) in &forms {
        let bracketed = docs
            .iter()
            .flat_map(|d| &d.mentions)
            .any(|m| &m.entity == *id && m.rule.starts_with("rule:title"));
        if !bracketed || !short.iter().any(|t| matches!(t, Token::Name(_))) {
            continue;
        }
        let full = forms.iter().find(|(o, long)| {
            o != id && o.key.chars().count() > id.key.chars().count() && abbreviates(short, long)
        });
        if let Some((o, _)) = full {
            map.insert((*id).clone(), (*o).clone());
        }
    }
    // one label per entity in the whole file: the fullest one any document gives it
    let mut fullest: HashMap<EntityId, String> = HashMap::new();
    for doc in docs.iter() {
        for e in doc.entities.values() {
            let best = fullest
                .entry(e.id.clone())
                .or_insert_with(|| e.label.clone());
            if e.label.chars().count() > best.chars().count() {
                *best = e.label.clone();
            }
        }
    }
    for doc in docs.iter_mut() {
        for e in doc.entities.values_mut() {
            let best = &fullest[&e.id];
            if *best != e.label
                && !matches!(
                    e.id.class,
                    Class::State | Class::Date | Class::MonetaryAmount
                )
            {
                let old = std::mem::replace(&mut e.label, best.clone());
                if !e.alt_labels.contains(&old) {
                    e.alt_labels.push(old);
                }
                e.alt_labels.retain(|a| a != best);
            }
        }
    }
    // relations need both ends mentioned in the file
    for doc in docs.iter_mut() {
        doc.relations
            .retain(|r| first.contains_key(&r.subject) && first.contains_key(&r.object));
    }
    if map.is_empty() {
        return;
    }
    let resolve = |id: &EntityId| -> EntityId {
        let mut id = id.clone();
        for _ in 0..8 {
            match map.get(&id) {
                Some(next) => id = next.clone(),
                None => break,
            }
        }
        id
    };
    for doc in docs.iter_mut() {
        for m in &mut doc.mentions {
            m.entity = resolve(&m.entity);
        }
        if let Some(o) = &mut doc.organization {
            *o = resolve(o);
        }
        for r in &mut doc.relations {
            r.subject = resolve(&r.subject);
            r.object = resolve(&r.object);
        }
        doc.relations.sort();
        doc.relations.dedup();
        let f = &mut doc.fields;
        for id in [
            &mut f.author,
            &mut f.date,
            &mut f.location,
            &mut f.delivered_at,
        ]
        .into_iter()
        .flatten()
        {
            *id = resolve(id);
        }
        for s in &mut f.signatories {
            *s = resolve(s);
        }
        let old: Vec<Entity> = std::mem::take(&mut doc.entities).into_values().collect();
        for e in old {
            let id = resolve(&e.id);
            if id == e.id {
                merge(&mut doc.entities, e);
                continue;
            }
            let mut target = labels.get(&id).cloned().unwrap_or_else(|| e.clone());
            target.id = id;
            target.alt_labels.clear();
            target.alt_labels.push(e.label.clone());
            target.alt_labels.extend(e.alt_labels);
            merge(&mut doc.entities, target);
        }
        for e in doc.entities.values_mut() {
            let label = e.label.clone();
            e.alt_labels.retain(|a| *a != label);
            e.alt_labels.dedup();
        }
    }
}

fn merge(entities: &mut BTreeMap<EntityId, Entity>, e: Entity) {
    match entities.get_mut(&e.id) {
        Some(have) => {
            for a in e.alt_labels {
                if !have.alt_labels.contains(&a) {
                    have.alt_labels.push(a);
                }
            }
        }
        None => {
            entities.insert(e.id.clone(), e);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::{check_mentions, mentions};

    /// For each rule, a text where it fires and one where it must not.
    #[test]
    fn each_rule_fires_and_holds_back() {
        let speech = |body: &str| {
            format!(
                "# 携手合作\n——在上海合作组织杜尚别峰会上的讲话\n（2014年9月12日，杜尚别）\n{body}"
            )
        };
        check_mentions(&[
            // a document's kind alone is the agreement named in full with it
            (
                "两国元首签署《中华人民共和国和甲国关于建立全面战略伙伴关系的联合声明》。双方还共同发表联合声明，强调合作。",
                "coref:generic-agreement",
                &["联合声明"],
            ),
            (
                "双方发表联合声明，强调合作。",
                "coref:generic-agreement",
                &[],
            ),
            // definitions and abbreviations in brackets
            (
                "欧亚经济委员会（下称“经委会”）成立。经委会开会。",
                "rule:definition",
                &["经委会", "经委会"],
            ),
            (
                "欧亚经济委员会（以下简称“经委会”或“欧经委”）成立。欧经委开会。",
                "rule:definition",
                &["经委会", "欧经委", "欧经委"],
            ),
            (
                "欧亚经济委员会（又称“经委会”）成立。经委会开会。",
                "rule:definition",
                &[],
            ),
            (
                "欧亚经济委员会（EEC）成立。EEC开会。",
                "rule:definition",
                &["EEC", "EEC"],
            ),
            (
                "2014年9月12日（EEC）成立。EEC开会。",
                "rule:definition",
                &[],
            ),
            // 本组织
            (
                "上海合作组织成员国支持本组织。",
                "rule:this-organization",
                &["本组织"],
            ),
            ("成员国支持本组织。", "rule:this-organization", &[]),
            // a head noun alone
            (
                "欧亚经济联盟成立。联盟发展。",
                "rule:short-reference",
                &["联盟"],
            ),
            (
                "欧亚经济联盟成立。战略联盟发展。",
                "rule:short-reference",
                &[],
            ),
            // organs without their organization
            (
                "上海合作组织成员国支持。外长理事会开会。",
                "+coref:organ",
                &["外长理事会"],
            ),
            (
                "上海合作组织成员国支持。青年理事会开会。",
                "+coref:organ",
                &[],
            ),
            // X峰会 in the city the speech was given in
            (
                &speech("杜尚别峰会取得成功。"),
                "+coref:summit",
                &["杜尚别峰会"],
            ),
            (&speech("比什凯克峰会取得成功。"), "+coref:summit", &[]),
            // the tail of one longer meeting's name, an organization left out
            (
                "中非合作论坛北京峰会开幕。北京峰会取得成功。",
                "+coref:meeting-tail",
                &["北京峰会"],
            ),
            (
                "第二十五次中国—东盟领导人会议举行。中国—东盟领导人会议机制运转良好。",
                "+coref:meeting-tail",
                &[],
            ),
            (
                "中非合作论坛北京峰会和上海合作组织北京峰会开幕。北京峰会取得成功。",
                "+coref:meeting-tail",
                &[],
            ),
        ]);
    }

    /// X峰会 is the document's meeting where X is the organization that holds it.
    #[test]
    fn a_summit_of_the_holding_organization_is_the_meeting() {
        let declaration = |summit: &str| {
            format!(
                "# 青河宣言\n上海合作组织成员国元首理事会第二十二次会议于2022年9月16日在撒马尔罕举行。\n成员国认为，{summit}取得成功。"
            )
        };
        let meeting = "上海合作组织成员国元首理事会第二十二次会议";
        assert_eq!(
            keys_of(&declaration("上海合作组织峰会"), "上海合作组织峰会"),
            [meeting]
        );
        assert_ne!(
            keys_of(&declaration("欧亚经济联盟峰会"), "欧亚经济联盟峰会"),
            [meeting]
        );
    }

    /// The entity keys of the mentions whose text is `surface`.
    fn keys_of(text: &str, surface: &str) -> Vec<String> {
        mentions(text)
            .into_iter()
            .filter(|(s, _, _)| s == surface)
            .map(|(_, _, k)| k)
            .collect()
    }

    /// Across the documents of one file: a meeting without its ordinal is the one named
    /// with it (unless several ordinals are named), a short title the full title it ends.
    #[test]
    fn across_documents_fires_and_holds_back() {
        let meeting = "上海合作组织成员国元首理事会会议";
        let file = |ordinals: &[&str]| {
            let mut text = String::new();
            for o in ordinals {
                text += &format!(
                    "上海合作组织成员国元首理事会{o}会议在杜尚别举行。\n（新华社杜尚别9月12日电）\n"
                );
            }
            text + meeting + "取得成功。"
        };
        assert_eq!(
            keys_of(&file(&["第十四次"]), meeting),
            ["上海合作组织成员国元首理事会第十四次会议"]
        );
        assert_eq!(
            keys_of(&file(&["第十三次", "第十四次"]), meeting),
            [meeting]
        );

        let titles = |short: &str| {
            format!("签署《长期睦邻友好合作条约》。\n（新华社北京9月12日电）\n落实《{short}》。")
        };
        assert_eq!(keys_of(&titles("条约"), "条约"), ["长期睦邻友好合作条约"]);
        assert_eq!(keys_of(&titles("公约"), "公约"), ["公约"]);
    }
}
