//! Scoring: an extractor's quads against a gold file, part by part, exactly as SCHEMA.md
//! "Gold files" says (and as `score.py` does).
//!
//! In: a [`Gold`] and the quads of the output. Out: a [`Report`]. Guarantees: matching
//! is one to one, by maximum bipartite matching; names compare after [`norm`]; items
//! marked `optional` count neither way; system entities are those with a class and a
//! mention, and the union of the graphs is read (each triple once), except that
//! relations count only in a document's own graph. Problems are listed in the order the
//! parts are scored: entity classes, mentions, proposals.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use unicode_normalization::UnicodeNormalization;

use super::gold::{
    Gold, GoldEntity, GoldStatement, classes, doc_fields, is_proposal, relation_names,
};
use super::report::{Mentions, Prf, Report};
use crate::vocab::{dg, itsrdf, nif, rdf, rdfs, skos};

/// Names as the scorer compares them: NFKC, without white space, 《》〈〉<> or quotes.
pub fn norm(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !"《》〈〉<>“”\"'‘’「」『』".contains(*c))
        .collect()
}

/// Scores `quads` against `gold`.
pub fn score(gold: &Gold, quads: Vec<Quad>) -> Report {
    let mut out = Output::new(quads);
    let ents = system_entities(&mut out);
    let mentions = mentions(&mut out);
    let entities = entities(gold, &ents);
    let labels = Labels {
        sys_to_gold: &entities.sys_to_gold,
        optional: gold
            .entities
            .iter()
            .filter(|g| g.optional)
            .map(|g| g.label.as_str())
            .collect(),
    };
    let docs = documents(&out);
    let relations = relations(gold, &out, &docs, &labels);
    let syss = system_statements(&out, &docs, &labels);
    let matched = StatementMatch::new(&syss, &gold.statements);
    let untyped = matched.untyped_proposals();
    if untyped > 0 {
        out.problems.push(format!(
            "{untyped} forward-looking statements are not typed dg:Proposal"
        ));
    }
    Report {
        mentions,
        entities: entities.per_class,
        entities_micro: entities.micro,
        relations,
        statements: matched.statements(),
        proposals: matched.proposals(),
        concerns: matched.concerns(&labels.optional),
        problems: out.problems,
    }
}

/// The quads in an index for the scorer's look-ups, and the problems found so far.
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

    /// Does `s` have the type `dg:{class}`?
    fn has_type(&self, s: &str, class: &str) -> bool {
        let class = iri_term(&format!("{}{class}", dg::NS));
        self.objects(s, rdf::TYPE).iter().any(|t| key(t) == class)
    }

    /// The literal value of `s`'s first `p`.
    fn literal(&self, s: &str, p: &str) -> Option<String> {
        self.one(s, p).and_then(lit)
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

fn number(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
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

/// An entity of the output: its class, its names (labels and anchors, normalised) and,
/// for dates and sums, its value and currency.
struct SysEntity {
    class: &'static str,
    names: BTreeSet<String>,
    value: Option<String>,
    currency: Option<String>,
}

impl SysEntity {
    /// How a spurious entity is listed: its value, or its shortest name, else its IRI.
    fn shown(&self, iri: &str) -> String {
        if matches!(self.class, "Date" | "MonetaryAmount") {
            return self.value.clone().unwrap_or_else(|| "None".into());
        }
        self.names
            .iter()
            .min_by_key(|n| n.chars().count())
            .cloned()
            .unwrap_or_else(|| iri.trim_matches(['<', '>']).to_string())
    }

    /// Does this entity match the gold entity `g` of its class?
    fn matches(&self, g: &GoldEntity) -> bool {
        match self.class {
            "Date" => self.value.as_deref() == Some(g.label.as_str()),
            "MonetaryAmount" => {
                let mut parts = g.label.split_whitespace();
                let (val, cur) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                self.value
                    .as_deref()
                    .and_then(number)
                    .is_some_and(|x| Some(x) == number(val))
                    && self.currency.as_deref().unwrap_or("") == cur
            }
            _ => std::iter::once(&g.label)
                .chain(&g.aliases)
                .any(|n| self.names.contains(&norm(n))),
        }
    }
}

/// The output's entities by IRI: nodes with an entity class that some mention
/// identifies. A node with two classes keeps the first (in [`classes`] order) and is a
/// problem.
fn system_entities(out: &mut Output) -> BTreeMap<String, SysEntity> {
    let mentioned: BTreeSet<String> = out
        .by_po
        .iter()
        .filter(|((p, _), _)| p == itsrdf::TA_IDENT_REF)
        .map(|((_, o), _)| o.clone())
        .collect();
    let mut ents: BTreeMap<String, SysEntity> = BTreeMap::new();
    for cls in classes() {
        let typed: BTreeSet<String> = out
            .subjects(rdf::TYPE, &iri_term(&format!("{}{cls}", dg::NS)))
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
            ents.insert(e.clone(), system_entity(out, e, cls));
        }
    }
    ents
}

/// The entity `e` of class `cls`: its names are its labels and its mentions' anchors.
fn system_entity(out: &Output, e: &str, cls: &'static str) -> SysEntity {
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
    SysEntity {
        class: cls,
        names,
        value: out.literal(e, dg::VALUE),
        currency: out.literal(e, dg::CURRENCY),
    }
}

/// Checks every mention with a context: its anchor must be the context's text between
/// its begin and end (code points). The first five broken ones are problems.
fn mentions(out: &mut Output) -> Mentions {
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
                out.literal(&ctx, nif::IS_STRING)
                    .map(|s| s.chars().collect())
            })
            .clone();
        let index = |p| out.literal(&m, p).and_then(|v| v.parse::<usize>().ok());
        let (b, e) = (index(nif::BEGIN_INDEX), index(nif::END_INDEX));
        let a = out.literal(&m, nif::ANCHOR_OF);
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
    Mentions { checked, broken }
}

