//! Linked-data integration tests: the ontology declares every `dg:` term the output uses
//! and aligns it with public vocabularies; the SHACL shapes accept the seed and name what
//! is wrong in a broken graph; every export format reads back in rapper, rdflib and pyld
//! to the same count; `dot --render` uses Graphviz; `serve` answers real SPARQL clients
//! (roqet, rdflib's SPARQLStore, curl); `push` fills a real Oxigraph server.
//!
//! Servers run on free loopback ports, are waited for a bounded time and are killed when
//! the test ends. The outside tools are required (`tests/setup.sh --tests` installs them,
//! the Oxigraph server from PyPI's `oxigraph` wheel); a missing one fails with that hint.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};

use crate::util;
use crate::util::{Dir, Output, repo, seed_corpus};

const DG: &str = "https://w3id.org/diplograph/ns#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";
const TIME: &str = "http://www.w3.org/2006/time#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

fn dg(local: &str) -> String {
    format!("{DG}{local}")
}

fn parse(format: RdfFormat, bytes: &[u8], what: &str) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{what} is not valid {format}: {e}"))
}

fn ontology() -> Vec<Quad> {
    let bytes = std::fs::read(repo("ontology/diplograph.ttl")).expect("ontology/diplograph.ttl");
    parse(RdfFormat::Turtle, &bytes, "ontology/diplograph.ttl")
}

/// Every input the project ships: the seed and the test documents.
fn all_inputs() -> Vec<PathBuf> {
    let mut inputs = vec![seed_corpus()];
    for entry in std::fs::read_dir(repo("tests/corpus")).expect("tests/corpus") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            inputs.push(path);
        }
    }
    inputs.sort();
    inputs
}

fn build_store(dir: &Dir, inputs: &[PathBuf]) -> PathBuf {
    let store = dir.join("store");
    dir.diplograph()
        .arg("build")
        .args(inputs)
        .arg("--store")
        .arg(&store)
        .run();
    store
}

fn export(dir: &Dir, store: &Path, format: &str) -> Vec<u8> {
    dir.diplograph()
        .args(["export", "--format", format, "--store"])
        .arg(store)
        .run()
        .stdout_bytes
}

fn iri_of(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// 1. The ontology

/// The `dg:` terms the ontology declares: subjects typed as a class, a property, an
/// individual or a concept scheme.
fn declared_terms(ontology: &[Quad]) -> BTreeSet<String> {
    let kinds: BTreeSet<String> = [
        "Class",
        "ObjectProperty",
        "DatatypeProperty",
        "NamedIndividual",
    ]
    .iter()
    .map(|k| format!("{OWL}{k}"))
    .chain(["http://www.w3.org/2004/02/skos/core#ConceptScheme".to_string()])
    .collect();
    ontology
        .iter()
        .filter(|q| q.predicate.as_str() == RDF_TYPE)
        .filter(|q| iri_of(&q.object).is_some_and(|o| kinds.contains(o)))
        .filter_map(|q| match &q.subject {
            NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(DG) => {
                Some(n.as_str().to_string())
            }
            _ => None,
        })
        .collect()
}

/// The `dg:` IRIs `quads` use in any position.
fn used_terms(quads: &[Quad]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for q in quads {
        let subject = match &q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
            _ => None,
        };
        let graph = match &q.graph_name {
            GraphName::NamedNode(n) => Some(n.as_str()),
            _ => None,
        };
        for iri in [
            subject,
            Some(q.predicate.as_str()),
            iri_of(&q.object),
            graph,
        ]
        .into_iter()
        .flatten()
        {
            if iri.starts_with(DG) {
                out.insert(iri.to_string());
            }
        }
    }
    out
}

fn undeclared(quads: &[Quad], ontology: &[Quad]) -> Vec<String> {
    let declared = declared_terms(ontology);
    used_terms(quads)
        .into_iter()
        .filter(|t| !declared.contains(t))
        .collect()
}

#[test]
fn every_dg_term_the_output_uses_is_declared_in_the_ontology() {
    let dir = Dir::new("declared");
    let out = dir
        .diplograph()
        .arg("extract")
        .args(all_inputs())
        .args(["--format", "nquads"])
        .run();
    let quads = parse(
        RdfFormat::NQuads,
        &out.stdout_bytes,
        "the extracted N-Quads",
    );
    let onto = ontology();
    let used = used_terms(&quads);
    assert!(
        used.len() >= 40,
        "the output should use the whole vocabulary, found {used:?}"
    );
    let missing = undeclared(&quads, &onto);
    assert!(
        missing.is_empty(),
        "the output uses dg: terms that ontology/diplograph.ttl does not declare: {missing:#?}"
    );
    // the check itself finds an undeclared term
    let mut with_typo = quads;
    with_typo.push(Quad::new(
        oxigraph::model::NamedNode::new_unchecked("https://w3id.org/diplograph/id/state/CHN"),
        oxigraph::model::NamedNode::new_unchecked(dg("memberof")),
        oxigraph::model::NamedNode::new_unchecked("https://w3id.org/diplograph/id/org/x"),
        GraphName::DefaultGraph,
    ));
    assert_eq!(undeclared(&with_typo, &onto), vec![dg("memberof")]);
}

