//! What the fuzz targets share: one extractor with the built-in lexicons (compiled once
//! per process), and the checks every extraction must pass whatever its input: spans on
//! character boundaries of the text they index, inside it, and quads that build.

use std::sync::LazyLock;

use diplograph::input::SourceFile;
use diplograph::{Extractor, Lexicon};

/// The extractor with the built-in lexicons.
pub static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Lexicon::builtin()));

/// Extracts `source` with `extractor`, builds its quads, and panics (a crash for the
/// fuzzer) if a span is not on character boundaries of the text it indexes.
pub fn extract_and_check(extractor: &Extractor, source: &SourceFile) {
    let built = diplograph::build_source(extractor, source);
    for doc in &built.documents {
        let norm = &doc.doc.norm;
        assert_eq!(
            norm.chars().count(),
            doc.doc.text.chars().count(),
            "the normalised text keeps the code points"
        );
        let spans = doc
            .mentions
            .iter()
            .map(|m| &m.span)
            .chain(&doc.sentences)
            .chain(doc.statements.iter().map(|s| &s.sentence));
        for span in spans {
            assert!(
                span.start <= span.end && norm.get(span.clone()).is_some(),
                "span {span:?} is not a slice of a text of {} bytes",
                norm.len()
            );
        }
    }
}
