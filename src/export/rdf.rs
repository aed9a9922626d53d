//! RDF formats: names users type, and writing quads in any of them.
//!
//! Formats are named as RDF tools name them (`turtle`, `ntriples`, `nquads`, `trig`,
//! `rdfxml`, `jsonld`, `n3`), by file extension (`ttl`, `nt`, `nq`, `rdf`, …) or by MIME
//! type. Dataset formats (N-Quads, TriG, JSON-LD) keep the named graphs; the others hold
//! one graph, so writing a dataset to them writes the union of its graphs, each triple
//! once, in first-seen order. Turtle, TriG and N3 declare the `dg:`/`dgr:`/`nif:` … prefixes.

use std::collections::HashSet;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Quad, Triple};

use crate::vocab::PREFIXES;

/// The format a name, extension or MIME type stands for.
pub fn parse_format(name: &str) -> Option<RdfFormat> {
    let lower = name.trim().to_ascii_lowercase();
    let by_name = match lower.as_str() {
        "turtle" | "ttl" => Some(RdfFormat::Turtle),
        "ntriples" | "n-triples" | "nt" => Some(RdfFormat::NTriples),
        "nquads" | "n-quads" | "nq" => Some(RdfFormat::NQuads),
        "trig" => Some(RdfFormat::TriG),
        "rdfxml" | "rdf/xml" | "rdf-xml" | "xml" | "rdf" | "owl" => Some(RdfFormat::RdfXml),
        "jsonld" | "json-ld" => RdfFormat::from_extension("jsonld"),
        "n3" => Some(RdfFormat::N3),
        _ => None,
    };
    by_name
        .or_else(|| RdfFormat::from_media_type(&lower))
        .or_else(|| RdfFormat::from_extension(&lower))
}

/// The names [`parse_format`] accepts, for messages.
pub const FORMAT_NAMES: &str = "turtle, ntriples, nquads, trig, rdfxml, jsonld, n3";

/// The format of an output file, from its extension.
pub fn format_of_path(path: &std::path::Path) -> Option<RdfFormat> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(parse_format)
}

fn serializer(format: RdfFormat) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format);
    if matches!(
        format,
        RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::N3 | RdfFormat::RdfXml
    ) {
        for (prefix, iri) in PREFIXES {
            s = s
                .with_prefix(*prefix, *iri)
                .expect("the vocabulary prefixes are valid IRIs");
        }
    }
    s
}

/// Writes `quads` in `format`: as quads where the format holds datasets, else as the
/// union of their triples.
pub fn write_quads<W: Write>(
    format: RdfFormat,
    quads: impl IntoIterator<Item = Quad>,
    writer: W,
) -> std::io::Result<W> {
    let mut out = QuadWriter::new(format, writer);
    out.write(quads)?;
    out.finish()
}

/// Writes quads in one format as they come, a file's worth at a time: the output is the
/// same as [`write_quads`] of all of them at once. Memory stays flat for the dataset
/// formats; the one-graph formats remember the triples written, to write each once.
pub struct QuadWriter<W: Write> {
    out: oxigraph::io::WriterQuadSerializer<W>,
    datasets: bool,
    seen: HashSet<Triple>,
}

impl<W: Write> QuadWriter<W> {
    pub fn new(format: RdfFormat, writer: W) -> QuadWriter<W> {
        QuadWriter {
            out: serializer(format).for_writer(writer),
            datasets: format.supports_datasets(),
            seen: HashSet::new(),
        }
    }

    /// Writes `quads` (as the union of their triples for one-graph formats).
    pub fn write(&mut self, quads: impl IntoIterator<Item = Quad>) -> std::io::Result<()> {
        if self.datasets {
            for q in quads {
                self.out.serialize_quad(&q)?;
            }
        } else {
            for t in quads.into_iter().map(Triple::from) {
                if !self.seen.contains(&t) {
                    self.out.serialize_triple(&t)?;
                    self.seen.insert(t);
                }
            }
        }
        Ok(())
    }

    /// Ends the document (closing brackets of RDF/XML and JSON-LD) and hands back the writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_extensions_and_media_types() {
        assert_eq!(parse_format("turtle"), Some(RdfFormat::Turtle));
        assert_eq!(parse_format("nq"), Some(RdfFormat::NQuads));
        assert_eq!(parse_format("application/n-quads"), Some(RdfFormat::NQuads));
        assert_eq!(parse_format("RDFXML"), Some(RdfFormat::RdfXml));
        assert!(parse_format("jsonld").is_some_and(|f| f.supports_datasets()));
        assert_eq!(parse_format("yaml"), None);
    }
}
