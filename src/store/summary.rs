//! Summaries: what the analysts' aggregate queries count, kept for the whole store.
//!
//! In: each built file's documents (their counts go into the file's ledger record,
//! [`counts`]) and, after a build changed the store, every record. Out: the graph
//! [`GRAPH`] (`dgr:graph/summary`), replaced in one transaction:
//! - statements by actor and act: a node `dgr:summary/actor/{actor's IRI path}/{Act}`
//!   with `dg:actor`, `dg:act` and `dg:statements` (how many);
//! - statements by the year of their document and act: a node
//!   `dgr:summary/year/{YYYY}/{Act}` with `dg:year` (`xsd:gYear`), `dg:act` and
//!   `dg:statements` (statements of documents without a date are in no year);
//! - for each entity the documents mention, `dg:documents` (how many mention it).
//!
//! Guarantees: the summary is the sum of the counts of the records the store holds, and
//! a record is written and removed with its file's graphs, so incremental builds,
//! replaced and removed files leave exactly the counts of a fresh build; the summary is
//! removed before a build changes the store and summed again after it, so a build
//! killed in between leaves none, and the next build sums it. Summing reads one
//! literal per file, never the documents' graphs.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use oxigraph::store::Store;

use crate::error::Result;
use crate::graph::entity_iri;
use crate::model::Annotated;
use crate::store::{ledger, storage_error};
use crate::vocab::{dg, dgr, xsd};

/// The summary graph.
pub const GRAPH: &str = dgr::SUMMARY_GRAPH;

/// What the documents of one file add to the summary, as the text of its ledger record's
/// `dg:counts`: one count per item, items separated by `;` and fields by a space (entity
/// IRIs hold neither), sorted — `a ACTOR ACT N`
/// (statements by actor IRI and act), `y YEAR ACT N` (by the year of the document's
/// date and act), `e ENTITY N` (documents of the file that mention the entity).
pub fn counts(docs: &[Annotated]) -> String {
    let mut lines: BTreeMap<String, u64> = BTreeMap::new();
    for d in docs {
        let year = d
            .fields
            .date
            .as_ref()
            .map(|date| date.key.chars().take(4).collect::<String>())
            .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
        for s in &d.statements {
            let act = s.act.name();
            *lines
                .entry(format!("a {} {act}", entity_iri(&s.actor).as_str()))
                .or_default() += 1;
            if let Some(y) = &year {
                *lines.entry(format!("y {y} {act}")).or_default() += 1;
            }
        }
        let mut mentioned: Vec<&crate::model::EntityId> =
            d.mentions.iter().map(|m| &m.entity).collect();
        mentioned.sort();
        mentioned.dedup();
        for e in mentioned {
            *lines
                .entry(format!("e {}", entity_iri(e).as_str()))
                .or_default() += 1;
        }
    }
    let mut out = String::new();
    for (key, n) in lines {
        if !out.is_empty() {
            out.push(';');
        }
        out.push_str(&key);
        out.push(' ');
        out.push_str(&n.to_string());
    }
    out
}

/// Removes [`GRAPH`], before a build changes the store: a build killed before it counts
/// again leaves no stale counts, and the next build sees them missing and counts.
pub fn forget(db: &Store, path: &Path) -> Result<()> {
    let mut tx = db.start_transaction().map_err(|e| storage_error(path, e))?;
    tx.remove_named_graph(NamedNodeRef::new_unchecked(GRAPH))
        .map_err(|e| storage_error(path, e))?;
    tx.commit().map_err(|e| storage_error(path, e))
}

/// Sums the counts of every ledger record and replaces [`GRAPH`] with them; returns how
/// long it took.
pub fn refresh(db: &Store, path: &Path) -> Result<Duration> {
    let started = Instant::now();
    let records = ledger::read(db).map_err(|e| storage_error(path, e))?;
    let mut by_actor: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut by_year: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut documents: BTreeMap<String, u64> = BTreeMap::new();
    for r in records.values() {
        for line in r.counts.as_deref().unwrap_or("").split(';') {
            let cells: Vec<&str> = line.split(' ').collect();
            let n = |c: &str| c.parse::<u64>().unwrap_or(0);
            match cells[..] {
                ["a", actor, act, k] => {
                    *by_actor.entry((actor.into(), act.into())).or_default() += n(k)
                }
                ["y", year, act, k] => {
                    *by_year.entry((year.into(), act.into())).or_default() += n(k)
                }
                ["e", entity, k] => *documents.entry(entity.into()).or_default() += n(k),
                _ => {}
            }
        }
    }

    let graph = GraphName::NamedNode(NamedNode::new_unchecked(GRAPH));
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| {
        quads.push(Quad::new(
            s.clone(),
            NamedNode::new_unchecked(p),
            o,
            graph.clone(),
        ))
    };
    let count = |n: u64| -> Term {
        Literal::new_typed_literal(n.to_string(), NamedNodeRef::new_unchecked(xsd::INTEGER)).into()
    };
    for ((actor, act), n) in &by_actor {
        let node = NamedNode::new_unchecked(format!(
            "{}summary/actor/{}/{act}",
            dgr::NS,
            actor.strip_prefix(dgr::NS).unwrap_or(actor)
        ));
        add(&node, dg::ACTOR, NamedNode::new_unchecked(actor).into());
        add(
            &node,
            dg::ACT_PROP,
            NamedNode::new_unchecked(dg::act(act)).into(),
        );
        add(&node, dg::STATEMENTS, count(*n));
    }
    for ((year, act), n) in &by_year {
        let node = NamedNode::new_unchecked(format!("{}summary/year/{year}/{act}", dgr::NS));
        add(
            &node,
            dg::YEAR,
            Literal::new_typed_literal(year, NamedNodeRef::new_unchecked(xsd::G_YEAR)).into(),
        );
        add(
            &node,
            dg::ACT_PROP,
            NamedNode::new_unchecked(dg::act(act)).into(),
        );
        add(&node, dg::STATEMENTS, count(*n));
    }
    for (e, n) in &documents {
        add(&NamedNode::new_unchecked(e), dg::DOCUMENTS, count(*n));
    }
    let mut tx = db.start_transaction().map_err(|e| storage_error(path, e))?;
    tx.clear_graph(NamedNodeRef::new_unchecked(GRAPH))
        .map_err(|e| storage_error(path, e))?;
    // the graph stands even when it counts nothing: it says the counts are current
    tx.insert_named_graph(NamedNodeRef::new_unchecked(GRAPH));
    for q in &quads {
        tx.insert(q);
    }
    tx.commit().map_err(|e| storage_error(path, e))?;
    Ok(started.elapsed())
}
