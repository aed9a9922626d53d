//! The build ledger: what the store was built from, kept in the store itself.
//!
//! In: the store, and for each file a build writes its name, bytes and location. Out: one
//! [`Record`] per input file: its name, the SHA-256 of its bytes, what it was extracted
//! with ([`built_with`]: diplograph's version, the lexicon tables' hash, the encoding
//! option) and, for a file read from disk, its path relative to the store directory.
//! Each record is a `dg:InputFile` node `dgr:doc/{file name}/input` in a graph of the
//! same name, beside the file's documents' graphs and apart from all of them, so that no
//! scorer reads it as a relation; it is written and removed in the same transaction or
//! bulk batch as its file's graphs, so it never claims graphs the store does not hold
//! (and a reader grouping graphs by file sees it change with them). Nothing in a record
//! depends on where the store and the corpus are, only on where they are relative to
//! each other, so building the same corpus into a fresh store or rebuilding it leaves
//! the same quads.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Store};
use sha2::{Digest, Sha256};

use crate::graph::encode_key;
use crate::vocab::{dg, dgr, rdf};

/// What the ledger knows of one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The file name (the documents' IRIs use it).
    pub name: String,
    /// `sha256:` and the hex digest of the file's bytes.
    pub hash: String,
    /// What extracted it (see [`built_with`]).
    pub built_with: String,
    /// Where the file was, relative to the store directory (`/`-separated); `None` for
    /// standard input and text in memory.
    pub path: Option<String>,
    /// What the file's documents add to the store's summary ([`crate::store::summary`]):
    /// `a ACTOR ACT N`, `y YEAR ACT N` or `e ENTITY N` items separated by `;`.
    pub counts: Option<String>,
}

/// The node of the record of file `name`, which is also the graph that holds it:
/// `dgr:doc/{file name}/input`.
pub fn node(name: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}doc/{}/input", dgr::NS, encode_key(name)))
}

/// `sha256:` and the hex digest of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    hex_digest(&Sha256::digest(bytes))
}

pub(crate) fn hex_digest(digest: &[u8]) -> String {
    let mut out = String::with_capacity(7 + 2 * digest.len());
    out.push_str("sha256:");
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    out
}

/// The layout of a file's graphs: raised when what a build writes for the same text
/// changes (2: entity descriptions once for the store, rules per document, counts in
/// the record), so that a store built before is extracted again, not kept half old.
const GRAPH_LAYOUT: u32 = 2;

/// What a file's graphs depend on besides its bytes: diplograph's version and graph
/// layout, the lexicon
/// tables (built-in and `--lexicon`) and the encoding option. A file is extracted again
/// when this changes.
pub fn built_with(lexicon_fingerprint: &str, encoding: Option<&str>) -> String {
    format!(
        "diplograph {} (graph {GRAPH_LAYOUT}); lexicon {lexicon_fingerprint}; encoding {}",
        env!("CARGO_PKG_VERSION"),
        encoding.unwrap_or("detected")
    )
}

impl Record {
    /// The record's quads, in its own graph.
    pub fn quads(&self) -> Vec<Quad> {
        let s = node(&self.name);
        let g = GraphName::NamedNode(s.clone());
        let quad =
            |p: &str, o: Term| Quad::new(s.clone(), NamedNode::new_unchecked(p), o, g.clone());
        let text = |v: &str| Term::from(Literal::new_simple_literal(v));
        let mut out = vec![
            quad(rdf::TYPE, NamedNode::new_unchecked(dg::INPUT_FILE).into()),
            quad(dg::FILE_NAME, text(&self.name)),
            quad(dg::CONTENT_HASH, text(&self.hash)),
            quad(dg::BUILT_WITH, text(&self.built_with)),
        ];
        if let Some(p) = &self.path {
            out.push(quad(dg::PATH, text(p)));
        }
        if let Some(c) = &self.counts {
            out.push(quad(dg::COUNTS, text(c)));
        }
        out
    }
}

