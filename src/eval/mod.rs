//! Evaluation: an extractor's RDF against a gold annotation, scored exactly as
//! SCHEMA.md "Gold files" says (and as the reference scorer `score.py` does).
//!
//! In: a gold file (`NAME.gold.json`) and either the source text (extracted here) or an
//! RDF file. Out: a [`Report`] — precision, recall and F1 per entity class, micro over
//! entities, for relations (document fields included), statements, proposals and
//! concerns — plus broken mentions and contract problems. Matching is one to one, by
//! maximum bipartite matching; names compare after NFKC and after removing white space,
//! 《》〈〉<>, and quotes. Items marked `optional` count neither way.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use oxigraph::io::RdfParser;
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Position, Result};
use crate::vocab::{dg, itsrdf, nif, rdf, rdfs, skos};

const CLASSES: [&str; 8] = [
    "State",
    "Organization",
    "Agreement",
    "Person",
    "Place",
    "Event",
    "Date",
    "MonetaryAmount",
];
const RELATIONS: [&str; 7] = [
    "memberOf",
    "chairOf",
    "headOf",
    "subOrganizationOf",
    "signatory",
    "date",
    "location",
];
const DOC_FIELDS: [&str; 5] = ["author", "date", "location", "deliveredAt", "signatory"];
const PROPOSAL_ACTS: [&str; 4] = ["Propose", "CallFor", "Decide", "Commit"];
const ACTS: [&str; 9] = [
    "Propose", "CallFor", "Decide", "Commit", "Support", "Welcome", "Praise", "Affirm", "Oppose",
];

