//! Evaluation: an extractor's RDF against a gold annotation, scored exactly as
//! SCHEMA.md "Gold files" says (and as the reference scorer `score.py` does).
//!
//! In: a gold file (`NAME.gold.json`, [`gold`]) and either the source text it names
//! (extracted here) or an RDF file. Out: a [`Report`] ([`report`]) — precision, recall
//! and F1 per entity class, micro over entities, for relations (document fields
//! included), statements, proposals and concerns — plus broken mentions and contract
//! problems; for several gold files a [`Summary`], a row per file and a micro total.
//! Guarantees: the scoring ([`mod@score`]) matches one to one, by maximum bipartite
//! matching; names compare after NFKC and after removing white space, 《》〈〉<>, and
//! quotes; items marked `optional` count neither way. A gold file's source is found in
//! one place: its `source`, relative to the gold file's folder. Nothing here prints.

mod gold;
mod report;
mod score;

use std::path::{Path, PathBuf};

use oxigraph::io::RdfParser;
use oxigraph::model::Quad;

pub use gold::{Gold, GoldDocument, GoldEntity, GoldRelation, GoldStatement};
pub use report::{Mentions, Prf, Report, Scored, Summary, Total};
pub use score::{norm, score};

use crate::error::{Error, Result};

/// The extensions of the RDF files `eval` scores as they are, rather than extracting.
const RDF_EXTENSIONS: [&str; 6] = ["nq", "trig", "nt", "ttl", "jsonld", "rdf"];

/// Reads an RDF file (format by extension) for scoring.
pub fn read_rdf(path: &Path) -> Result<Vec<Quad>> {
    let format = crate::export::rdf::format_of_path(path).ok_or_else(|| {
        Error::input(
            path,
            None,
            "cannot tell the RDF format (use .nq .trig .nt .ttl)",
        )
    })?;
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    RdfParser::from_format(format)
        .for_reader(std::io::BufReader::new(file))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::input(path, None, format!("not valid {format}: {e}")))
}

/// Scores the gold file `gold_path` against `input` — a source text (extracted with
/// `extractor`) or an RDF file, by its extension — or, without `input`, against the
/// gold's own source (see [`Gold::source_path`]).
pub fn evaluate(
    extractor: &crate::Extractor,
    gold_path: &Path,
    input: Option<&Path>,
) -> Result<Report> {
    let gold = Gold::load(gold_path)?;
    let input = match input {
        Some(p) => p.to_path_buf(),
        None => source_of(&gold, gold_path)?,
    };
    let is_rdf = input
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| RDF_EXTENSIONS.contains(&e));
    let quads = if is_rdf {
        read_rdf(&input)?
    } else {
        let source = crate::input::read(&input)?;
        crate::build_source(extractor, &source).quads
    };
    Ok(score(&gold, quads))
}

/// Scores each gold file against its own source, in the order given.
pub fn evaluate_all(extractor: &crate::Extractor, golds: &[PathBuf]) -> Result<Summary> {
    let files = golds
        .iter()
        .map(|g| {
            Ok(Scored {
                gold: g.clone(),
                report: evaluate(extractor, g, None)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Summary::new(files))
}

/// The gold files `paths` name: a file as it is, a directory as its `*.gold.json` files
/// (not recursively), sorted.
pub fn gold_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
            let entry = entry.map_err(|e| Error::io(path, e))?.path();
            let name = entry.file_name().unwrap_or_default().to_string_lossy();
            if name.ends_with(".gold.json") && !entry.is_dir() {
                found.push(entry);
            }
        }
        if found.is_empty() {
            return Err(Error::gold(path, None, "holds no NAME.gold.json file"));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// The source file of `gold`, which must exist.
fn source_of(gold: &Gold, gold_path: &Path) -> Result<PathBuf> {
    let path = gold.source_path(gold_path);
    match path.exists() {
        true => Ok(path),
        false => Err(Error::gold(
            gold_path,
            None,
            format!(
                "cannot find its source {:?} (looked for {}); name it: diplograph eval --gold G INPUT",
                gold.source,
                path.display()
            ),
        )),
    }
}
