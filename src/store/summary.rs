//! Summaries: what the analysts' aggregate queries count, counted once per build.
//!
//! In: the store after a build changed it. Out: the graph [`GRAPH`]
//! (`dgr:graph/summary`), replaced in one transaction:
//! - statements by actor and act: a node `dgr:summary/actor/{actor's IRI path}/{Act}`
//!   with `dg:actor`, `dg:act` and `dg:statements` (how many);
//! - statements by the year of their document and act: a node
//!   `dgr:summary/year/{YYYY}/{Act}` with `dg:year` (`xsd:gYear`), `dg:act` and
//!   `dg:statements` (statements of documents without a date are in no year);
//! - for each entity the documents mention, `dg:documents` (how many mention it).
//!
//! Guarantees: the summary is removed before a build changes the store and counted from
//! the store itself after it, so incremental builds, replaced and removed files leave exactly the counts
//! of a fresh build; a build that changes nothing leaves it as it was. A scan of the whole
//! store is what these questions cost without it (seconds on a 100 MB corpus; see
//! BENCHMARKS.md); with it they read a few thousand quads.

use std::path::Path;
use std::time::{Duration, Instant};

use std::collections::{HashMap, HashSet};

use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Store};

use crate::error::Result;
use crate::store::storage_error;
use crate::vocab::{dg, dgr, itsrdf, xsd};

/// The summary graph.
pub const GRAPH: &str = dgr::SUMMARY_GRAPH;

/// Removes [`GRAPH`], before a build changes the store: a build killed before it counts
/// again leaves no stale counts, and the next build sees them missing and counts.
pub fn forget(db: &Store, path: &Path) -> Result<()> {
    let mut tx = db.start_transaction().map_err(|e| storage_error(path, e))?;
    tx.remove_named_graph(NamedNodeRef::new_unchecked(GRAPH))
        .map_err(|e| storage_error(path, e))?;
    tx.commit().map_err(|e| storage_error(path, e))
}

