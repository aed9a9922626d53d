//! Extraction: documents → entities, mentions, relations, document fields, statements.
//!
//! In: a [`SourceFile`] (repaired text). Out: one [`Annotated`] per document, its spans
//! byte ranges of the document's normalised text. The stages, each a module:
//! [`names`] proposes candidate mentions (lexicons and rules), [`resolve`] keeps the
//! longest of overlapping ones, [`dates`] normalises dates and money, [`fields`] reads
//! the document's kind, title, author, date, place and signatures, [`coref`] makes one
//! entity of each real thing (short titles, X峰会, 本组织, 以下简称 …), [`relations`] and
//! [`statements`] read what the text says of them.
//!
//! Guarantees: deterministic (the same input and lexicons give the same output, in the
//! same order); every span lies on character boundaries of the text it indexes; every
//! word a rule consults comes from the lexicon's tables (`data/rules/words.tsv` and the
//! rest), compiled once per [`Extractor`]; no input makes it panic.

mod clauses;
mod coref;
pub mod dates;
mod fields;
mod names;
pub mod numbers;
mod relations;
mod resolve;
mod statements;
#[cfg(test)]
mod testing;

use std::collections::{BTreeMap, HashSet};

use crate::input::{Dateline, Document, SourceFile, split};
use crate::lexicon::Lexicon;
use crate::model::{Annotated, Class, Entity, EntityId, Mention};
use crate::text::Offsets;
use dates::FoundAmount;
use names::Candidate;

/// The rule of the mention of an organization inside the name of a meeting named after
/// it (中非合作论坛 in 中非合作论坛某城峰会): no statement concerns it there.
pub(crate) const MEETING_ORGANIZATION_RULE: &str = "rule:meeting-organization";

/// Turns source files into annotated documents with one set of lexicons.
pub struct Extractor {
    lexicon: Lexicon,
    /// Compiled from the lexicon's word lists, once.
    dateline: Dateline,
    names: names::Rules,
    coref: coref::Rules,
    dates: dates::Rules,
}