/// The entity scores, and which gold label each matched system entity took (`None`
/// for an optional gold entity).
struct EntityScores {
    per_class: BTreeMap<String, Prf>,
    micro: Prf,
    sys_to_gold: HashMap<String, Option<String>>,
}

fn entities(gold: &Gold, ents: &BTreeMap<String, SysEntity>) -> EntityScores {
    let mut scores = EntityScores {
        per_class: BTreeMap::new(),
        micro: Prf::new(0, 0, 0),
        sys_to_gold: HashMap::new(),
    };
    for cls in classes() {
        let r = entity_class(gold, ents, cls, &mut scores.sys_to_gold);
        scores.per_class.insert(cls.to_string(), r);
    }
    scores.micro = Prf::micro(scores.per_class.values());
    scores
}

/// The scores of one class: system and gold entities matched one to one; a system
/// entity matched to an optional gold one counts neither way.
fn entity_class(
    gold: &Gold,
    ents: &BTreeMap<String, SysEntity>,
    cls: &str,
    sys_to_gold: &mut HashMap<String, Option<String>>,
) -> Prf {
    let golds: Vec<&GoldEntity> = gold.entities.iter().filter(|g| g.class == cls).collect();
    let syss: Vec<&String> = ents
        .iter()
        .filter(|(_, v)| v.class == cls)
        .map(|(k, _)| k)
        .collect();
    let matching = max_matching(&syss, &golds, |s, g| ents[*s].matches(g));
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
    let mut r = Prf::new(tp, n_sys, n_gold);
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
        .map(|(_, s)| ents[*s].shown(s))
        .collect();
    spurious.sort();
    r.spurious = Some(spurious);
    r
}

/// How the output's nodes are named for comparing relations and statements: a matched
/// entity by its gold label, a literal by its value, anything else as `?IRI`.
struct Labels<'a> {
    sys_to_gold: &'a HashMap<String, Option<String>>,
    /// The labels of the optional gold entities.
    optional: BTreeSet<&'a str>,
}

impl Labels<'_> {
    /// `None` for an entity matched to an optional gold entity.
    fn of(&self, node: &Term) -> Option<String> {
        let k = key(node);
        match self.sys_to_gold.get(&k) {
            Some(g) => g.clone(),
            None => match node {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => Some(format!("?{}", k.trim_matches(['<', '>']))),
            },
        }
    }
}

