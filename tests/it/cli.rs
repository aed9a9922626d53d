//! Integration tests: the real `diplograph` binary, run on the bundled corpus and the
//! small test documents, its output read back by Oxigraph (here), rdflib and pyld
//! (Python), rapper and Graphviz, and its `eval` cross-checked against the reference
//! scorer `tests/tools/score.py`.
//!
//! The outside tools are required (`tests/setup.sh --tests` installs them); a missing one fails
//! the test with that hint instead of skipping it. IRIs are spelled here from SCHEMA.md,
//! not taken from the crate's `vocab`, so a change to the contract shows up as a failure.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term, Triple};
use serde_json::Value;

use crate::util;
use crate::util::{Dir, Output, assert_same_text, repo, seed_corpus, seed_gold};

/// The contract's IRIs (SCHEMA.md "Namespaces").
mod iri {
    pub const DG: &str = "https://w3id.org/diplograph/ns#";
    pub const DGR: &str = "https://w3id.org/diplograph/id/";
    pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    pub const TA_IDENT_REF: &str = "http://www.w3.org/2005/11/its/rdf#taIdentRef";
    pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
    pub const XSD_NON_NEGATIVE_INTEGER: &str =
        "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
}

/// The entity classes of SCHEMA.md "Entities", as the scorers name them.
const ENTITY_CLASSES: [&str; 8] = [
    "State",
    "Organization",
    "Agreement",
    "Person",
    "Place",
    "Event",
    "Date",
    "MonetaryAmount",
];

/// The member states of the SCO in 2014, by their canonical zh labels.
const SCO_MEMBERS: [&str; 6] = [
    "中国",
    "俄罗斯",
    "哈萨克斯坦",
    "吉尔吉斯斯坦",
    "塔吉克斯坦",
    "乌兹别克斯坦",
];

/// The IRI of the seed's document `seq` (SCHEMA.md "Documents"; `dgr:doc/{stem}/{seq}`).
fn seed_document(seq: usize) -> String {
    format!("{}doc/sco-2014-dushanbe.txt/{seq}", iri::DGR)
}

fn dg(local: &str) -> String {
    format!("{}{local}", iri::DG)
}

fn nif(local: &str) -> String {
    format!("{}{local}", iri::NIF)
}

// ---------------------------------------------------------------------------------------
// Shared steps

/// `diplograph extract PATHS… --format nquads -o NAME` in `dir`; returns the output path.
fn extract_nquads(dir: &Dir, inputs: &[&Path], name: &str) -> PathBuf {
    let out = dir.join(name);
    dir.diplograph()
        .arg("extract")
        .args(inputs)
        .args(["--format", "nquads", "-o"])
        .arg(&out)
        .run();
    out
}

/// `diplograph build PATHS… --store DIR/store`; returns the store path.
fn build_store(dir: &Dir, inputs: &[&Path]) -> PathBuf {
    let store = dir.join("store");
    dir.diplograph()
        .arg("build")
        .args(inputs)
        .arg("--store")
        .arg(&store)
        .run();
    store
}

fn query(dir: &Dir, store: &Path, sparql: &str, results: &str) -> Output {
    dir.diplograph()
        .arg("query")
        .arg(sparql)
        .arg("--store")
        .arg(store)
        .args(["--results", results])
        .run()
}

/// The rows of a SPARQL CSV result (header dropped); cells are not quoted by our queries.
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.trim_end_matches('\r')
                .split(',')
                .map(|c| c.trim_matches('"').to_string())
                .collect()
        })
        .collect()
}

fn parse_rdf(format: RdfFormat, bytes: &[u8], what: &str) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{what} is not valid {format}: {e}"))
}

fn read_nquads(path: &Path) -> Vec<Quad> {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    parse_rdf(RdfFormat::NQuads, &bytes, &path.display().to_string())
}

