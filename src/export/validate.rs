//! Validation: a graph checked against the contract's SHACL shapes
//! (`ontology/shapes.ttl`).
//!
//! In: quads (a store's, or an RDF file's; their graphs are checked as one union, since
//! an entity's class and labels and the statements about it live in different graphs)
//! and a shapes graph in Turtle. Out: a [`Report`] — whether the data conforms and, for
//! each violation, its focus node, path, message, value and shape.
//!
//! The engine is pySHACL (`pyshacl` on `PATH`, else `python3 -m pyshacl`; the
//! `DIPLOGRAPH_PYSHACL` variable names another command), run on the data as N-Triples,
//! its report read back as RDF. The Rust engine that works with oxigraph 0.5 (the `shacl`
//! crate of the rudof project) was measured and left out: it switches on oxigraph's
//! `http-client` and `rdf-12` features for the whole crate (so `SERVICE` in
//! `diplograph query` would start making HTTP requests) and adds about 130 crates, among
//! them an async HTTP stack (README, "Validate").

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{NamedOrBlankNode, Quad, Term, Triple};

use crate::error::{Error, ErrorKind, Result};
use crate::sparql::query::compact;

/// The built-in shapes.
pub const SHAPES: &str = include_str!("../../ontology/shapes.ttl");

const SH: &str = "http://www.w3.org/ns/shacl#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// What the validation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The data's distinct triples.
    pub triples: usize,
    pub violations: Vec<Violation>,
}

/// One result of the SHACL validation report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The node that breaks the shape.
    pub focus: Term,
    /// The property path (`None` for a node-level constraint; a complex path is shown
    /// as its node).
    pub path: Option<Term>,
    pub message: String,
    /// The value that breaks it, where there is one.
    pub value: Option<Term>,
    /// `sh:Violation`, `sh:Warning` or `sh:Info`.
    pub severity: Option<Term>,
    pub shape: Option<Term>,
}

impl Report {
    pub fn conforms(&self) -> bool {
        self.violations.is_empty()
    }
}

impl std::fmt::Display for Report {
    /// `conforms: …` or the violations, one block each, separated by blank lines: the
    /// focus node first (`focus: <IRI> (state:RUS)`), then `path:`, `message:`, `value:`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.conforms() {
            return writeln!(f, "conforms: {} triples meet the shapes", self.triples);
        }
        writeln!(
            f,
            "does not conform: {} violation{} in {} triples",
            self.violations.len(),
            if self.violations.len() == 1 { "" } else { "s" },
            self.triples
        )?;
        for v in &self.violations {
            writeln!(f)?;
            writeln!(f, "focus: {}", shown(&v.focus))?;
            if let Some(p) = &v.path {
                writeln!(f, "path: {}", short(p))?;
            }
            writeln!(f, "message: {}", v.message)?;
            if let Some(value) = &v.value {
                writeln!(f, "value: {}", shown(value))?;
            }
            if let Some(s) = &v.shape
                && matches!(s, Term::NamedNode(_))
            {
                writeln!(f, "shape: {}", short(s))?;
            }
        }
        Ok(())
    }
}

/// A term in full, then in short where a prefix fits: `<…/state/RUS> (state:RUS)`.
fn shown(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            let c = compact(n.as_str());
            if c.starts_with('<') {
                format!("<{}>", n.as_str())
            } else {
                format!("<{}> ({c})", n.as_str())
            }
        }
        other => other.to_string(),
    }
}

fn short(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            let shapes = "https://w3id.org/diplograph/shapes#";
            match n.as_str().strip_prefix(shapes) {
                Some(local) => format!("dgsh:{local}"),
                None => compact(n.as_str()),
            }
        }
        other => other.to_string(),
    }
}

/// The input of a validation does not parse or cannot be read or written: `message`.
fn input_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Validate, message)
}

/// pySHACL ran and failed: `what`.
fn engine_error(what: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Validate, format!("pySHACL failed: {what}"))
}

fn no_engine() -> Error {
    Error::new(
        ErrorKind::Validate,
        "validate needs pySHACL, which is not installed: `python3 -m pip install pyshacl` \
         (or run tests/setup.sh --tests), or name its command in DIPLOGRAPH_PYSHACL",
    )
}

/// Reads an RDF file (format from `format`, else from its extension) as quads.
pub fn read_file(path: &Path, format: Option<&str>) -> Result<Vec<Quad>> {
    let format = match format {
        Some(name) => crate::export::rdf::parse_format(name).ok_or_else(|| {
            input_error(format!(
                "unknown RDF format {name:?}; use one of {}",
                crate::export::rdf::FORMAT_NAMES
            ))
        })?,
        None => crate::export::rdf::format_of_path(path).ok_or_else(|| {
            input_error(format!(
                "{}: cannot tell the RDF format from the extension; give --format",
                path.display()
            ))
        })?,
    };
    let bytes = std::fs::read(path)
        .map_err(|e| input_error(format!("cannot read {}: {e}", path.display())))?;
    RdfParser::from_format(format)
        .for_slice(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| input_error(format!("{}: {e}", path.display())))
}

