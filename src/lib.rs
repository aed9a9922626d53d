//! diplograph turns diplomatic documents (summit declarations, leaders' speeches,
//! communiqués) into a linked-data knowledge graph.
//!
//! The pipeline, one module per stage:
//! text → [`source`] (read, repair page breaks, split into documents) → [`extract`]
//! (entities, mentions, relations, document fields, statements, using [`lexicon`] data)
//! → [`graph`] (RDF quads per SCHEMA.md) → [`build`]/[`store`] (on-disk Oxigraph) →
//! [`query`] (SPARQL) / [`rdfio`] (export) / [`dot`] (Graphviz) / [`eval`] (scores
//! against gold annotations). For linked-data users: [`validate`] (SHACL shapes),
//! [`serve`] (a read-only SPARQL endpoint), [`push`] (to a remote triplestore),
//! [`render`] (DOT to SVG or PNG).

pub mod build;
pub mod dot;
mod error;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod ledger;
pub mod lexicon;
mod load;
mod model;
mod pipeline;
pub mod push;
pub mod query;
pub mod rdfio;
pub mod render;
pub mod serve;
pub mod source;
pub mod store;
pub mod text;
pub mod validate;
pub mod vocab;

pub use error::{Error, Position, Result};
pub use extract::Extractor;
pub use lexicon::Lexicon;
pub use model::{
    Annotated, Class, DocFields, DocKind, Entity, EntityId, Mention, Relation, Statement,
};

use std::path::PathBuf;

/// Reads, extracts and builds the quads of every input file, in order: for each file its
/// name, path and quads (documents' graphs and lexicon knowledge).
pub fn quads_of_inputs(extractor: &Extractor, paths: &[PathBuf]) -> Result<Vec<Built>> {
    let mut out = Vec::new();
    let paths = source::expand_paths(paths)?;
    source::check_distinct_names(&paths)?;
    for path in paths {
        out.push(build_source(extractor, &source::read(&path)?));
    }
    Ok(out)
}

/// One input file, extracted and turned into quads.
pub struct Built {
    pub source: source::SourceFile,
    pub documents: Vec<Annotated>,
    pub quads: Vec<oxigraph::model::Quad>,
}

/// Extracts one source file and builds its quads.
pub fn build_source(extractor: &Extractor, source: &source::SourceFile) -> Built {
    let documents = extractor.extract(source);
    let quads = documents.iter().flat_map(graph::document_quads).collect();
    Built {
        source: source.clone(),
        documents,
        quads,
    }
}
