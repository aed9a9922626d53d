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
//! through a transaction of its own, its removals and insertions together, and with them
//! the descriptions of entities (graphs [`graph::ENTITIES`] and [`graph::LEXICON`],
//! shared by every document) that it writes anew or that no document refers to any
//! more. Guarantees:
//! every file's graphs change atomically (a reader, or a build killed at any moment,
//! sees its old graphs or its new ones, never a mix); memory is bounded by the batch
//! size, never by the corpus.

use std::path::Path;

use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use oxigraph::store::{BulkLoader, StorageError, Store, Transaction};

use crate::error::Result;
use crate::graph;
use crate::store::{self, ledger};
use crate::vocab::{dg, dgr, rdf, time};

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
        let mut referred = Vec::new();
        for g in &old {
            referred.extend(referred_entities(&tx, g).map_err(err)?);
            remove_document(&mut tx, g).map_err(err)?;
        }
        tx.remove_named_graph(&ledger::node(name)).map_err(err)?;
        // a description written anew replaces the old one (the lexicon may have changed);
        // an entity's own description types it with its class (the instants at the ends
        // of an interval are only typed time:Instant, and stay as they are)
        let mut described: Vec<&NamedNode> = Vec::new();
        for q in quads {
            if let (GraphName::NamedNode(g), NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) =
                (&q.graph_name, &q.subject, &q.object)
                && g.as_str() == graph::ENTITIES
                && q.predicate.as_str() == rdf::TYPE
                && o.as_str().starts_with(dg::NS)
                && !described.contains(&s)
            {
                described.push(s);
            }
        }
        for e in &described {
            remove_description(&mut tx, e.as_ref()).map_err(err)?;
        }
        for q in quads {
            tx.insert(q);
        }
        // what the new quads describe is referred to by them; the rest may be orphaned
        referred.retain(|e| !described.contains(&e));
        forget_unreferred(&mut tx, referred).map_err(err)?;
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

type StorageResult<T> = std::result::Result<T, StorageError>;

/// Removes a document's graph and its statement graph (and the `{document}/lexicon`
/// graph a build before graph layout 2 wrote, so that rebuilding an older store leaves
/// none behind).
fn remove_document(tx: &mut Transaction<'_>, doc: &NamedNode) -> StorageResult<()> {
    tx.remove_named_graph(doc)?;
    tx.remove_named_graph(&graph::statement_graph(doc))?;
    tx.remove_named_graph(NamedNodeRef::new_unchecked(&format!(
        "{}/lexicon",
        doc.as_str()
    )))
}

/// The resources a document's graphs refer to that have a description: the entities it
/// mentions, relates, or makes actors and concerns of its statements.
fn referred_entities(tx: &Transaction<'_>, doc: &NamedNode) -> StorageResult<Vec<NamedNode>> {
    let mut out: std::collections::HashSet<NamedNode> = std::collections::HashSet::new();
    for g in [doc.clone(), graph::statement_graph(doc)] {
        for q in tx.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref()))) {
            let q = q?;
            if let NamedOrBlankNode::NamedNode(s) = q.subject
                && !s.as_str().starts_with(doc.as_str())
            {
                out.insert(s);
            }
            if let Term::NamedNode(o) = q.object
                && o.as_str().starts_with(dgr::NS)
                && !o.as_str().starts_with(doc.as_str())
            {
                out.insert(o);
            }
        }
    }
    let entities = NamedNodeRef::new_unchecked(graph::ENTITIES);
    let mut described = Vec::new();
    for e in out {
        let mut quads =
            tx.quads_for_pattern(Some(e.as_ref().into()), None, None, Some(entities.into()));
        if quads.next().transpose()?.is_some() {
            described.push(e);
        }
    }
    described.sort();
    Ok(described)
}

/// Removes the descriptions of those of `candidates` that nothing outside the
/// description graphs refers to any more; then, the same way, of the instants that
/// only the removed descriptions referred to (the beginning and end of an interval).
fn forget_unreferred(tx: &mut Transaction<'_>, candidates: Vec<NamedNode>) -> StorageResult<()> {
    let mut instants = Vec::new();
    for e in candidates {
        if referred_outside_descriptions(tx, e.as_ref())? {
            continue;
        }
        let mut value = None;
        for q in tx.quads_for_pattern(Some(e.as_ref().into()), None, None, None) {
            let q = q?;
            match (q.predicate.as_str(), q.object) {
                (time::HAS_BEGINNING | time::HAS_END, Term::NamedNode(i)) => instants.push(i),
                (dg::VALUE, Term::Literal(v)) => value = Some(v.value().to_string()),
                _ => {}
            }
        }
        remove_description(tx, e.as_ref())?;
        // a date no document refers to may still begin or end an interval one does
        if let Some(v) = value
            && referred_as_object(tx, e.as_ref())?
        {
            for q in graph::instant_description(&e, &v) {
                tx.insert(&q);
            }
        }
    }
    for i in instants {
        if !referred_as_object(tx, i.as_ref())? && !referred_outside_descriptions(tx, i.as_ref())? {
            remove_description(tx, i.as_ref())?;
        }
    }
    Ok(())
}

/// Whether any quad has `e` as its object.
fn referred_as_object(tx: &Transaction<'_>, e: NamedNodeRef<'_>) -> StorageResult<bool> {
    let mut quads = tx.quads_for_pattern(None, None, Some(e.into()), None);
    Ok(quads.next().transpose()?.is_some())
}

/// Whether a quad outside the description graphs (and the summary, which the build
/// counts again afterwards) has `e` as its subject or object.
fn referred_outside_descriptions(tx: &Transaction<'_>, e: NamedNodeRef<'_>) -> StorageResult<bool> {
    let outside = |q: &Quad| match &q.graph_name {
        GraphName::NamedNode(g) => {
            !graph::is_description_graph(g.as_str()) && g.as_str() != store::summary::GRAPH
        }
        _ => true,
    };
    for q in tx.quads_for_pattern(None, None, Some(e.into()), None) {
        if outside(&q?) {
            return Ok(true);
        }
    }
    for q in tx.quads_for_pattern(Some(e.into()), None, None, None) {
        if outside(&q?) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Removes what the description graphs say of `e`.
fn remove_description(tx: &mut Transaction<'_>, e: NamedNodeRef<'_>) -> StorageResult<()> {
    for g in [graph::ENTITIES, graph::LEXICON] {
        let g = NamedNodeRef::new_unchecked(g);
        let quads = tx
            .quads_for_pattern(Some(e.into()), None, None, Some(g.into()))
            .collect::<StorageResult<Vec<_>>>()?;
        for q in &quads {
            tx.remove(q);
        }
    }
    Ok(())
}
