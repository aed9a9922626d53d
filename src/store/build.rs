//! Building: source files → their documents' graphs in the store, in parallel,
//! incrementally, in bounded memory.
//!
//! In: the inputs (files, or text in memory), an open store and [`Options`]. Out: for
//! every input whose bytes or extractor changed since it was last built, every graph that
//! came from a file of that name replaced by the new ones, and its [`ledger`] record
//! (content hash, extractor, path) written with them; the ontology graph refreshed; a
//! [`Summary`]; [`Progress`] after each file.
//!
//! Guarantees:
//! - **Atomic per file.** A reader sees a file's old graphs or its new ones, never a mix
//!   (see [`crate::store::load`]). Two inputs with the same file name are refused before
//!   anything is written: their documents would share IRIs.
//! - **Checked first.** Without `keep_going`, every changed file is read and decoded
//!   before anything is written, and the first bad one fails the build with the store
//!   unchanged. With it, a file that cannot be read is recorded in
//!   [`Summary::failures`] and the others are built.
//! - **Incremental.** A file whose SHA-256 and extractor ([`ledger::built_with`]) match
//!   its record is neither read again nor extracted (unless `force`). A file with no
//!   documents is skipped: its earlier graphs, if any, stay.
//! - **Deleted files.** When inputs were found by searching directories
//!   ([`Options::roots`]), a file the ledger places under one of those directories whose
//!   name is no longer among the inputs has its graphs and record removed. Files named
//!   one by one never remove anything else.
//! - **Fast and flat.** Files are read, hashed and extracted on `threads` workers
//!   ([`crate::store::pipeline`]) and written in input order through a window of a few files;
//!   new files go to Oxigraph's bulk loader. Memory is bounded by the window and the
//!   batch sizes, not by the corpus. The output does not depend on the number of threads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use oxigraph::model::{NamedNodeRef, Quad};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::store::ledger::{self, Record};
pub use crate::store::load::Batches;
use crate::store::load::Writer;
use crate::store::{self, pipeline};
use crate::{Class, EntityId, Extractor, graph, input};

/// One input: a file to read, or text already in memory (the bundled corpus).
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Text { name: String, text: String },
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::File(p) => input::file_name(p),
            Input::Text { name, .. } => name.clone(),
        }
    }

    /// How messages name it.
    fn shown(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Text { name, .. } => name.clone(),
        }
    }

    /// A file on disk (not standard input).
    fn disk_path(&self) -> Option<&Path> {
        match self {
            Input::File(p) if p.as_os_str() != "-" => Some(p),
            _ => None,
        }
    }

    fn read(&self, options: &input::ReadOptions) -> Result<input::SourceFile> {
        match self {
            Input::File(p) => input::read_with(p, options),
            Input::Text { name, text } => {
                Ok(input::from_text(name.clone(), PathBuf::from(name), text))
            }
        }
    }
}

/// How a build reads its inputs, what it does with one it cannot read, and how it works.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub reading: input::ReadOptions,
    /// Go on past a file that cannot be read (recording it in [`Summary::failures`]);
    /// without it, every changed file is read and checked before anything is written, and
    /// the first bad one fails the build with the store unchanged.
    pub keep_going: bool,
    /// Extract every input, even those whose bytes and extractor are unchanged.
    pub force: bool,
    /// Threads that extract (and, in a build, that the bulk loader sorts and writes
    /// on); 0 means one per core.
    pub threads: usize,
    /// The directories the inputs were found in: files recorded under them that are no
    /// longer among the inputs are removed.
    pub roots: Vec<PathBuf>,
    /// Batch sizes of the writer; `None` for the defaults.
    pub batches: Option<Batches>,
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Files extracted and written.
    pub files: usize,
    /// Files skipped because their bytes and extractor are unchanged.
    pub unchanged: usize,
    /// Files no longer found under the input directories, whose graphs were removed.
    pub removed: Vec<String>,
    /// Documents of the files written.
    pub documents: usize,
    /// Statements of the files written.
    pub statements: usize,
    /// Distinct entities per class in the files written.
    pub entities: BTreeMap<Class, usize>,
    /// Quads in the store afterwards.
    pub quads: usize,
    /// How long compacting the store after the bulk load took, if it was compacted.
    pub compacted: Option<std::time::Duration>,
    /// How long counting the summaries took, if the build changed the store.
    pub summarized: Option<std::time::Duration>,
    /// What the user should know, each naming its file: guessed encodings, files with
    /// no documents (which are skipped: their earlier graphs, if any, stay).
    pub warnings: Vec<String>,
    /// With `keep_going`, the files that could not be read, each with what is wrong.
    pub failures: Vec<String>,
}