/// The output's documents: their sequence number → their IRI (as a term).
fn documents(out: &Output) -> BTreeMap<i64, String> {
    out.subjects_with(dg::SEQUENCE)
        .into_iter()
        .filter_map(|d| {
            out.literal(&d, dg::SEQUENCE)
                .and_then(|s| s.parse().ok())
                .map(|n| (n, d))
        })
        .collect()
}

type Triple = (String, String, String);

/// Relations and document fields (`@docN p value`, and `@docN kind K`), compared as
/// sets of labelled triples; those that involve something optional count neither way.
fn relations(gold: &Gold, out: &Output, docs: &BTreeMap<i64, String>, labels: &Labels) -> Prf {
    let (gold_rel, optional_rel) = gold_relations(gold, &labels.optional);
    let mut sys_rel = system_relations(out, docs, labels);
    sys_rel.retain(|t| !optional_rel.contains(t));
    let tp = sys_rel.intersection(&gold_rel).count();
    let mut relations = Prf::new(tp, sys_rel.len(), gold_rel.len());
    let shown = |(s, p, o): &Triple| format!("{s} {p} {o}");
    relations.missed = Some(gold_rel.difference(&sys_rel).map(shown).collect());
    relations.spurious = Some(sys_rel.difference(&gold_rel).map(shown).collect());
    relations
}

/// The output's relations stated in a document's own graph (not about the document),
/// and its documents' fields and kinds.
fn system_relations(
    out: &Output,
    docs: &BTreeMap<i64, String>,
    labels: &Labels,
) -> BTreeSet<Triple> {
    let doc_iris: BTreeSet<&String> = docs.values().collect();
    let mut sys_rel = BTreeSet::new();
    for p in relation_names() {
        let pred = format!("{}{p}", dg::NS);
        for q in out.quads.iter().filter(|q| q.predicate.as_str() == pred) {
            let g = q.graph_name.to_string();
            if doc_iris.contains(&key(&q.subject)) || !doc_iris.contains(&g) {
                continue;
            }
            let subject = Term::from(q.subject.clone());
            if let (Some(ls), Some(lo)) = (labels.of(&subject), labels.of(&q.object)) {
                sys_rel.insert((ls, p.to_string(), lo));
            }
        }
    }
    for (seq, d) in docs {
        for p in doc_fields() {
            for o in out.objects(d, &format!("{}{p}", dg::NS)) {
                if let Some(lo) = labels.of(o) {
                    sys_rel.insert((format!("@doc{seq}"), p.to_string(), lo));
                }
            }
        }
        for kind in ["Speech", "Declaration"] {
            if out.has_type(d, kind) {
                sys_rel.insert((format!("@doc{seq}"), "kind".into(), kind.into()));
            }
        }
    }
    sys_rel
}

/// The gold relations and document fields that count, and the optional relations.
fn gold_relations(gold: &Gold, optional: &BTreeSet<&str>) -> (BTreeSet<Triple>, BTreeSet<Triple>) {
    let mut gold_rel = BTreeSet::new();
    let mut optional_rel = BTreeSet::new();
    for r in &gold.relations {
        let t = (r.s.clone(), r.p.clone(), r.o.clone());
        if r.optional || optional.contains(r.s.as_str()) || optional.contains(r.o.as_str()) {
            optional_rel.insert(t);
        } else {
            gold_rel.insert(t);
        }
    }
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
    (gold_rel, optional_rel)
}

/// A statement of the output, labelled for comparison.
struct SysStatement {
    doc: Option<i64>,
    actor: Option<String>,
    act: String,
    /// Its sentence, normalised.
    text: String,
    concerns: BTreeSet<String>,
    proposal: bool,
}

impl SysStatement {
    fn matches(&self, g: &GoldStatement) -> bool {
        self.doc == Some(g.doc)
            && self.actor.as_deref() == Some(g.actor.as_str())
            && self.act == g.act
            && self.text.contains(&norm(&g.snippet))
    }

    fn is_forward_looking(&self) -> bool {
        is_proposal(&self.act)
    }

    /// How a spurious statement is listed: document, actor, act, the sentence's start.
    fn shown(&self) -> String {
        let doc = self.doc.map_or("None".into(), |d| d.to_string());
        format!(
            "{doc} {} {} {}",
            self.actor.as_deref().unwrap_or("None"),
            self.act,
            self.text.chars().take(30).collect::<String>()
        )
    }
}