/// A gold file (SCHEMA.md "Gold files").
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub source: String,
    #[serde(default)]
    pub documents: Vec<GoldDocument>,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    #[serde(default)]
    pub statements: Vec<GoldStatement>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDocument {
    pub seq: i64,
    pub kind: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub location: Option<String>,
    #[serde(rename = "deliveredAt")]
    pub delivered_at: Option<String>,
    #[serde(default)]
    pub signatories: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    #[serde(rename = "type")]
    pub class: String,
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    pub s: String,
    pub p: String,
    pub o: String,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldStatement {
    pub doc: i64,
    pub actor: String,
    pub act: String,
    pub snippet: String,
    #[serde(default)]
    pub concerns: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

impl Gold {
    /// Reads and checks a gold file; errors name the file, line and column.
    pub fn load(path: &Path) -> Result<Gold> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = crate::input::decode(path, &bytes, Some(encoding_rs::UTF_8))?.text;
        Gold::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Gold> {
        let gold: Gold = serde_json::from_str(text).map_err(|e| {
            Error::gold(
                path,
                Some(Position::of_line_column(text, e.line(), e.column())),
                format!("not a gold file: {e}; see SCHEMA.md \"Gold files\""),
            )
        })?;
        let at = |needle: &str| {
            let quoted = serde_json::to_string(needle).unwrap_or_default();
            text.find(&quoted).map(|b| Position::of_byte(text, b))
        };
        for e in &gold.entities {
            if !CLASSES.contains(&e.class.as_str()) {
                return Err(Error::input(
                    path,
                    at(&e.class),
                    format!(
                        "entity {:?} has unknown type {:?}; use one of {}",
                        e.label,
                        e.class,
                        CLASSES.join(", ")
                    ),
                ));
            }
        }
        for r in &gold.relations {
            if !RELATIONS.contains(&r.p.as_str()) {
                return Err(Error::input(
                    path,
                    at(&r.p),
                    format!(
                        "relation {:?} {:?} {:?}: unknown property; use one of {}",
                        r.s,
                        r.p,
                        r.o,
                        RELATIONS.join(", ")
                    ),
                ));
            }
        }
        for s in &gold.statements {
            if !ACTS.contains(&s.act.as_str()) {
                return Err(Error::input(
                    path,
                    at(&s.snippet),
                    format!(
                        "statement {:?}: unknown act {:?}; use one of {}",
                        s.snippet,
                        s.act,
                        ACTS.join(", ")
                    ),
                ));
            }
        }
        Ok(gold)
    }
}

/// Precision, recall and F1 of one count.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub system: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missed: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spurious: Option<Vec<String>>,
}

fn prf(tp: usize, system: usize, gold: usize) -> Prf {
    let p = if system > 0 {
        tp as f64 / system as f64
    } else if gold == 0 {
        1.0
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else if system == 0 {
        1.0
    } else {
        0.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        tp,
        system,
        gold,
        precision: p,
        recall: r,
        f1,
        missed: None,
        spurious: None,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Mentions {
    pub checked: usize,
    pub broken: usize,
}

/// The scores of one output against one gold file.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub mentions: Mentions,
    pub entities: BTreeMap<String, Prf>,
    pub entities_micro: Prf,
    pub relations: Prf,
    pub statements: Prf,
    pub proposals: Prf,
    pub concerns: Prf,
    pub problems: Vec<String>,
}

/// Names as the scorer compares them.
pub fn norm(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !"《》〈〉<>“”\"'‘’「」『』".contains(*c))
        .collect()
}

/// The quads in an index for the scorer's look-ups.
struct Output {
    quads: Vec<Quad>,
    by_sp: HashMap<(String, String), Vec<Term>>,
    by_po: HashMap<(String, String), Vec<NamedOrBlankNode>>,
    problems: Vec<String>,
}

fn key(t: &impl ToString) -> String {
    t.to_string()
}

impl Output {
    fn new(quads: Vec<Quad>) -> Output {
        let mut by_sp: HashMap<(String, String), Vec<Term>> = HashMap::new();
        let mut by_po: HashMap<(String, String), Vec<NamedOrBlankNode>> = HashMap::new();
        let mut seen = BTreeSet::new();
        for q in &quads {
            // the union of the graphs: each triple once
            if !seen.insert((key(&q.subject), key(&q.predicate), key(&q.object))) {
                continue;
            }
            by_sp
                .entry((key(&q.subject), q.predicate.as_str().to_string()))
                .or_default()
                .push(q.object.clone());
            by_po
                .entry((q.predicate.as_str().to_string(), key(&q.object)))
                .or_default()
                .push(q.subject.clone());
        }
        Output {
            quads,
            by_sp,
            by_po,
            problems: Vec::new(),
        }
    }

    fn objects(&self, s: &str, p: &str) -> &[Term] {
        self.by_sp
            .get(&(s.to_string(), p.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    fn one(&self, s: &str, p: &str) -> Option<&Term> {
        self.objects(s, p).first()
    }

    fn subjects(&self, p: &str, o: &str) -> &[NamedOrBlankNode] {
        self.by_po
            .get(&(p.to_string(), o.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    fn subjects_with(&self, p: &str) -> BTreeSet<String> {
        self.by_po
            .iter()
            .filter(|((pp, _), _)| pp == p)
            .flat_map(|(_, v)| v.iter().map(key))
            .collect()
    }
}

fn iri_term(iri: &str) -> String {
    format!("<{iri}>")
}

fn lit(t: &Term) -> Option<String> {
    match t {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    }
}

fn local(iri: &str) -> String {
    let s = iri.trim_start_matches('<').trim_end_matches('>');
    let s = s.rsplit('#').next().unwrap_or(s);
    s.rsplit('/').next().unwrap_or(s).to_string()
}

struct SysEntity {
    class: &'static str,
    names: BTreeSet<String>,
    value: Option<String>,
    currency: Option<String>,
}

/// One-to-one matching of largest size (augmenting paths), left index → right index.
fn max_matching<L, R>(
    left: &[L],
    right: &[R],
    edge: impl Fn(&L, &R) -> bool,
) -> BTreeMap<usize, usize> {
    let adj: Vec<Vec<usize>> = left
        .iter()
        .map(|l| (0..right.len()).filter(|&j| edge(l, &right[j])).collect())
        .collect();
    let mut owner: HashMap<usize, usize> = HashMap::new();
    fn augment(
        i: usize,
        adj: &[Vec<usize>],
        owner: &mut HashMap<usize, usize>,
        seen: &mut BTreeSet<usize>,
    ) -> bool {
        for &j in &adj[i] {
            if !seen.insert(j) {
                continue;
            }
            let free = match owner.get(&j) {
                None => true,
                Some(&k) => augment(k, adj, owner, seen),
            };
            if free {
                owner.insert(j, i);
                return true;
            }
        }
        false
    }
    for i in 0..left.len() {
        augment(i, &adj, &mut owner, &mut BTreeSet::new());
    }
    owner.into_iter().map(|(j, i)| (i, j)).collect()
}

fn number(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

/// Scores `quads` against `gold`.
pub fn score(gold: &Gold, quads: Vec<Quad>) -> Report {
    let mut out = Output::new(quads);
    let type_p = rdf::TYPE;
    let mentioned: BTreeSet<String> = out
        .by_po
        .iter()
        .filter(|((p, _), _)| p == itsrdf::TA_IDENT_REF)
        .map(|((_, o), _)| o.clone())
        .collect();

    // entities
    let mut ents: BTreeMap<String, SysEntity> = BTreeMap::new();
    for cls in CLASSES {
        let typed: BTreeSet<String> = out
            .subjects(type_p, &iri_term(&format!("{}{cls}", dg::NS)))
            .iter()
            .map(key)
            .collect();
        for e in typed.intersection(&mentioned) {
            if let Some(have) = ents.get(e) {
                let msg = format!(
                    "{} has two entity classes: {} and {cls}",
                    e.trim_matches(['<', '>']),
                    have.class
                );
                out.problems.push(msg);
                continue;
            }
            let mut names: BTreeSet<String> = [rdfs::LABEL, skos::ALT_LABEL]
                .iter()
                .flat_map(|p| out.objects(e, p))
                .filter_map(lit)
                .map(|s| norm(&s))
                .collect();
            for m in out.subjects(itsrdf::TA_IDENT_REF, e) {
                for a in out.objects(&key(m), nif::ANCHOR_OF) {
                    if let Some(a) = lit(a) {
                        names.insert(norm(&a));
                    }
                }
            }
            names.remove("");
            let value = out.one(e, dg::VALUE).and_then(lit);
            let currency = out.one(e, dg::CURRENCY).and_then(lit);
            ents.insert(
                e.clone(),
                SysEntity {
                    class: cls,
                    names,
                    value,
                    currency,
                },
            );
        }
    }

    // mentions
    let (mut checked, mut broken) = (0, 0);
    let mut contexts: HashMap<String, Option<Vec<char>>> = HashMap::new();
    for m in out.subjects_with(nif::ANCHOR_OF) {
        let Some(ctx) = out.one(&m, nif::REFERENCE_CONTEXT).map(key) else {
            continue;
        };
        checked += 1;
        let text = contexts
            .entry(ctx.clone())
            .or_insert_with(|| {
                out.one(&ctx, nif::IS_STRING)
                    .and_then(lit)
                    .map(|s| s.chars().collect())
            })
            .clone();
        let b = out
            .one(&m, nif::BEGIN_INDEX)
            .and_then(lit)
            .and_then(|v| v.parse::<usize>().ok());
        let e = out
            .one(&m, nif::END_INDEX)
            .and_then(lit)
            .and_then(|v| v.parse::<usize>().ok());
        let a = out.one(&m, nif::ANCHOR_OF).and_then(lit);
        let ok = match (text, b, e, &a) {
            (Some(t), Some(b), Some(e), Some(a)) if b <= e && e <= t.len() => {
                t[b..e].iter().collect::<String>() == *a
            }
            (Some(t), Some(b), Some(_), Some(a)) if b >= t.len() => a.is_empty(),
            _ => false,
        };
        if !ok {
            broken += 1;
            if broken <= 5 {
                let shown: String = a.unwrap_or_default().chars().take(30).collect();
                out.problems.push(format!(
                    "mention {}: anchorOf {shown:?} is not isString[{}:{}]",
                    m.trim_matches(['<', '>']),
                    b.map_or("None".into(), |v| v.to_string()),
                    e.map_or("None".into(), |v| v.to_string())
                ));
            }
        }
    }

    let mut sys_to_gold: HashMap<String, Option<String>> = HashMap::new();
    let mut per_class = BTreeMap::new();
    let (mut tp_all, mut sys_all, mut gold_all) = (0, 0, 0);
    for cls in CLASSES {
        let golds: Vec<&GoldEntity> = gold.entities.iter().filter(|g| g.class == cls).collect();
        let syss: Vec<&String> = ents
            .iter()
            .filter(|(_, v)| v.class == cls)
            .map(|(k, _)| k)
            .collect();
        let edge = |s: &&String, g: &&GoldEntity| {
            let v = &ents[*s];
            match cls {
                "Date" => v.value.as_deref() == Some(g.label.as_str()),
                "MonetaryAmount" => {
                    let mut parts = g.label.split_whitespace();
                    let (val, cur) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                    v.value
                        .as_deref()
                        .and_then(number)
                        .is_some_and(|x| Some(x) == number(val))
                        && v.currency.as_deref().unwrap_or("") == cur
                }
                _ => std::iter::once(&g.label)
                    .chain(&g.aliases)
                    .any(|n| v.names.contains(&norm(n))),
            }
        };
        let matching = max_matching(&syss, &golds, edge);
        let tp = matching.values().filter(|&&j| !golds[j].optional).count();
        for (&i, &j) in &matching {
            sys_to_gold.insert(
                syss[i].clone(),
                (!golds[j].optional).then(|| golds[j].label.clone()),
            );
        }
        let n_sys = syss.len() - matching.values().filter(|&&j| golds[j].optional).count();
        let n_gold = golds.iter().filter(|g| !g.optional).count();
        let matched: BTreeSet<usize> = matching.values().copied().collect();
        let mut r = prf(tp, n_sys, n_gold);
        r.missed = Some(
            golds
                .iter()
                .enumerate()
                .filter(|(j, g)| !matched.contains(j) && !g.optional)
                .map(|(_, g)| g.label.clone())
                .collect(),
        );
        let mut spurious: Vec<String> = syss
            .iter()
            .enumerate()
            .filter(|(i, _)| !matching.contains_key(i))
            .map(|(_, s)| {
                let v = &ents[*s];
                if matches!(cls, "Date" | "MonetaryAmount") {
                    v.value.clone().unwrap_or_else(|| "None".into())
                } else {
                    v.names
                        .iter()
                        .min_by_key(|n| n.chars().count())
                        .cloned()
                        .unwrap_or_else(|| s.trim_matches(['<', '>']).to_string())
                }
            })
            .collect();
        spurious.sort();
        r.spurious = Some(spurious);
        tp_all += tp;
        sys_all += n_sys;
        gold_all += n_gold;
        per_class.insert(cls.to_string(), r);
    }
    let optional: BTreeSet<&str> = gold
        .entities
        .iter()
        .filter(|g| g.optional)
        .map(|g| g.label.as_str())
        .collect();
    let label = |node: &Term| -> Option<String> {
        let k = key(node);
        match sys_to_gold.get(&k) {
            Some(g) => g.clone(),
            None => match node {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => Some(format!("?{}", k.trim_matches(['<', '>']))),
            },
        }
    };

    // relations and document fields
    let docs: BTreeMap<i64, String> = out
        .subjects_with(dg::SEQUENCE)
        .into_iter()
        .filter_map(|d| {
            out.one(&d, dg::SEQUENCE)
                .and_then(lit)
                .and_then(|s| s.parse().ok())
                .map(|n| (n, d))
        })
        .collect();
    let doc_iris: BTreeSet<&String> = docs.values().collect();
    let mut sys_rel: BTreeSet<(String, String, String)> = BTreeSet::new();
    for p in RELATIONS {
        let pred = format!("{}{p}", dg::NS);
        for q in out.quads.iter().filter(|q| q.predicate.as_str() == pred) {
            let g = q.graph_name.to_string();
            if doc_iris.contains(&key(&q.subject)) || !doc_iris.contains(&g) {
                continue;
            }
            let (Some(ls), Some(lo)) = (label(&Term::from(q.subject.clone())), label(&q.object))
            else {
                continue;
            };
            sys_rel.insert((ls, p.to_string(), lo));
        }
    }
    for (seq, d) in &docs {
        for p in DOC_FIELDS {
            for o in out.objects(d, &format!("{}{p}", dg::NS)) {
                if let Some(lo) = label(o) {
                    sys_rel.insert((format!("@doc{seq}"), p.to_string(), lo));
                }
            }
        }
        for kind in ["Speech", "Declaration"] {
            if out
                .objects(d, type_p)
                .iter()
                .any(|t| key(t) == iri_term(&format!("{}{kind}", dg::NS)))
            {
                sys_rel.insert((format!("@doc{seq}"), "kind".into(), kind.into()));
            }
        }
    }
    let mut gold_rel: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut optional_rel: BTreeSet<(String, String, String)> = BTreeSet::new();
    for r in &gold.relations {
        let t = (r.s.clone(), r.p.clone(), r.o.clone());
        if r.optional || optional.contains(r.s.as_str()) || optional.contains(r.o.as_str()) {
            optional_rel.insert(t);
        } else {
            gold_rel.insert(t);
        }
    }
    sys_rel.retain(|t| !optional_rel.contains(t));
    for d in &gold.documents {
        let seq = format!("@doc{}", d.seq);
        if let Some(k) = d
            .kind
            .as_deref()
            .filter(|k| matches!(*k, "Speech" | "Declaration"))
        {
            gold_rel.insert((seq.clone(), "kind".into(), k.into()));
        }
        for (p, v) in [
            ("author", &d.author),
            ("date", &d.date),
            ("location", &d.location),
            ("deliveredAt", &d.delivered_at),
        ] {
            if let Some(v) = v
                .as_ref()
                .filter(|v| !v.is_empty() && !optional.contains(v.as_str()))
            {
                gold_rel.insert((seq.clone(), p.into(), v.clone()));
            }
        }
        for s in &d.signatories {
            gold_rel.insert((seq.clone(), "signatory".into(), s.clone()));
        }
    }
    let tp = sys_rel.intersection(&gold_rel).count();
    let mut relations = prf(tp, sys_rel.len(), gold_rel.len());
    relations.missed = Some(
        gold_rel
            .difference(&sys_rel)
            .map(|(s, p, o)| format!("{s} {p} {o}"))
            .collect(),
    );
    relations.spurious = Some(
        sys_rel
            .difference(&gold_rel)
            .map(|(s, p, o)| format!("{s} {p} {o}"))
            .collect(),
    );

    // statements
    struct SysStatement {
        doc: Option<i64>,
        actor: Option<String>,
        act: String,
        text: String,
        concerns: BTreeSet<String>,
        proposal: bool,
    }
    let seq_of: HashMap<&String, i64> = docs.iter().map(|(s, d)| (d, *s)).collect();
    let statement_type = iri_term(dg::STATEMENT);
    let proposal_type = iri_term(dg::PROPOSAL);
    let syss: Vec<SysStatement> = out
        .subjects(type_p, &statement_type)
        .iter()
        .map(key)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|st| {
            let sent = out.one(&st, dg::SENTENCE).map(key);
            let text = sent
                .as_ref()
                .and_then(|s| out.one(s, nif::ANCHOR_OF))
                .and_then(lit);
            let ctx = sent
                .as_ref()
                .and_then(|s| out.one(s, nif::REFERENCE_CONTEXT))
                .map(key);
            let actor = match out.one(&st, dg::ACTOR) {
                Some(a) => label(a),
                None => Some("?".into()),
            };
            SysStatement {
                doc: ctx.as_ref().and_then(|c| seq_of.get(c).copied()),
                actor,
                act: out
                    .one(&st, dg::ACT_PROP)
                    .map(|a| local(&key(a)))
                    .unwrap_or_default(),
                text: norm(text.as_deref().unwrap_or("")),
                concerns: out
                    .objects(&st, dg::CONCERNS)
                    .iter()
                    .filter_map(label)
                    .collect(),
                proposal: out
                    .objects(&st, type_p)
                    .iter()
                    .any(|t| key(t) == proposal_type),
            }
        })
        .collect();
    let golds = &gold.statements;
    let raw = max_matching(&syss, golds, |s, g| {
        s.doc == Some(g.doc)
            && s.actor.as_deref() == Some(g.actor.as_str())
            && s.act == g.act
            && s.text.contains(&norm(&g.snippet))
    });
    let dropped: BTreeSet<usize> = raw
        .iter()
        .filter(|(_, j)| golds[**j].optional)
        .map(|(i, _)| *i)
        .collect();
    let keep: Vec<usize> = (0..syss.len()).filter(|i| !dropped.contains(i)).collect();
    let pairs: Vec<(&SysStatement, &GoldStatement)> = keep
        .iter()
        .filter_map(|i| raw.get(i).map(|j| (&syss[*i], &golds[*j])))
        .collect();
    let required: Vec<&GoldStatement> = golds.iter().filter(|g| !g.optional).collect();
    let matched_gold: BTreeSet<*const GoldStatement> =
        pairs.iter().map(|(_, g)| *g as *const _).collect();
    let mut statements = prf(pairs.len(), keep.len(), required.len());
    statements.missed = Some(
        required
            .iter()
            .filter(|g| !matched_gold.contains(&(**g as *const _)))
            .map(|g| format!("{} {} {} {}", g.doc, g.actor, g.act, g.snippet))
            .collect(),
    );
    statements.spurious = Some(
        keep.iter()
            .filter(|i| !raw.contains_key(i))
            .map(|&i| {
                let s = &syss[i];
                let doc = s.doc.map_or("None".into(), |d| d.to_string());
                format!(
                    "{doc} {} {} {}",
                    s.actor.as_deref().unwrap_or("None"),
                    s.act,
                    s.text.chars().take(30).collect::<String>()
                )
            })
            .collect(),
    );
    let kept: Vec<&SysStatement> = keep.iter().map(|&i| &syss[i]).collect();
    let proposals = prf(
        pairs
            .iter()
            .filter(|(_, g)| PROPOSAL_ACTS.contains(&g.act.as_str()))
            .count(),
        kept.iter()
            .filter(|s| PROPOSAL_ACTS.contains(&s.act.as_str()))
            .count(),
        required
            .iter()
            .filter(|g| PROPOSAL_ACTS.contains(&g.act.as_str()))
            .count(),
    );
    let untyped = kept
        .iter()
        .filter(|s| PROPOSAL_ACTS.contains(&s.act.as_str()) && !s.proposal)
        .count();
    if untyped > 0 {
        out.problems.push(format!(
            "{untyped} forward-looking statements are not typed dg:Proposal"
        ));
    }
    let (mut ctp, mut csys, mut cgold) = (0, 0, 0);
    for (s, g) in &pairs {
        let gc: BTreeSet<&str> = g
            .concerns
            .iter()
            .map(String::as_str)
            .filter(|c| !optional.contains(c))
            .collect();
        ctp += s
            .concerns
            .iter()
            .filter(|c| gc.contains(c.as_str()))
            .count();
        csys += s
            .concerns
            .iter()
            .filter(|c| !optional.contains(c.as_str()))
            .count();
        cgold += gc.len();
    }
    Report {
        mentions: Mentions { checked, broken },
        entities: per_class,
        entities_micro: prf(tp_all, sys_all, gold_all),
        relations,
        statements,
        proposals,
        concerns: prf(ctp, csys, cgold),
        problems: out.problems,
    }
}

impl Report {
    /// Does the output break the mention invariant or the contract?
    pub fn is_broken(&self) -> bool {
        self.mentions.broken > 0 || !self.problems.is_empty()
    }

    /// The report as `score.py` prints it.
    pub fn text(&self, details: bool) -> String {
        let mut s = String::new();
        let row = |s: &mut String, name: &str, r: &Prf| {
            s.push_str(&format!(
                "{name:<16} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, system {}, gold {})\n",
                r.precision, r.recall, r.f1, r.tp, r.system, r.gold
            ));
        };
        for cls in CLASSES {
            row(&mut s, cls, &self.entities[cls]);
        }
        row(&mut s, "entities", &self.entities_micro);
        row(&mut s, "relations", &self.relations);
        row(&mut s, "statements", &self.statements);
        row(&mut s, "proposals", &self.proposals);
        row(&mut s, "concerns", &self.concerns);
        s.push_str(&format!(
            "mentions         {} checked, {} broken\n",
            self.mentions.checked, self.mentions.broken
        ));
        if details {
            for cls in CLASSES {
                let r = &self.entities[cls];
                for x in r.missed.iter().flatten() {
                    s.push_str(&format!("missed   {cls:<14} {x}\n"));
                }
                for x in r.spurious.iter().flatten() {
                    s.push_str(&format!("spurious {cls:<14} {x}\n"));
                }
            }
            for (k, r) in [
                ("relations", &self.relations),
                ("statements", &self.statements),
            ] {
                for x in r.missed.iter().flatten() {
                    s.push_str(&format!("missed   {k:<14} {x}\n"));
                }
                for x in r.spurious.iter().flatten() {
                    s.push_str(&format!("spurious {k:<14} {x}\n"));
                }
            }
        }
        for p in &self.problems {
            s.push_str(&format!("problem: {p}\n"));
        }
        s
    }
}

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

/// `diplograph eval`: extracts (or reads) the input, scores it and prints the report;
/// fails when the output breaks the contract.
pub fn run(
    extractor: &crate::Extractor,
    gold_path: &Path,
    input: Option<&Path>,
    details: bool,
    json: bool,
) -> anyhow::Result<()> {
    let gold = Gold::load(gold_path)?;
    let input: PathBuf = match input {
        Some(p) => p.to_path_buf(),
        None => {
            let beside = gold_path
                .parent()
                .unwrap_or(Path::new("."))
                .join(&gold.source);
            let candidates = [
                beside.clone(),
                gold_path
                    .parent()
                    .unwrap_or(Path::new("."))
                    .join("../corpus")
                    .join(&gold.source),
                Path::new("data/corpus").join(&gold.source),
            ];
            candidates.into_iter().find(|p| p.exists()).ok_or_else(|| {
                anyhow::anyhow!(
                    "{}: cannot find its source {:?}; name it: diplograph eval --gold G INPUT",
                    gold_path.display(),
                    gold.source
                )
            })?
        }
    };
    let is_rdf = matches!(
        input.extension().and_then(|e| e.to_str()),
        Some("nq" | "trig" | "nt" | "ttl" | "jsonld" | "rdf")
    );
    let quads = if is_rdf {
        read_rdf(&input)?
    } else {
        let source = crate::input::read(&input)?;
        crate::build_source(extractor, &source).quads
    };
    let report = score(&gold, quads);
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.text(details));
    }
    if report.is_broken() {
        anyhow::bail!("the output breaks the contract (see the problems above)");
    }
    Ok(())
}