fn write_nquads(path: &Path, quads: &[Quad]) {
    let mut out = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in quads {
        out.serialize_quad(q).expect("writing to memory");
    }
    std::fs::write(path, out.finish().expect("writing to memory"))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// The union of the quads' graphs: each triple once, indexed by subject and predicate.
struct Union {
    objects: HashMap<(String, String), Vec<Term>>,
    subjects: BTreeSet<String>,
}

impl Union {
    fn new(quads: &[Quad]) -> Union {
        let triples: HashSet<Triple> = quads.iter().cloned().map(Triple::from).collect();
        let mut objects: HashMap<(String, String), Vec<Term>> = HashMap::new();
        let mut subjects = BTreeSet::new();
        for t in triples {
            let s = term_key(&t.subject.into());
            subjects.insert(s.clone());
            objects
                .entry((s, t.predicate.as_str().to_string()))
                .or_default()
                .push(t.object);
        }
        Union { objects, subjects }
    }

    fn objects(&self, s: &str, p: &str) -> &[Term] {
        self.objects
            .get(&(s.to_string(), p.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    fn subjects_with(&self, p: &str) -> Vec<&String> {
        self.subjects
            .iter()
            .filter(|s| !self.objects(s, p).is_empty())
            .collect()
    }
}

/// A node as the index keys it: the IRI, or `_:id` for a blank node.
fn term_key(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        other => other.to_string(),
    }
}

fn literal(t: &Term) -> Option<&Literal> {
    match t {
        Term::Literal(l) => Some(l),
        _ => None,
    }
}

/// Breaks of the mention invariant and of the entity rules (SCHEMA.md "Mentions",
/// "Entities") in `quads`, one sentence each.
fn contract_violations(quads: &[Quad]) -> Vec<String> {
    let u = Union::new(quads);
    let mut bad = Vec::new();
    let nonneg = |node: &str, p: &str, bad: &mut Vec<String>| -> Option<usize> {
        match u.objects(node, &nif(p)) {
            [Term::Literal(l)] if l.datatype().as_str() == iri::XSD_NON_NEGATIVE_INTEGER => {
                match l.value().parse() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        bad.push(format!("{node}: nif:{p} {l} is not a number"));
                        None
                    }
                }
            }
            other => {
                bad.push(format!(
                    "{node}: needs exactly one nif:{p} typed xsd:nonNegativeInteger, has {other:?}"
                ));
                None
            }
        }
    };
    for m in u.subjects_with(&nif("anchorOf")) {
        let anchor = match u.objects(m, &nif("anchorOf")) {
            [t] => literal(t).map(|l| l.value().to_string()),
            many => {
                bad.push(format!("{m}: {} nif:anchorOf values", many.len()));
                continue;
            }
        };
        let Some(anchor) = anchor else {
            bad.push(format!("{m}: nif:anchorOf is not a literal"));
            continue;
        };
        let context = match u.objects(m, &nif("referenceContext")) {
            [Term::NamedNode(c)] => c.as_str().to_string(),
            other => {
                bad.push(format!(
                    "{m}: needs exactly one nif:referenceContext IRI, has {other:?}"
                ));
                continue;
            }
        };
        let text: Vec<char> = match u.objects(&context, &nif("isString")) {
            [t] if literal(t).is_some() => literal(t)
                .map(|l| l.value().chars().collect())
                .unwrap_or_default(),
            other => {
                bad.push(format!(
                    "{m}: its context {context} needs exactly one nif:isString, has {} values",
                    other.len()
                ));
                continue;
            }
        };
        let (Some(begin), Some(end)) = (
            nonneg(m, "beginIndex", &mut bad),
            nonneg(m, "endIndex", &mut bad),
        ) else {
            continue;
        };
        if begin >= end || end > text.len() {
            bad.push(format!(
                "{m}: span [{begin}, {end}) is empty or outside its context of {} code points",
                text.len()
            ));
            continue;
        }
        let span: String = text[begin..end].iter().collect();
        if span != anchor {
            bad.push(format!("{m}: anchorOf {anchor:?} but the context's code points [{begin}, {end}) are {span:?}"));
        }
    }
    let classes: BTreeSet<String> = ENTITY_CLASSES.iter().map(|c| dg(c)).collect();
    let mut entities = BTreeSet::new();
    for s in &u.subjects {
        let own: Vec<&Term> = u
            .objects(s, iri::RDF_TYPE)
            .iter()
            .filter(|t| classes.contains(&term_key(t)))
            .collect();
        if own.is_empty() {
            continue;
        }
        entities.insert(s.clone());
        if own.len() > 1 {
            bad.push(format!("{s}: {} entity classes", own.len()));
        }
        let zh: Vec<&str> = u
            .objects(s, iri::RDFS_LABEL)
            .iter()
            .filter_map(literal)
            .filter(|l| l.language() == Some("zh"))
            .map(Literal::value)
            .collect();
        if zh.len() != 1 {
            bad.push(format!("{s}: needs exactly one rdfs:label@zh, has {zh:?}"));
        }
    }
    for m in u.subjects_with(iri::TA_IDENT_REF) {
        for e in u.objects(m, iri::TA_IDENT_REF) {
            if !entities.contains(&term_key(e)) {
                bad.push(format!(
                    "{m}: itsrdf:taIdentRef {e} is no entity of a dg: class"
                ));
            }
        }
    }
    bad
}

fn assert_contract(quads: &[Quad], what: &str) {
    let bad = contract_violations(quads);
    assert!(
        bad.is_empty(),
        "\n{what}: {} contract violations, the first ones:\n{}\n",
        bad.len(),
        bad.iter().take(15).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The `dg:sourceFile` values of `quads`.
fn source_files(quads: &[Quad]) -> BTreeSet<String> {
    quads
        .iter()
        .filter(|q| q.predicate.as_str() == dg("sourceFile"))
        .filter_map(|q| literal(&q.object).map(|l| l.value().to_string()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// 1. Every RDF format reads back

/// Reads each `PATH=FORMAT` argument with rdflib (and JSON-LD also with pyld) and prints
/// `{path: {"quads": [...] or null, "triples": [...]}}`, terms in N3, sorted.
const READ_BACK: &str = r#"
import json, sys
from rdflib import Dataset, Graph
from pyld import jsonld

def n3(terms):
    return " ".join(t.n3() for t in terms)

def dataset(ds):
    quads = {n3(q) for q in ds.quads((None, None, None, None))}
    triples = {n3(q[:3]) for q in ds.quads((None, None, None, None))}
    return {"quads": sorted(quads), "triples": sorted(triples)}

out = {}
for spec in sys.argv[1:]:
    path, fmt = spec.rsplit("=", 1)
    if fmt in ("nquads", "trig", "json-ld"):
        ds = Dataset()
        ds.parse(path, format=fmt)
        out[path] = dataset(ds)
    else:
        g = Graph()
        g.parse(path, format=fmt)
        out[path] = {"quads": None, "triples": sorted(n3(t) for t in g)}
    if fmt == "json-ld":
        with open(path, encoding="utf-8") as f:
            nq = jsonld.to_rdf(json.load(f), {"format": "application/n-quads"})
        ds = Dataset()
        ds.parse(data=nq, format="nquads")
        out[path + " (pyld)"] = dataset(ds)
print(json.dumps(out, ensure_ascii=False))
"#;

/// Our format names and rdflib's.
const FORMATS: [(&str, &str); 6] = [
    ("turtle", "turtle"),
    ("ntriples", "nt"),
    ("nquads", "nquads"),
    ("trig", "trig"),
    ("rdfxml", "xml"),
    ("jsonld", "json-ld"),
];

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn assert_same_set(what: &str, expected: &BTreeSet<String>, got: &BTreeSet<String>) {
    if expected == got {
        return;
    }
    let missing: Vec<&String> = expected.difference(got).take(5).collect();
    let extra: Vec<&String> = got.difference(expected).take(5).collect();
    panic!(
        "\n{what}: {} expected, {} read back\nmissing (first 5): {missing:#?}\nextra (first 5): {extra:#?}\n",
        expected.len(),
        got.len()
    );
}

#[test]
fn extract_writes_every_format_and_rdflib_reads_the_same_quads() {
    let dir = Dir::new("formats");
    let mut specs = Vec::new();
    for (ours, rdflib) in FORMATS {
        let name = format!("seed.{ours}");
        dir.diplograph()
            .arg("extract")
            .arg(seed_corpus())
            .args(["--format", ours, "-o", &name])
            .run();
        specs.push((name.clone(), format!("{name}={rdflib}")));
    }
    let out = dir
        .python(READ_BACK)
        .args(specs.iter().map(|(_, s)| s))
        .run();
    let read: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}",
            out.report(&format!("the reader's output is not JSON: {e}"))
        )
    });

    // the N-Quads are the reference: their distinct lines are the dataset's quads
    let nq = &read["seed.nquads"];
    let quads = strings(&nq["quads"]);
    let text = dir.read("seed.nquads");
    let lines: BTreeSet<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(
        quads.len() > 1000,
        "the seed should give thousands of quads, rdflib read {}",
        quads.len()
    );
    assert_eq!(
        quads.len(),
        lines.len(),
        "rdflib should read one quad per distinct N-Quads line"
    );
    let union = strings(&nq["triples"]);
    assert!(
        union.len() < quads.len(),
        "the lexicon repeats triples across graphs, so the union should be smaller"
    );

    for dataset in ["seed.trig", "seed.jsonld", "seed.jsonld (pyld)"] {
        assert_same_set(
            &format!("{dataset}: quads"),
            &quads,
            &strings(&read[dataset]["quads"]),
        );
    }
    for single in ["seed.turtle", "seed.ntriples", "seed.rdfxml"] {
        assert!(read[single]["quads"].is_null());
        assert_same_set(
            &format!("{single}: triples (the union of the graphs)"),
            &union,
            &strings(&read[single]["triples"]),
        );
    }
}

#[test]
fn extract_output_parses_in_rapper() {
    let dir = Dir::new("rapper");
    // rapper has no JSON-LD reader; every other format must pass its strict parser
    for (ours, rapper) in [
        ("turtle", "turtle"),
        ("ntriples", "ntriples"),
        ("nquads", "nquads"),
        ("trig", "trig"),
        ("rdfxml", "rdfxml"),
    ] {
        let name = format!("seed.{ours}");
        dir.diplograph()
            .arg("extract")
            .arg(seed_corpus())
            .args(["--format", ours, "-o", &name])
            .run();
        let out = dir
            .tool("rapper")
            .args(["--count", "--input", rapper, &name])
            .run();
        out.assert_stderr_contains("Parsing returned");
        assert!(
            !out.stderr.contains("rror"),
            "{}",
            out.report("rapper reported an error")
        );
    }
}

#[test]
fn extract_chooses_the_format_from_the_output_extension() {
    let dir = Dir::new("extension");
    dir.diplograph()
        .arg("extract")
        .arg(seed_corpus())
        .args(["-o", "seed.ttl"])
        .run();
    let ttl = dir.read("seed.ttl");
    assert!(
        ttl.contains("@prefix dg: <https://w3id.org/diplograph/ns#>"),
        "seed.ttl should be Turtle with the dg: prefix"
    );
    let quads = parse_rdf(RdfFormat::Turtle, ttl.as_bytes(), "seed.ttl");
    assert!(quads.len() > 1000);
    // without -o and --format: N-Quads on standard output
    let nq = dir.diplograph().arg("extract").arg(seed_corpus()).stdout();
    assert!(
        parse_rdf(RdfFormat::NQuads, nq.as_bytes(), "standard output")
            .iter()
            .any(|q| q.graph_name != GraphName::DefaultGraph)
    );
}

// ---------------------------------------------------------------------------------------
// 2. The mention invariant and the entity rules, checked here

#[test]
fn mentions_anchor_their_code_point_spans_and_entities_have_one_zh_label() {
    let dir = Dir::new("mentions");
    let mut inputs = vec![seed_corpus()];
    inputs.extend(test_corpus().into_iter().map(|(_, txt, _)| txt));
    let mut bad = Vec::new();
    for input in &inputs {
        let name = format!("{}.nq", input.file_stem().unwrap().to_string_lossy());
        let quads = read_nquads(&extract_nquads(&dir, &[input.as_path()], &name));
        let anchors = quads
            .iter()
            .filter(|q| q.predicate.as_str() == nif("anchorOf"))
            .count();
        assert!(anchors > 0, "{}: no mentions at all", input.display());
        let file = input.file_name().unwrap().to_string_lossy().into_owned();
        bad.extend(
            contract_violations(&quads)
                .into_iter()
                .map(|b| format!("{file}: {b}")),
        );
    }
    assert!(
        bad.is_empty(),
        "\n{} contract violations, the first ones:\n{}\n",
        bad.len(),
        bad.iter().take(15).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_contract_check_finds_a_shifted_mention() {
    // the check above must be able to fail: shift one mention by a code point
    let dir = Dir::new("broken-anchor");
    let mut quads = read_nquads(&extract_nquads(&dir, &[&seed_corpus()], "seed.nq"));
    let before = contract_violations(&quads);
    let begin = nif("beginIndex");
    let target = quads
        .iter()
        .find(|q| q.predicate.as_str() == begin && q.subject.to_string().contains("#char="))
        .map(|q| q.subject.clone())
        .expect("a mention");
    for q in quads
        .iter_mut()
        .filter(|q| q.subject == target && q.predicate.as_str() == begin)
    {
        let n: usize = literal(&q.object).unwrap().value().parse().unwrap();
        q.object = Literal::new_typed_literal(
            (n + 1).to_string(),
            NamedNode::new_unchecked(iri::XSD_NON_NEGATIVE_INTEGER),
        )
        .into();
    }
    let new: Vec<String> = contract_violations(&quads)
        .into_iter()
        .filter(|b| !before.contains(b))
        .collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    assert!(new[0].contains(&term_key(&Term::from(target))), "{new:#?}");
}

// ---------------------------------------------------------------------------------------
// 3. build + query

const SCO_MEMBER_LABELS: &str = r#"
SELECT DISTINCT ?label WHERE {
  ?state dg:memberOf ?sco .
  ?sco rdfs:label "上海合作组织"@zh .
  ?state rdfs:label ?label .
  FILTER(lang(?label) = "zh")
} ORDER BY ?label"#;

#[test]
fn query_select_lists_the_six_sco_members_as_csv() {
    let dir = Dir::new("select");
    let store = build_store(&dir, &[&seed_corpus()]);
    let out = query(&dir, &store, SCO_MEMBER_LABELS, "csv");
    assert!(
        out.stdout.starts_with("label\r\n") || out.stdout.starts_with("label\n"),
        "{}",
        out.report("the CSV header should name the variable")
    );
    let got: BTreeSet<String> = csv_rows(&out.stdout)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let want: BTreeSet<String> = SCO_MEMBERS.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        got,
        want,
        "{}",
        out.report("the zh labels of the states that are dg:memberOf 上海合作组织")
    );
}

#[test]
fn query_reads_the_query_from_a_file() {
    let dir = Dir::new("query-file");
    let store = build_store(&dir, &[&seed_corpus()]);
    dir.create("members.rq", SCO_MEMBER_LABELS);
    let out = dir
        .diplograph()
        .args([
            "query",
            "--file",
            "members.rq",
            "--results",
            "tsv",
            "--store",
        ])
        .arg(&store)
        .run();
    for member in SCO_MEMBERS {
        // TSV writes terms in N-Triples syntax
        out.assert_stdout_contains(&format!("\"{member}\"@zh"));
    }
}

#[test]
fn query_ask_answers_true_and_false() {
    let dir = Dir::new("ask");
    let store = build_store(&dir, &[&seed_corpus()]);
    let yes = query(
        &dir,
        &store,
        r#"ASK { ?s dg:memberOf ?o . ?o rdfs:label "上海合作组织"@zh }"#,
        "csv",
    );
    assert_eq!(
        yes.stdout.trim(),
        "true",
        "{}",
        yes.report("ASK should be true")
    );
    let no = query(
        &dir,
        &store,
        "ASK { <https://w3id.org/diplograph/id/state/USA> dg:memberOf ?o }",
        "csv",
    );
    assert_eq!(
        no.stdout.trim(),
        "false",
        "{}",
        no.report("ASK should be false")
    );
    let json = query(&dir, &store, "ASK { ?s a dg:Statement }", "json");
    let v: Value = serde_json::from_str(&json.stdout)
        .unwrap_or_else(|e| panic!("{}", json.report(&format!("not JSON: {e}"))));
    assert_eq!(
        v["boolean"],
        Value::Bool(true),
        "{}",
        json.report("SPARQL JSON boolean")
    );
}

#[test]
fn query_construct_writes_ntriples() {
    let dir = Dir::new("construct");
    let store = build_store(&dir, &[&seed_corpus()]);
    let sparql = r#"CONSTRUCT { ?s dg:memberOf ?o } WHERE { ?s dg:memberOf ?o . ?o rdfs:label "上海合作组织"@zh }"#;
    let out = dir
        .diplograph()
        .arg("query")
        .arg(sparql)
        .arg("--store")
        .arg(&store)
        .args(["--format", "ntriples"])
        .run();
    let triples: HashSet<Triple> = parse_rdf(
        RdfFormat::NTriples,
        &out.stdout_bytes,
        "the CONSTRUCT result",
    )
    .into_iter()
    .map(Triple::from)
    .collect();
    assert_eq!(
        triples.len(),
        SCO_MEMBERS.len(),
        "{}",
        out.report("one triple per member state")
    );
    assert!(
        triples
            .iter()
            .all(|t| t.predicate.as_str() == dg("memberOf")),
        "{}",
        out.report("only dg:memberOf triples")
    );
    assert!(
        triples
            .iter()
            .any(|t| t.subject.to_string() == format!("<{}state/CHN>", iri::DGR)),
        "{}",
        out.report("China is a member")
    );
}

#[test]
fn query_with_bad_sparql_fails_with_line_and_column() {
    let dir = Dir::new("bad-sparql");
    let store = build_store(&dir, &[&seed_corpus()]);
    let out = dir
        .diplograph()
        .arg("query")
        .arg("SELECT ?x\nWHERE { ?x ?y }")
        .arg("--store")
        .arg(&store)
        .fails();
    assert_eq!(
        out.code(),
        Some(1),
        "{}",
        out.report("a bad query is a failure, not a crash")
    );
    let at = regex::Regex::new(r"\b2:\d+\b").unwrap();
    assert!(
        at.is_match(&out.stderr),
        "{}",
        out.report("the message should give the error's line:column (line 2)")
    );
    assert!(
        out.stdout.is_empty(),
        "{}",
        out.report("no results on standard output")
    );
}

// ---------------------------------------------------------------------------------------
// 4. Rebuilding

fn export_nquads(dir: &Dir, store: &Path) -> String {
    dir.diplograph()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .stdout()
}

#[test]
fn building_twice_exports_byte_identical_nquads() {
    let dir = Dir::new("rebuild");
    let store = build_store(&dir, &[&seed_corpus()]);
    let first = export_nquads(&dir, &store);
    assert!(
        first.lines().count() > 1000,
        "the export should hold the seed's quads"
    );
    build_store(&dir, &[&seed_corpus()]);
    let second = export_nquads(&dir, &store);
    assert_same_text(
        "export after the first and the second build",
        &first,
        &second,
    );
}

#[test]
fn entities_are_described_once_and_a_changed_lexicon_leaves_no_stale_description() {
    let dir = Dir::new("descriptions");
    let corpus = dir.join("corpus");
    dir.create("corpus/a.txt", "中国支持乙丙合作组织。\n");
    dir.create("corpus/b.txt", "俄罗斯欢迎乙丙合作组织。\n");
    let row = |en: &str| format!("zh\ten\taliases\tparent\tqid\n乙丙合作组织\t{en}\t\t\t\n");
    dir.create("lex/organizations.tsv", row("First Name"));
    let build = |store: &str| {
        dir.diplograph()
            .arg("build")
            .arg(&corpus)
            .args(["--lexicon"])
            .arg(dir.join("lex"))
            .arg("--store")
            .arg(dir.join(store))
            .run();
        export_nquads(&dir, &dir.join(store))
    };
    let first = build("store");
    let org = "<https://w3id.org/diplograph/id/org/乙丙合作组织>";
    let said = |text: &str, what: &str| {
        text.lines()
            .filter(|l| l.starts_with(org) && l.contains(what))
            .count()
    };
    // two documents mention it; its class, label and English name are stored once
    assert_eq!(said(&first, "#type>"), 1, "{first}");
    assert_eq!(said(&first, "\"乙丙合作组织\"@zh"), 1);
    assert_eq!(said(&first, "\"First Name\"@en"), 1);
    dir.create("lex/organizations.tsv", row("Second Name"));
    let rebuilt = build("store");
    assert_eq!(
        said(&rebuilt, "First Name"),
        0,
        "a stale English name stays"
    );
    assert_eq!(said(&rebuilt, "\"Second Name\"@en"), 1);
    assert_same_text(
        "the rebuilt store and a fresh one",
        &build("fresh"),
        &rebuilt,
    );
}

#[test]
fn the_summary_graph_counts_what_a_scan_of_the_statements_counts() {
    let dir = Dir::new("summary");
    let store = build_store(&dir, &[&seed_corpus()]);
    let rows = |sparql: &str| csv_rows(&query(&dir, &store, sparql, "csv").stdout);
    let scanned = rows(
        "SELECT ?a ?act (COUNT(?st) AS ?n) WHERE { GRAPH ?g { ?st a dg:Statement ; dg:actor ?a ; dg:act ?act } } GROUP BY ?a ?act ORDER BY ?a ?act",
    );
    let summary = rows(
        "SELECT ?a ?act ?n WHERE { GRAPH <https://w3id.org/diplograph/id/graph/summary> { ?x dg:actor ?a ; dg:act ?act ; dg:statements ?n } } ORDER BY ?a ?act",
    );
    assert!(scanned.len() > 5, "{scanned:?}");
    assert_eq!(summary, scanned);
    let by_year = rows(
        "SELECT ?y (SUM(?n) AS ?total) WHERE { GRAPH <https://w3id.org/diplograph/id/graph/summary> { ?x dg:year ?y ; dg:statements ?n } } GROUP BY ?y",
    );
    // both documents are dated 2014-09-12: every statement is of 2014
    let total: usize = scanned.iter().map(|r| r[2].parse::<usize>().unwrap()).sum();
    assert_eq!(by_year, vec![vec!["2014".to_string(), total.to_string()]]);
    let documents = rows(
        "SELECT ?n WHERE { GRAPH <https://w3id.org/diplograph/id/graph/summary> { <https://w3id.org/diplograph/id/org/上海合作组织> dg:documents ?n } }",
    );
    assert_eq!(documents, vec![vec!["2".to_string()]]);
    // a rebuild that changes a file counts again, not its own counts among them
    let copy = dir.create(
        "again/sco-2014-dushanbe.txt",
        std::fs::read_to_string(seed_corpus()).unwrap() + "\n中国支持上海合作组织。\n",
    );
    build_store(&dir, &[&copy]);
    let again = rows(
        "SELECT ?act ?n WHERE { GRAPH <https://w3id.org/diplograph/id/graph/summary> { ?x dg:actor <https://w3id.org/diplograph/id/state/CHN> ; dg:act ?act ; dg:statements ?n } } ORDER BY ?act",
    );
    let before: Vec<Vec<String>> = summary
        .iter()
        .filter(|r| r[0].ends_with("/state/CHN"))
        .map(|r| {
            let n: usize = r[2].parse().unwrap();
            let n = if r[1].ends_with("#Support") { n + 1 } else { n };
            vec![r[1].clone(), n.to_string()]
        })
        .collect();
    assert_eq!(again, before);
}

/// Builds the seed, then a copy of it under the same file name without its second
/// document; returns the directory, the rebuilt store and the shortened copy.
fn rebuild_without_second_document(name: &str) -> (Dir, PathBuf, PathBuf) {
    let dir = Dir::new(name);
    let text = std::fs::read_to_string(seed_corpus()).unwrap();
    let dateline = "（新华社杜尚别9月12日电）";
    let end = text
        .find(dateline)
        .expect("the seed's first document ends at a dateline")
        + dateline.len();
    let full = dir.create("full/sco-2014-dushanbe.txt", &text);
    let short = dir.create("short/sco-2014-dushanbe.txt", format!("{}\n", &text[..end]));
    let store = build_store(&dir, &[&full]);
    build_store(&dir, &[&short]);
    (dir, store, short)
}

#[test]
fn rebuilding_a_file_without_its_second_document_removes_that_documents_graphs() {
    let (dir, store, _) = rebuild_without_second_document("shrink");
    let docs = query(
        &dir,
        &store,
        "SELECT ?d ?n WHERE { ?d dg:sequence ?n } ORDER BY ?n",
        "csv",
    );
    let rows = csv_rows(&docs.stdout);
    assert_eq!(
        rows,
        vec![vec![seed_document(1), "1".to_string()]],
        "{}",
        docs.report("only document 1 should be left")
    );
    let graphs = query(
        &dir,
        &store,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        "csv",
    );
    let left: Vec<String> = csv_rows(&graphs.stdout)
        .into_iter()
        .map(|r| r[0].clone())
        .filter(|g| g.starts_with(&seed_document(2)))
        .collect();
    assert!(
        left.is_empty(),
        "graphs of the removed document are left: {left:?}"
    );
    assert!(
        graphs
            .stdout
            .contains(&format!("{}/statements", seed_document(1))),
        "{}",
        graphs.report("document 1's statements graph should stay")
    );
}

#[test]
fn rebuilding_a_shortened_file_leaves_the_same_store_as_building_it_fresh() {
    let (dir, store, short) = rebuild_without_second_document("shrink-fresh");
    // beside the first store, so that the ledger's dg:path (relative to the store) agrees
    let fresh = dir.join("fresh");
    dir.diplograph()
        .arg("build")
        .arg(&short)
        .arg("--store")
        .arg(&fresh)
        .run();
    // the ontology graph is the same input in both; its blank nodes are the business of
    // building_twice_exports_byte_identical_nquads
    let ontology = format!("<{}graph/ontology> .", iri::DGR);
    let quads = |text: String| -> BTreeSet<String> {
        text.lines()
            .filter(|l| !l.ends_with(&ontology))
            .map(str::to_string)
            .collect()
    };
    let rebuilt = quads(export_nquads(&dir, &store));
    let clean = quads(export_nquads(&dir, &fresh));
    let stale: Vec<&String> = rebuilt.difference(&clean).collect();
    let lost: Vec<&String> = clean.difference(&rebuilt).collect();
    assert!(
        stale.is_empty() && lost.is_empty(),
        "\nafter rebuilding, the store holds {} quads a fresh build does not (the removed document's), and lacks {}; the first:\n{}\n",
        stale.len(),
        lost.len(),
        stale
            .iter()
            .chain(&lost)
            .take(5)
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn build_keeps_documents_of_files_with_the_same_stem_apart() {
    // a.txt and a.md are two files; their documents must not merge into one
    let dir = Dir::new("same-stem");
    dir.create("in/a.txt", "中国支持和平。\n");
    dir.create("in/a.md", "俄罗斯支持发展。\n");
    let store = dir.join("store");
    let out = dir
        .diplograph()
        .args(["build", "in", "--store"])
        .arg(&store)
        .output();
    if !out.status.success() {
        // refusing, like for two files of the same name, is fine if it names them
        out.assert_stderr_contains("a.md");
        return;
    }
    let docs = query(
        &dir,
        &store,
        "SELECT ?d (COUNT(DISTINCT ?t) AS ?texts) (COUNT(DISTINCT ?f) AS ?files) WHERE { ?d dg:sequence ?n ; nif:isString ?t ; dg:sourceFile ?f } GROUP BY ?d",
        "csv",
    );
    let rows = csv_rows(&docs.stdout);
    assert_eq!(rows.len(), 2, "{}", docs.report("two files, two documents"));
    for row in rows {
        assert_eq!(
            row[1..],
            ["1", "1"],
            "{}",
            docs.report(&format!(
                "{} should have one text and one source file",
                row[0]
            ))
        );
    }
}

#[test]
fn extract_keeps_documents_of_files_with_the_same_name_apart() {
    let dir = Dir::new("same-name");
    dir.create("in/x/a.txt", "中国支持和平。\n");
    dir.create("in/y/a.txt", "俄罗斯支持发展。\n");
    let out = dir
        .diplograph()
        .args(["extract", "in", "--format", "nquads"])
        .output();
    if !out.status.success() {
        // refusing, as `build` does, is fine if it names both files
        out.assert_stderr_contains("a.txt");
        return;
    }
    let quads = parse_rdf(RdfFormat::NQuads, &out.stdout_bytes, "the N-Quads");
    assert_contract(&quads, "two files named a.txt");
}

// ---------------------------------------------------------------------------------------
// 5. DOT

fn render_svg(dir: &Dir, dot: &str) -> String {
    let out = dir.tool("dot").arg("-Tsvg").stdin(dot).run();
    assert!(
        out.stdout.contains("<svg"),
        "{}",
        out.report("dot -Tsvg should write SVG")
    );
    out.stdout
}

#[test]
fn dot_of_the_seed_store_renders_as_svg() {
    let dir = Dir::new("dot");
    let store = build_store(&dir, &[&seed_corpus()]);
    let dot = dir
        .diplograph()
        .arg("dot")
        .arg("--store")
        .arg(&store)
        .stdout();
    assert!(
        dot.starts_with("digraph"),
        "not a DOT digraph:\n{}",
        util::truncate(&dot)
    );
    assert!(
        dot.contains(" -> "),
        "the seed's graph has relations, so edges"
    );
    let svg = render_svg(&dir, &dot);
    assert!(
        svg.contains("上海合作组织"),
        "the SVG should show the node labels"
    );
    // written to a file, the same text
    dir.diplograph()
        .arg("dot")
        .arg("--store")
        .arg(&store)
        .args(["-o", "seed.dot"])
        .run();
    assert_same_text("dot on stdout and with -o", &dot, &dir.read("seed.dot"));
}

/// `id [ label = "…" …]` lines of DOT text: node id → label (as written, escaped).
fn dot_nodes(dot: &str) -> BTreeMap<String, String> {
    let node = regex::Regex::new(r#"^\s*(\d+) \[ label = "((?:[^"\\]|\\.)*)""#).unwrap();
    dot.lines()
        .filter_map(|l| node.captures(l))
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

/// `a -> b [ label = "p" …]` lines of DOT text.
fn dot_edges(dot: &str) -> Vec<(String, String, String)> {
    let edge = regex::Regex::new(r#"^\s*(\d+) -> (\d+) \[ label = "((?:[^"\\]|\\.)*)""#).unwrap();
    dot.lines()
        .filter_map(|l| edge.captures(l))
        .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        .collect()
}

#[test]
fn dot_focus_depth_one_draws_the_sco_and_its_members() {
    let dir = Dir::new("dot-focus");
    let store = build_store(&dir, &[&seed_corpus()]);
    let dot = dir
        .diplograph()
        .args(["dot", "--focus", "上海合作组织", "--depth", "1", "--store"])
        .arg(&store)
        .stdout();
    let nodes = dot_nodes(&dot);
    let edges = dot_edges(&dot);
    let sco = nodes
        .iter()
        .find(|(_, l)| *l == "上海合作组织")
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| panic!("no 上海合作组织 node:\n{dot}"));
    assert!(
        edges.iter().any(|(_, _, p)| p == "memberOf"),
        "no memberOf edge:\n{dot}"
    );
    for member in SCO_MEMBERS {
        let id = nodes
            .iter()
            .find(|(_, l)| *l == member)
            .map(|(id, _)| id)
            .unwrap_or_else(|| panic!("no node for member {member}:\n{dot}"));
        assert!(
            edges.contains(&(id.clone(), sco.clone(), "memberOf".to_string())),
            "no edge {member} memberOf 上海合作组织:\n{dot}"
        );
    }
    // depth 1: every edge touches the focus
    for (a, b, p) in &edges {
        assert!(
            *a == sco || *b == sco,
            "edge {} {p} {} is two steps from the focus:\n{dot}",
            nodes[a],
            nodes[b]
        );
    }
    let whole = dir
        .diplograph()
        .arg("dot")
        .arg("--store")
        .arg(&store)
        .stdout();
    assert!(
        dot_edges(&whole).len() > edges.len(),
        "the focused drawing should be a part of the whole"
    );
    render_svg(&dir, &dot);
}

#[test]
fn dot_with_an_unknown_focus_fails_and_says_so() {
    let dir = Dir::new("dot-unknown");
    let store = build_store(&dir, &[&seed_corpus()]);
    let out = dir
        .diplograph()
        .args(["dot", "--focus", "不存在的组织", "--store"])
        .arg(&store)
        .fails();
    out.assert_stderr_contains("不存在的组织");
}

#[test]
fn dot_escapes_quotes_and_backslashes_in_labels() {
    let dir = Dir::new("dot-escape");
    let doc = dir.create(
        "quotes.txt",
        "成员国赞赏2014年5月6日中国、俄罗斯在纽约共同签署《关于\"引号\"\\的协定》。\n",
    );
    let store = build_store(&dir, &[&doc]);
    let labels = query(
        &dir,
        &store,
        "SELECT ?l WHERE { ?a a dg:Agreement ; rdfs:label ?l }",
        "json",
    );
    let v: Value = serde_json::from_str(&labels.stdout).unwrap();
    assert_eq!(
        v["results"]["bindings"][0]["l"]["value"],
        "关于\"引号\"\\的协定",
        "{}",
        labels.report("the agreement's label keeps its quotes and backslash")
    );

    let dot = dir
        .diplograph()
        .arg("dot")
        .arg("--store")
        .arg(&store)
        .stdout();
    assert!(
        dot.contains(r#"label = "关于\"引号\"\\的协定""#),
        "the label should be escaped for DOT:\n{dot}"
    );
    assert!(
        dot_edges(&dot).iter().any(|(_, _, p)| p == "signatory"),
        "the agreement should be drawn with its signatories:\n{dot}"
    );
    let svg = render_svg(&dir, &dot);
    assert!(
        svg.contains("关于&quot;引号&quot;\\的协定"),
        "Graphviz should show the label as written:\n{}",
        util::truncate(&svg)
    );
    let focused = dir
        .diplograph()
        .args(["dot", "--focus", "关于\"引号\"\\的协定", "--store"])
        .arg(&store)
        .stdout();
    render_svg(&dir, &focused);
}

// ---------------------------------------------------------------------------------------
// 6. eval against the reference scorer

/// The numbers of a report (ours or score.py's), by section: `mentions`, `entities.CLASS`,
/// `entities_micro`, `relations`, `statements`, `proposals`, `concerns`.
fn sections(report: &Value) -> BTreeMap<String, BTreeMap<&'static str, Option<f64>>> {
    let numbers = |v: &Value, keys: &[&'static str]| {
        keys.iter()
            .map(|k| (*k, v[*k].as_f64()))
            .collect::<BTreeMap<_, _>>()
    };
    let prf = ["tp", "system", "gold", "precision", "recall", "f1"];
    let mut out = BTreeMap::new();
    out.insert(
        "mentions".to_string(),
        numbers(&report["mentions"], &["checked", "broken"]),
    );
    for class in ENTITY_CLASSES {
        out.insert(
            format!("entities.{class}"),
            numbers(&report["entities"][class], &prf),
        );
    }
    for s in [
        "entities_micro",
        "relations",
        "statements",
        "proposals",
        "concerns",
    ] {
        out.insert(s.to_string(), numbers(&report[s], &prf));
    }
    out
}

fn report_of(out: &Output) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{}", out.report(&format!("the report is not JSON: {e}"))))
}

/// Sections whose numbers differ, one line each.
fn differences(ours: &Value, theirs: &Value) -> Vec<String> {
    let (a, b) = (sections(ours), sections(theirs));
    a.iter()
        .filter(|(k, v)| b.get(*k) != Some(v))
        .map(|(k, v)| format!("{k}:\n    eval     {v:?}\n    score.py {:?}", b.get(k)))
        .collect()
}

/// `score.py --gold G --rdf RDF --json`, with Python's string hashing fixed by `seed`.
fn reference(dir: &Dir, gold: &Path, rdf: &Path, seed: u32) -> Output {
    dir.tool("python3")
        .arg(repo("tests/tools/score.py"))
        .arg("--gold")
        .arg(gold)
        .arg("--rdf")
        .arg(rdf)
        .arg("--json")
        .env("PYTHONHASHSEED", seed.to_string())
        .output()
}

/// Asserts that `eval` (its output `ours`) gives the numbers score.py gives for `rdf`,
/// and fails or succeeds as score.py does.
///
/// score.py matches entities in the iteration order of Python sets, which depends on
/// string hashing: where one gold entity matches two system entities, which one it takes
/// (and so what the relations and concerns that use it score) depends on
/// PYTHONHASHSEED. So the reference runs with a fixed seed; if its numbers differ, the
/// test tries more seeds and accepts eval when it gives one of the reference's own
/// outcomes, and says so.
fn assert_eval_equals_reference(dir: &Dir, gold: &Path, rdf: &Path, ours: &Output) {
    let report = report_of(ours);
    let first = reference(dir, gold, rdf, 0);
    assert!(
        matches!(first.code(), Some(0 | 1)),
        "{}",
        first.report("score.py did not score")
    );
    assert_eq!(
        ours.status.success(),
        first.status.success(),
        "eval and score.py should agree whether the output breaks the contract\n{}{}",
        ours.report("eval"),
        first.report("score.py")
    );
    let diff = differences(&report, &report_of(&first));
    if diff.is_empty() {
        return;
    }
    let mut outcomes = BTreeSet::new();
    for seed in 1..=12 {
        let other = report_of(&reference(dir, gold, rdf, seed));
        if differences(&report, &other).is_empty() {
            eprintln!(
                "note: {}: score.py's numbers depend on PYTHONHASHSEED (a gold entity matches two system entities); eval agrees with seed {seed}, not with seed 0:\n{}",
                gold.display(),
                diff.join("\n")
            );
            return;
        }
        outcomes.insert(format!("{:?}", sections(&other)));
    }
    panic!(
        "\n{}: `diplograph eval --json` and score.py (PYTHONHASHSEED=0) differ:\n{}\n(score.py gave {} different outcomes over 13 seeds, none equal to eval's)\n",
        gold.display(),
        diff.join("\n"),
        outcomes.len() + 1
    );
}

#[test]
fn eval_json_equals_the_reference_scorer_on_the_seed() {
    let dir = Dir::new("eval-seed");
    let ours = dir
        .diplograph()
        .arg("eval")
        .arg("--gold")
        .arg(seed_gold())
        .arg(seed_corpus())
        .arg("--json")
        .run();
    let nq = extract_nquads(&dir, &[&seed_corpus()], "seed.nq");
    assert_eval_equals_reference(&dir, &seed_gold(), &nq, &ours);
    // and scoring the extracted file gives what scoring the text gives
    let from_rdf = dir
        .diplograph()
        .arg("eval")
        .arg("--gold")
        .arg(seed_gold())
        .arg(&nq)
        .arg("--json")
        .run();
    assert_eq!(
        sections(&report_of(&from_rdf)),
        sections(&report_of(&ours)),
        "eval of the text and of its extracted N-Quads"
    );
}

/// The seed's N-Quads, damaged: three entities lose their class, one mention is shifted
/// by a code point, five statements are dropped.
fn damage(quads: Vec<Quad>) -> Vec<Quad> {
    let (rdf_type, begin) = (iri::RDF_TYPE, nif("beginIndex"));
    let untyped: BTreeSet<String> = ["State", "Organization", "Agreement"]
        .iter()
        .map(|c| {
            let class = dg(c);
            quads
                .iter()
                .filter(|q| q.predicate.as_str() == rdf_type && term_key(&q.object) == class)
                .map(|q| q.subject.to_string())
                .min()
                .unwrap_or_else(|| panic!("no {c} to damage"))
        })
        .collect();
    let statement = dg("Statement");
    let dropped: BTreeSet<String> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == rdf_type && term_key(&q.object) == statement)
        .map(|q| q.subject.to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .step_by(7)
        .take(5)
        .collect();
    assert_eq!(dropped.len(), 5, "the seed should have statements to drop");
    let shifted = quads
        .iter()
        .filter(|q| q.predicate.as_str() == begin && q.subject.to_string().contains("#char="))
        .map(|q| q.subject.clone())
        .min_by_key(|s| s.to_string())
        .expect("a mention");
    quads
        .into_iter()
        .filter(|q| !(q.predicate.as_str() == rdf_type && untyped.contains(&q.subject.to_string())))
        .filter(|q| !dropped.contains(&q.subject.to_string()))
        .map(|mut q| {
            if q.subject == shifted && q.predicate.as_str() == begin {
                let n: usize = literal(&q.object)
                    .and_then(|l| l.value().parse().ok())
                    .expect("a number");
                q.object = Literal::new_typed_literal(
                    (n + 1).to_string(),
                    NamedNode::new_unchecked(iri::XSD_NON_NEGATIVE_INTEGER),
                )
                .into();
            }
            q
        })
        .collect()
}

#[test]
fn eval_and_the_reference_scorer_agree_on_damaged_output() {
    let dir = Dir::new("eval-damaged");
    let nq = extract_nquads(&dir, &[&seed_corpus()], "seed.nq");
    let intact = report_of(
        &dir.diplograph()
            .arg("eval")
            .arg("--gold")
            .arg(seed_gold())
            .arg(&nq)
            .arg("--json")
            .run(),
    );
    let damaged = dir.join("damaged.nq");
    write_nquads(&damaged, &damage(read_nquads(&nq)));

    let ours = dir
        .diplograph()
        .arg("eval")
        .arg("--gold")
        .arg(seed_gold())
        .arg(&damaged)
        .arg("--json")
        .fails();
    assert_eq!(
        ours.code(),
        Some(1),
        "{}",
        ours.report("a broken mention fails eval")
    );
    let report = report_of(&ours);
    assert_eq!(
        report["mentions"]["broken"],
        1,
        "{}",
        ours.report("exactly the one shifted mention is broken")
    );
    assert!(
        report["problems"].as_array().is_some_and(|p| p
            .iter()
            .any(|p| p.as_str().is_some_and(|p| p.contains("anchorOf")))),
        "{}",
        ours.report("the problems name the broken mention")
    );
    let (a, b) = (sections(&intact), sections(&report));
    assert!(
        b["entities_micro"]["tp"] < a["entities_micro"]["tp"],
        "untyped entities no longer count: {:?} vs {:?}",
        a["entities_micro"],
        b["entities_micro"]
    );
    assert_eq!(
        b["statements"]["system"].unwrap() + 5.0,
        a["statements"]["system"].unwrap(),
        "five statements were dropped"
    );
    assert_eval_equals_reference(&dir, &seed_gold(), &damaged, &ours);
}

/// The test documents: (name, tests/corpus/NAME.txt, tests/corpus/NAME.gold.json).
fn test_corpus() -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo("tests/corpus")).expect("tests/corpus") {
        let gold = entry.unwrap().path();
        let Some(name) = gold
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".gold.json"))
        else {
            continue;
        };
        let txt = gold.with_file_name(format!("{name}.txt"));
        assert!(txt.exists(), "{} has no text beside it", gold.display());
        out.push((name.to_string(), txt, gold));
    }
    out.sort();
    assert!(
        out.len() >= 6,
        "tests/corpus should hold the six test documents with gold files, found {out:?}"
    );
    out
}

#[test]
fn eval_json_equals_the_reference_scorer_on_every_test_document() {
    let dir = Dir::new("eval-corpus");
    let mut failures = Vec::new();
    for (name, txt, gold) in test_corpus() {
        let ours = dir
            .diplograph()
            .arg("eval")
            .arg("--gold")
            .arg(&gold)
            .arg(&txt)
            .arg("--json")
            .output();
        let nq = extract_nquads(&dir, &[&txt], &format!("{name}.nq"));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            assert_eval_equals_reference(&dir, &gold, &nq, &ours)
        }));
        if let Err(e) = result {
            failures.push(
                e.downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| format!("{name}: failed")),
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the test documents score differently:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The hold-out set is scored by a command, not asserted on: a row per document, in file
/// order, and a micro total whose counts are the sums of the files'.
#[test]
fn eval_scores_the_holdout_set_a_row_per_document() {
    let dir = Dir::new("eval-holdout");
    let holdout = repo("tests/holdout");
    let mut names: Vec<String> = std::fs::read_dir(&holdout)
        .expect("tests/holdout")
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".gold.json").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 4, "tests/holdout: {names:?}");
    let text = dir
        .diplograph()
        .arg("eval")
        .arg("--gold")
        .arg(&holdout)
        .run();
    let rows: Vec<&str> = text.stdout.lines().skip(1).collect();
    let mut expected = names.clone();
    expected.push("micro total".into());
    assert_eq!(rows.len(), expected.len(), "{}", text.report("the rows"));
    for (row, name) in rows.iter().zip(&expected) {
        let numbers = row
            .strip_prefix(name.as_str())
            .unwrap_or_else(|| panic!("{row:?} should start with {name:?}"));
        let numbers: Vec<f64> = numbers
            .split_whitespace()
            .map(|n| n.parse().expect("a number"))
            .collect();
        assert_eq!(numbers.len(), 6, "{row}: five F1 and the broken mentions");
        assert!(
            numbers[..5].iter().all(|f| (0.0..=1.0).contains(f)),
            "{row}"
        );
        assert_eq!(numbers[5].fract(), 0.0, "{row}: a count of mentions");
    }
    let json = dir
        .diplograph()
        .arg("eval")
        .arg("--json")
        .arg("--gold")
        .arg(&holdout)
        .run();
    let summary: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let files = summary["files"].as_array().expect("files");
    assert_eq!(files.len(), names.len());
    for part in ["entities_micro", "relations", "statements", "concerns"] {
        let sum: u64 = files
            .iter()
            .map(|f| f["report"][part]["tp"].as_u64().unwrap())
            .sum();
        assert_eq!(summary["total"][part]["tp"].as_u64(), Some(sum), "{part}");
    }
    // naming the files one by one is the same as naming their directory
    let mut each = dir.diplograph().args(["eval", "--json"]);
    for name in &names {
        each = each
            .arg("--gold")
            .arg(holdout.join(format!("{name}.gold.json")));
    }
    assert_eq!(each.run().stdout, json.stdout);
}