#[test]
fn every_ontology_term_has_english_and_chinese_labels_and_comments_and_properties_domains_and_ranges()
 {
    let onto = ontology();
    let values = |s: &str, p: &str| -> Vec<Term> {
        onto.iter()
            .filter(|q| q.subject.to_string() == format!("<{s}>") && q.predicate.as_str() == p)
            .map(|q| q.object.clone())
            .collect()
    };
    let has_lang = |s: &str, p: &str, lang: &str| {
        values(s, p)
            .iter()
            .any(|t| matches!(t, Term::Literal(l) if l.language() == Some(lang) && !l.value().is_empty()))
    };
    let mut bad = Vec::new();
    let declared = declared_terms(&onto);
    assert!(declared.len() >= 45, "{declared:?}");
    for term in &declared {
        for p in ["label", "comment"] {
            for lang in ["en", "zh"] {
                if !has_lang(term, &format!("{RDFS}{p}"), lang) {
                    bad.push(format!("{term}: no rdfs:{p}@{lang}"));
                }
            }
        }
        let types = values(term, RDF_TYPE);
        let is_property = types.iter().any(|t| {
            iri_of(t).is_some_and(|t| {
                t == format!("{OWL}ObjectProperty") || t == format!("{OWL}DatatypeProperty")
            })
        });
        if is_property {
            for p in ["domain", "range"] {
                if values(term, &format!("{RDFS}{p}")).is_empty() {
                    bad.push(format!("{term}: a property without rdfs:{p}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_ontology_aligns_with_org_schema_prov_time_nif_and_skos() {
    let onto = ontology();
    let has = |s: &str, p: &str, o: &str| {
        onto.iter().any(|q| {
            q.subject.to_string() == format!("<{s}>")
                && q.predicate.as_str() == p
                && iri_of(&q.object) == Some(o)
        })
    };
    let sub_class = format!("{RDFS}subClassOf");
    let sub_property = format!("{RDFS}subPropertyOf");
    let org = "http://www.w3.org/ns/org#";
    let schema = "http://schema.org/";
    let prov = "http://www.w3.org/ns/prov#";
    let nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    let skos = "http://www.w3.org/2004/02/skos/core#";
    let expected = [
        (dg("memberOf"), &sub_property, format!("{org}memberOf")),
        (
            dg("subOrganizationOf"),
            &sub_property,
            format!("{org}subOrganizationOf"),
        ),
        (dg("headOf"), &sub_property, format!("{org}headOf")),
        (dg("State"), &sub_class, format!("{schema}Country")),
        (
            dg("Organization"),
            &sub_class,
            format!("{schema}Organization"),
        ),
        (dg("Organization"), &sub_class, format!("{org}Organization")),
        (dg("Agreement"), &sub_class, format!("{schema}Legislation")),
        (dg("Event"), &sub_class, format!("{schema}Event")),
        (
            dg("MonetaryAmount"),
            &sub_class,
            format!("{schema}MonetaryAmount"),
        ),
        (dg("Statement"), &sub_class, format!("{prov}Entity")),
        (dg("actor"), &sub_property, format!("{prov}wasAttributedTo")),
        (dg("Date"), &sub_class, format!("{TIME}TemporalEntity")),
        (dg("date"), &sub_property, format!("{TIME}hasTime")),
        (dg("Document"), &sub_class, format!("{nif}Context")),
        (
            dg("sentence"),
            &format!("{RDFS}range"),
            format!("{nif}Sentence"),
        ),
        (dg("Act"), &sub_class, format!("{skos}Concept")),
    ];
    let missing: Vec<String> = expected
        .iter()
        .filter(|(s, p, o)| !has(s, p, o))
        .map(|(s, p, o)| format!("{s} {p} {o}"))
        .collect();
    assert!(
        missing.is_empty(),
        "missing alignments:\n{}",
        missing.join("\n")
    );
}

#[test]
fn dates_are_owl_time_instants_and_intervals() {
    let dir = Dir::new("owl-time");
    let out = dir
        .diplograph()
        .arg("extract")
        .arg(seed_corpus())
        .args(["--format", "nquads"])
        .run();
    let quads = parse(
        RdfFormat::NQuads,
        &out.stdout_bytes,
        "the extracted N-Quads",
    );
    let objects = |s: &str, p: &str| -> Vec<Term> {
        let mut v: Vec<Term> = quads
            .iter()
            .filter(|q| q.subject.to_string() == s && q.predicate.as_str() == p)
            .map(|q| q.object.clone())
            .collect();
        v.sort_by_key(Term::to_string);
        v.dedup();
        v
    };
    let dates: BTreeSet<String> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == RDF_TYPE && iri_of(&q.object) == Some(&dg("Date")))
        .map(|q| q.subject.to_string())
        .collect();
    assert!(dates.len() >= 10, "{dates:?}");
    // a day, month or year has its value in the OWL-Time property of its precision
    let assert_instant = |node: &str, value: &str| {
        let (p, datatype) = match value.len() {
            4 => ("inXSDgYear", "gYear"),
            7 => ("inXSDgYearMonth", "gYearMonth"),
            _ => ("inXSDDate", "date"),
        };
        match objects(node, &format!("{TIME}{p}")).as_slice() {
            [Term::Literal(l)] => assert_eq!(
                (l.value(), l.datatype().as_str()),
                (value, format!("{XSD}{datatype}").as_str()),
                "{node}"
            ),
            other => panic!("{node}: one time:{p}, found {other:?}"),
        }
    };
    let mut intervals = 0;
    for d in &dates {
        let value = match objects(d, &dg("value")).as_slice() {
            [Term::Literal(l)] => l.value().to_string(),
            other => panic!("{d}: one dg:value, found {other:?}"),
        };
        let types: Vec<String> = objects(d, RDF_TYPE)
            .iter()
            .filter_map(|t| iri_of(t).map(str::to_string))
            .collect();
        let own: Vec<&String> = types.iter().filter(|t| t.starts_with(DG)).collect();
        assert_eq!(own, [&dg("Date")], "{d}: exactly one dg: class");
        if let Some((begin, end)) = value.split_once('/') {
            intervals += 1;
            assert!(types.contains(&format!("{TIME}Interval")), "{d}: {types:?}");
            for (p, v) in [("hasBeginning", begin), ("hasEnd", end)] {
                let found: [Term; 1] = objects(d, &format!("{TIME}{p}"))
                    .try_into()
                    .unwrap_or_else(|o: Vec<Term>| panic!("{d}: one time:{p}, found {o:?}"));
                let [Term::NamedNode(instant)] = found else {
                    panic!("{d}: time:{p} is an IRI");
                };
                let instant = format!("<{}>", instant.as_str());
                let types = objects(&instant, RDF_TYPE);
                assert!(
                    types
                        .iter()
                        .any(|t| iri_of(t) == Some(&format!("{TIME}Instant"))),
                    "{instant}: the {p} of {d} is a time:Instant"
                );
                assert_instant(&instant, v);
            }
        } else {
            assert!(types.contains(&format!("{TIME}Instant")), "{d}: {types:?}");
            assert_instant(d, &value);
        }
    }
    assert!(
        intervals >= 1,
        "the seed has the summit's two days as an interval"
    );
}

// ---------------------------------------------------------------------------------------
// 2. SHACL

/// `diplograph validate` on a file; returns what it printed.
fn validate_file(dir: &Dir, file: &Path) -> Output {
    dir.diplograph().arg("validate").arg(file).output()
}

#[test]
fn the_seed_store_and_every_test_document_conform_to_the_shapes() {
    let dir = Dir::new("shacl-ok");
    let store = build_store(&dir, &all_inputs());
    let out = dir
        .diplograph()
        .arg("validate")
        .arg("--store")
        .arg(&store)
        .run();
    out.assert_stdout_contains("conforms");
    // and pySHACL, the reference engine, agrees on the exported dataset
    std::fs::write(dir.join("all.nt"), export(&dir, &store, "ntriples")).unwrap();
    let py = dir
        .tool("pyshacl")
        .arg("-s")
        .arg(repo("ontology/shapes.ttl"))
        .args(["-df", "nt", "all.nt"])
        .output();
    assert_eq!(
        py.code(),
        Some(0),
        "{}",
        py.report("pyshacl should find the store conforming")
    );
}

/// The seed's triples, broken in five ways the shapes name.
fn broken_seed(nt: &str) -> String {
    let rus_label = "<https://w3id.org/diplograph/id/state/RUS> <http://www.w3.org/2000/01/rdf-schema#label> \"俄罗斯\"@zh .";
    assert!(nt.contains(rus_label), "the seed labels Russia 俄罗斯");
    let mut dropped_actor = None;
    let mut dropped_sequence = None;
    let mut swapped = None;
    let mut doubled = None;
    let mut out = Vec::new();
    for line in nt.lines() {
        if line == rus_label {
            continue;
        }
        if dropped_actor.is_none() && line.contains("<https://w3id.org/diplograph/ns#actor>") {
            dropped_actor = Some(());
            continue;
        }
        if dropped_sequence.is_none() && line.contains("<https://w3id.org/diplograph/ns#sequence>")
        {
            dropped_sequence = Some(());
            continue;
        }
        if swapped.is_none() && line.contains("#char=") && line.contains("nif-core#endIndex>") {
            // the end of one mention before its begin
            swapped = Some(());
            let (head, _) = line.rsplit_once(" \"").expect("a literal");
            out.push(format!(
                "{head} \"0\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> ."
            ));
            continue;
        }
        if doubled.is_none() && line.contains("<https://w3id.org/diplograph/ns#made>") {
            // two spaces between the items a rule made
            doubled = Some(());
            out.push(line.replacen("#made> \"", "#made> \"#char=0,1  ", 1));
            continue;
        }
        out.push(line.to_string());
    }
    out.push("<https://w3id.org/diplograph/id/state/CHN> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/diplograph/ns#Organization> .".into());
    out.join("\n") + "\n"
}

#[test]
fn validate_names_focus_node_path_and_message_of_what_is_broken() {
    let dir = Dir::new("shacl-broken");
    let nt = dir
        .diplograph()
        .arg("extract")
        .arg(seed_corpus())
        .args(["--format", "ntriples"])
        .stdout();
    let file = dir.create("seed.nt", &nt);
    let ok = validate_file(&dir, &file);
    assert_eq!(ok.code(), Some(0), "{}", ok.report("the seed conforms"));

    let broken = dir.create("broken.nt", broken_seed(&nt));
    let out = validate_file(&dir, &broken);
    assert_eq!(
        out.code(),
        Some(1),
        "{}",
        out.report("a broken graph fails with 1")
    );
    let report = &out.stdout;
    for (focus, path, message) in [
        (
            "state:RUS",
            "rdfs:label",
            "exactly one rdfs:label tagged zh",
        ),
        ("state:CHN", "rdf:type", "exactly one rdf:type among"),
        ("/statement/", "dg:actor", "one dg:actor"),
        (
            "dgr:doc/sco-2014-dushanbe.txt/",
            "dg:sequence",
            "one dg:sequence",
        ),
        ("#char=", "nif:beginIndex", "less than its nif:endIndex"),
        ("/rule/", "dg:made", "separated by single spaces"),
    ] {
        let found = report.split("\n\n").any(|block| {
            block.lines().next().is_some_and(|l| l.contains(focus))
                && block.contains(&format!("path: {path}"))
                && block.contains(message)
        });
        assert!(
            found,
            "{}",
            out.report(&format!(
                "the report should name focus node {focus}, path {path} and say {message:?}"
            ))
        );
    }
    // pySHACL finds the same focus nodes
    let py = dir
        .tool("pyshacl")
        .arg("-s")
        .arg(repo("ontology/shapes.ttl"))
        .args(["-df", "nt", "-f", "nt", "broken.nt"])
        .output();
    assert_eq!(
        py.code(),
        Some(1),
        "{}",
        py.report("pyshacl should find violations")
    );
    let theirs: BTreeSet<String> =
        regex::Regex::new(r"<http://www.w3.org/ns/shacl#focusNode> <([^>]+)>")
            .unwrap()
            .captures_iter(&py.stdout)
            .map(|c| c[1].to_string())
            .collect();
    let ours: BTreeSet<String> = regex::Regex::new(r"(?m)^focus: <([^>]+)>")
        .unwrap()
        .captures_iter(report)
        .map(|c| c[1].to_string())
        .collect();
    assert_eq!(ours.len(), 6, "{}", out.report("six broken nodes"));
    assert_eq!(
        ours, theirs,
        "diplograph validate and pySHACL name the same focus nodes"
    );
}

#[test]
fn validate_fails_clearly_on_a_missing_store_or_an_unparsable_file() {
    let dir = Dir::new("shacl-errors");
    let out = dir
        .diplograph()
        .args(["validate", "--store", "nowhere"])
        .fails();
    out.assert_stderr_contains("nowhere");
    let bad = dir.create("bad.ttl", "<a> <b> .\n");
    let out = validate_file(&dir, &bad);
    assert!(
        !out.status.success() && !out.stdout.contains("conform"),
        "{}",
        out.report("an unreadable input is an error, not a validation report")
    );
    out.assert_stderr_contains("bad.ttl");
}

// ---------------------------------------------------------------------------------------
// 3. Formats, read by other tools

/// Reads `PATH=FORMAT` arguments with rdflib (and JSON-LD also with pyld) and prints
/// `{path: count}`: quads for dataset formats, triples otherwise.
const COUNT: &str = r#"
import json, sys
from rdflib import Dataset, Graph
from pyld import jsonld
out = {}
for spec in sys.argv[1:]:
    path, fmt = spec.rsplit("=", 1)
    if fmt in ("nquads", "trig", "json-ld"):
        ds = Dataset()
        ds.parse(path, format=fmt)
        out[path] = len(set(ds.quads((None, None, None, None))))
    else:
        g = Graph()
        g.parse(path, format=fmt)
        out[path] = len(g)
    if fmt == "json-ld":
        with open(path, encoding="utf-8") as f:
            nq = jsonld.to_rdf(json.load(f), {"format": "application/n-quads"})
        ds = Dataset()
        ds.parse(data=nq, format="nquads")
        out[path + " (pyld)"] = len(set(ds.quads((None, None, None, None))))
print(json.dumps(out))
"#;

#[test]
fn every_export_format_reads_back_in_rapper_rdflib_and_pyld_to_the_same_count() {
    let dir = Dir::new("export-formats");
    let store = build_store(&dir, &[seed_corpus()]);
    // (ours, rdflib's, rapper's, holds a dataset)
    let formats = [
        ("turtle", "turtle", Some("turtle"), false),
        ("ntriples", "nt", Some("ntriples"), false),
        ("nquads", "nquads", Some("nquads"), true),
        ("trig", "trig", Some("trig"), true),
        ("rdfxml", "xml", Some("rdfxml"), false),
        ("jsonld", "json-ld", None, true),
    ];
    let nq = export(&dir, &store, "nquads");
    let quads = parse(RdfFormat::NQuads, &nq, "the N-Quads export");
    let distinct_quads: BTreeSet<String> = quads.iter().map(|q| q.to_string()).collect();
    let triples: BTreeSet<String> = quads
        .iter()
        .map(|q| oxigraph::model::Triple::from(q.clone()).to_string())
        .collect();
    assert!(triples.len() < distinct_quads.len(), "graphs share triples");
    let mut specs = Vec::new();
    let mut expected = BTreeMap::new();
    let rapper_count = regex::Regex::new(r"returned (\d+) (triples|statements)").unwrap();
    for (ours, rdflib, rapper, dataset) in formats {
        let name = format!("seed.{ours}");
        std::fs::write(dir.join(&name), export(&dir, &store, ours)).unwrap();
        let want = if dataset {
            distinct_quads.len()
        } else {
            triples.len()
        };
        expected.insert(name.clone(), want);
        if ours == "jsonld" {
            expected.insert(format!("{name} (pyld)"), want);
        }
        specs.push(format!("{name}={rdflib}"));
        if let Some(rapper) = rapper {
            let out = dir
                .tool("rapper")
                .args(["--count", "--input", rapper, &name])
                .run();
            let count = rapper_count
                .captures(&out.stderr)
                .and_then(|c| c[1].parse::<usize>().ok())
                .unwrap_or_else(|| panic!("{}", out.report("rapper should count")));
            assert!(
                !out.stderr.contains("rror"),
                "{}",
                out.report("rapper reported an error")
            );
            assert_eq!(
                count,
                want,
                "{}",
                out.report(&format!("rapper's count of {name}"))
            );
        }
    }
    let turtle = String::from_utf8(std::fs::read(dir.join("seed.turtle")).unwrap()).unwrap();
    for prefix in [
        "@prefix dg: <https://w3id.org/diplograph/ns#>",
        "@prefix time: <http://www.w3.org/2006/time#>",
    ] {
        assert!(turtle.contains(prefix), "Turtle declares {prefix}");
    }
    let out = dir.python(COUNT).args(&specs).run();
    let counts: BTreeMap<String, usize> = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{}", out.report(&format!("not JSON: {e}"))));
    assert_eq!(counts, expected, "rdflib's and pyld's counts");
}

#[test]
fn dot_render_writes_svg_and_png_with_graphviz() {
    let dir = Dir::new("render");
    let store = build_store(&dir, &[seed_corpus()]);
    let svg = dir
        .diplograph()
        .args(["dot", "--render", "svg", "--store"])
        .arg(&store)
        .stdout();
    assert!(
        svg.contains("<svg") && svg.contains("上海合作组织"),
        "{}",
        util::truncate(&svg)
    );
    dir.diplograph()
        .args(["dot", "--render", "png", "-o", "seed.png", "--store"])
        .arg(&store)
        .run();
    let png = std::fs::read(dir.join("seed.png")).unwrap();
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
        "a PNG picture"
    );
}

#[test]
fn dot_render_without_graphviz_says_how_to_install_it() {
    let dir = Dir::new("render-missing");
    let store = build_store(&dir, &[seed_corpus()]);
    let empty = dir.join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let out = dir
        .diplograph()
        .env("PATH", &empty)
        .args(["dot", "--render", "svg", "-o", "x.svg", "--store"])
        .arg(&store)
        .fails();
    out.assert_stderr_contains("apt-get install graphviz");
    assert!(!dir.join("x.svg").exists(), "no picture is left behind");
}

// ---------------------------------------------------------------------------------------
// 4. serve and push: real servers on loopback

/// A free loopback port (the listener is closed before the server binds it).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// A server process, killed when dropped.
struct Running {
    child: Child,
    what: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `command` and waits (at most 30 s) until `port` accepts connections.
fn start(mut command: Command, port: u16, what: &str) -> Running {
    command.stdout(Stdio::null()).stderr(Stdio::piped());
    let child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    let mut running = Running {
        child,
        what: what.to_string(),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return running;
        }
        if let Ok(Some(status)) = running.child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = running.child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            panic!(
                "{} exited with {status} before listening:\n{err}",
                running.what
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{} did not listen on port {port} within 30 s", running.what);
}

fn serve(dir: &Dir, store: &Path, args: &[&str]) -> (Running, String) {
    let port = free_port();
    let mut command = Command::new(util::diplograph_bin());
    command
        .current_dir(dir.path())
        .arg("serve")
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"))
        .arg("--store")
        .arg(store)
        .args(args);
    let running = start(command, port, "diplograph serve");
    (running, format!("http://127.0.0.1:{port}/sparql"))
}

/// `curl` with a 20 s limit, printing the status line and headers before the body.
fn curl(dir: &Dir, args: &[&str]) -> Output {
    dir.tool("curl")
        .args(["--silent", "--show-error", "--include", "--max-time", "20"])
        .args(args)
        .run()
}

fn status(out: &Output) -> u16 {
    out.stdout
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{}", out.report("no HTTP status line")))
}

fn header<'a>(out: &'a Output, name: &str) -> Option<&'a str> {
    out.stdout.split("\r\n\r\n").next()?.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

const MEMBERS: &str = "PREFIX dg: <https://w3id.org/diplograph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?state WHERE { ?s dg:memberOf ?o . ?s rdfs:label ?state . ?o rdfs:label \"上海合作组织\"@zh FILTER(lang(?state) = \"zh\") } ORDER BY ?state";

const SCO_MEMBERS: [&str; 6] = [
    "中国",
    "乌兹别克斯坦",
    "俄罗斯",
    "吉尔吉斯斯坦",
    "哈萨克斯坦",
    "塔吉克斯坦",
];

/// Reads the members with rdflib's SPARQLStore by each protocol method it has.
const SPARQLSTORE: &str = r#"
import json, sys
from rdflib.plugins.stores.sparqlstore import SPARQLStore
endpoint, query = sys.argv[1], sys.argv[2]
out = {}
for method in ("GET", "POST", "POST_FORM"):
    store = SPARQLStore(endpoint, method=method, returnFormat="json")
    out[method] = [str(row[0]) for row in store.query(query)]
    store.close()
construct = SPARQLStore(endpoint, method="GET")
states = "?s a <https://w3id.org/diplograph/ns#State> ; ?p ?o"
g = construct.query("CONSTRUCT { ?s ?p ?o } WHERE { %s }" % states).graph
out["construct"] = len(g)
count = "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { %s } }" % states
out["distinct"] = int(list(construct.query(count))[0][0])
print(json.dumps(out, ensure_ascii=False))
"#;

#[test]
fn serve_answers_roqet_and_rdflib_over_the_sparql_protocol() {
    let dir = Dir::new("serve-clients");
    let store = build_store(&dir, &[seed_corpus()]);
    let (_server, endpoint) = serve(&dir, &store, &[]);

    let started = Instant::now();
    let out = dir
        .tool("roqet")
        .args(["-p", &endpoint, "-e", MEMBERS, "-r", "csv"])
        .run();
    eprintln!("roqet: one SELECT in {:?}", started.elapsed());
    for m in SCO_MEMBERS {
        assert!(
            out.stdout.contains(m),
            "{}",
            out.report(&format!("roqet should list {m}"))
        );
    }

    let out = dir.python(SPARQLSTORE).arg(&endpoint).arg(MEMBERS).run();
    let read: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{}", out.report(&format!("not JSON: {e}"))));
    for method in ["GET", "POST", "POST_FORM"] {
        let got: Vec<&str> = read[method]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(got, SCO_MEMBERS, "rdflib SPARQLStore with {method}");
    }
    assert!(
        read["construct"].as_u64().is_some_and(|n| n > 50) && read["construct"] == read["distinct"],
        "a CONSTRUCT read back as a graph has the triples a SELECT counts: {read}"
    );

    // the server holds no lock: the store stays writable by diplograph build
    dir.diplograph()
        .arg("build")
        .arg(seed_corpus())
        .arg("--store")
        .arg(&store)
        .run();
}

#[test]
fn serve_negotiates_formats_allows_cors_and_refuses_updates_service_and_load() {
    let dir = Dir::new("serve-http");
    let store = build_store(&dir, &[seed_corpus()]);
    let (_server, endpoint) = serve(&dir, &store, &["--max-results", "5", "--timeout", "1"]);
    let ask = "ASK { ?s a dg:State }";
    let get = |accept: &str, query: &str| {
        curl(
            &dir,
            &[
                "-G",
                &endpoint,
                "-H",
                &format!("Accept: {accept}"),
                "--data-urlencode",
                &format!("query={query}"),
            ],
        )
    };

    // content negotiation for results
    for (accept, media, body) in [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            "\"boolean\":true",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<boolean>true</boolean>",
        ),
        ("text/csv; q=0.9, application/x-nothing", "text/csv", "true"),
        ("*/*", "application/sparql-results+json", "\"boolean\":true"),
    ] {
        let out = get(accept, ask);
        assert_eq!(status(&out), 200, "{}", out.report(accept));
        assert_eq!(
            header(&out, "content-type"),
            Some(media),
            "{}",
            out.report(accept)
        );
        out.assert_stdout_contains(body);
        assert_eq!(
            header(&out, "access-control-allow-origin"),
            Some("*"),
            "CORS on every answer"
        );
    }
    // and for graphs
    let construct = "CONSTRUCT { state:CHN ?p ?o } WHERE { state:CHN ?p ?o }";
    for (accept, media, body) in [
        (
            "application/n-triples",
            "application/n-triples",
            "<https://w3id.org/diplograph/id/state/CHN> ",
        ),
        ("text/turtle", "text/turtle", "state:CHN"),
        ("application/ld+json", "application/ld+json", "\"@id\""),
        ("application/rdf+xml", "application/rdf+xml", "rdf:RDF"),
    ] {
        let out = get(accept, construct);
        assert_eq!(status(&out), 200, "{}", out.report(accept));
        assert_eq!(
            header(&out, "content-type"),
            Some(media),
            "{}",
            out.report(accept)
        );
        out.assert_stdout_contains(body);
    }
    let out = get("image/png", ask);
    assert_eq!(status(&out), 406, "{}", out.report("nothing acceptable"));

    // the result cap
    let out = get("text/csv", "SELECT ?s ?p ?o { ?s ?p ?o }");
    assert_eq!(status(&out), 200);
    assert_eq!(
        header(&out, "x-sparql-maxrows"),
        Some("5"),
        "{}",
        out.report("a cut answer says so")
    );
    let body = out.stdout.split("\r\n\r\n").nth(1).unwrap_or_default();
    assert_eq!(body.lines().count(), 6, "a header and five rows:\n{body}");

    // the timeout: a cross product of the whole store with itself, three times
    let started = Instant::now();
    let out = get(
        "text/csv",
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    );
    assert_eq!(
        status(&out),
        503,
        "{}",
        out.report("a query past the timeout")
    );
    out.assert_stdout_contains("longer than 1 s");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "stopped after {:?}",
        started.elapsed()
    );

    // CORS preflight, as a browser sends it before a POST
    let out = curl(
        &dir,
        &[
            "-X",
            "OPTIONS",
            &endpoint,
            "-H",
            "Origin: http://example.org",
            "-H",
            "Access-Control-Request-Method: POST",
            "-H",
            "Access-Control-Request-Headers: content-type",
        ],
    );
    assert_eq!(status(&out), 204, "{}", out.report("preflight"));
    assert_eq!(header(&out, "access-control-allow-origin"), Some("*"));
    assert!(
        header(&out, "access-control-allow-headers").is_some_and(|m| m.contains("content-type"))
    );

    // read-only: updates, LOAD and SERVICE are refused
    let refusals: [(&[&str], &str); 5] = [
        (
            &[
                "-H",
                "Content-Type: application/sparql-update",
                "--data-binary",
                "INSERT DATA { <x:a> <x:b> <x:c> }",
            ],
            "read-only",
        ),
        (
            &[
                "--data-urlencode",
                "update=INSERT DATA { <x:a> <x:b> <x:c> }",
            ],
            "read-only",
        ),
        (
            &[
                "--data-urlencode",
                "update=LOAD <http://example.org/data.ttl>",
            ],
            "read-only",
        ),
        (
            &[
                "--data-urlencode",
                "query=SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            ],
            "SERVICE",
        ),
        (
            &[
                "-H",
                "Content-Type: application/sparql-query",
                "--data-binary",
                "LOAD <http://example.org/data.ttl>",
            ],
            "not valid SPARQL",
        ),
    ];
    for (args, says) in refusals {
        let mut all = vec![endpoint.as_str()];
        all.extend_from_slice(args);
        let out = curl(&dir, &all);
        let code = status(&out);
        assert!(code == 403 || code == 400, "{}", out.report("refused"));
        out.assert_stdout_contains(says);
    }
    let count = dir
        .diplograph()
        .args([
            "query",
            "--results",
            "csv",
            "SELECT (COUNT(*) AS ?n) { <x:a> ?p ?o }",
            "--store",
        ])
        .arg(&store)
        .stdout();
    assert!(count.contains("\n0"), "nothing was written: {count}");
}

#[test]
fn serve_binds_loopback_by_default() {
    let dir = Dir::new("serve-help");
    let out = dir.diplograph().args(["serve", "--help"]).run();
    out.assert_stdout_contains("[default: 127.0.0.1:7878]");
}

/// The Oxigraph server binary: `$DIPLOGRAPH_OXIGRAPH`, else the one PyPI's `oxigraph`
/// package (pinned to 0.5.13 by tests/setup.sh) put in Python's scripts directory, else
/// `oxigraph` on PATH.
fn oxigraph_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("DIPLOGRAPH_OXIGRAPH") {
        return PathBuf::from(p);
    }
    let scripts = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_path('scripts'))",
        ])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("oxigraph"));
    if let Some(bin) = scripts.filter(|bin| bin.exists()) {
        return bin;
    }
    PathBuf::from("oxigraph")
}