/// The output's statements, in the order of their IRIs.
fn system_statements(
    out: &Output,
    docs: &BTreeMap<i64, String>,
    labels: &Labels,
) -> Vec<SysStatement> {
    let seq_of: HashMap<&String, i64> = docs.iter().map(|(s, d)| (d, *s)).collect();
    out.subjects(rdf::TYPE, &iri_term(dg::STATEMENT))
        .iter()
        .map(key)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|st| {
            let sent = out.one(&st, dg::SENTENCE).map(key);
            let text = sent.as_ref().and_then(|s| out.literal(s, nif::ANCHOR_OF));
            let ctx = sent
                .as_ref()
                .and_then(|s| out.one(s, nif::REFERENCE_CONTEXT))
                .map(key);
            let actor = match out.one(&st, dg::ACTOR) {
                Some(a) => labels.of(a),
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
                    .filter_map(|c| labels.of(c))
                    .collect(),
                proposal: out
                    .objects(&st, rdf::TYPE)
                    .iter()
                    .any(|t| key(t) == iri_term(dg::PROPOSAL)),
            }
        })
        .collect()
}

/// System and gold statements matched one to one; a system statement matched to an
/// optional gold one is dropped.
struct StatementMatch<'a> {
    /// The system statements that count, in order, each with its gold match if any.
    kept: Vec<(&'a SysStatement, Option<&'a GoldStatement>)>,
    /// The gold statements that are not optional.
    required: Vec<&'a GoldStatement>,
}

