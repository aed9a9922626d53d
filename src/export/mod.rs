//! Export: the graph out of diplograph, to files and other tools.
//!
//! [`rdf`] writes quads in every standard RDF format; [`dot`] draws the graph as
//! Graphviz DOT (petgraph) and [`render`] turns that into SVG or PNG; [`validate`] checks
//! a graph against the contract's SHACL shapes; [`push`] sends the store's graphs to a
//! remote triplestore over the SPARQL 1.1 Graph Store Protocol.
//!
//! In: quads (from the store or from extraction). Out: bytes in the format asked for, or
//! graphs in a remote store. Guarantees: every format parses back to the same quads
//! (formats without named graphs hold their union); a missing outside tool (Graphviz,
//! pySHACL) is an error that says how to install it; a push replaces each graph whole.

pub mod dot;
pub mod push;
pub mod rdf;
pub mod render;
pub mod validate;