fn oxigraph_server(dir: &Dir) -> (Running, String) {
    let port = free_port();
    let mut command = Command::new(oxigraph_bin());
    command
        .arg("serve")
        .arg("--location")
        .arg(dir.join("remote"))
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"));
    if let Err(e) = Command::new(oxigraph_bin()).arg("--version").output() {
        panic!(
            "the Oxigraph server ({}) cannot run: {e}\nrun tests/setup.sh --tests (it installs the Oxigraph server: python3 -m pip install oxigraph==0.5.13)",
            oxigraph_bin().display()
        );
    }
    let running = start(command, port, "oxigraph serve");
    (running, format!("http://127.0.0.1:{port}"))
}

/// The remote store's whole dataset, as quads without blank nodes, and the number of
/// quads per graph.
fn remote_dataset(dir: &Dir, base: &str) -> (BTreeSet<String>, BTreeMap<String, usize>) {
    let out = dir
        .tool("curl")
        .args([
            "--silent",
            "--show-error",
            "--fail",
            "--max-time",
            "20",
            "-H",
            "Accept: application/n-quads",
        ])
        .arg(format!("{base}/store"))
        .run();
    summary(&parse(
        RdfFormat::NQuads,
        &out.stdout_bytes,
        "the remote store's dump",
    ))
}

