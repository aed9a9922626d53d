//! Helpers for the unit tests of the extraction rules: the real extractor, with the
//! built-in lexicon, over a text as a file would give it.

use std::sync::LazyLock;

use super::Extractor;
use crate::lexicon::Lexicon;
use crate::model::Annotated;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Lexicon::builtin()));

/// Every document of `text`, annotated by the built-in extractor.
pub fn extract(text: &str) -> Vec<Annotated> {
    extract_with(&EXTRACTOR, text)
}

/// Every document of `text`, annotated by `extractor`.
pub fn extract_with(extractor: &Extractor, text: &str) -> Vec<Annotated> {
    extractor.extract(&crate::input::from_text(
        "test.txt".into(),
        "test.txt".into(),
        text,
    ))
}

/// Every mention in `text`, document after document, in text order: its text
/// (normalised), its rule and its entity's key.
pub fn mentions(text: &str) -> Vec<(String, String, String)> {
    extract(text)
        .iter()
        .flat_map(|d| {
            d.mentions.iter().map(|m| {
                let surface = d.doc.norm[m.span.clone()].to_string();
                (surface, m.rule.clone(), m.entity.key.clone())
            })
        })
        .collect()
}

/// Checks every case `(text, rule, found)`: the texts of the mentions whose rule contains
/// `rule` are exactly `found`, in text order. Fails naming every case that does not hold,
/// with all the mentions of its text.
pub fn check_mentions(cases: &[(&str, &str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, rule, expected) in cases {
        let all = mentions(text);
        let found: Vec<&str> = all
            .iter()
            .filter(|(_, r, _)| r.contains(rule))
            .map(|(s, _, _)| s.as_str())
            .collect();
        if found != *expected {
            failures.push(format!(
                "{rule} in {text:?}: found {found:?}, expected {expected:?}; mentions {all:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