impl<'a> StatementMatch<'a> {
    fn new(syss: &'a [SysStatement], golds: &'a [GoldStatement]) -> StatementMatch<'a> {
        let matching = max_matching(syss, golds, SysStatement::matches);
        let kept = syss
            .iter()
            .enumerate()
            .map(|(i, s)| (s, matching.get(&i).map(|&j| &golds[j])))
            .filter(|(_, g)| !g.is_some_and(|g| g.optional))
            .collect();
        StatementMatch {
            kept,
            required: golds.iter().filter(|g| !g.optional).collect(),
        }
    }

    fn pairs(&self) -> impl Iterator<Item = (&'a SysStatement, &'a GoldStatement)> + '_ {
        self.kept.iter().filter_map(|(s, g)| g.map(|g| (*s, g)))
    }

    fn statements(&self) -> Prf {
        let matched: BTreeSet<*const GoldStatement> =
            self.pairs().map(|(_, g)| g as *const _).collect();
        let mut r = Prf::new(self.pairs().count(), self.kept.len(), self.required.len());
        r.missed = Some(
            self.required
                .iter()
                .filter(|g| !matched.contains(&(**g as *const _)))
                .map(|g| format!("{} {} {} {}", g.doc, g.actor, g.act, g.snippet))
                .collect(),
        );
        r.spurious = Some(
            self.kept
                .iter()
                .filter(|(_, g)| g.is_none())
                .map(|(s, _)| s.shown())
                .collect(),
        );
        r
    }

    /// Statements with a forward-looking act (see [`is_proposal`]).
    fn proposals(&self) -> Prf {
        let forward = |act: &str| is_proposal(act);
        Prf::new(
            self.pairs().filter(|(_, g)| forward(&g.act)).count(),
            self.kept
                .iter()
                .filter(|(s, _)| s.is_forward_looking())
                .count(),
            self.required.iter().filter(|g| forward(&g.act)).count(),
        )
    }

    /// Forward-looking statements that are not typed `dg:Proposal`.
    fn untyped_proposals(&self) -> usize {
        self.kept
            .iter()
            .filter(|(s, _)| s.is_forward_looking() && !s.proposal)
            .count()
    }

    /// What matched statements concern, per pair, leaving out optional entities.
    fn concerns(&self, optional: &BTreeSet<&str>) -> Prf {
        let (mut tp, mut system, mut gold) = (0, 0, 0);
        for (s, g) in self.pairs() {
            let gc: BTreeSet<&str> = g
                .concerns
                .iter()
                .map(String::as_str)
                .filter(|c| !optional.contains(c))
                .collect();
            tp += s
                .concerns
                .iter()
                .filter(|c| gc.contains(c.as_str()))
                .count();
            system += s
                .concerns
                .iter()
                .filter(|c| !optional.contains(c.as_str()))
                .count();
            gold += gc.len();
        }
        Prf::new(tp, system, gold)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use std::path::Path;

    const DOC: &str = "http://x/doc/1";

    /// Quads in the graph of the document [`DOC`]; an object in `<…>` is an IRI, else a
    /// plain literal.
    fn quads(triples: &[(&str, &str, &str)]) -> Vec<Quad> {
        let text: String = triples
            .iter()
            .map(|(s, p, o)| {
                let o = match o.starts_with('<') {
                    true => o.to_string(),
                    false => format!("{o:?}"),
                };
                format!("<{s}> <{p}> {o} <{DOC}> .\n")
            })
            .collect();
        RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(text.as_bytes())
            .collect::<std::result::Result<_, _>>()
            .unwrap()
    }

    fn iri(s: &str) -> String {
        format!("<{s}>")
    }

    fn class(c: &str) -> String {
        iri(&format!("{}{c}", dg::NS))
    }

    /// One document, 中国建议合作。: 中国 (a State, mentioned), 合作 (an Event whose
    /// mention's offsets are wrong), and 中国's proposal about 合作.
    fn output() -> Vec<Quad> {
        let (state, event) = (class("State"), class("Event"));
        let (statement, proposal) = (iri(dg::STATEMENT), iri(dg::PROPOSAL));
        let propose = iri(&dg::act("Propose"));
        quads(&[
            (DOC, dg::SEQUENCE, "1"),
            (DOC, nif::IS_STRING, "中国建议合作。"),
            ("http://x/m1", nif::ANCHOR_OF, "中国"),
            ("http://x/m1", nif::REFERENCE_CONTEXT, &iri(DOC)),
            ("http://x/m1", nif::BEGIN_INDEX, "0"),
            ("http://x/m1", nif::END_INDEX, "2"),
            ("http://x/m1", itsrdf::TA_IDENT_REF, "<http://x/e1>"),
            ("http://x/e1", rdf::TYPE, &state),
            ("http://x/e1", rdfs::LABEL, "中国"),
            ("http://x/m2", nif::ANCHOR_OF, "合作"),
            ("http://x/m2", nif::REFERENCE_CONTEXT, &iri(DOC)),
            ("http://x/m2", nif::BEGIN_INDEX, "2"),
            ("http://x/m2", nif::END_INDEX, "4"),
            ("http://x/m2", itsrdf::TA_IDENT_REF, "<http://x/e2>"),
            ("http://x/e2", rdf::TYPE, &event),
            // a typed node no mention identifies is no entity
            ("http://x/e3", rdf::TYPE, &state),
            ("http://x/s1", rdf::TYPE, &statement),
            ("http://x/s1", rdf::TYPE, &proposal),
            ("http://x/s1", dg::ACTOR, "<http://x/e1>"),
            ("http://x/s1", dg::ACT_PROP, &propose),
            ("http://x/s1", dg::SENTENCE, "<http://x/sent1>"),
            ("http://x/s1", dg::CONCERNS, "<http://x/e2>"),
            ("http://x/sent1", nif::ANCHOR_OF, "中国建议合作。"),
            ("http://x/sent1", nif::REFERENCE_CONTEXT, &iri(DOC)),
            ("http://x/sent1", nif::BEGIN_INDEX, "0"),
            ("http://x/sent1", nif::END_INDEX, "7"),
        ])
    }

    fn gold(json: &str) -> Gold {
        Gold::parse(Path::new("g.gold.json"), json).unwrap()
    }

    const GOLD: &str = r#"{"source": "x.txt",
        "entities": [{"type": "State", "label": "中华人民共和国", "aliases": ["中国"]},
                     {"type": "Organization", "label": "上海合作组织"},
                     {"type": "Event", "label": "合作", "optional": true}],
        "statements": [{"doc": 1, "actor": "中华人民共和国", "act": "Propose",
                        "snippet": "建议合作", "concerns": ["合作"]}]}"#;

    #[test]
    fn names_compare_without_width_spaces_brackets_or_quotes() {
        for (a, b) in [
            ("《上海合作组织宪章》", "上海合作组织宪章"),
            ("“南海行为准则”", "南海行为准则"),
            ("ＲＣＥＰ", "RCEP"),
            ("二 〇 一 四", "二〇一四"),
        ] {
            assert_eq!(norm(a), b);
        }
        assert_ne!(norm("中方"), norm("中国"));
    }

    #[test]
    fn matching_is_one_to_one_and_of_largest_size() {
        // left 0 can take right 0 or 1, left 1 only right 0: both must be matched
        let edges = [(0, 0), (0, 1), (1, 0)];
        let m = max_matching(&[0, 1], &[0, 1], |l, r| edges.contains(&(*l, *r)));
        assert_eq!(m, BTreeMap::from([(0, 1), (1, 0)]));
        let none = max_matching(&[0], &[0], |_, _| false);
        assert!(none.is_empty());
    }

    #[test]
    fn entities_match_by_alias_and_optional_ones_count_neither_way() {
        let r = score(&gold(GOLD), output());
        let state = &r.entities["State"];
        assert_eq!((state.tp, state.system, state.gold), (1, 1, 1));
        let org = &r.entities["Organization"];
        assert_eq!(org.missed, Some(vec!["上海合作组织".to_string()]));
        let event = &r.entities["Event"];
        assert_eq!((event.tp, event.system, event.gold), (0, 0, 0));
        assert_eq!((r.entities_micro.tp, r.entities_micro.gold), (1, 2));
    }

    #[test]
    fn an_unmatched_system_entity_is_spurious_by_its_shortest_name() {
        let r = score(&gold(r#"{"source": "x.txt", "entities": []}"#), output());
        assert_eq!(r.entities["Event"].spurious, Some(vec!["合作".to_string()]));
        assert_eq!(r.entities["State"].spurious, Some(vec!["中国".to_string()]));
    }

    #[test]
    fn a_mention_whose_anchor_is_not_its_span_is_broken() {
        let r = score(&gold(GOLD), output());
        assert_eq!((r.mentions.checked, r.mentions.broken), (3, 1));
        assert_eq!(
            r.problems,
            ["mention http://x/m2: anchorOf \"合作\" is not isString[2:4]"]
        );
        assert!(r.is_broken());
    }

    #[test]
    fn statements_match_by_document_actor_act_and_snippet() {
        let r = score(&gold(GOLD), output());
        assert_eq!((r.statements.tp, r.statements.system), (1, 1));
        assert_eq!((r.proposals.tp, r.proposals.gold), (1, 1));
        // 合作 is optional: what the statement concerns counts neither way
        assert_eq!((r.concerns.system, r.concerns.gold), (0, 0));
        let other_act = GOLD.replace("\"Propose\"", "\"Support\"");
        let r = score(&gold(&other_act), output());
        assert_eq!((r.statements.tp, r.statements.system), (0, 1));
        assert_eq!(
            r.statements.spurious,
            Some(vec!["1 中华人民共和国 Propose 中国建议合作。".to_string()])
        );
    }

    #[test]
    fn an_untyped_forward_looking_statement_is_a_problem() {
        let untyped: Vec<Quad> = output()
            .into_iter()
            .filter(|q| q.object.to_string() != iri(dg::PROPOSAL))
            .collect();
        let r = score(&gold(GOLD), untyped);
        assert!(
            r.problems
                .contains(&"1 forward-looking statements are not typed dg:Proposal".to_string()),
            "{:?}",
            r.problems
        );
    }

    #[test]
    fn document_fields_are_relations_of_the_document() {
        let mut out = output();
        out.extend(quads(&[
            (DOC, &format!("{}author", dg::NS), "<http://x/e1>"),
            (DOC, rdf::TYPE, &class("Speech")),
        ]));
        let json = GOLD.replace(
            "\"entities\"",
            "\"documents\": [{\"seq\": 1, \"kind\": \"Speech\", \"author\": \"中华人民共和国\", \"location\": \"杜尚别\"}], \"entities\"",
        );
        let r = score(&gold(&json), out);
        assert_eq!(
            (r.relations.tp, r.relations.system, r.relations.gold),
            (2, 2, 3)
        );
        assert_eq!(
            r.relations.missed,
            Some(vec!["@doc1 location 杜尚别".to_string()])
        );
    }
}