fn summary(quads: &[Quad]) -> (BTreeSet<String>, BTreeMap<String, usize>) {
    let mut per_graph = BTreeMap::new();
    let mut ground = BTreeSet::new();
    for q in quads {
        *per_graph.entry(q.graph_name.to_string()).or_insert(0) += 1;
        let blank = matches!(q.subject, NamedOrBlankNode::BlankNode(_))
            || matches!(q.object, Term::BlankNode(_));
        if !blank {
            ground.insert(q.to_string());
        }
    }
    (ground, per_graph)
}

#[test]
fn push_puts_every_graph_into_a_real_oxigraph_server_and_pushing_twice_changes_nothing() {
    let dir = Dir::new("push");
    let store = build_store(&dir, &all_inputs());
    let (_remote, base) = oxigraph_server(&dir);
    let push = || {
        let started = Instant::now();
        let out = dir
            .diplograph()
            .args(["push", "--endpoint", &format!("{base}/store"), "--store"])
            .arg(&store)
            .run();
        eprintln!("push: {} in {:?}", out.stdout.trim(), started.elapsed());
        out
    };
    let out = push();
    out.assert_stdout_contains("pushed");
    let local = summary(&parse(
        RdfFormat::NQuads,
        &export(&dir, &store, "nquads"),
        "the export",
    ));
    let first = remote_dataset(&dir, &base);
    assert_eq!(
        first.1, local.1,
        "the same graphs with the same number of quads"
    );
    assert!(
        first.0 == local.0,
        "the remote store holds exactly the local quads"
    );

    // a stray triple in a document's graph is gone after the next push: PUT replaces
    let doc = "https://w3id.org/diplograph/id/doc/sco-2014-dushanbe.txt/1";
    let stray = dir
        .tool("curl")
        .args([
            "--silent",
            "--show-error",
            "--fail",
            "--max-time",
            "20",
            "-X",
            "POST",
            "-H",
            "Content-Type: application/n-triples",
            "--data-binary",
            "<http://example.org/stray> <http://example.org/p> \"x\" .",
        ])
        .arg(format!(
            "{base}/store?graph={}",
            doc.replace(':', "%3A").replace('/', "%2F")
        ))
        .output();
    assert!(
        stray.status.success(),
        "{}",
        stray.report("POST a stray triple")
    );
    assert_ne!(
        remote_dataset(&dir, &base),
        first,
        "the stray triple is there"
    );
    push();
    assert_eq!(
        remote_dataset(&dir, &base),
        first,
        "pushing again restores the same dataset"
    );
}