/// Every record in `store`, by file name.
pub fn read(store: &Store) -> Result<HashMap<String, Record>, StorageError> {
    let mut fields: HashMap<NamedNode, HashMap<&'static str, String>> = HashMap::new();
    for p in [
        dg::FILE_NAME,
        dg::CONTENT_HASH,
        dg::BUILT_WITH,
        dg::PATH,
        dg::COUNTS,
    ] {
        let predicate = NamedNode::new_unchecked(p);
        for q in store.quads_for_pattern(None, Some(predicate.as_ref()), None, None) {
            let q = q?;
            let (NamedOrBlankNode::NamedNode(s), Term::Literal(o)) = (q.subject, q.object) else {
                continue;
            };
            // a record is its own graph; anything else is no record of ours
            if q.graph_name != GraphName::NamedNode(s.clone()) {
                continue;
            }
            fields
                .entry(s)
                .or_default()
                .insert(p, o.value().to_string());
        }
    }
    Ok(fields
        .into_values()
        .filter_map(|mut f| {
            Some(Record {
                name: f.remove(dg::FILE_NAME)?,
                hash: f.remove(dg::CONTENT_HASH)?,
                built_with: f.remove(dg::BUILT_WITH)?,
                path: f.remove(dg::PATH),
                counts: f.remove(dg::COUNTS),
            })
        })
        .map(|r| (r.name.clone(), r))
        .collect())
}

/// `path` relative to the directory `base` (both made absolute first), `/`-separated:
/// `../data/corpus/a.txt` for `data/corpus/a.txt` and the store `diplograph.db`.
pub fn relative_path(base: &Path, path: &Path) -> String {
    let absolute = |p: &Path| {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|d| normalize(&d.join(p)))
                .unwrap_or_else(|_| p.to_path_buf())
        })
    };
    let (base, path) = (absolute(base), absolute(path));
    let b: Vec<Component> = base.components().collect();
    let p: Vec<Component> = path.components().collect();
    let common = b.iter().zip(&p).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        p[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Where a record's `path` points, for a store at `base`.
pub fn resolve(base: &Path, relative: &str) -> PathBuf {
    let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    normalize(&base.join(relative))
}

/// `..` and `.` resolved without touching the file system (the file may be gone).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Is `path` inside directory `root` (both absolute, `root` canonical)?
pub fn is_under(path: &Path, root: &Path) -> bool {
    path.starts_with(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_store_and_resolve_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("db");
        let corpus = dir.path().join("corpus/2014");
        std::fs::create_dir_all(&store).unwrap();
        std::fs::create_dir_all(&corpus).unwrap();
        let file = corpus.join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let rel = relative_path(&store, &file);
        assert_eq!(rel, "../corpus/2014/a.txt");
        let back = resolve(&store, &rel);
        assert_eq!(back, std::fs::canonicalize(&file).unwrap());
        // a deleted file still resolves, and lies under its directory
        std::fs::remove_file(&file).unwrap();
        let root = std::fs::canonicalize(dir.path().join("corpus")).unwrap();
        assert!(is_under(&resolve(&store, &rel), &root));
        assert!(!is_under(&resolve(&store, "../elsewhere/a.txt"), &root));
    }

    #[test]
    fn records_round_trip_through_a_store() {
        let store = Store::new().unwrap();
        let records = [
            Record {
                name: "a b#c.txt".into(),
                hash: hash(b"text"),
                built_with: built_with("sha256:00", None),
                path: Some("../corpus/a b#c.txt".into()),
                counts: Some("a https://w3id.org/diplograph/id/state/CHN Propose 2;e https://w3id.org/diplograph/id/state/CHN 1".into()),
            },
            Record {
                name: "stdin".into(),
                hash: hash(b""),
                built_with: built_with("sha256:00", Some("GBK")),
                path: None,
                counts: None,
            },
        ];
        for r in &records {
            store.extend(r.quads()).unwrap();
        }
        let read = read(&store).unwrap();
        assert_eq!(read.len(), 2);
        for r in &records {
            assert_eq!(&read[&r.name], r);
        }
        assert_eq!(
            hash(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