/// `eval` looks for a gold file's source in one place: its `source`, relative to the
/// gold file; not in `../corpus` nor in `data/corpus`.
#[test]
fn eval_finds_the_source_beside_the_gold_file_only() {
    let dir = Dir::new("eval-source");
    let gold =
        "{\"source\": \"x.txt\", \"entities\": [{\"type\": \"State\", \"label\": \"中国\"}]}";
    dir.create("gold/x.gold.json", gold);
    dir.create("corpus/x.txt", "中国支持发展。\n");
    dir.create("data/corpus/x.txt", "中国支持发展。\n");
    let out = dir
        .diplograph()
        .args(["eval", "--gold", "gold/x.gold.json"])
        .fails();
    out.assert_stderr_contains("cannot find its source \"x.txt\"");
    dir.create("gold/x.txt", "中国支持发展。\n");
    let out = dir
        .diplograph()
        .args(["eval", "--gold", "gold/x.gold.json"])
        .run();
    out.assert_stdout_contains(
        "State            P 1.000  R 1.000  F1 1.000  (tp 1, system 1, gold 1)",
    );
}

#[test]
fn eval_of_several_gold_files_takes_no_input_and_no_details() {
    let dir = Dir::new("eval-several");
    let corpus = repo("tests/corpus");
    for extra in [
        vec![seed_corpus().into_os_string()],
        vec!["--details".into()],
    ] {
        let out = dir
            .diplograph()
            .arg("eval")
            .arg("--gold")
            .arg(&corpus)
            .args(extra)
            .fails();
        out.assert_stderr_contains("a single --gold file");
    }
    let empty = dir.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = dir
        .diplograph()
        .arg("eval")
        .arg("--gold")
        .arg(&empty)
        .fails();
    out.assert_stderr_contains("holds no NAME.gold.json file");
}

