//! The store: an on-disk Oxigraph (RocksDB) dataset of documents' graphs.
//!
//! In: annotated source files. Out: one named graph per document (its IRI is the
//! document's), one for its statements (`{document IRI}/statements`), each with the
//! rules that made what it holds, the descriptions of the entities once
//! for the store (`dgr:graph/entities`, `dgr:graph/lexicon`), the counts of
//! [`summary`] (`dgr:graph/summary`) and the ontology in `dgr:graph/ontology`. Building a source file replaces, in one transaction, every graph
//! that came from a file of that name (so a file that now holds fewer documents leaves
//! none behind): building the same corpus twice leaves exactly the same quads.
//!
//! Guarantees: a failed build leaves every graph that was stored before it as it was;
//! without `--keep-going` every changed file is read and checked before anything is
//! written; each input file is read once (see [`build`]); storage errors say what to do
//! (another process holds the store, the store is damaged).

pub mod build;
pub mod ledger;
mod load;
mod pipeline;
pub mod summary;

use std::path::{Path, PathBuf};

use oxigraph::io::RdfFormat;
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use oxigraph::store::{StorageError, Store};

use crate::error::{Error, ErrorKind, Result};
use crate::vocab::{dg, dgr};

/// The default store directory.
pub const DEFAULT_STORE: &str = "diplograph.db";

/// The ontology, loaded into its own graph by every build.
pub const ONTOLOGY: &str = include_str!("../../ontology/diplograph.ttl");

/// Opens (creating if needed) the store at `path` for reading and writing.
pub fn open(path: &Path) -> Result<Store> {
    if path.exists() && !path.is_dir() {
        return Err(Error::input(
            path,
            None,
            "is a file, not a store directory; name a directory with --store DIR",
        ));
    }
    on_disk::open(path).map_err(|e| storage_error(path, e))
}

/// Opens an existing store for reading; errors if there is none. Read-only: it takes no
/// lock, so it works while a build writes (it sees the store as it was when opened: each
/// document's old graphs or its new ones, never a mix).
pub fn open_existing(path: &Path) -> Result<Store> {
    if !path.join("CURRENT").exists() {
        return Err(Error::input(
            path,
            None,
            "no diplograph store here; run `diplograph build` first, or name one with --store DIR",
        ));
    }
    // A build may compact the store while it opens: a table file named in the manifest
    // can vanish before it is read. Opening again reads the new manifest.
    let mut attempt = 0;
    loop {
        match on_disk::open_read_only(path) {
            Ok(store) => return Ok(store),
            Err(e) if attempt < 20 && is_vanished_file(&e) => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(10 * attempt));
            }
            Err(e) => return Err(storage_error(path, e)),
        }
    }
}

/// Whether opening failed on a table file the manifest names but a compaction has
/// just removed (RocksDB reports it as an I/O error, or as a corruption of the manifest
/// whose cause is the missing file).
fn is_vanished_file(e: &StorageError) -> bool {
    match e {
        StorageError::Io(io) => io.kind() == std::io::ErrorKind::NotFound,
        StorageError::Corruption(c) => {
            let text = c.to_string();
            text.contains("No such file or directory") && text.contains(".sst")
        }
        _ => false,
    }
}

/// Writes to disk what the store keeps in memory (nothing to do for a store in memory).
pub fn flush(db: &Store, path: &Path) -> Result<()> {
    on_disk::flush(db).map_err(|e| storage_error(path, e))
}

/// Compacts the store after a bulk load. The loader leaves its sorted files side by side
/// in RocksDB's first level, where every lookup must search each of them, and readers
/// open the store read-only, so nothing compacts them later: on a store of 1,100
/// documents a two-pattern join ran 5× slower before this.
pub fn optimize(db: &Store, path: &Path) -> Result<()> {
    on_disk::optimize(db).map_err(|e| storage_error(path, e))
}

/// The on-disk store, or (built without the `rocksdb` feature) an error saying so.
#[cfg(feature = "rocksdb")]
mod on_disk {
    use super::{Path, StorageError, Store};

    pub fn open(path: &Path) -> Result<Store, StorageError> {
        // RocksDB keeps each open table file's index in memory; the bulk loader writes
        // a table file per batch and index, thousands before compaction merges them, so
        // without a bound a build's memory grows with the corpus.
        Store::open_with_options(
            path,
            oxigraph::store::StoreOptions::default().with_max_open_files(MAX_OPEN_FILES),
        )
    }

    /// The table files a writing store keeps open.
    const MAX_OPEN_FILES: u32 = 64;

    pub fn open_read_only(path: &Path) -> Result<Store, StorageError> {
        Store::open_read_only(path)
    }