/// Where a build is, after each input.
#[derive(Debug, Clone)]
pub struct Progress {
    /// Inputs done (written, skipped or failed) and in all.
    pub done: usize,
    pub total: usize,
    /// Bytes of the inputs done and in all (text in memory counts its UTF-8 length).
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// What the first pass learns of an input.
struct Survey {
    bytes: u64,
    hash: Option<String>,
    /// The bytes and extractor match the ledger.
    unchanged: bool,
    error: Option<Error>,
    /// A changed file, read and decoded, kept for the second pass while the kept text
    /// stays under [`KEEP_BUDGET`].
    source: Option<input::SourceFile>,
}

/// How much decoded text of changed files the first pass keeps for the second, so that a
/// build reads each file once; files beyond it are read again (their bytes checked
/// against the first read's hash).
const KEEP_BUDGET: usize = 256 << 20;

/// One file, extracted, ready to write.
struct Extracted {
    name: String,
    documents: usize,
    statements: usize,
    /// Hashes of the entities' identities, for distinct counts without keeping names.
    entities: Vec<(Class, u64)>,
    /// Its documents' quads.
    quads: Vec<Quad>,
    /// The descriptions of the entities its documents mention, one per entity.
    descriptions: Vec<graph::Description>,
    /// What its documents add to the summary (see [`store::summary::counts`]).
    counts: String,
    warnings: Vec<String>,
}

/// Builds `inputs` into `db` (at `path`, for messages), reading, going on and working
/// as `options` say.
pub fn build_with(
    db: &Store,
    path: &Path,
    extractor: &Extractor,
    inputs: &[Input],
    options: &Options,
    mut on_progress: impl FnMut(&Progress),
) -> Result<Summary> {
    refuse_shared_names(inputs)?;
    let threads = match options.threads {
        0 => pipeline::default_threads(),
        n => n,
    };
    let built_with = ledger::built_with(
        extractor.lexicon().fingerprint(),
        options.reading.encoding.map(|e| e.name()),
    );
    let records = ledger::read(db).map_err(|e| store::storage_error(path, e))?;

    // standard input can be read only once: read it now, and use what was read
    let stdin = read_stdin_once(inputs, options)?;

    // first pass: hash every input, check the changed ones
    let mut surveys = Vec::with_capacity(inputs.len());
    let survey = |input: &Input| survey(input, options, &records, &built_with, &stdin);
    let mut kept = 0;
    pipeline::ordered(
        inputs,
        threads,
        4 * threads,
        survey,
        |_, mut s| -> Result<()> {
            if let Some(source) = &s.source {
                kept += source.text.len();
                if kept > KEEP_BUDGET {
                    s.source = None;
                }
            }
            surveys.push(s);
            Ok(())
        },
    )?;
    let mut summary = Summary::default();
    if !options.keep_going
        && let Some(e) = surveys.iter_mut().find_map(|s| s.error.take())
    {
        return Err(e);
    }

    // the bulk loader sorts and writes on as many threads as extraction uses
    let batches = options.batches.unwrap_or(Batches {
        threads,
        ..Batches::default()
    });
    let mut writer = Writer::new(db, path, batches);
    store::load_ontology(db, path)?;
    let gone = deleted(path, inputs, &options.roots, &records);
    if !gone.is_empty() || surveys.iter().any(|s| !s.unchanged && s.error.is_none()) {
        // the counts go before anything changes and come back when all has
        store::summary::forget(db, path)?;
    }
    for name in gone {
        writer.remove(&name)?;
        summary.removed.push(name);
    }

    let total = inputs.len();
    let bytes_total = surveys.iter().map(|s| s.bytes).sum();
    let mut progress = Progress {
        done: 0,
        total,
        bytes_done: 0,
        bytes_total,
    };
    // inputs that need no extraction are done at once
    let mut todo: Vec<Todo> = Vec::new();
    for (i, (input, s)) in inputs.iter().zip(&mut surveys).enumerate() {
        if let Some(e) = s.error.take() {
            summary.failures.push(e.report());
        } else if s.unchanged {
            summary.unchanged += 1;
            if let Some(r) = moved_record(path, input, &records) {
                writer.rerecord(&r.name, &r.quads())?;
            }
        } else {
            todo.push(Todo {
                index: i,
                hash: s.hash.take(),
                bytes: s.bytes,
                source: Mutex::new(s.source.take()),
            });
            continue;
        }
        progress.done += 1;
        progress.bytes_done += s.bytes;
    }
    on_progress(&progress);

    // second pass: extract the changed inputs in parallel, write them in order; each
    // entity's description goes with the first file that mentions it
    let mut entities: HashSet<(Class, u64)> = HashSet::new();
    let described = Described::default();
    // a file that replaces its graphs replaces the descriptions of all its entities too
    // (the lexicon may have changed since)
    let nothing = Described::default();
    let extract = |t: &Todo| {
        let kept = t.source.lock().unwrap_or_else(|e| e.into_inner()).take();
        let input = &inputs[t.index];
        let known = match records.contains_key(&input.name()) {
            true => &nothing,
            false => &described,
        };
        extract(
            extractor,
            input,
            kept,
            t.hash.as_deref(),
            options,
            &stdin,
            known,
        )
        .map(|x| (x, t.hash.clone()))
    };
    let window = 2 * threads + 2;
    let mut added = 0;
    pipeline::ordered(&todo, threads, window, extract, |k, done| -> Result<()> {
        let input = &inputs[todo[k].index];
        progress.done += 1;
        progress.bytes_done += todo[k].bytes;
        match done {
            Err(e) if options.keep_going => summary.failures.push(e.report()),
            Err(e) => return Err(e),
            Ok((x, hash)) => {
                summary.warnings.extend(x.warnings);
                if x.documents > 0 {
                    summary.files += 1;
                    summary.documents += x.documents;
                    summary.statements += x.statements;
                    entities.extend(x.entities);
                    let mut quads = x.quads;
                    let replaces = records.contains_key(&x.name) || has_graphs(db, path, &x.name)?;
                    for d in x.descriptions {
                        if described.add(&d.id) || replaces {
                            quads.extend(d.quads);
                        }
                    }
                    if let Some(hash) = hash {
                        let record = Record {
                            name: x.name.clone(),
                            hash,
                            built_with: built_with.clone(),
                            path: input.disk_path().map(|p| ledger::relative_path(path, p)),
                            counts: Some(x.counts.clone()),
                        };
                        quads.extend(record.quads());
                    }
                    if replaces {
                        writer.replace(&x.name, &quads)?;
                    } else {
                        writer.add(quads)?;
                        added += 1;
                    }
                }
            }
        }
        on_progress(&progress);
        Ok(())
    })?;
    // compaction rewrites the whole store: worth it when the new files are at least as
    // many as those it held (a first build), not for a few added to thousands
    summary.compacted = writer.finish(added >= records.len())?;
    if summary.files > 0
        || !summary.removed.is_empty()
        || !db
            .contains_named_graph(NamedNodeRef::new_unchecked(store::summary::GRAPH))
            .map_err(|e| store::storage_error(path, e))?
    {
        summary.summarized = Some(store::summary::refresh(db, path)?);
    }
    store::flush(db, path)?;
    for (class, _) in &entities {
        *summary.entities.entry(*class).or_default() += 1;
    }
    summary.quads = db.len().map_err(|e| store::storage_error(path, e))?;
    Ok(summary)
}

/// Reads and extracts `inputs` on `options.threads` workers and hands each file's quads
/// to `sink` in input order (what `diplograph extract` writes); memory is bounded by a
/// window of a few files, whatever the corpus. Without `keep_going` every input is read
/// and checked before the first quad goes to `sink`, and the first bad one is the error;
/// with it, bad inputs are left out and listed in [`Summary::failures`]. The summary
/// counts files, documents, statements and entities as a build's does; nothing is
/// skipped as unchanged, and `quads` counts the quads handed to `sink`.
pub fn extract_each<E: From<Error>>(
    extractor: &Extractor,
    inputs: &[Input],
    options: &Options,
    sink: impl FnMut(Vec<Quad>) -> std::result::Result<(), E>,
) -> std::result::Result<Summary, E> {
    extract_each_with(extractor, inputs, options, |quads| quads, sink)
}

/// [`extract_each`], with each file's quads turned by `prepare` on the worker that
/// extracted them (say, serialized), so that `sink` has less to do in order. Each file
/// goes to `sink` as its documents' quads, then (prepared apart, in order) the
/// descriptions of the entities no earlier file mentioned, so a file alone gives what
/// [`crate::build_source`] does.
pub fn extract_each_with<T: Send, E: From<Error>>(
    extractor: &Extractor,
    inputs: &[Input],
    options: &Options,
    prepare: impl Fn(Vec<Quad>) -> T + Sync,
    mut sink: impl FnMut(T) -> std::result::Result<(), E>,
) -> std::result::Result<Summary, E> {
    refuse_shared_names(inputs)?;
    let threads = match options.threads {
        0 => pipeline::default_threads(),
        n => n,
    };
    let stdin = read_stdin_once(inputs, options)?;
    // without keep_going, every file is read and checked before the first quad goes
    // out; what was read is kept (up to KEEP_BUDGET) so each file is read once
    let mut kept: Vec<Mutex<Option<input::SourceFile>>> = Vec::new();
    if !options.keep_going {
        let check = |input: &Input| match input.disk_path() {
            Some(_) => input.read(&options.reading).map(Some),
            None => Ok(None),
        };
        let mut size = 0;
        pipeline::ordered(inputs, threads, 4 * threads, check, |_, read| {
            let mut source = read?;
            if let Some(s) = &source {
                size += s.text.len();
                if size > KEEP_BUDGET {
                    source = None;
                }
            }
            kept.push(Mutex::new(source));
            Ok::<(), Error>(())
        })?;
    }
    let mut summary = Summary::default();
    let mut entities: HashSet<(Class, u64)> = HashSet::new();
    let described = Described::default();
    let indexed: Vec<(usize, &Input)> = inputs.iter().enumerate().collect();
    let work = |&(i, input): &(usize, &Input)| {
        let source = kept
            .get(i)
            .and_then(|k| k.lock().unwrap_or_else(|e| e.into_inner()).take());
        extract(extractor, input, source, None, options, &stdin, &described).map(|mut x| {
            let quads = std::mem::take(&mut x.quads);
            let count = quads.len();
            (x, count, prepare(quads))
        })
    };
    pipeline::ordered(&indexed, threads, 2 * threads + 2, work, |_, done| {
        match done {
            Err(e) if options.keep_going => summary.failures.push(e.report()),
            Err(e) => return Err(E::from(e)),
            Ok((x, count, prepared)) => {
                summary.warnings.extend(x.warnings);
                summary.files += 1;
                summary.documents += x.documents;
                summary.statements += x.statements;
                summary.quads += count;
                entities.extend(x.entities);
                sink(prepared)?;
                let mut new = Vec::new();
                for d in x.descriptions {
                    if described.add(&d.id) {
                        new.extend(d.quads);
                    }
                }
                if !new.is_empty() {
                    summary.quads += new.len();
                    sink(prepare(new))?;
                }
            }
        }
        Ok(())
    })?;
    for (class, _) in &entities {
        *summary.entities.entry(*class).or_default() += 1;
    }
    Ok(summary)
}
/// Standard input, read now if one of `inputs` is `-` (it can be read only once; the
/// workers take what was read).
fn read_stdin_once(
    inputs: &[Input],
    options: &Options,
) -> Result<Mutex<Option<input::SourceFile>>> {
    let named = inputs
        .iter()
        .any(|i| matches!(i, Input::File(p) if p.as_os_str() == "-"));
    let source = if named {
        Some(input::read_with(Path::new("-"), &options.reading)?)
    } else {
        None
    };
    Ok(Mutex::new(source))
}

/// Refuses two inputs with the same file name.
fn refuse_shared_names(inputs: &[Input]) -> Result<()> {
    let mut names: HashMap<String, &Input> = HashMap::new();
    for input in inputs {
        if let Some(other) = names.insert(input.name(), input) {
            return Err(Error::input(
                Path::new(&input.shown()),
                None,
                format!(
                    "has the same file name as {}, so their documents would share IRIs; rename one",
                    other.shown()
                ),
            ));
        }
    }
    Ok(())
}

/// The first pass over one input: its size and hash, whether it changed, and (without
/// `keep_going`, for a changed file) whether it can be read.
fn survey(
    input: &Input,
    options: &Options,
    records: &HashMap<String, Record>,
    built_with: &str,
    stdin: &Mutex<Option<input::SourceFile>>,
) -> Survey {
    let bytes = match input {
        Input::File(p) if p.as_os_str() == "-" => stdin
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|s| s.text.clone().into_bytes()),
        Input::File(p) => std::fs::read(p).ok(),
        Input::Text { text, .. } => Some(text.clone().into_bytes()),
    };
    let Some(bytes) = bytes else {
        // say what is wrong the way reading says it
        let error = input.read(&options.reading).err().unwrap_or_else(|| {
            Error::input(
                Path::new(&input.shown()),
                None,
                "could not be read; check that it exists and is readable",
            )
        });
        return Survey {
            bytes: 0,
            hash: None,
            unchanged: false,
            error: Some(error),
            source: None,
        };
    };
    let hash = ledger::hash(&bytes);
    let unchanged = !options.force
        && records
            .get(&input.name())
            .is_some_and(|r| r.hash == hash && r.built_with == built_with);
    let size = bytes.len() as u64;
    let (source, error) = match input.disk_path() {
        Some(path) if !unchanged => {
            match input::from_bytes(input.name(), path, bytes, &options.reading) {
                Ok(source) => (Some(source), None),
                Err(e) => (None, Some(e)),
            }
        }
        _ => (None, None),
    };
    Survey {
        bytes: size,
        hash: Some(hash),
        unchanged,
        error,
        source,
    }
}