// ---------------------------------------------------------------------------------------
// 7. stats

#[test]
fn stats_counts_the_seeds_two_documents() {
    let dir = Dir::new("stats");
    let store = build_store(&dir, &[&seed_corpus()]);
    let out = dir
        .diplograph()
        .arg("stats")
        .arg("--store")
        .arg(&store)
        .run();
    assert!(
        out.stdout.lines().any(|l| l.trim() == "documents: 2"),
        "{}",
        out.report("stats should print `documents: 2`")
    );
    for class in ENTITY_CLASSES {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with(&format!("{class}: "))),
            "{}",
            out.report(&format!("stats should count {class}"))
        );
    }
}

#[test]
fn reading_commands_fail_without_a_store() {
    let dir = Dir::new("no-store");
    let out = dir
        .diplograph()
        .args(["stats", "--store", "nowhere"])
        .fails();
    out.assert_stderr_contains("nowhere");
    assert!(
        !dir.join("nowhere").exists(),
        "a reading command must not create a store"
    );
}

// ---------------------------------------------------------------------------------------
// 8. Inputs: standard input, directories

#[test]
fn extract_reads_standard_input() {
    let dir = Dir::new("stdin");
    let out = dir
        .diplograph()
        .args(["extract", "-", "--format", "nquads"])
        .stdin("中方支持上海合作组织。\n")
        .run();
    let quads = parse_rdf(RdfFormat::NQuads, &out.stdout_bytes, "the N-Quads");
    assert_eq!(source_files(&quads), BTreeSet::from(["stdin".to_string()]));
    let texts: Vec<&str> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == nif("isString"))
        .filter_map(|q| literal(&q.object).map(Literal::value))
        .collect();
    assert_eq!(
        texts,
        ["中方支持上海合作组织。"],
        "the document's text is what came in"
    );
    assert!(
        quads
            .iter()
            .any(|q| q.predicate.as_str() == iri::TA_IDENT_REF
                && term_key(&q.object) == format!("{}state/CHN", iri::DGR)),
        "中方 is a mention of China"
    );
    assert_contract(&quads, "standard input");
}

