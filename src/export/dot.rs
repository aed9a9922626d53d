//! DOT: a view of the graph as a petgraph graph, written for Graphviz.
//!
//! In: triples (the store's relations, a neighbourhood of one entity, or a CONSTRUCT
//! query's answer) and the store for labels and classes. Out: DOT text in which every
//! entity is one node, labelled with its Chinese name, shaped and coloured by class,
//! and every triple between two nodes is an edge labelled with the property's local
//! name. Nodes and edges are sorted by IRI, so the same graph gives the same text.
//! Mention and NIF plumbing (`nif:`, `itsrdf:` terms) is left out unless asked for.
//! Labels are escaped here (`"`, `\`, newlines), so any label stays valid DOT.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{NamedNodeRef, Term, Triple};
use oxigraph::store::Store;
use petgraph::dot::{Config, Dot};
use petgraph::graph::DiGraph;

use crate::model::Property;
use crate::vocab::{dg, itsrdf, nif, rdf, rdfs};

/// Escapes a string for a double-quoted DOT attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Debug)]
struct Node {
    label: String,
    class: Option<String>,
}

fn style(class: Option<&str>) -> (&'static str, &'static str) {
    match class {
        Some("State") => ("box", "#8ecae6"),
        Some("Organization") => ("box3d", "#b5e48c"),
        Some("Agreement") => ("note", "#ffd166"),
        Some("Person") => ("ellipse", "#f4a261"),
        Some("Place") => ("house", "#cdb4db"),
        Some("Event") => ("octagon", "#ffafcc"),
        Some("Date") => ("plaintext", "#eeeeee"),
        Some("MonetaryAmount") => ("cds", "#90be6d"),
        Some("Statement") | Some("Proposal") => ("component", "#e9c46a"),
        Some("Document") | Some("Speech") | Some("Declaration") => ("tab", "#dddddd"),
        _ => ("ellipse", "#ffffff"),
    }
}

fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// Looks up a node's zh label (or value) and class in the store.
fn describe(store: &Store, term: &Term) -> Node {
    let Term::NamedNode(n) = term else {
        let text = match term {
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        };
        return Node {
            label: text,
            class: None,
        };
    };
    let mut label = None;
    let mut class = None;
    for q in store
        .quads_for_pattern(Some(n.as_ref().into()), None, None, None)
        .flatten()
    {
        match q.predicate.as_str() {
            rdfs::LABEL => {
                if let Term::Literal(l) = &q.object
                    && (l.language() == Some("zh") || label.is_none())
                {
                    label = Some(l.value().to_string());
                }
            }
            rdf::TYPE => {
                if let Term::NamedNode(c) = &q.object
                    && let Some(name) = c.as_str().strip_prefix(dg::NS)
                    && (class.is_none()
                        || name == "Proposal"
                        || !matches!(name, "Document" | "Statement"))
                {
                    class = Some(name.to_string());
                }
            }
            _ => {}
        }
    }
    if label.is_none()
        && class
            .as_deref()
            .is_some_and(|c| matches!(c, "Document" | "Speech" | "Declaration"))
    {
        let value = |p: &str| {
            store
                .quads_for_pattern(
                    Some(n.as_ref().into()),
                    Some(NamedNodeRef::new_unchecked(p)),
                    None,
                    None,
                )
                .flatten()
                .find_map(|q| match q.object {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                })
        };
        let title = value(crate::vocab::dcterms::TITLE);
        let place = format!(
            "{} #{}",
            value(dg::SOURCE_FILE).unwrap_or_default(),
            value(dg::SEQUENCE).unwrap_or_default()
        );
        label = Some(title.map_or(place.clone(), |t| format!("{t}\n{place}")));
    }
    if class
        .as_deref()
        .is_some_and(|c| c == "Statement" || c == "Proposal")
    {
        let act = store
            .quads_for_pattern(
                Some(n.as_ref().into()),
                Some(NamedNodeRef::new_unchecked(dg::ACT_PROP)),
                None,
                None,
            )
            .flatten()
            .next()
            .map(|q| {
                local(&q.object.to_string())
                    .trim_end_matches('>')
                    .to_string()
            });
        label = act.map(|a| format!("{a}: {}", label.unwrap_or_default()));
    }
    Node {
        label: label.unwrap_or_else(|| crate::sparql::query::compact(n.as_str())),
        class,
    }
}

