//! Graph building: annotated documents → RDF quads, exactly per SCHEMA.md.
//!
//! In: [`Annotated`] documents. Out: quads, each fact stored once:
//! - each document's in the named graph whose IRI is the document's (the document is
//!   also its `nif:Context`): its fields, its mentions (one `nif:OffsetBasedString`
//!   each, with context, offsets, anchor and entity), the other names it gives its
//!   entities (`skos:altLabel`) and the relations it states;
//! - its statements and their sentences (one `nif:Sentence` each) in the graph
//!   `{document IRI}/statements`; a statement's CAMEO code is its act's (the ontology
//!   gives it), so it is not stored per statement;
//! - why each mention is there, in the document's graph: one node per rule that made
//!   mentions, listing them (see `rule_nodes`), instead of a `dg:rule` triple per
//!   mention (a statement, twenty times rarer, keeps its own `dg:rule`);
//! - what is the same in every document that mentions an entity (its class, Chinese
//!   label, value, currency, OWL-Time) once for the store in [`ENTITIES`], and what the
//!   lexicon knows of it (English names, Wikidata IDs, ISO codes, lexicon relations),
//!   which no scorer counts, once in [`LEXICON`] ([`describe`]; the store removes
//!   an entity's description when no document refers to it any more).
//!
//! Guarantees: IRIs are deterministic and valid whatever a label holds (letters stay,
//! everything else is percent-encoded: `dgr:org/上海合作组织`, `dgr:agreement/%E3%80%88…`); mention offsets are code points of the
//! original text, end exclusive, and `nif:anchorOf` equals that span of `nif:isString`;
//! quads come out in a deterministic order.

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term};

use crate::model::{Annotated, Class, DocKind, Entity, EntityId};
use crate::text::Offsets;
use crate::vocab::{dcterms, dg, dgr, itsrdf, nif, rdf, rdfs, skos, time, xsd};

/// The key of a resource IRI: ASCII letters, digits and `-._~` and non-ASCII letters
/// (Chinese characters among them) stand as they are, so IRIs stay readable
/// (`dgr:org/上海合作组织`); everything else (white space, brackets, quotes, `/`, `#`,
/// punctuation such as 《》、—) is percent-encoded, so the IRI is valid whatever the label.
pub fn encode_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len() * 3);
    for c in key.chars() {
        if c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | '_' | '~')
            || (!c.is_ascii() && c.is_alphanumeric())
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The IRI of an entity.
pub fn entity_iri(id: &EntityId) -> NamedNode {
    let key = match id.class {
        Class::Date => id.key.replace('/', "--"),
        Class::MonetaryAmount => id.key.replace(' ', "-"),
        _ => id.key.clone(),
    };
    iri(&format!(
        "{}{}/{}",
        dgr::NS,
        id.class.segment(),
        encode_key(&key)
    ))
}

/// The IRI of a document: `dgr:doc/{file name}/{sequence}` (the whole name, so that
/// `a.txt` and `a.md` stay apart).
pub fn document_iri(source_name: &str, seq: usize) -> NamedNode {
    iri(&format!("{}doc/{}/{seq}", dgr::NS, encode_key(source_name)))
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn zh(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "zh")
}

fn count(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), iri(xsd::NON_NEGATIVE_INTEGER))
}

struct Writer {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Writer {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(s, iri(p), o, self.graph.clone()));
    }
}

/// The graph of a document's statements: `{document IRI}/statements`. Statements live
/// beside the document's graph, not in it, so that the document's graph holds exactly
/// the entity relations the text states (a statement's `dg:date` is no relation between
/// entities, and scorers that read relations from document graphs must not see it).
pub fn statement_graph(doc: &NamedNode) -> NamedNode {
    iri(&format!("{}/statements", doc.as_str()))
}

/// The graph of what each entity is, once for the store: its class, Chinese label and,
/// for dates and sums, value, currency and OWL-Time (facts that depend on the entity
/// alone, not on the document that mentions it).
pub const ENTITIES: &str = dgr::ENTITIES_GRAPH;