/// Counts the summaries again and replaces [`GRAPH`] with them; returns how long it took.
///
/// How: a scan of one predicate at a time, counted in memory that grows with the
/// number of statements (a 64-bit hash and an act each), not with the text: `dg:date`
/// (the year of each dated document), `dg:act` (the act of each statement of a
/// statement graph), `dg:actor` (joined to it by the statement) and
/// `itsrdf:taIdentRef`, whose quads come grouped by entity (Oxigraph's
/// predicate–object–subject–graph index), so the documents of one entity are counted at
/// a time. A statement's document is the prefix of its IRI (`{document}/statement/…`).
pub fn refresh(db: &Store, path: &Path) -> Result<Duration> {
    let started = Instant::now();
    let err = |e| storage_error(path, e);
    let scan =
        |p: &str| db.quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(p)), None, None);
    let in_statements =
        |g: &GraphName| matches!(g, GraphName::NamedNode(g) if g.as_str().ends_with("/statements"));

    // the year of each dated document
    let mut years: HashMap<u64, String> = HashMap::new();
    for q in scan(dg::DATE_PROP) {
        let q = q.map_err(err)?;
        if let (NamedOrBlankNode::NamedNode(doc), Term::NamedNode(date), GraphName::NamedNode(g)) =
            (&q.subject, &q.object, &q.graph_name)
            && doc == g
            && let Some(value) = value_of(db, date.as_ref()).map_err(err)?
            && value.len() >= 4
            && value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        {
            years.insert(hash(doc.as_str()), value[..4].to_string());
        }
    }
    // the act of each statement
    let mut acts: Vec<NamedNode> = Vec::new();
    let mut act_of: HashMap<u64, usize> = HashMap::new();
    for q in scan(dg::ACT_PROP) {
        let q = q.map_err(err)?;
        if let (NamedOrBlankNode::NamedNode(st), Term::NamedNode(act)) = (&q.subject, &q.object)
            && in_statements(&q.graph_name)
        {
            let i = match acts.iter().position(|a| a == act) {
                Some(i) => i,
                None => {
                    acts.push(act.clone());
                    acts.len() - 1
                }
            };
            act_of.insert(hash(st.as_str()), i);
        }
    }
    // by actor and act, and by year and act
    let mut by_actor: HashMap<(NamedNode, usize), u64> = HashMap::new();
    let mut by_year: HashMap<(String, usize), u64> = HashMap::new();
    for q in scan(dg::ACTOR) {
        let q = q.map_err(err)?;
        if let (NamedOrBlankNode::NamedNode(st), Term::NamedNode(actor)) = (&q.subject, q.object)
            && in_statements(&q.graph_name)
            && let Some(&act) = act_of.get(&hash(st.as_str()))
        {
            *by_actor.entry((actor, act)).or_default() += 1;
            if let Some((doc, _)) = st.as_str().split_once("/statement/")
                && let Some(year) = years.get(&hash(doc))
            {
                *by_year.entry((year.clone(), act)).or_default() += 1;
            }
        }
    }
    drop(act_of);
    // documents per entity: the mentions come grouped by entity; one met again later
    // (were an index not to group it) adds up
    let mut per_entity: HashMap<NamedNode, u64> = HashMap::new();
    let mut current: Option<NamedNode> = None;
    let mut graphs: HashSet<u64> = HashSet::new();
    for q in scan(itsrdf::TA_IDENT_REF) {
        let q = q.map_err(err)?;
        let (Term::NamedNode(e), GraphName::NamedNode(g)) = (q.object, &q.graph_name) else {
            continue;
        };
        if current.as_ref() != Some(&e) {
            if let Some(done) = current.take() {
                *per_entity.entry(done).or_default() += graphs.len() as u64;
            }
            graphs.clear();
            current = Some(e);
        }
        graphs.insert(hash(g.as_str()));
    }
    if let Some(done) = current {
        *per_entity.entry(done).or_default() += graphs.len() as u64;
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
        let act = &acts[*act];
        let node = NamedNode::new_unchecked(format!(
            "{}summary/actor/{}/{}",
            dgr::NS,
            actor
                .as_str()
                .strip_prefix(dgr::NS)
                .unwrap_or(actor.as_str()),
            local(act)
        ));
        add(&node, dg::ACTOR, actor.clone().into());
        add(&node, dg::ACT_PROP, act.clone().into());
        add(&node, dg::STATEMENTS, count(*n));
    }
    for ((year, act), n) in &by_year {
        let act = &acts[*act];
        let node =
            NamedNode::new_unchecked(format!("{}summary/year/{year}/{}", dgr::NS, local(act)));
        add(
            &node,
            dg::YEAR,
            Literal::new_typed_literal(year, NamedNodeRef::new_unchecked(xsd::G_YEAR)).into(),
        );
        add(&node, dg::ACT_PROP, act.clone().into());
        add(&node, dg::STATEMENTS, count(*n));
    }
    for (e, n) in &per_entity {
        add(e, dg::DOCUMENTS, count(*n));
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

/// The `dg:value` of a date, from the entities' graph.
fn value_of(
    db: &Store,
    date: NamedNodeRef<'_>,
) -> std::result::Result<Option<String>, StorageError> {
    let p = NamedNodeRef::new_unchecked(dg::VALUE);
    let g = NamedNodeRef::new_unchecked(crate::graph::ENTITIES);
    match db
        .quads_for_pattern(Some(date.into()), Some(p), None, Some(g.into()))
        .next()
    {
        Some(q) => Ok(match q?.object {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        }),
        None => Ok(None),
    }
}

fn hash(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// The local name of an act (`Propose` of `dg:Propose`).
fn local(act: &NamedNode) -> &str {
    act.as_str()
        .rsplit(['#', '/'])
        .next()
        .unwrap_or(act.as_str())
}