#[test]
fn push_to_nowhere_or_to_a_bad_url_fails_and_says_why() {
    let dir = Dir::new("push-errors");
    let store = build_store(&dir, &[seed_corpus()]);
    let port = free_port();
    let out = dir
        .diplograph()
        .args([
            "push",
            "--endpoint",
            &format!("http://127.0.0.1:{port}/store"),
            "--store",
        ])
        .arg(&store)
        .fails();
    out.assert_stderr_contains("cannot reach");
    let out = dir
        .diplograph()
        .args(["push", "--endpoint", "localhost:7878/store", "--store"])
        .arg(&store)
        .fails();
    out.assert_stderr_contains("not an http(s) URL");
    let out = dir
        .diplograph()
        .env("DIPLOGRAPH_PUSH_USER", "alice")
        .args(["push", "--endpoint", "http://127.0.0.1:9/store", "--store"])
        .arg(&store)
        .fails();
    out.assert_stderr_contains("DIPLOGRAPH_PUSH_PASSWORD");
}

/// `diplograph query` and `serve` prepare queries with one function: both honour `FROM`
/// and `FROM NAMED`, and use the union of all graphs only when the query names none.
#[test]
fn query_and_serve_honour_from_and_from_named_alike() {
    let dir = Dir::new("from");
    let seed = seed_corpus();
    let other = util::repo("tests/corpus/asean-fullwidth.txt");
    let store = build_store(&dir, &[seed, other]);
    let (_server, endpoint) = serve(&dir, &store, &[]);
    let seed_statements = "https://w3id.org/diplograph/id/doc/sco-2014-dushanbe.txt/1/statements";
    let count =
        |from: &str| format!("SELECT (COUNT(?s) AS ?n) {from} WHERE {{ ?s a dg:Statement }}");
    let cases = [
        ("no FROM", count("")),
        (
            "FROM one graph",
            count(&format!("FROM <{seed_statements}>")),
        ),
        (
            "FROM NAMED and GRAPH",
            format!(
                "SELECT (COUNT(?s) AS ?n) FROM NAMED <{seed_statements}> \
                 WHERE {{ GRAPH ?g {{ ?s a dg:Statement }} }}"
            ),
        ),
        (
            "FROM a graph without statements",
            count("FROM <https://w3id.org/diplograph/id/graph/ontology>"),
        ),
    ];
    let mut counts = Vec::new();
    for (what, sparql) in &cases {
        let local = dir
            .diplograph()
            .args(["query", sparql, "--results", "csv", "--store"])
            .arg(&store)
            .run();
        let local: u64 = local
            .stdout
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or_else(|| panic!("{}", local.report(&format!("{what}: a count"))));
        let remote = curl(
            &dir,
            &[
                "-G",
                &endpoint,
                "-H",
                "Accept: text/csv",
                "--data-urlencode",
                &format!("query={sparql}"),
            ],
        );
        let body = remote.stdout.split("\r\n\r\n").nth(1).unwrap_or_default();
        let remote: u64 = body
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or_else(|| panic!("{}", remote.report(&format!("{what}: a count"))));
        assert_eq!(local, remote, "{what}: query and serve differ");
        counts.push(local);
    }
    let [all, from, named, none] = counts[..] else {
        unreachable!()
    };
    assert!(
        from > 0 && from < all,
        "FROM the seed's statements graph counts only its statements ({from} of {all})"
    );
    assert_eq!(
        named, from,
        "FROM NAMED makes that graph available to GRAPH"
    );
    assert_eq!(none, 0, "FROM the ontology graph sees no statement");
}