#[test]
fn extract_searches_directories_recursively_for_txt_and_md() {
    let dir = Dir::new("tree");
    dir.create("in/top.txt", "中国支持和平。\n");
    dir.create("in/sub/deeper/notes.md", "俄罗斯支持发展。\n");
    dir.create("in/sub/other.rst", "哈萨克斯坦支持合作。\n");
    dir.create("in/sub/data.json", "{\"x\": \"吉尔吉斯斯坦\"}\n");
    let out = dir
        .diplograph()
        .args(["extract", "in", "--format", "nquads"])
        .run();
    let quads = parse_rdf(RdfFormat::NQuads, &out.stdout_bytes, "the N-Quads");
    assert_eq!(
        source_files(&quads),
        BTreeSet::from(["notes.md".to_string(), "top.txt".to_string()]),
        "{}",
        out.report("only .txt and .md files, at any depth")
    );
    let states: BTreeSet<String> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == iri::TA_IDENT_REF)
        .map(|q| term_key(&q.object))
        .filter(|e| e.contains("/state/"))
        .collect();
    assert_eq!(
        states,
        BTreeSet::from([
            format!("{}state/CHN", iri::DGR),
            format!("{}state/RUS", iri::DGR)
        ])
    );
}

// ---------------------------------------------------------------------------------------
// 9. Bad inputs are named with their position