impl Extractor {
    pub fn new(lexicon: Lexicon) -> Extractor {
        Extractor {
            dateline: Dateline::new(&lexicon.words),
            names: names::Rules::new(&lexicon.words),
            coref: coref::Rules::new(&lexicon.words),
            dates: dates::Rules::new(&lexicon.words),
            lexicon,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every document of `source`, annotated.
    pub fn extract(&self, source: &SourceFile) -> Vec<Annotated> {
        let mut docs: Vec<Annotated> = split(source, &self.dateline)
            .into_iter()
            .map(|d| self.document(d))
            .collect();
        coref::across_documents(&self.lexicon, &mut docs);
        relations::speech_event_facts(&mut docs);
        for doc in &mut docs {
            // who speaks, once: for the parties' signatures and for the statements
            let voice = clauses::Voice::of(&self.lexicon, doc);
            relations::pair_signatories(&self.lexicon, doc, &voice.parties);
            relations::named_signatories(&self.lexicon, doc);
            relations::pair_members(&self.lexicon, doc, &voice.parties);
            doc.statements = statements::find(&self.lexicon, doc, &voice, &self.dateline);
        }
        docs
    }

    fn document(&self, doc: Document) -> Annotated {
        let lex = &self.lexicon;
        let norm = doc.norm.as_str();
        let reference = fields::reference_date(&self.dateline, &self.dates, norm);

        let mut anchors = names::lexicon_candidates(lex, norm);
        anchors.extend(names::title_candidates(lex, norm));
        let openings = self.dateline.openings(norm);
        anchors.extend(names::title_line_candidate(lex, norm, &openings));
        anchors.extend(names::china_short_candidates(lex, &self.names, norm));
        let compounds = names::compound_candidates(lex, norm, &anchors);
        anchors.extend(compounds);
        let found_dates = dates::find_dates(&self.dates, norm, reference);
        let date_spans: Vec<_> = found_dates.iter().map(|d| d.span.clone()).collect();
        let mut candidates = anchors.clone();
        candidates.extend(names::person_candidates(lex, &self.names, norm, &anchors));
        candidates.extend(names::dotted_candidates(lex, &self.names, norm, &anchors));
        candidates.extend(names::place_candidates(
            lex,
            &self.names,
            norm,
            &self.dateline.places(norm),
            &anchors,
        ));
        candidates.extend(names::honorific_candidates(
            lex,
            &self.names,
            norm,
            &anchors,
        ));
        // (a name starts after a dateline: 新华社某城11月14日电中老联合声明)
        let mut name_starts = date_spans.clone();
        name_starts.extend(openings);
        let heads = names::head_candidates(lex, &self.names, norm, &anchors, &name_starts);
        let mut with_heads = anchors.clone();
        with_heads.extend(heads.iter().cloned());
        for a in names::anniversary_candidates(&self.names, norm, &with_heads) {
            // the war or organization inside an anniversary is mentioned too
            if let Some(inner) = with_heads
                .iter()
                .find(|c| Some(&c.id) == a.parent.as_ref() && c.span.start == a.span.start)
            {
                let mut inner = inner.clone();
                inner.nested = true;
                candidates.push(inner);
            }
            candidates.push(a);
        }
        let title = names::title_agreement(lex, norm, &with_heads).cloned();
        // a meeting named after its organization mentions it there (中非合作论坛北京峰会:
        // the forum, where the text names it nowhere else)
        for h in heads.iter().filter(|h| h.id.class == Class::Event) {
            if let Some(org) = anchors.iter().find(|a| {
                a.id.class == Class::Organization
                    && !a.nested
                    && a.span.start == h.span.start
                    && a.span.end < h.span.end
                    && !heads.iter().any(|n| n.span == a.span && n.id == a.id)
            }) {
                let mut inner = org.clone();
                inner.nested = true;
                inner.rule = MEETING_ORGANIZATION_RULE.into();
                candidates.push(inner);
            }
        }
        candidates.extend(heads);
        if let Some(t) = &title {
            // the states and organizations a title names inside its own name are mentioned
            // there too (甲国和乙国联合声明, 金砖国家领导人第十次会晤某城宣言: its parties or
            // its organization, where an excerpt names them nowhere else)
            // (an organization, not one of its organs: 外长理事会 in 上海合作组织成员国外交部长
            // 理事会会议新闻公报 is the meeting's, left to the rules for organs)
            let top = |a: &Candidate| {
                a.id.class == Class::State
                    || lex
                        .org(&a.id.key)
                        .is_some_and(|i| lex.orgs[i].parent.is_none())
            };
            for a in anchors.iter().filter(|a| {
                matches!(a.id.class, Class::State | Class::Organization)
                    && top(a)
                    && !a.rule.ends_with(":side")
                    && t.span.start <= a.span.start
                    && a.span.end <= t.span.end
                    && a.span != t.span
                    // (a state's longest name only: not 俄罗斯 inside 白俄罗斯共和国)
                    && !(a.id.class == Class::State
                        && anchors.iter().any(|b| {
                            b.span != a.span
                                && b.span.start <= a.span.start
                                && a.span.end <= b.span.end
                                && b.id.class == Class::State
                        }))
            }) {
                let mut inner = a.clone();
                inner.nested = true;
                candidates.push(inner);
            }
            for mut e in names::title_events(lex, &self.names, norm, &anchors, &date_spans, t) {
                // the text may name the title's meeting in full (第一次…会议): the same one
                if let Some(full) = candidates.iter().find(|c| {
                    c.id.class == Class::Event
                        && !c.nested
                        && c.label.len() > e.label.len()
                        && c.label.ends_with(e.label.as_str())
                }) {
                    e.id = full.id.clone();
                    e.label = full.label.clone();
                }
                candidates.push(e);
            }
        }
        for d in &found_dates {
            let mut c = Candidate::new_value(d.span.clone(), Class::Date, &d.value, "rule:date");
            c.label = d.value.clone();
            candidates.push(c);
        }
        let amounts = dates::find_amounts(&self.dates, norm);
        // a name holds no sum of money (300万美元资金)
        candidates.retain(|c| {
            !c.rule.starts_with("rule:head-")
                || !amounts
                    .iter()
                    .any(|a| a.span.start < c.span.end && c.span.start < a.span.end)
        });
        for m in &amounts {
            // an ambiguous currency waits for the document's states (settle_currencies)
            let key = m.key(|_| false);
            let mut c =
                Candidate::new_value(m.span.clone(), Class::MonetaryAmount, &key, "rule:money");
            c.label = key;
            candidates.push(c);
        }
        // nothing is named inside a word that only holds a name (发展中国家)
        let not_names = lex.find_not_names(norm);
        candidates.retain(|c| {
            !not_names
                .iter()
                .any(|w| w.start <= c.span.start && c.span.end <= w.end)
        });
        let mut mentions = resolve::resolve(candidates);
        settle_currencies(&mut mentions, &amounts);
        let mentions = coref::definitions(&self.coref, norm, mentions);
        let fields_found = fields::read(lex, &self.dateline, norm, &mentions);
        let mentions = coref::within_document(lex, &self.coref, norm, &mentions, &fields_found);
        let relations = relations::find(lex, norm, &mentions, &fields_found);
        let organization = relations::voice_organization(lex, norm, &mentions, &fields_found);
        let mut annotated = build(doc, fields_found, mentions, relations);
        annotated.organization = organization;
        annotated
    }
}

/// Assembles the annotated document: entities (labels, alternative names as printed,
/// values and lexicon knowledge) and mentions.
fn build(
    doc: Document,
    fields: fields::Fields,
    mentions: Vec<Candidate>,
    relations: Vec<crate::model::Relation>,
) -> Annotated {
    let norm_offsets = Offsets::new(&doc.norm);
    let text_offsets = Offsets::new(&doc.text);
    let mut entities: BTreeMap<EntityId, Entity> = BTreeMap::new();
    let mut out = Vec::new();
    for m in &mentions {
        let printed = &doc.text[text_offsets.bytes(&norm_offsets.chars(&m.span))];
        let e = entities.entry(m.id.clone()).or_insert_with(|| Entity {
            id: m.id.clone(),
            label: m.label.clone(),
            alt_labels: Vec::new(),
            value: None,
            currency: None,
            knowledge: m.knowledge.clone(),
        });
        match m.id.class {
            Class::Date => e.value = Some(m.id.key.clone()),
            Class::MonetaryAmount => {
                // `value currency`, or the value alone (a currency the text leaves open)
                let (value, currency) = match m.id.key.split_once(' ') {
                    Some((value, currency)) => (value, Some(currency.to_string())),
                    None => (m.id.key.as_str(), None),
                };
                e.value = Some(value.to_string());
                e.currency = currency;
            }
            _ => {
                // the fullest printed name is the label of rule-made names
                if m.label.chars().count() > e.label.chars().count()
                    && !m.rule.starts_with("lexicon:")
                {
                    let old = std::mem::replace(&mut e.label, m.label.clone());
                    push_unique(&mut e.alt_labels, old);
                }
                if printed != e.label {
                    push_unique(&mut e.alt_labels, printed.to_string());
                }
            }
        }
        out.push(Mention {
            span: m.span.clone(),
            entity: m.id.clone(),
            rule: m.rule.clone(),
        });
    }
    for e in entities.values_mut() {
        let label = e.label.clone();
        e.alt_labels.retain(|a| *a != label);
    }
    let sentences = statements::sentences(&doc.norm);
    let mut doc_fields = fields.fields;
    doc_fields.title = fields.title_span.map(|r| {
        doc.text[text_offsets.bytes(&norm_offsets.chars(&r))]
            .trim()
            .to_string()
    });
    Annotated {
        kind: fields.kind,
        fields: doc_fields,
        entities,
        mentions: out,
        relations,
        statements: Vec::new(),
        sentences,
        organization: None,
        doc,
    }
}

/// Gives each amount its currency from the states the document names once overlaps are
/// resolved (the state mentions, X方 forms included): what an ambiguous currency word
/// (里亚尔) needs, see [`FoundAmount::currency`]; other amounts keep their key.
fn settle_currencies(mentions: &mut [Candidate], amounts: &[FoundAmount]) {
    let states: HashSet<String> = mentions
        .iter()
        .filter(|m| m.id.class == Class::State)
        .map(|m| m.id.key.clone())
        .collect();
    for m in mentions
        .iter_mut()
        .filter(|m| m.id.class == Class::MonetaryAmount)
    {
        if let Some(amount) = amounts.iter().find(|a| a.span == m.span) {
            let key = amount.key(|s| states.contains(s));
            m.id = EntityId::new(Class::MonetaryAmount, key.clone());
            m.label = key;
        }
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// The state the first X方 form of `norm` (normalised text) is linked to, if any (for
/// tests of ambiguous forms such as 乌方).
#[cfg(test)]
pub(crate) fn side_of(lex: &Lexicon, norm: &str) -> Option<String> {
    names::lexicon_candidates(lex, norm)
        .into_iter()
        .find(|c| c.rule.ends_with(":side"))
        .map(|c| c.id.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, currency) of every amount the built-in extractor finds in `text`.
    fn amounts(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let extractor = Extractor::new(Lexicon::builtin());
        let source = crate::input::from_text("t.txt".into(), "t.txt".into(), text);
        extractor
            .extract(&source)
            .into_iter()
            .flat_map(|d| d.entities.into_values())
            .filter(|e| e.id.class == Class::MonetaryAmount)
            .map(|e| (e.value, e.currency))
            .collect()
    }

    #[test]
    fn ambiguous_currencies_take_the_one_state_the_document_names() {
        let cases = [
            ("沙特阿拉伯将提供5亿里亚尔。", Some("SAR")),
            ("沙方将提供5亿里亚尔。", Some("SAR")),
            ("沙特和卡塔尔各提供5亿里亚尔。", None),
            ("伊拉克和俄罗斯签署20亿第纳尔的协议。", Some("IQD")),
            ("双方将提供5亿里亚尔。", None),
            ("卡塔尔和俄罗斯将提供5亿美元。", Some("USD")),
        ];
        for (text, currency) in cases {
            let value = if text.contains("20亿") {
                "2000000000"
            } else {
                "500000000"
            };
            assert_eq!(
                amounts(text),
                vec![(Some(value.to_string()), currency.map(String::from))],
                "{text}"
            );
        }
    }

    /// A meeting named after its organization mentions it inside its name: the voice of a
    /// declaration adopted there, where the text names the organization nowhere else; no
    /// statement concerns it there. A meeting named after no organization mentions none.
    #[test]
    fn a_meeting_named_after_its_organization_mentions_it() {
        let extractor = Extractor::new(Lexicon::builtin());
        let read = |text: &str| -> (Vec<String>, Vec<String>, usize) {
            let source = crate::input::from_text("t.txt".into(), "t.txt".into(), text);
            let docs = extractor.extract(&source);
            let orgs = docs[0]
                .mentions
                .iter()
                .filter(|m| m.entity.class == Class::Organization)
                .map(|m| m.entity.key.clone())
                .collect();
            let actors = docs[0]
                .statements
                .iter()
                .map(|s| s.actor.key.clone())
                .collect();
            let concerning = docs[0]
                .statements
                .iter()
                .filter(|s| s.concerns.iter().any(|c| c.class == Class::Organization))
                .count();
            (orgs, actors, concerning)
        };
        let (orgs, actors, concerning) = read(
            "金城宣言\n我们于2030年9月4日至6日在金城举行中非合作论坛金城峰会，并发表宣言如下：\n我们支持中非合作论坛金城峰会的成果。\n",
        );
        assert_eq!(
            orgs,
            vec!["中非合作论坛".to_string(), "中非合作论坛".to_string()]
        );
        assert_eq!(actors, vec!["中非合作论坛".to_string()]);
        assert_eq!(concerning, 0);
        let (orgs, _, _) = read("金城宣言\n我们于2030年9月4日在金城举行金城峰会。\n");
        assert!(orgs.is_empty(), "{orgs:?}");
    }

    /// A state or an organization (not an organ) that its title names is mentioned inside
    /// the title, so that the statements it makes have an actor the graph describes; a line
    /// that is no title mentions none that way.
    #[test]
    fn the_states_and_organizations_inside_a_title_are_mentioned() {
        let extractor = Extractor::new(Lexicon::builtin());
        let states = |text: &str| -> (Vec<String>, bool) {
            let source = crate::input::from_text("t.txt".into(), "t.txt".into(), text);
            let docs = extractor.extract(&source);
            let described = docs.iter().all(|d| {
                d.statements
                    .iter()
                    .all(|s| d.entities.contains_key(&s.actor))
            });
            let keys = docs
                .iter()
                .flat_map(|d| d.mentions.iter())
                .filter(|m| matches!(m.entity.class, Class::State | Class::Organization))
                .map(|m| m.entity.key.clone())
                .collect();
            (keys, described)
        };
        assert_eq!(
            states("中华人民共和国和土库曼斯坦联合声明\n双方同意加强合作。"),
            (vec!["CHN".to_string(), "TKM".to_string()], true)
        );
        assert_eq!(
            states("金砖国家领导人第十次会晤金城宣言\n我们同意加强合作。"),
            (vec!["金砖国家".to_string()], true)
        );
        assert_eq!(
            states("上海合作组织成员国外交部长理事会会议新闻公报\n会议同意加强合作。"),
            (vec!["上海合作组织".to_string()], true)
        );
        assert_eq!(
            states("双方同意，土库曼斯坦是好伙伴。\n双方同意加强合作。"),
            (vec!["TKM".to_string()], true)
        );
    }
}