/// The entities whose descriptions a run has written: the writer adds them in input
/// order, and the workers leave out the descriptions of entities already in it (a worker
/// that has not seen an addition yet describes the entity again, and the writer drops
/// it), so what is written does not depend on the number of threads.
#[derive(Default)]
struct Described(std::sync::RwLock<HashSet<EntityId>>);

impl Described {
    fn has(&self, id: &EntityId) -> bool {
        self.0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .contains(id)
    }

    /// Adds `id`; whether it was new.
    fn add(&self, id: &EntityId) -> bool {
        let mut set = self.0.write().unwrap_or_else(|e| e.into_inner());
        !set.contains(id) && set.insert(id.clone())
    }
}

/// Reads and extracts one input and builds its quads (and the descriptions of its
/// entities not `known`).
fn extract(
    extractor: &Extractor,
    input: &Input,
    kept: Option<input::SourceFile>,
    hash: Option<&str>,
    options: &Options,
    stdin: &Mutex<Option<input::SourceFile>>,
    known: &Described,
) -> Result<Extracted> {
    let source = match (kept, input) {
        (Some(source), _) => source,
        (None, Input::File(p)) if p.as_os_str() == "-" => stdin
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .ok_or_else(|| Error::input(Path::new("-"), None, "standard input was read already"))?,
        (None, Input::File(p)) => reread(input, p, hash, options)?,
        (None, Input::Text { .. }) => input.read(&options.reading)?,
    };
    let documents = extractor.extract(&source);
    let mut entities = Vec::new();
    let mut statements = 0;
    let mut quads = Vec::new();
    let mut descriptions = Vec::new();
    let mut seen = HashSet::new();
    for d in &documents {
        statements += d.statements.len();
        for id in d.entities.keys() {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            id.key.hash(&mut h);
            entities.push((id.class, h.finish()));
        }
        quads.extend(graph::document_quads(d));
        for e in d.entities.values() {
            if seen.insert(&e.id) && !known.has(&e.id) {
                descriptions.push(graph::describe(e));
            }
        }
    }
    let counts = store::summary::counts(&documents);
    Ok(Extracted {
        name: source.name,
        counts,
        documents: documents.len(),
        statements,
        entities,
        quads,
        descriptions,
        warnings: source.warnings,
    })
}

