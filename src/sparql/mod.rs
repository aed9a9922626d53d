//! SPARQL: queries over the store, from the command line ([`query`]) and over HTTP
//! ([`serve`]), and the counts of what a store holds ([`stats`]).
//!
//! In: a query's text and an open store. Out: solutions, a boolean or triples, written
//! in the format the user asked for. Guarantees: both entries prepare a query with
//! [`prepare`], so a query answers the same in both: the vocabulary prefixes are
//! predeclared, and the query runs over the graphs it names (`FROM`, `FROM NAMED`; over
//! HTTP the protocol's `default-graph-uri`/`named-graph-uri` override those), or over the
//! union of all graphs as its default graph when it names none.

pub mod query;
pub mod serve;
pub mod stats;

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::{PreparedSparqlQuery, SparqlEvaluator, SparqlSyntaxError};

use crate::vocab::PREFIXES;

/// Graphs a caller names for a query, overriding the query's own `FROM` and `FROM NAMED`
/// (the SPARQL protocol's `default-graph-uri` and `named-graph-uri`). Empty: none named.
#[derive(Debug, Clone, Default)]
pub struct Graphs {
    pub default: Vec<NamedNode>,
    pub named: Vec<NamedNode>,
}

/// Parses `text` with `evaluator` (its cancellation token and service handler are the
/// caller's) and the vocabulary prefixes, and sets the dataset: `graphs` if any are
/// named, else the query's `FROM`/`FROM NAMED`, else the union of all graphs as the
/// default graph (and every named graph available to `GRAPH`).
pub fn prepare(
    evaluator: SparqlEvaluator,
    text: &str,
    graphs: Graphs,
) -> Result<PreparedSparqlQuery, SparqlSyntaxError> {
    let mut evaluator = evaluator;
    for (prefix, iri) in PREFIXES {
        evaluator = evaluator
            .with_prefix(*prefix, *iri)
            .expect("the vocabulary prefixes are valid");
    }
    let mut prepared = evaluator.parse_query(text)?;
    let dataset = prepared.dataset_mut();
    if !graphs.default.is_empty() || !graphs.named.is_empty() {
        dataset.set_default_graph(graphs.default.into_iter().map(GraphName::from).collect());
        if !graphs.named.is_empty() {
            dataset.set_available_named_graphs(
                graphs
                    .named
                    .into_iter()
                    .map(NamedOrBlankNode::from)
                    .collect(),
            );
        }
    } else if dataset.is_default_dataset() {
        dataset.set_default_graph_as_union();
    }
    Ok(prepared)
}