    pub fn flush(db: &Store) -> Result<(), StorageError> {
        db.flush()
    }

    pub fn optimize(db: &Store) -> Result<(), StorageError> {
        db.optimize()
    }
}

#[cfg(not(feature = "rocksdb"))]
mod on_disk {
    use super::{Path, StorageError, Store};

    fn unavailable() -> StorageError {
        StorageError::Other(
            "this diplograph was built without the on-disk store (the rocksdb feature)".into(),
        )
    }

    pub fn open(_: &Path) -> Result<Store, StorageError> {
        Err(unavailable())
    }

    pub fn open_read_only(_: &Path) -> Result<Store, StorageError> {
        Err(unavailable())
    }

    pub fn flush(_: &Store) -> Result<(), StorageError> {
        Ok(())
    }

    pub fn optimize(_: &Store) -> Result<(), StorageError> {
        Ok(())
    }
}

/// What to do about a storage error, decided by Oxigraph's variants: corruption means a
/// damaged store; an I/O error whose RocksDB status names the store's lock means another
/// process holds it (RocksDB reports a held lock as a generic I/O error, so its status
/// text is the only sign).
pub fn storage_error(path: &Path, e: StorageError) -> Error {
    match &e {
        StorageError::Io(io) if is_lock_held(io) => Error::new(
            ErrorKind::Store,
            "the store is in use by another diplograph process (one writer at a time); wait for it to finish, or use another --store",
        )
        // RocksDB's status says no more than this, in its own words
        .at(path),
        StorageError::Corruption(_) => Error::new(
            ErrorKind::Store,
            "the store is damaged; build it again into a new directory with `diplograph build --store DIR`",
        )
        .at(path)
        .caused_by(e),
        _ => Error::new(ErrorKind::Store, "").at(path).caused_by(e),
    }
}

fn is_lock_held(io: &std::io::Error) -> bool {
    let text = io.to_string();
    text.contains("LOCK")
        || text.contains("lock file")
        || text.contains("Resource temporarily unavailable")
}

/// The graphs whose document came from a file named `source_name`.
pub(crate) fn graphs_of_source(
    store: &Store,
    source_name: &str,
) -> std::result::Result<Vec<NamedNode>, StorageError> {
    let name = Term::from(Literal::new_simple_literal(source_name));
    let p = NamedNodeRef::new_unchecked(dg::SOURCE_FILE);
    let mut out = Vec::new();
    for q in store.quads_for_pattern(None, Some(p), Some(name.as_ref()), None) {
        let q = q?;
        if let NamedOrBlankNode::NamedNode(g) = q.subject
            && q.graph_name == oxigraph::model::GraphName::NamedNode(g.clone())
            && !out.contains(&g)
        {
            out.push(g);
        }
    }
    Ok(out)
}

/// Loads the ontology into `dgr:graph/ontology`, replacing what was there.
pub fn load_ontology(store: &Store, path: &Path) -> Result<()> {
    let graph = NamedNodeRef::new_unchecked(dgr::ONTOLOGY_GRAPH);
    let parsed: Vec<Quad> = oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(graph)
        .for_slice(ONTOLOGY.as_bytes())
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::store(format!("the built-in ontology does not parse: {e}")))?;
    let quads = stable_blank_nodes(parsed);
    let mut tx = store
        .start_transaction()
        .map_err(|e| storage_error(path, e))?;
    tx.clear_graph(GraphNameRef::NamedNode(graph))
        .map_err(|e| storage_error(path, e))?;
    for q in &quads {
        tx.insert(q);
    }
    tx.commit().map_err(|e| storage_error(path, e))
}

/// The same quads with their blank nodes renamed `o0`, `o1`, … in order of appearance, so
/// that loading the same file twice stores exactly the same quads (a parser names blank
/// nodes at random).
fn stable_blank_nodes(quads: Vec<Quad>) -> Vec<Quad> {
    use oxigraph::model::BlankNode;
    let mut names: std::collections::HashMap<BlankNode, BlankNode> =
        std::collections::HashMap::new();
    let mut rename = |b: BlankNode| {
        let n = names.len();
        names
            .entry(b)
            .or_insert_with(|| BlankNode::new_unchecked(format!("o{n}")))
            .clone()
    };
    quads
        .into_iter()
        .map(|mut q| {
            if let NamedOrBlankNode::BlankNode(b) = q.subject {
                q.subject = rename(b).into();
            }
            if let Term::BlankNode(b) = q.object {
                q.object = rename(b).into();
            }
            q
        })
        .collect()
}

/// Where the store is: `--store`, else `DIPLOGRAPH_STORE`, else `./diplograph.db`.
pub fn location(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os("DIPLOGRAPH_STORE").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_STORE))
}