/// DOT text for `triples`. Triples about NIF plumbing are dropped unless `nif` is set;
/// literals other than labels are left out.
pub fn to_dot(store: &Store, triples: &[Triple], nif: bool) -> String {
    let keep = |t: &Triple| {
        let p = t.predicate.as_str();
        let plumbing = p.starts_with(nif::NS)
            || p.starts_with(itsrdf::NS)
            || p == dg::RULE
            || p == dg::SENTENCE;
        (nif || !plumbing)
            && matches!(t.object, Term::NamedNode(_))
            && p != rdf::TYPE
            && !p.starts_with(rdfs::NS)
    };
    let edges: BTreeSet<(String, String, String)> = triples
        .iter()
        .filter(|t| keep(t))
        .map(|t| {
            (
                t.subject.to_string(),
                t.predicate.as_str().to_string(),
                t.object.to_string(),
            )
        })
        .collect();
    let mut terms: BTreeMap<String, Term> = BTreeMap::new();
    for t in triples.iter().filter(|t| keep(t)) {
        terms
            .entry(t.subject.to_string())
            .or_insert_with(|| t.subject.clone().into());
        terms
            .entry(t.object.to_string())
            .or_insert_with(|| t.object.clone());
    }
    let mut graph: DiGraph<Node, String> = DiGraph::new();
    let mut index = BTreeMap::new();
    for (key, term) in &terms {
        index.insert(key.clone(), graph.add_node(describe(store, term)));
    }
    for (s, p, o) in &edges {
        graph.add_edge(index[s], index[o], local(p).to_string());
    }
    let dot = Dot::with_attr_getters(
        &graph,
        &[Config::NodeNoLabel, Config::EdgeNoLabel],
        &|_, e| format!("label = \"{}\" fontsize = 10", escape(e.weight())),
        &|_, (_, n)| {
            let (shape, color) = style(n.class.as_deref());
            format!(
                "label = \"{}\" shape = {shape} style = filled fillcolor = \"{color}\" fontname = \"WenQuanYi Zen Hei\"",
                escape(&n.label)
            )
        },
    );
    format!("{dot:?}").replacen(
        "digraph {",
        "digraph diplograph {\n    rankdir = LR\n    node [fontsize = 11]",
        1,
    )
}

/// The store's relations between entities (every graph), as triples.
pub fn relation_triples(store: &Store) -> Vec<Triple> {
    let mut out = BTreeMap::new();
    for p in Property::ALL {
        for q in store
            .quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(p.iri())), None, None)
            .flatten()
        {
            // what the documents state, not lexicon knowledge or statements' dates
            let graph = q.graph_name.to_string();
            if graph == format!("<{}>", crate::graph::LEXICON) || graph.ends_with("/statements>") {
                continue;
            }
            let t = Triple::from(q);
            out.insert(t.to_string(), t);
        }
    }
    out.into_values().collect()
}

/// Relations (and, with `statements`, the statements) within `depth` steps of the
/// entity whose label or alternative label is `name`.
pub fn neighbourhood(
    store: &Store,
    name: &str,
    depth: usize,
    statements: bool,
) -> Option<Vec<Triple>> {
    let start = find_entity(store, name)?;
    let mut all = relation_triples(store);
    if statements {
        all.extend(statement_triples(store));
    }
    let mut reached: BTreeSet<String> = BTreeSet::from([start]);
    let mut keep: BTreeMap<String, Triple> = BTreeMap::new();
    for _ in 0..depth {
        let mut next = reached.clone();
        for t in &all {
            let (s, o) = (t.subject.to_string(), t.object.to_string());
            if reached.contains(&s) || reached.contains(&o) {
                keep.insert(t.to_string(), t.clone());
                next.insert(s);
                next.insert(o);
            }
        }
        reached = next;
    }
    Some(keep.into_values().collect())
}

/// actor → statement → concerns, for every statement.
pub fn statement_triples(store: &Store) -> Vec<Triple> {
    let mut out = Vec::new();
    for p in [dg::ACTOR, dg::CONCERNS] {
        for q in store
            .quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(p)), None, None)
            .flatten()
        {
            out.push(Triple::from(q));
        }
    }
    out.sort_by_key(|t| t.to_string());
    out.dedup();
    out
}

fn find_entity(store: &Store, name: &str) -> Option<String> {
    for p in [rdfs::LABEL, crate::vocab::skos::ALT_LABEL] {
        for q in store
            .quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(p)), None, None)
            .flatten()
        {
            if let Term::Literal(l) = &q.object
                && l.value() == name
            {
                return Some(q.subject.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_keeps_dot_valid() {
        assert_eq!(escape("a\"b\\c\nd\re"), "a\\\"b\\\\c\\nde");
        assert_eq!(escape("{<html>}"), "{<html>}");
    }
}