#[test]
fn eval_with_an_invalid_gold_file_names_it_with_line_and_column() {
    let dir = Dir::new("bad-gold");
    dir.create("broken.gold.json", "{\n  \"source\": \"x.txt\",\n  \"entities\": [\n    {\"type\": \"State\" \"label\": \"中国\"}\n  ]\n}\n");
    let out = dir
        .diplograph()
        .args(["eval", "--gold", "broken.gold.json"])
        .arg(seed_corpus())
        .fails();
    assert_eq!(
        out.code(),
        Some(1),
        "{}",
        out.report("a bad gold file is a failure")
    );
    let at = regex::Regex::new(r"broken\.gold\.json:4:\d+").unwrap();
    assert!(
        at.is_match(&out.stderr),
        "{}",
        out.report("the message should name broken.gold.json and line 4 with a column")
    );
}

#[test]
fn eval_with_an_unknown_entity_type_names_its_position() {
    let dir = Dir::new("bad-type");
    dir.create("typo.gold.json", "{\n  \"source\": \"x.txt\",\n  \"entities\": [\n    {\"type\": \"Country\", \"label\": \"中国\"}\n  ]\n}\n");
    let out = dir
        .diplograph()
        .args(["eval", "--gold", "typo.gold.json"])
        .arg(seed_corpus())
        .fails();
    out.assert_stderr_contains("typo.gold.json:4:");
    out.assert_stderr_contains("Country");
}

