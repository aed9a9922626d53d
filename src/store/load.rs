//! Writing built files into the store at the speed of the store.
//!
//! In: each built file's quads (its documents' graphs and its ledger record), in input
//! order, as a file the store holds nothing of ([`Writer::add`]) or one whose earlier
//! graphs it replaces ([`Writer::replace`]), and files to forget ([`Writer::remove`]).
//! Out: the store changed accordingly once [`Writer::finish`] returns.
//!
//! How: new files go to Oxigraph's bulk loader (sorted SST files written by background
//! threads and ingested into RocksDB), in batches of whole files, each batch ingested in
//! one atomic step as soon as it is written; a file that replaces or removes graphs goes
//! through a transaction of its own, its removals and insertions together. Guarantees:
//! every file's graphs change atomically (a reader, or a build killed at any moment,
//! sees its old graphs or its new ones, never a mix); memory is bounded by the batch
//! size, never by the corpus.

use std::path::Path;

use oxigraph::model::{NamedNode, Quad};
use oxigraph::store::{BulkLoader, Store};

use crate::error::Result;
use crate::graph;
use crate::store::{self, ledger};

/// How the writer hands new files to the bulk loader.
#[derive(Debug, Clone, Copy)]
pub struct Batches {
    /// Quads of new files per bulk-loader batch (whole files; each batch is sorted and
    /// written by one background thread, with about 0.6 KB of memory a quad while it is
    /// in flight).
    pub bulk: usize,
    /// Background threads of the bulk loader (batches in flight at once).
    pub threads: usize,
}

impl Default for Batches {
    fn default() -> Batches {
        Batches {
            bulk: 25_000,
            threads: 2,
        }
    }
}

/// Writes files into one store; see the module doc.
pub struct Writer<'a> {
    store: &'a Store,
    path: &'a Path,
    batches: Batches,
    loader: Option<BulkLoader<'a>>,
    bulk: Vec<Quad>,
}

impl<'a> Writer<'a> {
    pub fn new(store: &'a Store, path: &'a Path, batches: Batches) -> Writer<'a> {
        Writer {
            store,
            path,
            batches,
            loader: None,
            bulk: Vec::new(),
        }
    }

    /// Adds the quads of a file the store holds nothing of.
    pub fn add(&mut self, quads: Vec<Quad>) -> Result<()> {
        if self.bulk.is_empty() {
            self.bulk = quads;
        } else {
            self.bulk.extend(quads);
        }
        if self.bulk.len() >= self.batches.bulk {
            self.flush_bulk()?;
        }
        Ok(())
    }

    /// Replaces every graph of the file `name` (its documents', statements' and lexicon
    /// graphs, and its ledger record) with `quads`, in one transaction.
    pub fn replace(&mut self, name: &str, quads: &[Quad]) -> Result<()> {
        self.transaction(name, quads, true)
    }

    /// Removes every graph of the file `name` and its ledger record.
    pub fn remove(&mut self, name: &str) -> Result<()> {
        self.transaction(name, &[], true)
    }

    /// Replaces only the ledger record of the file `name` (a file that moved).
    pub fn rerecord(&mut self, name: &str, quads: &[Quad]) -> Result<()> {
        self.transaction(name, quads, false)
    }

    fn transaction(&mut self, name: &str, quads: &[Quad], documents: bool) -> Result<()> {
        let err = |e| store::storage_error(self.path, e);
        let old = match documents {
            true => store::graphs_of_source(self.store, name).map_err(err)?,
            false => Vec::new(),
        };
        let mut tx = self.store.start_transaction().map_err(err)?;
        for g in &old {
            remove_document(&mut tx, g).map_err(err)?;
        }
        tx.remove_named_graph(&ledger::node(name)).map_err(err)?;
        for q in quads {
            tx.insert(q);
        }
        tx.commit().map_err(err)
    }

    fn flush_bulk(&mut self) -> Result<()> {
        if self.bulk.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.bulk);
        let (store, threads) = (self.store, self.batches.threads);
        let loader = self.loader.get_or_insert_with(|| {
            // each batch holds whole files, so committing batch by batch keeps every
            // file atomic while RocksDB compacts what is already in
            store
                .bulk_loader()
                .with_num_threads(threads.max(1))
                .without_atomicity()
        });
        loader
            .load_quads(batch)
            .map_err(|e| store::storage_error(self.path, e))
    }

    /// Writes what is gathered and waits until the store holds everything; with
    /// `compact`, then compacts the store if anything went through the bulk loader (see
    /// [`store::optimize`]; it rewrites the whole store, so a build asks for it when the
    /// bulk load is a large part of the store, not for a few files added to many).
    /// Returns how long compacting took, if the store was compacted.
    pub fn finish(mut self, compact: bool) -> Result<Option<std::time::Duration>> {
        self.flush_bulk()?;
        let Some(loader) = self.loader.take() else {
            return Ok(None);
        };
        loader
            .commit()
            .map_err(|e| store::storage_error(self.path, e))?;
        if !compact {
            return Ok(None);
        }
        let started = std::time::Instant::now();
        store::optimize(self.store, self.path)?;
        Ok(Some(started.elapsed()))
    }
}

/// Removes a document's graph and its statements and lexicon graphs.
fn remove_document(
    tx: &mut oxigraph::store::Transaction<'_>,
    doc: &NamedNode,
) -> std::result::Result<(), oxigraph::store::StorageError> {
    tx.remove_named_graph(doc)?;
    tx.remove_named_graph(&graph::statement_graph(doc))?;
    tx.remove_named_graph(&graph::lexicon_graph(doc))
}
