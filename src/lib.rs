//! diplograph turns diplomatic documents (summit declarations, leaders' speeches,
//! communiqués) into a linked-data knowledge graph.
//!
//! The pipeline, one folder per stage (ARCHITECTURE.md says what each guarantees):
//! files → [`input`] (discover, decode, repair page breaks, split into documents) →
//! [`extract`] (entities, mentions, relations, document fields, statements, using the
//! [`lexicon`]'s data files) → [`graph`] (RDF quads per SCHEMA.md) → [`store`] (the
//! on-disk Oxigraph store: build, ledger, bulk load) → [`sparql`] (query, serve) /
//! [`export`] (RDF formats, DOT, rendering, SHACL validation, push) / [`eval`] (scores
//! against gold annotations).

mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
mod model;
pub mod sparql;
pub mod store;
pub mod text;
pub mod vocab;

pub use error::{Error, ErrorKind, Position, Result};
pub use extract::Extractor;
pub use lexicon::Lexicon;
pub use model::{
    Act, Annotated, Class, DocFields, DocKind, Entity, EntityId, Mention, Property, Relation,
    Statement,
};

/// One input file, extracted and turned into quads.
pub struct Built {
    pub source: input::SourceFile,
    pub documents: Vec<Annotated>,
    pub quads: Vec<oxigraph::model::Quad>,
}

/// Extracts one source file and builds its quads.
pub fn build_source(extractor: &Extractor, source: &input::SourceFile) -> Built {
    let documents = extractor.extract(source);
    let quads = graph::file_quads(&documents);
    Built {
        source: source.clone(),
        documents,
        quads,
    }
}