#[test]
fn a_missing_input_file_is_named_once() {
    let dir = Dir::new("missing");
    let out = dir.diplograph().args(["extract", "absent.txt"]).fails();
    out.assert_stderr_contains("absent.txt");
    let line = out.stderr.lines().next().unwrap_or_default();
    let reason = "No such file or directory";
    assert_eq!(
        line.matches(reason).count(),
        1,
        "{}",
        out.report("the reason should be given once")
    );
}

// ---------------------------------------------------------------------------------------
// Where output goes

/// `-o` onto something that is not a regular file writes into it and leaves it what it
/// was: renaming a finished file over `/dev/null` once replaced the device with a file.
#[test]
fn output_into_a_named_pipe_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = Dir::new("cli-output-fifo");
    use std::os::unix::fs::OpenOptionsExt;
    let fifo = dir.join("out.nq");
    dir.tool("mkfifo").arg(&fifo).run();
    // A second name for the pipe, to let the reader go if out.nq is replaced.
    let spare = dir.join("spare-name");
    std::fs::hard_link(&fifo, &spare).unwrap();
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).expect("read the pipe"))
    };
    dir.diplograph()
        .arg("extract")
        .arg(seed_corpus())
        .args(["--format", "nquads", "-o"])
        .arg(&fifo)
        .run();
    // Linux's O_NONBLOCK: fails at once when the reader has already finished.
    const O_NONBLOCK: i32 = 0o4000;
    drop(
        std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(O_NONBLOCK)
            .open(&spare),
    );
    let bytes = reader.join().expect("the reader thread");
    let quads = parse_rdf(RdfFormat::NQuads, &bytes, "the pipe's N-Quads");
    assert!(
        quads.len() > 1000,
        "{} quads came through the pipe",
        quads.len()
    );
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "out.nq is still a named pipe, not {kind:?}");
    assert!(!dir.join("out.nq.part").exists(), "no part file is left");
}