/// The graph of what the lexicon knows of the entities, once for the store: English
/// names, Wikidata IDs, ISO codes and the lexicon's relations, which no scorer counts.
pub const LEXICON: &str = dgr::LEXICON_GRAPH;

/// Whether `graph` is one of the store-wide graphs of entity descriptions.
pub fn is_description_graph(graph: &str) -> bool {
    graph == ENTITIES || graph == LEXICON
}

/// One entity's description: its quads in [`ENTITIES`] and [`LEXICON`], the same in
/// every document that mentions it.
pub struct Description {
    pub id: EntityId,
    pub quads: Vec<Quad>,
}

/// The quads of one document: its graph, then its statements' (not the descriptions of its entities: see [`describe`] and [`file_quads`]).
pub fn document_quads(doc: &Annotated) -> Vec<Quad> {
    let d = &doc.doc;
    let doc_iri = document_iri(&d.source_name, d.seq);
    let mut w = Writer {
        graph: GraphName::NamedNode(doc_iri.clone()),
        quads: Vec::new(),
    };
    let norm_offsets = Offsets::new(&d.norm);
    let text_offsets = Offsets::new(&d.text);
    let text_chars = d.text.chars().count();
    let chars = |span: &std::ops::Range<usize>| norm_offsets.chars(span);
    let span_node = |kind: &str, c: &std::ops::Range<usize>| {
        iri(&format!(
            "{}#{kind}={},{}",
            doc_iri.as_str(),
            c.start,
            c.end
        ))
    };
    // what each rule made, as IRIs relative to the document's, in order of appearance
    let mut made: Vec<(&str, String)> = Vec::new();

    // the document and its context
    w.add(doc_iri.clone(), rdf::TYPE, iri(dg::DOCUMENT));
    match doc.kind {
        DocKind::Speech => w.add(doc_iri.clone(), rdf::TYPE, iri(dg::SPEECH)),
        DocKind::Declaration => w.add(doc_iri.clone(), rdf::TYPE, iri(dg::DECLARATION)),
        DocKind::JointStatement => {
            w.add(doc_iri.clone(), rdf::TYPE, iri(dg::DECLARATION));
            w.add(doc_iri.clone(), rdf::TYPE, iri(dg::JOINT_STATEMENT));
        }
        DocKind::Communique => w.add(doc_iri.clone(), rdf::TYPE, iri(dg::COMMUNIQUE)),
        DocKind::NewsReport => w.add(doc_iri.clone(), rdf::TYPE, iri(dg::NEWS_REPORT)),
        DocKind::Document => {}
    }
    w.add(doc_iri.clone(), rdf::TYPE, iri(nif::CONTEXT));
    w.add(
        doc_iri.clone(),
        nif::IS_STRING,
        Literal::new_simple_literal(&d.text),
    );
    w.add(doc_iri.clone(), nif::BEGIN_INDEX, count(0));
    w.add(doc_iri.clone(), nif::END_INDEX, count(text_chars));
    w.add(
        doc_iri.clone(),
        dg::SEQUENCE,
        Literal::new_typed_literal(d.seq.to_string(), iri(xsd::INTEGER)),
    );
    w.add(
        doc_iri.clone(),
        dg::SOURCE_FILE,
        Literal::new_simple_literal(&d.source_name),
    );
    let f = &doc.fields;
    if let Some(t) = &f.title {
        w.add(doc_iri.clone(), dcterms::TITLE, zh(t));
    }
    for (p, v) in [
        (dg::AUTHOR, &f.author),
        (dg::DATE_PROP, &f.date),
        (dg::LOCATION, &f.location),
        (dg::DELIVERED_AT, &f.delivered_at),
    ] {
        if let Some(id) = v {
            w.add(doc_iri.clone(), p, entity_iri(id));
        }
    }
    for s in &f.signatories {
        w.add(doc_iri.clone(), dg::SIGNATORY, entity_iri(s));
    }

    // the names this document gives its entities besides their labels
    for e in doc.entities.values() {
        let node = entity_iri(&e.id);
        for a in &e.alt_labels {
            w.add(node.clone(), skos::ALT_LABEL, zh(a));
        }
    }

    // mentions
    for m in &doc.mentions {
        let c = chars(&m.span);
        let node = span_node("char", &c);
        offset_string(
            &mut w,
            &node,
            nif::OFFSET_BASED_STRING,
            &doc_iri,
            &c,
            &d.text[text_offsets.bytes(&c)],
        );
        w.add(node, itsrdf::TA_IDENT_REF, entity_iri(&m.entity));
        note(&mut made, &m.rule, &format!("#char={},{}", c.start, c.end));
    }

    // relations
    for r in &doc.relations {
        w.add(
            entity_iri(&r.subject),
            r.property.iri(),
            entity_iri(&r.object),
        );
    }

    // why each mention is there
    rule_nodes(&mut w, &doc_iri, made);

    // statements, in the document's statement graph
    let mut w_doc = std::mem::replace(
        &mut w,
        Writer {
            graph: GraphName::NamedNode(statement_graph(&doc_iri)),
            quads: Vec::new(),
        },
    );
    for s in &doc.statements {
        let c = chars(&s.sentence);
        let sentence = span_node("sentence", &c);
        let st = iri(&format!(
            "{}/statement/{}-{}-{}",
            doc_iri.as_str(),
            c.start,
            s.act,
            encode_key(&s.actor.key)
        ));
        offset_string(
            &mut w,
            &sentence,
            nif::SENTENCE,
            &doc_iri,
            &c,
            &d.text[text_offsets.bytes(&c)],
        );
        w.add(st.clone(), rdf::TYPE, iri(dg::STATEMENT));
        if s.is_proposal() {
            w.add(st.clone(), rdf::TYPE, iri(dg::PROPOSAL));
        }
        w.add(st.clone(), dg::ACTOR, entity_iri(&s.actor));
        w.add(st.clone(), dg::ACT_PROP, iri(&s.act.iri()));
        w.add(st.clone(), dg::SENTENCE, sentence);
        for c in &s.concerns {
            w.add(st.clone(), dg::CONCERNS, entity_iri(c));
        }
        if let Some(a) = &s.amount {
            w.add(st.clone(), dg::AMOUNT, entity_iri(a));
        }
        if let Some(a) = &s.date {
            w.add(st.clone(), dg::DATE_PROP, entity_iri(a));
        }
        w.add(st.clone(), dg::RULE, Literal::new_simple_literal(&s.rule));
        w.add(st, dg::CUE, zh(&s.cue));
    }
    w_doc.quads.append(&mut w.quads);
    let mut quads = w_doc.quads;
    dedup(&mut quads);
    quads
}