/// Reads a changed file the first pass did not keep; its bytes must still hash to what
/// the first pass read (`hash`), or the ledger would record other bytes than were built.
fn reread(
    input: &Input,
    path: &Path,
    hash: Option<&str>,
    options: &Options,
) -> Result<input::SourceFile> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if hash.is_some_and(|h| h != ledger::hash(&bytes)) {
        return Err(Error::input(
            path,
            None,
            "changed while the build read it; build again when nothing writes to it",
        ));
    }
    input::from_bytes(input.name(), path, bytes, &options.reading)
}

/// A changed input, for the second pass.
struct Todo {
    index: usize,
    hash: Option<String>,
    bytes: u64,
    /// What the first pass read of it, if it kept it (taken by the second pass).
    source: Mutex<Option<input::SourceFile>>,
}

/// Does the store hold graphs of a file named `name` that the ledger does not know of
/// (built before the ledger existed)?
fn has_graphs(db: &Store, path: &Path, name: &str) -> Result<bool> {
    store::graphs_of_source(db, name)
        .map(|g| !g.is_empty())
        .map_err(|e| store::storage_error(path, e))
}

/// The record of an unchanged input that now lies elsewhere, with its new path.
fn moved_record(path: &Path, input: &Input, records: &HashMap<String, Record>) -> Option<Record> {
    let p = input.disk_path()?;
    let record = records.get(&input.name())?;
    let now = ledger::relative_path(path, p);
    (record.path.as_deref() != Some(now.as_str())).then(|| Record {
        path: Some(now),
        ..record.clone()
    })
}

