//! The gold format (SCHEMA.md "Gold files"): what a person annotated in one source file.
//!
//! In: a `NAME.gold.json` file. Out: a [`Gold`] whose entity types, relation properties
//! and statement acts are all ones the contract names. Guarantees: a file that is not
//! JSON of this shape, or names an unknown type, property or act, is an error naming the
//! file, line and column of the bad value and what is allowed instead.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Position, Result};
use crate::model::{Act, Class, Property};

/// The entity classes a gold file may name, in the order reports list them.
pub(crate) fn classes() -> [&'static str; 8] {
    Class::ALL.map(Class::name)
}

/// The relation properties between entities.
pub(crate) fn relation_names() -> [&'static str; 7] {
    Property::BETWEEN_ENTITIES.map(Property::name)
}

/// The document fields scored as relations of the document (`@docN`).
pub(crate) fn doc_fields() -> [&'static str; 5] {
    Property::DOCUMENT_FIELDS.map(Property::name)
}

/// Does `act` name an act that makes a statement a proposal?
pub(crate) fn is_proposal(act: &str) -> bool {
    Act::from_name(act).is_some_and(Act::is_proposal)
}

/// A gold file (SCHEMA.md "Gold files").
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The annotated source file, relative to the gold file's folder.
    pub source: String,
    #[serde(default)]
    pub documents: Vec<GoldDocument>,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    #[serde(default)]
    pub statements: Vec<GoldStatement>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDocument {
    pub seq: i64,
    pub kind: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub location: Option<String>,
    #[serde(rename = "deliveredAt")]
    pub delivered_at: Option<String>,
    #[serde(default)]
    pub signatories: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    #[serde(rename = "type")]
    pub class: String,
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    pub s: String,
    pub p: String,
    pub o: String,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldStatement {
    pub doc: i64,
    pub actor: String,
    pub act: String,
    pub snippet: String,
    #[serde(default)]
    pub concerns: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

impl Gold {
    /// Reads and checks a gold file; errors name the file, line and column.
    pub fn load(path: &Path) -> Result<Gold> {
        let gold = |e: Error| e.with_kind(ErrorKind::Gold);
        let bytes = std::fs::read(path).map_err(|e| gold(Error::io(path, e)))?;
        let text = crate::input::decode(path, &bytes, Some(encoding_rs::UTF_8))
            .map_err(gold)?
            .text;
        Gold::parse(path, &text)
    }

    /// Parses and checks the text of the gold file `path` (named in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Gold> {
        let gold: Gold = serde_json::from_str(text).map_err(|e| {
            Error::gold(
                path,
                Some(Position::of_line_column(text, e.line(), e.column())),
                format!("not a gold file: {e}; see SCHEMA.md \"Gold files\""),
            )
        })?;
        gold.check(path, text)?;
        Ok(gold)
    }

    /// The source file this gold annotates: `source` in the gold file's folder.
    pub fn source_path(&self, gold_path: &Path) -> PathBuf {
        gold_path
            .parent()
            .unwrap_or(Path::new("."))
            .join(&self.source)
    }

    /// Fails on the first entity type, relation property or act the contract does not
    /// name, at the first place its value occurs in `text`.
    fn check(&self, path: &Path, text: &str) -> Result<()> {
        let at = |needle: &str| {
            let quoted = serde_json::to_string(needle).unwrap_or_default();
            text.find(&quoted).map(|b| Position::of_byte(text, b))
        };
        let unknown = |needle: &str, message: String| Err(Error::gold(path, at(needle), message));
        for e in &self.entities {
            if Class::from_name(&e.class).is_none() {
                return unknown(
                    &e.class,
                    format!(
                        "entity {:?} has unknown type {:?}; use one of {}",
                        e.label,
                        e.class,
                        classes().join(", ")
                    ),
                );
            }
        }
        for r in &self.relations {
            if !relation_names().contains(&r.p.as_str()) {
                return unknown(
                    &r.p,
                    format!(
                        "relation {:?} {:?} {:?}: unknown property; use one of {}",
                        r.s,
                        r.p,
                        r.o,
                        relation_names().join(", ")
                    ),
                );
            }
        }
        for s in &self.statements {
            if Act::from_name(&s.act).is_none() {
                return unknown(
                    &s.snippet,
                    format!(
                        "statement {:?}: unknown act {:?}; use one of {}",
                        s.snippet,
                        s.act,
                        Act::ALL.map(Act::name).join(", ")
                    ),
                );
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Gold> {
        Gold::parse(Path::new("g.gold.json"), text)
    }

    #[test]
    fn a_well_formed_gold_file_parses() {
        let gold = parse(
            r#"{"source": "a.txt",
                "entities": [{"type": "State", "label": "中国", "aliases": ["中方"]}],
                "relations": [{"s": "中国", "p": "memberOf", "o": "上海合作组织"}],
                "statements": [{"doc": 1, "actor": "中国", "act": "Propose", "snippet": "建议"}]}"#,
        )
        .unwrap();
        assert_eq!(gold.source, "a.txt");
        assert_eq!(gold.entities[0].aliases, ["中方"]);
        assert!(gold.documents.is_empty());
        assert!(!gold.statements[0].optional);
    }

    #[test]
    fn unknown_values_are_errors_at_their_line_and_column() {
        for (text, line, column, says) in [
            (
                "{\"source\": \"a.txt\",\n \"entities\": [{\"type\": \"Country\", \"label\": \"中国\"}]}",
                2,
                24,
                "unknown type \"Country\"",
            ),
            (
                "{\"source\": \"a.txt\", \"entities\": [],\n \"relations\": [{\"s\": \"a\", \"p\": \"partOf\", \"o\": \"b\"}]}",
                2,
                32,
                "unknown property",
            ),
            (
                "{\"source\": \"a.txt\", \"entities\": [],\n \"statements\": [{\"doc\": 1, \"actor\": \"中国\", \"act\": \"Hope\", \"snippet\": \"希望\"}]}",
                2,
                69,
                "unknown act \"Hope\"",
            ),
            (
                "{\"source\": \"a.txt\",\n \"entities\": [{\"type\": \"State\" \"label\": \"中国\"}]}",
                2,
                32,
                "not a gold file",
            ),
            ("{\"entities\": []}", 1, 16, "missing field `source`"),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(
                e.position().map(|p| (p.line, p.column)),
                Some((line, column)),
                "{e}"
            );
            assert!(e.to_string().contains(says), "{e}");
            assert!(e.to_string().starts_with("g.gold.json:"), "{e}");
        }
    }

    #[test]
    fn the_source_is_found_beside_the_gold_file() {
        let gold = parse(r#"{"source": "a.txt", "entities": []}"#).unwrap();
        assert_eq!(
            gold.source_path(Path::new("tests/corpus/a.gold.json")),
            Path::new("tests/corpus/a.txt")
        );
        assert_eq!(
            gold.source_path(Path::new("a.gold.json")),
            Path::new("a.txt")
        );
    }
}
