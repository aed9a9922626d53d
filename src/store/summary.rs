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

use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::error::{Error, ErrorKind, Result};
use crate::store::storage_error;
use crate::vocab::{dg, dgr, xsd};

/// The summary graph.
pub const GRAPH: &str = dgr::SUMMARY_GRAPH;

const PREFIXES: &str =
    "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX dg: <https://w3id.org/diplograph/ns#>
PREFIX dgg: <https://w3id.org/diplograph/id/graph/>
";

const BY_ACTOR: &str = "SELECT ?a ?act (COUNT(?st) AS ?n) WHERE {
  GRAPH ?g { ?st a dg:Statement ; dg:actor ?a ; dg:act ?act }
} GROUP BY ?a ?act";

const BY_YEAR: &str = "SELECT ?year ?act (COUNT(?st) AS ?n) WHERE {
  GRAPH ?g { ?st a dg:Statement ; dg:act ?act ; dg:sentence ?s . ?s nif:referenceContext ?doc }
  GRAPH ?doc { ?doc dg:date ?d }
  GRAPH dgg:entities { ?d dg:value ?value }
  BIND(SUBSTR(STR(?value), 1, 4) AS ?year)
} GROUP BY ?year ?act";

const DOCUMENTS: &str = "SELECT ?e (COUNT(?doc) AS ?n) WHERE {
  { SELECT DISTINCT ?e ?doc WHERE { GRAPH ?doc { ?m itsrdf:taIdentRef ?e } } }
} GROUP BY ?e";

/// Removes [`GRAPH`], before a build changes the store: a build killed before it counts
/// again leaves no stale counts, and the next build sees them missing and counts.
pub fn forget(db: &Store, path: &Path) -> Result<()> {
    let mut tx = db.start_transaction().map_err(|e| storage_error(path, e))?;
    tx.remove_named_graph(NamedNodeRef::new_unchecked(GRAPH))
        .map_err(|e| storage_error(path, e))?;
    tx.commit().map_err(|e| storage_error(path, e))
}

/// Counts the summaries again and replaces [`GRAPH`] with them; returns how long it took.
pub fn refresh(db: &Store, path: &Path) -> Result<Duration> {
    let started = Instant::now();
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
    let count = |n: &Term| {
        Term::from(Literal::new_typed_literal(
            literal(n),
            NamedNodeRef::new_unchecked(xsd::INTEGER),
        ))
    };
    for row in select(db, BY_ACTOR)? {
        let [
            Some(Term::NamedNode(a)),
            Some(Term::NamedNode(act)),
            Some(n),
        ] = &row[..]
        else {
            continue;
        };
        let node = NamedNode::new_unchecked(format!(
            "{}summary/actor/{}/{}",
            dgr::NS,
            a.as_str().strip_prefix(dgr::NS).unwrap_or(a.as_str()),
            local(act)
        ));
        add(&node, dg::ACTOR, a.clone().into());
        add(&node, dg::ACT_PROP, act.clone().into());
        add(&node, dg::STATEMENTS, count(n));
    }
    for row in select(db, BY_YEAR)? {
        let [Some(year), Some(Term::NamedNode(act)), Some(n)] = &row[..] else {
            continue;
        };
        let year = literal(year);
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let node =
            NamedNode::new_unchecked(format!("{}summary/year/{year}/{}", dgr::NS, local(act)));
        add(
            &node,
            dg::YEAR,
            Literal::new_typed_literal(year, NamedNodeRef::new_unchecked(xsd::G_YEAR)).into(),
        );
        add(&node, dg::ACT_PROP, act.clone().into());
        add(&node, dg::STATEMENTS, count(n));
    }
    for row in select(db, DOCUMENTS)? {
        let [Some(Term::NamedNode(e)), Some(n)] = &row[..] else {
            continue;
        };
        add(e, dg::DOCUMENTS, count(n));
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

fn select(db: &Store, query: &str) -> Result<Vec<Vec<Option<Term>>>> {
    let fail = |e: String| {
        Error::new(
            ErrorKind::Store,
            format!("counting the summaries failed: {e}"),
        )
    };
    let prepared = SparqlEvaluator::new()
        .parse_query(&format!("{PREFIXES}{query}"))
        .map_err(|e| fail(e.to_string()))?;
    let QueryResults::Solutions(solutions) = prepared
        .on_store(db)
        .execute()
        .map_err(|e| fail(e.to_string()))?
    else {
        return Err(fail("a SELECT gave no solutions".into()));
    };
    let mut rows = Vec::new();
    for s in solutions {
        rows.push(s.map_err(|e| fail(e.to_string()))?.values().to_vec());
    }
    Ok(rows)
}

/// The lexical form of a literal (a count, a year), else the term as written.
fn literal(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// The local name of an act (`Propose` of `dg:Propose`).
fn local(act: &NamedNode) -> &str {
    act.as_str()
        .rsplit(['#', '/'])
        .next()
        .unwrap_or(act.as_str())
}