/// Validates the union of `quads`' graphs against `shapes` (Turtle).
pub fn validate(quads: &[Quad], shapes: &str) -> Result<Report> {
    let mut triples: Vec<Triple> = quads.iter().cloned().map(Triple::from).collect();
    triples.sort_unstable_by_key(Triple::to_string);
    triples.dedup();
    let mut data = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for t in &triples {
        data.serialize_triple(t)
            .map_err(|e| input_error(e.to_string()))?;
    }
    let data = data.finish().map_err(|e| input_error(e.to_string()))?;
    let scratch = Scratch::new()?;
    let data_path = scratch.write("data.nt", &data)?;
    let shapes_path = scratch.write("shapes.ttl", shapes.as_bytes())?;
    let report = run_pyshacl(&shapes_path, &data_path)?;
    Ok(Report {
        triples: triples.len(),
        violations: violations(&report)?,
    })
}

/// Runs pySHACL; returns its report as N-Triples.
fn run_pyshacl(shapes: &Path, data: &Path) -> Result<Vec<u8>> {
    let args = |c: &mut Command| {
        c.args(["-sf", "turtle", "-df", "nt", "-f", "nt", "-s"])
            .arg(shapes)
            .arg(data)
            .stdin(Stdio::null())
            .output()
    };
    let custom = std::env::var_os("DIPLOGRAPH_PYSHACL");
    let mut tried = Vec::new();
    let attempts: Vec<Command> = match &custom {
        Some(c) => vec![Command::new(c)],
        None => {
            let mut module = Command::new("python3");
            module.args(["-m", "pyshacl"]);
            vec![Command::new("pyshacl"), module]
        }
    };
    for mut command in attempts {
        let out = match args(&mut command) {
            Ok(out) => out,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(engine_error(format!("cannot start it: {e}"))),
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("No module named pyshacl") {
            tried.push(stderr.to_string());
            continue;
        }
        // pySHACL exits 0 when the data conforms, 1 when it does not
        return match out.status.code() {
            Some(0 | 1) => Ok(out.stdout),
            _ => Err(engine_error(
                stderr
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("no message")
                    .to_string(),
            )),
        };
    }
    Err(no_engine())
}

/// The results of a SHACL validation report (N-Triples), sorted.
fn violations(report: &[u8]) -> Result<Vec<Violation>> {
    let triples: Vec<Triple> = RdfParser::from_format(RdfFormat::NTriples)
        .for_slice(report)
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()
        .map_err(|e| engine_error(format!("its report does not parse: {e}")))?;
    let one = |s: &NamedOrBlankNode, p: &str| -> Option<Term> {
        triples
            .iter()
            .find(|t| &t.subject == s && t.predicate.as_str() == format!("{SH}{p}"))
            .map(|t| t.object.clone())
    };
    let result_class = format!("{SH}ValidationResult");
    let mut out = Vec::new();
    for t in &triples {
        let is_result = t.predicate.as_str() == RDF_TYPE
            && matches!(&t.object, Term::NamedNode(n) if n.as_str() == result_class);
        if !is_result {
            continue;
        }
        let r = &t.subject;
        let Some(focus) = one(r, "focusNode") else {
            continue;
        };
        let message = match one(r, "resultMessage") {
            Some(Term::Literal(l)) => l.value().to_string(),
            _ => one(r, "sourceConstraintComponent")
                .map(|c| format!("breaks {}", short(&c)))
                .unwrap_or_default(),
        };
        out.push(Violation {
            focus,
            path: one(r, "resultPath"),
            message,
            value: one(r, "value"),
            severity: one(r, "resultSeverity"),
            shape: one(r, "sourceShape"),
        });
    }
    out.sort_by_key(|v: &Violation| {
        (
            v.focus.to_string(),
            v.path.as_ref().map(Term::to_string),
            v.message.clone(),
        )
    });
    out.dedup();
    Ok(out)
}

/// A private temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "diplograph-validate-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir(&dir)
            .map_err(|e| input_error(format!("cannot create {}: {e}", dir.display())))?;
        Ok(Scratch(dir))
    }

    fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        let path = self.0.join(name);
        std::fs::File::create(&path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| input_error(format!("cannot write {}: {e}", path.display())))?;
        Ok(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