/// Why each mention of a document is there, once per rule: the document's graph holds a
/// node `{document IRI}/rule/{rule}` with `dg:rule` (the rule's name:
/// `lexicon:states.tsv#CHN`, `rule:title-brackets` …) and `dg:made`, the IRIs of the
/// mentions it made relative to the document's IRI, in text order and separated by
/// spaces (`#char=12,15 #char=40,43`). A mention's rule is the node of its graph whose
/// `dg:made` lists it; a query joins them by graph (`data/queries/why.rq`).
fn rule_nodes(w: &mut Writer, doc: &NamedNode, made: Vec<(&str, String)>) {
    for (rule, list) in made {
        let node = iri(&format!("{}/rule/{}", doc.as_str(), encode_key(rule)));
        w.add(node.clone(), dg::RULE, Literal::new_simple_literal(rule));
        w.add(node, dg::MADE, Literal::new_simple_literal(&list));
    }
}

/// Adds `item` to what `rule` made.
fn note<'a>(made: &mut Vec<(&'a str, String)>, rule: &'a str, item: &str) {
    match made.iter_mut().find(|(r, _)| *r == rule) {
        Some((_, list)) => {
            list.push(' ');
            list.push_str(item);
        }
        None => made.push((rule, item.to_string())),
    }
}

