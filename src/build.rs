//! Building: source files → their documents' graphs in the store.
//!
//! In: the inputs (files read one at a time, so memory does not grow with the corpus)
//! and an open store. Out: for each file, every graph that came from a file of that name
//! replaced in one transaction by the new ones (see [`crate::store::replace_source`]),
//! the ontology graph refreshed, and a [`Summary`] of what was built. Two inputs with the
//! same file name are refused before anything is written: their documents would share
//! IRIs.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::{Class, EntityId, Extractor, source, store};

/// One input: a file to read, or text already in memory (the bundled corpus).
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Text { name: String, text: String },
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::File(p) => source::file_name(p),
            Input::Text { name, .. } => name.clone(),
        }
    }

    fn read(&self, options: &source::ReadOptions) -> Result<source::SourceFile> {
        match self {
            Input::File(p) => source::read_with(p, options),
            Input::Text { name, text } => {
                Ok(source::from_text(name.clone(), PathBuf::from(name), text))
            }
        }
    }
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub files: usize,
    pub documents: usize,
    pub statements: usize,
    /// Distinct entities per class.
    pub entities: BTreeMap<Class, usize>,
    /// Quads in the store afterwards.
    pub quads: usize,
    /// What the user should know, each naming its file: guessed encodings, files with
    /// no documents (which are skipped: their earlier graphs, if any, stay).
    pub warnings: Vec<String>,
    /// With `keep_going`, the files that could not be read, each with what is wrong.
    pub failures: Vec<String>,
}

/// How a build reads its inputs and what it does with one it cannot read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub reading: source::ReadOptions,
    /// Go on past a file that cannot be read (recording it in [`Summary::failures`]);
    /// without it, every file is read and checked before anything is written, and the
    /// first bad one fails the build with the store unchanged.
    pub keep_going: bool,
}

/// Builds `inputs` into `db` (at `path`, for messages). `on_file` hears of each file done.
pub fn build(
    db: &Store,
    path: &Path,
    extractor: &Extractor,
    inputs: &[Input],
    on_file: impl FnMut(&str),
) -> Result<Summary> {
    build_with(db, path, extractor, inputs, &Options::default(), on_file)
}

/// [`build`], reading and going on as `options` say.
pub fn build_with(
    db: &Store,
    path: &Path,
    extractor: &Extractor,
    inputs: &[Input],
    options: &Options,
    mut on_file: impl FnMut(&str),
) -> Result<Summary> {
    let mut names: HashMap<String, &Input> = HashMap::new();
    for input in inputs {
        if let Some(other) = names.insert(input.name(), input) {
            let shown = |i: &Input| match i {
                Input::File(p) => p.display().to_string(),
                Input::Text { name, .. } => name.clone(),
            };
            return Err(Error::input(
                Path::new(&shown(input)),
                None,
                format!(
                    "has the same file name as {}, so their documents would share IRIs; rename one",
                    shown(other)
                ),
            ));
        }
    }
    if !options.keep_going {
        // standard input can be read only once; text in memory needs no check
        for input in inputs {
            if let Input::File(p) = input
                && p.as_os_str() != "-"
            {
                input.read(&options.reading)?;
            }
        }
    }
    store::load_ontology(db, path)?;
    let mut summary = Summary::default();
    let mut entities: BTreeSet<EntityId> = BTreeSet::new();
    for input in inputs {
        let source = match input.read(&options.reading) {
            Ok(source) => source,
            Err(e) if options.keep_going => {
                summary.failures.push(e.to_string());
                continue;
            }
            Err(e) => return Err(e),
        };
        summary.warnings.extend(source.warnings.iter().cloned());
        let built = crate::build_source(extractor, &source);
        if built.documents.is_empty() {
            continue;
        }
        store::replace_source(db, path, &source.name, &built.quads)?;
        summary.files += 1;
        summary.documents += built.documents.len();
        for d in &built.documents {
            summary.statements += d.statements.len();
            entities.extend(d.entities.keys().cloned());
        }
        on_file(&source.name);
    }
    store::flush(db, path)?;
    for id in &entities {
        *summary.entities.entry(id.class).or_default() += 1;
    }
    summary.quads = db.len().map_err(|e| store::storage_error(path, e))?;
    Ok(summary)
}
