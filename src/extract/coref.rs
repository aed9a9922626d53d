//! Coreference: one entity per real thing.
//!
//! - **Definitions**: X（以下简称“Y”或“Z”）makes Y and Z names of X in that document.
//! - **本组织** is the organization the document defines it as, or else the one it names
//!   most often.
//! - **X峰会** (上海合作组织杜尚别峰会, 杜尚别峰会) is the document's own event when X is the
//!   city the document was given in.
//! - **Across the documents of one file**: a meeting named without its ordinal
//!   (上合组织成员国元首理事会会议) is the one named with it (…第十四次会议) when only one
//!   such exists; a short title (《条约》, 《长期睦邻友好合作条约实施纲要》) is the full title
//!   it ends (〈〉 and period qualifiers such as （2013—2017年） set aside), the nearest
//!   one before it in the file, or else the nearest after.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use regex::Regex;

use super::fields::Fields;
use super::names::Candidate;
use crate::model::{Annotated, Class, Entity, EntityId};

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[（(]\s*(?:以下简称|下称|简称)((?:[“「\x22][^”」\x22]{1,20}[”」\x22](?:或|、|和)?)+)\s*[）)]").unwrap());
static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[“「\x22]([^”」\x22]{1,20})[”」\x22]").unwrap());

/// Names a document defines for the entity right before the definition, and every later
/// use of them.
pub fn definitions(norm: &str, mut mentions: Vec<Candidate>) -> Vec<Candidate> {
    let mut names: Vec<(String, Candidate)> = Vec::new();
    for m in &mentions {
        if let Some(caps) = DEFINITION.captures(&norm[m.span.end..]) {
            for q in QUOTED.captures_iter(&caps[1]) {
                names.push((q[1].to_string(), m.clone()));
            }
        }
    }
    for (name, target) in names {
        for (at, _) in norm.match_indices(name.as_str()) {
            let span = at..at + name.len();
            if mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
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

/// 本组织 and X峰会 within one document.
pub fn within_document(norm: &str, mentions: &[Candidate], fields: &Fields) -> Vec<Candidate> {
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
            for (at, _) in norm.match_indices("本组织") {
                let span = at..at + "本组织".len();
                if out.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
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
    // X峰会 → the document's event, where X is where it took place
    if let (Some(event), Some(place)) = (&fields.fields.delivered_at, &fields.fields.location) {
        let target = mentions.iter().find(|m| &m.id == event).cloned();
        if let Some(target) = target {
            let summit = format!("{}峰会", place.key);
            for m in out.iter_mut().filter(|m| m.id.class == Class::Event && m.label.ends_with(&summit)) {
                m.id = target.id.clone();
                m.label = target.label.clone();
                m.rule = format!("{}+coref:summit", m.rule);
            }
        }
    }
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    out
}

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"第[0-9一二三四五六七八九十百]+[次届]").unwrap());
static PERIOD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[（(][^（）()]*[0-9〇一二三四五六七八九]{4}[^（）()]*[）)]").unwrap());

fn bare_title(label: &str) -> String {
    PERIOD.replace_all(label, "").replace(['〈', '〉'], "")
}

/// Merges meetings named with and without their ordinal, and short titles into the full
/// titles they abbreviate, across the documents of one file.
pub fn across_documents(docs: &mut [Annotated]) {
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

    // meetings: one with an ordinal absorbs the ones without
    let events: Vec<&EntityId> = first.keys().filter(|id| id.class == Class::Event).collect();
    for e in &events {
        if ORDINAL.is_match(&e.key) {
            continue;
        }
        let with: Vec<&&EntityId> = events.iter().filter(|o| ORDINAL.is_match(&o.key) && ORDINAL.replace_all(&o.key, "") == e.key.as_str()).collect();
        if let [target] = with.as_slice() {
            map.insert((*e).clone(), (**target).clone());
        }
    }

    // short titles: bracketed ones that end a longer title
    let agreements: Vec<(&EntityId, String)> = first.keys().filter(|id| id.class == Class::Agreement).map(|id| (id, bare_title(&id.key))).collect();
    for (id, bare) in &agreements {
        let bracketed = docs.iter().flat_map(|d| &d.mentions).any(|m| &m.entity == *id && m.rule.starts_with("rule:title"));
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
        longer.sort_by_key(|(_, at)| if *at < here { (0, usize::MAX - at.0, usize::MAX - at.1) } else { (1, at.0, at.1) });
        map.insert((*id).clone(), longer[0].0.clone());
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
        for r in &mut doc.relations {
            r.subject = resolve(&r.subject);
            r.object = resolve(&r.object);
        }
        doc.relations.sort();
        doc.relations.dedup();
        let f = &mut doc.fields;
        for slot in [&mut f.author, &mut f.date, &mut f.location, &mut f.delivered_at] {
            if let Some(id) = slot {
                *id = resolve(id);
            }
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