/// The quads of a source file's documents, then the description of each entity they
/// mention, once (what `diplograph extract` writes for one file, and what `eval` scores).
pub fn file_quads(docs: &[Annotated]) -> Vec<Quad> {
    let mut quads: Vec<Quad> = docs.iter().flat_map(document_quads).collect();
    let mut described = std::collections::HashSet::new();
    for d in docs {
        for e in d.entities.values() {
            if described.insert(&e.id) {
                quads.extend(describe(e).quads);
            }
        }
    }
    quads
}

/// One entity's description: class, label, value, currency and OWL-Time in
/// [`ENTITIES`], then what the lexicon knows in [`LEXICON`].
pub fn describe(e: &Entity) -> Description {
    let node = entity_iri(&e.id);
    let mut w = Writer {
        graph: GraphName::NamedNode(iri(ENTITIES)),
        quads: Vec::new(),
    };
    entity_quads(&mut w, e);
    let mut lexicon = Writer {
        graph: GraphName::NamedNode(iri(LEXICON)),
        quads: w.quads,
    };
    let k = &e.knowledge;
    if let Some(en) = &k.en {
        lexicon.add(
            node.clone(),
            rdfs::LABEL,
            Literal::new_language_tagged_literal_unchecked(en, "en"),
        );
    }
    if let Some(q) = &k.qid {
        lexicon.add(
            node.clone(),
            skos::EXACT_MATCH,
            iri(&crate::vocab::wikidata(q)),
        );
    }
    if let Some(c) = &k.iso3 {
        lexicon.add(node.clone(), dg::ISO3, Literal::new_simple_literal(c));
    }
    for (p, o) in &k.relations {
        lexicon.add(node.clone(), p.iri(), entity_iri(o));
    }
    Description {
        id: e.id.clone(),
        quads: lexicon.quads,
    }
}

/// Drops repeated quads (a sentence two statements share, a relation stated twice),
/// keeping the first of each: a fast hash over borrowed quads, no copies.
fn dedup(quads: &mut Vec<Quad>) {
    let keep: Vec<bool> = {
        let mut seen: std::collections::HashSet<QuadRef<'_>, rustc_hash::FxBuildHasher> =
            std::collections::HashSet::with_capacity_and_hasher(quads.len(), Default::default());
        quads.iter().map(|q| seen.insert(q.as_ref())).collect()
    };
    let mut keep = keep.into_iter();
    quads.retain(|_| keep.next().unwrap_or(true));
}

/// A NIF string of the document (a mention or a sentence): its one class
/// (`nif:OffsetBasedString` for a mention, `nif:Sentence` for a sentence), context,
/// code-point offsets and the text it anchors.
fn offset_string(
    w: &mut Writer,
    node: &NamedNode,
    kind: &str,
    doc: &NamedNode,
    chars: &std::ops::Range<usize>,
    anchor: &str,
) {
    w.add(node.clone(), rdf::TYPE, iri(kind));
    w.add(node.clone(), nif::REFERENCE_CONTEXT, doc.clone());
    w.add(node.clone(), nif::BEGIN_INDEX, count(chars.start));
    w.add(node.clone(), nif::END_INDEX, count(chars.end));
    w.add(
        node.clone(),
        nif::ANCHOR_OF,
        Literal::new_simple_literal(anchor),
    );
}

fn entity_quads(w: &mut Writer, e: &Entity) {
    let node = entity_iri(&e.id);
    w.add(node.clone(), rdf::TYPE, iri(e.id.class.iri()));
    w.add(node.clone(), rdfs::LABEL, zh(&e.label));
    if let Some(v) = &e.value {
        let literal = match e.id.class {
            Class::MonetaryAmount => Literal::new_typed_literal(v, iri(xsd::DECIMAL)),
            _ => Literal::new_simple_literal(v),
        };
        w.add(node.clone(), dg::VALUE, literal);
    }
    if let Some(c) = &e.currency {
        w.add(node.clone(), dg::CURRENCY, Literal::new_simple_literal(c));
    }
    if let (Class::Date, Some(v)) = (e.id.class, &e.value) {
        time_quads(w, &node, v);
    }
}