/// The files the ledger places under one of `roots` that are no longer among `inputs`.
fn deleted(
    store_path: &Path,
    inputs: &[Input],
    roots: &[PathBuf],
    records: &HashMap<String, Record>,
) -> Vec<String> {
    if roots.is_empty() {
        return Vec::new();
    }
    let roots: Vec<PathBuf> = roots
        .iter()
        .filter_map(|r| std::fs::canonicalize(r).ok())
        .collect();
    let present: HashSet<String> = inputs.iter().map(Input::name).collect();
    let mut gone: Vec<String> = records
        .values()
        .filter(|r| !present.contains(&r.name))
        .filter(|r| {
            r.path.as_deref().is_some_and(|p| {
                let at = ledger::resolve(store_path, p);
                roots.iter().any(|root| ledger::is_under(&at, root))
            })
        })
        .map(|r| r.name.clone())
        .collect();
    gone.sort();
    gone
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Quad;

    /// A build into an in-memory store of the files under `dir`, found as a directory.
    fn build_dir(db: &Store, store_dir: &Path, dir: &Path, threads: usize) -> Summary {
        let inputs: Vec<Input> = input::expand_paths(&[dir.to_path_buf()])
            .unwrap()
            .into_iter()
            .map(Input::File)
            .collect();
        let options = Options {
            threads,
            roots: vec![dir.to_path_buf()],
            ..Options::default()
        };
        let extractor = Extractor::new(crate::Lexicon::builtin());
        build_with(db, store_dir, &extractor, &inputs, &options, |_| {}).unwrap()
    }

    fn sorted(db: &Store) -> Vec<String> {
        let mut quads: Vec<String> = db
            .iter()
            .map(|q: std::result::Result<Quad, _>| q.unwrap().to_string())
            .collect();
        quads.sort();
        quads
    }

    /// Asserts two stores hold the same quads, naming the first that differ.
    fn assert_same(a: &Store, b: &Store) {
        let (a, b) = (sorted(a), sorted(b));
        let only_a: Vec<&String> = a.iter().filter(|q| !b.contains(q)).take(5).collect();
        let only_b: Vec<&String> = b.iter().filter(|q| !a.contains(q)).take(5).collect();
        assert!(
            only_a.is_empty() && only_b.is_empty(),
            "only in the first: {only_a:#?}\nonly in the second: {only_b:#?}"
        );
    }

    fn corpus() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("corpus");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let seed = include_str!("../../data/corpus/sco-2014-dushanbe.txt");
        std::fs::write(dir.join("a.txt"), seed).unwrap();
        std::fs::write(dir.join("b.txt"), "中国支持上海合作组织。\n").unwrap();
        std::fs::write(dir.join("sub/c.txt"), "俄罗斯欢迎哈萨克斯坦担任主席国。\n").unwrap();
        (tmp, dir)
    }

    #[test]
    fn unchanged_files_are_skipped_and_changed_ones_leave_what_a_fresh_build_leaves() {
        let (tmp, dir) = corpus();
        let store_dir = tmp.path().join("db");
        std::fs::create_dir_all(&store_dir).unwrap();
        let db = Store::new().unwrap();
        let first = build_dir(&db, &store_dir, &dir, 2);
        assert_eq!((first.files, first.unchanged), (3, 0));
        let built = sorted(&db);
        let again = build_dir(&db, &store_dir, &dir, 2);
        assert_eq!((again.files, again.unchanged), (0, 3));
        assert_eq!(sorted(&db), built);

        std::fs::write(dir.join("b.txt"), "中国支持联合国。\n").unwrap();
        let third = build_dir(&db, &store_dir, &dir, 2);
        assert_eq!((third.files, third.unchanged), (1, 2));
        let fresh = Store::new().unwrap();
        build_dir(&fresh, &store_dir, &dir, 2);
        assert_same(&db, &fresh);
        assert!(sorted(&db).iter().any(|q| q.contains("联合国")));
    }

    #[test]
    fn descriptions_of_entities_no_document_refers_to_any_more_are_removed() {
        let (tmp, dir) = corpus();
        let store_dir = tmp.path().join("db");
        std::fs::create_dir_all(&store_dir).unwrap();
        let only_here = "白俄罗斯欢迎2019年6月13日至14日在比什凯克举行的峰会。\n";
        std::fs::write(dir.join("d.txt"), only_here).unwrap();
        let db = Store::new().unwrap();
        build_dir(&db, &store_dir, &dir, 2);
        let described = |db: &Store, what: &str| {
            sorted(db)
                .iter()
                .any(|q| q.contains(what) && q.contains(graph::ENTITIES))
        };
        // Belarus, the interval and its instants are described once, for d.txt
        for what in [
            "state/BLR",
            "date/2019-06-13--2019-06-14",
            "date/2019-06-14>",
        ] {
            assert!(described(&db, what), "{what}");
        }
        // d.txt changes: nothing refers to them any more
        std::fs::write(dir.join("d.txt"), "中国支持上海合作组织。\n").unwrap();
        build_dir(&db, &store_dir, &dir, 2);
        let fresh = Store::new().unwrap();
        build_dir(&fresh, &store_dir, &dir, 2);
        assert_same(&db, &fresh);
        assert!(
            !sorted(&db)
                .iter()
                .any(|q| q.contains("BLR") || q.contains("2019-06"))
        );
        // back again, then gone: the same as a store that never had it
        std::fs::write(dir.join("d.txt"), only_here).unwrap();
        build_dir(&db, &store_dir, &dir, 2);
        assert!(described(&db, "state/BLR"));
        std::fs::remove_file(dir.join("d.txt")).unwrap();
        build_dir(&db, &store_dir, &dir, 2);
        let fresh = Store::new().unwrap();
        build_dir(&fresh, &store_dir, &dir, 2);
        assert_same(&db, &fresh);
        // what other files still mention keeps its description
        assert!(described(&db, "state/CHN"));
    }

    #[test]
    fn a_directory_build_removes_files_gone_from_it() {
        let (tmp, dir) = corpus();
        let store_dir = tmp.path().join("db");
        std::fs::create_dir_all(&store_dir).unwrap();
        let db = Store::new().unwrap();
        build_dir(&db, &store_dir, &dir, 1);
        std::fs::remove_file(dir.join("sub/c.txt")).unwrap();
        let summary = build_dir(&db, &store_dir, &dir, 1);
        assert_eq!(summary.removed, ["c.txt"]);
        assert!(store::graphs_of_source(&db, "c.txt").unwrap().is_empty());
        assert!(!ledger::read(&db).unwrap().contains_key("c.txt"));
        let fresh = Store::new().unwrap();
        build_dir(&fresh, &store_dir, &dir, 1);
        assert_same(&db, &fresh);
    }

    #[test]
    fn the_store_does_not_depend_on_the_number_of_threads() {
        let (tmp, dir) = corpus();
        let store_dir = tmp.path().join("db");
        std::fs::create_dir_all(&store_dir).unwrap();
        let (one, four) = (Store::new().unwrap(), Store::new().unwrap());
        build_dir(&one, &store_dir, &dir, 1);
        build_dir(&four, &store_dir, &dir, 4);
        assert_same(&one, &four);
    }

    #[test]
    fn extract_each_hands_over_every_file_in_input_order() {
        let (_tmp, dir) = corpus();
        let inputs: Vec<Input> = input::expand_paths(&[dir])
            .unwrap()
            .into_iter()
            .map(Input::File)
            .collect();
        let extractor = Extractor::new(crate::Lexicon::builtin());
        // each file's documents, then the descriptions of entities no earlier file had
        let mut expected: Vec<Quad> = Vec::new();
        let mut described = HashSet::new();
        for i in &inputs {
            let docs = extractor.extract(&i.read(&Default::default()).unwrap());
            expected.extend(docs.iter().flat_map(graph::document_quads));
            for e in docs.iter().flat_map(|d| d.entities.values()) {
                if described.insert(e.id.clone()) {
                    expected.extend(graph::describe(e).quads);
                }
            }
        }
        // the files share entities, which each file alone describes again
        let alone: usize = inputs
            .iter()
            .map(|i| {
                crate::build_source(&extractor, &i.read(&Default::default()).unwrap())
                    .quads
                    .len()
            })
            .sum();
        assert!(expected.len() < alone, "{} {alone}", expected.len());
        for threads in [1, 3] {
            let options = Options {
                threads,
                ..Options::default()
            };
            let mut got = Vec::new();
            let summary = extract_each(&extractor, &inputs, &options, |q| -> Result<()> {
                got.extend(q);
                Ok(())
            })
            .unwrap();
            assert_eq!(summary.files, 3);
            assert!(got == expected, "{threads} threads");
        }
    }
}
