//! What a store holds, counted: quads, graphs, documents, entities per class, mentions,
//! relations, statements and proposals.
//!
//! In: an open store. Out: a [`Stats`], whose `Display` is the text `diplograph stats`
//! prints. Guarantees: every count but quads and graphs is a SPARQL query over the
//! union of the graphs (see [`super::prepare`]); an entity counts when it has a class
//! and a mention identifies it; a relation counts in a document's own graph.

use std::fmt;

use oxigraph::model::Term;
use oxigraph::store::Store;

use super::query::{self, Answer};
use crate::error::{Error, ErrorKind};
use crate::model::{Class, Property};

/// The counts of one store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub quads: usize,
    pub graphs: usize,
    pub documents: u64,
    /// Entities per class, in [`Class::ALL`] order.
    pub entities: Vec<(Class, u64)>,
    pub mentions: u64,
    /// Relations between entities stated in documents (`dg:date` is a field, not counted).
    pub relations: u64,
    pub statements: u64,
    pub proposals: u64,
}

const DOCUMENTS: &str = "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d dg:sequence ?s }";
const MENTIONS: &str = "SELECT (COUNT(DISTINCT ?m) AS ?n) { ?m itsrdf:taIdentRef ?e }";
/// Relations stated between entities in a document's graph (`dg:date` is a field there,
/// so it is left out; about the document itself, a property is a field).
fn relations_query() -> String {
    let properties: Vec<String> = Property::BETWEEN_ENTITIES
        .into_iter()
        .filter(|p| *p != Property::Date)
        .map(|p| format!("<{}>", p.iri()))
        .collect();
    format!(
        "SELECT (COUNT(*) AS ?n) {{ GRAPH ?g {{ ?s ?p ?o }} ?g dg:sequence ?q . VALUES ?p {{ {} }} FILTER(?s != ?g) }}",
        properties.join(" ")
    )
}
const STATEMENTS: &str = "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a dg:Statement }";
const PROPOSALS: &str = "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a dg:Proposal }";

/// Counts what `store` holds.
pub fn stats(store: &Store) -> Result<Stats, Error> {
    let entities = Class::ALL
        .iter()
        .map(|&c| {
            let q = format!(
                "SELECT (COUNT(DISTINCT ?e) AS ?n) {{ ?e a dg:{c} . ?m itsrdf:taIdentRef ?e }}"
            );
            Ok((c, count(store, &q)?))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(Stats {
        quads: store
            .len()
            .map_err(|e| Error::new(ErrorKind::Query, "the query failed").caused_by(e))?,
        graphs: store.named_graphs().count(),
        documents: count(store, DOCUMENTS)?,
        entities,
        mentions: count(store, MENTIONS)?,
        relations: count(store, &relations_query())?,
        statements: count(store, STATEMENTS)?,
        proposals: count(store, PROPOSALS)?,
    })
}

/// The number a `SELECT (COUNT(…) AS ?n)` query answers; no row is 0.
fn count(store: &Store, q: &str) -> Result<u64, Error> {
    let not_a_count = || {
        Error::new(
            ErrorKind::Query,
            format!("the query failed: not a count: {q}"),
        )
    };
    let Answer::Solutions { rows, .. } = query::evaluate(store, q, None)? else {
        return Err(not_a_count());
    };
    match rows.first().and_then(|r| r.first().cloned().flatten()) {
        None => Ok(0),
        Some(Term::Literal(l)) => l.value().parse().map_err(|_| not_a_count()),
        Some(_) => Err(not_a_count()),
    }
}

impl fmt::Display for Stats {
    /// One `name: count` line each.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "quads: {}", self.quads)?;
        writeln!(f, "graphs: {}", self.graphs)?;
        writeln!(f, "documents: {}", self.documents)?;
        for (c, n) in &self.entities {
            writeln!(f, "{c}: {n}")?;
        }
        writeln!(f, "mentions: {}", self.mentions)?;
        writeln!(f, "relations: {}", self.relations)?;
        writeln!(f, "statements: {}", self.statements)?;
        writeln!(f, "proposals: {}", self.proposals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{dg, itsrdf, rdf};
    use oxigraph::io::RdfFormat;

    fn store_of(quads: &[(&str, &str, &str, &str)]) -> Store {
        let nquads: String = quads
            .iter()
            .map(|(s, p, o, g)| format!("<{s}> <{p}> {o} <{g}> .\n"))
            .collect();
        let store = Store::new().unwrap();
        store
            .load_from_reader(RdfFormat::NQuads, nquads.as_bytes())
            .unwrap();
        store
    }

    #[test]
    fn counts_what_the_contract_counts() {
        let (d, other) = ("http://x/d1", "http://x/other");
        let state = format!("<{}State>", dg::NS);
        let statement = format!("<{}>", dg::STATEMENT);
        let proposal = format!("<{}>", dg::PROPOSAL);
        let member_of = format!("{}memberOf", dg::NS);
        let location = format!("{}location", dg::NS);
        let store = store_of(&[
            (d, dg::SEQUENCE, "\"1\"", d),
            // an entity with a mention counts; one without does not
            ("http://x/e1", rdf::TYPE, &state, d),
            ("http://x/m1", itsrdf::TA_IDENT_REF, "<http://x/e1>", d),
            ("http://x/e2", rdf::TYPE, &state, d),
            // a relation in a document's graph counts; one about the document, or in a
            // graph that is no document, does not
            ("http://x/e1", &member_of, "<http://x/e3>", d),
            (d, &location, "<http://x/e3>", d),
            ("http://x/e1", &member_of, "<http://x/e4>", other),
            ("http://x/s1", rdf::TYPE, &statement, d),
            ("http://x/s1", rdf::TYPE, &proposal, d),
            ("http://x/s2", rdf::TYPE, &statement, d),
        ]);
        let s = stats(&store).unwrap();
        assert_eq!((s.quads, s.graphs, s.documents), (10, 2, 1));
        assert_eq!(s.entities[0], (Class::State, 1));
        assert!(s.entities[1..].iter().all(|(_, n)| *n == 0));
        assert_eq!(
            (s.mentions, s.relations, s.statements, s.proposals),
            (1, 1, 2, 1)
        );
    }

    #[test]
    fn the_text_is_a_line_per_count() {
        let s = stats(&Store::new().unwrap()).unwrap();
        let classes: String = Class::ALL.iter().map(|c| format!("{c}: 0\n")).collect();
        assert_eq!(
            s.to_string(),
            format!(
                "quads: 0\ngraphs: 0\ndocuments: 0\n{classes}mentions: 0\nrelations: 0\nstatements: 0\nproposals: 0\n"
            )
        );
    }
}