/// OWL-Time for a date (beside its `dg:value`, which the contract keeps): a day, month
/// or year is a `time:Instant` with `time:inXSDDate`, `time:inXSDgYearMonth` or
/// `time:inXSDgYear`; an interval `A/B` is a `time:Interval` whose `time:hasBeginning`
/// and `time:hasEnd` are the instants `A` and `B`, named as the dates `A` and `B` would
/// be. These are no `dg:` classes, so a date stays an entity of exactly one class.
fn time_quads(w: &mut Writer, node: &NamedNode, value: &str) {
    match value.split_once('/') {
        Some((begin, end)) => {
            w.add(node.clone(), rdf::TYPE, iri(time::INTERVAL));
            for (p, v) in [(time::HAS_BEGINNING, begin), (time::HAS_END, end)] {
                let instant = entity_iri(&EntityId::new(Class::Date, v));
                w.add(node.clone(), p, instant.clone());
                instant_quads(w, &instant, v);
            }
        }
        None => instant_quads(w, node, value),
    }
}

/// What [`ENTITIES`] says of `node` as the instant `value` (an ISO 8601 day, month or
/// year) when it is only the beginning or end of an interval: its OWL-Time type and
/// value (nothing for any other value).
pub fn instant_description(node: &NamedNode, value: &str) -> Vec<Quad> {
    let mut w = Writer {
        graph: GraphName::NamedNode(iri(ENTITIES)),
        quads: Vec::new(),
    };
    instant_quads(&mut w, node, value);
    w.quads
}

fn instant_quads(w: &mut Writer, node: &NamedNode, value: &str) {
    let Some((p, datatype)) = xsd_of_date(value) else {
        return;
    };
    w.add(node.clone(), rdf::TYPE, iri(time::INSTANT));
    w.add(
        node.clone(),
        p,
        Literal::new_typed_literal(value, iri(datatype)),
    );
}

/// The OWL-Time property and XSD datatype of an ISO 8601 day (`2014-09-12`), month
/// (`2015-10`) or year (`2016`); `None` for anything else.
fn xsd_of_date(value: &str) -> Option<(&'static str, &'static str)> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 if digits(0..4) => Some((time::IN_XSD_G_YEAR, xsd::G_YEAR)),
        7 if digits(0..4) && b[4] == b'-' && digits(5..7) => {
            Some((time::IN_XSD_G_YEAR_MONTH, xsd::G_YEAR_MONTH))
        }
        10 if digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) => {
            Some((time::IN_XSD_DATE, xsd::DATE))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_map_to_owl_time_by_their_precision() {
        assert_eq!(
            xsd_of_date("2014-09-12"),
            Some((time::IN_XSD_DATE, xsd::DATE))
        );
        assert_eq!(
            xsd_of_date("2015-10"),
            Some((time::IN_XSD_G_YEAR_MONTH, xsd::G_YEAR_MONTH))
        );
        assert_eq!(
            xsd_of_date("2016"),
            Some((time::IN_XSD_G_YEAR, xsd::G_YEAR))
        );
        for bad in ["", "201", "2014-9-12", "2014/09", "二〇一四", "2014-09-1x"] {
            assert_eq!(xsd_of_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn iris_are_valid_whatever_the_label() {
        for key in [
            "上海合作组织",
            "a b<c>\"d\"{e}|f\\g^h`",
            "〈中亚无核武器区条约〉议定书",
            "6+5工作机制",
            "x/y#z?w",
        ] {
            let id = EntityId::new(Class::Agreement, key);
            let node = entity_iri(&id);
            assert!(NamedNode::new(node.as_str()).is_ok(), "{node}");
        }
        assert_eq!(
            entity_iri(&EntityId::new(Class::State, "CHN")).as_str(),
            "https://w3id.org/diplograph/id/state/CHN"
        );
        assert_eq!(
            entity_iri(&EntityId::new(Class::Date, "2014-09-11/2014-09-12")).as_str(),
            "https://w3id.org/diplograph/id/date/2014-09-11--2014-09-12"
        );
        assert_eq!(
            document_iri("sco-2014-dushanbe.txt", 2).as_str(),
            "https://w3id.org/diplograph/id/doc/sco-2014-dushanbe.txt/2"
        );
    }
}