#[test]
fn output_through_a_symbolic_link_replaces_the_file_it_names() {
    let dir = Dir::new("cli-output-link");
    let real = dir.create("real.nq", "old\n");
    let link = dir.join("link.nq");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    dir.diplograph()
        .arg("extract")
        .arg(seed_corpus())
        .arg("-o")
        .arg(&link)
        .run();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "link.nq is still a link"
    );
    let written = std::fs::read(&real).unwrap();
    let quads = parse_rdf(RdfFormat::NQuads, &written, "real.nq");
    assert!(
        quads.len() > 1000,
        "real.nq holds the {} quads",
        quads.len()
    );
}

#[test]
fn a_failed_export_keeps_the_previous_output_and_leaves_no_part_file() {
    let dir = Dir::new("cli-output-failed");
    let store = build_store(&dir, &[&seed_corpus()]);
    let out = dir.create("out.nq", "old\n");
    let failed = dir
        .diplograph()
        .args(["export", "--graph", "dgr:doc/nowhere", "-o"])
        .arg(&out)
        .arg("--store")
        .arg(&store)
        .fails();
    assert!(
        failed.stderr.contains("no graph"),
        "{}",
        failed.report("export of a missing graph")
    );
    assert_eq!(dir.read("out.nq"), "old\n", "the previous output is kept");
    assert!(!dir.join("out.nq.part").exists(), "no part file is left");
}

/// A first build compacts the store for queries and says how long it took; adding a
/// file to a store of several does not rewrite the whole store again.
#[test]
fn a_first_build_compacts_the_store_and_adding_a_file_does_not() {
    let dir = Dir::new("cli-compact");
    dir.create("corpus/a.txt", "中国支持上海合作组织。\n");
    dir.create("corpus/b.txt", "俄罗斯欢迎哈萨克斯坦担任主席国。\n");
    let store = dir.join("store");
    let build = |path: &Path| {
        dir.diplograph()
            .arg("build")
            .arg(path)
            .arg("--store")
            .arg(&store)
            .run()
    };
    let first = build(&dir.join("corpus"));
    assert!(
        first.stdout.contains("compacted for queries:"),
        "{}",
        first.report("the first build")
    );
    let c = dir.create("corpus/c.txt", "中方建议成员国加强合作。\n");
    let added = build(&c);
    assert!(
        added.stdout.contains("from 1 file(s)") && !added.stdout.contains("compacted"),
        "{}",
        added.report("adding one file to two")
    );
}

#[test]
fn version_prints_the_crate_version() {
    let dir = Dir::new("version");
    let out = dir.diplograph().arg("--version").run();
    assert_eq!(
        out.stdout.trim(),
        format!("diplograph {}", env!("CARGO_PKG_VERSION")),
        "{}",
        out.report("diplograph --version")
    );
}
